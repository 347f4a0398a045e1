"""The `cec-batch` command line: options, output and exit codes; the work is in the library.

Commands live in the modules of this package, one per area; each registers itself
on `main` when imported below.
"""

from __future__ import annotations

import getpass
import json
import sys
from dataclasses import dataclass
from datetime import date

import click

from cec_batch.errors import CecError, first_line

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 75


@dataclass
class Context:
    """What every command gets from the global options."""

    db_url: str
    operator: str
    today: date
    _engine: object = None

    def engine(self):
        """The store, opened on first use (schema checked)."""
        if self._engine is None:
            from cec_batch.store import open_store

            self._engine = open_store(self.db_url)
        return self._engine


def _default_operator() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "unknown"


def iso_date(_ctx, _param, value):
    """Click callback: an optional YYYY-MM-DD option as a date."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _parse_today(ctx, param, value):
    return date.today() if value is None else iso_date(ctx, param, value)


class Group(click.Group):
    """Turns the program's own errors into one line on stderr and exit code 1."""

    def invoke(self, ctx):
        from sqlalchemy.exc import DBAPIError

        try:
            return super().invoke(ctx)
        except CecError as exc:
            fail(str(exc), EXIT_FAILED)
        except DBAPIError as exc:
            fail(f"database error: {first_line(exc) or type(exc).__name__}", EXIT_FAILED)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--db", "db_url", envvar="CEC_DB_URL", default="sqlite:///cec-batch.sqlite3",
              show_default=True, help="SQLAlchemy URL of the store (env CEC_DB_URL), "
              "e.g. postgresql+psycopg://user@host/db.")
@click.option("--operator", envvar="CEC_OPERATOR", default=_default_operator,
              help="Name recorded on everything this command does (env CEC_OPERATOR; default: login name).")
@click.option("--today", envvar="CEC_TODAY", callback=_parse_today,
              help="Processing date YYYY-MM-DD, for future_date checks and reports (env CEC_TODAY; default: today).")
@click.version_option(package_name="cec-batch")
@click.pass_context
def main(ctx, db_url, operator, today):
    """Continuing-education credits: load reference data, ingest rosters and certificates,
    post credits to the ledger and report what needs a human.

    Exit codes: 0 done (business exceptions are outcomes, not failures); 1 something
    could not be processed (the rest was); 2 usage error; 75 another run holds the lock.
    """
    from cec_batch.config import apply_file_modes

    apply_file_modes()  # reports and exports hold personal data: owner only, unless CEC_SHARE_GROUP
    ctx.obj = Context(db_url=db_url, operator=operator, today=today)


def emit(summary: dict, as_json: bool, render) -> None:
    """Print a summary: one JSON object with --json, else RENDER(summary) for people."""
    if as_json:
        click.echo(json.dumps(summary, default=str, sort_keys=True))
    else:
        render(summary)


def json_option(f):
    return click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")(f)


def dry_run_option(f):
    return click.option("--dry-run", is_flag=True, help="Do everything and report it, but commit nothing.")(f)


def fail(message: str, code: int = EXIT_FAILED):
    """Stop with MESSAGE on stderr and exit CODE."""
    click.echo(f"cec-batch: {message}", err=True)
    sys.exit(code)


# Register the commands (each module adds its own to `main`).
from cec_batch.cli import commands, desk, jobs, report, review_desk, staff  # noqa: E402,F401
