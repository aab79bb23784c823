"""First-reply checks, one module per family; this package re-exports their API (pure).

`check_reply` (in `draft`) runs them on a `Draft` and `check_email` on a draft read from
mail; each check takes plain values (sentences, recipients, attachments) and returns
`Finding`s with stable codes. `check_introduction` (in `introducer`) checks an
introduction the user writes, as the introducer.
"""

from app.core.checks.asks import ask_kind, check_asks
from app.core.checks.boundaries import own_words_end
from app.core.checks.context import ReplyContext, ThreadState, find_user, reply_context
from app.core.checks.draft import Draft, check_email, check_reply
from app.core.checks.finding import (
    INTRODUCER_CODES,
    ORDER,
    AskKind,
    Finding,
    FindingCode,
    Severity,
)
from app.core.checks.focus import (
    Focus,
    check_self_focus,
    check_throwaway,
    is_throwaway,
    measure_focus,
)
from app.core.checks.introducer import check_introduction, written_introduction
from app.core.checks.recipients import (
    acknowledges_bcc,
    check_introducer_kept,
    introducer_named_in,
    is_copied,
    same_person,
)
from app.core.checks.reply_words import reply_languages
from app.core.checks.resume import (
    check_resume_attachments,
    check_resume_text,
    may_hold_resume,
)
from app.core.checks.resume_names import NameVerdict, classify_filename, is_resume_filename
from app.core.checks.structure import (
    check_length,
    check_next_step,
    check_thanks,
    has_thanks,
    is_next_step,
    proposes_next_step,
)
from app.core.text.sentences import Sentence, count_words, split_sentences

__all__ = [
    "INTRODUCER_CODES",
    "ORDER",
    "AskKind",
    "Draft",
    "Finding",
    "FindingCode",
    "Focus",
    "NameVerdict",
    "ReplyContext",
    "Sentence",
    "Severity",
    "ThreadState",
    "acknowledges_bcc",
    "ask_kind",
    "check_asks",
    "check_email",
    "check_introducer_kept",
    "check_introduction",
    "check_length",
    "check_next_step",
    "check_reply",
    "check_resume_attachments",
    "check_resume_text",
    "check_self_focus",
    "check_thanks",
    "check_throwaway",
    "classify_filename",
    "count_words",
    "find_user",
    "has_thanks",
    "introducer_named_in",
    "is_copied",
    "is_next_step",
    "is_resume_filename",
    "is_throwaway",
    "may_hold_resume",
    "measure_focus",
    "own_words_end",
    "proposes_next_step",
    "reply_context",
    "reply_languages",
    "same_person",
    "split_sentences",
    "written_introduction",
]
