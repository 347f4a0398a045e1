"""A certificate page in the three forms mail arrives in: text layer, scan, fax.

text: the provider's own PDF (reportlab, a real text layer).
scan: the printed page scanned at 200-300 dpi in greyscale: skew, sometimes turned 90 or 180
      degrees, grain, dust, washed-out toner or blur, sometimes a shadow at one edge, saved as
      JPEG (the degradations are samples/certificates/make_certificates.py's, shared).
fax:  the page faxed in fine mode (204 x 196 dpi, 1 bit): the sending machine's header line at
      the top, jagged thresholded strokes, a dirty-head streak, dropped scan lines, specks;
      stored as CCITT G4 in a PDF as fax servers do.
A sheet's blank back (scans only: duplex scanners produce them, fax machines do not) carries
grain and dust, sometimes a faint bleed-through of its front and a shadow at the edge.
"""

from __future__ import annotations

import importlib.util
import io
import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from .model import Cert, Layout
from .pen import Pen, ttf_path
from .world import ROOT, TODAY


def _samples_module():
    """samples/certificates/make_certificates.py (not a package): its scanner effects are shared."""
    import sys

    if "make_certificates" in sys.modules:
        return sys.modules["make_certificates"]
    path = ROOT / "samples" / "certificates" / "make_certificates.py"
    spec = importlib.util.spec_from_file_location("make_certificates", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["make_certificates"] = mod
    spec.loader.exec_module(mod)
    return mod


mc = _samples_module()
Scan = mc.Scan


# -- text layer -----------------------------------------------------------------------
def text_pdf(pages: list[tuple[Layout, Cert] | None], title: str = "Certificate") -> bytes:
    """A text-layer PDF of the pages (None: an empty page, as some exported PDFs end with)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("")
    for page in pages:
        if page is None:
            c.setPageSize(letter)
        else:
            layout, cert = page
            layout.draw(Pen(c, letter, cert.rng("pen")), cert)
        c.showPage()
    c.save()
    return buf.getvalue()


def render(layout: Layout, cert: Cert, dpi: float, ydpi: float | None = None) -> Image.Image:
    """The clean page as 8-bit grey pixels."""
    doc = pdfium.PdfDocument(text_pdf([(layout, cert)]))
    page = doc[0]
    img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    page.close()
    doc.close()
    if ydpi is not None and ydpi != dpi:
        img = img.resize((img.width, round(img.height * ydpi / dpi)), Image.LANCZOS)
    return img


# -- scans ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ScanLook:
    """One page's scan: the shared Scan settings plus this corpus's extras."""

    scan: object                # make_certificates.Scan
    shadow: str = ""            # "", "left", "right", "top", "bottom": the lid's shadow at one edge
    bleed: float = 0.0          # blank back: how much of the front shows through (0..1 of the ink)

    def describe(self) -> str:
        turned = round(self.scan.angle / 90) * 90 % 360
        bits = [f"{self.scan.dpi} dpi", {0: "upright", 90: "sideways", 180: "upside down",
                                         270: "sideways"}[turned]]
        skew = self.scan.angle - round(self.scan.angle / 90) * 90
        if abs(skew) >= 0.05:
            bits.append(f"skew {skew:+.1f}")
        if self.scan.blur:
            bits.append(f"blur {self.scan.blur:.1f}")
        if self.scan.contrast < 1:
            bits.append(f"toner {self.scan.contrast:.2f}")
        bits.append(f"JPEG q{self.scan.quality}")
        if self.shadow:
            bits.append(f"shadow {self.shadow}")
        if self.bleed:
            bits.append("bleed-through")
        return ", ".join(bits)


def scan_look(rng: random.Random, seed: int, blank: bool = False) -> ScanLook:
    """A mailroom scan as they come: mostly upright and a little askew, some turned, some worn."""
    dpi = rng.choice([200, 200, 240, 300, 300, 300])
    turn = 0 if blank else rng.choices([0, 90, 180, 270], [80, 8, 7, 5])[0]
    angle = turn + round(rng.uniform(-2.0, 2.0), 1)
    blur = rng.choice([0, 0, 0, 0.5, 0.8]) if not blank else 0
    contrast = rng.choice([1.0, 1.0, 0.9, 0.8])
    s = Scan(dpi=dpi, angle=angle, noise=rng.uniform(2, 6), specks=rng.randint(10, 160), blur=blur,
             contrast=contrast, quality=rng.choice([35, 45, 55, 70]), seed=seed % (2 ** 32))
    shadow = rng.choices(["", "left", "right", "top", "bottom"], [70, 8, 8, 7, 7])[0]
    if blank:
        shadow = rng.choices(["", "left", "right", "bottom"], [40, 20, 20, 20])[0]
    return ScanLook(s, shadow)


def _shadow(img: Image.Image, edge: str, rng: random.Random) -> Image.Image:
    a = np.asarray(img, dtype=np.float32)
    h, w = a.shape
    depth = rng.uniform(0.025, 0.06)
    n = int((w if edge in ("left", "right") else h) * depth)
    ramp = np.linspace(0.45, 1.0, n, dtype=np.float32) ** 1.6
    if edge in ("right", "bottom"):
        ramp = ramp[::-1]
    if edge == "left":
        a[:, :n] *= ramp[None, :]
    elif edge == "right":
        a[:, w - n:] *= ramp[None, :]
    elif edge == "top":
        a[:n, :] *= ramp[:, None]
    else:
        a[h - n:, :] *= ramp[:, None]
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def scan_image(layout: Layout, cert: Cert, look: ScanLook) -> Image.Image:
    img = mc.degrade(render(layout, cert, look.scan.dpi), look.scan)
    if look.shadow:
        img = _shadow(img, look.shadow, random.Random(look.scan.seed))
    return img


def blank_back_image(front: tuple[Layout, Cert] | None, look: ScanLook) -> Image.Image:
    """The back of a sheet: paper, grain, dust; the front showing faintly through when `bleed`."""
    dpi = look.scan.dpi
    if front is not None and look.bleed:
        img = render(*front, dpi).transpose(Image.FLIP_LEFT_RIGHT).filter(ImageFilter.GaussianBlur(dpi / 100))
        a = np.asarray(img, dtype=np.float32)
        img = Image.fromarray(np.clip(255 - (255 - a) * look.bleed, 0, 255).astype(np.uint8), "L")
    else:
        w, h = letter
        img = Image.new("L", (round(w * dpi / 72), round(h * dpi / 72)), 255)
    img = mc.degrade(img, look.scan)
    if look.shadow:
        img = _shadow(img, look.shadow, random.Random(look.scan.seed))
    return img


def scan_pdf(pages: list[tuple[Image.Image, ScanLook]]) -> bytes:
    return mc.images_pdf_bytes([(img, look.scan.dpi, look.scan.quality) for img, look in pages])


# -- faxes -------------------------------------------------------------------------------
FAX_DPI = (204, 196)


@dataclass(frozen=True)
class FaxLook:
    header: str                 # the line the sending machine prints at the top
    skew: float = 0.0
    threshold: int = 150
    grain: float = 18.0         # grey noise before thresholding: jagged strokes
    streaks: int = 1            # dirty-head vertical lines
    dropped: int = 3            # scan lines lost in transmission
    specks: int = 300
    seed: int = 0

    def describe(self) -> str:
        return (f"fax fine 204x196, skew {self.skew:+.1f}, {self.streaks} streak(s), "
                f"{self.dropped} dropped line(s)")


FAX_NUMBERS = ["+1 555 014 2200", "(555) 013-7781", "555-0199", "+1 555 016 4410", "1 555 011 9032"]


def fax_look(rng: random.Random, seed: int, cert: Cert, page: int, pages: int, sender: str) -> FaxLook:
    """The sending machine's header: when, from whom, which page (its date is the day of sending)."""
    sent = min(TODAY, cert.issued + timedelta(days=rng.randint(1, 30)))
    hhmm = f"{rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}"
    style = rng.randint(0, 3)
    number = rng.choice(FAX_NUMBERS)
    sender = sender.upper()[:28]
    if style == 0:
        header = f"{sent:%b-%d-%Y}".upper() + f" {hhmm}  FROM: {sender}  {number}    P.{page:02d}/{pages:02d}"
    elif style == 1:
        header = f"{sent:%m/%d/%Y} {hhmm}  {number}  {sender}  PAGE {page} OF {pages}"
    elif style == 2:
        header = f"{sent:%d %b %Y} {hhmm}   {sender}   #{rng.randint(100, 999)} P.{page:03d}"
    else:
        header = f"{sent:%Y-%m-%d} {hhmm} FAX {number} -> 1 555 010 0100  {page}/{pages}"
    return FaxLook(header=header, skew=round(rng.uniform(-0.9, 0.9), 1), threshold=rng.randint(140, 175),
                   grain=rng.uniform(10, 26), streaks=rng.choice([0, 1, 1, 2]), dropped=rng.randint(0, 6),
                   specks=rng.randint(100, 600), seed=seed % (2 ** 32))


def _mono_font(px: int):
    for name in ("DejaVuSansMono", "LiberationMono"):
        p = ttf_path(name)
        if p is not None:
            return ImageFont.truetype(str(p), px)
    return ImageFont.load_default()


def fax_image(layout: Layout, cert: Cert, look: FaxLook) -> Image.Image:
    """The received fax page, mode "1"."""
    rng = np.random.default_rng(look.seed)
    img = render(layout, cert, FAX_DPI[0], FAX_DPI[1])
    if look.skew:
        img = img.rotate(look.skew, resample=Image.BICUBIC, expand=False, fillcolor=255)
    draw = ImageDraw.Draw(img)
    draw.text((24, 10), look.header, fill=0, font=_mono_font(21))
    a = np.asarray(img, dtype=np.float32)
    a += rng.normal(0, look.grain, a.shape)
    bits = a >= look.threshold                       # True: white
    h, w = bits.shape
    for _ in range(look.streaks):
        x = int(rng.integers(40, w - 40))
        width = int(rng.integers(1, 3))
        y0 = int(rng.integers(0, h // 3))
        bits[y0:, x:x + width] = False
    for _ in range(look.dropped):
        y = int(rng.integers(60, h - 60))
        bits[y:y + int(rng.integers(1, 3)), :] = True
    for _ in range(look.specks):
        y, x = int(rng.integers(0, h)), int(rng.integers(0, w))
        bits[y:y + int(rng.integers(1, 3)), x:x + int(rng.integers(1, 3))] = False
    return Image.fromarray((bits * 255).astype(np.uint8), "L").convert("1", dither=Image.Dither.NONE)


def fax_pdf(pages: list[Image.Image]) -> bytes:
    """A fax server's PDF: one CCITT G4 bilevel image per page at 204 x 196 dpi."""
    buf = io.BytesIO()
    first, rest = pages[0], pages[1:]
    stamp = datetime(TODAY.year, TODAY.month, TODAY.day)      # fixed: the same bytes on every run
    first.save(buf, "PDF", save_all=True, append_images=rest, dpi=FAX_DPI, title="Fax", creationDate=stamp.timetuple(),
               modDate=stamp.timetuple())
    return buf.getvalue()


def with_seed(look: ScanLook, seed: int) -> ScanLook:
    return replace(look, scan=replace(look.scan, seed=seed % (2 ** 32)))
