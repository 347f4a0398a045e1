"""`cec-batch desk`: the review desk, a local web page where staff clear open exceptions."""

from __future__ import annotations

import logging
import os
import secrets
import threading
import webbrowser

import click

from cec_batch.cli import EXIT_USAGE, fail, main


@main.command("desk")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but this machine (e.g. 0.0.0.0 for the office network) "
                   "requires the access token.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--token", envvar="CEC_DESK_TOKEN",
              help="Access token staff must give when the desk is open to the network (env CEC_DESK_TOKEN; "
                   "default: a new one, printed).")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64),
              help="Requests served at once (several staff at the same time).")
@click.option("--no-browser", is_flag=True, help="Do not open the desk in a web browser.")
@click.option("--verbose", is_flag=True, help="Log every decision in detail (debug level: includes names).")
@click.pass_obj
def desk_command(obj, host, port, token, threads, no_browser, verbose):
    """Open the review desk: the queue of open exceptions, one page each, decided with one key.

    Every decision goes through the same rules and the same ledger as `cec-batch resolve`,
    recorded with the operator's name (set on the page; default --operator) and the time.
    Stop it with Ctrl-C.

    \b
    Keys on an exception's page:
      Enter      post what is shown, a pre-filled candidate included (re-checked by the rules)
      i c t e    go to the certificant ID, course number, date or CECs field to correct it
      Esc        leave the field
      1-9        pick that candidate certificant
      d          dismiss: type the reason, then Enter
      j / k      next / back;  q the queue
      + - r      zoom in, zoom out, rotate the page image
    """
    from cec_batch.desk import create_app, is_loopback, make_server

    local = is_loopback(host)
    if local:
        token = None
    elif not token:
        token = secrets.token_urlsafe(18)
    elif len(token) < 12:
        fail("--token: use at least 12 characters (or leave it out to get a new one)", EXIT_USAGE)
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, format="%(asctime)s %(message)s")
    for noisy in ("waitress", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    engine = obj.engine()
    app = create_app(engine, operator=obj.operator, today=obj.today, token=token,
                     trusted_hosts=None if not local else ["127.0.0.1", "localhost", "[::1]", "::1"])
    try:
        server = make_server(app, host, port, threads=threads)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port} ({exc.strerror or exc}); try another --port", EXIT_USAGE)
    shown_host = "127.0.0.1" if local or host in ("0.0.0.0", "::") else host
    url = f"http://{'[' + shown_host + ']' if ':' in shown_host else shown_host}:{server.effective_port}/"
    click.echo(f"Review desk on {url} (store {_safe_url(obj.db_url)}, operator {obj.operator}, "
               f"processing date {obj.today.isoformat()})")
    if token:
        click.echo(f"Open to the network: staff open {url}?token={token}")
        click.echo("  (or enter the token on the page; it is valid until the desk stops)")
    click.echo("Stop with Ctrl-C.")
    if not no_browser and not os.environ.get("CEC_DESK_NO_BROWSER"):
        target = url + (f"?token={token}" if token else "")
        threading.Timer(0.5, webbrowser.open, args=(target,)).start()
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("Review desk stopped.")
    finally:
        server.close()


def _safe_url(url: str) -> str:
    from cec_batch.store.db import describe

    return describe(url)
