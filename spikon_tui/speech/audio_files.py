"""Downloaded audio on disk: written atomically, never over a file by surprise, described.

`write_atomically` writes to a temporary file in the target folder and renames
it over the target, so a failure half-way never leaves a truncated announcement
where a phone system could pick it up. `describe_audio` says what was written
("WAV, 8000 Hz, 16-bit, mono, 4.2 s, 67 KB") and whether a WAV is what phone
systems need.
"""

from __future__ import annotations

import errno
import io
import wave
from dataclasses import dataclass
from pathlib import Path

from spikon_tui.files.atomic import write_atomically as _replace_atomically
from spikon_tui.formatting import format_size
from spikon_tui.i18n import _
from spikon_tui.speech.formats import WAV, AudioFormat

PHONE_SAMPLE_RATE = 8000
PHONE_SAMPLE_BITS = 16
PHONE_CHANNELS = 1
NEW_FILE_MODE = 0o644
"""Announcements are not secret, and the phone system's own user must be able to read them."""


@dataclass(frozen=True, slots=True)
class WavFormat:
    sample_rate: int
    sample_bits: int
    channels: int
    seconds: float

    @property
    def phone_ready(self) -> bool:
        """PCM 8000 Hz, 16-bit, mono: what tts/download promises with pcm_8k16bm=1."""
        return (self.sample_rate, self.sample_bits, self.channels) == (
            PHONE_SAMPLE_RATE,
            PHONE_SAMPLE_BITS,
            PHONE_CHANNELS,
        )


@dataclass(frozen=True, slots=True)
class AudioSummary:
    text: str
    """"WAV, 8000 Hz, 16-bit, mono, 4.2 s, 67 KB" or "MP3, 12 KB"."""
    problem: str | None = None
    """Set when a WAV is not the phone format that was asked for."""


def wav_format(data: bytes) -> WavFormat | None:
    """The format of a RIFF WAVE file, or None when `data` is not one `wave` can read."""
    try:
        with wave.open(io.BytesIO(data)) as reader:
            rate = reader.getframerate()
            return WavFormat(
                sample_rate=rate,
                sample_bits=reader.getsampwidth() * 8,
                channels=reader.getnchannels(),
                seconds=reader.getnframes() / rate if rate else 0.0,
            )
    except (wave.Error, EOFError, ValueError):
        return None


def size_text(size: int) -> str:
    """512 Bytes, 67.2 kB, 1.2 MB (humanize, in the interface language)."""
    return format_size(size)


def describe_audio(data: bytes, audio_format: AudioFormat) -> AudioSummary:
    size = size_text(len(data))
    if audio_format is not WAV:
        return AudioSummary(f"{audio_format.label}, {size}")
    found = wav_format(data)
    if found is None:
        return AudioSummary(
            f"{size}",
            problem=_("SPIKON sent something that is not a WAVE file; check it before use."),
        )
    if found.channels == 1:
        channels = _("mono")
    else:
        channels = _("{count} channels").format(count=found.channels)
    text = _("WAV, {rate} Hz, {bits}-bit, {channels}, {seconds} s, {size}").format(
        rate=found.sample_rate,
        bits=found.sample_bits,
        channels=channels,
        seconds=f"{found.seconds:.1f}",
        size=size,
    )
    if found.phone_ready:
        return AudioSummary(text)
    return AudioSummary(
        text,
        problem=_("It is not the 8 kHz 16-bit mono that phone systems need; convert it first."),
    )


def write_atomically(path: Path, data: bytes, *, overwrite: bool) -> None:
    """Write `data` to `path` through a temporary file and a rename.

    Missing folders are created. An existing file is replaced only with
    `overwrite` (FileExistsError otherwise); a replaced file keeps its
    permissions, a new one is readable by everyone (`NEW_FILE_MODE`).
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise NotADirectoryError(
            errno.ENOTDIR, _("{folder} is a file, not a folder").format(folder=folder), str(folder)
        ) from None
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, _("it is a folder"), str(path))
    if path.exists() and not overwrite:
        raise FileExistsError(errno.EEXIST, _("the file exists"), str(path))
    _replace_atomically(path, data, new_mode=NEW_FILE_MODE)


def describe_write_error(error: OSError, path: Path) -> str:
    """ "Could not write /x/a.wav: permission denied." for the screen."""
    reason = (error.strerror or str(error) or type(error).__name__).rstrip(".")
    reason = reason[:1].lower() + reason[1:]
    return _("Could not write {path}: {reason}.").format(path=path, reason=reason)
