"""The archive of received files (R26, R27): content-addressed, never overwritten.

A file is kept as ARCHIVE/<first two hex digits>/<sha256><suffix>; the original
name lives in the store. Moving into the archive is plan-then-act: the target is
written under a temporary name in the same folder, synced and renamed, so a
crash leaves either the old state or the new one, never half a file.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from cec_batch.config import make_output_dir


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex: the file's identity in the store and its archive name."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def archive_path(archive: Path, sha256: str, suffix: str) -> Path:
    return archive / sha256[:2] / f"{sha256}{suffix.lower()}"


def store_file(src: Path, archive: Path, sha256: str, *, move: bool = True) -> Path:
    """Put SRC into the archive under its hash; an existing archived copy is kept as it is."""
    target = archive_path(archive, sha256, src.suffix)
    make_output_dir(target.parent)
    if target.exists():
        if move:
            src.unlink(missing_ok=True)
        return target
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    shutil.copyfile(src, tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    if move:
        src.unlink(missing_ok=True)
    return target
