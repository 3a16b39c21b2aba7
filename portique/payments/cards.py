"""Payment cards: what is checked before a card is sent to the gateway.

The full number and the security code live only in memory for the length of one
request: they are handed to the gateway's card page (tokenised) and dropped. What is
kept is the brand and the last four digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _

from .choices import CardBrand


@dataclass(frozen=True)
class CardDetails:
    """What a person types on the card page. ``repr`` never shows the number or the code."""

    number: str = field(repr=False)
    expiry_month: int
    expiry_year: int
    security_code: str = field(repr=False)

    @property
    def digits(self) -> str:
        return re.sub(r"[\s-]", "", self.number)

    @property
    def last4(self) -> str:
        return self.digits[-4:]

    @property
    def brand(self) -> CardBrand | None:
        return card_brand(self.digits)


def luhn_valid(digits: str) -> bool:
    """The check digit of ISO/IEC 7812: catches a mistyped digit and most swapped pairs."""
    if not digits.isdigit():
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def card_brand(digits: str) -> CardBrand | None:
    """The brand from the number's first digits (issuer identification number ranges)."""
    if re.fullmatch(r"4\d{12}(\d{3}){0,2}", digits):
        return CardBrand.VISA
    if re.fullmatch(r"\d{16}", digits):
        first_two, first_four = int(digits[:2]), int(digits[:4])
        if 51 <= first_two <= 55 or 2221 <= first_four <= 2720:
            return CardBrand.MASTERCARD
    if re.fullmatch(r"3[47]\d{13}", digits):
        return CardBrand.AMEX
    return None


def card_errors(card: CardDetails, *, today: date) -> dict[str, list]:
    """Field name → messages for a card that must not be sent to the gateway at all."""
    errors: dict[str, list] = {}
    digits = card.digits
    if not digits:
        errors["number"] = [_("Enter the card number.")]
    elif not digits.isdigit():
        errors["number"] = [_("The card number can contain only digits and spaces.")]
    elif not 13 <= len(digits) <= 19 or not luhn_valid(digits):
        errors["number"] = [_("This card number is not valid. Check it against your card.")]
    elif card.brand is None:
        errors["number"] = [_("Pay with a credit card, Visa Debit or Debit Mastercard (Visa, Mastercard or American Express).")]
    if not 1 <= card.expiry_month <= 12:
        errors["expiry_month"] = [_("Enter the expiry month as a number from 1 to 12.")]
    elif not 2000 <= card.expiry_year <= 2099:
        errors["expiry_year"] = [_("Enter the expiry year with 4 digits, as on your card.")]
    elif (card.expiry_year, card.expiry_month) < (today.year, today.month):
        # A card is valid until the last day of the month printed on it.
        errors["expiry_month"] = [_("This card has expired. Use a card whose expiry date has not passed.")]
    code_length = 4 if card.brand is CardBrand.AMEX else 3
    if not re.fullmatch(rf"\d{{{code_length}}}", card.security_code or ""):
        if code_length == 4:
            errors["security_code"] = [_("Enter the 4-digit security code printed on the front of your card.")]
        else:
            errors["security_code"] = [_("Enter the 3-digit security code printed on the back of your card.")]
    return errors
