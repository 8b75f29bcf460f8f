"""The monitor package stays pure: no Textual, no network, no direct reading of the clock."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import spikon_tui.monitor

PACKAGE = Path(spikon_tui.monitor.__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))
FORBIDDEN_IMPORTS = {"textual", "rich", "httpx", "socket", "asyncio", "urllib", "http", "requests"}
CLOCK_CALLS = {("time", "time"), ("time", "monotonic"), ("datetime", "now"), ("date", "today")}


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


def test_the_package_has_the_expected_modules() -> None:
    names = {path.stem for path in MODULES}
    assert {"history", "counters", "agents", "waiting", "freshness", "alerts", "tracker"} <= names


def test_no_ui_or_network_imports() -> None:
    for path in MODULES:
        bad = _imports(ast.parse(path.read_text(encoding="utf-8"))) & FORBIDDEN_IMPORTS
        assert not bad, f"{path.name} imports {sorted(bad)}"


def test_only_clock_py_reads_the_clock() -> None:
    for path in MODULES:
        calls = _clock_calls(ast.parse(path.read_text(encoding="utf-8")))
        if path.name == "clock.py":
            assert len(calls) == 1 and calls[0].startswith("time.time()"), calls
        else:
            assert calls == [], f"{path.name} reads the clock directly: {calls}"


def test_the_checks_see_what_they_look_for() -> None:
    tree = ast.parse("import textual.app\nfrom httpx import get\nx = time.time()\n")
    assert _imports(tree) & FORBIDDEN_IMPORTS == {"textual", "httpx"}
    assert _clock_calls(tree) == ["time.time() on line 3"]


def test_importing_the_monitor_does_not_import_textual() -> None:
    code = "import spikon_tui.monitor, sys; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_every_module_says_what_it_is_for() -> None:
    for path in MODULES:
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert docstring and len(docstring) > 40, f"{path.name} has no module docstring"
