"""Writing downloads atomically, and describing what was written."""

from __future__ import annotations

import io
import os
import stat
import wave
from pathlib import Path

import pytest

from spikon_tui.i18n import set_language
from spikon_tui.sandbox import audio
from spikon_tui.speech.audio_files import (
    describe_audio,
    describe_write_error,
    size_text,
    wav_format,
    write_atomically,
)
from spikon_tui.speech.formats import MP3, WAV


def make_wav(rate: int, width: int, channels: int, frames: int) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setframerate(rate)
        writer.setsampwidth(width)
        writer.setnchannels(channels)
        writer.writeframes(bytes(frames * width * channels))
    return buffer.getvalue()


def test_a_new_file_is_written_with_missing_folders_and_readable_mode(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "welcome.wav"
    write_atomically(target, b"RIFF....", overwrite=False)
    assert target.read_bytes() == b"RIFF...."
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert os.listdir(target.parent) == ["welcome.wav"]


def test_an_existing_file_is_replaced_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "welcome.wav"
    target.write_bytes(b"old")
    target.chmod(0o600)
    with pytest.raises(FileExistsError):
        write_atomically(target, b"new", overwrite=False)
    assert target.read_bytes() == b"old"
    write_atomically(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600, "a replaced file keeps its mode"
    assert os.listdir(tmp_path) == ["welcome.wav"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "welcome.wav"
    target.write_bytes(b"old")

    def full_disk(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, b"new", overwrite=True)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["welcome.wav"]


def test_a_folder_or_a_file_in_the_way_is_an_error_in_words(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_atomically(tmp_path, b"x", overwrite=True)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(NotADirectoryError) as caught:
        write_atomically(blocker / "welcome.wav", b"x", overwrite=False)
    assert describe_write_error(caught.value, blocker / "welcome.wav") == (
        f"Could not write {blocker / 'welcome.wav'}: {blocker} is a file, not a folder."
    )


def test_write_errors_read_as_a_sentence(tmp_path: Path) -> None:
    error = PermissionError(13, "Permission denied")
    assert describe_write_error(error, tmp_path / "x.wav") == (
        f"Could not write {tmp_path / 'x.wav'}: permission denied."
    )


def test_the_sandbox_wav_is_described_as_phone_ready() -> None:
    data = audio.wav("Dzień dobry", female=True)
    found = wav_format(data)
    assert found is not None and found.phone_ready
    summary = describe_audio(data, WAV)
    assert summary.problem is None
    assert summary.text.startswith("WAV, 8000 Hz, 16-bit, mono, ")
    assert summary.text.endswith(f" s, {size_text(len(data))}")


def test_a_wav_in_another_format_is_flagged() -> None:
    summary = describe_audio(make_wav(44100, 2, 2, 44100), WAV)
    assert summary.text.startswith("WAV, 44100 Hz, 16-bit, 2 channels, 1.0 s")
    assert summary.problem is not None and "8 kHz 16-bit mono" in summary.problem
    assert not wav_format(make_wav(8000, 1, 1, 10)).phone_ready  # type: ignore[union-attr]


def test_something_that_is_not_a_wav_is_flagged() -> None:
    assert wav_format(b"ID3\x04garbage") is None
    summary = describe_audio(b"<html>oops</html>", WAV)
    assert summary.problem == "SPIKON sent something that is not a WAVE file; check it before use."


def test_mp3_is_described_by_its_size() -> None:
    assert describe_audio(b"ID3" + bytes(2045), MP3).text == "MP3, 2.0 kB"


def test_sizes() -> None:
    assert size_text(512) == "512 Bytes"
    assert size_text(68_000) == "68.0 kB"
    assert size_text(3 * 1024 * 1024 + 100_000) == "3.2 MB"
    set_language("pl")
    try:
        assert size_text(3 * 1024 * 1024 + 100_000) == "3,2 MB"
    finally:
        set_language("en")
