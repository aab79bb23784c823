"""The ASGI app (`app.main:app`, served by uvicorn)."""

from __future__ import annotations

from fastapi import FastAPI

from app.api import errors
from app.api.routes import router


def create_app() -> FastAPI:
    """A new app with every route and error handler."""
    app = FastAPI(title="Intro Coach", docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    errors.install(app)
    app.include_router(router)
    return app


app = create_app()
