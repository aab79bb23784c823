"""`app.core.memo`: answers shared within one analysis, nothing kept after it."""

from __future__ import annotations

import importlib
import pkgutil
import threading
from collections.abc import Callable

import app.core
from app.core import memo
from app.core.checks.draft import Draft, check_reply
from app.core.intro import detect_introduction
from app.core.mail.rfc822 import parse_eml
from app.core.memo import one_analysis, per_analysis
from app.core.model import Thread
from app.core.preferences import Preferences
from app.core.reply import suggest_reply

calls: list[str] = []


@per_analysis
def _shout(text: str) -> str:
    calls.append(text)
    return text.upper()


def test_outside_an_analysis_every_call_computes() -> None:
    calls.clear()
    assert _shout("a") == "A"
    assert _shout("a") == "A"
    assert calls == ["a", "a"]


def test_inside_an_analysis_each_argument_computes_once() -> None:
    calls.clear()
    with one_analysis():
        assert [_shout(x) for x in "abab"] == ["A", "B", "A", "B"]
        with one_analysis():  # nested: the same memo
            assert _shout("a") == "A"
    assert calls == ["a", "b"]
    assert _shout("a") == "A"  # closed: computed again
    assert calls == ["a", "b", "a"]


def test_threads_have_their_own_memo() -> None:
    calls.clear()
    seen: list[object] = []

    def other() -> None:
        seen.append(memo._memo.get())

    with one_analysis():
        _shout("x")
        worker = threading.Thread(target=other)
        worker.start()
        worker.join()
    assert seen == [None]


def _core_caches() -> dict[str, Callable[..., object]]:
    """Every process-wide `lru_cache` in app.core, by qualified name."""
    found: dict[str, Callable[..., object]] = {}
    for info in pkgutil.walk_packages(app.core.__path__, "app.core."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if callable(value) and hasattr(value, "cache_info"):  # keyed where defined
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return found


# Caches keyed by names and addresses (people, not what they wrote).
_ABOUT_PEOPLE = ("app.core.mail.names.", "app.core.reply.retell.")


def test_no_text_of_the_mail_stays_in_a_process_wide_cache() -> None:
    """The privacy rule: what people wrote is not kept after the analysis returns.

    Only caches keyed by people's names may grow while a message is analysed and a
    reply checked; per-sentence answers live in `one_analysis()` memos.
    """
    caches = _core_caches()
    assert caches, "expected the name caches at least"
    before = {name: f.cache_info().currsize for name, f in caches.items()}  # type: ignore[attr-defined]
    secret = "My zebra-striped resume mentions Quetzalcoatl consulting twice."
    text = f"Hi Sue, thanks Joe!\n\n{secret} Could you refer me to your CEO?\n\nBest,\nDana"
    raw = (
        "From: Joe Smith <joe@x.example>\r\nTo: Sue Park <sue@y.example>, Dana <dana@z.example>\r\n"
        "Subject: Intro: Sue <> Dana\r\n\r\n"
        f"Sue, meet Dana. {secret}\r\n\r\nDana, meet Sue. She runs sales at Acme.\r\n"
    ).encode()
    email = parse_eml(raw)
    intro = detect_introduction(email, "dana@z.example").introduction
    assert intro is not None
    suggest_reply(intro, Thread((email,)), "dana@z.example", Preferences())
    check_reply(Draft(text=text))
    grown = [
        name
        for name, f in caches.items()
        if f.cache_info().currsize > before[name] and not name.startswith(_ABOUT_PEOPLE)  # type: ignore[attr-defined]
    ]
    assert grown == []
