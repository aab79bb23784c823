"""The demo thread of an introduction the user wrote: the check, then one nudge draft."""

from __future__ import annotations

import json

import httpx

from tests.devkit.demo.server import invoke, last_received, pushed, thread_ids

NOTE = "Your own introduction: a check, and a nudge"


def test_own_introduction_card_and_nudge(client: httpx.Client) -> None:
    thread = thread_ids(client)[NOTE]
    message = last_received(client, thread)
    answer = invoke(client, "/addon/message", gmail={"messageId": message, "threadId": thread})
    card = pushed(answer.json())
    assert card["header"] == {
        "title": "Your introduction",
        "subtitle": "You introduced Priya Raman and Marcus Bell",
    }
    text = json.dumps(card, ensure_ascii=False)
    for title in ("One side left out", "No reason to meet", "An ask on someone's behalf"):
        assert title in text
    assert "Ask first?" in text  # Marcus is a CEO: a suggestion
    action = card["fixedFooter"]["primaryButton"]["onClick"]["action"]
    params = {p["key"]: p["value"] for p in action["parameters"]}
    assert params["nudge"] == "1"
    done = invoke(
        client,
        action["function"],
        commonEventObject={"parameters": params},
        gmail={"messageId": message, "threadId": thread},
    ).json()
    opened = done["renderActions"]["hostAppAction"]["gmailAction"]["openCreatedDraftActionMarkup"]
    draft = client.get(f"/demo/drafts/{opened['draftId']}").json()
    assert draft["threadId"] == thread
    assert len(draft["to"]) == 2
    assert draft["cc"] == []
    assert draft["subject"] == "Re: Intro"
    assert draft["body"].startswith("Hi Priya and Marcus,")
