"""Fresh4 layouts: a seventh set of providers' layouts to tune on, drawn apart from the tuned and fresh sets.

None repeats an arrangement of tuned.py, fresh.py, fresh2.py or fresh3.py: a university extension
transcript grouped by term with one ACE row and term totals, a verifiable credential's JSON, a
Spanish diploma and a Brazilian certificate with English fields, a Quebec letter in French, a PDF
page the size of a wallet card, a dark-mode app screen, a home-study grade report, an LMS's
completion criteria, a full-bleed dark event certificate, a drop capital, green-bar paper from a
line printer, a conference's code-word form, a hospital in-service record, an HTML email, a
notarised affidavit, a MOOC-style certificate whose only date is unlabelled, a course menu with one
row ticked, a reprinted duplicate, a clinic's faculty sidebar, a large-print certificate, a
legal-size page of fine print, a terminal screen, a crest with a date-like serial, a magazine's CE
quiz, an instructor's letter giving their own ACE number, a conference's hours by track, a filled
PDF form, a sticky note signed with a nickname, and an account page marked with a highlighter.
Their misses may be looked at like the other tuning sets'. Each function draws one provider's
certificate for a Cert on a Pen, as in tuned.py.
"""

from __future__ import annotations

import csv
import math
from datetime import timedelta
from functools import lru_cache

from reportlab.lib.colors import Color, black, white

from .fmt import (abbrev, cec, course_no, date_range, dmy, hours_of, iso, last_first, us, us_short, weekday,
                  written)
from .fresh import _OTHER_COURSES, _es_date, _fit, _fr_date, _heart, _polygon, _qr, _stamp
from .fresh2 import _hand, _lines, _reference_ids, _round_box
from .fresh3 import _clock, _event_days, _split
from .model import registry
from .pen import GREY, LIGHT, initials
from .world import REFERENCE

LAYOUTS, layout = registry()


# ---------------------------------------------------------------- shared colours and helpers

TEAL = Color(0.03, 0.38, 0.40)
NAVY = Color(0.07, 0.12, 0.25)
GOLD = Color(0.80, 0.64, 0.28)
BRICK = Color(0.60, 0.20, 0.14)
PLUM = Color(0.38, 0.15, 0.40)
BLUE = Color(0.10, 0.32, 0.62)
FOREST = Color(0.05, 0.42, 0.24)
MINT = Color(0.85, 0.94, 0.87)          # green-bar paper's bands
FIELD = Color(0.86, 0.90, 0.99)         # a filled PDF form's field highlight
NOTE = Color(1.0, 0.92, 0.45)           # a sticky note
CREAM = Color(0.98, 0.96, 0.90)
TINT = Color(0.93, 0.93, 0.93)
PEN = Color(0.08, 0.12, 0.45)           # a ballpoint's blue

# People who teach, sign, speak or notarise, never certificants.
_STAFF = ("Marguerite Oyelaran", "Thaddeus Kilbride", "Ines Valderrama", "Ptolemy Hartigan", "Svetlana Mireault",
          "Everett Quarshie")
_SPEAKERS = ("Dr. Rowan Thistlewood", "Femke Achterberg", "Alasdair Moncrieff", "Celeste Delacroix", "Kenta Iwasaki",
             "Greta Wojcik", "Oren Renshaw", "Helena Ashgrove")

# The names people go by, for a note signed by the certificant (a first name not here has none).
_NICK = {"William": "Bill", "Robert": "Bob", "Elizabeth": "Liz", "Katherine": "Kate", "Margaret": "Peggy",
         "Benjamin": "Ben", "Christopher": "Chris", "Daniel": "Dan", "James": "Jim", "Zachary": "Zach",
         "Patrick": "Pat", "Jessica": "Jess", "Victor": "Vic", "Walter": "Walt", "Gabriel": "Gabe",
         "Alejandro": "Alex"}

_PT_MONTHS = ("janeiro", "fevereiro", "mar\u00e7o", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
              "novembro", "dezembro")


def _staff(c, k: int = 0) -> str:
    return _STAFF[(c.seed + k) % len(_STAFF)]


def _num(c, salt: str, lo: int, hi: int) -> int:
    """One of the provider's own numbers (order, customer, folio), seeded by the page."""
    return c.rng(salt).randint(lo, hi)


def _middle(c) -> str:
    """A middle initial the page prints (the reference holds none)."""
    return c.rng("middle").choice("ABCDEFGHJKLMNPRSTW")


def _outsider_id(c, salt: str) -> str:
    """A six-digit ACE number that is nobody's in the reference (an instructor's own)."""
    rng = c.rng(salt)
    taken = _reference_ids() | {c.person.certificant_id}
    while True:
        cid = str(rng.randint(100000, 199999))
        if cid not in taken:
            return cid


@lru_cache(maxsize=1)
def _catalogue() -> tuple[tuple[str, str, str, str, str], ...]:
    with (REFERENCE / "courses.csv").open(newline="", encoding="utf-8") as f:
        return tuple((r["course_number"], r["title"], r["provider"], r["ceus"], r["category"])
                     for r in csv.DictReader(f))


def _provider_courses(c) -> list[tuple[str, str, str]]:
    """The provider's standard courses (number, title, CECs) in catalogue order, the page's course among them."""
    return [(n, t, v) for n, t, prov, v, cat in _catalogue()
            if prov == c.course.provider and cat == c.course.category and v != "0.0"]


def _pt_date(d) -> str:
    """`14 de junho de 2025`"""
    return f"{d.day} de {_PT_MONTHS[d.month - 1]} de {d.year}"


def _term(d) -> str:
    season = "Winter" if d.month <= 3 else "Spring" if d.month <= 6 else "Summer" if d.month <= 8 else "Fall"
    return f"{season} {d.year}"


def _wrap_lines(p, s: str, face: str, size: float, widths: list[float]) -> list[str]:
    """S broken into lines, the Nth line at most WIDTHS[N] wide (the last width for the rest)."""
    out, line = [], ""
    for word in s.split():
        trial = f"{line} {word}".strip()
        w = widths[min(len(out), len(widths) - 1)]
        if line and p.width(trial, face, size) > w:
            out.append(line)
            line = word
        else:
            line = trial
    return out + ([line] if line else [])


def _star(p, x: float, y: float, r: float, colour) -> None:
    _polygon(p, [(x + (r if k % 2 == 0 else r * 0.42) * math.cos(math.pi / 2 + k * math.pi / 5),
                  y + (r if k % 2 == 0 else r * 0.42) * math.sin(math.pi / 2 + k * math.pi / 5)) for k in range(10)],
             fill=colour)


# ---------------------------------------------------------------- transcripts and records

@layout("table", evidence="name", units="cec")
def draw_extension_transcript_terms(p, c):
    """University extension transcript grouped by term: one ACE row among non-ACE courses, term and cumulative CEUs."""
    rng = c.rng("extension")
    d = c.completed
    x = 48
    p.box(0, p.h - 88, p.w, 88, 0, fill=NAVY)
    p.text(x, p.h - 46, "Westbrook State University", "LiberationSerif-Bold", 21, colour=white)
    p.text(x, p.h - 66, "Division of Extension and Continuing Studies", "LiberationSerif-Italic", 12, colour=white)
    p.text(p.w - x, p.h - 46, "UNOFFICIAL TRANSCRIPT", "LiberationSans-Bold", 11, align="right", colour=white)
    p.text(p.w - x, p.h - 64, f"Printed {us(c.printed)}", "LiberationSans", 9, align="right", colour=white)
    info = [("Student", last_first(c.person, upper=True)), ("Student ID", f"W{rng.randint(10**7, 10**8 - 1)}"),
            ("Program", "Certificate in Fitness Instruction (non-degree)"),
            ("Partner provider", c.course.provider)]
    y = p.h - 120
    for label, value in info:
        p.text(x, y, label, "LiberationSans", 9.5, colour=GREY)
        p.text(x + 110, y, value, "LiberationSans-Bold", 10.5)
        y -= 16
    earlier = d - timedelta(days=rng.randint(110, 200))
    others = rng.sample(_OTHER_COURSES, 2)
    ceus = [rng.choice(["0.6", "1.2", "1.5", "2.0", "2.4"]) for _ in others]
    section = lambda: f"KIN X {rng.randint(300, 489)}.{rng.randint(1, 9)}"  # noqa: E731
    first_rows = [[section(), t, us(earlier - timedelta(days=k * 9)), v, "CR", "\u2014"]
                  for k, (t, v) in enumerate(zip(others, ceus))]
    ace_row = [section(), c.course.title, us(d), cec(c.ceus), "CR", course_no(c.course.number, "plain")]
    terms = [(_term(earlier), first_rows), (_term(d), [ace_row])]
    if terms[0][0] == terms[1][0]:
        terms = [(terms[0][0], first_rows + [ace_row])]
    widths = [72, 196, 74, 42, 44, 88]
    heads = ["Course", "Title", "Completed", "CEU", "Grade", "ACE course no."]
    y -= 14
    p.box(x, y - 20, sum(widths), 20, 0, fill=TINT)
    cx = x
    for w, h in zip(widths, heads):
        p.text(cx + 4, y - 14, h, "LiberationSans-Bold", 9)
        cx += w
    y -= 20
    total = 0.0
    for term, rows in terms:
        y -= 22
        p.text(x + 4, y + 6, term, "LiberationSans-Bold", 10, colour=NAVY)
        term_total = 0.0
        for row in rows:
            y -= 18
            cx = x
            for w, cell in zip(widths, row):
                cell_size = _fit(p, cell, "LiberationSans", 9, w - 8, 6.5)
                p.text(cx + 4, y + 5, cell, "LiberationSans", cell_size)
                cx += w
            term_total += float(row[3])
        total += term_total
        y -= 16
        p.hline(x, x + sum(widths), y + 13, 0.4, GREY)
        p.text(x + sum(widths[:3]) - 4, y + 2, "Term CEUs", "LiberationSans-Italic", 9, align="right")
        p.text(x + sum(widths[:3]) + 4, y + 2, f"{term_total:.1f}", "LiberationSans-Italic", 9)
    y -= 22
    p.hline(x, x + sum(widths), y + 14, 1)
    p.text(x + sum(widths[:3]) - 4, y, "Cumulative CEUs", "LiberationSans-Bold", 9.5, align="right")
    p.text(x + sum(widths[:3]) + 4, y, f"{total:.1f}", "LiberationSans-Bold", 9.5)
    p.wrap(x, y - 34, p.w - 2 * x, "CEU: Continuing Education Unit (ten contact hours of instruction). CR: credit "
           "earned. A course with an ACE course number is approved by the American Council on Exercise, and its CEUs "
           "are ACE continuing education credits (CECs); the other courses are not ACE-approved.", "LiberationSans",
           8.5, 11)
    p.text(x, 70, "This unofficial transcript is not valid for transfer of academic credit.", "LiberationSans-Italic",
           8, colour=GREY)
    p.text(p.w - x, 70, "Office of the Registrar \u00b7 (608) 555-0132", "LiberationSans", 8, align="right",
           colour=GREY)


@layout("lms", evidence="id+email", units="cec")
def draw_json_credential_printout(p, c):
    """A verifiable credential's JSON printed from a browser: issuanceDate, expirationDate, completionDate keys."""
    rng = c.rng("json")
    slug = c.course.provider.split()[0].lower()
    hx = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    uuid = f"{hx[:8]}-{hx[8:12]}-4{hx[13:16]}-a{hx[17:20]}-{hx[20:]}"
    proof = "z" + "".join(rng.choice("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz") for _ in range(86))
    t_issue = f"{iso(c.issued)}T{rng.randint(13, 17)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}Z"
    lines = [
        "{",
        '  "@context": [',
        '    "https://www.w3.org/2018/credentials/v1",',
        '    "https://purl.imsglobal.org/spec/ob/v3p0/context.json"',
        "  ],",
        f'  "id": "urn:uuid:{uuid}",',
        '  "type": ["VerifiableCredential", "OpenBadgeCredential"],',
        '  "issuer": {',
        f'    "id": "https://{slug}.example/issuers/1",',
        f'    "name": "{c.course.provider}",',
        f'    "telephone": "+1-{200 + c.seed % 700}-555-01{c.seed % 90 + 10}"',
        "  },",
        f'  "issuanceDate": "{t_issue}",',
        f'  "expirationDate": "{iso(c.expires)}T23:59:59Z",',
        '  "credentialSubject": {',
        f'    "id": "mailto:{c.person.email}",',
        f'    "name": "{c.person.name}",',
        f'    "aceCertificationNumber": "{c.person.certificant_id}",',
        f'    "completionDate": "{iso(c.completed)}",',
        '    "achievement": {',
        '      "type": "Course",',
        f'      "name": "{c.course.title}",',
        f'      "aceCourseNumber": "{c.course.number}",',
        f'      "creditsAwarded": {cec(c.ceus)},',
        '      "creditUnit": "ACE CEC"',
        "    }",
        "  },",
        '  "proof": {',
        '    "type": "Ed25519Signature2020",',
        f'    "created": "{t_issue}",',
        f'    "verificationMethod": "https://{slug}.example/issuers/1#key-1",',
        '    "proofPurpose": "assertionMethod",',
        f'    "proofValue": "{proof[:44]}',
        f'{proof[44:]}"',
        "  }",
        "}",
    ]
    x = 46
    p.text(x, p.h - 26, f"{us_short(c.printed)}, {rng.randint(1, 11)}:{rng.randint(10, 59)} PM", "LiberationSans", 8)
    p.text(p.w / 2, p.h - 26, f"credential-{c.person.certificant_id}.json", "LiberationSans", 8, align="centre")
    face, size, lead = "LiberationMono", 9, 13.2
    key = Color(0.55, 0.10, 0.45)
    string = Color(0.05, 0.40, 0.15)
    y = p.h - 62
    for ln in lines:
        head, sep, rest = ln.partition('": ')
        if sep and head.lstrip().startswith('"'):
            end = p.text(x, y, head + '"', face, size, colour=key)
            p.text(end, y, ": " + rest, face, size, colour=string if rest.startswith('"') else black)
        else:
            p.text(x, y, ln, face, size, colour=string if ln.lstrip().startswith('"') else black)
        y -= lead
    p.text(x, 30, f"https://{slug}.example/credentials/{uuid}.json", "LiberationSans", 8)
    p.text(p.w - x, 30, "1/1", "LiberationSans", 8, align="right")


@layout("form", evidence="id", units="cec")
def draw_home_study_grade_report(p, c):
    """Home-study examination grade report: postmarked, received and graded dates on dot leaders, order numbers."""
    rng = c.rng("homestudy")
    d = c.completed
    x = 60
    p.logo(x, p.h - 96, initials(c.course.provider) or "HS", 40, "square")
    p.text(x + 52, p.h - 72, c.course.provider, "LiberationSerif-Bold", 16)
    p.text(x + 52, p.h - 90, "Home Study Program", "LiberationSerif-Italic", 11, colour=GREY)
    p.text(p.w - x, p.h - 70, "P.O. Box 2231", "LiberationSans", 9, align="right")
    p.text(p.w - x, p.h - 82, "Boulder, CO 80306-2231", "LiberationSans", 9, align="right")
    p.text(p.w - x, p.h - 94, f"1-800-555-01{c.seed % 90 + 10}", "LiberationSans", 9, align="right")
    p.hline(x, p.w - x, p.h - 108, 1.5)
    p.text(x, p.h - 142, "EXAMINATION GRADE REPORT", "LiberationSans-Bold", 17)
    bx = p.w - x - 180
    p.box(bx, p.h - 200, 180, 70, 0.8)
    for i, (label, value) in enumerate((("Order no.", f"HS-{rng.randint(100000, 999999)}"),
                                        ("Customer no.", str(rng.randint(2000000, 8999999))),
                                        ("Exam form", rng.choice("ABC")))):
        p.text(bx + 10, p.h - 148 - i * 19, label, "LiberationSans", 9, colour=GREY)
        p.text(bx + 170, p.h - 148 - i * 19, value, "LiberationMono-Bold", 10, align="right")
    p.text(x, p.h - 170, last_first(c.person, upper=True), "LiberationSans-Bold", 13)
    p.text(x, p.h - 186, f"ACE certification no. {c.person.certificant_id}", "LiberationSans", 10)
    posted = d - timedelta(days=rng.randint(7, 12))
    received = d - timedelta(days=rng.randint(1, 4))
    score = rng.randint(82, 100)
    rows = [("Course", c.course.title), ("ACE course number", course_no(c.course.number, "space")),
            ("Exam postmarked", written(posted)), ("Exam received", written(received)),
            ("Score", f"{score}% (passing score 80%)"), ("Result", "PASSED"),
            ("Completion date (exam graded and passed)", written(d)), ("CECs awarded", cec(c.ceus))]
    y = p.h - 240
    vx = x + 270
    for label, value in rows:
        size = _fit(p, value, "LiberationSans-Bold", 11, p.w - x - vx, 8)
        p.leader(x, y, label, value, vx, "LiberationSans", 11, value_face="LiberationSans-Bold")
        if size < 11:
            p.box(vx - 2, y - 4, p.w - x - vx + 4, 16, 0, colour=white, fill=white)
            p.text(vx, y, value, "LiberationSans-Bold", size)
        y -= 26
    p.wrap(x, y - 10, p.w - 2 * x, "Your completion date is the date your examination was graded and passed, not "
           "the date it was mailed or received. Keep this report: it is your certificate of completion for the "
           "course.", "LiberationSans", 10, 14)
    p.signature(x, 120, 170)
    p.text(x, 106, f"{_staff(c)}, Examinations Coordinator", "LiberationSans", 9)
    p.text(p.w - x, 106, f"Report mailed {abbrev(c.issued)}", "LiberationSans", 9, align="right")


@layout("lms", evidence="id", units="cec")
def draw_lms_completion_criteria(p, c):
    """LMS completion-status page printed from a browser: a criteria table, a date on each row, then the course's."""
    rng = c.rng("criteria")
    d = c.completed
    x = 40
    t = c.printed
    p.text(x, p.h - 22, f"{us_short(t)}, {rng.randint(8, 11)}:{rng.randint(10, 59)} AM", "LiberationSans", 8)
    p.text(p.w / 2, p.h - 22, "Course completion status", "LiberationSans", 8, align="centre")
    p.box(x, p.h - 78, p.w - 2 * x, 40, 0, fill=TEAL)
    p.text(x + 14, p.h - 63, f"{c.course.provider} Online Campus", "LiberationSans-Bold", 13, colour=white)
    p.text(p.w - x - 14, p.h - 63, c.person.name, "LiberationSans", 10, align="right", colour=white)
    short = "".join(w[0] for w in c.course.title.split() if w[0].isalpha()).upper()[:5]
    p.text(x, p.h - 96, f"Dashboard / My courses / {short} / Completion status", "LiberationSans", 8.5, colour=BLUE)
    p.text(x, p.h - 128, "Course completion status", "LiberationSans-Bold", 18)
    info = [("Learner", c.person.name), ("ACE certification number", c.person.certificant_id),
            ("Course", c.course.title), ("ACE approved course", course_no(c.course.number, "plain")),
            ("ACE CECs on completion", cec(c.ceus)), ("Status", "Complete")]
    y = p.h - 154
    for label, value in info:
        p.text(x, y, label, "LiberationSans", 10, colour=GREY)
        p.text(x + 160, y, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 10.5, p.w - 2 * x - 160))
        y -= 17
    hh = rng.randint(13, 21)
    p.runs(x, y - 8, [("Course completed on: ", "LiberationSans"),
                      (f"{d:%A}, {d.day} {d:%B} {d.year}, {(hh - 1) % 12 + 1}:{rng.randint(10, 59)} "
                       f"{'PM' if hh >= 12 else 'AM'}", "LiberationSans-Bold")], 11)
    steps = sorted({d - timedelta(days=rng.randint(2, 25)) for _ in range(2)})
    while len(steps) < 2:
        steps.insert(0, steps[0] - timedelta(days=3))
    grade = rng.randint(84, 100)
    day = lambda v: f"{v.day} {v:%b} {v.year}"  # noqa: E731
    rows = [["Criteria type", "Criteria", "Requirement", "Status", "Complete", "Completion date"],
            ["Activity", "Module 1 video", "Viewed", "Viewed", "Yes", day(steps[0])],
            ["Activity", "Module 2 reading", "Marked complete", "Done", "Yes", day(steps[1])],
            ["Activity", "Final quiz", "Grade 80% or more", f"Grade {grade}%", "Yes", day(d)],
            ["Activity", "Course evaluation", "Submitted", "Submitted", "Yes", day(d)]]
    p.text(x, y - 40, "Criteria", "LiberationSans-Bold", 12)
    p.table(x, y - 50, [84, 116, 116, 76, 56, 84], rows, row_h=22, face="LiberationSans",
            head_face="LiberationSans-Bold", size=8.5, head_fill=TINT)
    slug = c.course.provider.split()[0].lower()
    p.text(x, 22, f"https://learn.{slug}.example/blocks/completionstatus/details.php?course={rng.randint(100, 999)}"
           f"&user={rng.randint(1000, 9999)}", "LiberationSans", 8)
    p.text(p.w - x, 22, "1/1", "LiberationSans", 8, align="right")


@layout("table", evidence="id", units="hours")
def draw_greenbar_line_printer(p, c):
    """Line-printer report on green-bar paper with tractor holes: 'LAST, FIRST', MM/DD/YY completion, a run date."""
    p.landscape()
    rng = c.rng("greenbar")
    lead, top = 14, p.h - 30
    for k in range(0, int((top - 20) / (3 * lead)) + 1):
        if k % 2 == 0:
            p.box(34, top - (k + 1) * 3 * lead + 3, p.w - 68, 3 * lead, 0, colour=MINT, fill=MINT)
    for yy in range(18, int(p.h), 36):
        for xx in (15, p.w - 15):
            p.c.setStrokeColor(GREY)
            p.c.circle(xx, yy, 4.5, stroke=1, fill=0)
    p.c.setStrokeColor(black)
    for xx in (30, p.w - 30):
        p.c.saveState()
        p.c.setDash(2, 3)
        p.c.setStrokeColor(LIGHT)
        p.c.line(xx, 0, xx, p.h)
        p.c.restoreState()
    prov = c.course.provider.upper()
    name = f"{c.person.last}, {c.person.first}".upper()
    title = c.course.title.upper()[:32]
    pr, d = c.printed, c.completed
    lines = [
        f"RUN DATE {pr:%m/%d/%y}  RUN TIME {rng.randint(1, 5):02d}:{rng.randint(10, 59)}:{rng.randint(10, 59)}"
        f"{prov:^66}PAGE    1",
        f"PROGRAM CER220{'CONTINUING EDUCATION COMPLETION CERTIFICATE':^84}PARTICIPANT COPY",
        "",
        f"{'ACE NO':9}{'PARTICIPANT NAME (LAST, FIRST)':33}{'COURSE NO':12}{'COURSE TITLE':34}"
        f"{'COMPL DATE':12}{'CONTACT':>7}",
        f"{'':9}{'':33}{'':12}{'':34}{'(MM/DD/YY)':12}{'HOURS':>7}",
        f"{'-' * 8} {'-' * 31}  {'-' * 10}  {'-' * 32}  {'-' * 10}  {'-' * 7}",
        f"{c.person.certificant_id:9}{name[:31]:33}{c.course.number:12}{title:34}{d:%m/%d/%y}{'':4}"
        f"{hours_of(c):>7}",
        "",
        f"INSTRUCTOR: {_staff(c, 1).split()[-1].upper()}, {_staff(c, 1)[0]}.{'':10}LOCATION: MAIN CAMPUS RM "
        f"{rng.randint(101, 340)}",
        "TEN CONTACT HOURS EQUAL ONE ACE CONTINUING EDUCATION CREDIT (CEC).",
        "",
        "*** END OF REPORT ***   1 RECORD(S) PRINTED",
    ]
    y = top - lead + 3
    for ln in lines:
        p.text(46, y, ln, "LiberationMono", 10)
        y -= lead
    p.text(48, 40, f"{prov}  CE RECORDS  \u00b7  FORM 14-7/8 X 11", "LiberationMono", 7, colour=GREY)


@layout("event", evidence="id", units="hours", courses=("event",))
def draw_session_code_words(p, c):
    """Conference CE form: each session's code word written in by hand; sessions without one earn nothing."""
    rng = c.rng("codewords")
    days = _event_days(c)
    total = hours_of(c)
    attended = _split(total, max(2, math.ceil(total / 2.5)))
    missed = [rng.choice([1, 2]) for _ in range(rng.choice([1, 2]))]
    sessions = [(h, True) for h in attended] + [(h, False) for h in missed]
    order = list(range(len(sessions)))
    rng.shuffle(order)
    sessions = [sessions[i] for i in order]
    words = ["TEMPO", "PLANK", "CADENCE", "GLUTE", "RECOVER", "HINGE", "BRACE", "SPRINT", "ANCHOR", "PIVOT", "LUNGE",
             "TORQUE"]
    rng.shuffle(words)
    topics = ["Strength for longevity", "Coaching the hip hinge", "Nutrition myths", "Youth athletic development",
              "Mobility under load", "Behaviour change labs", "Cardio programming", "Pain science for coaches",
              "Women's health update", "Recovery and sleep", "Balance for older adults", "Business of coaching"]
    rng.shuffle(topics)
    x = 44
    p.text(x, p.h - 56, c.course.title, "LiberationSans-Bold", _fit(p, c.course.title, "LiberationSans-Bold", 18,
                                                                    p.w - 2 * x, 11))
    p.text(x, p.h - 74, f"{c.course.provider}  \u00b7  {date_range(c.start, c.completed)}  \u00b7  ACE event "
           f"{course_no(c.course.number, 'plain')}", "LiberationSans", 10)
    p.hline(x, p.w - x, p.h - 84, 1.2)
    p.text(x, p.h - 108, "CE VERIFICATION FORM", "LiberationSans-Bold", 14)
    p.wrap(x, p.h - 124, p.w - 2 * x, "Write each session's code word, announced at its end. Only sessions with "
           "the correct code word earn CE hours.", "LiberationSans", 9, 11)
    p.text(x, p.h - 160, "Attendee", "LiberationSans", 9)
    p.hline(x + 50, x + 300, p.h - 162, 0.5)
    _hand(p, x + 58, p.h - 159, c.person.name, 15, PEN)
    p.text(x + 320, p.h - 160, "ACE cert. #", "LiberationSans", 9)
    p.hline(x + 380, p.w - x, p.h - 162, 0.5)
    _hand(p, x + 390, p.h - 159, c.person.certificant_id, 15, PEN)
    heads = ["Date", "Time", "Session", "Speaker", "CE hrs", "Code word"]
    widths = [68, 94, 140, 110, 40, 0]
    widths[-1] = p.w - 2 * x - sum(widths[:-1])
    rows = [heads]
    placed = []
    per_day = math.ceil(len(sessions) / len(days))
    for i, (h, ok) in enumerate(sessions):
        dd = days[min(len(days) - 1, i // per_day)]
        start = 8 * 60 + sum(s[0] for s in sessions[(i // per_day) * per_day:i]) * 60 + (i % per_day) * 15
        rows.append([f"{dd:%a} {dd:%b} {dd.day}", f"{_clock(start)}\u2013{_clock(start + h * 60)}", topics[i % 12],
                     _SPEAKERS[(c.seed + i) % len(_SPEAKERS)], str(h), ""])
        placed.append(ok)
    rh = 22
    top = p.h - 180
    y = p.table(x, top, widths, rows, row_h=rh, face="LiberationSans", head_face="LiberationSans-Bold", size=8.5,
                head_fill=TINT)
    wx = x + sum(widths[:-1])
    for i, ok in enumerate(placed):
        if ok:
            word = words[i % len(words)]
            _hand(p, wx + 5 + rng.uniform(0, 4), top - (i + 2) * rh + 6, word,
                  _fit(p, word, "LiberationSerif-Italic", 12, widths[-1] - 12, 8), PEN)
    p.text(x, y - 28, "Total CE hours claimed (sessions with a code word):", "LiberationSans", 10)
    p.hline(x + 262, x + 330, y - 30, 0.5)
    _hand(p, x + 282, y - 27, str(total), 16, PEN)
    p.box(x, y - 96, p.w - 2 * x, 48, 1)
    p.text(x + 10, y - 66, "REGISTRAR'S VERIFICATION", "LiberationSans-Bold", 8.5, colour=GREY)
    p.text(x + 10, y - 84, f"Code words checked: {total} CE hours verified = {cec(c.ceus)} ACE CECs.",
           "LiberationSans-Bold", 11)
    p.signature(p.w - x - 170, y - 84, 150)
    p.text(p.w - x - 170, y - 94, f"{_staff(c, 2)}, Registrar", "LiberationSans", 7.5)
    p.text(x, 40, f"Verified {abbrev(c.issued)}  \u00b7  keep this form as your certificate of attendance",
           "LiberationSans", 8, colour=GREY)


@layout("form", evidence="id", units="hours", courses=("standard", "safety"))
def draw_hospital_inservice_record(p, c):
    """Hospital in-service record: program block with 24-hour times, the attendee's attestation, a supervisor's date."""
    rng = c.rng("inservice")
    d = c.completed
    h = hours_of(c)
    x, full = 48, p.w - 96
    p.text(x, p.h - 56, "Mercy Valley Regional Medical Center", "LiberationSerif-Bold", 17)
    p.text(x, p.h - 72, "Staff Development & Education  \u00b7  2200 Alder Road, Eugene, OR 97401", "LiberationSans",
           9, colour=GREY)
    p.text(p.w - x, p.h - 56, "Form MVH-ED-114", "LiberationSans-Bold", 9, align="right")
    p.text(p.w - x, p.h - 68, "(rev. 03/2022)", "LiberationSans", 8, align="right", colour=GREY)
    p.box(x, p.h - 104, full, 22, 0, fill=black)
    p.text(x + 10, p.h - 97, "IN-SERVICE EDUCATION RECORD", "LiberationSans-Bold", 12, colour=white)

    def field(fx, fy, w, label, value, face="LiberationMono", size=10.5):
        p.text(fx, fy, label, "LiberationSans", 8.5)
        lx = fx + p.width(label, "LiberationSans", 8.5) + 4
        p.hline(lx, fx + w, fy - 2, 0.5)
        p.text(lx + 4, fy + 1, value, face, _fit(p, value, face, size, fx + w - lx - 6, 7))

    start = rng.choice([7 * 60, 13 * 60])
    end = start + h * 60 + (30 if h > 4 else 0)
    hm = lambda m: f"{m // 60:02d}{m % 60:02d}"  # noqa: E731
    y = p.h - 130
    p.text(x, y, "1. PROGRAM", "LiberationSans-Bold", 10)
    y -= 24
    field(x, y, full, "Topic:", c.course.title)
    y -= 24
    field(x, y, full * 0.55, "Presented by:", c.course.provider)
    field(x + full * 0.58, y, full * 0.42, "ACE course no.:", course_no(c.course.number, "hyphen"))
    y -= 24
    field(x, y, full * 0.55, "Presenter:", f"{_staff(c, 3)}, MS")
    field(x + full * 0.58, y, full * 0.42, "Location:", f"Conf. Rm {rng.randint(1, 4)}{rng.choice('ABC')}")
    y -= 24
    field(x, y, full * 0.38, "Date of in-service:", us(d))
    field(x + full * 0.41, y, full * 0.3, "Time:", f"{hm(start)}\u2013{hm(end)}")
    field(x + full * 0.74, y, full * 0.26, "Contact hours:", str(h))
    y -= 40
    p.text(x, y, "2. ATTENDEE ATTESTATION", "LiberationSans-Bold", 10)
    y -= 16
    p.text(x, y, "I attended the entire in-service named above and completed its learning activities.",
           "LiberationSans-Italic", 9)
    y -= 26
    field(x, y, full * 0.6, "Printed name (LAST, First):", last_first(c.person, upper=True))
    field(x + full * 0.63, y, full * 0.37, "Employee no.:", f"E{rng.randint(10000, 99999)}")
    y -= 24
    field(x, y, full * 0.45, "ACE certification no.:", c.person.certificant_id)
    field(x + full * 0.48, y, full * 0.52, "Department:", rng.choice(["Cardiac Rehab", "Physical Therapy",
                                                                     "Wellness Center", "Outpatient Rehab"]))
    y -= 34
    p.text(x, y, "Attendee signature:", "LiberationSans", 8.5)
    p.c.setStrokeColor(PEN)
    p.signature(x + 90, y - 2, 150)
    p.c.setStrokeColor(black)
    y -= 44
    p.text(x, y, "3. SUPERVISOR / EDUCATOR REVIEW", "LiberationSans-Bold", 10)
    y -= 24
    field(x, y, full * 0.55, "Reviewed by:", f"{_staff(c, 4)}, RN, Clinical Educator")
    field(x + full * 0.58, y, full * 0.42, "Date reviewed:", us(c.issued))
    y -= 30
    p.text(x, y, "Signature:", "LiberationSans", 8.5)
    p.signature(x + 50, y - 2, 150)
    p.wrap(x, 96, full, "Ten contact hours equal one ACE continuing education credit. The date of in-service is the "
           "date the education was completed. Return this form to Staff Development (ext. 4417); a copy is kept in "
           "the employee's education file.", "LiberationSans", 8, 10)


# ---------------------------------------------------------------- multilingual

@layout("award", evidence="id", units="hours")
def draw_spanish_diploma_english_box(p, c):
    """Landscape Spanish diploma ('con una duración de 8 horas, el día ...') with an English box for ACE reporting."""
    p.landscape()
    d = c.completed
    h = hours_of(c)
    p.box(0, 0, p.w, p.h, 0, fill=CREAM)
    p.box(22, 22, p.w - 44, p.h - 44, 3, colour=TEAL)
    p.box(31, 31, p.w - 62, p.h - 62, 0.8, colour=TEAL)
    p.logo(60, p.h - 110, initials(c.course.provider) or "CF", 46, "circle")
    p.text(118, p.h - 80, c.course.provider, "LiberationSans-Bold", 15, colour=TEAL)
    p.text(118, p.h - 98, "Centro de Formaci\u00f3n en Acondicionamiento F\u00edsico \u00b7 Guadalajara, Jal.",
           "LiberationSans", 10, colour=GREY)
    p.text(p.w - 60, p.h - 80, f"Folio {_num(c, 'folio', 10000, 99999)}", "LiberationMono", 10, align="right")
    p.centre(p.h - 160, "DIPLOMA", "LiberationSerif-Bold", 46)
    p.centre(p.h - 190, "otorgado a", "LiberationSerif-Italic", 15)
    p.centre(p.h - 234, c.person.name, "LiberationSerif-BoldItalic",
             _fit(p, c.person.name, "LiberationSerif-BoldItalic", 36, 560))
    p.hline(p.w / 2 - 240, p.w / 2 + 240, p.h - 244, 0.7, TEAL)
    p.centre(p.h - 260, f"N\u00fam. de certificaci\u00f3n ACE: {c.person.certificant_id}", "LiberationSans", 11)
    body = (f"por haber concluido satisfactoriamente el curso \u00ab{c.course.title}\u00bb, con una duraci\u00f3n de "
            f"{h} horas, el d\u00eda {_es_date(d)}.")
    p.wrap(120, p.h - 292, p.w - 240, body, "LiberationSerif", 15, 20, align="centre")
    p.text(70, 118, f"Guadalajara, Jalisco, a {_es_date(c.issued)}", "LiberationSerif", 11)
    p.signature(70, 78, 170)
    p.text(70, 64, f"{_staff(c, 2)}, Instructora titular", "LiberationSans", 9)
    bw, bh = 250, 92
    bx, by = p.w - 60 - bw, 56
    p.box(bx, by, bw, bh, 1, colour=TEAL, fill=white)
    p.text(bx + 10, by + bh - 16, "FOR ACE REPORTING (ENGLISH)", "LiberationSans-Bold", 8.5, colour=TEAL)
    for i, (label, value) in enumerate((("ACE course no.", course_no(c.course.number, "hyphen")),
                                        ("Completion date", us(d)), ("Contact hours", str(h)))):
        p.text(bx + 10, by + bh - 38 - i * 18, label, "LiberationSans", 10)
        p.text(bx + 120, by + bh - 38 - i * 18, value, "LiberationSans-Bold", 11)


@layout("prose", evidence="email", units="cec")
def draw_quebec_letter_french(p, c):
    """A4 letter in French from Montréal ('le 14 juin 2025'), an ISO completion date in a French/English table, UEC."""
    p.size_to(595.28, 841.89)
    d = c.completed
    x = 64
    p.text(x, p.h - 68, c.course.provider, "LiberationSerif-Bold", 17)
    p.text(x, p.h - 86, "Bureau du Qu\u00e9bec \u00b7 1200, rue Sherbrooke Ouest, bureau 810, "
           "Montr\u00e9al (Qu\u00e9bec) H3A 1H6", "LiberationSans", 8.5, colour=GREY)
    p.text(x, p.h - 98, f"T\u00e9l. 514 555-01{c.seed % 90 + 10}  \u00b7  T\u00e9l\u00e9c. 514 555-01"
           f"{(c.seed // 90) % 90 + 10}", "LiberationSans", 8.5, colour=GREY)
    p.hline(x, p.w - x, p.h - 108, 0.8)
    p.text(p.w - x, p.h - 138, f"Montr\u00e9al, le {_fr_date(c.printed)}", "LiberationSerif", 11, align="right")
    p.text(x, p.h - 170, c.person.name, "LiberationSerif", 11)
    p.text(x, p.h - 184, f"Courriel : {c.person.email}", "LiberationSerif", 11)
    p.runs(x, p.h - 216, [("Objet : ", "LiberationSerif-Bold"),
                          ("Attestation de formation continue / Continuing education attestation", "LiberationSerif")],
           11)
    p.text(x, p.h - 246, f"Bonjour {c.person.first},", "LiberationSerif", 11.5)
    comma = cec(c.ceus).replace(".", ",")
    body = (f"Nous attestons que vous avez r\u00e9ussi la formation \u00ab {c.course.title} \u00bb le {_fr_date(d)}. "
            f"Cette formation est reconnue par l'American Council on Exercise (ACE) sous le num\u00e9ro de cours "
            f"{course_no(c.course.number, 'hyphen')} et donne droit \u00e0 {comma} UEC (unit\u00e9s d'\u00e9ducation "
            "continue).")
    y = p.wrap(x, p.h - 270, p.w - 2 * x, body, "LiberationSerif", 11.5, 16)
    y = p.wrap(x, y - 6, p.w - 2 * x, "Voici, en fran\u00e7ais et en anglais, les renseignements \u00e0 "
               "d\u00e9clarer \u00e0 l'ACE :", "LiberationSerif", 11.5, 16)
    rows = [["Renseignement / Field", "Valeur / Value"], ["Nom / Name", c.person.name],
            ["Courriel / Email", c.person.email], ["No de cours ACE / ACE course number", c.course.number],
            ["Date de r\u00e9ussite / Date completed", iso(d)], ["UEC / CECs", cec(c.ceus)]]
    y = p.table(x, y - 4, [230, p.w - 2 * x - 230], rows, row_h=21, face="LiberationSans",
                head_face="LiberationSans-Bold", size=10, head_fill=TINT)
    y = p.wrap(x, y - 26, p.w - 2 * x, f"Veuillez agr\u00e9er, {c.person.first}, nos salutations distingu\u00e9es.",
               "LiberationSerif", 11.5, 16)
    p.signature(x, y - 40, 160)
    p.text(x, y - 54, f"{_staff(c, 4)}", "LiberationSerif", 11)
    p.text(x, y - 68, "Responsable de la formation continue", "LiberationSerif-Italic", 10)
    p.text(x, 44, f"NEQ {_num(c, 'neq', 1140000000, 1179999999)}  \u00b7  Cette attestation tient lieu de "
           "certificat.", "LiberationSans", 8, colour=GREY)


@layout("award", evidence="name", units="hours")
def draw_portuguese_carga_horaria(p, c):
    """A4 landscape Brazilian certificate: 'realizado em 14/06/2025', 'carga hor\u00e1ria de 8 horas', then English."""
    p.size_to(841.89, 595.28)
    d = c.completed
    h = hours_of(c)
    yellow = Color(0.98, 0.80, 0.12)
    p.box(0, 0, 92, p.h, 0, fill=FOREST)
    _polygon(p, [(0, p.h * 0.30), (92, p.h * 0.42), (92, p.h * 0.58), (0, p.h * 0.70)], fill=yellow)
    x0 = 130
    p.text(x0, p.h - 70, c.course.provider, "LiberationSans-Bold", 14, colour=FOREST)
    p.text(x0, p.h - 88, "Escola de Educa\u00e7\u00e3o F\u00edsica Continuada \u00b7 S\u00e3o Paulo \u2013 SP",
           "LiberationSans", 10, colour=GREY)
    p.text(x0, p.h - 150, "CERTIFICADO", "LiberationSerif-Bold", 50)
    p.text(x0, p.h - 176, "de conclus\u00e3o de curso", "LiberationSerif-Italic", 16, colour=GREY)
    p.text(x0, p.h - 222, "Certificamos que", "LiberationSerif", 15)
    p.text(x0, p.h - 262, c.person.name, "LiberationSerif-BoldItalic",
           _fit(p, c.person.name, "LiberationSerif-BoldItalic", 34, p.w - x0 - 70))
    y = p.wrap(x0, p.h - 296, p.w - x0 - 80, f"participou do curso {c.course.title}, realizado em {d:%d/%m/%Y}, "
               f"com carga hor\u00e1ria de {h} horas.", "LiberationSerif", 15, 21)
    y = p.wrap(x0, y - 4, p.w - x0 - 80, f"Certificate of completion: {c.person.name} completed {c.course.title} on "
               f"{dmy(d)}, {h} contact hours.", "LiberationSerif-Italic", 11, 15)
    p.text(x0, y - 14, f"C\u00f3digo do curso ACE / ACE course code: {course_no(c.course.number, 'space')}",
           "LiberationSans-Bold", 11)
    p.text(x0, 110, f"S\u00e3o Paulo, {_pt_date(c.issued)}.", "LiberationSerif", 12)
    p.signature(p.w - 290, 110, 200)
    p.text(p.w - 290, 96, _staff(c, 5), "LiberationSans", 10)
    p.text(p.w - 290, 84, "Coordena\u00e7\u00e3o Pedag\u00f3gica", "LiberationSans", 9, colour=GREY)
    p.text(x0, 40, f"CNPJ 12.345.678/0001-{c.seed % 90 + 10}  \u00b7  Registro n\u00ba "
           f"{_num(c, 'registro', 1000, 9999)}/{c.issued.year}", "LiberationSans", 8, colour=GREY)


# ---------------------------------------------------------------- cards, screens and exports

@layout("card", evidence="id", units="cec", courses=("safety",))
def draw_card_sized_pdf(p, c):
    """An eCard downloaded as a PDF whose page is the card itself: tiny type, 'Course date' and 'Renew by'."""
    p.size_to(252, 162)
    red = Color(0.75, 0.08, 0.12)
    p.box(0, p.h - 34, p.w, 34, 0, fill=red)
    _heart(p, 17, p.h - 28, 16)
    p.text(32, p.h - 15, c.course.provider, "LiberationSans-Bold", 7, colour=white)
    p.text(32, p.h - 27, c.course.title, "LiberationSans-Bold", _fit(p, c.course.title, "LiberationSans-Bold", 9.5,
                                                                     p.w - 40, 6), colour=white)
    x, x2 = 10, 120

    def fld(fx, fy, label, value, w):
        p.text(fx, fy, label, "LiberationSans", 5.5, colour=GREY)
        p.text(fx, fy - 9, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 8, w, 5.5))

    y = p.h - 44
    fld(x, y, "HOLDER", c.person.name, 200)
    y -= 22
    fld(x, y, "ACE CERT. #", c.person.certificant_id, 100)
    fld(x2, y, "ACE COURSE #", course_no(c.course.number, "plain"), 80)
    y -= 22
    fld(x, y, "COURSE DATE", us(c.completed), 100)
    fld(x2, y, "RENEW BY", us(c.expires), 80)
    y -= 22
    fld(x, y, "CEC", cec(c.ceus), 100)
    fld(x2, y, "INSTRUCTOR", _staff(c, 1), 80)
    _qr(p, p.w - 52, 14, 42, c)
    p.text(x, 6, f"eCard {_num(c, 'ecard', 10**9, 10**10 - 1)}", "LiberationMono", 5.5, colour=GREY)


@layout("lms", evidence="email", units="cec")
def draw_dark_mode_app_screen(p, c):
    """A dark-mode phone screenshot printed: list cells of label and value, a screenshot file name with its own date."""
    rng = c.rng("darkmode")
    pw, ph = 300, 620
    px, py = (p.w - pw) / 2, (p.h - ph) / 2 - 10
    hh = rng.randint(8, 11)
    p.text(p.w / 2, p.h - 36, f"Screenshot {iso(c.printed)} at {hh}.{rng.randint(10, 59)}.{rng.randint(10, 59)} AM.png",
           "LiberationSans", 9, align="centre", colour=GREY)
    bg = Color(0.07, 0.07, 0.08)
    cell = Color(0.16, 0.16, 0.18)
    dim = Color(0.60, 0.60, 0.64)
    accent = Color(0.35, 0.62, 1.0)
    _round_box(p, px, py, pw, ph, 26, 1, colour=GREY, fill=bg)
    top = py + ph
    p.text(px + 26, top - 24, "9:41", "LiberationSans-Bold", 10, colour=white)
    p.text(px + pw - 50, top - 24, "5G", "LiberationSans-Bold", 9, colour=white, align="right")
    _round_box(p, px + pw - 44, top - 26, 22, 10, 2, 0.8, colour=white, fill=white)
    p.text(px + 16, top - 56, "\u2039 My Learning", "LiberationSans", 11, colour=accent)
    p.text(px + 16, top - 92, "Certificate", "LiberationSans-Bold", 22, colour=white)
    cx, cy = px + pw / 2, top - 142
    p.c.setFillColor(GOLD)
    p.c.circle(cx, cy, 26, stroke=0, fill=1)
    p.c.setFillColor(black)
    _star(p, cx, cy - 1, 15, bg)
    p.text(cx, cy - 46, "Course completed", "LiberationSans-Bold", 14, align="centre", colour=white)
    ty = cy - 64
    for ln in _lines(p, c.course.title, "LiberationSans", 11, pw - 40)[:2]:
        p.text(cx, ty, ln, "LiberationSans", 11, align="centre", colour=dim)
        ty -= 14
    rows = [("Learner", c.person.name), ("Account", c.person.email),
            ("ACE course", course_no(c.course.number, "plain")), ("Completed", abbrev(c.completed)),
            ("Credits earned", f"{cec(c.ceus)} CEC"), ("Certificate valid until", abbrev(c.expires))]
    rh = 34
    gy = ty - 12 - rh * len(rows)
    _round_box(p, px + 12, gy, pw - 24, rh * len(rows), 10, 0, colour=cell, fill=cell)
    for i, (label, value) in enumerate(rows):
        ry = gy + rh * (len(rows) - i - 1)
        p.text(px + 24, ry + 13, label, "LiberationSans", 9.5, colour=dim)
        vw = pw - 48 - p.width(label, "LiberationSans", 9.5) - 10
        p.text(px + pw - 24, ry + 13, value, "LiberationSans", _fit(p, value, "LiberationSans", 10.5, vw, 6.5),
               align="right", colour=white)
        if i:
            p.hline(px + 24, px + pw - 12, ry + rh, 0.4, Color(0.3, 0.3, 0.32))
    _round_box(p, px + 24, gy - 52, pw - 48, 36, 10, 0, colour=accent, fill=accent)
    p.text(cx, gy - 38, "Share certificate (PDF)", "LiberationSans-Bold", 11, align="centre", colour=white)
    p.text(cx, gy - 68, c.course.provider, "LiberationSans", 8.5, align="centre", colour=dim)
    _round_box(p, cx - 60, py + 8, 120, 4, 2, 0, colour=white, fill=white)


@layout("lms", evidence="id", units="cec", courses=("safety",))
def draw_terminal_screen_print(p, c):
    """A 24x80 green-screen terminal printed: 'COMPLETED . . : 2025-06-14' beside a screen date and a date added."""
    p.landscape()
    rng = c.rng("terminal")
    x0, y0, w, h = 40, 70, p.w - 80, p.h - 150
    p.box(x0 - 2, y0 + h, w + 4, 24, 0.6, fill=TINT)
    p.text(x0 + 8, y0 + h + 8, "Session A - [24 x 80]  \u2014  Host: CEREC01", "LiberationSans", 9)
    p.box(x0, y0, w, h, 0, fill=black)
    green = Color(0.35, 0.95, 0.45)
    pr, d = c.printed, c.completed
    added = min(pr, d + timedelta(days=rng.randint(1, 6)))
    name = f"{c.person.last}, {c.person.first}".upper()
    prov = c.course.provider.upper()[:34]
    user = (_staff(c, 2).split()[-1][:7] + _staff(c, 2)[0]).upper()
    rows = [
        f"CERT0410{'CONTINUING EDUCATION - RECORD INQUIRY':^56}{pr:%m/%d/%y}",
        f"{'':72}{rng.randint(8, 16):02d}:{rng.randint(10, 59)}:{rng.randint(10, 59)}",
        "",
        f" PARTICIPANT  . . : {name[:32]:34}ACE NO . . : {c.person.certificant_id}",
        f" COURSE NO  . . . : {c.course.number:12}SEQ {rng.randint(1, 3):02d}",
        f" COURSE TITLE . . : {c.course.title.upper()[:52]}",
        f" PROVIDER . . . . : {prov}",
        "",
        f" COMPLETED  . . . : {iso(d):14}CEC  . . . : {cec(c.ceus)}",
        f" RECORD ADDED . . : {iso(added):14}BY . . . . : {user}",
        " STATUS . . . . . : POSTED TO PARTICIPANT",
        "",
        "",
        " TYPE CHOICE, PRESS ENTER",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        " F3=EXIT   F5=REFRESH   F12=CANCEL",
    ]
    size = 10.5
    lead = (h - 24) / 24
    y = y0 + h - 20
    for ln in rows:
        p.text(x0 + 14, y, ln, "LiberationMono", size, colour=green)
        y -= lead
    p.text(x0, y0 - 20, f"Printed from the terminal emulator by {c.course.provider}  \u00b7  page 1",
           "LiberationSans", 8, colour=GREY)


@layout("receipt", evidence="email", units="cec")
def draw_html_email_column(p, c):
    """An HTML email printed: grey page, a centred white column, hero band, details card, button, unsubscribe footer."""
    p.box(0, 0, p.w, p.h, 0, fill=Color(0.92, 0.93, 0.95))
    cw = 440
    cx0 = (p.w - cw) / 2
    p.centre(p.h - 28, "Having trouble viewing this email? View it in your browser.", "LiberationSans", 7.5,
             colour=GREY)
    top, bottom = p.h - 42, 118
    p.box(cx0, bottom, cw, top - bottom, 0, colour=white, fill=white)
    p.box(cx0, top - 126, cw, 126, 0, fill=TEAL)
    p.logo(cx0 + 24, top - 56, initials(c.course.provider) or "CE", 32, "circle")
    p.text(cx0 + 66, top - 40, c.course.provider, "LiberationSans-Bold", 12, colour=white)
    p.text(cx0 + 24, top - 98, f"You did it, {c.person.first}!", "LiberationSans-Bold",
           _fit(p, f"You did it, {c.person.first}!", "LiberationSans-Bold", 26, cw - 48), colour=white)
    y = p.wrap(cx0 + 24, top - 154, cw - 48, f"Congratulations on completing {c.course.title}. Your certificate is "
               "ready, and the details of your ACE continuing education credit are below for your records.",
               "LiberationSans", 11, 15)
    rows = [("Learner", c.person.name), ("Learner email", c.person.email), ("Course", c.course.title),
            ("ACE course number", course_no(c.course.number, "hyphen")), ("Completion date", written(c.completed)),
            ("ACE CECs earned", cec(c.ceus))]
    rh = 24
    ch = rh * len(rows) + 16
    p.box(cx0 + 24, y - 8 - ch, cw - 48, ch, 0, colour=TINT, fill=TINT)
    ry = y - 30
    for label, value in rows:
        p.text(cx0 + 38, ry, label, "LiberationSans", 9.5, colour=GREY)
        p.text(cx0 + 160, ry, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 10.5, cw - 200, 7))
        ry -= rh
    by = y - 8 - ch - 58
    _round_box(p, p.w / 2 - 110, by, 220, 38, 19, 0, colour=TEAL, fill=TEAL)
    p.centre(by + 14, "Download certificate (PDF)", "LiberationSans-Bold", 12, colour=white)
    p.wrap(cx0 + 24, by - 30, cw - 48, f"Questions? Reply to this email or call ({200 + c.seed % 700}) 555-01"
           f"{c.seed % 90 + 10}, Monday to Friday.", "LiberationSans", 9.5, 13)
    p.centre(96, f"{c.course.provider} \u00b7 4410 Arapahoe Ave., Suite 200, Boulder, CO 80303", "LiberationSans", 8,
             colour=GREY)
    p.centre(84, "You are receiving this email because you completed a course with us.", "LiberationSans", 8,
             colour=GREY)
    p.centre(72, f"Unsubscribe  \u00b7  Privacy policy  \u00b7  \u00a9 {c.issued.year}", "LiberationSans", 8,
             colour=BLUE)


# ---------------------------------------------------------------- letters and legal

@layout("prose", evidence="id", units="cec")
def draw_notarized_affidavit(p, c):
    """Affidavit of completion sworn before a notary: a venue block, numbered averments, a commission expiry, a seal."""
    rng = c.rng("affidavit")
    x = 72
    affiant, notary = _staff(c, 0), _staff(c, 3)
    p.centre(p.h - 72, "AFFIDAVIT OF COURSE COMPLETION", "LiberationSerif-Bold", 17)
    p.text(x, p.h - 112, "STATE OF TEXAS", "LiberationSerif", 12)
    p.text(x + 200, p.h - 112, ")", "LiberationSerif", 12)
    p.text(x + 200, p.h - 126, ")  ss.", "LiberationSerif", 12)
    p.text(x, p.h - 140, "COUNTY OF TRAVIS", "LiberationSerif", 12)
    p.text(x + 200, p.h - 140, ")", "LiberationSerif", 12)
    y = p.wrap(x, p.h - 176, p.w - 2 * x, f"I, {affiant}, being first duly sworn, depose and say:", "LiberationSerif",
               12, 17)
    paras = [f"I am the Director of Education of {c.course.provider}, and I keep its course records.",
             f"Our records show that {c.person.name}, ACE Certification No. {c.person.certificant_id}, completed the "
             f"course {c.course.title}, ACE course number {course_no(c.course.number, 'space')}, on "
             f"{written(c.completed)}.",
             f"The course is approved by the American Council on Exercise for {cec(c.ceus)} continuing education "
             "credits (CECs), which were awarded in full.",
             "I make this affidavit at the request of the participant, who needs it to renew a certification."]
    for i, para in enumerate(paras, 1):
        p.text(x, y - 6, f"{i}.", "LiberationSerif", 12)
        y = p.wrap(x + 22, y - 6, p.w - 2 * x - 22, para, "LiberationSerif", 12, 17)
    p.signature(x + 250, y - 44, 180)
    p.text(x + 250, y - 58, f"{affiant}, Affiant", "LiberationSerif", 11)
    y -= 100
    y = p.wrap(x, y, p.w - 2 * x, f"Subscribed and sworn to before me on {written(c.issued)} by {affiant}.",
               "LiberationSerif", 12, 17)
    p.signature(x + 250, y - 40, 180)
    p.text(x + 250, y - 54, f"{notary}, Notary Public, State of Texas", "LiberationSerif", 11)
    commission = c.expires.replace(day=min(c.expires.day, 28)) + timedelta(days=rng.randint(200, 600))
    p.text(x + 250, y - 68, f"My commission expires {us(commission)}", "LiberationSerif", 11)
    p.text(x + 250, y - 82, f"Notary ID {rng.randint(10000000, 13999999)}-{rng.randint(1, 9)}", "LiberationSerif", 11)
    sx, sy = x + 90, y - 60
    cv = p.c
    cv.setStrokeColor(BLUE)
    cv.setLineWidth(1.4)
    cv.circle(sx, sy, 52)
    cv.circle(sx, sy, 40)
    cv.setStrokeColor(black)
    _star(p, sx, sy + 8, 12, BLUE)
    p.text(sx, sy - 14, notary.upper(), "LiberationSans-Bold", _fit(p, notary.upper(), "LiberationSans-Bold", 6.5, 70,
                                                                     4.5), align="centre", colour=BLUE)
    p.text(sx, sy - 23, "NOTARY PUBLIC", "LiberationSans-Bold", 5.5, align="centre", colour=BLUE)
    p.text(sx, sy - 46, "STATE OF TEXAS", "LiberationSans-Bold", 6, align="centre", colour=BLUE)
    p.text(x, 50, f"{c.course.provider}  \u00b7  records request no. {rng.randint(1000, 9999)}", "LiberationSans", 8,
           colour=GREY)


@layout("prose", evidence="id", units="hours")
def draw_instructor_letterhead_own_id(p, c):
    """Independent instructor's letter: letterhead has the instructor's own ACE number, the body the attendee's."""
    rng = c.rng("instructor")
    me = _staff(c, 1)
    mine = _outsider_id(c, "instructor-id")
    d = c.completed
    x = 76
    p.text(x, p.h - 70, f"{me}, M.S.", "LiberationSerif-Bold", 20, colour=PLUM)
    p.text(x, p.h - 88, f"ACE Certified Group Fitness Instructor \u00b7 ACE certification #{mine}",
           "LiberationSans", 9.5, colour=PLUM)
    p.text(x, p.h - 101, f"Independent presenter \u00b7 Portland, OR 97214 \u00b7 (503) 555-01{c.seed % 90 + 10}",
           "LiberationSans", 9.5, colour=GREY)
    p.hline(x, p.w - x, p.h - 112, 1.2, PLUM)
    p.text(x, p.h - 146, written(c.printed), "LiberationSerif", 12)
    p.text(x, p.h - 180, "To whom it may concern:", "LiberationSerif", 12)
    body = (f"I taught the workshop {c.course.title} for {c.course.provider} on {weekday(d)}. The workshop is "
            f"approved by the American Council on Exercise as course {course_no(c.course.number, 'space')}.")
    y = p.wrap(x, p.h - 206, p.w - 2 * x, body, "LiberationSerif", 12.5, 18)
    y = p.wrap(x, y - 8, p.w - 2 * x, f"{c.person.first} {_middle(c)}. {c.person.last}, ACE certification number "
               f"{c.person.certificant_id}, attended the whole workshop: {hours_of(c)} contact hours of instruction. "
               "Ten contact hours are one ACE continuing education credit.", "LiberationSerif", 12.5, 18)
    y = p.wrap(x, y - 8, p.w - 2 * x, f"{c.course.provider} issues no separate certificate for workshops its "
               "presenters teach on site, so this letter serves as the record of attendance. You may reach me at "
               "the number above.", "LiberationSerif", 12.5, 18)
    p.text(x, y - 20, "Sincerely,", "LiberationSerif", 12)
    p.signature(x, y - 66, 160)
    p.text(x, y - 82, me, "LiberationSerif", 12)
    p.text(x, y - 97, "Workshop instructor (not the attendee)", "LiberationSerif-Italic", 10, colour=GREY)
    p.text(x, 56, f"Invoice ref. {c.course.provider.split()[0][:4].upper()}-{rng.randint(2000, 2999)}",
           "LiberationSans", 8, colour=GREY)


@layout("award", evidence="email", units="cec")
def draw_legal_size_fine_print(p, c):
    """Legal-size page: the certificate on top, terms and conditions in condensed fine print with dates of their own."""
    p.size_to(612, 1008)
    x = 54
    p.box(30, 470, p.w - 60, p.h - 500, 2, colour=BRICK)
    p.centre(p.h - 80, c.course.provider.upper(), "LiberationSansNarrow-Bold", 16, colour=BRICK)
    p.centre(p.h - 130, "Certificate of Completion", "LiberationSerif-Bold", 32)
    p.centre(p.h - 170, "This certificate is issued to", "LiberationSerif-Italic", 13)
    p.centre(p.h - 206, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 28, 460))
    p.centre(p.h - 226, c.person.email, "LiberationSans", 10.5)
    p.centre(p.h - 262, "who completed the online course", "LiberationSerif-Italic", 13)
    p.centre(p.h - 290, c.course.title, "LiberationSerif-Bold", _fit(p, c.course.title, "LiberationSerif-Bold", 20,
                                                                     480))
    rows = [("Completed on", written(c.completed)), ("ACE course no.", course_no(c.course.number, "plain")),
            ("ACE CECs", cec(c.ceus))]
    for i, (label, value) in enumerate(rows):
        bx = 70 + i * 160
        p.text(bx + 75, p.h - 340, label.upper(), "LiberationSansNarrow-Bold", 9, align="centre", colour=BRICK)
        p.text(bx + 75, p.h - 360, value, "LiberationSans-Bold", 13, align="centre")
    p.signature(p.w / 2 - 90, 520, 180)
    p.centre(506, f"{_staff(c, 5)}, Program Director", "LiberationSans", 9)
    p.text(x, 440, "TERMS AND CONDITIONS", "LiberationSansNarrow-Bold", 10)
    terms = [
        f"1. These terms took effect on January 1, 2024, and apply to every course sold by {c.course.provider} "
        "(\"we\"). They replace all earlier versions.",
        "2. Access. Course access lasts twelve months from purchase; an extension of ninety days may be bought once. "
        "Access to a course that has been retired ends on the date announced by email.",
        "3. Refunds. A course may be refunded within thirty days of purchase if no more than one module has been "
        "opened. Bundles are refunded only as a whole.",
        "4. Certificates. A certificate is issued when every module and the final assessment are complete; the date "
        "of completion printed on it is the date the final assessment was passed. Certificates are kept on file for "
        "five years and may be reprinted on request.",
        "5. Continuing education credits are granted by the approving body named on the certificate; we do not "
        "report credits on the learner's behalf unless the approving body asks us to.",
        "6. Accessibility. Learners who need accommodations should contact us before starting; assessments can be "
        "taken with extra time or in large print.",
        "7. Privacy. We keep learners' names, email addresses and course records only to run the courses and verify "
        "certificates, and never sell them.",
        "8. Conduct. Sharing log-ins or assessment answers voids the certificate and any credit it carries.",
        "9. Governing law. These terms are governed by the laws of the State of Colorado.",
        "10. Changes. We may change these terms with thirty days' notice by email; the version in force on the "
        "purchase date applies.",
    ]
    y = 422
    for t in terms:
        y = p.wrap(x, y, p.w - 2 * x, t, "LiberationSansNarrow", 8.5, 11) - 5
    p.wrap(x, max(40, y - 10), p.w - 2 * x, f"{c.course.provider}  \u00b7  4410 Arapahoe Ave., Suite 200, Boulder, "
           f"CO 80303  \u00b7  1-888-555-01{c.seed % 90 + 10} (8 a.m.\u20136 p.m. MT)  \u00b7  Terms version 2024.1",
           "LiberationSansNarrow", 8, 10)


@layout("prose", evidence="email", units="cec")
def draw_magazine_quiz_credit(p, c):
    """A members' magazine's CE quiz result: volume, issue and page numbers, 'Quiz submitted and passed', a deadline."""
    rng = c.rng("magazine")
    d = c.completed
    issue = d - timedelta(days=rng.randint(30, 80))
    after = issue.replace(day=1) + timedelta(days=40)
    months = (f"{issue:%B}/{after:%B} {issue.year}" if after.year == issue.year
              else f"{issue:%B} {issue.year}/{after:%B} {after.year}")
    x = 50
    p.box(0, p.h - 82, p.w, 82, 0, fill=PLUM)
    p.text(x, p.h - 52, "IN MOTION", "LiberationSerif-Bold", 34, colour=white)
    p.text(x + 200, p.h - 40, f"The members' journal of {c.course.provider}", "LiberationSans", 10, colour=white)
    p.text(x + 200, p.h - 56, f"Vol. {rng.randint(12, 31)}, No. {rng.randint(1, 6)}  \u00b7  {months}",
           "LiberationSans-Bold", 10, colour=white)
    p.text(p.w - x, p.h - 100, f"page {rng.randint(30, 70)}", "LiberationSans", 8, align="right", colour=GREY)
    p.text(x, p.h - 126, "CONTINUING EDUCATION", "LiberationSans-Bold", 10, colour=PLUM)
    p.text(x, p.h - 152, c.course.title, "LiberationSerif-Bold", _fit(p, c.course.title, "LiberationSerif-Bold", 22,
                                                                      p.w - 2 * x, 12))
    col = (p.w - 2 * x - 20) / 2
    text = ("Read the feature, then answer the ten questions online. Members who answer eight or more correctly earn "
            "the continuing education credit shown below, and the result page can be printed as a certificate. "
            "The feature reviews the current evidence, walks through practical coaching progressions and closes "
            "with case studies from members' own studios. Each question refers to one section of the article; "
            "the answers are published with the next issue.")
    p.wrap(x, p.h - 180, col, text, "LiberationSerif", 10, 13)
    p.wrap(x + col + 20, p.h - 180, col, "Quizzes may be answered by any member in good standing. A quiz can be "
           "attempted twice; the credit is given once. The approving body's course number is printed in the result "
           "box, and the date of completion is the day the passing quiz was submitted, whatever the issue's cover "
           "date.", "LiberationSerif", 10, 13)
    bx, by, bw, bh = x, 170, p.w - 2 * x, 300
    p.box(bx, by, bw, bh, 1.5, colour=PLUM)
    p.box(bx, by + bh - 30, bw, 30, 0, fill=PLUM)
    p.text(bx + 14, by + bh - 20, "CE QUIZ RESULT", "LiberationSans-Bold", 12, colour=white)
    rows = [("Member", c.person.name), ("Member email", c.person.email),
            ("Quiz submitted and passed", written(d)), ("Score", f"{rng.randint(8, 10)} of 10 correct"),
            ("ACE course number", course_no(c.course.number, "hyphen")), ("Credit", f"{cec(c.ceus)} ACE CEC")]
    y = by + bh - 62
    for label, value in rows:
        p.text(bx + 16, y, label, "LiberationSans", 10.5, colour=GREY)
        p.text(bx + 190, y, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 12.5, bw - 210, 8))
        y -= 30
    deadline = issue.replace(day=1) + timedelta(days=rng.choice([365, 400, 540]))
    p.text(bx + 16, by + 22, f"Quizzes for this issue may be submitted until {abbrev(deadline)}.", "LiberationSans",
           9, colour=GREY)
    p.text(x, 60, f"Printed {us(c.printed)} from the members' area", "LiberationSans", 8, colour=GREY)


# ---------------------------------------------------------------- awards

@layout("event", evidence="id", units="cec", courses=("event",))
def draw_full_bleed_dark_event(p, c):
    """Landscape event certificate on a full-bleed dark page, gold captions over white values in a strip of cells."""
    p.landscape()
    p.box(0, 0, p.w, p.h, 0, fill=NAVY)
    p.box(24, 24, p.w - 48, p.h - 48, 1.2, colour=GOLD)
    for cx, cy, sx, sy in ((24, 24, 1, 1), (p.w - 24, 24, -1, 1), (24, p.h - 24, 1, -1),
                           (p.w - 24, p.h - 24, -1, -1)):
        _polygon(p, [(cx, cy), (cx + sx * 70, cy), (cx, cy + sy * 70)], fill=GOLD)
    x = 70
    p.text(x, p.h - 76, c.course.provider.upper(), "LiberationSans-Bold", 11, colour=GOLD)
    p.text(x, p.h - 136, "CERTIFICATE", "LiberationSans-Bold", 54, colour=white)
    p.text(x, p.h - 164, "OF ATTENDANCE", "LiberationSans", 20, colour=GOLD)
    p.text(x, p.h - 204, "This certifies that", "LiberationSerif-Italic", 14, colour=white)
    p.text(x, p.h - 246, c.person.name, "LiberationSerif-BoldItalic",
           _fit(p, c.person.name, "LiberationSerif-BoldItalic", 38, 560), colour=white)
    line = f"attended {c.course.title}"
    p.text(x, p.h - 276, line, "LiberationSans", _fit(p, line, "LiberationSans", 15, 600), colour=white)
    cells = [("ACE CERTIFICATION NO.", c.person.certificant_id), ("EVENT DATES", date_range(c.start, c.completed)),
             ("ACE EVENT NO.", course_no(c.course.number, "plain")), ("CECS EARNED", cec(c.ceus))]
    widths = [150, 250, 140, 110]
    cx, cy = x, 196
    for i, ((cap, value), w) in enumerate(zip(cells, widths)):
        if i:
            p.c.setStrokeColor(GOLD)
            p.c.setLineWidth(0.6)
            p.c.line(cx - 12, cy - 24, cx - 12, cy + 14)
        p.text(cx, cy, cap, "LiberationSans-Bold", 8.5, colour=GOLD)
        p.text(cx, cy - 22, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 16, w - 20, 10),
               colour=white)
        cx += w
    p.c.setStrokeColor(GOLD)
    p.signature(x, 90, 170)
    p.c.setStrokeColor(black)
    p.text(x, 76, f"{_staff(c, 1)}, Program Chair", "LiberationSans", 9, colour=white)
    p.text(p.w - 70, 76, f"Issued {abbrev(c.issued)}", "LiberationSans", 9, align="right", colour=GOLD)
    ex, ey = p.w - 130, p.h - 120
    p.c.setStrokeColor(GOLD)
    p.c.setLineWidth(2)
    p.c.circle(ex, ey, 44)
    p.c.setLineWidth(0.6)
    p.c.circle(ex, ey, 38)
    p.c.setStrokeColor(black)
    p.text(ex, ey - 4, "CE", "LiberationSerif-Bold", 26, align="centre", colour=GOLD)
    p.text(ex, ey - 22, "ATTENDEE", "LiberationSans-Bold", 6.5, align="centre", colour=GOLD)


@layout("prose", evidence="name", units="cec")
def draw_drop_cap_paragraph(p, c):
    """One paragraph opened by a large boxed drop capital ('T' + 'his is to certify that ...'); the date inside it."""
    x = 84
    width = p.w - 2 * x
    p.ornate_border(30, 16, BRICK)
    p.centre(p.h - 100, c.course.provider.upper(), "LiberationSerif", 12, colour=BRICK)
    p.centre(p.h - 144, "Certificate of Completion", "LiberationSerif-Italic", 32)
    for k in range(-3, 4):
        _polygon(p, [(p.w / 2 + k * 16, p.h - 166), (p.w / 2 + k * 16 + 3, p.h - 169), (p.w / 2 + k * 16, p.h - 172),
                     (p.w / 2 + k * 16 - 3, p.h - 169)], fill=BRICK)
    top = p.h - 214
    size, lead = 17, 26
    cap = 2 * lead + 19
    p.box(x, top - 2 * lead - 6, cap, cap, 0, fill=BRICK)
    p.text(x + cap / 2, top - 2 * lead + 8, "T", "LiberationSerif-Bold", 62, align="centre", colour=white)
    body = (f"his is to certify that {c.person.name} completed the course {c.course.title}, approved by the "
            f"American Council on Exercise under course number {course_no(c.course.number, 'hyphen')} for "
            f"{cec(c.ceus)} continuing education credits (CECs), on {written(c.completed)}, and met every "
            "requirement of the course, including its practical assessment.")
    lines = _wrap_lines(p, body, "LiberationSerif", size, [width - cap - 12] * 3 + [width])
    y = top
    for i, ln in enumerate(lines):
        p.text(x + (cap + 12 if i < 3 else 0), y, ln, "LiberationSerif", size)
        y -= lead
    p.text(x, y - 20, f"Dated at Asheville, North Carolina, {written(c.issued)}.", "LiberationSerif-Italic", 12)
    for i, sx in enumerate((x, p.w - x - 180)):
        p.signature(sx, 150, 180)
        p.text(sx, 136, _staff(c, i + 2), "LiberationSerif", 11)
        p.text(sx, 122, ("Director of Education", "Course Instructor")[i], "LiberationSerif-Italic", 10, colour=GREY)


@layout("award", evidence="name", units="cec")
def draw_mooc_style_certificate(p, c):
    """Landscape online-platform certificate: its only date unlabelled at the top left, two instructors, a code."""
    p.landscape()
    rng = c.rng("mooc")
    stripe = p.w - 200
    p.box(stripe, 0, 200, p.h, 0, fill=Color(0.94, 0.95, 0.97))
    p.box(0, 0, p.w, p.h, 1, colour=LIGHT)
    x = 56
    p.logo(x, p.h - 86, initials(c.course.provider) or "CE", 34, "square")
    p.text(x + 44, p.h - 68, c.course.provider, "LiberationSans-Bold", 13)
    p.text(x + 44, p.h - 82, "on LearnWell", "LiberationSans", 9, colour=GREY)
    p.text(x, p.h - 130, abbrev(c.completed), "LiberationSans", 12)
    p.text(x, p.h - 200, c.person.name, "LiberationSans-Bold", _fit(p, c.person.name, "LiberationSans-Bold", 38,
                                                                    stripe - 2 * x))
    p.text(x, p.h - 230, "has successfully completed", "LiberationSans", 13, colour=GREY)
    y = p.h - 268
    for ln in _lines(p, c.course.title, "LiberationSans-Bold", 26, stripe - 2 * x)[:2]:
        p.text(x, y, ln, "LiberationSans-Bold", 26)
        y -= 30
    p.wrap(x, y - 6, stripe - 2 * x - 20, f"an online course offered through LearnWell and approved by the American "
           f"Council on Exercise as course {course_no(c.course.number, 'plain')} for {cec(c.ceus)} continuing "
           "education credits (CECs).", "LiberationSans", 11, 15)
    for i, sx in enumerate((x, x + 240)):
        p.signature(sx, 104, 170)
        p.text(sx, 90, _SPEAKERS[(c.seed + i) % len(_SPEAKERS)], "LiberationSans-Bold", 9.5)
        p.text(sx, 78, ("Lead Instructor", "Course Instructor")[i], "LiberationSans", 8.5, colour=GREY)
    code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(12))
    p.text(x, 40, f"Verify at learnwell.example/verify/{code}", "LiberationSans", 8, colour=GREY)
    p.text(x, 30, "LearnWell has confirmed the identity of this individual and their participation in the course.",
           "LiberationSans", 7.5, colour=GREY)
    mx, my = stripe + 100, p.h - 190
    for s in (-1, 1):
        _polygon(p, [(mx + s * 10, my - 40), (mx + s * 36, my - 40), (mx + s * 40, my - 130), (mx + s * 24, my - 116),
                     (mx + s * 10, my - 132)], fill=BLUE)
    p.c.setFillColor(BLUE)
    p.c.circle(mx, my, 62, stroke=0, fill=1)
    p.c.setFillColor(black)
    p.c.setStrokeColor(white)
    p.c.setLineWidth(1.2)
    p.c.circle(mx, my, 52)
    p.c.setStrokeColor(black)
    p.text(mx, my + 6, "COURSE", "LiberationSans-Bold", 13, align="centre", colour=white)
    p.text(mx, my - 10, "CERTIFICATE", "LiberationSans-Bold", 11, align="centre", colour=white)


@layout("form", evidence="id", units="cec")
def draw_course_menu_ticked_row(p, c):
    """A provider's one certificate form for all its courses: every course listed, the one completed ticked."""
    rng = c.rng("menu")
    courses = _provider_courses(c)
    x = 54
    p.box(x, p.h - 100, p.w - 2 * x, 52, 0, fill=BLUE)
    p.text(x + 14, p.h - 72, c.course.provider, "LiberationSans-Bold", 16, colour=white)
    p.text(x + 14, p.h - 90, "Certificate of Completion \u2014 ACE-approved courses", "LiberationSans", 10.5,
           colour=white)
    p.text(x, p.h - 130, "This certifies that the participant below completed the course ticked in the list.",
           "LiberationSans", 10)
    info = [("Participant", c.person.name), ("ACE certification no.", c.person.certificant_id),
            ("Date of completion", us(c.completed))]
    y = p.h - 160
    for label, value in info:
        p.text(x, y, label, "LiberationSans", 10, colour=GREY)
        p.text(x + 150, y, value, "LiberationSans-Bold", 12)
        p.hline(x + 146, x + 400, y - 4, 0.4, GREY)
        y -= 24
    p.text(x, y - 10, "COURSE COMPLETED (one box ticked)", "LiberationSans-Bold", 9.5, colour=BLUE)
    widths = [34, 96, 286, 88]
    rows = [["", "ACE course #", "Course title", "ACE CECs"]]
    for n, t, v in courses:
        rows.append(["", course_no(n, "plain"), t, v])
    top = y - 18
    rh = 22
    p.table(x, top, widths, rows, row_h=rh, face="LiberationSans", head_face="LiberationSans-Bold", size=9.5,
            head_fill=TINT)
    for i, (n, t, v) in enumerate(courses):
        ry = top - (i + 2) * rh
        mine = n == c.course.number
        p.text(x + 11, ry + 6, "\u2612" if mine else "\u2610", "DejaVuSans", 12)
        if mine:
            p.box(x + widths[0], ry + 1, sum(widths[1:]), rh - 2, 1.4, colour=BLUE)
    y = top - (len(rows)) * rh - 30
    p.wrap(x, y, p.w - 2 * x, "Only the ticked course was completed on the date of completion above; the other "
           "courses are listed because this form serves all of our courses. CECs are ACE continuing education "
           "credits.", "LiberationSans", 8.5, 11)
    p.signature(x, 110, 170)
    p.text(x, 96, f"{_staff(c, 4)}, Education Coordinator", "LiberationSans", 9)
    p.text(p.w - x, 96, f"Form CC-{rng.randint(10, 99)} \u00b7 issued {us(c.issued)}", "LiberationSans", 9,
           align="right")


@layout("award", evidence="id+email", units="cec")
def draw_duplicate_reprint(p, c):
    """A reprinted duplicate: a red 'DUPLICATE' stamp and a reissue panel with the original issue and reprint dates."""
    x = 64
    p.box(36, 36, p.w - 72, p.h - 72, 1.2, colour=TEAL)
    p.text(x, p.h - 84, c.course.provider, "LiberationSans-Bold", 15, colour=TEAL)
    no = f"{_num(c, 'certno', 40000, 89999)}"
    p.text(p.w - x, p.h - 84, f"Certificate no. {no}-D", "LiberationSans", 10, align="right")
    p.centre(p.h - 160, "Certificate of Completion", "LiberationSerif-Bold", 32)
    p.centre(p.h - 200, "awarded to", "LiberationSerif-Italic", 13)
    p.centre(p.h - 236, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 28, 440))
    p.centre(p.h - 256, f"{c.person.email}  \u00b7  ACE ID {c.person.certificant_id}", "LiberationSans", 10.5)
    p.centre(p.h - 292, "for completing", "LiberationSerif-Italic", 13)
    p.centre(p.h - 318, c.course.title, "LiberationSerif-Bold",
             _fit(p, c.course.title, "LiberationSerif-Bold", 19, 460))
    rows = [("ACE course no.", course_no(c.course.number, "hyphen")), ("Date of completion", us(c.completed)),
            ("CECs", cec(c.ceus))]
    y = p.h - 370
    for label, value in rows:
        p.text(p.w / 2 - 8, y, label, "LiberationSans", 11, align="right", colour=GREY)
        p.text(p.w / 2 + 8, y, value, "LiberationSans-Bold", 13)
        y -= 24
    p.signature(p.w / 2 - 90, 250, 180)
    p.centre(236, f"{_staff(c, 2)}, Registrar", "LiberationSans", 9)
    _stamp(p, p.w - 140, 330, 12, BRICK, 2.2, (-78, -22, 156, 44, 5), (-73, -17, 146, 34, 3),
           (("DUPLICATE", "Helvetica-Bold", 22, -8),))
    p.box(x, 70, p.w - 2 * x, 100, 0.8, fill=TINT)
    p.text(x + 14, 150, "REISSUE RECORD", "LiberationSans-Bold", 9, colour=BRICK)
    p.wrap(x + 14, 134, p.w - 2 * x - 28, "This duplicate replaces a lost certificate at the holder's request. The "
           "course record is unchanged.", "LiberationSans", 9, 11)
    for i, (label, d) in enumerate((("Original issued", c.issued), ("Duplicate printed", c.printed))):
        p.text(x + 14 + i * 200, 96, label, "LiberationSans", 9, colour=GREY)
        p.text(x + 14 + i * 200, 80, written(d), "LiberationSans-Bold", 11)


@layout("award", evidence="name", units="hours")
def draw_clinic_faculty_sidebar(p, c):
    """Physical therapy clinic's certificate beside a sidebar listing its clinicians with their credentials."""
    side = 168
    p.box(0, 0, side, p.h, 0, fill=Color(0.90, 0.94, 0.95))
    p.logo(24, p.h - 84, initials(c.course.provider) or "PT", 44, "circle")
    p.text(24, p.h - 104, c.course.provider, "LiberationSans-Bold", _fit(p, c.course.provider, "LiberationSans-Bold",
                                                                        10, side - 36, 7))
    p.text(24, p.h - 117, "Physical Therapy & Performance", "LiberationSans", 8, colour=GREY)
    p.text(24, p.h - 160, "OUR CLINICIANS", "LiberationSans-Bold", 8.5, colour=TEAL)
    creds = ("PT, DPT, OCS", "PT, DPT", "MS, ATC", "PT, DPT, SCS", "MS, CSCS", "PTA")
    names = list(_STAFF) + list(_SPEAKERS[:2])
    y = p.h - 180
    for i, n in enumerate(names):
        n = n.removeprefix("Dr. ")
        p.text(24, y, n, "LiberationSans", 8.5)
        p.text(24, y - 10, creds[i % len(creds)], "LiberationSans", 7, colour=GREY)
        y -= 26
    p.text(24, 84, "310 Harbor Blvd., Suite 4", "LiberationSans", 7.5, colour=GREY)
    p.text(24, 74, "Santa Barbara, CA 93101", "LiberationSans", 7.5, colour=GREY)
    p.text(24, 64, f"T (805) 555-01{c.seed % 90 + 10}", "LiberationSans", 7.5, colour=GREY)
    p.text(24, 54, f"F (805) 555-01{(c.seed // 7) % 90 + 10}", "LiberationSans", 7.5, colour=GREY)
    x = side + 44
    w = p.w - x - 44
    presenter = _staff(c, 1)
    p.text(x, p.h - 110, "Certificate", "LiberationSerif-Bold", 40)
    p.text(x, p.h - 136, "of Attendance", "LiberationSerif-Italic", 20, colour=TEAL)
    p.text(x, p.h - 190, "is presented to", "LiberationSerif-Italic", 13)
    p.text(x, p.h - 224, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 28, w))
    p.hline(x, x + w, p.h - 234, 0.6, TEAL)
    y = p.wrap(x, p.h - 266, w, f"for attending the in-clinic course {c.course.title}, presented by {presenter}, "
               f"PT, DPT, on {written(c.completed)}.", "LiberationSerif", 13.5, 19)
    p.text(x, y - 16, f"{hours_of(c)} contact hours", "LiberationSans-Bold", 16, colour=TEAL)
    p.text(x, y - 36, f"ACE course no. {course_no(c.course.number, 'space')}", "LiberationSans", 11)
    p.text(x, y - 52, "Ten contact hours equal one ACE continuing education credit.", "LiberationSans", 9,
           colour=GREY)
    p.signature(x, 140, 170)
    p.text(x, 126, f"{presenter}, PT, DPT, Presenter", "LiberationSans", 9)
    p.text(x + w, 126, f"Issued {us_short(c.issued)}", "LiberationSans", 9, align="right")


@layout("minimal", evidence="id", units="cec")
def draw_large_print_accessible(p, c):
    """Large-print certificate for low-vision readers: every label and value on its own line in 20-point type."""
    x = 60
    p.box(x - 6, p.h - 70, p.width("LARGE PRINT", "LiberationSans-Bold", 12) + 12, 20, 0, fill=black)
    p.text(x, p.h - 64, "LARGE PRINT", "LiberationSans-Bold", 12, colour=white)
    p.text(x, p.h - 104, c.course.provider, "LiberationSans-Bold", _fit(p, c.course.provider, "LiberationSans-Bold", 24,
                                                                        p.w - 2 * x))
    p.text(x, p.h - 138, "Certificate of Completion", "LiberationSans", 24)
    p.hline(x, p.w - x, p.h - 152, 2)
    rows = [("Name", c.person.name), ("ACE certification number", c.person.certificant_id),
            ("Course", c.course.title), ("ACE course number", course_no(c.course.number, "plain")),
            ("Date completed", written(c.completed)), ("Credits", f"{cec(c.ceus)} ACE CECs")]
    y = p.h - 190
    for label, value in rows:
        p.text(x, y, f"{label}:", "LiberationSans-Bold", 16)
        for ln in _lines(p, value, "LiberationSans", 26, p.w - 2 * x)[:2]:
            y -= 31
            p.text(x, y, ln, "LiberationSans", 26)
        y -= 38
    p.text(x, 88, f"Signed: {_staff(c, 3)}, Director of Education", "LiberationSans", 14)
    p.text(x, 64, "Standard-print and braille copies are available on request.", "LiberationSans", 12)


@layout("award", evidence="id", units="cec")
def draw_crest_serial_dates(p, c):
    """Award under a drawn shield crest ('EST. 1998' banner), a serial built from the issue date, a QR to verify."""
    cx = p.w / 2
    p.box(26, 26, p.w - 52, p.h - 52, 2.5, colour=NAVY)
    top = p.h - 70
    shield = [(cx - 44, top), (cx + 44, top), (cx + 44, top - 56), (cx, top - 100), (cx - 44, top - 56)]
    _polygon(p, shield, fill=NAVY)
    _polygon(p, [(cx - 44, top - 30), (cx, top - 52), (cx + 44, top - 30), (cx + 44, top - 42), (cx, top - 64),
                 (cx - 44, top - 42)], fill=GOLD)
    for k in (-1, 0, 1):
        _star(p, cx + k * 22, top - 16, 7, white)
    _polygon(p, [(cx - 80, top - 104), (cx + 80, top - 104), (cx + 70, top - 118), (cx + 80, top - 132),
                 (cx - 80, top - 132), (cx - 70, top - 118)], fill=GOLD)
    p.centre(top - 123, "EST. 1998", "LiberationSans-Bold", 10, colour=white)
    p.centre(top - 160, c.course.provider.upper(), "DejaVuSansCondensed-Bold", 14, colour=NAVY)
    p.centre(top - 200, "CERTIFICATE OF ACHIEVEMENT", "DejaVuSansCondensed-Bold", 26)
    p.centre(top - 236, "awarded to", "DejaVuSerif-Italic", 12)
    p.centre(top - 270, c.person.name, "DejaVuSerif-Bold", _fit(p, c.person.name, "DejaVuSerif-Bold", 26, 440))
    p.centre(top - 290, f"ACE No. {c.person.certificant_id}", "DejaVuSans", 10.5)
    p.centre(top - 324, "for completing the coach education course", "DejaVuSerif-Italic", 12)
    p.centre(top - 350, c.course.title, "DejaVuSerif-Bold", _fit(p, c.course.title, "DejaVuSerif-Bold", 18, 440))
    p.centre(top - 374, f"ACE course {course_no(c.course.number, 'plain')}  \u00b7  {cec(c.ceus)} CECs", "DejaVuSans",
             11)
    p.centre(top - 410, f"Course date: {written(c.completed)}", "DejaVuSans-Bold", 13)
    p.signature(70, 130, 170)
    p.text(70, 116, f"{_staff(c, 5)}, Head of Coach Education", "DejaVuSans", 8.5)
    i = c.issued
    p.text(70, 70, f"Certificate No. {i:%Y%m%d}-{_num(c, 'serial', 1, 999):04d}", "DejaVuSansMono", 9)
    p.text(70, 56, f"Date of issue: {us(i)}", "DejaVuSans", 9)
    _qr(p, p.w - 140, 60, 76, c)
    p.text(p.w - 102, 48, "Scan to verify", "DejaVuSans", 7.5, align="centre", colour=GREY)


@layout("event", evidence="id+email", units="hours", courses=("event",))
def draw_hours_by_track_bars(p, c):
    """Conference CE transcript drawn as a bar chart of the attendee's hours by track, then the total and CECs."""
    rng = c.rng("tracks")
    total = hours_of(c)
    tracks = ["Strength & conditioning", "Nutrition", "Behaviour change", "Special populations", "Business & careers"]
    k = min(len(tracks), max(2, total // 3))
    parts = _split(total, k)
    rng.shuffle(parts)
    x = 56
    p.text(x, p.h - 64, c.course.provider, "LiberationSans-Bold", 14, colour=TEAL)
    p.text(x, p.h - 92, c.course.title, "LiberationSans-Bold", _fit(p, c.course.title, "LiberationSans-Bold", 22,
                                                                    p.w - 2 * x, 12))
    p.text(x, p.h - 112, f"{date_range(c.start, c.completed)}  \u00b7  ACE event "
           f"{course_no(c.course.number, 'hyphen')}", "LiberationSans", 11)
    p.hline(x, p.w - x, p.h - 124, 1, TEAL)
    p.text(x, p.h - 156, "Attendee CE Transcript", "LiberationSans-Bold", 16)
    info = [("Attendee", c.person.name), ("Email", c.person.email), ("ACE certification no.", c.person.certificant_id)]
    y = p.h - 180
    for label, value in info:
        p.text(x, y, label, "LiberationSans", 10, colour=GREY)
        p.text(x + 140, y, value, "LiberationSans-Bold", 11)
        y -= 17
    p.text(x, y - 18, "CE hours attended, by track", "LiberationSans-Bold", 11)
    bx = x + 170
    scale = (p.w - x - bx - 40) / max(parts)
    y -= 50
    for t, h in zip(tracks, parts):
        p.text(bx - 10, y + 4, t, "LiberationSans", 10, align="right")
        p.box(bx, y, h * scale, 16, 0, fill=TEAL)
        p.text(bx + h * scale + 6, y + 4, f"{h} h", "LiberationSans-Bold", 10)
        y -= 28
    p.c.setStrokeColor(GREY)
    p.c.line(bx, y + 20, bx, y + 28 * len(parts) + 24)
    p.c.setStrokeColor(black)
    y -= 20
    p.box(x, y - 50, p.w - 2 * x, 56, 1.4, colour=TEAL)
    p.text(x + 14, y - 18, f"Total CE hours attended: {total}", "LiberationSans-Bold", 15)
    p.text(x + 14, y - 38, "Ten CE hours are one ACE continuing education credit.", "LiberationSans", 9.5,
           colour=GREY)
    p.wrap(x, y - 80, p.w - 2 * x, "Hours are counted from badge scans at each session room; sessions left before "
           "their end are not counted. Exhibit hall time earns no CE hours.", "LiberationSans", 9, 12)
    p.text(x, 56, f"Transcript generated {us(c.printed)}", "LiberationSans", 8, colour=GREY)
    p.text(p.w - x, 56, f"Badge {rng.randint(1000, 9999)}", "LiberationSans", 8, align="right", colour=GREY)


@layout("two-column", evidence="id", units="cec")
def draw_fillable_pdf_fields(p, c):
    """A fillable PDF form filled in: light-blue field boxes in two columns, employee and club numbers, three dates."""
    rng = c.rng("fillable")
    x = 40
    colw = (p.w - 2 * x - 24) / 2
    p.text(x, p.h - 56, "Continuing Education Reimbursement and Verification", "LiberationSans-Bold", 15)
    p.text(x, p.h - 72, "Employee benefits \u00b7 submit within 60 days of the course", "LiberationSans", 9,
           colour=GREY)
    p.text(p.w - x, p.h - 56, "HR-CE 2", "LiberationSans-Bold", 10, align="right")

    def fbox(fx, fy, w, label, value, h=22):
        p.text(fx, fy + h + 3, label, "LiberationSans", 7.5)
        p.box(fx, fy, w, h, 0.6, colour=Color(0.55, 0.62, 0.80), fill=FIELD)
        p.text(fx + 5, fy + 7, value, "Helvetica", _fit(p, value, "Helvetica", 10, w - 10, 6.5))

    def head(hx, hy, s):
        p.box(hx, hy, colw, 18, 0, fill=NAVY)
        p.text(hx + 6, hy + 5, s, "LiberationSans-Bold", 9, colour=white)

    top = p.h - 110
    head(x, top, "SECTION A \u2014 EMPLOYEE")
    ax = x
    fields_a = [("Employee name", c.person.name), ("Employee ID", f"EMP-{rng.randint(10000, 99999)}"),
                ("Club no.", f"{rng.randint(100, 999):04d}"), ("ACE certification number", c.person.certificant_id),
                ("Work phone", f"({200 + c.seed % 700}) 555-01{c.seed % 90 + 10}")]
    y = top - 40
    for label, value in fields_a:
        fbox(ax, y, colw, label, value)
        y -= 40
    bx = x + colw + 24
    head(bx, top, "SECTION B \u2014 COURSE")
    fields_b = [("Provider", c.course.provider), ("Course title", c.course.title),
                ("ACE course number", course_no(c.course.number, "hyphen")), ("Date completed", us(c.completed)),
                ("ACE CECs earned", cec(c.ceus))]
    y = top - 40
    for label, value in fields_b:
        fbox(bx, y, colw, label, value)
        y -= 40
    y -= 10
    p.box(x, y - 4, p.w - 2 * x, 18, 0, fill=NAVY)
    p.text(x + 6, y + 1, "SECTION C \u2014 COST AND PROVIDER VERIFICATION", "LiberationSans-Bold", 9, colour=white)
    y -= 44
    fee = rng.choice(["129.00", "149.00", "189.00", "219.00"])
    fbox(x, y, 140, "Course fee paid (USD)", f"${fee}")
    fbox(x + 160, y, 140, "Amount to reimburse (USD)", f"${fee}")
    fbox(x + 320, y, p.w - 2 * x - 320, "Receipt / invoice no.", f"INV-{rng.randint(100000, 999999)}")
    y -= 44
    fbox(x, y, 260, "Verified for the provider by", _staff(c, 3))
    fbox(x + 280, y, 120, "Date signed", us(c.issued))
    fbox(x + 420, y, p.w - 2 * x - 420, "Date submitted", us(c.printed))
    y -= 30
    p.wrap(x, y, p.w - 2 * x, "The provider's signature confirms the course, the date completed and the credits. "
           "Reimbursement is paid with the next payroll after approval.", "LiberationSans", 8.5, 11)
    p.signature(x, y - 60, 170)
    p.text(x, y - 72, "Provider signature", "LiberationSans", 7.5)
    p.text(x, 40, "Form HR-CE 2 (2024) \u00b7 fillable PDF", "LiberationSans", 7.5, colour=GREY)


@layout("award", evidence="id", units="cec")
def draw_sticky_note_nickname(p, c):
    """Certificate with a middle initial; a yellow sticky note on it in the holder's hand, signed with a nickname."""
    rng = c.rng("sticky")
    full = f"{c.person.first} {_middle(c)}. {c.person.last}"
    p.box(40, 40, p.w - 80, p.h - 80, 1, colour=GREY)
    p.text(70, p.h - 90, c.course.provider, "LiberationSerif-Bold", 15)
    p.centre(p.h - 190, "CERTIFICATE OF COMPLETION", "LiberationSerif", 24)
    p.centre(p.h - 236, "This is to certify that", "LiberationSerif-Italic", 13)
    p.centre(p.h - 272, full, "LiberationSerif-Bold", _fit(p, full, "LiberationSerif-Bold", 28, 440))
    p.centre(p.h - 292, f"ACE Certification Number {c.person.certificant_id}", "LiberationSans", 10)
    p.centre(p.h - 326, "has completed", "LiberationSerif-Italic", 13)
    p.centre(p.h - 352, c.course.title, "LiberationSerif-Bold",
             _fit(p, c.course.title, "LiberationSerif-Bold", 19, 440))
    p.centre(p.h - 390, f"Date of completion: {written(c.completed)}", "LiberationSerif", 13)
    p.centre(p.h - 412, f"ACE course {course_no(c.course.number, 'space')}   \u00b7   {cec(c.ceus)} CECs",
             "LiberationSerif", 12)
    p.signature(p.w / 2 - 90, 150, 180)
    p.centre(136, f"{_staff(c, 0)}, Program Director", "LiberationSans", 9)
    nick = _NICK.get(c.person.first, c.person.first)
    nx, ny, nw = 398, 176, 150
    cv = p.c
    cv.saveState()
    cv.translate(nx, ny)
    cv.rotate(rng.choice([4, 6, -3]))
    cv.setFillColor(Color(0.85, 0.85, 0.80))
    cv.rect(3, -3, nw, nw, stroke=0, fill=1)
    cv.setFillColor(NOTE)
    cv.rect(0, 0, nw, nw, stroke=0, fill=1)
    cv.restoreState()
    lines = ["Renewal \u2014 please", "add this one to", "my file. Thanks!", "", f"\u2014 {nick}"]
    ly = ny + nw - 30
    for s in lines:
        if s:
            _hand(p, nx + 14, ly, s, 14, PEN)
        ly -= 20


@layout("lms", evidence="id", units="cec")
def draw_highlighted_confirmation(p, c):
    """Account page printed and marked by the holder: highlighter over four fields, a margin note and arrow."""
    rng = c.rng("highlight")
    d = c.completed
    enrolled = d - timedelta(days=rng.randint(10, 60))
    x = 60
    p.text(x, p.h - 60, c.course.provider, "LiberationSans-Bold", 15, colour=BLUE)
    p.text(p.w - x, p.h - 60, "My Account \u203a Course history", "LiberationSans", 9, align="right", colour=GREY)
    p.hline(x, p.w - x, p.h - 70, 0.8, BLUE)
    p.text(x, p.h - 104, "Registration and completion confirmation", "LiberationSans-Bold", 16)
    nick = _NICK.get(c.person.first)
    rows = [("Name", c.person.name), ("Preferred name", nick or "\u2014"),
            ("ACE certification no.", c.person.certificant_id),
            ("Order no.", f"W{rng.randint(1000000, 9999999)}"), ("Course", c.course.title),
            ("ACE course no.", course_no(c.course.number, "plain")), ("Enrolled", us(enrolled)),
            ("Completed", us(d)), ("CECs", cec(c.ceus)), ("Certificate expires", us(c.expires))]
    marked = {"Name", "ACE course no.", "Completed", "CECs"}
    vx = x + 170
    y = p.h - 144
    for label, value in rows:
        size = _fit(p, value, "LiberationSans", 12, p.w - x - vx - 70, 8)
        if label in marked:
            w = p.width(value, "LiberationSans", size)
            p.box(vx - 3, y - 4, w + 6 + rng.uniform(-2, 6), 16, 0, colour=NOTE, fill=NOTE)
        p.text(x, y, label, "LiberationSans", 11, colour=GREY)
        p.text(vx, y, value, "LiberationSans", size)
        p.hline(x, p.w - x - 60, y - 9, 0.3, LIGHT)
        y -= 30
    p.wrap(x, y - 12, p.w - 2 * x - 60, "Your certificate of completion is attached to this page and can be "
           "downloaded again from My Account at any time. Keep it until your certificate expires.", "LiberationSans",
           10, 14)
    ax, ay = p.w - 70, p.h - 144 - 30 * 7 + 4
    _hand(p, ax - 50, ay + 46, "for ACE", 14, PEN)
    _hand(p, ax - 50, ay + 30, "renewal!", 14, PEN)
    cv = p.c
    cv.setStrokeColor(PEN)
    cv.setLineWidth(1.2)
    cv.line(ax - 20, ay + 24, ax - 40, ay + 6)
    cv.line(ax - 40, ay + 6, ax - 32, ay + 8)
    cv.line(ax - 40, ay + 6, ax - 38, ay + 14)
    cv.setStrokeColor(black)
    p.text(x, 50, f"Printed {abbrev(c.printed)} from {c.course.provider.split()[0].lower()}.example/account",
           "LiberationSans", 8, colour=GREY)
