"""spikon_tui.speech is plain Python: importing all of it pulls in no Textual."""

from __future__ import annotations

import subprocess
import sys


def test_the_speech_package_does_not_import_textual() -> None:
    code = (
        "import spikon_tui.speech.audio_files, spikon_tui.speech.file_names, "
        "spikon_tui.speech.formats, spikon_tui.speech.polling, spikon_tui.speech.pricing, "
        "spikon_tui.speech.wording, sys; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
