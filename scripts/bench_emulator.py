"""`python -m scripts.bench_emulator PORT IDS_FILE SPEC`: the Gmail emulator in its own process.

SPEC is a JSON object `{name: path to .eml}`; each message is stored in its own thread
and `{name: [message id, thread id]}` is written to IDS_FILE before serving. The request
log keeps nothing (a benchmark sends millions of requests), and there are no faults.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import uvicorn

from devkit.emulator import LoggedRequest, Mailbox, RequestLog, create_gmail_app

USER = "dana@reyes.example"


class _NoLog(RequestLog):
    """Records nothing: memory stays flat however long the run."""

    def record(self, entry: LoggedRequest) -> None:
        """Drop the entry."""


def main(argv: list[str]) -> None:
    port, ids_file, spec = int(argv[0]), Path(argv[1]), json.loads(argv[2])
    mailbox = Mailbox(USER)
    ids: dict[str, list[str]] = {}
    for name, path in spec.items():
        message_id = mailbox.add_eml(Path(path).read_bytes())
        ids[name] = [message_id, mailbox.message(message_id).thread_id]
    ids_file.write_text(json.dumps(ids))
    app = create_gmail_app(mailbox, log=_NoLog())
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main(sys.argv[1:])
