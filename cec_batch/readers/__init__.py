"""Readers: the only code that opens input files. One module per input kind.

`read_file` is the door: it checks the size limit, recognises the kind of file by its
content and runs the matching reader in an isolated child process (see `isolate`).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Callable, Iterable

from cec_batch.config import Limits
from cec_batch.errors import UnreadableFile, UsageError
from cec_batch.model import ReadResult
from cec_batch.readers.isolate import check_file_size, run_isolated, run_isolated_chunks

SUPPORTED_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv", ".txt", ".tsv", ".pdf"})

_PDF_MAGIC = b"%PDF"


def sniff_kind(path: Path) -> str:
    """'certificate' for a PDF, 'roster' for a workbook or CSV, by content; else UnreadableFile."""
    from cec_batch.readers.roster_sheet import detect_format

    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(1024)
    except OSError as exc:
        raise UnreadableFile(path, f"cannot open the file ({exc.strerror or exc})") from None
    if not head:
        raise UnreadableFile(path, "empty file (0 bytes)")
    if _PDF_MAGIC in head or path.suffix.lower() == ".pdf":
        return "certificate"  # a damaged .pdf is reported by the PDF reader, in its terms
    detect_format(path)  # raises for images, archives without a workbook, binary junk
    return "roster"


def read_file(path: Path, *, limits: Limits, image_dir: Path | None = None,
              meanwhile: Callable[[str], None] | None = None, **options) -> ReadResult:
    """Read one input file within the limits: a roster or a PDF of certificates.

    `options` go to the reader (`sheet_names` for rosters; what certificate_pdf accepts);
    `image_dir` is for certificates only, so that callers need not know the kind beforehand.
    `meanwhile`, if given, is called with the kind ('roster' or 'certificate') while the
    file is parsed, for the caller's own work (it is not called for a file refused before
    parsing). Raises UnreadableFile with a one-line reason for anything it cannot read.
    """
    path = Path(path)
    check_file_size(path, limits)
    kind = sniff_kind(path)
    during = functools.partial(meanwhile, kind) if meanwhile is not None else None
    if kind == "certificate":
        from cec_batch.readers import certificate_pdf  # imported in the parent: a missing module is a bug

        func = functools.partial(certificate_pdf.read_certificates, path, limits=limits, image_dir=image_dir,
                                 **options)
        return run_isolated(func, limits=limits, path=path, crash_label="the PDF library", meanwhile=during)
    from cec_batch.readers.roster_sheet import read_roster

    func = functools.partial(read_roster, path, limits=limits, **options)
    return run_isolated(func, limits=limits, path=path, crash_label="the spreadsheet library", meanwhile=during)


def streams(path: Path) -> bool:
    """Whether stream_file hands PATH's rows over while it is read (a CSV roster), not all at the end."""
    from cec_batch.readers.roster_sheet import streamable_csv

    try:
        return sniff_kind(Path(path)) == "roster" and streamable_csv(Path(path))
    except (UnreadableFile, OSError):
        return False


def stream_file(path: Path, *, limits: Limits, on_chunk: Callable, chunk_rows: int = 50_000) -> ReadResult:
    """Read a CSV roster within the limits, handing its rows to ON_CHUNK (frames of at most
    CHUNK_ROWS rows, in order) while the child reads on; the ReadResult returned has the notes
    and no rows. Raises UnreadableFile as read_file does, possibly after some chunks."""
    from cec_batch.readers.roster_sheet import stream_csv_roster

    path = Path(path)
    check_file_size(path, limits)
    func = functools.partial(stream_csv_roster, path, limits=limits, chunk_rows=chunk_rows)
    return run_isolated_chunks(func, limits=limits, path=path, crash_label="the spreadsheet library",
                               on_chunk=on_chunk)


def _hidden_or_lock(name: str) -> bool:
    return name.startswith((".", "~$"))


def iter_input_files(paths: Iterable[Path | str]) -> list[Path]:
    """The files to ingest: folders walked in sorted order, named files as given.

    In folders, hidden files and folders and Office lock files (~$...) are skipped; every other
    file is taken, whatever its name (it is sniffed by content and, when it is neither a
    roster nor a certificate, reported unreadable with what it appears to be: nothing handed
    over vanishes). A path that does not exist is a UsageError.
    """
    found: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            found.append(p)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not _hidden_or_lock(d))
                for name in sorted(files):
                    if _hidden_or_lock(name):
                        continue
                    candidate = Path(root) / name
                    if candidate.is_file():
                        add(candidate)
        elif p.exists():
            add(p)
        else:
            raise UsageError(f"{p}: no such file or folder")
    return found
