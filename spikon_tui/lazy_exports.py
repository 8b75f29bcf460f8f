"""A package's re-exported names, each imported from its module only when first asked for.

`spikon_tui.api` and `spikon_tui.api.models` re-export many names from many
modules; importing them all up front costs start-up time the first screen
does not need. With PEP 562, a package module can define `__getattr__`,
called for a name it does not have yet:

    _MODULE_OF = {"SpikonClient": "client", "SpikonError": "errors"}
    __all__ = sorted(_MODULE_OF)
    __getattr__, __dir__ = lazy_exports(__name__, globals(), _MODULE_OF)

`from spikon_tui.api import SpikonError` then imports `spikon_tui.api.errors`
alone, and the name is kept in the package so the next lookup is direct.
No Textual import here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, namespace: dict[str, Any], module_of: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The `__getattr__` and `__dir__` for `package`, whose globals are `namespace`."""

    def __getattr__(name: str) -> Any:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *module_of})

    return __getattr__, __dir__
