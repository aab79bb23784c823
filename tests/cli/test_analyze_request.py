"""`analyze --json` carries "request" next to "introduction"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.program import main

ASK = b"""From: Ana Lopez <ana@example.com>
To: Joe Marchetti <joe@example.com>
Subject: favor?

Hi Joe,

Could you introduce me to Sue Park at Acme? We are about to migrate our warehouse.

Thanks,
Ana
"""
PLAIN = b"""From: Ana Lopez <ana@example.com>
To: Joe Marchetti <joe@example.com>
Subject: lunch

Joe, lunch on Friday at noon works for me.

Ana
"""


def test_request_key_follows_introduction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ask, plain = tmp_path / "ask.eml", tmp_path / "plain.eml"
    ask.write_bytes(ASK)
    plain.write_bytes(PLAIN)
    assert main(["analyze", "--json", str(ask), str(plain)]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert list(first)[:3] == ["file", "introduction", "request"]
    assert first["introduction"] is None
    assert first["request"]["requester"] == {"name": "Ana Lopez", "email": "ana@example.com"}
    assert "Sue Park" in first["request"]["target"]
    assert first["request"]["language"] == "en"
    assert first["request"]["confidence"] >= 0.5
    assert second["request"] is None
    assert main(["analyze", str(ask)]) == 0
    assert "Ana Lopez asks for an introduction to Sue Park" in capsys.readouterr().out
