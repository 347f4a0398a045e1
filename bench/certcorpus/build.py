"""The plan of the corpus (which file holds which pages), its generation and its truth table.

For each set (tuned, held-out, redrawn, fresh, fresh-redrawn, fresh2, fresh3, fresh4, fresh5, fresh6) and
each form (text, scan, fax): one file per layout holding one certificate, and stacks of four certificates
of different layouts (each layout is in one stack per form). Scanned stacks hold blank backs after
some sheets (grain, dust, a shadow at the edge, sometimes a faint bleed-through of the front);
one text stack ends with an empty page, as exported PDFs sometimes do. Every page's person,
course and date are chosen by a seed from the layout, set, form and place (world.World.choose),
so every run writes the same corpus and different pages of a layout certify different people.

The redrawn set is the tuned layouts drawn again: the seeds take the set's name, so its pages
certify other people and courses on other dates, and every scan and fax has its own look. It
is for tuning like the tuned set, and shows how much of the tuned figure holds on draws the
reader was not tuned on. The fresh set is layouts of its own (fresh.py), also for tuning, and
fresh-redrawn is the fresh layouts drawn again in the same way. The fresh2 set is a third set of
layouts of their own (fresh2.py), for tuning too, the fresh3 set a fourth (fresh3.py), the
fresh4 set a fifth (fresh4.py), the fresh5 set a sixth (fresh5.py) and the fresh6 set a seventh
(fresh6.py).
"""

from __future__ import annotations

import csv
import hashlib
import importlib
import random
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import forms
from .model import Cert, Layout
from .pen import fonts_available
from .world import ROOT, World, seed_of

FORMS = ("text", "scan", "fax")
SETS = ("tuned", "heldout", "redrawn", "fresh", "fresh-redrawn", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6")
LAYOUT_MODULE = {"tuned": "tuned", "heldout": "heldout", "redrawn": "tuned", "fresh": "fresh",
                 "fresh-redrawn": "fresh", "fresh2": "fresh2", "fresh3": "fresh3", "fresh4": "fresh4",
                 "fresh5": "fresh5", "fresh6": "fresh6"}
STACK = 4
TRUTH_FIELDS = ["set", "form", "file", "page", "layout", "family", "expect", "certificant_id", "name",
                "course_number", "completion_date", "ceus", "hours", "look"]


def layouts(set_name: str) -> list[Layout]:
    """The layouts of a set (the held-out module is imported here and nowhere else)."""
    return list(importlib.import_module(f"bench.certcorpus.{LAYOUT_MODULE[set_name]}").LAYOUTS)


@dataclass
class PageSpec:
    layout: Layout | None           # None: a blank page
    cert: Cert | None
    look: object = None             # forms.ScanLook or forms.FaxLook; None for text
    front: tuple | None = None      # a blank back: the (layout, cert) of its front, for bleed-through


@dataclass
class FileSpec:
    set: str
    form: str
    name: str
    pages: list[PageSpec] = field(default_factory=list)

    @property
    def rel(self) -> str:
        return f"{self.set}/{self.form}/{self.name}"


def plan(world: World, set_name: str, set_layouts: list[Layout]) -> list[FileSpec]:
    files: list[FileSpec] = []
    for fi, form in enumerate(FORMS):
        for layout in set_layouts:
            cert = world.choose(layout, f"{set_name}/{form}/single", set())
            files.append(FileSpec(set_name, form, f"{layout.name}.pdf", [PageSpec(layout, cert)]))
        # Stacks: the layouts in a different order for each form, four to a file.
        order = sorted(set_layouts, key=lambda lay: seed_of(set_name, form, "order", lay.name))
        for k in range(0, len(order), STACK):
            name = f"stack-{k // STACK + 1:02d}.pdf"
            spec = FileSpec(set_name, form, name)
            rng = random.Random(seed_of(set_name, form, name))
            taken: set[str] = set()
            for i, layout in enumerate(order[k:k + STACK]):
                cert = world.choose(layout, f"{set_name}/{form}/{name}/{i}", taken)
                taken.add(cert.person.certificant_id)
                spec.pages.append(PageSpec(layout, cert))
                if form == "scan" and rng.random() < 0.6:
                    bleed = rng.choice([0.0, 0.0, 0.05, 0.09])
                    spec.pages.append(PageSpec(None, None, ("back", bleed), (layout, cert)))
            if form == "text" and k == 0:
                spec.pages.append(PageSpec(None, None))
            files.append(spec)
    for spec in files:
        _looks(spec)
    return files


def _looks(spec: FileSpec) -> None:
    """Each page's scan or fax look, seeded by its place."""
    for n, page in enumerate(spec.pages, start=1):
        seed = seed_of(spec.rel, n)
        rng = random.Random(seed)
        if spec.form == "scan":
            if page.layout is None:
                look = forms.scan_look(rng, seed, blank=True)
                page.look = forms.ScanLook(look.scan, look.shadow, bleed=page.look[1])
            else:
                page.look = forms.scan_look(rng, seed)
        elif spec.form == "fax":
            page.look = forms.fax_look(rng, seed, page.cert, n, len(spec.pages), page.cert.course.provider)


def write_file(spec: FileSpec, out: Path) -> None:
    path = out / spec.rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if spec.form == "text":
        data = forms.text_pdf([(p.layout, p.cert) if p.layout else None for p in spec.pages])
    elif spec.form == "scan":
        images = [(forms.scan_image(p.layout, p.cert, p.look) if p.layout else
                   forms.blank_back_image(p.front, p.look), p.look) for p in spec.pages]
        data = forms.scan_pdf(images)
    else:
        data = forms.fax_pdf([forms.fax_image(p.layout, p.cert, p.look) for p in spec.pages])
    path.write_bytes(data)


def truth_rows(files: list[FileSpec]) -> list[dict]:
    rows = []
    for spec in files:
        for n, p in enumerate(spec.pages, start=1):
            row = dict.fromkeys(TRUTH_FIELDS, "")
            row.update(set=spec.set, form=spec.form, file=spec.name, page=n)
            if p.layout is None:
                row.update(expect="blank", look=p.look.describe() if p.look else "empty page")
            else:
                c = p.cert
                row.update(layout=p.layout.name, family=p.layout.family, expect="credit",
                           certificant_id=c.person.certificant_id, name=c.person.name,
                           course_number=c.course.number, completion_date=c.completed.isoformat(),
                           ceus=str(c.ceus), hours="" if c.hours is None else str(c.hours),
                           look=p.look.describe() if p.look else "")
            rows.append(row)
    return rows


def source_key() -> str:
    """A hash of everything the corpus is made from: a change in any of it makes a new corpus."""
    import numpy
    import PIL
    import pypdfium2
    import reportlab

    h = hashlib.sha256()
    sources = sorted((ROOT / "bench" / "certcorpus").glob("*.py")) + [
        ROOT / "samples" / "certificates" / "make_certificates.py"] + sorted((ROOT / "samples" / "reference").glob("*.csv"))
    for p in sources:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    # Versions only: a module's repr names its path, which differs between checkouts' environments.
    pdfium = getattr(pypdfium2, "version", None)
    h.update(repr((fonts_available(), numpy.__version__, PIL.__version__, str(getattr(pdfium, "PYPDFIUM_INFO", "")),
                   str(getattr(pdfium, "PDFIUM_INFO", "")), reportlab.Version)).encode())
    return h.hexdigest()[:16]


def generate(out: Path, sets: tuple[str, ...] = SETS, forms_: tuple[str, ...] = FORMS, only: set[str] | None = None,
             workers: int = 2, world: World | None = None) -> list[dict]:
    """Write the corpus under OUT (OUT/<set>/<form>/<file>.pdf) and OUT/truth.csv; returns the truth.

    `only` restricts to the named layouts' single-page files (for tests)."""
    world = world or World()
    files: list[FileSpec] = []
    for s in sets:
        files += [f for f in plan(world, s, layouts(s)) if f.form in forms_
                  and (only is None or (f.name.removesuffix(".pdf") in only))]
    out.mkdir(parents=True, exist_ok=True)
    if workers > 1 and len(files) > 2:
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(write_file, files, [out] * len(files), chunksize=2))
    else:
        for f in files:
            write_file(f, out)
    rows = truth_rows(files)
    with (out / "truth.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=TRUTH_FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return rows


def cached(base: Path, workers: int = 2) -> tuple[Path, bool]:
    """The full corpus under BASE/corpus-<source key>, generated when not there yet; (folder, made now)."""
    key = source_key()
    folder = base / f"corpus-{key}"
    if (folder / "DONE").exists():
        return folder, False
    for old in base.glob("corpus-*"):
        shutil.rmtree(old, ignore_errors=True)
    tmp = base / f"tmp-corpus-{key}"
    shutil.rmtree(tmp, ignore_errors=True)
    generate(tmp, workers=workers)
    (tmp / "DONE").write_text(key + "\n")
    tmp.rename(folder)
    return folder, True
