"""Matching rows to certificants (R16-R18): precision first."""

from __future__ import annotations

from datetime import date

import pytest

from cec_batch.match import Matcher, PersonRef
from cec_batch.model import Certificant

PEOPLE = [
    Certificant("104233", "Robert", "Smith", "bob@example.com", date(1980, 1, 2)),
    Certificant("104234", "Maria", "Garcia", "maria1@example.com", date(1985, 5, 5)),
    Certificant("104235", "Maria", "Garcia", "maria2@example.com", date(1990, 9, 9)),
    Certificant("200001", "José", "Núñez", "jose@example.com"),
    Certificant("200002", "Elizabeth", "O'Brien-Hall", "liz@example.com"),
    Certificant("200003", "Ana", "van der Berg", None),
    Certificant("300001", "Tom", "Lee", "family@example.com"),
    Certificant("300002", "Amy", "Lee", "family@example.com"),
]
M = Matcher(PEOPLE)


def match(cid=None, first=None, last=None, full=None, email=None, birth=None):
    return M.match(PersonRef.from_row(cid, first, last, full, email, birth))


@pytest.mark.parametrize("kw", [
    dict(cid="104233", first="Robert", last="Smith"),
    dict(cid="104233", first="Bob", last="Smith"),                  # nickname
    dict(cid="104233", full="Smith, Robert J."),                    # Last, First with initial
    dict(cid="104233", full="Robrt Smith"),                          # typo, ID agrees
    dict(email="BOB@example.com ", first="Bobby", last="smith"),    # email + nickname
    dict(first="Jose", last="Nunez"),                                # accents, name only, unique
    dict(full="Liz O'Brien Hall"),                                    # nickname, hyphen, apostrophe
    dict(full="Ana Van Der Berg"),                                    # multi-word surname
])
def test_r17_clerk_equivalent_evidence_matches(kw):
    m = match(**kw)
    assert m.finding is None, m.finding and m.finding.detail
    assert m.certificant_id in {"104233", "200001", "200002", "200003"}


def test_r17_id_typo_is_caught_by_name_and_email():
    m = match(cid="104323", first="Robert", last="Smith", email="bob@example.com")  # transposed digits
    assert m.certificant_id == "104233"
    assert any("typo" in e for e in m.evidence)


def test_r17_existing_id_whose_name_and_email_disagree_is_not_a_match():
    # 104234 exists (Maria Garcia) but the row is clearly Robert Smith: look by the other evidence.
    m = match(cid="104234", first="Robert", last="Smith", email="bob@example.com")
    assert m.certificant_id != "104234"


def test_r16_name_alone_that_points_away_from_a_far_id_is_refused():
    m = match(cid="999999", first="Robert", last="Smith")
    assert m.certificant_id is None and m.finding.kind == "unknown_certificant"


def test_r16_fuzzy_name_alone_is_not_enough():
    m = match(first="Robrt", last="Smith")
    assert m.certificant_id is None and m.finding.kind == "unknown_certificant"
    assert "104233" in m.finding.detail  # offered as a similar name


def test_r18_shared_name_without_other_evidence_is_ambiguous_with_candidates():
    m = match(first="Maria", last="Garcia")
    assert m.finding.kind == "ambiguous_certificant"
    ids = [c["certificant_id"] for c in m.finding.data["candidates"]]
    assert ids == ["104234", "104235"]
    assert "104234" in m.finding.detail and "104235" in m.finding.detail


def test_r17_birth_date_separates_shared_names():
    m = match(first="Maria", last="Garcia", birth=date(1990, 9, 9))
    assert m.certificant_id == "104235"


def test_r17_shared_email_is_separated_by_name():
    assert match(email="family@example.com", first="Amy", last="Lee").certificant_id == "300002"
    m = match(email="family@example.com")
    assert m.finding.kind == "ambiguous_certificant"


def test_r18_nobody_plausible_is_unknown_certificant():
    m = match(cid="555555", first="Zed", last="Nobody", email="zed@nowhere.example")
    assert m.finding.kind == "unknown_certificant"
    assert "555555" in m.finding.detail


def test_r18_row_naming_no_person_is_unknown():
    assert match().finding.kind == "unknown_certificant"


def test_r16_id_alone_is_strong_enough():
    assert match(cid="104233").certificant_id == "104233"


def test_r16_id_whose_email_belongs_to_someone_else_is_not_posted():
    m = match(cid="104233", email="jose@example.com")
    assert m.certificant_id is None
