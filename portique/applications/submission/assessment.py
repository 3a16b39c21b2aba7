"""The rules' assessment frozen with the file, and what it says to an officer.

At submission (online or on paper), ``assessment_freeze`` keeps what ``evaluate(case)``
returned, in a JSON form: the rules version, every finding with its code, severity,
citation and both messages, and the details (checklist, fees, biometrics, medicals,
eligibility figures). It is written once and never changed: ``what_the_rules_found``
reads it for the officer's pages, and ``changes_since`` compares it with the evaluation
recomputed now (a late document, an answered request), finding by finding.

Nothing here knows a program: a flag an officer must look at is any
``"needs_officer_review": true`` in the details, wherever the program put it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portique.core.money import format_cad
from portique.rules.evaluate import Evaluation
from portique.rules.reasons import Severity
from portique.rules.version import rules_version

from ..models import Application, Submission
from .assessment_models import RulesAssessment

_ORDER = {Severity.BLOCKING.value: 0, Severity.WARNING.value: 1, Severity.INFO.value: 2}


def frozen_form(evaluation: Evaluation, *, on: date) -> dict[str, Any]:
    """The evaluation as JSON: what is kept, and what a recomputation is compared with."""
    return {
        "rules_version": rules_version(),
        "program": evaluation.program,
        "evaluated_on": on.isoformat(),
        "form_findings": [found.as_dict() for found in evaluation.form_findings],
        "findings": [found.as_dict() for found in evaluation.findings],
        "details": evaluation.details,
    }


def _officer_flags(value: Any) -> int:
    if isinstance(value, dict):
        own = 1 if value.get("needs_officer_review") is True else 0
        return own + sum(_officer_flags(item) for item in value.values())
    if isinstance(value, list):
        return sum(_officer_flags(item) for item in value)
    return 0


def _all_findings(frozen: dict[str, Any]) -> list[dict[str, Any]]:
    return list(frozen.get("form_findings", [])) + list(frozen.get("findings", []))


def _lead(frozen: dict[str, Any]) -> dict[str, Any] | None:
    # The most serious finding: the one a queue's line names.
    notable = [found for found in _all_findings(frozen) if found["severity"] != Severity.INFO.value]
    return min(notable, key=lambda found: _ORDER[found["severity"]]) if notable else None


def assessment_freeze(*, application: Application, submission: Submission, evaluation: Evaluation, on: date):
    """Keep ``evaluation`` with ``submission``. Called once, inside the submission's transaction."""
    frozen = frozen_form(evaluation, on=on)
    found = _all_findings(frozen)
    lead = _lead(frozen)
    return RulesAssessment.objects.create(
        application=application,
        submission=submission,
        rules_version=frozen["rules_version"],
        evaluated_on=on,
        evaluation=frozen,
        blocking=sum(1 for item in found if item["severity"] == Severity.BLOCKING.value),
        warnings=sum(1 for item in found if item["severity"] == Severity.WARNING.value),
        officer_review=_officer_flags(frozen["details"]),
        summary_en=(lead["en"] if lead else "")[:300],
        summary_fr=(lead["fr"] if lead else "")[:300],
    )


# --- What the officer reads -----------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One finding in the page's language; its citation goes behind "Why?"."""

    text: str
    citation: str
    severity: str
    key: tuple[str, str]  # the finding's identity (code, subject), never shown


def _line(found: dict[str, Any], language: str) -> Line:
    text = found["fr"] if language.startswith("fr") else found["en"]
    return Line(
        text=text,
        citation=found["citation"],
        severity=found["severity"],
        key=(found["code"], found.get("subject") or ""),
    )


def one_line(*, blocking: int, warnings: int, officer_review: int) -> str:
    """The rules' verdict in a few words, for the queue and the top of the file."""
    if not (blocking or warnings or officer_review):
        return _("The rules found nothing to review.")
    parts = []
    if blocking:
        parts.append(
            ngettext("%(n)s blocking finding", "%(n)s blocking findings", blocking) % {"n": blocking}
        )
    if warnings:
        parts.append(ngettext("%(n)s warning", "%(n)s warnings", warnings) % {"n": warnings})
    if officer_review:
        parts.append(
            ngettext("%(n)s point for an officer", "%(n)s points for an officer", officer_review)
            % {"n": officer_review}
        )
    return ", ".join(parts) + "."


def _money(value: Any, language: str) -> str | None:
    try:
        return format_cad(Decimal(str(value)), language)
    except (InvalidOperation, ValueError, TypeError):
        return None


def _figures(details: dict[str, Any], language: str) -> list[str]:
    figures = []
    biometrics = details.get("biometrics") or {}
    if isinstance(biometrics, dict) and biometrics:
        giving = sum(1 for entry in biometrics.values() if isinstance(entry, dict) and entry.get("required"))
        figures.append(
            ngettext("Biometrics: %(n)s person gives them.", "Biometrics: %(n)s people give them.", giving)
            % {"n": giving}
        )
    medical = details.get("medical") or {}
    if isinstance(medical, dict) and "must_be_examined" in medical:
        examined = len(medical.get("must_be_examined") or [])
        figures.append(
            ngettext(
                "Medical exam: %(n)s person is examined.",
                "Medical exams: %(n)s people are examined.",
                examined,
            )
            % {"n": examined}
        )
    checklist = details.get("checklist")
    if isinstance(checklist, list):
        figures.append(
            ngettext("Checklist: %(n)s document item.", "Checklist: %(n)s document items.", len(checklist))
            % {"n": len(checklist)}
        )
    fees = details.get("fees") or {}
    total = _money(fees.get("total"), language) if isinstance(fees, dict) else None
    if total:
        figures.append(_("Fees: %(total)s in all.") % {"total": total})
    return figures


@dataclass(frozen=True)
class Found:
    """What the rules found at submission, and what changed since, for one page."""

    summary: str
    findings: list[Line]
    figures: list[str]
    evaluated_on: date
    rules_version: str
    new: list[Line]
    resolved: list[Line]

    @property
    def changed(self) -> bool:
        return bool(self.new or self.resolved)


def _findings(frozen: dict[str, Any], language: str) -> list[Line]:
    found = sorted(_all_findings(frozen), key=lambda item: _ORDER.get(item["severity"], 3))
    return [_line(item, language) for item in found]


def changes_since(
    frozen: dict[str, Any], now: Evaluation, *, on: date, language: str
) -> tuple[list[Line], list[Line]]:
    """The findings that appeared and those that went away between ``frozen`` and ``now``."""
    then = {line.key: line for line in _findings(frozen, language)}
    current = {line.key: line for line in _findings(frozen_form(now, on=on), language)}
    new = [line for key, line in current.items() if key not in then]
    resolved = [line for key, line in then.items() if key not in current]
    return new, resolved


def what_the_rules_found(
    application: Application, *, now: Evaluation | None, on: date, language: str
) -> Found | None:
    """The frozen assessment for the officer's pages (``None`` for a file submitted before it was kept).

    ``now`` is the evaluation recomputed for today; without it, nothing is said of changes.
    """
    assessment = RulesAssessment.objects.filter(application=application).first()
    if assessment is None:
        return None
    frozen = assessment.evaluation
    new, resolved = changes_since(frozen, now, on=on, language=language) if now is not None else ([], [])
    return Found(
        summary=one_line(
            blocking=assessment.blocking,
            warnings=assessment.warnings,
            officer_review=assessment.officer_review,
        ),
        findings=_findings(frozen, language),
        figures=_figures(frozen.get("details") or {}, language),
        evaluated_on=assessment.evaluated_on,
        rules_version=assessment.rules_version,
        new=new,
        resolved=resolved,
    )
