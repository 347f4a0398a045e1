"""Finding a certificate page's fields: labelled values, values by their shape, and candidates.

`find_fields` reads what the page labels (the vocabulary of cert_vocabulary) and
what only one value on the page can be by its shape. `candidates` (below) lists
every value of every field on the page with its context, for the choice made
against the registry and catalogue by the pipeline (cec_batch.certificate_choice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cec_batch.readers.cert_layout import Line, Seg, lines_of
from cec_batch.readers.cert_vocabulary import (
    COURSE_LABELLED_RE,
    COURSE_RE,
    CEUS_SUFFIX_RE,
    DATE_RE,
    DIGIT_PART,
    EDGE_PUNCT,
    EMAIL_RE,
    FIELD_NAMES,
    HOURS_SUFFIX_RE,
    ID_RE,
    LABEL_RES,
    NAME_STOP,
    NAME_TOKEN,
    NOT_NAMES,
    NUMBER_RE,
    PARTICLES,
    SEPARATORS,
)

# Found by its shape alone rather than after a label. A date is never trusted that
# way (letters carry issue dates and event ranges too); a course number's shape is
# specific enough when it is the only one on the page.
PATTERN_FACTOR = {"course_number": 0.95, "completion_date": 0.6, "ceus": 0.9, "email": 0.95}

# ---------------------------------------------------------------- finding fields


def _course_span(text: str, m: re.Match) -> tuple[int, int] | None:
    """The course number inside a regex match: 5-6 digits with at most one break.

    A break after a complete number ends it: "CA23456 0.8" is CA23456 followed by
    the CECs, not CA234560.
    """
    start = m.start()
    body = m.group()
    digits_at = DIGIT_PART.match(body).end()
    run, breaks = 0, 0
    end = len(body)
    for i in range(digits_at, len(body)):
        if body[i] in " -.":
            if run >= 5 or breaks:
                end = i
                break
            breaks += 1
            run = 0
            continue
        run += 1
    digits = re.sub(r"[ \-.]", "", body[digits_at:end])
    if not 5 <= len(digits) <= 6 or sum(ch.isdigit() for ch in digits) < 3:
        return None
    after = text[start + end:start + end + 1]
    if after and after.isalnum():
        return None
    return start, start + end



@dataclass
class Found:
    value: str
    confidence: float
    how: str                  # "label" or "pattern"
    label: str | None = None
    from_parts: bool = False          # a name joined from first and last name labelled apart
    box: tuple | None = None          # where the value's words are (OCR pixels), for a second look
    reread: float | None = None       # confidence of the second, independent reading when one was made

    def as_dict(self) -> dict:
        out = {"value": self.value, "confidence": round(self.confidence, 1), "how": self.how,
               "label": self.label}
        if self.reread is not None:
            out["reread_confidence"] = round(self.reread, 1)
        return out


@dataclass
class _Label:
    fields: tuple[str, ...]
    strength: int
    announces: bool
    seg: Seg
    line_no: int
    start: int
    end: int
    region_end: int = 0

    @property
    def text(self) -> str:
        return self.seg.text[self.start:self.end]


def _find_labels(lines: list[Line]) -> list[_Label]:
    labels = []
    for n, line in enumerate(lines):
        for seg in line.segs:
            hits = []
            for lab, rx in LABEL_RES:
                for m in rx.finditer(seg.text):
                    if lab.generic and seg.text[:m.start()].rstrip()[-1:].isalnum():
                        continue
                    hits.append(_Label(lab.fields, lab.strength, lab.announces, seg, n, m.start(), m.end()))
            hits.sort(key=lambda h: (-(h.end - h.start), h.start))
            taken: list[_Label] = []
            for h in hits:
                if all(h.end <= t.start or h.start >= t.end for t in taken):
                    taken.append(h)
            taken.sort(key=lambda h: h.start)
            for a, b in zip(taken, taken[1:] + [None]):
                a.region_end = b.start if b else len(seg.text)
            labels.extend(taken)
    return labels


def _strip_span(text: str, a: int, b: int, lead: str = SEPARATORS) -> tuple[int, int]:
    while a < b and text[a] in lead:
        a += 1
    while b > a and text[b - 1] in " \t":
        b -= 1
    return a, b


# A value finder gets the region after a label and returns the value's span in it,
# or None. `strict` regions (the next cell, the line below) must hold the value only.
def _v_name(text: str, a: int, b: int, strict: bool, single: bool = False):
    cut = NAME_STOP.search(text, a, b)
    if cut:
        b = cut.start()
    a, b = _strip_span(text, a, b, EDGE_PUNCT)
    while b > a and text[b - 1] in EDGE_PUNCT:
        b -= 1
    tokens = text[a:b].split()
    if not tokens or len(tokens) > (2 if single else 5) or (not single and len(tokens) < 2):
        return None
    for i, tok in enumerate(tokens):
        core = tok[:-1] if (tok.endswith(",") and i == 0 and not single) else tok
        if not NAME_TOKEN.fullmatch(core) or core.casefold().strip(".") in NOT_NAMES:
            return None
        if not core[0].isupper() and core.casefold() not in PARTICLES:
            return None
    if not single and sum(1 for t in tokens if sum(ch.isalpha() for ch in t) >= 2) < 2:
        return None
    return a, b


def _v_regex(rx: re.Pattern, anchored: bool):
    def finder(text: str, a: int, b: int, strict: bool):
        a, b = _strip_span(text, a, b)
        m = rx.search(text, a, b)
        if not m:
            return None
        if (anchored or strict) and m.start() != a:
            return None
        if strict and text[m.end():b].strip(EDGE_PUNCT):
            return None
        return m.start(), m.end()
    return finder


def _v_course(text: str, a: int, b: int, strict: bool):
    a, b = _strip_span(text, a, b)
    for m in COURSE_LABELLED_RE.finditer(text, a, b):
        span = _course_span(text[:b], m)
        if span is None:
            continue
        if strict and (span[0] != a or text[span[1]:b].strip(EDGE_PUNCT)):
            return None
        return span
    return None


def _v_email(text: str, a: int, b: int, strict: bool):
    a, b = _strip_span(text, a, b)
    m = EMAIL_RE.search(re.sub(r"\s*([@.])\s*", r"\1", text[a:b]))
    return (a, b) if m else None


def _v_text(text: str, a: int, b: int, strict: bool):
    a, b = _strip_span(text, a, b, EDGE_PUNCT)
    cut = re.search(r",\s+(?=[a-z])", text[a:b])      # "Conference 2026, held in ..." ends the title
    if cut:
        b = a + cut.start()
    while b > a and text[b - 1] in EDGE_PUNCT:
        b -= 1
    value = text[a:b]
    if sum(ch.isalpha() for ch in value) < 3 or not (value[:1].isupper() or value[:1].isdigit()):
        return None
    if COURSE_LABELLED_RE.fullmatch(value) or DATE_RE.fullmatch(value):
        return None
    return a, b


FINDERS = {
    "full_name": _v_name,
    "first_name": lambda t, a, b, s: _v_name(t, a, b, s, single=True),
    "last_name": lambda t, a, b, s: _v_name(t, a, b, s, single=True),
    "certificant_id": _v_regex(ID_RE, anchored=True),
    "email": _v_email,
    "course_number": _v_course,
    "completion_date": _v_regex(DATE_RE, anchored=False),
    "ceus": _v_regex(NUMBER_RE, anchored=True),
    "hours": _v_regex(NUMBER_RE, anchored=True),
    "title": _v_text,
    "provider": _v_text,
}


def _regions(label: _Label, lines: list[Line], labels_by_seg: dict[int, list[_Label]]):
    """Where a label's value may be: after it on its segment, else the next cell, else just below."""
    seg = label.seg
    a, b = _strip_span(seg.text, label.end, label.region_end)
    if a < b:
        yield seg, a, b, False
        return
    line = lines[label.line_no]
    i = line.segs.index(seg)
    if label.region_end == len(seg.text) and i + 1 < len(line.segs):
        nxt = line.segs[i + 1]
        if not _starts_with_label(nxt, labels_by_seg):
            yield nxt, 0, _region_end(nxt, labels_by_seg), True
    # Below: a table header above its cell, or a heading above a name. Look at most two
    # lines down and no further than a few line heights.
    height = max(seg.y1 - seg.y0, 1.0)
    x0, x1 = seg.x0, seg.x1
    if label.start > 0 and len(line.segs) > 1:    # the label ends a longer phrase: its own part only
        x0 = seg.x0 + (label.start / max(len(seg.text), 1)) * (seg.x1 - seg.x0)
    for below in lines[label.line_no + 1: label.line_no + 3]:
        if below.y0 - seg.y1 > 3.5 * height:
            break
        hits = [s for s in below.segs if s.x0 < x1 and s.x1 > x0]
        for s in hits:
            if not _starts_with_label(s, labels_by_seg):
                yield s, 0, _region_end(s, labels_by_seg), True
        if hits:
            return


def _starts_with_label(seg: Seg, labels_by_seg) -> bool:
    own = labels_by_seg.get(id(seg))
    return bool(own) and not seg.text[:own[0].start].strip(EDGE_PUNCT)


def _region_end(seg: Seg, labels_by_seg) -> int:
    own = labels_by_seg.get(id(seg))
    return own[0].start if own else len(seg.text)


def find_fields(segs: list[Seg]) -> tuple[dict[str, Found], list[str], list]:
    """Every field that can be read from the page's segments, notes on ambiguities, and the
    labels that nothing followed (field, label text, label box): OCR may have missed a short
    value there ("Contact hours:  6")."""
    lines = lines_of(segs)
    labels = _find_labels(lines)
    labels_by_seg: dict[int, list[_Label]] = {}
    for lab in labels:
        labels_by_seg.setdefault(id(lab.seg), []).append(lab)
    found: dict[str, Found] = {}
    notes: list[str] = []
    unread: dict[str, str] = {}       # strong label seen, no value after it: what followed it
    bare: list = []                   # labels with nothing at all after them

    for lab in sorted(labels, key=lambda l: (-l.strength, l.line_no, l.start)):
        wanted = [f for f in lab.fields if f != "ignored" and f not in found]
        if not wanted:
            continue
        regions = list(_regions(lab, lines, labels_by_seg))
        if not regions:
            bare.extend((f, lab.text, lab.seg.box(lab.start, lab.end)) for f in wanted)
        for f in wanted:
            if lab.announces and f not in unread:
                after = " ".join(seg.text[a:b] for seg, a, b, _ in regions[:1]).strip()
                unread[f] = f"after {lab.text!r}: {after[:40]!r}" if after else f"nothing after {lab.text!r}"
        for seg, a, b, strict in regions:
            for f in wanted:
                if f in found:
                    continue
                span = FINDERS[f](seg.text, a, b, strict)
                if span:
                    value = seg.text[span[0]:span[1]]
                    if f == "email":
                        value = re.sub(r"\s*([@.])\s*", r"\1", value)
                        value = EMAIL_RE.search(value).group()
                    found[f] = Found(value, seg.conf(*span), "label", lab.text, box=seg.box(*span))
            if all(f in found for f in wanted):
                break

    _value_then_unit(lines, found, "ceus", CEUS_SUFFIX_RE)
    _value_then_unit(lines, found, "hours", HOURS_SUFFIX_RE)
    for f in ("course_number", "completion_date", "full_name"):
        if f not in found and f in unread:
            notes.append(f"{FIELD_NAMES[f]}: unreadable {unread[f]}")
    if "course_number" not in unread:
        _by_shape(lines, found, notes, "course_number", COURSE_RE, key=lambda v: re.sub(r"[\s\-.]", "", v).upper(),
                  span=_unlabelled_course)
    if "completion_date" not in unread:
        _by_shape(lines, found, notes, "completion_date", DATE_RE, key=lambda v: " ".join(v.split()).lower())
    _by_shape(lines, found, notes, "email", EMAIL_RE, key=str.lower)
    if "provider" not in found and lines:
        top = lines[0].segs[0]
        if _v_text(top.text, 0, len(top.text), True) and not re.search(r"certificate", top.text, re.I):
            found["provider"] = Found(top.text, top.conf(0, len(top.text)), "pattern", None)
    name_from_parts(found)
    return found, notes, [b for b in bare if b[0] not in found]


def name_from_parts(found: dict[str, Found]) -> None:
    """First and last name labelled apart make the name (its confidence is the weaker part's)."""
    full = found.get("full_name")
    if full is not None and not full.from_parts:
        return                      # a name printed whole wins
    if "first_name" in found and "last_name" in found:
        first, last = found["first_name"], found["last_name"]
        found["full_name"] = Found(f"{first.value} {last.value}", min(first.confidence, last.confidence),
                                   "label", f"{first.label} / {last.label}", from_parts=True)


def _value_then_unit(lines: list[Line], found: dict, f: str, rx: re.Pattern) -> None:
    """'0.8 CECs', '12 contact hours': the unit after the number is its label, and outranks a label before."""
    for line in lines:
        for seg in line.segs:
            m = rx.search(seg.text)
            if m:
                found[f] = Found(m.group(1), seg.conf(m.start(1), m.end()), "label",
                                 m.group()[len(m.group(1)):].strip(), box=seg.box(m.start(1), m.end(1)))
                return


def _unlabelled_course(text: str, m: re.Match) -> tuple[int, int] | None:
    # "San Diego, CA 92123", "Santa Ana CA 92705": California and a ZIP code, not a course.
    if text[:m.start()].rstrip().endswith(",") or re.fullmatch(r"CA[ .]\d{5}", m.group()):
        return None
    return _course_span(text, m)


def _by_shape(lines, found, notes, f: str, rx: re.Pattern, key, span=None) -> None:
    """A value with no label, taken from its shape when exactly one such value is on the page."""
    if f in found:
        return
    hits = {}
    for line in lines:
        for seg in line.segs:
            for m in rx.finditer(seg.text):
                got = span(seg.text, m) if span else m.span()
                if got is None:
                    continue
                a, b = got
                value = seg.text[a:b]
                hits.setdefault(key(value), (value, seg.conf(a, b), seg.box(a, b)))
    if len(hits) == 1:
        value, conf, box = next(iter(hits.values()))
        found[f] = Found(value, conf * PATTERN_FACTOR[f], "pattern", box=box)
    elif len(hits) > 1:
        notes.append(f"{FIELD_NAMES.get(f, f)}: several unlabelled candidates ({', '.join(sorted(hits))[:120]})")


