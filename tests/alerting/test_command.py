"""on_alert end to end: real child processes get the JSON on stdin, never the API key."""

from __future__ import annotations

import json
import os
import shlex
import sys
import threading
from pathlib import Path

import pytest

from spikon_tui.alerting.channels import channels_from
from spikon_tui.alerting.command import CommandChannel, child_environment, command_words
from spikon_tui.alerting.options import AlertOptions
from spikon_tui.alerting.problems import Problems

from .conftest import API_KEY

WAIT = 20.0
"""Bound for waits on background work (never reached when things work)."""

RECORDER = """\
import json, os, sys, time
out, gate = sys.argv[1], sys.argv[2]
while gate != "-" and not os.path.exists(gate):
    time.sleep(0.01)
record = {"stdin": sys.stdin.read(), "argv": sys.argv[3:], "env": dict(os.environ)}
with open(out, "a", encoding="utf-8") as file:
    file.write(json.dumps(record) + "\\n")
"""


@pytest.fixture
def recorder(tmp_path: Path) -> Path:
    script = tmp_path / "recorder.py"
    script.write_text(RECORDER, encoding="utf-8")
    return script


def command_line(*words: object) -> str:
    return shlex.join([sys.executable, *map(str, words)])


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def environment() -> dict[str, str]:
    return {
        **os.environ,
        "SPIKON_API_KEY": API_KEY,
        "SOMETHING_ELSE": f"prefix-{API_KEY}",
        "HARMLESS": "stays",
    }


def test_the_command_reads_the_alert_on_stdin_without_the_key(
    tmp_path: Path, recorder: Path, alert: dict[str, object]
) -> None:
    out = tmp_path / "out.jsonl"
    on_alert = command_line(recorder, out, "-") + " {campaign} '{level} now' {unknown} {title}"
    channels = channels_from(
        AlertOptions(on_alert=on_alert), secrets=[API_KEY], environ=environment()
    )
    assert channels.send(alert, "SPIKON: Infolinia", "0 free agents")
    assert channels.wait_idle(WAIT)
    [record] = records(out)
    assert json.loads(record["stdin"]) == alert
    assert record["argv"] == ["Infolinia", "alert now", "{unknown}", "SPIKON: Infolinia"]
    assert record["env"]["SPIKON_ALERT_TITLE"] == "SPIKON: Infolinia"
    assert record["env"]["SPIKON_ALERT_BODY"] == "0 free agents"
    assert record["env"]["SPIKON_ALERT_EVENT"] == "raised"
    assert record["env"]["HARMLESS"] == "stays"
    assert "SPIKON_API_KEY" not in record["env"] and "SOMETHING_ELSE" not in record["env"]
    assert API_KEY not in out.read_text(encoding="utf-8")
    assert channels.take_problems() == []
    channels.close()


def test_the_key_is_not_in_the_environment_even_without_secrets_given() -> None:
    env = child_environment({"SPIKON_API_KEY": API_KEY, "PATH": "/bin"}, ())
    assert env == {"PATH": "/bin"}


def test_placeholders_stay_inside_their_word() -> None:
    fields = {"reason": "a b; rm -rf / $(x)\n", "muted": False, "cleared_at": None}
    words = command_words(["notify", "{reason}", "x{muted}y{cleared_at}z"], fields)
    assert words == ("notify", "a b; rm -rf / $(x)", "xfalseyz")


def test_send_returns_while_the_command_still_runs(
    tmp_path: Path, recorder: Path, alert: dict[str, object]
) -> None:
    out, gate = tmp_path / "out.jsonl", tmp_path / "gate"
    channels = channels_from(AlertOptions(on_alert=command_line(recorder, out, gate)))
    channels.send(alert, "t", "b")
    assert channels.command._workers.pending == 1  # still running: send did not wait
    assert not out.exists()
    gate.touch()
    assert channels.wait_idle(WAIT)
    assert len(records(out)) == 1
    channels.close()


def test_a_full_queue_drops_the_oldest_waiting_alert(
    tmp_path: Path, recorder: Path, alert: dict[str, object]
) -> None:
    out, gate = tmp_path / "out.jsonl", tmp_path / "gate"
    problems = Problems()
    channel = CommandChannel(
        shlex.split(command_line(recorder, out, gate, "{campaign}")),
        timeout=WAIT,
        problems=problems,
        max_running=1,
        max_waiting=2,
    )
    started = threading.Event()
    for number in range(5):
        channel.send(b"{}\n", {"campaign": f"c{number}"}, f"c{number}")
        if number == 0:  # let the first one start, so it runs rather than waits
            for _attempt in range(2000):
                if channel._workers.pending == 1 and not channel._workers._waiting:
                    started.set()
                    break
                threading.Event().wait(0.005)
    assert started.is_set()
    texts = problems.take()
    assert len(texts) == 2
    assert "(c1)" in texts[0] and "(c2)" in texts[1]
    gate.touch()
    assert channel.wait_idle(WAIT)
    assert sorted(record["argv"][0] for record in records(out)) == ["c0", "c3", "c4"]
    channel.close()


def test_a_failing_command_is_reported_with_its_last_stderr_line(
    tmp_path: Path, alert: dict[str, object]
) -> None:
    script = tmp_path / "fail.py"
    script.write_text(
        f"import sys\nprint('first', file=sys.stderr)\nprint('bad key {API_KEY}', "
        "file=sys.stderr)\nsys.exit(3)\n",
        encoding="utf-8",
    )
    seen: list[tuple[str, str]] = []
    channels = channels_from(
        AlertOptions(on_alert=command_line(script)),
        secrets=[API_KEY],
        on_problem=lambda text: seen.append((threading.current_thread().name, text)),
    )
    channels.send(alert, "t", "b")
    assert channels.wait_idle(WAIT)
    [text] = channels.take_problems()
    assert "exited with status 3" in text and "bad key ***" in text
    assert "(Infolinia: raised)" in text
    assert API_KEY not in text
    assert seen == [(seen[0][0], text)] and seen[0][0].startswith("spikon-on-alert")
    channels.close()


def test_a_missing_command_is_reported(alert: dict[str, object]) -> None:
    channels = channels_from(AlertOptions(on_alert="no-such-command-spikon-xyz --flag"))
    channels.send(alert, "t", "b")
    assert channels.wait_idle(WAIT)
    [text] = channels.take_problems()
    assert "'no-such-command-spikon-xyz' not found" in text


def test_a_command_past_its_timeout_is_killed_with_what_it_started(
    tmp_path: Path, alert: dict[str, object]
) -> None:
    pids = tmp_path / "pids"
    script = tmp_path / "hang.py"
    script.write_text(
        "import os, subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)'])\n"
        f"open({str(pids)!r}, 'w').write(f'{{os.getpid()}} {{child.pid}}')\n"
        "time.sleep(120)\n",
        encoding="utf-8",
    )
    channels = channels_from(AlertOptions(on_alert=command_line(script), on_alert_timeout=1.0))
    channels.send(alert, "t", "b")
    assert channels.wait_idle(WAIT)
    [text] = channels.take_problems()
    assert "took longer than 1 s and was stopped" in text
    parent, grandchild = map(int, pids.read_text().split())
    assert not _alive(parent)
    for _attempt in range(400):  # the grandchild dies with its group (reaped by init later)
        if not _alive(grandchild):
            break
        threading.Event().wait(0.01)
    assert not _alive(grandchild)
    channels.close()


def _alive(pid: int) -> bool:
    """Running (not gone, not a zombie waiting to be reaped)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


def test_an_alert_holding_the_key_is_not_sent(
    tmp_path: Path, recorder: Path, alert: dict[str, object]
) -> None:
    out = tmp_path / "out.jsonl"
    channels = channels_from(
        AlertOptions(on_alert=command_line(recorder, out, "-")), secrets=[API_KEY]
    )
    channels.send({**alert, "reason": f"oops {API_KEY}"}, "t", "b")
    assert channels.wait_idle(WAIT)
    assert not out.exists()
    [text] = channels.take_problems()
    assert "contains the API key" in text and API_KEY not in text


def test_closing_kills_a_running_command(tmp_path: Path, alert: dict[str, object]) -> None:
    pids = tmp_path / "pid"
    script = tmp_path / "hang.py"
    script.write_text(
        f"import os, time\nopen({str(pids)!r}, 'w').write(str(os.getpid()))\ntime.sleep(120)\n",
        encoding="utf-8",
    )
    channels = channels_from(AlertOptions(on_alert=command_line(script), on_alert_timeout=300))
    channels.send(alert, "t", "b")
    for _attempt in range(2000):
        if pids.exists() and pids.read_text():
            break
        threading.Event().wait(0.005)
    channels.close(timeout=0.2)
    assert not _alive(int(pids.read_text()))
    assert channels.take_problems() == []  # stopping on purpose is not a failure
