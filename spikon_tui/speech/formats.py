"""The two audio formats tts/download serves, and what each is for."""

from __future__ import annotations

from dataclasses import dataclass

from spikon_tui.i18n import N_


@dataclass(frozen=True, slots=True)
class AudioFormat:
    """One download format.

    Attributes:
        key: "wav" or "mp3".
        label: How the UI names it ("WAV").
        suffix: The file name ending (".wav").
        pcm_8k16bm: The tts/download flag that asks for it (1: WAVE PCM 8 kHz 16-bit mono).
        purpose: One sentence for the user: what the format is good for (a msgid: `_()` it).
    """

    key: str
    label: str
    suffix: str
    pcm_8k16bm: int
    purpose: str


WAV = AudioFormat(
    key="wav",
    label="WAV",
    suffix=".wav",
    pcm_8k16bm=1,
    purpose=N_("WAVE PCM, 8 kHz, 16-bit, mono: the format phone systems (PBX, IVR) play."),
)
MP3 = AudioFormat(
    key="mp3",
    label="MP3",
    suffix=".mp3",
    pcm_8k16bm=0,
    purpose=N_("MP3: to listen to on a computer or a mobile phone."),
)
