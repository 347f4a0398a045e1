"""Fresh3 layouts: a fourth set of providers' layouts to tune on, drawn apart from the tuned, fresh and fresh2 sets.

None repeats an arrangement of tuned.py, fresh.py or fresh2.py: a conference's table of the days
attended with badge check-in and check-out times and a total row, a workshop's matrix of
sessions ticked day by day, a fold-over summit badge, a virtual summit's log of sessions, a
ribbon banner over a name in script, a laurel wreath round the credit, a scroll dated in
words, a German attendance certificate with a date of birth, a typewriter over a pre-printed
form, hand-filled boxes with day-first dates, a carbonless participant copy, a bubble sheet, a
spreadsheet printed with its gridlines, a team report with one learner completed, a CSV file
printed from an editor, an activity log, a cheque-style counterfoil, a wallet pass, a workshop
agenda, and more. Their misses may be looked at like the other tuning sets'. Each function
draws one provider's certificate for a Cert on a Pen, as in tuned.py.
"""

from __future__ import annotations

import math
from datetime import timedelta

from reportlab.lib.colors import Color, black, white

from .fmt import (abbrev, cec, course_no, date_range, dmy, dmy_abbrev, hours_of, iso, last_first, ordinal, us,
                  us_short, weekday, written)
from .fresh import _barcode, _dashed, _fit, _polygon, _rotated, _stamp, _tick
from .fresh2 import _hand, _lines, _reference_ids, _round_box
from .model import registry
from .pen import GREY, LIGHT, initials

LAYOUTS, layout = registry()


# ---------------------------------------------------------------- shared colours and helpers

CLARET = Color(0.50, 0.10, 0.20)
OLIVE = Color(0.33, 0.36, 0.12)
INDIGO = Color(0.17, 0.16, 0.45)
STEEL = Color(0.25, 0.35, 0.45)
GOLD = Color(0.62, 0.48, 0.12)
PEN = Color(0.08, 0.12, 0.45)           # a ballpoint's blue
GRID = Color(0.75, 0.75, 0.75)
TINT = Color(0.93, 0.93, 0.93)
CREAM = Color(0.97, 0.95, 0.88)

# People who teach, sign or verify, never certificants.
_STAFF = ("Imogen Thackeray", "Rupert Vandermeer", "Anjali Thorsby", "Callum Ebbesen", "Beatrix Holloway-Kent",
          "Osvaldo Marchbanks")

# Other learners on reports: names nobody in samples/reference has, IDs nobody's (checked in _peers).
_PEERS = (("Fairbrother", "Agnes"), ("Demirci", "Deniz"), ("Vukovic", "Mirela"), ("Oduya", "Kelechi"),
          ("Brannigan", "Tess"), ("Aaltonen", "Arvid"), ("Sorensen", "Maja"), ("Hargreave", "Linus"),
          ("Tamura", "Hikaru"), ("Quinlan", "Rosalind"))


def _staff(c, k: int = 0) -> str:
    return _STAFF[(c.seed + k) % len(_STAFF)]


def _peers(c, n: int) -> list[tuple[str, str, str]]:
    """N other learners (last, first, an ID that is nobody's in the reference), seeded by the page."""
    rng = c.rng("peers")
    taken = _reference_ids() | {c.person.certificant_id}
    out = []
    for last, first in rng.sample(_PEERS, n):
        while True:
            cid = str(rng.randint(100000, 199999))
            if cid not in taken:
                taken |= {cid}
                break
        out.append((last, first, cid))
    return out


def _split(total: int, n: int) -> list[int]:
    """TOTAL in N near-equal whole parts, larger first (never a part of 0)."""
    n = max(1, min(n, total))
    return [total // n + (1 if i < total % n else 0) for i in range(n)]


def _event_days(c) -> list:
    """Each day of the event (one day for a standard course)."""
    return [c.start + timedelta(days=i) for i in range((c.completed - c.start).days + 1)]


def _dmy_range(start, end) -> str:
    """`3\u20135 May 2026`, `30 April \u2013 2 May 2026`, or one day `8 November 2025`."""
    if start == end:
        return dmy(end)
    if start.month == end.month:
        return f"{start.day}\u2013{end.day} {end:%B} {end.year}"
    return f"{start.day} {start:%B} \u2013 {end.day} {end:%B} {end.year}"


_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORD = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth", "nine": "ninth",
        "twelve": "twelfth", "twenty": "twentieth", "thirty": "thirtieth"}


def _words(n: int) -> str:
    """0-99 in words: `twenty-five`."""
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


def _ord_words(n: int) -> str:
    """`fourteenth`, `twenty-first`, `thirtieth`."""
    w = _words(n)
    head, _, last = w.rpartition("-")
    last = _ORD.get(last, last + "th")
    return f"{head}-{last}" if head else last


def _date_words(d) -> str:
    """`the fourteenth day of June, two thousand twenty-five`"""
    return f"the {_ord_words(d.day)} day of {d:%B}, two thousand {_words(d.year - 2000)}"


def _clock(minutes: int) -> str:
    """Minutes after midnight as `8:45 AM`."""
    h, m = divmod(minutes, 60)
    return f"{(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}"


def _leaf(p, x: float, y: float, angle: float, length: float = 13, colour=OLIVE) -> None:
    """One laurel leaf: a filled ellipse turned by ANGLE about its base at (x, y)."""
    cv = p.c
    cv.saveState()
    cv.translate(x, y)
    cv.rotate(angle)
    cv.setFillColor(colour)
    cv.ellipse(0, -length * 0.2, length, length * 0.2, stroke=0, fill=1)
    cv.restoreState()


# ---------------------------------------------------------------- events

@layout("event", evidence="id", units="cec", courses=("event",))
def draw_conference_checkin_table(p, c):
    """Conference attendance record: days with badge check-in/out times and CE hours, a total row, the CECs."""
    days = _event_days(c)
    per = _split(hours_of(c), len(days))
    per += [0] * (len(days) - len(per))
    rng = c.rng("checkin")
    x = 56
    p.box(0, p.h - 100, p.w, 100, 0, fill=INDIGO)
    title = c.course.title
    p.text(x, p.h - 52, title, "LiberationSans-Bold", _fit(p, title, "LiberationSans-Bold", 24, p.w - 2 * x, 12),
           colour=white)
    p.text(x, p.h - 78, f"{date_range(c.start, c.completed)}  \u00b7  {c.course.provider}", "LiberationSans", 11,
           colour=white)
    p.text(x, p.h - 140, "Attendance Record for Continuing Education", "LiberationSerif-Bold", 19)
    info = [("Attendee", c.person.name), ("ACE Certification No.", c.person.certificant_id),
            ("ACE event number", course_no(c.course.number, "plain")), ("Badge no.", f"B-{c.seed % 90000 + 10000}")]
    y = p.h - 172
    for label, value in info:
        p.text(x, y, label, "LiberationSans", 10, colour=GREY)
        p.text(x + 150, y, value, "LiberationSans-Bold", 12)
        y -= 19
    rows = [["Day", "Date", "Checked in", "Checked out", "CE hours"]]
    for i, (d, h) in enumerate(zip(days, per), 1):
        if h:
            start = 7 * 60 + rng.choice([30, 40, 45, 50])
            end = start + h * 60 + (60 if 4 <= h <= 9 else 0) + rng.choice([0, 5, 10])
            rows.append([f"Day {i}", f"{d:%a}, {abbrev(d)}", _clock(start), _clock(end), str(h)])
        else:
            rows.append([f"Day {i}", f"{d:%a}, {abbrev(d)}", "\u2014", "\u2014", "0"])
    widths = [60, 150, 100, 100, 90]
    y = p.table(x, y - 16, widths, rows, row_h=22, face="LiberationSans", head_face="LiberationSans-Bold", size=10,
                head_fill=TINT)
    p.box(x, y - 24, sum(widths), 24, 1.4)
    p.text(x + 5, y - 17, "Total CE hours", "LiberationSans-Bold", 10.5)
    p.text(x + sum(widths[:4]) + 5, y - 17, str(hours_of(c)), "LiberationSans-Bold", 11)
    y -= 60
    p.runs(x, y, [("Continuing education credits earned:  ", "LiberationSans"),
                  (f"{cec(c.ceus)} CECs", "LiberationSans-Bold")], 13)
    p.text(x, y - 18, "10 CE hours = 1.0 CEC. Times are badge scans at the session doors; lunch is not counted.",
           "LiberationSans", 9, colour=GREY)
    p.signature(x, 110, 170)
    p.text(x, 96, f"{_staff(c)}, Conference Registrar", "LiberationSans", 9)
    p.text(p.w - x, 96, f"Record issued {us(c.issued)}", "LiberationSans", 9, align="right")


@layout("event", evidence="name", units="hours", courses=("event",))
def draw_workshop_session_matrix(p, c):
    """Multi-day workshop: a matrix of session blocks (rows) by day (columns), each ticked or not with its hours."""
    days = _event_days(c)
    total = hours_of(c)
    slots = ("Morning block", "Afternoon block", "Evening lab")
    cells = [(d, s) for d in range(len(days)) for s in range(len(slots))]
    k = min(len(cells), max(1, -(-total // 3)))
    lengths = _split(total, k)
    rng = c.rng("matrix")
    ticked = dict(zip(sorted(rng.sample(range(len(cells)), k)), lengths))
    x = 60
    p.border(26, double=False, width=1.2)
    p.text(x, p.h - 80, c.course.provider.upper(), "DejaVuSansCondensed-Bold", 12, colour=STEEL)
    p.text(x, p.h - 112, c.course.title, "DejaVuSerif-Bold", _fit(p, c.course.title, "DejaVuSerif-Bold", 22,
                                                                   p.w - 2 * x, 12))
    p.text(x, p.h - 134, f"Workshop held {date_range(c.start, c.completed)}  \u00b7  ACE event "
           f"{course_no(c.course.number, 'space')}", "DejaVuSans", 10.5)
    p.text(x, p.h - 178, "Session attendance card of", "DejaVuSerif-Italic", 12)
    p.text(x, p.h - 206, c.person.name, "DejaVuSerif-Bold", _fit(p, c.person.name, "DejaVuSerif-Bold", 24, 420))
    top = p.h - 240
    lw = 130
    cw = min(120, (p.w - 2 * x - lw) / len(days))
    rh = 40
    p.box(x, top - 26, lw + cw * len(days), 26, 0.6, fill=TINT)
    for j, d in enumerate(days):
        p.text(x + lw + j * cw + cw / 2, top - 18, f"{d:%a} {d.day} {d:%b}", "DejaVuSans-Bold", 9.5, align="centre")
    for s, name in enumerate(slots):
        ry = top - 26 - (s + 1) * rh
        p.box(x, ry, lw, rh, 0.6)
        p.text(x + 8, ry + rh / 2 - 3, name, "DejaVuSans", 10)
        for j in range(len(days)):
            i = cells.index((j, s))
            bx = x + lw + j * cw
            p.box(bx, ry, cw, rh, 0.6)
            h = ticked.get(i)
            _tick(p, bx + 14, ry + rh / 2 - 6, 12, h is not None)
            p.text(bx + 34, ry + rh / 2 - 4, f"{h if h is not None else 3} h", "DejaVuSans", 10,
                   colour=black if h is not None else GREY)
    y = top - 26 - len(slots) * rh - 24
    p.text(x, y, "\u2612 attended: hours credited     \u2610 not attended: no credit", "DejaVuSans", 9, colour=GREY)
    p.box(x, y - 58, 300, 36, 1.4)
    p.text(x + 12, y - 45, f"Contact hours credited: {total}", "DejaVuSans-Bold", 14)
    p.text(x, y - 84, "Ten contact hours equal one ACE continuing education credit.", "DejaVuSans", 9, colour=GREY)
    p.signature(p.w - 250, 120, 180)
    p.text(p.w - 250, 106, f"{_staff(c, 1)}, Workshop Lead", "DejaVuSans", 9)
    p.text(x, 60, f"Card checked at the door each session  \u00b7  printed {abbrev(c.printed)}", "DejaVuSans", 8,
           colour=GREY)


@layout("badge", evidence="id", units="cec", courses=("event",))
def draw_summit_badge_foldover(p, c):
    """Fold-over summit badge to cut out: front upright with name, ID and CECs; the back upside down."""
    bw, half = 300, 300
    bx, by = (p.w - bw) / 2, 80
    p.text(p.w / 2, p.h - 40, "Print at 100%, cut along the dashed line and fold at the middle. Keep the front as your "
           "CE record.", "LiberationSans", 8, align="centre", colour=GREY)
    cv = p.c
    cv.saveState()
    cv.setDash(5, 3)
    cv.setLineWidth(0.8)
    cv.rect(bx, by, bw, 2 * half, stroke=1, fill=0)
    cv.restoreState()
    _dashed(p, bx - 20, by + half, bx + bw + 20, by + half, GREY, 0.5, (1, 2))
    p.text(bx + bw + 24, by + half - 3, "fold", "LiberationSans", 7, colour=GREY)
    # front (upper half)
    fy = by + half
    p.box(bx, fy + half - 70, bw, 70, 0, fill=CLARET)
    title = c.course.title.upper()
    p.text(bx + bw / 2, fy + half - 32, title, "LiberationSans-Bold", _fit(p, title, "LiberationSans-Bold", 15, bw - 24,
                                                                            8), align="centre", colour=white)
    p.text(bx + bw / 2, fy + half - 54, date_range(c.start, c.completed), "LiberationSans", 11, align="centre",
           colour=white)
    p.text(bx + bw / 2, fy + half - 128, c.person.first, "LiberationSans-Bold",
           _fit(p, c.person.first, "LiberationSans-Bold", 38, bw - 30, 14), align="centre")
    p.text(bx + bw / 2, fy + half - 156, c.person.last.upper(), "LiberationSans",
           _fit(p, c.person.last.upper(), "LiberationSans", 20, bw - 30, 10), align="centre")
    p.text(bx + bw / 2, fy + half - 178, f"ACE ID {c.person.certificant_id}", "LiberationSans", 11, align="centre")
    p.box(bx + 16, fy + 24, bw - 32, 66, 1, colour=CLARET)
    p.text(bx + 26, fy + 72, "CE CREDIT EARNED", "LiberationSans-Bold", 9, colour=CLARET)
    p.text(bx + 26, fy + 36, f"{cec(c.ceus)} CECs", "LiberationSans-Bold", 26)
    p.text(bx + bw - 26, fy + 72, "ACE EVENT", "LiberationSans-Bold", 9, align="right", colour=CLARET)
    p.text(bx + bw - 26, fy + 52, course_no(c.course.number, "plain"), "LiberationSans-Bold", 12, align="right")
    p.text(bx + bw - 26, fy + 34, "attendee", "LiberationSans", 9, align="right")
    # back (lower half), printed upside down so that it reads when folded
    cv.saveState()
    cv.translate(bx + bw, by + half)
    cv.rotate(180)
    lines = [("SCHEDULE AT A GLANCE", "LiberationSans-Bold", 12), ("", "", 0),
             ("Registration opens 7:00 AM daily", "LiberationSans", 10),
             ("Keynotes 8:00 AM, Main Hall", "LiberationSans", 10),
             ("Breakouts 10:00 AM to 5:00 PM", "LiberationSans", 10),
             ("Expo floor 9:00 AM to 6:00 PM", "LiberationSans", 10),
             ("", "", 0), ("Wi-Fi: SUMMIT-GUEST", "LiberationSans", 10), ("First aid: Room 104", "LiberationSans", 10),
             ("Lost badge? Visit the registration desk.", "LiberationSans", 9)]
    ly = 40
    for s, face, size in lines:
        if s:
            p.text(24, ly, s, face, size)
        ly += 18
    cv.restoreState()
    p.text(bx, 56, f"Badge printed {abbrev(c.printed)}", "LiberationSans", 8, colour=GREY)
    p.text(bx + bw, 56, c.course.provider, "LiberationSans", 8, align="right", colour=GREY)


@layout("event", evidence="email", units="cec", courses=("event",))
def draw_virtual_summit_session_log(p, c):
    """Live virtual summit: sessions joined (minutes, CEC each, one left early for none), a total row of CECs."""
    rng = c.rng("virtual")
    days = _event_days(c)
    parts = _split(int(c.ceus * 10), max(1, int(c.ceus * 10) // 2))
    titles = ["Opening keynote", "Strength for longevity", "Coaching behaviour change", "Mobility lab",
              "Sleep and recovery", "Programming for teens", "Nutrition Q&A", "Closing panel", "Pelvic health basics",
              "Metabolic conditioning", "Client retention", "Balance training"]
    rng.shuffle(titles)
    rows = []
    for i, t in enumerate(parts):
        d = days[min(len(days) - 1, i * len(days) // len(parts))]
        rows.append((d, titles[i], t * 60 - rng.choice([0, 2, 4]), f"{t / 10:.1f}", "Credited"))
    early = rng.randrange(len(rows) + 1)
    rows.insert(early, (days[min(len(days) - 1, early * len(days) // (len(rows) + 1))], titles[len(parts)],
                        rng.randint(12, 30), "0.0", "Left early"))
    x = 50
    p.text(x, p.h - 64, c.course.provider, "DejaVuSans-Bold", 15)
    p.text(x, p.h - 84, f"{c.course.title}  \u00b7  live online  \u00b7  {date_range(c.start, c.completed)}",
           "DejaVuSans", 10)
    p.hline(x, p.w - x, p.h - 96, 1, STEEL)
    p.text(x, p.h - 126, "Attendee CE Report", "DejaVuSans-Bold", 18, colour=STEEL)
    info = [("Attendee", c.person.name), ("Login email", c.person.email),
            ("ACE event number", course_no(c.course.number, "hyphen"))]
    y = p.h - 152
    for label, value in info:
        p.text(x, y, label, "DejaVuSans", 9.5, colour=GREY)
        p.text(x + 120, y, value, "DejaVuSans-Bold", 11)
        y -= 17
    table = [["Date", "Session", "Minutes", "CEC", "Status"]]
    table += [[f"{d:%b} {d.day}", t, str(m), v, s] for d, t, m, v, s in rows]
    widths = [60, 210, 70, 60, 110]
    y = p.table(x, y - 12, widths, table, row_h=20, face="DejaVuSans", head_face="DejaVuSans-Bold", size=9,
                head_fill=TINT, rules="rows")
    p.box(x, y - 22, sum(widths), 22, 0, fill=TINT)
    p.text(x + 5, y - 15, "Total CECs earned", "DejaVuSans-Bold", 10)
    p.text(x + sum(widths[:3]) + 5, y - 15, cec(c.ceus), "DejaVuSans-Bold", 10.5)
    p.wrap(x, y - 50, p.w - 2 * x, "A session is credited when the attendee stays for at least 50 minutes of each "
           "hour and answers its attendance poll. Recordings stay in the portal until "
           f"{written(c.expires)}; watching a recording earns no further credit.", "DejaVuSans", 8.5, 11)
    p.text(x, 50, f"Report generated {iso(c.printed)} 07:{c.seed % 50 + 10}:{c.seed % 47 + 10} UTC", "DejaVuSans", 8,
           colour=GREY)


@layout("event", evidence="id", units="hours", courses=("event",))
def draw_congress_day_first_range(p, c):
    """European congress certificate: '3\u20135 May 2026' day-first range, hours per day, total, issued dotted."""
    days = _event_days(c)
    per = _split(hours_of(c), len(days))
    per += [0] * (len(days) - len(per))
    p.ornate_border(22, 18, STEEL)
    p.centre(p.h - 92, c.course.provider, "LiberationSerif", 14, colour=STEEL)
    p.centre(p.h - 136, "CONGRESS CERTIFICATE", "LiberationSerif-Bold", 28)
    p.centre(p.h - 160, "Certificate of Attendance", "LiberationSerif-Italic", 14)
    p.centre(p.h - 208, "The organising committee certifies that", "LiberationSerif", 13)
    p.centre(p.h - 246, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 28, 440))
    p.centre(p.h - 266, f"ACE certification number {c.person.certificant_id}", "LiberationSans", 10)
    p.centre(p.h - 300, "attended", "LiberationSerif", 13)
    p.centre(p.h - 326, c.course.title, "LiberationSerif-Bold",
             _fit(p, c.course.title, "LiberationSerif-Bold", 19, 440))
    p.centre(p.h - 350, f"held in Lisbon, {_dmy_range(c.start, c.completed)}", "LiberationSerif", 13)
    y = p.h - 392
    p.centre(y, "Hours attended", "LiberationSans-Bold", 10)
    y -= 18
    for i, (d, h) in enumerate(zip(days, per), 1):
        p.centre(y, f"Day {i}, {d:%A} {d.day} {d:%B}:  {h} h", "LiberationSans", 10.5)
        y -= 15
    p.centre(y - 10, f"Total CE hours: {hours_of(c)}", "LiberationSans-Bold", 14)
    p.centre(y - 28, f"ACE event no. {course_no(c.course.number, 'plain')}", "LiberationSans", 10)
    p.signature(90, 130, 160)
    p.text(90, 116, _staff(c, 2), "LiberationSans", 9)
    p.text(90, 104, "President of the Congress", "LiberationSans", 8, colour=GREY)
    p.signature(p.w - 250, 130, 160)
    p.text(p.w - 250, 116, _staff(c, 3), "LiberationSans", 9)
    p.text(p.w - 250, 104, "Scientific Secretary", "LiberationSans", 8, colour=GREY)
    p.centre(70, f"Lisboa, {c.issued:%d.%m.%Y}", "LiberationSans", 9)


@layout("event", evidence="name", units="cec", courses=("event",))
def draw_retreat_itinerary(p, c):
    """Landscape retreat certificate: name in script and the CECs in a tab on the left, an itinerary right."""
    p.landscape()
    days = _event_days(c)
    split = p.w * 0.62
    p.box(0, 0, p.w, p.h, 0, fill=CREAM)
    p.box(split, 0, p.w - split, p.h, 0, fill=Color(0.88, 0.90, 0.84))
    x = 54
    p.text(x, p.h - 64, c.course.provider, "LiberationSans-Bold", 13, colour=OLIVE)
    p.text(x, p.h - 118, "Certificate of Participation", "LiberationSerif-BoldItalic", 30)
    p.text(x, p.h - 160, "This is to honour", "LiberationSerif-Italic", 13)
    p.text(x, p.h - 204, c.person.name, "LiberationSerif-Italic", _fit(p, c.person.name, "LiberationSerif-Italic", 36,
                                                                      split - 2 * x))
    p.hline(x, split - x, p.h - 214, 0.6, OLIVE)
    y = p.wrap(x, p.h - 246, split - 2 * x, f"for taking part in {c.course.title}, held "
               f"{date_range(c.start, c.completed)}, an event approved by the American Council on Exercise as event "
               f"number {course_no(c.course.number, 'plain')}.", "LiberationSerif", 13, 18)
    _polygon(p, [(x, y - 20), (x + 220, y - 20), (x + 236, y - 44), (x + 220, y - 68), (x, y - 68)], fill=OLIVE)
    p.text(x + 14, y - 50, f"{cec(c.ceus)} CECs earned", "LiberationSans-Bold", 18, colour=white)
    p.signature(x, 80, 170)
    p.text(x, 66, f"{_staff(c, 4)}, Retreat Director", "LiberationSans", 9)
    rx = split + 30
    p.text(rx, p.h - 64, "RETREAT ITINERARY", "LiberationSans-Bold", 12, colour=OLIVE)
    plans = (("Arrival and opening circle", "Sunrise mobility flow", "Hands-on coaching lab"),
             ("Breath and recovery workshop", "Trail conditioning walk", "Evening case discussion"),
             ("Programming clinic", "Closing circle and departures", "Strength lab"))
    y = p.h - 96
    for i, d in enumerate(days):
        p.text(rx, y, f"{d:%A}", "LiberationSans-Bold", 11)
        y -= 16
        for t, item in zip(("7:00", "10:30", "16:00"), plans[i % 3]):
            p.text(rx + 8, y, f"{t}  {item}", "LiberationSans", 9.5)
            y -= 14
        y -= 12
    p.wrap(rx, y - 6, p.w - rx - 30, "CECs are counted from the sessions each guest signed in to; meals, free time "
           "and optional hikes earn none.", "LiberationSans", 8.5, 11)
    p.text(rx, 40, f"Issued {abbrev(c.issued)}", "LiberationSans", 8, colour=GREY)


# ---------------------------------------------------------------- awards and banners

@layout("award", evidence="id", units="cec")
def draw_ribbon_banner_script(p, c):
    """Landscape award under a ribbon banner, name in script; Completed, Issued, Expires boxes; signers dated."""
    p.landscape()
    p.box(20, 20, p.w - 40, p.h - 40, 4, colour=CLARET)
    p.box(30, 30, p.w - 60, p.h - 60, 0.6, colour=CLARET)
    mid, top = p.w / 2, p.h - 70
    dark = Color(0.35, 0.06, 0.13)
    for s in (-1, 1):
        ex = mid + s * 290
        _polygon(p, [(ex, top - 8), (ex + s * 70, top - 8), (ex + s * 50, top - 34), (ex + s * 70, top - 60),
                     (ex, top - 60)], fill=dark)
    _polygon(p, [(mid - 270, top), (mid + 270, top), (mid + 270, top - 52), (mid - 270, top - 52)], fill=CLARET)
    p.centre(top - 35, "CERTIFICATE OF ACHIEVEMENT", "LiberationSerif-Bold", 26, colour=white)
    p.centre(p.h - 164, c.course.provider, "LiberationSans", 12, colour=GREY)
    p.centre(p.h - 196, "is proudly presented to", "LiberationSerif-Italic", 15)
    p.centre(p.h - 248, c.person.name, "LiberationSerif-Italic", _fit(p, c.person.name, "LiberationSerif-Italic", 44,
                                                                      560))
    p.hline(mid - 250, mid + 250, p.h - 260, 0.7, CLARET)
    p.centre(p.h - 276, f"ACE Certified Professional #{c.person.certificant_id}", "LiberationSans", 10)
    p.centre(p.h - 308, f"for completing {c.course.title}", "LiberationSerif", 15)
    p.centre(p.h - 330, f"ACE course {course_no(c.course.number, 'space')}  \u00b7  {cec(c.ceus)} Continuing "
             "Education Credits", "LiberationSerif", 13)
    bw = 170
    for i, (label, d) in enumerate((("COMPLETED", c.completed), ("ISSUED", c.issued), ("EXPIRES", c.expires))):
        bx = mid - 1.5 * bw - 15 + i * (bw + 15)
        p.box(bx, p.h - 410, bw, 48, 0.8, colour=CLARET)
        p.text(bx + bw / 2, p.h - 378, label, "LiberationSans-Bold", 8.5, align="centre", colour=CLARET)
        p.text(bx + bw / 2, p.h - 399, written(d), "LiberationSans-Bold", 12, align="centre")
    for i, sx in enumerate((100, p.w - 280)):
        p.signature(sx, 100, 180)
        p.text(sx, 86, _staff(c, i), "LiberationSans-Bold", 9.5)
        p.text(sx, 74, ("Executive Director", "Director of Education")[i], "LiberationSans", 8.5, colour=GREY)
        p.text(sx, 62, f"Date: {us(c.issued)}", "LiberationSans", 8.5)
    p.seal(mid, 100, 40, ("ACE", "APPROVED"), colour=CLARET)


@layout("award", evidence="name", units="cec")
def draw_laurel_wreath_credit(p, c):
    """Portrait award: the credit in a laurel wreath, the name in capitals, 'Course completed', 'Date of award'."""
    p.border(30, double=True, width=1.5)
    p.centre(p.h - 92, c.course.provider.upper(), "LiberationSans-Bold", 13, colour=OLIVE)
    p.centre(p.h - 140, "Award of Continuing Education", "LiberationSerif-Bold", 28)
    p.centre(p.h - 178, "conferred upon", "LiberationSerif-Italic", 13)
    name = c.person.name.upper()
    p.centre(p.h - 214, name, "LiberationSerif-Bold", _fit(p, name, "LiberationSerif-Bold", 28, 440))
    p.centre(p.h - 246, "on completing the course", "LiberationSerif-Italic", 13)
    p.centre(p.h - 272, c.course.title, "LiberationSerif-Bold",
             _fit(p, c.course.title, "LiberationSerif-Bold", 18, 440))
    p.centre(p.h - 292, f"Course ref. ACE {course_no(c.course.number, 'hyphen')}", "LiberationSans", 10)
    cx, cy, r = p.w / 2, p.h - 400, 72
    for s in (-1, 1):
        for k in range(12):
            a = math.radians(-100 + k * 17)
            lx, ly = cx + s * r * math.cos(a), cy + r * math.sin(a)
            base = math.degrees(a) + 90
            _leaf(p, lx, ly, base + 35 if s > 0 else 180 - base - 35)
            _leaf(p, lx, ly, base - 25 if s > 0 else 180 - base + 25, 10)
    p.centre(cy + 2, cec(c.ceus), "LiberationSerif-Bold", 40, colour=OLIVE)
    p.centre(cy - 20, "CEC", "LiberationSans-Bold", 12, colour=OLIVE)
    y = cy - r - 40
    p.centre(y, f"Course completed: {written(c.completed)}", "LiberationSerif", 13)
    p.centre(y - 20, f"Date of award: {abbrev(c.issued)}", "LiberationSerif", 11)
    p.signature(p.w / 2 - 90, 110, 180)
    p.centre(96, f"{_staff(c, 2)}, Chair of the Awards Board", "LiberationSans", 9)


@layout("award", evidence="name", units="hours")
def draw_scroll_date_in_words(p, c):
    """Parchment scroll; the date and the contact hours in words ('the fourteenth day of June, two thousand')."""
    cv = p.c
    x0, x1, y0, y1 = 70, p.w - 70, 110, p.h - 110
    cv.setFillColor(CREAM)
    cv.setStrokeColor(GOLD)
    cv.setLineWidth(1.2)
    cv.rect(x0, y0, x1 - x0, y1 - y0, stroke=1, fill=1)
    for yy in (y0, y1):
        cv.setFillColor(Color(0.90, 0.85, 0.70))
        cv.roundRect(x0 - 20, yy - 14, x1 - x0 + 40, 28, 14, stroke=1, fill=1)
        cv.circle(x0 - 6, yy, 9, stroke=1, fill=0)
        cv.circle(x1 + 6, yy, 9, stroke=1, fill=0)
    cv.setFillColor(black)
    cv.setStrokeColor(black)
    h = hours_of(c)
    p.centre(y1 - 60, c.course.provider, "LiberationSerif-Bold", 16, colour=GOLD)
    p.centre(y1 - 110, "Be it known that", "LiberationSerif-Italic", 18)
    p.centre(y1 - 160, c.person.name, "LiberationSerif-BoldItalic", _fit(p, c.person.name, "LiberationSerif-BoldItalic",
                                                                         34, x1 - x0 - 60))
    p.centre(y1 - 200, f"having attended {_words(h)} ({h}) contact hours of instruction in", "LiberationSerif", 14)
    yy = y1 - 232
    for ln in _lines(p, c.course.title, "LiberationSerif-Bold", 20, x1 - x0 - 80):
        p.centre(yy, ln, "LiberationSerif-Bold", 20)
        yy -= 24
    p.centre(yy - 6, f"(ACE approved course number {course_no(c.course.number, 'plain')})", "LiberationSerif", 12)
    p.centre(yy - 46, "and having completed the same", "LiberationSerif-Italic", 14)
    p.centre(yy - 70, f"on {_date_words(c.completed)},", "LiberationSerif", 15)
    p.centre(yy - 94, "is awarded this certificate.", "LiberationSerif-Italic", 14)
    p.signature(p.w / 2 - 90, y0 + 60, 180)
    p.centre(y0 + 46, f"Given under the hand of {_staff(c, 3)}", "LiberationSerif-Italic", 10)
    p.centre(60, "Ten contact hours are one ACE continuing education credit.", "LiberationSans", 8, colour=GREY)


@layout("award", evidence="id+email", units="cec")
def draw_seal_tails_valid_until(p, c):
    """Portrait award, a gold seal with ribbon tails; a right-hand block of completion and 'Valid until'."""
    p.box(0, p.h - 18, p.w, 18, 0, fill=GOLD)
    p.box(0, 0, p.w, 18, 0, fill=GOLD)
    x = 70
    p.text(x, p.h - 80, c.course.provider, "LiberationSans-Bold", 15)
    p.text(x, p.h - 140, "Certificate", "LiberationSerif-Bold", 48)
    p.text(x, p.h - 168, "of Successful Completion", "LiberationSerif-Italic", 18, colour=GREY)
    p.text(x, p.h - 230, "Awarded to", "LiberationSans", 11, colour=GREY)
    p.text(x, p.h - 262, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 30,
                                                                     p.w - 2 * x))
    p.text(x, p.h - 282, c.person.email, "LiberationSans", 11)
    p.text(x, p.h - 298, f"ACE Certification ID: {c.person.certificant_id}", "LiberationSans", 11)
    y = p.wrap(x, p.h - 340, p.w - 2 * x, f"for successfully completing {c.course.title} and its final assessment.",
               "LiberationSerif", 15, 20)
    rows = [("ACE Course", course_no(c.course.number, "plain")), ("Date of completion", us(c.completed)),
            ("CECs", cec(c.ceus)), ("Valid until", us(c.expires))]
    bx = p.w - 300
    y -= 30
    for label, value in rows:
        p.text(bx, y, label, "LiberationSans", 11, colour=GREY)
        p.text(p.w - x, y, value, "LiberationSans-Bold", 13, align="right")
        p.hline(bx, p.w - x, y - 7, 0.4, GREY)
        y -= 28
    sx, sy = 140, 190
    for s in (-1, 1):
        _polygon(p, [(sx + s * 8, sy - 20), (sx + s * 34, sy - 20), (sx + s * 44, sy - 110), (sx + s * 28, sy - 96),
                     (sx + s * 16, sy - 112)], fill=GOLD)
    p.c.setFillColor(GOLD)
    p.c.circle(sx, sy, 52, stroke=0, fill=1)
    p.c.setFillColor(black)
    p.seal(sx, sy, 44, ("SEAL OF", "EXCELLENCE"), colour=white)
    p.signature(p.w - 260, 120, 180)
    p.text(p.w - 260, 106, _staff(c, 4), "LiberationSans", 10)
    p.text(p.w - 260, 94, "Head of Professional Education", "LiberationSans", 8.5, colour=GREY)


@layout("award", evidence="id", units="cec", extra={"birth": True})
def draw_german_bilingual_birth(p, c):
    """German/English 'Teilnahmebescheinigung': birth and completion dates dotted day-first, '0,8 CEC'."""
    b, d = c.person.birth, c.completed
    p.box(34, 34, p.w - 68, p.h - 68, 0.8)
    p.box(34, p.h - 110, p.w - 68, 76, 0, fill=TINT)
    p.text(60, p.h - 70, c.course.provider, "DejaVuSans-Bold", 15)
    p.text(60, p.h - 92, "Akademie f\u00fcr Bewegung und Gesundheit \u00b7 K\u00f6ln", "DejaVuSans", 9.5, colour=GREY)
    p.centre(p.h - 160, "TEILNAHMEBESCHEINIGUNG", "DejaVuSerif-Bold", 24)
    p.centre(p.h - 182, "Certificate of Attendance", "DejaVuSerif-Italic", 13, colour=GREY)
    x, vx = 80, 300
    rows = [("Name / Name", c.person.name), ("Geburtsdatum / Date of birth", f"{b:%d.%m.%Y}"),
            ("ACE-Zertifizierungsnr. / ACE certification no.", c.person.certificant_id)]
    y = p.h - 236
    for label, value in rows:
        p.text(x, y, label, "DejaVuSans", 9.5, colour=GREY)
        p.text(vx, y, value, "DejaVuSans-Bold", _fit(p, value, "DejaVuSans-Bold", 13, p.w - vx - 70, 9))
        y -= 26
    y -= 10
    y = p.wrap(x, y, p.w - 2 * x, f"hat am {d:%d.%m.%Y} an der Fortbildung \u201e{c.course.title}\u201c "
               f"(ACE-Kursnummer {course_no(c.course.number, 'plain')}) erfolgreich teilgenommen.", "DejaVuSerif", 12,
               17)
    y = p.wrap(x, y - 4, p.w - 2 * x, f"attended the course \u201c{c.course.title}\u201d (ACE course number "
               f"{course_no(c.course.number, 'plain')}) on {dmy(d)} and completed it.", "DejaVuSerif-Italic", 10.5,
               14)
    comma = cec(c.ceus).replace(".", ",")
    p.box(x, y - 62, p.w - 2 * x, 44, 1)
    p.text(x + 12, y - 36, "Umfang / Credit", "DejaVuSans", 9, colour=GREY)
    p.text(x + 12, y - 54, f"{comma} CEC (ACE Continuing Education Credits)", "DejaVuSans-Bold", 12)
    p.text(p.w - x - 12, y - 54, f"= {cec(c.ceus)} CEC", "DejaVuSans", 10, align="right")
    p.text(x, 150, f"K\u00f6ln, den {c.issued:%d.%m.%Y}", "DejaVuSans", 10)
    p.text(x, 136, "Ort, Datum der Ausstellung / place and date of issue", "DejaVuSans", 7.5, colour=GREY)
    p.signature(p.w - 260, 150, 170)
    p.text(p.w - 260, 136, f"{_staff(c, 5)}, Studienleitung", "DejaVuSans", 8.5)


@layout("award", evidence="email", units="cec")
def draw_certificate_with_coupon(p, c):
    """Certificate on the upper two thirds; below a cut line, a coupon for the next course with its expiry."""
    cut = 250
    p.box(36, cut + 20, p.w - 72, p.h - cut - 56, 1.6, colour=STEEL)
    p.centre(p.h - 84, c.course.provider, "LiberationSans-Bold", 14, colour=STEEL)
    p.centre(p.h - 128, "Certificate of Completion", "LiberationSerif-Bold", 30)
    p.centre(p.h - 172, "This certifies that", "LiberationSerif-Italic", 13)
    p.centre(p.h - 206, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 26, 440))
    p.centre(p.h - 224, c.person.email, "LiberationSans", 10, colour=GREY)
    p.centre(p.h - 258, "has completed the online course", "LiberationSerif-Italic", 13)
    p.centre(p.h - 284, c.course.title, "LiberationSerif-Bold",
             _fit(p, c.course.title, "LiberationSerif-Bold", 18, 440))
    p.centre(p.h - 318, f"Completed {abbrev(c.completed)}   \u00b7   ACE course {course_no(c.course.number, 'hyphen')}"
             f"   \u00b7   {cec(c.ceus)} CECs", "LiberationSans", 11.5)
    p.signature(p.w / 2 - 80, cut + 70, 160)
    p.centre(cut + 56, f"{_staff(c, 1)}, Education Manager", "LiberationSans", 9)
    _dashed(p, 20, cut, p.w - 20, cut, black, 0.8, (6, 4))
    p.text(26, cut + 4, "\u2702", "DejaVuSans", 12)
    p.box(60, 70, p.w - 120, 150, 1.2, colour=GREY)
    p.text(80, 190, "THANK-YOU COUPON", "LiberationSans-Bold", 11, colour=STEEL)
    p.text(80, 158, "Save 20% on your next course", "LiberationSans-Bold", 20)
    code = f"NEXT20-{c.seed % 9000 + 1000}"
    p.text(80, 132, f"Use code {code} at checkout.", "LiberationSans", 11)
    p.text(80, 104, f"Offer expires {us(c.expires)}. One use per learner; not valid on bundles.", "LiberationSans", 9)
    p.text(80, 88, "This coupon is not part of the certificate above.", "LiberationSans", 8, colour=GREY)
    _barcode(p, p.w - 230, 110, 140, 50, c)
    p.text(p.w - 160, 96, code, "LiberationMono", 9, align="centre")


# ---------------------------------------------------------------- forms filled in

@layout("form", evidence="id", units="cec")
def draw_typewriter_over_form(p, c):
    """Pre-printed form in green, captions under the rules; the values typed on a typewriter, off the rules."""
    rng = c.rng("typed")
    ink = Color(0.10, 0.40, 0.25)
    x = 60
    p.box(x, p.h - 110, p.w - 2 * x, 56, 1.2, colour=ink)
    p.text(x + 12, p.h - 78, c.course.provider.upper(), "LiberationSans-Bold", 13, colour=ink)
    p.text(x + 12, p.h - 98, "CONTINUING EDUCATION CERTIFICATE", "LiberationSans", 10, colour=ink)
    p.text(p.w - x - 12, p.h - 78, "FORM CE-7", "LiberationSans-Bold", 10, align="right", colour=ink)
    p.text(p.w - x - 12, p.h - 98, "Type or print in ink", "LiberationSans", 8, align="right", colour=ink)

    def field(fx, fy, w, caption, value):
        p.hline(fx, fx + w, fy, 0.7, ink)
        p.text(fx, fy - 11, caption, "LiberationSans", 7.5, colour=ink)
        size = 12
        while size > 8 and p.width(value, "Courier", size) > w - 10:
            size -= 0.5
        p.text(fx + rng.uniform(2, 12), fy + rng.choice([2, 3, 5, 7]), value, "Courier", size)

    full = p.w - 2 * x
    d = c.completed
    y = p.h - 160
    field(x, y, full, "NAME OF PARTICIPANT (first, last)", c.person.name.upper())
    y -= 50
    field(x, y, full * 0.45, "ACE CERTIFICATION NUMBER", c.person.certificant_id)
    field(x + full * 0.5, y, full * 0.5, "ACE COURSE NUMBER", course_no(c.course.number, "plain"))
    y -= 50
    field(x, y, full, "TITLE OF COURSE", c.course.title)
    y -= 50
    field(x, y, full * 0.45, "DATE OF COMPLETION (MO/DAY/YR)", f"{d:%m}/{d:%d}/{d:%y}")
    field(x + full * 0.5, y, full * 0.22, "CEC AWARDED", cec(c.ceus))
    field(x + full * 0.78, y, full * 0.22, "DATE OF ISSUE", f"{c.issued:%m}/{c.issued:%d}/{c.issued:%y}")
    y -= 50
    field(x, y, full * 0.45, "INSTRUCTOR", _staff(c, 2))
    p.hline(x + full * 0.5, x + full, y, 0.7, ink)
    p.text(x + full * 0.5, y - 11, "AUTHORIZED SIGNATURE", "LiberationSans", 7.5, colour=ink)
    p.signature(x + full * 0.5 + 10, y + 1, 160)
    p.wrap(x, y - 50, full, "The provider certifies that the participant named above completed the course on the "
           "date of completion shown and is awarded the continuing education credit (CEC) shown. Retain this form "
           "for four years.", "LiberationSans", 8.5, 11)
    p.text(x, 60, f"CE-7 (rev. {2015 + c.seed % 8})  \u00b7  white: participant  \u00b7  canary: provider",
           "LiberationSans", 7, colour=ink)


@layout("form", evidence="id", units="hours")
def draw_handwritten_day_first_boxes(p, c):
    """Irish record form of captioned boxes filled in by hand; dates day-first with the format in the caption, hours."""
    rng = c.rng("boxes")
    x, full = 54, p.w - 108
    p.text(x, p.h - 66, c.course.provider, "LiberationSans-Bold", 15)
    p.text(x, p.h - 84, "Training Record \u2014 Dublin Education Centre", "LiberationSans", 10.5)
    p.text(p.w - x, p.h - 66, f"Ref. DUB/{c.seed % 9000 + 1000}", "LiberationSans", 9, align="right", colour=GREY)
    p.hline(x, p.w - x, p.h - 94, 1)
    p.text(x, p.h - 114, "Please write clearly in BLOCK CAPITALS or neat handwriting. All dates are DD/MM/YYYY.",
           "LiberationSans", 9)

    def box(bx, by, w, h, caption, value=None, size=16):
        p.box(bx, by, w, h, 0.7)
        p.text(bx + 5, by + h - 11, caption, "LiberationSans", 7.5, colour=GREY)
        if value:
            hs = size
            while hs > 9 and p.width(value, "LiberationSerif-Italic", hs) > w - 16:
                hs -= 0.5
            _hand(p, bx + rng.uniform(8, 16), by + 9 + rng.uniform(0, 4), value, hs, PEN)

    d, i = c.completed, c.issued
    y = p.h - 180
    box(x, y, full, 48, "Participant name", c.person.name, 19)
    y -= 58
    box(x, y, full * 0.5 - 5, 48, "ACE certification number", c.person.certificant_id)
    box(x + full * 0.5 + 5, y, full * 0.5 - 5, 48, "Date completed (DD/MM/YYYY)", f"{d.day:02d}/{d.month:02d}/{d.year}")
    y -= 58
    box(x, y, full, 48, "Course title", c.course.title, 15)
    y -= 58
    box(x, y, full * 0.5 - 5, 48, "ACE course number", course_no(c.course.number, "space"))
    box(x + full * 0.5 + 5, y, full * 0.5 - 5, 48, "Contact hours attended", str(hours_of(c)))
    y -= 34
    p.text(x, y, "Delivery:", "LiberationSans", 9)
    for k, (label, on) in enumerate((("Classroom", True), ("Online live", False), ("Blended", False))):
        bx = x + 60 + k * 110
        p.box(bx, y - 2, 10, 10, 0.7)
        if on:
            p.c.setStrokeColor(PEN)
            p.c.setLineWidth(1.6)
            p.c.line(bx + 1, y + 3, bx + 4, y - 1)
            p.c.line(bx + 4, y - 1, bx + 11, y + 10)
            p.c.setStrokeColor(black)
        p.text(bx + 16, y, label, "LiberationSans", 9)
    y -= 70
    box(x, y, full * 0.5 - 5, 50, "Tutor signature")
    p.c.setStrokeColor(PEN)
    p.signature(x + 20, y + 12, 150)
    p.c.setStrokeColor(black)
    box(x + full * 0.5 + 5, y, full * 0.5 - 5, 50, "Date signed (DD/MM/YYYY)", f"{i.day:02d}/{i.month:02d}/{i.year}")
    p.wrap(x, y - 26, full, "Ten contact hours count as one ACE continuing education credit. Keep this record for "
           "your renewal; the date completed is the date to report.", "LiberationSans", 8.5, 11)
    p.text(x, 50, f"Tutor: {_staff(c, 3)}  \u00b7  Centre no. IE-{c.seed % 900 + 100}", "LiberationSans", 8,
           colour=GREY)


@layout("form", evidence="name", units="cec")
def draw_carbonless_participant_copy(p, c):
    """Carbonless copy: 'PARTICIPANT COPY' up the margin, a red serial, pressed-through handwriting."""
    rng = c.rng("ncr")
    carbon = Color(0.28, 0.30, 0.50)
    red = Color(0.70, 0.12, 0.12)
    p.box(0, 0, p.w, p.h, 0, fill=Color(0.99, 0.97, 0.86))
    _rotated(p, 30, 200, "PARTICIPANT COPY \u2014 YELLOW     OFFICE COPY \u2014 WHITE", "LiberationSans-Bold", 9, 90,
             colour=GREY)
    x, full = 66, p.w - 120
    p.text(x, p.h - 66, c.course.provider, "LiberationSerif-Bold", 16)
    p.text(x, p.h - 86, "Course Completion Form", "LiberationSerif-Italic", 12)
    p.text(p.w - 54, p.h - 66, f"No. {c.seed % 900000 + 100000:06d}", "LiberationMono-Bold", 13, align="right",
           colour=red)

    def line(lx, ly, w, label, value=None, size=15):
        p.text(lx, ly, label, "LiberationSans", 9)
        lw = p.width(label, "LiberationSans", 9) + 6
        p.hline(lx + lw, lx + w, ly - 2, 0.5)
        if value:
            hs = size
            while hs > 9 and p.width(value, "LiberationSerif-Italic", hs) > w - lw - 10:
                hs -= 0.5
            _hand(p, lx + lw + rng.uniform(4, 14), ly + rng.uniform(0, 3), value, hs, carbon)

    d = c.completed
    y = p.h - 140
    line(x, y, full, "Name", c.person.name, 17)
    y -= 40
    line(x, y, full, "Course", c.course.title, 13)
    y -= 40
    line(x, y, full * 0.5 - 10, "ACE course #", course_no(c.course.number, "plain"))
    line(x + full * 0.5 + 10, y, full * 0.5 - 10, "Date of course", f"{d.month}/{d.day}/{d.year}")
    y -= 40
    line(x, y, full * 0.5 - 10, "CECs", cec(c.ceus))
    line(x + full * 0.5 + 10, y, full * 0.5 - 10, "Instructor", _staff(c, 4).split()[-1], 14)
    y -= 40
    p.text(x, y, "Instructor signature", "LiberationSans", 9)
    p.hline(x + 100, x + full * 0.6, y - 2, 0.5)
    p.c.setStrokeColor(carbon)
    p.signature(x + 110, y - 1, 150)
    p.c.setStrokeColor(black)
    y -= 70
    p.box(x, y - 60, full, 70, 0.8, colour=GREY)
    p.text(x + 8, y - 2, "OFFICE USE ONLY", "LiberationSans-Bold", 8, colour=GREY)
    p.text(x + 8, y - 24, "Entered by", "LiberationSans", 9, colour=GREY)
    _hand(p, x + 70, y - 24, "".join(n[0] for n in _staff(c, 1).split()), 13, carbon)
    pr = c.printed
    p.text(x + 180, y - 24, "Date entered", "LiberationSans", 9, colour=GREY)
    _hand(p, x + 250, y - 24, f"{pr.month}/{pr.day}/{pr.year}", 13, carbon)
    p.text(x + 8, y - 46, "Fee paid   \u2610 cash   \u2612 card   \u2610 invoice", "DejaVuSans", 9, colour=GREY)
    p.wrap(x, y - 100, full, "Press firmly: you are making two copies. The participant keeps the yellow copy as the "
           "record of completion.", "LiberationSans", 8.5, 11)


@layout("form", evidence="id", units="hours")
def draw_ce_log_one_entry(p, c):
    """A CE activity log with one row written in by the participant and the provider's stamp on it."""
    rng = c.rng("log")
    p.landscape()
    x = 40
    p.text(x, p.h - 50, "CONTINUING EDUCATION ACTIVITY LOG", "LiberationSans-Bold", 16)
    p.text(x, p.h - 68, "Record each course and have the provider verify it in the last column.", "LiberationSans", 9,
           colour=GREY)
    p.text(x, p.h - 100, "Name:", "LiberationSans", 10)
    p.hline(x + 36, x + 300, p.h - 102, 0.5)
    _hand(p, x + 44, p.h - 99, c.person.name, 16, PEN)
    p.text(x + 330, p.h - 100, "ACE certification #:", "LiberationSans", 10)
    p.hline(x + 430, x + 560, p.h - 102, 0.5)
    _hand(p, x + 440, p.h - 99, c.person.certificant_id, 16, PEN)
    widths = [90, 230, 140, 90, 70, 92]
    heads = ["Date completed", "Course title", "Provider", "ACE course #", "Contact hrs", "Provider verification"]
    top, rh = p.h - 126, 44
    rows = [heads] + [[""] * 6 for _ in range(7)]
    p.table(x, top, widths, rows, row_h=rh, face="LiberationSans", head_face="LiberationSans-Bold", size=8.5,
            head_fill=TINT)
    d = c.completed
    ry = top - 2 * rh + 14
    cx = x
    values = [f"{d.month}/{d.day}/{d:%y}", c.course.title, c.course.provider, course_no(c.course.number, "plain"),
              str(hours_of(c))]
    for w, v in zip(widths, values):
        hs = 13
        while hs > 7 and p.width(v, "LiberationSerif-Italic", hs) > w - 10:
            hs -= 0.5
        _hand(p, cx + 4 + rng.uniform(0, 3), ry + rng.uniform(0, 4), v, hs, PEN)
        cx += w
    vx = x + sum(widths[:5]) + widths[5] / 2
    _stamp(p, vx, ry + 4, rng.choice([-8, -5, 6]), CLARET, 1.2, (-40, -16, 80, 32, 3), (-37, -13, 74, 26, 2),
           (("VERIFIED", "Helvetica-Bold", 9, 2), (initials(c.course.provider), "Helvetica-Bold", 7, -8)))
    y = top - 8 * rh - 30
    p.text(x, y, "Provider verification: the provider named in the row confirms the course, the date and the hours.",
           "LiberationSans", 9)
    p.signature(x, y - 50, 160)
    p.text(x, y - 62, f"{_staff(c, 5)} for {c.course.provider}", "LiberationSans", 8.5)
    p.text(x + 330, y - 50, f"Verified {us(c.issued)}", "LiberationSans", 10)
    p.text(p.w - x, 30, "Ten contact hours = 1.0 CEC", "LiberationSans", 8, align="right", colour=GREY)


@layout("form", evidence="id", units="cec")
def draw_bubble_answer_sheet(p, c):
    """Machine-read completion sheet: the ACE number and the date written in boxes over columns of filled bubbles."""
    x = 50
    red = Color(0.80, 0.30, 0.25)
    p.text(x, p.h - 60, c.course.provider, "LiberationSans-Bold", 14)
    p.text(x, p.h - 78, "Course Completion and Evaluation Sheet", "LiberationSans", 11)
    p.box(x, p.h - 150, p.w - 2 * x, 56, 1, colour=red)
    p.text(x + 10, p.h - 112, "COURSE (pre-printed by the provider)", "LiberationSans-Bold", 7.5, colour=red)
    p.text(x + 10, p.h - 130, c.course.title, "LiberationSans-Bold", _fit(p, c.course.title, "LiberationSans-Bold", 12,
                                                                         300, 8))
    p.text(x + 10, p.h - 144, f"ACE course no. {course_no(c.course.number, 'plain')}  \u00b7  {cec(c.ceus)} CEC on "
           "completion", "LiberationSans", 9)
    p.text(x + 330, p.h - 112, "NAME", "LiberationSans-Bold", 7.5, colour=red)
    _hand(p, x + 330, p.h - 136, c.person.name, _fit(p, c.person.name, "LiberationSerif-Italic", 16, 170, 9), PEN)

    def column_grid(gx, gy, label, chars, cw=18):
        p.text(gx, gy + 26, label, "LiberationSans-Bold", 7.5, colour=red)
        for j, ch in enumerate(chars):
            cx = gx + j * cw
            p.box(cx, gy, cw, 20, 0.6, colour=red)
            if ch != " ":
                _hand(p, cx + 4, gy + 5, ch, 13, PEN)
            for k in range(10):
                by = gy - 14 - k * 14
                filled = ch.isdigit() and int(ch) == k
                p.c.setStrokeColor(red)
                p.c.setLineWidth(0.5)
                p.c.setFillColor(Color(0.15, 0.15, 0.15))
                p.c.circle(cx + cw / 2, by + 4, 5, stroke=1, fill=1 if filled else 0)
                p.c.setFillColor(black)
                if not filled:
                    p.text(cx + cw / 2, by + 1.5, str(k), "LiberationSans", 6, align="centre", colour=red)
        p.c.setStrokeColor(black)

    top = p.h - 210
    column_grid(x, top, "ACE CERTIFICATION NUMBER", c.person.certificant_id.ljust(6)[:8])
    d = c.completed
    column_grid(x + 200, top, "DATE COMPLETED  MM / DD / YY", f"{d:%m}{d:%d}{d:%y}")
    p.text(x + 200, top - 160, "Use a No. 2 pencil. Fill each bubble completely.", "LiberationSans", 7.5, colour=GREY)
    qx = x + 360
    p.text(qx, top + 26, "EVALUATION (1 = poor, 5 = excellent)", "LiberationSans-Bold", 7.5, colour=red)
    rng = c.rng("eval")
    for q in range(8):
        qy = top - q * 20
        p.text(qx, qy + 2, f"{q + 1}.", "LiberationSans", 8)
        pick = rng.choice([4, 5, 5, 3])
        for k in range(1, 6):
            p.c.setStrokeColor(red)
            p.c.setLineWidth(0.5)
            p.c.circle(qx + 14 + k * 18, qy + 5, 5, stroke=1, fill=1 if k == pick else 0)
            if k != pick:
                p.text(qx + 14 + k * 18, qy + 2.5, str(k), "LiberationSans", 6, align="centre", colour=red)
        p.c.setStrokeColor(black)
    y = top - 190
    p.wrap(x, y, p.w - 2 * x, "Returned at the end of the course, this sheet is the participant's record of "
           "completion once the provider has signed it below. The date completed is the date written above.",
           "LiberationSans", 9, 12)
    p.signature(x, y - 70, 170)
    p.text(x, y - 84, f"Provider: {_staff(c, 0)}", "LiberationSans", 9)
    p.text(p.w - x, y - 84, f"Scanned {us(c.printed)}", "LiberationSans", 8, align="right", colour=GREY)
    for k in range(0, int(p.h), 24):
        p.box(p.w - 18, k + 6, 10, 5, 0, fill=black)


# ---------------------------------------------------------------- exports and reports

@layout("table", evidence="email", units="cec")
def draw_spreadsheet_gridlines(p, c):
    """A spreadsheet printed with gridlines, column letters and row numbers: a header row and the learner's one row."""
    p.landscape()
    x0, top = 40, p.h - 70
    p.text(p.w / 2, p.h - 30, "completions_export.xlsx", "LiberationSans", 9, align="centre")
    heads = ["Learner", "Email", "Course", "Course No.", "Completed On", "Credits", "Status"]
    values = [c.person.name, c.person.email, c.course.title, course_no(c.course.number, "plain"),
              us_short(c.completed), cec(c.ceus), "Complete"]
    size = 9
    widths = [max(60, p.width(s, "LiberationSans", size) + 12) for s in values]
    widths = [max(w, p.width(h, "LiberationSans-Bold", size) + 12) for w, h in zip(widths, heads)]
    scale = min(1.0, (p.w - 2 * x0 - 30) / sum(widths))
    if scale < 1:
        size *= scale
        widths = [w * scale for w in widths]
    rn, rh = 30, 18
    p.box(x0, top - rh, rn + sum(widths), rh, 0, fill=TINT)
    cx = x0 + rn
    for j, w in enumerate(widths):
        p.text(cx + w / 2, top - 13, "ABCDEFG"[j], "LiberationSans", 8, align="centre", colour=GREY)
        cx += w
    rows = 24
    for r in range(rows):
        ry = top - rh * (r + 2)
        p.box(x0, ry, rn, rh, 0, fill=TINT)
        p.text(x0 + rn / 2, ry + 5, str(r + 1), "LiberationSans", 8, align="centre", colour=GREY)
    cv = p.c
    cv.setStrokeColor(GRID)
    cv.setLineWidth(0.4)
    bottom = top - rh * (rows + 1)
    for r in range(rows + 2):
        cv.line(x0, top - r * rh, x0 + rn + sum(widths), top - r * rh)
    cx = x0
    for w in [0, rn] + widths:
        cx += w
        cv.line(cx, top, cx, bottom)
    cv.line(x0, top, x0, bottom)
    cv.setStrokeColor(black)
    for r, (row, face) in enumerate(((heads, "LiberationSans-Bold"), (values, "LiberationSans"))):
        cx = x0 + rn
        for j, (w, s) in enumerate(zip(widths, row)):
            ry = top - rh * (r + 2) + 5
            if r == 1 and j in (4, 5):
                p.text(cx + w - 4, ry, s, face, size, align="right")
            else:
                p.text(cx + 4, ry, s, face, size)
            cx += w
    p.text(x0, 40, f"Exported {us(c.printed)} 9:{c.seed % 50 + 10} AM by {c.course.provider}", "LiberationSans", 8,
           colour=GREY)
    p.text(p.w / 2, 40, "Sheet1", "LiberationSans", 8, align="centre")
    p.text(p.w - x0, 40, "Page 1 of 1", "LiberationSans", 8, align="right")


@layout("lms", evidence="id", units="cec")
def draw_team_report_one_completed(p, c):
    """LMS team report: five learners on one course, only the holder 'Completed' with a timestamp and credits."""
    p.landscape()
    rng = c.rng("team")
    x = 36
    p.box(0, p.h - 44, p.w, 44, 0, fill=STEEL)
    p.text(x, p.h - 28, f"{c.course.provider}  |  Learning Portal", "LiberationSans-Bold", 13, colour=white)
    p.text(p.w - x, p.h - 28, "Reports \u203a Course completion", "LiberationSans", 10, align="right", colour=white)
    p.text(x, p.h - 78, "Course Completion Report", "LiberationSans-Bold", 18)
    p.text(x, p.h - 98, f"Course: {c.course.title}  (ACE course {course_no(c.course.number, 'space')}, "
           f"{cec(c.ceus)} CECs on completion)", "LiberationSans", 10.5)
    run = c.printed
    p.text(x, p.h - 114, f"Report run {iso(run)} 08:{c.seed % 50 + 10}:{c.seed % 49 + 10}  \u00b7  Group: Studio team "
           f"\u00b7  1 of 5 learners completed", "LiberationSans", 9, colour=GREY)
    others = _peers(c, 4)
    rows = [["Learner", "Learner ID", "Status", "Started", "Completed On", "Credits"]]
    t0 = c.completed - timedelta(days=rng.randint(5, 40))
    me = [last_first(c.person), c.person.certificant_id, "Completed",
          f"{iso(t0)} {rng.randint(8, 20)}:{rng.randint(10, 59)}",
          f"{iso(c.completed)} {rng.randint(8, 20)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}", cec(c.ceus)]
    body = [me]
    for k, (last, first, cid) in enumerate(others):
        if k % 2 == 0:
            started = c.completed - timedelta(days=rng.randint(1, 30))
            body.append([f"{last}, {first}", cid, "In progress", f"{iso(started)} {rng.randint(8, 20)}:"
                         f"{rng.randint(10, 59)}", "\u2014", "\u2014"])
        else:
            body.append([f"{last}, {first}", cid, "Not started", "\u2014", "\u2014", "\u2014"])
    body.sort(key=lambda r: r[0].casefold())
    widths = [170, 90, 90, 130, 160, 70]
    p.table(x, p.h - 134, widths, rows + body, row_h=24, face="LiberationSans", head_face="LiberationSans-Bold",
            size=9.5, head_fill=TINT, rules="rows")
    p.text(x, 60, "Credits are awarded on completion only. A certificate is issued to each learner who completed.",
           "LiberationSans", 8.5, colour=GREY)
    p.text(p.w - x, 30, "Page 1 / 1", "LiberationSans", 8, align="right", colour=GREY)


@layout("lms", evidence="id+email", units="cec")
def draw_csv_in_text_editor(p, c):
    """A CSV export printed from a text editor: line numbers, a header and one record, ISO timestamps."""
    p.landscape()
    rng = c.rng("csv")
    x = 40
    p.box(x, p.h - 60, p.w - 2 * x, 24, 0, fill=TINT)
    p.text(x + 10, p.h - 52, f"ce_completions_{c.completed:%Y-%m}.csv \u2014 Text Editor", "LiberationSans", 10)
    t1 = f"{iso(c.completed)}T{rng.randint(13, 17)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}Z"
    t2 = f"{iso(c.issued)}T{rng.randint(13, 17)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}Z"
    title = c.course.title.replace('"', "'")
    lines = ["learner_id,first_name,last_name,email,course_number,course_title,completed_at,certificate_issued_at,ceus",
             f'{c.person.certificant_id},{c.person.first},{c.person.last},{c.person.email},{c.course.number},'
             f'"{title}",{t1},{t2},{cec(c.ceus)}', ""]
    face, size = "LiberationMono", 9.5
    cols = int((p.w - 2 * x - 50) / p.width("0", face, size))
    y = p.h - 86
    for n, line in enumerate(lines, 1):
        p.text(x + 30, y, str(n), face, size, align="right", colour=GREY)
        chunks = []
        while len(line) > cols:                 # soft wrap after the last comma that fits
            cut = line.rfind(",", 0, cols) + 1 or cols
            chunks.append(line[:cut])
            line = line[cut:]
        chunks.append(line)
        for chunk in chunks:
            p.text(x + 44, y, chunk, face, size)
            y -= 14
    p.c.setStrokeColor(GRID)
    p.c.line(x + 36, p.h - 70, x + 36, 60)
    p.c.setStrokeColor(black)
    p.text(x, 40, f"{c.course.provider} learning records export  \u00b7  UTF-8  \u00b7  LF  \u00b7  printed "
           f"{us(c.printed)}", "LiberationSans", 8, colour=GREY)


@layout("lms", evidence="email", units="cec")
def draw_learner_activity_log(p, c):
    """One learner's activity log: timestamped events; completion is the 'Course completed' row."""
    rng = c.rng("activity")
    d = c.completed
    enrolled = d - timedelta(days=rng.randint(8, 40))
    steps = sorted(rng.sample(range(1, (d - enrolled).days), 3)) if (d - enrolled).days > 4 else [1, 2, 3]
    events = [(enrolled, 9, "Enrolled", "Self-enrolled from the course catalogue"),
              (enrolled + timedelta(days=steps[0]), 19, "Module completed", "Module 1 of 3"),
              (enrolled + timedelta(days=steps[1]), 20, "Module completed", "Module 2 of 3"),
              (enrolled + timedelta(days=steps[2]), 18, "Module completed", "Module 3 of 3"),
              (d, 14, "Final quiz passed", f"Score {rng.randint(80, 100)}% (pass mark 80%)"),
              (d, 14, "Course completed", f"{cec(c.ceus)} CEC awarded"),
              (c.issued, 15, "Certificate issued", f"Certificate no. {c.seed % 900000 + 100000}"),
              (c.printed, 16, "Certificate downloaded", "PDF")]
    x = 50
    p.text(x, p.h - 64, c.course.provider, "LiberationSans-Bold", 15)
    p.text(x, p.h - 84, "Learner Activity Log", "LiberationSans", 12)
    info = [("Learner", c.person.name), ("Email", c.person.email), ("Course", c.course.title),
            ("ACE course number", course_no(c.course.number, "hyphen"))]
    y = p.h - 116
    for label, value in info:
        p.text(x, y, label, "LiberationSans", 9.5, colour=GREY)
        p.text(x + 120, y, value, "LiberationSans-Bold",
               _fit(p, value, "LiberationSans-Bold", 11, p.w - 2 * x - 120, 8))
        y -= 17
    rows = [["Timestamp", "Event", "Detail"]]
    for when, hour, ev, detail in events:
        rows.append([f"{iso(when)} {hour}:{rng.randint(10, 59)}:{rng.randint(10, 59)}", ev, detail])
    p.table(x, y - 14, [140, 150, 222], rows, row_h=22, face="LiberationSans", head_face="LiberationSans-Bold",
            size=9.5, head_fill=TINT, rules="rows")
    p.text(x, 60, "Times are the portal's (US Mountain time). The course is complete when its final quiz is passed.",
           "LiberationSans", 8.5, colour=GREY)


# ---------------------------------------------------------------- letters

@layout("prose", evidence="id", units="cec")
def draw_letter_day_first_box(p, c):
    """Irish letter dated day-first ('20/06/2025'); the record in a box whose date caption says DD/MM/YYYY."""
    x = 72
    d, pr = c.completed, c.printed
    p.text(x, p.h - 70, c.course.provider, "LiberationSerif-Bold", 18)
    p.text(x, p.h - 86, "Unit 4, Docklands Business Park, Dublin 1, D01 K2X4  \u00b7  +353 1 555 0147",
           "LiberationSans", 8.5, colour=GREY)
    p.hline(x, p.w - x, p.h - 96, 0.6)
    p.text(p.w - x, p.h - 126, f"{pr.day:02d}/{pr.month:02d}/{pr.year}", "LiberationSerif", 11, align="right")
    p.text(x, p.h - 160, f"Dear {c.person.first},", "LiberationSerif", 12)
    y = p.wrap(x, p.h - 184, p.w - 2 * x, f"Well done on finishing {c.course.title} with us. The course is "
               "approved by the American Council on Exercise, and the details to report for your ACE renewal are "
               "set out below. Please check them and let us know within thirty days if anything is wrong.",
               "LiberationSerif", 12, 17)
    top = y - 12
    rows = [("Participant", c.person.name), ("ACE certification no.", c.person.certificant_id),
            ("Course", c.course.title), ("ACE course no.", course_no(c.course.number, "space")),
            ("Date completed (DD/MM/YYYY)", f"{d.day:02d}/{d.month:02d}/{d.year}"), ("ACE CECs", cec(c.ceus))]
    bh = 20 + 22 * len(rows)
    p.box(x, top - bh, p.w - 2 * x, bh, 1.2)
    yy = top - 24
    for label, value in rows:
        p.text(x + 12, yy, label, "LiberationSans", 10)
        p.text(x + 200, yy, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 11, p.w - 2 * x - 210,
                                                                 8))
        yy -= 22
    y = p.wrap(x, top - bh - 28, p.w - 2 * x, "This letter is your certificate of completion; no other certificate "
               "will follow. We hope to see you on another course soon.", "LiberationSerif", 12, 17)
    p.text(x, y - 12, "Le gach dea-ghu\u00ed / With best wishes,", "LiberationSerif", 12)
    p.signature(x, y - 60, 160)
    p.text(x, y - 74, f"{_staff(c, 1)}, Course Administrator", "LiberationSerif", 11)
    p.text(x, 50, "Registered in Ireland no. 5550" + str(c.seed % 90 + 10), "LiberationSans", 7.5, colour=GREY)


@layout("prose", evidence="name", units="hours")
def draw_letter_weekday_ordinal_hours(p, c):
    """Letter: 'attended ... on Saturday the 14th of June 2025 ... 8 contact hours'; no labels, a letter date."""
    x = 80
    d = c.completed
    p.logo(x, p.h - 104, initials(c.course.provider) or "CE", 44, "square")
    p.text(x + 56, p.h - 76, c.course.provider, "LiberationSans-Bold", 15)
    p.text(x + 56, p.h - 94, "Workshops for fitness professionals", "LiberationSans-Italic", 10, colour=GREY)
    p.text(x, p.h - 150, f"{ordinal(c.printed.day)} {c.printed:%B} {c.printed.year}", "LiberationSerif", 12)
    p.text(x, p.h - 186, f"Dear {c.person.name},", "LiberationSerif", 12)
    body = (f"I am writing to confirm that you attended our workshop {c.course.title} on {d:%A} the "
            f"{ordinal(d.day)} of {d:%B} {d.year}, and took part for the whole day, {hours_of(c)} contact hours in "
            f"all. The workshop is approved by the American Council on Exercise as course "
            f"{course_no(c.course.number, 'hyphen')}.")
    y = p.wrap(x, p.h - 212, p.w - 2 * x, body, "LiberationSerif", 12.5, 18)
    y = p.wrap(x, y - 10, p.w - 2 * x, "ACE counts ten contact hours as one continuing education credit. Please keep "
               "this letter; it is the only certificate we issue for the workshop.", "LiberationSerif", 12.5, 18)
    y = p.wrap(x, y - 10, p.w - 2 * x, "Thank you for a lively day. I hope the drills serve you and your clients well.",
               "LiberationSerif", 12.5, 18)
    p.text(x, y - 18, "Kind regards,", "LiberationSerif", 12)
    p.signature(x, y - 64, 150)
    p.text(x, y - 80, _staff(c, 2), "LiberationSerif", 12)
    p.text(x, y - 95, "Workshop presenter", "LiberationSerif-Italic", 10)


@layout("prose", evidence="name", units="cec", extra={"birth": True})
def draw_employer_verification_birth(p, c):
    """Verification letter to an employer: 'LAST, First (date of birth ...)' in the Re: line; completion in the body."""
    x = 72
    p.text(x, p.h - 70, c.course.provider, "LiberationSans-Bold", 16)
    p.text(x, p.h - 86, "Registrar's Office", "LiberationSans", 10, colour=GREY)
    p.hline(x, p.w - x, p.h - 96, 1)
    p.text(x, p.h - 128, f"Date: {written(c.printed)}", "LiberationSerif", 11)
    p.text(x, p.h - 152, "To: Human Resources Department (at the request of the employee)", "LiberationSerif", 11)
    p.runs(x, p.h - 184, [("Re: ", "LiberationSerif-Bold"), (last_first(c.person, upper=True), "LiberationSerif-Bold"),
                          (f" (date of birth {us(c.person.birth)})", "LiberationSerif")], 12)
    p.text(x, p.h - 200, "Verification of continuing education", "LiberationSerif-Bold", 12)
    body = (f"This letter verifies that our records show the person named above completed our course "
            f"{c.course.title}, ACE course number {course_no(c.course.number, 'plain')}, on {written(c.completed)}. "
            f"The course is approved by the American Council on Exercise for {cec(c.ceus)} continuing education "
            f"credits (CECs), which were awarded in full.")
    y = p.wrap(x, p.h - 232, p.w - 2 * x, body, "LiberationSerif", 12, 17)
    y = p.wrap(x, y - 10, p.w - 2 * x, "The date of birth is given only so that the record can be matched; we share "
               "no other personal data. Please direct any questions to the registrar.", "LiberationSerif", 12, 17)
    p.text(x, y - 22, "Yours faithfully,", "LiberationSerif", 12)
    p.signature(x, y - 66, 160)
    p.text(x, y - 80, f"{_staff(c, 3)}, Registrar", "LiberationSerif", 11)
    p.text(x, 56, f"Verification no. V-{c.seed % 900000 + 100000}  \u00b7  not valid if altered", "LiberationSans", 8,
           colour=GREY)


@layout("prose", evidence="email", units="cec")
def draw_reply_to_inquiry(p, c):
    """Reply to a learner's email about a certificate: the inquiry's date first, the completion after."""
    asked = min(c.printed, c.completed + timedelta(days=10 + c.seed % 50))
    x = 72
    p.text(x, p.h - 70, c.course.provider, "LiberationSerif-Bold", 17)
    p.text(x, p.h - 86, "Learner Support", "LiberationSerif-Italic", 11, colour=GREY)
    p.text(p.w - x, p.h - 70, abbrev(c.printed), "LiberationSerif", 11, align="right")
    p.text(x, p.h - 130, f"To: {c.person.email}", "LiberationSans", 10)
    p.text(x, p.h - 146, "Subject: Your question about your certificate", "LiberationSans", 10)
    p.text(x, p.h - 184, f"Dear {c.person.first},", "LiberationSerif", 12)
    body = (f"Thank you for your email of {written(asked)} asking whether your course record had been saved. It has. "
            f"You completed {c.course.title} (ACE course {course_no(c.course.number, 'hyphen')}) on "
            f"{written(c.completed)}, and the course carries {cec(c.ceus)} ACE continuing education credits.")
    y = p.wrap(x, p.h - 208, p.w - 2 * x, body, "LiberationSerif", 12, 17)
    y = p.wrap(x, y - 10, p.w - 2 * x, f"The learner account for {c.person.email} shows the course as complete. "
               "This letter may be used as your certificate of completion when you renew with ACE.",
               "LiberationSerif", 12, 17)
    p.text(x, y - 22, "Best regards,", "LiberationSerif", 12)
    p.text(x, y - 40, f"{_staff(c, 4)}, Learner Support", "LiberationSerif", 12)
    p.text(x, 56, f"Ticket #{c.seed % 90000 + 10000}", "LiberationSans", 8, colour=GREY)


# ---------------------------------------------------------------- cards, stubs and schedules

@layout("two-column", evidence="id", units="cec")
def draw_counterfoil_stub(p, c):
    """Landscape, cheque-book style: a counterfoil on the left repeating every field, perforated off."""
    p.landscape()
    stub = 190
    no = f"{c.seed % 9000 + 1000:04d}"
    p.box(0, 0, stub, p.h, 0, fill=TINT)
    for yy in range(10, int(p.h), 9):
        p.c.circle(stub, yy, 1.4, stroke=0, fill=1)
    x = 18
    p.text(x, p.h - 40, f"No. {no}", "LiberationMono-Bold", 12)
    p.text(x, p.h - 56, "COUNTERFOIL", "LiberationSans-Bold", 8, colour=GREY)
    rows = [("Issued to", c.person.name), ("ACE ID", c.person.certificant_id),
            ("Course", course_no(c.course.number, "plain")), ("Completed", us(c.completed)), ("CECs", cec(c.ceus)),
            ("Issued", us(c.issued)), ("Issued by", _staff(c, 5))]
    y = p.h - 90
    for label, value in rows:
        p.text(x, y, label, "LiberationSans", 8, colour=GREY)
        p.text(x, y - 14, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 10.5, stub - 30, 7))
        p.hline(x, stub - 14, y - 20, 0.3, GREY)
        y -= 40
    cx = stub + (p.w - stub) / 2
    p.box(stub + 24, 24, p.w - stub - 48, p.h - 48, 1.5, colour=INDIGO)
    p.text(p.w - 48, p.h - 60, f"No. {no}", "LiberationMono-Bold", 12, align="right")
    p.centre(p.h - 80, c.course.provider, "LiberationSerif", 14, x=cx)
    p.centre(p.h - 130, "Certificate of Completion", "LiberationSerif-Bold", 32, x=cx)
    p.centre(p.h - 176, "presented to", "LiberationSerif-Italic", 13, x=cx)
    p.centre(p.h - 214, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 30, 480),
             x=cx)
    p.centre(p.h - 234, f"ACE Certification ID {c.person.certificant_id}", "LiberationSans", 10.5, x=cx)
    p.centre(p.h - 270, "for completing", "LiberationSerif-Italic", 13, x=cx)
    p.centre(p.h - 296, c.course.title, "LiberationSerif-Bold",
             _fit(p, c.course.title, "LiberationSerif-Bold", 19, 480), x=cx)
    p.centre(p.h - 330, f"on {written(c.completed)}", "LiberationSerif", 14, x=cx)
    p.centre(p.h - 356, f"ACE course {course_no(c.course.number, 'space')}  \u00b7  {cec(c.ceus)} CECs",
             "LiberationSans-Bold", 12, x=cx)
    p.signature(cx - 90, 90, 180)
    p.centre(76, _staff(c, 5), "LiberationSans", 9, x=cx)


@layout("card", evidence="id", units="cec")
def draw_wallet_pass_print(p, c):
    """A phone wallet pass printed: CECs in the header, the course, holder and ID, dates, a barcode."""
    pw, ph = 300, 470
    px, py = (p.w - pw) / 2, p.h - 80 - ph
    _round_box(p, px, py, pw, ph, 14, 0.8, colour=GREY, fill=INDIGO)
    ix = px + 18
    p.logo(ix, py + ph - 52, initials(c.course.provider) or "CE", 30, "circle")
    p.text(ix + 38, py + ph - 40, c.course.provider, "LiberationSans-Bold",
           _fit(p, c.course.provider, "LiberationSans-Bold", 11, 150, 7), colour=white)
    p.text(px + pw - 18, py + ph - 30, "CECs", "LiberationSans", 7.5, align="right", colour=LIGHT)
    p.text(px + pw - 18, py + ph - 48, cec(c.ceus), "LiberationSans-Bold", 16, align="right", colour=white)
    p.text(ix, py + ph - 90, "COURSE COMPLETED", "LiberationSans", 7.5, colour=LIGHT)
    y = py + ph - 112
    for ln in _lines(p, c.course.title, "LiberationSans-Bold", 19, pw - 36)[:3]:
        p.text(ix, y, ln, "LiberationSans-Bold", 19, colour=white)
        y -= 22

    def field(fx, fy, label, value, w):
        p.text(fx, fy, label, "LiberationSans", 7.5, colour=LIGHT)
        p.text(fx, fy - 16, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 12.5, w, 8),
               colour=white)

    y -= 20
    field(ix, y, "HOLDER", c.person.name, 170)
    field(px + 200, y, "ACE ID", c.person.certificant_id, 80)
    y -= 46
    field(ix, y, "COMPLETED", abbrev(c.completed), 120)
    field(px + 150, y, "ACE COURSE", course_no(c.course.number, "plain"), 130)
    y -= 46
    field(ix, y, "PASS VALID UNTIL", abbrev(c.expires), 120)
    _round_box(p, px + 30, py + 20, pw - 60, 84, 6, 0, colour=white, fill=white)
    rng = c.rng("pdf417")
    cv = p.c
    for r in range(6):
        bx = px + 40
        while bx < px + pw - 44:
            w = rng.choice([1, 1, 2, 3])
            cv.rect(bx, py + 44 + r * 9, w, 9, stroke=0, fill=1)
            bx += w + rng.choice([1, 2, 2])
    p.text(p.w / 2, py + 28, f"{c.seed % 10**10:010d}", "LiberationMono", 8, align="centre")
    p.text(p.w / 2, py - 30, f"Added to Wallet {abbrev(c.printed)}  \u00b7  printed from the wallet app",
           "LiberationSans", 8, align="centre", colour=GREY)


@layout("schedule", evidence="id", units="hours")
def draw_workshop_agenda_hours(p, c):
    """One-day workshop: the printed agenda (times, sessions, hours, breaks) under a line confirming full attendance."""
    h = hours_of(c)
    blocks = _split(h, max(1, (h + 1) // 2))
    x = 60
    d = c.completed
    p.box(x, p.h - 108, p.w - 2 * x, 56, 0, fill=OLIVE)
    p.text(x + 14, p.h - 78, c.course.title, "LiberationSans-Bold", _fit(p, c.course.title, "LiberationSans-Bold", 18,
                                                                        p.w - 2 * x - 28, 10), colour=white)
    p.text(x + 14, p.h - 98, f"{c.course.provider}  \u00b7  {weekday(d)}", "LiberationSans", 10.5, colour=white)
    p.text(x, p.h - 140, "CERTIFICATE OF FULL ATTENDANCE", "LiberationSans-Bold", 13)
    p.wrap(x, p.h - 162, p.w - 2 * x, f"{c.person.name} (ACE certification no. {c.person.certificant_id}) attended "
           f"every session of the agenda below on {written(d)}: {h} contact hours. ACE course number "
           f"{course_no(c.course.number, 'space')}.", "LiberationSans", 11.5, 16)
    rows = [["Time", "Session", "Contact hours"]]
    t = 8 * 60 + 30
    names = ["Warm-up science and screening", "Coaching the movement patterns", "Programming lab", "Progressions and "
             "regressions", "Practical assessment", "Client case studies", "Group coaching practice",
             "Review and questions", "Cueing clinic", "Special populations"]
    half = len(blocks) // 2
    for i, b in enumerate(blocks):
        rows.append([f"{_clock(t)} \u2013 {_clock(t + b * 60)}", names[i % len(names)], str(b)])
        t += b * 60
        if i == half - 1 or (half == 0 and i == 0 and len(blocks) > 1):
            rows.append([f"{_clock(t)} \u2013 {_clock(t + 45)}", "Lunch (not counted)", "\u2014"])
            t += 45
        elif i < len(blocks) - 1:
            rows.append([f"{_clock(t)} \u2013 {_clock(t + 15)}", "Break", "\u2014"])
            t += 15
    rows.append(["", "Total contact hours", str(h)])
    y = p.table(x, p.h - 220, [160, 250, 82], rows, row_h=20, face="LiberationSans", head_face="LiberationSans-Bold",
                size=9.5, head_fill=TINT, rules="rows")
    p.signature(x, max(90, y - 60), 170)
    p.text(x, max(90, y - 60) - 14, f"{_staff(c, 0)}, Lead Educator", "LiberationSans", 9)
    p.text(p.w - x, max(90, y - 60) - 14, f"Certificate printed {us(c.printed)}", "LiberationSans", 9, align="right")


@layout("card", evidence="id", units="cec", courses=("safety",))
def draw_safety_certification_period(p, c):
    """Landscape safety certificate: 'Course date' in the holder panel, a 'Certification period' to expiry."""
    p.landscape()
    red = Color(0.72, 0.10, 0.12)
    p.box(0, p.h - 90, p.w, 90, 0, fill=red)
    p.text(40, p.h - 52, c.course.title.upper(), "LiberationSans-Bold", _fit(p, c.course.title.upper(),
                                                                             "LiberationSans-Bold", 26, p.w - 260, 12),
           colour=white)
    p.text(40, p.h - 74, c.course.provider, "LiberationSans", 11, colour=white)
    p.text(p.w - 40, p.h - 52, "CERTIFIED", "LiberationSans-Bold", 20, align="right", colour=white)
    bw = (p.w - 100) / 2
    top = p.h - 130
    for i, head in enumerate(("HOLDER", "CERTIFICATION")):
        bx = 40 + i * (bw + 20)
        p.box(bx, top - 300, bw, 300, 1)
        p.box(bx, top - 28, bw, 28, 0, fill=TINT)
        p.text(bx + 12, top - 19, head, "LiberationSans-Bold", 10)
    left = [("Name", c.person.name), ("ACE certification no.", c.person.certificant_id),
            ("Course date", dmy_abbrev(c.completed)), ("Skills test", "Passed")]
    right = [("ACE course number", course_no(c.course.number, "hyphen")), ("CEC", cec(c.ceus)),
             ("Certification period", f"{dmy_abbrev(c.completed)} to {dmy_abbrev(c.expires)}"),
             ("Instructor", f"{_staff(c, 1)} (Instr. ID {c.seed % 90000 + 10000})")]
    for i, rows in enumerate((left, right)):
        bx = 40 + i * (bw + 20) + 14
        y = top - 56
        for label, value in rows:
            p.text(bx, y, label, "LiberationSans", 9, colour=GREY)
            p.text(bx, y - 18, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 14, bw - 28, 9))
            y -= 62
    p.text(40, 60, "The course date is the day the skills test was passed. Recertify before the end of the period.",
           "LiberationSans", 9, colour=GREY)
    p.text(p.w - 40, 60, f"Issued {dmy_abbrev(c.issued)}", "LiberationSans", 9, align="right")
