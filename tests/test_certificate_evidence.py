"""Certificates read for what each field is: dates by the words around them, names and courses
against the registry and catalogue, blank backs whatever their noise; and the precision guard.

Pages are drawn here with reportlab; a scan is the same page rendered at 200 dpi, tilted,
noised and saved as JPEG inside a PDF, as a mailroom scanner delivers it.
"""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from cli_helpers import cli, export
from conftest import SAMPLES
from cec_batch import ocr
from cec_batch.config import Limits
from cec_batch.normalize import parse_date
from cec_batch.readers.certificate_pdf import read_certificates

LIMITS = Limits()
needs_tesseract = pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed")


# ---------------------------------------------------------------- making pages


def draw(c: canvas.Canvas, lines: list) -> None:
    """LINES: text, or (text, size) centred, or (text, size, x) at x; top to bottom."""
    y = 730
    for item in lines:
        if isinstance(item, str):
            item = (item, 12, 72)
        text, size, *at = item
        c.setFont("Helvetica-Bold" if size > 16 else "Helvetica", size)
        if at:
            c.drawString(at[0], y, text)
        else:
            c.drawCentredString(letter[0] / 2, y, text)
        y -= max(24, size * 1.6)


def text_pdf(path: Path, *pages: list) -> Path:
    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    for lines in pages:
        if lines:
            draw(c, lines)
        c.showPage()
    c.save()
    return path


def render(lines: list | None, dpi: int = 200) -> Image.Image:
    if lines is None:
        return Image.new("L", (round(letter[0] * dpi / 72), round(letter[1] * dpi / 72)), 255)
    doc = pdfium.PdfDocument(_pdf_bytes(lines))
    img = doc[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    return img


def _pdf_bytes(lines: list) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    draw(c, lines)
    c.showPage()
    c.save()
    return buf.getvalue()


def scanned(img: Image.Image, *, seed: int = 1, noise: float = 4.0, angle: float = 0.4, specks: int = 40) -> Image.Image:
    rng = np.random.default_rng(seed)
    if angle:
        img = img.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
    a = np.asarray(img, dtype=np.float32) * 0.94 + 6
    a += rng.normal(0, noise, a.shape)
    for _ in range(specks):
        y, x = rng.integers(0, a.shape[0]), rng.integers(0, a.shape[1])
        r = int(rng.integers(1, 3))
        a[max(0, y - r):y + r, max(0, x - r):x + r] = rng.uniform(30, 120)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def scan_pdf(path: Path, *images: Image.Image, dpi: int = 200, quality: int = 45) -> Path:
    c = canvas.Canvas(str(path), invariant=1)
    for img in images:
        jpeg = io.BytesIO()
        img.save(jpeg, "JPEG", quality=quality)
        jpeg.seek(0)
        w, h = img.width * 72 / dpi, img.height * 72 / dpi
        c.setPageSize((w, h))
        c.drawImage(ImageReader(jpeg), 0, 0, w, h)
        c.showPage()
    c.save()
    return path


def page_pdf(tmp_path: Path, form: str, lines: list, name: str = "c.pdf") -> Path:
    if form == "text":
        return text_pdf(tmp_path / name, lines)
    return scan_pdf(tmp_path / name, scanned(render(lines)))


def row_of(path: Path) -> dict:
    result = read_certificates(path, limits=LIMITS)
    assert len(result.rows) == 1
    return result.rows.iloc[0].to_dict()


FORMS = ["text", pytest.param("scan", marks=needs_tesseract)]


# ---------------------------------------------------------------- the field classes, read by the reader


LETTER = ["Printed May 6, 2026", "Coastal Movement Studio", ("Certificate of Attendance", 22),
          "This certifies that Lena Fischer attended our workshop",
          "Mat Pilates Foundations, ACE course CL 10234, and was",
          "awarded on April 30, 2026 a total of 8 contact hours.",
          "Questions: office@coastal.example"]


@pytest.mark.parametrize("form", FORMS)
def test_a_date_after_a_verb_wins_over_a_printed_date_and_hours_become_cecs(tmp_path, form):
    row = row_of(page_pdf(tmp_path, form, LETTER))
    assert parse_date(row["completion_date"]).value == date(2026, 4, 30)
    assert row["read"]["fields"]["completion_date"]["how"] == "context"
    assert row["ceus"] == Decimal("0.8")
    assert row["full_name"] == "Lena Fischer"
    assert row["course_number"].replace(" ", "") == "CL10234"
    kinds = {c["value"]: c["kind"] for c in row["read"]["candidates"] if c["field"] == "date"}
    assert kinds["May 6, 2026"] == "other"
    emails = [c["value"] for c in row["read"]["candidates"] if c["field"] == "email"]
    assert emails == ["office@coastal.example"]
    assert row["review"] is None


DOT_LEADERS = ["Acme Fitness Education", "RECORD OF CONTINUING EDUCATION",
               "Participant .................... SCHRÖDER, Janice",
               "Certificant No. ................ 123036",
               "ACE Course Number .............. CA-23458",
               "Completion Date ................ 2026-06-07",
               "Contact Hours .................. 4",
               "Record printed ................. 2026-06-20",
               "One contact hour equals 0.1 CEC."]


@pytest.mark.parametrize("form", FORMS)
def test_dot_leader_forms_and_a_rate_sentence(tmp_path, form):
    row = row_of(page_pdf(tmp_path, form, DOT_LEADERS))
    names = [c["value"] for c in row["read"]["candidates"] if c["field"] == "name"]
    assert {"SCHRÖDER, Janice", "SCHRODER, Janice"} & set(names + [row["full_name"]])
    if form == "scan":      # the name's cell may be split by OCR: the registry settles it (closed world)
        # OCR may lose the hours' label in the leader ("Contact HOUIS acc-sser..."): then no CECs
        # are read, but never the rate sentence's 0.1.
        assert row["completion_date"] == "2026-06-07" and row["ceus"] in (None, Decimal("0.4"))
        return
    assert row["certificant_id"] == "123036"
    assert row["course_number"] == "CA-23458"
    assert row["completion_date"] == "2026-06-07"
    assert row["ceus"] == Decimal("0.4")         # 4 hours, not the "0.1 CEC" of the rate sentence
    assert row["review"] is None


@pytest.mark.parametrize("form", FORMS)
def test_an_ordinal_date_in_prose(tmp_path, form):
    row = row_of(page_pdf(tmp_path, form, [
        "Peak Performance Institute", ("Certificate of Completion", 22), "Presented to Robert Lindqvist",
        "for Sports Nutrition Essentials (CP551870)", "given this 3rd day of May, 2026", "0.5 CEC"]))
    assert row["completion_date"] == "May 3, 2026"
    assert row["read"]["fields"]["completion_date"]["label"] == "given this"
    assert row["review"] is None or form == "scan" and "completion date" not in row["review"]


def test_an_event_range_completes_on_its_last_day(tmp_path):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        "Summit Fitness Conference", ("Certificate of Attendance", 22), "Presented to Camila Chowdhury",
        "held May 3-5, 2026 in Denver", "ACE course CEP 2468-10", "1.2 CECs"]))
    assert row["completion_date"] == "May 5, 2026"
    assert row["read"]["fields"]["completion_date"]["label"] == "held"
    assert row["course_number"] == "CEP 2468-10"
    assert row["review"] is None


def test_a_day_month_date_with_hyphens_and_a_run_date_beside_it(tmp_path):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        "Run date: 20-Feb-2026", ("Certificate of Completion", 22), "Presented to Lena Fischer",
        "Mat Pilates Foundations, ACE course CL 10234", "completed 14-Feb-2026, 0.8 CEC"]))
    assert parse_date(row["completion_date"]).value == date(2026, 2, 14)
    kinds = {c["printed"] if "printed" in c else c["value"]: c["kind"]
             for c in row["read"]["candidates"] if c["field"] == "date"}
    assert kinds == {"20-Feb-2026": "other", "14-Feb-2026": "completion"}
    assert row["review"] is None


def test_hours_under_a_total_ce_hours_label_and_a_rate_sentence_that_counts_hours(tmp_path):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        ("Certificate of Attendance", 22), "Presented to Lena Fischer", "Mat Pilates Foundations (CL10234)",
        "attended on April 30, 2026", "Total CE hours: 8", "Each contact hour counts as 0.1 CEC with ACE."]))
    assert row["ceus"] == Decimal("0.8")           # 8 hours, not the 0.1 of the rate sentence
    assert row["read"]["hours"] == "8"
    assert row["review"] is None


def test_a_recorded_date_is_not_the_completion(tmp_path):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        ("Continuing Education Certificate", 20), "Be it known that Lena Fischer",
        "finished Mat Pilates Foundations, ACE course number CL 10234, carrying 0.6 CECs,",
        "on the 21st day of April, 2026.", "Recorded Apr. 24, 2026"]))
    kinds = {c["value"]: c["kind"] for c in row["read"]["candidates"] if c["field"] == "date"}
    assert kinds["Apr. 24, 2026"] == "other"
    assert row["completion_date"] == "April 21, 2026"
    assert "completion date" not in row["review"]     # the name is settled against the registry later


def test_a_numeric_date_range_completes_on_its_last_day_and_a_conversion_is_not_the_hours(tmp_path):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        "Coastal Movement Retreat 2026", "CONTINUING EDUCATION VERIFICATION", "Attendee: Lena Fischer",
        "Registered: 03/10/2026", "Date(s): 04/24/2026 - 04/26/2026", "ACE Event #: CL10502",
        "CE Hours Earned: 15", "Hours are counted per session. 10 contact hours = 1.0 ACE CEC."]))
    assert row["completion_date"] == "04/26/2026"
    assert row["ceus"] == Decimal("1.5")           # 15 hours, not the 10 or 1.0 of the conversion
    assert row["review"] is None


def test_values_written_above_their_captions(tmp_path):
    # A fill-in certificate: each value on a rule, its caption printed just under the rule.
    path = tmp_path / "c.pdf"
    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    c.setFont("Helvetica-Bold", 24)
    c.drawCentredString(306, 700, "Certificate of Participation")

    def blank(x, y, value, caption, size=14):
        c.setFont("Helvetica", size)
        c.drawCentredString(x, y + 6, value)
        c.line(x - 90, y, x + 90, y)
        c.setFont("Helvetica-Oblique", 9)
        c.drawCentredString(x, y - 13, caption)

    blank(306, 620, "Lena Fischer", "Participant", 22)
    blank(306, 565, "Mat Pilates Foundations", "Course Title")
    blank(150, 500, "CL 10234", "ACE Course Number")
    blank(306, 500, "04/19/2026", "Date")
    blank(462, 500, "0.6", "CECs")
    blank(150, 120, "Harold Benning", "Instructor")
    blank(462, 120, "04/24/2026", "Date Signed")
    c.showPage()
    c.save()
    row = row_of(path)
    assert row["full_name"] == "Lena Fischer"
    assert row["course_number"] == "CL 10234"
    assert row["completion_date"] == "04/19/2026"
    kinds = {c["value"]: c["kind"] for c in row["read"]["candidates"] if c["field"] == "date"}
    assert kinds["04/24/2026"] == "other"
    staff = [c for c in row["read"]["candidates"] if c["field"] == "name" and c["value"] == "Harold Benning"]
    assert staff and staff[0]["kind"] == "staff"
    assert row["review"] is None


def test_a_year_first_date_with_slashes(tmp_path):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        ("Certificate of Completion", 22), "Presented to Lena Fischer", "Mat Pilates Foundations (CL10234)",
        "completed 2026/04/19, 0.6 CEC", "Printed 2026/04/24"]))
    assert parse_date(row["completion_date"]).value == date(2026, 4, 19)
    assert row["review"] is None


def test_a_receipt_with_learner_and_ace_hash_labels(tmp_path):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        "Coastal Movement Studio Online Learning", "Learner:    Dr. Lena Fischer", "ACE #:      193059",
        "Course:     CL10234 - Mat Pilates Foundations", "Completed:  Sept 3 2026", "Credit:     0.6 CEC",
        "Enrolled:   Sept 1 2026"]))
    assert row["full_name"] == "Dr. Lena Fischer"
    assert row["certificant_id"] == "193059"
    assert parse_date(row["completion_date"]).value == date(2026, 9, 3)
    assert row["review"] is None


def test_an_events_maximum_is_not_the_attendees_credit(tmp_path):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        "Coastal Movement Retreat 2026", "April 24-26, 2026", ("Statement of Continuing Education Credit", 16),
        "Attendee: Lena Fischer", "ACE event CL 10502", "Maximum CECs available: 1.8", "CECs earned: 1.3",
        "Up to 1.8 CECs are offered; the credit earned counts the sessions scanned in."]))
    assert row["ceus"] == "1.3"
    assert row["completion_date"] == "April 26, 2026"


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("line, name", [
    ("Name (Last, First): Kowalski, Christopher", "Kowalski, Christopher"),
    ("Last, First M.    Kowalski, ChristopherE.", "Kowalski, Christopher E"),    # the initial run into the name
    ("Last, First, MI    Kowalski, Christopher E.", "Kowalski, Christopher E"),
])
def test_a_caption_giving_the_names_order_labels_the_name(tmp_path, form, line, name):
    row = row_of(page_pdf(tmp_path, form, [
        ("Verification of Course Completion", 18), line, "ACE Member ID 198459", "Course Code CA 24190",
        "Date Completed 26 April 2025"]))
    assert row["full_name"] == name
    assert row["review"] is None


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("second, course", [
    ("carrying 0.6 CECs, on the 8th day of November, 2025.", "CP55230"),
    ("carrying 0.6 CECs, and of the course CS", None),        # two numbers broken so: which one?
])
def test_a_course_number_a_sentence_broke_across_two_lines(tmp_path, form, second, course):
    lines = ["Be it recorded that Oksana P. Espinoza did complete the course of study",
             "entitled Periodization for Endurance Athletes, ACE course number CP", f"55230, {second}"]
    if course is None:
        lines += ["40121, on the 8th day of November, 2025."]
    row = row_of(page_pdf(tmp_path, form, [("Continuing Education Certificate", 18), *lines]))
    assert row["course_number"] == course
    if course is None:
        assert "course number" in row["review"]


@pytest.mark.parametrize("label", ["CEs earned", "CE awarded"])
def test_an_events_credit_after_the_short_form_ces_is_the_attendees(tmp_path, label):
    # "CEs earned" is the short form, and what OCR makes of "CECs earned" on a fax.
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        "Coastal Movement Retreat 2026", "April 24-26, 2026", ("Statement of Continuing Education Credit", 16),
        "Attendee: Lena Fischer", "ACE event CL 10502", "Maximum CECs available: 1.8", f"{label}: 1.3"]))
    assert row["ceus"] == "1.3"


def test_a_single_unlabelled_date_on_a_certificate_is_its_completion(tmp_path):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        ("Certificate of Completion", 22), "Name: Sean Dimitrov", "Course: CS40112", "02/14/2026"]))
    assert row["completion_date"] == "02/14/2026"
    assert row["review"] is None


def test_boxes_are_fractions_of_the_upright_page(tmp_path):
    # The name is drawn centred, a third of the way down; the course number at the left.
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        ("Certificate of Completion", 22), ("This certifies that", 12), ("Sean Dimitrov", 28),
        "completed Strength Training Basics", ("Course number: CS40112", 12, 72), "Date: 02/14/2026"]))
    name = row["read"]["fields"]["full_name"]["box"]
    assert 0.3 < name[0] < 0.5 < name[2] < 0.7 and 0.1 < name[1] < name[3] < 0.25
    course = row["read"]["fields"]["course_number"]["box"]
    assert course[0] < 0.5 and course[1] > name[3]
    for c in row["read"]["candidates"]:
        x0, y0, x1, y1 = c["box"]
        assert 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1


@needs_tesseract
def test_boxes_of_a_sideways_scan_are_on_the_image_turned_upright(tmp_path):
    lines = [("Certificate of Completion", 22), ("This certifies that", 12), ("Sean Dimitrov", 28),
             ("Course number: CS40112", 12, 72), "Date: 02/14/2026"]
    path = scan_pdf(tmp_path / "c.pdf", scanned(render(lines).rotate(90, expand=True), angle=0))
    row = row_of(path)
    assert row["read"]["rotation"] in (90, 270)
    name = row["read"]["fields"]["full_name"]["box"]
    assert 0.3 < name[0] < 0.5 < name[2] < 0.7 and 0.1 < name[1] < name[3] < 0.25


def test_a_text_page_with_nothing_like_a_certificate_goes_to_review(tmp_path):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        "Memo to all staff", "The office will be closed for the holiday on Friday.",
        "Please take your belongings home."]))
    assert row["review"] == "no certificate fields found on the page"


# ---------------------------------------------------------------- blank backs


def _bleed(seed: int) -> Image.Image:
    """The back of a printed certificate: the front shows through, mirrored and faint."""
    front = render(LETTER).transpose(Image.FLIP_LEFT_RIGHT).filter(ImageFilter.GaussianBlur(2))
    a = np.asarray(front, dtype=np.float32)
    return Image.fromarray((255 - (255 - a) * 0.12).astype(np.uint8), "L")


def _shadow(img: Image.Image) -> Image.Image:
    a = np.asarray(img, dtype=np.float32).copy()
    a[:, : a.shape[1] // 40] *= 0.35                      # the scanner lid's dark edge
    a *= np.linspace(0.8, 1.0, a.shape[0])[:, None]       # and a gradient across the sheet
    return Image.fromarray(a.clip(0, 255).astype(np.uint8), "L")


@needs_tesseract
def test_blank_backs_are_skipped_whatever_their_noise_shadow_or_bleed_through(tmp_path):
    front = scanned(render(LETTER))
    backs = [scanned(render(None), seed=2, noise=9, specks=400),
             scanned(_shadow(render(None)), seed=3),
             scanned(_bleed(4), seed=4, noise=5),
             scanned(render(None), seed=5, noise=3, specks=40).filter(ImageFilter.GaussianBlur(1))]
    path = scan_pdf(tmp_path / "stack.pdf", front, *backs, quality=30)
    result = read_certificates(path, limits=LIMITS)
    assert result.blank_pages == 4
    assert list(result.rows["location"]) == ["page 1"]


@needs_tesseract
def test_a_back_with_real_marks_is_not_blank_but_reviewed(tmp_path):
    note = scanned(render([("Received in the office 05/07 - sorted by JD", 14, 90),
                           ("see the front for the certificate", 14, 90)]), seed=6)
    result = read_certificates(scan_pdf(tmp_path / "note.pdf", note), limits=LIMITS)
    assert result.blank_pages == 0
    [row] = result.rows.to_dict("records")
    assert row["review"]


# ---------------------------------------------------------------- the closed world, through the pipeline


@pytest.fixture
def world(tmp_path):
    url = f"sqlite:///{tmp_path / 'cec.sqlite3'}"
    for kind in ("certificants", "certifications", "courses"):
        cli(url, "load", kind, str(SAMPLES / "reference" / f"{kind}.csv"))
    return url


def ingest(url: str, path: Path) -> dict:
    return json.loads(cli(url, "ingest", "--json", str(path)).output)


def exceptions_data(url: str) -> list[dict]:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        return [dict(kind=k, detail=d, data=json.loads(data))
                for k, d, data in db.execute("SELECT kind, detail, data FROM exceptions ORDER BY exception_id")]


@pytest.mark.parametrize("form", FORMS)
def test_a_large_centred_unlabelled_name_is_found_in_the_registry(world, tmp_path, form):
    path = page_pdf(tmp_path, form, [
        "Harbor Strength Academy", ("Certificate of Achievement", 22), ("Sean Dimitrov", 30),
        "has completed CS40112 Strength Training Basics", "on 02/14/2026"])
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert (credit["certificant_id"], credit["course_number"], credit["completion_date"]) == \
        ("111256", "CS40112", "2026-02-14")


def test_last_first_in_a_form_without_labels_with_the_id_beside_it(world, tmp_path):
    path = text_pdf(tmp_path / "c.pdf", [
        "Acme Fitness Education", "Continuing education record", "DIMITROV, Sean    111256",
        "CS-40112    completed 02/14/2026    0.8 CEC"])
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    assert export(world, tmp_path, "credits")[0]["certificant_id"] == "111256"


def test_an_email_and_a_first_name_in_an_emailed_certificate(world, tmp_path):
    path = text_pdf(tmp_path / "c.pdf", [
        "To: dimitrov.sean@example.com", "Subject: your certificate", "Hi Sean,",
        "Thank you for completing Strength Training Basics on February 14, 2026.",
        "Course number CS40112, 0.8 CEUs"])
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    assert export(world, tmp_path, "credits")[0]["certificant_id"] == "111256"


# ---------------------------------------------------------------- the precision guard


def test_guard_a_name_that_fits_two_certificants_goes_to_review(world, tmp_path):
    path = text_pdf(tmp_path / "c.pdf", [
        ("Certificate of Completion", 22), ("John Smith", 30), "completed CS40112 Strength Training Basics",
        "on 02/14/2026"])
    s = ingest(world, path)
    assert s["credits"] == 0
    [exc] = exceptions_data(world)
    assert exc["kind"] == "needs_review"
    assert "fits 2 certificants" in exc["detail"] and "154724" in exc["detail"] and "197589" in exc["detail"]
    assert exc["data"]["row"]["course_number"] == "CS40112"        # what was found is pre-filled


def test_guard_two_dates_with_no_telling_word_go_to_review(world, tmp_path):
    path = text_pdf(tmp_path / "c.pdf", [
        ("Certificate", 22), ("Sean Dimitrov", 30), "Strength Training Basics CS40112",
        "02/14/2026", "03/01/2026"])
    s = ingest(world, path)
    assert s["credits"] == 0
    [exc] = exceptions_data(world)
    assert exc["kind"] == "needs_review"
    assert "two dates and no word says which is the completion" in exc["detail"]


@needs_tesseract
def test_guard_a_course_number_one_look_alike_from_two_catalogue_numbers_goes_to_review(world, tmp_path):
    courses = (SAMPLES / "reference" / "courses.csv").read_text(encoding="utf-8")
    extra = tmp_path / "courses.csv"
    extra.write_text(courses.rstrip("\n") + "\nCA23455,Functional Training for Runners,Acme Fitness Education,"
                     "0.4,standard,2023-01-01,\n", encoding="utf-8")
    cli(world, "load", "courses", str(extra))
    # S in the digit part: R7 reads it as 5 (CA23455), but it may as well be an 8 (CA23458).
    path = page_pdf(tmp_path, "scan", [
        ("Certificate of Completion", 22), "This certifies that", ("Caroline Uddin", 28),
        "Course number: CA2345S", "Completion date: 01/20/2026"])
    s = ingest(world, path)
    assert s["credits"] == 0
    [exc] = exceptions_data(world)
    assert exc["kind"] == "needs_review", exc
    assert "CA23455 or CA23458" in exc["detail"]


def test_guard_a_name_and_an_id_of_different_people_go_to_review(world, tmp_path):
    path = text_pdf(tmp_path / "c.pdf", [
        ("Certificate of Completion", 22), ("Sean Dimitrov", 30), "ID 100128",
        "completed CS40112 Strength Training Basics on 02/14/2026"])
    s = ingest(world, path)
    assert s["credits"] == 0
    assert [e["kind"] for e in exceptions_data(world)] in (["needs_review"], ["ambiguous_certificant"],
                                                           ["unknown_certificant"])


def test_field_boxes_are_kept_in_the_exception_data(world, tmp_path):
    path = text_pdf(tmp_path / "c.pdf", [
        ("Certificate of Completion", 22), ("John Smith", 30), "completed CS40112 Strength Training Basics",
        "on 02/14/2026"])
    ingest(world, path)
    [exc] = exceptions_data(world)
    read = exc["data"]["read"]
    assert read["fields"]["completion_date"]["box"][1] > 0.2
    names = [c for c in read["candidates"] if c["field"] == "name" and c["value"] == "John Smith"]
    assert names and 0.3 < names[0]["box"][0] < 0.5 < names[0]["box"][2] < 0.7


def test_a_signatures_name_is_not_the_certificant(world, tmp_path):
    # Both people are in the registry; the one above "Program Director" signed the certificate.
    path = text_pdf(tmp_path / "c.pdf", [
        ("Certificate of Completion", 22), ("Sean Dimitrov", 30), "completed CS40112 Strength Training Basics",
        "on 02/14/2026", ("Camila Chowdhury", 12, 72), ("Program Director", 10, 72)])
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    assert export(world, tmp_path, "credits")[0]["certificant_id"] == "111256"


def test_a_signature_alone_names_no_one(world, tmp_path):
    path = text_pdf(tmp_path / "c.pdf", [
        ("Certificate of Completion", 22), "completed CS40112 Strength Training Basics",
        "on 02/14/2026", ("Camila Chowdhury", 12, 72), ("Program Director", 10, 72)])
    s = ingest(world, path)
    assert s["credits"] == 0
    assert [e["kind"] for e in exceptions_data(world)] == ["needs_review"]


# ---------------------------------------------------------------- the learner's email alone


RECEIPT = ["Acme Fitness Education", ("Course completion receipt", 18), "Order number: W104233",
           "Transaction: 5521907", "Course ID: CS.40112", "Course: Behavior Change Coaching",
           "Finished: 02/14/2026", "Contact Hours: 8", "Each contact hour counts as 0.1 CEC with ACE."]


def test_a_receipt_naming_the_learner_by_a_labelled_email_alone_posts_to_its_owner(world, tmp_path):
    path = text_pdf(tmp_path / "c.pdf", RECEIPT[:3] + ["Customer email: dimitrov.sean@example.com"] + RECEIPT[3:])
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert (credit["certificant_id"], credit["course_number"], credit["completion_date"], credit["ceus"]) == \
        ("111256", "CS40112", "2026-02-14", "0.8")


def test_an_email_only_in_a_sentence_names_no_one(world, tmp_path):
    # A contact line, not the learner's: no name and no labelled email, so staff decide. The
    # address's own "dimitrov.sean" is not the owner's name printed on the page.
    path = text_pdf(tmp_path / "c.pdf", RECEIPT + ["Questions? Write to dimitrov.sean@example.com any day."])
    s = ingest(world, path)
    assert s["credits"] == 0
    assert [e["kind"] for e in exceptions_data(world)] == ["needs_review"]


def test_a_labelled_email_beside_someone_elses_name_goes_to_review(world, tmp_path):
    # The email is Sean Dimitrov's; the learner named is someone else (not in the registry).
    path = text_pdf(tmp_path / "c.pdf", RECEIPT[:3] + ["Customer email: dimitrov.sean@example.com",
                                                       "Learner: Lena Fischer"] + RECEIPT[3:])
    s = ingest(world, path)
    assert s["credits"] == 0
    assert len(exceptions_data(world)) == 1


# ---------------------------------------------------------------- review pages carry the best guess


def test_two_undistinguished_dates_go_to_review_with_the_earliest_pre_filled(world, tmp_path):
    path = text_pdf(tmp_path / "c.pdf", [
        ("Certificate", 22), ("Sean Dimitrov", 30), "Strength Training Basics CS40112",
        "03/01/2026", "02/14/2026"])
    s = ingest(world, path)
    assert s["credits"] == 0
    [exc] = exceptions_data(world)
    assert exc["kind"] == "needs_review"
    assert exc["data"]["row"]["completion_date"] == "02/14/2026"
    assert "is the earliest, pre-filled as a guess" in exc["detail"]
    assert exc["data"]["row"]["full_name"] == "Sean Dimitrov"
    assert exc["data"]["row"]["course_number"] == "CS40112"
    assert exc["data"]["read"]["fields"]["completion_date"]["doubt"].startswith("is the earliest, pre-filled as a guess")


def test_two_plain_date_labels_with_different_dates_go_to_review(world, tmp_path):
    path = text_pdf(tmp_path / "c.pdf", [
        ("Certificate of Completion", 22), "Name: Sean Dimitrov", "Course: CS40112", "Date: 03/01/2026",
        "0.8 CEC", "Date: 02/14/2026"])
    s = ingest(world, path)
    assert s["credits"] == 0
    [exc] = exceptions_data(world)
    assert exc["kind"] == "needs_review"
    # Stacked at one x, the two "Date:" lines read as a column; either way no label says which.
    assert "pre-filled as a guess" in exc["detail"] and "02/14/2026, 03/01/2026" in exc["detail"]
    assert exc["data"]["row"]["completion_date"] == "02/14/2026"


@pytest.mark.parametrize("form", ["text", "scan"])
def test_two_completion_labels_before_different_dates_go_to_review(world, tmp_path, form):
    # A reissue names the wrong date it replaces after one completion label, the right one after
    # another: neither label can be taken for surer than the other.
    path = page_pdf(tmp_path, form, [
        ("Certificate of Completion - CORRECTED", 20),
        "The certificate we sent you earlier showed the",
        "completion date as 03/01/2026, which was our error.",
        "Name: Sean Dimitrov", "Course: CS40112", "0.8 CEC",
        "Correct completion date: 02/14/2026"])
    s = ingest(world, path)
    assert s["credits"] == 0
    [exc] = exceptions_data(world)
    assert exc["kind"] == "needs_review"
    assert "is one of two dates labelled the completion" in exc["detail"]
    assert "'03/01/2026'" in exc["detail"] and "'02/14/2026'" in exc["detail"]
    assert exc["data"]["row"]["course_number"] == "CS40112"


def test_two_completion_labels_before_one_date_post_it(world, tmp_path):
    # The same day named twice is no disagreement.
    path = text_pdf(tmp_path / "c.pdf", [
        ("Certificate of Completion", 20), "Name: Sean Dimitrov", "Course: CS40112", "0.8 CEC",
        "Completion date: 02/14/2026", "Date of completion: February 14, 2026"])
    s = ingest(world, path)
    assert s["credits"] == 1


def test_a_date_column_with_several_rows_goes_to_review(tmp_path):
    # A session log: the "Date" heading stands over three days; its first cell is not the completion.
    path = tmp_path / "c.pdf"
    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 720, "Summit Fitness Conference 2025 - ACE event no. CA245010")
    c.setFont("Helvetica", 11)
    c.drawString(72, 690, "Name: Lena Fischer")
    c.drawString(300, 690, "ACE ID: 193059")
    for i, (session, day, hours) in enumerate([("Session", "Date", "Hours"), ("Day 1", "10/10/2025", "5.0"),
                                               ("Day 2", "10/11/2025", "4.0"), ("Day 3", "10/12/2025", "4.0")]):
        y = 650 - 20 * i
        c.drawString(72, y, session)
        c.drawString(250, y, day)
        c.drawString(360, y, hours)
    c.drawString(72, 560, "Total contact hours: 13")
    c.showPage()
    c.save()
    row = row_of(path)
    assert row["review"] and "3 dates in one column" in row["review"]
    assert row["completion_date"] == "10/10/2025"          # pre-filled for staff, not posted
    assert row["ceus"] == Decimal("1.3")


def test_a_name_in_a_greeting_that_ends_with_a_mark(world, tmp_path):
    path = text_pdf(tmp_path / "c.pdf", [
        "Riverside Health Academy", ("Congratulations, Sean Dimitrov!", 20),
        "You completed Behavior Change Coaching (ACE CS-40112) on 02/14/2026 and earned 0.8 CECs."])
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    assert export(world, tmp_path, "credits")[0]["certificant_id"] == "111256"


def test_a_garbled_date_beside_the_only_date_read_goes_to_review(tmp_path):
    # OCR lost the month of the course date ("A gust"): the letter's own date is then the only one
    # read, and must not be taken for the completion.
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        "Coastal Movement Studio", "08/17/2026", "Dear Colleague,",
        "This letter confirms that Lena Fischer attended Mat Pilates Foundations (ACE Course # CL 10234)",
        "on A gust 11th, 2026 and completed 6 contact hours of instruction."]))
    # The date alone above "Dear Colleague," is the letter's own: the completion is left to staff.
    assert row["review"] and "completion date not found" in row["review"]
    assert "the letter's date 08/17/2026" in row["review"]


def test_an_events_conversion_whose_equals_sign_was_lost_is_not_its_credit(world, tmp_path):
    # OCR dropped the "=" of a conversion sentence: "10 contact hours 1.0 ACE CEC" is still the
    # conversion (ten hours, and the CECs they make), and the labelled hours are the attendee's.
    path = text_pdf(tmp_path / "c.pdf", [
        "Coastal Movement Retreat 2026", "CONTINUING EDUCATION VERIFICATION", "Attendee: Sean Dimitrov",
        "ACE Certification No.: 111256", "Date(s): 04/24/2026 - 04/26/2026", "ACE Event: CL10502",
        "CE] Hours Earned: 15", "Hours are counted per session. 10 contact hours 1.0 ACE CEC."])
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    assert Decimal(export(world, tmp_path, "credits")[0]["ceus"]) == Decimal("1.5")


def test_an_events_hours_and_cecs_that_disagree_go_to_review(world, tmp_path):
    # The page states the attendee's CECs and hours, and they disagree. An event's credit is the
    # attendee's own: staff decide.
    path = text_pdf(tmp_path / "c.pdf", [
        "Coastal Movement Retreat 2026", "CONTINUING EDUCATION VERIFICATION", "Attendee: Sean Dimitrov",
        "ACE Certification No.: 111256", "Date(s): 04/24/2026 - 04/26/2026", "ACE Event: CL10502",
        "CE] Hours Earned: 15", "Awarded 1.0 ACE CEC for the sessions attended."])
    s = ingest(world, path)
    assert s["credits"] == 0
    [exc] = exceptions_data(world)
    assert exc["kind"] == "needs_review"
    assert "disagree" in exc["detail"]


def test_an_issue_date_alone_goes_to_review_pre_filled(world, tmp_path):
    path = text_pdf(tmp_path / "c.pdf", [
        ("Certificate", 22), ("Sean Dimitrov", 30), "Strength Training Basics CS40112", "0.8 CEC",
        "Issued 02/20/2026"])
    s = ingest(world, path)
    assert s["credits"] == 0
    [exc] = exceptions_data(world)
    assert exc["kind"] == "needs_review"
    assert exc["data"]["row"]["completion_date"] == "02/20/2026"
    assert "not the completion" in exc["detail"] and "pre-filled" in exc["detail"]


def test_an_expiry_date_alone_is_not_pre_filled(world, tmp_path):
    path = text_pdf(tmp_path / "c.pdf", [
        ("Certificate", 22), ("Sean Dimitrov", 30), "Strength Training Basics CS40112", "0.8 CEC",
        "Expires 02/20/2028"])
    ingest(world, path)
    [exc] = exceptions_data(world)
    assert exc["kind"] == "needs_review"
    assert exc["data"]["row"]["completion_date"] is None


def prose_pdf(path: Path, lines: list[str], leading: float = 16) -> Path:
    """Lines of a paragraph set as a word processor wraps it: 12 pt type, LEADING points apart."""
    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    c.setFont("Helvetica", 12)
    for i, line in enumerate(lines):
        c.drawString(72, 730 - i * leading, line)
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("lines", [
    ["Riverside Health Academy - Certificate of Completion",
     "This letter confirms that Sean Dimitrov (ACE ID 111256) completed Behavior Change Coaching, ACE course CS",
     "40112, and was awarded 0.8 CECs on February 14, 2026."],
    ["Riverside Health Academy - Certificate of Completion", "This letter confirms that Sean",
     "Dimitrov completed Behavior Change Coaching, ACE course CS-40112,", "and was awarded 0.8 CECs on February 14, 2026."],
    ["Riverside Health Academy - Certificate of Completion", "Be it known that Sean Dimitrov, ACE ID 111256,",
     "completed Behavior Change Coaching (CS-40112), 0.8 CECs, on the 14th day of",
     "February, 2026, under the direction of Dexter Quill."],
    ["Riverside Health Academy - Certificate of Completion",
     "Sean Dimitrov, ACE ID 111256, completed Behavior Change Coaching (CS-40112) on 14",
     "February 2026, and earned 0.8 CECs."],
], ids=["course number", "name alone", "day of", "day then month"])
def test_a_value_broken_over_two_lines_of_prose_is_read_whole(world, tmp_path, lines):
    s = ingest(world, prose_pdf(tmp_path / "c.pdf", lines))
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert (credit["certificant_id"], credit["course_number"], credit["completion_date"]) == (
        "111256", "CS40112", "2026-02-14")


def test_a_name_over_a_line_of_prose_naming_an_approver_is_not_a_signer(world, tmp_path):
    path = prose_pdf(tmp_path / "c.pdf", [
        "Peak Performance Institute - Certificate of Completion",
        "We certify that Sean Dimitrov successfully completed the course",
        "Behavior Change Coaching, approved by ACE as course CS 40112, on 14 February 2026."])
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)


@pytest.mark.parametrize("dates", [
    "Dates: 10/10/25 - 10/12/25",                                  # two-digit years: never the first day
    "October 10, 2025 - October 12, 2025",
    "10 October 2025 to 12 October 2025",
    "10-Oct-2025 to 12-Oct-2025",
    "Start date: 10/10/2025 | End date: 10/12/2025",
    "First day: 10/10/2025 | Last day: 10/12/2025",
])
def test_an_events_days_written_out_at_both_ends_complete_on_the_last(world, tmp_path, dates):
    lines = ["Acme Fitness Education", "Certificate of Attendance", "Attendee: Paolo Ramirez", "ACE ID: 193059",
             "Acme Fitness Summit 2025, ACE event CA245010", *dates.split(" | "), "CEC: 1.2"]
    s = ingest(world, prose_pdf(tmp_path / "c.pdf", lines, leading=20))
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert (credit["certificant_id"], credit["completion_date"], credit["ceus"]) == ("193059", "2025-10-12", "1.2")


def test_a_learners_label_holding_an_email_names_the_learner_by_it(world, tmp_path):
    path = prose_pdf(tmp_path / "c.pdf", [
        "Riverside Health Academy - Receipt", "Order date: 02/01/2026", "Customer: dimitrov.sean@example.com",
        "Item: Behavior Change Coaching (CS40112)", "Status: Completed 02/14/2026", "CECs: 0.8"], leading=20)
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    assert export(world, tmp_path, "credits")[0]["certificant_id"] == "111256"


@pytest.mark.parametrize("lines", [
    ["Name: Sean Dimitrov    Signature: ____________", "Completion date: 02/14/2026"],
    ["Name: Sean Dimitrov", "Completion date: Feb-14-2026"],
], ids=["a signature field on the name's line", "month-day-year with hyphens"])
def test_form_lines_as_providers_print_them(world, tmp_path, lines):
    path = prose_pdf(tmp_path / "c.pdf", ["Riverside Health Academy", "Certificate of Completion", lines[0],
                                          "Behavior Change Coaching (CS40112)", lines[1], "CECs: 0.8"], leading=20)
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert (credit["certificant_id"], credit["completion_date"]) == ("111256", "2026-02-14")


def test_a_label_word_that_begins_another_label_has_no_value_of_its_own(world, tmp_path):
    # "Learner email": "Learner" is not the name's label here, and the course line below is no name.
    path = prose_pdf(tmp_path / "c.pdf", [
        "Riverside Health Academy", "Certificate of Completion", "Learner email: dimitrov.sean@example.com",
        "Behavior Change Coaching (CS40112)", "Completion date: 02/14/2026", "CECs: 0.8"], leading=20)
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    assert export(world, tmp_path, "credits")[0]["certificant_id"] == "111256"

# ---------------------------------------------------------------- a name OCR read poorly, beside a sure ID


def _ocr_page_with(name: str, name_conf: float, cid: str, id_conf: float) -> dict:
    def cand(field, value, conf):
        return {"field": field, "value": value, "confidence": conf, "box": None, "before": "", "after": "",
                "line": f"On Aug. 28, 2025, {name} (ACE {cid}) completed", "height": 0.01, "kind": None}
    read = {"text_source": "ocr", "problems": {"full_name": "name not found"}, "fields": {},
            "candidates": [cand("name", name, name_conf), cand("certificant_id", cid, id_conf)],
            "lines": [f"On Aug. 28, 2025, {name} (ACE {cid}) completed"]}
    return {"full_name": None, "first_name": None, "last_name": None, "certificant_id": None, "email": None,
            "course_number": "CL10355", "read": read}


def test_a_labelled_name_parted_from_a_glued_run_agrees_at_its_foreign_letters_with_a_sure_ids_owner():
    from cec_batch.certificate_choice import choose_page
    from cec_batch.match import Matcher
    from cec_batch.model import Certificant

    francois = Certificant("131432", "François", "Lefèvre", "fl@example.org")
    matcher = Matcher([francois, Certificant("131433", "Frank", "Lever", "fr@example.org")])
    # A fax's "Participant | FrangoisLefévre": the reader parted the run after its label, at
    # confidence 62; no candidate and no word of the page holds the name apart.
    for name, sure in (("Frangois Lefévre", True), ("Frangois Lefevra", False)):
        row = _ocr_page_with("Participant", 96.0, "131432", 96.0)
        row["full_name"] = name
        row["read"]["fields"] = {"full_name": {"value": name, "confidence": 62.0, "how": "label",
                                               "label": "Participant", "box": None}}
        row["read"]["problems"] = {"full_name": f"name {name!r} read with low confidence (62)"}
        row["read"]["lines"] = ["Participant | " + name.replace(" ", ""), "ACE certification no. | 131432"]
        row["read"]["candidates"] = [c for c in row["read"]["candidates"] if c["field"] != "name"]
        got = choose_page(row, catalogue={}, matcher=matcher)
        assert ("full_name" not in got["read"]["problems"]) is sure, name
        if sure:
            assert got["certificant_id"] == "131432"


def test_a_name_read_poorly_agrees_with_the_owner_of_a_sure_id_on_the_page():
    from cec_batch.certificate_choice import choose_page
    from cec_batch.match import Matcher
    from cec_batch.model import Certificant

    soren = Certificant("167318", "Søren", "Kjærgaard", "soren@example.org")
    other = Certificant("167319", "Sean", "Doyle", "sd@example.org")
    matcher = Matcher([soren, other])
    # "Søren Kjærgaard" as Tesseract's English model reads it, at confidence 27.
    got = choose_page(_ocr_page_with("Sgren Kjergaard", 27.0, "167318", 96.0), catalogue={}, matcher=matcher)
    assert "full_name" not in got["read"]["problems"]
    assert got["certificant_id"] == "167318"
    # The ID itself read poorly: nothing is sure enough, staff decide.
    got = choose_page(_ocr_page_with("Sgren Kjergaard", 27.0, "167318", 60.0), catalogue={}, matcher=matcher)
    assert "full_name" in got["read"]["problems"]
    # A poor reading that is not the ID's owner's name names nobody.
    got = choose_page(_ocr_page_with("Sean Doyle", 27.0, "167318", 96.0), catalogue={}, matcher=matcher)
    assert "full_name" in got["read"]["problems"]
    # Two letters English lacks both misread ("ø" as "e", "æ" as "z" on a fax): each word more than
    # a letter off, but every difference falls on those letters, beside the owner's sure ID.
    got = choose_page(_ocr_page_with("Seren Kjzrgaard", 90.0, "167318", 96.0), catalogue={}, matcher=matcher)
    assert "full_name" not in got["read"]["problems"] and got["certificant_id"] == "167318"
    # A letter of A-Z misread as well ("Kjzrgaarb"): not the owner's spelling, staff decide.
    got = choose_page(_ocr_page_with("Seren Kjzrgaarb", 90.0, "167318", 96.0), catalogue={}, matcher=matcher)
    assert "full_name" in got["read"]["problems"]


def _catalogue_page(doubt: str) -> dict:
    """An OCR'd catalogue page: four entries' course numbers, the last read most surely, and the
    reader's DOUBT on the course number it took."""
    def cand(value, conf):
        return {"field": "course_number", "value": value, "confidence": conf, "box": None, "before": "ACE course no.",
                "after": "", "line": f"ACE course no. {value}", "height": 0.01}
    numbers = [("CS52044", 68.0), ("CS52071", 82.0), ("CS52133", 81.0), ("CEP521200", 90.0)]
    read = {"text_source": "ocr", "problems": {"course_number": f"course number 'CS52044' {doubt}"},
            "fields": {"course_number": {"value": "CS52044", "confidence": 90.0, "doubt": doubt}},
            "candidates": [cand(v, c) for v, c in numbers],
            "lines": ["Breathwork Foundations", "Chair Yoga for Seniors", "Restorative Yoga",
                      "Mindful Movement Teacher Training"] + [f"ACE course no. {v}" for v, _c in numbers]}
    return {"full_name": "Daniel Okoro", "first_name": None, "last_name": None, "certificant_id": "145586",
            "email": None, "course_number": "CS52044", "read": read}


def test_the_closed_world_does_not_choose_among_labelled_course_numbers_by_confidence():
    # A fax of a catalogue page: the reader doubted the course (four entries each labelled), and the
    # closed world took the one entry read at 90 for the course, another than the one stamped.
    from cec_batch.certificate_choice import choose_page
    from cec_batch.model import Course

    titles = {"CS52044": "Breathwork Foundations", "CS52071": "Chair Yoga for Seniors", "CS52133": "Restorative Yoga",
              "CEP521200": "Mindful Movement Teacher Training"}
    catalogue = {n: Course(n, t, "P", Decimal("0.5"), "course", date(2020, 1, 1)) for n, t in titles.items()}
    matcher = _matcher(("145586", "Daniel", "Okoro"))
    doubt = ("is one of 4 course numbers each after a course number's label (CS52044, CS52071, CS52133, CEP521200) "
             "and nothing says which was completed")
    got = choose_page(_catalogue_page(doubt), catalogue=catalogue, matcher=matcher)
    assert got is None or "course_number" in got["read"]["problems"]
    assert got is None or got.get("course_number") != "CEP521200"
    # With no such doubt (one labelled number, the rest OCR's stray reads) the surest known number stands.
    got = choose_page(_catalogue_page("read with low confidence"), catalogue=catalogue, matcher=matcher)
    assert got["course_number"] == "CEP521200" and "course_number" not in got["read"]["problems"]


# ---------------------------------------------------------------- a name OCR read poorly, alone


def _ocr_page_named(name: str, conf: float) -> dict:
    """An OCR'd page whose only name-like run is NAME (a large name with no label), read at CONF."""
    read = {"text_source": "ocr", "problems": {"full_name": "name not found"}, "fields": {},
            "candidates": [{"field": "name", "value": name, "confidence": conf, "box": [0.3, 0.28, 0.66, 0.33],
                            "before": "", "after": "", "line": name, "height": 0.05, "kind": None}],
            "lines": ["Certificate of Achievement", name, "ACE course CS 412001 | 1.5 CECs"]}
    return {"full_name": None, "first_name": None, "last_name": None, "certificant_id": None, "email": None,
            "course_number": "CS412001", "read": read}


def test_a_name_read_poorly_agrees_with_the_owner_of_an_email_the_reader_made_sure():
    # A faxed spreadsheet: the email under "Email" was read poorly on the page (37) and made sure by
    # the reader's second look (90); its owner's name beside it, read poorly as a labelled name.
    from cec_batch.certificate_choice import choose_page
    from cec_batch.match import Matcher
    from cec_batch.model import Certificant

    soren = Certificant("167318", "Søren", "Kjærgaard", "sorenkjaergaard92@example.org")
    matcher = Matcher([soren, Certificant("167319", "Sean", "Doyle", "sd@example.org")])

    def page(email_conf: float) -> dict:
        line = "Sgren Kjeergaard sorenkjaergaard92@example.org Periodization for Endurance Athletes CP55230"
        cands = [{"field": f, "value": v, "confidence": c, "box": None, "before": "", "after": "", "line": line,
                  "height": 0.01, "kind": None}
                 for f, v, c in (("name", "Sgren Kjeergaard", 63.0), ("email", soren.email, 37.0))]
        read = {"text_source": "ocr", "candidates": cands, "lines": [line],
                "problems": {"full_name": "name 'Sgren Kjeergaard' read with low confidence (63)"},
                "fields": {"full_name": {"value": "Sgren Kjeergaard", "confidence": 63.0, "how": "label"},
                           "email": {"value": soren.email, "confidence": email_conf, "how": "label"}}}
        return {"full_name": "Sgren Kjeergaard", "first_name": None, "last_name": None, "certificant_id": None,
                "email": soren.email, "course_number": "CP55230", "read": read}

    got = choose_page(page(90.0), catalogue={}, matcher=matcher)
    assert "full_name" not in got["read"]["problems"] and got["review"] is None
    assert got["email"] == soren.email
    assert "name is close to 167318 Søren Kjærgaard" in got["read"]["chosen"]["full_name"]["evidence"]
    # Read poorly by the reader too: nothing is sure enough, staff decide.
    assert _still_to_review(choose_page(page(60.0), catalogue={}, matcher=matcher))


def _still_to_review(got) -> bool:
    """choose_page's answer leaves the name with staff (None: it changed nothing, the problem stands)."""
    return got is None or ("full_name" in got["read"]["problems"] and got.get("certificant_id") is None)


def _matcher(*people):
    from cec_batch.match import Matcher
    from cec_batch.model import Certificant

    return Matcher([Certificant(cid, first, last, f"{cid}@example.org") for cid, first, last in people])


def test_a_name_read_poorly_that_spells_one_certificant_exactly_with_no_one_near_names_them():
    from cec_batch.certificate_choice import choose_page

    matcher = _matcher(("117922", "Isabel", "Yilmaz"), ("117923", "Sean", "Doyle"))
    got = choose_page(_ocr_page_named("Isabel Yilmaz", 66.0), catalogue={}, matcher=matcher)
    assert "full_name" not in got["read"]["problems"]
    assert got["full_name"] == "Isabel Yilmaz"
    evidence = " ".join(got["read"]["chosen"]["full_name"]["evidence"])
    assert "low confidence (66)" in evidence and "within a few letters" in evidence
    # Accents and case are no part of the spelling: "ZOE BRONTE" is Zoë Brontë.
    matcher = _matcher(("191923", "Zoë", "Brontë"))
    got = choose_page(_ocr_page_named("ZOE BRONTE", 48.0), catalogue={}, matcher=matcher)
    assert "full_name" not in got["read"]["problems"] and got["full_name"] == "ZOE BRONTE"


def test_a_name_read_poorly_stays_with_staff_when_another_certificants_name_is_near():
    from cec_batch.certificate_choice import choose_page

    # One letter apart: the poor reading could as well be a misread of the other.
    for rival in [("117924", "Isabel", "Yilmas"), ("117924", "Isabel", "Yilmaz")]:
        matcher = _matcher(("117922", "Isabel", "Yilmaz"), rival)
        got = choose_page(_ocr_page_named("Isabel Yilmaz", 66.0), catalogue={}, matcher=matcher)
        assert _still_to_review(got), rival


def test_a_name_read_poorly_must_be_spelt_exactly_not_by_nickname_or_typo():
    from cec_batch.certificate_choice import choose_page

    matcher = _matcher(("150001", "Robert", "Lindqvist"))
    for reading in ("Bob Lindqvist", "Robert Lindqvlst"):
        got = choose_page(_ocr_page_named(reading, 60.0), catalogue={}, matcher=matcher)
        assert _still_to_review(got), reading
    # The same readings with confidence are the registry's lookup as ever: the nickname agrees.
    got = choose_page(_ocr_page_named("Bob Lindqvist", 96.0), catalogue={}, matcher=matcher)
    assert "full_name" not in got["read"]["problems"]


def test_a_name_read_poorly_beside_a_sure_name_of_someone_else_leaves_the_page_to_staff():
    from cec_batch.certificate_choice import choose_page

    matcher = _matcher(("117922", "Isabel", "Yilmaz"), ("170214", "Bianca", "Torres"))
    page = _ocr_page_named("Isabel Yilmaz", 55.0)
    page["read"]["candidates"].append({"field": "name", "value": "Bianca Torres", "confidence": 95.0, "box": None,
                                       "before": "", "after": "", "line": "Bianca Torres", "height": 0.02,
                                       "kind": None})
    got = choose_page(page, catalogue={}, matcher=matcher)
    assert "full_name" in got["read"]["problems"]
    assert "2 certificants" in got["read"]["problems"]["full_name"]


# ---------------------------------------------------------------- stated CECs whose point OCR lost


def _ocr_page_stating(ceus: str, course: str) -> dict:
    read = {"text_source": "ocr", "problems": {}, "candidates": [], "lines": [f"{ceus} CECs"],
            "fields": {"ceus": {"value": ceus, "confidence": 90.0, "how": "label", "label": "CECs", "box": None}}}
    return {"full_name": "Anna-Lena Hoffmann", "certificant_id": "134473", "course_number": course,
            "ceus": ceus, "read": read}


def test_stated_cecs_that_are_the_catalogues_value_without_its_point_are_that_value_on_a_scan():
    from cec_batch.certificate_choice import choose_page
    from cec_batch.model import Course

    catalogue = {c.course_number: c for c in [
        Course("CS410260", "Strength", "P", Decimal("1.2"), "course", date(2020, 1, 1)),
        Course("CA24455", "Mobility", "P", Decimal("0.5"), "course", date(2020, 1, 1)),
        Course("CEP31660", "Summit", "P", Decimal("1.2"), "event", date(2020, 1, 1))]}
    matcher = _matcher(("134473", "Anna-Lena", "Hoffmann"))
    for read, course, posted in [("12", "CS410260", "1.2"), ("5", "CA24455", "0.5"), ("05", "CA24455", "0.5")]:
        got = choose_page(_ocr_page_stating(read, course), catalogue=catalogue, matcher=matcher)
        assert got["ceus"] == posted, read
        assert "decimal point lost" in got["read"]["chosen"]["ceus"]["evidence"][0]
    # Other digits, an event's own credit, or a text layer: the page's value stands (R10's warning, R11).
    for read, course in [("13", "CS410260"), ("12", "CEP31660")]:
        assert choose_page(_ocr_page_stating(read, course), catalogue=catalogue, matcher=matcher) is None
    page = _ocr_page_stating("12", "CS410260")
    page["read"]["text_source"] = "text"
    assert choose_page(page, catalogue=catalogue, matcher=matcher) is None


def test_stated_cecs_that_are_the_catalogues_value_with_a_digit_misread_are_that_value_on_a_scan():
    # "0.8 ACE CECs" faxed and read "0.3" at 92.
    from cec_batch.certificate_choice import choose_page
    from cec_batch.model import Course

    catalogue = {c.course_number: c for c in [
        Course("CS40112", "Coaching", "P", Decimal("0.8"), "course", date(2020, 1, 1)),
        Course("CL10311", "Aquatics", "P", Decimal("1.7"), "course", date(2020, 1, 1)),
        Course("CEP31660", "Summit", "P", Decimal("0.8"), "event", date(2020, 1, 1))]}
    matcher = _matcher(("134473", "Anna-Lena", "Hoffmann"))
    for read, course, posted in [("0.3", "CS40112", "0.8"), ("0.6", "CS40112", "0.8"), ("1.1", "CL10311", "1.7")]:
        got = choose_page(_ocr_page_stating(read, course), catalogue=catalogue, matcher=matcher)
        assert got["ceus"] == posted, read
        assert "read as the" in got["read"]["chosen"]["ceus"]["evidence"][0]
    # Digits that do not look alike, two digits apart, an event's own credit, a text layer: the
    # page's value stands (R10's warning, R11).
    for read, course in [("0.5", "CS40112"), ("0.2", "CS40112"), ("3.3", "CS40112"), ("0.3", "CEP31660")]:
        assert choose_page(_ocr_page_stating(read, course), catalogue=catalogue, matcher=matcher) is None, read
    page = _ocr_page_stating("0.3", "CS40112")
    page["read"]["text_source"] = "text"
    assert choose_page(page, catalogue=catalogue, matcher=matcher) is None


def test_stated_cecs_read_without_confidence_on_a_scan_are_no_disagreement_to_warn_of():
    from cec_batch.certificate_choice import choose_page
    from cec_batch.model import Course
    from cec_batch.rules import check_ceus

    catalogue = {c.course_number: c for c in [
        Course("CL10240", "Aquatics", "P", Decimal("0.8"), "course", date(2020, 1, 1)),
        Course("CEP31660", "Summit", "P", Decimal("1.2"), "event", date(2020, 1, 1))]}
    matcher = _matcher(("134473", "Anna-Lena", "Hoffmann"))
    page = _ocr_page_stating("0.0", "CL10240")
    page["read"]["fields"]["ceus"]["confidence"] = 0.0
    got = choose_page(page, catalogue=catalogue, matcher=matcher)
    assert got["ceus"] is None and "no statement to warn of" in got["read"]["chosen"]["ceus"]["evidence"][0]
    posted, finding = check_ceus(catalogue["CL10240"], got["ceus"])
    assert posted == Decimal("0.8") and finding is None
    # Read as no credit at all, even sure ("0" for "1.0": no certificate awards nothing): no statement either.
    for zero in ("0.0", "0"):
        got = choose_page(_ocr_page_stating(zero, "CL10240"), catalogue=catalogue, matcher=matcher)
        assert got["ceus"] is None and "no credit at all" in got["read"]["chosen"]["ceus"]["evidence"][0]
    # Another amount read with confidence, or on a text layer: the statement stands.
    sure = _ocr_page_stating("0.5", "CL10240")
    assert choose_page(sure, catalogue=catalogue, matcher=matcher) is None
    page = _ocr_page_stating("0.5", "CL10240")
    page["read"]["fields"]["ceus"]["confidence"] = 10.0
    page["read"]["text_source"] = "text"
    assert choose_page(page, catalogue=catalogue, matcher=matcher) is None
    # On an event the reading is the attendee's own credit (R11): read unsure, it goes to staff.
    page = _ocr_page_stating("0.5", "CEP31660")
    page["read"]["fields"]["ceus"]["confidence"] = 10.0
    got = choose_page(page, catalogue=catalogue, matcher=matcher)
    assert "ceus" not in got                    # the reading stands, pre-filled for staff
    assert got["review"] and "0.5 CEC read with low confidence (10)" in got["read"]["problems"]["ceus"]


def test_an_events_credit_read_unsure_goes_to_staff_whether_stated_in_cecs_or_hours():
    # "15" hours split by a fax streak read "1 5": 1 hour at confidence 26 made 0.1 CEC, and with
    # the dates told apart nothing else held the page back.
    from cec_batch.certificate_choice import choose_page
    from cec_batch.model import Course
    from cec_batch.rules import REVIEW_CONFIDENCE

    catalogue = {"CEP31660": Course("CEP31660", "Summit", "P", Decimal("1.2"), "event", date(2020, 1, 1))}
    matcher = _matcher(("134473", "Anna-Lena", "Hoffmann"))
    page = _ocr_page_stating("0.1", "CEP31660")
    page["read"]["hours"] = "1"
    page["read"]["fields"]["ceus"].update(confidence=26.0, label="hours (hours x 0.1)")
    got = choose_page(page, catalogue=catalogue, matcher=matcher)
    assert "1 hours read with low confidence (26)" in got["review"]
    sure = _ocr_page_stating("0.1", "CEP31660")
    sure["read"]["hours"] = "1"
    sure["read"]["fields"]["ceus"].update(confidence=REVIEW_CONFIDENCE, label="hours (hours x 0.1)")
    assert choose_page(sure, catalogue=catalogue, matcher=matcher) is None


# ---------------------------------------------------------------- an ID with no label, beside the name


def _ocr_page_with_name_and_numbers(name: str, numbers: list[tuple[str, float]]) -> dict:
    cands = [{"field": "certificant_id", "value": v, "confidence": conf, "box": None, "before": "", "after": "",
              "line": f"ACE Certification | {v}", "height": 0.01} for v, conf in numbers]
    read = {"text_source": "ocr", "problems": {}, "candidates": cands, "lines": ["awarded to", name],
            "fields": {"full_name": {"value": name, "confidence": 95.0, "how": "label", "label": "awarded to",
                                     "box": None}}}
    return {"full_name": name, "first_name": None, "last_name": None, "certificant_id": None, "email": None,
            "course_number": "CEP31660", "read": read}


def test_an_unlabelled_id_on_the_page_tells_apart_two_certificants_of_the_pages_name():
    from cec_batch.certificate_choice import choose_page

    matcher = _matcher(("107455", "Maria", "Garcia"), ("162953", "Maria", "Garcia"), ("150879", "Kenji", "Hwang"))
    got = choose_page(_ocr_page_with_name_and_numbers("Maria Garcia", [("107455", 95.0), ("555555555", 5.0)]),
                      catalogue={}, matcher=matcher)
    assert got["certificant_id"] == "107455"
    assert "belongs to" in got["read"]["chosen"]["certificant_id"]["evidence"][0]
    # Read poorly, someone else's, or two of them: the page says nothing about which Maria Garcia.
    for numbers in ([("107455", 60.0)], [("150879", 95.0)], [("107455", 95.0), ("162953", 95.0)]):
        got = choose_page(_ocr_page_with_name_and_numbers("Maria Garcia", numbers), catalogue={}, matcher=matcher)
        assert got is None or not got.get("certificant_id"), numbers


def test_a_labelled_email_read_with_a_names_lookup_confidence_names_its_owner():
    from cec_batch.certificate_choice import choose_page

    def receipt(conf: float) -> dict:
        email = {"field": "email", "value": "arjun.rojas@fitpro.example", "confidence": conf, "box": None,
                 "before": "", "after": "", "line": "Customer email: | arjun.rojas@fitpro.example", "height": 0.01}
        read = {"text_source": "ocr", "problems": {"full_name": "name not found"}, "candidates": [email],
                "lines": ["Course completion receipt", "Customer email: | arjun.rojas@fitpro.example"],
                "fields": {"email": {**email, "how": "label", "label": "email"}}}
        return {"full_name": None, "first_name": None, "last_name": None, "certificant_id": None,
                "email": "arjun.rojas@fitpro.example", "course_number": "CL10234", "read": read}

    from cec_batch.match import Matcher
    from cec_batch.model import Certificant

    matcher = Matcher([Certificant("109861", "Arjun", "Rojas", "arjun.rojas@fitpro.example")])
    got = choose_page(receipt(78.0), catalogue={}, matcher=matcher)
    assert "full_name" not in got["read"]["problems"] and got["email"] == "arjun.rojas@fitpro.example"
    got = choose_page(receipt(60.0), catalogue={}, matcher=matcher)
    assert "full_name" in got["read"]["problems"]


# ---------------------------------------------------------------- a date that only looks sure


def test_a_date_under_a_signers_name_and_role_is_the_day_of_signing_not_the_completion(tmp_path):
    # The course date in the prose was lost (a fax's dropped lines); what is left are the two
    # signature blocks, each dated under its signer's name and role.
    path = tmp_path / "c.pdf"
    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    c.setFont("Helvetica-Bold", 24)
    c.drawCentredString(306, 700, "Certificate of Attendance")
    c.setFont("Helvetica", 16)
    c.drawCentredString(306, 660, "Lena Fischer  -  ACE ID 193059")
    c.setFont("Helvetica", 13)
    c.drawCentredString(306, 620, "and earned 0.6 CECs (ACE course CL 10234).")
    c.setFont("Helvetica", 9)
    for x, who in ((72, "Marguerite Calloway, Instructor"), (380, "Rosalind Achterberg, Provider")):
        c.line(x, 240, x + 160, 240)
        c.drawString(x, 226, who)
        c.drawString(x, 210, "Date 08/13/2026")
    c.showPage()
    c.save()
    row = row_of(path)
    assert row["review"] and "signed 08/13/2026" in row["review"] and "pre-filled as a guess" in row["review"]
    assert row["completion_date"] == "08/13/2026"          # pre-filled for staff, not posted


def test_a_date_under_a_line_that_names_no_signer_still_stands_after_its_label(tmp_path):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        ("Certificate of Attendance", 22), "Name: Lena Fischer", "Course: CL 10234", "0.6 CECs",
        "Date 08/13/2026"]))
    assert not row["review"]
    assert row["completion_date"] == "08/13/2026"


@needs_tesseract
def test_a_scanned_year_first_date_with_a_one_digit_day_after_a_two_digit_month_goes_to_review(tmp_path):
    lines = [("Record of Continuing Education", 20), "Name: Lena Fischer", "Certificant No.: 193059",
             "ACE Course Number: CL 10234", "Completion Date: 2025-12-1", "Contact Hours: 8.0"]
    row = row_of(scan_pdf(tmp_path / "c.pdf", scanned(render(lines, dpi=300)), dpi=300, quality=90))
    assert row["completion_date"] == "2025-12-1"
    assert row["review"] and "one-digit day after a two-digit month" in row["review"]
    whole = lines[:4] + ["Completion Date: 2025-12-15"] + lines[5:]
    row = row_of(scan_pdf(tmp_path / "d.pdf", scanned(render(whole, dpi=300)), dpi=300, quality=90))
    assert row["completion_date"] == "2025-12-15" and not row["review"]


def _date_on_its_own(tmp_path: Path, printed: str):
    """A 300 dpi image with PRINTED after a "Date:" label, and the box of PRINTED (pixels)."""
    img = render(["Date: " + printed], dpi=300)
    path = tmp_path / "page.png"
    img.save(path)
    words = [w for w in ocr.ocr_image(path, seconds=30).words if "/" in w.text]
    assert len(words) == 1, words
    w = words[0]
    return path, (w.left, w.top, w.left + w.width, w.top + w.height)


@needs_tesseract
@pytest.mark.parametrize("first, confidence, doubted", [
    ("05/03/2025", 88.0, True),      # a misreading that passed: read again, it says 05/09
    ("05/09/2025", 88.0, False),     # the same date read again: it stands
    ("05/03/2025", 96.0, False),     # sure enough not to be looked at again
])
def test_a_scanned_date_that_passes_but_is_not_sure_is_read_again_and_doubted_if_it_differs(
        tmp_path, first, confidence, doubted):
    import time

    from cec_batch.readers.cert_fields import Found
    from cec_batch.readers.certificate_pdf import _second_look

    path, box = _date_on_its_own(tmp_path, "05/09/2025")
    found = {"completion_date": Found(first, confidence, "label", "Date", box=box)}
    _second_look(found, path, time.monotonic() + 60)
    got = found["completion_date"]
    assert got.value == first
    if doubted:
        assert got.doubt and "05/09/2025" in got.doubt and "read again on its own" in got.doubt
    else:
        assert got.doubt is None
        assert got.confidence == confidence
    assert (got.reread is None) == (confidence >= 93.0)


@needs_tesseract
@pytest.mark.parametrize("first, mended", [
    ("06/09/2625", "06/09/2025"),    # a fax's "0" read "6": a year no completion can have
    ("96/09/2025", "06/09/2025"),    # no date at all
    ("06/09/2995", None),            # ... but the looks read 2025, two characters off: it stays
])
def test_a_completion_date_read_as_an_impossible_day_is_mended_by_two_looks_one_character_off(
        tmp_path, first, mended):
    import time

    from cec_batch.readers.cert_fields import Found
    from cec_batch.readers.certificate_pdf import _second_look

    path, box = _date_on_its_own(tmp_path, "06/09/2025")
    found = {"completion_date": Found(first, 73.0, "label", "Completed", box=box)}
    _second_look(found, path, time.monotonic() + 60)
    assert found["completion_date"].value == (mended or first)


def _the_credit(world: str, tmp_path: Path, s: dict) -> tuple[str, str, str]:
    """The one credit an ingest (summary S) posted: (certificant, course, completion date)."""
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    return credit["certificant_id"], credit["course_number"], credit["completion_date"]


@pytest.mark.parametrize("form, posts", [("text", False), pytest.param("scan", True, marks=needs_tesseract)])
def test_a_scanned_umlaut_read_as_two_is_is_looked_up_with_the_letter_put_back(world, tmp_path, form, posts):
    # OCR reads the dots of "ü" as a letter i of their own: "Miiller". A typed name is as typed.
    path = page_pdf(tmp_path, form, [
        "Peak Performance Institute", ("Certificate of Completion", 22), ("Jiirgen Miiller", 30),
        "has completed CP55013 Sports Nutrition", "on 07/18/2025"])
    s = ingest(world, path)
    if posts:
        assert _the_credit(world, tmp_path, s) == ("123036", "CP55013", "2025-07-18")
    else:
        assert s["credits"] == 0
        [exc] = exceptions_data(world)
        assert exc["kind"] in ("needs_review", "unknown_certificant")


@pytest.mark.parametrize("name", [("Seren Kjergaard", 30), "Name: Seren Kjergaard"])    # set large; labelled
@pytest.mark.parametrize("form, posts", [("text", False), pytest.param("scan", True, marks=needs_tesseract)])
def test_a_scanned_name_whose_letters_english_lacks_ocr_read_as_others_names_its_owner(world, tmp_path, form, posts,
                                                                                        name):
    # "Søren Kjærgaard" as OCR reads it, and no ID or email: the name differs only at ø and æ.
    path = page_pdf(tmp_path, form, [
        "Coastal Movement Studio", ("Certificate of Excellence", 22), name,
        "for outstanding completion of Mat Pilates Foundations", "0.6 ACE CECs - Course CL 10234",
        "Awarded August 26th, 2026"])
    s = ingest(world, path)
    if posts:
        assert _the_credit(world, tmp_path, s) == ("167318", "CL10234", "2026-08-26")
    else:
        assert s["credits"] == 0           # a typed name is as typed


@pytest.mark.parametrize("read, first, last, same", [
    ("Seren Kjergaard", "Søren", "Kjærgaard", True),
    ("Jirgen Miiller", "Jürgen", "Müller", True),
    ("KJERGAARD, Seren", "Søren", "Kjærgaard", True),        # last name first
    ("Karen Kjergaard", "Søren", "Kjærgaard", False),        # an S read as K is not a letter English lacks
    ("Seren Kjergaards", "Søren", "Kjærgaard", False),       # a letter more at the end
    ("Sean Dimitrov", "Sean", "Dimitrov", False),            # nothing foreign: an exact match's business
])
def test_a_name_differs_only_at_its_foreign_letters(read, first, last, same):
    from types import SimpleNamespace

    from cec_batch.certificate_choice import _differs_only_at_foreign_letters

    assert _differs_only_at_foreign_letters(read, SimpleNamespace(first_name=first, last_name=last)) is same


def placed_pdf(path: Path, items: list[tuple[float, float, str]]) -> Path:
    """A text page with each (x, y, text) of ITEMS drawn where it says, in Helvetica 12."""
    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    c.setFont("Helvetica", 12)
    for x, y, text in items:
        c.drawString(x, y, text)
    c.showPage()
    c.save()
    return path


def test_the_only_date_read_is_not_the_completion_when_a_completion_label_is_followed_by_something_unread(tmp_path):
    # The birth date stands right of its caption and a line lower: nothing beside it says what it is.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 700, "Verification of Course Completion"), (72, 660, "Name: Lena Fischer"), (72, 630, "Date of Birth"),
        (300, 612, "11/24/1985"), (72, 580, "Course Code: CL 10234"), (72, 550, "Date Completed: Sxh Apr1l 2O25")]))
    assert row["review"] and "the only date read, but the completion date is printed after 'Date Completed'" in \
        row["review"]
    assert row["completion_date"] == "11/24/1985"           # pre-filled for staff, not posted


def test_dot_leaders_read_as_letters_after_a_completion_label_do_not_hide_the_only_date(tmp_path):
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 700, "Record of Continuing Education"), (72, 660, "Name: Lena Fischer"), (72, 630, "Course: CL 10234"),
        (72, 600, "Completion Date: Cee ee bee eee"), (330, 582, "2026-06-05")]))
    assert row["completion_date"] == "2026-06-05"
    assert not row["review"]


def test_an_ordinal_fifth_whose_5_was_read_as_an_s(tmp_path):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        ("Certificate of Completion", 22), "Name: Lena Fischer", "Course: CL 10234",
        "Date Completed: Sth April 2025"]))
    assert parse_date(row["completion_date"]).value == date(2025, 4, 5)
    assert not row["review"]


@needs_tesseract
@pytest.mark.parametrize("printed, posts", [
    ("Wéjcik, tukasz", True),           # each word of the ID owner's name one letter off: theirs
    ("Nowak, tukasz", False),           # one word theirs, one another name: not enough
])
def test_a_sure_ids_owner_whose_every_name_word_ocr_got_one_letter_wrong(world, tmp_path, printed, posts):
    path = scan_pdf(tmp_path / "c.pdf", scanned(render([
        "ACME FITNESS EDUCATION", ("Certificate of Instruction Hours", 18), f"Name (Last, First): {printed}",
        "ACE Cert. #: 112577", "Course / ACE No.: CA-24377", "Date of course: Mar 11 2026",
        "Hours of instruction: 6"], dpi=300)), dpi=300, quality=90)
    s = ingest(world, path)
    if posts:
        assert _the_credit(world, tmp_path, s) == ("112577", "CA24377", "2026-03-11")
    else:
        assert s["credits"] == 0
        [exc] = exceptions_data(world)
        assert "112577" in exc["detail"] and "whose name is not on it" in exc["detail"]


def test_a_course_number_after_an_id_label_is_never_the_certificants_id(tmp_path):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        ("Certificate of Completion", 22), "Name: Lena Fischer", "ACE Certification Number: CEP314150",
        "Date: 02/14/2026"]))
    assert row["certificant_id"] is None
    row = row_of(text_pdf(tmp_path / "d.pdf", [
        ("Certificate of Completion", 22), "Name: Lena Fischer", "ACE Certification Number: AB-193059",
        "Course: CS40112", "Date: 02/14/2026"]))
    assert row["certificant_id"] == "AB-193059"


# ---------------------------------------------------------------- sentences, table rows and columns


@pytest.mark.parametrize("form", FORMS)
def test_a_date_ending_its_sentence_is_told_by_its_own_sentence_not_the_next(tmp_path, form):
    # "... on 8 September 2025. The course is approved by ...": the approval is the next sentence's.
    # The letter's own date at its head is not the completion.
    row = row_of(page_pdf(tmp_path, form, [
        "Acme Fitness Education", "17 October 2025", ("LETTER OF VERIFICATION", 18), "Participant: FISCHER, Lena",
        "We verify that Lena Fischer completed the course Program Design for",
        "Weight Management on 8 September 2025. The course is approved by the",
        "American Council on Exercise under course number CA 24102 for 0.8 CEUs."]))
    assert parse_date(row["completion_date"]).value == date(2025, 9, 8)
    assert row["review"] is None


def test_a_verb_further_back_in_the_dates_sentence_outranks_a_memos_date_label(tmp_path):
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 700, "MEMORANDUM"), (72, 670, "TO:"), (160, 670, "Certification Records"), (72, 650, "DATE:"),
        (160, 650, "2/13/2025"), (72, 630, "RE:"), (160, 630, "CE record - Lena Fischer"),
        (36, 590, "The employee completed the course Exercise Science Refresher (ACE course CEP 123456) on 1/29/2025,"),
        (36, 572, "for a total of 10 contact hours.")]))
    assert row["completion_date"] == "1/29/2025"


def _transcript(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    items = [(72, 720, "Learner Transcript - All approving bodies"), (72, 690, "Name:"), (160, 690, "Sean Dimitrov"),
             (72, 670, "ACE ID:"), (160, 670, "111256"),
             (40, 630, "Course"), (200, 630, "Approved by"), (300, 630, "Approval #"), (400, 630, "Completed"),
             (490, 630, "Credit")]
    for i, (body, number, day, credit) in enumerate(rows):
        y = 610 - 20 * i
        items += [(40, y, f"Course {i + 1}"), (200, y, body), (300, y, number), (400, y, day), (490, y, credit)]
    return placed_pdf(path, items)


def test_a_transcript_gives_the_date_and_credit_on_the_row_of_the_ace_course(world, tmp_path):
    # A completion heading over three rows: the ACE course's row says when, not the first row.
    path = _transcript(tmp_path / "c.pdf", [("NASM", "NASM 6137", "01/13/2026", "1.0 CEU"),
                                            ("ACE", "CS40112", "02/14/2026", "0.8 CEC"),
                                            ("AFAA", "AFAA 736", "03/01/2026", "8.0 CEU")])
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert (credit["course_number"], credit["completion_date"], Decimal(credit["ceus"])) == \
        ("CS40112", "2026-02-14", Decimal("0.8"))
    assert exceptions_data(world) == []


def test_a_transcript_with_two_ace_rows_goes_to_review(world, tmp_path):
    path = _transcript(tmp_path / "c.pdf", [("ACE", "CS40112", "02/14/2026", "0.8 CEC"),
                                            ("ACE", "CA24102", "03/01/2026", "0.8 CEC")])
    s = ingest(world, path)
    assert s["credits"] == 0
    [exc] = exceptions_data(world)
    assert exc["kind"] == "needs_review"
    assert "2 dates in one column under 'Completed'" in exc["detail"]


def _session_grid(path: Path, total: str | None) -> Path:
    items = [(72, 720, "Verification of Attendance"), (72, 690, "Attendee: Sean Dimitrov"), (320, 690, "ACE ID: 111256"),
             (72, 670, "Event: Coastal Movement Retreat 2026 - ACE event no. CL-10502"),
             (72, 650, "Event dates: 04/24/2026 - 04/26/2026"),
             (72, 620, "Day"), (200, 620, "Session"), (400, 620, "Hours")]
    for i, (day, session, hours) in enumerate([("1", "Keynote", "2.0"), ("2", "Strength lab", "1.0"),
                                               ("3", "Closing plenary", "2.0")]):
        y = 600 - 20 * i
        items += [(72, y, day), (200, y, session), (400, y, hours)]
    if total:
        items.append((72, 540, total))
    return placed_pdf(path, items)


def test_hours_under_a_column_heading_over_several_rows_are_not_the_attendees_credit(world, tmp_path):
    s = ingest(world, _session_grid(tmp_path / "c.pdf", None))
    assert s["credits"] == 0
    details = " ".join(e["detail"] for e in exceptions_data(world))
    assert "3 amounts in one column under 'Hours' (2.0, 1.0, 2.0) and no total" in details


def test_the_total_hours_attended_are_the_attendees_credit(world, tmp_path):
    s = ingest(world, _session_grid(tmp_path / "c.pdf", "Total contact hours attended: 15"))
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert Decimal(credit["ceus"]) == Decimal("1.5"), exceptions_data(world)


def _bilingual_boxes(path: Path, start: str, end: str, hours: str) -> Path:
    """An event's French and English date boxes: 'DÉBUT / START', 'FIN / END' and the hours under
    a heading whose English half is right of the figure."""
    return placed_pdf(path, [
        (72, 720, "Attestation de participation / Certificate of Attendance"), (72, 690, "Attendee: Sean Dimitrov"),
        (320, 690, "ACE ID: 111256"), (72, 670, "Événement ACE n° / ACE event no. CL-10502"),
        (72, 630, "DÉBUT / START"), (222, 630, "FIN / END"), (372, 630, "HEURES DE FC / CE HOURS"),
        (72, 605, start), (222, 605, end), (392, 605, hours), (380, 585, "heures / hours")])


def test_an_events_dates_captioned_start_and_end_in_two_languages_complete_on_the_end(world, tmp_path):
    s = ingest(world, _bilingual_boxes(tmp_path / "c.pdf", "04/24/2026", "04/26/2026", "12"))
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert (credit["completion_date"], Decimal(credit["ceus"])) == ("2026-04-26", Decimal("1.2"))


def test_another_approving_bodys_credits_are_not_the_ace_credit(tmp_path):
    # A certificate several bodies approved lists each one's credits; read sideways, the other
    # bodies' lines come first.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Continuing Education Certificate"), (72, 690, "This is to certify that"), (72, 670, "Lena Fischer"),
        (72, 650, "completed Exercise Science Refresher on 1/5/2025"), (72, 600, "ACCREDITATION"),
        (72, 580, "AFAA CEUs: 6.0"), (72, 565, "NASM CEUs: 0.6"), (72, 550, "ACE Course No. CEP123456"),
        (72, 535, "ACE CECs: 1.0")]))
    assert row["ceus"] == "1.0"


def test_start_and_end_in_prose_tell_no_date():
    from cec_batch.readers.cert_fields import _date_kind

    # A caption of a word or two says which end of the event a date is ...
    assert _date_kind("", "", "FIN / END", "") == ("completion", "end")
    assert _date_kind("", "", "Start", "") == ("other", "start")
    # ... a longer line above a date is prose, where such words say nothing of it.
    assert _date_kind("", "", "Please keep this page to the end of your certification", "") == (None, None)
    assert _date_kind("", "", "Start your next course with us today and save", "") == (None, None)


def test_a_line_of_prose_that_ends_its_sentence_above_a_date_is_not_the_dates_sentence():
    from cec_batch.readers.cert_fields import _date_kind, _heading

    # "Recordings stay in the portal until November 8, 2027" under a sentence about attendance.
    above = "A session is credited when the attendee stays for 50 minutes and answers its attendance poll."
    assert _date_kind("Slides stay in the portal until", "", _heading(above), "") == (None, None)
    # Prose running on to the date is its sentence still.
    above = "This certifies that the participant completed Behavior Change Coaching (ACE course CS40112) on"
    assert _date_kind("", "", _heading(above), "") == ("completion", "completed")


def test_a_completed_timestamp_beside_its_label_is_the_completion(tmp_path):
    # An LMS page printed from a browser: the header's date and time is the printing; the
    # "Completed" row's date and time is the completion, "Enrolled" the start.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (36, 760, "7/20/26, 8:01 AM"), (300, 760, "Exercise Science Refresher | Learning Portal"),
        (72, 700, "Status: Completed"), (72, 670, "Learner"), (250, 670, "Lena Fischer"),
        (72, 650, "ACE course number"), (250, 650, "CEP123456"), (72, 630, "Enrolled"), (250, 630, "2026-06-12 10:07"),
        (72, 610, "Completed"), (250, 610, "2026-07-07 13:03"), (72, 590, "Credits"), (250, 590, "1.0 ACE CECs")]))
    assert row["completion_date"] == "2026-07-07"
    assert row["review"] is None


def test_a_weekday_before_a_timestamp_does_not_hide_the_label_left_of_it(tmp_path):
    # A quiz's review page: "Completed on | Wednesday, 4 November 2026, 12:35 AM", its label
    # in a cell of its own (and read "Compieted" on a fax); "Started on" the evening before.
    for label in ("Completed on", "Compieted on"):
        row = row_of(placed_pdf(tmp_path / "c.pdf", [
            (36, 760, "11/15/2026, 9:29 PM"), (300, 760, "Final quiz: Review of attempt 1"),
            (72, 720, "Lena Fischer"), (72, 700, "Exercise Science Refresher"),
            (72, 670, "Started on"), (200, 670, "Tuesday, 3 November 2026, 11:33 PM"),
            (72, 650, label), (200, 650, "Wednesday, 4 November 2026, 12:35 AM"),
            (72, 630, "Feedback"), (200, 630, "Passed. This course is approved by ACE as course CEP123456"),
            (200, 615, "for 1.0 CECs; your certificate of completion has been emailed to you.")]))
        assert row["completion_date"] == "4 November 2026", label
        assert "completion date" not in (row["review"] or ""), label


def test_a_dates_caption_with_a_hint_in_brackets_still_names_its_day(tmp_path):
    # A form's birth date over "Date of birth (MM/DD/YY YY)" (a fax split the hint's "YYYY"): the
    # hint is no word of the caption, which names the birth; the only date left is no completion.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Home Study Enrolment Form"), (72, 690, "SMITH, John"), (350, 690, "08/14/1993"),
        (72, 676, "Name (LAST, First)"), (350, 676, "Date of birth (MM/DD/YY YY)"),
        (72, 640, "197589"), (72, 626, "ACE certification number"), (72, 590, "CP55012"), (72, 576, "ACE course no."),
        (72, 540, "Completed when the examination is graded and passed: see stamp.")]))
    assert row["completion_date"] is None
    (birth,) = [c for c in row["read"]["candidates"] if c["field"] == "date"]
    assert (birth["kind"], birth["telling"]) == ("other", "birth")


@pytest.mark.parametrize("line, completed", [
    ("Date of enrolment: 06/25/2026", None),            # "Date" with another day's word before the date
    ("Date printed 06/25/2026", None),
    ("Date of course: 06/25/2026", "06/25/2026"),
    ("Date: 06/25/2026", "06/25/2026"),
])
def test_a_date_label_does_not_reach_past_another_days_word(tmp_path, line, completed):
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Certificate of Completion"), (72, 690, "Name: Gordon Pike"), (72, 670, "ACE ID No. 146854"),
        (72, 650, "ACE course no. CS41018"), (72, 630, line)]))
    if completed is None:
        assert "completion date" in row["review"]      # at most a guess pre-filled for staff
    else:
        assert row["completion_date"] == completed and row["review"] is None


@pytest.mark.parametrize("description, completed", [
    ("Course completed - ACE CL103120, 1.1 CECs", "05/11/2025"),
    ("ACE CL103120, 1.1 CECs", None),                       # the row does not say the course was completed
    ("Course completed - ACE CL103120, 1.1 CECs  (sent 05/20/2025)", None),   # two days on the row
])
def test_a_statements_row_that_says_the_course_was_completed_dates_it(tmp_path, description, completed):
    # A statement of account whose table heading was not read: a payment's row and the course's.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "STATEMENT OF ACCOUNT"), (72, 690, "Aaliyah Jensen"), (72, 675, "ajensen@example.org"),
        (72, 640, "05/02/2025"), (160, 640, "PMT-9060"), (250, 640, "Payment, card ending 2003"),
        (72, 620, "05/11/2025"), (160, 620, "CE-9892"), (250, 620, description),
        (72, 580, "Your certificate of completion was emailed on the day the course was completed.")]))
    if completed is None:
        assert "completion date" in row["review"]
    else:
        assert row["completion_date"] == completed
        assert "completion date" not in (row["review"] or "")


@pytest.mark.parametrize("printed, first, last", [
    ("Fri 13 – Sun 15 June 2025", "2025-06-13", "2025-06-15"),
    ("Fri 7 Sat 8 November 2025", "2025-11-07", "2025-11-08"),          # a fax lost the dash
    ("Mon, Nov 3 – Sun, Nov 9, 2025", None, "2025-11-09"),   # a planner's week is no event's range
    ("Saturday 8 November 2025", None, "2025-11-08"),                     # one day, its weekday before it
])
def test_an_events_days_each_after_its_weekday_are_one_range(printed, first, last):
    from cec_batch.readers.cert_fields import date_value, range_days
    from cec_batch.readers.cert_vocabulary import DATE_RE

    m = DATE_RE.search(printed)
    assert str(parse_date(date_value(m.group())).value) == last
    assert [str(d) if d else None for d in range_days(m.group())] == [first, last if first else None]


@pytest.mark.parametrize("form", FORMS)
def test_an_events_credit_said_to_be_the_attendees_own_is_the_credit(tmp_path, form):
    lines = ["SUMMIT WELLNESS CONFERENCES", ("Summit Regional Day: Healthy Aging", 24), "Fri 7 – Sat 8 November 2025",
             "Certificate of attendance for", ("Leila Gupta", 26), "leilagupta54@example.net",
             "ACE event CEP13579 · CECs earned by this attendee: 1.0", "Issued 11/11/2025"]
    row = row_of(page_pdf(tmp_path, form, lines))
    assert row["ceus"] == "1.0"
    assert str(parse_date(row["completion_date"]).value) == "2025-11-08"
    assert "completion date" not in (row["review"] or "")      # the name is the closed world's to find


@pytest.mark.parametrize("stamped, completed", [
    (("13 JUN 2025", "14 JUN 2025", "15 JUN 2025"), "15 JUN 2025"),
    (("13 JUN 2025", "15 JUN 2025"), "15 JUN 2025"),
    (("13 JUN 2025", "14 JUN 2025"), None),             # the stamps stop before the event's last day
    (("13 JUN 2025", "14 JUN 2025", "16 JUN 2025"), None),      # a day outside the event's range
])
def test_session_stamps_within_an_events_range_complete_on_its_last_day(tmp_path, stamped, completed):
    items = [(72, 740, "CE PASSPORT"), (400, 740, "June 13-15, 2025"), (400, 725, "ACE event no. CEP246802"),
             (72, 700, "Passport holder: Zainab Sharma"), (72, 685, "ACE certification no.: 134611")]
    for k, day in enumerate(stamped):
        items += [(72 + 160 * k, 640, "ATTENDED"), (72 + 160 * k, 625, day), (72 + 160 * k, 610, "4 HRS")]
    row = row_of(placed_pdf(tmp_path / "c.pdf", items))
    if completed is None:
        assert "completion date" in row["review"]
    else:
        assert row["completion_date"] == completed
        assert "completion date" not in (row["review"] or "")


@pytest.mark.parametrize("form", FORMS)
def test_a_department_after_a_learner_label_is_no_name(tmp_path, form):
    # A letter signed "Learner Services Manager" over a reference strip headed "Learner": the
    # department after the word is no learner; the strip's cell is.
    items = [(72, 740, "Learner Services"), (72, 700, "Dear Zoe,"),
             (72, 680, "Your certificate of completion is enclosed with this letter."),
             (72, 640, "Emrys Caldwell"), (72, 626, "Learner Services Manager"), (72, 560, "REFERENCE"),
             (72, 540, "Learner"), (200, 540, "ACE cert. no."), (300, 540, "ACE course"), (400, 540, "Completed"),
             (72, 524, "Bronte, Zoe"), (200, 524, "191923"), (300, 524, "CEP31415"), (400, 524, "02-Sep-2025")]
    path = placed_pdf(tmp_path / "c.pdf", items)
    if form == "scan":
        doc = pdfium.PdfDocument(path)
        img = doc[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
        doc.close()
        path = scan_pdf(tmp_path / "s.pdf", scanned(img))
    row = row_of(path)
    assert row["full_name"] == "Bronte, Zoe"


def test_a_rows_cells_on_a_sheet_scanned_askew_stand_on_one_row_along_its_slope():
    from cec_batch.readers.cert_fields import _same_row

    date, course = (1340, 1347, 1520, 1379), (1980, 1370, 2130, 1400)     # 2 degrees askew: half a row lower
    assert not _same_row(date, course)
    assert _same_row(date, course, slope=0.035)
    assert not _same_row(date, (1980, 1420, 2130, 1450), slope=0.035)     # the next row down stays apart
    assert _same_row(course, date, slope=0.035)


def test_a_credit_set_large_above_its_unit_is_the_credit(tmp_path):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        ("CERTIFICATE OF ATTENDANCE", 20), ("Lena Fischer", 24), ("attended the sessions of the event and earned", 12),
        ("1.5", 30), ("ACE continuing education credits (CECs)", 12), ("ACE Event Approval # CL10502", 12),
        ("Event dates: April 24-26, 2026", 12)]))
    assert row["ceus"] == "1.5"


def test_a_conversion_whose_cells_ocr_parted_is_not_the_credit(tmp_path):
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 700, "Continuing Education Verification Form"), (72, 670, "Full name"), (250, 670, "Lena Fischer"),
        (72, 650, "ACE course number."), (250, 650, "CA24102"), (72, 630, "Date course completed"),
        (250, 630, "March 21, 2025"), (72, 610, "Contact hours awarded"), (250, 610, "8"),
        (72, 590, "Equivalent"), (250, 590, "10 contact hours"), (400, 590, "1.0 ACE CEC")]))
    assert row["ceus"] == Decimal("0.8")
    # A speck read after a label ("number.") does not stand for its value: the next cell does.
    assert row["course_number"] == "CA24102"


def test_a_forms_completed_row_over_another_dated_row_is_no_column(tmp_path):
    # The control of the transcript tests above. Labels beside their values: "Completed" names its own row only, and the date two rows down
    # is another field's, not a second row of a table under a heading.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 700, "STATEMENT OF CONTINUING EDUCATION CREDIT"), (72, 670, "Certificant"), (250, 670, "FISCHER, LENA"),
        (72, 650, "Course No."), (250, 650, "CA24102"), (72, 630, "Completed"), (250, 630, "28-Jan-2025"),
        (72, 610, "Credit"), (250, 610, "0.8 CEC"), (72, 590, "Posted"), (250, 590, "24-Feb-2025")]))
    assert row["completion_date"] == "28-Jan-2025"
    assert "column" not in (row["review"] or "")


def test_a_grid_of_numbered_boxes_with_captions_over_values(world, tmp_path):
    # "6 CEUs awarded" is box 6's caption, not six CECs; "ACE-145586" is the ACE ID; the report's
    # date under its own caption is another box, not a second row under "Date course completed".
    items = [(72, 720, "CONTINUING EDUCATION COMPLETION REPORT"),
             (72, 690, "1 Participant name (first, last)"), (330, 690, "2 ACE certificant number"),
             (72, 674, "Sean Dimitrov"), (330, 674, "ACE-111256"),
             (72, 640, "4 ACE course number"), (250, 640, "5 Date course completed"), (430, 640, "6 CEUs awarded"),
             (72, 624, "CS40112"), (250, 624, "14 Feb 2026"), (430, 624, "0.80"),
             (72, 590, "7 Delivery method"), (250, 590, "8 Date of this report"), (72, 574, "Online"),
             (250, 574, "10 Mar 2026")]
    s = ingest(world, placed_pdf(tmp_path / "c.pdf", items))
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert (credit["certificant_id"], credit["completion_date"]) == ("111256", "2026-02-14")
    assert exceptions_data(world) == []          # no CECs disagreement: box 6 is no amount


def test_a_date_wrapped_in_one_of_two_columns_of_prose(tmp_path):
    # English and French side by side: the English sentence's date runs on to the next line
    # of its own column, while the line's last segment is the French column's.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Certificate of Completion"), (340, 720, "Attestation de reussite"),
        (72, 690, "This certifies that Lena Fischer"), (340, 690, "Nous certifions que Lena Fischer"),
        (72, 674, "completed CS 40112 on January 16th"), (340, 674, "a suivi le cours CS 40112 le"),
        (72, 658, "2026, and earned 0.8 CECs."), (340, 658, "16 janvier 2026."),
        (72, 600, "Issued February 2, 2026")]))
    assert parse_date(row["completion_date"]).value == date(2026, 1, 16)
    assert row["review"] is None


def test_a_row_above_a_date_holding_its_own_value_is_no_heading_for_it(tmp_path):
    # "CREDIT EARNED 0.80 CEUs" is another field's row: its "earned" does not make the date under
    # it the completion (the statement's date; OCR garbled the real "Completed on" label).
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 700, "Statement of Credit"), (72, 670, "LEARNER"), (250, 670, "Lena Fischer"),
        (72, 650, "ACE COURSE NO."), (250, 650, "CS 40112"), (72, 630, "Compere on"), (250, 630, "2026.02.14"),
        (250, 610, "CREDIT EARNED 0.80 CEUs"), (250, 590, "2026.03.01")]))
    assert row["review"] and "no word says which is the completion" in row["review"]
    assert row["completion_date"] == "2026.02.14"          # the earliest, pre-filled for staff


def test_a_header_row_read_as_one_segment_heads_each_column_by_the_word_over_it():
    # OCR ran a table's header row into one segment ("Enrolled Completed Expires"): each date
    # is told by the heading word over it, not by the row's last telling word.
    from cec_batch.readers.cert_fields import page_candidates
    from cec_batch.readers.cert_layout import Seg, Tok

    def seg(words, y):
        return Seg([Tok(t, 96.0, x, y, x + w, y + 30) for t, x, w in words])

    header = seg([("Enrolled", 400, 150), ("Completed", 620, 190), ("Expires", 880, 140)], 1000)
    cells = [seg([(d, x, 190)], 1045) for d, x in (("12/06/2025", 390), ("01/12/2026", 620), ("01/12/2027", 870))]
    kinds = {c.value: (c.kind, c.telling) for c in page_candidates([header, *cells], 3300) if c.field == "date"}
    assert kinds["01/12/2026"] == ("completion", "completed")
    assert kinds["01/12/2027"] == ("other", "expires")
    assert kinds["12/06/2025"] == ("other", "enrolled")


def test_prose_above_a_date_holding_a_course_number_is_still_the_dates_sentence(tmp_path):
    # The date starts its line; the sentence's verb and the course number are on the line above.
    # That line is prose, not another field's row of a form: "completed" tells the date, and the
    # memo's "DATE:" label does not.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 700, "MEMORANDUM"), (72, 670, "DATE:"), (160, 670, "8/17/2026"), (72, 650, "RE:"),
        (160, 650, "CE record - Lena Fischer"),
        (72, 610, "166301. The employee completed Behavior Change Coaching (ACE course CS40112) on"),
        (72, 594, "8/9/2026, for a total of 8 contact hours.")]))
    assert row["completion_date"] == "8/9/2026"


def _in_form(c: canvas.Canvas, buf: io.BytesIO, path: Path, form: str, angle: float = 0.4) -> Path:
    """The page drawn on C (into BUF), saved at PATH as a text-layer PDF or as a 200 dpi scan
    turned ANGLE degrees."""
    c.showPage()
    c.save()
    if form == "text":
        path.write_bytes(buf.getvalue())
        return path
    doc = pdfium.PdfDocument(buf.getvalue())
    img = doc[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    return scan_pdf(path, scanned(img, angle=angle))


def _session_log(path: Path, form: str, days: list[str], heading: str = "ACE event no. CA245010",
                 foot: str = "Sessions are logged by badge scan at the door.") -> Path:
    """An event's attendance record: each day attended in a row under a plain 'Date' heading."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 720, "Acme Fitness Summit 2025")
    c.setFont("Helvetica", 11)
    c.drawString(72, 700, f"Acme Fitness Education | {heading}")
    c.drawString(72, 670, "Name: Paolo Ramirez")
    c.drawString(300, 670, "ACE ID: 193059")
    rows = [("Session", "Date", "Hours"), *[(f"Day {i + 1} sessions", d, "4.0") for i, d in enumerate(days)]]
    for i, (session, day, hours) in enumerate(rows):
        c.drawString(72, 630 - 20 * i, session)
        c.drawString(250, 630 - 20 * i, day)
        c.drawString(360, 630 - 20 * i, hours)
    c.drawString(72, 600 - 20 * len(rows), f"Total contact hours: {4 * len(days)}")
    c.drawString(72, 570 - 20 * len(rows), foot)
    return _in_form(c, buf, path, form)


@pytest.mark.parametrize("form", FORMS)
def test_an_events_attendance_record_listing_its_days_completes_on_the_last(world, tmp_path, form):
    # The reader does not know CA245010 is an event and pre-fills the earliest day as a guess; the
    # catalogue says it is one, and an event completes on its last day.
    path = _session_log(tmp_path / "c.pdf", form, ["10/10/2025", "10/11/2025", "10/12/2025"])
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert (credit["certificant_id"], credit["course_number"], credit["completion_date"], credit["ceus"]) == (
        "193059", "CA245010", "2025-10-12", "1.2")


def _event_column_page(days: list[tuple[str, float]]) -> dict:
    """An OCR'd event attendance record: DAYS ((printed, confidence) from the top row down) in one
    column under 'Date', the earliest pre-filled by the reader as a guess."""
    cands = [{"field": "course_number", "value": "CA245010", "confidence": 93.0, "box": [0.42, 0.09, 0.49, 0.10],
              "before": "ACE event no.", "after": "", "line": "ACE event no. CA245010", "height": 0.01}]
    cands += [{"field": "date", "value": v, "confidence": c, "box": [0.46, 0.24 + 0.025 * k, 0.54, 0.25 + 0.025 * k],
               "before": "", "after": "", "line": f"Day {k + 1} sessions | {v} | 2.0", "height": 0.01, "kind": None}
              for k, (v, c) in enumerate(days)]
    first = min(days, key=lambda d: parse_date(d[0]).value)
    doubt = f"is the earliest, pre-filled as a guess: {len(days)} dates in one column under 'Date'"
    read = {"text_source": "ocr", "candidates": cands, "lines": [],
            "problems": {"completion_date": f"completion date '{first[0]}' {doubt}"},
            "fields": {"completion_date": {"value": first[0], "confidence": first[1], "how": "guess", "doubt": doubt,
                                           "column": [{"value": v, "confidence": c} for v, c in days]}}}
    return {"full_name": "Paolo Ramirez", "first_name": None, "last_name": None, "certificant_id": "193059",
            "email": None, "course_number": "CA245010", "completion_date": first[0], "read": read}


def test_an_events_middle_day_read_unsurely_does_not_hide_its_last_day():
    # A scanned session log: the middle day read at 66, the first and the last at 96, in order down
    # the page. Which day was the last does not hang on the middle one's digits.
    from cec_batch.certificate_choice import choose_page
    from cec_batch.model import Course

    catalogue = {"CA245010": Course("CA245010", "Acme Fitness Summit", "P", Decimal("1.2"), "event", date(2020, 1, 1))}
    matcher = _matcher(("193059", "Paolo", "Ramirez"))
    got = choose_page(_event_column_page([("09/25/2026", 96.0), ("09/26/2026", 66.0), ("09/27/2026", 96.0)]),
                      catalogue=catalogue, matcher=matcher)
    assert got["completion_date"] == "09/27/2026" and "completion_date" not in got["read"]["problems"]
    # The last day itself unsure, or the days out of order down the page: staff decide.
    for days in ([("09/25/2026", 96.0), ("09/26/2026", 96.0), ("09/27/2026", 66.0)],
                 [("09/25/2026", 96.0), ("09/28/2026", 66.0), ("09/27/2026", 96.0)],
                 [("09/27/2026", 96.0), ("09/26/2026", 66.0), ("09/25/2026", 96.0)]):
        got = choose_page(_event_column_page(days), catalogue=catalogue, matcher=matcher)
        assert got is None or "completion_date" in got["read"]["problems"], days


@pytest.mark.parametrize("heading, days, why", [
    ("ACE course no. CA24455", ["10/10/2025", "10/11/2025", "10/12/2025"], "not an event"),
    ("ACE event no. CA245010", ["09/10/2025", "10/12/2025"], "days a month apart"),
    ("ACE event no. CA245010 (also CA24455)", ["10/10/2025", "10/11/2025", "10/12/2025"], "two courses named"),
])
def test_guard_a_column_of_dates_that_is_no_events_days_stays_with_staff(world, tmp_path, heading, days, why):
    s = ingest(world, _session_log(tmp_path / "c.pdf", "text", days, heading=heading))
    assert s["credits"] == 0, why
    [exc] = exceptions_data(world)
    assert exc["kind"] == "needs_review" and "dates in one column" in exc["detail"], why
    assert exc["data"]["row"]["completion_date"] == days[0]       # the earliest, pre-filled as a guess


def _timeline(path: Path, form: str) -> Path:
    """A modern certificate whose dates stand on a timeline, each under its caption with the line
    and its dot between them (five heights apart): enrolled, completed, issued, expires."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    c.setFont("Helvetica-Bold", 20)
    c.drawString(72, 700, "DIMITROV, Sean")
    c.setFont("Helvetica", 10)
    c.drawString(72, 680, "ACE ID 111256")
    c.drawString(72, 640, "Behavior Change Coaching - ACE course CS-40112 - 0.8 CEC")
    xs = (110, 240, 370, 500)
    c.setLineWidth(1.5)
    c.line(xs[0], 545, xs[-1], 545)
    for x, caption, day in zip(xs, ("ENROLLED", "COMPLETED", "CERTIFICATE ISSUED", "EXPIRES"),
                               ("22 Jan 2026", "14 Feb 2026", "17 Feb 2026", "14 Feb 2027")):
        c.setFont("Helvetica", 8)
        c.drawCentredString(x, 570, caption)
        c.circle(x, 545, 6, stroke=1, fill=1)
        c.setFont("Helvetica", 10)
        c.drawCentredString(x, 518, day)
    return _in_form(c, buf, path, form)


@pytest.mark.parametrize("form", FORMS)
def test_a_row_of_captions_over_a_row_of_dates_tells_them_apart_across_a_timeline(world, tmp_path, form):
    s = ingest(world, _timeline(tmp_path / "c.pdf", form))
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert (credit["certificant_id"], credit["course_number"], credit["completion_date"]) == (
        "111256", "CS40112", "2026-02-14")


def _status_transcript(path: Path, form: str, statuses: tuple[str, str, str], angle: float = 0.4,
                       heads: tuple[str, str] = ("Started", "Completed")) -> Path:
    """An LMS transcript of three catalogue courses, one row each: title, ACE course #, status,
    started, completed, CECs; only a completed row has a completion date and credit."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(50, 730, "My Transcript")
    c.setFont("Helvetica", 10)
    c.drawString(50, 705, "Learner: Sean Dimitrov")
    c.drawString(300, 705, "ACE certification #: 111256")
    xs = (50, 220, 310, 390, 470, 545)
    c.setFont("Helvetica-Bold", 9)
    for x, head in zip(xs, ("Course", "ACE course #", "Status", *heads, "CECs")):
        c.drawString(x, 670, head)
    c.setFont("Helvetica", 9)
    courses = (("Balance and Fall Prevention", "CA24455", "0.5"), ("Behavior Change Coaching", "CS40112", "0.8"),
               ("Strength Coaching Principles", "CP55013", "0.9"))
    for i, ((title, number, cecs), status) in enumerate(zip(courses, statuses)):
        y = 645 - 24 * i
        done = status == "Completed"
        for x, cell in zip(xs, (title, number, status, f"0{i + 1}/0{2 + i}/2026",
                                f"0{i + 2}/1{i + 4}/2026" if done else "-", cecs if done else "-")):
            c.drawString(x, y, cell)
    return _in_form(c, buf, path, form, angle)


@pytest.mark.parametrize("form, angle", [("text", 0), pytest.param("scan", 0.4, marks=needs_tesseract),
                                         pytest.param("scan", -1.5, marks=needs_tesseract)])
def test_the_row_of_a_transcript_marked_completed_is_the_course(world, tmp_path, form, angle):
    # Askew, OCR parts the header row and the rows into lines: they are followed along the slope.
    s = ingest(world, _status_transcript(tmp_path / "c.pdf", form, ("In progress", "Completed", "Not started"),
                                         angle=angle))
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert (credit["certificant_id"], credit["course_number"], credit["completion_date"]) == (
        "111256", "CS40112", "2026-03-15")


@pytest.mark.parametrize("statuses", [("Completed", "Completed", "Not started"), ("", "", "")],
                         ids=["two rows completed", "no status"])
def test_guard_a_transcripts_first_row_is_not_taken_for_the_course(world, tmp_path, statuses):
    # Under an "ACE course #" heading the first cell was taken as the page's course number.
    row = row_of(_status_transcript(tmp_path / "c.pdf", "text", statuses))
    assert "course numbers in one column" in row["review"]
    s = ingest(world, _status_transcript(tmp_path / "d.pdf", "text", statuses))
    assert s["credits"] == 0


def _comb_form(path: Path, form: str) -> Path:
    """A form filled in one character to a box: surname, first name, ACE ID, course number, date."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, 730, "Riverside Health Academy - Continuing Education Training Record")
    y = 690
    for caption, value in (("1. Surname", "DIMITROV"), ("2. First name", "SEAN"), ("3. ACE certification number", "111256"),
                           ("4. ACE course number", "CS40112"), ("5. Date course completed", "02/14/2026")):
        c.setFont("Helvetica", 8)
        c.drawString(60, y, caption)
        c.setFont("Helvetica", 12)
        for i, ch in enumerate(value.ljust(12)):
            x = 60 + 18 * i
            c.rect(x, y - 24, 18, 18, stroke=1, fill=0)
            if ch != " ":
                c.drawCentredString(x + 9, y - 19, ch)
        y -= 56
    return _in_form(c, buf, path, form)


def test_a_form_filled_in_one_character_to_a_box_is_read_as_words(world, tmp_path):
    # Text layer only: on a scan the boxes' sides read as letters ("[oT [myifrfRfofv]"), a known limit.
    s = ingest(world, _comb_form(tmp_path / "c.pdf", "text"))
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert (credit["certificant_id"], credit["course_number"], credit["completion_date"]) == (
        "111256", "CS40112", "2026-02-14")


@pytest.mark.parametrize("label", ["ACECECs", "ACECEUs"])
def test_a_credit_label_ocr_ran_together_is_still_its_label(tmp_path, label):
    # "ACE CECs" over "2.0" on a scanned panel came back as one word, "ACECECs".
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        "Certificate of Attendance", "Attendee: Lena Fischer", "ACE event no. CA245010", "Held on October 12, 2025",
        "CPD hours: 20", f"{label}: 1.8"]))
    assert row["read"]["fields"]["ceus"]["value"] == "1.8"


def _wide_rows_scan(path: Path, angle: float) -> Path:
    """A certificate whose hours are given in wide rows, each label at the left margin and its
    value at the right, scanned ANGLE degrees askew: far enough that each value stands on a line
    of its own (and the other fields read whole, so the page is not read again levelled)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, 720, "Riverside Health Academy - Certificate of Completion")
    c.setFont("Helvetica", 11)
    for i, text in enumerate(("Participant: Sean Dimitrov", "ACE ID: 111256", "Behavior Change Coaching (CS40112)",
                              "Date of completion: 02/14/2026")):
        c.drawString(60, 680 - 20 * i, text)
    rows = (("Session hours on day one", "13"), ("Total contact hours", "18"), ("Session hours on day two", "15"))
    for i, (label, value) in enumerate(rows):
        y = 580 - 30 * i
        c.drawString(60, y, label)
        c.drawRightString(552, y, value)
    return _in_form(c, buf, path, "scan", angle)


@needs_tesseract
@pytest.mark.parametrize("angle", [1.6, -1.6])
def test_a_value_a_skewed_scan_sets_on_a_line_of_its_own_is_its_labels(tmp_path, angle):
    row = row_of(_wide_rows_scan(tmp_path / "c.pdf", angle))
    assert row["read"]["hours"] == "18"         # not the 13 or 15 of the rows beside it
    assert row["certificant_id"] == "111256" and row["course_number"] == "CS40112"


def test_guard_a_completed_rows_dates_with_no_completion_heading_go_to_staff(world, tmp_path):
    # "Enrolled" and "Date": neither heading says which of the row's dates is the completion.
    path = _status_transcript(tmp_path / "c.pdf", "text", ("In progress", "Completed", "Not started"),
                              heads=("Enrolled", "Date"))
    row = row_of(path)
    assert row["course_number"] == "CS40112"
    assert "no heading over one of them says it is the completion" in row["review"]
    assert ingest(world, _status_transcript(tmp_path / "d.pdf", "text", ("In progress", "Completed", "Not started"),
                                            heads=("Enrolled", "Date")))["credits"] == 0


def test_a_speck_read_as_a_cell_between_a_label_and_its_value_is_passed_over(tmp_path):
    # "Total contact hours attended | : | 15": the colon stood alone as a cell of its own.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Certificate of Attendance"), (72, 690, "Attendee: Lena Fischer"),
        (72, 670, "ACE event number CA245010, held October 10-12, 2025"),
        (72, 640, "Total contact hours attended"), (330, 640, ":"), (520, 640, "15")]))
    assert row["read"]["hours"] == "15"



def _table_pdf(path: Path, head: list[str], rows: list[tuple[str, str]], after: list[str]) -> Path:
    """A page: HEAD lines, then a two-column table (text at 72, value at 400), then AFTER lines."""
    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    c.setFont("Helvetica", 12)
    y = 720
    for text in head:
        c.drawString(72, y, text)
        y -= 24
    for text, value in rows:
        c.drawString(72, y, text)
        c.drawString(400, y, value)
        y -= 20
    y -= 10
    for text in after:
        c.drawString(72, y, text)
        y -= 24
    c.showPage()
    c.save()
    return path


def test_the_total_row_of_an_amounts_column_is_the_credit(tmp_path):
    path = _table_pdf(tmp_path / "c.pdf", [
        "CEC Statement", "Name: Sean Dimitrov", "ACE course number: CS40112", "Date of completion: 02/14/2026"],
        [("Domain", "CECs"), ("Domain 1: Assessments", "0.4"), ("Domain 2: Program Design", "0.2"),
         ("Domain 3: Progression", "0.2"), ("Total CECs for this course", "0.8")], [])
    row = row_of(path)
    assert row["ceus"] == "0.8"
    assert row["read"]["fields"]["ceus"]["label"] == "the total of the column under 'CECs'"


@pytest.mark.parametrize("caption, day", [("COMPLETED (MM.DD.YY)", "2025-03-04"), ("COMPLETED (DD.MM.YY)", "2025-04-03"),
                                          ("COMPLETED", None)])
def test_a_dotted_date_with_a_two_digit_year_is_a_date_where_a_caption_says_so(tmp_path, caption, day):
    # A poster's figures: "03.04.25 | 1.6 | CEP521200" over "COMPLETED (MM.DD.YY) | ACE CECs | ACE COURSE".
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Name: Christopher Kowalski"), (72, 600, "03.04.25"), (250, 600, "1.6"), (400, 600, "CEP521200"),
        (72, 585, caption), (250, 585, "ACE CECs"), (400, 585, "ACE COURSE")]))
    if day is None:
        assert row["completion_date"] is None       # no caption says "03.04.25" is a date
    else:
        assert parse_date(row["completion_date"]).value.isoformat() == day and not row["review"]


@pytest.mark.parametrize("note, day", [("DATES ARE MONTH · DAY · YEAR", "2026-03-05"),
                                       ("DATES ARE DAY · MONTH · YEAR", None), ("", None)])
def test_a_date_with_middle_dots_is_a_date_where_the_page_says_it_writes_dates_so(tmp_path, note, day):
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Name: Ayesha Fleming"), (72, 600, "ACE COURSE"), (250, 600, "CECS"), (400, 600, "COMPLETED"),
        (72, 585, "CP 55230"), (250, 585, "0.6"), (400, 585, "03 · 05 · 2026"), (72, 560, note)]))
    if day is None:
        assert row["completion_date"] is None
    else:
        assert parse_date(row["completion_date"]).value.isoformat() == day and not row["review"]


def test_date_words_of_other_languages_tell_a_completion_from_a_birth_and_a_days_twins_agree(tmp_path):
    # An Italian attestato: born ("nato/a il"), attended ("ha frequentato ... in data"), and the
    # place and day it was signed; its dates day first, as it says.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "ATTESTATO di partecipazione"), (72, 690, "Si attesta che Noah Delgado"),
        (72, 670, "nato/a il 17/02/1963 - codice di certificazione ACE n. 161556"),
        (72, 650, "ha frequentato con profitto il corso Mobility for Desk Workers, numero CL10311,"),
        (72, 635, "in data 13/12/2025, per una durata complessiva di 3 ore di formazione."),
        (300, 600, "Milano, 20/12/2025"), (72, 560, "Dates are day/month/year.")]))
    assert parse_date(row["completion_date"]).value.isoformat() == "2025-12-13"
    assert "completion date" not in (row["review"] or "")
    # A Portuguese certificate's day, day first ("realizado em 20/12/2025"), and again in English:
    # one day called the completion twice, taken as it reads.
    row = row_of(placed_pdf(tmp_path / "d.pdf", [
        (72, 720, "CERTIFICADO"), (72, 690, "Certificamos que Rosa Abernathy participou do curso Sports Nutrition,"),
        (72, 675, "realizado em 20/12/2025, com carga horaria de 6 horas."),
        (72, 640, "Certificate of completion: Rosa Abernathy completed Sports Nutrition on 20 December 2025."),
        (72, 620, "ACE course code: CEP 31415")]))
    assert row["completion_date"] == "20 December 2025" and "completion date" not in (row["review"] or "")


def test_the_only_date_read_is_a_guess_when_a_completion_label_is_followed_by_marks_and_a_stamp_unread(tmp_path):
    # A punch card: "Card issuéd 06/08/2025" (the accent OCR's), and "Course completed on (date
    # stamp):" with the stamp beside it read as "AUG 0320". The card's day had been posted.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "CE HOURS PUNCH CARD"), (72, 700, "ACE course no. CS 410260"), (72, 680, "Card holder: Ingrid Bishop"),
        (72, 660, "Card issuéd 06/08/2025 valid until 06/07/2026 not transferable"),
        (72, 620, "Course completed on (date stamp):"), (330, 620, "AUG 0320")]))
    assert row["completion_date"] == "06/08/2025"         # pre-filled for staff, not posted
    assert "is pre-filled as a guess: it is the only date read" in row["review"]


def test_a_unit_counted_is_no_label_and_hours_punched_are_hours(tmp_path):
    # A punch card: "One punch = one contact hour attended" over the grid of holes' numbers; the
    # hours are after "Contact hours punched". The grid's 7 had been the credit.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "CE HOURS PUNCH CARD"), (72, 700, "ACE course no. CS 52133"),
        (300, 700, "One punch = one contact hour attended"),
        *[(300 + 30 * k, 685, str(k + 6)) for k in range(5)],
        (72, 640, "Card holder: Siobhan O'Connor"), (72, 600, "Contact hours punched"), (250, 600, "5"),
        (72, 580, "Course completed on: October 30, 2026")]))
    assert row["read"]["hours"] == "5" and row["ceus"] == Decimal("0.5")


def test_a_page_number_under_a_running_foot_is_no_credit(tmp_path):
    # A declaration on pleading paper: its foot "DECLARATION RE: CONTINUING EDUCATION CREDIT" over "- 1 -".
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Our records show that DELGADO, Chloe, ACE certification number 177636,"),
        (72, 705, "completed the course Behavior Change Coaching, ACE course CS 40112, on March 3, 2025."),
        (72, 690, "The course comprised 8 contact hours of instruction."),
        (200, 60, "DECLARATION RE: CONTINUING EDUCATION CREDIT"), (290, 45, "- 1 -")]))
    assert row["read"]["hours"] == "8" and row["ceus"] == Decimal("0.8")


def test_an_order_given_in_middle_dots_for_a_roman_date_states_no_order_of_the_pages_numeric_dates(tmp_path):
    # "XII · V · MMXXVI" over "DIES · MENSIS · ANNUS (day · month · year of completion)", and below
    # "Date of completion 05/12/2026": the roman date's order is no word on the numeric one (May 12).
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Certificate of Completion awarded to Chloe Okonkwo"), (72, 700, "ACE course CS41207 - 0.9 CECs"),
        (72, 660, "XII · V · MMXXVI"), (72, 640, "DIES · MENSIS · ANNUS (day · month · year of completion)"),
        (72, 600, "Date of completion 05/12/2026 · issued 05/12/2026")]))
    assert parse_date(row["completion_date"]).value.isoformat() == "2026-05-12"
    assert "completion date" not in (row["review"] or "")


def _app_screen(path: Path, dates: list[str], title: str = "Certificate", top: str | None = None) -> Path:
    """A phone app's certificate screen whose grey labels were lost: TITLE set large, then the
    values alone on their lines, DATES among them; TOP, a screenshot's file name, over it all."""
    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    if top:
        c.setFont("Helvetica", 9)
        c.drawString(72, 740, top)
    c.setFont("Helvetica-Bold", 22)
    c.drawString(72, 690, title)
    c.setFont("Helvetica", 12)
    values = ["Name: Jamal Donovan", "jdonovan@example.org", "ACE course CL10355", dates[0], "0.4 CEC", *dates[1:]]
    for k, v in enumerate(values):
        c.drawString(72, 640 - 24 * k, v)
    c.showPage()
    c.save()
    return path


def test_a_day_and_its_anniversary_with_no_word_for_either_complete_on_the_first(tmp_path):
    # The same day a year on (or the day before it, two years on) is when a certificate runs out.
    for later in ("Dec 21, 2026", "Dec 20, 2027"):
        row = row_of(_app_screen(tmp_path / "c.pdf", ["Dec 21, 2025", later]))
        assert row["completion_date"] == "Dec 21, 2025" and not row["review"], later
    # Two days with nothing telling them apart, neither the other's anniversary: staff decide.
    row = row_of(_app_screen(tmp_path / "d.pdf", ["Dec 21, 2025", "Jan 5, 2026"]))
    assert "no word says which is the completion" in row["review"]


def test_a_large_completion_caption_apart_from_the_only_date_still_doubts_it(tmp_path):
    # "Course completed" set large over the values may be a screen's title, or a rubber stamp whose
    # own date was not read ("COURSE COMPLETED / NOV 03 2026" askew over an office box, beside
    # "Exam received 11/01/2026" whose label OCR glued): the only date read stays a guess.
    row = row_of(_app_screen(tmp_path / "c.pdf", ["Dec 21, 2025"], title="Course completed"))
    assert "printed by 'Course completed', and was not read there" in row["review"]


def test_a_screenshots_file_name_dates_no_course(tmp_path):
    row = row_of(_app_screen(tmp_path / "c.pdf", ["Jun 24, 2026"], top="Screenshot 2026-07-05 at 9.50.50 AM.png"))
    assert row["completion_date"] == "Jun 24, 2026" and not row["review"]


def test_a_planners_week_and_an_exports_day_are_other_days_and_an_aside_parts_no_label_from_its_value(tmp_path):
    # A conference app's planner printed as a week view: the week's range, the event's day on its
    # course line, the hours after a label with an aside in brackets, and the day it was exported.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "My Planner | Week of Mon, Nov 3 - Sun, Nov 9, 2025"),
        (72, 700, "Summit Regional Day: Healthy Aging - November 8, 2025 - ACE event CEP-13579"),
        (72, 680, "Attendee: Anna-Lena Hoffmann"), (300, 680, "ACE ID: 134473"),
        (72, 400, "CE hours attended (badge scans): 15"), (72, 380, "Registered 10/09/2025 - exported 12/06/2025")]))
    assert row["completion_date"] == "November 8, 2025"
    assert row["read"]["hours"] == "15"
    assert not row["review"]


def test_of_two_bare_date_labels_the_one_on_the_course_row_dates_the_course(tmp_path):
    # A fax cover sheet ("Date: 07/06/2026", the day it was sent) over the certificate it carries,
    # whose course line ends "Date: 6/30/2026".
    def page(name: str, cover_line: str) -> dict:
        return row_of(placed_pdf(tmp_path / name, [
            (72, 720, "FAX Cover sheet"), (72, 700, "To: ACE Certification Department"),
            (72, 680, "From: Francois Lefevre"), (72, 660, cover_line), (72, 640, "Pages: 2"),
            (72, 560, "Certificate of Completion"), (72, 540, "presented to Francois Lefevre, ACE ID 131432"),
            (72, 500, "ACE Course # CEP124680 - 0.7 CECs - Date: 6/30/2026")]))

    row = page("c.pdf", "Date: 07/06/2026")
    assert row["completion_date"] == "6/30/2026" and not row["review"]
    # A day labelled the completion elsewhere is not overruled by the course's row: staff decide.
    row = page("d.pdf", "Date completed: 07/06/2026")
    assert row["completion_date"] == "07/06/2026" and "stands on a row dated 6/30/2026" in row["review"]


def test_a_date_word_just_before_the_next_date_is_that_dates_word(tmp_path):
    # A form response's approval note: "Credit approved by ... on" / "02/07/2025: ACE course CL 10298,
    # 0.7 CECs, completed January 12, 2025." Its "completed" had called both dates the completion.
    from cec_batch.readers.cert_fields import _without_next_dates_word

    assert _without_next_dates_word(": ACE course CL 10298, 0.7 CECs, completed ") == ": ACE course CL 10298, 0.7 CECs, "
    assert _without_next_dates_word(" completed; printed on ") == " completed; "
    assert _without_next_dates_word(" completed, and the certificate mailed ") == " completed, and the certificate "
    assert _without_next_dates_word(" completed at the studio; see also ") == " completed at the studio; see also "
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "CE Credit Claim"), (72, 690, "Full name: Emeka Costa"),
        (72, 660, "Attendance checked against the class roster. Credit approved by the registrar on"),
        (72, 645, "02/07/2025: ACE course CL 10298, 0.7 CECs, completed January 12, 2025.")]))
    assert row["completion_date"] == "January 12, 2025"
    assert not row["review"]
    # The day given above by its label, printed again as the completion on the course's row: that
    # row is dated by the same day, not by the approval's.
    row = row_of(placed_pdf(tmp_path / "d.pdf", [
        (72, 720, "CE Credit Claim"), (72, 690, "Full name: Emeka Costa"),
        (72, 660, "Date you completed the course"), (72, 640, "01/12/2025"),
        (72, 600, "Attendance checked against the class roster. Credit approved by the registrar on"),
        (72, 585, "02/07/2025: ACE course CL 10298, 0.7 CECs, completed January 12, 2025.")]))
    assert row["completion_date"] == "01/12/2025"
    assert not row["review"]


def test_a_roomy_sign_off_tables_total_with_its_unit_is_the_credit(tmp_path):
    # A workshop's daily sign-off: rows set far apart under "Contact hours", each day's 4, and a
    # total row stating its unit ("12 contact hours"). The first day's 4 had been the credit.
    items = [(72, 720, "Workshop Attendance Sign-off"), (72, 700, "Participant: Sean Dimitrov"),
             (72, 680, "ACE course CS40112, June 3-5, 2026"), (72, 600, "Day"), (200, 600, "Date"),
             (400, 600, "Contact hours")]
    for k, day in enumerate(["06/03/2026", "06/04/2026", "06/05/2026"]):
        items += [(72, 560 - 40 * k, str(k + 1)), (200, 560 - 40 * k, day), (400, 560 - 40 * k, "4")]
    items += [(72, 440, "Total"), (400, 440, "12 contact hours"),
              (72, 400, "The workshop is completed on its last day.")]
    row = row_of(placed_pdf(tmp_path / "c.pdf", items))
    assert row["read"]["hours"] == "12"
    assert row["ceus"] == Decimal("1.2")
    assert row["read"]["fields"]["ceus"]["label"].startswith("the total of the column under 'Contact hours'")


def test_an_amounts_column_without_a_total_row_stays_in_doubt(tmp_path):
    path = _table_pdf(tmp_path / "c.pdf", [
        "CEC Statement", "Name: Sean Dimitrov", "ACE course number: CS40112", "Date of completion: 02/14/2026"],
        [("Domain", "CECs"), ("Domain 1: Assessments", "0.4"), ("Domain 2: Program Design", "0.2"),
         ("Domain 3: Progression", "0.2")], [])
    row = row_of(path)
    assert row["ceus"] == "0.4"
    assert "3 amounts in one column under 'CECs'" in row["read"]["fields"]["ceus"]["doubt"]


@pytest.mark.parametrize("last,posts", [("January 23, 2025", True), ("January 30, 2025", False)])
def test_a_column_of_session_dates_takes_the_day_a_sentence_calls_the_completion(tmp_path, last, posts):
    path = _table_pdf(tmp_path / "c.pdf", [
        "Record of Completion", "Participant: Sean Dimitrov", "ACE course no.: CS40112", "CECs: 0.8"],
        [("Session", "Sessions attended"), ("Session 1:", "Thu, Jan 2, 2025"), ("Session 2:", "Thu, Jan 9, 2025"), ("Session 3:", "Thu, Jan 16, 2025"),
         ("Session 4:", "Thu, Jan 23, 2025")],
        [f"Course completed at the final session: {last}"])
    row = row_of(path)
    if posts:
        assert row["completion_date"] == last and not row["review"]
    else:                       # a day the column does not hold: the sessions stay with staff
        assert row["review"] and "dates in one column under 'attended'" in row["review"]


@pytest.mark.parametrize("heading, posts", [("ACE event no. CA245010", True), ("ACE course no. CA24455", False)])
def test_an_events_days_each_called_the_completion_complete_on_the_last(world, tmp_path, heading, posts):
    # A CE passport: each session's day stamped "ATTENDED". The reader cannot tell which counts;
    # the catalogue says CA245010 is an event, and an event completes on its last day. For a
    # course that is no event the days stay with staff.
    path = text_pdf(tmp_path / "c.pdf", [
        ("CE PASSPORT", 20), heading, "Passport holder: Paolo Ramirez", "ACE ID: 193059",
        "ATTENDED 10 OCT 2025", "ATTENDED 11 OCT 2025", "ATTENDED 12 OCT 2025", "CECs: 1.2"])
    s = ingest(world, path)
    if posts:
        assert s["credits"] == 1, exceptions_data(world)
        [credit] = export(world, tmp_path, "credits")
        assert (credit["course_number"], credit["completion_date"]) == ("CA245010", "2025-10-12")
    else:
        assert s["credits"] == 0
        [exc] = exceptions_data(world)
        assert "3 dates are each called the completion" in exc["detail"]


@pytest.mark.parametrize("form", ["text", "scan"])
def test_a_forwarded_emails_sent_date_is_not_the_completion(world, tmp_path, form):
    # The provider's email, forwarded: its header's "Date:" is when it was sent (a time of day after
    # it), the day after the course; the completion is in the prose, wrapped across two lines,
    # its verb ("completing") far back in the sentence.
    path = page_pdf(tmp_path, form, [
        "---------- Forwarded message ---------", "From: Acme Fitness Education <noreply@acme.example>",
        "Date: Fri, Feb 13, 2026 at 9:15 AM", "Subject: Your course completion", "Hi Sean Dimitrov,",
        "Congratulations on completing Behavior Change Coaching Level Two (ACE course CS40112) on February",
        "12, 2026. The course is approved for 0.8 CECs."])
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert credit["completion_date"] == "2026-02-12"


def test_guard_an_emails_sent_date_alone_is_not_posted_as_the_completion(world, tmp_path):
    path = text_pdf(tmp_path / "c.pdf", [
        "From: Acme Fitness Education <noreply@acme.example>", "Date: Fri, Feb 13, 2026 at 9:15 AM",
        "Subject: Certificate of Completion", "Name: Sean Dimitrov", "ACE course: CS40112", "0.8 CECs"])
    s = ingest(world, path)
    assert s["credits"] == 0
    [exc] = exceptions_data(world)
    assert exc["kind"] == "needs_review" and "completion date" in exc["detail"]


def test_a_semicolon_ocr_read_for_the_comma_before_a_written_dates_year(world, tmp_path):
    # A scan's "August 9, 2025" read "August 9; 2025", wrapped on to the next line of a clause.
    path = text_pdf(tmp_path / "c.pdf", [
        "ATTESTATION OF COURSE COMPLETION", "1. The participant is Sean Dimitrov.",
        "2. The participant completed every module and the final assessment of that course on August",
        "9; 2025.", "3. The course is approved by the American Council on Exercise as course CS40112.",
        "4. The participant has earned 0.8 continuing education credits (CECs) for the course.",
        "Signed on August 12, 2025."])
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert credit["completion_date"] == "2025-08-09"


@pytest.mark.parametrize("words", ["Total contact hours stamped", "Total contact hours logged",
                                   "Total contact hours recorded", "Contact hours credited", "CE hours granted"])
def test_total_contact_hours_stamped_logged_or_recorded_are_the_credit(tmp_path, words):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        "CE PASSPORT", "Passport holder: Paolo Ramirez", "ACE event no. CA245010", "Completed on 10/12/2025",
        f"{words}: 12"]))
    assert row["ceus"] == Decimal("1.2")


def _class_roster(path: Path, form: str, holder: tuple[str, str] | None) -> Path:
    """A class roster sent to each participant: HOLDER (name, ID) printed above the table, or
    nothing above it. Two of its four rows are certificants (Lena Eriksen, Sean Dimitrov)."""
    items = [(72, 720, "Acme Fitness Education"), (72, 700, "Class Completion Roster"),
             (72, 640, "ACE course no.: CS40112"), (72, 620, "Class date (completion): February 14, 2026"),
             (72, 600, "CECs per participant: 0.8"),
             (72, 560, "Last name"), (200, 560, "First name"), (330, 560, "ACE cert. no."), (450, 560, "Result")]
    rows = [("Abernethy", "Quill", "167910"), ("Eriksen", "Lena", "146238"), ("Dimitrov", "Sean", "111256"),
            ("Stroud", "Ferris", "130244")]
    for i, (last, first, cid) in enumerate(rows):
        y = 536 - 22 * i
        items += [(72, y, last), (200, y, first), (330, y, cid), (450, y, "Completed")]
    if holder:
        items += [(72, 680, f"Copy for: {holder[0]}"), (300, 680, f"ACE certification no. {holder[1]}")]
    return placed_page(path, form, items)


def placed_page(path: Path, form: str, items: list[tuple[float, float, str]]) -> Path:
    """`placed_pdf`, or for FORM "scan" that page scanned."""
    placed_pdf(path, items)
    if form == "scan":
        doc = pdfium.PdfDocument(str(path))
        img = doc[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
        doc.close()
        scan_pdf(path, scanned(img))
    return path


@pytest.mark.parametrize("form", FORMS)
def test_a_name_column_over_several_rows_is_no_holder_and_the_page_names_one_elsewhere(world, tmp_path, form):
    path = _class_roster(tmp_path / "c.pdf", form, ("Sean Dimitrov", "111256"))
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert (credit["certificant_id"], credit["course_number"], credit["completion_date"]) == \
        ("111256", "CS40112", "2026-02-14")


def test_guard_a_roster_that_names_no_holder_goes_to_review(world, tmp_path):
    # Both certificants in the table completed; the page does not say whose certificate it is.
    row = row_of(_class_roster(tmp_path / "c.pdf", "text", None))
    assert not row["full_name"] and not row["last_name"]
    assert "4 names in one column under 'First name'" in row["review"]
    s = ingest(world, tmp_path / "c.pdf")
    assert s["credits"] == 0
    [exc] = exceptions_data(world)
    assert exc["kind"] == "needs_review" and "Lena Eriksen" in exc["detail"] and "Sean Dimitrov" in exc["detail"]


def test_guard_a_heading_naming_both_the_completion_and_another_day_tells_neither(world, tmp_path):
    # A CSV file printed from a text editor: its header's "completed_at,certificate_issued_at" stands
    # over the first date, and the second wrapped on to the next line. Before, the first was taken for
    # the issue date and the second, with no word of its own, posted as the completion.
    path = placed_pdf(tmp_path / "c.pdf", [
        (40, 700, "learner_id,first_name,last_name,course_number,completed_at,certificate_issued_at,ceus"),
        (40, 684, "111256,Sean,Dimitrov,CS40112,2026-02-14T17:52:11Z,"), (40, 668, "2026-02-17T16:48:34Z,0.8")])
    s = ingest(world, path)
    assert s["credits"] == 0
    [exc] = exceptions_data(world)
    assert exc["kind"] == "needs_review" and "no word says which is the completion" in exc["detail"], exc


@pytest.mark.parametrize("form", FORMS)
def test_a_day_first_date_under_a_caption_saying_so_posts_as_the_day_it_means(world, tmp_path, form):
    path = page_pdf(tmp_path, form, [
        "Dublin Education Centre", ("Training Record", 22), "Participant name: Sean Dimitrov",
        "ACE certification number: 111256", "ACE course number: CS40112", "Date completed (DD/MM/YYYY): 20/02/2026"])
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert credit["completion_date"] == "2026-02-20"


def _lms_report(path: Path, form: str, completed_heading: str) -> Path:
    """An LMS report of a course's learners: a status column left of the day each started, and the
    day each completed under COMPLETED_HEADING. Sean Dimitrov alone completed."""
    items = [(40, 720, "Learning Portal - Course Completion Report"),
             (40, 700, "Course: Strength Training Basics (ACE course CS 40112, 0.8 CECs on completion)"),
             (40, 660, "Learner"), (170, 660, "Learner ID"), (250, 660, "Status"), (340, 660, "Started"),
             (460, 660, completed_heading)]
    rows = [("Abernethy, Quill", "167910", "In progress", "2026-01-20 10:04", "-"),
            ("Dimitrov, Sean", "111256", "Completed", "2026-01-28 16:34", "2026-02-14 08:11"),
            ("Stroud, Ferris", "130244", "Not started", "-", "-")]
    for k, row in enumerate(rows):
        items += [(x, 636 - 24 * k, text) for x, text in zip((40, 170, 250, 340, 460), row)]
    return placed_page(path, form, items)


@pytest.mark.parametrize("form", FORMS)
def test_a_tables_completed_on_column_is_the_completion_not_the_day_right_of_a_completed_status(
        world, tmp_path, form):
    s = ingest(world, _lms_report(tmp_path / "c.pdf", form, "Completed On"))
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert (credit["certificant_id"], credit["completion_date"]) == ("111256", "2026-02-14")


def test_guard_a_completed_status_is_no_label_of_the_started_day_beside_it(world, tmp_path):
    # Before, "Completed | 2026-01-28 16:34" read as a label and its timestamp: the day the course
    # was started was posted as its completion.
    s = ingest(world, _lms_report(tmp_path / "c.pdf", "text", "Certificate"))
    assert s["credits"] == 0
    [exc] = exceptions_data(world)
    assert exc["kind"] == "needs_review" and "completion date" in exc["detail"], exc


def test_guard_a_year_first_date_run_into_its_time_is_a_date_unread_beside_the_only_one(tmp_path):
    # A faxed CSV line: the completion's timestamp read "2025 -10-24715:22:53Z" (its "T" a 7), so the
    # one date read is the certificate's issue. It is pre-filled for staff, not taken as the only date.
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        "learner_id, first_name, last_name, course_number, completed_at, certificate_issued_at, ceus",
        "111256,Sean,Dimitrov,CS40112,", "2025 -10-24715:22:53Z, 2025-10-25T15:18:33Z,0.8"]))
    assert row["completion_date"] == "2025-10-25"
    assert "it is the only date read, but '2025 -10-24' looks like another date that could not be read" in \
        row["review"]


def test_a_backslash_ocr_read_for_the_space_between_two_words_is_the_space():
    # A fax's "on Thursday the 18th\of September 2025": the date was not read, and the letter's own
    # date, the only one left, was posted as the completion.
    from cec_batch.readers.cert_layout import ocr_segments

    words = ["on", "Thursday", "the", "18th\\of", "September", "2025,", "C:\\", "a\\_b"]
    segs = ocr_segments([ocr.Word(w, 95, 100 + 150 * i, 100, 120, 30, 1, 1, 1) for i, w in enumerate(words)])
    assert " ".join(s.text for s in segs) == "on Thursday the 18th of September 2025, C:\\ a\\_b"


@pytest.mark.parametrize("form", FORMS)
def test_an_events_range_holding_every_day_listed_completes_on_its_last_day(world, tmp_path, form):
    path = page_pdf(tmp_path, form, [
        "Coastal Movement Retreat 2026", "April 24-26, 2026 - Coastal Movement Studio",
        "Attendee: Sean Dimitrov    ACE ID: 111256", "ACE event number: CL-10502",
        "Day 1    Fri, Apr 24, 2026    Keynote and labs", "Day 2    Sat, Apr 25, 2026    Workshops",
        "Continuing education credits earned: 1.2 CECs"])
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    [credit] = export(world, tmp_path, "credits")
    assert (credit["course_number"], credit["completion_date"], credit["ceus"]) == ("CL10502", "2026-04-26", "1.2")


def test_guard_a_date_outside_the_events_range_leaves_the_completion_to_staff(tmp_path):
    row = row_of(text_pdf(tmp_path / "c.pdf", [
        "Coastal Movement Retreat 2026", "April 24-26, 2026 - Coastal Movement Studio",
        "Attendee: Sean Dimitrov", "ACE event number: CL-10502", "Day 1    Fri, Apr 24, 2026",
        "Sat, May 9, 2026", "1.2 CECs"]))
    assert "no word says which is the completion" in row["review"]


@pytest.mark.parametrize("award, posted", [("February 18, 2026", "2026-02-14"), ("February 10, 2026", None)])
def test_a_date_of_award_after_the_course_completed_is_not_a_second_completion(world, tmp_path, award, posted):
    # An award conferred days after the course: the course's completion counts. An award dated
    # before the completion it follows says something is wrong: staff decide.
    path = text_pdf(tmp_path / "c.pdf", [
        "NORTHSTAR NUTRITION INSTITUTE", ("Award of Continuing Education", 20), "conferred upon",
        ("SEAN DIMITROV", 24), "on completing the course Strength Training Basics", "Course ref. ACE CS-40112",
        "Course completed: February 14, 2026", f"Date of award: {award}"])
    s = ingest(world, path)
    if posted:
        assert s["credits"] == 1, exceptions_data(world)
        assert export(world, tmp_path, "credits")[0]["completion_date"] == posted
    else:
        assert s["credits"] == 0
        assert "each called the completion" in exceptions_data(world)[0]["detail"]


def test_a_date_wrapped_in_prose_beside_a_column_whose_lines_interleave_with_it(tmp_path):
    # A certificate's sentence beside a retreat's itinerary: the itinerary's line falls between
    # "held April 24-26," and "2026, an event ...".
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 700, "Certificate of Participation"), (72, 670, "This is to honour Lena Fischer"),
        (72, 640, "for taking part in Coastal Movement Retreat 2026, held April 24-26,"), (480, 632, "7:00 Clinic"),
        (72, 624, "2026, an event approved by ACE as event number CL10502."), (72, 580, "1.5 CECs earned"),
        (72, 540, "Issued Apr 27, 2026")]))
    assert row["completion_date"] == "April 26, 2026"
    assert "completion date" not in (row["review"] or "")


@pytest.mark.parametrize("form", FORMS)
def test_a_date_written_out_in_words_in_a_diplomas_prose(world, tmp_path, form):
    path = page_pdf(tmp_path, form, [
        "Harbor Strength Academy", ("Be it known that", 16), ("Sean Dimitrov", 28),
        "having completed Strength Training Basics (ACE course CS40112)",
        "on the fourteenth day of February, two thousand twenty-six,", "is awarded this certificate."])
    s = ingest(world, path)
    assert s["credits"] == 1, exceptions_data(world)
    assert export(world, tmp_path, "credits")[0]["completion_date"] == "2026-02-14"


def test_words_of_a_date_read_as_the_day_they_name():
    from cec_batch.readers.cert_vocabulary import WORD_DATE_RE, word_date

    for text, day in [("the thirteenth day of February, two thousand twenty-five", "February 13, 2025"),
                      ("this twenty-first day of May in the year 2026", "May 21, 2026"),
                      ("the first day of June two thousand and twenty six", "June 1, 2026"),
                      ("the thirtieth day of April, 2026", "April 30, 2026")]:
        assert word_date(WORD_DATE_RE.search(text)) == day
    assert WORD_DATE_RE.search("the first day of class") is None


def test_a_carbon_forms_copy_legend_is_no_name():
    # "PARTICIPANT COPY — YELLOW   OFFICE COPY — WHITE" down the margin of a carbonless form was
    # taken for the name when the handwritten one was read poorly.
    from cec_batch.readers.cert_fields import _name_runs

    text = "PARTICIPANT COPY — YELLOW OFFICE COPY — WHITE"
    assert [text[a:b] for a, b in _name_runs(text)] == []
    text = "OFFICE COPY Barry White"
    assert [text[a:b] for a, b in _name_runs(text)] == ["Barry White"]


@needs_tesseract
@pytest.mark.parametrize("angle", [0.4, 1.2])
def test_a_scanned_total_row_parted_from_its_figure_by_the_skew_is_the_credit(tmp_path, angle):
    # "Total CECs earned" at the left margin and its "0.8" far right: OCR made two lines of them.
    items = [(72, 700, "Attendee CE Report - Summit Wellness Conference 2026"), (72, 680, "Attendee: Lena Fischer"),
             (72, 660, "ACE event number: CEP-246810"), (72, 620, "Session"), (300, 620, "Minutes"), (480, 620, "CEC")]
    for k, session in enumerate(["Opening keynote session", "Nutrition questions and answers",
                                 "Metabolic conditioning workshop", "Closing panel and discussion"]):
        items += [(72, 600 - 20 * k, session), (300, 600 - 20 * k, "120"), (480, 600 - 20 * k, "0.2")]
    items += [(72, 500, "Total CECs earned"), (480, 500, "0.8"), (72, 470, "Event held June 14, 2026.")]
    path = placed_pdf(tmp_path / "c.pdf", items)
    doc = pdfium.PdfDocument(str(path))
    img = doc[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    row = row_of(scan_pdf(tmp_path / "scan.pdf", scanned(img, angle=angle)))
    assert row["ceus"] == "0.8"
    assert row["read"]["fields"]["ceus"]["label"] == "the total of the column under 'CEC'"


def test_a_tables_day_column_makes_no_date_across_its_rows():
    # A session log's "Jun 12" over "Jun 13" in its Date column (as a fax was read): the two cells
    # joined read "12 Jun 13", a day with a two-digit year, and the page held dates nobody printed.
    from cec_batch.readers.cert_fields import page_candidates
    from cec_batch.readers.cert_layout import Seg, Tok

    def seg(words, y):
        return Seg([Tok(t, 96.0, x, y, x + w, y + 30) for t, x, w in words])

    segs = [seg([("Summit", 230, 120), ("Wellness,", 360, 160), ("live", 530, 60), ("online", 600, 110),
                 ("June", 720, 80), ("12-14,", 810, 100), ("2026", 920, 80)], 300)]
    for i, (day, title) in enumerate([("12", "Opening"), ("13", "Closing"), ("14", "Mobility")]):
        y = 1000 + 84 * i
        segs += [seg([("Jun", 229, 60), (day, 295, 40)], y), seg([(title, 483, 150)], y),
                 seg([("0.2", 1650, 50)], y), seg([("Credited", 1900, 150)], y)]
    dates = [c.value for c in page_candidates(segs, 3300) if c.field == "date"]
    assert dates == ["June 14, 2026"]


@pytest.mark.parametrize("form", FORMS)
def test_the_day_recordings_stay_online_is_not_the_completion(tmp_path, form):
    row = row_of(page_pdf(tmp_path, form, [
        "Summit Wellness Conferences", ("Attendee CE Report", 18), "Attendee: Mei Hartley",
        "ACE event number CEP-13579", "Regional Day, live online, November 8, 2025", "Total CECs earned 0.7",
        "Recordings stay in the portal until November 8, 2027."]))
    assert parse_date(row["completion_date"]).value == date(2025, 11, 8)
    assert "completion date" not in (row["review"] or "")


@needs_tesseract
def test_a_date_wrapped_over_two_lines_is_read_again_line_by_line(tmp_path):
    # "... on May 6," / "2026." in prose: read again as one box, the two lines' box holds all of
    # the first line and the second look read no date, so a fax's doubtful date stayed doubtful.
    import time

    from cec_batch.readers.cert_fields import Found, lines_of, page_candidates
    from cec_batch.readers.certificate_pdf import _second_look

    img = render(["The participant completed every module and the final assessment on May 6,",
                  "2026, and has earned 0.3 CECs for the course."], dpi=300)
    path = tmp_path / "page.png"
    img.save(path)
    from cec_batch.readers.cert_layout import Seg, Tok

    words = ocr.ocr_image(path, seconds=30).words
    segs = []
    for line in sorted({(w.block, w.par, w.line) for w in words}):
        toks = [Tok(w.text, w.conf, w.left, w.top, w.left + w.width, w.top + w.height) for w in words
                if (w.block, w.par, w.line) == line]
        segs.append(Seg(toks))
    assert len(lines_of(segs)) == 2
    [date] = [c for c in page_candidates(segs, img.height) if c.field == "date"]
    assert date.value == "May 6, 2026" and len(date.parts) == 2
    found = {"completion_date": Found(date.value, 80.0, "context", "completed", box=date.box, parts=date.parts)}
    _second_look(found, path, time.monotonic() + 60)
    assert found["completion_date"].reread >= 85 and found["completion_date"].confidence >= 85

    one_box = {"completion_date": Found(date.value, 80.0, "context", "completed", box=date.box)}
    _second_look(one_box, path, time.monotonic() + 60)
    assert one_box["completion_date"].confidence == 80.0          # the two lines read as one say no date


def test_a_hyphen_read_for_the_space_between_a_month_and_its_day():
    from cec_batch.readers.cert_vocabulary import DATE_RE

    assert [m.group() for m in DATE_RE.finditer("final assessment on May-6, 2026.")] == ["May-6, 2026"]
    assert [m.group() for m in DATE_RE.finditer("April 30-May 6, 2026")] == ["April 30-May 6, 2026"]


def test_a_logs_title_is_no_name():
    # "Learner Activity Log" over "Learner  Yara Kaufman": the title after the label word was
    # taken for the learner.
    from cec_batch.readers.cert_fields import _name_runs

    for text in ("Activity Log", "Learning History", "Progress Report"):
        assert _name_runs(text) == [], text


@pytest.mark.parametrize("form", FORMS)
def test_a_date_written_one_figure_to_a_box_under_a_caption_that_gives_its_order(tmp_path, form):
    # A form's boxes: "DATE COMPLETED MM / DD / YY" over "0 9 2 3 2 5", and a birth date's boxes
    # beside it in the other order. Before, the completion read "unreadable after 'DATE COMPLETED'".
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 720, "Course Completion and Evaluation Sheet")
    c.setFont("Helvetica", 11)
    c.drawString(72, 690, "NAME  Lena Fischer")
    c.drawString(72, 670, "ACE course no. CL10240 - 0.8 CEC on completion")
    c.drawString(72, 630, "DATE COMPLETED  MM / DD / YY")
    c.drawString(330, 630, "DATE OF BIRTH  DD / MM / YYYY")
    c.setFont("Courier", 13)
    for i, ch in enumerate("092325"):             # a comb of boxes, one figure to each
        c.rect(74 + 26 * i, 594, 26, 26)
        c.drawString(81 + 26 * i, 602, ch)
    for i, ch in enumerate("14071990"):
        c.rect(332 + 26 * i, 594, 26, 26)
        c.drawString(339 + 26 * i, 602, ch)
    row = row_of(_in_form(c, buf, tmp_path / "c.pdf", form))
    assert row["completion_date"] == "2025-09-23"
    assert "completion date" not in (row["review"] or "")


def test_figures_that_do_not_fit_the_captions_order_are_no_date():
    from cec_batch.readers.cert_fields import _boxed_dates, lines_of
    from cec_batch.readers.cert_layout import Seg, Tok

    def seg(text, x, y):
        return Seg([Tok(t, 96.0, x + 60 * i, y, x + 60 * i + 50, y + 30) for i, t in enumerate(text.split())])

    for figures in ("1 3 2 3 2 5", "0 9 2 3 2", "0 9 2 3 2 0 2 5"):     # month 13; five figures; eight for YY
        assert _boxed_dates(lines_of([seg("DATE COMPLETED MM / DD / YY", 100, 1000), seg(figures, 100, 1045)]),
                            3300) == []
    [got] = _boxed_dates(lines_of([seg("Date completed (DD.MM.YYYY)", 100, 1000), seg("2 3 0 9 2 0 2 5", 100, 1045)]),
                         3300)
    assert (got.value, got.kind) == ("2025-09-23", "completion")


def test_a_caption_under_a_value_counts_when_another_columns_cell_on_a_skewed_scan_comes_just_before_it():
    # A form skewed 1.7 degrees: the issue date in the right column sits a line higher than the
    # completion date at the left, and came just before it in reading order. Its nearness hid the
    # completion's own caption under it, so two dates went to review with nothing to tell them apart.
    from cec_batch.readers.cert_fields import page_candidates
    from cec_batch.readers.cert_layout import Seg, Tok

    def seg(text, x, y, w):
        return Seg([Tok(text, 96.0, x, y, x + w, y + 41)])

    segs = [seg("0.5", 1329, 1267, 60), seg("10/24/26", 1924, 1260, 230), seg("10/23/26", 306, 1308, 231),
            seg("DATE OF ISSUE", 1890, 1330, 280), seg("CEC AWARDED", 1316, 1347, 260),
            seg("DATE OF COMPLETION (MO/DAY/YR)", 291, 1367, 700)]
    kinds = {c.value: c.kind for c in page_candidates(segs, 3300) if c.field == "date"}
    assert kinds == {"10/24/26": "other", "10/23/26": "completion"}


def test_a_programs_key_names_and_a_weekday_before_a_stamped_date_tell_the_day():
    from cec_batch.readers.cert_fields import _date_kind

    assert _date_kind('"completionDate":', "", "", "") == ("completion", "completion")
    assert _date_kind('"issuanceDate":', "", "", "") == ("other", "issuance")
    assert _date_kind('"expirationDate":', "", "", "") == ("other", "expiration")
    assert _date_kind("completed_at:", "", "", "") == ("completion", "completed")
    # "Course completed on: Wednesday, 18 June 2025, 7:52 PM": the weekday is the date's own word.
    assert _date_kind("Course completed on: Wednesday,", "", "", ", 7:52 PM") == ("completion", "completed")
    assert _date_kind("Printed", "", "", ", 7:52 PM")[0] == "other"


def test_in_service_review_and_record_words_tell_the_day():
    from cec_batch.readers.cert_fields import _date_kind

    assert _date_kind("", "Date of in-service:", "", "") == ("completion", "date of in-service")
    assert _date_kind("", "Date reviewed:", "", "")[0] == "other"
    assert _date_kind("RECORD ADDED . . :", "", "", "")[0] == "other"
    assert _date_kind("Verified", "", "", "")[0] == "other"


def test_a_forms_label_beside_a_date_is_asked_before_a_value_up_its_column(tmp_path):
    # A hospital form set in rows of label and value pairs looks like a table: up the date's column
    # stands the presenter's name. The label "Date of in-service:" beside it is what tells it.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 700, "IN-SERVICE EDUCATION RECORD"), (72, 670, "Topic:"), (140, 670, "AED Refresher"),
        (72, 650, "Presenter:"), (150, 650, "Marguerite Oyelaran, MS"), (360, 650, "Location:"), (430, 650, "Room 3B"),
        (72, 630, "Date of in-service:"), (180, 630, "04/15/2026"), (300, 630, "Time:"), (340, 630, "0700-0900"),
        (430, 630, "Contact hours:"), (520, 630, "2"), (72, 600, "Printed name:"), (160, 600, "HADDAD, Tariq"),
        (72, 580, "ACE course no.: CA-60415"), (72, 540, "Reviewed by:"), (150, 540, "Thaddeus Kilbride, RN"),
        (360, 540, "Date reviewed:"), (450, 540, "04/29/2026")]))
    assert row["completion_date"] == "04/15/2026"
    assert "completion date" not in (row["review"] or "")


@pytest.mark.parametrize("form", FORMS)
def test_a_letters_own_date_above_its_greeting_is_not_the_course_day(tmp_path, form):
    row = row_of(page_pdf(tmp_path, form, [
        "Coastal Movement Studio", "May 20, 2026", "To whom it may concern:",
        "Lena Fischer, ACE certification number 166301, was with us for",
        "Mat Pilates Foundations, ACE course CL 10234, on April 30, 2026,",
        "for 8 contact hours of instruction.", "Sincerely, Rowan Ellery"]))
    assert parse_date(row["completion_date"]).value == date(2026, 4, 30)
    assert "completion date" not in (row["review"] or "")


def test_a_completion_date_on_another_courses_row_is_not_posted(tmp_path):
    # A transcript's rows: a non-ACE course "completed" on 03/08/2026, and the ACE course on its own
    # row with its own day. Read so that only the first day was called the completion (a fax's
    # reading lost the column heading over the second), it was posted for the ACE course.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 700, "UNOFFICIAL TRANSCRIPT"), (72, 670, "Student"), (200, 670, "ASANTE, Mateo"),
        (72, 630, "KIN X 361.9"), (160, 630, "Deep-Water Running Coaching"), (360, 630, "09/12/2026"),
        (500, 630, "0.4"), (540, 630, "CL10355"), (72, 600, "KIN X 459.5"), (160, 600, "Indoor Cycling Update"),
        (360, 600, "completed 03/08/2026"), (500, 600, "1.5")]))
    assert row["review"] and "stands on a row dated 09/12/2026" in row["review"]


def test_a_date_with_a_two_digit_year_wrapped_in_prose_is_read(tmp_path):
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 700, "Examination Result"),
        (72, 670, "Tiago Vega (tvega@example.net) passed the final examination of Yoga for Athletes on 18"),
        (72, 654, "Jan 25 with a score of 72%."), (72, 620, "Course: CS52010"), (72, 600, "CEUs: 0.8")]))
    assert row["completion_date"] == "18 Jan 25"


def test_a_transcript_grouped_by_term_dates_the_course_on_its_own_row(tmp_path):
    # Under "Completed": two non-ACE rows of the spring term, its subtotal, the fall term's heading,
    # then the ACE course's row. The column's rows stopped at the subtotal, and none held the course.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "UNOFFICIAL TRANSCRIPT"), (72, 700, "Student"), (200, 700, "BISHOP, Alejandro"),
        (72, 660, "Course"), (160, 660, "Title"), (330, 660, "Completed"), (420, 660, "CEU"), (470, 660, "ACE course no."),
        (72, 640, "Spring 2025"),
        (72, 620, "KIN X 301.4"), (160, 620, "Foam Rolling"), (330, 620, "04/08/2025"), (420, 620, "1.5"), (470, 620, "-"),
        (72, 600, "KIN X 332.7"), (160, 600, "Coaching Basics"), (330, 600, "03/30/2025"), (420, 600, "1.5"),
        (470, 600, "-"), (380, 580, "Term CEUs 3.0"), (72, 560, "Fall 2025"),
        (72, 540, "KIN X 391.3"), (160, 540, "Type 2 Diabetes"), (330, 540, "10/13/2025"), (420, 540, "1.2"),
        (470, 540, "CS410260")]))
    assert row["completion_date"] == "10/13/2025"
    assert "completion date" not in (row["review"] or "")


def test_a_transcripts_credit_is_the_amount_on_the_courses_row_not_a_terms_sum(tmp_path):
    # Two non-ACE rows, the term's sum, the ACE course's row and the cumulative sum. "Term CEUs 3.0"
    # was taken for the credit (a label and its value) and went to staff as differing from the catalogue.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "UNOFFICIAL TRANSCRIPT"), (72, 700, "Student"), (200, 700, "BISHOP, Alejandro"),
        (72, 660, "Course"), (160, 660, "Title"), (330, 660, "Completed"), (420, 660, "CEU"), (470, 660, "ACE course no."),
        (72, 620, "KIN X 301.4"), (160, 620, "Foam Rolling"), (330, 620, "04/08/2025"), (420, 620, "1.5"), (470, 620, "-"),
        (72, 600, "KIN X 332.7"), (160, 600, "Coaching Basics"), (330, 600, "03/30/2025"), (420, 600, "1.5"),
        (470, 600, "-"), (380, 580, "Term CEUs 3.0"), (72, 560, "Fall 2025"),
        (72, 540, "KIN X 391.3"), (160, 540, "Type 2 Diabetes"), (330, 540, "10/13/2025"), (420, 540, "1.2"),
        (470, 540, "CS410260"), (360, 500, "Cumulative CEUs 4.2")]))
    assert row["ceus"] == "1.2"
    assert row["read"]["fields"]["ceus"]["label"] == "CEU (the row of CS410260)"


def test_a_column_of_amounts_with_two_course_rows_still_goes_to_staff(tmp_path):
    # Two ACE courses, each on its row with its own amount: no one course is the page's, so neither
    # amount is taken for the credit.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "TRANSCRIPT"), (72, 700, "Student"), (200, 700, "BISHOP, Alejandro"),
        (72, 660, "Course"), (160, 660, "Title"), (330, 660, "Completed"), (420, 660, "CEU"), (470, 660, "ACE course no."),
        (72, 620, "KIN X 301.4"), (160, 620, "Foam Rolling"), (330, 620, "04/08/2025"), (420, 620, "1.5"),
        (470, 620, "CS40112"), (72, 600, "KIN X 391.3"), (160, 600, "Type 2 Diabetes"), (330, 600, "10/13/2025"),
        (420, 600, "1.2"), (470, 600, "CS410260")]))
    assert row["ceus"] in (None, "1.5")
    assert "(the row of" not in str(row["read"]["fields"].get("ceus", {}).get("label"))


def test_a_header_rows_course_number_is_read_below_a_two_line_heading(tmp_path):
    # A line printer's report: a header row whose last heading takes two lines, and the first row
    # further under it than a label's value is looked for. "COURSE NO" announced a value that was
    # never read, and the course number went to staff.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "CONTINUING EDUCATION COMPLETION CERTIFICATE"),
        (72, 680, "ACE NO"), (140, 680, "PARTICIPANT NAME (LAST, FIRST)"), (350, 680, "COURSE NO"),
        (440, 680, "COMPL DATE"), (520, 680, "HOURS"), (440, 666, "(MM/DD/YY)"),
        (72, 626, "178703"), (140, 626, "WASHINGTON, MATEO"), (350, 626, "CS412001"), (440, 626, "06/06/25"),
        (530, 626, "15")]))
    assert row["course_number"] == "CS412001"
    assert row["read"]["fields"]["course_number"]["label"] == "COURSE NO"


def test_a_labelled_name_whose_space_ocr_lost_is_read_as_two_words(tmp_path):
    # A fax's "Participant  FrangoisLefévre": one word, no name, and the page had none.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Certificate of Completion"), (72, 690, "Participant"), (200, 690, "FrangoisLefévre"),
        (72, 670, "ACE course #"), (200, 670, "CS41207"), (72, 650, "Date of completion"), (200, 650, "05/15/2026")]))
    assert row["full_name"] == "Frangois Lefévre"


def test_a_one_word_name_with_a_capital_inside_is_not_parted(tmp_path):
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Certificate of Completion"), (72, 690, "Participant"), (200, 690, "McDonald"),
        (72, 670, "ACE course #"), (200, 670, "CS41207"), (72, 650, "Date of completion"), (200, 650, "05/15/2026")]))
    assert row["full_name"] != "Mc Donald"


def test_a_catalogue_pages_several_labelled_course_numbers_go_to_staff(tmp_path):
    # A catalogue page, the completed entry marked by a stamp beside it: the first entry's number
    # was posted, its label no surer than the others'.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Course Catalogue and Credit Record"), (72, 700, "Participant name"), (200, 700, "Dana Kowalski"),
        (72, 660, "Functional Training for Older Adults"), (72, 644, "ACE course no. CA23456 · 0.4 CECs"),
        (72, 610, "Core Stability and Low Back Health"), (72, 594, "ACE course no. CA24190 · 0.5 CECs"),
        (72, 560, "Exercise Science Refresher"), (72, 544, "ACE course no. CEP123457 · 1.0 CECs"),
        (420, 548, "COMPLETED"), (420, 532, "NOV 15 2025")]))
    assert row["review"] and "is one of 3 course numbers each after a course number's label" in row["review"]


def test_a_testing_centres_booking_and_eligibility_window_are_not_the_completion(tmp_path):
    # The window's last day was taken for an event's last day, and posted.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Candidate Score Report"), (400, 720, "Report date 02/26/2026"),
        (72, 680, "Candidate name"), (330, 680, "Appointment booked"), (72, 664, "Ayesha S. Fleming"),
        (330, 664, "02/16/2026"), (72, 630, "Candidate ID"), (330, 630, "Eligibility window"), (72, 614, "TP4159190"),
        (330, 614, "12/16/2025 – 06/14/2026"), (72, 580, "ACE certification no."), (330, 580, "Exam date"),
        (72, 564, "121066"), (330, 564, "Thursday, February 26, 2026"),
        (72, 520, "Passing this examination completes course CP-552044 for 0.8 CECs.")]))
    assert parse_date(row["completion_date"]).value == date(2026, 2, 26)
    assert not row["review"]


def test_a_page_that_says_day_month_year_in_words_is_read_day_first(tmp_path):
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "CERTIFICATE OF ACHIEVEMENT"), (72, 700, "This is to certify that"), (72, 680, "Noah Weber"),
        (72, 640, "Date of completion"), (220, 640, "Expiry date"), (360, 640, "ACE course"),
        (72, 624, "03/12/2025"), (220, 624, "02/12/2028"), (360, 624, "CP 60204"),
        (330, 560, "Dates are shown day/month/year.")]))
    assert parse_date(row["completion_date"]).value == date(2025, 12, 3)


def test_the_day_materials_were_shipped_is_not_the_completion(tmp_path):
    # The stamp's date unread, the shipping day was the only date no word called another day's.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Home Study Enrolment Form"), (72, 700, "ESTRADA, Eun-ji"), (72, 686, "Name (LAST, First)"),
        (72, 660, "CS41018"), (72, 646, "ACE course no."), (72, 610, "FOR OFFICE USE ONLY"),
        (72, 590, "Materials shipped"), (200, 590, "06/28/2026"), (72, 570, "Exam received"), (200, 570, "08/15/2026"),
        (360, 600, "COURSE COMPLETED")]))
    assert row["review"] and "completion date" in row["review"]


def test_a_stamps_course_completed_caption_whose_date_was_not_read_keeps_the_only_date_a_guess(tmp_path):
    # A fax of an office stamp: "COURSE COMPLETED" read, its date in spaced figures not; the one date
    # read (a line "Examreceived" glued by OCR) was posted.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Home Study Enrolment Form"), (72, 700, "TAKAHASHI, Liam"), (72, 686, "Name (LAST, First)"),
        (72, 660, "CL10240"), (72, 646, "ACE course no."), (72, 600, "Examreceived"), (200, 600, "11/01/2026"),
        (380, 610, "COURSE COMPLETED"), (380, 594, "NOV 03 2 02 6")]))
    assert row["review"] and "printed by 'COURSE COMPLETED'" in row["review"]


def test_a_completion_moment_with_its_weekday_and_time_in_the_next_cell_is_read(tmp_path):
    # A learning platform's attempt review: "Completed on | Friday, 10 April 2026, 4:37 PM". The cell
    # was no date alone, and the completion date "unreadable".
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Final quiz: Review of attempt 1"), (400, 720, "Anneke van der Berg"),
        (100, 680, "Started on"), (200, 680, "Friday, 10 April 2026, 4:13 PM"),
        (100, 660, "Completed on"), (200, 660, "Friday, 10 April 2026, 4:37 PM"),
        (100, 640, "Feedback"), (200, 640, "Passed. This course is approved by ACE as course CP55013 for 0.9 CECs.")]))
    assert row["completion_date"] == "10 April 2026"
    assert row["read"]["fields"]["completion_date"]["label"] == "Completed on"


def test_an_events_days_with_their_weekdays_under_a_date_heading_are_not_one_labelled_date(tmp_path):
    # "Fri, Oct 10, 2025" under "Date": one of the event's days, not the date the heading labels.
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Attendance Record"), (72, 700, "Attendee"), (200, 700, "Walter Pruitt"),
        (72, 680, "ACE event number"), (200, 680, "CA245010"),
        (72, 640, "Day"), (140, 640, "Date"), (300, 640, "Checked in"), (400, 640, "CE hours"),
        (72, 620, "Day 1"), (140, 620, "Fri, Oct 10, 2025"), (300, 620, "7:40 AM"), (400, 620, "6"),
        (72, 600, "Day 2"), (140, 600, "Sat, Oct 11, 2025"), (300, 600, "7:50 AM"), (400, 600, "6"),
        (72, 580, "Day 3"), (140, 580, "Sun, Oct 12, 2025"), (300, 580, "7:40 AM"), (400, 580, "6")]))
    assert (row["read"]["fields"].get("completion_date") or {}).get("label") != "Date"


def test_a_dutch_certificates_birth_and_completion_days_are_told_apart(tmp_path):
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "CERTIFICAAT van deelname"), (72, 700, "Hierbij verklaren wij dat"), (72, 680, "Arjun Rojas"),
        (72, 660, "geboren op 28-07-1987 · ACE-certificeringsnummer 109861"),
        (72, 620, "Cursusnummer ACE"), (220, 620, "CS52044"), (72, 600, "Datum afgerond"), (220, 600, "11-04-2026"),
        (72, 560, "Dates are written day-month-year.")]))
    assert row["completion_date"] == "2026-04-11"
    assert "afgerond" in row["read"]["fields"]["completion_date"]["label"]


def test_the_ticked_row_of_a_course_menu_is_the_course_and_its_credit(tmp_path):
    # A form listing every course the provider gives, one box ticked. Before, the catalogue held
    # them all and nothing said which, and the credit was the first row's.
    items = [(72, 720, "Certificate of Completion"), (72, 700, "Participant"), (200, 700, "Sofia Greene"),
             (72, 680, "Date of completion"), (200, 680, "03/24/2025"),
             (100, 650, "ACE course #"), (200, 650, "Course title"), (450, 650, "ACE CECs")]
    for i, (number, title, cec) in enumerate([("CS40112", "Behavior Change Coaching", "0.8"),
                                               ("CS41033", "Health Coaching Ethics", "0.2"),
                                               ("CS41042", "Lifestyle Medicine Basics", "0.9")]):
        y = 630 - 20 * i
        items += [(100, y, number), (200, y, title), (450, y, cec)]
    path = tmp_path / "c.pdf"
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    for x, y, text in items:
        c.setFont("Helvetica", 12)
        c.drawString(x, y, text)
    c.setFont("DejaVuSans", 12)
    for i, number in enumerate(("CS40112", "CS41033", "CS41042")):
        c.drawString(80, 630 - 20 * i, "\u2612" if number == "CS41033" else "\u2610")       # ☒ and ☐
    c.showPage()
    c.save()
    row = row_of(path)
    assert (row["course_number"], row["ceus"]) == ("CS41033", "0.2")
    assert not row["review"]


def _menu_scan(path: Path, *ticked: str) -> Path:
    """A scanned course menu: five rows, each with a box drawn left of its course number, the boxes
    of TICKED crossed by pen."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    c.setFont("Helvetica", 12)
    for x, y, text in [(72, 720, "Certificate of Completion"), (72, 700, "Participant"), (200, 700, "Sofia Greene"),
                       (72, 680, "Date of completion"), (200, 680, "03/24/2025"), (72, 660, "COURSE COMPLETED (one box ticked)"),
                       (110, 640, "ACE course #"), (200, 640, "Course title"), (450, 640, "ACE CECs")]:
        c.drawString(x, y, text)
    rows = [("CS40112", "Behavior Change Coaching", "0.8"), ("CS41033", "Health Coaching Ethics", "0.2"),
            ("CS41042", "Lifestyle Medicine Basics", "0.9"), ("CS41018", "Sleep, Stress and Recovery", "0.4"),
            ("CS40121", "Motivational Interviewing Skills", "0.6")]
    for i, (number, title, cec) in enumerate(rows):
        y = 616 - 24 * i
        c.drawString(110, y, number)
        c.drawString(200, y, title)
        c.drawString(450, y, cec)
        c.rect(82, y - 1, 10, 10)
        if number in ticked:
            c.setLineWidth(1.6)
            c.line(83, y, 91, y + 8)
            c.line(83, y + 8, 91, y)
            c.setLineWidth(1)
    c.showPage()
    c.save()
    doc = pdfium.PdfDocument(buf.getvalue())
    img = doc[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    return scan_pdf(path, scanned(img, angle=0.3))


@needs_tesseract
def test_the_ticked_box_of_a_scanned_course_menu_is_found_by_its_ink(tmp_path):
    # OCR reads a drawn box as "O", "oo" or nothing, and its tick no better: no row was marked,
    # and the page went to staff with the first row's course.
    row = row_of(_menu_scan(tmp_path / "c.pdf", "CS41042"))
    assert row["course_number"] == "CS41042"
    assert row["read"]["ticked_row"] == "CS41042"


@needs_tesseract
def test_a_scanned_course_menu_with_no_box_ticked_goes_to_staff(tmp_path):
    row = row_of(_menu_scan(tmp_path / "c.pdf"))
    assert "ticked_row" not in row["read"]
    assert row["review"] and "course number" in row["review"]


@needs_tesseract
def test_a_scanned_course_menu_with_two_boxes_ticked_goes_to_staff(tmp_path):
    row = row_of(_menu_scan(tmp_path / "c.pdf", "CS41033", "CS41018"))
    assert "ticked_row" not in row["read"]
    assert row["review"] and "course number" in row["review"]


def test_a_date_wrapped_in_prose_right_of_a_sidebar_whose_lines_fall_between():
    # A clinic's certificate: its clinicians listed down the left, the prose at the right. The
    # sidebar's "MS, CSCS" falls between "... on November" and "15, 2025.", and the first line's
    # own row holds a sidebar name too.
    from cec_batch.readers.cert_fields import page_candidates
    from cec_batch.readers.cert_layout import Seg, Tok

    def seg(text, x, y):
        return Seg([Tok(w, 96.0, x + 60 * i, y, x + 60 * i + 55, y + 38) for i, w in enumerate(text.split())])

    segs = [seg("Svetlana Mireault", 100, 1162), seg("Skills, presented by Everett Quarshie, on November", 885, 1146),
            seg("MS, CSCS", 101, 1209), seg("15, 2025.", 888, 1229), seg("Everett Quarshie", 101, 1269)]
    assert [c.value for c in page_candidates(segs, 3300) if c.field == "date"] == ["November 15, 2025"]


def test_a_reading_kept_for_the_name_keeps_the_date_the_first_read_when_it_holds_no_other_day():
    from cec_batch.readers.cert_fields import Candidate, Found
    from cec_batch.readers.certificate_pdf import _keep_sure_date

    def date(value, kind):
        return Candidate("date", value, value, 96.0, (0, 0, 1, 1), "", "", "", 0.01, kind=kind)

    first = {"completion_date": Found("October 22, 2025", 88.0, "only date", None)}
    lost = {"full_name": Found("Jose Nunez", 90.0, "pattern"),
            "completion_date": Found("10/22/2025", 96.0, "guess", None, doubt="the only dates are not the completion")}
    _keep_sure_date(lost, [date("10/22/2025", "other")], first)
    assert lost["completion_date"] is first["completion_date"]
    # ... but not when the other reading holds a day of its own that may be the completion
    other = {"completion_date": Found("10/21/2025", 96.0, "guess", None, doubt="two dates")}
    _keep_sure_date(other, [date("10/21/2025", None), date("10/22/2025", "other")], first)
    assert other["completion_date"].value == "10/21/2025"
    # ... nor a date the first reading itself doubted
    doubted = {"completion_date": Found("October 22, 2025", 88.0, "guess", None, doubt="two dates")}
    again: dict = {}
    _keep_sure_date(again, [], doubted)
    assert "completion_date" not in again


@pytest.mark.parametrize("form", FORMS)
def test_a_date_wrapped_in_prose_whose_verb_is_a_line_above_and_a_notarys_day(tmp_path, form):
    row = row_of(page_pdf(tmp_path, form, [
        ("AFFIDAVIT OF COURSE COMPLETION", 16),
        "2. Our records show that Jamal Donovan, ACE Certification No. 161323, completed the course",
        "Resistance Training for Bone Health, ACE course number CEP 124680, on September 23,",
        "2026. It is approved for 0.7 continuing education credits (CECs).",
        "Subscribed and sworn to before me on September 26, 2026 by Ines Valderrama."]))
    assert parse_date(row["completion_date"]).value == date(2026, 9, 23)
    assert "completion date" not in (row["review"] or "")


def test_an_activity_logs_course_completed_row_dates_the_course_and_a_modules_does_not(tmp_path):
    rows = [(72, 720, "Learner Activity Log"), (72, 690, "Learner"), (200, 690, "Yara Kaufman"),
            (72, 670, "ACE course number"), (200, 670, "CA-24190"),
            (72, 640, "Timestamp"), (230, 640, "Event"), (400, 640, "Detail")]
    for i, (stamp, event, detail) in enumerate([("2025-05-21 9:41:55", "Enrolled", "Self-enrolled"),
                                                 ("2025-06-08 20:54:47", "Module completed", "Module 2 of 3"),
                                                 ("2025-06-18 14:40:32", "Course completed", "0.5 CEC awarded"),
                                                 ("2025-07-02 15:39:55", "Certificate issued", "No. 841129")]):
        y = 620 - 22 * i
        rows += [(72, y, stamp), (230, y, event), (400, y, detail)]
    row = row_of(placed_pdf(tmp_path / "c.pdf", rows))
    assert parse_date(row["completion_date"]).value == date(2025, 6, 18)
    assert "completion date" not in (row["review"] or "")


@pytest.mark.parametrize("form", FORMS)
def test_the_day_a_certificate_was_dated_at_a_place_is_not_the_course_day(tmp_path, form):
    row = row_of(page_pdf(tmp_path, form, [
        ("Certificate of Completion", 20), "This is to certify that Lena Fischer completed the course",
        "Mat Pilates Foundations, approved by the American Council on Exercise",
        "under course number CL 10234 for 0.8 continuing education credits (CECs),",
        "on May 25, 2025, and met every requirement of the course.",
        "Dated at Asheville, North Carolina, June 8, 2025."]))
    assert parse_date(row["completion_date"]).value == date(2025, 5, 25)
    assert "completion date" not in (row["review"] or "")


def test_an_amount_stated_in_prose_over_a_column_of_each_sessions_amounts_is_the_credit(tmp_path):
    items = [(72, 720, "CERTIFICATE OF FULL ATTENDANCE"),
             (72, 700, "Tanya Ivanova (ACE certification no. 197201) attended every session of the agenda below on"),
             (72, 684, "July 7, 2026: 7 contact hours. ACE course number CP 55012."),
             (72, 650, "Time"), (200, 650, "Session"), (450, 650, "Contact hours")]
    for i, (time_, session, hours) in enumerate([("8:30 AM", "Warm-up science", "2"), ("10:45 AM", "Movement", "2"),
                                                 ("1:30 PM", "Programming lab", "2"), ("6:00 PM", "Assessment", "1")]):
        y = 630 - 20 * i
        items += [(72, y, time_), (200, y, session), (470, y, hours)]
    row = row_of(placed_pdf(tmp_path / "c.pdf", items))
    assert row["ceus"] == Decimal("0.7")
    assert "CECs" not in (row["review"] or "") and "amounts" not in (row["review"] or "")

    # ... but an event's most is no statement of what the attendee earned
    items[2] = (72, 684, "July 7, 2026: up to 9 contact hours. ACE course number CP 55012.")
    row = row_of(placed_pdf(tmp_path / "d.pdf", items))
    assert row["ceus"] != Decimal("0.9")


def _ocr_row_words(cells: list[tuple[str, int]], top: int, block: int) -> list:
    """OCR words (300 dpi pixels, 10-point print) of one row: each (text, left), a word a space's
    width after the last."""
    words = []
    for text, left in cells:
        x = left
        for w in text.split():
            words.append(ocr.Word(w, 95, x, top, 15 * len(w), 34, block, 1, 1))
            x += 15 * len(w) + 14
    return words


def test_a_faxed_spreadsheets_cells_run_together_are_read_by_their_headings_columns():
    # A fax of a spreadsheet printout: OCR ran the row's narrow cells into one run of words
    # ("ZacharyReyes zachary_reyes@example.com Functional Training for Older Adults CA23456") and
    # set the last headings a little lower, on a line of their own. Each heading's value is the
    # part of the row in its column; the course title spills into the next column's half.
    from cec_batch.readers.cert_fields import find_fields
    from cec_batch.readers.cert_layout import ocr_segments

    head = _ocr_row_words([("1.", 198), ("Learner", 319), ("Email", 621), ("Course", 1175)], 400, 1)
    head += _ocr_row_words([("Course No.", 1540), ("Completed On", 2070), ("Credits", 2380), ("Status", 2620)], 408, 2)
    row = _ocr_row_words([("Zachary", 319), ("Reyes", 438), ("zachary_reyes@example.com", 527),
                          ("Functional", 945), ("Training", 1009 + 100), ("for", 1243), ("Older", 1302),
                          ("Adults", 1380), ("CA23456", 1530)], 480, 3)
    found, _notes, _bare = find_fields(ocr_segments(head + row))
    assert found["full_name"].value == "Zachary Reyes"
    assert found["email"].value == "zachary_reyes@example.com"
    assert found["course_number"].value == "CA23456"


def test_a_value_wider_than_its_centred_heading_is_still_read_under_it():
    # A table whose headings stand centred over their cells: a date wider than "Date" begins left of it.
    from cec_batch.readers.cert_fields import find_fields
    from cec_batch.readers.cert_layout import ocr_segments

    head = _ocr_row_words([("Participant", 300), ("Course #", 900), ("Date", 1400), ("CE Hours", 1900)], 400, 1)
    row = _ocr_row_words([("Ana Lima", 300), ("CS52044", 900), ("March 3, 2026", 1290), ("6", 2000)], 480, 2)
    found, _notes, _bare = find_fields(ocr_segments(head + row))
    assert found["full_name"].value == "Ana Lima"
    assert found["course_number"].value == "CS52044"
    assert parse_date(found["completion_date"].value).value == date(2026, 3, 3)


def test_a_certify_phrase_whose_drop_cap_ocr_read_apart_still_announces_the_name(tmp_path):
    # A paragraph set with a drop cap: a fax's OCR read the large "T" as "HE" and "This" as "Chis".
    row = row_of(placed_pdf(tmp_path / "c.pdf", [
        (72, 720, "Certificate of Completion"), (72, 690, "HE Chis is to certify that Deepa Young completed the"),
        (72, 675, "course Aquatic Exercise Leadership, ACE course number CL-10240, for 0.8 CECs,"),
        (72, 660, "on September 11, 2026.")]))
    assert row["full_name"] == "Deepa Young"
    assert row["read"]["fields"]["full_name"]["label"] == "is to certify that"


def test_a_name_set_large_under_its_heading_is_no_cell_of_the_headings_row():
    # A tile's two headings side by side, the name set large right under "Participant" reaching up
    # beside them: three boxes level, but the name is no heading, and no column cuts it in two.
    from cec_batch.readers.cert_fields import find_fields
    from cec_batch.readers.cert_layout import ocr_segments

    words = [ocr.Word("COMPLETED", 95, 241, 721, 200, 42, 1, 1, 1), ocr.Word("ON", 95, 500, 721, 69, 42, 1, 1, 1),
             ocr.Word("Participant", 95, 1034, 726, 187, 33, 2, 1, 1),
             ocr.Word("Zainab", 95, 1035, 726, 286, 154, 3, 1, 1), ocr.Word("Hamid", 95, 1353, 726, 258, 154, 3, 1, 1)]
    found, _notes, _bare = find_fields(ocr_segments(words))
    assert found["full_name"].value == "Zainab Hamid"
