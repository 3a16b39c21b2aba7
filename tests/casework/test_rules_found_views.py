""" "What the rules found" at the top of the officer's file, screening and decision pages: in the
page's language, in plain words, the citation behind "Why?", no internal code; and what
changed since submission when today's evaluation differs from the one kept."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.urls import reverse

from portique.applications.services import application_evaluate
from portique.casework import rules_found, services, triage
from portique.rules.reasons import Reason, Severity
from portique.rules.version import rules_version

from .test_services import accept

RESIDENCY_EN = "1826 days count toward the residency obligation"
RESIDENCY_FR = "1826 jours comptent pour l’obligation de résidence"


def page(client, user, application, name, language="en"):
    client.force_login(user)
    url = reverse(name, kwargs={"public_id": application.public_id})
    if language == "fr":
        url = "/fr" + url[3:]
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["casework:file", "casework:screening"])
def test_the_file_and_screening_pages_say_what_the_rules_found_in_english(client, officer, submitted, name):
    html = page(client, officer, submitted, name)
    top = html.index("What the rules found")
    assert top < html.index("</h1>") + 200  # at the top, right under the title
    assert "The rules found nothing to review." in html
    assert RESIDENCY_EN in html
    assert "Fees: $50.00 in all." in html
    assert "Nothing has changed since submission: the rules find the same today." in html
    assert "IMM 5445 — Appendix A: Residency obligation" in html  # behind "Why?", in the page's language
    for code in ("RESIDENCY_OBLIGATION_MET", "PAYMENT_COMPLETE", "blocking", rules_version()):
        assert code not in html[top : html.index("</section>", top)]


@pytest.mark.django_db
def test_the_decision_page_says_it_in_french(client, officer, decision_maker, submitted):
    accept(officer, submitted)
    services.processing_start(actor=officer, public_id=submitted.public_id)
    html = page(client, decision_maker, submitted, "casework:decision", language="fr")
    assert "Ce que les règles ont trouvé" in html
    assert "Les règles n’ont rien trouvé à examiner." in html
    assert RESIDENCY_FR in html
    assert "Frais\xa0: 50,00\xa0$ en tout." in html
    assert RESIDENCY_EN not in html
    assert "IMM 5445 — Appendice A\xa0: Obligation de résidence minimale" in html


@pytest.mark.django_db
def test_what_changed_since_submission_is_shown(client, officer, submitted, monkeypatch):
    now = application_evaluate(application=submitted, on=submitted.submission.submitted_at.date())
    late = Reason(
        "LATE_DOCUMENT_UNREADABLE",
        "PRC-60",
        "IMM 5445 — Step 1",
        "The passport copy sent after submission cannot be read.",
        "La copie du passeport envoyée après la demande est illisible.",
        Severity.WARNING,
    )
    later = replace(now, findings=(*now.findings, late))
    monkeypatch.setattr(rules_found, "application_evaluate", lambda **_: later)

    html = page(client, officer, submitted, "casework:file")
    assert "What changed since submission" in html
    assert "New findings:" in html
    assert "Warning:</strong> The passport copy sent after submission cannot be read." in html
    assert "LATE_DOCUMENT_UNREADABLE" not in html


@pytest.mark.django_db
def test_the_file_page_shows_the_triage_label_only_when_triage_is_on(
    client, officer, administrator, submitted
):
    assert "Triage:" not in page(client, officer, submitted, "casework:file")
    triage.triage_switch(actor=administrator, program=submitted.program, enabled=True, reason="Pilot.")
    html = page(client, officer, submitted, "casework:file")
    assert "Triage:" in html and "Routine" in html
