"""Tesseract for scanned certificate pages: availability, rendering, orientation, words with confidences.

Kept apart from the certificate reader so that a benchmark can run bare Tesseract
on the very images the reader renders.

Parallelism: `OcrPool` runs `workers` reads at once from threads of the calling process.
Each read is Tesseract's library in this process, an engine loaded once and kept (the binding
lets go of Python's lock while it reads), or, without the binding, a `tesseract` process. That
uses the cores as a process pool would, without forking the reader (which already runs in a
forked, memory-capped child) and without copying page images between processes; every read is
bounded by its own timeout.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

DPI = 300                        # Tesseract's sweet spot for printed text
PAGE_SECONDS = 30.0              # Tesseract wall time allowed for one page, orientation tries included
BLANK_DPI = 36                   # a cheap render is enough to see whether a sheet is white
BLANK_INK_FRACTION = 0.0008      # share of ink pixels under which a page is blank (dust specks stay below)
BLANK_INK_DELTA = 40             # grey levels darker than the paper around it that count as ink
BLANK_PAPER_WINDOW = 9           # pixels (at BLANK_DPI) over which the paper's own level is taken
BLANK_EDGE = 0.05                # share of each side left out: scanner-lid shadows, punched holes
BLANK_STROKE_NEIGHBOURS = 2      # inked neighbours an ink pixel needs to be part of a stroke, not a speck
UPRIGHT_MEAN_CONFIDENCE = 60.0   # a first pass this good is taken as upright, no orientation check
UPRIGHT_MIN_GOOD_WORDS = 3
STANDING_WORDS = 0.5             # share of long words taller than wide on a page Tesseract read standing up
# Characters no certificate field holds, which Tesseract reads for a jagged C or 6 on a fax
# ("€L103120", "09/02/202€"): forbidden, it gives its next guess, with the doubt in its confidence.
NEVER_PRINTED = "€£¥¢§"
TESSERACT_CONFIG = f"--psm 3 -c tessedit_char_blacklist={NEVER_PRINTED}"   # automatic page segmentation, no OSD
REREAD_WORD_GAP = 0.3     # of a value's height: a blank run this wide beside it parts it from another word
REREAD_ROW_INK = 0.02     # of a reread's width: a row with less ink is between lines (a rule's edge, specks)
REREAD_CONFIG = f"--psm 7 -c tessedit_char_blacklist={NEVER_PRINTED}"      # one line: a value cut out on its own
FIGURE_CONFIG = "--psm 7 -c tessedit_char_whitelist=0123456789."            # one figure: digits and a point only
LEPTONICA_SILENT = 6                     # L_SEVERITY_NONE
CHAR_BOXES = " -c hocr_char_boxes=1"     # with a reread's settings: each character's confidence
SKEW_LIMIT = 3.0                 # degrees of slope looked for (a fed sheet is rarely further askew)
SKEW_STEP = 0.1
SKEW_SOLID = 6                   # pixels of the quarter-size copy (0.08 in at DPI): ink this solid is no print
SKEW_MIN = 0.3                   # below this a page is level enough: a 2,500-pixel rule drifts < 13 pixels
FRAME_BAND = 0.06               # share of the width at each side where an ornamental frame's column runs
FRAME_CONFIDENCE = 60.0          # frame ornaments read as junk words below this
FRAME_MIN_WORDS = 5              # junk words down one side that make it a frame, not a stray mark
TOWER_HEIGHT = 8.0                # a "word" this many times the median word's height is a streak, not print
RULE_MAX_WEIGHT = 0.04           # inches: a ruled line or a fax streak is thinner; a large letter's stem is not
SPECK_STROKE = 5                 # pixels: print whose strokes are thinner is not opened to shed its specks
FIGURE_HEIGHT = 60               # pixels: a figure set large is read at this height, padding included
LOST_GLYPH_GAP = 0.6             # of a value's height: a stroke this near before it, unread, is a character of it
LOST_GLYPH_MARGIN = 0.15         # of a value's height: a word's ink may run this far past its box
LOST_GLYPH_INK = 0.5             # of the middle of a line: a column inked this far down is a stroke, not a speck
SLIVER = 0.25                    # of its line's height: a word boxed lower than this was boxed wrongly
UNREAD_LINES = 3                 # lines of print the page's reading left out, read on their own at most
UNREAD_ROW_INK = 0.004           # of the width: a row with less ink left over is not a line of print
UNREAD_MIN_HEIGHT = 0.08         # inches: a line of print left out, from small print...
UNREAD_MAX_HEIGHT = 1.2          # ... to a banner's letters
UNREAD_MIN_ASPECT = 3.0          # a line of words is this many times as wide as high; a seal or a logo is not
UNREAD_SOLID = 0.35              # inches: a square this size nearly all ink is a fill (a photo, a band), not print
UNREAD_MAX_DENSITY = 0.45        # share of a line's box inked: print is far below, a photo or a filled box above
TURNED_CELL = 16                 # pixels: print left unread is gathered in cells this size into patches
TURNED_MIN = (0.6, 0.25)         # inches across and down: a patch smaller is a mark, not a stamp's print
TURNED_MAX = (5.0, 3.0)          # ... and one larger is a picture or a page's worth
TURNED_LIMIT = 15.0              # degrees: how far a stamp's print is looked for turned
TURNED_STEP = 0.5
TURNED_PATCHES = 2               # patches read at most, the largest first
TURNED_CONFIG = f"--psm 6 -c tessedit_char_blacklist={NEVER_PRINTED}"   # a patch is one block of print
STREAK_FRACTION = 0.4            # a vertical ink line this share of the page high on a fax is a dirty-head streak
DROPPED_LINE_MAX = 0.015         # inches: a fax's lost scan line (1-2 lines at 196 per inch) is at most this high
DROPPED_ROW_SPECKS = 0.002       # of the width: a row with no more ink than this is white (specks aside)
DROPPED_MIN_STROKES = 4          # columns inked on both sides of a white row that make it a cut, not a gap
COMB_STROKE = 0.12               # inches: a character box's rule or wall is at least this long...
COMB_MAX_HEIGHT = 0.6            # ... and the box at most this high
COMB_CELL = (0.4, 1.2)           # a character box's width, of its height (a table's cells are wider)
COMB_MIN_CELLS = 2               # boxes side by side that make a comb (one box is a checkbox)
COMB_GLYPH = 0.9                 # of a box's height: print wider than this in a box is more than a character
COMB_GLYPH_GAP = 4               # pixels: columns of print no further apart are one character's
COMB_SPECK = 20                  # pixels of ink: less in a box, apart from its print, is a speck
REVERSED_CELL = 0.08              # inches: a dark panel is looked for in squares this size...
REVERSED_DARK = 0.7               # ... each at least this share inked (white print on it leaves more)
REVERSED_FILL = 0.8               # of a panel's rows and columns: its dark squares (a photo's are fewer)
REVERSED_CLOSE = 3                # squares: a gap this narrow in a panel (a line of its white print) is closed
REVERSED_SIDES = (0.4, 1.0)       # inches: a panel's shorter side at least the first, its longer the second
COMB_ROW_GAP = 1.5               # of a box's height: combs this near on one line hold one value ("06 / 22 / 2026")
STANDING_ASPECT = 2.0            # a dark panel or a patch of unread print this many times as tall as wide...
STANDING_MIN_HEIGHT = 1.5        # ... and at least this many inches tall may hold print turned a quarter
STANDING_PATCHES = 2             # such regions read at most, the tallest first
STANDING_CONFIDENCE = 60.0       # mean word confidence a region's print turned level must reach
STANDING_GAP = 0.3               # inches: white between the page and each turned region below it
STANDING_JOIN = 0.6              # inches: patches of unread print this near in one column are one line


class OcrUnavailable(Exception):
    """Tesseract is not installed (or not on PATH)."""


@dataclass
class Word:
    """One word as Tesseract read it, in pixels of the upright image."""

    text: str
    conf: float        # 0-100
    left: int
    top: int
    width: int
    height: int
    block: int
    par: int
    line: int
    # The least sure of the word's characters (Tesseract's recogniser, 0-100), where the reading
    # gave them (a reread); None otherwise. The word confidence of a digit string is often low
    # for a print that is perfectly clear, and each character's is not.
    chars: float | None = None


@dataclass
class PageOcr:
    """Tesseract's reading of one page image."""

    words: list[Word] = field(default_factory=list)
    rotation: int = 0                 # degrees the image was turned clockwise to stand upright
    seconds: float = 0.0
    error: str | None = None          # why nothing could be read (timeout, Tesseract error)
    image_path: Path | None = None    # the upright image that was read

    @property
    def mean_confidence(self) -> float:
        return _quality(self.words)[0]


def tesseract_cmd() -> str | None:
    """Path of the Tesseract program, or None when it is not installed (looked up on PATH each time)."""
    import pytesseract

    return shutil.which(pytesseract.pytesseract.tesseract_cmd)


def available() -> bool:
    return tesseract_cmd() is not None


@lru_cache(maxsize=8)
def _languages(cmd: str) -> frozenset[str]:
    try:
        out = subprocess.run([cmd, "--list-langs"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in out.splitlines()[1:] if line.strip())


def osd_available() -> bool:
    """Whether Tesseract has its orientation model (`osd` traineddata)."""
    cmd = tesseract_cmd()
    return cmd is not None and "osd" in _languages(cmd)


# ---------------------------------------------------------------- rendering


def page_pixels(page, dpi: int = DPI) -> int:
    """Pixel count of the page rendered at `dpi` (checked against Limits.max_page_pixels before rendering)."""
    width, height = page.get_size()
    return int(abs(width) * dpi / 72) * int(abs(height) * dpi / 72)


def render(page, dpi: int = DPI):
    """The page as a greyscale PIL image (mode L): greyscale is ~2 s/page cheaper for Tesseract than colour."""
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    try:
        return bitmap.to_pil().convert("L")
    finally:
        bitmap.close()


def is_bilevel(page) -> bool:
    """True for a page whose pictures are all 1 bit deep: a fax (204 x 196 dpi, CCITT) or a bilevel office scan."""
    import pypdfium2.raw as pdfium_c

    depths = [obj.get_metadata().bits_per_pixel
              for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3)]
    return bool(depths) and all(d == 1 for d in depths)


def clean_bilevel(image):
    """A 1-bit page (fax) made easier to read: lost scan lines mended, dirty-head streaks
    whitened (not a dark panel down the page: a streak is thinner than a rule's weight), then a
    3 x 3 mean.

    A fax machine that loses a scan line sends a white row across the page, cutting every
    letter it crosses in two; a name set large and cut so reads as junk ("TT. ~.-. DAA" for
    "Ms. Tamar Herrera"). Such a row is mended where the pixels just above and below it are
    ink (_mend_dropped_lines). A fax's strokes come with jagged edges and specks, and a streak from a dirty
    read head runs down the page through the words it crosses (Tesseract then reads
    "30,/2025"); the mean smooths the edges into grey, fades the specks and bridges a
    lost scan line, which lifts the confidence of most words on a fax page.
    """
    from PIL import Image, ImageFilter

    a = np.asarray(image)
    mended = _mend_dropped_lines(a)
    if mended is not None:
        a = mended
        image = Image.fromarray(a)
    ink = a < 128
    streak = _long_runs(np.ascontiguousarray(ink.T), max(1, int(ink.shape[0] * STREAK_FRACTION))).T
    # A streak is a line: ink that runs down the page as wide as a rule's weight is a dark panel
    # (white print on a black band), which whitened would lose its print.
    streak &= ~_long_runs(streak, max(2, int(RULE_MAX_WEIGHT * DPI)))
    if streak.any():
        wide = streak.copy()
        wide[:, 1:] |= streak[:, :-1]
        wide[:, :-1] |= streak[:, 1:]
        a = a.copy()
        a[wide] = 255
        _bridge(a, ink, wide)
        image = Image.fromarray(a)
    # A 3 x 3 mean, not a median: a median closes the counter of a small "0" on a fax and
    # Tesseract then reads a sure "9" ("11/99/2025"); the mean keeps the hole, in grey.
    return image.filter(ImageFilter.BoxBlur(1))


def _mend_dropped_lines(a: np.ndarray, dpi: int = DPI) -> np.ndarray | None:
    """A copy of grey image A with each lost scan line of a fax inked again where it cut a
    stroke; None when there is none.

    A lost line is a run of white rows (specks aside) at most DROPPED_LINE_MAX high, with ink
    on both sides of it in at least DROPPED_MIN_STROKES columns: the gap between two lines of
    print is far higher, and a row across a line of print is never white. Only the columns inked
    just above and just below are filled: a stroke is joined again, nothing new is drawn.
    """
    ink = a < 128
    h, w = ink.shape
    white = np.count_nonzero(ink, axis=1) <= max(3, int(w * DROPPED_ROW_SPECKS))
    most = max(1, int(round(DROPPED_LINE_MAX * dpi)))
    edges = np.diff(white.astype(np.int8))
    starts, ends = np.flatnonzero(edges == 1) + 1, np.flatnonzero(edges == -1) + 1   # white rows [start, end)
    out = None
    for r0 in starts:
        later = ends[ends > r0]
        if not later.size or later[0] - r0 > most:
            continue
        r1 = int(later[0])
        # The rendered page's rows on either edge of the lost line are only partly inked (the
        # fax's lines scaled to 300 dpi, a stroke's edge grey): the cut is told by the rows beyond.
        r0, r1 = max(1, r0 - 1), min(h - 1, r1 + 1)
        cut = ink[r0 - 1] & ink[r1]
        if np.count_nonzero(cut) >= DROPPED_MIN_STROKES:
            if out is None:
                out = a.copy()
            out[r0:r1, cut] = 0
    return out


def _bridge(a: np.ndarray, ink: np.ndarray, wide: np.ndarray) -> None:
    """Where a whitened streak cut a stroke that crosses it (the bar of a "2", a rule), ink
    again: on each row, the streak's columns are inked when the pixels just left and right
    of it are ink."""
    cols = np.flatnonzero(wide.any(axis=0))
    if not cols.size:
        return
    breaks = np.flatnonzero(np.diff(cols) > 1)
    for c0, c1 in zip(np.r_[cols[0], cols[breaks + 1]], np.r_[cols[breaks], cols[-1]]):
        if c0 == 0 or c1 + 1 >= a.shape[1]:
            continue
        rows = wide[:, c0:c1 + 1].any(axis=1) & ink[:, c0 - 1] & ink[:, c1 + 1]
        a[np.ix_(rows, np.arange(c0, c1 + 1))] = 0


def _rank_filter(a: np.ndarray, size: int, op) -> np.ndarray:
    """The greatest (op np.maximum) or least (np.minimum) value of grey image A in the SIZE x SIZE
    square around each pixel, the edge pixels repeated outward: PIL's MaxFilter and MinFilter,
    pixel for pixel, at a hundredth of their cost (a square's extreme is its rows' extremes')."""
    m = size // 2
    p = np.pad(a, m, mode="edge")
    h, w = a.shape
    rows = p[:, :w].copy()
    for i in range(1, size):
        op(rows, p[:, i:i + w], out=rows)
    out = rows[:h].copy()
    for i in range(1, size):
        op(out, rows[i:i + h], out=out)
    return out


def is_blank(page) -> bool:
    """True for a sheet with no ink worth reading (a scanned back), whatever its scanner noise,
    dust, edge shadow or faint bleed-through from the other side.

    Ink is what is clearly darker than the paper around it (the paper's own level is
    taken locally, so a shadow or a grey sheet is paper), in strokes rather than lone
    specks, away from the sheet's edges where scanner lids cast their shadows.
    """
    bitmap = page.render(scale=BLANK_DPI / 72, grayscale=True)
    try:
        a = bitmap.to_numpy()
    finally:
        bitmap.close()
    if a.ndim == 3:
        a = a[..., 0]
    if a.size == 0:
        return True
    a = np.ascontiguousarray(a, dtype=np.uint8)
    if float(np.percentile(a, 90)) < 160:           # a dark sheet is not a white back
        return False
    # The paper's level near each pixel: the lightest nearby (text taken away), then the
    # darkest of those (a shadow wider than a letter stays paper).
    k = BLANK_PAPER_WINDOW
    paper = _rank_filter(_rank_filter(a, k, np.maximum), k, np.minimum).astype(np.int16)
    ink = (paper - a.astype(np.int16)) > BLANK_INK_DELTA
    h, w = ink.shape
    my, mx = int(h * BLANK_EDGE), int(w * BLANK_EDGE)
    ink = ink[my:h - my, mx:w - mx]
    if ink.size == 0:
        return True
    # Strokes, not specks: an ink pixel counts with at least BLANK_STROKE_NEIGHBOURS inked neighbours.
    p = np.pad(ink, 1).astype(np.uint8)
    neighbours = sum(p[1 + dy:p.shape[0] - 1 + dy, 1 + dx:p.shape[1] - 1 + dx]
                     for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx)
    strokes = ink & (neighbours >= BLANK_STROKE_NEIGHBOURS)
    return bool(np.count_nonzero(strokes) / ink.size < BLANK_INK_FRACTION)


# ---------------------------------------------------------------- Tesseract


def _env_single_thread() -> None:
    # One Tesseract thread per process: its own threading is slower on few cores
    # (2.7 s vs 1.3 s/page) and parallelism comes from running several processes.
    os.environ["OMP_THREAD_LIMIT"] = "1"


# A rule or an underline touching a word's first or last letter, read as part of the word:
# "|BARROS" (a fax streak through the gap before it), "_Sofia" (the line a name is set on).
_STRAY_EDGE = re.compile(r"^[|_]+(?=[^\W\d_]{2})|(?<=[^\W\d_]{2})[|_]+$")


def without_stray_edges(text: str) -> str:
    """A word as read, less a rule's or an underline's mark at its edge ("|BARROS", "_Sofia", "Greene_").
    Only beside letters: "|2345" may be a "1" read as a bar, and R7 settles that."""
    return _STRAY_EDGE.sub("", text.strip())


# ---------------------------------------------------------------- Tesseract in this process
#
# The `tesseract` command starts a process and loads its model for every read: ~0.08 s a call,
# as much as a value's whole second look and a tenth of a page's reading. With the library
# binding (tesserocr, built on the system's libtesseract) a loaded engine reads the next image
# at once. Both are the same library given the same image file and settings, so they give the
# same words (tests/test_ocr_engine.py); the binding is used only when its Tesseract is the
# command's own version, and otherwise, or when it is not installed, the command is run.


@lru_cache(maxsize=1)
def _binding():
    """The tesserocr module when it is installed on the same Tesseract as the command; else None."""
    _env_single_thread()            # the OpenMP runtime reads it when the library is loaded
    try:
        import tesserocr
    except ImportError:
        return None
    cmd = tesseract_cmd()
    if cmd is None:
        return None
    try:
        own = subprocess.run([cmd, "--version"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    first = (own.stdout or own.stderr).splitlines()[:1]
    if not first or tesserocr.tesseract_version().splitlines()[0] != first[0]:
        return None
    _quiet_leptonica()
    _keep_freed_memory()
    return tesserocr


# glibc's malloc settings (mallopt): no mmap under 64 MB (a page's working images are 8-35 MB),
# freed memory kept up to 128 MB, two arenas at most (each more reserves 64 MB of address space,
# which the reader's memory limit counts).
_MALLOPT = ((-3, 64 << 20), (-1, 128 << 20), (-8, 2))   # M_MMAP_THRESHOLD, M_TRIM_THRESHOLD, M_ARENA_MAX


def _keep_freed_memory() -> bool:
    """Let the engines reuse the memory they free. Each read allocates and frees buffers of tens of
    MB; glibc maps each one afresh and hands it back at once, and two reading threads of one
    process then contend for the process's memory map on every page fault: two OCR workers read
    ten sample scans in 5.0 s, no faster than two `tesseract` processes (4.8-5.0 s), against
    4.2-4.5 s with these settings. Keeping more (256 MB, a 64 MB pad) was no faster and grew a
    six-page stack's address space past the reader's 1 GB limit; with these it grows 650 MB, as
    with glibc's own settings (610 MB). True when the settings were taken (glibc only; elsewhere
    nothing is changed)."""
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return all(mallopt(param, value) == 1 for param, value in _MALLOPT)


def _quiet_leptonica() -> None:
    """Leptonica's complaints ("Error in pixScanForForeground: invalid box") go nowhere, as they did
    in the command's own stderr: in this process they would be printed among the program's output."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("leptonica") or ctypes.util.find_library("lept")
    try:
        ctypes.CDLL(name or "liblept.so.5").setMsgSeverity(LEPTONICA_SILENT)
    except (OSError, AttributeError):
        pass


def in_process() -> bool:
    """Whether Tesseract runs in this process (the binding) rather than as a command."""
    return _binding() is not None


_IDLE: dict[str, list] = {}            # settings -> loaded engines not reading now
_IDLE_LOCK = threading.Lock()


def _settings(config: str) -> tuple[int, dict[str, str]]:
    """A command line's page segmentation mode and -c variables ("--psm 7 -c a=b")."""
    parts, psm, variables = config.split(), 3, {}
    for flag, value in zip(parts[::2], parts[1::2]):
        if flag == "--psm":
            psm = int(value)
        elif flag == "-c":
            name, _, val = value.partition("=")
            variables[name] = val
        else:
            raise ValueError(f"unsupported Tesseract option {flag!r}")
    return psm, variables


def _engine(config: str):
    """A loaded engine with CONFIG's settings: an idle one, or a new one (~0.07 s to load)."""
    with _IDLE_LOCK:
        idle = _IDLE.setdefault(config, [])
        if idle:
            return idle.pop()
    tesserocr = _binding()
    psm, variables = _settings(config)
    api = tesserocr.PyTessBaseAPI(lang="eng", psm=psm)
    api.SetVariable("debug_file", os.devnull)       # its warnings ("Invalid resolution 0 dpi") too
    for name, value in variables.items():
        api.SetVariable(name, value)
    return api


def _done_with(config: str, api) -> None:
    api.Clear()
    with _IDLE_LOCK:
        _IDLE.setdefault(config, []).append(api)


def warm(workers: int) -> None:
    """Load WORKERS engines for a page's reading and for a value's second look (~0.07 s and
    ~40 MB each), unless they are loaded: a reader forked later starts with them."""
    if _binding() is None:
        return
    for config in (TESSERACT_CONFIG, REREAD_CONFIG + CHAR_BOXES):
        engines = [_engine(config) for _ in range(workers)]
        for api in engines:
            _done_with(config, api)


def _run_engine(image_path: Path, config: str, timeout: float, output: str) -> str:
    """Tesseract's TSV or hOCR of one image file, read in this process; RuntimeError on timeout."""
    api = _engine(config)
    try:
        api.SetImageFile(str(image_path))
        if not api.Recognize(timeout=max(1, int(timeout * 1000))):
            raise RuntimeError("Tesseract process timeout")
        return api.GetTSVText(0) if output == "tsv" else api.GetHOCRText(0)
    finally:
        _done_with(config, api)


def _tsv_data(image_path: Path, config: str, timeout: float) -> dict[str, list]:
    """Tesseract's TSV of one image file as pytesseract's Output.DICT gives it: a list per column,
    the numbers as ints (a confidence's fraction dropped) and the text as read."""
    import pytesseract

    if _binding() is None:
        return pytesseract.image_to_data(str(image_path), output_type=pytesseract.Output.DICT,
                                         config=config, timeout=max(1, int(timeout + 0.999)))
    data: dict[str, list] = {col: [] for col in _TSV_COLUMNS}
    for line in _run_engine(image_path, config, timeout, "tsv").splitlines():
        cells = line.split("\t")
        if len(cells) < len(_TSV_COLUMNS) - 1:
            continue
        cells += [""] * (len(_TSV_COLUMNS) - len(cells))
        for col, cell in zip(_TSV_COLUMNS[:-1], cells):
            data[col].append(int(float(cell)))
        data["text"].append(cells[-1])
    return data


_TSV_COLUMNS = ("level", "page_num", "block_num", "par_num", "line_num", "word_num", "left", "top", "width",
                "height", "conf", "text")


def hocr_of(image, config: str, timeout: float) -> str:
    """Tesseract's hOCR of a PIL image (a cut-out), written as the command would be given it."""
    import pytesseract

    if _binding() is None:
        return pytesseract.image_to_pdf_or_hocr(image, extension="hocr", config=config,
                                                timeout=max(1, int(timeout + 0.999))).decode("utf-8", "replace")
    import tempfile

    with tempfile.TemporaryDirectory(prefix="cec-cut-") as tmp:
        path = Path(tmp) / "cut.png"
        image.save(path, format="PNG")
        return _run_engine(path, config, timeout, "hocr")


def _words(image_path: Path, timeout: float, config: str = TESSERACT_CONFIG) -> list[Word]:
    data = _tsv_data(image_path, config, timeout)
    words = []
    for i, text in enumerate(data["text"]):
        text = without_stray_edges(text or "")
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        words.append(Word(text, conf, int(data["left"][i]), int(data["top"][i]), int(data["width"][i]),
                          int(data["height"][i]), int(data["block_num"][i]), int(data["par_num"][i]),
                          int(data["line_num"][i])))
    return _without_towers(_without_frame(words, _width(image_path)))


def _width(image_path: Path) -> int:
    from PIL import Image

    with Image.open(image_path) as img:      # reads the header only
        return img.width


def _without_frame(words: list[Word], width: int) -> list[Word]:
    """The words less an ornamental frame's: a column of junk down the left or right edge.

    Tesseract reads a border of ornaments as junk words ("XK", "lo}") and puts each on the
    line of the text beside it, so "François Lefèvre" becomes a name with a junk word of
    confidence 0 at its end. Words wholly inside the outer FRAME_BAND of a side, read
    poorly, are dropped when there are FRAME_MIN_WORDS of them down that side.
    """
    band = width * FRAME_BAND
    sides = ([w for w in words if w.left + w.width <= band and w.conf < FRAME_CONFIDENCE],
             [w for w in words if w.left >= width - band and w.conf < FRAME_CONFIDENCE])
    junk = {id(w) for side in sides if len(side) >= FRAME_MIN_WORDS for w in side}
    return [w for w in words if id(w) not in junk] if junk else words


def _without_towers(words: list[Word]) -> list[Word]:
    """The words less those far taller than the page's print (TOWER_HEIGHT times the median
    height of its words): a fax's streak or a fold read as a letter. One such "word" on a line
    stretches the line over half the page, and everything in that height seems to be on it."""
    heights = sorted(w.height for w in words if sum(ch.isalnum() for ch in w.text) >= 2)
    if len(heights) < 5:
        return words
    limit = TOWER_HEIGHT * heights[len(heights) // 2]
    return [w for w in words if w.height <= limit]


def _quality(words: list[Word]) -> tuple[float, int]:
    """(mean confidence of words with 3+ letters or digits, how many of them read at 80+)."""
    confs = [w.conf for w in words if sum(ch.isalnum() for ch in w.text) >= 3]
    if not confs:
        return 0.0, 0
    return sum(confs) / len(confs), sum(1 for c in confs if c >= 80)


def _standing(words: list[Word]) -> bool:
    """Whether the page was read sideways: Tesseract reads a page turned a quarter as lines of
    text standing on end, with high confidence, and then most long words are taller than wide."""
    long = [w for w in words if len(w.text) >= 4]
    return bool(long) and sum(w.height > w.width for w in long) > STANDING_WORDS * len(long)


def _orientation_score(words: list[Word]) -> tuple[bool, float]:
    """Compares readings of the same page in different orientations: lines lying down first,
    then how much confidently read text there is."""
    return (not _standing(words),
            sum(w.conf for w in words if w.conf >= 60 and sum(ch.isalnum() for ch in w.text) >= 3))


def _osd_rotation(image_path: Path, timeout: float) -> int | None:
    """Clockwise degrees that make the page upright, per Tesseract OSD; None when OSD fails."""
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(str(image_path), output_type=pytesseract.Output.DICT,
                                       config="--psm 0", timeout=max(1, int(timeout + 0.999)))
    except (pytesseract.TesseractError, RuntimeError, ValueError, KeyError):
        return None
    return int(osd.get("rotate", 0)) % 360


def _rotated_copy(image_path: Path, rotation: int) -> Path:
    from PIL import Image

    out = image_path.with_name(f"{image_path.stem}-r{rotation}{image_path.suffix}")
    with Image.open(image_path) as img:
        img.rotate(-rotation, expand=True).save(out)   # PIL turns counter-clockwise
    return out


def ocr_image(image_path: Path, *, seconds: float = PAGE_SECONDS, use_osd: bool | None = None) -> PageOcr:
    """Read one page image: words with confidences, turned upright first when it lies sideways or upside down.

    The first pass reads the image as it is; only when that reads poorly is the
    orientation checked (OSD, or when OSD is missing or fails, each quarter turn),
    and the best reading kept.
    """
    import pytesseract

    start = time.monotonic()
    deadline = start + seconds
    image_path = Path(image_path)

    def left() -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise RuntimeError("Tesseract process timeout")
        return remaining

    best: PageOcr | None = None
    try:
        words = _words(image_path, left())
        if not words:
            # Not a word: Tesseract may have taken a framed page for a picture. Without its rules, level.
            unruled = _unruled_copy(image_path)
            if unruled is not None:
                image_path, words = unruled, _words(unruled, left())
        best = PageOcr(words, 0, image_path=image_path)
        mean, good = _quality(best.words)
        # Read well as it is; or not a single word (a photo, noise): turning it will not help.
        if (mean >= UPRIGHT_MEAN_CONFIDENCE and good >= UPRIGHT_MIN_GOOD_WORDS
                and not _standing(best.words)) or not best.words:
            best.seconds = time.monotonic() - start
            return best
        if use_osd is None:
            use_osd = osd_available()
        rotation = _osd_rotation(image_path, left()) if use_osd else None
        if rotation is None:
            tries = [90, 180, 270]
        elif rotation:
            tries = [rotation]
        else:                       # OSD finds it upright, but its lines stand on end: a quarter turn
            tries = [90, 270] if _standing(best.words) else []
        for rot in tries:
            path = _rotated_copy(image_path, rot)
            attempt = PageOcr(_words(path, left()), rot, image_path=path)
            if _orientation_score(attempt.words) > _orientation_score(best.words):
                best = attempt
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailable("Tesseract is not installed") from exc
    except RuntimeError as exc:
        if "timeout" not in str(exc):
            raise
        if best is not None and best.words:     # time ran out turning it: keep the first reading
            best.seconds = time.monotonic() - start
            return best
        return PageOcr(error=f"OCR timed out after {seconds:.0f} s", seconds=time.monotonic() - start,
                       image_path=image_path)
    except pytesseract.TesseractError as exc:
        return PageOcr(error=f"OCR failed: {exc.message or exc.status}"[:200],
                       seconds=time.monotonic() - start, image_path=image_path)
    best.seconds = time.monotonic() - start
    return best


def _long_runs(mask: np.ndarray, length: int) -> np.ndarray:
    """The pixels of `mask` that lie on a horizontal run of at least `length` (no loops).

    Each row, padded with a blank pixel at both ends, is read as one stream: its runs start where
    it steps up and end where it steps down; the long ones are marked at both ends and filled by
    a running sum. A few passes over the image, whatever the length."""
    h, w = mask.shape
    if w < length:
        return np.zeros_like(mask)
    padded = np.zeros((h, w + 2), np.int8)
    padded[:, 1:-1] = mask
    steps = np.diff(padded.ravel())
    starts, ends = np.flatnonzero(steps == 1), np.flatnonzero(steps == -1)
    long = (ends - starts) >= length
    marks = np.zeros(padded.size, np.int8)
    marks[starts[long] + 1] = 1                 # the run's first pixel
    marks[ends[long] + 1] = -1                  # the blank after its last
    return np.cumsum(marks, dtype=np.int8).reshape(h, w + 2)[:, 1:-1] > 0


def _rule_mask(a: np.ndarray, dpi: int = DPI, *, thin: bool = False) -> np.ndarray:
    """The pixels of grey image A on a ruled line (an inch across or half an inch down) and their fringe.

    With THIN, only lines thinner than RULE_MAX_WEIGHT: the stem of a letter half an inch
    high ("l", "H" of a name set large) is as long as a rule, and far thicker.
    """
    ink = a < 128
    near = ink.copy()
    near[1:] |= ink[:-1]
    near[:-1] |= ink[1:]                   # a slightly skewed rule still makes one run
    across = _long_runs(near, dpi)         # horizontal: an inch or more
    near = ink.copy()
    near[:, 1:] |= ink[:, :-1]
    near[:, :-1] |= ink[:, 1:]
    down = _long_runs(np.ascontiguousarray(near.T), dpi // 2).T   # vertical: half an inch or more
    if thin:
        weight = max(2, int(RULE_MAX_WEIGHT * dpi))
        across &= ~_long_runs(np.ascontiguousarray(across.T), weight).T
        down &= ~_long_runs(down, weight)
    rules = across | down
    if not rules.any():
        return rules
    for _ in range(2):                     # and their grey fringe
        rules[1:] |= rules[:-1].copy()
        rules[:-1] |= rules[1:].copy()
        rules[:, 1:] |= rules[:, :-1].copy()
        rules[:, :-1] |= rules[:, 1:].copy()
    return rules


def remove_rules(image, dpi: int = DPI):
    """The image with ruled lines (table borders, frames) whitened, or None when it has none.

    Tesseract's layout analysis takes the text of a ruled table for a picture and
    drops it; without the rules it reads the cells. A form's character boxes ("one
    character per box") are taken away too, their letters set close as typed
    (`packed_combs`). Costs ~0.3 s a page (a page with boxes ~0.6 s), so it is a
    second attempt only.
    """
    a = np.asarray(image)
    packed = packed_combs(a, dpi)
    base = a if packed is None else packed
    rules = _rule_mask(base, dpi)
    if packed is None and not rules.any():
        return None
    out = base.copy()
    out[rules & (base < 230)] = 255
    from PIL import Image

    return Image.fromarray(out)


def _thin_runs(ink: np.ndarray, length: int, weight: int, *, across: bool) -> np.ndarray:
    """The pixels of INK on a straight run of LENGTH or more, across or down, at most WEIGHT thick."""
    near = ink.copy()
    if across:
        near[1:] |= ink[:-1]
        near[:-1] |= ink[1:]               # a slightly skewed stroke still makes one run
        runs = _long_runs(near, length)
        return runs & ~_long_runs(np.ascontiguousarray(runs.T), weight + 1).T
    near[:, 1:] |= ink[:, :-1]
    near[:, :-1] |= ink[:, 1:]
    runs = _long_runs(np.ascontiguousarray(near.T), length).T
    return runs & ~_long_runs(runs, weight + 1)


def _box_walls(across: np.ndarray, down: np.ndarray, shortest: int, tallest: int) -> list[list[int]]:
    """The walls of boxes: runs of DOWN from SHORTEST to TALLEST high whose both ends meet a rule
    of ACROSS, neighbouring columns with the same ends joined; each [x0, x1, top, bottom]. (A
    stroke crossing a thicker one is cut there: its pieces may be short.)"""
    reach = 3
    columns = []
    for x in np.flatnonzero(down.any(axis=0)):
        d = np.diff(np.concatenate(([0], down[:, x].view(np.int8), [0])))
        for y0, y1 in zip(np.flatnonzero(d == 1), np.flatnonzero(d == -1) - 1):
            if shortest <= y1 - y0 <= tallest and across[max(0, y0 - reach):y0 + reach + 1, x].any() \
                    and across[max(0, y1 - reach):y1 + reach + 1, x].any():
                columns.append((int(x), int(y0), int(y1)))
    walls: list[list[int]] = []
    for x, y0, y1 in columns:                 # by column, then top
        for w in walls:
            if x - w[1] <= 1 and abs(y0 - w[2]) <= 4 and abs(y1 - w[3]) <= 4:
                w[1], w[2], w[3] = x, min(w[2], y0), max(w[3], y1)
                break
        else:
            walls.append([x, x, y0, y1])
    return sorted(walls)


def _combs(a: np.ndarray, dpi: int) -> list[list[list[int]]]:
    """The rows of character boxes on grey image A: each the walls of COMB_MIN_CELLS or more boxes
    side by side, of a character's proportions (COMB_CELL), sharing their top and bottom rules."""
    ink = a < 160
    weight = max(2, int(RULE_MAX_WEIGHT * dpi))
    length = int(COMB_STROKE * dpi)
    across = _thin_runs(ink, length, weight, across=True)
    down = _thin_runs(ink, length, weight, across=False)
    walls = _box_walls(across, down, length, int(COMB_MAX_HEIGHT * dpi))

    def ruled(y: int, x0: int, x1: int) -> bool:
        band = across[max(0, y - 3):y + 4, x0:x1 + 1].any(axis=0)
        return band.size > 0 and band.mean() >= 0.9

    combs, used = [], set()
    for i, first in enumerate(walls):
        if i in used:
            continue
        chain = [first]
        for j in range(i + 1, len(walls)):
            w, last = walls[j], chain[-1]
            high, gap = last[3] - last[2], w[0] - last[1]
            if j in used or gap > COMB_CELL[1] * high:
                continue
            top, bottom = (w[2] + last[2]) // 2, (w[3] + last[3]) // 2
            if gap >= COMB_CELL[0] * high and abs(w[2] - last[2]) <= 6 and abs(w[3] - last[3]) <= 6 \
                    and ruled(top + 1, last[1], w[0]) and ruled(bottom - 1, last[1], w[0]) \
                    and not any(ruled(y, last[1], w[0]) for y in range(top + (bottom - top) // 4,
                                                                   bottom - (bottom - top) // 4, 3)):   # a table's rows
                chain.append(w)
                used.add(j)
        if len(chain) > COMB_MIN_CELLS:
            used.add(i)
            combs.append(chain)
    return combs


class _Piece(NamedTuple):
    """A character box's print: its extent on the page and which of its columns are print (from x0)."""

    x0: int
    x1: int
    y0: int
    y1: int
    cols: np.ndarray


def packed_combs(a: np.ndarray, dpi: int = DPI) -> np.ndarray | None:
    """Grey image A with its character boxes taken away and what they hold set close, as typed;
    None when it has none.

    Tesseract reads "N|G|U|Y|E|N" in boxes as junk ("c]efafofafafa]"), and with only the boxes
    whitened, as letters a box apart. Each box's print is moved left to follow the one before
    at a letter's spacing; an empty box between two filled ones is a space ("THI HOA"). Combs
    on one line a little apart ("06 / 22 / 2026") are one value, the print between them kept.
    """
    h, w = a.shape
    a2 = a[:h // 2 * 2, :w // 2 * 2]
    half = np.minimum(np.minimum(a2[0::2, 0::2], a2[0::2, 1::2]), np.minimum(a2[1::2, 0::2], a2[1::2, 1::2]))
    combs = [[[x0 * 2, x1 * 2 + 1, y0 * 2, y1 * 2 + 1] for x0, x1, y0, y1 in comb]       # found at half the dpi
             for comb in _combs(half, dpi // 2)]
    if not combs:
        return None
    out, packed = a.copy(), False
    rows: list[list[list[list[int]]]] = []
    for comb in sorted(combs, key=lambda c: c[0][0]):
        high = comb[0][3] - comb[0][2]
        for row in rows:
            last = row[-1][-1]
            if abs(comb[0][2] - last[2]) <= 8 and 0 <= comb[0][0] - last[1] <= COMB_ROW_GAP * high:
                row.append(comb)
                break
        else:
            rows.append([comb])
    for row in rows:
        walls = [w for comb in row for w in comb]
        top, bottom = min(w[2] for w in walls), max(w[3] for w in walls)
        edge = max(4, int(0.12 * (walls[0][3] - walls[0][2])))
        pieces: list[_Piece | None] = []   # the print between two walls, or None
        for left, right in zip(walls, walls[1:]):
            x0, x1 = left[1] + 6, right[0] - 6
            y0, y1 = max(left[2], right[2]) + edge, min(left[3], right[3]) - edge
            if x1 <= x0 or y1 <= y0:
                continue
            inked = (a[y0:y1, x0:x1] < 160).sum(axis=0)
            inked[inked >= 0.95 * (y1 - y0)] = 0       # a wall's grey edge or a fax streak, not print
            cols = np.flatnonzero(inked >= 2)
            # Columns of print a few apart are one character's (a streak through it was taken out).
            runs = np.split(cols, np.flatnonzero(np.diff(cols) > COMB_GLYPH_GAP) + 1) if cols.size else []
            runs = [r for r in runs if inked[r].sum() >= COMB_SPECK]      # a speck is no print
            if not runs or sum(inked[r].sum() for r in runs) < 0.01 * inked.size * (y1 - y0):
                pieces.append(None)
                continue
            pieces.append(_Piece(x0 + runs[0][0], x0 + runs[-1][-1] + 1, y0, y1, np.concatenate(runs) - runs[0][0]))
            if len(runs) > 1 or runs[-1][-1] - runs[0][0] > COMB_GLYPH * (left[3] - left[2]):
                break                      # more than a character: a table's narrow cells ("23" | "45")
        else:
            packed |= _pack(out, a, walls, pieces, top, bottom, edge)
    return out if packed else None


def _pack(out: np.ndarray, a: np.ndarray, walls: list[list[int]], pieces: list[_Piece | None], top: int,
          bottom: int, edge: int) -> bool:
    """One row of character boxes (WALLS) whitened on OUT and its PIECES of print (from A) set close."""
    high = bottom - top
    while pieces and pieces[-1] is None:
        pieces.pop()
    region = out[max(0, top - 2):bottom + 3, walls[0][0] - 2:walls[-1][1] + 3]
    region[...] = np.percentile(region, 90)          # the paper's own grey (a shaded office box)
    x = walls[0][0] + edge
    for piece in pieces:
        if piece is None:
            x += int(0.45 * high)
            continue
        cols = piece.cols                          # only the columns of print: not a streak between them
        target = out[piece.y0:piece.y1, x:x + piece.x1 - piece.x0]
        target[:, cols] = np.minimum(target[:, cols], a[piece.y0:piece.y1, piece.x0:piece.x1][:, cols])
        x += piece.x1 - piece.x0 + max(2, int(0.1 * high))
    return True


DESPECKLE_SIZE = 7               # pixels at 300 dpi: a fax's dither and fine print go, a banner's strokes stay


def unread_lines(image_path: Path, words: list[Word], *, seconds: float, top: int = 0,
                 limit: int = UNREAD_LINES, despeckle: bool = False) -> list[Word]:
    """Lines of print the page's reading left out, each read on its own; their words, placed on the page.

    Tesseract's layout analysis takes some print for a picture and reads nothing of it: a
    name set large in a dithered italic over a rule, a banner. What ink is left once the
    words read, the ruled lines and everything above TOP are whitened is cut into bands of
    rows, and each band into runs of columns; a run at least UNREAD_MIN_ASPECT times as wide
    as high, of the height of print (UNREAD_MIN_HEIGHT to UNREAD_MAX_HEIGHT inches; ink that
    runs down further, a shadow at the sheet's edge, is left out first) and not
    a solid block (a photo, a seal, UNREAD_MAX_DENSITY) is read as one line, the tallest
    first, up to LIMIT of them. Words come back with the run's block number above any of
    the page's, so each run is a line of its own.

    With DESPECKLE the page is first cleared of ink finer than DESPECKLE_SIZE (a median filter):
    a fax's dither of a grey panel, over which a name is set large in black, is one solid run
    of ink until then, and only print that large is left to read.
    """
    import pytesseract
    from PIL import Image, ImageFilter

    start = time.monotonic()
    with Image.open(image_path) as img:
        grey = img.convert("L")
        if despeckle:
            grey = grey.filter(ImageFilter.MedianFilter(DESPECKLE_SIZE))
        a = np.asarray(grey)
    h, w = a.shape
    rest = _ink_left_unread(a, words, solid=max(4, int(UNREAD_SOLID * DPI)))
    rest[:max(0, top)] = False
    # Ink running down further than a banner's letters is a scanner's shadow at the sheet's edge
    # or a streak: left in, it would make the whole page one band of rows.
    rest &= ~_long_runs(np.ascontiguousarray(rest.T), int(UNREAD_MAX_HEIGHT * DPI)).T
    rows = rest.sum(axis=1) >= max(4, UNREAD_ROW_INK * w)
    rows = np.convolve(rows, np.ones(5), mode="same") > 0          # a row or two of a letter's gap
    runs = []
    y = 0
    while y < h:
        if not rows[y]:
            y += 1
            continue
        y1 = y
        while y1 < h and rows[y1]:
            y1 += 1
        band = y1 - y
        if UNREAD_MIN_HEIGHT * DPI <= band <= UNREAD_MAX_HEIGHT * DPI:
            cols = rest[y:y1].any(axis=0)
            xs = np.flatnonzero(cols)
            gap = 1.5 * band
            x0 = prev = None
            for x in [*xs.tolist(), None]:
                if x is not None and prev is not None and x - prev <= gap:
                    prev = x
                    continue
                if x0 is not None and prev - x0 >= UNREAD_MIN_ASPECT * band:
                    density = rest[y:y1, x0:prev + 1].mean()
                    if density <= UNREAD_MAX_DENSITY:
                        runs.append((x0, y, prev + 1, y1))
                x0 = prev = x
        y = y1
    out: list[Word] = []
    block = max((wd.block for wd in words), default=0) + 1
    for x0, y0, x1, y1 in sorted(runs, key=lambda r: r[3] - r[1], reverse=True)[:limit]:
        left = seconds - (time.monotonic() - start)
        if left < 1:
            break
        m = (y1 - y0) // 3
        box = (max(0, x0 - m), max(0, y0 - m), min(w, x1 + m), min(h, y1 + m))
        crop = a[box[1]:box[3], box[0]:box[2]].copy()
        crop[~rest[box[1]:box[3], box[0]:box[2]] & (crop < 230)] = 255      # the read words, rules and specks around
        try:
            hocr = hocr_of(Image.fromarray(crop), REREAD_CONFIG, left)
        except (pytesseract.TesseractError, RuntimeError):
            break
        for text, conf, (bx0, by0, bx1, by1) in _hocr_placed(hocr):
            got = Word(text, conf, box[0] + bx0, box[1] + by0, bx1 - bx0, by1 - by0, block, 1, 1)
            beside = _line_beside(got, words)
            if beside is not None:
                got.block, got.par, got.line = beside.block, beside.par, beside.line
            out.append(got)
        block += 1
    return out


def unread_mark_before(image_path: Path, box: tuple[float, float, float, float], words: list[Word]) -> bool:
    """Whether a character's stroke stands just before BOX (within LOST_GLYPH_GAP of its height)
    outside every word read: a character the reading left out of the value. Tesseract read the
    "11" of "11/8/2025" in Times as a "|" and "1/8/2025", sure at 96: the first "1" stood a
    space's width before the date's box, read as a cell's border. A stroke runs down at least
    LOST_GLYPH_INK of the middle of the line and stops within it: a speck is shorter, and a
    fax's streak or a rule runs on above and below the line. Only the strip before BOX is
    decoded and converted, not the page."""
    from PIL import Image

    x0, y0, x1, y1 = (int(round(v)) for v in box)
    h = max(y1 - y0, 8)
    left, reach = max(0, x0 - int(LOST_GLYPH_GAP * h)), int(0.4 * h)
    if x0 - left < 4:
        return False
    with Image.open(image_path) as img:
        top = max(0, y0 - reach)
        tall = np.asarray(img.crop((left, top, x0, min(img.height, y1 + reach))).convert("L")) < 128
    margin = int(LOST_GLYPH_MARGIN * h)
    for w in words:             # the words read beside it (and ink of theirs just past their box)
        if w.left < x0 and w.left + w.width + margin > left and w.top < y1 and w.top + w.height > y0 \
                and any(ch.isalnum() for ch in w.text):             # are no lost character; a lone "|" is no word
            tall[:, max(0, w.left - left):max(0, min(x0, w.left + w.width + margin) - left)] = False
    band = tall[y0 - top:y0 - top + h]
    mid = band[int(0.2 * h):int(0.8 * h) + 1]
    stroke = mid.sum(axis=0) >= LOST_GLYPH_INK * mid.shape[0]
    beyond = tall[:max(0, y0 - top - int(0.2 * h))].any(axis=0) & tall[y0 - top + h + int(0.2 * h):].any(axis=0)
    return bool((stroke & ~beyond).sum() >= 2)


def unread_print_after(image_path: Path, box: tuple[float, float, float, float], words: list[Word]) -> int | None:
    """The right edge (pixels) of print standing right after BOX on its line, within
    LOST_GLYPH_GAP of its height, that no word read covers: the rest of a word the reading cut
    short ("Halvo" read of "Halvorsen", a fax's streak through its "r"); None when there is none.
    The print runs on to the first gap wider than half the line's height. Ink that runs on above
    and below the line (a streak, a rule's stub) is no print."""
    from PIL import Image

    x0, y0, x1, y1 = (int(round(v)) for v in box)
    h = max(y1 - y0, 8)
    with Image.open(image_path) as img:
        right = min(img.width, x1 + 12 * h)
        if right - x1 < 4:
            return None
        reach = int(0.4 * h)
        top = max(0, y0 - reach)
        tall = np.asarray(img.crop((x1, top, right, min(img.height, y1 + reach))).convert("L")) < 128
    for w in words:             # the words read beside it
        if w.left + w.width > x1 and w.left < right and w.top < y1 and w.top + w.height > y0:
            tall[:, max(0, w.left - x1):max(0, w.left + w.width - x1)] = False
    band = tall[y0 - top:y0 - top + h]
    beyond = tall[:max(0, y0 - top - int(0.2 * h))].any(axis=0) & tall[y0 - top + h + int(0.2 * h):].any(axis=0)
    inked = band[int(0.2 * h):int(0.8 * h) + 1].any(axis=0) & ~beyond
    cols = np.flatnonzero(inked)
    if not cols.size or cols[0] > LOST_GLYPH_GAP * h:
        return None
    end = cols[0]
    for c in cols[1:]:
        if c - end > 0.5 * h:
            break
        end = c
    return x1 + int(end) + 1 if end - cols[0] >= 0.2 * h else None


def _ink_left_unread(a: np.ndarray, words: list[Word], solid: int | None = None) -> np.ndarray:
    """The ink of grey page A that the reading's WORDS (and a margin around each) do not cover,
    thin ruled lines left out; with SOLID, squares that size nearly all ink (fills) left out too."""
    rest = a < 128
    rest &= ~_rule_mask(a, thin=True)
    if solid is not None:
        rest &= ~_solid(rest, solid)
    # A word Tesseract boxed a sliver of its line's height (a fax's "Mariana" 2 pixels high beside
    # "Castillo" 190) covers its line's height: its ink was read.
    spans: dict[tuple[int, int, int], tuple[int, int]] = {}
    for wd in words:
        top, bottom = spans.get((wd.block, wd.par, wd.line), (wd.top, wd.top + wd.height))
        spans[(wd.block, wd.par, wd.line)] = (min(top, wd.top), max(bottom, wd.top + wd.height))
    for wd in words:
        top, bottom = wd.top, wd.top + wd.height
        line_top, line_bottom = spans[(wd.block, wd.par, wd.line)]
        if wd.height < SLIVER * (line_bottom - line_top):
            top, bottom = line_top, line_bottom
        m = max(2, int(0.3 * (bottom - top)))
        rest[max(0, top - m):bottom + m, max(0, wd.left - m):wd.left + wd.width + m] = False
    return rest


def turned_print(image_path: Path, words: list[Word], *, seconds: float,
                 limit: int = TURNED_PATCHES) -> list[tuple[Path, list[Word]]]:
    """Patches of print the page's reading left out that stand turned (a rubber stamp pressed
    askew: "COURSE CS52044" at 8 degrees), each cut out, turned level and read as one block:
    (path of the levelled patch, its words in the patch's pixels), the largest first.

    What ink is left once the words read and the thin ruled lines are whitened is gathered in
    cells of TURNED_CELL pixels into patches; a patch of a stamp's size (TURNED_MIN to
    TURNED_MAX inches across) whose print slopes between SKEW_LIMIT and TURNED_LIMIT degrees
    is read (print nearer level is `unread_lines`' and the page's levelling's business).
    """
    import pytesseract
    from PIL import Image

    start = time.monotonic()
    with Image.open(image_path) as img:
        page = img.convert("L")
    rest = _ink_left_unread(np.asarray(page), words)
    out: list[tuple[Path, list[Word]]] = []
    for n, (x0, y0, x1, y1) in enumerate(_patches(rest, TURNED_CELL)):
        if len(out) >= limit or seconds - (time.monotonic() - start) < 1:
            break
        across, down = (x1 - x0) / DPI, (y1 - y0) / DPI
        if not (TURNED_MIN[0] <= across <= TURNED_MAX[0] and TURNED_MIN[1] <= down <= TURNED_MAX[1]):
            continue
        m = TURNED_CELL * 2
        crop = page.crop((max(0, x0 - m), max(0, y0 - m), min(page.width, x1 + m), min(page.height, y1 + m)))
        angle = skew_angle(crop, limit=TURNED_LIMIT, step=TURNED_STEP)
        if abs(angle) < SKEW_LIMIT:
            continue
        level = crop.rotate(-angle, resample=Image.BICUBIC, fillcolor=255, expand=True)
        path = Path(image_path).with_name(f"{Path(image_path).stem}-turned{n}{Path(image_path).suffix}")
        level.save(path)
        try:
            got = _words(path, seconds - (time.monotonic() - start), config=TURNED_CONFIG)
        except (pytesseract.TesseractError, RuntimeError):
            continue
        if got:
            out.append((path, got))
    return out


def standing_print(image_path: Path, words: list[Word], *, seconds: float,
                   limit: int = STANDING_PATCHES) -> PageOcr | None:
    """The page read with its print set standing (turned a quarter: "PRESENTED TO / DIEGO SANDOVAL"
    running up a dark band down the page's edge, a course line up the margin) turned level: None
    when the page has none that reads, or no time is left.

    A region is a solid dark panel (its print white: turned black on white, as `ocr_reversed`
    does) or a patch of ink the page's reading left out, at least STANDING_ASPECT times as tall
    as wide and STANDING_MIN_HEIGHT inches tall, the tallest first, up to LIMIT. Each is read
    as it stands and turned a quarter each way; the way read with the highest mean confidence is
    taken when it is a quarter turn and reaches STANDING_CONFIDENCE (print upright in a narrow
    column, or a picture, does not). The reading returned is the page's WORDS, less any read
    inside a region taken, and each region's words turned level, placed on a copy of the page
    grown downwards where the region stands again turned level below it (STANDING_GAP apart):
    every word's box is its print's on that copy, so that looking at a value again, or showing
    the page to staff, sees what was read. A reading whose words mostly stand (taller than wide)
    is no turned print: Tesseract reads a column's upright lines in a copy turned either way so.
    """
    import pytesseract
    from PIL import Image

    start = time.monotonic()
    with Image.open(image_path) as img:
        page = img.convert("L")
    a = np.asarray(page)
    tall = int(STANDING_MIN_HEIGHT * DPI)

    def standing(x0: int, y0: int, x1: int, y1: int) -> bool:
        return y1 - y0 >= max(tall, STANDING_ASPECT * (x1 - x0))

    regions: list[tuple[tuple[int, int, int, int], np.ndarray]] = []
    panels = [(box, inside) for box, inside in _dark_panels(a) if standing(*box)]
    for (x0, y0, x1, y1), inside in panels:
        regions.append(((x0, y0, x1, y1), _turned_light(a[y0:y1, x0:x1], inside)))
    # Tesseract's layout reads some print set standing on its own, as words taller than wide, mostly
    # garbled ("ASHYNOD ADV" for "ACE COURSE" running down): their ink counts as left unread.
    # So do the other words of their lines (a "·" between them read as "-").
    lines = {(w.block, w.par, w.line) for w in words if w.height > w.width and sum(ch.isalnum() for ch in w.text) >= 2}
    upright = [w for w in words if (w.block, w.par, w.line) not in lines]
    rest = _ink_left_unread(a, upright)
    for x0, y0, x1, y1 in _column_patches(_patches(rest, TURNED_CELL), int(STANDING_JOIN * DPI)):
        if not standing(x0, y0, x1, y1) or any(x0 < p[2] and p[0] < x1 and y0 < p[3] and p[1] < y1
                                                for p, _ in panels):
            continue
        m = TURNED_CELL
        box = (max(0, x0 - m), max(0, y0 - m), min(a.shape[1], x1 + m), min(a.shape[0], y1 + m))
        cut = a[box[1]:box[3], box[0]:box[2]].copy()
        cut[~rest[box[1]:box[3], box[0]:box[2]] & (cut < 230)] = 255      # words read beside it, rules
        regions.append((box, cut))
    regions = sorted(regions, key=lambda r: r[0][1] - r[0][3])[:limit]

    taken: list[tuple[tuple[int, int, int, int], Image.Image, list[Word]]] = []
    path = Path(image_path)
    for n, (box, cut) in enumerate(regions):
        readings = []
        for turn in (None, Image.Transpose.ROTATE_270, Image.Transpose.ROTATE_90):
            left = seconds - (time.monotonic() - start)
            if left < 1:
                return None
            turned = Image.fromarray(cut)
            if turn is not None:
                turned = turned.transpose(turn)
            q = path.with_name(f"{path.stem}-standing{n}{path.suffix}")
            turned.save(q)
            try:
                got = _words(q, left)
            except (pytesseract.TesseractError, RuntimeError):
                got = []
            readable = [w for w in got if sum(ch.isalnum() for ch in w.text) >= 2]
            # Tesseract reads a column of lines standing in the copy turned the wrong way too:
            # words taller than wide are the print as it stands, not turned level.
            conf = _quality(readable)[0] if readable and not _standing(readable) else 0.0
            readings.append((conf, turn, turned, got))
        conf, turn, turned, got = max(readings, key=lambda r: r[0])     # as it stands, on a tie
        if turn is not None and conf >= STANDING_CONFIDENCE:
            taken.append((box, turned, got))
    if not taken:
        return None

    gap = int(STANDING_GAP * DPI)
    width = max(page.width, *(t.width for _, t, _ in taken))
    height = page.height + sum(gap + t.height for _, t, _ in taken)
    whole = Image.new("L", (width, height), 255)
    whole.paste(page, (0, 0))
    out = [w for w in words if not any(b[0] <= w.left + w.width / 2 <= b[2] and b[1] <= w.top + w.height / 2 <= b[3]
                                       for b, _, _ in taken)]
    block = max((w.block for w in words), default=0) + 1
    y = page.height
    for _box, turned, got in taken:
        y += gap
        whole.paste(turned, (0, y))
        first = min(w.block for w in got)
        out += [Word(w.text, w.conf, w.left, w.top + y, w.width, w.height, block + w.block - first, w.par, w.line)
                for w in got]
        block += max(w.block for w in got) - first + 1
        y += turned.height
    q = path.with_name(f"{path.stem}-standing{path.suffix}")
    whole.save(q)
    return PageOcr(out, 0, seconds=time.monotonic() - start, image_path=q)


def _column_patches(boxes: list[tuple[int, int, int, int]], gap: int) -> list[tuple[int, int, int, int]]:
    """BOXES joined where one stands above another in the same column (their spans across
    overlap) at most GAP pixels apart: the parts of a line set standing, parted by wide spaces
    ("ACE COURSE CS 52044  ·  0.5 CEC"), are one line."""
    boxes = list(boxes)
    joined = True
    while joined:
        joined = False
        for i, a in enumerate(boxes):
            for j in range(i + 1, len(boxes)):
                b = boxes[j]
                if a[0] < b[2] and b[0] < a[2] and max(a[1], b[1]) - min(a[3], b[3]) <= gap:
                    boxes[i] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                    del boxes[j]
                    joined = True
                    break
            if joined:
                break
    return boxes


def _patches(mask: np.ndarray, cell: int) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels) of the patches MASK's ink makes, gathered in cells of CELL pixels (a cell
    with a few inked pixels is inked; cells a cell apart join), the most cells first."""
    h, w = mask.shape
    gh, gw = h // cell, w // cell
    if not gh or not gw:
        return []
    g = mask[:gh * cell, :gw * cell].reshape(gh, cell, gw, cell).sum(axis=(1, 3)) >= 3
    d = g.copy()
    d[1:] |= g[:-1]
    d[:-1] |= g[1:]
    d[:, 1:] |= g[:, :-1]
    d[:, :-1] |= g[:, 1:]
    found = []
    for cells in _components(d):
        ys, xs = zip(*cells)
        found.append((len(cells), (min(xs) * cell, min(ys) * cell, (max(xs) + 1) * cell, (max(ys) + 1) * cell)))
    return [box for _, box in sorted(found, key=lambda f: -f[0])]


def _components(grid: np.ndarray) -> list[list[tuple[int, int]]]:
    """The cells (y, x) of each group of set cells of GRID joined side by side."""
    h, w = grid.shape
    seen = np.zeros_like(grid)
    out = []
    for y, x in zip(*np.nonzero(grid)):
        if seen[y, x]:
            continue
        seen[y, x] = True
        stack, cells = [(int(y), int(x))], []
        while stack:
            cy, cx = stack.pop()
            cells.append((cy, cx))
            for ny, nx in ((cy + 1, cx), (cy - 1, cx), (cy, cx + 1), (cy, cx - 1)):
                if 0 <= ny < h and 0 <= nx < w and grid[ny, nx] and not seen[ny, nx]:
                    seen[ny, nx] = True
                    stack.append((ny, nx))
        out.append(cells)
    return out


def _solid(ink: np.ndarray, size: int) -> np.ndarray:
    """The pixels of INK in a SIZE x SIZE square that is nine tenths inked or more: a filled box, a
    photo, a dark band (no stroke of print is that thick), by sums over an integral image."""
    h, w = ink.shape
    if h < size or w < size:
        return np.zeros_like(ink)
    c = np.zeros((h + 1, w + 1), np.int32)
    np.cumsum(np.cumsum(ink, axis=0, dtype=np.int32), axis=1, out=c[1:, 1:])
    full = (c[size:, size:] - c[:-size, size:] - c[size:, :-size] + c[:-size, :-size]) >= 0.9 * size * size
    if not full.any():
        return np.zeros_like(ink)
    g = np.zeros((h + 1, w + 1), np.int32)      # each full square's pixels: a square's sum of "starts here"
    starts = np.zeros((h, w), np.int32)
    starts[:full.shape[0], :full.shape[1]] = full
    np.cumsum(np.cumsum(starts, axis=0), axis=1, out=g[1:, 1:])
    ys, xs = np.arange(h), np.arange(w)
    y0, x0 = np.maximum(ys - size + 1, 0), np.maximum(xs - size + 1, 0)
    covered = (g[ys + 1][:, xs + 1] - g[y0][:, xs + 1] - g[ys + 1][:, x0] + g[y0][:, x0]) > 0
    return covered & ink


def _line_beside(word: Word, words: list[Word]) -> Word | None:
    """The nearest word of WORDS on the same line as WORD (each one's middle within the other's
    height): "Holloway" read on its own goes on the line of the "Jessica" the page's reading held."""
    mid = word.top + word.height / 2
    level = [w for w in words if w.top <= mid <= w.top + w.height and word.top <= w.top + w.height / 2 <= word.top + word.height]
    if not level:
        return None
    return min(level, key=lambda w: max(w.left - (word.left + word.width), word.left - (w.left + w.width), 0))


def skew_angle(image, limit: float = SKEW_LIMIT, step: float = SKEW_STEP) -> float:
    """Degrees the page's lines slope (positive: they rise to the right, as PIL turns), by projection.

    The ink of a quarter-size copy is projected on the vertical at each angle tried; the
    lines of text and the rules of a table line up (the sharpest profile) at the true
    slope. Solid ink is left out: a scanner's shadow along the top or bottom edge is a
    band of it that would make any page level. A few hundredths of a second.
    """
    small = np.asarray(image.reduce(4))
    ink = small < 128
    ink &= ~_solid(ink, SKEW_SOLID)
    ys, xs = np.nonzero(ink)
    if len(ys) < 50:
        return 0.0
    best, best_score = 0.0, -1.0
    for angle in np.arange(-limit, limit + step / 2, step):
        y = np.round(ys + xs * np.tan(np.radians(angle))).astype(np.int64)
        counts = np.bincount(y - y.min())
        score = float(np.dot(counts, counts))
        if score > best_score:
            best, best_score = float(angle), score
    return round(best, 2)


def straightened(image):
    """The page turned level (a skewed scan), or None when it is level within SKEW_MIN degrees."""
    from PIL import Image

    angle = skew_angle(image)
    if abs(angle) < SKEW_MIN:
        return None
    return image.rotate(-angle, resample=Image.BICUBIC, fillcolor=255)


def _levelled_without_rules(image):
    """The page turned level and its ruled lines removed; None when it is level and has no rules."""
    levelled = straightened(image)
    if levelled is None:
        return remove_rules(image)
    clean = remove_rules(levelled)
    return levelled if clean is None else clean


def _unruled_copy(image_path: Path) -> Path | None:
    """A levelled copy of the page image without its ruled lines, beside it; None when there is none."""
    from PIL import Image

    with Image.open(image_path) as img:
        clean = _levelled_without_rules(img)
    if clean is None:
        return None
    out = image_path.with_name(f"{image_path.stem}-plain{image_path.suffix}")
    clean.save(out)
    return out


def ticked_row(image_path: Path, rows: list[tuple[float, float, float, float]]) -> int | None:
    """Of ROWS (the boxes of a column's values, one a row, in pixels of the upright image), the
    one whose box left of it holds a tick: the ink just left of each value, from TICK_REACH of its
    height away to half a height, on its row. Each row's strip holds the same box outline and
    rules; the ticked one holds TICK_MORE times the rows' median ink and a stroke's worth more
    (TICK_INK of a height squared), and no other row holds half as much over the median. None
    when no row or more than one stands out so, or the strips hold no outline (no boxes)."""
    from PIL import Image

    if len(rows) < 3:
        return None
    with Image.open(image_path) as img:
        a = np.asarray(img.convert("L")) < 128
    strips = tick_strips(rows)
    height = float(np.median([y1 - y0 for _x0, y0, _x1, y1 in rows]))
    counts = [int(a[max(0, int(top)):int(bottom), max(0, int(left)):int(right)].sum())
              for left, top, right, bottom in strips]
    order = sorted(range(len(counts)), key=lambda k: counts[k], reverse=True)
    median = float(np.median(counts))
    first, second = counts[order[0]], counts[order[1]]
    if median < TICK_OUTLINE * height * height:
        return None                 # nothing left of the values: no column of boxes
    if first < TICK_MORE * median or first - median < TICK_INK * height * height \
            or second - median > 0.5 * (first - median):
        return None
    return order[0]


def tick_strips(rows: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """The box (x0, y0, x1, y1) left of each of ROWS (a column's values, one a row) where its tick
    box stands: from TICK_REACH of the rows' height left of the column to half a height, and a
    little over and under the value's own height."""
    height = float(np.median([y1 - y0 for _x0, y0, _x1, y1 in rows]))
    right = min(x0 for x0, _y0, _x1, _y1 in rows) - 0.5 * height
    left = right - TICK_REACH * height
    return [(left, y0 - 0.15 * height, right, y1 + 0.15 * height) for _x0, y0, _x1, y1 in rows]


TICK_REACH = 4.0       # heights left of a column's values where its boxes stand, at most
TICK_MORE = 1.4        # a ticked box's ink, of the median row's at least
TICK_INK = 0.2         # ink a tick adds, of the row's height squared at least
TICK_OUTLINE = 0.3     # ink of a box's outline and the rules beside it, of the height squared at least


def reversed_panels(a: np.ndarray, dpi: int = DPI) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1, in pixels) of the page's solid dark panels, where print may stand in white
    ("AWARDED TO / Lena Eriksen" down a black band): REVERSED_CELL squares at least
    REVERSED_DARK inked, joined side by side, REVERSED_FILL solid (`_solidity`), whose box is at least
    REVERSED_SIDES (a banner of a line or two of print, a column down the page). Tesseract takes
    such a panel for a picture and reads nothing in it."""
    return [box for box, _inside in _dark_panels(a, dpi)]


def _dark_panels(a: np.ndarray, dpi: int = DPI) -> list[tuple[tuple[int, int, int, int], np.ndarray]]:
    """`reversed_panels`, each with a mask of its box's pixels that are the panel's: a panel printed
    askew leaves paper in its box's corners, which turned dark would read as a picture again."""
    cell = max(4, int(REVERSED_CELL * dpi))
    h, w = a.shape[0] // cell, a.shape[1] // cell
    if not h or not w:
        return []
    dark = (a[:h * cell, :w * cell] < 128).reshape(h, cell, w, cell).mean(axis=(1, 3)) >= REVERSED_DARK
    dark = _closed(dark, REVERSED_CLOSE)        # a line of white print across the panel does not part it
    out = []
    for cells in _components(dark):
        ys, xs = [c[0] for c in cells], [c[1] for c in cells]
        y0, y1, x0, x1 = min(ys), max(ys) + 1, min(xs), max(xs) + 1
        short, long = sorted(((y1 - y0) * cell / dpi, (x1 - x0) * cell / dpi))
        if short < REVERSED_SIDES[0] or long < REVERSED_SIDES[1] or _solidity(ys, xs) < REVERSED_FILL:
            continue
        own = np.zeros((y1 - y0, x1 - x0), dtype=bool)
        own[np.array(ys) - y0, np.array(xs) - x0] = True
        inside = np.repeat(np.repeat(own, cell, axis=0), cell, axis=1)
        out.append(((x0 * cell, y0 * cell, x1 * cell, y1 * cell), inside))
    return out


def _solidity(ys: list[int], xs: list[int]) -> float:
    """How solid a group of cells (rows YS, columns XS) is: its cells' share of what lies between its
    ends along each column, or along each row, whichever is less. A panel printed askew is as solid as
    a level one (its box would hold paper at its corners); a photo or a logo has holes either way."""
    def share(along: list[int], across: list[int]) -> float:
        ends: dict[int, list[int]] = {}
        for a, b in zip(along, across):
            lo_hi = ends.setdefault(a, [b, b])
            lo_hi[0], lo_hi[1] = min(lo_hi[0], b), max(lo_hi[1], b)
        return len(along) / sum(hi - lo + 1 for lo, hi in ends.values())

    return min(share(xs, ys), share(ys, xs))


def _closed(mask: np.ndarray, steps: int) -> np.ndarray:
    """MASK dilated then eroded STEPS cells each way (a morphological closing): gaps that narrow filled."""
    def grow(m: np.ndarray, fill: bool) -> np.ndarray:
        out = m.copy()
        op = np.logical_or if fill else np.logical_and
        out[1:] = op(out[1:], m[:-1])
        out[:-1] = op(out[:-1], m[1:])
        row = out.copy()
        out[:, 1:] = op(out[:, 1:], row[:, :-1])
        out[:, :-1] = op(out[:, :-1], row[:, 1:])
        return out

    out = mask
    for _ in range(steps):
        out = grow(out, True)
    for _ in range(steps):
        out = grow(out, False)
    return out | mask


def _turned_light(box: np.ndarray, inside: np.ndarray) -> np.ndarray:
    """A dark panel's pixels BOX (INSIDE: those that are the panel's) turned light: its print black
    on white, not grey (a grey panel turned over is a grey panel, and Tesseract takes a grey box
    for a picture too). The paper in an askew panel's corners stays paper."""
    print_from = (float(np.median(box[inside])) + 255) / 2
    return np.where(inside & (box > print_from), 0, 255).astype(np.uint8)


def ocr_reversed(image_path: Path, *, seconds: float, unruled: bool = False) -> PageOcr | None:
    """Read the page again with its solid dark panels turned light (white print made black on white),
    and with `unruled` its rules taken away too; None when it has no panel (or no time, or with
    `unruled` no rules)."""
    from PIL import Image

    start = time.monotonic()
    with Image.open(image_path) as img:
        a = np.asarray(img.convert("L"))
    panels = _dark_panels(a)
    if not panels:
        return None
    out = a.copy()
    for (x0, y0, x1, y1), inside in panels:
        out[y0:y1, x0:x1] = _turned_light(out[y0:y1, x0:x1], inside)
    turned = Image.fromarray(out)
    if not unruled:
        return _read_copy(turned, image_path, "reversed", start, seconds)
    # A panel turned light leaves the rules between its cells black, as the page's own are: both
    # are taken away, as for the reading without rules (a table's cells read as cells).
    clean = remove_rules(turned)
    return None if clean is None else _read_copy(clean, image_path, "reversed-unruled", start, seconds)


def ocr_without_rules(image_path: Path, *, seconds: float, level: bool = False) -> PageOcr | None:
    """Read the upright page again with its ruled lines removed; None when it has none (or no time).

    With `level`, the page is first turned level, and read even without rules; None when
    it is level already. A table's rules a few degrees askew make no long straight run of
    ink, so only a levelled page gives up all its rules (and Tesseract its cells).
    """
    from PIL import Image

    start = time.monotonic()
    with Image.open(image_path) as img:
        clean = _levelled_without_rules(img) if level else remove_rules(img)
    if clean is None:
        return None
    return _read_copy(clean, image_path, "level" if level else "unruled", start, seconds)


def _read_copy(image, image_path: Path, name: str, start: float, seconds: float) -> PageOcr | None:
    """IMAGE, a changed copy of the page at IMAGE_PATH, saved beside it as "<stem>-NAME" and read;
    None when less than a second of SECONDS (counted from START) is left, or Tesseract fails."""
    import pytesseract

    path = Path(image_path)
    path = path.with_name(f"{path.stem}-{name}{path.suffix}")
    image.save(path)
    left = seconds - (time.monotonic() - start)
    if left < 1:
        return None
    try:
        words = _words(path, left)
    except (pytesseract.TesseractError, RuntimeError):
        return None
    return PageOcr(words, 0, seconds=time.monotonic() - start, image_path=path)


def reread(image_path: Path, box: tuple[float, float, float, float], *, seconds: float,
           smooth: bool = False, enlarge: bool = False, figure: bool = False, despeckle: bool = False) -> list[Word]:
    """A second, independent reading of one value: its box cut out and read as a single line.

    Tesseract's word confidence is low for some perfectly clear codes (`CEP123456`
    read in a sentence may score 20); the same value read again on its own, in a
    different page segmentation, confirms it or not. With `smooth`, the cut-out is
    read at twice the size through a 3 x 3 mean (a median would close small counters):
    grain and jagged edges go, a third reading that differs from both others in how
    the pixels look. With `enlarge`, at twice the size as it is: thin strokes of a small
    print get more pixels, which settles some characters the first look doubted. With
    `figure`, only digits and a point are read (a credit figure whose large point the page's
    reading took for "@"). With `despeckle`, specks thinner than the print's strokes are opened
    away (a speck touching the "5" of "08/03/2025" kept every reading of it at 94); nothing is
    read when the print is too thin for that to leave its strokes whole. The words' boxes are
    the page's pixels, whatever the cut-out and its size.
    """
    import pytesseract
    from PIL import Image, ImageFilter

    x0, y0, x1, y1 = box
    h = max(y1 - y0, 8)
    with Image.open(image_path) as img:
        left, right = max(0, int(x0 - 0.6 * h)), min(img.width, int(x1 + 0.6 * h))
        top = max(0, int(y0 - 0.4 * h))
        crop = img.crop((left, top, right, min(img.height, int(y1 + 0.4 * h))))
    crop = _without_neighbours(_centre_line(crop), int(x0) - left, int(x1) - left, h)
    if despeckle:
        crop = _opened(crop)
        if crop is None:
            return []
    if smooth:
        crop = crop.filter(ImageFilter.BoxBlur(1))
    if smooth or enlarge:
        crop = crop.resize((crop.width * 2, crop.height * 2), Image.LANCZOS)
    try:
        hocr = hocr_of(crop, (FIGURE_CONFIG if figure else REREAD_CONFIG) + CHAR_BOXES, seconds)
    except (pytesseract.TesseractError, RuntimeError):
        return []
    return hocr_words(hocr, (left, top), 2 if smooth or enlarge else 1)


def read_figure_in(image_path: Path, box: tuple[float, float, float, float], *, seconds: float,
                   level: bool = False) -> list[Word]:
    """The figure inside BOX and nothing else (no margin: what is around it is another line's),
    its ink trimmed to and padded by a third of its height, read as digits and a point only.
    A calendar tile's day set large under its month strip is such a figure. With LEVEL, the
    box is first turned level by the page's slope: a credit figure's big point on a page half a
    degree askew reads as a 9 ("1.95" for 1.5), level it does not; on a level page LEVEL reads
    nothing (the figure as it stands was read already)."""
    import pytesseract
    from PIL import Image

    with Image.open(image_path) as img:
        img = img.convert("L")
        angle = skew_angle(img) if level else 0.0
        if level and abs(angle) < SKEW_MIN:
            return []
        if level:
            x0, y0, x1, y1 = box
            m = int(y1 - y0)
            wide = _crop_white(img, (x0 - m, y0 - m, x1 + m, y1 + m))
            img = wide.rotate(-angle, resample=Image.BICUBIC, fillcolor=255)
            box = (m, m, m + x1 - x0, m + y1 - y0)
        a = np.asarray(_crop_white(img, box))
    ink = a < 128
    ink[ink.mean(axis=1) > 0.6] = False        # a strip's or a rule's edge across the box
    top, bottom = _inkiest_band(ink.sum(axis=1))
    if bottom - top < 8:
        return []
    ink[:top] = ink[bottom:] = False           # the edge of a strip above, specks below
    xs = np.flatnonzero(ink.any(axis=0))
    a = np.where(ink, a, 255).astype(np.uint8)[top:bottom, xs.min():xs.max() + 1]
    pad = max(4, a.shape[0] // 3)
    crop = Image.fromarray(np.pad(a, pad, constant_values=255))
    if crop.height > FIGURE_HEIGHT:
        # Tesseract's recogniser is unsure of glyphs far larger than print: "0.9" an inch high,
        # as clear as can be, scores 49; at this height 96.
        crop = crop.resize((max(1, round(crop.width * FIGURE_HEIGHT / crop.height)), FIGURE_HEIGHT), Image.LANCZOS)
    try:
        hocr = hocr_of(crop, FIGURE_CONFIG + CHAR_BOXES, seconds)
    except (pytesseract.TesseractError, RuntimeError):
        return []
    return hocr_words(hocr)


def _crop_white(img, box):
    """BOX of grey image IMG, what lies beyond the page's edge white (PIL's own crop fills it
    black, which would read as ink)."""
    from PIL import Image

    x0, y0, x1, y1 = (int(v) for v in box)
    out = Image.new("L", (max(1, x1 - x0), max(1, y1 - y0)), 255)
    inner = (max(0, x0), max(0, y0), min(img.width, x1), min(img.height, y1))
    if inner[0] < inner[2] and inner[1] < inner[3]:
        out.paste(img.crop(inner), (inner[0] - x0, inner[1] - y0))
    return out


def _inkiest_band(counts: np.ndarray) -> tuple[int, int]:
    """The run of consecutive inked rows (COUNTS > 0) that holds the most ink: (first, past last)."""
    best, best_ink, start = (0, 0), 0, None
    for y, n in enumerate([*counts.tolist(), 0]):
        if n and start is None:
            start = y
        elif not n and start is not None:
            if counts[start:y].sum() > best_ink:
                best, best_ink = (start, y), counts[start:y].sum()
            start = None
    return best


def _opened(crop):
    """CROP with its ink opened (eroded, then grown back) by a square half as wide as the print's
    strokes: specks and hairs go, the strokes stay. None when the strokes are thinner than
    SPECK_STROKE pixels (their median run of ink across), where nothing can be opened."""
    from PIL import Image

    gray = crop.convert("L")
    ink = np.asarray(gray) < 128
    edges = np.diff(np.pad(ink.astype(np.int8), ((0, 0), (1, 1))), axis=1)
    runs = np.flatnonzero(edges.ravel() == -1) - np.flatnonzero(edges.ravel() == 1)
    if runs.size < 10 or np.median(runs) < SPECK_STROKE:
        return None
    size = int(np.median(runs) / 2) | 1        # half the strokes' width, odd as the filters need
    return Image.fromarray(_rank_filter(_rank_filter(np.asarray(gray), size, np.maximum), size, np.minimum), "L")


def _centre_line(crop):
    """CROP less the edges of the lines above and below its middle one.

    A value's box cut out with a margin may take in the descenders of the line above or the
    tops of the line below; read as one line, those strokes make Tesseract read nothing at all
    ("Jul 27 2026" between two cut lines) or noise. Rows of ink are those with more than
    REREAD_ROW_INK of the width inked (a ruled frame's edge or a speck is not a line); the band
    of them around the middle is kept, with a margin, when other ink lies above or below it.
    """
    ink = np.asarray(crop.convert("L")) < 128
    if ink.size == 0:
        return crop
    rows = ink.sum(axis=1) > max(2, REREAD_ROW_INK * ink.shape[1])
    rows = np.convolve(rows, np.ones(5), mode="same") > 0      # a row or two of a letter's gap
    inked = np.flatnonzero(rows)
    if inked.size == 0:
        return crop
    mid = inked[np.argmin(np.abs(inked - len(rows) // 2))]
    top = bottom = mid
    while top > 0 and rows[top - 1]:
        top -= 1
    while bottom < len(rows) - 1 and rows[bottom + 1]:
        bottom += 1
    if not (rows[:top].any() or rows[bottom + 1:].any()):
        return crop
    pad = max(3, (bottom - top) // 3)
    return crop.crop((0, max(0, top - pad), crop.width, min(crop.height, bottom + 1 + pad)))


def _without_neighbours(crop, start: int, end: int, height: float):
    """CROP with the ink of the words beside the value whitened: what lies in the margin left of
    START or right of END beyond a word's gap (a blank run of REREAD_WORD_GAP of the line's
    height). The "n" of the "on" before "1st June 2025", read as "1", made "1 Ist June 2025"
    the 1st of June 2014; a value's own letters are never that far apart."""
    gray = np.asarray(crop.convert("L"))
    ink = gray < 128
    if ink.size == 0:
        return crop
    cols = ink.any(axis=0)
    gap = max(3, int(REREAD_WORD_GAP * height))
    blank_before = blank_after = None
    run = 0
    for x in range(min(start, len(cols)) - 1, -1, -1):      # leftwards from the value's start
        run = run + 1 if not cols[x] else 0
        if run >= gap:
            blank_before = x
            break
    run = 0
    for x in range(max(end, 0), len(cols)):                 # rightwards from its end
        run = run + 1 if not cols[x] else 0
        if run >= gap:
            blank_after = x
            break
    cut_left = blank_before is not None and cols[:blank_before].any()
    cut_right = blank_after is not None and cols[blank_after:].any()
    if not (cut_left or cut_right):
        return crop
    out = gray.copy()
    if cut_left:
        out[:, :blank_before] = 255
    if cut_right:
        out[:, blank_after:] = 255
    from PIL import Image

    return Image.fromarray(out)


_HOCR_WORD = re.compile(r"<span class='ocrx_word'[^>]*?bbox (\d+) (\d+) (\d+) (\d+)[^>]*?x_wconf (\d+)[^>]*>")
_HOCR_CHAR = re.compile(r"<span class='ocrx_cinfo'[^>]*?x_conf ([\d.]+)[^>]*>([^<]*)</span>")


_HOCR_PLACED = re.compile(r"<span class='ocrx_word'[^>]*?title='bbox (\d+) (\d+) (\d+) (\d+); x_wconf (\d+)'[^>]*>(.*?)</span>",
                          re.DOTALL)


def _hocr_placed(hocr: str) -> list[tuple[str, float, tuple[int, int, int, int]]]:
    """The words of an hOCR reading with their confidence and box (text, conf, (x0, y0, x1, y1))."""
    out = []
    for m in _HOCR_PLACED.finditer(hocr):
        text = without_stray_edges(html.unescape(re.sub(r"<[^>]+>", "", m.group(6))))
        if text:
            out.append((text, float(m.group(5)), tuple(int(m.group(i)) for i in range(1, 5))))
    return out


def hocr_words(hocr: str, origin: tuple[int, int] = (0, 0), scale: int = 1) -> list[Word]:
    """The words of an hOCR reading made with character boxes: each word's text is its characters
    and `chars` the confidence of the least sure of its letters and digits, or of its characters
    when it has none. A mark beside a value ("2026'", a speck read as an apostrophe) is no part of
    what is compared, so its doubt is not the value's. Each box is placed on the page: the read
    image was the page's cut-out at ORIGIN, enlarged SCALE times."""
    words = []
    starts = list(_HOCR_WORD.finditer(hocr))
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(hocr)
        chars = _HOCR_CHAR.findall(hocr, m.end(), end)
        text = html.unescape("".join(c for _, c in chars)).strip()
        if text:
            told = [float(c) for c, ch in chars if any(x.isalnum() for x in html.unescape(ch))]
            x0, y0, x1, y1 = (int(v) // scale for v in m.group(1, 2, 3, 4))
            words.append(Word(text, float(m.group(5)), origin[0] + x0, origin[1] + y0, x1 - x0, y1 - y0, 0, 0, 0,
                              chars=min(told or [float(c) for c, _ in chars])))
    return words


class OcrPool:
    """Runs up to `workers` Tesseract jobs (each one Tesseract read at a time) at once.

    Use as a context manager. On exit, queued jobs are cancelled and running ones
    finish (each Tesseract call is bounded by its own timeout).
    """

    def __init__(self, workers: int | None = None, *, seconds: float = PAGE_SECONDS):
        if not available():
            raise OcrUnavailable("Tesseract is not installed")
        self.workers = max(1, workers or default_workers())
        self.seconds = seconds
        self.use_osd = osd_available()
        _env_single_thread()
        self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="ocr")

    def submit(self, fn, /, *args, **kwargs) -> Future:
        """Run fn(*args, **kwargs) on a worker; fn calls Tesseract (ocr_image, reread)."""
        return self._executor.submit(fn, *args, **kwargs)

    def ocr(self, image_path: Path) -> Future:
        """Future of ocr_image(image_path) with this pool's timeout and orientation settings."""
        return self.submit(ocr_image, image_path, seconds=self.seconds, use_osd=self.use_osd)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "OcrPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1
