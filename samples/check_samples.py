"""Check the sample world against its stated intent, independently of the generator.

    python samples/check_samples.py

Reads reference/ and rosters/ back with pandas/openpyxl (knowing only each roster's column
names), applies a deliberately simple reading of design/rules.md, and compares the outcome of
every row with expected_intent.csv: the rows listed there must raise exactly the kind listed,
every other row must post without an exception. It also checks the reference data's shape.
Exits 1 with a list of differences, 0 when everything agrees.
"""

from __future__ import annotations

import csv
import difflib
import re
import sys
import unicodedata
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd

TODAY = date(2026, 11, 15)
HERE = Path(__file__).resolve().parent
REF, ROSTERS = HERE / "reference", HERE / "rosters"
NICK = {"bob": "robert", "liz": "elizabeth", "beth": "elizabeth", "bill": "william",
        "peggy": "margaret", "kate": "katherine", "jim": "james", "chris": "christopher"}
COURSE_RE = re.compile(r"(CEP|CP|CA|CS|CL)[0-9]{5,6}", re.ASCII)
problems: list[str] = []


def problem(msg: str) -> None:
    problems.append(msg)


# ------------------------------------------------------------------------------- reference data
people = pd.read_csv(REF / "certificants.csv", dtype=str, keep_default_na=False)
certs = pd.read_csv(REF / "certifications.csv", dtype=str, keep_default_na=False)
courses = pd.read_csv(REF / "courses.csv", dtype=str, keep_default_na=False)

if list(people.columns) != ["certificant_id", "first_name", "last_name", "email", "birth_date"]:
    problem(f"certificants.csv columns {list(people.columns)}")
if len(people) < 220:
    problem(f"only {len(people)} certificants")
if not people.certificant_id.str.fullmatch(r"1[0-9]{5}").all() or people.certificant_id.duplicated().any():
    problem("certificant IDs must be unique 6-digit numbers 100000-199999")
shared_email = people[people.email.ne("") & people.email.duplicated(keep=False)]
if len(shared_email) != 2:
    problem(f"expected exactly one pair sharing an email, found {len(shared_email)} rows")
same_name = people.groupby(["first_name", "last_name"]).size()
if (same_name >= 2).sum() < 2:
    problem("expected several pairs with the same first and last name")
if (people.email == "").sum() < 2 or (people.birth_date == "").sum() < 3:
    problem("expected a couple of blank emails and some blank birth dates")

PERIODS: dict[str, list[tuple[str, date, date]]] = {}
for r in certs.itertuples():
    s, e = date.fromisoformat(r.period_start), date.fromisoformat(r.period_end)
    if date(s.year + 2, s.month, s.day).toordinal() - 1 != e.toordinal():
        problem(f"period {r.certificant_id} {r.certification} {s}..{e} is not two years")
    PERIODS.setdefault(r.certificant_id, []).append((r.certification, s, e))
missing = set(people.certificant_id) - set(PERIODS)
if missing:
    problem(f"people without a certification: {sorted(missing)[:5]}")
if set(PERIODS) - set(people.certificant_id):
    problem("certifications for unknown people")

COURSES = {}
for r in courses.itertuples():
    if not COURSE_RE.fullmatch(r.course_number):
        problem(f"catalogue number {r.course_number} malformed")
    if not re.fullmatch(r"[0-9]\.[0-9]", r.ceus):
        problem(f"{r.course_number} ceus {r.ceus!r} not one decimal")
    if r.category in ("cpr", "aed", "first_aid") and r.ceus != "0.2":
        problem(f"{r.course_number} {r.category} is worth {r.ceus}")
    COURSES[r.course_number] = (r.category, float(r.ceus), date.fromisoformat(r.approved_from),
                                date.fromisoformat(r.approved_to) if r.approved_to else None)
prefixes = {re.match(r"[A-Z]+", n).group() for n in COURSES}
lengths = {(re.match(r"[A-Z]+", n).group(), len(n) - len(re.match(r"[A-Z]+", n).group())) for n in COURSES}
if len(COURSES) < 64 or prefixes != {"CEP", "CP", "CA", "CS", "CL"}:
    problem(f"{len(COURSES)} courses, prefixes {prefixes}")
if {5, 6} != {n for _, n in lengths}:
    problem("catalogue should have 5- and 6-digit numbers")
if {c[0] for c in COURSES.values()} != {"standard", "event", "cpr", "aed", "first_aid", "activity"}:
    problem("not every category in the catalogue")
if len(set(courses.provider)) not in range(6, 9):
    problem("expected 6-8 providers")


# ------------------------------------------------------------------------------- normalising
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    for a, b in (("ø", "o"), ("ł", "l"), ("æ", "ae"), ("Ø", "O"), ("Ł", "L")):
        text = text.replace(a, b)
    return "".join(c for c in text.lower() if "a" <= c <= "z" or c == " ")


def name_tokens(first: str, last: str) -> tuple[str, str]:
    """(canonical first, folded last); middle initials and extra given names dropped."""
    firsts = [t for t in fold(first.replace("-", " ")).split() if len(t) > 1]
    f = firsts[0] if firsts else ""
    return NICK.get(f, f), fold(last).replace(" ", "")


PEOPLE = {}
for r in people.itertuples():
    f, l = name_tokens(r.first_name, r.last_name)
    PEOPLE[r.certificant_id] = dict(cid=r.certificant_id, first=f, last=l, email=r.email.lower(),
                                    display=f"{r.certificant_id} {r.first_name} {r.last_name}")


def name_agrees(first: str, last: str, p: dict, fuzzy: bool) -> bool:
    f, l = name_tokens(first, last)
    if not fuzzy:
        return f == p["first"] and l == p["last"]
    return (difflib.SequenceMatcher(None, f, p["first"]).ratio() >= 0.8
            and difflib.SequenceMatcher(None, l, p["last"]).ratio() >= 0.8)


def split_name(full: str) -> tuple[str, str]:
    full = str(full).strip()
    if "," in full:
        last, first = full.split(",", 1)
        return first.strip(), last.strip()
    # "First Last..." : the last name is everything after the first given name, unless a
    # particle or second surname makes the person table say otherwise; match on both splits.
    return full, ""


def match(cid, first, last, full, email):
    """-> ("ok", cid) | ("unknown", None) | ("ambiguous", [cids])."""
    def agrees(p, fuzzy):
        if full is not None:
            f, l = split_name(full)
            if l:
                return name_agrees(f, l, p, fuzzy)
            words = f.split()
            return any(name_agrees(" ".join(words[:i]), " ".join(words[i:]), p, fuzzy)
                       for i in range(1, len(words)))
        return name_agrees(first or "", last or "", p, fuzzy)

    cid = str(cid).strip() if cid not in (None, "") else ""
    email = (email or "").strip().lower()
    if cid in PEOPLE:
        p = PEOPLE[cid]
        if agrees(p, True) or (email and email == p["email"]):
            return "ok", cid
    if email:
        cands = [p for p in PEOPLE.values() if p["email"] == email]
        if len(cands) > 1:
            cands = [p for p in cands if agrees(p, True)]
        if len(cands) == 1:
            return "ok", cands[0]["cid"]
        if len(cands) > 1:
            return "ambiguous", [p["cid"] for p in cands]
    cands = [p for p in PEOPLE.values() if agrees(p, False)]
    if len(cands) == 1:
        return "ok", cands[0]["cid"]
    if len(cands) > 1:
        return "ambiguous", [p["cid"] for p in cands]
    return "unknown", None


def parse_date(v):
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NaT:
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    s = str(v).strip()
    for fmt in ("%m/%d/%Y", "%Y-%m-%d", "%B %d, %Y", "%d %B %Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            pass
    return None


def parse_ceus(v):
    if v is None or (isinstance(v, float) and pd.isna(v)) or str(v).strip() == "":
        return "blank"
    try:
        x = float(str(v).strip())
    except ValueError:
        return "text"
    return x if x > 0 else "text"


# ------------------------------------------------------------------------------- reading rosters
def blank(v):
    return v is None or (isinstance(v, float) and pd.isna(v)) or str(v).strip() == ""


def text(v):
    if blank(v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def rows_of(frame: pd.DataFrame, first_row: int, sheet: str | None, cols: dict):
    for i, rec in enumerate(frame.to_dict("records")):
        get = lambda k: rec.get(cols[k]) if k in cols else None  # noqa: E731
        yield dict(location=f"row {first_row + i}" + (f" ({sheet})" if sheet else ""),
                   cid=text(get("cid")), first=text(get("first")), last=text(get("last")),
                   full=text(get("full")) if "full" in cols else None, email=text(get("email")),
                   course=text(get("course")), date=get("date"), ceus=get("ceus"))


def read_all():
    """(file, location, row dict) for every roster row, in folder order."""
    out = {}
    f = "acme_title_lines_last_first.xlsx"
    df = pd.read_excel(ROSTERS / f, header=3, engine="openpyxl")
    out[f] = list(rows_of(df, 5, "Roster", dict(full="Attendee", cid="ACE ID", course="Course #",
                                                  date="Date Completed", ceus="CECs")))
    f = "coastal_utf16_tab.csv"
    raw = (ROSTERS / f).read_bytes()
    assert raw[:2] == b"\xff\xfe", "coastal should start with a UTF-16 LE BOM"
    df = pd.read_csv(ROSTERS / f, sep="\t", encoding="utf-16", dtype=str, keep_default_na=False)
    out[f] = list(rows_of(df, 2, None, dict(cid="Certification Number", first="First Name",
                                            last="Last Name", email="Email Address",
                                            course="ACE Course Number", date="Date of Completion",
                                            ceus="CEUs")))
    f = "corrupt_truncated.xlsx"
    try:
        openpyxl.load_workbook(ROSTERS / f)
        problem(f"{f} opens")
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        pass
    out[f] = "unreadable"
    f = "harbor_ods_no_ids_family_email.ods"
    df = pd.read_excel(ROSTERS / f, engine="odf", sheet_name="Attendance")
    out[f] = list(rows_of(df, 2, "Attendance", dict(full="Full Name", email="Email", course="Course ID",
                                                    date="Completion Date", ceus="CEC")))
    f = "header_only_no_rows.csv"
    df = pd.read_csv(ROSTERS / f, dtype=str)
    if len(df) or len(df.columns) < 5:
        problem(f"{f} should be a header and no rows")
    out[f] = []
    f = "late_batch_duplicates.xlsx"
    df = pd.read_excel(ROSTERS / f, sheet_name="Late submissions", engine="openpyxl")
    out[f] = list(rows_of(df, 2, "Late submissions", dict(full="Name", cid="ID", email="Email",
                                                          course="Course number",
                                                          date="Completion date", ceus="CEC")))
    f = "peak_two_sheets_nicknames.xlsx"
    sheets = pd.read_excel(ROSTERS / f, sheet_name=None, header=None, engine="openpyxl")
    assert list(sheets) == ["March 14 session", "May 9 session"]
    s1 = pd.read_excel(ROSTERS / f, sheet_name="March 14 session", engine="openpyxl")
    s2 = pd.read_excel(ROSTERS / f, sheet_name="May 9 session", header=1, dtype={"Member ID": str},
                       engine="openpyxl")
    out[f] = list(rows_of(s1, 2, "March 14 session", dict(first="First Name", last="Last Name",
                                                          cid="Member ID", email="Email",
                                                          course="Course #", date="Date",
                                                          ceus="Credits")))
    out[f] += list(rows_of(s2, 3, "May 9 session", dict(first="First Name", last="Last Name",
                                                        cid="Member ID", email="E-mail",
                                                        course="Course Number",
                                                        date="Completion Date", ceus="Credits")))
    f = "riverside_semicolon_cp1252.csv"
    (ROSTERS / f).read_bytes().decode("cp1252")
    df = pd.read_csv(ROSTERS / f, sep=";", encoding="cp1252", dtype=str, keep_default_na=False)
    out[f] = list(rows_of(df, 2, None, dict(cid="Member ID", full="Full Name", email="E-mail",
                                            course="Course No", date="Completed", ceus="CEU")))
    f = "summit_conference_event.csv"
    df = pd.read_csv(ROSTERS / f, dtype=str, keep_default_na=False)
    out[f] = list(rows_of(df, 2, None, dict(full="Name", email="Email",
                                            course="Approval Number", date="Date",
                                            ceus="CECs")))
    listed = sorted(p.name for p in ROSTERS.iterdir())
    if listed != sorted(out):
        problem(f"rosters folder holds {listed}, checker knows {sorted(out)}")
    for p in ROSTERS.iterdir():
        if p.stat().st_size > 100_000:
            problem(f"{p.name} is over 100 KB")
    return out


# ------------------------------------------------------------------------------- the rules
ledger: dict[tuple[str, str], str] = {}          # (cid, course) -> where posted
category_ledger: list[tuple[str, str, date]] = []  # (cid, category, date)


def judge(row: dict) -> tuple[set[str], str | None]:
    """All exception kinds a row raises (not just the first), and the cid it posts to."""
    kinds: set[str] = set()
    number = "".join(ch for ch in unicodedata.normalize("NFKC", row["course"]).upper()
                     if ch not in " -.\u00a0\u200b")
    course = None
    if not COURSE_RE.fullmatch(number):
        kinds.add("invalid_course_number")
    elif number not in COURSES:
        kinds.add("unknown_course_number")
    else:
        course = COURSES[number]
    day = parse_date(row["date"])
    if day is None:
        kinds.add("invalid_date")
    outcome, who = match(row["cid"], row["first"], row["last"], row["full"], row["email"])
    if outcome == "unknown":
        kinds.add("unknown_certificant")
    elif outcome == "ambiguous":
        kinds.add("ambiguous_certificant")
    if day and day > TODAY:
        kinds.add("future_date")
    stated = parse_ceus(row["ceus"])
    if course:
        category, value, start, end = course
        if day and not (start <= day and (end is None or day <= end)):
            kinds.add("course_not_approved")
        if category == "activity":
            kinds.add("ineligible_course")
        if category == "standard" and (stated == "text" or (isinstance(stated, float) and stated != value)):
            kinds.add("ceus_mismatch")
        if category in ("cpr", "aed", "first_aid") and isinstance(stated, float) and stated != value:
            kinds.add("ceus_mismatch")
        if category == "event":
            if stated in ("text", "blank"):
                kinds.add("needs_review")
            elif stated > value:
                kinds.add("ceus_mismatch")
    if outcome == "ok" and day:
        periods = [(s, e) for _, s, e in PERIODS[who] if s <= day <= e]
        if not periods:
            kinds.add("outside_period")
        if course and (who, number) in ledger:
            kinds.add("duplicate")
        if course and course[0] in ("cpr", "aed", "first_aid"):
            for cid, cat, d in category_ledger:
                if cid == who and cat == course[0] and any(s <= d <= e for s, e in periods):
                    kinds.add("category_limit")
    posts = outcome == "ok" and course is not None and not (kinds - {"ceus_mismatch"})
    if posts:
        ledger[(who, number)] = row["location"]
        if course[0] in ("cpr", "aed", "first_aid"):
            category_ledger.append((who, course[0], day))
    return kinds, who if posts else None


def main() -> int:
    expected: dict[tuple[str, str], str] = {}
    with open(HERE / "expected_intent.csv", newline="", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            key = (rec["file"], rec["location"])
            if key in expected:
                problem(f"expected_intent.csv lists {key} twice")
            expected[key] = rec["kind"]
            if rec["kind"] == "duplicate" and rec["file"] == "late_batch_duplicates.xlsx":
                src = rec["note"].split(" from ")[-1].split(" ")[0]
                if not src < rec["file"]:
                    problem(f"{key}: duplicate source {src} does not sort before it")
    seen = set()
    posted = warned = rows_total = 0
    kinds_seen: set[str] = set()
    for fname, rows in sorted(read_all().items()):
        if rows == "unreadable":
            got = {"unreadable_file"}
            want = expected.get((fname, ""))
            seen.add((fname, ""))
            if want != "unreadable_file":
                problem(f"{fname}: unreadable, intent says {want}")
            kinds_seen |= got
            continue
        for row in rows:
            rows_total += 1
            kinds, who = judge(row)
            kinds_seen |= kinds
            key = (fname, row["location"])
            seen.add(key)
            want = expected.get(key)
            if who:
                posted += 1
                warned += "ceus_mismatch" in kinds
            if want is None and kinds:
                problem(f"{fname} {row['location']}: meant to post cleanly, raises {sorted(kinds)}")
            elif want is not None and kinds != {want}:
                problem(f"{fname} {row['location']}: meant to raise {want}, raises {sorted(kinds) or 'nothing'}")
    for key in expected:
        if key not in seen:
            problem(f"expected_intent.csv names {key}, which is no row")
    all_kinds = {"invalid_course_number", "unknown_course_number", "course_not_approved",
                 "ceus_mismatch", "category_limit", "ineligible_course", "duplicate", "invalid_date",
                 "future_date", "outside_period", "unknown_certificant", "ambiguous_certificant",
                 "needs_review", "unreadable_file"}
    if all_kinds - kinds_seen:
        problem(f"kinds never raised: {sorted(all_kinds - kinds_seen)}")
    if posted - warned < 120:
        problem(f"only {posted - warned} clean rows")
    # Each roster on its own: only the cross-file duplicates of the late batch may change.
    files = read_all()
    for fname, rows in sorted(files.items()):
        if rows == "unreadable":
            continue
        ledger.clear()
        category_ledger.clear()
        for row in rows:
            kinds, _ = judge(row)
            want = expected.get((fname, row["location"]))
            cross_file = fname == "late_batch_duplicates.xlsx" and want == "duplicate"
            if cross_file and kinds:
                problem(f"{fname} {row['location']} alone: raises {sorted(kinds)}, should post")
            elif not cross_file and kinds != ({want} if want else set()):
                problem(f"{fname} {row['location']} alone: raises {sorted(kinds)}, intent {want}")
    print(f"{len(people)} people, {len(certs)} periods, {len(COURSES)} courses; "
          f"{rows_total} roster rows: {posted - warned} post cleanly, {warned} post with a warning, "
          f"{rows_total - posted} raise an error; kinds seen: {len(kinds_seen)}/14")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
