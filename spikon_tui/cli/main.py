"""The `spikon-tui` command: parses the command line and hands off to the right part.

`--profile`, `--base-url` and `--lang` work before or after any subcommand. The
interface language is chosen (`--lang`, then the config file, then the locale)
before any UI module is imported. A first guess from the same sources (the
config file read on a best-effort basis) is set before the parser is built, so
our help texts and the configuration's error messages speak it too; argparse's
own words ("usage:", "options:") stay English. Heavy imports
(Textual, httpx, the sandbox) happen inside the subcommand that needs them, so
`spikon-tui --help` and start-up stay quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from spikon_tui import __version__
from spikon_tui.i18n import LANGUAGES, _, language_code, resolve_language, set_language


def _language(value: str) -> str:
    code = language_code(value)
    if code is None:
        raise argparse.ArgumentTypeError(
            _("unknown language {value}: choose {choices}").format(
                value=repr(value), choices=_(" or ").join(LANGUAGES)
            )
        )
    return code


def _global_options(parser: argparse.ArgumentParser, *, in_subcommand: bool) -> None:
    default = argparse.SUPPRESS if in_subcommand else None
    parser.add_argument(
        "--profile",
        metavar="NAME",
        default=default,
        help=_("the SPIKON account to use (several can live side by side; default: default)"),
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        default=default,
        help=_("the API address (https, or http on loopback only); default from the profile"),
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        type=_language,
        default=default,
        help=_("the interface language: en or pl (default: the config file, then the locale)"),
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        default=argparse.SUPPRESS if in_subcommand else False,
        help=_(
            "change nothing and spend nothing: every such request is refused before it "
            "is sent (also read_only = true in the profile)"
        ),
    )


def _checked(validate, convert=str):
    """An argparse type: ``convert`` then ``validate``, whose worded error argparse reports."""
    from spikon_tui.alerting.options import AlertOptionError

    def check(value: str):
        try:
            converted = convert(value)
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("{value} is not a number").format(value=repr(value))
            ) from None
        try:
            validate(converted)
        except AlertOptionError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
        return converted

    return check


def _alert_delivery_options(monitor: argparse.ArgumentParser) -> None:
    """The monitor's alert channels (``spikon_tui.alerting.options``); they beat the profile."""
    from spikon_tui.alerting import options

    monitor.add_argument(
        "--notify-terminal",
        nargs="?",
        const="auto",
        metavar="STYLE",
        type=_checked(options.validate_notify_terminal),
        help=_(
            "alerts as desktop notifications through the terminal (works over SSH; in tmux "
            "needs 'set -g allow-passthrough on'); STYLE: auto, osc777, osc9, both or off"
        ),
    )
    monitor.add_argument(
        "--on-alert",
        metavar="COMMAND",
        type=_checked(options.validate_on_alert),
        help=_(
            "run COMMAND for each alert, its JSON on standard input; split like a shell "
            "line but run without a shell; {title}, {body}, {campaign}... are filled in; "
            "'' switches off the profile's"
        ),
    )
    monitor.add_argument(
        "--on-alert-timeout",
        metavar="SECONDS",
        type=_checked(options.validate_on_alert_timeout, float),
        help=_("stop the --on-alert command after SECONDS (default 10)"),
    )
    monitor.add_argument(
        "--webhook",
        metavar="URL",
        type=_checked(options.validate_webhook),
        help=_(
            "POST each alert's JSON to URL (https, or http on this machine only), retried; "
            "'' switches off the profile's"
        ),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spikon-tui",
        description=_("A terminal dashboard for the SPIKON telecom platform."),
    )
    parser.add_argument("--version", action="version", version=f"spikon-tui {__version__}")
    _global_options(parser, in_subcommand=False)
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("run against an in-process sandbox with realistic data: no key, no network"),
    )
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")

    login = subcommands.add_parser(
        "login",
        help=_("check an API key and store it (hidden prompt, or standard input)"),
        description=_(
            "Read an API key (hidden prompt, or one line of standard input when that "
            "is not a terminal), check it with SPIKON, and store it for the profile."
        ),
    )
    _global_options(login, in_subcommand=True)
    login.add_argument(
        "--store",
        choices=("keyring", "file", "session"),
        help=_(
            "where to keep the key: keyring (default), file (NOT encrypted, opt-in), "
            "or session (check it only, store nothing)"
        ),
    )

    logout = subcommands.add_parser(
        "logout", help=_("forget the profile's API key (keyring and key file)")
    )
    _global_options(logout, in_subcommand=True)

    monitor = subcommands.add_parser(
        "monitor",
        help=_("open straight into the live Call Center monitor (for a tmux pane)"),
        description=_("The live Call Center monitor: all campaigns, or the ones named."),
    )
    _global_options(monitor, in_subcommand=True)
    monitor.add_argument(
        "campaign_ids",
        nargs="*",
        type=int,
        metavar="CAMPAIGN_ID",
        help=_("campaigns to watch (default: all); one id opens its detail view"),
    )
    monitor.add_argument(
        "--refresh",
        type=float,
        metavar="SECONDS",
        help=_("seconds between polls (default 5, from the profile; at least 1)"),
    )
    monitor.add_argument(
        "--record", metavar="FILE", help=_("append every poll to FILE as one JSON line")
    )
    monitor.add_argument(
        "--wallboard",
        action="store_true",
        help=_("big figures per campaign for a wall screen (always read-only)"),
    )
    monitor.add_argument(
        "--page-seconds",
        type=float,
        metavar="SECONDS",
        default=10.0,
        help=_("wallboard: seconds before it turns to the next page of campaigns (default 10)"),
    )
    monitor.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS,
        help=_("watch the demo sandbox's call center (no key, no network)"),
    )
    _alert_delivery_options(monitor)

    serve = subcommands.add_parser(
        "serve",
        help=_("show the wallboard (or the app, read-only) in a web browser"),
        description=_(
            "Serve the wallboard to web browsers with textual-serve: each open page runs "
            "its own read-only spikon-tui. Listens on 127.0.0.1 unless --host says otherwise."
        ),
    )
    _global_options(serve, in_subcommand=True)
    from spikon_tui.cli.serve import add_serve_arguments

    add_serve_arguments(serve)

    sandbox = subcommands.add_parser(
        "sandbox",
        help=_("serve an offline SPIKON API (the documented API, with a living demo account)"),
        description=_("Serve an offline SPIKON API at http://HOST:PORT/api/ until Ctrl+C."),
    )
    _global_options(sandbox, in_subcommand=True)
    from spikon_tui.sandbox.arguments import add_sandbox_arguments

    add_sandbox_arguments(sandbox)

    from spikon_tui.cli.scripts.commands import add_script_commands

    add_script_commands(subcommands, lambda sub: _global_options(sub, in_subcommand=True))
    return parser


def _early_language_option(argv: Sequence[str]) -> str | None:
    """The value of `--lang` in raw arguments (before argparse has read them), if any."""
    for position, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == "--lang" and position + 1 < len(argv):
            return argv[position + 1]
        if argument.startswith("--lang="):
            return argument.removeprefix("--lang=")
    return None


def _set_early_language(argv: Sequence[str]) -> None:
    """Guess the language before the parser is built; `main` decides it for good later."""
    from spikon_tui.config import ConfigError, load_config

    try:
        config_language = load_config().language
    except ConfigError:
        config_language = None  # main reports the broken file, in the guessed language
    set_language(resolve_language(_early_language_option(argv), config_language, os.environ))


def main(argv: Sequence[str] | None = None) -> int:
    _set_early_language(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "sandbox":
        from spikon_tui.sandbox.command import run_sandbox

        return run_sandbox(args)

    from spikon_tui.config import ConfigError, load_config, resolve_profile

    try:
        config = load_config()
        profile, base_url = resolve_profile(args.profile, args.base_url, config)
    except ConfigError as error:
        print(f"spikon-tui: {error}", file=sys.stderr)
        return 2
    set_language(resolve_language(args.lang, config.language, os.environ))

    if args.command == "login":
        from spikon_tui.cli.login import run_login

        return run_login(profile, base_url, _key_checker(base_url), storage_choice=args.store)
    if args.command == "logout":
        from spikon_tui.cli.login import run_logout

        return run_logout(profile)
    if args.command == "serve":
        from spikon_tui.cli.serve import run_serve
        from spikon_tui.key_home import lookup_key_for

        home = config.profile(profile).base_url
        has_key = bool(getattr(args, "demo", False)) or (
            lookup_key_for(profile, base_url, home).key is not None
        )
        return run_serve(args, profile, has_key)
    if args.command in ("books", "call", "balance"):
        from spikon_tui.cli.scripts.commands import run_script

        args.read_only = bool(args.read_only or config.profile(profile).read_only)

        return run_script(args, config, profile, base_url)

    from spikon_tui.cli.launch import monitor_options, run_app

    is_monitor = args.command == "monitor"
    try:  # the monitor is one F4 away in the app too: the profile's options apply there
        options = monitor_options(config, profile, args if is_monitor else None, demo=args.demo)
    except ConfigError as error:
        print(f"spikon-tui{' monitor' if is_monitor else ''}: {error}", file=sys.stderr)
        return 2
    start_mode = "monitor" if is_monitor else "account"
    if is_monitor and args.wallboard:
        start_mode = "wallboard"
    read_only = bool(args.read_only or options.read_only or config.profile(profile).read_only)
    options.read_only = read_only
    return run_app(
        config,
        profile,
        base_url,
        demo=args.demo,
        start_mode=start_mode,
        monitor=options,
        read_only=read_only,
    )


def _key_checker(base_url: str):
    async def check(key: str) -> None:
        from spikon_tui.api.client import SpikonClient

        async with SpikonClient(api_key=key, base_url=base_url) as spikon:
            await spikon.balance_show()

    return check
