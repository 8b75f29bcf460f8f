"""The ``spikon-tui login`` and ``spikon-tui logout`` subcommands.

``login`` reads an API key (hidden when typed at a terminal, one line when
piped), checks it against the API with the ``verify`` coroutine the CLI
passes in, and stores it: in the OS keyring by default; in an unencrypted
key file only when ``--store file`` is given; nowhere with ``--store session``.
``logout`` removes the key from the keyring and the key file.

Both return an exit code and print plain messages: expected failures never
show a traceback, and the key never appears in full in anything printed.
"""

from __future__ import annotations

import asyncio
import getpass
import os
import sys
from collections.abc import Awaitable, Callable
from typing import TextIO

from spikon_tui.config import ConfigError, validate_profile_name
from spikon_tui.credentials import (
    API_KEY_ENV,
    CredentialError,
    Storage,
    delete_key,
    keyring_status,
    mask_key,
    redact,
    store_key,
)

STORE_CHOICES = tuple(storage.value for storage in Storage)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def run_login(
    profile: str,
    base_url: str,
    verify: Callable[[str], Awaitable[None]] | None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    storage_choice: str | None = None,
    keyring_timeout: float | None = None,
    read_hidden: Callable[[str], str] = getpass.getpass,
) -> int:
    """Read, verify and store an API key for ``profile``; return the exit code.

    ``verify(key)`` raises an exception whose message is shown to the user when
    the API refuses the key. ``storage_choice`` is the ``--store`` value.
    """
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr

    def fail(message: str, code: int = EXIT_FAILED) -> int:
        print(f"error: {message}", file=stderr)
        return code

    try:
        validate_profile_name(profile)
    except ConfigError as error:
        return fail(str(error), EXIT_USAGE)
    if storage_choice is not None and storage_choice not in STORE_CHOICES:
        return fail(f"--store must be one of {', '.join(STORE_CHOICES)}", EXIT_USAGE)

    # Decide where the key goes before asking for it, so nobody pastes a key in vain.
    storage = Storage(storage_choice) if storage_choice else Storage.KEYRING
    if storage is Storage.KEYRING:
        status = keyring_status(timeout=keyring_timeout)
        if not status.usable:
            hint = (
                "Pass --store file to keep the key in a file (NOT encrypted), or "
                f"set {API_KEY_ENV} for each session."
            )
            return fail(f"the OS keyring cannot be used: {status.reason}.\n{hint}")
    elif storage is Storage.FILE:
        status = keyring_status(timeout=keyring_timeout)
        if not status.usable:
            print(f"The OS keyring is not used: {status.reason}.", file=stdout)

    try:
        key = _read_key(profile, base_url, stdin, stderr, read_hidden)
    except (EOFError, KeyboardInterrupt):
        print(file=stderr)
        return fail("login cancelled", EXIT_INTERRUPTED)
    if not key:
        return fail("no API key given")

    if verify is None:
        print("The key was not checked against the API (no check available).", file=stdout)
    else:
        try:
            asyncio.run(_await(verify(key)))
        except KeyboardInterrupt:
            return fail("login cancelled", EXIT_INTERRUPTED)
        except Exception as error:
            message = redact(str(error).strip() or type(error).__name__, key)
            return fail(f"the API key was not accepted by {base_url}: {message}")

    try:
        result = store_key(profile, key, storage, keyring_timeout=keyring_timeout)
    except (CredentialError, ConfigError) as error:
        return fail(redact(str(error), key))

    what = f"API key {mask_key(key)} for profile {profile!r}"
    checked = "verified" if verify is not None else "accepted"
    if storage is Storage.SESSION:
        print(f"{what} {checked}; not stored (--store session).", file=stdout)
    else:
        print(f"{what} {checked} and stored in {result.description}.", file=stdout)
    for note in result.notes:
        print(f"note: {redact(note, key)}", file=stdout)
    if result.warning:
        print(result.warning, file=stderr)
    if os.environ.get(API_KEY_ENV, "").strip():
        print(
            f"note: {API_KEY_ENV} is set in this environment and takes precedence over "
            "the stored key.",
            file=stdout,
        )
    return EXIT_OK


async def _await(awaitable: Awaitable[None]) -> None:
    await awaitable


def _read_key(
    profile: str,
    base_url: str,
    stdin: TextIO,
    stderr: TextIO,
    read_hidden: Callable[[str], str],
) -> str:
    if _is_terminal(stdin):
        return read_hidden(f"SPIKON API key for profile {profile!r} ({base_url}): ").strip()
    line = stdin.readline()
    if not line:
        raise EOFError
    return line.strip()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def run_logout(
    profile: str,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    keyring_timeout: float | None = None,
) -> int:
    """Remove the stored key of ``profile`` (keyring and file); return the exit code."""
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    try:
        result = delete_key(profile, keyring_timeout=keyring_timeout)
    except ConfigError as error:
        print(f"error: {error}", file=stderr)
        return EXIT_USAGE
    for item in result.removed:
        print(f"Removed {item}.", file=stdout)
    if not result.removed:
        print(f"No stored API key was found for profile {profile!r}.", file=stdout)
    for note in result.notes:
        print(f"note: {note}", file=stdout)
    for problem in result.problems:
        print(f"error: {problem}", file=stderr)
    if os.environ.get(API_KEY_ENV, "").strip():
        print(
            f"note: {API_KEY_ENV} is still set in this environment; unset it to log out "
            "completely.",
            file=stdout,
        )
    return EXIT_OK if result.ok else EXIT_FAILED
