"""The scheduled run: `cec-batch nightly`."""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path

import click

from cec_batch.cli import EXIT_FAILED, EXIT_LOCKED, EXIT_OK, emit, fail, json_option, main
from cec_batch.cli.commands import render_ingest


def _folder(envvar: str, help_text: str):
    return click.option(f"--{envvar.split('_')[1].lower()}", envvar=envvar, required=True,
                        type=click.Path(file_okay=False, path_type=Path), help=f"{help_text} (env {envvar}).")


def write_night_reports(engine, *, summary: dict, reports: Path, today: date) -> list[Path]:
    """The day's exceptions workbook and the provider feedback workbooks."""
    from cec_batch.reports.exceptions_workbook import write_exceptions_workbook
    from cec_batch.reports.provider_feedback import write_provider_feedback

    written = []
    with engine.connect() as conn:
        out = reports / f"exceptions-{today.isoformat()}.xlsx"
        write_exceptions_workbook(conn, out, status="open", batch_id=summary["batch_id"])
        written.append(out)
        written.extend(write_provider_feedback(conn, reports / "feedback", batch_id=summary["batch_id"]))
    return written


@main.command("nightly")
@_folder("CEC_INBOX_DIR", "Folder where rosters and certificates arrive")
@_folder("CEC_ARCHIVE_DIR", "Folder where received files are kept under their content hash")
@_folder("CEC_REPORTS_DIR", "Folder for the day's exceptions workbook, run summary and provider feedback")
@json_option
@click.pass_obj
def nightly(obj, inbox, archive, reports, as_json):
    """The scheduled run: ingest every new file in the inbox, move it to the archive,
    and write the day's exceptions workbook and run summary into the reports folder.

    Holds a lock (exit 75 if another nightly run has it). Safe to kill and re-run:
    nothing is posted twice and no file is lost. Exit 1 when any file was unreadable.
    """
    from cec_batch.nightly import Locked, run_lock, run_nightly

    if not inbox.is_dir():
        fail(f"--inbox {inbox}: no such folder", 2)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
    tty = sys.stderr.isatty() and not as_json
    try:
        with run_lock(archive):
            bar = None

            def progress(i, n, report):
                nonlocal bar
                if tty:
                    if bar is None:
                        bar = click.progressbar(length=n, label="nightly", file=sys.stderr)
                        bar.__enter__()
                    bar.update(1)
                else:
                    click.echo(f"nightly [{i}/{n}] {report.status}: {report.message}", err=True)

            result = run_nightly(obj.engine(), inbox=inbox, archive=archive, reports=reports,
                                 operator=obj.operator, today=obj.today, progress=progress,
                                 write_reports=write_night_reports)
            if bar is not None:
                bar.__exit__(None, None, None)
    except Locked as exc:
        fail(f"{exc}; try again later", EXIT_LOCKED)

    def render(s):
        render_ingest(s)
        for p in s["reports"]:
            click.echo(f"  report: {p}")
        if s.get("interrupted_runs"):
            click.echo(f"  note: {s['interrupted_runs']} earlier run(s) had been interrupted; their work is finished now")

    summary = dict(result.summary)
    summary["reports"] = [str(p) for p in result.reports]
    emit(summary, as_json, render)
    sys.exit(EXIT_FAILED if result.failed else EXIT_OK)
