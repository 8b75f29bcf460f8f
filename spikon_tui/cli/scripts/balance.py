"""`spikon-tui balance`: the account's funds, in words or as JSON."""

from __future__ import annotations

import argparse
import json

from spikon_tui.cli.scripts.common import ExitCode, open_client, say
from spikon_tui.formatting import format_money


async def show_balance(args: argparse.Namespace, profile: str, base_url: str) -> ExitCode:
    async with open_client(profile, base_url, demo=args.demo, read_only=args.read_only) as client:
        balance = await client.balance_show()
    if args.json:
        say(json.dumps({"balance": str(balance.balance), "currency": "PLN"}))
    else:
        say(format_money(balance.balance))
    return ExitCode.DONE
