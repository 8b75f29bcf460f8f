"""config.toml as the user wrote it survives a save: comments, blank lines, order, alert rules.

`save_config` edits the file's current text (tomlkit) instead of writing it anew: a
setting changed in the app changes its own line and nothing else.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from spikon_tui.config import AppConfig, load_config, render_config, save_config
from spikon_tui.monitor.alert_rules import load_alert_config

HAND_WRITTEN = """\
# spikon-tui settings, kept by hand (Ola, November).
# The theme is picked in the app (ctrl+p); everything else is ours.

[app]
theme = "nord"            # dark, for the night shift
default_profile = "office"

# --- the office account ---------------------------------------------------------
[profiles.office]
base_url = "https://panel.spikon.pl/api/"
refresh_interval = 5      # seconds; the wallboard can take it
key_storage = "keyring"

# Sales: the team lead wants to know early.
[profiles.office.alerts.1]
waiting_calls = { warn = 3, alert = 6, hold = 20 }   # calls in the queue
sla = { warn = 85, alert = 70, hold = 60 }           # percent answered in time

# Support: slower, but nobody may wait long.
[profiles.office.alerts.2]
longest_wait = { warn = 60, alert = 120 }  # seconds
# free_agents = { warn = 1, alert = 0 }    # off until March

[profiles.home]
base_url = "http://127.0.0.1:8080/api/"   # the sandbox
refresh_interval = 2.5
key_storage = "file"
"""


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if "#" in line]


def written(tmp_path: Path, text: str = HAND_WRITTEN) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_save_without_changes_leaves_the_file_as_written(tmp_path: Path) -> None:
    path = written(tmp_path)
    save_config(load_config(path), path)
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN, "5 stays 5, not 5.0"


def test_a_changed_setting_changes_its_own_line_only(tmp_path: Path) -> None:
    path = written(tmp_path)
    config = load_config(path)
    config.theme = "gruvbox"  # what the app saves when a theme is picked
    config.profiles["office"].refresh_interval = 10
    save_config(config, path)
    expected = HAND_WRITTEN.replace('theme = "nord"', 'theme = "gruvbox"').replace(
        "refresh_interval = 5 ", "refresh_interval = 10.0 "
    )
    assert path.read_text(encoding="utf-8") == expected


def test_a_new_key_goes_after_its_table_s_last_key_not_after_the_next_table_s_comment(
    tmp_path: Path,
) -> None:
    path = written(tmp_path)
    config = load_config(path)
    config.language = "pl"
    config.profiles["office"].caller_phone_account_id = 12  # remembered by click-to-call
    save_config(config, path)
    expected = HAND_WRITTEN.replace(
        'default_profile = "office"\n', 'default_profile = "office"\nlanguage = "pl"\n'
    ).replace(
        'key_storage = "keyring"\n', 'key_storage = "keyring"\ncaller_phone_account_id = 12\n'
    )
    assert path.read_text(encoding="utf-8") == expected


def test_a_removed_profile_and_key_go_and_every_other_comment_stays(tmp_path: Path) -> None:
    path = written(tmp_path, HAND_WRITTEN.replace("[app]\n", '[app]\nlanguage = "en"  # mine\n'))
    config = load_config(path)
    del config.profiles["home"]
    config.language = None
    save_config(config, path)
    text = path.read_text(encoding="utf-8")
    assert "[profiles.home]" not in text and "language" not in text
    assert comments(text) == [
        line
        for line in comments(HAND_WRITTEN)
        if "sandbox" not in line  # the home profile's own comment went with it
    ]
    assert load_config(path) == config


def test_hand_written_alert_rules_read_the_same_after_a_save(tmp_path: Path) -> None:
    path = written(tmp_path)
    before = load_alert_config(load_config(path).profiles["office"].extra["alerts"])
    config = load_config(path)
    config.theme = "gruvbox"
    save_config(config, path)
    after = load_alert_config(load_config(path).profiles["office"].extra["alerts"])
    assert after == before
    text = path.read_text(encoding="utf-8")
    assert "# free_agents = { warn = 1, alert = 0 }    # off until March" in text


def test_a_new_file_is_tidy(tmp_path: Path) -> None:
    config = AppConfig()
    config.profile("office").caller_phone_account_id = 3
    config.profile("office").extra["alerts"] = {"1": {"sla": {"warn": 80}}}
    path = save_config(config, tmp_path / "config.toml")
    assert path.read_text(encoding="utf-8") == (
        "[app]\n"
        'theme = "textual-dark"\n'
        'default_profile = "default"\n'
        "\n"
        "[profiles.office]\n"
        'base_url = "https://panel.spikon.pl/api/"\n'
        "caller_phone_account_id = 3\n"
        "refresh_interval = 5.0\n"
        'key_storage = "keyring"\n'
        "\n"
        "[profiles.office.alerts.1.sla]\n"
        "warn = 80\n"
    )


def test_a_profile_added_before_another_table_is_set_apart_by_a_blank_line(
    tmp_path: Path,
) -> None:
    path = written(tmp_path, HAND_WRITTEN + '\n[[plugins]]\nname = "one"\n')
    config = load_config(path)
    config.profile("fresh")
    save_config(config, path)
    text = path.read_text(encoding="utf-8")
    assert "\n\n[profiles.fresh]\n" in text
    assert 'key_storage = "keyring"\n\n[[plugins]]\nname = "one"\n' in text
    assert text.startswith(HAND_WRITTEN)
    assert load_config(path) == config


def test_a_file_that_is_not_toml_is_written_anew() -> None:
    data = {"app": {"theme": "nord"}}
    assert render_config(data, "this is [not toml\n") == '[app]\ntheme = "nord"\n'


@settings(max_examples=60, deadline=None)
@given(
    theme=st.text(min_size=1, max_size=20),
    interval=st.floats(min_value=1, max_value=1e6, allow_nan=False),
    language=st.sampled_from([None, "en", "pl"]),
    account=st.one_of(st.none(), st.integers(min_value=0, max_value=2**63 - 1)),
    drop_home=st.booleans(),
)
def test_any_change_reads_back_and_keeps_the_comments(
    tmp_path_factory, theme, interval, language, account, drop_home
) -> None:
    path = written(tmp_path_factory.mktemp("config"))
    config = load_config(path)
    config.theme = theme
    config.language = language
    config.profiles["office"].refresh_interval = interval
    config.profiles["office"].caller_phone_account_id = account
    if drop_home:
        del config.profiles["home"]
    save_config(config, path)
    assert load_config(path) == config
    text = path.read_text(encoding="utf-8")
    kept = comments(text)
    for line in comments(HAND_WRITTEN):
        if "sandbox" in line and drop_home:
            continue
        comment = line[line.index("#") :]
        assert any(comment in other for other in kept), comment
