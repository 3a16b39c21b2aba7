"""Everything the rules decide about one case, in one call.

``evaluate(case)`` is what the Validate button, submission gating, the officer's
completeness screening and ``portique rules evaluate`` all ask.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .case import Case
from .programs import registry
from .reasons import Reason, Severity


@dataclass(frozen=True, slots=True)
class Evaluation:
    program: str
    # Unanswered or invalid questions, per person and form (subject: "person/FORM/section.field").
    form_findings: tuple[Reason, ...]
    # Everything else the rules found: eligibility, the 270-day rule, fees, documents…
    findings: tuple[Reason, ...]
    # Program-specific results (checklist, fee quote, biometrics…), JSON-ready.
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def blocking(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.form_findings + self.findings if r.severity is Severity.BLOCKING)

    @property
    def complete(self) -> bool:
        return not self.blocking


def evaluate(case: Case) -> Evaluation:
    program = registry.program(case.program)
    return program.evaluate(case)
