"""A checker for the documented Card v1 shape as Gmail add-ons may use it.

Fields and limits from Google's card reference (see the protocol doc, section 4):
at most 100 widgets and 100 sections per card, 100 items per selection input,
only widgets available to add-ons in the Gmail sidebar (no carousel, no columns),
camelCase keys, buttons with an onClick, a fixed footer with a primary button.
"""

from __future__ import annotations

from typing import Any

WIDGET_FIELDS = {
    "textParagraph": {"text", "maxLines"},
    "decoratedText": {
        "text",
        "topLabel",
        "bottomLabel",
        "wrapText",
        "startIcon",
        "onClick",
        "button",
        "switchControl",
        "endIcon",
    },
    "buttonList": {"buttons"},
    "textInput": {
        "name",
        "label",
        "hintText",
        "value",
        "type",
        "onChangeAction",
        "initialSuggestions",
        "autoCompleteAction",
        "validation",
    },
    "selectionInput": {
        "name",
        "label",
        "type",
        "items",
        "onChangeAction",
        "multiSelectMaxSelectedItems",
    },
    "dateTimePicker": {
        "name",
        "label",
        "type",
        "valueMsEpoch",
        "timezoneOffsetDate",
        "onChangeAction",
    },
    "divider": set(),
    "image": {"imageUrl", "altText", "onClick"},
    "grid": {"title", "items", "columnCount", "borderStyle", "onClick"},
    "chipList": {"chips", "layout"},
}
CARD_FIELDS = {
    "header",
    "sections",
    "cardActions",
    "name",
    "fixedFooter",
    "displayStyle",
    "peekCardHeader",
    "sectionDividerStyle",
}
SECTION_FIELDS = {
    "header",
    "widgets",
    "collapsible",
    "uncollapsibleWidgetsCount",
    "collapseControl",
}
BUTTON_FIELDS = {"text", "icon", "color", "onClick", "disabled", "altText"}
ACTION_FIELDS = {
    "function",
    "parameters",
    "loadIndicator",
    "persistValues",
    "requiredWidgets",
    "allWidgetsAreRequired",
}
KNOWN_ICONS = {
    "AIRPLANE",
    "BOOKMARK",
    "BUS",
    "CAR",
    "CLOCK",
    "CONFIRMATION_NUMBER_ICON",
    "DESCRIPTION",
    "DOLLAR",
    "EMAIL",
    "EVENT_SEAT",
    "FLIGHT_ARRIVAL",
    "FLIGHT_DEPARTURE",
    "HOTEL",
    "HOTEL_ROOM_TYPE",
    "INVITE",
    "MAP_PIN",
    "MEMBERSHIP",
    "MULTIPLE_PEOPLE",
    "PERSON",
    "PHONE",
    "RESTAURANT_ICON",
    "SHOPPING_CART",
    "STAR",
    "STORE",
    "TICKET",
    "TRAIN",
    "VIDEO_CAMERA",
    "VIDEO_PLAY",
}
MAX_WIDGETS = 100
MAX_SECTIONS = 100
MAX_ITEMS = 100


def card_problems(card: dict[str, Any]) -> list[str]:
    """Every way `card` departs from the documented shape (empty when it conforms)."""
    problems = [f"unknown card field {k}" for k in card if k not in CARD_FIELDS]
    header = card.get("header")
    if header is not None and not header.get("title"):
        problems.append("header without title")
    sections = card.get("sections") or []
    if not sections:
        problems.append("card without sections")
    if len(sections) > MAX_SECTIONS:
        problems.append("more than 100 sections")
    count = 0
    for section in sections:
        problems += [f"unknown section field {k}" for k in section if k not in SECTION_FIELDS]
        widgets = section.get("widgets") or []
        if not widgets:
            problems.append("section without widgets")
        count += len(widgets)
        for widget in widgets:
            problems += widget_problems(widget)
    if count > MAX_WIDGETS:
        problems.append(f"{count} widgets: more than 100")
    footer = card.get("fixedFooter")
    if footer is not None:
        if "primaryButton" not in footer:
            problems.append("fixedFooter without primaryButton")
        for key in ("primaryButton", "secondaryButton"):
            if key in footer:
                problems += button_problems(footer[key])
    return problems


def widget_problems(widget: dict[str, Any]) -> list[str]:
    """Problems of one widget."""
    if len(widget) != 1:
        return [f"widget with {len(widget)} keys: {sorted(widget)}"]
    ((kind, body),) = widget.items()
    if kind not in WIDGET_FIELDS:
        return [f"widget {kind} not available in the Gmail sidebar"]
    problems = [f"{kind}: unknown field {k}" for k in body if k not in WIDGET_FIELDS[kind]]
    if kind in ("textParagraph", "decoratedText") and not isinstance(body.get("text"), str):
        problems.append(f"{kind} without text")
    if kind == "buttonList":
        for button in body.get("buttons", []):
            problems += button_problems(button)
    if kind == "decoratedText":
        icon = body.get("startIcon", {}).get("knownIcon")
        if icon is not None and icon not in KNOWN_ICONS:
            problems.append(f"unknown icon {icon}")
        if "button" in body:
            problems += button_problems(body["button"])
    if kind in ("textInput", "selectionInput") and not body.get("name"):
        problems.append(f"{kind} without name")
    if kind == "selectionInput":
        if len(body.get("items", [])) > MAX_ITEMS:
            problems.append("selectionInput with more than 100 items")
        if body.get("type") not in (
            "CHECK_BOX",
            "RADIO_BUTTON",
            "SWITCH",
            "DROPDOWN",
            "MULTI_SELECT",
        ):
            problems.append("selectionInput with unknown type")
        if "onChangeAction" in body:
            problems += action_problems(body["onChangeAction"])
    return problems


def button_problems(button: dict[str, Any]) -> list[str]:
    """Problems of one button."""
    problems = [f"button: unknown field {k}" for k in button if k not in BUTTON_FIELDS]
    if not button.get("text"):
        problems.append("button without text")
    on_click = button.get("onClick")
    if not isinstance(on_click, dict) or len(on_click) != 1:
        return [*problems, "button without exactly one onClick"]
    if "action" in on_click:
        problems += action_problems(on_click["action"])
    return problems


def action_problems(action: dict[str, Any]) -> list[str]:
    """Problems of one action."""
    problems = [f"action: unknown field {k}" for k in action if k not in ACTION_FIELDS]
    function = action.get("function", "")
    if not isinstance(function, str) or not function.startswith(("https://", "http://")):
        problems.append("action function is not a URL")
    for param in action.get("parameters", []):
        if set(param) != {"key", "value"} or not all(isinstance(v, str) for v in param.values()):
            problems.append("action parameter must be {key, value} strings")
    if action.get("loadIndicator", "SPINNER") not in ("SPINNER", "NONE"):
        problems.append("unknown loadIndicator")
    return problems
