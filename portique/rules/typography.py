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


# A text without "<", "&", "http" or "mailto:" gives the "keep" branch of _PUNCTUATION nothing
# to match: it is all prose, and its signs are found with str.find alone (below).
_SPACES = " \u00a0\u202f"
# What may follow a colon that is spaced: _PUNCTUATION's (?=[\s»)\"]|$), where \s is
# str.isspace() (both are Py_UNICODE_ISSPACE) and $ is the end of the text.
_AFTER_COLON = '»)"'


def _sign_positions(text: str) -> list[int]:
    """Where the signs _PUNCTUATION spaces stand in ``text``, in order."""
    found = []
    for sign in ";?!:":
        at = text.find(sign)
        while at != -1:
            if sign != ":" or at + 1 == len(text) or text[at + 1].isspace() or text[at + 1] in _AFTER_COLON:
                found.append(at)
            at = text.find(sign, at + 1)
    found.sort()
    return found


def _french_prose(text: str) -> str:
    """``_PUNCTUATION.sub(_space, text)`` for a text without HTML, entities or addresses.

    The same result found with str.find, which scans in C from sign to sign, where
    _PUNCTUATION is tried at every position of the text: it was most of the time a reason
    took to build.
    """
    pieces = []
    done = 0
    for at in _sign_positions(text):
        if at > 0 and text[at - 1] in _SPACES:
            start = at - 1  # the space before the sign becomes the no-break one
        elif at == 0:
            continue  # a sign at the very start of the text has nothing to hold on to
        else:
            start = at
        pieces.append(text[done:start])
        pieces.append(NBSP + text[at])
        done = at + 1
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def french(text: str) -> str:
    """``text`` with a no-break space before each « : ; ? ! » of its prose."""
    if not text:
        return text
    # Written out rather than any(…): this runs for every French message the rules build.
    if "<" in text or "&" in text or "http" in text or "mailto:" in text:
        if not any(sign in text for sign in ":;?!"):
            return text
        return _PUNCTUATION.sub(_space, text)
    return _french_prose(text)
