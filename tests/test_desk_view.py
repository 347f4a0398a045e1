"""The review desk's page model and form decisions, on plain literals (no server, no database)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cec_batch.desk.view import build_page, decision_from_form, dismissal, field_boxes
from cec_batch.match import Matcher
from cec_batch.model import Certificant, Course, Period
from cec_batch.store.desk import Person

PAGE_ROW = {"location": "page 1", "certificant_id": None, "first_name": None, "last_name": None,
            "full_name": "Gabriel Mbeki", "email": "gmbeki@example.net", "birth_date": None,
            "course_number": "CP60101", "completion_date": "01/09/2026", "ceus": "0.2",
            "review": "course number 'CP60101' read with low confidence (74)"}
READ = {"text_source": "ocr", "image": "/nowhere/page-1.png",
        "fields": {"course_number": {"value": "CP60101", "confidence": 74.0, "how": "label"},
                   "full_name": {"value": "Gabriel Mbeki", "confidence": 96.0, "how": "label"},
                   "email": {"value": "gmbeki@example.net", "confidence": 80.0, "how": "label"}}}
PAGE = {"exception_id": 34, "kind": "needs_review", "status": "open", "certificant_id": None,
        "data": {"read": READ, "row": {**PAGE_ROW, "read": READ}}}
ROSTER = {"exception_id": 6, "kind": "unknown_course_number", "status": "open", "certificant_id": "141373",
          "data": {"suggestions": ["CA23456"],
                   "row": {"location": "row 48", "certificant_id": 141373.0, "full_name": "Eun-ji Watanabe",
                           "email": None, "course_number": "CA23457", "completion_date": "08/22/2026",
                           "ceus": None, "review": None}}}
CATALOGUE = {"CP60101": Course("CP60101", "Adult CPR", "Lifeline", Decimal("0.2"), "cpr",
                               date(2023, 1, 1)),
             "CA23456": Course("CA23456", "Kettlebell", "Acme", Decimal("0.8"), "standard",
                               date(2023, 1, 1))}
MATCHER = Matcher([Certificant("149351", "Gabriel", "Mbeki", "gmbeki@example.net")])


def test_an_untouched_certificate_page_posts_as_read_with_the_person_the_page_names():
    page = build_page(PAGE, catalogue=CATALOGUE, matcher=MATCHER, people={}, today=date(2026, 11, 15))
    shown = {s.key: s for s in page.fields}
    assert shown["certificant"].value == "149351"        # pre-filled: the email names one person
    assert shown["course"].reason == "'CP60101' read with low confidence (74)"
    assert page.email.reason == "read with low confidence (80)"
    assert page.low_fields == {"course_number", "email"}
    assert page.course.title == "Adult CPR"
    form = {k: s.value for k, s in shown.items()}
    decision, problem = decision_from_form(PAGE, form)
    assert problem is None and decision.values == {"certificant": "149351"}  # only what differs from the read
    decision, _ = decision_from_form(PAGE, {**form, "certificant": ""})
    assert decision.values == {} and decision.text == "as read"


def test_a_roster_row_needs_a_change_and_compares_course_numbers_without_case():
    form = {"certificant": "141373", "course": "ca23457", "date": "08/22/2026", "ceus": ""}
    assert decision_from_form(ROSTER, form) == (None, "nothing was changed: correct a field, pick a candidate "
                                                      "(1-9) or dismiss (d)")
    decision, problem = decision_from_form(ROSTER, {**form, "course": " CA23456 "})
    assert problem is None and decision.values == {"course": "CA23456"}
    assert decision.text == "course CA23456" and decision.exception_id == 6
    page = build_page(ROSTER, catalogue=CATALOGUE, matcher=MATCHER, people={}, today=date(2026, 11, 15))
    assert page.course is None and page.nearest == ["CA23456"] and not page.is_certificate


def test_warnings_and_unreadable_files_can_only_be_dismissed_with_a_reason():
    warning = {**ROSTER, "kind": "ceus_mismatch"}
    assert decision_from_form(warning, {"ceus": "0.5"})[1].startswith("this exception can only be dismissed")
    assert dismissal(warning, "   ") == (None, "a dismissal needs a reason")
    decision, _ = dismissal(warning, " checked  with the provider ")
    assert (decision.dismiss, decision.text) == ("checked with the provider", "dismiss: checked with the provider")


def test_field_boxes_are_read_when_present_and_usable():
    assert field_boxes(None) == {} and field_boxes(PAGE["data"]) == {}
    data = {"read": {"fields": {"full_name": {"box": [0.1, 0.2, 0.5, 0.25]},
                                "email": {"box": [-0.5, 0.2, 1.7, 0.3]},      # clamped to the page
                                "ceus": {"box": [0.5, 0.5, 0.4, 0.6]},        # empty: left out
                                "course_number": {"box": "0 0 1 1"}}}}        # not a list: left out
    assert field_boxes(data) == {"full_name": [0.1, 0.2, 0.5, 0.25], "email": [0.0, 0.2, 1.0, 0.3]}


# A page whose name is one letter off a certificant's, with no ID or email on it (R17 never posts that).
TYPO_ROW = {"location": "page 1", "certificant_id": None, "first_name": None, "last_name": None,
            "full_name": "Deepa Udin", "email": None, "birth_date": None, "course_number": "CA23456",
            "completion_date": "02/14/2026", "ceus": "0.4", "review": None}
TYPO_READ = {"text_source": "text", "image": None,
             "fields": {"full_name": {"value": "Deepa Udin", "confidence": 100.0, "how": "label"}}}
UDDIN = Certificant("144708", "Deepa", "Uddin", "deepa_uddin@example.org", date(1974, 9, 29))
UDINE = Certificant("144709", "Deepa", "Udine", None)


def typo_page(*people: Certificant) -> dict:
    return {"exception_id": 39, "kind": "unknown_certificant", "status": "open", "certificant_id": None,
            "data": {"evidence": [], "row": {**TYPO_ROW, "read": TYPO_READ},
                     "candidates": [{"certificant_id": p.certificant_id} for p in people]}}


def person(p: Certificant, periods=((date(2024, 1, 1), date(2027, 12, 31)),)) -> Person:
    return Person(p.certificant_id, p.first_name, p.last_name, p.email, p.birth_date,
                  [Period("CPT", start, end) for start, end in periods])


def test_one_close_candidate_is_pre_filled_as_doubtful_and_enter_posts_it():
    ex = typo_page(UDDIN)
    page = build_page(ex, catalogue=CATALOGUE, matcher=Matcher([UDDIN]), people={"144708": person(UDDIN)},
                      today=date(2026, 11, 15))
    shown = {s.key: s for s in page.fields}
    assert (shown["certificant"].value, shown["certificant"].guessed) == ("144708", True)
    assert shown["certificant"].reason == ("the name 'Deepa Udin' is one letter off 144708 Deepa Uddin; no ID or "
                                           "email on the page confirms it (pre-filled: check the name on the page)")
    assert shown["certificant"].read == ""      # not read from the page: shown as "read: (nothing)"
    decision, problem = decision_from_form(ex, {k: s.value for k, s in shown.items()})
    assert problem is None and decision.values == {"certificant": "144708"}


def test_two_equally_close_candidates_are_not_pre_filled():
    ex = typo_page(UDDIN, UDINE)
    page = build_page(ex, catalogue=CATALOGUE, matcher=Matcher([UDDIN, UDINE]),
                      people={"144708": person(UDDIN), "144709": person(UDINE)}, today=date(2026, 11, 15))
    shown = {s.key: s for s in page.fields}
    assert [c.certificant_id for c in page.candidates] == ["144708", "144709"]   # number keys pick
    assert (shown["certificant"].value, shown["certificant"].reason, shown["certificant"].guessed) == ("", None, False)
    assert decision_from_form(ex, {k: s.value for k, s in shown.items()}) == (
        None, "nothing was changed: correct a field, pick a candidate (1-9) or dismiss (d)")


def test_a_close_candidate_ahead_of_a_far_one_is_pre_filled_but_not_one_without_a_period_for_the_date():
    far = Certificant("150001", "Dena", "Odin", None)      # a similar name, not a close one
    ex = typo_page(UDDIN, far)
    page = build_page(ex, catalogue=CATALOGUE, matcher=Matcher([UDDIN, far]),
                      people={"144708": person(UDDIN), "150001": person(far)}, today=date(2026, 11, 15))
    assert page.fields[0].value == "144708" and page.fields[0].guessed
    lapsed = person(UDDIN, periods=((date(2020, 1, 1), date(2021, 12, 31)),))
    page = build_page(typo_page(UDDIN), catalogue=CATALOGUE, matcher=Matcher([UDDIN]), people={"144708": lapsed},
                      today=date(2026, 11, 15))
    assert page.fields[0].value == "" and not page.fields[0].guessed
    assert "no period holds the completion date" in page.candidates[0].differs


def test_a_roster_row_is_never_pre_filled_by_a_close_name():
    ex = typo_page(UDDIN)
    ex["data"]["row"] = dict(TYPO_ROW)                     # no read: a roster row, not a page
    page = build_page(ex, catalogue=CATALOGUE, matcher=Matcher([UDDIN]), people={"144708": person(UDDIN)},
                      today=date(2026, 11, 15))
    assert page.fields[0].value == "" and not page.fields[0].guessed


def test_a_scanned_page_without_a_saved_image_is_never_pre_filled():
    # The clerk must be able to check the name against the page; OCR text alone is the machine's reading.
    ex = typo_page(UDDIN)
    ex["data"]["row"]["read"] = {**TYPO_READ, "text_source": "ocr", "image": None}
    page = build_page(ex, catalogue=CATALOGUE, matcher=Matcher([UDDIN]), people={"144708": person(UDDIN)},
                      today=date(2026, 11, 15))
    assert page.fields[0].value == "" and not page.fields[0].guessed
    assert [c.certificant_id for c in page.candidates] == ["144708"]   # still offered: a number key picks
