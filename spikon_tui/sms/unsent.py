"""The SMS being written, kept in `<profile data folder>/sms-unsent.json` across a restart.

The SMS screen saves what is typed (sender, recipients, message) a moment after
each change and when the app quits, and fills the form from it when it opens
again; a message sent, or a form emptied, removes the file. Written like every
file of the app (`files.atomic`: a temporary file renamed over the old one),
so a crash leaves the old draft or the new one, never half of one. With two
copies of the app on one profile the last one typed in wins: a draft is one
message, not a list. A file that cannot be read is treated as no draft and
left for the next save to replace. Without a folder nothing is kept.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from spikon_tui.files.atomic import write_atomically

UNSENT_FILE = "sms-unsent.json"


@dataclass(frozen=True)
class UnsentSms:
    sender: str
    recipients: str
    message: str

    @property
    def empty(self) -> bool:
        return not (self.recipients.strip() or self.message.strip())


def load_unsent(folder: Path | None) -> UnsentSms | None:
    """The draft kept for the profile, or None (none, or a file that cannot be read)."""
    if folder is None:
        return None
    try:
        data = json.loads((folder / UNSENT_FILE).read_text(encoding="utf-8"))
        draft = UnsentSms(str(data["sender"]), str(data["recipients"]), str(data["message"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return None if draft.empty else draft


def keep_unsent(folder: Path | None, draft: UnsentSms) -> None:
    """Keep `draft` (an empty one removes the file); raises OSError when it cannot."""
    if folder is None:
        return
    path = folder / UNSENT_FILE
    if draft.empty:
        path.unlink(missing_ok=True)
        return
    folder.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps(asdict(draft), ensure_ascii=False))
