"""The review desk at the server level, with Flask's test client, on SQLite and PostgreSQL.

CSRF on every form, the access token when open to the network, page images only for
exceptions the store knows, strangers' text escaped, decisions through resolve's path
(posted once, by whom and when), and no personal data in the log above debug level.
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
import threading
import urllib.error
import urllib.request

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from cec_batch.desk import create_app
from cec_batch.store import open_store
from cec_batch.store.tables import batches, credits, exceptions

from cli_helpers import argv, cli
from desk_world import HTML_FILE, csrf, small_world, today


@pytest.fixture
def world(db_url, tmp_path):
    ids = small_world(db_url, tmp_path)
    engine = open_store(db_url)
    yield engine, ids, tmp_path
    engine.dispose()


def app_for(engine, **kw):
    return create_app(engine, operator="clerk", today=today(), **kw)


def page_token(client, path="/") -> str:
    res = client.get(path)
    assert res.status_code == 200, res.status_code
    return csrf(res.data)


def ledger_of(engine):
    with engine.connect() as conn:
        creds = [dict(r) for r in conn.execute(select(credits).order_by(credits.c.credit_id)).mappings()]
        excs = {r.exception_id: dict(r._mapping) for r in conn.execute(select(exceptions))}
    return creds, excs


# -- CSRF ---------------------------------------------------------------------------------------
def test_every_form_refuses_a_post_without_its_csrf_token(world):
    engine, ids, _ = world
    client = app_for(engine).test_client()
    eid = ids[("ambiguous_certificant", "row 3")]
    before = ledger_of(engine)
    for path, form in ((f"/x/{eid}/decide", {"certificant": "104235"}),
                       (f"/x/{eid}/dismiss", {"reason": "sent twice"}),
                       ("/operator", {"operator": "mallory"})):
        res = client.post(path, data=form)
        assert res.status_code == 400, path
        assert b"Form refused" in res.data
        res = client.post(path, data={**form, "csrf_token": "forged"})
        assert res.status_code == 400, path
    assert ledger_of(engine) == before
    # The same post with the page's token is applied.
    token = page_token(client, f"/x/{eid}")
    res = client.post(f"/x/{eid}/decide", data={"certificant": "104235", "csrf_token": token})
    assert res.status_code == 302
    creds, excs = ledger_of(engine)
    assert [(c["certificant_id"], c["course_number"]) for c in creds[len(before[0]):]] == [("104235", "CA10001")]
    assert excs[eid]["status"] == "resolved"


# -- the access token ---------------------------------------------------------------------------
def test_open_to_the_network_every_request_needs_the_token_once(world):
    engine, ids, _ = world
    secret = "tok-" + "x" * 20
    client = app_for(engine, token=secret).test_client()
    eid = ids[("needs_review", "page 1")]
    for path in ("/", f"/x/{eid}", f"/image/{eid}", "/next", "/?token=wrong-token-123"):
        res = client.get(path)
        assert res.status_code == 401, path
        assert b"access token" in res.data
        # No page image, nor a link to one (the page's random CSRF token may hold "png" by chance).
        assert b"Maria" not in res.data and not res.data.startswith(b"\x89PNG") and b"<img" not in res.data
    assert client.get("/static/desk.css").status_code == 200  # the login page's style only
    # A wrong token typed in the form is refused; the right one lets this browser in.
    res = client.post("/login", data={"token": "nope-nope-nope", "csrf_token": csrf(client.get("/").data)})
    assert res.status_code == 403
    res = client.get(f"/?token={secret}")
    assert res.status_code == 302 and "token" not in res.location
    assert client.get("/").status_code == 200
    assert client.get(f"/image/{eid}").status_code == 200
    # Another browser (no cookie) is still asked.
    assert app_for(engine, token=secret).test_client().get("/").status_code == 401


def test_bound_to_this_machine_other_host_names_are_refused(world):
    engine, _, _ = world
    client = app_for(engine, trusted_hosts=["127.0.0.1", "localhost"]).test_client()
    assert client.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400  # DNS rebinding


def test_the_desk_command_open_to_the_network_prints_a_token_and_asks_for_it(db_url, tmp_path):
    proc = subprocess.Popen(argv(db_url, "desk", "--host", "0.0.0.0", "--port", "0", "--no-browser"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = [proc.stdout.readline() for _ in range(2)]
        url = re.search(r"(http://\S+?)\?token=(\S+)", lines[1])
        assert url, lines
        base, token = url.group(1), url.group(2)
        assert len(token) >= 20
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base, timeout=10)
        assert refused.value.code == 401
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with browser.open(f"{base}?token={token}", timeout=10) as res:  # follows to / with the cookie
            assert res.status == 200
            assert b"open exception" in res.read()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_the_desk_command_binds_this_machine_by_default(db_url):
    proc = subprocess.Popen(argv(db_url, "desk", "--port", "0", "--no-browser"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("Review desk on http://127.0.0.1:"), line
        assert "token" not in proc.stdout.readline()
        with urllib.request.urlopen(line.split()[3], timeout=10) as res:
            assert res.status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)


# -- images -------------------------------------------------------------------------------------
def test_images_only_for_pages_the_store_knows(world):
    engine, ids, tmp_path = world
    client = app_for(engine).test_client()
    page = ids[("needs_review", "page 1")]
    res = client.get(f"/image/{page}")
    assert res.status_code == 200 and res.mimetype == "image/png" and res.data[:4] == b"\x89PNG"
    roster_row = ids[("ambiguous_certificant", "row 3")]
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the browser")
    for path in (f"/image/{roster_row}", "/image/999999", "/image/-1", "/image/../../etc/passwd",
                 "/image/%2e%2e%2f%2e%2e%2fetc%2fpasswd", f"/image/{page}/../../secret.txt",
                 f"/image/{page}?path={secret}", "/image/1.png", "/static/../desk/view.py"):
        res = client.get(path)
        if path.endswith(f"?path={secret}"):
            assert res.data[:4] == b"\x89PNG"  # the query is ignored: still the page's own image
            continue
        assert res.status_code == 404, path
        assert b"not for the browser" not in res.data and b"import" not in res.data
    # Whatever the store says, only an existing PNG is served.
    with engine.begin() as conn:
        data = conn.execute(select(exceptions.c.data).where(exceptions.c.exception_id == page)).scalar_one()
        data["read"]["image"] = str(secret)
        conn.execute(update(exceptions).where(exceptions.c.exception_id == page).values(data=data))
    assert client.get(f"/image/{page}").status_code == 404


# -- escaping -----------------------------------------------------------------------------------
def test_names_and_file_names_from_strangers_are_shown_as_text(world):
    engine, ids, _ = world
    client = app_for(engine).test_client()
    eid = ids[("unknown_certificant", "row 5")]
    for path in ("/", f"/x/{eid}", f"/?file={HTML_FILE}"):
        html = client.get(path).data.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, path
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
    html = client.get(f"/x/{eid}").data.decode()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "=HYPERLINK(&#34;http://evil.example/&#34;,&#34;click&#34;)" in html
    assert 'href="http://evil' not in html
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/desk.js" defer>']
    res = client.get("/")
    assert "script-src 'self'" in res.headers["Content-Security-Policy"]


# -- decisions ----------------------------------------------------------------------------------
def test_a_desk_decision_is_recorded_with_operator_and_time_and_posts_once(world, db_url):
    engine, ids, tmp_path = world
    eid = ids[("ambiguous_certificant", "row 3")]
    ann, bob = app_for(engine).test_client(), app_for(engine).test_client()
    for client, name in ((ann, "Ann Desk"), (bob, "Bob Desk")):
        client.post("/operator", data={"operator": name, "csrf_token": page_token(client)})
    t_ann, t_bob = page_token(ann, f"/x/{eid}"), page_token(bob, f"/x/{eid}")
    res = ann.post(f"/x/{eid}/decide", data={"certificant": "104235", "course": "CA10001", "csrf_token": t_ann})
    assert res.status_code == 302 and "/next" in res.location
    # Bob's page was open on the same exception: his decision finds it taken, and says by whom.
    res = bob.post(f"/x/{eid}/decide", data={"certificant": "104234", "csrf_token": t_bob}, follow_redirects=True)
    html = res.data.decode()
    assert "already decided by Ann Desk" in html and "Your decision was not applied" in html
    creds, excs = ledger_of(engine)
    mine = [c for c in creds if c["source"] == "resolution"]
    assert [(c["certificant_id"], c["course_number"], c["operator"]) for c in mine] == [("104235", "CA10001", "Ann Desk")]
    assert excs[eid]["status"] == "resolved" and excs[eid]["resolved_by"] == "Ann Desk"
    assert excs[eid]["resolved_at"] is not None
    assert excs[eid]["resolution"].startswith("certificant 104235: posted credit")
    with engine.connect() as conn:
        assert conn.execute(select(batches.c.command, batches.c.operator)
                            .where(batches.c.batch_id == mine[0]["batch_id"])).one() == ("desk", "Ann Desk")
    # The page now shows who took it.
    assert "resolved</b> by Ann Desk" in bob.get(f"/x/{eid}").data.decode()

    # The same exception decided in a workbook afterwards: nothing posted twice.
    out = tmp_path / "wb.xlsx"
    cli(db_url, "exceptions", "workbook", "--out", str(out), "--status", "all")
    wb = load_workbook(out)
    found = 0
    for ws in wb.worksheets[1:]:
        header = [c.value for c in ws[2]]
        if "resolution" not in header:
            continue
        for r in range(3, ws.max_row + 1):
            if ws.cell(r, header.index("exception_id") + 1).value == eid:
                ws.cell(r, header.index("resolution") + 1).value = "certificant 104234"
                found += 1
    assert found == 1
    wb.save(out)
    summary = json.loads(cli(db_url, "resolve", "--json", str(out)).output)
    assert summary["posted"] == 0 and summary["already_resolved"] == 1
    assert len([c for c in ledger_of(engine)[0] if c["source"] == "resolution"]) == 1


def test_a_workbook_decision_first_then_the_desk_finds_it_taken(world, db_url):
    engine, ids, tmp_path = world
    eid = ids[("invalid_date", "row 6")]
    client = app_for(engine).test_client()
    token = page_token(client, f"/x/{eid}")
    out = tmp_path / "wb.xlsx"
    cli(db_url, "exceptions", "workbook", "--out", str(out))
    wb = load_workbook(out)
    ws = wb["invalid_date"]
    header = [c.value for c in ws[2]]
    ws.cell(3, header.index("resolution") + 1).value = "date 04/05/2026"
    wb.save(out)
    cli(db_url, "resolve", str(out), operator="wb-clerk")
    res = client.post(f"/x/{eid}/decide", data={"date": "04/06/2026", "csrf_token": token}, follow_redirects=True)
    assert "already decided by wb-clerk" in res.data.decode()
    assert [(c["completion_date"].isoformat(), c["operator"]) for c in ledger_of(engine)[0]
            if c["source"] == "resolution"] == [("2026-04-05", "wb-clerk")]


def test_a_correction_that_ends_as_a_duplicate_is_shown_at_once(world):
    engine, ids, _ = world
    eid = ids[("unknown_course_number", "row 4")]
    client = app_for(engine).test_client()
    res = client.post(f"/x/{eid}/decide", data={"course": "CA23456", "csrf_token": page_token(client, f"/x/{eid}")})
    assert res.status_code == 302
    _, excs = ledger_of(engine)
    new = [e for e in excs.values() if (e["data"] or {}).get("answers") == eid]
    assert [e["kind"] for e in new] == ["duplicate"] and excs[eid]["status"] == "answered"
    assert res.location.endswith(f"/x/{new[0]['exception_id']}")
    html = client.get(res.location).data.decode()
    assert "the rules said no" in html and "duplicate" in html and "CA23456 was already credited" in html


def test_enter_on_an_untouched_roster_row_posts_nothing(world):
    engine, ids, _ = world
    eid = ids[("unknown_course_number", "row 4")]
    client = app_for(engine).test_client()
    before = ledger_of(engine)
    res = client.post(f"/x/{eid}/decide", data={"course": "CA23459", "certificant": "104233",
                                                 "csrf_token": page_token(client, f"/x/{eid}")}, follow_redirects=True)
    assert "nothing was changed" in res.data.decode()
    assert ledger_of(engine) == before


def test_a_page_needing_review_is_pre_filled_and_shows_candidates_and_the_catalogue(world):
    engine, ids, _ = world
    eid = ids[("needs_review", "page 1")]
    html = app_for(engine).test_client().get(f"/x/{eid}").data.decode()
    assert "course number not found" in html
    assert 'name="certificant" value="104235"' in html      # the email names one person: pre-filled
    assert 'name="date" value="04/01/2026"' in html
    assert "104235</b> Maria Garcia" in html and "agrees: email" in html
    assert "Health Coach 2025-03-01 to 2027-02-28 (open)" in html
    ambiguous = app_for(engine).test_client().get(f"/x/{ids[('ambiguous_certificant', 'row 3')]}").data.decode()
    assert ambiguous.count('class="candidate"') == 2
    assert "Mobility Basics" in ambiguous and "0.5 CECs" in ambiguous
    unknown = app_for(engine).test_client().get(f"/x/{ids[('unknown_course_number', 'row 4')]}").data.decode()
    assert 'data-number="CA23456"' in unknown


def test_the_queue_counts_filters_and_next(world):
    engine, ids, _ = world
    client = app_for(engine).test_client()
    html = client.get("/").data.decode()
    assert "5 open exceptions" in html
    assert re.search(r"needs_review <b>1</b>", html)
    html = client.get("/?kind=needs_review").data.decode()
    assert "no-course-number.pdf" in html and "CA23459" not in html
    first = min(ids.values())
    assert client.get("/next").location.endswith(f"/x/{first}")
    res = client.get(f"/next?after={first}&kind=unknown_course_number")
    assert res.location.endswith(f"/x/{ids[('unknown_course_number', 'row 4')]}?kind=unknown_course_number")


def test_dismissal_needs_a_reason(world):
    engine, ids, _ = world
    eid = ids[("invalid_date", "row 6")]
    client = app_for(engine).test_client()
    token = page_token(client, f"/x/{eid}")
    res = client.post(f"/x/{eid}/dismiss", data={"reason": "  ", "csrf_token": token}, follow_redirects=True)
    assert "a dismissal needs a reason" in res.data.decode()
    client.post(f"/x/{eid}/dismiss", data={"reason": "sent twice by the provider", "csrf_token": token})
    exc = ledger_of(engine)[1][eid]
    assert (exc["status"], exc["resolution"], exc["resolved_by"]) == ("dismissed", "dismiss: sent twice by the provider",
                                                                      "clerk")


def test_no_personal_data_in_the_log_above_debug(world, caplog):
    engine, ids, _ = world
    client = app_for(engine).test_client()
    with caplog.at_level(logging.INFO):
        for key, form in ((("ambiguous_certificant", "row 3"), {"certificant": "104235"}),
                          (("unknown_course_number", "row 4"), {"course": "CA23456"})):
            eid = ids[key]
            client.post(f"/x/{eid}/decide", data={**form, "csrf_token": page_token(client, f"/x/{eid}")})
        client.get("/x/999999")
    text = "\n".join(r.getMessage() for r in caplog.records if r.levelno > logging.DEBUG)
    assert "exception" in text  # the decisions are logged...
    for personal in ("Maria", "Garcia", "Robert", "Smith", "104235", "104233", "@example.com"):
        assert personal not in text  # ...without names, IDs or emails


def test_several_staff_deciding_one_exception_at_once_post_it_once(world):
    engine, ids, _ = world
    eid = ids[("ambiguous_certificant", "row 3")]
    app = app_for(engine)
    clients = [app.test_client() for _ in range(4)]
    tokens = [page_token(c, f"/x/{eid}") for c in clients]
    start = threading.Barrier(len(clients))
    results = []

    def go(client, token, who):
        start.wait()
        res = client.post(f"/x/{eid}/decide", data={"certificant": who, "csrf_token": token})
        results.append(res.status_code)

    threads = [threading.Thread(target=go, args=(c, t, "104235" if i % 2 else "104234"))
               for i, (c, t) in enumerate(zip(clients, tokens))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert results == [302] * 4
    creds, excs = ledger_of(engine)
    assert len([c for c in creds if c["source"] == "resolution"]) == 1
    assert excs[eid]["status"] == "resolved"


def test_field_regions_are_drawn_from_the_boxes_the_reader_recorded(world):
    engine, ids, _ = world
    eid = ids[("needs_review", "page 1")]
    client = app_for(engine).test_client()
    box_re = r'class="box[^"]*" data-field="([^"]+)" data-box="([^"]+)"'

    def set_data(data):
        with engine.begin() as conn:
            conn.execute(update(exceptions).where(exceptions.c.exception_id == eid).values(data=data))

    # As ingested: the reader recorded where it read each field, and the desk draws those boxes.
    html = client.get(f"/x/{eid}").data.decode()
    drawn = dict(re.findall(box_re, html))
    assert "full_name" in drawn and "no field regions recorded" not in html
    assert all(0.0 <= float(v) <= 1.0 for box in drawn.values() for v in box.strip("[]").split(","))
    with engine.begin() as conn:
        data = conn.execute(select(exceptions.c.data).where(exceptions.c.exception_id == eid)).scalar_one()
    for f in data["read"]["fields"].values():
        f.pop("box", None)
    set_data(data)
    html = client.get(f"/x/{eid}").data.decode()
    assert 'class="box' not in html and "no field regions recorded" in html  # none recorded: the page alone
    data["read"]["fields"]["full_name"]["box"] = [0.1, 0.2, 0.45, 0.24]
    data["read"]["fields"]["completion_date"]["box"] = [0.1, 0.3, "x", 0.34]   # unusable: left out
    data["read"]["fields"]["email"]["box"] = [0.6, 0.2, 0.5, 0.24]             # x1 < x0: left out
    set_data(data)
    html = client.get(f"/x/{eid}").data.decode()
    assert re.findall(box_re, html) == [
        ("full_name", "[0.1, 0.2, 0.45, 0.24]")]
