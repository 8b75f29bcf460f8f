"""TTS audio: a speech-like WAVE (PCM 8000 Hz, 16 bit, mono) and an MP3 of the same length.

The WAVE is synthesised, not recorded: every letter becomes a short voiced
sound whose timbre follows the letter (vowel formants, a noise burst for
consonants), spaces and punctuation become pauses, and the pitch follows the
voice's gender. So a longer text gives a longer file, and the sound is audibly
"someone talking" without any speech engine.

The MP3 is a valid MPEG-1 Layer III stream (an ID3v2.4 tag and then 144-byte
frames at 32 kHz, 32 kbit/s, mono) whose frames carry silence: encoding real
Layer III audio needs a full encoder. Its duration matches the WAVE's.
"""

from __future__ import annotations

import math
import struct
import sys
from array import array
from functools import lru_cache

SAMPLE_RATE = 8000
_LETTER = 0.07  # seconds per letter
_DIGIT = 0.12
_SPACE = 0.06
_SHORT_PAUSE = 0.25  # , ; : -
_LONG_PAUSE = 0.45  # . ! ? and new lines
_OTHER = 0.04

_VOWEL_FORMANTS = {
    "a": (800, 1300),
    "ą": (500, 900),
    "e": (550, 1800),
    "ę": (550, 1800),
    "i": (300, 2300),
    "o": (500, 900),
    "ó": (320, 800),
    "u": (320, 800),
    "y": (400, 1600),
}
_SONORANTS = set("lłmnńrwjv")
_SHORT_PAUSES = set(",;:-–")
_LONG_PAUSES = set(".!?\n")

MP3_SAMPLE_RATE = 32000
MP3_SAMPLES_PER_FRAME = 1152
MP3_FRAME_BYTES = 144  # 144 * 32000 bit/s / 32000 Hz, never padded
# Sync word, MPEG-1, Layer III, no CRC | 32 kbit/s, 32 kHz, no padding | mono, original.
_MP3_HEADER = bytes((0xFF, 0xFB, 0x18, 0xC4))


def _segment_seconds(char: str) -> float:
    if char.isspace() and char != "\n":
        return _SPACE
    if char in _LONG_PAUSES:
        return _LONG_PAUSE
    if char in _SHORT_PAUSES:
        return _SHORT_PAUSE
    if char.isdigit():
        return _DIGIT
    if char.isalpha():
        return _LETTER
    return _OTHER


def duration_seconds(text: str) -> float:
    """How long the announcement of `text` plays (at least half a second)."""
    return max(0.5, sum(_segment_seconds(char) for char in text))


def wav(text: str, *, female: bool) -> bytes:
    """A RIFF WAVE file, PCM 8000 Hz, 16 bit, mono, speaking `text`."""
    samples = b"".join(_segment(char, female) for char in text)
    minimum = int(0.5 * SAMPLE_RATE) * 2
    if len(samples) < minimum:
        samples += bytes(minimum - len(samples))
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF", 36 + len(samples), b"WAVE",
        b"fmt ", 16, 1, 1, SAMPLE_RATE, SAMPLE_RATE * 2, 2, 16,
        b"data", len(samples),
    )  # fmt: skip
    return header + samples


def mp3(text: str, *, title: str) -> bytes:
    """An MPEG-1 Layer III stream as long as the WAVE of `text`, tagged with `title`."""
    seconds = duration_seconds(text)
    frames = math.ceil(seconds * MP3_SAMPLE_RATE / MP3_SAMPLES_PER_FRAME)
    silent_frame = _MP3_HEADER + bytes(MP3_FRAME_BYTES - len(_MP3_HEADER))
    tag = _id3_tag({"TIT2": title, "TLEN": str(round(seconds * 1000)), "TSSE": "spikon sandbox"})
    return tag + silent_frame * frames


def _id3_tag(frames: dict[str, str]) -> bytes:
    body = b""
    for frame_id, text in frames.items():
        content = b"\x03" + text.encode("utf-8")  # 3 = UTF-8
        body += frame_id.encode("ascii") + _syncsafe(len(content)) + b"\x00\x00" + content
    return b"ID3\x04\x00\x00" + _syncsafe(len(body)) + body


def _syncsafe(size: int) -> bytes:
    return bytes(((size >> 21) & 0x7F, (size >> 14) & 0x7F, (size >> 7) & 0x7F, size & 0x7F))


@lru_cache(maxsize=512)
def _segment(char: str, female: bool) -> bytes:
    """The 16-bit little-endian samples one character turns into."""
    count = round(_segment_seconds(char) * SAMPLE_RATE)
    if not (char.isalpha() or char.isdigit()):
        return bytes(count * 2)
    lower = char.lower()
    char = lower if len(lower) == 1 else char
    # The period in whole samples keeps one cycle table exact; it moves a little per letter.
    period = (40 if female else 64) + (ord(char) % 7) - 3
    if char.isdigit():
        formants, noise = (500, 1500), 0.0
    elif char in _VOWEL_FORMANTS:
        formants, noise = _VOWEL_FORMANTS[char], 0.0
    elif char in _SONORANTS:
        formants, noise = (350, 1200), 0.0
    else:
        formants, noise = (450, 1700), 0.6
    cycle = _cycle(period, formants)
    level = 11000.0 if noise == 0.0 else 6000.0
    attack = min(80, count // 4)
    seed = ord(char) * 7919
    out = array("h")
    for index in range(count):
        envelope = min(1.0, index / attack, (count - index) / attack) if attack else 1.0
        value = cycle[index % period]
        if noise and index < count // 2:
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            value = (1 - noise) * value + noise * ((seed / 0x3FFFFFFF) - 1.0)
        out.append(int(level * envelope * value))
    if sys.byteorder == "big":
        out.byteswap()
    return out.tobytes()


@lru_cache(maxsize=64)
def _cycle(period: int, formants: tuple[int, int]) -> tuple[float, ...]:
    """One period of a voiced sound: harmonics weighted by two formant peaks, peak 1.0."""
    f0 = SAMPLE_RATE / period
    weights = []
    for harmonic in range(1, int(3600 / f0) + 1):
        frequency = harmonic * f0
        weight = sum(math.exp(-(((frequency - peak) / 180.0) ** 2)) for peak in formants)
        weights.append((harmonic, (weight + 0.05) / math.sqrt(harmonic)))
    values = [
        sum(w * math.sin(2 * math.pi * h * n / period) for h, w in weights) for n in range(period)
    ]
    peak = max(abs(v) for v in values) or 1.0
    return tuple(v / peak for v in values)
