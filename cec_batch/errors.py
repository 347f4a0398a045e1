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


def first_line(error: BaseException | str, limit: int = 300) -> str:
    """The first non-blank line of an error's text, for a one-line message ("" if it has none).

    For a database error it is the driver's own message (SQLAlchemy's `orig`).
    """
    text = str(getattr(error, "orig", None) or error)
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:limit]
    return ""


def describe(error: BaseException) -> str:
    """"TypeName: first line" of an exception, or just its type's name when it says nothing."""
    msg = first_line(error)
    return f"{type(error).__name__}: {msg}" if msg else type(error).__name__
