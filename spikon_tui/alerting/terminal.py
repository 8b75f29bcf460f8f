"""Desktop notifications through the terminal: OSC 777 and OSC 9, wrapped for tmux.

Sequences (ESC = \\x1b, BEL = \\x07)::

    OSC 777:  ESC ] 777 ; notify ; TITLE ; BODY BEL   (urxvt, foot, Ghostty, WezTerm...)
    OSC 9:    ESC ] 9 ; TITLE: BODY BEL               (iTerm2, Ghostty, WezTerm...)

The terminal emulator shows them, so they reach the desktop through SSH as
they are. Inside tmux ($TMUX set) each sequence is wrapped for passthrough,
``ESC P tmux; <sequence with every ESC doubled> ESC \\``, which tmux forwards
only with ``set -g allow-passthrough on``. A terminal that knows neither
sequence ignores it.

Style "auto" (``notify_terminal = true``) picks OSC 9 in iTerm2 (its
``LC_TERMINAL=iTerm2`` survives SSH; ``TERM_PROGRAM=iTerm.app`` locally) and
OSC 777 elsewhere; "both" sends both, which shows two notifications in
terminals that know both.

Text is made harmless: control characters (C0, DEL, C1 including ESC, BEL and
ST) and line breaks become spaces, ``;`` becomes ``,`` (it separates OSC 777's
fields, and ``9;4;...`` would be read as a progress bar), whitespace is
collapsed, and the title and body are cut to `TITLE_LENGTH` / `BODY_LENGTH`.

The channel does not know how to reach the terminal: the UI gives it a
function that writes a string there (Textual's driver), called on the caller's
thread when `TerminalChannel.send` is.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Mapping

from spikon_tui.i18n import _

ESC, BEL = "\x1b", "\x07"
TITLE_LENGTH = 64
BODY_LENGTH = 240
_BREAKING = {"Cc", "Zl", "Zp"}
"""Control characters, line and paragraph separators."""


def clean_field(text: str, limit: int) -> str:
    """``text`` safe inside an OSC field: no controls, no ``;``, one line, at most ``limit``."""
    kept = (" " if unicodedata.category(c) in _BREAKING else c for c in str(text))
    flat = " ".join("".join(kept).replace(";", ",").split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def osc777(title: str, body: str) -> str:
    return (
        f"{ESC}]777;notify;{clean_field(title, TITLE_LENGTH)};{clean_field(body, BODY_LENGTH)}{BEL}"
    )


def osc9(title: str, body: str) -> str:
    """OSC 9 has one field: "TITLE: BODY"."""
    title = clean_field(title, TITLE_LENGTH)
    body = clean_field(body, BODY_LENGTH)
    text = f"{title}: {body}" if title and body else title or body
    return f"{ESC}]9;{text}{BEL}"


def tmux_passthrough(sequence: str) -> str:
    """The sequence wrapped for tmux's passthrough: every ESC doubled inside a DCS."""
    return f"{ESC}Ptmux;" + sequence.replace(ESC, ESC + ESC) + f"{ESC}\\"


def resolve_style(style: str, environ: Mapping[str, str]) -> tuple[str, ...]:
    """The sequences to send for a style: "auto" guesses from the environment."""
    if style == "both":
        return ("osc777", "osc9")
    if style == "auto":
        iterm = environ.get("LC_TERMINAL") == "iTerm2" or environ.get("TERM_PROGRAM") == (
            "iTerm.app"
        )
        return ("osc9",) if iterm else ("osc777",)
    return (style,)


def notification(title: str, body: str, style: str, environ: Mapping[str, str]) -> str:
    """The whole string to write for one notification (wrapped for tmux if $TMUX is set)."""
    build = {"osc777": osc777, "osc9": osc9}
    sequences = [build[name](title, body) for name in resolve_style(style, environ)]
    if environ.get("TMUX"):
        sequences = [tmux_passthrough(sequence) for sequence in sequences]
    return "".join(sequences)


class TerminalChannel:
    """Writes a notification through ``write`` (the UI's way to the terminal)."""

    def __init__(
        self,
        write: Callable[[str], None],
        style: str = "auto",
        *,
        report: Callable[[str], None] | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self._write = write
        self.style = style
        self._report = report
        self._environ = os.environ if environ is None else environ

    def send(self, title: str, body: str) -> None:
        try:
            self._write(notification(title, body, self.style, self._environ))
        except Exception as error:  # noqa: BLE001 - reported; polling goes on
            if self._report is not None:
                self._report(
                    _("desktop notification failed: {error}").format(
                        error=f"{type(error).__name__}: {error}"
                    )
                )
