"""DESIGN.md's layering: the packages below ui/ (api/, sandbox/, monitor/, calls/, sms/,
speech/) never import Textual."""

from __future__ import annotations

import subprocess
import sys


def test_the_ui_free_packages_do_not_import_textual() -> None:
    code = (
        "import spikon_tui.api, spikon_tui.sandbox, spikon_tui.monitor, sys; "
        "import spikon_tui.api.client, spikon_tui.sandbox.server, spikon_tui.sandbox.command; "
        "import importlib, pkgutil, spikon_tui.calls, spikon_tui.sms, spikon_tui.speech; "
        "[importlib.import_module(m.name) for p in (spikon_tui.calls, spikon_tui.sms, "
        "spikon_tui.speech, spikon_tui.monitor) for m in pkgutil.iter_modules(p.__path__, "
        "p.__name__ + '.')]; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_check_itself_sees_textual_when_it_is_imported() -> None:
    code = "import spikon_tui.ui.app, sys; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"
