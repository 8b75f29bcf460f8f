"""The login screen against a real sandbox: the key is checked, explained, then kept as chosen."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from spikon_tui.api.errors import (
    PANEL_API_SETTINGS,
    ApiTurnedOffError,
    IpNotWhitelistedError,
    SpikonError,
    UnknownApiKeyError,
)
from spikon_tui.credentials import CredentialError
from spikon_tui.sandbox import Sandbox
from spikon_tui.session import Session
from spikon_tui.ui.screens.account.login import LoginScreen
from spikon_tui.ui.screens.account.screen import AccountScreen
from tests.ui.conftest import (
    SIZE,
    assert_no_traceback,
    paste,
    screen_lines,
    settle,
    text_of,
    toasts,
)

WRONG_KEY = "sandbox-this-key-was-replaced"


@pytest.fixture
def session(session: Session) -> Session:
    """The profile has no key yet: the app opens on the login screen."""
    session.api_key = None
    return session


class KeyStore:
    """Stands in for `launch._store_key`: records each call, or fails like a locked keyring."""

    def __init__(self, error: Exception | None = None) -> None:
        self.calls: list[tuple[str, str, str]] = []
        self.error = error

    def __call__(self, profile: str, key: str, where: str) -> None:
        self.calls.append((profile, key, where))
        if self.error is not None:
            raise self.error


def error_line(screen: LoginScreen) -> str:
    error = screen.query_one(".dialog-error", Static)
    return text_of(error) if error.display else ""


def assert_explained(screen: LoginScreen, error: type[SpikonError], ending: str) -> None:
    """The screen shows the client's own explanation (one source of the wording)."""
    shown = error_line(screen)
    assert shown.startswith(error.summary.rstrip(".")), shown
    assert shown.endswith(ending), shown


async def check_key(pilot: Pilot, key: str) -> None:
    field = pilot.app.screen.query_one("#api-key", Input)
    field.focus()
    await pilot.press("end", "ctrl+u")
    await paste(pilot, key)
    await pilot.press("enter")
    await settle(pilot)


async def test_refused_keys_are_explained_with_what_to_do(make_app, sandbox: Sandbox) -> None:
    app = make_app(store_key=KeyStore())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LoginScreen)
        key_field = screen.query_one("#api-key", Input)
        assert key_field.password and key_field.has_focus
        footer = screen_lines(app)[-1]
        assert "f1 Help" in footer and "f2" not in footer, "no screens to go to yet"

        await check_key(pilot, WRONG_KEY)
        painted = text_of(key_field)
        assert WRONG_KEY not in painted and "•" in painted, "the key is masked"
        assert_explained(screen, UnknownApiKeyError, "[SPIKON error -3: Unknown API key]")
        assert "Copy the current key from the SPIKON panel" in error_line(screen)
        assert PANEL_API_SETTINGS in error_line(screen)

        sandbox.set_api_enabled(False)
        await check_key(pilot, sandbox.api_key)
        assert_explained(screen, ApiTurnedOffError, "[SPIKON error -4: API turned off]")
        assert "Switch it on in the SPIKON panel" in error_line(screen)

        sandbox.set_api_enabled(True)
        sandbox.set_whitelist(["10.9.9.9"])
        await check_key(pilot, sandbox.api_key)
        assert_explained(
            screen, IpNotWhitelistedError, "[SPIKON error -5: IP address not whitelisted]"
        )
        assert "IP whitelist" in error_line(screen)

        assert sandbox.request_counts["balance/show"] == 3
        assert not screen.query_one("#store-choice").display, "nothing to store yet"
        assert key_field.value == sandbox.api_key, "the key stays to be corrected"
        assert toasts(app) == []
        assert_no_traceback(app)


async def test_a_working_key_kept_for_this_session_only_opens_the_account(
    make_app, sandbox: Sandbox, session: Session
) -> None:
    store = KeyStore()
    sandbox.state.set_balance("55.5")
    app = make_app(keyring_usable=False, keyring_reason="no D-Bus session here", store_key=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await check_key(pilot, sandbox.api_key)
        assert error_line(screen) == ""
        assert screen.query_one("#store-choice").display
        assert text_of(screen.query_one("#checked")) == (
            "The key works: balance 55.50\u00a0zł. Where should it be kept?"
        )
        keyring = screen.query_one("#store-keyring", Button)
        assert keyring.disabled
        assert text_of(screen.query_one("#keyring-reason")) == (
            "The keyring is not offered: no D-Bus session here"
        )
        assert screen.query_one("#store-session", Button).has_focus

        await pilot.click("#store-session")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        assert session.api_key == sandbox.api_key
        assert session.key_source == "session"
        assert store.calls == [], "kept nowhere"
        assert text_of(app.screen.query_one("#balance")) == "55.50\u00a0zł"


@pytest.mark.parametrize("where", ["keyring", "file"])
async def test_the_key_is_stored_where_the_user_chose(
    make_app, sandbox: Sandbox, session: Session, where: str
) -> None:
    store = KeyStore()
    app = make_app(store_key=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await check_key(pilot, sandbox.api_key)
        assert not app.screen.query_one("#store-keyring", Button).disabled
        await pilot.click(f"#store-{where}")
        await settle(pilot)
        assert store.calls == [("test", sandbox.api_key, where)]
        assert isinstance(app.screen, AccountScreen)
        assert session.key_source == where


async def test_a_key_that_cannot_be_stored_is_told_and_the_app_still_opens(
    make_app, sandbox: Sandbox
) -> None:
    store = KeyStore(CredentialError("the keyring is locked"))
    app = make_app(store_key=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await check_key(pilot, sandbox.api_key)
        await pilot.click("#store-keyring")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        [(severity, title, message)] = toasts(app)
        assert (severity, title) == ("error", "The API key was not stored")
        assert message.startswith("The API key could not be stored: the keyring is locked.")
        assert "works for this session only" in message
        assert_no_traceback(app)
