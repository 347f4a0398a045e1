"""How fast the certificate reader is, against the bare tools it is built on.

    .venv/bin/python bench/bench_certificates.py [--text-pages N] [--scan-pages M] [--repeat R]

Text layer: N sample text-layer pages, read_certificates vs pdfplumber's extract_text
on the same pages (goal: within 1.3x; PDFium's text should make ours faster).
Scans (two sets, see SCAN_SETS): M upright scanned sample pages, read_certificates with one OCR worker vs bare
Tesseract (pytesseract.image_to_data, one thread) on the same 300 dpi greyscale
renders (goal: within 1.15x), and two workers vs one (goal: 1.7x or better on 2 cores; the
line "2 at once" shows what two bare Tesseract processes get from the machine at that moment,
the ceiling for two workers). When the reader runs Tesseract in its own process (the tesserocr
binding, see cec_batch/ocr.py), a bare loop in one process is timed too, and the reader against it:
the command's start-up (~0.08 s a read) is then in neither.
Best of R runs each. A script, not a test: numbers depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cec_batch import ocr  # noqa: E402
from cec_batch.config import Limits  # noqa: E402
from cec_batch.readers.certificate_pdf import read_certificates  # noqa: E402

SAMPLES = ROOT / "samples" / "certificates"
TEXT_SOURCES = sorted(SAMPLES.glob("text_*.pdf"))
# Upright scans only: turned pages cost our reader an orientation check that bare Tesseract skips.
# "plain": pages read in one Tesseract pass. "mixed" adds a ruled table (Tesseract drops its cells,
# so the reader reads the page again without the rules) and a blurred page (doubtful values
# are read again on their own).
SCAN_SETS = {
    "plain": [("scan_classic_skewed.pdf", [0]), ("scan_stack_with_backs.pdf", [0, 4])],
    "mixed": [("scan_classic_skewed.pdf", [0]), ("scan_minimal_blurred_jpeg.pdf", [0]),
              ("scan_stack_with_backs.pdf", [0, 2, 4])],
}


def build_pdf(out: Path, sources: list[tuple[Path, list[int]]], pages: int) -> Path:
    """A PDF of `pages` pages taken round-robin from the sources."""
    dst = pdfium.PdfDocument.new()
    docs = [(pdfium.PdfDocument(str(p)), idx) for p, idx in sources]
    flat = [(doc, i) for doc, idx in docs for i in idx]
    for k in range(pages):
        doc, i = flat[k % len(flat)]
        dst.import_pages(doc, [i])
    dst.save(str(out))
    dst.close()
    for doc, _ in docs:
        doc.close()
    return out


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_text(tmp: Path, pages: int, repeat: int) -> list[tuple]:
    import pdfplumber

    pdf = build_pdf(tmp / "text.pdf", [(p, [0]) for p in TEXT_SOURCES], pages)
    limits = Limits()

    def ours():
        result = read_certificates(pdf, limits=limits)
        assert len(result.rows) == pages

    def plumber():
        with pdfplumber.open(pdf) as doc:
            for page in doc.pages:
                page.extract_text()

    t_ours, t_plumber = best_of(repeat, ours), best_of(repeat, plumber)
    return [("text layer", "pdfplumber extract_text", pages, t_plumber, None),
            ("text layer", "read_certificates", pages, t_ours, t_plumber / t_ours)]


def bench_scans(tmp: Path, pages: int, repeat: int, kind: str) -> list[tuple]:
    import pytesseract

    if not ocr.available():
        return [(kind, "Tesseract not installed: skipped", pages, float("nan"), None)]
    pdf = build_pdf(tmp / f"scans-{kind}.pdf", [(SAMPLES / name, idx) for name, idx in SCAN_SETS[kind]], pages)
    limits = Limits(parse_seconds=600)
    doc = pdfium.PdfDocument(str(pdf))
    images = []
    for i in range(len(doc)):
        page = doc[i]
        images.append(ocr.render(page))
        page.close()
    doc.close()
    os.environ["OMP_THREAD_LIMIT"] = "1"

    def bare():
        for img in images:
            pytesseract.image_to_data(img, output_type=pytesseract.Output.DICT)

    def bare_two_at_once():
        with ThreadPoolExecutor(2) as pool:   # each call is a Tesseract process: this is two at once
            list(pool.map(lambda img: pytesseract.image_to_data(img, output_type=pytesseract.Output.DICT), images))

    def bare_in_process():
        import tesserocr

        with tesserocr.PyTessBaseAPI(lang="eng") as api:
            for img in images:
                api.SetImage(img)
                api.GetTSVText(0)

    def ours(workers):
        def run():
            result = read_certificates(pdf, limits=limits, ocr_workers=workers)
            assert len(result.rows) == pages
        return run

    t_bare = best_of(repeat, bare)
    t_bare2 = best_of(repeat, bare_two_at_once)
    t_one = best_of(repeat, ours(1))
    t_two = best_of(repeat, ours(2))
    rows = [(kind, f"{kind} scans: bare Tesseract, 1 thread", pages, t_bare, None),
            (kind, f"{kind} scans: bare Tesseract, 2 at once", pages, t_bare2, t_bare / t_bare2),
            (kind, f"{kind} scans: read_certificates, 1 worker", pages, t_one, t_bare / t_one),
            (kind, f"{kind} scans: read_certificates, 2 workers", pages, t_two, t_one / t_two)]
    if ocr.in_process():
        # The reader keeps Tesseract loaded in its process; so can a bare loop. Against that
        # baseline the reader's own work shows without the command's start-up in either.
        t_bare_ip = best_of(repeat, bare_in_process)
        rows[1:1] = [(kind, f"{kind} scans: bare Tesseract in process, 1 thr", pages, t_bare_ip, t_bare / t_bare_ip)]
        rows.append((kind, f"{kind} scans: 1 worker vs bare in process", pages, t_one, t_bare_ip / t_one))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text-pages", type=int, default=120)
    parser.add_argument("--scan-pages", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = bench_text(Path(tmp), args.text_pages, args.repeat)
        for kind in SCAN_SETS:
            rows += bench_scans(Path(tmp), args.scan_pages, args.repeat, kind)
    print(f"cores available: {ocr.default_workers()}, load average: {os.getloadavg()[0]:.2f}")
    print(f"{'pages':<7}{'what':<44}{'seconds':>9}{'pages/s':>10}   speed ratio")
    for group, what, pages, seconds, ratio in rows:
        rate = pages / seconds if seconds == seconds and seconds > 0 else float("nan")
        shown = f"{ratio:.2f}x" if ratio is not None else ""
        print(f"{pages:<7}{what:<44}{seconds:>9.2f}{rate:>10.1f}   {shown}")
    print("speed ratio: read_certificates vs pdfplumber; 2 bare Tesseracts at once vs one (what this machine")
    print("can give two workers right now); bare Tesseract in this process vs as a command; 1 worker vs bare")
    print("Tesseract (the command), and vs bare Tesseract in this process; 2 workers vs 1 worker")
    print("goals: text >= 0.77x (within 1.3x); 1 worker >= 0.87x (within 1.15x); 2 workers >= 1.7x")


if __name__ == "__main__":
    main()
