"""Price quotes for the announcement being written: asked once per text and voice, in order.

The form asks for a price a moment after the user stops typing. Answers can
arrive out of order (a slow answer for an older text after a quick one for the
newer text); each request carries a ticket, and only the answer to the latest
ticket may change what the form shows. Every answer is still remembered for
its own text and voice, so going back to an earlier text costs no request.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from spikon_tui.api.models import TtsPrice

REMEMBERED_QUOTES = 64


@dataclass(frozen=True, slots=True)
class PriceRequest:
    voice: str
    text: str
    ticket: int


class PriceQuotes:
    def __init__(self) -> None:
        self._known: OrderedDict[tuple[str, str], TtsPrice] = OrderedDict()
        self._latest_ticket = 0

    def known(self, voice: str, text: str) -> TtsPrice | None:
        price = self._known.get((voice, text))
        if price is not None:
            self._known.move_to_end((voice, text))
        return price

    def ask(self, voice: str, text: str) -> PriceRequest:
        """A request for this text and voice; it supersedes every earlier one."""
        self._latest_ticket += 1
        return PriceRequest(voice, text, self._latest_ticket)

    def is_latest(self, request: PriceRequest) -> bool:
        return request.ticket == self._latest_ticket

    def answered(self, request: PriceRequest, price: TtsPrice) -> bool:
        """Remember the price; True when it answers the latest request (show it)."""
        self._known[(request.voice, request.text)] = price
        self._known.move_to_end((request.voice, request.text))
        while len(self._known) > REMEMBERED_QUOTES:
            self._known.popitem(last=False)
        return self.is_latest(request)
