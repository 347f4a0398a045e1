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
