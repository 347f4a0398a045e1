"""Certificates of completion in PDF: one row per page, from the text layer or by OCR (R19, R20).

The reader only reads. It puts the strings as printed into the row (course
number, date and CECs unnormalised) and says, per field, how sure it is; the
pipeline normalises, matches and applies the rules. A page whose name, course
number or date is missing or unsure gets `review` (R19) and, when asked, a saved
page image for staff. A file that cannot be opened raises `UnreadableFile` (R20).

This module runs the reading: opening the PDF within its limits, the text layer or
the OCR pool for each page, second looks at doubtful values, the saved review
image and the page's row. The parts it uses, one job each:

- cert_layout: the page's words, segments and lines (rotation, dot leaders);
- cert_vocabulary: the labels and value shapes, as data (adding a layout is
  usually a word there);
- cert_fields: the fields a page labels, and every candidate value with its context;
- rules: the R19 confidence threshold and hours to CECs.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import tempfile
import threading
import time
from collections import deque
from decimal import InvalidOperation
from pathlib import Path

from cec_batch import ocr
from cec_batch.config import Limits
from cec_batch.errors import UnreadableFile
from cec_batch.model import ROW_FIELDS, ReadResult
from cec_batch.normalize import parse_date
from cec_batch.readers.cert_fields import (
    AMOUNT_CELL,
    DAY_FIRST,
    FINDERS,
    NO_ROW_MARKED,
    Found,
    amount_value,
    choose_date,
    course_row_amount,
    date_value,
    day_first,
    figures_to_reread,
    find_fields,
    name_from_parts,
    page_candidates,
)
from cec_batch.readers.cert_layout import (
    TILE_MONTH,
    Seg,
    fractions,
    lines_of,
    ocr_segments,
    page_extent,
    reading_rotation,
    text_layer_segments,
    word_segments,
)
from cec_batch.readers.cert_vocabulary import (
    CERTIFICATE_WORDS,
    COURSE_CUT_RE,
    COURSE_LABELLED_RE,
    DATE_RE,
    EDGE_PUNCT,
    FIELD_NAMES,
    LABEL_RES,
)
from cec_batch.rules import NAME_LOOKUP_CONFIDENCE, REVIEW_CONFIDENCE, cecs_from_hours

log = logging.getLogger(__name__)

__all__ = ["read_certificates", "REVIEW_CONFIDENCE"]

# A second reading that agrees may lift a doubtful value only when it is itself this sure.
SECOND_LOOK_CONFIDENCE = 90.0
# A date agrees when it reads as the same calendar date (punctuation and spacing aside); it
# must be as sure as any other value, since no registry or catalogue checks a date.
DATE_SECOND_LOOK_CONFIDENCE = SECOND_LOOK_CONFIDENCE
# Tesseract's word confidence for a clear digit string is often 60-70 ("07/09/2025" read alike
# three times), and for a clear name beside it may be 0; its recogniser's confidence in each
# character is the better measure there. A second reading that agrees, and whose every character
# is at least this sure, is sure (a misread "40/43/2026" had 87; no agreeing misreading on the
# tuned corpus had more than 90).
CHARS_CONFIDENCE = 95.0
# A scanned date read at REVIEW_CONFIDENCE or more, but below this, is read again on its own all
# the same: a fax's "05/09/2025" can come out "05/03/2025" at 86. A second reading that gives
# another date puts it in doubt; one that agrees, or reads no date, leaves it as it was.
DATE_SURE_CONFIDENCE = 93.0
MIN_TEXT_CHARS = 20             # letters and digits a text layer needs to count as text, not a scan
IMAGE_DPI = 150                 # saved page images: legible for staff, a fraction of the 300 dpi size
# A page whose whole text layer is a page number: "2", "- 2 -", "Page 2", "Page 2 of 3", "2/3".
PAGE_NUMBER = re.compile(r"[-–(\[]?\s*(?:(?:page|p\.?|seite|página|pagina)\s*)?\d{1,4}"
                         r"(?:\s*(?:of|/|von|de|sur)\s*\d{1,4})?\s*[-–)\]]?", re.IGNORECASE)
PAGE_NUMBER_ONLY = "the page bears only a page number; nothing like a certificate"
FEW_WORDS_ONLY = "the page bears only a few words; nothing like a certificate"
FAX_HEADER_BAND = 0.3           # inches at the top of an upright fax where the sending machine prints its line
NAME_REREADS = 3                # unlabelled name-like runs read again on their own, the largest first, when no name is found
TILE_DAY_HEIGHT = 8.0           # of a calendar tile's month strip: how far under it its day is looked for
UNREAD_WORD_CONFIDENCE = 30.0   # a word read in print the page's reading left out, below which it is noise
LABEL_REACH = 12.0              # of a bare label's height: how far right of it its value is read again...
AMOUNT_REACH = 45.0             # ... and an amount's ("Total contact hours attended ........ 15", right-aligned)
CAPTION_REACH = 3.0             # of a caption's height: how far above it its value's line may stand
MAX_LINES = 80                  # the page's lines kept with its row (read.lines), for the closed-world choice and staff


# ---------------------------------------------------------------- the page row


def _review(found: dict[str, Found], notes: list[str], text: str | None = None,
            cands: list | None = None) -> dict[str, str]:
    """R19: why this page needs a person, by field ("page" for the page as a whole); empty when
    name, course number and date are all sure. With CANDS (a text layer), a page with no date
    or course number anywhere is said to hold no certificate fields at all."""
    problems: dict[str, str] = {}
    if cands is not None and not any(f in found for f in FIELD_NAMES) and not any(
            c.field in ("date", "course_number") for c in cands):
        return {"page": "no certificate fields found on the page"}
    if text is not None and found and not CERTIFICATE_WORDS.search(text):
        problems["page"] = "the page does not read as a certificate of completion"
    for f, name in FIELD_NAMES.items():
        got = found.get(f)
        if got is None:
            extra = next((n.split(": ", 1)[1] for n in notes if n.startswith(name + ":")), None)
            problems[f] = f"{name} not found" + (f" ({extra})" if extra else "")
        elif got.doubt is not None:
            problems[f] = f"{name} {got.value!r} {got.doubt}"
        elif got.confidence < REVIEW_CONFIDENCE:
            if got.how == "pattern":
                problems[f] = f"{name} {got.value!r} found without a label (confidence {got.confidence:.0f})"
            else:
                problems[f] = f"{name} {got.value!r} read with low confidence ({got.confidence:.0f})"
    return problems


def review_text(problems: dict[str, str]) -> str | None:
    """The problems of a page as the one sentence staff read."""
    return "; ".join(problems.values()) or None


def _row(n: int, found: dict[str, Found], read: dict, problems: dict[str, str] | str | None,
         extent=None, cands: list | None = None, segs: list[Seg] | None = None) -> dict:
    if isinstance(problems, str):
        problems = {"page": problems}
    problems = problems or {}
    row = dict.fromkeys(ROW_FIELDS)
    row["location"] = f"page {n}"
    for f in ("certificant_id", "first_name", "last_name", "email", "course_number", "completion_date"):
        if f in found:
            row[f] = found[f].value
    if "completion_date" in found:
        row["completion_date"] = date_value(found["completion_date"].value)
    if "full_name" in found and not found["full_name"].from_parts:
        row["full_name"] = found["full_name"].value
    hours = found.get("hours")
    read["hours"] = hours.value if hours else None
    if hours is not None and hours.doubt:
        read["hours_doubt"] = hours.doubt
    if "ceus" in found:
        row["ceus"] = found["ceus"].value
    elif hours:
        try:
            row["ceus"] = cecs_from_hours(hours.value.replace(",", "."))
            found["ceus"] = Found(str(row["ceus"]), hours.confidence, hours.how, f"{hours.label} (hours x 0.1)",
                                  box=hours.box)
        except InvalidOperation:
            pass
    read["fields"] = {f: v.as_dict(extent) for f, v in found.items() if f not in ("title", "provider", "hours")}
    read["title"] = found["title"].value if "title" in found else None
    read["provider"] = found["provider"].value if "provider" in found else None
    if extent is not None:
        for f in ("title", "provider", "hours"):
            if f in found:
                read.setdefault("boxes", {})[f] = fractions(found[f].box, extent)
    read["candidates"] = [c.as_dict(extent) for c in cands] if cands and extent is not None else []
    read["lines"] = [" | ".join(seg.text for seg in line.segs)[:160] for line in lines_of(segs)][:MAX_LINES] if segs else []
    read["problems"] = problems
    row["review"] = review_text(problems)
    row["read"] = read
    return row


def _empty_read(source: str | None) -> dict:
    return {"text_source": source, "fields": {}, "title": None, "provider": None, "image": None,
            "rotation": 0, "hours": None, "mean_confidence": None, "rules_removed": False,
            "unread_lines": 0, "standing_print": False}


# ---------------------------------------------------------------- the file


class _Damaged(UnreadableFile):
    """PDFium found the file damaged (not encrypted, not over a limit): pdfminer may still read it."""


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
            raise _Damaged(path, "not a PDF, or damaged beyond repair") from None
        raise _Damaged(path, f"cannot be opened as a PDF ({exc})") from None


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
        try:
            doc = _open(path)
            try:
                result = _read(doc, path, limits, image_dir, ocr_workers, max_pages)
            finally:
                doc.close()
        except _Damaged as exc:
            # PDFium and pdfminer disagree about damage: what one refuses the other may read.
            other = _read_with_pdfminer(path, max_pages)
            if other is None:
                raise UnreadableFile(path, exc.reason) from None
            return other
        if result.rows.empty:
            # Nothing but blank pages: a damaged page tree may show PDFium empty pages.
            other = _read_with_pdfminer(path, max_pages)
            if other is not None:
                return other
        return result
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
        raise _Damaged(path, "the PDF has no pages")
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
        raise _Damaged(path, "damaged PDF: its page cannot be loaded" if count == 1 else
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
                image_path, fax = got
                pending.append((n, pool.submit(_ocr_page, n, image_path, pool.seconds, pool.use_osd, images, fax)))
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
    ("blank", None), or ("ocr", (path of its 300 dpi render, whether it is a fax))."""
    n = i + 1
    page = doc[i]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_bounded()
            if _usable(text) and not _scanner_text_only(page):
                rotation = reading_rotation(page, textpage)
                segs = text_layer_segments(page, textpage, rotation)
                found, notes, _ = find_fields(segs)
                # A typed header over a scanned body ("Certificate of Completion" and a picture
                # of the rest): when the text holds none of the fields, read the picture.
                if _key_fields(found) or not have_ocr or not _short_text_over_image(text, page):
                    return "row", _text_row(n, found, notes, segs, page, rotation, images)
        finally:
            textpage.close()
        if ocr.is_blank(page):
            # Too little ink for a scanned page, but a typed mark is a mark: a page number or a
            # few words are a page of the stack, and staff decide what it was (a back is wholly blank).
            if any(ch.isalnum() for ch in text) and not _scanner_text_only(page):
                why = PAGE_NUMBER_ONLY if PAGE_NUMBER.fullmatch(text.strip()) else FEW_WORDS_ONLY
                return "row", _row(n, {}, _empty_read("text"), why)
            return "blank", None
        if not have_ocr:
            read = _empty_read("ocr")
            read["image"] = images.save(n, ocr.render(page, IMAGE_DPI))
            return "row", _row(n, {}, read, "OCR engine not installed")
        image_path = tmp / f"page-{n}.pgm"
        image, fax = ocr.render(page), ocr.is_bilevel(page)
        if fax:
            image = ocr.clean_bilevel(image)
        image.save(image_path)
        return "ocr", (image_path, fax)
    finally:
        page.close()


def _read_with_pdfminer(path: Path, max_pages: int | None) -> ReadResult | None:
    """The pages of a file PDFium finds damaged or empty, from pdfminer's reading of its text layer;
    None when pdfminer finds no page with usable text either (the file is then as PDFium saw it).

    Without PDFium there is no rendering: a page without text is not judged blank but sent to
    review, and no page image is saved.
    """
    import pandas as pd
    import pdfplumber

    try:
        pdf = pdfplumber.open(path)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - pdfminer refuses too: the file is unreadable as PDFium said
        return None
    rows, texts = [], 0
    try:
        pages = pdf.pages
        count = len(pages) if max_pages is None else min(len(pages), max_pages)
        for i in range(count):
            n = i + 1
            try:
                page = pages[i]
                words = page.extract_words()
            except MemoryError:
                raise
            except Exception:  # noqa: BLE001 - one damaged page of a stack goes to review
                rows.append(_row(n, {}, _empty_read(None), "the page is damaged and cannot be read"))
                continue
            text = " ".join(w["text"] for w in words)
            if not _usable(text):
                rows.append(_row(n, {}, _empty_read(None), "the PDF is damaged and this page has no text "
                                                            "that could be read"))
                continue
            texts += 1
            segs = word_segments([(w["text"], w["x0"], w["top"], w["x1"], w["bottom"]) for w in words])
            found, notes, _ = find_fields(segs)
            extent = (0.0, 0.0, float(page.width), float(page.height))
            cands = page_candidates(segs, extent[3])
            choose_date(found, cands, notes, segs)
            course_row_amount(found, cands, segs)
            rows.append(_row(n, found, _empty_read("text"), _review(found, notes, text, cands), extent, cands, segs))
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - pdfminer fails on the page tree itself
        return None
    finally:
        with contextlib.suppress(Exception):  # closing walks the pages again, and may fail as they did
            pdf.close()
    if not texts:
        return None
    frame = pd.DataFrame(rows, columns=list(ROW_FIELDS), dtype=object)
    note = "the PDF is damaged: its text was read by a second PDF library (pdfminer), and no page images were saved"
    return ReadResult(kind="certificate", rows=frame, notes=[note], blank_pages=0)


def _short_text_over_image(text: str, page) -> bool:
    import pypdfium2.raw as pdfium_c

    if sum(ch.isalnum() for ch in text) > 300:
        return False
    return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3))


def _text_row(n: int, found: dict[str, Found], notes: list[str], segs: list[Seg], page, rotation: int,
              images: _Images) -> dict:
    """A text-layer page's row. Its review image is the page turned as it is read (ROTATION), as a
    scanned page's is: read["rotation"] is how far it was turned clockwise from the page as shown."""
    extent = page_extent(page, rotation)
    cands = page_candidates(segs, extent[3] - extent[1])
    choose_date(found, cands, notes, segs)
    course_row_amount(found, cands, segs)
    problems = _review(found, notes, " ".join(seg.text for seg in segs), cands)
    read = _empty_read("text")
    read["rotation"] = (rotation - page.get_rotation()) % 360
    if problems:
        read["image"] = images.save(n, ocr.render(page, IMAGE_DPI).rotate(-read["rotation"], expand=True))
    return _row(n, found, read, problems, extent, cands, segs)


def _ocr_page(n: int, image_path: Path, seconds: float, use_osd: bool, images: _Images, fax: bool = False) -> dict:
    """One scanned page, start to finish, on an OCR worker: read, find fields, look again, decide.

    On an upright fax the sending machine's header line (FAX_HEADER_BAND at the top) is left
    out: its date is the day of sending, and with its time of day misread it would pass for
    the only date on the page.
    """
    from PIL import Image

    deadline = time.monotonic() + seconds
    read = _empty_read("ocr")
    try:
        result = ocr.ocr_image(image_path, seconds=seconds, use_osd=use_osd)
    except ocr.OcrUnavailable:
        result = ocr.PageOcr(error="OCR engine not installed", image_path=image_path)
    try:
        read["rotation"] = result.rotation
        if fax and result.rotation == 0:
            result.words = _below_header(result.words)
        found, notes, cands, extent, segs = {}, [], [], None, None
        if result.words:
            found, notes, cands, extent, segs = _fields(result, deadline)
            # A page that lacks a key field may hold it in a ruled table Tesseract skipped, and
            # one whose dates nothing tells apart may have had a label put on the wrong line of
            # a skewed sheet: read it again without the rules, and then, if anything is still
            # missing or doubtful, turned level (a skewed table's rules hide from the first,
            # and a level page's lines are its own); the reading that holds most is kept.
            # So is a page whose credit label ("Total contact hours attended") stands with no amount
            # read: an event's credit is the attendee's own, and a table's column of hours is what
            # Tesseract's layout most often leaves out.
            # Last, one that still lacks a field may print it white on a dark panel, which Tesseract
            # takes for a picture: the page as it came, its panels turned light; and then so and
            # without its rules (a column of label cells parted by white rules turns into cells
            # parted by black ones; a stamp's frame, though, is a rule that helped its print).
            upright, everything = result.image_path, (len(FIELD_NAMES), len(FIELD_NAMES), 1)
            for level in (False, True, REVERSED, REVERSED_UNRULED) \
                    if _lacks_or_doubts(found) or _amount_unread(found, segs) else ():
                if _key_score(found) == everything or deadline - time.monotonic() <= 2:
                    break
                if level in (REVERSED, REVERSED_UNRULED):
                    again = ocr.ocr_reversed(upright, seconds=deadline - time.monotonic(),
                                             unruled=level is REVERSED_UNRULED)
                else:
                    again = ocr.ocr_without_rules(upright, seconds=deadline - time.monotonic(), level=level)
                if again is not None and fax and result.rotation == 0:
                    again.words = _below_header(again.words)
                if again is not None and again.words:
                    other = _fields(again, deadline)
                    if level in (REVERSED, REVERSED_UNRULED) and not _gains_beyond_the_name(other[0], found):
                        continue
                    if _key_score(other[0]) > _key_score(found) and _same_or_more(other[0], found):
                        _keep_sure_amount(other[0], found)
                        _keep_sure_date(other[0], other[2], found)
                        found, notes, cands, extent, segs = other
                        again.rotation = result.rotation
                        result = again
                        if level in (REVERSED, REVERSED_UNRULED):
                            read["panels_turned"] = True
                        else:
                            read["rules_removed"] = True
            # A menu of courses, one box ticked: OCR reads the boxes as "oO" or not at all, so no
            # row was marked. The box that holds a tick is found by its ink.
            kept = _ticked_menu(result, found, cands, deadline)
            if kept is not None:
                result, (found, notes, cands, extent, segs) = kept
                read["ticked_row"] = found["course_number"].value
            # No name: print the reading left out (a name set large in a dithered italic) is read
            # line by line, and kept when the page then holds no less.
            if not any(f in found for f in ("full_name", "first_name", "last_name")) \
                    and result.image_path is not None and deadline - time.monotonic() > 2:
                top = int(FAX_HEADER_BAND * ocr.DPI) if fax and result.rotation == 0 else 0
                # Then, with still no name, the page cleared of fine ink: a name set large over a
                # grey panel that a fax dithered.
                for despeckle in (False, True):
                    if any(f in found for f in ("full_name", "first_name", "last_name")) \
                            or deadline - time.monotonic() <= 2:
                        break
                    extra = [w for w in ocr.unread_lines(result.image_path, result.words, top=top, despeckle=despeckle,
                                                         seconds=deadline - time.monotonic())
                             if w.conf >= UNREAD_WORD_CONFIDENCE]
                    kept = _with_words(result, extra, found, deadline)
                    if kept is not None:
                        result, (found, notes, cands, extent, segs) = kept
                        read["unread_lines"] = len({w.block for w in extra})
            # A key field still missing may be printed standing: a name running up a dark band
            # down the page's edge, a course line up the margin. Read turned level, the page's
            # reading with it is kept when it holds more.
            if any(f not in found for f in FIELD_NAMES) and result.image_path is not None \
                    and deadline - time.monotonic() > 2:
                again = ocr.standing_print(result.image_path, result.words, seconds=deadline - time.monotonic())
                if again is not None:
                    other = _fields(again, deadline)
                    if _key_score(other[0]) > _key_score(found) or _names_a_name_standing(other, found, cands):
                        again.rotation = result.rotation
                        result, (found, notes, cands, extent, segs) = again, other
                        read["standing_print"] = True
            # A calendar tile's day, set large alone under its month strip, is a lone figure
            # Tesseract's layout often leaves out: read on its own, it makes the tile a date.
            kept = _with_words(result, _tile_days(segs, result.image_path, deadline), found, deadline)
            if kept is not None:
                result, (found, notes, cands, extent, segs) = kept
            # No course number, or no completion date: a rubber stamp pressed askew may hold it
            # ("COURSE COMPLETED / AUG 16 2026"), and the page's reading leaves such print out.
            no_date = "completion_date" not in found or found["completion_date"].doubt is not None
            if ("course_number" not in found or no_date) and result.image_path is not None \
                    and deadline - time.monotonic() > 2:
                turned = ocr.turned_print(result.image_path, result.words, seconds=deadline - time.monotonic())
                if "course_number" not in found:
                    _course_in_turned_print(found, turned, deadline)
                if no_date:
                    _date_in_turned_print(found, cands, turned, deadline)
            # Doubtful values are looked at again on the reading kept only: each look is a Tesseract run.
            _second_look(found, result.image_path, deadline)
            _second_look_at_names(found, cands, result.image_path, deadline)
            _name_cut_short(found, result, deadline)
            _doubt_cut_day(found)
            if not read["rules_removed"]:       # a rule taken away leaves stubs beside the values
                _doubt_lost_character(found, result)
            read["mean_confidence"] = round(result.mean_confidence, 1)
        text = " ".join(w.text for w in result.words)
        if result.error:
            problems = {"page": result.error}
        elif not result.words:
            problems = {"page": "no text could be read on the page"}
        else:
            problems = _review(found, notes, text)
        if problems and result.image_path is not None and result.image_path.exists():
            with Image.open(result.image_path) as img:
                small = img.reduce(max(1, round(ocr.DPI / IMAGE_DPI)))
            read["image"] = images.save(n, small)
        return _row(n, found, read, problems, extent, cands, segs)
    finally:
        for leftover in image_path.parent.glob(f"page-{n}[.-]*"):
            leftover.unlink(missing_ok=True)


REVERSED = "reversed"      # the third reading of a page lacking a field: its dark panels turned light
REVERSED_UNRULED = "reversed, unruled"     # the fourth: so, and its rules taken away


def _fields(result: ocr.PageOcr, deadline: float):
    """What one reading of a page holds: (found, notes, candidates, extent, segments), the
    completion date chosen."""
    from PIL import Image

    segs = ocr_segments(result.words)
    found, notes, bare = find_fields(segs)
    _look_right_of_labels(found, bare, result.image_path, deadline)
    _look_above_course_caption(found, bare, segs, result.image_path, deadline)
    _look_at_cut_course(found, segs, result.image_path, deadline)
    _read_figures(found, figures_to_reread(segs, found), result.image_path, deadline)
    cands, extent = [], None
    if result.image_path is not None and result.image_path.exists():
        with Image.open(result.image_path) as img:
            extent = (0, 0, *img.size)       # the upright image the words were read on
        cands = page_candidates(segs, extent[3])
        choose_date(found, cands, notes, segs)
        course_row_amount(found, cands, segs)
    return found, notes, cands, extent, segs


def _course_in_turned_print(found: dict[str, Found], turned: list[tuple[Path, list[ocr.Word]]],
                            deadline: float) -> None:
    """The course number printed in a patch of turned print the page's reading left out (a
    rubber stamp: "ACE APPROVED PROVIDER / COURSE CS52044" pressed 8 degrees askew), read level
    (TURNED, from ocr.turned_print). Taken when such print holds exactly one course number, found
    by its shape, after the second look at it on the levelled patch (R19 and the catalogue then
    judge it as any other)."""
    hits: dict[str, tuple[Found, Path]] = {}
    for path, words in turned:
        for seg in ocr_segments(words):
            span = FINDERS["course_number"](seg.text, 0, len(seg.text), False)
            if span:
                value = seg.text[span[0]:span[1]]
                hits.setdefault(_alnum(value), (Found(value, seg.conf(*span), "pattern", None,
                                                      box=seg.box(*span)), path))
    if len(hits) != 1:
        return
    got, path = next(iter(hits.values()))
    _second_look({"course_number": got}, path, deadline)
    got.box = None                     # its box is the levelled patch's, not the page's
    found["course_number"] = got


def _date_in_turned_print(found: dict[str, Found], cands: list, turned: list[tuple[Path, list[ocr.Word]]],
                          deadline: float) -> None:
    """The completion date printed in a patch of turned print the page's reading left out (a
    grader's rubber stamp: "COURSE COMPLETED / AUG 16 2026 / CECs AWARDED 0.4" pressed askew in
    the office box of an enrolment form), read level (TURNED, from ocr.turned_print). Each patch
    is read as a page of its own; its date is taken when its own words call it the completion
    (a label or the words around it: a "RECEIVED" stamp's date is another day), when no other
    patch gives another, and after the second look at it on the levelled patch (R19 then judges
    its confidence as any other's). It stands for a date the page's reading lacks or doubts, and
    only when no date of the page's reading (CANDS) is called the completion but that day: a CE
    passport's session stamps, each "ATTENDED" and its own day, are an event's days, and the two
    read level need not be its last."""
    called = {parse_date(c.value).value or c.value for c in cands if c.field == "date" and c.kind == "completion"}
    dates: dict = {}                   # each stamp's day: (its date, the levelled patch)
    for path, words in turned:
        # A speck read as a mark of its own ("AUG ' 16 2026") is no word of the stamp's print.
        words = [w for w in words if any(ch.isalnum() for ch in w.text) or w.conf >= REVIEW_CONFIDENCE]
        got = _fields(ocr.PageOcr(words, image_path=path), deadline)[0].get("completion_date")
        if got is not None and got.how in ("label", "context") and got.doubt is None:
            dates.setdefault(parse_date(date_value(got.value)).value or got.value, (got, path))
    if len(dates) != 1 or called - set(dates):
        return
    got, path = next(iter(dates.values()))
    _second_look({"completion_date": got}, path, deadline)
    got.box = None                     # its box is the levelled patch's, not the page's
    found["completion_date"] = got


def _with_words(result: ocr.PageOcr, extra: list[ocr.Word], found: dict[str, Found], deadline: float):
    """(the reading with EXTRA words added, its fields) when EXTRA is not empty and that reading
    holds no less than FOUND; None otherwise."""
    if not extra:
        return None
    merged = ocr.PageOcr(result.words + extra, result.rotation, result.seconds, image_path=result.image_path)
    other = _fields(merged, deadline)
    return (merged, other) if _key_score(other[0]) >= _key_score(found) else None


# A page that says a box is ticked or checked: a menu of courses, one marked.
_TICK_WORDS = re.compile(r"\b(?:tick|ticked|check|checked|box|boxes|marked)\b", re.IGNORECASE)


def _ticked_menu(result: ocr.PageOcr, found: dict[str, Found], cands: list, deadline: float):
    """(the reading with a box marked on each course row, its fields) when the course number is
    one of a column's rows that nothing marked (NO_ROW_MARKED), the page speaks of ticks or boxes,
    and one row's box holds a tick by its ink (ocr.ticked_row); None otherwise. The words OCR read
    in each row's box give way to "☐", and to "☒" in the ticked one: the rows are then read as a
    menu read from a text layer is."""
    got = found.get("course_number")
    if got is None or got.box is None or not (got.doubt or "").endswith(NO_ROW_MARKED) \
            or result.image_path is None or deadline - time.monotonic() <= 2 \
            or not _TICK_WORDS.search(" ".join(w.text for w in result.words)):
        return None
    rows = sorted((c for c in cands if c.field == "course_number" and c.box is not None
                   and c.box[0] < got.box[2] and c.box[2] > got.box[0]), key=lambda c: c.box[1])
    k = ocr.ticked_row(result.image_path, [c.box for c in rows])
    if k is None:
        return None
    words, marks = list(result.words), []
    for i, (c, (left, top, right, bottom)) in enumerate(zip(rows, ocr.tick_strips([c.box for c in rows]))):
        own = next((w for w in words if c.box[0] <= w.left + w.width / 2 <= c.box[2]
                    and c.box[1] <= w.top + w.height / 2 <= c.box[3]), None)
        if own is None:
            return None
        words = [w for w in words if not (left <= w.left + w.width / 2 <= right and top <= w.top + w.height / 2 <= bottom)]
        marks.append(ocr.Word("☒" if i == k else "☐", 96.0, int(left), own.top, own.height, own.height,
                              own.block, own.par, own.line))
    marked = ocr.PageOcr(words + marks, result.rotation, result.seconds, image_path=result.image_path)
    other = _fields(marked, deadline)
    course = other[0].get("course_number")
    if course is None or course.doubt is not None or _key_score(other[0]) < _key_score(found):
        return None
    return marked, other


def _tile_days(segs: list[Seg] | None, image_path: Path | None, deadline: float) -> list[ocr.Word]:
    """The day under each calendar tile's month strip ("MAY 2026" with nothing read under it),
    read on its own as a figure: a word for each day read as 1 to 31 with REVIEW_CONFIDENCE,
    placed under its strip (cert_layout.calendar_tiles then makes the tile one date)."""
    if not segs or image_path is None:
        return []
    out = []
    for seg in segs:
        m = TILE_MONTH.fullmatch(seg.text)
        left = deadline - time.monotonic()
        if not m or not m.group(2) or left < 1:
            continue
        h = seg.y1 - seg.y0
        below = [s for s in segs if s is not seg and s.y0 > seg.y1 and s.x0 < seg.x1 and s.x1 > seg.x0]
        bottom = min([s.y0 for s in below] + [seg.y1 + TILE_DAY_HEIGHT * h])
        if bottom - seg.y1 < 1.5 * h:
            continue
        box = (seg.x0 - h, seg.y1 + 0.2 * h, seg.x1 + h, bottom - 0.2 * h)
        words = ocr.read_figure_in(image_path, box, seconds=left)
        text = "".join(w.text for w in words)
        if words and text.isdigit() and 1 <= int(text) <= 31 and min(w.conf for w in words) >= REVIEW_CONFIDENCE:
            x0, y0, x1, y1 = box
            out.append(ocr.Word(text, min(w.conf for w in words), int(x0), int(y0), int(x1 - x0), int(y1 - y0),
                                10_000 + len(out), 1, 1))
    return out


def _below_header(words: list[ocr.Word]) -> list[ocr.Word]:
    """The words of a fax page less those of the sender's header line at its top edge."""
    band = FAX_HEADER_BAND * ocr.DPI
    return [w for w in words if w.top + w.height > band]


def _key_fields(found: dict[str, Found]) -> int:
    return sum(1 for f in FIELD_NAMES if f in found)


def _gains_beyond_the_name(other: dict[str, Found], found: dict[str, Found]) -> bool:
    """Whether reading OTHER holds more than FOUND besides the name: what turning a page's dark
    panels light brings is their print (a course, a date, a credit); a name it gains is a name the
    changed page read differently ("Nwessica HOlOWave" for a name set an inch high, read right
    line by line later), not print the panel hid."""
    rest = {f: v for f, v in other.items() if f not in ("full_name", "first_name", "last_name")}
    before = {f: v for f, v in found.items() if f not in ("full_name", "first_name", "last_name")}
    return _key_score(rest) > _key_score(before)


def _lacks_or_doubts(found: dict[str, Found]) -> bool:
    """Whether a key field is missing or in doubt (not merely read with low confidence, which a
    look at the value alone settles)."""
    return any(f not in found or found[f].doubt is not None for f in FIELD_NAMES)


def _key_score(found: dict[str, Found]) -> tuple[int, int, int]:
    """Which of two readings of a page holds more: key fields found, then key fields sure (read
    with confidence, and no doubt such as two dates with nothing to tell them apart), then
    whether it holds an amount of credit read with confidence."""
    return (_key_fields(found), sum(1 for f in FIELD_NAMES if f in found and found[f].confidence >= REVIEW_CONFIDENCE
                                    and found[f].doubt is None), int(_sure_amount(found)))


def _sure_amount(found: dict[str, Found]) -> bool:
    """Whether an amount of credit (CECs or hours) was read with confidence."""
    return any(f in found and found[f].confidence >= REVIEW_CONFIDENCE for f in ("ceus", "hours"))


def _keep_sure_amount(other: dict[str, Found], found: dict[str, Found]) -> None:
    """OTHER, a reading kept over FOUND for its key fields, holds the amount of credit FOUND read
    with confidence when it read none so ("1.3" under "ACE CECs" read "1:3" on the page turned
    level): another reading of the same print does not unsay it."""
    if _sure_amount(found) and not _sure_amount(other):
        for f in ("ceus", "hours"):
            other.pop(f, None)
            if f in found and found[f].confidence >= REVIEW_CONFIDENCE:
                other[f] = found[f]


def _keep_sure_date(other: dict[str, Found], other_cands: list, found: dict[str, Found]) -> None:
    """OTHER, a reading kept over FOUND for its key fields (a name it read), holds the completion
    date FOUND read without doubt when it read none, or none it is sure of, and no day of its own
    that could be the completion: a date wrapped over two lines of prose lost to the other reading
    ("on October 22," / "2025.") leaves it only the issue date, and it does not unsay the first."""
    first, then = found.get("completion_date"), other.get("completion_date")
    if first is None or first.doubt is not None:
        return                  # (read with less confidence, it is looked at again as any date is)
    if then is not None and then.doubt is None:
        return
    day = parse_date(date_value(first.value)).value
    if day is None or any(c.field == "date" and c.kind != "other" and parse_date(c.value).value != day
                          for c in other_cands):
        return
    other["completion_date"] = first


def _names_a_name_standing(other: tuple, found: dict[str, Found], cands: list) -> bool:
    """Whether the reading OTHER (a page's print set standing read level, `_fields`) brings a name
    where the page's reading found none, and holds every other key field as it does: a name set
    large up a band, away from its "PRESENTED TO", is a name-like run for the closed world."""
    names = ("full_name", "first_name", "last_name")
    if any(f in found for f in names) or _key_score(other[0])[:2] != _key_score(found)[:2] \
            or not _same_or_more(other[0], found):
        return False
    had = {c.value.casefold() for c in cands if c.field == "name"}
    return any(c.field == "name" and c.value.casefold() not in had for c in other[2])


def _same_or_more(other: dict[str, Found], found: dict[str, Found]) -> bool:
    """Whether reading OTHER holds more key fields or more sure ones than FOUND, or else, holding
    only an amount of credit more, reads every key field as FOUND does (a reading kept for its
    amount alone does not bring another name, course or date)."""
    if _key_score(other)[:2] != _key_score(found)[:2]:
        return True
    return all(_alnum(other[f].value) == _alnum(found[f].value) for f in FIELD_NAMES if f in other and f in found)


_AMOUNT_LABELS = [rx for lab, rx in LABEL_RES if {"ceus", "hours"} & set(lab.fields) and not lab.generic]


def _amount_unread(found: dict[str, Found], segs: list[Seg] | None) -> bool:
    """Whether the page labels an amount of credit ("CECs earned", "Total contact hours") and no
    amount was read with confidence."""
    if _sure_amount(found) or not segs:
        return False
    return any(rx.search(seg.text) for seg in segs for rx in _AMOUNT_LABELS)


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
        if f in ("ceus", "hours"):
            got = _amount_right_of(label, image_path, (x1 + 0.3 * h, y0, x1 + AMOUNT_REACH * h, y1), left)
        else:
            got = _value_read_in(f, label, image_path, (x1 + 0.3 * h, y0, x1 + LABEL_REACH * h, y1), left)
        if got is not None:
            found[f] = got
    name_from_parts(found)


def _value_read_in(f: str, label: str, image_path: Path, strip: tuple, seconds: float) -> Found | None:
    """Field F as the value of LABEL, read in STRIP cut out and read again on its own; None when
    the strip holds no such value alone (the finder's strict mode)."""
    words = ocr.reread(image_path, strip, seconds=seconds)
    text = " ".join(w.text for w in words)
    span = FINDERS[f](text, 0, len(text), True)
    if not span:
        return None
    conf = min((w.conf for w in words if w.text in text[span[0]:span[1]].split()), default=0.0)
    return Found(text[span[0]:span[1]], conf, "label", label, box=strip)


_LEADER = re.compile(r"[.…·_-]{2,}")


def _amount_right_of(label: str, image_path: Path, strip: tuple, seconds: float) -> Found | None:
    """The amount an amount label stands for, read in STRIP to its right, which may run to the
    far side of a table ("Total contact hours attended" ... "15"): one figure, alone among what
    was read there (noise under UNREAD_WORD_CONFIDENCE, a rule, a leader's dots aside), with
    nothing at all read within a line's height of it (a "1" read as noise beside "5" would make
    15 hours 5). Its box is the figure's own, on the label's line."""
    _, y0, _, y1 = strip
    h = y1 - y0
    words = ocr.reread(image_path, strip, seconds=seconds)
    kept = [w for w in words if any(ch.isalnum() for ch in w.text) and w.conf >= UNREAD_WORD_CONFIDENCE]
    if len(kept) != 1 or not AMOUNT_CELL.fullmatch(kept[0].text):
        return None
    value = kept[0]
    near = [w for w in words if w is not value and not _LEADER.fullmatch(w.text)
            and w.left < value.left + value.width + h and w.left + w.width > value.left - h]
    if near:
        return None
    box = (value.left, y0, value.left + value.width, y1)
    return Found(value.text, value.conf, "label", label, box=box)


def _look_above_course_caption(found: dict[str, Found], bare: list, segs: list[Seg], image_path: Path | None,
                               deadline: float) -> None:
    """A course number's caption with nothing after it, under a line whose words read as no
    course number ("CP sliry" over "ACE Course Number" on a form whose captions stand under
    their values, a JPEG's blocks garbling the print): those words, the nearest line above the
    caption and over it, are read again on their own, and taken when they hold a course number
    alone."""
    if image_path is None or "course_number" in found:
        return
    for f, label, box in bare:
        if f != "course_number" or box is None:
            continue
        x0, y0, x1, y1 = box
        h = y1 - y0
        above = [s for s in segs if s.y1 <= y0 and y0 - s.y1 <= CAPTION_REACH * h
                 and s.x0 < x1 + 2 * h and s.x1 > x0 - 2 * h]
        left = deadline - time.monotonic()
        if not above or left < 1:
            return
        nearest = max(s.y1 for s in above)
        line = [s for s in above if s.y1 >= nearest - h]
        strip = (min(s.x0 for s in line), min(s.y0 for s in line), max(s.x1 for s in line), max(s.y1 for s in line))
        got = _value_read_in(f, label, image_path, strip, left)
        if got is not None:
            found[f] = got
        return


def _look_at_cut_course(found: dict[str, Found], segs: list[Seg], image_path: Path | None, deadline: float) -> None:
    """No course number read, and one cut short on the page ("CL1031" for "CL10311)": the last
    digit and the bracket after it read as one): the word and a little to its right are read
    again on their own, once. A whole course number read so is the page's, at that reading's
    confidence (R19 and the second look then judge it as any other)."""
    if image_path is None or "course_number" in found:
        return
    cuts = [(seg, m) for seg in segs for m in COURSE_CUT_RE.finditer(seg.text)]
    if len(cuts) != 1 or deadline - time.monotonic() < 1:
        return
    seg, m = cuts[0]
    x0, y0, x1, y1 = seg.box(*m.span())
    h = y1 - y0
    box = (x0, y0, x1 + h, y1)
    for w in ocr.reread(image_path, box, seconds=deadline - time.monotonic()):
        text = w.text.strip("#()[],.;:")
        span = FINDERS["course_number"](text, 0, len(text), True)
        if span and span[1] - span[0] == len(text):
            found["course_number"] = Found(text, w.conf, "pattern", None, box=box)
            return


def _read_figures(found: dict[str, Found], figures: list, image_path: Path | None, deadline: float) -> None:
    """A credit figure set large over its unit line that the page's reading garbled ("1 @ 5") or
    left out (a blank over the unit line): read again as digits and a point only (as it stands,
    at twice its size, turned level), and taken when that reading is an amount read with
    REVIEW_CONFIDENCE, or with every character sure, and, when something stood between the
    figure's digits or it was left out and is CECs, with a point."""
    if image_path is None:
        return
    for f, unit, box, parted, blank in figures:
        left = deadline - time.monotonic()
        if f in found or box is None or left < 1:
            continue
        for look in (_figure_in_blank,) if blank else (ocr.reread, _enlarged_figure, _levelled_figure):
            left = deadline - time.monotonic()
            if left < 1:
                return
            words = look(image_path, box, seconds=left, figure=True)
            text = "".join(w.text for w in words)
            conf = _sure_by_chars(words, SECOND_LOOK_CONFIDENCE) if words else 0.0
            if AMOUNT_CELL.fullmatch(text) and conf >= REVIEW_CONFIDENCE and ("." in text or not parted):
                found[f] = Found(text, conf, "label", unit, box=box)
                break


def _figure_in_blank(image_path: Path, box: tuple, *, seconds: float, figure: bool) -> list[ocr.Word]:
    """The figure in a blank BOX between two lines, read alone: nothing of the lines around it."""
    return ocr.read_figure_in(image_path, box, seconds=seconds)


def _enlarged_figure(image_path: Path, box: tuple, *, seconds: float, figure: bool) -> list[ocr.Word]:
    """The figure in BOX read at twice its size: a bold "15" set large, whose "1" the first look
    doubted, reads sure so."""
    return ocr.reread(image_path, box, seconds=seconds, figure=figure, enlarge=True)


def _levelled_figure(image_path: Path, box: tuple, *, seconds: float, figure: bool) -> list[ocr.Word]:
    """The figure in BOX (a tenth of its height wider, for the turn) read alone on the page turned
    level; nothing when the page is level already (the first reading saw it so)."""
    x0, y0, x1, y1 = box
    m = 0.1 * (y1 - y0)
    return ocr.read_figure_in(image_path, (x0 - m, y0 - m, x1 + m, y1 + m), seconds=seconds, level=True)


def _reread_agrees(f: str, got: Found, words: list[ocr.Word]) -> float | None:
    """The confidence of a second reading that says the same as the first (None when it says
    something else, or nothing). A date agrees when it reads as the same calendar date
    (an event range by its last day), whatever its spacing and punctuation ("30,/2025");
    anything else when it has the same letters and digits. An agreeing reading whose every
    character the recogniser is sure of (CHARS_CONFIDENCE) counts as sure, whatever its word
    confidence."""
    if f == "completion_date":
        first = parse_date(date_value(got.value)).value
        text, spans = "", []
        for w in words:
            spans.append((len(text), len(text) + len(w.text), w.conf))
            text += w.text + " "
        read_day_first = (got.label or "").endswith(DAY_FIRST)      # as the page says it writes dates
        dates = [(m.start(), m.end(), parse_date(date_value(
            (day_first(m.group()) or m.group()) if read_day_first else m.group())).value)
            for m in DATE_RE.finditer(text)]
        if first is None or len(dates) != 1 or dates[0][2] != first:
            return None
        a, b = dates[0][:2]
        inside = [w for (x, y, _c), w in zip(spans, words) if x < b and y > a]
        if not inside:
            return None
        return _sure_by_chars(inside, DATE_SECOND_LOOK_CONFIDENCE)
    if f in ("ceus", "hours"):
        # An amount agrees as an amount: "15" is not "1.5" (the point is what OCR loses).
        figures = [w for w in words if any(ch.isdigit() for ch in w.text)]
        text = "".join(w.text for w in figures).rstrip(".,")
        if not figures or not AMOUNT_CELL.fullmatch(text) or amount_value(text) != amount_value(got.value):
            return None
        return _sure_by_chars(figures, SECOND_LOOK_CONFIDENCE)
    target = _alnum(got.value)
    parts = [w for w in words if _alnum(w.text) and _alnum(w.text) in target]
    if parts and "".join(_alnum(w.text) for w in parts) == target:
        return _sure_by_chars(parts, SECOND_LOOK_CONFIDENCE)
    return None


def _sure_by_chars(words: list[ocr.Word], sure: float) -> float:
    """The confidence of an agreeing reading of WORDS: their least word confidence, or SURE when
    the recogniser is sure of every one of their characters (CHARS_CONFIDENCE)."""
    conf = min(w.conf for w in words)
    if all(w.chars is not None and w.chars >= CHARS_CONFIDENCE for w in words):
        conf = max(conf, sure)
    return conf


def _second_look(found: dict[str, Found], image_path: Path | None, deadline: float) -> None:
    """Re-read doubtful labelled values on their own (R19 asks for confidence, not a guess);
    an ID or email too, which the closed world looks up only when it was read with confidence.

    An event's credit (CECs or hours) is the attendee's own and is looked at so too; it agrees
    only as the same amount. A course number found by its shape alone is looked at as a
    labelled one is (its shape, read sure, is enough: R19). The value's box is read again as
    one line, and when that does not settle it, smoothed and enlarged, then at twice the size
    as it is, then with its specks opened away. A reading that gives the same value (a date: the
    same calendar date) and is itself sure (SECOND_LOOK_CONFIDENCE, or every character at
    CHARS_CONFIDENCE; a date that parses cleanly, DATE_SECOND_LOOK_CONFIDENCE) lifts the
    value's confidence; a reading that gives something else ends the look and the doubt
    stays (a date's look that reads no date at all leaves the next one to try). Either way
    `reread_confidence` records the best agreeing reading (0 when none agreed).
    """
    if image_path is None:
        return
    for f in ("first_name", "last_name", "full_name", "certificant_id", "email", "course_number", "completion_date",
              "ceus", "hours"):
        got = found.get(f)
        hows = ("label", "context", "only date", "event range") + (("pattern",) if f == "course_number" else ())
        if got is None or got.how not in hows or got.box is None or got.from_parts:
            continue
        if f == "completion_date" and not _possible_date(got.value):
            _mend_impossible_date(got, image_path, deadline)
            continue
        if got.confidence >= (DATE_SURE_CONFIDENCE if f == "completion_date" else REVIEW_CONFIDENCE):
            continue
        checking = got.confidence >= REVIEW_CONFIDENCE      # a date that passes, made sure of
        enough = DATE_SECOND_LOOK_CONFIDENCE if f == "completion_date" else SECOND_LOOK_CONFIDENCE
        got.reread = 0.0
        other: tuple[str, float] | None = None        # a course number the looks read otherwise, surely
        for words in _looks(image_path, got.parts or (got.box,), deadline):
            conf = _reread_agrees(f, got, words)
            if conf is None:
                text = " ".join(w.text for w in words)
                if f == "completion_date" and not DATE_RE.search(text):
                    continue    # no date read at all ("dul 27 2026"): the next look may read one
                if f == "course_number" and not checking:
                    # A course number the page's reading was unsure of ("CEP122456" at 60 for a
                    # large-print "CEP123456"), read otherwise and surely by two looks in a row,
                    # is what they read: the catalogue then judges it as any other.
                    again = _sure_course_in(words)
                    if again is not None and other is not None and _alnum(again[0]) == _alnum(other[0]):
                        got.value, got.confidence = again[0], min(again[1], other[1])
                        got.reread = got.confidence
                        break
                    if again is not None and other is None:
                        other = again
                        continue
                if checking:
                    got.doubt = (f"reads as {' '.join(text.split())!r} when the value is read again on its own: "
                                 f"a digit may be misread")
                break
            got.reread = max(got.reread, conf)
            if checking:
                break
            if conf >= enough:
                got.confidence = conf
                break
    name_from_parts(found)


def _sure_course_in(words: list[ocr.Word]) -> tuple[str, float] | None:
    """(the course number, its confidence) when a look's WORDS are one course number, nothing
    else, read surely (SECOND_LOOK_CONFIDENCE, or every character at CHARS_CONFIDENCE)."""
    text = " ".join(w.text for w in words).strip(EDGE_PUNCT)
    m = COURSE_LABELLED_RE.fullmatch(text)
    if m is None or not words:
        return None
    conf = _sure_by_chars(words, SECOND_LOOK_CONFIDENCE)
    return (text, conf) if conf >= SECOND_LOOK_CONFIDENCE else None


def _looks(image_path: Path, boxes: tuple, deadline: float):
    """The second look's readings of BOXES (one box, or each line of a value wrapped over two, read
    in turn and joined), one look after another while time is left: as it is, smoothed, enlarged,
    with its specks opened away (ocr.reread)."""
    for look in ("plain", "smoothed", "enlarged", "despeckled"):
        words = []
        for box in boxes:
            left = deadline - time.monotonic()
            if left < 1:
                return
            words += ocr.reread(image_path, box, seconds=left, smooth=look == "smoothed", enlarge=look == "enlarged",
                                despeckle=look == "despeckled")
        yield words


# A year no certificate's completion can have: a fax's "2025" read "2625" is a date on the calendar.
LAST_POSSIBLE_YEAR = 2099


def _possible_date(value: str) -> bool:
    """Whether VALUE reads as a day on the calendar that a course may have been completed on."""
    day = parse_date(date_value(value)).value
    return day is not None and day.year <= LAST_POSSIBLE_YEAR


def _mend_impossible_date(got: Found, image_path: Path, deadline: float) -> None:
    """A completion date read as no date at all ("92/09/2026": a "0" read as "9"), or as a year
    past LAST_POSSIBLE_YEAR ("06/09/2625"): its box read
    again on its own, in each look of the second look. When two looks read the same real date,
    each sure, spelt as the first reading but for one character, that date replaces the reading
    (two independent readings agree, and the first could not stand); otherwise the reading stays,
    as doubtful as it was."""
    got.reread = 0.0
    seen: dict[str, list[float]] = {}
    for words in _looks(image_path, (got.box,), deadline):
        text = " ".join(w.text for w in words)
        dates = list(DATE_RE.finditer(text))
        if len(dates) != 1:
            continue
        value = dates[0].group()
        if not _possible_date(value) or len(value) != len(got.value) or \
                sum(a != b for a, b in zip(value, got.value)) != 1:
            continue
        inside = [w for w in words if w.text in value or value in w.text]
        conf = _sure_by_chars(inside, DATE_SECOND_LOOK_CONFIDENCE) if inside else 0.0
        if conf < DATE_SECOND_LOOK_CONFIDENCE:
            continue
        seen.setdefault(value, []).append(conf)
        if len(seen[value]) == 2:
            got.value, got.confidence = value, min(seen[value])
            got.reread = got.confidence
            return


# A year-first date whose month has two digits and whose day has one ("2025-12-1"): a day written
# "1" after a month written "12" is rarer than a scan or fax losing the last digit.
_ONE_DIGIT_DAY = re.compile(r"\d{4}\s?[-/.]\s?\d{2}\s?[-/.]\s?\d")


def _doubt_cut_day(found: dict[str, Found]) -> None:
    """A scanned completion date that may have lost its last digit is kept for staff to confirm."""
    got = found.get("completion_date")
    if got is not None and got.doubt is None and _ONE_DIGIT_DAY.fullmatch(got.value.strip()):
        got.doubt = "has a one-digit day after a two-digit month: a last digit may have been lost"


def _doubt_lost_character(found: dict[str, Found], result: ocr.PageOcr) -> None:
    """A scanned completion date, course number or ID with a mark just before it that the
    reading left out (ocr.unread_mark_before) may have lost its first character ("1/8/2025"
    read sure for "11/8/2025"): kept for staff to confirm."""
    if result.image_path is None:
        return
    for f in ("completion_date", "course_number", "certificant_id"):
        got = found.get(f)
        if got is None or got.doubt is not None or got.box is None or not got.value[:1].isalnum():
            continue
        if ocr.unread_mark_before(result.image_path, got.box, result.words):
            got.doubt = "has a mark just before it that was not read: a first character may have been lost"


def _name_cut_short(found: dict[str, Found], result: ocr.PageOcr, deadline: float) -> None:
    """A scanned name with print right after it that the reading left out (ocr.unread_print_after):
    the reading cut it short ("Eun-ji Halvo" of "Eun-ji Halvorsen", a fax's streak through the
    "r"). The name and that print are read again as one line; when that reading holds as many
    words and its last one is the name's last lengthened with letters, the name's last word is
    that one. Any other leaves the name as read: the registry lookup judges it (a name cut short
    matches no one exactly)."""
    got = found.get("full_name")
    if got is None or got.box is None or got.from_parts or got.doubt is not None or result.image_path is None \
            or deadline - time.monotonic() <= 1:
        return
    end = ocr.unread_print_after(result.image_path, got.box, result.words)
    if end is None:
        return
    x0, y0, _x1, y1 = got.box
    words = ocr.reread(result.image_path, (x0, y0, end, y1), seconds=deadline - time.monotonic())
    said, read = got.value.split(), " ".join(w.text for w in words).split()
    if len(read) == len(said) and read[-1] != said[-1] and read[-1].startswith(said[-1]) and read[-1].isalpha():
        conf = min(w.conf for w in words if w.text == read[-1])
        found["full_name"] = Found(" ".join(said[:-1] + read[-1:]), min(conf, got.confidence), got.how, got.label,
                                   box=(x0, y0, end, y1))


def _second_look_at_names(found: dict[str, Found], cands: list, image_path: Path | None, deadline: float) -> None:
    """No name after a label: re-read the largest name-like runs that were read too poorly for the
    registry lookup (a name set large over a fax's grain), each on its own as one line.

    A reading with the same letters, itself sure (SECOND_LOOK_CONFIDENCE, or every character at
    CHARS_CONFIDENCE), lifts the run's confidence; the closed world then looks it up like any
    other. A reading that agrees but is not sure is tried once more at twice the size; anything
    else leaves it be.
    """
    if image_path is None or any(f in found for f in ("full_name", "first_name", "last_name")):
        return
    runs = [c for c in cands if c.field == "name" and c.kind != "staff" and c.box is not None
            and c.confidence < NAME_LOOKUP_CONFIDENCE and c.box[2] - c.box[0] > 2 * (c.box[3] - c.box[1])]
    for c in sorted(runs, key=lambda c: c.box[3] - c.box[1], reverse=True)[:NAME_REREADS]:
        for enlarge in (False, True):
            left = deadline - time.monotonic()
            if left < 1:
                return
            words = ocr.reread(image_path, c.box, seconds=left, enlarge=enlarge)
            conf = _reread_agrees("full_name", Found(c.value, c.confidence, "pattern", None), words)
            if conf is None or conf >= SECOND_LOOK_CONFIDENCE:
                if conf is not None:
                    c.confidence = conf
                break
