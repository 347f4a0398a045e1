"""Scans and faxes made easier to read: fax cleaning, levelling, second looks that must agree.

Pages are drawn at test time (PIL, reportlab, the certificate corpus's fax maker); the
reader and Tesseract are the real ones.
"""

from __future__ import annotations

import sys
import time
from decimal import Decimal

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFont

from cec_batch import ocr
from cec_batch.config import Limits
from cec_batch.normalize import parse_date
from cec_batch.readers import certificate_pdf
from cec_batch.readers.cert_fields import Found
from cec_batch.readers.certificate_pdf import REVIEW_CONFIDENCE, read_certificates
from conftest import ROOT

sys.path.insert(0, str(ROOT))

needs_tesseract = pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed")
LIMITS = Limits()


def _font(px: int):
    for name in ("DejaVuSans.ttf", "LiberationSans-Regular.ttf"):
        for folder in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation"):
            try:
                return ImageFont.truetype(f"{folder}/{name}", px)
            except OSError:
                continue
    return ImageFont.load_default()


def _words(words: list[tuple[str, float]]) -> list[ocr.Word]:
    return [ocr.Word(t, c, 0, 0, 0, 0, 0, 0, 0) for t, c in words]


# ---------------------------------------------------------------- faxes


def test_a_fax_page_is_told_from_a_greyscale_scan(tmp_path):
    img = Image.new("L", (408, 392), 255)
    ImageDraw.Draw(img).text((20, 20), "Certificate", fill=0)
    img.convert("1").save(tmp_path / "fax.pdf", "PDF", resolution=204)
    img.save(tmp_path / "scan.pdf", "PDF", resolution=200)
    for name, want in (("fax.pdf", True), ("scan.pdf", False)):
        doc = pdfium.PdfDocument(str(tmp_path / name))
        try:
            assert ocr.is_bilevel(doc[0]) is want, name
        finally:
            doc.close()


def test_fax_cleaning_whitens_a_streak_and_specks_and_keeps_the_letters():
    img = Image.new("L", (1200, 1600), 255)
    d = ImageDraw.Draw(img)
    d.text((100, 700), "July 30, 2025", fill=0, font=_font(60))
    d.line((200, 1200, 600, 1200), fill=0, width=5)  # a rule across the streak's path
    letters = np.asarray(img) < 128
    a = np.asarray(img).copy()
    a[100:1600, 400:403] = 0                       # a dirty read head's streak down the page, through the date
    rng = np.random.default_rng(7)
    ys, xs = rng.integers(0, 1600, 300), rng.integers(0, 1200, 300)
    a[ys, xs] = 0                                  # lone specks
    out = np.asarray(ocr.clean_bilevel(Image.fromarray(a))) < 128
    assert not out[100:650, 400:403].any()         # the streak is gone above the text ...
    assert not out[900:1190, 400:403].any()        # ... and below it
    assert not out[1210:1600, 400:403].any()
    assert out[1200, 398:406].all()                # where a stroke crossed it, the stroke is whole again
    assert np.count_nonzero(out & ~letters) < 0.02 * np.count_nonzero(letters)   # the specks are gone
    assert np.count_nonzero(out & letters) > 0.8 * np.count_nonzero(letters)      # the letters stay


def test_fax_cleaning_mends_a_lost_scan_line_and_fills_nothing_else():
    img = Image.new("L", (1600, 1000), 255)
    d = ImageDraw.Draw(img)
    d.text((100, 100), "Tamar Herrera", fill=0, font=_font(110))
    d.text((100, 400), "two lines", fill=0, font=_font(40))
    d.text((100, 446), "close by", fill=0, font=_font(40))
    a = np.asarray(img).copy()
    letters = a < 128
    rows = np.flatnonzero(letters[100:260].any(axis=1)) + 100
    cut = int(rows[len(rows) // 2])
    a[cut:cut + 3, :] = 255                        # a lost scan line through the name
    gaps = [r for r in range(390, 520) if not letters[r].any() and letters[r - 1].any()]
    out = np.asarray(ocr.clean_bilevel(Image.fromarray(a))) < 128
    crossed = letters[cut - 1] & letters[cut + 3]
    assert crossed.sum() >= 4
    assert out[cut:cut + 3, crossed].all()         # the strokes it cut are whole again
    assert not out[cut:cut + 3, ~(letters[cut - 1] | letters[cut + 3])].any()   # nothing drawn between them
    assert gaps and not any(out[r].any() for r in gaps)   # the white between two lines of print stays white


def test_a_streak_cut_by_a_lost_scan_line_with_grey_edges_is_still_one_streak():
    # The fax's rows scaled to 300 dpi: the rows either side of the lost line are grey where
    # the streak crosses them, and the streak's two pieces are each too short to be seen.
    a = np.full((1600, 1200), 255, np.uint8)
    a[:, 700:1100:40] = 0                          # print on every row, so that the lost line stands out
    a[500:1600, 400:402] = 0
    a[1000:1002, :] = 255
    a[999, 400:402] = a[1002, 400:402] = 170
    out = np.asarray(ocr.clean_bilevel(Image.fromarray(a))) < 128
    assert not out[:, 398:404].any()


@needs_tesseract
def test_a_name_set_large_and_cut_by_a_lost_scan_line_is_read(tmp_path):
    img = Image.new("L", (2400, 700), 255)
    ImageDraw.Draw(img).text((100, 150), "Ms. Tamar Herrera", fill=0, font=_font(130))
    a = np.asarray(img).copy()
    rows = np.flatnonzero((a < 128).any(axis=1))
    for r in (rows[0] + (rows[-1] - rows[0]) // 3, rows[0] + 2 * (rows[-1] - rows[0]) // 3):
        a[r:r + 3, :] = 255                        # two lost scan lines across the name
    page = tmp_path / "page.pgm"
    ocr.clean_bilevel(Image.fromarray(a)).save(page)
    text = " ".join(w.text for w in ocr.ocr_image(page, seconds=60).words)
    assert "Tamar Herrera" in text


def faxed(tmp_path_factory, set_name: str, layout: str):
    """One corpus layout's single-page fax, made now: (path, its truth row)."""
    from bench.certcorpus import build

    out = tmp_path_factory.mktemp("fax")
    truth = build.generate(out, sets=(set_name,), forms_=("fax",), only={layout}, workers=1)
    (row,) = [r for r in truth if r["layout"] == layout]
    return out / set_name / "fax" / row["file"], row


@pytest.fixture(scope="module")
def faxed_classic(tmp_path_factory):
    """The tuned corpus's classic-landscape layout as a fax, made now, with its truth."""
    return faxed(tmp_path_factory, "tuned", "classic-landscape")


@needs_tesseract
@pytest.mark.slow
def test_a_faxed_certificate_with_a_streak_through_its_date_is_read_sure(faxed_classic):
    # The fax's streak runs between "30," and "2025": read raw, Tesseract gives "30,/2025" at 66.
    path, truth = faxed_classic
    row = read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()
    assert row["read"]["fields"]["completion_date"]["confidence"] >= REVIEW_CONFIDENCE
    assert parse_date(row["completion_date"]).value.isoformat() == truth["completion_date"]
    assert row["certificant_id"] == truth["certificant_id"]
    assert row["review"] is None


# ---------------------------------------------------------------- skewed tables


def _table_page(angle: float) -> Image.Image:
    """A ruled two-column table at 300 dpi, turned `angle` degrees as a sheet fed askew."""
    img = Image.new("L", (2550, 3300), 255)
    d = ImageDraw.Draw(img)
    f = _font(40)
    d.text((300, 250), "Proof of Continuing Education", fill=0, font=_font(60))
    rows = [("Name", "Renee Dubois"), ("Certificant ID", "146333"), ("Course number", "CEP31415"),
            ("Date of completion", "2025-02-02"), ("Credits (CEC)", "0.6")]
    top, h = 500, 100
    for i, (label, value) in enumerate(rows):
        d.text((330, top + i * h + 28), label, fill=0, font=f)
        d.text((1130, top + i * h + 28), value, fill=0, font=f)
    for i in range(len(rows) + 1):
        d.line((300, top + i * h, 2250, top + i * h), fill=0, width=4)
    for x in (300, 1100, 2250):
        d.line((x, top, x, top + len(rows) * h), fill=0, width=4)
    return img.rotate(angle, resample=Image.BICUBIC, fillcolor=255)


def test_the_slope_of_a_skewed_page_is_found():
    for angle in (-2.0, 0.0, 1.5):
        assert ocr.skew_angle(_table_page(angle)) == pytest.approx(angle, abs=0.15)


@pytest.mark.parametrize("edge", ["top", "bottom"])
def test_the_slope_is_found_under_a_scanners_shadow_along_an_edge(edge):
    # A dark band along the top or bottom edge (the lid's shadow) is level whatever the sheet's
    # slope: counted as ink, its rows outweighed every line of print and the page read as level.
    img = _table_page(1.8)
    a = np.asarray(img, dtype=np.float32)
    band = np.linspace(40, 250, 150)[:, None]                    # darkest at the edge
    if edge == "top":
        a[:150] = np.minimum(a[:150], band)
    else:
        a[-150:] = np.minimum(a[-150:], band[::-1])
    shaded = Image.fromarray(a.astype(np.uint8), "L")
    assert ocr.skew_angle(shaded) == pytest.approx(1.8, abs=0.15)


def test_a_level_page_without_rules_is_not_read_again(tmp_path):
    img = Image.new("L", (2550, 3300), 255)
    ImageDraw.Draw(img).text((300, 300), "Certificate of Completion", fill=0, font=_font(60))
    img.save(tmp_path / "p.pgm")
    for level in (False, True):
        assert ocr.ocr_without_rules(tmp_path / "p.pgm", seconds=10, level=level) is None


@needs_tesseract
def test_a_skewed_ruled_table_is_levelled_and_its_cells_read(tmp_path):
    _table_page(2.0).save(tmp_path / "p.pgm")
    again = ocr.ocr_without_rules(tmp_path / "p.pgm", seconds=30, level=True)
    assert again is not None
    text = " ".join(w.text for w in again.words)
    for value in ("Dubois", "146333", "CEP31415", "2025-02-02"):
        assert value in text


# ---------------------------------------------------------------- character boxes


def _comb(d: ImageDraw.ImageDraw, x: int, y: int, text: str, boxes: int, size: int = 70) -> int:
    """A row of BOXES character boxes at (x, y), TEXT one character a box; the x after it."""
    f = _font(46)
    d.line((x, y, x + boxes * size, y), fill=0, width=3)
    d.line((x, y + size + 20, x + boxes * size, y + size + 20), fill=0, width=3)
    for i in range(boxes + 1):
        d.line((x + i * size, y, x + i * size, y + size + 20), fill=0, width=3)
    for i, ch in enumerate(text):
        d.text((x + i * size + 20, y + 22), ch, fill=0, font=f)
    return x + boxes * size


def _comb_form(angle: float = 0.0) -> Image.Image:
    """A form filled in one character per box, turned `angle` degrees."""
    img = Image.new("L", (2550, 3300), 255)
    d = ImageDraw.Draw(img)
    d.text((300, 250), "Continuing Education Training Record", fill=0, font=_font(60))
    d.text((300, 420), "Surname", fill=0, font=_font(36))
    _comb(d, 300, 480, "HOLLOWAY", 16)
    d.text((300, 680), "First name", fill=0, font=_font(36))
    _comb(d, 300, 740, "ANA MARIA", 16)
    d.text((300, 940), "Date course completed", fill=0, font=_font(36))
    x = _comb(d, 300, 1000, "06", 2)
    d.text((x + 20, 1022), "/", fill=0, font=_font(46))
    x = _comb(d, x + 70, 1000, "22", 2)
    d.text((x + 20, 1022), "/", fill=0, font=_font(46))
    _comb(d, x + 70, 1000, "2026", 4)
    return img.rotate(angle, resample=Image.BICUBIC, fillcolor=255)


@needs_tesseract
@pytest.mark.parametrize("angle", [0.0, 0.8])
def test_a_forms_character_boxes_are_read_as_their_values_typed(tmp_path, angle):
    # In their boxes the letters read as junk ("c]efafofafafa]"); set close they read as typed,
    # an empty box between two words is a space, and a date's three combs are one date.
    _comb_form(angle).save(tmp_path / "p.pgm")
    again = ocr.ocr_without_rules(tmp_path / "p.pgm", seconds=30)
    assert again is not None
    lines = {}
    for w in again.words:
        lines.setdefault((w.block, w.par, w.line), []).append(w.text)
    read = [" ".join(line) for line in lines.values()]
    assert "HOLLOWAY" in read
    assert "ANA MARIA" in read
    assert "06/22/2026" in read


def test_what_is_not_a_row_of_character_boxes_is_left_as_it_is():
    # A ruled table's cells are far wider than high; checkboxes stand apart; one box is one box;
    # narrow cells holding two figures each ("23" | "45") are a table's, not a form's boxes.
    img = _table_page(0.0)
    d = ImageDraw.Draw(img)
    for x in (300, 700, 1100):                      # checkboxes, each with its word
        d.rectangle((x, 1400, x + 60, 1460), outline=0, width=3)
        d.text((x + 90, 1405), "Online", fill=0, font=_font(40))
    d.rectangle((300, 1600, 2250, 1700), outline=0, width=3)      # one long box holding a title
    d.text((330, 1625), "BARRE FUNDAMENTALS", fill=0, font=_font(40))
    for i, value in enumerate(("23", "45", "17")):             # a table's narrow cells, square-ish
        d.rectangle((300 + i * 100, 1900, 400 + i * 100, 1990), outline=0, width=3)
        d.text((320 + i * 100, 1920), value, fill=0, font=_font(40))
    a = np.asarray(img)
    assert ocr.packed_combs(a) is None
    assert ocr.packed_combs(np.asarray(_comb_form())) is not None


@needs_tesseract
@pytest.mark.slow
def test_a_faxed_form_filled_in_character_boxes_posts(tmp_path_factory):
    # Every value of the form stands one character a box: before, nothing but its labels was read.
    path, truth = faxed(tmp_path_factory, "fresh", "comb-box-form")
    row = read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()
    assert row["review"] is None
    assert row["certificant_id"] == truth["certificant_id"]
    assert row["course_number"].replace(" ", "") == truth["course_number"]
    assert parse_date(row["completion_date"]).value.isoformat() == truth["completion_date"]
    assert Decimal(str(row["ceus"])) == Decimal(truth["ceus"])


# ---------------------------------------------------------------- second looks


def test_a_second_reading_of_a_date_agrees_by_the_calendar_date():
    got = Found("July 30,/2025", 66.0, "label", "Date", box=(0, 0, 10, 10))
    agrees = certificate_pdf._reread_agrees
    assert agrees("completion_date", got, _words([("July", 96), ("30,", 95), ("2025", 93)])) == 93
    # Another day, another date beside it, or no date at all: no agreement.
    assert agrees("completion_date", got, _words([("July", 96), ("20,", 95), ("2025", 93)])) is None
    assert agrees("completion_date", got, _words([("July", 96), ("30,", 95), ("2025", 93), ("8/1/2025", 96)])) is None
    assert agrees("completion_date", got, _words([("Julv", 40)])) is None
    # An event range completes on its last day, as the first reading said.
    rng = Found("April 15, 2026", 74.0, "context", "held", box=(0, 0, 10, 10))
    assert agrees("completion_date", rng, _words([("April", 96), ("13-15,", 92), ("2026", 95)])) == 92
    # Other fields agree by their letters and digits.
    course = Found("CEP 31415", 70.0, "label", "Course", box=(0, 0, 10, 10))
    assert agrees("course_number", course, _words([("CEP31415", 91)])) == 91
    assert agrees("course_number", course, _words([("CEP31416", 96)])) is None


def test_a_second_reading_of_a_credit_agrees_only_as_the_same_amount():
    got = Found("1.5", 84.0, "label", "CECs", box=(0, 0, 10, 10))
    agrees = certificate_pdf._reread_agrees
    assert agrees("ceus", got, _words([("1.5", 93)])) == 93
    assert agrees("ceus", got, _words([("1.50", 93)])) == 93
    # The same digits without the point, or another figure: no agreement.
    assert agrees("ceus", got, _words([("15", 96)])) is None
    assert agrees("ceus", got, _words([("1.3", 96)])) is None
    assert agrees("hours", Found("15", 70.0, "label", "Hours", box=(0, 0, 10, 10)), _words([("1", 90), ("5", 90)])) == 90
    assert agrees("hours", Found("15", 70.0, "label", "Hours", box=(0, 0, 10, 10)), _words([("1.5", 90)])) is None


def test_an_agreeing_date_whose_every_character_is_sure_is_sure_whatever_its_word_confidence():
    got = Found("07/09/2025", 63.0, "label", "Date", box=(0, 0, 10, 10))
    agrees = certificate_pdf._reread_agrees
    sure = [ocr.Word("07/09/2025", 61.0, 0, 0, 0, 0, 0, 0, 0, chars=99.1)]
    assert agrees("completion_date", got, sure) == certificate_pdf.DATE_SECOND_LOOK_CONFIDENCE
    # One character the recogniser doubts (a misread "40/43/2026" had 87): the word confidence stands.
    doubted = [ocr.Word("07/09/2025", 61.0, 0, 0, 0, 0, 0, 0, 0, chars=87.0)]
    assert agrees("completion_date", got, doubted) == 61.0
    # Sure characters that say another date do not agree at all.
    other = [ocr.Word("07/08/2025", 61.0, 0, 0, 0, 0, 0, 0, 0, chars=99.1)]
    assert agrees("completion_date", got, other) is None
    # Every word of the date must be sure, not only some.
    split = [ocr.Word("July", 96.0, 0, 0, 0, 0, 0, 0, 0, chars=99.0), ocr.Word("9,", 60.0, 0, 0, 0, 0, 0, 0, 0, chars=80.0),
             ocr.Word("2025", 70.0, 0, 0, 0, 0, 0, 0, 0, chars=99.0)]
    assert agrees("completion_date", Found("July 9, 2025", 60.0, "label", "Date", box=(0, 0, 10, 10)), split) == 60.0
    # A name agrees by its letters, and is sure by its characters as a date is ("Aaliyah" scored 0).
    name = Found("Jensen, Aaliyah", 46.0, "label", "Student", box=(0, 0, 10, 10))
    read = [ocr.Word("Jensen,", 96.0, 0, 0, 0, 0, 0, 0, 0, chars=99.0), ocr.Word("Aaliyah", 0.0, 0, 0, 0, 0, 0, 0, 0, chars=99.6)]
    assert agrees("full_name", name, read) == certificate_pdf.SECOND_LOOK_CONFIDENCE
    read[1].chars = 85.0
    assert agrees("full_name", name, read) == 0.0


@needs_tesseract
def test_a_reread_gives_each_words_least_sure_character(tmp_path):
    path = _date_image(tmp_path, "Smith & Jones 26th June, 2026")
    words = ocr.reread(path, (50, 50, 1300, 130), seconds=30)
    assert [w.text for w in words] == ["Smith", "&", "Jones", "26th", "June,", "2026"]
    assert all(w.chars is not None and 0 <= w.chars <= 100 for w in words)
    assert all(w.chars >= 90 for w in words)   # a clean print: every character sure


@needs_tesseract
@pytest.mark.parametrize("enlarge", [False, True])
def test_a_rereads_words_are_placed_on_the_page_not_in_its_cut_out(tmp_path, enlarge):
    # A figure far right in the strip read again: its box is where it stands on the page, as read
    # at the page's size, whether the cut-out was read as it is or enlarged.
    img = Image.new("L", (1600, 240), 255)
    draw = ImageDraw.Draw(img)
    draw.text((300, 90), "Total hours", fill=0, font=_font(48))
    at = draw.textbbox((1200, 90), "15", font=_font(48))
    draw.text((1200, 90), "15", fill=0, font=_font(48))
    img.save(tmp_path / "p.pgm")
    words = ocr.reread(tmp_path / "p.pgm", (260, 80, 1400, 150), seconds=30, enlarge=enlarge)
    [fifteen] = [w for w in words if w.text == "15"]
    assert abs(fifteen.left - at[0]) <= 6 and abs(fifteen.left + fifteen.width - at[2]) <= 6
    assert abs(fifteen.top - at[1]) <= 6 and abs(fifteen.top + fifteen.height - at[3]) <= 6


@needs_tesseract
def test_a_reread_leaves_out_the_edges_of_the_lines_above_and_below(tmp_path):
    # A value's box cut out with its margin takes in the foot of the line above and the head of
    # the one below, beside a ruled frame's edge: read as one line, that read nothing at all.
    img = Image.new("L", (900, 260), 255)
    draw = ImageDraw.Draw(img)
    for y, text in ((20, "CL103120 - Resistance Training"), (95, "Jul 27 2026"), (170, "1.1 CEC awarded")):
        draw.text((60, y), text, fill=0, font=_font(40))
    draw.line((420, 0, 420, 260), fill=0, width=3)
    cut = ocr._centre_line(img.crop((40, 60, 450, 180)))
    assert cut.height < 80            # the middle line and a margin, not its neighbours' edges
    img.save(tmp_path / "p.pgm")
    words = ocr.reread(tmp_path / "p.pgm", (60, 85, 340, 150), seconds=30)
    assert parse_date(" ".join(w.text for w in words)).value.isoformat() == "2026-07-27"
    # A crop holding one line only is left as it is.
    alone = Image.new("L", (400, 120), 255)
    ImageDraw.Draw(alone).text((20, 30), "Jul 27 2026", fill=0, font=_font(40))
    assert ocr._centre_line(alone).size == alone.size


@needs_tesseract
def test_a_reread_leaves_out_the_words_beside_the_value_in_its_margin(tmp_path):
    # "... held on 1st June 2025, each ...": the margin around the date's box takes in the "n" of
    # "on" and the "e" of "each", which OCR read as "1" and "«": "1 Ist June 2025" was the 1st of
    # June 2014, and the reading did not agree with the page's.
    try:
        font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 56)
    except OSError:
        pytest.skip("DejaVu Serif is not installed")
    img = Image.new("L", (1400, 200), 255)
    draw = ImageDraw.Draw(img)
    box = draw.textbbox((300, 60), "1st June 2025,", font=font)
    draw.text((300 - 18 - draw.textbbox((0, 60), "held on", font=font)[2], 60), "held on", fill=0, font=font)
    draw.text((300, 60), "1st June 2025,", fill=0, font=font)
    draw.text((box[2] + 18, 60), "each", fill=0, font=font)
    img.save(tmp_path / "p.pgm")
    text = " ".join(w.text for w in ocr.reread(tmp_path / "p.pgm", box, seconds=30))
    assert text.startswith(("1st June 2025", "lst June 2025", "Ist June 2025")), text   # nothing before the day
    assert text.endswith("2025,"), text                                                 # nor after the year
    assert parse_date(certificate_pdf.date_value(text)).value.isoformat() == "2025-06-01"


def test_hocr_words_take_the_least_sure_character_and_unescape():
    hocr = ("<span class='ocrx_word' id='word_1_1' title='bbox 1 2 3 4; x_wconf 61'>"
            "<span class='ocrx_cinfo' title='x_bboxes 1 2 3 4; x_conf 99.5'>0</span>"
            "<span class='ocrx_cinfo' title='x_bboxes 1 2 3 4; x_conf 87.25'>7</span></span>"
            "<span class='ocrx_word' id='word_1_2' title='bbox 1 2 3 4; x_wconf 90'>"
            "<span class='ocrx_cinfo' title='x_bboxes 1 2 3 4; x_conf 98'>&amp;</span></span>")
    words = ocr.hocr_words(hocr)
    assert [(w.text, w.conf, w.chars) for w in words] == [("07", 61.0, 87.25), ("&", 90.0, 98.0)]


def _date_image(tmp_path, text: str):
    img = Image.new("L", (1400, 200), 255)
    ImageDraw.Draw(img).text((60, 60), text, fill=0, font=_font(56))
    path = tmp_path / "d.pgm"
    img.save(path)
    return path


@needs_tesseract
def test_a_doubtful_date_read_again_as_the_same_date_is_lifted(tmp_path):
    # An event's range, taken as its last day: the same date, though not the same characters.
    path = _date_image(tmp_path, "April 13-15, 2026")
    found = {"completion_date": Found("April 15, 2026", 44.0, "context", "held", box=(50, 50, 800, 130))}
    certificate_pdf._second_look(found, path, deadline=time.monotonic() + 30)
    got = found["completion_date"]
    assert got.confidence >= REVIEW_CONFIDENCE and got.reread == got.confidence


@needs_tesseract
def test_a_doubtful_date_read_again_as_another_date_stays_doubtful(tmp_path):
    # The first reading said the 18th; the page says the 10th: the doubt must stay (precision first).
    path = _date_image(tmp_path, "January 10, 2026")
    found = {"completion_date": Found("January 18, 2026", 60.0, "label", "Date", box=(50, 50, 800, 130))}
    certificate_pdf._second_look(found, path, deadline=time.monotonic() + 30)
    got = found["completion_date"]
    assert got.confidence == 60.0 and got.reread == 0.0


@needs_tesseract
@pytest.mark.parametrize("printed, first, mended", [
    ("02/09/2026", "92/09/2026", "02/09/2026"),    # a "0" read as "9": no month 92, and every look reads 02
    ("02/09/2026", "92/08/2026", "92/08/2026"),    # two characters apart: not the same reading mended
    ("02/09/2026", "02/09/2026", "02/09/2026"),    # a real date is the second look's usual business
])
def test_a_completion_date_read_as_no_date_is_mended_only_by_two_sure_looks_one_character_off(
        tmp_path, printed, first, mended):
    path = _date_image(tmp_path, printed)
    found = {"completion_date": Found(first, 77.0, "label", "Completion Date", box=(50, 50, 800, 130))}
    certificate_pdf._second_look(found, path, deadline=time.monotonic() + 30)
    got = found["completion_date"]
    assert got.value == mended
    assert (got.confidence >= REVIEW_CONFIDENCE) is (parse_date(got.value).value is not None)


@needs_tesseract
@pytest.mark.parametrize("field, printed, read, lifted", [
    ("email", "arjun.rojas@fitpro.example", "arjun.rojas@fitpro.example", True),
    ("email", "arjun.rojas@fitpro.example", "arjun.roias@fitpro.example", False),   # read again, not the same
    ("certificant_id", "109861", "109861", True),
])
def test_an_id_or_email_read_poorly_is_read_again_and_lifted_only_when_the_same(tmp_path, field, printed, read,
                                                                                   lifted):
    # The closed world looks an ID or email up only when it was read with confidence.
    path = _date_image(tmp_path, printed)
    found = {field: Found(read, 22.0, "label", "email" if field == "email" else "ID", box=(50, 50, 1000, 130))}
    certificate_pdf._second_look(found, path, deadline=time.monotonic() + 30)
    got = found[field]
    assert (got.confidence >= REVIEW_CONFIDENCE) is lifted
    assert got.confidence == 22.0 or lifted


# ---------------------------------------------------------------- ornamental frames


def _word(text, conf, left, top, width=50):
    return ocr.Word(text, conf, left, top, width, 50, 1, 1, top // 100)


def test_an_ornamental_frames_junk_words_are_dropped_and_the_text_beside_them_kept():
    # A frame of ornaments down both sides, read as junk on each line of the text.
    width = 3300
    text = [_word("Francois", 96, 930, 800, 700), _word("Lefevre", 96, 1720, 800, 600)]
    frame = [_word(t, c, 90, 100 + 150 * i) for i, (t, c) in enumerate([("°", 0), ("lo}", 5), ("Mae", 65), ("ie", 44),
                                                                        ("o|", 0), ("5", 10), ("3", 25)])]
    frame += [_word(t, 0, 3157, 120 + 150 * i) for i, t in enumerate(["XK", "cl", "y", "|", "lo}"])]
    kept = ocr._without_frame(text + frame, width)
    assert [w.text for w in kept] == ["Francois", "Lefevre", "Mae"]      # "Mae" read at 65: not junk


def test_a_few_poor_words_near_an_edge_are_no_frame():
    width = 3300
    words = [_word("Date:", 96, 300, 500), _word("ii", 20, 60, 900), _word("/", 10, 3200, 1500),
             _word("Ref", 40, 3190, 200)]
    assert ocr._without_frame(words, width) == words


@needs_tesseract
def test_characters_no_field_holds_are_never_read(tmp_path):
    # On a fax a jagged C or 6 comes out as "€"; no certificate field holds one, so none is read.
    img = Image.new("L", (1600, 300), 255)
    ImageDraw.Draw(img).text((60, 100), "Fee: €25 paid", fill=0, font=_font(60))
    img.save(tmp_path / "p.pgm")
    text = " ".join(w.text for w in ocr.ocr_image(tmp_path / "p.pgm", seconds=30).words)
    assert "paid" in text and not set(text) & set(ocr.NEVER_PRINTED)


# ---------------------------------------------------------------- fax headers


def _fax_pdf(path, header: str, body: list[str]):
    """A 1-bit page at 200 dpi: the sending machine's header line at the top edge, then the body."""
    img = Image.new("L", (1700, 2200), 255)
    d = ImageDraw.Draw(img)
    d.text((20, 8), header, fill=0, font=_font(22))
    for i, line in enumerate(body):
        d.text((200, 300 + 90 * i), line, fill=0, font=_font(40))
    img.convert("1", dither=Image.Dither.NONE).save(path, "PDF", resolution=200)
    return path


@needs_tesseract
def test_a_fax_headers_date_is_never_taken_for_the_completion(tmp_path):
    # The completion date did not come through; the header's time reads "1813" (no colon), so
    # its date looks like the only date on the page: it must not be posted as the completion.
    path = _fax_pdf(tmp_path / "fax.pdf", "2025-06-23 1813 FAX 1 555 011 9032 -> 1 555 010 0100  1/1",
                    ["Certificate of Completion", "This certifies that", "Jordan Ellis",
                     "completed Course Number: CS-410260", "CEUs: 1.2"])
    row = read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()
    assert row["full_name"] == "Jordan Ellis"             # the body was read
    assert row["completion_date"] is None and "completion date not found" in row["review"]


def test_only_words_in_the_band_at_the_top_are_a_fax_header():
    words = [_word("2025-06-23", 90, 30, 15), _word("18:13", 90, 300, 18), _word("CERTIFICATE", 96, 900, 160),
             _word("Date:", 96, 300, 80)]
    kept = certificate_pdf._below_header(words)
    assert [w.text for w in kept] == ["CERTIFICATE", "Date:"]


def test_a_rate_sentence_misread_on_a_fax_is_still_a_rate():
    from cec_batch.readers.cert_fields import is_rate

    for text in ("One contact hour equais 0.1 CEC.", "One contact hour equa1s 0.1 CEC.",
                 "One. contact hour is 0.1 ACE CEC."):           # a speck read as a point after "One"
        at = text.index("0.1")
        assert is_rate(text, at, at + 3), text
    text = "Credits: 0.1 CEC"
    assert not is_rate(text, text.index("0.1"), text.index("0.1") + 3)


def test_an_hour_of_any_kind_named_before_an_amount_makes_it_a_rate():
    from cec_batch.readers.cert_fields import is_rate

    for text in ("CECs are for certificants: one CPD hour is 0.1 CEC.", "Each training hour earns 0.1 CEC",
                 "per contact hour 0.1 CEC"):
        at = text.index("0.1")
        assert is_rate(text, at, at + 3), text
    # An hour in another sentence, or none, says nothing of the amount.
    for text in ("The course ran for one hour. ACE CECs: 0.1", "ACE CECs: 0.1 for this one-day course"):
        at = text.index("0.1")
        assert not is_rate(text, at, at + 3), text


def test_a_conversion_whose_equals_sign_ocr_lost_is_still_a_rate():
    from cec_batch.readers.cert_fields import is_rate

    for text in ("monitor. 10 contact hours 1.0 ACE CEC.", "10 contact hours — 1.0 CEC", "10 contact hours = 1.0 CEUs"):
        assert is_rate(text, text.index("10 contact"), text.index("hours") + 5), text
    text = "CE Hours Earned: 18 contact hours. Signed 05/02/2026"
    assert not is_rate(text, text.index("18"), text.index("hours") + 5)


# ---------------------------------------------------------------- whole scanned pages from the tuned corpus


@pytest.fixture(scope="module")
def scanned_tuned(tmp_path_factory):
    """A few of the tuned corpus's layouts as scans, made now: {layout: (path, truth row)}."""
    from bench.certcorpus import build

    out = tmp_path_factory.mktemp("scan")
    only = {"captions-under-lines", "award-awarded-expires", "boxed-fields"}
    truth = build.generate(out, sets=("tuned",), forms_=("scan",), only=only, workers=1)
    return {r["layout"]: (out / "tuned" / "scan" / r["file"], r) for r in truth if r["layout"] in only}


def _only_row(path) -> dict:
    return read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()


@needs_tesseract
@pytest.mark.slow
def test_a_framed_page_tesseract_takes_for_a_picture_is_read_without_its_rules(scanned_tuned):
    # A heavy frame and a scanner's dark edge: Tesseract's layout analysis finds not one word.
    path, truth = scanned_tuned["captions-under-lines"]
    row = _only_row(path)
    assert row["full_name"] == truth["name"]
    assert row["course_number"].replace(" ", "") == truth["course_number"]
    assert parse_date(row["completion_date"]).value.isoformat() == truth["completion_date"]
    assert row["review"] is None


@needs_tesseract
@pytest.mark.slow
def test_a_sideways_page_read_as_standing_lines_is_turned_upright(scanned_tuned):
    # Tesseract reads a page lying on its side with high confidence, as lines standing on end,
    # and the page's lines come out as one jumble; the words taller than wide tell it.
    path, truth = scanned_tuned["award-awarded-expires"]
    row = _only_row(path)
    assert row["read"]["rotation"] in (90, 270)
    assert row["course_number"].replace(" ", "") == truth["course_number"]
    assert parse_date(row["completion_date"]).value.isoformat() == truth["completion_date"]


def test_words_taller_than_wide_mean_a_page_read_standing():
    standing = [ocr.Word("Certificate", 95, 0, 0, 40, 300, 1, 1, 1), ocr.Word("Dubois", 95, 0, 0, 40, 160, 1, 1, 1),
                ocr.Word("of", 95, 0, 0, 40, 50, 1, 1, 1)]
    lying = [ocr.Word("Certificate", 95, 0, 0, 300, 40, 1, 1, 1), ocr.Word("Dubois", 95, 0, 0, 160, 40, 1, 1, 1)]
    assert ocr._standing(standing)
    assert not ocr._standing(lying)
    assert not ocr._standing([])


@needs_tesseract
@pytest.mark.slow
def test_labels_put_on_the_wrong_line_of_a_skewed_form_still_tell_the_dates_apart(scanned_tuned):
    # Skewed 1.6 degrees: "DATE ISSUED" over one box and "DATE COMPLETED" over another land on
    # lines of their own neighbours. The caption over each date is found a few lines back in
    # reading order ("completed"), or the page is read again level ("DATE COMPLETED").
    path, truth = scanned_tuned["boxed-fields"]
    row = _only_row(path)
    assert parse_date(row["completion_date"]).value.isoformat() == truth["completion_date"]
    assert row["read"]["fields"]["completion_date"]["label"] in ("DATE COMPLETED", "completed")
    assert row["review"] is None


@pytest.fixture(scope="module")
def faxed_caps_name(tmp_path_factory):
    """A tuned fax page of "caps-name-signature-dates" ("YARA KAUFMAN" set large in capitals, no
    label), made now exactly as it stood third in the fax stack-07 it was tuned on: the same
    certificate and the same fax look, whatever the stacks hold today."""
    import random

    from bench.certcorpus import build, forms
    from bench.certcorpus.world import World

    layout = next(lay for lay in build.layouts("tuned") if lay.name == "caps-name-signature-dates")
    cert = World().choose(layout, "tuned/fax/stack-07.pdf/2", set())
    seed = build.seed_of("tuned/fax/stack-07.pdf", 3)
    look = forms.fax_look(random.Random(seed), seed, cert, 3, 4, cert.course.provider)
    spec = build.FileSpec("tuned", "fax", "caps-name.pdf", [build.PageSpec(layout, cert, look)])
    out = tmp_path_factory.mktemp("faxcaps")
    build.write_file(spec, out)
    return out / spec.rel, cert.person.name


@needs_tesseract
@pytest.mark.slow
def test_a_large_capital_name_on_a_fax_is_read_sure_enough_for_the_lookup(faxed_caps_name):
    # "YARA KAUFMAN" set large in capitals over the fax's grain, with no label: its run must come
    # out sure enough for the registry lookup (when the page's reading scores it low, the run is
    # read again on its own as one line, see certificate_pdf._second_look_at_names).
    path, name = faxed_caps_name
    rows = read_certificates(path, limits=LIMITS).rows
    row = rows.iloc[0].to_dict()
    runs = [c for c in row["read"]["candidates"] if c["field"] == "name" and c["value"].casefold() == name.casefold()]
    assert runs and runs[0]["confidence"] >= certificate_pdf.SECOND_LOOK_CONFIDENCE


def test_an_only_date_beside_a_date_whose_year_was_read_short_is_a_guess():
    # An event's range "11/07/2025 - 11/08/2025" on a fax: the dash lost, the last year digit too.
    from cec_batch.readers.cert_fields import choose_date, page_candidates
    from cec_batch.readers.cert_layout import word_segments

    words = [("Date(s):", 100, 500, 260, 530), ("11/07/2025", 300, 500, 480, 530), ("11/08/202", 500, 500, 670, 530)]
    segs = word_segments(words)
    cands = page_candidates(segs, 3300)
    found: dict = {}
    choose_date(found, cands, [])
    assert found["completion_date"].how == "guess"
    assert "could not be read" in found["completion_date"].doubt


def _date_chosen(words: list[tuple]) -> tuple:
    """The completion date find_fields and choose_date make of positioned words (text, x0, y0, x1, y1)
    on a 300 dpi letter page, and the notes."""
    from cec_batch.readers.cert_fields import choose_date, find_fields, page_candidates
    from cec_batch.readers.cert_layout import word_segments

    segs = word_segments(words)
    found, notes, _ = find_fields(segs)
    choose_date(found, page_candidates(segs, 3300), notes)
    return found.get("completion_date"), notes


def _line(text: str, x0: float, y0: float, height: float = 40, pitch: float = 24) -> list[tuple]:
    out, x = [], x0
    for w in text.split():
        out.append((w, x, y0, x + pitch * len(w), y0 + height))
        x += pitch * (len(w) + 1)
    return out


# A letter dated at its top, and a wallet card on the right whose "Completed" column's date a fax
# garbled ("10/01/2025" read "10101/2025"): the letter's date is the only one read.
_LETTER = [*_line("October 10, 2025", 200, 480), *_line("Dear Fiona Tremblay,", 200, 620),
           *_line("Congratulations on completing Supplements: Evidence and Ethics.", 200, 710),
           *_line("ACE course", 1980, 820, 25, 14), *_line("Completed", 2400, 820, 30, 14), *_line("CECs", 2810, 820, 25, 14),
           *_line("CEP31522", 1970, 865), *_line("0.4", 2810, 865)]


@pytest.mark.parametrize("printed, posted", [("10101/2025", None), ("10/01/2025", "10/01/2025")])
def test_a_letters_date_is_not_the_completion_when_the_completed_column_was_not_read(printed, posted):
    got, _ = _date_chosen([*_LETTER, *_line(printed, 2400, 865)])
    if posted is None:
        assert got is None          # the letter's own date, above "Dear Fiona Tremblay,", is no completion
    else:
        assert got.how != "guess" and got.value == posted


@pytest.mark.parametrize("printed, posted", [("Decemb2r 13, 2025", None), ("December 13, 2025", "December 13, 2025")])
def test_a_signatures_date_is_not_the_completion_when_the_completion_label_was_garbled(printed, posted):
    # "Date of completion: December 13, 2025" with a fax streak through the month, and each
    # signer's "Date: 12/27/2025" under the certificate.
    words = [*_line("has completed", 1120, 1320), *_line("Credit awarded: 0.9 CEC", 1020, 1800),
             *_line(f"Date of completion: {printed}", 870, 1880),
             *_line("Rafael Quintero, Course Author", 290, 2790), *_line("Desmond Achebe, Registrar", 1510, 2790),
             *_line("Date: 12/27/2025", 290, 2840), *_line("Date: 12/27/2025", 1510, 2840)]
    got, _ = _date_chosen(words)
    if posted is None:
        assert got.how == "guess" and got.value == "12/27/2025"
        assert "printed after 'Date of completion'" in got.doubt
    else:
        assert got.how != "guess" and got.value == posted


@pytest.mark.parametrize("boxes, posted", [(["11/08", "/", "2 0 26"], None), (["11/08/2026"], "11/08/2026")])
def test_the_day_an_office_entered_a_form_is_not_its_completion(boxes, posted):
    # A form filled in one character per box: box 6's date in pieces, and the office's "Date
    # entered" under its own caption at the foot.
    words = [*_line("6. DATE COURSE COMPLETED", 226, 1586, 30, 18), *_line("7. CONTACT HOURS", 1267, 1586, 30, 18),
             *[w for i, b in enumerate(boxes) for w in _line(b, 232 + 200 * i, 1662, 45)], *_line("6", 1314, 1662, 45),
             *_line("FOR OFFICE USE ONLY do not write below this line", 267, 2720, 30, 20),
             *_line("DATE ENTERED", 266, 2815, 26, 16), *_line("11/15/2026", 271, 2892, 42)]
    got, notes = _date_chosen(words)
    if posted is None:
        assert got is None or got.how == "guess"
        assert got is not None or any("entered 11/15/2026" in n for n in notes)
    else:
        assert got.how != "guess" and got.value == posted


@pytest.mark.parametrize("printed", ["2025.03. 11", "2025 .03.11", "2025-03- 11"])
def test_a_year_first_date_with_a_space_ocr_read_into_it_is_a_date(printed):
    # "STATEMENT DATE 2026.10.17" over "COMPLETED ON 2025.03.11" on a fax, the last read with a space.
    got, _ = _date_chosen([*_line("STATEMENT DATE 2026.10.17", 1800, 400), *_line(f"COMPLETED ON {printed}", 1800, 1200)])
    assert parse_date(certificate_pdf.date_value(got.value)).value.isoformat() == "2025-03-11" and got.how != "guess"
    # A year with a number after it is no date.
    got, _ = _date_chosen([*_line("Cert. No. 2025-438101", 200, 400), *_line("Rev. 2024 - 2025", 200, 500)])
    assert got is None


# ---------------------------------------------------------------- what OCR makes of a date


def _page_read_as(tmp_path, lines: list[list[tuple[str, float]]], pitch: int = 120,
                  height: int = 50) -> ocr.PageOcr:
    """Tesseract's words for LINES of (text, confidence) or (text, confidence, left), laid out down a
    blank 300 dpi letter page, PITCH pixels from the top of one line to the next, each word HEIGHT
    pixels high."""
    image = tmp_path / "page.png"
    Image.new("L", (2550, 3300), 255).save(image)
    words = []
    for n, line in enumerate(lines):
        left, top = 300, 400 + pitch * n
        for text, conf, *at in line:
            left = at[0] if at else left         # (text, confidence, left): a cell further right
            width = 28 * len(text)
            words.append(ocr.Word(text, conf, left, top, width, height, 1, 1, n + 1))
            left += width + 25
    return ocr.PageOcr(words, image_path=image)


def _read_date(tmp_path, date_line: list[tuple[str, float]]) -> Found | None:
    page = _page_read_as(tmp_path, [
        [("Certificate", 96), ("of", 96), ("Completion", 96)],
        [("This", 96), ("is", 96), ("to", 96), ("certify", 96), ("that", 96)],
        [("Sara", 96), ("Nakamura", 96)],
        [("ACE", 96), ("Course", 96), ("No.", 96), ("CL10298,", 92), ("for", 96), ("0.7", 96), ("CECs", 96)],
        date_line])
    found, _notes, _cands, _extent, _segs = certificate_pdf._fields(page, time.monotonic() + 30)
    return found.get("completion_date")


@pytest.mark.parametrize("mark", ["™", '"', "°", "*"])
def test_a_raised_ordinal_read_as_a_mark_is_still_the_day(tmp_path, mark):
    # "Given this 22nd day of June, 2025." with "nd" set small and high: OCR reads a mark for it.
    got = _read_date(tmp_path, [("Given", 95), ("this", 95), (f"22{mark}", 91), ("day", 95), ("of", 95),
                                ("June,", 95), ("2025.", 95)])
    assert got is not None and got.doubt is None
    assert parse_date(certificate_pdf.date_value(got.value)).value.isoformat() == "2025-06-22"


@pytest.mark.parametrize("first", ["ist", "Ist", "lst"])
def test_the_1_of_1st_read_as_a_letter_is_still_the_first_and_a_letters_own_date_is_not_taken(tmp_path, first):
    # A letter dated at its head, the course "attended ... on April 1st, 2025" with the 1 read as
    # a letter: without it the letter's date was the only date, and taken for the completion.
    page = _page_read_as(tmp_path, [
        [("04/10/2025", 92)],
        [("This", 96), ("letter", 96), ("confirms", 96), ("that", 96), ("Sara", 96), ("Nakamura,", 96),
         ("ACE", 96), ("ID", 96), ("135082,", 96), ("attended", 96)],
        [("our", 96), ("course", 96), ("(ACE", 96), ("Course", 96), ("#CL10298)", 92), ("on", 96), ("April", 96),
         (f"{first},", 91), ("2025", 95), ("and", 96)],
        [("completed", 96), ("3", 95), ("contact", 96), ("hours.", 96)]])
    found, _notes, _cands, _extent, _segs = certificate_pdf._fields(page, time.monotonic() + 30)
    got = found.get("completion_date")
    assert got is not None and got.doubt is None
    assert parse_date(certificate_pdf.date_value(got.value)).value.isoformat() == "2025-04-01"
    # A word that merely ends in "ist" is no day.
    assert certificate_pdf.DATE_RE.search("a list of May 2026 dates") is None


def test_a_long_date_word_ocr_got_a_letter_wrong_still_tells_the_date(tmp_path):
    page = _page_read_as(tmp_path, [
        [("Certificate", 96), ("of", 96), ("Completion", 96)],
        [("Participant:", 96), ("Sara", 96), ("Nakamura", 96)],
        [("ACE", 96), ("Course", 96), ("No.", 96), ("CL10298", 92)],
        [("Conpletion®", 80), ("Date", 96), ("2026-02-05", 95)],
        [("Expiratlon", 80), ("Date", 96), ("2028-02-05", 95)]])
    found, _notes, _cands, _extent, _segs = certificate_pdf._fields(page, time.monotonic() + 30)
    got = found.get("completion_date")
    assert got is not None and got.doubt is None and got.value == "2026-02-05"
    # A short word a letter away is another word: "Attendee" is not "attended".
    from cec_batch.readers.cert_fields import _date_kind
    assert _date_kind("", "Attendee", "", "") == (None, None)


def test_a_numeric_date_whose_narrow_digits_ocr_spaced_apart_reads_whole(tmp_path):
    # "04/11/2026" read "04/1 1/2026": two narrow ones taken for two words.
    got = _read_date(tmp_path, [("Completion", 95), ("Date:", 95), ("04/1", 92), ("1/2026", 92)])
    assert got is not None and got.doubt is None
    assert parse_date(certificate_pdf.date_value(got.value)).value.isoformat() == "2026-04-11"


def test_a_course_number_wrapped_onto_a_line_set_solid_is_read_whole(tmp_path):
    # A narrow letter: "... approved by ACE as course CS" / "40121, on ...", the second line's
    # top a pixel into the first's descenders (lines 74 pixels high, 73 apart).
    words = lambda text: [(w, 96) for w in text.split()]
    page = _page_read_as(tmp_path, [words("We certify that Pablo Mendoza successfully completed the course"),
                                    words("Motivational Interviewing Skills, approved by ACE as course CS"),
                                    words("40121, on 10 August 2025 and was awarded 0.6 CECs for it.")],
                         pitch=73, height=74)
    _found, _notes, cands, _extent, _segs = certificate_pdf._fields(page, time.monotonic() + 30)
    assert [c.value for c in cands if c.field == "course_number"] == ["CS 40121"]


def test_a_dates_caption_is_found_under_it_past_another_columns_cell_on_a_skewed_scan(tmp_path):
    # Two dates over captions, the page tilted: the ID at the left margin falls between each
    # date and its caption in reading order.
    image = tmp_path / "page.png"
    Image.new("L", (3300, 2550), 255).save(image)
    placed = [("Daniel", 1276, 865, 380, 148), ("Okoro", 1700, 865, 368, 148),
              ("Fundamentals", 688, 1054, 420, 82), ("of", 1130, 1054, 60, 82), ("Sports", 1210, 1054, 200, 82),
              ("Nutrition", 1430, 1054, 300, 82), ("ACE", 1760, 1054, 120, 82), ("course", 1900, 1054, 180, 82),
              ("CEP31415", 2100, 1054, 225, 82),
              ("04/11/2025", 1495, 1337, 310, 48), ("04/14/2025", 2329, 1315, 309, 48),
              ("145586", 665, 1361, 201, 43),
              ("Date", 2332, 1409, 90, 35), ("Issued", 2440, 1409, 109, 35),
              ("Date", 1499, 1429, 90, 41), ("Completed", 1610, 1429, 189, 41),
              ("ACE", 663, 1457, 60, 31), ("ID", 740, 1457, 48, 31)]
    words = [ocr.Word(t, 95, x, y, w, h, 1, 1, i + 1) for i, (t, x, y, w, h) in enumerate(placed)]
    found, _notes, _cands, _extent, _segs = certificate_pdf._fields(ocr.PageOcr(words, image_path=image),
                                                                    time.monotonic() + 30)
    got = found.get("completion_date")
    assert got is not None and got.doubt is None and got.value == "04/11/2025"


def _form_dates(tmp_path, label: str, dates: str) -> Found | None:
    # A form: the label in its cell, the dates in the next one.
    first, second = dates.split()
    line = [(w, 95) for w in label.split()] + [(first, 95, 950), (second, 95)]
    return _read_date(tmp_path, line)


def test_an_event_range_whose_dash_ocr_lost_after_a_dates_label_completes_on_its_last_day(tmp_path):
    for label in ("Date(s):", "Event dates:"):
        got = _form_dates(tmp_path, label, "10/10/2025 10/12/2025")
        assert got is not None and got.doubt is None, label
        assert parse_date(certificate_pdf.date_value(got.value)).value.isoformat() == "2025-10-12"


def test_two_dates_side_by_side_stay_two_dates_without_a_dates_label_or_a_month_apart(tmp_path):
    # One date's label over two dates, or days too far apart for one event: nothing says which.
    for label, dates in [("Date:", "10/10/2025 10/12/2025"), ("Date(s):", "10/10/2025 12/12/2025"),
                         ("Date(s):", "10/12/2025 10/10/2025")]:
        got = _form_dates(tmp_path, label, dates)
        assert got is None or got.doubt is not None, (label, dates)


def test_a_conversion_whose_equals_sign_ocr_lost_is_no_stated_credit():
    from cec_batch.readers.cert_fields import is_rate
    from cec_batch.readers.cert_vocabulary import CEUS_SUFFIX_RE

    def rate(text):
        m = CEUS_SUFFIX_RE.search(text)
        return is_rate(text, m.start(), m.end())

    # "10 contact hours = 1.0 ACE CEC" and "one hour = 0.1 CEC" with the "=" lost: the rule, not the value.
    assert rate("Hours are counted per session attended. 10 contact hours 1.0 ACE CEC.")
    assert rate("one contact hour 0.1 CEC")
    # An amount of hours and CECs that is the attendee's own, or that does not convert, is a value.
    assert not rate("Awarded 8 contact hours 0.8 CEC")
    assert not rate("10 contact hours 1.5 CECs")
    assert not rate("CE Hours: 12 | 1.2 CECs")


def test_an_id_label_ocr_ran_together_heads_its_column_and_is_no_ones_surname(tmp_path):
    # A fax's table header "ACE ID" read "ACEID": still the ID's label, so "Last Name" heads "Bishop".
    header = [("First", 96, 200), ("Name", 96), ("Last", 96, 620), ("Name", 96), ("ACEID", 90, 1040),
              ("Course", 96, 1360), ("Code", 96), ("Date", 96, 1700), ("Completed", 96), ("CEUs", 96, 2200)]
    values = [("Oksana", 96, 200), ("Bishop", 96, 620), ("177914", 95, 1040), ("CA24377", 92, 1360),
              ("04/10/2026", 96, 1700), ("0.6", 96, 2200)]
    page = _page_read_as(tmp_path, [[("Verification", 96), ("of", 96), ("Continuing", 96), ("Education", 96),
                                     ("Credit", 96)], header, values])
    found, _notes, _cands, _extent, _segs = certificate_pdf._fields(page, time.monotonic() + 30)
    assert found["last_name"].value == "Bishop"
    assert found["certificant_id"].value == "177914"


def test_a_dates_confidence_is_that_of_its_day_month_and_year_not_of_the_words_between(tmp_path):
    # "Given this 16th day of June, 2026." on a fax: "day" read "dey" at 40; the value is read sure.
    got = _read_date(tmp_path, [("Given", 95), ("this", 95), ("16th", 93), ("dey", 40), ("of", 95), ("June,", 94),
                                ("2026.", 95)])
    assert got is not None and got.confidence == 93
    assert parse_date(certificate_pdf.date_value(got.value)).value.isoformat() == "2026-06-16"
    # The month read poorly is the value read poorly.
    got = _read_date(tmp_path, [("Given", 95), ("this", 95), ("16th", 93), ("day", 95), ("of", 95), ("June,", 52),
                                ("2026.", 95)])
    assert got is not None and got.confidence == 52


def test_a_long_month_ocr_garbled_is_read_beside_a_day_or_year_and_a_name_is_left_alone(tmp_path):
    from cec_batch.readers.cert_layout import ocr_segments

    for garble in ("Jariuary", "Ianuary"):
        got = _read_date(tmp_path, [("Completed", 95), (garble, 90), ("7,", 95), ("2025", 95)])
        assert got is not None and got.doubt is None, garble
        assert parse_date(certificate_pdf.date_value(got.value)).value.isoformat() == "2025-01-07"
    got = _read_date(tmp_path, [("Completed", 95), ("7", 95), ("Decernber", 90), ("2025", 95)])
    assert parse_date(certificate_pdf.date_value(got.value)).value.isoformat() == "2025-12-07"
    # Not beside a number, or as near to two months, or already a month: as read.
    words = [ocr.Word(t, 95, 300 + 300 * i, 400, 250, 50, 1, 1, 1) for i, t in
             enumerate(["Auguste", "Rodin", "Remember", "7,", "2025"])]
    assert " ".join(s.text for s in ocr_segments(words)) == "Auguste Rodin Remember 7, 2025"


# ---------------------------------------------------------------- a streak read as a letter


def test_a_word_many_times_taller_than_the_print_is_dropped_and_a_large_title_kept():
    words = [ocr.Word(t, 95, 300 + 200 * i, 840, 180, 50, 1, 1, 1)
             for i, t in enumerate(["This", "letter", "confirms", "that", "Joaquin", "Schneider"])]
    title = ocr.Word("Certificate", 96, 400, 200, 1400, 330, 1, 1, 0)          # set 6.6 times the body's height
    streak = ocr.Word("r", 12, 1500, 676, 20, 1624, 1, 1, 1)                    # a fax's dirty-head streak
    kept = ocr._without_towers([*words, title, streak])
    assert [w.text for w in kept] == ["This", "letter", "confirms", "that", "Joaquin", "Schneider", "Certificate"]
    assert ocr._without_towers([streak, title]) == [streak, title]                # too few words to judge


def test_a_words_character_confidence_is_its_letters_and_digits_not_a_mark_beside_them():
    def word(wconf, chars):
        spans = "".join(f"<span class='ocrx_cinfo' title='x_bboxes 1 2 3 4; x_conf {c}'>{ch}</span>" for ch, c in chars)
        return f"<span class='ocrx_word' id='w' title='bbox 1 2 3 4; x_wconf {wconf}'>{spans}</span>"

    hocr = word(23, [("2", 99.1), ("0", 99.4), ("2", 99.0), ("6", 98.7), ("&#x27;", 89.0)]) + word(40, [(",", 71.5)])
    year, comma = ocr.hocr_words(hocr)
    assert (year.text, year.conf, year.chars) == ("2026'", 23.0, 98.7)
    assert (comma.text, comma.chars) == (",", 71.5)              # a mark alone: its own confidence


def test_a_course_numbers_s_read_as_a_dollar_sign_is_an_s_again():
    from cec_batch.readers.cert_layout import ocr_segments

    words = [ocr.Word(t, 90, 100 + 220 * i, 500, 200, 40, 1, 1, 1)
             for i, t in enumerate(["(ACE", "Course", "#", "C$41033)", "cost", "US$40", "C$"])]
    [seg] = ocr_segments(words)
    assert seg.text == "(ACE Course # CS41033) cost US$40 C$"


def test_long_runs_are_every_run_of_at_least_the_length_row_by_row():
    def plain(mask, length):          # each row walked pixel by pixel
        out = np.zeros_like(mask)
        for r, row in enumerate(mask):
            run = 0
            for x, inked in enumerate([*row, False]):
                if inked:
                    run += 1
                    continue
                if run >= length:
                    out[r, x - run:x] = True
                run = 0
        return out

    rng = np.random.default_rng(5)
    for _ in range(300):
        mask = rng.random((int(rng.integers(1, 30)), int(rng.integers(1, 50)))) < rng.random()
        length = int(rng.integers(1, 25))
        assert (ocr._long_runs(mask, length) == plain(mask, length)).all()
    assert not ocr._long_runs(np.ones((3, 4), bool), 5).any()


@pytest.mark.parametrize("shape, size", [((400, 310), 9), ((17, 5), 9), ((3, 3), 9), ((40, 9), 3), ((1, 1), 5)])
def test_the_rank_filters_are_pils_pixel_for_pixel(shape, size):
    from PIL import ImageFilter

    a = np.random.default_rng(7).integers(0, 256, shape, dtype=np.uint8)
    img = Image.fromarray(a, "L")
    assert (ocr._rank_filter(a, size, np.maximum) == np.asarray(img.filter(ImageFilter.MaxFilter(size)))).all()
    assert (ocr._rank_filter(a, size, np.minimum) == np.asarray(img.filter(ImageFilter.MinFilter(size)))).all()


def test_two_capitalised_words_a_speck_joined_are_two_words_again():
    # "Sanjay Ghosh" set large in italic, a speck of grain in the gap: read "Sanjay.Ghosh".
    from cec_batch.readers.cert_fields import find_fields
    from cec_batch.readers.cert_layout import ocr_segments

    words = [ocr.Word("is", 96, 1501, 591, 40, 42, 1, 1, 1), ocr.Word("awarded", 96, 1560, 591, 170, 42, 1, 1, 1),
             ocr.Word("to", 96, 1750, 591, 60, 42, 1, 1, 1), ocr.Word("Sanjay.Ghosh", 90, 1224, 702, 861, 137, 2, 1, 1)]
    segs = ocr_segments(words)
    name = segs[-1]
    assert name.text == "Sanjay Ghosh"
    assert name.toks[0].x0 == 1224 and name.toks[1].x1 == 1224 + 861 and name.toks[0].x1 < name.toks[1].x0
    assert find_fields(segs)[0]["full_name"].value == "Sanjay Ghosh"
    # An initial, an address, a name with a capital inside, a lower-case word: as read.
    kept = ["J.Smith", "jane.doe@example.com", "McKay.Jones", "www.Example"]
    segs = ocr_segments([ocr.Word(t, 90, 100 + 700 * i, 500, 600, 40, 1, 1, 1) for i, t in enumerate(kept)])
    assert " ".join(s.text for s in segs).split() == kept


def test_a_word_boxed_a_sliver_of_its_lines_height_stands_on_its_line():
    from cec_batch.readers.cert_layout import lines_of, ocr_segments

    # One Tesseract line of a fax: "Leila" boxed 3 pixels high, "Gupta" 150; "of" is short by nature.
    words = [ocr.Word("Leila", 75, 1218, 804, 375, 3, 6, 1, 1), ocr.Word("Gupta", 60, 1612, 828, 418, 150, 6, 1, 1),
             ocr.Word("of", 90, 2060, 900, 60, 50, 6, 1, 1)]
    [line] = lines_of(ocr_segments(words))
    assert " ".join(s.text for s in line.segs) == "Leila Gupta of"
    assert [(t.y0, t.y1) for s in line.segs for t in s.toks] == [(828, 978), (828, 978), (900, 950)]


def test_a_course_numbers_a_read_as_its_two_strokes_is_an_a_again():
    from cec_batch.readers.cert_layout import ocr_segments

    words = [ocr.Word(t, 90, 100 + 220 * i, 500, 200, 40, 1, 1, 1)
             for i, t in enumerate(["as", "course", "C/\\-24190", "C/\\24190", "and/\\or", "C/\\"])]
    [seg] = ocr_segments(words)
    assert seg.text == "as course CA-24190 CA24190 and/\\or C/\\"


@pytest.fixture(scope="module")
def faxed_event_figure(tmp_path_factory):
    """The fresh corpus's event-band-portrait layout as a fax, made now, with its truth: the
    attendee's CECs are set large over their unit line, and the page's reading takes the
    large point for "@" ("1 @ 3")."""
    return faxed(tmp_path_factory, "fresh", "event-band-portrait")


@needs_tesseract
@pytest.mark.slow
def test_a_credit_figure_whose_large_point_was_misread_is_read_again_as_digits(faxed_event_figure):
    path, truth = faxed_event_figure
    row = read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()
    assert any(" @ " in line for line in row["read"]["lines"])      # the page's own reading of the figure
    assert Decimal(row["ceus"]) == Decimal(truth["ceus"])


def _panel_page(fax: bool) -> Image.Image:
    """A 300 dpi page with a black band down its left side, white print on it, and black print
    beside it; with FAX, a 1-bit image."""
    img = Image.new("L", (2550, 3300), 255)
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, 880, 3300), fill=0)
    d.text((80, 600), "ACE COURSE NUMBER", fill=255, font=_font(40))
    d.text((80, 680), "CS40121", fill=255, font=_font(80))
    d.text((80, 1000), "DATE COMPLETED", fill=255, font=_font(40))
    d.text((80, 1080), "Apr 16, 2026", fill=255, font=_font(80))
    d.text((1000, 600), "Certificate of course completion", fill=0, font=_font(70))
    return img.convert("1").convert("L") if fax else img


def test_a_dark_panel_down_a_fax_is_no_streak():
    # Every column of the band is ink from top to bottom, as a dirty head's streak is; but a
    # streak is a line, and the band, whitened, would lose its print.
    img = _panel_page(fax=True)
    d = ImageDraw.Draw(img)
    d.line((1500, 0, 1500, 3300), fill=0, width=2)                 # a streak beside it
    a = np.asarray(ocr.clean_bilevel(img))
    band = a[:, 10:870]
    assert (band < 128).mean() > 0.8
    assert (a[:, 1495:1506] < 128).mean(axis=0).max() < 0.2         # the streak is gone


def test_dark_panels_are_found_and_nothing_else():
    a = np.asarray(_panel_page(fax=False))
    [(x0, y0, x1, y1)] = ocr.reversed_panels(a)
    assert x0 <= 24 and x1 >= 860 and y0 <= 24 and y1 >= 3270
    # Print alone, a photo-sized grey box, a dark square under an inch: no panel.
    img = Image.new("L", (2550, 3300), 255)
    d = ImageDraw.Draw(img)
    d.text((200, 600), "Certificate of course completion", fill=0, font=_font(70))
    d.rectangle((200, 1000, 800, 1600), fill=170)
    d.rectangle((1200, 1000, 1450, 1250), fill=0)
    assert ocr.reversed_panels(np.asarray(img)) == []


@needs_tesseract
def test_white_print_on_a_dark_panel_is_read_with_the_panel_turned_light(tmp_path):
    # (On this clean page Tesseract reads the band too; on a fax of it, it reads nothing there.)
    path = tmp_path / "page-1.pgm"
    _panel_page(fax=False).save(path)
    again = ocr.ocr_reversed(path, seconds=60)
    read = " ".join(w.text for w in again.words)
    assert "CS40121" in read and "2026" in read and "completion" in read


@needs_tesseract
def test_a_grey_banner_under_an_inch_tall_printed_askew_is_read_turned_light(tmp_path):
    # A header banner of two lines of white print, 0.9 inch tall and a little askew: before, a panel
    # had to be an inch each way, and a grey panel turned over stayed a grey box Tesseract left unread.
    img = Image.new("L", (2550, 3300), 255)
    d = ImageDraw.Draw(img)
    d.rectangle((150, 200, 2400, 470), fill=88)
    d.text((220, 250), "CE PASSPORT", fill=245, font=_font(70))
    d.text((1500, 380), "ACE event no. CA245010", fill=245, font=_font(44))
    d.text((200, 700), "Passport holder: Shawn Zhang", fill=0, font=_font(50))
    img = img.rotate(1.4, resample=Image.BICUBIC, fillcolor=255)
    [(x0, y0, x1, y1)] = ocr.reversed_panels(np.asarray(img))
    assert x1 - x0 > 2000 and y1 - y0 < 400
    path = tmp_path / "page-1.pgm"
    img.save(path)
    read = " ".join(w.text for w in ocr.ocr_reversed(path, seconds=60).words)
    assert "CA245010" in read and "PASSPORT" in read and "Zhang" in read


@needs_tesseract
def test_a_faxed_certificate_printing_its_fields_white_on_a_dark_band_is_read(tmp_path):
    # Before, every column of the band was taken for a dirty head's streak and whitened, its
    # white print with it: not even the name was read.
    img = Image.new("L", (1734, 2244), 255)                   # letter at 204 dpi
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, 600, 2244), fill=0)
    for y, text, px in [(300, "AWARDED TO", 24), (340, "Lena Eriksen", 44), (500, "ACE COURSE NUMBER", 24),
                        (540, "CS40121", 44)]:
        d.text((50, y), text, fill=255, font=_font(px))
    d.text((700, 300), "Certificate", fill=0, font=_font(90))
    d.text((700, 450), "of course completion", fill=0, font=_font(50))
    img.convert("1").save(tmp_path / "fax.pdf", "PDF", resolution=204)
    row = read_certificates(tmp_path / "fax.pdf", limits=LIMITS).rows.iloc[0]
    assert row["full_name"] == "Lena Eriksen"
