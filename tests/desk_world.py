"""Worlds for the review desk's tests: stores with open exceptions, and a way to drive the app.

`small_world` loads the small world of tests/small_world.py, a roster with strangers' text in
it (a name like `<script>`, a formula, an HTML file name) and one certificate PDF that needs
review, through the real command line. `certificate_pdf` writes a one-page text-layer
certificate with reportlab, as a provider's emailed PDF would be.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas
from sqlalchemy import select

from cli_helpers import TODAY, cli, write
from small_world import CERTIFICANTS, CERTIFICATIONS

COURSES = """course_number,title,provider,ceus,category,approved_from,approved_to
CA23456,Kettlebell Foundations,Acme,0.8,standard,2024-01-01,
CA10001,Mobility Basics,Acme,0.5,standard,2024-01-01,
CP60101,Adult CPR,Lifeline,0.2,cpr,2024-01-01,
"""
SCRIPT_NAME = "<script>alert('x')</script>"
FORMULA = '=HYPERLINK("http://evil.example/","click")'
HTML_FILE = "acme <img src=x onerror=alert(1)>.csv"
# Rows as staff see them: the header is row 1.
ROSTER = f"""ACE ID,First Name,Last Name,Email,Course #,Date Completed,CECs
104233,Robert,Smith,bob@example.com,CA23456,03/05/2026,0.8
,Maria,Garcia,,CA10001,03/05/2026,
104233,Robert,Smith,bob@example.com,CA23459,04/05/2026,
,{SCRIPT_NAME},"{FORMULA.replace('"', '""')}",,CA23456,03/05/2026,
104234,Maria,Garcia,maria1@example.com,CA10001,13/45/2026,
"""


def certificate_pdf(path: Path, lines: list[str], title: str = "Lifeline Safety Training - Certificate of Completion") -> Path:
    """A one-page text-layer certificate: a title and one line of text each."""
    c = canvas.Canvas(str(path), pagesize=letter)
    w, h = letter
    c.setFont("Helvetica-Bold", 15)
    c.drawString(72, h - 80, title)
    c.setFont("Courier", 12)
    y = h - 125
    for line in lines:
        c.drawString(72, y, line)
        y -= 22
    c.showPage()
    c.save()
    return path


def small_world(db_url: str, folder: Path) -> dict[tuple[str, str], int]:
    """Load the small world and ingest the roster and the certificate; open exception IDs by (kind, location)."""
    for name, body in (("certificants", CERTIFICANTS), ("certifications", CERTIFICATIONS), ("courses", COURSES)):
        cli(db_url, "load", name, str(write(folder / f"{name}.csv", body)))
    roster = write(folder / HTML_FILE, ROSTER)
    cert = certificate_pdf(folder / "no-course-number.pdf",
                           ["Name: Maria Garcia", "Email: maria2@example.com", "Completed: 04/01/2026", "CEUs: 0.5"])
    cli(db_url, "ingest", "--images", str(folder / "images"), str(roster), str(cert), operator="night", ok=(0,))
    return open_exceptions(db_url)


def open_exceptions(db_url: str) -> dict[tuple[str, str], int]:
    from cec_batch.store import open_store
    from cec_batch.store.tables import exceptions

    eng = open_store(db_url)
    with eng.connect() as conn:
        rows = conn.execute(select(exceptions.c.exception_id, exceptions.c.kind, exceptions.c.source_location)
                            .where(exceptions.c.status == "open")).all()
    eng.dispose()
    return {(k, loc): i for i, k, loc in rows}


def csrf(html: bytes | str) -> str:
    """The CSRF token of the first form on a page."""
    text = html.decode() if isinstance(html, bytes) else html
    return re.search(r'name="csrf_token" value="([^"]+)"', text).group(1)


def today() -> date:
    return date.fromisoformat(TODAY)
