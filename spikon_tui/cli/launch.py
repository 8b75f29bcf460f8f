"""Starts the app: builds the session (key lookup or demo sandbox), runs it, cleans up."""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

import platformdirs

from spikon_tui import startup_gc
from spikon_tui.config import ALERT_CHANNEL_KEYS, AppConfig, ConfigError, ProfileConfig, save_config
from spikon_tui.i18n import _
from spikon_tui.session import Session


def _preferences_of(config: AppConfig, profile: ProfileConfig) -> dict[str, Any]:
    preferences: dict[str, Any] = {"theme": config.theme}
    if profile.caller_phone_account_id is not None:
        preferences["caller_phone_account_id"] = profile.caller_phone_account_id
    return preferences


def profile_data_dir(profile_name: str) -> Path:
    """The profile's own files (messages sent): platformdirs' user data folder, per profile."""
    data_root = Path(platformdirs.user_data_dir("spikon-tui", appauthor=False))
    return data_root / "profiles" / profile_name


def _saver(config: AppConfig, profile: ProfileConfig):
    def save(preferences: dict[str, Any]) -> None:
        config.theme = preferences.get("theme", config.theme)
        profile.caller_phone_account_id = preferences.get(
            "caller_phone_account_id", profile.caller_phone_account_id
        )
        # A read-only config folder must not break the app; the choice then lasts this run.
        with contextlib.suppress(OSError):
            save_config(config)

    return save


def build_session(config: AppConfig, profile_name: str, base_url: str) -> tuple[Session, Any]:
    """The session for a profile, and the keyring status the key lookup found (or None)."""
    from spikon_tui.key_home import lookup_key_for

    profile = config.profile(profile_name)
    lookup = lookup_key_for(profile_name, base_url, profile.base_url)
    session = Session(
        profile=profile_name,
        base_url=base_url,
        api_key=lookup.key,
        key_source=lookup.source.value,
        notes=list(lookup.notes),
        preferences=_preferences_of(config, profile),
        save_preferences=_saver(config, profile),
        data_dir=profile_data_dir(profile_name),
    )
    return session, lookup.keyring


def alert_channel_options(profile: ProfileConfig, args: Any = None, *, demo: bool = False):
    """The alert channels to use (`spikon_tui.alerting.AlertOptions`): flags beat the profile.

    With ``demo`` the profile's channels are left out (a demo must not page the
    person on call); channels given as flags still apply, to try a receiver out.
    """
    from spikon_tui.alerting.options import AlertOptionError, alert_options

    settings = {} if demo else profile.alert_settings()
    flags = {key: getattr(args, key, None) for key in ALERT_CHANNEL_KEYS} if args else {}
    try:
        return alert_options(settings, flags)
    except AlertOptionError as error:
        raise ConfigError(str(error)) from None


def monitor_options(
    config: AppConfig, profile_name: str, args: Any = None, *, demo: bool = False
) -> Any:
    """How the monitor runs: `spikon-tui monitor`'s options (`args`) over the profile's
    refresh interval, alert rules and alert channels; the profile's alone for a plain
    start (the monitor is then one F4 away)."""
    from spikon_tui.config import validate_refresh_interval
    from spikon_tui.ui.app import MonitorOptions

    profile = config.profile(profile_name)
    refresh = getattr(args, "refresh", None)
    demo = demo or bool(getattr(args, "demo", False))
    return MonitorOptions(
        campaign_ids=list(getattr(args, "campaign_ids", None) or []),
        interval=validate_refresh_interval(
            refresh if refresh is not None else profile.refresh_interval
        ),
        record_path=getattr(args, "record", None),
        read_only=bool(getattr(args, "read_only", False) or getattr(args, "wallboard", False)),
        page_seconds=float(getattr(args, "page_seconds", None) or 10.0),
        alert_table=profile.extra.get("alerts"),
        # A wallboard shows alerts; it does not send them (a served board runs once per page).
        alerting=None
        if getattr(args, "wallboard", False)
        else alert_channel_options(profile, args, demo=demo),
    )


def run_app(
    config: AppConfig,
    profile_name: str,
    base_url: str,
    *,
    demo: bool = False,
    start_mode: str = "account",
    monitor: Any = None,
    read_only: bool = False,
) -> int:
    startup_gc.pause()  # the app resumes it once its first screen shows data
    from spikon_tui.ui.app import SpikonApp

    sandbox = None
    if demo:
        from spikon_tui.cli.demo import start_demo_sandbox

        sandbox = start_demo_sandbox()
        profile = config.profile(profile_name)
        session = Session(
            profile="demo",
            base_url=sandbox.base_url,
            api_key=sandbox.api_key,
            key_source="demo",
            demo=True,
            preferences=_preferences_of(config, profile),
            data_dir=Path(tempfile.mkdtemp(prefix="spikon-demo-")),  # the demo's data dies with it
            read_only=read_only,
        )
        app = SpikonApp(session, start_mode=start_mode, monitor=monitor)
    else:
        session, status = build_session(config, profile_name, base_url)
        session.read_only = read_only
        if read_only and session.api_key is None:
            # A shared, read-only screen never offers to log in: that is done beforehand.
            startup_gc.resume()
            print(
                _(
                    "spikon-tui: profile {profile} has no API key, and a read-only session "
                    "does not ask for one; run 'spikon-tui login' first"
                ).format(profile=repr(profile_name)),
                file=sys.stderr,
            )
            for note in session.notes:
                print(f"  {note}", file=sys.stderr)
            return 2
        keyring_usable, keyring_reason = True, ""
        if session.api_key is None and status is not None:  # no key: the keyring was asked
            keyring_usable, keyring_reason = status.usable, status.reason
        app = SpikonApp(
            session,
            keyring_usable=keyring_usable,
            keyring_reason=keyring_reason,
            store_key=partial(_store_key, config, base_url),
            start_mode=start_mode,
            monitor=monitor,
        )
    try:
        app.run()
    finally:
        startup_gc.resume()
        if sandbox is not None:
            sandbox.stop()
            if session.data_dir is not None:
                shutil.rmtree(session.data_dir, ignore_errors=True)
    return app.return_code or 0


def _store_key(config: AppConfig, base_url: str, profile: str, key: str, where: str):
    """Store the key the login screen checked against `base_url`, and make that the
    profile's address (`spikon_tui.key_home`); returns `StoreResult` (where the key went)."""
    from spikon_tui.credentials import Storage, store_key

    result = store_key(profile, key, Storage(where))
    config.profile(profile).base_url = base_url
    with contextlib.suppress(OSError):  # a read-only config folder: the address lasts this run
        save_config(config)
    return result
