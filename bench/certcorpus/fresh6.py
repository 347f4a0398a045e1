"""Fresh6 layouts: a ninth set of providers' layouts to tune on, drawn apart from the earlier sets.

None repeats an arrangement of tuned.py, fresh.py, fresh2.py, fresh3.py, fresh4.py or fresh5.py: a
points card punched once for each contact hour, a syllabus's first page with its completion box
filled in by hand, a credit voucher set out like a cheque, a packing slip for a printed
certificate, a declaration on numbered pleading paper, a CPR manikin's feedback report, a tag to
hang on a kit bag, a calendar invitation updated after the class, a course player's completion
dialog over the dimmed course, a certificate inside a PDF viewer's window, a team chat's bot post,
a slide's notes page, a self-mailer whose address panel is printed upside down, a member
newsletter with a personal CE box, an Italian attestato and a Swedish intyg, a verification code
shaped like a course number, a Latin diploma, a date in Roman numerals, security paper tiled with
small print, an engraved plaque, a class yearbook page with one portrait marked, an art-deco award
with dotted dates, a conference programme with a CE sticker on its cover, a race bib, a Spanish
constancia, a metro-line map of an event's days, a Canadian bilingual first aid certificate, an
Australian statement of attainment, and a class postponed by the weather. Their misses may be
looked at like the other tuning sets'. Each function draws one provider's certificate for a Cert on
a Pen, as in tuned.py.
"""

from __future__ import annotations

import math
from datetime import datetime, time, timedelta

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.colors import Color, black, white
from reportlab.lib.utils import ImageReader

from .fmt import (abbrev, cec, course_no, date_range, hours_of, iso, last_first, ordinal, upper_name, us,
                  us_short, weekday, written)
from .fresh import _barcode, _dashed, _es_date, _fit, _polygon, _qr, _rotated, _stamp, _tick
from .fresh2 import _hand, _lines, _round_box
from .fresh3 import _clock, _event_days, _split
from .fresh4 import _catalogue, _num, _provider_courses, _star
from .fresh5 import _nick, _ring, _slug, _sub, _years_on
from .model import registry
from .pen import GREY, LIGHT, initials, ttf_path

LAYOUTS, layout = registry()


# ---------------------------------------------------------------- shared colours and helpers

INK = Color(0.08, 0.14, 0.50)           # a ballpoint's blue
PENCIL = Color(0.25, 0.25, 0.27)
STAMP = Color(0.70, 0.11, 0.15)
TEAL = Color(0.04, 0.40, 0.44)
NAVY = Color(0.08, 0.14, 0.32)
WINE = Color(0.45, 0.08, 0.20)
SKY = Color(0.16, 0.45, 0.75)
LEAF = Color(0.16, 0.46, 0.22)
AMBER = Color(0.86, 0.55, 0.08)
SLATE = Color(0.26, 0.30, 0.36)
TINT = Color(0.93, 0.93, 0.93)
PALE = Color(0.96, 0.96, 0.96)
MARKER = Color(1.0, 0.93, 0.35)         # a yellow highlighter
BRASS = Color(0.94, 0.87, 0.64)
WOOD = Color(0.36, 0.22, 0.12)
CARD = Color(0.98, 0.96, 0.88)

# People who teach, sign, organise or declare, never certificants.
_STAFF = ("Cordelia Amankwah", "Rasmus Ellingboe", "Beatrix Solano-Reyes", "Thorne Mackenzie", "Yolanda Przybylski",
          "Ignatius Ferro")

# Classmates in a class photograph: names nobody in samples/reference has.
_CLASSMATES = ("Marisela Quintanar", "Osric Pennington", "Tuula Virtanen", "Desmond Okereke", "Philippa Hargreave",
               "Anselm Brightwater", "Xanthe Moreau", "Lorcan Devereux", "Imogen Falkenrath", "Kofi Mensah-Boateng",
               "Rosalind Achterberg", "Teodor Vasilescu")

_LATIN_MONTHS = ("Ianuarii", "Februarii", "Martii", "Aprilis", "Maii", "Iunii", "Iulii", "Augusti", "Septembris",
                 "Octobris", "Novembris", "Decembris")
_IT_MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
              "ottobre", "novembre", "dicembre")


def _staff(c, k: int = 0) -> str:
    return _STAFF[(c.seed + k) % len(_STAFF)]


def _phone(c, k: int = 0) -> str:
    return f"({300 + (c.seed + 41 * k) % 600}) 555-01{(c.seed // (k + 3)) % 90 + 10}"


def _roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                 (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


def _it(d) -> str:
    """`14/06/2025` (Italian: day first)"""
    return f"{d:%d/%m/%Y}"


def _au(d) -> str:
    """`14/06/2025` (Australian: day first)"""
    return f"{d:%d/%m/%Y}"


def _dots(d) -> str:
    """`06 · 14 · 2025` (month, day, year)"""
    return f"{d:%m} \u00b7 {d:%d} \u00b7 {d.year}"


def _es_range(start, end) -> str:
    """`del 13 al 15 de junio de 2025`, `del 30 de abril al 2 de mayo de 2026`, or `el 8 de noviembre de 2025`."""
    if start == end:
        return f"el {_es_date(end)}"
    if start.month == end.month:
        return f"del {start.day} al {_es_date(end)}"
    return f"del {_es_date(start).rsplit(' de ', 1)[0]} al {_es_date(end)}"


def _lookalike(c) -> str:
    """A code shaped like the page's course number (same letters, as many digits) that no catalogue course has."""
    rng = c.rng("lookalike")
    number = c.course.number
    prefix = number[:3] if number.startswith("CEP") else number[:2]
    n = len(number) - len(prefix)
    taken = {row[0] for row in _catalogue()}
    while True:
        code = prefix + "".join(rng.choice("0123456789") for _ in range(n))
        if code not in taken and code[len(prefix)] != "0":
            return code


def _cec_words(v) -> str:
    """`Zero point five`, `One point two`."""
    words = ("Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine")
    whole, tenth = f"{v:.1f}".split(".")
    return f"{words[int(whole)]} point {words[int(tenth)].lower()}"


def _hole(p, x: float, y: float, r: float) -> None:
    """A punched hole: the scanner lid's dark grey showing through a ragged edge."""
    cv = p.c
    cv.setFillColor(Color(0.22, 0.22, 0.24))
    pts = [(x + r * (1 + 0.06 * math.sin(k * 2.3)) * math.cos(k * math.pi / 9),
            y + r * (1 + 0.06 * math.sin(k * 2.3)) * math.sin(k * math.pi / 9)) for k in range(18)]
    _polygon(p, pts, fill=Color(0.22, 0.22, 0.24))
    cv.setFillColor(black)


def _people_shape(p, x: float, y: float, w: float, h: float, shade) -> None:
    """A portrait photograph's placeholder: a head and shoulders on a grey ground."""
    cv = p.c
    p.box(x, y, w, h, 0.5, colour=GREY, fill=Color(0.86, 0.87, 0.89))
    cv.setFillColor(shade)
    cv.circle(x + w / 2, y + h * 0.62, w * 0.2, stroke=0, fill=1)
    cv.ellipse(x + w * 0.16, y - h * 0.02, x + w * 0.84, y + h * 0.44, stroke=0, fill=1)
    p.box(x, y - 1, w, 2, 0, colour=white, fill=white)
    cv.setFillColor(black)


def _imb(p, x: float, y: float, c, n: int = 65) -> None:
    """A postal barcode of tall, short, ascending and descending bars (seeded)."""
    rng = c.rng("imb")
    cv = p.c
    for k in range(n):
        kind = rng.choice("FADT")
        lo = y if kind in "FD" else y + 3.5
        hi = y + 12 if kind in "FA" else y + 8.5
        cv.rect(x + k * 3.1, lo, 1.3, hi - lo, stroke=0, fill=1)


def _security_paper(motif: str, w: float, h: float, dpi: int = 90) -> Image.Image:
    """Security paper printed as a picture: MOTIF repeated in small pale rows at 30 degrees."""
    pw, ph = round(w * dpi / 72), round(h * dpi / 72)
    side = int(math.hypot(pw, ph)) + 20
    img = Image.new("L", (side, side), 255)
    draw = ImageDraw.Draw(img)
    path = ttf_path("DejaVuSans-Bold")
    face = ImageFont.truetype(str(path), 9) if path else ImageFont.load_default()
    line = motif * 40
    for k, y in enumerate(range(0, side, 13)):
        draw.text((-(k % 3) * 40, y), line, fill=212, font=face)
    img = img.rotate(30, resample=Image.NEAREST, fillcolor=255)
    left, top = (side - pw) // 2, (side - ph) // 2
    return img.crop((left, top, left + pw, top + ph)).point(lambda v: 212 if v < 236 else 255)


def _shadowed(p, x: float, y: float, w: float, h: float, fill=white, colour=GREY, width: float = 0.6,
              depth: float = 4) -> None:
    p.box(x + depth, y - depth, w, h, 0, colour=Color(0.7, 0.7, 0.7), fill=Color(0.7, 0.7, 0.7))
    p.box(x, y, w, h, width, colour=colour, fill=fill)


# ---------------------------------------------------------------- cards, forms and records

@layout("card", evidence="id", units="hours")
def draw_ce_punch_card(p, c):
    """A CE points card punched once per contact hour, front and back on one sheet; the completion in a date stamp."""
    rng = c.rng("punch")
    d = c.completed
    h = hours_of(c)
    issued = d - timedelta(days=rng.randint(20, 70))
    valid = _years_on(issued, 1)
    nick = _nick(c)
    holder = f"{nick} {c.person.last}" if nick else c.person.name
    cw, ch = 470, 290
    x = (p.w - cw) / 2
    p.text(x, p.h - 44, "Scanned: both sides of the card", "LiberationSans", 8.5, colour=GREY)
    # front
    fy = p.h - 70 - ch
    _round_box(p, x, fy, cw, ch, 14, 1, colour=GREY, fill=CARD)
    p.box(x, fy + ch - 52, cw, 38, 0, colour=TEAL, fill=TEAL)
    p.text(x + 18, fy + ch - 30, c.course.provider.upper(), "LiberationSans-Bold", 11, colour=white)
    p.text(x + 18, fy + ch - 44, "CE HOURS PUNCH CARD", "LiberationSans", 9, colour=white)
    p.text(x + cw - 18, fy + ch - 37, f"No. {_num(c, 'card', 10000, 99999)}", "LiberationMono", 10, align="right",
           colour=white)
    p.text(x + 18, fy + ch - 74, "Course", "LiberationSans", 8, colour=GREY)
    title = c.course.title
    p.text(x + 70, fy + ch - 74, title, "LiberationSans-Bold", _fit(p, title, "LiberationSans-Bold", 11, cw - 90, 7))
    p.text(x + 18, fy + ch - 92, "ACE course no.", "LiberationSans", 8, colour=GREY)
    p.text(x + 96, fy + ch - 92, course_no(c.course.number, "space"), "LiberationSans-Bold", 11)
    p.text(x + 230, fy + ch - 92, "One punch = one contact hour attended", "LiberationSans-Italic", 8, colour=GREY)
    slots = 20
    per_row = 10
    sx0, sy0, step = x + 36, fy + ch - 130, (cw - 72) / (per_row - 1)
    for k in range(slots):
        sx = sx0 + (k % per_row) * step
        sy = sy0 - (k // per_row) * 44
        p.c.setStrokeColor(GREY)
        p.c.setLineWidth(0.7)
        p.c.circle(sx, sy, 12, stroke=1, fill=0)
        p.c.setStrokeColor(black)
        if k < h:
            _hole(p, sx + rng.uniform(-1.5, 1.5), sy + rng.uniform(-1.5, 1.5), 8.5)
        else:
            p.text(sx, sy - 3.5, str(k + 1), "LiberationSans", 9, align="centre", colour=GREY)
    p.text(x + 18, fy + 40, "Card holder", "LiberationSans", 8, colour=GREY)
    p.hline(x + 76, x + 270, fy + 37, 0.5)
    _hand(p, x + 82, fy + 40, holder, _fit(p, holder, "LiberationSerif-Italic", 15, 185, 9))
    p.text(x + 284, fy + 40, "ACE cert. #", "LiberationSans", 8, colour=GREY)
    p.hline(x + 334, x + cw - 18, fy + 37, 0.5)
    _hand(p, x + 340, fy + 40, c.person.certificant_id, 15)
    p.text(x + 18, fy + 16, f"Card issued {us(issued)}  \u00b7  valid until {us(valid)}  \u00b7  not transferable",
           "LiberationSans", 7.5, colour=GREY)
    # back
    by = fy - 40 - ch
    _round_box(p, x, by, cw, ch, 14, 1, colour=GREY, fill=CARD)
    p.text(x + 18, by + ch - 30, "COMPLETION (office use)", "LiberationSans-Bold", 11, colour=TEAL)
    p.hline(x + 18, x + cw - 18, by + ch - 38, 0.6, TEAL)
    p.text(x + 18, by + ch - 64, "Contact hours punched", "LiberationSans", 10)
    p.hline(x + 150, x + 210, by + ch - 67, 0.5)
    _hand(p, x + 162, by + ch - 64, str(h), 17)
    p.text(x + 230, by + ch - 64, "Ten contact hours are one ACE CEC.", "LiberationSans", 8.5, colour=GREY)
    p.text(x + 18, by + ch - 96, "Course completed on (date stamp):", "LiberationSans", 10)
    staff = _staff(c, 1)
    _stamp(p, x + 330, by + ch - 100, rng.uniform(-8, 6), STAMP, 2, (-74, -24, 148, 48, 5), (-70, -20, 140, 40, 3),
           ((f"{d:%b %d %Y}".upper(), "Courier-Bold", 15, -2), ("COMPLETED", "Helvetica-Bold", 7, 10),
            (f"DESK {initials(staff) or 'X'}", "Helvetica-Bold", 6, -16)))
    p.text(x + 18, by + ch - 150, "Staff initials", "LiberationSans", 10)
    p.hline(x + 96, x + 160, by + ch - 153, 0.5)
    _hand(p, x + 104, by + ch - 150, initials(staff) or "X", 15, black)
    p.wrap(x + 18, by + ch - 186, cw - 36, "Bring this card to every session. When the course is finished the front "
           "desk stamps the date of the last session here; keep the card with your certificate for your ACE renewal. "
           "Lost cards cannot be replaced.", "LiberationSans", 8.5, 11)
    p.text(x + 18, by + 18, f"{c.course.provider} \u00b7 {_phone(c)}", "LiberationSans", 8, colour=GREY)


@layout("form", evidence="id", units="cec")
def draw_syllabus_completion_box(p, c):
    """A course syllabus's first page (objectives, outline, revision date) with its completion box filled by hand."""
    rng = c.rng("syllabus")
    d = c.completed
    instructor = _staff(c, 2)
    x = 54
    p.text(x, p.h - 54, c.course.provider, "LiberationSerif-Bold", 14)
    p.text(p.w - x, p.h - 54, "COURSE SYLLABUS", "LiberationSans-Bold", 11, align="right", colour=WINE)
    p.hline(x, p.w - x, p.h - 64, 1.5, WINE)
    title = c.course.title
    p.text(x, p.h - 96, title, "LiberationSerif-Bold", _fit(p, title, "LiberationSerif-Bold", 22, p.w - 2 * x, 12))
    revised = d - timedelta(days=rng.randint(90, 400))
    facts = [("ACE course number", course_no(c.course.number, "plain")), ("ACE CECs", cec(c.ceus)),
             ("Contact hours", str(int(c.ceus * 10))), ("Format", rng.choice(["In person, one day", "Live online",
                                                                            "Hybrid (online + practical)"])),
             ("Instructor", instructor), ("Syllabus revised", f"{revised:%B %Y}")]
    y = p.h - 122
    for k, (label, value) in enumerate(facts):
        fx = x + (k % 2) * 260
        p.text(fx, y, label, "LiberationSans", 8.5, colour=GREY)
        p.text(fx + 110, y, value, "LiberationSans-Bold", 9.5)
        if k % 2:
            y -= 15
    y -= 14
    p.text(x, y, "Course description", "LiberationSans-Bold", 10.5, colour=WINE)
    y = p.wrap(x, y - 15, p.w - 2 * x, f"{title} gives working fitness professionals current, practical methods "
               "they can use with clients straight away. Short lectures alternate with supervised practice; the course "
               "closes with a written check of understanding.", "LiberationSerif", 10.5, 14)
    y -= 6
    p.text(x, y, "Learning objectives", "LiberationSans-Bold", 10.5, colour=WINE)
    objectives = ["Explain the evidence behind the methods taught and their limits.",
                  "Screen clients and choose safe starting points and progressions.",
                  "Coach the key techniques with clear cues and corrections.",
                  "Plan and document a programme that applies the course content."]
    y -= 16
    for k, o in enumerate(objectives, 1):
        p.text(x + 8, y, f"{k}.", "LiberationSerif", 10.5)
        p.text(x + 24, y, o, "LiberationSerif", 10.5)
        y -= 14
    y -= 8
    p.text(x, y, "Course outline", "LiberationSans-Bold", 10.5, colour=WINE)
    mods = ["Welcome, objectives and pre-test", "Principles and current research", "Assessment and screening",
            "Practical lab: coaching and cueing", "Programme design workshop", "Written check and review"]
    total = int(c.ceus * 10) * 60
    mins = [total // len(mods)] * len(mods)
    mins[-1] += total - sum(mins)
    rows = [["#", "Module", "Minutes"]] + [[str(k), m, str(v)] for k, (m, v) in enumerate(zip(mods, mins), 1)]
    y = p.table(x, y - 8, [30, 360, 70], rows, row_h=17, face="LiberationSans", head_face="LiberationSans-Bold",
                size=8.5, head_fill=TINT, rules="rows")
    bx, bh = x, 150
    by = max(56, y - 24 - bh)
    p.box(bx, by, p.w - 2 * x, bh, 1.6, colour=WINE)
    p.box(bx, by + bh - 22, p.w - 2 * x, 22, 0, colour=WINE, fill=WINE)
    p.text(bx + 10, by + bh - 15, "RECORD OF COMPLETION \u2014 completed by the instructor, in ink",
           "LiberationSans-Bold", 9.5, colour=white)

    def field(fx, fy, w, label, value, size=15):
        p.text(fx, fy - 13, label, "LiberationSans", 7.5, colour=GREY)
        p.hline(fx, fx + w, fy - 3, 0.5)
        _hand(p, fx + 4, fy, value, _fit(p, value, "LiberationSerif-Italic", size, w - 8, 9))

    fw = p.w - 2 * x - 20
    field(bx + 10, by + bh - 46, fw * 0.62, "Participant's name", c.person.name)
    field(bx + 20 + fw * 0.64, by + bh - 46, fw * 0.36 - 10, "ACE certification no.", c.person.certificant_id)
    field(bx + 10, by + bh - 86, fw * 0.3, "Date course completed", us(d))
    field(bx + 20 + fw * 0.32, by + bh - 86, fw * 0.18, "CECs awarded", cec(c.ceus))
    p.text(bx + 30 + fw * 0.52, by + bh - 99, "Instructor's signature", "LiberationSans", 7.5, colour=GREY)
    p.c.setStrokeColor(INK)
    p.signature(bx + 30 + fw * 0.52, by + bh - 89, fw * 0.46)
    p.c.setStrokeColor(black)
    p.text(bx + 10, by + 12, "A syllabus with this box completed and signed serves as the certificate of completion.",
           "LiberationSans-Italic", 8, colour=GREY)
    p.text(p.w - x, 30, "page 1 of 4", "LiberationSans", 8, align="right", colour=GREY)


@layout("form", evidence="name", units="cec")
def draw_cheque_credit_voucher(p, c):
    """A credit voucher set out like a bank cheque: 'awarded to the order of', the CECs in words and figures."""
    rng = c.rng("cheque")
    d = c.completed
    x = 36
    p.text(x, p.h - 60, c.course.provider, "LiberationSans-Bold", 15)
    p.text(x, p.h - 76, "Continuing Education Credit Voucher", "LiberationSans", 11, colour=GREY)
    p.text(p.w - x, p.h - 60, f"Issued {us(c.issued)}", "LiberationSans", 9, align="right")
    cw, ch = p.w - 2 * x, 262
    top = p.h - 110
    by = top - ch
    green = Color(0.91, 0.96, 0.92)
    p.box(x, by, cw, ch, 1.2, colour=LEAF, fill=green)
    cv = p.c
    cv.saveState()
    cv.setStrokeColor(Color(0.80, 0.90, 0.83))
    cv.setLineWidth(0.4)
    for k in range(0, int(ch), 7):
        path = cv.beginPath()
        path.moveTo(x + 2, by + k)
        for i in range(1, 41):
            path.lineTo(x + cw * i / 40, by + k + 2.5 * math.sin(i / 2.0 + k / 11.0))
        cv.drawPath(path, stroke=1, fill=0)
    cv.restoreState()
    p.logo(x + 14, top - 52, initials(c.course.provider) or "CE", 36, "circle")
    p.text(x + 58, top - 28, c.course.provider.upper(), "LiberationSans-Bold", 10)
    p.text(x + 58, top - 41, f"{rng.randint(100, 9999)} {rng.choice(['Market St', 'Summit Ave', 'Harbor Way'])}, "
           f"{rng.choice(['Boulder, CO', 'Austin, TX', 'Eugene, OR'])}", "LiberationSans", 8)
    serial = f"{_num(c, 'cheque', 1000, 9999):04d}"
    p.text(x + cw - 16, top - 26, f"No. {serial}", "LiberationMono-Bold", 11, align="right")
    p.text(x + cw - 220, top - 62, "DATE OF COMPLETION", "LiberationSans", 7.5)
    p.hline(x + cw - 130, x + cw - 16, top - 65, 0.6)
    p.text(x + cw - 124, top - 62, us(d), "LiberationMono-Bold", 12)
    p.text(x + cw - 124, top - 76, "MM/DD/YYYY", "LiberationSans", 6.5, colour=GREY)
    y = top - 112
    p.text(x + 16, y + 8, "AWARDED TO THE", "LiberationSans", 7)
    p.text(x + 16, y - 2, "ORDER OF", "LiberationSans", 7)
    p.hline(x + 76, x + cw - 140, y - 4, 0.6)
    p.text(x + 84, y, c.person.name, "LiberationMono-Bold", _fit(p, c.person.name, "LiberationMono-Bold", 14,
                                                                cw - 240, 9))
    p.box(x + cw - 126, y - 10, 110, 30, 1, fill=white)
    p.text(x + cw - 120, y + 10, "CECs", "LiberationSans", 7)
    p.text(x + cw - 24, y - 4, f"**{cec(c.ceus)}**", "LiberationMono-Bold", 14, align="right")
    y -= 38
    words = f"{_cec_words(c.ceus)} ACE continuing education credits"
    p.text(x + 16, y, words, "LiberationSerif-Italic", 13)
    end = x + 16 + p.width(words, "LiberationSerif-Italic", 13) + 8
    p.hline(end, x + cw - 70, y + 3, 0.6)
    p.text(x + cw - 64, y, "CREDITS", "LiberationSans", 7)
    y -= 48
    p.text(x + 16, y, "MEMO", "LiberationSans", 7)
    p.hline(x + 50, x + cw * 0.55, y - 3, 0.6)
    memo = f"ACE course {course_no(c.course.number, 'plain')} \u2014 {c.course.title}"
    p.text(x + 54, y, memo, "LiberationSans", _fit(p, memo, "LiberationSans", 10, cw * 0.55 - 60, 6.5))
    cv.setStrokeColor(INK)
    p.signature(x + cw * 0.6, y - 3, cw * 0.36)
    cv.setStrokeColor(black)
    p.text(x + cw * 0.6, y - 14, "AUTHORIZED SIGNATURE", "LiberationSans", 6.5)
    routing = f"{rng.randint(10**8, 10**9 - 1)}"
    account = f"{rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
    p.text(x + 40, by + 16, f"C{serial}C  A{routing}A  {account}C", "DejaVuSansMono", 12)
    y = by - 30
    p.wrap(x, y, cw, "This voucher is not negotiable and has no cash value. It records the ACE continuing education "
           "credits the person named earned by completing the course in the memo line, on the date of completion. "
           "Keep it with your renewal records.", "LiberationSans", 9.5, 13)
    p.text(x, 40, f"{c.course.provider} \u00b7 Continuing Education Office \u00b7 {_phone(c)}", "LiberationSans", 8,
           colour=GREY)


@layout("receipt", evidence="email", units="cec")
def draw_packing_slip_certificate(p, c):
    """A packing slip for a printed, framed certificate: order and ship dates, the credit in an item's description."""
    rng = c.rng("packing")
    d = c.completed
    ordered = d - timedelta(days=rng.randint(6, 40))
    shipped = c.issued + timedelta(days=rng.randint(1, 5))
    order = f"{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}"
    x = 44
    p.logo(x, p.h - 80, initials(c.course.provider) or "CE", 36, "square")
    p.text(x + 46, p.h - 56, c.course.provider, "LiberationSans-Bold", 14)
    p.text(x + 46, p.h - 71, f"Fulfilment centre \u00b7 shop.{_slug(c)}.example", "LiberationSans", 9, colour=GREY)
    p.text(p.w - x, p.h - 58, "PACKING SLIP", "LiberationSans-Bold", 20, align="right")
    meta = [("Order no.", order), ("Order date", us(ordered)), ("Ship date", us(shipped)),
            ("Ship via", "USPS First-Class Mail")]
    y = p.h - 84
    for label, value in meta:
        p.text(p.w - x - 200, y, label, "LiberationSans", 9, colour=GREY)
        p.text(p.w - x, y, value, "LiberationSans-Bold", 9, align="right")
        y -= 13
    y = p.h - 160
    p.text(x, y, "SHIP TO", "LiberationSans-Bold", 8.5, colour=GREY)
    street = f"{rng.randint(10, 9999)} {rng.choice(['Aspen Court', 'Willow Lane', 'Granite Road', 'Bay Street'])}"
    town = rng.choice(["Spokane, WA 99201", "Savannah, GA 31401", "Provo, UT 84601", "Akron, OH 44308"])
    for k, s in enumerate((c.person.name, street, town)):
        p.text(x, y - 16 - k * 14, s, "LiberationSans-Bold" if k == 0 else "LiberationSans", 11)
    p.text(x + 280, y, "CUSTOMER", "LiberationSans-Bold", 8.5, colour=GREY)
    p.text(x + 280, y - 16, c.person.email, "LiberationSans", 10.5)
    p.text(x + 280, y - 30, f"Customer no. C{rng.randint(1000000, 9999999)}", "LiberationSans", 10)
    top = y - 80
    widths = [80, 296, 70, 78]
    heads = ["Item", "Description", "Ordered", "Shipped"]
    p.box(x, top - 22, sum(widths), 22, 0, fill=TINT)
    cx = x
    for w, hd in zip(widths, heads):
        p.text(cx + 6, top - 15, hd, "LiberationSans-Bold", 9.5)
        cx += w
    items = [("CERT-PRT", [f"Printed certificate of completion: {c.course.title}",
                           f"ACE course {course_no(c.course.number, 'plain')} \u00b7 {cec(c.ceus)} CECs",
                           f"Course completed {us(d)}"]),
             ("FRM-BLK-11", ["Certificate frame, black, 8.5 x 11 in"]),
             ("ENV-RIG", ["Rigid mailer"])]
    yy = top - 22
    for sku, lines in items:
        rh = 12 + 13 * len(lines)
        p.text(x + 6, yy - 16, sku, "LiberationMono", 9)
        for i, ln in enumerate(lines):
            p.text(x + widths[0] + 6, yy - 16 - i * 13, ln, "LiberationSans-Bold" if i == 0 else "LiberationSans",
                   _fit(p, ln, "LiberationSans", 9.5, widths[1] - 12, 6.5))
        p.text(x + sum(widths[:2]) + 30, yy - 16, "1", "LiberationSans", 9.5)
        p.text(x + sum(widths[:3]) + 30, yy - 16, "1", "LiberationSans", 9.5)
        yy -= rh
        p.hline(x, x + sum(widths), yy, 0.4, GREY)
    p.text(x, yy - 26, "Picked by", "LiberationSans", 9, colour=GREY)
    _hand(p, x + 54, yy - 26, rng.choice(["JT", "MK", "RS", "AL"]), 14, black)
    p.text(x + 120, yy - 26, "Packed by", "LiberationSans", 9, colour=GREY)
    _hand(p, x + 176, yy - 26, rng.choice(["DW", "PB", "CH"]), 14, black)
    p.wrap(x, yy - 60, p.w - 2 * x, "Thank you for your order. Nothing is owed on this shipment: the certificate print "
           "was paid with your course registration. Questions about your credit? Write to us and quote the order "
           "number.", "LiberationSans", 9, 12)
    _barcode(p, p.w - x - 190, 60, 190, 34, c)
    p.text(p.w - x - 95, 48, order, "LiberationMono", 9, align="centre")
    p.text(x, 48, f"Page 1 of 1 \u00b7 printed {us(c.printed)}", "LiberationSans", 8, colour=GREY)


@layout("prose", evidence="id", units="hours")
def draw_pleading_paper_declaration(p, c):
    """A declaration on numbered pleading paper (lines 1-28 down the margin): 'LAST, First', 'the 14th day of June'."""
    rng = c.rng("pleading")
    d = c.completed
    h = hours_of(c)
    staff = _staff(c, 3)
    top, step = p.h - 78, 24.2
    cv = p.c
    cv.setLineWidth(0.6)
    cv.line(70, 0, 70, p.h)
    cv.line(73, 0, 73, p.h)
    cv.line(p.w - 52, 0, p.w - 52, p.h)
    for n in range(1, 29):
        p.text(60, top - (n - 1) * step, str(n), "LiberationSerif", 10.5, align="right")
    x, width = 90, p.w - 52 - 90 - 12
    lines: list[tuple[str, str, str]] = []          # (text, face, align)

    def para(s, face="LiberationSerif"):
        first = _lines(p, s, face, 12, width - 36)[0]
        lines.append((first, face, "indent"))
        rest = s[len(first):].strip()
        if rest:
            lines.extend((w, face, "left") for w in _lines(p, rest, face, 12, width))

    for s in (staff, f"Education Director, {c.course.provider}", f"{rng.randint(100, 9999)} "
              f"{rng.choice(['Larimer Street', 'Pearl Street', 'Colfax Avenue'])}, Denver, CO 80202",
              f"Telephone {_phone(c)}"):
        lines.append((s, "LiberationSerif", "left"))
    lines.append(("", "LiberationSerif", "left"))
    lines.append(("DECLARATION OF COMPLETION OF CONTINUING EDUCATION", "LiberationSerif-Bold", "centre"))
    lines.append(("", "LiberationSerif", "left"))
    para(f"I, {staff}, declare as follows:")
    para(f"1. I am the Education Director of {c.course.provider} and keep its course records. I know the facts "
         "below from those records.")
    para(f"2. Our records show that {last_first(c.person, upper=True)}, ACE certification number "
         f"{c.person.certificant_id}, completed the course {c.course.title}, approved by the American Council on "
         f"Exercise as course {course_no(c.course.number, 'space')}, on the {ordinal(d.day)} day of {d:%B}, {d.year}.")
    para(f"3. The course comprised {h} contact hours of instruction. Ten contact hours are one ACE continuing "
         "education credit.")
    para("4. I declare under penalty of perjury that the foregoing is true and correct. Executed on "
         f"{written(c.issued)}, at Denver, Colorado.")
    for n, (s, face, align) in enumerate(lines[:27]):
        y = top - n * step
        if align == "centre":
            p.text(x + width / 2, y, s, face, 12, align="centre")
        else:
            p.text(x + (36 if align == "indent" else 0), y, s, face, 12)
    y = top - len(lines) * step
    p.signature(p.w - 280, y - 8, 200)
    p.text(p.w - 280, y - 22, staff, "LiberationSerif", 12)
    p.hline(x, p.w - 64, 46, 0.6)
    p.text(x + width / 2, 34, "DECLARATION RE: CONTINUING EDUCATION CREDIT", "LiberationSerif", 9, align="centre")
    p.text(x + width / 2, 22, "- 1 -", "LiberationSerif", 9, align="centre")


@layout("table", evidence="id", units="cec", courses=("safety",))
def draw_cpr_manikin_feedback_report(p, c):
    """A feedback manikin's class report: compression bars, manikin serials, a session time; the course outcome box."""
    rng = c.rng("manikin")
    d = c.completed
    x = 46
    p.box(0, p.h - 70, p.w, 70, 0, fill=NAVY)
    p.text(x, p.h - 38, "CPRmetrics Classroom", "DejaVuSans-Bold", 16, colour=white)
    p.text(x, p.h - 56, f"Skills session report \u00b7 {c.course.provider}", "DejaVuSans", 9.5, colour=LIGHT)
    p.text(p.w - x, p.h - 38, f"Printed {us(c.printed)}", "DejaVuSans", 8.5, align="right", colour=white)
    start = rng.choice([9 * 60 + 5, 10 * 60 + 20, 13 * 60 + 40, 18 * 60 + 10])
    info = [("Participant", last_first(c.person, upper=True)), ("ACE certification no.", c.person.certificant_id),
            ("Course", c.course.title), ("ACE course no.", course_no(c.course.number, "hyphen")),
            ("Class date", weekday(d)), ("Session", f"{_clock(start)} \u2013 {_clock(start + 38)}"),
            ("Manikin", f"Adult torso SN {rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"),
            ("Instructor", _staff(c, 4))]
    y = p.h - 100
    for k, (label, value) in enumerate(info):
        fx = x + (k % 2) * 262
        p.text(fx, y, label, "DejaVuSans", 7.5, colour=GREY)
        p.text(fx, y - 12, value, "DejaVuSans-Bold", _fit(p, value, "DejaVuSans-Bold", 10, 250, 7))
        if k % 2:
            y -= 32
    y -= 8
    p.text(x, y, "Compression and ventilation quality (2-minute test)", "DejaVuSans-Bold", 11)
    metrics = [("Compression depth in target", rng.randint(82, 99)),
               ("Compression rate in target", rng.randint(80, 98)),
               ("Full chest recoil", rng.randint(85, 100)), ("Correct hand position", rng.randint(90, 100)),
               ("Ventilations in target", rng.randint(76, 96))]
    bx, bw = x + 190, p.w - 2 * x - 240
    y -= 24
    for label, v in metrics:
        p.text(x, y, label, "DejaVuSans", 9)
        p.box(bx, y - 3, bw, 12, 0.5, fill=TINT)
        p.box(bx, y - 3, bw * v / 100, 12, 0, colour=SKY, fill=SKY)
        gx = bx + bw * 0.75
        p.c.setLineWidth(1.2)
        p.c.line(gx, y - 6, gx, y + 12)
        p.text(bx + bw + 8, y, f"{v}%", "DejaVuSans-Bold", 9)
        y -= 22
    p.text(bx + bw * 0.75, y + 6, "pass 75%", "DejaVuSans", 7, align="centre", colour=GREY)
    score = sum(v for _, v in metrics) // len(metrics)
    y -= 18
    p.text(x, y, f"Overall QCPR score {score}%  \u00b7  Compression fraction {rng.randint(62, 80)}%  \u00b7  "
           f"Mean rate {rng.randint(104, 118)}/min  \u00b7  Mean depth {rng.randint(50, 59)} mm", "DejaVuSans", 9)
    y -= 30
    rows = [["Time", "Event"], [_clock(start), "Session started"], [_clock(start + 6), "Adult CPR, 2 min: PASS"],
            [_clock(start + 19), "AED drill: shock delivered in 58 s"], [_clock(start + 31), "Infant CPR, 2 min: PASS"],
            [_clock(start + 38), "Session closed"]]
    y = p.table(x, y, [80, 300], rows, row_h=17, face="DejaVuSans", head_face="DejaVuSans-Bold", size=8.5,
                head_fill=TINT, rules="rows")
    by = max(60, y - 124)
    p.box(x, by, p.w - 2 * x, 100, 1.4, colour=NAVY)
    p.text(x + 12, by + 82, "COURSE OUTCOME", "DejaVuSans-Bold", 10, colour=NAVY)
    p.wrap(x + 12, by + 64, p.w - 2 * x - 24, f"Skills test and written test (score {rng.randint(21, 25)}/25) passed. "
           f"Course completed {us(d)}. ACE CECs: {cec(c.ceus)}. Course card issued {us(c.issued)}, valid until "
           f"{us(_years_on(d, 2))}.", "DejaVuSans", 10, 14)
    p.text(x + 12, by + 12, "Manikin data are kept for 90 days; the course card is the participant's record.",
           "DejaVuSans", 7.5, colour=GREY)


@layout("card", evidence="id", units="cec", courses=("safety",))
def draw_kit_bag_hang_tag(p, c):
    """A tag to hang on a first-aid kit bag (eyelet, string, clipped corners): completed and renew-by dates on it."""
    rng = c.rng("tag")
    d = c.completed
    renew = _years_on(d, 2)
    tw, th = 300, 520
    tx, ty = 66, 90
    red = Color(0.78, 0.10, 0.12)
    cut = 48
    pts = [(tx, ty), (tx + tw, ty), (tx + tw, ty + th - cut), (tx + tw - cut, ty + th), (tx + cut, ty + th),
           (tx, ty + th - cut)]
    shadow = [(a + 5, b - 5) for a, b in pts]
    _polygon(p, shadow, fill=Color(0.75, 0.75, 0.75))
    _polygon(p, pts, fill=white, stroke=GREY, width=1)
    cv = p.c
    ex, ey = tx + tw / 2, ty + th - 26
    cv.setLineWidth(3)
    cv.setStrokeColor(Color(0.6, 0.6, 0.62))
    cv.circle(ex, ey, 10, stroke=1, fill=0)
    cv.setLineWidth(1.4)
    cv.setStrokeColor(Color(0.45, 0.35, 0.2))
    path = cv.beginPath()
    path.moveTo(ex, ey + 6)
    path.curveTo(ex + 40, ey + 90, ex + 140, p.h - 40, ex + 210, p.h)
    cv.drawPath(path, stroke=1, fill=0)
    cv.setStrokeColor(black)
    p.box(tx, ty + th - 130, tw, 74, 0, colour=red, fill=red)
    p.box(tx + 22, ty + th - 110, 34, 34, 0, colour=white, fill=white)
    p.box(tx + 34, ty + th - 106, 10, 26, 0, colour=red, fill=red)
    p.box(tx + 26, ty + th - 98, 26, 10, 0, colour=red, fill=red)
    p.text(tx + 70, ty + th - 84, "TRAINED", "LiberationSans-Bold", 24, colour=white)
    p.text(tx + 70, ty + th - 102, "ask me for help", "LiberationSans", 10, colour=white)
    title = c.course.title
    yy = ty + th - 156
    for ln in _lines(p, title, "LiberationSans-Bold", 15, tw - 40)[:2]:
        p.text(tx + 20, yy, ln, "LiberationSans-Bold", 15)
        yy -= 18
    rows = [("NAME", c.person.name), ("ACE CERTIFICATION NO.", c.person.certificant_id),
            ("COURSE COMPLETED", us(d)), ("RENEW BY", us(renew)),
            ("ACE COURSE", course_no(c.course.number, "plain")), ("ACE CECs", cec(c.ceus))]
    yy -= 12
    half = (tw - 40) / 2
    for k, (label, value) in enumerate(rows):
        fx = tx + 20 + (half if k >= 2 and k % 2 else 0)
        width = tw - 40 if k < 2 else half - 8
        p.text(fx, yy, label, "LiberationSans", 7.5, colour=GREY)
        p.text(fx, yy - 16, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 14, width, 8))
        if k < 2 or k % 2:
            yy -= 40
    skills = {"cpr": ("Adult CPR", "Child CPR", "Infant CPR", "Choking"),
              "aed": ("AED use", "Adult CPR", "Pad placement", "Hand-over"),
              "first_aid": ("Bleeding control", "Shock", "Splinting", "Burns")}[c.course.category]
    yy -= 6
    p.text(tx + 20, yy, "SKILLS CHECKED", "LiberationSans", 7.5, colour=GREY)
    for k, s in enumerate(skills):
        sx, sy = tx + 20 + (k % 2) * half, yy - 18 - (k // 2) * 18
        _tick(p, sx, sy - 1, 9, True)
        p.text(sx + 14, sy, s, "LiberationSans", 10)
    p.signature(tx + 20, ty + 44, 150)
    p.text(tx + 20, ty + 32, f"Instructor {_staff(c, 5)}", "LiberationSans", 8)
    p.text(tx + tw - 16, ty + 14, f"Tag {rng.randint(10000, 99999)}", "LiberationMono", 8, align="right", colour=GREY)
    rx = tx + tw + 40
    p.text(rx, p.h - 90, c.course.provider, "LiberationSans-Bold", 13, colour=red)
    p.text(rx, p.h - 106, "Responder tag", "LiberationSans", 10, colour=GREY)
    p.wrap(rx, p.h - 140, p.w - rx - 40, "Punch out the tag and fasten it to your first-aid kit or gym bag so members "
           "can see that you are trained. The tag is also your record of the course for your certifying body: it "
           "gives the date you completed the course and the date to renew by.", "LiberationSans", 9.5, 13)
    p.wrap(rx, p.h - 290, p.w - rx - 40, f"Tag printed {us(c.issued)}. Replacement tags are $4.", "LiberationSans", 8.5,
           12)


# ---------------------------------------------------------------- screens and printouts

@layout("lms", evidence="email", units="cec")
def draw_calendar_invite_printout(p, c):
    """A calendar invitation printed from a mail client, updated by the organiser after the class to confirm it."""
    rng = c.rng("invite")
    d = c.completed
    registered = d - timedelta(days=rng.randint(8, 45))
    organiser = _staff(c, 0)
    helper = _staff(c, 3)
    dom = f"{_slug(c)}.example"
    mail = lambda n: f"{n.split()[0].lower()}.{n.split()[-1].lower()}@{dom}"  # noqa: E731
    start = rng.choice([8 * 60 + 30, 9 * 60, 9 * 60 + 30, 13 * 60])
    length = min(8, max(2, int(c.ceus * 10))) * 60 + (30 if c.ceus >= 0.5 else 0)
    day = f"{d:%a} {us_short(d)}"
    x = 54
    p.text(x, p.h - 50, c.person.name, "LiberationSans-Bold", 15)
    p.hline(x, p.w - x, p.h - 60, 2.2)
    rows = [("Subject:", f"{c.course.title} \u2014 in-person class"),
            ("Location:", f"{c.course.provider}, Studio {rng.randint(1, 4)}, "
                          f"{rng.randint(100, 9999)} {rng.choice(['Main St', 'Front St', 'Park Ave'])}"),
            ("", ""),
            ("Start:", f"{day} {_clock(start)}"), ("End:", f"{day} {_clock(start + length)}"),
            ("Show Time As:", "Busy"), ("", ""), ("Recurrence:", "(none)"), ("", ""),
            ("Meeting Status:", "Accepted"), ("", ""),
            ("Organizer:", f"{organiser} <{mail(organiser)}>"),
            ("Required Attendees:", f"{c.person.name} <{c.person.email}>; {helper} <{mail(helper)}>")]
    y = p.h - 84
    for label, value in rows:
        if label:
            p.text(x, y, label, "LiberationSans-Bold", 10)
            parts = value.split("; ") if p.width(value, "LiberationSans", 10) > p.w - 2 * x - 128 else [value]
            for i, part in enumerate(parts):
                part += ";" if i < len(parts) - 1 else ""
                p.text(x + 128, y, part, "LiberationSans", _fit(p, part, "LiberationSans", 10, p.w - 2 * x - 128, 7))
                y -= 13 if i < len(parts) - 1 else 0
        y -= 15 if label else 7
    p.hline(x, p.w - x, y + 4, 0.8)
    y -= 18
    body = [f"Hello, and thank you for registering for {c.course.title} (ACE course "
            f"{course_no(c.course.number, 'space')}, {cec(c.ceus)} CECs). Please arrive ten minutes early, bring water "
            "and wear clothes you can move in. Parking is free behind the building.",
            f"This invitation was sent with your registration on {us(registered)}. Reply 'Decline' if you can no "
            "longer attend and we will offer your place to the waiting list."]
    for para in body:
        y = p.wrap(x, y, p.w - 2 * x, para, "LiberationSans", 10.5, 14) - 8
    y -= 6
    p.text(x, y, f"\u2014\u2014 Updated by {organiser} on {us(c.issued)} \u2014\u2014", "LiberationSans-Bold", 10.5,
           colour=TEAL)
    y -= 18
    y = p.wrap(x, y, p.w - 2 * x, f"Attendance confirmed. {c.person.name} ({c.person.email}) attended the whole class "
               f"and completed {c.course.title} on {written(d)}. The course earns {cec(c.ceus)} ACE continuing "
               "education credits; keep this updated invitation as your record of completion until your certificate "
               "arrives.", "LiberationSans", 10.5, 14)
    y -= 14
    p.text(x, y, "Reminder: 1 day before", "LiberationSans", 9, colour=GREY)
    p.text(p.w / 2, 30, "1", "LiberationSans", 9, align="centre")


@layout("lms", evidence="id+email", units="cec")
def draw_course_player_completion_dialog(p, c):
    """An online course player printed with its 'Course complete!' dialog open over the dimmed page behind it."""
    rng = c.rng("player")
    d = c.completed
    at = datetime.combine(d, time(rng.randint(7, 21), rng.randint(0, 59)))
    enrolled = d - timedelta(days=rng.randint(5, 60))
    cv = p.c
    p.box(0, p.h - 50, p.w, 50, 0, colour=SLATE, fill=SLATE)
    p.text(20, p.h - 31, f"{c.course.provider.split()[0]} Academy", "LiberationSans-Bold", 13, colour=white)
    p.text(200, p.h - 31, c.course.title, "LiberationSans", _fit(p, c.course.title, "LiberationSans", 10.5, 260, 7),
           colour=white)
    p.box(p.w - 150, p.h - 32, 100, 8, 0, colour=white, fill=white)
    p.box(p.w - 150, p.h - 32, 100, 8, 0, colour=AMBER, fill=AMBER)
    p.text(p.w - 44, p.h - 33, "100%", "LiberationSans-Bold", 9, colour=white)
    p.box(0, 0, 170, p.h - 50, 0, colour=PALE, fill=PALE)
    mods = ["Introduction", "Key principles", "Assessment", "Programme design", "Coaching practice", "Case studies",
            "Final quiz"]
    y = p.h - 80
    p.text(16, y, "COURSE CONTENTS", "LiberationSans-Bold", 8.5, colour=GREY)
    for k, m in enumerate(mods, 1):
        y -= 30
        p.c.setFillColor(LEAF)
        p.c.circle(24, y + 3, 6, stroke=0, fill=1)
        p.text(24, y + 0.5, "\u2713", "DejaVuSans-Bold", 7, align="centre", colour=white)
        p.text(36, y, f"{k}. {m}", "LiberationSans", 9.5)
        p.text(36, y - 11, f"{rng.randint(8, 40)} min \u00b7 completed", "LiberationSans", 7.5, colour=GREY)
    p.text(16, 60, f"Enrolled {us(enrolled)}", "LiberationSans", 8, colour=GREY)
    p.text(16, 48, "Last accessed today", "LiberationSans", 8, colour=GREY)
    p.text(200, p.h - 90, f"7. {mods[-1]}", "LiberationSans-Bold", 18)
    for k in range(14):
        p.box(200, p.h - 130 - k * 18, p.w - 240 - (k * 37) % 90, 7, 0, colour=LIGHT, fill=LIGHT)
    p.box(200, 120, p.w - 240, 200, 0, colour=Color(0.8, 0.8, 0.8), fill=Color(0.8, 0.8, 0.8))
    cv.saveState()
    cv.setFillColor(black)
    cv.setFillAlpha(0.42)
    cv.rect(0, 0, p.w, p.h, stroke=0, fill=1)
    cv.restoreState()
    mw, mh = 420, 372
    mx, my = (p.w - mw) / 2, (p.h - mh) / 2 + 10
    _round_box(p, mx, my, mw, mh, 10, 0, colour=white, fill=white)
    p.text(mx + mw - 22, my + mh - 26, "\u00d7", "LiberationSans", 16, colour=GREY)
    p.c.setFillColor(AMBER)
    _star(p, mx + mw / 2, my + mh - 44, 20, AMBER)
    p.text(mx + mw / 2, my + mh - 90, "Course complete!", "LiberationSans-Bold", 22, align="centre")
    p.text(mx + mw / 2, my + mh - 110, f"Well done, {c.person.first}. Your certificate is ready.", "LiberationSans",
           10.5, align="centre", colour=GREY)
    rows = [("Learner", c.person.name), ("Email", c.person.email), ("ACE certification no.", c.person.certificant_id),
            ("Course", c.course.title), ("ACE course no.", course_no(c.course.number, "plain")),
            ("Completed", f"{abbrev(d)}, {_clock(at.hour * 60 + at.minute)} (Mountain)"), ("CECs earned", cec(c.ceus))]
    y = my + mh - 140
    for label, value in rows:
        p.text(mx + 30, y, label, "LiberationSans", 9.5, colour=GREY)
        p.text(mx + 160, y, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 10.5, mw - 190, 7))
        y -= 21
    _round_box(p, mx + 30, my + 20, 200, 32, 6, 0, colour=SKY, fill=SKY)
    p.text(mx + 130, my + 32, "Download certificate (PDF)", "LiberationSans-Bold", 10, align="centre", colour=white)
    _round_box(p, mx + 250, my + 20, 140, 32, 6, 0.8, colour=GREY, fill=white)
    p.text(mx + 320, my + 32, "Back to course", "LiberationSans", 10, align="centre")


@layout("lms", evidence="id", units="cec")
def draw_pdf_viewer_window(p, c):
    """A screenshot of a PDF viewer showing the certificate: title bar, toolbar at 64%, thumbnails, a status bar."""
    rng = c.rng("viewer")
    d = c.completed
    fname = f"Certificate_{c.person.last}_{c.person.first}.pdf".replace(" ", "_")
    x0, y0, ww, wh = 20, 60, p.w - 40, p.h - 110
    p.box(x0, y0, ww, wh, 1, colour=GREY, fill=Color(0.90, 0.90, 0.91))
    p.box(x0, y0 + wh - 26, ww, 26, 0, colour=SLATE, fill=SLATE)
    p.text(x0 + ww / 2, y0 + wh - 17, f"{fname} \u2014 Document Viewer", "LiberationSans", 9.5, align="centre",
           colour=white)
    for k, col in enumerate((Color(0.9, 0.3, 0.3), Color(0.9, 0.7, 0.2), Color(0.3, 0.7, 0.3))):
        p.c.setFillColor(col)
        p.c.circle(x0 + 14 + k * 14, y0 + wh - 13, 4.5, stroke=0, fill=1)
    p.box(x0, y0 + wh - 58, ww, 32, 0, colour=PALE, fill=PALE)
    for k in range(6):
        p.box(x0 + 10 + k * 28, y0 + wh - 50, 18, 16, 0.5, colour=GREY, fill=white)
    p.box(x0 + 190, y0 + wh - 50, 60, 16, 0.5, colour=GREY, fill=white)
    p.text(x0 + 196, y0 + wh - 45, "1 / 1", "LiberationSans", 8.5)
    p.box(x0 + 260, y0 + wh - 50, 50, 16, 0.5, colour=GREY, fill=white)
    p.text(x0 + 266, y0 + wh - 45, "64%", "LiberationSans", 8.5)
    p.box(x0 + ww - 150, y0 + wh - 50, 140, 16, 0.5, colour=GREY, fill=white)
    p.text(x0 + ww - 144, y0 + wh - 45, "Find", "LiberationSans", 8.5, colour=GREY)
    rail = 84
    p.box(x0, y0 + 20, rail, wh - 78, 0, colour=Color(0.84, 0.84, 0.86), fill=Color(0.84, 0.84, 0.86))
    p.text(x0 + 8, y0 + wh - 74, "Thumbnails", "LiberationSans-Bold", 7.5)
    p.box(x0 + 12, y0 + wh - 140, rail - 24, (rail - 24) * 612 / 792, 1.5, colour=SKY, fill=white)
    for k in range(5):
        p.hline(x0 + 20, x0 + rail - 20 - (k % 2) * 10, y0 + wh - 96 - k * 7, 1, LIGHT)
    p.text(x0 + rail / 2, y0 + wh - 152, "1", "LiberationSans", 7.5, align="centre")
    p.box(x0, y0, ww, 20, 0, colour=PALE, fill=PALE)
    p.text(x0 + 8, y0 + 6, f"{fname} \u00b7 1 page \u00b7 {rng.randint(80, 400)} KB \u00b7 saved {us(c.printed)}",
           "LiberationSans", 7.5, colour=GREY)
    sw, sh = 792, 612
    area = ww - rail - 24
    scale = area / sw
    cx, cy = x0 + rail + 12, y0 + 20 + (wh - 78 - sh * scale) / 2
    cv = p.c
    p.box(cx + 3, cy - 3, sw * scale, sh * scale, 0, colour=GREY, fill=GREY)
    cv.saveState()
    cv.translate(cx, cy)
    cv.scale(scale, scale)
    q = _sub(p, sw, sh)
    q.box(0, 0, sw, sh, 0, colour=white, fill=white)
    q.box(26, 26, sw - 52, sh - 52, 3, colour=TEAL)
    q.text(56, sh - 70, c.course.provider.upper(), "LiberationSans-Bold", 18, colour=TEAL)
    q.centre(sh - 140, "Certificate of Completion", "LiberationSerif-Bold", 44)
    q.centre(sh - 190, "awarded to", "LiberationSerif-Italic", 20)
    q.centre(sh - 240, c.person.name, "LiberationSerif-Bold", _fit(q, c.person.name, "LiberationSerif-Bold", 42,
                                                                   sw - 160))
    q.centre(sh - 272, f"ACE Certification No. {c.person.certificant_id}", "LiberationSans", 19)
    q.centre(sh - 318, c.course.title, "LiberationSerif-Bold", _fit(q, c.course.title, "LiberationSerif-Bold", 30,
                                                                    sw - 140))
    q.centre(sh - 366, f"ACE Course {course_no(c.course.number, 'plain')}   \u00b7   {cec(c.ceus)} CECs",
             "LiberationSans", 21)
    q.centre(sh - 398, f"Completion Date: {abbrev(d)}", "LiberationSans-Bold", 21)
    q.signature(80, 96, 200)
    q.text(80, 78, f"{_staff(c, 1)}, Director", "LiberationSans", 14)
    q.seal(sw - 130, 110, 52, ("VERIFIED",), colour=TEAL)
    cv.restoreState()
    shot = f"{rng.randint(1, 11)}.{rng.randint(10, 59)}.{rng.randint(10, 59)} PM"
    p.text(20, 34, f"Screenshot {c.printed:%Y-%m-%d} at {shot}.png", "LiberationSans", 8, colour=GREY)


@layout("lms", evidence="email", units="cec")
def draw_team_chat_bot_post(p, c):
    """A team chat channel printed: a reminder, a bot's completion card, congratulations to a nickname, day dividers."""
    rng = c.rng("chat")
    d = c.completed
    before = d - timedelta(days=rng.randint(1, 4))
    posted = c.issued
    coach = _staff(c, 2)
    manager = _staff(c, 4)
    hello = _nick(c) or c.person.first
    p.box(0, 0, 150, p.h, 0, colour=Color(0.22, 0.12, 0.27), fill=Color(0.22, 0.12, 0.27))
    p.text(16, p.h - 34, f"{c.course.provider.split()[0]} Team", "LiberationSans-Bold", 12, colour=white)
    y = p.h - 70
    for ch in ("# general", "# ce-credits", "# schedules", "# front-desk", "# random"):
        if ch == "# ce-credits":
            p.box(8, y - 5, 134, 18, 0, colour=Color(0.07, 0.39, 0.64), fill=Color(0.07, 0.39, 0.64))
        p.text(18, y, ch, "LiberationSans", 10, colour=white)
        y -= 22
    x = 170
    p.text(x, p.h - 34, "# ce-credits", "LiberationSans-Bold", 13)
    p.text(x, p.h - 50, "Course completions and CE reminders", "LiberationSans", 9, colour=GREY)
    p.hline(150, p.w, p.h - 60, 0.6, LIGHT)
    y = p.h - 84

    def divider(day):
        nonlocal y
        p.hline(x, p.w - 24, y + 3, 0.5, LIGHT)
        label = f"{day:%A}, {day:%B} {ordinal(day.day)}"
        wd = p.width(label, "LiberationSans-Bold", 8.5) + 20
        _round_box(p, (x + p.w - 24) / 2 - wd / 2, y - 5, wd, 16, 8, 0.5, colour=LIGHT, fill=white)
        p.text((x + p.w - 24) / 2, y, label, "LiberationSans-Bold", 8.5, align="centre")
        y -= 30

    def message(who, when, lines, face="LiberationSans", app=False):
        nonlocal y
        p.box(x, y - 24, 30, 30, 0, colour=GREY if not app else SKY, fill=GREY if not app else SKY)
        p.text(x + 15, y - 14, "".join(w[0] for w in who.split()[:2]).upper(), "LiberationSans-Bold", 10,
               align="centre", colour=white)
        end = p.text(x + 40, y, who, "LiberationSans-Bold", 10.5)
        if app:
            p.box(end + 5, y - 2, 24, 11, 0, colour=LIGHT, fill=LIGHT)
            p.text(end + 8, y, "APP", "LiberationSans-Bold", 7)
            end += 30
        p.text(end + 8, y, when, "LiberationSans", 8.5, colour=GREY)
        y -= 15
        for ln in lines:
            p.text(x + 40, y, ln, face, 10)
            y -= 13
        y -= 14

    divider(before)
    message(coach, f"{rng.randint(8, 11)}:{rng.randint(10, 59)} AM",
            _lines(p, f"Reminder for everyone booked on {c.course.title}: we start at 9 sharp on {d:%A}. Bring a "
                      "mat and water.", "LiberationSans", 10, p.w - x - 64))
    divider(posted)
    message("CE Bot", f"{rng.randint(9, 11)}:{rng.randint(10, 59)} AM", ["Course completion recorded"],
            "LiberationSans-Bold", app=True)
    fields = [("Learner", c.person.name), ("Email", c.person.email), ("Course", c.course.title),
              ("ACE course", course_no(c.course.number, "plain")), ("Completed", abbrev(d)),
              ("CECs", cec(c.ceus))]
    top = y + 8
    for k, (label, value) in enumerate(fields):
        fx = x + 52 + (k % 2) * 190
        fy = top - (k // 2) * 32
        p.text(fx, fy, label, "LiberationSans-Bold", 9)
        p.text(fx, fy - 13, value, "LiberationSans", _fit(p, value, "LiberationSans", 10, 180, 7))
    bottom = top - 3 * 32 + 8
    p.box(x + 40, bottom, 4, top - bottom + 12, 0, colour=LEAF, fill=LEAF)
    y = bottom - 26
    message(manager, f"{rng.randint(11, 12)}:{rng.randint(10, 59)} AM", [f"Congrats {hello}, great work! "
                                                                        "Certificate is in your inbox."])
    message(f"{hello} {c.person.last[0]}.", f"{rng.randint(1, 4)}:{rng.randint(10, 59)} PM",
            ["Thank you! Sending it to ACE today."])
    _round_box(p, x, 30, p.w - x - 24, 34, 6, 0.8, colour=GREY, fill=white)
    p.text(x + 12, 43, "Message #ce-credits", "LiberationSans", 10, colour=GREY)


@layout("modern", evidence="email", units="cec")
def draw_slide_notes_page(p, c):
    """A presentation's notes page printed: the certificate slide above, the presenter's notes (other dates) below."""
    rng = c.rng("notes")
    d = c.completed
    n = rng.randint(28, 46)
    nxt = d + timedelta(days=rng.randint(21, 70))
    x = 54
    p.text(x, p.h - 36, f"{c.course.title} \u2014 closing", "LiberationSans", 8.5, colour=GREY)
    p.text(p.w - x, p.h - 36, us_short(c.printed), "LiberationSans", 8.5, align="right", colour=GREY)
    sw, sh = p.w - 2 * x, (p.w - 2 * x) * 9 / 16
    sy = p.h - 60 - sh
    p.box(x, sy, sw, sh, 1, colour=GREY, fill=white)
    p.box(x, sy + sh - 36, sw, 36, 0, colour=WINE, fill=WINE)
    p.text(x + 18, sy + sh - 24, c.course.provider, "LiberationSans-Bold", 12, colour=white)
    p.text(x + sw - 18, sy + sh - 24, "Certificate of Completion", "LiberationSans", 11, align="right", colour=white)
    p.text(x + sw / 2, sy + sh - 78, c.person.name, "LiberationSans-Bold", _fit(p, c.person.name, "LiberationSans-Bold",
                                                                               28, sw - 60), align="centre")
    p.text(x + sw / 2, sy + sh - 98, c.person.email, "LiberationSans", 11, align="centre", colour=GREY)
    p.text(x + sw / 2, sy + sh - 128, "has completed", "LiberationSans", 11, align="centre")
    p.text(x + sw / 2, sy + sh - 152, c.course.title, "LiberationSans-Bold",
           _fit(p, c.course.title, "LiberationSans-Bold", 17, sw - 60, 9), align="centre")
    cells = [("ACE COURSE", course_no(c.course.number, "hyphen")), ("CECs", cec(c.ceus)),
             ("COMPLETED", written(d))]
    cw = (sw - 60) / 3
    for k, (cap, val) in enumerate(cells):
        cx = x + 30 + k * cw + cw / 2
        p.text(cx, sy + 52, cap, "LiberationSans-Bold", 8, align="centre", colour=WINE)
        p.text(cx, sy + 34, val, "LiberationSans", _fit(p, val, "LiberationSans", 13, cw - 10, 8), align="centre")
    p.text(x + sw - 10, sy + 8, str(n), "LiberationSans", 8, align="right", colour=GREY)
    y = sy - 40
    notes = [f"Thank everyone; the certificate on this slide is generated for each attendee and emailed on "
             f"{us(c.issued)}.",
             f"The recording stays available until {written(c.expires)} \u2014 remind people it does not carry "
             "extra CECs.",
             f"Next cohort starts {written(nxt)}; early-bird pricing ends two weeks before.",
             "Ask for the evaluation: it takes two minutes and we read every one.",
             "Questions to the education team by email; no phone calls on Fridays."]
    for s in notes:
        lines = _lines(p, s, "LiberationSans", 11, p.w - 2 * x - 20)
        p.text(x, y, "\u2022", "LiberationSans", 11)
        for ln in lines:
            p.text(x + 16, y, ln, "LiberationSans", 11)
            y -= 15
        y -= 6
    p.text(p.w / 2, 30, str(n), "LiberationSans", 9, align="centre")


# ---------------------------------------------------------------- letters and mailings

@layout("prose", evidence="id", units="hours")
def draw_self_mailer_upside_down_panel(p, c):
    """A folded self-mailer opened flat: the record upright on two panels, the address panel printed upside down."""
    rng = c.rng("mailer")
    d = c.completed
    h = hours_of(c)
    third = p.h / 3
    for k in (1, 2):
        _dashed(p, 0, third * k, p.w, third * k, GREY, 0.6, (6, 4))
        p.text(8, third * k + 3, "fold", "LiberationSans", 6.5, colour=GREY)
    x = 60
    p.text(x, p.h - 58, c.course.provider, "LiberationSerif-Bold", 17, colour=NAVY)
    p.text(x, p.h - 74, "Record of Continuing Education", "LiberationSerif-Italic", 12, colour=GREY)
    p.text(p.w - x, p.h - 58, f"Mailed {abbrev(c.printed)}", "LiberationSans", 9, align="right", colour=GREY)
    p.text(x, p.h - 112, f"Dear {c.person.first},", "LiberationSerif", 12)
    y = p.wrap(x, p.h - 134, p.w - 2 * x, f"Thank you for learning with us. Our records show that you completed "
               f"{c.course.title} on {written(d)}. The course is approved by the American Council on Exercise as "
               f"course {course_no(c.course.number, 'hyphen')}; you earned {h} contact hours, which is "
               f"{cec(c.ceus)} ACE CECs (ten contact hours are one CEC).", "LiberationSerif", 12, 16)
    y = p.wrap(x, y - 8, p.w - 2 * x, "Please report the course with your next renewal and keep this mailer with "
               "your records: it is your certificate of completion.", "LiberationSerif", 12, 16)
    bx, by, bw, bh = x, third + 84, p.w - 2 * x, 136
    p.box(bx, by, bw, bh, 1.2, colour=NAVY)
    p.box(bx, by + bh - 22, bw, 22, 0, colour=NAVY, fill=NAVY)
    p.text(bx + 10, by + bh - 15, "YOUR RECORD", "LiberationSans-Bold", 9.5, colour=white)
    half = bw / 2
    cells = [(0, 0, "Participant", c.person.name, half - 124), (1, 0, "ACE certification no.", c.person.certificant_id,
                                                                half - 124),
             (0, 1, "Course", c.course.title, bw - 140), (0, 2, "ACE course no.", course_no(c.course.number, "hyphen"),
                                                          half - 124),
             (1, 2, "Date completed", us(d), half - 124), (0, 3, "Contact hours", str(h), half - 124)]
    for col, row, label, value, width in cells:
        fx, fy = bx + 12 + col * half, by + bh - 44 - row * 24
        p.text(fx, fy, label, "LiberationSans", 8, colour=GREY)
        p.text(fx + 110, fy, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 10.5, width, 7))
    p.signature(p.w - x - 170, third + 36, 170)
    p.text(p.w - x - 170, third + 22, f"{_staff(c, 2)}, Registrar", "LiberationSans", 9)
    # The address panel, upside down (it reads upright once folded).
    cv = p.c
    cv.saveState()
    cv.translate(p.w, third)
    cv.rotate(180)
    q = _sub(p, p.w, third)
    q.text(40, q.h - 40, c.course.provider, "LiberationSans-Bold", 10)
    q.text(40, q.h - 53, f"{rng.randint(100, 9999)} {rng.choice(['Canyon Blvd', 'Alder St', 'Shoreline Dr'])}",
           "LiberationSans", 9)
    q.text(40, q.h - 65, rng.choice(["Boulder, CO 80302", "Olympia, WA 98501", "Santa Cruz, CA 95060"]),
           "LiberationSans", 9)
    q.box(q.w - 150, q.h - 80, 110, 56, 0.8)
    for k, s in enumerate(("PRESORTED", "FIRST-CLASS MAIL", "U.S. POSTAGE PAID", f"PERMIT NO. {rng.randint(10, 999)}")):
        q.text(q.w - 95, q.h - 36 - k * 11, s, "LiberationSans-Bold", 7, align="centre")
    ax, ay = 250, q.h - 130
    _imb(q, ax, ay, c)
    street = f"{rng.randint(10, 9999)} {rng.choice(['Maple Ave', 'Hillcrest Rd', 'Lakeshore Dr', 'Elm Ct'])}"
    town = rng.choice(["TOPEKA KS 66603-3412", "BANGOR ME 04401-5521", "BOISE ID 83702-6107"])
    for k, s in enumerate((upper_name(c.person), street.upper(), town)):
        q.text(ax, ay - 16 - k * 14, s, "LiberationSans", 11)
    q.text(40, 30, "Return service requested", "LiberationSans", 7.5, colour=GREY)
    cv.restoreState()


@layout("prose", evidence="id", units="cec")
def draw_member_newsletter_personal_box(p, c):
    """A member newsletter's front page: articles, upcoming courses with dates, a personal 'Your CE record' box."""
    rng = c.rng("newsletter")
    d = c.completed
    pr = c.printed
    x = 40
    p.text(x, p.h - 64, f"The {c.course.provider.split()[0]} Bulletin", "LiberationSerif-Bold", 30)
    p.hline(x, p.w - x, p.h - 76, 2.5)
    p.text(x, p.h - 90, f"Member news \u00b7 Vol. {rng.randint(6, 19)}, No. {rng.randint(1, 12)} \u00b7 "
           f"{pr:%B %Y}", "LiberationSans", 9.5)
    p.text(p.w - x, p.h - 90, c.course.provider, "LiberationSans", 9.5, align="right")
    p.hline(x, p.w - x, p.h - 97, 0.6)
    colw = (p.w - 2 * x - 20) / 2
    lx, rx = x, x + colw + 20
    y = p.h - 126
    p.text(lx, y, "A busy season on the studio floor", "LiberationSerif-Bold", 15)
    story = ("Our trainers taught more small-group sessions this quarter than in any quarter before, and the new "
             "morning timetable has been a hit with members who train before work. Thank you to everyone who filled "
             "in the survey: the two most requested changes, longer warm-ups and more mobility work, start next "
             "month. We have also added a second accessible changing room and new racks in studio two.")
    y = p.wrap(lx, y - 18, colw, story, "LiberationSerif", 10.5, 14) - 12
    p.text(lx, y, "Upcoming courses", "LiberationSerif-Bold", 15)
    y -= 20
    others = [t for n, t, v in _provider_courses(c) if n != c.course.number][:4] or ["Open Studio Workshop"]
    when = pr + timedelta(days=rng.randint(10, 20))
    for t in others:
        p.text(lx, y, t, "LiberationSans-Bold", _fit(p, t, "LiberationSans-Bold", 10, colw, 7))
        p.text(lx, y - 13, f"{weekday(when)} \u00b7 9:00 AM", "LiberationSans", 9.5, colour=GREY)
        y -= 32
        when += timedelta(days=rng.randint(7, 21))
    p.wrap(lx, y - 4, colw, "Members save 15% on every course. Book at the front desk or online.",
           "LiberationSerif-Italic", 10, 13)
    bh = 236
    by = p.h - 112 - bh
    p.box(rx, by, colw, bh, 2, colour=TEAL)
    p.box(rx, by + bh - 28, colw, 28, 0, colour=TEAL, fill=TEAL)
    p.text(rx + 12, by + bh - 19, "YOUR CE RECORD", "LiberationSans-Bold", 11, colour=white)
    yy = by + bh - 48
    p.text(rx + 12, yy, f"Prepared for {c.person.name}", "LiberationSans-Bold",
           _fit(p, f"Prepared for {c.person.name}", "LiberationSans-Bold", 11, colw - 24, 8))
    p.text(rx + 12, yy - 15, f"ACE certification no. {c.person.certificant_id}", "LiberationSans", 10)
    p.hline(rx + 12, rx + colw - 12, yy - 24, 0.5, LIGHT)
    p.text(rx + 12, yy - 42, "Most recent course completed", "LiberationSans", 9, colour=GREY)
    ty = yy - 58
    for ln in _lines(p, c.course.title, "LiberationSans-Bold", 12, colw - 24)[:2]:
        p.text(rx + 12, ty, ln, "LiberationSans-Bold", 12)
        ty -= 15
    facts = [("ACE course", course_no(c.course.number, "space")), ("CECs", cec(c.ceus)), ("Completed", abbrev(d)),
             ("Posted to your record", us(c.issued))]
    for label, value in facts:
        ty -= 4
        p.text(rx + 12, ty, label, "LiberationSans", 9.5, colour=GREY)
        p.text(rx + colw - 12, ty, value, "LiberationSans-Bold", 10.5, align="right")
        ty -= 16
    p.text(rx + 12, by + 10, "Keep this page: it is your statement of credit.", "LiberationSans-Italic", 8,
           colour=GREY)
    y = by - 28
    p.text(rx, y, "Staff news", "LiberationSerif-Bold", 15)
    p.wrap(rx, y - 18, colw, f"Please welcome {_staff(c, 1)}, who joins the education team as course coordinator, and "
           f"congratulations to {_staff(c, 4)} on ten years of teaching with us.", "LiberationSerif", 10.5, 14)
    ty = min(y - 110, by - 140)
    p.text(x, ty, "Studio timetable", "LiberationSerif-Bold", 15)
    classes = ["Strength circuit", "Mobility flow", "Small-group PT", "Aqua fitness", "Spin 45", "Core and balance",
               "Open gym"]
    rows = [["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]]
    for k, hour in enumerate(("6:30 AM", "9:30 AM", "12:15 PM", "5:45 PM", "7:00 PM")):
        rows.append([hour] + [classes[(c.seed + k * 3 + j) % len(classes)] for j in range(6)])
    tw = p.w - 2 * x
    p.table(x, ty - 10, [60] + [(tw - 60) / 6] * 6, rows, row_h=18,
            face="LiberationSans", head_face="LiberationSans-Bold", size=8, head_fill=TINT, rules="rows")
    p.hline(x, p.w - x, 54, 0.6)
    p.text(x, 40, f"{c.course.provider} \u00b7 {_phone(c)} \u00b7 members@{_slug(c)}.example", "LiberationSans", 8,
           colour=GREY)
    p.text(p.w - x, 40, "1", "LiberationSans", 8, align="right", colour=GREY)


@layout("prose", evidence="id", units="cec")
def draw_weather_postponed_class(p, c):
    """A letter about a class postponed by the weather: the original date, the date it was held and completed."""
    rng = c.rng("weather")
    d = c.completed
    planned = d - timedelta(days=7)
    reason = rng.choice(["a snowstorm closed the roads", "the building lost power in the storm",
                         "a flood warning closed the venue", "ice made the car park unsafe"])
    x = 72
    p.text(x, p.h - 70, c.course.provider, "LiberationSans-Bold", 16, colour=SKY)
    p.text(x, p.h - 86, f"Course Office \u00b7 {_phone(c)}", "LiberationSans", 9, colour=GREY)
    p.text(p.w - x, p.h - 130, written(c.issued), "LiberationSerif", 12, align="right")
    p.text(x, p.h - 130, c.person.name, "LiberationSerif", 12)
    p.text(x, p.h - 145, f"ACE certification no. {c.person.certificant_id}", "LiberationSerif", 12)
    p.runs(x, p.h - 180, [("Re: ", "LiberationSerif-Bold"), (f"{c.course.title} \u2014 postponed class and your "
                                                            "certificate", "LiberationSerif")], 12)
    p.text(x, p.h - 208, f"Dear {c.person.first},", "LiberationSerif", 12)
    paras = [f"As you know, the class planned for {weekday(planned)} could not go ahead because {reason}. We are "
             "grateful for your patience, and to everyone who moved their plans to join us a week later.",
             f"The class was held on {weekday(d)}. You attended the whole day and so completed the course on that "
             "date; your completion is recorded with that date, not the date first planned.",
             "The details for your renewal are below. Please keep this letter as your certificate."]
    y = p.h - 232
    for para in paras:
        y = p.wrap(x, y, p.w - 2 * x, para, "LiberationSerif", 12, 17) - 8
    rows = [["", "Date"], ["Originally planned (cancelled)", us(planned)], ["Held and completed", us(d)]]
    y = p.table(x, y - 4, [250, 130], rows, row_h=22, face="LiberationSans", head_face="LiberationSans-Bold", size=10,
                head_fill=TINT)
    p.hline(x + 6, x + 6 + p.width("Originally planned (cancelled)", "LiberationSans", 10), y + 22 + 10.5, 0.8)
    y -= 26
    for label, value in (("ACE course number", course_no(c.course.number, "plain")), ("ACE CECs", cec(c.ceus))):
        p.text(x, y, label, "LiberationSans", 10.5)
        p.text(x + 180, y, value, "LiberationSans-Bold", 10.5)
        y -= 17
    p.text(x, y - 14, "With best wishes,", "LiberationSerif", 12)
    p.signature(x, y - 60, 150)
    p.text(x, y - 74, _staff(c, 5), "LiberationSerif", 12)
    p.text(x, y - 88, "Course Coordinator", "LiberationSerif-Italic", 10.5)


# ---------------------------------------------------------------- other languages

@layout("award", evidence="id", units="hours", extra={"birth": True})
def draw_italian_attestato(p, c):
    """A4 Italian 'attestato di partecipazione': 'in data 14/06/2025', 'nato/a il' day-first, 'durata di 8 ore'."""
    p.size_to(595.28, 841.89)
    d = c.completed
    h = hours_of(c)
    x = 70
    green, red = Color(0.0, 0.47, 0.27), Color(0.78, 0.14, 0.18)
    for k, col in enumerate((green, white, red)):
        p.box(k * p.w / 3, p.h - 12, p.w / 3, 12, 0, colour=col, fill=col)
    p.text(x, p.h - 60, f"{c.course.provider} \u00b7 Sede di Milano", "LiberationSans-Bold", 13)
    p.text(x, p.h - 76, "Formazione continua per professionisti del fitness", "LiberationSans-Italic", 10, colour=GREY)
    p.centre(p.h - 160, "ATTESTATO", "LiberationSerif-Bold", 38)
    p.centre(p.h - 186, "di partecipazione", "LiberationSerif-Italic", 17)
    p.centre(p.h - 236, "Si attesta che", "LiberationSerif", 13)
    p.centre(p.h - 272, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 28,
                                                                    p.w - 2 * x))
    p.centre(p.h - 294, f"nato/a il {_it(c.person.birth)}  \u00b7  codice di certificazione ACE n. "
             f"{c.person.certificant_id}", "LiberationSans", 10.5)
    body = (f"ha frequentato con profitto il corso \u00ab{c.course.title}\u00bb, riconosciuto dall'American Council on "
            f"Exercise con il numero {course_no(c.course.number, 'plain')}, in data {_it(d)}, per una durata "
            f"complessiva di {h} ore di formazione.")
    p.wrap(x, p.h - 334, p.w - 2 * x, body, "LiberationSerif", 13.5, 20, align="centre")
    p.text(x, 250, f"Milano, {_it(c.issued)}", "LiberationSerif", 12)
    p.signature(x, 196, 160)
    p.text(x, 182, f"{_staff(c, 2)}, direttore didattico", "LiberationSans", 9)
    p.seal(p.w - x - 60, 214, 44, ("ACE", "RICONOSCIUTO"), colour=green)
    p.box(x, 96, p.w - 2 * x, 46, 0.8, colour=GREY, fill=PALE)
    p.text(x + 10, 126, f"ENGLISH \u00b7 Certificate of attendance \u00b7 ACE course "
           f"{course_no(c.course.number, 'plain')} \u00b7 {h} contact hours ({cec(c.ceus)} CEC)", "LiberationSans", 8.5)
    p.text(x + 10, 110, "Date nel formato giorno/mese/anno (gg/mm/aaaa). Dates are day/month/year.",
           "LiberationSans-Italic", 8.5, colour=GREY)
    street = f"Via {c.rng('via').choice(['Torino', 'Dante', 'Manzoni'])} {c.rng('civ').randint(1, 120)}"
    p.text(x, 50, f"P. IVA {_num(c, 'iva', 10**10, 10**11 - 1)} \u00b7 {street}, 20121 Milano", "LiberationSans", 7.5,
           colour=GREY)


@layout("award", evidence="name", units="hours")
def draw_swedish_intyg_iso(p, c):
    """A4 landscape Swedish 'Intyg' with ISO dates ('den 2025-06-14'), 'omfattning 8 timmar', an English line."""
    p.size_to(841.89, 595.28)
    d = c.completed
    h = hours_of(c)
    blue, yellow = Color(0.0, 0.32, 0.58), Color(0.99, 0.80, 0.0)
    p.box(0, 0, 70, p.h, 0, colour=blue, fill=blue)
    p.box(30, 0, 12, p.h, 0, colour=yellow, fill=yellow)
    x = 120
    p.text(x, p.h - 70, f"{c.course.provider} Norden", "LiberationSans-Bold", 15, colour=blue)
    p.text(p.w - 60, p.h - 70, f"Intyg nr {_num(c, 'intyg', 1000, 9999)}/{c.issued.year}", "LiberationSans", 10,
           align="right")
    p.text(x, p.h - 150, "INTYG", "LiberationSans-Bold", 50)
    p.text(x, p.h - 200, "H\u00e4rmed intygas att", "LiberationSerif-Italic", 15)
    p.text(x, p.h - 240, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 32,
                                                                     p.w - x - 60))
    line = (f"den {iso(d)} har genomg\u00e5tt kursen \u201d{c.course.title}\u201d (ACE-kurs "
            f"{course_no(c.course.number, 'plain')}), omfattning {h} timmar.")
    y = p.wrap(x, p.h - 282, p.w - x - 80, line, "LiberationSerif", 16, 22)
    p.text(x, y - 8, f"In English: completed the course on {iso(d)} (year-month-day); {h} contact hours, "
           f"{cec(c.ceus)} ACE CEC.", "LiberationSans", 10, colour=GREY)
    p.text(x, 150, f"G\u00f6teborg {iso(c.issued)}", "LiberationSerif", 13)
    p.signature(x, 96, 170)
    p.text(x, 82, f"{_staff(c, 1)}, utbildningsansvarig", "LiberationSans", 9.5)
    p.seal(p.w - 130, 120, 46, ("GODK\u00c4ND", "ACE"), colour=blue)


@layout("event", evidence="id", units="hours", courses=("event",))
def draw_spanish_constancia_event(p, c):
    """A Spanish 'constancia de asistencia' for an event: 'del 13 al 15 de junio de 2025', horas, an English line."""
    d = c.completed
    h = hours_of(c)
    x = 66
    p.box(24, 24, p.w - 48, p.h - 48, 1.5, colour=WINE)
    p.box(30, 30, p.w - 60, p.h - 60, 0.5, colour=WINE)
    p.text(x, p.h - 78, c.course.provider, "LiberationSans-Bold", 14, colour=WINE)
    p.text(x, p.h - 94, "Oficina para Latinoam\u00e9rica \u00b7 Ciudad de M\u00e9xico", "LiberationSans", 9.5,
           colour=GREY)
    p.centre(p.h - 170, "CONSTANCIA", "LiberationSerif-Bold", 36)
    p.centre(p.h - 196, "de asistencia", "LiberationSerif-Italic", 17)
    p.centre(p.h - 250, "Se hace constar que", "LiberationSerif", 13)
    p.centre(p.h - 288, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 28,
                                                                    p.w - 2 * x))
    p.centre(p.h - 310, f"n\u00famero de certificaci\u00f3n ACE {c.person.certificant_id}", "LiberationSans", 11)
    body = (f"asisti\u00f3 al evento \u00ab{c.course.title}\u00bb (evento ACE {course_no(c.course.number, 'space')}), "
            f"celebrado {_es_range(c.start, d)}, acumulando {h} horas de formaci\u00f3n continua.")
    y = p.wrap(x, p.h - 350, p.w - 2 * x, body, "LiberationSerif", 14, 20, align="centre")
    p.centre(y - 12, f"Se extiende la presente en Ciudad de M\u00e9xico, a {_es_date(c.issued)}.",
             "LiberationSerif-Italic", 12)
    p.signature(x + 20, 170, 170)
    p.text(x + 20, 156, f"{_staff(c, 0)}, coordinaci\u00f3n acad\u00e9mica", "LiberationSans", 9)
    p.seal(p.w - x - 70, 180, 44, ("EVENTO", "ACE"), colour=WINE)
    p.hline(x, p.w - x, 108, 0.5, GREY)
    p.text(x, 92, f"English: certificate of attendance, {date_range(c.start, d)} \u2014 {h} contact hours "
           f"({cec(c.ceus)} CEC) earned by this attendee.", "LiberationSans", 9, colour=GREY)


@layout("card", evidence="id", units="cec", courses=("safety",))
def draw_canadian_bilingual_first_aid(p, c):
    """Landscape Canadian first aid certificate, English/French labels, ISO dates with their format, a 3-year expiry."""
    p.landscape()
    rng = c.rng("canada")
    d = c.completed
    red = Color(0.80, 0.09, 0.13)
    p.box(0, p.h - 96, p.w, 96, 0, colour=red, fill=red)
    p.text(40, p.h - 48, c.course.provider, "LiberationSans-Bold", 18, colour=white)
    p.text(40, p.h - 70, "Formation en s\u00e9curit\u00e9 \u00b7 Ottawa, Ontario", "LiberationSans", 11, colour=white)
    p.text(p.w - 40, p.h - 48, "CERTIFICATE \u00b7 CERTIFICAT", "LiberationSans-Bold", 15, align="right", colour=white)
    leaf = [(0, 30), (6, 18), (14, 22), (11, 8), (22, 14), (18, 0), (8, -2), (9, -16), (1, -10), (0, -20),
            (-1, -10), (-9, -16), (-8, -2), (-18, 0), (-22, 14), (-11, 8), (-14, 22), (-6, 18)]
    _polygon(p, [(p.w - 70 + a, p.h - 150 + b) for a, b in leaf], fill=red)
    p.text(40, p.h - 140, c.course.title, "LiberationSans-Bold", _fit(p, c.course.title, "LiberationSans-Bold", 24,
                                                                       p.w - 160, 12))
    p.text(40, p.h - 162, "Course successfully completed \u00b7 Cours r\u00e9ussi", "LiberationSans", 12, colour=GREY)
    cells = [("Name / Nom", last_first(c.person)),
             ("ACE certification no. / No de certification ACE", c.person.certificant_id),
             ("Date completed / Date de r\u00e9ussite (YYYY-MM-DD / AAAA-MM-JJ)", iso(d)),
             ("Expiry / Expiration (YYYY-MM-DD / AAAA-MM-JJ)", iso(_years_on(d, 3))),
             ("ACE course / Cours ACE", course_no(c.course.number, "hyphen")),
             ("CECs / UEC", f"{cec(c.ceus)} / {cec(c.ceus).replace('.', ',')}")]
    cw = (p.w - 80) / 2
    y = p.h - 200
    for k, (cap, val) in enumerate(cells):
        bx = 40 + (k % 2) * cw
        p.box(bx + 2, y - 46, cw - 8, 52, 0.6, colour=GREY)
        p.text(bx + 10, y - 8, cap, "LiberationSans", 8, colour=GREY)
        p.text(bx + 10, y - 32, val, "LiberationSans-Bold", _fit(p, val, "LiberationSans-Bold", 16, cw - 30, 9))
        if k % 2:
            y -= 62
    p.text(40, y - 12, f"Certificate no. / No de certificat: FA{rng.randint(1000000, 9999999)}-{rng.randint(10, 99)}"
           f"   \u00b7   Issued / D\u00e9livr\u00e9 : {iso(c.issued)}", "LiberationSans", 9.5)
    p.signature(40, 60, 170)
    p.text(40, 46, f"{_staff(c, 3)}, Instructor / Moniteur", "LiberationSans", 9)
    p.text(p.w - 40, 46, "Valid 3 years from the date completed / Valide 3 ans \u00e0 compter de la date de "
           "r\u00e9ussite", "LiberationSans", 8.5, align="right", colour=GREY)


@layout("award", evidence="id", units="cec", courses=("safety",))
def draw_australian_statement_of_attainment(p, c):
    """A4 Australian 'Statement of Attainment': unit codes (HLTAID009), an RTO number, day-first dates, an ACE box."""
    p.size_to(595.28, 841.89)
    rng = c.rng("aussie")
    d = c.completed
    units = {"cpr": [("HLTAID009", "Provide cardiopulmonary resuscitation")],
             "aed": [("HLTAID009", "Provide cardiopulmonary resuscitation"),
                     ("HLTAID010", "Provide basic emergency life support")],
             "first_aid": [("HLTAID010", "Provide basic emergency life support"),
                           ("HLTAID011", "Provide First Aid")]}[c.course.category]
    rto = rng.randint(10000, 45999)
    x = 56
    gold = Color(0.85, 0.62, 0.10)
    p.box(0, p.h - 110, p.w, 110, 0, colour=NAVY, fill=NAVY)
    p.box(0, p.h - 116, p.w, 6, 0, colour=gold, fill=gold)
    p.text(x, p.h - 54, f"{c.course.provider} Australia", "LiberationSans-Bold", 17, colour=white)
    p.text(x, p.h - 74, f"Registered Training Organisation {rto}", "LiberationSans", 10.5, colour=white)
    p.text(p.w - x, p.h - 54, "NATIONALLY", "LiberationSans-Bold", 9, align="right", colour=gold)
    p.text(p.w - x, p.h - 66, "RECOGNISED", "LiberationSans-Bold", 9, align="right", colour=gold)
    p.text(p.w - x, p.h - 78, "TRAINING", "LiberationSans-Bold", 9, align="right", colour=gold)
    p.text(x, p.h - 176, "Statement of Attainment", "LiberationSerif-Bold", 30)
    p.text(x, p.h - 216, "This is a statement that", "LiberationSerif-Italic", 13)
    p.text(x, p.h - 250, f"{c.person.first} {c.person.last.upper()}", "LiberationSerif-Bold",
           _fit(p, f"{c.person.first} {c.person.last.upper()}", "LiberationSerif-Bold", 26, p.w - 2 * x))
    usi = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(10))
    p.text(x, p.h - 270, f"USI {usi}", "LiberationSans", 10, colour=GREY)
    p.text(x, p.h - 300, "has attained the following unit(s) of competency:", "LiberationSerif", 13)
    rows = [["Code", "Unit of competency", "Date attained"]] + [[code, t, _au(d)] for code, t in units]
    y = p.table(x, p.h - 316, [90, 280, p.w - 2 * x - 370], rows, row_h=24, face="LiberationSans",
                head_face="LiberationSans-Bold", size=10, head_fill=TINT)
    p.text(x, y - 18, "These units are delivered as the course named below. Dates are shown day/month/year.",
           "LiberationSans-Italic", 9, colour=GREY)
    by = y - 120
    p.box(x, by, p.w - 2 * x, 84, 1.2, colour=gold)
    p.text(x + 12, by + 66, "FOR ACE CONTINUING EDUCATION REPORTING", "LiberationSans-Bold", 9.5)
    info = [("Course", c.course.title), ("ACE course no.", course_no(c.course.number, "plain")),
            ("ACE certification no.", c.person.certificant_id), ("Course completed (dd/mm/yyyy)", _au(d)),
            ("ACE CECs", cec(c.ceus))]
    yy = by + 48
    for k, (label, value) in enumerate(info):
        fx = x + 12 + (k % 2) * 250 if k else x + 12
        p.text(fx, yy, label, "LiberationSans", 8.5, colour=GREY)
        p.text(fx + (100 if k != 3 else 150), yy, value, "LiberationSans-Bold", 10)
        if k == 0 or k % 2 == 0:
            yy -= 18
    p.text(x, 160, f"Statement no. SOA-{d.year}-{rng.randint(10000, 99999)}", "LiberationSans", 10)
    p.text(x, 144, f"Date of issue {_au(c.issued)}", "LiberationSans", 10)
    p.signature(p.w - x - 180, 150, 170)
    p.text(p.w - x - 180, 136, f"{_staff(c, 4)}, CEO", "LiberationSans", 9)
    p.text(x, 60, "A Statement of Attainment is issued when a person has completed one or more units of competency "
           "from a nationally recognised qualification.", "LiberationSans", 7.5, colour=GREY)
    p.text(x, 48, f"RTO {rto} \u00b7 ABN {rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)} "
           f"{rng.randint(100, 999)}", "LiberationSans", 7.5, colour=GREY)


# ---------------------------------------------------------------- awards

@layout("award", evidence="id", units="cec")
def draw_qr_code_lookalike_number(p, c):
    """Portrait certificate with a QR block whose verification code is shaped like a course number (it is not one)."""
    d = c.completed
    code = _lookalike(c)
    p.box(0, 0, 26, p.h, 0, colour=TEAL, fill=TEAL)
    p.box(26, 0, 6, p.h, 0, colour=AMBER, fill=AMBER)
    x = 76
    p.text(x, p.h - 72, c.course.provider, "LiberationSans-Bold", 14, colour=TEAL)
    p.text(x, p.h - 150, "CERTIFICATE", "LiberationSans-Bold", 40)
    p.text(x, p.h - 176, "OF COMPLETION", "LiberationSans", 18, colour=GREY)
    p.text(x, p.h - 236, "This certificate is presented to", "LiberationSans", 12, colour=GREY)
    p.text(x, p.h - 270, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 30,
                                                                     p.w - x - 60))
    p.text(x, p.h - 290, f"ACE certification number {c.person.certificant_id}", "LiberationSans", 11)
    p.text(x, p.h - 330, "for completing the course", "LiberationSans", 12, colour=GREY)
    y = p.h - 358
    for ln in _lines(p, c.course.title, "LiberationSerif-Bold", 21, p.w - x - 60)[:2]:
        p.text(x, y, ln, "LiberationSerif-Bold", 21)
        y -= 25
    y -= 18
    cells = [("ACE COURSE NUMBER", course_no(c.course.number, "plain")), ("CECs", cec(c.ceus)),
             ("DATE OF COMPLETION", written(d))]
    cx = x
    for cap, val in cells:
        p.text(cx, y, cap, "LiberationSans-Bold", 8, colour=TEAL)
        p.text(cx, y - 20, val, "LiberationSans", 15)
        cx += max(130, p.width(val, "LiberationSans", 15) + 36)
    p.signature(x, 150, 170)
    p.text(x, 136, f"{_staff(c, 0)}, Director of Education", "LiberationSans", 9)
    p.text(x, 122, f"Issued {us(c.issued)}", "LiberationSans", 9, colour=GREY)
    qx, qs = p.w - 60 - 92, 92
    _qr(p, qx, 150, qs, c, 25)
    p.text(qx + qs / 2, 134, "Verification code", "LiberationSans", 8, align="centre", colour=GREY)
    p.text(qx + qs / 2, 118, code, "LiberationMono-Bold", 13, align="centre")
    p.text(qx + qs / 2, 104, f"verify.{_slug(c)}.example", "LiberationSans", 7.5, align="centre", colour=GREY)
    p.text(x, 54, "Scan the code or enter the verification code online to confirm this certificate. The verification "
           "code is not a course number.", "LiberationSans", 7.5, colour=GREY)


@layout("award", evidence="name", units="cec")
def draw_latin_diploma(p, c):
    """Landscape diploma in Latin ('Datum die 14 mensis Iunii anno Domini 2025'), an English panel beneath."""
    p.landscape()
    d = c.completed
    p.ornate_border(22, 16, WINE)
    p.centre(p.h - 78, c.course.provider.upper(), "LiberationSerif-Bold", 13, colour=WINE)
    p.centre(p.h - 126, "DIPLOMA", "LiberationSerif-Bold", 42)
    p.centre(p.h - 152, "Omnibus has litteras lecturis salutem", "LiberationSerif-Italic", 14)
    p.centre(p.h - 186, "Notum sit quod", "LiberationSerif", 13)
    p.centre(p.h - 222, c.person.name, "LiberationSerif-BoldItalic",
             _fit(p, c.person.name, "LiberationSerif-BoldItalic", 32, p.w - 200))
    p.centre(p.h - 252, "cursum studiorum qui inscribitur", "LiberationSerif", 13)
    p.centre(p.h - 280, f"\u00ab{c.course.title}\u00bb", "LiberationSerif-Bold",
             _fit(p, c.course.title, "LiberationSerif-Bold", 20, p.w - 220))
    p.centre(p.h - 306, "feliciter absolvit.", "LiberationSerif", 13)
    p.centre(p.h - 336, f"Datum die {d.day} mensis {_LATIN_MONTHS[d.month - 1]} anno Domini {d.year}",
             "LiberationSerif-Italic", 14)
    p.signature(90, 150, 150)
    p.text(90, 136, f"{_staff(c, 3)}, Praeses", "LiberationSerif", 10)
    p.signature(p.w - 240, 150, 150)
    p.text(p.w - 240, 136, f"{_staff(c, 5)}, Scriba", "LiberationSerif", 10)
    p.seal(p.w / 2, 152, 40, ("SIGILLUM",), colour=WINE)
    p.box(80, 54, p.w - 160, 50, 0.6, colour=GREY, fill=PALE)
    p.text(p.w / 2, 86, f"In English: {c.person.name} completed {c.course.title} on {written(d)}.", "LiberationSans",
           _fit(p, f"In English: {c.person.name} completed {c.course.title} on {written(d)}.", "LiberationSans", 9.5,
                p.w - 190, 7), align="centre")
    p.text(p.w / 2, 70, f"ACE course {course_no(c.course.number, 'space')}  \u00b7  {cec(c.ceus)} ACE continuing "
           f"education credits  \u00b7  diploma issued {us(c.issued)}", "LiberationSans", 9.5, align="centre")


@layout("award", evidence="id", units="cec")
def draw_roman_numeral_date(p, c):
    """Classical award: the completion date set large in Roman numerals (day, month, year); the plain date below."""
    d = c.completed
    founded = 1990 + c.seed % 15
    x = 90
    stone = Color(0.55, 0.52, 0.48)
    for px in (34, p.w - 64):
        p.box(px, 70, 30, p.h - 160, 0.8, colour=stone, fill=Color(0.95, 0.94, 0.92))
        for k in range(1, 5):
            p.c.setStrokeColor(stone)
            p.c.line(px + k * 6, 76, px + k * 6, p.h - 96)
        p.box(px - 6, p.h - 96, 42, 12, 0.8, colour=stone, fill=Color(0.9, 0.89, 0.86))
        p.box(px - 6, 58, 42, 12, 0.8, colour=stone, fill=Color(0.9, 0.89, 0.86))
    p.c.setStrokeColor(black)
    p.centre(p.h - 70, c.course.provider.upper(), "LiberationSerif-Bold", 14)
    p.centre(p.h - 86, f"ANNO {_roman(founded)} CONDITA", "LiberationSerif", 9, colour=GREY)
    p.centre(p.h - 150, "Certificate of Completion", "LiberationSerif-Bold", 32)
    p.centre(p.h - 194, "awarded to", "LiberationSerif-Italic", 13)
    p.centre(p.h - 230, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 28,
                                                                    p.w - 2 * x))
    p.centre(p.h - 250, f"ACE certification no. {c.person.certificant_id}", "LiberationSans", 10.5)
    p.centre(p.h - 284, "who completed the course", "LiberationSerif-Italic", 13)
    for i, ln in enumerate(_lines(p, c.course.title, "LiberationSerif-Bold", 20, p.w - 2 * x - 20)[:2]):
        p.centre(p.h - 312 - i * 24, ln, "LiberationSerif-Bold", 20)
    p.centre(p.h - 356 - 12, f"ACE course {course_no(c.course.number, 'plain')}  \u00b7  {cec(c.ceus)} CECs",
             "LiberationSerif", 13)
    roman = f"{_roman(d.day)} \u00b7 {_roman(d.month)} \u00b7 {_roman(d.year)}"
    p.hline(x + 40, p.w - x - 40, p.h - 396, 0.6, stone)
    p.centre(p.h - 436, roman, "LiberationSerif", _fit(p, roman, "LiberationSerif", 30, p.w - 2 * x - 40, 16))
    p.centre(p.h - 454, "DIES \u00b7 MENSIS \u00b7 ANNUS   (day \u00b7 month \u00b7 year of completion)",
             "LiberationSans", 8, colour=GREY)
    p.hline(x + 40, p.w - x - 40, p.h - 468, 0.6, stone)
    p.signature(x + 10, 150, 150)
    p.text(x + 10, 136, f"{_staff(c, 1)}, Rector", "LiberationSans", 9)
    p.seal(p.w - x - 60, 162, 38, ("SEAL",), colour=stone)
    p.box(x, 84, p.w - 2 * x, 26, 0.5, colour=GREY, fill=PALE)
    p.centre(93, f"Date of completion {us(d)}  \u00b7  issued {us(c.issued)}", "LiberationSans", 9)


@layout("award", evidence="email", units="cec")
def draw_tiled_security_background(p, c):
    """Portrait award on security paper tiled with small print ('ORIGINAL', the provider), a void-if-copied note."""
    rng = c.rng("security")
    d = c.completed
    p.c.drawImage(ImageReader(_security_paper(f"ORIGINAL \u00b7 {c.course.provider.upper()} \u00b7 ", p.w, p.h)), 0, 0,
                  p.w, p.h)
    p.box(40, 40, p.w - 80, p.h - 80, 2, colour=NAVY)
    p.centre(p.h - 98, c.course.provider, "LiberationSerif-Bold", 17, colour=NAVY)
    p.centre(p.h - 160, "Certificate of Achievement", "LiberationSerif-BoldItalic", 32)
    p.centre(p.h - 206, "This document certifies that", "LiberationSerif", 13)
    p.centre(p.h - 244, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 28, 440))
    p.centre(p.h - 264, c.person.email, "LiberationSans", 11)
    p.centre(p.h - 302, "has completed", "LiberationSerif", 13)
    for i, ln in enumerate(_lines(p, c.course.title, "LiberationSerif-Bold", 20, 440)[:2]):
        p.centre(p.h - 330 - i * 24, ln, "LiberationSerif-Bold", 20)
    rows = [("Course completed", written(d)), ("ACE course number", course_no(c.course.number, "space")),
            ("ACE CECs", cec(c.ceus)), ("Certificate valid for renewal through", written(c.expires))]
    y = p.h - 400
    for label, value in rows:
        p.text(p.w / 2 - 10, y, label, "LiberationSans", 11, align="right")
        p.text(p.w / 2 + 10, y, value, "LiberationSans-Bold", 11.5)
        y -= 20
    p.signature(80, 150, 160)
    p.text(80, 136, f"{_staff(c, 2)}, Registrar", "LiberationSans", 9)
    p.text(p.w - 80, 136, f"Serial {rng.randint(100, 999)}-{rng.randint(10000, 99999)}", "LiberationMono", 9,
           align="right")
    p.centre(64, "VOID IF COPIED \u2014 the word ORIGINAL fades on a photocopy", "LiberationSans-Bold", 7.5,
             colour=GREY)


@layout("award", evidence="name", units="cec")
def draw_engraved_plaque(p, c):
    """A photograph of an engraved brass plate on a wooden plaque, four screws; the presentation date in a caption."""
    p.landscape()
    d = c.completed
    px, py, pw, ph = 120, 90, p.w - 240, p.h - 160
    _round_box(p, px + 6, py - 6, pw, ph, 18, 0, colour=Color(0.6, 0.6, 0.6), fill=Color(0.6, 0.6, 0.6))
    _round_box(p, px, py, pw, ph, 18, 0, colour=WOOD, fill=WOOD)
    _round_box(p, px + 10, py + 10, pw - 20, ph - 20, 12, 1.2, colour=Color(0.5, 0.33, 0.18))
    bx, by, bw, bh = px + 40, py + 40, pw - 80, ph - 80
    p.box(bx, by, bw, bh, 1.5, colour=Color(0.62, 0.50, 0.25), fill=BRASS)
    p.box(bx + 8, by + 8, bw - 16, bh - 16, 0.6, colour=Color(0.55, 0.42, 0.2))
    for sx, sy in ((bx + 18, by + 18), (bx + bw - 18, by + 18), (bx + 18, by + bh - 18), (bx + bw - 18, by + bh - 18)):
        p.c.setFillColor(Color(0.7, 0.62, 0.42))
        p.c.circle(sx, sy, 5, stroke=1, fill=1)
        p.c.line(sx - 3.5, sy, sx + 3.5, sy)
    engraved = Color(0.12, 0.10, 0.06)
    cx = bx + bw / 2
    p.text(cx, by + bh - 50, c.course.provider.upper(), "LiberationSerif-Bold", 13, align="centre", colour=engraved)
    p.text(cx, by + bh - 80, "IN RECOGNITION OF", "LiberationSerif", 11, align="centre", colour=engraved)
    name = c.person.name.upper()
    p.text(cx, by + bh - 118, name, "LiberationSerif-Bold", _fit(p, name, "LiberationSerif-Bold", 28, bw - 60),
           align="centre", colour=engraved)
    p.text(cx, by + bh - 146, "for completing", "LiberationSerif-Italic", 12, align="centre", colour=engraved)
    p.text(cx, by + bh - 172, c.course.title.upper(), "LiberationSerif-Bold",
           _fit(p, c.course.title.upper(), "LiberationSerif-Bold", 17, bw - 60, 9), align="centre", colour=engraved)
    line = f"ACE COURSE {course_no(c.course.number, 'plain')}  \u00b7  {cec(c.ceus)} CECs"
    p.text(cx, by + bh - 204, line, "LiberationSerif", 13, align="centre", colour=engraved)
    p.text(cx, by + bh - 226, f"COMPLETED {written(d).upper()}", "LiberationSerif", 13, align="centre",
           colour=engraved)
    p.text(120, 52, f"Plaque presented at the {c.course.provider} awards evening, {written(c.issued)}.",
           "LiberationSans-Italic", 10, colour=GREY)
    p.text(p.w - 120, 52, f"IMG_{_num(c, 'img', 1000, 9999)}.JPG", "LiberationSans", 8, align="right", colour=GREY)


@layout("table", evidence="id", units="cec")
def draw_yearbook_class_page(p, c):
    """A class yearbook page: nine portraits with names, the holder's marked in highlighter; 'Printed for' below."""
    rng = c.rng("yearbook")
    d = c.completed
    names = rng.sample(_CLASSMATES, 8)
    mine = rng.randrange(9)
    names.insert(mine, c.person.name)
    x = 56
    p.text(x, p.h - 58, c.course.provider, "LiberationSerif-Bold", 15)
    p.text(p.w - x, p.h - 58, f"Class of {d:%B %Y}", "LiberationSerif-Italic", 14, align="right")
    p.hline(x, p.w - x, p.h - 68, 1.2)
    p.text(x, p.h - 92, c.course.title, "LiberationSans-Bold", _fit(p, c.course.title, "LiberationSans-Bold", 16,
                                                                     p.w - 2 * x))
    p.text(x, p.h - 110, f"ACE course {course_no(c.course.number, 'plain')}  \u00b7  {cec(c.ceus)} CECs for each "
           f"graduate  \u00b7  course completed by the whole class on {written(d)}", "LiberationSans", 9.5)
    cw = (p.w - 2 * x) / 3
    top = p.h - 134
    shades = [Color(0.42, 0.42, 0.45), Color(0.55, 0.5, 0.45), Color(0.35, 0.33, 0.32)]
    for k, name in enumerate(names):
        col, row = k % 3, k // 3
        fx = x + col * cw + 20
        fy = top - (row + 1) * 176 + 44
        fw, fh = cw - 40, 120
        if k == mine:
            p.box(fx - 4, fy - 32, fw + 8, 20, 0, colour=MARKER, fill=MARKER)
        _people_shape(p, fx, fy, fw, fh, shades[(k + c.seed) % 3])
        p.text(fx + fw / 2, fy - 26, name, "LiberationSans-Bold", _fit(p, name, "LiberationSans-Bold", 10.5, fw, 7),
               align="centre")
        if k == mine:
            _ring(p, fx + fw / 2, fy + fh / 2, fw / 2 + 12, fh / 2 + 16)
    p.box(x, 40, p.w - 2 * x, 32, 0.8, fill=PALE)
    p.text(x + 10, 52, f"Printed for: {c.person.name}  \u00b7  ACE certification no. {c.person.certificant_id}  "
           f"\u00b7  yearbook page {rng.randint(12, 40)}", "LiberationSans-Bold", 9.5)


@layout("modern", evidence="id", units="cec")
def draw_art_deco_dotted_dates(p, c):
    """Art-deco award: a sunburst, stepped frame, capitals throughout, dates as '06 · 14 · 2025' under a caption."""
    d = c.completed
    gold = Color(0.72, 0.56, 0.22)
    p.box(0, 0, p.w, p.h, 0, colour=Color(0.99, 0.98, 0.95), fill=Color(0.99, 0.98, 0.95))
    for k, inset in enumerate((26, 34, 40)):
        p.box(inset, inset, p.w - 2 * inset, p.h - 2 * inset, 2 if k == 0 else 0.7, colour=black if k != 1 else gold)
    cv = p.c
    cx, cy = p.w / 2, p.h - 52
    cv.setStrokeColor(gold)
    cv.setLineWidth(0.9)
    for k in range(15):
        a = math.pi * (1.1 + k * 0.8 / 14)
        cv.line(cx + 30 * math.cos(a), cy + 30 * math.sin(a), cx + 150 * math.cos(a), cy + 150 * math.sin(a))
    cv.setStrokeColor(black)
    _polygon(p, [(cx - 30, cy), (cx + 30, cy), (cx, cy - 30)], fill=black)
    p.centre(p.h - 220, c.course.provider.upper(), "DejaVuSansCondensed-Bold", 13, colour=gold)
    p.centre(p.h - 268, "CERTIFICATE OF COMPLETION", "DejaVuSansCondensed-Bold", 28)
    p.hline(120, p.w - 120, p.h - 284, 1.5, gold)
    p.centre(p.h - 320, "THIS CERTIFIES THAT", "DejaVuSansCondensed", 11, colour=GREY)
    name = upper_name(c.person)
    p.centre(p.h - 356, name, "DejaVuSansCondensed-Bold", _fit(p, name, "DejaVuSansCondensed-Bold", 26, p.w - 160))
    p.centre(p.h - 376, f"ACE NO. {c.person.certificant_id}", "DejaVuSansCondensed", 11)
    p.centre(p.h - 410, "HAS COMPLETED", "DejaVuSansCondensed", 11, colour=GREY)
    t = c.course.title.upper()
    p.centre(p.h - 436, t, "DejaVuSansCondensed-Bold", _fit(p, t, "DejaVuSansCondensed-Bold", 17, p.w - 160, 9))
    cells = [("ACE COURSE", course_no(c.course.number, "space")), ("CECS", cec(c.ceus)), ("COMPLETED", _dots(d))]
    cw = 150
    x0 = p.w / 2 - 1.5 * cw
    for k, (cap, val) in enumerate(cells):
        bx = x0 + k * cw
        p.box(bx + 6, p.h - 530, cw - 12, 56, 1, colour=gold)
        p.text(bx + cw / 2, p.h - 492, cap, "DejaVuSansCondensed-Bold", 8.5, align="centre", colour=gold)
        p.text(bx + cw / 2, p.h - 516, val, "DejaVuSansCondensed-Bold", 14, align="centre")
    p.centre(p.h - 548, "DATES ARE MONTH \u00b7 DAY \u00b7 YEAR", "DejaVuSansCondensed", 7.5, colour=GREY)
    p.signature(90, 110, 150)
    p.text(90, 96, _staff(c, 4).upper(), "DejaVuSansCondensed", 8)
    p.text(p.w - 90, 96, f"ISSUED {_dots(c.issued)}", "DejaVuSansCondensed", 9, align="right")


# ---------------------------------------------------------------- events

@layout("event", evidence="id", units="cec", courses=("event",))
def draw_programme_cover_ce_sticker(p, c):
    """A conference programme's cover, the owner's name written on it, a printed CE sticker with the CECs earned."""
    rng = c.rng("programme")
    d = c.completed
    p.box(0, 0, p.w, p.h, 0, colour=Color(0.95, 0.97, 0.99), fill=Color(0.95, 0.97, 0.99))
    p.box(0, p.h - 300, p.w, 300, 0, colour=NAVY, fill=NAVY)
    for k in range(7):
        p.c.setStrokeColor(Color(0.2, 0.35, 0.6))
        p.c.setLineWidth(10)
        p.c.circle(p.w - 60, p.h - 60, 40 + k * 26, stroke=1, fill=0)
    p.c.setStrokeColor(black)
    x = 56
    p.text(x, p.h - 70, c.course.provider.upper(), "LiberationSans-Bold", 12, colour=AMBER)
    y = p.h - 130
    for ln in _lines(p, c.course.title, "LiberationSans-Bold", 38, p.w - 2 * x - 60)[:2]:
        p.text(x, y, ln, "LiberationSans-Bold", 38, colour=white)
        y -= 44
    p.text(x, p.h - 236, date_range(c.start, d), "LiberationSans", 20, colour=white)
    p.text(x, p.h - 262, rng.choice(["Colorado Convention Center, Denver", "Hynes Convention Center, Boston",
                                     "Anaheim Convention Center"]), "LiberationSans", 12, colour=LIGHT)
    p.text(x, p.h - 350, "PROGRAM & ABSTRACTS", "LiberationSans-Bold", 22)
    p.text(x, p.h - 372, f"{len(_event_days(c))} days \u00b7 {rng.randint(40, 90)} sessions \u00b7 up to "
           f"{cec(c.course.ceus)} ACE CECs available", "LiberationSans", 11, colour=GREY)
    p.text(x, p.h - 420, "This program belongs to:", "LiberationSans", 10)
    p.hline(x + 126, x + 330, p.h - 423, 0.6)
    _hand(p, x + 134, p.h - 420, c.person.name, _fit(p, c.person.name, "LiberationSerif-Italic", 16, 190, 9))
    cv = p.c
    cv.saveState()
    cv.translate(p.w - 300, 120)
    cv.rotate(rng.uniform(-5, -2))
    q = _sub(p, 250, 170)
    q.box(4, -4, 250, 170, 0, colour=Color(0.7, 0.7, 0.7), fill=Color(0.7, 0.7, 0.7))
    q.box(0, 0, 250, 170, 0.6, colour=GREY, fill=white)
    q.text(12, 150, "CE CREDIT VERIFIED", "DejaVuSansMono", 11)
    q.hline(12, 238, 143, 0.6)
    for k, s in enumerate((f"{c.person.last.upper()}, {c.person.first.upper()}", f"ACE ID   {c.person.certificant_id}",
                           f"EVENT    {course_no(c.course.number, 'plain')}",
                           f"ATTENDED {us(c.start)}-{us(d)}" if c.start != d else f"ATTENDED {us(d)}",
                           f"CECs EARNED  {cec(c.ceus)}")):
        q.text(12, 126 - k * 16, s, "DejaVuSansMono", _fit(q, s, "DejaVuSansMono", 10, 226, 6.5))
    _barcode(q, 12, 14, 150, 22, c)
    q.text(238, 16, f"{c.issued:%m%d}", "DejaVuSansMono", 8, align="right")
    cv.restoreState()
    p.text(x, 150, "Scan your badge at each session door.", "LiberationSans", 10)
    p.text(x, 134, "Your CE sticker is printed at the", "LiberationSans", 10)
    p.text(x, 120, "registration desk after the event.", "LiberationSans", 10)
    p.text(x, 50, f"#{_slug(c)}{d.year}  \u00b7  events.{_slug(c)}.example", "LiberationSans", 9, colour=GREY)


@layout("event", evidence="id", units="cec", courses=("event",))
def draw_race_bib_finisher(p, c):
    """A race-bib style 'FINISHER' certificate: a big bib number, safety-pin holes, the event days and CECs earned."""
    p.landscape()
    rng = c.rng("bib")
    d = c.completed
    bib = str(rng.randint(1000, 8999))
    x0, y0, bw, bh = 60, 80, p.w - 120, p.h - 140
    p.box(x0, y0, bw, bh, 1.2, colour=GREY, fill=white)
    p.box(x0, y0 + bh - 70, bw, 70, 0, colour=LEAF, fill=LEAF)
    for hx, hy in ((x0 + 24, y0 + 24), (x0 + bw - 24, y0 + 24), (x0 + 24, y0 + bh - 24), (x0 + bw - 24, y0 + bh - 24)):
        p.c.setLineWidth(1)
        p.c.setFillColor(white)
        p.c.circle(hx, hy, 6, stroke=1, fill=1)
        p.c.setFillColor(black)
    t = c.course.title.upper()
    p.text(x0 + bw / 2, y0 + bh - 36, t, "LiberationSans-Bold", _fit(p, t, "LiberationSans-Bold", 24, bw - 120, 12),
           align="centre", colour=white)
    p.text(x0 + bw / 2, y0 + bh - 58, f"{date_range(c.start, d)}  \u00b7  {c.course.provider}", "LiberationSans", 11,
           align="centre", colour=white)
    p.text(x0 + bw / 2, y0 + bh - 196, bib, "LiberationSans-Bold", 120, align="centre")
    p.text(x0 + 40, y0 + bh - 100, "BIB", "LiberationSans-Bold", 11, colour=GREY)
    p.box(x0 + bw / 2 - 90, y0 + bh - 238, 180, 28, 0, colour=AMBER, fill=AMBER)
    p.text(x0 + bw / 2, y0 + bh - 229, "FINISHER", "LiberationSans-Bold", 18, align="centre", colour=white)
    p.text(x0 + bw / 2, y0 + bh - 272, c.person.name, "LiberationSans-Bold",
           _fit(p, c.person.name, "LiberationSans-Bold", 24, bw - 120), align="centre")
    p.text(x0 + bw / 2, y0 + bh - 292, f"ACE certification no. {c.person.certificant_id}", "LiberationSans", 11,
           align="centre")
    sy = y0 + 70
    _dashed(p, x0, sy, x0 + bw, sy, GREY, 0.8, (3, 3))
    p.text(x0 + 46, sy + 8, "finished on the event's last day, " + written(d), "LiberationSans", 11)
    p.text(x0 + 46, sy - 24, f"ACE event {course_no(c.course.number, 'hyphen')}", "LiberationSans-Bold", 12)
    p.text(x0 + 240, sy - 24, f"CECs earned by this attendee: {cec(c.ceus)}", "LiberationSans-Bold", 12)
    _barcode(p, x0 + bw - 190, sy - 54, 140, 30, c)
    p.text(x0 + bw - 120, sy - 64, f"CHIP {bib}-{rng.randint(10, 99)}", "LiberationMono", 7.5, align="centre")
    p.text(x0 + 46, sy - 48, f"Results posted {us(c.issued)}", "LiberationSans", 9, colour=GREY)
    p.text(p.w / 2, 40, "Do not fold or cut the timing strip. The bib number is not an ID number.", "LiberationSans", 8,
           align="centre", colour=GREY)


@layout("event", evidence="email", units="hours", courses=("event",))
def draw_metro_map_event_days(p, c):
    """An event's days drawn as a metro line: a station per session with its hours, the terminus 'completed'."""
    p.landscape()
    rng = c.rng("metro")
    d = c.completed
    h = hours_of(c)
    days = _event_days(c)
    per_day = _split(h, len(days))
    x = 50
    p.text(x, p.h - 54, c.course.provider, "LiberationSans-Bold", 13, colour=SKY)
    p.text(x, p.h - 86, c.course.title, "LiberationSans-Bold", _fit(p, c.course.title, "LiberationSans-Bold", 24,
                                                                     p.w - 2 * x, 12))
    p.text(x, p.h - 106, f"Your CE journey \u00b7 ACE event {course_no(c.course.number, 'space')} \u00b7 "
           f"{date_range(c.start, d)}", "LiberationSans", 12)
    p.text(p.w - x, p.h - 54, f"{c.person.name} \u00b7 {c.person.email}", "LiberationSans-Bold", 10, align="right")
    stations = []
    topics = ["Keynote", "Strength lab", "Nutrition panel", "Mobility", "Coaching clinic", "Research hour",
              "Aging well", "Recovery", "Business track"]
    for k, (dd, hh) in enumerate(zip(days, per_day)):
        parts = _split(hh, min(3, max(1, hh // 2)))
        for i, part in enumerate(parts):
            stations.append((dd, topics[(c.seed + k * 3 + i) % len(topics)], part, i == 0))
    ly = p.h / 2 - 10
    x0, x1 = x + 30, p.w - x - 110
    step = (x1 - x0) / max(1, len(stations) - 1)
    cv = p.c
    cv.setStrokeColor(SKY)
    cv.setLineWidth(8)
    cv.line(x0, ly, x1 + 60, ly)
    cv.setStrokeColor(black)
    for k, (dd, topic, part, first) in enumerate(stations):
        sx = x0 + k * step
        cv.setFillColor(white)
        cv.setStrokeColor(SKY if not first else black)
        cv.setLineWidth(3 if first else 2)
        cv.circle(sx, ly, 9 if first else 6, stroke=1, fill=1)
        cv.setStrokeColor(black)
        if first:
            p.text(sx, ly + 44, f"{dd:%a} {dd:%b} {dd.day}", "LiberationSans-Bold", 10, align="centre")
            cv.setLineWidth(0.6)
            cv.line(sx, ly + 12, sx, ly + 38)
        ty = ly - 24 if k % 2 == 0 else ly - 52
        _rotated(p, sx + 4, ty, f"{topic} · {part} h", "LiberationSans", 8.5, -35)
    tx = x1 + 60
    cv.setFillColor(SKY)
    cv.rect(tx - 6, ly - 14, 28, 28, stroke=0, fill=1)
    cv.setFillColor(black)
    p.text(tx + 30, ly + 8, "COMPLETED", "LiberationSans-Bold", 10)
    p.text(tx + 30, ly - 6, abbrev(d), "LiberationSans-Bold", 10)
    by = 70
    p.box(x, by, p.w - 2 * x, 60, 1, colour=SKY)
    p.text(x + 14, by + 36, f"Total contact hours attended: {h}", "LiberationSans-Bold", 14)
    p.text(x + 14, by + 16, f"= {cec(c.ceus)} ACE CECs (ten contact hours are one CEC). Hours come from your badge "
           "scans; the event is completed on its last day.", "LiberationSans", 9.5)
    p.text(p.w - x, 40, f"Registered {us(c.start - timedelta(days=rng.randint(15, 80)))} \u00b7 journey generated "
           f"{us(c.printed)}", "LiberationSans", 8, align="right", colour=GREY)
