"""A call history order (call_list/order) as the form fills it in, checked before it is sent.

The checks are the client's own (`api.validation`), so the form and the API limits
never drift: direction 0/1/2, start not after end, at most `CALL_LIST_MAX_DAYS`
days apart, an optional number of at most 25 characters. Dates are shown the
interface language's way and may be typed either way (2025-06-09 or 09.06.2025);
they are sent as the API wants them (YYYY-MM-DD).

Dates are SPIKON's: calls are dated in Polish time, so "today" is today in Poland,
whatever the time zone of the computer running the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from spikon_tui.api.validation import (
    CallDirection,
    FieldError,
    check_date_range,
    check_direction,
    check_phone_number,
)
from spikon_tui.formatting import format_date, read_date
from spikon_tui.i18n import N_, _, pgettext

try:
    POLAND: tzinfo = ZoneInfo("Europe/Warsaw")
except ZoneInfoNotFoundError:  # no time zone database (e.g. Windows without tzdata)
    POLAND = UTC

DEFAULT_DAYS = 7
"""The default range: the last 7 days, today included."""

DIRECTION_NAMES: dict[CallDirection, str] = {
    CallDirection.INCOMING: N_("incoming"),
    CallDirection.OUTGOING: N_("outgoing"),
    CallDirection.BOTH: N_("in and out"),
}


@dataclass(frozen=True)
class OrderRequest:
    """What call_list/order is asked for; `number` "" means every number."""

    direction: CallDirection
    date_start: date
    date_end: date
    records_only: bool
    number: str = ""

    def describe(self) -> str:
        """'incoming · 2025-06-09 – 2025-06-15 · number 501234567 · recorded only'
        (Polish dates: 09.06.2025)."""
        direction = DIRECTION_NAMES[self.direction]
        parts = [
            _(direction),
            f"{format_date(self.date_start)} – {format_date(self.date_end)}",
        ]
        if self.number:
            parts.append(_("number {number}").format(number=self.number))
        parts.append(_("recorded only") if self.records_only else _("all calls"))
        return " · ".join(parts)

    def to_json(self) -> dict[str, object]:
        return {
            "dir": int(self.direction),
            "date_start": self.date_start.isoformat(),
            "date_end": self.date_end.isoformat(),
            "with_records_only": int(self.records_only),
            "number": self.number,
        }

    @classmethod
    def from_json(cls, data: object) -> OrderRequest | None:
        """The request saved by `to_json`, or None when `data` is not one."""
        if not isinstance(data, dict):
            return None
        try:
            return check_order(
                data["dir"],
                data["date_start"],
                data["date_end"],
                bool(data["with_records_only"]),
                str(data.get("number") or ""),
            )
        except (KeyError, TypeError, ValueError):
            return None


def today_in_poland(now: float) -> date:
    """The date in Poland at epoch second `now`."""
    return datetime.fromtimestamp(now, POLAND).date()


def default_date_range(now: float, days: int = DEFAULT_DAYS) -> tuple[date, date]:
    """The last `days` days, today (in Poland) included: (today - days + 1, today)."""
    today = today_in_poland(now)
    return today - timedelta(days=days - 1), today


def check_order(
    direction: object, date_start: object, date_end: object, records_only: bool, number: str
) -> OrderRequest:
    """The request exactly as it will be sent; `ValidationError` names the first problem."""
    first, last = check_date_range(date_start, date_end)
    checked_number = check_phone_number(number, "number") if number.strip() else ""
    return OrderRequest(
        direction=CallDirection(check_direction(direction)),
        date_start=first,
        date_end=last,
        records_only=bool(records_only),
        number=checked_number,
    )


def check_typed_date(value: str, parameter: str) -> date:
    """A day as typed in the form: 2025-06-09 or 09.06.2025, whatever the language."""
    day = read_date(value)
    if day is None:
        raise FieldError(
            parameter,
            pgettext(
                "typed date", "{parameter} must be a date written YYYY-MM-DD, like 2024-01-31."
            ),
        )
    return day


def check_start(value: str) -> date:
    """One field on its own: the first day."""
    return check_typed_date(value, "date_start")


def check_end(value: str) -> date:
    """One field on its own: the last day."""
    return check_typed_date(value, "date_end")
