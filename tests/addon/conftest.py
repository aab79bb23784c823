"""Fixtures for the add-on edge: signers, a loopback certs server, a verifier on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.addon.auth import TokenVerifier
from devkit.signing import LocalSigner
from tests.addon.google_fakes import CertsServer, FakeClock, shared_signer


@pytest.fixture(scope="session")
def signer() -> LocalSigner:
    """The process-wide signer whose certs the server publishes."""
    return shared_signer()


@pytest.fixture(scope="session")
def stranger() -> LocalSigner:
    """A second key the certs server does not publish."""
    return LocalSigner()


@pytest.fixture
def certs_server(signer: LocalSigner) -> Iterator[CertsServer]:
    """A fresh certs server publishing `signer`'s certificate."""
    with CertsServer(signer.certs_json()) as server:
        yield server


@pytest.fixture(scope="session")
def session_certs_server(signer: LocalSigner) -> Iterator[CertsServer]:
    """A certs server shared by Hypothesis tests (function fixtures don't mix with @given)."""
    with CertsServer(signer.certs_json()) as server:
        yield server


@pytest.fixture
def clock() -> FakeClock:
    """The certs cache's clock; token times stay real."""
    return FakeClock()


@pytest.fixture
def verifier(certs_server: CertsServer, clock: FakeClock) -> TokenVerifier:
    """A verifier on the loopback certs server, with a hand-moved cache clock."""
    return TokenVerifier(certs_server.url, clock_skew_seconds=20, http_timeout=2.0, clock=clock)
