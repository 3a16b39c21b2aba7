import dataclasses
import datetime

import pytest

from portique.applications import services as application_services
from portique.applications.choices import Program

TODAY = datetime.date(2026, 11, 20)

# Checklist items as the rules will give them (JSON-ready), besides the photos (which the
# PR card's rules ask from the start: ``rules_checklist`` keeps them).
RULES_CHECKLIST = [
    {
        "code": "proof_of_residency",
        "en": "Proof of residency (2 documents)",
        "fr": "Preuve de résidence (2 documents)",
        "citation": "IMM 5445 — Appendix A",
        "why": {"en": "Shows you met the residency obligation.", "fr": "Démontre que vous avez respecté l'obligation de résidence."},
        "person": "p0",
    },
    {
        "code": "primary_identity",
        "en": "Primary identity document",
        "fr": "Document d'identité principal",
        "citation": "IMM 5445 — Step 1",
        "why": "Passport or travel document.",
        "person": "p0",
    },
    {
        # As portique.rules.pr_card_documents builds it: any one of the alternatives will do.
        "code": "PRIMARY_IDENTITY_DOCUMENT",
        "en": "Copy of your passport or travel document",
        "fr": "Copie de votre passeport ou titre de voyage",
        "citation": "IMM 5445 — Step 1: Rassemblez les documents",
        "why_en": "A copy showing document type and number.",
        "why_fr": "Une copie indiquant le type et le numéro du document.",
        "alternatives": [["PASSPORT_OR_TRAVEL_DOCUMENT"], ["PASSPORT_HELD_ON_BECOMING_PR"], ["IDENTITY_CERTIFICATE"]],
        "may_explain_instead": False,
        "person": "p0",
    },
]


@pytest.fixture
def application(applicant):
    return application_services.application_start(actor=applicant, program=Program.PR_CARD)


@pytest.fixture
def rules_checklist(monkeypatch):
    """The rules' checklist with two document items besides the photo."""
    original = application_services.application_evaluate

    def evaluate(*, application, on):
        evaluation = original(application=application, on=on)
        photos = [raw for raw in evaluation.details.get("checklist", ()) if raw["code"] in ("PHOTO", "PHOTO_BACK")]
        return dataclasses.replace(evaluation, details={**evaluation.details, "checklist": photos + RULES_CHECKLIST})

    monkeypatch.setattr(application_services, "application_evaluate", evaluate)
    return RULES_CHECKLIST
