"""The demo over HTTP: every demo thread gives its card, drafts, uploads and invoke guards."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from devkit.demo.mailbox import MAILBOX_DIR
from tests.devkit.demo.server import invoke, last_received, pushed, running_demo, thread_ids

SUE = "sue.okonkwo@tidewater-freight.example"
JOE = "joe@whitfield-advisory.example"
# note in the thread list -> (card subtitle, who the suggested reply is To, Cc or None)
INTROS = {
    "Classic introduction": ("Joe Whitfield introduced you to Sue Okonkwo", "Sue", "Joe"),
    "Handoff: “I'm copying Misha”": (
        "Priya Raman introduced you to Misha Petrenko",
        "Misha",
        "Priya",
    ),
    "Forwarded double opt-in": ("Ravi Kapoor introduced you to Carla Mendes", "Carla", "Ravi"),
    "The other side replied first": (
        "Lena Fischer introduced you to Amir Sadeghi",
        "Amir",
        "Lena",
    ),
    "Introducer moved to Bcc": ("Grace Liu introduced you to Theo Marchetti", "Theo", None),
    "Bad first reply: resume and an ask": (
        "Nadia Osei introduced you to Ben Carter",
        "Ben",
        "Nadia",
    ),
    "HTML-only introduction": ("Marcus Bell introduced you to Yuki Tanaka", "Yuki", "Marcus"),
    "Introduction in Spanish": ("Carmen Ortiz introduced you to Javier Solís", "Javier", "Carmen"),
}


def _message_card(client: httpx.Client, note: str) -> dict[str, Any]:
    thread = thread_ids(client)[note]
    answer = invoke(
        client,
        "/addon/message",
        gmail={"messageId": last_received(client, thread), "threadId": thread},
    )
    assert answer.status_code == 200, answer.text
    return pushed(answer.json())


def _recipients_line(card: dict[str, Any]) -> str:
    lines = [
        w["decoratedText"]["text"]
        for s in card["sections"]
        for w in s["widgets"]
        if "decoratedText" in w and w["decoratedText"]["text"].startswith("To: ")
    ]
    assert len(lines) == 1
    return str(lines[0])


def test_every_demo_file_is_listed(client: httpx.Client) -> None:
    """Each demo thread appears once in the list, in file order, with its note."""
    notes = [t["note"] for t in client.get("/demo/threads").json()["threads"]]
    assert len(notes) == len({p.name[:2] for p in MAILBOX_DIR.glob("*.eml")})
    assert notes[0] == "Classic introduction"
    assert "Self-introduction (not an intro)" in notes


@pytest.mark.parametrize("note", sorted(INTROS))
def test_each_introduction_gets_the_intended_card(client: httpx.Client, note: str) -> None:
    """Each demo introduction is recognised, names the right people and replies to them."""
    subtitle, to, cc = INTROS[note]
    card = _message_card(client, note)
    assert card["header"] == {"title": "Introduction spotted", "subtitle": subtitle}
    line = _recipients_line(card)
    assert line.split(" · ")[0].startswith(f"To: {to}")
    if cc is None:
        assert "Cc:" not in line
    else:
        assert f"Cc: {cc}" in line
    # The button says what the draft does: to the other alone when the introducer is on Bcc.
    button = card["fixedFooter"]["primaryButton"]["text"]
    assert button == ("Reply to both" if cc else f"Reply to {to}")
    text = json.dumps(card)
    assert ("is off the thread now" in text) is (cc is None)
    assert ("on Cc, so they see the thanks" in text) is (cc is not None)


def test_self_introduction_gets_the_quiet_card(client: httpx.Client) -> None:
    """The cold self-introduction is not an introduction: no reply to both."""
    card = _message_card(client, "Self-introduction (not an intro)")
    assert card["header"]["title"] != "Introduction spotted"
    assert "fixedFooter" not in card


def test_reply_to_both_creates_the_threaded_draft(client: httpx.Client) -> None:
    """The card's own button, posted back, creates a draft: Sue on To, Joe on Cc."""
    thread = thread_ids(client)["Classic introduction"]
    card = _message_card(client, "Classic introduction")
    action = card["fixedFooter"]["primaryButton"]["onClick"]["action"]
    params = {p["key"]: p["value"] for p in action["parameters"]}
    answer = invoke(
        client,
        action["function"],
        commonEventObject={"parameters": params},
        gmail={"messageId": thread, "threadId": thread},
    ).json()
    opened = answer["renderActions"]["hostAppAction"]["gmailAction"]["openCreatedDraftActionMarkup"]
    draft = client.get(f"/demo/drafts/{opened['draftId']}").json()
    assert opened["draftThreadId"] == thread == draft["threadId"]
    assert [SUE in a for a in draft["to"]] == [True]
    assert [JOE in a for a in draft["cc"]] == [True]
    assert draft["subject"] == "Re: Intro: Dana <> Sue"
    assert "\r" not in draft["body"]


def test_thread_view_marks_the_demo_draft(client: httpx.Client) -> None:
    """The bad reply is a draft in its thread, with the resume attached."""
    thread = thread_ids(client)["Bad first reply: resume and an ask"]
    messages = client.get(f"/demo/threads/{thread}").json()["messages"]
    draft = messages[-1]
    assert draft["draftId"]
    assert [a["filename"] for a in draft["attachments"]] == ["Dana_Reyes_Resume.pdf"]
    assert messages[0]["draftId"] is None


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"just some text, no headers at all",
        b"\x00\x01\x02binary",
        b"From: a@b.example\r\n",
    ],
)
def test_malformed_upload_is_a_clear_400(client: httpx.Client, raw: bytes) -> None:
    """An upload that is not an email answers 400 with a reason, never a 500."""
    answer = client.post("/demo/upload", content=raw)
    assert answer.status_code == 400
    assert answer.json()["error"] == "not an email"
    assert answer.json()["detail"]


@pytest.mark.parametrize(
    "raw",
    [
        b"From: a@b.example\r\nTo: =?utf-8?b?x?= <c@d.example>\r\nSubject: s\r\n\r\nhi",
        b"From: a@b.example\r\nTo: c@d.example\r\nSubject: =?\x80?q?x?=\r\n\r\nhi",
    ],
)
def test_hostile_headers_never_crash_the_upload(client: httpx.Client, raw: bytes) -> None:
    """Broken encoded words are either read or refused with a reason; the list still loads."""
    answer = client.post("/demo/upload", content=raw)
    assert answer.status_code in (200, 400)
    assert answer.status_code == 200 or answer.json()["detail"]
    assert client.get("/demo/threads").status_code == 200


def test_upload_goes_to_the_top_and_is_coached(client: httpx.Client) -> None:
    """An uploaded intro is listed first and gets the introduction card."""
    raw = (MAILBOX_DIR / "01-classic.eml").read_bytes().replace(b"demo-classic-1", b"up-1")
    saved = client.post("/demo/upload", content=raw).json()
    first = client.get("/demo/threads").json()["threads"][0]
    assert (first["id"], first["note"]) == (saved["threadId"], "Uploaded")
    answer = invoke(
        client,
        "/addon/message",
        gmail={"messageId": saved["messageId"], "threadId": saved["threadId"]},
    )
    assert pushed(answer.json())["header"]["title"] == "Introduction spotted"


@pytest.mark.parametrize(
    "function",
    ["https://evil.example/addon/message", "/demo/threads", "/addon/../demo/certs", "/healthz"],
)
def test_invoke_only_reaches_addon_endpoints(client: httpx.Client, function: str) -> None:
    """The demo signs requests only for this add-on's own /addon/ endpoints."""
    answer = invoke(client, function)
    assert answer.status_code == 400
    assert answer.json()["error"] == "bad invoke"


def test_invoke_ignores_authorization_from_the_page(client: httpx.Client) -> None:
    """Whatever the page sends as authorization is replaced by the demo's own."""
    answer = client.post(
        "/demo/invoke",
        json={
            "function": "/addon/homepage",
            "event": {"authorizationEventObject": {"userIdToken": "forged"}},
        },
    )
    assert answer.status_code == 200
    assert pushed(answer.json())["header"]["title"]


def test_uploaded_mail_names_its_people_and_is_read_as_one(client: httpx.Client) -> None:
    """The upload answers with the message's people; invoking as one of them makes the
    card speak to that person, and a non-address is refused."""
    raw = (Path(__file__).parents[2] / "data" / "emails" / "classic_meet.eml").read_bytes()
    saved = client.post(
        "/demo/upload", content=raw, headers={"Content-Type": "message/rfc822"}
    ).json()
    assert saved["people"] == [
        "maya.chen@harbor.example",
        "sue@northwind.example",
        "joe.brandt@fieldlabs.example",
    ]
    event = {"gmail": {"messageId": saved["messageId"], "threadId": saved["threadId"]}}
    for as_user, other in (
        ("sue@northwind.example", "Joe"),
        ("joe.brandt@fieldlabs.example", "Sue"),
    ):
        answer = client.post(
            "/demo/invoke", json={"function": "/addon/message", "event": event, "asUser": as_user}
        )
        assert f"introduced you to {other}" in pushed(answer.json())["header"]["subtitle"]
    refused = client.post(
        "/demo/invoke", json={"function": "/addon/message", "event": event, "asUser": "sue"}
    )
    assert refused.status_code == 400


def test_withheld_scope_asks_for_consent(client: httpx.Client) -> None:
    """Without the read scope, opening a message answers with a consent request."""
    thread = thread_ids(client)["Classic introduction"]
    answer = client.post(
        "/demo/invoke",
        json={
            "function": "/addon/message",
            "event": {"gmail": {"messageId": thread, "threadId": thread}},
            "scopes": ["https://www.googleapis.com/auth/gmail.addons.execute"],
        },
    ).json()
    assert "requesting_google_scopes" in answer


def test_autosave_keeps_the_draft_attachments(client: httpx.Client) -> None:
    """Saving the compose window over the demo draft keeps its resume attached."""
    thread = thread_ids(client)["Bad first reply: resume and an ask"]
    old = client.get(f"/demo/threads/{thread}").json()["messages"][-1]
    saved = client.post(
        "/demo/drafts",
        json={
            "draftId": old["draftId"],
            "threadId": thread,
            "to": "ben.carter@greenleaf-grocers.example",
            "subject": "Re: hello",
            "body": "Edited text.",
        },
    ).json()
    draft = client.get(f"/demo/drafts/{saved['id']}").json()
    assert saved["id"] == old["draftId"]
    assert draft["body"] == "Edited text.\n"
    assert [a["filename"] for a in draft["attachments"]] == ["Dana_Reyes_Resume.pdf"]


def test_unknown_ids_are_404(client: httpx.Client) -> None:
    """Unknown threads and drafts answer 404 in JSON."""
    assert client.get("/demo/threads/nope").status_code == 404
    assert client.get("/demo/drafts/r1").status_code == 404
    assert client.post("/demo/drafts", json={"threadId": "nope"}).status_code == 404


def test_page_and_static_files_are_served(client: httpx.Client) -> None:
    """`/` is the simulator page; its scripts are served as JavaScript."""
    page = client.get("/")
    assert page.status_code == 200
    assert "simulator.js" in page.text
    script = client.get("/demo/static/cards.js")
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]


def test_draft_read_profile_reads_the_saved_draft() -> None:
    """With the draft-read profile, opening the add-on in compose checks the saved draft."""
    with running_demo(profile="draft-read") as server, httpx.Client(base_url=server.url) as http:
        thread = thread_ids(http)["Bad first reply: resume and an ask"]
        answer = invoke(
            http,
            "/addon/compose",
            gmail={
                "threadId": thread,
                "messageId": last_received(http, thread),
                "toRecipients": ["ben.carter@greenleaf-grocers.example"],
                "ccRecipients": ["nadia@osei-network.example"],
            },
        )
        text = json.dumps(pushed(answer.json()))
    assert "Resume attached" in text
    assert "An ask in a first reply" in text


@pytest.mark.parametrize(
    ("note", "subtitle", "stand", "footer"),
    [
        (
            "Replied and connected: close the loop",
            "Priya Nair introduced you to Marco Bianchi",
            "You and Marco have connected",
            "Draft thanks to Priya",
        ),
        (
            "Loop closed (in French)",
            "Claire Dubois introduced you to Hugo Martin",
            "Loop closed",
            "Draft it to Hugo",
        ),
    ],
)
def test_follow_up_demo_threads_show_their_stage(
    client: httpx.Client, note: str, subtitle: str, stand: str, footer: str
) -> None:
    """The connected and loop-closed demo threads give the follow-up card at their stage."""
    card = _message_card(client, note)
    assert card["header"] == {"title": "After your reply", "subtitle": subtitle}
    assert stand in json.dumps(card, ensure_ascii=False)
    assert card["fixedFooter"]["primaryButton"]["text"] == footer
