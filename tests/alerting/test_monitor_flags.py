"""`spikon-tui monitor`'s alert flags: parsed, checked at flag time, merged over the profile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from spikon_tui.alerting.options import AlertOptions
from spikon_tui.cli import launch
from spikon_tui.cli import main as cli
from spikon_tui.config import AppConfig, ProfileConfig


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SPIKON_TUI_CONFIG_DIR", str(tmp_path))
    return tmp_path


def parse(*argv: str) -> Any:
    return cli.build_parser().parse_args(["monitor", *argv])


def test_the_flags_are_parsed() -> None:
    args = parse(
        "--notify-terminal",
        "--on-alert",
        "notify-send {title} {body}",
        "--on-alert-timeout",
        "2.5",
        "--webhook",
        "https://hooks.example.com/x",
    )
    assert args.notify_terminal == "auto"
    assert args.on_alert == "notify-send {title} {body}"
    assert args.on_alert_timeout == 2.5
    assert args.webhook == "https://hooks.example.com/x"
    assert parse("--notify-terminal=osc9").notify_terminal == "osc9"
    assert parse().notify_terminal is None


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--webhook", "http://hooks.example.com/TOKEN"], "plain http:// to another machine"),
        (["--on-alert", "say 'hi"], "cannot be split into words"),
        (["--on-alert-timeout", "soon"], "is not a number"),
        (["--on-alert-timeout", "0"], "more than 0"),
        (["--notify-terminal=loud"], "notify_terminal must be"),
    ],
)
def test_bad_flags_stop_the_command_with_words(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        parse(*argv)
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert words in error and "TOKEN" not in error


def profile_with_channels() -> ProfileConfig:
    return ProfileConfig(
        name="work",
        notify_terminal=True,
        on_alert="notify-send x",
        webhook="https://hooks.example.com/file",
    )


def test_flags_beat_the_profile() -> None:
    args = parse("--webhook", "https://hooks.example.com/flag", "--on-alert", "")
    options = launch.alert_channel_options(profile_with_channels(), args)
    assert options == AlertOptions("auto", None, 10.0, "https://hooks.example.com/flag")


def test_the_demo_ignores_the_profile_but_takes_flags() -> None:
    args = parse("--demo", "--notify-terminal")
    options = launch.alert_channel_options(profile_with_channels(), args, demo=True)
    assert options == AlertOptions(notify_terminal="auto")


def test_monitor_options_carry_the_channels() -> None:
    config = AppConfig(profiles={"work": profile_with_channels()})
    args = parse("--on-alert-timeout", "3")
    expected = AlertOptions("auto", "notify-send x", 3.0, "https://hooks.example.com/file")
    assert launch.monitor_options(config, "work", args).alerting == expected


def test_a_plain_start_takes_the_profiles_monitor_options(
    monkeypatch: pytest.MonkeyPatch, config_home: Path
) -> None:
    """The monitor is one F4 away: the profile's channels and alert rules apply there too."""
    (config_home / "config.toml").write_text(
        "[profiles.default]\n"
        'webhook = "https://hooks.example.com/file"\n'
        "[profiles.default.alerts.default]\n"
        "sla = { warn = 90 }\n",
        encoding="utf-8",
    )
    seen: dict[str, Any] = {}

    def run_app(*args: Any, **kwargs: Any) -> int:
        seen.update(kwargs)
        return 0

    monkeypatch.setattr(launch, "run_app", run_app)
    assert cli.main([]) == 0
    assert seen["start_mode"] == "account"
    assert seen["monitor"].alerting == AlertOptions(webhook="https://hooks.example.com/file")
    assert seen["monitor"].alert_table == {"default": {"sla": {"warn": 90}}}


def test_the_command_reaches_run_app_with_checked_options(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(
        launch, "alert_channel_options", _spy(launch.alert_channel_options, seen, "alerting")
    )

    def run_app(*args: Any, **kwargs: Any) -> int:
        seen["run"] = kwargs
        return 0

    monkeypatch.setattr(launch, "run_app", run_app)
    code = cli.main(["monitor", "--webhook", "https://hooks.example.com/x", "--notify-terminal"])
    assert code == 0
    assert seen["alerting"] == AlertOptions("auto", None, 10.0, "https://hooks.example.com/x")
    assert seen["run"]["start_mode"] == "monitor"


def _spy(function, seen: dict[str, Any], key: str):
    def spy(*args: Any, **kwargs: Any) -> Any:
        seen[key] = function(*args, **kwargs)
        return seen[key]

    return spy
