"""The guides whose rules differ between programs (payment, refunds, translations).

A program names its guide in its definition (``programs.definition.Traits.fee_guide``);
a rule that differs by guide takes the guide, never a program's code.
"""

from __future__ import annotations

from enum import Enum


class Guide(str, Enum):
    PR_CARD = "pr_card"  # IMM 5445 (seed 002)
    SPONSORSHIP = "sponsorship"  # IMM 5289 (seed 003)
    # Temporary residents in Canada (seed 000): the sources give no guide, so no fee amount,
    # payment or refund rule of their own (``fees`` says so where it would apply one).
    TEMPORARY_RESIDENCE_IN_CANADA = "temporary_residence_in_canada"
    # The eTA (seed 001, IRPR 12.04): no guide, no fee amount, no payment or refund rules.
    ELECTRONIC_TRAVEL_AUTHORIZATION = "electronic_travel_authorization"

    @property
    def has_payment_rules(self) -> bool:
        """Whether the sources give this guide's payment and refund rules."""
        return self in (Guide.PR_CARD, Guide.SPONSORSHIP)
