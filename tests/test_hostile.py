"""The hostile corpus: files a stranger may send, each with its expected outcome, read under a memory cap.

Every case is read through the real door (`readers.read_file`: the size check, the sniffing,
the forked child with its limits). The large ones are generated here, at test time. After
each case the peak resident memory of the reader's child processes is checked against the
cap: a case that needed more fails, even if its outcome was right.
"""

from __future__ import annotations

import codecs
import gzip
import os
import resource
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import openpyxl
import pytest

from cec_batch.config import Limits
from cec_batch.errors import UnreadableFile
from cec_batch.readers import read_file

from conftest import REALWORLD

MiB = 1024 * 1024
CAP = int(os.environ.get("CEC_TEST_HOSTILE_CAP_MB", "384")) * MiB
LIMITS = Limits(parse_memory_bytes=CAP, parse_seconds=60, max_rows=50_000, max_file_bytes=40 * MiB)
SHEETS = REALWORLD / "sheets"
HEADER = "Certificant ID,Name,Course Number,Completion Date,CECs\n"
ROW = "101189,Margaret Doyle,CA23456,06/01/2026,0.4\n"


@dataclass
class Case:
    name: str
    build: Callable[[Path], Path]
    rows: int | None = None          # read: this many rows
    reason: str | None = None        # unreadable: the reason contains this
    check: Callable | None = None    # more about what was read
    needs: Path | None = None        # a corpus file the case copies


def text(name: str, body: str | bytes, encoding: str = "utf-8") -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        p = d / name
        p.write_bytes(body if isinstance(body, bytes) else body.encode(encoding))
        return p
    return build


def workbook(name: str, rows: list[list], extra: dict | None = None, sheets: int = 1,
             hidden: bool = False) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for k in range(sheets):
            ws = wb.create_sheet(f"S{k + 1}")
            ws.append(HEADER.strip().split(","))
            for r in rows:
                ws.append(r)
            for ref, v in (extra or {}).items():
                ws[ref] = v
            if hidden and k == sheets - 1:
                ws.sheet_state = "hidden"
        p = d / name
        wb.save(p)
        return p
    return build


def zipped(name: str, members: dict[str, bytes]) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        p = d / name
        with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
            for member, data in members.items():
                z.writestr(member, data)
        return p
    return build


def copied(source: str, name: str | None = None) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        p = d / (name or source)
        shutil.copy(SHEETS / source, p)
        return p
    return build


def truncated_xlsx(d: Path) -> Path:
    full = workbook("full.xlsx", [[str(100000 + i), "A B", "CA23456", "06/01/2026", 0.4] for i in range(200)])(d)
    data = full.read_bytes()
    p = d / "truncated.xlsx"
    p.write_bytes(data[: len(data) // 2])
    return p


def xlsx_bomb_rows(d: Path) -> Path:
    """An xlsx of a few hundred KB whose sheet inflates to 80,000 rows: over the row limit."""
    src = workbook("src.xlsx", [["101189", "x", "CA23456", "06/01/2026", 0.4]])(d)
    p = d / "bomb_rows.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(item, data)
                continue
            head, rest = data.split(b"<row r=\"2\"", 1)
            tail = rest[rest.index(b"</sheetData>"):]
            head = head.replace(b'<dimension ref="A1:E2" />', b'<dimension ref="A1:E80001" />')
            with zout.open(item.filename, "w") as out:
                out.write(head)
                for n in range(2, 80002):
                    out.write(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>101189</t></is></c></row>' % (n, n))
                out.write(tail)
    return p


def xlsx_bomb_cell(d: Path) -> Path:
    """One cell inflating to 500 MB (half a megabyte compressed): over the memory cap."""
    src = workbook("src.xlsx", [["101189", "x", "CA23456", "06/01/2026", 0.4]])(d)
    p = d / "bomb_cell.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(item, data)
                continue
            head, tail = data.split(b"<t>x</t>", 1)
            with zout.open(item.filename, "w", force_zip64=True) as out:
                out.write(head + b"<t>")
                chunk = b"A" * MiB
                for _ in range(500):
                    out.write(chunk)
                out.write(b"</t>" + tail)
    return p


def entity_bomb(d: Path) -> Path:
    """Shared strings with nested entities (billion laughs): never expanded."""
    src = workbook("src.xlsx", [["101189", "x", "CA23456", "06/01/2026", 0.4]])(d)
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                      for i in range(1, 10))
           + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
           + b'<row r="1"><c r="A1" t="inlineStr"><is><t>Email</t></is></c></row>'
           + b'<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
    p = d / "entities.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, lol if item.filename == "xl/worksheets/sheet1.xml" else zin.read(item.filename))
    return p


def redimensioned(name: str, dimension: str, extra: dict | None = None) -> Callable[[Path], Path]:
    """A workbook whose sheet's <dimension> record is rewritten to DIMENSION (a lie about its extent)."""
    def build(d: Path) -> Path:
        src = workbook("src.xlsx", [["101189", "A", "CA23456", "06/01/2026", 0.4]], extra)(d)
        p = d / name
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    head, tail = data.split(b"<dimension ", 1)
                    data = head + f'<dimension ref="{dimension}"'.encode() + tail[tail.index(b"/>"):]
                zout.writestr(item, data)
        return p
    return build


def oversize(d: Path) -> Path:
    p = d / "huge.csv"
    with open(p, "wb") as f:
        f.write(HEADER.encode())
        f.truncate(41 * MiB)  # sparse: no disk used, the size check refuses it unread
    return p


def long_line(d: Path) -> Path:
    p = d / "one_line.csv"
    with open(p, "wb") as f:
        f.write(b"x," * (15 * MiB))
    return p


def many_rows_csv(d: Path) -> Path:
    p = d / "many.csv"
    p.write_text(HEADER + ROW * 60_000)
    return p


def wide_csv(d: Path) -> Path:
    p = d / "wide.csv"
    p.write_text(HEADER.strip() + "," + ",".join(f"extra{i}" for i in range(20_000)) + "\n" + ROW)
    return p


def sheet_values(col: str) -> Callable:
    def check(result):
        return result.rows[col].tolist()
    return check


def expect(col: str, values: list) -> Callable:
    def check(result):
        assert result.rows[col].tolist() == values
    return check


def formula_text(result):
    assert result.rows["full_name"].tolist() == ['=HYPERLINK("http://evil.example","click")', "@SUM(1+1)",
                                                 "+cmd|' /C calc'!A0", "-2+3"]


def notes_name(fragment: str) -> Callable:
    def check(result):
        assert any(fragment in n for n in result.notes), result.notes
    return check


INJECTION = (HEADER + '101189,"=HYPERLINK(""http://evil.example"",""click"")",CA23456,06/01/2026,0.4\n'
             "101189,@SUM(1+1),CA23456,06/01/2026,0.4\n"
             "101189,+cmd|' /C calc'!A0,CA23456,06/01/2026,0.4\n"
             "101189,-2+3,CA23456,06/01/2026,0.4\n")

CASES = [
    # --- bombs and limits
    Case("zip bomb: rows past the row limit", xlsx_bomb_rows, reason="has more than 50,000 rows"),
    Case("zip bomb: one cell past the memory cap", xlsx_bomb_cell, reason=f"needed more than {CAP // MiB} MB of memory"),
    Case("entity expansion in the sheet XML", entity_bomb, reason="unrecognized entity"),  # never expanded
    Case("file over the size limit", oversize, reason="over the 40 MB limit (CEC_LIMIT_MAX_FILE_BYTES)"),
    Case("CSV rows past the row limit", many_rows_csv, reason="has more than 50,000 rows"),
    Case("a 30 MB line without a newline", long_line, reason="no recognisable header row"),
    Case("20,000 columns", wide_csv, rows=1),
    Case("stray cell at XFD1048576", workbook("stray.xlsx", [["101189", "A", "CA23456", "06/01/2026", 0.4]],
                                               {"XFD1048576": "x"}), rows=1, check=notes_name("1048576")),
    Case("dimension says A1:E2, a stray cell at XFD1048576",
         redimensioned("lying_dimension.xlsx", "A1:E2", {"XFD1048576": "x"}), rows=1, check=notes_name("1048576")),
    Case("dimension says A1, a stray cell at XFD1048576",
         redimensioned("lying_dimension_a1.xlsx", "A1", {"XFD1048576": "x"}), rows=1, check=notes_name("1048576")),
    Case("dimension claims A1:XFD1048576 over two rows", redimensioned("huge_dimension.xlsx", "A1:XFD1048576"),
         rows=1, check=expect("course_number", ["CA23456"])),
    Case("calamine denial of service (ods)", copied("calamine_issue_594_dos.ods"), reason="too large to read",
         needs=SHEETS / "calamine_issue_594_dos.ods"),
    # --- broken containers
    Case("empty file", text("empty.xlsx", b""), reason="empty file (0 bytes)"),
    Case("truncated xlsx", truncated_xlsx, reason="corrupt workbook: the ZIP container is damaged"),
    Case("empty ZIP named .xlsx", text("empty.xlsx", b"PK\x05\x06" + bytes(18)), reason="an empty ZIP archive"),
    Case("ZIP without a workbook", zipped("archive.xlsx", {"readme.txt": b"hello"}),
         reason="a ZIP archive without a workbook in it"),
    Case("OLE header, junk after it", text("junk.xls", bytes.fromhex("D0CF11E0A1B11AE1") + os.urandom(4096)),
         reason="corrupt or unsupported"),
    Case("workbook.xml that is not XML", zipped("garbage.xlsx", {"xl/workbook.xml": b"\x00\xff" * 100}),
         reason="corrupt or unsupported workbook"),
    Case("password-protected xlsx", copied("msoffcrypto_example_password.xlsx"),
         reason="password-protected workbook", needs=SHEETS / "msoffcrypto_example_password.xlsx"),
    Case("xlsb read through calamine", copied("calamine_any_sheets.xlsb"), reason="no recognisable header row",
         needs=SHEETS / "calamine_any_sheets.xlsb"),
    Case("old .xls renamed .xlsx", copied("edr_Test_git_issue_231_NoCodePage.xls", "renamed.xlsx"), rows=4,
         check=notes_name("really an Excel 97-2003 workbook (.xls)"),
         needs=SHEETS / "edr_Test_git_issue_231_NoCodePage.xls"),
    # --- other kinds of file
    Case("Word document", zipped("letter.docx", {"word/document.xml": b"<w:document/>"}),
         reason="a Word document, not a roster or certificate"),
    Case("PowerPoint named .xlsx", zipped("slides.xlsx", {"ppt/presentation.xml": b"<p/>"}),
         reason="a PowerPoint presentation, not a roster or certificate"),
    Case("PNG named .xlsx", text("photo.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(100)), reason="a PNG image"),
    Case("JPEG named .csv", text("photo.csv", b"\xff\xd8\xff\xe0" + bytes(100)), reason="a JPEG image"),
    Case("gzip named .csv", text("data.csv", gzip.compress(HEADER.encode())), reason="a gzip archive"),
    Case("program", text("run.xlsx", b"\x7fELF\x02\x01\x01" + bytes(200)), reason="a program"),
    Case("Windows program", text("setup.csv", b"MZ\x90\x00" + bytes(200)), reason="a Windows program"),
    Case("MP4 video", text("clip.xlsx", b"\x00\x00\x00\x18ftypmp42" + bytes(100)), reason="an MP4 video"),
    Case("SQLite database", text("db.csv", b"SQLite format 3\x00" + bytes(200)), reason="an SQLite database"),
    Case("web page named .xls", text("page.xls", "<html><body><table><tr><td>ID</td></tr></table></body></html>"),
         reason="a web page (HTML)"),
    Case("Excel 2003 XML", text("book.xml", '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:'
                                            'office:spreadsheet"></Workbook>'), reason="Excel 2003 XML"),
    Case("RTF", text("letter.csv", "{\\rtf1\\ansi Hello}"), reason="an RTF document"),
    Case("email message", text("mail.txt", "Received: from x\nMIME-Version: 1.0\nSubject: roster\n\nhi\n"),
         reason="an email message, not a roster or certificate"),
    Case("random bytes", text("noise.csv", bytes(range(256)) * 32), reason="binary data"),
    # --- encodings
    Case("UTF-16 with BOM", text("u16.csv", (HEADER + ROW).encode("utf-16")), rows=1),
    Case("UTF-16 LE without BOM", text("u16le.csv", (HEADER + ROW).encode("utf-16-le")), rows=1),
    Case("UTF-8 with BOM", text("bom.csv", codecs.BOM_UTF8 + (HEADER + ROW).encode()), rows=1),
    Case("cp1252 semicolons", text("cp.csv", "Email;Name\nj@example.org;José Pérez\n", "cp1252"), rows=1,
         check=expect("full_name", ["José Pérez"])),
    Case("invalid UTF-8 bytes", text("bad.csv", HEADER.encode() + b"101189,Jos\xe9 \x81\x8d,CA23456,06/01/2026,0.4\n"),
         rows=1),
    Case("only a BOM", text("bom_only.csv", codecs.BOM_UTF8), rows=0),
    Case("a few NUL bytes in a text file", text("nul.csv", (HEADER + ROW * 20).encode().replace(b"Doyle", b"Do\0le")),
         rows=20),
    Case("mostly NUL bytes", text("nul.csv", (HEADER + ROW).encode() + bytes(64)), reason="binary data"),
    # --- injection payloads: read as text, never evaluated (exports escape them: see test_cells)
    Case("formula payloads in cells", text("inject.csv", INJECTION), rows=4, check=formula_text),
    Case("payload in a header cell", text("inject_header.csv", '=cmd|"/C calc"!A0,' + HEADER + ",".join(
        ["x"] + ROW.strip().split(",")) + "\n"), rows=1),
    # --- odd names
    Case("name with a newline", text("roster\nname.csv", HEADER + ROW), rows=1),
    Case("name with a right-to-left override", text("roster\u202excsl.csv", HEADER + ROW), rows=1),
    Case("name starting with a dash", text("-rf.csv", HEADER + ROW), rows=1),
    Case("a 240-byte name", text("r" * 236 + ".csv", HEADER + ROW), rows=1),
    Case("no extension", text("roster", HEADER + ROW), rows=1),
    # --- cells that used to win
    Case("CECs 1e308, NaN, inf, negative", text("cecs.csv", HEADER + "".join(
        f"101189,A B,CA23456,06/01/2026,{v}\n" for v in ("1e308", "NaN", "inf", "-1"))), rows=4),
    Case("bare CR in a quoted field", text("cr.csv", HEADER + '101189,"A\rB",CA23456,06/01/2026,0.4\n' + ROW),
         rows=2, check=expect("location", ["row 2", "row 3"])),
    Case("200 sheets", workbook("sheets.xlsx", [["101189", "A", "CA23456", "06/01/2026", 0.4]], sheets=200),
         rows=200),
    Case("header only", text("header.csv", HEADER), rows=0),
    Case("rows without a header", text("noheader.csv", "a,b,c\n1,2,3\n"), reason="no recognisable header row"),
]


@pytest.fixture(scope="module")
def base_rss() -> int:
    """The test process's own peak resident memory: a forked child starts out sharing it."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file(case, tmp_path, base_rss):
    if case.needs is not None and not case.needs.exists():
        pytest.skip(f"{case.needs} is absent (real-world corpus)")
    path = case.build(tmp_path)
    try:
        result = read_file(path, limits=LIMITS)
    except UnreadableFile as exc:
        assert case.reason is not None, f"unexpectedly unreadable: {exc.reason}"
        assert case.reason in exc.reason, exc.reason
        assert "\n" not in exc.reason and exc.path == path
    else:
        assert case.rows is not None, f"read {len(result.rows)} rows, expected: {case.reason}"
        assert len(result.rows) == case.rows
        if case.check:
            case.check(result)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    assert peak <= max(base_rss, own) + CAP, f"a reader child peaked at {peak / MiB:.0f} MB"


def test_the_corpus_covers_enough_cases():
    assert len(CASES) >= 40


# --- PDFs: every page with marks on it ends as a credit or an exception, never as nothing -----

def _pdf(d: Path, name: str, draw: Callable) -> Path:
    from reportlab.pdfgen import canvas

    p = d / name
    c = canvas.Canvas(str(p))
    draw(c)
    c.showPage()
    c.save()
    return p


def letter_pdf(d: Path) -> Path:
    return _pdf(d, "letter.pdf", lambda c: (c.drawString(72, 720, "Dear Sir or Madam, I am writing about my renewal."),
                                            c.drawString(72, 700, "Kind regards, a member")))


def page_number_pdf(d: Path) -> Path:
    return _pdf(d, "page_number.pdf", lambda c: (c.setFont("Helvetica", 9), c.drawString(300, 30, "1")))


def garbage_startxref(d: Path) -> Path:
    import re

    p = letter_pdf(d)
    p.write_bytes(re.sub(rb"startxref\s+\d+", b"startxref\n999999", p.read_bytes()))
    return p


def cyclic_page_tree(d: Path) -> Path:
    p = d / "cyclic.pdf"
    p.write_bytes(b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R
  /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 60 >> stream
BT /F1 12 Tf 72 720 Td (Certificate of Completion CA23456) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
6 0 obj << /Type /Foo /Self 6 0 R >> endobj
trailer << /Root 1 0 R /Size 7 >>
%%EOF
""")
    return p


def truncated_pdf(d: Path) -> Path:
    p = letter_pdf(d)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 3])
    return p


PDF_CASES = [
    pytest.param(letter_pdf, id="a letter, nothing like a certificate"),
    pytest.param(garbage_startxref, id="garbage startxref"),
    pytest.param(cyclic_page_tree, id="cyclic page tree and a self-referencing object"),
    pytest.param(truncated_pdf, id="truncated PDF"),
    pytest.param(page_number_pdf, id="a page with only a page number"),
]


@pytest.mark.parametrize("build", PDF_CASES)
def test_hostile_pdf_never_vanishes(build, tmp_path, base_rss):
    path = build(tmp_path)
    try:
        result = read_file(path, limits=LIMITS, image_dir=tmp_path / "images")
    except UnreadableFile as exc:
        assert exc.reason and "\n" not in exc.reason
    else:
        assert len(result.rows) > 0, f"read as nothing ({result.blank_pages} blank pages)"
        assert all(r["review"] or r["course_number"] for r in result.rows.to_dict("records"))
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    assert peak <= max(base_rss, own) + CAP, f"a reader child peaked at {peak / MiB:.0f} MB"


# --- damaged PDFs that still open: PDFium and pdfminer disagree about damage ---------------------

def _certificate_bytes(d: Path) -> bytes:
    """A one-page text certificate with uncompressed streams, for byte surgery."""
    from reportlab.pdfgen import canvas

    p = d / "base.pdf"
    c = canvas.Canvas(str(p), pageCompression=0)
    c.drawString(72, 720, "Certificate of Completion")
    c.drawString(72, 700, "Awarded to Margaret Doyle, Certificant ID 101189")
    c.drawString(72, 680, "Course Number: CA23456   Completion Date: 06/01/2026   CECs: 0.4")
    c.showPage()
    c.save()
    data = p.read_bytes()
    p.unlink()
    return data


def _surgery(name: str, change: Callable[[bytes], bytes]) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        data = _certificate_bytes(d)
        changed = change(data)
        assert changed != data, "the surgery found nothing to change"
        p = d / name
        p.write_bytes(changed)
        return p
    return build


def _pages_object(data: bytes) -> bytes:
    import re

    return re.search(rb"/Pages (\d+ 0 R)", data)[1]


def _catalog_self(data: bytes) -> bytes:
    """The catalog's /Pages points at the catalog itself: PDFium shows one empty page."""
    import re

    catalog = re.search(rb"(\d+) 0 obj\s*<<[^>]*/Type /Catalog", data)[1]
    return data.replace(b"/Pages " + _pages_object(data), b"/Pages " + catalog + b" 0 R")


def _xref_offset_wrong(data: bytes) -> bytes:
    """The page object's xref entry points into nowhere: PDFium cannot load the page, pdfminer finds none."""
    import re

    page = int(re.search(rb"/Kids \[ (\d+) 0 R", data)[1])
    entries = data[data.index(b"xref"):].split(b"\n")
    entry = entries[2 + page]
    return data.replace(entry, b"0000099999" + entry[10:], 1)


def _realworld_pdf(name: str) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        p = d / name
        shutil.copy(REALWORLD / "pdf" / name, p)
        return p
    return build


@dataclass
class PdfCase:
    name: str
    build: Callable[[Path], Path]
    course: str | None = None        # read: one row with this course number
    review: bool = False             # read: one row that goes to review
    reason: str | None = None        # unreadable: the reason contains this
    needs: Path | None = None


DAMAGED = [
    PdfCase("pages root pointing at the catalog: PDFium sees one empty page, pdfminer the certificate",
            _surgery("self_root.pdf", _catalog_self), course="CA23456"),
    PdfCase("2 KB of junk before the header: PDFium refuses, pdfminer reads",
            _surgery("junk_head.pdf", lambda b: bytes(2048) + b), course="CA23456"),
    PdfCase("a stream /Length too short: pdfminer reads nothing, PDFium the certificate",
            _surgery("short_length.pdf", lambda b: re_sub(rb"/Length \d+", b"/Length 10", b)), course="CA23456"),
    PdfCase("a self-referencing /Length: PDFium reads, pdfminer refuses",
            _surgery("self_length.pdf", lambda b: re_sub(rb"/Length \d+", b"/Length 99 0 R", b).replace(
                b"\nxref", b"\n99 0 obj\n99 0 R\nendobj\nxref", 1)), course="CA23456"),
    PdfCase("page object's xref entry points nowhere: neither finds a page",
            _surgery("lost_page.pdf", _xref_offset_wrong), reason="damaged PDF"),
    PdfCase("real-world file PDFium refuses, pdfminer reads (a data sheet)",
            _realworld_pdf("pysamples_unreadablemetadata.pdf"), review=True,
            needs=REALWORLD / "pdf" / "pysamples_unreadablemetadata.pdf"),
    PdfCase("encrypted: pdfminer opens it, but a password error is never worked around",
            _realworld_pdf("pypdf_encryption_r6-user-password.pdf"), reason="encrypted",
            needs=REALWORLD / "pdf" / "pypdf_encryption_r6-user-password.pdf"),
]


def re_sub(pattern: bytes, repl: bytes, data: bytes) -> bytes:
    import re

    return re.sub(pattern, repl, data, count=1)


@pytest.mark.parametrize("case", DAMAGED, ids=[c.name for c in DAMAGED])
def test_damaged_pdf_is_read_by_either_library_or_unreadable(case, tmp_path, base_rss):
    if case.needs is not None and not case.needs.exists():
        pytest.skip(f"{case.needs} is absent (real-world corpus)")
    path = case.build(tmp_path)
    try:
        result = read_file(path, limits=LIMITS, image_dir=tmp_path / "images")
    except UnreadableFile as exc:
        assert case.reason is not None, f"unexpectedly unreadable: {exc.reason}"
        assert case.reason in exc.reason and "\n" not in exc.reason, exc.reason
    else:
        assert case.reason is None, f"read {len(result.rows)} rows, expected unreadable: {case.reason}"
        rows = result.rows.to_dict("records")
        assert len(rows) == 1, f"{len(rows)} rows, {result.blank_pages} blank pages"
        if case.course:
            assert rows[0]["course_number"] == case.course, rows[0]
        if case.review:
            assert rows[0]["review"], rows[0]
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    assert peak <= max(base_rss, own) + CAP, f"a reader child peaked at {peak / MiB:.0f} MB"


def test_a_file_pdfium_refuses_says_it_was_read_by_a_second_library(tmp_path):
    path = _surgery("junk_head.pdf", lambda b: bytes(2048) + b)(tmp_path)
    result = read_file(path, limits=LIMITS)
    assert any("damaged" in n and "second PDF library" in n for n in result.notes), result.notes


# --- a page bearing only a page number is a page with marks; a blank back is still blank --------

def _noisy_back(d: Path) -> Path:
    """A scanned blank back: grey paper, sensor noise, dust specks and faint bleed-through."""
    import numpy as np
    from PIL import Image, ImageDraw

    rng = np.random.default_rng(11)
    a = np.clip(rng.normal(236, 5, (1100, 850)), 0, 255).astype("uint8")
    for y, x in rng.integers(50, 800, (12, 2)):
        a[y:y + 2, x:x + 2] = 90                          # dust
    img = Image.fromarray(a, "L")
    ImageDraw.Draw(img).text((120, 200), "Certificate of Completion " * 3, fill=226)   # bleed-through
    p = d / "back.png"
    img.save(p)
    return p


def stack_with_numbered_pages(d: Path) -> Path:
    from reportlab.pdfgen import canvas

    back = _noisy_back(d)
    p = d / "stack.pdf"
    c = canvas.Canvas(str(p))
    c.drawString(72, 720, "Certificate of Completion")
    c.drawString(72, 700, "Awarded to Margaret Doyle, Certificant ID 101189")
    c.drawString(72, 680, "Course Number: CA23456   Completion Date: 06/01/2026   CECs: 0.4")
    c.showPage()
    c.setFont("Helvetica", 8)
    c.drawString(297, 24, "2")                            # page 2: a small page number at the foot
    c.showPage()
    c.setFont("Helvetica", 9)
    c.drawString(260, 24, "Page 3 of 5")                  # page 3: "Page 3 of 5"
    c.showPage()
    c.setFont("Helvetica", 7)
    c.drawString(72, 30, "Thank you")                     # page 4: a few small words at the foot
    c.showPage()
    c.showPage()                                          # page 5: truly blank
    c.drawImage(str(back), 0, 0, width=612, height=792)   # page 6: a scanned blank back
    c.showPage()
    c.save()
    return p


def test_a_page_with_only_a_page_number_goes_to_review_and_blank_backs_stay_blank(tmp_path):
    result = read_file(stack_with_numbered_pages(tmp_path), limits=LIMITS, image_dir=tmp_path / "images")
    rows = {r["location"]: r for r in result.rows.to_dict("records")}
    assert sorted(rows) == ["page 1", "page 2", "page 3", "page 4"], sorted(rows)
    assert result.blank_pages == 2
    assert rows["page 1"]["course_number"] == "CA23456"
    for n in (2, 3):
        assert rows[f"page {n}"]["review"] == "the page bears only a page number; nothing like a certificate"
    assert rows["page 4"]["review"] == "the page bears only a few words; nothing like a certificate"


# --- a content stream that inflates enormously (a Flate bomb): the cap holds for the whole tree ---

def flate_bomb_pdf(d: Path, inflated: int = 1024 * MiB) -> Path:
    """A one-page PDF whose content stream is a few words and then INFLATED bytes of spaces (about 1 MB on disk)."""
    import zlib

    squeeze = zlib.compressobj(9)
    parts = [squeeze.compress(b"BT /F1 12 Tf 72 720 Td (Certificate of Completion CA23456) Tj ET\n")]
    block = b" " * (4 * MiB)
    for _ in range(inflated // len(block)):
        parts.append(squeeze.compress(block))
    parts.append(squeeze.flush())
    stream = b"".join(parts)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    p = d / "flate_bomb.pdf"
    p.write_bytes(bytes(out))
    return p


class _TreePeak:
    """The peak memory of the processes below this one, sampled while a reader runs: what a forked
    reader added to the address space it started with (this process's), and the resident memory
    of anything below it (a program it started)."""

    def __init__(self):
        import threading

        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        me = os.getpid()
        while not self._stop.is_set():
            total = sum(_memory(pid, grown_from=self.start if parent == me else None)
                        for parent, pid in _descendants(me))
            self.peak = max(self.peak, total)
            self._stop.wait(0.05)

    def __enter__(self):
        self._thread.start()
        self.start = _statm(os.getpid(), 0)
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def _statm(pid: int, field: int) -> int:
    """Field FIELD of /proc/PID/statm in bytes (0: address space, 1: resident), 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[field]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _memory(pid: int, grown_from: int | None) -> int:
    """A forked process's growth in address space over GROWN_FROM, or another's resident memory."""
    if grown_from is None:
        return _statm(pid, 1)
    return max(0, _statm(pid, 0) - grown_from)


def _descendants(pid: int) -> list[tuple[int, int]]:
    """(parent, pid) of every process below PID."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            tids = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for tid in tids:
            try:
                with open(f"/proc/{current}/task/{tid}/children", "rb") as f:
                    kids = [int(k) for k in f.read().split()]
            except (OSError, ValueError):
                continue
            found += [(current, k) for k in kids]
            todo += kids
    return found


def test_flate_bomb_in_a_content_stream_stays_under_the_cap(tmp_path):
    path = flate_bomb_pdf(tmp_path)
    assert path.stat().st_size < 4 * MiB
    read_file(letter_pdf(tmp_path), limits=LIMITS)   # the PDF modules loaded here first, as in a batch
    with _TreePeak() as tree:
        try:
            result = read_file(path, limits=LIMITS, image_dir=tmp_path / "images")
        except UnreadableFile as exc:
            assert f"needed more than {CAP // MiB} MB of memory" in exc.reason, exc.reason
            assert "CEC_LIMIT_PARSE_MEMORY_BYTES" in exc.reason
        else:
            rows = result.rows.to_dict("records")
            assert len(rows) == 1 and (rows[0]["review"] or rows[0]["course_number"]), rows
    assert tree.peak > 64 * MiB, "the sampling never saw the reader at work"
    assert tree.peak <= CAP, f"the reader's process tree peaked at {tree.peak / MiB:.0f} MB"
