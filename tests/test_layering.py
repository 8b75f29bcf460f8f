"""The layering of ARCHITECTURE.md: the code below ui/ (api/, sandbox/, monitor/, calls/,
sms/, speech/, backoff.py...) never imports Textual, and the pure packages stay pure: no
UI or network imports, no reading of the system clock (every "now" is passed in), a
docstring each."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import spikon_tui

ROOT = Path(spikon_tui.__file__).parent

PURE_PACKAGES: dict[str, set[str]] = {
    "calls": {"order", "ledger", "calls", "totals", "csv_export"},
    "contacts": {
        "numbers",
        "directory",
        "search",
        "contact_rows",
        "contact_file",
        "csv_contacts",
        "csv_columns",
        "vcard_contacts",
        "import_plan",
        "number_key",
        "number_format",
        "number_checks",
        "polish_plan",
    },
    "files": {"atomic"},
    "monitor": {"history", "counters", "agents", "waiting", "freshness", "alerts", "tracker"},
    "sms": {"draft", "follow", "length", "recipients", "sent", "states", "store"},
    "speech": {"audio_files", "file_names", "formats", "pricing", "wording"},
}
"""Each pure package and modules it must have (so a wrong path cannot pass unnoticed)."""
PURE_MODULES = [ROOT / "backoff.py", ROOT / "text_fold.py"]
CLOCK_READERS = {ROOT / "monitor" / "clock.py"}
"""The one place allowed to read the system clock: the session's default clock."""

FORBIDDEN_IMPORTS = {"textual", "rich", "httpx", "socket", "asyncio", "urllib", "http", "requests"}
CLOCK_CALLS = {("time", "time"), ("time", "monotonic"), ("datetime", "now"), ("date", "today")}


def pure_modules(package: str | None) -> list[Path]:
    if package is None:
        return PURE_MODULES
    return sorted((ROOT / package).glob("*.py"))


def _imports(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def _clock_calls(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name) and (owner.id, node.func.attr) in CLOCK_CALLS:
                found.append(f"{owner.id}.{node.func.attr}() on line {node.lineno}")
    return found


def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


PACKAGES = [*PURE_PACKAGES, None]
PACKAGE_IDS = [*PURE_PACKAGES, "backoff.py"]


@pytest.mark.parametrize("package", PURE_PACKAGES)
def test_the_package_has_its_modules(package: str) -> None:
    assert PURE_PACKAGES[package] <= {path.stem for path in pure_modules(package)}


@pytest.mark.parametrize("package", PACKAGES, ids=PACKAGE_IDS)
def test_no_ui_or_network_imports(package: str | None) -> None:
    for path in pure_modules(package):
        bad = _imports(_parse(path)) & FORBIDDEN_IMPORTS
        assert not bad, f"{path.name} imports {sorted(bad)}"


@pytest.mark.parametrize("package", PACKAGES, ids=PACKAGE_IDS)
def test_only_the_session_clock_reads_the_system_clock(package: str | None) -> None:
    for path in pure_modules(package):
        calls = _clock_calls(_parse(path))
        if path in CLOCK_READERS:
            assert len(calls) == 1 and calls[0].startswith("time.time()"), calls
        else:
            assert calls == [], f"{path.name} reads the clock directly: {calls}"


@pytest.mark.parametrize("package", PACKAGES, ids=PACKAGE_IDS)
def test_every_module_says_what_it_is_for(package: str | None) -> None:
    for path in pure_modules(package):
        docstring = ast.get_docstring(_parse(path))
        assert docstring and len(docstring) > 40, f"{path.name} has no module docstring"


def test_the_checks_see_what_they_look_for() -> None:
    tree = ast.parse("import textual.app\nfrom httpx import get\nx = date.today()\n")
    assert _imports(tree) & FORBIDDEN_IMPORTS == {"textual", "httpx"}
    assert _clock_calls(tree) == ["date.today() on line 3"]


def test_the_ui_free_code_does_not_import_textual() -> None:
    # api/ and api/models/ import their modules lazily: each is imported here one by one
    every_module_of = [*PURE_PACKAGES, "api", "api.models", "alerting"]
    packages = ", ".join(f"spikon_tui.{package}" for package in every_module_of)
    code = (
        "import spikon_tui.api, spikon_tui.sandbox, spikon_tui.backoff, sys; "
        "import spikon_tui.error_words; "
        "import spikon_tui.api.client, spikon_tui.sandbox.server, spikon_tui.sandbox.command; "
        f"import importlib, pkgutil, {packages}; "
        f"[importlib.import_module(m.name) for p in ({packages}) "
        "for m in pkgutil.iter_modules(p.__path__, p.__name__ + '.')]; "
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
