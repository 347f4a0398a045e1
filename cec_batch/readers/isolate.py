"""Keeping one reader within the limits: a forked child with a memory cap and a deadline.

Spreadsheet and PDF libraries are the part of the program most exposed to other
people's files, and some of them fail in ways Python cannot catch: python-calamine
aborts the whole process when an allocation fails and raises PanicException (a
BaseException) on some corrupt files. Each file is therefore parsed in a forked
child; whatever happens there becomes, at worst, one `UnreadableFile`, and the
batch goes on with the next file.
"""

from __future__ import annotations

import array
import contextlib
import dataclasses
import faulthandler
import fcntl
import gc
import io
import logging
import math
import os
import pickle
import queue
import select
import signal
import sys
import tempfile
import threading
import time
import traceback
import warnings
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator

from cec_batch.config import Limits
from cec_batch.errors import UnreadableFile, first_line

log = logging.getLogger(__name__)

_KiB = 1024
_MiB = 1024 * 1024
_GiB = 1024 * 1024 * 1024

# Rust prints this before aborting when an allocation fails (the address-space cap at work).
_ALLOCATION_FAILURE_MARKERS = ("memory allocation of", "out of memory", "Cannot allocate memory", "bad_alloc")
# A child killed by a signal after its resident memory grew by this share of the limit ran out of memory.
_NEAR_LIMIT = 0.75


def format_bytes(n: int) -> str:
    """A size as people say it: '100 MB', '1 GB', '120.3 MB', '512 bytes' (binary units, as the limits are)."""
    if n >= _GiB:
        return f"{n // _GiB} GB" if n % _GiB == 0 else f"{n / _GiB:.1f} GB"
    if n >= _MiB:
        return f"{n // _MiB} MB" if n % _MiB == 0 else f"{n / _MiB:.1f} MB"
    if n >= _KiB:
        return f"{n // _KiB} KB" if n % _KiB == 0 else f"{n / _KiB:.1f} KB"
    return f"{n} bytes"


def format_seconds(s: float) -> str:
    return f"{s:g} s"


def check_file_size(path: Path, limits: Limits) -> int:
    """The file's size in bytes; UnreadableFile when it cannot be opened or is over the size limit."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFile(path, f"cannot open the file ({exc.strerror or exc})") from None
    if size > limits.max_file_bytes:
        shown = f"{size / _MiB:.1f} MB" if size >= _MiB else format_bytes(size)
        raise UnreadableFile(
            path,
            f"file is {shown}, over the {format_bytes(limits.max_file_bytes)} limit (CEC_LIMIT_MAX_FILE_BYTES)",
        )
    return size


def timeout_reason(limits: Limits) -> str:
    return f"took longer than {format_seconds(limits.parse_seconds)} to parse (CEC_LIMIT_PARSE_SECONDS)"


def memory_reason(limits: Limits) -> str:
    return (
        f"needed more than {format_bytes(limits.parse_memory_bytes)} of memory to parse "
        "(CEC_LIMIT_PARSE_MEMORY_BYTES)"
    )


def _resident_size() -> int | None:
    """This process's current resident memory in bytes (a forked child starts with as much), or None."""
    pages = _statm(os.getpid(), 1)
    return None if pages is None else pages * os.sysconf("SC_PAGE_SIZE")


def _virtual_size() -> int | None:
    """This process's current address-space size in bytes, or None where /proc is absent."""
    pages = _statm(os.getpid(), 0)
    return None if pages is None else pages * os.sysconf("SC_PAGE_SIZE")


class _TreeWatch:
    """The memory of the reader's whole process tree, against the parse limit.

    RLIMIT_AS holds the child itself, and is inherited by the programs it starts, but each of
    them gets the whole budget again (a Tesseract, a second copy of a library). So the parent
    also adds up, a few times a second: the child's growth in address space since the fork
    and the resident memory of every process below it. Over the limit in two samples in a row
    (one sample may catch a program between fork and exec) the tree is killed.
    """

    INTERVAL = 0.2

    def __init__(self, pid: int, baseline: int, limit: int):
        self.pid, self.baseline, self.limit = pid, baseline, limit
        self.strikes = 0
        self.next = time.monotonic() + self.INTERVAL

    def over(self) -> bool:
        now = time.monotonic()
        if now < self.next:
            return False
        self.next = now + self.INTERVAL
        used = self.used()
        self.strikes = self.strikes + 1 if used is not None and used > self.limit else 0
        return self.strikes >= 2

    def used(self) -> int | None:
        page = os.sysconf("SC_PAGE_SIZE")
        own = _statm(self.pid, 0)
        if own is None:
            return None
        total = max(0, own * page - self.baseline)
        for pid in _descendants(self.pid):
            rss = _statm(pid, 1)
            if rss is not None:
                total += rss * page
        return total


def _statm(pid: int, field: int) -> int | None:
    """Field FIELD of /proc/PID/statm (0 address space, 1 resident) in pages, or None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[field])
    except (OSError, ValueError, IndexError):
        return None


def _descendants(pid: int) -> list[int]:
    """Every process below PID (through /proc/PID/task/*/children), PID itself excluded."""
    found: list[int] = []
    todo = [pid]
    while todo and len(found) < 4096:
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
            found.extend(kids)
            todo.extend(kids)
    return found


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this child when the parent dies (best effort; PR_SET_PDEATHSIG)."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(70)


# --- sending a result back -----------------------------------------------------------------------
# A roster of 200,000 rows is a DataFrame of a few million Python objects. Pickled as is, the
# memo table and one reduce call per datetime.date make the trip back cost more than a third of
# the parse. So frames travel as plain column lists, dates as day ordinals, pickled without memo
# (measured: 0.6 s down to about 0.3 s there and back for 200,000 rows x 12 columns).

# numpy and pandas are imported where a frame is packed or unpacked, not with this module: every
# command imports the readers package (`load` too), they cost about 0.3 s to import, and rows
# sent as lists by field (an ingest's) need neither (dates go as arrays of day ordinals).

_SEP = "\x1f"  # joins a column of text for the pipe (a column holding it goes as a list)
_TEXT_TYPES = {str, type(None)}


def _pack_objects(values: list) -> tuple:
    types = set(map(type, values))
    if types <= _TEXT_TYPES and values:
        # Text (and blanks) crosses as one string, split again on the other side: one object to
        # pickle instead of one a cell, which cost the receiving process most of what it saved.
        blanks = array.array("q", [k for k, v in enumerate(values) if v is None] if type(None) in types else ())
        texts = [v if v is not None else "" for v in values] if blanks else values
        joined = _SEP.join(texts)
        if joined.count(_SEP) == len(values) - 1:
            return ("texts", joined, blanks)
    if date not in types:
        return ("objects", values)
    where = [i for i, v in enumerate(values) if type(v) is date]
    ordinals = array.array("i", [values[i].toordinal() for i in where])
    rest = list(values)
    for i in where:
        rest[i] = None
    return ("dates", rest, array.array("q", where), ordinals)


def _unpack_list(packed: tuple) -> list:
    if packed[0] == "texts":
        values = packed[1].split(_SEP)
        for k in packed[2].tolist():
            values[k] = None
        return values
    values = packed[1]
    if packed[0] == "dates":
        fromordinal = date.fromordinal
        for i, ordinal in zip(packed[2].tolist(), packed[3].tolist()):
            values[i] = fromordinal(ordinal)
    return values


def _unpack_objects(packed: tuple) -> np.ndarray:
    import numpy as np

    values = _unpack_list(packed)
    arr = np.empty(len(values), dtype=object)
    try:
        arr[:] = values
    except ValueError:  # cells that are themselves sequences numpy wants to broadcast
        for i, v in enumerate(values):
            arr[i] = v
    return arr


def _pack_frame(df: pd.DataFrame) -> tuple:
    import pandas as pd

    if not df.columns.is_unique:
        return ("plain", df)
    index = None if df.index.equals(pd.RangeIndex(len(df))) else df.index
    columns = []
    for name in df.columns:
        series = df[name]
        if series.dtype == object:
            columns.append((name, True, _pack_objects(series.tolist())))
        else:
            columns.append((name, False, series.to_numpy()))
    return ("frame", columns, index, len(df))


def _unpack_frame(packed: tuple) -> pd.DataFrame:
    if packed[0] == "plain":
        return packed[1]
    import pandas as pd

    _, columns, index, n = packed
    data = {}
    for name, is_object, value in columns:
        data[name] = pd.Series(_unpack_objects(value) if is_object else value, dtype=object if is_object else None,
                               copy=False)
    df = pd.DataFrame(data) if data else pd.DataFrame(index=pd.RangeIndex(n))
    if index is not None:
        df.index = index
    return df


def _is_columns(result: Any) -> bool:
    """A chunk of rows as lists by field (see readers.stream_file)."""
    return type(result) is dict and all(type(v) is list for v in result.values())


def _is_frame(value: Any) -> bool:
    """Whether VALUE is a DataFrame; without importing pandas, which nothing can then have made one with."""
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(value, pd.DataFrame)


def _pack(result: Any) -> tuple:
    if _is_columns(result):
        return ("columns", {name: _pack_objects(values) for name, values in result.items()})
    if _is_frame(result):
        return ("frame", _pack_frame(result))
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        fields = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
        if any(_is_frame(v) for v in fields.values()):
            packed = {k: ("frame", _pack_frame(v)) if _is_frame(v) else ("plain", v)
                      for k, v in fields.items()}
            return ("dataclass", type(result), packed)
    return ("plain", result)


def _unpack(packed: tuple) -> Any:
    if packed[0] == "frame":
        return _unpack_frame(packed[1])
    if packed[0] == "columns":
        return {name: _unpack_list(values) for name, values in packed[1].items()}
    if packed[0] == "dataclass":
        _, cls, fields = packed
        return cls(**{k: _unpack(v) for k, v in fields.items()})
    return packed[1]


def _dumps(payload: tuple) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: the payload is flat data, and memoising millions of cells is slow
    try:
        pickler.dump(payload)
    except (ValueError, RecursionError):  # a self-referencing result needs the memo after all
        return pickle.dumps(payload, protocol=5)
    return buffer.getvalue()


def _child_main(func: Callable[..., Any], args: tuple, kwargs: dict, *, parent: int, rfd: int, wfd: int,
                err_fd: int, as_limit: int | None, framed: bool = False):
    """Runs in the child: call func, send one pickled tuple back. Never returns (os._exit).

    FRAMED (FUNC a _chunked generator function): each yielded item goes first, as a frame
    b"c" + pickle; the answer is the frame b"a" + pickle. A frame is its length (8 bytes) and bytes.
    """
    status = 70
    try:
        os.close(rfd)
        # Parent objects (an SQLAlchemy pool, open files) are inherited, not ours: freeze them so the
        # child's collector never finalises one of them (which could close the parent's socket).
        gc.freeze()
        # Its own process group, so that a timeout also ends any program it started (tesseract...).
        with contextlib.suppress(OSError):
            os.setpgid(0, 0)
        _die_with_parent(parent)
        # Library noise (Rust panic messages, faulthandler dumps) goes to a file the parent reads.
        os.dup2(err_fd, 2)
        faulthandler.enable(file=2, all_threads=False)
        if as_limit is not None:  # RLIMIT_AS: every allocation past it fails (MemoryError, or a Rust abort)
            import resource

            _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            if hard != resource.RLIM_INFINITY:
                as_limit = min(as_limit, hard)
            resource.setrlimit(resource.RLIMIT_AS, (as_limit, hard))
        try:
            if framed:
                gen = func.func(*args, **kwargs)
                while True:
                    try:
                        item = next(gen)
                    except StopIteration as stop:
                        result = stop.value
                        break
                    data = _dumps(_pack(item))
                    del item
                    _write_all(wfd, (len(data) + 1).to_bytes(8, "little") + b"c")
                    _write_all(wfd, data)
                    del data
                payload: tuple = ("ok", _pack(result))
            else:
                payload = ("ok", _pack(func(*args, **kwargs)))
        except UnreadableFile as exc:
            payload = ("unreadable", exc.reason)
        except MemoryError:
            payload = ("memory",)
        except BaseException as exc:  # noqa: BLE001 - PanicException and friends are BaseExceptions
            payload = ("error", type(exc).__name__, first_line(exc), traceback.format_exc())
        try:
            data = _dumps(payload)
        except MemoryError:
            payload = None  # let the result go, so that the short answer fits
            data = pickle.dumps(("memory",), protocol=5)
        except BaseException as exc:  # noqa: BLE001 - an unpicklable result is a bug, reported as such
            data = pickle.dumps(
                ("error", type(exc).__name__, f"result could not be sent back: {first_line(exc)}",
                 traceback.format_exc()),
                protocol=5,
            )
        if framed:
            data = (len(data) + 1).to_bytes(8, "little") + b"a" + data
        _write_all(wfd, data)
        status = 0
    finally:
        # Never return into the parent's stack, run its atexit handlers or flush its buffers.
        os._exit(status)


def _read_stderr(f, limit: int = 256 * 1024) -> str:
    """What the child wrote to its standard error (Rust panic messages come first, backtraces after)."""
    try:
        f.seek(0)
        return f.read(limit).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _excerpt(text: str, lines: int = 30) -> str:
    kept = text.rstrip().splitlines()
    return "\n".join(kept[:lines] + (["..."] if len(kept) > lines else []))


def _signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


def _fork_child(func: Callable[..., Any], args: tuple, kwargs: dict, *, as_limit: int | None,
                framed: bool = False) -> tuple[int, int, Any]:
    """Fork a child running FUNC as _child_main runs it: (its pid, the read end of its pipe, the file
    its error goes to). The pipe's write end is closed here; the caller closes the rest and reaps
    the child. Nothing is left open when the fork fails."""
    rfd, wfd = os.pipe()
    with contextlib.suppress(OSError, AttributeError):
        fcntl.fcntl(rfd, fcntl.F_SETPIPE_SZ, 1 << 20)  # fewer wake-ups for a large result
    errfile = tempfile.TemporaryFile()
    parent = os.getpid()
    try:
        with warnings.catch_warnings():
            # Python 3.12+ warns about fork in a threaded process; the child only parses one file.
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:
            _child_main(func, args, kwargs, parent=parent, rfd=rfd, wfd=wfd, err_fd=errfile.fileno(),
                        as_limit=as_limit, framed=framed)
        with contextlib.suppress(OSError):
            os.setpgid(pid, pid)  # also here, so that a kill never races the child's own setpgid
    except BaseException:
        os.close(rfd)
        errfile.close()
        raise
    finally:
        os.close(wfd)
    return pid, rfd, errfile


def run_isolated(
    func: Callable[..., Any],
    *args: Any,
    limits: Limits,
    path: Path,
    crash_label: str = "the spreadsheet library",
    meanwhile: Callable[[], None] | None = None,
    **kwargs: Any,
) -> Any:
    """Call func(*args, **kwargs) in a forked child under the parse limits and return its result.

    `limits` and `path` are for the isolation itself (pass them on to func explicitly when it
    needs them); `crash_label` names what crashed in the message. Raises UnreadableFile(path, ...)
    when the child raises it, runs out of time or memory, dies, or fails in any other way.
    `meanwhile`, if given, is called in this thread while the child parses (the parent would
    otherwise only wait); the child's answer is collected alongside it.
    """
    path = Path(path)
    if not hasattr(os, "fork"):  # no fork (Windows): no isolation, but the same contract
        if meanwhile is not None:
            meanwhile()
        return func(*args, **kwargs)

    vsize = _virtual_size()  # the child starts as a copy of this process: its budget comes on top
    as_limit = vsize + limits.parse_memory_bytes if vsize is not None and limits.parse_memory_bytes > 0 else None
    rss = _resident_size()
    pid, rfd, errfile = _fork_child(func, args, kwargs, as_limit=as_limit)
    try:
        watch = _TreeWatch(pid, vsize, limits.parse_memory_bytes) if as_limit is not None else None
        if meanwhile is None:
            data = _collect(pid, rfd, limits, path, watch)
        else:
            data = _collect_during(meanwhile, pid, rfd, limits, path, watch)
        _, status, usage = os.wait4(pid, 0)
        pid = None
        grown = usage.ru_maxrss * _KiB - rss if as_limit is not None and rss is not None else None
        return _outcome(data, status, errfile, limits, path, crash_label, grown)
    finally:
        if pid:  # the deadline passed or the parent was interrupted: never leave the child behind
            _kill(pid)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        os.close(rfd)
        errfile.close()


def run_isolated_chunks(
    func: Callable[..., Any],
    *args: Any,
    limits: Limits,
    path: Path,
    on_chunk: Callable[[Any], None],
    crash_label: str = "the spreadsheet library",
    **kwargs: Any,
) -> Any:
    """run_isolated for a generator FUNC: each item it yields crosses back as soon as it is made
    and is handed to ON_CHUNK(item) here, in order, while the child reads on; the generator's
    return value is the result. The child's memory is then bounded by what it holds at once,
    not by the file. The limits, and the UnreadableFile on any failure, are as for run_isolated;
    when that happens after some chunks, the caller undoes what it did with them (a transaction).
    A helper thread drains the pipe into a queue of at most QUEUED_CHUNKS chunks: when the parent
    falls behind, the child waits (so the parent's memory is bounded by the chunk too), and the
    time it waits does not count against its deadline, which means what it always meant: time
    spent parsing.
    """
    path = Path(path)
    if not hasattr(os, "fork"):
        gen = func(*args, **kwargs)
        while True:
            try:
                item = next(gen)
            except StopIteration as stop:
                return stop.value
            on_chunk(item)
    return IsolatedChunks(func, *args, limits=limits, path=path, crash_label=crash_label, **kwargs).take(on_chunk)


class IsolatedChunks:
    """A generator FUNC running in a forked child, as run_isolated_chunks runs it, started now and
    taken later (`take`): the child parses and sends its first chunks, up to the queue's bound,
    while the caller does other work. The deadline runs from the start and, as in
    run_isolated_chunks, stands still while the queue is full. `close` ends a child never taken.

    The fork happens here, in the calling thread. Another reader's helper thread may be running
    then (read-ahead starts the next file's child while this one's last chunks are queued); the
    child only inherits its memory, never runs it, and the helper holds no lock the child uses
    (it waits on a pipe or on its own queue, without the interpreter lock).
    """

    def __init__(self, func: Callable[..., Any], *args: Any, limits: Limits, path: Path,
                 crash_label: str = "the spreadsheet library", **kwargs: Any):
        self.path, self.limits, self.crash_label = Path(path), limits, crash_label
        vsize = _virtual_size()
        as_limit = vsize + limits.parse_memory_bytes if vsize is not None and limits.parse_memory_bytes > 0 else None
        self.frames: "queue.Queue[bytes | None]" = queue.Queue(maxsize=QUEUED_CHUNKS)
        self.failure: dict[str, BaseException] = {}
        self.helper: threading.Thread | None = None
        self.pid: int | None
        self.pid, self.rfd, self.errfile = _fork_child(_chunked(func), args, kwargs, as_limit=as_limit, framed=True)
        self.helper = threading.Thread(target=self._drain, name="reader-chunks", daemon=True)
        self.helper.start()

    def _drain(self) -> None:
        try:
            _collect_frames(self.pid, self.rfd, self.limits, self.path, self.frames.put)
        except BaseException as exc:  # noqa: BLE001 - handed to the taking thread
            self.failure["error"] = exc
        finally:
            self.frames.put(None)

    def finished(self) -> bool:
        """Whether the child has ended (everything it sent is in the pipe or queued here); not reaped."""
        if self.pid is None:
            return True
        try:
            return os.waitid(os.P_PID, self.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
        except ChildProcessError:
            return True

    def take(self, on_chunk: Callable[[Any], None], when_read: Callable[[], None] | None = None) -> Any:
        """Hand each chunk to ON_CHUNK, in order, and return the generator's result (or raise
        UnreadableFile, as run_isolated_chunks). WHEN_READ, if given, is called once, in this
        thread, between chunks, as soon as the child has ended (its last chunks are then on their
        way here), or at the end in any case."""
        try:
            last = b""
            while True:
                if when_read is not None and self.finished():
                    when_read()
                    when_read = None
                frame = self.frames.get()
                if frame is None:
                    break
                if frame[:1] == b"c":
                    on_chunk(_unpack(pickle.loads(frame[1:])))
                else:
                    last = frame[1:]
            self.helper.join()
            self.helper = None
            if when_read is not None:
                when_read()
            if "error" in self.failure:
                raise self.failure["error"]
            _, status = os.waitpid(self.pid, 0)
            self.pid = None
            return _outcome(last, status, self.errfile, self.limits, self.path, self.crash_label)
        finally:
            self.close()

    def close(self) -> None:
        """End the child (if still there) and let everything go; taking is no longer possible."""
        if self.pid:
            _kill(self.pid)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            self.pid = None
        while self.helper is not None and self.helper.is_alive():  # let the helper put its last frames
            with contextlib.suppress(queue.Empty):
                self.frames.get(timeout=0.05)
        self.helper = None
        if self.rfd != -1:
            os.close(self.rfd)
            self.rfd = -1
        self.errfile.close()


def iter_ahead(func: Callable[..., Any], *args: Any, path: Path, crash_label: str = "the reader",
               **kwargs: Any) -> Iterator[Any]:
    """The items of the generator FUNC(*args, **kwargs), made in a forked child one item ahead of
    the caller: while the caller works on item k, the child makes item k+1, then waits (the pipe is
    full) until the caller takes it. Memory is bounded by the item on each side.

    For the organisation's own files read by the csv module (reference loads): no deadline and
    no memory cap. What the child raises arrives as for run_isolated (an UnreadableFile with its
    own reason; anything else, or a child that dies, as an UnreadableFile saying so) once the
    items before it have been taken: the caller undoes what it did with them (a transaction). The
    generator's return value is ignored. Closing this generator early ends the child.
    """
    path = Path(path)
    if not hasattr(os, "fork"):
        yield from func(*args, **kwargs)
        return
    pid, rfd, errfile = _fork_child(_chunked(func), args, kwargs, as_limit=None, framed=True)
    try:
        last = b""
        for frame in _frames(rfd):
            if frame[:1] == b"c":
                item = _unpack(pickle.loads(memoryview(frame)[1:]))
                del frame
                yield item
            else:
                last = bytes(frame[1:])
        _, status = os.waitpid(pid, 0)
        pid = None
        _outcome(last, status, errfile, Limits(), path, crash_label)
    finally:
        if pid:
            _kill(pid)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        os.close(rfd)
        errfile.close()


def _frames(rfd: int) -> Iterator[bytes]:
    """The length-prefixed frames the child writes, until its end (a frame cut short is dropped)."""
    with os.fdopen(os.dup(rfd), "rb", buffering=0) as pipe:
        while True:
            head = _read_exactly(pipe, 8)
            if len(head) < 8:
                return
            body = _read_exactly(pipe, int.from_bytes(head, "little"))
            if len(body) < int.from_bytes(head, "little"):
                return
            yield body


def _read_exactly(pipe, size: int) -> bytes:
    buffer = bytearray(size)
    view, got = memoryview(buffer), 0
    while got < size:
        n = pipe.readinto(view[got:])
        if not n:
            return bytes(buffer[:got])
        got += n
    return buffer


# Chunks read but not yet taken by the parent; the child waits beyond that.
QUEUED_CHUNKS = 2


class _chunked:
    """Marks a generator function for _child_main: send each item as a chunk frame."""

    def __init__(self, func):
        self.func = func


def _write_all(wfd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(wfd, view)
        view = view[written:]


def _collect_frames(pid: int, rfd: int, limits: Limits, path: Path, put: Callable[[bytes], None]) -> None:
    """Read length-prefixed frames from the child until its end, within the deadline; the time PUT
    waits (for a parent that is busy with earlier frames) moves the deadline on by as much."""
    seconds = limits.parse_seconds if limits.parse_seconds > 0 else math.inf
    deadline = time.monotonic() + seconds
    poller = select.poll()
    poller.register(rfd, select.POLLIN | select.POLLHUP | select.POLLERR)
    buffer = bytearray()
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            _kill(pid)
            raise UnreadableFile(path, timeout_reason(limits))
        if not poller.poll(max(1, int(min(remaining, 3600.0) * 1000))):
            continue
        chunk = os.read(rfd, 1 << 20)
        if not chunk:
            return  # an unfinished frame at the end: the child died while sending it
        buffer += chunk
        while len(buffer) >= 8:
            size = int.from_bytes(buffer[:8], "little")
            if len(buffer) < 8 + size:
                break
            waiting = time.monotonic()
            put(bytes(buffer[8:8 + size]))
            deadline += time.monotonic() - waiting
            del buffer[:8 + size]


def _kill(pid: int) -> None:
    """SIGKILL the child and whatever it started (its process group)."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _collect(pid: int, rfd: int, limits: Limits, path: Path, watch: _TreeWatch | None = None) -> bytes:
    """Read the child's whole answer before the deadline; kill it and raise when time runs out
    or when its process tree uses more memory than the limit (see _TreeWatch)."""
    seconds = limits.parse_seconds if limits.parse_seconds > 0 else math.inf
    deadline = time.monotonic() + seconds
    poller = select.poll()
    poller.register(rfd, select.POLLIN | select.POLLHUP | select.POLLERR)
    chunks: list[bytes] = []
    wait_cap = _TreeWatch.INTERVAL if watch is not None else 3600.0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            _kill(pid)
            raise UnreadableFile(path, timeout_reason(limits))
        if watch is not None and watch.over():
            _kill(pid)
            raise UnreadableFile(path, memory_reason(limits))
        if not poller.poll(max(1, int(min(remaining, wait_cap) * 1000))):
            continue
        chunk = os.read(rfd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _collect_during(meanwhile: Callable[[], None], pid: int, rfd: int, limits: Limits, path: Path,
                    watch: _TreeWatch | None = None) -> bytes:
    """`_collect` in a helper thread while this thread runs MEANWHILE.

    The helper is started after the fork, so the child never inherits a second thread;
    it keeps the deadline (killing the child when it passes) and drains the pipe, so the
    child is never held up by a parent that is busy.
    """
    answer: dict[str, Any] = {}

    def collect() -> None:
        try:
            answer["data"] = _collect(pid, rfd, limits, path, watch)
        except BaseException as exc:  # noqa: BLE001 - handed to the calling thread below
            answer["error"] = exc

    helper = threading.Thread(target=collect, name="reader-answer", daemon=True)
    helper.start()
    try:
        meanwhile()
    except BaseException:
        _kill(pid)  # the pipe then reaches its end and the helper returns
        raise
    finally:
        helper.join()
    if "error" in answer:
        raise answer["error"]
    return answer["data"]


def _outcome(data: bytes, status: int, errfile, limits: Limits, path: Path, crash_label: str,
             grown: int | None = None) -> Any:
    """The child's answer as a result or an UnreadableFile. GROWN is how far the child's resident
    memory rose above what it started with (None when not known)."""
    payload = None
    if data:
        try:
            payload = pickle.loads(data)
        except Exception:  # noqa: BLE001 - a truncated answer: the child died while sending it
            payload = None
    if payload is None:
        stderr = _read_stderr(errfile)
        if stderr.strip():
            # What a library printed may quote the file's cells (personal data): at debug level only.
            log.warning("%s: the reader's child process died after writing to its error output", path.name)
            log.debug("%s: the child's error output:\n%s", path.name, _excerpt(stderr))
        if any(marker in stderr for marker in _ALLOCATION_FAILURE_MARKERS):
            raise UnreadableFile(path, memory_reason(limits))
        # PDFium aborts without a word when an allocation fails: a child that died having used
        # nearly all its budget ran out of memory.
        if os.WIFSIGNALED(status) and grown is not None and grown >= _NEAR_LIMIT * limits.parse_memory_bytes:
            raise UnreadableFile(path, memory_reason(limits))
        if os.WIFSIGNALED(status):
            raise UnreadableFile(
                path, f"{crash_label} crashed reading it (killed by {_signal_name(os.WTERMSIG(status))})"
            )
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else status
        raise UnreadableFile(path, f"{crash_label} stopped without an answer (exit code {code})")

    tag = payload[0]
    if tag == "ok":
        return _unpack(payload[1])
    if tag == "unreadable":
        raise UnreadableFile(path, payload[1])
    if tag == "memory":
        raise UnreadableFile(path, memory_reason(limits))
    _, name, message, tb = payload
    if name == "PanicException":
        log.warning("%s: %s panicked", path.name, crash_label)
        log.debug("%s: %s", path.name, tb)
        raise UnreadableFile(path, f"{crash_label} crashed reading it (PanicException: {message})")
    log.error("%s: unexpected error while reading (%s)", path.name, name)
    log.debug("%s: %s", path.name, tb)  # the message may quote the file's cells: at debug level only
    raise UnreadableFile(path, f"could not be read ({name}: {message})" if message else f"could not be read ({name})")
