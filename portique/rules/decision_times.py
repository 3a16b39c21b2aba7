"""When to expect a decision: what the durations of recent similar files say.

Plain arithmetic over a list of durations in whole days (how long each recently decided file
of the same program took from reaching a stage to its decision). The caller picks the files;
this module only counts, so the figures can be checked by hand: "8 of 10 similar
applications were decided within 80 days" means that 8 of the 10 durations are at most 80.

Why a minimum sample (``MINIMUM_SAMPLE`` = 10): below ten files, one unusual file moves the
figure by weeks, and "4 of 5" reads as more certain than it is. Ten is the smallest sample
for which the share we state (eight in ten) is a statement about eight real files, and one
more file changes the figure by at most one rank.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

MINIMUM_SAMPLE = 10
# The share of files the headline figure speaks of: "8 of 10 were decided within d days".
HEADLINE_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class DecisionTimes:
    """What the sample says; ``enough`` is false below the minimum and then no figure is given."""

    sample: int
    enough: bool
    # The headline: ``within_count`` of ``sample`` files were decided within ``within_days``.
    within_count: int = 0
    within_days: int = 0
    # Half of the files were decided within ``median_days`` (nearest rank).
    median_days: int = 0
    fastest_days: int = 0
    slowest_days: int = 0


def nearest_rank(durations: list[int], share: float) -> tuple[int, int]:
    """The ``share`` percentile by the nearest-rank method: (rank, value).

    ``rank`` is how many files were decided within ``value`` days at least: the smallest
    k with k ≥ share × n, so "k of n within value days" is always true of the sample.
    ``durations`` must be sorted and not empty.
    """
    if not durations:
        raise ValueError("no durations")
    if not 0 < share <= 1:
        raise ValueError("share must be in (0, 1]")
    # round() first: 0.8 × 10 is 8.000000000000002 in floating point, and ceil would say 9.
    rank = max(1, math.ceil(round(share * len(durations), 9)))
    return rank, durations[rank - 1]


def decision_times(
    durations: Iterable[int], *, minimum_sample: int = MINIMUM_SAMPLE, share: float = HEADLINE_SHARE
) -> DecisionTimes:
    """The figures for ``durations`` (days, each ≥ 0), or "not enough" below ``minimum_sample``."""
    ordered = sorted(int(days) for days in durations)
    if any(days < 0 for days in ordered):
        raise ValueError("a duration cannot be negative")
    if len(ordered) < max(1, minimum_sample):
        return DecisionTimes(sample=len(ordered), enough=False)
    rank, within = nearest_rank(ordered, share)
    # Files decided on the same day as the k-th one are decided "within" it too.
    within_count = sum(1 for days in ordered if days <= within)
    _, median = nearest_rank(ordered, 0.5)
    return DecisionTimes(
        sample=len(ordered),
        enough=True,
        within_count=within_count,
        within_days=within,
        median_days=median,
        fastest_days=ordered[0],
        slowest_days=ordered[-1],
    )
