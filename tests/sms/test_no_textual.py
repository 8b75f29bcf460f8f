"""spikon_tui.sms is UI-free: importing all of it must not pull Textual in."""

from __future__ import annotations

import subprocess
import sys


def test_the_sms_package_does_not_import_textual() -> None:
    code = (
        "import sys; import spikon_tui.sms.draft, spikon_tui.sms.follow, spikon_tui.sms.length, "
        "spikon_tui.sms.plain_letters, spikon_tui.sms.recipients, spikon_tui.sms.sent, "
        "spikon_tui.sms.states, spikon_tui.sms.store; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
