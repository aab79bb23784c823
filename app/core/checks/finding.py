"""What a first-reply check reports: a `Finding` with a stable code and a text span (pure).

Codes are a contract read by other tooling (the add-on cards, the CLI's JSON, the
evaluation script), so they live here once. `ask` findings also carry a `kind`
(`contacts`, `job`, ...); `label` joins the two as `ask:contacts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

# Every code, in the order findings are shown (`ORDER`): the first reply's checks, then
# those of an introduction the user writes, as the introducer (`introducer`).
ReplyCode = Literal[
    "resume_attached",
    "ask",
    "dropped_introducer",
    "self_focus",
    "throwaway_offer",
    "no_thanks",
    "no_next_step",
    "too_long",
]
IntroducerCode = Literal[
    "one_side_missing",
    "no_blurb",
    "no_reason",
    "ask_on_behalf",
    "no_consent",
    "vague_subject",
]
FindingCode = Literal[ReplyCode, IntroducerCode]
Severity = Literal["warning", "info"]
AskKind = Literal[
    "introductions",
    "contacts",
    "job",
    "referral",
    "resume",
    "review",
    "advice",
    "target_companies",
    "favour",
]
ORDER: tuple[FindingCode, ...] = get_args(FindingCode)
INTRODUCER_CODES: tuple[IntroducerCode, ...] = get_args(IntroducerCode)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a draft.

    `start`/`end` are offsets into the draft's own text (quoted history excluded);
    `start == end` marks where something is missing (a thanks, a next step), and
    both are 0 for recipient-only findings. `excerpt` is `text[start:end]`.
    """

    code: FindingCode
    severity: Severity
    message: str
    start: int
    end: int
    fix: str
    excerpt: str = ""
    kind: str = ""

    @property
    def label(self) -> str:
        """`code`, or `code:kind` when the finding has a kind (`ask:job`)."""
        return f"{self.code}:{self.kind}" if self.kind else self.code
