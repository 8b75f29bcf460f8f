"""Atomic writes, advisory locks and the reading of local JSON files, for every file the app writes.

`write_atomically` (and `open_atomically` for a stream) writes to a temporary file
with a unique name in the target's folder (`tempfile.mkstemp`), flushes and fsyncs
it, renames it over the target (`os.replace`) and fsyncs the folder where the
system allows it. Two copies of the app writing at once never share a temporary
file, and a reader sees either the old file or the new one, never half of one.

`append_locked` adds lines to a log (an audit log) under that lock, in one write.

`locked(path)` holds an advisory lock on the sibling `NAME.lock` (the `filelock`
package) while a store reads what is on disk, merges and writes: so no copy
writes over a record another copy saved a moment before.

`load_json` reads a local JSON file with limits checked before conversion (nesting
depth, digits of a number) and raises `DamagedFile`, a ValueError, for anything
that is not sound JSON; `set_aside` renames such a file to
`NAME.damaged-YYYYmmdd-HHMMSS` so it is kept and a new one can start.

No UI and no clock: the time of a damaged file's name is passed in.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Literal, cast, overload

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another copy of the app to finish writing a store."""

MAX_JSON_DEPTH = 32
"""Nesting deeper than this is not a file the app wrote."""

MAX_NUMBER_DIGITS = 30
"""Digits of one JSON number; the app writes none longer."""

_DEFAULT_NEW_MODE: int | None = None


class DamagedFile(ValueError):
    """A local file that is not what the app writes; `str()` says why (in English, for logs)."""


class LockTimeout(OSError):
    """Another copy of the app held the store's lock too long (an OSError: stores word it)."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EAGAIN, "another copy of spikon-tui is writing it", str(path))


def _umask_mode() -> int:
    """0o666 without the process's umask: what `open()` would give a new file."""
    global _DEFAULT_NEW_MODE
    if _DEFAULT_NEW_MODE is None:
        mask = os.umask(0)
        os.umask(mask)
        _DEFAULT_NEW_MODE = 0o666 & ~mask
    return _DEFAULT_NEW_MODE


def _target_mode(path: Path, mode: int | None, new_mode: int | None) -> int:
    if mode is not None:
        return mode
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return new_mode if new_mode is not None else _umask_mode()


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable where the system allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@overload
def open_atomically(
    path: Path,
    *,
    binary: Literal[False] = ...,
    mode: int | None = ...,
    new_mode: int | None = ...,
    encoding: str = ...,
    newline: str | None = ...,
    folder_mode: int = ...,
) -> contextlib.AbstractContextManager[IO[str]]: ...
@overload
def open_atomically(
    path: Path,
    *,
    binary: Literal[True],
    mode: int | None = ...,
    new_mode: int | None = ...,
    encoding: str = ...,
    newline: str | None = ...,
    folder_mode: int = ...,
) -> contextlib.AbstractContextManager[IO[bytes]]: ...
def open_atomically(
    path: Path,
    *,
    binary: bool = False,
    mode: int | None = None,
    new_mode: int | None = None,
    encoding: str = "utf-8",
    newline: str | None = None,
    folder_mode: int = 0o777,
) -> contextlib.AbstractContextManager[IO[str]] | contextlib.AbstractContextManager[IO[bytes]]:
    """A file to write that replaces `path` when the block ends without an exception.

    `mode`: the file's mode, always (0o600 for a secret). Otherwise a replaced file
    keeps its mode and a new one gets `new_mode` (default: 0o666 less the umask).
    Missing folders are created with `folder_mode`. On an exception nothing is
    replaced and the temporary file is removed.
    """
    manager = _atomic(path, binary, mode, new_mode, encoding, newline, folder_mode)
    if binary:
        return cast("contextlib.AbstractContextManager[IO[bytes]]", manager)
    return cast("contextlib.AbstractContextManager[IO[str]]", manager)


@contextlib.contextmanager
def _atomic(
    path: Path,
    binary: bool,
    mode: int | None,
    new_mode: int | None,
    encoding: str,
    newline: str | None,
    folder_mode: int,
) -> Iterator[IO[str] | IO[bytes]]:
    path = Path(path)
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True, mode=folder_mode)
    final_mode = _target_mode(path, mode, new_mode)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        if binary:
            file: IO[str] | IO[bytes] = os.fdopen(descriptor, "wb")
        else:
            file = os.fdopen(descriptor, "w", encoding=encoding, newline=newline)
        with file:
            if hasattr(os, "fchmod"):
                os.fchmod(file.fileno(), final_mode)
            yield file
            file.flush()
            os.fsync(file.fileno())
        if not hasattr(os, "fchmod"):
            os.chmod(temporary, final_mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    fsync_folder(folder)


def write_atomically(
    path: Path,
    data: bytes | str,
    *,
    mode: int | None = None,
    new_mode: int | None = None,
    encoding: str = "utf-8",
    folder_mode: int = 0o777,
) -> None:
    """Replace `path` with `data` atomically (see `open_atomically` for the modes)."""
    raw = data.encode(encoding) if isinstance(data, str) else data
    with open_atomically(
        path, binary=True, mode=mode, new_mode=new_mode, folder_mode=folder_mode
    ) as file:
        file.write(raw)


def lock_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.lock")


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the advisory lock of `path` (the file `NAME.lock` beside it).

    Raises `LockTimeout` (an OSError) when another copy holds it longer than `timeout`.
    """
    import filelock  # here: only a save needs it

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(str(lock_path(path)), timeout=timeout)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise LockTimeout(path) from None
    try:
        yield
    finally:
        lock.release()


def append_locked(path: Path, text: str, *, new_mode: int | None = None) -> None:
    """Append `text` (whole lines) to a log several copies of the app may write, under its lock.

    The lines land in one write, flushed and fsynced, so two copies never interleave
    within a line. Raises OSError (`LockTimeout` included) when it cannot be written.
    """
    path = Path(path)
    with locked(path):
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
        descriptor = os.open(path, flags, new_mode if new_mode is not None else 0o666)
        with os.fdopen(descriptor, "ab") as file:
            file.write(text.encode("utf-8"))
            file.flush()
            os.fsync(file.fileno())


def set_aside(path: Path, now: float, *, copy_of: bytes | None = None) -> Path:
    """Keep a damaged file as `NAME.damaged-YYYYmmdd-HHMMSS` (local time of `now`).

    The file is renamed; with `copy_of` those bytes are written there instead and
    `path` is left in place. Returns the new name; raises OSError when neither works.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    backup = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while backup.exists():
        number += 1
        backup = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    if copy_of is not None:
        write_atomically(backup, copy_of)
    else:
        os.replace(path, backup)
    return backup


def json_depth_exceeds(text: str, limit: int) -> bool:
    """True when brackets outside strings nest deeper than `limit` (a scan, no parsing)."""
    depth = 0
    in_string = False
    escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise DamagedFile(f"a number of {len(text)} digits")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS + 10:
        raise DamagedFile(f"a number of {len(text)} characters")
    return float(text)


def _no_constant(text: str) -> float:
    raise DamagedFile(f"{text} is not a number JSON allows")


def load_json(raw: bytes, *, max_depth: int = MAX_JSON_DEPTH) -> object:
    """The JSON document in `raw`; `DamagedFile` for anything but sound, sensible JSON."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DamagedFile(f"not UTF-8 ({error.reason})") from None
    if json_depth_exceeds(text, max_depth):
        raise DamagedFile(f"nested deeper than {max_depth}")
    try:
        return json.loads(
            text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_no_constant
        )
    except DamagedFile:
        raise
    except (ValueError, RecursionError) as error:
        raise DamagedFile(f"not JSON ({error})") from None
