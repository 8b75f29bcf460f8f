"""Clients that are not ours talk to the sandbox as the documentation shows.

The documentation's own Python 3 sample runs unchanged but for its URL; curl and
the standard library's urllib send the documented form POSTs and the tts/download
GET with the key in a header.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import Request, urlopen
from xml.etree import ElementTree

from spikon_tui.sandbox import Sandbox, SandboxConfig

SAMPLE = Path(__file__).parents[1] / "fixtures" / "doc_python3_sample.py"
DOCUMENTED_URL = "https://panel.spikon.pl/api/balance/show"
DOCUMENTED_KEY = "BX1mr2sN5lphLwYftAaJPyWgmctXtest"


def test_the_documentations_python_sample_runs_with_only_the_url_changed() -> None:
    source = SAMPLE.read_text(encoding="utf-8")
    assert DOCUMENTED_URL in source and DOCUMENTED_KEY in source
    with Sandbox(SandboxConfig(seed=3, api_key=DOCUMENTED_KEY, contacts=10, calls=10)) as sb:
        changed = source.replace(DOCUMENTED_URL, sb.base_url + "balance/show")
        result = subprocess.run(
            [sys.executable, "-c", changed], capture_output=True, text=True, timeout=30
        )
        expected = f"{sb.state.balance:.2f}".replace(".", ",")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"account": {"balance": expected}}


def test_curl_posts_a_form_and_gets_json_and_xml() -> None:
    with Sandbox(SandboxConfig(seed=3, contacts=10, calls=10)) as sb:
        url = sb.base_url + "phone_book/list"
        as_json = subprocess.run(
            ["curl", "-sS", "-d", f"api_key={sb.api_key}", "-d", "api_format=0", url],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
        as_xml = subprocess.run(
            ["curl", "-sS", "-d", f"api_key={sb.api_key}", "-d", "api_format=1", url],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
    books = json.loads(as_json)["phone-books"]
    assert books["phone-book-1"] == {"id": "0", "name": "Książka główna"}
    root = ElementTree.fromstring(as_xml.encode())
    assert root.tag == "phone-books"
    assert root.findtext("phone-book-1/name") == "Książka główna"
    assert root.findtext("count") == books["count"]


def test_urllib_downloads_a_wav_with_the_key_in_the_header() -> None:
    with Sandbox(SandboxConfig(seed=3, contacts=10, calls=10)) as sb:
        listing = json.loads(
            urlopen(
                Request(sb.base_url + "tts/list", urlencode({"api_key": sb.api_key}).encode()),
                timeout=30,
            ).read()
        )
        ready = next(
            v for k, v in listing["tts"].items() if k.startswith("tts-") and v["generated"] == "1"
        )
        request = Request(
            sb.base_url + f"tts/download?tts_id={ready['id']}&pcm_8k16bm=1",
            headers={"Spikon-API-Key": sb.api_key},
        )
        with urlopen(request, timeout=30) as response:
            body = response.read()
            content_type = response.headers["Content-Type"]
    assert body[:4] == b"RIFF" and body[8:12] == b"WAVE"
    assert "wav" in content_type
