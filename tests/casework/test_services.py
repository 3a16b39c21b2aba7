"""Every casework transition and its guard: refused with a clear message, nothing changed."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from pypdf import PdfReader

from portique.applications.choices import Status
from portique.applications.models import StatusChange
from portique.casework import services
from portique.casework.choices import (
    CardDelivery,
    DecisionOutcome,
    EventKind,
    InterviewMode,
    InterviewOutcome,
    InterviewPurpose,
    LetterKind,
    RequestState,
    Verdict,
)
from portique.casework.models import (
    CaseEvent,
    Decision,
    DocumentRequest,
    Finding,
    Letter,
    RequestFile,
    Screening,
)
from portique.payments.models import Payment
from portique.rules import biometrics
from tests.documents.files import image_bytes, pdf_bytes, portrait, upload

ON = date(2026, 11, 24)


def snapshot(application):
    """Everything casework may write about ``application``: equal before and after a refusal."""
    application.refresh_from_db()
    return (
        application.status,
        StatusChange.objects.filter(application=application).count(),
        CaseEvent.objects.filter(application=application).count(),
        Letter.objects.filter(application=application).count(),
        Finding.objects.filter(screening__application=application).count(),
        list(Finding.objects.filter(screening__application=application).values_list("verdict", flat=True)),
        DocumentRequest.objects.filter(application=application).count(),
        Decision.objects.filter(application=application).count(),
    )


def accept(officer, application, *, draw=lambda: 0.99):
    services.screening_run(application=application)
    return services.application_accept(actor=officer, public_id=application.public_id, on=ON, draw=draw)


def add_missing(
    officer, application, ground="OFFICER_COPY_ILLEGIBLE", detail="The passport copy is blurred."
):
    services.screening_run(application=application)
    return services.finding_add(actor=officer, public_id=application.public_id, ground=ground, detail=detail)


def decide_approve(decider, application, **extra):
    return services.application_decide(
        actor=decider,
        public_id=application.public_id,
        outcome=DecisionOutcome.APPROVED,
        card_delivery=CardDelivery.MAIL,
        on=ON,
        **extra,
    )


def pdf_text(field) -> str:
    with field.open("rb") as stored:
        reader = PdfReader(io.BytesIO(stored.read()))
    return " ".join(page.extract_text() for page in reader.pages)


# --- Screening -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_rules_screen_a_complete_submission_once_and_find_nothing(submitted):
    screening = services.screening_run(application=submitted)
    assert screening.screened_on == timezone.localdate(submitted.submitted_at)
    assert list(screening.findings.all()) == []
    assert services.screening_run(application=submitted) == screening
    assert Screening.objects.count() == 1
    assert CaseEvent.objects.filter(application=submitted, kind=EventKind.SCREENED).count() == 1


@pytest.mark.django_db
def test_the_rules_list_each_s10_finding_with_its_citation(submitted):
    # A payment that went missing after submission (e.g. charged back) is what screening is for.
    Payment.objects.filter(application=submitted).update(status="declined")
    screening = services.screening_run(application=submitted)
    codes = {finding.code: finding for finding in screening.findings.all()}
    assert codes, "an unpaid application has a finding"
    assert all(finding.citation and finding.en and finding.fr for finding in codes.values())
    assert any("10(1)(d)" in finding.citation for finding in codes.values())


@pytest.mark.django_db
def test_a_return_lists_each_missing_item_with_its_rule_closes_the_file_and_keeps_the_documents(
    officer, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    add_missing(officer, submitted)
    with django_capture_on_commit_callbacks(execute=True):
        letter = services.application_return(actor=officer, public_id=submitted.public_id, on=ON)
    submitted.refresh_from_db()
    assert submitted.status == Status.RETURNED
    change = StatusChange.objects.filter(application=submitted).last()
    assert (change.to_status, change.actor) == (Status.RETURNED, officer)
    assert "OFFICER_COPY_ILLEGIBLE" in change.reason
    assert letter.kind == LetterKind.RETURN and letter.issued_by == officer
    english, french = pdf_text(letter.pdf_en), pdf_text(letter.pdf_fr)
    assert "A copy is not clear enough to be read." in english and "PRC-60" in english
    assert "The passport copy is blurred." in english
    assert "Une copie n’est pas assez claire pour être lue." in french
    # The documents stay part of the application (downloadable by the applicant).
    assert submitted.documents.filter(state="current").count() >= 5
    # The fee follows the refund rules: never processed, so the processing fee comes back.
    screening = Screening.objects.get(application=submitted)
    assert screening.outcome == "returned"
    assert Decimal(screening.refund["refundable"]) == Decimal("50.00")
    assert screening.refund["reasons"][0]["code"] == "REFUND_PR_CARD_WITHDRAWN_BEFORE_PROCESSING"
    # And the money goes back through the gateway, once.
    from portique.payments.models import Refund

    (refund,) = Refund.objects.filter(application=submitted)
    assert (refund.amount, refund.cause) == (Decimal("50.00"), "withdrawn_before_processing")
    assert Decimal(screening.refund["refunded"]) == Decimal("50.00")
    assert "Amount refunded: $50.00" in english
    (notice,) = mailoutbox
    assert submitted.number in notice.subject and notice.to == [submitted.owner.email]
    assert "not clear" not in notice.body, "the e-mail announces the letter, it does not carry it"


@pytest.mark.django_db
def test_a_return_with_no_missing_item_is_refused_and_nothing_changes(officer, submitted):
    services.screening_run(application=submitted)
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError) as refused:
        services.application_return(actor=officer, public_id=submitted.public_id, on=ON)
    assert "no finding is confirmed" in str(refused.value)
    assert snapshot(submitted) == before


@pytest.mark.django_db
def test_a_pending_finding_blocks_both_return_and_acceptance(officer, submitted):
    Payment.objects.filter(application=submitted).update(status="declined")
    services.screening_run(application=submitted)
    before = snapshot(submitted)
    for service in (services.application_return, services.application_accept):
        with pytest.raises(services.CaseworkError, match="every finding"):
            service(actor=officer, public_id=submitted.public_id, on=ON)
    assert snapshot(submitted) == before


@pytest.mark.django_db
def test_overriding_a_finding_needs_a_reason_then_the_application_can_be_accepted(officer, submitted):
    Payment.objects.filter(application=submitted).update(status="declined")
    screening = services.screening_run(application=submitted)
    findings = list(screening.findings.all())
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError) as refused:
        services.finding_judge(
            actor=officer,
            public_id=submitted.public_id,
            finding_id=findings[0].public_id,
            verdict=Verdict.OVERRIDDEN,
        )
    assert list(refused.value.errors) == ["reason"]
    assert snapshot(submitted) == before
    for finding in findings:
        services.finding_judge(
            actor=officer,
            public_id=submitted.public_id,
            finding_id=finding.public_id,
            verdict=Verdict.OVERRIDDEN,
            reason="Payment confirmed by the bank by phone.",
        )
    services.application_accept(actor=officer, public_id=submitted.public_id, on=ON, draw=lambda: 0.99)
    submitted.refresh_from_db()
    assert submitted.status == Status.ACCEPTED
    assert "overridden" in StatusChange.objects.filter(application=submitted).last().reason


@pytest.mark.django_db
def test_a_confirmed_finding_blocks_acceptance(officer, submitted):
    add_missing(officer, submitted)
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError, match="incomplete"):
        services.application_accept(actor=officer, public_id=submitted.public_id, on=ON)
    assert snapshot(submitted) == before


@pytest.mark.django_db
def test_a_missing_item_needs_a_ground_and_a_detail(officer, submitted):
    services.screening_run(application=submitted)
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError) as refused:
        services.finding_add(actor=officer, public_id=submitted.public_id, ground="MADE_UP", detail="x")
    assert list(refused.value.errors) == ["ground"]
    with pytest.raises(services.CaseworkError) as refused:
        services.finding_add(
            actor=officer, public_id=submitted.public_id, ground="OFFICER_DOCUMENT_MISSING", detail=" "
        )
    assert list(refused.value.errors) == ["detail"]
    assert snapshot(submitted) == before


@pytest.mark.django_db
def test_acceptance_sends_the_aor_in_both_languages_and_records_who(
    officer, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        letter = accept(officer, submitted)
    submitted.refresh_from_db()
    assert submitted.status == Status.ACCEPTED
    assert (letter.kind, letter.issued_by, letter.language, letter.channel) == (
        LetterKind.ACKNOWLEDGEMENT,
        officer,
        "en",
        "online_account",
    )
    assert submitted.number in pdf_text(letter.pdf_en) and "Acknowledgement of receipt" in pdf_text(
        letter.pdf_en
    )
    assert "Accusé de réception" in pdf_text(letter.pdf_fr)
    with letter.pdf_en.open("rb") as stored:
        reader = PdfReader(io.BytesIO(stored.read()))
    assert "/StructTreeRoot" in reader.trailer["/Root"], "letters are tagged PDF"
    assert mailoutbox[-1].to == [submitted.owner.email]
    assert not hasattr(submitted, "quality_assurance")


@pytest.mark.django_db
def test_the_aor_e_mail_is_in_the_applicants_language(
    officer, applicant, mailoutbox, django_capture_on_commit_callbacks
):
    from tests.casework.factories import submitted_application

    applicant.preferred_language = "fr"
    applicant.save(update_fields=["preferred_language"])
    application = submitted_application(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        letter = accept(officer, application)
    assert letter.language == "fr"
    (notice,) = [message for message in mailoutbox if "lettre" in message.subject.lower()]
    assert notice.subject == f"Une nouvelle lettre au sujet de votre demande {application.number}"


@pytest.mark.django_db
def test_a_random_draw_under_the_configured_share_selects_for_quality_assurance(officer, submitted, settings):
    settings.CASEWORK_QA_SHARE = "0.10"
    accept(officer, submitted, draw=lambda: 0.05)
    selection = submitted.quality_assurance
    assert selection.share == Decimal("0.10")
    assert selection.letter.kind == LetterKind.QUALITY_ASSURANCE
    assert "quality assurance" in pdf_text(selection.letter.pdf_en)


@pytest.mark.django_db
def test_a_draw_over_the_share_selects_nothing(officer, submitted, settings):
    settings.CASEWORK_QA_SHARE = "0.10"
    accept(officer, submitted, draw=lambda: 0.10)
    submitted.refresh_from_db()
    assert not hasattr(submitted, "quality_assurance")


@pytest.mark.django_db
def test_screening_actions_on_an_accepted_file_are_refused(officer, submitted):
    accept(officer, submitted)
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError, match="not possible at this stage"):
        services.application_accept(actor=officer, public_id=submitted.public_id, on=ON)
    with pytest.raises(services.CaseworkError, match="not possible at this stage"):
        services.finding_add(
            actor=officer, public_id=submitted.public_id, ground="OFFICER_DOCUMENT_MISSING", detail="x"
        )
    assert snapshot(submitted) == before


@pytest.mark.django_db
def test_a_decision_maker_cannot_screen_and_an_applicant_cannot_act_as_officer(
    decision_maker, applicant, submitted
):
    services.screening_run(application=submitted)
    before = snapshot(submitted)
    for actor in (decision_maker, applicant):
        with pytest.raises(PermissionDenied):
            services.application_accept(actor=actor, public_id=submitted.public_id, on=ON)
        with pytest.raises(PermissionDenied):
            services.finding_add(
                actor=actor, public_id=submitted.public_id, ground="OFFICER_DOCUMENT_MISSING", detail="x"
            )
    assert snapshot(submitted) == before


@pytest.mark.django_db
def test_officers_never_reach_a_draft(officer, applicant):
    from portique.applications import services as application_services

    draft = application_services.application_start(actor=applicant, program="pr_card")
    with pytest.raises(Http404):
        services.application_accept(actor=officer, public_id=draft.public_id, on=ON)


# --- Requests ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_request_has_a_deadline_and_a_letter(officer, submitted):
    accept(officer, submitted)
    request = services.request_send(
        actor=officer,
        public_id=submitted.public_id,
        description="Your 2025 notice of assessment.",
        due_on=ON + timedelta(days=30),
        on=ON,
    )
    assert request.state == RequestState.OPEN and request.requested_by == officer
    assert "Your 2025 notice of assessment." in pdf_text(request.letter.pdf_en)
    assert CaseEvent.objects.filter(application=submitted, kind=EventKind.REQUEST_SENT).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("due_on", [ON - timedelta(days=1), ON, None])
def test_a_request_deadline_in_the_past_or_missing_is_refused(officer, submitted, due_on):
    accept(officer, submitted)
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError) as refused:
        services.request_send(
            actor=officer, public_id=submitted.public_id, description="Bank statements", due_on=due_on, on=ON
        )
    assert list(refused.value.errors) == ["due_on"]
    assert snapshot(submitted) == before


@pytest.mark.django_db
def test_a_request_on_a_file_not_yet_accepted_is_refused(officer, submitted):
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError, match="not possible at this stage"):
        services.request_send(
            actor=officer,
            public_id=submitted.public_id,
            description="x",
            due_on=ON + timedelta(days=5),
            on=ON,
        )
    assert snapshot(submitted) == before


@pytest.mark.django_db
def test_the_applicant_answers_by_uploading_into_the_request_which_then_closes(officer, applicant, submitted):
    accept(officer, submitted)
    request = services.request_send(
        actor=officer,
        public_id=submitted.public_id,
        description="Pay slips",
        due_on=ON + timedelta(days=30),
        on=ON,
    )
    services.request_answer(
        actor=applicant,
        public_id=submitted.public_id,
        request_id=request.public_id,
        files=[
            upload("slips.pdf", pdf_bytes(2), "application/pdf"),
            upload("scan.png", image_bytes(portrait(), "PNG")),
        ],
        text="Here they are.",
        on=ON,
    )
    request.refresh_from_db()
    assert request.state == RequestState.ANSWERED and request.answered_by == applicant
    assert sorted(
        RequestFile.objects.filter(request=request).values_list("original_name", "content_type")
    ) == [
        ("scan.png", "image/png"),
        ("slips.pdf", "application/pdf"),
    ]
    with pytest.raises(services.CaseworkError, match="already been answered"):
        services.request_answer(
            actor=applicant,
            public_id=submitted.public_id,
            request_id=request.public_id,
            files=[upload("more.pdf", pdf_bytes(1), "application/pdf")],
            text="",
            on=ON,
        )
    assert RequestFile.objects.filter(request=request).count() == 2


@pytest.mark.django_db
def test_an_answer_is_checked_by_content_and_a_bad_file_stores_nothing(officer, applicant, submitted):
    accept(officer, submitted)
    request = services.request_send(
        actor=officer,
        public_id=submitted.public_id,
        description="Pay slips",
        due_on=ON + timedelta(days=30),
        on=ON,
    )
    for files in (
        [upload("renamed.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf")],
        [upload("ok.pdf", pdf_bytes(1)), upload("script.pdf", pdf_bytes(1, javascript="app.alert(1)"))],
        [],
    ):
        with pytest.raises(services.CaseworkError) as refused:
            services.request_answer(
                actor=applicant,
                public_id=submitted.public_id,
                request_id=request.public_id,
                files=files,
                text="",
                on=ON,
            )
        assert list(refused.value.errors) == ["files"]
    request.refresh_from_db()
    assert request.state == RequestState.OPEN
    assert RequestFile.objects.count() == 0


@pytest.mark.django_db
def test_only_the_owner_answers_a_request(officer, other_applicant, submitted):
    accept(officer, submitted)
    request = services.request_send(
        actor=officer,
        public_id=submitted.public_id,
        description="Pay slips",
        due_on=ON + timedelta(days=30),
        on=ON,
    )
    for outsider in (other_applicant, officer):
        with pytest.raises(Http404):
            services.request_answer(
                actor=outsider,
                public_id=submitted.public_id,
                request_id=request.public_id,
                files=[upload("x.pdf", pdf_bytes(1))],
                text="",
                on=ON,
            )
    request.refresh_from_db()
    assert request.state == RequestState.OPEN


@pytest.mark.django_db
def test_reminders_go_once_a_week_before_and_once_when_overdue(
    officer, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    accept(officer, submitted)
    request = services.request_send(
        actor=officer,
        public_id=submitted.public_id,
        description="Pay slips",
        due_on=ON + timedelta(days=10),
        on=ON,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.requests_remind(on=ON) == (0, 0)
        assert services.requests_remind(on=ON + timedelta(days=4)) == (1, 0)
        assert services.requests_remind(on=ON + timedelta(days=5)) == (0, 0)
        assert services.requests_remind(on=ON + timedelta(days=11)) == (0, 1)
        assert services.requests_remind(on=ON + timedelta(days=12)) == (0, 0)
    assert [message.subject.split(":")[0] for message in mailoutbox] == ["Reminder", "Deadline passed"]
    request.refresh_from_db()
    assert request.reminded_at and request.overdue_notified_at


# --- Biometrics and medical exams --------------------------------------------------------------------


CHILD_WHEN_PR = biometrics.PrCardBiometricsHistory(
    pr_application_kind=biometrics.ApplicationKind.PERMANENT_RESIDENT_VISA,
    # Born 1988: 31 on this date, so not exempted as a child: no biometrics now.
    pr_application_received_on=date(2019, 3, 1),
)


@pytest.mark.django_db
def test_no_biometric_instruction_letter_when_the_rules_say_none_are_required(officer, submitted):
    accept(officer, submitted)
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError, match="no biometrics are required"):
        services.biometrics_instruct(
            actor=officer, public_id=submitted.public_id, history=CHILD_WHEN_PR, on=ON
        )
    assert snapshot(submitted) == before


def _young_applicant_answers():
    from tests.rules.forms.test_imm5444_validation import complete_answers

    answers = complete_answers()
    # 13 when the PR application was received in 2019 (exempted, under 14), 21 now, and
    # applying for a card for the first time since turning 14: IRPR 12.1(m) (as AS-11).
    answers["personal"]["date_of_birth"] = "2005-06-01"
    # Became a permanent resident after that application was received: the file's dates leave
    # 12.1(m) open, so the officer gives what the records show.
    answers["personal"]["date_became_pr"] = "2019-09-01"
    return answers


YOUNG_HISTORY = biometrics.PrCardBiometricsHistory(
    pr_application_kind=biometrics.ApplicationKind.PERMANENT_RESIDENT_VISA,
    pr_application_received_on=date(2019, 3, 1),
    rollout_phase=biometrics.RolloutPhase.FIRST,
)


@pytest.mark.django_db
def test_the_bil_needs_the_biometric_fee_paid_with_the_application(officer, applicant):
    from tests.casework.factories import submitted_application

    application = submitted_application(applicant, answers=_young_applicant_answers())
    accept(officer, application)
    before = snapshot(application)
    with pytest.raises(services.CaseworkError, match="biometric fee was not paid"):
        services.biometrics_instruct(
            actor=officer, public_id=application.public_id, history=YOUNG_HISTORY, on=ON
        )
    assert snapshot(application) == before


@pytest.mark.django_db
def test_bil_then_collection_starts_processing(officer, applicant):
    from tests.casework.factories import submitted_application

    application = submitted_application(applicant, answers=_young_applicant_answers())
    # Arranged: the portal's fee quote cannot yet know 12.1(m) applies, so the biometric
    # fee is recorded on the payment as if it had been charged with the application.
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
    assert instruction.letter.kind == LetterKind.BIOMETRICS
    assert "Bring this letter" in pdf_text(instruction.letter.pdf_en)
    with pytest.raises(services.CaseworkError, match="biometrics are received"):
        services.processing_start(actor=officer, public_id=application.public_id)
    with pytest.raises(services.CaseworkError) as refused:
        services.biometrics_record_collected(
            actor=officer, public_id=application.public_id, collected_on=ON + timedelta(days=1), on=ON
        )
    assert list(refused.value.errors) == ["collected_on"]
    services.biometrics_record_collected(
        actor=officer,
        public_id=application.public_id,
        collected_on=timezone.localdate(),
        on=timezone.localdate(),
    )
    application.refresh_from_db()
    assert application.status == Status.IN_PROCESSING
    assert (
        StatusChange.objects.filter(application=application).last().reason == "biometrics received (PRC-32)"
    )


@pytest.mark.django_db
def test_medical_instructions_give_30_days_and_the_result_is_recorded(officer, submitted):
    accept(officer, submitted)
    instruction = services.medical_instruct(actor=officer, public_id=submitted.public_id, position=0, on=ON)
    assert instruction.due_on == ON + timedelta(days=30)
    assert "IMM 1017" in pdf_text(instruction.letter.pdf_en)
    with pytest.raises(services.CaseworkError) as refused:
        services.medical_instruct(actor=officer, public_id=submitted.public_id, position=0, on=ON)
    assert list(refused.value.errors) == ["position"]
    with pytest.raises(services.CaseworkError) as refused:
        services.medical_record_result(
            actor=officer,
            public_id=submitted.public_id,
            instruction_id=instruction.public_id,
            result_on=ON - timedelta(days=1),
            on=ON,
        )
    assert list(refused.value.errors) == ["result_on"]
    services.medical_record_result(
        actor=officer,
        public_id=submitted.public_id,
        instruction_id=instruction.public_id,
        result_on=ON,
        on=ON,
    )
    instruction.refresh_from_db()
    assert instruction.result_on == ON and instruction.result_recorded_by == officer


# --- Interviews ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_interview_is_scheduled_in_the_future_with_place_and_documents(officer, submitted):
    accept(officer, submitted)
    now = timezone.now()
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError) as refused:
        services.interview_schedule(
            actor=officer,
            public_id=submitted.public_id,
            starts_at=now - timedelta(hours=1),
            mode="phone",
            place="",
            documents_to_bring="",
        )
    assert set(refused.value.errors) == {"starts_at", "mode", "place", "documents_to_bring"}
    with pytest.raises(services.CaseworkError) as refused:
        services.interview_schedule(
            actor=officer,
            public_id=submitted.public_id,
            starts_at=now + timedelta(days=10),
            mode=InterviewMode.VIDEO,
            place="Link in your account",
            documents_to_bring="Passport",
            purpose=InterviewPurpose.QUALITY_ASSURANCE,
        )
    assert list(refused.value.errors) == ["purpose"]
    assert snapshot(submitted) == before
    interview = services.interview_schedule(
        actor=officer,
        public_id=submitted.public_id,
        starts_at=now + timedelta(days=10),
        mode=InterviewMode.IN_PERSON,
        place="200 Promenade du Portage, Gatineau",
        documents_to_bring="Your passport and your current PR card",
    )
    assert "200 Promenade du Portage" in pdf_text(interview.letter.pdf_en)
    services.interview_record_outcome(
        actor=officer,
        public_id=submitted.public_id,
        interview_id=interview.public_id,
        outcome=InterviewOutcome.ATTENDED,
        notes="Credible.",
        now=now + timedelta(days=10, hours=1),
    )
    interview.refresh_from_db()
    assert interview.outcome == InterviewOutcome.ATTENDED and interview.outcome_by == officer


# --- Decisions ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_decision_maker_approves_and_the_letter_names_them(officer, decision_maker, submitted):
    accept(officer, submitted)
    services.processing_start(actor=officer, public_id=submitted.public_id)
    decision = decide_approve(decision_maker, submitted)
    submitted.refresh_from_db()
    assert submitted.status == Status.APPROVED
    assert decision.decided_by == decision_maker
    text = pdf_text(decision.letter.pdf_en)
    assert "approved" in text and "Dana Decider" in text and "mailed" in text
    assert StatusChange.objects.filter(application=submitted).last().actor == decision_maker


@pytest.mark.django_db
def test_a_screening_officer_cannot_decide(officer, submitted):
    accept(officer, submitted)
    before = snapshot(submitted)
    with pytest.raises(PermissionDenied):
        decide_approve(officer, submitted)
    assert snapshot(submitted) == before


@pytest.mark.django_db
def test_a_refusal_without_reasons_is_refused_and_nothing_changes(officer, decision_maker, submitted):
    accept(officer, submitted)
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError) as refused:
        services.application_decide(
            actor=decision_maker,
            public_id=submitted.public_id,
            outcome=DecisionOutcome.REFUSED,
            reasons="  ",
            on=ON,
        )
    assert list(refused.value.errors) == ["reasons"]
    assert snapshot(submitted) == before


@pytest.mark.django_db
def test_a_refusal_explains_its_reasons_and_refunds_nothing(officer, decision_maker, submitted):
    accept(officer, submitted)
    decision = services.application_decide(
        actor=decision_maker,
        public_id=submitted.public_id,
        outcome=DecisionOutcome.REFUSED,
        reasons="The residency obligation is not met: 400 days in Canada in the last five years.",
        on=ON,
    )
    submitted.refresh_from_db()
    assert submitted.status == Status.REFUSED
    assert Decimal(decision.refund["refundable"]) == 0
    assert decision.refund["reasons"][0]["code"] == "REFUND_NONE_REFUSED"
    text = pdf_text(decision.letter.pdf_en)
    assert "400 days in Canada" in text and "not refunded" in text
    assert "Amount refunded" not in text
    assert not submitted.refunds.exists()


@pytest.mark.django_db
def test_a_citizen_is_refunded_the_processing_fee(officer, decision_maker, submitted):
    accept(officer, submitted)
    decision = services.application_decide(
        actor=decision_maker,
        public_id=submitted.public_id,
        outcome=DecisionOutcome.REFUSED,
        reasons="The applicant became a Canadian citizen in 2025.",
        applicant_is_citizen=True,
        on=ON,
    )
    assert Decimal(decision.refund["refundable"]) == Decimal("50.00")
    assert decision.refund["payee"] == "Alex Tremblay"
    from portique.payments.models import Refund

    (refund,) = Refund.objects.filter(application=submitted)
    assert (refund.amount, refund.cause, refund.recipient_name) == (Decimal("50.00"), "applicant_is_citizen", "Alex Tremblay")


@pytest.mark.django_db
def test_an_approval_waits_for_open_requests(officer, decision_maker, submitted):
    accept(officer, submitted)
    services.request_send(
        actor=officer,
        public_id=submitted.public_id,
        description="Pay slips",
        due_on=ON + timedelta(days=30),
        on=ON,
    )
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError, match="request is waiting"):
        decide_approve(decision_maker, submitted)
    assert snapshot(submitted) == before


@pytest.mark.django_db
def test_an_approval_says_how_the_card_is_delivered(officer, decision_maker, submitted):
    accept(officer, submitted)
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError) as refused:
        services.application_decide(
            actor=decision_maker, public_id=submitted.public_id, outcome=DecisionOutcome.APPROVED, on=ON
        )
    assert list(refused.value.errors) == ["card_delivery"]
    with pytest.raises(services.CaseworkError) as refused:
        services.application_decide(
            actor=decision_maker,
            public_id=submitted.public_id,
            outcome=DecisionOutcome.APPROVED,
            card_delivery=CardDelivery.PICK_UP,
            on=ON,
        )
    assert list(refused.value.errors) == ["pick_up_details"]
    assert snapshot(submitted) == before
    decision = services.application_decide(
        actor=decision_maker,
        public_id=submitted.public_id,
        outcome=DecisionOutcome.APPROVED,
        card_delivery=CardDelivery.PICK_UP,
        pick_up_details="Service Canada, 25 Eddy St, Gatineau, any weekday after January 5",
        on=ON,
    )
    text = pdf_text(decision.letter.pdf_en)
    assert "25 Eddy St" in text and "old card" in text


@pytest.mark.django_db
def test_a_withdrawal_before_processing_refunds_the_fee(officer, decision_maker, submitted):
    accept(officer, submitted)
    decision = services.application_decide(
        actor=decision_maker,
        public_id=submitted.public_id,
        outcome=DecisionOutcome.WITHDRAWN,
        reasons="The applicant asked to withdraw on November 23.",
        on=ON,
    )
    submitted.refresh_from_db()
    assert submitted.status == Status.WITHDRAWN
    assert decision.refund["event"] == "withdrawn_before_processing"
    assert "withdrawn" in pdf_text(decision.letter.pdf_en)


@pytest.mark.django_db
def test_deciding_twice_is_refused(officer, decision_maker, submitted):
    accept(officer, submitted)
    decide_approve(decision_maker, submitted)
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError, match="not possible at this stage"):
        services.application_decide(
            actor=decision_maker,
            public_id=submitted.public_id,
            outcome=DecisionOutcome.REFUSED,
            reasons="x",
            on=ON,
        )
    assert snapshot(submitted) == before


@pytest.mark.django_db
def test_a_failed_service_leaves_no_letter_file_behind(officer, submitted, monkeypatch):
    import os

    from django.core.files.storage import default_storage

    def files():
        found = set()
        for root, _dirs, names in os.walk(default_storage.location):
            found |= {os.path.join(root, name) for name in names}
        return found

    services.screening_run(application=submitted)
    present = files()

    def broken(**kwargs):
        raise RuntimeError("the lifecycle broke after the letter was stored")

    from portique.casework.services import screening

    monkeypatch.setattr(screening, "application_transition", broken)
    with pytest.raises(RuntimeError):
        services.application_accept(actor=officer, public_id=submitted.public_id, on=ON, draw=lambda: 0.99)
    assert files() == present
    assert Letter.objects.count() == 0


# --- Notes and the logs ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_notes_and_logs_are_append_only(officer, submitted):
    from portique.casework.choices import AccessKind
    from portique.casework.models import FileAccess, InternalNote

    note = services.note_add(
        actor=officer,
        public_id=submitted.public_id,
        text="Check the passport stamp.",
        on_file=False,
        internal_reason="A check with a partner agency.",
    )
    entry = services.file_access_record(
        actor=officer, application=submitted, kind=AccessKind.FILE_OPENED, what="file"
    )
    for row, model in ((note, InternalNote), (entry, FileAccess)):
        with pytest.raises(TypeError):
            row.save()
        with pytest.raises(TypeError):
            row.delete()
        with pytest.raises(TypeError):
            model.objects.all().update(at=None) if model is FileAccess else model.objects.all().update(
                text=""
            )
        with pytest.raises(TypeError):
            model.objects.all().delete()
    with pytest.raises(services.CaseworkError):
        services.note_add(actor=officer, public_id=submitted.public_id, text="", on_file=True)
