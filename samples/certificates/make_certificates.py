"""Build the sample certificate PDFs and their manifest samples/certificates_truth.csv (deterministic).

Five fictional providers, five layouts and wordings; each layout as a text-layer PDF
and as a mailroom scan (skewed, noisy, blurred, JPEG-compressed, upside down,
sideways), a scanned stack with blank backs between certificates, a page too
degraded to read and a text-layer page without a course number.

    .venv/bin/python samples/certificates/make_certificates.py [OUT_DIR]

People and courses come from samples/reference/certificants.csv and courses.csv
when those exist; otherwise from the placeholder tables below.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
REFERENCE = HERE.parent / "reference"

# --- PLACEHOLDER people and courses: used only when samples/reference/*.csv are absent ---
PLACEHOLDER_PEOPLE = [
    # certificant_id, first_name, last_name, email
    ("104233", "Maria", "Gonzalez", "maria.gonzalez@example.com"),
    ("118470", "Robert", "Chen", "rchen.fit@example.net"),
    ("120955", "Aisha", "Okafor", "aisha.okafor@example.org"),
    ("131208", "Liam", "Brennan", "liam.brennan@example.com"),
    ("142377", "Sofia", "Lindqvist", "sofia.lindqvist@example.com"),
    ("150612", "Daniel", "Kowalski", "dkowalski@example.net"),
    ("163049", "Priya", "Raman", "priya.raman@example.com"),
]
PLACEHOLDER_COURSES = [
    # course_number, title, provider, ceus, category
    ("CA23456", "Functional Training for Older Adults", "Summit Fitness Academy", "0.8", "standard"),
    ("CS10482", "Nutrition Essentials for Trainers", "Northwind Wellness Institute", "0.5", "standard"),
    ("CEP123456", "Pacific Coast Fitness Conference 2026", "Pacific Coast Fitness Conference", "2.0", "event"),
    ("CL54321", "Adult CPR and AED Renewal", "Lifeline Safety Training", "0.2", "cpr"),
    ("CP20931", "Kettlebell Coaching Fundamentals", "Harbor Movement Studio", "0.7", "standard"),
]
# --- end of placeholders ---


@dataclass(frozen=True)
class Person:
    certificant_id: str
    first: str
    last: str
    email: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True)
class Course:
    number: str
    title: str
    provider: str
    ceus: Decimal
    category: str


@dataclass(frozen=True)
class Cert:
    """What one certificate truly says."""

    layout: str
    person: Person
    course: Course
    completed: date
    ceus: Decimal           # CECs stated (or hours / 10 for the layouts that print hours)
    hours: int | None = None
    show_course: bool = True


# Which catalogue course each layout certifies, when the reference catalogue has it.
PREFERRED_COURSES = {"classic": "CA23456", "table": "CS40112", "conference": "CEP246810",
                     "minimal": "CP60101", "form": "CL10234"}
# Every sample person holds a certification period covering all sample completion dates.
SPAN = (date(2025, 11, 1), date(2026, 6, 30))


def load_world() -> tuple[list[Person], list[Course], str]:
    """People and courses: the reference files when present, else the placeholders."""
    people_csv, courses_csv = REFERENCE / "certificants.csv", REFERENCE / "courses.csv"
    periods_csv = REFERENCE / "certifications.csv"
    if people_csv.exists() and courses_csv.exists():
        with people_csv.open(newline="", encoding="utf-8") as f:
            people = [Person(r["certificant_id"].strip(), r["first_name"].strip(), r["last_name"].strip(),
                             (r.get("email") or "").strip()) for r in csv.DictReader(f)]
        with courses_csv.open(newline="", encoding="utf-8") as f:
            courses = [Course(r["course_number"].strip(), r["title"].strip(), r["provider"].strip(),
                              Decimal(r["ceus"].strip()), r["category"].strip()) for r in csv.DictReader(f)]
        if periods_csv.exists():
            covered = set()
            with periods_csv.open(newline="", encoding="utf-8") as f:
                for r in csv.DictReader(f):
                    start, end = date.fromisoformat(r["period_start"]), date.fromisoformat(r["period_end"])
                    if start <= SPAN[0] and end >= SPAN[1]:
                        covered.add(r["certificant_id"].strip())
            people = [p for p in people if p.certificant_id in covered]
        return people, courses, "samples/reference"
    people = [Person(*p) for p in PLACEHOLDER_PEOPLE]
    courses = [Course(n, t, p, Decimal(c), cat) for n, t, p, c, cat in PLACEHOLDER_COURSES]
    return people, courses, "placeholders"


def pick_people(people: list[Person], n: int) -> list[Person]:
    """n distinct people, spread over the file, whose name and email nobody else has (plain letters)."""
    names = Counter((p.first.casefold(), p.last.casefold()) for p in people)
    emails = Counter(p.email.casefold() for p in people)
    plain = [p for p in people if p.email and emails[p.email.casefold()] == 1
             and names[(p.first.casefold(), p.last.casefold())] == 1
             and re.fullmatch(r"[A-Z][a-z]+", p.first) and re.fullmatch(r"[A-Z][a-z]+", p.last)]
    plain = plain or people
    step = max(1, len(plain) // n)
    chosen = plain[::step][:n]
    if len(chosen) < n:
        chosen += [plain[i % len(plain)] for i in range(n - len(chosen))]
    return chosen


def pick_courses(courses: list[Course]) -> dict[str, Course]:
    """One course per layout: an event for the conference letter, a CPR course for the card."""
    by_number = {c.number: c for c in courses}

    def first(pred, fallback):
        return next((c for c in courses if pred(c)), fallback)

    standard = [c for c in courses if c.category == "standard"] or courses
    fallback = {
        "classic": standard[0],
        "table": standard[1 % len(standard)],
        "form": standard[2 % len(standard)],
        "conference": first(lambda c: c.category == "event" and c.number.startswith("CEP"),
                            first(lambda c: c.category == "event", courses[0])),
        "minimal": first(lambda c: c.category in ("cpr", "aed", "first_aid"), standard[3 % len(standard)]),
    }
    return {layout: by_number.get(PREFERRED_COURSES[layout], course) for layout, course in fallback.items()}


# ---------------------------------------------------------------- layouts


def us_date(d: date) -> str:
    return d.strftime("%m/%d/%Y")


def written_date(d: date) -> str:
    return f"{d.strftime('%B')} {d.day}, {d.year}"


def draw_classic(c: canvas.Canvas, cert: Cert) -> None:
    """Summit-style classic certificate: centred, landscape, bordered."""
    w, h = landscape(letter)
    c.setPageSize((w, h))
    c.setLineWidth(4)
    c.rect(28, 28, w - 56, h - 56)
    c.setLineWidth(1)
    c.rect(38, 38, w - 76, h - 76)
    c.setFont("Helvetica-Bold", 16)
    c.drawCentredString(w / 2, h - 85, cert.course.provider.upper())
    c.setFont("Times-Bold", 34)
    c.drawCentredString(w / 2, h - 135, "Certificate of Completion")
    c.setFont("Times-Roman", 17)
    c.drawCentredString(w / 2, h - 185, "This certifies that")
    c.setFont("Times-Bold", 30)
    c.drawCentredString(w / 2, h - 228, cert.person.name)
    c.setFont("Times-Roman", 14)
    c.drawCentredString(w / 2, h - 255, f"ACE ID: {cert.person.certificant_id}")
    c.setFont("Times-Roman", 17)
    c.drawCentredString(w / 2, h - 292, "has successfully completed")
    c.setFont("Times-Bold", 21)
    c.drawCentredString(w / 2, h - 325, cert.course.title)
    c.setFont("Times-Roman", 15)
    c.drawCentredString(w / 2, h - 370, f"ACE Course Number: {cert.course.number}")
    c.drawCentredString(w / 2, h - 395, f"{cert.ceus} CECs")
    c.drawString(110, 110, f"Date: {us_date(cert.completed)}")
    c.line(w - 330, 125, w - 110, 125)
    c.setFont("Times-Italic", 12)
    c.drawString(w - 330, 108, "Director of Education")


def draw_table(c: canvas.Canvas, cert: Cert) -> None:
    """Northwind-style record: a ruled table with a header row and one value row."""
    w, h = letter
    c.setPageSize((w, h))
    c.setFont("Helvetica-Bold", 20)
    c.drawString(60, h - 80, cert.course.provider)
    c.setFont("Helvetica", 13)
    c.drawString(60, h - 102, "Continuing Education Record")
    c.setFont("Helvetica", 11)
    c.drawString(60, h - 140, "The participant named below completed the course shown and earned the")
    c.drawString(60, h - 155, "continuing education credits stated.")
    cols = [60, 200, 300, 400, 490, 552]
    top, row_h = h - 190, 26
    c.setLineWidth(0.8)
    for y in (top, top - row_h, top - 2 * row_h):
        c.line(cols[0], y, cols[-1], y)
    for x in cols:
        c.line(x, top, x, top - 2 * row_h)
    c.setFont("Helvetica-Bold", 11)
    for x, label in zip(cols, ["Participant", "Certificant ID", "Course", "Date", "CEUs"]):
        c.drawString(x + 6, top - 17, label)
    c.setFont("Helvetica", 11)
    values = [f"{cert.person.last}, {cert.person.first}", cert.person.certificant_id,
              cert.course.number, cert.completed.isoformat(), str(cert.ceus)]
    for x, value in zip(cols, values):
        c.drawString(x + 6, top - row_h - 17, value)
    c.setFont("Helvetica", 11)
    c.drawString(60, top - 2 * row_h - 35, f"Course title: {cert.course.title}")
    c.drawString(60, top - 2 * row_h - 52, "Delivery: live online")
    c.setFont("Helvetica-Oblique", 10)
    c.drawString(60, 90, "Keep this record for at least four years.")


def draw_conference(c: canvas.Canvas, cert: Cert) -> None:
    """Conference attendance letter: letterhead with a ZIP code, hours instead of CECs."""
    w, h = letter
    c.setPageSize((w, h))
    c.setFont("Times-Bold", 19)
    c.drawString(72, h - 80, cert.course.provider)
    c.setFont("Times-Roman", 11)
    # A state code and ZIP look like a course number (CA 90802): the label must win.
    c.drawString(72, h - 97, "1200 Harbor Boulevard, Long Beach, CA 90802")
    c.line(72, h - 106, w - 72, h - 106)
    c.setFont("Times-Roman", 12)
    c.drawString(72, h - 140, written_date(cert.completed + timedelta(days=15)))  # letter date, not completion
    c.drawString(72, h - 175, "Certificate of Attendance")
    first = cert.completed - timedelta(days=2)
    lines = [
        "This certificate of attendance is awarded to",
        f"{cert.person.name}, ACE ID {cert.person.certificant_id},",
        f"for attending {cert.course.title}, held {first:%B} {first.day}-{cert.completed.day},",
        f"{cert.completed.year} in Long Beach, California. The sessions attended total",
        f"{cert.hours} contact hours.",
        "",
        f"Approval Number: {cert.course.number}",
        f"Completed on: {written_date(cert.completed)}",
        "",
        "Thank you for your commitment to professional growth.",
    ]
    y = h - 210
    for line in lines:
        c.drawString(72, y, line)
        y -= 19
    c.drawString(72, y - 30, "Sincerely,")
    c.drawString(72, y - 75, "Conference Education Committee")


def draw_minimal(c: canvas.Canvas, cert: Cert) -> None:
    """Lifeline-style minimal certificate, as emailed: one labelled field per line."""
    w, h = letter
    c.setPageSize((w, h))
    c.setFont("Helvetica-Bold", 15)
    c.drawString(72, h - 80, f"{cert.course.provider} - Certificate of Completion")
    c.setFont("Courier", 12)
    lines = [f"Name: {cert.person.name}", f"Email: {cert.person.email}"]
    if cert.show_course:
        lines.append(f"Course ID: {cert.course.number}")
    lines += [f"Course: {cert.course.title}", f"Completed: {us_date(cert.completed)}",
              f"CEUs: {cert.ceus}", f"Provider: {cert.course.provider}"]
    y = h - 125
    for line in lines:
        c.drawString(72, y, line)
        y -= 22


def draw_form(c: canvas.Canvas, cert: Cert) -> None:
    """Harbor-style form: first and last name labelled apart, hours, a written date."""
    w, h = landscape(letter)
    c.setPageSize((w, h))
    c.setLineWidth(2)
    c.rect(36, 36, w - 72, h - 72)
    c.setFont("Helvetica-Bold", 26)
    c.drawCentredString(w / 2, h - 100, "Certificate of Achievement")
    c.setFont("Helvetica", 14)
    c.drawCentredString(w / 2, h - 128, f"presented by {cert.course.provider}")
    rows = [
        ("First Name:", cert.person.first, "Last Name:", cert.person.last),
        ("Certificant ID:", cert.person.certificant_id, "ACE Course #:", cert.course.number),
        ("Course Title:", cert.course.title, None, None),
        ("Date completed:", f"{cert.completed.day} {cert.completed.strftime('%B')} {cert.completed.year}",
         "Contact hours:", str(cert.hours)),
    ]
    y = h - 190
    for l1, v1, l2, v2 in rows:
        c.setFont("Helvetica-Bold", 14)
        c.drawString(90, y, l1)
        c.setFont("Helvetica", 14)
        c.drawString(220, y, v1)
        if l2:
            c.setFont("Helvetica-Bold", 14)
            c.drawString(450, y, l2)
            c.setFont("Helvetica", 14)
            c.drawString(570, y, v2)
        y -= 42
    c.line(90, 110, 300, 110)
    c.setFont("Helvetica-Oblique", 11)
    c.drawString(90, 95, "Studio Education Manager")


LAYOUTS = {"classic": draw_classic, "table": draw_table, "conference": draw_conference,
           "minimal": draw_minimal, "form": draw_form}


# ---------------------------------------------------------------- scanning effects


@dataclass(frozen=True)
class Scan:
    """How the mailroom scanner treated a page."""

    dpi: int = 150
    angle: float = 0.0        # degrees counter-clockwise, as laid on the glass
    noise: float = 3.0        # grey-level sigma
    specks: int = 60          # dark dust specks
    blur: float = 0.0         # Gaussian radius in pixels
    contrast: float = 1.0     # 1 = as printed; lower washes the ink out
    quality: int = 40         # JPEG quality
    seed: int = 0
    borderline: bool = False  # legible to a person, but a reader may rightly be unsure: read or review


def text_pdf_bytes(pages: list[Cert]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1, pageCompression=1)
    c.setTitle("Certificate of completion")
    c.setAuthor("")
    for cert in pages:
        LAYOUTS[cert.layout](c, cert)
        c.showPage()
    c.save()
    return buf.getvalue()


def scan_image(cert: Cert | None, scan: Scan, blank_size=letter) -> Image.Image:
    """The page as a scanner would deliver it (greyscale), or a sheet's blank back."""
    rng = np.random.default_rng(scan.seed)
    if cert is None:
        w, h = blank_size
        img = Image.new("L", (round(w * scan.dpi / 72), round(h * scan.dpi / 72)), 255)
    else:
        doc = pdfium.PdfDocument(text_pdf_bytes([cert]))
        img = doc[0].render(scale=scan.dpi / 72, grayscale=True).to_pil().convert("L")
        doc.close()
    return degrade(img, scan, rng)


def degrade(img: Image.Image, scan: Scan, rng: np.random.Generator | None = None) -> Image.Image:
    """What the scanner does to a clean greyscale render: blur, skew, washed-out toner, paper tone,
    grain and dust (also used by bench/certcorpus)."""
    rng = rng if rng is not None else np.random.default_rng(scan.seed)
    if scan.blur:
        img = img.filter(ImageFilter.GaussianBlur(scan.blur))
    if scan.angle:
        img = img.rotate(scan.angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
    a = np.asarray(img, dtype=np.float32)
    a = 255 - (255 - a) * scan.contrast            # washed-out toner
    a = a * 0.94 + 6                               # paper is not pure white
    a += rng.normal(0, scan.noise, a.shape)
    for _ in range(scan.specks):
        y, x = rng.integers(0, a.shape[0]), rng.integers(0, a.shape[1])
        r = int(rng.integers(1, 3))
        a[max(0, y - r):y + r, max(0, x - r):x + r] = rng.uniform(30, 120)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def scan_pdf_bytes(pages: list[tuple[Cert | None, Scan]]) -> bytes:
    """A PDF of JPEG page images at the scan's resolution, no text layer."""
    return images_pdf_bytes([(scan_image(cert, scan), scan.dpi, scan.quality) for cert, scan in pages])


def images_pdf_bytes(pages: list[tuple[Image.Image, int, int]], title: str = "Scan") -> bytes:
    """A PDF of JPEG page images, each (image, dpi, JPEG quality), no text layer."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("")
    for img, dpi, quality in pages:
        jpeg = io.BytesIO()
        img.save(jpeg, "JPEG", quality=quality, optimize=True)
        jpeg.seek(0)
        w, h = img.width * 72 / dpi, img.height * 72 / dpi
        c.setPageSize((w, h))
        c.drawImage(ImageReader(jpeg), 0, 0, w, h)
        c.showPage()
    c.save()
    return buf.getvalue()


# ---------------------------------------------------------------- the samples


def build(out: Path) -> list[dict]:
    people, courses, source = load_world()
    p = pick_people(people, 7)
    cs = pick_courses(courses)

    def cert(layout: str, person: Person, completed: date, **kw) -> Cert:
        course = cs[layout]
        hours = kw.pop("hours", None)
        if layout in ("conference", "form") and hours is None:
            hours = int(course.ceus * 10) if layout == "form" else 12
        ceus = Decimal(hours) / 10 if hours is not None else course.ceus
        return Cert(layout, person, course, completed, ceus, hours, **kw)

    classic = cert("classic", p[0], date(2026, 3, 5))
    table = cert("table", p[1], date(2026, 2, 14))
    conference = cert("conference", p[2], date(2026, 6, 14))
    minimal = cert("minimal", p[3], date(2026, 1, 9))
    form = cert("form", p[4], date(2025, 11, 18))
    no_course = replace(cert("minimal", p[5], date(2026, 4, 2)), show_course=False)

    samples: list[tuple[str, str, list]] = [
        ("text_classic.pdf", "text", [classic]),
        ("text_table.pdf", "text", [table]),
        ("text_conference_letter.pdf", "text", [conference]),
        ("text_minimal_email.pdf", "text", [minimal]),
        ("text_form_first_last.pdf", "text", [form]),
        ("text_missing_course_number.pdf", "text", [no_course]),
        ("scan_classic_skewed.pdf", "scan", [(classic, Scan(angle=1.6, seed=1))]),
        ("scan_form_upside_down.pdf", "scan", [(form, Scan(angle=180.7, seed=2))]),
        ("scan_conference_sideways.pdf", "scan", [(conference, Scan(angle=90, seed=3))]),
        ("scan_minimal_blurred_jpeg.pdf", "scan",
         [(minimal, Scan(blur=0.9, noise=6, quality=28, seed=4, borderline=True))]),
        ("scan_stack_with_backs.pdf", "scan", [
            (cert("classic", p[5], date(2026, 1, 20)), Scan(angle=-0.8, seed=5)),
            (None, Scan(specks=0, noise=2, seed=6)),
            (cert("table", p[6], date(2026, 2, 3)), Scan(angle=0.5, seed=7)),
            (None, Scan(specks=25, noise=2, seed=8)),
            (cert("form", p[2], date(2026, 3, 1)), Scan(angle=-1.2, seed=10)),
            (None, Scan(specks=8, noise=2, seed=11)),
        ]),
        ("scan_degraded_unreadable.pdf", "scan",
         [(cert("classic", p[3], date(2026, 3, 12)),
           Scan(dpi=100, blur=3.2, noise=38, contrast=0.45, specks=4000, quality=12, seed=12))]),
    ]

    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for name, kind, pages in samples:
        data = text_pdf_bytes(pages) if kind == "text" else scan_pdf_bytes(pages)
        (out / name).write_bytes(data)
        for n, page in enumerate(pages, start=1):
            c, scan = (page, None) if kind == "text" else page
            manifest.append(manifest_row(name, n, c, scan))
    with (out.parent / "certificates_truth.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(manifest[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(manifest)
    (out / "README.md").write_text(notes(samples, manifest, source), encoding="utf-8")
    print(f"{len(samples)} PDFs, {len(manifest)} pages, people and courses from {source}")
    return manifest


SHOWS = {
    "text_classic.pdf": "centred certificate: name under \"This certifies that\", \"ACE ID:\", "
                        "\"ACE Course Number:\", \"<n> CECs\", \"Date: MM/DD/YYYY\"",
    "text_table.pdf": "ruled table: header row Participant | Certificant ID | Course | Date | CEUs over one "
                      "value row; name as \"Last, First\"; ISO date",
    "text_conference_letter.pdf": "attendance letter: \"awarded to\" at a line end, name and ID on the next "
                                  "line; contact hours (0.1 CEC each); \"Approval Number:\"; written date; a "
                                  "letter date and a \"CA 90802\" ZIP code that must not be taken",
    "text_minimal_email.pdf": "emailed certificate: one \"Label: value\" per line (Name, Email, Course ID, "
                              "Course, Completed, CEUs, Provider)",
    "text_form_first_last.pdf": "form: First Name / Last Name apart, values in the next cell, "
                                "\"ACE Course #:\", \"5 March 2026\" date, contact hours",
    "text_missing_course_number.pdf": "emailed certificate without a course number: review",
    "scan_classic_skewed.pdf": "the classic layout scanned 1.6 degrees askew, with dust",
    "scan_form_upside_down.pdf": "the form scanned upside down",
    "scan_conference_sideways.pdf": "the letter scanned sideways (turned 90 degrees)",
    "scan_minimal_blurred_jpeg.pdf": "the emailed certificate printed, blurred and saved as a low-quality JPEG",
    "scan_stack_with_backs.pdf": "a mailroom stack: three certificates with the blank backs of the sheets "
                                 "between them (one back with dust specks)",
    "scan_degraded_unreadable.pdf": "a certificate too degraded to read (faded, blurred, noisy, 100 dpi): review",
}


def notes(samples, manifest: list[dict], source: str) -> str:
    """README.md: what each sample shows, then every page's truth (as in certificates_truth.csv)."""
    lines = [
        "# Sample certificates",
        "",
        "Written by `make_certificates.py` (deterministic: same bytes on every run); do not edit by hand.",
        f"People and courses come from {source}. `samples/certificates_truth.csv` holds the table below for tests (kept outside this folder, which is ingested as it is).",
        "`expect` is `read` (every field must be read right, no review), `review` (the page must go",
        "to a person, R19), `read_or_review` (a blurred scan: either read right or sent to a person,",
        "never a wrong value without review) or `blank` (a sheet's back: skipped and counted).",
        "The four single-page scans repeat the text certificates of the same layout (same person, course",
        "and date): ingested after them, each is a duplicate (R14), as a re-sent certificate would be.",
        "",
        "| File | What it shows |",
        "|---|---|",
    ]
    lines += [f"| `{name}` | {SHOWS[name].replace('|', chr(92) + '|')} |" for name, _, _ in samples]
    lines += ["", "| File | Page | Expect | Name | ID | Email | Course | Date | CECs | Note |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for r in manifest:
        lines.append(f"| `{r['file']}` | {r['page']} | {r['expect']} | {r['name']} | {r['certificant_id']} | "
                     f"{r['email']} | {r['course_number']} | {r['completion_date']} | {r['ceus']} | {r['note']} |")
    return "\n".join(lines) + "\n"


def manifest_row(file: str, page: int, cert: Cert | None, scan: Scan | None) -> dict:
    """What the page truly says and what the reader must make of it."""
    row = {"file": file, "page": page, "expect": "", "layout": "", "name": "", "certificant_id": "",
           "email": "", "course_number": "", "completion_date": "", "ceus": "", "note": ""}
    if cert is None:
        row.update(expect="blank", note="blank back of a sheet")
        return row
    shows_id = cert.layout in ("classic", "table", "conference", "form")
    row.update(layout=cert.layout, name=cert.person.name,
               certificant_id=cert.person.certificant_id if shows_id else "",
               email=cert.person.email if cert.layout == "minimal" else "",
               course_number=cert.course.number if cert.show_course else "",
               completion_date=cert.completed.isoformat(), ceus=str(cert.ceus))
    if not cert.show_course:
        row.update(expect="review", note="no course number printed")
    elif scan is not None and scan.contrast < 0.6:
        row.update(expect="review", note="too degraded to read")
    else:
        row["expect"] = "read_or_review" if scan is not None and scan.borderline else "read"
        notes = []
        if cert.hours is not None:
            notes.append(f"{cert.hours} contact hours")
        if scan is not None:
            turned = round(scan.angle / 90) * 90 % 360
            notes.append({0: "upright", 90: "sideways", 180: "upside down"}.get(turned, f"{turned}"))
        row["note"] = "; ".join(notes)
    return row


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
