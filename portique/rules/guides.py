"""The guides whose rules differ between programs (payment, refunds, translations).

A program names its guide in its definition (``programs.definition.Traits.fee_guide``);
a rule that differs by guide takes the guide, never a program's code.
"""

from __future__ import annotations

from enum import Enum


class Guide(str, Enum):
    PR_CARD = "pr_card"  # IMM 5445 (seed 002)
    SPONSORSHIP = "sponsorship"  # IMM 5289 (seed 003)
