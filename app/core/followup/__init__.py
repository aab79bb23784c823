"""After the first reply: where an introduction stands, and what to send next (pure).

Inside: `loop` (the stage: new, replied, connected, loop closed, from the thread alone),
`drafts` (the thank-you note to the introducer alone and a give-first note to the other
person, in the thread's language) and `words` (per-language meeting phrases and our own
phrasing, `lexicon/<lang>.json`). Imports run one way: drafts → loop → words.
"""

from app.core.followup.drafts import GiveFirst, give_first, give_first_draft, thank_introducer
from app.core.followup.loop import STAGES, FollowUp, Stage, follow_up

__all__ = [
    "STAGES",
    "FollowUp",
    "GiveFirst",
    "Stage",
    "follow_up",
    "give_first",
    "give_first_draft",
    "thank_introducer",
]
