"""The account screen and the app's shell in Polish and in English, against a real sandbox."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from spikon_tui.i18n import set_language
from spikon_tui.sandbox import Sandbox
from spikon_tui.ui.dialogs.help import HelpDialog
from spikon_tui.ui.screens.account.screen import AccountScreen
from spikon_tui.ui.widgets.freshness import FreshnessLabel
from spikon_tui.ui.widgets.keys_footer import KeysFooter
from spikon_tui.ui.widgets.virtual_table import VirtualTable
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import NARROW, SIZE, screen_lines, settle, toasts, wait_until

ENGLISH_ONLY = re.compile(
    r"\b(Balance|Phone accounts|Number|Refresh|Help|updated|ago|loading|palette|yes|no|on|off)\b"
)


@pytest.fixture
def polish() -> Iterator[None]:
    set_language("pl")
    yield
    set_language("en")


def headers(screen: AccountScreen) -> list[str]:
    table = screen.query_one("#phone-accounts", VirtualTable)
    return [column.label for column in table.columns]


def registered_cells(screen: AccountScreen) -> set[str]:
    table = screen.query_one("#phone-accounts", VirtualTable)
    return {str(table.get_row(table.row_key_at(i)).cells[4]) for i in range(table.row_count)}


@pytest.mark.parametrize("size", [SIZE, NARROW])
async def test_the_account_screen_speaks_polish(
    make_app, sandbox: Sandbox, clock: FakeClock, polish: None, size: tuple[int, int]
) -> None:
    sandbox.state.set_balance("1234.5")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AccountScreen)
        assert screen.title == "Konto"
        assert headers(screen)[:3] == ["Numer", "Wewnętrzny", "Login SIP"]
        assert registered_cells(screen) <= {"tak", "nie"}
        assert app.sub_title == "profil test · 1\u00a0234,50\u00a0zł"
        clock.advance(7200)
        freshness = screen.query_one(FreshnessLabel)
        await wait_until(pilot, lambda: freshness.text == "zaktualizowano 2 godz. temu", "age")
        footer = screen.query_one(KeysFooter).text
        assert "Pomoc" in footer and "Odśwież" in footer and "paleta" in footer
        shown = "\n".join(screen_lines(app))
        assert "Saldo" in shown and "Konta telefoniczne" in shown
        assert not ENGLISH_ONLY.search(shown), shown


async def test_help_and_failures_are_in_polish_too(
    make_app, sandbox: Sandbox, polish: None
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpDialog)
        shown = "\n".join(screen_lines(app))
        assert "Pomoc — Konto" in shown and "Twoje konto SPIKON" in shown
        assert "Odśwież" in shown and "Klawisze" in shown
        await pilot.press("escape")
        sandbox.faults.error_next("balance/show", code=-1000)
        await pilot.press("r")
        await settle(pilot)
        assert any(title == "Odświeżenie nie powiodło się" for _kind, title, _text in toasts(app))


async def test_the_account_screen_stays_english_by_default(make_app, sandbox: Sandbox) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AccountScreen)
        assert screen.title == "Account"
        assert headers(screen)[:3] == ["Number", "Internal", "SIP login"]
        assert registered_cells(screen) <= {"yes", "no"}
        assert "f1 Help" in screen.query_one(KeysFooter).text
        shown = "\n".join(screen_lines(app))
        assert "Saldo" not in shown and "Konto" not in shown
