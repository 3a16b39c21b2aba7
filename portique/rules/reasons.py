"""The reason: the unit in which every rule explains itself."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any

from . import typography
from .records import fast_init


class Severity(str, Enum):
    # "blocking": the application cannot go further as it is (returned under s.12,
    # ineligible, submit refused). "warning": the person should look again but may
    # go on (a photo that may be rejected, a likely refusal). "info": a finding
    # worth telling (you may be eligible for citizenship; biometrics required).
    BLOCKING = "blocking"
    WARNING = "warning"
    INFO = "info"


@fast_init
@dataclass(frozen=True, slots=True)
class Reason:
    """One finding of one rule, in both official languages, with its source.

    ``code`` is stable and machine-readable (used by screens, the API and tests);
    ``rule`` is the rules-digest id (e.g. ``PRC-12``) so a reader can go from the
    finding to its paragraph of law; ``citation`` names the provision itself
    (``IRPR 12.2(1)(a)``, ``IMM 5445 — Step 3``).
    """

    code: str
    rule: str
    citation: str
    en: str
    fr: str
    severity: Severity = Severity.BLOCKING
    subject: str | None = None  # whom or what the finding is about (person id, field)

    def message(self, lang: str = "en") -> str:
        return self.fr if lang.lower().startswith("fr") else self.en

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code,
            "rule": self.rule,
            "citation": self.citation,
            "severity": self.severity.value,
        }
        if self.subject is not None:
            data["subject"] = self.subject
        if lang is None:
            data["en"] = self.en
            data["fr"] = self.fr
        else:
            data["message"] = self.message(lang)
        return data


def reason(
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
    """Build a reason, filling ``{name}`` placeholders of both messages from ``params``.

    Keeping the two templates side by side at the call site lets a reviewer check
    the French against the English, and both against the cited paragraph.
    """
    if params:
        return Reason(
            code, rule, citation, en.format(**params), typography.french(fr.format(**params)), severity, subject
        )
    return _fixed_reason(code, rule, citation, en, fr, severity, subject)


@lru_cache(maxsize=4096)
def _fixed_reason(
    code: str, rule: str, citation: str, en: str, fr: str, severity: Severity, subject: str | None
) -> Reason:
    """A reason without placeholders, built once: most reasons are the same text for every case
    (a Reason is immutable, so one instance serves them all). Keyed by the texts of the call site
    and the subject (a person's id, "p1", or a document's code): a few thousand at most."""
    return Reason(code, rule, citation, en, typography.french(fr), severity, subject)


def has_blocking(reasons: tuple[Reason, ...] | list[Reason]) -> bool:
    return any(r.severity is Severity.BLOCKING for r in reasons)
