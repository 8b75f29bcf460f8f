"""Two real copies of the app saving the sent-SMS list at once, and a third reading it.

Before the lock and the unique temporary names, two copies on one profile failed 41
of 600 saves and lost 7 messages, and a reader saw half-written JSON 360 times.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from spikon_tui.sms.store import STORE_FILE, SentStore

SAVES = 300

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from spikon_tui.sms.sent import SentMessage
    from spikon_tui.sms.store import SentStore

    folder, copy, saves = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    store = SentStore(folder, lambda: 1_750_000_000.0)
    store.load()
    failures = 0
    for n in range(saves):
        store.put([SentMessage(key=f"{copy}-{n}", number="501234567", sender="SMS",
                               message=f"{copy} {n}", sent_at=1_750_000_000.0 + n)])
        try:
            store.save()
        except Exception as error:
            failures += 1
            print(type(error).__name__, error, file=sys.stderr)
    print(failures)
    """
)

READER = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path

    path, stop = Path(sys.argv[1]), Path(sys.argv[2])
    reads = invalid = 0
    while not stop.exists():
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            continue
        reads += 1
        try:
            json.loads(raw)
        except ValueError:
            invalid += 1
    print(reads, invalid)
    """
)


def test_two_processes_saving_keep_every_message_and_a_reader_sees_only_whole_files(
    tmp_path: Path,
) -> None:
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(tmp_path / STORE_FILE), str(stop)],
        stdout=subprocess.PIPE,
        text=True,
    )
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), copy, str(SAVES)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for copy in ("a", "b")
    ]
    try:
        results = [writer.communicate(timeout=240) for writer in writers]
    finally:
        stop.touch()
        for writer in writers:
            writer.kill()
    reads, invalid = map(int, reader.communicate(timeout=30)[0].split())
    failures = [int(out.split()[-1]) for out, _ in results]
    assert failures == [0, 0], [err for _, err in results]
    store = SentStore(tmp_path, time.time)
    assert store.load() is None
    assert len(store.messages) == 2 * SAVES
    assert json.loads((tmp_path / STORE_FILE).read_bytes())["version"] == 1
    assert reads > 0 and invalid == 0, f"{invalid} of {reads} reads saw invalid JSON"
    leftovers = {path.name for path in tmp_path.iterdir()} - {
        STORE_FILE,
        f"{STORE_FILE}.lock",
        "stop",
    }
    assert not leftovers
    print(f"two processes x {SAVES} saves: {len(store.messages)} kept; {reads} reads, 0 invalid")
