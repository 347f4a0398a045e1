"""Certificate PDFs: every sample page read right or sent to review (R19), bad files refused (R20).

Real PDFs (samples/certificates, made by make_certificates.py; truth in samples/certificates_truth.csv),
real PDFium and real Tesseract. The scanned samples are read once per module.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from cec_batch import ocr
from cec_batch.config import Limits
from cec_batch.errors import UnreadableFile
from cec_batch.model import ROW_FIELDS, ReadResult
from cec_batch.normalize import parse_date
from cec_batch.readers.certificate_pdf import REVIEW_CONFIDENCE, read_certificates

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "certificates"
with (SAMPLES.parent / "certificates_truth.csv").open(newline="", encoding="utf-8") as _f:
    EXPECTED = list(csv.DictReader(_f))
FILES = sorted({r["file"] for r in EXPECTED})
LIMITS = Limits()

needs_tesseract = pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed")


@pytest.fixture(scope="module")
def image_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("page-images")


@pytest.fixture(scope="module")
def results(image_dir) -> dict[str, ReadResult]:
    """Every sample file read once, OCR included, review images saved."""
    if not ocr.available():
        pytest.skip("Tesseract is not installed")
    return {name: read_certificates(SAMPLES / name, limits=LIMITS, image_dir=image_dir) for name in FILES}


def row_at(result: ReadResult, page: int) -> dict | None:
    rows = result.rows[result.rows["location"] == f"page {page}"]
    return None if rows.empty else rows.iloc[0].to_dict()


# --- how a test compares what was read with the truth (the pipeline's own normalising is elsewhere)


def fold_name(raw: str) -> str:
    """'Dimitrov, Sean' and 'SEAN DIMITROV' both become 'sean dimitrov'."""
    if "," in raw:
        last, first = raw.split(",", 1)
        raw = f"{first} {last}"
    text = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^A-Za-z' -]", " ", text).lower().split())


_OCR_DIGITS = str.maketrans({"O": "0", "I": "1", "L": "1", "S": "5", "B": "8"})


def course(raw: str, ocr_read: bool) -> str:
    """R7: upper-case, no spaces, hyphens or dots; for OCR, O/I/l/S/B fixed in the digit part."""
    text = re.sub(r"[\s.\-]", "", raw).upper()
    m = re.fullmatch(r"(CEP|CP|CA|CS|CL)(.+)", text)
    if m and ocr_read:
        text = m.group(1) + m.group(2).translate(_OCR_DIGITS)
    return text


def day(raw: str) -> date:
    """R15: MM/DD/YYYY, ISO, written dates."""
    raw = " ".join(raw.replace(",", " ").split())
    for fmt in ("%m/%d/%Y", "%Y-%m-%d", "%B %d %Y", "%d %B %Y", "%b %d %Y"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            pass
    raise AssertionError(f"unparseable date {raw!r}")


def read_name(row: dict) -> str | None:
    if row["full_name"]:
        return row["full_name"]
    if row["first_name"] and row["last_name"]:
        return f"{row['first_name']} {row['last_name']}"
    return None


def wrong_values(row: dict, truth: dict) -> list[str]:
    """Every value on the row that differs from what the page says (None: not read, not wrong)."""
    ocr_read = row["read"]["text_source"] == "ocr"
    got = {
        "name": read_name(row) and fold_name(read_name(row)),
        "certificant_id": row["certificant_id"],
        "email": row["email"] and row["email"].lower(),
        "course_number": row["course_number"] and course(row["course_number"], ocr_read),
        "completion_date": row["completion_date"] and day(row["completion_date"]).isoformat(),
        "ceus": row["ceus"] is not None and str(Decimal(str(row["ceus"]).replace(",", "."))),
    }
    want = {
        "name": fold_name(truth["name"]),
        "certificant_id": truth["certificant_id"] or None,
        "email": truth["email"].lower() or None,
        "course_number": truth["course_number"] or None,
        "completion_date": truth["completion_date"],
        "ceus": str(Decimal(truth["ceus"])),
    }
    return [f"{k}: read {got[k]!r}, page says {want[k]!r}" for k in got if got[k] and got[k] != want[k]]


# --- the samples


def test_manifest_and_samples_match_both_ways():
    """Every sample PDF page has a line in certificates_truth.csv, and every line a page."""
    on_disk = sorted(p.name for p in SAMPLES.glob("*.pdf"))
    assert on_disk == FILES
    for name in FILES:
        doc = pdfium.PdfDocument(str(SAMPLES / name))
        pages = len(doc)
        doc.close()
        listed = sorted(int(r["page"]) for r in EXPECTED if r["file"] == name)
        assert listed == list(range(1, pages + 1)), name


def test_samples_are_small():
    sizes = {p.name: p.stat().st_size for p in SAMPLES.glob("*.pdf")}
    assert max(sizes.values()) < 300_000, sizes
    assert sum(sizes.values()) < 2_000_000


@needs_tesseract
@pytest.mark.parametrize("truth", EXPECTED, ids=lambda r: f"{r['file']}-p{r['page']}-{r['expect']}")
def test_r19_every_page_read_right_or_sent_to_review(results, truth):
    result = results[truth["file"]]
    row = row_at(result, int(truth["page"]))
    if truth["expect"] == "blank":
        assert row is None, "a blank back must be skipped, not given a row"
        return
    assert row is not None, "a certificate page must have a row"
    wrong = wrong_values(row, truth)
    fields = row["read"]["fields"]
    if row["review"] is None:
        # Nothing wrong may pass without review; a doubtful ID, email or CEC value must say so.
        for problem in wrong:
            key = problem.split(":")[0]
            key = {"name": "full_name"}.get(key, key)
            assert key in ("certificant_id", "email", "ceus") and fields[key]["confidence"] < REVIEW_CONFIDENCE, (
                f"wrong value without review: {problem}; read {fields}")
    if truth["expect"] == "read":
        assert row["review"] is None, f"should have been read: {row['review']}"
        assert not wrong, wrong
        assert row["certificant_id"] or row["email"], "the ID or email printed on the page was not read"
        assert row["ceus"] is not None
    elif truth["expect"] == "review":
        assert row["review"], "should have gone to review"


@needs_tesseract
def test_rows_have_the_reader_contract_shape(results):
    for name, result in results.items():
        assert result.kind == "certificate"
        assert list(result.rows.columns) == list(ROW_FIELDS)
        assert all(dtype == object for dtype in result.rows.dtypes)
        for row in result.rows.to_dict("records"):
            assert re.fullmatch(r"page \d+", row["location"])
            assert row["birth_date"] is None
            read = row["read"]
            json.dumps(read)  # stored with exceptions for staff
            assert set(read) >= {"text_source", "fields", "title", "provider", "image", "rotation", "hours"}
            assert read["text_source"] == ("text" if name.startswith("text_") else "ocr")
            for field, info in read["fields"].items():
                assert field in ROW_FIELDS
                assert info["how"] in ("label", "pattern", "context", "only date")
                assert 0 <= info["confidence"] <= 100
                box = info.get("box")
                assert box is None or (len(box) == 4 and 0 <= box[0] <= box[2] <= 1 and 0 <= box[1] <= box[3] <= 1)
            assert (row["review"] is None) or isinstance(row["review"], str) and row["review"]


@needs_tesseract
def test_blank_backs_are_skipped_and_counted(results):
    stack = results["scan_stack_with_backs.pdf"]
    assert stack.blank_pages == 3          # one of them with dust specks
    assert list(stack.rows["location"]) == ["page 1", "page 3", "page 5"]
    assert all(r.blank_pages == 0 for name, r in results.items() if name != "scan_stack_with_backs.pdf")


@needs_tesseract
def test_upside_down_page_is_turned_and_read(results):
    row = row_at(results["scan_form_upside_down.pdf"], 1)
    assert row["read"]["rotation"] == 180
    assert row["review"] is None
    assert row["first_name"] == "Shawn" and row["last_name"] == "Zhang"
    assert course(row["course_number"], True) == "CL10234"


@needs_tesseract
def test_sideways_page_is_turned_and_read(results):
    row = row_at(results["scan_conference_sideways.pdf"], 1)
    assert row["read"]["rotation"] in (90, 270)
    assert row["review"] is None
    # The letterhead's "CA 90802" ZIP code is not the course number; the labelled one is.
    assert course(row["course_number"], True) == "CEP246810"


@needs_tesseract
def test_degraded_page_goes_to_review_with_its_image(results, image_dir):
    row = row_at(results["scan_degraded_unreadable.pdf"], 1)
    assert row["review"]
    image = Path(row["read"]["image"])
    assert image.parent == image_dir
    assert re.fullmatch(r"[0-9a-f]{16}-page-1\.png", image.name)
    with Image.open(image) as img:
        assert img.mode == "L"                     # greyscale
        assert 1000 < max(img.size) < 2000         # 150 dpi: legible, not 300 dpi heavy
    assert image.stat().st_size < 3_000_000


@needs_tesseract
def test_pages_read_with_confidence_save_no_image(results):
    for result in results.values():
        for row in result.rows.to_dict("records"):
            assert (row["read"]["image"] is not None) == (row["review"] is not None)


def test_text_layer_review_page_saves_a_rendered_image(tmp_path):
    result = read_certificates(SAMPLES / "text_missing_course_number.pdf", limits=LIMITS, image_dir=tmp_path)
    row = row_at(result, 1)
    assert row["review"] == "course number not found"
    assert row["read"]["text_source"] == "text"
    assert Path(row["read"]["image"]).exists()


def test_text_layer_values_are_raw_strings_with_full_confidence():
    row = row_at(read_certificates(SAMPLES / "text_classic.pdf", limits=LIMITS), 1)
    assert row["review"] is None
    assert (row["full_name"], row["certificant_id"], row["course_number"], row["completion_date"], row["ceus"]) == (
        "William Tran", "100128", "CA23456", "03/05/2026", "0.4")
    course = dict(row["read"]["fields"]["course_number"])
    box = course.pop("box")
    assert course == {"value": "CA23456", "confidence": 100.0, "how": "label", "label": "ACE Course Number"}
    assert len(box) == 4 and 0 < box[0] < box[2] < 1 and 0 < box[1] < box[3] < 1
    assert row["read"]["provider"] == "ACME FITNESS EDUCATION"
    assert row["read"]["title"] == "Functional Training for Older Adults"


def test_contact_hours_become_cecs_and_are_recorded():
    row = row_at(read_certificates(SAMPLES / "text_conference_letter.pdf", limits=LIMITS), 1)
    assert row["ceus"] == Decimal("1.2")               # 12 contact hours x 0.1 (R22)
    assert row["read"]["hours"] == "12"
    assert row["completion_date"] == "June 14, 2026"    # not the letter's date, not the event's range
    assert row["course_number"] == "CEP246810"          # not the letterhead's "CA 90802"


def test_first_and_last_name_labelled_apart():
    row = row_at(read_certificates(SAMPLES / "text_form_first_last.pdf", limits=LIMITS), 1)
    assert (row["first_name"], row["last_name"], row["full_name"]) == ("Shawn", "Zhang", None)
    assert row["completion_date"] == "18 November 2025"


def test_table_header_labels_values_below():
    row = row_at(read_certificates(SAMPLES / "text_table.pdf", limits=LIMITS), 1)
    assert (row["full_name"], row["certificant_id"], row["course_number"], row["completion_date"], row["ceus"]) == (
        "Dimitrov, Sean", "111256", "CS40112", "2026-02-14", "0.8")


# --- other wordings: adding a template is a label, shown here on one-off PDFs


def one_page_pdf(path: Path, lines: list[str]) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1)
    y = 760
    for line in lines:
        for x, part in zip((72, 330), line.split("\t")):
            c.setFont("Helvetica", 12)
            c.drawString(x, y, part)
        y -= 24
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("lines, want", [
    (["Riverside Health Academy", "This is to certify that", "Jordan Ellis",
      "has completed Coaching Clients with Type 2 Diabetes", "Course ID: CS-410260",
      "Date completed: 2026-01-05", "CEUs: 1.2"],
     {"full_name": "Jordan Ellis", "course_number": "CS-410260", "completion_date": "2026-01-05", "ceus": "1.2"}),
    (["Certificate", "presented to Ana dos Santos for completing", "Approval Number CL10311",
      "Completion date: March 5, 2026", "3 contact hours", "Member ID: 179239"],
     {"full_name": "Ana dos Santos", "course_number": "CL10311", "completion_date": "March 5, 2026",
      "ceus": Decimal("0.3"), "certificant_id": "179239"}),
    (["Participant:\tO'Brien, Patrick", "E-mail:\tpobrien@example.com", "Course #:\tCP 55012",
      "Date:\t5/9/2026", "Date of birth:\t01/02/1980", "Credits:\t0.7"],
     {"full_name": "O'Brien, Patrick", "email": "pobrien@example.com", "course_number": "CP 55012",
      "completion_date": "5/9/2026", "ceus": "0.7"}),
])
def test_other_wordings(tmp_path, lines, want):
    row = row_at(read_certificates(one_page_pdf(tmp_path / "c.pdf", lines), limits=LIMITS), 1)
    assert {k: row[k] for k in want} == want
    assert row["review"] is None


def test_unlabelled_values_are_found_by_shape_and_an_unlabelled_date_by_its_words(tmp_path):
    pdf = one_page_pdf(tmp_path / "c.pdf", [
        "Coastal Movement Studio, 88 Shore Road, San Diego, CA 92123", "Certificate of Attendance",
        "Name: Lena Fischer", "Mat Pilates Foundations (CL10234)", "Held on 02/14/2026"])
    row = row_at(read_certificates(pdf, limits=LIMITS), 1)
    assert row["course_number"] == "CL10234"           # the address's "CA 92123" is a state and ZIP code
    assert row["read"]["fields"]["course_number"]["how"] == "pattern"
    assert row["completion_date"] == "02/14/2026"
    assert row["read"]["fields"]["completion_date"]["how"] == "context"
    assert row["read"]["fields"]["completion_date"]["label"] == "held on"
    assert row["review"] is None


def test_a_page_that_is_not_a_certificate_still_goes_to_review(tmp_path):
    pdf = one_page_pdf(tmp_path / "c.pdf", [
        "Coastal Movement Studio, 88 Shore Road, San Diego, CA 92123",
        "Name: Lena Fischer", "Mat Pilates Foundations (CL10234)", "Held on 02/14/2026"])
    row = row_at(read_certificates(pdf, limits=LIMITS), 1)
    assert row["review"] == "the page does not read as a certificate of completion"


def test_a_labelled_value_that_cannot_be_read_is_not_replaced_by_a_guess(tmp_path):
    pdf = one_page_pdf(tmp_path / "c.pdf", [
        "Certificate of Completion", "Name: Lena Fischer", "Course Number: to be assigned",
        "Also offered as CS41042", "Completion date: 02/14/2026"])
    row = row_at(read_certificates(pdf, limits=LIMITS), 1)
    assert row["course_number"] is None
    assert row["review"].startswith("course number not found (unreadable after 'Course Number'")


# --- how providers set their text layers: turned pages, runs of type, other date conventions

CERT_LINES = ["Riverside Health Academy", "Certificate of Completion", "This is to certify that", "Jordan Ellis",
              "ACE ID 179239", "has completed Coaching Clients with Type 2 Diabetes", "Course ID: CS-410260",
              "Completion date: March 5, 2026", "CEUs: 1.2"]


def drawn_pdf(path: Path, draw, size=(612, 792), rotate: int = 0) -> Path:
    """A one-page text-layer PDF drawn by DRAW(canvas); ROTATE is the page's /Rotate."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1)
    # reportlab writes the MediaBox of a page turned a quarter with its sides swapped
    c.setPageSize(size if rotate % 180 == 0 else (size[1], size[0]))
    c.setPageRotation(rotate)
    c.setFont("Helvetica", 12)
    draw(c)
    c.showPage()
    c.save()
    return path


def write_lines(c, lines, x=72, y=560) -> None:
    for line in lines:
        c.drawString(x, y, line)
        y -= 24


def test_a_landscape_certificate_printed_sideways_is_read_upright(tmp_path):
    def draw(c):
        c.translate(612, 0)
        c.rotate(90)                # the text runs up the portrait page; the page has no /Rotate
        write_lines(c, CERT_LINES)

    row = row_at(read_certificates(drawn_pdf(tmp_path / "c.pdf", draw), limits=LIMITS, image_dir=tmp_path), 1)
    assert (row["full_name"], row["course_number"], row["completion_date"]) == (
        "Jordan Ellis", "CS-410260", "March 5, 2026")
    assert row["review"] is None
    assert row["read"]["rotation"] == 90


def test_a_page_turned_by_its_rotate_entry_is_read_as_its_text_stands(tmp_path):
    lines = [line for line in CERT_LINES if not line.startswith("Course ID")]       # to review: its image is kept
    pdf = drawn_pdf(tmp_path / "c.pdf", lambda c: write_lines(c, lines, y=740), rotate=90)
    row = row_at(read_certificates(pdf, limits=LIMITS, image_dir=tmp_path), 1)
    assert (row["full_name"], row["certificant_id"], row["completion_date"]) == ("Jordan Ellis", "179239",
                                                                                 "March 5, 2026")
    assert row["review"] == "course number not found"
    assert row["read"]["rotation"] == 270       # turned back from how a viewer shows it
    with Image.open(row["read"]["image"]) as img:
        assert img.height > img.width            # the review image stands upright (portrait)
    box = row["read"]["fields"]["full_name"]["box"]
    assert box[1] < 0.5                          # near the top of the page as read


def test_an_ordinal_set_small_and_raised_is_part_of_its_date(tmp_path):
    def draw(c):
        write_lines(c, CERT_LINES[:7] + ["CEUs: 1.2"])
        c.drawString(72, 300, "Given this 27")
        x = 72 + c.stringWidth("Given this 27", "Helvetica", 12)
        c.setFont("Helvetica", 7)
        c.drawString(x, 304, "th")
        x += c.stringWidth("th", "Helvetica", 7)
        c.setFont("Helvetica", 12)
        c.drawString(x, 300, " day of September, 2026.")

    row = row_at(read_certificates(drawn_pdf(tmp_path / "c.pdf", draw), limits=LIMITS), 1)
    assert row["completion_date"] == "September 27, 2026"
    assert row["review"] is None


def test_a_bold_value_inside_a_sentence_reads_with_its_sentence(tmp_path):
    def draw(c):
        write_lines(c, ["Certificate of Completion", "Name: Jordan Ellis", "Course ID: CS-410260", "CEUs: 1.2"])
        x = c.drawString(72, 400, "Completed on ") or 72 + c.stringWidth("Completed on ", "Helvetica", 12)
        c.setFont("Helvetica-Bold", 12)
        c.drawString(x, 400, "March 5, 2026")

    row = row_at(read_certificates(drawn_pdf(tmp_path / "c.pdf", draw), limits=LIMITS), 1)
    assert row["completion_date"] == "March 5, 2026"
    assert row["read"]["fields"]["completion_date"]["label"] == "Completed on"


def test_a_written_date_with_a_two_digit_year(tmp_path):
    pdf = one_page_pdf(tmp_path / "c.pdf", CERT_LINES[:7] + ["passed the final examination on 8 Sep 26", "CEUs: 1.2"])
    row = row_at(read_certificates(pdf, limits=LIMITS), 1)
    assert row["completion_date"] == "8 Sep 26"
    assert row["review"] is None


def test_a_heading_that_starts_with_a_label_word_is_not_the_name(tmp_path):
    pdf = one_page_pdf(tmp_path / "c.pdf", ["Riverside Health Academy", "Learner Transcript Extract",
                                            "Learner:\tJordan Ellis", "Course ID: CS-410260",
                                            "Completed: 03/05/2026", "CEUs: 1.2"])
    row = row_at(read_certificates(pdf, limits=LIMITS), 1)
    assert row["full_name"] == "Jordan Ellis"
    assert row["review"] is None


def test_an_award_date_beside_a_registration_date_is_the_completion(tmp_path):
    pdf = one_page_pdf(tmp_path / "c.pdf", ["Certificate of Achievement", "Name: Jordan Ellis",
                                            "Course ID: CS-410260", "Date registered: 02/20/2026",
                                            "Award date: March 5, 2026", "CEUs: 1.2"])
    row = row_at(read_certificates(pdf, limits=LIMITS), 1)
    assert row["completion_date"] == "March 5, 2026"
    assert row["read"]["fields"]["completion_date"]["label"] == "award date"
    assert row["review"] is None


@pytest.mark.parametrize("lines, want", [
    (["Completion: 2026-03-05 14:32 UTC", "Issued: 2026-03-06 09:10 UTC", "CEUs: 1.2"],
     {"completion_date": "2026-03-05", "ceus": "1.2"}),
    (["Date completed: 03/05/2026", "CE Credits: 1.2"], {"completion_date": "03/05/2026", "ceus": "1.2"}),
    (["awarded one and two-tenths (1.2) CECs on March 5, 2026"], {"completion_date": "March 5, 2026", "ceus": "1.2"}),
])
def test_time_stamped_completions_and_credits_written_other_ways(tmp_path, lines, want):
    pdf = one_page_pdf(tmp_path / "c.pdf", CERT_LINES[:7] + lines)
    row = row_at(read_certificates(pdf, limits=LIMITS), 1)
    assert {k: row[k] for k in want} == want
    assert row["review"] is None


def test_a_course_number_with_the_dash_a_word_processor_makes(tmp_path):
    lines = [line.replace("CS-410260", "CS\u2013410260") for line in CERT_LINES]
    row = row_at(read_certificates(one_page_pdf(tmp_path / "c.pdf", lines), limits=LIMITS), 1)
    assert row["course_number"] == "CS\u2013410260"          # R7 takes the dash out as it does a hyphen
    assert row["review"] is None


@pytest.mark.parametrize("lines, why", [
    (["Completion date: 05.06.2026"], "numeric dates written with dots are usually day first"),
    (["Completion date: 05/06/2026", "Date of birth: 14/03/1990"], "the page writes '14/03/1990' day first"),
])
def test_a_numeric_date_that_may_be_day_first_is_never_guessed(tmp_path, lines, why):
    pdf = one_page_pdf(tmp_path / "c.pdf", CERT_LINES[:7] + lines + ["CEUs: 1.2"])
    row = row_at(read_certificates(pdf, limits=LIMITS), 1)
    assert row["review"].startswith(f"completion date {lines[0].split(': ')[1]!r} could be 5 June or May 6: ")
    assert why in row["review"]


def test_a_numeric_date_with_nothing_day_first_on_the_page_is_month_first(tmp_path):
    pdf = one_page_pdf(tmp_path / "c.pdf", CERT_LINES[:7] + ["Completion date: 05/06/2026",
                                                             "Date of birth: 03/14/1990", "CEUs: 1.2"])
    row = row_at(read_certificates(pdf, limits=LIMITS), 1)
    assert row["completion_date"] == "05/06/2026"
    assert row["review"] is None


@pytest.mark.parametrize("lines, posted", [
    (["Completion date (DD/MM/YYYY): 20/02/2026"], "2026-02-20"),
    (["All dates on this record are DD/MM/YYYY.", "Completion date: 05/06/2026"], "2026-06-05"),
    (["Datum / Date (TT.MM.JJJJ)", "Completion date: 05.06.2026"], "2026-06-05"),
    (["Completion date (MM/DD/YYYY): 05.06.2026"], "05.06.2026"),       # the page says month first
])
def test_a_numeric_date_on_a_page_that_says_its_order_is_read_in_that_order(tmp_path, lines, posted):
    pdf = one_page_pdf(tmp_path / "c.pdf", CERT_LINES[:7] + lines + ["CEUs: 1.2"])
    row = row_at(read_certificates(pdf, limits=LIMITS), 1)
    assert row["completion_date"] == posted
    assert row["review"] is None
    assert parse_date(row["completion_date"]).value is not None


def test_guard_a_date_that_cannot_be_day_first_on_a_page_that_says_it_writes_day_first(tmp_path):
    pdf = one_page_pdf(tmp_path / "c.pdf", CERT_LINES[:7] + ["Completion date (DD/MM/YYYY): 02/20/2026", "CEUs: 1.2"])
    row = row_at(read_certificates(pdf, limits=LIMITS), 1)
    assert "is no date written day first, as the page says its dates are (DD/MM/YYYY)" in row["review"]


# --- without OCR


def test_without_tesseract_text_layers_still_read_and_scans_go_to_review(tmp_path, monkeypatch):
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert not ocr.available()
    text = read_certificates(SAMPLES / "text_minimal_email.pdf", limits=LIMITS)
    assert row_at(text, 1)["review"] is None
    assert row_at(text, 1)["course_number"] == "CP60101"
    scans = read_certificates(SAMPLES / "scan_stack_with_backs.pdf", limits=LIMITS, image_dir=tmp_path / "img")
    assert scans.blank_pages == 3                  # white backs need no OCR to be recognised
    assert list(scans.rows["review"]) == ["OCR engine not installed"] * 3
    assert all(Path(p).exists() for p in scans.rows["read"].map(lambda r: r["image"]))


# --- limits and time


@needs_tesseract
def test_ocr_has_a_per_page_timeout(tmp_path):
    result = read_certificates(SAMPLES / "scan_degraded_unreadable.pdf", limits=Limits(parse_seconds=1),
                               image_dir=tmp_path)
    row = row_at(result, 1)
    assert row["review"] == "OCR timed out after 1 s"        # Tesseract needs 2 s or more on this page
    assert Path(row["read"]["image"]).exists()


def test_max_pages_reads_only_the_first_pages(monkeypatch, tmp_path):
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))      # no OCR needed to show it
    result = read_certificates(SAMPLES / "scan_stack_with_backs.pdf", limits=LIMITS, max_pages=2)
    assert list(result.rows["location"]) == ["page 1"]
    assert result.blank_pages == 1
    assert result.notes == ["read only the first 2 of 6 pages (max_pages)"]


# --- files that cannot be read (R20)


def test_r20_password_protected_pdf_is_unreadable(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", ownerPassword="owner"))
    c.drawString(72, 720, "Name: Lena Fischer")
    c.showPage()
    c.save()
    with pytest.raises(UnreadableFile) as err:
        read_certificates(path, limits=LIMITS)
    assert err.value.reason == "encrypted: the PDF needs a password to open"
    assert err.value.path == path


def test_owner_password_only_is_no_lock(tmp_path):
    """Permissions without a user password do not stop reading (PDF readers open these freely)."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path = tmp_path / "restricted.pdf"
    c = canvas.Canvas(str(path), encrypt=StandardEncryption("", ownerPassword="owner", canPrint=0))
    for i, line in enumerate(["Certificate of Completion", "Name: Lena Fischer", "Course Number: CL10234",
                              "Date: 02/14/2026"]):
        c.drawString(72, 720 - 24 * i, line)
    c.showPage()
    c.save()
    row = row_at(read_certificates(path, limits=LIMITS), 1)
    assert (row["full_name"], row["course_number"], row["review"]) == ("Lena Fischer", "CL10234", None)


@pytest.mark.parametrize("cut", [0.02, 0.3])
def test_r20_truncated_pdf_is_unreadable_or_read_partly(tmp_path, cut):
    data = (SAMPLES / "scan_classic_skewed.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(UnreadableFile) as err:
        read_certificates(path, limits=LIMITS)
    assert "\n" not in err.value.reason


@pytest.mark.parametrize("content, reason", [
    (b"Dear provider, please find attached...\n", "not a PDF, or damaged beyond repair"),
    (b"", "empty file (0 bytes)"),
    (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
     b"trailer<</Root 1 0 R>>\n%%EOF\n", None),
])
def test_r20_not_a_pdf_or_no_pages(tmp_path, content, reason):
    path = tmp_path / "x.pdf"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile) as err:
        read_certificates(path, limits=LIMITS)
    if reason:
        assert err.value.reason == reason
    else:
        assert err.value.reason in ("the PDF has no pages", "not a PDF, or damaged beyond repair")


def test_r20_absurdly_large_page_is_refused_before_rendering(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "poster.pdf"
    c = canvas.Canvas(str(path), pagesize=(14_000, 14_000))   # 194 inches square
    c.drawString(72, 720, "Name: Lena Fischer")
    c.showPage()
    c.save()
    with pytest.raises(UnreadableFile) as err:
        read_certificates(path, limits=LIMITS)
    assert "page 1 is too large to render" in err.value.reason
    assert "max_page_pixels" in err.value.reason


def test_r20_file_over_the_size_limit(tmp_path):
    with pytest.raises(UnreadableFile) as err:
        read_certificates(SAMPLES / "text_classic.pdf", limits=Limits(max_file_bytes=1000))
    assert "max_file_bytes" in err.value.reason


# --- scans that carry some text


def scan_with_text(tmp_path: Path, text: str, *, invisible: bool) -> Path:
    """The skewed classic scan as a page image, with `text` drawn over it (invisibly, as scanners do)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    doc = pdfium.PdfDocument(str(SAMPLES / "scan_classic_skewed.pdf"))
    page = doc[0]
    width, height = page.get_size()
    image = page.render(scale=150 / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    jpeg = tmp_path / "page.jpg"
    image.save(jpeg, quality=60)
    path = tmp_path / "scan-with-text.pdf"
    c = canvas.Canvas(str(path), pagesize=(width, height), invariant=1)
    c.drawImage(ImageReader(str(jpeg)), 0, 0, width, height)
    t = c.beginText(60, height - 40)
    t.setTextRenderMode(3 if invisible else 0)
    t.setFont("Helvetica", 10)
    t.textLine(text)
    c.drawText(t)
    c.showPage()
    c.save()
    return path


@needs_tesseract
def test_a_scanners_invisible_text_layer_is_read_again_with_confidences(tmp_path):
    # A scanner's own OCR comes without confidences (and here it is wrong): the page is OCR'd anew.
    path = scan_with_text(tmp_path, "Certificate of Completion This certifies that Wrong Person "
                                    "ACE Course Number: CA99999 Date: 01/01/2020", invisible=True)
    row = row_at(read_certificates(path, limits=LIMITS), 1)
    assert row["read"]["text_source"] == "ocr"
    assert (row["full_name"], row["course_number"], row["review"]) == ("William Tran", "CA23456", None)


@needs_tesseract
def test_a_typed_header_over_a_scanned_body_is_read_from_the_image(tmp_path):
    path = scan_with_text(tmp_path, "Received by the certification office - scanned copy", invisible=False)
    row = row_at(read_certificates(path, limits=LIMITS), 1)
    assert row["read"]["text_source"] == "ocr"
    assert (row["full_name"], row["course_number"], row["completion_date"]) == ("William Tran", "CA23456",
                                                                                "03/05/2026")


@needs_tesseract
def test_without_osd_each_quarter_turn_is_tried(tmp_path):
    """Where Tesseract's orientation model is missing (or fails), the best of the four turns is kept."""
    doc = pdfium.PdfDocument(str(SAMPLES / "scan_form_upside_down.pdf"))
    image = tmp_path / "page.pgm"
    ocr.render(doc[0]).save(image)
    doc.close()
    result = ocr.ocr_image(image, use_osd=False)
    assert result.rotation == 180
    assert "Zhang" in [w.text for w in result.words]


@needs_tesseract
def test_ocr_workers_leave_nothing_behind(tmp_path):
    import threading

    before = threading.active_count()
    read_certificates(SAMPLES / "scan_minimal_blurred_jpeg.pdf", limits=LIMITS, ocr_workers=2)
    assert threading.active_count() == before


def test_an_index_cards_abbreviations_read_as_a_certificate_record(tmp_path):
    # "ACE CERT" and "COMPL." are a provider's record card's words for the certification and the
    # completion; without them the card read as no certificate.
    pdf = one_page_pdf(tmp_path / "c.pdf", [
        "FISCHER, Lena", "ACE CERT 193059   HMB RECORD", "COURSE: MAT PILATES FOUNDATIONS", "NO. CL10234",
        "COMPL. 02/14/2026", "ENTERED 02/16/2026 BY NH"])
    row = row_at(read_certificates(pdf, limits=LIMITS), 1)
    assert "does not read as a certificate" not in (row["review"] or "")
    assert row["completion_date"] == "02/14/2026"
