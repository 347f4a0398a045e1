"""Certificates through the same pipeline as roster rows: matching, rules, posting, exports."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from cec_batch import ocr

from cli_helpers import cli, export
from conftest import SAMPLES

CERTS = SAMPLES / "certificates"


@pytest.fixture
def world(db_url):
    for kind in ("certificants", "certifications", "courses"):
        cli(db_url, "load", kind, str(SAMPLES / "reference" / f"{kind}.csv"))
    return db_url


def exported(db_url, tmp_path, what):
    return export(db_url, tmp_path, what, *(["--status", "all"] if what == "exceptions" else []))


def test_certificate_page_posts_with_its_page_as_location(world, tmp_path):
    s = json.loads(cli(world, "ingest", "--json", str(CERTS / "text_table.pdf")).output)
    assert s["credits"] == 1
    credit = exported(world, tmp_path, "credits")[0]
    assert (credit["certificant_id"], credit["course_number"], credit["completion_date"]) == \
        ("111256", "CS40112", "2026-02-14")
    assert credit["source_file"] == "text_table.pdf" and credit["source_location"] == "page 1"


def test_certificate_for_a_course_posted_from_a_roster_is_a_duplicate_naming_the_roster_credit(world, tmp_path):
    roster = tmp_path / "provider.csv"
    roster.write_text("ACE ID,Name,Course Number,Completion Date\n111256,Sean Dimitrov,CS40112,02/14/2026\n",
                      encoding="utf-8")
    cli(world, "ingest", str(roster))
    s = json.loads(cli(world, "ingest", "--json", str(CERTS / "text_table.pdf")).output)
    assert s["credits"] == 0 and s["exceptions"] == {"duplicate": 1}
    dup = exported(world, tmp_path, "exceptions")[0]
    assert dup["kind"] == "duplicate" and dup["source_location"] == "page 1"
    assert "credit 1" in dup["detail"] and "provider.csv row 2" in dup["detail"]


def test_degraded_page_goes_to_review_with_its_image_in_the_workbook(world, tmp_path):
    images = tmp_path / "images"
    cli(world, "ingest", "--images", str(images), str(CERTS / "scan_degraded_unreadable.pdf"))
    [exc] = exported(world, tmp_path, "exceptions")
    assert exc["kind"] == "needs_review" and exc["source_location"] == "page 1"
    saved = list(images.glob("*.png"))
    assert len(saved) == 1
    out = tmp_path / "desk.xlsx"
    cli(world, "exceptions", "workbook", "--out", str(out))
    wb = load_workbook(out)
    values = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(saved[0].name in v for v in values)


@pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed: the scanned stack is not read")
def test_blank_backs_of_a_stack_are_skipped_and_counted(world):
    s = json.loads(cli(world, "ingest", "--json", str(CERTS / "scan_stack_with_backs.pdf")).output)
    assert s["credits"] == 3 and s["details"][0]["blank_pages"] == 3
