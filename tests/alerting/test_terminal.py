"""The terminal channel: OSC 777 / OSC 9 bytes, tmux passthrough, sanitizing, failures."""

from __future__ import annotations

import unicodedata

import pytest

from spikon_tui.alerting.channels import channels_from
from spikon_tui.alerting.options import AlertOptions
from spikon_tui.alerting.terminal import (
    BODY_LENGTH,
    TITLE_LENGTH,
    TerminalChannel,
    clean_field,
    notification,
    osc9,
    osc777,
    tmux_passthrough,
)


def test_osc777_is_the_rxvt_notify_sequence() -> None:
    assert osc777("SPIKON", "Infolinia: 4 waiting") == (
        "\x1b]777;notify;SPIKON;Infolinia: 4 waiting\x07"
    )


def test_osc9_has_one_field() -> None:
    assert osc9("SPIKON", "4 waiting") == "\x1b]9;SPIKON: 4 waiting\x07"
    assert osc9("", "4 waiting") == "\x1b]9;4 waiting\x07"


def test_tmux_passthrough_doubles_every_escape() -> None:
    wrapped = tmux_passthrough("\x1b]9;hi\x07")
    assert wrapped == "\x1bPtmux;\x1b\x1b]9;hi\x07\x1b\\"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "\x1b]777;notify;T;B\x07"),
        ({"LC_TERMINAL": "iTerm2"}, "\x1b]9;T: B\x07"),
        ({"TERM_PROGRAM": "iTerm.app"}, "\x1b]9;T: B\x07"),
        ({"TMUX": "/tmp/tmux-1000/default,123,0"}, "\x1bPtmux;\x1b\x1b]777;notify;T;B\x07\x1b\\"),
    ],
)
def test_auto_style_follows_the_environment(environ: dict[str, str], expected: str) -> None:
    assert notification("T", "B", "auto", environ) == expected


def test_both_styles_are_sent_and_each_wrapped_in_tmux() -> None:
    text = notification("T", "B", "both", {"TMUX": "x"})
    assert text == (
        "\x1bPtmux;\x1b\x1b]777;notify;T;B\x07\x1b\\" + "\x1bPtmux;\x1b\x1b]9;T: B\x07\x1b\\"
    )


def test_control_characters_and_semicolons_cannot_break_out() -> None:
    hostile = "a;b\x1b]52;c;ZXZpbA==\x07c\nd\x9de\u2028f\x00"
    sequence = osc777(hostile, hostile)
    inner = sequence.removeprefix("\x1b]777;notify;").removesuffix("\x07")
    assert inner.count(";") == 1  # only the separator between title and body
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in inner)
    assert "\u2028" not in inner
    assert clean_field(hostile, 100) == "a,b ]52,c,ZXZpbA== c d e f"


def test_fields_are_capped() -> None:
    title = clean_field("T" * 500, TITLE_LENGTH)
    body = clean_field("word " * 200, BODY_LENGTH)
    assert len(title) == TITLE_LENGTH and title.endswith("…")
    assert len(body) <= BODY_LENGTH and body.endswith("…")


def test_the_channel_writes_through_the_given_function(alert: dict[str, object]) -> None:
    written: list[str] = []
    channels = channels_from(
        AlertOptions(notify_terminal="osc777"), write=written.append, environ={}
    )
    assert channels.send(alert, "SPIKON: Infolinia", str(alert["reason"]))
    assert written == [
        "\x1b]777;notify;SPIKON: Infolinia;0 free agents, 4 waiting, longest 1:02 > 20 s\x07"
    ]
    assert channels.take_problems() == []


def test_without_a_writer_the_terminal_channel_is_off(alert: dict[str, object]) -> None:
    channels = channels_from(AlertOptions(notify_terminal="auto"), write=None)
    assert not channels.active
    assert not channels.send(alert, "t", "b")


def test_a_failing_writer_is_reported_not_raised() -> None:
    problems: list[str] = []

    def broken(_text: str) -> None:
        raise OSError("terminal gone")

    TerminalChannel(broken, "osc9", report=problems.append, environ={}).send("t", "b")
    assert len(problems) == 1 and "terminal gone" in problems[0]


def test_no_text_can_end_or_extend_the_sequence() -> None:
    import random

    alphabet = [chr(c) for c in range(0x00, 0xA0)] + ["\u2028", "\u2029", "ż", "🙂", ";", "\\"]
    rng = random.Random(11)
    for _attempt in range(500):
        title = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        for sequence in (osc777(title, body), osc9(title, body)):
            inner = sequence[2:-1]  # between ESC ] and the final BEL
            assert not any(unicodedata.category(c) in {"Cc", "Zl", "Zp"} for c in inner)
            assert inner.count(";") == (3 if sequence.startswith("\x1b]777") else 1)
            assert len(inner) <= len("777;notify;;") + TITLE_LENGTH + BODY_LENGTH


def test_the_api_key_never_reaches_the_terminal(alert: dict[str, object]) -> None:
    from .conftest import API_KEY

    written: list[str] = []
    channels = channels_from(
        AlertOptions(notify_terminal="osc9"), write=written.append, secrets=[API_KEY], environ={}
    )
    channels.send(alert, f"key {API_KEY}", f"body {API_KEY}")
    assert written == ["\x1b]9;key ***: body ***\x07"]
