"""Reading mail (pure): RFC 822 and Gmail parts into `Email`, addresses and names, and a
body split into own words, quoted history and signature.

Public surface: `parse_eml` (bytes of an `.eml` in, an `Email` out), `build_email` and
`Part` (the one assembler every reader shares), `decode_text` and `forwarded_part`
(for the Gmail JSON reader), `parse_addresses`, the name helpers, `split_body` (own
words, quote, signature) and `quoted_messages` (quoted history read back as messages).
"""

from app.core.mail.addresses import parse_addresses
from app.core.mail.assemble import Part, build_email
from app.core.mail.body import Split, split_body
from app.core.mail.history import QuotedMessage, quoted_messages
from app.core.mail.names import first_name, greeting_name, matches, surnames
from app.core.mail.rfc822 import decode_text, forwarded_part, parse_eml

__all__ = [
    "Part",
    "QuotedMessage",
    "Split",
    "build_email",
    "decode_text",
    "first_name",
    "forwarded_part",
    "greeting_name",
    "matches",
    "parse_addresses",
    "parse_eml",
    "quoted_messages",
    "split_body",
    "surnames",
]
