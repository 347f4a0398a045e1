"""HELD-OUT layouts. Whoever works on the certificate reader does not open this file.

`make quality` counts these layouts' pages (per layout, counts only) and never prints their
misses. They are of the same families of variation as bench/certcorpus/tuned.py but worded,
structured and arranged differently, so their figures say how the reader does on layouts it
was not tuned against. Do not copy a layout from here into tuned.py or into the reader's tests.
"""

from __future__ import annotations

from .model import registry

LAYOUTS, layout = registry()

from datetime import timedelta  # noqa: E402

from .fmt import cec, course_no, dmy, hours_of, iso, upper_name, us, written  # noqa: E402
from .pen import GREY, LIGHT, initials  # noqa: E402


def _d_range(start, end) -> str:
    """`12\u201314 June 2026` (day-month order, an en dash)."""
    if start == end:
        return dmy(end)
    if start.month == end.month:
        return f"{start.day}\u2013{end.day} {end:%B} {end.year}"
    return f"{start.day} {start:%B} \u2013 {end.day} {end:%B} {end.year}"


@layout("form", evidence="id", units="hours")
def draw_verification_notice(p, c):
    """Verification notice: right-aligned labels with colons, course date and notice date, credit hours."""
    x = 70
    p.text(x, p.h - 72, c.course.provider, "DejaVuSerif-Bold", 15)
    p.text(x, p.h - 88, "Registrar's Office", "DejaVuSerif", 10)
    p.text(p.w - x, p.h - 72, "VERIFICATION OF ATTENDANCE", "DejaVuSans-Bold", 10, align="right")
    p.hline(x, p.w - x, p.h - 100, 0.6)
    lx, vx = 230, 240
    rows = [("Notice date:", us(c.printed)), ("", ""), ("Attendee:", c.person.name),
            ("Member number:", c.person.certificant_id), ("Program:", c.course.title),
            ("Program code:", course_no(c.course.number, "space")), ("Date of program:", written(c.completed)),
            ("Credit hours:", str(hours_of(c))), ("Format:", "In person")]
    y = p.h - 140
    for label, value in rows:
        if label:
            p.text(lx, y, label, "DejaVuSans", 10.5, align="right")
            p.text(vx, y, value, "DejaVuSerif", 11)
        y -= 21
    p.wrap(x, y - 20, p.w - 2 * x, "We verify that the person named above attended the program in full. "
           "Questions about this notice may be sent to the registrar.", "DejaVuSerif", 10, 14)
    p.signature(x, y - 90, 150)
    p.text(x, y - 104, "Registrar", "DejaVuSans", 9)


@layout("award", evidence="name")
def draw_banner_award(p, c):
    """Award with the name in capitals and no label, 'on the 5th of March 2026', a program ID with a hyphen."""
    from .fmt import ordinal

    p.landscape()
    p.box(0, p.h - 130, p.w, 130, 0, fill=LIGHT)
    p.logo(50, p.h - 100, initials(c.course.provider), 56, "triangle")
    p.text(130, p.h - 70, c.course.provider, "LiberationSans-Bold", 22)
    p.text(130, p.h - 92, "Excellence in movement education", "LiberationSans-Italic", 12)
    p.centre(p.h - 190, "AWARD OF COMPLETION", "LiberationSans", 16)
    p.centre(p.h - 250, upper_name(c.person), "LiberationSerif-Bold", 34)
    p.centre(p.h - 295, "for completion of the ACE-approved program", "LiberationSerif", 15)
    p.centre(p.h - 322, c.course.title, "LiberationSerif-BoldItalic", 19)
    d = c.completed
    p.centre(p.h - 356, f"on the {ordinal(d.day)} of {d:%B} {d.year}", "LiberationSerif", 15)
    p.text(60, 60, f"Program ID: {course_no(c.course.number, 'hyphen')}", "LiberationSans", 10)
    p.text(p.w - 60, 60, f"Credit value: {cec(c.ceus)} CEC", "LiberationSans", 10, align="right")
    p.signature(p.w / 2 - 90, 100, 180)


@layout("event", evidence="id", units="cec", courses=("event",))
def draw_event_attendance_box(p, c):
    """Event certificate: 'Attendance verified for' box, a day-month date range with an en dash, CECs earned."""
    p.border(40, double=False, width=1)
    p.centre(p.h - 100, c.course.title.upper(), "DejaVuSansCondensed-Bold", 20)
    p.centre(p.h - 122, c.course.provider, "DejaVuSansCondensed", 12)
    p.box(90, p.h - 250, p.w - 180, 90, 1.2)
    p.text(105, p.h - 180, "Attendance verified for", "DejaVuSansCondensed", 10)
    p.centre(p.h - 215, c.person.name, "DejaVuSans-Bold", 24)
    p.centre(p.h - 238, f"Member {c.person.certificant_id}", "DejaVuSansCondensed", 10)
    rows = [("Dates of event", _d_range(c.start, c.completed)), ("CECs earned", cec(c.ceus)),
            ("Event approval", course_no(c.course.number, "space")), ("Certificate issued", dmy(c.issued))]
    y = p.h - 300
    for label, value in rows:
        p.text(110, y, label, "DejaVuSansCondensed-Bold", 12)
        p.text(270, y, value, "DejaVuSansCondensed", 12)
        y -= 26
    p.seal(p.w - 140, 140, 40, ("VERIFIED", ""))


@layout("minimal", evidence="email", units="cec")
def draw_lms_status_page(p, c):
    """Learning-platform status page: learner email, enrolled date beside the passed date, score, credits 'CEU'."""
    x = 56
    p.box(0, p.h - 60, p.w, 60, 0, fill=LIGHT)
    p.text(x, p.h - 38, f"{initials(c.course.provider)} Learning", "DejaVuSans-Bold", 16)
    p.text(p.w - x, p.h - 38, "My transcript  |  Sign out", "DejaVuSans", 9, align="right")
    p.text(x, p.h - 100, c.course.title, "DejaVuSans-Bold", 18)
    enrolled = c.completed - timedelta(days=(c.seed % 40) + 5)
    rows = [("Learner", c.person.email), ("Status", "Passed"), ("Score", f"{80 + c.seed % 20}%"),
            ("Enrolled", us(enrolled)), ("Passed on", us(c.completed)), ("Credits", f"{cec(c.ceus)} CEU"),
            ("Course ID", c.course.number), ("Provider", c.course.provider)]
    y = p.h - 140
    for label, value in rows:
        p.text(x, y, label, "DejaVuSans", 10, colour=GREY)
        p.text(x + 120, y, value, "DejaVuSans", 11)
        p.hline(x, p.w - x, y - 8, 0.3, GREY)
        y -= 28
    p.text(x, 50, f"Page printed {iso(c.printed)}", "DejaVuSans", 8, colour=GREY)
