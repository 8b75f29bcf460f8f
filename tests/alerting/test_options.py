"""The channel settings: validation in words, config.toml keys, flags over the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from spikon_tui.alerting.options import (
    AlertOptionError,
    AlertOptions,
    alert_options,
    safe_url,
    validate_notify_terminal,
    validate_on_alert,
    validate_on_alert_timeout,
    validate_webhook,
)
from spikon_tui.config import ConfigError, load_config, save_config


@pytest.mark.parametrize(
    ("value", "expected"),
    [(True, "auto"), (False, None), ("osc9", "osc9"), ("BOTH", "both"), ("off", None)],
)
def test_notify_terminal_values(value: object, expected: str | None) -> None:
    assert validate_notify_terminal(value) == expected


@pytest.mark.parametrize("value", ["osc99", 1, ["osc9"]])
def test_notify_terminal_refuses_others(value: object) -> None:
    with pytest.raises(AlertOptionError, match="notify_terminal must be true, false or one of"):
        validate_notify_terminal(value)


def test_on_alert_is_split_like_a_shell_line() -> None:
    command = validate_on_alert("notify-send 'SPIKON alert' {body}")
    assert AlertOptions(on_alert=command).on_alert_argv == ["notify-send", "SPIKON alert", "{body}"]
    assert validate_on_alert("  ") is None
    with pytest.raises(AlertOptionError, match="cannot be split into words"):
        validate_on_alert("notify-send 'unclosed")
    with pytest.raises(AlertOptionError, match="must be a command line in a string"):
        validate_on_alert(["notify-send"])


@pytest.mark.parametrize("value", [0, -1, 301, float("nan"), float("inf"), True, "10"])
def test_on_alert_timeout_refuses(value: object) -> None:
    with pytest.raises(AlertOptionError, match="on_alert_timeout must be"):
        validate_on_alert_timeout(value)


@pytest.mark.parametrize(
    "url",
    [
        "https://hooks.example.com/services/T/B/token",
        "http://127.0.0.1:8080/hook",
        "http://[::1]/hook",
        "http://localhost/hook",
    ],
)
def test_webhook_accepts_https_and_loopback_http(url: str) -> None:
    assert validate_webhook(url) == url


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://hooks.example.com/TOKEN123", "plain http:// to another machine"),
        ("http://10.0.0.5/TOKEN123", "plain http:// to another machine"),
        ("ftp://example.com/TOKEN123", "is not a web address"),
        ("hooks.example.com/TOKEN123", "is not a web address"),
        ("https://example.com:99999/TOKEN123", "malformed host or port"),
    ],
)
def test_webhook_refusals_say_why_without_the_token(url: str, words: str) -> None:
    with pytest.raises(AlertOptionError, match=words) as caught:
        validate_webhook(url)
    assert "TOKEN123" not in str(caught.value)


def test_safe_url_keeps_only_scheme_host_and_port() -> None:
    assert safe_url("https://user:pw@h.example:8443/p/TOKEN?k=TOKEN") == "https://h.example:8443/…"
    assert safe_url("http://[::1]/x") == "http://[::1]/…"


def test_flags_beat_the_file_and_empty_flags_switch_off() -> None:
    settings = {"notify_terminal": True, "on_alert": "notify-send x", "webhook": "https://a/"}
    assert alert_options(settings) == AlertOptions("auto", "notify-send x", 10.0, "https://a/")
    flags = {"notify_terminal": "off", "on_alert": "", "webhook": None, "on_alert_timeout": 3.0}
    assert alert_options(settings, flags) == AlertOptions(None, None, 3.0, "https://a/")
    assert not alert_options({}).any


CONFIG = """\
[profiles.work]
base_url = "https://panel.spikon.pl/api/"
notify_terminal = "osc9"
on_alert = "notify-send SPIKON {reason}"
on_alert_timeout = 5
webhook = "https://hooks.example.com/spikon"
"""


def test_the_profile_keys_are_read_checked_and_written_back(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    profile = load_config(path).profile("work")
    assert alert_options(profile.alert_settings()) == AlertOptions(
        "osc9", "notify-send SPIKON {reason}", 5.0, "https://hooks.example.com/spikon"
    )
    assert profile.extra == {}
    config = load_config(path)
    save_config(config, path)
    assert load_config(path).profile("work").alert_settings() == profile.alert_settings()


def test_a_profile_without_the_keys_writes_none_of_them(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[profiles.plain]\nbase_url = "https://panel.spikon.pl/api/"\n')
    save_config(load_config(path), path)
    text = path.read_text(encoding="utf-8")
    assert "notify_terminal" not in text and "on_alert" not in text and "webhook" not in text


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('webhook = "http://hooks.example.com/TOKEN"', "plain http:// to another machine"),
        ("on_alert_timeout = 0", "on_alert_timeout must be more than 0"),
        ('on_alert = "say \'hi"', "cannot be split into words"),
        ('notify_terminal = "loud"', "notify_terminal must be"),
    ],
)
def test_a_bad_key_is_a_config_error_with_its_line(tmp_path: Path, line: str, words: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'[profiles.work]\nbase_url = "https://panel.spikon.pl/api/"\n{line}\n')
    with pytest.raises(ConfigError, match=words) as caught:
        load_config(path)
    assert caught.value.line == 3
    assert "[profiles.work]" in str(caught.value) and "TOKEN" not in str(caught.value)
