"""How figures look on screen: money, counts, sizes, ages, durations and dates, the same
everywhere in the app.

Each function follows the interface language (`spikon_tui.i18n`) at the moment
it is called, so one screen never mixes "6.3 s" with "0,30 zł": money is
"1,234.50 zł" in English and "1 234,50 zł" in Polish (always złoty, the
account's currency); dates are ISO in English ("2025-03-14") and
day.month.year in Polish.
Dates typed by the user (`read_date`) are accepted in either form, whatever the
language. Files and records for other programs (CSV, JSONL, API parameters)
stay ISO: they do not use this module.

`humanize` (with its Polish locale under `--lang pl`) words what it can: sizes
(`format_size`) and "3 minutes ago" (`format_ago`). What it cannot say is
written here, each with its reason in one line.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from types import ModuleType

from spikon_tui.i18n import _, current_language, ngettext

_CENT = Decimal("0.01")
_NBSP = "\u00a0"  # keeps "1 234,50 zł" and "0.30 zł" on one line
_DATE_FORMATS = {"en": "%Y-%m-%d", "pl": "%d.%m.%Y"}
_DAY_MONTH_FORMATS = {"en": "%m-%d", "pl": "%d.%m"}
_TYPED_DATE = re.compile(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"  # 2025-03-14
    r"|([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})"  # 14.03.2025
)
_HUMANIZE_LOCALES = {"pl": "pl_PL"}


def format_money(amount: Decimal) -> str:
    """`Decimal("-1234.5")` -> `"-1,234.50 zł"` (English) or `"-1 234,50 zł"` (Polish)."""
    rounded = amount.quantize(_CENT, rounding=ROUND_HALF_UP)
    if rounded.is_zero():
        rounded = abs(rounded)  # no "-0.00 zł"
    grouped = f"{rounded:,.2f}"  # "-1,234.50": Decimal keeps every digit exact
    if current_language() == "pl":
        grouped = grouped.replace(",", _NBSP).replace(".", ",")
    return f"{grouped}{_NBSP}zł"


def format_count(count: int) -> str:
    """12345 -> "12,345" in English, "12 345" in Polish (a no-break space)."""
    # By hand: humanize 4.17's Polish locale has no thousands separator (it gives "12,345").
    grouped = f"{count:,}"
    return grouped.replace(",", _NBSP) if current_language() == "pl" else grouped


def format_size(size: int) -> str:
    """A file's size: "512 Bytes", "67.2 kB", "1.2 MB" (Polish "1,2 MB")."""
    humanize = _humanize()
    text: str = humanize.naturalsize(max(0, int(size)))
    # humanize 4.17's Polish locale keeps the decimal point: the comma is added here.
    return text.replace(".", ",") if current_language() == "pl" else text


def _humanize() -> ModuleType:
    """humanize, with the locale of the interface language active (imported on first use:
    only some screens need it, and start-up time counts)."""
    import humanize

    locale = _HUMANIZE_LOCALES.get(current_language())
    if locale is None:
        humanize.i18n.deactivate()
    else:
        humanize.i18n.activate(locale)
    return humanize


def format_age(seconds: float) -> str:
    """How long ago something happened, short enough for a status line: `12 s`, `3 min`, `2 h`.

    Polish: `12 s`, `3 min`, `2 godz.`, `3 dni`. The caller words the rest:
    `_("updated {age} ago").format(age=format_age(seconds))`.
    """
    # By hand: humanize words ages only in full ("12 seconds"), too long for a status line.
    seconds = max(0, int(seconds))
    if seconds < 60:
        return _("{count} s").format(count=seconds)
    if seconds < 3600:
        return _("{count} min").format(count=seconds // 60)
    if seconds < 86400:
        return _("{count} h").format(count=seconds // 3600)
    days = seconds // 86400
    return ngettext("{count} d", "{count} d", days).format(count=days)


def format_ago(seconds: float) -> str:
    """A longer "how long ago" in words: "3 minutes ago", Polish "3 minuty temu" (humanize)."""
    text: str = _humanize().naturaltime(max(0.0, float(seconds)))
    return text


def format_duration(seconds: int) -> str:
    """A call's length: `0:42`, `12:05`, `1:02:03` (the same in both languages)."""
    # By hand: a clock-like length for tables; humanize has only words ("42 seconds").
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_date(day: date) -> str:
    """`2025-03-14` in English, `14.03.2025` in Polish."""
    return day.strftime(_DATE_FORMATS.get(current_language(), _DATE_FORMATS["en"]))


def format_datetime(moment: datetime, *, seconds: bool = False) -> str:
    """`2025-03-14 09:05` in English, `14.03.2025 09:05` in Polish (24-hour clock in both)."""
    # No strftime: a call report formats 50,000 of these at once.
    if current_language() == "pl":
        day = f"{moment.day:02d}.{moment.month:02d}.{moment.year:04d}"
    else:
        day = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    if seconds:
        clock += f":{moment.second:02d}"
    return f"{day} {clock}"


def format_recent(moment: datetime, now: datetime) -> str:
    """Short, for a list: `14:05` on the day of `now`, `06-15 14:05` (Polish `15.06 14:05`)
    in its year, the date alone before that."""
    if moment.date() == now.date():
        return moment.strftime("%H:%M")
    if moment.year == now.year:
        day_month = _DAY_MONTH_FORMATS.get(current_language(), _DAY_MONTH_FORMATS["en"])
        return moment.strftime(f"{day_month} %H:%M")
    return format_date(moment)


def read_date(text: str) -> date | None:
    """A date as a person types it, in either language: `2025-03-14` or `14.03.2025`
    (`14.3.2025` too); None when `text` is not one of those or no such day exists."""
    found = _TYPED_DATE.fullmatch(text.strip())
    if found is None:
        return None
    iso_year, iso_month, iso_day, day, month, year = found.groups()
    try:
        if iso_year is not None:
            return date(int(iso_year), int(iso_month), int(iso_day))
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
