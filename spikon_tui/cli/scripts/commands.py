"""The script commands' arguments (`add_script_commands`) and their dispatch (`run_script`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from spikon_tui.config import AppConfig
from spikon_tui.i18n import _

SCRIPT_COMMANDS = frozenset({"books", "call", "balance"})


def _demo_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS,
        help=_("run against the demo sandbox (no key, no network)"),
    )


def add_script_commands(
    subcommands: argparse._SubParsersAction,  # type: ignore[type-arg]
    global_options: Callable[[argparse.ArgumentParser], None],
) -> None:
    """`books list|export|import`, `call` and `balance`, each with the global options."""
    books = subcommands.add_parser("books", help=_("list, export or import phone books"))
    global_options(books)
    actions = books.add_subparsers(dest="books_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help=_("the phone books: id and name"))
    global_options(listing)
    _demo_option(listing)
    listing.add_argument("--json", action="store_true", help=_("a JSON list of {id, name}"))

    export = actions.add_parser("export", help=_("write a phone book as CSV or vCard"))
    global_options(export)
    _demo_option(export)
    export.add_argument("book", metavar="BOOK", help=_("the book's name or id"))
    export.add_argument("--format", choices=("csv", "vcf"), help=_("default: from -o, else csv"))
    export.add_argument("-o", "--output", metavar="FILE", help=_("default: standard output"))
    export.add_argument(
        "--spreadsheet",
        action="store_true",
        help=_("CSV as Excel in Poland opens it: ';' between fields and a UTF-8 BOM"),
    )

    importing = actions.add_parser(
        "import", help=_("add a CSV or vCard file's contacts to a book; safe to run again")
    )
    global_options(importing)
    _demo_option(importing)
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--book", required=True, metavar="BOOK", help=_("its name or id"))
    importing.add_argument("--create", action="store_true", help=_("create the book if missing"))
    importing.add_argument("--format", choices=("csv", "vcf"), help=_("default: from the file"))
    importing.add_argument(
        "--dry-run", action="store_true", help=_("say what would change, change nothing")
    )
    importing.add_argument(
        "--on-duplicate",
        choices=("skip", "update", "add"),
        default="skip",
        help=_("a number already in the book under another name (default: skip)"),
    )

    call = subcommands.add_parser(
        "call", help=_("ring your phone, then dial a number or a phone-book name")
    )
    global_options(call)
    _demo_option(call)
    call.add_argument("target", metavar="NUMBER_OR_NAME")
    call.add_argument(
        "--from", dest="caller", metavar="PHONE_ACCOUNT", help=_("its id, login or number")
    )

    balance = subcommands.add_parser("balance", help=_("the account's balance"))
    global_options(balance)
    _demo_option(balance)
    balance.add_argument("--json", action="store_true", help=_('{"balance": "12.34", ...}'))


def run_script(args: argparse.Namespace, config: AppConfig, profile: str, base_url: str) -> int:
    """Run the script command `args.command` to its exit code."""
    from spikon_tui.cli.scripts.common import run_command

    args.demo = getattr(args, "demo", False)
    if args.command == "balance":
        from spikon_tui.cli.scripts.balance import show_balance

        return run_command(lambda: show_balance(args, profile, base_url))
    if args.command == "call":
        from spikon_tui.cli.scripts.call import place_call

        remembered = config.profile(profile).caller_phone_account_id
        return run_command(lambda: place_call(args, profile, base_url, remembered))
    from spikon_tui.cli.scripts import books

    run = {"list": books.list_books, "export": books.export_book, "import": books.import_file}
    action = run[args.books_command]
    return run_command(lambda: action(args, profile, base_url))
