#!/usr/bin/env bash
# Installs the Debian packages the tests use beside Python, on a headless machine
# (CI runs as root, with no desktop):
#   gnome-keyring     the Secret Service daemon (tests/credentials/test_gnome_keyring.py)
#   libsecret-tools   secret-tool, to look the stored key up independently of Python
#   dbus-daemon       dbus-run-session, a private session bus for that test
#   chromium          a real browser for `spikon-tui serve` (tests/browser/)
# Idempotent: does nothing when the tools are already there.
set -euo pipefail

if command -v secret-tool >/dev/null 2>&1 \
    && command -v gnome-keyring-daemon >/dev/null 2>&1 \
    && command -v dbus-run-session >/dev/null 2>&1 \
    && [ -x /usr/bin/chromium ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
else
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends \
    gnome-keyring libsecret-tools dbus-daemon chromium
