"""The benchmark's app: production's `create_app()` plus a bare endpoint, for comparison.

`/bench/bare` exists only here (never in production routes): a FastAPI endpoint that
reads the same body and answers a small JSON object, so wrk measures the server's
floor (uvicorn, Starlette routing, JSON) next to the message endpoint in one process.
"""

from __future__ import annotations

from fastapi import FastAPI, Request

from app.main import create_app


def create_bench_app() -> FastAPI:
    """Our app with `/bench/bare` added."""
    app = create_app()

    @app.post("/bench/bare")
    async def bare(request: Request) -> dict[str, bool]:
        """The floor: read the body, answer a constant."""
        await request.body()
        return {"ok": True}

    return app


app = create_bench_app()
