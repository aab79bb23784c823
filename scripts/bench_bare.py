"""A bare FastAPI app (one route): the cold-start baseline next to `app.main:app`."""

from __future__ import annotations

from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/bench/bare")
async def bare(request: Request) -> dict[str, bool]:
    """Read the body, answer a constant."""
    await request.body()
    return {"ok": True}
