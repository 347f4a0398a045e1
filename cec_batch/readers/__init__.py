"""Readers: the only code that opens input files. One module per input kind.

`read_file` is the door: it checks the size limit, shows the file to every registered
reader (`identify`: exactly one must claim it, by content) and runs that reader in an
isolated child process (see `isolate`).
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from cec_batch.config import Limits
from cec_batch.errors import UnreadableFile, UsageError
from cec_batch.model import ReadResult
from cec_batch.readers.isolate import IsolatedChunks, check_file_size, run_isolated, run_isolated_chunks

SUPPORTED_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv", ".txt", ".tsv", ".pdf"})

_PDF_MAGIC = b"%PDF"


@dataclass(frozen=True)
class Reader:
    """A kind of input file, after beangulp's importer protocol.

    IDENTIFY(path) says by content whether the file is this reader's; READ(path, limits=...,
    image_dir=..., **options) reads it (in the isolated child). EXPLAIN(path), when given,
    raises UnreadableFile saying what a file nobody claims appears to be. PREPARE(**options),
    when given, runs in this process before each child is forked: what it loads once (an OCR
    engine's model) every child starts with.
    """

    kind: str                                   # 'certificate' or 'roster'
    identify: Callable[[Path], bool]
    read: Callable[..., ReadResult]
    crash_label: str                            # what failed when the child dies
    explain: Callable[[Path], None] | None = None
    prepare: Callable[..., None] | None = None


READERS: list[Reader] = []


def register(reader: Reader) -> Reader:
    """Add READER to the ones every input file is shown to."""
    READERS.append(reader)
    return reader


def _head(path: Path) -> bytes:
    with open(path, "rb") as f:
        return f.read(1024)


def _is_pdf(path: Path) -> bool:
    # A damaged .pdf is the PDF reader's too: it reports the damage in its own terms.
    return _PDF_MAGIC in _head(path) or path.suffix.lower() == ".pdf"


def _is_certificate(path: Path) -> bool:
    if not _is_pdf(path):
        return False
    # Imported in the parent: a missing module is a bug, not an unreadable file.
    from cec_batch.readers import certificate_pdf  # noqa: F401
    return True


def _is_roster(path: Path) -> bool:
    from cec_batch.readers.roster_sheet import detect_format, read_roster  # noqa: F401 - in the parent, as above

    if _is_pdf(path):
        return False
    try:
        detect_format(path)
    except UnreadableFile:
        return False
    return True


def _explain_roster(path: Path) -> None:
    from cec_batch.readers.roster_sheet import detect_format

    detect_format(path)  # raises for images, archives without a workbook, binary junk


def _read_certificates(path: Path, *, limits: Limits, image_dir: Path | None = None, **options) -> ReadResult:
    from cec_batch.readers.certificate_pdf import read_certificates

    return read_certificates(path, limits=limits, image_dir=image_dir, **options)


def _prepare_certificates(*, ocr_workers: int | None = None, **_options) -> None:
    from cec_batch import ocr

    if ocr.available():
        ocr.warm(ocr_workers or ocr.default_workers())


def _read_roster(path: Path, *, limits: Limits, image_dir: Path | None = None, **options) -> ReadResult:
    from cec_batch.readers.roster_sheet import read_roster

    return read_roster(path, limits=limits, **options)  # IMAGE_DIR is for certificates only


register(Reader("certificate", _is_certificate, _read_certificates, "the PDF library",
                prepare=_prepare_certificates))
register(Reader("roster", _is_roster, _read_roster, "the spreadsheet library", explain=_explain_roster))


def identify(path: Path) -> Reader:
    """The one registered reader that claims PATH; UnreadableFile when none does, or when two do."""
    path = Path(path)
    try:
        head = _head(path)
    except OSError as exc:
        raise UnreadableFile(path, f"cannot open the file ({exc.strerror or exc})") from None
    if not head:
        raise UnreadableFile(path, "empty file (0 bytes)")
    claimed = [r for r in READERS if r.identify(path)]
    if len(claimed) > 1:
        names = " and ".join(f"the {r.kind} reader" for r in claimed)
        raise UnreadableFile(path, f"{names} both claim this file; it is left for a person")
    if not claimed:
        for r in READERS:
            if r.explain is not None:
                r.explain(path)
        raise UnreadableFile(path, "neither a roster nor a certificate")
    return claimed[0]


def sniff_kind(path: Path) -> str:
    """'certificate' for a PDF, 'roster' for a workbook or CSV, by content; else UnreadableFile."""
    return identify(path).kind


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
    reader = identify(path)
    during = functools.partial(meanwhile, reader.kind) if meanwhile is not None else None
    if reader.prepare is not None:
        reader.prepare(**options)
    func = functools.partial(reader.read, path, limits=limits, image_dir=image_dir, **options)
    return run_isolated(func, limits=limits, path=path, crash_label=reader.crash_label, meanwhile=during)


def streams(path: Path) -> bool:
    """Whether stream_file can hand PATH's rows over while it is read (a roster: a workbook, or a
    CSV that needs no second reading), not all at the end."""
    from cec_batch.readers.roster_sheet import streamable

    try:
        return sniff_kind(Path(path)) == "roster" and streamable(Path(path))
    except (UnreadableFile, OSError):
        return False


def stream_file(path: Path, *, limits: Limits, on_chunk: Callable, chunk_rows: int = 50_000,
                started: IsolatedChunks | None = None, when_read: Callable[[], None] | None = None) -> ReadResult:
    """Read a roster within the limits, handing its rows to ON_CHUNK (chunks of at most CHUNK_ROWS
    rows, each a dict of ROW_FIELDS to lists, in order) while the child reads on; the ReadResult
    returned has the notes and no rows. Raises UnreadableFile as read_file does, possibly after
    some chunks. STARTED is the same read begun earlier by start_stream (taken here instead of
    starting one); WHEN_READ is called once the child has sent everything (IsolatedChunks.take)."""
    path = Path(path)
    if started is None:
        started = start_stream(path, limits=limits, chunk_rows=chunk_rows)
    if started is None:  # no fork on this system: read here
        from cec_batch.readers.roster_sheet import stream_roster

        result = run_isolated_chunks(functools.partial(stream_roster, path, limits=limits, chunk_rows=chunk_rows),
                                     limits=limits, path=path, on_chunk=on_chunk)
        if when_read is not None:
            when_read()
        return result
    return started.take(on_chunk, when_read)


def start_stream(path: Path, *, limits: Limits, chunk_rows: int = 50_000) -> IsolatedChunks | None:
    """Start stream_file's reading of PATH now (its child parses and sends its first chunks while the
    caller works on), to be taken by stream_file(started=...), or ended with its close(). None where
    the system cannot fork. Raises UnreadableFile for a file over the size limit, as stream_file."""
    from cec_batch.readers.roster_sheet import stream_roster

    path = Path(path)
    check_file_size(path, limits)
    if not hasattr(os, "fork"):
        return None
    func = functools.partial(stream_roster, path, limits=limits, chunk_rows=chunk_rows)
    return IsolatedChunks(func, limits=limits, path=path, crash_label="the spreadsheet library")


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
