"""Report commands: the monthly compliance workbook."""

from __future__ import annotations

import os
from pathlib import Path

import click

from cec_batch.cli import EXIT_FAILED, EXIT_USAGE, emit, fail, json_option, main, iso_date
from cec_batch.errors import CecError, first_line


def _parse_month(_ctx, _param, value):
    if value is None:
        return None
    from cec_batch.reports.compliance import parse_month

    try:
        return parse_month(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.group()
def report():
    """Reports for staff: the monthly compliance workbook."""


@report.command("compliance")
@click.option("--as-of", "as_of", callback=iso_date, metavar="DATE",
              help="Judge every certification as of this day, YYYY-MM-DD (default: the global --today).")
@click.option("--out", "raw_out", required=True, type=click.Path(),
              help="The workbook to write (.xlsx). A folder: compliance-<as-of>.xlsx inside it.")
@click.option("--warn-days", default=90, show_default=True, type=click.IntRange(min=0), metavar="N",
              help="At risk: under 2.0 CECs and the period ends within N days of the as-of date.")
@click.option("--month", callback=_parse_month, metavar="YYYY-MM",
              help="Month for credits posted and providers (default: the month containing the day "
                   "before the as-of date, i.e. last month when run on the 1st).")
@json_option
@click.pass_obj
def compliance(obj, as_of, raw_out, warn_days, month, as_json):
    """Write the compliance workbook: statuses (complete, on track, at risk, lapsed) per
    certification period, the month's credits and open exceptions, providers, with charts.

    Reads only; safe to run at any time, also while `nightly` runs.
    """
    from sqlalchemy.exc import DBAPIError

    from cec_batch.reports.compliance import default_month, redact_url, write_compliance_workbook

    as_of = as_of or obj.today
    month = month or default_month(as_of)
    if month > as_of.replace(day=1):
        fail(f"--month {month:%Y-%m} is after the as-of date {as_of}; choose {as_of:%Y-%m} or earlier",
             EXIT_USAGE)
    out = Path(raw_out)
    if out.is_dir():
        out = out / f"compliance-{as_of:%Y-%m-%d}.xlsx"
    elif str(raw_out).endswith(("/", os.sep)):
        fail(f"--out {raw_out}: the folder does not exist; create it first", EXIT_USAGE)
    if out.suffix.lower() != ".xlsx":
        fail(f"--out {out}: the compliance workbook is an .xlsx file (give a name ending in .xlsx, or a folder)",
             EXIT_USAGE)
    if not out.parent.is_dir():
        fail(f"--out {out}: the folder {out.parent} does not exist; create it first", EXIT_USAGE)

    label = redact_url(obj.db_url)
    try:
        summary = write_compliance_workbook(obj.engine(), out, as_of, warn_days, month, db_label=label)
    except CecError as exc:
        fail(str(exc), EXIT_FAILED)
    except DBAPIError as exc:
        fail(f"the database {label} could not be read: {first_line(exc) or type(exc).__name__}", EXIT_FAILED)
    emit(summary, as_json, _render)


def _render(s: dict) -> None:
    st = s["statuses"]
    click.echo(f"Compliance as of {s['as_of']} (at risk: period ends within {s['warn_days']} days), "
               f"month {s['month']}")
    click.echo(f"  written to {s['out']} ({s['seconds']} s)")
    click.echo(f"  database   {s['database']}")
    click.echo(f"Certification periods: {s['certifications']:,}")
    click.echo(f"  complete {st['complete']:,}  on track {st['on_track']:,}  at risk {st['at_risk']:,}  "
               f"lapsed {st['lapsed']:,}   (closed {st['closed']:,}, not started {st['not_started']:,})")
    posted = s["credits_posted"]
    total = sum(e["credits"] for e in posted.values())
    cecs = sum(e["cecs"] for e in posted.values())
    parts = ", ".join(f"{src} {e['credits']:,}" for src, e in posted.items())
    click.echo(f"Credits posted in {s['month']}: {total:,} ({cecs:,.1f} CECs): {parts}")
    if s["reversals"]["count"]:
        click.echo(f"  reversals recorded: {s['reversals']['count']:,} ({s['reversals']['cecs']:,.1f} CECs)")
    open_ex = s["open_exceptions"]
    if open_ex:
        top = ", ".join(f"{k} {n:,}" for k, n in list(open_ex.items())[:6])
        more = f", ... ({len(open_ex) - 6} more kinds)" if len(open_ex) > 6 else ""
        click.echo(f"Open exceptions: {sum(open_ex.values()):,}: {top}{more}")
    else:
        click.echo("Open exceptions: none")
    worst = s["worst_provider"]
    if worst:
        rate = "" if worst["exception_rate"] is None else f", {worst['exception_rate']:.0%} of rows in exception"
        click.echo(f"Providers in {s['month']}: {s['providers']:,} (worst: {worst['provider']}{rate})")
    else:
        click.echo(f"Providers in {s['month']}: none (no files applied)")
