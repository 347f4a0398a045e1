"""Write the sample world: reference data, provider rosters and their intended outcomes.

Run from anywhere: ``python samples/make_samples.py``. The output is deterministic (fixed
seed, fixed timestamps inside the workbooks), so a re-run gives the same bytes and a
content-hashing ingest (R26) sees the same files.

The samples assume the processing date 2026-11-15 (``--today 2026-11-15``) and that a folder
is ingested in name order (acme, coastal, corrupt, harbor, header_only, late_batch, peak,
riverside, summit): the cross-file duplicates in ``late_batch_duplicates.xlsx`` repeat credits
from rosters that sort before it.

Besides the data it writes ``expected_intent.csv`` (every row meant to raise an exception,
with the kind) and ``README.md`` (the same, as a table for reviewers).
"""

from __future__ import annotations

import csv
import io
import random
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pandas as pd

SEED = 20261115
TODAY = date(2026, 11, 15)
FIXED_STAMP = datetime(2026, 11, 1, 9, 0, 0)  # written into every workbook instead of "now"

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "reference"
ROSTERS = HERE / "rosters"

rng = random.Random(SEED)


# ---------------------------------------------------------------------------------------------
# Courses: written out by hand so titles, providers and approval windows read like a real
# catalogue. Pairs one edit apart (CA23456/CA23458, CEP123456/CEP123457, CP55012/CP55013,
# CEP31415/CEP314150) give R8 suggestions something to show.
# ---------------------------------------------------------------------------------------------
ACME = "Acme Fitness Education"
PEAK = "Peak Performance Institute"
LIFELINE = "Lifeline Safety Training"
SUMMIT = "Summit Wellness Conferences"
RIVERSIDE = "Riverside Health Academy"
COASTAL = "Coastal Movement Studio"
HARBOR = "Harbor Mind-Body Collective"
NORTHSTAR = "NorthStar Nutrition Institute"

# number, title, provider, ceus, category, approved_from, approved_to ("" = open-ended)
COURSE_TABLE = [
    ("CA23456", "Functional Training for Older Adults", ACME, "0.4", "standard", "2023-01-01", ""),
    ("CA23458", "Functional Training for Youth Athletes", ACME, "0.4", "standard", "2023-01-01", ""),
    ("CA23511", "Kettlebell Fundamentals", ACME, "0.3", "standard", "2023-06-01", ""),
    ("CA24102", "Program Design for Weight Management", ACME, "0.8", "standard", "2024-01-01", ""),
    ("CA24190", "Core Stability and Low Back Health", ACME, "0.5", "standard", "2022-07-01", "2025-06-30"),
    ("CA24377", "Suspension Training Level 1", ACME, "0.6", "standard", "2026-03-01", ""),
    ("CA24455", "Balance and Fall Prevention", ACME, "0.5", "standard", "2024-01-01", "2027-12-31"),
    ("CEP123456", "Exercise Science Refresher", ACME, "1.0", "standard", "2022-01-01", ""),
    ("CEP123457", "Exercise Science Refresher (Online Edition)", ACME, "1.0", "standard", "2024-01-01", ""),
    ("CEP124680", "Resistance Training for Bone Health", ACME, "0.7", "standard", "2024-09-01", ""),
    ("CA245010", "Acme Fitness Summit 2025", ACME, "1.8", "event", "2025-10-10", "2025-10-12"),
    ("CA25000", "Acme Open Gym Circuit Workout", ACME, "0.0", "activity", "2024-01-01", ""),
    ("CP55012", "Strength Coaching Principles", PEAK, "0.7", "standard", "2023-03-01", ""),
    ("CP55013", "Strength Coaching Principles: Advanced", PEAK, "0.9", "standard", "2023-03-01", ""),
    ("CP55230", "Periodization for Endurance Athletes", PEAK, "0.6", "standard", "2024-02-01", ""),
    ("CP55318", "Speed and Agility Coaching", PEAK, "0.4", "standard", "2026-03-01", ""),
    ("CP551870", "Sports Nutrition Essentials", PEAK, "0.5", "standard", "2023-09-01", "2025-06-30"),
    ("CP552044", "Olympic Lifting Technique", PEAK, "0.8", "standard", "2024-06-01", ""),
    ("CP55900", "Peak Bootcamp Workout", PEAK, "0.0", "activity", "2024-01-01", ""),
    ("CP56001", "Peak Performance Summit 2026", PEAK, "1.5", "event", "2026-09-25", "2026-09-27"),
    ("CP60101", "Adult and Pediatric CPR", LIFELINE, "0.2", "cpr", "2023-01-01", ""),
    ("CP60188", "CPR Renewal (Blended Learning)", LIFELINE, "0.2", "cpr", "2024-01-01", ""),
    ("CS80420", "Heartsaver CPR", LIFELINE, "0.2", "cpr", "2023-01-01", ""),
    ("CEP600300", "BLS for Healthcare Providers", LIFELINE, "0.2", "cpr", "2024-01-01", ""),
    ("CP60204", "AED Operation", LIFELINE, "0.2", "aed", "2023-01-01", ""),
    ("CP602055", "AED Operation for Fitness Facilities", LIFELINE, "0.2", "aed", "2024-05-01", ""),
    ("CA60415", "AED Refresher", LIFELINE, "0.2", "aed", "2025-01-01", ""),
    ("CL70011", "Standard First Aid", LIFELINE, "0.2", "first_aid", "2023-01-01", ""),
    ("CL70012", "Wilderness First Aid", LIFELINE, "0.2", "first_aid", "2023-01-01", "2025-06-30"),
    ("CL700130", "First Aid for Sports Injuries", LIFELINE, "0.2", "first_aid", "2024-05-01", ""),
    ("CEP246802", "Summit Wellness Conference 2025", SUMMIT, "2.0", "event", "2025-06-13", "2025-06-15"),
    ("CEP246810", "Summit Wellness Conference 2026", SUMMIT, "2.0", "event", "2026-06-12", "2026-06-14"),
    ("CEP246815", "Summit Fall Forum 2026", SUMMIT, "1.6", "event", "2026-10-16", "2026-10-17"),
    ("CEP13579", "Summit Regional Day: Healthy Aging", SUMMIT, "1.5", "event", "2025-11-08", "2025-11-08"),
    ("CS40112", "Behavior Change Coaching", RIVERSIDE, "0.8", "standard", "2023-01-01", ""),
    ("CS40121", "Motivational Interviewing Skills", RIVERSIDE, "0.6", "standard", "2023-01-01", ""),
    ("CS41005", "Nutrition for Chronic Disease Prevention", RIVERSIDE, "1.0", "standard", "2024-01-01", ""),
    ("CS41018", "Sleep, Stress and Recovery", RIVERSIDE, "0.4", "standard", "2024-01-01", ""),
    ("CS41033", "Health Coaching Ethics", RIVERSIDE, "0.2", "standard", "2022-01-01", "2025-06-30"),
    ("CS41042", "Lifestyle Medicine Basics", RIVERSIDE, "0.9", "standard", "2024-04-01", ""),
    ("CS410260", "Coaching Clients with Type 2 Diabetes", RIVERSIDE, "1.2", "standard", "2024-06-01", ""),
    ("CS412001", "Medical Exercise: Post-Rehab Progressions", RIVERSIDE, "1.5", "standard", "2024-03-01", ""),
    ("CS41207", "Exercise After Joint Replacement", RIVERSIDE, "0.9", "standard", "2026-03-01", ""),
    ("CS41300", "Riverside Walking Club", RIVERSIDE, "0.0", "activity", "2024-01-01", ""),
    ("CL10234", "Mat Pilates Foundations", COASTAL, "0.6", "standard", "2023-01-01", ""),
    ("CL10240", "Aquatic Exercise Leadership", COASTAL, "0.8", "standard", "2023-01-01", ""),
    ("CL10298", "Prenatal and Postnatal Exercise", COASTAL, "0.7", "standard", "2022-01-01", "2025-06-30"),
    ("CL10311", "Mobility for Desk Workers", COASTAL, "0.3", "standard", "2024-01-01", ""),
    ("CL10355", "Deep-Water Running Coaching", COASTAL, "0.4", "standard", "2024-01-01", ""),
    ("CL10411", "Barre Fundamentals", COASTAL, "0.5", "standard", "2026-03-01", ""),
    ("CL103120", "Reformer Pilates Level 2", COASTAL, "1.1", "standard", "2024-09-01", ""),
    ("CL10502", "Coastal Movement Retreat 2026", COASTAL, "1.8", "event", "2026-04-24", "2026-04-26"),
    ("CL19001", "Sunrise Beach Bootcamp", COASTAL, "0.0", "activity", "2024-01-01", ""),
    ("CS52010", "Yoga for Athletes", HARBOR, "0.8", "standard", "2023-01-01", ""),
    ("CS520114", "Trauma-Informed Yoga Instruction", HARBOR, "1.2", "standard", "2024-01-01", ""),
    ("CS52044", "Breathwork Foundations", HARBOR, "0.3", "standard", "2024-01-01", ""),
    ("CS52071", "Chair Yoga for Seniors", HARBOR, "0.4", "standard", "2023-06-01", "2025-06-30"),
    ("CS52133", "Restorative Yoga", HARBOR, "0.5", "standard", "2026-03-01", ""),
    ("CEP521200", "Mindful Movement Teacher Training", HARBOR, "1.6", "standard", "2025-01-01", ""),
    ("CS52090", "Harbor Community Flow Class", HARBOR, "0.0", "activity", "2024-01-01", ""),
    ("CEP31415", "Fundamentals of Sports Nutrition", NORTHSTAR, "0.6", "standard", "2023-01-01", ""),
    ("CEP314150", "Fundamentals of Sports Nutrition (Extended)", NORTHSTAR, "1.0", "standard", "2024-01-01", ""),
    ("CEP31522", "Supplements: Evidence and Ethics", NORTHSTAR, "0.4", "standard", "2024-01-01", ""),
    ("CEP31660", "Plant-Based Nutrition for Active Clients", NORTHSTAR, "0.5", "standard", "2024-01-01", ""),
    ("CP31777", "Hydration and Performance", NORTHSTAR, "0.2", "standard", "2022-01-01", "2025-06-30"),
    ("CA31850", "Weight Stigma and Inclusive Coaching", NORTHSTAR, "0.3", "standard", "2026-03-01", ""),
    ("CEP31902", "NorthStar Nutrition Symposium 2025", NORTHSTAR, "1.5", "event", "2025-11-07", "2025-11-08"),
]


@dataclass(frozen=True)
class Course:
    number: str
    title: str
    provider: str
    ceus: str
    category: str
    approved_from: date
    approved_to: date | None

    def approved_on(self, day: date) -> bool:
        return self.approved_from <= day and (self.approved_to is None or day <= self.approved_to)


COURSES = {
    n: Course(n, t, p, c, cat, date.fromisoformat(a), date.fromisoformat(b) if b else None)
    for n, t, p, c, cat, a, b in COURSE_TABLE
}
assert len(COURSES) == len(COURSE_TABLE), "course numbers must be unique"


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------
CERTS = ["Personal Trainer", "Group Fitness Instructor", "Health Coach", "Medical Exercise Specialist"]


@dataclass
class Person:
    key: str
    cid: str
    first: str
    last: str
    email: str
    birth: date | None
    periods: list[tuple[str, date, date]] = field(default_factory=list)

    def in_period(self, day: date) -> bool:
        return any(s <= day <= e for _, s, e in self.periods)

    @property
    def display(self) -> str:
        return f"{self.cid} {self.first} {self.last}"


def fold(text: str) -> str:
    """Lower-case ASCII letters only: what a clerk compares (accents and punctuation dropped)."""
    text = unicodedata.normalize("NFKD", text).replace("ø", "o").replace("Ø", "O").replace("ł", "l")
    text = text.replace("Ł", "L").replace("æ", "ae").replace("Æ", "AE").replace("đ", "d")
    return "".join(ch for ch in text.lower() if "a" <= ch <= "z")


def two_years(start: date) -> date:
    """R2: a period runs two years from its start, inclusive (start + 2 years - 1 day)."""
    return date(start.year + 2, start.month, start.day) - timedelta(days=1)


def renewed_periods(cert: str, first_start: date, lapse_after: int | None = None) -> list:
    """Consecutive two-year periods from first_start, renewed until one is current."""
    out, start = [], first_start
    while True:
        end = two_years(start)
        out.append((cert, start, end))
        if end >= TODAY or (lapse_after is not None and len(out) >= lapse_after):
            return out
        start = end + timedelta(days=1)


# Hand-picked people the rosters' special rows are about. key -> (first, last, email, birth)
# email None = make one from the name; "" = no email on file.
SPECIAL = {
    # accents and non-ASCII letters
    "jose": ("José", "Núñez", None, "1986-04-12"),
    "zoe": ("Zoë", "Brontë", None, "1992-09-30"),
    "francois": ("François", "Lefèvre", None, "1979-01-22"),
    "soren": ("Søren", "Kjærgaard", None, "1983-06-05"),
    "siobhan": ("Siobhán", "O'Connor", None, "1990-03-17"),
    "jurgen": ("Jürgen", "Müller", None, "1975-11-02"),
    "bjorn": ("Björn", "Åkesson", None, "1988-08-08"),
    "renee": ("Renée", "Dubois", None, "1994-02-14"),
    "lukasz": ("Łukasz", "Wójcik", None, "1991-12-01"),
    "hoa": ("Thị Hoa", "Nguyễn", None, "1996-05-20"),
    # hyphens, apostrophes, multi-word surnames
    "emily": ("Emily", "Smith-Jones", None, "1989-07-07"),
    "annalena": ("Anna-Lena", "Hoffmann", None, "1993-10-10"),
    "ahmed": ("Ahmed", "Al-Masri", None, "1984-01-30"),
    "patrick": ("Patrick", "O'Brien", None, "1977-03-03"),
    "gianna": ("Gianna", "D'Angelo", None, "1998-06-21"),
    "aminata": ("Aminata", "N'Diaye", None, "1987-09-09"),
    "anneke": ("Anneke", "van der Berg", None, "1985-05-15"),
    "lucia": ("Lucía", "García López", None, "1990-12-24"),
    "miguel": ("Miguel", "de la Cruz", None, "1982-02-02"),
    "hendrik": ("Hendrik", "de Vries", None, "1970-04-04"),
    "ana": ("Ana", "dos Santos", None, "1999-01-11"),
    "pierre": ("Pierre", "Le Roux", None, "1981-07-19"),
    # formal first names that rosters shorten
    "robert": ("Robert", "Lindqvist", None, "1972-10-05"),
    "elizabeth_h": ("Elizabeth", "Harrow", None, "1980-08-18"),
    "elizabeth_o": ("Elizabeth", "Okafor", None, "1995-04-27"),
    "william": ("William", "Tran", None, "1983-03-29"),
    "margaret": ("Margaret", "Doyle", None, "1966-06-06"),
    "katherine": ("Katherine", "Novak", None, "1991-01-19"),
    "james": ("James", "Whitfield", None, "1978-12-12"),
    "daniel": ("Daniel", "Okoro", None, "1987-11-23"),
    # same first and last name, told apart only by ID, email or birth date
    "maria_garcia_1": ("Maria", "Garcia", "maria.garcia@example.com", "1984-03-09"),
    "maria_garcia_2": ("Maria", "Garcia", "mgarcia88@example.net", "1988-10-30"),
    "john_smith_1": ("John", "Smith", "john.smith@example.org", "1969-05-01"),
    "john_smith_2": ("John", "Smith", "jsmith.fit@example.com", "1993-08-14"),
    "wei_chen_1": ("Wei", "Chen", "wei.chen@example.com", "1990-02-02"),
    "wei_chen_2": ("Wei", "Chen", "chenwei.coach@example.net", "1985-09-19"),
    # a family address shared by two people
    "dana": ("Dana", "Kowalski", "kowalski.family@example.net", "1982-04-16"),
    "chris": ("Christopher", "Kowalski", "kowalski.family@example.net", "1980-01-08"),
    # no email on file
    "walter": ("Walter", "Pruitt", "", "1961-07-28"),
    "edna": ("Edna", "Marsh", "", ""),
    # the ID typos: grace's ID with two digits swapped is tomasz's; darnell's swapped is nobody's
    "grace": ("Grace", "Whitmore", None, "1997-03-08"),
    "tomasz": ("Tomasz", "Zieliński", None, "1976-10-27"),
    "darnell": ("Darnell", "Brooks", None, "1989-06-30"),
    # periods that make outside_period and category_limit cases
    "hannah": ("Hannah", "Lindgren", None, "1994-12-03"),
    "gordon": ("Gordon", "Pike", None, "1965-02-25"),
    "yvonne": ("Yvonne", "Castellanos", None, "1979-09-14"),
    "tariq": ("Tariq", "Haddad", None, "2001-05-05"),
}
FIXED_IDS = {"grace": "147285", "tomasz": "147258", "darnell": "163904"}
TYPO_IDS = {"grace": "147258", "darnell": "163094"}  # what the roster says
UNKNOWN_PERSON = ("Jordan", "Blakemore", "187654", "jordan.blakemore@example.org")

FIRST_NAMES = [
    "Aaliyah", "Abdul", "Adaeze", "Adrian", "Aiko", "Alejandro", "Alicia", "Amara", "Amir",
    "Andrea", "Angela", "Arjun", "Ayesha", "Beatriz", "Benjamin", "Bianca", "Brandon", "Camila",
    "Carlos", "Caroline", "Chiara", "Chloe", "Connor", "Dmitri", "Deepa", "Diego", "Elena",
    "Emeka", "Eun-ji", "Fatima", "Felipe", "Fiona", "Gabriel", "Hana", "Hiroshi", "Ibrahim",
    "Imani", "Ingrid", "Isabel", "Ivan", "Jamal", "Jasmine", "Javier", "Jessica", "Joaquin",
    "Kai", "Kamala", "Keisha", "Kenji", "Kwame", "Laila", "Lars", "Latoya", "Leila", "Lena",
    "Liam", "Mai", "Malik", "Marcus", "Mariana", "Mateo", "Mei", "Mohammed", "Nadia", "Naomi",
    "Nikhil", "Nina", "Noah", "Oksana", "Olivia", "Omar", "Pablo", "Paolo", "Precious", "Priya",
    "Rafael", "Rahul", "Rania", "Rashad", "Rebecca", "Rosa", "Ryan", "Sakura", "Samir", "Sanjay",
    "Sara", "Sean", "Shauna", "Sofia", "Stefan", "Sunita", "Tamar", "Tanya", "Terrence", "Tiago",
    "Valentina", "Victor", "Xiomara", "Yara", "Yusuf", "Zainab", "Zachary", "Ethan", "Megan",
    "Tyler", "Lauren", "Kevin", "Heather", "Derek", "Monica", "Gregory", "Tiffany", "Shawn",
]
LAST_NAMES = [
    "Abernathy", "Adeyemi", "Agarwal", "Alvarez", "Andersen", "Asante", "Bakshi", "Balogun",
    "Barros", "Bauer", "Bellamy", "Bergström", "Bianchi", "Bishop", "Boateng", "Brennan",
    "Castillo", "Chaudhry", "Coleman", "Costa", "Crawford", "Dalton", "Das", "Delgado",
    "Desai", "Dimitrov", "Donovan", "Duarte", "Eriksen", "Espinoza", "Farouk", "Fernandes",
    "Fitzgerald", "Fleming", "Fujita", "Gallagher", "Ghosh", "Goldberg", "Gonzaga", "Greene",
    "Gupta", "Halvorsen", "Hamid", "Hartley", "Hayashi", "Herrera", "Holloway", "Ibarra",
    "Ivanova", "Iyer", "Jablonski", "Jameson", "Jensen", "Kamara", "Kapoor", "Kaufman",
    "Kim", "Kozlov", "Kuznetsova", "Lam", "Larsen", "Lazaro", "Liang", "Lopes", "Lund",
    "Mahmoud", "Malhotra", "Mancini", "Marquez", "Matsumoto", "Mbeki", "McAllister",
    "Mendoza", "Mensah", "Moreau", "Morrison", "Murphy", "Nakamura", "Nair", "Navarro",
    "Nwosu", "Ochoa", "Okonkwo", "Olsen", "Ortiz", "Osei", "Palmer", "Park", "Patel",
    "Pereira", "Petrov", "Quinn", "Rahman", "Ramirez", "Reddy", "Reyes", "Rinaldi", "Rojas",
    "Romero", "Rosen", "Sadeghi", "Salazar", "Sandoval", "Santoro", "Sato", "Schneider",
    "Serrano", "Shah", "Sharma", "Silva", "Sokolova", "Suzuki", "Takahashi", "Tanaka",
    "Thornton", "Torres", "Tremblay", "Uddin", "Valdez", "Vasquez", "Vega", "Volkov", "Wagner",
    "Walsh", "Washington", "Watanabe", "Weber", "Yamamoto", "Yilmaz", "Young", "Zhang",
    "Zimmerman", "Zubiri", "Baptiste", "Chowdhury", "Estrada", "Hwang", "Kovacs", "Ng",
]
DOMAINS = ["example.com", "example.net", "example.org", "mail.example.com", "fitpro.example"]
N_GENERIC = 190


def make_email(first: str, last: str, used: set) -> str:
    f, l = fold(first), fold(last)
    shapes = [f"{f}.{l}", f"{f[0]}{l}", f"{f}{l}{rng.randint(1, 99)}", f"{l}.{f}", f"{f}_{l}"]
    local = shapes[rng.randrange(len(shapes))]
    email = f"{local}@{DOMAINS[rng.randrange(len(DOMAINS))]}"
    while email in used:
        email = f"{local}{rng.randint(2, 999)}@{DOMAINS[rng.randrange(len(DOMAINS))]}"
    used.add(email)
    return email


def random_birth() -> date | None:
    if rng.random() < 0.12:
        return None
    return date(1958, 1, 1) + timedelta(days=rng.randrange(46 * 365))


def random_periods(lapse_ok: bool = True) -> list:
    """One to three certifications, each renewed from a first start in 2021-2025."""
    n = rng.choices([1, 2, 3], weights=[50, 35, 15])[0]
    held = []
    pool = list(CERTS)
    weights = [60, 45, 30, 15]
    while len(held) < n:
        c = rng.choices(pool, weights=weights)[0]
        i = pool.index(c)
        pool.pop(i)
        weights.pop(i)
        held.append(c)
    periods = []
    for cert in held:
        # about a third first certified in 2021-2022 (three periods by now), a third in
        # 2023-2024 (two), a third in 2025 (one)
        roll = rng.random()
        if roll < 0.3:
            year, month = rng.choice([2021, 2022]), rng.randint(1, 12)
        elif roll < 0.65:
            year, month = rng.choice([2023, 2024]), rng.randint(1, 12)
        else:
            year, month = 2025, rng.randint(1, 10)
        first = date(year, month, rng.choice([1, 1, 1, 15]))
        lapse = 1 if (lapse_ok and rng.random() < 0.05) else None
        periods += renewed_periods(cert, first, lapse)
    return periods


def build_people() -> dict[str, Person]:
    used_ids = set(FIXED_IDS.values()) | {UNKNOWN_PERSON[2], *TYPO_IDS.values()}
    used_emails: set = set()
    people: dict[str, Person] = {}

    def new_id() -> str:
        while True:
            cid = str(rng.randint(100000, 199999))
            if cid not in used_ids:
                used_ids.add(cid)
                return cid

    for key, (first, last, email, birth) in SPECIAL.items():
        cid = FIXED_IDS.get(key) or new_id()
        if email is None:
            email = make_email(first, last, used_emails)
        elif email:
            used_emails.add(email)
        person = Person(key, cid, first, last, email, date.fromisoformat(birth) if birth else None)
        # Default for the hand-picked: a Personal Trainer period from 2024-09-01, renewed, so the
        # roster dates chosen for them (2025-2026) fall inside; some hold a second certification.
        person.periods = renewed_periods("Personal Trainer", date(2024, 9, 1))
        if rng.random() < 0.4:
            person.periods += renewed_periods(rng.choice(CERTS[1:]), date(2023, rng.randint(1, 12), 1))
        people[key] = person

    # Special period shapes (R6, R12).
    people["hannah"].periods = [("Personal Trainer", date(2025, 1, 1), date(2026, 12, 31))]
    people["gordon"].periods = renewed_periods("Personal Trainer", date(2021, 9, 1), lapse_after=2)
    people["yvonne"].periods = [("Group Fitness Instructor", date(2023, 5, 1), date(2025, 4, 30))]
    people["tariq"].periods = [("Personal Trainer", date(2026, 2, 1), date(2028, 1, 31))]
    people["walter"].periods = renewed_periods("Medical Exercise Specialist", date(2020, 7, 1))

    special_lasts = {fold(p.last) for p in people.values()}
    lasts = [l for l in LAST_NAMES if fold(l) not in special_lasts]
    rng.shuffle(lasts)
    names_seen = set()
    i = 0
    while i < N_GENERIC:
        first = rng.choice(FIRST_NAMES)
        # the first pass uses every surname once; later people reuse surnames (families, chance)
        last = lasts[i] if i < len(lasts) else rng.choice(lasts)
        if (first, last) in names_seen:
            continue
        names_seen.add((first, last))
        key = f"p{i:03d}"
        people[key] = Person(key, new_id(), first, last, make_email(first, last, used_emails),
                             random_birth(), random_periods())
        i += 1

    return people


PEOPLE = build_people()
BY_ID = {p.cid: p for p in PEOPLE.values()}
assert len(BY_ID) == len(PEOPLE)
assert UNKNOWN_PERSON[2] not in BY_ID and TYPO_IDS["darnell"] not in BY_ID
assert BY_ID[TYPO_IDS["grace"]].key == "tomasz"

EMAIL_COUNT: dict[str, int] = {}
for _p in PEOPLE.values():
    if _p.email:
        EMAIL_COUNT[_p.email] = EMAIL_COUNT.get(_p.email, 0) + 1


def tokens(p: Person) -> tuple:
    return tuple(sorted(fold(t) for t in f"{p.first} {p.last}".replace("-", " ").split()))


def name_alone_identifies(p: Person) -> bool:
    """True when a name-only row can only mean p: nobody else shares the surname or the tokens."""
    return all(
        q is p or (fold(q.last) != fold(p.last) and tokens(q) != tokens(p)) for q in PEOPLE.values()
    )


def email_alone_identifies(p: Person) -> bool:
    return bool(p.email) and EMAIL_COUNT[p.email] == 1


# ---------------------------------------------------------------------------------------------
# Roster rows
# ---------------------------------------------------------------------------------------------
@dataclass
class Row:
    """One attendee line, before a roster layout renders it."""

    person: Person | None
    course: str                    # as written on the roster
    day: object                    # date, or a string exactly as the roster shows it, or None
    ceus: object = None            # stated value: str/float as written, None = blank
    give_id: bool = True
    give_email: bool = True
    give_name: bool = True
    id_text: str | None = None     # override: what the roster says the ID is
    first: str | None = None       # override: the name as the roster writes it
    last: str | None = None
    intent: str | None = None      # exception kind this row is meant to raise (None: posts cleanly)
    note: str = ""
    location: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def shown_first(self) -> str:
        return self.first if self.first is not None else self.person.first

    @property
    def shown_last(self) -> str:
        return self.last if self.last is not None else self.person.last

    @property
    def shown_id(self) -> str:
        if not self.give_id or self.person is None and self.id_text is None:
            return ""
        return self.id_text if self.id_text is not None else self.person.cid

    @property
    def shown_email(self) -> str:
        return self.person.email if (self.give_email and self.person and self.person.email) else ""


CREDITED: dict[tuple[str, str], Row] = {}   # (cid, course) -> the row that posts it
CATEGORY_USED: dict[tuple[str, str], Row] = {}
SPECIAL_KEYS = set(SPECIAL)
LIMITED = ("cpr", "aed", "first_aid")  # R12: at most one of each per period
EXCEPTION_PEOPLE: list[Person] = []   # people already given an exception row: keep them distinct


def fmt_ceus(course: str) -> float:
    return float(COURSES[course].ceus)


def pick(n: int, course: str | None, day: date, evidence: str = "id", avoid: list | None = None,
         clean: bool = True) -> list[Person]:
    """Choose n generic people who hold a period containing `day`, identifiable by `evidence`.

    evidence: "id" (the roster gives the ID), "email" (email and name, no ID), "name" (name only).
    clean: the row is meant to post, so the course must be approved on `day`, which is not in the
    future. Otherwise (an exception row) people are also kept apart from earlier exception rows.
    """
    c = COURSES.get(course) if course else None
    if clean:
        assert c is not None and c.approved_on(day) and day <= TODAY, (course, day)
    avoid = list(avoid or []) + ([] if clean else EXCEPTION_PEOPLE)
    out = []
    for p in PEOPLE.values():
        if p.key in SPECIAL_KEYS or p in avoid or not p.in_period(day):
            continue
        if c is not None and (p.cid, c.number) in CREDITED:
            continue
        if c is not None and c.category in LIMITED and (p.cid, c.category) in CATEGORY_USED:
            continue
        if evidence == "email" and not email_alone_identifies(p):
            continue
        if evidence == "name" and not name_alone_identifies(p):
            continue
        out.append(p)
    assert len(out) >= n, (course, day, evidence, len(out))
    chosen = rng.sample(out, n)
    if not clean:
        EXCEPTION_PEOPLE.extend(chosen)
    return chosen



def credit(row: Row) -> None:
    """Book a row that posts (clean or warning) so no later row repeats it by accident (R12, R14)."""
    p, c = row.person, COURSES[canonical(row.course)]
    key = (p.cid, c.number)
    if CREDITED.get(key) is row:
        return
    assert key not in CREDITED, (key, row.note)
    CREDITED[key] = row
    if c.category in LIMITED:
        assert (p.cid, c.category) not in CATEGORY_USED, (p.display, c.category)
        CATEGORY_USED[(p.cid, c.category)] = row


def canonical(number: str) -> str:
    return "".join(ch for ch in number.upper() if ch not in " -.")


def session(course: str, day: date, n: int, evidence: str, **kw) -> list[Row]:
    """n clean attendees of one session; booked at once so later sessions pick other people."""
    rows = []
    for p in pick(n, course, day, evidence):
        row = Row(p, course, day, fmt_ceus(course),
                  give_id=(evidence == "id"), give_email=(evidence in ("id", "email")), **kw)
        credit(row)
        rows.append(row)
    return rows


def interleave(rows: list[Row], special: list[tuple[int, Row]]) -> list[Row]:
    """Insert special rows at given positions (positions in the final list, ascending)."""
    out = list(rows)
    for pos, row in special:
        out.insert(min(pos, len(out)), row)
    return out


# ---------------------------------------------------------------------------------------------
# Writers. Each returns nothing and sets row.location as the user sees it (contract.md).
# ---------------------------------------------------------------------------------------------
def stable_zip(data: bytes) -> bytes:
    """Rewrite an OOXML/ODF zip with fixed entry timestamps so the bytes don't depend on the clock."""
    src = zipfile.ZipFile(io.BytesIO(data))
    stamp = FIXED_STAMP.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            new = zipfile.ZipInfo(info.filename, date_time=FIXED_STAMP.timetuple()[:6])
            new.compress_type = info.compress_type
            new.external_attr = info.external_attr
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the clock
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, body)
            dst.writestr(new, body)
    return out.getvalue()


def save_workbook(wb: openpyxl.Workbook, path: Path) -> None:
    wb.properties.creator = "Provider office"
    wb.properties.created = FIXED_STAMP
    wb.properties.modified = FIXED_STAMP
    wb.properties.lastModifiedBy = "Provider office"
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(stable_zip(buf.getvalue()))


def write_csv(path: Path, header: list[str], lines: list[list[str]], *, delimiter=",",
              encoding="utf-8", newline="\n") -> None:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    w.writerow(header)
    w.writerows(lines)
    path.write_bytes(buf.getvalue().encode(encoding))


def us_date(d: date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


# ---------------------------------------------------------------------------------------------
# The rosters, in the order a folder walk ingests them.
# ---------------------------------------------------------------------------------------------
ROSTER_ROWS: dict[str, list[Row]] = {}
NOTES: dict[str, str] = {}


def register(fname: str, rows: list[Row]) -> None:
    """Book the rows that post (clean or warning), and keep the rows for the README."""
    for r in rows:
        if r.intent in (None, "ceus_mismatch"):
            credit(r)
        if "dup_of" in r.extra and not r.note:
            r.note = f"exact copy of {r.extra['dup_of'].location} (same person, course, date)"
    ROSTER_ROWS[fname] = rows


def acme() -> None:
    fname = "acme_title_lines_last_first.xlsx"
    P = PEOPLE
    d1, d2, d3, d4, d5, d6 = (date(2025, 9, 20), date(2025, 11, 8), date(2026, 2, 21),
                              date(2026, 4, 18), date(2026, 5, 16), date(2026, 8, 22))
    s1 = session("CA23456", d1, 6, "id")
    s2 = session("CA24102", d2, 6, "id")
    s3 = session("CA23511", d3, 6, "id")
    s4 = session("CEP123456", d4, 6, "id")
    s5 = session("CA24377", d5, 5, "id")
    s6 = session("CA23458", d6, 5, "id")
    s4[2].ceus = None  # blank stated CECs: not a mismatch (contract: Stated CECs)
    s6[1].ceus = None
    closed = pick(1, "CA24190", d1, clean=False)[0]
    mismatch = pick(1, "CA24102", d2)[0]
    bad = pick(2, None, d6, clean=False)
    nodate = pick(1, "CEP123456", d4, clean=False)[0]
    s1 = interleave(s1, [
        (2, Row(P["jose"], "CA23456", d1, 0.4, note="accents in name, Last, First")),
        (5, Row(closed, "CA24190", d1, 0.5, intent="course_not_approved",
                note="CA24190 approved to 2025-06-30, completed 2025-09-20")),
    ])
    s2 = interleave(s2, [
        (1, Row(P["anneke"], "CA24102", d2, 0.8, note="multi-word surname: van der Berg, Anneke")),
        (4, Row(mismatch, "CA24102", d2, 0.6, intent="ceus_mismatch",
                note="stated 0.6, catalogue 0.8 (standard): posts 0.8")),
    ])
    s3 = interleave(s3, [
        (0, Row(P["lucia"], "CA23511", d3, 0.3, note="two-word surname García López")),
        (3, Row(P["siobhan"], "CA23511", d3, 0.3, first="Siobhan", last="O'Conor",
                note="small typo in surname, accent dropped; ID right: posts")),
    ])
    # an exact copy-paste of a row a few lines up (R14: same row twice in one file)
    dup_src = s3[4]
    s3.insert(6, Row(dup_src.person, dup_src.course, dup_src.day, dup_src.ceus, intent="duplicate",
                     extra={"dup_of": dup_src}))
    s4 = interleave(s4, [
        (1, Row(P["maria_garcia_1"], "CEP123456", d4, 1.0,
                note="shared name Maria Garcia: the ACE ID decides")),
        (3, Row(nodate, "CEP123456", None, 1.0, intent="invalid_date", note="date cell left blank")),
        (6, Row(P["john_smith_2"], "CEP123456", d4, 1.0,
                note="shared name John Smith: the ACE ID decides")),
    ])
    s6 = interleave(s6, [
        (2, Row(bad[0], "CA2345", d6, 0.4, intent="invalid_course_number",
                note="CA2345: four digits")),
        (4, Row(bad[1], "CA23457", d6, 0.4, intent="unknown_course_number",
                note="CA23457 is not in the catalogue; one edit from CA23456 and CA23458")),
    ])
    rows = s1 + s2 + s3 + s4 + s5 + s6

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws["A1"] = "Acme Fitness Education"
    ws["A2"] = "Continuing education roster, September 2025 - August 2026 (submitted by the front desk)"
    header = ["Attendee", "ACE ID", "Course #", "Course Title", "Date Completed", "CECs"]
    for col, h in enumerate(header, 1):
        ws.cell(row=4, column=col, value=h)
    for i, r in enumerate(rows):
        excel_row = 5 + i
        r.location = f"row {excel_row} (Roster)"
        num = canonical(r.course)
        title = COURSES[num].title if num in COURSES else ""
        ws.cell(excel_row, 1, f"{r.shown_last}, {r.shown_first}")
        ws.cell(excel_row, 2, int(r.shown_id) if r.shown_id else None)
        ws.cell(excel_row, 3, r.course)
        ws.cell(excel_row, 4, title)
        if r.day is not None:
            ws.cell(excel_row, 5, r.day).number_format = "mm/dd/yyyy"
        ws.cell(excel_row, 6, r.ceus)
    for col, width in zip("ABCDEF", (28, 10, 11, 44, 15, 7)):
        ws.column_dimensions[col].width = width
    save_workbook(wb, ROSTERS / fname)
    NOTES[fname] = ("Two title lines and a blank line above the header (header on row 4); one "
                    "`Attendee` column in `Last, First` form; `ACE ID` as numbers; `Course #`; an "
                    "extra `Course Title` column; `Date Completed` as real date cells; `CECs` as "
                    "numbers, two left blank (not a mismatch).")
    register(fname, rows)


def coastal() -> None:
    fname = "coastal_utf16_tab.csv"
    P = PEOPLE
    d1, d2, d3, d4 = date(2026, 1, 17), date(2026, 3, 5), date(2026, 9, 12), date(2025, 11, 22)
    s1 = session("CL10240", d1, 5, "id")
    s2 = session("CL10234", d2, 6, "id")
    s3 = session("CL10311", d3, 5, "email")
    s4 = session("CL103120", d4, 4, "id")
    for r in s2:
        r.day = "March 5, 2026"
    for r in s3:
        r.day = "12 September 2026"
    tbd = pick(1, "CL10240", d1)[0]
    cyr, xy = pick(1, None, d2, clean=False)[0], pick(1, None, d3, clean=False)[0]
    acti = pick(1, "CL19001", d3, clean=False)[0]
    early = pick(1, "CL10411", date(2026, 1, 31), clean=False)[0]
    unknown = pick(1, None, d4, clean=False)[0]
    s1 = interleave(s1, [
        (1, Row(P["lukasz"], "CL10240", d1, 0.8, note="Ł and ó (not in cp1252; fine in UTF-16)")),
        (3, Row(tbd, "CL10240", d1, "TBD", intent="ceus_mismatch",
                note='stated CEUs "TBD" on a standard course: posts catalogue 0.8')),
    ])
    s2 = interleave(s2, [
        (2, Row(P["hoa"], "CL10234", "March 5, 2026", 0.6, note="Vietnamese name Nguyễn Thị Hoa")),
        (4, Row(cyr, "\u0421L10234", "March 5, 2026", 0.6, intent="invalid_course_number",
                note="first letter is Cyrillic С (U+0421), not Latin C")),
    ])
    s3 = interleave(s3, [
        (1, Row(xy, "XY12345", "12 September 2026", 0.3, intent="invalid_course_number",
                note="XY is not a course prefix")),
        (3, Row(acti, "CL19001", "12 September 2026", None, intent="ineligible_course",
                note="Sunrise Beach Bootcamp is an activity course (R13)")),
    ])
    s4 = interleave(s4, [
        (1, Row(early, "CL10411", date(2026, 1, 31), 0.5, intent="course_not_approved",
                note="CL10411 approved from 2026-03-01, completed 2026-01-31")),
        (3, Row(unknown, "CL99881", date(2025, 11, 22), 0.4, intent="unknown_course_number",
                note="CL99881 is not in the catalogue and has no near neighbour")),
    ])
    for r in s3:
        r.give_id = False
    rows = s1 + s2 + s3 + s4
    lines = []
    for i, r in enumerate(rows):
        r.location = f"row {i + 2}"
        day = r.day.isoformat() if isinstance(r.day, date) else r.day
        ceus = "" if r.ceus is None else r.ceus if isinstance(r.ceus, str) else f"{r.ceus:.1f}"
        lines.append([r.shown_id, r.shown_first, r.shown_last, r.shown_email, r.course, day, ceus])
    header = ["Certification Number", "First Name", "Last Name", "Email Address",
              "ACE Course Number", "Date of Completion", "CEUs"]
    write_csv(ROSTERS / fname, header, lines, delimiter="\t", encoding="utf-16", newline="\r\n")
    NOTES[fname] = ("UTF-16 (little-endian, with BOM), tab separated, CRLF; dates as ISO "
                    "(`2026-01-17`) and written out (`March 5, 2026`, `12 September 2026`); the "
                    "September session gives email but no ID.")
    register(fname, rows)


def harbor() -> None:
    fname = "harbor_ods_no_ids_family_email.ods"
    P = PEOPLE
    d1, d2, d3 = date(2025, 12, 6), date(2026, 2, 28), date(2026, 7, 18)
    s1 = session("CS52010", d1, 5, "email")
    s2 = session("CS520114", d2, 5, "email")
    s3 = session("CS52044", d3, 4, "name")
    s1 = interleave(s1, [
        (1, Row(P["dana"], "CS52010", d1, 0.8,
                note="family email shared with Christopher Kowalski: the name decides")),
        (4, Row(P["chris"], "CS52010", d1, 0.8, first="Chris",
                note="family email shared with Dana Kowalski; nickname Chris for Christopher")),
    ])
    s2 = interleave(s2, [
        (2, Row(P["patrick"], "CS520114", d2, 1.2, note="apostrophe: O'Brien")),
        (3, Row(P["john_smith_1"], "CS520114", d2, 1.2, give_email=False, intent="ambiguous_certificant",
                note="name only, two certificants are called John Smith")),
    ])
    s3 = interleave(s3, [
        (1, Row(P["gianna"], "CS52044", d3, 0.3, note="apostrophe: D'Angelo, with email")),
        (3, Row(P["ana"], "CS52044", d3, 0.3, give_email=False, note="name only: Ana dos Santos")),
    ])
    for r in s3:
        if r.person.key not in ("gianna",):
            r.give_email = False
    rows = s1 + s2 + s3
    for r in rows:
        r.give_id = False
    records = []
    for i, r in enumerate(rows):
        r.location = f"row {i + 2} (Attendance)"
        records.append({"Full Name": f"{r.shown_first} {r.shown_last}", "Email": r.shown_email or None,
                        "Course ID": r.course, "Completion Date": r.day, "CEC": r.ceus})
    df = pd.DataFrame(records, columns=["Full Name", "Email", "Course ID", "Completion Date", "CEC"])
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="odf") as xw:
        df.to_excel(xw, sheet_name="Attendance", index=False)
    (ROSTERS / fname).write_bytes(stable_zip(buf.getvalue()))
    NOTES[fname] = ("OpenDocument spreadsheet (sheet `Attendance`); no ID column at all: `Full "
                    "Name` (`First Last`), `Email` (blank for the July session), `Course ID`, "
                    "`Completion Date` as date cells, `CEC`. Two people share one family email.")
    register(fname, rows)


def late_batch() -> None:
    fname = "late_batch_duplicates.xlsx"
    P = PEOPLE
    d1, d2 = date(2026, 8, 15), date(2026, 10, 3)
    s1 = session("CEP31522", d1, 5, "id")
    s2 = session("CP60204", d1, 4, "id")
    s3 = session("CEP31660", d2, 4, "id")
    # repeats of credits posted by earlier rosters (R14, another roster)
    prior = ROSTER_ROWS
    acme_src = next(r for r in prior["acme_title_lines_last_first.xlsx"]
                    if r.intent is None and r.person.key not in SPECIAL_KEYS and r.course == "CA23456")
    coastal_src = next(r for r in prior["coastal_utf16_tab.csv"]
                       if r.intent is None and r.person.key not in SPECIAL_KEYS and r.course == "CL10234")
    harbor_src = next(r for r in prior["harbor_ods_no_ids_family_email.ods"]
                      if r.intent is None and r.person.key not in SPECIAL_KEYS and r.course == "CS520114")
    fut = pick(1, "CEP31415", date(2026, 12, 1), clean=False) + pick(1, "CEP31660", date(2027, 1, 10),
                                                                       clean=False)
    stranger = Person("unknown", UNKNOWN_PERSON[2], UNKNOWN_PERSON[0], UNKNOWN_PERSON[1],
                      UNKNOWN_PERSON[3], None)
    rows = s1[:2] + [
        Row(acme_src.person, "CA23456", acme_src.day, 0.4, intent="duplicate",
            note=f"repeats {acme_src.person.display} CA23456 from acme_title_lines_last_first.xlsx "
                 f"{acme_src.location}", extra={"dup_of": acme_src}),
    ] + s1[2:] + [
        Row(fut[0], "CEP31415", date(2026, 12, 1), 0.6, intent="future_date",
            note="2026-12-01 is after the processing date 2026-11-15"),
        Row(P["gordon"], "CEP31522", d1, 0.4, intent="outside_period",
            note="Gordon Pike's last period ended 2025-08-31 (not renewed)"),
    ] + s2[:2] + [
        Row(coastal_src.person, "CL10234", date(2026, 3, 6), 0.6, intent="duplicate",
            note=f"repeats {coastal_src.person.display} CL10234 from coastal_utf16_tab.csv "
                 f"{coastal_src.location} (another date)", extra={"dup_of": coastal_src}),
        Row(stranger, "CP60204", d1, 0.2, intent="unknown_certificant",
            note="Jordan Blakemore, ID 187654: no such certificant, name and email unknown too"),
    ] + s2[2:] + [
        Row(P["tariq"], "CEP31415", date(2025, 11, 20), 0.6, intent="outside_period",
            note="Tariq Haddad's first period starts 2026-02-01; completed 2025-11-20"),
        Row(harbor_src.person, "CS520114", harbor_src.day, 1.2, intent="duplicate",
            note=f"repeats {harbor_src.person.display} CS520114 from harbor_ods_no_ids_family_email.ods "
                 f"{harbor_src.location}", extra={"dup_of": harbor_src}),
    ] + s3[:2] + [
        Row(fut[1], "CEP31660", date(2027, 1, 10), 0.5, intent="future_date",
            note="2027-01-10 is after the processing date 2026-11-15"),
    ] + s3[2:]

    sizes = ["S", "M", "L", "XL", "M", "L"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Late submissions"
    ws.append(["Name", "ID", "Email", "Course number", "Completion date", "CEC", "Shirt size"])
    for i, r in enumerate(rows):
        excel_row = i + 2
        r.location = f"row {excel_row} (Late submissions)"
        ws.cell(excel_row, 1, f"{r.shown_first} {r.shown_last}")
        ws.cell(excel_row, 2, int(r.shown_id) if r.shown_id else None)
        ws.cell(excel_row, 3, r.shown_email or None)
        ws.cell(excel_row, 4, r.course)
        ws.cell(excel_row, 5, r.day).number_format = "yyyy-mm-dd"
        ws.cell(excel_row, 6, r.ceus)
        ws.cell(excel_row, 7, sizes[i % len(sizes)])
    save_workbook(wb, ROSTERS / fname)
    NOTES[fname] = ("A partner's catch-up batch across providers: `Name` (`First Last`), `ID`, "
                    "`Email`, `Course number`, `Completion date` (date cells), `CEC`, and a "
                    "`Shirt size` column the reader cannot place (reported, ignored).")
    register(fname, rows)


def peak() -> None:
    fname = "peak_two_sheets_nicknames.xlsx"
    P = PEOPLE
    d1, d2 = date(2026, 3, 14), date(2026, 5, 9)
    a1 = session("CP55012", d1, 8, "id")
    a2 = session("CP60101", d1, 5, "id")
    b1 = session("CP55230", d2, 7, "id")
    b2 = session("CP60188", d2, 4, "id")
    messy = ["cp 55012", "CP-55012", "CP55012 ", "cp55012"]
    for r, m in zip(a1[1::2], messy):
        r.course = m
    a2[1].course, a2[3].course = "cp.60101", "CP 60101"
    b1[2].course = "cp-55230"
    a1[5].give_id = False  # email only for this one
    acti = pick(1, "CP55900", d1, clean=False)[0]
    badday = pick(1, "CP55230", d2, clean=False)[0]
    a1 = interleave(a1, [
        (0, Row(P["robert"], "CP55012", d1, 0.7, first="Bob", note="nickname Bob for Robert, ID and email")),
        (3, Row(P["elizabeth_h"], "CP55012", d1, 0.7, first="Liz", give_id=False,
                note="nickname Liz for Elizabeth, email only")),
        (5, Row(P["jose"], "CP55012", d1, 0.7, first="Jose", last="Nunez", give_id=False,
                note="accents dropped: Jose Nunez for José Núñez, email only")),
        (7, Row(P["grace"], "CP55012", d1, 0.7, id_text=TYPO_IDS["grace"],
                note="ID 147258 is Tomasz Zieliński's (Grace's is 147285, digits swapped); "
                     "name and email are Grace's: posts to Grace")),
        (9, Row(P["daniel"], "CP55012", d1, 0.7, first="Daniel J.", note="middle initial in First Name")),
        (11, Row(P["zoe"], "CP55012", d1, 0.7, first="Zoe", last="Bronte",
                 note="accents dropped, ID and email")),
    ])
    a2 = interleave(a2, [
        (2, Row(P["hannah"], "CP60101", d1, 0.2, note="first CPR of her period: posts")),
        (4, Row(acti, "CP55900", d1, None, intent="ineligible_course",
                note="CP55900 Peak Bootcamp Workout is an activity course (R13)")),
    ])
    b1 = interleave(b1, [
        (1, Row(P["william"], "CP55230", d2, 0.6, first="Bill", note="nickname Bill for William")),
        (2, Row(P["margaret"], "CP55230", d2, 0.6, first="Peggy", give_id=False,
                note="nickname Peggy for Margaret, email only")),
        (4, Row(badday, "CP55230", "02/30/2026", 0.6, intent="invalid_date",
                note="February 30 does not exist")),
        (5, Row(P["katherine"], "CP55230", d2, 0.6, first="Kate", note="nickname Kate for Katherine")),
        (7, Row(P["darnell"], "CP55230", d2, 0.6, id_text=TYPO_IDS["darnell"],
                note="ID 163094 belongs to nobody (Darnell's is 163904); name and email right: posts")),
        (8, Row(P["james"], "CP55230", d2, 0.6, first="Jim", give_id=False, give_email=False,
                note="name only, nickname: Jim Whitfield for James Whitfield (surname unique)")),
    ])
    b2 = interleave(b2, [
        (1, Row(P["elizabeth_o"], "CP60188", d2, 0.2, first="Beth", give_id=False,
                note="nickname Beth for Elizabeth, email only")),
        (3, Row(P["hannah"], "CP60188", d2, 0.2, intent="category_limit",
                note="second CPR (CP60188 after CP60101 on 03/14/2026) in her one period 2025-2026")),
    ])
    sheet1, sheet2 = a1 + a2, b1 + b2
    for r in sheet2:
        if isinstance(r.day, date):
            r.day = us_date(r.day)

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "March 14 session"
    ws.append(["First Name", "Last Name", "Member ID", "Email", "Course #", "Date", "Credits"])
    for i, r in enumerate(sheet1):
        excel_row = i + 2
        r.location = f"row {excel_row} (March 14 session)"
        ws.cell(excel_row, 1, r.shown_first)
        ws.cell(excel_row, 2, r.shown_last)
        ws.cell(excel_row, 3, int(r.shown_id) if r.shown_id else None)
        ws.cell(excel_row, 4, r.shown_email or None)
        ws.cell(excel_row, 5, r.course)
        ws.cell(excel_row, 6, r.day).number_format = "m/d/yyyy"
        ws.cell(excel_row, 7, r.ceus)
    ws2 = wb.create_sheet("May 9 session")
    ws2["A1"] = "Peak Performance Institute - Saturday May 9, 2026"
    ws2.append(["Last Name", "First Name", "E-mail", "Member ID", "Course Number",
                "Completion Date", "Credits"])
    for i, r in enumerate(sheet2):
        excel_row = i + 3
        r.location = f"row {excel_row} (May 9 session)"
        ws2.cell(excel_row, 1, r.shown_last)
        ws2.cell(excel_row, 2, r.shown_first)
        ws2.cell(excel_row, 3, r.shown_email or None)
        ws2.cell(excel_row, 4, r.shown_id or None)   # typed as text on this sheet
        ws2.cell(excel_row, 5, r.course)
        ws2.cell(excel_row, 6, r.day)                 # text "05/09/2026", not a date cell
        ws2.cell(excel_row, 7, r.ceus)
    save_workbook(wb, ROSTERS / fname)
    NOTES[fname] = ("Two sheets, one per session, each with its own header (the second sheet has "
                    "a title line above it and a different column order); `First Name`/`Last "
                    "Name` with nicknames, dropped accents and a middle initial; course numbers "
                    "written messily (`cp 55012`, `CP-55012`, `cp.60101`, trailing space); sheet 1 "
                    "dates are date cells and IDs numbers, sheet 2 dates and IDs are text; two IDs "
                    "with swapped digits where name and email are right.")
    register(fname, sheet1 + sheet2)


def riverside() -> None:
    fname = "riverside_semicolon_cp1252.csv"
    P = PEOPLE
    d1, d2, d3, d4 = date(2025, 10, 4), date(2026, 1, 24), date(2026, 2, 7), date(2026, 4, 11)
    s1 = session("CS40112", d1, 6, "id")
    s2 = session("CS40121", d2, 6, "email")
    s3 = session("CL70011", d3, 5, "id")
    s4 = session("CS41005", d4, 6, "id")
    s2[2].give_id = True
    s4[1].ceus = "1.00"  # equal to the catalogue once read as a number
    unknown = pick(1, None, d2, clean=False)[0]
    badday = pick(1, "CL70011", d3, clean=False)[0]
    future = pick(1, "CS41018", date(2026, 12, 3), clean=False)[0]
    s1 = interleave(s1, [
        (1, Row(P["francois"], "CS40112", d1, 0.8, note="accents in cp1252: François Lefèvre")),
        (4, Row(P["soren"], "CS40112", d1, 0.8, give_id=False, note="ø and æ in cp1252, email only")),
    ])
    s2 = interleave(s2, [
        (2, Row(P["bjorn"], "CS40121", d2, 0.6, note="Björn Åkesson")),
        (5, Row(unknown, "CS40122", d2, 0.6, intent="unknown_course_number",
                note="CS40122 is not in the catalogue; one edit from CS40112 and CS40121")),
    ])
    s3 = interleave(s3, [
        (2, Row(P["jurgen"], "CL70011", d3, 0.2, note="Jürgen Müller, first aid")),
        (4, Row(badday, "CL70011", "25/13/2026", 0.2, intent="invalid_date",
                note="day and month swapped and still impossible: month 13")),
    ])
    s4 = interleave(s4, [
        (3, Row(P["renee"], "CS41005", d4, 1.0, give_id=False, note="Renée Dubois, email only")),
        (6, Row(future, "CS41018", "12/03/2026", 0.4, intent="future_date",
                note="12/03/2026 is December 3, after the processing date 2026-11-15")),
    ])
    rows = s1 + s2 + s3 + s4
    lines = []
    for i, r in enumerate(rows):
        r.location = f"row {i + 2}"
        day = us_date(r.day) if isinstance(r.day, date) else r.day
        ceus = "" if r.ceus is None else r.ceus if isinstance(r.ceus, str) else f"{r.ceus:.2f}"
        lines.append([r.shown_id, f"{r.shown_first} {r.shown_last}", r.shown_email, r.course, day, ceus])
    write_csv(ROSTERS / fname, ["Member ID", "Full Name", "E-mail", "Course No", "Completed", "CEU"],
              lines, delimiter=";", encoding="cp1252", newline="\r\n")
    NOTES[fname] = ("Semicolon separated, Windows-1252 encoded (accented names as single bytes), "
                    "CRLF; one `Full Name` column (`First Last`); dates as `MM/DD/YYYY` text; CEU "
                    "written with two decimals (`0.80`, equal to the catalogue's 0.8).")
    register(fname, rows)


def summit() -> None:
    fname = "summit_conference_event.csv"
    P = PEOPLE
    day = date(2026, 6, 14)
    with_email = session("CEP246810", day, 16, "email")
    name_only = session("CEP246810", day, 10, "name")
    for r in name_only:
        r.give_email = False
    attendees = []
    for i in range(max(len(with_email), len(name_only))):
        attendees += with_email[i:i + 1] + name_only[i:i + 1]
    values = [2.0, 1.8, 1.5, 2.0, 1.2, 1.0, 2.0, 0.8, 1.6, 2.0]
    for i, r in enumerate(attendees):
        r.ceus = values[i % len(values)]
    over = pick(2, "CEP246810", day, "email")
    review = pick(1, "CEP246810", day, "email", clean=False)[0]
    attendees = interleave(attendees, [
        (1, Row(P["soren"], "CEP246810", day, 2.0, note="Søren Kjærgaard in UTF-8, email")),
        (4, Row(over[0], "CEP246810", day, 2.5, intent="ceus_mismatch",
                note="2.5 stated, event cap 2.0: posts 2.0")),
        (7, Row(P["maria_garcia_2"], "CEP246810", day, 1.5, give_email=False,
                intent="ambiguous_certificant", note="name only, two certificants are called Maria Garcia")),
        (10, Row(P["wei_chen_1"], "CEP246810", day, 1.8,
                 note="shared name Wei Chen: the email decides")),
        (13, Row(review, "CEP246810", day, "n/a", intent="needs_review",
                 note='stated CECs "n/a" on an event: nothing to post without a value')),
        (16, Row(P["aminata"], "CEP246810", day, 1.0, give_email=False,
                 note="name only, apostrophe: Aminata N'Diaye")),
        (19, Row(over[1], "CEP246810", day, 3.0, intent="ceus_mismatch",
                 note="3.0 stated, event cap 2.0: posts 2.0")),
        (22, Row(P["emily"], "CEP246810", day, 2.0, note="hyphenated surname Smith-Jones, email")),
    ])
    lines = []
    for i, r in enumerate(attendees):
        r.give_id = False
        r.location = f"row {i + 2}"
        ceus = r.ceus if isinstance(r.ceus, str) else f"{r.ceus:g}"
        sessions = str(min(8, max(1, round(float(r.ceus) * 4)))) if not isinstance(r.ceus, str) else ""
        lines.append([f"{r.shown_first} {r.shown_last}", r.shown_email, "CEP 246810", us_date(day),
                      sessions, ceus])
    write_csv(ROSTERS / fname, ["Name", "Email", "Approval Number", "Date", "Sessions Attended",
                                "CECs"], lines)
    NOTES[fname] = ("A three-day conference (one course number for the whole event, written "
                    "`CEP 246810` on every line); no IDs; emails for some attendees only; "
                    "`CECs` is each attendee's cumulative total (`2`, `1.5`), capped at the "
                    "catalogue's 2.0; an extra `Sessions Attended` column.")
    register(fname, attendees)


def header_only() -> None:
    fname = "header_only_no_rows.csv"
    write_csv(ROSTERS / fname, ["Certificant ID", "First Name", "Last Name", "Email",
                                "Course Number", "Completion Date", "CECs"], [])
    NOTES[fname] = "A header line and nothing else: processed, nothing to post, exit 0."
    ROSTER_ROWS[fname] = []


def corrupt() -> None:
    fname = "corrupt_truncated.xlsx"
    data = (ROSTERS / "acme_title_lines_last_first.xlsx").read_bytes()[:300]
    (ROSTERS / fname).write_bytes(data)
    NOTES[fname] = ("The first 300 bytes of `acme_title_lines_last_first.xlsx` (a zip cut off "
                    "mid-entry): cannot be opened.")
    ROSTER_ROWS[fname] = [Row(None, "", None, intent="unreadable_file",
                              note="truncated zip; no rows", location="")]


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------
def write_reference() -> None:
    people = sorted(PEOPLE.values(), key=lambda p: p.cid)
    write_csv(REFERENCE / "certificants.csv",
              ["certificant_id", "first_name", "last_name", "email", "birth_date"],
              [[p.cid, p.first, p.last, p.email, p.birth.isoformat() if p.birth else ""] for p in people])
    write_csv(REFERENCE / "certifications.csv",
              ["certificant_id", "certification", "period_start", "period_end"],
              [[p.cid, c, s.isoformat(), e.isoformat()]
               for p in people for c, s, e in sorted(p.periods, key=lambda t: (t[0], t[1]))])
    write_csv(REFERENCE / "courses.csv",
              ["course_number", "title", "provider", "ceus", "category", "approved_from", "approved_to"],
              [[c.number, c.title, c.provider, c.ceus, c.category, c.approved_from.isoformat(),
                c.approved_to.isoformat() if c.approved_to else ""] for c in COURSES.values()])


def who(r: Row) -> str:
    """The person a row is about, as the README and expected_intent.csv name them."""
    if r.person is None:
        return ""
    if r.intent == "ambiguous_certificant":
        same = [q.cid for q in PEOPLE.values() if tokens(q) == tokens(r.person)]
        return f"{r.person.first} {r.person.last} (candidates {' and '.join(same)})"
    if r.person.cid not in BY_ID:
        return f"{r.person.display} (not on file)"
    return r.person.display


def write_intent() -> None:
    lines = []
    for fname, rows in ROSTER_ROWS.items():
        for r in rows:
            if r.intent:
                lines.append([fname, r.location, r.intent, who(r), canonical(r.course) if r.course else "",
                              r.note])
    write_csv(HERE / "expected_intent.csv",
              ["file", "location", "kind", "certificant", "course_number", "note"], lines)


def write_readme() -> None:
    counts = {f: (sum(1 for r in rows if r.intent != "unreadable_file"),
                  sum(1 for r in rows if r.intent is None),
                  sum(1 for r in rows if r.intent == "ceus_mismatch"))
              for f, rows in ROSTER_ROWS.items()}
    n_periods = sum(len(p.periods) for p in PEOPLE.values())
    total_rows = sum(c[0] for c in counts.values())
    total_clean = sum(c[1] for c in counts.values())
    total_warn = sum(c[2] for c in counts.values())
    by_cat: dict[str, int] = {}
    by_prefix: dict[str, int] = {}
    for c in COURSES.values():
        by_cat[c.category] = by_cat.get(c.category, 0) + 1
        prefix = c.number.rstrip("0123456789")
        by_prefix[prefix] = by_prefix.get(prefix, 0) + 1
    out = [
        "# Sample world",
        "",
        "A small, made-up world for trying `cec-batch` end to end and for its golden tests. "
        f"`reference/` holds {len(PEOPLE)} certificants (accents, hyphens, apostrophes, "
        "multi-word surnames, formal first names that rosters shorten, three pairs of people with "
        "the same first and last name, two people sharing a family email, a few blank birth "
        f"dates and two blank emails), their {n_periods} certification periods (two years each; "
        "many hold two or three certifications, many renewed once or twice, a few lapsed before "
        f"2026) and a catalogue of {len(COURSES)} approved courses from eight fictional providers "
        "(" + ", ".join(f"{k} {v}" for k, v in sorted(by_prefix.items())) + "; "
        + ", ".join(f"{v} {k}" for k, v in sorted(by_cat.items())) + "), some of whose approval "
        "windows closed on 2025-06-30 or open only on 2026-03-01. `rosters/` holds what course "
        "providers sent in: hand-made spreadsheets in different layouts, mostly clean rows "
        f"({total_rows} rows: {total_clean} should post cleanly, {total_warn} post with a "
        "`ceus_mismatch` warning, the rest are exceptions), which between them raise every "
        "exception kind a roster can raise. `certificates/` is described by its own notes.",
        "",
        "**Processing date.** The samples assume `--today 2026-11-15`; with another date the "
        "future-date rows and some period checks change.",
        "",
        "**Order.** Ingest the `rosters/` folder in name order (a folder walk sorted by name). The "
        "three `duplicate` rows of `late_batch_duplicates.xlsx` repeat credits from `acme_...`, "
        "`coastal_...` and `harbor_...`, which sort before it; ingested on its own, those three rows "
        "post. Every other outcome is the same whether a roster is ingested alone or with the rest.",
        "",
        "**Regenerating.** `python samples/make_samples.py` rewrites `reference/`, `rosters/`, "
        "`expected_intent.csv` and this file; it is deterministic (same bytes on every run). "
        "`python samples/check_samples.py` re-reads the files with pandas and checks, with its own "
        "simple reading of `rules.md`, that the intended rows (and only those) raise exceptions.",
        "",
        "`expected_intent.csv` lists the same rows as the table below, one per line, for tests.",
        "",
        "| Roster | Layout oddities | Rows (post / warn / exception) | Intended exceptions |",
        "|---|---|---|---|",
    ]
    for fname, rows in ROSTER_ROWS.items():
        n, clean, warn = counts[fname]
        exc = [r for r in rows if r.intent]
        desc = "<br>".join(f"`{r.intent}`: {r.location + ', ' if r.location else ''}"
                           f"{who(r) + ', ' if who(r) else ''}"
                           f"{('`' + r.course + '`, ') if r.course else ''}{md(r.note)}" for r in exc)
        out.append(f"| `{fname}` | {md(NOTES[fname])} | {n} ({clean} / {warn} / {n - clean - warn}) "
                   f"| {desc or 'none'} |")
    out += [
        "",
        "Rows meant to post although they look odd (the matcher has to work for them):",
        "",
    ]
    for fname, rows in ROSTER_ROWS.items():
        for r in rows:
            if r.intent is None and r.note:
                out.append(f"- `{fname}` {r.location}: {who(r)}: {md(r.note)}")
    out.append("")
    (HERE / "README.md").write_text("\n".join(out), encoding="utf-8")


def md(text: str) -> str:
    return text.replace("|", "\\|")


def main() -> None:
    REFERENCE.mkdir(exist_ok=True)
    ROSTERS.mkdir(exist_ok=True)
    write_reference()
    acme()
    coastal()
    corrupt()
    harbor()
    header_only()
    late_batch()
    peak()
    riverside()
    summit()
    write_intent()
    write_readme()


if __name__ == "__main__":
    main()
