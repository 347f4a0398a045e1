"""Drawing helpers over a reportlab canvas: fonts, aligned text, prose, dot leaders, tables, ornaments.

Fonts are reportlab's built-ins (Helvetica, Times, Courier) and the TrueType families Debian
ships in fonts-dejavu-core and fonts-liberation (see .ci/run). A TrueType font that is not
installed falls back to the nearest built-in; text a built-in font cannot encode (a name with
Ł or ễ) is set in DejaVu instead, as a provider's software would have to.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

TTF_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation")]
TTF = {
    "DejaVuSans": "DejaVuSans.ttf", "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf", "DejaVuSerif": "DejaVuSerif.ttf",
    "DejaVuSerif-Bold": "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic": "DejaVuSerif-Italic.ttf",
    "DejaVuSansCondensed": "DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold": "DejaVuSansCondensed-Bold.ttf",
    "DejaVuSansMono": "DejaVuSansMono.ttf",
    "LiberationSans": "LiberationSans-Regular.ttf", "LiberationSans-Bold": "LiberationSans-Bold.ttf",
    "LiberationSans-Italic": "LiberationSans-Italic.ttf", "LiberationSerif": "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold": "LiberationSerif-Bold.ttf", "LiberationSerif-Italic": "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic": "LiberationSerif-BoldItalic.ttf",
    "LiberationMono": "LiberationMono-Regular.ttf", "LiberationMono-Bold": "LiberationMono-Bold.ttf",
    "LiberationSansNarrow": "LiberationSansNarrow-Regular.ttf",
    "LiberationSansNarrow-Bold": "LiberationSansNarrow-Bold.ttf",
}
BUILTIN_FALLBACK = {"Sans": "Helvetica", "Serif": "Times-Roman", "Mono": "Courier"}
_registered: dict[str, str] = {}


def ttf_path(name: str) -> Path | None:
    for d in TTF_DIRS:
        p = d / TTF[name]
        if p.exists():
            return p
    return None


def fonts_available() -> list[str]:
    """The TrueType fonts found (part of the corpus's cache key: a missing font changes the pages)."""
    return sorted(n for n in TTF if ttf_path(n) is not None)


def _builtin_for(name: str) -> str:
    bold = "Bold" in name
    italic = "Italic" in name or "Oblique" in name
    if "Mono" in name:
        return "Courier-Bold" if bold else "Courier"
    if "Serif" in name:
        return {(0, 0): "Times-Roman", (1, 0): "Times-Bold", (0, 1): "Times-Italic", (1, 1): "Times-BoldItalic"}[
            (bold, italic)]
    return {(0, 0): "Helvetica", (1, 0): "Helvetica-Bold", (0, 1): "Helvetica-Oblique",
            (1, 1): "Helvetica-BoldOblique"}[(bold, italic)]


def font(name: str) -> str:
    """The reportlab font name to use for NAME (registering a TrueType font on first use)."""
    if name in pdfmetrics.standardFonts:
        return name
    if name in _registered:
        return _registered[name]
    path = ttf_path(name) if name in TTF else None
    if path is None:
        _registered[name] = _builtin_for(name)
    else:
        pdfmetrics.registerFont(TTFont(name, str(path)))
        _registered[name] = name
    return _registered[name]


def _encodable(s: str) -> bool:
    try:
        s.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def _has_glyphs(f: str, s: str) -> bool:
    """Whether TrueType font F draws every character of S (Liberation has no Vietnamese ị or ễ)."""
    glyphs = pdfmetrics.getFont(f).face.charToGlyph
    return all(ord(ch) in glyphs for ch in s if not ch.isspace())


def font_for(name: str, s: str) -> str:
    f = font(name)
    if (f in pdfmetrics.standardFonts and not _encodable(s)) or (
            f not in pdfmetrics.standardFonts and not f.startswith("DejaVu") and not _encodable(s)
            and not _has_glyphs(f, s)):
        serif = f.startswith("Times") or "Serif" in f
        bold = "Bold" in f
        italic = "Italic" in f or "Oblique" in f
        alt = ("DejaVuSerif" if serif else "DejaVuSans") + ("-Bold" if bold else "")
        if italic and not bold:
            alt = "DejaVuSerif-Italic" if serif else "DejaVuSans-Oblique"
        return font(alt)
    return f


GREY = Color(0.45, 0.45, 0.45)
LIGHT = Color(0.82, 0.82, 0.82)


class Pen:
    """A page being drawn: width w, height h (points), origin bottom left."""

    def __init__(self, c, size: tuple[float, float], rng: random.Random):
        self.c, self.w, self.h, self.rng = c, size[0], size[1], rng
        c.setPageSize(size)
        c.setPageRotation(0)            # a page's /Rotate would otherwise carry over to the next page
        self.face, self.size = "Helvetica", 12

    def landscape(self) -> "Pen":
        self.w, self.h = max(self.w, self.h), min(self.w, self.h)
        self.c.setPageSize((self.w, self.h))
        return self

    def size_to(self, w: float, h: float) -> "Pen":
        self.w, self.h = w, h
        self.c.setPageSize((w, h))
        return self

    # -- text ------------------------------------------------------------------------
    def use(self, face: str, size: float) -> "Pen":
        self.face, self.size = face, size
        return self

    def width(self, s: str, face: str | None = None, size: float | None = None) -> float:
        face, size = face or self.face, size or self.size
        return pdfmetrics.stringWidth(s, font_for(face, s), size)

    def text(self, x: float, y: float, s: str, face: str | None = None, size: float | None = None,
             align: str = "left", colour=black) -> float:
        """Draw S at (x, y); returns the x where it ends."""
        face, size = face or self.face, size or self.size
        f = font_for(face, s)
        self.c.setFont(f, size)
        self.c.setFillColor(colour)
        w = pdfmetrics.stringWidth(s, f, size)
        if align == "centre":
            x -= w / 2
        elif align == "right":
            x -= w
        self.c.drawString(x, y, s)
        self.c.setFillColor(black)
        return x + w

    def centre(self, y: float, s: str, face: str | None = None, size: float | None = None, x: float | None = None,
               colour=black) -> None:
        self.text(self.w / 2 if x is None else x, y, s, face, size, align="centre", colour=colour)

    def runs(self, x: float, y: float, parts: list[tuple[str, str]], size: float | None = None,
             align: str = "left") -> None:
        """One line of several (text, face) runs, e.g. a bold value inside a roman sentence."""
        size = size or self.size
        total = sum(self.width(s, f, size) for s, f in parts)
        if align == "centre":
            x -= total / 2
        for s, f in parts:
            x = self.text(x, y, s, f, size)

    def wrap(self, x: float, y: float, width: float, s: str, face: str | None = None, size: float | None = None,
             leading: float | None = None, align: str = "left") -> float:
        """A paragraph wrapped at WIDTH; returns the baseline below its last line."""
        face, size = face or self.face, size or self.size
        leading = leading or size * 1.35
        line = ""
        for word in s.split():
            trial = f"{line} {word}".strip()
            if line and self.width(trial, face, size) > width:
                self._line(x, y, width, line, face, size, align)
                y -= leading
                line = word
            else:
                line = trial
        if line:
            self._line(x, y, width, line, face, size, align)
            y -= leading
        return y

    def _line(self, x, y, width, s, face, size, align):
        if align == "centre":
            self.text(x + width / 2, y, s, face, size, align="centre")
        else:
            self.text(x, y, s, face, size)

    def leader(self, x: float, y: float, label: str, value: str, value_x: float, face: str | None = None,
               size: float | None = None, value_face: str | None = None, dot: str = ".") -> None:
        """`Label ........ value`: a run of DOT from the label's end to just before VALUE_X."""
        face, size = face or self.face, size or self.size
        end = self.text(x, y, label, face, size)
        n = max(3, int((value_x - end - 10) / self.width(dot, face, size)))
        self.text(end + 4, y, dot * n, face, size)
        self.text(value_x, y, value, value_face or face, size)

    # -- lines and shapes ----------------------------------------------------------------
    def hline(self, x1: float, x2: float, y: float, width: float = 0.8, colour=black) -> None:
        self.c.setStrokeColor(colour)
        self.c.setLineWidth(width)
        self.c.line(x1, y, x2, y)
        self.c.setStrokeColor(black)

    def box(self, x: float, y: float, w: float, h: float, width: float = 1, colour=black, fill=None) -> None:
        self.c.setStrokeColor(colour)
        self.c.setLineWidth(width)
        if fill is not None:
            self.c.setFillColor(fill)
        self.c.rect(x, y, w, h, stroke=1, fill=1 if fill is not None else 0)
        self.c.setStrokeColor(black)
        self.c.setFillColor(black)

    def border(self, inset: float = 28, double: bool = True, width: float = 3) -> None:
        self.box(inset, inset, self.w - 2 * inset, self.h - 2 * inset, width)
        if double:
            self.box(inset + 8, inset + 8, self.w - 2 * inset - 16, self.h - 2 * inset - 16, 0.8)

    def ornate_border(self, inset: float = 24, step: float = 14, colour=GREY) -> None:
        """A frame of small diamonds, as certificate paper is often printed with."""
        c = self.c
        c.setStrokeColor(colour)
        c.setLineWidth(0.6)
        x0, y0, x1, y1 = inset, inset, self.w - inset, self.h - inset
        c.rect(x0, y0, x1 - x0, y1 - y0)
        c.rect(x0 + 12, y0 + 12, x1 - x0 - 24, y1 - y0 - 24)
        pts = []
        n = int((x1 - x0) / step)
        pts += [(x0 + 6 + i * (x1 - x0 - 12) / n, y) for i in range(n + 1) for y in (y0 + 6, y1 - 6)]
        m = int((y1 - y0) / step)
        pts += [(x, y0 + 6 + j * (y1 - y0 - 12) / m) for j in range(1, m) for x in (x0 + 6, x1 - 6)]
        for x, y in pts:
            p = c.beginPath()
            p.moveTo(x, y + 3.5)
            p.lineTo(x + 3.5, y)
            p.lineTo(x, y - 3.5)
            p.lineTo(x - 3.5, y)
            p.close()
            c.drawPath(p, stroke=1, fill=0)
        c.setStrokeColor(black)

    def corners(self, inset: float = 40, arm: float = 60, width: float = 2.5) -> None:
        c = self.c
        c.setLineWidth(width)
        for x, y, dx, dy in ((inset, inset, 1, 1), (self.w - inset, inset, -1, 1),
                             (inset, self.h - inset, 1, -1), (self.w - inset, self.h - inset, -1, -1)):
            c.line(x, y, x + dx * arm, y)
            c.line(x, y, x, y + dy * arm)

    def seal(self, x: float, y: float, r: float = 38, lines: tuple[str, ...] = ("OFFICIAL", "SEAL"),
             colour=GREY) -> None:
        """A round seal with a starburst edge and a word or two inside."""
        c = self.c
        c.setStrokeColor(colour)
        c.setLineWidth(1)
        p = c.beginPath()
        for i in range(49):
            a = i * math.pi / 24
            rr = r if i % 2 == 0 else r * 0.9
            (p.moveTo if i == 0 else p.lineTo)(x + rr * math.cos(a), y + rr * math.sin(a))
        p.close()
        c.drawPath(p, stroke=1, fill=0)
        c.circle(x, y, r * 0.72)
        for i, s in enumerate(lines):
            self.text(x, y + 3 - i * 10 + (len(lines) - 1) * 4, s, "Helvetica-Bold", 7, align="centre", colour=colour)
        c.setStrokeColor(black)

    def signature(self, x: float, y: float, w: float = 150) -> None:
        """A pen squiggle above a signature line."""
        c, rng = self.c, self.rng
        c.setLineWidth(1.1)
        p = c.beginPath()
        p.moveTo(x + 5, y + 8)
        cx = x + 5
        for _ in range(5):
            nx = cx + w / 6
            p.curveTo(cx + rng.uniform(5, 20), y + rng.uniform(14, 30), nx - rng.uniform(5, 20),
                      y + rng.uniform(-6, 6), nx, y + rng.uniform(4, 14))
            cx = nx
        c.drawPath(p, stroke=1, fill=0)
        c.setLineWidth(0.7)
        c.line(x, y, x + w, y)

    def logo(self, x: float, y: float, initials: str, size: float = 34, shape: str = "circle") -> None:
        """A provider's mark: a filled shape with its initials reversed out."""
        c = self.c
        c.setFillColor(Color(0.2, 0.2, 0.2))
        if shape == "circle":
            c.circle(x + size / 2, y + size / 2, size / 2, stroke=0, fill=1)
        elif shape == "square":
            c.rect(x, y, size, size, stroke=0, fill=1)
        else:
            p = c.beginPath()
            p.moveTo(x, y)
            p.lineTo(x + size, y)
            p.lineTo(x + size / 2, y + size)
            p.close()
            c.drawPath(p, stroke=0, fill=1)
        c.setFillColor(Color(1, 1, 1))
        f = font("Helvetica-Bold")
        fs = size * 0.38
        w = pdfmetrics.stringWidth(initials, f, fs)
        c.setFont(f, fs)
        c.drawString(x + (size - w) / 2, y + size * (0.28 if shape == "triangle" else 0.36), initials)
        c.setFillColor(black)

    def table(self, x: float, y: float, widths: list[float], rows: list[list[str]], row_h: float = 22,
              face: str = "Helvetica", head_face: str = "Helvetica-Bold", size: float = 10, head_fill=None,
              rules: str = "grid") -> float:
        """A ruled table, first row the header; returns the y below it. rules: grid, rows, none."""
        c = self.c
        total = sum(widths)
        for i, row in enumerate(rows):
            top = y - i * row_h
            if i == 0 and head_fill is not None:
                self.box(x, top - row_h, total, row_h, 0.5, fill=head_fill)
            cx = x
            for w, cell in zip(widths, row):
                self.text(cx + 5, top - row_h + 7, cell, head_face if i == 0 else face, size)
                cx += w
        bottom = y - len(rows) * row_h
        c.setLineWidth(0.7)
        if rules in ("grid", "rows"):
            for i in range(len(rows) + 1):
                c.line(x, y - i * row_h, x + total, y - i * row_h)
        if rules == "grid":
            cx = x
            for w in [0] + widths:
                cx += w
                c.line(cx, y, cx, bottom)
        return bottom


def initials(provider: str) -> str:
    words = [w for w in provider.replace("-", " ").split() if w[0].isupper()]
    return "".join(w[0] for w in words[:3])
