"""Tesseract read in this process (the tesserocr binding) and as a command give the same reading.

The binding is the command's own library, so the reader's words, second looks and decisions
must not depend on which one ran. These tests read real sample pages both ways. Without the
binding they skip, unless CEC_REQUIRE_OCR_BINDING=1 (set by .ci/run, which builds it).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from cec_batch import ocr
from cec_batch.readers import certificate_pdf
from conftest import ROOT

SAMPLES = ROOT / "samples" / "certificates"
REQUIRE = os.environ.get("CEC_REQUIRE_OCR_BINDING") == "1"

if not ocr.available():
    pytestmark = pytest.mark.skip(reason="Tesseract is not installed")
elif not ocr.in_process():
    if REQUIRE:
        raise RuntimeError("the tesserocr binding is missing and CEC_REQUIRE_OCR_BINDING=1: "
                           "pip install --no-binary tesserocr tesserocr (needs libtesseract-dev)")
    pytestmark = pytest.mark.skip(reason="LOUD SKIP: the tesserocr binding is not installed (or is built on "
                                         "another Tesseract than the command): Tesseract runs as a command")


@pytest.fixture
def as_command(monkeypatch):
    """Run the block with Tesseract as a command, the binding set aside."""
    def use():
        monkeypatch.setattr(ocr, "_binding", lambda: None)
    return use


def _page_image(tmp: Path, name: str, index: int) -> Path:
    doc = pdfium.PdfDocument(str(SAMPLES / name))
    try:
        page = doc[index]
        img = ocr.render(page)
        if ocr.is_bilevel(page):
            img = ocr.clean_bilevel(img)
    finally:
        doc.close()
    path = tmp / f"{Path(name).stem}-{index}.pgm"
    img.save(path)
    return path


def test_a_command_line_is_read_as_its_settings():
    psm, variables = ocr._settings("--psm 7 -c tessedit_char_blacklist=€£¥¢§ -c hocr_char_boxes=1")
    assert psm == 7
    assert variables == {"tessedit_char_blacklist": "€£¥¢§", "hocr_char_boxes": "1"}
    assert ocr._settings(ocr.FIGURE_CONFIG) == (7, {"tessedit_char_whitelist": "0123456789."})
    with pytest.raises(ValueError, match="-l"):
        ocr._settings("-l deu --psm 3")


@pytest.mark.parametrize("name,index", [("scan_classic_skewed.pdf", 0), ("scan_stack_with_backs.pdf", 2),
                                        ("scan_minimal_blurred_jpeg.pdf", 0)])
def test_a_page_reads_to_the_same_words_both_ways(tmp_path, as_command, name, index):
    path = _page_image(tmp_path, name, index)
    here = ocr._words(path, 60)
    as_command()
    there = ocr._words(path, 60)
    assert len(here) > 20
    assert here == there


def test_a_cut_out_reads_to_the_same_characters_both_ways(tmp_path, as_command):
    path = _page_image(tmp_path, "scan_minimal_blurred_jpeg.pdf", 0)
    words = ocr._words(path, 60)
    long_ones = [w for w in words if len(w.text) >= 6 and w.conf > 50][:4]
    assert long_ones
    looks = [dict(), dict(smooth=True), dict(enlarge=True), dict(figure=True)]
    here = [ocr.reread(path, (w.left, w.top, w.left + w.width, w.top + w.height), seconds=20, **look)
            for w, look in zip(long_ones * 4, looks)]
    as_command()
    there = [ocr.reread(path, (w.left, w.top, w.left + w.width, w.top + w.height), seconds=20, **look)
             for w, look in zip(long_ones * 4, looks)]
    assert any(here)
    assert all(w.chars is not None for got in here for w in got)     # each character's confidence came back
    assert here == there


class _NoImages:
    def save(self, n, img):
        return None


def test_a_ruled_page_is_decided_the_same_both_ways(tmp_path, as_command):
    """The sample's ruled table: read, read again without its rules, values looked at again."""
    rows = []
    for use_command in (False, True):
        if use_command:
            as_command()
        folder = Path(tempfile.mkdtemp(dir=tmp_path))
        path = _page_image(folder, "scan_stack_with_backs.pdf", 2).rename(folder / "page-3.pgm")
        row = certificate_pdf._ocr_page(3, path, 60, False, _NoImages(), False)
        rows.append({k: v for k, v in row.items() if k != "seconds"})
    assert rows[0]["course_number"]
    assert rows[0] == rows[1]


def test_a_read_past_its_time_is_a_timeout(tmp_path):
    path = _page_image(tmp_path, "scan_classic_skewed.pdf", 0)
    with pytest.raises(RuntimeError, match="timeout"):
        ocr._run_engine(path, ocr.TESSERACT_CONFIG, 0.001, "tsv")
    assert ocr._words(path, 60)          # the engine is whole after it: it reads the next page


def test_engines_loaded_before_a_fork_read_in_the_child(tmp_path):
    """`warm` loads engines in the parent; a forked reader takes them instead of loading its own."""
    path = _page_image(tmp_path, "scan_classic_skewed.pdf", 0)
    ocr.warm(1)
    idle = len(ocr._IDLE[ocr.TESSERACT_CONFIG])
    assert idle >= 1
    want = ocr._words(path, 60)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:                                    # the child: one line of what it saw, then out
        try:
            ids = {id(api) for api in ocr._IDLE[ocr.TESSERACT_CONFIG]}
            got = ocr._words(path, 60)
            taken = {id(api) for api in ocr._IDLE[ocr.TESSERACT_CONFIG]}
            os.write(write, f"{got == want} {len(ids)} {taken == ids}".encode())
        finally:
            os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    same, count, reused = os.read(read, 100).decode().split()
    os.close(read)
    assert same == "True"
    assert int(count) == idle
    assert reused == "True"                         # it read with an engine it was born with


def test_the_library_prints_nothing_of_its_own(tmp_path, capfd):
    """Leptonica's complaints ("Error in boxClipToRectangle: ...", seen on some faxes) went to the
    command's stderr; in this process they must not reach the program's output."""
    import ctypes
    import ctypes.util

    path = _page_image(tmp_path, "scan_classic_skewed.pdf", 0)
    with Image.open(path) as img:
        assert ocr.hocr_of(img.crop((100, 100, 700, 160)), ocr.REREAD_CONFIG, 5)
    lib = ctypes.CDLL(ctypes.util.find_library("leptonica") or ctypes.util.find_library("lept"))
    lib.boxClipToRectangle(None, 10, 10)          # "Error in boxClipToRectangle: box not defined"
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_the_engines_keep_the_memory_they_free_on_glibc():
    import platform

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("the allocator settings are glibc's")
    assert ocr._keep_freed_memory()
