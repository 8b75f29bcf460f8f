"""Runs our credentials code inside a D-Bus session for test_gnome_keyring.py.

Usage: python gnome_keyring_helper.py status|login|lookup|logout
``login`` reads the key from stdin, accepts it without an API call and stores it
where `run_login` decides by default (the OS keyring). Nothing here prints the
key: ``lookup`` prints its mask.
"""

from __future__ import annotations

import sys

from spikon_tui.cli.login import run_login, run_logout
from spikon_tui.credentials import keyring_status, lookup_key, mask_key

PROFILE = "default"


async def accept(key: str) -> None:
    """Stands in for the API check: every key is good."""


def main(command: str) -> int:
    if command == "status":
        status = keyring_status()
        print(f"usable={status.usable} backend={status.backend} reason={status.reason}")
        return 0
    if command == "login":
        return run_login(PROFILE, "http://127.0.0.1:1/api/", accept)
    if command == "lookup":
        found = lookup_key(PROFILE)
        masked = mask_key(found.key) if found.key else "-"
        print(f"source={found.source.value} key={masked} notes={found.notes}")
        return 0
    if command == "logout":
        return run_logout(PROFILE)
    print(f"unknown command {command!r}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
