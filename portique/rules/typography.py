"""French typography for text shown to people: a non-breaking space before « : ; ? ! ».

The rules' French messages are written with ordinary spaces (or none) before these signs;
a line could then break between a word and its colon. ``french`` puts a no-break space
there, leaving alone what is not prose: HTML tags, entities, web addresses and times
(10:30).
"""

from __future__ import annotations

import re

NBSP = "\u00a0"

_PUNCTUATION = re.compile(
    r"(?P<keep><[^>]*>|&#?\w+;|https?://[^\s<>\"]+|mailto:[^\s<>\"]+)"
    r"|[ \u00a0\u202f]?(?P<mark>[;?!])"
    r"|[ \u00a0\u202f]?(?P<colon>:)(?=[\s»)\"]|$)"
)


def _space(match: re.Match) -> str:
    if match.group("keep"):
        return match.group("keep")
    mark = match.group("mark") or match.group("colon")
    start = match.start()
    text = match.string
    # A sign at the very start of the text, or after a line break, has nothing to hold on to.
    if start == 0 and match.group(0) == mark:
        return mark
    if text[start] in "\n":
        return match.group(0)
    return NBSP + mark


def french(text: str) -> str:
    """``text`` with a no-break space before each « : ; ? ! » of its prose."""
    if not text or not any(sign in text for sign in ":;?!"):
        return text
    return _PUNCTUATION.sub(_space, text)
