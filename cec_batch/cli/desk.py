"""Commands of the staff desk: petitions (R21-R23), transcripts, archive retention (R27)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cec_batch.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, dry_run_option, emit, fail, json_option, main, iso_date
from cec_batch.errors import UsageError

ARCHIVE_HELP = "The archive folder (env CEC_ARCHIVE_DIR)."


def _archive_option(f):
    return click.option("--archive", envvar="CEC_ARCHIVE_DIR", default="archive", show_default=True,
                        type=click.Path(file_okay=False, path_type=Path), help=ARCHIVE_HELP)(f)


def _run(obj, dry_run: bool, work):
    """WORK(conn) in a write transaction (rolled back for a dry run); library errors become exit codes."""
    from cec_batch.petitions import Refused, in_transaction

    try:
        return in_transaction(obj.engine(), work, dry_run=dry_run)
    except UsageError as exc:
        fail(str(exc), EXIT_USAGE)
    except Refused as exc:
        fail(str(exc), EXIT_FAILED)


def _dry(s: dict) -> str:
    return "DRY RUN: nothing committed. " if s.get("dry_run") else ""


# -- petitions ----------------------------------------------------------------------------------
@main.group()
def petition():
    """Petitions for courses that are not pre-approved (R21-R23): add, list, approve, deny."""


@petition.command("add")
@click.argument("certificant_id")
@click.option("--title", required=True, help="The course title, as on the certificate or transcript.")
@click.option("--provider", required=True, help="Who gave the course (school, university, company).")
@click.option("--completed", required=True, metavar="DATE", help="Completion date, MM/DD/YYYY or YYYY-MM-DD.")
@click.option("--contact-hours", metavar="H", help="Hours of structured learning (0.1 CEC each).")
@click.option("--semester-hours", metavar="H", help="University semester hours (1.0 CEC each).")
@click.option("--quarter-hours", metavar="H", help="University quarter hours (0.8 CEC each).")
@click.option("--extension", is_flag=True, help="A university extension class: needs --grade, C or better.")
@click.option("--grade", help="The grade on the transcript (A+ ... F).")
@click.option("--activity", is_flag=True,
              help="A workout or activity course: recorded, but never approved (R13).")
@click.option("--document", "documents", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A supporting document (repeatable); a copy is kept in the archive, the file stays where it is.")
@_archive_option
@dry_run_option
@json_option
@click.pass_obj
def petition_add(obj, certificant_id, title, provider, completed, contact_hours, semester_hours, quarter_hours,
                 extension, grade, activity, documents, archive, dry_run, as_json):
    """Record a petition (pending) with its documents, and show its value (R21, R22).

    Give exactly one of --contact-hours, --semester-hours, --quarter-hours.
    """
    from cec_batch import petitions as pet

    given = [(b, v, o) for b, v, o in (("contact_hours", contact_hours, "--contact-hours"),
                                       ("semester_hours", semester_hours, "--semester-hours"),
                                       ("quarter_hours", quarter_hours, "--quarter-hours")) if v is not None]
    if len(given) != 1:
        fail("give exactly one of --contact-hours, --semester-hours, --quarter-hours", EXIT_USAGE)
    basis, raw_hours, option = given[0]
    try:
        draft = pet.PetitionDraft(certificant_id=certificant_id.strip(), title=title, provider=provider,
                                  completion_date=pet.parse_completion(completed, obj.today), basis=basis,
                                  hours=pet.parse_hours(raw_hours, option), extension=extension, grade=grade,
                                  activity=activity)
        docs = pet.prepare_documents(list(documents), archive)
    except UsageError as exc:
        fail(str(exc), EXIT_USAGE)
    summary = _run(obj, dry_run, lambda conn: pet.add_petition(conn, draft, docs, operator=obj.operator,
                                                               archive=None if dry_run else archive,
                                                               today=obj.today))
    summary["dry_run"] = dry_run

    def render(s):
        hours = f"{s['hours'].rstrip('0').rstrip('.')} {pet.BASIS_NAMES[s['basis']]}"
        click.echo(f"{_dry(s)}petition {s['petition_id']} recorded (pending) for {s['certificant_id']} {s['name']}: "
                   f"{s['title']!r} by {s['provider']}, completed {s['completion_date']}")
        click.echo(f"  value: {hours} = {s['computed_ceus']} CECs (R22)")
        for d in s["documents"]:
            verb = "would be archived" if dry_run else "archived"
            click.echo(f"  document {d['original_name']} {verb} as {d['archive_path']}")
        for w in s["warnings"]:
            click.echo(f"  warning: {w}")

    emit(summary, as_json, render)


@petition.command("list")
@click.option("--status", type=click.Choice(["pending", "approved", "denied", "all"]), default="pending",
              show_default=True)
@click.option("--certificant", "certificant_id", help="Only this person's petitions.")
@json_option
@click.pass_obj
def petition_list(obj, status, certificant_id, as_json):
    """List petitions (the pending ones by default)."""
    from cec_batch.petitions import BASIS_NAMES, list_petitions

    with obj.engine().connect() as conn:
        rows = list_petitions(conn, status, certificant_id)
    summary = {"status": status, "count": len(rows), "petitions": rows}

    def render(s):
        if not rows:
            click.echo(f"no petitions ({status})")
            return
        for p in rows:
            value = p["decided_ceus"] or p["computed_ceus"]
            flags = [f for f, on in (("extension " + (p["grade"] or ""), p["university_extension"]),
                                     ("activity", p["activity"])) if on]
            click.echo(f"{p['petition_id']:>5}  {p['status']:<8} {p['certificant_id']:<10} {p['completion_date']}  "
                       f"{value:>5} CECs  {p['hours']} {BASIS_NAMES[p['basis']]}  {p['title']!r} by {p['provider']}"
                       + (f"  [{', '.join(flags)}]" if flags else "")
                       + f"  {len(p['documents'])} document(s)")
            if p["status"] != "pending":
                extra = f", credit {p['credit_id']}" if p["credit_id"] else ""
                click.echo(f"         {p['status']} by {p['decided_by']} on {p['decided_at'][:10]}{extra}"
                           + (f": {p['decision_reason']}" if p["decision_reason"] else ""))
        click.echo(f"{len(rows)} petition(s)")

    emit(summary, as_json, render)


@petition.command("approve")
@click.argument("petition_id", type=int)
@click.option("--ceus", help="Post this value instead of the computed one (needs --reason).")
@click.option("--reason", help="Why (required with a different value; recorded).")
@dry_run_option
@json_option
@click.pass_obj
def petition_approve(obj, petition_id, ceus, reason, dry_run, as_json):
    """Approve a pending petition: post its credit through R6 and R14 (R23).

    A completion outside every certification period (outside_period) or a course
    already credited (duplicate) is recorded as an exception and the petition stays
    pending (exit 0). Activity courses and extension classes without a grade of C
    or better are never approved (exit 1).
    """
    from cec_batch import petitions as pet

    try:
        value = pet.parse_ceus(ceus) if ceus is not None else None
    except UsageError as exc:
        fail(str(exc), EXIT_USAGE)
    summary = _run(obj, dry_run, lambda conn: pet.approve_petition(conn, petition_id, operator=obj.operator,
                                                                   ceus=value, reason=reason, today=obj.today))
    summary["dry_run"] = dry_run

    def render(s):
        if s["outcome"] == "approved":
            click.echo(f"{_dry(s)}petition {petition_id} approved: credit {s['credit_id']} posted to "
                       f"{s['certificant_id']}, {s['course_number']} {s['ceus']} CECs, completed "
                       f"{s['completion_date']} (batch {s['batch_id']})")
            if s["exceptions_resolved"]:
                click.echo(f"  exceptions resolved: {', '.join(map(str, s['exceptions_resolved']))}")
        else:
            kind = next(iter(s["exceptions"]))
            again = " (already recorded)" if s["exception_recorded_before"] else ""
            click.echo(f"{_dry(s)}petition {petition_id} not approved: {kind} ({s['rule']}): {s['detail']}")
            click.echo(f"  exception {s['exception_id']}{again}; the petition stays pending")

    emit(summary, as_json, render)


@petition.command("deny")
@click.argument("petition_id", type=int)
@click.option("--reason", required=True, help="Why the petition is denied (recorded).")
@dry_run_option
@json_option
@click.pass_obj
def petition_deny(obj, petition_id, reason, dry_run, as_json):
    """Deny a pending petition with a reason; nothing is posted (R23)."""
    from cec_batch import petitions as pet

    summary = _run(obj, dry_run, lambda conn: pet.deny_petition(conn, petition_id, operator=obj.operator,
                                                                reason=reason, today=obj.today))
    summary["dry_run"] = dry_run
    emit(summary, as_json, lambda s: click.echo(
        f"{_dry(s)}petition {petition_id} denied: {s['reason']}; nothing posted"))


# -- transcript ----------------------------------------------------------------------------------
@main.command("transcript")
@click.argument("certificant_id")
@click.option("--warn-days", default=90, show_default=True, type=click.IntRange(min=0), metavar="N",
              help="At risk: under 2.0 CECs and the period ends within N days of --today.")
@json_option
@click.pass_obj
def transcript(obj, certificant_id, warn_days, as_json):
    """One person's certification periods, credits, totals and statuses as of --today."""
    from cec_batch.reports.transcript import assemble, render
    from cec_batch.store import transcript as queries

    certificant_id = certificant_id.strip()
    with obj.engine().connect() as conn:
        person = queries.certificant(conn, certificant_id)
        if person is None:
            fail(f"certificant {certificant_id} is not in the registry", EXIT_USAGE)
        t = assemble(person, queries.periods(conn, certificant_id), queries.credits_of(conn, certificant_id),
                     obj.today, warn_days)
    emit(t, as_json, lambda s: click.echo("\n".join(render(s))))


# -- archive retention -----------------------------------------------------------------------------
@main.group("archive")
def archive_group():
    """The archive of received originals (R27: kept at least four years)."""


@archive_group.command("purge")
@_archive_option
@click.option("--before", required=True, callback=iso_date, metavar="YYYY-MM-DD",
              help="Remove originals received before this day; at most four years before --today.")
@click.option("--yes", is_flag=True, help="Really remove them (without it the files are only listed).")
@dry_run_option
@json_option
@click.pass_obj
def archive_purge(obj, archive, before, yes, dry_run, as_json):
    """Remove archived originals whose every store record is older than --before (R27).

    Refuses a date later than four years before --today (exit 2). Files the store does
    not know, and documents of pending petitions, are listed and kept. Without --yes
    (or with --dry-run) nothing is removed.
    """
    from cec_batch.archive import purge

    try:
        summary = purge(obj.engine, archive, before, today=obj.today, operator=obj.operator, remove=yes,
                        dry_run=dry_run)
    except UsageError as exc:
        fail(str(exc), EXIT_USAGE)
    emit(summary, as_json, _render_purge)
    sys.exit(EXIT_FAILED if summary["failed"] else EXIT_OK)


def _render_purge(s: dict) -> None:
    c = s["counts"]
    click.echo(f"Archive {s['archive']}: originals received before {s['before']} "
               f"(latest allowed as of {s['today']}: {s['latest_allowed']})")
    verb = "removed" if not s["listing_only"] else "to remove"
    shown = s["removed"] if not s["listing_only"] else s["remove"]
    for e in shown:
        names = ", ".join(e["names"])
        click.echo(f"  {verb}  {e['path']}  ({names}, received {e['received']})")
    for e in s["failed"]:
        click.echo(f"  NOT removed  {e['path']}: {e['error']}")
    for e in s["kept_pending"]:
        click.echo(f"  pending petition, kept  {e['path']}  ({', '.join(e['names'])})")
    for e in s["unknown"]:
        click.echo(f"  unknown, kept  {e['path']}")
    click.echo(f"  {verb}: {len(shown)}   kept (younger): {c['kept_young']}   kept (pending petition): "
               f"{c['kept_pending']}   unknown, kept: {c['unknown']}")
    if s["dry_run"]:
        click.echo("DRY RUN: nothing removed.")
    elif s["listing_only"]:
        click.echo(f"Nothing removed: add --yes to remove these {len(shown)} files.")
    else:
        click.echo(f"Batch {s['batch_id']} records what was removed.")
