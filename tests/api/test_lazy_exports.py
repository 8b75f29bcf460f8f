"""The api and models packages import a name's module only when the name is asked for."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest


def loaded_after(code: str) -> set[str]:
    """The spikon_tui.api modules a fresh interpreter has loaded after running `code`."""
    listing = "print(sorted(m for m in sys.modules if m.startswith('spikon_tui.api')))"
    script = f"{code}\nimport sys\n{listing}"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(ast.literal_eval(result.stdout))


def test_importing_the_package_imports_none_of_its_modules() -> None:
    assert loaded_after("import spikon_tui.api") == {"spikon_tui.api"}


def test_a_name_brings_only_its_module() -> None:
    assert loaded_after("from spikon_tui.api import Balance") == {
        "spikon_tui.api",
        "spikon_tui.api.models",
        "spikon_tui.api.models.account",
    }


def test_every_exported_name_resolves_to_what_its_module_defines() -> None:
    import importlib

    from spikon_tui import api
    from spikon_tui.api import models

    for package in (api, models):
        for name in package.__all__:
            module = importlib.import_module(f"{package.__name__}.{package._MODULE_OF[name]}")
            assert getattr(package, name) is getattr(module, name)
            assert name in dir(package)


def test_an_unknown_name_is_an_import_error() -> None:
    with pytest.raises(ImportError):
        from spikon_tui.api import NoSuchThing  # noqa: F401
