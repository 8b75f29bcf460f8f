"""Text to speech: languages, voices, announcements and their audio files."""

from __future__ import annotations

import io
import struct
import wave

import httpx
import pytest

from spikon_tui.sandbox import Sandbox
from tests.sandbox.helpers import Api, FakeClock

MPEG1_LAYER3_BITRATES = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
MPEG1_SAMPLE_RATES = (44100, 48000, 32000)


def _download(sandbox: Sandbox, tts_id: object, pcm: int | None = None) -> httpx.Response:
    params = {"tts_id": tts_id} if pcm is None else {"tts_id": tts_id, "pcm_8k16bm": pcm}
    headers = {"Spikon-API-Key": str(sandbox.api_key)}
    return httpx.get(sandbox.base_url + "tts/download", params=params, headers=headers)


def _generate(api: Api, text: str, voice: str = "Ewa", name: str = "Zapowiedź") -> str:
    answer = api.ok("tts/generate", {"voice": voice, "name": name, "text": text})
    return answer["tts"]["tts_id"]


def mp3_frames(data: bytes) -> tuple[int, int]:
    """(frames, sample rate) of an MPEG-1 Layer III stream after an ID3v2 tag; asserts its form."""
    assert data[:3] == b"ID3"
    size = 0
    for byte in data[6:10]:
        assert byte < 0x80  # syncsafe
        size = (size << 7) | byte
    position = 10 + size
    frames, rate, length = 0, 0, 0
    while position < len(data):
        header = struct.unpack(">I", data[position : position + 4])[0]
        assert header >> 21 == 0x7FF, f"no sync word at {position}"
        assert (header >> 19) & 3 == 3, "not MPEG-1"
        assert (header >> 17) & 3 == 1, "not Layer III"
        bitrate = MPEG1_LAYER3_BITRATES[(header >> 12) & 0xF] * 1000
        rate = MPEG1_SAMPLE_RATES[(header >> 10) & 3]
        padding = (header >> 9) & 1
        assert bitrate
        frame_length = 144 * bitrate // rate + padding
        assert length in (0, frame_length), "frame lengths change"
        length = frame_length
        position += frame_length
        frames += 1
    assert position == len(data), "the last frame is cut"
    return frames, rate


def test_language_list(api: Api) -> None:
    tts = api.ok("tts/language_list")["tts"]
    assert tts["count"] == "28" and len(tts["languages"]) == 28
    languages = {item["language"]: item["description"] for item in tts["languages"]}
    assert len(languages) == 28
    assert languages["pl-PL"] == "Polski"
    assert languages["en-US"] == "Angielski (Amerykański)"
    assert languages["de-DE"] == "Niemiecki"
    assert "en-GB" in languages


def test_voice_list_for_polish(api: Api) -> None:
    tts = api.ok("tts/voice_list", {"language": "pl-PL"})["tts"]
    assert tts == {
        "count": "4",
        "voices": [
            {"name": "Ewa", "gender": "F"},
            {"name": "Jacek", "gender": "M"},
            {"name": "Jan", "gender": "M"},
            {"name": "Maja", "gender": "F"},
        ],
    }


def test_every_language_has_voices_with_unique_names(api: Api) -> None:
    names: list[str] = []
    for item in api.ok("tts/language_list")["tts"]["languages"]:
        voices = api.ok("tts/voice_list", {"language": item["language"]})["tts"]
        assert voices["count"] == str(len(voices["voices"])) != "0"
        assert all(voice["gender"] in ("F", "M") for voice in voices["voices"])
        names += [voice["name"] for voice in voices["voices"]]
    assert len(names) == len(set(names))


def test_announcement_lifecycle(sandbox: Sandbox, api: Api, clock: FakeClock) -> None:
    tts_id = _generate(api, "Dzień dobry, zapraszamy.", name="Powitanie letnie")
    assert tts_id == "3"  # the account starts with two announcements
    assert api.ok("tts/status", {"tts_id": tts_id}) == {"tts": {"id": "3", "generated": "0"}}
    listed = api.ok("tts/list")["tts"]
    assert listed["count"] == "3"
    assert listed["tts-3"] == {"id": "3", "name": "Powitanie letnie", "generated": "0"}
    not_ready = _download(sandbox, tts_id).json()["error"]
    assert not_ready["id"] == "-9" and not_ready["name"] == "Not ready"
    clock.advance(2)
    assert api.ok("tts/status", {"tts_id": tts_id}) == {"tts": {"id": "3", "generated": "1"}}
    assert api.ok("tts/list")["tts"]["tts-3"]["generated"] == "1"
    assert _download(sandbox, tts_id).status_code == 200
    assert api.ok("tts/delete", {"tts_id": tts_id}) == {"tts": {"id": "3", "state": "deleted"}}
    assert api.error("tts/status", {"tts_id": tts_id})["id"] == "-8"
    assert api.ok("tts/list")["tts"]["count"] == "2"
    assert _download(sandbox, tts_id).json()["error"]["id"] == "-8"


def test_wav_is_pcm_8000_hz_16_bit_mono_and_not_silent(sandbox: Sandbox, api: Api) -> None:
    tts_id = _generate(api, "Dzień dobry, tu biuro obsługi klienta.")
    sandbox.state.clock.advance(2)  # type: ignore[attr-defined]
    response = _download(sandbox, tts_id, pcm=1)
    assert response.status_code == 200
    assert response.headers["content-type"] == "audio/wav"
    assert int(response.headers["content-length"]) == len(response.content)
    with wave.open(io.BytesIO(response.content)) as audio:
        assert audio.getframerate() == 8000
        assert audio.getsampwidth() == 2
        assert audio.getnchannels() == 1
        assert audio.getcomptype() == "NONE"
        frames = audio.readframes(audio.getnframes())
    samples = struct.unpack(f"<{len(frames) // 2}h", frames)
    loud = sum(1 for sample in samples if abs(sample) > 1000)
    assert loud > len(samples) // 10
    assert 1.5 < len(samples) / 8000 < 6


def test_audio_length_follows_the_text(sandbox: Sandbox, api: Api) -> None:
    short = _generate(api, "Dzień dobry.")
    long = _generate(api, "Dzień dobry. " * 20)
    sandbox.state.clock.advance(2)  # type: ignore[attr-defined]
    seconds = {}
    for tts_id in (short, long):
        with wave.open(io.BytesIO(_download(sandbox, tts_id, pcm=1).content)) as audio:
            wav_seconds = audio.getnframes() / audio.getframerate()
        frames, rate = mp3_frames(_download(sandbox, tts_id, pcm=0).content)
        mp3_seconds = frames * 1152 / rate
        assert wav_seconds <= mp3_seconds < wav_seconds + 1152 / rate
        seconds[tts_id] = wav_seconds
    assert seconds[long] > 15 * seconds[short]


def test_mp3_is_mpeg1_layer3_with_an_id3_tag(sandbox: Sandbox, api: Api) -> None:
    tts_id = _generate(api, "Zapraszamy od poniedziałku do piątku.", name="Godziny otwarcia")
    sandbox.state.clock.advance(2)  # type: ignore[attr-defined]
    response = _download(sandbox, tts_id)
    assert response.headers["content-type"] == "audio/mpeg"
    assert int(response.headers["content-length"]) == len(response.content)
    assert 'filename="tts-3.mp3"' in response.headers["content-disposition"]
    frames, rate = mp3_frames(response.content)
    assert frames > 10 and rate == 32000
    assert b"Godziny otwarcia" in response.content[:200]


@pytest.mark.parametrize("voice", ["Ewa", "Jacek"])
def test_voices_sound_different(sandbox: Sandbox, api: Api, voice: str) -> None:
    ewa = _generate(api, "Dzień dobry", voice="Ewa")
    other = _generate(api, "Dzień dobry", voice=voice)
    sandbox.state.clock.advance(2)  # type: ignore[attr-defined]
    same = _download(sandbox, ewa, pcm=1).content == _download(sandbox, other, pcm=1).content
    assert same == (voice == "Ewa")
