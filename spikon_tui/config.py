"""Profiles and settings, kept in one TOML file.

The file lives at ``platformdirs.user_config_dir("spikon-tui")/config.toml``
(``~/.config/spikon-tui/config.toml`` on Linux). The environment variable
``SPIKON_TUI_CONFIG_DIR`` replaces that directory (tests use it). The same
directory holds ``keys/`` for API keys a user chose to keep in a file (see
``spikon_tui.credentials``).

Schema::

    [app]
    theme = "textual-dark"          # Textual theme name
    language = "pl"                 # optional: "en" or "pl"; else --lang or the locale
    default_profile = "default"     # used when --profile is not given

    [profiles.default]
    base_url = "https://panel.spikon.pl/api/"   # https, or http on loopback only
    caller_phone_account_id = 12    # optional: remembered click-to-call choice
    refresh_interval = 5.0          # monitor poll interval in seconds, at least 1
    key_storage = "keyring"         # "keyring" or "file": informational only
    read_only = false               # true: nothing that changes data or costs money
    notify_terminal = true          # monitor alerts as desktop notifications (OSC 777/9)
    on_alert = "notify-send {title} {body}"   # run for each alert, its JSON on stdin
    on_alert_timeout = 10.0         # seconds before on_alert is killed
    webhook = "https://hooks.example.com/spikon"  # POST each alert's JSON (https)

    [profiles.default.alerts.1]     # anything else is kept as it was read

The four alert channel keys are optional (absent = off) and explained in
``spikon_tui.alerting.options``; ``spikon-tui monitor``'s flags override them.

`save_config` edits the file rather than rewriting it (with ``tomlkit``): the
user's comments, blank lines and order stay, and so do keys and tables this
module does not know, so hand-written alert rules keep their notes and a newer
version's settings survive an older version's save.

Profile names are 1-64 letters, digits, ``_`` or ``-``: they name the keyring
entry and the key file.

No Textual import here: the CLI and the credentials module use it too.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import platformdirs

from spikon_tui.alerting.options import (
    DEFAULT_COMMAND_TIMEOUT,
    AlertOptionError,
    validate_notify_terminal,
    validate_on_alert,
    validate_on_alert_timeout,
    validate_webhook,
)
from spikon_tui.api.endpoint import is_loopback
from spikon_tui.files.atomic import locked, write_atomically
from spikon_tui.i18n import LANGUAGES, _, language_code

APP_NAME = "spikon-tui"
CONFIG_DIR_ENV = "SPIKON_TUI_CONFIG_DIR"
CONFIG_FILE_NAME = "config.toml"

DEFAULT_PROFILE = "default"
DEFAULT_THEME = "textual-dark"
DEFAULT_BASE_URL = "https://panel.spikon.pl/api/"
DEFAULT_REFRESH_INTERVAL = 5.0
MIN_REFRESH_INTERVAL = 1.0
KEY_STORAGE_CHOICES = ("keyring", "file")
ALERT_CHANNEL_KEYS = ("notify_terminal", "on_alert", "on_alert_timeout", "webhook")
"""The profile's keys for alert delivery (``spikon_tui.alerting``)."""

_PROFILE_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOML_LINE = re.compile(r"at line (\d+)")


class ConfigError(Exception):
    """The configuration file or a setting is unusable; the message says why and where."""

    def __init__(self, message: str, *, path: Path | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            if line is not None:
                where = _("{path}, line {line}").format(path=path, line=line) + ": "
            else:
                where = f"{path}: "
        super().__init__(where + message)


def config_dir() -> Path:
    """The directory holding config.toml and keys/ (``SPIKON_TUI_CONFIG_DIR`` wins)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    """The path of config.toml."""
    return config_dir() / CONFIG_FILE_NAME


def validate_profile_name(name: str) -> str:
    """Return ``name`` if it can name a profile (keyring user, key file), else raise."""
    if not isinstance(name, str) or not _PROFILE_NAME.fullmatch(name):
        raise ConfigError(
            _("invalid profile name {name}: use 1-64 letters, digits, '_' or '-'").format(
                name=repr(name)
            )
        )
    return name


def validate_base_url(url: str) -> str:
    """Check that ``url`` is safe to send an API key to; return it with a trailing '/'.

    Allowed: ``https://`` anywhere, ``http://`` only on the loopback interface
    (127.0.0.0/8, ::1, localhost), which is where the sandbox runs.
    """
    if not isinstance(url, str) or not url.strip():
        raise ConfigError(_("the base URL is empty"))
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as error:
        raise ConfigError(
            _("the base URL {url} is malformed: {error}").format(url=repr(url), error=error)
        ) from None
    if scheme not in ("https", "http") or not host:
        raise ConfigError(
            _(
                "the base URL {url} is not a web address: it must start with https:// "
                "(or http:// for a sandbox on this machine, e.g. http://127.0.0.1:8080/api/)"
            ).format(url=repr(url))
        )
    if parts.username is not None or parts.password is not None:
        raise ConfigError(
            _(
                "the base URL for host {host} contains a user name or password; remove it "
                "(the API key is sent separately)"
            ).format(host=repr(host))
        )
    if scheme == "http" and not is_loopback(host):
        raise ConfigError(
            _(
                "the base URL {url} uses plain http:// to {host}: the API key would travel "
                "unencrypted. Use https://, or http:// only on this machine "
                "(127.0.0.1, ::1 or localhost)"
            ).format(url=repr(url), host=repr(host))
        )
    if not url.endswith("/"):
        url += "/"
    return url


def validate_refresh_interval(value: object) -> float:
    """Return the refresh interval as a float of at least `MIN_REFRESH_INTERVAL` seconds."""
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise ConfigError(
            _("refresh_interval must be a number of seconds, not {value}").format(value=repr(value))
        )
    if value < MIN_REFRESH_INTERVAL or math.isinf(value):
        raise ConfigError(
            _("refresh_interval must be at least {minimum} second and finite, not {value}").format(
                minimum=f"{MIN_REFRESH_INTERVAL:g}", value=repr(value)
            )
        )
    return float(value)


def _must_be_string(key: str, value: object) -> str:
    return _("{key} must be a string, not {value}").format(key=key, value=repr(value))


def validate_language(value: object) -> str:
    """Return ``value`` if it names an interface language ("en", "pl", "pl_PL"), else raise."""
    if not isinstance(value, str) or language_code(value) is None:
        raise ConfigError(
            _("language must be one of {choices}, not {value}").format(
                choices=", ".join(LANGUAGES), value=repr(value)
            )
        )
    return value


@dataclass
class ProfileConfig:
    """One SPIKON account to talk to: where it is and how the app behaves with it."""

    name: str = DEFAULT_PROFILE
    base_url: str = DEFAULT_BASE_URL
    caller_phone_account_id: int | None = None
    refresh_interval: float = DEFAULT_REFRESH_INTERVAL
    key_storage: str = "keyring"
    read_only: bool = False
    """Every run of this profile is read-only, whatever the command line says."""
    notify_terminal: bool | str = False
    on_alert: str | None = None
    on_alert_timeout: float = DEFAULT_COMMAND_TIMEOUT
    webhook: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys and tables of this profile that this version does not know (e.g. ``alerts``)."""

    def validate(self) -> None:
        """Raise `ConfigError` if a field holds a value the app cannot use."""
        validate_profile_name(self.name)
        self.base_url = validate_base_url(self.base_url)
        self.refresh_interval = validate_refresh_interval(self.refresh_interval)
        account = self.caller_phone_account_id
        if account is not None and (isinstance(account, bool) or not isinstance(account, int)):
            raise ConfigError(
                _("caller_phone_account_id must be a whole number, not {value}").format(
                    value=repr(account)
                )
            )
        if not isinstance(self.read_only, bool):
            raise ConfigError(
                _("read_only must be true or false, not {value}").format(value=repr(self.read_only))
            )
        if self.key_storage not in KEY_STORAGE_CHOICES:
            raise ConfigError(
                _("key_storage must be one of {choices}, not {value}").format(
                    choices=", ".join(KEY_STORAGE_CHOICES), value=repr(self.key_storage)
                )
            )
        try:
            validate_notify_terminal(self.notify_terminal)
            validate_on_alert(self.on_alert)
            self.on_alert_timeout = validate_on_alert_timeout(self.on_alert_timeout)
            validate_webhook(self.webhook)
        except AlertOptionError as error:
            raise ConfigError(str(error)) from None

    def alert_settings(self) -> dict[str, Any]:
        """The alert channel keys as written, for `spikon_tui.alerting.options.alert_options`."""
        return {key: getattr(self, key) for key in ALERT_CHANNEL_KEYS}


@dataclass
class AppConfig:
    """Everything in config.toml: app-wide settings and the profiles by name."""

    theme: str = DEFAULT_THEME
    language: str | None = None
    default_profile: str = DEFAULT_PROFILE
    profiles: dict[str, ProfileConfig] = field(default_factory=dict)
    app_extra: dict[str, Any] = field(default_factory=dict)
    """Keys of ``[app]`` that this version does not know."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Top-level keys and tables that this version does not know."""

    def profile(self, name: str | None = None) -> ProfileConfig:
        """The profile called ``name`` (default: `default_profile`).

        A profile not in the file yet is created with default settings and added,
        so that choices remembered for it are written by the next save.
        """
        name = validate_profile_name(name or self.default_profile)
        if name not in self.profiles:
            self.profiles[name] = ProfileConfig(name=name)
        return self.profiles[name]

    def validate(self) -> None:
        """Raise `ConfigError` if any setting is unusable."""
        for key in ("theme", "default_profile"):
            if not isinstance(getattr(self, key), str):
                raise ConfigError(_must_be_string(key, getattr(self, key)))
        if self.language is not None:
            validate_language(self.language)
        validate_profile_name(self.default_profile)
        for name, profile in self.profiles.items():
            if name != profile.name:
                raise ConfigError(
                    _("profile stored as {stored} is named {name}").format(
                        stored=repr(name), name=repr(profile.name)
                    )
                )
            try:
                profile.validate()
            except ConfigError as error:
                raise ConfigError(f"[profiles.{name}] {error}") from None


class ResolvedProfile(NamedTuple):
    """The profile to use and the API address to use it with."""

    name: str
    base_url: str


def resolve_profile(
    cli_profile: str | None, cli_base_url: str | None, config: AppConfig
) -> ResolvedProfile:
    """Pick the profile and base URL: the command line beats the file beats the defaults."""
    name = validate_profile_name(cli_profile or config.default_profile or DEFAULT_PROFILE)
    if cli_base_url:
        base_url = validate_base_url(cli_base_url)
    elif name in config.profiles:
        base_url = validate_base_url(config.profiles[name].base_url)
    else:
        base_url = DEFAULT_BASE_URL
    return ResolvedProfile(name, base_url)


# --- reading -------------------------------------------------------------------


def load_config(path: Path | str | None = None) -> AppConfig:
    """Read the configuration; a missing file gives the defaults.

    Raises `ConfigError` naming the file (and the line, when known) if the file
    cannot be read, is not valid TOML, or holds an unusable setting.
    """
    path = Path(path) if path is not None else config_path()
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return AppConfig()
    except UnicodeDecodeError as error:
        raise ConfigError(
            _("not UTF-8 text ({reason})").format(reason=error.reason), path=path
        ) from None
    except OSError as error:
        raise ConfigError(
            _("cannot read the file: {reason}").format(reason=error.strerror or error), path=path
        ) from None
    import tomllib  # here: with no config file yet, start-up need not pay for it

    try:
        data = tomllib.loads(text)
        _check_sensible(data)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_LINE.search(str(error))
        line = int(match.group(1)) if match else None
        raise ConfigError(
            _("not valid TOML: {error}").format(error=error), path=path, line=line
        ) from None
    except RecursionError:
        raise ConfigError(
            _("not valid TOML: {error}").format(error=f"nested deeper than {MAX_DEPTH} levels"),
            path=path,
        ) from None
    except ValueError as error:  # tomllib's int() past 4300 digits, or _check_sensible
        raise ConfigError(_("not valid TOML: {error}").format(error=error), path=path) from None
    try:
        return _from_dict(data)
    except _SettingError as error:
        line = _find_line(text, error.table, error.key)
        raise ConfigError(error.message, path=path, line=line) from None


MAX_DEPTH = 32
"""Tables and arrays nested deeper than this are not a configuration."""

MAX_INTEGER = 2**63 - 1
"""TOML's own limit for integers (64-bit); tomllib reads any size."""


def _check_sensible(data: object) -> None:
    """ValueError for nesting deeper than `MAX_DEPTH` or integers TOML does not allow."""
    pending: list[tuple[object, int]] = [(data, 0)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                raise ValueError(f"nested deeper than {MAX_DEPTH} levels")
            items = value.values() if isinstance(value, dict) else value
            pending.extend((item, depth + 1) for item in items)
        elif (
            isinstance(value, int)
            and not isinstance(value, bool)
            and not -MAX_INTEGER - 1 <= value <= MAX_INTEGER
        ):
            raise ValueError("an integer beyond 64 bits")


class _SettingError(Exception):
    def __init__(self, table: tuple[str, ...], key: str | None, message: str):
        super().__init__(message)
        self.table = table
        self.key = key
        self.message = message


def _from_dict(data: dict[str, Any]) -> AppConfig:
    data = dict(data)
    app = data.pop("app", {})
    profiles = data.pop("profiles", {})
    if not isinstance(app, dict):
        raise _SettingError((), "app", _("'app' must be a table ([app])"))
    if not isinstance(profiles, dict):
        raise _SettingError((), "profiles", _("'profiles' must be a table ([profiles.NAME])"))
    app = dict(app)
    config = AppConfig(extra=data)
    for key in ("theme", "language", "default_profile"):
        if key in app:
            value = app.pop(key)
            if not isinstance(value, str):
                raise _SettingError(("app",), key, f"[app] {_must_be_string(key, value)}")
            setattr(config, key, value)
    if config.language is not None:
        try:
            validate_language(config.language)
        except ConfigError as error:
            raise _SettingError(("app",), "language", f"[app] {error}") from None
    config.app_extra = app
    try:
        validate_profile_name(config.default_profile)
    except ConfigError as error:
        raise _SettingError(
            ("app",), "default_profile", f"[app] default_profile: {error}"
        ) from None
    for name, table in profiles.items():
        config.profiles[name] = _profile_from_dict(name, table)
    return config


def _profile_from_dict(name: str, table: object) -> ProfileConfig:
    where = ("profiles", name)
    label = f"[profiles.{_toml_key(name)}]"
    try:
        validate_profile_name(name)
    except ConfigError as error:
        raise _SettingError(where, None, f"{label} {error}") from None
    if not isinstance(table, dict):
        raise _SettingError(("profiles",), name, _("{label} must be a table").format(label=label))
    table = dict(table)
    profile = ProfileConfig(name=name)
    for key in (
        "base_url",
        "caller_phone_account_id",
        "refresh_interval",
        "key_storage",
        "read_only",
        *ALERT_CHANNEL_KEYS,
    ):
        if key not in table:
            continue
        value = table.pop(key)
        setattr(profile, key, value)
        try:
            profile.validate()
        except ConfigError as error:
            raise _SettingError(where, key, f"{label} {key}: {error}") from None
    profile.extra = table
    return profile


def _find_line(text: str, table: tuple[str, ...], key: str | None) -> int | None:
    """Best effort: the line of ``key`` inside ``[table]`` (or of the table header)."""
    header = re.compile(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
    current: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        match = header.match(line)
        if match:
            current = tuple(part.strip().strip("\"'") for part in match.group(1).split("."))
            if key is None and current == table:
                return number
            continue
        if key is not None and current == table:
            name = line.split("=", 1)[0].strip().strip("\"'")
            if "=" in line and name == key:
                return number
    return None


# --- writing -------------------------------------------------------------------


def save_config(config: AppConfig, path: Path | str | None = None) -> Path:
    """Validate and write the configuration atomically; return the path written.

    The file's current text is edited, not replaced (`render_config`): its comments,
    blank lines, key order and the keys and tables this version does not know stay as
    the user wrote them; only values that changed change, and profiles or keys no
    longer in ``config`` go. It is read and written under the lock
    `config.toml.lock` and written to a temporary file of its own in the same
    directory, then moved over the old one (`files.atomic`), so a crash or a second
    copy of the app never leaves half a file. A replaced file keeps its mode; a new
    one is 0600.
    """
    config.validate()
    path = Path(path) if path is not None else config_path()
    data = _to_dict(config)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with locked(path):
        write_atomically(
            path, render_config(data, _current_text(path)), new_mode=0o600, folder_mode=0o700
        )
    return path


def _current_text(path: Path) -> str:
    """The file as it is now; empty when it is missing or unreadable (it is then written anew)."""
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def render_config(data: Mapping[str, Any], current: str = "") -> str:
    """The TOML text holding ``data``, as an edit of ``current`` (the file's text now).

    Keys and tables of ``current`` keep their place, comments and layout; a value
    equal to the one written stays as written (``5`` is not rewritten as ``5.0``);
    a changed value is replaced in place, a new key goes at the end of its table, a
    key or table not in ``data`` goes. When ``current`` is empty, is not TOML, or the
    edit would not read back as ``data``, the text is written anew, tidily (tables
    as ``[a.b]`` sections, a blank line between them).
    """
    import tomllib

    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    if current.strip():
        try:
            document = tomlkit.parse(current)
            _merge(document, data)
            text = tomlkit.dumps(document)
            if text.endswith("\n\n") and not current.endswith("\n\n"):
                text = text.rstrip("\n") + "\n"  # a table added last: no blank line after
            if tomllib.loads(text) == data:
                return text
        except (TOMLKitError, tomllib.TOMLDecodeError, ValueError, TypeError, KeyError):
            pass  # what tomlkit cannot edit is written anew below
    fresh = tomlkit.document()
    for key, value in data.items():
        fresh[key] = value
    return tomlkit.dumps(fresh)


def _merge(table: MutableMapping[str, Any], data: Mapping[str, Any]) -> None:
    """Make the tomlkit ``table`` hold ``data``, touching only what differs."""
    for key in [key for key in table if key not in data]:
        del table[key]
    for key, value in data.items():
        if key in table:
            old = table[key]
            if isinstance(value, Mapping) and isinstance(old, MutableMapping):
                _merge(old, value)
                continue
            if _same(_plain(old), value):
                continue
            table[key] = value  # in place, its comment kept
        else:
            _add(table, key, value)


def _add(table: MutableMapping[str, Any], key: str, value: Any) -> None:
    """A new key of ``table``: after its last key, before the comments and blank lines
    that lead to the next table (tomlkit counts those as this table's, and by itself
    adds a key after them). A new table goes at the end, as tomlkit puts it."""
    import tomlkit
    from tomlkit.items import AoT, Table

    item = tomlkit.item(value)
    container: Any = getattr(table, "value", table)  # a table's Container, or the document
    body = getattr(container, "body", None)
    keys = [
        index
        for index, (name, entry) in enumerate(body or ())
        if name is not None and not isinstance(entry, Table | AoT)
    ]
    after = keys[-1] + 1 if keys else 0
    if isinstance(item, Table):
        item.add(tomlkit.nl())  # a blank line before whatever follows (render_config trims)
    if isinstance(item, Table | AoT) or not body or after >= len(body):
        table[key] = item
        return
    # Container._insert_at is tomlkit's own way to put a key at a place; not public, so
    # render_config checks what it wrote and tests/test_config_comments.py pins where.
    container._insert_at(after, key, item)


def _plain(item: Any) -> Any:
    """A tomlkit item as the plain value it holds."""
    return item.unwrap() if hasattr(item, "unwrap") else item


def _same(old: Any, new: Any) -> bool:
    """Equal, and not merely as ``True == 1`` (a boolean written for a number is a change)."""
    return old == new and isinstance(old, bool) == isinstance(new, bool)


def _to_dict(config: AppConfig) -> dict[str, Any]:
    app: dict[str, Any] = {"theme": config.theme}
    if config.language is not None:
        app["language"] = config.language
    app["default_profile"] = config.default_profile
    app.update(config.app_extra)
    profiles: dict[str, Any] = {}
    for name, profile in config.profiles.items():
        table: dict[str, Any] = {"base_url": profile.base_url}
        if profile.caller_phone_account_id is not None:
            table["caller_phone_account_id"] = profile.caller_phone_account_id
        table["refresh_interval"] = profile.refresh_interval
        table["key_storage"] = profile.key_storage
        if profile.read_only:
            table["read_only"] = True
        if profile.notify_terminal is not False:
            table["notify_terminal"] = profile.notify_terminal
        if profile.on_alert is not None:
            table["on_alert"] = profile.on_alert
        if profile.on_alert_timeout != DEFAULT_COMMAND_TIMEOUT:
            table["on_alert_timeout"] = profile.on_alert_timeout
        if profile.webhook is not None:
            table["webhook"] = profile.webhook
        table.update(profile.extra)
        profiles[name] = table
    result: dict[str, Any] = {"app": app}
    if profiles:
        result["profiles"] = profiles
    for key, value in config.extra.items():
        result.setdefault(key, value)
    return result


def _toml_key(key: str) -> str:
    """A key as TOML writes it: bare when it can be, else quoted (for messages)."""
    return key if _BARE_KEY.fullmatch(key) else _toml_string(key)


_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _toml_string(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
