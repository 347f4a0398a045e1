"""Tuned layouts: the reader may be tuned against these, and `make quality --misses` shows their misses.

Each function draws one provider's certificate for a Cert on a Pen; its decorator says what
identifies the person (evidence), how the credit is stated (units) and which courses it
certifies. The first line of each docstring says what the layout exercises.
"""

from __future__ import annotations

from .fmt import (abbrev, cec, course_no, date_range, day_of, dmy, hours_of, iso, last_first, us,
                  us_short, weekday, written)
from .model import registry
from .pen import GREY, LIGHT, initials

LAYOUTS, layout = registry()


@layout("award", evidence="id")
def draw_classic_landscape(p, c):
    """Landscape award, serif: name large under 'This certifies that', ID below, 'Date of completion' in words."""
    p.landscape()
    p.border(26)
    p.centre(p.h - 80, c.course.provider.upper(), "Times-Bold", 15)
    p.centre(p.h - 128, "Certificate of Completion", "Times-BoldItalic", 36)
    p.centre(p.h - 172, "This certifies that", "Times-Italic", 16)
    p.centre(p.h - 215, c.person.name, "LiberationSerif-Bold", 32)
    p.hline(p.w / 2 - 200, p.w / 2 + 200, p.h - 224, 0.6)
    p.centre(p.h - 242, f"ACE ID {c.person.certificant_id}", "Times-Roman", 12)
    p.centre(p.h - 280, "has successfully completed the course", "Times-Italic", 16)
    p.centre(p.h - 313, c.course.title, "Times-Bold", 22)
    p.centre(p.h - 350, f"Course No. {course_no(c.course.number, 'space')}   \u2022   {cec(c.ceus)} CEC",
             "Times-Roman", 14)
    p.text(90, 118, f"Date of completion: {written(c.completed)}", "Times-Roman", 13)
    p.signature(p.w - 300, 118, 190)
    p.text(p.w - 300, 104, "Director, Continuing Education", "Times-Italic", 11)
    p.seal(p.w / 2, 110)


@layout("prose", evidence="id")
def draw_letter_awarded_on(p, c):
    """Letter in prose: 'was awarded 0.8 CECs on April 30, 2026'; an issue date at the top; course no. with a space."""
    x = 72
    p.logo(x, p.h - 100, initials(c.course.provider), 40, "square")
    p.text(x + 52, p.h - 78, c.course.provider, "LiberationSans-Bold", 16)
    p.text(x + 52, p.h - 94, "Office of Professional Education", "LiberationSans", 10)
    p.hline(x, p.w - x, p.h - 110, 1.2)
    p.text(x, p.h - 140, f"Issued {written(c.issued)}", "LiberationSerif", 11)
    p.text(x, p.h - 185, "To whom it may concern,", "LiberationSerif", 12)
    y = p.wrap(x, p.h - 212, p.w - 2 * x,
               f"This letter confirms that {c.person.name} (ACE ID {c.person.certificant_id}) completed "
               f"\u201c{c.course.title}\u201d, ACE course {course_no(c.course.number, 'space')}, and was awarded "
               f"{cec(c.ceus)} continuing education credits (CECs) on {written(c.completed)}.",
               "LiberationSerif", 12, 17)
    y = p.wrap(x, y - 10, p.w - 2 * x,
               "The course was delivered live by a qualified instructor and included a written assessment. "
               "Please retain this letter with your professional records.", "LiberationSerif", 12, 17)
    p.text(x, y - 30, "Kind regards,", "LiberationSerif", 12)
    p.signature(x, y - 80, 160)
    p.text(x, y - 95, "Registrar", "LiberationSerif-Italic", 11)
    p.text(x, 60, f"{c.course.provider} \u2022 Continuing education records are kept for seven years.",
           "LiberationSans", 8, colour=GREY)


@layout("dot-leader", evidence="id", units="hours")
def draw_dot_leader_form(p, c):
    """Dot-leader form: 'Participant ....... LAST, First', completion and print dates, contact hours."""
    x, vx = 80, 300
    p.text(x, p.h - 90, c.course.provider, "Courier-Bold", 16)
    p.text(x, p.h - 110, "RECORD OF CONTINUING EDUCATION", "Courier", 12)
    p.hline(x, p.w - x, p.h - 120)
    rows = [("Participant", last_first(c.person, upper=True)),
            ("Certificant No.", c.person.certificant_id),
            ("Program", c.course.title),
            ("ACE Course Number", course_no(c.course.number, "hyphen")),
            ("Completion Date", iso(c.completed)),
            ("Contact Hours", f"{hours_of(c)}.0"),
            ("Record printed", iso(c.printed))]
    y = p.h - 160
    for label, value in rows:
        p.leader(x, y, label, value, vx, "Courier", 11)
        y -= 26
    p.wrap(x, y - 20, p.w - 2 * x, "One contact hour equals 0.1 CEC. This record is valid without a signature.",
           "Courier", 9, 12)


@layout("award", evidence="name", extra={"accented": True})
def draw_award_name_centre(p, c):
    """Award with the name set large in the middle and no label, an ornate frame, 'given this 3rd day of May, 2026'."""
    p.landscape()
    p.ornate_border(22)
    p.centre(p.h - 95, "CERTIFICATE", "DejaVuSerif-Bold", 40)
    p.centre(p.h - 122, "OF  ACHIEVEMENT", "DejaVuSerif", 15)
    p.centre(p.h - 160, "proudly presented to", "DejaVuSerif-Italic", 14)
    p.centre(p.h - 215, c.person.name, "DejaVuSerif-Italic", 40)
    p.hline(p.w / 2 - 230, p.w / 2 + 230, p.h - 228, 0.8, GREY)
    p.centre(p.h - 262, f"in recognition of completing {c.course.title}", "DejaVuSerif", 14)
    p.centre(p.h - 290, f"given this {day_of(c.completed)}", "DejaVuSerif", 14)
    p.centre(p.h - 330, f"ACE approved course {c.course.number}  \u00b7  {cec(c.ceus)} CECs", "DejaVuSans", 11)
    p.signature(110, 120, 180)
    p.text(110, 106, "Program Director", "DejaVuSerif-Italic", 10)
    p.signature(p.w - 290, 120, 180)
    p.text(p.w - 290, 106, c.course.provider, "DejaVuSerif-Italic", 10)


@layout("table", evidence="id", units="hours")
def draw_transcript_table(p, c):
    """Transcript-style table: Student 'Last, First' above a course table with Course # / Title / Completed / Hours."""
    x = 60
    p.text(x, p.h - 80, c.course.provider, "Helvetica-Bold", 18)
    p.text(x, p.h - 98, "Continuing Education Transcript", "Helvetica", 12)
    p.text(p.w - x, p.h - 80, f"Printed {us(c.printed)}", "Helvetica", 9, align="right")
    p.text(x, p.h - 140, "Student:", "Helvetica-Bold", 11)
    p.text(x + 70, p.h - 140, last_first(c.person), "Helvetica", 11)
    p.text(x + 300, p.h - 140, "ACE ID:", "Helvetica-Bold", 11)
    p.text(x + 350, p.h - 140, c.person.certificant_id, "Helvetica", 11)
    y = p.table(x, p.h - 170, [90, 250, 90, 62],
                [["Course #", "Title", "Completed", "Hours"],
                 [c.course.number, c.course.title[:40], us(c.completed), str(hours_of(c))]],
                size=10, head_fill=LIGHT)
    p.text(x, y - 20, f"Total contact hours: {hours_of(c)}   (0.1 ACE CEC per contact hour)", "Helvetica", 10)
    p.text(x, 80, "This transcript lists courses completed with this provider only.", "Helvetica-Oblique", 9)


@layout("two-column", evidence="id", courses=("safety",))
def draw_safety_two_column(p, c):
    """Two-column safety course form: course date beside issue and 'Renew by' dates, course no. with a hyphen."""
    x1, x2 = 70, 330
    p.box(50, p.h - 110, p.w - 100, 60, 1.5)
    p.text(p.w / 2, p.h - 78, c.course.provider.upper(), "LiberationSans-Bold", 16, align="centre")
    p.text(p.w / 2, p.h - 98, "COURSE COMPLETION RECORD", "LiberationSans", 11, align="centre")
    left = [("Student", c.person.name), ("ACE Certificant ID", c.person.certificant_id),
            ("Course", c.course.title), ("Course Code", course_no(c.course.number, "hyphen"))]
    right = [("Course Date", us(c.completed)), ("Issue Date", us(c.issued)),
             ("Renew By", f"{c.expires:%m/%Y}"), ("CEC", cec(c.ceus))]
    y = p.h - 150
    for (l1, v1), (l2, v2) in zip(left, right):
        p.text(x1, y, l1, "LiberationSans-Bold", 9)
        p.text(x1, y - 15, v1, "LiberationSans", 12)
        p.text(x2 + 40, y, l2, "LiberationSans-Bold", 9)
        p.text(x2 + 40, y - 15, v2, "LiberationSans", 12)
        y -= 46
    p.hline(x1, p.w - x1, y + 10)
    p.text(x1, y - 10, "Instructor", "LiberationSans-Bold", 9)
    p.signature(x1, y - 50, 170)
    p.text(x2 + 40, y - 10, "Training Site", "LiberationSans-Bold", 9)
    p.text(x2 + 40, y - 25, c.course.provider, "LiberationSans", 11)


@layout("prose", evidence="id", units="cec", courses=("event",))
def draw_conference_range(p, c):
    """Conference letter: 'held May 3-5, 2026' (completes on the last day), letter dated later, attendee's own CECs."""
    x = 72
    p.text(x, p.h - 80, c.course.title, "Times-Bold", 20)
    p.text(x, p.h - 98, f"presented by {c.course.provider}", "Times-Italic", 12)
    p.hline(x, p.w - x, p.h - 108, 0.8)
    p.text(p.w - x, p.h - 135, written(c.printed), "Times-Roman", 12, align="right")
    p.text(x, p.h - 175, "CERTIFICATE OF ATTENDANCE", "Times-Bold", 14)
    y = p.wrap(x, p.h - 205, p.w - 2 * x,
               f"We are pleased to confirm that {c.person.name}, ACE ID {c.person.certificant_id}, attended "
               f"{c.course.title}, held {date_range(c.start, c.completed)}, and earned a total of "
               f"{cec(c.ceus)} ACE CECs for the sessions attended.", "Times-Roman", 12, 17)
    p.text(x, y - 12, f"Event approval number: {course_no(c.course.number, 'space')}", "Times-Roman", 12)
    p.text(x, y - 60, "With thanks for your participation,", "Times-Roman", 12)
    p.signature(x, y - 110, 170)
    p.text(x, y - 125, "Conference Chair", "Times-Italic", 11)


@layout("award", evidence="id+email", units="hours")
def draw_contact_hours_award(p, c):
    """Portrait award stating contact hours only ('8 contact hours'), ID and email, a plain 'Date:' line."""
    p.corners(36, 70)
    p.centre(p.h - 110, c.course.provider, "Helvetica-Bold", 16)
    p.centre(p.h - 160, "Certificate", "Helvetica-Bold", 40)
    p.centre(p.h - 188, "of Continuing Education", "Helvetica", 16)
    p.centre(p.h - 250, "awarded to", "Helvetica-Oblique", 13)
    p.centre(p.h - 290, c.person.name, "Helvetica-Bold", 28)
    p.centre(p.h - 312, f"{c.person.email}  |  Certificant {c.person.certificant_id}", "Helvetica", 10)
    p.centre(p.h - 360, f"for completing {hours_of(c)} contact hours of instruction in", "Helvetica", 13)
    p.centre(p.h - 382, c.course.title, "Helvetica-Bold", 15)
    p.centre(p.h - 420, f"ACE Course #: {c.course.number}", "Helvetica", 12)
    p.text(90, 150, f"Date: {us(c.completed)}", "Helvetica", 12)
    p.signature(p.w - 260, 150, 170)
    p.text(p.w - 260, 136, "Lead Educator", "Helvetica-Oblique", 10)


@layout("minimal", evidence="email", units="cec")
def draw_email_receipt(p, c):
    """Emailed receipt in a monospace font: learner by email only, 'Completed on' ISO date, a print timestamp."""
    x = 60
    f = "LiberationMono"
    lines = [f"{c.course.provider} <no-reply@learn.example>", "Subject: Your course certificate", "",
             f"Hello {c.person.first},", "",
             "Congratulations on finishing your course. Your completion record:", "",
             f"  Learner ........ {c.person.name}",
             f"  Email .......... {c.person.email}",
             f"  Course ......... {c.course.title}",
             f"  Course code .... {c.course.number}",
             f"  Completed on ... {iso(c.completed)}",
             f"  CEUs earned .... {cec(c.ceus, 'two')}", "",
             "Keep this email for your records.", "",
             f"Generated {iso(c.printed)} 09:{c.seed % 60:02d}"]
    y = p.h - 80
    for line in lines:
        p.text(x, y, line, f, 10.5)
        y -= 15


@layout("prose", evidence="name", units="cec")
def draw_workshop_attended_on(p, c):
    """Workshop prose: 'attended the workshop ... on Saturday, March 7, 2026'; name only; credits as '.6 CEC'."""
    p.landscape()
    p.border(30, double=False, width=1.5)
    p.centre(p.h - 90, c.course.provider, "DejaVuSans-Bold", 18)
    p.centre(p.h - 140, "Certificate of Attendance", "DejaVuSerif", 30)
    y = p.h - 200
    for line in (f"This is to certify that {c.person.name} attended the workshop",
                 f"\u201c{c.course.title}\u201d on {weekday(c.completed)}",
                 f"and earned {cec(c.ceus, 'bare')} CEC (ACE course {c.course.number})."):
        p.centre(y, line, "DejaVuSerif", 16)
        y -= 28
    p.signature(120, 130, 180)
    p.text(120, 116, "Workshop Presenter", "DejaVuSans", 10)
    p.seal(p.w - 150, 140, 44, ("APPROVED", "PROVIDER"))


@layout("form", evidence="id", units="cec")
def draw_boxed_fields(p, c):
    """Boxed form fields, small caps label above each value: completion, issue and expiry dates side by side."""
    x, w = 54, p.w - 108
    p.box(x, p.h - 100, w, 50, 0, fill=LIGHT)
    p.text(x + 14, p.h - 82, c.course.provider, "LiberationSansNarrow-Bold", 20)
    p.text(x + w - 14, p.h - 82, "CERTIFICATE OF COMPLETION", "LiberationSansNarrow", 12, align="right")

    def field(fx, fy, fw, label, value):
        p.box(fx, fy, fw, 40, 0.8)
        p.text(fx + 6, fy + 29, label.upper(), "LiberationSansNarrow", 7.5)
        p.text(fx + 6, fy + 10, value, "LiberationSans", 12)

    y = p.h - 160
    field(x, y, w * 0.62, "Participant name", c.person.name)
    field(x + w * 0.62, y, w * 0.38, "ACE ID", c.person.certificant_id)
    y -= 40
    field(x, y, w, "Course title", c.course.title)
    y -= 40
    field(x, y, w * 0.5, "Course number", course_no(c.course.number, "space"))
    field(x + w * 0.5, y, w * 0.5, "CECs awarded", cec(c.ceus))
    y -= 40
    field(x, y, w / 3, "Date completed", us(c.completed))
    field(x + w / 3, y, w / 3, "Date issued", us(c.issued))
    field(x + 2 * w / 3, y, w / 3, "Valid through", us(c.expires))
    p.text(x, y - 30, "Authorised signature", "LiberationSansNarrow", 8)
    p.signature(x, y - 70, 180)


@layout("prose", evidence="name", units="cec", extra={"birth": True})
def draw_given_this_day(p, c):
    """Old-style diploma: 'LAST, First' in prose, date of birth printed, 'Given this 3rd day of May, 2026'."""
    p.ornate_border(30, 18)
    p.centre(p.h - 110, c.course.provider, "Times-Bold", 20)
    p.centre(p.h - 150, "Be it known that", "Times-Italic", 15)
    p.centre(p.h - 195, last_first(c.person, upper=True), "Times-Bold", 24)
    birth = c.person.birth
    if birth is not None:
        p.centre(p.h - 218, f"born {us(birth)}", "Times-Roman", 11)
    y = p.h - 260
    for line in ("having satisfactorily completed the requirements of", c.course.title,
                 f"is awarded {cec(c.ceus)} Continuing Education Credits",
                 f"(course approval {course_no(c.course.number, 'hyphen')})."):
        p.centre(y, line, "Times-Roman", 15)
        y -= 24
    p.centre(y - 20, f"Given this {day_of(c.completed)}.", "Times-Italic", 14)
    p.signature(90, 140, 170)
    p.text(90, 126, "President", "Times-Italic", 11)
    p.signature(p.w - 260, 140, 170)
    p.text(p.w - 260, 126, "Secretary", "Times-Italic", 11)


@layout("modern", evidence="id", units="cec")
def draw_lms_landscape(p, c):
    """Online-course certificate with a serial number that is not the ACE ID, name large, 'Completion date Mar 5, 2026'."""
    p.landscape()
    p.box(0, 0, 60, p.h, 0, fill=LIGHT)
    p.logo(14, p.h - 60, initials(c.course.provider), 32, "circle")
    x = 100
    p.text(x, p.h - 90, "CERTIFICATE OF COMPLETION", "DejaVuSans-Bold", 13)
    p.text(x, p.h - 150, c.person.name, "DejaVuSans-Bold", 36)
    p.text(x, p.h - 180, "has successfully completed the online course", "DejaVuSans", 13)
    p.text(x, p.h - 210, c.course.title, "DejaVuSans-Bold", 20)
    cols = [("Completion date", abbrev(c.completed)), ("CECs", cec(c.ceus)),
            ("ACE course", c.course.number), ("ACE ID", c.person.certificant_id)]
    cx = x
    for label, value in cols:
        p.text(cx, p.h - 280, label, "DejaVuSans", 9, colour=GREY)
        p.text(cx, p.h - 298, value, "DejaVuSans-Bold", 13)
        cx += 150
    serial = f"{c.seed % 10**8:08d}"
    p.text(x, 70, f"Certificate no. {serial[:4]}-{serial[4:]}   Verify at learn.example/verify", "DejaVuSans", 8,
           colour=GREY)
    p.signature(p.w - 260, 110, 160)
    p.text(p.w - 260, 96, c.course.provider, "DejaVuSans", 9)


@layout("table", evidence="id", units="cec", extra={"accented": True})
def draw_roster_style_table(p, c):
    """Vertical ruled table, a label column beside a value column: accented names, ISO dates, a date of issue."""
    x = 90
    p.text(x, p.h - 90, c.course.provider, "LiberationSerif-Bold", 18)
    p.text(x, p.h - 110, "Proof of Continuing Education", "LiberationSerif-Italic", 13)
    rows = [["Field", "Value"], ["Name", c.person.name], ["Certificant ID", c.person.certificant_id],
            ["Course", c.course.title], ["Course number", c.course.number], ["Date of completion", iso(c.completed)],
            ["Credits (CEC)", cec(c.ceus)], ["Date of issue", iso(c.issued)]]
    p.table(x, p.h - 140, [150, 280], rows, row_h=24, face="LiberationSerif", head_face="LiberationSerif-Bold",
            size=11)
    p.text(x, 120, "Issued electronically; no signature required.", "LiberationSerif-Italic", 10)


@layout("card", evidence="id", courses=("safety",))
def draw_wallet_card_sheet(p, c):
    """A sheet with a wallet card to cut out: tiny type, 'Course Date' and 'Recommended Renewal', the card twice."""
    def card(x, y):
        w, h = 243, 153
        p.box(x, y, w, h, 0.8)
        p.text(x + 8, y + h - 16, c.course.provider, "Helvetica-Bold", 8.5)
        p.text(x + 8, y + h - 28, c.course.title, "Helvetica", 7.5)
        p.text(x + 8, y + h - 50, c.person.name, "Helvetica-Bold", 11)
        p.text(x + 8, y + h - 62, f"ID {c.person.certificant_id}", "Helvetica", 7.5)
        p.text(x + 8, y + 52, "Course Date", "Helvetica", 6.5)
        p.text(x + 8, y + 42, us(c.completed), "Helvetica-Bold", 8.5)
        p.text(x + 90, y + 52, "Recommended Renewal", "Helvetica", 6.5)
        p.text(x + 90, y + 42, us(c.expires), "Helvetica-Bold", 8.5)
        p.text(x + 8, y + 22, f"ACE {course_no(c.course.number, 'space')}  {cec(c.ceus)} CEC", "Helvetica", 7.5)
        p.text(x + 8, y + 10, "Instructor #" + str(1000 + c.seed % 9000), "Helvetica", 6.5)

    p.text(72, p.h - 80, "Your course card", "Helvetica-Bold", 16)
    p.wrap(72, p.h - 104, p.w - 144, "Cut out the card below along the line and keep it with you. "
           "Both copies carry the same details.", "Helvetica", 10)
    card(72, p.h - 330)
    card(72 + 260, p.h - 330)
    p.hline(60, p.w - 60, p.h - 350, 0.5, GREY)


@layout("minimal", evidence="email", units="cec")
def draw_printed_email(p, c):
    """An email printed to PDF: From/Date/To header (the sending date), greeting by first name, 'completing ... on'."""
    from datetime import timedelta

    x = 54
    sent = c.issued + timedelta(days=1)
    p.text(x, p.h - 60, "Print", "Helvetica", 8, colour=GREY)
    p.text(p.w - x, p.h - 60, f"{sent:%m/%d/%y}, {8 + c.seed % 9}:{c.seed % 60:02d} AM", "Helvetica", 8,
           align="right", colour=GREY)
    hdr = [("From:", f"{c.course.provider} <certificates@provider.example>"),
           ("Sent:", f"{sent:%A}, {written(sent)}"), ("To:", c.person.email),
           ("Subject:", f"Certificate: {c.course.title}")]
    y = p.h - 95
    for label, value in hdr:
        p.text(x, y, label, "Helvetica-Bold", 10)
        p.text(x + 60, y, value, "Helvetica", 10)
        y -= 15
    p.hline(x, p.w - x, y + 4, 0.5, GREY)
    y -= 20
    p.text(x, y, f"Hi {c.person.first},", "Helvetica", 11)
    y = p.wrap(x, y - 24, p.w - 2 * x, f"Thank you for completing {c.course.title} on {abbrev(c.completed)}. "
               "Your certificate details are below; forward this email to your certifying body if it asks "
               "for proof of completion.", "Helvetica", 11, 15)
    p.table(x, y - 10, [140, 120, 100], [["Course number", "Credits (CEUs)", "Result"],
                                         [c.course.number, cec(c.ceus), "Complete"]], row_h=20, size=10,
            rules="rows")
    p.text(x, y - 90, f"The {c.course.provider} team", "Helvetica", 11)


@layout("form", evidence="id", units="cec")
def draw_letterhead_zip_form(p, c):
    """Letterhead with a street address, state and ZIP ('CA 92101') and phone; short 'Label: value' lines."""
    x = 72
    p.text(x, p.h - 70, c.course.provider, "Times-Bold", 18)
    p.text(x, p.h - 86, f"{400 + c.seed % 500} Harbor Drive, Suite {100 + c.seed % 80}, San Diego, CA 92101",
           "Times-Roman", 10)
    p.text(x, p.h - 99, "Tel (619) 555-0142  \u00b7  Fax (619) 555-0143", "Times-Roman", 10)
    p.hline(x, p.w - x, p.h - 108, 0.6)
    p.centre(p.h - 160, "Certificate of Course Completion", "Times-Bold", 22)
    rows = [("Name", c.person.name), ("ACE #", c.person.certificant_id),
            ("Course", c.course.title), ("Course No.", course_no(c.course.number, "space")),
            ("Date", us(c.completed)), ("CEC", cec(c.ceus))]
    y = p.h - 220
    for label, value in rows:
        p.text(x + 40, y, f"{label}:", "Times-Bold", 13)
        p.text(x + 150, y, value, "Times-Roman", 13)
        y -= 28
    p.signature(x + 40, y - 50, 170)
    p.text(x + 40, y - 64, "Education Coordinator", "Times-Italic", 11)


@layout("prose", evidence="id", units="cec")
def draw_multi_day_workshop(p, c):
    """Standard course given as a three-day workshop: 'held March 3-5, 2026' in prose (completes on the last day)."""
    from datetime import timedelta

    p.landscape()
    p.corners(30, 80, 3)
    p.centre(p.h - 85, c.course.provider, "LiberationSans-Bold", 15)
    p.centre(p.h - 135, "Workshop Certificate", "LiberationSerif-Bold", 34)
    start = c.completed - timedelta(days=2)
    y = p.h - 190
    for line in (f"{c.person.name}  (ACE certificant {c.person.certificant_id})",
                 f"took part in the three-day workshop \u201c{c.course.title}\u201d",
                 f"held {date_range(start, c.completed)}, and earned {cec(c.ceus)} CECs.",
                 f"ACE course number {course_no(c.course.number, 'hyphen')}"):
        p.centre(y, line, "LiberationSerif", 16)
        y -= 30
    p.signature(110, 110, 170)
    p.text(110, 96, "Workshop Lead", "LiberationSans", 10)
    p.text(p.w - 110, 110, f"Printed {us_short(c.printed)}", "LiberationSans", 9, align="right", colour=GREY)


@layout("award", evidence="name", units="hours")
def draw_hours_and_cec(p, c):
    """Landscape award: 'Presented to: Last, First', 'N contact hours (0.N CEC)', day-month date and a date of issue."""
    p.landscape()
    p.border(20, double=True, width=2)
    p.text(70, p.h - 80, c.course.provider.upper(), "DejaVuSansCondensed-Bold", 13)
    p.text(p.w - 70, p.h - 80, f"Date of issue: {dmy(c.issued)}", "DejaVuSansCondensed", 10, align="right")
    p.centre(p.h - 150, "Certificate of Completion", "DejaVuSerif-Bold", 30)
    p.runs(p.w / 2, p.h - 210, [("Presented to:  ", "DejaVuSerif"), (last_first(c.person), "DejaVuSerif-Bold")],
           18, align="centre")
    p.centre(p.h - 255, c.course.title, "DejaVuSerif-Italic", 18)
    p.centre(p.h - 290, f"{hours_of(c)} contact hours ({cec(c.ceus)} CEC)  \u2014  completed {dmy(c.completed)}",
             "DejaVuSerif", 14)
    p.centre(p.h - 318, f"ACE course {course_no(c.course.number, 'space')}", "DejaVuSans", 11)
    p.signature(p.w / 2 - 90, 110, 180)
    p.centre(96, "Authorised by the Education Board", "DejaVuSans", 9)


@layout("award", evidence="id", units="cec")
def draw_serial_award(p, c):
    """Award carrying a certificate number full of digits beside the ACE certification number; 'Completed 3/5/2026'."""
    p.ornate_border(26, 12)
    p.centre(p.h - 110, c.course.provider, "Times-Bold", 18)
    p.centre(p.h - 170, "Certificate", "Times-BoldItalic", 44)
    p.centre(p.h - 230, "awarded to", "Times-Italic", 14)
    p.centre(p.h - 270, c.person.name, "Times-Bold", 28)
    p.centre(p.h - 295, f"ACE Certification #: {c.person.certificant_id}", "Times-Roman", 12)
    p.centre(p.h - 340, "for the successful completion of", "Times-Italic", 14)
    p.centre(p.h - 370, c.course.title, "Times-Bold", 18)
    p.centre(p.h - 400, f"{cec(c.ceus)} Continuing Education Credits  \u00b7  Course {c.course.number}",
             "Times-Roman", 13)
    p.centre(p.h - 440, f"Completed {us_short(c.completed)}", "Times-Roman", 13)
    p.seal(p.w / 2, 170, 44, ("APPROVED", "ACE"))
    serial = f"{c.completed.year}-{c.person.certificant_id}-{c.seed % 90 + 10:02d}"
    p.text(80, 70, f"Certificate No. {serial}", "Times-Roman", 9)
    p.signature(p.w - 250, 100, 160)


@layout("award", evidence="id", units="cec")
def draw_plain_portrait(p, c):
    """Plain portrait certificate, one date only: 'Name:', 'ACE ID:', 'Course:', 'Course Number:', 'Completion Date:'."""
    p.border(36, double=True, width=1.5)
    p.centre(p.h - 110, c.course.provider, "Helvetica-Bold", 18)
    p.centre(p.h - 150, "CERTIFICATE OF COMPLETION", "Helvetica-Bold", 24)
    rows = [("Name:", c.person.name), ("ACE ID:", c.person.certificant_id), ("Course:", c.course.title),
            ("Course Number:", c.course.number), ("Completion Date:", us(c.completed)), ("CECs:", cec(c.ceus))]
    y = p.h - 230
    for label, value in rows:
        p.text(110, y, label, "Helvetica-Bold", 13)
        p.text(250, y, value, "Helvetica", 13)
        y -= 30
    p.signature(110, 150, 170)
    p.text(110, 136, "Authorized Signature", "Helvetica", 10)


# ---------------------------------------------------------------- more providers' ways of writing things

def _ord_mdy(d) -> str:
    """`May 3rd, 2026`"""
    from .fmt import ordinal
    return f"{d:%B} {ordinal(d.day)}, {d.year}"


def _ord_dmy(d) -> str:
    """`3rd May 2026`"""
    from .fmt import ordinal
    return f"{ordinal(d.day)} {d:%B} {d.year}"


def _dotted_month(d) -> str:
    """`Sept. 3, 2026`, `Mar. 5, 2026`, `May 5, 2026` (a month of up to four letters is written whole)."""
    name = f"{d:%B}"
    short = "Sept." if d.month == 9 else (name if len(name) <= 4 else f"{d:%b}.")
    return f"{short} {d.day}, {d.year}"


def _no_comma(d) -> str:
    """`May 3 2026`"""
    return f"{d:%B} {d.day} {d.year}"


def _dotted_no(number: str) -> str:
    """`CA.23456`, `CEP.123456`: a course number with a dot after its prefix."""
    return course_no(number, "space").replace(" ", ".")


def _middle(c) -> str:
    """A middle initial the registry does not hold, as providers' own records have it."""
    return "ABCDEFGHJKLMNPRSTW"[c.seed % 18]


def _with_middle(c) -> str:
    return f"{c.person.first} {_middle(c)}. {c.person.last}"


# Instructors, directors and presenters: people who sign, never certificants.
_STAFF = ("Harold Benning", "Marguerite Oyelaran", "Dexter Quill", "Rosalind Achterberg", "Tobias Wrenfield",
          "Imogen Castellane")


def _staff(c, k: int = 0) -> str:
    return _STAFF[(c.seed + k) % len(_STAFF)]


@layout("prose", evidence="id", units="hours")
def draw_letter_confirms_attended(p, c):
    """Letter: 'This letter confirms that Dr. First M. Last ... attended ... on May 3rd, 2026'; letter dated later, hours."""
    x = 80
    p.text(x, p.h - 72, c.course.provider, "LiberationSerif-Bold", 17)
    p.text(x, p.h - 88, f"{200 + c.seed % 700} Commerce Street, Suite 12, Austin, TX 78701  \u00b7  (512) 555-0187",
           "LiberationSerif", 9)
    p.hline(x, p.w - x, p.h - 98, 0.5)
    p.text(p.w - x, p.h - 130, us(c.printed), "LiberationSerif", 11, align="right")
    p.text(x, p.h - 170, f"Re: {c.course.title}", "LiberationSerif-Bold", 12)
    p.text(x, p.h - 200, "Dear Colleague,", "LiberationSerif", 12)
    y = p.wrap(x, p.h - 226, p.w - 2 * x,
               f"This letter confirms that Dr. {_with_middle(c)}, ACE certification number "
               f"{c.person.certificant_id}, attended our course {c.course.title} (ACE Course # "
               f"{c.course.number}) on {_ord_mdy(c.completed)} and completed {hours_of(c)} contact hours "
               f"of instruction.", "LiberationSerif", 12, 17)
    y = p.wrap(x, y - 10, p.w - 2 * x,
               f"Our instructor, {_staff(c)}, confirmed attendance for the full session. If you have any "
               "questions about this record, please call our office.", "LiberationSerif", 12, 17)
    p.text(x, y - 24, "Sincerely,", "LiberationSerif", 12)
    p.signature(x, y - 70, 150)
    p.text(x, y - 86, _staff(c, 1), "LiberationSerif", 12)
    p.text(x, y - 100, "Director of Education", "LiberationSerif-Italic", 11)


@layout("table", evidence="id", units="hours")
def draw_wide_row_table(p, c):
    """Landscape table, one row of many columns: 'Participant | ACE ID | Course # | Title | Date | CE Hours', 03-May-2026."""
    from .fmt import dmy_abbrev

    p.landscape()
    x = 40
    p.text(x, p.h - 60, c.course.provider.upper(), "LiberationSansNarrow-Bold", 18)
    p.text(x, p.h - 78, "CERTIFICATE OF COMPLETION \u2014 CONTINUING EDUCATION", "LiberationSansNarrow", 11)
    p.text(p.w - x, p.h - 60, f"Run date: {dmy_abbrev(c.printed)}", "LiberationSansNarrow", 9, align="right")
    p.wrap(x, p.h - 120, p.w - 2 * x, "The participant named below has met all requirements of the course "
           "listed and is awarded the continuing education hours shown.", "LiberationSans", 11)
    p.table(x, p.h - 160, [170, 70, 90, 250, 90, 90],
            [["Participant", "ACE ID", "Course #", "Course Title", "Date", "CE Hours"],
             [c.person.name, c.person.certificant_id, course_no(c.course.number, "hyphen"), c.course.title[:38],
              dmy_abbrev(c.completed), f"{hours_of(c)}.0"]], row_h=24, size=10, face="LiberationSans",
            head_face="LiberationSans-Bold", head_fill=LIGHT)
    p.text(x, p.h - 240, f"ACE Provider # {3000 + c.seed % 900}-{c.seed % 90 + 10}", "LiberationSans", 9)
    p.signature(p.w - 280, 90, 180)
    p.text(p.w - 280, 76, f"{_staff(c)}, Course Instructor", "LiberationSans", 9)


@layout("two-column", evidence="id+email", units="cec", extra={"birth": True})
def draw_two_column_birth_expiry(p, c):
    """Two-column label/value form: date of birth, 'Date Completed 3rd May 2026', expiry; 'Last, First M.'; email."""
    x, vx = 70, 250
    p.box(40, 40, p.w - 80, p.h - 80, 1.2)
    p.text(x, p.h - 90, c.course.provider, "DejaVuSerif-Bold", 16)
    p.text(x, p.h - 108, "Verification of Course Completion", "DejaVuSerif-Italic", 12)
    rows = [("Last, First M.", f"{c.person.last}, {c.person.first} {_middle(c)}."),
            ("Date of Birth", us(c.person.birth)),
            ("ACE Member ID", c.person.certificant_id),
            ("E-mail", c.person.email),
            ("Course Title", c.course.title),
            ("Course Code", course_no(c.course.number, "space")),
            ("Date Completed", _ord_dmy(c.completed)),
            ("Certificate Expires", _ord_dmy(c.expires)),
            ("CEUs", cec(c.ceus, "two"))]
    y = p.h - 160
    for label, value in rows:
        p.text(x, y, label, "DejaVuSans", 10, colour=GREY)
        p.text(vx, y, value, "DejaVuSans", 12)
        p.hline(vx, p.w - 70, y - 4, 0.3, GREY)
        y -= 30
    p.text(x, y - 20, "Verified by", "DejaVuSans", 10, colour=GREY)
    p.text(vx, y - 20, f"{_staff(c, 2)}, Registrar", "DejaVuSans", 11)


@layout("dot-leader", evidence="name", units="cec")
def draw_underscore_fill_in(p, c):
    """Fill-in form with underscore leaders, name with a credential ('Jane Doe, CPT'), 'Course #', 'Sept. 3, 2026'."""
    x, vx = 72, 260
    p.text(x, p.h - 80, c.course.provider, "Times-Bold", 18)
    p.text(x, p.h - 98, "Continuing Education Attendance Form", "Times-Italic", 12)
    p.text(x, p.h - 112, f"ACE Approved Provider No. {1000 + c.seed % 8999}", "Times-Roman", 9)
    rows = [("Name of Attendee", f"{c.person.name}, CPT"),
            ("Course #", c.course.number),
            ("Title of Program", c.course.title),
            ("Date Attended", _dotted_month(c.completed)),
            ("CECs Awarded", cec(c.ceus)),
            ("Instructor", _staff(c))]
    y = p.h - 160
    for label, value in rows:
        p.leader(x, y, label, value, vx, "Times-Roman", 12, value_face="Helvetica", dot="_")
        y -= 30
    p.text(x, y - 20, "Form revised 01/15/2024", "Times-Roman", 8, colour=GREY)


@layout("award", evidence="name", units="cec", extra={"accented": True})
def draw_award_awarded_expires(p, c):
    """Award, name huge and unlabelled in a script-like face, 'Awarded May 3rd, 2026' and 'Expires ...', two signers."""
    p.landscape()
    p.border(18, double=True, width=4)
    p.centre(p.h - 90, "Certificate of Excellence", "LiberationSerif-BoldItalic", 34)
    p.centre(p.h - 120, c.course.provider, "LiberationSans", 13)
    p.centre(p.h - 190, c.person.name, "LiberationSerif-BoldItalic", 44)
    p.hline(p.w / 2 - 250, p.w / 2 + 250, p.h - 202, 1)
    p.centre(p.h - 240, f"for outstanding completion of \u201c{c.course.title}\u201d", "LiberationSerif", 15)
    p.centre(p.h - 266, f"{cec(c.ceus)} ACE CECs   \u2022   Course {course_no(c.course.number, 'space')}",
             "LiberationSerif", 13)
    p.text(90, 150, f"Awarded {_ord_mdy(c.completed)}", "LiberationSerif", 12)
    p.text(p.w - 90, 150, f"Expires {_ord_mdy(c.expires)}", "LiberationSerif", 12, align="right")
    p.signature(110, 90, 170)
    p.text(110, 76, _staff(c), "LiberationSans", 10)
    p.text(110, 64, "Lead Instructor", "LiberationSans", 9)
    p.signature(p.w - 280, 90, 170)
    p.text(p.w - 280, 76, _staff(c, 3), "LiberationSans", 10)
    p.text(p.w - 280, 64, "Executive Director", "LiberationSans", 9)


@layout("minimal", evidence="email", units="hours")
def draw_order_receipt(p, c):
    """Web-shop receipt: order and transaction numbers, a purchase date, 'Contact Hours: 6', 'Course ID: CA.23456'."""
    x = 50
    p.text(x, p.h - 60, c.course.provider, "DejaVuSans-Bold", 14)
    p.text(x, p.h - 74, "orders@shop.example  \u00b7  1-800-555-0134  \u00b7  PO Box 2210, Boulder, CO 80302",
           "DejaVuSans", 8, colour=GREY)
    p.text(x, p.h - 110, "Course completion receipt", "DejaVuSans-Bold", 18)
    rows = [("Order number", f"W{c.seed % 900000 + 100000}"), ("Transaction", f"{c.seed % 9000000 + 1000000}"),
            ("Purchased", f"{(c.start.replace(day=1)):%m/%d/%Y}"), ("Customer email", c.person.email),
            ("Course ID", _dotted_no(c.course.number)), ("Course", c.course.title),
            ("Status", "Passed"), ("Finished", f"{c.completed:%m/%d/%Y}"), ("Contact Hours", str(hours_of(c)))]
    y = p.h - 150
    for label, value in rows:
        p.text(x, y, f"{label}:", "DejaVuSans", 10)
        p.text(x + 130, y, value, "DejaVuSans", 10)
        y -= 18
    p.wrap(x, y - 20, p.w - 2 * x, "Each contact hour counts as 0.1 CEC with ACE. Questions? Reply to this "
           "message or call us weekdays 9-5 MT.", "DejaVuSans", 9)


@layout("prose", evidence="id", units="hours", courses=("event",))
def draw_summit_day_month_range(p, c):
    """Summit certificate: 'LAST, First M.' large, '3-5 May 2026' (day-month range), 'Total CE hours: 18', ACE Provider #."""
    p.landscape()
    p.corners(24, 90, 4)
    p.centre(p.h - 80, c.course.title.upper(), "DejaVuSansCondensed-Bold", 20)
    p.centre(p.h - 102, f"ACE Provider #{2000 + c.seed % 900}  \u00b7  {c.course.provider}", "DejaVuSansCondensed", 10)
    p.centre(p.h - 150, "Certificate of Attendance", "DejaVuSerif", 26)
    p.centre(p.h - 205, f"{c.person.last.upper()}, {c.person.first} {_middle(c)}.", "DejaVuSerif-Bold", 28)
    p.centre(p.h - 228, f"Attendee no. {c.person.certificant_id}", "DejaVuSans", 11)
    if c.start.month == c.completed.month:
        span = f"{c.start.day}\u2013{c.completed.day} {c.completed:%B} {c.completed.year}"
    else:
        span = f"{c.start.day} {c.start:%B} \u2013 {c.completed.day} {c.completed:%B} {c.completed.year}"
    p.centre(p.h - 270, f"Summit dates: {span}", "DejaVuSerif", 14)
    p.centre(p.h - 296, f"Total CE hours: {hours_of(c)}   (ACE event {c.course.number})", "DejaVuSerif", 14)
    p.signature(p.w / 2 - 90, 100, 180)
    p.centre(86, f"{_staff(c)}, Summit Chair", "DejaVuSans", 10)


@layout("form", evidence="id", units="cec")
def draw_printed_on_record(p, c):
    """Member record printout: 'Printed on' header date, 'Course Completion: 2026-05-03', course no. with a dot, phone."""
    x = 60
    f = "LiberationMono"
    p.text(x, p.h - 50, f"Printed on {us(c.printed)} by records office", f, 8)
    p.text(p.w - x, p.h - 50, "Page 1 of 1", f, 8, align="right")
    p.text(x, p.h - 90, c.course.provider.upper(), "LiberationMono-Bold", 14)
    p.text(x, p.h - 104, "MEMBER EDUCATION RECORD  |  Phone 303.555.0117", f, 9)
    p.hline(x, p.w - x, p.h - 112)
    rows = [("Member", f"{c.person.last}, {c.person.first}"), ("ACE ID", c.person.certificant_id),
            ("Course", f"{_dotted_no(c.course.number)} {c.course.title}"),
            ("Course Completion", iso(c.completed)), ("Credit Earned", f"{cec(c.ceus)} CEC"),
            ("Instructor", _staff(c, 4)), ("Record Updated", iso(c.issued))]
    y = p.h - 140
    for label, value in rows:
        p.text(x, y, f"{label:<19}: {value}", f, 10)
        y -= 16


@layout("award", evidence="id", units="cec")
def draw_numeric_date_certificate(p, c):
    """Centred portrait certificate: 'on May 3 2026' without a comma, the issue date as 05/10/2026, ID in brackets."""
    p.border(30, double=False, width=6)
    p.centre(p.h - 120, c.course.provider, "LiberationSans-Bold", 20)
    p.centre(p.h - 180, "certifies that", "LiberationSans-Italic", 14)
    p.centre(p.h - 220, f"{c.person.first} {c.person.last}  [{c.person.certificant_id}]", "LiberationSans-Bold", 24)
    p.centre(p.h - 260, "completed the ACE-approved course", "LiberationSans-Italic", 14)
    p.centre(p.h - 290, c.course.title, "LiberationSans-Bold", 17)
    p.centre(p.h - 316, f"Course no. {course_no(c.course.number, 'hyphen')}", "LiberationSans", 12)
    p.centre(p.h - 350, f"on {_no_comma(c.completed)}, earning {cec(c.ceus)} CECs", "LiberationSans", 14)
    p.text(80, 110, f"Issued: {us(c.issued)}", "LiberationSans", 10)
    p.signature(p.w - 260, 110, 170)
    p.text(p.w - 260, 96, f"{_staff(c, 5)}, CSCS", "LiberationSans", 10)
    p.text(p.w - 260, 84, "Director", "LiberationSans", 9)


@layout("prose", evidence="name", units="cec")
def draw_ordinal_day_of_in_year(p, c):
    """Formal prose, name alone as 'First M. Last', 'on the 3rd day of May, 2026', the instructor named in the sentence."""
    p.ornate_border(20, 16)
    p.centre(p.h - 100, c.course.provider.upper(), "Times-Bold", 16)
    p.centre(p.h - 130, "Continuing Education Certificate", "Times-Italic", 20)
    y = p.wrap(90, p.h - 190, p.w - 180,
               f"Be it recorded that {_with_middle(c)} did complete the course of study entitled "
               f"{c.course.title}, ACE course number {course_no(c.course.number, 'space')}, carrying "
               f"{cec(c.ceus)} CECs, on the {day_of(c.completed)}, under the direction of {_staff(c)}.",
               "Times-Roman", 14, 20, align="centre")
    p.centre(y - 30, f"Recorded {_dotted_month(c.issued)}", "Times-Italic", 11)
    p.signature(p.w / 2 - 80, 110, 160)
    p.centre(96, "Keeper of Records", "Times-Italic", 10)


@layout("form", evidence="name", units="cec")
def draw_captions_under_lines(p, c):
    """Fill-in certificate: each value written above a rule with its caption below ('Participant', 'Date', 'Instructor')."""
    p.landscape()
    p.border(24, double=False, width=2.5)
    p.centre(p.h - 80, c.course.provider, "LiberationSerif-Bold", 18)
    p.centre(p.h - 125, "Certificate of Participation", "LiberationSerif-BoldItalic", 30)

    def blank(x, y, w, value, caption, face="LiberationSans", size=14):
        p.text(x + w / 2, y + 6, value, face, size, align="centre")
        p.hline(x, x + w, y, 0.7)
        p.text(x + w / 2, y - 13, caption, "LiberationSans-Italic", 9, align="centre")

    blank(p.w / 2 - 220, p.h - 200, 440, c.person.name, "Participant", "LiberationSerif-Bold", 22)
    blank(p.w / 2 - 220, p.h - 255, 440, c.course.title, "Course Title")
    blank(90, p.h - 320, 170, course_no(c.course.number, "space"), "ACE Course Number")
    blank(p.w / 2 - 85, p.h - 320, 170, us(c.completed), "Date")
    blank(p.w - 260, p.h - 320, 170, cec(c.ceus), "CECs")
    blank(90, 110, 200, _staff(c), "Instructor", "LiberationSerif-Italic", 14)
    blank(p.w - 290, 110, 200, us(c.issued), "Date Signed")


@layout("prose", evidence="id+email", units="hours", courses=("event",))
def draw_numeric_range_form(p, c):
    """Event form with numeric dates: 'Date(s): 04/30/2026 - 05/02/2026' (completes on the last), hours, registration date."""
    x = 64
    p.text(x, p.h - 70, c.course.title, "Helvetica-Bold", 16)
    p.text(x, p.h - 86, f"{c.course.provider}  \u00b7  ACE Provider # {5000 + c.seed % 4000}", "Helvetica", 9)
    p.hline(x, p.w - x, p.h - 94, 1)
    p.text(x, p.h - 130, "CONTINUING EDUCATION VERIFICATION", "Helvetica-Bold", 12)
    reg = c.start - __import__("datetime").timedelta(days=20 + c.seed % 30)
    rows = [("Attendee", f"{c.person.first} {c.person.last}"), ("ACE Certification No.", c.person.certificant_id),
            ("Email", c.person.email), ("Registered", us(reg)),
            ("Date(s)", f"{us(c.start)} - {us(c.completed)}" if c.start != c.completed else us(c.completed)),
            ("ACE Event #", c.course.number), ("CE Hours Earned", f"{hours_of(c)}")]
    y = p.h - 165
    for label, value in rows:
        p.text(x, y, f"{label}:", "Helvetica", 11)
        p.text(x + 150, y, value, "Helvetica-Bold", 11)
        y -= 20
    p.wrap(x, y - 16, p.w - 2 * x, "Hours are counted per session attended and verified by the session "
           "monitor. 10 contact hours = 1.0 ACE CEC.", "Helvetica", 9)
    p.text(x, y - 70, f"Session monitor: {_staff(c, 1)}", "Helvetica", 10)


@layout("event", evidence="id", units="hours", courses=("event",))
def draw_session_log(p, c):
    """Event record listing each session with its date and hours, then 'Total contact hours'; the event's own dates."""
    from datetime import timedelta

    x = 56
    p.text(x, p.h - 64, c.course.title, "LiberationSans-Bold", 17)
    p.text(x, p.h - 80, f"{c.course.provider}  |  ACE event no. {c.course.number}", "LiberationSans", 10)
    p.text(x, p.h - 112, "Attendance record", "LiberationSerif-Bold", 14)
    p.text(x, p.h - 134, f"Name: {c.person.first} {c.person.last}", "LiberationSans", 11)
    p.text(x + 300, p.h - 134, f"ACE ID: {c.person.certificant_id}", "LiberationSans", 11)
    total = hours_of(c)
    days = max(1, (c.completed - c.start).days + 1)
    per = [total // days + (1 if i < total % days else 0) for i in range(days)]
    rows = [["Session", "Date", "Hours"]]
    for i, h in enumerate(per):
        rows.append([f"Day {i + 1} sessions", us(c.start + timedelta(days=i)), f"{h}.0"])
    y = p.table(x, p.h - 160, [220, 110, 70], rows, row_h=20, size=10, face="LiberationSans",
                head_face="LiberationSans-Bold")
    p.text(x, y - 24, f"Total contact hours: {total}", "LiberationSans-Bold", 11)
    p.text(x, y - 60, "Sessions are logged by badge scan at the door.", "LiberationSans-Italic", 9)


@layout("table", evidence="id", units="cec")
def draw_split_name_columns(p, c):
    """Table with 'First Name' and 'Last Name' in their own columns and a header row over one values row."""
    p.landscape()
    x = 50
    p.text(x, p.h - 70, c.course.provider, "Times-Bold", 20)
    p.text(x, p.h - 90, "Verification of Continuing Education Credit", "Times-Italic", 13)
    p.table(x, p.h - 130, [100, 110, 80, 90, 100, 70],
            [["First Name", "Last Name", "ACE ID", "Course Code", "Date Completed", "CEUs"],
             [c.person.first, c.person.last, c.person.certificant_id, c.course.number, us(c.completed), cec(c.ceus)]],
            row_h=24, size=10, face="Times-Roman", head_face="Times-Bold")
    p.text(x, p.h - 210, f"Course title: {c.course.title}", "Times-Roman", 11)
    p.text(x, p.h - 228, f"Verified {abbrev(c.printed)} by {_staff(c, 2)}, Education Manager", "Times-Roman", 11)


@layout("prose", evidence="email", units="cec")
def draw_congratulations_note(p, c):
    """Second-person note: 'Congratulations, First Last! You completed ... on 05/03/2026'; the email at the foot."""
    x = 70
    p.logo(x, p.h - 96, initials(c.course.provider), 36, "triangle")
    p.text(x + 50, p.h - 76, c.course.provider, "DejaVuSans-Bold", 14)
    p.text(x, p.h - 150, f"Congratulations, {c.person.first} {c.person.last}!", "DejaVuSerif-Bold", 20)
    y = p.wrap(x, p.h - 185, p.w - 2 * x,
               f"You completed {c.course.title} (ACE {course_no(c.course.number, 'hyphen')}) on "
               f"{us(c.completed)} and earned {cec(c.ceus)} CECs. We have sent a copy of this note to "
               f"{c.person.email}.", "DejaVuSerif", 12, 17)
    p.wrap(x, y - 10, p.w - 2 * x, f"Questions? Call {_staff(c, 3)} at 415-555-0190 or write to "
           "help@provider.example.", "DejaVuSerif", 11, 15)
    p.text(x, 70, f"Note created {us(c.issued)}", "DejaVuSans", 8, colour=GREY)


@layout("award", evidence="name", units="cec")
def draw_caps_name_signature_dates(p, c):
    """Award with the name in capitals, the date written on a rule under 'Date' beside the signature rule."""
    p.landscape()
    p.ornate_border(18, 12)
    p.centre(p.h - 95, "CERTIFICATE OF COMPLETION", "LiberationSerif-Bold", 30)
    p.centre(p.h - 135, "This acknowledges that", "LiberationSerif-Italic", 14)
    p.centre(p.h - 180, f"{c.person.first} {c.person.last}".upper(), "LiberationSans-Bold", 30)
    p.centre(p.h - 215, f"has completed {c.course.title}", "LiberationSerif", 15)
    p.centre(p.h - 240, f"ACE Course Number {c.course.number}  \u2014  {cec(c.ceus)} CECs", "LiberationSerif", 13)
    p.text(140, 126, written(c.completed), "LiberationSerif", 13)
    p.hline(110, 300, 120)
    p.text(180, 108, "Date", "LiberationSans", 9)
    p.signature(p.w - 300, 124, 170)
    p.hline(p.w - 310, p.w - 110, 120)
    p.text(p.w - 250, 108, f"{_staff(c, 4)}, Provider", "LiberationSans", 9)


def _sept(d) -> str:
    """`Sept 3 2026`, `Mar 5 2026`: an abbreviated month without its period, no comma."""
    return f"{'Sept' if d.month == 9 else f'{d:%b}'} {d.day} {d.year}"


@layout("minimal", evidence="id", units="cec")
def draw_learner_receipt_title(p, c):
    """Plain receipt: 'Learner: Dr. First Last' with an honorific, 'Completed: Sept 3 2026', 'ACE #: 123456'."""
    x = 60
    p.text(x, p.h - 70, f"{c.course.provider} Online Learning", "Courier-Bold", 13)
    p.text(x, p.h - 86, "-" * 60, "Courier", 10)
    title = ("Mx.", "Dr.", "Ms.", "Mr.")[c.seed % 4]
    lines = [f"Learner:    {title} {c.person.first} {c.person.last}", f"ACE #:      {c.person.certificant_id}",
             f"Course:     {c.course.number} - {c.course.title}", f"Completed:  {_sept(c.completed)}",
             f"Credit:     {cec(c.ceus)} CEC", "", f"Enrolled:   {_sept(c.start.replace(day=1))}",
             f"Receipt:    R-{c.seed % 10**6:06d}"]
    y = p.h - 110
    for line in lines:
        p.text(x, y, line, "Courier", 11)
        y -= 16


@layout("prose", evidence="id", units="cec")
def draw_date_first_sentence(p, c):
    """Prose with the date first: 'On Sept. 3, 2026, First Last (ACE 123456) completed ...'; a letter date on top."""
    x = 80
    p.text(x, p.h - 80, c.course.provider, "Times-Bold", 16)
    p.text(x, p.h - 110, _dotted_month(c.printed), "Times-Roman", 12)
    y = p.wrap(x, p.h - 150, p.w - 2 * x,
               f"On {_dotted_month(c.completed)}, {c.person.first} {c.person.last} (ACE {c.person.certificant_id}) "
               f"completed {c.course.title}, approved by ACE as course {course_no(c.course.number, 'space')} for "
               f"{cec(c.ceus)} CECs.", "Times-Roman", 13, 18)
    p.wrap(x, y - 10, p.w - 2 * x, f"This statement was prepared at the request of the participant by "
           f"{_staff(c)}, Registrar.", "Times-Roman", 13, 18)


@layout("dot-leader", evidence="id", units="hours")
def draw_leader_last_first_caption(p, c):
    """Dot leaders with '(Last, First)' in the label, 'ACE Cert. #', 'Date(s) of course', 'Hours of instruction'."""
    x, vx = 70, 320
    p.text(x, p.h - 80, c.course.provider.upper(), "DejaVuSansMono", 13)
    p.text(x, p.h - 96, "CERTIFICATE OF INSTRUCTION HOURS", "DejaVuSansMono", 10)
    rows = [("Name (Last, First)", f"{c.person.last}, {c.person.first}"),
            ("ACE Cert. #", c.person.certificant_id),
            ("Course / ACE No.", f"{c.course.title[:26]} / {course_no(c.course.number, 'hyphen')}"),
            ("Date(s) of course", _sept(c.completed)),
            ("Hours of instruction", str(hours_of(c))),
            ("Instructor", _staff(c, 5))]
    y = p.h - 140
    for label, value in rows:
        p.leader(x, y, label, value, vx, "DejaVuSansMono", 10)
        y -= 22


@layout("event", evidence="id+email", units="cec", courses=("event",))
def draw_event_max_and_earned(p, c):
    """Event credit statement: the event's maximum CECs printed before the attendee's own, a badge number."""
    from .fmt import date_range

    p.landscape()
    p.border(22, double=True, width=1.5)
    p.centre(p.h - 80, c.course.title, "DejaVuSerif-Bold", 22)
    p.centre(p.h - 104, f"{date_range(c.start, c.completed)}  \u00b7  {c.course.provider}", "DejaVuSerif", 12)
    p.centre(p.h - 150, "Statement of Continuing Education Credit", "DejaVuSans-Bold", 16)
    rows = [("Attendee", f"{c.person.first} {c.person.last}"), ("Email", c.person.email),
            ("ACE Certification ID", c.person.certificant_id), ("Badge", f"B-{c.seed % 90000 + 10000}"),
            ("ACE event", course_no(c.course.number, "space")),
            ("Maximum CECs available", cec(c.course.ceus)), ("CECs earned", cec(c.ceus))]
    y = p.h - 195
    for label, value in rows:
        p.text(180, y, label, "DejaVuSans", 11)
        p.text(400, y, value, "DejaVuSans-Bold", 11)
        y -= 20
    p.centre(y - 20, f"Up to {cec(c.course.ceus)} CECs are offered; the credit earned counts the sessions "
             "scanned in.", "DejaVuSans-Oblique", 9)


@layout("card", evidence="id", courses=("safety",))
def draw_cpr_card_front_back(p, c):
    """A safety card's front and back on one sheet: 'LAST, FIRST' in capitals, 'Course Date', 'Expires', instructor ID."""
    w, h = 252, 158
    x, y = 150, p.h - 260
    p.text(72, p.h - 70, "Print this page and cut along the border.", "Helvetica", 9, colour=GREY)
    p.box(x, y, w, h, 1)
    p.box(x, y + h - 24, w, 24, 0, fill=LIGHT)
    p.text(x + 8, y + h - 16, c.course.provider.upper()[:34], "Helvetica-Bold", 9)
    p.text(x + 8, y + h - 44, c.course.title, "Helvetica-Bold", 8.5)
    p.text(x + 8, y + h - 68, f"{c.person.last}, {c.person.first}".upper(), "Helvetica-Bold", 12)
    p.text(x + 8, y + h - 80, f"ACE {c.person.certificant_id}", "Helvetica", 7.5)
    p.text(x + 8, y + 40, f"Course Date: {c.completed:%m/%d/%y}", "Helvetica", 8)
    p.text(x + 130, y + 40, f"Expires: {c.expires:%m/%Y}", "Helvetica", 8)
    p.text(x + 8, y + 14, f"{course_no(c.course.number, 'plain')}  \u2022  {cec(c.ceus)} CEC", "Helvetica", 7.5)
    yb = y - h - 30
    p.box(x, yb, w, h, 1)
    p.text(x + 8, yb + h - 18, "Training Center", "Helvetica-Bold", 7.5)
    p.text(x + 8, yb + h - 30, c.course.provider, "Helvetica", 7.5)
    p.text(x + 8, yb + h - 50, "Instructor", "Helvetica-Bold", 7.5)
    p.text(x + 8, yb + h - 62, _staff(c, 1), "Helvetica", 7.5)
    p.text(x + 130, yb + h - 50, "Instructor ID", "Helvetica-Bold", 7.5)
    p.text(x + 130, yb + h - 62, f"{(c.seed % 700000) + 300000}", "Helvetica", 7.5)
    p.text(x + 8, yb + 40, "Holder's signature", "Helvetica", 7)
    p.hline(x + 8, x + w - 8, yb + 52, 0.5)
    p.text(x + 8, yb + 14, f"Tel. (720) 555-01{c.seed % 90 + 10}", "Helvetica", 7)


# ---------------------------------------------------------------- page orientation, type setting, other conventions

def _turned(p):
    """A landscape certificate stored as a portrait page turned by its /Rotate entry (upright when shown)."""
    c = p.c
    c.setPageSize((max(p.w, p.h), min(p.w, p.h)))     # reportlab writes a /Rotate 90 page's MediaBox turned
    c.setPageRotation(90)
    c.translate(min(p.w, p.h), 0)
    c.rotate(90)
    p.w, p.h = max(p.w, p.h), min(p.w, p.h)
    return p


def _sideways(p):
    """A landscape certificate printed onto a portrait page turned a quarter: no /Rotate, the text runs upwards."""
    c = p.c
    c.setPageSize((min(p.w, p.h), max(p.w, p.h)))
    c.translate(min(p.w, p.h), 0)
    c.rotate(90)
    p.w, p.h = max(p.w, p.h), min(p.w, p.h)
    return p


def _spaced(p, y, s, face, size, space):
    """A line set with wide letter spacing ('J A N E   D O E' to the eye), centred."""
    from .pen import font_for
    from reportlab.pdfbase import pdfmetrics

    f = font_for(face, s)
    w = pdfmetrics.stringWidth(s, f, size) + space * (len(s) - 1)
    p.c.setFont(f, size)
    p.c.drawString(p.w / 2 - w / 2, y, s, charSpace=space)


def _raised_ordinal(p, x, y, d, face, size, before="", after="", align="centre"):
    """`before 3rd day of May, 2026 after` with the ordinal's letters set small and raised, as word processors do."""
    from .fmt import ordinal

    suffix = ordinal(d.day)[-2:]
    parts = [(f"{before}{d.day}", 0.0, size), (suffix, size * 0.33, size * 0.6),
             (f" day of {d:%B}, {d.year}{after}", 0.0, size)]
    total = sum(p.width(s, face, sz) for s, _r, sz in parts)
    if align == "centre":
        x -= total / 2
    for s, rise, sz in parts:
        x = p.text(x, y + rise, s, face, sz)


@layout("award", evidence="id", units="cec")
def draw_turned_landscape(p, c):
    """Landscape award stored as a portrait page with /Rotate 90: 'is hereby awarded to', 'Date of Course'."""
    _turned(p)
    p.border(24, double=True, width=2)
    p.centre(p.h - 85, c.course.provider, "LiberationSerif-Bold", 17)
    p.centre(p.h - 135, "Certificate of Completion", "LiberationSerif-BoldItalic", 34)
    p.centre(p.h - 170, "is hereby awarded to", "LiberationSerif-Italic", 14)
    p.centre(p.h - 210, c.person.name, "LiberationSerif-Bold", 28)
    p.centre(p.h - 232, f"ACE Certification Number {c.person.certificant_id}", "LiberationSans", 10)
    p.centre(p.h - 268, f"for completing {c.course.title}", "LiberationSerif", 15)
    p.centre(p.h - 292, f"ACE Course {course_no(c.course.number, 'hyphen')}  \u2022  {cec(c.ceus)} CECs",
             "LiberationSerif", 13)
    p.text(100, 120, f"Date of Course: {abbrev(c.completed)}", "LiberationSans", 11)
    p.signature(p.w - 290, 120, 180)
    p.text(p.w - 290, 106, f"{_staff(c, 2)}, Education Director", "LiberationSans", 9)


@layout("award", evidence="name", units="cec")
def draw_letter_spaced_name(p, c):
    """Designed award: heading and the unlabelled name set in wide letter spacing, 'in recognition of', 'on 5th May 2026'."""
    p.landscape()
    p.ornate_border(20, 14)
    _spaced(p, p.h - 100, "CERTIFICATE", "LiberationSerif", 36, 8)
    _spaced(p, p.h - 128, "OF COMPLETION", "LiberationSans", 12, 5)
    p.centre(p.h - 170, "This certificate is proudly presented to", "LiberationSerif-Italic", 14)
    _spaced(p, p.h - 220, c.person.name.upper(), "LiberationSerif-Bold", 28, 4)
    p.hline(p.w / 2 - 240, p.w / 2 + 240, p.h - 232, 0.6, GREY)
    p.centre(p.h - 265, f"in recognition of the successful completion of {c.course.title}", "LiberationSerif", 14)
    p.centre(p.h - 290, f"on {_ord_dmy(c.completed)}, earning {cec(c.ceus)} ACE CECs "
                        f"(course {course_no(c.course.number, 'space')})", "LiberationSerif", 14)
    p.signature(120, 110, 170)
    p.text(120, 96, _staff(c, 1), "LiberationSans", 10)
    p.text(120, 84, "Founder", "LiberationSans", 9)
    p.seal(p.w - 160, 120, 40, ("ACE", "APPROVED"))


@layout("prose", evidence="id", units="cec")
def draw_raised_ordinal(p, c):
    """Formal certificate whose 'given this 3rd day of May, 2026' sets the ordinal's letters small and raised."""
    p.border(30, double=True, width=3)
    p.centre(p.h - 110, c.course.provider, "Times-Bold", 20)
    p.centre(p.h - 160, "Certificate of Completion", "Times-BoldItalic", 30)
    p.centre(p.h - 210, "This is to certify that", "Times-Italic", 15)
    p.centre(p.h - 250, c.person.name, "Times-Bold", 26)
    p.centre(p.h - 272, f"ACE Certificant ID {c.person.certificant_id}", "Times-Roman", 11)
    p.centre(p.h - 310, "has completed the requirements of", "Times-Italic", 15)
    p.centre(p.h - 338, c.course.title, "Times-Bold", 17)
    p.centre(p.h - 366, f"ACE Course No. {c.course.number}, for {cec(c.ceus)} Continuing Education Credits",
             "Times-Roman", 13)
    _raised_ordinal(p, p.w / 2, p.h - 410, c.completed, "Times-Italic", 14, before="Given this ", after=".")
    p.signature(90, 130, 170)
    p.text(90, 116, "Education Director", "Times-Italic", 11)


@layout("two-column", evidence="id", units="cec")
def draw_side_by_side_columns(p, c):
    """Landscape form in two columns side by side, caps labels above values: 'AWARDED TO' left, 'COMPLETED' right."""
    p.landscape()
    p.box(0, p.h - 70, p.w, 70, 0, fill=LIGHT)
    p.text(40, p.h - 45, c.course.provider.upper(), "DejaVuSansCondensed-Bold", 18)
    p.text(p.w - 40, p.h - 45, "CERTIFICATE OF COMPLETION", "DejaVuSansCondensed", 12, align="right")
    left = [("AWARDED TO", c.person.name, 20), ("ACE CERTIFICATION NUMBER", c.person.certificant_id, 13),
            ("INSTRUCTOR", _staff(c, 3), 13)]
    right = [("COURSE", c.course.title, 14), ("COURSE NUMBER", c.course.number, 13),
             ("COMPLETED", written(c.completed), 13), ("CREDITS", f"{cec(c.ceus)} CEC", 13)]
    for x, items in ((60, left), (p.w / 2 + 20, right)):
        y = p.h - 120
        for label, value, size in items:
            p.text(x, y, label, "DejaVuSans", 8, colour=GREY)
            p.text(x, y - size - 4, value, "DejaVuSans-Bold", size)
            y -= size + 38
    p.hline(p.w / 2, p.w / 2, p.h - 100, 0)
    p.c.line(p.w / 2, p.h - 100, p.w / 2, 90)
    p.text(60, 60, f"Issued {us(c.issued)}", "DejaVuSans", 8, colour=GREY)


@layout("prose", evidence="name", units="cec")
def draw_parenthesised_credits(p, c):
    """Legal-style prose: the name alone on the line after 'This is to certify that', 'one and one-half (1.5) CECs'."""
    from .fmt import ordinal

    words = {"0.1": "one-tenth", "0.2": "two-tenths", "0.3": "three-tenths", "0.4": "four-tenths", "0.5": "one-half",
             "0.6": "six-tenths", "0.7": "seven-tenths", "0.8": "eight-tenths", "0.9": "nine-tenths", "1.0": "one",
             "1.5": "one and one-half", "2.0": "two"}
    said = words.get(cec(c.ceus), "")
    x = 90
    p.ornate_border(26, 16)
    p.centre(p.h - 110, c.course.provider.upper(), "LiberationSerif-Bold", 16)
    p.centre(p.h - 150, "Certificate of Continuing Education", "LiberationSerif-Italic", 22)
    p.centre(p.h - 200, "This is to certify that", "LiberationSerif", 14)
    p.centre(p.h - 235, c.person.name, "LiberationSerif-Bold", 22)
    p.wrap(x, p.h - 280, p.w - 2 * x,
           f"has satisfactorily completed the program {c.course.title} (Course Approval No. "
           f"{course_no(c.course.number, 'hyphen')}) and has earned {said} ({cec(c.ceus)}) continuing education "
           f"credits (CECs) on this {ordinal(c.completed.day)} day of {c.completed:%B} {c.completed.year}.",
           "LiberationSerif", 14, 20, align="centre")
    p.signature(90, 130, 170)
    p.text(90, 116, f"{_staff(c)}, Program Chair", "LiberationSerif-Italic", 10)


@layout("modern", evidence="id", units="cec")
def draw_timestamped_lms(p, c):
    """LMS certificate with times after its dates: 'Completed 2026-05-03 14:32 UTC', 'Issued 2026-05-04 09:10 UTC'."""
    p.landscape()
    x = 70
    p.logo(x, p.h - 90, initials(c.course.provider), 40, "square")
    p.text(x + 55, p.h - 70, c.course.provider, "DejaVuSans-Bold", 16)
    p.text(x, p.h - 150, "Certificate of Completion", "DejaVuSans-Bold", 30)
    p.text(x, p.h - 200, c.person.name, "DejaVuSerif-Bold", 30)
    p.text(x, p.h - 222, f"ACE ID {c.person.certificant_id}", "DejaVuSans", 11)
    p.text(x, p.h - 260, f"has completed {c.course.title} ({c.course.number}), {cec(c.ceus)} CECs", "DejaVuSans", 13)
    hh, mm = 8 + c.seed % 10, c.seed % 60
    p.text(x, p.h - 300, f"Completed {iso(c.completed)} {hh:02d}:{mm:02d} UTC", "DejaVuSans", 11)
    p.text(x, p.h - 318, f"Issued {iso(c.issued)} {(hh + 3) % 24:02d}:{(mm + 7) % 60:02d} UTC", "DejaVuSans", 11)
    p.text(x, 60, f"Credential ID {c.seed % 10**10:010d}", "DejaVuSans", 8, colour=GREY)


@layout("award", evidence="id", units="cec")
def draw_signature_dates(p, c):
    """Award 'held on May 3, 2026' in prose, with two signature blocks each dated under the rule ('Date 05/10/2026')."""
    from datetime import timedelta

    p.landscape()
    p.border(22, double=False, width=3)
    p.centre(p.h - 85, "Certificate of Attendance", "LiberationSerif-Bold", 32)
    p.centre(p.h - 130, f"{c.person.name}  \u2022  ACE ID {c.person.certificant_id}", "LiberationSerif", 20)
    p.centre(p.h - 170, f"attended {c.course.title}, held on {written(c.completed)},", "LiberationSerif", 15)
    p.centre(p.h - 194, f"and earned {cec(c.ceus)} CECs (ACE course {course_no(c.course.number, 'space')}).",
             "LiberationSerif", 15)
    signed = c.issued + timedelta(days=c.seed % 5)
    for x, who, role in ((110, _staff(c), "Instructor"), (p.w - 300, _staff(c, 2), "Provider")):
        p.signature(x, 130, 190)
        p.text(x, 116, f"{who}, {role}", "LiberationSans", 9)
        p.text(x, 100, f"Date {us(signed)}", "LiberationSans", 9)


@layout("card", evidence="id", courses=("safety",))
def draw_valid_until_card(p, c):
    """Safety certificate: 'Training date', 'Issued on', 'Valid until' (two years on), 'Certificate #' with digits."""
    x = 80
    p.border(40, double=False, width=1)
    p.text(x, p.h - 100, c.course.provider, "Helvetica-Bold", 18)
    p.text(x, p.h - 120, "Emergency Care Training Certificate", "Helvetica", 12)
    p.text(x, p.h - 170, c.person.name, "Helvetica-Bold", 22)
    p.text(x, p.h - 188, f"ACE ID: {c.person.certificant_id}", "Helvetica", 11)
    p.wrap(x, p.h - 220, p.w - 2 * x, f"has successfully completed {c.course.title} "
           f"({course_no(c.course.number, 'space')}), {cec(c.ceus)} CEC.", "Helvetica", 12)
    rows = [("Training date", us(c.completed)), ("Issued on", us(c.issued)), ("Valid until", us(c.expires)),
            ("Certificate #", f"{c.completed.year}-{c.seed % 100000:05d}")]
    y = p.h - 290
    for label, value in rows:
        p.text(x, y, label, "Helvetica", 11)
        p.text(x + 140, y, value, "Helvetica-Bold", 11)
        y -= 20


@layout("form", evidence="id", units="cec")
def draw_provider_course_id(p, c):
    """Form with 'ACE Provider Course ID', an 'ACE Provider #' of five digits and 'Participant ID' for the certificant."""
    x = 70
    p.text(x, p.h - 80, c.course.provider, "LiberationSans-Bold", 18)
    p.text(x, p.h - 98, f"ACE Provider # {10000 + c.seed % 80000}", "LiberationSans", 10)
    p.centre(p.h - 150, "Continuing Education Certificate", "LiberationSerif-Bold", 22)
    rows = [("Participant", c.person.name), ("Participant ID", c.person.certificant_id),
            ("Program", c.course.title), ("ACE Provider Course ID", course_no(c.course.number, "plain")),
            ("Completion", abbrev(c.completed)), ("CEC Value", cec(c.ceus))]
    y = p.h - 200
    for label, value in rows:
        p.text(x, y, label, "LiberationSans", 11, colour=GREY)
        p.text(x + 170, y, value, "LiberationSans-Bold", 12)
        y -= 26
    p.signature(x, y - 40, 170)
    p.text(x, y - 54, "Authorized Provider Representative", "LiberationSans", 9)


@layout("prose", evidence="id", units="hours")
def draw_address_block_letter(p, c):
    """Letter to the learner's postal address (name first, no label), 'Re: ACE 123456', '15 CE hours' on a day-month date."""
    x = 72
    p.text(x, p.h - 70, c.course.provider, "DejaVuSerif-Bold", 16)
    p.text(x, p.h - 86, "Continuing Education Office", "DejaVuSerif", 10)
    p.text(p.w - x, p.h - 70, dmy(c.printed), "DejaVuSerif", 11, align="right")
    y = p.h - 140
    for line in (c.person.name, f"{10 + c.seed % 880} Elm Street", f"Springfield, IL {62700 + c.seed % 90}"):
        p.text(x, y, line, "DejaVuSerif", 11)
        y -= 14
    p.text(x, y - 20, f"Re: ACE certification {c.person.certificant_id}", "DejaVuSerif-Bold", 11)
    p.text(x, y - 50, f"Dear {c.person.first},", "DejaVuSerif", 11)
    y = p.wrap(x, y - 74, p.w - 2 * x,
               f"Thank you for attending {c.course.title}. Our records show that you completed the course on "
               f"{dmy(c.completed)} and earned {hours_of(c)} CE hours (ACE course {course_no(c.course.number, 'hyphen')}).",
               "DejaVuSerif", 11, 15)
    p.text(x, y - 20, "Yours sincerely,", "DejaVuSerif", 11)
    p.text(x, y - 60, _staff(c, 4), "DejaVuSerif", 11)
    p.text(x, y - 74, "Registrar", "DejaVuSerif-Italic", 10)


@layout("form", evidence="id", units="cec", extra={"birth": True})
def draw_european_academy(p, c):
    """European provider: dotted day-first numeric dates for birth, issue and print; completion as '05 May 2026'."""
    x, vx = 70, 260
    p.text(x, p.h - 80, c.course.provider, "DejaVuSans-Bold", 17)
    p.text(x, p.h - 96, "Certificate of Participation  /  Teilnahmebescheinigung", "DejaVuSans", 10)
    birth = c.person.birth
    rows = [("Name", last_first(c.person)), ("Date of birth", f"{birth:%d.%m.%Y}" if birth else "-"),
            ("ACE ID", c.person.certificant_id), ("Course", c.course.title),
            ("Course number", course_no(c.course.number, "space")),
            ("Course completed", f"{c.completed:%d %B %Y}"), ("Credits", f"{cec(c.ceus)} CEC")]
    y = p.h - 150
    for label, value in rows:
        p.text(x, y, label, "DejaVuSans", 11)
        p.text(vx, y, value, "DejaVuSans-Bold", 11)
        y -= 22
    p.text(x, y - 30, f"Issued {c.issued:%d.%m.%Y}", "DejaVuSans", 10)
    p.text(x, 60, f"Printed {c.printed:%d.%m.%Y}", "DejaVuSans", 8, colour=GREY)


@layout("prose", evidence="email", units="cec")
def draw_exam_passed(p, c):
    """Exam result notice: 'passed the final examination on 3 May 26' (two-digit year), email only, 'CEUs: 0.5'."""
    x = 70
    p.text(x, p.h - 80, f"{c.course.provider} Testing Services", "LiberationSans-Bold", 15)
    p.text(x, p.h - 130, "Examination Result", "LiberationSerif-Bold", 22)
    y = p.wrap(x, p.h - 170, p.w - 2 * x,
               f"{c.person.name} ({c.person.email}) passed the final examination of {c.course.title} on "
               f"{c.completed.day} {c.completed:%b} {c.completed:%y} with a score of {70 + c.seed % 30}%.",
               "LiberationSerif", 13, 18)
    p.text(x, y - 20, f"Course: {c.course.number}", "LiberationSans", 11)
    p.text(x, y - 38, f"CEUs: {cec(c.ceus)}", "LiberationSans", 11)
    p.text(x, y - 56, f"Exam ID: {c.seed % 900000 + 100000}", "LiberationSans", 11)


@layout("award", evidence="id", units="cec")
def draw_credentials_after_name(p, c):
    """Award: 'Ms. First Last, MS, CSCS' with an honorific and credentials; 'Credits: 0.5 CEUs'; a month-year expiry."""
    title = ("Ms.", "Mr.", "Dr.", "Mx.")[c.seed % 4]
    creds = (", MS, CSCS", ", CPT", ", BS, NASM-CPT", ", MEd")[c.seed % 4]
    p.border(28, double=True, width=2)
    p.centre(p.h - 110, c.course.provider, "DejaVuSerif-Bold", 18)
    p.centre(p.h - 160, "CERTIFICATE", "DejaVuSerif-Bold", 34)
    p.centre(p.h - 200, "presented to", "DejaVuSerif-Italic", 14)
    p.centre(p.h - 240, f"{title} {c.person.first} {c.person.last}{creds}", "DejaVuSerif-Bold", 24)
    p.centre(p.h - 262, f"ACE # {c.person.certificant_id}", "DejaVuSans", 10)
    p.centre(p.h - 300, "for the completion of", "DejaVuSerif-Italic", 14)
    p.centre(p.h - 326, c.course.title, "DejaVuSerif-Bold", 16)
    p.centre(p.h - 360, f"Course {course_no(c.course.number, 'space')}  \u00b7  Credits: {cec(c.ceus)} CEUs",
             "DejaVuSans", 12)
    p.centre(p.h - 384, f"Completion date {_ord_mdy(c.completed)}", "DejaVuSans", 12)
    p.text(80, 90, f"Credential valid through {c.expires:%B %Y}", "DejaVuSans", 9, colour=GREY)


@layout("award", evidence="id", units="cec")
def draw_sideways_print(p, c):
    """Landscape certificate printed sideways onto a portrait page (text runs up the page): 'Date Completed' below."""
    _sideways(p)
    p.corners(30, 70, 3)
    p.centre(p.h - 90, c.course.provider.upper(), "DejaVuSans-Bold", 15)
    p.centre(p.h - 140, "Certificate of Achievement", "DejaVuSerif-Bold", 30)
    p.centre(p.h - 180, "awarded to", "DejaVuSerif-Italic", 13)
    p.centre(p.h - 218, c.person.name, "DejaVuSerif-Bold", 26)
    p.centre(p.h - 256, f"{c.course.title}  ·  ACE course {c.course.number}  ·  {cec(c.ceus)} CECs",
             "DejaVuSerif", 13)
    cols = [("ACE ID", c.person.certificant_id), ("Date Completed", us(c.completed)), ("Date Issued", us(c.issued))]
    x = 150
    for label, value in cols:
        p.text(x, p.h - 320, value, "DejaVuSans-Bold", 12)
        p.hline(x - 10, x + 140, p.h - 326, 0.5)
        p.text(x, p.h - 340, label, "DejaVuSans", 9)
        x += 200


@layout("form", evidence="id", units="hours")
def draw_turned_in_viewer(p, c):
    """Portrait form saved after a viewer turned the page (/Rotate 90 over upright text): shown sideways, read upright."""
    p.c.setPageSize((p.h, p.w))        # reportlab writes a /Rotate 90 page's MediaBox turned
    p.c.setPageRotation(90)
    x = 72
    p.text(x, p.h - 80, c.course.provider, "LiberationSans-Bold", 18)
    p.text(x, p.h - 100, "Continuing Education Completion", "LiberationSans", 12)
    p.hline(x, p.w - x, p.h - 110, 1)
    rows = [("Attendee", c.person.name), ("ACE Certification ID", c.person.certificant_id),
            ("Course Title", c.course.title), ("Course No.", course_no(c.course.number, "hyphen")),
            ("Date of Course", dmy(c.completed)), ("Contact Hours", str(hours_of(c)))]
    y = p.h - 150
    for label, value in rows:
        p.text(x, y, f"{label}:", "LiberationSans", 11)
        p.text(x + 170, y, value, "LiberationSans-Bold", 11)
        y -= 22
    p.text(x, y - 30, f"Issued {us(c.issued)}", "LiberationSans", 9, colour=GREY)


@layout("table", evidence="id", units="cec")
def draw_enrolment_row_table(p, c):
    """A table whose one row gives 'Enrolled | Completed | Expires' side by side, 'CE Credits' with no unit after it."""
    from datetime import timedelta

    x = 60
    p.text(x, p.h - 80, c.course.provider, "LiberationSans-Bold", 18)
    p.text(x, p.h - 98, "Learner Transcript Extract", "LiberationSans", 11)
    p.text(x, p.h - 140, f"Learner: {c.person.name}", "LiberationSans", 12)
    p.text(x + 280, p.h - 140, f"ACE Certification ID: {c.person.certificant_id}", "LiberationSans", 12)
    enrolled = c.completed - timedelta(days=10 + c.seed % 40)
    p.table(x, p.h - 170, [90, 90, 90, 90, 70],
            [["Course", "Enrolled", "Completed", "Expires", "CE Credits"],
             [c.course.number, us(enrolled), us(c.completed), us(c.expires), cec(c.ceus)]],
            row_h=22, size=10, face="LiberationSans", head_face="LiberationSans-Bold", head_fill=LIGHT)
    p.text(x, p.h - 240, f"Course title: {c.course.title}", "LiberationSans", 10)
    p.text(x, p.h - 256, "Course completion certificates are issued on the date of completion.", "LiberationSans", 9)


@layout("award", evidence="name", units="cec")
def draw_award_date_caption(p, c):
    """Award: 'Award Date' and 'Date Registered' captions under their rules; the name large with no label."""
    from datetime import timedelta

    p.landscape()
    p.border(20, double=True, width=2.5)
    p.centre(p.h - 85, c.course.provider, "DejaVuSerif-Bold", 18)
    p.centre(p.h - 135, "Certificate of Achievement", "DejaVuSerif-BoldItalic", 30)
    p.centre(p.h - 200, f"{c.person.first} {c.person.last}", "DejaVuSerif-Bold", 34)
    p.centre(p.h - 240, f"has met every requirement of {c.course.title}", "DejaVuSerif", 14)
    p.centre(p.h - 264, f"ACE course {course_no(c.course.number, 'space')}  \u00b7  {cec(c.ceus)} CECs", "DejaVuSerif", 12)
    registered = c.completed - timedelta(days=7 + c.seed % 20)
    for x, value, caption in ((110, us(registered), "Date Registered"), (p.w / 2 - 80, written(c.completed), "Award Date"),
                              (p.w - 270, _staff(c, 5), "Examiner")):
        p.text(x + 80, 128, value, "DejaVuSans", 12, align="centre")
        p.hline(x, x + 160, 122, 0.6)
        p.text(x + 80, 108, caption, "DejaVuSans", 9, align="centre")


@layout("prose", evidence="name", units="cec")
def draw_narrow_column_letter(p, c):
    """Letter in a narrow column beside a sidebar: the name, course number and date often broken over two lines."""
    p.box(0, 0, 170, p.h, 0, fill=LIGHT)
    p.text(24, p.h - 70, c.course.provider, "LiberationSans-Bold", 11)
    for i, line in enumerate(("Continuing Education", "Office of the Registrar", "Tel. (503) 555-0161")):
        p.text(24, p.h - 90 - 14 * i, line, "LiberationSans", 8)
    x, width = 200, p.w - 200 - 60
    p.text(x, p.h - 80, "Certificate of Completion", "LiberationSerif-Bold", 20)
    y = p.wrap(x, p.h - 120, width,
               f"We certify that {c.person.first} {c.person.last} successfully completed the course "
               f"{c.course.title}, approved by ACE as course {course_no(c.course.number, 'space')}, on "
               f"{dmy(c.completed)} and was awarded {cec(c.ceus)} CECs for it.", "LiberationSerif", 13, 17)
    p.wrap(x, y - 12, width, f"This certificate was prepared by {_staff(c, 1)} for the learner's records and "
           "needs no signature.", "LiberationSerif", 11, 15)
