"""Domain errors. A problem with a row or page is an outcome, not one of these."""

from __future__ import annotations

from pathlib import Path


class CecError(Exception):
    """Base of every error the command line turns into a one-line message."""


class UnreadableFile(CecError):
    """A file that cannot be read at all (R20); recorded as `unreadable_file`."""

    def __init__(self, path: Path | str, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


class StoreOutdated(CecError):
    """The database schema is older than this program expects."""


class UsageError(CecError):
    """Bad input on the command line or in a reference file as a whole."""
