"""The phrase patterns behind the `ask` check (pure data, compiled once at import).

`BLANK` removes what must not count (thanks for past help, offers to meet,
e-mail addresses); `STRONG` asks need no request form; otherwise a request
form (`MARKER`) plus something wanted (`KIND_CUES`) makes an ask, unless the
sentence is an offer (`OFFER`) not aimed at the sender (`FOR_ME`).
"""

from __future__ import annotations

import re

from app.core.checks.finding import AskKind
from app.core.checks.wordstart import WordStart
from app.core.checks.wordstart import has_top_level_bar as _has_top_level_bar
from app.core.intro.lexicon import LazyPattern

_JOBS = r"(?:jobs?|positions?|openings?|roles?|vacanc\w+|employment|internships?|opportunit\w+)\b"


_LITERAL_CAPITAL = re.compile(r"\\.|[A-Z]")


def _rx(*parts: str) -> LazyPattern:
    """One pattern for lower-cased text: literal capitals are lowered, escapes (\\S) kept.

    Compiled the first time it is used (`LazyPattern`): most sentences never reach most
    of these, and compiling the 21 of them at import was ~15 ms of every cold start.

    Matching lower-cased text without IGNORECASE is about twice as fast in `re`.
    Runs of alternatives that all begin with \\b share one \\b in front of their
    group: the same matches (same alternatives, same order), but `re` tests the
    boundary once per position instead of once per alternative.
    """
    lowered = [_lowered(p) for p in parts]
    groups: list[str] = []
    run: list[str] = []
    for part in [*lowered, ""]:
        if part.startswith("\\b") and not _has_top_level_bar(part):
            run.append(part[2:])
            continue
        if run:
            groups.append("\\b(?:" + "|".join(f"(?:{r})" for r in run) + ")")
            run = []
        if part:
            groups.append(part)
    return LazyPattern("|".join(f"(?:{g})" for g in groups))


def _lowered(part: str) -> str:
    return _LITERAL_CAPITAL.sub(_lower_literal, part)


def _lower_literal(match: re.Match[str]) -> str:
    return match.group(0).lower() if len(match.group(0)) == 1 else match.group(0)


# An address starts where a word does: a match never starts inside a run of letters, so
# a long word with no "@" after it is crossed once, not once per letter (quadratic).
_EMAIL = r"(?<![^\s@])[^\s@]++@\S+"
_BLANK_REST = (
    r"\b(?:https?://|www\.)\S+",
    r"\bif you (?:have|need|want|run into) (?:any )?(?:\w+ ){0,4}?"
    r"(?:questions?|help|assistance|trouble"
    r"|problems?|difficult\w*|suggestions?|feedback|concerns?|issues?)\b",
    r"\badd\b[^.!?]{0,60}\bto your (?:address book|contacts?|safe)",
    r"\b(?:or )?need (?:any |further |more |additional )?(?:help|assistance)\b",
    r"\b(?:help|support) (?:center|page|team|desk|forum|department)\b",
    # \b first (zero-width checks at one position commute) so this part shares the \b.
    r"\b(?<!would )(?<!'d )(?:thanks?|thank you|thx|thnx|tks|many thanks)\b[^.!?;,—–]*",
    r"\b(?:I|we) (?:really |truly |greatly |so )?appreciated?\b(?! it if| any| if)[^.!?;,—–]*",
    r"\b(?:grateful|thankful) (?:for|to)\b[^.!?;,—–]*",
    r"\bopportunit(?:y|ies) to (?:meet|talk|speak|connect|chat|learn|hear|work|catch|get to|discuss"
    r"|sit|visit|see|reconnect|collaborate)\b",
    r"\blook(?:ing|s)? forward\b",
    r"\byour (?:own |current |new |previous |last )?(?:role|position|job|work)\b",
    r"\bnot (?:asking|looking|seeking|requesting|expecting)\b[^.!?;]*",
    r"\b(?:nice|pleasure|pleased|great|glad|lovely|good) to (?:e-?)?meet you\b",
)
BLANK = _rx(_EMAIL, *_BLANK_REST)
# For text without "@": the e-mail alternative needs one, so it can match nowhere,
# and leaving it out changes no match while sparing `re` its backtracking over
# every word (`[^\s@]+` runs to the end of each word before failing). The rest is
# blanked as a WordStart: every part starts with \b and a letter, and the one
# look-behind ("would ", "'d ") can't match the space WordStart puts first.
BLANK_WORDS = WordStart(*(_lowered(part) for part in _BLANK_REST))
_STRONG_PARTS: tuple[tuple[AskKind, tuple[str, ...]], ...] = (
    (
        "target_companies",
        (
            r"\btarget (?:companies|company list|employers|firms)\b",
            r"\blist of (?:companies|firms|employers) (?:I|we)\b",
        ),
    ),
    (
        "advice",
        (
            r"\bpick (?:your|his|her|their|a few|some) brains?\b",
            r"\b(?:seek|get|ask for|would value|welcome|appreciate) (?:your|some) "
            r"(?:advice|guidance|counsel|mentorship|wisdom)\b",
            r"\bany (?:advice|pointers|tips|guidance)\b(?! (?:I|we) (?:can|could))",
        ),
    ),
    (
        "introductions",
        (
            r"\b(?:introduce|intro|connect|link) me (?:to|with|up)\b",
            r"\bput me in (?:touch|contact)\b",
            r"\bget me (?:an intro|introduced|in front of|in touch)\b",
        ),
    ),
    (
        "contacts",
        (
            r"\byour (?:rolodex|contact list)\b",
            r"\b(?:tap|leverage|use) (?:into )?your (?:network|contacts|connections)\b",
            r"\b(?:anyone|anybody|someone|people|folks) (?:in|from) your network\b",
            r"\bwho (?:else )?(?:should|could|might|ought) (?:I|we) (?:be )?(?:talk|speak|reach"
            r"|contact|meet|approach)\w*",
        ),
    ),
    (
        "job",
        (
            r"\b(?:are|is) (?:you|your (?:team|company|firm|group|department|organi[sz]ation)"
            r"|they|\w+) (?:currently |still |now )?hiring\b",
            r"\bkeep me in mind\b",
            r"\binterested in (?:(?:a|an|any|the|open|available|current) )*(?:positions?|roles?"
            r"|jobs?|openings?|internships?|vacanc\w+)\b",
            r"\binterested in (?:joining|working (?:for|at|with)) (?:you|your)\b",
            r"\b(?:inquir|enquir)\w* (?:about|after|regarding|into) (?:\w+ ){0,3}?" + _JOBS,
            r"\b(?:I|I'd|I'm|to) (?:\w+ ){0,3}?(?:apply|applying) (?:for|to) (?:\w+ ){0,4}?"
            + _JOBS,
            r"\binterest in (?:a|an|the|any|joining|working|open) (?:\w+ ){0,3}?" + _JOBS,
            r"\bconsider(?:ed)? (?:me )?for (?:a|an|the|any) (?:\w+ ){0,2}?" + _JOBS,
            r"\bif (?:anything|something|a position|a role|an opening) (?:opens|comes) up\b",
            r"\b(?:discuss|explore|talk about) (?:\w+ )?(?:employment|job|career) opportunit",
            r"\bhire me\b",
        ),
    ),
    (
        "referral",
        (
            r"\brefer(?:ring)? me\b",
            r"\b(?:put|say) in a (?:good )?word\b",
            r"\bvouch for me\b",
            r"\b(?:be|serve as|act as) (?:a |my )?reference\b",
        ),
    ),
    (
        "favour",
        (
            r"\b(?:do|ask) (?:me|you) a (?:small |quick |big |huge )?favou?r\b",
            r"\bask (?:you )?(?:for )?a (?:small |quick |big |huge )?favou?r\b",
            r"\ba (?:small |quick |big |huge )?favou?r to ask\b",
        ),
    ),
)
STRONG: tuple[tuple[AskKind, LazyPattern], ...] = tuple(
    (kind, _rx(*parts)) for kind, parts in _STRONG_PARTS
)
_MARKER_PARTS = (
    r"\b(?:could|can|would|will|might) you\b",
    r"\b(?:please|kindly|pls)\b",
    r"\b(?:I|we)(?:'d| would| will)? (?:really |greatly |very much |truly |so )?(?:appreciate"
    r"|be (?:very |so |most |extremely |truly |really )?(?:grateful|thankful|obliged))\b",
    r"\b(?:I'm|I am|I was|we're|we were|I) (?:hoping|wondering)\b",
    r"\bhop(?:e|ing) (?:that )?you (?:can|could|might|would|will)\b",
    r"\b(?:do|would|might) you (?:happen to )?(?:know|have|recommend|suggest)\b",
    r"\bif you (?:know|hear|come across|happen|have|could|would|are able|think of|see)\b",
    r"\blet me know (?:if|whether|of|about) (?:you|any)\b",
    r"\b(?:may|can|could|might) (?:I|we) (?:ask|get|have|borrow|request|tap|lean|send|forward"
    r"|share|pass)\b",
    r"\b(?:I|we)(?:'d| would) (?:really |greatly |so )?(?:value|welcome|love) (?:your|any|some)\b",
    r"\b(?:I'd|I would|we'd|we would) (?:like|love|want) to (?:ask|request|get|borrow|tap|seek)\b",
    r"\b(?:is|are) there (?:any|anyone|anybody|someone|a chance|a way)\b",
    r"\bany (?:chance|way|possibility)\b",
    r"\b(?:would be|is|are) (?:greatly |much |very much |really |so )?(?:appreciated|helpful)\b",
    r"\bany \w+ you (?:can|could|might) (?:give|share|provide|offer|send|spare)\b",
    r"\bany (?:names|contacts|introductions|intros|leads|referrals|pointers|advice)\b",
    r"\b(?:I'm|I am|we're|we are) (?:currently |actively |now |also )?(?:looking|searching|hunting"
    r"|seeking|exploring|open to|in the market)\b",
    r"\b(?:I|we) (?:need|want|would like) (?:your|some|a|an|to find)\b",
    r"^(?:forward|pass|send|share|introduce|connect|refer|review|recommend)\b",
)
MARKER = _rx(*_MARKER_PARTS)
# A sentence is tried for an ask only when this matches: it holds every strong-ask
# pattern and every request form, the latter also after leading white space
# (`ask_kind` matches MARKER on the left-stripped text: `^` becomes `^\s*`; the
# other forms begin with \b and look at nothing before it). `\s` and str.strip()
# agree on what white space is. One scan instead of one per family.
# Searched as a WordStart: all these parts begin with \b and a letter (or are the
# anchored form) and none looks behind its start.
ASK_GATE = WordStart(
    *(_lowered(part) for _, parts in _STRONG_PARTS for part in parts),
    *(_lowered(f"^\\s*{p[1:]}" if p.startswith("^") else p) for p in _MARKER_PARTS),
)
KIND_CUES: tuple[tuple[AskKind, LazyPattern], ...] = (
    (
        "resume",
        _rx(
            r"\b(?:forward|pass|send|share|circulate|hand|give)\w*\b[^.!?]{0,25}\b(?:my|the"
            r" attached|the enclosed|this) (?:resume|résumé|cv|c\.v\.)\b",
            r"\b(?:resume|résumé|cv)\b[^.!?]{0,15}\b(?:along|on) to\b",
        ),
    ),
    (
        "referral",
        _rx(
            r"\brefer (?:me|us)\b",
            r"\breferrals?\b",
            r"\b(?:a|your) reference\b",
            r"\brecommend me\b",
            r"\brecommendation (?:letter|for me)\b",
            r"\b(?:share|pass|forward|send|put)\w* (?:along |forward )?my "
            r"(?:profile|name|details)\b",
        ),
    ),
    (
        "introductions",
        _rx(
            r"\bintroduc(?:e|tion|tions)\b",
            r"\bintros?\b",
            r"\bin touch with\b",
            r"\bconnect (?:me|us)\b",
        ),
    ),
    (
        "contacts",
        _rx(
            r"\b(?:names|contacts|connections)\b",
            r"\byour network\b",
            r"\bpoint me\b",
            r"\b(?:anyone|anybody|someone|somebody|people|folks)\b (?:else )?(?:who|that|at"
            r"|in|from|you know|you'd|you would|I should|we should|worth)\b",
            r"\bthe right (?:person|people)\b",
        ),
    ),
    (
        "job",
        _rx(
            r"\b(?:jobs?|positions?|roles?|openings?|vacanc(?:y|ies)|opportunit(?:y|ies)"
            r"|internships?|employment|hiring|hire|recruit\w*|interview\w*|work for)\b",
            r"\ba (?:good |great )?fit for me\b",
        ),
    ),
    (
        "review",
        _rx(
            r"\b(?:review|feedback|proofread|critique)\b",
            r"\b(?:take|have) a (?:quick )?look\b",
            r"\blook (?:at|over|through)\b",
            r"\bread (?:over|through)\b",
            r"\bcomments on\b",
        ),
    ),
    (
        "advice",
        _rx(
            r"\b(?:advice|advise|guidance|mentor\w*|counsel|insights?|brain|expertise"
            r"|wisdom)\b"
        ),
    ),
    (
        "favour",
        _rx(
            r"\b(?:favou?r|assistance|hold off|sponsor\w*|invest\w*|fund(?:s|ing)?"
            r"|donat\w*|lend|loan|on my behalf)\b",
            r"\b(?:help|assist|support) (?:me|us)\b",
            r"\b(?:your|some|any) (?:help|support)\b",
        ),
    ),
)
GENERIC_FAVOUR = _rx(
    r"\b(?:could|can|would|will) you (?:please |kindly |possibly |perhaps )?(?:send|forward|give"
    r"|lend|get|find|write|provide|email|sign|pay|buy|cover|pass|share)\b[^.?!]{0,25}\b(?:me|us)\b"
)
SCHEDULING = _rx(
    r"\b(?:time|times|availability|available|slot|calendar|schedule|date|day|week|when|works?"
    r"|link|invite|zoom|number|address|location|call|ring|chat|coffee|meet|meeting|lunch|dinner"
    r"|breakfast|drinks|morning|afternoon|evening|tomorrow|today|tonight|(?:mon|tues|wednes|thurs"
    r"|fri|satur|sun)day)\b"
)
OFFER = _rx(
    r"\b(?:would you like|do you want|want|if you'd like|if you would like|should) (?:me|us) to\b",
    r"\bin any way (?:I|we) can\b",
    r"\b(?:happy|glad|delighted|willing|pleased|able|ready) to "
    r"(?:introduce|connect|share|help|make|send"
    r"|pass|put|refer|review|offer|do)\b",
    r"\b(?:I|we) (?:can|could|will|'ll|would|'d) (?:gladly |happily |also )?(?:introduce|connect"
    r"|refer|share|send|pass|put you|make|help|offer)\b",
    r"\blet me know (?:if|how|whether) (?:there's|there is|I|we|you'd like me)\b",
    r"\bif (?:I|we) can\b",
    r"\b(?:I|we) (?:can|could) (?:make|offer|do)\b",
    r"\bif there (?:are|is) any\b",
    r"\bif there(?:'s| is) anything\b",
    r"\bhow (?:I|we) (?:can|could|might) help\b",
)
FOR_ME = _rx(
    r"\b(?:introduce|connect|refer|hire|help|recommend|put) me\b",
    r"\bfor me\b",
    r"\bmy (?:resume|cv|résumé|profile|deck|plan|book|work|search|application|background)\b",
)
