"""Fresh layouts: a second set of providers' layouts to tune on, drawn apart from the first.

The tuned layouts were the ones the reader was built with; after many rounds of tuning their
misses say little about layouts nobody has seen. These layouts are new (none repeats a tuned
layout's arrangement), and their misses may be looked at like the tuned set's. Each function
draws one provider's certificate for a Cert on a Pen, as in tuned.py.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import Color, black, white

from .fmt import (abbrev, cec, course_no, date_range, dmy, dmy_abbrev, hours_of, iso, last_first, us,
                  us_short, weekday, written)
from .model import registry
from .pen import GREY, LIGHT, font_for, initials

LAYOUTS, layout = registry()


# ---------------------------------------------------------------- shared ornaments and helpers

NAVY = Color(0.11, 0.19, 0.40)
MAROON = Color(0.46, 0.09, 0.12)
TEAL = Color(0.02, 0.30, 0.33)
WASH = Color(0.91, 0.91, 0.91)
PALE = Color(0.94, 0.94, 0.94)

# People who sign or teach, never certificants.
_SIGNERS = ("Priya Ramaswamy", "Yvette Marchand", "Desmond Achebe", "Lorna Whitcombe", "Rafael Quintero",
            "Gideon Pemberton")

# Courses other bodies approved (never in the ACE catalogue): the other rows of transcripts and dashboards.
_OTHER_COURSES = ("Corrective Exercise Lab", "Indoor Cycling Instructor Update", "Posture and Gait Analysis",
                  "Indoor Rowing Technique", "Foam Rolling and Recovery", "Coaching Communication Basics")


def _signer(c, k: int = 0) -> str:
    return _SIGNERS[(c.seed + k) % len(_SIGNERS)]


def _slug(c) -> str:
    return c.course.provider.split()[0].lower()


def _code(c, n: int = 8) -> str:
    """A verification code of letters and digits, grouped in fours."""
    rng = c.rng("code")
    s = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(n))
    return "-".join(s[i:i + 4] for i in range(0, n, 4))


def _internal(c) -> str:
    """The provider's own course code, beside the ACE course number."""
    return f"{initials(c.course.provider)}-{100 + c.seed % 900}"


def _fit(p, s: str, face: str, size: float, width: float, floor: float = 9) -> float:
    """The largest size up to SIZE at which S fits in WIDTH (never below FLOOR)."""
    while size > floor and p.width(s, face, size) > width:
        size -= 0.5
    return size


def _two_lines(s: str, limit: int = 26) -> list[str]:
    """A long title broken at the word nearest its middle, as designers set them."""
    if len(s) <= limit or " " not in s:
        return [s]
    words = s.split()
    best = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return [" ".join(words[:best]), " ".join(words[best:])]


def _qr(p, x: float, y: float, size: float, c, n: int = 21) -> None:
    """A QR-code-like square of small boxes with three finder squares (seeded, not decodable)."""
    cv, m, rng = p.c, size / n, c.rng("qr")
    cv.setFillColor(black)
    finder = lambda i, j: (i < 8 and j < 8) or (i >= n - 8 and j >= n - 8) or (i < 8 and j >= n - 8)  # noqa: E731
    for i in range(n):
        for j in range(n):
            if not finder(i, j) and rng.random() < 0.48:
                cv.rect(x + i * m, y + j * m, m, m, stroke=0, fill=1)
    for fi, fj in ((0, 0), (0, n - 7), (n - 7, n - 7)):
        for k, colour in ((0, black), (1, white), (2, black)):
            cv.setFillColor(colour)
            cv.rect(x + (fi + k) * m, y + (fj + k) * m, (7 - 2 * k) * m, (7 - 2 * k) * m, stroke=0, fill=1)
    cv.setFillColor(black)


def _tick(p, x: float, y: float, s: float = 9, ticked: bool = True) -> None:
    """A check box, crossed when TICKED (a printed form's ☒ and ☐)."""
    p.box(x, y, s, s, 0.8)
    if ticked:
        p.c.setLineWidth(1.1)
        p.c.line(x + 2, y + 2, x + s - 2, y + s - 2)
        p.c.line(x + 2, y + s - 2, x + s - 2, y + 2)


def _watermark(p, s: str, size: float, angle: float = 35, shade: float = 0.9) -> None:
    """Large light text across the page, drawn before (behind) the content."""
    cv = p.c
    cv.saveState()
    cv.translate(p.w / 2, p.h / 2)
    cv.rotate(angle)
    cv.setFont(font_for("Helvetica-Bold", s), size)
    cv.setFillColor(Color(shade, shade, shade))
    cv.drawCentredString(0, -size / 3, s)
    cv.restoreState()


def _polygon(p, pts, fill=None, stroke=None, width: float = 1) -> None:
    cv = p.c
    path = cv.beginPath()
    path.moveTo(*pts[0])
    for pt in pts[1:]:
        path.lineTo(*pt)
    path.close()
    if fill is not None:
        cv.setFillColor(fill)
    if stroke is not None:
        cv.setStrokeColor(stroke)
        cv.setLineWidth(width)
    cv.drawPath(path, stroke=1 if stroke is not None else 0, fill=1 if fill is not None else 0)
    cv.setFillColor(black)
    cv.setStrokeColor(black)


def _rosette(p, x: float, y: float, r: float, colour, words: tuple[str, ...]) -> None:
    """A prize rosette: two ribbon tails and a scalloped disc with words reversed out."""
    for dx in (-1, 1):
        _polygon(p, [(x + dx * 0.1 * r, y - 0.5 * r), (x + dx * 0.7 * r, y - 0.5 * r),
                     (x + dx * 0.9 * r, y - 2.1 * r), (x + dx * 0.62 * r, y - 1.85 * r),
                     (x + dx * 0.35 * r, y - 2.1 * r)], fill=colour)
    pts = []
    for i in range(48):
        a = i * math.pi / 24
        rr = r if i % 2 == 0 else r * 0.9
        pts.append((x + rr * math.cos(a), y + rr * math.sin(a)))
    _polygon(p, pts, fill=colour)
    p.c.setStrokeColor(white)
    p.c.setLineWidth(1)
    p.c.circle(x, y, r * 0.72)
    p.c.setStrokeColor(black)
    for i, s in enumerate(words):
        p.text(x, y + (len(words) - 1) * 6 - 12 * i - 3, s, "Helvetica-Bold", 10, align="centre", colour=white)


def _hexagon(p, x: float, y: float, r: float, fill=None, stroke=None, width: float = 1) -> None:
    _polygon(p, [(x + r * math.cos(math.pi / 6 + k * math.pi / 3), y + r * math.sin(math.pi / 6 + k * math.pi / 3))
                 for k in range(6)], fill=fill, stroke=stroke, width=width)


def _address(c) -> str:
    streets = ("Commerce Way", "Riverside Drive", "Market Street", "Lakeview Parkway", "Oak Avenue")
    cities = ("Denver, CO 80202", "Portland, OR 97204", "Raleigh, NC 27601", "Madison, WI 53703",
              "Tucson, AZ 85701")
    return f"{100 + c.seed % 8900} {streets[c.seed % 5]}, {cities[(c.seed // 5) % 5]}"


def _phone(c) -> str:
    return f"({200 + c.seed % 700}) 555-01{c.seed % 90 + 10}"


# ---------------------------------------------------------------- awards

@layout("award", evidence="id", units="cec")
def draw_banner_reversed_title(p, c):
    """Landscape award, dark header band with the title reversed out; QR block, 'Verify at https://...' and a Cert. No."""
    p.landscape()
    p.box(30, 30, p.w - 60, p.h - 60, 1.2, colour=NAVY)
    p.box(30, p.h - 150, p.w - 60, 100, 0, colour=NAVY, fill=NAVY)
    p.centre(p.h - 82, c.course.provider.upper(), "LiberationSans-Bold", 13, colour=white)
    p.centre(p.h - 127, "CERTIFICATE OF COMPLETION", "LiberationSans-Bold", 32, colour=white)
    p.centre(p.h - 192, "This certificate is presented to", "LiberationSerif-Italic", 14)
    p.centre(p.h - 232, c.person.name, "LiberationSerif-Bold", 30)
    p.centre(p.h - 254, f"ACE Certified Professional No. {c.person.certificant_id}", "LiberationSans", 11)
    p.centre(p.h - 288, "for the successful completion of", "LiberationSerif-Italic", 14)
    p.centre(p.h - 316, c.course.title, "LiberationSerif-Bold", _fit(p, c.course.title, "LiberationSerif-Bold", 20, 600))
    p.centre(p.h - 346, f"ACE Course {course_no(c.course.number, 'hyphen')}   |   {cec(c.ceus)} CECs",
             "LiberationSans", 12)
    serial = f"{c.completed.year}-{c.seed % 10**6:06d}"
    for x, label, value in ((70, "Date Completed", abbrev(c.completed)), (230, "Cert. No.", serial)):
        p.text(x, 150, label, "LiberationSans", 9, colour=GREY)
        p.text(x, 132, value, "LiberationSans-Bold", 13)
    p.signature(70, 80, 180)
    p.text(70, 66, f"{_signer(c)}, Director of Education", "LiberationSans", 9)
    _qr(p, p.w - 150, 92, 78, c)
    code = _code(c)
    p.text(p.w - 60, 76, f"Verify at https://verify.{_slug(c)}.example/c/{code.replace('-', '')}",
           "LiberationSans", 8, align="right")
    p.text(p.w - 60, 64, f"Verification code {code}", "LiberationSans", 8, align="right")


@layout("award", evidence="email", units="cec")
def draw_watermark_portrait(p, c):
    """Portrait award over a large light-grey diagonal watermark; name in capitals with the email under it; weekday date."""
    mark = initials(c.course.provider) or "CE"
    _watermark(p, mark, min(200, 420 / p.width(mark, "Helvetica-Bold", 1)), 40)
    p.border(32, double=True, width=1)
    p.logo(p.w / 2 - 22, p.h - 118, initials(c.course.provider), 44, "circle")
    p.centre(p.h - 142, c.course.provider, "DejaVuSerif-Bold", 15)
    p.centre(p.h - 190, "Certificate of Continuing Education", "DejaVuSerif", 22)
    p.centre(p.h - 232, "awarded to", "DejaVuSerif-Italic", 13)
    name = c.person.name.upper()
    p.centre(p.h - 270, name, "DejaVuSans-Bold", _fit(p, name, "DejaVuSans-Bold", 24, p.w - 120))
    p.centre(p.h - 292, c.person.email, "DejaVuSans", 11)
    p.centre(p.h - 336, "who completed the home-study course", "DejaVuSerif-Italic", 13)
    p.centre(p.h - 364, c.course.title, "DejaVuSerif-Bold", _fit(p, c.course.title, "DejaVuSerif-Bold", 17, p.w - 120))
    p.centre(p.h - 392, f"and passed its final assessment on {weekday(c.completed)}", "DejaVuSerif", 12)
    p.centre(p.h - 440, f"ACE Course Number: {c.course.number}", "DejaVuSans", 12)
    p.centre(p.h - 460, f"Continuing Education Credits: {cec(c.ceus)} CEC", "DejaVuSans", 12)
    p.signature(80, 150, 170)
    p.text(80, 136, _signer(c, 1), "DejaVuSans", 10)
    p.text(80, 124, "Curriculum Director", "DejaVuSans", 9)
    p.text(p.w - 80, 150, f"Issued {us(c.issued)}", "DejaVuSans", 10, align="right")
    p.centre(60, "This certificate is void if altered. Keep it for six years after your certification renews.",
             "DejaVuSans", 8, colour=GREY)


@layout("award", evidence="name", units="hours")
def draw_rosette_two_signers(p, c):
    """Landscape award, text set left beside a ribbon rosette; contact hours in prose; two signers each dated."""
    p.landscape()
    p.border(20, double=False, width=1)
    p.box(28, 28, p.w - 56, p.h - 56, 0.4)
    _rosette(p, 112, p.h - 170, 50, MAROON, ("CE", "HOURS"))
    x, width = 210, p.w - 210 - 60
    p.text(x, p.h - 90, c.course.provider.upper(), "LiberationSans-Bold", 13)
    p.text(x, p.h - 140, "Certificate of Achievement", "LiberationSerif-Bold", 34)
    p.text(x, p.h - 180, "Awarded to", "LiberationSerif-Italic", 13)
    p.text(x, p.h - 218, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 30, width))
    p.hline(x, x + width, p.h - 228, 0.6, GREY)
    y = p.wrap(x, p.h - 258, width,
               f"in recognition of completing {hours_of(c)} contact hours of continuing education in "
               f"{c.course.title} (ACE course no. {course_no(c.course.number, 'space')}).", "LiberationSerif", 14, 19)
    p.text(x, y - 16, f"Date of completion: {dmy_abbrev(c.completed)}", "LiberationSans", 12)
    for sx, k, role in ((x, 0, "Master Trainer"), (x + 270, 3, "Managing Director")):
        p.signature(sx, 120, 200)
        p.text(sx, 106, _signer(c, k), "LiberationSans", 10)
        p.text(sx, 94, role, "LiberationSans", 9)
        p.text(sx, 82, f"Signed {us(c.issued)}", "LiberationSans", 9, colour=GREY)


@layout("award", evidence="id", units="cec")
def draw_accreditation_panel(p, c):
    """Landscape award whose foot panel lists the ACE course and credit beside NASM and AFAA approvals and provider numbers."""
    p.landscape()
    p.border(24, double=True, width=2)
    p.text(60, p.h - 70, c.course.provider, "Times-Bold", 15)
    p.text(p.w - 60, p.h - 70, f"Issued {us_short(c.issued)}", "Times-Roman", 10, align="right")
    p.centre(p.h - 120, "Continuing Education Certificate", "Times-BoldItalic", 32)
    p.centre(p.h - 160, "This is to certify that", "Times-Italic", 14)
    p.centre(p.h - 196, c.person.name, "Times-Bold", 28)
    p.centre(p.h - 216, f"ACE Certification # {c.person.certificant_id}", "Times-Roman", 11)
    line = f"completed {c.course.title} on {us_short(c.completed)}"
    p.centre(p.h - 250, line, "Times-Roman", _fit(p, line, "Times-Roman", 15, p.w - 120))
    top, bottom = 190, 70
    p.box(50, bottom, p.w - 100, top - bottom, 0, fill=PALE)
    p.text(64, top - 18, "ACCREDITATION", "Helvetica-Bold", 9)
    nasm, afaa = 1000 + c.seed % 8000, 100 + c.seed % 800
    cols = [("American Council on Exercise", f"ACE Course No. {c.course.number}", f"ACE CECs: {cec(c.ceus)}"),
            ("National Academy of Sports Medicine", f"NASM Provider #{nasm}", f"NASM CEUs: {cec(c.ceus)}"),
            ("Athletics and Fitness Association of America", f"AFAA Provider #{afaa}", f"AFAA CEUs: {hours_of(c)}.0")]
    cw = (p.w - 128) / 3
    for i, (body, number, credit) in enumerate(cols):
        cx = 64 + i * cw
        p.text(cx, top - 44, body, "Helvetica-Bold", _fit(p, body, "Helvetica-Bold", 9, cw - 12, 8))
        p.text(cx, top - 64, number, "Helvetica", 10)
        p.text(cx, top - 82, credit, "Helvetica", 10)
    p.text(64, bottom + 12, "Credits are granted by each body under its own rules; submit this certificate to each.",
           "Helvetica-Oblique", 8)
    p.signature(p.w - 250, 220, 170)
    p.text(p.w - 250, 206, f"{_signer(c, 2)}, Education Manager", "Helvetica", 9)


@layout("event", evidence="email", units="cec", courses=("event",))
def draw_event_band_portrait(p, c):
    """Event certificate with the event name reversed out of a dark band, the dates under it, the attendee's CECs in a big figure."""
    p.box(36, p.h - 170, p.w - 72, 130, 0, colour=TEAL, fill=TEAL)
    title = c.course.title.upper()
    p.centre(p.h - 92, title, "DejaVuSansCondensed-Bold", _fit(p, title, "DejaVuSansCondensed-Bold", 24, p.w - 110),
             colour=white)
    p.centre(p.h - 120, date_range(c.start, c.completed), "DejaVuSans", 14, colour=white)
    p.centre(p.h - 145, f"presented by {c.course.provider}", "DejaVuSans", 10, colour=white)
    p.centre(p.h - 220, "CERTIFICATE OF ATTENDANCE", "DejaVuSerif-Bold", 20)
    p.centre(p.h - 266, c.person.name, "DejaVuSerif-Bold", _fit(p, c.person.name, "DejaVuSerif-Bold", 28, p.w - 120))
    p.centre(p.h - 288, c.person.email, "DejaVuSans", 11)
    p.centre(p.h - 326, "attended the sessions of the event listed above and earned", "DejaVuSerif", 13)
    p.centre(p.h - 384, cec(c.ceus), "DejaVuSerif-Bold", 48)
    p.centre(p.h - 406, "ACE continuing education credits (CECs)", "DejaVuSans", 11)
    p.centre(p.h - 446, f"ACE Event Approval # {course_no(c.course.number, 'plain')}", "DejaVuSans", 12)
    p.centre(p.h - 466, f"Attendance verified by badge scan; certificate issued {written(c.issued)}.",
             "DejaVuSans", 9, colour=GREY)
    p.signature(p.w / 2 - 90, 130, 180)
    p.centre(116, f"{_signer(c, 4)}, Conference Director", "DejaVuSans", 10)
    p.centre(60, f"{c.course.provider}  \u00b7  {_address(c)}  \u00b7  {_phone(c)}", "DejaVuSans", 8, colour=GREY)


@layout("award", evidence="id", units="cec")
def draw_serial_internal_code(p, c):
    """Portrait award: 'Cert. No. 2026-004512' top right, a two-line course title, the provider's own code beside the ACE number."""
    p.corners(34, 60, 2)
    p.logo(60, p.h - 100, initials(c.course.provider), 38, "square")
    p.text(106, p.h - 80, c.course.provider, "LiberationSans-Bold", 12)
    p.text(p.w - 60, p.h - 72, f"Cert. No. {c.issued.year}-{c.seed % 10**6:06d}", "LiberationMono", 9, align="right")
    p.text(p.w - 60, p.h - 86, f"Order No. {700000 + c.seed % 299999}", "LiberationMono", 9, align="right")
    p.centre(p.h - 170, "CERTIFICATE", "LiberationSerif-Bold", 42)
    p.centre(p.h - 196, "of Course Completion", "LiberationSerif-Italic", 16)
    p.centre(p.h - 240, "The undersigned certify that", "LiberationSerif", 13)
    p.centre(p.h - 276, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 26, 480))
    p.centre(p.h - 296, f"(ACE ID {c.person.certificant_id})", "LiberationSerif", 11)
    p.centre(p.h - 326, "has completed", "LiberationSerif", 13)
    y = p.h - 356
    for line in _two_lines(c.course.title, 24):
        p.centre(y, line, "LiberationSerif-Bold", 20)
        y -= 26
    y -= 12
    p.centre(y, f"Provider course code {_internal(c)}   \u00b7   ACE course number {course_no(c.course.number, 'space')}",
             "LiberationSans", 10)
    p.centre(y - 20, f"Credit awarded: {cec(c.ceus)} CEC", "LiberationSans", 11)
    p.centre(y - 40, f"Date of completion: {written(c.completed)}", "LiberationSans", 11)
    for x, k, role in ((70, 1, "Course Author"), (p.w - 250, 5, "Registrar")):
        p.signature(x, 130, 180)
        p.text(x, 116, f"{_signer(c, k)}, {role}", "LiberationSans", 9)
        p.text(x, 104, f"Date: {us(c.issued)}", "LiberationSans", 9)


@layout("award", evidence="name", units="cec")
def draw_module_checkboxes_award(p, c):
    """Landscape award with a row of ticked module boxes under the title and a right-aligned 'Course No. / Completed / Credit' block."""
    p.landscape()
    p.border(26, double=True, width=0.8)
    p.centre(p.h - 86, "CERTIFICATE OF COMPLETION", "LiberationSans-Bold", 28)
    p.centre(p.h - 108, c.course.provider, "LiberationSans", 12)
    p.centre(p.h - 150, "is awarded to", "LiberationSerif-Italic", 14)
    p.centre(p.h - 192, c.person.name, "LiberationSerif-BoldItalic", 36)
    p.hline(p.w / 2 - 220, p.w / 2 + 220, p.h - 204, 0.6)
    p.centre(p.h - 234, "who completed every module of the online course", "LiberationSerif", 14)
    p.centre(p.h - 262, c.course.title, "LiberationSerif-Bold", _fit(p, c.course.title, "LiberationSerif-Bold", 20, 640))
    modules = ("Reading lessons", "Video practicals", "Case studies", "Final quiz")
    total = sum(p.width(m, "LiberationSans", 10) + 30 for m in modules)
    x = p.w / 2 - total / 2
    for m in modules:
        _tick(p, x, p.h - 302, 10)
        x = p.text(x + 15, p.h - 301, m, "LiberationSans", 10) + 15
    rows = (("ACE Course No.", c.course.number), ("Completed", iso(c.completed)), ("Credit", f"{cec(c.ceus)} CEC"))
    y = 160
    for label, value in rows:
        p.text(p.w - 190, y, f"{label}:", "LiberationSans", 11, align="right")
        p.text(p.w - 182, y, value, "LiberationSans-Bold", 11)
        y -= 20
    p.signature(80, 110, 190)
    p.text(80, 96, f"{_signer(c, 2)}, Lead Instructor", "LiberationSans", 9)


@layout("card", evidence="id", units="cec", courses=("safety",))
def draw_cpr_band_checklist(p, c):
    """Safety certificate, landscape: red band with a white cross, skills ticked, 'Course Completion Date', 'Issue Date', 'Renew By'."""
    red = Color(0.72, 0.1, 0.1)
    p.landscape()
    p.box(30, 30, p.w - 60, p.h - 60, 1, colour=red)
    p.box(30, p.h - 120, p.w - 60, 80, 0, colour=red, fill=red)
    cx, cy = 80, p.h - 80
    p.box(cx - 7, cy - 22, 14, 44, 0, colour=white, fill=white)
    p.box(cx - 22, cy - 7, 44, 14, 0, colour=white, fill=white)
    p.text(120, p.h - 78, "COURSE COMPLETION CERTIFICATE", "LiberationSans-Bold", 22, colour=white)
    p.text(120, p.h - 100, c.course.provider.upper() + "  \u00b7  EMERGENCY CARDIAC CARE", "LiberationSans", 10,
           colour=white)
    x, vx = 60, 200
    rows = [("Student", c.person.name), ("ACE ID", c.person.certificant_id), ("Course", c.course.title),
            ("ACE Course No.", course_no(c.course.number, "space")), ("CEC", cec(c.ceus))]
    y = p.h - 170
    for label, value in rows:
        p.text(x, y, label, "LiberationSans", 10, colour=GREY)
        p.text(vx, y, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 14, 290))
        y -= 30
    sx = 520
    p.text(sx, p.h - 170, "Skills demonstrated", "LiberationSans-Bold", 10)
    skills = {"cpr": ("Adult CPR", "Child CPR", "Infant CPR", "Rescue breathing"),
              "aed": ("AED pad placement", "Shock delivery", "CPR with AED", "Post-shock care"),
              "first_aid": ("Bleeding control", "Splinting", "Shock recognition", "Choking relief")}[c.course.category]
    y = p.h - 192
    for s in skills:
        _tick(p, sx, y - 1, 10)
        p.text(sx + 16, y, s, "LiberationSans", 10)
        y -= 20
    dates = (("Course Completion Date", us(c.completed)), ("Issue Date", us(c.issued)),
             ("Renew By", f"{c.expires:%m/%d/%Y}"))
    dx = 60
    for label, value in dates:
        p.text(dx, 150, label, "LiberationSans", 9, colour=GREY)
        p.text(dx, 132, value, "LiberationSans-Bold", 14)
        dx += 190
    p.text(60, 82, f"Instructor: {_signer(c, 3)}  (Instructor ID {200000 + c.seed % 700000})", "LiberationSans", 9)
    p.text(60, 68, f"Training Center ID TC-{c.seed % 9000 + 1000}  \u00b7  {_phone(c)}", "LiberationSans", 9)
    p.signature(p.w - 250, 80, 180)


# ---------------------------------------------------------------- forms and tables

@layout("table", evidence="id+email", units="cec")
def draw_multi_body_transcript(p, c):
    """Transcript table of three rows from three approving bodies (NASM, ACE, AFAA): only the ACE row is the ACE course."""
    from datetime import timedelta

    x = 50
    p.text(x, p.h - 70, c.course.provider, "Helvetica-Bold", 17)
    p.text(x, p.h - 86, "Learner Transcript  \u00b7  All approving bodies", "Helvetica", 10)
    p.text(p.w - x, p.h - 70, f"Printed {us(c.printed)}", "Helvetica", 9, align="right")
    p.hline(x, p.w - x, p.h - 96, 1)
    for i, (label, value) in enumerate((("Name", c.person.name), ("ACE ID", c.person.certificant_id),
                                        ("Email", c.person.email))):
        p.text(x, p.h - 124 - 16 * i, f"{label}:", "Helvetica-Bold", 10)
        p.text(x + 60, p.h - 124 - 16 * i, value, "Helvetica", 10)
    rng = c.rng("rows")
    others = rng.sample(_OTHER_COURSES, 2)
    before = c.completed - timedelta(days=20 + rng.randint(0, 90))
    after = min(c.printed, c.completed + timedelta(days=rng.randint(1, 30)))
    rows = [["Code", "Course", "Approved by", "Approval #", "Completed", "Credit"],
            [f"{initials(c.course.provider)}-{rng.randint(100, 999)}", others[0], "NASM",
             f"NASM {rng.randint(1000, 9999)}", us(before), f"{rng.choice(['0.6', '0.8', '1.0'])} CEU"],
            [_internal(c), c.course.title, "ACE", course_no(c.course.number, "plain"), us(c.completed),
             f"{cec(c.ceus)} CEC"],
            [f"{initials(c.course.provider)}-{rng.randint(100, 999)}", others[1], "AFAA",
             f"AFAA {rng.randint(100, 999)}", us(after), f"{rng.choice(['4.0', '6.0', '8.0'])} CEU"]]
    order = [rows[0]] + rng.sample(rows[1:], 3)
    y = p.table(x, p.h - 190, [52, 196, 68, 78, 70, 48], order, row_h=22, size=8.5, head_fill=LIGHT)
    p.wrap(x, y - 20, p.w - 2 * x, "Credits are listed as awarded by each approving body. Only courses approved by "
           "the American Council on Exercise (ACE) carry ACE CECs.", "Helvetica", 9)
    p.text(x, 60, f"{c.course.provider}  \u00b7  {_address(c)}  \u00b7  https://www.{_slug(c)}.example",
           "Helvetica", 8, colour=GREY)


@layout("event", evidence="id", units="hours", courses=("event",))
def draw_session_checkbox_grid(p, c):
    """Event attendance grid: every session with its day and hours and a ticked or empty box; 'Total contact hours attended'."""
    from datetime import timedelta

    x = 56
    p.text(x, p.h - 66, c.course.provider, "LiberationSans-Bold", 16)
    p.text(x, p.h - 84, "Verification of Attendance", "LiberationSans", 12)
    p.text(x, p.h - 118, f"Attendee: {c.person.name}", "LiberationSans", 11)
    p.text(x + 300, p.h - 118, f"ACE ID: {c.person.certificant_id}", "LiberationSans", 11)
    p.text(x, p.h - 136, f"Event: {c.course.title}  \u00b7  ACE event no. {course_no(c.course.number, 'hyphen')}",
           "LiberationSans", 11)
    p.text(x, p.h - 154, f"Event dates: {us(c.start)} \u2013 {us(c.completed)}" if c.start != c.completed
           else f"Event date: {us(c.completed)}", "LiberationSans", 11)
    total, most = hours_of(c), int(c.course.ceus * 10)
    rng = c.rng("sessions")

    def split(h):
        return [2] * (h // 2) + [1] * (h % 2)

    sessions = [(hh, True) for hh in split(total)] + [(hh, False) for hh in split(most - total)]
    rng.shuffle(sessions)
    days = max(1, (c.completed - c.start).days + 1)
    names = ("Keynote", "Strength lab", "Nutrition panel", "Mobility workshop", "Coaching clinic", "Research update",
             "Hands-on practical", "Case review", "Programming session", "Recovery science", "Closing plenary")
    rows = [["Day", "Date", "Session", "Hours", "Attended"]]
    per_day = math.ceil(len(sessions) / days)
    for i, (hh, _went) in enumerate(sessions):
        d = c.start + timedelta(days=min(days - 1, i // per_day))
        rows.append([f"{(d - c.start).days + 1}", us(d), names[i % len(names)], f"{hh}.0", ""])
    top = p.h - 180
    widths = [40, 90, 200, 60, 70]
    y = p.table(x, top, widths, rows, row_h=20, size=10, face="LiberationSans", head_face="LiberationSans-Bold",
                head_fill=LIGHT)
    bx = x + sum(widths[:4]) + 30
    for i, (_hh, went) in enumerate(sessions):
        _tick(p, bx, top - 20 * (i + 1) - 15, 10, went)
    p.text(x, y - 24, f"Total contact hours attended: {total}", "LiberationSans-Bold", 12)
    p.text(x, y - 42, "\u2612 attended (badge scanned in and out)    \u2610 not attended", "DejaVuSans", 9)
    p.signature(x, y - 100, 170)
    p.text(x, y - 114, f"{_signer(c, 5)}, Registration Manager", "LiberationSans", 9)


@layout("form", evidence="email", units="cec")
def draw_order_beside_course(p, c):
    """Web-order certificate form: 'Order #' beside 'ACE Course #' and the provider's code in a strip; labels in a grey column."""
    from datetime import timedelta

    x = 54
    p.text(x, p.h - 66, c.course.provider, "LiberationSansNarrow-Bold", 20)
    p.text(p.w - x, p.h - 66, "CERTIFICATE OF COMPLETION", "LiberationSansNarrow-Bold", 12, align="right")
    strip = [("Order #", f"{400000 + c.seed % 599999}"), ("ACE Course #", c.course.number),
             ("Provider Code", _internal(c))]
    sw = (p.w - 2 * x) / 3
    p.box(x, p.h - 120, p.w - 2 * x, 36, 0.8)
    for i, (label, value) in enumerate(strip):
        p.text(x + 8 + i * sw, p.h - 98, label, "LiberationSansNarrow", 9)
        p.text(x + 8 + i * sw, p.h - 113, value, "LiberationSansNarrow-Bold", 12)
    bought = c.completed - timedelta(days=3 + c.seed % 50)
    rows = [("Learner e-mail", c.person.email), ("Learner name", c.person.name), ("Course title", c.course.title),
            ("Purchased", us(bought)), ("Date of completion", us(c.completed)), ("CEUs awarded", cec(c.ceus)),
            ("Certificate printed", us(c.printed))]
    y = p.h - 150
    for label, value in rows:
        p.box(x, y - 26, 150, 26, 0, colour=LIGHT, fill=LIGHT)
        p.text(x + 8, y - 17, label, "LiberationSans", 10)
        p.text(x + 162, y - 17, value, "LiberationSans-Bold", 11)
        p.hline(x, p.w - x, y - 26, 0.4, GREY)
        y -= 26
    p.wrap(x, y - 30, p.w - 2 * x, "This course is approved by the American Council on Exercise for the credit "
           "shown. Your order number is for billing questions only.", "LiberationSans", 9)
    p.hline(x, p.w - x, 74, 0.5)
    p.text(x, 62, f"{_address(c)}  |  {_phone(c)}  |  support@{_slug(c)}.example  |  www.{_slug(c)}.example",
           "LiberationSansNarrow", 8)


@layout("form", evidence="id+email", units="hours", extra={"birth": True})
def draw_numbered_sections(p, c):
    """Form in numbered sections under grey bars (Participant / Course / Credit / Authorization), date of birth, hours."""
    x = 50
    p.text(x, p.h - 60, c.course.provider, "DejaVuSans-Bold", 15)
    p.text(x, p.h - 76, "Continuing Education Verification Form", "DejaVuSans", 10)
    p.text(p.w - x, p.h - 60, f"Form CE-{c.seed % 9 + 1}", "DejaVuSans", 8, align="right", colour=GREY)
    birth = c.person.birth
    sections = [("1  PARTICIPANT", [("Full name", c.person.name), ("Date of birth", us(birth) if birth else "-"),
                                    ("ACE certification number", c.person.certificant_id),
                                    ("E-mail", c.person.email)]),
                ("2  COURSE", [("Course title", c.course.title), ("ACE course number", c.course.number),
                               ("Delivery", "Live webinar"), ("Date course completed", written(c.completed))]),
                ("3  CREDIT", [("Contact hours awarded", f"{hours_of(c)}"),
                               ("Equivalent", "10 contact hours = 1.0 ACE CEC")])]
    y = p.h - 100
    for head, rows in sections:
        p.box(x, y - 18, p.w - 2 * x, 18, 0, colour=LIGHT, fill=LIGHT)
        p.text(x + 6, y - 13, head, "DejaVuSans-Bold", 9)
        y -= 40
        for label, value in rows:
            p.text(x + 10, y, label, "DejaVuSans", 9, colour=GREY)
            p.text(x + 190, y, value, "DejaVuSans", 11)
            y -= 20
        y -= 8
    p.box(x, y - 18, p.w - 2 * x, 18, 0, colour=LIGHT, fill=LIGHT)
    p.text(x + 6, y - 13, "4  AUTHORIZATION", "DejaVuSans-Bold", 9)
    p.signature(x + 10, y - 70, 180)
    p.text(x + 10, y - 84, f"{_signer(c, 1)}, Program Coordinator", "DejaVuSans", 9)
    p.text(x + 300, y - 66, us(c.issued), "DejaVuSans", 11)
    p.hline(x + 300, x + 440, y - 70, 0.6)
    p.text(x + 300, y - 84, "Date signed", "DejaVuSans", 9)


@layout("two-column", evidence="id", units="cec")
def draw_side_tables_landscape(p, c):
    """Landscape: a 'PARTICIPANT' table and a 'COURSE' table side by side, day-month dates, an address footer with phone and URL."""
    p.landscape()
    p.box(0, p.h - 90, p.w, 50, 0, colour=PALE, fill=PALE)
    p.text(40, p.h - 72, c.course.provider, "Times-Bold", 20)
    p.text(p.w - 40, p.h - 72, "Certificate of Continuing Education", "Times-Italic", 14, align="right")
    p.wrap(40, p.h - 125, p.w - 80, "The participant below has completed the course below and is awarded the "
           "continuing education credit stated.", "Times-Roman", 12)
    left = [["PARTICIPANT", ""], ["Name", c.person.name], ["ACE Certificant No.", c.person.certificant_id],
            ["Certificate issued", dmy(c.issued)]]
    right = [["COURSE", ""], ["Title", c.course.title], ["ACE Course No.", course_no(c.course.number, "space")],
             ["Provider code", _internal(c)], ["Completed", dmy(c.completed)], ["CECs", cec(c.ceus)]]
    p.table(40, p.h - 160, [120, 200], left, row_h=24, face="Times-Roman", head_face="Times-Bold", size=11,
            head_fill=LIGHT)
    size = _fit(p, c.course.title, "Times-Roman", 11, 240, 8)
    p.table(380, p.h - 160, [112, 260], right, row_h=24, face="Times-Roman", head_face="Times-Bold", size=size,
            head_fill=LIGHT)
    p.signature(40, 120, 180)
    p.text(40, 106, f"{_signer(c, 3)}, Academic Director", "Times-Italic", 10)
    p.hline(40, p.w - 40, 70, 0.5)
    p.centre(56, f"{_address(c)}   \u00b7   Tel {_phone(c)}   \u00b7   https://{_slug(c)}.example/ce",
             "Times-Roman", 9)


@layout("table", evidence="name", units="cec", courses=("safety",))
def draw_skills_checklist(p, c):
    """Safety skills-check sheet: 'LAST, First', a table of skills with ticked boxes, written-test score, completion/issue/renew dates."""
    x = 60
    p.text(x, p.h - 70, c.course.provider, "Helvetica-Bold", 16)
    p.text(x, p.h - 88, "Skills Verification and Course Completion", "Helvetica", 12)
    p.text(x, p.h - 126, "Student", "Helvetica", 9, colour=GREY)
    p.text(x, p.h - 142, last_first(c.person, upper=True), "Helvetica-Bold", 14)
    p.text(x + 300, p.h - 126, "Course", "Helvetica", 9, colour=GREY)
    p.text(x + 300, p.h - 142, c.course.title, "Helvetica-Bold", _fit(p, c.course.title, "Helvetica-Bold", 12, 190))
    p.text(x + 300, p.h - 158, f"ACE Course # {c.course.number}", "Helvetica", 10)
    skills = {"cpr": ("Scene safety and activation", "Chest compressions, 100-120/min", "Rescue breaths with mask",
                      "Two-rescuer CPR", "Infant CPR"),
              "aed": ("Scene safety and activation", "AED power-on and pad placement", "Clear and shock",
                      "Resume CPR after shock", "AED maintenance check"),
              "first_aid": ("Scene assessment", "Bleeding control and tourniquet", "Splinting a limb",
                            "Recognising shock", "Choking relief")}[c.course.category]
    rows = [["Skill", "Instructor check"]] + [[s, ""] for s in skills]
    top = p.h - 190
    y = p.table(x, top, [330, 120], rows, row_h=22, size=10, head_fill=LIGHT)
    for i in range(len(skills)):
        _tick(p, x + 330 + 52, top - 22 * (i + 1) - 16, 11)
    p.text(x, y - 26, f"Written test: Pass ({84 + c.seed % 16}%)", "Helvetica", 11)
    dates = [("Course completion date", abbrev(c.completed)), ("Card issued", abbrev(c.issued)),
             ("Renew by", abbrev(c.expires)), ("CEC awarded", cec(c.ceus))]
    yy = y - 60
    for label, value in dates:
        p.text(x, yy, f"{label}:", "Helvetica", 11)
        p.text(x + 170, yy, value, "Helvetica-Bold", 11)
        yy -= 20
    p.signature(x, yy - 40, 170)
    p.text(x, yy - 54, f"Instructor {_signer(c, 4)}  #{300000 + c.seed % 600000}", "Helvetica", 9)


# ---------------------------------------------------------------- letters, memos, receipts

@layout("receipt", evidence="email", units="none")
def draw_invoice_paid(p, c):
    """Paid invoice with line items (course fee, tax, total) and a PAID stamp; course status completed, no credit stated."""
    from datetime import timedelta

    x = 56
    bought = c.completed - timedelta(days=5 + c.seed % 60)
    p.logo(x, p.h - 96, initials(c.course.provider), 36, "square")
    p.text(x + 46, p.h - 74, c.course.provider, "LiberationSans-Bold", 14)
    p.text(x + 46, p.h - 88, _address(c), "LiberationSans", 8.5)
    p.text(p.w - x, p.h - 74, "INVOICE / RECEIPT", "LiberationSans-Bold", 16, align="right")
    p.text(p.w - x, p.h - 92, f"Invoice # INV-{c.seed % 900000 + 100000}", "LiberationSans", 10, align="right")
    p.text(p.w - x, p.h - 106, f"Invoice date: {us(bought)}", "LiberationSans", 10, align="right")
    p.text(x, p.h - 150, "Bill to", "LiberationSans-Bold", 10)
    p.text(x, p.h - 166, c.person.name, "LiberationSans", 11)
    p.text(x, p.h - 181, c.person.email, "LiberationSans", 11)
    fee = 89 + (c.seed % 12) * 10
    tax = round(fee * 0.0725, 2)
    desc = f"Online course: {c.course.title}"
    rows = [["Description", "Qty", "Price", "Amount"], [desc, "1", f"${fee:.2f}", f"${fee:.2f}"],
            ["Sales tax 7.25%", "", "", f"${tax:.2f}"], ["Total paid (Visa ending 4242)", "", "", f"${fee + tax:.2f}"]]
    size = _fit(p, desc, "LiberationSans", 10, 280, 8)
    y = p.table(x, p.h - 210, [290, 40, 80, 90], rows, row_h=22, size=size, face="LiberationSans",
                head_face="LiberationSans-Bold", rules="rows")
    cv = p.c
    cv.saveState()
    cv.translate(p.w - 130, p.h - 168)
    cv.rotate(15)
    cv.setStrokeColor(MAROON)
    cv.setLineWidth(2.5)
    cv.rect(-50, -16, 100, 36)
    cv.setFillColor(MAROON)
    cv.setFont(font_for("Helvetica-Bold", "PAID"), 24)
    cv.drawCentredString(0, -6, "PAID")
    cv.restoreState()
    p.text(x, y - 40, "Course record", "LiberationSans-Bold", 12)
    rec = [("ACE course number", course_no(c.course.number, "hyphen")), ("Course status", "Completed"),
           ("Completion date", us(c.completed))]
    yy = y - 62
    for label, value in rec:
        p.text(x, yy, f"{label}:", "LiberationSans", 11)
        p.text(x + 150, yy, value, "LiberationSans-Bold", 11)
        yy -= 18
    p.wrap(x, yy - 14, p.w - 2 * x, "Your certificate of completion can be downloaded from your account. "
           "Refunds are not available after a course is completed.", "LiberationSans", 9)
    p.text(x, 60, f"Questions about this invoice: billing@{_slug(c)}.example  \u00b7  {_phone(c)}",
           "LiberationSans", 8, colour=GREY)


@layout("memo", evidence="id", units="hours")
def draw_office_memo(p, c):
    """Inter-office memo: TO / FROM / DATE / RE header, the completion in the body, hours, a cc line."""
    x = 72
    p.text(x, p.h - 80, "MEMORANDUM", "LiberationSans-Bold", 24)
    p.text(p.w - x, p.h - 80, c.course.provider, "LiberationSans", 10, align="right")
    head = [("TO:", "Certification Records"), ("FROM:", f"{_signer(c, 2)}, Education Department"),
            ("DATE:", us_short(c.printed)), ("RE:", f"CE completion \u2014 {c.person.name}")]
    y = p.h - 125
    for label, value in head:
        p.text(x, y, label, "LiberationSans-Bold", 11)
        p.text(x + 70, y, value, "LiberationSans", 11)
        y -= 20
    p.hline(x, p.w - x, y + 6, 2)
    y = p.wrap(x, y - 24, p.w - 2 * x,
               f"Please record the following continuing education for {c.person.name}, ACE certification "
               f"{c.person.certificant_id}. The employee completed {c.course.title} (ACE course "
               f"{c.course.number}) on {us_short(c.completed)}, for a total of {hours_of(c)} contact hours.",
               "LiberationSerif", 12, 17)
    y = p.wrap(x, y - 10, p.w - 2 * x, "The course was given on site by our staff educator; the attendance sheet is "
               "kept on file with the department.", "LiberationSerif", 12, 17)
    p.text(x, y - 20, f"Internal course code: {_internal(c)}", "LiberationSerif", 11)
    p.text(x, y - 60, "cc: Personnel file; Department manager", "LiberationSans", 9)
    p.text(x, 60, "INTERNAL \u2014 NOT FOR DISTRIBUTION", "LiberationSans-Bold", 8, colour=GREY)


@layout("prose", evidence="name", units="cec")
def draw_verification_letter_qr(p, c):
    """Verification letter with a QR square and code at the top right, 'Participant: LAST, First', CEUs, address footer."""
    x = 72
    p.text(x, p.h - 70, c.course.provider, "DejaVuSerif-Bold", 16)
    p.text(x, p.h - 86, "Office of Continuing Education", "DejaVuSerif", 10)
    _qr(p, p.w - 72 - 64, p.h - 124, 64, c)
    p.text(p.w - 72, p.h - 136, "Scan to verify", "DejaVuSans", 8, align="right")
    p.text(x, p.h - 130, dmy(c.printed), "DejaVuSerif", 11)
    p.text(x, p.h - 170, "LETTER OF VERIFICATION", "DejaVuSerif-Bold", 13)
    p.runs(x, p.h - 196, [("Participant: ", "DejaVuSerif"), (last_first(c.person, upper=True), "DejaVuSerif-Bold")],
           11)
    p.text(x, p.h - 214, f"Verification code: {_code(c, 12)}", "DejaVuSerif", 11)
    y = p.wrap(x, p.h - 250, p.w - 2 * x,
               f"We verify that {c.person.first} {c.person.last} completed the course {c.course.title} on "
               f"{dmy(c.completed)}. The course is approved by the American Council on Exercise under course "
               f"number {course_no(c.course.number, 'space')} for {cec(c.ceus)} CEUs.", "DejaVuSerif", 12, 17)
    y = p.wrap(x, y - 10, p.w - 2 * x, f"Anyone may confirm this letter at https://{_slug(c)}.example/verify with "
               "the code above.", "DejaVuSerif", 12, 17)
    p.text(x, y - 24, "Yours faithfully,", "DejaVuSerif", 12)
    p.signature(x, y - 70, 150)
    p.text(x, y - 84, _signer(c, 5), "DejaVuSerif", 11)
    p.text(x, y - 98, "Records Officer", "DejaVuSerif-Italic", 10)
    p.hline(x, p.w - x, 76, 0.5, GREY)
    p.centre(62, f"{_address(c)}  \u00b7  {_phone(c)}  \u00b7  records@{_slug(c)}.example", "DejaVuSans", 8,
             colour=GREY)


@layout("prose", evidence="id", units="hours", courses=("event",))
def draw_event_thank_you(p, c):
    """Event thank-you letter with a bulleted credit summary: dates, attendee's contact hours, the ACE event number."""
    x = 72
    p.text(x, p.h - 72, c.course.title, "LiberationSans-Bold", 18)
    p.text(x, p.h - 90, c.course.provider, "LiberationSans", 11)
    p.text(p.w - x, p.h - 72, abbrev(c.printed), "LiberationSans", 10, align="right")
    p.hline(x, p.w - x, p.h - 100, 0.8)
    p.text(x, p.h - 140, f"Dear {c.person.first} {c.person.last},", "LiberationSerif", 12)
    y = p.wrap(x, p.h - 166, p.w - 2 * x,
               f"Thank you for joining us at {c.course.title}. We hope the sessions were useful to your practice. "
               "Your continuing education credit is summarised below.", "LiberationSerif", 12, 17)
    items = [("Attendee", f"{c.person.first} {c.person.last}"), ("ACE certification ID", c.person.certificant_id),
             ("Event dates", date_range(c.start, c.completed)),
             ("ACE event number", course_no(c.course.number, "space")),
             ("Contact hours earned", f"{hours_of(c)} (sessions attended)")]
    y -= 14
    for label, value in items:
        p.text(x + 12, y, "\u2022", "LiberationSerif", 12)
        p.runs(x + 26, y, [(f"{label}: ", "LiberationSerif"), (value, "LiberationSerif-Bold")], 12)
        y -= 20
    y = p.wrap(x, y - 10, p.w - 2 * x, "Please keep this letter with your records; ACE accepts it as proof "
               "of attendance.", "LiberationSerif", 12, 17)
    p.text(x, y - 20, "With warm regards,", "LiberationSerif", 12)
    p.signature(x, y - 66, 160)
    p.text(x, y - 80, f"{_signer(c, 1)}, Event Director", "LiberationSerif", 11)


@layout("minimal", evidence="id", units="cec")
def draw_ascii_framed_statement(p, c):
    """Monospace statement inside an ASCII frame of +, - and | with day-abbreviated-month dates and a statement date."""
    f = "DejaVuSansMono"
    x, width = 54, 64
    name = f"{c.person.last}, {c.person.first}".upper()
    rows = [("Certificant", name), ("ACE ID", c.person.certificant_id), ("Course No.", c.course.number),
            ("Course", c.course.title), ("Completed", dmy_abbrev(c.completed)), ("Credit", f"{cec(c.ceus)} CEC"),
            ("Statement date", dmy_abbrev(c.printed))]
    rule = "+" + "-" * 18 + "+" + "-" * (width - 21) + "+"
    lines = ["+" + "-" * (width - 2) + "+", "| " + "STATEMENT OF CONTINUING EDUCATION CREDIT".ljust(width - 4) + " |",
             "| " + c.course.provider.upper()[:width - 4].ljust(width - 4) + " |", rule]
    vw = width - 23
    for label, value in rows:
        while len(value) > vw and " " in value[:vw]:
            cut = value[:vw].rindex(" ")
            lines.append(f"| {label:<16} | {value[:cut]:<{vw}} |")
            label, value = "", value[cut + 1:]
        lines.append(f"| {label:<16} | {value[:vw]:<{vw}} |")
    lines.append(rule)
    y = p.h - 80
    size = _fit(p, lines[0], f, 10, p.w - 2 * x, 8)
    for line in lines:
        p.text(x, y, line, f, size)
        y -= size * 1.5
    for line in ("This statement lists one completed course.", "Report discrepancies within 30 days.", "",
                 f"Ref {c.seed % 10**7:07d}/{c.completed:%y}"):
        p.text(x, y - 10, line, f, 9)
        y -= 14


# ---------------------------------------------------------------- LMS printouts, badges and cards

@layout("lms", evidence="email", units="cec")
def draw_lms_course_page(p, c):
    """LMS page printed from a browser: header bar, breadcrumbs, 'Status: Completed', score, Enrolled/Completed timestamps."""
    from datetime import timedelta

    hh, mm = 7 + c.seed % 12, c.seed % 60
    p.text(30, p.h - 24, f"{c.printed.month}/{c.printed.day}/{c.printed:%y}, {hh % 12 or 12}:{mm:02d} "
           f"{'AM' if hh < 12 else 'PM'}", "Helvetica", 8)
    p.text(p.w / 2, p.h - 24, f"{c.course.title} | Learning Portal", "Helvetica", 8, align="centre")
    p.box(30, p.h - 78, p.w - 60, 40, 0, colour=NAVY, fill=NAVY)
    p.text(44, p.h - 63, f"{c.course.provider} Learning Portal", "Helvetica-Bold", 13, colour=white)
    p.text(p.w - 44, p.h - 63, f"Signed in: {c.person.email}", "Helvetica", 8.5, align="right", colour=white)
    p.text(44, p.h - 100, f"Home  \u203a  My Learning  \u203a  {c.course.title}  \u203a  Certificate", "DejaVuSans", 8.5,
           colour=GREY)
    p.text(44, p.h - 140, c.course.title, "Helvetica-Bold", _fit(p, c.course.title, "Helvetica-Bold", 20, p.w - 90))
    status = "\u2713 Status: Completed"
    p.box(44, p.h - 176, p.width(status, "DejaVuSans-Bold", 10) + 20, 22, 0, colour=TEAL, fill=TEAL)
    p.text(54, p.h - 169, status, "DejaVuSans-Bold", 10, colour=white)
    enrolled = c.completed - timedelta(days=4 + c.seed % 40)
    rows = [("Learner", c.person.name), ("Email", c.person.email), ("ACE course number", c.course.number),
            ("Enrolled", f"{iso(enrolled)} {(hh + 2) % 24:02d}:{(mm * 7) % 60:02d}"),
            ("Completed", f"{iso(c.completed)} {(hh + 5) % 24:02d}:{(mm * 3) % 60:02d}"),
            ("Final score", f"{80 + c.seed % 21}% (pass mark 80%)"), ("Credits", f"{cec(c.ceus)} ACE CECs")]
    y = p.h - 210
    for label, value in rows:
        p.text(44, y, label, "Helvetica", 10, colour=GREY)
        p.text(200, y, value, "Helvetica", 11)
        p.hline(44, p.w - 44, y - 7, 0.3, LIGHT)
        y -= 24
    p.box(44, y - 20, 170, 26, 0.8)
    p.text(129, y - 11, "Download certificate (PDF)", "Helvetica", 9, align="centre")
    p.text(30, 24, f"https://learn.{_slug(c)}.example/my/courses/{c.seed % 9000 + 1000}/certificate",
           "Helvetica", 8)
    p.text(p.w - 30, 24, "1/1", "Helvetica", 8, align="right")


@layout("lms", evidence="id", units="cec")
def draw_lms_dashboard_tiles(p, c):
    """LMS dashboard in landscape: a nav rail, three course tiles, only one completed with its ACE number, date and CECs."""
    from datetime import timedelta

    p.landscape()
    p.box(0, 0, 150, p.h, 0, colour=PALE, fill=PALE)
    p.text(20, p.h - 50, initials(c.course.provider) + " Learn", "DejaVuSans-Bold", 16)
    for i, item in enumerate(("Dashboard", "Catalogue", "My certificates", "Transcript", "Profile", "Help")):
        p.text(24, p.h - 100 - 24 * i, item, "DejaVuSans-Bold" if i == 0 else "DejaVuSans", 10)
    x = 180
    p.text(x, p.h - 56, f"Welcome back, {c.person.first}", "DejaVuSans-Bold", 20)
    p.text(x, p.h - 78, f"Learner: {c.person.name}  \u00b7  ACE ID {c.person.certificant_id}", "DejaVuSans", 10)
    rng = c.rng("tiles")
    others = rng.sample(_OTHER_COURSES, 2)
    tiles = [("done", c.course.title)] + [("open", t) for t in others]
    order = rng.sample(tiles, 3)
    tw, th, gap, top = 180, 250, 16, p.h - 110
    for i, (kind, title) in enumerate(order):
        tx = x + i * (tw + gap)
        p.box(tx, top - th, tw, th, 0.8, colour=GREY)
        p.box(tx, top - 70, tw, 70, 0, colour=WASH, fill=WASH)
        p.text(tx + 10, top - 40, initials(title), "DejaVuSans-Bold", 22, colour=GREY)
        ty = top - 92
        for line in _two_lines(title, 22):
            p.text(tx + 10, ty, line, "DejaVuSans-Bold", _fit(p, line, "DejaVuSans-Bold", 10.5, tw - 20, 8))
            ty -= 14
        if kind == "done":
            p.text(tx + 10, ty - 10, "\u2713 Completed", "DejaVuSans-Bold", 10, colour=TEAL)
            p.text(tx + 10, ty - 30, f"Completed on {abbrev(c.completed)}", "DejaVuSans", 9)
            p.text(tx + 10, ty - 46, f"ACE course {course_no(c.course.number, 'space')}", "DejaVuSans", 9)
            p.text(tx + 10, ty - 62, f"{cec(c.ceus)} CECs earned", "DejaVuSans", 9)
            p.box(tx + 10, top - th + 12, tw - 20, 22, 0, colour=NAVY, fill=NAVY)
            p.text(tx + tw / 2, top - th + 19, "View certificate", "DejaVuSans-Bold", 9, align="centre", colour=white)
        else:
            pct = rng.choice([15, 30, 45, 60, 75])
            started = c.completed - timedelta(days=rng.randint(5, 60))
            p.text(tx + 10, ty - 10, f"In progress \u00b7 {pct}%", "DejaVuSans", 10)
            p.box(tx + 10, ty - 26, tw - 20, 6, 0.5, colour=GREY)
            p.box(tx + 10, ty - 26, (tw - 20) * pct / 100, 6, 0, colour=GREY, fill=GREY)
            p.text(tx + 10, ty - 46, f"Started {abbrev(started)}", "DejaVuSans", 9)
            p.text(tx + 10, ty - 62, "Not ACE-approved", "DejaVuSans", 9, colour=GREY)
            p.box(tx + 10, top - th + 12, tw - 20, 22, 0.8)
            p.text(tx + tw / 2, top - th + 19, "Resume", "DejaVuSans-Bold", 9, align="centre")
    p.text(x, 60, f"Page printed {us(c.printed)}  \u00b7  https://learn.{_slug(c)}.example/dashboard", "DejaVuSans", 8,
           colour=GREY)


@layout("badge", evidence="name", units="hours")
def draw_digital_badge(p, c):
    """Digital badge printout: a hexagon badge, 'Earned by', skill tags, 'Completed' beside 'Badge issued', credential URL."""
    p.centre(p.h - 60, f"{c.course.provider} \u00b7 Digital Credentials", "LiberationSans", 10, colour=GREY)
    cx, cy = p.w / 2, p.h - 170
    _hexagon(p, cx, cy, 90, fill=TEAL)
    _hexagon(p, cx, cy, 80, stroke=white, width=1.5)
    lines = _two_lines(c.course.title.upper(), 16)
    for i, line in enumerate(lines):
        p.centre(cy + 10 - 16 * i + (len(lines) - 1) * 8, line, "LiberationSansNarrow-Bold",
                 _fit(p, line, "LiberationSansNarrow-Bold", 13, 130, 8), colour=white)
    p.centre(cy - 40, "CE BADGE", "LiberationSans-Bold", 8, colour=white)
    p.centre(p.h - 300, c.course.title, "LiberationSans-Bold", _fit(p, c.course.title, "LiberationSans-Bold", 18, p.w - 120))
    p.centre(p.h - 326, "Earned by", "LiberationSans", 11, colour=GREY)
    p.centre(p.h - 352, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 24, 480))
    tags = ("Assessment", "Program design", "Client safety")
    tw = sum(p.width(t, "LiberationSans", 9) + 24 for t in tags)
    tx = p.w / 2 - tw / 2
    for t in tags:
        w = p.width(t, "LiberationSans", 9) + 16
        p.box(tx, p.h - 392, w, 18, 0.6, colour=GREY)
        p.text(tx + 8, p.h - 386, t, "LiberationSans", 9)
        tx += w + 8
    rows = [("Completed", written(c.completed)), ("Badge issued", written(c.issued)),
            ("Contact hours", str(hours_of(c))), ("ACE course number", c.course.number),
            ("Credential ID", f"{c.seed % 10**12:012d}")]
    y = p.h - 440
    for label, value in rows:
        p.text(p.w / 2 - 10, y, label, "LiberationSans", 11, align="right", colour=GREY)
        p.text(p.w / 2 + 10, y, value, "LiberationSans-Bold", 11)
        y -= 22
    p.centre(y - 20, f"Verify: https://badges.{_slug(c)}.example/{_code(c, 8).replace('-', '').lower()}",
             "LiberationSans", 9)
    p.centre(60, "This badge does not expire. Printed from the credential wallet.", "LiberationSans", 8, colour=GREY)


@layout("card", evidence="id", units="cec")
def draw_photo_id_card(p, c):
    """One large course card with a photo box, QR square, name and ACE ID on the left, 'Completed' and 'Valid to' on the right."""
    p.text(72, p.h - 70, "Your course card", "LiberationSans-Bold", 16)
    p.wrap(72, p.h - 92, p.w - 144, "Print this page at 100% and fold along the dotted line. Show the card to "
           "your employer as proof of completion.", "LiberationSans", 10)
    x, y, w, h = 72, p.h - 400, p.w - 144, 260
    p.box(x, y, w, h, 1.2)
    p.box(x, y + h - 40, w, 40, 0, colour=NAVY, fill=NAVY)
    p.text(x + 14, y + h - 26, c.course.provider.upper(), "LiberationSans-Bold", 13, colour=white)
    p.text(x + w - 14, y + h - 26, "CE COURSE CARD", "LiberationSans", 10, align="right", colour=white)
    p.box(x + 14, y + h - 160, 90, 108, 0.8, colour=GREY, fill=WASH)
    p.c.setFillColor(LIGHT)
    p.c.circle(x + 59, y + h - 88, 20, stroke=0, fill=1)
    p.c.wedge(x + 24, y + h - 190, x + 94, y + h - 120, 0, 180, stroke=0, fill=1)
    p.c.setFillColor(black)
    p.box(x + 14, y + h - 160, 90, 108, 0.8, colour=GREY)
    tx = x + 120
    p.text(tx, y + h - 66, "Name", "LiberationSans", 8, colour=GREY)
    p.text(tx, y + h - 84, c.person.name, "LiberationSans-Bold", _fit(p, c.person.name, "LiberationSans-Bold", 16, 200))
    p.text(tx, y + h - 104, "ACE ID", "LiberationSans", 8, colour=GREY)
    p.text(tx, y + h - 120, c.person.certificant_id, "LiberationSans-Bold", 13)
    p.text(tx, y + h - 140, "Course", "LiberationSans", 8, colour=GREY)
    p.text(tx, y + h - 156, c.course.title, "LiberationSans", _fit(p, c.course.title, "LiberationSans", 11, w - 134, 8))
    rx = x + w - 150
    for i, (label, value) in enumerate((("ACE Course", course_no(c.course.number, "hyphen")),
                                        ("Completed", us(c.completed)))):
        p.text(rx, y + h - 66 - 40 * i, label, "LiberationSans", 8, colour=GREY)
        p.text(rx, y + h - 82 - 40 * i, value, "LiberationSans-Bold", 12)
    bottom = [("CECs", cec(c.ceus)), ("Valid to", us(c.expires)), ("Card no.", f"{c.seed % 10**8:08d}")]
    for i, (label, value) in enumerate(bottom):
        p.text(x + 14 + 120 * i, y + 44, label, "LiberationSans", 8, colour=GREY)
        p.text(x + 14 + 120 * i, y + 28, value, "LiberationSans-Bold", 11)
    _qr(p, x + w - 84, y + 14, 70, c)
    p.c.setDash(3, 3)
    p.hline(50, p.w - 50, y - 30, 0.6, GREY)
    p.c.setDash()
    p.text(72, y - 60, f"Questions: {_phone(c)} \u00b7 cards@{_slug(c)}.example", "LiberationSans", 9, colour=GREY)


@layout("lms", evidence="email", units="hours")
def draw_phone_screenshot(p, c):
    """A phone screenshot of an app's certificate screen printed on a page: status bar, app bar, a card of stacked fields."""
    p.text(40, p.h - 40, f"Screenshot {iso(c.printed)} at {9 + c.seed % 9}.{c.seed % 60:02d}.{c.seed % 53:02d}",
           "Helvetica", 8, colour=GREY)
    pw, ph = 300, 640
    x, y = (p.w - pw) / 2, (p.h - ph) / 2 - 10
    p.c.setLineWidth(3)
    p.c.roundRect(x - 8, y - 8, pw + 16, ph + 16, 28, stroke=1, fill=0)
    p.text(x + 20, y + ph - 20, f"{9 + c.seed % 3}:{c.seed % 60:02d}", "Helvetica-Bold", 10)
    p.box(x + pw - 42, y + ph - 22, 22, 10, 0.8)
    p.box(x + pw - 40, y + ph - 20, 14, 6, 0, fill=black)
    p.box(x, y + ph - 80, pw, 50, 0, colour=TEAL, fill=TEAL)
    p.text(x + 16, y + ph - 60, "\u2039", "DejaVuSans-Bold", 18, colour=white)
    p.text(x + pw / 2, y + ph - 60, "My Certificates", "Helvetica-Bold", 14, align="centre", colour=white)
    cx, cw = x + 16, pw - 32
    top = y + ph - 100
    p.box(cx, top - 400, cw, 400, 0.6, colour=GREY)
    p.text(cx + 14, top - 26, "\u2605 Certificate earned", "DejaVuSans-Bold", 12)
    p.text(cx + 14, top - 42, c.course.provider, "Helvetica", 9, colour=GREY)
    fields = [("Name", c.person.name), ("Email", c.person.email), ("Course", c.course.title),
              ("ACE course", course_no(c.course.number, "space")), ("Completed", abbrev(c.completed)),
              ("Contact hours", str(hours_of(c)))]
    yy = top - 74
    for label, value in fields:
        p.text(cx + 14, yy, label, "Helvetica", 8, colour=GREY)
        p.text(cx + 14, yy - 15, value, "Helvetica-Bold", _fit(p, value, "Helvetica-Bold", 11, cw - 28, 8))
        yy -= 44
    for i, label in enumerate(("Share", "Download PDF")):
        bx = cx + 14 + i * (cw - 28) / 2
        p.box(bx, top - 390, (cw - 28) / 2 - 6, 26, 0.8, colour=TEAL)
        p.text(bx + ((cw - 28) / 2 - 6) / 2, top - 381, label, "Helvetica-Bold", 9, align="centre")
    p.box(x + pw / 2 - 50, y + 8, 100, 4, 0, fill=black)
