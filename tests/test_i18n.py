"""The interface language: how it is chosen, what `_()` gives, and what follows it.

Covers spikon_tui.i18n, the API's Polish words (spikon_tui.api_words), the
locale-aware formatting, `--lang` and the config file's `language`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal

import pytest

from spikon_tui import i18n
from spikon_tui.api_words import (
    agent_state_word,
    api_word,
    call_start_state_word,
    call_state_meaning,
    call_state_word,
    language_word,
    no_data_word,
    yes_no_word,
)
from spikon_tui.cli.main import build_parser
from spikon_tui.config import ConfigError, load_config
from spikon_tui.formatting import (
    format_age,
    format_ago,
    format_date,
    format_datetime,
    format_duration,
    format_money,
)
from spikon_tui.i18n import _, current_language, ngettext, resolve_language, set_language
from spikon_tui.monitor.agent_states import state_label


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    set_language("en")


@pytest.mark.parametrize(
    ("cli", "config", "environ", "expected"),
    [
        ("pl", "en", {"LANG": "en_US.UTF-8"}, "pl"),  # --lang beats everything
        (None, "pl", {"LC_ALL": "en_US.UTF-8"}, "pl"),  # the config file beats the locale
        (None, None, {"LANG": "pl_PL.UTF-8"}, "pl"),
        (None, None, {"LANG": "en_US.UTF-8", "LC_MESSAGES": "pl_PL"}, "pl"),
        (None, None, {"LANG": "pl_PL.UTF-8", "LC_MESSAGES": "C"}, "en"),  # LC_MESSAGES decides
        (None, None, {"LC_ALL": "pl_PL@euro", "LC_MESSAGES": "en_GB"}, "pl"),  # LC_ALL first
        (None, None, {"LC_ALL": "", "LANG": "pl_PL.utf8"}, "pl"),  # empty means unset
        (None, None, {"LANG": "C"}, "en"),
        (None, None, {"LANG": "POSIX"}, "en"),
        (None, None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, None, {}, "en"),
        ("xx", "PL", {}, "pl"),  # a value naming no language is skipped
    ],
)
def test_the_language_comes_from_the_command_line_then_config_then_locale(
    cli: str | None, config: str | None, environ: dict[str, str], expected: str
) -> None:
    assert resolve_language(cli, config, environ) == expected


def test_set_language_switches_the_catalog_and_refuses_unknown_codes() -> None:
    assert current_language() == "en"
    assert _("no data") == "no data"
    set_language("pl")
    assert current_language() == "pl"
    assert _("no data") == "brak danych"
    assert _("a string no catalog has") == "a string no catalog has"
    with pytest.raises(ValueError, match="unsupported language 'de'"):
        set_language("de")
    assert current_language() == "pl"


@pytest.mark.parametrize(
    ("count", "polish"), [(1, "1 dzień"), (2, "2 dni"), (5, "5 dni"), (22, "22 dni")]
)
def test_polish_plurals_follow_the_catalog_plural_rule(count: int, polish: str) -> None:
    set_language("pl")
    assert ngettext("{count} d", "{count} d", count).format(count=count) == polish


def test_polish_has_three_plural_forms() -> None:
    set_language("pl")
    forms = {i18n._active.plural(n) for n in (1, 2, 5, 12, 22, 25)}  # type: ignore[attr-defined]
    assert forms == {0, 1, 2}


@pytest.mark.parametrize(
    ("word", "raw", "english", "polish"),
    [
        (agent_state_word, "Wolny", "free", "Wolny"),
        (agent_state_word, " niedostepny ", "unavailable", "niedostepny"),
        (agent_state_word, "Przerwa techniczna", "Przerwa techniczna", "Przerwa techniczna"),
        (call_state_word, "Odebrane", "Answered", "Odebrane"),
        (call_state_word, "ZAJĘTE", "Busy", "ZAJĘTE"),
        (call_state_word, "answered", "Answered", "Odebrane"),  # English from the API: translated
        (call_state_word, "Przekierowane", "Przekierowane", "Przekierowane"),
        (yes_no_word, "Tak", "yes", "Tak"),
        (yes_no_word, "nie", "no", "nie"),
        (yes_no_word, "Może", "Może", "Może"),
        (no_data_word, "Brak danych", "no data", "Brak danych"),
        (api_word, "Rozmawia", "talking", "Rozmawia"),
        (api_word, "Nieudane", "Failed", "Nieudane"),
        (api_word, "no answer", "No answer", "Nieodebrane"),
        (api_word, "12:34", "12:34", "12:34"),
        (call_start_state_word, "initiated", "initiated", "rozpoczęte"),  # sent in English
        (call_start_state_word, " Initiated ", "initiated", "rozpoczęte"),
        (call_start_state_word, "queued", "queued", "queued"),
        (language_word, "Polski", "Polish", "Polski"),
        (language_word, "Angielski (Amerykański)", "English (American)", "Angielski (Amerykański)"),
        (language_word, "Chiński (Mandaryński)", "Chinese (Mandarin)", "Chiński (Mandaryński)"),
        (language_word, "Hiszpanski (Europejski)", "Spanish (European)", "Hiszpanski (Europejski)"),
        (language_word, "Suahili", "Suahili", "Suahili"),
        (language_word, "Angielski (Szkocki)", "Angielski (Szkocki)", "Angielski (Szkocki)"),
    ],
)
def test_the_api_polish_words_are_english_in_english_and_as_sent_in_polish(
    word, raw: str, english: str, polish: str
) -> None:
    assert word(raw) == english
    set_language("pl")
    assert word(raw) == polish


def test_a_call_state_meaning_does_not_depend_on_the_language() -> None:
    set_language("pl")
    assert call_state_meaning(" Odebrane ") == "Answered"
    assert call_state_meaning("Przekierowane") is None


def test_the_monitor_agent_state_label_follows_the_language() -> None:
    assert state_label("Rozmawia") == "talking"
    set_language("pl")
    assert state_label("Rozmawia") == "Rozmawia"


@pytest.mark.parametrize(
    ("seconds", "english", "polish"),
    [
        (-3, "0 s", "0 s"),
        (59, "59 s", "59 s"),
        (60, "1 min", "1 min"),
        (7200, "2 h", "2 godz."),
        (86400, "1 d", "1 dzień"),
        (3 * 86400, "3 d", "3 dni"),
    ],
)
def test_ages_follow_the_language(seconds: int, english: str, polish: str) -> None:
    assert format_age(seconds) == english
    set_language("pl")
    assert format_age(seconds) == polish


def test_x_minutes_ago_follows_the_language_through_humanize() -> None:
    assert format_ago(190) == "3 minutes ago"
    set_language("pl")
    assert format_ago(190) == "3 minuty temu"
    set_language("en")
    assert format_ago(190) == "3 minutes ago"  # humanize's Polish is switched off again


def test_dates_and_money_follow_the_language() -> None:
    day, moment = date(2025, 3, 4), datetime(2025, 3, 4, 9, 5, 7)
    assert (format_date(day), format_datetime(moment)) == ("2025-03-04", "2025-03-04 09:05")
    assert format_money(Decimal("-1234.5")) == "-1,234.50\u00a0zł"
    assert format_money(Decimal("0.3")) == "0.30\u00a0zł"
    assert format_money(Decimal("-0.004")) == "0.00\u00a0zł"
    set_language("pl")
    assert format_date(day) == "04.03.2025"
    assert format_datetime(moment, seconds=True) == "04.03.2025 09:05:07"
    assert format_money(Decimal("1234567.005")) == "1\u00a0234\u00a0567,01\u00a0zł"
    assert format_money(Decimal("-0.3")) == "-0,30\u00a0zł"
    assert format_duration(3723) == "1:02:03"


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "pl"],
        ["monitor", "--lang", "pl_PL.UTF-8"],
        ["--lang", "pl", "login"],
        ["logout", "--lang", "PL"],
        ["sandbox", "--lang", "pl"],
    ],
)
def test_lang_works_before_or_after_any_subcommand(argv: list[str]) -> None:
    assert build_parser().parse_args(argv).lang == "pl"


def test_lang_is_none_when_not_given_and_an_unknown_language_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert build_parser().parse_args(["monitor"]).lang is None
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--lang", "de"])
    assert "unknown language 'de': choose en or pl" in capsys.readouterr().err


def test_the_config_file_language_is_checked_with_its_line(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[app]\ntheme = "nord"\nlanguage = "pl_PL"\n', encoding="utf-8")
    assert load_config(path).language == "pl_PL"
    path.write_text('[app]\ntheme = "nord"\nlanguage = "klingon"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"line 3: \[app\] language must be one of en, pl"):
        load_config(path)


def test_main_sets_the_language_before_the_app_starts(monkeypatch, tmp_path) -> None:
    from spikon_tui.cli import launch
    from spikon_tui.cli import main as cli

    seen: list[str] = []
    monkeypatch.setenv("SPIKON_TUI_CONFIG_DIR", str(tmp_path))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setattr(launch, "run_app", lambda *args, **kwargs: seen.append(current_language()))
    assert cli.main(["--demo"]) in (0, None)
    assert cli.main(["--demo", "--lang", "pl"]) in (0, None)
    (tmp_path / "config.toml").write_text('[app]\nlanguage = "pl"\n', encoding="utf-8")
    assert cli.main(["--demo"]) in (0, None)
    assert cli.main(["--demo", "--lang", "en"]) in (0, None)
    assert seen == ["en", "pl", "pl", "en"]
