"""The `spikon-tui sandbox` command: serve an offline SPIKON API until Ctrl+C."""

from __future__ import annotations

import argparse
import ipaddress
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import TypeAlias

from spikon_tui.sandbox.arguments import add_sandbox_arguments
from spikon_tui.sandbox.config import SandboxConfig
from spikon_tui.sandbox.server import Sandbox

__all__ = ["add_sandbox_arguments", "run_sandbox"]

# What `signal.signal` returns and takes: a function, SIG_DFL / SIG_IGN, or None
# (a handler not set from Python).
_SignalHandler: TypeAlias = Callable[[int, FrameType | None], object] | int | signal.Handlers | None


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


def _stop_on_sigterm(stopped: threading.Event) -> _SignalHandler:
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
