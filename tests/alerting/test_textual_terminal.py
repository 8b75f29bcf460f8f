"""The terminal channel through a real Textual app in a real pseudo-terminal.

The app passes `spikon_tui.ui.terminal_writer.terminal_writer(app)`, which
writes through ``app._driver.write`` (Textual has no public way to write an
escape sequence; `App.bell` and `App.copy_to_clipboard` use the driver the same
way). This test runs a minimal Textual app under a pty, sends one alert through
that writer while the app is drawing, and reads the terminal's bytes:
the OSC sequences must arrive whole, in the order written, never split by a
frame. If a Textual upgrade renames or reroutes the driver, this fails.
"""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

PROBE = r"""
from textual.app import App
from textual.widgets import Static

from spikon_tui.alerting import AlertOptions, channels_from
from spikon_tui.ui.terminal_writer import terminal_writer

ALERT = {"event": "raised", "campaign": "Infolinia", "campaign_id": 1}


class Probe(App):
    def compose(self):
        yield Static("x" * 2000)

    def on_mount(self):
        channels = channels_from(
            AlertOptions(notify_terminal="both"),
            write=terminal_writer(self),
            environ={"TMUX": "/tmp/tmux-1/default,1,0"},
        )
        assert channels.send(ALERT, "SPIKON: Infolinia", "0 free; agents\x1b[31m red")
        self.set_timer(0.3, self.exit)


Probe().run()
"""


def run_in_pty(code: str, deadline: float = 30.0) -> bytes:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    env.pop("TMUX", None)
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    output = bytearray()
    end = time.monotonic() + deadline
    try:
        while time.monotonic() < end:
            ready, _w, _x = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
            elif process.poll() is not None:
                break
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)
        os.close(master)
    assert process.returncode == 0, output.decode("utf-8", "replace")[-2000:]
    return bytes(output)


def test_the_sequences_reach_the_terminal_whole_through_textuals_driver() -> None:
    output = run_in_pty(PROBE)
    osc777 = b"\x1bPtmux;\x1b\x1b]777;notify;SPIKON: Infolinia;0 free, agents [31m red\x07\x1b\\"
    osc9 = b"\x1bPtmux;\x1b\x1b]9;SPIKON: Infolinia: 0 free, agents [31m red\x07\x1b\\"
    assert osc777 + osc9 in output
    assert output.count(b"]777;") == 1 and output.count(b"]9;") == 1
