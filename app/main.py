"""The ASGI app (`app.main:app`, served by uvicorn).

With `INTRO_DEMO=1` the same app also serves the local demo (`app.demo`): it swaps the
settings and adds routes, and refuses to start unless it runs on loopback only.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse

from app.api import errors
from app.api.routes import router
from app.demo import DemoRefused, install_demo
from app.settings import Settings, get_settings

BACKEND_NOTICE = "Intro Coach add-on backend. Google calls the /addon/ endpoints.\n"


def create_app(settings: Settings | None = None) -> FastAPI:
    """A new app with every route and error handler (and the demo when `settings.demo`).

    Raises:
        DemoRefused: demo mode was asked for with a public URL or host off this machine.
    """
    app = FastAPI(title="Intro Coach", docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    errors.install(app)
    app.include_router(router)
    chosen = settings if settings is not None else get_settings()
    if chosen.demo:
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
    except DemoRefused as exc:
        raise SystemExit(f"Intro Coach will not start: {exc}") from None


app = _app_from_environment()
