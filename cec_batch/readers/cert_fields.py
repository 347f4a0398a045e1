"""Finding a certificate page's fields: labelled values, values by their shape, and candidates.

`find_fields` reads what the page labels (the vocabulary of cert_vocabulary) and
what only one value on the page can be by its shape. `candidates` (below) lists
every value of every field on the page with its context, for the choice made
against the registry and catalogue by the pipeline (cec_batch.certificate_choice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from cec_batch.normalize import parse_date
from cec_batch.readers.cert_layout import Line, Seg, fractions, lines_of, page_slope
from cec_batch.readers.cert_vocabulary import (
    COURSE_BREAKS,
    COURSE_LABELLED_RE,
    COURSE_RE,
    CEUS_SUFFIX_RE,
    DATE_RE,
    DAY_WORD,
    FIFTH_MISREAD,
    FIRST_MISREAD,
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
    STATUS_DONE_WORDS,
    WORD_DATE_RE,
    RAISED_ORDINAL_MARKS,
    SEPARATORS,
    WEEKDAY,
    CAPTION_COMPLETION_WORDS,
    CAPTION_DATE_WORDS,
    CAPTION_OTHER_WORDS,
    COMPLETION_WORDS,
    CONTEXT_WORDS,
    COURSE_APPROVAL_PHRASES,
    MONTH_RE,
    OTHER_DATE_WORDS,
    STAFF_WORDS,
    word_date,
    phrase_regex,
)

# Found by its shape alone rather than after a label. A date is never trusted that
# way (letters carry issue dates and event ranges too); a course number's shape is
# specific enough when it is the only one on the page.
_NO_BREAKS = str.maketrans("", "", COURSE_BREAKS)

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
        if body[i] in COURSE_BREAKS:
            if run >= 5 or breaks:
                end = i
                break
            breaks += 1
            run = 0
            continue
        run += 1
    digits = "".join(ch for ch in body[digits_at:end] if ch not in COURSE_BREAKS)
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
    box: tuple | None = None          # where the value's words are (page units), for a second look
    reread: float | None = None       # confidence of the second, independent reading when one was made
    announced: bool = False           # the label can only mean this field ("Completion Date")
    doubt: str | None = None          # a best guess kept for staff to confirm: why it is not sure
    column: tuple = ()                # a guess among dates in one column: each one's (value, confidence)
    parts: tuple = ()                 # a value wrapped over two lines: each line's box, for a second look

    def as_dict(self, extent=None) -> dict:
        out = {"value": self.value, "confidence": round(self.confidence, 1), "how": self.how,
               "label": self.label}
        if self.reread is not None:
            out["reread_confidence"] = round(self.reread, 1)
        if self.doubt is not None:
            out["doubt"] = self.doubt
        if self.column:
            out["column"] = [{"value": v, "confidence": round(c, 1)} for v, c in self.column]
        if extent is not None:
            out["box"] = fractions(self.box, extent)
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
                    if {"ceus", "hours"} & set(lab.fields) and _COUNTED.search(seg.text[:m.start()]):
                        continue        # "One punch = one contact hour attended": a unit counted, no label
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


# "One", "each" or "per" just before an amount's label makes it a unit counted ("One punch = one
# contact hour attended"), not a label. (A figure before it may be a form's box number: "6 CEUs awarded".)
_COUNTED = re.compile(r"\b(?:one|an?|each|per)\s*$", re.IGNORECASE)


# A short aside in brackets between a label and the colon before its value.
_ASIDE = re.compile(r"\([^()\d]{1,30}\)\s*:\s*")


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
    if len(tokens) == 1 and not single:
        tokens = _GLUED_NAME.sub(" ", tokens[0]).split()      # "FrancoisLefevre": a space OCR lost
    if not tokens or len(tokens) > (2 if single else 5) or (not single and len(tokens) < 2):
        return None
    commas = 0
    for i, tok in enumerate(tokens):
        core = tok
        if tok.endswith(",") and i < len(tokens) - 1 and not single and not commas:
            core, commas = tok[:-1], 1        # "Doe, Jane", "dos Santos, Ana"
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


def _v_date(text: str, a: int, b: int, strict: bool):
    """A date; in a cell of its own (STRICT), also between its weekday and its time of day, as a
    learning platform prints a moment ("Friday, 10 April 2026, 4:37 PM"). A weekday without a time
    is a table's day ("Fri, Oct 10, 2025" under "Date", one of an event's days), and a time without
    a weekday a stamp's: neither cell is a date's alone."""
    a, b = _strip_span(text, a, b)
    m = DATE_RE.search(text, a, b)
    if not m:
        return None
    # Words between a label and a date that name another day make it that day's ("Date" of
    # "Date of enrolment: 06/25/2026").
    if _names_other_day(text[a:m.start()]):
        return None
    if strict:
        weekday = _WEEKDAY.match(text, a)
        rest = text[m.end():b]
        clock = _CLOCK_AFTER.match(rest) if weekday is not None else None
        if clock is not None:
            a = len(text) - len(text[weekday.end():].lstrip())
            rest = rest[clock.end():]
        if m.start() != a or rest.strip(EDGE_PUNCT):
            return None
    return m.start(), m.end()


# A time of day after a date in its cell: ", 4:37 PM", " at 14:05", " 09:41:39 UTC".
_CLOCK_AFTER = re.compile(r"\s*,?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4})?\s*$")


# A page's number as a foot prints it: "- 1 -", "Page 2", "Page 1 of 3".
_PAGE_NUMBER = re.compile(r"\s*(?:[-\u2013\u2014]\s*\d{1,3}\s*[-\u2013\u2014]|page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)\s*",
                          re.IGNORECASE)


def _v_amount(finder, other_unit: re.Pattern):
    """An amount after a label, unless it is a conversion ("contact hours = 1.0 CEC"): a value
    after '=' or one that carries the other unit is not this field's."""
    def amount(text: str, a: int, b: int, strict: bool):
        if "=" in text[max(0, a - 3):a] or text[a:b].lstrip(" \t:").startswith(("=", "equals")):
            return None
        if _PAGE_NUMBER.fullmatch(text[a:b]):
            return None         # "- 1 -" under a running foot ("DECLARATION RE: CONTINUING EDUCATION CREDIT")
        span = finder(text, a, b, strict)
        if span and other_unit.match(text, span[0]):
            return None
        return span
    return amount


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
    "completion_date": _v_date,
    "ceus": _v_amount(_v_regex(NUMBER_RE, anchored=True), HOURS_SUFFIX_RE),
    "hours": _v_amount(_v_regex(NUMBER_RE, anchored=True), CEUS_SUFFIX_RE),
    "title": _v_text,
    "provider": _v_text,
}


# Marks OCR reads from specks after a label ("ACE course number." with the value in the next cell).
_SPECKS = ".,;'’`\"“”"


def _speck_after(label: _Label) -> bool:
    """Whether a label is followed on its segment by marks alone ("ACE CEC." ending a sentence)."""
    a, b = _strip_span(label.seg.text, label.end, label.region_end)
    return a < b and not label.seg.text[a:b].strip(_SPECKS + SEPARATORS)


def _regions(label: _Label, lines: list[Line], labels_by_seg: dict[int, list[_Label]], slope: float = 0.0):
    """Where a label's value may be: after it on its segment, else the next cell, else just below.
    On a sheet askew (SLOPE, page_slope) the next cell of a wide row may stand on a line of its own,
    above or below the label's: it is taken where the slope puts the label's row at its place."""
    seg = label.seg
    a, b = _strip_span(seg.text, label.end, label.region_end)
    aside = _ASIDE.match(seg.text, a, b)
    if aside:
        # "CE hours attended (badge scans): 15": a label's aside, then its value; with nothing
        # after it ("Course completed on (date stamp): | AUG 0320") the value is the next cell's.
        a = aside.end()
    specks = _speck_after(label)
    if a < b and not specks:
        yield seg, a, b, False
        return
    if _qualifies_next(label):
        return
    line = lines[label.line_no]
    i = line.segs.index(seg)
    # The next cell; a speck read as a cell of its own (":" between a label and its value) is none.
    after = [s for s in line.segs[i + 1:] if any(ch.isalnum() for ch in s.text)]
    if label.region_end == len(seg.text) and after:
        nxt = after[0]
        if not _starts_with_label(nxt, labels_by_seg):
            yield nxt, 0, _region_end(nxt, labels_by_seg), True
    elif label.region_end == len(seg.text) and not specks:
        sloped = _sloped_cell(seg, lines, label.line_no, slope)
        if sloped is not None and not _starts_with_label(sloped, labels_by_seg):
            yield sloped, 0, _region_end(sloped, labels_by_seg), True
    if specks:
        return          # "ACE CEC." ending a sentence: a period, and nothing below is its value
    # Below: a table header above its cell, or a heading above a name. Look at most two
    # lines down and no further than a few line heights; under a table's header row, three lines
    # and as far as a table's rows stand apart (a heading of two lines, "COMPL DATE" over
    # "(MM/DD/YY)", and a row of dashes between the header and the first row).
    height = max(seg.y1 - seg.y0, 1.0)
    depth, reach = (4, _TABLE_GAP) if len(line.segs) >= _TABLE_CELLS else (3, 3.5)
    x0, x1 = seg.x0, seg.x1
    if label.start > 0 and len(line.segs) > 1 and not _translates(seg.text[:label.start]):
        # The label ends a longer phrase: its own part only (a heading in two languages,
        # "HEURES DE FC / CE HOURS", is one label over its column, whichever half it is in).
        x0 = seg.x0 + (label.start / max(len(seg.text), 1)) * (seg.x1 - seg.x0)
    under, gap_under = [], None
    for below in lines[label.line_no + 1: label.line_no + depth]:
        if below.y0 - seg.y1 > reach * height:
            break
        hits = [s for s in below.segs if s.x0 < x1 and s.x1 > x0]
        under = [s for s in hits if not _starts_with_label(s, labels_by_seg)]
        if hits:
            gap_under = below.y0 - seg.y1
            break
    over = _caption_of(label, lines, labels_by_seg, gap_under)
    if over is not None:
        yield over, 0, _region_end(over, labels_by_seg), True
        return
    column = None
    if _level_cells(seg, lines, label.line_no) >= _TABLE_CELLS:
        # The heading's own words, but a heading in two languages is one heading ("DÉBUT / START").
        after = seg.text[label.end:].lstrip()
        right = x1 if not after or after.startswith("/") else seg.part(label.start, label.end).x1
        column = _column_under(label, lines, x0, right)
    for s in under:
        end = _region_end(s, labels_by_seg)
        if column is not None:
            spans = _within_column(s, column, x0)
            if not spans:
                continue
            if spans[0] != (0, len(s.text)):
                for a, b in spans:
                    yield s, a, min(b, end), True
                continue
        yield s, 0, end, True


def _level(a, b) -> bool:
    """Whether boxes A and B (a token's, a segment's) stand level as cells of one row: of about
    one height (neither twice the other) with their middles less than half of it apart. A value
    set large just under a heading reaches up beside it, and is no cell of the heading's row."""
    ha, hb = max(a.y1 - a.y0, 1.0), max(b.y1 - b.y0, 1.0)
    return max(ha, hb) <= 2 * min(ha, hb) and abs((a.y0 + a.y1) - (b.y0 + b.y1)) / 2 < 0.5 * min(ha, hb)


def _level_cells(seg: Seg, lines: list[Line], n: int) -> int:
    """The cells of SEG's row: the segments level with it on its line (N) and on those beside it
    (OCR sets some headings of a row on a line of their own, a little lower)."""
    return sum(1 for line in lines[max(0, n - 1):n + 2] for s in line.segs if _level(s, seg))


def _column_under(label: _Label, lines: list[Line], x0: float, x1: float) -> tuple[float, float]:
    """The span across of the column of a table heading standing from X0 to X1: from halfway
    between the word before it on the header row and X0, to halfway between X1 and the word after
    it. The words are the row's, not its cells': OCR runs neighbouring headings into one cell
    ("Course No. CompletedOn Credits"), and sets some on a line of their own a little lower (the
    row is the words `_level` with the label, on its line and those beside).
    A heading in two languages ("HEURES DE FC / CE HOURS") is one heading, X0 to X1."""
    head = label.seg.part(label.start, label.end)
    n = label.line_no
    toks = [t for line in lines[max(0, n - 1):n + 2] for s in line.segs for t in s.toks
            if _level(t, head) and not x0 <= (t.x0 + t.x1) / 2 <= x1]
    before = max((t.x1 for t in toks if t.x1 <= x0), default=None)
    after = min((t.x0 for t in toks if t.x0 >= x1), default=None)
    return (float("-inf") if before is None else (before + x0) / 2,
            float("inf") if after is None else (x1 + after) / 2)


def _within_column(seg: Seg, column: tuple[float, float], left: float) -> list[tuple[int, int]]:
    """The characters (a, b) of SEG's words that stand in COLUMN (their middles within it), and
    then, when some of those begin before LEFT (the heading's left edge), of those that do not:
    a fax's narrow cells run into one segment ("ZacharyReyes zachary_reyes@example.com Functional
    Training for Older Adults CA23456"), and the heading's value is its column's part. A long
    value spills from its cell into the next column's half ("Older Adults"), where a column's
    values set from the heading's left edge, as a spreadsheet's are, begin no earlier than it.
    Nothing when no word stands in the column."""
    inside = [i for i, t in enumerate(seg.toks) if column[0] <= (t.x0 + t.x1) / 2 <= column[1]]
    if not inside:
        return []
    spans = [(seg.starts[inside[0]], seg.starts[inside[-1]] + len(seg.toks[inside[-1]].text))]
    height = max(seg.y1 - seg.y0, 1.0)
    later = [i for i in inside if seg.toks[i].x0 >= left - 0.5 * height]
    if later and later != inside:
        spans.append((seg.starts[later[0]], spans[0][1]))
    return spans


def _sloped_cell(seg: Seg, lines: list[Line], n: int, slope: float) -> Seg | None:
    """The cell to the right of SEG on its row, on the line before or after its own (line N):
    SEG's height band, moved as SLOPE moves the row there, shares SLOPED_CELL_FIT of itself with
    the cell (a value OCR boxed taller than its print, "410260" for "CS410260", stands on a
    line of its own too)."""
    height = max(seg.y1 - seg.y0, 1.0)
    mid_x = (seg.x0 + seg.x1) / 2
    for line in (lines[n - 1] if n else None, lines[n + 1] if n + 1 < len(lines) else None):
        if line is None:
            continue
        right = [s for s in line.segs if s.x0 > seg.x1]
        if not right:
            continue
        s = right[0]
        drift = slope * ((s.x0 + s.x1) / 2 - mid_x)             # how far the row has dropped there
        shared = min(seg.y1 + drift, s.y1) - max(seg.y0 + drift, s.y0)
        if shared >= SLOPED_CELL_FIT * height:
            return s
    return None


SLOPED_CELL_FIT = 0.5


def _translates(before: str) -> bool:
    """Whether the words before a label are the same heading in another language, set off by a
    slash ("DÉBUT / START", "HEURES DE FC / CE HOURS")."""
    return before.rstrip().endswith("/")


def _qualifies_next(label: _Label) -> bool:
    """Whether the label is the first word of the next one's phrase ("Learner email", "Student
    ID"): another label follows it a space away on its segment, so it has no value of its own.
    Labels a cell apart (a table's header row read as one segment) each head their column."""
    seg = label.seg
    if label.region_end >= len(seg.text):
        return False
    end, nxt = seg.box(label.start, label.end), seg.box(label.region_end, label.region_end + 1)
    if end is None or nxt is None:
        return False
    return nxt[0] - end[2] <= _PHRASE_GAP * max(end[3] - end[1], 1.0)


# Words of one phrase stand at most this share of their height apart (a space); cells are further.
_PHRASE_GAP = 0.6


def _caption_of(label: _Label, lines: list[Line], labels_by_seg, gap_under: float | None) -> Seg | None:
    """The value a caption stands under ("Jane Doe" written on a rule, "Participant" printed below it).

    Only a label that is its segment's whole text counts, and only when the segment just above
    it is nearer than anything below (a table's header has its cell nearer below)."""
    seg = label.seg
    if seg.text[:label.start].strip(EDGE_PUNCT) or seg.text[label.end:].strip(EDGE_PUNCT) or label.line_no == 0:
        return None
    height = max(seg.y1 - seg.y0, 1.0)
    above = lines[label.line_no - 1]
    gap = seg.y0 - above.y1
    if gap > 2.5 * height or (gap_under is not None and gap >= 0.7 * gap_under):
        return None
    centre = (seg.x0 + seg.x1) / 2
    hits = [s for s in above.segs if s.x0 <= centre <= s.x1 and not _starts_with_label(s, labels_by_seg)]
    return hits[0] if len(hits) == 1 else None


def _starts_with_label(seg: Seg, labels_by_seg) -> bool:
    own = labels_by_seg.get(id(seg))
    return bool(own) and not seg.text[:own[0].start].strip(EDGE_PUNCT)


def _region_end(seg: Seg, labels_by_seg) -> int:
    own = labels_by_seg.get(id(seg))
    return own[0].start if own else len(seg.text)


# A course number a sentence broke across two lines: its prefix, in capitals, ends one line
# ("... ACE course number CP", perhaps with a border or a stroke read as "|" or "I" after it) and
# its five or six digits begin the next ("55230, carrying 0.6 CECs").
_PREFIX_AT_END = re.compile(r"(?<![A-Za-z0-9])(CEP|CP|CA|CS|CL)(?:\s+[|!Il])?[\s\-.]*$")
_DIGITS_AT_START = re.compile(r"^\s*(\d{5,6})(?![\dA-Za-z])")
WRAP_GAP = 1.5             # of a line's height: the most white between a line and the next that continues it


def _course_across_lines(lines: list[Line], found: dict[str, Found]) -> None:
    """No course number found, and exactly one broken across two lines: the prefix and the digits
    joined, at the lower of their confidences (found by its shape: R19 and the catalogue judge it)."""
    if "course_number" in found:
        return
    hits = []
    for line, nxt in zip(lines, lines[1:]):
        last, first = line.segs[-1], nxt.segs[0]
        m, n = _PREFIX_AT_END.search(last.text), _DIGITS_AT_START.match(first.text)
        if m is None or n is None or nxt.y0 - line.y1 > WRAP_GAP * (line.y1 - line.y0):
            continue
        conf = min(last.conf(*m.span(1)), first.conf(*n.span(1)))
        hits.append(Found(m.group(1) + n.group(1), conf, "pattern", None, box=first.box(*n.span(1))))
    if len(hits) == 1:
        found["course_number"] = hits[0]


def _announced_values(f: str, labels: list[_Label], lines: list[Line], labels_by_seg: dict, slope: float,
                      key) -> dict:
    """{KEY(value): (value, label text)}: the first value after each label that can only mean F."""
    said: dict = {}
    for lab in labels:
        if not lab.announces or f not in lab.fields:
            continue
        for seg, a, b, strict in _regions(lab, lines, labels_by_seg, slope):
            span = FINDERS[f](seg.text, a, b, strict)
            if span:
                value = seg.text[span[0]:span[1]]
                said.setdefault(key(value), (value, lab.text))
                break
    return said


def _labels_disagree_on_completion(labels: list[_Label], lines: list[Line], labels_by_seg: dict, slope: float,
                                   found: dict[str, Found]) -> None:
    """Two labels that can only mean the completion date, each before another date: a reissue's
    "showed the completion date as 06/22/2025, which was our error" over its "Correct completion
    date 06/20/2025". The label read first is no surer than the other: the date stays a guess
    for staff, with both dates named."""
    got = found.get("completion_date")
    if got is None or got.how != "label" or not got.announced:
        return

    said = _announced_values("completion_date", labels, lines, labels_by_seg, slope,
                             lambda value: parse_date(value).value or value)
    if len(said) > 1:
        shown = " and ".join(f"{value!r} (after {label!r})" for value, label in said.values())
        found["completion_date"] = replace(got, how="guess", doubt=f"is one of two dates labelled the completion: "
                                                                   f"{shown}, and nothing says which counts")


def _labels_disagree_on_course(labels: list[_Label], lines: list[Line], labels_by_seg: dict, slope: float,
                               found: dict[str, Found]) -> None:
    """Labels that can only mean the course number, each before another number: a catalogue page's
    entries ("ACE course no. CA23456 · 0.4 CECs", "ACE course no. CEP123457 · 1.0 CECs"). The one
    read first is no more the course than the others: it stays for staff, with the numbers named."""
    got = found.get("course_number")
    if got is None or got.how != "label" or got.doubt:
        return
    said = _announced_values("course_number", labels, lines, labels_by_seg, slope,
                             lambda value: "".join(ch for ch in value if ch.isalnum()).upper())
    if len(said) > 1:
        shown = ", ".join(value for value, _label in list(said.values())[:4])
        got.doubt = (f"is one of {len(said)} {SEVERAL_COURSES} each after a course number's label ({shown}) "
                     f"and nothing says which was completed")


# A middle initial OCR ran into the first name ("ChristopherE." for "Christopher E."): a capital
# after two small letters at a word's end is no letter of a name.
_GLUED_INITIAL = re.compile(r"(?<=[a-z]{2})([A-Z]\.?)(?=[\s,]|$)")
# A name whose space OCR lost ("FrangoisLefévre" for "François Lefèvre"): a capital and small letters
# right after two small letters begins the next word. Only a label's one-word value is so parted.
_GLUED_NAME = re.compile(r"(?<=[^\W\d_A-Z]{2})(?=[A-ZÀ-Þ][^\W\d_A-Z]{2})")


def find_fields(segs: list[Seg]) -> tuple[dict[str, Found], list[str], list]:
    """Every field that can be read from the page's segments, notes on ambiguities, and the
    labels that nothing followed (field, label text, label box): OCR may have missed a short
    value there ("Contact hours:  6")."""
    lines = lines_of(segs)
    slope = page_slope(segs)
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
        regions = list(_regions(lab, lines, labels_by_seg, slope))
        if not _speck_after(lab):
            own_line = {id(s) for s in lines[lab.line_no].segs}
            if not regions:
                bare.extend((f, lab.text, lab.seg.box(lab.start, lab.end)) for f in wanted)
            elif not any(id(r[0]) in own_line for r in regions):
                # An amount's label with nothing after it on its line ("Total contact hours attended"
                # over the next line's text): the figure far right of it the page's reading left out.
                bare.extend((f, lab.text, lab.seg.box(lab.start, lab.end)) for f in wanted if f in ("ceus", "hours"))
        for f in wanted:
            if lab.announces and f not in unread:
                after = " ".join(seg.text[a:b] for seg, a, b, _ in regions[:1]).strip()
                unread[f] = f"after {lab.text!r}: {after[:40]!r}" if after else f"nothing after {lab.text!r}"
        # A learner's label may hold the learner's email instead of a name ("Customer: jo@example.com").
        tries = wanted + (["email"] if "full_name" in wanted and "email" not in wanted else [])
        for seg, a, b, strict in regions:
            for f in tries:
                if f in found:
                    continue
                span = FINDERS[f](seg.text, a, b, strict)
                if span:
                    value = seg.text[span[0]:span[1]]
                    if f == "email":
                        value = re.sub(r"\s*([@.])\s*", r"\1", value)
                        value = EMAIL_RE.search(value).group()
                    elif f in ("full_name", "first_name"):
                        value = _GLUED_INITIAL.sub(r" \1", value)
                        if " " not in value.strip():
                            value = _GLUED_NAME.sub(" ", value)
                    conf = seg.conf(*span, carries=carries_date) if f == "completion_date" else seg.conf(*span)
                    found[f] = Found(value, conf, "label", lab.text, box=seg.box(*span),
                                     announced=lab.announces)
            if all(f in found for f in wanted):
                break

    _labels_disagree_on_completion(labels, lines, labels_by_seg, slope, found)
    _labels_disagree_on_course(labels, lines, labels_by_seg, slope, found)
    _value_then_unit(lines, found, "ceus", CEUS_SUFFIX_RE)
    _value_then_unit(lines, found, "hours", HOURS_SUFFIX_RE)
    for f in ("ceus", "hours"):
        _column_of_amounts(lines, found, f, slope)
    _column_of_courses(lines, found, slope)
    _column_of_names(lines, found, notes)
    _course_across_lines(lines, found)
    for f in ("course_number", "completion_date", "full_name"):
        if f not in found and f in unread:
            notes.append(f"{FIELD_NAMES[f]}: unreadable {unread[f]}")
    if "course_number" not in unread:
        _by_shape(lines, found, notes, "course_number", COURSE_RE,
                  key=lambda v: "".join(v.translate(_NO_BREAKS).split()).upper(),
                  span=_unlabelled_course)
    if "completion_date" not in unread:
        _by_shape(lines, found, notes, "completion_date", DATE_RE, key=lambda v: " ".join(v.split()).lower())
    _by_shape(lines, found, notes, "email", EMAIL_RE, key=str.lower)
    if "provider" not in found and lines:
        top = lines[0].segs[0]
        if _v_text(top.text, 0, len(top.text), True) and not re.search(r"certificate", top.text, re.I):
            found["provider"] = Found(top.text, top.conf(0, len(top.text)), "pattern", None,
                                      box=top.box(0, len(top.text)))
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
                                   "label", f"{first.label} / {last.label}", from_parts=True,
                                   box=union_box(first.box, last.box))


def union_box(*boxes):
    """The smallest box holding every box given (None ones left out)."""
    boxes = [b for b in boxes if b is not None]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _value_then_unit(lines: list[Line], found: dict, f: str, rx: re.Pattern) -> None:
    """'0.8 CECs', '12 contact hours': the unit after the number is its label, and outranks a label before."""
    for line in lines:
        for seg in line.segs:
            m = next((m for m in rx.finditer(seg.text) if not is_rate_on_line(line, seg, m.start(), m.end())), None)
            if m and _numbers_its_label(seg.text, m, found.get(f)):
                m = None
            if m:
                old = found.get(f)
                doubt = None
                if old is not None and amount_value(old.value) != amount_value(m.group(1)):
                    # "Hours Earned: 15" and "10 contact hours": the page says two things.
                    doubt = f"{old.label!r} gives {old.value}, {m.group().strip()!r} another"
                found[f] = Found(m.group(1), seg.conf(m.start(1), m.end()), "label",
                                 m.group()[len(m.group(1)):].strip(" )"), box=seg.box(m.start(1), m.end(1)),
                                 doubt=doubt)
                return
    if f in found:
        return
    # A figure set large on a line of its own, its unit on the next line ("earned / 1.5 / ACE
    # continuing education credits (CECs)").
    for seg, unit in _figures_over_units(lines, f):
        if AMOUNT_CELL.fullmatch(seg.text.strip()):
            a = seg.text.index(seg.text.strip())
            b = a + len(seg.text.strip())
            found[f] = Found(seg.text[a:b], seg.conf(a, b), "label", unit, box=seg.box(a, b))
            return


def _figures_over_units(lines: list[Line], f: str):
    """(segment, unit) for each short figure-like segment set larger than the segment just below
    it, which starts with F's unit: a line of its own over the unit's line, or one of a row of
    boxes over the unit in its own box ("15" over "hours" beside two boxes of dates). A sentence
    OCR broke into lines is no such figure."""
    unit = _UNIT_LINE[f]
    for n, line in enumerate(lines[:-1]):
        for seg in line.segs:
            if not _FIGURE.fullmatch(seg.text.strip()):
                continue
            height = max(seg.y1 - seg.y0, 1.0)
            if _captioned_as_other_amount(lines[:n], seg, f, height):
                continue
            if len(line.segs) == 1:
                below, top = lines[n + 1].segs[0], lines[n + 1].y0
            else:
                # In a row of boxes the lines below run across the other boxes: the first thing
                # under the figure is what stands in its box.
                below = next((b for nxt in lines[n + 1:] for b in nxt.segs if b.x0 < seg.x1 and b.x1 > seg.x0), None)
                if below is None:
                    continue
                top = below.y0
            m = unit.match(below.text)
            if m and top - seg.y1 <= 2.5 * height and height >= _FIGURE_SIZE * max(below.y1 - below.y0, 1.0):
                yield seg, m.group().strip()


_FIGURE_SIZE = 1.5       # a credit figure set large: at least this many times its unit line's height


def _captioned_as_other_amount(above: list[Line], seg: Seg, f: str, height: float) -> bool:
    """Whether the caption just over SEG (the nearest segment above it in its column, within a few
    of its heights) labels the other amount: "CPD hours" over "15" over "ACE CECs" over "1.5" in a
    record's column is 15 hours, not the CECs under it."""
    other = "hours" if f == "ceus" else "ceus"
    over = next((s for line in reversed(above) for s in reversed(line.segs)
                 if s.x0 < seg.x1 and s.x1 > seg.x0 and s.y1 <= seg.y0 + 0.2 * height), None)
    if over is None or seg.y0 - over.y1 > 2.5 * height:
        return False
    return any(other in lab.fields and rx.search(over.text) for lab, rx in LABEL_RES) and \
        not any(f in lab.fields and rx.search(over.text) for lab, rx in LABEL_RES)


# A figure as OCR may read a large one: a big bold point read as "@" or "•" ("1 @ 5"), as a small
# letter standing alone ("1 e 5"), or lost ("1 5"); the digits after it as letters ("1 @ Q").
_FIGURE = re.compile(r"\d{1,2}(?:(?:\s|[^\w\s]){1,3}[\dOQDIlSB]{1,2}|\s[a-z]\s[\dOQDIlSB]{1,2})?")


def figures_to_reread(segs: list[Seg], found: dict) -> list[tuple[str, str, tuple, bool, bool]]:
    """(field, unit, box, parted, blank) of a credit figure over its unit line that did not read
    as an amount ("1 @ 5", "1 5": parted, something between its digits), or of a blank over a
    unit line where such a figure was not read at all, for a reading of its digits alone; none
    when the credit is found."""
    if "ceus" in found or "hours" in found:
        return []
    lines = lines_of(segs)
    out = []
    for f in ("ceus", "hours"):
        for seg, unit in _figures_over_units(lines, f):
            if not AMOUNT_CELL.fullmatch(seg.text.strip()):
                parted = not seg.text.strip().isdigit() and not _digits_set_close(seg)
                out.append((f, unit, seg.box(0, len(seg.text)), parted, False))
        for box, unit in _blanks_over_units(lines, f):
            out.append((f, unit, box, f == "ceus", True))      # CECs are written with a point ("0.9")
        for seg, caption in _figures_under_captions(lines, f):
            out.append((f, caption, seg.box(0, len(seg.text)), f == "ceus", False))
    return out


# A caption of a credit alone in its cell, its figure under it: "ACE CECs" over "1.8", "CPD hours" over "18".
_CAPTION_LINE = {
    "ceus": re.compile(r"\s*(?:ACE\s+)?(?:CECs?|CEUs?)(?:\s+(?:earned|awarded))?\s*:?\s*", re.IGNORECASE),
    "hours": re.compile(r"\s*(?:CPD|CE|contact|clock)\s+hours?(?:\s+(?:earned|awarded|attended))?\s*:?\s*",
                        re.IGNORECASE)}
_GARBLED_FIGURE = 6        # characters: what OCR made of a figure set bold ("Bp:" for "1.8") is no longer


def _figures_under_captions(lines: list[Line], f: str):
    """(segment, caption) for each short segment that did not read as an amount and stands right
    under a caption of F alone in its cell, the first thing below it in its column within a few of
    its heights: a record's bold "1.8" under "ACE CECs", which OCR read as "Bp:"."""
    caption = _CAPTION_LINE[f]
    for n, line in enumerate(lines[:-1]):
        for seg in line.segs:
            if not caption.fullmatch(seg.text):
                continue
            height = max(seg.y1 - seg.y0, 1.0)
            below = next((b for nxt in lines[n + 1:] for b in nxt.segs if b.x0 < seg.x1 and b.x1 > seg.x0), None)
            if below is None or below.y0 - seg.y1 > 2.5 * height:
                continue
            text = below.text.strip()
            if len(text) <= _GARBLED_FIGURE and not AMOUNT_CELL.fullmatch(text.strip(EDGE_PUNCT)):
                yield below, seg.text.strip()


# Of a figure's height: the widest gap between two of its digits that is the print's own spacing
# (a bold "1" and "5" set large stand a fifth of their height apart). A point lost between them
# leaves its own width, half their height or more.
_DIGIT_SPACING = 0.3


def _digits_set_close(seg: Seg) -> bool:
    """Whether a figure OCR parted into two runs of digits ("1 5") is one number: they stand as
    close as the digits of one number do, with no room for a point between them."""
    toks = seg.toks
    if len(toks) != 2 or not all(t.text.isdigit() for t in toks):
        return False
    height = max(t.y1 - t.y0 for t in toks)
    return toks[1].x0 - toks[0].x1 < _DIGIT_SPACING * height


def _blanks_over_units(lines: list[Line], f: str):
    """(box, unit) for each line that starts with F's unit under a blank where a figure set large
    would stand (FIGURE_SIZE of the unit line's height or more) and nothing was read: the figure
    Tesseract's layout left out ("... and earned" / [0.9] / "ACE continuing education credits")."""
    unit = _UNIT_LINE[f]
    for above, line in zip(lines, lines[1:]):
        seg = line.segs[0]
        m = unit.match(seg.text)
        height = max(seg.y1 - seg.y0, 1.0)
        if not m or len(line.segs) != 1 or seg.y0 - above.y1 < (_FIGURE_SIZE + 0.5) * height:
            continue
        if CEUS_SUFFIX_RE.search(above.segs[-1].text) or HOURS_SUFFIX_RE.search(above.segs[-1].text):
            continue
        yield (seg.x0 - height, above.y1 + 0.2 * height, seg.x1 + height, seg.y0 - 0.2 * height), m.group().strip()


def _numbers_its_label(text: str, m: re.Match, old: Found | None) -> bool:
    """Whether "6 CEUs awarded" is a form's box number 6 before the label whose value was read
    below it, not six CECs."""
    if old is None or not old.label or old.how != "label" or not m.group(1).isdigit():
        return False
    rest = text[m.start(1) + len(m.group(1)):].strip().casefold()
    return rest.startswith(old.label.casefold()) and amount_value(old.value) != amount_value(m.group(1))


AMOUNT_CELL = re.compile(r"\d{1,2}(?:[.,]\d{1,2})?")     # an amount alone in its cell: "2.0", "15", "1,5"
# A unit line may give the unit in another language first: "heures / hours".
_OTHER_TONGUE = r"(?:[^\W\d_]+\s*/\s*)?"
_UNIT_LINE = {"ceus": re.compile(rf"\s*\(?{_OTHER_TONGUE}(?:ACE\s+)?(?:CECs?|CEUs?|continuing\s+education[.,]?\s+(?:credits?|units?))\b",
                                re.IGNORECASE),
              "hours": re.compile(rf"\s*\(?{_OTHER_TONGUE}(?:contact\s+|clock\s+|CE\s+)?hours?\b", re.IGNORECASE)}


_TOTAL_ROW = re.compile(r"\s*(?:grand\s+)?total\b", re.IGNORECASE)


def _column_of_amounts(lines: list[Line], found: dict, f: str, slope: float = 0.0) -> None:
    """A credit read under a column heading ("Hours") with more amounts below it: one row of a
    table (a session of an event), not the total. The one row of the column that begins "Total"
    is the credit; with none, the first is kept for staff, in doubt."""
    got = found.get(f)
    if got is None or got.how != "label" or got.box is None or not got.label or got.doubt:
        return
    x0, y0, x1, y1 = got.box
    height = max(y1 - y0, 1.0)

    def over(s: Seg) -> bool:
        return s.x0 < x1 and s.x1 > x0

    segs = [s for line in lines for s in line.segs if over(s)]
    below = [s for s in segs if s.y0 >= y1 - 0.2 * height and AMOUNT_CELL.fullmatch(s.text.strip(EDGE_PUNCT))]
    pitch = min((s.y0 - y0 for s in below if s.y0 > y1), default=0.0)
    if not any(got.label.casefold() in s.text.casefold() for s in _column_heads(segs, got.box, pitch)):
        return                      # its label is beside it, not a column's heading
    # A total may state its unit ("Total | 12 contact hours" under a column of each day's 4).
    unit = CEUS_SUFFIX_RE if f == "ceus" else HOURS_SUFFIX_RE
    below += [s for s in segs if s.y0 >= y1 - 0.2 * height and unit.fullmatch(s.text.strip(EDGE_PUNCT))]
    # The column's total row ("Total CECs for this course  0.4" under each domain's share) is the credit.
    # Its row is followed along the page's slope: a scan askew parts "Total CECs earned" from its figure.
    every = [s for line in lines for s in line.segs]

    def row_text(s: Seg) -> str:
        level = level_on(slope, (s.x0 + s.x1) / 2)
        return " ".join(t.text for t in sorted((t for t in every if abs(level(t) - level(s)) <= 0.6 * height),
                                               key=lambda t: t.x0))

    totals = [s for s in below if _TOTAL_ROW.match(row_text(s))]
    if len(totals) == 1:
        total = totals[0]
        figure = unit.fullmatch(total.text.strip(EDGE_PUNCT))
        value = figure.group(1) if figure else total.text.strip(EDGE_PUNCT)
        found[f] = Found(value, total.conf(0, len(total.text)), "label",
                         f"the total of the column under {got.label!r}", box=total.box(0, len(total.text)))
        return
    below = [s for s in below if AMOUNT_CELL.fullmatch(s.text.strip(EDGE_PUNCT))]
    if below:
        stated = _amount_stated_apart(lines, f, {id(s) for s in segs})
        if stated is not None:
            # "attended every session of the agenda below: 7 contact hours" over a column of each
            # session's hours: the page states the attendee's amount itself.
            found[f] = stated
            return
        got.doubt = (f"{len(below) + 1} amounts in one column under {got.label!r} "
                     f"({', '.join([got.value, *(s.text.strip() for s in below[:3])])}) and no total")


def _amount_stated_apart(lines: list[Line], f: str, column: set[int]) -> Found | None:
    """The one amount of F the page states in words outside a column of amounts ("7 contact
    hours" in its prose), or None when it states none, or several that differ."""
    rx = CEUS_SUFFIX_RE if f == "ceus" else HOURS_SUFFIX_RE
    hits = [(seg, m) for line in lines for seg in line.segs if id(seg) not in column
            for m in rx.finditer(seg.text) if not is_rate_on_line(line, seg, m.start(), m.end())]
    if len({amount_value(m.group(1)) for _s, m in hits}) != 1:
        return None
    seg, m = hits[0]
    return Found(m.group(1), seg.conf(*m.span(1)), "label", m.group()[len(m.group(1)):].strip(" )"),
                 box=seg.box(*m.span(1)))


def level_on(slope: float, x: float):
    """A segment's middle as it would stand on a level sheet, at X across: a page askew by SLOPE
    (dy/dx) parts one row of a table into several lines, whose cells this puts level again."""
    def level(s: Seg) -> float:
        return (s.y0 + s.y1) / 2 - slope * ((s.x0 + s.x1) / 2 - x)
    return level


def _column_heads(segs: list[Seg], box: tuple, pitch: float = 0.0) -> list[Seg]:
    """Of SEGS (the cells of a value's column), those just over the value's BOX: where its column's
    heading stands, when the value has one. PITCH, when known, is how far the column's next row
    stands below the value: a table set with roomy rows has its heading a row's pitch above."""
    y0, y1 = box[1], box[3]
    height = max(y1 - y0, 1.0)
    reach = max(3.5 * height, 0.9 * pitch)
    return [s for s in segs if s.y1 <= y0 + 0.2 * height and y0 - s.y1 < reach]


def _column_of_names(lines: list[Line], found: dict, notes: list[str]) -> None:
    """A name read under a column heading ("Last name", "Participant") with more names in the rows
    below it is one row of a class roster, not the holder: the name is left to the closed world (the
    page's ID or email and a name printed elsewhere, "Copy for: Jane Doe"), with a note for staff.
    A column is its heading alone in its cell, and at least _ROSTER_ROWS names one under another,
    each starting where the one above starts and no further below it than a row or two."""
    for f in ("full_name", "first_name", "last_name"):
        got = found.get(f)
        if got is None or got.how != "label" or got.box is None or not got.label or got.from_parts:
            continue
        x0, y0, x1, y1 = got.box
        height = max(y1 - y0, 1.0)
        segs = [s for line in lines for s in line.segs if s.x0 < x1 and s.x1 > x0]
        if not any(s.text.strip(EDGE_PUNCT + " ").casefold() == got.label.casefold()
                   for s in _column_heads(segs, got.box)):
            continue                # its label is beside it, or in a sentence over it: no column's heading
        rows, bottom = [], y1
        for s in sorted((s for s in segs if s.y0 >= y1 - 0.2 * height), key=lambda s: s.y0):
            if s.y0 - bottom > 2.5 * height or abs(s.x0 - x0) > 2 * height or not _name_cell(s.text):
                break
            rows.append(s)
            bottom = s.y1
        if len(rows) + 1 < _ROSTER_ROWS:
            continue
        for g in ("full_name", "first_name", "last_name"):
            found.pop(g, None)
        shown = ", ".join([got.value, *(s.text.strip() for s in rows[:2])])
        notes.append(f"name: {len(rows) + 1} names in one column under {got.label!r} ({shown}, ...) "
                     f"and no label says which row is the holder's")
        return


_ROSTER_ROWS = 3


def _name_cell(text: str) -> bool:
    """Whether a table cell reads as a name or a name part ("Ashdown", "Perpetua", "DOE, Jane")."""
    words = text.replace(",", " ").split()
    return 1 <= len(words) <= 4 and all(NAME_TOKEN.fullmatch(w) and w.casefold().strip(".") not in NOT_NAMES
                                        and w[0].isupper() for w in words)


def _column_of_courses(lines: list[Line], found: dict, slope: float = 0.0) -> None:
    """A course number read under a column heading ("ACE course #") with other course numbers
    below it is one row of a transcript, not the course. The row whose status cell says it was
    completed (STATUS_DONE_WORDS) is the course when it is the only such row, and the date on
    that row under a completion heading of the header row is its completion date; when no one
    date there has such a heading, the date goes to staff. With no row, or two, marked
    completed, the first row's number is kept for staff, in doubt. Rows and the header row are
    followed along the page's SLOPE: on a sheet askew OCR parts a wide row into lines."""
    got = found.get("course_number")
    if got is None or got.how != "label" or got.box is None or not got.label or got.doubt:
        return
    x0, y0, x1, y1 = got.box
    height = max(y1 - y0, 1.0)
    label = next((s for line in lines for s in line.segs if s.y1 <= y0 + 0.2 * height
                  and s.x0 < x1 and s.x1 > x0 and got.label.casefold() in s.text.casefold()), None)
    if label is None:
        return                      # its label is beside it, not a column's heading
    level = level_on(slope, (x0 + x1) / 2)
    segs = [s for line in lines for s in line.segs]
    header = [s for s in segs if abs(level(s) - level(label)) <= 0.6 * height]
    rows = []                       # (level middle, seg, match) of each course number in the column
    for s in segs:
        if s.x0 < x1 and s.x1 > x0 and level(s) > level(label) + 0.6 * height:
            rows += [(level(s), s, m) for m in COURSE_RE.finditer(s.text)]
    numbers = {"".join(ch for ch in m.group() if ch.isalnum()).upper() for _y, _s, m in rows}
    if len(numbers) < 2:
        return

    def row_of(s: Seg) -> int | None:
        """The course row nearest S's middle, when S is within a row's height of it."""
        y = level(s)
        k = min(range(len(rows)), key=lambda i: abs(rows[i][0] - y))
        return k if abs(rows[k][0] - y) <= 1.5 * height else None

    body = [s for s in segs if s not in header]
    done = {row_of(s) for s in body if s.text.strip(EDGE_PUNCT).casefold() in STATUS_DONE_WORDS}
    # A column of boxes, one ticked: "☒ CS41033" among rows of "☐".
    boxes = [(row_of(s), s.text.split()[0]) for s in body if s.x1 <= x0 and s.text.split()]
    if not done and any(k is not None and _UNTICKED.fullmatch(mark) for k, mark in boxes):
        done = {k for k, mark in boxes if _TICKED.fullmatch(mark)}
    done.discard(None)
    if len(done) != 1:
        shown = ", ".join(m.group() for _y, _s, m in rows[:4])
        got.doubt = (f"{len(numbers)} {SEVERAL_COURSES} in one column under {got.label!r} ({shown}) and "
                     f"{NO_ROW_MARKED}")
        return
    (k,) = done
    _y, seg, m = rows[k]
    found["course_number"] = Found(m.group(), seg.conf(*m.span()), "label", f"{got.label} (the row marked completed)",
                                   box=seg.box(*m.span()))
    on_row, dated = [], []
    for s in body:
        if row_of(s) != k:
            continue
        heads = [h.text for h in header if h.x0 < s.x1 and h.x1 > s.x0]
        for f in ("ceus", "hours"):
            # The marked row's own credit, under its column's heading ("ACE CECs"), not the first row's.
            if heads and AMOUNT_CELL.fullmatch(s.text.strip(EDGE_PUNCT)) and _UNIT_LINE[f].search(heads[0]):
                found.pop("ceus", None)
                found.pop("hours", None)
                found[f] = Found(s.text.strip(EDGE_PUNCT), s.conf(0, len(s.text)), "label",
                                 f"{heads[0]} (the row marked completed)", box=s.box(0, len(s.text)))
                break
        for d in DATE_RE.finditer(s.text):
            a, b = s.box(*d.span())[0], s.box(*d.span())[2]
            on_row.append((s, d))
            heads = [h.text for h in header if h.x0 < b and h.x1 > a]
            if heads and _COMPLETION_RE.search(heads[0]) and not _OTHER_RE.search(heads[0]):
                dated.append((s, d, heads[0]))
    if len(dated) == 1:
        s, d, head = dated[0]
        found["completion_date"] = Found(d.group(), s.conf(*d.span(), carries=carries_date), "label",
                                         f"{head} (the row marked completed)", box=s.box(*d.span()), announced=True)
    elif on_row:
        s, d = on_row[0]
        found["completion_date"] = Found(
            d.group(), s.conf(*d.span(), carries=carries_date), "guess", None, box=s.box(*d.span()), announced=True,
            doubt=f"is pre-filled as a guess: the row marked completed holds {len(on_row)} date(s) and no heading "
                  f"over one of them says it is the completion")


NO_ROW_MARKED = "no one row is marked completed"
# In the doubt of a course number that is one of several the page labels alike (a column of them, a
# catalogue's entries): the closed world does not choose among them by how surely each was read.
SEVERAL_COURSES = "course numbers"
_TICKED = re.compile(r"[☒☑✓✔✗✘■▣]|\[[xX✓✔]\]")
_UNTICKED = re.compile(r"[☐□▢]|\[ ?\]")


def amount_value(text: str):
    """A stated number as a value ("0.80" is "0.8"), or the text when it is not one."""
    try:
        return Decimal(text.replace(",", ".")).normalize()
    except InvalidOperation:
        return text


_RATE_AFTER = re.compile(r"\s*(?:(?:per|each|for\s+each|an?\s+hour|of\s+credit\s+per|equals?|is\s+worth|counts?\s+as|"
                         r"makes?|is\s+equal\s+to|converts?\s+to)\b|/|=)", re.IGNORECASE)
# "10 contact hours = 1.0 ACE CEC" with the "=" lost to OCR: an amount right after it in CECs.
_CONVERTED_AFTER = re.compile(r"\s*[=:\-–—]?\s*\d+(?:[.,]\d+)?\s*(?:ACE\s+)?(?:CECs?|CEUs?)\b", re.IGNORECASE)
# "equais", "equa1s": OCR of "equals" on a fax.
_RATE_BEFORE = re.compile(r"(?:equa[li1]s?|=|worth|earns?\s+you|is\s+worth|counts?\s+as|equivalent\s+to|"
                          r"converts?\s+to|is\s+equal\s+to)\s*$", re.IGNORECASE)
# "Each contact hour counts as 0.1 CEC", "per hour of instruction: 0.1 CEU", "one CPD hour is 0.1 CEC":
# an hour, of whatever kind one word names, earlier in the sentence; a speck OCR read as a mark
# after its first word ("One. contact hour is 0.1 ACE CEC") does not end the sentence.
_RATE_HOUR = re.compile(r"(?:\b(?:each|per|every|one|1)[.,'’]?\s+(?:[^\W\d_]{2,12}\s+)?hour\b)[^.;:!?]*$",
                        re.IGNORECASE)


# "Up to 2.0 CECs are offered", "1.2 of 2.0 CECs", "2.0 CECs available": the most one could earn.
_MOST_BEFORE = re.compile(r"(?:\bup\s+to|\bmaximum(?:\s+of)?|\bmax\.?|\d\s+of|\bout\s+of|\ba\s+possible)\s*$",
                          re.IGNORECASE)
_MOST_AFTER = re.compile(r"\s*(?:(?:are|is|were)\s+)?(?:available|offered|possible|max(?:imum)?)\b", re.IGNORECASE)


# "10 contact hours = 1.0 ACE CEC" with the "=" lost to OCR, seen from the CECs: one or ten
# hours just before, and the CECs they convert to.
_CONVERTED_FROM = re.compile(r"(?<![\d.,])(1|10|one|ten)\s+(?:contact\s+|clock\s+|CE\s+)?hours?\s*[=:\-–—]?\s*$",
                             re.IGNORECASE)
_HOURS_WORDS = {"1": 1, "10": 10, "one": 1, "ten": 10}


def _converted_from_hours(text: str, start: int) -> bool:
    m = _CONVERTED_FROM.search(text[max(0, start - 30):start])
    amount = NUMBER_RE.match(text, start)
    return bool(m and amount) and amount_value(amount.group()) * 10 == _HOURS_WORDS[m.group(1).lower()]


def is_rate(text: str, start: int, end: int) -> bool:
    """'0.1 CEC per contact hour', 'one hour equals 0.1 CEC': a rate printed on the page, not its
    value; nor is the most one could earn ('up to 2.0 CECs are offered')."""
    return bool(_RATE_AFTER.match(text, end) or _CONVERTED_AFTER.match(text, end)
                or _converted_from_hours(text, start)
                or _RATE_BEFORE.search(text[max(0, start - 20):start])
                or _RATE_HOUR.search(text[max(0, start - 60):start])
                or _MOST_BEFORE.search(text[max(0, start - 20):start]) or _MOST_AFTER.match(text, end))


def is_rate_on_line(line: Line, seg: Seg, start: int, end: int) -> bool:
    """is_rate over SEG's whole line: OCR may part "10 contact hours = 1.0 ACE CEC" into cells
    and lose the "=" between them."""
    at = next(i for i, s in enumerate(line.segs) if s is seg)
    head = " ".join(s.text for s in line.segs[:at])
    offset = len(head) + 1 if head else 0
    text = " ".join(s.text for s in line.segs)
    return is_rate(text, offset + start, offset + end)


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




# ---------------------------------------------------------------- candidates: every value on the page


@dataclass
class Candidate:
    """One value of one field found anywhere on the page, with what surrounds it.

    `value` is what the pipeline should read (for a date: the last day of an event's
    range, in a form the date parser reads); `printed` is the text on the page.
    `before` / `after` are the nearest words around it (on its segment, else its line,
    else, for `before`, the cell just above it); `height` is its words' height as a
    share of the page height (the font size on a text layer). A date's `kind` is
    "completion", "other" (issued, printed, expires, birth...) or None when no word
    near it says.
    """

    field: str            # date, course_number, certificant_id, email, ceus, hours, name
    value: str
    printed: str
    confidence: float
    box: tuple | None
    before: str
    after: str
    line: str
    height: float
    kind: str | None = None
    telling: str | None = None       # the word that gave the kind
    above: str = ""                  # a date's: the cell just above it (its caption, or the row above)
    parts: tuple = ()                # a date wrapped over two lines: each line's box

    def as_dict(self, extent) -> dict:
        out = {"field": self.field, "value": self.value, "confidence": round(self.confidence, 1),
               "box": fractions(self.box, extent), "before": self.before, "after": self.after,
               "line": self.line, "height": round(self.height, 4)}
        if self.printed != self.value:
            out["printed"] = self.printed
        if self.field in ("date", "name"):
            out["kind"], out["telling"] = self.kind, self.telling
        return out


_COMPLETION_RE = phrase_regex(COMPLETION_WORDS)
_STAFF_RE = phrase_regex(STAFF_WORDS)
_OTHER_RE = phrase_regex(OTHER_DATE_WORDS)
_APPROVAL_RE = phrase_regex(COURSE_APPROVAL_PHRASES)
# An email as OCR may space it out ("jane.doe @ example.com").
_EMAIL_LOOSE = re.compile(r"[A-Za-z0-9._%+\-]+ ?@ ?[A-Za-z0-9\-]+(?: ?\. ?[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_ID_LONG = re.compile(r"(?<![A-Za-z0-9.,/\-])\d{5,10}(?![A-Za-z0-9/\-]|[.,]\d)")


_NUMERIC_DATE = re.compile(r"\d{1,2} ?[/.\-] ?\d ?\d? ?[/.\-] ?\d{4}|\d{4} ?[\-/.] ?\d{1,2} ?[\-/.] ?\d{1,2}"
                           r"|\d{1,2}/\d{1,2}/\d{2}(?!\d)")


def carries_date(word: str) -> bool:
    """Whether a word of a printed date carries its value: a number or a month ("16th", "June,"),
    not the words around them ("the", "day", "of", "in the year")."""
    return (any(ch.isdigit() for ch in word) or MONTH_RE.search(word) is not None
            or _FIRST_MISREAD.search(word) is not None or _FIFTH_MISREAD.search(word) is not None)


_RAISED_MARK = re.compile(rf"(?<=\d)[{re.escape(RAISED_ORDINAL_MARKS)}](?=[\s,.]|$)")
_FIRST_MISREAD = re.compile(FIRST_MISREAD)
_FIFTH_MISREAD = re.compile(FIFTH_MISREAD)


def date_value(printed: str) -> str:
    """A printed date as the date parser reads it: an event's range ends on its last day
    ("May 3-5, 2026", "04/30/2026 - 05/02/2026"),
    "3rd day of May, 2026" is "May 3, 2026"; any other date stays as printed, less what OCR
    adds to it: the spaces it reads into a numeric date ("04/1 1/2026"), the mark it makes
    of a raised ordinal ("22™ day of June") and the letters it makes of the 1 of "1st"
    ("April ist, 2025") and the 5 of "5th" ("Sth April 2025"), and its semicolon for the comma
    before a written date's year ("August 9; 2025")."""
    text = _RAISED_MARK.sub("", " ".join(printed.split()))
    months = MONTH_RE.findall(text)
    if months:
        text = _FIFTH_MISREAD.sub("5th", _FIRST_MISREAD.sub("1st", text)).replace(";", ",")
    if not months:
        numeric = _NUMERIC_DATE.findall(text)
        value = numeric[-1] if len(numeric) > 1 else text
        return value.replace(" ", "") if _NUMERIC_DATE.fullmatch(value) else value
    days = re.findall(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)", text)
    year = re.findall(r"\d{4}", text)
    if not year:
        return text             # "5 May 26": one day, a two-digit year
    if len(days) > 1 or re.search(rf"\b{DAY_WORD}\b|\bthe\b", text, re.IGNORECASE):
        return f"{months[-1]} {days[-1]}, {year[-1]}"
    return text


def _words_tail(text: str) -> str:
    return " ".join(text.split()[-CONTEXT_WORDS:])


def _words_head(text: str) -> str:
    return " ".join(text.split()[:CONTEXT_WORDS])


_ABOVE_LINES = 4
SENTENCE_WORDS = 20         # words before a date on its segment that may hold its sentence's verb


def _above(lines: list[Line], n: int, seg: Seg) -> str:
    """The cell just above SEG (a table header, a form's label line), at most 3.5 times its height up and
    _ABOVE_LINES lines of reading order (a skewed sheet's columns side by side come as lines of their own).
    A row of short captions, one over each value of SEG's row, is theirs from further up
    (_CAPTION_ROW_REACH): a timeline's "ENROLLED | COMPLETED | EXPIRES" over its dates, the
    line and its dots between them. A line of nothing but junk OCR made of a graphic (the
    timeline's dots read as "annie | ig" at 16 and 35) is passed over."""
    height = max(seg.y1 - seg.y0, 1.0)
    for above in reversed(lines[max(0, n - _ABOVE_LINES):n]):
        if all(t.conf < _JUNK_CONFIDENCE for s in above.segs for t in s.toks):
            continue
        gap = seg.y0 - above.y1
        if gap > 3.5 * height and not (gap <= _CAPTION_ROW_REACH * height and _captions_over(above, lines[n])):
            break
        hits = [s for s in above.segs if s.x0 < seg.x1 and s.x1 > seg.x0]
        if len(hits) == 1 and hits[0].x1 - hits[0].x0 > _HEADER_WIDTH * (seg.x1 - seg.x0):
            # A table's header row read as one segment ("Enrolled Completed Expires"): the
            # words over this cell are its heading.
            over = [t.text for t in hits[0].toks if t.x0 < seg.x1 + 0.5 * height and t.x1 > seg.x0 - 0.5 * height]
            if over:
                return " ".join(over)
        if hits:
            return " ".join(s.text for s in hits)
    return ""


def _captions_over(above: Line, line: Line) -> bool:
    """ABOVE is a row of captions for LINE's values: two or more short segments (CAPTION_ROW_WORDS),
    each over exactly one of LINE's segments and each of those under exactly one caption."""
    def over(a: Seg, b: Seg) -> bool:
        return a.x0 < b.x1 and a.x1 > b.x0

    if len(above.segs) < 2 or len(above.segs) != len(line.segs):
        return False
    if any(len(a.text.split()) > _CAPTION_ROW_WORDS for a in above.segs):
        return False
    return all(sum(over(a, b) for b in line.segs) == 1 for a in above.segs) and \
        all(sum(over(a, b) for a in above.segs) == 1 for b in line.segs)


_JUNK_CONFIDENCE = 50.0     # OCR words all below this make a line of a graphic read as letters, not print
_CAPTION_ROW_REACH = 7.0    # value heights up: a caption row over a row of values with a graphic between
_CAPTION_ROW_WORDS = 3


def _column_heading(segs: list[Seg], seg: Seg, slope: float = 0.0) -> str | None:
    """The heading of the table column SEG stands in, or None when it stands in no table: up the
    cells over it that hold values (dates, times, figures, dashes), each row within _TABLE_GAP
    heights of the one below (a row whose cell is empty may lie between), to the first that holds words;
    that cell is a heading when a row of _TABLE_CELLS cells or more stands level with it (a header
    row), and SEG's own row is as many (a form's label and its value are two). Levels are followed
    along the page's SLOPE, as a sheet askew parts a table's rows into lines of OCR's own."""
    height = max(seg.y1 - seg.y0, 1.0)
    level = level_on(slope, (seg.x0 + seg.x1) / 2)
    top = level(seg)
    if sum(abs(level(s) - top) <= 0.6 * height for s in segs) < _TABLE_CELLS:
        return None                             # its own row is a label and a value at most
    for cell in sorted((s for s in segs if s is not seg and level(s) < top - 0.6 * height), key=level, reverse=True):
        if top - level(cell) > _TABLE_GAP * height:
            return None
        if not (cell.x0 < seg.x1 and cell.x1 > seg.x0):
            top = level(cell)                   # another column's cell: a row whose cell here is empty
            continue
        text = cell.text.strip()
        if _VALUE_CELL.fullmatch(text) or DATE_RE.search(text) or len(text) <= 2 \
                or all(t.conf < _JUNK_CONFIDENCE for t in cell.toks):
            top = level(cell)                   # a value, or a dash OCR read as a letter or two
            continue
        if len(text.split()) > _ROW_WORDS:
            return None
        row = [s for s in segs if abs(level(s) - level(cell)) <= 0.6 * height]
        return cell.text if len(row) >= _TABLE_CELLS else None
    return None


def _status_cell(segs: list[Seg], cell: Seg) -> bool:
    """Whether CELL ("Completed") is a row's status in a table: its column holds other statuses
    ("Not started", "In progress") or the heading "Status". Beside a date it is then no label of it."""
    if cell.text.strip(EDGE_PUNCT + " ").casefold() not in STATUS_DONE_WORDS:
        return False
    return any(s is not cell and s.x0 < cell.x1 and s.x1 > cell.x0 and _OTHER_STATUS.search(s.text) for s in segs)


_OTHER_STATUS = re.compile(r"^\s*(?:status|in\s+progress|not\s+started|not\s+completed?|incomplete|pending|failed"
                           r"|withdrawn|expired)\s*$", re.IGNORECASE)
_TABLE_CELLS = 3        # cells of a table's header row at least
_TABLE_GAP = 6.0        # heights from a table's cell to the one over it, at most (an empty row between)
# A table cell that holds a value, not words: figures, times, dashes ("—", "n/a").
_VALUE_CELL = re.compile(r"[\d\s:./\-–—,]*|n/?a|—|-", re.IGNORECASE)


def _heading(above: str) -> str:
    """The cell above a date as a heading for it; "" when it holds a value of its own ("CREDIT
    EARNED 0.30 CEUs": another field's row of a form, whose label names that value, not the date).
    A longer line is prose running on to the date ("... completed Behavior Change Coaching (ACE
    course CS40112) on" / "8/9/2026"): its words are the date's own sentence. Words before a date
    of the line's own are that date's ("Week of Mon, Nov 3 - Sun, Nov 9, 2025" over an event's day)."""
    own = [m.end() for m in DATE_RE.finditer(above)]
    if own:
        above = above[own[-1]:]
    if len(above.split()) <= _ROW_WORDS and (CEUS_SUFFIX_RE.search(above) or HOURS_SUFFIX_RE.search(above)
                                             or EMAIL_RE.search(above) or COURSE_LABELLED_RE.search(above)):
        return ""
    words = above.split()
    if len(words) > _ROW_WORDS and words[-1][-1:] in ".!?" and len(words[-1]) > 2 \
            and words[-1][:-1].casefold() not in _NOT_SENTENCE_END:
        return ""           # prose whose sentence ends on that line: the date's sentence is another
    return above


_ROW_WORDS = 6          # words of a form's row (a label and its value) at most; a longer line is prose
_HEADER_WIDTH = 3.0      # a segment above a value this many times wider than it is a row of headings


# A completion word at most this many words before a date with a time of day names the stamp.
_STAMP_WORDS = 1
_TIME_AFTER = re.compile(r"\s*,?\s*(?:at\s+)?\d{1,2}:\d{2}\b")


def _below(lines: list[Line], n: int, seg: Seg) -> str:
    """The cell just below SEG (a signature's caption), on the next line if it is near."""
    height = max(seg.y1 - seg.y0, 1.0)
    for below in lines[n + 1:n + 2]:
        if below.y0 - seg.y1 > 2.0 * height:
            break
        return " ".join(s.text for s in below.segs if s.x0 < seg.x1 and s.x1 > seg.x0)
    return ""


# A caption or role under or over a name is a few words ("Director of Education"); more is prose.
_CAPTION_WORDS = 6


def _caption(text: str) -> str:
    """TEXT when it is short enough to be a caption, else nothing."""
    return text if len(text.split()) <= _CAPTION_WORDS else ""


def _caption_below(lines: list[Line], n: int, seg: Seg) -> str:
    """A short caption printed just under SEG ("Date Signed" under a rule), when it is much nearer
    than the line above: the words a value written on a rule is known by."""
    # The line above in its own column: on a skewed scan another column's cell (a value to its right,
    # set a little higher) may be the line just before it in reading order.
    gap_above = next((seg.y0 - max(s.y1 for s in over) for line in reversed(lines[max(0, n - _CAPTION_LINES):n])
                      if (over := [s for s in line.segs if s.x0 < seg.x1 and s.x1 > seg.x0])), float("inf"))
    centre = (seg.x0 + seg.x1) / 2
    # The next lines in reading order, until one has a cell under SEG: on a skewed scan a cell of
    # another column (an ID at the left margin) may come first.
    for below in lines[n + 1:n + 1 + _CAPTION_LINES]:
        gap_below = below.y0 - seg.y1
        if gap_below > 1.5 * max(seg.y1 - seg.y0, 1.0) or gap_below >= 0.7 * gap_above:
            return ""
        hits = [s for s in below.segs if s.x0 <= centre <= s.x1]
        if hits:
            # A hint in brackets is no word of the caption ("Date of birth (MM/DD/YY YY)", a fax's
            # reading of "(MM/DD/YYYY)").
            words = _BRACKETED.sub(" ", hits[0].text).split()
            return hits[0].text if len(hits) == 1 and len(words) <= 4 else ""
    return ""


# Lines below a value looked through for its caption.
_CAPTION_LINES = 3
_BRACKETED = re.compile(r"\([^()]*\)")


# Long date words a letter away from what OCR made of them ("Conpletion", "Expiratlon"): a word
# this long is not another word a letter away (short ones are: "attended" and "attendee").
_MISREAD_WORD_LETTERS = 9
_LONG_DATE_WORDS = tuple((w, kind) for words, kind in ((COMPLETION_WORDS, "completion"), (OTHER_DATE_WORDS, "other"))
                         for w in words if " " not in w and len(w) >= _MISREAD_WORD_LETTERS)


def _one_letter_off(text: str, vocabulary) -> list[tuple[re.Match, list[str]]]:
    """Each word of TEXT long enough to be told by its letters (_MISREAD_WORD_LETTERS, less the
    letter OCR may have dropped), with the words of VOCABULARY at most one letter from it."""
    from rapidfuzz.distance import Levenshtein

    return [(m, [w for w in vocabulary if Levenshtein.distance(m.group().lower(), w, score_cutoff=1) <= 1])
            for m in re.finditer(r"[^\W\d_]{%d,}" % (_MISREAD_WORD_LETTERS - 1), text)]


def _names_other_day(text: str) -> bool:
    """Whether TEXT holds a word of another day than the completion ("enrolment", "printed")
    and no completion word."""
    text = _APPROVAL_RE.sub(lambda m: " " * len(m.group()), text)
    kinds = {"completion" for _m in _COMPLETION_RE.finditer(text)} | {"other" for _m in _OTHER_RE.finditer(text)}
    kinds = kinds or {kind for _s, _e, kind, _w in _misread_hits(text)}
    return kinds == {"other"}


def _misread_hits(text: str) -> list[tuple[int, int, str, str]]:
    """The long date words of TEXT that OCR got one letter wrong, as `_date_kind`'s hits (the
    word as the vocabulary spells it)."""
    out = []
    for m, close in _one_letter_off(text, {w for w, _kind in _LONG_DATE_WORDS}):
        near = {(w, kind) for w, kind in _LONG_DATE_WORDS if w in close}
        if len({kind for _w, kind in near}) == 1:
            out.append((m.start(), m.end(), *next(iter(near))[::-1]))
    return out


# A signer's role after a name and a comma ("Rosalind Achterberg, Provider"): the date under it is
# the day they signed.
_SIGNER_ROLE = re.compile(r",\s*(?:approved\s+)?provider\b", re.IGNORECASE)
_STAFF_LONG = tuple(w for w in STAFF_WORDS if " " not in w and len(w) >= _MISREAD_WORD_LETTERS)


def _names_signer(text: str) -> str | None:
    """The role word of a signer's caption ("Jane Roe, Instructor"; OCR's "instructer" too), or None.
    Only a caption counts: a line of prose above a date names no signer."""
    if not text or len(text.split()) > _CAPTION_WORDS:
        return None
    m = _STAFF_RE.search(text) or _SIGNER_ROLE.search(text)
    if m:
        return m.group().strip(" ,").lower()
    return next((m.group().lower() for m, close in _one_letter_off(text, _STAFF_LONG) if close), None)


_CAPTION_COMPLETION_RE = phrase_regex(CAPTION_COMPLETION_WORDS)
_CAPTION_OTHER_RE = phrase_regex(CAPTION_OTHER_WORDS)


def _caption_hits(text: str) -> list[tuple[int, int, str, str]]:
    """A date's caption of a word or two that says which end of an event it is ("END", "FIN /
    END", "Start"), as `_date_kind`'s hits; nothing for a longer text, where such words are prose."""
    if not text or len(text.replace("/", " ").split()) > CAPTION_DATE_WORDS:
        return []
    out = [(m.start(), m.end(), "completion", m.group()) for m in _CAPTION_COMPLETION_RE.finditer(text)]
    return out + [(m.start(), m.end(), "other", m.group()) for m in _CAPTION_OTHER_RE.finditer(text)]


def _date_kind(before: str, left: str, above: str, after: str, below: str = "",
               sentence: str = "", column: str = "") -> tuple[str | None, str | None]:
    """What the words around a date say it is. The nearest telling word on its own segment
    wins (before or after it), then one in the cell to its left, then one above it. A date
    with a time of day after it ("08 Jan 2026 15:42", a fax header, a print stamp) is a
    timestamp, not a completion, unless a completion word stands just before it ("Completion:
    2026-05-03 14:32"). BELOW is a caption under the date, the last to be asked. A date under
    a signer's name and role, with no date word of its own, is the day of signing. SENTENCE is the
    longer run of words before the date on its segment: a verb further back in the date's own
    sentence ("completed Exercise Science Refresher (ACE course CEP 123456) on 1/29/2025") is
    asked when no word near it tells. A cell left of it, above or below it that holds both a
    completion word and another day's tells nothing. COLUMN is the heading of its column when it
    stands in a table (`_column_heading`): asked before the cell to its left, which in a table is
    another column's value (a status "Completed" left of the day the course was started)."""
    def hits(text: str):
        text = _APPROVAL_RE.sub(lambda m: " " * len(m.group()), text)     # who approved the course: no date word
        out = [(m.start(), m.end(), "completion", m.group()) for m in _COMPLETION_RE.finditer(text)]
        out += [(m.start(), m.end(), "other", m.group()) for m in _OTHER_RE.finditer(text)]
        return out or _misread_hits(text)

    before, after = _own_sentence(_words_apart(before), _words_apart(after))
    left, above, below, sentence, column = (_words_apart(t) for t in (left, above, below, sentence, column))
    # A weekday is part of the date it names ("Course completed on: Wednesday, 18 June 2025, 7:52 PM").
    near = [(len([w for w in before[e:].split() if not _WEEKDAY.fullmatch(w)]), 0, kind, word)
            for _s, e, kind, word in hits(before)]
    near += [(len(after[:s].split()), 1, kind, word) for s, _e, kind, word in hits(after)]
    if _TIME_AFTER.match(after):
        stamped = min((n for n in near if n[1] == 0), default=None)
        # Nothing before it in its cell but perhaps its weekday ("Completed on | Wednesday, 4 November
        # 2026, 12:35 AM" on a quiz's review page).
        if stamped is None and all(_WEEKDAY.fullmatch(w) for w in before.split()):
            # A column's heading over it ("Completed On" over "2025-04-28 8:11:18" in an LMS report);
            # else the label in the cell to its left ("Completed | 2026-07-07 13:03" on an LMS page).
            # In a table the cell to the left is another column's value (a status "Completed" left
            # of the day the course was started), so the heading is asked first.
            heading = hits(column) or _caption_hits(column)
            if len({kind for _s, _e, kind, _w in heading}) == 1:
                _s, _e, kind, word = max(heading)
                return kind, word.lower()
            stamped = min(((len(left[e:].split()), 0, kind, word) for _s, e, kind, word in hits(left)), default=None)
        if stamped is not None and stamped[0] <= _STAMP_WORDS and stamped[2] == "completion":
            return "completion", stamped[3].lower()
        return "other", "time of day"
    if near:
        _d, _side, kind, word = min(near)
        return kind, word.lower()
    sentence = _own_sentence(sentence, "")[0]
    far = [(len(sentence[e:].split()), kind, word) for _s, e, kind, word in hits(sentence)]
    if far:
        _d, kind, word = min(far)
        return kind, word.lower()
    for text in (column, left, above, below):
        found = hits(text) or _caption_hits(text)
        if len({kind for _s, _e, kind, _w in found}) > 1:
            continue            # "completed_at,certificate_issued_at" over it: a heading of two days tells neither
        if found:
            _s, _e, kind, word = max(found)
            return kind, word.lower()
    if _names_signer(above):
        return "other", "signed"
    return None, None


# A log's event that the course (not a module of it) was completed, in the cell after a timestamp.
_COURSE_DONE_EVENT = re.compile(r"\s*(?:(?:course|class|program|programme|training)\s+(?:completed|complete|finished)"
                                r"|completed\s+(?:the\s+)?(?:course|class|program|programme|training))\s*\.?\s*",
                                re.IGNORECASE)
# A letter's greeting: the date alone on a line above it is the day the letter was written.
_SALUTATION = re.compile(r"\s*(?:dear\b|to\s+whom\s+it\s+may\s+concern|greetings\b|hello\b)", re.IGNORECASE)
_SALUTATION_LINES = 4


def _letters_date(lines: list[Line], n: int, printed: str) -> bool:
    """Whether the date PRINTED, on line N, is a letter's own date: alone on its line, with the
    letter's greeting ("Dear ...", "To whom it may concern:") a few lines below it."""
    if " ".join(s.text for s in lines[n].segs).strip(" .,") != printed.strip(" .,"):
        return False
    return any(_SALUTATION.match(s.text) for line in lines[n + 1:n + 1 + _SALUTATION_LINES] for s in line.segs[:1])


_WEEKDAY = re.compile(WEEKDAY, re.IGNORECASE)


def _words_apart(text: str) -> str:
    """TEXT with the words of a program's names set apart: "completionDate" and "issued_at" are
    "completion Date" and "issued at"."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text).replace("_", " ")


# A sentence's end: the words of the next sentence say nothing of a date ending this one
# ("... on 8 September 2025. The course is approved by ..."). A period after a short
# abbreviation or an initial ("No.", "Dr.", "J.") ends no sentence.
_SENTENCE_END = re.compile(r"(\S*)[.!?](?=\s+[A-Z])")
_NOT_SENTENCE_END = frozenset("no nr dr st mr ms mrs jr sr inc ltd co vs ca approx dept".split())


def _sentence_ends(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_END.finditer(text)
            if not (m.group(1).casefold() in _NOT_SENTENCE_END or (len(m.group(1)) == 1 and m.group(1).isalpha()))]


# What may stand between a date word and the date it introduces: "completed on", "Issued:".
_TO_ITS_DATE = re.compile(r"[\s:,\-]*(?:(?:on|of|at|the|dated)[\s:,]*)*$", re.IGNORECASE)


def _without_next_dates_word(between: str) -> str:
    """The words between a date and the next on its segment, less a date word at their end that
    introduces the next date ("... on 02/07/2025: ACE course CL 10298, completed January 12, 2025":
    "completed" is the second date's word, not the first's)."""
    hits = [m for rx in (_COMPLETION_RE, _OTHER_RE) for m in rx.finditer(between)]
    last = max(hits, key=lambda m: m.end(), default=None)
    if last is not None and _TO_ITS_DATE.fullmatch(between[last.end():]):
        return between[:last.start()]
    return between


def _own_sentence(before: str, after: str) -> tuple[str, str]:
    """BEFORE and AFTER a date cut to the date's own sentence."""
    ends = _sentence_ends(before)
    if ends:
        before = before[ends[-1]:]
    ends = _sentence_ends(" " + after if after[:1] in ".!?" else after)
    if ends:
        after = after[:max(0, ends[0] - (1 if after[:1] in ".!?" else 0))]
    return before, after


def _name_runs(text: str) -> list[tuple[int, int]]:
    """Runs of two to six words that could be a name ("Jane Doe", "DOE, Jane", "Ana dos Santos")."""
    runs: list[tuple[int, int]] = []
    cur: list[tuple[int, int]] = []
    commas = False

    def flush() -> None:
        nonlocal commas
        if 2 <= len(cur) <= 6:
            runs.append((cur[0][0], cur[-1][1]))
        cur.clear()
        commas = False

    for m in re.finditer(r"\S+", text):
        tok = m.group()
        core = tok.rstrip(",!?;:")
        if not (core and NAME_TOKEN.fullmatch(core) and core.casefold().strip(".") not in NOT_NAMES
                and (core[0].isupper() or core.casefold() in PARTICLES)):
            flush()
            continue
        cur.append((m.start(), m.start() + len(core)))
        if tok.endswith(("!", "?", ";", ":")):
            flush()                 # "Congratulations, Jane Doe!" ends at the mark
            continue
        if tok.endswith(","):
            # "Jane Doe, CPT" may end at its comma, "dos Santos, Ana" goes on: both are kept.
            if 2 <= len(cur) <= 6:
                runs.append((cur[0][0], cur[-1][1]))
            if commas:
                cur.clear()
            commas = not commas and bool(cur)
    flush()
    return list(dict.fromkeys(runs))


# Numeric dates in forms that are dates only where the page says it writes dates so; elsewhere
# they may be a version, a reference or a phone number: with dots and a two-digit year
# ("03.04.25" under "COMPLETED (MM.DD.YY)"), and with middle dots ("03 · 05 · 2026" on a page
# that says "DATES ARE MONTH · DAY · YEAR").
_SHORT_DOTTED = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{2}(?![\d.])")
_MIDDLE_DOTTED = re.compile(r"(?<![\d·])\d{1,2} ?· ?\d{1,2} ?· ?\d{4}(?![\d·])")
_MIDDLE_DOTS = re.compile(r" ?· ?")


def _stated_date_forms(segs: list[Seg]) -> list[re.Pattern]:
    """The numeric date forms the page's captions give, beyond those always read: `_SHORT_DOTTED`
    when captions give one order of day and month and a form with dots and a two-digit year;
    `_MIDDLE_DOTTED` when the page says its dates are month first with middle dots ("MONTH · DAY ·
    YEAR") and nothing says day first so. A middle-dotted order may name a date in other figures
    ("XII · V · MMXXVI" over "DIES · MENSIS · ANNUS (day · month · year)"): it states no order of
    the page's numeric dates, and a day-first one reads no date."""
    forms = []
    stated = [m.group() for seg in segs for rx in (_ORDER_CAPTION, _ORDER_IN_WORDS) for m in rx.finditer(seg.text)]
    if stated_date_order(segs) is not None and any("." in g and len(g.split(".")[-1].strip()) == 2 for g in stated):
        forms.append(_SHORT_DOTTED)
    dotted = {m[1].casefold() for seg in segs for m in _MIDDLE_DOT_ORDER.finditer(seg.text)}
    if dotted == {"month"}:
        forms.append(_MIDDLE_DOTTED)
    return forms


# A page's word that its dates are written with middle dots, month or day first.
_MIDDLE_DOT_ORDER = re.compile(r"(?<![A-Za-z])(day|month)\s?·\s?(?:month|day)\s?·\s?year(?![A-Za-z])", re.IGNORECASE)


def page_candidates(segs: list[Seg], page_height: float) -> list[Candidate]:
    """Every date, course number, ID, email, CEC and hour phrase and name-like run on the page."""
    lines = lines_of(segs)
    slope = page_slope(segs)
    out: list[Candidate] = []
    page_height = max(page_height, 1.0)
    stated_forms = _stated_date_forms(segs)
    for n, line in enumerate(lines):
        line_text = " | ".join(seg.text for seg in line.segs)
        for i, seg in enumerate(line.segs):
            text = seg.text
            spans: list[tuple[str, int, int, str]] = []
            dates = _ranges_with_dash_lost(text, [(m.start(), m.end()) for m in DATE_RE.finditer(text)],
                                           line.segs[i - 1].text if i else "")
            for rx in stated_forms:
                dates += [(m.start(), m.end()) for m in rx.finditer(text)
                          if not any(a < m.end() and m.start() < b for a, b in dates)]
            spans += [("date", a, b, date_value(_MIDDLE_DOTS.sub("/", text[a:b]))) for a, b in dates]
            for m in WORD_DATE_RE.finditer(text):
                value = word_date(m)
                if value and not any(a < m.end() and m.start() < b for a, b in dates):
                    spans.append(("date", m.start(), m.end(), value))
                    dates.append((m.start(), m.end()))
            for m in COURSE_LABELLED_RE.finditer(text):
                got = _course_span(text, m)
                if got:
                    spans.append(("course_number", got[0], got[1], text[got[0]:got[1]]))
            for m in _EMAIL_LOOSE.finditer(text):
                spans.append(("email", m.start(), m.end(), re.sub(r"\s+", "", m.group())))
            taken = [(a, b) for _f, a, b, _v in spans]
            for m in _ID_LONG.finditer(text):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    spans.append(("certificant_id", m.start(), m.end(), m.group()))
            for f, rx in (("ceus", CEUS_SUFFIX_RE), ("hours", HOURS_SUFFIX_RE)):
                for m in rx.finditer(text):
                    if not is_rate_on_line(line, seg, m.start(), m.end()):
                        spans.append((f, m.start(), m.end(), m.group(1)))
            if not spans:
                continue
            left = line.segs[i - 1].text if i else ""
            column = _column_heading(segs, seg, slope) if any(f == "date" for f, *_r in spans) else None
            if left.rstrip().endswith(":"):
                column = None   # "Date of in-service: | 04/15/2026": a form's label and its value, not a table's cells
            if column is not None or (i and _status_cell(segs, line.segs[i - 1])):
                left = ""       # in a table the cell to the left is another column's value, no label
            above = None
            for f, a, b, value in spans:
                prev_end = max([y for x, y in dates if y <= a], default=0)
                next_start = min([x for x, y in dates if x >= b], default=len(text))
                between = text[b:next_start]
                if f == "date" and next_start < len(text):
                    between = _without_next_dates_word(between)
                before, after = _words_tail(text[prev_end:a]), _words_head(between)
                box = seg.box(a, b)
                conf = seg.conf(a, b, carries=carries_date) if f == "date" else seg.conf(a, b)
                cand = Candidate(f, value, text[a:b], conf, box, before, after, line_text[:160],
                                 ((box[3] - box[1]) / page_height) if box else 0.0)
                if f == "date":
                    if above is None:
                        above = _above(lines, n, seg)
                    cand.above = above
                    cand.kind, cand.telling = _date_kind(before, _words_tail(left), _heading(above), after,
                                                         _heading(_caption_below(lines, n, seg)),
                                                         " ".join(text[prev_end:a].split()[-SENTENCE_WORDS:]),
                                                         column or "")
                    if cand.kind is None and _letters_date(lines, n, text[a:b]):
                        cand.kind, cand.telling = "other", "the letter's date"
                    elif cand.telling == "time of day" and i + 1 < len(line.segs) \
                            and _COURSE_DONE_EVENT.fullmatch(line.segs[i + 1].text):
                        # An activity log's row: "2025-06-18 14:40:32 | Course completed | 0.5 CEC awarded".
                        cand.kind, cand.telling = "completion", line.segs[i + 1].text.strip().lower()
                out.append(cand)
        # Names run across a line's cells ("NAKAMURA, | Sara" when OCR sees a gap in it).
        whole = Seg([t for seg in line.segs for t in seg.toks])
        taken = [(c.box[0], c.box[2]) for c in out if c.box and c.box[1] >= whole.y0 - 1 and c.box[3] <= whole.y1 + 1
                 and c.field != "name"]
        for a, b in _name_runs(whole.text):
            box = whole.box(a, b)
            if box is None or any(x0 < box[2] and box[0] < x1 for x0, x1 in taken):
                continue
            cand = Candidate("name", whole.text[a:b], whole.text[a:b], whole.conf(a, b), box,
                             _words_tail(whole.text[:a]), _words_head(whole.text[b:]), line_text[:160],
                             (box[3] - box[1]) / page_height)
            # A signature's name: a role word beside it, or in a caption just above or below it
            # (a line of prose below a name is no caption: "approved by ACE" there names no signer).
            own = whole.part(a, b)
            near = " ".join((_words_tail(whole.text[:a])[-30:], _words_head(whole.text[b:])[:30],
                             _caption(_above(lines, n, own)), _caption(_below(lines, n, own))))
            staff = _STAFF_RE.search(near)
            if staff:
                cand.kind, cand.telling = "staff", staff.group().lower()
            out.append(cand)
    out.extend(_wrapped_dates(lines, page_height))
    out.extend(_wrapped_words(lines, page_height))
    out.extend(_boxed_dates(lines, page_height))
    out.extend(_unread_dates(lines, [c for c in out if c.field == "date"], page_height))
    out.extend(_completion_captions(lines, page_height))
    return out


# A caption that names the completion date and nothing else ("Completed", "6. Date course completed",
# "Date of completion:"): its date stands beside it or just under (or over) it.
_COMPLETION_CAPTION = re.compile(
    r"\s*(?:\d{1,2}\s?[.)]\s*)?(?:date\s+(?:of\s+)?(?:course\s+|class\s+|training\s+)?(?:completion|completed)"
    r"|(?:course\s+)?completion\s+date|(?:course\s+|class\s+|training\s+)?completed(?:\s+on)?|completion)\s*[:.]?\s*",
    re.IGNORECASE)
# A completion label before a date that could not be read ("Date of completion: Decemb2r 13, 2025").
_COMPLETION_LABEL = re.compile(r"\b(?:completion|completed)\b\s*(?:date|on)?\s*[:.]?", re.IGNORECASE)


def _completion_captions(lines: list[Line], page_height: float) -> list[Candidate]:
    """Each caption of the completion date on the page (field "completion_caption"): where the
    completion is printed, whether or not a date was read there."""
    out = []
    for line in lines:
        for seg in line.segs:
            if _COMPLETION_CAPTION.fullmatch(seg.text):
                box = seg.box(0, len(seg.text))
                out.append(Candidate("completion_caption", seg.text, seg.text, seg.conf(0, len(seg.text)), box,
                                     "", "", " | ".join(s.text for s in line.segs)[:160],
                                     ((box[3] - box[1]) / page_height) if box else 0.0))
    return out


def _completion_unread(chosen: Candidate | None, cands: list[Candidate]) -> str | None:
    """Where the completion date is printed apart from CHOSEN, the date about to be taken without a
    word that calls it the completion, and was not read: a completion caption with no date beside,
    under or over it but CHOSEN elsewhere, or a completion label before a date that does not read
    as one. Its words, or None. The one date read is then another day (a letter's date, a
    signature's, the day an office recorded the form)."""
    for c in cands:
        label = _COMPLETION_LABEL.search(c.before) if c.field == "unread_date" else None
        if label:
            return f"after {c.before[:label.end()].strip(' :.')!r}"
        if c.field == "completion_caption" and c.box is not None and chosen is not None and chosen.box is not None \
                and not _where_its_value_stands(c.box, chosen.box):
            return f"by {c.printed.strip(' :.')!r}"
    return None


def _where_its_value_stands(caption: tuple, value: tuple) -> bool:
    """Whether a value's box stands where a caption's value would: on its row, or in its column just
    under or over it."""
    if _same_row(caption, value):
        return True
    height = max(caption[3] - caption[1], value[3] - value[1], 1.0)
    across = value[0] < caption[2] + 2 * height and value[2] > caption[0] - 2 * height
    gap = value[1] - caption[3] if value[1] >= caption[1] else caption[1] - value[3]
    return across and gap <= _ROW_GAP * height


# A label that announces more than one day: "Date(s):", "Dates", "Event dates".
_DATES_LABEL = re.compile(r"\bdates?\s*\(s\)\s*[:\-]?\s*$|\bdates\s*[:\-]?\s*$", re.IGNORECASE)
# The most days an event range read this way may span.
_RANGE_DAYS = 31


def _ranges_with_dash_lost(text: str, dates: list[tuple[int, int]], left: str) -> list[tuple[int, int]]:
    """DATES (spans in TEXT) with two numeric dates that stand side by side after a "Date(s)" label
    joined into one event range: "Date(s): 10/10/2025 10/12/2025" is 10/10/2025 - 10/12/2025 with
    the dash OCR lost. Only a later day within a month of the first; anything else stays two dates."""
    if len(dates) != 2:
        return dates
    (a1, b1), (a2, b2) = dates
    if text[b1:a2].strip() or not _DATES_LABEL.search(text[:a1] if text[:a1].strip() else left):
        return dates
    first, last = (parse_date(date_value(text[a:b])).value for a, b in dates)
    if first is None or last is None or not 0 < (last - first).days <= _RANGE_DAYS:
        return dates
    return [(a1, b2)]


# Something a date was printed as but that does not read as one: "A gust 11th, 2026" (a month
# garbled by OCR), "O8/1l/2026" (letters among the digits).
_DATE_TAIL = re.compile(r"(?<![\d/.])\d{1,2}(?:st|nd|rd|th)?\s*,\s*(?:19|20)\d{2}(?!\d)")
_DATE_GARBLED = re.compile(r"(?<![\w/])[\dOoIlSB|]{1,2}\s?[/.\-]\s?[\dOoIlSB|]{1,2}\s?[/.\-]\s?(?:19|20)[\dOoIlSB]{2}"
                           r"(?![\w/])")
# A numeric date whose year lost its last digit ("11/08/202"): the end of an event's range read short.
_DATE_CUT = re.compile(r"(?<![\w/])\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:19|20)\d(?![\w/])")
# A year-first date run into what followed it ("2025 -10-24715:22:53Z": an ISO timestamp's "T" read as
# a digit), which the date's shape therefore does not take.
_DATE_GLUED = re.compile(r"(?<![\w/])(?:19|20)\d{2}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?\d{2}(?=\d)")
# A day, a word that begins as a month does and is none, and a year: "3 Janua 2026" (the end of
# "January" lost to a fax).
_DATE_MONTH_CUT = re.compile(r"(?<![\w/])\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                             r"[a-z]*\.?\s+(?:19|20)\d{2}(?!\d)", re.IGNORECASE)


# A form's caption that says how its date is written in boxes: "DATE COMPLETED MM / DD / YY",
# "Date of birth (DD.MM.YYYY)", OCR's "MM/DDIYY" (a slash read as I).
_PART = r"(?:\s*[/.\-|I]\s*|\s+)?"
_BOX_FORMAT = re.compile(rf"(?<![A-Za-z])(?:(?:MM{_PART}DD|DD{_PART}MM){_PART}(?:YYYY|YY|JJJJ|AAAA|JJ|AA)"
                         rf"|YYYY{_PART}MM{_PART}DD)(?![A-Za-z])", re.IGNORECASE)
# What is written in its boxes: six or eight figures, one to a box or run together ("0 9 2 3 2 5", "092325").
_BOXED_FIGURES = re.compile(r"\s*(?:\d\s*){6,8}")


def _boxed_dates(lines: list[Line], page_height: float) -> list[Candidate]:
    """A date written one figure to a box under (or beside) a caption that gives its order ("DATE
    COMPLETED MM / DD / YY" over "0 9 2 3 2 5"), as a date in ISO form. The words of the caption
    say what day it is."""
    out = []
    for n, line in enumerate(lines):
        for i, seg in enumerate(line.segs):
            m = _BOX_FORMAT.search(seg.text)
            if m is None:
                continue
            # The caption's order, a letter for each figure ("MMDDYY"); J and A are a year's (JJJJ, AAAA).
            order = re.sub(r"[^MDYJA]", "", m.group().upper()).replace("J", "Y").replace("A", "Y")
            height = max(seg.y1 - seg.y0, 1.0)
            beside = line.segs[i + 1:i + 2]
            under = []
            for later in lines[n + 1:n + 3]:
                if later.y0 - seg.y1 > 2.5 * height:
                    break
                # The boxes' figures from the first under the caption on, each box its own cell
                # on a text layer: a run of figures set close.
                run = []
                for s in later.segs:
                    if not run and not (s.x0 < seg.x1 and s.x1 > seg.x0):
                        continue
                    if run and (s.x0 - run[-1].x1 > 3 * height or not re.fullmatch(r"[\d\s]+", s.text)):
                        break
                    run.append(s)
                if run:
                    under.append(Seg([t for s in run for t in s.toks]))
                    break
            for value in (*beside, *under):
                figures = re.sub(r"\D", "", value.text)
                if not _BOXED_FIGURES.fullmatch(value.text) or len(figures) != len(order):
                    continue
                parts = {k: "" for k in "MDY"}
                for k, ch in zip(order, figures):
                    parts[k] += ch
                year = parts["Y"] if len(parts["Y"]) == 4 else "20" + parts["Y"]
                if not (1 <= int(parts["M"]) <= 12 and 1 <= int(parts["D"]) <= 31):
                    continue
                box = value.box(0, len(value.text))
                caption = (seg.text[:m.start()] + " " + seg.text[m.end():]).strip(" :()[]")
                cand = Candidate("date", f"{year}-{parts['M']}-{parts['D']}", value.text.strip(),
                                 value.conf(0, len(value.text)), box, caption, "",
                                 " | ".join(s.text for s in line.segs)[:160],
                                 ((box[3] - box[1]) / page_height) if box else 0.0)
                cand.kind, cand.telling = _date_kind(caption, "", "", "")
                out.append(cand)
                break
    return out


def _unread_dates(lines: list[Line], dates: list[Candidate], page_height: float) -> list[Candidate]:
    """Date-like text that no date was read from (field "unread_date"): a reason to doubt that
    the one date read is the only one printed."""
    out = []
    for line in lines:
        for seg in line.segs:
            for rx in (_DATE_TAIL, _DATE_GARBLED, _DATE_CUT, _DATE_MONTH_CUT, _DATE_GLUED):
                for m in rx.finditer(seg.text):
                    if rx is _DATE_GARBLED and m.group().replace(" ", "").replace("/", "").replace("-", "") \
                            .replace(".", "").isdigit():
                        continue        # all digits: read as a date already, or not a date at all
                    if _TIME_AFTER.match(seg.text, m.end()) or any(
                            c.box is not None and seg.box(m.start(), m.end()) is not None
                            and _overlaps(c.box, seg.box(m.start(), m.end())) for c in dates):
                        continue
                    box = seg.box(m.start(), m.end())
                    text = seg.text[max(0, m.start() - 12):m.end()].strip()
                    out.append(Candidate("unread_date", text, text, seg.conf(m.start(), m.end()), box,
                                         _words_tail(seg.text[:m.start()]), _words_head(seg.text[m.end():]),
                                         " | ".join(s.text for s in line.segs)[:160],
                                         ((box[3] - box[1]) / page_height) if box else 0.0))
    return out


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _wrapped_dates(lines: list[Line], page_height: float) -> list[Candidate]:
    """A date broken over two lines of prose ("... on December" / "23, 2025.", "on the 3rd day of" /
    "May, 2026", "on 14" / "February 2026")."""
    out = []
    for n in range(len(lines) - 1):
        pairs = _prose_pairs(lines[n], lines[n + 1])
        # Columns side by side whose lines interleave (a sidebar, an itinerary): the next line of
        # this column's prose is the next one with a segment under it, a line or two further on.
        for a in lines[n].segs:
            for later in lines[n + 2:n + 4]:
                under = [b for b in later.segs if b.x0 < a.x1 and b.x1 > a.x0]
                if under:
                    if under[0].y0 - a.y1 <= 1.5 * (a.y1 - a.y0) and not any(
                            s.x0 < a.x1 and s.x1 > a.x0 for line in lines[n + 1:n + 2] for s in line.segs):
                        pairs.append((a, under[0]))
                    break
        for a, b in pairs:
            # The line over the date's first line: prose whose sentence runs on to it ("... completed
            # the course" / "Lifestyle Medicine Basics, ..., on April" / "18, 2025.").
            _wrapped_date(a, b, page_height, out, _heading(_above(lines, n, a)))
    return out


def _prose_pairs(line: Line, nxt: Line):
    """(end of a line, start of the next) where prose may run on: the line's last segment and
    the next line's first, and in columns of prose side by side, each column's segment and the
    one under it."""
    pairs = [(line.segs[-1], nxt.segs[0])]
    if len(line.segs) > 1:
        # (the last segment too: a column of prose right of a sidebar runs on under itself)
        for a in line.segs:
            under = [b for b in nxt.segs if b.x0 < a.x1 and b.x1 > a.x0]
            if under and (a, under[0]) not in pairs:
                pairs.append((a, under[0]))
    return pairs


def _wrapped_date(a: Seg, b: Seg, page_height: float, out: list, above: str = "") -> None:
    """A date that runs from the end of A on to the start of B, added to OUT; ABOVE is the
    heading over A."""
    if not (MONTH_RE.search(a.text[-14:]) or MONTH_RE.search(b.text[:16])) or b.x0 > a.x1:
        return
    tail, head = a.text[-24:], b.text[:16]
    joined = f"{tail} {head}"
    for m in DATE_RE.finditer(joined):
        if m.start() >= len(tail) or m.end() <= len(tail):
            continue            # on one line: found there already
        start = len(a.text) - len(tail) + m.start()
        words = a.text[:start].split()
        if not re.search(r"\d{4}$", m.group()) and not (words and re.fullmatch(r"[A-Za-z]+", words[-1])
                                                         and not MONTH_RE.fullmatch(words[-1])):
            # A two-digit "year" on the next line wraps prose ("... on 18" / "Jan 25 with a score"),
            # not a cell that is all date: "Jun 12" over "Jun 12" in a table is no "12 Jun 12".
            continue
        conf = min(a.conf(start, len(a.text), carries=carries_date),
                   b.conf(0, m.end() - len(tail) - 1, carries=carries_date))
        first, second = a.box(start, len(a.text)), b.box(0, max(1, m.end() - len(tail) - 1))
        box = union_box(first, second)
        before = _words_tail(a.text[:start])
        after = _words_head(b.text[m.end() - len(tail) - 1:])
        cand = Candidate("date", date_value(m.group()), m.group(), conf, box, before, after,
                         a.text[-80:] + " / " + b.text[:80], ((a.y1 - a.y0) / max(page_height, 1.0)),
                         parts=(first, second) if first and second else ())
        cand.kind, cand.telling = _date_kind(before, "", above, after,
                                             sentence=" ".join(a.text[:start].split()[-SENTENCE_WORDS:]))
        cand.above = above
        out.append(cand)


def _wrapped_words(lines: list[Line], page_height: float) -> list[Candidate]:
    """A course number or a name broken over two lines of prose ("ACE course CS" / "40112, and",
    "confirms that Jane" / "Doe completed"): the last words of a line and the first of the next,
    when the next line is set in the same size just below and starts left of where it ended."""
    out = []
    for n in range(len(lines) - 1):
        a, b = lines[n].segs[-1], lines[n + 1].segs[0]
        ha, hb = a.y1 - a.y0, b.y1 - b.y0
        # Set solid, or skewed on a scan, one line's descenders may reach the next line's top (and
        # a poster's name stacked in capitals, read as words whose boxes OCR drew generously).
        if b.x0 > a.x1 or abs(ha - hb) > 0.35 * max(ha, hb) or not -0.3 * max(ha, hb) <= b.y0 - a.y1 <= max(ha, hb):
            continue
        tail = " ".join(a.text.split()[-_WRAP_WORDS:])
        head = " ".join(b.text.split()[:_WRAP_WORDS])
        joined = f"{tail} {head}"
        spans = [("course_number", *got) for m in COURSE_LABELLED_RE.finditer(joined)
                 if (got := _course_span(joined, m))]
        spans += [("name", x, y) for x, y in _name_runs(joined)]
        for f, x, y in spans:
            if x >= len(tail) or y <= len(tail) + 1:
                continue            # on one line: found there already
            start = len(a.text) - len(tail) + x
            box = union_box(a.box(start, len(a.text)), b.box(0, y - len(tail) - 1))
            conf = min(a.conf(start, len(a.text)), b.conf(0, y - len(tail) - 1))
            value = joined[x:y]
            out.append(Candidate(f, value, value, conf, box, _words_tail(a.text[:start]),
                                 _words_head(b.text[y - len(tail) - 1:]), a.text[-80:] + " / " + b.text[:80],
                                 ha / max(page_height, 1.0)))
    return out


# Words at the end of a line and the start of the next looked at for a value broken between them.
_WRAP_WORDS = 4


def choose_date(found: dict[str, Found], cands: list[Candidate], notes: list[str], segs: list[Seg] = ()) -> None:
    """The completion date from every date on the page (`_choose_date`), doubted when its
    numbers could be read day first as well as month first (`_day_first_doubt`).

    A page that says how it writes dates ("Date completed (DD/MM/YYYY)", "All dates are
    DD/MM/YYYY", "MM / DD / YY" over a row of boxes) is taken at its word: a numeric date on a
    page that writes day first is given as the ISO date it means, and one whose second number
    cannot be a month goes to staff."""
    slope = page_slope(list(segs)) if segs else 0.0
    _choose_date(found, cands, notes, slope)
    got = found.get("completion_date")
    other_row = _course_row_date(got, cands, slope) if got is not None and got.doubt is None else None
    if other_row is not None and _BARE_DATE_LABEL.search(got.label or "") and other_row[1].kind is None \
            and _BARE_DATE_LABEL.search(other_row[1].before) \
            and sum(d.field == "date" and d.box is not None and _same_row(d.box, other_row[0].box, slope)
                    for d in cands) == 1:
        # Two days each after a bare "Date:" (a fax cover sheet's over the certificate it carries):
        # the one on the course's row is the course's.
        course, day = other_row
        found["completion_date"] = got = Found(day.value, day.confidence, "context",
                                               f"{got.label} (on the row of {course.printed})", box=day.box)
    elif other_row is not None:
        found["completion_date"] = got = Found(
            got.value, got.confidence, "guess", got.label, box=got.box, parts=got.parts,
            doubt=f"is pre-filled as a guess: the course number {other_row[0].printed} stands on a row "
                  f"dated {other_row[1].printed}, and this date is not on it")
    order = stated_date_order(segs)
    if got is not None and got.doubt is None and order == "day":
        if _DAY_MONTH_YEAR.fullmatch(got.value.strip()):
            iso = day_first(got.value)
            if iso is None:
                got.doubt = "is no date written day first, as the page says its dates are (DD/MM/YYYY)"
            else:
                found["completion_date"] = replace(got, value=iso, label=f"{got.label or got.how}, {DAY_FIRST}")
        return
    if got is not None and got.doubt is None and order is None:
        doubt = _day_first_doubt(got.value, [c.printed for c in cands if c.field == "date"])
        if doubt:
            found["completion_date"] = Found(got.value, got.confidence, "guess", got.label, box=got.box, doubt=doubt,
                                             parts=got.parts)


def _course_row_date(got: Found, cands: list[Candidate], slope: float = 0.0) -> tuple[Candidate, Candidate] | None:
    """(course number, date) when a course number stands on a row with a date of its own that
    is not the chosen completion GOT, and GOT is not on a course number's row: a transcript's
    rows each hold a course and its day, and the day under "Completed" on another row is another
    course's. None when the chosen date is on a course's row, or no course's row holds another
    date (a date called issued or printed on it is no course's day)."""
    if got.box is None:
        return None
    day = parse_date(got.value).value
    courses = [c for c in cands if c.field == "course_number" and c.box is not None]
    # The chosen day on a course's row, here or printed again there as the completion
    # ("02/07/2025: ACE course CL 10298, 0.7 CECs, completed January 12, 2025").
    same_day = [got.box] + [d.box for d in cands if d.field == "date" and d.box is not None and day is not None
                            and d.kind == "completion" and parse_date(d.value).value == day]
    if any(_same_row(box, c.box, slope) for box in same_day for c in courses):
        return None
    for course in courses:
        for d in cands:
            if d.field == "date" and d.box is not None and d.kind != "other" and _same_row(d.box, course.box, slope) \
                    and (parse_date(d.value).value or d.value) != (day or got.value):
                return course, d
    return None


def course_row_amount(found: dict[str, Found], cands: list[Candidate], segs: list[Seg]) -> None:
    """A transcript's credit: the amount on the row of the page's one course number, in a column
    headed by nothing but its unit ("CEU", "ACE CECs", "Hours") in a header row. It replaces an
    amount read in doubt (one of a column's amounts) and one read higher up the same column (the
    heading's first row, another course's); one read elsewhere ("Total CECs: 0.4") stands. A
    term's sum ("Term CEUs 3.0") is no course's amount (an ignored label)."""
    courses = [c for c in cands if c.field == "course_number" and c.box is not None]
    if len({"".join(ch for ch in c.value if ch.isalnum()).upper() for c in courses}) != 1:
        return
    slope = page_slope(segs)
    hits = []
    for course in courses:
        for s in segs:
            text = s.text.strip(EDGE_PUNCT)
            if not AMOUNT_CELL.fullmatch(text) or not _same_row((s.x0, s.y0, s.x1, s.y1), course.box, slope):
                continue
            over = sorted((h for h in segs if h.y1 <= s.y0 and h.x0 < s.x1 and h.x1 > s.x0
                           and not _VALUE_CELL.fullmatch(h.text.strip())), key=lambda h: -h.y1)
            for f in ("ceus", "hours"):
                head = next((h for h in over if _unit_alone(h.text, f)), None)
                if head is not None and len(_row_of(head, segs)) >= _TABLE_CELLS:
                    hits.append((f, s, text, head, course))
    if len({(f, amount_value(text)) for f, _s, text, _h, _c in hits}) != 1:
        return
    f, s, text, head, course = hits[0]
    sure = next((found[g] for g in ("ceus", "hours") if g in found and found[g].doubt is None), None)
    if sure is not None and not (sure.box is not None and sure.box[3] <= s.y0 and sure.box[0] < s.x1
                                 and sure.box[2] > s.x0):
        return
    found.pop("ceus", None)
    found.pop("hours", None)
    found[f] = Found(text, s.conf(0, len(s.text)), "label", f"{head.text.strip()} (the row of {course.printed})",
                     box=s.box(0, len(s.text)))


def _row_of(seg: Seg, segs: list[Seg]) -> list[Seg]:
    """The segments level with SEG (its own among them): the cells of its row."""
    middle, height = (seg.y0 + seg.y1) / 2, max(seg.y1 - seg.y0, 1.0)
    return [s for s in segs if abs((s.y0 + s.y1) / 2 - middle) <= 0.6 * height]


def _unit_alone(text: str, f: str) -> bool:
    """Whether TEXT is F's unit and nothing more: a column's heading ("ACE CECs", "(Hours)")."""
    m = _UNIT_LINE[f].match(text)
    return m is not None and not text[m.end():].strip(EDGE_PUNCT + " )")


# A caption giving the order a page writes its numeric dates in: DD/MM/YYYY (French JJ/MM/AAAA,
# German TT.MM.JJJJ) or MM/DD/YYYY.
_ORDER_CAPTION = re.compile(r"(?<![A-Za-z])(DD|JJ|TT|MM)\s?[/.\-]\s?(MM|DD)\s?[/.\-]\s?"
                            r"(?:YYYY|YY|AAAA|AA|JJJJ|JJ)(?![A-Za-z])")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ?([/.\-]) ?(\d{1,2}) ?[/.\-] ?(\d{4}|\d{2})")


DAY_FIRST = "day first as the page says"      # a completion date's label's ending when it was so read


def day_first(printed: str) -> str | None:
    """A numeric date read day first ("20/02/2026") as its ISO date ("2026-02-20"); None when it is
    no such date."""
    m = _DAY_MONTH_YEAR.fullmatch(printed.strip())
    if m is None:
        return None
    day, month, year = int(m[1]), int(m[3]), int(m[4])
    year += 2000 if year < 100 else 0
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return iso if month <= 12 and parse_date(iso).value is not None else None


def stated_date_order(segs) -> str | None:
    """"day" or "month": the order the page's captions say its numeric dates are written in;
    None when none says, or captions disagree."""
    orders = {"month" if m[1] == "MM" else "day" for seg in segs for m in _ORDER_CAPTION.finditer(seg.text)
              if (m[1] == "MM") == (m[2] == "DD")}
    orders |= {m[1].casefold() for seg in segs for m in _ORDER_IN_WORDS.finditer(seg.text)}
    return orders.pop() if len(orders) == 1 else None


# The order in words: "Dates are shown day/month/year", "(month/day/year)".
_ORDER_IN_WORDS = re.compile(r"(?<![A-Za-z])(day|month)\s?[/.\-]\s?(?:month|day)\s?[/.\-]\s?year(?![A-Za-z])",
                             re.IGNORECASE)


# A numeric date's day and month parts, and the separator between them ("05.06.2026", "13/05/2026").
_DAY_MONTH = re.compile(r"(?<![\d.\-/])(\d{1,2}) ?([/.\-]) ?(\d{1,2}) ?[/.\-] ?\d{2,4}(?![\d])")


def _day_first_doubt(value: str, printed: list[str]) -> str | None:
    """Why a numeric date whose first two numbers are both 12 or less may not be month first
    (R15's US order): it is written with dots, as day-first countries write dates, or another
    date on the page can only be day first ("14.03.1990", "25/06/2026"). None when nothing says so."""
    m = _DAY_MONTH.fullmatch(value.strip())
    if m is None or int(m[1]) > 12 or int(m[3]) > 12 or m[1] == m[3]:
        return None
    if m[2] == ".":
        return (f"could be {int(m[1])} {_MONTH_NAMES[int(m[3])]} or {_MONTH_NAMES[int(m[1])]} {int(m[3])}: "
                f"numeric dates written with dots are usually day first, and nothing on the page says which")
    for other in printed:
        for d in _DAY_MONTH.finditer(other):
            if 12 < int(d[1]) <= 31 and int(d[3]) <= 12:
                return (f"could be {int(m[1])} {_MONTH_NAMES[int(m[3])]} or {_MONTH_NAMES[int(m[1])]} {int(m[3])}: "
                        f"the page writes {d.group()!r} day first")
    return None


_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")


def _figures_or_marks(unread: str) -> bool:
    """Whether what followed a completion label and did not read as a date may be one: figures
    ("Sxh Apr1l 2O25"), or marks and no letters (the "(" of "Course completed on (date stamp): |
    AUG 0320", its stamp unread). Dot leaders read as letters ("Cee ee bee") are neither."""
    return any(ch.isdigit() for ch in unread) or not any(ch.isalpha() for ch in unread)


_VALID_YEARS = 5        # a certificate is valid this many whole years at most


def _anniversaries(group: dict) -> set:
    """The keys of GROUP's dates (key -> Candidate) that fall whole years (1 to _VALID_YEARS) after
    another of them, on its day or the day before: the end of a validity, not a completion."""
    days = {k: parse_date(c.value).value for k, c in group.items()}
    out = set()
    for k, d in days.items():
        if d is None:
            continue
        for n in range(1, _VALID_YEARS + 1):
            on = date(d.year + n, d.month, min(d.day, 28) if (d.month, d.day) == (2, 29) else d.day)
            out |= {k2 for k2, e in days.items() if e is not None and k2 != k and e in (on, on - timedelta(days=1))}
    return out


def _choose_date(found: dict[str, Found], cands: list[Candidate], notes: list[str], slope: float = 0.0) -> None:
    """The completion date from every date on the page, by the words around each (rules-notes).

    A date after a label that can only mean it ("Completion Date") stands. Otherwise a
    date called the completion by a word near it wins; failing that, the one date no
    word calls something else; several such dates with nothing to tell them apart, or
    none, leave the field to a person with the reason in plain words.
    """
    if _date_column(found, cands, notes, slope):
        return
    got = found.get("completion_date")
    if got is not None and got.announced:
        return
    dates = [c for c in cands if c.field == "date"]
    if not dates:
        return
    from cec_batch.normalize import parse_date

    def key(c: Candidate):
        # A numeric date that can only be day first ("20/12/2025") is the day it names: the same as
        # its twin written out ("20 December 2025").
        return parse_date(c.value).value or parse_date(day_first(c.value) or "").value or c.value.casefold()

    by_kind: dict[str | None, dict] = {"completion": {}, "other": {}, None: {}}
    for c in dates:
        kept = by_kind[c.kind].setdefault(key(c), c)
        if parse_date(kept.value).value is None and parse_date(c.value).value is not None:
            by_kind[c.kind][key(c)] = c         # the twin that reads as it is printed ("20 December 2025")
    completion, plain, other = by_kind["completion"], by_kind[None], by_kind["other"]

    def take(c: Candidate, how: str) -> None:
        found["completion_date"] = Found(c.value, c.confidence, how, c.telling, box=c.box, parts=c.parts)

    def shown(group) -> str:
        return ", ".join(c.printed for c in group.values())

    notes[:] = [n for n in notes if not n.startswith("completion date: several unlabelled")]
    if len(completion) == 1:
        take(next(iter(completion.values())), "context")
        return
    proper = [c for c in completion.values() if c.telling not in _AWARD_WORDS]
    if len(completion) > 1 and len(proper) == 1:
        # "Course completed: May 15" and "Date of award: May 18": the award follows the completion.
        done = parse_date(proper[0].value).value
        awards = [parse_date(c.value).value for c in completion.values() if c is not proper[0]]
        if done is not None and all(d is not None and d >= done for d in awards):
            take(proper[0], "context")
            return
    last = _event_days_to_the_last(completion, dates)
    if last is not None:
        # A CE passport's session stamps, each "ATTENDED" and its day, within the event's printed
        # range and up to its last day: one event, which completes on its last day.
        take(last, "event range")
        return
    if len(completion) > 1:
        found.pop("completion_date", None)
        notes.append(f"completion date: {len(completion)} dates are each called the completion "
                     f"({shown(completion)}) and no word says which one counts")
        return
    if got is not None and got.how == "label":
        listed = _column_below(got, plain.values())
        if listed:
            # A "Date" column heading over several rows (a session log): its first cell is one of many.
            group = {key(c): c for c in [*listed, *[c for c in plain.values() if c.box == got.box]]}
            if len(group) > 1:
                first = _earliest(group)
                reason = (f"{len(group)} dates in one column under {got.label!r} and no word says which is "
                          f"the completion ({shown(group)})")
                _earliest_or_none(found, notes, first, reason, column=group)
                return
        own = [c for c in dates if c.box == got.box]
        if own and all(c.kind == "other" and c.telling in ("signed", "time of day") for c in own):
            # A "Date" whose own words call it another day: under a signer's name and role (the day
            # of signing), with a time of day after it (an email's header: when it was sent).
            found.pop("completion_date", None)
        else:
            bare = {key(c): c for c in plain.values() if _BARE_DATE_LABEL.search(c.before)}
            apart = _completion_unread(own[0], cands) if own and got.label and \
                not _COMPLETION_LABEL.search(got.label) else None
            if len(bare) < 2 and apart:
                # "Date: 12/27/2025" under a signer, and "Date of completion:" garbled by a fax.
                _guess(found, own[0], f"is pre-filled as a guess: it follows {got.label!r}, but the completion "
                                      f"date is printed {apart}, and was not read there")
                return
            if len(bare) < 2:
                return              # "Date: ..." with no date called the completion: the label stands
            # Two "Date:" lines with different dates (a course's and a signature's): no label says which.
            first = _earliest(bare)
            words = {2: "two", 3: "three"}.get(len(bare), str(len(bare)))
            reason = f"{words} dates after a plain 'Date' and no word says which is the completion ({shown(bare)})"
            _earliest_or_none(found, notes, first, reason)
            return
    later = _anniversaries(plain)
    if not completion and len(plain) - len(later) == 1:
        # A day and the same day a year or more on (or the day before it), nothing telling either:
        # a certificate valid for whole years, whose grey "Valid until" a fax or a dark screen lost.
        plain = {k: c for k, c in plain.items() if k not in later}
    if len(plain) == 1:
        only = next(iter(plain.values()))
        unread = [c for c in cands if c.field == "unread_date"]
        after_label = next((n for n in notes if n.startswith("completion date: unreadable after ")
                            and _figures_or_marks(n.split(":", 2)[-1])), None)
        if after_label:
            # "Date Completed" with figures after it that do not read as a date ("Sth April2O25"):
            # the completion is printed there, and the one date read is another (a birth date in
            # the next cell). Dot leaders read as letters ("Cee ee bee") are no such figures.
            _guess(found, only, f"is pre-filled as a guess: it is the only date read, but the completion "
                                f"date is printed {after_label.removeprefix('completion date: unreadable ')}, "
                                f"which could not be read")
            return
        if unread:
            _guess(found, only, f"is pre-filled as a guess: it is the only date read, but "
                                f"{unread[0].printed!r} looks like another date that could not be read")
            return
        apart = _completion_unread(only, cands)
        if apart:
            _guess(found, only, f"is pre-filled as a guess: it is the only date read, but the completion date is "
                                f"printed {apart}, and was not read there")
            return
        take(only, "only date")
        return
    found.pop("completion_date", None)
    inside = _range_holding_the_rest([c for c in dates if c.kind is None])
    if inside is not None:
        # An event's dates (October 10-12, 2025) and its days listed apart (Oct 10, Oct 11, Oct 12):
        # one event, which completes on its last day (R11).
        take(inside, "event range")
        return
    done = _completed_course_row(dates, cands, slope)
    if done is not None and key(done) in plain:
        # A statement's rows: a charge, a payment, and "Course completed - ACE CL103120" on the day
        # of its own row (the table's "Date" heading unread).
        take(done, "context")
        found["completion_date"].label = "completed (the row of the course)"
        return
    if len(plain) > 1:
        words = {2: "two", 3: "three"}.get(len(plain), str(len(plain)))
        first = _earliest(plain)
        reason = f"{words} dates and no word says which is the completion ({shown(plain)})"
        if first is None:
            notes.append(f"completion date: {reason}")
        else:
            # Issue, print and expiry dates come after the completion: the earliest is the best guess.
            _guess(found, first, f"is the earliest, pre-filled as a guess: {reason}")
    elif other:
        reason = (f"the only dates on the page are not the completion "
                  f"({'; '.join(f'{c.telling} {c.printed}' for c in other.values())})")
        issued = [c for c in other.values() if c.telling in _SAME_DAY_WORDS]
        if len(other) == 1 and len(issued) == 1:
            # A certificate issued (or printed) on one day only is often issued the day it is earned.
            _guess(found, issued[0], f"is pre-filled as a guess: {reason}")
        else:
            notes.append(f"completion date: {reason}")


def _event_days_to_the_last(completion: dict, dates: list[Candidate]) -> Candidate | None:
    """Of several dates each called the completion (COMPLETION, by day), the one on the last day
    of an event range printed on the page ("June 13-15, 2025", no word calling it another day)
    when every one of them falls within that range and one is its last day; None otherwise."""
    if len(completion) < 2:
        return None
    days = {d: c for d, c in completion.items() if isinstance(d, date)}
    if len(days) != len(completion):
        return None
    ends = {range_days(c.printed) for c in dates if c.kind != "other"} - {(None, None)}
    if len(ends) != 1:
        return None
    first, last = ends.pop()
    if first is None or last is None or last not in days or not all(first <= d <= last for d in days):
        return None
    return days[last]


def _completed_course_row(dates: list[Candidate], cands: list[Candidate], slope: float = 0.0) -> Candidate | None:
    """The date on the row of the page's one course number, when that row says the course was
    completed ("05/11/2025 | CE-9892 | Course completed | ACE CL103120, 1.1 CECs") and no other
    day's word, and holds no other date; None otherwise."""
    courses = [c for c in cands if c.field == "course_number" and c.box is not None]
    if not courses or len({"".join(ch for ch in c.value if ch.isalnum()).upper() for c in courses}) != 1:
        return None
    on_row = [d for d in dates if d.box is not None and any(_same_row(d.box, c.box, slope) for c in courses)]
    if len({parse_date(d.value).value or d.value for d in on_row}) != 1 or any(d.kind is not None for d in on_row):
        return None
    rows = {c.line for c in courses if any(_same_row(d.box, c.box, slope) for d in on_row)}
    if len(rows) != 1:
        return None
    row = _APPROVAL_RE.sub(lambda m: " " * len(m.group()), rows.pop())
    if not _COMPLETION_RE.search(row) or _OTHER_RE.search(row):
        return None
    return on_row[0]


def _range_holding_the_rest(dates) -> Candidate | None:
    """Of DATES (candidates no word tells), the one event range ("October 10-12, 2025") within whose
    days every other one falls; None when there is none, or two."""
    spans = []
    for c in dates:
        first, last = range_days(c.printed)
        if first is not None and last is not None and first < last:
            spans.append((first, last, c))
    if len(spans) != 1:
        return None
    first, last, the_range = spans[0]
    others = [parse_date(c.value).value for c in dates if c is not the_range]
    if not others or any(d is None or not first <= d <= last for d in others):
        return None
    return the_range


def range_days(printed: str):
    """The first and last day of a printed event range ("May 3-5, 2026", "04/30/2026 - 05/02/2026",
    "October 10, 2025 - October 12, 2025"); (None, None) when it is one day or does not read."""
    text = " ".join(printed.split())
    months = MONTH_RE.findall(text)
    if not months:
        numeric = _NUMERIC_DATE.findall(text)
        if len(numeric) != 2:
            return None, None
        return tuple(parse_date(n.replace(" ", "")).value for n in numeric)
    days = re.findall(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)", text)
    years = re.findall(r"\d{4}", text)
    if len(days) < 2 or not years:
        return None, None
    return (parse_date(f"{months[0]} {days[0]}, {years[0]}").value,
            parse_date(f"{months[-1]} {days[-1]}, {years[-1]}").value)


# Completion words that name the award of the certificate, which may come days after the course
# itself was completed: beside a date called the completion proper, they name another day.
_AWARD_WORDS = frozenset({"awarded", "awarded on", "award date", "date of award", "date awarded", "conferred",
                          "presented on"})


# A date standing right after a bare "Date:" (no word before it says whose date it is).
_BARE_DATE_LABEL = re.compile(r"(?:^|[^\w\s]\s*)date\s*[:\-]?\s*$", re.IGNORECASE)

# Other-date words after which the date is often the completion day too (pre-filled for staff, never posted).
_SAME_DAY_WORDS = frozenset({"issue", "issued", "issue date", "date issued", "print", "printed", "generated",
                             "recorded", "signed", "dated"})


def _same_row(a: tuple, b: tuple, slope: float = 0.0) -> bool:
    """Whether two boxes stand on one row: each one's middle height is inside the other, once B is
    moved up by how far the page's lines drop between them (SLOPE, `page_slope`: a transcript's row
    across a sheet scanned 2 degrees askew stands half a row lower at its right end)."""
    shift = slope * ((b[0] + b[2]) / 2 - (a[0] + a[2]) / 2)
    b = (b[0], b[1] - shift, b[2], b[3] - shift)
    return a[1] <= (b[1] + b[3]) / 2 <= a[3] and b[1] <= (a[1] + a[3]) / 2 <= b[3]


def _chain_below(head: Candidate, dates: list[Candidate]) -> list[Candidate]:
    """The dates under HEAD in its column, row after row (each within a few heights of the last).
    A date with a caption of its own above it ("8 Date of this report" in a form's grid of
    boxes) ends the column: it is another field, not the next row."""
    chain, last = [], head.box
    for c in sorted((c for c in dates if c.box is not None and c is not head), key=lambda c: c.box[1]):
        height = max(last[3] - last[1], 1.0)
        if c.box[1] >= last[3] - 0.2 * height and c.box[1] - last[3] <= _ROW_GAP * height \
                and c.box[0] < head.box[2] and c.box[2] > head.box[0]:
            if _CAPTION_WORD.search(c.above) and not any(o.printed in c.above for o in [head, *chain]):
                break
            chain.append(c)
            last = c.box
    return chain


_CAPTION_WORD = re.compile(r"[^\W\d_]{3,}")


def _course_row_down_the_column(head: Candidate, dates: list[Candidate], courses: list[Candidate],
                                slope: float = 0.0) -> list:
    """[(date, [course])] when the page's one course number stands on a row below HEAD whose date
    is in HEAD's column; [] otherwise."""
    numbers = {"".join(ch for ch in c.value if ch.isalnum()).upper() for c in courses}
    if len(numbers) != 1:
        return []
    found = [(d, [c]) for c in courses for d in dates
             if d.kind in (None, "completion") and d.box[1] > head.box[3] and _same_row(d.box, c.box, slope)
             and d.box[0] < head.box[2] and d.box[2] > head.box[0]]
    return found if len(found) == 1 else []


_ROW_GAP = 3.5       # of a row's height: the most space between two rows of one table


def _date_column(found: dict[str, Found], cands: list[Candidate], notes: list[str], slope: float = 0.0) -> bool:
    """A column of dates under a completion heading ("Completed" over a transcript's rows): the
    date is the one on the row of the page's course number, and so is the credit stated on it.
    With no one such row the dates are left to staff. True when the column decided."""
    from cec_batch.normalize import parse_date

    dates = [c for c in cands if c.field == "date" and c.box is not None]
    got = found.get("completion_date")
    heads = [c for c in dates if (got is not None and got.how == "label" and c.box == got.box) or c.kind == "completion"]
    for head in heads:
        heading = got.label if got is not None and got.how == "label" and head.box == got.box else head.telling
        if not heading or heading.casefold() in head.line.casefold():
            continue            # its label stands beside it on its line ("Completed | 28-Jan-2025"): a form's row
        chain = [c for c in _chain_below(head, dates) if c.kind in (None, "completion")]
        column = [head, *chain]
        days = {parse_date(c.value).value or c.value for c in column}
        if not chain or len(days) < 2:
            continue
        courses = [c for c in cands if c.field == "course_number" and c.box is not None]
        rows = [(d, [c for c in courses if _same_row(d.box, c.box, slope)]) for d in column]
        rows = [(d, cs) for d, cs in rows if cs]
        if not rows:
            # The course's row further down the column, past a term's subtotal and the next
            # term's heading (a transcript grouped by term): the one course number's row, with a
            # date under the same heading.
            rows = _course_row_down_the_column(head, dates, courses, slope)
        numbers = {"".join(ch for ch in c.value if ch.isalnum()).upper() for _d, cs in rows for c in cs}
        if len(rows) == 1 and len(numbers) == 1:
            row, course = rows[0][0], rows[0][1][0]
            found["completion_date"] = Found(row.value, row.confidence, "context",
                                             f"{heading} (the row of {course.printed})", box=row.box)
            for f in ("ceus", "hours"):
                on_row = [c for c in cands if c.field == f and c.box is not None and _same_row(row.box, c.box, slope)]
                if on_row:
                    found.pop("ceus", None)
                    found.pop("hours", None)
                    found[f] = Found(on_row[0].value, on_row[0].confidence, "label",
                                     f"{f} on the row of {course.printed}", box=on_row[0].box)
                    break
            return True
        if head.kind == "completion" or (got is not None and got.announced and head.box == got.box):
            group = {parse_date(c.value).value or c.value.casefold(): c for c in column}
            # A sentence elsewhere calls one of the column's days the completion ("Course completed
            # at the final session: January 23, 2025" under four sessions' dates): the two agree.
            own = {id(c) for c in column}
            said = {parse_date(c.value).value or c.value.casefold(): c for c in dates
                    if id(c) not in own and c.kind == "completion" and c.telling
                    and c.telling.casefold() in c.line.casefold()}
            if len(said) == 1 and next(iter(said)) in group:
                c = next(iter(said.values()))
                found["completion_date"] = Found(c.value, c.confidence, "context", c.telling, box=c.box, parts=c.parts)
                return True
            why = ("no one row holds the course number" if len(rows) != 1 else
                   "the course number's row holds several numbers")
            _earliest_or_none(found, notes, _earliest(group),
                              f"{len(group)} dates in one column under {heading!r} and {why}")
            return True
    return False


def _column_below(got: Found, dates) -> list:
    """Other dates standing under GOT's value in its column (the next rows of a table)."""
    if got.box is None:
        return []
    x0, _y0, x1, y1 = got.box
    return [c for c in dates if c.box is not None and c.box != got.box and c.box[1] >= y1
            and c.box[0] < x1 and c.box[2] > x0]


def _earliest(group: dict) -> "Candidate | None":
    """The earliest of several dates (keyed by their parsed day), None when any of them is not a day."""
    from datetime import date as _date
    if not all(isinstance(k, _date) for k in group):
        return None
    return group[min(group)]


def _earliest_or_none(found: dict, notes: list, first, reason: str, column: dict | None = None) -> None:
    """Undistinguished dates: the earliest pre-filled as a guess with REASON, or none when FIRST is None.
    COLUMN: the dates of one column the guess is among (kept on the guess, for the choice of an
    event's last day)."""
    if first is None:
        found.pop("completion_date", None)
        notes.append(f"completion date: {reason}")
    else:
        _guess(found, first, f"is the earliest, pre-filled as a guess: {reason}",
               column=tuple((c.value, c.confidence) for c in (column or {}).values()))


def _guess(found: dict[str, Found], c: Candidate, doubt: str, column: tuple = ()) -> None:
    """Keep C as the completion date for staff to confirm; the page still goes to review (DOUBT says why)."""
    found["completion_date"] = Found(c.value, c.confidence, "guess", c.telling, box=c.box, doubt=doubt,
                                     column=column, parts=c.parts)
