"""The quick screen must say exactly what `rules.screen` says, or stand aside (None)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cec_batch.config import Limits
from cec_batch.match import Matcher
from cec_batch.model import ROW_FIELDS
from cec_batch.prescreen import quick_screen
from cec_batch.readers import read_file
from cec_batch.readers.reference import read_reference
from cec_batch.model import Certificant, Course
from cec_batch.rules import screen

from conftest import SAMPLES

TODAY = date(2026, 11, 15)


def world():
    people = [Certificant(r["certificant_id"], r["first_name"], r["last_name"], r["email"], r["birth_date"])
              for r in read_reference(SAMPLES / "reference" / "certificants.csv", "certificants").rows]
    catalogue = {r["course_number"]: Course(**r)
                 for r in read_reference(SAMPLES / "reference" / "courses.csv", "courses").rows}
    return Matcher(people), catalogue


MATCHER, CATALOGUE = world()


def same_decisions(rows: list[dict]) -> int:
    columns = {f: [r.get(f) for r in rows] for f in ROW_FIELDS}
    quick = quick_screen(columns, catalogue=CATALOGUE, matcher=MATCHER, today=TODAY)
    taken = 0
    for row, q in zip(rows, quick):
        slow = screen(row, catalogue=CATALOGUE, matcher=MATCHER, today=TODAY)
        if q is None:
            continue
        taken += 1
        assert not slow.finished, (row, slow.outcome.exceptions)
        assert q.outcome == slow.outcome, row
        assert q.course == slow.course and q.stated_ceus == slow.stated_ceus
    return taken


ROSTERS = sorted(p for p in (SAMPLES / "rosters").iterdir() if p.name != "corrupt_truncated.xlsx")


@pytest.mark.parametrize("path", ROSTERS, ids=lambda p: p.name)
def test_quick_screen_agrees_with_the_rules_on_every_sample_row(path):
    rows = read_file(path, limits=Limits()).rows.to_dict("records")
    same_decisions(rows)


def test_quick_screen_takes_most_clean_sample_rows():
    rows = [r for p in ROSTERS for r in read_file(p, limits=Limits()).rows.to_dict("records")]
    assert same_decisions(rows) > len(rows) // 2


PEOPLE = list(MATCHER.by_id.values())
cells = st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["", "  ", "n/a"]))


@st.composite
def messy_rows(draw):
    p = draw(st.sampled_from(PEOPLE))
    other = draw(st.sampled_from(PEOPLE))
    course = draw(st.sampled_from(sorted(CATALOGUE)))
    return {
        "location": "row 2",
        "certificant_id": draw(st.sampled_from([p.certificant_id, other.certificant_id, None, "999999",
                                                float(p.certificant_id) if p.certificant_id.isdigit() else None])),
        "first_name": draw(st.sampled_from([p.first_name, other.first_name, p.first_name.upper(), None, ""])),
        "last_name": draw(st.sampled_from([p.last_name, other.last_name, None, f" {p.last_name} "])),
        "full_name": draw(st.sampled_from([None, f"{p.last_name}, {p.first_name}", f"{other.first_name} {p.last_name}"])),
        "email": draw(st.sampled_from([None, p.email, other.email, "nobody@example.com", "bad-address"])),
        "birth_date": draw(st.sampled_from([None, "01/02/1980", p.birth_date])),
        "course_number": draw(st.sampled_from([course, course.lower(), course[:2] + "-" + course[2:], "CA2345",
                                               "ＣＡ" + course[2:], None])),
        "completion_date": draw(st.sampled_from(["03/05/2026", date(2026, 3, 5), "2026-11-16", "02/30/2026",
                                                 45000.0, None, "March 5, 2026"])),
        "ceus": draw(cells),
        "review": None,
        "read": None,
    }


@settings(max_examples=300, deadline=None)
@given(st.lists(messy_rows(), min_size=1, max_size=5))
def test_quick_screen_never_disagrees_with_the_rules_on_messy_rows(rows):
    same_decisions(rows)
