"""The real OS keyring: GNOME Keyring over D-Bus, as on a Linux desktop.

Each test starts a private session bus with ``dbus-run-session`` and a fresh
``gnome-keyring-daemon`` in a temporary HOME, runs our code in a child Python
(gnome_keyring_helper.py) with keyring's default backend choice (SecretService),
and checks the result independently with libsecret's ``secret-tool``.

Needs the Debian packages installed by ``.ci/install-system-deps.sh``
(gnome-keyring, libsecret-tools, dbus-daemon). Without them the tests are
skipped locally and FAIL in CI (env ``CI`` set), so CI cannot go green by
silently not testing the keyring.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from spikon_tui.credentials import mask_key

REPO = Path(__file__).resolve().parents[2]
HELPER = Path(__file__).with_name("gnome_keyring_helper.py")
INSTALL_SCRIPT = ".ci/install-system-deps.sh"
TOOLS = ("dbus-run-session", "gnome-keyring-daemon", "secret-tool")

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="GNOME Keyring runs on Linux only"
)


def require_keyring_tools() -> None:
    """Skip without the tools, except in CI, where their absence is a failure."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not missing:
        return
    message = f"missing {', '.join(missing)}: run `bash {INSTALL_SCRIPT}` (Debian packages)"
    if os.environ.get("CI"):
        pytest.fail(f"the real keyring test cannot run in CI: {message}")
    pytest.skip(message)


def isolated_environment(tmp_path: Path) -> dict[str, str]:
    """A child environment with its own HOME, XDG dirs and config dir; no session bus."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SPIKON_API_KEY",
            "DBUS_SESSION_BUS_ADDRESS",
            "PYTHON_KEYRING_BACKEND",
            "DISPLAY",
            "WAYLAND_DISPLAY",
            "GNOME_KEYRING_CONTROL",
            "SSH_AUTH_SOCK",
        }
    }
    for name in ("home", "data", "config", "cache", "runtime", "spikon"):
        (tmp_path / name).mkdir(mode=0o700)
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_RUNTIME_DIR=str(tmp_path / "runtime"),
        SPIKON_TUI_CONFIG_DIR=str(tmp_path / "spikon"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    )
    return env


def run_in_session(script: str, env: dict[str, str]) -> dict[str, str]:
    """Run a bash script under dbus-run-session; return its output split at ``== name``."""
    completed = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", script],
        env=env,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    sections: dict[str, str] = {}
    for match in re.finditer(r"^== (\S+)\n(.*?)(?=^== |\Z)", completed.stdout, re.M | re.S):
        sections[match.group(1)] = match.group(2)
    return sections


def test_login_stores_in_gnome_keyring_and_logout_removes_it(tmp_path: Path) -> None:
    require_keyring_tools()
    key = "sk-test-" + secrets.token_hex(16)
    env = isolated_environment(tmp_path)
    env.update(SPIKON_TEST_KEY=key, PYTHON=sys.executable, HELPER=str(HELPER))
    sections = run_in_session(
        """
        lookup() {  # prints the secret (if any), then secret-tool's exit code
            secret-tool lookup service spikon-tui username default; rc=$?; echo; echo "rc=$rc"
        }
        echo -n test-password | gnome-keyring-daemon --unlock --replace --components=secrets \
            >/dev/null 2>&1
        echo "== status"; "$PYTHON" "$HELPER" status 2>&1
        echo "== login"; printf '%s\\n' "$SPIKON_TEST_KEY" | "$PYTHON" "$HELPER" login 2>&1
        echo "rc=$?"
        echo "== stored"; lookup
        echo "== lookup"; "$PYTHON" "$HELPER" lookup 2>&1
        echo "== logout"; "$PYTHON" "$HELPER" logout 2>&1; echo "rc=$?"
        echo "== gone"; lookup
        echo "== end"
        """,
        env,
    )
    assert "usable=True backend=keyring.backends.SecretService.Keyring" in sections["status"]
    assert "rc=0" in sections["login"], sections["login"]
    assert "stored in the OS keyring (keyring.backends.SecretService.Keyring)" in sections["login"]
    assert sections["stored"].splitlines() == [key, "rc=0"]
    assert f"source=keyring key={mask_key(key)}" in sections["lookup"]
    assert "Removed the OS keyring entry" in sections["logout"]
    assert "rc=0" in sections["logout"]
    assert sections["gone"].splitlines() == ["", "rc=1"]
    assert not (tmp_path / "spikon" / "keys").exists()
    for name in ("status", "login", "lookup", "logout"):
        assert key not in sections[name]


def test_keyring_that_cannot_prompt_is_explained(tmp_path: Path) -> None:
    """No login keyring yet and no display to ask for its password: a clear failure."""
    require_keyring_tools()
    key = "sk-test-" + secrets.token_hex(16)
    env = isolated_environment(tmp_path)
    env.update(SPIKON_TEST_KEY=key, PYTHON=sys.executable, HELPER=str(HELPER))
    sections = run_in_session(
        """
        gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1
        echo "== login"; printf '%s\\n' "$SPIKON_TEST_KEY" | "$PYTHON" "$HELPER" login 2>&1
        echo "rc=$?"
        echo "== lookup"; "$PYTHON" "$HELPER" lookup 2>&1
        echo "== end"
        """,
        env,
    )
    assert "rc=1" in sections["login"], sections["login"]
    assert "could not store the key in the OS keyring" in sections["login"]
    assert "source=none" in sections["lookup"]
    assert "keyring not used" in sections["lookup"]
    assert key not in sections["login"] + sections["lookup"]


def test_without_a_session_bus_the_real_keyring_says_headless(tmp_path: Path) -> None:
    """keyring's own backend choice on a server without D-Bus: the fail backend, explained."""
    env = isolated_environment(tmp_path)
    completed = subprocess.run(
        [sys.executable, str(HELPER), "status"],
        env=env,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    assert "usable=False backend=keyring.backends.fail.Keyring" in completed.stdout
    assert "headless server" in completed.stdout
    assert "DBUS_SESSION_BUS_ADDRESS" in completed.stdout
