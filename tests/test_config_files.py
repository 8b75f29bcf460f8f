"""config.toml that is absurd reads as a ConfigError in words; any text does; saves lock."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spikon_tui.config import AppConfig, ConfigError, ProfileConfig, load_config, save_config

ABSURD = {
    "deep-array": "[app]\nx = " + "[" * 100_000 + "]" * 100_000 + "\n",
    "deep-inline-table": "x = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n",
    "deep-dotted-key": "a." * 5000 + "b = 1\n",
    "huge-integer": "[app]\nx = " + "9" * 5000 + "\n",
    "big-integer": "[app]\nx = " + "9" * 100 + "\n",
}


@pytest.mark.parametrize("text", ABSURD.values(), ids=ABSURD.keys())
def test_absurd_files_are_a_config_error_in_words(tmp_path: Path, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(path) in str(caught.value) and "not valid TOML" in str(caught.value)


FOLDER = tempfile.TemporaryDirectory()
toml_lines = st.lists(
    st.sampled_from(
        [
            "[app]",
            "[profiles.default]",
            "[profiles.x.alerts.1]",
            'theme = "nord"',
            "language = 1",
            'base_url = "http://127.0.0.1:1/api/"',
            "refresh_interval = 1e999",
            "refresh_interval = -0.0",
            "refresh_interval = nan",
            "caller_phone_account_id = 99999999999999999999",
            "x = [[[[[]]]]]",
            "key_storage = []",
            'on_alert_timeout = "x"',
            "default_profile = {}",
        ]
    )
    | st.text(max_size=20),
    max_size=8,
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=toml_lines)
def test_any_text_loads_or_is_a_config_error(lines: list[str]) -> None:
    path = Path(FOLDER.name) / "config.toml"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    try:
        load_config(path)
    except ConfigError as error:
        assert str(error)


def test_saves_from_many_threads_leave_a_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    errors: list[BaseException] = []

    def save(theme: str) -> None:
        for n in range(50):
            config = AppConfig(theme=theme)
            config.profiles[f"p{n}"] = ProfileConfig(name=f"p{n}")
            try:
                save_config(config, path)
            except BaseException as error:  # noqa: BLE001 - asserted below
                errors.append(error)

    threads = [threading.Thread(target=save, args=(theme,)) for theme in ("nord", "gruvbox")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert load_config(path).theme in ("nord", "gruvbox")
