"""Text to speech: the languages and voices on offer, and the account's announcements.

An announcement is "generated" `generation_delay` seconds after tts/generate;
its audio (MP3 or WAVE) is built on the first download and kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spikon_tui.sandbox import audio
from spikon_tui.sandbox.errors import ApiError, not_found

# (code, Polish description, ((voice, gender), ...)); voice names are unique across languages.
LANGUAGES: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        "en-US",
        "Angielski (Amerykański)",
        (("Joanna", "F"), ("Matthew", "M"), ("Salli", "F"), ("Joey", "M")),
    ),
    ("pl-PL", "Polski", (("Ewa", "F"), ("Jacek", "M"), ("Jan", "M"), ("Maja", "F"))),
    ("en-GB", "Angielski (Brytyjski)", (("Amy", "F"), ("Brian", "M"), ("Emma", "F"))),
    ("en-AU", "Angielski (Australijski)", (("Nicole", "F"), ("Russell", "M"))),
    ("en-IN", "Angielski (Indyjski)", (("Aditi", "F"), ("Raveena", "F"))),
    ("en-NZ", "Angielski (Nowozelandzki)", (("Aria", "F"),)),
    ("de-DE", "Niemiecki", (("Marlene", "F"), ("Hans", "M"), ("Vicki", "F"))),
    ("fr-FR", "Francuski", (("Celine", "F"), ("Mathieu", "M"), ("Lea", "F"))),
    ("fr-CA", "Francuski (Kanadyjski)", (("Chantal", "F"),)),
    ("es-ES", "Hiszpański (Europejski)", (("Conchita", "F"), ("Enrique", "M"), ("Lucia", "F"))),
    ("es-MX", "Hiszpański (Meksykański)", (("Mia", "F"),)),
    ("es-US", "Hiszpański (Amerykański)", (("Penelope", "F"), ("Miguel", "M"), ("Lupe", "F"))),
    ("it-IT", "Włoski", (("Carla", "F"), ("Giorgio", "M"), ("Bianca", "F"))),
    ("pt-PT", "Portugalski (Europejski)", (("Ines", "F"), ("Cristiano", "M"))),
    ("pt-BR", "Portugalski (Brazylijski)", (("Vitoria", "F"), ("Ricardo", "M"), ("Camila", "F"))),
    ("nl-NL", "Holenderski", (("Lotte", "F"), ("Ruben", "M"))),
    ("da-DK", "Duński", (("Naja", "F"), ("Mads", "M"))),
    ("nb-NO", "Norweski", (("Liv", "F"),)),
    ("sv-SE", "Szwedzki", (("Astrid", "F"),)),
    ("is-IS", "Islandzki", (("Dora", "F"), ("Karl", "M"))),
    ("ru-RU", "Rosyjski", (("Tatyana", "F"), ("Maxim", "M"))),
    ("tr-TR", "Turecki", (("Filiz", "F"),)),
    ("ro-RO", "Rumuński", (("Carmen", "F"),)),
    ("cy-GB", "Walijski", (("Gwyneth", "F"),)),
    ("ja-JP", "Japoński", (("Mizuki", "F"), ("Takumi", "M"))),
    ("ko-KR", "Koreański", (("Seoyeon", "F"),)),
    ("cmn-CN", "Chiński (Mandaryński)", (("Zhiyu", "F"),)),
    ("arb", "Arabski", (("Zeina", "F"),)),
)
VOICE_GENDERS: dict[str, str] = {
    voice: gender for _, _, voices in LANGUAGES for voice, gender in voices
}
NAME_MAX_LENGTH = 120  # undocumented; the same limit as a phone book entry's name
TEXT_MAX_LENGTH = 3000


def voices_of(language: str) -> tuple[tuple[str, str], ...] | None:
    for code, _, voices in LANGUAGES:
        if code == language:
            return voices
    return None


@dataclass
class Announcement:
    id: int
    name: str
    voice: str
    text: str
    ready_at: float
    audio: dict[bool, bytes] = field(default_factory=dict)  # pcm -> file

    def ready(self, now: float) -> bool:
        return now >= self.ready_at

    def file(self, pcm: bool) -> bytes:
        if pcm not in self.audio:
            if pcm:
                self.audio[pcm] = audio.wav(self.text, female=VOICE_GENDERS[self.voice] == "F")
            else:
                self.audio[pcm] = audio.mp3(self.text, title=self.name)
        return self.audio[pcm]


class Announcements:
    def __init__(self) -> None:
        self.items: dict[int, Announcement] = {}
        self._next_id = 1

    def add(self, name: str, voice: str, text: str, ready_at: float) -> Announcement:
        item = Announcement(self._next_id, name, voice, text, ready_at)
        self._next_id += 1
        self.items[item.id] = item
        return item

    def get(self, tts_id: int) -> Announcement:
        try:
            return self.items[tts_id]
        except KeyError:
            raise not_found("TTS", tts_id) from None

    def ready(self, tts_id: int, now: float) -> Announcement:
        item = self.get(tts_id)
        if not item.ready(now):
            raise ApiError(-9, f"TTS with id = '{tts_id}' is not generated yet")
        return item

    def delete(self, tts_id: int) -> None:
        del self.items[self.get(tts_id).id]
