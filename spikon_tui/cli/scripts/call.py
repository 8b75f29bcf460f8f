"""`spikon-tui call NUMBER_OR_NAME [--from PHONE_ACCOUNT]`: click-to-call from a shell.

A name is looked up in every phone book (every word, any order, accents folded); several
entries with different numbers are listed and nothing is dialled. The phone account
rings first, then SPIKON dials the number. call/initiate is sent once, never retried:
it rings a phone.
"""

from __future__ import annotations

import argparse

from spikon_tui.api.client import SpikonClient
from spikon_tui.api.models import PhoneAccount
from spikon_tui.cli.scripts.common import CommandError, ExitCode, open_client, say
from spikon_tui.contacts.numbers import display_number, match_key
from spikon_tui.contacts.search import ContactQuery, contact_search_text
from spikon_tui.i18n import _, ngettext

MOST_LISTED = 20


async def place_call(
    args: argparse.Namespace, profile: str, base_url: str, remembered_caller: int | None
) -> ExitCode:
    async with open_client(profile, base_url, demo=args.demo, read_only=args.read_only) as client:
        number, who = await _destination(client, args.target)
        account = await _caller(client, args.caller, remembered_caller)
        await client.call_initiate(phone_account_id=account.id, destination_number=number)
    say(
        _("{account} rings first, then SPIKON dials {who}.").format(
            account=account.description or account.login or account.number,
            who=f"{who} ({display_number(number)})" if who else display_number(number),
        )
    )
    return ExitCode.DONE


async def _destination(client: SpikonClient, target: str) -> tuple[str, str | None]:
    """The number to dial and whose it is (None for a number typed as such)."""
    if match_key(target) is not None:
        return target, None
    query = ContactQuery.parse(target)
    found: dict[str, tuple[int, str, str]] = {}  # by number: (rank, name, number)
    for book in await client.phone_book_list():
        for entry in await client.phone_book_show(phone_book_id=book.id):
            text = contact_search_text(entry.name, entry.number)
            if query.matches(text):
                key = match_key(entry.number) or entry.number
                found.setdefault(key, (query.rank(text), entry.name, entry.number))
    if not found:
        raise CommandError(_("no phone-book entry matches {name}").format(name=repr(target)))
    if len(found) > 1:
        best_first = sorted(found.values(), key=lambda match: match[0])
        lines = [
            f"  {name}\t{display_number(number)}"
            for _rank, name, number in best_first[:MOST_LISTED]
        ]
        more = len(found) - MOST_LISTED
        if more > 0:
            lines.append(
                "  " + ngettext("…and {count} more", "…and {count} more", more).format(count=more)
            )
        raise CommandError(
            ngettext(
                "{count} entry matches {name}; call one by its number or a longer name:",
                "{count} entries match {name}; call one by its number or a longer name:",
                len(found),
            ).format(count=len(found), name=repr(target))
            + "\n"
            + "\n".join(lines)
        )
    _rank, name, number = next(iter(found.values()))
    return number, name


async def _caller(client: SpikonClient, wanted: str | None, remembered: int | None) -> PhoneAccount:
    accounts = await client.phone_account_list()
    if wanted is not None:
        for account in accounts:
            names = {str(account.id), account.login, account.number, account.description}
            if wanted in names or (account.internal is not None and wanted == account.internal):
                return account
        raise CommandError(_("no phone account {name}").format(name=repr(wanted)) + _list(accounts))
    chosen = [account for account in accounts if account.id == remembered] or accounts
    if len(chosen) == 1:
        return chosen[0]
    raise CommandError(_("which phone account should ring? Name it with --from:") + _list(accounts))


def _list(accounts: list[PhoneAccount]) -> str:
    return "".join(
        f"\n  {account.id}\t{account.login}\t{account.description}" for account in accounts
    )
