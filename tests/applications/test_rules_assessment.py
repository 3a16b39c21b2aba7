"""The rules' assessment is frozen with the file at submission: kept once, never recomputed,
and compared with today's evaluation to say what changed since."""

from __future__ import annotations

from dataclasses import replace

import pytest

from portique.applications import services as application_services
from portique.applications.models import RulesAssessment
from portique.applications.submission.assessment import what_the_rules_found
from portique.rules.reasons import Reason, Severity
from portique.rules.version import rules_version
from tests.casework.factories import SUBMITTED_ON, submitted_application

LATE = Reason(
    code="LATE_FINDING",
    rule="PRC-60",
    citation="IMM 5445 — Step 1",
    en="A document sent after submission is unreadable.",
    fr="Un document envoyé après la demande est illisible.",
    severity=Severity.WARNING,
    subject="p0/documents",
)


@pytest.mark.django_db
def test_submission_freezes_every_finding_and_the_details_once(applicant):
    application = submitted_application(applicant)

    assessment = RulesAssessment.objects.get(application=application)
    frozen = assessment.evaluation
    assert assessment.submission == application.submission
    assert assessment.rules_version == frozen["rules_version"] == rules_version()
    assert assessment.evaluated_on == SUBMITTED_ON
    codes = {found["code"] for found in frozen["findings"]}
    assert {"RESIDENCY_OBLIGATION_MET", "PAYMENT_COMPLETE"} <= codes
    residency = next(found for found in frozen["findings"] if found["code"] == "RESIDENCY_OBLIGATION_MET")
    assert residency["severity"] == "info"
    assert residency["citation"].startswith("IMM 5445")
    assert residency["en"] and residency["fr"]
    details = frozen["details"]
    assert details["residency"]["days_credited"] == 1826 and details["residency"]["days_required"] == 730
    assert details["fees"]["total"] == "50.00"
    assert details["checklist"] and "p0" in details["biometrics"]
    assert (assessment.blocking, assessment.warnings, assessment.officer_review) == (0, 0, 0)

    # A retried submission returns the first one and keeps the one assessment.
    application_services.application_submit(actor=applicant, public_id=application.public_id, on=SUBMITTED_ON)
    assert RulesAssessment.objects.filter(application=application).count() == 1


@pytest.mark.django_db
def test_recomputing_shows_what_changed_but_never_changes_the_frozen_assessment(applicant):
    application = submitted_application(applicant)
    kept = RulesAssessment.objects.get(application=application).evaluation
    now = application_services.application_evaluate(application=application, on=SUBMITTED_ON)
    resolved_code = "PAYMENT_COMPLETE"
    changed = replace(now, findings=tuple(f for f in now.findings if f.code != resolved_code) + (LATE,))

    found = what_the_rules_found(application, now=changed, on=SUBMITTED_ON, language="fr")

    assert found.changed
    assert [line.text for line in found.new] == ["Un document envoyé après la demande est illisible."]
    assert [line.text for line in found.resolved] == ["Les frais (50\xa0$) sont payés."]
    assert RulesAssessment.objects.get(application=application).evaluation == kept

    same = what_the_rules_found(application, now=now, on=SUBMITTED_ON, language="en")
    assert not same.changed
    assert same.summary == "The rules found nothing to review."
    assert any("1826 days count toward the residency obligation" in line.text for line in same.findings)
    assert same.figures == [
        "Biometrics: 0 people give them.",
        "Checklist: 5 document items.",
        "Fees: $50.00 in all.",
    ]
