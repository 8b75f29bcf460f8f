"""The documentation's answer examples (tests/fixtures/doc_examples), as the sandbox must send them.

The fixtures are the examples exactly as the SPIKON API v1.3 documentation prints
them. Where docs/api-notes.md records a decision otherwise, the decided shape
replaces the printed one: the invalid JSON of tts/language_list, tts/voice_list
and tts/list, and the element `id` of phone_book/show.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "doc_examples"

_DECIDED_JSON: dict[str, Any] = {
    "tts/language_list": {
        "tts": {
            "count": "28",
            "languages": [
                {"language": "en-US", "description": "Angielski (Amerykański)"},
                {"language": "pl-PL", "description": "Polski"},
            ],
        }
    },
    "tts/voice_list": {
        "tts": {
            "count": "4",
            "voices": [{"name": "Ewa", "gender": "F"}, {"name": "Jacek", "gender": "M"}],
        }
    },
    "tts/list": {
        "tts": {
            "count": "2",
            "tts-1": {"id": "1", "name": "Zapowiedź 1", "generated": "1"},
            "tts-2": {"id": "2", "name": "Zapowiedź 2", "generated": "0"},
        }
    },
    "phone_book/show": {
        "phone-book-elements": {
            "count": "1",
            "phone-book-element-1": {"id": "1", "name": "Jan Kowalski", "number": "123456789"},
        }
    },
}
_DECIDED_XML_IDS = {"phone_book/show": ("phone-book-element-1", "1")}

# Decision 5: the shape of one waiting call (the documentation prints none).
WAITING_CALL = {"position": "1", "number": "501234567", "waiting-time": "00:42"}


def documented_methods() -> list[str]:
    """The methods with printed answers (all but tts/download), as "group/action"."""
    return sorted(_method(path) for path in EXAMPLES.glob("*.json"))


def json_example(method: str) -> Any:
    if method in _DECIDED_JSON:
        return _DECIDED_JSON[method]
    return json.loads(_path(method, "json").read_text(encoding="utf-8"))


def xml_example(method: str) -> ET.Element:
    text = _path(method, "xml").read_text(encoding="utf-8").strip()
    root = ET.fromstring(text.encode("utf-8"))
    if method in _DECIDED_XML_IDS:
        tag, value = _DECIDED_XML_IDS[method]
        element = root.find(tag)
        assert element is not None
        identifier = ET.Element("id")
        identifier.text = value
        element.insert(0, identifier)
    return root


def _path(method: str, suffix: str) -> Path:
    return EXAMPLES / f"{method.replace('/', '_')}.{suffix}"


def _method(path: Path) -> str:
    for group in (
        "phone_book_element", "phone_account", "phone_book", "call_list", "cc_campaigns",
        "cc_agent", "cc_in_campaign", "cc_out_campaign", "cc_monitor", "balance", "call", "sms",
        "tts",
    ):  # fmt: skip
        if path.stem.startswith(group + "_"):
            return f"{group}/{path.stem[len(group) + 1 :]}"
    raise ValueError(path.name)
