"""Fresh layouts: a second set of providers' layouts to tune on, drawn apart from the first.

The tuned layouts were the ones the reader was built with; after many rounds of tuning their
misses say little about layouts nobody has seen. These layouts are new (none repeats a tuned
layout's arrangement), and their misses may be looked at like the tuned set's. Each function
draws one provider's certificate for a Cert on a Pen, as in tuned.py.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import Color, black, white

from .fmt import (abbrev, cec, course_no, date_range, dmy, dmy_abbrev, hours_of, iso, last_first, ordinal, us,
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


# ---------------------------------------------------------------- a second batch: bilingual pages, stamps, banners, mail

_ES_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
              "noviembre", "diciembre")
_FR_MONTHS = ("janvier", "f\u00e9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\u00fbt", "septembre",
              "octobre", "novembre", "d\u00e9cembre")


def _es_date(d) -> str:
    """`14 de junio de 2025`"""
    return f"{d.day} de {_ES_MONTHS[d.month - 1]} de {d.year}"


def _fr_date(d) -> str:
    """`14 juin 2025`, `1er juin 2025`"""
    return f"{'1er' if d.day == 1 else d.day} {_FR_MONTHS[d.month - 1]} {d.year}"


def _dotted_ymd(d) -> str:
    """`2025.06.14` (year first, as some registrars' systems print)"""
    return f"{d:%Y.%m.%d}"


def _ord_abbrev(d) -> str:
    """`Jun. 14th, 2025` (May has no point)"""
    m = f"{d:%b}"
    return f"{m if m == 'May' else m + '.'} {ordinal(d.day)}, {d.year}"


def _ord_written(d) -> str:
    """`June 14th 2025`"""
    return f"{d:%B} {ordinal(d.day)} {d.year}"


def _short_weekday(d) -> str:
    """`Sat, Jun 14, 2025`"""
    return f"{d:%a}, {d:%b} {d.day}, {d.year}"


def _d_mon_y(d) -> str:
    """`14 Jun 2025`"""
    return f"{d.day} {d:%b} {d.year}"


def _rotated(p, x: float, y: float, s: str, face: str, size: float, angle: float = 90, colour=black,
             align: str = "left") -> None:
    """S drawn turned by ANGLE degrees about (x, y) (reading upwards at 90)."""
    cv = p.c
    cv.saveState()
    cv.translate(x, y)
    cv.rotate(angle)
    cv.setFont(font_for(face, s), size)
    cv.setFillColor(colour)
    dx = {"left": 0, "centre": -p.width(s, face, size) / 2, "right": -p.width(s, face, size)}[align]
    cv.drawString(dx, 0, s)
    cv.restoreState()


def _dashed(p, x1: float, y1: float, x2: float, y2: float, colour=GREY, width: float = 0.8,
            dash: tuple = (4, 3)) -> None:
    cv = p.c
    cv.saveState()
    cv.setStrokeColor(colour)
    cv.setLineWidth(width)
    cv.setDash(*dash)
    cv.line(x1, y1, x2, y2)
    cv.restoreState()


def _caption_value(p, x: float, y: float, caption: str, value: str, width: float, face: str = "LiberationSans",
                   bold: str = "LiberationSans-Bold", size: float = 12, colour=GREY) -> None:
    """A small caption with its value under it (the caption's baseline at Y)."""
    p.text(x, y, caption, face, 8.5, colour=colour)
    p.text(x, y - size - 4, value, bold, _fit(p, value, bold, size, width, 8))


# ---------------------------------------------------------------- bilingual

@layout("form", evidence="id", units="cec")
def draw_bilingual_label_pairs(p, c):
    """Bilingual English/Spanish form: each label in English over its Spanish, 'Date of completion / Fecha de finalización'."""
    x, vx = 60, 300
    p.box(x, p.h - 66, 6, 42, 0, colour=MAROON, fill=MAROON)
    p.text(x + 16, p.h - 42, c.course.provider, "LiberationSans-Bold", 16)
    p.text(x + 16, p.h - 60, "Continuing Education / Educaci\u00f3n Continua", "LiberationSans", 10, colour=GREY)
    p.centre(p.h - 118, "Certificate of Completion", "LiberationSerif-Bold", 26)
    p.centre(p.h - 144, "Certificado de Finalizaci\u00f3n", "LiberationSerif-Italic", 18, colour=GREY)
    rows = [("Participant", "Participante", c.person.name, None),
            ("ACE certification number", "N\u00famero de certificaci\u00f3n ACE", c.person.certificant_id, None),
            ("Course", "Curso", c.course.title, None),
            ("ACE course number", "N\u00famero de curso ACE", course_no(c.course.number, "hyphen"), None),
            ("Date of completion", "Fecha de finalizaci\u00f3n", written(c.completed), _es_date(c.completed)),
            ("Continuing education credits", "Cr\u00e9ditos de educaci\u00f3n continua", f"{cec(c.ceus)} CEC", None)]
    y = p.h - 186
    p.hline(x, p.w - x, y + 22, 1)
    for en, es, value, value_es in rows:
        p.text(x, y, en, "LiberationSans-Bold", 10)
        p.text(x, y - 13, es, "LiberationSans-Italic", 9, colour=GREY)
        p.text(vx, y - 4, value, "LiberationSerif-Bold", _fit(p, value, "LiberationSerif-Bold", 14, p.w - x - vx, 9))
        if value_es:
            p.text(vx, y - 19, value_es, "LiberationSerif-Italic", 11, colour=GREY)
        p.hline(x, p.w - x, y - 26, 0.4, GREY)
        y -= 48
    p.wrap(x, y - 6, p.w - 2 * x, "This course is approved by the American Council on Exercise (ACE) for the credit "
           "shown. / Este curso est\u00e1 aprobado por el American Council on Exercise (ACE) por los cr\u00e9ditos "
           "indicados.", "LiberationSans", 9, 13)
    p.signature(x, 150, 180)
    p.text(x, 136, _signer(c, 3), "LiberationSans", 10)
    p.text(x, 124, "Director of Education / Director de Educaci\u00f3n", "LiberationSans", 9)
    p.text(p.w - x, 150, f"Issued {written(c.issued)}", "LiberationSans", 9, align="right")
    p.text(p.w - x, 137, f"Emitido el {_es_date(c.issued)}", "LiberationSans-Italic", 9, align="right", colour=GREY)
    p.centre(60, "Keep this certificate for your records. / Conserve este certificado para sus registros.",
             "LiberationSans", 8, colour=GREY)


@layout("prose", evidence="name", units="hours")
def draw_bilingual_french_columns(p, c):
    """English and French side by side in two prose columns under the unlabelled name, 'June 14th 2025' / '14 juin 2025', hours."""
    p.border(30, double=False, width=1.2)
    p.centre(p.h - 80, c.course.provider.upper(), "DejaVuSans-Bold", 13)
    mid = p.w / 2
    p.text(mid - 16, p.h - 130, "Certificate of Completion", "DejaVuSerif-Bold", 17, align="right")
    p.text(mid + 16, p.h - 130, "Attestation de r\u00e9ussite", "DejaVuSerif-Italic", 17)
    p.c.setLineWidth(0.8)
    p.c.line(mid, p.h - 140, mid, p.h - 110)
    p.centre(p.h - 200, c.person.name, "DejaVuSerif-Bold", _fit(p, c.person.name, "DejaVuSerif-Bold", 28, p.w - 120))
    p.hline(mid - 200, mid + 200, p.h - 212, 0.6, GREY)
    h = hours_of(c)
    no = course_no(c.course.number, "space")
    left, right, width = 66, mid + 18, mid - 84
    en = (f"This certifies that the person named above completed the course {c.course.title}, approved by the "
          f"American Council on Exercise as course {no}, on {_ord_written(c.completed)}, and earned {h} contact "
          "hours of continuing education.")
    fr = (f"Nous certifions que la personne nomm\u00e9e ci-dessus a suivi le cours \u00ab{c.course.title}\u00bb, "
          f"approuv\u00e9 par l\u2019American Council on Exercise sous le num\u00e9ro {no}, le "
          f"{_fr_date(c.completed)}, et a obtenu {h} heures de formation continue.")
    top = p.h - 250
    y1 = p.wrap(left, top, width, en, "DejaVuSerif", 11.5, 17)
    y2 = p.wrap(right, top, width, fr, "DejaVuSerif-Italic", 11.5, 17)
    y = min(y1, y2) - 10
    p.text(left, y, f"Contact hours: {h}", "DejaVuSans-Bold", 11)
    p.text(right, y, f"Heures de formation : {h}", "DejaVuSans-Bold", 11)
    p.c.setLineWidth(0.5)
    p.c.line(mid, top + 14, mid, y - 6)
    p.signature(mid - 90, 150, 180)
    p.centre(136, f"{_signer(c, 1)}, Director of Education / Directeur de la formation", "DejaVuSans", 9)
    p.centre(76, f"Issued {_ord_written(c.issued)}  \u00b7  D\u00e9livr\u00e9e le {_fr_date(c.issued)}", "DejaVuSans", 9,
             colour=GREY)


# ---------------------------------------------------------------- forms

@layout("form", evidence="email", units="cec")
def draw_right_aligned_against_rule(p, c):
    """Statement of credit: caps labels set right against a vertical rule, values left of it; year-first dotted dates '2025.06.14'."""
    x = 64
    p.text(x, p.h - 80, "Statement of Credit", "LiberationSerif", 30)
    p.text(x, p.h - 102, c.course.provider, "LiberationSans-Bold", 12)
    p.text(p.w - x, p.h - 80, f"No. {c.seed % 10**6:06d}", "LiberationMono", 10, align="right")
    p.hline(x, p.w - x, p.h - 118, 2.5)
    gutter = 220
    rows = [("LEARNER", c.person.name), ("E-MAIL ON FILE", c.person.email), ("COURSE", c.course.title),
            ("ACE COURSE NO.", course_no(c.course.number, "space")), ("COMPLETED ON", _dotted_ymd(c.completed)),
            ("CREDIT EARNED", f"{cec(c.ceus, 'two')} CEUs"), ("STATEMENT DATE", _dotted_ymd(c.printed))]
    y = p.h - 160
    for label, value in rows:
        p.text(gutter - 14, y, label, "LiberationSans-Bold", 9, align="right", colour=GREY)
        p.text(gutter + 14, y, value, "LiberationSerif",
               _fit(p, value, "LiberationSerif", 14, p.w - x - gutter - 14, 9))
        y -= 34
    p.c.setLineWidth(1)
    p.c.line(gutter, p.h - 140, gutter, y + 16)
    y = p.wrap(x, y - 20, p.w - 2 * x, "Dates on this statement are written year.month.day. The credit shown is "
               "approved by the American Council on Exercise for the course number above.", "LiberationSans", 10, 14)
    p.wrap(x, y - 6, p.w - 2 * x, "Questions about this statement? Reply to the e-mail that delivered it or call "
           f"{_phone(c)}.", "LiberationSans", 10, 14)
    p.hline(x, p.w - x, 70, 0.5, GREY)
    p.text(x, 56, f"{c.course.provider}  \u00b7  {_address(c)}", "LiberationSans", 8, colour=GREY)


def _cell(p, x: float, y: float, w: float, h: float, caption: str, value: str, size: float = 12) -> None:
    """A form box: the numbered caption in its top left corner, the value set below it."""
    p.box(x, y - h, w, h, 0.8)
    p.text(x + 5, y - 11, caption, "DejaVuSansCondensed", 8)
    if value:
        p.text(x + 8, y - h + 12, value, "DejaVuSans", _fit(p, value, "DejaVuSans", size, w - 16, 8))


@layout("form", evidence="id", units="cec")
def draw_numbered_cell_grid(p, c):
    """Government-style form: a grid of numbered boxes, each caption above its value; 'ACE-107455', '14 Jun 2025', 'CEUs 0.50'."""
    x0 = 48
    w = p.w - 2 * x0
    p.text(x0, p.h - 58, c.course.provider, "DejaVuSansCondensed-Bold", 13)
    p.text(p.w - x0, p.h - 58, f"Form CE-7 (Rev. {c.seed % 9 + 1:02d}/2024)", "DejaVuSansCondensed", 9, align="right")
    p.box(x0, p.h - 96, w, 28, 0, fill=black)
    p.text(x0 + 10, p.h - 87, "CONTINUING EDUCATION COMPLETION REPORT", "DejaVuSansCondensed-Bold", 14, colour=white)
    p.text(x0, p.h - 112, "Type or print in ink. Boxes are numbered; see the notes at the foot of the page.",
           "DejaVuSansCondensed", 8.5)
    cw, rh = w / 3, 48
    rows = [[(2, "1  Participant name (first, last)", c.person.name),
             (1, "2  ACE certificant number", f"ACE-{c.person.certificant_id}")],
            [(3, "3  Course title", c.course.title)],
            [(1, "4  ACE course number", c.course.number), (1, "5  Date course completed", _d_mon_y(c.completed)),
             (1, "6  CEUs awarded", cec(c.ceus, "two"))],
            [(1, "7  Delivery method", "Online, self-paced"), (1, "8  Date of this report", _d_mon_y(c.printed)),
             (1, "9  Provider course code", _internal(c))],
            [(2, "10  Signature of provider representative", ""), (1, "11  Title", "Registrar")]]
    y = p.h - 124
    for row in rows:
        cx = x0
        for span, caption, value in row:
            _cell(p, cx, y, span * cw, rh, caption, value)
            cx += span * cw
        y -= rh
    p.signature(x0 + 20, y + 10, 200)
    p.text(x0, y - 24, "NOTES", "DejaVuSansCondensed-Bold", 9)
    notes = ("Box 5 is the day the participant completed the course. Box 8 is the day this report was prepared.",
             "Box 6 is the credit the American Council on Exercise approved for the course in box 4.",
             "Keep a copy of this report with your certification records for four years.")
    yy = y - 38
    for n in notes:
        yy = p.wrap(x0, yy, w, n, "DejaVuSansCondensed", 9, 12)
    p.text(x0, 48, f"{c.course.provider}  \u00b7  {_phone(c)}", "DejaVuSansCondensed", 8, colour=GREY)


# ---------------------------------------------------------------- awards

@layout("award", evidence="name", units="cec")
def draw_instructor_and_participant(p, c):
    """Landscape award naming two people in side-by-side panels, 'PARTICIPANT' and 'INSTRUCTOR'; 'Date of course: Sat, Jun 14, 2025'."""
    p.landscape()
    p.box(24, 24, p.w - 48, p.h - 48, 1.4, colour=NAVY)
    p.centre(p.h - 74, c.course.provider.upper(), "LiberationSans-Bold", 12)
    p.centre(p.h - 116, "Certificate of Participation", "LiberationSerif-Bold", 32)
    pw, top, ph = 300, p.h - 146, 112
    lx, rx = p.w / 2 - pw - 16, p.w / 2 + 16
    p.box(lx, top - ph, pw, ph, 0, fill=WASH)
    p.text(lx + 16, top - 22, "PARTICIPANT", "LiberationSans-Bold", 10)
    p.text(lx + 16, top - 62, c.person.name, "LiberationSerif-Bold",
           _fit(p, c.person.name, "LiberationSerif-Bold", 26, pw - 32))
    p.text(lx + 16, top - 90, "completed the course and earned the credit below", "LiberationSans", 9)
    instructor = _signer(c, 2)
    p.box(rx, top - ph, pw, ph, 0.8, colour=GREY)
    p.text(rx + 16, top - 22, "INSTRUCTOR", "LiberationSans-Bold", 10, colour=GREY)
    p.text(rx + 16, top - 60, instructor, "LiberationSerif-Italic", 20)
    p.text(rx + 16, top - 82, f"Master Trainer, {c.course.provider}", "LiberationSans", 9)
    p.text(rx + 16, top - 96, "taught the course and verified the participant's practical work", "LiberationSans", 9)
    y = top - ph - 40
    line = f"Course: {c.course.title}"
    p.centre(y, line, "LiberationSerif", _fit(p, line, "LiberationSerif", 17, p.w - 120))
    p.centre(y - 28, f"ACE course number {c.course.number}   \u00b7   {cec(c.ceus)} CECs", "LiberationSans", 12)
    p.centre(y - 52, f"Date of course: {_short_weekday(c.completed)}", "LiberationSans-Bold", 13)
    for x, who, role in ((90, instructor, "Instructor"), (p.w - 290, _signer(c, 4), "Program Director")):
        p.signature(x, 92, 200)
        p.text(x, 78, f"{who}, {role}", "LiberationSans", 9)


@layout("award", evidence="id", units="cec")
def draw_script_name_footer_number(p, c):
    """Portrait award: the name in a large italic script, 'ID# 107455', '.5 CEC'; the course number only in a small-print footer."""
    p.box(36, 36, p.w - 72, p.h - 72, 0.6, colour=GREY)
    p.box(44, 44, p.w - 88, p.h - 88, 2.2)
    p.centre(p.h - 100, c.course.provider, "LiberationSerif", 14)
    p.centre(p.h - 160, "Certificate", "LiberationSerif-BoldItalic", 46)
    p.centre(p.h - 188, "of completion", "LiberationSerif-Italic", 18)
    p.centre(p.h - 246, "is presented to", "LiberationSerif", 13)
    p.centre(p.h - 296, c.person.name, "DejaVuSerif-Italic", _fit(p, c.person.name, "DejaVuSerif-Italic", 38, p.w - 150))
    p.hline(p.w / 2 - 200, p.w / 2 + 200, p.h - 310, 0.7, GREY)
    p.centre(p.h - 328, f"ID# {c.person.certificant_id}", "LiberationSans", 10)
    p.centre(p.h - 372, "for completing the home-study course", "LiberationSerif-Italic", 13)
    p.centre(p.h - 402, c.course.title, "LiberationSerif-Bold", _fit(p, c.course.title, "LiberationSerif-Bold", 21, p.w - 150))
    p.centre(p.h - 434, f"on {_ord_abbrev(c.completed)}", "LiberationSerif", 14)
    p.centre(p.h - 460, f"awarded {cec(c.ceus, 'bare')} CEC", "LiberationSerif", 14)
    p.seal(p.w / 2, 190, 40, ("HOME", "STUDY"))
    p.signature(90, 150, 150)
    p.text(90, 136, _signer(c, 1), "LiberationSerif-Italic", 10)
    p.signature(p.w - 240, 150, 150)
    p.text(p.w - 240, 136, _signer(c, 4), "LiberationSerif-Italic", 10)
    p.hline(56, p.w - 56, 84, 0.4, GREY)
    p.centre(72, f"Form CE-2 Rev. 03/2024   \u00b7   ACE approved course {c.course.number}   \u00b7   "
                 f"Cert. {c.completed:%y}{c.seed % 10**5:05d}", "LiberationSans", 8)
    p.centre(61, "This certificate is void if altered. Duplicates are $10. Keep it with your certification records.",
             "LiberationSans", 8, colour=GREY)


@layout("prose", evidence="id", units="cec")
def draw_digit_logo_notice(p, c):
    """Completion notice under a logo block full of digits ('360', 'EST. 2009'), 'ACE Cert. ID#', 'Credits (ACE): 0.5', '6/14/2025'."""
    x = 64
    mark = c.rng("logo").choice(["360", "24/7", "365", "1:1"])
    p.box(x, p.h - 132, 92, 92, 0, fill=black)
    p.text(x + 46, p.h - 94, mark, "Helvetica-Bold", 30, align="centre", colour=white)
    p.text(x + 46, p.h - 114, "FITNESS ED", "Helvetica-Bold", 9, align="centre", colour=white)
    est = 1995 + c.seed % 25
    p.text(x + 108, p.h - 66, c.course.provider, "Helvetica-Bold", 17)
    p.text(x + 108, p.h - 84, f"EST. {est}  \u00b7  {12 + c.seed % 30} studios nationwide", "Helvetica", 9, colour=GREY)
    p.text(x + 108, p.h - 98, f"Call {_phone(c)}", "Helvetica", 9, colour=GREY)
    p.text(x, p.h - 180, "Completion Notice", "Helvetica-Bold", 22)
    p.wrap(x, p.h - 204, p.w - 2 * x, "The certificant below has finished the course below and the American Council "
           "on Exercise credit listed has been earned.", "Helvetica", 11, 15)
    top, bh = p.h - 246, 150
    p.c.setFillColor(PALE)
    p.c.roundRect(x, top - bh, p.w - 2 * x, bh, 10, stroke=0, fill=1)
    p.c.setFillColor(black)
    cols = [[("Certificant", c.person.name), ("ACE Cert. ID#", c.person.certificant_id),
             ("Completed", us_short(c.completed))],
            [("ACE course no.", course_no(c.course.number, "hyphen")), ("Credits (ACE)", cec(c.ceus))]]
    colw = (p.w - 2 * x - 40) / 2
    for i, col in enumerate(cols):
        cx, y = x + 16 + i * (colw + 16), top - 26
        for label, value in col:
            p.text(cx, y, f"{label}:", "Helvetica", 9, colour=GREY)
            p.text(cx + 86, y, value, "Helvetica-Bold", _fit(p, value, "Helvetica-Bold", 11, colw - 92, 8))
            y -= 32
    p.text(x + 16, top - 122, "Course:", "Helvetica", 9, colour=GREY)
    p.text(x + 102, top - 122, c.course.title, "Helvetica-Bold",
           _fit(p, c.course.title, "Helvetica-Bold", 11, p.w - 2 * x - 120, 8))
    y = p.wrap(x, top - bh - 30, p.w - 2 * x, "Thank you for training with us. Your certificate is also kept in your "
               "account; this notice may be used as proof of completion.", "Helvetica", 11, 15)
    p.text(x, y - 20, "The Education Team", "Helvetica-Oblique", 11)
    p.text(x, 56, f"{mark} Fitness Education is a trade name of {c.course.provider}.", "Helvetica", 8, colour=GREY)


@layout("award", evidence="email", units="hours")
def draw_three_line_title_sentence(p, c):
    """Award whose centred sentence in a narrow column wraps the course title over several lines with the date in it."""
    p.box(40, 40, p.w - 80, p.h - 80, 0.8)
    for x, y in ((40, 40), (p.w - 52, 40), (40, p.h - 52), (p.w - 52, p.h - 52)):
        p.box(x, y, 12, 12, 0, fill=black)
    p.centre(p.h - 92, c.course.provider.upper(), "LiberationSans", 11)
    p.centre(p.h - 142, "CERTIFICATE", "LiberationSerif-Bold", 38)
    p.centre(p.h - 200, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 28, p.w - 140))
    p.centre(p.h - 222, c.person.email, "LiberationSans", 11)
    width = 230
    sentence = (f"has completed the self-paced course \u201c{c.course.title}\u201d on {_ord_written(c.completed)}, "
                f"earning {hours_of(c)} contact hours of continuing education.")
    y = p.wrap((p.w - width) / 2, p.h - 272, width, sentence, "LiberationSerif", 22, 30, align="centre")
    p.centre(y - 12, f"ACE approved course number {course_no(c.course.number, 'space')}", "LiberationSans", 11)
    p.signature(p.w / 2 - 90, 110, 180)
    p.centre(96, f"{_signer(c, 5)}, Dean of Studies", "LiberationSans", 9)


# ---------------------------------------------------------------- safety

@layout("card", evidence="id", units="cec", courses=("safety",))
def draw_blended_exam_then_course(p, c):
    """Blended safety course: 'Date of exam' (online part) and 'Date of course' (skills session, the completion) in two boxes."""
    from datetime import timedelta

    exam = c.completed - timedelta(days=3 + c.seed % 18)
    x = 56
    p.text(x, p.h - 70, c.course.provider, "LiberationSans-Bold", 16)
    p.text(x, p.h - 88, "Blended Learning Course Record", "LiberationSans", 12)
    p.text(p.w - x, p.h - 70, "Part 1 online  \u00b7  Part 2 in person", "LiberationSans", 9, align="right",
           colour=GREY)
    p.hline(x, p.w - x, p.h - 100, 1.5)
    _caption_value(p, x, p.h - 130, "Participant", c.person.name, 260, size=18)
    _caption_value(p, x + 320, p.h - 130, "ACE Certification ID", c.person.certificant_id, 160, size=14)
    _caption_value(p, x, p.h - 180, "Course", c.course.title, 300, size=13)
    _caption_value(p, x + 320, p.h - 180, "ACE Course No.", course_no(c.course.number, "space"), 90, size=13)
    _caption_value(p, x + 420, p.h - 180, "CEC", cec(c.ceus), 60, size=13)
    bw, top, bh = (p.w - 2 * x - 20) / 2, p.h - 240, 124
    boxes = [("PART 1 \u2014 ONLINE WRITTEN EXAM", "Date of exam", written(exam), f"Score {82 + c.seed % 18}% (pass)"),
             ("PART 2 \u2014 SKILLS SESSION", "Date of course", written(c.completed), "Skills check: passed")]
    for i, (head, label, value, note) in enumerate(boxes):
        bx = x + i * (bw + 20)
        p.box(bx, top - bh, bw, bh, 0.8)
        p.box(bx, top - 24, bw, 24, 0, fill=LIGHT)
        p.text(bx + 10, top - 16, head, "LiberationSans-Bold", 9.5)
        p.text(bx + 10, top - 50, label, "LiberationSans", 9, colour=GREY)
        p.text(bx + 10, top - 72, value, "LiberationSans-Bold", 15)
        p.text(bx + 10, top - 100, note, "LiberationSans", 10)
    y = top - bh - 30
    p.box(x, y - 14, p.w - 2 * x, 34, 0, fill=WASH)
    p.runs(x + 12, y, [("Course completed (the date of the skills session):  ", "LiberationSans"),
                       (written(c.completed), "LiberationSans-Bold")], 12)
    p.wrap(x, y - 44, p.w - 2 * x, "The course is complete when both parts are passed; the online exam alone does "
           "not complete it. The date of course above is the completion date.", "LiberationSans", 10, 14)
    p.signature(x, 130, 170)
    p.text(x, 116, f"Instructor: {_signer(c, 2)}", "LiberationSans", 9)
    p.text(p.w - x, 116, f"Training site TS-{c.seed % 900 + 100}", "LiberationSans", 9, align="right")


@layout("card", evidence="email", units="cec", courses=("safety",))
def draw_renewal_reminder_box(p, c):
    """Safety certificate with a shaded 'RENEWAL REMINDER' box giving a due date; '14 Jun 2025' completion, the email."""
    x = 60
    cv = p.c
    cv.setFillColor(TEAL)
    cv.circle(x + 22, p.h - 80, 22, stroke=0, fill=1)
    cv.setStrokeColor(white)
    cv.setLineWidth(3.5)
    cv.line(x + 11, p.h - 80, x + 19, p.h - 89)
    cv.line(x + 19, p.h - 89, x + 34, p.h - 70)
    cv.setStrokeColor(black)
    cv.setFillColor(black)
    p.text(x + 56, p.h - 76, c.course.provider, "DejaVuSans-Bold", 14)
    p.text(x + 56, p.h - 92, "Emergency Response Training", "DejaVuSans", 10, colour=GREY)
    p.text(x, p.h - 150, "Certificate of Completion", "DejaVuSerif-Bold", 26)
    p.text(x, p.h - 184, "issued to", "DejaVuSerif-Italic", 12)
    p.text(x, p.h - 214, c.person.name, "DejaVuSans-Bold", _fit(p, c.person.name, "DejaVuSans-Bold", 22, p.w - 2 * x))
    p.text(x, p.h - 232, f"Registered e-mail: {c.person.email}", "DejaVuSans", 10)
    p.text(x, p.h - 266, "for successfully completing", "DejaVuSerif-Italic", 12)
    p.text(x, p.h - 290, c.course.title, "DejaVuSerif-Bold", _fit(p, c.course.title, "DejaVuSerif-Bold", 17, p.w - 2 * x))
    y = p.table(x, p.h - 314, [150, 150, 120], [["ACE course #", "Completed", "Credit"],
                                                [c.course.number, _d_mon_y(c.completed), f"{cec(c.ceus)} CEC"]],
                row_h=24, face="DejaVuSans", head_face="DejaVuSans-Bold", size=11, rules="rows")
    years = round((c.expires - c.completed).days / 365)
    top, bh = y - 40, 110
    p.box(x, top - bh, p.w - 2 * x, bh, 2, colour=MAROON, fill=PALE)
    p.box(x, top - bh, p.w - 2 * x, bh, 2, colour=MAROON)
    p.text(x + 16, top - 24, "RENEWAL REMINDER", "DejaVuSans-Bold", 12, colour=MAROON)
    p.text(x + 16, top - 44, f"This training is valid for {years} year{'s' if years != 1 else ''}. "
           "Book a renewal course before the due date:", "DejaVuSans", 10)
    p.runs(x + 16, top - 76, [("Renewal due by  ", "DejaVuSans"), (_d_mon_y(c.expires), "DejaVuSans-Bold")], 18)
    p.text(x + 16, top - 96, "We will e-mail you 60 days before the due date.", "DejaVuSans", 9, colour=GREY)
    p.signature(x, 110, 170)
    p.text(x, 96, f"{_signer(c, 0)}, Lead Instructor", "DejaVuSans", 9)
    p.text(p.w - x, 96, f"Certificate {c.seed % 10**7:07d}", "DejaVuSans", 9, align="right")


# ---------------------------------------------------------------- paper forms, tables and tear-offs

def _stamp(p, x: float, y: float, angle: float, colour, weight: float, outer: tuple, inner: tuple, lines,
           rule: tuple | None = None) -> None:
    """A rubber stamp centred at (x, y), turned by ANGLE: a rounded frame (x, y, w, h, radius) WEIGHT
    thick inside another, a RULE across it, and LINES of (text, face, size, dy) centred."""
    cv = p.c
    cv.saveState()
    cv.translate(x, y)
    cv.rotate(angle)
    cv.setStrokeColor(colour)
    cv.setLineWidth(weight)
    cv.roundRect(*outer, stroke=1, fill=0)
    cv.setLineWidth(0.8)
    cv.roundRect(*inner, stroke=1, fill=0)
    if rule:
        cv.line(*rule)
    cv.setFillColor(colour)
    for s, face, size, dy in lines:
        cv.setFont(font_for(face, s), size)
        cv.drawCentredString(0, dy, s)
    cv.restoreState()


def _received_stamp(p, x: float, y: float, when, who: str, colour=MAROON, angle: float = -7) -> None:
    """A rubber 'RECEIVED' date stamp centred at (x, y), turned a little, as a mailroom prints it."""
    _stamp(p, x, y, angle, colour, 2, (-78, -36, 156, 72, 6), (-73, -31, 146, 62, 4),
           (("RECEIVED", "Helvetica-Bold", 17, 11), (f"{when:%b %d %Y}".upper(), "Courier-Bold", 14, -7),
            (who, "Helvetica-Bold", 8, -24)))


@layout("form", evidence="id", units="hours")
def draw_received_stamp_form(p, c):
    """Typed paper form returned by the participant, with the provider mailroom's turned 'RECEIVED JUN 20 2025' stamp."""
    x, vx = 64, 258
    p.text(x, p.h - 70, c.course.provider.upper(), "Courier-Bold", 14)
    p.text(x, p.h - 88, "PARTICIPANT COURSE COMPLETION FORM", "Courier-Bold", 12)
    _received_stamp(p, p.w - 140, p.h - 74, c.issued, f"{initials(c.course.provider)} RECORDS MAILROOM")
    p.wrap(x, p.h - 130, p.w - 2 * x, "Complete in full and return this form to the Records Office within 30 days "
           "of the course. Print clearly.", "Courier", 9, 12)
    rows = [("Participant name", c.person.name), ("ACE certification no.", c.person.certificant_id),
            ("Course title", c.course.title), ("ACE course no.", c.course.number),
            ("Date course completed", us(c.completed)), ("Contact hours", str(hours_of(c))),
            ("Instructor", _signer(c, 3))]
    y = p.h - 186
    for label, value in rows:
        p.text(x, y, f"{label}:", "Courier", 10)
        p.text(vx + 4, y + 2, value, "Courier-Bold", _fit(p, value, "Courier-Bold", 12, p.w - x - vx - 8, 8))
        p.hline(vx, p.w - x, y - 3, 0.5)
        y -= 32
    p.text(x, y - 10, "I confirm that I attended the whole course.", "Courier", 10)
    p.signature(x, y - 60, 190)
    p.text(x, y - 74, "Participant signature", "Courier", 9)
    top = 170
    p.box(x, 60, p.w - 2 * x, top - 60, 0.8)
    p.text(x + 10, top - 16, "FOR OFFICE USE ONLY", "Courier-Bold", 9)
    p.text(x + 10, top - 36, "The RECEIVED stamp shows the day this form reached our mailroom;", "Courier", 9)
    p.text(x + 10, top - 48, "the course was completed on the date written above.", "Courier", 9)
    p.text(x + 10, top - 72, f"Entered by: ______   Batch {c.issued:%y}-{c.seed % 900 + 100}", "Courier", 9)


@layout("table", evidence="name", units="cec")
def draw_date_first_single_row(p, c):
    """Landscape record: one course row whose columns run 'Date completed | CECs | ACE course # | Course title | Format'."""
    p.landscape()
    x = 50
    p.box(0, p.h - 16, p.w, 16, 0, colour=TEAL, fill=TEAL)
    p.text(x, p.h - 62, c.course.provider, "LiberationSans-Bold", 18)
    p.text(x, p.h - 80, "Record of Course Completion", "LiberationSans", 12)
    p.text(p.w - x, p.h - 62, f"Record generated {_ord_abbrev(c.printed)}", "LiberationSans", 9, align="right",
           colour=GREY)
    p.text(x, p.h - 124, "Awarded to", "LiberationSans", 10, colour=GREY)
    p.text(x, p.h - 148, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 22, 500))
    widths = [130, 60, 100, 320, 82]
    row = [_ord_abbrev(c.completed), cec(c.ceus), course_no(c.course.number, "space"), c.course.title, "Live online"]
    size = min(10.5, _fit(p, c.course.title, "LiberationSans", 10.5, 310, 8))
    y = p.table(x, p.h - 180, widths, [["Date completed", "CECs", "ACE course #", "Course title", "Format"], row],
                row_h=26, face="LiberationSans", head_face="LiberationSans-Bold", size=size, head_fill=LIGHT)
    p.text(x, y - 22, f"Total ACE CECs on this record: {cec(c.ceus)}", "LiberationSans-Bold", 11)
    p.wrap(x, y - 44, 520, "Only courses approved by the American Council on Exercise are listed. Dates are the day "
           "the course was completed.", "LiberationSans", 9.5, 13)
    p.signature(p.w - 270, 96, 200)
    p.text(p.w - 270, 82, f"{_signer(c, 3)}, Registrar", "LiberationSans", 9)


@layout("award", evidence="email", units="cec")
def draw_tear_off_receipt(p, c):
    """Sheet in two halves: a certificate on top, a dashed cut line, a receipt below repeating the fields (and the fee)."""
    mid = p.h / 2
    p.box(36, mid + 18, p.w - 72, mid - 54, 1.5)
    p.centre(p.h - 78, c.course.provider, "DejaVuSerif-Bold", 14)
    p.centre(p.h - 118, "Certificate of Completion", "DejaVuSerif-Bold", 26)
    p.centre(p.h - 146, "awarded to", "DejaVuSerif-Italic", 12)
    p.centre(p.h - 178, c.person.name, "DejaVuSerif-Bold", _fit(p, c.person.name, "DejaVuSerif-Bold", 24, p.w - 120))
    p.centre(p.h - 196, c.person.email, "DejaVuSans", 10)
    line = f"for completing {c.course.title}"
    p.centre(p.h - 228, line, "DejaVuSerif", _fit(p, line, "DejaVuSerif", 14, p.w - 120))
    p.centre(p.h - 252, f"ACE course {course_no(c.course.number, 'hyphen')}  \u00b7  {cec(c.ceus)} CECs  \u00b7  "
                        f"completed {abbrev(c.completed)}", "DejaVuSans", 11)
    p.signature(p.w / 2 - 80, mid + 56, 160)
    p.centre(mid + 42, f"{_signer(c, 2)}, Registrar", "DejaVuSans", 9)
    _dashed(p, 20, mid, p.w - 20, mid)
    p.box(24, mid - 7, 18, 14, 0, colour=white, fill=white)
    p.text(26, mid - 4, "\u2702", "DejaVuSans", 12)
    p.centre(mid - 14, "Detach here and keep the receipt below", "DejaVuSans", 8, colour=GREY)
    x = 56
    p.text(x, mid - 48, "RECEIPT", "DejaVuSans-Bold", 14)
    p.text(x + 80, mid - 48, "keep for your records", "DejaVuSans", 10, colour=GREY)
    p.text(p.w - x, mid - 48, f"Receipt no. R-{c.seed % 10**6:06d}", "DejaVuSans", 10, align="right")
    fields = [("Participant", c.person.name), ("E-mail", c.person.email), ("Course", c.course.title),
              ("ACE course no.", c.course.number), ("Completion date", abbrev(c.completed)),
              ("CECs", cec(c.ceus)), ("Course fee paid", f"${59 + (c.seed % 9) * 10}.00"),
              ("Payment", "Card on file")]
    colw = (p.w - 2 * x) / 2
    for i, (label, value) in enumerate(fields):
        fx, fy = x + (i % 2) * colw, mid - 84 - (i // 2) * 44
        _caption_value(p, fx, fy, label, value, colw - 16, "DejaVuSans", "DejaVuSans-Bold", 11)
    p.text(x, 50, f"{c.course.provider}  \u00b7  {_phone(c)}", "DejaVuSans", 8, colour=GREY)


@layout("award", evidence="name", units="cec")
def draw_huge_name_banner(p, c):
    """Wide landscape banner: the name in huge letters across the page, the details in a small dark band at the bottom."""
    p.landscape()
    p.box(14, 14, p.w - 28, p.h - 28, 0.6, colour=GREY)
    p.text(50, p.h - 56, c.course.provider.upper(), "LiberationSans-Bold", 12)
    p.text(p.w - 50, p.h - 56, "CERTIFICATE OF COMPLETION", "LiberationSans", 12, align="right")
    p.hline(50, p.w - 50, p.h - 66, 0.6)
    p.centre(p.h - 150, "This certifies that", "LiberationSerif-Italic", 20)
    name = c.person.name
    p.centre(p.h - 262, name, "LiberationSans-Bold", _fit(p, name, "LiberationSans-Bold", 84, p.w - 100, 30))
    line = f"completed {c.course.title}"
    p.centre(p.h - 330, line, "LiberationSerif", _fit(p, line, "LiberationSerif", 22, p.w - 120))
    p.signature(p.w / 2 - 90, 134, 180)
    p.centre(120, f"{_signer(c, 1)}, Education Director", "LiberationSans", 9)
    band = 36
    p.box(0, band, p.w, 58, 0, colour=NAVY, fill=NAVY)
    cells = [("ACE COURSE", c.course.number), ("COMPLETED", f"{c.completed.day} {c.completed:%b %Y}".upper()),
             ("CREDIT", f"{cec(c.ceus)} CEC"), ("PROVIDER", c.course.provider)]
    cw = (p.w - 100) / 4
    for i, (cap, value) in enumerate(cells):
        cx = 50 + i * cw
        p.text(cx, band + 38, cap, "LiberationSans", 8, colour=white)
        p.text(cx, band + 18, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 12, cw - 12, 8),
               colour=white)


@layout("award", evidence="email", units="hours")
def draw_vertical_side_bar(p, c):
    """Portrait certificate with a coloured side bar holding the provider's name vertically; stacked captions; 'Sat, Jun 14, 2025'."""
    bar = 96
    p.box(0, 0, bar, p.h, 0, colour=TEAL, fill=TEAL)
    prov = c.course.provider.upper()
    _rotated(p, bar / 2 + 8, p.h / 2, prov, "LiberationSans-Bold", _fit(p, prov, "LiberationSans-Bold", 24, p.h - 160),
             colour=white, align="centre")
    x = bar + 50
    width = p.w - x - 50
    p.text(x, p.h - 90, "Certificate of", "LiberationSerif", 22)
    p.text(x, p.h - 124, "Continuing Education", "LiberationSerif-Bold", 30)
    p.hline(x, p.w - 50, p.h - 140, 1.5, TEAL)
    fields = [("Learner", c.person.name, 20), ("E-mail", c.person.email, 12), ("Course", c.course.title, 15),
              ("ACE course number", course_no(c.course.number, "plain"), 13),
              ("Completed", _short_weekday(c.completed), 13), ("Contact hours", str(hours_of(c)), 13)]
    y = p.h - 180
    for caption, value, size in fields:
        _caption_value(p, x, y, caption, value, width, size=size)
        y -= size + 36
    p.signature(x, 120, 180)
    p.text(x, 106, f"{_signer(c, 0)}, Program Manager", "LiberationSans", 9)
    p.text(p.w - 50, 106, f"Issued {_short_weekday(c.issued)}", "LiberationSans", 9, align="right", colour=GREY)


# ---------------------------------------------------------------- mail and events

@layout("minimal", evidence="email", units="cec")
def draw_webmail_print(p, c):
    """Webmail print of a confirmation: subject as heading, From/To/Subject/Date lines (the sending date), 'CEUs: 0.50' in the body."""
    from datetime import timedelta

    sent = c.completed + timedelta(days=1 + c.seed % 3)
    hh, mm = 8 + c.seed % 4, c.seed % 60
    x = 48
    p.text(x, p.h - 44, "Mail", "DejaVuSans-Bold", 16, colour=GREY)
    p.text(p.w - x, p.h - 42, f"{c.person.name} <{c.person.email}>", "DejaVuSans", 9, align="right")
    p.hline(x, p.w - x, p.h - 54, 0.8, GREY)
    subject = f"Your certificate for {c.course.title}"
    p.text(x, p.h - 84, subject, "DejaVuSans-Bold", _fit(p, subject, "DejaVuSans-Bold", 15, p.w - 2 * x))
    p.text(x, p.h - 100, "1 message", "DejaVuSans", 9, colour=GREY)
    p.hline(x, p.w - x, p.h - 110, 0.5, LIGHT)
    head = [("From:", f"{c.course.provider} Certificates <no-reply@{_slug(c)}.example>"), ("To:", c.person.email),
            ("Subject:", subject), ("Date:", f"{_short_weekday(sent)} at {hh}:{mm:02d} AM")]
    y = p.h - 132
    for label, value in head:
        p.text(x, y, label, "DejaVuSans-Bold", 9.5)
        p.text(x + 58, y, value, "DejaVuSans", _fit(p, value, "DejaVuSans", 9.5, p.w - 2 * x - 58, 8))
        y -= 15
    y -= 20
    p.text(x, y, f"Hi {c.person.first},", "DejaVuSans", 11)
    y = p.wrap(x, y - 24, p.w - 2 * x, f"Congratulations! Our records show that you completed the course below on "
               f"{written(c.completed)}. Your certificate is attached to this message as a PDF.", "DejaVuSans", 11, 15)
    items = [("Learner", c.person.name), ("Course", c.course.title), ("ACE course #", c.course.number),
             ("Completion date", written(c.completed)), ("CEUs", cec(c.ceus, "two"))]
    y -= 10
    for label, value in items:
        p.runs(x + 16, y, [(f"{label}: ", "DejaVuSans"), (value, "DejaVuSans-Bold")], 11)
        y -= 18
    y = p.wrap(x, y - 12, p.w - 2 * x, "You may send this e-mail or the attached certificate to the American Council "
               "on Exercise as proof of completion.", "DejaVuSans", 11, 15)
    p.text(x, y - 10, f"\u2014 The {c.course.provider} team", "DejaVuSans", 11)
    ay = y - 60
    p.box(x, ay, 210, 30, 0.6, colour=GREY)
    p.text(x + 10, ay + 11, f"certificate_{c.course.number}.pdf", "DejaVuSans", 9)
    p.text(x + 200, ay + 11, f"{60 + c.seed % 90} KB", "DejaVuSans", 8, align="right", colour=GREY)
    p.text(x, 28, f"https://mail.example.com/mail/u/0/?ik={c.seed % 16**10:010x}&view=pt", "DejaVuSans", 8,
           colour=GREY)
    p.text(p.w - x, 28, "1/1", "DejaVuSans", 8, align="right", colour=GREY)


def _barcode(p, x: float, y: float, w: float, h: float, c) -> None:
    """Seeded bars of two widths, as a ticket's scan code."""
    rng, cx = c.rng("bars"), x
    while cx < x + w - 4:
        bw = rng.choice([1, 1, 2, 3])
        p.c.rect(cx, y, bw, h, stroke=0, fill=1)
        cx += bw + rng.choice([1, 2, 2, 3])


@layout("event", evidence="id", units="cec", courses=("event",))
def draw_event_ticket_stub(p, c):
    """Event admission ticket with a perforated credit stub (attendee, ACE ID, event no., CECs earned); the event dates on it."""
    x, tw, th = 50, p.w - 100, 240
    ty = p.h - 130 - th
    p.text(x, p.h - 62, c.course.provider, "DejaVuSans-Bold", 15)
    p.text(x, p.h - 82, "Certificate of Attendance \u2014 ticket and CE credit stub", "DejaVuSans", 11)
    p.text(x, p.h - 100, "Keep the stub: it is your record of the continuing education credit you earned.",
           "DejaVuSans", 9, colour=GREY)
    stub = 160
    p.c.setLineWidth(1.5)
    p.c.roundRect(x, ty, tw, th, 10, stroke=1, fill=0)
    p.box(x + 12, ty + th - 36, tw - stub - 24, 24, 0, fill=black)
    p.text(x + 22, ty + th - 28, "ADMIT ONE  \u00b7  FULL CONFERENCE PASS", "DejaVuSans-Bold", 10, colour=white)
    mw = tw - stub - 40
    p.text(x + 20, ty + th - 72, c.course.title, "DejaVuSansCondensed-Bold",
           _fit(p, c.course.title, "DejaVuSansCondensed-Bold", 22, mw))
    p.text(x + 20, ty + th - 96, date_range(c.start, c.completed), "DejaVuSans", 14)
    p.text(x + 20, ty + th - 114, "Convention Center, Hall B  \u00b7  doors 7:30 AM", "DejaVuSans", 9, colour=GREY)
    p.text(x + 20, ty + th - 144, "Attendee", "DejaVuSans", 8.5, colour=GREY)
    p.text(x + 20, ty + th - 164, c.person.name, "DejaVuSans-Bold", _fit(p, c.person.name, "DejaVuSans-Bold", 16, mw))
    p.text(x + 20, ty + th - 180, f"ACE ID {c.person.certificant_id}", "DejaVuSans", 10)
    _barcode(p, x + 20, ty + 14, 180, 30, c)
    badge = f"{c.seed % 10**5:05d}"
    p.text(x + 210, ty + 20, f"Badge {badge}", "DejaVuSans", 8.5)
    px = x + tw - stub
    _dashed(p, px, ty + 6, px, ty + th - 6, colour=black, width=1, dash=(3, 3))
    sx = px + 14
    p.text(sx, ty + th - 26, "CE CREDIT STUB", "DejaVuSans-Bold", 10)
    for i, (cap, value, size) in enumerate((("ACE event no.", course_no(c.course.number, "hyphen"), 12),
                                            ("Attendee", c.person.name, 11), ("ACE ID", c.person.certificant_id, 11))):
        p.text(sx, ty + th - 52 - 34 * i, cap, "DejaVuSans", 8, colour=GREY)
        p.text(sx, ty + th - 66 - 34 * i, value, "DejaVuSans-Bold", _fit(p, value, "DejaVuSans-Bold", size, stub - 24, 8))
    p.text(sx, ty + 62, "CECs earned", "DejaVuSans", 8.5, colour=GREY)
    p.text(sx, ty + 30, cec(c.ceus), "DejaVuSans-Bold", 28)
    p.text(sx, ty + 14, "sessions attended", "DejaVuSans", 8, colour=GREY)
    y = p.wrap(x, ty - 36, tw, f"{c.person.name} attended {c.course.title}, held {date_range(c.start, c.completed)}, "
               f"and earned {cec(c.ceus)} ACE continuing education credits (CECs) for the sessions attended. "
               "Attendance was recorded by badge scan at each session.", "DejaVuSerif", 11, 16)
    p.signature(x, y - 56, 170)
    p.text(x, y - 70, f"{_signer(c, 4)}, Conference Registrar", "DejaVuSans", 9)
    p.text(x, 48, f"{c.course.provider}  \u00b7  {_address(c)}", "DejaVuSans", 8, colour=GREY)


@layout("event", evidence="id", units="hours", courses=("event",))
def draw_event_bilingual_date_boxes(p, c):
    """French/English event attestation, landscape: 'DÉBUT / START' and 'FIN / END' date boxes beside 'HEURES DE FC / CE HOURS'."""
    p.landscape()
    p.border(24, double=False, width=1.5)
    p.centre(p.h - 78, "ATTESTATION DE PARTICIPATION", "DejaVuSerif-Bold", 26)
    p.centre(p.h - 104, "Certificate of Attendance", "DejaVuSerif-Italic", 16)
    p.centre(p.h - 146, "D\u00e9cern\u00e9e \u00e0 / Awarded to", "DejaVuSans", 11, colour=GREY)
    p.centre(p.h - 180, c.person.name, "DejaVuSerif-Bold", _fit(p, c.person.name, "DejaVuSerif-Bold", 28, p.w - 140))
    p.centre(p.h - 200, f"N\u00b0 de certification ACE / ACE certification no. {c.person.certificant_id}", "DejaVuSans", 10)
    line = f"{c.course.title}  \u2014  {c.course.provider}"
    p.centre(p.h - 236, line, "DejaVuSerif", _fit(p, line, "DejaVuSerif", 15, p.w - 140))
    p.centre(p.h - 256, f"\u00c9v\u00e9nement ACE n\u00b0 / ACE event no. {course_no(c.course.number, 'space')}",
             "DejaVuSans", 11)
    bw, gap, top, bh = 190, 24, p.h - 286, 96
    x0 = (p.w - 3 * bw - 2 * gap) / 2
    boxes = [("D\u00c9BUT / START", written(c.start), _fr_date(c.start)),
             ("FIN / END", written(c.completed), _fr_date(c.completed)),
             ("HEURES DE FC / CE HOURS", str(hours_of(c)), "heures / hours")]
    for i, (cap, en, fr) in enumerate(boxes):
        bx = x0 + i * (bw + gap)
        p.box(bx, top - bh, bw, bh, 1)
        p.box(bx, top - 22, bw, 22, 0, fill=LIGHT)
        p.text(bx + bw / 2, top - 15, cap, "DejaVuSans-Bold", 9, align="centre")
        if i < 2:
            p.text(bx + bw / 2, top - 54, en, "DejaVuSans-Bold", _fit(p, en, "DejaVuSans-Bold", 14, bw - 16),
                   align="centre")
            p.text(bx + bw / 2, top - 76, fr, "DejaVuSans-Oblique", 11, align="centre", colour=GREY)
        else:
            p.text(bx + bw / 2, top - 64, en, "DejaVuSans-Bold", 30, align="centre")
            p.text(bx + bw / 2, top - 84, fr, "DejaVuSans", 9, align="centre", colour=GREY)
    p.text(x0, top - bh - 22, "Heures de formation continue effectivement suivies / Continuing education hours "
           "actually attended.", "DejaVuSans", 8.5, colour=GREY)
    p.signature(p.w - 300, 96, 220)
    p.text(p.w - 300, 82, _signer(c, 2), "DejaVuSans", 9)
    p.text(p.w - 300, 70, "Directrice du congr\u00e8s / Conference Director", "DejaVuSans", 8.5)
    p.text(60, 70, f"{c.course.provider}  \u00b7  {_phone(c)}", "DejaVuSans", 8.5, colour=GREY)


@layout("prose", evidence="name", units="cec")
def draw_postcard_mailer(p, c):
    """A mailed postcard scanned on a flatbed: message half with the completion, address half with the name and postage."""
    cw, ch = 540, 360
    x, y = 36, p.h - 36 - ch
    p.box(x, y, cw, ch, 0.8, colour=GREY)
    half = x + cw / 2
    p.c.setLineWidth(0.6)
    p.c.line(half, y + 30, half, y + ch - 30)
    p.text(x + 16, y + ch - 24, c.course.provider, "LiberationSans-Bold", 9)
    p.text(x + 16, y + ch - 36, _address(c), "LiberationSans", 8)
    p.text(x + 16, y + ch - 74, f"Congratulations, {c.person.first}!", "LiberationSerif-BoldItalic", 16)
    yy = p.wrap(x + 16, y + ch - 100, cw / 2 - 36,
                f"You completed {c.course.title} (ACE course {course_no(c.course.number, 'space')}) on "
                f"{weekday(c.completed)}, and {cec(c.ceus)} ACE CECs are yours. This card is your record of "
                "completion: keep it with your certificates.", "LiberationSerif", 11, 15)
    p.text(x + 16, yy - 10, f"\u2014 {_signer(c, 5)}", "LiberationSerif-Italic", 11)
    p.text(x + 16, y + 20, f"Printed {abbrev(c.printed)}", "LiberationSans", 8, colour=GREY)
    sw, sh = 96, 52
    p.box(x + cw - 16 - sw, y + ch - 16 - sh, sw, sh, 0.8)
    for i, s in enumerate(("PRSRT STD", "U.S. POSTAGE PAID", f"PERMIT NO. {1000 + c.seed % 8000}")):
        p.text(x + cw - 16 - sw / 2, y + ch - 30 - 13 * i, s, "LiberationSans-Bold", 8, align="centre")
    ax = half + 24
    p.text(ax, y + ch - 140, f"*****AUTO**5-DIGIT {80000 + c.seed % 19999}", "LiberationMono", 8)
    name = c.person.name.upper()
    p.text(ax, y + ch - 162, name, "LiberationMono-Bold", _fit(p, name, "LiberationMono-Bold", 12, cw / 2 - 40))
    streets = ("ELM ST", "MAPLE AVE", "CEDAR LN", "HILLTOP RD", "PARK PL")
    towns = ("SPRINGFIELD IL 62704", "BOULDER CO 80301", "AUSTIN TX 78704", "DAYTON OH 45402", "FRESNO CA 93721")
    p.text(ax, y + ch - 178, f"{10 + c.seed % 980} {streets[c.seed % 5]} APT {1 + c.seed % 9}", "LiberationMono", 11)
    p.text(ax, y + ch - 194, towns[(c.seed // 7) % 5], "LiberationMono", 11)
    _barcode(p, ax, y + ch - 222, 200, 12, c)


@layout("modern", evidence="id", units="hours")
def draw_calendar_tile(p, c):
    """Modern certificate whose completion date is a calendar tile (month and year strip, big day number, weekday)."""
    x = 60
    p.text(x, p.h - 70, c.course.provider, "DejaVuSans-Bold", 14)
    p.text(p.w - x, p.h - 70, "CE CERTIFICATE", "DejaVuSans", 10, align="right", colour=GREY)
    p.hline(x, p.w - x, p.h - 82, 0.8)
    p.text(x, p.h - 130, "Certificate of Completion", "DejaVuSans-Bold", 26)
    d = c.completed
    tx, top, tw, th = x, p.h - 190, 150, 160
    p.text(tx, top + 10, "COMPLETED ON", "DejaVuSans-Bold", 9, colour=GREY)
    p.box(tx, top - th, tw, th, 1.2)
    p.box(tx, top - 38, tw, 38, 0, colour=MAROON, fill=MAROON)
    p.text(tx + tw / 2, top - 25, f"{d:%B} {d.year}".upper(), "DejaVuSans-Bold", 13, align="centre", colour=white)
    p.text(tx + tw / 2, top - 112, str(d.day), "DejaVuSans-Bold", 64, align="centre")
    p.text(tx + tw / 2, top - 142, f"{d:%A}".upper(), "DejaVuSans", 11, align="centre")
    rx = tx + tw + 40
    width = p.w - x - rx
    fields = [("Participant", c.person.name, 18), ("ACE certification ID", c.person.certificant_id, 13),
              ("Course", c.course.title, 13), ("ACE course number", course_no(c.course.number, "hyphen"), 13),
              ("Contact hours", str(hours_of(c)), 13)]
    y = top + 10
    for caption, value, size in fields:
        _caption_value(p, rx, y, caption, value, width, "DejaVuSans", "DejaVuSans-Bold", size, colour=GREY)
        y -= size + 30
    p.wrap(x, min(top - th, y + 10) - 30, p.w - 2 * x, "One contact hour is 0.1 ACE CEC. This certificate was issued on "
           f"{written(c.issued)} and needs no signature.", "DejaVuSans", 10, 14)
    _qr(p, p.w - x - 70, 70, 70, c)
    p.text(x, 80, f"Verify: https://{_slug(c)}.example/verify/{_code(c)}", "DejaVuSans", 9)


# ---------------------------------------------------------------- third batch: stamps, seals, status columns, hands, cards

INK = Color(0.12, 0.16, 0.48)       # a ballpoint's blue, for values written in by hand


def _starburst(p, x: float, y: float, r: float, fill=white) -> None:
    """The seal's jagged edge filled (white by default), so that a seal drawn on it hides what lies under it."""
    _polygon(p, [(x + (r if i % 2 == 0 else r * 0.9) * math.cos(i * math.pi / 24),
                  y + (r if i % 2 == 0 else r * 0.9) * math.sin(i * math.pi / 24)) for i in range(48)], fill=fill)


def _small_caps(p, x: float, y: float, s: str, face: str, size: float, colour=black, align: str = "left") -> float:
    """S in small capitals: capital letters at SIZE, small letters as capitals at 0.78 of it; returns the end x."""
    parts: list[tuple[str, float]] = []
    for ch in s:
        sz = size * 0.78 if ch.islower() else size
        if parts and parts[-1][1] == sz:
            parts[-1] = (parts[-1][0] + ch.upper(), sz)
        else:
            parts.append((ch.upper(), sz))
    total = sum(p.width(t, face, sz) for t, sz in parts)
    if align == "centre":
        x -= total / 2
    elif align == "right":
        x -= total
    for t, sz in parts:
        x = p.text(x, y, t, face, sz, colour=colour)
    return x


def _approval_stamp(p, x: float, y: float, c, angle: float, colour=MAROON) -> None:
    """A rubber stamp centred at (x, y), turned by ANGLE: the provider's ACE approval, course number and credit."""
    _stamp(p, x, y, angle, colour, 2.2, (-92, -44, 184, 88, 8), (-86, -38, 172, 76, 5),
           (("ACE APPROVED PROVIDER", "Helvetica-Bold", 10, 21),
            (f"COURSE {course_no(c.course.number, 'plain')}", "Courier-Bold", 15, -6),
            (f"{cec(c.ceus)} CEC", "Courier-Bold", 15, -28)), rule=(-86, 14, 86, 14))


@layout("award", evidence="id", units="cec")
def draw_approval_stamp_award(p, c):
    """Generic small-studio certificate; the ACE course number and credit only in a turned rubber stamp inked over its lower right."""
    p.border(30, double=True, width=1.5)
    mark = initials(c.course.provider) or "CE"
    p.logo(p.w / 2 - 20, p.h - 108, mark, 40, "circle")
    p.centre(p.h - 128, c.course.provider, "Times-Roman", 14)
    p.centre(p.h - 190, "Certificate of Completion", "Times-BoldItalic", 36)
    p.centre(p.h - 240, "This certifies that", "Times-Italic", 15)
    p.centre(p.h - 282, c.person.name, "Times-Bold", _fit(p, c.person.name, "Times-Bold", 30, p.w - 140))
    p.hline(p.w / 2 - 180, p.w / 2 + 180, p.h - 292, 0.6)
    p.centre(p.h - 310, f"ACE ID No. {c.person.certificant_id}", "Times-Roman", 12)
    p.centre(p.h - 350, "has completed the studio's continuing education course", "Times-Italic", 15)
    title = c.course.title
    p.centre(p.h - 384, title, "Times-Bold", _fit(p, title, "Times-Bold", 22, p.w - 140))
    p.centre(p.h - 416, f"on {us(c.completed)}", "Times-Roman", 15)
    p.centre(p.h - 452, "Taught in the studio by our master trainers. Thank you for learning with us.",
             "Times-Italic", 11, colour=GREY)
    p.signature(70, 150, 190)
    p.text(70, 136, _signer(c, 1), "Times-Roman", 11)
    p.text(70, 123, "Owner and Master Trainer", "Times-Italic", 10)
    rng = c.rng("stamp")
    _approval_stamp(p, p.w - 170, 178 + rng.uniform(-10, 10), c, rng.choice([-1, 1]) * rng.uniform(5, 11))
    p.centre(56, f"{c.course.provider}  \u00b7  {_address(c)}  \u00b7  {_phone(c)}", "Times-Roman", 8.5,
             colour=GREY)


@layout("award", evidence="email", units="none")
def draw_seal_over_signature(p, c):
    """Landscape award stating no credit: a starburst seal overlaps the signature rule, the completion date written under the seal."""
    p.landscape()
    p.corners(30, 80, 3)
    p.box(44, 44, p.w - 88, p.h - 88, 0.6, colour=GREY)
    p.text(p.w - 70, p.h - 70, f"No. {c.issued.year}/{c.seed % 10**5:05d}", "DejaVuSansMono", 8, align="right",
           colour=GREY)
    p.centre(p.h - 90, c.course.provider, "DejaVuSerif", 14)
    p.centre(p.h - 140, "Certificate of Completion", "DejaVuSerif-Bold", 36)
    p.centre(p.h - 180, "is hereby granted to", "DejaVuSerif-Italic", 13)
    p.centre(p.h - 220, c.person.name, "DejaVuSerif-Bold", _fit(p, c.person.name, "DejaVuSerif-Bold", 30, p.w - 180))
    p.centre(p.h - 242, c.person.email, "DejaVuSans", 11, colour=GREY)
    p.centre(p.h - 280, "for completing the continuing education course", "DejaVuSerif-Italic", 13)
    p.centre(p.h - 310, c.course.title, "DejaVuSerif-Bold", _fit(p, c.course.title, "DejaVuSerif-Bold", 21, p.w - 180))
    p.centre(p.h - 336, f"approved by the American Council on Exercise as course {course_no(c.course.number, 'hyphen')}",
             "DejaVuSans", 11)
    y, sx = 164, p.w - 260
    p.signature(130, y, 250)
    p.hline(130, p.w - 130, y, 0.7)
    p.text(130, y - 16, _signer(c, 3), "DejaVuSans", 10)
    p.text(130, y - 29, "Chief Academic Officer", "DejaVuSans", 9, colour=GREY)
    _starburst(p, sx, y + 6, 52)
    p.seal(sx, y + 6, 52, ("APPROVED", "CE PROVIDER"))
    p.text(sx, y - 66, "Completed", "DejaVuSans", 9, align="centre", colour=GREY)
    p.text(sx, y - 84, written(c.completed), "DejaVuSerif-Bold", 14, align="centre")


@layout("lms", evidence="id+email", units="cec")
def draw_status_column_transcript(p, c):
    """E-learning transcript export with a Status column (Completed / In progress / Not started): one row complete, all with ACE numbers."""
    from datetime import timedelta

    rng = c.rng("status")
    x = 40
    hh, mm = 8 + c.seed % 10, c.seed % 60
    p.text(x, p.h - 30, f"{c.course.provider} eLearning \u00b7 Transcript export", "Helvetica", 8, colour=GREY)
    p.text(p.w - x, p.h - 30, f"Exported {iso(c.printed)} {hh:02d}:{mm:02d}", "Helvetica", 8, align="right",
           colour=GREY)
    p.text(x, p.h - 72, "My Transcript", "Helvetica-Bold", 22)
    p.text(p.w - x, p.h - 72, "All enrolments", "Helvetica", 10, align="right")
    p.hline(x, p.w - x, p.h - 84, 1.2)
    info = [("Learner", c.person.name), ("ACE certification #", c.person.certificant_id), ("Email", c.person.email),
            ("Enrolments", "4")]
    for i, (label, value) in enumerate(info):
        lx, ly = x + (i % 2) * 270, p.h - 110 - (i // 2) * 18
        p.text(lx, ly, f"{label}:", "Helvetica-Bold", 9.5)
        p.text(lx + 104, ly, value, "Helvetica", 9.5)
    prefix = c.course.number[:3] if c.course.number.startswith("CEP") else c.course.number[:2]
    digits = len(c.course.number) - len(prefix)

    def other_number():
        while True:
            n = prefix + "".join(rng.choice("0123456789") for _ in range(digits))
            if n != c.course.number and n[len(prefix)] != "0":
                return n

    others = rng.sample(_OTHER_COURSES, 3)
    started = c.completed - timedelta(days=3 + rng.randint(0, 40))
    rows = [(c.course.title, c.course.number, "Completed", 100, us_short(started), us_short(c.completed),
             cec(c.ceus))]
    for title, status in zip(others, ("In progress", "In progress", "Not started")):
        pct = rng.choice([10, 25, 40, 55, 70, 85]) if status == "In progress" else 0
        begun = us_short(c.printed - timedelta(days=rng.randint(2, 60))) if pct else "\u2014"
        rows.append((title, other_number(), status, pct, begun, "\u2014", "\u2014"))
    rng.shuffle(rows)
    head = ["Course", "ACE course #", "Status", "Progress", "Started", "Completed", "CECs"]
    widths = [166, 72, 66, 64, 56, 60, 48]
    size = min(8.5, min(_fit(p, r[0], "Helvetica", 8.5, widths[0] - 10, 7) for r in rows))
    top, rh = p.h - 160, 26
    for i, r in enumerate(rows):
        if r[2] == "Completed":
            p.box(x, top - rh * (i + 2), sum(widths), rh, 0, colour=PALE, fill=PALE)
    cells = [head] + [[r[0], course_no(r[1], "hyphen"), r[2], f"{r[3]}%", r[4], r[5], r[6]] for r in rows]
    y = p.table(x, top, widths, cells, row_h=rh, face="Helvetica", head_face="Helvetica-Bold", size=size,
                rules="rows")
    px = x + sum(widths[:3])
    for i, r in enumerate(rows):
        by = top - rh * (i + 2) + 8
        p.box(px + 30, by, 28, 5, 0.4, colour=GREY)
        if r[3]:
            p.box(px + 30, by, 28 * r[3] / 100, 5, 0, colour=GREY, fill=GREY)
    p.text(x, y - 22, "1 completed  \u00b7  2 in progress  \u00b7  1 not started", "Helvetica", 9.5)
    p.text(p.w - x, y - 22, f"CECs earned: {cec(c.ceus)}", "Helvetica-Bold", 10, align="right")
    p.wrap(x, y - 50, p.w - 2 * x, "CECs are earned when a course's status is Completed. Courses in progress or not "
           "started carry no credit until they are completed.", "Helvetica", 8.5, 12)
    p.text(x, 30, f"https://learn.{_slug(c)}.example/transcript?format=pdf", "Helvetica", 8, colour=GREY)
    p.text(p.w - x, 30, "Page 1 of 1", "Helvetica", 8, align="right", colour=GREY)


@layout("form", evidence="id", units="cec")
def draw_handwritten_fill_in(p, c):
    """Printed in-service slip filled in by hand: values in a slanted blue 'pen' face over rules, captions under them, '6/14/25'."""
    rng = c.rng("hand")
    hand = "LiberationSerif-Italic"
    x = 60
    p.logo(x, p.h - 98, initials(c.course.provider), 40, "triangle")
    p.text(x + 52, p.h - 72, c.course.provider, "Helvetica-Bold", 15)
    p.text(x + 52, p.h - 88, "In-Service Training \u2014 Completion Slip", "Helvetica", 11)
    p.text(p.w - x, p.h - 72, f"Form IS-{3 + c.seed % 6}", "Helvetica", 8, align="right", colour=GREY)
    p.box(x, p.h - 170, p.w - 2 * x, 52, 0.8)
    p.text(x + 10, p.h - 138, "Course:", "Helvetica", 10)
    p.text(x + 100, p.h - 138, c.course.title, "Helvetica-Bold", _fit(p, c.course.title, "Helvetica-Bold", 11, 380, 8))
    p.text(x + 10, p.h - 158, "ACE course no.:", "Helvetica", 10)
    p.text(x + 100, p.h - 158, course_no(c.course.number, "space"), "Helvetica-Bold", 11)
    p.text(x, p.h - 194, "Participant: fill in every line in ink and hand this slip to the instructor.", "Helvetica", 9)

    def line(lx, ly, w, caption, value=None, size=16):
        p.hline(lx, lx + w, ly, 0.6)
        p.text(lx, ly - 11, caption, "Helvetica", 7.5, colour=GREY)
        if value:
            p.text(lx + rng.uniform(4, 24), ly + rng.uniform(2, 6), value, hand, size, colour=INK)

    full = p.w - 2 * x
    d = c.completed
    line(x, p.h - 240, full, "Participant name (please print)", c.person.name, 18)
    line(x, p.h - 290, full / 2 - 12, "ACE certification number", c.person.certificant_id)
    line(x + full / 2 + 12, p.h - 290, full / 2 - 12, "Date of training (mm/dd/yy)", f"{d.month}/{d.day}/{d:%y}")
    line(x, p.h - 340, full / 3 - 12, "CECs earned", cec(c.ceus))
    line(x + full / 3 + 12, p.h - 340, 2 * full / 3 - 12, "Participant signature")
    p.c.setStrokeColor(INK)
    p.signature(x + full / 3 + 30, p.h - 338, 150)
    p.c.setStrokeColor(black)
    p.hline(x + full / 3 + 12, p.w - x, p.h - 340, 0.6)
    y = p.h - 380
    p.text(x, y, "Delivery:", "Helvetica", 9)
    for i, (label, ticked) in enumerate((("Live, in person", True), ("Live, online", False), ("Recorded", False))):
        bx = x + 60 + i * 120
        _tick(p, bx, y - 2, 9, ticked)
        p.text(bx + 14, y, label, "Helvetica", 9)
    y -= 34
    p.box(x, y - 4, full, 18, 0, fill=LIGHT)
    p.text(x + 6, y + 1, "FOR THE INSTRUCTOR", "Helvetica-Bold", 9)
    line(x, y - 50, full / 2 - 12, "Instructor name (please print)", _signer(c, 4), 15)
    line(x + full / 2 + 12, y - 50, full / 2 - 12, "Instructor signature")
    p.c.setStrokeColor(INK)
    p.signature(x + full / 2 + 30, y - 48, 140)
    p.c.setStrokeColor(black)
    p.hline(x + full / 2 + 12, p.w - x, y - 50, 0.6)
    i = c.issued
    line(x, y - 100, full / 3 - 12, "Date signed (mm/dd/yy)", f"{i.month}/{i.day}/{i:%y}")
    p.wrap(x, y - 150, full, "The date of training is the day the participant completed the course. Return the "
           "signed slip to the education office; a copy is kept for four years.", "Helvetica", 9, 12)
    p.text(x, 50, f"{c.course.provider}  \u00b7  {_address(c)}", "Helvetica", 8, colour=GREY)


@layout("event", evidence="email", units="hours", courses=("event",))
def draw_event_session_box(p, c):
    """Event attendance certificate with a bordered box of the attendee's own sessions (day, time, speaker, hours) and their total."""
    from datetime import timedelta

    rng = c.rng("sessions")
    title = c.course.title.upper()
    p.centre(p.h - 70, title, "DejaVuSansCondensed-Bold", _fit(p, title, "DejaVuSansCondensed-Bold", 24, p.w - 100))
    p.centre(p.h - 92, f"{date_range(c.start, c.completed)}  \u00b7  {c.course.provider}", "DejaVuSans", 11)
    p.hline(60, p.w - 60, p.h - 106, 1.5, TEAL)
    p.centre(p.h - 146, "CERTIFICATE OF ATTENDANCE", "DejaVuSerif-Bold", 20)
    p.centre(p.h - 172, "presented to", "DejaVuSerif-Italic", 12)
    p.centre(p.h - 204, c.person.name, "DejaVuSerif-Bold", _fit(p, c.person.name, "DejaVuSerif-Bold", 26, p.w - 120))
    p.centre(p.h - 224, c.person.email, "DejaVuSans", 10, colour=GREY)
    total = hours_of(c)
    lengths = [2] * (total // 2) + [1] * (total % 2)
    rng.shuffle(lengths)
    days = max(1, (c.completed - c.start).days + 1)
    per_day = math.ceil(len(lengths) / days)
    names = ("Strength programming lab", "Nutrition panel", "Mobility workshop", "Coaching clinic",
             "Research update", "Hands-on practical", "Case review", "Recovery science", "Group training masterclass",
             "Youth athlete forum", "Breathwork session")
    picked = rng.sample(names, min(len(names), len(lengths)))
    x, w = 70, p.w - 140
    top = p.h - 252
    rh = 18
    bh = 30 + rh * len(lengths) + 34
    p.box(x, top - bh, w, bh, 1.4)
    p.box(x + 3, top - bh + 3, w - 6, bh - 6, 0.4)
    p.box(x + 3, top - 27, w - 6, 24, 0, fill=LIGHT)
    p.text(x + 14, top - 19, "SESSIONS ATTENDED", "DejaVuSans-Bold", 9.5)
    p.text(x + w - 14, top - 19, "HOURS", "DejaVuSans-Bold", 9.5, align="right")
    y = top - 27 - rh + 4
    def clock_time(hour):
        return f"{(hour - 1) % 12 + 1} {'am' if hour < 12 else 'pm'}"

    def slot(a, b):
        return (f"{clock_time(a).split()[0]}\u2013{clock_time(b)}" if (a < 12) == (b < 12)
                else f"{clock_time(a)}\u2013{clock_time(b)}")

    long_day = per_day * 2 > 9          # a long programme starts early and breaks for no lunch
    clock = {}
    for i, h in enumerate(lengths):
        day = min(days - 1, i // per_day)
        d = c.start + timedelta(days=day)
        start_h = clock.get(day, 7 if long_day else 8 + (1 if day else 0))
        clock[day] = start_h + h + (1 if start_h + h == 12 and not long_day else 0)
        name = picked[i % len(picked)]
        p.text(x + 14, y, f"{d:%a} {d:%b} {d.day}", "DejaVuSans", 9)
        p.text(x + 84, y, slot(start_h, start_h + h), "DejaVuSans", 9)
        p.text(x + 170, y, f"{name} \u2014 {_SIGNERS[(c.seed + i) % len(_SIGNERS)]}", "DejaVuSans",
               _fit(p, f"{name} \u2014 {_SIGNERS[0]}xx", "DejaVuSans", 9, w - 230, 7))
        p.text(x + w - 14, y, f"{h}.0", "DejaVuSans", 9, align="right")
        y -= rh
    p.hline(x + 10, x + w - 10, y + 10, 0.6)
    p.text(x + 14, y - 8, "Total contact hours attended", "DejaVuSans-Bold", 10.5)
    p.text(x + w - 14, y - 8, str(total), "DejaVuSans-Bold", 12, align="right")
    y = top - bh - 26
    p.centre(y, f"ACE event number {course_no(c.course.number, 'space')}", "DejaVuSans", 11)
    p.centre(y - 16, "Hours are those of the sessions the attendee was scanned into, not the whole program.",
             "DejaVuSans", 8.5, colour=GREY)
    p.signature(p.w / 2 - 85, 96, 170)
    p.centre(82, f"{_signer(c, 2)}, Program Chair", "DejaVuSans", 9)
    p.centre(44, f"{c.course.provider}  \u00b7  {_address(c)}", "DejaVuSans", 7.5, colour=GREY)


@layout("card", evidence="id", units="cec")
def draw_letter_and_wallet_card(p, c):
    """Landscape sheet: a covering letter on the left half, a perforated wallet card (front and back) on the right with the fields."""
    p.landscape()
    x, lw = 48, 350
    p.logo(x, p.h - 84, initials(c.course.provider), 34, "square")
    p.text(x + 44, p.h - 64, c.course.provider, "LiberationSerif-Bold", 14)
    p.text(x + 44, p.h - 78, _address(c), "LiberationSans", 7.5, colour=GREY)
    p.text(x, p.h - 122, written(c.printed), "LiberationSerif", 11)
    p.text(x, p.h - 156, f"Dear {c.person.first} {c.person.last},", "LiberationSerif", 11.5)
    y = p.wrap(x, p.h - 180, lw, f"Congratulations on completing {c.course.title}. Your continuing education "
               "record is printed on the wallet card at the right of this sheet: detach it along the perforation, "
               "fold it in half and keep it with your certification papers.", "LiberationSerif", 11.5, 16)
    y = p.wrap(x, y - 8, lw, "The American Council on Exercise accepts the card as proof of completion. If any "
               "detail on it is wrong, write to us within 30 days and we will send a new one.", "LiberationSerif",
               11.5, 16)
    p.text(x, y - 14, "Sincerely,", "LiberationSerif", 11.5)
    p.signature(x, y - 58, 150)
    p.text(x, y - 72, _signer(c, 1), "LiberationSerif", 11)
    p.text(x, y - 86, "Student Services", "LiberationSerif-Italic", 10)
    p.text(x, 40, f"{_phone(c)}  \u00b7  cards@{_slug(c)}.example", "LiberationSans", 8, colour=GREY)
    fx = 432
    _dashed(p, fx, 24, fx, p.h - 24, colour=black, width=0.8, dash=(2, 3))
    _rotated(p, fx - 6, p.h / 2, "\u2702  detach along the perforation", "DejaVuSans", 7, 90, colour=GREY,
             align="centre")
    cw, ch = 300, 188
    cx = fx + (p.w - fx - cw) / 2
    front = p.h - 60 - ch
    cv = p.c
    cv.setLineWidth(1)
    cv.roundRect(cx, front, cw, ch, 8, stroke=1, fill=0)
    p.box(cx, front + ch - 30, cw, 30, 0, colour=NAVY, fill=NAVY)
    p.text(cx + 10, front + ch - 19, c.course.provider.upper(), "LiberationSans-Bold",
           _fit(p, c.course.provider.upper(), "LiberationSans-Bold", 9, cw - 110, 7), colour=white)
    p.text(cx + cw - 10, front + ch - 19, "CE WALLET CARD", "LiberationSans", 7.5, align="right", colour=white)
    p.text(cx + 12, front + ch - 52, c.person.name, "LiberationSans-Bold",
           _fit(p, c.person.name, "LiberationSans-Bold", 15, cw - 24))
    p.text(cx + 12, front + ch - 66, f"ACE ID {c.person.certificant_id}", "LiberationSans", 9)
    p.text(cx + 12, front + ch - 88, c.course.title, "LiberationSans", _fit(p, c.course.title, "LiberationSans", 9.5,
                                                                            cw - 24, 7))
    cells = [("ACE course", course_no(c.course.number, "plain")), ("Completed", us(c.completed)),
             ("CECs", cec(c.ceus))]
    for i, (cap, value) in enumerate(cells):
        vx = cx + 12 + i * 100
        p.text(vx, front + 46, cap, "LiberationSans", 7, colour=GREY)
        p.text(vx, front + 32, value, "LiberationSans-Bold", 10)
    p.text(cx + 12, front + 12, f"Card no. {c.seed % 10**7:07d}", "LiberationSans", 7, colour=GREY)
    back = front - 22 - ch
    _dashed(p, cx - 10, front - 11, cx + cw + 10, front - 11, colour=GREY, width=0.5, dash=(1, 2))
    p.text(cx + cw / 2, front - 8, "fold", "LiberationSans", 6, align="centre", colour=GREY)
    cv.setLineWidth(1)
    cv.roundRect(cx, back, cw, ch, 8, stroke=1, fill=0)
    p.wrap(cx + 12, back + ch - 22, cw - 24, "This card records continuing education completed with the provider "
           "named on its front. It is not a certification and does not expire.", "LiberationSans", 8, 11)
    _qr(p, cx + cw - 76, back + 14, 62, c)
    p.text(cx + 12, back + 72, "Verify online", "LiberationSans", 7, colour=GREY)
    p.text(cx + 12, back + 60, f"{_slug(c)}.example/card", "LiberationSans-Bold", 8.5)
    p.hline(cx + 12, cx + 190, back + 28, 0.5)
    p.text(cx + 12, back + 18, "Holder's signature", "LiberationSans", 7, colour=GREY)


@layout("award", evidence="name", units="cec")
def draw_corner_ribbon_credit(p, c):
    """Landscape award in a thick-and-thin double border; centred text; the credit only in a ribbon hanging at the top right corner."""
    p.landscape()
    p.box(20, 20, p.w - 40, p.h - 40, 5)
    p.box(32, 32, p.w - 64, p.h - 64, 0.7)
    for dx, dy in ((32, 32), (p.w - 32, 32), (32, p.h - 32), (p.w - 32, p.h - 32)):
        _polygon(p, [(dx, dy + 9), (dx + 9, dy), (dx, dy - 9), (dx - 9, dy)], fill=black)
    p.centre(p.h - 80, c.course.provider, "Times-Roman", 14)
    p.centre(p.h - 136, "Certificate of Achievement", "LiberationSerif-BoldItalic", 40)
    p.centre(p.h - 180, "This is to certify that", "Times-Italic", 15)
    p.centre(p.h - 228, c.person.name, "Times-Bold", _fit(p, c.person.name, "Times-Bold", 36, 480))
    p.hline(p.w / 2 - 230, p.w / 2 + 230, p.h - 240, 0.6)
    p.centre(p.h - 272, "has successfully completed the course", "Times-Italic", 15)
    p.centre(p.h - 304, c.course.title, "Times-Bold", _fit(p, c.course.title, "Times-Bold", 24, 560))
    d = c.completed
    p.centre(p.h - 336, f"on the {ordinal(d.day)} of {d:%B}, {d.year}", "Times-Roman", 15)
    p.centre(p.h - 362, f"ACE Course No. {course_no(c.course.number, 'hyphen')}", "Times-Roman", 12)
    rx, rw, rtop, rbot = p.w - 132, 66, p.h - 20, p.h - 178
    _polygon(p, [(rx, rtop), (rx + rw, rtop), (rx + rw, rbot), (rx + rw / 2, rbot + 20), (rx, rbot)], fill=MAROON)
    p.c.setStrokeColor(white)
    p.c.setLineWidth(0.8)
    p.c.line(rx + 5, rtop - 12, rx + 5, rbot + 6)
    p.c.line(rx + rw - 5, rtop - 12, rx + rw - 5, rbot + 6)
    p.c.setStrokeColor(black)
    p.text(rx + rw / 2, rtop - 40, "ACE", "Helvetica-Bold", 11, align="centre", colour=white)
    p.text(rx + rw / 2, rtop - 74, cec(c.ceus), "Helvetica-Bold", 24, align="centre", colour=white)
    p.text(rx + rw / 2, rtop - 92, "CECs", "Helvetica-Bold", 11, align="centre", colour=white)
    p.seal(p.w / 2, 112, 38, ("ACE", "APPROVED"))
    for sx, k, role in ((90, 0, "Course Director"), (p.w - 290, 3, "Registrar")):
        p.signature(sx, 104, 200)
        p.text(sx, 90, f"{_signer(c, k)}, {role}", "Times-Roman", 10)
    p.text(p.w - 290, 76, f"Issued {us(c.issued)}", "Times-Roman", 10)


def _comb(p, x: float, y: float, n: int, value: str, cell: float = 16, h: float = 20, right: bool = False,
          face: str = "DejaVuSans", size: float = 12) -> float:
    """A row of N character boxes (a paper form's comb field), one character of VALUE centred in each; the end x."""
    value = value[:n]
    chars = (" " * (n - len(value)) + value) if right else value.ljust(n)
    for i, ch in enumerate(chars):
        p.box(x + i * cell, y, cell, h, 0.7)
        if ch != " ":
            p.text(x + i * cell + cell / 2, y + (h - size * 0.7) / 2, ch, face, size, align="centre")
    return x + n * cell


def _comb_date(p, x: float, y: float, d, cell: float = 16, h: float = 20) -> float:
    """MM / DD / YYYY in three comb groups with the slashes printed between them."""
    for k, (part, n) in enumerate(((f"{d:%m}", 2), (f"{d:%d}", 2), (f"{d:%Y}", 4))):
        x = _comb(p, x, y, n, part, cell, h)
        if k < 2:
            p.text(x + 7, y + 5, "/", "DejaVuSans", 12, align="centre")
            x += 14
    return x


@layout("form", evidence="id", units="hours")
def draw_comb_box_form(p, c):
    """Paper training-record form of comb boxes, one character a box: surname and first name apart, MM/DD/YYYY; a seal in the corner."""
    x = 54
    p.text(x, p.h - 62, c.course.provider, "DejaVuSansCondensed-Bold", 15)
    p.text(x, p.h - 78, f"Form TR-12  \u00b7  Rev. {1 + c.seed % 12:02d}/2024", "DejaVuSansCondensed", 9, colour=GREY)
    p.seal(p.w - 96, p.h - 92, 44, ("RECORDS", "OFFICE"))
    p.box(x, p.h - 122, p.w - 2 * x - 100, 26, 0, fill=black)
    p.text(x + 10, p.h - 114, "CONTINUING EDUCATION TRAINING RECORD", "DejaVuSansCondensed-Bold", 13, colour=white)
    p.text(x, p.h - 142, "Complete in BLOCK CAPITALS, one character per box. Dates as month / day / year.",
           "DejaVuSansCondensed", 9)
    label = "DejaVuSansCondensed-Bold"
    y = p.h - 180
    _small_caps(p, x, y, "1. Surname", label, 9)
    _comb(p, x, y - 26, 22, c.person.last.upper())
    y -= 52
    _small_caps(p, x, y, "2. First name", label, 9)
    _comb(p, x, y - 26, 22, c.person.first.upper())
    y -= 52
    _small_caps(p, x, y, "3. ACE certification number", label, 9)
    _comb(p, x, y - 26, 8, c.person.certificant_id)
    _small_caps(p, x + 250, y, "4. ACE course number", label, 9)
    _comb(p, x + 250, y - 26, 10, c.course.number)
    y -= 52
    _small_caps(p, x, y, "5. Course title", label, 9)
    p.box(x, y - 26, p.w - 2 * x, 20, 0.7)
    p.text(x + 6, y - 20, c.course.title.upper(), "DejaVuSansMono", _fit(p, c.course.title.upper(), "DejaVuSansMono",
                                                                           11, p.w - 2 * x - 12, 7))
    y -= 52
    _small_caps(p, x, y, "6. Date course completed", label, 9)
    _comb_date(p, x, y - 26, c.completed)
    _small_caps(p, x + 250, y, "7. Contact hours", label, 9)
    _comb(p, x + 250, y - 26, 2, str(hours_of(c)), right=True)
    y -= 52
    _small_caps(p, x, y, "8. Delivery", label, 9)
    for i, (opt, ticked) in enumerate((("Classroom", True), ("Online", False), ("Blended", False))):
        bx = x + i * 110
        _tick(p, bx, y - 24, 11, ticked)
        p.text(bx + 17, y - 22, opt, "DejaVuSansCondensed", 10)
    y -= 56
    _small_caps(p, x, y, "9. Participant signature", label, 9)
    p.signature(x, y - 40, 200)
    top = 150
    p.box(x, 56, p.w - 2 * x, top - 56, 1, fill=PALE)
    p.box(x, 56, p.w - 2 * x, top - 56, 1)
    p.text(x + 10, top - 18, "FOR OFFICE USE ONLY \u2014 do not write below this line", "DejaVuSansCondensed-Bold", 9)
    _small_caps(p, x + 10, top - 40, "Date entered", label, 8)
    _comb_date(p, x + 10, top - 66, c.printed, 14, 18)
    _small_caps(p, x + 250, top - 40, "Entered by", label, 8)
    _comb(p, x + 250, top - 66, 3, "".join(w[0] for w in _signer(c, 5).split()), 14, 18)
    _small_caps(p, x + 340, top - 40, "Batch", label, 8)
    _comb(p, x + 340, top - 66, 5, f"{c.seed % 10**5:05d}", 14, 18)
    p.text(x, 40, "Box 6 is the day the course was completed; the office enters the day it recorded the form.",
           "DejaVuSansCondensed", 8, colour=GREY)


@layout("form", evidence="id+email", units="hours", courses=("safety",))
def draw_reversed_label_column(p, c):
    """Safety training statement: a dark header band, labels reversed white out of a dark left column, values on white to the right."""
    dark = Color(0.16, 0.16, 0.18)
    p.box(0, p.h - 112, p.w, 112, 0, colour=dark, fill=dark)
    cx, cy = 74, p.h - 58
    p.box(cx - 6, cy - 20, 12, 40, 0, colour=white, fill=white)
    p.box(cx - 20, cy - 6, 40, 12, 0, colour=white, fill=white)
    p.text(112, p.h - 52, c.course.provider, "LiberationSans-Bold", 20, colour=white)
    p.text(112, p.h - 72, "Emergency Care Training  \u00b7  Statement of Completion", "LiberationSans", 11,
           colour=white)
    p.text(p.w - 40, p.h - 98, f"Statement {c.seed % 10**6:06d}", "LiberationSansNarrow", 9, align="right",
           colour=white)

    def long_day(d):
        return f"{d:%a} {d.day} {d:%b} {d.year}"

    rows = [("CANDIDATE", c.person.name), ("ACE CERTIFICATION NO.", c.person.certificant_id),
            ("E-MAIL", c.person.email), ("COURSE", c.course.title),
            ("ACE COURSE NO.", course_no(c.course.number, "plain")), ("COURSE DATE", long_day(c.completed)),
            ("TRAINING HOURS", f"{hours_of(c)} contact hours"),
            ("ASSESSMENT", f"Practical: competent  \u00b7  Written: {80 + c.seed % 20}%"),
            ("CERTIFICATE VALID TO", long_day(c.expires)), ("INSTRUCTOR", _signer(c, 5))]
    x, lw, rh = 44, 176, 34
    top = p.h - 150
    w = p.w - 2 * x
    p.box(x, top - rh * len(rows), lw, rh * len(rows), 0, colour=dark, fill=dark)
    for i, (label, value) in enumerate(rows):
        ry = top - rh * (i + 1)
        p.text(x + lw - 12, ry + 13, label, "LiberationSansNarrow-Bold", 10, align="right", colour=white)
        p.text(x + lw + 16, ry + 12, value, "LiberationSans", _fit(p, value, "LiberationSans", 13, w - lw - 28, 8))
        if i:
            p.hline(x, x + lw, ry + rh, 0.8, white)
            p.hline(x + lw, x + w, ry + rh, 0.4, LIGHT)
    p.box(x, top - rh * len(rows), w, rh * len(rows), 0.8, colour=dark)
    y = p.wrap(x, top - rh * len(rows) - 30, w, "The course date is the day the candidate completed the course and "
               "passed its assessment. Renew the training before the certificate's valid-to date.", "LiberationSans",
               10, 14)
    p.signature(x, y - 54, 180)
    p.text(x, y - 68, f"{_signer(c, 1)}, Training Manager", "LiberationSans", 9)
    p.text(p.w - x, y - 68, f"Issued {long_day(c.issued)}", "LiberationSans", 9, align="right", colour=GREY)


def _uk_range(start, end) -> str:
    """`12th-14th June 2026` (an en dash), `30th May - 1st June 2026`, or one day `8th November 2025`."""
    if start == end:
        return f"{ordinal(end.day)} {end:%B} {end.year}"
    if start.month == end.month:
        return f"{ordinal(start.day)}\u2013{ordinal(end.day)} {end:%B} {end.year}"
    return f"{ordinal(start.day)} {start:%B} \u2013 {ordinal(end.day)} {end:%B} {end.year}"


@layout("event", evidence="name", units="cec", courses=("event",))
def draw_uk_cpd_event(p, c):
    """British-style event certificate, landscape: 'held on 12th-14th June 2026', a CPD RECORD panel of CPD hours beside ACE CECs."""
    p.landscape()
    p.box(0, p.h - 14, p.w, 14, 0, colour=TEAL, fill=TEAL)
    p.box(0, 0, p.w, 8, 0, colour=TEAL, fill=TEAL)
    x, lw = 56, 440
    p.text(x, p.h - 64, c.course.provider.upper(), "LiberationSans-Bold", 11, colour=TEAL)
    p.text(x, p.h - 116, "Certificate of Attendance", "LiberationSerif", 34)
    p.text(x, p.h - 160, "This is to confirm that", "LiberationSerif-Italic", 14)
    p.text(x, p.h - 200, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 30, lw))
    p.hline(x, x + lw, p.h - 212, 0.6, GREY)
    p.text(x, p.h - 240, "attended", "LiberationSerif-Italic", 14)
    p.text(x, p.h - 268, c.course.title, "LiberationSerif-Bold", _fit(p, c.course.title, "LiberationSerif-Bold", 20, lw))
    p.text(x, p.h - 292, f"held on {_uk_range(c.start, c.completed)}", "LiberationSerif", 14)
    p.text(x, p.h - 312, "Conference Centre, Hall 2", "LiberationSans", 10, colour=GREY)
    p.signature(x, 130, 190)
    p.text(x, 116, f"{_signer(c, 4)}, Programme Director", "LiberationSans", 9)
    p.text(x, 84, f"Date of issue: {c.issued:%d/%m/%Y}", "LiberationSans", 9)
    px, pw, ptop, pbot = 540, 204, p.h - 60, 60
    p.box(px, pbot, pw, ptop - pbot, 0, fill=PALE)
    p.box(px, ptop - 30, pw, 30, 0, colour=TEAL, fill=TEAL)
    p.text(px + 14, ptop - 20, "CPD RECORD", "LiberationSans-Bold", 11, colour=white)
    fields = [("Attendee reference", f"AT-{c.seed % 10**5:05d}"), ("Event reference", _internal(c)),
              ("ACE event no.", course_no(c.course.number, "space")), ("CPD hours", str(hours_of(c))),
              ("ACE CECs", cec(c.ceus))]
    y = ptop - 56
    for caption, value in fields:
        _caption_value(p, px + 14, y, caption, value, pw - 28, size=14)
        y -= 50
    p.wrap(px + 14, y + 4, pw - 28, "CPD hours are the sessions attended. ACE CECs are for American Council on "
           "Exercise certificants: one CPD hour is 0.1 CEC.", "LiberationSans", 8, 11)


@layout("modern", evidence="id", units="cec")
def draw_timeline_three_dates(p, c):
    """Modern certificate: 'LAST, First' in capitals; a timeline of Enrolled, Completed, Certificate issued and Expires dates."""
    from datetime import timedelta

    x = 56
    p.logo(x, p.h - 92, initials(c.course.provider), 36, "circle")
    p.text(x + 46, p.h - 70, c.course.provider, "DejaVuSans-Bold", 13)
    p.text(x + 46, p.h - 84, "Online Academy", "DejaVuSans", 9, colour=GREY)
    _small_caps(p, p.w - x, p.h - 72, "Certificate of Completion", "DejaVuSerif", 12, align="right")
    p.hline(x, p.w - x, p.h - 106, 0.6, GREY)
    p.text(x, p.h - 150, "CERTIFICANT", "DejaVuSans", 8.5, colour=GREY)
    name = last_first(c.person, upper=True)
    p.text(x, p.h - 182, name, "DejaVuSans-Bold", _fit(p, name, "DejaVuSans-Bold", 28, p.w - 2 * x))
    p.text(x, p.h - 202, f"ACE ID {c.person.certificant_id}", "DejaVuSans", 11)
    p.text(x, p.h - 250, "COURSE", "DejaVuSans", 8.5, colour=GREY)
    p.text(x, p.h - 274, c.course.title, "DejaVuSerif-Bold", _fit(p, c.course.title, "DejaVuSerif-Bold", 19, p.w - 2 * x))
    line = f"ACE course {course_no(c.course.number, 'hyphen')}"
    end = p.text(x, p.h - 296, line, "DejaVuSans", 11)
    pill = f"{cec(c.ceus)} CEC"
    pw = p.width(pill, "DejaVuSans-Bold", 10) + 18
    p.c.setFillColor(TEAL)
    p.c.roundRect(end + 14, p.h - 301, pw, 17, 8, stroke=0, fill=1)
    p.c.setFillColor(black)
    p.text(end + 14 + pw / 2, p.h - 296, pill, "DejaVuSans-Bold", 10, align="centre", colour=white)
    enrolled = c.completed - timedelta(days=5 + c.seed % 45)
    stops = [("ENROLLED", enrolled, False), ("COMPLETED", c.completed, True),
             ("CERTIFICATE ISSUED", c.issued, False), ("EXPIRES", c.expires, False)]
    ty = p.h - 400
    x0, x1 = x + 50, p.w - x - 50
    p.hline(x0, x1, ty, 2, GREY)
    step = (x1 - x0) / (len(stops) - 1)
    for i, (label, d, main) in enumerate(stops):
        sx = x0 + i * step
        p.c.setFillColor(TEAL if main else white)
        p.c.setStrokeColor(TEAL if main else GREY)
        p.c.setLineWidth(2)
        p.c.circle(sx, ty, 9 if main else 6, stroke=1, fill=1)
        p.c.setFillColor(black)
        p.c.setStrokeColor(black)
        p.text(sx, ty + 22, label, "DejaVuSans-Bold" if main else "DejaVuSans", 8.5, align="centre",
               colour=black if main else GREY)
        p.text(sx, ty - 30, _d_mon_y(d), "DejaVuSans-Bold" if main else "DejaVuSans", 12 if main else 10,
               align="centre")
    p.wrap(x, ty - 80, p.w - 2 * x, "The credit above was earned on the completion date. The certificate stays valid "
           "until the expiry date; renew the course before then to keep it current.", "DejaVuSans", 9.5, 13)
    p.signature(x, 130, 170)
    p.text(x, 116, f"{_signer(c, 0)}, Head of Learning", "DejaVuSans", 9)
    _qr(p, p.w - x - 72, 90, 72, c)
    p.text(p.w - x, 76, f"Verification {_code(c)}", "DejaVuSans", 8, align="right")


def _heart(p, x: float, y: float, s: float, colour=white) -> None:
    """A heart of two discs and a triangle, S wide, its point at (x, y)."""
    cv = p.c
    cv.setFillColor(colour)
    cv.circle(x - s / 4, y + s * 0.62, s / 4, stroke=0, fill=1)
    cv.circle(x + s / 4, y + s * 0.62, s / 4, stroke=0, fill=1)
    _polygon(p, [(x - s / 2 + 0.4, y + s * 0.56), (x + s / 2 - 0.4, y + s * 0.56), (x, y)], fill=colour)
    cv.setFillColor(black)


@layout("card", evidence="email", units="cec", courses=("safety",))
def draw_cpr_ecard(p, c):
    """Safety eCard page, landscape: one rounded card with a heart mark, 'Course date' beside 'Recommended renewal', the holder's email."""
    p.landscape()
    p.text(60, p.h - 56, "Your eCard", "Helvetica-Bold", 20)
    p.text(60, p.h - 76, f"Claimed by {c.person.email} on {us(c.issued)}. Print at 100% and cut along the outline.",
           "Helvetica", 10, colour=GREY)
    cw, ch = 450, 284
    x, y = (p.w - cw) / 2, 170
    cv = p.c
    cv.setLineWidth(1.2)
    cv.roundRect(x, y, cw, ch, 14, stroke=1, fill=0)
    cv.saveState()
    path = cv.beginPath()
    path.roundRect(x, y, cw, ch, 14)
    cv.clipPath(path, stroke=0, fill=0)
    p.box(x, y + ch - 62, cw, 62, 0, colour=MAROON, fill=MAROON)
    cv.restoreState()
    _heart(p, x + 34, y + ch - 48, 30)
    p.text(x + 62, y + ch - 30, c.course.title, "Helvetica-Bold", _fit(p, c.course.title, "Helvetica-Bold", 16, cw - 80, 10),
           colour=white)
    p.text(x + 62, y + ch - 46, c.course.provider, "Helvetica", 9, colour=white)
    p.text(x + 20, y + ch - 88, "Card holder", "Helvetica", 8, colour=GREY)
    p.text(x + 20, y + ch - 108, c.person.name, "Helvetica-Bold", _fit(p, c.person.name, "Helvetica-Bold", 18, cw - 140))
    p.text(x + 20, y + ch - 124, c.person.email, "Helvetica", 9.5)
    _qr(p, x + cw - 100, y + ch - 160, 80, c)
    p.hline(x + 20, x + cw - 20, y + 104, 0.5, LIGHT)
    grid = [[("Course date", us(c.completed)), ("Recommended renewal", us(c.expires)), ("eCard code", _code(c, 12))],
            [("ACE course no.", course_no(c.course.number, "hyphen")), ("ACE CECs", cec(c.ceus)),
             ("Instructor", _signer(c, 2))]]
    colw = (cw - 40) / 3
    for r, row in enumerate(grid):
        for i, (cap, value) in enumerate(row):
            gx, gy = x + 20 + i * colw, y + 84 - r * 46
            p.text(gx, gy, cap, "Helvetica", 7.5, colour=GREY)
            p.text(gx, gy - 15, value, "Helvetica-Bold", _fit(p, value, "Helvetica-Bold", 11, colw - 8, 7))
    p.text(60, 60, f"Training Center: {c.course.provider}  \u00b7  {_phone(c)}  \u00b7  TC-{1000 + c.seed % 9000}",
           "Helvetica", 8.5, colour=GREY)
    p.text(p.w - 60, 60, f"Verify at https://ecards.{_slug(c)}.example", "Helvetica", 8.5, align="right", colour=GREY)
