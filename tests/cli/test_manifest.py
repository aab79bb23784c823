"""`python -m app manifest`: prints the deployment descriptor, refuses a plain-HTTP base URL."""

from __future__ import annotations

import json

import pytest

from app.cli import main


def test_cli_prints_the_descriptor(capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m app manifest --base-url URL` prints the JSON descriptor."""
    assert (
        main(["manifest", "--base-url", "https://addon.example.org", "--profile", "draft-read"])
        == 0
    )
    body = json.loads(capsys.readouterr().out)
    assert body["addOns"]["httpOptions"]["granularOauthPermissionSupport"] == "OPT_IN"


def test_cli_refuses_plain_http(capsys: pytest.CaptureFixture[str]) -> None:
    """Google calls add-ons over HTTPS only: an http:// base URL is refused with a message."""
    assert main(["manifest", "--base-url", "http://addon.example.org"]) == 2
    assert "https://" in capsys.readouterr().err
