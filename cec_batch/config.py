"""Settings with defaults from contract.md; each limit is named in the message when hit."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 100 * 1024 * 1024   # 100 MB per input file
    max_rows: int = 1_000_000                  # rows per roster
    parse_seconds: float = 60.0                # wall time to parse one file
    parse_memory_bytes: int = 1024 * 1024 * 1024  # extra address space to parse one file
    max_page_pixels: int = 60_000_000          # a page rendered at 300 dpi above this is refused

    @classmethod
    def from_env(cls) -> "Limits":
        """Limits, each overridable by CEC_LIMIT_<NAME> (e.g. CEC_LIMIT_PARSE_SECONDS=120)."""
        kwargs = {}
        for name, f in cls.__dataclass_fields__.items():
            raw = os.environ.get(f"CEC_LIMIT_{name.upper()}")
            if raw:
                kwargs[name] = type(f.default)(float(raw)) if f.type == "float" else int(float(raw))
        return cls(**kwargs)


# --- who may read what the program writes -----------------------------------------------------
# Reports, exports, feedback workbooks, review images, fault files and archive copies hold
# personal data: they are created readable by their owner only (files 0600, folders 0700).
# CEC_SHARE_GROUP=<group> opens them to that group for reading instead (files 0640, folders
# 2750: the folders the program creates belong to the group, and what is made inside them
# inherits it). See jobs/README.md.
SHARE_GROUP_ENV = "CEC_SHARE_GROUP"


def share_gid() -> int | None:
    """The group of CEC_SHARE_GROUP (a name or a number), or None when it is not set."""
    import grp

    name = os.environ.get(SHARE_GROUP_ENV, "").strip()
    if not name:
        return None
    try:
        return grp.getgrnam(name).gr_gid
    except KeyError:
        if name.isdigit():
            return int(name)
        from cec_batch.errors import UsageError

        raise UsageError(f"{SHARE_GROUP_ENV}={name}: no such group") from None


def apply_file_modes() -> int | None:
    """Set this process's umask for what it creates (see above); returns the share group, if any."""
    gid = share_gid()
    os.umask(0o027 if gid is not None else 0o077)
    return gid


def make_output_dir(path) -> None:
    """Create an output folder (and its parents) under the modes above; an existing one is left as it is."""
    from pathlib import Path

    path = Path(path)
    if path.is_dir():
        return
    path.mkdir(parents=True, exist_ok=True)
    gid = share_gid()
    if gid is not None:
        os.chown(path, -1, gid)
        os.chmod(path, 0o2750)
