"""The review desk in a real browser: Playwright driving Debian's Chromium, headless, on the sample world.

The sample world is built as `make demo` builds it (samples/run_demo.py), on SQLite and on
PostgreSQL, with one more emailed certificate whose name is one letter off a certificant's and
carries no ID or email (R17 never posts that alone, so a person checks the one candidate the
desk pre-fills). The desk runs in this process on a free port (waitress in a thread).
Screenshots are kept under the test's tmp path (set CEC_DESK_SCREENSHOTS=DIR to keep them
elsewhere); they are never committed from there.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from cec_batch.desk import create_app, make_server
from cec_batch.store import open_store
from cec_batch.store.tables import credits, exceptions

from cli_helpers import TODAY, cli
from conftest import SAMPLES
from desk_world import certificate_pdf, today

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# .ci/run sets this: there a missing browser or Playwright is a failure, not a skip.
REQUIRE_BROWSER = os.environ.get("CEC_REQUIRE_BROWSER") == "1"
try:
    from playwright import sync_api as playwright
except ImportError:
    if REQUIRE_BROWSER:
        raise
    pytest.skip("playwright is not installed (pip install -e '.[test]')", allow_module_level=True)
if REQUIRE_BROWSER and not Path(CHROMIUM).exists():
    raise RuntimeError(f"{CHROMIUM} is missing and CEC_REQUIRE_BROWSER=1: apt-get install chromium")

spec = importlib.util.spec_from_file_location("run_demo", SAMPLES / "run_demo.py")
run_demo = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run_demo)

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed "
                                 "(apt-get install chromium; .ci/run does)")]


@pytest.fixture
def sample_world(db_url, tmp_path):
    run_demo.run(tmp_path, TODAY, quiet=True, db_url=db_url)
    # The next morning's mail: an emailed certificate whose name is one letter off Deepa Uddin's
    # (144708), with no ID or email on it; course, date and CECs are printed plainly.
    mail = certificate_pdf(tmp_path / "one-letter-off.pdf",
                           ["Name: Deepa Udin", "Course ID: CA23456", "Course: Functional Training for Older Adults",
                            "Completed: 02/14/2026", "CEUs: 0.4"])
    cli(db_url, "ingest", "--images", str(tmp_path / "reports" / "review-images"), str(mail))
    engine = open_store(db_url)
    yield engine, tmp_path
    engine.dispose()


@pytest.fixture
def desk(sample_world):
    engine, folder = sample_world
    app = create_app(engine, operator="desk-default", today=today(),
                     trusted_hosts=["127.0.0.1", "localhost"])
    server = make_server(app, "127.0.0.1", 0, threads=6)
    closing = threading.Event()

    def serve():
        # Closing the server's socket under its loop's select() is how the loop ends here: the
        # "Bad file descriptor" that follows is that end, not a fault (any other is raised).
        try:
            server.run()
        except OSError:
            if not closing.is_set():
                raise

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield engine, folder, f"http://127.0.0.1:{server.effective_port}"
    closing.set()
    server.close()
    thread.join(10)


@pytest.fixture
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield b
        b.close()


def one(engine, **where) -> dict:
    q = select(exceptions).where(*(getattr(exceptions.c, k) == v for k, v in where.items()))
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
    assert len(rows) == 1, (where, rows)
    return rows[0]


def desk_credits(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            select(credits.c.certificant_id, credits.c.course_number, credits.c.completion_date,
                   credits.c.source_file, credits.c.source_location, credits.c.operator)
            .where(credits.c.source == "resolution").order_by(credits.c.credit_id))]


def shown_id(url: str) -> int:
    return int(re.search(r"/x/(\d+)", url).group(1))


def staff(browser, base: str, name: str, shots: Path):
    """A browser context for one member of staff, who has told the desk their name."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base + "/")
    page.fill("input[name=operator]", name)
    page.click(".who button")
    page.wait_for_load_state()
    page.errors = errors
    page.shot = lambda label: page.screenshot(path=str(shots / f"{name}-{label}.png"))
    return context, page


def test_staff_clear_the_sample_world_at_the_desk_and_two_at_once_post_once(desk, browser, tmp_path):
    engine, folder, base = desk
    shots = Path(os.environ.get("CEC_DESK_SCREENSHOTS") or tmp_path / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    ctx, page = staff(browser, base, "ann", shots)
    assert "open exceptions" in page.inner_text("h1")
    assert page.locator(".counts li").filter(has_text="needs_review").count() == 1
    page.shot("queue")

    # 1. A pre-filled certificate cleared with one key: the desk offers the one close candidate,
    #    marked as doubtful; the clerk reads the name on the page, agrees, and presses Enter.
    clear = one(engine, source_file="one-letter-off.pdf", status="open")
    assert clear["kind"] == "unknown_certificant" and clear["certificant_id"] is None
    page.goto(f"{base}/x/{clear['exception_id']}")
    assert page.input_value("#f-certificant") == "144708"
    assert [page.input_value(f"#f-{k}") for k in ("course", "date", "ceus")] == ["CA23456", "02/14/2026", "0.4"]
    flagged = page.inner_text(".field.flagged.guessed")
    assert "one letter off 144708 Deepa Uddin" in flagged and "no ID or email" in flagged
    assert page.locator("li.candidate.picked").get_attribute("data-id") == "144708"
    assert "Name: Deepa Udin" in page.inner_text("#page-text")
    page.shot("prefilled")
    with engine.connect() as conn:
        before = conn.execute(select(credits.c.credit_id)).all()
    page.keyboard.press("Enter")                                  # the one key
    page.wait_for_url(lambda url: f"/x/{clear['exception_id']}" not in url)
    assert "posted credit" in page.inner_text(".flash")
    with engine.connect() as conn:
        assert len(conn.execute(select(credits.c.credit_id)).all()) == len(before) + 1
    now = one(engine, exception_id=clear["exception_id"])
    assert now["status"] == "resolved" and now["resolution"].startswith("certificant 144708: posted credit")

    # 2. Another page: one field corrected (c, the typing, Enter); its image zoomed and turned first.
    fix = one(engine, source_file="text_missing_course_number.pdf", status="open")
    page.goto(f"{base}/x/{fix['exception_id']}")
    assert "not found" in page.inner_text(".field.flagged")
    assert page.locator("#page-image").evaluate("img => img.complete && img.naturalWidth > 0")
    page.shot("certificate")
    page.keyboard.press("+")
    page.keyboard.press("r")
    assert page.eval_on_selector("#page", "p => [p.style.width, p.style.transform]") == ["125%", "rotate(90deg)"]
    page.keyboard.press("-")
    page.keyboard.press("r")
    page.keyboard.press("r")
    page.keyboard.press("r")
    assert page.eval_on_selector("#page", "p => [p.style.width, p.style.transform]") == ["100%", ""]
    page.keyboard.press("c")
    page.keyboard.type("CP60101")
    page.shot("correction")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: f"/x/{fix['exception_id']}" not in url)
    assert "posted credit" in page.inner_text(".flash")

    # 3. An ambiguous roster row: the second candidate picked with its number key.
    amb = one(engine, kind="ambiguous_certificant", source_file="summit_conference_event.csv",
              source_location="row 9", status="open")
    page.goto(f"{base}/x/{amb['exception_id']}")
    assert page.locator("li.candidate").count() == 2
    assert page.get_attribute('li.candidate[data-pick="2"]', "data-id") == "162953"
    assert "the row as the provider sent it" in page.inner_text(".left").lower()
    page.keyboard.press("2")
    assert page.input_value("#f-certificant") == "162953"
    page.shot("candidate")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: f"/x/{amb['exception_id']}" not in url)

    # 4. A duplicate dismissed with a reason (d, the reason, Enter).
    dup = one(engine, kind="duplicate", source_file="acme_title_lines_last_first.xlsx",
              source_location="row 27 (Roster)", status="open")
    page.goto(f"{base}/x/{dup['exception_id']}")
    page.keyboard.press("d")
    page.keyboard.type("same row sent twice")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: f"/x/{dup['exception_id']}" not in url)
    assert "dismissed" in page.inner_text(".flash")

    # j and k move on and back.
    page.goto(f"{base}/x/{dup['exception_id']}")
    page.keyboard.press("j")
    page.wait_for_url(lambda url: f"/x/{dup['exception_id']}" not in url)
    after_j = page.url
    assert shown_id(after_j) > dup["exception_id"]
    page.keyboard.press("k")
    page.wait_for_url(lambda url: url != after_j)
    assert shown_id(page.url) < dup["exception_id"]  # back past the one just dismissed, to an open one
    assert page.locator("#decide").count() == 1
    assert page.errors == []

    # 5. The ledger and the statuses afterwards.
    assert desk_credits(engine) == [
        ("144708", "CA23456", today().replace(month=2, day=14), "one-letter-off.pdf", "page 1", "ann"),
        ("174165", "CP60101", today().replace(month=4, day=2), "text_missing_course_number.pdf", "page 1", "ann"),
        ("162953", "CEP246810", today().replace(month=6, day=14), "summit_conference_event.csv", "row 9", "ann"),
    ]
    for ex, status in ((clear, "resolved"), (fix, "resolved"), (amb, "resolved"), (dup, "dismissed")):
        now = one(engine, exception_id=ex["exception_id"])
        assert (now["status"], now["resolved_by"]) == (status, "ann")
        assert now["resolved_at"] is not None
    assert one(engine, exception_id=dup["exception_id"])["resolution"] == "dismiss: same row sent twice"
    ctx.close()

    # 6. Two people decide one exception at the same time: one credit (the sample world is built once).
    two_people_decide_one_exception(engine, base, browser, shots)


def two_people_decide_one_exception(engine, base, browser, shots: Path):
    """Ann and Bob press Enter on the same ambiguous row; Cy only looks at it."""
    target = one(engine, kind="ambiguous_certificant", source_file="harbor_ods_no_ids_family_email.ods",
                 status="open")
    # A third member of staff only looks at the page: it tells them when it was taken, and by whom.
    _ctx3, watcher = staff(browser, base, "cy", shots)
    watcher.goto(f"{base}/x/{target['exception_id']}")
    pages = []
    for name in ("ann", "bob"):
        ctx, page = staff(browser, base, name, shots)
        page.goto(f"{base}/x/{target['exception_id']}")
        page.keyboard.press("1")
        pages.append((name, ctx, page))
    # Both press Enter, the second without waiting for the answer to the first (the server has threads).
    for _name, _ctx, page in pages:
        page.keyboard.press("Enter")
    for _name, _ctx, page in pages:
        page.wait_for_load_state()
        page.wait_for_selector(".flash")
    texts = {name: page.inner_text(".flash") for name, _ctx, page in pages}
    losers = [n for n, t in texts.items() if "already decided by" in t]
    winners = [n for n, t in texts.items() if "posted credit" in t and n not in losers]
    assert len(winners) == 1 and len(losers) == 1, texts
    assert f"already decided by {winners[0]}" in texts[losers[0]]
    for name, _ctx, page in pages:
        page.shot("race")
    with engine.connect() as conn:
        posted = conn.execute(select(credits.c.certificant_id, credits.c.operator).where(
            credits.c.source_file == target["source_file"],
            credits.c.source_location == target["source_location"])).all()
    assert [tuple(p) for p in posted] == [("154724", winners[0])]
    assert one(engine, exception_id=target["exception_id"])["resolved_by"] == winners[0]
    watcher.wait_for_selector("#taken-now:not([hidden])", timeout=15000)
    assert f"resolved by {winners[0]}" in watcher.inner_text("#taken-now")
    assert watcher.is_disabled("#post")
    _ctx3.close()
    for _n, ctx, _p in pages:
        ctx.close()
