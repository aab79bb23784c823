"""Settings, read from `INTRO_*` environment variables (a contract: see README)."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

GOOGLE_CERTS_URL = "https://www.googleapis.com/oauth2/v1/certs"
GMAIL_API_ENDPOINT = "https://gmail.googleapis.com"
MEMORY_URL = "memory://"  # the `database_url` of storage in this process only


class SettingsRefused(RuntimeError):
    """The service will not start with these settings; the message says why and what to do."""


class Settings(BaseSettings):
    """Every knob of the service. Secrets and deployment identities have no defaults."""

    model_config = SettingsConfigDict(env_prefix="INTRO_", extra="ignore")

    public_url: str | None = Field(
        default=None, description="Base URL Google calls; endpoint audiences derive from it."
    )
    addon_service_account: str | None = Field(
        default=None, description="Expected `email` claim of Google's system ID token."
    )
    oauth_client_id: str | None = Field(
        default=None, description="Audience of the user's `userIdToken`."
    )
    google_certs_url: str = Field(
        default=GOOGLE_CERTS_URL, description="Where Google's token-signing certificates live."
    )
    gmail_api_endpoint: str = Field(
        default=GMAIL_API_ENDPOINT, description="Root URL of the Gmail API."
    )
    gmail_timeout_seconds: float = Field(
        default=6.0, gt=0, le=30, description="Timeout of one Gmail API call, in seconds."
    )
    hash_key: str | None = Field(
        default=None,
        description="Secret for the keyed hashes of user ids and addresses in server state; "
        "when unset, the database generates one and keeps it (the `memory://` store: per process).",
    )
    database_url: str = Field(
        default="sqlite:///var/intro-coach.sqlite3",
        description="Where preferences and short-lived state live: a SQLite file by default, "
        "`postgresql://…` for a multi-instance deployment, `memory://` for nothing on disk.",
    )
    demo: bool = Field(
        default=False,
        description="Local demo mode: built-in demo mailbox and locally signed requests. "
        "Refused when INTRO_PUBLIC_URL points anywhere but this machine.",
    )
    profile: Literal["default", "draft-read"] = Field(
        default="default",
        description="Scope profile: `draft-read` also reads the open draft (restricted scope).",
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (a FastAPI dependency; tests override it)."""
    return Settings()
