#!/usr/bin/env bash
# Installs what tests/credentials/test_gnome_keyring.py needs to exercise the real
# OS keyring on a headless Debian machine (CI runs as root, with no desktop):
#   gnome-keyring     the Secret Service daemon (gnome-keyring-daemon)
#   libsecret-tools   secret-tool, to look the stored key up independently of Python
#   dbus-daemon       dbus-run-session, a private session bus for the test
# Idempotent: does nothing when the tools are already there.
set -euo pipefail

if command -v secret-tool >/dev/null 2>&1 \
    && command -v gnome-keyring-daemon >/dev/null 2>&1 \
    && command -v dbus-run-session >/dev/null 2>&1; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
else
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends gnome-keyring libsecret-tools dbus-daemon
