"""The options of `spikon-tui sandbox`, kept apart from the server so parsing them is cheap."""

from __future__ import annotations

import argparse

from spikon_tui.sandbox.config import SandboxConfig


def add_sandbox_arguments(parser: argparse.ArgumentParser) -> None:
    defaults = SandboxConfig()
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    parser.add_argument(
        "--port", type=int, default=8080, help="port (default: %(default)s; 0 picks one)"
    )
    parser.add_argument(
        "--api-key", default=None, help="the account's API key (default: generated from the seed)"
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=defaults.seed,
        help="seed of the generated account (default: %(default)s)",
    )
    parser.add_argument(
        "--contacts",
        type=int,
        default=defaults.contacts,
        help="entries in the main phone book (default: %(default)s)",
    )
    parser.add_argument(
        "--calls",
        type=int,
        default=defaults.calls,
        help="calls in the 90-day history (default: %(default)s)",
    )
    parser.add_argument(
        "--agents",
        type=int,
        default=defaults.agents,
        help="Call Center agents (default: %(default)s)",
    )
    parser.add_argument(
        "--campaigns",
        type=int,
        default=defaults.campaigns,
        help="Call Center campaigns (default: %(default)s)",
    )
    parser.add_argument(
        "--generation-delay",
        type=float,
        default=defaults.generation_delay,
        metavar="SECONDS",
        help="seconds until a report or announcement is generated (default: %(default)s)",
    )
    parser.add_argument(
        "--latency",
        type=int,
        default=0,
        metavar="MS",
        help="milliseconds to wait before every answer (default: %(default)s)",
    )
    parser.add_argument(
        "--whitelist",
        default="",
        metavar="IP,...",
        help="comma-separated caller addresses allowed (default: everyone)",
    )
