"""A submitted sponsorship on the officers' side: screening across every person, the sponsor first."""

import copy
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from pypdf import PdfReader

from portique.applications import services as application_services
from portique.applications.choices import Status
from portique.casework import services
from portique.casework.choices import DecisionOutcome
from portique.casework.models import SponsorAssessment
from portique.casework.sponsorship import PersonFinding, sponsor_assess, sponsorship_decide
from portique.payments import selectors as payment_selectors
from tests import sponsorship_journey as sj

ON = sj.TODAY


@pytest.fixture(autouse=True)
def _english_after_each_test():
    # A request to /fr/ leaves French active in this thread: the next test's reverse() must not inherit it.
    yield
    from django.utils import translation

    translation.activate("en")


@pytest.fixture
def sponsorship(applicant):
    application = sj.ready_to_submit(applicant)
    application_services.application_submit(actor=applicant, public_id=application.public_id, on=ON)
    application.refresh_from_db()
    return application


@pytest.mark.django_db
def test_a_complete_sponsorship_is_screened_without_finding_and_acknowledged(officer, sponsorship):
    screening = services.screening_run(application=sponsorship)
    assert list(screening.findings.values_list("code", flat=True)) == []
    services.application_accept(actor=officer, public_id=sponsorship.public_id, on=ON, draw=lambda: 0.99)
    sponsorship.refresh_from_db()
    assert sponsorship.status == Status.ACCEPTED


def _accepted(officer, application):
    services.screening_run(application=application)
    services.application_accept(actor=officer, public_id=application.public_id, on=ON, draw=lambda: 0.99)


def _approve(decider, application):
    everyone = {position: PersonFinding(meets_requirements=True) for position in (1, 2, 3)}
    return sponsorship_decide(actor=decider, public_id=application.public_id, findings=everyone, on=ON)


@pytest.mark.django_db
def test_the_permanent_residence_decision_waits_for_the_sponsor_assessment(
    officer, decision_maker, sponsorship
):
    _accepted(officer, sponsorship)
    with pytest.raises(services.CaseworkError, match="sponsor"):
        _approve(decision_maker, sponsorship)
    with pytest.raises(PermissionDenied):
        sponsor_assess(actor=officer, public_id=sponsorship.public_id, approved=True, on=ON)
    assessment = sponsor_assess(actor=decision_maker, public_id=sponsorship.public_id, approved=True, on=ON)
    assert assessment.approved
    with pytest.raises(services.CaseworkError):
        sponsor_assess(actor=decision_maker, public_id=sponsorship.public_id, approved=True, on=ON)
    # Then the biometrics and medical exams the rules require (casework.readiness).
    with pytest.raises(services.CaseworkError, match="biometric"):
        _approve(decision_maker, sponsorship)
    sj.collect_before_decision(officer, sponsorship)
    _approve(decision_maker, sponsorship)
    sponsorship.refresh_from_db()
    assert sponsorship.status == Status.APPROVED


@pytest.mark.django_db
def test_a_refusal_of_the_sponsor_needs_reasons(officer, decision_maker, sponsorship):
    _accepted(officer, sponsorship)
    with pytest.raises(services.CaseworkError) as refused:
        sponsor_assess(
            actor=decision_maker, public_id=sponsorship.public_id, approved=False, reasons=" ", on=ON
        )
    assert list(refused.value.errors) == ["reasons"]
    assert not SponsorAssessment.objects.exists()


def _barred_and_submitted(applicant, choice):
    barred = copy.deepcopy(sj.SPONSOR)
    barred["history"]["undischarged_bankrupt"] = True
    application = sj.ready_to_submit(applicant, sponsor=barred, question_1={"choice": choice})
    application_services.application_submit(actor=applicant, public_id=application.public_id, on=ON)
    application.refresh_from_db()
    return application


@pytest.mark.django_db
def test_a_refused_sponsor_who_chose_to_withdraw_gets_every_fee_back_but_the_sponsorship_fee(
    applicant, officer, decision_maker
):
    application = _barred_and_submitted(applicant, "withdraw")
    paid = payment_selectors.paid_for(application)
    _accepted(officer, application)
    sponsor_assess(
        actor=decision_maker,
        public_id=application.public_id,
        approved=False,
        reasons="Undischarged bankrupt (IRPR 133(1)(i)).",
        on=ON,
    )
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    decision = application.decision
    assert decision.outcome == DecisionOutcome.WITHDRAWN
    assert decision.refund["event"] == "sponsor_withdraws_not_eligible"
    # The sponsorship fee is kept; biometric fees go to an officer (G-22); the rest comes back.
    kept, to_decide = Decimal(decision.refund["kept"]), Decimal(decision.refund["officer_decides"])
    assert kept == Decimal(85)
    assert Decimal(decision.refund["refunded"]) == paid - kept - to_decide
    assert payment_selectors.paid_for(application) == kept + to_decide


@pytest.mark.django_db
def test_a_refused_sponsor_who_chose_to_proceed_leaves_the_pr_application_to_its_decision(
    applicant, officer, decision_maker
):
    application = _barred_and_submitted(applicant, "proceed")
    _accepted(officer, application)
    sponsor_assess(
        actor=decision_maker,
        public_id=application.public_id,
        approved=False,
        reasons="Undischarged bankrupt.",
        on=ON,
    )
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    # The sponsor is told why by letter (IMM 5289 — "Répondants").
    letter = application.letters.get(kind="sponsor_assessment")
    with letter.pdf_en.open("rb") as stored:
        text = " ".join(
            " ".join(p.extract_text() for p in PdfReader(io.BytesIO(stored.read())).pages).split()
        )
    assert "Undischarged bankrupt." in text and "You chose, at question 1" in text
    # Refused with the sponsor whatever the people's findings: none is needed (SP-229).
    decision = sponsorship_decide(actor=decision_maker, public_id=application.public_id, findings={}, on=ON)
    application.refresh_from_db()
    assert application.status == Status.REFUSED
    assert decision.outcome == DecisionOutcome.REFUSED
    assert list(decision.people.values_list("person__position", "outcome")) == [
        (1, "refused"),
        (2, "refused"),
        (3, "examined_only"),
    ]
    # SP-200: the right of permanent residence fee comes back when PR is not obtained.
    assert Decimal(decision.refund["refunded"]) > 0


@pytest.mark.django_db
def test_a_pr_card_has_no_sponsor_to_assess(officer, decision_maker, submitted):
    _accepted(officer, submitted)
    with pytest.raises(services.CaseworkError):
        sponsor_assess(actor=decision_maker, public_id=submitted.public_id, approved=True, on=ON)


@pytest.mark.django_db
def test_the_decision_maker_assesses_the_sponsor_from_the_file(client, officer, decision_maker, sponsorship):
    _accepted(officer, sponsorship)
    url = f"/fr/officer/files/{sponsorship.public_id}/sponsor-assessment/"
    client.force_login(officer)
    assert client.get(url).status_code == 404  # a screening officer does not decide
    client.force_login(decision_maker)
    assert (
        "Assess the sponsor first"
        in client.get(f"/en/officer/files/{sponsorship.public_id}/").content.decode()
    )
    page = client.get(url).content.decode()
    assert "Le répondant est évalué en premier" in page
    refused = client.post(url, {"decision": "refuse", "reasons": ""})
    assert "Indiquez les motifs du refus du répondant" in refused.content.decode()
    assert not SponsorAssessment.objects.exists()
    response = client.post(url, {"decision": "approve"})
    assert response.status_code == 302
    assert SponsorAssessment.objects.get().approved


@pytest.mark.django_db
def test_every_family_member_is_examined_accompanying_or_not_but_not_the_sponsor(officer, sponsorship):
    _accepted(officer, sponsorship)
    evaluation = application_services.application_evaluate(application=sponsorship, on=ON)
    assert evaluation.details["medical"]["must_be_examined"] == ["p1", "p2", "p3"]
    for position in (1, 2, 3):  # the principal applicant, the child who comes, the child who does not
        services.medical_instruct(actor=officer, public_id=sponsorship.public_id, position=position, on=ON)
    with pytest.raises(services.CaseworkError) as refused:
        services.medical_instruct(actor=officer, public_id=sponsorship.public_id, position=0, on=ON)
    assert list(refused.value.errors) == ["position"]
    assert sponsorship.medical_instructions.count() == 3
    # Each person's instructions name that person, not the principal applicant.
    letter = sponsorship.medical_instructions.get(person__position=3).letter
    with letter.pdf_en.open("rb") as stored:
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(stored.read())).pages)
    assert "Obi Okafor must take" in " ".join(text.split())
