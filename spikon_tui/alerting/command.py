"""``on_alert``: run the user's command for each alert, with the alert as JSON on stdin.

The command line is split with `shlex.split` and run without a shell (see
``options.py`` for the placeholders ``{title}``, ``{body}``, ``{campaign}``...).
The child gets:

- stdin: the alert's JSON (``payload.py``), then end of file;
- stdout: /dev/null (it must not draw over the monitor), stderr: kept, its
  last line shown if the command fails;
- the app's environment WITHOUT ``SPIKON_API_KEY`` (nor any variable holding
  the key), plus ``SPIKON_ALERT_TITLE``, ``SPIKON_ALERT_BODY`` and
  ``SPIKON_ALERT_EVENT``;
- its own session (process group), so that on timeout the command and
  everything it started are killed together.

A command that is not found, exits non-zero or outlives its timeout (default
10 s) is reported in words. At most `MAX_RUNNING` commands run at once and
`MAX_WAITING` wait; beyond that the oldest waiting alert is dropped and that
is reported too. Closing the channel forgets waiting alerts and, after a short
grace, kills the commands still running.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
from collections.abc import Mapping
from dataclasses import dataclass

from spikon_tui.alerting.problems import Problems, one_line
from spikon_tui.alerting.workers import BoundedWorkers
from spikon_tui.i18n import _

API_KEY_ENV = "SPIKON_API_KEY"
"""As in ``spikon_tui.credentials`` (not imported: it pulls in the config)."""
MAX_RUNNING = 2
MAX_WAITING = 16
FIELD_LENGTH = 1000
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True, slots=True)
class CommandJob:
    argv: tuple[str, ...]
    data: bytes
    variables: tuple[tuple[str, str], ...]
    label: str
    """What the alert was about, for messages: "Infolinia: raised"."""


def field_text(value: object) -> str:
    """A payload value as command-line text (None → "", booleans as JSON writes them)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return one_line(str(value), FIELD_LENGTH)


def command_words(words: list[str], fields: Mapping[str, object]) -> tuple[str, ...]:
    """Each word with its ``{name}`` placeholders filled; unknown names stay as written."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        return field_text(fields[name]) if name in fields else match.group(0)

    return tuple(_PLACEHOLDER.sub(fill, word) for word in words)


def child_environment(
    environ: Mapping[str, str],
    secrets: tuple[str, ...],
    extra: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The environment for the command: no API key variable, nothing holding a secret."""
    env = {
        name: value
        for name, value in environ.items()
        if name != API_KEY_ENV and not any(secret in value for secret in secrets)
    }
    env.update(extra or {})
    return env


class CommandChannel:
    """Runs the command in the background for each alert; failures go to ``problems``."""

    def __init__(
        self,
        words: list[str],
        *,
        timeout: float,
        problems: Problems,
        environ: Mapping[str, str] | None = None,
        max_running: int = MAX_RUNNING,
        max_waiting: int = MAX_WAITING,
    ) -> None:
        if not words:
            raise ValueError("on_alert needs a command")
        self.words = list(words)
        self.timeout = timeout
        self._problems = problems
        self._environ = dict(os.environ if environ is None else environ)
        self._running: set[subprocess.Popen[bytes]] = set()
        self._lock = threading.Lock()
        self._workers: BoundedWorkers[CommandJob] = BoundedWorkers(
            "spikon-on-alert",
            self._run,
            threads=max_running,
            capacity=max_waiting,
            on_drop=self._dropped,
            on_crash=self._crashed,
        )

    @property
    def name(self) -> str:
        return os.path.basename(self.words[0])

    def send(self, data: bytes, fields: Mapping[str, object], label: str = "") -> None:
        variables = (
            ("SPIKON_ALERT_TITLE", field_text(fields.get("title"))),
            ("SPIKON_ALERT_BODY", field_text(fields.get("body"))),
            ("SPIKON_ALERT_EVENT", field_text(fields.get("event"))),
        )
        job = CommandJob(command_words(self.words, fields), data, variables, label)
        self._workers.submit(job)

    def _run(self, job: CommandJob) -> None:
        env = child_environment(self._environ, self._problems.secrets, dict(job.variables))
        try:
            process = subprocess.Popen(
                job.argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=env,
                close_fds=True,
                start_new_session=True,
            )
        except FileNotFoundError:
            self._report(job, _("command {name} not found").format(name=repr(self.name)))
            return
        except OSError as error:
            reason = error.strerror or str(error)
            self._report(
                job,
                _("cannot run {name}: {reason}").format(name=repr(self.name), reason=reason),
            )
            return
        with self._lock:
            self._running.add(process)
        try:
            try:
                _stdout, stderr = process.communicate(job.data, timeout=self.timeout)
            except subprocess.TimeoutExpired:
                _kill(process)
                process.communicate()
                self._report(
                    job,
                    _("{name} took longer than {seconds} s and was stopped").format(
                        name=repr(self.name), seconds=f"{self.timeout:g}"
                    ),
                )
                return
        finally:
            with self._lock:
                self._running.discard(process)
        if process.returncode != 0 and not self._workers.stopping.is_set():
            self._report(job, _exit_words(self.name, process.returncode, stderr))

    def _report(self, job: CommandJob, text: str) -> None:
        about = f" ({job.label})" if job.label else ""
        self._problems.report(_("on_alert failed{about}: {text}").format(about=about, text=text))

    def _dropped(self, job: CommandJob) -> None:
        self._report(
            job,
            _("too many alerts at once ({count} waiting); this one was not run").format(
                count=MAX_WAITING
            ),
        )

    def _crashed(self, job: CommandJob, error: BaseException) -> None:
        self._report(job, f"{type(error).__name__}: {error}")

    def wait_idle(self, timeout: float) -> bool:
        return self._workers.wait_idle(timeout)

    def close(self, timeout: float = 2.0) -> None:
        """Forget waiting alerts; give running commands ``timeout`` s, then kill them."""
        if not self._workers.close(timeout):
            with self._lock:
                running = list(self._running)
            for process in running:
                if process.poll() is None:
                    _kill(process)
            self._workers.close(1.0)


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Kill the command and what it started (its process group), or the command alone."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass


def _exit_words(name: str, code: int, stderr: bytes) -> str:
    if code < 0:
        try:
            signal_name = signal.Signals(-code).name
        except ValueError:
            signal_name = str(-code)
        text = _("{name} was killed by {signal}").format(name=repr(name), signal=signal_name)
    else:
        text = _("{name} exited with status {code}").format(name=repr(name), code=code)
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return f"{text}: {lines[-1]}" if lines else text
