"""Words the sponsorship rules share: who is sponsored, where the guide says it, parameters."""

from __future__ import annotations

from datetime import date
from enum import Enum
from functools import cache, lru_cache
from typing import Any

from portique.rules.parameters import Parameter, parameter
from portique.rules.reasons import Reason, Severity, reason

GUIDE = "IMM 5289"


def cite(section: str) -> str:
    """Citation of a section of the guide, named by its French heading as published."""
    return f'{GUIDE} — "{section}"'


@cache
def _parameter(key: str) -> Parameter:
    return parameter("sponsorship." + key)


def param(key: str, on: date) -> Any:
    """A sponsorship parameter in force on ``on`` (``parameters.value`` without the name lookups)."""
    return _parameter(key).at(on)


@cache
def cutoff(key: str) -> date:
    """A cut-off date (a single dated value).

    It is read independently of the case's dates: a case dated before the cut-off
    must still be compared with it (a lookup "on" that date would find nothing).
    """
    return _parameter(key).values[-1]


@lru_cache(maxsize=8192)
def _built(
    code: str,
    rule: str,
    citation: str,
    en: str,
    fr: str,
    severity: Severity,
    subject: str | None,
    params: tuple[tuple[str, Any], ...],
) -> Reason:
    return reason(
        code, rule=rule, citation=citation, en=en, fr=fr, severity=severity, subject=subject, **dict(params)
    )


def say(
    code: str,
    *,
    rule: str,
    citation: str,
    en: str,
    fr: str,
    severity: Severity = Severity.BLOCKING,
    subject: str | None = None,
    **params: Any,
) -> Reason:
    """``reasons.reason``, memoized: the same finding with the same values is built once.

    Reasons are immutable, so one instance may be shared between results; most findings
    repeat from case to case (the same ages, limits and texts), and building a bilingual
    message costs more than looking it up. Keeps the rules within the evaluation budget
    of tens of thousands of cases per second. Parameter values must be hashable.
    """
    return _built(code, rule, citation, en, fr, severity, subject, tuple(params.items()))


class SponsoredRelationship(str, Enum):
    """Who the sponsor wants to sponsor as principal applicant (SP-02, SP-03, SP-80)."""

    SPOUSE = "spouse"
    COMMON_LAW_PARTNER = "common_law_partner"
    CONJUGAL_PARTNER = "conjugal_partner"
    DEPENDENT_CHILD = "dependent_child"
    # Not this kit (SP-03): listed so a case can say so and be told where to go.
    ADOPTED_CHILD = "adopted_child"
    ORPHANED_RELATIVE = "orphaned_relative"
    OTHER_RELATIVE = "other_relative"


PARTNERS = frozenset(
    {
        SponsoredRelationship.SPOUSE,
        SponsoredRelationship.COMMON_LAW_PARTNER,
        SponsoredRelationship.CONJUGAL_PARTNER,
    }
)

OTHER_KIT = frozenset(
    {
        SponsoredRelationship.ADOPTED_CHILD,
        SponsoredRelationship.ORPHANED_RELATIVE,
        SponsoredRelationship.OTHER_RELATIVE,
    }
)
