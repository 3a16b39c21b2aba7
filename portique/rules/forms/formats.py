"""Answers that have one right way to be written: Canadian postal codes, telephone numbers, UCIs.

Each function reads what a person typed and returns the answer as it is stored (and then
printed on letters and read by officers), or ``None`` when it is not a valid answer at all.
The form pages store the returned value; the rules accept any answer these functions accept.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

# Canada Post: the first letter names the region (no D, F, I, O, Q, U, W or Z), the
# other letters exclude D, F, I, O, Q and U; "A1A 1A1", one space in the middle.
_POSTAL_CODE = re.compile(r"^([ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z])([0-9][ABCEGHJ-NPRSTV-Z][0-9])$")
POSTAL_CODE_STORED = re.compile(r"^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$")

# The spaces and dashes people type inside a postal code or a UCI.
_SEPARATORS = re.compile(r"[\s\-]")

# A Unique Client Identifier is 8 or 10 digits; IRCC writes it 0000-0000 or 00-0000-0000.
_UCI_LENGTHS = (8, 10)

# Numbers written without a country code are read as Canadian (+1).
PHONE_REGION = "CA"


def postal_code(raw: object) -> str | None:
    """``"k1p5b5"`` → ``"K1P 5B5"``; ``None`` for anything that is not a Canadian postal code."""
    if not isinstance(raw, str):
        return None
    if POSTAL_CODE_STORED.fullmatch(raw):
        return raw  # already as stored, the form of nearly every answer read again
    compact = _SEPARATORS.sub("", raw).upper()
    match = _POSTAL_CODE.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else None


@lru_cache(maxsize=4096)
def phone(raw: object) -> str | None:
    """A telephone number in E.164 (``"613-555-0199"`` → ``"+16135550199"``), or ``None``.

    A number without a country code is read as Canadian; the number must be one that can
    exist (``phonenumbers``' metadata: the country's lengths and prefixes).
    """
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 40:
        return None
    try:
        number = phonenumbers.parse(raw, PHONE_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def uci(raw: object) -> str | None:
    """A UCI as its digits (``"00-0000-0000"`` → ``"0000000000"``), or ``None``.

    Written with or without the dashes and spaces IRCC prints; 8 or 10 digits.
    """
    if not isinstance(raw, str):
        return None
    # Already as stored (the digits alone), or as IRCC prints it.
    digits = raw if raw.isdigit() else _SEPARATORS.sub("", raw)
    if not digits.isascii() or not digits.isdigit() or len(digits) not in _UCI_LENGTHS:
        return None
    return digits
