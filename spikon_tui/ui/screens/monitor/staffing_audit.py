"""The staffing audit log: every change made from the staffing screen, one JSON line each.

Each line says who (the OS user), when (UTC, ISO 8601), on which profile, what
was done ("remove agent 3 (Anna Nowak) from inbound campaign 1 (Infolinia)")
and the result ("OK", or the error as shown). Lines are appended and flushed at
once, so the log survives a crash; the file lives in the user data folder
unless the screen is given another path.
"""

from __future__ import annotations

import getpass
import json
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from spikon_tui.files.atomic import append_locked


def default_audit_path() -> Path:
    return Path(platformdirs.user_data_dir("spikon-tui")) / "staffing-audit.jsonl"


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (e.g. a container without /etc/passwd entry)
        return "unknown"


def append_audit(path: Path, *, at: float, profile: str, what: str, result: str) -> dict:
    """Append one entry; return it. Raises OSError when the file cannot be written."""
    entry = {
        "when": datetime.fromtimestamp(at, UTC)
        .isoformat(timespec="seconds")
        .replace("+00:00", "Z"),
        "who": current_user(),
        "profile": profile,
        "what": what,
        "result": result,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    append_locked(path, json.dumps(entry, ensure_ascii=False) + "\n")  # other copies too
    return entry
