"""The certificate corpus behind `make quality` (bench/certcorpus): deterministic, and its truth postable.

The truth is checked against samples/reference read here on its own (not through the
generator's World), so a generator that chose an impossible credit is caught.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal

import pypdfium2 as pdfium
import pytest

from conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT))

from bench import quality  # noqa: E402
from bench.certcorpus import build, forms  # noqa: E402
from bench.certcorpus.world import TODAY, World  # noqa: E402

REF = SAMPLES / "reference"


def _csv(name):
    with (REF / name).open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def reference():
    people = {r["certificant_id"]: r for r in _csv("certificants.csv")}
    periods = defaultdict(list)
    for r in _csv("certifications.csv"):
        periods[r["certificant_id"]].append((date.fromisoformat(r["period_start"]), date.fromisoformat(r["period_end"])))
    courses = {r["course_number"]: r for r in _csv("courses.csv")}
    return people, periods, courses


@pytest.fixture(scope="module")
def plans():
    world = World()
    return {s: build.plan(world, s, build.layouts(s)) for s in build.SETS}


def _pages(plans):
    for s, files in plans.items():
        for f in files:
            for n, page in enumerate(f.pages, start=1):
                yield s, f, n, page


def test_every_expected_credit_is_postable_under_the_rules(plans, reference):
    people, periods, courses = reference
    checked = 0
    for s, f, n, page in _pages(plans):
        if page.layout is None:
            continue
        c = page.cert
        where = f"{f.rel} page {n}"
        pid = c.person.certificant_id
        assert pid in people, where
        assert (people[pid]["first_name"], people[pid]["last_name"]) == (c.person.first, c.person.last), where
        assert any(a <= c.completed <= b for a, b in periods[pid]), f"{where}: {c.completed} outside every period (R6)"
        course = courses[c.course.number]
        start = date.fromisoformat(course["approved_from"])
        end = date.fromisoformat(course["approved_to"]) if course["approved_to"] else None
        assert start <= c.completed and (end is None or c.completed <= end), f"{where}: outside approval (R9)"
        assert c.completed <= TODAY, f"{where}: future date (R15)"
        catalogue = Decimal(course["ceus"])
        assert course["category"] != "activity", where
        if course["category"] == "event":
            assert Decimal("0") < c.ceus <= catalogue, f"{where}: event credit over the cap (R11)"
            assert c.completed == end and c.start == start, f"{where}: an event completes on its last day"
        else:
            assert c.ceus == catalogue, f"{where}: CECs differ from the catalogue (R10)"
        if c.hours is not None:
            assert Decimal(c.hours) / 10 == c.ceus, where
        if page.layout.evidence == "name":
            same = [p for p in people.values()
                    if (p["first_name"].casefold(), p["last_name"].casefold())
                    == (c.person.first.casefold(), c.person.last.casefold())]
            assert len(same) == 1, f"{where}: a page naming only the person names someone with a shared name"
        checked += 1
    assert checked >= 4 * 30       # 2 pages per layout per form, >= 30 layouts, three forms


def test_pages_of_one_file_certify_different_people(plans):
    for s, f, n, page in _pages(plans):
        people = [p.cert.person.certificant_id for p in f.pages if p.cert is not None]
        assert len(people) == len(set(people)), f.rel


def test_every_layout_is_in_all_three_forms_and_held_out_is_apart(plans):
    tuned, held = build.layouts("tuned"), build.layouts("heldout")
    assert len(held) >= 10 and len(tuned) + len(held) >= 30
    assert not {x.name for x in tuned} & {x.name for x in held}
    assert not {x.draw for x in tuned} & {x.draw for x in held}
    for s, files in plans.items():
        seen = Counter((p.layout.name, f.form) for f in files for p in f.pages if p.layout is not None)
        for lay in build.layouts(s):
            for form in build.FORMS:
                assert seen[(lay.name, form)] >= 2, (s, lay.name, form)
    blanks = [p for _, f, _, p in _pages(plans) if p.layout is None and f.form == "scan"]
    assert blanks and any(p.look.bleed for p in blanks)


def test_the_fresh_set_is_layouts_of_its_own(plans):
    fresh = build.layouts("fresh")
    assert len(fresh) >= 20
    for other in ("tuned", "heldout"):
        theirs = build.layouts(other)
        assert not {x.name for x in fresh} & {x.name for x in theirs}
        assert not {x.draw for x in fresh} & {x.draw for x in theirs}


def test_the_fresh2_set_is_layouts_of_its_own(plans):
    fresh2 = build.layouts("fresh2")
    assert len(fresh2) >= 24
    for other in ("tuned", "heldout", "fresh"):
        theirs = build.layouts(other)
        assert not {x.name for x in fresh2} & {x.name for x in theirs}
        assert not {x.draw for x in fresh2} & {x.draw for x in theirs}


def test_the_fresh3_set_is_layouts_of_its_own(plans):
    fresh3 = build.layouts("fresh3")
    assert len(fresh3) >= 26
    for other in ("tuned", "heldout", "fresh", "fresh2"):
        theirs = build.layouts(other)
        assert not {x.name for x in fresh3} & {x.name for x in theirs}
        assert not {x.draw for x in fresh3} & {x.draw for x in theirs}


def test_the_fresh4_set_is_layouts_of_its_own(plans):
    fresh4 = build.layouts("fresh4")
    assert len(fresh4) >= 28
    for other in ("tuned", "fresh", "fresh2", "fresh3"):
        theirs = build.layouts(other)
        assert not {x.name for x in fresh4} & {x.name for x in theirs}
        assert not {x.draw for x in fresh4} & {x.draw for x in theirs}


def test_the_fresh5_set_is_layouts_of_its_own(plans):
    fresh5 = build.layouts("fresh5")
    assert len(fresh5) >= 29
    for other in ("tuned", "fresh", "fresh2", "fresh3", "fresh4"):
        theirs = build.layouts(other)
        assert not {x.name for x in fresh5} & {x.name for x in theirs}
        assert not {x.draw for x in fresh5} & {x.draw for x in theirs}


def test_the_fresh6_set_is_layouts_of_its_own(plans):
    fresh6 = build.layouts("fresh6")
    assert len(fresh6) >= 28
    for other in ("tuned", "fresh", "fresh2", "fresh3", "fresh4", "fresh5"):
        theirs = build.layouts(other)
        assert not {x.name for x in fresh6} & {x.name for x in theirs}
        assert not {x.draw for x in fresh6} & {x.draw for x in theirs}


def test_the_redrawn_set_is_the_tuned_layouts_with_other_draws(plans):
    assert [x.name for x in build.layouts("redrawn")] == [x.name for x in build.layouts("tuned")]

    def draws(s):
        return {(f.form, f.name, n): (p.cert.person.certificant_id, p.cert.course.number, p.cert.completed)
                for f in plans[s] for n, p in enumerate(f.pages, start=1) if p.layout is not None and f.form != "text"}

    tuned, redrawn = draws("tuned"), draws("redrawn")
    same_file = {k for k in tuned if k in redrawn}
    assert len(same_file) >= 60
    # Other people, courses or dates on nearly every page of the same file name (a few may coincide).
    assert sum(tuned[k] == redrawn[k] for k in same_file) <= len(same_file) // 10
    looks = {s: {(f.form, f.name, n): p.look.describe() for f in plans[s] for n, p in enumerate(f.pages, 1)
                 if p.look is not None and p.layout is not None} for s in ("tuned", "redrawn")}
    assert sum(looks["tuned"][k] == looks["redrawn"].get(k) for k in looks["tuned"]) <= len(looks["tuned"]) // 10


def test_generation_is_deterministic_and_the_text_layer_carries_the_truth(tmp_path):
    only = {"classic-landscape", "dot-leader-form"}
    a = build.generate(tmp_path / "a", sets=("tuned",), forms_=("text",), only=only, workers=1)
    b = build.generate(tmp_path / "b", sets=("tuned",), forms_=("text",), only=only, workers=1)
    assert a == b and len(a) == 2
    for row in a:
        pa, pb = tmp_path / "a" / "tuned" / "text" / row["file"], tmp_path / "b" / "tuned" / "text" / row["file"]
        assert pa.read_bytes() == pb.read_bytes()
        doc = pdfium.PdfDocument(str(pa))
        text = doc[0].get_textpage().get_text_bounded()
        doc.close()
        last = row["name"].split()[-1]
        digits = row["course_number"].lstrip("CEPALS")
        assert last.casefold() in text.casefold() and digits in text, row["file"]
        assert row["certificant_id"] in text
    assert (tmp_path / "a" / "truth.csv").read_bytes() == (tmp_path / "b" / "truth.csv").read_bytes()


def test_a_name_whose_letters_a_font_lacks_is_drawn_in_one_that_has_them(tmp_path):
    # Liberation has no Vietnamese "ị" or "ễ": a provider's software would fall back to another font.
    from reportlab.pdfgen import canvas

    from bench.certcorpus.pen import Pen

    path = tmp_path / "p.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    pen = Pen(c, (612, 792), None)
    pen.text(72, 700, "Thị Hoa Nguyễn", "LiberationSerif-BoldItalic", 30)
    pen.text(72, 600, "Björn Åkesson", "LiberationSans", 12)
    c.showPage()
    c.save()
    doc = pdfium.PdfDocument(str(path))
    text = doc[0].get_textpage().get_text_bounded()
    doc.close()
    assert "Thị Hoa Nguyễn" in text and "Björn Åkesson" in text


@pytest.mark.slow
def test_scans_and_faxes_are_deterministic_and_shaped_like_the_mail(tmp_path):
    only = {"letter-awarded-on"}
    for d in ("a", "b"):
        build.generate(tmp_path / d, sets=("tuned",), forms_=("scan", "fax"), only=only, workers=1)
    for form in ("scan", "fax"):
        pa = tmp_path / "a" / "tuned" / form / "letter-awarded-on.pdf"
        assert pa.read_bytes() == (tmp_path / "b" / "tuned" / form / "letter-awarded-on.pdf").read_bytes()
        doc = pdfium.PdfDocument(str(pa))
        page = doc[0]
        assert page.get_textpage().get_text_bounded().strip() == ""    # a picture, no text layer
        img = next(iter(page.get_objects()))
        w_px, h_px = img.get_px_size()
        w_pt, h_pt = page.get_size()
        xdpi, ydpi = w_px * 72 / w_pt, h_px * 72 / h_pt
        if form == "fax":
            assert round(xdpi) == forms.FAX_DPI[0] and round(ydpi) == forms.FAX_DPI[1]
            assert "CCITTFaxDecode" in img.get_filters()
        else:
            assert 199 <= min(xdpi, ydpi) and max(xdpi, ydpi) <= 301
            assert "DCTDecode" in img.get_filters()
        doc.close()


def _got(credits=None, exceptions=None, status="applied"):
    return {"status": status, "message": "", "credits": defaultdict(list, credits or {}),
            "exceptions": defaultdict(list, exceptions or {})}


def test_the_harness_counts_a_credit_with_any_field_wrong_as_wrong():
    truth = {"page": "1", "expect": "credit", "certificant_id": "100128", "course_number": "CA23456",
             "completion_date": "2026-03-05", "ceus": "0.4"}
    right = {"certificant_id": "100128", "course_number": "CA23456", "completion_date": "2026-03-05", "ceus": "0.40"}
    assert quality.judge(truth, _got({"page 1": [right]}))[0] == "right"
    for field, value in (("certificant_id", "100129"), ("course_number", "CA23458"),
                         ("completion_date", "2026-03-06"), ("ceus", "0.3")):
        assert quality.judge(truth, _got({"page 1": [{**right, field: value}]}))[0] == "wrong", field
    review = {"kind": "needs_review", "detail": "x", "data": {}}
    warned = {"kind": "ceus_mismatch", "detail": "x", "data": {}}
    assert quality.judge(truth, _got(exceptions={"page 1": [review]}))[0] == "review"
    assert quality.judge(truth, _got({"page 1": [right]}, {"page 1": [warned]}))[0] == "review"
    assert quality.judge(truth, _got())[0] == "lost"
    assert quality.judge(truth, _got({"page 2": [right]}))[0] == "lost"
    blank = {"page": "2", "expect": "blank"}
    assert quality.judge(blank, _got())[0] == "blank"
    assert quality.judge(blank, _got(exceptions={"page 2": [review]}))[0] == "blank_exc"
    assert quality.judge(blank, _got({"page 2": [right]}))[0] == "wrong"


def test_misses_of_the_held_out_set_are_refused(capsys):
    with pytest.raises(SystemExit) as exc:
        quality.main(["--set", "heldout", "--misses"])
    assert exc.value.code == 2
    assert "held-out" in capsys.readouterr().err
