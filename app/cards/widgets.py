"""Card v1 widget builders shared by every card (pure: values in, JSON dicts out).

Only widgets Google documents as available to Workspace add-ons in the Gmail
sidebar are produced here (no carousel, no columns, camelCase keys only). Text
that came from mail is always HTML-escaped before it reaches a `text` field.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

Widget = dict[str, Any]
MAX_INPUT_ITEMS = 100


# Direction embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): one left
# open in mail text reorders the rest of a card's line. Right-to-left text needs none.
_DIRECTION_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def esc(text: str) -> str:
    """Escape text for a card's simple-HTML fields (direction controls dropped)."""
    if not text.isascii():
        text = text.translate(_DIRECTION_CONTROLS)
    return html.escape(text, quote=False)


def paragraph(markup: str) -> Widget:
    """A text paragraph; `markup` must already be escaped simple HTML."""
    return {"textParagraph": {"text": markup}}


def decorated(
    text: str,
    *,
    top: str = "",
    bottom: str = "",
    icon: str = "",
    button: Widget | None = None,
) -> Widget:
    """A decorated text line with optional labels, known icon and end button."""
    body: dict[str, Any] = {"text": text, "wrapText": True}
    if top:
        body["topLabel"] = top
    if bottom:
        body["bottomLabel"] = bottom
    if icon:
        body["startIcon"] = {"knownIcon": icon}
    if button is not None:
        body["button"] = button
    return {"decoratedText": body}


def action(url: str, params: Mapping[str, str] | None = None, *, spinner: bool = True) -> Widget:
    """An `onClick` that calls one of our endpoints with string parameters."""
    body: dict[str, Any] = {"function": url}
    if params:
        body["parameters"] = [{"key": k, "value": v} for k, v in params.items()]
    body["loadIndicator"] = "SPINNER" if spinner else "NONE"
    return {"action": body}


def button(text: str, on_click: Widget, *, filled: bool = False) -> Widget:
    """A text button; filled buttons carry the add-on's accent colour."""
    body: dict[str, Any] = {"text": text, "onClick": on_click}
    if filled:
        body["color"] = {"red": 0.043, "green": 0.341, "blue": 0.816, "alpha": 1}
    return body


def buttons(*items: Widget) -> Widget:
    """A row of buttons."""
    return {"buttonList": {"buttons": list(items)}}


def text_input(name: str, label: str, value: str = "", *, multiline: bool = False) -> Widget:
    """A text box whose value comes back in `formInputs[name]`."""
    body: dict[str, Any] = {"name": name, "label": label, "type": "SINGLE_LINE"}
    if multiline:
        body["type"] = "MULTIPLE_LINE"
    if value:
        body["value"] = value
    return {"textInput": body}


def selection(
    name: str,
    label: str,
    items: Sequence[tuple[str, str]],
    selected: Iterable[str],
    *,
    kind: str = "DROPDOWN",
    on_change: Widget | None = None,
) -> Widget:
    """A dropdown, radio or checkbox group (at most 100 items, as Google allows)."""
    chosen = set(selected)
    body: dict[str, Any] = {
        "name": name,
        "label": label,
        "type": kind,
        "items": [
            {"text": text, "value": value, "selected": value in chosen}
            for text, value in items[:MAX_INPUT_ITEMS]
        ],
    }
    if on_change is not None:
        body["onChangeAction"] = on_change["action"]
    return {"selectionInput": body}


def divider() -> Widget:
    """A horizontal rule."""
    return {"divider": {}}


def section(header: str, widgets: Sequence[Widget], *, collapse_after: int = 0) -> Widget:
    """A card section; with `collapse_after`, only that many widgets show until expanded."""
    body: dict[str, Any] = {"widgets": list(widgets)}
    if header:
        body["header"] = header
    if collapse_after and len(widgets) > collapse_after:
        body["collapsible"] = True
        body["uncollapsibleWidgetsCount"] = collapse_after
    return body


def card(
    title: str,
    sections: Sequence[Widget],
    *,
    subtitle: str = "",
    name: str = "",
    footer: tuple[Widget, Widget | None] | None = None,
) -> Widget:
    """A whole card: header, non-empty sections and an optional fixed footer."""
    header: dict[str, Any] = {"title": title}
    if subtitle:
        header["subtitle"] = subtitle
    body: dict[str, Any] = {"header": header, "sections": [s for s in sections if s["widgets"]]}
    if name:
        body["name"] = name
    if footer is not None:
        primary, secondary = footer
        body["fixedFooter"] = {"primaryButton": primary}
        if secondary is not None:
            body["fixedFooter"]["secondaryButton"] = secondary
    return body


def open_link(url: str) -> Widget:
    """An `onClick` that opens `url` in a new tab (it must match `openLinkUrlPrefixes`)."""
    return {"openLink": {"url": url}}
