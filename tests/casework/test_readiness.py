"""Nothing is decided early: an approval waits for everything the rules require before a decision
(biometrics collected, medical results, the quality-assurance interview, the sponsor, Quebec, police
certificates), each missing item named with its rule; a refusal does not wait for them. One test
per program, through the services, as the officers work a file."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portique.applications import services as application_services
from portique.applications.choices import Status
from portique.casework import instructions, readiness, services
from portique.casework.choices import (
    DecisionOutcome,
    EventKind,
    InterviewMode,
    InterviewOutcome,
    InterviewPurpose,
)
from portique.casework.sponsorship import PersonFinding, sponsor_assess, sponsorship_decide
from portique.payments.models import Payment
from tests import journey
from tests import sponsorship_journey as sj

from .factories import submitted_application
from .test_services import YOUNG_HISTORY, _young_applicant_answers, accept, decide_approve, pdf_text, snapshot
from .test_sponsorship_decisions import _accepted, _submitted

ON = sj.TODAY
PA, ADA, OBI = 1, 2, 3


def messages_of(refused) -> str:
    return " ".join(str(message) for found in refused.value.errors.values() for message in found)


def _today_plus(**delta):
    return timezone.now() + timedelta(**delta)


# --- PR card -----------------------------------------------------------------------------------------------


def _qa_interview(officer, application):
    return services.interview_schedule(
        actor=officer,
        public_id=application.public_id,
        starts_at=_today_plus(days=7),
        mode=InterviewMode.IN_PERSON,
        place="200 Promenade du Portage, Gatineau",
        documents_to_bring="Your passport and your current PR card",
        purpose=InterviewPurpose.QUALITY_ASSURANCE,
    )


@pytest.mark.django_db
def test_a_pr_card_drawn_for_quality_assurance_is_approved_only_once_its_interview_is_held(
    officer, decision_maker, submitted
):
    accept(officer, submitted, draw=lambda: 0.0)
    assert hasattr(submitted, "quality_assurance")
    services.processing_start(actor=officer, public_id=submitted.public_id)
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError) as refused:
        decide_approve(decision_maker, submitted)
    assert "selected for quality assurance" in messages_of(refused)
    assert "not yet scheduled" in messages_of(refused)
    assert snapshot(submitted) == before
    first = _qa_interview(officer, submitted)
    with pytest.raises(services.CaseworkError, match="not yet recorded as held"):
        decide_approve(decision_maker, submitted)
    # What happened is recorded only once the interview has taken place.
    with pytest.raises(services.CaseworkError, match="not taken place yet"):
        services.interview_record_outcome(
            actor=officer,
            public_id=submitted.public_id,
            interview_id=first.public_id,
            outcome=InterviewOutcome.ATTENDED,
            notes="",
        )
    services.interview_record_outcome(
        actor=officer,
        public_id=submitted.public_id,
        interview_id=first.public_id,
        outcome=InterviewOutcome.DID_NOT_ATTEND,
        notes="",
        now=_today_plus(days=8),
    )
    with pytest.raises(services.CaseworkError, match="did not attend"):
        decide_approve(decision_maker, submitted)
    second = _qa_interview(officer, submitted)
    services.interview_record_outcome(
        actor=officer,
        public_id=submitted.public_id,
        interview_id=second.public_id,
        outcome=InterviewOutcome.ATTENDED,
        notes="The documents match the application.",
        now=_today_plus(days=8),
    )
    held = submitted.case_events.filter(kind=EventKind.INTERVIEW_OUTCOME).last()
    day = timezone.localdate(second.starts_at).isoformat()
    assert held.actor == officer and held.detail == f"quality_assurance interview of {day}: attended"
    decide_approve(decision_maker, submitted)
    submitted.refresh_from_db()
    assert submitted.status == Status.APPROVED


@pytest.mark.django_db
def test_a_refusal_does_not_wait_for_the_quality_assurance_interview(officer, decision_maker, submitted):
    accept(officer, submitted, draw=lambda: 0.0)
    services.processing_start(actor=officer, public_id=submitted.public_id)
    decision = services.application_decide(
        actor=decision_maker,
        public_id=submitted.public_id,
        outcome=DecisionOutcome.REFUSED,
        reasons="The residency obligation is not met.",
        on=ON,
    )
    assert decision.outcome == DecisionOutcome.REFUSED


@pytest.mark.django_db
def test_a_pr_card_whose_biometric_letter_was_sent_is_approved_only_once_they_are_collected(
    officer, decision_maker, applicant
):
    application = submitted_application(applicant, answers=_young_applicant_answers())
    # Arranged as in test_services: the biometric fee recorded as paid with the application.
    payment = Payment.objects.get(application=application)
    payment.quote = {
        **payment.quote,
        "lines": [*payment.quote["lines"], {"code": "biometrics", "amount": "85.00"}],
    }
    payment.save(update_fields=["quote"])
    accept(officer, application)
    [instruction] = services.biometrics_instruct(
        actor=officer, public_id=application.public_id, history=YOUNG_HISTORY, on=ON
    )
    assert instruction.person.position == 0
    assert "Alex Marie Tremblay must give biometrics" in pdf_text(instruction.letter.pdf_en)
    with pytest.raises(
        services.CaseworkError, match="Alex Marie Tremblay: the biometrics have not been collected"
    ):
        decide_approve(decision_maker, application)
    services.biometrics_record_collected(
        actor=officer,
        public_id=application.public_id,
        collected_on=timezone.localdate(),
        on=timezone.localdate(),
    )
    application.refresh_from_db()
    assert application.status == Status.IN_PROCESSING
    decide_approve(decision_maker, application)
    application.refresh_from_db()
    assert application.status == Status.APPROVED


# --- A spouse's sponsorship -----------------------------------------------------------------------------


@pytest.fixture
def spouse_sponsorship(applicant, officer, decision_maker):
    application = _submitted(applicant)
    _accepted(officer, application)
    sponsor_assess(actor=decision_maker, public_id=application.public_id, approved=True, on=ON)
    return application


def approve_everyone(decision_maker, application, positions=(PA, ADA, OBI)):
    return sponsorship_decide(
        actor=decision_maker,
        public_id=application.public_id,
        findings={position: PersonFinding(meets_requirements=True) for position in positions},
        on=ON,
    )


@pytest.mark.django_db
def test_a_spouse_sponsorship_is_approved_only_once_each_persons_biometrics_and_medical_are_in(
    client, officer, decision_maker, spouse_sponsorship
):
    application = spouse_sponsorship
    # The rules: the principal applicant (36) and Obi (14) give biometrics, Ada (11) does not;
    # all three are examined, Obi although he does not accompany (SP-115, SP-116).
    before = snapshot(application)
    with pytest.raises(services.CaseworkError) as refused:
        approve_everyone(decision_maker, application)
    missing = messages_of(refused)
    for expected in (
        "Chidi Emeka Okafor: must give biometrics",
        "Obi Okafor: must give biometrics",
        "Chidi Emeka Okafor: must have a medical exam",
        "Ada Okafor: must have a medical exam",
        "Obi Okafor: must have a medical exam",
    ):
        assert expected in missing
    assert "Ada Okafor: must give biometrics" not in missing
    assert snapshot(application) == before
    # The decision page names each missing item, its rule behind "Why?".
    client.force_login(decision_maker)
    page = client.get(f"/en/officer/files/{application.public_id}/sponsorship-decision/").content.decode()
    assert "Obi Okafor: must give biometrics" in page and "Why?" in page and "IRPR 12.1(a), 12.2" in page

    # One action sends the biometric letters to the two who give them, each by name.
    sent = services.biometrics_instruct(actor=officer, public_id=application.public_id, on=ON)
    assert sorted(row.person.position for row in sent) == [PA, OBI]
    assert "Obi Okafor must give biometrics" in pdf_text(
        next(r for r in sent if r.person.position == OBI).letter.pdf_en
    )
    assert "IRPR 12.1(a)" in pdf_text(sent[0].letter.pdf_en)
    with pytest.raises(services.CaseworkError, match="already has a biometric instruction letter"):
        services.biometrics_instruct(actor=officer, public_id=application.public_id, on=ON)
    with pytest.raises(services.CaseworkError, match="Obi Okafor: the biometrics have not been collected"):
        approve_everyone(decision_maker, application)
    today = timezone.localdate()
    with pytest.raises(services.CaseworkError) as whose:
        services.biometrics_record_collected(
            actor=officer, public_id=application.public_id, collected_on=today, on=today
        )
    assert list(whose.value.errors) == ["position"]
    for position in (PA, OBI):
        services.biometrics_record_collected(
            actor=officer, public_id=application.public_id, collected_on=today, on=today, position=position
        )
    with pytest.raises(services.CaseworkError) as refused:
        approve_everyone(decision_maker, application)
    assert "biometrics" not in messages_of(refused) and "medical exam" in messages_of(refused)

    # One action sends the medical instructions to the three who are examined, each by name.
    medical = instructions.medical_instruct_everyone(actor=officer, public_id=application.public_id, on=ON)
    assert sorted(row.person.position for row in medical) == [PA, ADA, OBI]
    assert "Ada Okafor must take an immigration medical exam" in pdf_text(
        next(row for row in medical if row.person.position == ADA).letter.pdf_en
    )
    for row in medical:
        services.medical_record_result(
            actor=officer, public_id=application.public_id, instruction_id=row.public_id, result_on=ON, on=ON
        )
    assert readiness.readiness(application, on=ON).ready
    decision = approve_everyone(decision_maker, application)
    assert decision.outcome == DecisionOutcome.APPROVED


@pytest.mark.django_db
def test_a_sponsorship_can_be_refused_before_its_biometrics(decision_maker, spouse_sponsorship):
    decision = sponsorship_decide(
        actor=decision_maker,
        public_id=spouse_sponsorship.public_id,
        findings={
            PA: PersonFinding(meets_requirements=False, reasons="The marriage is not genuine."),
            ADA: PersonFinding(meets_requirements=True),
            OBI: PersonFinding(meets_requirements=True),
        },
        on=ON,
    )
    assert decision.outcome == DecisionOutcome.REFUSED


# --- A dependent child's sponsorship -----------------------------------------------------------------------


@pytest.fixture
def child_sponsorship(applicant, officer, decision_maker):
    application, guardian = sj.child_with_guardian(applicant)
    journey.upload_checklist(applicant, application)
    journey.pay(applicant, application, payer_name=sj.SPONSOR_NAME)
    sj.sign(applicant, application, 0, sj.SPONSOR_NAME)
    sj.sign(applicant, application, guardian.position, sj.GUARDIAN_NAME)
    application_services.application_submit(actor=applicant, public_id=application.public_id, on=ON)
    application.refresh_from_db()
    _accepted(officer, application)
    sponsor_assess(actor=decision_maker, public_id=application.public_id, approved=True, on=ON)
    return application


@pytest.mark.django_db
def test_a_dependent_childs_sponsorship_waits_for_the_childs_biometrics_and_medical(
    officer, decision_maker, child_sponsorship
):
    application = child_sponsorship
    with pytest.raises(services.CaseworkError) as refused:
        approve_everyone(decision_maker, application, positions=(1,))
    missing = messages_of(refused)
    assert (
        "Linh Nguyen: must give biometrics" in missing and "Linh Nguyen: must have a medical exam" in missing
    )
    assert "Mai Nguyen" not in missing  # the mother who signs is not an applicant
    [letter] = services.biometrics_instruct(actor=officer, public_id=application.public_id, on=ON)
    assert letter.person.position == 1
    with pytest.raises(services.CaseworkError, match="Linh Nguyen: the biometrics have not been collected"):
        approve_everyone(decision_maker, application, positions=(1,))
    sj.collect_before_decision(officer, application)
    assert approve_everyone(decision_maker, application, positions=(1,)).outcome == DecisionOutcome.APPROVED
