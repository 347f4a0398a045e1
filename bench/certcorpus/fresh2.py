"""Fresh2 layouts: a third set of providers' layouts to tune on, drawn apart from the tuned and fresh sets.

None repeats an arrangement of tuned.py or fresh.py: diplomas between columns of seals, a class
roster with the holder's row shaded, a forwarded email chain, a thermal till receipt, an index
card, blanks inside a sentence filled in by hand, a calendar of weekly sessions, a corrected
reissue naming the wrong date it replaces, a webinar's last slide, a pocket certificate, and
more. Their misses may be looked at like the tuned and fresh sets'. Each function draws one
provider's certificate for a Cert on a Pen, as in tuned.py.
"""

from __future__ import annotations

import csv
import math
from datetime import timedelta
from functools import lru_cache

from reportlab.lib.colors import Color, black, white

from .fmt import (abbrev, cec, course_no, date_range, dmy, dmy_abbrev, hours_of, iso, last_first, us, us_short,
                  weekday, written)
from .fresh import _barcode, _dashed, _es_date, _fit, _qr, _stamp, _tick
from .model import registry
from .pen import GREY, font_for, initials
from .world import REFERENCE

LAYOUTS, layout = registry()


# ---------------------------------------------------------------- shared colours and helpers

FOREST = Color(0.08, 0.33, 0.20)
PLUM = Color(0.35, 0.13, 0.38)
SLATE = Color(0.22, 0.27, 0.33)
RUST = Color(0.62, 0.25, 0.08)
INK = Color(0.10, 0.15, 0.50)           # a ballpoint's blue
SHADE = Color(0.90, 0.90, 0.90)
FAINT = Color(0.80, 0.85, 0.90)

# People who teach or sign, never certificants.
_STAFF = ("Harriet Okonkwo", "Bastian Lindqvist", "Marisol Echeverria", "Conrad Abernathy", "Noor Haddad",
          "Tobias Wexford")

# Classmates on a roster: names and IDs nobody in samples/reference has (checked in _classmates).
_CLASSMATES = (("Abernethy", "Quill"), ("Varga", "Ottilie"), ("Stroud", "Ferris"), ("Nakagawa", "Ren"),
               ("Pellegrini", "Dante"), ("Obuya", "Wanjiru"), ("Halvorsen", "Sigrid"), ("Marchetti", "Lio"),
               ("Ashdown", "Perpetua"), ("Kowalczyk", "Bruno"))


def _staff(c, k: int = 0) -> str:
    return _STAFF[(c.seed + k) % len(_STAFF)]


def _slug(c) -> str:
    return c.course.provider.split()[0].lower()


@lru_cache(maxsize=1)
def _reference_ids() -> frozenset[str]:
    with (REFERENCE / "certificants.csv").open(newline="", encoding="utf-8") as f:
        return frozenset(r["certificant_id"] for r in csv.DictReader(f))


def _classmates(c, n: int) -> list[tuple[str, str, str]]:
    """N other attendees (last, first, an ID that is nobody's in the reference), seeded by the page."""
    rng = c.rng("classmates")
    taken = _reference_ids() | {c.person.certificant_id}
    out = []
    for last, first in rng.sample(_CLASSMATES, n):
        while True:
            cid = str(rng.randint(100000, 199999))
            if cid not in taken:
                taken |= {cid}
                break
        out.append((last, first, cid))
    return out


def _hand(p, x, y, s, size=15, colour=INK):
    """A value written in by hand (a slanted face in ballpoint blue)."""
    return p.text(x, y, s, "LiberationSerif-Italic", size, colour=colour)


def _guilloche(p, colour=FAINT) -> None:
    """Security-paper waves across the page, drawn behind the text."""
    cv = p.c
    cv.saveState()
    cv.setStrokeColor(colour)
    cv.setLineWidth(0.35)
    for k in range(0, int(p.h), 18):
        path = cv.beginPath()
        path.moveTo(0, k)
        for i in range(1, 61):
            x = p.w * i / 60
            path.lineTo(x, k + 6 * math.sin(i / 3.0 + k / 40.0))
        cv.drawPath(path, stroke=1, fill=0)
    cv.restoreState()


def _round_box(p, x, y, w, h, r=8, width=1, colour=black, fill=None) -> None:
    cv = p.c
    cv.setStrokeColor(colour)
    cv.setLineWidth(width)
    if fill is not None:
        cv.setFillColor(fill)
    cv.roundRect(x, y, w, h, r, stroke=1, fill=1 if fill is not None else 0)
    cv.setStrokeColor(black)
    cv.setFillColor(black)


# ---------------------------------------------------------------- awards and diplomas

@layout("award", evidence="id", units="cec")
def draw_diploma_seal_columns(p, c):
    """Landscape diploma between two columns of three seals each; 'Requirements completed' in words, a diploma number."""
    p.landscape()
    p.box(22, 22, p.w - 44, p.h - 44, 2.5, colour=FOREST)
    p.box(30, 30, p.w - 60, p.h - 60, 0.6, colour=FOREST)
    words = (("ACE", "APPROVED"), ("QUALITY", "ASSURED"), ("CONTINUING", "EDUCATION"),
             ("FITNESS", "EDUCATION"), ("PROFESSIONAL", "STANDARDS"), ("FACULTY", "SEAL"))
    for i, (sx, k) in enumerate(((88, 0), (p.w - 88, 3))):
        for j in range(3):
            p.seal(sx, p.h / 2 + 130 - j * 130, 40, words[k + j], colour=FOREST)
    mid = p.w / 2
    p.centre(p.h - 78, c.course.provider.upper(), "LiberationSerif-Bold", 14, colour=FOREST)
    p.centre(p.h - 122, "Diploma of Continuing Education", "LiberationSerif-BoldItalic", 32)
    p.centre(p.h - 156, f"The faculty of {c.course.provider} confers this diploma upon", "LiberationSerif-Italic", 13)
    p.centre(p.h - 198, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 30, 480))
    p.centre(p.h - 220, f"ACE Certified Professional No. {c.person.certificant_id}", "LiberationSerif", 11)
    p.centre(p.h - 252, "who has satisfied every requirement of the course", "LiberationSerif-Italic", 13)
    p.centre(p.h - 280, c.course.title, "LiberationSerif-Bold", _fit(p, c.course.title, "LiberationSerif-Bold", 20, 480))
    p.centre(p.h - 304, f"ACE course {course_no(c.course.number, 'space')}, carrying {cec(c.ceus)} Continuing "
             "Education Credits", "LiberationSerif", 12)
    p.hline(mid - 230, mid + 230, 150, 0.5, FOREST)
    p.text(mid - 230, 128, f"Requirements completed {written(c.completed)}", "LiberationSerif", 11)
    p.text(mid + 230, 128, f"Diploma No. D{c.completed:%y}-{c.seed % 100000:05d}", "LiberationSerif", 11,
           align="right")
    p.signature(mid - 90, 72, 180)
    p.text(mid, 60, f"{_staff(c)}, Registrar", "LiberationSerif-Italic", 10, align="centre")


@layout("award", evidence="id", units="cec")
def draw_reversed_left_panel(p, c):
    """Portrait award whose wide dark left panel carries every field reversed out in white; the right side is prose."""
    pw = 210
    p.box(0, 0, pw, p.h, 0, colour=PLUM, fill=PLUM)
    x = 28
    p.text(x, p.h - 60, initials(c.course.provider) or "CE", "LiberationSans-Bold", 30, colour=white)
    p.hline(x, pw - 28, p.h - 74, 1, white)
    fields = [("AWARDED TO", [c.person.first, c.person.last]), ("ACE CERTIFICATION ID", [c.person.certificant_id]),
              ("ACE COURSE NUMBER", [course_no(c.course.number, "plain")]), ("DATE COMPLETED", [abbrev(c.completed)]),
              ("CREDIT", [f"{cec(c.ceus)} CECs"])]
    y = p.h - 130
    for label, lines in fields:
        p.text(x, y, label, "LiberationSans", 8, colour=white)
        y -= 22
        for s in lines:
            p.text(x, y, s, "LiberationSans-Bold", _fit(p, s, "LiberationSans-Bold", 17, pw - 50, 10), colour=white)
            y -= 20
        y -= 26
    p.text(x, 48, f"Issued {us(c.issued)}", "LiberationSans", 8, colour=white)
    rx = pw + 40
    width = p.w - rx - 40
    p.text(rx, p.h - 90, c.course.provider, "LiberationSans-Bold", _fit(p, c.course.provider, "LiberationSans-Bold",
                                                                         15, width))
    p.text(rx, p.h - 160, "Certificate", "LiberationSerif-Bold", 44)
    p.text(rx, p.h - 190, "of course completion", "LiberationSerif-Italic", 20, colour=GREY)
    y = p.wrap(rx, p.h - 260, width, f"The person named in the panel has completed {c.course.title}, a course "
               "approved by the American Council on Exercise for the continuing education credit shown.",
               "LiberationSerif", 13, 19)
    y = p.wrap(rx, y - 16, width, "The credit counts towards the renewal of an ACE certification when the course "
               "was completed within the current certification period.", "LiberationSerif", 11, 16)
    p.signature(rx, 170, 190)
    p.text(rx, 156, _staff(c, 1), "LiberationSans", 10)
    p.text(rx, 143, "Director of Professional Education", "LiberationSans", 9, colour=GREY)
    p.seal(p.w - 95, 110, 42, ("APPROVED", "PROVIDER"), colour=PLUM)


@layout("award", evidence="id", units="cec")
def draw_sideways_downward(p, c):
    """Landscape certificate printed on a portrait sheet turned the other way: the text runs down the page."""
    cv = p.c
    cv.setPageSize((min(p.w, p.h), max(p.w, p.h)))
    cv.translate(0, max(p.w, p.h))
    cv.rotate(-90)
    p.w, p.h = max(p.w, p.h), min(p.w, p.h)
    p.box(36, 36, p.w - 72, p.h - 72, 1.5, colour=SLATE)
    p.box(36, p.h - 100, p.w - 72, 64, 0, colour=SLATE, fill=SLATE)
    p.text(60, p.h - 76, c.course.provider, "DejaVuSans-Bold", 16, colour=white)
    p.text(p.w - 60, p.h - 76, "Certificate of Attainment", "DejaVuSerif-Italic", 16, align="right", colour=white)
    p.text(60, p.h - 150, "This certificate is held by", "DejaVuSerif-Italic", 13)
    p.text(60, p.h - 186, c.person.name, "DejaVuSerif-Bold", 28)
    p.text(60, p.h - 206, f"Certified Professional ID {c.person.certificant_id}", "DejaVuSans", 11)
    p.text(60, p.h - 246, "who attained the learning outcomes of", "DejaVuSerif-Italic", 13)
    p.text(60, p.h - 272, c.course.title, "DejaVuSerif-Bold", _fit(p, c.course.title, "DejaVuSerif-Bold", 18, 620))
    rows = [("ACE course", course_no(c.course.number, "hyphen")), ("Completion date", dmy_abbrev(c.completed)),
            ("CECs", cec(c.ceus))]
    x = 60
    for label, value in rows:
        p.text(x, p.h - 326, label.upper(), "DejaVuSans", 8, colour=GREY)
        p.text(x, p.h - 346, value, "DejaVuSans-Bold", 15)
        x += 190
    p.signature(p.w - 260, 100, 180)
    p.text(p.w - 260, 86, _staff(c, 2), "DejaVuSans", 9)
    p.text(60, 86, f"Printed {dmy_abbrev(c.printed)}", "DejaVuSans", 8, colour=GREY)


@layout("award", evidence="name", units="cec")
def draw_asterisk_footnote_credit(p, c):
    """Portrait award whose credit appears only in an asterisked footnote; the course number in the body with the asterisk."""
    p.ornate_border(26, 16)
    p.centre(p.h - 96, c.course.provider, "LiberationSerif-Bold", 18)
    p.centre(p.h - 150, "Certificate", "LiberationSerif-BoldItalic", 46)
    p.centre(p.h - 180, "OF COMPLETION", "LiberationSans", 12)
    p.centre(p.h - 240, "This certificate is proudly presented to", "LiberationSerif-Italic", 14)
    p.centre(p.h - 290, c.person.name, "LiberationSerif-BoldItalic", _fit(p, c.person.name, "LiberationSerif-BoldItalic",
                                                                         34, 440))
    p.hline(p.w / 2 - 190, p.w / 2 + 190, p.h - 302, 0.6)
    p.centre(p.h - 340, "for the successful completion of", "LiberationSerif-Italic", 14)
    p.centre(p.h - 370, c.course.title, "LiberationSerif-Bold", _fit(p, c.course.title, "LiberationSerif-Bold", 20, 440))
    p.centre(p.h - 394, f"(ACE course {course_no(c.course.number, 'plain')})*", "LiberationSerif", 12)
    p.centre(p.h - 430, f"on {written(c.completed)}", "LiberationSerif", 14)
    p.signature(90, 200, 170)
    p.text(90, 186, _staff(c, 3), "LiberationSerif", 10)
    p.text(90, 174, "Program Director", "LiberationSerif-Italic", 9)
    p.signature(p.w - 260, 200, 170)
    p.text(p.w - 260, 186, _staff(c, 4), "LiberationSerif", 10)
    p.text(p.w - 260, 174, "Lead Instructor", "LiberationSerif-Italic", 9)
    p.hline(60, 200, 128, 0.5)
    p.wrap(60, 114, p.w - 120, f"* This course is approved by the American Council on Exercise (ACE) for "
           f"{cec(c.ceus)} continuing education credits (CECs). ACE's approval covers the content of the course, "
           "not the provider's other products.", "LiberationSerif", 8, 10)


@layout("award", evidence="id", units="cec")
def draw_stuck_on_label(p, c):
    """Bulk-printed certificate with an empty name line; a typed address label stuck on askew carries every field."""
    p.border(34, double=True, width=1.5)
    p.centre(p.h - 100, c.course.provider.upper(), "Times-Bold", 14)
    p.centre(p.h - 150, "Certificate of Completion", "Times-BoldItalic", 34)
    p.centre(p.h - 200, "is awarded to", "Times-Italic", 14)
    p.hline(p.w / 2 - 180, p.w / 2 + 180, p.h - 250, 0.6)
    p.centre(p.h - 264, "Participant", "Times-Roman", 9)
    p.wrap(100, p.h - 310, p.w - 200, "for completing the continuing education course shown on the label below. "
           "The label is printed by our registration system when the course is completed and is part of this "
           "certificate.", "Times-Roman", 12, 17, align="centre")
    cv = p.c
    lx, ly, lw, lh = p.w / 2 - 150, p.h - 520, 300, 110
    cv.saveState()
    cv.translate(lx + lw / 2, ly + lh / 2)
    cv.rotate(2.5 if c.seed % 2 else -2)
    cv.setFillColor(SHADE)
    cv.roundRect(-lw / 2 + 3, -lh / 2 - 3, lw, lh, 6, stroke=0, fill=1)
    cv.setFillColor(white)
    cv.setStrokeColor(GREY)
    cv.setLineWidth(0.5)
    cv.roundRect(-lw / 2, -lh / 2, lw, lh, 6, stroke=1, fill=1)
    cv.setFillColor(black)
    lines = [c.person.name.upper(), f"ACE# {c.person.certificant_id}",
             f"{course_no(c.course.number, 'plain')}  {cec(c.ceus)} CEC", f"COMPLETED {us(c.completed)}"]
    for i, s in enumerate(lines):
        size = 12
        while size > 7 and p.width(s, "Courier-Bold", size) > lw - 24:
            size -= 0.5
        cv.setFont(font_for("Courier-Bold", s), size)
        cv.drawString(-lw / 2 + 12, lh / 2 - 26 - i * 22, s)
    cv.restoreState()
    p.signature(90, 150, 170)
    p.text(90, 136, f"{_staff(c, 5)}, Registrar", "Times-Roman", 10)
    p.seal(p.w - 140, 160, 40, ("CE", "PROVIDER"))
    p.text(90, 80, f"Form CC-{10 + c.seed % 80}  \u00b7  stock printed {c.printed.year}", "Times-Roman", 7, colour=GREY)


@layout("badge", evidence="id", units="cec")
def draw_medallion_curved_title(p, c):
    """A large medallion whose rim carries the provider's name set on a curve; the CECs big inside; the fields below it."""
    cx, cy, r = p.w / 2, p.h - 250, 150
    cv = p.c
    cv.setFillColor(Color(0.95, 0.92, 0.82))
    cv.setStrokeColor(RUST)
    cv.setLineWidth(3)
    cv.circle(cx, cy, r, stroke=1, fill=1)
    cv.setLineWidth(1)
    cv.circle(cx, cy, r - 34, stroke=1, fill=0)
    cv.setFillColor(black)
    cv.setStrokeColor(black)

    def arc(s, radius, top=True, size=15):
        face = "LiberationSans-Bold"
        total = p.width(s, face, size)
        span = total / radius
        a = math.pi / 2 + span / 2 if top else -math.pi / 2 - span / 2
        for ch in s:
            w = p.width(ch, face, size)
            step = w / radius
            mid = a - step / 2 if top else a + step / 2
            cv.saveState()
            if top:
                cv.translate(cx + radius * math.cos(mid), cy + radius * math.sin(mid))
                cv.rotate(math.degrees(mid) - 90)
            else:
                cv.translate(cx + (radius + size * 0.7) * math.cos(mid), cy + (radius + size * 0.7) * math.sin(mid))
                cv.rotate(math.degrees(mid) + 90)
            cv.setFont(font_for(face, ch), size)
            cv.setFillColor(RUST)
            cv.drawCentredString(0, 0, ch)
            cv.restoreState()
            a = a - step if top else a + step
    name = c.course.provider.upper()
    arc(name, r - 24, True, _fit(p, name, "LiberationSans-Bold", 15, (r - 24) * 2.6, 9))
    arc("CONTINUING EDUCATION", r - 24, False, 12)
    p.centre(cy + 18, cec(c.ceus), "LiberationSans-Bold", 60, colour=RUST)
    p.centre(cy - 14, "CECs EARNED", "LiberationSans-Bold", 12, colour=RUST)
    y = cy - r - 50
    p.centre(y, c.person.name, "LiberationSans-Bold", _fit(p, c.person.name, "LiberationSans-Bold", 26, 460))
    p.centre(y - 22, f"ACE Certification ID {c.person.certificant_id}", "LiberationSans", 11)
    p.centre(y - 60, c.course.title, "LiberationSerif-Italic", _fit(p, c.course.title, "LiberationSerif-Italic", 18, 460))
    p.centre(y - 84, f"Course {course_no(c.course.number, 'hyphen')}  \u00b7  Earned {written(c.completed)}",
             "LiberationSans", 12)
    p.centre(70, f"Badge ID {c.seed % 10**8:08d}  \u00b7  Issued {iso(c.issued)}", "LiberationSans", 8, colour=GREY)


@layout("award", evidence="id", units="cec")
def draw_trifold_panels(p, c):
    """Landscape sheet in three fold panels: provider details left, the certificate centre, renewal advice right."""
    p.landscape()
    third = p.w / 3
    for k in (1, 2):
        _dashed(p, third * k, 20, third * k, p.h - 20)
    # left panel: about the provider (numbers that are not the credit)
    x = 30
    p.logo(x, p.h - 90, initials(c.course.provider), 40, "square")
    p.wrap(x, p.h - 120, third - 60, c.course.provider, "LiberationSans-Bold", 14, 17)
    info = [f"{100 + c.seed % 8800} Harbor Boulevard", f"Suite {200 + c.seed % 60}", "Sacramento, CA 95814",
            f"Phone 916.555.{1000 + c.seed % 8000}", f"Fax 916.555.{1000 + (c.seed // 7) % 8000}",
            f"ACE Provider since {2008 + c.seed % 12}"]
    y = p.h - 180
    for s in info:
        p.text(x, y, s, "LiberationSans", 9.5)
        y -= 14
    p.wrap(x, y - 20, third - 60, "We have offered approved continuing education to fitness professionals since "
           "our founding. Questions about a certificate go to the registrar.", "LiberationSans", 9, 12)
    # centre panel: the certificate
    mx = third * 1.5
    p.centre(p.h - 70, "CERTIFICATE", "LiberationSerif-Bold", 24, x=mx)
    p.centre(p.h - 90, "of continuing education", "LiberationSerif-Italic", 12, x=mx)
    p.centre(p.h - 140, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 20,
                                                                      third - 30), x=mx)
    p.centre(p.h - 158, f"ACE ID {c.person.certificant_id}", "LiberationSans", 10, x=mx)
    p.centre(p.h - 190, "has completed", "LiberationSerif-Italic", 11, x=mx)
    y = p.h - 212
    for ln in _lines(p, c.course.title, "LiberationSerif-Bold", 13, third - 40):
        p.centre(y, ln, "LiberationSerif-Bold", 13, x=mx)
        y -= 16
    rows = [("ACE course", course_no(c.course.number, "space")), ("Completed", abbrev(c.completed)),
            ("Credit", f"{cec(c.ceus)} CECs")]
    y -= 20
    for label, value in rows:
        p.text(third + 30, y, label, "LiberationSans", 10, colour=GREY)
        p.text(2 * third - 30, y, value, "LiberationSans-Bold", 11, align="right")
        p.hline(third + 30, 2 * third - 30, y - 6, 0.3, GREY)
        y -= 24
    p.signature(third + 50, 90, third - 100)
    p.centre(76, _staff(c, 1), "LiberationSans", 9, x=mx)
    # right panel: keeping the certification current
    rx = 2 * third + 30
    p.text(rx, p.h - 70, "Keep it current", "LiberationSans-Bold", 14)
    y = p.wrap(rx, p.h - 94, third - 60, "Report this course to ACE with your renewal. Your renewal is due by the "
               "date ACE gives in your account; the date below is our reminder only.", "LiberationSans", 9.5, 13)
    p.text(rx, y - 14, f"Reminder date: {abbrev(c.expires)}", "LiberationSans", 9.5)
    p.text(rx, y - 30, f"Certificate issued: {iso(c.issued)}", "LiberationSans", 9.5)
    _qr(p, rx, 80, 80, c)
    p.text(rx + 90, 110, "Scan to verify", "LiberationSans", 8, colour=GREY)


def _lines(p, s: str, face: str, size: float, width: float) -> list[str]:
    out, line = [], ""
    for word in s.split():
        trial = f"{line} {word}".strip()
        if line and p.width(trial, face, size) > width:
            out.append(line)
            line = word
        else:
            line = trial
    return out + ([line] if line else [])


@layout("card", evidence="name", units="cec")
def draw_pocket_half_letter(p, c):
    """Half-letter pocket certificate with hole-punch marks; 'Completed this 14 June 2025'; 'CEC value' and 'Course #'."""
    p.size_to(396, 612)
    p.box(18, 18, p.w - 36, p.h - 36, 1, colour=FOREST)
    for hy in (p.h / 2 - 100, p.h / 2 + 100):
        p.c.circle(34, hy, 6, stroke=1, fill=0)
    p.centre(p.h - 60, c.course.provider, "LiberationSans-Bold", _fit(p, c.course.provider, "LiberationSans-Bold",
                                                                        13, p.w - 80), colour=FOREST)
    p.centre(p.h - 100, "Pocket Certificate", "LiberationSerif-BoldItalic", 24)
    p.centre(p.h - 150, "Presented to", "LiberationSerif-Italic", 11)
    p.centre(p.h - 180, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 22,
                                                                      p.w - 90))
    p.centre(p.h - 220, "for the course", "LiberationSerif-Italic", 11)
    y = p.h - 244
    for ln in _lines(p, c.course.title, "LiberationSerif-Bold", 15, p.w - 100):
        p.centre(y, ln, "LiberationSerif-Bold", 15)
        y -= 18
    p.centre(y - 18, f"Completed this {dmy(c.completed)}", "LiberationSerif", 12)
    y -= 70
    for label, value in (("Course #", course_no(c.course.number, "plain")), ("CEC value", cec(c.ceus))):
        p.text(70, y, label, "LiberationSans", 10, colour=GREY)
        p.text(p.w - 70, y, value, "LiberationSans-Bold", 12, align="right")
        p.hline(70, p.w - 70, y - 6, 0.4, GREY)
        y -= 26
    p.signature(70, 90, 150)
    p.text(70, 77, _staff(c, 2), "LiberationSans", 8)
    p.text(p.w - 40, 40, "Keep with your CE records", "LiberationSans", 7, align="right", colour=GREY)


@layout("modern", evidence="email", units="cec")
def draw_webinar_last_slide(p, c):
    """A webinar's closing slide saved as a 16:9 page: 'Thank you for attending!', the attendee's email, a weekday date."""
    p.size_to(720, 405)
    cv = p.c
    cv.setFillColor(SLATE)
    cv.rect(0, 0, p.w, p.h, stroke=0, fill=1)
    cv.setFillColor(white)
    cv.roundRect(30, 30, p.w - 60, p.h - 92, 10, stroke=0, fill=1)
    cv.setFillColor(black)
    p.text(40, p.h - 40, c.course.provider, "DejaVuSans-Bold", 14, colour=white)
    p.text(p.w - 40, p.h - 40, "LIVE WEBINAR", "DejaVuSans", 10, align="right", colour=white)
    p.text(56, p.h - 100, "Thank you for attending!", "DejaVuSans-Bold", 24, colour=SLATE)
    p.text(56, p.h - 124, "Your certificate of attendance", "DejaVuSans", 12, colour=GREY)
    p.text(56, p.h - 164, c.person.name, "DejaVuSans-Bold", 20)
    p.text(56, p.h - 182, c.person.email, "DejaVuSans", 11)
    y = p.h - 212
    for ln in _lines(p, c.course.title, "DejaVuSans-Bold", 14, 380):
        p.text(56, y, ln, "DejaVuSans-Bold", 14)
        y -= 17
    p.text(56, y - 8, f"{weekday(c.completed)}  \u00b7  12:00\u20131:00 PM ET", "DejaVuSans", 11)
    p.text(56, y - 28, f"ACE course {course_no(c.course.number, 'plain')}  \u00b7  {cec(c.ceus)} CECs",
           "DejaVuSans-Bold", 11)
    p.box(470, 90, 200, 200, 0.8, colour=GREY, fill=SHADE)
    p.text(570, 196, "Q & A", "DejaVuSans-Bold", 22, align="centre", colour=GREY)
    p.text(570, 176, f"Presenter: {_staff(c, 3)}", "DejaVuSans", 9, align="centre", colour=GREY)
    p.text(56, 44, "Save this slide as your record of attendance.", "DejaVuSans", 8, colour=GREY)
    p.text(p.w - 40, 12, f"{40 + c.seed % 20} / {40 + c.seed % 20}", "DejaVuSans", 8, align="right", colour=white)


# ---------------------------------------------------------------- tables, rosters, records

@layout("table", evidence="id", units="cec")
def draw_roster_own_row_shaded(p, c):
    """Class completion roster sent to one attendee: 'Participant copy for' the holder, whose row is shaded among six."""
    x = 54
    p.text(x, p.h - 64, c.course.provider, "LiberationSans-Bold", 17)
    p.text(x, p.h - 82, "Class Completion Roster", "LiberationSans", 12)
    p.text(p.w - x, p.h - 64, "PARTICIPANT COPY", "LiberationSans-Bold", 10, align="right", colour=RUST)
    p.box(x, p.h - 150, p.w - 2 * x, 52, 0.8, colour=RUST)
    p.text(x + 12, p.h - 118, f"Copy for: {c.person.name}", "LiberationSans-Bold", 12)
    p.text(x + 12, p.h - 138, f"ACE certification no. {c.person.certificant_id}  \u2014  your row is shaded below",
           "LiberationSans", 10)
    info = [("Course", c.course.title), ("ACE course no.", course_no(c.course.number, "hyphen")),
            ("Class date (completion)", written(c.completed)), ("CECs per participant", cec(c.ceus)),
            ("Instructor", _staff(c, 4))]
    y = p.h - 180
    for label, value in info:
        p.text(x, y, f"{label}:", "LiberationSans", 10)
        p.text(x + 150, y, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 10, p.w - 2 * x - 150, 7))
        y -= 16
    people = _classmates(c, 5) + [(c.person.last, c.person.first, c.person.certificant_id)]
    people.sort(key=lambda t: (t[0].casefold(), t[1].casefold()))
    widths = [30, 150, 130, 104, 90]
    top, rh = y - 16, 24
    me = next(i for i, t in enumerate(people) if t[2] == c.person.certificant_id)
    p.box(x, top - rh * (me + 2), sum(widths), rh, 0, colour=SHADE, fill=SHADE)
    rows = [["#", "Last name", "First name", "ACE cert. no.", "Result"]]
    rows += [[str(i + 1), last, first, cid, "Completed"] for i, (last, first, cid) in enumerate(people)]
    y = p.table(x, top, widths, rows, row_h=rh, face="LiberationSans", head_face="LiberationSans-Bold", size=10)
    p.text(x + sum(widths) + 6, top - rh * (me + 2) + 8, "\u25c4 you", "DejaVuSans-Bold", 9, colour=RUST)
    p.wrap(x, y - 26, p.w - 2 * x, "Each participant receives this roster with their own row shaded. The credit "
           "shown is earned by each participant listed as Completed; report only your own row to ACE.",
           "LiberationSans", 9, 12)
    p.text(x, 50, f"Roster printed {us(c.printed)}  \u00b7  class ID {c.seed % 90000 + 10000}", "LiberationSans", 8,
           colour=GREY)


@layout("form", evidence="id", units="cec")
def draw_index_card_record(p, c):
    """A typed index record card, photocopied: 'LAST, First' on the card's tab, ruled lines, 'Compl.' and 'Entered' dates."""
    x, y, w, h = 60, p.h - 430, p.w - 120, 300
    tab_w = 230
    p.box(x, y, w, h, 1)
    p.box(x, y + h, tab_w, 28, 1)
    p.text(x + 10, y + h + 9, last_first(c.person, upper=True), "Courier-Bold",
           _fit(p, last_first(c.person, upper=True), "Courier-Bold", 12, tab_w - 20, 8))
    p.hline(x, x + w, y + h - 34, 1.2, Color(0.75, 0.2, 0.2))
    for k in range(1, 10):
        p.hline(x, x + w, y + h - 34 - k * 26, 0.4, Color(0.55, 0.65, 0.85))
    p.text(x + 10, y + h - 26, f"ACE CERT {c.person.certificant_id}", "Courier-Bold", 11)
    p.text(x + w - 10, y + h - 26, f"{initials(c.course.provider)} CE RECORD", "Courier-Bold", 11, align="right")
    title = c.course.title.upper()
    lines = [f"COURSE: {title}" if len(title) <= 44 else f"COURSE: {title[:44]}",
             *([f"        {title[44:]}"] if len(title) > 44 else []),
             f"NO. {course_no(c.course.number, 'plain')}", f"CEC {cec(c.ceus)}",
             f"COMPL. {us(c.completed)}", f"ENTERED {us(c.issued)}  BY {''.join(n[0] for n in _staff(c).split())}"]
    ly = y + h - 34 - 20
    for s in lines:
        p.text(x + 14, ly, s, "Courier", 11)
        ly -= 26
    p.text(x, y - 30, f"{c.course.provider} \u2014 record card copy provided on request", "Helvetica", 9)
    p.text(x, y - 44, f"Copy made {us_short(c.printed)}. The card is kept in our office files.", "Helvetica", 9,
           colour=GREY)


@layout("table", evidence="email", units="cec")
def draw_exam_attempts_history(p, c):
    """Examination report listing a failed first attempt and the passing one; completion is the passing attempt's date."""
    rng = c.rng("attempts")
    first_try = c.completed - timedelta(days=rng.randint(6, 30))
    x = 60
    p.text(x, p.h - 70, c.course.provider, "Helvetica-Bold", 16)
    p.text(x, p.h - 88, "Final Examination \u2014 Candidate Report", "Helvetica", 11)
    p.hline(x, p.w - x, p.h - 100, 1)
    info = [("Candidate", c.person.name), ("Email", c.person.email), ("Course", c.course.title),
            ("ACE course number", course_no(c.course.number, "space"))]
    y = p.h - 130
    for label, value in info:
        p.text(x, y, label, "Helvetica", 10, colour=GREY)
        p.text(x + 130, y, value, "Helvetica-Bold", _fit(p, value, "Helvetica-Bold", 11, p.w - 2 * x - 130, 8))
        y -= 18
    rows = [["Attempt", "Exam date", "Score", "Passing score", "Result"],
            ["1", us(first_try), f"{rng.randint(52, 68)}%", "70%", "Not passed"],
            ["2", us(c.completed), f"{rng.randint(74, 97)}%", "70%", "PASSED"]]
    y = p.table(x, y - 14, [70, 110, 80, 110, 100], rows, row_h=24, face="Helvetica", head_face="Helvetica-Bold",
                size=10, head_fill=SHADE)
    p.box(x, y - 86, p.w - 2 * x, 66, 1)
    p.text(x + 12, y - 42, f"Course completed (date of passing attempt): {written(c.completed)}", "Helvetica-Bold", 11)
    p.text(x + 12, y - 62, f"Continuing education credits awarded: {cec(c.ceus)} CEC", "Helvetica-Bold", 11)
    p.wrap(x, y - 116, p.w - 2 * x, "A course is complete on the day its final examination is passed. Attempts that "
           "did not pass carry no credit. Candidates may sit the examination three times.", "Helvetica", 9, 12)
    p.text(x, 50, f"Report generated {us(c.printed)}", "Helvetica", 8, colour=GREY)


@layout("table", evidence="id", units="cec")
def draw_security_paper_transcript(p, c):
    """Official transcript on security paper (wavy guilloche), a Term and Grade column, 'Date posted' beside completion."""
    _guilloche(p)
    x = 50
    p.centre(p.h - 66, c.course.provider.upper(), "LiberationSerif-Bold", 16)
    p.centre(p.h - 86, "Office of the Registrar", "LiberationSerif-Italic", 11)
    p.centre(p.h - 118, "OFFICIAL TRANSCRIPT", "LiberationSans-Bold", 18)
    p.hline(x, p.w - x, p.h - 130, 1.2)
    left = [("Student", last_first(c.person)), ("ACE certification no.", c.person.certificant_id)]
    right = [("Student no.", f"S{c.seed % 10**7:07d}"), ("Date of issue", us(c.issued))]
    for i, ((l1, v1), (l2, v2)) in enumerate(zip(left, right)):
        yy = p.h - 156 - i * 18
        p.text(x, yy, f"{l1}:", "LiberationSans", 10)
        p.text(x + 130, yy, v1, "LiberationSans-Bold", 10)
        p.text(x + 320, yy, f"{l2}:", "LiberationSans", 10)
        p.text(x + 400, yy, v2, "LiberationSans-Bold", 10)
    term = f"{('Winter', 'Spring', 'Summer', 'Fall')[(c.completed.month - 1) // 3]} {c.completed.year}"
    title = c.course.title
    widths = [76, 74, 186, 54, 40, 82]
    size = min(9, _fit(p, title, "LiberationSans", 9, widths[2] - 8, 6.5))
    rows = [["Term", "Course no.", "Title", "Units", "Grade", "Completed"],
            [term, c.course.number, title, cec(c.ceus), "CR", us(c.completed)]]
    y = p.table(x, p.h - 210, widths, rows, row_h=22, face="LiberationSans", head_face="LiberationSans-Bold",
                size=size, rules="rows")
    p.text(x, y - 22, f"Total units earned: {cec(c.ceus)}", "LiberationSans-Bold", 10)
    p.text(x, y - 40, f"Date posted to record: {us(c.printed)}", "LiberationSans", 10)
    p.wrap(x, y - 76, p.w - 2 * x, "Units are continuing education credits (CECs) approved by the American Council "
           "on Exercise for the course number shown. Grade CR: credit awarded. This transcript is not valid without "
           "the registrar's signature and is printed on security paper.", "LiberationSans", 8.5, 11)
    p.signature(p.w - 250, 110, 180)
    p.text(p.w - 250, 96, f"{_staff(c, 5)}, Registrar", "LiberationSans", 9)


@layout("form", evidence="id", units="cec")
def draw_domain_split_credits(p, c):
    """Credit statement splitting the course's CECs across exam-content domains, then the total; completion in a box."""
    tenths = int(c.ceus * 10)
    n = min(3, tenths)
    parts = [tenths // n + (1 if i < tenths % n else 0) for i in range(n)]
    domains = ("Domain 1: Client Interviews and Assessments", "Domain 2: Program Design and Implementation",
               "Domain 3: Progression and Adaptation")
    x = 60
    p.box(x, p.h - 96, p.w - 2 * x, 40, 0, fill=FOREST)
    p.text(x + 12, p.h - 82, c.course.provider, "LiberationSans-Bold", 15, colour=white)
    p.text(p.w - x - 12, p.h - 82, "CEC STATEMENT", "LiberationSans", 11, align="right", colour=white)
    fields = [("Name", c.person.name), ("ACE certification number", c.person.certificant_id),
              ("Course title", c.course.title), ("ACE course number", course_no(c.course.number, "plain"))]
    y = p.h - 130
    for label, value in fields:
        p.text(x, y, label, "LiberationSans", 10, colour=GREY)
        p.text(x + 160, y, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 11, p.w - 2 * x - 160, 8))
        y -= 20
    p.box(x, y - 44, 230, 36, 1)
    p.text(x + 10, y - 20, "DATE OF COMPLETION", "LiberationSans", 8, colour=GREY)
    p.text(x + 10, y - 36, written(c.completed), "LiberationSans-Bold", 12)
    y -= 74
    p.text(x, y, "Credit by exam-content domain", "LiberationSans-Bold", 11)
    rows = [["Domain", "CECs"]] + [[domains[i], f"{parts[i] / 10:.1f}"] for i in range(n)]
    y = p.table(x, y - 10, [390, 80], rows, row_h=22, face="LiberationSans", head_face="LiberationSans-Bold",
                size=10, head_fill=SHADE)
    p.box(x, y - 26, 470, 26, 1.2)
    p.text(x + 5, y - 18, "Total CECs for this course", "LiberationSans-Bold", 10)
    p.text(x + 395, y - 18, cec(c.ceus), "LiberationSans-Bold", 11)
    p.wrap(x, y - 56, p.w - 2 * x, "The domain split shows which parts of the ACE exam content outline the course "
           "covers. Only the total is reported to ACE.", "LiberationSans", 9, 12)
    p.text(x, 50, f"Statement {c.seed % 9000 + 1000}  \u00b7  printed {us(c.printed)}", "LiberationSans", 8,
           colour=GREY)


@layout("form", evidence="id", units="hours")
def draw_minutes_to_hours_worksheet(p, c):
    """Contact-hour worksheet: minutes per segment, their sum, 'Contact hours (minutes / 60)'; the completion date."""
    hours = hours_of(c)
    minutes = hours * 60
    names = ("Lecture", "Practical lab", "Case studies", "Written assessment")
    k = min(4, max(2, hours))
    share = [minutes // k // 15 * 15] * k
    share[0] += minutes - sum(share)
    x = 64
    p.text(x, p.h - 70, c.course.provider, "Helvetica-Bold", 15)
    p.text(x, p.h - 88, "Contact Hour Calculation and Completion Record", "Helvetica", 11)
    p.text(p.w - x, p.h - 70, "Form CH-2 (rev. 2024)", "Helvetica", 8, align="right", colour=GREY)
    p.hline(x, p.w - x, p.h - 98, 0.8)
    rows = [("Participant", c.person.name), ("ACE certification no.", c.person.certificant_id),
            ("Course", c.course.title), ("ACE course no.", course_no(c.course.number, "hyphen")),
            ("Date course completed", us(c.completed))]
    y = p.h - 126
    for label, value in rows:
        p.text(x, y, label, "Helvetica", 10)
        p.text(x + 150, y, value, "Helvetica-Bold", _fit(p, value, "Helvetica-Bold", 11, p.w - 2 * x - 150, 8))
        y -= 19
    table = [["Segment", "Format", "Minutes"]]
    for i in range(k):
        table.append([names[i], "In person" if i < k - 1 else "Proctored", str(share[i])])
    table.append(["Total instructional minutes", "", str(minutes)])
    y = p.table(x, y - 16, [220, 140, 90], table, row_h=21, face="Helvetica", head_face="Helvetica-Bold", size=10)
    p.text(x, y - 26, "Contact hours (total minutes \u00f7 60):", "Helvetica", 11)
    p.text(x + 250, y - 26, f"{hours}", "Helvetica-Bold", 13)
    p.wrap(x, y - 56, p.w - 2 * x, "ACE converts contact hours to CECs at 10 contact hours = 1.0 CEC. Breaks and "
           "meals are not counted.", "Helvetica", 9, 12)
    p.signature(x, 120, 170)
    p.text(x, 106, f"Verified by {_staff(c, 1)}", "Helvetica", 9)
    p.text(p.w - x, 106, f"Verified on {us(c.issued)}", "Helvetica", 9, align="right")


# ---------------------------------------------------------------- letters, notes, prose

@layout("prose", evidence="id", units="cec")
def draw_letterhead_number_clutter(p, c):
    """Letter under a letterhead crowded with dotted phone and fax numbers, a suite, a PO box and a tax ID; course number mid-sentence."""
    x = 72
    p.text(x, p.h - 64, c.course.provider, "LiberationSerif-Bold", 19)
    s = c.seed
    head = [f"Suite {1000 + s % 1200}  \u00b7  PO Box {3000 + s % 900}  \u00b7  Boulder, CO 80302",
            f"Tel 303.555.{s % 9000 + 1000:04d}  \u00b7  Fax 303.555.{(s // 9) % 9000 + 1000:04d}  \u00b7  "
            f"Tax ID 84-{s % 9000000 + 1000000}", f"ACE Provider No. {s % 9000 + 1000}  \u00b7  Est. {1990 + s % 25}"]
    y = p.h - 82
    for line in head:
        p.text(x, y, line, "LiberationSans", 8.5, colour=GREY)
        y -= 11
    p.hline(x, p.w - x, y - 2, 0.6)
    p.text(x, y - 36, written(c.printed), "LiberationSerif", 11)
    p.text(x, y - 54, f"Our ref. CE/{c.printed.year}/{s % 9000 + 1000}", "LiberationSerif", 11)
    y = y - 96
    p.text(x, y, f"Dear {c.person.name}:", "LiberationSerif", 12)
    body = (f"Our records show that you completed course number {c.course.number}, {c.course.title}, on "
            f"{written(c.completed)}. The American Council on Exercise has approved this course for {cec(c.ceus)} "
            f"continuing education credits (CECs). Your ACE certification number on file with us is "
            f"{c.person.certificant_id}.")
    y = p.wrap(x, y - 24, p.w - 2 * x, body, "LiberationSerif", 12, 17)
    y = p.wrap(x, y - 10, p.w - 2 * x, "Please keep this letter with your records; it serves as your certificate "
               "of completion. If any detail is wrong, call us at the number above.", "LiberationSerif", 12, 17)
    p.text(x, y - 24, "Sincerely,", "LiberationSerif", 12)
    p.signature(x, y - 70, 160)
    p.text(x, y - 86, f"{_staff(c, 2)}, Continuing Education Coordinator", "LiberationSerif", 11)


@layout("prose", evidence="name", units="cec")
def draw_spanish_first_prose(p, c):
    """Certificate in Spanish first with English under each line; '0,4' with a decimal comma beside '0.4'; dates both ways."""
    p.border(30, double=True, width=2)
    p.centre(p.h - 90, c.course.provider, "LiberationSans-Bold", 15)
    p.centre(p.h - 140, "CONSTANCIA DE FINALIZACI\u00d3N", "LiberationSerif-Bold", 26)
    p.centre(p.h - 162, "Certificate of Completion", "LiberationSerif-Italic", 15, colour=GREY)
    p.centre(p.h - 206, "Se hace constar que", "LiberationSerif", 14)
    p.centre(p.h - 222, "This is to certify that", "LiberationSerif-Italic", 11, colour=GREY)
    p.centre(p.h - 264, c.person.name, "LiberationSerif-Bold", _fit(p, c.person.name, "LiberationSerif-Bold", 28, 460))
    p.centre(p.h - 300, "complet\u00f3 satisfactoriamente el curso", "LiberationSerif", 14)
    p.centre(p.h - 316, "has successfully completed the course", "LiberationSerif-Italic", 11, colour=GREY)
    p.centre(p.h - 346, c.course.title, "LiberationSerif-Bold", _fit(p, c.course.title, "LiberationSerif-Bold", 19, 460))
    comma = cec(c.ceus).replace(".", ",")
    rows = [(f"N\u00famero de curso ACE: {course_no(c.course.number, 'hyphen')}",
             f"ACE course number: {course_no(c.course.number, 'hyphen')}"),
            (f"Fecha de finalizaci\u00f3n: {_es_date(c.completed)}", f"Date of completion: {written(c.completed)}"),
            (f"Cr\u00e9ditos de educaci\u00f3n continua (CEC): {comma}", f"Continuing education credits: {cec(c.ceus)}")]
    y = p.h - 396
    for es, en in rows:
        p.centre(y, es, "LiberationSans-Bold", 12)
        p.centre(y - 15, en, "LiberationSans-Italic", 10, colour=GREY)
        y -= 40
    p.signature(p.w / 2 - 90, 150, 180)
    p.centre(136, f"{_staff(c, 3)}, Coordinadora Acad\u00e9mica / Academic Coordinator", "LiberationSans", 9)
    p.centre(90, f"Ciudad de M\u00e9xico, {_es_date(c.issued)}  \u00b7  Issued {written(c.issued)}",
             "LiberationSans", 9, colour=GREY)


@layout("prose", evidence="id", units="hours")
def draw_sentence_blanks_by_hand(p, c):
    """Pre-printed sentence with blanks filled in by hand: name, ACE no., hours, course, course no. and date in the sentence."""
    rng = c.rng("blanks")
    x = 70
    p.corners(36, 60, 2)
    p.centre(p.h - 100, c.course.provider.upper(), "Times-Bold", 14)
    p.centre(p.h - 146, "Certificate of Attendance", "Times-BoldItalic", 32)
    size, face = 14, "Times-Roman"
    d = c.completed

    def line(y, parts):
        cx = x
        for part in parts:
            if isinstance(part, str):
                cx = p.text(cx, y, part, face, size) + 6
            else:
                value, w = part
                p.hline(cx, cx + w, y - 3, 0.6)
                hs = 15
                while hs > 9 and p.width(value, "LiberationSerif-Italic", hs) > w - 8:
                    hs -= 0.5
                _hand(p, cx + min(rng.uniform(4, 14), max(2, w - p.width(value, "LiberationSerif-Italic", hs) - 2)),
                      y + 1, value, hs)
                cx += w + 6
    w = p.w - 2 * x
    y = p.h - 220
    line(y, ["This is to certify that", (c.person.name, w - p.width("This is to certify that", face, size) - 12)])
    y -= 40
    lead = "ACE certification no."
    line(y, [lead, (c.person.certificant_id, 110), ", attended", (str(hours_of(c)), 50), "contact hours"])
    y -= 40
    lead = "of instruction in"
    line(y, [lead, (c.course.title, w - p.width(lead, face, size) - 12)])
    y -= 40
    line(y, ["(ACE course no.", (course_no(c.course.number, "plain"), 120), ") on", (f"{d.month}/{d.day}/{d.year}", 130),
             "."])
    p.wrap(x, y - 50, w, "Ten contact hours equal one ACE continuing education credit (CEC).", "Times-Italic", 11, 15)
    p.signature(x, 170, 190)
    p.text(x, 156, "Instructor", "Times-Roman", 10)
    p.hline(p.w - x - 170, p.w - x, 170, 0.6)
    i = c.issued
    _hand(p, p.w - x - 160, 174, f"{i.month}/{i.day}/{i.year}", 14)
    p.text(p.w - x - 170, 156, "Date signed", "Times-Roman", 10)
    p.text(x, 80, f"{c.course.provider}  \u00b7  blank certificate stock no. {c.seed % 900 + 100}", "Times-Roman", 8,
           colour=GREY)


@layout("prose", evidence="id", units="cec")
def draw_corrected_reissue(p, c):
    """Reissued certificate letter naming the wrong completion date it replaces, then the corrected record in a box."""
    rng = c.rng("wrong")
    wrong = c.completed + timedelta(days=rng.choice([-10, -3, -1, 1, 2, 9, 30]))
    x = 70
    p.text(x, p.h - 70, c.course.provider, "LiberationSans-Bold", 16)
    p.text(p.w - x, p.h - 70, "CORRECTED", "LiberationSans-Bold", 14, align="right", colour=RUST)
    p.text(p.w - x, p.h - 86, "Replaces an earlier certificate", "LiberationSans", 9, align="right", colour=RUST)
    p.hline(x, p.w - x, p.h - 96, 0.8)
    p.text(x, p.h - 126, f"Date of this notice: {written(c.printed)}", "LiberationSans", 10)
    p.text(x, p.h - 160, f"Dear {c.person.first} {c.person.last},", "LiberationSans", 11)
    y = p.wrap(x, p.h - 182, p.w - 2 * x,
               f"The certificate we sent you earlier for {c.course.title} showed the completion date as "
               f"{us(wrong)}, which was our error. That date is wrong and should not be reported. The correct "
               "completion date, and the rest of the record, are in the box below. Please discard the earlier "
               "certificate.", "LiberationSans", 11, 15)
    top = y - 14
    p.box(x, top - 150, p.w - 2 * x, 150, 1.4)
    p.box(x, top - 22, p.w - 2 * x, 22, 0, fill=SHADE)
    p.text(x + 10, top - 16, "CORRECTED CERTIFICATE OF COMPLETION", "LiberationSans-Bold", 10)
    rows = [("Participant", c.person.name), ("ACE certification ID", c.person.certificant_id),
            ("ACE course number", course_no(c.course.number, "space")), ("Correct completion date", us(c.completed)),
            ("CECs", cec(c.ceus))]
    yy = top - 44
    for label, value in rows:
        p.text(x + 14, yy, label, "LiberationSans", 10)
        p.text(x + 190, yy, value, "LiberationSans-Bold", 11)
        yy -= 22
    p.wrap(x, top - 178, p.w - 2 * x, "We are sorry for the trouble. Nothing else on the earlier certificate has "
           "changed.", "LiberationSans", 11, 15)
    p.signature(x, top - 240, 160)
    p.text(x, top - 254, f"{_staff(c, 4)}, Registrar", "LiberationSans", 10)


@layout("prose", evidence="id+email", units="cec")
def draw_numbered_clauses_attestation(p, c):
    """Attestation in numbered clauses: enrolment date, completion date, approval and credit each in a clause of its own."""
    enrolled = c.completed - timedelta(days=c.rng("enrol").randint(5, 60))
    x = 72
    p.centre(p.h - 76, c.course.provider, "LiberationSerif-Bold", 16)
    p.centre(p.h - 110, "ATTESTATION OF COURSE COMPLETION", "LiberationSerif-Bold", 15)
    p.hline(x, p.w - x, p.h - 122, 0.6)
    p.text(x, p.h - 152, "The undersigned, on behalf of the provider, attests as follows:", "LiberationSerif", 12)
    clauses = [
        f"The participant is {c.person.name}, ACE certification number {c.person.certificant_id}, who may be "
        f"reached at {c.person.email}.",
        f"The participant enrolled in {c.course.title} on {us(enrolled)}.",
        f"The participant completed every module and the final assessment of that course on {written(c.completed)}.",
        f"The course is approved by the American Council on Exercise as course {course_no(c.course.number, 'plain')}.",
        f"The participant has earned {cec(c.ceus)} continuing education credits (CECs) for the course.",
    ]
    y = p.h - 184
    for i, s in enumerate(clauses, 1):
        p.text(x, y, f"{i}.", "LiberationSerif", 12)
        y = p.wrap(x + 22, y, p.w - 2 * x - 22, s, "LiberationSerif", 12, 16) - 8
    p.text(x, y - 20, f"Signed on {written(c.issued)}.", "LiberationSerif", 12)
    p.signature(x, y - 70, 180)
    p.text(x, y - 84, f"{_staff(c, 5)}, Compliance Officer", "LiberationSerif", 11)
    p.text(x, 56, f"Attestation no. AT-{c.seed % 90000 + 10000}", "LiberationSans", 8, colour=GREY)


@layout("memo", evidence="id", units="cec", courses=("safety",))
def draw_instructor_notepad_note(p, c):
    """A notepad sheet 'From the desk of' an instructor, every value handwritten; the printed pad carries an instructor ID."""
    x, w = 90, p.w - 180
    top = p.h - 90
    p.box(x, 140, w, top - 140, 0.8, colour=GREY)
    p.box(x, top - 60, w, 60, 0, fill=Color(0.85, 0.9, 0.95))
    who = _staff(c, 1)
    p.text(x + 16, top - 26, "From the desk of", "LiberationSerif-Italic", 10)
    p.text(x + 16, top - 46, who, "LiberationSerif-Bold", 16)
    p.text(x + w - 16, top - 26, c.course.provider, "LiberationSans", 8.5, align="right")
    p.text(x + w - 16, top - 40, f"Instructor ID {c.seed % 900000 + 100000:06d}-I", "LiberationSans", 8.5,
           align="right")
    for k in range(1, 16):
        p.hline(x + 10, x + w - 10, top - 60 - k * 24, 0.3, Color(0.6, 0.7, 0.85))
    d = c.completed
    lines = ["To whom it may concern,", f"{c.person.name} (ACE # {c.person.certificant_id})",
             f"completed my {c.course.title}", f"class, course {course_no(c.course.number, 'plain')},",
             f"on {d.month}/{d.day}/{d:%y}.  {cec(c.ceus)} CEC", "", f"\u2014 {who.split()[0]}"]
    y = top - 60 - 24 + 5
    for s in lines:
        if s:
            size = 15
            while size > 10 and p.width(s, "LiberationSerif-Italic", size) > w - 40:
                size -= 0.5
            _hand(p, x + 22, y, s, size)
        y -= 24
    p.c.setStrokeColor(INK)
    p.signature(x + 30, y - 10, 140)
    p.c.setStrokeColor(black)
    p.text(x, 120, "Notepad courtesy of the provider. Keep with your CE records.", "LiberationSans", 7, colour=GREY)


@layout("minimal", evidence="email", units="cec")
def draw_forwarded_email_chain(p, c):
    """A forwarded email printed to PDF: the forward's header, then '---- Forwarded message ----' with the original's."""
    x = 48
    slug = _slug(c)
    sent = c.issued
    fwd = c.printed if c.printed > sent else sent + timedelta(days=1)
    p.text(x, p.h - 30, f"{fwd.month}/{fwd.day}/{fwd:%y}, {1 + c.seed % 8}:{c.seed % 60:02d} PM", "Helvetica", 8)
    p.text(p.w / 2, p.h - 30, "Mail - Fwd: Your course completion", "Helvetica", 8, align="centre")
    p.text(x, p.h - 76, "Fwd: Your course completion", "Helvetica-Bold", 17)
    hdr = [("From", f"{c.person.name} <{c.person.email}>"), ("To", "ce-records@acefitness.example"),
           ("Date", f"{weekday(fwd)}, {10 + c.seed % 2}:{(c.seed // 3) % 60:02d} AM")]
    y = p.h - 104
    for label, value in hdr:
        p.text(x, y, f"{label}:", "Helvetica-Bold", 10)
        p.text(x + 44, y, value, "Helvetica", 10)
        y -= 14
    y -= 14
    for s in ("Hello, please add this course to my record. My certificate email is below.", "",
              f"Thanks, {c.person.first}"):
        if s:
            p.text(x, y, s, "Helvetica", 11)
        y -= 15
    y -= 12
    p.text(x, y, "---------- Forwarded message ---------", "Helvetica", 10)
    y -= 16
    orig = [("From", f"{c.course.provider} <noreply@{slug}.example>"),
            ("Date", f"{sent:%a}, {abbrev(sent)} at {8 + c.seed % 4}:{c.seed % 50 + 10} AM"),
            ("Subject", "Your course completion"), ("To", f"<{c.person.email}>")]
    for label, value in orig:
        p.text(x, y, f"{label}: {value}", "Helvetica", 10)
        y -= 14
    y -= 18
    p.text(x, y, f"Hi {c.person.first},", "Helvetica", 11)
    y = p.wrap(x, y - 22, p.w - 2 * x,
               f"Congratulations on completing {c.course.title} (ACE course {course_no(c.course.number, 'hyphen')}) "
               f"on {written(c.completed)}. The course is approved for {cec(c.ceus)} CECs.", "Helvetica", 11, 15)
    y = p.wrap(x, y - 8, p.w - 2 * x, "Keep this email as your record of completion. Report the credit to ACE "
               "with your renewal.", "Helvetica", 11, 15)
    p.text(x, y - 10, "The education team", "Helvetica", 11)
    p.text(x, 30, f"https://mail.example/mail/u/0/#inbox/{c.seed % 16**12:012x}", "Helvetica", 8)
    p.text(p.w - x, 30, "1/1", "Helvetica", 8, align="right")


@layout("receipt", evidence="email", units="cec")
def draw_thermal_till_receipt(p, c):
    """A narrow thermal till receipt saved as a PDF page: course, email, 'Completed', 'CECs earned', fee and sale time."""
    p.size_to(216, 640)
    face, size = "DejaVuSansMono", 7.5
    lh = 11
    x = 12
    cols = int((p.w - 2 * x) / p.width("0", face, size))
    y = p.h - 30

    def put(s="", align="left", f=None):
        nonlocal y
        f = f or face
        if align == "centre":
            p.text(p.w / 2, y, s, f, size, align="centre")
        else:
            p.text(x, y, s, f, size)
        y -= lh

    def pair(label, value):
        put(label + value.rjust(cols - len(label)))

    def rule():
        put("-" * cols)

    put(c.course.provider.upper()[:cols], "centre")
    put(f"{100 + c.seed % 8800} WELLNESS WAY", "centre")
    put(f"TEL (720) 555-{c.seed % 9000 + 1000}", "centre")
    rule()
    sale = c.completed
    put(f"REG 0{1 + c.seed % 4}  TRN {c.seed % 9000 + 1000}  CSH {c.seed % 90 + 10}")
    put(f"SALE {us(sale)} {13 + c.seed % 6}:{c.seed % 60:02d}")
    rule()
    put("COURSE COMPLETION RECEIPT", "centre")
    rule()
    words, line = c.course.title.upper().split(), ""
    for wd in words:
        if len(line) + len(wd) + 1 > cols:
            put(line)
            line = wd
        else:
            line = f"{line} {wd}".strip()
    put(line)
    pair("ACE COURSE #", course_no(c.course.number, "plain"))
    pair("COMPLETED", us(c.completed))
    pair("CECS EARNED", cec(c.ceus))
    rule()
    put("LEARNER")
    put(c.person.email[:cols])
    rule()
    fee = 59 + c.seed % 140
    pair("WORKSHOP FEE", f"{fee}.00")
    pair("TAX", "0.00")
    pair("TOTAL", f"{fee}.00")
    pair(f"VISA ****{c.seed % 9000 + 1000}", f"{fee}.00")
    rule()
    put("KEEP THIS RECEIPT AS PROOF", "centre")
    put("OF COURSE COMPLETION", "centre")
    y -= 6
    _barcode(p, 30, y - 30, p.w - 60, 30, c)
    y -= 44
    put(f"{c.seed % 10**10:010d}", "centre")


# ---------------------------------------------------------------- schedules and events

@layout("schedule", evidence="id", units="cec")
def draw_weekly_series_calendar(p, c):
    """Course taught in four weekly sessions: a month calendar with the session days ringed, completion on the last."""
    import calendar

    sessions = [c.completed - timedelta(days=7 * k) for k in (3, 2, 1, 0)]
    x = 60
    p.text(x, p.h - 70, c.course.provider, "LiberationSans-Bold", 16)
    p.text(x, p.h - 88, "Weekly Course Series \u2014 Record of Completion", "LiberationSans", 11)
    p.hline(x, p.w - x, p.h - 98, 0.8)
    rows = [("Participant", c.person.name), ("ACE ID", c.person.certificant_id), ("Course", c.course.title),
            ("ACE course no.", course_no(c.course.number, "space")), ("CECs", cec(c.ceus))]
    y = p.h - 124
    for label, value in rows:
        p.text(x, y, label, "LiberationSans", 10, colour=GREY)
        p.text(x + 110, y, value, "LiberationSans-Bold", _fit(p, value, "LiberationSans-Bold", 11, p.w - 2 * x - 110, 8))
        y -= 18
    p.text(x, y - 14, "Sessions attended", "LiberationSans-Bold", 11)
    y -= 34
    for i, d in enumerate(sessions, 1):
        _tick(p, x, y - 2, 9, True)
        p.text(x + 16, y, f"Session {i}:  {d:%a}, {abbrev(d)}", "LiberationSans", 10)
        y -= 16
    # the completion month as a calendar, right of the sessions
    gx, cw, ch = 330, 32, 24
    gy = p.h - 250 - 8 * ch
    d = c.completed
    p.box(gx, gy + 7 * ch - 4, 7 * cw, ch + 4, 0, fill=SLATE)
    p.text(gx + 3.5 * cw, gy + 7 * ch + 4, f"{d:%B %Y}", "LiberationSans-Bold", 10, align="centre", colour=white)
    for i, wd in enumerate("SMTWTFS"):
        p.text(gx + i * cw + cw / 2, gy + 6 * ch + 6, wd, "LiberationSans-Bold", 8, align="centre", colour=GREY)
    cal = calendar.Calendar(firstweekday=6)
    marked = {s.day for s in sessions if (s.year, s.month) == (d.year, d.month)}
    for r, week in enumerate(cal.monthdayscalendar(d.year, d.month)):
        for i, day in enumerate(week):
            if not day:
                continue
            cx, cy = gx + i * cw + cw / 2, gy + (5 - r) * ch + 6
            if day in marked:
                p.c.setLineWidth(1.2 if day == d.day else 0.7)
                p.c.circle(cx, cy + 3, 10, stroke=1, fill=0)
            p.text(cx, cy, str(day), "LiberationSans", 8, align="centre")
    p.text(gx, gy - 10, "Ringed: session days this month", "LiberationSans", 7, colour=GREY)
    p.text(x, gy - 44, f"Course completed at the final session: {written(c.completed)}", "LiberationSans-Bold", 11)
    p.signature(x, 110, 170)
    p.text(x, 96, f"{_staff(c, 2)}, Course Leader", "LiberationSans", 9)
    p.text(p.w - x, 96, f"Record issued {us(c.issued)}", "LiberationSans", 9, align="right")


@layout("event", evidence="id", units="hours", courses=("event",))
def draw_ce_passport_stamps(p, c):
    """Event CE passport: a grid of session boxes, each stamped with its day and hours, the total of contact hours below."""
    total = hours_of(c)
    days = max(1, (c.completed - c.start).days + 1)
    n = min(6, max(days, min(total, days * 2)))
    per = [total // n + (1 if i < total % n else 0) for i in range(n)]
    x = 56
    p.box(x, p.h - 110, p.w - 2 * x, 60, 0, fill=RUST)
    p.text(x + 14, p.h - 76, "CE PASSPORT", "LiberationSans-Bold", 20, colour=white)
    p.text(x + 14, p.h - 96, c.course.title, "LiberationSans", 11, colour=white)
    p.text(p.w - x - 14, p.h - 76, date_range(c.start, c.completed), "LiberationSans-Bold", 11, align="right",
           colour=white)
    p.text(p.w - x - 14, p.h - 96, f"ACE event no. {c.course.number}", "LiberationSans", 10, align="right",
           colour=white)
    p.text(x, p.h - 140, f"Passport holder: {c.person.name}", "LiberationSans-Bold", 12)
    p.text(x, p.h - 158, f"ACE certification no.: {c.person.certificant_id}", "LiberationSans", 11)
    p.text(x, p.h - 178, "Have each session you attend stamped at the door. Unstamped boxes earn no credit.",
           "LiberationSans", 9, colour=GREY)
    bw, bh = (p.w - 2 * x - 20) / 3, 120
    top = p.h - 200
    for i in range(6):
        bx, by = x + (i % 3) * (bw + 10), top - (i // 3 + 1) * (bh + 12)
        p.box(bx, by, bw, bh, 0.8, colour=GREY)
        p.text(bx + 8, by + bh - 14, f"Session block {i + 1}", "LiberationSans", 8, colour=GREY)
        if i < n:
            d = c.start + timedelta(days=min(days - 1, i * days // n))
            angle = (-8, 5, -3, 7, -6, 4)[(i + c.seed) % 6]
            _stamp(p, bx + bw / 2, by + bh / 2 - 6, angle, RUST, 1.6, (-64, -30, 128, 60, 5), (-60, -26, 120, 52, 3),
                   (("ATTENDED", "Helvetica-Bold", 10, 12), (f"{d:%d %b %Y}".upper(), "Courier-Bold", 11, -2),
                    (f"{per[i]} HRS", "Helvetica-Bold", 10, -17)))
    y = top - 2 * (bh + 12) - 30
    p.text(x, y, f"Total contact hours stamped: {total}", "LiberationSans-Bold", 13)
    p.text(x, y - 18, "10 contact hours = 1.0 ACE CEC", "LiberationSans", 9, colour=GREY)
    p.text(x, y - 50, f"Passport checked at the registration desk on the last day, {us(c.completed)}.",
           "LiberationSans", 10)
    p.signature(p.w - 240, y - 40, 170)
    p.text(p.w - 240, y - 54, "Registration desk", "LiberationSans", 9)


@layout("event", evidence="name", units="cec", courses=("event",))
def draw_lanyard_badge_record(p, c):
    """A printed conference badge (slot, huge first name, 'ATTENDEE' bar) beside a CE record box with the CECs earned."""
    bx, by, bw, bh = 56, p.h - 470, 250, 360
    _round_box(p, bx, by, bw, bh, 12, 1.2)
    _round_box(p, bx + bw / 2 - 30, by + bh - 28, 60, 10, 5, 0.8, fill=white)
    p.text(bx + bw / 2, by + bh - 60, c.course.title, "LiberationSans-Bold",
           _fit(p, c.course.title, "LiberationSans-Bold", 13, bw - 30, 8), align="centre")
    p.text(bx + bw / 2, by + bh - 78, date_range(c.start, c.completed), "LiberationSans", 10, align="centre")
    p.text(bx + bw / 2, by + bh - 160, c.person.first, "LiberationSans-Bold",
           _fit(p, c.person.first, "LiberationSans-Bold", 40, bw - 30, 14), align="centre")
    p.text(bx + bw / 2, by + bh - 190, c.person.last, "LiberationSans",
           _fit(p, c.person.last, "LiberationSans", 22, bw - 30, 10), align="centre")
    p.text(bx + bw / 2, by + bh - 216, c.course.provider, "LiberationSans-Italic",
           _fit(p, c.course.provider, "LiberationSans-Italic", 10, bw - 30, 7), align="centre", colour=GREY)
    p.box(bx, by + 12, bw, 40, 0, fill=FOREST)
    p.text(bx + bw / 2, by + 26, "ATTENDEE", "LiberationSans-Bold", 18, align="centre", colour=white)
    _dashed(p, bx + bw + 14, by, bx + bw + 14, by + bh)
    rx = bx + bw + 34
    p.text(rx, p.h - 120, "CE CREDIT RECORD", "LiberationSans-Bold", 13)
    rows = [("Attendee", c.person.name), ("Event", c.course.title),
            ("ACE event no.", course_no(c.course.number, "plain")), ("Event dates", date_range(c.start, c.completed)),
            ("CECs earned", cec(c.ceus))]
    y = p.h - 150
    for label, value in rows:
        p.text(rx, y, label, "LiberationSans", 9, colour=GREY)
        y -= 15
        for ln in _lines(p, value, "LiberationSans-Bold", 11, p.w - rx - 50):
            p.text(rx, y, ln, "LiberationSans-Bold", 11)
            y -= 14
        y -= 10
    p.wrap(rx, y - 6, p.w - rx - 50, "CECs are counted from the sessions your badge was scanned into. Print the "
           "badge page as your certificate of attendance.", "LiberationSans", 9, 12)
    p.text(56, 60, f"Badge printed {abbrev(c.printed)}  \u00b7  registration {c.seed % 90000 + 10000}",
           "LiberationSans", 8, colour=GREY)
