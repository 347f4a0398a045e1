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


@layout("dot-leader", evidence="id", units="cec", extra={"birth": True})
def draw_fill_in_lines(p, c):
    """Fill-in form: values typed on underscore lines after the label, 'Surname, Given name', date of birth."""
    x, vx = 66, 270
    p.text(x, p.h - 80, c.course.provider, "LiberationSerif-Bold", 17)
    p.text(x, p.h - 98, "Continuing Education \u2014 Participant Record", "LiberationSerif", 12)
    rows = [("Surname, given name", f"{c.person.last}, {c.person.first}"),
            ("Date of birth", us(c.person.birth)), ("Certification number", c.person.certificant_id),
            ("Title of program", c.course.title), ("ACE program number", course_no(c.course.number, "space")),
            ("Date program finished", us(c.completed)), ("Credits granted (CEC)", cec(c.ceus))]
    y = p.h - 150
    for label, value in rows:
        p.leader(x, y, label, "", p.w - x, "LiberationSerif", 12, dot="_")
        p.text(vx, y + 2, value, "LiberationMono", 12)
        y -= 32
    p.text(x, y - 20, "Signature of program officer", "LiberationSerif", 10)
    p.signature(x + 170, y - 20, 160)


@layout("prose", evidence="id", units="hours", extra={"accented": True})
def draw_letter_address_block(p, c):
    """Letter with the person's postal address block, 'On 5 March 2026 you completed', hours, a reference line."""
    x = 80
    p.text(p.w - x, p.h - 70, c.course.provider, "DejaVuSerif-Bold", 13, align="right")
    p.text(p.w - x, p.h - 85, f"{dmy(c.printed)}", "DejaVuSerif", 10, align="right")
    y = p.h - 140
    for line in (c.person.name, f"{10 + c.seed % 890} {['Maple', 'Cedar', 'Lake', 'Hill'][c.seed % 4]} Street",
                 f"Springfield, IL 627{c.seed % 90 + 10:02d}"):
        p.text(x, y, line, "DejaVuSerif", 11)
        y -= 15
    p.text(x, y - 25, f"Reference: ACE {c.person.certificant_id}", "DejaVuSerif-Bold", 10)
    p.text(x, y - 60, f"Dear {c.person.first},", "DejaVuSerif", 11)
    y = p.wrap(x, y - 85, p.w - 2 * x,
               f"On {dmy(c.completed)} you completed our course {c.course.title} "
               f"(course number {c.course.number}). The course amounts to {hours_of(c)} hours of "
               "structured learning, which we have reported as approved.", "DejaVuSerif", 11, 16)
    y = p.wrap(x, y - 8, p.w - 2 * x, "We hope to welcome you back soon.", "DejaVuSerif", 11, 16)
    p.text(x, y - 25, "Yours sincerely,", "DejaVuSerif", 11)
    p.signature(x, y - 75, 150)
    p.text(x, y - 90, "Student Services", "DejaVuSerif", 10)


@layout("award", evidence="id", units="cec")
def draw_caption_under_line(p, c):
    """Award whose fields are typed above a rule with the caption below it (Participant, Date, Course No.)."""
    p.landscape()
    p.ornate_border(18, 16)
    p.centre(p.h - 100, c.course.provider, "LiberationSerif-Italic", 20)
    p.centre(p.h - 150, "Certificate of Completion", "LiberationSerif-Bold", 32)
    p.centre(p.h - 185, f"for {c.course.title}", "LiberationSerif", 15)

    def slot(cx, y, w, value, caption):
        p.text(cx, y + 6, value, "LiberationSans", 14, align="centre")
        p.hline(cx - w / 2, cx + w / 2, y, 0.7)
        p.text(cx, y - 13, caption, "LiberationSans", 9, align="centre")

    slot(p.w / 2, p.h - 260, 380, c.person.name, "Participant")
    slot(p.w / 4, p.h - 330, 200, c.person.certificant_id, "ACE certificant number")
    slot(3 * p.w / 4, p.h - 330, 200, course_no(c.course.number, "hyphen"), "ACE course no.")
    slot(p.w / 4, p.h - 400, 200, us(c.completed), "Date")
    slot(3 * p.w / 4, p.h - 400, 200, f"{cec(c.ceus)} CEC", "Credit")
    p.signature(p.w / 2 - 90, 90, 180)


@layout("table", evidence="email", units="cec")
def draw_spreadsheet_export(p, c):
    """A spreadsheet printed to PDF: a gridded header row and one data row, small type, landscape, email only."""
    p.landscape()
    x = 36
    p.text(x, p.h - 40, f"{c.course.provider} - completions export.xlsx", "LiberationSans", 8, colour=GREY)
    p.text(p.w - x, p.h - 40, "Page 1 of 1", "LiberationSans", 8, align="right", colour=GREY)
    widths = [110, 150, 80, 200, 70, 50, 60]
    p.table(x, p.h - 60, widths,
            [["Full name", "E-mail", "Course Number", "Course Name", "Finish Date", "CEUs", "Status"],
             [c.person.name, c.person.email, c.course.number, c.course.title[:36], us(c.completed), cec(c.ceus),
              "passed"]], row_h=16, face="LiberationSans", head_face="LiberationSans-Bold", size=8)


@layout("two-column", evidence="id", units="cec")
def draw_sidebar_two_column(p, c):
    """Two columns: a left sidebar of provider text with a street address and ZIP, the certificate on the right."""
    p.box(0, 0, 190, p.h, 0, fill=LIGHT)
    x = 24
    p.text(x, p.h - 70, c.course.provider, "DejaVuSansCondensed-Bold", 12)
    y = p.wrap(x, p.h - 95, 150, "Advancing movement professionals through evidence-based education "
               "since 1998.", "DejaVuSansCondensed", 9, 12)
    for line in (f"{100 + c.seed % 800} Market Street", "San Francisco, CA 94105", "(415) 555-0176",
                 "education@provider.example"):
        p.text(x, y - 10, line, "DejaVuSansCondensed", 9)
        y -= 13
    rx = 220
    p.text(rx, p.h - 90, "This document certifies", "DejaVuSerif-Italic", 14)
    p.text(rx, p.h - 125, c.person.name, "DejaVuSerif-Bold", 24)
    p.text(rx, p.h - 145, f"Certificant {c.person.certificant_id}", "DejaVuSans", 10)
    y = p.wrap(rx, p.h - 185, p.w - rx - 50,
               f"completed the ACE-approved course {c.course.title} ({course_no(c.course.number, 'space')}) "
               f"and is awarded {cec(c.ceus)} continuing education credits.", "DejaVuSerif", 13, 19)
    p.text(rx, y - 20, "Course completed", "DejaVuSans", 9, colour=GREY)
    p.text(rx, y - 36, written(c.completed), "DejaVuSans-Bold", 12)
    p.text(rx + 180, y - 20, "Certificate expires", "DejaVuSans", 9, colour=GREY)
    p.text(rx + 180, y - 36, written(c.expires), "DejaVuSans-Bold", 12)
    p.signature(rx, y - 110, 160)


@layout("card", evidence="id", courses=("safety",))
def draw_provider_card_portrait(p, c):
    """Portrait safety certificate with a holder line in capitals 'LAST, FIRST', training, issued and expiry dates."""
    p.border(50, double=False, width=2)
    p.logo(p.w / 2 - 25, p.h - 130, initials(c.course.provider), 50, "circle")
    p.centre(p.h - 160, c.course.title, "Helvetica-Bold", 20)
    p.centre(p.h - 182, "Provider Certificate", "Helvetica", 13)
    rows = [("Holder", f"{c.person.last.upper()}, {c.person.first.upper()}"), ("ACE ID", c.person.certificant_id),
            ("Training date", dmy(c.completed)), ("Card issued", dmy(c.issued)), ("Card expires", dmy(c.expires)),
            ("Course reference", course_no(c.course.number, "hyphen")), ("CEC", cec(c.ceus))]
    y = p.h - 240
    for label, value in rows:
        p.text(130, y, label, "Helvetica", 11)
        p.text(280, y, value, "Helvetica-Bold", 12)
        y -= 27
    p.text(130, y - 20, "Instructor", "Helvetica", 9)
    p.signature(130, y - 60, 160)


@layout("award", evidence="name", units="cec", extra={"accented": True})
def draw_script_award(p, c):
    """Script award, landscape: the name alone in large italics, 'this certificate is awarded on 5 March 2026'."""
    p.landscape()
    p.corners(24, 120, 1.5)
    p.border(34, double=False, width=0.6)
    p.centre(p.h - 110, "In recognition of professional development", "DejaVuSerif-Italic", 15)
    p.centre(p.h - 185, c.person.name, "DejaVuSerif-Italic", 44)
    p.centre(p.h - 235, f"{c.course.provider} confirms the completion of", "DejaVuSerif", 14)
    p.centre(p.h - 262, c.course.title, "DejaVuSerif-Bold", 18)
    p.centre(p.h - 300, f"and this certificate is awarded on {dmy(c.completed)}", "DejaVuSerif", 14)
    p.centre(p.h - 335, f"{cec(c.ceus)} CECs \u2022 ACE {c.course.number}", "DejaVuSans", 11)
    p.signature(p.w / 2 - 80, 100, 160)


@layout("table", evidence="id", units="cec")
def draw_fixed_width_statement(p, c):
    """Statement of credit as a fixed-width printout: column headings and one line of values, no rules."""
    x = 50
    f = "Courier"
    p.text(x, p.h - 60, f"{c.course.provider.upper()[:40]:40}  STATEMENT OF CREDIT", f, 10)
    p.text(x, p.h - 74, f"RUN DATE {us(c.printed)}{'':22}PAGE 1", f, 10)
    p.text(x, p.h - 88, "-" * 78, f, 10)
    p.text(x, p.h - 110, f"{'ACE-ID':8}{'NAME (LAST, FIRST)':26}{'COURSE':11}{'COMPLETED':12}{'CEU':>5}", f, 10)
    name = f"{c.person.last.upper()}, {c.person.first.upper()}"[:25]
    p.text(x, p.h - 126, f"{c.person.certificant_id:8}{name:26}{c.course.number:11}{us(c.completed):12}"
           f"{cec(c.ceus):>5}", f, 10)
    p.text(x, p.h - 150, f"COURSE TITLE: {c.course.title.upper()}", f, 10)
    p.text(x, p.h - 178, "-" * 78, f, 10)
    p.text(x, p.h - 192, "END OF STATEMENT", f, 10)


@layout("award", evidence="id", units="cec")
def draw_footer_strip_award(p, c):
    """Plain landscape award: 'Awarded to' over the name, 'ID#' under it, one footer strip of fields split by bars."""
    p.landscape()
    p.border(30, double=False, width=5)
    p.centre(p.h - 100, "Certificate of Completion", "LiberationSans-Bold", 30)
    p.centre(p.h - 125, c.course.provider, "LiberationSans", 13)
    p.centre(p.h - 180, "Awarded to", "LiberationSans-Italic", 13)
    p.centre(p.h - 220, c.person.name, "LiberationSans-Bold", 30)
    p.centre(p.h - 242, f"ID# {c.person.certificant_id}", "LiberationSans", 11)
    p.centre(p.h - 290, c.course.title, "LiberationSans", 18)
    p.hline(80, p.w - 80, 150, 0.6)
    p.centre(128, f"Date Completed {us(c.completed)}   |   CEUs {cec(c.ceus)}   |   ACE Course {c.course.number}",
             "LiberationSans", 12)
    p.signature(p.w / 2 - 80, 72, 160)


@layout("form", evidence="id", units="cec")
def draw_boxed_grid_with_seal(p, c):
    """Plain portrait form: a boxed two-column grid of labelled fields, the provider's mark and a seal at the side."""
    x, w = 60, p.w - 120
    p.logo(p.w - 110, p.h - 110, initials(c.course.provider), 50, "square")
    p.text(x, p.h - 80, c.course.provider, "Times-Bold", 18)
    p.text(x, p.h - 100, "Certificate of Course Completion", "Times-Italic", 14)
    rows = [("Participant", c.person.name), ("ACE Member ID", c.person.certificant_id),
            ("Course Title", c.course.title), ("ACE Course Code", c.course.number),
            ("Date Completed", written(c.completed)), ("CECs Earned", cec(c.ceus))]
    top, rh = p.h - 150, 34
    p.box(x, top - rh * len(rows), w, rh * len(rows), 1)
    for i, (label, value) in enumerate(rows):
        y = top - (i + 1) * rh
        if i:
            p.hline(x, x + w, y + rh, 0.4)
        p.text(x + 10, y + 12, label, "Times-Bold", 12)
        p.text(x + 160, y + 12, value, "Times-Roman", 12)
    p.c.line(x + 150, top, x + 150, top - rh * len(rows))
    p.seal(p.w - 120, top - rh * len(rows) - 70, 42, ("SEAL", ""))
    p.signature(x, top - rh * len(rows) - 90, 170)
