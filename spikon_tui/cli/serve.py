"""`spikon-tui serve`: the wallboard (or the whole app, read-only) in a web browser.

textual-serve runs a command once per page opened and streams that process's
screen to the page. So each open page is one `spikon-tui` process with its own
poller: two pages poll SPIKON twice as often as one (the README gives the cost,
`tests/benchmarks/test_serve_bench.py` measures it).

What a page can reach, and what it cannot:

- The command each page runs is built here, from this command's options; a
  page chooses nothing but its size. It is always read-only (the client
  refuses every state-changing method) and, for the wallboard, sends no alert
  to the profile's channels (every open page would send each alert again).
- The API key stays in this machine: each served process finds it as
  `spikon-tui` does (environment, keyring, key file). It is never on a
  command line, and neither the wallboard nor the read-only app shows it.
- A profile with no key is refused before anything is served, so no page can
  ever show the login screen.
- The server listens on 127.0.0.1 unless `--host` names another address; it
  then warns that anyone who can reach the port sees the board.
"""

from __future__ import annotations

import argparse
import shlex
import socket
import sys
from typing import Any

from spikon_tui.api.endpoint import is_loopback
from spikon_tui.i18n import _, current_language

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
_WILDCARD_HOSTS = ("0.0.0.0", "::", "")


def add_serve_arguments(serve: argparse.ArgumentParser) -> None:
    serve.add_argument(
        "campaign_ids",
        nargs="*",
        type=int,
        metavar="CAMPAIGN_ID",
        help=_("campaigns on the board (default: all)"),
    )
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=_(
            "address to listen on (default: 127.0.0.1, this computer only); another "
            "address lets anyone who can reach the port see the board"
        ),
    )
    serve.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=_("port (default: {port}; 0 picks a free one)").format(port=DEFAULT_PORT),
    )
    serve.add_argument(
        "--public-url",
        metavar="URL",
        help=_("the address browsers use to reach this server (default: http://HOST:PORT)"),
    )
    serve.add_argument(
        "--app",
        action="store_true",
        help=_("serve the whole app, read-only, instead of the wallboard"),
    )
    serve.add_argument(
        "--refresh",
        type=float,
        metavar="SECONDS",
        help=_("seconds between polls (default 5, from the profile; at least 1)"),
    )
    serve.add_argument(
        "--page-seconds",
        type=float,
        metavar="SECONDS",
        help=_("seconds before the board turns to its next page of campaigns"),
    )
    serve.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS,
        help=_("serve the demo sandbox's call center (no key, no network)"),
    )


def page_command(args: Any, profile: str) -> list[str]:
    """The command each page runs: `spikon-tui ... --read-only`, from this command's options."""
    command = [sys.executable, "-m", "spikon_tui", "--lang", current_language()]
    command += ["--profile", profile]
    if getattr(args, "base_url", None):
        command += ["--base-url", args.base_url]
    if getattr(args, "demo", False):
        command.append("--demo")
    if args.app:
        return [*command, "--read-only"]
    command += ["monitor", "--wallboard", "--read-only"]
    if args.refresh is not None:
        command += ["--refresh", str(args.refresh)]
    if args.page_seconds is not None:
        command += ["--page-seconds", str(args.page_seconds)]
    return command + [str(campaign) for campaign in args.campaign_ids]


def free_port(host: str) -> int:
    """A port nobody listens on now (textual-serve needs the number before it listens)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def public_url(host: str, port: int, given: str | None) -> str:
    if given:
        return given.rstrip("/")
    shown = socket.gethostname() if host in _WILDCARD_HOSTS else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def run_serve(args: Any, profile: str, has_key: bool) -> int:
    """Serve until Ctrl+C; 2 for bad options or a profile with no key."""
    demo = bool(getattr(args, "demo", False))
    if not demo and not has_key:
        print(
            _(
                "spikon-tui serve: profile {profile} has no API key; run "
                "'spikon-tui login' first (a served page never asks for one)"
            ).format(profile=repr(profile)),
            file=sys.stderr,
        )
        return 2
    try:
        from spikon_tui.cli.wallboard_server import WallboardServer
    except ImportError:
        print(
            _("spikon-tui serve needs textual-serve: pip install 'spikon-tui[serve]'"),
            file=sys.stderr,
        )
        return 2
    host = args.host
    try:
        port = free_port(host) if args.port == 0 else args.port
    except OSError as error:
        print(
            _("spikon-tui serve: cannot listen on {host}: {reason}").format(
                host=host, reason=error.strerror or error
            ),
            file=sys.stderr,
        )
        return 2
    url = public_url(host, port, args.public_url)
    if not is_loopback(host):
        print(
            _(
                "Warning: listening on {host}, not this computer only: anyone who can "
                "reach port {port} sees the board."
            ).format(host=host or "*", port=port),
            file=sys.stderr,
        )
    server = WallboardServer(
        shlex.join(page_command(args, profile)), host=host, port=port, public_url=url
    )
    server.serve()
    return 0
