"""Print a page's reading left out, and marks read as part of a word.

Tesseract's layout analysis takes some print for a picture and reads nothing of it (a
name set large in a dithered italic over a rule), and reads a rule touching a word as a
letter of it ("|BARROS", "_Sofia"). Pages are drawn at test time (PIL, the certificate
corpus's own fax maker); the reader and Tesseract are the real ones.
"""

from __future__ import annotations

import sys
import time
from decimal import Decimal

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from cec_batch import ocr
from cec_batch.config import Limits
from cec_batch.normalize import name_tokens, parse_date
from cec_batch.readers import certificate_pdf
from cec_batch.readers.certificate_pdf import REVIEW_CONFIDENCE, read_certificates
from conftest import ROOT

sys.path.insert(0, str(ROOT))

needs_tesseract = pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed")
LIMITS = Limits()


def _font(px: int, bold: bool = False, serif: bool = False):
    name = f"DejaVu{'Serif' if serif else 'Sans'}{'-Bold' if bold else ''}.ttf"
    for path in (f"/usr/share/fonts/truetype/dejavu/{name}", name):
        try:
            return ImageFont.truetype(path, px)
        except OSError:
            continue
    pytest.skip("no DejaVu font to draw with")


# ---------------------------------------------------------------- marks at a word's edge


@pytest.mark.parametrize("read, meant", [
    ("|BARROS", "BARROS"),          # a fax streak through the gap before the word
    ("_Sofia", "Sofia"),            # the line a name is set on
    ("Greene_", "Greene"),
    ("||Ana", "Ana"),
])
def test_a_rule_read_at_a_words_edge_is_no_part_of_it(read, meant):
    assert ocr.without_stray_edges(read) == meant


@pytest.mark.parametrize("read", ["|2345", "CA|2345", "|", "_", "a_b", "|A", "x|y"])
def test_a_bar_beside_digits_or_a_lone_letter_is_kept(read):
    # "|2345" may be a 1 read as a bar (R7 settles it); one letter is too little to tell.
    assert ocr.without_stray_edges(read) == read


# ---------------------------------------------------------------- lines left out


def _name_page(tmp_path, name_px: int = 130):
    """A 300 dpi page: a small line, a NAME_PX name in bold over a rule that touches it, a small line."""
    img = Image.new("L", (2550, 1400), 255)
    d = ImageDraw.Draw(img)
    d.text((900, 200), "This certifies that", fill=0, font=_font(42))
    d.text((500, 400), "Hannah Lindgren", fill=0, font=_font(name_px, bold=True))
    _, _, _, bottom = d.textbbox((500, 400), "Hannah Lindgren", font=_font(name_px, bold=True))
    d.line((300, bottom + 2, 2250, bottom + 2), fill=0, width=4)
    d.text((700, 900), "completed the online course", fill=0, font=_font(42))
    path = tmp_path / "page.png"
    img.save(path)
    return path, bottom


@needs_tesseract
def test_a_line_the_pages_reading_left_out_is_found_and_read_in_its_place(tmp_path):
    path, bottom = _name_page(tmp_path)
    page = ocr.ocr_image(path, seconds=30)
    # The reading as Tesseract gives it on such pages: everything but the name.
    kept = [w for w in page.words if w.text not in ("Hannah", "Lindgren")]
    assert {"This", "completed"} <= {w.text for w in kept}
    got = ocr.unread_lines(path, kept, seconds=30)
    by_text = {w.text: w for w in got}
    assert {"Hannah", "Lindgren"} <= by_text.keys()
    for w in (by_text["Hannah"], by_text["Lindgren"]):
        assert w.conf >= 80
        assert 350 <= w.top <= bottom and w.top + w.height <= bottom + 60      # placed where it is printed
    assert by_text["Hannah"].left < by_text["Lindgren"].left
    # What the reading held is not read twice.
    assert not {"This", "certifies", "completed", "course"} & by_text.keys()


@needs_tesseract
def test_a_line_left_out_is_found_beside_a_scanners_shadow_down_the_sheets_edge(tmp_path):
    # A scan whose sheet lay short of the glass: a dark strip runs down its right edge, through
    # every row of the page, and specks of grain lie between. The strip is no print.
    path, bottom = _name_page(tmp_path)
    with Image.open(path) as img:
        shaded = img.copy()
    d = ImageDraw.Draw(shaded)
    d.rectangle((2480, 0, 2549, 1399), fill=40)
    for x, y in ((150, 700), (1900, 1100), (600, 1250)):
        d.rectangle((x, y, x + 3, y + 3), fill=0)
    shaded.save(path)
    page = ocr.ocr_image(path, seconds=30)
    kept = [w for w in page.words if w.text not in ("Hannah", "Lindgren")]
    got = {w.text for w in ocr.unread_lines(path, kept, seconds=30)}
    assert {"Hannah", "Lindgren"} <= got


@needs_tesseract
def test_a_word_boxed_a_sliver_of_its_lines_height_was_read_and_is_not_read_again(tmp_path):
    # A fax's "Mariana" boxed 2 pixels high beside "Castillo": read again as a line left out, it
    # came back as "Marian<" beside the name, and the name was lost.
    import dataclasses

    path, _ = _name_page(tmp_path)
    page = ocr.ocr_image(path, seconds=30)
    words = [dataclasses.replace(w, top=w.top + w.height // 2, height=2) if w.text == "Hannah" else w
             for w in page.words]
    assert {"Hannah", "Lindgren"} <= {w.text for w in words}
    assert ocr.unread_lines(path, words, seconds=30) == []


@needs_tesseract
def test_a_page_whose_reading_left_nothing_out_costs_no_reading(tmp_path):
    path, _ = _name_page(tmp_path)
    page = ocr.ocr_image(path, seconds=30)
    assert {"Hannah", "Lindgren"} <= {w.text for w in page.words}
    assert ocr.unread_lines(path, page.words, seconds=30) == []


def test_a_seal_a_photo_and_a_signature_stroke_are_not_lines_of_print(tmp_path):
    img = Image.new("L", (2550, 1400), 255)
    d = ImageDraw.Draw(img)
    d.rectangle((200, 200, 800, 400), fill=0)           # a photo or a filled box: solid
    d.ellipse((1200, 150, 1500, 450), outline=0, width=12)   # a seal: as high as wide
    path = tmp_path / "page.png"
    img.save(path)
    assert ocr.unread_lines(path, [], seconds=30) == []


def test_a_large_letters_stems_are_not_taken_for_rules():
    # "l" and "H" half an inch high have stems as long as a rule's run, and far thicker.
    img = Image.new("L", (2550, 900), 255)
    d = ImageDraw.Draw(img)
    d.text((200, 100), "Holloway", fill=0, font=_font(300, bold=True))
    d.line((2300, 50, 2300, 850), fill=0, width=4)      # a rule down the page (or a fax streak)
    a = np.asarray(img)
    letters = a[:, :2200] < 128
    plain = (ocr._rule_mask(a)[:, :2200] & letters).sum()       # as remove_rules sees them
    assert plain > 0.3 * letters.sum()
    thin = ocr._rule_mask(a, thin=True)
    assert (thin[:, :2200] & letters).sum() < 0.05 * plain       # the stems' edges at most
    assert thin[100:800, 2300].all()


def test_a_word_read_on_its_own_joins_the_line_it_stands_on():
    page = [ocr.Word("This", 96, 100, 100, 80, 40, 1, 1, 1),
            ocr.Word("Jessica", 96, 100, 400, 900, 260, 2, 1, 1),
            ocr.Word("completed", 96, 100, 900, 200, 40, 3, 1, 1)]
    holloway = ocr.Word("Holloway", 96, 1100, 390, 1000, 280, 9, 1, 1)
    assert ocr._line_beside(holloway, page) is page[1]
    apart = ocr.Word("Holloway", 96, 1100, 600, 1000, 200, 9, 1, 1)
    assert ocr._line_beside(apart, page) is None


# ---------------------------------------------------------------- the corpus pages that showed it


# The fresh set's layouts when these pages were found: a stack holds four layouts in an order
# drawn from all of them, so the layouts added since moved every page of its stacks.
FRESH_LAYOUTS_THEN = 44


def _corpus_page(tmp_path_factory, rel: str, n: int, fresh_layouts: int = FRESH_LAYOUTS_THEN):
    """Page N of corpus file REL ("fresh/fax/stack-11.pdf") as the corpus made it when the page
    was found, with the first FRESH_LAYOUTS of the fresh set (the same certificate and look),
    alone in a file of its own: (path, its certificate)."""
    from bench.certcorpus import build
    from bench.certcorpus.world import World

    set_name = rel.split("/")[0]
    then = build.layouts(set_name)[:fresh_layouts] if set_name == "fresh" else build.layouts(set_name)
    (spec,) = [s for s in build.plan(World(), set_name, then) if s.rel == rel]
    page = spec.pages[n - 1]
    one = build.FileSpec(spec.set, spec.form, f"page-{n}-of-{spec.name}", [page])
    out = tmp_path_factory.mktemp("page")
    build.write_file(one, out)
    return out / one.rel, page.cert


def _corpus_row(tmp_path_factory, rel: str):
    """The row the reader makes of a corpus file's first page, made now, and its certificate."""
    path, cert = _corpus_page(tmp_path_factory, rel, 1)
    return read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict(), cert


def _names_read(path) -> set[tuple[str, ...]]:
    """The name-like runs the reader found on the page's only row, as the registry lookup compares names."""
    row = read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()
    return {name_tokens(c["value"]) for c in row["read"]["candidates"] if c["field"] == "name"}


@needs_tesseract
@pytest.mark.slow
@pytest.mark.parametrize("rel, n", [
    ("fresh/fax/stack-11.pdf", 4),          # "Hannah Lindgren" in a dithered bold italic over a rule: no word read
    ("fresh/fax/huge-name-banner.pdf", 1),  # "Jessica Holloway" 1 inch high: "Holloway" read as nothing
    ("fresh/scan/huge-name-banner.pdf", 1),  # "Eun-ji Alvarez": "Eun-ji" read as nothing
])
def test_a_name_the_pages_reading_left_out_is_read_on_its_own(tmp_path_factory, rel, n):
    path, cert = _corpus_page(tmp_path_factory, rel, n)
    assert name_tokens(cert.person.name) in _names_read(path)


@needs_tesseract
@pytest.mark.slow
@pytest.mark.parametrize("rel, n", [
    ("fresh/fax/postcard-mailer.pdf", 1),   # "TIFFANY |BARROS": a streak through the gap
    ("fresh/fax/stack-06.pdf", 1),          # "_Sofia Greene": the rule under the name
])
def test_a_name_with_a_rule_read_at_its_edge_is_a_name(tmp_path_factory, rel, n):
    path, cert = _corpus_page(tmp_path_factory, rel, n)
    assert name_tokens(cert.person.name) in _names_read(path)


# ---------------------------------------------------------------- calendar tiles


def _seg(text: str, x0: float, y0: float, x1: float, y1: float):
    from cec_batch.readers.cert_layout import Seg, Tok

    words = text.split()
    step = (x1 - x0) / len(words)
    return Seg([Tok(w, 100.0, x0 + i * step, y0, x0 + (i + 1) * step, y1) for i, w in enumerate(words)])


def test_a_calendar_tiles_month_strip_and_day_under_it_are_one_date():
    from cec_batch.readers.cert_layout import calendar_tiles

    caption = _seg("COMPLETED ON", 50, 140, 130, 150)
    strip = _seg("DECEMBER 2025", 60, 165, 160, 180)
    day = _seg("9", 100, 200, 120, 250)
    weekday = _seg("TUESDAY", 85, 265, 140, 275)
    beside = _seg("Oksana Bishop", 210, 155, 330, 170)
    got = calendar_tiles([caption, strip, beside, day, weekday])
    assert [s.text for s in got] == ["COMPLETED ON", "9 DECEMBER 2025", "Oksana Bishop", "TUESDAY"]
    assert (got[1].y0, got[1].y1) == (165, 180)          # where the strip stood, under its caption


def test_a_month_strip_without_a_year_takes_the_year_under_the_day():
    from cec_batch.readers.cert_layout import calendar_tiles

    got = calendar_tiles([_seg("MAR", 60, 100, 100, 115), _seg("14", 65, 125, 95, 165), _seg("2026", 62, 170, 98, 182)])
    assert [s.text for s in got] == ["14 MAR 2026"]


@pytest.mark.parametrize("segs", [
    # a number under a month heading, but far below it: a table's row, not a tile's day
    [("December 2025", 60, 100, 160, 115), ("9", 100, 400, 110, 415)],
    # not centred under the strip
    [("December 2025", 60, 100, 160, 115), ("9", 400, 120, 410, 160)],
    # no day of a month
    [("December 2025", 60, 100, 160, 115), ("42", 100, 120, 120, 160)],
    # a month with no year on the strip or under the day
    [("March", 60, 100, 100, 115), ("14", 65, 125, 95, 165)],
    # something between the strip and the number
    [("May 2026", 60, 100, 160, 115), ("Room", 70, 118, 150, 128), ("3", 100, 130, 110, 170)],
])
def test_what_is_no_calendar_tile_is_left_as_it_is(segs):
    from cec_batch.readers.cert_layout import calendar_tiles

    parts = [_seg(*s) for s in segs]
    assert [s.text for s in calendar_tiles(parts)] == [s.text for s in parts]


@needs_tesseract
@pytest.mark.slow
@pytest.mark.parametrize("rel", ["fresh/scan/calendar-tile.pdf", "fresh/fax/calendar-tile.pdf"])
def test_a_calendar_tiles_large_day_the_pages_reading_left_out_is_read_on_its_own(tmp_path_factory, rel):
    row, cert = _corpus_row(tmp_path_factory, rel)
    assert parse_date(row["completion_date"]).value == cert.completed
    assert row["review"] is None


# ---------------------------------------------------------------- credit figures set large


def _figure_page(tmp_path, figure: str, px: int = 330, angle: float = 0.0, serif: bool = False):
    """A 300 dpi page: a line of prose, a credit FIGURE set PX high in bold, its unit line under it."""
    img = Image.new("L", (2550, 1500), 255)
    d = ImageDraw.Draw(img)
    d.text((500, 150), "attended the sessions of the event listed above and earned", fill=0, font=_font(42))
    d.text((1050, 320), figure, fill=0, font=_font(px, bold=True, serif=serif))
    box = d.textbbox((1050, 320), figure, font=_font(px, bold=True, serif=serif))
    d.text((700, 800), "ACE continuing education credits (CECs)", fill=0, font=_font(42))
    if angle:
        img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    path = tmp_path / "page.png"
    img.save(path)
    return path, box


@needs_tesseract
def test_a_figure_set_far_larger_than_print_is_read_sure(tmp_path):
    # Read at this size as it stands, Tesseract's recogniser gives this "0.9" 34.
    path, box = _figure_page(tmp_path, "0.9", px=400, serif=True)
    words = ocr.read_figure_in(path, (box[0] - 40, box[1] - 40, box[2] + 40, box[3] + 40), seconds=30)
    assert "".join(w.text for w in words) == "0.9"
    assert min(w.conf for w in words) >= REVIEW_CONFIDENCE


@needs_tesseract
def test_a_figure_read_level_is_read_only_on_a_page_askew(tmp_path):
    level, box = _figure_page(tmp_path, "1.5")
    wide = (box[0] - 40, box[1] - 40, box[2] + 40, box[3] + 40)
    assert ocr.read_figure_in(level, wide, seconds=30, level=True) == []       # read as it stands already
    askew_dir = tmp_path / "askew"
    askew_dir.mkdir()
    askew, _ = _figure_page(askew_dir, "1.5", angle=1.0)
    assert "".join(w.text for w in ocr.read_figure_in(askew, wide, seconds=30, level=True)) == "1.5"


@needs_tesseract
def test_a_credit_figure_the_pages_reading_left_out_is_read_in_the_blank_over_its_unit(tmp_path):
    from cec_batch.readers.cert_fields import find_fields, figures_to_reread
    from cec_batch.readers.cert_layout import ocr_segments

    path, box = _figure_page(tmp_path, "0.9")
    page = ocr.ocr_image(path, seconds=30)
    kept = [w for w in page.words if not (box[1] - 20 <= w.top <= box[3])]      # as Tesseract leaves it out
    assert {"earned", "continuing"} <= {w.text for w in kept}
    segs = ocr_segments(kept)
    found, _notes, _bare = find_fields(segs)
    figures = figures_to_reread(segs, found)
    assert [(f, parted, blank) for f, _unit, _box, parted, blank in figures] == [("ceus", True, True)]
    certificate_pdf._read_figures(found, figures, path, time.monotonic() + 30)
    assert found["ceus"].value == "0.9"


def _total_row_page(tmp_path, *figures: str):
    """A 300 dpi event box: its total row's label at the left, FIGURES at the table's far right."""
    img = Image.new("L", (2550, 1200), 255)
    d = ImageDraw.Draw(img)
    d.text((300, 200), "Sat Oct 11    Recovery science    Gideon Pemberton", fill=0, font=_font(40))
    d.text((300, 400), "Total contact hours attended", fill=0, font=_font(44, bold=True))
    for i, figure in enumerate(reversed(figures)):
        d.text((2150 - 300 * i, 400), figure, fill=0, font=_font(44, bold=True))
    d.rectangle((250, 150, 2300, 490), outline=0, width=4)
    d.text((800, 560), "ACE event number CA 245010", fill=0, font=_font(44))
    path = tmp_path / "page.png"
    img.save(path)
    return path


def _left_out_right_of_total(path):
    """find_fields on the page's reading with the figures right of the total's label left out,
    as Tesseract's layout leaves out a table's column of hours."""
    from cec_batch.readers.cert_fields import find_fields
    from cec_batch.readers.cert_layout import ocr_segments

    page = ocr.ocr_image(path, seconds=30)
    kept = [w for w in page.words if not (w.left > 1500 and 380 <= w.top <= 460)]
    assert {"Total", "attended", "245010"} <= {w.text for w in kept}
    return find_fields(ocr_segments(kept))


@needs_tesseract
def test_a_total_far_right_of_its_label_that_the_pages_reading_left_out_is_read(tmp_path):
    # The label has the next line's text under it, so it was never a bare label; its figure
    # stands 28 line heights to its right, where the look right of a bare label never reached.
    path = _total_row_page(tmp_path, "15")
    found, _notes, bare = _left_out_right_of_total(path)
    assert "hours" not in found
    assert [f for f, _label, _box in bare] == ["hours"]
    certificate_pdf._look_right_of_labels(found, bare, path, time.monotonic() + 30)
    assert found["hours"].value == "15"
    assert found["hours"].box[0] > 2000            # the figure's own box, for the second look


@needs_tesseract
def test_two_figures_right_of_a_total_label_are_not_taken_for_it(tmp_path):
    # "2.0" available and "1.5" earned, say: which one the label stands for is not read.
    path = _total_row_page(tmp_path, "2.0", "1.5")
    found, _notes, bare = _left_out_right_of_total(path)
    certificate_pdf._look_right_of_labels(found, bare, path, time.monotonic() + 30)
    assert "hours" not in found


def test_a_large_point_read_as_a_letter_is_a_figure_to_read_again():
    from cec_batch.readers.cert_fields import figures_to_reread

    figure = _seg("1 e 5", 1050, 320, 1400, 560)
    unit = _seg("ACE continuing education credits (CECs)", 700, 600, 1800, 645)
    [(f, _unit, _box, parted, blank)] = figures_to_reread([figure, unit], {})
    assert (f, parted, blank) == ("ceus", True, False)
    # A word of prose over the unit line is no figure.
    assert figures_to_reread([_seg("we are", 1050, 320, 1400, 560), unit], {}) == []
    # A fax: the "0" of "1.0" read as a "Q", a speck after "education" read as a point.
    faxed = _seg("ACE continuing education. credits (CECs)", 811, 600, 1734, 645)
    [(f, _unit, _box, parted, blank)] = figures_to_reread([_seg("1 @ Q", 1050, 320, 1400, 560), faxed], {})
    assert (f, parted, blank) == ("ceus", True, False)


@pytest.mark.parametrize("gap, parted", [(19, False), (60, True)])
def test_digits_ocr_parted_are_one_number_only_with_no_room_for_a_point_between(gap, parted):
    # A bold "15" set large in an event's hours box, read "1 5": its digits a fifth of their height
    # apart. "1.5" whose point was lost leaves the point's width between them: the reading again
    # must find a point, or staff decide.
    from cec_batch.readers.cert_fields import figures_to_reread
    from cec_batch.readers.cert_layout import Seg, Tok

    figure = Seg([Tok("1", 83.0, 2479, 1374, 2543, 1465), Tok("5", 94.0, 2543 + gap, 1373, 2612 + gap, 1466)])
    unit = _seg("heures / hours", 2421, 1520, 2686, 1551)
    [(f, _unit, _box, got, blank)] = figures_to_reread([figure, unit], {})
    assert (f, got, blank) == ("hours", parted, False)
    # The same box in a row of three, the other two holding an event's first and last day, each
    # with a second line that runs across under the figure's line.
    row = [_seg("November 8, 2025", 472, 1384, 1066, 1443), _seg("November 8, 2025", 1364, 1384, 1958, 1437),
           _seg("8 November 2025", 567, 1492, 969, 1528), _seg("8 November 2025", 1459, 1486, 1861, 1522)]
    [(f, _unit, _box, got, blank)] = figures_to_reread([*row, figure, unit], {})
    assert (f, got, blank) == ("hours", parted, False)
    # A figure with something else under it in its box is no credit over its unit.
    assert figures_to_reread([*row, figure, _seg("heures", 2421, 1500, 2686, 1530), unit], {}) == []


def test_a_figure_captioned_as_the_other_amount_is_not_the_credit_under_it():
    # A CPD record's column, "CPD hours" / "15" / "ACE CECs" / "1.5", with the "1.5" not read and
    # the event's date on the line of the "15": 15 is the hours, not the CECs.
    from cec_batch.readers.cert_fields import figures_to_reread, find_fields

    column = [_seg("CPD hours", 2314, 1090, 2482, 1116), _seg("held on 8th November 2025", 235, 1163, 887, 1211),
              _seg("15", 2314, 1149, 2374, 1192), _seg("ACE CECs", 2312, 1298, 2483, 1322)]
    found, _notes, _bare = find_fields(column)
    assert "ceus" not in found
    assert all(blank for _f, _unit, _box, _parted, blank in figures_to_reread(column, {}))   # no "15" to read
    # Captioned as the same amount ("CE HOURS" over "15" over "heures / hours"), it is that amount.
    same = [_seg("CE HOURS", 2314, 1090, 2482, 1116), _seg("held on 8th November 2025", 235, 1163, 887, 1211),
            _seg("15", 2314, 1149, 2374, 1192), _seg("heures / hours", 2312, 1210, 2483, 1234)]
    assert find_fields(same)[0]["hours"].value == "15"


@needs_tesseract
@pytest.mark.slow
def test_a_bold_figure_in_a_row_of_boxes_the_first_look_doubted_is_read_at_twice_its_size(tmp_path_factory):
    # "15" over "heures / hours" beside two boxes of dates, read "1 5" by the page and "15" at 28
    # (its characters at 90) alone: read at twice its size, every character is sure.
    path, cert = _corpus_page(tmp_path_factory, "fresh-redrawn/scan/event-bilingual-date-boxes.pdf", 1)
    row = read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()
    assert row["read"]["hours"] == "15" and str(cert.ceus) == "1.5"          # 0.1 CEC an hour


# ---------------------------------------------------------------- specks on a value read again


def _date_with_speck(tmp_path, px: int = 50, bold: bool = True):
    img = Image.new("L", (900, 200), 255)
    d = ImageDraw.Draw(img)
    d.text((100, 60), "08/03/2025", fill=0, font=_font(px, bold=bold))
    x0, y0, x1, y1 = d.textbbox((100, 60), "08/03/2025", font=_font(px, bold=bold))
    d.ellipse((x1 - 2, y0 - 3, x1 + 3, y0 + 2), fill=0)          # a speck touching the 5's top
    path = tmp_path / "date.png"
    img.save(path)
    return path, (x0, y0, x1, y1)


def test_opening_sheds_a_speck_touching_a_digit_and_keeps_the_strokes(tmp_path):
    path, (x0, y0, x1, y1) = _date_with_speck(tmp_path)
    with Image.open(path) as img:
        crop = img.crop((x0 - 20, y0 - 20, x1 + 20, y1 + 20))
    opened = ocr._opened(crop)
    before, after = np.asarray(crop) < 128, np.asarray(opened) < 128
    speck = (slice(17, 22), slice(x1 - x0 + 18, x1 - x0 + 23))      # the speck's own pixels, right of the 5
    assert before[speck].any() and not after[speck].any()
    assert after.sum() > 0.8 * before.sum()                          # the strokes stay


def test_print_too_thin_to_open_is_not_read_despeckled(tmp_path):
    path, (x0, y0, x1, y1) = _date_with_speck(tmp_path, px=24, bold=False)
    with Image.open(path) as img:
        assert ocr._opened(img.crop((x0 - 10, y0 - 10, x1 + 10, y1 + 10))) is None
    assert ocr.reread(path, (x0, y0, x1, y1), seconds=30, despeckle=True) == []


@needs_tesseract
def test_a_date_read_again_despeckled_reads_its_digits_sure(tmp_path):
    path, box = _date_with_speck(tmp_path)
    words = ocr.reread(path, box, seconds=30, despeckle=True)
    assert "".join(w.text for w in words) == "08/03/2025"
    assert min(w.chars for w in words) >= certificate_pdf.CHARS_CONFIDENCE


@needs_tesseract
@pytest.mark.slow
@pytest.mark.parametrize("rel", ["fresh/scan/photo-id-card.pdf", "fresh/fax/invoice-paid.pdf"])
def test_a_date_a_speck_kept_unsure_is_read_sure_with_its_specks_opened_away(tmp_path_factory, rel):
    row, cert = _corpus_row(tmp_path_factory, rel)
    assert parse_date(row["completion_date"]).value == cert.completed
    assert row["read"]["fields"]["completion_date"]["confidence"] >= REVIEW_CONFIDENCE


@needs_tesseract
def test_a_course_number_found_by_its_shape_alone_gets_a_second_look(tmp_path):
    from cec_batch.readers.cert_fields import Found

    img = Image.new("L", (1400, 200), 255)
    d = ImageDraw.Draw(img)
    d.text((100, 70), "ACE approved course CA24455", fill=0, font=_font(40))
    x0 = 100 + d.textlength("ACE approved course ", font=_font(40))
    _, y0, x1, y1 = d.textbbox((100, 70), "ACE approved course CA24455", font=_font(40))
    path = tmp_path / "line.png"
    img.save(path)
    found = {"course_number": Found("CA24455", 67.0, "pattern", None, box=(x0, y0, x1, y1))}
    certificate_pdf._second_look(found, path, time.monotonic() + 30)
    assert found["course_number"].confidence >= certificate_pdf.SECOND_LOOK_CONFIDENCE


@needs_tesseract
def test_a_figure_whose_box_runs_past_the_pages_edge_is_read_with_white_beyond_it(tmp_path):
    # A calendar tile at the left margin: its day's box, widened for reading, starts left of the page.
    img = Image.new("L", (700, 500), 255)
    ImageDraw.Draw(img).text((15, 120), "14", fill=0, font=_font(200, bold=True))
    path = tmp_path / "edge.png"
    img.save(path)
    words = ocr.read_figure_in(path, (-60, 100, 300, 420), seconds=30)
    assert "".join(w.text for w in words) == "14"


# ---------------------------------------------------------------- a first character read as a border


def _line_with_mark(tmp_path, mark: str) -> tuple:
    """A 300 dpi line "on | 1/8/2025": a date's box at x 600-800, y 200-245, and before it MARK:
    "stroke" (a "1" the reading took for a border), "speck", "streak" (a fax's line down the
    page), "overhang" (the word before's last stroke just past its box) or "none"; with the
    words read: (image path, the date's box, words)."""
    a = np.full((600, 1200), 255, np.uint8)
    a[205:245, 610:616] = 0                                     # the date's own first stroke
    words = [ocr.Word("on", 96, 400, 210, 60, 35, 1, 1, 1), ocr.Word("1/8/2025", 96, 600, 200, 200, 45, 1, 1, 1)]
    if mark == "stroke":
        a[202:246, 574:581] = 0
        words.insert(1, ocr.Word("|", 85, 570, 202, 14, 44, 1, 1, 1))
    elif mark == "speck":
        a[220:224, 575:579] = 0
    elif mark == "streak":
        a[:, 576:579] = 0
    elif mark == "overhang":                                    # the "n" of "on" a little past its box
        words[0] = ocr.Word("on", 96, 520, 210, 55, 35, 1, 1, 1)
        a[212:245, 575:579] = 0
    path = tmp_path / f"{mark}.png"
    Image.fromarray(a).save(path)
    return path, (600, 200, 800, 245), words


@pytest.mark.parametrize("mark, lost", [("stroke", True), ("speck", False), ("streak", False), ("overhang", False),
                                        ("none", False)])
def test_a_stroke_read_as_a_border_just_before_a_value_is_a_character_it_may_have_lost(tmp_path, mark, lost):
    path, box, words = _line_with_mark(tmp_path, mark)
    assert ocr.unread_mark_before(path, box, words) is lost


@needs_tesseract
@pytest.mark.slow
def test_a_date_whose_first_1_was_read_as_a_border_goes_to_review(tmp_path_factory):
    # Times "11/8/2025" at 200 dpi, JPEG q35: read "|" and "1/8/2025" at 96, it posted 2025-01-08.
    path, cert = _corpus_page(tmp_path_factory, "fresh/scan/stack-11.pdf", 4, fresh_layouts=56)
    assert cert.completed.isoformat() == "2025-11-08"
    row = read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()
    got = parse_date(row["completion_date"]).value
    assert got == cert.completed or "first character may have been lost" in (row["review"] or "")


@needs_tesseract
@pytest.mark.slow
@pytest.mark.parametrize("rel, n, why", [
    # "Started | Completed | CECs" read a line above the rest of the header on a sheet askew: the
    # "Started" date beside the "Completed" status cell had posted.
    ("fresh/fax/stack-14.pdf", 4, "a transcript's header row parted by the slope"),
    # "on 3 Janua 2026": the month cut short, and the letter's own date taken as the only one.
    ("fresh/fax/stack-11.pdf", 1, "a completion date whose month was cut short"),
])
def test_corpus_pages_that_posted_a_wrong_date_no_longer_do(tmp_path_factory, rel, n, why):
    path, cert = _corpus_page(tmp_path_factory, rel, n, fresh_layouts=56)
    row = read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()
    assert parse_date(row["completion_date"]).value == cert.completed or row["review"], why


@needs_tesseract
@pytest.mark.slow
def test_a_course_number_read_cut_short_is_read_again_with_what_follows_it(tmp_path_factory):
    # "(ACE Course #CL10311) on": the page's reading gave "CL1031", its last digit and the bracket one.
    path, cert = _corpus_page(tmp_path_factory, "tuned/fax/letter-confirms-attended.pdf", 1)
    row = read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()
    assert "CL1031" in " ".join(row["read"]["lines"])
    assert row["course_number"] == cert.course.number
    assert row["read"]["fields"]["course_number"]["confidence"] >= REVIEW_CONFIDENCE


@needs_tesseract
@pytest.mark.slow
def test_an_events_hours_column_the_first_reading_left_out_is_read_without_the_tables_rules(tmp_path_factory):
    # A fax's boxed table of sessions: Tesseract's layout left out the column of hours and the
    # total ("Total contact hours attended ... 9"), and the event went to staff with no credit stated.
    path, cert = _corpus_page(tmp_path_factory, "fresh/fax/event-session-box.pdf", 1, fresh_layouts=56)
    row = read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()
    assert row["ceus"] is not None and Decimal(row["ceus"]) == cert.ceus
    assert row["read"]["rules_removed"] is True


def test_a_second_reading_kept_for_its_amount_alone_must_read_the_key_fields_alike():
    from cec_batch.readers.cert_fields import Found
    from cec_batch.readers.certificate_pdf import _same_or_more

    def reading(date: str, **more) -> dict:
        got = {"full_name": Found("Heather Balogun", 95.0, "label"), "course_number": Found("CL 10502", 95.0, "label"),
               "completion_date": Found(date, 95.0, "label")}
        got.update({f: Found(v, 95.0, "label") for f, v in more.items()})
        return got

    first = reading("April 26, 2026")
    assert _same_or_more(reading("April 26, 2026", ceus="0.9"), first)
    assert not _same_or_more(reading("April 24, 2026", ceus="0.9"), first)      # another date: not for an amount
    fewer = {f: v for f, v in first.items() if f != "completion_date"}
    assert _same_or_more(reading("April 24, 2026"), fewer)                       # a key field more: the usual rule
    # An amount read without confidence ("7" for a "1.5" the first reading lost) is no amount held.
    unsure = reading("April 26, 2026", ceus="7")
    unsure["ceus"].confidence = 15.0
    assert certificate_pdf._key_score(reading("April 26, 2026", ceus="1.5")) > certificate_pdf._key_score(unsure)


# ---------------------------------------------------------------- a stamp pressed askew


def _certificate_sheet(left: int, name_top: int, date_line: str) -> Image.Image:
    """A 300 dpi letter sheet, greyish white, printing a certificate with no course number: its
    lines from LEFT, the name at NAME_TOP, the completion in DATE_LINE."""
    img = Image.new("L", (2550, 3300), 250)
    d = ImageDraw.Draw(img)
    for y, text, px in ((300, "Harbor Mind-Body Collective", 56), (500, "Certificate of Completion", 90),
                        (800, "This certifies that", 44), (name_top, "Gordon Pike", 90), (1150, "ACE ID No. 146854", 44),
                        (1350, "has completed Breathwork Foundations", 48), (1500, date_line, 48)):
        d.text((left, y), text, fill=0, font=_font(px, serif=True))
    return img


def _stamped_page(tmp_path, stamps: list[tuple[str, float]]):
    """A scanned certificate whose course number is only in rubber stamps, each (its course
    line, degrees turned), set in the lower half; a PDF of the page at 300 dpi."""
    img = _certificate_sheet(300, 950, "on 08/23/2025")
    for i, (line, angle) in enumerate(stamps):
        stamp = _rubber_stamp((900, 340), [((90, 40), "ACE APPROVED PROVIDER", _font(52, bold=True)),
                                           ((90, 160), line, _font(64))], rule=120)
        _press(img, stamp, angle, (1400 - 1100 * i, 2300))
    return _pdf_of(img, tmp_path / "stamped.pdf")


def _rubber_stamp(size: tuple[int, int], lines: list, rule: int | None = None) -> Image.Image:
    """A rubber stamp's print: a rounded frame, each (place, text, font) of LINES, a rule across at RULE."""
    stamp = Image.new("L", size, 255)
    s = ImageDraw.Draw(stamp)
    s.rounded_rectangle((8, 8, size[0] - 8, size[1] - 8), radius=30, outline=0, width=10)
    if rule is not None:
        s.line((30, rule, size[0] - 30, rule), fill=0, width=5)
    for xy, text, font in lines:
        s.text(xy, text, fill=0, font=font)
    return stamp


def _press(img: Image.Image, stamp: Image.Image, angle: float, at: tuple[int, int]) -> None:
    """STAMP pressed on IMG at AT, turned ANGLE degrees, its white the sheet's."""
    turned = stamp.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
    img.paste(Image.eval(turned, lambda v: min(v, 250)), at)


def _pdf_of(img: Image.Image, path):
    img.save(path, "PDF", resolution=300)
    return path


@needs_tesseract
@pytest.mark.parametrize("stamps, course", [
    ([("COURSE CS52044", 8.0)], "CS52044"),
    ([("COURSE CS52044", -6.0)], "CS52044"),
    ([("COURSE CS52044", 8.0), ("COURSE CL10234", -9.0)], None),     # two stamps, two courses: which one?
])
def test_a_course_number_only_in_a_stamp_pressed_askew_is_read_level(tmp_path, stamps, course):
    row = read_certificates(_stamped_page(tmp_path, stamps), limits=LIMITS).rows.iloc[0].to_dict()
    assert row["course_number"] == course
    if course is not None:
        assert row["read"]["fields"]["course_number"]["confidence"] >= REVIEW_CONFIDENCE
    else:
        assert "course number not found" in row["review"]


def _form_with_stamps(tmp_path, stamps: list[tuple[tuple[str, ...], float]]):
    """A scanned enrolment form: name, ID and course filled in, its own dates each labelled as some
    other day (enrolment, materials shipped, exam received); the completion only in rubber stamps,
    each (its lines, degrees turned), pressed in the office box."""
    img = Image.new("L", (2550, 3300), 250)
    d = ImageDraw.Draw(img)
    for x, y, text, px in ((250, 250, "Home Study Enrolment Form", 70), (250, 500, "Name: Gordon Pike", 48),
                           (250, 600, "ACE ID No. 146854", 48), (250, 700, "ACE course no. CS41018", 48),
                           (250, 800, "Date of enrolment: 06/25/2026", 48), (250, 1900, "FOR OFFICE USE ONLY", 44),
                           (250, 2000, "Materials shipped: 06/28/2026", 44), (250, 2100, "Exam received: 08/13/2026", 44),
                           (250, 3000, "Completed when the examination is graded and passed: see stamp.", 40)):
        d.text((x, y), text, fill=0, font=_font(px))
    for i, (lines, angle) in enumerate(stamps):
        stamp = _rubber_stamp((900, 420), [((80, 50 + 120 * k), line, _font(60 if k == 0 else 56, bold=k == 0))
                                           for k, line in enumerate(lines)])
        _press(img, stamp, angle, (1500 - 1050 * i, 2400))
    return _pdf_of(img, tmp_path / "form.pdf")


@needs_tesseract
@pytest.mark.parametrize("stamps, completed", [
    ([(("COURSE COMPLETED", "AUG 16 2026"), -6.0)], "2026-08-16"),
    ([(("COURSE COMPLETED", "AUG 16 2026"), 7.0)], "2026-08-16"),
    ([(("RECEIVED", "AUG 16 2026"), -6.0)], None),                  # another day's stamp
])
def test_a_completion_date_only_in_a_stamp_pressed_askew_is_read_level(tmp_path, stamps, completed):
    row = read_certificates(_form_with_stamps(tmp_path, stamps), limits=LIMITS).rows.iloc[0].to_dict()
    assert row["course_number"] == "CS41018"
    day = parse_date(row["completion_date"]).value if row["completion_date"] else None
    if completed is not None:
        assert str(day) == completed
        assert row["read"]["fields"]["completion_date"]["confidence"] >= REVIEW_CONFIDENCE
        assert row["review"] is None
    else:
        assert day is None or "completion date" in (row["review"] or "")


def _stamp_words(*lines: str) -> list:
    """The words of a levelled stamp, line under line, as Tesseract gives them."""
    out = []
    for k, line in enumerate(lines):
        x = 40
        for word in line.split():
            out.append(ocr.Word(word, 96.0, x, 40 + 90 * k, 40 * len(word), 60, 1, 1, k + 1))
            x += 40 * len(word) + 30
    return out


@pytest.mark.parametrize("patches, taken", [
    ([("COURSE COMPLETED", "AUG 16 2026")], "AUG 16 2026"),
    ([("COURSE COMPLETED", "AUG 16 2026"), ("COMPLETED", "16 August 2026")], "AUG 16 2026"),  # one day, two stamps
    ([("COURSE COMPLETED", "AUG 16 2026"), ("COURSE COMPLETED", "SEP 02 2026")], None),   # two days: which one?
    ([("RECEIVED", "AUG 16 2026")], None),
    ([("COURSE COMPLETED", "AUG ' 16 2026")], "AUG 16 2026"),     # a speck read as a mark of its own
])
def test_a_stamps_completion_date_is_taken_only_when_the_stamps_agree(tmp_path, patches, taken):
    paths = []
    for i, lines in enumerate(patches):
        paths.append((tmp_path / f"turned{i}.png", _stamp_words(*lines)))
        Image.new("L", (900, 400), 255).save(paths[-1][0])
    found = {}
    certificate_pdf._date_in_turned_print(found, [], paths, time.monotonic() + 30)
    assert (found["completion_date"].value if found else None) == taken
    if found:
        assert found["completion_date"].box is None        # the patch's box is no place on the page


@pytest.mark.parametrize("called, taken", [
    ([], "AUG 16 2026"),
    (["16 August 2026"], "AUG 16 2026"),                   # the page calls the same day the completion
    (["14 AUG 2026", "16 AUG 2026"], None),                 # a CE passport's session stamps: an event's days
])
def test_a_stamps_date_does_not_settle_the_pages_own_completion_dates(tmp_path, called, taken):
    from cec_batch.readers.cert_fields import Candidate

    path = tmp_path / "turned0.png"
    Image.new("L", (900, 400), 255).save(path)
    cands = [Candidate("date", v, v, 95.0, None, "", "", "ATTENDED", 0.01, kind="completion", telling="attended")
             for v in called]
    found = {}
    certificate_pdf._date_in_turned_print(found, cands, [(path, _stamp_words("ATTENDED", "AUG 16 2026"))],
                                          time.monotonic() + 30)
    assert (found["completion_date"].value if found else None) == taken


@needs_tesseract
def test_a_ce_passports_session_stamps_post_no_day_but_the_last(tmp_path_factory):
    # Its boxes each stamped "ATTENDED" and a day; the two read level were not the last day
    # (2025-06-13 was posted once for an event that ended on 2025-06-15).
    row, cert = _corpus_row(tmp_path_factory, "fresh2/fax/ce-passport-stamps.pdf")
    day = parse_date(row["completion_date"]).value if row["completion_date"] else None
    assert day == cert.completed or "completion date" in (row["review"] or "")


@needs_tesseract
@pytest.mark.parametrize("rel", ["fresh5/scan/enrolment-form-completed-stamp.pdf",
                                 "fresh5/fax/enrolment-form-completed-stamp.pdf"])
def test_a_graders_stamp_dates_the_completion_of_an_enrolment_form(tmp_path_factory, rel):
    # The form's own dates are the birth, the enrolment, the shipping and the exam's receipt; the
    # completion is in the grader's red stamp only ("COURSE COMPLETED / AUG 16 2026").
    row, cert = _corpus_row(tmp_path_factory, rel)
    assert parse_date(row["completion_date"]).value == cert.completed
    assert "completion date" not in (row["review"] or "")


@needs_tesseract
def test_a_transcripts_course_row_scanned_askew_dates_the_course(tmp_path_factory):
    # Scanned 2 degrees askew: the course number at the row's right end stands half a row lower
    # than its date under "Completed", three rows and two term headings down the column.
    row, cert = _corpus_row(tmp_path_factory, "fresh4/scan/extension-transcript-terms.pdf")
    assert parse_date(row["completion_date"]).value == cert.completed
    assert "completion date" not in (row["review"] or "")


@needs_tesseract
@pytest.mark.parametrize("first, field, value", [
    ("CEP122456", "course_number", "CEP123456"),     # two sure looks read it otherwise: what they read
    ("CEP123456", "course_number", "CEP123456"),     # the looks agree: it stays
])
def test_a_course_number_read_unsure_and_read_otherwise_by_two_sure_looks_is_what_they_read(
        tmp_path, first, field, value):
    from cec_batch.readers.cert_fields import Found

    img = Image.new("L", (1400, 300), 250)
    ImageDraw.Draw(img).text((100, 90), "CEP123456", fill=30, font=_font(86))
    path = tmp_path / "large.png"
    img.save(path)
    got = Found(first, 60.0, "label", "ACE course number", box=(100, 100, 660, 180))
    certificate_pdf._second_look({field: got}, path, time.monotonic() + 60)
    assert got.value == value
    assert got.confidence >= REVIEW_CONFIDENCE


@needs_tesseract
def test_a_date_read_unsure_is_not_replaced_by_what_its_looks_read_otherwise(tmp_path):
    from cec_batch.readers.cert_fields import Found

    img = Image.new("L", (1400, 300), 250)
    ImageDraw.Draw(img).text((100, 90), "03/13/2026", fill=30, font=_font(60))
    path = tmp_path / "date.png"
    img.save(path)
    got = Found("03/18/2026", 60.0, "label", "Date completed", box=(100, 95, 520, 160))
    certificate_pdf._second_look({"completion_date": got}, path, time.monotonic() + 60)
    assert got.value == "03/18/2026" and got.confidence < REVIEW_CONFIDENCE     # no catalogue checks a date


# ---------------------------------------------------------------- a caption under its value


@needs_tesseract
@pytest.mark.parametrize("printed, course", [
    ("CP 31777", "CP 31777"),
    ("CP 31777 and CS 40121", None),            # more than a course number over the caption: not its value
])
def test_a_course_numbers_caption_with_nothing_after_it_has_the_line_above_read_again(tmp_path, printed, course):
    from cec_batch.readers.cert_layout import ocr_segments

    img = Image.new("L", (2550, 900), 255)
    d = ImageDraw.Draw(img)
    d.text((620, 300), printed, fill=0, font=_font(44))
    d.line((560, 380, 1400, 380), fill=0, width=3)
    d.text((576, 400), "ACE Course Number", fill=0, font=_font(30))
    path = tmp_path / "page.png"
    img.save(path)
    # The page's reading as a JPEG at q35 gave it: the caption, and junk where the value stands.
    words = [ocr.Word("CP", 21.0, 625, 300, 74, 43, 1, 1, 1), ocr.Word("sliry", 14.0, 720, 300, 159, 44, 1, 1, 1),
             ocr.Word("ACE", 96.0, 576, 404, 78, 30, 2, 1, 1), ocr.Word("Course", 96.0, 664, 404, 120, 30, 2, 1, 1),
             ocr.Word("Number", 63.0, 797, 404, 134, 30, 2, 1, 1)]
    found = {}
    bare = [("course_number", "ACE Course Number", (576, 404, 931, 434))]
    certificate_pdf._look_above_course_caption(found, bare, ocr_segments(words), path, time.monotonic() + 30)
    assert (found["course_number"].value if "course_number" in found else None) == course


# ---------------------------------------------------------------- a reading kept for its key fields


def test_a_reading_kept_for_its_key_fields_keeps_the_credit_the_other_was_sure_of():
    from cec_batch.readers.cert_fields import Found

    first = {"ceus": Found("1.3", 95.0, "label", "ACE CECs", box=(1, 2, 3, 4))}
    level = {"completion_date": Found("October 17, 2026", 87.0, "context", "held on")}
    certificate_pdf._keep_sure_amount(level, first)
    assert level["ceus"].value == "1.3" and level["completion_date"].value == "October 17, 2026"
    # An amount the kept reading is sure of stands; one it doubts gives way to the sure one.
    sure = {"hours": Found("13", 92.0, "label", "CPD hours")}
    certificate_pdf._keep_sure_amount(sure, first)
    assert set(sure) == {"hours"}
    doubted = {"ceus": Found("13", 40.0, "label", "ACE CECs")}
    certificate_pdf._keep_sure_amount(doubted, first)
    assert doubted["ceus"].value == "1.3"
    # Nothing sure to keep: the kept reading is left as it is.
    unsure = {"ceus": Found("13", 40.0, "label", "ACE CECs")}
    certificate_pdf._keep_sure_amount(unsure, {"hours": Found("1", 50.0, "label", "hours")})
    assert unsure["ceus"].value == "13" and "hours" not in unsure


@needs_tesseract
@pytest.mark.slow
def test_an_events_credit_read_before_the_page_was_turned_level_is_kept(tmp_path_factory):
    # The page read without its rules read "1.3" under "ACE CECs" for sure but the date only at
    # 78; turned level, the date read sure and the credit "1:3": the level reading is kept for
    # its date, and the event's credit must not be lost with it.
    path, cert = _corpus_page(tmp_path_factory, "fresh-redrawn/scan/uk-cpd-event.pdf", 1)
    row = read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()
    assert row["ceus"] == str(cert.ceus) == "1.3"
    assert row["read"]["rules_removed"]


def test_a_figure_garbled_under_its_caption_is_a_figure_to_read_again():
    # An event's record box: "ACE CECs" over a bold "1.8" OCR read as "Bp:" (a speck beside it).
    from cec_batch.readers.cert_fields import figures_to_reread

    caption = _seg("ACE CECs", 2332, 1307, 2504, 1334)
    [(f, label, box, parted, blank)] = figures_to_reread([caption, _seg("Bp:", 2291, 1367, 2411, 1427)], {})
    assert (f, label, parted, blank) == ("ceus", "ACE CECs", True, False)      # CECs need their point
    assert box[1] == 1367
    # Hours under their caption need no point.
    [(f, _label, _box, parted, _blank)] = figures_to_reread(
        [_seg("CPD hours", 2329, 1100, 2498, 1125), _seg("a", 2332, 1158, 2392, 1201)], {})
    assert (f, parted) == ("hours", False)
    # A word under the caption, the caption inside a sentence, or a line far below are no figure.
    assert figures_to_reread([caption, _seg("Pending review", 2291, 1367, 2611, 1427)], {}) == []
    assert figures_to_reread([_seg("ACE CECs are awarded", 2332, 1307, 2804, 1334),
                              _seg("Bp:", 2291, 1367, 2411, 1427)], {}) == []
    assert figures_to_reread([caption, _seg("Bp:", 2291, 1500, 2411, 1560)], {}) == []


@needs_tesseract
def test_a_bold_figure_under_its_caption_is_read_again_as_digits(tmp_path):
    from cec_batch.readers.cert_fields import figures_to_reread

    img = Image.new("L", (1200, 600), 255)
    d = ImageDraw.Draw(img)
    d.text((300, 200), "ACE CECs", fill=0, font=_font(30))
    d.text((300, 260), "1.8", fill=0, font=_font(56, bold=True))
    path = tmp_path / "page.png"
    img.save(path)
    caption = _seg("ACE CECs", 300, 200, 470, 230)
    found = {}
    figures = figures_to_reread([caption, _seg("Bp:", 290, 262, 400, 320)], found)
    certificate_pdf._read_figures(found, figures, path, time.monotonic() + 30)
    assert found["ceus"].value == "1.8"


@needs_tesseract
@pytest.mark.slow
def test_a_label_column_of_white_on_black_cells_turned_light_loses_its_parting_rules(tmp_path_factory):
    # Each label a black cell parted from the next by a white rule: turned light, the parting rules
    # are black rules over the table's, and Tesseract left the date's row out until they were taken away.
    path, cert = _corpus_page(tmp_path_factory, "fresh-redrawn/fax/reversed-label-column.pdf", 1)
    row = read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()
    assert parse_date(row["completion_date"]).value == cert.completed
    assert row["read"]["panels_turned"]


# ---------------------------------------------------------------- print set standing


def _standing_page(tmp_path, *, band: bool, up: bool, line: str = "ACE COURSE CS 52044  ·  0.5 CEC  ·  ISSUED 09/02/2025"):
    """A scanned certificate whose course number is only in LINE, set standing down the left
    edge: white on a dark band (BAND) or black on the paper, running up the page (UP) or down
    it; a PDF of the page at 300 dpi."""
    img = _certificate_sheet(500, 900, "on August 23, 2025")
    strip = Image.new("L", (2600, 180), 60 if band else 255)
    ImageDraw.Draw(strip).text((120, 55), line, fill=245 if band else 0, font=_font(52, bold=True))
    strip = strip.transpose(Image.Transpose.ROTATE_90 if up else Image.Transpose.ROTATE_270)
    img.paste(strip, (60 if not band else 0, 350))
    img.save(tmp_path / "standing.png")
    path = tmp_path / "standing.pdf"
    img.save(path, "PDF", resolution=300)
    return path


@needs_tesseract
@pytest.mark.parametrize("band", [True, False], ids=["white-on-a-band", "black-on-paper"])
@pytest.mark.parametrize("up", [True, False], ids=["running-up", "running-down"])
def test_a_course_number_only_in_print_set_standing_is_read(tmp_path, band, up):
    row = read_certificates(_standing_page(tmp_path, band=band, up=up), limits=LIMITS).rows.iloc[0].to_dict()
    assert row["course_number"].replace(" ", "") == "CS52044"
    assert row["read"]["fields"]["course_number"]["confidence"] >= REVIEW_CONFIDENCE
    # The issue date up the edge is not the completion: the prose's date still is.
    assert parse_date(row["completion_date"]).value.isoformat() == "2025-08-23"
    assert row["review"] is None


@needs_tesseract
@pytest.mark.parametrize("band", [True, False], ids=["white-on-a-band", "black-on-paper"])
@pytest.mark.parametrize("up", [True, False], ids=["running-up", "running-down"])
def test_print_set_standing_is_read_turned_level_below_the_page(tmp_path, band, up):
    # Tesseract's own layout reads some such lines (running up, here) and garbles others (running
    # down): standing_print reads each turned level, whatever the page's reading made of it.
    _standing_page(tmp_path, band=band, up=up)
    page = tmp_path / "standing.png"
    words = ocr.ocr_image(page, seconds=30).words
    got = ocr.standing_print(page, words, seconds=30)
    assert got is not None
    below = [w for w in got.words if w.top >= 3300]
    assert "52044" in [w.text for w in below] and "COURSE" in [w.text for w in below]
    assert all(w.width > w.height for w in below if len(w.text) >= 4)       # level, not standing
    assert [w.text for w in sorted(below, key=lambda w: w.left) if any(ch.isalnum() for ch in w.text)] == \
        ["ACE", "COURSE", "CS", "52044", "0.5", "CEC", "ISSUED", "09/02/2025"]        # the whole line, in order
    with Image.open(got.image_path) as img:         # the page, and the line turned below it
        assert img.width >= 2550 and img.height > 3300 + 100
        assert (np.asarray(img.convert("L"))[3300:] < 128).any()
    assert not [w for w in got.words if w.top < 3300 and w.left < 300 and w.height > w.width]


@needs_tesseract
@pytest.mark.slow
@pytest.mark.parametrize("rel, field", [
    ("fresh5/scan/name-up-the-spine.pdf", "full_name"),            # "PRESENTED TO / DIEGO SANDOVAL" up a grey band
    ("fresh5/fax/margin-vertical-course-line.pdf", "course_number"),     # "ACE COURSE CA 24190" up a band
])
def test_a_key_field_printed_up_a_dark_band_is_read_turned_level(tmp_path_factory, rel, field):
    path, cert = _corpus_page(tmp_path_factory, rel, 1)
    row = read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()
    assert row["read"]["standing_print"]
    assert row["review"] is None
    if field == "full_name":
        assert name_tokens(row["full_name"]) == name_tokens(cert.person.name)
    else:
        assert row["course_number"].replace(" ", "") == cert.course.number


@needs_tesseract
def test_a_name_up_a_band_apart_from_its_caption_reaches_the_closed_world(tmp_path):
    # "PRESENTED TO" small at the foot of a dark band and the name set large up its middle: turned
    # level, the caption stands left of and above the name, so no label takes it; the name-like run
    # it makes is what the registry is looked up by.
    from cec_batch.certificate_choice import choose_page
    from cec_batch.match import Matcher
    from cec_batch.model import Certificant

    img = Image.new("L", (3300, 2550), 250)
    d = ImageDraw.Draw(img)
    for y, text, px in ((250, "PEAK PERFORMANCE INSTITUTE", 40), (400, "Certificate of completion", 90),
                        (700, "for completing the course Olympic Lifting Technique", 48),
                        (1000, "COMPLETED 14 August 2026", 48), (1150, "ACE COURSE CP-552044", 48),
                        (1300, "ACE CECs 0.8", 48)):
        d.text((800, y), text, fill=0, font=_font(px))
    band = Image.new("L", (2550, 620), 30)
    bd = ImageDraw.Draw(band)
    bd.text((80, 250), "PRESENTED TO", fill=240, font=_font(34))
    bd.text((700, 140), "PRIYA DAS", fill=240, font=_font(230, bold=True))
    img.paste(band.transpose(Image.Transpose.ROTATE_90), (0, 0))
    path = tmp_path / "spine.pdf"
    img.save(path, "PDF", resolution=300)
    row = read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()
    assert row["read"]["standing_print"]
    assert "PRIYA DAS" in [c["value"] for c in row["read"]["candidates"] if c["field"] == "name"]
    matcher = Matcher([Certificant("175737", "Priya", "Das", "pdas@example.org"),
                       Certificant("175738", "Priya", "Dasgupta", "pd2@example.org")])
    got = choose_page(row, catalogue={}, matcher=matcher)
    assert got["full_name"] == "PRIYA DAS" and not got["read"]["problems"]


@needs_tesseract
def test_a_name_stacked_large_over_a_dithered_panel_is_read_once_the_dither_is_cleared(tmp_path):
    # A poster faxed: the name in two lines of large capitals, black over a grey panel that the fax
    # made a dither of dots. Read as it came, the panel is one run of ink and no name is found.
    a = np.full((3300, 2550), 255, dtype=np.uint8)
    yy, xx = np.mgrid[0:1000, 0:2550]
    a[:1000][(yy % 4 < 2) & (xx % 4 < 2) & ((yy // 4 + xx // 4) % 2 == 0)] = 0      # a fax's ordered dither
    img = Image.fromarray(a)
    d = ImageDraw.Draw(img)
    d.text((250, 330), "MATEO", fill=0, font=_font(220))
    d.text((250, 620), "WASHINGTON", fill=0, font=_font(220))
    for y, text in ((1150, "completed"), (1300, "Plant-Based Nutrition for Active Clients"),
                    (1500, "Completed: April 23, 2025"), (1650, "ACE course: CEP31660"), (1800, "ACE CECs: 0.5")):
        d.text((250, y), text, fill=0, font=_font(60))
    path = tmp_path / "poster.pdf"
    img.save(path, "PDF", resolution=300)
    row = read_certificates(path, limits=LIMITS).rows.iloc[0].to_dict()
    names = [c["value"] for c in row["read"]["candidates"] if c["field"] == "name"]
    assert "MATEO WASHINGTON" in names
    assert row["read"]["unread_lines"]


@needs_tesseract
@pytest.mark.slow
@pytest.mark.parametrize("rel", [
    "fresh5/fax/stacked-name-poster.pdf",       # "MATEO" / "WASHINGTON" over a dithered panel, set solid
    "fresh5/fax/name-up-the-spine.pdf",         # "PRESENTED TO" at the foot of a band, the name up its middle
])
def test_a_faxed_name_left_out_by_the_pages_reading_is_a_name_like_run_of_its_page(tmp_path_factory, rel):
    row, cert = _corpus_row(tmp_path_factory, rel)
    names = [name_tokens(c["value"]) for c in row["read"]["candidates"] if c["field"] == "name"]
    assert name_tokens(cert.person.name) in names


@needs_tesseract
def test_upright_print_in_a_narrow_dark_column_is_not_read_as_standing(tmp_path):
    # A column down the page of short upright lines, white on black ("AWARDED / TO / ..."): turned
    # a quarter it reads worse than as it stands, and is not taken for print set standing.
    img = Image.new("L", (2550, 3300), 250)
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, 500, 3300), fill=40)
    for k, word in enumerate(("AWARDED", "TO", "Lena", "Eriksen", "ON", "MAY", "3,", "2026")):
        d.text((60, 300 + 220 * k), word, fill=240, font=_font(64, bold=True))
    d.text((800, 600), "Certificate of Completion", fill=0, font=_font(80, serif=True))
    path = tmp_path / "column.png"
    img.save(path)
    words = ocr.ocr_image(path, seconds=30).words
    assert ocr.standing_print(path, words, seconds=30) is None


# ---------------------------------------------------------------- a name cut short


def _name_line(tmp_path, name: str, cut: str, streak: bool = False):
    """A 300 dpi image of NAME set large, the words read as OCR cut it short at CUT (its first
    characters, "Eun-ji Halvo"): (image path, the words, the name's Found as read)."""
    from cec_batch.readers.cert_fields import Found

    img = Image.new("L", (2550, 600), 255)
    d = ImageDraw.Draw(img)
    font = _font(110, bold=True, serif=True)
    d.text((300, 200), name, fill=0, font=font)
    if streak:      # a line down the whole sheet just past the cut: a streak, no print
        x = d.textbbox((300, 200), cut, font=font)[2] + 20
        d.line((x, 0, x, 599), fill=0, width=3)
        d.rectangle((x + 4, 150, 2549, 450), fill=255)
    path = tmp_path / "name.png"
    img.save(path)
    words, at = [], 0
    for w in cut.split():           # each word's box where the whole line set it
        at = cut.index(w, at)
        x0 = 300 + int(d.textlength(cut[:at], font=font))
        _, y0, x1, y1 = (int(v) for v in d.textbbox((300, 200), cut[:at + len(w)], font=font))
        words.append(ocr.Word(w, 90.0, x0, y0, x1 - x0, y1 - y0, 1, 1, 1))
        at += len(w)
    box = (words[0].left, min(w.top for w in words), words[-1].left + words[-1].width,
           max(w.top + w.height for w in words))
    return path, words, Found(cut, 90.0, "label", "is presented to", box=box)


@needs_tesseract
def test_a_name_the_reading_cut_short_is_read_again_with_the_print_after_it(tmp_path):
    path, words, got = _name_line(tmp_path, "Eun-ji Halvorsen", "Eun-ji Halvo")
    found = {"full_name": got}
    certificate_pdf._name_cut_short(found, ocr.PageOcr(words, image_path=path), time.monotonic() + 30)
    assert found["full_name"].value == "Eun-ji Halvorsen"


@needs_tesseract
@pytest.mark.parametrize("name, cut, streak", [
    ("Eun-ji Halvorsen", "Eun-ji Halvorsen", False),      # read whole: nothing after it
    ("Eun-ji Halvo", "Eun-ji Halvo", True),               # a streak after it is no print
])
def test_a_name_read_whole_is_left_as_read(tmp_path, name, cut, streak):
    path, words, got = _name_line(tmp_path, name, cut, streak)
    assert ocr.unread_print_after(path, got.box, words) is None
    found = {"full_name": got}
    certificate_pdf._name_cut_short(found, ocr.PageOcr(words, image_path=path), time.monotonic() + 30)
    assert found["full_name"] is got and got.value == cut
