"""The `spikon-tui sandbox` command: serve an offline SPIKON API until Ctrl+C."""

from __future__ import annotations

import argparse
import ipaddress
import signal
import sys
import threading
from types import FrameType

from spikon_tui.sandbox.config import SandboxConfig
from spikon_tui.sandbox.server import Sandbox


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


def run_sandbox(args: argparse.Namespace) -> int:
    """Serve until Ctrl+C (or SIGTERM); 0 on a clean stop, 2 on bad settings or a busy port."""
    whitelist = tuple(part.strip() for part in args.whitelist.split(",") if part.strip())
    try:
        config = SandboxConfig(
            host=args.host,
            port=args.port,
            api_key=args.api_key,
            seed=args.seed,
            contacts=args.contacts,
            calls=args.calls,
            agents=args.agents,
            campaigns=args.campaigns,
            generation_delay=args.generation_delay,
            latency_ms=args.latency,
            whitelist=whitelist,
        )
        sandbox = Sandbox(config)
        sandbox.start()
    except (ValueError, OSError) as error:
        print(f"spikon-tui sandbox: {error}", file=sys.stderr)
        return 2
    if not _is_loopback(args.host):
        print(
            f"Warning: listening on {args.host}: other machines can reach this sandbox "
            "and anyone who knows its key can use it.",
            file=sys.stderr,
        )
    print(f"SPIKON sandbox serving {sandbox.base_url}")
    print(f"API key: {sandbox.api_key}")
    print("Press Ctrl+C to stop.", flush=True)
    stopped = threading.Event()
    previous = _stop_on_sigterm(stopped)
    try:
        while not stopped.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    print("Sandbox stopped.")
    return 0


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _stop_on_sigterm(stopped: threading.Event) -> signal.Handlers | None:
    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum: int, frame: FrameType | None) -> None:
        stopped.set()

    return signal.signal(signal.SIGTERM, handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spikon_tui.sandbox", description="Serve an offline SPIKON API."
    )
    add_sandbox_arguments(parser)
    return run_sandbox(parser.parse_args(argv))
