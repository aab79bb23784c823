"""The certificate cache: max-age, unknown-kid refetch limits, stale use, thread safety."""

from __future__ import annotations

import threading

import pytest

from app.addon.auth import InvalidToken, TokenVerifier
from app.addon.certs import DEFAULT_TTL_SECONDS, CertsCache, CertsUnavailable
from devkit.signing import LocalSigner
from tests.addon.google_fakes import MESSAGE_URL, SERVICE_ACCOUNT


def _verify(verifier: TokenVerifier, signer: LocalSigner) -> None:
    token = signer.system_token(audience=MESSAGE_URL, service_account=SERVICE_ACCOUNT)
    verifier.verify_caller(token, audiences=[MESSAGE_URL], service_account=SERVICE_ACCOUNT)


def test_certs_are_fetched_once_for_many_verifications(verifier, signer, certs_server):
    """Fifty verifications cost one fetch."""
    for _ in range(50):
        _verify(verifier, signer)
    assert certs_server.fetches == 1


def test_max_age_decides_when_to_refetch(signer, certs_server, clock):
    """Certs are refetched once `max-age` has passed, not before."""
    certs_server.cache_control = "public, max-age=100, must-revalidate"
    verifier = TokenVerifier(certs_server.url, clock=clock)
    _verify(verifier, signer)
    clock.advance(99)
    _verify(verifier, signer)
    assert certs_server.fetches == 1
    clock.advance(2)
    _verify(verifier, signer)
    assert certs_server.fetches == 2


def test_without_cache_control_certs_live_an_hour(signer, certs_server, clock, verifier):
    """No `Cache-Control` means the default lifetime of an hour."""
    certs_server.cache_control = None
    _verify(verifier, signer)
    clock.advance(DEFAULT_TTL_SECONDS - 1)
    _verify(verifier, signer)
    assert certs_server.fetches == 1
    clock.advance(2)
    _verify(verifier, signer)
    assert certs_server.fetches == 2


@pytest.mark.parametrize(
    ("headers", "fresh_for"),
    [
        ({"Cache-Control": "max-age=0"}, 30.0),  # floored at the refetch interval
        ({"Cache-Control": "max-age=999999999"}, 86400.0),  # capped at a day
        ({"Cache-Control": "max-age=600", "Age": "100"}, 500.0),  # Age counts against it
        ({"Cache-Control": 'private, MAX-AGE="120"', "Age": "soon"}, 120.0),
        ({"Cache-Control": "no-transform"}, DEFAULT_TTL_SECONDS),
    ],
)
def test_lifetime_is_aged_and_clamped(signer, certs_server, clock, headers, fresh_for):
    """The lifetime is max-age minus Age, within [refetch interval, one day]."""
    certs_server.cache_control = None
    certs_server.headers = headers
    cache = CertsCache(certs_server.url, clock=clock)
    cache.certs_for(signer.key_id)
    clock.advance(fresh_for - 0.5)
    cache.certs_for(signer.key_id)
    assert certs_server.fetches == 1
    clock.advance(1)
    cache.certs_for(signer.key_id)
    assert certs_server.fetches == 2


def test_unknown_kids_refetch_at_most_once_per_interval(
    verifier, signer, stranger, certs_server, clock
):
    """A flood of forged key ids costs one refetch per 30 s, not one per token."""
    _verify(verifier, signer)
    with pytest.raises(InvalidToken, match="unknown key id"):
        _verify(verifier, stranger)
    assert certs_server.fetches == 1  # the first fetch was under 30 s ago
    clock.advance(30)
    for _ in range(20):
        with pytest.raises(InvalidToken, match="unknown key id"):
            _verify(verifier, stranger)
    assert certs_server.fetches == 2


def test_rotated_key_is_picked_up_by_unknown_kid_refetch(
    verifier, signer, stranger, certs_server, clock
):
    """A new Google key is found by refetching when a token names it."""
    _verify(verifier, signer)
    clock.advance(30)
    certs_server.certs = {**signer.certs_json(), **stranger.certs_json()}
    _verify(verifier, stranger)
    assert certs_server.fetches == 2


def test_refetch_allowed_again_after_interval(verifier, stranger, signer, certs_server, clock):
    """After the refetch interval an unknown kid may trigger one more fetch."""
    _verify(verifier, signer)
    clock.advance(30)
    with pytest.raises(InvalidToken):
        _verify(verifier, stranger)
    clock.advance(31)
    with pytest.raises(InvalidToken):
        _verify(verifier, stranger)
    assert certs_server.fetches == 3


@pytest.mark.parametrize("mode", ["down", "error", "garbage"])
def test_stale_certs_serve_while_endpoint_fails(verifier, signer, certs_server, clock, mode):
    """When the endpoint fails after a fetch, the expired certs keep verifying."""
    _verify(verifier, signer)
    certs_server.mode = mode
    clock.advance(DEFAULT_TTL_SECONDS + 1)
    _verify(verifier, signer)
    _verify(verifier, signer)  # no second attempt inside the refetch interval
    assert certs_server.fetches == 2


@pytest.mark.parametrize("mode", ["down", "error", "garbage"])
def test_never_fetched_and_failing_is_certs_unavailable(verifier, signer, certs_server, mode):
    """With nothing cached and the endpoint failing, verification raises CertsUnavailable."""
    certs_server.mode = mode
    with pytest.raises(CertsUnavailable, match="could not be fetched"):
        _verify(verifier, signer)


def test_unavailable_endpoint_is_not_hammered_then_recovers(verifier, signer, certs_server, clock):
    """Failed first fetches are retried once per interval, and succeed once the endpoint is back."""
    certs_server.mode = "down"
    for _ in range(5):
        with pytest.raises(CertsUnavailable):
            _verify(verifier, signer)
    assert certs_server.fetches == 1
    certs_server.mode = "ok"
    clock.advance(30)
    _verify(verifier, signer)
    assert certs_server.fetches == 2


def test_slow_endpoint_times_out(signer, certs_server):
    """The fetch gives up after the short timeout instead of hanging the request."""
    certs_server.delay = 0.3
    verifier = TokenVerifier(certs_server.url, http_timeout=0.05)
    with pytest.raises(CertsUnavailable):
        _verify(verifier, signer)


@pytest.mark.parametrize(
    "document",
    [{}, {"kid": "not a certificate"}, {"kid": 42}],
)
def test_invalid_certs_documents_are_refused(signer, certs_server, clock, document):
    """A document that isn't `{kid: PEM certificate}` never replaces good certs."""
    cache = CertsCache(certs_server.url, clock=clock)
    cache.certs_for(signer.key_id)
    certs_server.certs = document
    clock.advance(DEFAULT_TTL_SECONDS + 1)
    assert cache.certs_for(signer.key_id) == signer.certs_json()
    assert certs_server.fetches == 2


def test_unreachable_or_invalid_url_is_certs_unavailable():
    """A bad certs URL is an unavailable endpoint, not a crash."""
    for url in ("http://[::1", "ftp://example.org/certs", "http://127.0.0.1:9/certs"):
        with pytest.raises(CertsUnavailable):
            CertsCache(url, timeout=0.5).certs_for("kid")


def test_concurrent_cold_start_fetches_once(signer, certs_server):
    """Sixteen threads verifying at once on a cold cache share one fetch."""
    certs_server.delay = 0.05
    verifier = TokenVerifier(certs_server.url)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            _verify(verifier, signer)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert certs_server.fetches == 1


def test_fetch_failure_is_logged_without_tokens(signer, certs_server, caplog):
    """A failed fetch logs a warning naming the URL and the failure."""
    certs_server.mode = "error"
    with pytest.raises(CertsUnavailable):
        CertsCache(certs_server.url).certs_for(signer.key_id)
    assert "HTTP 500" in caplog.text
    assert certs_server.url in caplog.text
