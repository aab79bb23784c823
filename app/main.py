"""The ASGI app (`app.main:app`, served by uvicorn).

With `INTRO_DEMO=1` the same app also serves the local demo (`devkit.demo`): it swaps the
settings and adds routes, and refuses to start unless it runs on loopback only.
`create_app` is the one place `app/` imports the dev kit, and only when the demo is on:
with default settings no `devkit` module is loaded (`tests/test_architecture.py`).
"""

from __future__ import annotations

import gc

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse
from fastapi.telemetry import TelemetryConfig

from app.api import errors
from app.api.routes import router
from app.settings import Settings, SettingsRefused, get_settings

# FastAPI's native OpenTelemetry support, off: we configure no tracer, meter or logger
# provider, so it would record nothing, yet with it on FastAPI asks on every request
# whether a provider was set up since (three environment reads): ~0.015 ms of CPU.
NO_TELEMETRY: TelemetryConfig = {"tracing": False, "metrics": False, "logs": False}
BACKEND_NOTICE = "Intro Coach add-on backend. Google calls the /addon/ endpoints.\n"


def create_app(settings: Settings | None = None) -> FastAPI:
    """A new app with every route and error handler (and the demo when `settings.demo`).

    Raises:
        DemoRefused: demo mode was asked for with a public URL or host off this machine
            (a `SettingsRefused`, from `devkit.demo`).
    """
    app = FastAPI(
        title="Intro Coach",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        telemetry=NO_TELEMETRY,
    )
    errors.install(app)
    # The routes go on the app's own router: `include_router` would put them behind an
    # included-router layer that FastAPI matches twice per request (~0.02 ms of CPU).
    app.router.routes.extend(router.routes)
    chosen = settings if settings is not None else get_settings()
    if chosen.demo:
        # The demo switch: the only import of the dev kit in app/ (not in the image).
        from devkit.demo import install_demo

        install_demo(app, chosen)
    else:
        app.add_api_route("/", _notice, include_in_schema=False, response_class=PlainTextResponse)
    return app


async def _notice() -> str:
    """Production `/`: say what this is; the simulator exists only in demo mode."""
    return BACKEND_NOTICE


def _app_from_environment() -> FastAPI:
    try:
        return create_app()
    except SettingsRefused as exc:
        raise SystemExit(f"Intro Coach will not start: {exc}") from None


# The cyclic garbage collector, tuned for a server whose request work makes few cycles.
# Every object made at import (FastAPI, pydantic, googleapiclient's discovery document, the
# lexicons and fitted weights: ~10^5 objects that live as long as the process) moves to
# the permanent generation, so no later collection walks them; and the youngest
# generation is collected every 20,000 allocations instead of 700 (a message open makes
# a few thousand short-lived containers, nearly all freed by reference counting before a
# collection sees them). Measured at ~0.1 ms of CPU per message open
# (docs/performance.md); memory stays flat over 10,000 opens (`make bench`, `make load`).
GC_THRESHOLDS = (20_000, 20, 20)


def _settle_garbage_collector() -> None:
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


app = _app_from_environment()
_settle_garbage_collector()
