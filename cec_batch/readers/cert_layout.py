"""A certificate page's layout: words with boxes, grouped into segments and lines.

Both sources of a page's words end here: a PDF text layer (PDFium's text
rectangles, confidence 100) and Tesseract's words. A segment is a run of words
that belong together on one line (a phrase, a table cell, a label with its
value); it is cut at wide gaps, at ruled cell borders and at dot leaders
("Participant ........ Schröder, Janice" is two cells). Coordinates are those of
the upright page, y downwards: on a text layer, the page turned so that most of
its letters stand upright (`reading_rotation`), whatever its /Rotate says;
`page_extent` gives the page's own extent in the same coordinates so that a box
can be given as fractions of the page as read.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from rapidfuzz.distance import Levenshtein

from cec_batch import ocr

TEXT_CONFIDENCE = 100.0         # a value from a text layer is exactly what the provider typed

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

    def part(self, a: int, b: int) -> "Seg":
        """The words covering characters a..b, as a segment of their own."""
        return Seg(self._covering(a, b))

    def conf(self, a: int, b: int, carries: Callable[[str], object] | None = None) -> float:
        """Lowest confidence of the words covering characters a..b; with CARRIES, of those words
        that carry the value (a date's "16th", "June,", "2026." but not its "day" or "of", which
        the value does not depend on), when there are any."""
        toks = self._covering(a, b)
        confs = [t.conf for t in toks if carries is None or carries(t.text)] or [t.conf for t in toks]
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


def lines_of(segs: list[Seg]) -> list[Line]:
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
_KEPT_MARKS = _CELL_BORDERS | {":", "#", "&", "@", "/", "☐", "☒"}       # boxes: a menu's, found by their ink
# A dot leader ("Participant ........ Schröder, Janice") is a cell border: three or more
# dots, middle dots or ellipses, alone or stuck to the end or start of a word.
_LEADER = re.compile(r"(?:[.·…]\s?){3,}|…+")


def _cut_leaders(toks: list[Tok]) -> list[Tok]:
    """Words with the dot leaders in them taken out, each leader left as a "|" border."""
    out: list[Tok] = []
    dots = [bool(t.text) and not t.text.strip(".·…_") for t in toks]
    for i, t in enumerate(toks):
        if dots[i] and (len(t.text) >= 2 or (i and dots[i - 1]) or (i + 1 < len(toks) and dots[i + 1])):
            out.append(Tok("|", t.conf, t.x0, t.y0, t.x1, t.y1))
            continue
        if "..." not in t.text and "·" not in t.text and "…" not in t.text:
            out.append(t)
            continue
        pos, n = 0, max(len(t.text), 1)
        width = t.x1 - t.x0
        for m in list(_LEADER.finditer(t.text)) + [None]:
            a, b = (m.start(), m.end()) if m else (len(t.text), len(t.text))
            if a > pos:
                out.append(Tok(t.text[pos:a], t.conf, t.x0 + width * pos / n, t.y0, t.x0 + width * a / n, t.y1))
            if m:
                out.append(Tok("|", t.conf, t.x0 + width * a / n, t.y0, t.x0 + width * b / n, t.y1))
            pos = b
    return out


def _split_at_gaps(toks: list[Tok], factor: float) -> list[Seg]:
    """Cut a run of words where the gap is wider than `factor` word heights, at a ruled cell border
    or at a dot leader."""
    segs, cur = [], []
    heights = sorted(t.y1 - t.y0 for t in toks) or [1.0]
    h = max(heights[len(heights) // 2], 1.0)
    for t in sorted(_cut_leaders(toks), key=lambda t: t.x0):
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


# Letters looked at to tell which way a text layer's lines run (spread over the page).
_ROTATION_SAMPLE = 100


def reading_rotation(page, textpage) -> int:
    """The quarter turn, in degrees clockwise as a page's /Rotate gives it, that stands most of the
    text layer's letters upright: a landscape certificate printed sideways onto a portrait page
    runs up the page whatever its /Rotate says. The page's own /Rotate when no letter tells."""
    import pypdfium2.raw as pdfium_c

    votes: Counter = Counter()
    count = textpage.count_chars()
    for i in range(0, count, max(1, count // _ROTATION_SAMPLE)):
        if not chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 32).isalnum():
            continue
        angle = pdfium_c.FPDFText_GetCharAngle(textpage.raw, i)      # radians, clockwise; -1 on failure
        if angle >= 0:
            votes[(360 - round(math.degrees(angle) / 90) * 90) % 360] += 1
    return votes.most_common(1)[0][0] if votes else page.get_rotation() % 360


# Text runs closer than this share of their height are one phrase: a word in bold inside a sentence,
# an ordinal's letters set small and raised ("27" "th"), a word the provider's software set in two runs.
_RUN_GAP = 0.35
# PDFium gives a run's text by its rectangle; a letter of the next run touching it by a hair is left out.
_RUN_EDGE = 0.4


def text_layer_segments(page, textpage, rotation: int) -> list[Seg]:
    """Segments from a PDF text layer: PDFium's text rectangles split into words (confidence 100),
    in the page's coordinates turned by ROTATION (reading_rotation), y downwards. A run that
    follows the one before it on its line with no more than a space between continues its
    segment; one that starts with no space at all continues its last word."""
    segs: list[Seg] = []
    toks: list[Tok] = []            # the words being gathered into segments
    last_run: tuple | None = None   # the previous run's box and whether it ended with a space
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        edge = min(_RUN_EDGE, (right - left) / 4, (top - bottom) / 4)
        text = textpage.get_text_bounded(left + edge, bottom + edge, right - edge, top - edge)
        words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
        if not words:
            continue
        n = max(len(text.rstrip()), 1)
        box = _displayed((left, bottom, right, top), rotation)
        x0, y0, x1, y1 = box
        run = [Tok(word, TEXT_CONFIDENCE, x0 + (x1 - x0) * start / n, y0, x0 + (x1 - x0) * (start + len(word)) / n,
                   y1) for start, word in words]
        if last_run is not None and _continues(last_run[0], box):
            if not last_run[1] and not text[:1].isspace():
                last, first = toks[-1], run.pop(0)
                toks[-1] = Tok(last.text + first.text, last.conf, last.x0, min(last.y0, first.y0), first.x1,
                               max(last.y1, first.y1))
            toks.extend(run)
        else:
            if toks:
                segs.extend(_split_at_gaps(toks, 3.0))
            toks = run
        last_run = (box, text[-1:].isspace())
    if toks:
        segs.extend(_split_at_gaps(toks, 3.0))
    return calendar_tiles(joined_combs(segs))


def _continues(before: tuple, box: tuple) -> bool:
    """Whether a run in BOX follows the run in BEFORE on its line with at most a space between."""
    height = min(before[3] - before[1], box[3] - box[1])
    overlap = min(before[3], box[3]) - max(before[1], box[1])
    return height > 0 and overlap >= height / 2 and -_RUN_GAP * height <= box[0] - before[2] <= _RUN_GAP * height


def word_segments(words: list[tuple[str, float, float, float, float]]) -> list[Seg]:
    """Segments from positioned words of a text layer read by another library: (text, x0, top, x1, bottom),
    y downwards; words whose middles share a line are grouped, then cut as text_layer_segments cuts."""
    lines: list[list[Tok]] = []
    for text, x0, y0, x1, y1 in sorted(words, key=lambda w: ((w[2] + w[4]) / 2, w[1])):
        tok = Tok(text, TEXT_CONFIDENCE, x0, y0, x1, y1)
        last = lines[-1] if lines else None
        if last and last[0].y0 <= (y0 + y1) / 2 <= last[0].y1:
            last.append(tok)
        else:
            lines.append([tok])
    segs: list[Seg] = []
    for toks in lines:
        segs.extend(_split_at_gaps(toks, 3.0))
    return calendar_tiles(joined_combs(segs))


def page_extent(page, rotation: int) -> tuple[float, float, float, float]:
    """The page turned by ROTATION, in the coordinates text_layer_segments gives its words."""
    left, bottom, right, top = page.get_cropbox()
    return _displayed((left, bottom, right, top), rotation)


def fractions(box, extent) -> list[float] | None:
    """BOX as [x0, y0, x1, y1] fractions (0..1) of EXTENT (x0, y0, x1, y1), y downwards."""
    if box is None:
        return None
    ex0, ey0, ex1, ey1 = extent
    w, h = max(ex1 - ex0, 1e-9), max(ey1 - ey0, 1e-9)
    x0, y0, x1, y1 = box
    return [round(min(max(v, 0.0), 1.0), 4) for v in ((x0 - ex0) / w, (y0 - ey0) / h, (x1 - ex0) / w, (y1 - ey0) / h)]


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


# Month names long enough that OCR's garbles of them stay nearer to them than to any other word
# a certificate prints ("Jariuary", "Decernber": "ri" for "n", "rn" for "m").
_LONG_MONTHS = ("january", "february", "august", "september", "october", "november", "december")
_MONTH_WORD = re.compile(r"^([A-Za-z]{6,11})([.,]?)$")
_DATE_NUMBER = re.compile(r"^(?:\d{1,2}(?:st|nd|rd|th)?|\d{4})[.,]?$")
_MONTH_EDITS = 2          # at most this many letters wrong
_MONTH_MARGIN = 2         # and the next month that many letters further away


def mended_month(word: str) -> str:
    """WORD as OCR read it, or the long month name it garbles: within _MONTH_EDITS edits of one
    month and at least _MONTH_MARGIN further from every other, so a garble of one month never
    becomes another ("Remember" stays, December and November being as near)."""
    m = _MONTH_WORD.match(word)
    if m is None or m.group(1).lower() in _LONG_MONTHS:
        return word
    letters = m.group(1).lower()
    ranked = sorted((Levenshtein.distance(letters, month), month) for month in _LONG_MONTHS)
    (best, month), (second, _) = ranked[0], ranked[1]
    if best > _MONTH_EDITS or second < best + _MONTH_MARGIN:
        return word
    return month.capitalize() + m.group(2)


# The S of a course number's "CS" as OCR reads it at times: "C$41033"; the A of "CA" read as its
# two strokes on a fax: "C/\-24190". No course number or other value holds a "$" or "/\" there.
_CS_MISREAD = re.compile(r"(?<![A-Za-z0-9])C\$(?=\d)")
_CA_MISREAD = re.compile(r"(?<![A-Za-z0-9])C/\\(?=[-.\s]?\d)")
# Two capitalised words a speck joined into one, read as a mark between them: "Sanjay.Ghosh".
_SPECK_JOINED = re.compile(r"([A-Z][a-z]+)[.·,'’`]([A-Z][a-z]+)")


def _speck_parted(toks: list[Tok]) -> list[Tok]:
    """TOKS with each word a speck joined ("Sanjay.Ghosh") cut in two at the speck, each part its
    share of the box: a name set large with a speck of grain in the gap between its words."""
    out = []
    for t in toks:
        m = _SPECK_JOINED.fullmatch(t.text)
        if m is None:
            out.append(t)
            continue
        step = (t.x1 - t.x0) / len(t.text)
        out.append(Tok(m.group(1), t.conf, t.x0, t.y0, t.x0 + step * m.end(1), t.y1))
        out.append(Tok(m.group(2), t.conf, t.x0 + step * m.start(2), t.y0, t.x1, t.y1))
    return out



def _flat_words_on_their_line(toks: list[Tok]) -> None:
    """A word of letters Tesseract boxed a sliver of the height of its line's other words
    ("Leila" 3 pixels high beside "Gupta" 150 high, on one line of a fax) is given their height:
    boxed so, it stood on a line of its own and the name was parted."""
    tall = max((t.y1 - t.y0 for t in toks if sum(ch.isalnum() for ch in t.text) >= 2), default=0.0)
    full = [t for t in toks if t.y1 - t.y0 >= 0.5 * tall]
    if not full:
        return
    top, bottom = min(t.y0 for t in full), max(t.y1 for t in full)
    for t in toks:
        if sum(ch.isalpha() for ch in t.text) >= 2 and t.y1 - t.y0 < FLAT_WORD * tall:
            t.y0, t.y1 = top, bottom


FLAT_WORD = 0.25       # of the tallest word's height on its line: a word of letters boxed lower is boxed wrong


def ocr_segments(words: list[ocr.Word]) -> list[Seg]:
    """Segments from Tesseract words: its own lines, cut at wide gaps and ruled borders."""
    by_line: dict[tuple[int, int, int], list[Tok]] = {}
    for w in words:
        if not any(ch.isalnum() for ch in w.text) and w.text not in _KEPT_MARKS:
            continue      # dust and speckle read as "°", "_", "." would split or spoil values
        by_line.setdefault((w.block, w.par, w.line), []).append(
            Tok(w.text, w.conf, w.left, w.top, w.left + w.width, w.top + w.height))
    for key, toks in by_line.items():
        by_line[key] = toks = _speck_parted(toks)
        _flat_words_on_their_line(toks)
    segs: list[Seg] = []
    for toks in by_line.values():
        for i, t in enumerate(toks):
            t.text = _MARK_FOR_SPACE.sub(" ", _CA_MISREAD.sub("CA", _CS_MISREAD.sub("CS", t.text)))
            # A month only where a date is: a day or a year beside it ("Jariuary 7, 2025"), never
            # a name ("Auguste Rodin").
            if any(_DATE_NUMBER.match(n.text) for n in toks[max(0, i - 1):i] + toks[i + 1:i + 2]):
                t.text = mended_month(t.text)
        segs.extend(_split_at_gaps(toks, 2.0))
    return calendar_tiles(joined_combs(segs))


# A backslash between two words OCR ran together is the space between them ("18th\of September").
_MARK_FOR_SPACE = re.compile(r"(?<=[^\W_])\\(?=[^\W_])")


# A calendar tile: the month (and year) on a strip, the day set large under it, the year under
# that when the strip has none: "DECEMBER 2025" / "9" / "TUESDAY" is the date 9 December 2025.
TILE_MONTH = re.compile(r"(?i)(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?(?:,?\s+(\d{4}))?")
_TILE_DAY = re.compile(r"(\d{1,2})")
_TILE_YEAR = re.compile(r"(\d{4})")
_TILE_GAP = 1.5           # of the lower part's height: how far under the part above it may stand


def _under(top: Seg, segs: list[Seg], pattern: re.Pattern) -> Seg | None:
    """The segment matching PATTERN that stands right under TOP, centred within its width, with
    nothing between them."""
    for seg in sorted(segs, key=lambda s: s.y0):
        if seg is top or seg.y0 < top.y1 - 0.2 * (top.y1 - top.y0):
            continue
        mid = (seg.x0 + seg.x1) / 2
        if not (top.x0 <= mid <= top.x1 or seg.x0 <= (top.x0 + top.x1) / 2 <= seg.x1):
            continue
        near = seg.y0 - top.y1 <= _TILE_GAP * (seg.y1 - seg.y0)
        return seg if near and pattern.fullmatch(seg.text) else None
    return None


def page_slope(segs: list[Seg]) -> float:
    """How far the page's lines drop for each unit across (dy/dx, y downwards): the median slope of
    the bottoms of its long segments (SLOPE_WORDS words or more, SLOPE_SPAN heights across); 0
    when there are too few (a text layer's lines are level)."""
    slopes = []
    for seg in segs:
        toks = [t for t in seg.toks if t.x1 > t.x0]
        height = max(seg.y1 - seg.y0, 1.0)
        if len(toks) < SLOPE_WORDS or seg.x1 - seg.x0 < SLOPE_SPAN * height:
            continue
        xs = [(t.x0 + t.x1) / 2 for t in toks]
        ys = [t.y1 for t in toks]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        var = sum((x - mx) ** 2 for x in xs)
        if var > 0:
            slopes.append(sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var)
    if len(slopes) < SLOPE_SEGMENTS:
        return 0.0
    slopes.sort()
    return slopes[len(slopes) // 2]


SLOPE_WORDS = 4
SLOPE_SPAN = 10
SLOPE_SEGMENTS = 3


COMB_CHARACTERS = 3     # letters or digits one to a box at one pitch, at least, that spell a comb field's value
COMB_PITCH = 2.5        # character heights from one box's character to the next, at most
_COMB_CHARACTER = re.compile(r"[^\W_]|[/.\-]")


def joined_combs(segs: list[Seg]) -> list[Seg]:
    """A comb field's characters, one to a box ("D U B O I S", "0 6 / 1 5 / 2 0 2 6" at an even
    pitch), as the one word they spell, in a segment of its own; every other word stays in its
    segment. The characters may come as words of one segment (OCR) or as segments of their own
    (a text layer's characters placed one by one)."""
    out: list[Seg] = []
    for line in lines_of(segs):
        toks = [(k, t) for k, seg in enumerate(line.segs) for t in seg.toks]
        runs: dict[int, int] = {}           # a comb's first word -> the index after its last
        i = 0
        while i < len(toks):
            j = i
            while j + 1 < len(toks) and _comb_step(toks[i:j + 2]):
                j += 1
            if sum(t.text.isalnum() for _k, t in toks[i:j + 1]) >= COMB_CHARACTERS:
                runs[i] = j + 1
            i = j + 1
        piece: list[Tok] = []
        last = None
        n = 0
        while n < len(toks):
            if n in runs:
                out.extend([Seg(piece)] if piece else [])
                piece, last = [], None
                run = [t for _k, t in toks[n:runs[n]]]
                out.append(Seg([Tok("".join(r.text for r in run), min(r.conf for r in run), run[0].x0,
                                    min(r.y0 for r in run), run[-1].x1, max(r.y1 for r in run))]))
                n = runs[n]
                continue
            k, t = toks[n]
            if piece and k != last:
                out.append(Seg(piece))
                piece = []
            piece.append(t)
            last = k
            n += 1
        if piece:
            out.append(Seg(piece))
    return out


def _comb_step(run: list[tuple[int, Tok]]) -> bool:
    """Whether RUN's words are single characters (_COMB_CHARACTER) at one even pitch, within
    COMB_PITCH character heights of each other."""
    toks = [t for _k, t in run]
    if not all(len(t.text) == 1 and _COMB_CHARACTER.fullmatch(t.text) for t in toks):
        return False
    steps = [(b.x0 + b.x1 - a.x0 - a.x1) / 2 for a, b in zip(toks, toks[1:])]
    height = max(max(t.y1 - t.y0 for t in toks), 1.0)
    return all(0 < st <= COMB_PITCH * height and 0.6 * steps[0] <= st <= 1.5 * steps[0] for st in steps)


def calendar_tiles(segs: list[Seg]) -> list[Seg]:
    """SEGS with each calendar tile's parts (month strip, day under it, year under that when the
    strip has none) made one segment reading "9 DECEMBER 2025", where the month strip stood."""
    out = list(segs)
    for month in segs:
        m = TILE_MONTH.fullmatch(month.text)
        if not m or month not in out:
            continue
        day = _under(month, out, _TILE_DAY)
        if day is None or not 1 <= int(day.text) <= 31:
            continue
        year = None if m.group(2) else _under(day, out, _TILE_YEAR)
        if not m.group(2) and year is None:
            continue
        parts = [day, month] + ([year] if year is not None else [])
        at = out.index(month)
        for p in parts:
            out.remove(p)
        out.insert(at, Seg([Tok(t.text, t.conf, month.x0, month.y0, month.x1, month.y1) for p in parts for t in p.toks]))
    return out

