"""Commands of the core: db, load, ingest, reverse, export."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cec_batch.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, dry_run_option, emit, fail, json_option, main
from cec_batch.errors import UnreadableFile, UsageError


# -- db -------------------------------------------------------------------------------
@main.group()
def db():
    """The store's schema version."""


@db.command("upgrade")
@click.pass_obj
def db_upgrade(obj):
    """Migrate the database to the schema version this program needs."""
    from cec_batch.store import db as store_db

    engine = store_db.open_store(obj.db_url, check=False)
    before, after = store_db.upgrade(engine)
    if before == after:
        click.echo(f"schema already at version {after}; nothing to do")
    else:
        click.echo(f"schema migrated from version {before or 'none'} to {after}")


@db.command("status")
@click.pass_obj
def db_status(obj):
    """Show the schema version of the database and the one this program needs."""
    from cec_batch.store import db as store_db

    engine = store_db.open_store(obj.db_url, check=False)
    have, want = store_db.current_revision(engine), store_db.head_revision()
    click.echo(f"database: {store_db.describe(obj.db_url)}\nschema version: {have or 'none'}\n"
               f"this program needs: {want}\n" + ("up to date" if have == want else "run `cec-batch db upgrade`"))


# -- load -------------------------------------------------------------------------------
@main.command("load")
@click.argument("kind", type=click.Choice(["certificants", "certifications", "courses"]))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@dry_run_option
@json_option
@click.pass_obj
def load(obj, kind, file, dry_run, as_json):
    """Load reference data (CSV or XLSX, header row as in the contract); an upsert, repeatable.

    Bad rows are listed with their row number and reason; the good rows still load
    and the exit code is 1.
    """
    from cec_batch.load import load_reference, reads_ahead

    try:
        summary = load_reference(obj.engine, kind, file, dry_run=dry_run, read_ahead=reads_ahead(obj.db_url, file))
    except UnreadableFile as exc:
        fail(str(exc), EXIT_FAILED)

    def render(s):
        verb = "would load" if dry_run else "loaded"
        click.echo(f"{kind}: {verb} {s['loaded']} rows from {file.name}; {s['bad_rows']} bad rows")
        for p in s["problems"][:50]:
            click.echo(f"  {p}")
        if len(s["problems"]) > 50:
            click.echo(f"  ... and {len(s['problems']) - 50} more (use --json for all)")

    emit(summary, as_json, render)
    sys.exit(EXIT_FAILED if summary["problems"] else EXIT_OK)


# -- ingest ------------------------------------------------------------------------------
@main.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--course", help="Course number for a roster that has no course column.")
@click.option("--provider", help="The provider who sent these files (recorded with them).")
@click.option("--images", "image_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for page images of certificates that need review [default: ./review-images].")
@dry_run_option
@json_option
@click.pass_obj
def ingest(obj, paths, course, provider, image_dir, dry_run, as_json):
    """Read rosters (.xlsx .xlsm .xlsb .xls .ods .csv) and certificates (.pdf), post every valid
    row as a credit and record every other row as an exception.

    PATHS are files or folders (walked). Every file of a folder is taken, hidden and ~$ lock
    files aside: one that is neither a roster nor a certificate is reported unreadable,
    saying what it is. A file whose bytes were applied before is reported and changes
    nothing. Exit 1 when a file could not be read (the others are still posted).
    """
    from cec_batch.normalize import normalize_course_number
    from cec_batch.post import Ingest
    from cec_batch.readers import iter_input_files

    if course:
        parsed = normalize_course_number(course)
        if parsed.value is None:
            fail(f"--course: {parsed.problem}", EXIT_USAGE)
        course = parsed.value
    files = iter_input_files(paths)
    if not files:
        fail("no roster or certificate files found in " + ", ".join(str(p) for p in paths), EXIT_USAGE)
    engine = obj.engine()
    with Ingest(engine, operator=obj.operator, today=obj.today, course=course, provider=provider,
                image_dir=image_dir or Path("review-images"), dry_run=dry_run) as batch:
        for i, path in enumerate(files, 1):
            # The next file's reader starts while this one is posted (read-ahead, see Ingest.apply).
            report = batch.apply(path, next_path=files[i] if i < len(files) else None)
            if not as_json:
                click.echo(f"[{i}/{len(files)}] {report.message}", err=True)
    summary = batch.summary()
    emit(summary, as_json, render_ingest)
    sys.exit(EXIT_FAILED if batch.failed else EXIT_OK)


def render_ingest(s: dict) -> None:
    """The one-screen summary of an ingest or nightly run."""
    files = s["files"]
    head = "DRY RUN: nothing committed. " if s.get("dry_run") else ""
    click.echo(f"{head}Batch {s['batch_id']} by {s['operator']} (processing date {s['today']})")
    click.echo(f"  files: {files['total']}  applied: {files.get('applied', 0)}  "
               f"already applied: {files.get('already_applied', 0)}  unreadable: {files.get('unreadable', 0)}  "
               f"failed: {files.get('failed', 0)}")
    click.echo(f"  rows: {s['rows']}  credits posted: {s['credits']}  exceptions: {s['exceptions_total']}")
    for kind, n in s["exceptions"].items():
        click.echo(f"    {kind:<24}{n:>7}")
    problems = [d for d in s["details"] if d["status"] in ("unreadable", "failed", "already_applied")]
    for d in problems:
        click.echo(f"  {d['status']}: {d['message']}")
    notes = [(d["file"], n) for d in s["details"] for n in d["notes"]]
    for name, note in notes[:20]:
        click.echo(f"  note: {name}: {note}")


# -- reverse ---------------------------------------------------------------------------------
@main.command("reverse")
@click.argument("credit_id", type=int)
@click.option("--reason", required=True, help="Why the credit is reversed (recorded).")
@dry_run_option
@json_option
@click.pass_obj
def reverse(obj, credit_id, reason, dry_run, as_json):
    """Reverse a posted credit (R24): the credit stays in the ledger, marked reversed."""
    from cec_batch.reverse import AlreadyReversed, reverse_credit

    try:
        summary = reverse_credit(obj.engine, credit_id, reason, operator=obj.operator, today=obj.today,
                                 dry_run=dry_run)
    except UsageError as exc:
        fail(str(exc), EXIT_USAGE)
    except AlreadyReversed as exc:
        fail(str(exc), EXIT_FAILED)
    emit(summary, as_json, lambda s: click.echo(
        f"{'DRY RUN: ' if dry_run else ''}credit {credit_id} ({s['certificant_id']} {s['course_number']} "
        f"{s['ceus']} CECs) reversed: {s['reason']}"))


# -- export ------------------------------------------------------------------------------------
@main.group()
def export():
    """Export the ledger or the exceptions (CSV or XLSX, columns as in the contract)."""


def _out_option(f):
    return click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
                        help="Output file, .csv or .xlsx.")(f)


def _check_out(out: Path) -> None:
    if out.suffix.lower() not in (".csv", ".xlsx"):
        fail(f"--out {out.name}: the file must end in .csv or .xlsx", EXIT_USAGE)


@export.command("credits")
@_out_option
@click.pass_obj
def export_credits(obj, out):
    """One row per posted credit, reversed ones included (reversed = true)."""
    from cec_batch.reports.export import CREDIT_HEADER, write_table
    from cec_batch.store import ledger

    _check_out(out)
    with obj.engine().connect() as conn:
        n = write_table(out, CREDIT_HEADER, ledger.credit_rows(conn), sheet="Credits",
                        numeric=("credit_id", "ceus", "batch_id"))
    click.echo(f"{n} credits written to {out}")


@export.command("exceptions")
@_out_option
@click.option("--status", type=click.Choice(["open", "all"]), default="open", show_default=True)
@click.pass_obj
def export_exceptions(obj, out, status):
    """One row per exception (open ones by default)."""
    from cec_batch.reports.export import EXCEPTION_HEADER, write_table
    from cec_batch.store import ledger

    _check_out(out)
    with obj.engine().connect() as conn:
        n = write_table(out, EXCEPTION_HEADER, ledger.exception_rows(conn, status), sheet="Exceptions",
                        numeric=("exception_id",))
    click.echo(f"{n} exceptions written to {out}")
