"""A certificant's transcript: every certification period with its credits, total and status.

Pure: given the rows of store.transcript, returns plain JSON-ready data
(`assemble`) and the lines people read (`render`).

- A credit is listed under every period that contains its completion date; when
  it lies in periods of other certifications too it is "shared" with them (R5).
- Reversed credits are listed, marked, and not counted (R24).
- The total is rules.period_total (R12: CPR, AED and First Aid count at most 0.2
  each per period); each credit shows how much of it counts.
- What a period earned beyond 2.0 stays there: "x.x not carried over" (R4).
- Status as of the processing date is rules.status; a period that ended short
  but is followed by a later period of the same certification is `closed`.
- Credits whose date lies in no period (periods reloaded after posting) are
  listed on their own.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cec_batch.model import LIMITED_CATEGORIES, Period
from cec_batch.rules import LIMITED_VALUE, REQUIREMENT, cecs, period_total, status

ZERO = Decimal("0")


def _d(value) -> Decimal:
    return cecs(Decimal(str(value)))


def _credit(row: dict) -> dict:
    petition_id = row.get("petition_id")
    title = row.get("course_title") or row.get("petition_title") or ""
    return {
        "credit_id": row["credit_id"],
        "completion_date": row["completion_date"].isoformat(),
        "course_number": row["course_number"],
        "title": title,
        "ceus": str(_d(row["ceus"])),
        "category": row["category"],
        "source": row["source"],
        "provenance": {
            "file": row.get("source_file") or "",
            "location": row.get("source_location") or "",
            "petition_id": petition_id,
            "batch_id": row["batch_id"],
            "operator": row.get("operator"),
            "posted_at": row["posted_at"].isoformat() if row.get("posted_at") else None,
        },
        "note": row.get("note"),
        "reversed": row.get("reversal_id") is not None,
        "reversal": None if row.get("reversal_id") is None else {
            "reason": row.get("reversal_reason"), "operator": row.get("reversed_by"),
            "reversed_at": row["reversed_at"].isoformat() if row.get("reversed_at") else None,
        },
    }


def assemble(person: dict, periods: list[dict], credits: list[dict], today: date, warn_days: int = 90) -> dict:
    """The transcript of PERSON as of TODAY from the store's rows."""
    spans = sorted((Period(p["certification"], p["period_start"], p["period_end"]) for p in periods),
                   key=lambda p: (p.start, p.certification))
    rows = sorted(credits, key=lambda r: (r["completion_date"], r["credit_id"]))
    out_periods = []
    for period in spans:
        inside = [r for r in rows if period.contains(r["completion_date"])]
        standing = [(r["completion_date"], _d(r["ceus"]), r["category"]) for r in inside
                    if r.get("reversal_id") is None]
        total = cecs(period_total(period, standing))
        renewed = any(o.certification == period.certification and o.start > period.end for o in spans)
        used: dict[str, Decimal] = {}
        listed = []
        for r in inside:
            c = _credit(r)
            value = _d(r["ceus"])
            if c["reversed"]:
                counted = ZERO
            elif r["category"] in LIMITED_CATEGORIES:  # R12: at most 0.2 per category per period
                room = LIMITED_VALUE - used.get(r["category"], ZERO)
                counted = max(ZERO, min(value, room))
                used[r["category"]] = used.get(r["category"], ZERO) + counted
            else:
                counted = value
            c["counted_ceus"] = str(cecs(counted))
            c["shared_with"] = sorted({o.certification for o in spans
                                       if o != period and o.contains(r["completion_date"])
                                       and o.certification != period.certification})
            listed.append(c)
        out_periods.append({
            "certification": period.certification,
            "period_start": period.start.isoformat(),
            "period_end": period.end.isoformat(),
            "total": str(total),
            "requirement": str(REQUIREMENT),
            "short": str(cecs(max(ZERO, REQUIREMENT - total))),
            "not_carried_over": str(cecs(max(ZERO, total - REQUIREMENT))),
            "status": status(period, total, today, warn_days, renewed),
            "credits": listed,
        })
    outside = [dict(_credit(r), counted_ceus="0.0", shared_with=[]) for r in rows
               if not any(p.contains(r["completion_date"]) for p in spans)]
    return {
        "certificant": {
            "certificant_id": person["certificant_id"], "first_name": person["first_name"],
            "last_name": person["last_name"], "email": person.get("email"),
            "birth_date": person["birth_date"].isoformat() if person.get("birth_date") else None,
        },
        "as_of": today.isoformat(),
        "warn_days": warn_days,
        "periods": out_periods,
        "outside_periods": outside,
    }


def _provenance(c: dict) -> str:
    p = c["provenance"]
    if p["petition_id"] is not None:
        where = f"petition {p['petition_id']}"
    elif p["file"]:
        where = f"{p['file']} {p['location']}".rstrip()
    else:
        where = c["source"]
    return f"{where}, batch {p['batch_id']}"


def _credit_line(c: dict) -> str:
    title = c["title"] if len(c["title"]) <= 34 else c["title"][:31] + "..."
    line = (f"    {c['completion_date']}  {c['course_number']:<10} {title:<34} {c['ceus']:>5}  "
            f"{c['source']:<11} {_provenance(c)}")
    if c["reversed"]:
        reason = (c["reversal"] or {}).get("reason") or ""
        line += f"  REVERSED ({reason}), not counted" if reason else "  REVERSED, not counted"
    elif c["counted_ceus"] != c["ceus"]:
        line += f"  counts {c['counted_ceus']} (R12: {LIMITED_VALUE} per category per period)"
    if c["shared_with"]:
        line += f"  shared with {', '.join(c['shared_with'])}"
    return line


def render(t: dict) -> list[str]:
    """The transcript as lines for people."""
    person = t["certificant"]
    head = f"{person['certificant_id']} {person['first_name']} {person['last_name']}"
    if person.get("email"):
        head += f" <{person['email']}>"
    lines = [f"Transcript of {head}, as of {t['as_of']}"]
    if not t["periods"]:
        lines.append("  no certification periods on record")
    for p in t["periods"]:
        lines.append("")
        lines.append(f"{p['certification']} {p['period_start']}..{p['period_end']}: {p['status']}")
        if not p["credits"]:
            lines.append("    no credits in this period")
        for c in p["credits"]:
            lines.append(_credit_line(c))
        summary = f"  total {p['total']} of {p['requirement']} CECs"
        if Decimal(p["short"]) > 0:
            summary += f", {p['short']} short"
        if Decimal(p["not_carried_over"]) > 0:
            summary += f"; {p['not_carried_over']} not carried over (R4)"
        lines.append(summary)
    if t["outside_periods"]:
        lines.append("")
        lines.append("Credits in no certification period (not counted):")
        lines.extend(_credit_line(c) for c in t["outside_periods"])
    return lines
