"""`CardResponse` writes exactly the bytes Starlette's `JSONResponse` would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.responses import JSONResponse

from app.api.routes import CardResponse

GOLDEN = sorted((Path(__file__).parents[1] / "cards" / "golden").glob("*.json"))
TRICKY = ["é", "\u2028\u2029", "</script>", "\x00\x01\x1f\x7f", "😀", 'a"b\\c\n\t\r', ""]


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_every_golden_card_renders_the_same_bytes(path: Path) -> None:
    card = json.loads(path.read_text(encoding="utf-8"))
    assert CardResponse(card).body == JSONResponse(card).body


@pytest.mark.parametrize("text", TRICKY)
def test_escapes_and_non_ascii_render_the_same_bytes(text: str) -> None:
    card = {"text": text, "list": [text, 1, -2, True, False, None], "nested": {text: {"x": text}}}
    response = CardResponse(card)
    assert response.body == JSONResponse(card).body
    assert response.headers["content-type"] == "application/json"
    assert json.loads(response.body) == card


def test_golden_cards_exist() -> None:
    assert len(GOLDEN) >= 10
