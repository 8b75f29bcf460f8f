"""What every script command shares: exit codes, the client for a profile, errors in words."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from enum import IntEnum
from typing import TypeVar

from spikon_tui.api.client import SpikonClient
from spikon_tui.api.errors import SpikonError
from spikon_tui.api.models import PhoneBook
from spikon_tui.error_words import describe_error
from spikon_tui.i18n import _, ngettext

T = TypeVar("T")


class ExitCode(IntEnum):
    DONE = 0
    API_ERROR = 1
    """SPIKON refused, or could not be reached."""
    BAD_INPUT = 2
    """Usage, a file that is not what it should be, an unknown book or account."""
    PARTLY_DONE = 3
    """Some of it was done, some not (rows refused, an import stopped half-way)."""


INTERRUPTED = 130
"""Ctrl+C, as shells report it (128 + SIGINT); an import stopped so is safe to run again."""


class CommandError(Exception):
    """A failure already in words, with the exit code it ends the command with."""

    def __init__(self, message: str, code: ExitCode = ExitCode.BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


def say(text: str = "") -> None:
    print(text, flush=True)


def warn(text: str) -> None:
    print(f"spikon-tui: {text}", file=sys.stderr, flush=True)


@asynccontextmanager
async def open_client(
    profile: str, base_url: str, *, demo: bool, read_only: bool = False
) -> AsyncIterator[SpikonClient]:
    """The client for the profile (its key found as the app finds it), or for a demo sandbox."""
    if demo:
        from spikon_tui.cli.demo import start_demo_sandbox

        sandbox = await asyncio.to_thread(start_demo_sandbox)
        try:
            demo_key = sandbox.api_key or ""  # the demo sandbox always makes one
            async with SpikonClient(
                api_key=demo_key, base_url=sandbox.base_url, read_only=read_only
            ) as client:
                yield client
        finally:
            await asyncio.to_thread(sandbox.stop)
        return
    from spikon_tui.config import load_config
    from spikon_tui.key_home import lookup_key_for

    home = load_config().profile(profile).base_url  # main has read it once already: valid
    lookup = await asyncio.to_thread(lookup_key_for, profile, base_url, home)
    key = lookup.key
    if key is None:
        raise CommandError(
            _(
                "no API key for the profile {profile}: run `spikon-tui login` first, "
                "or set SPIKON_API_KEY"
            ).format(profile=profile)
            + "".join(f"\n  {note}" for note in lookup.notes)
        )
    async with SpikonClient(api_key=key, base_url=base_url, read_only=read_only) as client:
        yield client


def run_command(work: Callable[[], Awaitable[ExitCode]]) -> int:
    """Run a command's coroutine; a `CommandError` or a `SpikonError` becomes words and a code."""
    try:
        return int(asyncio.run(_guarded(work)))
    except KeyboardInterrupt:
        warn(_("interrupted"))
        return INTERRUPTED


async def _guarded(work: Callable[[], Awaitable[ExitCode]]) -> ExitCode:
    try:
        return await work()
    except CommandError as error:
        warn(str(error))
        return error.code
    except SpikonError as error:
        warn(describe_error(error))
        return ExitCode.API_ERROR


async def find_book(client: SpikonClient, wanted: str) -> PhoneBook | None:
    """The book named `wanted` (exactly, else ignoring case), or with that id.

    Several books of that name are bad input: the message lists their ids to choose from.
    """
    books = await client.phone_book_list()
    for same in (lambda b: b.name == wanted, lambda b: b.name.casefold() == wanted.casefold()):
        found = [book for book in books if same(book)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise CommandError(
                ngettext(
                    "{count} phone book is called {book}; name one by its id:",
                    "{count} phone books are called {book}; name one by its id:",
                    len(found),
                ).format(count=len(found), book=repr(wanted))
                + "".join(f"\n  {book.id}\t{book.name}" for book in found)
            )
    if wanted.isdigit():
        return next((book for book in books if book.id == int(wanted)), None)
    return None


async def require_book(client: SpikonClient, wanted: str) -> PhoneBook:
    book = await find_book(client, wanted)
    if book is None:
        raise CommandError(
            _("no phone book {book}: `spikon-tui books list` shows them").format(book=repr(wanted))
        )
    return book
