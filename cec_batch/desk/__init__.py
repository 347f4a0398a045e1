"""The review desk: a local web page where staff clear open exceptions, one key per certificate.

Flask with Jinja2 templates (autoescaped), served by waitress (multi-threaded). Every
decision goes through `resolve.decide`, the path `cec-batch resolve` takes: re-checked
by the rules, posted once, recorded with the operator and the time.

Safe by default: CSRF on every form (Flask-WTF), page images looked up by exception ID
only, a Content-Security-Policy that allows no inline script, an access token when the
desk is opened to the network, and no personal data in the log above debug level.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import secrets
import threading
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from flask import (Flask, abort, flash, get_flashed_messages, redirect, render_template, request, send_file,
                   session, url_for)
from flask_wtf.csrf import CSRFError, CSRFProtect
from sqlalchemy import Engine

from cec_batch.desk import view
from cec_batch.match import Matcher
from cec_batch.model import KINDS
from cec_batch.resolve import decide
from cec_batch.store import desk as queries
from cec_batch.store import ledger

log = logging.getLogger("cec_batch.desk")
HERE = Path(__file__).parent
REFERENCE_SECONDS = 60.0  # the catalogue and registry are read again after this long (reference loads are rare)
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Reference:
    """The catalogue and a matcher over the registry, shared by the server's threads, read again now and then."""

    def __init__(self, engine: Engine):
        self.engine, self._lock, self._at, self._value = engine, threading.Lock(), 0.0, None

    def get(self) -> tuple[dict, Matcher]:
        with self._lock:
            if self._value is None or time.monotonic() - self._at > REFERENCE_SECONDS:
                with self.engine.connect() as conn:
                    self._value = (ledger.load_catalogue(conn), Matcher(ledger.load_registry(conn)))
                self._at = time.monotonic()
            return self._value


class _Desk(Flask):
    def log_exception(self, exc_info) -> None:
        # Database messages quote the values written (names, emails): those only at debug level.
        log.error("desk: %s on %s %s", exc_info[0].__name__ if exc_info[0] else "fault", request.method, request.path)
        log.debug("desk: fault detail", exc_info=exc_info)


def create_app(engine: Engine, *, operator: str, today: date, token: str | None = None,
               trusted_hosts: list[str] | None = None, secret_key: str | None = None) -> Flask:
    """The desk's WSGI application on ENGINE. With TOKEN every request must show it once (then a cookie)."""
    app = _Desk(__name__, template_folder=str(HERE / "templates"), static_folder=str(HERE / "static"))
    app.config.update(
        SECRET_KEY=secret_key or secrets.token_hex(32),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        WTF_CSRF_TIME_LIMIT=None,           # a page left open over lunch still posts
        MAX_CONTENT_LENGTH=64 * 1024,        # forms are a few fields
        TRUSTED_HOSTS=trusted_hosts,         # loopback: refuse other Host headers (DNS rebinding)
    )
    CSRFProtect(app)
    ref = Reference(engine)
    app.extensions["cec_desk"] = {"engine": engine, "operator": operator, "today": today, "token": token}

    def who() -> str:
        return session.get("operator") or operator

    def filters() -> queries.Filters:
        batch = request.args.get("batch", "")
        return queries.Filters(kind=request.args.get("kind") or None, file=request.args.get("file") or None,
                               batch=int(batch) if batch.isdigit() else None,
                               provider=request.args.get("provider") or None)

    def filter_args(f: queries.Filters) -> dict:
        return {k: v for k, v in (("kind", f.kind), ("file", f.file), ("batch", f.batch),
                                  ("provider", f.provider)) if v not in (None, "")}

    @app.context_processor
    def _globals():
        return {"operator": who(), "today": today, "token_required": token is not None}

    @app.before_request
    def _access():
        if token is None or request.endpoint == "static":
            return None
        if session.get("token_ok"):
            return None
        given = request.args.get("token") or (request.form.get("token") if request.endpoint == "login" else None)
        if given and hmac.compare_digest(given.encode(), token.encode()):
            session["token_ok"] = True
            args = {k: v for k, v in request.args.items() if k != "token"}
            return redirect(request.path + ("?" + urlencode(args) if args else ""))
        if request.endpoint == "login" and request.method == "POST":
            return render_template("login.html", wrong=True), 403
        return render_template("login.html", wrong=False), 401

    @app.after_request
    def _headers(resp):
        resp.headers["Content-Security-Policy"] = ("default-src 'none'; img-src 'self'; style-src 'self'; "
                                                   "script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                                                   "frame-ancestors 'none'")
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        resp.headers.setdefault("Cache-Control", "no-store")
        return resp

    @app.errorhandler(CSRFError)
    def _csrf(exc):
        log.info("desk: form refused (%s) on %s", exc.description, request.path)
        return render_template("message.html", title="Form refused",
                               message="The form had no valid security token (the page may be old). "
                                       "Reload the page and try again."), 400

    @app.errorhandler(500)
    def _fault(_exc):
        return render_template("message.html", title="Something went wrong",
                               message="The desk could not do that. Nothing was posted; try again, and if "
                                       "it happens again tell whoever runs cec-batch."), 500

    @app.route("/favicon.ico")
    def favicon():
        return "", 204

    @app.route("/login", methods=["POST"])
    def login():
        return redirect(url_for("queue"))

    @app.route("/operator", methods=["POST"])
    def set_operator():
        name = " ".join(request.form.get("operator", "").split())[:100]
        if name:
            session["operator"] = name
        return redirect(request.form.get("back") if _local(request.form.get("back")) else url_for("queue"))

    @app.route("/")
    def queue():
        f = filters()
        with engine.connect() as conn:
            rows = queries.queue(conn, f)
            counts = queries.counts_by_kind(conn, f)
            choices = queries.filter_choices(conn)
        return render_template("queue.html", rows=rows, counts=counts, total=sum(counts.values()), f=f,
                               args=filter_args(f), choices=choices, kinds=KINDS,
                               messages=get_flashed_messages(with_categories=True))

    @app.route("/next")
    def next_open():
        """The next undecided exception after AFTER in the queue (wrapping round), or the queue when none is left."""
        f = filters()
        after = request.args.get("after", "")
        with engine.connect() as conn:
            found = queries.neighbour(conn, int(after) if after.isdigit() else None, f, forward=True)
        if found is None:
            flash("Nothing left to decide here.", "info")
            return redirect(url_for("queue", **filter_args(f)))
        return redirect(url_for("show", exception_id=found, **filter_args(f)))

    @app.route("/x/<int:exception_id>")
    def show(exception_id: int):
        f = filters()
        catalogue, matcher = ref.get()
        with engine.connect() as conn:
            ex = queries.exception(conn, exception_id)
            if ex is None:
                abort(404)
            ids = view.candidate_ids(ex, matcher)
            people = queries.people(conn, ids)
            followed = queries.answers_to(conn, exception_id) if ex["status"] == "answered" else []
            nxt = queries.neighbour(conn, exception_id, f, forward=True)
            prev = queries.neighbour(conn, exception_id, f, forward=False)
        page = view.build_page(ex, catalogue=catalogue, matcher=matcher, people=people, today=today)
        has_image = _servable(view.read_of(ex).get("image")) is not None
        return render_template("exception.html", page=page, ex=ex, f=f, args=filter_args(f), next_id=nxt,
                               prev_id=prev, followed=followed, has_image=has_image,
                               messages=get_flashed_messages(with_categories=True))

    @app.route("/x/<int:exception_id>/decide", methods=["POST"])
    def decide_view(exception_id: int):
        return _decide(exception_id, dismiss=False)

    @app.route("/x/<int:exception_id>/dismiss", methods=["POST"])
    def dismiss_view(exception_id: int):
        return _decide(exception_id, dismiss=True)

    def _decide(exception_id: int, *, dismiss: bool):
        f = filters()
        with engine.connect() as conn:
            ex = queries.exception(conn, exception_id)
        if ex is None:
            abort(404)
        here = url_for("show", exception_id=exception_id, **filter_args(f))
        if dismiss:
            decision, problem = view.dismissal(ex, request.form.get("reason", ""))
        else:
            decision, problem = view.decision_from_form(ex, request.form)
        if problem:
            flash(problem, "error")
            return redirect(here)
        result = decide(engine, decision, operator=who(), today=today)
        log.info("desk: exception %s %s%s", exception_id, result.outcome,
                 f" (credit {result.credit_id})" if result.credit_id else "")
        log.debug("desk: exception %s decision %r by %s: %s", exception_id, decision.text, who(), result.message)
        if result.outcome == "posted":
            flash(f"Exception {exception_id}: {result.message}", "ok")
            return redirect(url_for("next_open", after=exception_id, **filter_args(f)))
        if result.outcome == "dismissed":
            flash(f"Exception {exception_id} dismissed: {result.message}", "ok")
            return redirect(url_for("next_open", after=exception_id, **filter_args(f)))
        if result.outcome == "answered":
            new_id, kind = result.new_exceptions[0]
            flash(f"Exception {exception_id}: the rules said no. {result.message}. It is now exception "
                  f"{new_id} ({kind}).", "warn")
            return redirect(url_for("show", exception_id=new_id, **filter_args(f)))
        if result.outcome == "already_resolved":
            with engine.connect() as conn:
                now = queries.exception(conn, exception_id)
            flash(f"Exception {exception_id} was already decided by {now['resolved_by']} at "
                  f"{_when(now['resolved_at'])}: {now['resolution']}. Your decision was not applied.", "warn")
            return redirect(here)
        flash(result.message, "error")
        return redirect(here)

    @app.route("/x/<int:exception_id>/status")
    def status(exception_id: int):
        """Whether the exception is still open, and if not who decided it when (the page asks now and then)."""
        with engine.connect() as conn:
            ex = queries.exception(conn, exception_id)
        if ex is None:
            abort(404)
        return {"status": ex["status"], "resolved_by": ex["resolved_by"], "resolved_at": _when(ex["resolved_at"])}

    @app.route("/image/<int:exception_id>")
    def image(exception_id: int):
        with engine.connect() as conn:
            path = _servable(queries.image_path(conn, exception_id))
        if path is None:
            abort(404)
        return send_file(path, mimetype="image/png", max_age=0)

    app.jinja_env.filters["when"] = _when
    return app


def _servable(raw) -> Path | None:
    """RAW, a page image path the store recorded, if it is a PNG file that exists; else None."""
    if not raw:
        return None
    path = Path(raw)
    if path.suffix.lower() != ".png" or not path.is_file():
        return None
    return path


def _when(value) -> str:
    if value is None:
        return ""
    return value.strftime("%Y-%m-%d %H:%M UTC") if hasattr(value, "strftime") else str(value)


def _local(url: str | None) -> bool:
    """URL is a path on this site (an open redirect otherwise)."""
    return bool(url) and url.startswith("/") and not url.startswith("//") and "\\" not in url


def make_server(app: Flask, host: str, port: int, threads: int = 8):
    """A waitress server for APP bound to HOST:PORT (port 0: any free one); `.effective_port`, `.run()`, `.close()`."""
    from waitress.server import create_server

    return create_server(app, host=host, port=port, threads=threads, ident="cec-batch-desk")
