"""Where the SPIKON API key comes from and where it goes.

Lookup order (`lookup_key`):

1. the environment variable ``SPIKON_API_KEY``;
2. the OS keyring (service ``spikon-tui``, user name = profile name), e.g.
   GNOME Keyring / KWallet through the Secret Service, macOS Keychain,
   Windows Credential Locker;
3. a key file the user opted into: ``<config dir>/keys/<profile>.key``, mode
   0600 in a 0700 directory. It is NOT encrypted (`UNENCRYPTED_FILE_WARNING`);
   a file that other users can read is refused;
4. nothing: the app shows its login screen.

Every keyring call goes through `_call_keyring`, which runs it in a daemon
thread and gives up after `KEYRING_TIMEOUT` seconds: a locked keyring may
wait forever for a password prompt nobody sees (over SSH, in tmux).

The key never appears in full in a message, exception or log: use `mask_key`.
Messages, notes and reasons are in the interface language (`spikon_tui.i18n`).
No Textual import here.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from spikon_tui.config import config_dir, validate_profile_name
from spikon_tui.files.atomic import write_atomically
from spikon_tui.i18n import N_, _


def _keyring() -> ModuleType:
    """The keyring package, imported on first use: it costs start-up time that a key
    from the environment does not need."""
    import keyring
    import keyring.backends.chainer
    import keyring.backends.fail
    import keyring.backends.null
    import keyring.errors

    return keyring


SERVICE_NAME = "spikon-tui"
API_KEY_ENV = "SPIKON_API_KEY"
KEYRING_TIMEOUT = 5.0
"""Seconds to wait for the OS keyring before giving up (tests lower it)."""

UNENCRYPTED_FILE_WARNING = N_(
    "Warning: the key file is NOT encrypted. Anyone who can read it, or a backup "
    "of it, can use your SPIKON account. It is readable by your user only (mode 0600); "
    "prefer the OS keyring where one is available."
)
"""In English (a msgid): `StoreResult.warning` carries it translated."""

T = TypeVar("T")


class KeySource(Enum):
    """Where `lookup_key` found the key."""

    ENV = "env"
    KEYRING = "keyring"
    FILE = "file"
    NONE = "none"


class Storage(Enum):
    """Where `store_key` puts the key. SESSION stores it nowhere: the caller keeps it."""

    KEYRING = "keyring"
    FILE = "file"
    SESSION = "session"


class CredentialError(Exception):
    """The key could not be stored or removed; the message says why (never the key)."""


class KeyringTimeout(CredentialError):
    """The OS keyring did not answer in time."""


@dataclass(frozen=True)
class KeyLookup:
    """The result of `lookup_key`: the key, where it came from, and why other places failed."""

    key: str | None = field(repr=False)
    source: KeySource
    notes: list[str] = field(default_factory=list)
    keyring: KeyringStatus | None = None
    """The keyring's status as the lookup found it (None when it was not consulted)."""

    def __repr__(self) -> str:
        masked = None if self.key is None else mask_key(self.key)
        return f"KeyLookup(key={masked!r}, source={self.source}, notes={self.notes!r})"


@dataclass(frozen=True)
class KeyringStatus:
    """Whether the OS keyring can be used here, which backend it is, and if not, why."""

    usable: bool
    backend: str
    reason: str = ""
    timed_out: bool = False


@dataclass(frozen=True)
class StoreResult:
    """Where `store_key` put the key, and what else the user should know."""

    storage: Storage
    description: str
    warning: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DeleteResult:
    """What `delete_key` removed; ``problems`` lists places it could not check or clean."""

    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def mask_key(key: str) -> str:
    """Show a key without revealing it: ``abcd…wxyz`` when 12 chars or longer, else dots."""
    if len(key) >= 12:
        return f"{key[:4]}…{key[-4:]}"
    return "•" * len(key)


def redact(text: str, key: str | None) -> str:
    """``text`` with every occurrence of ``key`` replaced by its mask."""
    if key:
        text = text.replace(key, mask_key(key))
    return text


def keys_dir() -> Path:
    """The directory of opted-in key files."""
    return config_dir() / "keys"


def key_file_path(profile: str) -> Path:
    """The key file of ``profile`` (it may not exist)."""
    return keys_dir() / f"{validate_profile_name(profile)}.key"


# --- the keyring, always behind a timeout --------------------------------------


def _call_keyring(call: Callable[[], T], timeout: float | None = None) -> T:
    """Run one keyring operation in a daemon thread; raise `KeyringTimeout` if it hangs.

    A daemon thread (not a ThreadPoolExecutor, whose workers are joined at
    interpreter exit) so a keyring that never answers cannot keep the app alive.
    """
    limit = KEYRING_TIMEOUT if timeout is None else timeout
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed to the calling thread below
            outcome["error"] = error

    worker = threading.Thread(target=run, name="spikon-tui-keyring", daemon=True)
    worker.start()
    worker.join(limit)
    if worker.is_alive():
        raise KeyringTimeout(
            _(
                "the OS keyring did not answer within {seconds} s (it may be locked and "
                "waiting for a password prompt that cannot be shown here)"
            ).format(seconds=f"{limit:g}")
        )
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def _backend_name(backend: object) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__name__}"


def _secret_service_problem() -> str:
    """Why the Secret Service backend is not viable here, if we can tell (Linux)."""
    if not sys.platform.startswith("linux"):
        return ""
    try:
        from keyring.backends import SecretService

        SecretService.Keyring.priority  # noqa: B018 - raises with the reason
    except Exception as error:
        return str(error)
    return ""


def _inspect_keyring() -> KeyringStatus:
    backend = _keyring().get_keyring()
    name = _backend_name(backend)
    if isinstance(backend, _keyring().backends.fail.Keyring):
        detail = _secret_service_problem()
        return KeyringStatus(
            usable=False,
            backend=name,
            reason=_(
                "no keyring backend is available on this machine ({backend}){detail} — "
                "typical on a headless server; store the key in a file (not encrypted) "
                "or use it for this session only"
            ).format(backend=name, detail=f": {detail}" if detail else ""),
        )
    if isinstance(backend, _keyring().backends.null.Keyring):
        return KeyringStatus(
            usable=False,
            backend=name,
            reason=_("the keyring is disabled in keyring's configuration ({backend})").format(
                backend=name
            ),
        )
    if isinstance(backend, _keyring().backends.chainer.ChainerBackend):
        chained = list(backend.backends)
        if not chained:
            return KeyringStatus(
                usable=False,
                backend=name,
                reason=_(
                    "the keyring chainer has no backends to use ({backend}) — typical on a "
                    "headless server; store the key in a file (not encrypted) or use it "
                    "for this session only"
                ).format(backend=name),
            )
        name += " (" + ", ".join(_backend_name(item) for item in chained) + ")"
    return KeyringStatus(usable=True, backend=name)


def keyring_status(*, timeout: float | None = None) -> KeyringStatus:
    """Tell whether the OS keyring can be used, without ever hanging."""
    try:
        return _call_keyring(_inspect_keyring, timeout)
    except KeyringTimeout as error:
        return KeyringStatus(usable=False, backend="unknown", reason=str(error), timed_out=True)
    except Exception as error:
        return KeyringStatus(
            usable=False,
            backend="unknown",
            reason=_("the keyring could not be set up: {error}").format(error=_describe(error)),
        )


def _describe(error: BaseException, key: str | None = None) -> str:
    text = str(error).strip()
    text = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return redact(text, key)


# --- lookup ---------------------------------------------------------------------


def lookup_key(profile: str, *, keyring_timeout: float | None = None) -> KeyLookup:
    """Find the API key for ``profile``: environment, keyring, key file, or none."""
    validate_profile_name(profile)
    notes: list[str] = []

    from_env = os.environ.get(API_KEY_ENV)
    if from_env is not None:
        if from_env.strip():
            return KeyLookup(from_env.strip(), KeySource.ENV, notes)
        notes.append(_("{variable} is set but empty; ignored").format(variable=API_KEY_ENV))

    status = keyring_status(timeout=keyring_timeout)
    if status.usable:
        try:
            key = _call_keyring(
                lambda: _keyring().get_password(SERVICE_NAME, profile), keyring_timeout
            )
        except KeyringTimeout as error:
            notes.append(_("keyring not used: {reason}").format(reason=error))
        except Exception as error:
            notes.append(
                _("keyring not used: it failed ({backend}): {error}").format(
                    backend=status.backend, error=_describe(error)
                )
            )
        else:
            if key and key.strip():
                return KeyLookup(key.strip(), KeySource.KEYRING, notes, status)
            notes.append(
                _("no key for profile {profile} in the OS keyring ({backend})").format(
                    profile=repr(profile), backend=status.backend
                )
            )
    else:
        notes.append(_("keyring not used: {reason}").format(reason=status.reason))

    key = _read_key_file(profile, notes)
    if key is not None:
        return KeyLookup(key, KeySource.FILE, notes, status)
    return KeyLookup(None, KeySource.NONE, notes, status)


def _read_key_file(profile: str, notes: list[str]) -> str | None:
    path = key_file_path(profile)
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        notes.append(
            _("cannot check key file {path}: {reason}").format(
                path=path, reason=error.strerror or error
            )
        )
        return None
    if not stat.S_ISREG(info.st_mode):
        notes.append(_("key file {path} is not a regular file; ignored").format(path=path))
        return None
    if os.name == "posix":
        if info.st_mode & 0o077:
            notes.append(
                _(
                    "refusing to read key file {path}: other users can access it "
                    "(mode {mode}); fix it with: chmod 600 {path}"
                ).format(path=path, mode=f"{stat.S_IMODE(info.st_mode):04o}")
            )
            return None
        if info.st_uid != os.getuid():
            notes.append(
                _(
                    "refusing to read key file {path}: it belongs to another user (uid "
                    "{uid}); fix it with: chown $(id -u) {path} && chmod 600 {path}"
                ).format(path=path, uid=info.st_uid)
            )
            return None
    try:
        key = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        notes.append(
            _("cannot read key file {path}: {reason}").format(
                path=path, reason=type(error).__name__
            )
        )
        return None
    if not key:
        notes.append(_("key file {path} is empty; ignored").format(path=path))
        return None
    return key


# --- store and delete -----------------------------------------------------------


def _clean_key(key: str) -> str:
    key = key.strip()
    if not key:
        raise CredentialError(_("the API key is empty"))
    if any(char.isspace() or not char.isprintable() for char in key):
        raise CredentialError(_("the API key must be a single word without spaces"))
    return key


def store_key(
    profile: str, key: str, where: Storage, *, keyring_timeout: float | None = None
) -> StoreResult:
    """Store the key for ``profile``; raise `CredentialError` (never showing the key).

    Storing in one place removes a copy from the other (best effort, reported
    in ``notes``), so the lookup order never finds a stale key.
    """
    validate_profile_name(profile)
    key = _clean_key(key)
    if where is Storage.SESSION:
        return StoreResult(Storage.SESSION, _("kept for this session only; stored nowhere"))
    if where is Storage.KEYRING:
        status = keyring_status(timeout=keyring_timeout)
        if not status.usable:
            raise CredentialError(
                _("the OS keyring cannot be used: {reason}").format(reason=status.reason)
            )
        try:
            _call_keyring(
                lambda: _keyring().set_password(SERVICE_NAME, profile, key), keyring_timeout
            )
        except KeyringTimeout:
            raise
        except Exception as error:
            raise CredentialError(
                _("could not store the key in the OS keyring ({backend}): {error}").format(
                    backend=status.backend, error=_describe(error, key)
                )
            ) from None
        notes: list[str] = []
        if _delete_key_file(profile, notes):
            notes.append(_("removed the old key file {path}").format(path=key_file_path(profile)))
        return StoreResult(
            Storage.KEYRING,
            _("the OS keyring ({backend}), service {service}, user {user}").format(
                backend=status.backend, service=repr(SERVICE_NAME), user=repr(profile)
            ),
            notes=notes,
        )
    path = _write_key_file(profile, key)
    removed: list[str] = []
    notes = []
    _delete_from_keyring(profile, removed, [], notes, keyring_timeout)
    notes.extend(_("removed the old copy: {item}").format(item=item) for item in removed)
    return StoreResult(
        Storage.FILE,
        _("the key file {path}").format(path=path),
        _(UNENCRYPTED_FILE_WARNING),
        notes,
    )


def _write_key_file(profile: str, key: str) -> Path:
    path = key_file_path(profile)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix":
            os.chmod(path.parent, 0o700)
    except OSError as error:
        raise CredentialError(
            _("cannot create the key directory {path}: {reason}").format(
                path=path.parent, reason=error.strerror or error
            )
        ) from None
    try:
        write_atomically(path, key + "\n", mode=0o600, folder_mode=0o700)
    except OSError as error:
        raise CredentialError(
            _("cannot write the key file {path}: {reason}").format(
                path=path, reason=error.strerror or type(error).__name__
            )
        ) from None
    return path


def _delete_key_file(profile: str, problems: list[str]) -> bool:
    path = key_file_path(profile)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        problems.append(
            _("could not remove the key file {path}: {reason}").format(
                path=path, reason=error.strerror or error
            )
        )
        return False
    return True


def _delete_from_keyring(
    profile: str,
    removed: list[str],
    notes: list[str],
    problems: list[str],
    timeout: float | None,
) -> None:
    status = keyring_status(timeout=timeout)
    if not status.usable:
        if status.timed_out:
            problems.append(
                _("the OS keyring could not be checked: {reason}").format(reason=status.reason)
            )
        else:
            notes.append(_("keyring not checked: {reason}").format(reason=status.reason))
        return
    try:
        existing = _call_keyring(lambda: _keyring().get_password(SERVICE_NAME, profile), timeout)
        if existing is None:
            return
        _call_keyring(lambda: _keyring().delete_password(SERVICE_NAME, profile), timeout)
    except _keyring().errors.PasswordDeleteError:
        return  # gone in between: nothing left to remove
    except Exception as error:
        problems.append(
            _("could not remove the key from the OS keyring ({backend}): {error}").format(
                backend=status.backend, error=_describe(error)
            )
        )
        return
    removed.append(
        _("the OS keyring entry ({backend}, service {service}, user {user})").format(
            backend=status.backend, service=repr(SERVICE_NAME), user=repr(profile)
        )
    )


def delete_key(profile: str, *, keyring_timeout: float | None = None) -> DeleteResult:
    """Remove the key of ``profile`` from the keyring AND the key file.

    Missing entries are not errors; ``removed`` says what was there.
    """
    validate_profile_name(profile)
    removed: list[str] = []
    notes: list[str] = []
    problems: list[str] = []
    _delete_from_keyring(profile, removed, notes, problems, keyring_timeout)
    if _delete_key_file(profile, problems):
        removed.append(_("the key file {path}").format(path=key_file_path(profile)))
    return DeleteResult(removed, notes, problems)
