"""Petitions (R21-R23) through the command line, on a real SQLite file and on PostgreSQL.

Reference data is written straight into the tables, so these tests depend on no reader.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, insert, select

from cec_batch.petitions import grade_passes, grade_problem, petition_value
from cec_batch.store import open_store
from cec_batch.store.tables import (
    batches,
    certificants,
    certifications,
    credits,
    exceptions,
    petition_documents,
    petitions,
)

from cli_helpers import cli


def rows(db_url, table, *where):
    eng = open_store(db_url)
    with eng.connect() as conn:
        out = [dict(r) for r in conn.execute(select(table).where(*where)).mappings()]
    eng.dispose()
    return out


@pytest.fixture
def world(db_url, tmp_path):
    """Two people: 104233 certified 2025-2026 (Personal Trainer), 104234 with no period."""
    eng = open_store(db_url)
    with eng.begin() as conn:
        conn.execute(insert(certificants), [
            dict(certificant_id="104233", first_name="Robert", last_name="Smith", email="bob@example.com"),
            dict(certificant_id="104234", first_name="Maria", last_name="Garcia", email="maria@example.com"),
        ])
        conn.execute(insert(certifications), [
            dict(certificant_id="104233", certification="Personal Trainer",
                 period_start=date(2025, 1, 1), period_end=date(2026, 12, 31)),
        ])
    eng.dispose()
    return tmp_path


def add(db_url, *extra, who="104233", title="Exercise Physiology", provider="State University", ok=(0,)):
    return cli(db_url, "petition", "add", who, "--title", title, "--provider", provider, *extra, ok=ok)


# -- R22: the value ---------------------------------------------------------------------------
@pytest.mark.parametrize("basis, hours, value", [
    ("contact_hours", "8", "0.8"),
    ("semester_hours", "3", "3.0"),
    ("quarter_hours", "4", "3.2"),
    ("contact_hours", "2.5", "0.3"),   # 0.25 rounds half up
    ("contact_hours", "2.4", "0.2"),
    ("quarter_hours", "1.5", "1.2"),
])
def test_r22_value_of_hours(basis, hours, value):
    assert petition_value(basis, Decimal(hours)) == Decimal(value)


@pytest.mark.parametrize("grade", ["A+", "A", "A-", "B+", "B", "B-", "C+", "C", "c", " b + "])
def test_r22_extension_grade_c_or_better_passes(grade):
    assert grade_passes(grade) and grade_problem(True, grade) is None


@pytest.mark.parametrize("grade", ["C-", "D+", "D", "D-", "F", "P", "pass", "", None])
def test_r22_extension_grade_below_c_fails(grade):
    assert not grade_passes(grade)
    assert "C or better" in grade_problem(True, grade)


def test_r22_grade_does_not_matter_outside_an_extension_class():
    assert grade_problem(False, "F") is None


def test_r22_add_prints_the_computed_value(db_url, world):
    res = add(db_url, "--completed", "03/05/2026", "--contact-hours", "8")
    assert "petition 1 recorded (pending) for 104233 Robert Smith" in res.output
    assert "8 contact hours = 0.8 CECs (R22)" in res.output
    res = add(db_url, "--title", "Kinesiology 101", "--completed", "2026-03-05", "--semester-hours", "3")
    assert "3 semester hours = 3.0 CECs" in res.output


def test_r22_extension_with_failing_grade_is_warned_and_cannot_be_approved(db_url, world):
    res = add(db_url, "--completed", "03/05/2026", "--semester-hours", "3", "--extension", "--grade", "C-")
    assert "warning: a university extension class needs a grade of C or better" in res.output
    assert "the grade is C-" in res.output
    res = cli(db_url, "petition", "approve", "1", ok=(1,))
    assert "petition 1 cannot be approved: a university extension class needs a grade of C or better" in res.output
    assert "cec-batch petition deny 1" in res.output
    assert rows(db_url, credits) == []
    assert rows(db_url, petitions)[0]["status"] == "pending"


def test_r22_extension_with_grade_c_is_approved(db_url, world):
    add(db_url, "--completed", "03/05/2026", "--quarter-hours", "4", "--extension", "--grade", "C")
    res = cli(db_url, "petition", "approve", "1")
    assert "petition 1 approved: credit 1 posted to 104233, PET1 3.2 CECs" in res.output


def test_r22_extension_needs_a_grade(db_url, world):
    res = add(db_url, "--completed", "03/05/2026", "--semester-hours", "3", "--extension", ok=(2,))
    assert "--extension needs --grade" in res.output
    assert rows(db_url, petitions) == []


# -- R21: recording a petition -------------------------------------------------------------------
def test_r21_records_the_petition_with_its_fields(db_url, world):
    res = add(db_url, "--completed", "03/05/2026", "--contact-hours", "12.5", "--json")
    s = json.loads(res.output)
    assert s["petition_id"] == 1 and s["computed_ceus"] == "1.3" and s["status"] == "pending"
    (p,) = rows(db_url, petitions)
    assert p["certificant_id"] == "104233" and p["title"] == "Exercise Physiology"
    assert p["provider"] == "State University" and p["completion_date"] == date(2026, 3, 5)
    assert p["basis"] == "contact_hours" and Decimal(p["hours"]) == Decimal("12.5")
    assert p["university_extension"] is False and p["grade"] is None and p["activity"] is False
    assert Decimal(p["computed_ceus"]) == Decimal("1.3") and p["status"] == "pending"
    assert p["created_by"] == "clerk" and p["created_at"] is not None and p["credit_id"] is None
    (b,) = rows(db_url, batches, batches.c.batch_id == p["batch_id"])
    assert b["command"] == "petition-add" and b["status"] == "done"
    listed = json.loads(cli(db_url, "petition", "list", "--json").output)
    assert listed["count"] == 1 and listed["petitions"][0]["hours"] == "12.5"
    assert listed["petitions"][0]["name"] == "Robert Smith"


def test_r21_usage_errors_record_nothing(db_url, world):
    res = add(db_url, "--completed", "03/05/2026", who="999999", ok=(2,))
    assert "give exactly one of --contact-hours" in res.output
    res = add(db_url, "--completed", "03/05/2026", "--contact-hours", "8", who="999999", ok=(2,))
    assert "certificant 999999 is not in the registry" in res.output
    res = add(db_url, "--completed", "02/30/2026", "--contact-hours", "8", ok=(2,))
    assert "--completed:" in res.output
    res = add(db_url, "--completed", "12/01/2026", "--contact-hours", "8", ok=(2,))
    assert "is after the processing date 2026-11-15" in res.output
    res = add(db_url, "--completed", "03/05/2026", "--contact-hours", "-1", ok=(2,))
    assert "the hours must be more than 0" in res.output
    res = add(db_url, "--completed", "03/05/2026", "--contact-hours", "8", "--semester-hours", "1", ok=(2,))
    assert "exactly one" in res.output
    assert rows(db_url, petitions) == [] and rows(db_url, batches) == []


def test_r21_documents_are_copied_into_the_archive_under_their_hash(db_url, world):
    doc = world / "Transcript Spring.pdf"
    doc.write_bytes(b"%PDF-1.4 transcript of records")
    letter = world / "letter.PNG"
    letter.write_bytes(b"\x89PNG letter")
    archive = world / "archive"
    res = add(db_url, "--completed", "03/05/2026", "--contact-hours", "8", "--document", str(doc),
              "--document", str(letter), "--archive", str(archive))
    sha = hashlib.sha256(doc.read_bytes()).hexdigest()
    stored = archive / sha[:2] / f"{sha}.pdf"
    assert stored.read_bytes() == doc.read_bytes()
    assert doc.exists() and letter.exists()  # copied, not moved
    sha2 = hashlib.sha256(letter.read_bytes()).hexdigest()
    assert (archive / sha2[:2] / f"{sha2}.png").exists()
    assert "document Transcript Spring.pdf archived as" in res.output
    docs = {d["original_name"]: d for d in rows(db_url, petition_documents)}
    assert docs["Transcript Spring.pdf"]["sha256"] == sha and docs["Transcript Spring.pdf"]["petition_id"] == 1
    assert docs["Transcript Spring.pdf"]["archive_path"] == str(stored.resolve())
    assert docs["letter.PNG"]["size_bytes"] == len(b"\x89PNG letter")


def test_r21_archive_defaults_to_env(db_url, world, monkeypatch):
    doc = world / "cert.pdf"
    doc.write_bytes(b"%PDF certificate")
    monkeypatch.setenv("CEC_ARCHIVE_DIR", str(world / "envarchive"))
    add(db_url, "--completed", "03/05/2026", "--contact-hours", "8", "--document", str(doc))
    sha = hashlib.sha256(doc.read_bytes()).hexdigest()
    assert (world / "envarchive" / sha[:2] / f"{sha}.pdf").exists()


def test_r21_dry_run_records_nothing_and_copies_nothing(db_url, world):
    doc = world / "cert.pdf"
    doc.write_bytes(b"%PDF certificate")
    archive = world / "archive"
    res = add(db_url, "--completed", "03/05/2026", "--contact-hours", "8", "--document", str(doc),
              "--archive", str(archive), "--dry-run", "--json")
    s = json.loads(res.output)
    assert s["dry_run"] is True and s["computed_ceus"] == "0.8"
    assert rows(db_url, petitions) == [] and rows(db_url, batches) == []
    assert not archive.exists()


# -- R23: decisions ---------------------------------------------------------------------------
def test_r23_approve_posts_a_credit_through_the_rules(db_url, world):
    add(db_url, "--completed", "03/05/2026", "--contact-hours", "8")
    res = cli(db_url, "petition", "approve", "1", "--json")
    s = json.loads(res.output)
    assert s["outcome"] == "approved" and s["credits"] == 1 and s["ceus"] == "0.8" and s["batch_id"]
    (c,) = rows(db_url, credits)
    assert c["certificant_id"] == "104233" and c["course_number"] == "PET1" and Decimal(c["ceus"]) == Decimal("0.8")
    assert c["source"] == "petition" and c["category"] == "standard" and c["completion_date"] == date(2026, 3, 5)
    assert c["source_file"] == "" and c["source_location"] == "" and c["file_id"] is None
    assert c["operator"] == "clerk" and c["batch_id"] == s["batch_id"] and c["posted_at"] is not None
    (p,) = rows(db_url, petitions)
    assert p["status"] == "approved" and p["credit_id"] == c["credit_id"] and Decimal(p["decided_ceus"]) == Decimal("0.8")
    assert p["decided_by"] == "clerk" and p["decided_at"] is not None
    again = cli(db_url, "petition", "approve", "1", ok=(1,))
    assert "petition 1 was already approved" in again.output
    assert len(rows(db_url, credits)) == 1


def test_r23_a_different_value_needs_a_reason(db_url, world):
    add(db_url, "--completed", "03/05/2026", "--contact-hours", "8")
    res = cli(db_url, "petition", "approve", "1", "--ceus", "1.0", ok=(2,))
    assert "the computed value is 0.8 CECs (R22); a different value (1.0) needs --reason" in res.output
    assert rows(db_url, credits) == []
    res = cli(db_url, "petition", "approve", "1", "--ceus", "0.85", "--reason", "x", ok=(2,))
    assert "CECs have one decimal" in res.output
    res = cli(db_url, "petition", "approve", "1", "--ceus", "1.0", "--reason", "lab hours count too")
    assert "PET1 1.0 CECs" in res.output
    (c,) = rows(db_url, credits)
    assert Decimal(c["ceus"]) == Decimal("1.0")
    (p,) = rows(db_url, petitions)
    assert Decimal(p["decided_ceus"]) == Decimal("1.0") and p["decision_reason"] == "lab hours count too"
    assert Decimal(p["computed_ceus"]) == Decimal("0.8")


def test_r23_deny_posts_nothing(db_url, world):
    add(db_url, "--completed", "03/05/2026", "--contact-hours", "8")
    res = cli(db_url, "petition", "deny", "1", "--reason", "not fitness related")
    assert "petition 1 denied: not fitness related; nothing posted" in res.output
    assert rows(db_url, credits) == []
    (p,) = rows(db_url, petitions)
    assert p["status"] == "denied" and p["decision_reason"] == "not fitness related" and p["credit_id"] is None
    res = cli(db_url, "petition", "approve", "1", ok=(1,))
    assert "petition 1 was already denied" in res.output
    assert rows(db_url, credits) == []
    res = cli(db_url, "petition", "deny", "2", "--reason", "x", ok=(2,))
    assert "petition 2 does not exist" in res.output


def test_r23_deny_needs_a_reason(db_url, world):
    add(db_url, "--completed", "03/05/2026", "--contact-hours", "8")
    res = cli(db_url, "petition", "deny", "1", "--reason", "  ", ok=(2,))
    assert "--reason must say why" in res.output
    assert rows(db_url, petitions)[0]["status"] == "pending"


def test_r23_same_course_petitioned_twice_is_a_duplicate(db_url, world):
    add(db_url, "--completed", "03/05/2026", "--contact-hours", "8")
    add(db_url, "--completed", "06/01/2026", "--contact-hours", "8", "--title", "exercise  physiology.",
        "--provider", "STATE UNIVERSITY")
    cli(db_url, "petition", "approve", "1")
    res = cli(db_url, "petition", "approve", "2")
    assert "petition 2 not approved: duplicate (R14)" in res.output
    assert "already credited through petition 1 on 2026-03-05 (credit 1" in res.output
    assert "the petition stays pending" in res.output
    assert len(rows(db_url, credits)) == 1
    assert {p["petition_id"]: p["status"] for p in rows(db_url, petitions)} == {1: "approved", 2: "pending"}
    (e,) = rows(db_url, exceptions)
    assert e["kind"] == "duplicate" and e["rule"] == "R14" and e["severity"] == "error" and e["status"] == "open"
    assert e["source_file"] == "" and e["source_location"] == "" and e["file_id"] is None
    assert e["certificant_ref"] == "104233" and e["certificant_id"] == "104233" and e["course_number"] == "PET2"
    assert e["completion_date"] == date(2026, 6, 1) and e["detail"].startswith("petition 2: ")
    # Asking again records no second exception.
    res = cli(db_url, "petition", "approve", "2", "--json")
    assert json.loads(res.output)["exception_recorded_before"] is True
    assert len(rows(db_url, exceptions)) == 1
    # Denying settles the exception.
    cli(db_url, "petition", "deny", "2", "--reason", "same course as petition 1")
    (e,) = rows(db_url, exceptions)
    assert e["status"] == "resolved" and e["resolved_by"] == "clerk" and "petition 2 denied" in e["resolution"]


def test_r23_duplicate_is_freed_by_a_reversal(db_url, world):
    add(db_url, "--completed", "03/05/2026", "--contact-hours", "8")
    add(db_url, "--completed", "06/01/2026", "--contact-hours", "8")
    cli(db_url, "petition", "approve", "1")
    cli(db_url, "reverse", "1", "--reason", "posted in error")
    res = cli(db_url, "petition", "approve", "2")
    assert "petition 2 approved: credit 2 posted" in res.output


def test_r23_completion_outside_every_period_is_refused(db_url, world):
    add(db_url, "--completed", "11/30/2024", "--contact-hours", "8")
    res = cli(db_url, "petition", "approve", "1")
    assert "petition 1 not approved: outside_period (R6): completion 2024-11-30 falls in no certification period" \
        in res.output
    assert rows(db_url, credits) == []
    assert rows(db_url, petitions)[0]["status"] == "pending"
    (e,) = rows(db_url, exceptions)
    assert e["kind"] == "outside_period" and e["rule"] == "R6" and e["course_number"] == "PET1"
    assert e["source_file"] == "" and e["source_location"] == "" and e["certificant_ref"] == "104233"
    # A person with no period at all.
    add(db_url, "--completed", "03/05/2026", "--contact-hours", "8", who="104234")
    res = cli(db_url, "petition", "approve", "2", "--json")
    s = json.loads(res.output)
    assert s["outcome"] == "refused" and s["exceptions"] == {"outside_period": 1} and s["credits"] == 0


def test_r23_outside_period_is_warned_when_the_petition_is_added(db_url, world):
    res = add(db_url, "--completed", "11/30/2024", "--contact-hours", "8")
    assert "warning: outside_period (R6)" in res.output and "approval would be refused" in res.output


def test_r13_activity_course_is_never_approved(db_url, world):
    res = add(db_url, "--completed", "03/05/2026", "--contact-hours", "10", "--activity", "--title", "Spin Class")
    assert "warning: a workout or activity course earns no CECs: this petition cannot be approved (R13)" in res.output
    res = cli(db_url, "petition", "approve", "1", ok=(1,))
    assert "petition 1 cannot be approved: a workout or activity course earns no CECs" in res.output
    res = cli(db_url, "petition", "approve", "1", "--ceus", "1.0", "--reason", "please", ok=(1,))
    assert rows(db_url, credits) == [] and rows(db_url, petitions)[0]["status"] == "pending"
    cli(db_url, "petition", "deny", "1", "--reason", "activity course (R13)")


def test_r23_approve_dry_run_posts_nothing(db_url, world):
    add(db_url, "--completed", "03/05/2026", "--contact-hours", "8")
    res = cli(db_url, "petition", "approve", "1", "--dry-run")
    assert res.output.startswith("DRY RUN: nothing committed. petition 1 approved")
    assert rows(db_url, credits) == [] and rows(db_url, petitions)[0]["status"] == "pending"
    cli(db_url, "petition", "deny", "1", "--reason", "x", "--dry-run")
    assert rows(db_url, petitions)[0]["status"] == "pending"
    cli(db_url, "petition", "approve", "1")
    assert len(rows(db_url, credits)) == 1


def test_r23_unknown_petition_is_a_usage_error(db_url, world):
    res = cli(db_url, "petition", "approve", "7", ok=(2,))
    assert "petition 7 does not exist" in res.output


def test_petition_list_filters_by_status(db_url, world):
    add(db_url, "--completed", "03/05/2026", "--contact-hours", "8")
    add(db_url, "--completed", "03/06/2026", "--contact-hours", "4", "--title", "Nutrition Basics")
    cli(db_url, "petition", "approve", "1")
    pending = json.loads(cli(db_url, "petition", "list", "--json").output)
    assert [p["petition_id"] for p in pending["petitions"]] == [2]
    approved = json.loads(cli(db_url, "petition", "list", "--status", "approved", "--json").output)
    assert approved["petitions"][0]["credit_id"] == 1 and approved["petitions"][0]["decided_ceus"] == "0.8"
    res = cli(db_url, "petition", "list", "--status", "all")
    assert "'Nutrition Basics' by State University" in res.output and "2 petition(s)" in res.output
    assert "approved by clerk" in res.output


def test_petition_credit_is_exported_with_empty_location(db_url, world):
    add(db_url, "--completed", "03/05/2026", "--contact-hours", "8")
    cli(db_url, "petition", "approve", "1")
    eng = open_store(db_url)
    with eng.connect() as conn:
        assert conn.execute(select(func.count()).select_from(credits)
                            .where(credits.c.source == "petition")).scalar() == 1
    eng.dispose()
