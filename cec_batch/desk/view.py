"""What the review desk shows for one exception, and the decision a submitted form makes of it.

Pure functions over the exception row, the catalogue and a matcher: no Flask, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Mapping

from rapidfuzz.distance import DamerauLevenshtein

from cec_batch.match import EXACT, FUZZY, Matcher, PersonRef
from cec_batch.model import WARNING_KINDS, Course
from cec_batch.normalize import normalize_course_number, normalize_email, normalize_id, parse_date
from cec_batch.resolve import Decision
from cec_batch.rules import nearest_numbers

# The decision's fields (resolve's grammar), with the read field each comes from and its label.
FIELDS = (
    ("certificant", "certificant_id", "Certificant ID", "i"),
    ("course", "course_number", "Course number", "c"),
    ("date", "completion_date", "Completion date", "t"),
    ("ceus", "ceus", "CECs", "e"),
)
# How the reader names a field in its review reasons ("course number 'CP60101' read with low confidence (74)").
REASON_NAMES = {"name": "full_name", "course number": "course_number", "completion date": "completion_date",
                "email": "email", "cecs": "ceus", "ceus": "ceus", "certificant id": "certificant_id"}
LOW_CONFIDENCE = 85.0  # below this a field read from a page is marked for a second look (the reader's own bar)
ONLY_DISMISS = WARNING_KINDS | {"unreadable_file"}
# Kinds whose certificant field a certificate page may get pre-filled with the one plausible candidate.
PERSON_KINDS = {"needs_review", "unknown_certificant", "ambiguous_certificant"}
# What on the page, disagreeing with a candidate, says it is another person (a period only says the credit won't fit).
IDENTITY = ("ID", "email", "birth date")
NAME_RANK = {EXACT: 2, FUZZY: 1}  # how well the page's name agrees with a candidate's (match.Matcher.name_level)


def field_boxes(data: Mapping | None) -> dict[str, list[float]]:
    """Where each field was read on the saved page image: {field: [x0, y0, x1, y1]}, fractions of the page.

    The reader records `box` beside each field in data["read"]["fields"]; a field without
    a usable box is simply not highlighted (the page is still shown).
    """
    read = (data or {}).get("read") or ((data or {}).get("row") or {}).get("read") or {}
    fields = read.get("fields") if isinstance(read, Mapping) else None
    boxes: dict[str, list[float]] = {}
    for name, f in (fields or {}).items():
        box = f.get("box") if isinstance(f, Mapping) else None
        if not isinstance(box, (list, tuple)) or len(box) != 4:
            continue
        try:
            x0, y0, x1, y1 = (min(1.0, max(0.0, float(v))) for v in box)
        except (TypeError, ValueError):
            continue
        if x1 > x0 and y1 > y0:
            boxes[str(name)] = [x0, y0, x1, y1]
    return boxes


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:
            return ""
        if value.is_integer():
            return str(int(value))
    return str(value).strip()


@dataclass
class Shown:
    """One field on the right half: what was read, what is pre-filled, and any reason to look twice."""

    key: str
    label: str
    shortcut: str
    read: str
    value: str
    confidence: float | None = None
    reason: str | None = None
    read_key: str = ""
    guessed: bool = False              # pre-filled by the desk from the evidence, not read: Enter posts it


@dataclass
class Candidate:
    certificant_id: str
    name: str
    email: str | None
    birth_date: date | None
    periods: list[dict]
    agrees: list[str] = field(default_factory=list)    # what on the row agrees with this person
    differs: list[str] = field(default_factory=list)


@dataclass
class Page:
    """Everything the exception page shows."""

    exception: dict
    row: dict
    is_certificate: bool
    fields: list[Shown]
    name: Shown
    email: Shown
    reasons: list[str]                 # review reasons not tied to one field
    candidates: list[Candidate]
    evidence: list[str]
    course: Course | None
    nearest: list[str]
    boxes: dict[str, list[float]]
    periods: list[dict]                # outside_period: the person's periods as recorded
    only_dismiss: bool
    as_read_allowed: bool              # Enter with nothing changed posts the page as read (R19 review)
    lines: list[str] = field(default_factory=list)  # a text page's printed lines (shown when no image was saved)

    @property
    def open(self) -> bool:
        return self.exception["status"] == "open"

    @property
    def low_fields(self) -> set[str]:
        """The read fields marked for a second look (their regions are highlighted as such)."""
        return {s.read_key for s in [*self.fields, self.name, self.email] if s.reason}


def row_of(exception: Mapping) -> dict:
    return dict(((exception.get("data") or {}).get("row")) or {})


def read_of(exception: Mapping) -> dict:
    data = exception.get("data") or {}
    read = data.get("read") or row_of(exception).get("read") or {}
    return read if isinstance(read, dict) else {}


def baseline(exception: Mapping) -> dict[str, str]:
    """The value of each decision field as the rules last saw it: a submitted value that differs is a decision."""
    row = row_of(exception)
    data = exception.get("data") or {}
    person = exception.get("certificant_id") or data.get("decided_certificant") or normalize_id(row.get("certificant_id"))
    return {"certificant": person or "", "course": _text(row.get("course_number")),
            "date": _text(row.get("completion_date")), "ceus": _text(row.get("ceus"))}


def build_page(exception: Mapping, *, catalogue: Mapping[str, Course], matcher: Matcher | None,
               people: Mapping[str, object], today: date) -> Page:
    """The page model of EXCEPTION; PEOPLE maps IDs (see `candidate_ids`) to store.desk.Person."""
    row, data, read = row_of(exception), dict(exception.get("data") or {}), read_of(exception)
    is_certificate = bool(read)
    read_fields = read.get("fields") or {}
    reasons, by_field = _reasons(row.get("review") if is_certificate else None)
    base = baseline(exception)
    suggested = _suggested_person(exception, row, matcher)

    def shown(key, read_key, label, shortcut, value) -> Shown:
        f = read_fields.get(read_key) if isinstance(read_fields.get(read_key), Mapping) else {}
        conf = f.get("confidence") if isinstance(f.get("confidence"), (int, float)) else None
        reason = by_field.get(read_key)
        if reason is None and conf is not None and conf < LOW_CONFIDENCE:
            reason = f"read with low confidence ({conf:.0f})"
        return Shown(key, label, shortcut, _text(row.get(read_key)), value, conf, reason, read_key)

    fields = []
    for key, read_key, label, shortcut in FIELDS:
        value = base[key]
        if key == "certificant" and not value and suggested:
            value = suggested
        fields.append(shown(key, read_key, label, shortcut, value))
    name_value = _text(row.get("full_name")) or " ".join(
        x for x in (_text(row.get("first_name")), _text(row.get("last_name"))) if x)
    name = shown("name", "full_name", "Name", "", name_value)
    name.read = name_value
    email = shown("email", "email", "Email", "", _text(row.get("email")))

    number = normalize_course_number(base["course"]).value if base["course"] else None
    course = catalogue.get(number) if number else None
    nearest: list[str] = []
    if course is None:
        nearest = list(data.get("suggestions") or [])
        if not nearest and (number or base["course"]):
            nearest = nearest_numbers(number or base["course"].upper(), catalogue)

    day = parse_date(row.get("completion_date")).value if row.get("completion_date") is not None else None
    candidates = [_candidate(people[cid], row, day, today) for cid in candidate_ids(exception, matcher)
                  if cid in people]
    person = fields[0]
    # Pre-filled only where the clerk can check the name against the page itself: a saved image, or a
    # text layer (its printed lines are shown); an OCR reading with no image is only the machine's view.
    visible = bool(read.get("image")) or read.get("text_source") == "text"
    if (is_certificate and visible and not person.value and exception["kind"] in PERSON_KINDS
            and exception.get("status") == "open"):
        likely = likely_candidate(candidates, [people[c.certificant_id] for c in candidates], row, matcher)
        if likely:
            person.value, person.reason, person.guessed = likely
    return Page(
        exception=dict(exception), row=row, is_certificate=is_certificate, fields=fields, name=name, email=email,
        reasons=reasons, candidates=candidates, evidence=list(data.get("evidence") or []), course=course,
        nearest=nearest, boxes=field_boxes(data), periods=[_period(p, day, today) for p in data.get("periods") or []],
        only_dismiss=exception["kind"] in ONLY_DISMISS or not row,
        as_read_allowed=exception["kind"] == "needs_review" and is_certificate,
        lines=[str(x) for x in read.get("lines") or [] if isinstance(x, str)][:80],
    )


def _reasons(review) -> tuple[list[str], dict[str, str]]:
    """The reader's review reasons: those naming a field, by field, and the rest."""
    general, by_field = [], {}
    for part in (p.strip() for p in str(review or "").split(";")):
        if not part:
            continue
        low = part.lower()
        for name in sorted(REASON_NAMES, key=len, reverse=True):
            if low.startswith(name + " "):
                by_field.setdefault(REASON_NAMES[name], part[len(name):].strip())
                break
        else:
            general.append(part)
    return general, by_field


def _ref(row: Mapping) -> PersonRef:
    return PersonRef.from_row(row.get("certificant_id"), row.get("first_name"), row.get("last_name"),
                              row.get("full_name"), row.get("email"))


def _suggested_person(exception: Mapping, row: Mapping, matcher: Matcher | None) -> str | None:
    """For a page needing review: the one person the matcher would take, to pre-fill the ID."""
    if matcher is None or exception.get("certificant_id") or not row:
        return None
    m = matcher.match(_ref(row))
    return m.certificant_id


def likely_candidate(candidates: list[Candidate], people: list, row: Mapping,
                     matcher: Matcher | None) -> tuple[str, str, bool] | None:
    """The one candidate the page's name points at, to pre-fill as doubtful: (ID, the reason in words, True).

    A candidate is plausible when the page's name agrees with theirs, exactly or closely, and
    nothing on the page (ID, email, birth date) says it is someone else. The closest agreement
    wins only when it is alone at its level: two candidates whose names agree as well are never
    pre-filled (then a number key picks). Nor is one whose periods do not hold the completion date.
    """
    ref = _ref(row)
    if not ref.names or not candidates:
        return None
    judge = matcher or Matcher()
    ranked = []
    for c, p in zip(candidates, people):
        if any(what in c.differs for what in IDENTITY):
            continue
        level = judge.name_level(p, ref.names)
        if level in NAME_RANK:
            ranked.append((NAME_RANK[level], c, p))
    if not ranked:
        return None
    best = max(r[0] for r in ranked)
    top = [r for r in ranked if r[0] == best]
    if len(top) != 1 or top[0][1].differs:
        return None
    _rank, c, p = top[0]
    name = _text(row.get("full_name")) or " ".join(
        x for x in (_text(row.get("first_name")), _text(row.get("last_name"))) if x)
    theirs = f"{p.first_name} {p.last_name}"
    if best == NAME_RANK[FUZZY]:
        apart = DamerauLevenshtein.distance(name.casefold(), theirs.casefold())
        said = f"the name {name!r} is {'one letter off' if apart == 1 else 'close to'} {c.certificant_id} {theirs}"
    else:
        said = f"the name {name!r} agrees with {c.certificant_id} {theirs}"
    others = len(ranked) - 1
    said += f", whose name is closer than the {others} other{'s' if others > 1 else ''}" if others else ""
    if not c.agrees:
        said += "; no ID or email on the page confirms it"
    return c.certificant_id, said + " (pre-filled: check the name on the page)", True


def candidate_ids(exception: Mapping, matcher: Matcher | None) -> list[str]:
    """The people worth showing under the name, best first."""
    data, row = exception.get("data") or {}, row_of(exception)
    ids: list[str] = []
    if exception.get("certificant_id"):
        ids.append(exception["certificant_id"])
    for c in data.get("candidates") or []:
        if isinstance(c, Mapping) and c.get("certificant_id"):
            ids.append(str(c["certificant_id"]))
    if not ids and matcher is not None and row:
        ref = _ref(row)
        m = matcher.match(ref)
        if m.certificant_id:
            ids.append(m.certificant_id)
        elif m.finding is not None:
            ids.extend(str(c["certificant_id"]) for c in m.finding.data.get("candidates") or [])
    seen: list[str] = []
    for i in ids:
        if i not in seen:
            seen.append(i)
    return seen[:9]  # number keys 1-9


def _candidate(person, row: Mapping, day: date | None, today: date) -> Candidate:
    c = Candidate(person.certificant_id, f"{person.first_name} {person.last_name}", person.email, person.birth_date,
                  [_period((p.certification, p.start, p.end), day, today) for p in person.periods])
    rid, mail = normalize_id(row.get("certificant_id")), normalize_email(row.get("email"))
    if rid:
        (c.agrees if rid == person.certificant_id else c.differs).append("ID")
    if mail:
        (c.agrees if mail == normalize_email(person.email) else c.differs).append("email")
    birth = parse_date(row.get("birth_date")).value if row.get("birth_date") else None
    if birth and person.birth_date:
        (c.agrees if birth == person.birth_date else c.differs).append("birth date")
    if day and person.periods and not any(p.contains(day) for p in person.periods):
        c.differs.append("no period holds the completion date")
    return c


def _period(p, day: date | None, today: date) -> dict:
    name, start, end = p
    start = start if isinstance(start, date) else date.fromisoformat(str(start))
    end = end if isinstance(end, date) else date.fromisoformat(str(end))
    return {"certification": name, "start": start, "end": end, "open": end >= today,
            "holds_date": bool(day and start <= day <= end)}


def decision_from_form(exception: Mapping, form: Mapping[str, str]) -> tuple[Decision | None, str | None]:
    """The decision a submitted desk form makes (as resolve's grammar would say it), or a problem."""
    eid = exception["exception_id"]
    base = baseline(exception)
    values: dict[str, str] = {}
    for key, _read_key, label, _shortcut in FIELDS:
        typed = " ".join(str(form.get(key) or "").split())
        if not typed:
            continue
        same = (normalize_id(typed) == normalize_id(base[key]) if key == "certificant"
                else typed.upper() == base[key].upper() if key == "course" else typed == base[key])
        if not same:
            values[key] = typed
    if exception["kind"] in ONLY_DISMISS or not row_of(exception):
        return None, "this exception can only be dismissed (d, then the reason)"
    if not values and not (exception["kind"] == "needs_review" and read_of(exception)):
        return None, "nothing was changed: correct a field, pick a candidate (1-9) or dismiss (d)"
    text = "; ".join(f"{k} {v}" for k, v in values.items()) or "as read"
    return Decision(eid, text, "desk", values=values), None


def dismissal(exception: Mapping, reason: str) -> tuple[Decision | None, str | None]:
    reason = " ".join(str(reason or "").split())
    if not reason:
        return None, "a dismissal needs a reason"
    return Decision(exception["exception_id"], f"dismiss: {reason}", "desk", dismiss=reason), None
