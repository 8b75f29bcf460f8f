"""The catalogs match the code: every string has an English and a Polish translation,
no entry is left over, placeholders survive translation and the .mo files are current.

The checks themselves live in scripts/i18n.py (`check` runs them from the command
line); these tests run them and also prove, on made-up code and catalogs, that
each check catches what it is for.
"""

from __future__ import annotations

import gettext
import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("spikon_i18n_script", ROOT / "scripts/i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


tool = _load_script()


def test_the_catalogs_match_the_code() -> None:
    found = tool.problems()
    assert found == [], "\n".join([*found, "fix: python scripts/i18n.py extract / compile"])


def test_the_code_has_strings_to_translate_and_both_catalogs_load() -> None:
    extraction = tool.extract()
    assert ("agent state" not in extraction.messages) and (None, "no data") in extraction.messages
    for language in tool.LANGUAGES:
        with tool.mo_path(language).open("rb") as file:
            catalog = gettext.GNUTranslations(file)
        assert catalog.gettext("no data") == {"en": "no data", "pl": "brak danych"}[language]


def _package(tmp_path: Path, source: str) -> Path:
    package = tmp_path / "spikon_tui"
    package.mkdir()
    (package / "screen.py").write_text(source, encoding="utf-8")
    return package


def test_extraction_finds_every_marker_and_refuses_strings_that_cannot_match(
    tmp_path: Path,
) -> None:
    package = _package(
        tmp_path,
        "from spikon_tui.i18n import N_, _, ngettext, pgettext\n"
        'TITLE = N_("Account")\n'
        "def show(name, n, x):\n"
        '    _("Hello {name}").format(name=name)\n'
        '    ngettext("{n} agent", "{n} agents", n)\n'
        '    pgettext("agent state", "free")\n'
        "    _(x.TITLE)\n"
        '    _(f"Hi {name}")\n'
        '    _("a" + name)\n'
        "    for _ in range(3):\n"
        "        pass\n",
    )
    extraction = tool.extract(package)
    assert set(extraction.messages) == {
        (None, "Account"),
        (None, "Hello {name}"),
        (None, "{n} agent"),
        ("agent state", "free"),
    }
    assert extraction.messages[(None, "{n} agent")].plural == "{n} agents"
    assert extraction.messages[(None, "Account")].places == ["spikon_tui/screen.py:2"]
    assert [problem.split(":")[1] for problem in extraction.problems] == ["10", "8", "9"]


def _catalog(entries: str, language: str = "pl") -> object:
    header = f'msgid ""\nmsgstr "Language: {language}\\n"\n\n'
    return tool.parse_po(header + entries)


def test_po_files_survive_a_round_trip_with_plurals_contexts_and_long_text() -> None:
    text = (
        'msgid ""\nmsgstr ""\n"Language: pl\\n"\n\n'
        '#: spikon_tui/a.py:1\nmsgctxt "agent state"\nmsgid "free"\nmsgstr "wolny"\n\n'
        'msgid "{n} agent"\nmsgid_plural "{n} agents"\n'
        'msgstr[0] "{n} agent"\nmsgstr[1] "{n} agentów?"\nmsgstr[2] "{n} agentów"\n\n'
        'msgid ""\n"Two\\n"\n"lines \\"quoted\\""\nmsgstr ""\n"Dwie\\n"\n"linie"\n'
    )
    catalog = tool.parse_po(text)
    assert catalog.entries[("agent state", "free")].strings == ["wolny"]
    assert catalog.entries[(None, "{n} agent")].strings[2] == "{n} agentów"
    assert catalog.entries[(None, 'Two\nlines "quoted"')].strings == ["Dwie\nlinie"]
    again = tool.parse_po(tool.write_po(catalog, "pl"))
    assert again.entries == catalog.entries


def test_compiled_catalogs_are_read_by_the_standard_library() -> None:
    catalog = tool.parse_po(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n'
        "Plural-Forms: " + tool.PLURAL_FORMS["pl"] + '\\n"\n\n'
        'msgctxt "agent state"\nmsgid "free"\nmsgstr "wolny"\n\n'
        'msgid "{n} day"\nmsgid_plural "{n} days"\n'
        'msgstr[0] "{n} dzień"\nmsgstr[1] "{n} dni"\nmsgstr[2] "{n} dni"\n\n'
        'msgid "untranslated"\nmsgstr ""\n'
    )
    translations = gettext.GNUTranslations(io.BytesIO(tool.compile_mo(catalog)))
    assert translations.pgettext("agent state", "free") == "wolny"
    assert translations.gettext("free") == "free"
    assert [translations.ngettext("{n} day", "{n} days", n) for n in (1, 3, 5)] == [
        "{n} dzień",
        "{n} dni",
        "{n} dni",
    ]
    assert translations.gettext("untranslated") == "untranslated"


@pytest.mark.parametrize(
    ("entry", "complaint"),
    [
        ('msgid "Hello {name}"\nmsgstr ""\n', "is not translated"),
        ('msgid "Hello {name}"\nmsgstr "Cześć {imie}"\n', "translates placeholders"),
        (
            'msgid "Hello {name}"\nmsgstr "Cześć {name}"\n\nmsgid "Gone"\nmsgstr "Nie ma"\n',
            "no longer used",
        ),
        ("", "missing 'Hello {name}'"),
    ],
)
def test_each_catalog_fault_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: str, complaint: str
) -> None:
    package = _package(tmp_path, 'from spikon_tui.i18n import _\n_("Hello {name}")\n')
    good_en = 'msgid "Hello {name}"\nmsgstr "Hello {name}"\n'
    catalogs = {"en": _catalog(good_en, "en"), "pl": _catalog(entry)}
    monkeypatch.setattr(tool, "read_catalog", lambda language: catalogs[language])
    monkeypatch.setattr(tool, "mo_path", lambda language: tmp_path / f"{language}.mo")
    for language, catalog in catalogs.items():
        (tmp_path / f"{language}.mo").write_bytes(tool.compile_mo(catalog))
    found = tool.problems(tool.extract(package))
    assert len(found) == 1 and found[0].startswith("pl/") and complaint in found[0], found


def test_a_stale_mo_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = _package(tmp_path, 'from spikon_tui.i18n import _\n_("Hi")\n')
    catalogs = {
        "en": _catalog('msgid "Hi"\nmsgstr "Hi"\n', "en"),
        "pl": _catalog('msgid "Hi"\nmsgstr "Cześć"\n'),
    }
    monkeypatch.setattr(tool, "read_catalog", lambda language: catalogs[language])
    monkeypatch.setattr(tool, "mo_path", lambda language: tmp_path / f"{language}.mo")
    (tmp_path / "en.mo").write_bytes(tool.compile_mo(catalogs["en"]))
    (tmp_path / "pl.mo").write_bytes(tool.compile_mo(_catalog('msgid "Hi"\nmsgstr "Hej"\n')))
    assert tool.problems(tool.extract(package)) == [
        "pl/spikon_tui.mo is not compiled from the .po: run compile"
    ]


def test_the_compiled_catalogs_ship_with_the_package_and_their_sources_do_not() -> None:
    import tomllib

    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    assert "**/*.mo" in setuptools["package-data"]["spikon_tui"]
    assert "*.po" in setuptools["exclude-package-data"]["*"]


def test_fill_takes_translations_from_json_and_keeps_those_already_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    po = tmp_path / "pl.po"
    entries = [
        tool.Entry(None, "Refresh", None, [""]),
        tool.Entry(None, "Quit", None, ["Wyjdź"]),
        tool.Entry(None, "{n} agent", "{n} agents", ["", "", ""]),
        tool.Entry("agents", "Busy", None, [""]),
        tool.Entry(None, "Busy", None, [""]),
    ]
    catalog = tool.Catalog(tool.header_for("pl"), {entry.key: entry for entry in entries})
    po.write_text(tool.write_po(catalog, "pl"), encoding="utf-8")
    monkeypatch.setattr(tool, "po_path", lambda language: po)
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    given = tmp_path / "t.json"
    given.write_text(
        '{"Refresh": "Odśwież", "Quit": "Koniec", "Gone": "X",'
        ' "{n} agent": ["{n} agent", "{n} agenci", "{n} agentów"],'
        ' "{n} agents": ["{n} agent", "{n} agenci", "{n} agentów"],'
        ' "agents\\u0004Busy": "Zajęci", "Busy": "Zajęte"}',
        encoding="utf-8",
    )
    assert tool.run_fill([str(given)]) == 0
    entries = {
        (entry.context or "") + entry.msgid: entry.strings
        for entry in tool.read_catalog("pl").entries.values()
    }
    assert entries["Refresh"] == ["Odśwież"]
    assert entries["agentsBusy"] == ["Zajęci"] and entries["Busy"] == ["Zajęte"]
    assert entries["Quit"] == ["Wyjdź"], "a translation already made is kept"
    assert entries["{n} agent"] == ["{n} agent", "{n} agenci", "{n} agentów"]
    assert "Gone" not in entries


PERSON_PLACEHOLDERS = ("{agent}", "{who}")
"""Where a person's name goes; Polish would decline it ("Szymona Dudę"), a name cannot be."""
NOMINATIVE_BEFORE = (":", "(", "„", "Gdy")
"""What may come right before the name in Polish so that it stays in the nominative."""


def test_polish_never_puts_a_name_where_it_would_have_to_be_declined() -> None:
    wrong = []
    for key, entry in tool.read_catalog("pl").entries.items():
        for text in entry.strings:
            for placeholder in PERSON_PLACEHOLDERS:
                start = text.find(placeholder)
                while start != -1:
                    before = text[:start].rstrip()
                    if before and not before.endswith(NOMINATIVE_BEFORE):
                        wrong.append(f"{key[1]!r}: {text!r}")
                    start = text.find(placeholder, start + 1)
    assert wrong == [], "\n".join(wrong)
