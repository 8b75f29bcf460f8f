"""The translation catalogs: find the strings in the code, and compile .po files to .mo.

    .venv/bin/python scripts/i18n.py extract   # update both .po files from the code
    .venv/bin/python scripts/i18n.py compile   # write the .mo files beside them
    .venv/bin/python scripts/i18n.py check     # what the catalog test checks, in words
    .venv/bin/python scripts/i18n.py fill pl.json ...  # empty Polish entries from JSON
    .venv/bin/python scripts/i18n.py fill --replace pl.json  # ...and change existing ones

`extract` walks spikon_tui/ for calls of `_`, `N_`, `ngettext` and `pgettext`
with string literals, keeps every translation already made, adds new strings
(the English catalog gets msgstr = msgid, the Polish one an empty msgstr to
fill) and drops strings the code no longer uses. No xgettext or msgfmt needed:
the .po reader, the .mo writer and the checks are here, and
tests/test_i18n_catalogs.py uses them too.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import string
import struct
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "spikon_tui"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "spikon_tui"
LANGUAGES = ("en", "pl")

PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}
LANGUAGE_NAMES = {"en": "English", "pl": "Polish"}

# function name -> (index of msgctxt or None, index of msgid, index of msgid_plural or None)
KEYWORDS: dict[str, tuple[int | None, int, int | None]] = {
    "_": (None, 0, None),
    "N_": (None, 0, None),
    "ngettext": (None, 0, 1),
    "pgettext": (0, 1, None),
}

Key = tuple[str | None, str]
"""(msgctxt, msgid): what identifies a catalog entry."""


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


# --- finding the strings in the code ---------------------------------------------


@dataclass
class Message:
    context: str | None
    msgid: str
    plural: str | None = None
    places: list[str] = field(default_factory=list)
    """Where the code uses it: "spikon_tui/x.py:12"."""

    @property
    def key(self) -> Key:
        return (self.context, self.msgid)


@dataclass
class Extraction:
    messages: dict[Key, Message]
    problems: list[str]
    """Calls that can never match a catalog entry, and `_` used as a throwaway name."""


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _imports_underscore(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "spikon_tui.i18n"
        and any(alias.name == "_" and alias.asname is None for alias in node.names)
        for node in ast.walk(tree)
    )


def _binds_underscore(tree: ast.Module) -> list[int]:
    """Lines where `_` is assigned or used as a loop/with/comprehension target."""
    stored = (
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id == "_"
    )
    arguments = (node for node in ast.walk(tree) if isinstance(node, ast.arg) and node.arg == "_")
    return sorted(node.lineno for node in (*stored, *arguments))


def extract(package: Path = PACKAGE) -> Extraction:
    """Every translatable string in `package`, with where it is used."""
    messages: dict[Key, Message] = {}
    problems: list[str] = []
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package.parent).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        if _imports_underscore(tree):
            for line in _binds_underscore(tree):
                problems.append(f"{where}:{line}: `_` is the translation function here")
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            spec = KEYWORDS.get(node.func.id)
            if spec is None or not node.args:
                continue
            positions = [i for i in spec if i is not None]
            if len(node.args) <= max(positions):
                problems.append(f"{where}:{node.lineno}: {node.func.id}() lacks arguments")
                continue
            texts = [_literal(node.args[i]) if i is not None else None for i in spec]
            if any(_literal(node.args[i]) is None for i in positions):
                if all(isinstance(node.args[i], ast.Name | ast.Attribute) for i in positions):
                    continue  # _(self.TITLE): a string marked with N_() where it is defined
                problems.append(
                    f"{where}:{node.lineno}: {node.func.id}() needs string literals "
                    "(no f-strings or concatenation: use {placeholders} and .format())"
                )
                continue
            context, msgid, plural = texts
            assert msgid is not None
            if not msgid:
                problems.append(f"{where}:{node.lineno}: an empty msgid")
                continue
            message = messages.setdefault((context, msgid), Message(context, msgid, plural))
            if spec[2] is not None and message.plural != plural:
                problems.append(f"{where}:{node.lineno}: {msgid!r} has two plural forms")
            message.places.append(f"{where}:{node.lineno}")
    return Extraction(messages, problems)


# --- .po files ---------------------------------------------------------------------


@dataclass
class Entry:
    context: str | None
    msgid: str
    plural: str | None
    strings: list[str]
    """msgstr, or msgstr[0], msgstr[1], ... for a plural entry."""
    comments: list[str] = field(default_factory=list)

    @property
    def key(self) -> Key:
        return (self.context, self.msgid)


@dataclass
class Catalog:
    header: str
    entries: dict[Key, Entry]


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text: str, where: str) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"{where}: expected a quoted string, got {text!r}")
    body = text[1:-1]
    return re.sub(r"\\(.)", lambda match: _ESCAPES.get(match.group(1), match.group(0)), body)


def parse_po(text: str, name: str = "<po>") -> Catalog:
    """Read a .po file (msgctxt, msgid, msgid_plural, msgstr[n], continued lines)."""
    entries: dict[Key, Entry] = {}
    header = ""
    fields: dict[str, str] = {}
    comments: list[str] = []
    current: str | None = None

    def finish() -> None:
        nonlocal fields, comments, header
        if "msgid" in fields:
            msgid = fields["msgid"]
            if msgid == "" and "msgctxt" not in fields:
                header = fields.get("msgstr", "")
            else:
                plural = fields.get("msgid_plural")
                if plural is None:
                    strings = [fields.get("msgstr", "")]
                else:
                    count = sum(1 for key in fields if key.startswith("msgstr["))
                    strings = [fields.get(f"msgstr[{n}]", "") for n in range(count)]
                entry = Entry(fields.get("msgctxt"), msgid, plural, strings, comments)
                if entry.key in entries:
                    raise ValueError(f"{name}: {msgid!r} appears twice")
                entries[entry.key] = entry
        fields, comments = {}, []

    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{name}:{number}"
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            if "msgid" in fields and current is not None and current.startswith("msgstr"):
                finish()
                current = None
            comments.append(stripped)
            continue
        if stripped.startswith('"'):
            if current is None:
                raise ValueError(f"{where}: a continued string outside an entry")
            fields[current] += _unquote(stripped, where)
            continue
        keyword, _space, rest = stripped.partition(" ")
        if keyword in ("msgctxt", "msgid") and (
            "msgstr" in fields or any(k.startswith("msgstr[") for k in fields)
        ):
            finish()
        if keyword == "msgctxt" and "msgid" in fields:
            finish()
        if not (
            keyword in ("msgctxt", "msgid", "msgid_plural", "msgstr") or keyword[:7] == "msgstr["
        ):
            raise ValueError(f"{where}: unknown line {stripped!r}")
        fields[keyword] = _unquote(rest, where)
        current = keyword
    finish()
    return Catalog(header, entries)


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return '"' + escaped.replace("\r", "\\r").replace("\n", "\\n") + '"'


def _po_string(keyword: str, text: str) -> list[str]:
    if "\n" not in text.rstrip("\n"):
        return [f"{keyword} {_quote(text)}"]
    pieces = text.splitlines(keepends=True)
    return [f'{keyword} ""', *(_quote(piece) for piece in pieces)]


def header_for(language: str) -> str:
    return (
        "Project-Id-Version: spikon-tui\n"
        f"Language: {language}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        f"Plural-Forms: {PLURAL_FORMS[language]}\n"
    )


def write_po(catalog: Catalog, language: str) -> str:
    lines = [
        f"# spikon-tui: the interface in {LANGUAGE_NAMES[language]}.",
        "# Updated by `python scripts/i18n.py extract`; compile with `... compile`.",
        *_po_string("msgid", ""),
        *_po_string("msgstr", catalog.header),
    ]
    for entry in catalog.entries.values():
        lines.append("")
        lines.extend(entry.comments)
        if entry.context is not None:
            lines.extend(_po_string("msgctxt", entry.context))
        lines.extend(_po_string("msgid", entry.msgid))
        if entry.plural is None:
            lines.extend(_po_string("msgstr", entry.strings[0] if entry.strings else ""))
        else:
            lines.extend(_po_string("msgid_plural", entry.plural))
            for number, text in enumerate(entry.strings):
                lines.extend(_po_string(f"msgstr[{number}]", text))
    return "\n".join(lines) + "\n"


def plural_count(language: str) -> int:
    return int(re.search(r"nplurals=(\d+)", PLURAL_FORMS[language]).group(1))


def merge(old: Catalog, extraction: Extraction, language: str) -> tuple[Catalog, list[Key]]:
    """The catalog for the code as it is now, keeping translations; also the keys dropped."""
    entries: dict[Key, Entry] = {}
    forms = plural_count(language)
    for key, message in extraction.messages.items():
        previous = old.entries.get(key)
        if message.plural is None:
            if previous is not None and previous.plural is None:
                strings = previous.strings[:1]
            else:
                strings = [message.msgid if language == "en" else ""]
        else:
            if previous is not None and previous.plural is not None:
                strings = (previous.strings + [""] * forms)[:forms]
            elif language == "en":
                strings = [message.msgid, message.plural]
            else:
                strings = [""] * forms
        comments = [f"#: {place}" for place in message.places]
        entries[key] = Entry(message.context, message.msgid, message.plural, strings, comments)
    dropped = [key for key in old.entries if key not in entries]
    return Catalog(header_for(language), entries), dropped


def read_catalog(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return Catalog(header_for(language), {})
    return parse_po(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))


# --- .mo files ---------------------------------------------------------------------


def compile_mo(catalog: Catalog) -> bytes:
    """The GNU .mo bytes for `catalog` (entries with an empty msgstr left out, as msgfmt does)."""
    pairs: dict[bytes, bytes] = {b"": catalog.header.encode("utf-8")}
    for entry in catalog.entries.values():
        if not all(entry.strings):
            continue
        key = entry.msgid if entry.plural is None else f"{entry.msgid}\0{entry.plural}"
        if entry.context is not None:
            key = f"{entry.context}\x04{key}"
        pairs[key.encode("utf-8")] = "\0".join(entry.strings).encode("utf-8")
    keys = sorted(pairs)
    count = len(keys)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    data_at = translations_at + count * 8
    originals, translations, data = [], [], b""
    for key in keys:
        originals.append((len(key), data_at + len(data)))
        data += key + b"\0"
    for key in keys:
        value = pairs[key]
        translations.append((len(value), data_at + len(data)))
        data += value + b"\0"
    head = struct.pack("<7I", 0x950412DE, 0, count, originals_at, translations_at, 0, data_at)
    table = b"".join(struct.pack("<2I", *pair) for pair in originals + translations)
    return head + table + data


# --- checks ------------------------------------------------------------------------


def placeholders(text: str) -> list[str]:
    """The `{name}` fields of a format string, sorted (a bad format string gives ["<bad>"])."""
    try:
        return sorted(
            name for _text, name, _spec, _conv in string.Formatter().parse(text) if name is not None
        )
    except ValueError:
        return ["<bad format string>"]


def problems(extraction: Extraction | None = None) -> list[str]:
    """Everything wrong with the catalogs, in words; empty when all is well."""
    extraction = extraction or extract()
    found = list(extraction.problems)
    for language in LANGUAGES:
        name = f"{language}/{DOMAIN}.po"
        catalog = read_catalog(language)
        for key, message in extraction.messages.items():
            entry = catalog.entries.get(key)
            label = message.msgid if key[0] is None else f"{key[0]}|{message.msgid}"
            label = label if len(label) < 60 else label[:57] + "..."
            if entry is None:
                found.append(f"{name}: missing {label!r} ({message.places[0]})")
                continue
            if (entry.plural is None) != (message.plural is None) or (
                message.plural is not None and entry.plural != message.plural
            ):
                found.append(f"{name}: {label!r} has other plural forms than the code")
                continue
            wanted = plural_count(language) if message.plural is not None else 1
            if len(entry.strings) != wanted or not all(entry.strings):
                found.append(f"{name}: {label!r} is not translated")
                continue
            expected = placeholders(message.msgid)
            for text in entry.strings:
                if placeholders(text) != expected:
                    found.append(
                        f"{name}: {label!r} translates placeholders {expected} "
                        f"as {placeholders(text)}"
                    )
        for key in catalog.entries:
            if key not in extraction.messages:
                found.append(f"{name}: {key[1][:57]!r} is no longer used by the code")
        mo = mo_path(language)
        if not mo.exists() or mo.read_bytes() != compile_mo(catalog):
            found.append(f"{language}/{DOMAIN}.mo is not compiled from the .po: run compile")
    return found


# --- command line ------------------------------------------------------------------


def run_extract() -> int:
    extraction = extract()
    for problem in extraction.problems:
        print(problem, file=sys.stderr)
    for language in LANGUAGES:
        catalog, dropped = merge(read_catalog(language), extraction, language)
        path = po_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(write_po(catalog, language), encoding="utf-8")
        untranslated = sum(1 for entry in catalog.entries.values() if not all(entry.strings))
        print(
            f"{path.relative_to(ROOT)}: {len(catalog.entries)} strings, "
            f"{untranslated} to translate, {len(dropped)} dropped"
        )
        for key in dropped:
            print(f"  dropped: {key[1][:70]!r}")
    return 1 if extraction.problems else 0


def run_compile() -> int:
    for language in LANGUAGES:
        catalog = read_catalog(language)
        mo_path(language).write_bytes(compile_mo(catalog))
        print(f"{mo_path(language).relative_to(ROOT)}: {len(catalog.entries)} strings")
    return 0


def run_check() -> int:
    found = problems()
    for problem in found:
        print(problem)
    print("catalogs are complete" if not found else f"{len(found)} problems")
    return 1 if found else 0


def run_fill(paths: Sequence[str], language: str = "pl", *, replace: bool = False) -> int:
    """Fill empty translations from JSON files of {msgid: translation} (a list of forms
    for a plural), as translators hand them in; existing translations are kept unless
    `replace`."""
    catalog = read_catalog(language)
    by_plural = {entry.plural: entry for entry in catalog.entries.values() if entry.plural}
    filled = unknown = 0
    for path in paths:
        for name, translation in json.loads(Path(path).read_text(encoding="utf-8")).items():
            # "context\x04msgid" for a pgettext string, as gettext itself keys them
            context, _sep, msgid = name.rpartition("\x04")
            entry = catalog.entries.get((context or None, msgid))
            if entry is None and msgid in by_plural:
                continue  # the plural form of an ngettext entry: filled by its singular
            if entry is None:
                unknown += 1
                print(f"{path}: not in the code: {msgid[:70]!r}", file=sys.stderr)
                continue
            forms = [translation] if isinstance(translation, str) else list(translation)
            if entry.plural is not None and len(forms) == 1:
                forms = forms * plural_count(language)
            if (replace or not all(entry.strings)) and len(forms) == len(entry.strings):
                entry.strings = forms
                filled += 1
    po_path(language).write_text(write_po(catalog, language), encoding="utf-8")
    print(f"{po_path(language).relative_to(ROOT)}: {filled} filled, {unknown} unknown")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("action", choices=("extract", "compile", "check", "fill"))
    parser.add_argument("files", nargs="*", help="fill: JSON files of translations")
    parser.add_argument(
        "--replace", action="store_true", help="fill: change existing translations too"
    )
    args = parser.parse_intermixed_args(argv)
    if args.action == "fill":
        return run_fill(args.files, replace=args.replace)
    return {"extract": run_extract, "compile": run_compile, "check": run_check}[args.action]()


if __name__ == "__main__":
    sys.exit(main())
