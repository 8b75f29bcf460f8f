"""The calls package stays pure: no Textual, no network, no reading of the system clock."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import spikon_tui.calls

PACKAGE = Path(spikon_tui.calls.__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))
FORBIDDEN_IMPORTS = {"textual", "rich", "httpx", "socket", "asyncio", "urllib", "http"}
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


def test_the_package_has_its_modules() -> None:
    names = {path.stem for path in MODULES}
    assert {"order", "ledger", "calls", "totals", "csv_export", "backoff"} <= names


def test_no_ui_or_network_imports_and_no_clock_reads() -> None:
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert not _imports(tree) & FORBIDDEN_IMPORTS, path.name
        assert _clock_calls(tree) == [], f"{path.name} reads the clock directly"


def test_the_checks_see_what_they_look_for() -> None:
    tree = ast.parse("import textual.app\nx = date.today()\n")
    assert _imports(tree) & FORBIDDEN_IMPORTS == {"textual"}
    assert _clock_calls(tree) == ["date.today() on line 2"]


def test_importing_the_package_does_not_import_textual() -> None:
    code = (
        "import spikon_tui.calls.order, spikon_tui.calls.ledger, spikon_tui.calls.calls, "
        "spikon_tui.calls.totals, spikon_tui.calls.csv_export, spikon_tui.calls.backoff, sys; "
        "print('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_every_module_says_what_it_is_for() -> None:
    for path in MODULES:
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert docstring and len(docstring) > 40, f"{path.name} has no module docstring"
