"""The shared mail-file reader: files, `-` for standard input, and clear errors for bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app.cli.mailfile import MAX_FILE, MailFiles, UnreadableMail

DATA = Path(__file__).resolve().parents[1] / "data"
INTRO = DATA / "emails" / "classic_meet.eml"
GMAIL_THREAD = DATA / "gmail_json" / "thread_intro_reply.json"


def _error(files: MailFiles, name: str) -> str:
    with pytest.raises(UnreadableMail) as caught:
        files.read(name)
    return str(caught.value)


def test_dash_reads_an_eml_from_standard_input() -> None:
    """`-` reads RFC 822 bytes from standard input, like the same file named."""
    from_stdin = MailFiles(io.BytesIO(INTRO.read_bytes())).read("-")
    assert from_stdin == MailFiles().read(str(INTRO))


def test_dash_reads_gmail_json_when_it_starts_with_a_brace() -> None:
    """Standard input that starts with `{` is read as a Gmail API thread or message."""
    raw = b"\n  " + GMAIL_THREAD.read_bytes()
    thread = MailFiles(io.BytesIO(raw)).read("-")
    assert thread == MailFiles().read(str(GMAIL_THREAD))
    assert len(thread.messages) > 1


def test_standard_input_is_read_once() -> None:
    """A second `-` is an error that says why, not a silently empty message."""
    files = MailFiles(io.BytesIO(INTRO.read_bytes()))
    files.read("-")
    assert _error(files, "-") == "standard input was already read (give `-` once)"


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty file"), (b" \r\n\t\n", "empty file (whitespace only)")],
)
def test_an_empty_file_is_an_error(tmp_path: Path, content: bytes, message: str) -> None:
    """A file with no bytes, or only whitespace, is reported as empty."""
    empty = tmp_path / "empty.eml"
    empty.write_bytes(content)
    assert _error(MailFiles(), str(empty)) == message


def test_empty_standard_input_is_an_error() -> None:
    """Nothing on standard input is reported as empty standard input."""
    assert _error(MailFiles(io.BytesIO(b"")), "-") == "empty standard input"


def test_an_empty_json_file_is_empty_not_bad_json(tmp_path: Path) -> None:
    """An empty .json file is empty, not a JSON syntax error."""
    empty = tmp_path / "message.json"
    empty.write_bytes(b"")
    assert _error(MailFiles(), str(empty)) == "empty file"


@pytest.mark.parametrize("value", [[], None, 5, "text"])
def test_json_that_is_not_an_object_is_an_error(tmp_path: Path, value: object) -> None:
    """Gmail API JSON is an object; any other JSON value is refused with a message."""
    path = tmp_path / "message.json"
    path.write_text(json.dumps(value))
    message = "not a Gmail API message or thread: expected a JSON object"
    assert _error(MailFiles(), str(path)) == message


def test_json_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    """Undecodable JSON bytes give a short message, not a codec traceback."""
    path = tmp_path / "message.json"
    path.write_bytes(b'{"id": "\xff\xfe\xfa"}')
    assert _error(MailFiles(), str(path)) == "not valid JSON: not UTF-8 text"


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    """A file larger than MAX_FILE is refused before it is read (sparse, so cheap here)."""
    big = tmp_path / "big.eml"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE + 1)
    assert _error(MailFiles(), str(big)) == "file larger than 50 MB"


def test_oversized_standard_input_is_refused() -> None:
    """Standard input is read at most MAX_FILE bytes; more is refused."""
    stdin = io.BytesIO(b"x" * (MAX_FILE + 1))
    assert _error(MailFiles(stdin), "-") == "standard input larger than 50 MB"
