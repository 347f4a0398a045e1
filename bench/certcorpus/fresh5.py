"""Fresh5 layouts: an eighth set of providers' layouts to tune on, drawn apart from the earlier sets.

None repeats an arrangement of tuned.py, fresh.py, fresh2.py, fresh3.py or fresh4.py: a page of a
course catalogue with the completed course stamped, a supervised practicum log with a mentor's
sign-off, a quiz attempt's review page (sometimes started the evening before), a letter whose
facts are only in a reference strip at its foot, a certificate overprinted 'MEMBER COPY', a
report whose column headings are turned on end, an enrolment form stamped 'COURSE COMPLETED', two
half-sheet copies on one page, a text-message thread, a fax cover sheet over a reduced
certificate, a phone photo of a certificate on a desk, a statement of account, a course number
running up the margin, a mail merge with fields left unfilled, a course evaluation of bubbles, a
verification portal's result, a form response with the provider's approval, a webinar's
attendee report, a practical assessment rubric with circled scores, a conference planner's week
view, a Dutch certificate with day-first dates, a name set up the spine, a certificate over a
busy photograph, a testing centre's score report, a workshop's daily sign-off, a British first
aid certificate valid three years, an international letter of attendance, an event certificate
over a strip of sponsors, a certified true copy, a poster with the name stacked in two lines,
and a seal whose rim carries the only date. Their misses may be looked at like the other tuning
sets'. Each function draws one provider's certificate for a Cert on a Pen, as in tuned.py.
"""

from __future__ import annotations

import csv
import math
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from reportlab.lib.colors import Color, black, white

from .fmt import (abbrev, cec, course_no, date_range, dmy, dmy_abbrev, hours_of, last_first, us, us_short, weekday,
                  written)
from .fresh import _barcode, _dashed, _fit, _polygon, _rotated, _stamp, _tick
from .fresh2 import _hand, _lines, _round_box
from .fresh3 import _clock, _event_days, _split
from .fresh4 import _NICK, _middle, _num, _outsider_id, _provider_courses, _star
from .model import registry
from .pen import GREY, LIGHT, Pen, font_for, initials
from .world import REFERENCE

LAYOUTS, layout = registry()


# ---------------------------------------------------------------- shared colours and helpers

INK = Color(0.07, 0.13, 0.48)           # a ballpoint's blue
RED = Color(0.72, 0.10, 0.12)
STAMP = Color(0.66, 0.12, 0.16)
OCEAN = Color(0.05, 0.33, 0.52)
MOSS = Color(0.27, 0.40, 0.16)
CHARCOAL = Color(0.18, 0.19, 0.21)
SAFFRON = Color(0.93, 0.62, 0.12)
MAGENTA = Color(0.62, 0.10, 0.42)
VIOLET = Color(0.40, 0.23, 0.72)
ORANGE = Color(0.90, 0.42, 0.10)
PAPER = Color(0.99, 0.98, 0.94)
TINT = Color(0.93, 0.93, 0.93)
PALE_BLUE = Color(0.90, 0.94, 0.99)
GREEN = Color(0.12, 0.55, 0.28)

# People who teach, sign, host, assess or witness, never certificants.
_STAFF = ("Lucinda Ferreira-Banks", "Octavian Pruitt", "Haruka Lindgren", "Emrys Caldwell", "Philippa Oyelowo",
          "Radomir Kessler")

_DESCRIPTIONS = (
    "Evidence-based progressions, coaching cues and regressions for every client, with practical labs.",
    "Screening, programme design and safe progression, with case studies drawn from real studios.",
    "A practical course of short lectures and supervised practice, closed by a written assessment.",
    "Current research made usable on the gym floor: assessment, planning and communication with clients.",
    "Hands-on sessions and video analysis; participants leave with templates they can use the next day.",
    "Principles, common errors and teaching points, with a take-home manual and an online quiz.",
)


def _staff(c, k: int = 0) -> str:
    return _STAFF[(c.seed + k) % len(_STAFF)]


def _nick(c) -> str | None:
    return _NICK.get(c.person.first)


def _slug(c) -> str:
    return c.course.provider.split()[0].lower()


def _phone(c, k: int = 0) -> str:
    return f"({200 + (c.seed + 37 * k) % 700}) 555-01{(c.seed // (k + 1)) % 90 + 10}"


def _sub(p, w: float, h: float) -> Pen:
    """A pen over a region W x H of P's page (the caller moves, turns or scales the canvas to it)."""
    q = Pen.__new__(Pen)
    q.c, q.w, q.h, q.rng, q.face, q.size = p.c, w, h, p.rng, p.face, p.size
    return q


@lru_cache(maxsize=1)
def _approvals() -> dict[str, tuple[date, date | None]]:
    with (REFERENCE / "courses.csv").open(newline="", encoding="utf-8") as f:
        return {r["course_number"]: (date.fromisoformat(r["approved_from"]),
                                     date.fromisoformat(r["approved_to"]) if r["approved_to"] else None)
                for r in csv.DictReader(f)}


def _arc(p, cx: float, cy: float, radius: float, s: str, face: str, size: float, top: bool = True,
         colour=black) -> None:
    """S set on a circle about (cx, cy): over the top reading clockwise, or under the bottom reading anticlockwise."""
    cv = p.c
    span = p.width(s, face, size) / radius
    a = math.pi / 2 + span / 2 if top else -math.pi / 2 - span / 2
    for ch in s:
        step = p.width(ch, face, size) / radius
        mid = a - step / 2 if top else a + step / 2
        cv.saveState()
        if top:
            cv.translate(cx + radius * math.cos(mid), cy + radius * math.sin(mid))
            cv.rotate(math.degrees(mid) - 90)
        else:
            cv.translate(cx + (radius + size * 0.7) * math.cos(mid), cy + (radius + size * 0.7) * math.sin(mid))
            cv.rotate(math.degrees(mid) + 90)
        cv.setFont(font_for(face, ch), size)
        cv.setFillColor(colour)
        cv.drawCentredString(0, 0, ch)
        cv.restoreState()
        a = a - step if top else a + step


def _ring(p, x: float, y: float, rx: float, ry: float, colour=INK, width: float = 1.3) -> None:
    """A hand-drawn ellipse round a printed value (an assessor's circle)."""
    cv = p.c
    cv.saveState()
    cv.setStrokeColor(colour)
    cv.setLineWidth(width)
    cv.ellipse(x - rx, y - ry, x + rx, y + ry, stroke=1, fill=0)
    cv.restoreState()


def _bubble(p, x: float, y: float, r: float = 5, filled: bool = False) -> None:
    cv = p.c
    cv.setLineWidth(0.7)
    cv.setFillColor(CHARCOAL if filled else white)
    cv.circle(x, y, r, stroke=1, fill=1)
    cv.setFillColor(black)


def _moodle(dt: datetime) -> str:
    """`Saturday, 14 June 2025, 10:41 AM`"""
    return f"{dt:%A}, {dt.day} {dt:%B} {dt.year}, {_clock(dt.hour * 60 + dt.minute)}"


def _nl(d) -> str:
    """`14-06-2025` (Dutch: day first, with hyphens)"""
    return f"{d:%d-%m-%Y}"


def _uk(d) -> str:
    """`14/06/2025` (British: day first)"""
    return f"{d:%d/%m/%Y}"


def _years_on(d, n: int):
    """The day before D's anniversary N years on (a certificate valid N years from D)."""
    try:
        return d.replace(year=d.year + n) - timedelta(days=1)
    except ValueError:          # 29 February
        return date(d.year + n, 2, 28)


def _from_to(start, end) -> str:
    """`from 13 to 15 June 2025`, `from 30 April to 2 May 2026`, or `on 8 November 2025`."""
    if start == end:
        return f"on {dmy(end)}"
    if start.month == end.month:
        return f"from {start.day} to {end.day} {end:%B} {end.year}"
    return f"from {start.day} {start:%B} to {end.day} {end:%B} {end.year}"


def _weekday_range(start, end) -> str:
    """`Fri 13 – Sun 15 June 2025`, `Fri 31 Oct – Sat 1 Nov 2025`, or `Saturday 8 November 2025`."""
    if start == end:
        return f"{end:%A} {end.day} {end:%B} {end.year}"
    if start.month == end.month:
        return f"{start:%a} {start.day} \u2013 {end:%a} {end.day} {end:%B} {end.year}"
    return f"{start:%a} {start.day} {start:%b} \u2013 {end:%a} {end.day} {end:%b} {end.year}"


# ---------------------------------------------------------------- forms and records

@layout("form", evidence="id", units="cec")
def draw_catalogue_page_stamped(p, c):
    """A course catalogue page: five entries with approval periods, the completed one stamped with its date."""
    rng = c.rng("catalogue")
    d = c.completed
    courses = _provider_courses(c)
    if len(courses) > 5:
        mine = next(i for i, x in enumerate(courses) if x[0] == c.course.number)
        others = rng.sample([i for i in range(len(courses)) if i != mine], 4)
        courses = [courses[i] for i in sorted(others + [mine])]
    x = 46
    p.box(0, p.h - 74, p.w, 74, 0, fill=MOSS)
    p.text(x, p.h - 40, c.course.provider, "LiberationSans-Bold", 17, colour=white)
    p.text(x, p.h - 60, f"Course Catalogue and Credit Record \u00b7 {d.year}\u2013{d.year + 1} edition",
           "LiberationSans", 10.5, colour=white)
    p.text(p.w - x, p.h - 40, f"page {rng.randint(6, 24)}", "LiberationSans", 9, align="right", colour=white)
    y = p.h - 104
    p.text(x, y, "Participant name", "LiberationSans", 9)
    p.hline(x + 80, x + 300, y - 3, 0.5)
    _hand(p, x + 88, y, c.person.name, _fit(p, c.person.name, "LiberationSerif-Italic", 15, 205, 10))
    p.text(x + 318, y, "ACE cert. #", "LiberationSans", 9)
    p.hline(x + 372, p.w - x, y - 3, 0.5)
    _hand(p, x + 382, y, c.person.certificant_id, 15)
    p.text(x, y - 22, "Instructors stamp the course completed, with the date, on the participant's own copy of this "
           "page. CECs are ACE continuing education credits.", "LiberationSans-Italic", 8, colour=GREY)
    top = y - 40
    eh = min(104, (top - 60) / len(courses))
    formats = ("In person \u00b7 one day", "Online \u00b7 self-paced", "Live webinar \u00b7 two sessions",
               "Hybrid \u00b7 online and one practical day")
    stamp_at = None
    for k, (number, title, v) in enumerate(courses):
        ey = top - (k + 1) * eh
        p.box(x, ey + 4, p.w - 2 * x, eh - 8, 0.5, colour=LIGHT)
        p.text(x + 12, ey + eh - 26, title, "LiberationSerif-Bold", _fit(p, title, "LiberationSerif-Bold", 13.5, 330))
        p.text(x + 12, ey + eh - 42, f"ACE course no. {number}   \u00b7   {v} CECs   \u00b7   "
               f"{formats[(c.seed + k) % len(formats)]}", "LiberationSans", 9.5)
        for i, ln in enumerate(_lines(p, _DESCRIPTIONS[(c.seed + k) % len(_DESCRIPTIONS)], "LiberationSerif", 9,
                                      p.w - 2 * x - 200)[:2]):
            p.text(x + 12, ey + eh - 58 - i * 11, ln, "LiberationSerif", 9)
        start, end = _approvals()[number]
        approval = (f"ACE approval {start:%m/%Y} \u2013 {end:%m/%Y}" if end else
                    f"ACE-approved since {start:%B %Y}")
        p.text(x + 12, ey + 12, f"{approval}   \u00b7   fee ${rng.choice([89, 119, 149, 179, 229])}",
               "LiberationSans", 8, colour=GREY)
        if number == c.course.number:
            stamp_at = ey + eh / 2
    staff = _staff(c, 1)
    _stamp(p, p.w - x - 104, stamp_at, rng.uniform(-11, 7), STAMP, 2.2, (-84, -32, 168, 64, 6),
           (-79, -27, 158, 54, 4), (("COMPLETED", "Helvetica-Bold", 18, 5), (f"{d:%b %d %Y}".upper(), "Courier-Bold",
                                                                            14, -10),
                                    (f"INSTRUCTOR {initials(staff) or 'XX'}", "Helvetica-Bold", 6.5, -21)))
    p.text(x, 40, f"{c.course.provider} \u00b7 {_phone(c)} \u00b7 catalogue prices include course materials",
           "LiberationSans", 7.5, colour=GREY)


@layout("form", evidence="id", units="hours")
def draw_mentored_practicum_log(p, c):
    """Supervised practicum log: sessions with dates, hours and a mentor's initials, then the final sign-off date."""
    rng = c.rng("practicum")
    d = c.completed
    h = hours_of(c)
    parts = _split(h, max(1, min(6, math.ceil(h / 2))))
    rng.shuffle(parts)
    dates = [d]
    for _ in parts[1:]:
        dates.insert(0, dates[0] - timedelta(days=rng.randint(3, 9)))
    mentor = _staff(c, 2)
    x = 54
    p.text(x, p.h - 58, c.course.provider.upper(), "LiberationSansNarrow-Bold", 12, colour=OCEAN)
    p.text(x, p.h - 84, "Supervised Practicum Log", "LiberationSerif-Bold", 22)
    p.text(p.w - x, p.h - 58, "Form P-3", "LiberationSans", 9, align="right", colour=GREY)
    p.hline(x, p.w - x, p.h - 96, 1.2, OCEAN)
    full = f"{c.person.last}, {c.person.first} {_middle(c)}."
    info = [("Participant (last, first, MI)", full), ("ACE certification no.", c.person.certificant_id),
            ("Course", c.course.title), ("ACE course no.", course_no(c.course.number, "space")),
            ("Mentor", f"{mentor}, MS, ACE Certified Personal Trainer"),
            ("Log opened", us(dates[0] - timedelta(days=rng.randint(2, 10))))]
    y = p.h - 122
    for label, value in info:
        p.text(x, y, label, "LiberationSans", 9.5, colour=GREY)
        p.text(x + 170, y, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 11, p.w - 2 * x - 170))
        y -= 17
    acts = ["Observed client assessments", "Co-taught small-group session", "Programme design review",
            "Led warm-up and cool-down", "Supervised one-to-one session", "Case study discussion",
            "Taught a full session (assessed)"]
    rows = [["#", "Date", "Practicum activity", "Hours", "Mentor initials"]]
    for k, (dd, hh) in enumerate(zip(dates, parts), 1):
        rows.append([str(k), us(dd), acts[-1] if k == len(parts) else acts[(c.seed + k) % 6], str(hh), ""])
    widths = [28, 86, 250, 56, 84]
    top = y - 12
    bottom = p.table(x, top, widths, rows, row_h=22, face="LiberationSans", head_face="LiberationSans-Bold", size=9.5,
                     head_fill=TINT)
    ini = initials(mentor) or "M"
    for k in range(len(parts)):
        _hand(p, x + sum(widths[:4]) + 14 + rng.uniform(0, 10), top - (k + 2) * 22 + 6, ini, 13)
    p.text(x + sum(widths[:3]) - 6, bottom - 16, "Total practicum hours", "LiberationSans-Bold", 10, align="right")
    p.text(x + sum(widths[:3]) + 5, bottom - 16, str(h), "LiberationSans-Bold", 10)
    by = bottom - 150
    p.box(x, by, p.w - 2 * x, 116, 1.2, colour=OCEAN)
    p.text(x + 12, by + 98, "MENTOR'S FINAL SIGN-OFF", "LiberationSans-Bold", 10, colour=OCEAN)
    p.wrap(x + 12, by + 82, p.w - 2 * x - 24, f"I confirm that the participant completed all {h} contact hours of "
           "supervised practice logged above and met every requirement of the course.", "LiberationSans", 9.5, 12)
    p.text(x + 12, by + 42, "Date requirements completed:", "LiberationSans", 9.5)
    p.hline(x + 150, x + 260, by + 39, 0.5)
    _hand(p, x + 156, by + 42, us(d), 14)
    p.c.setStrokeColor(INK)
    p.signature(x + 290, by + 38, 160)
    p.c.setStrokeColor(black)
    p.text(x + 290, by + 26, f"{mentor}, mentor", "LiberationSans", 8)
    p.text(x + 12, by + 12, "Ten contact hours equal one ACE continuing education credit (CEC).", "LiberationSans",
           8, colour=GREY)
    p.text(x, 44, "Keep the original; send a copy with your renewal. Logs without a final sign-off earn no credit.",
           "LiberationSans-Italic", 8, colour=GREY)


@layout("lms", evidence="email", units="cec")
def draw_quiz_review_attempt(p, c):
    """A quiz attempt's review page printed: 'Started on', 'Completed on' (sometimes the next day), grade."""
    rng = c.rng("quiz")
    d = c.completed
    if rng.random() < 0.4:
        started = datetime.combine(d - timedelta(days=1), time(23, rng.randint(28, 54)))
        done = datetime.combine(d, time(0, rng.randint(6, 44)))
    else:
        started = datetime.combine(d, time(rng.randint(8, 19), rng.randint(0, 29)))
        done = started + timedelta(minutes=rng.randint(22, 29), seconds=rng.randint(0, 59))
    taken = done - started
    marks = rng.randint(8, 10)
    x = 36
    pr = c.printed
    p.text(x, p.h - 22, f"{us_short(pr)}, {rng.randint(1, 11)}:{rng.randint(10, 59)} PM", "LiberationSans", 8)
    p.text(p.w / 2, p.h - 22, "Final quiz: Review of attempt 1", "LiberationSans", 8, align="centre")
    p.box(x, p.h - 74, p.w - 2 * x, 40, 0, fill=CHARCOAL)
    p.text(x + 12, p.h - 59, f"{c.course.provider} \u00b7 Learn", "LiberationSans-Bold", 13, colour=white)
    p.c.setFillColor(SAFFRON)
    p.c.circle(p.w - x - 22, p.h - 54, 11, stroke=0, fill=1)
    p.text(p.w - x - 22, p.h - 58, (c.person.first[:1] + c.person.last[:1]).upper(), "LiberationSans-Bold", 9,
           align="centre", colour=white)
    p.text(p.w - x - 40, p.h - 52, c.person.name, "LiberationSans", 9.5, align="right", colour=white)
    p.text(p.w - x - 40, p.h - 64, c.person.email, "LiberationSans", 7.5, align="right", colour=LIGHT)
    short = "".join(w[0] for w in c.course.title.split() if w[0].isalpha()).upper()[:5]
    p.text(x, p.h - 94, f"Home / My courses / {short}-{d.year % 100} / Final assessment / Review", "LiberationSans",
           8.5, colour=OCEAN)
    p.text(x, p.h - 124, c.course.title, "LiberationSans-Bold", _fit(p, c.course.title, "LiberationSans-Bold", 19,
                                                                      p.w - 2 * x, 11))
    p.text(x, p.h - 144, "Final quiz", "LiberationSans", 12, colour=GREY)
    mins, secs = divmod(int(taken.total_seconds()), 60)
    rows = [("Started on", _moodle(started)), ("State", "Finished"), ("Completed on", _moodle(done)),
            ("Time taken", f"{mins} mins {secs} secs"), ("Marks", f"{marks}.00/10.00"),
            ("Grade", f"{marks * 10}.00 out of 100.00")]
    y = p.h - 170
    lw = 130
    for label, value in rows:
        p.box(x, y - 24, lw, 24, 0.4, colour=LIGHT, fill=TINT)
        p.box(x + lw, y - 24, p.w - 2 * x - lw, 24, 0.4, colour=LIGHT)
        p.text(x + lw - 8, y - 16, label, "LiberationSans-Bold", 9.5, align="right")
        p.text(x + lw + 8, y - 16, value, "LiberationSans", 10)
        y -= 24
    fh = 64
    p.box(x, y - fh, lw, fh, 0.4, colour=LIGHT, fill=TINT)
    p.box(x + lw, y - fh, p.w - 2 * x - lw, fh, 0.4, colour=LIGHT)
    p.text(x + lw - 8, y - 16, "Feedback", "LiberationSans-Bold", 9.5, align="right")
    p.wrap(x + lw + 8, y - 16, p.w - 2 * x - lw - 16, f"Passed \u2014 well done! You have completed the course. "
           f"This course is approved by ACE as course {course_no(c.course.number, 'plain')} for {cec(c.ceus)} CECs; "
           f"your certificate of completion has been emailed to {c.person.email}.", "LiberationSans", 9.5, 12.5)
    y -= fh + 34
    p.text(x, y, "Quiz navigation", "LiberationSans-Bold", 10)
    wrong = set(rng.sample(range(10), 10 - marks))
    for k in range(10):
        bx = x + k * 30
        p.box(bx, y - 34, 24, 24, 0.6, colour=GREY)
        p.box(bx, y - 34, 24, 5, 0, colour=RED if k in wrong else GREEN, fill=RED if k in wrong else GREEN)
        p.text(bx + 12, y - 22, str(k + 1), "LiberationSans", 9, align="centre")
    p.text(x, y - 52, "Show one page at a time  \u00b7  Finish review", "LiberationSans", 8.5, colour=OCEAN)
    p.text(x, 22, f"https://learn.{_slug(c)}.example/mod/quiz/review.php?attempt={rng.randint(10000, 99999)}"
           f"&cmid={rng.randint(100, 999)}", "LiberationSans", 8)
    p.text(p.w - x, 22, "1/1", "LiberationSans", 8, align="right")


@layout("table", evidence="id", units="hours")
def draw_rotated_column_headers(p, c):
    """Landscape completion report: one record under column headings set on end; registered, completed, issued."""
    p.landscape()
    rng = c.rng("turned")
    d = c.completed
    h = hours_of(c)
    x = 36
    p.text(x, p.h - 48, c.course.provider, "LiberationSans-Bold", 15)
    p.text(x, p.h - 66, "Continuing Education \u2014 Completion Report (participant extract)", "LiberationSans", 10.5)
    p.text(p.w - x, p.h - 48, f"Report CE-R12  \u00b7  run {us(c.printed)}", "LiberationSans", 9, align="right")
    p.text(p.w - x, p.h - 62, f"Selection: record {_num(c, 'record', 100000, 999999)}", "LiberationSans", 9,
           align="right", colour=GREY)
    registered = d - timedelta(days=rng.randint(12, 70))
    heads = ["Record no.", "ACE certification no.", "Participant (last, first)", "Course title", "ACE course no.",
             "Date registered", "Date completed", "Certificate issued", "Contact hours", "CEC equivalent"]
    vals = [str(_num(c, "record", 100000, 999999)), c.person.certificant_id, last_first(c.person), c.course.title,
            course_no(c.course.number, "plain"), us(registered), us(d), us(c.issued), str(h), cec(c.ceus)]
    widths = [58, 60, 134, 160, 70, 62, 62, 62, 26, 26]
    widths[3] = p.w - 2 * x - sum(widths) + widths[3]
    top, hh, rh = p.h - 90, 112, 34
    p.box(x, top - hh, sum(widths), hh, 0, fill=TINT)
    cx = x
    for w, head, val in zip(widths, heads, vals):
        _rotated(p, cx + w / 2 + 3, top - hh + 6, head, "LiberationSans-Bold", 8.5, 90)
        size = 9
        lines = _lines(p, val, "LiberationSans", size, w - 8)
        if len(lines) > 2:
            size = 7.5
            lines = _lines(p, val, "LiberationSans", size, w - 8)[:3]
        for i, ln in enumerate(lines):
            p.text(cx + 4, top - hh - 13 - i * (size + 2), ln, "LiberationSans", _fit(p, ln, "LiberationSans", size,
                                                                                   w - 6, 5.5))
        cx += w
    p.c.setLineWidth(0.7)
    for yy in (top, top - hh, top - hh - rh):
        p.c.line(x, yy, x + sum(widths), yy)
    cx = x
    for w in [0] + widths:
        cx += w
        p.c.line(cx, top, cx, top - hh - rh)
    y = top - hh - rh - 24
    p.text(x, y, "1 record selected.  Contact hours are hours of instruction attended; ten contact hours are one ACE "
           "continuing education credit (CEC).", "LiberationSans", 9)
    p.text(x, y - 14, "Certificates are issued after the date completed; registration dates are the day the "
           "participant enrolled.", "LiberationSans", 9, colour=GREY)
    p.text(x, 34, f"{c.course.provider} \u00b7 registrar's office \u00b7 {_phone(c)}", "LiberationSans", 8, colour=GREY)
    p.text(p.w - x, 34, "Page 1 of 1", "LiberationSans", 8, align="right", colour=GREY)


@layout("form", evidence="id", units="cec", extra={"birth": True})
def draw_enrolment_form_completed_stamp(p, c):
    """Home-study enrolment form filled in by hand (birth, enrolment dates); the completion only in a red stamp."""
    rng = c.rng("enrol")
    d = c.completed
    enrolled = d - timedelta(days=rng.randint(21, 75))
    shipped = enrolled + timedelta(days=rng.randint(1, 4))
    x = 50
    p.logo(x, p.h - 86, initials(c.course.provider) or "HS", 38, "circle")
    p.text(x + 50, p.h - 64, c.course.provider, "LiberationSerif-Bold", 16)
    p.text(x + 50, p.h - 80, "Home Study Enrolment Form", "LiberationSerif-Italic", 12)
    p.text(p.w - x, p.h - 64, "Please print clearly", "LiberationSans", 8.5, align="right", colour=GREY)
    p.text(p.w - x, p.h - 76, "Mail or fax to the address below", "LiberationSans", 8.5, align="right", colour=GREY)
    p.hline(x, p.w - x, p.h - 96, 1)

    def line(fx, fy, w, label, value, size=14):
        p.text(fx, fy, label, "LiberationSans", 8)
        p.hline(fx, fx + w, fy + 10, 0.5)
        if value:
            _hand(p, fx + 6, fy + 14, value, _fit(p, value, "LiberationSerif-Italic", size, w - 10, 9))

    full = p.w - 2 * x
    y = p.h - 140
    p.text(x, y + 34, "1. ABOUT YOU", "LiberationSans-Bold", 9.5)
    line(x, y, full * 0.6, "Name (LAST, First)", last_first(c.person, upper=True))
    line(x + full * 0.64, y, full * 0.36, "Date of birth (MM/DD/YYYY)", us(c.person.birth))
    y -= 40
    line(x, y, full * 0.45, "ACE certification number", c.person.certificant_id)
    line(x + full * 0.49, y, full * 0.51, "Daytime phone", _phone(c, 3))
    y -= 40
    street = rng.choice(["Elm St", "Birch Ln", "Cedar Ave", "Park Rd"])
    town = rng.choice(["Fresno, CA", "Dayton, OH", "Boise, ID", "Albany, NY"])
    line(x, y, full, "Mailing address", f"{rng.randint(12, 9800)} {street}, {town}")
    y -= 52
    p.text(x, y + 34, "2. COURSE", "LiberationSans-Bold", 9.5)
    line(x, y, full * 0.7, "Course title", c.course.title)
    line(x + full * 0.74, y, full * 0.26, "ACE course no.", course_no(c.course.number, "plain"))
    y -= 40
    p.text(x, y + 12, "Format:", "LiberationSans", 9)
    for k, f in enumerate(("Printed manual", "eBook", "Manual + DVD")):
        _tick(p, x + 50 + k * 120, y + 11, 9, k == c.seed % 3)
        p.text(x + 64 + k * 120, y + 12, f, "LiberationSans", 9)
    y -= 44
    p.text(x, y + 34, "3. PAYMENT AND SIGNATURE", "LiberationSans-Bold", 9.5)
    line(x, y, full * 0.35, "Card ending", str(rng.randint(1000, 9999)))
    line(x + full * 0.39, y, full * 0.25, "Amount", f"${rng.choice([99, 129, 149, 169])}.00")
    line(x + full * 0.68, y, full * 0.32, "Date of enrolment", us(enrolled))
    y -= 46
    p.text(x, y, "Signature", "LiberationSans", 8)
    p.c.setStrokeColor(INK)
    p.signature(x + 50, y - 2, 170)
    p.c.setStrokeColor(black)
    oy = 80
    p.box(x, oy, full, 150, 1.2, fill=TINT)
    p.text(x + 10, oy + 134, "FOR OFFICE USE ONLY", "LiberationSans-Bold", 9)
    office = [("Order no.", f"HS{rng.randint(100000, 999999)}"), ("Materials shipped", us(shipped)),
              ("Exam received", us(d - timedelta(days=rng.randint(1, 5))))]
    for k, (label, value) in enumerate(office):
        p.text(x + 10, oy + 110 - k * 22, label, "LiberationSans", 9)
        p.text(x + 110, oy + 110 - k * 22, value, "Courier", 10.5)
    p.text(x + 10, oy + 18, "Completed when the examination is graded and passed: see stamp.", "LiberationSans-Italic",
           8, colour=GREY)
    grader = _staff(c, 3)
    _stamp(p, x + full - 120, oy + 78, rng.uniform(-9, -3), STAMP, 2.4, (-96, -46, 192, 92, 6), (-91, -41, 182, 82, 4),
           (("COURSE COMPLETED", "Helvetica-Bold", 15, 22), (f"{d:%b %d %Y}".upper(), "Courier-Bold", 16, 2),
            (f"CECs AWARDED  {cec(c.ceus)}", "Helvetica-Bold", 10, -16),
            (f"GRADED BY {grader.split()[-1].upper()}", "Helvetica", 7, -31)),
           rule=(-91, 17, 91, 17))
    p.text(x, 50, f"{c.course.provider} \u00b7 Home Study Office \u00b7 fax {_phone(c, 5)}", "LiberationSans", 8,
           colour=GREY)


@layout("table", evidence="id", units="cec")
def draw_proctored_exam_score_report(p, c):
    """Testing centre score report: booking date and eligibility window beside the exam date, a scaled score."""
    rng = c.rng("proctor")
    d = c.completed
    booked = d - timedelta(days=rng.randint(10, 45))
    window = d - timedelta(days=rng.randint(50, 90))
    score = rng.randint(540, 760)
    x = 50
    p.box(0, p.h - 86, p.w, 86, 0, fill=CHARCOAL)
    p.text(x, p.h - 46, "TestPoint Assessment Centers", "DejaVuSans-Bold", 17, colour=white)
    p.text(x, p.h - 66, f"Candidate Score Report \u00b7 on behalf of {c.course.provider}", "DejaVuSans", 10,
           colour=LIGHT)
    p.text(p.w - x, p.h - 46, f"Report date {us(c.issued)}", "DejaVuSans", 9, align="right", colour=white)
    p.text(x, p.h - 118, f"{c.course.title} \u2014 final examination", "DejaVuSans-Bold",
           _fit(p, f"{c.course.title} \u2014 final examination", "DejaVuSans-Bold", 15, p.w - 2 * x, 10))
    left = [("Candidate name", f"{c.person.first} {_middle(c)}. {c.person.last}"),
            ("Candidate ID", f"TP{rng.randint(10**6, 10**7 - 1)}"),
            ("ACE certification no.", c.person.certificant_id),
            ("Test centre", f"Center {rng.randint(1000, 9999)} \u2014 "
                            f"{rng.choice(['Columbus, OH', 'Reno, NV', 'Tulsa, OK', 'Omaha, NE'])}")]
    right = [("Appointment booked", us(booked)),
             ("Eligibility window", f"{us(window)} \u2013 {us(window + timedelta(days=180))}"),
             ("Exam date", weekday(d)), ("Form", f"{rng.choice('ABCD')}{rng.randint(1, 9)}")]
    y = p.h - 146
    for (l1, v1), (l2, v2) in zip(left, right):
        p.text(x, y, l1, "DejaVuSans", 8, colour=GREY)
        p.text(x, y - 13, v1, "DejaVuSans-Bold", _fit(p, v1, "DejaVuSans-Bold", 10, 240, 7))
        p.text(x + 270, y, l2, "DejaVuSans", 8, colour=GREY)
        p.text(x + 270, y - 13, v2, "DejaVuSans-Bold", _fit(p, v2, "DejaVuSans-Bold", 10, p.w - 2 * x - 270, 7))
        y -= 34
    y -= 6
    p.box(x, y - 88, p.w - 2 * x, 88, 1.2)
    p.text(x + 14, y - 24, f"Scaled score {score}", "DejaVuSans-Bold", 16)
    p.text(x + 220, y - 24, "Passing score 500", "DejaVuSans", 11)
    p.text(p.w - x - 14, y - 24, "RESULT: PASS", "DejaVuSans-Bold", 16, align="right")
    lo, hi = 200, 800
    bx, bw = x + 30, p.w - 2 * x - 60
    p.box(bx, y - 62, bw, 10, 0.6, fill=TINT)
    p.box(bx, y - 62, bw * (score - lo) / (hi - lo), 10, 0, fill=GREY)
    pass_x = bx + bw * (500 - lo) / (hi - lo)
    p.c.setLineWidth(1.5)
    p.c.line(pass_x, y - 66, pass_x, y - 48)
    for v in (200, 500, 800):
        p.text(bx + bw * (v - lo) / (hi - lo), y - 78, str(v), "DejaVuSans", 7, align="centre", colour=GREY)
    y -= 116
    p.text(x, y, "Performance by content domain", "DejaVuSans-Bold", 11)
    domains = ["Client assessment", "Programme design", "Exercise technique and coaching", "Safety and professional "
               "responsibility"]
    levels = ["Below passing standard", "Near passing standard", "Above passing standard"]
    y -= 22
    for dom in domains:
        lvl = rng.choice([1, 2, 2, 2])
        p.text(x, y, dom, "DejaVuSans", 9.5)
        for k in range(3):
            p.box(x + 240 + k * 48, y - 3, 44, 12, 0.5, fill=GREY if k <= lvl else None)
        p.text(x + 240 + 3 * 48 + 6, y, levels[lvl], "DejaVuSans", 7.5, colour=GREY)
        y -= 22
    y -= 12
    p.box(x, y - 62, p.w - 2 * x, 62, 0, fill=PALE_BLUE)
    p.wrap(x + 12, y - 18, p.w - 2 * x - 24, f"Passing this examination completes {c.course.title}, approved by the "
           f"American Council on Exercise as course {course_no(c.course.number, 'hyphen')} for {cec(c.ceus)} CECs. "
           "The date of completion is the exam date above.", "DejaVuSans", 9.5, 13)
    p.text(x, 46, "Score reports are final. A candidate who does not pass may retest after 30 days.", "DejaVuSans", 7.5,
           colour=GREY)


@layout("form", evidence="id", units="cec")
def draw_evaluation_form_likert(p, c):
    """Course evaluation and credit claim: course details printed, six rows of filled bubbles, comments by hand."""
    rng = c.rng("evaluation")
    d = c.completed
    x = 50
    p.box(x, p.h - 92, p.w - 2 * x, 48, 0, fill=VIOLET)
    p.text(x + 14, p.h - 66, "Course Evaluation and Credit Claim", "LiberationSans-Bold", 17, colour=white)
    p.text(x + 14, p.h - 82, c.course.provider, "LiberationSans", 10, colour=white)
    p.text(x, p.h - 116, "A. YOUR COURSE (printed from our records)", "LiberationSans-Bold", 9.5, colour=VIOLET)
    info = [("Participant", c.person.name), ("ACE certification no.", c.person.certificant_id),
            ("Course", c.course.title), ("ACE course no.", course_no(c.course.number, "hyphen")),
            ("Date course completed", written(d)), ("ACE CECs", cec(c.ceus)),
            ("Instructor", _staff(c, 4))]
    y = p.h - 136
    for label, value in info:
        p.text(x, y, label, "LiberationSans", 9.5, colour=GREY)
        p.text(x + 140, y, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 10.5, p.w - 2 * x - 140))
        y -= 16
    y -= 14
    p.text(x, y, "B. YOUR VIEWS (fill one circle a row)", "LiberationSans-Bold", 9.5, colour=VIOLET)
    scale = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]
    items = ["The objectives were clear", "The content was current and evidence-based",
             "The instructor knew the subject", "The practical work was useful",
             "I can use what I learned with clients", "The venue or platform worked well"]
    sx, col = x + 250, (p.w - 2 * x - 250) / 5
    y -= 16
    for k, s in enumerate(scale):
        for i, ln in enumerate(_lines(p, s, "LiberationSans", 7.5, col - 4)):
            p.text(sx + col * k + col / 2, y - i * 9, ln, "LiberationSans", 7.5, align="centre")
    y -= 26
    for item in items:
        p.text(x, y - 3, item, "LiberationSans", 9.5)
        pick = rng.choice([3, 4, 4, 3, 2])
        for k in range(5):
            _bubble(p, sx + col * k + col / 2, y, 5, k == pick)
        p.hline(x, p.w - x, y - 10, 0.3, LIGHT)
        y -= 22
    y -= 10
    p.text(x, y, "C. COMMENTS", "LiberationSans-Bold", 9.5, colour=VIOLET)
    for k in range(3):
        p.hline(x, p.w - x, y - 22 - k * 20, 0.4, GREY)
    notes = ["Great practical examples - more time", "for the case studies next time please!"]
    for k, s in enumerate(notes):
        _hand(p, x + 6, y - 19 - k * 20, s, 13)
    y -= 96
    p.box(x, y - 52, p.w - 2 * x, 60, 0.8)
    p.text(x + 10, y - 6, "OFFICE USE", "LiberationSans-Bold", 8, colour=GREY)
    p.text(x + 10, y - 24, f"Evaluation received {us(c.issued)}", "LiberationSans", 9.5)
    p.text(x + 210, y - 24, f"Certificate mailed {us(c.printed)}", "LiberationSans", 9.5)
    p.text(x + 10, y - 42, "CECs are credited only when this evaluation is returned.", "LiberationSans-Italic", 8.5)
    p.text(x, 40, f"Form EV-{rng.randint(2, 9)} \u00b7 {c.course.provider}", "LiberationSans", 7.5, colour=GREY)


@layout("form", evidence="name", units="cec")
def draw_practical_rubric_circled_scores(p, c):
    """Practical teaching assessment: a rubric with scores circled by hand, the assessor's own ACE number, a total."""
    rng = c.rng("rubric")
    d = c.completed
    assessor = _staff(c, 5)
    booked = d - timedelta(days=rng.randint(8, 30))
    x = 48
    p.text(x, p.h - 56, c.course.provider, "DejaVuSerif-Bold", 15)
    p.text(x, p.h - 80, "Practical Teaching Assessment", "DejaVuSans-Bold", 19)
    p.hline(x, p.w - x, p.h - 92, 1.5)
    info = [("Candidate", last_first(c.person, upper=True)), ("Course", c.course.title),
            ("ACE course number", course_no(c.course.number, "space")), ("Assessment booked", us(booked)),
            ("Date assessed (course completed on passing)", us(d)),
            ("Assessor", f"{assessor} (ACE certification #{_outsider_id(c, 'assessor')})")]
    y = p.h - 114
    for label, value in info:
        p.text(x, y, label, "DejaVuSans", 8.5, colour=GREY)
        p.text(x + 236, y, value, "DejaVuSans-Bold", _fit(p, value, "DejaVuSans-Bold", 10, p.w - 2 * x - 236, 7))
        y -= 16
    criteria = ["Screening and welcome", "Warm-up appropriate to the group", "Demonstration and teaching points",
                "Cueing and corrections", "Progressions and regressions offered", "Safety and cool-down"]
    heads = ["Criterion", "1 Not yet", "2 Developing", "3 Competent", "4 Excellent"]
    widths = [216, 74, 74, 74, 78]
    top = y - 16
    rows = [heads] + [[k, "", "", "", ""] for k in criteria]
    rh = 30
    bottom = p.table(x, top, widths, rows, row_h=rh, face="DejaVuSans", head_face="DejaVuSans-Bold", size=8.5,
                     head_fill=TINT)
    scores = [rng.choice([3, 3, 4, 4, 3, 2]) for _ in criteria]
    while sum(scores) < 16:                 # a pass: the pass mark is 15
        scores[scores.index(min(scores))] += 1
    total = sum(scores)
    for i, score in enumerate(scores):
        for k in range(4):
            cx = x + sum(widths[:k + 1]) + widths[k + 1] / 2
            cy = top - (i + 2) * rh + rh / 2 - 3
            p.text(cx, cy, str(k + 1), "DejaVuSans", 12, align="centre")
            if k + 1 == score:
                _ring(p, cx + 0.5, cy + 4, 13 + rng.uniform(-1, 2), 10 + rng.uniform(-1, 1.5))
    y = bottom - 26
    p.text(x, y, "Total score", "DejaVuSans-Bold", 11)
    p.text(x + 100, y, "/ 24", "DejaVuSans", 11)
    _hand(p, x + 80, y + 1, str(total), 17, INK)
    p.text(x + 170, y, "Pass mark 15 \u2014 every criterion at 2 or above", "DejaVuSans", 9, colour=GREY)
    y -= 30
    p.text(x, y, "Result:", "DejaVuSans-Bold", 11)
    p.text(x + 60, y, "COMPETENT \u2014 course requirements met", "DejaVuSans-Bold", 11)
    _ring(p, x + 60 + p.width("COMPETENT", "DejaVuSans-Bold", 11) / 2, y + 4, 42, 12)
    p.text(x, y - 20, f"ACE CECs awarded for the course: {cec(c.ceus)}", "DejaVuSans", 10.5)
    p.text(x, y - 40, "Reassessment date (only if not yet competent):", "DejaVuSans", 9, colour=GREY)
    p.hline(x + 232, x + 340, y - 42, 0.5)
    p.c.setStrokeColor(INK)
    p.signature(x, 96, 160)
    p.signature(p.w - x - 170, 96, 160)
    p.c.setStrokeColor(black)
    p.text(x, 84, "Candidate", "DejaVuSans", 8)
    p.text(p.w - x - 170, 84, f"{assessor}, assessor", "DejaVuSans", 8)
    p.text(x, 44, "Candidates keep the top copy; the assessor returns the second copy to the provider.", "DejaVuSans",
           7.5, colour=GREY)


@layout("form", evidence="id", units="hours")
def draw_workshop_daily_signoff(p, c):
    """A course taught as a workshop over days: a daily sign-in with times, hours and initials, then the range."""
    rng = c.rng("signoff")
    d = c.completed
    h = hours_of(c)
    n = max(1, min(3, h // 3))
    days = [d - timedelta(days=n - 1 - k) for k in range(n)]
    hours = _split(h, n)
    instructor = _staff(c, 0)
    nick = _nick(c)
    name = f"{c.person.last.upper()}, {c.person.first}" + (f' "{nick}"' if nick else "")
    x = 52
    p.box(0, 0, 16, p.h, 0, fill=ORANGE)
    p.text(x, p.h - 56, c.course.provider, "LiberationSansNarrow-Bold", 15)
    p.text(x, p.h - 84, "Workshop Attendance Sign-off", "LiberationSans-Bold", 20)
    p.text(x, p.h - 102, f"{c.course.title}  \u00b7  ACE course {course_no(c.course.number, 'hyphen')}",
           "LiberationSans", 11)
    p.text(x, p.h - 118, f"Workshop dates: {date_range(days[0], d)}", "LiberationSans-Bold", 11)
    p.hline(x, p.w - x, p.h - 130, 1, ORANGE)
    info = [("Participant", name), ("ACE certification no.", c.person.certificant_id),
            ("Registered", us(days[0] - timedelta(days=rng.randint(9, 50)))), ("Lead instructor", instructor)]
    y = p.h - 154
    for label, value in info:
        p.text(x, y, label, "LiberationSans", 10, colour=GREY)
        p.text(x + 150, y, value, "LiberationSans-Bold", 11)
        y -= 18
    heads = ["Day", "Date", "Time in", "Time out", "Contact hours", "Participant initials", "Instructor initials"]
    widths = [36, 92, 62, 62, 74, 92, 90]
    rows = [heads]
    for k, (dd, hh) in enumerate(zip(days, hours), 1):
        start = rng.choice([8 * 60, 8 * 60 + 30, 9 * 60])
        end = start + hh * 60 + (30 if hh >= 5 else 0)
        rows.append([str(k), f"{dd:%a} {us(dd)}", _clock(start), _clock(end), str(hh), "", ""])
    top = y - 14
    rh = 28
    bottom = p.table(x, top, widths, rows, row_h=rh, face="LiberationSans", head_face="LiberationSans-Bold", size=8.5,
                     head_fill=TINT)
    mine = (c.person.first[0] + c.person.last[0]).upper()
    theirs = initials(instructor) or "I"
    for k in range(n):
        ry = top - (k + 2) * rh + 8
        _hand(p, x + sum(widths[:5]) + 20 + rng.uniform(0, 10), ry, mine, 15)
        _hand(p, x + sum(widths[:6]) + 20 + rng.uniform(0, 10), ry, theirs, 15, Color(0.1, 0.1, 0.1))
    p.text(x + sum(widths[:4]) - 6, bottom - 18, "Total", "LiberationSans-Bold", 10, align="right")
    p.text(x + sum(widths[:4]) + 5, bottom - 18, f"{h} contact hours", "LiberationSans-Bold", 10)
    y = bottom - 60
    p.text(x, y, "Attended every day in full:", "LiberationSans", 10)
    _tick(p, x + 140, y - 1, 10, True)
    p.text(x + 156, y, "Yes", "LiberationSans", 10)
    _tick(p, x + 196, y - 1, 10, False)
    p.text(x + 212, y, "No", "LiberationSans", 10)
    p.wrap(x, y - 24, p.w - 2 * x, "The workshop is completed on its last day. Ten contact hours are one ACE "
           "continuing education credit. Keep this sign-off as your record of completion.", "LiberationSans", 9, 12)
    p.signature(x, 120, 170)
    p.text(x, 106, f"{instructor}, lead instructor", "LiberationSans", 8.5)
    p.text(p.w - x, 106, f"Sign-off filed {us(c.issued)}", "LiberationSans", 8.5, align="right")


# ---------------------------------------------------------------- screens and exports

@layout("lms", evidence="id", units="cec")
def draw_sms_thread_screenshot(p, c):
    """A text-message thread printed from a phone: a reminder, then the certificate text greeting a nickname."""
    rng = c.rng("sms")
    d = c.completed
    short = c.course.provider.split()[0] + "CE"
    pw, ph = 300, 610
    px, py = (p.w - pw) / 2, (p.h - ph) / 2 - 14
    p.text(p.w / 2, p.h - 34, f"IMG_{rng.randint(1000, 9999)}.PNG", "LiberationSans", 9, align="centre", colour=GREY)
    _round_box(p, px, py, pw, ph, 24, 1.2, colour=GREY, fill=white)
    top = py + ph
    p.text(px + 24, top - 22, f"{rng.randint(8, 11)}:{rng.randint(10, 59)}", "LiberationSans-Bold", 10)
    p.text(px + pw - 24, top - 22, "LTE", "LiberationSans-Bold", 9, align="right")
    p.box(px, top - 84, pw, 50, 0, colour=TINT, fill=TINT)
    p.c.setFillColor(GREY)
    p.c.circle(px + pw / 2, top - 52, 11, stroke=0, fill=1)
    p.text(px + pw / 2, top - 56, short[:2].upper(), "LiberationSans-Bold", 8, align="centre", colour=white)
    p.text(px + pw / 2, top - 76, f"{short} ({_phone(c)[1:4]}) 555-01{c.seed % 90 + 10}", "LiberationSans", 8.5,
           align="centre")
    p.text(px + 14, top - 60, "\u2039", "LiberationSans", 22, colour=OCEAN)
    hello = _nick(c) or c.person.first
    before = d - timedelta(days=rng.randint(1, 3))
    msgs = [
        ("time", f"{before:%a}, {before:%b} {before.day} at {rng.randint(3, 6)}:{rng.randint(10, 59)} PM"),
        ("in", f"{c.course.provider}: reminder \u2014 {c.course.title} is on {d:%A} at 9:00 AM. Bring water "
               "and a towel. Reply STOP to opt out."),
        ("out", "Thanks, see you there!"),
        ("time", f"{c.issued:%a}, {c.issued:%b} {c.issued.day} at {rng.randint(9, 11)}:{rng.randint(10, 59)} AM"),
        ("in", f"Hi {hello}! Your certificate is ready. {c.person.name}, ACE ID {c.person.certificant_id}: "
               f"{c.course.title} (ACE course {course_no(c.course.number, 'plain')}), {cec(c.ceus)} CECs, "
               f"completed {us(d)}. Download: {_slug(c)}.example/c/{rng.randint(1000, 9999)}"),
        ("out", "Amazing, thank you!! Sending it to ACE now."),
    ]
    y = top - 104
    bw = pw - 90
    for kind, s in msgs:
        if kind == "time":
            p.text(px + pw / 2, y - 4, s, "LiberationSans", 7.5, align="centre", colour=GREY)
            y -= 20
            continue
        lines = _lines(p, s, "LiberationSans", 9.5, bw - 20)
        hgt = 12 * len(lines) + 12
        w = max(p.width(ln, "LiberationSans", 9.5) for ln in lines) + 20
        bx = px + 12 if kind == "in" else px + pw - 12 - w
        fill = Color(0.90, 0.90, 0.92) if kind == "in" else OCEAN
        _round_box(p, bx, y - hgt, w, hgt, 12, 0, colour=fill, fill=fill)
        for i, ln in enumerate(lines):
            p.text(bx + 10, y - 16 - i * 12, ln, "LiberationSans", 9.5, colour=black if kind == "in" else white)
        y -= hgt + 8
    p.text(px + pw - 14, y - 2, "Delivered", "LiberationSans", 7, align="right", colour=GREY)
    _round_box(p, px + 12, py + 16, pw - 24, 28, 14, 0.8, colour=LIGHT, fill=white)
    p.text(px + 26, py + 26, "Text Message", "LiberationSans", 9, colour=LIGHT)
    p.text(p.w / 2, 30, f"Printed {us(c.printed)}", "LiberationSans", 8, align="centre", colour=GREY)


@layout("lms", evidence="id", units="cec")
def draw_verification_portal_result(p, c):
    """A certificate-verification page printed: a search box with the certificate number, a VALID result card."""
    rng = c.rng("verify")
    cert_no = f"{initials(c.course.provider) or 'CE'}-{c.issued.year}-{rng.randint(10000, 99999)}"
    x = 40
    p.box(0, p.h - 40, p.w, 40, 0, fill=TINT)
    _round_box(p, x, p.h - 32, p.w - 2 * x, 22, 11, 0.6, colour=GREY, fill=white)
    p.text(x + 14, p.h - 25, f"https://verify.{_slug(c)}.example/certificates?number={cert_no}", "LiberationSans", 9)
    p.text(x, p.h - 74, c.course.provider, "LiberationSans-Bold", 15, colour=OCEAN)
    p.text(p.w - x, p.h - 74, "Verify  \u00b7  Courses  \u00b7  Help", "LiberationSans", 9.5, align="right",
           colour=OCEAN)
    p.hline(x, p.w - x, p.h - 86, 0.6, LIGHT)
    p.text(x, p.h - 122, "Verify a certificate", "LiberationSans-Bold", 22)
    p.text(x, p.h - 142, "Enter the certificate number printed at the foot of the certificate.", "LiberationSans", 10,
           colour=GREY)
    p.box(x, p.h - 184, 300, 28, 0.8, colour=GREY)
    p.text(x + 10, p.h - 174, cert_no, "LiberationMono", 11)
    _round_box(p, x + 312, p.h - 184, 90, 28, 4, 0, colour=OCEAN, fill=OCEAN)
    p.text(x + 357, p.h - 174, "Verify", "LiberationSans-Bold", 11, align="centre", colour=white)
    cy = p.h - 216
    ch = 330
    _round_box(p, x, cy - ch, p.w - 2 * x, ch, 8, 1, colour=GREEN)
    p.c.setFillColor(GREEN)
    p.c.circle(x + 34, cy - 34, 15, stroke=0, fill=1)
    p.c.setStrokeColor(white)
    p.c.setLineWidth(2.5)
    p.c.line(x + 26, cy - 34, x + 32, cy - 41)
    p.c.line(x + 32, cy - 41, x + 43, cy - 27)
    p.c.setStrokeColor(black)
    p.text(x + 60, cy - 30, "VALID CERTIFICATE", "LiberationSans-Bold", 15, colour=GREEN)
    p.text(x + 60, cy - 46, "This certificate was issued by us and has not been withdrawn.", "LiberationSans", 9.5)
    rows = [("Certificate number", cert_no), ("Holder", c.person.name),
            ("ACE certification no.", c.person.certificant_id), ("Course", c.course.title),
            ("ACE course number", course_no(c.course.number, "space")), ("Date of completion", abbrev(c.completed)),
            ("Date issued", abbrev(c.issued)), ("Valid through", abbrev(c.expires)), ("ACE CECs", cec(c.ceus))]
    y = cy - 82
    for label, value in rows:
        p.text(x + 24, y, label, "LiberationSans", 10, colour=GREY)
        p.text(x + 190, y, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 11, p.w - 2 * x - 210))
        p.hline(x + 24, p.w - x - 24, y - 8, 0.3, LIGHT)
        y -= 26
    t = c.printed
    p.text(x, cy - ch - 26, f"Checked on {weekday(t)} at {rng.randint(1, 11)}:{rng.randint(10, 59)} PM (Mountain "
           "time). Results reflect our records at that moment.", "LiberationSans", 8.5, colour=GREY)
    p.text(x, 22, f"verify.{_slug(c)}.example", "LiberationSans", 8)
    p.text(p.w - x, 22, "1/1", "LiberationSans", 8, align="right")


@layout("lms", evidence="email", units="cec")
def draw_form_response_copy(p, c):
    """An online form's emailed copy of the responses: a timestamp, answer cards, the provider's approval."""
    rng = c.rng("formcopy")
    d = c.completed
    bg = Color(0.94, 0.92, 0.98)
    p.box(0, 0, p.w, p.h, 0, fill=bg)
    cw = 470
    x0 = (p.w - cw) / 2
    y = p.h - 40
    _round_box(p, x0, y - 110, cw, 110, 8, 0, colour=white, fill=white)
    p.box(x0, y - 10, cw, 10, 0, colour=VIOLET, fill=VIOLET)
    p.text(x0 + 20, y - 44, "CE Credit Claim", "LiberationSans", 22)
    p.text(x0 + 20, y - 64, f"{c.course.provider} \u2014 one claim per course attended", "LiberationSans", 10)
    submitted = c.issued
    p.text(x0 + 20, y - 92, f"Thanks for filling out CE Credit Claim. Here's what was received on "
           f"{us_short(submitted)} {rng.randint(1, 11)}:{rng.randint(10, 59)}:{rng.randint(10, 59)} PM.",
           "LiberationSans", 9, colour=GREY)
    y -= 122
    answers = [("Email", c.person.email), ("Full name, as on your ACE certificate", c.person.name),
               ("Course you attended", c.course.title),
               ("Date you completed the course (MM/DD/YYYY)", us(d)),
               ("How did you hear about us?", rng.choice(["Instagram", "A colleague", "ACE course finder"]))]
    for q, a in answers:
        hgt = 58
        _round_box(p, x0, y - hgt, cw, hgt, 8, 0, colour=white, fill=white)
        p.text(x0 + 20, y - 20, q, "LiberationSans", 10.5)
        p.text(x0 + cw - 20, y - 20, "*", "LiberationSans", 10.5, align="right", colour=RED)
        p.text(x0 + 20, y - 42, a, "LiberationSans", _fit(p, a, "LiberationSans", 11, cw - 40))
        p.hline(x0 + 20, x0 + cw - 20, y - 48, 0.5, LIGHT)
        y -= hgt + 10
    hgt = 96
    _round_box(p, x0, y - hgt, cw, hgt, 8, 1.2, colour=GREEN, fill=white)
    p.text(x0 + 20, y - 22, "Reviewed by the provider", "LiberationSans-Bold", 11, colour=GREEN)
    p.wrap(x0 + 20, y - 40, cw - 40, f"Attendance checked against the class roster. Credit approved by {_staff(c, 1)} "
           f"on {us(c.printed)}: ACE course {course_no(c.course.number, 'space')}, {cec(c.ceus)} CECs, completed "
           f"{written(d)}. This copy is your certificate of completion.", "LiberationSans", 10, 14)
    y -= hgt + 18
    p.text(p.w / 2, y, "Create your own form  \u00b7  Report abuse", "LiberationSans", 8, align="centre", colour=GREY)


@layout("lms", evidence="id+email", units="cec")
def draw_zoom_attendance_report(p, c):
    """A live webinar's attendee report: host, registration, two joins and leaves, minutes; a CE verification."""
    rng = c.rng("zoom")
    d = c.completed
    start = rng.choice([9 * 60 + 58, 11 * 60 + 57, 17 * 60 + 59, 18 * 60 + 28])
    length = rng.choice([90, 120, 150, 180]) + rng.randint(2, 11)
    join1 = start + rng.randint(0, 4)
    drop = join1 + rng.randint(20, length - 25)
    join2 = drop + rng.randint(1, 3)
    leave = start + length - rng.randint(0, 2)
    registered = d - timedelta(days=rng.randint(5, 40))
    host = _staff(c, 2)
    hm = lambda m: f"{(m // 60 - 1) % 12 + 1:02d}:{m % 60:02d} {'PM' if m >= 720 else 'AM'}"  # noqa: E731
    x = 40
    p.text(x, p.h - 50, "Webinar Attendee Report", "LiberationSans-Bold", 18)
    p.text(p.w - x, p.h - 50, f"Report generated: {us(c.printed)} {rng.randint(1, 11)}:{rng.randint(10, 59)} PM",
           "LiberationSans", 8.5, align="right", colour=GREY)
    p.hline(x, p.w - x, p.h - 60, 0.8, OCEAN)
    info = [("Topic", f"{c.course.title} (live webinar)"),
            ("Webinar ID", f"8{rng.randint(10, 99)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"),
            ("Actual start time", f"{d:%b} {d.day:02d}, {d.year} {hm(start)}"),
            ("Actual duration (minutes)", str(length)), ("# Registered", str(rng.randint(60, 190))),
            ("# Attended", str(rng.randint(30, 59))),
            ("Host", f"{host} ({host.split()[0].lower()}@{_slug(c)}.example)")]
    y = p.h - 84
    for label, value in info:
        p.text(x, y, label, "LiberationSans-Bold", 9.5)
        p.text(x + 160, y, value, "LiberationSans", _fit(p, value, "LiberationSans", 9.5, p.w - 2 * x - 160, 7))
        y -= 16
    y -= 14
    p.text(x, y, "Attendee Details", "LiberationSans-Bold", 12)
    heads = ["Attended", "User Name", "Email", "Registration Time", "Join Time", "Leave Time", "Minutes"]
    widths = [48, 92, 140, 84, 58, 58, 52]
    reg = f"{registered:%m/%d/%Y} {rng.randint(1, 11)}:{rng.randint(10, 59)}"
    rows = [heads, ["Yes", c.person.name, c.person.email, reg, hm(join1), hm(drop), str(drop - join1)],
            ["Yes", c.person.name, c.person.email, reg, hm(join2), hm(leave), str(leave - join2)]]
    top = y - 10
    rh = 24
    p.box(x, top - rh, sum(widths), rh, 0, fill=TINT)
    for i, row in enumerate(rows):
        cx = x
        for w, cell in zip(widths, row):
            face = "LiberationSans-Bold" if i == 0 else "LiberationSans"
            p.text(cx + 4, top - (i + 1) * rh + 8, cell, face, _fit(p, cell, face, 8.5, w - 7, 6))
            cx += w
        p.hline(x, x + sum(widths), top - (i + 1) * rh, 0.4, GREY)
    total = (drop - join1) + (leave - join2)
    y = top - 3 * rh - 20
    p.text(x, y, f"Total time in session: {total} of {length} minutes ({100 * total // length}%).", "LiberationSans",
           9.5)
    by = y - 150
    p.box(x, by, p.w - 2 * x, 124, 1.4, colour=OCEAN)
    p.text(x + 14, by + 104, f"CE CREDIT VERIFICATION \u2014 {c.course.provider.upper()}", "LiberationSans-Bold", 10,
           colour=OCEAN)
    p.wrap(x + 14, by + 86, p.w - 2 * x - 28, f"The attendee above, {c.person.name}, ACE certification no. "
           f"{c.person.certificant_id}, attended this live webinar, the course's closing session, for at least 90% of "
           f"its length and so completed ACE course {course_no(c.course.number, 'plain')} on {written(d)}, earning "
           f"{cec(c.ceus)} ACE CECs.",
           "LiberationSans", 10.5, 14)
    p.signature(x + 14, by + 18, 150)
    p.text(x + 174, by + 20, f"{_staff(c, 4)}, Education Coordinator", "LiberationSans", 8.5)
    p.text(x, 36, "Times shown in the webinar's time zone (America/Denver). Minutes are rounded down.",
           "LiberationSans", 7.5, colour=GREY)


# ---------------------------------------------------------------- letters

@layout("prose", evidence="id", units="cec")
def draw_letter_footer_reference_strip(p, c):
    """A covering letter whose body states no facts; learner, course, credit and date only in a strip at its foot."""
    rng = c.rng("strip")
    x = 72
    p.logo(x, p.h - 92, initials(c.course.provider) or "CE", 40, "square")
    p.text(x + 52, p.h - 68, c.course.provider, "LiberationSerif-Bold", 17)
    p.text(x + 52, p.h - 84, "Learner Services", "LiberationSerif-Italic", 11, colour=GREY)
    p.text(p.w - x, p.h - 68, _phone(c), "LiberationSans", 9, align="right")
    p.text(p.w - x, p.h - 80, f"learners@{_slug(c)}.example", "LiberationSans", 9, align="right")
    p.text(p.w - x, p.h - 140, written(c.printed), "LiberationSerif", 12, align="right")
    p.text(x, p.h - 140, c.person.name, "LiberationSerif", 12)
    p.text(x, p.h - 155, f"{rng.randint(100, 9999)} {rng.choice(['Linden', 'Harbor', 'Juniper', 'Summit'])} "
           f"{rng.choice(['Street', 'Court', 'Avenue'])}", "LiberationSerif", 12)
    p.text(x, p.h - 170, rng.choice(["Tacoma, WA 98402", "Lowell, MA 01852", "Mesa, AZ 85201", "Macon, GA 31201"]),
           "LiberationSerif", 12)
    p.text(x, p.h - 206, f"Dear {c.person.first},", "LiberationSerif", 12)
    paras = ["Thank you for studying with us. Your certificate of completion is enclosed with this letter, and the "
             "details you will need when you report the course to the American Council on Exercise are in the "
             "reference box at the foot of this page.",
             "Please keep the certificate and this letter for at least four years: ACE may ask for them if your "
             "renewal is chosen for audit. If anything in the reference box is wrong, reply within thirty days and "
             "we will correct our records and send you a new certificate.",
             "We hope you enjoyed the course, and we look forward to seeing you again."]
    y = p.h - 230
    for para in paras:
        y = p.wrap(x, y, p.w - 2 * x, para, "LiberationSerif", 12, 17) - 8
    p.text(x, y - 6, "With best wishes,", "LiberationSerif", 12)
    p.signature(x, y - 52, 160)
    p.text(x, y - 66, _staff(c, 3), "LiberationSerif", 12)
    p.text(x, y - 80, "Learner Services Manager", "LiberationSerif-Italic", 10.5)
    heads = ["Our ref.", "Learner", "ACE cert. no.", "ACE course", "CECs", "Completed", "Encl."]
    vals = [f"{initials(c.course.provider) or 'CE'}/{c.completed.year % 100}/{rng.randint(1000, 9999)}",
            last_first(c.person), c.person.certificant_id, course_no(c.course.number, "plain"), cec(c.ceus),
            dmy_abbrev(c.completed), "1"]
    widths = [66, 124, 62, 66, 34, 66, 30]
    widths[1] = p.w - 2 * 50 - sum(widths) + widths[1]
    sx, sy = 50, 118
    p.text(sx, sy + 8, "REFERENCE", "LiberationSans-Bold", 7, colour=GREY)
    p.box(sx, sy - 36, sum(widths), 36, 0.6)
    p.hline(sx, sx + sum(widths), sy - 14, 0.4)
    cx = sx
    for w, head, val in zip(widths, heads, vals):
        p.text(cx + 4, sy - 10, head, "LiberationSans", 6.5, colour=GREY)
        p.text(cx + 4, sy - 29, val, "LiberationSans-Bold", _fit(p, val, "LiberationSans-Bold", 8.5, w - 7, 6))
        if cx > sx:
            p.c.setLineWidth(0.4)
            p.c.line(cx, sy, cx, sy - 36)
        cx += w
    p.text(sx, 58, f"Your ref.: web order {rng.randint(100000, 999999)}", "LiberationSans", 7.5, colour=GREY)
    p.text(p.w - sx, 58, f"{c.course.provider} \u00b7 registered office {rng.randint(10, 999)} Main Street",
           "LiberationSans", 7.5, align="right", colour=GREY)


@layout("prose", evidence="id", units="hours")
def draw_mail_merge_leftover_field(p, c):
    """A mail-merged letter with fields left unfilled ('«Title»', '«NextReminderDate»'); the rest give the credit."""
    d = c.completed
    rng = c.rng("merge")
    x = 80
    p.text(x, p.h - 66, c.course.provider, "DejaVuSerif-Bold", 16, colour=OCEAN)
    p.text(x, p.h - 82, f"Continuing Education Office \u00b7 {_phone(c)}", "DejaVuSans", 8.5, colour=GREY)
    p.hline(x, p.w - x, p.h - 92, 0.6, OCEAN)
    p.text(x, p.h - 128, written(c.printed), "DejaVuSerif", 11)
    p.text(x, p.h - 160, f"\u00abTitle\u00bb {c.person.first} {c.person.last}", "DejaVuSerif", 11)
    p.text(x, p.h - 174, f"ACE certification no. {c.person.certificant_id}", "DejaVuSerif", 11)
    p.text(x, p.h - 188, "\u00abAddressLine1\u00bb", "DejaVuSerif", 11)
    p.runs(x, p.h - 222, [("RE: ", "DejaVuSerif-Bold"), ("Your continuing education certificate", "DejaVuSerif")], 11)
    p.text(x, p.h - 250, f"Dear \u00abSalutation\u00bb {c.person.last},", "DejaVuSerif", 11)
    paras = [f"Congratulations on completing {c.course.title} on {us(d)}. The course is approved by the American "
             f"Council on Exercise as course {course_no(c.course.number, 'space')} for {hours_of(c)} contact hours "
             "of continuing education (ten contact hours are one CEC).",
             "Please report the course to ACE with your renewal. Your certificate is printed on the back of this "
             "letter; keep both pages together.",
             "We will send you a reminder about our next courses on \u00abNextReminderDate\u00bb. If you would rather "
             "not hear from us, reply to this letter and we will take you off our list."]
    y = p.h - 276
    for para in paras:
        y = p.wrap(x, y, p.w - 2 * x, para, "DejaVuSerif", 11, 16) - 8
    p.text(x, y - 8, "Sincerely,", "DejaVuSerif", 11)
    p.signature(x, y - 54, 150)
    p.text(x, y - 68, f"{_staff(c, 1)}", "DejaVuSerif", 11)
    p.text(x, y - 82, "\u00abSenderTitle\u00bb", "DejaVuSerif", 11)
    p.text(x, 48, f"Merge job {rng.randint(100, 999)}-{rng.randint(1000, 9999)}  \u00b7  record 1 of 1",
           "DejaVuSansMono", 7, colour=GREY)


@layout("prose", evidence="id", units="hours", courses=("event",))
def draw_international_attendance_letter(p, c):
    """International letter of attendance: passport number, 'from 13 to 15 June 2025', hours, the letter's own dates."""
    rng = c.rng("intl")
    x = 70
    p.size_to(595.28, 841.89)
    p.box(0, p.h - 10, p.w, 10, 0, fill=OCEAN)
    p.text(x, p.h - 62, c.course.provider, "LiberationSans-Bold", 16, colour=OCEAN)
    p.text(x, p.h - 78, "International Attendee Services", "LiberationSans", 10, colour=GREY)
    p.text(p.w - x, p.h - 62, f"Ref. IAS-{rng.randint(1000, 9999)}", "LiberationSans", 9, align="right")
    p.text(p.w - x, p.h - 120, dmy(c.printed), "LiberationSerif", 11.5, align="right")
    p.text(x, p.h - 150, "LETTER OF ATTENDANCE", "LiberationSans-Bold", 15)
    p.text(x, p.h - 180, "To whom it may concern,", "LiberationSerif", 11.5)
    passport = f"{rng.choice('XKPLMN')}{rng.randint(10**7, 10**8 - 1)}"
    invited = c.start - timedelta(days=rng.randint(60, 120))
    paras = [f"This letter confirms that {c.person.first} {c.person.last}, passport number {passport} (as given at "
             f"registration), ACE certification number {c.person.certificant_id}, attended the {c.course.title}, "
             f"held in Denver, Colorado, United States {_from_to(c.start, c.completed)}.",
             f"The attendee earned {hours_of(c)} contact hours of continuing education at the event, which is "
             f"approved by the American Council on Exercise as event {course_no(c.course.number, 'hyphen')} (ten "
             "contact hours are one ACE continuing education credit).",
             f"Our letter of invitation, dated {dmy(invited)}, was issued for the attendee's visa application only and "
             "implied no financial support. This letter is issued at the attendee's request for their employer and "
             "their certifying body."]
    y = p.h - 206
    for para in paras:
        y = p.wrap(x, y, p.w - 2 * x, para, "LiberationSerif", 11.5, 16.5) - 9
    p.text(x, y - 10, "Yours faithfully,", "LiberationSerif", 11.5)
    p.signature(x, y - 58, 160)
    p.text(x, y - 72, _staff(c, 2), "LiberationSerif", 11.5)
    p.text(x, y - 86, "Director, International Attendee Services", "LiberationSerif-Italic", 10)
    p.seal(p.w - x - 60, y - 56, 40, ("ATTENDEE", "SERVICES"))
    p.text(x, 48, f"{c.course.provider} \u00b7 1600 Glenarm Place, Denver, CO 80202, USA \u00b7 +1 {_phone(c)}",
           "LiberationSans", 7.5, colour=GREY)


# ---------------------------------------------------------------- sheets, copies and photographs

def _plain_certificate(q, c, frame=OCEAN) -> None:
    """A plain landscape certificate on pen Q (used reduced, copied or photographed)."""
    q.box(14, 14, q.w - 28, q.h - 28, 2, colour=frame)
    q.text(34, q.h - 46, c.course.provider, "LiberationSans-Bold", 13, colour=frame)
    q.centre(q.h - 118, "Certificate of Completion", "LiberationSerif-Bold", 34)
    q.centre(q.h - 160, "presented to", "LiberationSerif-Italic", 14)
    q.centre(q.h - 208, c.person.name, "LiberationSerif-Bold", _fit(q, c.person.name, "LiberationSerif-Bold", 34,
                                                                    q.w - 140))
    q.centre(q.h - 232, f"ACE Certification # {c.person.certificant_id}", "LiberationSans", 12)
    q.centre(q.h - 276, "for completing", "LiberationSerif-Italic", 14)
    q.centre(q.h - 310, c.course.title, "LiberationSerif-Bold", _fit(q, c.course.title, "LiberationSerif-Bold", 24,
                                                                     q.w - 140))
    q.centre(q.h - 352, f"ACE Course # {course_no(c.course.number, 'plain')}   \u00b7   {cec(c.ceus)} CECs   \u00b7   "
             f"Date: {us_short(c.completed)}", "LiberationSans", 14)
    q.signature(60, 80, 170)
    q.text(60, 66, f"{_staff(c, 4)}, Director of Education", "LiberationSans", 9)
    q.seal(q.w - 110, 100, 40, ("CERTIFIED", "COMPLETE"), colour=frame)


@layout("award", evidence="id", units="cec", courses=("standard", "safety"))
def draw_two_up_half_sheets(p, c):
    """Two half-sheet copies of one certificate on a page ('PARTICIPANT COPY', 'EMPLOYER COPY'), a cut line between."""
    half = p.h / 2
    for k, label in enumerate(("PARTICIPANT COPY", "EMPLOYER COPY")):
        cv = p.c
        cv.saveState()
        cv.translate(0, half if k == 0 else 0)
        q = _sub(p, p.w, half)
        q.box(24, 20, q.w - 48, q.h - 40, 1.4, colour=MOSS)
        q.text(40, q.h - 48, c.course.provider, "LiberationSans-Bold", 11, colour=MOSS)
        q.text(q.w - 40, q.h - 48, label, "LiberationSans-Bold", 9, align="right", colour=GREY)
        q.centre(q.h - 88, "Certificate of Completion", "LiberationSerif-Bold", 24)
        q.centre(q.h - 124, f"{c.person.first} {_middle(c)}. {c.person.last}", "LiberationSerif-BoldItalic",
                 _fit(q, c.person.name, "LiberationSerif-BoldItalic", 24, q.w - 160))
        q.centre(q.h - 142, f"ACE ID {c.person.certificant_id}", "LiberationSans", 10)
        q.centre(q.h - 170, c.course.title, "LiberationSerif",
                 _fit(q, c.course.title, "LiberationSerif", 15, q.w - 140))
        cells = [("ACE COURSE NO.", course_no(c.course.number, "space")), ("COMPLETED", abbrev(c.completed)),
                 ("CECs", cec(c.ceus))]
        for i, (cap, val) in enumerate(cells):
            cx = q.w / 2 + (i - 1) * 150
            q.text(cx, q.h - 206, cap, "LiberationSans", 7.5, align="centre", colour=GREY)
            q.text(cx, q.h - 224, val, "LiberationSans-Bold", 13, align="centre")
        q.signature(60, 64, 150)
        q.text(60, 52, f"{_staff(c, 0)}, Instructor", "LiberationSans", 8)
        q.text(q.w - 60, 52, f"Certificate {_num(c, 'twoup', 10000, 99999)}", "LiberationSans", 8, align="right")
        cv.restoreState()
    _dashed(p, 0, half, p.w, half, GREY, 0.8, (5, 3))
    p.text(30, half + 3, "\u2702", "DejaVuSans", 12, colour=GREY)
    p.text(p.w / 2, half - 10, "cut here \u2014 give the employer copy to your club manager", "LiberationSans", 7,
           align="centre", colour=GREY)


@layout("award", evidence="id", units="cec")
def draw_fax_cover_reduced_certificate(p, c):
    """The holder's own fax cover sheet (date, pages, note by hand) over a reduced copy of the certificate."""
    rng = c.rng("cover")
    x = 50
    p.text(x, p.h - 70, "FAX", "LiberationSans-Bold", 44)
    p.text(x + 110, p.h - 58, "Cover sheet", "LiberationSans", 12, colour=GREY)
    p.hline(x, p.w - x, p.h - 84, 2)
    rows = [("To:", "ACE \u2014 Certification Department, Continuing Education"),
            ("Fax:", f"(858) 555-01{rng.randint(10, 99)}"), ("From:", c.person.name),
            ("Phone:", _phone(c, 2)), ("Date:", us(c.printed)), ("Pages:", "2 (including cover)"),
            ("Re:", "CECs for my renewal \u2014 certificate attached")]
    y = p.h - 110
    for label, value in rows:
        p.text(x, y, label, "LiberationSans-Bold", 10.5)
        p.text(x + 60, y, value, "LiberationSans", 10.5)
        y -= 17
    p.text(x, y - 6, "Comments:", "LiberationSans-Bold", 10.5)
    _hand(p, x + 80, y - 6, f"Please add this course to my record (ACE ID {c.person.certificant_id}).", 12.5)
    _hand(p, x + 80, y - 24, f"Thank you! \u2014 {c.person.first}", 12.5)
    sw, sh = 792, 612
    scale = (p.w - 2 * x) / sw
    bottom = 54
    cv = p.c
    cv.saveState()
    cv.translate(x, bottom)
    cv.scale(scale, scale)
    q = _sub(p, sw, sh)
    q.box(0, 0, sw, sh, 1.5, colour=GREY)
    _plain_certificate(q, c, CHARCOAL)
    cv.restoreState()
    p.text(x, bottom - 14, "Certificate reduced to fit.", "LiberationSans-Italic", 7.5, colour=GREY)
    p.text(p.w - x, 30, "CONFIDENTIAL: this fax is intended only for the addressee.", "LiberationSans", 7,
           align="right", colour=GREY)


@layout("award", evidence="id", units="cec")
def draw_phone_photo_on_desk(p, c):
    """A phone photo of a portrait certificate lying askew on a wooden desk, with a shadow, a pen and a glare."""
    rng = c.rng("photo")
    cv = p.c
    wood = Color(0.66, 0.50, 0.34)
    p.box(0, 0, p.w, p.h, 0, colour=wood, fill=wood)
    cv.saveState()
    cv.setLineWidth(1.2)
    for k in range(0, int(p.h) + 20, 9):
        shade = 0.56 + 0.08 * math.sin(k / 23.0)
        cv.setStrokeColor(Color(shade + 0.04, shade * 0.76, shade * 0.52))
        path = cv.beginPath()
        path.moveTo(0, k)
        for i in range(1, 31):
            path.lineTo(p.w * i / 30, k + 3 * math.sin(i / 2.3 + k / 17.0))
        cv.drawPath(path, stroke=1, fill=0)
    cv.restoreState()
    w, h = 470, 610
    angle = rng.choice([-6, -4, 3, 5])
    cv.saveState()
    cv.translate(p.w / 2, p.h / 2 - 6)
    cv.rotate(angle)
    cv.translate(-w / 2, -h / 2)
    cv.setFillColor(Color(0.25, 0.18, 0.12))
    cv.rect(8, -8, w, h, stroke=0, fill=1)
    cv.setFillColor(PAPER)
    cv.rect(0, 0, w, h, stroke=0, fill=1)
    q = _sub(p, w, h)
    q.box(18, 18, w - 36, h - 36, 1.5, colour=MAGENTA)
    q.box(24, 24, w - 48, h - 48, 0.5, colour=MAGENTA)
    q.centre(h - 70, c.course.provider.upper(), "LiberationSans-Bold", 11, colour=MAGENTA)
    q.centre(h - 120, "Certificate", "LiberationSerif-BoldItalic", 36)
    q.centre(h - 146, "of completion", "LiberationSerif-Italic", 16)
    q.centre(h - 196, "This is to certify that", "LiberationSerif", 12)
    q.centre(h - 232, c.person.name, "LiberationSerif-Bold", _fit(q, c.person.name, "LiberationSerif-Bold", 26, w - 90))
    q.centre(h - 252, f"ACE ID {c.person.certificant_id}", "LiberationSans", 10)
    q.centre(h - 290, "has completed the course", "LiberationSerif", 12)
    for i, ln in enumerate(_lines(q, c.course.title, "LiberationSerif-Bold", 18, w - 100)[:2]):
        q.centre(h - 318 - i * 22, ln, "LiberationSerif-Bold", 18)
    q.centre(h - 376, f"ACE Course {course_no(c.course.number, 'hyphen')}  \u00b7  {cec(c.ceus)} CEUs",
             "LiberationSans", 11)
    q.centre(h - 400, f"Completed {written(c.completed)}", "LiberationSans-Bold", 12)
    q.signature(w / 2 - 80, 110, 160)
    q.centre(96, f"{_staff(c, 2)}, Program Director", "LiberationSans", 8.5)
    q.seal(w - 90, 90, 32, ("SEAL",), colour=MAGENTA)
    cv.setFillColor(white)
    cv.setFillAlpha(0.28)
    cv.ellipse(w - 170, h - 120, w + 30, h + 10, stroke=0, fill=1)
    cv.restoreState()
    cv.saveState()
    cv.translate(p.w - 150, 70)
    cv.rotate(28)
    cv.setFillColor(Color(0.10, 0.12, 0.28))
    cv.roundRect(0, 0, 170, 11, 5, stroke=0, fill=1)
    cv.setFillColor(Color(0.75, 0.75, 0.78))
    cv.rect(150, 0, 20, 11, stroke=0, fill=1)
    cv.restoreState()


@layout("receipt", evidence="email", units="cec")
def draw_account_statement_activity(p, c):
    """A statement of account: a charge, a payment and the completion as rows; a statement period; a remittance slip."""
    rng = c.rng("statement")
    d = c.completed
    bought = d - timedelta(days=rng.randint(8, 40))
    stated = c.printed
    since = min(bought, stated - timedelta(days=30)) - timedelta(days=rng.randint(0, 4))
    fee = rng.choice([129, 149, 179, 199])
    acct = f"{rng.randint(10, 99)}-{rng.randint(100000, 999999)}"
    x = 44
    p.text(x, p.h - 58, c.course.provider, "LiberationSans-Bold", 16)
    p.text(x, p.h - 74, f"Accounts \u00b7 {_phone(c)} \u00b7 billing@{_slug(c)}.example", "LiberationSans", 9,
           colour=GREY)
    p.text(p.w - x, p.h - 58, "STATEMENT OF ACCOUNT", "LiberationSans-Bold", 13, align="right")
    meta = [("Account no.", acct), ("Statement date", us(stated)), ("Statement period", f"{us(since)} to {us(stated)}")]
    y = p.h - 78
    for label, value in meta:
        p.text(p.w - x - 190, y, label, "LiberationSans", 8.5, colour=GREY)
        p.text(p.w - x, y, value, "LiberationSans-Bold", 8.5, align="right")
        y -= 13
    p.text(x, p.h - 118, "BILL TO", "LiberationSans-Bold", 8, colour=GREY)
    p.text(x, p.h - 134, c.person.name, "LiberationSans-Bold", 11)
    p.text(x, p.h - 148, c.person.email, "LiberationSans", 10)
    inv, pmt, ce = rng.randint(10000, 99999), rng.randint(1000, 9999), rng.randint(1000, 9999)
    heads = ["Date", "Reference", "Description", "Charges", "Credits", "Balance"]
    widths = [60, 66, 250, 50, 50, 50]
    widths[2] = p.w - 2 * x - sum(widths) + widths[2]
    rows = [heads,
            [us(since), "", "Opening balance", "", "", "0.00"],
            [us(bought), f"INV-{inv}", f"Registration: {c.course.title}", f"{fee}.00", "", f"{fee}.00"],
            [us(bought), f"PMT-{pmt}", f"Payment, card ending {rng.randint(1000, 9999)} \u2014 thank you", "",
             f"{fee}.00", "0.00"],
            [us(d), f"CE-{ce}", f"Course completed \u2014 ACE {course_no(c.course.number, 'plain')}, "
                                f"{cec(c.ceus)} CECs", "", "", "0.00"]]
    top = p.h - 176
    rh = 24
    p.box(x, top - rh, sum(widths), rh, 0, fill=TINT)
    for i, row in enumerate(rows):
        cx = x
        for k, (w, cell) in enumerate(zip(widths, row)):
            face = "LiberationSans-Bold" if i == 0 else "LiberationSans"
            size = _fit(p, cell, face, 9, w - 8, 6.5)
            if k >= 3:
                p.text(cx + w - 4, top - (i + 1) * rh + 8, cell, face, size, align="right")
            else:
                p.text(cx + 4, top - (i + 1) * rh + 8, cell, face, size)
            cx += w
        p.hline(x, x + sum(widths), top - (i + 1) * rh, 0.4, GREY)
    y = top - len(rows) * rh - 26
    p.text(p.w - x - 130, y, "Amount due", "LiberationSans-Bold", 11)
    p.text(p.w - x, y, "$0.00", "LiberationSans-Bold", 11, align="right")
    p.wrap(x, y, 300, "Your certificate of completion was emailed on the day the course was completed. This "
           "statement may be kept as your receipt and as a record of the credit awarded.", "LiberationSans", 9, 12)
    sy = 170
    _dashed(p, 20, sy, p.w - 20, sy, GREY, 0.8, (4, 3))
    p.text(p.w / 2, sy + 4, "\u2702  detach and return with your payment", "DejaVuSans", 7, align="centre",
           colour=GREY)
    p.text(x, sy - 30, "REMITTANCE", "LiberationSans-Bold", 11)
    slip = [("Account no.", acct), ("Statement date", us(stated)), ("Amount due", "$0.00"),
            ("Amount enclosed", "$__________")]
    for k, (label, value) in enumerate(slip):
        p.text(x, sy - 52 - k * 16, label, "LiberationSans", 9, colour=GREY)
        p.text(x + 110, sy - 52 - k * 16, value, "LiberationSans-Bold", 9.5)
    p.text(p.w - x - 200, sy - 52, f"{c.course.provider}", "LiberationSans", 9)
    p.text(p.w - x - 200, sy - 64, "Accounts Receivable, PO Box 4410", "LiberationSans", 9)
    p.text(p.w - x - 200, sy - 76, "Boulder, CO 80306", "LiberationSans", 9)
    _barcode(p, p.w - x - 200, sy - 120, 180, 24, c)


@layout("award", evidence="id", units="cec")
def draw_certified_true_copy(p, c):
    """A photocopied certificate certified by the holder's employer: a blue 'CERTIFIED TRUE COPY' stamp, dated."""
    rng = c.rng("truecopy")
    cv = p.c
    p.box(0, 0, p.w, p.h, 0, colour=Color(0.93, 0.93, 0.92), fill=Color(0.93, 0.93, 0.92))
    for k in range(14):
        g = 0.55 + k * 0.027
        p.box(k, k, p.w - 2 * k, p.h - 2 * k, 1.1, colour=Color(g, g, g))
    x = 70
    p.box(48, 48, p.w - 96, p.h - 96, 1, colour=GREY)
    p.text(x, p.h - 96, c.course.provider, "LiberationSerif-Bold", 14)
    p.centre(p.h - 170, "CERTIFICATE OF COMPLETION", "LiberationSerif-Bold", 24)
    p.centre(p.h - 210, "This certificate is awarded to", "LiberationSerif-Italic", 12)
    p.centre(p.h - 246, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 26, 440))
    p.centre(p.h - 266, f"ACE Certification No. {c.person.certificant_id}", "LiberationSans", 10)
    p.centre(p.h - 300, "who successfully completed", "LiberationSerif-Italic", 12)
    p.centre(p.h - 326, c.course.title, "LiberationSerif-Bold",
             _fit(p, c.course.title, "LiberationSerif-Bold", 18, 440))
    rows = [("ACE course number", course_no(c.course.number, "space")), ("Date completed", us(c.completed)),
            ("Continuing education credits", f"{cec(c.ceus)} CECs")]
    y = p.h - 370
    for label, value in rows:
        p.leader(x + 40, y, label, value, p.w / 2 + 60, "LiberationSerif", 12, value_face="LiberationSerif-Bold")
        y -= 22
    p.signature(x + 20, 190, 160)
    p.text(x + 20, 176, f"{_staff(c, 5)}, Education Director", "LiberationSans", 9)
    club = rng.choice(["Bayside Athletic Club", "Northgate Fitness", "Ridgeline Health & Racquet", "Elm Street YMCA"])
    witness = _staff(c, 3)
    sx, sy = p.w - 190, 190
    cv.saveState()
    cv.translate(sx, sy)
    cv.rotate(rng.uniform(-14, -6))
    cv.setStrokeColor(INK)
    cv.setLineWidth(2)
    cv.rect(-112, -62, 224, 124, stroke=1, fill=0)
    cv.setFillColor(INK)
    for s, face, size, dy in (("CERTIFIED TRUE COPY", "Helvetica-Bold", 13, 42),
                              ("OF THE ORIGINAL SEEN BY ME", "Helvetica-Bold", 8, 30),
                              (club.upper(), "Helvetica-Bold", 8, 18)):
        cv.setFont(font_for(face, s), size)
        cv.drawCentredString(0, dy, s)
    cv.setFont("Helvetica", 7.5)
    cv.drawString(-104, -8, "Signed:")
    cv.drawString(-104, -30, "Name:")
    cv.drawString(-104, -52, "Date:")
    q = _sub(p, 224, 124)
    cv.setStrokeColor(INK)
    q.signature(-68, -10, 120)
    _hand(q, -70, -30, f"{witness}, HR Manager", _fit(q, f"{witness}, HR Manager", "LiberationSerif-Italic", 10.5,
                                                       170, 7))
    _hand(q, -70, -52, us(c.printed), 12)
    cv.restoreState()


# ---------------------------------------------------------------- awards

@layout("award", evidence="email", units="cec")
def draw_copy_overprint_diagonal(p, c):
    """Portrait certificate with 'MEMBER COPY' overprinted across its text in translucent red; print and issue dates."""
    x = 72
    p.ornate_border(26, 15, OCEAN)
    p.centre(p.h - 96, c.course.provider, "LiberationSerif-Bold", 16, colour=OCEAN)
    p.centre(p.h - 150, "Certificate of Completion", "LiberationSerif-BoldItalic", 30)
    p.centre(p.h - 196, "is hereby granted to", "LiberationSerif-Italic", 13)
    p.centre(p.h - 234, c.person.name.upper(), "LiberationSerif-Bold", _fit(p, c.person.name.upper(),
                                                                           "LiberationSerif-Bold", 24, 440))
    p.centre(p.h - 254, c.person.email, "LiberationSans", 10.5)
    p.centre(p.h - 292, "upon completion of", "LiberationSerif-Italic", 13)
    p.centre(p.h - 320, c.course.title, "LiberationSerif-Bold",
             _fit(p, c.course.title, "LiberationSerif-Bold", 19, 440))
    p.centre(p.h - 360, f"Completed {us_short(c.completed)}", "LiberationSerif", 14)
    p.centre(p.h - 384, f"ACE course number {course_no(c.course.number, 'hyphen')}  \u2014  {cec(c.ceus)} CECs",
             "LiberationSerif", 12.5)
    p.signature(x, 170, 170)
    p.text(x, 156, f"{_staff(c, 0)}, Registrar", "LiberationSans", 9)
    p.text(p.w - x, 156, f"Date of issue {us_short(c.issued)}", "LiberationSans", 9, align="right")
    p.text(x, 70, f"Reprinted from the member portal {us_short(c.printed)}. The original is held on file.",
           "LiberationSans", 8, colour=GREY)
    cv = p.c
    cv.saveState()
    cv.translate(p.w / 2, p.h / 2 + 80)
    cv.rotate(40)
    cv.setFillColor(RED)
    cv.setFillAlpha(0.2)
    cv.setFont(font_for("Helvetica-Bold", "MEMBER COPY"), 78)
    cv.drawCentredString(0, -30, "MEMBER COPY")
    cv.restoreState()


@layout("award", evidence="id", units="cec")
def draw_margin_vertical_course_line(p, c):
    """Portrait certificate whose course number and credit run up the left margin beside a serial and an issue date."""
    rng = c.rng("margin")
    serial = f"{c.issued.year}-{rng.randint(10000, 99999)}"
    p.box(0, 0, 44, p.h, 0, fill=CHARCOAL)
    _rotated(p, 28, 60, f"CERTIFICATE NO. {serial}   \u00b7   ACE COURSE {course_no(c.course.number, 'space')}   "
             f"\u00b7   {cec(c.ceus)} CEC   \u00b7   ISSUED {us(c.issued)}", "LiberationSans-Bold", 10, 90, white)
    _rotated(p, p.w - 24, p.h - 60, f"Verify: {_slug(c)}.example/verify/{serial}", "LiberationSans", 7.5, -90, GREY)
    x = 90
    p.text(x, p.h - 90, c.course.provider, "LiberationSans-Bold", 15)
    p.hline(x, p.w - 70, p.h - 102, 0.8)
    p.text(x, p.h - 170, "Certificate", "LiberationSerif-Bold", 40)
    p.text(x, p.h - 200, "of Course Completion", "LiberationSerif-Italic", 20, colour=GREY)
    p.text(x, p.h - 256, "This certifies that", "LiberationSerif", 13)
    p.text(x, p.h - 292, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 28,
                                                                     p.w - x - 70))
    p.text(x, p.h - 312, f"ACE Certification Number {c.person.certificant_id}", "LiberationSans", 10.5)
    p.wrap(x, p.h - 348, p.w - x - 80, f"has successfully completed {c.course.title} on {written(c.completed)}, "
           "including every module and the final assessment.", "LiberationSerif", 14, 20)
    p.signature(x, 150, 170)
    p.text(x, 136, f"{_staff(c, 3)}, Chief Academic Officer", "LiberationSans", 9)
    p.seal(p.w - 140, 160, 44, ("ACE", "APPROVED"))


@layout("award", evidence="name", units="cec")
def draw_name_up_the_spine(p, c):
    """Landscape certificate whose only statement of the name runs up a dark spine in large type; the facts beside."""
    p.landscape()
    spine = 150
    p.box(0, 0, spine, p.h, 0, fill=OCEAN)
    name = c.person.name.upper()
    size = _fit(p, name, "LiberationSans-Bold", 46, p.h - 90, 18)
    _rotated(p, spine / 2 + size * 0.35, p.h / 2, name, "LiberationSans-Bold", size, 90, white, align="centre")
    _rotated(p, 22, 40, "PRESENTED TO", "LiberationSans", 9, 90, LIGHT)
    x = spine + 50
    w = p.w - x - 50
    p.text(x, p.h - 70, c.course.provider.upper(), "LiberationSans", 11, colour=OCEAN)
    p.text(x, p.h - 124, "Certificate", "LiberationSerif-Bold", 44)
    p.text(x, p.h - 154, "of completion", "LiberationSerif-Italic", 22, colour=GREY)
    p.text(x, p.h - 200, "for completing the course", "LiberationSans", 12, colour=GREY)
    y = p.h - 232
    for ln in _lines(p, c.course.title, "LiberationSerif-Bold", 24, w)[:2]:
        p.text(x, y, ln, "LiberationSerif-Bold", 24)
        y -= 28
    cells = [("Completed", dmy(c.completed)), ("ACE course", course_no(c.course.number, "hyphen")),
             ("ACE CECs", cec(c.ceus))]
    cx = x
    for cap, val in cells:
        p.text(cx, y - 30, cap.upper(), "LiberationSans-Bold", 8.5, colour=OCEAN)
        p.text(cx, y - 50, val, "LiberationSans", 16)
        cx += max(170, p.width(val, "LiberationSans", 16) + 40)
    p.signature(x, 100, 170)
    p.text(x, 86, f"{_staff(c, 4)}, Head of Education", "LiberationSans", 9)
    p.text(p.w - 50, 86, f"No. {_num(c, 'spine', 100000, 999999)}", "LiberationSans", 9, align="right", colour=GREY)


@layout("award", evidence="email", units="cec")
def draw_busy_photo_background(p, c):
    """Landscape certificate on a busy gym photograph (plates, racks, light streaks) under a translucent white panel."""
    p.landscape()
    rng = c.rng("busy")
    cv = p.c
    p.box(0, 0, p.w, p.h, 0, colour=Color(0.30, 0.32, 0.36), fill=Color(0.30, 0.32, 0.36))
    for _ in range(16):
        g = rng.uniform(0.15, 0.55)
        cv.setFillColor(Color(g, g, g * 1.05))
        cv.rect(rng.uniform(0, p.w), 0, rng.uniform(8, 30), p.h, stroke=0, fill=1)
    for _ in range(26):
        g = rng.uniform(0.05, 0.45)
        r = rng.uniform(20, 70)
        px, py = rng.uniform(0, p.w), rng.uniform(0, p.h)
        cv.setFillColor(Color(g, g, g))
        cv.circle(px, py, r, stroke=0, fill=1)
        cv.setFillColor(Color(g + 0.25, g + 0.25, g + 0.25))
        cv.circle(px, py, r * 0.25, stroke=0, fill=1)
    glow = Color(1, 1, 1, alpha=0.22)
    for _ in range(5):
        x0 = rng.uniform(0, p.w)
        _polygon(p, [(x0, p.h), (x0 + 60, p.h), (x0 - 140, 0), (x0 - 200, 0)], fill=glow)
    cv.saveState()
    cv.setFillColor(white)
    cv.setFillAlpha(0.84)
    cv.roundRect(70, 60, p.w - 140, p.h - 120, 12, stroke=0, fill=1)
    cv.restoreState()
    x = 104
    p.text(x, p.h - 110, c.course.provider, "LiberationSans-Bold", 14, colour=ORANGE)
    p.text(x, p.h - 156, "CERTIFICATE OF COMPLETION", "LiberationSans-Bold", 30)
    p.text(x, p.h - 196, "Awarded to", "LiberationSans", 12, colour=GREY)
    p.text(x, p.h - 230, c.person.name, "LiberationSans-Bold", _fit(p, c.person.name, "LiberationSans-Bold", 30,
                                                                     p.w - 2 * x))
    p.text(x, p.h - 250, c.person.email, "LiberationSans", 11)
    line = f"for completing {c.course.title}"
    p.text(x, p.h - 290, line, "LiberationSans", _fit(p, line, "LiberationSans", 16, p.w - 2 * x))
    p.text(x, p.h - 322, f"Completed {abbrev(c.completed)}   |   ACE course "
           f"{course_no(c.course.number, 'plain')}   |   {cec(c.ceus)} CECs", "LiberationSans-Bold", 13)
    p.signature(x, 104, 170)
    p.text(x, 90, f"{_staff(c, 2)}, Master Trainer", "LiberationSans", 9)
    p.text(p.w - x, 90, f"#{_num(c, 'busy', 1000, 9999)}", "LiberationSans", 9, align="right", colour=GREY)


@layout("modern", evidence="name", units="cec")
def draw_stacked_name_poster(p, c):
    """Poster-style certificate: first and last name stacked in huge type, an 'MM.DD.YY' completion, figures."""
    x = 50
    first, last = c.person.first.upper(), c.person.last.upper()
    size = min(_fit(p, first, "LiberationSans-Bold", 78, p.w - 2 * x, 28),
               _fit(p, last, "LiberationSans-Bold", 78, p.w - 2 * x, 28))
    band = 150 + size * 0.95 + 34
    p.box(0, p.h - band, p.w, band, 0, fill=SAFFRON)
    p.text(x, p.h - 56, c.course.provider.upper(), "LiberationSans-Bold", 11)
    p.text(p.w - x, p.h - 56, "CERTIFIED", "LiberationSans-Bold", 11, align="right")
    p.text(x, p.h - 150, first, "LiberationSans-Bold", size)
    p.text(x, p.h - 150 - size * 0.95, last, "LiberationSans-Bold", size)
    y = p.h - 150 - size * 0.95 - 56
    p.text(x, y, "completed", "LiberationSerif-Italic", 16, colour=GREY)
    y -= 34
    for ln in _lines(p, c.course.title, "LiberationSans-Bold", 26, p.w - 2 * x)[:2]:
        p.text(x, y, ln, "LiberationSans-Bold", 26)
        y -= 30
    y -= 40
    figs = [("COMPLETED (MM.DD.YY)", f"{c.completed:%m.%d.%y}"), ("ACE CECs", cec(c.ceus)),
            ("ACE COURSE", course_no(c.course.number, "plain"))]
    fw = (p.w - 2 * x) / 3
    for k, (cap, val) in enumerate(figs):
        fx = x + k * fw
        p.hline(fx, fx + fw - 16, y + 10, 2)
        p.text(fx, y - 30, val, "LiberationSans-Bold", _fit(p, val, "LiberationSans-Bold", 32, fw - 20, 14))
        p.text(fx, y - 48, cap, "LiberationSans", 8.5, colour=GREY)
    p.signature(x, 96, 160)
    p.text(x, 82, f"{_staff(c, 1)} \u2014 Program Lead", "LiberationSans", 9)
    p.text(p.w - x, 82, f"Issued {us_short(c.issued)}", "LiberationSans", 9, align="right", colour=GREY)


@layout("award", evidence="id", units="cec")
def draw_embossed_seal_rim_date(p, c):
    """Portrait award whose completion date is only on the rim of a foil seal ('DATE OF COMPLETION' over the date)."""
    x = 70
    p.box(30, 30, p.w - 60, p.h - 60, 3, colour=MAGENTA)
    p.box(38, 38, p.w - 76, p.h - 76, 0.6, colour=MAGENTA)
    p.centre(p.h - 96, c.course.provider, "LiberationSerif-Bold", 15, colour=MAGENTA)
    p.centre(p.h - 150, "Award of Completion", "LiberationSerif-BoldItalic", 32)
    p.centre(p.h - 190, "conferred upon", "LiberationSerif-Italic", 13)
    p.centre(p.h - 226, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 28, 440))
    p.centre(p.h - 246, f"ACE Certification No. {c.person.certificant_id}", "LiberationSans", 10.5)
    p.centre(p.h - 280, "for the successful completion of", "LiberationSerif-Italic", 13)
    p.centre(p.h - 306, c.course.title, "LiberationSerif-Bold",
             _fit(p, c.course.title, "LiberationSerif-Bold", 19, 440))
    p.centre(p.h - 332, f"ACE course {course_no(c.course.number, 'plain')}, approved for {cec(c.ceus)} continuing "
             "education credits", "LiberationSerif", 12)
    cx, cy, r = p.w / 2, 250, 84
    foil = Color(0.95, 0.88, 0.62)
    brown = Color(0.40, 0.26, 0.08)
    pts = []
    for i in range(72):
        a = i * math.pi / 36
        rr = r if i % 2 == 0 else r * 0.94
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    _polygon(p, pts, fill=foil, stroke=brown, width=0.8)
    cv = p.c
    cv.setStrokeColor(brown)
    cv.setLineWidth(0.8)
    cv.circle(cx, cy, r - 30)
    cv.setStrokeColor(black)
    _arc(p, cx, cy, r - 24, "DATE OF COMPLETION", "LiberationSans-Bold", 11, True, brown)
    _arc(p, cx, cy, r - 24, written(c.completed).upper(), "LiberationSans-Bold", 11, False, brown)
    _star(p, cx, cy + 4, 22, brown)
    p.text(cx, cy - 32, "SEAL", "LiberationSans-Bold", 7, align="centre", colour=brown)
    p.signature(x, 120, 150)
    p.text(x, 106, f"{_staff(c, 0)}, President", "LiberationSans", 9)
    p.signature(p.w - x - 150, 120, 150)
    p.text(p.w - x - 150, 106, f"{_staff(c, 2)}, Registrar", "LiberationSans", 9)
    p.text(p.w / 2, 62, f"Issued {us(c.issued)}  \u00b7  No. {_num(c, 'seal', 10000, 99999)}", "LiberationSans", 8.5,
           align="centre", colour=GREY)


# ---------------------------------------------------------------- languages and safety

@layout("award", evidence="id", units="cec", extra={"birth": True})
def draw_dutch_certificaat(p, c):
    """A4 Dutch certificate: 'op 14-06-2025 met goed gevolg afgerond', day-first birth and issue dates, '0,4'."""
    p.size_to(595.28, 841.89)
    d = c.completed
    x = 64
    p.box(0, p.h - 120, p.w, 120, 0, fill=ORANGE)
    p.text(x, p.h - 58, f"{c.course.provider} Benelux", "LiberationSans-Bold", 16, colour=white)
    p.text(x, p.h - 78, "Opleidingen voor fitnessprofessionals \u00b7 Utrecht", "LiberationSans", 10, colour=white)
    p.text(p.w - x, p.h - 58, f"Nr. {_num(c, 'nl', 100000, 999999)}", "LiberationMono", 10, align="right",
           colour=white)
    p.text(x, p.h - 186, "CERTIFICAAT", "LiberationSerif-Bold", 40)
    p.text(x, p.h - 210, "van deelname", "LiberationSerif-Italic", 16, colour=GREY)
    p.text(x, p.h - 262, "Hierbij verklaren wij dat", "LiberationSerif", 13)
    p.text(x, p.h - 298, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 28,
                                                                     p.w - 2 * x))
    p.text(x, p.h - 320, f"geboren op {_nl(c.person.birth)}  \u00b7  ACE-certificeringsnummer "
           f"{c.person.certificant_id}", "LiberationSans", 10.5)
    comma = cec(c.ceus).replace(".", ",")
    body = (f"op {_nl(d)} met goed gevolg de cursus \u201c{c.course.title}\u201d heeft afgerond. De cursus is door "
            f"de American Council on Exercise erkend onder cursusnummer {course_no(c.course.number, 'plain')} en "
            f"levert {comma} ACE CEC's (continuing education credits) op.")
    y = p.wrap(x, p.h - 356, p.w - 2 * x, body, "LiberationSerif", 13.5, 20)
    rows = [("Cursusnummer ACE", course_no(c.course.number, "plain")), ("Datum afgerond", _nl(d)),
            ("Studiebelasting", f"{int(c.ceus * 10)} uur"), ("ACE CEC's", comma)]
    y -= 20
    for label, value in rows:
        p.text(x, y, label, "LiberationSans", 10.5, colour=GREY)
        p.text(x + 150, y, value, "LiberationSans-Bold", 12)
        y -= 20
    p.text(x, y - 16, "Data in de notatie dag-maand-jaar (dd-mm-jjjj). Dates are written day-month-year.",
           "LiberationSans-Italic", 8.5, colour=GREY)
    p.text(x, 150, f"Utrecht, {_nl(c.issued)}", "LiberationSerif", 12)
    p.signature(x, 100, 170)
    p.text(x, 86, f"{_staff(c, 3)}, opleidingsmanager", "LiberationSans", 9)
    p.seal(p.w - x - 60, 120, 42, ("ERKEND", "ACE"), colour=ORANGE)
    p.text(x, 44, f"KvK {_num(c, 'kvk', 10000000, 99999999)}  \u00b7  BTW NL{_num(c, 'btw', 10**8, 10**9 - 1)}B01",
           "LiberationSans", 7.5, colour=GREY)


@layout("card", evidence="id", units="cec", courses=("safety",))
def draw_uk_first_aid_three_years(p, c):
    """A4 landscape British safety certificate: day-first dates, 'valid for three years from the date of completion'."""
    p.size_to(841.89, 595.28)
    d = c.completed
    rng = c.rng("ukfa")
    green = Color(0.0, 0.45, 0.30)
    p.box(0, 0, p.w, p.h, 0, fill=Color(0.96, 0.98, 0.96))
    p.box(20, 20, p.w - 40, p.h - 40, 2, colour=green)
    cx, cy = 96, p.h - 96
    p.c.setFillColor(green)
    p.c.circle(cx, cy, 34, stroke=0, fill=1)
    p.box(cx - 7, cy - 22, 14, 44, 0, colour=white, fill=white)
    p.box(cx - 22, cy - 7, 44, 14, 0, colour=white, fill=white)
    p.text(150, p.h - 86, c.course.provider, "LiberationSans-Bold", 17, colour=green)
    p.text(150, p.h - 104, "UK Training Centre \u00b7 Leeds LS1 4AP", "LiberationSans", 10, colour=GREY)
    p.text(p.w - 60, p.h - 86, f"Certificate no. UK{rng.randint(100000, 999999)}", "LiberationSans", 10,
           align="right")
    p.centre(p.h - 176, "CERTIFICATE OF ACHIEVEMENT", "LiberationSerif-Bold", 30)
    p.centre(p.h - 214, "This is to certify that", "LiberationSerif-Italic", 14)
    p.centre(p.h - 252, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 30, 600))
    p.centre(p.h - 272, f"ACE certification number {c.person.certificant_id}", "LiberationSans", 11)
    p.centre(p.h - 306, f"attended and successfully completed {c.course.title} on {_uk(d)},", "LiberationSerif", 15)
    p.centre(p.h - 328, "including the practical and written assessments.", "LiberationSerif", 15)
    p.centre(p.h - 360, "This certificate is valid for three years from the date of completion.",
             "LiberationSerif-Italic", 13)
    cells = [("Date of completion", _uk(d)), ("Expiry date", _uk(_years_on(d, 3))), ("Date of issue", _uk(c.issued)),
             ("ACE course", course_no(c.course.number, "space")), ("ACE CECs", cec(c.ceus))]
    cw = (p.w - 120) / len(cells)
    for k, (cap, val) in enumerate(cells):
        bx = 60 + k * cw
        p.box(bx + 4, 130, cw - 8, 46, 0.8, colour=green, fill=white)
        p.text(bx + cw / 2, 162, cap, "LiberationSans", 8.5, align="centre", colour=GREY)
        p.text(bx + cw / 2, 142, val, "LiberationSans-Bold", 13, align="centre")
    p.signature(60, 70, 160)
    p.text(60, 56, f"{_staff(c, 1)}, Trainer/Assessor", "LiberationSans", 9)
    p.text(p.w - 60, 56, "Dates are shown day/month/year.", "LiberationSans", 8.5, align="right", colour=GREY)


# ---------------------------------------------------------------- events

@layout("schedule", evidence="id", units="hours", courses=("event",))
def draw_week_view_planner_block(p, c):
    """A conference app's planner printed as a week view: session blocks by day and hour, the week's range, a total."""
    p.landscape()
    rng = c.rng("week")
    days = _event_days(c)
    total = hours_of(c)
    per_day = _split(total, len(days))
    monday = c.start - timedelta(days=c.start.weekday())
    week = [monday + timedelta(days=k) for k in range(7)]
    x0, top = 70, p.h - 112
    first_hour = 7
    last_hour = max(18, first_hour + max(per_day) + 2)
    grid_h = top - 70
    hh = grid_h / (last_hour - first_hour)
    colw = (p.w - x0 - 30) / 7
    p.text(30, p.h - 40, f"{c.course.provider} \u00b7 Event app \u00b7 My Planner", "LiberationSans-Bold", 13,
           colour=MAGENTA)
    p.text(30, p.h - 58, f"{c.course.title}  \u00b7  {date_range(c.start, c.completed)}  \u00b7  ACE event "
           f"{course_no(c.course.number, 'hyphen')}", "LiberationSans", 10)
    p.text(p.w - 30, p.h - 40, f"Week of {week[0]:%a}, {week[0]:%b} {week[0].day} \u2013 {week[6]:%a}, {week[6]:%b} "
           f"{week[6].day}, {week[6].year}", "LiberationSans", 9.5, align="right")
    p.text(p.w - 30, p.h - 56, f"Attendee: {c.person.name} \u00b7 ACE {c.person.certificant_id}", "LiberationSans-Bold",
           9.5, align="right")
    for k, dd in enumerate(week):
        cx = x0 + k * colw
        p.box(cx, top, colw, 26, 0.4, colour=LIGHT, fill=TINT if dd not in days else Color(0.97, 0.88, 0.94))
        p.text(cx + colw / 2, top + 9, f"{dd:%a} {dd.month}/{dd.day}", "LiberationSans-Bold", 9, align="centre")
    for i in range(last_hour - first_hour + 1):
        yy = top - i * hh
        p.hline(x0, x0 + 7 * colw, yy, 0.3, LIGHT)
        p.text(x0 - 6, yy - 3, _clock((first_hour + i) * 60), "LiberationSans", 7, align="right", colour=GREY)
    for k in range(8):
        p.c.setStrokeColor(LIGHT)
        p.c.setLineWidth(0.3)
        p.c.line(x0 + k * colw, top, x0 + k * colw, top - grid_h)
    p.c.setStrokeColor(black)
    topics = ["Keynote", "Strength lab", "Nutrition panel", "Mobility workshop", "Coaching clinic", "Research update",
              "Aging well", "Business track"]
    for dd, h in zip(days, per_day):
        k = week.index(dd)
        cx = x0 + k * colw
        start = 8 if h <= last_hour - 8 else first_hour
        blocks = _split(h, math.ceil(h / 3))
        t = start
        for b in blocks:
            by = top - (t - first_hour + b) * hh
            p.box(cx + 3, by + 1, colw - 6, b * hh - 2, 1, colour=MAGENTA, fill=Color(0.98, 0.90, 0.95))
            p.text(cx + 7, by + b * hh - 12, topics[(c.seed + t + k) % len(topics)], "LiberationSans-Bold", 7.5)
            p.text(cx + 7, by + b * hh - 22, f"{b} CE h \u2713 attended", "LiberationSans", 7)
            t += b
    y = 44
    p.text(30, y, f"CE hours attended (badge scans): {total}", "LiberationSans-Bold", 11)
    p.text(260, y, "Ten CE hours are one ACE CEC.", "LiberationSans", 9, colour=GREY)
    p.text(p.w - 30, y, f"Registered {us(c.start - timedelta(days=rng.randint(20, 90)))}  \u00b7  exported "
           f"{us(c.printed)}", "LiberationSans", 8.5, align="right", colour=GREY)
    p.text(30, y - 16, "Only sessions marked 'attended' count; bookmarked sessions without a badge scan earn no "
           "CE hours.", "LiberationSans", 8, colour=GREY)


@layout("event", evidence="email", units="cec", courses=("event",))
def draw_sponsor_strip_event(p, c):
    """Landscape event certificate: a weekday range ('Fri 13 - Sun 15 June 2025') over a strip of sponsors' logos."""
    p.landscape()
    rng = c.rng("sponsors")
    x = 60
    p.box(0, p.h - 16, p.w, 16, 0, fill=CHARCOAL)
    p.text(x, p.h - 64, c.course.provider.upper(), "LiberationSans-Bold", 12, colour=MAGENTA)
    p.text(x, p.h - 112, c.course.title, "LiberationSans-Bold", _fit(p, c.course.title, "LiberationSans-Bold", 34,
                                                                      p.w - 2 * x, 16))
    p.text(x, p.h - 138, _weekday_range(c.start, c.completed), "LiberationSans", 16)
    p.text(x, p.h - 190, "Certificate of attendance for", "LiberationSerif-Italic", 14, colour=GREY)
    p.text(x, p.h - 226, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 32,
                                                                     p.w - 2 * x))
    p.text(x, p.h - 246, c.person.email, "LiberationSans", 11)
    p.text(x, p.h - 282, f"ACE event {course_no(c.course.number, 'plain')}  \u00b7  CECs earned by this attendee: "
           f"{cec(c.ceus)}", "LiberationSans-Bold", 13)
    p.wrap(x, p.h - 316, p.w - 2 * x - 240, "Credit is counted from the attendee's badge scans at each session and "
           "is the attendee's own total, not the event's maximum. Keep this certificate for your renewal.",
           "LiberationSans", 10, 14)
    p.signature(p.w - 260, 190, 180)
    p.text(p.w - 260, 176, f"{_staff(c, 5)}, Conference Chair", "LiberationSans", 9)
    sy = 40
    p.hline(x, p.w - x, sy + 92, 0.5, LIGHT)
    p.text(x, sy + 78, "THANK YOU TO OUR SPONSORS", "LiberationSans-Bold", 8, colour=GREY)
    sponsors = [("IronPeak Equipment", f"Since {rng.randint(1970, 1999)}"),
                ("Hydra Sports Drinks", f"Booth {rng.randint(100, 499)}"),
                ("FlexMat Co.", f"Est. {rng.randint(2000, 2015)}"),
                ("CoreTrack Wearables", f"Booth {rng.randint(500, 899)}"),
                ("Vita Nutrition", f"{rng.randint(10, 40)} years of science")]
    sw = (p.w - 2 * x) / len(sponsors)
    shapes = ("circle", "square")
    for k, (name, tag) in enumerate(sponsors):
        sx = x + k * sw
        p.logo(sx, sy + 20, "".join(w[0] for w in name.split()[:2]), 36, shapes[k % 2])
        p.text(sx + 44, sy + 42, name, "LiberationSans-Bold", _fit(p, name, "LiberationSans-Bold", 9, sw - 50, 6))
        p.text(sx + 44, sy + 29, tag, "LiberationSans", 8, colour=GREY)
    p.text(p.w - x, 22, f"Issued {us(c.issued)}", "LiberationSans", 8, align="right", colour=GREY)
