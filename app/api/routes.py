"""HTTP routes: the add-on's triggers and card actions, and `/healthz`.

Each add-on handler is a plain blocking function (it may call Gmail and the store);
`_endpoint` registers it behind `AddonEndpoint`, a small ASGI app that verifies the call
(`deps.verified_context`) and then runs the handler once in a worker thread
(`offload.py`), so the blocking Gmail client never stalls the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pydantic_core
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.requests import Request as StarletteRequest
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from app.addon import scopes
from app.addon.scopes import missing_scopes
from app.api.deps import Call, Context, verified_context
from app.api.offload import off_loop
from app.cards import home, i18n
from app.cards.i18n import _
from app.cards.responses import push, request_scopes, update
from app.core.preferences import Preferences
from app.gmail.client import GmailAuth
from app.service.form import preferences_from_form
from app.service.ports import IntroListing, Request
from app.wiring import Services

router = APIRouter()
READ = (scopes.CURRENT_MESSAGE_READONLY,)
DRAFT = (scopes.CURRENT_MESSAGE_READONLY, scopes.CURRENT_ACTION_COMPOSE)
COMPOSE = (scopes.CURRENT_ACTION_COMPOSE, scopes.CURRENT_MESSAGE_METADATA)
Json = dict[str, Any]
Handler = Callable[[Context], Json]
Action = Callable[[Request, Preferences], Json]


class CardResponse(JSONResponse):
    """A card rendered by pydantic-core's JSON encoder: the same bytes as Starlette's
    `json.dumps` rendering (tested), in a third of the time (~13 vs ~43 us a card)."""

    def render(self, content: Any) -> bytes:
        return pydantic_core.to_json(content)


class AddonEndpoint:
    """One add-on handler served as a plain ASGI app (a Starlette `Route` of the router).

    It verifies the call (`verified_context`: 401 / 400 before anything else), runs the
    handler in the worker pool and answers with the card as a `CardResponse` rendered
    once. The app's middleware and exception handlers still wrap it; what it leaves out
    is FastAPI's per-request machinery for an `APIRoute` (dependency solving, the request
    wrapper, route-level exception wrapping), which the add-on endpoints do not use:
    ~0.06 ms of event-loop CPU a request (docs/performance.md). The add-on endpoints are
    called by Google, not by OpenAPI clients, so they are left out of `/openapi.json`.
    """

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.__name__ = handler.__name__
        self.__doc__ = handler.__doc__

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        ctx = await verified_context(StarletteRequest(scope, receive))
        # Cards in the user's Gmail locale: set here for an error card rendered on the
        # loop, and inside the worker thread for the handler (the pool does not copy
        # context variables).
        locale = i18n.negotiate(ctx.call.event.common_event_object.user_locale)
        i18n.set_locale(locale)
        card = await off_loop(_in_locale, locale, self.handler, ctx)
        await CardResponse(card)(scope, receive, send)


def _endpoint(path: str) -> Callable[[Handler], Handler]:
    """Serve a blocking handler at `POST path`, off the event loop (`AddonEndpoint`)."""

    def register(handler: Handler) -> Handler:
        router.routes.append(Route(path, AddonEndpoint(handler), methods=["POST"]))
        return handler

    return register


def _in_locale(locale: str, handler: Handler, ctx: Context) -> Json:
    with i18n.using(locale):
        return handler(ctx)


@router.get("/healthz")
async def healthz() -> Json:
    """Liveness: the process serves requests (on the loop: no thread-pool hop)."""
    return {"status": "ok"}


@_endpoint("/addon/homepage")
def homepage(ctx: Context) -> Json:
    """Homepage trigger: what we do, preferences, privacy."""
    call, services = ctx.call, ctx.services
    req = _request(call)
    prefs = services.preferences.load(req.user_id)
    return push(home.build(prefs, services.urls, intros=_listing(services, req), me=req.user_email))


@_endpoint("/addon/actions/settings")
def save_settings(ctx: Context) -> Json:
    """Save the preferences form."""
    call, services = ctx.call, ctx.services
    req = _request(call)
    if not req.user_id:
        return push(home.build(Preferences(), services.urls))
    prefs = preferences_from_form(req, services.preferences.load(req.user_id))
    services.preferences.save(req.user_id, prefs)
    page = home.build(
        prefs, services.urls, saved=True, intros=_listing(services, req), me=req.user_email
    )
    return update(page, _("Preferences saved"))


@_endpoint("/addon/message")
def message(ctx: Context) -> Json:
    """Contextual trigger: a message was opened."""
    return _guarded(ctx, READ, ctx.services.message.open)


@_endpoint("/addon/actions/refresh")
def refresh(ctx: Context) -> Json:
    """An option on the introduction card changed."""
    return _guarded(ctx, READ, ctx.services.message.refresh)


@_endpoint("/addon/actions/override")
def override(ctx: Context) -> Json:
    """'Treat this as an introduction' with the people the user picked."""
    req = _request(ctx.call)
    params = dict(req.params)
    params["introducer"] = req.value("introducer")
    params["other"] = req.value("other")
    return _guarded(ctx, READ, ctx.services.message.refresh, replace(req, params=params))


@_endpoint("/addon/actions/reply")
def reply(ctx: Context) -> Json:
    """'Reply to both': create the draft and open it."""
    return _guarded(ctx, DRAFT, ctx.services.message.reply)


@_endpoint("/addon/actions/follow-up")
def follow_up(ctx: Context) -> Json:
    """'Draft thanks' / 'Draft it' on the follow-up card: create the draft and open it."""
    return _guarded(ctx, DRAFT, ctx.services.message.follow_up)


@_endpoint("/addon/actions/ask-first")
def ask_first(ctx: Context) -> Json:
    """A request for an introduction: draft the note asking first and the reply."""
    return _guarded(ctx, DRAFT, ctx.services.message.requests.ask_first)


@_endpoint("/addon/compose")
def compose(ctx: Context) -> Json:
    """Compose trigger: checks from the recipients, the suggestion."""
    services = ctx.services
    needed = COMPOSE + ((scopes.GMAIL_READONLY,) if services.profile == "draft-read" else ())
    return _guarded(ctx, needed, services.compose.open)


@_endpoint("/addon/actions/check-text")
def check_text(ctx: Context) -> Json:
    """Run every first-reply check on pasted text."""
    call, services = ctx.call, ctx.services
    req = _request(call)
    return services.compose.check_text(req, _prefs(services, req))


@_endpoint("/addon/actions/insert")
def insert(ctx: Context) -> Json:
    """Insert the suggestion into the open draft."""
    call, services = ctx.call, ctx.services
    return _needs(call, COMPOSE) or services.compose.insert(_request(call))


@_endpoint("/addon/actions/restore-cc")
def restore_cc(ctx: Context) -> Json:
    """Put the introducer back on Cc."""
    return _guarded(ctx, COMPOSE, ctx.services.compose.restore_cc)


def _guarded(
    ctx: Context, needed: tuple[str, ...], action: Action, req: Request | None = None
) -> Json:
    """Run `action` on the call's request (or `req`) once the user granted `needed`."""
    if req is None:
        req = _request(ctx.call)
    return _needs(ctx.call, needed) or action(req, _prefs(ctx.services, req))


def _needs(call: Call, needed: tuple[str, ...]) -> Json | None:
    """Granular consent: ask for what this action needs and the user has not granted."""
    granted = call.event.authorization_event_object.authorized_scopes
    if not granted:
        return None  # older events omit the list; Gmail enforces the scopes itself
    missing = missing_scopes(granted, needed)
    return request_scopes(missing) if missing else None


def _request(call: Call) -> Request:
    event, user = call.event, call.user
    auth = event.authorization_event_object
    gmail = event.gmail
    form = {
        k: list(v.string_inputs.value)
        for k, v in event.common_event_object.form_inputs.items()
        if v.string_inputs
    }
    return Request(
        user_id=user.sub if user else "",
        user_email=user.email if user else "",
        auth=GmailAuth(auth.user_oauth_token or "", gmail.access_token),
        message_id=gmail.message_id or "",
        thread_id=gmail.thread_id or "",
        params=dict(event.common_event_object.parameters),
        form=form,
        to=tuple(gmail.to_recipients),
        cc=tuple(gmail.cc_recipients),
        bcc=tuple(gmail.bcc_recipients),
    )


def _listing(services: Services, req: Request) -> tuple[IntroListing, ...]:
    """The user's recent introductions for the homepage (none without a verified user)."""
    if not req.user_id or services.recent is None:
        return ()
    return services.recent.listing(req.user_id)


def _prefs(services: Services, req: Request) -> Preferences:
    return services.preferences.load(req.user_id) if req.user_id else Preferences()
