"""The interface language: English or Polish, from gettext catalogs kept in the package.

How to write a user-facing string (the rules for everyone wrapping a screen)::

    from spikon_tui.i18n import N_, _, ngettext

    _("Refresh failed")                                   # translated now
    _("updated {age} ago").format(age=format_age(s))      # fill placeholders AFTER _()
    ngettext("{count} agent", "{count} agents", n).format(count=n)
    pgettext("agent state", "free")                       # same English, other meaning

1. Translate at use, never at import. A module-level constant or a class
   attribute is evaluated once, when the module is imported, possibly before
   the language is chosen (the tests import every screen in English, then
   switch). Mark such strings with `N_()` (it returns its argument unchanged,
   and `scripts/i18n.py extract` still finds it) and call `_()` on them where
   they are shown. The shell already does that for `TITLE`, `HELP` and binding
   descriptions (footer, F1 help, command palette, header), so in a screen::

       TITLE = N_("Account")
       HELP = N_(\"\"\"...\"\"\")
       BINDINGS = [Binding("r", "refresh", N_("Refresh"))]

2. Only string literals: `_(f"Hello {name}")` or `_("a" + b)` can never match
   a catalog entry; the catalog test rejects them. Use `{name}` placeholders;
   the test checks a translation keeps exactly the msgid's placeholders.
3. Never use `_` as a throwaway name (`for _ in ...`, `a, _, b = ...`) in a
   module that imports `_`: it would hide the function (the test checks this).
4. After adding or changing strings: `python scripts/i18n.py extract`, fill the
   Polish `msgstr` in `spikon_tui/locale/pl/LC_MESSAGES/spikon_tui.po`, then
   `python scripts/i18n.py compile` (the .mo files are committed: the README's
   `pip install -e .` has no build step). The English catalog is the identity
   (msgstr = msgid, filled by extract) so English wording can change without
   touching code; tests/test_i18n_catalogs.py fails on anything missing, unused
   or stale.
5. Values the API sends in Polish ("Wolny", "Tak", "Brak danych") are not
   translated here but in `spikon_tui.api_words`.

The language is set once at start-up (`set_language(resolve_language(...))` in
the CLI), before the UI modules are imported. No Textual import here.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "spikon_tui"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "pl")
"""The languages the interface speaks; the first is the default."""
DEFAULT_LANGUAGE = "en"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""Environment variables naming the locale, strongest first (as POSIX orders them)."""

_catalogs: dict[str, gettext.NullTranslations] = {}
_current_language = DEFAULT_LANGUAGE
_active: gettext.NullTranslations = gettext.NullTranslations()


def _catalog(code: str) -> gettext.NullTranslations:
    if code not in _catalogs:
        _catalogs[code] = gettext.translation(
            DOMAIN, localedir=LOCALE_DIR, languages=[code], fallback=True
        )
    return _catalogs[code]


def language_code(value: str | None) -> str | None:
    """The supported language a locale name or code means, else None.

    "pl", "PL", "pl_PL.UTF-8", "pl_PL@euro" -> "pl"; "en_GB" -> "en";
    "C", "POSIX", "de_DE", "" -> None.
    """
    if not value:
        return None
    base = value.strip().split(".", 1)[0].split("@", 1)[0]
    code = base.replace("-", "_").split("_", 1)[0].casefold()
    return code if code in LANGUAGES else None


def resolve_language(
    cli_value: str | None, config_value: str | None, environ: Mapping[str, str]
) -> str:
    """The language to use: `--lang`, then the config file, then the locale, then English.

    A command-line or config value naming no supported language is skipped. Of
    the locale variables the first one set decides (LC_ALL > LC_MESSAGES >
    LANG); when it names an unsupported locale ("C", "de_DE") the answer is English.
    """
    for value in (cli_value, config_value):
        code = language_code(value)
        if code is not None:
            return code
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            return language_code(value) or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def set_language(code: str) -> None:
    """Speak `code` ("en" or "pl") from now on; raises ValueError for any other code."""
    global _active, _current_language
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language {code!r}: choose one of {', '.join(LANGUAGES)}")
    _active = _catalog(code)
    _current_language = code


def current_language() -> str:
    """The language strings are translated to now ("en" or "pl")."""
    return _current_language


def _(message: str) -> str:
    """`message` in the current language (unchanged when the catalog lacks it)."""
    return _active.gettext(message)


def N_(message: str) -> str:
    """Mark `message` for the catalogs without translating it now; translate it with `_()` later."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for `count` ("1 agent", "2 agents"; Polish has three forms)."""
    return _active.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` translated in `context`, for English words with two meanings."""
    return _active.pgettext(context, message)
