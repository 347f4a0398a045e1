"""The quick screen of the common, clean row: the same decision as `rules.screen`, in bulk.

Most roster rows are unremarkable: a well-formed catalogue course number, a plain
date, an ID in the registry whose name agrees exactly. For those rows `screen`
would build the same Screened result after many small steps; here each distinct
cell value is normalised once per file, and a row is decided by a handful of
dictionary look-ups. A row that is anything but clean gets None and goes through
`rules.screen` (the one place the rules are written), so this module can only
ever say "this row is the clean case", never refuse or guess. Tests compare both
paths on every sample.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from cec_batch.match import Matcher
from cec_batch.model import Course, Outcome
from cec_batch.normalize import (
    CLEAN_EMAIL_RE,
    first_names_compatible,
    is_blank,
    name_tokens,
    normalize_course_number,
    normalize_email,
    normalize_id,
    parse_date,
    split_name,
)
from cec_batch.rules import Screened


class _Cache(dict):
    """Memo of FUNC over hashable cell values (NaN and other odd cells are left to the slow path)."""

    def __init__(self, func: Callable):
        super().__init__()
        self.func = func

    def __missing__(self, key):
        value = self[key] = self.func(key)
        return value


def _email_of(raw):
    """A cell's normalised email; None when blank, "!" when present but malformed."""
    email = normalize_email(raw)  # None when blank, so is_blank is asked only of a cell that is no address
    return email if email is not None else None if is_blank(raw) else "!"


def quick_screen(columns: dict[str, list], *, catalogue: dict[str, Course], matcher: Matcher,
                 today: date, id_of: dict | None = None) -> list[Screened | None]:
    """For each row (COLUMNS: ROW_FIELDS -> list of cells), its Screened result if clean, else None.
    ID_OF: normalised IDs of ID cells already worked out (normalize_id), if any."""
    n = len(columns["location"])
    out: list[Screened | None] = [None] * n
    none = [None] * n
    review = columns.get("review") or none
    birth = columns.get("birth_date") or none
    read = columns.get("read") or none

    def course_of(raw):
        if is_blank(raw):
            return None
        parsed = normalize_course_number(raw)
        return catalogue.get(parsed.value) if parsed.value and not parsed.corrections else None

    def date_of(raw):
        parsed = parse_date(raw)
        return parsed.value if parsed.value is not None and parsed.value <= today else None

    def tokens_of(raw):
        return () if is_blank(raw) else name_tokens(str(raw))

    def splits_of(raw):
        return () if is_blank(raw) else tuple(split_name(str(raw)))

    courses, dates, ids = _Cache(course_of), _Cache(date_of), _Cache(normalize_id)
    ids.update(id_of or {})
    emails, tokens, splits = _Cache(_email_of), _Cache(tokens_of), _Cache(splits_of)
    blank = _Cache(is_blank)
    compatible = first_names_compatible
    clean_email = CLEAN_EMAIL_RE.fullmatch
    # Registry people as match.Form: first name's first token, surname joined (the store keeps both), email.
    people = _Cache(matcher.form)
    cols = [columns[c] for c in ("location", "certificant_id", "first_name", "last_name", "full_name", "email",
                                 "course_number", "completion_date", "ceus")] + [review, read, birth]
    for i, (loc, cid_raw, first, last, full, mail, course_raw, day_raw, ceus, rev, rd, bd) in enumerate(zip(*cols)):
        if rev is not None or rd is not None or (bd is not None and not is_blank(bd)):
            continue
        try:
            course = courses[course_raw]
            day = dates[day_raw] if course is not None else None
            cid = ids[cid_raw] if day is not None else None
            person = people[cid] if cid else None
            if person is None:  # not in the registry, or without a full name there
                continue
            person_first, person_surname, person_email = person
            # A cell already in normalize_email's clean form is its own normalised email.
            email = None if mail is None else mail if mail.__class__ is str and clean_email(mail) else emails[mail]
            if email is not None and email != person_email:
                continue
            no_first = first is None or blank[first]
            no_last = last is None or blank[last]
            no_full = full is None or blank[full]
            if not (no_first and no_last):
                if no_first or no_last:
                    continue
                readings = ((tokens[first], tokens[last]),)
            elif not no_full:
                readings = splits[full]
            else:
                readings = None if email is None else ()  # ID alone, or ID and agreeing email
        except TypeError:  # an unhashable cell: not the clean case
            continue
        if readings is None:
            shown_name = ""
        else:
            agree = False
            for rf, rl in readings:
                if rl and rf and "".join(rl) == person_surname and compatible(rf[0], person_first):
                    agree = True
                    break
            if not agree and (readings or not (no_first and no_last and no_full)):
                continue
            shown_name = (f"{str(first).strip()} {str(last).strip()}".strip() if not no_first
                          else str(full).strip() if not no_full else "")
        # The person as the row shows them: ID, name, <email>, whichever are there.
        shown = f"{cid} {shown_name}" if shown_name else cid
        if email:
            shown = f"{shown} <{email}>"
        outcome = Outcome(location=loc, certificant_id=cid, certificant_ref=shown,
                          course_number=course.course_number, completion_date=day, category=course.category)
        out[i] = Screened(outcome, course, ceus)
    return out
