"""File names made from announcement names, and what a typed save path means."""

from __future__ import annotations

from pathlib import Path

import pytest

from spikon_tui.speech.file_names import STEM_MAX, file_stem, save_target


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("Powitanie", "powitanie"),
        ("Zapowiedź – godziny pracy!", "zapowiedz-godziny-pracy"),
        ("ŁÓDŹ, ul. Żółta 5", "lodz-ul-zolta-5"),
        ("  ../../etc/passwd  ", "etc-passwd"),
        ("Straße Ærø", "strasse-aero"),
    ],
)
def test_names_become_plain_ascii_stems(name: str, stem: str) -> None:
    assert file_stem(name, fallback="announcement-1") == stem


def test_a_name_with_nothing_usable_falls_back() -> None:
    assert file_stem("«»!?", fallback="announcement-7") == "announcement-7"
    assert file_stem("日本語", fallback="announcement-8") == "announcement-8"


def test_long_names_are_cut_at_a_word() -> None:
    stem = file_stem("Bardzo " * 20, fallback="x")
    assert len(stem) <= STEM_MAX
    assert stem.endswith("bardzo") and not stem.endswith("-")
    assert file_stem("a" * 100, fallback="x") == "a" * STEM_MAX


def test_a_folder_gets_the_default_name_inside(tmp_path: Path) -> None:
    assert save_target(str(tmp_path), "a-1.wav") == tmp_path / "a-1.wav"
    assert save_target(f"{tmp_path}/new/", "a-1.wav") == tmp_path / "new" / "a-1.wav"


def test_a_bare_name_gets_the_suffix_and_a_full_name_is_kept(tmp_path: Path) -> None:
    assert save_target(str(tmp_path / "welcome"), "a-1.wav") == tmp_path / "welcome.wav"
    assert save_target(str(tmp_path / "welcome.WAV"), "a-1.wav") == tmp_path / "welcome.WAV"
    assert save_target(str(tmp_path / "v1.2"), "a-1.mp3") == tmp_path / "v1.2"


def test_home_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert save_target("~/ivr.wav", "a-1.wav") == tmp_path / "ivr.wav"
