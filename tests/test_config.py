"""Tests of spikon_tui.config: defaults, validation, errors with lines, round-trip saves."""

from __future__ import annotations

import math
import os
import stat
import tomllib
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from spikon_tui.config import (
    DEFAULT_BASE_URL,
    AppConfig,
    ConfigError,
    ProfileConfig,
    config_dir,
    config_path,
    load_config,
    render_config,
    resolve_profile,
    save_config,
    validate_base_url,
)


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "config"
    monkeypatch.setenv("SPIKON_TUI_CONFIG_DIR", str(directory))
    return directory


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


FULL = """\
top_level_thing = "kept"

[app]
theme = "nord"
language = "pl"
default_profile = "work"
future_app_setting = [1, 2, 3]

[profiles.work]
base_url = "https://panel.spikon.pl/api/"
caller_phone_account_id = 12
refresh_interval = 2.5
key_storage = "file"
unknown_profile_key = true

[profiles.work.alerts.1]
max_waiting = 5
sound = "bell"

[profiles.work.alerts.2]
max_waiting = 9

[profiles.sandbox]
base_url = "http://127.0.0.1:8080/api/"
refresh_interval = 1

[[plugins]]
name = "one"

[[plugins]]
name = "two"
"""


# --- location and defaults ------------------------------------------------------


def test_config_dir_comes_from_the_environment(config_home: Path) -> None:
    assert config_dir() == config_home
    assert config_path() == config_home / "config.toml"


def test_config_dir_defaults_to_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("SPIKON_TUI_CONFIG_DIR")
    assert config_dir() == Path(platformdirs.user_config_dir("spikon-tui", appauthor=False))


def test_missing_file_gives_defaults() -> None:
    config = load_config()
    assert config == AppConfig()
    assert config.theme == "textual-dark"
    assert config.default_profile == "default"
    assert config.language is None
    assert config.profiles == {}


def test_profile_creates_defaults_for_a_new_name() -> None:
    config = AppConfig()
    profile = config.profile("work")
    assert profile == ProfileConfig(name="work")
    assert profile.base_url == DEFAULT_BASE_URL
    assert profile.refresh_interval == 5.0
    assert profile.caller_phone_account_id is None
    assert profile.key_storage == "keyring"
    assert config.profiles["work"] is profile
    assert config.profile("work") is profile
    assert config.profile().name == "default"


# --- reading --------------------------------------------------------------------


def test_load_full_file(config_home: Path) -> None:
    write(config_home / "config.toml", FULL)
    config = load_config()
    assert (config.theme, config.language, config.default_profile) == ("nord", "pl", "work")
    work = config.profiles["work"]
    assert work.caller_phone_account_id == 12
    assert work.refresh_interval == 2.5
    assert work.key_storage == "file"
    assert work.extra["alerts"]["1"] == {"max_waiting": 5, "sound": "bell"}
    sandbox = config.profiles["sandbox"]
    assert sandbox.base_url == "http://127.0.0.1:8080/api/"
    assert sandbox.refresh_interval == 1.0
    assert isinstance(sandbox.refresh_interval, float)


def test_broken_toml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.toml", '[app]\ntheme = "nord"\nlanguage = pl\n')
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert raised.value.path == path
    assert raised.value.line == 3
    assert str(raised.value).startswith(f"{path}, line 3: not valid TOML")


def test_invalid_setting_names_file_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "config.toml",
        '[app]\ntheme = "nord"\n\n[profiles.work]\nrefresh_interval = 5\n'
        'base_url = "http://panel.spikon.pl/api/"\n',
    )
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert raised.value.line == 6
    message = str(raised.value)
    assert message.startswith(f"{path}, line 6: [profiles.work] base_url")
    assert "unencrypted" in message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[profiles.work]\nrefresh_interval = 0.5\n", "at least 1"),
        ('[profiles.work]\nrefresh_interval = "fast"\n', "number of seconds"),
        ("[profiles.work]\nrefresh_interval = nan\n", "number of seconds"),
        ("[profiles.work]\nrefresh_interval = inf\n", "finite"),
        ("[profiles.work]\nrefresh_interval = true\n", "number of seconds"),
        ('[profiles.work]\ncaller_phone_account_id = "12"\n', "whole number"),
        ('[profiles.work]\nkey_storage = "cloud"\n', "key_storage must be one of"),
        ("[app]\ntheme = 3\n", "theme must be a string"),
        ('[app]\ndefault_profile = "a b"\n', "invalid profile name"),
        ('[profiles."bad name"]\nrefresh_interval = 2\n', "invalid profile name"),
        ('app = "x"\n', "must be a table"),
        ('[profiles]\nwork = "x"\n', "must be a table"),
    ],
)
def test_invalid_settings_are_refused(tmp_path: Path, text: str, fragment: str) -> None:
    path = write(tmp_path / "config.toml", text)
    with pytest.raises(ConfigError, match=fragment) as raised:
        load_config(path)
    assert str(path) in str(raised.value)


def test_unreadable_file_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "config.toml").mkdir()
    with pytest.raises(ConfigError, match="cannot read the file"):
        load_config(tmp_path / "config.toml")


def test_non_utf8_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'[app]\ntheme = "\xff"\n')
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(path)


# --- base URLs ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://panel.spikon.pl/api/", "https://panel.spikon.pl/api/"),
        ("https://panel.spikon.pl/api", "https://panel.spikon.pl/api/"),
        ("  https://example.com:8443/x/  ", "https://example.com:8443/x/"),
        ("http://127.0.0.1:8080/api/", "http://127.0.0.1:8080/api/"),
        ("http://127.3.2.1/api/", "http://127.3.2.1/api/"),
        ("http://localhost:9000/api/", "http://localhost:9000/api/"),
        ("http://LOCALHOST/api/", "http://LOCALHOST/api/"),
        ("http://[::1]:8080/api/", "http://[::1]:8080/api/"),
    ],
)
def test_good_base_urls(url: str, expected: str) -> None:
    assert validate_base_url(url) == expected


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("http://panel.spikon.pl/api/", "unencrypted"),
        ("http://192.168.1.10:8080/api/", "unencrypted"),
        ("http://10.0.0.1/api/", "unencrypted"),
        ("http://localhost.example.com/api/", "unencrypted"),
        ("http://128.0.0.1/api/", "unencrypted"),
        ("ftp://panel.spikon.pl/api/", "must start with https://"),
        ("panel.spikon.pl/api/", "must start with https://"),
        ("https:///api/", "must start with https://"),
        ("", "empty"),
        ("https://user:secret@panel.spikon.pl/api/", "user name or password"),
        ("https://panel.spikon.pl:99999/api/", "malformed"),
    ],
)
def test_bad_base_urls(url: str, fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment) as raised:
        validate_base_url(url)
    assert "secret" not in str(raised.value)


# --- resolve_profile ------------------------------------------------------------


def test_resolve_defaults() -> None:
    assert resolve_profile(None, None, AppConfig()) == ("default", DEFAULT_BASE_URL)


def test_resolve_uses_the_config() -> None:
    config = AppConfig(default_profile="work")
    config.profile("work").base_url = "https://work.example.com/api/"
    resolved = resolve_profile(None, None, config)
    assert (resolved.name, resolved.base_url) == ("work", "https://work.example.com/api/")


def test_resolve_command_line_beats_config() -> None:
    config = AppConfig(default_profile="work")
    config.profile("work").base_url = "https://work.example.com/api/"
    config.profile("home").base_url = "https://home.example.com/api/"
    assert resolve_profile("home", None, config).base_url == "https://home.example.com/api/"
    assert resolve_profile("work", "http://127.0.0.1:7000/api", config) == (
        "work",
        "http://127.0.0.1:7000/api/",
    )


def test_resolve_unknown_profile_gets_default_url() -> None:
    assert resolve_profile("new", None, AppConfig()) == ("new", DEFAULT_BASE_URL)


def test_resolve_refuses_bad_command_line_values() -> None:
    with pytest.raises(ConfigError, match="unencrypted"):
        resolve_profile(None, "http://panel.spikon.pl/api/", AppConfig())
    with pytest.raises(ConfigError, match="invalid profile name"):
        resolve_profile("../etc", None, AppConfig())


# --- writing --------------------------------------------------------------------


def test_round_trip_keeps_unknown_keys_and_tables(config_home: Path) -> None:
    path = write(config_home / "config.toml", FULL)
    expected = tomllib.loads(FULL)
    expected["profiles"]["sandbox"]["key_storage"] = "keyring"  # known keys get defaults
    save_config(load_config())
    assert tomllib.loads(path.read_text()) == expected


def test_round_trip_after_a_change(config_home: Path) -> None:
    path = write(config_home / "config.toml", FULL)
    config = load_config()
    config.profiles["work"].caller_phone_account_id = 34
    config.profile("fresh").refresh_interval = 3
    save_config(config)
    saved = tomllib.loads(path.read_text())
    assert saved["profiles"]["work"]["caller_phone_account_id"] == 34
    assert saved["profiles"]["work"]["alerts"]["2"] == {"max_waiting": 9}
    assert saved["profiles"]["fresh"] == {
        "base_url": DEFAULT_BASE_URL,
        "refresh_interval": 3.0,
        "key_storage": "keyring",
    }
    assert saved["plugins"] == [{"name": "one"}, {"name": "two"}]
    assert load_config() == config


def test_saved_file_reads_like_the_documented_schema(config_home: Path) -> None:
    config = AppConfig(language="pl")
    config.profile("default").caller_phone_account_id = 12
    path = save_config(config)
    assert path == config_home / "config.toml"
    assert path.read_text() == (
        "[app]\n"
        'theme = "textual-dark"\n'
        'language = "pl"\n'
        'default_profile = "default"\n'
        "\n"
        "[profiles.default]\n"
        'base_url = "https://panel.spikon.pl/api/"\n'
        "caller_phone_account_id = 12\n"
        "refresh_interval = 5.0\n"
        'key_storage = "keyring"\n'
    )


def test_save_is_atomic_and_leaves_no_temporary_file(
    config_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = save_config(AppConfig(theme="first"))
    before = path.read_text()

    def crash(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        save_config(AppConfig(theme="second"))
    assert path.read_text() == before
    left = sorted(p.name for p in config_home.iterdir())
    assert left == ["config.toml", "config.toml.lock"], "no temporary file left behind"


def test_save_keeps_the_file_mode(config_home: Path) -> None:
    path = save_config(AppConfig())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    os.chmod(path, 0o644)
    save_config(AppConfig(theme="nord"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_save_refuses_invalid_settings(config_home: Path) -> None:
    config = AppConfig()
    config.profile("default").base_url = "http://panel.spikon.pl/api/"
    with pytest.raises(ConfigError, match=r"\[profiles.default\]"):
        save_config(config)
    config.profile("default").base_url = DEFAULT_BASE_URL
    config.profile("default").refresh_interval = 0
    with pytest.raises(ConfigError, match="at least 1"):
        save_config(config)
    assert not (config_home / "config.toml").exists()


def test_toml_writer_round_trips_awkward_values() -> None:
    data = {
        "plain": "text",
        "quotes": 'say "hi" \\ there',
        "control": "tab\tnew\nline\r\x00\x1f\x7f\b\f",
        "unicode": "zażółć 🐍",
        "key with spaces": 1,
        "ąę": 2,
        "numbers": [0, -7, 2**62, 1.5, -0.0, 1e16, 1.5e-7],
        "special": [math.inf, -math.inf],
        "flags": [True, False],
        "nested": [[1, 2], ["a"], []],
        "when": datetime(2024, 5, 1, 12, 30, 5, 123000, tzinfo=timezone(timedelta(hours=2))),
        "local": datetime(2024, 5, 1, 12, 30),
        "day": date(2024, 5, 1),
        "hour": time(7, 45, 1),
        "inline": [{"a": 1, "b": {"c": "d"}}, {}],
        "empty": {},
        "table": {"x": 1, "sub": {"y": [1]}, "only_tables": {"deep": {"z": "end"}}},
    }
    assert tomllib.loads(render_config(data)) == data
    edited = render_config(data, "# mine\nplain = 'old'\nflags = [true, false]  # both\n")
    assert tomllib.loads(edited) == data
    assert edited.startswith(
        "# mine\nplain = 'text'\nflags = [true, false]  # both\n"
    )  # style kept


def test_toml_writer_nan() -> None:
    assert math.isnan(tomllib.loads(render_config({"x": math.nan}))["x"])
