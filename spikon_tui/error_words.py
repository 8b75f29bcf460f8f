"""The one wording of a failure, wherever the app shows or records it.

`describe_error` is used by every screen (through `spikon_tui.ui.errors`), by the
monitor's poll health and record (`spikon_tui.monitor.freshness` re-exports it) and
by anything else that has to put a failure into words. A SPIKON error says itself
what happened and what to do (`spikon_error_words`): the monitor's freshness line, a
toast and a dialog all show exactly the client's sentence. No Textual here, and
nothing of the monitor: the monitor imports this module, not the other way round.
"""

from __future__ import annotations

from spikon_tui.api.errors import ERROR_NAMES, SpikonError, error_class_for
from spikon_tui.credentials import CredentialError
from spikon_tui.i18n import _


def error_code(error: object) -> int | None:
    """The SPIKON error id an exception carries (`SpikonError.code`), if any."""
    code = getattr(error, "code", None)
    return code if isinstance(code, int) and not isinstance(code, bool) else None


def spikon_error_words(error: object) -> str | None:
    """The one wording of a SPIKON error; None for other failures.

    A `SpikonError` says itself what happened and what to do (its class's summary, the
    server's detail, "[SPIKON error -3: Unknown API key]"), on one line. Anything else
    carrying a SPIKON `code` is worded as the client would word that code.
    """
    if isinstance(error, SpikonError):
        return " ".join(str(error).split()) or None
    code = error_code(error)
    if code is None:
        return None
    return str(error_class_for(code)(code=code, name=ERROR_NAMES.get(code)))


def describe_error(error: object, *, report_bugs: bool = False) -> str:
    """A failure as one line a person can act on.

    - a SPIKON error (or anything with its `code`): `spikon_error_words`;
    - a key that could not be stored (`CredentialError`): why, as a sentence;
    - any other failure: its own text on one line, else its type's name (a text as
      given, "unknown error" when empty). With `report_bugs` (the screens: a toast or a
      dialog, `spikon_tui.ui.errors`), an exception that is neither a SPIKON error nor
      an `OSError` is a bug in spikon-tui, and the words say so and ask for a report
      instead of showing Python's own message.
    """
    words = spikon_error_words(error)
    if words is not None:
        return words
    if isinstance(error, CredentialError):
        text = str(error).rstrip(".")
        return _("The API key could not be stored: {reason}.").format(reason=text)
    if report_bugs and not isinstance(error, str | SpikonError | OSError):
        return _("Something went wrong inside spikon-tui ({kind}). Please report it.").format(
            kind=type(error).__name__
        )
    text = str(error).strip()
    if not isinstance(error, str) and not text:
        text = type(error).__name__
    return " ".join(text.split()) or _("unknown error")
