"""The sandbox's account: money, phone accounts, books, history, SMS, TTS and the call center.

Everything is generated from the seed and read with the injected clock, so the
same seed and the same clock readings give the same account. One lock guards
it all: the server holds `lock` while a handler runs, and the helpers below
that tests use to arrange a scene take it too.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from spikon_tui.sandbox.accounts import PhoneAccount, generate_phone_accounts
from spikon_tui.sandbox.callcenter import CallCenter
from spikon_tui.sandbox.clock import local_date
from spikon_tui.sandbox.errors import not_found
from spikon_tui.sandbox.history import DIRECTION_BOTH, CallHistory, ReportFilter
from spikon_tui.sandbox.messages import Outbox
from spikon_tui.sandbox.phonebooks import PhoneBooks
from spikon_tui.sandbox.simulation import Simulation
from spikon_tui.sandbox.speech import Announcements

_STARTING_ANNOUNCEMENTS = (
    ("Powitanie", "Ewa", "Dzień dobry, dodzwoniłeś się do naszej firmy. Proszę czekać na "
     "połączenie z konsultantem."),
    ("Poza godzinami pracy", "Jacek", "Biuro jest czynne od poniedziałku do piątku w godzinach "
     "od ósmej do szesnastej. Zapraszamy w godzinach pracy."),
)  # fmt: skip


class SandboxState:
    def __init__(
        self,
        *,
        seed: int,
        contacts: int,
        calls: int,
        agents: int,
        campaigns: int,
        generation_delay: float,
        clock: Callable[[], float],
    ) -> None:
        self.lock = threading.RLock()
        self.clock = clock
        self.generation_delay = generation_delay
        now = clock()
        self.started_at = now
        self._rng = random.Random(f"{seed}/account")
        self.balance = Decimal(self._rng.randint(15_000, 40_000)) / 100
        self.phone_accounts: tuple[PhoneAccount, ...] = generate_phone_accounts(self._rng)
        self.books = PhoneBooks.generate(random.Random(f"{seed}/books"), contacts)
        self.history = CallHistory(random.Random(f"{seed}/history"), self.phone_accounts)
        self.history.add_random_calls(calls, now, self.books.all_numbers())
        self.outbox = Outbox()
        self.announcements = Announcements()
        for name, voice, text in _STARTING_ANNOUNCEMENTS:
            self.announcements.add(name, voice, text, ready_at=now - 86400)
        self.call_center = CallCenter.generate(random.Random(f"{seed}/agents"), agents, campaigns)
        self.simulation = Simulation(self.call_center, random.Random(f"{seed}/calls"), now)
        self._order_starting_report(now)

    def _order_starting_report(self, now: float) -> None:
        """A report ordered yesterday for the week before, already generated."""
        yesterday = now - 86400
        last_day = local_date(yesterday)
        wanted = ReportFilter(DIRECTION_BOTH, last_day - timedelta(days=7), last_day, False, "")
        self.history.order(wanted, yesterday, 0.0)

    def phone_account(self, account_id: int) -> PhoneAccount:
        for account in self.phone_accounts:
            if account.id == account_id:
                return account
        raise not_found("phone account", account_id)

    def charge(self, amount: Decimal) -> None:
        self.balance -= amount

    # Helpers for tests and benchmarks (thread-safe).

    def set_balance(self, amount: Decimal | str) -> None:
        with self.lock:
            self.balance = Decimal(amount)

    def add_call_history(self, count: int) -> None:
        """`count` more seeded calls over the last 90 days (e.g. for a 50,000-row report)."""
        with self.lock:
            self.history.add_random_calls(count, self.clock(), self.books.all_numbers())

    def reset_cc_counters(self, campaign_id: int) -> None:
        """What a supervisor's "reset statistics" does: answered, unanswered, averages, SLA."""
        with self.lock:
            self.simulation.advance(self.clock())
            self.call_center.reset_counters(campaign_id)
