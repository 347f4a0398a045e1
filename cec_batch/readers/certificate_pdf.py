"""Certificates of completion in PDF: one row per page, from the text layer or by OCR (R19, R20).

The reader only reads. It puts the strings as printed into the row (course
number, date and CECs unnormalised) and says, per field, how sure it is; the
pipeline normalises, matches and applies the rules. A page whose name, course
number or date is missing or unsure gets `review` (R19) and, when asked, a saved
page image for staff. A file that cannot be opened raises `UnreadableFile` (R20).

Adding a certificate template is usually a label: see LABELS below.
"""

from __future__ import annotations

import hashlib
import logging
import re
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from cec_batch import ocr
from cec_batch.config import Limits
from cec_batch.errors import UnreadableFile
from cec_batch.model import ROW_FIELDS, ReadResult

log = logging.getLogger(__name__)

# R19: a name, course number or date read with less confidence than this goes to a person.
# Tuned on ~430 OCR'd course numbers, dates and IDs from degraded synthetic scans (blur,
# noise, JPEG, 100-300 dpi): every misread a digit correction (R7) does not repair scored
# under 80 (19/18/2025 read for 11/18/2025 at 79); 89% of the right readings scored 85+.
REVIEW_CONFIDENCE = 85.0
# A second reading that agrees may lift a doubtful value only when it is itself this sure.
SECOND_LOOK_CONFIDENCE = 90.0
TEXT_CONFIDENCE = 100.0         # a labelled value from a text layer is exactly what the provider typed
# Found by its shape alone rather than after a label. A date is never trusted that
# way (letters carry issue dates and event ranges too); a course number's shape is
# specific enough when it is the only one on the page.
PATTERN_FACTOR = {"course_number": 0.95, "completion_date": 0.6, "ceus": 0.9, "email": 0.95}
MIN_TEXT_CHARS = 20             # letters and digits a text layer needs to count as text, not a scan
IMAGE_DPI = 150                 # saved page images: legible for staff, a fraction of the 300 dpi size
CEC_PER_HOUR = Decimal("0.1")   # R22: 0.1 CEC per contact hour

FIELD_NAMES = {"full_name": "name", "course_number": "course number", "completion_date": "completion date"}


# ---------------------------------------------------------------- labels and value shapes

# Label regexes per field, most specific first (earlier wins when several give a value).
# A label may be followed by its value on the same line, in the next cell to the
# right, or just below (a table header, or "This certifies that" above a name).
LABELS: dict[str, list[str]] = {
    "full_name": [
        r"this\s+is\s+to\s+certify\s+that", r"this\s+certifies\s+that", r"certifies\s+that",
        r"(?:is\s+)?(?:hereby\s+)?awarded\s+to", r"(?:is\s+)?presented\s+to", r"granted\s+to", r"issued\s+to",
        r"participant(?:'s)?(?:\s+name)?", r"attendee(?:\s+name)?", r"student(?:\s+name)?",
        r"recipient(?:\s+name)?", r"full\s+name", r"name\s+of\s+(?:participant|attendee)", r"name",
    ],
    "first_name": [r"first\s+name", r"given\s+name"],
    "last_name": [r"last\s+name", r"surname", r"family\s+name"],
    "certificant_id": [
        r"ace\s+(?:id|member\s+id|certification\s+(?:number|no\.?|#))(?:\s*(?:number|no\.?|#))?",
        r"certificant\s+(?:id|number|no\.?|#)", r"certification\s+(?:id|number|no\.?|#)",
        r"member\s+(?:id|number|no\.?|#)", r"id\s*(?:number|no\.?|#)?",
    ],
    "email": [r"e-?\s?mail(?:\s+address)?"],
    "course_number": [
        r"ace\s+course\s+(?:number|no\.?|#|id|code)", r"course\s+(?:number|no\.?|#|id|code)",
        r"ace\s+approval\s+(?:number|no\.?|#|code)", r"approval\s+(?:number|no\.?|#|code)",
        r"ace\s+(?:approved\s+)?course", r"course",
    ],
    "completion_date": [
        r"completion\s+date", r"date\s+of\s+completion", r"date\s+completed", r"completed\s+on",
        r"completed", r"date\s+of\s+(?:course|event|attendance|training)", r"date",
    ],
    "ceus": [
        r"(?:ace\s+)?(?:cecs?|ceus?)(?:\s+(?:value|earned|awarded))?", r"credits?(?:\s+(?:earned|awarded))?",
        r"continuing\s+education\s+(?:credits?|units?)",
    ],
    "hours": [r"(?:contact|clock)\s+hours?", r"hours"],
    "title": [
        r"course\s+title", r"course\s+name", r"title\s+of\s+(?:course|program|event)", r"program\s+title",
        r"(?:has\s+)?successfully\s+completed(?:\s+the\s+course)?", r"for\s+attending", r"course",
    ],
    "provider": [
        r"(?:approved\s+)?provider(?:\s+name)?", r"presented\s+by", r"issued\s+by", r"offered\s+by",
        r"sponsored\s+by", r"hosted\s+by",
    ],
    # Labels of values this reader does not take, so that "Date" in them is not a completion date.
    "ignored": [
        r"date\s+of\s+birth", r"birth\s*date", r"issue\s+date", r"date\s+issued", r"expiration\s+date",
        r"expires", r"date\s+printed", r"printed\s+on", r"certificate\s+(?:number|no\.?|#|id)",
    ],
}
# Labels that can only announce the field (the first n of its list): when one is on the page but
# no value could be read after it, the field is not looked for by its shape elsewhere on the page
# (a letterhead's "San Diego, CA 92123" is not the course number).
STRONG_LABELS = {"course_number": 4, "completion_date": 4, "full_name": 3}
# Fields that share a label: "Course" heads a course number in one layout, a title in another.
_SHARED = {"course": ("course_number", "title")}


def _label_regex(pattern: str) -> re.Pattern:
    return re.compile(rf"(?<![A-Za-z0-9]){pattern}(?![A-Za-z0-9])", re.IGNORECASE)


# One-word labels count only where they start a phrase: "Date:" is a label, "Receipt Date"
# and "Sample Name" are someone else's, "completed the course" is a sentence.
GENERIC_LABELS = frozenset({r"name", r"date", r"completed", r"course", r"hours",
                            r"id\s*(?:number|no\.?|#)?", r"credits?(?:\s+(?:earned|awarded))?"})

_LABEL_RES: list[tuple[str, int, re.Pattern, tuple[str, ...], bool]] = [
    (f, rank, _label_regex(p), _SHARED.get(p, (f,)), p in GENERIC_LABELS)
    for f, patterns in LABELS.items() for rank, p in enumerate(patterns)
]

_PREFIX = r"(?:CEP|CP|CA|CS|CL)"
_D = r"[0-9OoIlSB]"            # a digit as OCR may misread it (R7 corrects these in the pipeline)
# Five or six digits, OCR may put one space or hyphen among them ("CEP2468 10"); _course_span checks the count.
_COURSE = rf"{_PREFIX}[ \-.]{{0,2}}{_D}(?:{_D}|[ \-.](?={_D})){{4,6}}"
COURSE_RE = re.compile(rf"(?<![A-Za-z0-9]){_COURSE}(?![A-Za-z0-9])")              # unlabelled: capitals only
COURSE_LABELLED_RE = re.compile(rf"(?<![A-Za-z0-9]){_COURSE}", re.IGNORECASE)
_DIGIT_PART = re.compile(rf"^{_PREFIX}[ \-.]{{0,2}}", re.IGNORECASE)


def _course_span(text: str, m: re.Match) -> tuple[int, int] | None:
    """The course number inside a regex match: 5-6 digits with at most one break.

    A break after a complete number ends it: "CA23456 0.8" is CA23456 followed by
    the CECs, not CA234560.
    """
    start = m.start()
    body = m.group()
    digits_at = _DIGIT_PART.match(body).end()
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


_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
DATE_RE = re.compile(
    r"(?<![\d/.\-])(?:"
    r"\d{1,2} ?[/.\-] ?\d{1,2} ?[/.\-] ?\d{4}"            # 03/05/2026 (US order, R15)
    r"|\d{4}-\d{1,2}-\d{1,2}"                              # 2026-03-05
    r"|\d{1,2}/\d{1,2}/\d{2}"                              # 3/5/26
    rf"|{_MONTH}\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"    # March 5, 2026
    rf"|\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}\.?,? \d{{4}}"  # 5 March 2026
    r")(?![\d/\-])", re.IGNORECASE)
_NUMBER = r"(?:\d{1,2}(?:[.,]\d{1,2})?|[.,]\d{1,2})"
NUMBER_RE = re.compile(rf"(?<![\d.,]){_NUMBER}(?![\d])")
CEUS_SUFFIX_RE = re.compile(rf"(?<![\d.,])({_NUMBER})\s*(?:ACE\s+)?(?:CECs?|CEUs?|continuing\s+education\s+credits?)"
                            r"(?![A-Za-z])", re.IGNORECASE)
HOURS_SUFFIX_RE = re.compile(rf"(?<![\d.,])({_NUMBER})\s*(?:contact\s+|clock\s+|CE\s+)?hours?(?![A-Za-z])",
                             re.IGNORECASE)
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
ID_RE = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z]{1,3}-?)?\d{4,10}(?![A-Za-z0-9])")

_NAME_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.\-])*")
_PARTICLES = frozenset({"van", "von", "de", "del", "della", "der", "den", "da", "das", "do", "dos", "di", "du",
                        "la", "le", "ter", "ten", "zu", "bin", "ibn", "al", "el", "st.", "y"})
# Words that end a name in running text ("Jane Doe has successfully completed").
_NAME_STOP = re.compile(r"\s(?:has|have|had|who|for|successfully|completed|attended|is|was|on|in|with|at|"
                        r"and|from)\b|\(|,\s*(?:ace|id|certificant|member|\d)", re.IGNORECASE)
# Words no name contains: a "name" made of these is a heading or a sentence.
_NOT_NAMES = frozenset("""certificate certificates completion achievement attendance course courses date
ace id number provider education continuing credit credits cec cecs ceu ceus hours contact approval
participant participants attendee name title director signature the this that of program conference
training academy institute record fitness wellness safety studio""".split())
_SEPARATORS = " \t:#|=-–—_•·"
_EDGE_PUNCT = " \t:;,.|_-–—•·\"'“”()[]{}"


# ---------------------------------------------------------------- page text with positions


@dataclass
class Tok:
    """A word with its confidence and box (top-down coordinates of the upright page)."""

    text: str
    conf: float
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Seg:
    """Words that belong together on one line: a phrase, a table cell, a label with its value."""

    toks: list[Tok]
    text: str = ""
    starts: list[int] = field(default_factory=list)

    def __post_init__(self):
        parts, pos = [], 0
        for t in self.toks:
            self.starts.append(pos)
            parts.append(t.text)
            pos += len(t.text) + 1
        self.text = " ".join(parts)

    @property
    def x0(self) -> float:
        return min(t.x0 for t in self.toks)

    @property
    def x1(self) -> float:
        return max(t.x1 for t in self.toks)

    @property
    def y0(self) -> float:
        return min(t.y0 for t in self.toks)

    @property
    def y1(self) -> float:
        return max(t.y1 for t in self.toks)

    def _covering(self, a: int, b: int) -> list[Tok]:
        return [t for t, s in zip(self.toks, self.starts) if s < b and s + len(t.text) > a]

    def conf(self, a: int, b: int) -> float:
        """Lowest confidence of the words covering characters a..b."""
        confs = [t.conf for t in self._covering(a, b)]
        return min(confs) if confs else 0.0

    def box(self, a: int, b: int) -> tuple[float, float, float, float] | None:
        toks = self._covering(a, b)
        if not toks:
            return None
        return min(t.x0 for t in toks), min(t.y0 for t in toks), max(t.x1 for t in toks), max(t.y1 for t in toks)


@dataclass
class Line:
    segs: list[Seg]

    @property
    def y0(self) -> float:
        return min(s.y0 for s in self.segs)

    @property
    def y1(self) -> float:
        return max(s.y1 for s in self.segs)


def _lines(segs: list[Seg]) -> list[Line]:
    """Group segments into visual lines (top to bottom, left to right)."""
    lines: list[Line] = []
    for seg in sorted(segs, key=lambda s: ((s.y0 + s.y1) / 2, s.x0)):
        mid = (seg.y0 + seg.y1) / 2
        for line in reversed(lines[-3:]):
            if line.y0 <= mid <= line.y1 and seg.y0 <= (line.y0 + line.y1) / 2 <= seg.y1:
                line.segs.append(seg)
                break
        else:
            lines.append(Line([seg]))
    for line in lines:
        line.segs.sort(key=lambda s: s.x0)
    return lines


_CELL_BORDERS = frozenset({"|", "||", "¦", "[", "]", "|_", "_|"})
_KEPT_MARKS = _CELL_BORDERS | {":", "#", "&", "@", "/"}


def _split_at_gaps(toks: list[Tok], factor: float) -> list[Seg]:
    """Cut a run of words where the gap is wider than `factor` word heights, or at a ruled cell border."""
    segs, cur = [], []
    heights = sorted(t.y1 - t.y0 for t in toks) or [1.0]
    h = max(heights[len(heights) // 2], 1.0)
    for t in sorted(toks, key=lambda t: t.x0):
        if t.text in _CELL_BORDERS:
            if cur:
                segs.append(Seg(cur))
            cur = []
            continue
        if cur and t.x0 - cur[-1].x1 > factor * h:
            segs.append(Seg(cur))
            cur = []
        cur.append(t)
    if cur:
        segs.append(Seg(cur))
    return segs


def text_layer_segments(page, textpage) -> list[Seg]:
    """Segments from a PDF text layer: PDFium's text rectangles split into words (confidence 100)."""
    rotation = page.get_rotation() % 360
    segs: list[Seg] = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = textpage.get_text_bounded(left, bottom, right, top)
        words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
        if not words:
            continue
        n = max(len(text.rstrip()), 1)
        toks = []
        for start, word in words:
            a = left + (right - left) * start / n
            b = left + (right - left) * (start + len(word)) / n
            # Only relative positions matter: map to the page as displayed (its /Rotate), y downwards.
            box = _displayed((a, bottom, b, top), rotation)
            toks.append(Tok(word, TEXT_CONFIDENCE, *box))
        segs.extend(_split_at_gaps(toks, 3.0))
    return segs


def _displayed(box, rotation: int) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = box
    corners = [(x0, y0), (x1, y1)]
    if rotation == 90:
        pts = [(y, x) for x, y in corners]
    elif rotation == 180:
        pts = [(-x, y) for x, y in corners]
    elif rotation == 270:
        pts = [(-y, -x) for x, y in corners]
    else:
        pts = [(x, -y) for x, y in corners]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def ocr_segments(words: list[ocr.Word]) -> list[Seg]:
    """Segments from Tesseract words: its own lines, cut at wide gaps and ruled borders."""
    by_line: dict[tuple[int, int, int], list[Tok]] = {}
    for w in words:
        if not any(ch.isalnum() for ch in w.text) and w.text not in _KEPT_MARKS:
            continue      # dust and speckle read as "°", "_", "." would split or spoil values
        by_line.setdefault((w.block, w.par, w.line), []).append(
            Tok(w.text, w.conf, w.left, w.top, w.left + w.width, w.top + w.height))
    segs: list[Seg] = []
    for toks in by_line.values():
        segs.extend(_split_at_gaps(toks, 2.0))
    return segs


# ---------------------------------------------------------------- finding fields


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
    rank: int
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
            for fld, rank, rx, fields, generic in _LABEL_RES:
                for m in rx.finditer(seg.text):
                    if generic and seg.text[:m.start()].rstrip()[-1:].isalnum():
                        continue
                    hits.append(_Label(fields, rank, seg, n, m.start(), m.end()))
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


def _strip_span(text: str, a: int, b: int, lead: str = _SEPARATORS) -> tuple[int, int]:
    while a < b and text[a] in lead:
        a += 1
    while b > a and text[b - 1] in " \t":
        b -= 1
    return a, b


# A value finder gets the region after a label and returns the value's span in it,
# or None. `strict` regions (the next cell, the line below) must hold the value only.
def _v_name(text: str, a: int, b: int, strict: bool, single: bool = False):
    cut = _NAME_STOP.search(text, a, b)
    if cut:
        b = cut.start()
    a, b = _strip_span(text, a, b, _EDGE_PUNCT)
    while b > a and text[b - 1] in _EDGE_PUNCT:
        b -= 1
    tokens = text[a:b].split()
    if not tokens or len(tokens) > (2 if single else 5) or (not single and len(tokens) < 2):
        return None
    for i, tok in enumerate(tokens):
        core = tok[:-1] if (tok.endswith(",") and i == 0 and not single) else tok
        if not _NAME_TOKEN.fullmatch(core) or core.casefold().strip(".") in _NOT_NAMES:
            return None
        if not core[0].isupper() and core.casefold() not in _PARTICLES:
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
        if strict and text[m.end():b].strip(_EDGE_PUNCT):
            return None
        return m.start(), m.end()
    return finder


def _v_course(text: str, a: int, b: int, strict: bool):
    a, b = _strip_span(text, a, b)
    for m in COURSE_LABELLED_RE.finditer(text, a, b):
        span = _course_span(text[:b], m)
        if span is None:
            continue
        if strict and (span[0] != a or text[span[1]:b].strip(_EDGE_PUNCT)):
            return None
        return span
    return None


def _v_email(text: str, a: int, b: int, strict: bool):
    a, b = _strip_span(text, a, b)
    m = EMAIL_RE.search(re.sub(r"\s*([@.])\s*", r"\1", text[a:b]))
    return (a, b) if m else None


def _v_text(text: str, a: int, b: int, strict: bool):
    a, b = _strip_span(text, a, b, _EDGE_PUNCT)
    cut = re.search(r",\s+(?=[a-z])", text[a:b])      # "Conference 2026, held in ..." ends the title
    if cut:
        b = a + cut.start()
    while b > a and text[b - 1] in _EDGE_PUNCT:
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
    return bool(own) and not seg.text[:own[0].start].strip(_EDGE_PUNCT)


def _region_end(seg: Seg, labels_by_seg) -> int:
    own = labels_by_seg.get(id(seg))
    return own[0].start if own else len(seg.text)


def find_fields(segs: list[Seg]) -> tuple[dict[str, Found], list[str], list]:
    """Every field that can be read from the page's segments, notes on ambiguities, and the
    labels that nothing followed (field, label text, label box): OCR may have missed a short
    value there ("Contact hours:  6")."""
    lines = _lines(segs)
    labels = _find_labels(lines)
    labels_by_seg: dict[int, list[_Label]] = {}
    for lab in labels:
        labels_by_seg.setdefault(id(lab.seg), []).append(lab)
    found: dict[str, Found] = {}
    notes: list[str] = []
    unread: dict[str, str] = {}       # strong label seen, no value after it: what followed it
    bare: list = []                   # labels with nothing at all after them

    for lab in sorted(labels, key=lambda l: (l.rank, l.line_no, l.start)):
        wanted = [f for f in lab.fields if f != "ignored" and f not in found]
        if not wanted:
            continue
        regions = list(_regions(lab, lines, labels_by_seg))
        if not regions:
            bare.extend((f, lab.text, lab.seg.box(lab.start, lab.end)) for f in wanted)
        for f in wanted:
            if lab.rank < STRONG_LABELS.get(f, 0) and f not in unread:
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
    _name_from_parts(found)
    return found, notes, [b for b in bare if b[0] not in found]


def _name_from_parts(found: dict[str, Found]) -> None:
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


# ---------------------------------------------------------------- the page row


# A certificate of completion says so somewhere; a page with none of these words is something else.
CERTIFICATE_WORDS = re.compile(r"certif|complet|attend|award|\bCE[CU]s?\b|credit|continuing\s+education|"
                               r"contact\s+hours|approv", re.IGNORECASE)


def _review(found: dict[str, Found], notes: list[str], text: str | None = None) -> str | None:
    """R19: why this page needs a person, or None when name, course number and date are all sure."""
    problems = []
    if text is not None and found and not CERTIFICATE_WORDS.search(text):
        problems.append("the page does not read as a certificate of completion")
    for f, name in FIELD_NAMES.items():
        got = found.get(f)
        if got is None:
            extra = next((n.split(": ", 1)[1] for n in notes if n.startswith(name + ":")), None)
            problems.append(f"{name} not found" + (f" ({extra})" if extra else ""))
        elif got.confidence < REVIEW_CONFIDENCE:
            if got.how == "pattern":
                problems.append(f"{name} {got.value!r} found without a label (confidence {got.confidence:.0f})")
            else:
                problems.append(f"{name} {got.value!r} read with low confidence ({got.confidence:.0f})")
    return "; ".join(problems) or None


def _row(n: int, found: dict[str, Found], read: dict, review: str | None) -> dict:
    row = dict.fromkeys(ROW_FIELDS)
    row["location"] = f"page {n}"
    for f in ("certificant_id", "first_name", "last_name", "email", "course_number", "completion_date"):
        if f in found:
            row[f] = found[f].value
    if "full_name" in found and not found["full_name"].from_parts:
        row["full_name"] = found["full_name"].value
    hours = found.get("hours")
    read["hours"] = hours.value if hours else None
    if "ceus" in found:
        row["ceus"] = found["ceus"].value
    elif hours:
        try:
            row["ceus"] = Decimal(hours.value.replace(",", ".")) * CEC_PER_HOUR
            found["ceus"] = Found(str(row["ceus"]), hours.confidence, hours.how, f"{hours.label} (hours x 0.1)")
        except InvalidOperation:
            pass
    read["fields"] = {f: v.as_dict() for f, v in found.items() if f not in ("title", "provider", "hours")}
    read["title"] = found["title"].value if "title" in found else None
    read["provider"] = found["provider"].value if "provider" in found else None
    row["review"] = review
    row["read"] = read
    return row


def _empty_read(source: str | None) -> dict:
    return {"text_source": source, "fields": {}, "title": None, "provider": None, "image": None,
            "rotation": 0, "hours": None, "mean_confidence": None, "rules_removed": False}


# ---------------------------------------------------------------- the file


def _open(path: Path):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnreadableFile(path, "encrypted: the PDF needs a password to open") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise UnreadableFile(path, "encrypted with an unsupported security handler") from None
        if code == pdfium_c.FPDF_ERR_FORMAT:
            raise UnreadableFile(path, "not a PDF, or damaged beyond repair") from None
        raise UnreadableFile(path, f"cannot be opened as a PDF ({exc})") from None


def _usable(text: str) -> bool:
    alnum = sum(ch.isalnum() for ch in text)
    visible = sum(not ch.isspace() for ch in text)
    return alnum >= MIN_TEXT_CHARS and alnum >= 0.5 * visible


def _scanner_text_only(page) -> bool:
    """True when all text is invisible over an image: a scanner's own OCR layer, read again with confidences."""
    import pypdfium2.raw as pdfium_c

    images = False
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_IMAGE), max_depth=3):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            if pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw) != pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
                return False
        else:
            images = True
    return images


class _Images:
    """Saves review page images as <sha256[:16]>-page-N.png in image_dir (from any OCR worker)."""

    def __init__(self, path: Path, image_dir: Path | None):
        self.path, self.dir, self._digest = path, image_dir, None
        self._lock = threading.Lock()

    def save(self, n: int, image) -> str | None:
        if self.dir is None:
            return None
        with self._lock:
            if self._digest is None:
                h = hashlib.sha256()
                with self.path.open("rb") as f:
                    for chunk in iter(lambda: f.read(1 << 20), b""):
                        h.update(chunk)
                self._digest = h.hexdigest()[:16]
                self.dir.mkdir(parents=True, exist_ok=True)
        out = self.dir / f"{self._digest}-page-{n}.png"
        image.save(out, "PNG", compress_level=6)
        return str(out)


def read_certificates(path: Path, *, limits: Limits, image_dir: Path | None = None,
                      ocr_workers: int | None = None, max_pages: int | None = None) -> ReadResult:
    """Read every page of a certificate PDF into a row (kind "certificate"); blank pages are counted.

    `max_pages` reads only the first pages (for tests on large foreign files);
    production reads them all.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be read ({exc.strerror or exc})") from None
    if size > limits.max_file_bytes:
        raise UnreadableFile(path, f"{size / 1e6:.0f} MB is over the max_file_bytes limit "
                                   f"({limits.max_file_bytes / 1e6:.0f} MB)")
    if size == 0:
        raise UnreadableFile(path, "empty file (0 bytes)")
    try:
        doc = _open(path)
        try:
            return _read(doc, path, limits, image_dir, ocr_workers, max_pages)
        finally:
            doc.close()
    except UnreadableFile:
        raise
    except MemoryError:
        raise UnreadableFile(path, "ran out of memory while reading the PDF (parse_memory_bytes)") from None
    # PDF libraries raise bare TypeError, RecursionError... on corrupt files (R20).
    except Exception as exc:  # noqa: BLE001
        log.warning("%s: unexpected error while reading the PDF", path.name, exc_info=True)
        raise UnreadableFile(path, f"could not be read ({type(exc).__name__}: {str(exc)[:120]})") from None


def _read(doc, path: Path, limits: Limits, image_dir, ocr_workers, max_pages) -> ReadResult:
    import pandas as pd

    total = len(doc)
    if total == 0:
        raise UnreadableFile(path, "the PDF has no pages")
    count = total if max_pages is None else min(total, max_pages)
    notes = [] if count == total else [f"read only the first {count} of {total} pages (max_pages)"]
    import pypdfium2 as pdfium

    # Refuse absurd pages before any work: one would take the whole memory budget to render.
    broken: dict[int, str] = {}
    for i in range(count):
        try:
            page = doc[i]
        except pdfium.PdfiumError as exc:
            broken[i] = str(exc)        # one damaged page of a stack goes to review, not the file
            continue
        try:
            pixels = ocr.page_pixels(page)
            if pixels > limits.max_page_pixels:
                w, h = page.get_size()
                raise UnreadableFile(path, f"page {i + 1} is too large to render ({w:.0f} x {h:.0f} pt: "
                                           f"{pixels / 1e6:.0f} million pixels at {ocr.DPI} dpi, "
                                           f"over max_page_pixels {limits.max_page_pixels / 1e6:.0f} million)")
        finally:
            page.close()
    if len(broken) == count:
        raise UnreadableFile(path, "damaged PDF: its page cannot be loaded" if count == 1 else
                             f"damaged PDF: none of its {count} pages can be loaded")

    rows: dict[int, dict] = {}
    blank = 0
    images = _Images(path, image_dir)
    pool: ocr.OcrPool | None = None
    pending: deque = deque()
    have_ocr = ocr.available()
    with tempfile.TemporaryDirectory(prefix="cec-ocr-") as tmp:
        try:
            for i in range(count):
                n = i + 1
                if i in broken:
                    rows[n] = _row(n, {}, _empty_read(None), "the page is damaged and cannot be loaded")
                    continue
                try:
                    step, got = _first_look(doc, i, Path(tmp), images, have_ocr)
                except pdfium.PdfiumError as exc:
                    rows[n] = _row(n, {}, _empty_read(None), f"the page is damaged and cannot be read ({exc})")
                    continue
                if step == "row":
                    rows[n] = got
                    continue
                if step == "blank":
                    blank += 1
                    continue
                if pool is None:
                    pool = ocr.OcrPool(ocr_workers, seconds=min(ocr.PAGE_SECONDS, limits.parse_seconds))
                # Pages are rendered here while earlier ones are read; a few in hand bound the temp space.
                pending.append((n, pool.submit(_ocr_page, n, got, pool.seconds, pool.use_osd, images)))
                while len(pending) >= 2 * pool.workers:
                    n_done, fut = pending.popleft()
                    rows[n_done] = fut.result()
            while pending:
                n_done, fut = pending.popleft()
                rows[n_done] = fut.result()
        finally:
            if pool is not None:
                pool.close()

    # object dtype keeps None as None (pandas would turn it into NaN in a text column)
    frame = pd.DataFrame([rows[n] for n in sorted(rows)], columns=list(ROW_FIELDS), dtype=object)
    return ReadResult(kind="certificate", rows=frame, notes=notes, blank_pages=blank)


def _first_look(doc, i: int, tmp: Path, images: _Images, have_ocr: bool):
    """What page i needs: ("row", row) read from its text layer (or refused without OCR),
    ("blank", None), or ("ocr", path of its 300 dpi render)."""
    n = i + 1
    page = doc[i]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_bounded()
            if _usable(text) and not _scanner_text_only(page):
                segs = text_layer_segments(page, textpage)
                found, notes, _ = find_fields(segs)
                # A typed header over a scanned body ("Certificate of Completion" and a picture
                # of the rest): when the text holds none of the fields, read the picture.
                if _key_fields(found) or not have_ocr or not _short_text_over_image(text, page):
                    return "row", _text_row(n, found, notes, segs, page, images)
        finally:
            textpage.close()
        if ocr.is_blank(page):
            return "blank", None
        if not have_ocr:
            read = _empty_read("ocr")
            read["image"] = images.save(n, ocr.render(page, IMAGE_DPI))
            return "row", _row(n, {}, read, "OCR engine not installed")
        image_path = tmp / f"page-{n}.pgm"
        ocr.render(page).save(image_path)
        return "ocr", image_path
    finally:
        page.close()


def _short_text_over_image(text: str, page) -> bool:
    import pypdfium2.raw as pdfium_c

    if sum(ch.isalnum() for ch in text) > 300:
        return False
    return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3))


def _text_row(n: int, found: dict[str, Found], notes: list[str], segs: list[Seg], page, images: _Images) -> dict:
    review = _review(found, notes, " ".join(seg.text for seg in segs))
    read = _empty_read("text")
    if review:
        read["image"] = images.save(n, ocr.render(page, IMAGE_DPI))
    return _row(n, found, read, review)


def _ocr_page(n: int, image_path: Path, seconds: float, use_osd: bool, images: _Images) -> dict:
    """One scanned page, start to finish, on an OCR worker: read, find fields, look again, decide."""
    from PIL import Image

    deadline = time.monotonic() + seconds
    read = _empty_read("ocr")
    try:
        result = ocr.ocr_image(image_path, seconds=seconds, use_osd=use_osd)
    except ocr.OcrUnavailable:
        result = ocr.PageOcr(error="OCR engine not installed", image_path=image_path)
    try:
        read["rotation"] = result.rotation
        found, notes, bare = {}, [], []
        if result.words:
            found, notes, bare = find_fields(ocr_segments(result.words))
            # A page that looks like a certificate but lacks a key field may hold it in a ruled
            # table Tesseract skipped; other pages (not certificates) are not worth the time.
            if 0 < _key_fields(found) < len(FIELD_NAMES) and deadline - time.monotonic() > 2:
                again = ocr.ocr_without_rules(result.image_path, seconds=deadline - time.monotonic())
                if again is not None and again.words:
                    found2, notes2, bare2 = find_fields(ocr_segments(again.words))
                    if _key_fields(found2) > _key_fields(found):
                        found, notes, bare, again.rotation = found2, notes2, bare2, result.rotation
                        result = again
                        read["rules_removed"] = True
            read["mean_confidence"] = round(result.mean_confidence, 1)
            _look_right_of_labels(found, bare, result.image_path, deadline)
            _second_look(found, result.image_path, deadline)
        text = " ".join(w.text for w in result.words)
        review = result.error or (_review(found, notes, text) if result.words else "no text could be read on the page")
        if review and result.image_path is not None and result.image_path.exists():
            with Image.open(result.image_path) as img:
                small = img.reduce(max(1, round(ocr.DPI / IMAGE_DPI)))
            read["image"] = images.save(n, small)
        return _row(n, found, read, review)
    finally:
        for leftover in image_path.parent.glob(f"page-{n}[.-]*"):
            leftover.unlink(missing_ok=True)


def _key_fields(found: dict[str, Found]) -> int:
    return sum(1 for f in FIELD_NAMES if f in found)


def _alnum(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum()).casefold()


def _look_right_of_labels(found: dict[str, Found], bare: list, image_path: Path | None, deadline: float) -> None:
    """A label with nothing after it: read the strip to its right on its own.

    Tesseract's page layout drops a lone short word ("6" after "Contact hours:"),
    which a single-line reading of that strip finds.
    """
    if image_path is None:
        return
    seen = set()
    for f, label, box in bare:
        if f in found or f in seen or box is None or f in ("title", "provider"):
            continue
        seen.add(f)
        left = deadline - time.monotonic()
        if left < 1:
            return
        x0, y0, x1, y1 = box
        h = y1 - y0
        words = ocr.reread(image_path, (x1 + 0.3 * h, y0, x1 + 12 * h, y1), seconds=left)
        text = " ".join(w.text for w in words)
        span = FINDERS[f](text, 0, len(text), True)
        if span:
            conf = min((w.conf for w in words if w.text in text[span[0]:span[1]].split()), default=0.0)
            found[f] = Found(text[span[0]:span[1]], conf, "label", label)
    _name_from_parts(found)


def _second_look(found: dict[str, Found], image_path: Path | None, deadline: float) -> None:
    """Re-read doubtful labelled values on their own (R19 asks for confidence, not a guess).

    When the second reading gives the same characters and is itself sure
    (SECOND_LOOK_CONFIDENCE), its confidence stands; otherwise the first reading
    and its doubt stay. Either way `reread_confidence` records what it gave.
    """
    if image_path is None:
        return
    for f in ("first_name", "last_name", "full_name", "course_number", "completion_date"):
        got = found.get(f)
        if got is None or got.how != "label" or got.box is None or got.from_parts:
            continue
        if got.confidence >= REVIEW_CONFIDENCE:
            continue
        left = deadline - time.monotonic()
        if left < 1:
            return
        words = ocr.reread(image_path, got.box, seconds=left)
        target = _alnum(got.value)
        parts = [w for w in words if _alnum(w.text) and _alnum(w.text) in target]
        if parts and "".join(_alnum(w.text) for w in parts) == target:
            got.reread = min(w.conf for w in parts)
            if got.reread >= SECOND_LOOK_CONFIDENCE:
                got.confidence = got.reread
        else:
            got.reread = 0.0
    _name_from_parts(found)
