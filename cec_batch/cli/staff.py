"""Staff commands: the exceptions queue, its workbook, decisions handed back, provider feedback."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cec_batch.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, dry_run_option, emit, fail, iso_date, json_option, main
from cec_batch.model import KINDS

SCREEN = 30  # lines of detail in a summary meant for one screen


def _xlsx_out(out: Path, what: str) -> Path:
    if out.suffix.lower() != ".xlsx":
        fail(f"--out {out}: the {what} is an .xlsx file (give a name ending in .xlsx)", EXIT_USAGE)
    if not out.parent.is_dir():
        fail(f"--out {out}: the folder {out.parent} does not exist; create it first", EXIT_USAGE)
    return out


@main.group("exceptions")
def exceptions_group():
    """The exceptions staff work on: list them, write the workbook to decide them in.

    Decisions typed in the workbook's `resolution` column are applied with
    `cec-batch resolve WORKBOOK`.
    """


@exceptions_group.command("list")
@click.option("--status", type=click.Choice(["open", "all", "resolved", "dismissed", "answered"]), default="open",
              show_default=True, help="Which exceptions: open ones (the queue), closed ones, or all.")
@click.option("--kind", type=click.Choice(KINDS), help="Only this kind of exception.")
@json_option
@click.pass_obj
def exceptions_list(obj, status, kind, as_json):
    """Show exceptions as a compact table: id, kind, file, row or page, person, course, detail."""
    from cec_batch.store.reports import load_exceptions

    with obj.engine().connect() as conn:
        rows = load_exceptions(conn, status=status, kind=kind)
    if as_json:
        keep = ("exception_id", "kind", "severity", "status", "source_file", "source_location", "certificant_ref",
                "certificant_id", "course_number", "completion_date", "detail", "batch_id", "resolution",
                "resolved_by", "resolved_at")
        emit({"status": status, "kind": kind, "count": len(rows),
              "exceptions": [{k: r[k] for k in keep} for r in rows]}, True, None)
        return
    if not rows:
        click.echo(f"no {'' if status == 'all' else status + ' '}exceptions" + (f" of kind {kind}" if kind else ""))
        return
    table = [(str(r["exception_id"]), r["kind"], r["source_file"], r["source_location"], r["certificant_ref"],
              r["course_number"], _short(r["detail"] if r["status"] == "open" else
                                         f"[{r['status']}] {r['resolution'] or r['detail']}"))
             for r in rows]
    head = ("id", "kind", "file", "location", "person", "course", "detail")
    caps = (8, 22, 28, 22, 30, 12, 70)
    widths = [min(cap, max(len(h), *(len(t[i]) for t in table))) for i, (h, cap) in enumerate(zip(head, caps))]
    click.echo("  ".join(h.ljust(w) for h, w in zip(head, widths)).rstrip())
    for t in table:
        click.echo("  ".join(_short(v, w).ljust(w) for v, w in zip(t, widths)).rstrip())
    click.echo(f"{len(rows)} exception{'s' if len(rows) != 1 else ''}")


def _short(text: str, n: int = 70) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= n else text[:n - 3] + "..."


@exceptions_group.command("workbook")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The workbook to write (.xlsx).")
@click.option("--status", type=click.Choice(["open", "all"]), default="open", show_default=True,
              help="Open exceptions (the day's work) or all of them (closed ones show how they were resolved).")
@click.option("--batch", "batch_id", type=int, help="Also say on the Summary what this batch posted.")
@json_option
@click.pass_obj
def exceptions_workbook(obj, out, status, batch_id, as_json):
    """Write the exceptions workbook: a Summary, then one sheet per kind with a `resolution`
    column for staff's decisions (hand it back with `cec-batch resolve`). Reads only.
    """
    from cec_batch.reports.exceptions_workbook import write_exceptions_workbook

    _xlsx_out(out, "exceptions workbook")
    with obj.engine().connect() as conn:
        summary = write_exceptions_workbook(conn, out, status=status, batch_id=batch_id)

    def render(s):
        click.echo(f"{s['exceptions']} {'' if status == 'all' else 'open '}exceptions written to {s['out']}")
        for kind, n in s["by_kind"].items():
            click.echo(f"  {kind:<24}{n:>7}")

    emit(summary, as_json, render)


@exceptions_group.command("feedback")
@click.option("--batch", "batch_id", type=int, required=True, help="The batch whose refused rows to report.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the workbooks (created if missing).")
@json_option
@click.pass_obj
def exceptions_feedback(obj, batch_id, out_dir, as_json):
    """Write one small workbook per provider whose rows were refused in a batch: their rows,
    why, and what to send instead; a file sent under the wrong name (an old .xls named .xlsx)
    gets a line saying what it really was (the nightly run writes these too). Reads only.
    """
    from cec_batch.reports.provider_feedback import write_provider_feedback

    with obj.engine().connect() as conn:
        paths = write_provider_feedback(conn, out_dir, batch_id=batch_id)
    emit({"batch_id": batch_id, "workbooks": [str(p) for p in paths]}, as_json, lambda s: click.echo(
        "\n".join([f"{len(paths)} provider feedback workbook{'s' if len(paths) != 1 else ''} "
                   f"for batch {batch_id}"] + [f"  {p}" for p in paths])))


@main.command("resolve")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@dry_run_option
@json_option
@click.pass_obj
def resolve(obj, workbook, dry_run, as_json):
    """Apply the decisions typed in an exceptions workbook's `resolution` column.

    Each decision is re-checked by the same rules: posted as a credit, or answered
    with a new exception; `dismiss: reason` closes it. Decisions:
    `certificant 104233`, `course CA23456`, `date 03/05/2026`, `ceus 1.5`,
    several separated by `;`, or `dismiss: REASON`. Exceptions already closed are
    skipped, so running the same workbook twice changes nothing. Text that is not
    understood is listed (exit code still 0); nothing is done for that row.
    """
    from cec_batch.resolve import NotAnExceptionsWorkbook, resolve_workbook

    try:
        summary = resolve_workbook(obj.engine(), workbook, operator=obj.operator, today=obj.today,
                                   dry_run=dry_run)
    except NotAnExceptionsWorkbook as exc:
        fail(str(exc), EXIT_FAILED)
    emit(summary, as_json, render_resolve)
    sys.exit(EXIT_OK)


def render_resolve(s: dict) -> None:
    head = "DRY RUN: nothing committed. " if s["dry_run"] else ""
    click.echo(f"{head}Resolve {s['workbook']}: batch {s['batch_id']} by {s['operator']}")
    click.echo(f"  decisions read: {s['decisions']}")
    click.echo(f"  posted: {s['posted']} ({s['ceus']} CECs)" +
               (f", with warnings: {_counts(s['warnings'])}" if s["warnings"] else ""))
    click.echo(f"  answered with a new exception: {s['answered']}" +
               (f" ({_counts(s['new_exceptions'])})" if s["new_exceptions"] else ""))
    click.echo(f"  dismissed: {s['dismissed']}")
    click.echo(f"  already resolved (skipped): {s['already_resolved']}")
    click.echo(f"  not understood: {len(s['not_understood'])}")
    # Rows staff must look at again first, then what was done; one screen, the rest with --json.
    lines = [f"  NOT UNDERSTOOD {_ref(p['exception_id'])} ({p['where']}): {p['problem']}" for p in s["not_understood"]]
    lines += [f"  exception {r['exception_id']}: {r['message']}" for r in s["results"]
              if r["outcome"] in ("posted", "answered")]
    for line in lines[:SCREEN]:
        click.echo(line)
    if len(lines) > SCREEN:
        click.echo(f"  ... and {len(lines) - SCREEN} more (use --json for all)")


def _ref(exception_id) -> str:
    return "no exception" if exception_id is None else f"exception {exception_id}"


def _counts(c: dict) -> str:
    return ", ".join(f"{k} {n}" for k, n in c.items())


@main.command("audit")
@click.option("--certificant", help="Changes about this certificant ID.")
@click.option("--file", "file_ref", help="Changes about this file: its name as received, sha256 or file ID.")
@click.option("--batch", "batch_id", type=int, help="Changes made by this batch (one command run).")
@click.option("--from", "since", callback=iso_date, help="From this processing date YYYY-MM-DD (inclusive).")
@click.option("--to", "until", callback=iso_date, help="Up to this processing date YYYY-MM-DD (inclusive).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Also write the trail to this .xlsx.")
@json_option
@click.pass_obj
def audit(obj, certificant, file_ref, batch_id, since, until, out, as_json):
    """List every change to the ledger and to exceptions' status, with operator, time and command:
    credits posted, reversals (right after the credit they reverse), exceptions raised and closed.

    Give at least one of --certificant, --file, --batch, --from/--to; several narrow the list.
    Times are the wall clock (UTC); the processing date is the batch's --today. Reads only.
    """
    from cec_batch.reports.audit import write_audit_workbook
    from cec_batch.store.audit import audit_events

    if not any(v is not None for v in (certificant, file_ref, batch_id, since, until)):
        fail("give --certificant, --file, --batch or --from/--to (the whole trail would be the whole ledger)",
             EXIT_USAGE)
    if out is not None:
        _xlsx_out(out, "audit trail")
    with obj.engine().connect() as conn:
        events = audit_events(conn, certificant=certificant, file=file_ref, batch=batch_id, since=since, until=until)
    if out is not None:
        write_audit_workbook(out, events)
    summary = {"filters": {"certificant": certificant, "file": file_ref, "batch": batch_id,
                           "from": since, "to": until},
               "count": len(events), "events": events, "out": str(out) if out else None}
    emit(summary, as_json, _render_audit)


def _render_audit(s: dict) -> None:
    events = s["events"]
    if not events:
        click.echo("no changes recorded for these filters")
        return
    head = ("when (UTC)", "processing", "operator", "command", "batch", "event", "certificant", "credit",
            "exception", "course", "file / location", "detail")
    table = []
    for e in events:
        at = e["at"]
        when = at.strftime("%Y-%m-%d %H:%M") if hasattr(at, "strftime") else str(at)[:16]
        event = ("  └ " if e["event"] == "credit reversed" else "") + e["event"]
        where = " ".join(p for p in (e["file"], e["location"]) if p)
        detail = e["detail"] or ""
        if e["event"] == "credit posted":
            detail = f"{e['ceus']:.1f} CECs, {detail}"
        table.append((when, str(e["processing_date"] or ""), e["operator"] or "", e["command"] or "?",
                      str(e["batch_id"] or ""), event, e["certificant_id"] or "", str(e["credit_id"] or ""),
                      str(e["exception_id"] or ""), e["course_number"] or "", where, detail))
    caps = (16, 10, 14, 16, 6, 26, 11, 7, 9, 10, 34, 60)
    widths = [min(cap, max(len(h), *(len(t[i]) for t in table))) for i, (h, cap) in enumerate(zip(head, caps))]
    click.echo("  ".join(h.ljust(w) for h, w in zip(head, widths)).rstrip())
    for t in table:
        click.echo("  ".join(_short(v, w).ljust(w) for v, w in zip(t, widths)).rstrip())
    click.echo(f"{len(events)} change{'s' if len(events) != 1 else ''}" + (f"; written to {s['out']}" if s["out"] else ""))
