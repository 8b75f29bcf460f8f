"""The ``spikon-tui login`` and ``spikon-tui logout`` subcommands.

``login`` reads an API key (hidden when typed at a terminal, one line when
piped), checks it against the API with the ``verify`` coroutine the CLI
passes in, and stores it: in the OS keyring by default; in an unencrypted
key file only when ``--store file`` is given; nowhere with ``--store session``.
``logout`` removes the key from the keyring and the key file.

Both return an exit code and print plain messages: expected failures never
show a traceback, and the key never appears in full in anything printed.
The messages are in the interface language (`--lang`, set before these run).
"""

from __future__ import annotations

import asyncio
import getpass
import os
import sys
from collections.abc import Awaitable, Callable
from typing import TextIO

from spikon_tui.config import ConfigError, load_config, save_config, validate_profile_name
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
from spikon_tui.i18n import _

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
        print(_("error: {message}").format(message=message), file=stderr)
        return code

    try:
        validate_profile_name(profile)
    except ConfigError as error:
        return fail(str(error), EXIT_USAGE)
    if storage_choice is not None and storage_choice not in STORE_CHOICES:
        return fail(
            _("--store must be one of {choices}").format(choices=", ".join(STORE_CHOICES)),
            EXIT_USAGE,
        )

    # Decide where the key goes before asking for it, so nobody pastes a key in vain.
    storage = Storage(storage_choice) if storage_choice else Storage.KEYRING
    if storage is Storage.KEYRING:
        status = keyring_status(timeout=keyring_timeout)
        if not status.usable:
            hint = _(
                "Pass --store file to keep the key in a file (NOT encrypted), or "
                "set {variable} for each session."
            ).format(variable=API_KEY_ENV)
            problem = _("the OS keyring cannot be used: {reason}").format(reason=status.reason)
            return fail(f"{problem}.\n{hint}")
    elif storage is Storage.FILE and keyring_status(timeout=keyring_timeout).usable:
        # The user chose the file; the keyring is worth a word only when it would work.
        print(
            _("note: this machine has a working OS keyring; plain login stores the key there."),
            file=stdout,
        )

    try:
        key = _read_key(profile, base_url, stdin, stderr, read_hidden)
    except (EOFError, KeyboardInterrupt):
        print(file=stderr)
        return fail(_("login cancelled"), EXIT_INTERRUPTED)
    if not key:
        return fail(_("no API key given"))

    if verify is None:
        print(_("The key was not checked against the API (no check available)."), file=stdout)
    else:
        try:
            asyncio.run(_await(verify(key)))
        except KeyboardInterrupt:
            return fail(_("login cancelled"), EXIT_INTERRUPTED)
        except Exception as error:
            message = redact(str(error).strip() or type(error).__name__, key)
            return fail(
                _("the API key was not accepted by {url}: {message}").format(
                    url=base_url, message=message
                )
            )

    try:
        result = store_key(profile, key, storage, keyring_timeout=keyring_timeout)
    except (CredentialError, ConfigError) as error:
        return fail(redact(str(error), key))

    print(
        _stored_message(storage, verify is not None).format(
            key=mask_key(key), profile=repr(profile), place=result.description
        ),
        file=stdout,
    )
    if storage is not Storage.SESSION:
        _remember_address(profile, base_url, stdout, stderr)
    for note in result.notes:
        print(_("note: {note}").format(note=redact(note, key)), file=stdout)
    if result.warning:
        print(result.warning, file=stderr)
    if os.environ.get(API_KEY_ENV, "").strip():
        print(
            _(
                "note: {variable} is set in this environment and takes precedence over "
                "the stored key."
            ).format(variable=API_KEY_ENV),
            file=stdout,
        )
    return EXIT_OK


def _stored_message(storage: Storage, verified: bool) -> str:
    """What login did with the key: a format string with {key}, {profile} and {place}."""
    if storage is Storage.SESSION:
        if verified:
            return _("API key {key} for profile {profile} verified; not stored (--store session).")
        return _("API key {key} for profile {profile} accepted; not stored (--store session).")
    if verified:
        return _("API key {key} for profile {profile} verified and stored in {place}.")
    return _("API key {key} for profile {profile} accepted and stored in {place}.")


def _remember_address(profile: str, base_url: str, stdout: TextIO, stderr: TextIO) -> None:
    """The profile's address becomes the one the key was checked against (`key_home`)."""
    try:
        config = load_config()
        config.profile(profile).base_url = base_url
        save_config(config)
    except (ConfigError, OSError) as error:
        print(
            _(
                "warning: the address {url} could not be saved for profile {profile} ({reason}); "
                "the stored key is used only with the profile's saved address"
            ).format(url=base_url, profile=repr(profile), reason=error),
            file=stderr,
        )
        return
    print(
        _("Profile {profile} uses {url}; its key is sent nowhere else.").format(
            profile=repr(profile), url=base_url
        ),
        file=stdout,
    )


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
        prompt = _("SPIKON API key for profile {profile} ({url}): ")
        return read_hidden(prompt.format(profile=repr(profile), url=base_url)).strip()
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
        print(_("error: {message}").format(message=error), file=stderr)
        return EXIT_USAGE
    for item in result.removed:
        print(_("Removed {item}.").format(item=item), file=stdout)
    if not result.removed:
        print(
            _("No stored API key was found for profile {profile}.").format(profile=repr(profile)),
            file=stdout,
        )
    if not result.removed:  # why nothing was found may lie in a keyring this run cannot see
        for note in result.notes:
            print(_("note: {note}").format(note=note), file=stdout)
    for problem in result.problems:
        print(_("error: {message}").format(message=problem), file=stderr)
    if os.environ.get(API_KEY_ENV, "").strip():
        print(
            _(
                "note: {variable} is still set in this environment; unset it to log out completely."
            ).format(variable=API_KEY_ENV),
            file=stdout,
        )
    return EXIT_OK if result.ok else EXIT_FAILED
