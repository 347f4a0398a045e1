"""Choosing a certificate page's person and course against the registry and catalogue (R16-R19).

The certificate reader runs in an isolated child process and knows neither the
registry nor the catalogue: it lists every candidate value on the page with its
context (readers.cert_fields) and says, by field, what it could not read with
confidence (`read.problems`). Here, in the parent, the closed world settles what
it can, the way a careful clerk reads:

- the person: the page's name-like runs are looked up through the matcher (exact,
  nicknames, accents, "Last, First"); an ID or email on the page that belongs to the
  same person is more evidence, and lets a name with a small typo agree. A name OCR read
  with low confidence counts only beside a sure ID or email, or when it spells one
  certificant's name exactly and no other certificant's name is near it. Exactly one
  best-supported person, with a name on the page, is taken; two equally supported,
  or a name and an ID that point at different people, stay with staff.
- the course: course-number shapes anywhere on the page, normalised as R7 allows,
  confirmed against the catalogue; when several catalogue numbers are on the page, a
  catalogue title printed on it decides. On an OCR'd page, a number whose R7
  correction could as well have given another catalogue number goes to staff.

Only what agrees is filled in; the page then goes through the rules like any other
row (R7, R8, R15, R16-R18 and the ledger's checks). Anything left doubtful keeps the
page in `needs_review`, with every field found filled in and the reason in plain
words. The date is chosen in the reader (it needs no closed world).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from rapidfuzz import fuzz

from cec_batch.match import EXACT, FUZZY, NO, Matcher, PageEvidence
from cec_batch.model import Course
from cec_batch.normalize import (name_tokens, normalize_course_number, normalize_email, normalize_id, parse_date,
                                 split_name)
from cec_batch.readers.cert_fields import SEVERAL_COURSES
from cec_batch.rules import EVENT_SPAN_DAYS, NAME_LOOKUP_CONFIDENCE, REVIEW_CONFIDENCE, cecs_from_hours

# A catalogue title counts as printed on the page from this partial-match score (OCR'd text).
TITLE_SCORE = 92
# What R7's look-alike letters may stand for: a letter read in the digit part was
# corrected to the first digit, but the scan may as well have shown one of the others.
LOOK_ALIKES = {"O": "08", "o": "08", "D": "08", "Q": "08", "I": "17", "l": "17", "|": "17", "S": "58", "s": "58",
               "B": "83", "Z": "27", "G": "69"}
# An email address as printed or as OCR spaces it out ("jane.doe @ example.com").
_EMAIL_LOOSE = re.compile(r"[\w.%+\-]+ ?@ ?[\w\-]+(?: ?\. ?[\w\-]+)*")
_PREFIX_RE = re.compile(r"^\s*(CEP|CP|CA|CS|CL)[ \-.]*", re.IGNORECASE)


def choose_fields(frame, *, catalogue: dict[str, Course], matcher: Matcher):
    """FRAME (a certificate file's rows) with what the closed world settles filled in."""
    if frame is None or len(frame) == 0 or "read" not in frame:
        return frame
    out = None
    for i, row in enumerate(frame.to_dict("records")):
        new = choose_page(row, catalogue=catalogue, matcher=matcher)
        if new is None:
            continue
        if out is None:
            out = frame.copy()
        for key, value in new.items():
            out.iat[i, out.columns.get_loc(key)] = value
    return frame if out is None else out


def choose_page(row: dict, *, catalogue: dict[str, Course], matcher: Matcher) -> dict | None:
    """The fields of one page to change (a dict of row fields), or None when nothing changes."""
    read = row.get("read")
    if not isinstance(read, dict) or "problems" not in read:
        return None
    problems: dict[str, str] = dict(read.get("problems") or {})
    cands = read.get("candidates") or []
    ocr = read.get("text_source") == "ocr"
    changes: dict = {}
    chosen: dict[str, dict] = {}

    if "course_number" in problems:
        _choose_course(cands, read, ocr, catalogue, problems, changes, chosen)
    elif ocr and row.get("course_number"):
        doubt = _look_alike_doubt(str(row["course_number"]), catalogue)
        if doubt:
            problems["course_number"] = doubt
    if "full_name" in problems:
        _choose_person(row, cands, ocr, matcher, problems, changes, chosen)
    elif not row.get("certificant_id") and not row.get("email"):
        _id_beside_name(row, cands, matcher, changes, chosen)
        if ocr and "certificant_id" not in changes:
            _name_spelt_by_ocr(row, matcher, changes, chosen)
    _check_event_credit(row, read, changes, catalogue, problems)
    _event_last_day(row, read, cands, ocr, changes, catalogue, problems, chosen)
    if ocr:
        _point_lost(row, read, changes, catalogue, chosen)
        _digit_misread(row, read, changes, catalogue, chosen)
        _unsure_statement(row, read, changes, catalogue, chosen)

    if problems == (read.get("problems") or {}) and not changes:
        return None
    read = dict(read)
    read["problems"] = problems
    if chosen:
        read["chosen"] = chosen
        fields = dict(read.get("fields") or {})
        fields.update({f: {k: v for k, v in c.items() if k != "evidence"} for f, c in chosen.items()})
        read["fields"] = fields
    changes["read"] = read
    changes["review"] = "; ".join(problems.values()) or None
    return changes


# ---------------------------------------------------------------- the course


def _choose_course(cands, read, ocr, catalogue, problems, changes, chosen) -> None:
    found = [c for c in cands if c.get("field") == "course_number"]
    numbers: dict[str, dict] = {}
    for c in found:
        parsed = normalize_course_number(c["value"], ocr=ocr)
        if parsed.value:
            numbers.setdefault(parsed.value, c)
    known = {n: c for n, c in numbers.items() if n in catalogue}
    sure = {n: c for n, c in known.items() if c["confidence"] >= REVIEW_CONFIDENCE}
    page_text = _page_text(read)
    titled = {n: c for n, c in known.items() if _title_on_page(catalogue[n].title, page_text)}
    pick, evidence = None, []
    doubt = ((read.get("fields") or {}).get("course_number") or {}).get("doubt") or ""
    if SEVERAL_COURSES in doubt:
        # The page labels several course numbers alike (a catalogue's entries, a menu's rows): the
        # one read most surely is no more the course than the others; only its title can say.
        sure = {n: c for n, c in sure.items() if n in titled} if len(titled.keys() & known.keys()) == 1 else {}
    if len(sure) == 1:
        pick = next(iter(sure))
        evidence.append(f"{pick} is in the catalogue")
        if pick in titled:
            evidence.append("its catalogue title is printed on the page")
    elif len(sure) > 1 and len(titled.keys() & sure.keys()) == 1:
        pick = next(iter(titled.keys() & sure.keys()))
        evidence.append(f"{pick} is the one of {', '.join(sorted(sure))} whose catalogue title is printed on the page")
    elif not sure and len(titled) == 1 and len(known) == 1:
        # Read with some doubt, but the catalogue's own title on the page agrees with it.
        pick = next(iter(titled))
        evidence.append(f"{pick} (read with confidence {known[pick]['confidence']:.0f}) is in the catalogue "
                        f"and its title is printed on the page")
    if pick is None:
        if len(sure) > 1:
            problems["course_number"] = (f"course numbers {' and '.join(sorted(sure))} are both in the catalogue "
                                         f"and nothing on the page says which one was completed")
        elif numbers and not known:
            problems["course_number"] += (f"; {', '.join(sorted(numbers))} on the page "
                                          f"{'is' if len(numbers) == 1 else 'are'} not in the catalogue")
        if len(numbers) == 1:
            changes["course_number"] = next(iter(numbers.values()))["value"]   # pre-filled for staff
        return
    doubt = _look_alike_doubt(known[pick]["value"], catalogue) if ocr else None
    if doubt:
        problems["course_number"] = doubt
        changes["course_number"] = known[pick]["value"]
        return
    del problems["course_number"]
    c = known[pick]
    changes["course_number"] = c["value"]
    chosen["course_number"] = {"value": c["value"], "confidence": c["confidence"], "how": "closed world",
                               "label": None, "box": c.get("box"), "evidence": evidence}


def _course_of(row, changes, catalogue, *, ocr: bool) -> Course | None:
    """The catalogue course of the page's course number, as chosen here or as read."""
    number = normalize_course_number(changes.get("course_number") or row.get("course_number") or "", ocr=ocr).value
    return catalogue.get(number) if number else None


def _check_event_credit(row, read, changes, catalogue, problems) -> None:
    """R11: an event's credit is the attendee's own, as the page states it, with nothing in the
    catalogue to check it by. When the page states CECs and hours that disagree ("1.0 CEC" read
    from a conversion sentence, "15" hours after their label), or OCR read them with low
    confidence ("1 5" hours read as 1), staff decide."""
    hours, ceus = read.get("hours"), row.get("ceus")
    field = ((read.get("fields") or {}).get("ceus") or {})
    course = _course_of(row, changes, catalogue, ocr=read.get("text_source") == "ocr")
    if course is None or course.category != "event" or ceus is None:
        return
    doubt = field.get("doubt") or read.get("hours_doubt")
    if doubt:
        problems["ceus"] = (f"CECs: the page does not state one credit ({doubt}), "
                            f"and an event's credit is the attendee's own")
        return
    if field.get("confidence") is not None and field["confidence"] < REVIEW_CONFIDENCE:
        what = f"{hours} hours" if "hours x" in str(field.get("label") or "") else f"{ceus} CEC"
        problems["ceus"] = (f"CECs: {what} read with low confidence ({field['confidence']:.0f}), "
                            f"and an event's credit is the attendee's own")
        return
    if not hours or "hours x" in str(field.get("label") or ""):
        return
    try:
        stated, from_hours = Decimal(str(ceus)), cecs_from_hours(str(hours).replace(",", "."))
    except (InvalidOperation, ValueError):
        return
    if stated != from_hours:
        problems["ceus"] = (f"CECs: the page states {stated} CEC and {hours} hours ({from_hours} CEC), which "
                            f"disagree, and an event's credit is the attendee's own")


def _event_last_day(row, read, cands, ocr, changes, catalogue, problems, chosen) -> None:
    """R11: an event completes on its last day. An event's attendance record that lists the days
    attended in one column under a plain 'Date' ("Day 1 sessions | 04/24/2026", "Day 2 ...")
    completes on the last of them, where the reader, which does not know the course is an event,
    left the earliest as a guess; so does one whose days are each called the completion (a
    passport's sessions each stamped "ATTENDED"), where the reader left the date to staff. Only
    when every date of the column was read with confidence, they lie within EVENT_SPAN_DAYS of
    each other, and the page names no other course (a transcript of several courses is no one
    event's record)."""
    if "completion_date" not in problems:
        return
    field = (read.get("fields") or {}).get("completion_date") or {}
    if field.get("how") == "guess" and len(field.get("column") or []) >= 2:
        column, where = field["column"], "listed in one column of the record"
    elif not field and not row.get("completion_date"):
        # Each day stamped "ATTENDED" on an event's passport: every one called the completion.
        column, where = [c for c in cands if c.get("field") == "date" and c.get("kind") == "completion"], \
            "each called the completion on the record"
        if len({parse_date(c["value"]).value or c["value"] for c in column}) < 2:
            return
    else:
        return
    course = _course_of(row, changes, catalogue, ocr=ocr)
    if course is None or course.category != "event":
        return
    numbers = {normalize_course_number(str(c.get("value") or ""), ocr=ocr).value
               for c in cands if c.get("field") == "course_number"}
    if numbers != {course.course_number}:
        return
    days = [(parse_date(c["value"]).value, c) for c in column]
    if any(d is None for d, _c in days):
        return
    first, (last, printed) = min(d for d, _c in days), max(days, key=lambda dc: dc[0])
    if (last - first).days > EVENT_SPAN_DAYS or not _sure_but_between(days, cands):
        return
    box = next((c.get("box") for c in cands if c.get("field") == "date" and c.get("value") == printed["value"]), None)
    del problems["completion_date"]
    changes["completion_date"] = printed["value"]
    chosen["completion_date"] = {"value": printed["value"], "confidence": printed["confidence"],
                                 "how": "closed world", "label": field.get("label"), "box": box,
                                 "evidence": [f"the last of {len({d for d, _c in days})} days {where} of event "
                                              f"{course.course_number}: an event completes on its last day"]}


def _sure_but_between(days: list, cands: list[dict]) -> bool:
    """Whether an event's DAYS ((day, column entry) pairs) were read surely enough to take the last:
    every one read with confidence; or the first and the last so, and the days down the page in
    order, each read unsurely standing between its sure neighbours (a middle day's digit in
    doubt changes nothing about which day was the last)."""
    if all(c["confidence"] >= REVIEW_CONFIDENCE for _d, c in days):
        return True
    where = {c.get("value"): c.get("box") for c in cands if c.get("field") == "date" and c.get("box")}
    if any(where.get(c["value"]) is None for _d, c in days):
        return False
    down = sorted(days, key=lambda dc: where[dc[1]["value"]][1])
    order = [d for d, _c in down]
    if order != sorted(order) or len(set(order)) != len(order):
        return False
    return down[0][1]["confidence"] >= REVIEW_CONFIDENCE and down[-1][1]["confidence"] >= REVIEW_CONFIDENCE


def _point_lost(row, read, changes, catalogue, chosen) -> None:
    """R10 on a scan: stated CECs that are the catalogue's value with its decimal point lost
    ("12" for 1.2, "5" or "05" for 0.5: OCR drops a small dot) are the catalogue's value, not a
    provider's disagreement to warn staff of. An event's credit is the attendee's own (R11),
    so there nothing is assumed."""
    raw = str(row.get("ceus") or "").strip()
    if not raw.isdigit():
        return
    course = _course_of(row, changes, catalogue, ocr=True)
    if course is None or course.category == "event":
        return
    shown = _as_printed(course)
    digits = shown.replace(".", "")
    if raw not in (digits, digits.lstrip("0")) or Decimal(raw) == Decimal(course.ceus):
        return
    _catalogues_value(read, changes, chosen, raw, course, "with its decimal point lost")


def _as_printed(course: Course) -> str:
    """A course's catalogue CECs as a certificate prints them: "0.8", "1.0"."""
    shown = f"{Decimal(course.ceus).normalize():f}"
    return shown if "." in shown else shown + ".0"


def _catalogues_value(read, changes, chosen, raw: str, course: Course, how: str) -> None:
    """Stated CECs read as RAW taken for COURSE's catalogue value, misread HOW."""
    shown = _as_printed(course)
    changes["ceus"] = shown
    field = ((read.get("fields") or {}).get("ceus") or {})
    chosen["ceus"] = {"value": shown, "confidence": field.get("confidence"), "how": "closed world",
                      "label": field.get("label"), "box": field.get("box"),
                      "evidence": [f"read as {raw!r}: the catalogue's {shown} for {course.course_number} {how}"]}


# Digits that OCR takes for one another in degraded print (a fax's or a scan's): the gaps that
# tell them apart close up, or a stroke fades.
_DIGITS_CONFUSED = frozenset(frozenset(pair) for pair in ("38", "68", "17"))


def _digit_misread(row, read, changes, catalogue, chosen) -> None:
    """R10 on a scan: stated CECs that are the catalogue's value with one digit read as another it
    looks like ("0.3" for 0.8) are the catalogue's value, not a provider's disagreement to warn
    staff of. The credit is the same either way (an ordinary course posts the catalogue's value);
    only the warning over a misreading goes. An event's credit is the attendee's own (R11)."""
    if "ceus" in changes:
        return
    raw = str(row.get("ceus") or "").strip()
    course = _course_of(row, changes, catalogue, ocr=True)
    if not raw or course is None or course.category == "event":
        return
    shown = _as_printed(course)
    if len(raw) != len(shown):
        return
    differ = [(a, b) for a, b in zip(raw, shown) if a != b]
    if len(differ) != 1 or frozenset(differ[0]) not in _DIGITS_CONFUSED:
        return
    misread, printed = differ[0]
    _catalogues_value(read, changes, chosen, raw, course, f"with a {printed} read as the {misread} it looks like")


def _unsure_statement(row, read, changes, catalogue, chosen) -> None:
    """R10 on a scan: stated CECs that OCR could not read with confidence ("0.0" read at 0 for
    0.8), or read as nothing at all ("0" for "1.0": no certificate awards no credit), are no
    statement to warn staff of. An ordinary course posts the catalogue's value whatever the page
    states, so the credit is the same; only the warning, which would send a right credit to
    staff over a misreading, goes. An event's credit is the attendee's own (R11): there the
    reading stands and goes to staff as before."""
    if "ceus" in changes or row.get("ceus") in (None, ""):
        return
    field = (read.get("fields") or {}).get("ceus") or {}
    if field.get("confidence") is None:
        return
    try:
        zero = Decimal(str(row["ceus"]).strip().replace(",", ".")) == 0
    except (InvalidOperation, ValueError):
        zero = False
    if field["confidence"] >= REVIEW_CONFIDENCE and not zero:
        return
    course = _course_of(row, changes, catalogue, ocr=True)
    if course is None or course.category == "event":
        return
    try:
        if Decimal(str(row["ceus"]).strip()) == Decimal(course.ceus):
            return
    except (InvalidOperation, ValueError):
        pass
    changes["ceus"] = None
    how = "no credit at all" if zero else f"with confidence {field['confidence']:.0f}"
    chosen["ceus"] = {"value": None, "confidence": field["confidence"], "how": "closed world",
                      "label": field.get("label"), "box": field.get("box"),
                      "evidence": [f"read as {row['ceus']!r} {how}: no statement to warn of; "
                                   f"{course.course_number} posts its catalogue value"]}


def _look_alike_doubt(raw: str, catalogue: dict[str, Course]) -> str | None:
    """On an OCR'd page: why a course number whose R7 correction is not the only reading stays with staff."""
    m = _PREFIX_RE.match(raw)
    if not m:
        return None
    prefix, digits = m.group(1).upper(), re.sub(r"[ \-.]", "", raw[m.end():])
    readings = {""}
    for ch in digits:
        options = LOOK_ALIKES.get(ch, ch) if not ch.isdigit() else ch
        readings = {r + o for r in readings for o in options}
        if len(readings) > 64:
            return None
    if len(readings) < 2:
        return None
    hits = sorted(prefix + r for r in readings if prefix + r in catalogue)
    if len(hits) > 1:
        return (f"course number {raw!r} may be read as {' or '.join(hits)}: a character in it could be "
                f"either digit, and both are in the catalogue")
    return None


def _page_text(read: dict) -> str:
    parts = list(read.get("lines") or [])
    parts += [c.get("line", "") for c in read.get("candidates") or []]
    if read.get("title"):
        parts.append(read["title"])
    return " ".join(parts)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _title_on_page(title: str, page_text: str) -> bool:
    t = _fold(title or "")
    if len(t) < 8:
        return False
    text = _fold(page_text)
    return t in text or fuzz.partial_ratio(t, text) >= TITLE_SCORE


# ---------------------------------------------------------------- the person


def _windows(text: str) -> list[str]:
    """A run of name-like words and its shorter parts: "Dr. Jane Doe CPT" holds "Jane Doe"."""
    words = text.split()
    out = [text]
    for size in range(min(4, len(words)), 1, -1):
        for i in range(len(words) - size + 1):
            out.append(" ".join(words[i:i + size]))
    return list(dict.fromkeys(out))


# What OCR makes of a letter English lacks: the two dots of "ü" read as an "i" of their own
# ("Miiller", "Jiirgen"). A scanned page's name is also looked up with the letter put back.
_OCR_SPELLINGS = (("ii", "u"),)


def _spellings(text: str, ocr: bool) -> list[str]:
    """TEXT, and on a scanned page TEXT with OCR's spellings undone."""
    out = [text]
    if ocr:
        out += [text.replace(seen, meant) for seen, meant in _OCR_SPELLINGS if seen in text]
    return out


def _name_windows(text: str, ocr: bool) -> list[str]:
    """`_windows` of each of TEXT's `_spellings`."""
    return list(dict.fromkeys(w for t in _spellings(text, ocr) for w in _windows(t)))


def _read_name(row) -> str:
    """The name the reader found on the page: the full name, or first and last name together."""
    return str(row.get("full_name") or " ".join(x for x in (row.get("first_name"), row.get("last_name")) if x))


def _choose_person(row, cands, ocr, matcher, problems, changes, chosen) -> None:
    runs = [c for c in cands if c.get("field") == "name" and c.get("kind") != "staff"
            and (not ocr or c["confidence"] >= NAME_LOOKUP_CONFIDENCE)]
    names: list[str] = []
    box_of: dict[str, dict] = {}
    for c in runs:
        for w in _name_windows(c["value"], ocr):
            names.append(w)
            box_of.setdefault(w, c)
    read_name = _read_name(row)
    field = (row.get("read") or {}).get("fields", {}).get("full_name") or {}
    if read_name and (not ocr or (field.get("confidence") or 0) >= NAME_LOOKUP_CONFIDENCE):
        spellings = _spellings(read_name, ocr)
        names = [*spellings, *names]
        for w in spellings:
            box_of[w] = {"confidence": field.get("confidence"), "box": field.get("box")}
    poorly_read: set[str] = set()
    if ocr:
        # Runs read too poorly for the lookup above may still spell one certificant's name exactly.
        weak_runs = [c for c in cands if c.get("field") == "name" and c.get("kind") != "staff"
                     and c["confidence"] < NAME_LOOKUP_CONFIDENCE]
        if read_name and (field.get("confidence") or 0) < NAME_LOOKUP_CONFIDENCE:
            weak_runs.insert(0, {"value": read_name, "confidence": field.get("confidence"),
                                 "box": field.get("box")})
        for c in weak_runs:
            text = next((w for w in _name_windows(c["value"], ocr) if _spelt_exactly(w, matcher)), None)
            if text is not None and text not in box_of:
                names.append(text)
                box_of[text] = c
                poorly_read.add(text)
    ids = [c["value"] for c in cands if c.get("field") == "certificant_id"]
    emails = [c["value"] for c in cands if c.get("field") == "email"]
    ids += [row["certificant_id"]] if row.get("certificant_id") else []
    emails += [row["email"]] if row.get("email") else []
    evidence = matcher.on_page(names, ids, emails)
    if ocr and not evidence:
        spelt = _named_as_ocr_spells(names, matcher)
        if spelt is not None:
            del problems["full_name"]
            _named_by_ocr_spelling(spelt, box_of.get(spelt.name) or {}, changes, chosen)
            return
    # The ID and email the reader found count as read with the confidence it found them at (a
    # second look may have made one sure that the page's candidates hold read poorly).
    read_ids = cands + _found_ids_and_emails(row)
    if ocr:
        weak = [c for c in cands if c.get("field") == "name" and c.get("kind") != "staff"
                and c["confidence"] < NAME_LOOKUP_CONFIDENCE]
        _poorly_read_names_beside_ids(evidence, weak, read_ids, matcher, box_of, ocr)
    named = [e for e in evidence if e.level == EXACT or (e.level == FUZZY and (e.certificant_id or e.email))]
    if not named:
        # An ID or email on the page, and its owner's first or last name printed on it ("Hi Rosa,").
        # The address itself ("dimitrov.sean@...") is not the name printed: only words outside emails count.
        words = set(name_tokens(_EMAIL_LOOSE.sub(" ", _page_text(row.get("read") or {}))))
        partial = [e for e in evidence if (e.certificant_id or e.email)
                   and words & set(name_tokens(e.person.first_name) + name_tokens(e.person.last_name))]
        if not partial and ocr:
            runs = [c["value"] for c in cands if c.get("field") == "name" and c.get("kind") != "staff"]
            # The name the reader found counts too: it may be parted from a glued run
            # ("FrangoisLefévre") that no candidate or page word holds apart.
            runs += [read_name] if read_name else []
            partial = [e for e in evidence if _sure_owner(e, read_ids) and (
                _name_misspelt_on_page(e, words) or any(_differs_only_at_foreign_letters(r, e.person) for r in runs))]
        if len(partial) == 1 and len(evidence) == 1:
            e = partial[0]
            del problems["full_name"]
            changes.update(full_name=None, first_name=None, last_name=None, certificant_id=e.person.certificant_id)
            if e.email:
                changes["email"] = e.email
            chosen["full_name"] = {"value": None, "confidence": None, "how": "closed world", "label": None,
                                   "box": None, "evidence": [f"{_what(e)} belongs to {e.person.display}, "
                                                             f"whose first or last name is printed on the page"]}
            return
        sole = _named_by_email(row, evidence, ocr)
        if sole is not None:
            e = sole
            del problems["full_name"]
            changes.update(full_name=None, first_name=None, last_name=None, email=e.email)
            if e.certificant_id:
                changes["certificant_id"] = e.certificant_id
            how = [f"email {e.email} (labelled as the learner's) belongs to {e.person.display} alone"]
            how += [f"ID {e.certificant_id} agrees"] if e.certificant_id else []
            chosen["full_name"] = {"value": None, "confidence": None, "how": "closed world", "label": None,
                                   "box": None, "evidence": how + ["no name is printed on the page"]}
            return
        if evidence:
            owners = ", ".join(e.person.display for e in evidence[:3])
            problems["full_name"] += f"; the page's ID or email belongs to {owners}, whose name is not on it"
        return
    best = named[0]
    rivals = [e for e in named[1:] if e.strength == best.strength]
    if rivals:
        people = [best, *rivals]
        same = len({e.name for e in people}) == 1
        problems["full_name"] = (
            f"the name {best.name!r} on the page fits {len(people)} certificants "
            f"({', '.join(e.person.display for e in people)}) and no ID or email says which" if same else
            f"the page names {len(people)} certificants ({', '.join(_shown(e) for e in people)}) "
            f"and nothing says which one completed the course")
        changes["full_name"] = best.name
        return
    others = [e for e in evidence if e is not best and e.level == NO and (e.certificant_id or e.email)]
    if others:
        problems["full_name"] = (f"the name {best.name!r} is {best.person.display}, but the page's "
                                 f"{_what(others[0])} belongs to {others[0].person.display}")
        changes["full_name"] = best.name
        return
    del problems["full_name"]
    changes["full_name"] = best.name
    changes["first_name"] = changes["last_name"] = None
    if best.certificant_id:
        changes["certificant_id"] = best.certificant_id
    if best.email:
        changes["email"] = best.email
    c = box_of.get(best.name)
    how = [f"name {'agrees with' if best.level == EXACT else 'is close to'} {best.person.display}"]
    if best.name in poorly_read:
        how += [f"read with low confidence ({c['confidence'] or 0:.0f}), but spelt exactly and no other "
                f"certificant's name is within a few letters of it"]
    how += [f"ID {best.certificant_id}"] if best.certificant_id else []
    how += [f"email {best.email}"] if best.email else []
    chosen["full_name"] = {"value": best.name, "confidence": c["confidence"] if c else None, "how": "closed world",
                           "label": None, "box": c.get("box") if c else None, "evidence": how}


def _id_beside_name(row, cands, matcher, changes, chosen) -> None:
    """A name read with confidence but no labelled ID or email, and an ID printed on the page
    without a label our vocabulary knows ("ACE Certification | 107455"): when exactly one sure
    ID on the page is a certificant whose name agrees exactly with the page's, that ID goes with
    the name. Two certificants of one name are then told apart by the page, as a clerk would."""
    read_name = _read_name(row)
    splits = [(f, l) for f, l in split_name(read_name) if f and l] if read_name else []
    if not splits:
        return
    owners = {}
    for c in cands:
        if c.get("field") == "certificant_id" and c["confidence"] >= REVIEW_CONFIDENCE:
            cid = normalize_id(c["value"])
            p = matcher.person(cid) if cid else None
            if p is not None and matcher.name_level(p, splits) == EXACT:
                owners[cid] = (p, c)
    if len(owners) != 1:
        return
    cid, (p, c) = next(iter(owners.items()))
    changes["certificant_id"] = cid
    chosen["certificant_id"] = {"value": cid, "confidence": c["confidence"], "how": "closed world", "label": None,
                                "box": c.get("box"),
                                "evidence": [f"ID {cid} printed on the page belongs to {p.display}, "
                                             f"whose name the page gives"]}


# A name word of the owner of a sure ID counts as printed when OCR got at most one letter of it
# wrong ("Wéjcik, tukasz" for "Wójcik, Łukasz"), if it is this long and every such word is there.
_MISSPELT_LETTERS = 5


def _sure_ids_and_emails(cands: list[dict]) -> set[str]:
    """The IDs and emails read on the page with confidence (REVIEW_CONFIDENCE), normalised."""
    sure = {normalize_id(c["value"]) for c in cands if c.get("field") == "certificant_id"
            and c["confidence"] >= REVIEW_CONFIDENCE}
    sure |= {normalize_email(c["value"]) for c in cands if c.get("field") == "email"
             and c["confidence"] >= REVIEW_CONFIDENCE}
    sure.discard(None)
    return sure


def _found_ids_and_emails(row) -> list[dict]:
    """The ID and email the reader found on the page, as candidates with the confidence it found
    each at."""
    fields = (row.get("read") or {}).get("fields", {})
    return [{"field": f, "value": row[f], "confidence": fields.get(f, {}).get("confidence") or 0.0}
            for f in ("certificant_id", "email") if row.get(f)]


def _sure_owner(e: PageEvidence, cands: list[dict]) -> bool:
    """Whether E's ID or email was read on the page with confidence."""
    return bool({e.certificant_id, e.email} & _sure_ids_and_emails(cands))


def _name_misspelt_on_page(e: PageEvidence, words: set[str]) -> bool:
    """Whether every word of E's first and last name is on the page, each at most one letter off
    (and at least _MISSPELT_LETTERS long: a short word one letter off is another word)."""
    from rapidfuzz.distance import Levenshtein

    own = name_tokens(e.person.first_name) + name_tokens(e.person.last_name)
    return bool(own) and all(len(t) >= _MISSPELT_LETTERS and any(
        Levenshtein.distance(t, w, score_cutoff=1) <= 1 for w in words if len(w) >= _MISSPELT_LETTERS - 1)
        for t in own)


def _spelt_exactly(text: str, matcher: Matcher) -> bool:
    """Whether a name read with low confidence is nonetheless one certificant's name, letter for
    letter (accents and case aside; no nickname, no initial, no typo), and no other certificant's
    name lies within a few letters of it (Matcher.near_rivals). A misreading would have to turn
    someone else's name into exactly this one, several letters away from their own."""
    splits = [(f, l) for f, l in split_name(text) if f and l]
    people = matcher.by_name(splits) if splits else []
    if len(people) != 1:
        return False
    p = people[0]
    if not any((f, l) == matcher.person_tokens(p) for f, l in splits):
        return False
    return not matcher.near_rivals(p)


def _poorly_read_names_beside_ids(evidence: list[PageEvidence], weak: list[dict], cands: list[dict],
                                  matcher: Matcher, box_of: dict, ocr: bool = True) -> None:
    """An ID or email read with confidence names its owner; a name-like run read too poorly for a
    lookup of its own ("Sgren Kjergaard" for "Søren Kjærgaard", OCR's guess at letters English lacks)
    that agrees with the owner's name, at least as closely as a typo, is the name beside the ID (R17).
    Only for the owner of a sure ID or email: a poor reading names someone by itself only when it
    spells their name exactly and no one else's is near (_spelt_exactly). EVIDENCE is re-sorted, strongest first."""
    sure = _sure_ids_and_emails(cands)
    for e in evidence:
        if e.level != NO or not ({e.certificant_id, e.email} & sure):
            continue
        for c in weak:
            text = next((w for w in _name_windows(c["value"], ocr)
                         if matcher.name_level(e.person, [(f, l) for f, l in split_name(w) if f and l]) != NO), None)
            if text is not None:
                e.name, e.level = text, FUZZY
                box_of.setdefault(text, c)
                break
    evidence.sort(key=lambda e: (-e.strength, e.person.certificant_id))


def _name_spelt_by_ocr(row, matcher, changes, chosen) -> None:
    """A scanned page's name, read with confidence, that is no certificant's as read but one's as
    OCR spells the letters English lacks (_named_as_ocr_spells): that certificant, by their ID."""
    read_name = _read_name(row)
    field = (row.get("read") or {}).get("fields", {}).get("full_name") or {}
    if not read_name or (field.get("confidence") or 0) < NAME_LOOKUP_CONFIDENCE:
        return
    if matcher.by_name([(f, l) for f, l in split_name(read_name) if f and l]):
        return
    e = _named_as_ocr_spells([read_name], matcher)
    if e is not None:
        _named_by_ocr_spelling(e, field, changes, chosen)


def _named_by_ocr_spelling(e: PageEvidence, read: dict, changes, chosen) -> None:
    """The page names E by a spelling of theirs OCR made (READ: where and how sure it was read).
    The name as read is nobody's, so the certificant goes by ID."""
    changes.update(full_name=None, first_name=None, last_name=None, certificant_id=e.person.certificant_id)
    chosen["full_name"] = {"value": e.name, "confidence": read.get("confidence"), "how": "closed world",
                           "label": read.get("label"), "box": read.get("box"),
                           "evidence": [f"{e.name!r} is {e.person.display} as OCR reads the letters English lacks "
                                        f"(it differs from the name only there), and no other certificant's name "
                                        f"is within a few letters of it"]}


# At most this many letters changed by OCR's spelling of letters English lacks in one name.
_FOREIGN_EDITS = 3


def _named_as_ocr_spells(names: list[str], matcher: Matcher) -> PageEvidence | None:
    """A name read on a scanned page that is a certificant's name as OCR spells the letters English
    lacks ("Seren Kjergaard" for "Søren Kjærgaard", "Jirgen Miiller" for "Jürgen Müller"): the only
    differences fall on those letters (_differs_only_at_foreign_letters). It names them when it
    names one certificant so and no other certificant's name is within a few letters of theirs
    (Matcher.near_rivals), as a poorly read name spelt exactly does. None otherwise."""
    hits: dict[str, tuple[str, object]] = {}
    for text in names:
        splits = [(f, l) for f, l in split_name(text) if f and l]
        if not splits:
            continue
        for p in matcher.similar_names(splits):
            if _differs_only_at_foreign_letters(text, p):
                hits.setdefault(p.certificant_id, (text, p))
    if len(hits) != 1:
        return None
    text, p = next(iter(hits.values()))
    if matcher.near_rivals(p):
        return None
    return PageEvidence(p, name=text, level=EXACT)


def _differs_only_at_foreign_letters(text: str, p) -> bool:
    """Whether TEXT is P's name (first then last, or last then first) with at least one of its
    letters outside A-Z read as something else, and every other letter as printed: each edit
    from the name to TEXT replaces or drops such a letter, or inserts beside one ("ü" read as
    "ii")."""
    from rapidfuzz.distance import Levenshtein

    read, first, last = _fold(text), _fold(p.first_name or ""), _fold(p.last_name or "")
    if not read or not first or not last:
        return False
    for name in (f"{first} {last}", f"{last} {first}"):
        if not any(ord(ch) > 127 for ch in name) or name == read:
            continue
        ops = Levenshtein.editops(name, read)
        if len(ops) <= _FOREIGN_EDITS and all(
                _foreign(name, op.src_pos) if op.tag in ("replace", "delete") else
                _foreign(name, op.src_pos - 1) or _foreign(name, op.src_pos) for op in ops):
            return True
    return False


def _foreign(name: str, i: int) -> bool:
    """Whether the letter at I of NAME is one English lacks."""
    return 0 <= i < len(name) and ord(name[i]) > 127


def _named_by_email(row, evidence, ocr) -> PageEvidence | None:
    """A page that prints no name but labels the learner's email ("Customer email: ..."): its owner.

    R17 ranks an email above a name, and a roster row with an email alone is posted. On a
    page this holds only when the reader found no name at all (a name that disagrees is
    someone else's certificate), the email stands after an email label (not in a sentence
    such as a contact line), it was read with the confidence a name needs for its lookup (the
    lookup is exact: a misread address is nobody's), and no ID or email on the page belongs
    to anyone else.
    """
    if len(evidence) != 1 or row.get("full_name") or row.get("first_name") or row.get("last_name"):
        return None
    e = evidence[0]
    field = ((row.get("read") or {}).get("fields") or {}).get("email") or {}
    if not e.email or field.get("how") != "label":
        return None
    if ocr and (field.get("confidence") or 0) < NAME_LOOKUP_CONFIDENCE:
        return None
    return e


def _shown(e: PageEvidence) -> str:
    return f"{e.person.display} as {e.name!r}"


def _what(e: PageEvidence) -> str:
    return f"ID {e.certificant_id}" if e.certificant_id else f"email {e.email}"


__all__ = ["choose_fields", "choose_page", "EXACT", "FUZZY", "NO"]
