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

Type checkers do not run `__getattr__`: the package also imports every name
under `if TYPE_CHECKING:` (`from spikon_tui.api.errors import SpikonError as
SpikonError`) and binds `__getattr__` only in the `else:` branch, so for them
each name has its real type and an unknown name is an error. A name added to
`_MODULE_OF` needs its import there too.

No Textual import here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def lazy_exports(
    package: str, namespace: dict[str, object], module_of: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The `__getattr__` and `__dir__` for `package`, whose globals are `namespace`."""

    def __getattr__(name: str) -> object:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *module_of})

    return __getattr__, __dir__
