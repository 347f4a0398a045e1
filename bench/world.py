"""A large, deterministic world for the scale benchmark and its 10,000-row test version.

`build(folder, scale)` writes, into FOLDER (never committed: bench/out/ is ignored):
  reference/certificants.csv, certifications.csv, courses.csv
      1,000,000 x SCALE certificants (a few in pairs of look-alikes: two people with the
      same name, different IDs and emails), 1.2 periods each, 5,000 x SCALE courses;
  rosters/<name>.csv or .xlsx, each with a manifest entry: how many rows post and which
      exceptions were planted, row by row.
Same scale, same bytes: everything comes from one seeded random generator per file.

Planted in the rosters, at fixed strides (so the counts are known exactly):
  look-alike: no ID or email, the name of a real person with one letter added
      (a surname nobody in the registry has)          -> unknown_certificant, never a credit
  shared name: no ID or email, the name of a look-alike pair -> ambiguous_certificant
  unknown course: a well-formed number not in the catalogue  -> unknown_course_number
  future date: after the run's day (2026-11-15)               -> future_date
  before period: before the person's only period              -> outside_period
  duplicate: the previous row's person and course again      -> duplicate (R14)
  ID typo: a wrong last digit (another person's ID) with the right name and email
      -> posted to the right person (R17), recorded in the manifest to be checked
Clean rows name their person by ID, name and email; some by nickname, some without
email, some by name and email only (no ID).
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from rapidfuzz import fuzz

TODAY = date(2026, 11, 15)
FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
         "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
         "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra",
         "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle",
         "Kenneth", "Dorothy", "Kevin", "Carol", "Brian", "Amanda", "George", "Melissa", "Edward", "Deborah",
         "Ronald", "Stephanie", "Timothy", "Rebecca", "Jason", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia",
         "Jacob", "Kathleen", "Gary", "Amy", "Nicholas", "Shirley", "Eric", "Angela", "Jonathan", "Helen",
         "Carlos", "Maria", "José", "Zoë", "Søren", "Aoife", "Wei", "Priya", "Ahmed", "Fatima", "Olga", "Kenji",
         "Leila", "Tomasz", "Ingrid", "Mateo", "Chiara", "Dmitri", "Noor", "Hiroshi", "Ana", "Lucas", "Elif"]
NICK = {"Robert": "Bob", "William": "Bill", "Elizabeth": "Liz", "Michael": "Mike", "James": "Jim",
        "Richard": "Dick", "Margaret": "Peggy", "Joseph": "Joe", "Thomas": "Tom", "Daniel": "Dan",
        "Jennifer": "Jenny", "Patricia": "Patty", "Christopher": "Chris", "Kenneth": "Ken", "Edward": "Ed"}
# Surnames from syllables: about 30,000 distinct names, drawn with a long-tailed (Zipf-like) weight.
_A = ["Bar", "Ca", "Del", "Fer", "Gal", "Har", "Ja", "Kal", "Lo", "Mar", "Nor", "Or", "Pe", "Ram", "Sal",
      "Tor", "Val", "Wen", "Bel", "Cor", "Dun", "El", "Fin", "Gor", "Hol", "Ish", "Kor", "Lin", "Mor", "Pal"]
_B = ["", "a", "e", "i", "o", "an", "en", "in", "on", "ar", "er", "ol", "ul", "es", "is", "ov", "et", "ad",
      "im", "ak", "ul", "em", "ab", "or", "ir", "us", "ey", "ow", "ia", "eo"]
_C = ["son", "man", "ez", "ski", "berg", "ley", "ton", "ford", "ini", "elli", "ova", "ic", "ard", "well",
      "wood", "stein", "field", "ez", "ano", "ier", "by", "ham", "dale", "rup", "sen", "ssen", "lund", "ke",
      "ner", "vich", "en", "ado", "ero", "aki", "oto"]
SURNAMES = sorted({a + b + c for a in _A for b in _B for c in _C})


@dataclass
class Scale:
    people: int
    courses: int
    rosters: dict[str, tuple[int, str]]  # name -> (rows, format)

    @classmethod
    def of(cls, scale: float) -> "Scale":
        def n(x: int) -> int:
            return max(10, int(round(x * scale)))
        rosters = {"r10": (10, "csv")}
        for rows in (10_000, 100_000, 1_000_000):
            rosters[f"csv{rows // 1000}k"] = (n(rows), "csv")
        rosters["xlsx200k"] = (n(200_000), "xlsx")
        for i in range(5):
            rosters[f"nightly{i + 1}"] = (n(200_000), "xlsx")
        return cls(n(1_000_000), max(50, n(5_000)), rosters)


def _people(n: int, rnd: random.Random) -> list[tuple]:
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(SURNAMES))]
    rnd.shuffle(weights)
    lasts = rnd.choices(SURNAMES, weights=weights, k=n)
    firsts = rnd.choices(FIRST, k=n)
    people = []
    for i in range(n):
        cid = str(1_000_000 + i)
        birth = (date(1960, 1, 1) + timedelta(days=rnd.randrange(0, 14000))).isoformat() if i % 3 == 0 else ""
        people.append((cid, firsts[i], lasts[i], f"p{cid}@example.net", birth))
    # Look-alike pairs: every 1000th person gets a second person with the same name (different ID, email).
    for i in range(0, n - 1, 1000):
        cid, first, last, _mail, _birth = people[i + 1]
        people[i + 1] = (cid, people[i][1], people[i][2], f"p{cid}@example.net", "")
    return people


def _two_periods(i: int) -> bool:
    return i % 5 == 0  # 1.2 periods per person


def build(folder: Path, scale: float = 1.0, *, only: set[str] | None = None) -> dict:
    """Write the world into FOLDER (skipped when its manifest says it is there); the manifest."""
    folder = Path(folder)
    manifest_path = folder / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("scale") == scale and (only is None or only <= set(manifest["rosters"])):
            return manifest
    size = Scale.of(scale)
    (folder / "reference").mkdir(parents=True, exist_ok=True)
    (folder / "rosters").mkdir(parents=True, exist_ok=True)
    rnd = random.Random(20261115)
    people = _people(size.people, rnd)
    with open(folder / "reference" / "certificants.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["certificant_id", "first_name", "last_name", "email", "birth_date"])
        w.writerows(people)
    with open(folder / "reference" / "certifications.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["certificant_id", "certification", "period_start", "period_end"])
        for i, p in enumerate(people):
            if _two_periods(i):
                w.writerow((p[0], "Personal Trainer", "2023-06-01", "2025-05-31"))
            w.writerow((p[0], "Personal Trainer", "2025-06-01", "2027-05-31"))
    courses = [(f"C{'ALPS'[i % 4]}{10000 + i:05d}", f"Course {i}", f"Provider {i % 97}",
                f"{0.5 + (i % 16) / 10:.1f}") for i in range(size.courses)]
    with open(folder / "reference" / "courses.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["course_number", "title", "provider", "ceus", "category", "approved_from", "approved_to"])
        w.writerows((*c, "standard", "2024-01-01", "") for c in courses)
    rosters = {}
    start = 0
    for name, (rows, fmt) in size.rosters.items():
        if only is not None and name not in only:
            start += rows
            continue
        path = folder / "rosters" / f"{name}.{fmt}"
        rosters[name] = _roster(path, fmt, rows, start, people, courses, random.Random(hash_seed(name)))
        start += rows
    manifest = {"scale": scale, "people": len(people), "periods": len(people) + sum(
        _two_periods(i) for i in range(len(people))), "courses": len(courses), "rosters": rosters}
    manifest_path.write_text(json.dumps(manifest, indent=1))
    return manifest


def hash_seed(name: str) -> int:
    return sum((i + 1) * ord(c) for i, c in enumerate(name))


HEADER = ["ACE ID", "First Name", "Last Name", "Email", "Course #", "Date Completed", "CECs"]


def _roster(path: Path, fmt: str, rows: int, start: int, people, courses, rnd: random.Random) -> dict:
    """Write one roster of ROWS rows whose people start at global row START; its manifest entry."""
    n, c = len(people), len(courses)
    step = 7_368_787  # prime: consecutive global rows name different people (any n not a multiple of it)
    planted = {"unknown_certificant": [], "ambiguous_certificant": [], "unknown_course_number": [],
               "future_date": [], "outside_period": [], "duplicate": []}
    typos: dict[str, str] = {}
    out = []
    prev = None
    for r in range(rows):
        g = start + r
        i = (g * step + 17) % n
        cid, first, last, email, _birth = people[i]
        course, ceus = courses[(g * 31 + i) % c][0], ""
        day = date(2026, 1, 5) + timedelta(days=(g * 13) % 300)
        loc = f"row {r + 2}"
        row = [int(cid), first, last, email, course, day.strftime("%m/%d/%Y"), ceus]
        kind = None
        if r % 1000 == 999:  # look-alike: nobody has this surname
            row = ["", first, last[:2] + "x" + last[2:], "", course, day.strftime("%m/%d/%Y"), ""]
            kind = "unknown_certificant"
        elif r % 1000 == 998 and n > 1000:
            twin = (g // 1000 * 1000) % (n - 1000)  # a look-alike pair: people twin and twin + 1
            row = ["", people[twin][1], people[twin][2], "", course, day.strftime("%m/%d/%Y"), ""]
            kind = "ambiguous_certificant"
        elif r % 1000 == 997:
            row[4] = f"CA{90000 + r % 9000:05d}"
            kind = "unknown_course_number"
        elif r % 1000 == 996:
            row[5] = (TODAY + timedelta(days=20)).strftime("%m/%d/%Y")
            kind = "future_date"
        elif r % 1000 == 995 and not _two_periods(i):
            row[5] = "01/15/2025"
            kind = "outside_period"
        elif r % 1000 == 994 and prev is not None:
            row = list(prev)
            row[5] = (date(2026, 1, 5) + timedelta(days=(g * 7) % 300)).strftime("%m/%d/%Y")
            kind = "duplicate"
        elif r % 1000 == 993:
            wrong = cid[:-1] + str((int(cid[-1]) + 1) % 10)
            other = int(wrong) - 1_000_000
            # Only where the ID's owner has a name nothing like the row's (ID and a close name would win, R16).
            if other < n and fuzz.ratio(f"{first} {last}".lower(),
                                        f"{people[other][1]} {people[other][2]}".lower()) < 60:
                row[0] = int(wrong)
                typos[loc] = cid
        elif r % 100 == 7:
            row[3] = ""  # no email
        elif r % 100 == 11 and first in NICK:
            row[1] = NICK[first]
        elif r % 100 == 13:
            row[0] = ""  # name and email only
        if kind:
            planted[kind].append(loc)
        out.append(row)
        if kind is None:
            prev = row
    if fmt == "csv":
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(HEADER)
            w.writerows(out)
    else:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Roster")
        ws.append(HEADER)
        for row in out:
            ws.append(row)
        wb.save(path)
    errors = sum(len(v) for v in planted.values())
    return {"file": str(path.relative_to(path.parent.parent)), "rows": rows, "posted": rows - errors,
            "exceptions": {k: len(v) for k, v in planted.items() if v}, "planted": planted, "id_typos": typos}
