"""The phrases that make or unmake an introduction, as compiled patterns (pure).

Each positive cue names the people it points at (the `who` groups); negative cues
(self-introductions, product launches, requests for or offers of an introduction,
referral outreach, scheduling hand-offs) veto the sentence they stand in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_STOP = (
    "I|The|This|That|These|Those|You|Your|We|Our|My|Me|He|She|It|They|Them|His|Her|Their|"
    "Please|Thanks|Thank|Thx|Hi|Hello|Hey|Dear|Good|Best|Regards|Cheers|Also|And|But|So|"
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tomorrow|Both|All|"
    "Everyone|Team|Folks|Guys|Sir|Madam|Here|There|What|When|Where|Who|Why|How|If|As|In|On|"
    "At|For|From|To|With|Re|Fw|Fwd|Cc|Bcc|Subject|Intro|Introduction|Meet|Someone|Somebody|"
    "Anyone|Anybody|Each|One|Other|Another|Any|Some"
)
_TOKEN = rf"(?!(?:{_STOP})\b)[A-Z][A-Za-z'’]*(?:-[A-Za-z'’]+)*\.?"
_PARTICLE = r"(?:de|da|di|del|della|van|von|der|den|la|le|du|bin|al|St\.?)"
NAME = rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?(?:{_TOKEN}|[A-Z]\.?(?=\s+[A-Z]))){{0,3}}"
_WHO = rf"(?P<who>{NAME})"
_WHO2 = rf"(?P<who2>{NAME})"
_AND_WHO2 = rf"(?:\s*(?:,|and|&)\s*{_WHO2})?"


# A cheap lower-case keyword test per cue: the full pattern runs only where it passes,
# which keeps analysis near linear and well under a millisecond for ordinary mail.
_TRIGGERS = {
    "meet": r"meet", "meet-someone": r"meet", "you-two": r"you two|you both|of you",
    "each-other": r"each other|one another", "introduce-you": r"introduc",
    "introduce-who": r"introduc", "intro-email": r"introduction|opt.in",
    "connect": r"connect|introducing|linking", "in-touch": r"in touch",
    "take-it": r"from here|leave it to|let you", "copying": r"cop|cc|add|loop|includ|bring|forward",
    "adding": r"add|loop|cc|cop", "copied-who": r"cc|copied|on copy",
    "right-person": r"person|contact|expert", "who-can-help": r"\bwho\b",
    "reach-out": r"you (?:may|might|should|could|will)", "hear-from": r"hear from",
    "will-contact": r"will", "suggested-contact": r"suggested|asked", "feel-free": r"feel free",
    "new-hire": r"hire|addition|member|colleague|join", "will-contact-you": r"will",
    "new-hire-meet": r"please|kindly",
}


@dataclass(frozen=True, slots=True)
class Cue:
    """A pattern, the kind of introduction it signals and how much it weighs."""

    name: str
    kind: str
    weight: float
    pattern: re.Pattern[str]
    trigger: re.Pattern[str]
    needs_copied: bool = False


def _cue(name: str, kind: str, weight: float, pattern: str, *, copied: bool = False) -> Cue:
    return Cue(name, kind, weight, re.compile(pattern), re.compile(_TRIGGERS[name]), copied)


ANY_TRIGGER = re.compile("|".join(f"(?:{t})" for t in set(_TRIGGERS.values())))


POSITIVE: tuple[Cue, ...] = (
    _cue("meet", "classic", 3.0, rf"(?:^|[.!?;]\s+|\b(?i:hi|hey|hello|dear)\s+){_WHO}\s*[,:–—-]+\s*(?i:please\s+)?(?i:meet)\s+{_WHO2}"),
    _cue("meet-someone", "classic", 3.0, rf"(?:^|[.!?;]\s+|\b(?i:hi|hey|hello|dear)\s+){_WHO}\s*[,:–—-]+\s*(?i:please\s+)?(?i:meet)\s+(?i:this|my|our|a)\s+(?i:lovely|wonderful|good|great|dear|old|new)?\s*(?i:friend|colleague|person|partner|contact|classmate|neighbou?r)"),
    _cue("meet", "classic", 3.0, rf"(?i:^(?:please\s+)?meet)\s+{_WHO}\b(?!\s+(?i:at|on|in|with)\b)"),
    _cue("meet", "classic", 3.0, rf"(?i:\b(?:like|love|want|wanted)\s+(?:you|both of you|you both|you two|you all)\s+to\s+meet)\s+{_WHO}"),
    _cue("you-two", "classic", 3.0, r"(?i:\b(?:you two|you both|both of you|the two of you)\b[^.?!]{0,40}\b(?:meet|connect|talk|speak|know each other|get together|compare notes)\b)"),
    _cue("each-other", "classic", 3.0, r"(?i:\bintroduc\w*\s+(?:you\s+)?(?:both\s+|two\s+|all\s+)?(?:to\s+)?(?:each other|one another)\b)"),
    _cue("introduce-you", "classic", 3.0, r"(?i:\bintroduc(?:e|ing)\s+(?:you\s+(?:both|two|all)|the two of you|both of you)\b)"),
    _cue("introduce-who", "classic", 3.0, copied=True, pattern=rf"(?i:\b(?:(?:like|love|want|wanted|writing|glad|pleased|delighted|happy)\s+to|let me|allow me to|I'?m|I am)\s+(?:e-?)?introduc(?:e|ing))\s+(?:(?i:you)\s+(?:(?i:to|both to)\s+)?)?{_WHO}{_AND_WHO2}"),
    _cue("introduce-who", "classic", 2.5, rf"(?i:\b(?:this|the) (?:e-?mail|note|message) is to introduce)\s+(?:(?i:you)\s+(?i:to)\s+)?{_WHO}"),
    _cue("intro-email", "classic", 3.0, r"(?i:\b(?:this is an? |as an? )?(?:e-?)?introduction e-?mail\b|\bcard of introduction\b|\bdouble[- ]opt[- ]in\b)"),
    _cue("connect", "classic", 3.0, r"(?i:\b(?:connecting|introducing|linking)\s+(?:the\s+two\s+of\s+you|you\s+two|you\s+both|both\s+of\s+you)\b)"),
    _cue("connect", "classic", 2.5, rf"(?i:\b(?:I'?m|I am|am|I'?d like to|I want to|I wanted to)\s+(?:connecting|to connect|connect)\s+you\s+(?:with|to))\s+{_WHO}", copied=True),
    _cue("in-touch", "classic", 2.5, rf"(?i:\b(?:I'?m|I am|am|I'?d like to|I wanted to|I want to|to)\s+(?:putting|put)\s+you\s+(?:two\s+|both\s+)?in\s+touch(?:\s+with)?)\s*{_WHO}?", copied=True),
    _cue("take-it", "classic", 2.5, r"(?i:\b(?:take it from here|leave it to (?:the two of )?you(?: two| both)? to|let you (?:two |both )?(?:take it from here|connect|find a time|set up))\b)"),
    _cue("copying", "handoff", 3.0, rf"(?i:\b(?:I'?m|I am|am|I'?ve|I have|I'll|I will|I)\s+(?:also\s+)?(?:copying|cc'?ing|cc'?d|cced|copied|adding|looping in|including|bringing in|forwarding (?:this|your (?:e-?mail|note|message|question)) to|forwarded (?:this|your (?:e-?mail|note|message|question)) to)\s+(?:(?:this|you|in)\s+(?:to\s+)?)?){_WHO}{_AND_WHO2}", copied=True),
    _cue("adding", "handoff", 3.0, rf"(?:^|[.!?]\s+|\b(?i:and|but|so)\s+)(?i:adding|looping in|cc'?ing|copying)\s+{_WHO}{_AND_WHO2}\s*(?:,\s*(?i:who|as|since|to)\b|\s+(?i:who|to help|as|since|here)\b)"),
    _cue("copied-who", "handoff", 2.5, rf"{_WHO}\s*(?:\((?i:cc'?d|cc|copied|on copy)\)|,?\s+(?i:cc'?d|copied|on copy)\b)", copied=True),
    _cue("right-person", "handoff", 3.0, rf"{_WHO}\s+(?i:is|will be|would be)\s+(?i:the|a|our|my)\s+(?i:right\s+|best\s+|perfect\s+|ideal\s+|go-to\s+)?(?i:person|contact|expert)\s+(?i:who|to|for|on)\b", copied=True),
    _cue("who-can-help", "handoff", 2.5, rf"{_WHO},?\s+(?i:who\s+(?:should|will|can|could|would|may)\s+(?:be able to\s+)?(?:help|answer|assist|advise|give you|get back|walk you|point you|fill you))", copied=True),
    _cue("reach-out", "one_sided", 3.0, rf"(?i:\byou\s+(?:may|might|should|could|will)\s+(?:(?:also\s+)?want\s+to\s+)?(?:reach out to|contact|get in touch with|talk to|speak (?:to|with)|connect with|give)\s+){_WHO}"),
    _cue("hear-from", "one_sided", 2.5, rf"(?i:\bexpect to hear from\s+)(?:{_WHO}|(?i:him|her|them))"),
    _cue("will-contact", "one_sided", 1.5, rf"{_WHO}\s+(?i:will\s+(?:be\s+)?(?:reaching out|in touch|contacting you|getting in touch|calling you|contact you|reach out to you|get in touch))"),
    _cue("suggested-contact", "one_sided", 2.0, rf"(?i:\b(?:suggested|asked)\s+(?:that\s+)?){_WHO}\s+(?i:(?:to\s+)?(?:contact|call|reach out to|get in touch with|e-?mail)\s+you)"),
    _cue("feel-free", "handoff", 2.0, r"(?i:\bfeel free to (?:contact|reach out to|call|get in touch with) (?:the following|either|any of|them|him|her)\b)"),
    _cue("new-hire", "one_to_many", 1.0, rf"{_WHO}\s+(?i:is\s+(?:a|our)\s+(?:recent|new)\s+(?:hire|addition|member|colleague)|has\s+(?:recently\s+|just\s+)?joined|joins\s+us)"),
    _cue("will-contact-you", "one_to_many", 1.5, r"(?i:\b(?:he|she|they)\s+will\s+(?:probably\s+|likely\s+|soon\s+)?(?:be\s+)?(?:contacting|reaching out to|calling|contact|reach out to|call)\s+(?:you|each of you|some of you))"),
    _cue("new-hire-meet", "one_to_many", 2.0, r"(?i:\b(?:please|kindly) (?:take (?:the |some )?time to )?(?:meet|visit|sit down|get together)\s+(?:w/|with)?\s*(?:him|her|them)\b)"),
)

NEGATIVE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("self-introduction", r"\bintroduc\w*\s+(?:myself|ourselves|yourself|yourselves)\b|\bmy name is\b|\bby way of introduction\b|\bintroduce (?:my|our) (?:company|firm|business|services?|products?|agency|team|executive)"),
        ("product", r"\bintroduc(?:e|ing|es)\s+(?:you\s+to\s+)?(?:our|a|an|the|its|their)\s+(?:new\s+|latest\s+|first\s+)?(?:product|service|program|programme|system|solution|platform|app|website|site|offer|line|feature|course|seminar|newsletter|edition|issue|tool|technology|fund|plan|policy|rule|bill)s?\b|\bintroduction to (?:the )?[a-z]+ing\b|\bintroduc\w*\s+(?:you\s+to\s+)?\S+\.(?:com|net|org|io|biz|info)\b|\bintroduc(?:e|ed|ing)\s+(?:a|the|an)\s+(?:bill|legislation|amendment|resolution|measure)"),
        ("request", r"\b(?:could|can|would|will|might)\s+you\s+(?:please\s+)?(?:kindly\s+)?(?:introduce|connect|put)\s+(?:me|us|him|her|them)\b|\bintroduce me\b|\bput me in touch\b|\bconnect me with\b|\banyone (?:you|that you) (?:could|can|might) introduce\b|\b(?:intro|introduction) to (?:him|her|them)\?|\bwho (?:could|can|should) I (?:talk|speak) to\b|\bhoping you (?:can|could) (?:put|connect|introduce)|\b(?:called|call|calling) to introduce me\b|\bhelpful if you\b[^.?!]{0,60}introduc"),
        ("offer", r"\b(?:happy|glad|delighted|pleased|willing|able|love|like)\s+to\s+(?:make\s+(?:an?\s+)?(?:intro|introduction)|introduce|connect|put you in touch)\b[^.?!]{0,80}\b(?:if|should|whenever|when)\b|\b(?:I|we)\s+(?:can|could|would|might)\s+(?:be happy to\s+)?(?:introduce|connect|put you in touch|set (?:something|it) up)\b|\bwould you (?:like|be open|be interested|want|be willing|mind)\b[^.?!]{0,60}\b(?:meet|connect|intro|introduc|talk|speak|chat)|\b(?:may|can|shall) I (?:introduce|connect)\b|\bpermission to (?:connect|introduce)|\bdo you want to (?:meet|talk|connect|chat)\b|\blet me know if you(?:'d| would)? (?:like|want)\b[^.?!]{0,40}\b(?:intro|introduc|connect|meet)|\blook(?:ing)? forward to introducing\b|\bopen to (?:an? )?(?:intro|introduction|connecting|meeting)\b|\binterested in (?:an? )?(?:intro|introduction|being introduced)\b|\bwant me to (?:introduce|connect)\b"),
        ("referral", r"\b(?:suggested|recommended|told me)\s+(?:that\s+)?I\s+(?:should\s+)?(?:contact|reach out|write|get in touch|call|e-?mail|speak|talk)\b|\breferred (?:me\s+)?(?:to you|by)\b|\b(?:gave|passed along|passed on|forwarded) me your (?:name|e-?mail|contact|number)\b|\byour name was given\b|\bI (?:was|have been) referred\b"),
        ("scheduling", r"\b(?:assistant|scheduler|EA|secretary|office manager|chief of staff)\b|\b(?:to|will|can|could)\s+(?:schedule|set up|find|arrange|coordinate|book)\s+(?:a|the|some)\s+(?:time|call|visit|meeting|slot|date)\b|\bavailability\b|\bcalendar\b|\bso (?:she|he|they) (?:can|could) (?:get|have|send)\b"),
        ("after-the-fact", r"\bthanks? (?:you )?(?:so much )?for (?:the (?:intro|introduction)|connecting us|introducing us|arranging (?:that|the) intro|putting us in touch)|\bglad to (?:have )?connect(?:ed)? the two of them\b|\bwe (?:met|spoke|talked)\b"),
        ("speaker", r"\b(?:introduces|will introduce|to introduce)\s+(?:HRC|the secretary|the speaker|the panel|the president|him to the group|her to the group|\w+ to the (?:group|audience|panel|committee))\b|\bintroduction by\b|\bspeaker introduction\b"),
    )
)

SUBJECT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("subject-intro", re.compile(r"^(?:(?:re|fw|fwd)\s*:\s*)*(?:intro|introduction|e-?intro|introducing|meet)\b\s*[:\-–—]?", re.IGNORECASE)),
    ("subject-pair", re.compile(rf"^(?:(?:re|fw|fwd)\s*:\s*)*(?:(?i:intro|introduction)\s*[:\-–—]\s*)?{_WHO}[^<>/]{{0,30}}\s*(?:<>|<->|↔|/|\+|&|x)\s*{_WHO2}[^<>/]{{0,30}}$")),
    ("subject-meet", re.compile(rf"{_WHO}\s*[,:–—-]\s*(?i:meet)\s+(?P<who2>[^\W\d_][\w'’-]+)")),
    ("subject-of", re.compile(rf"(?i:introduction of|introducing)\s+{_WHO}")),
)
