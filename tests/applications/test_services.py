from datetime import date

import pytest
from django.http import Http404

from portique.applications import services
from portique.applications.choices import Program, Status
from portique.applications.models import StatusChange
from tests import journey
from tests.rules.forms.test_imm5444_validation import complete_answers

TODAY = date(2026, 11, 22)


def _save_all(application, actor, answers):
    for section_code, section_answers in answers.items():
        application.refresh_from_db()
        services.application_save_section(
            actor=actor,
            public_id=application.public_id,
            position=0,
            form_code="IMM5444",
            section_code=section_code,
            answers=section_answers,
            expected_version=application.version,
            on=TODAY,
        )
    application.refresh_from_db()


@pytest.mark.django_db
def test_starting_an_application_gives_it_a_number_a_draft_status_and_a_history(applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    assert application.number.startswith("PRC") and len(application.number) == 14
    assert application.status == Status.DRAFT
    (created,) = StatusChange.objects.filter(application=application)
    assert (created.from_status, created.to_status, created.actor) == ("", Status.DRAFT, applicant)


@pytest.mark.django_db
def test_an_impossible_answer_is_refused_and_nothing_changes(applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    with pytest.raises(services.ApplicationError) as refused:
        services.application_save_section(
            actor=applicant,
            public_id=application.public_id,
            position=0,
            form_code="IMM5444",
            section_code="personal",
            answers={"family_name": "Tremblay", "date_of_birth": "2031-01-01"},
            expected_version=application.version,
            on=TODAY,
        )
    assert [r.code for r in refused.value.reasons] == ["FORM_DATE_IN_FUTURE"]
    application.refresh_from_db()
    assert application.version == 1
    assert application.people.get().answers == {"IMM5444": {}}


@pytest.mark.django_db
def test_blank_answers_are_kept_for_later_and_listed_by_validation(applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    outcome = services.application_save_section(
        actor=applicant,
        public_id=application.public_id,
        position=0,
        form_code="IMM5444",
        section_code="personal",
        answers={"family_name": "Tremblay"},
        expected_version=1,
        on=TODAY,
    )
    assert "personal.date_of_birth" in {r.subject for r in outcome.still_missing}
    evaluation = services.application_validate(actor=applicant, public_id=application.public_id, on=TODAY)
    assert not evaluation.complete
    assert "p0/IMM5444/personal.date_of_birth" in {r.subject for r in evaluation.form_findings}
    application.refresh_from_db()
    assert application.status == Status.DRAFT


@pytest.mark.django_db
def test_a_stale_page_cannot_overwrite_newer_answers(applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    kwargs = dict(actor=applicant, public_id=application.public_id, position=0, form_code="IMM5444", on=TODAY)
    services.application_save_section(**kwargs, section_code="personal", answers={"family_name": "A"}, expected_version=1)
    with pytest.raises(services.StaleVersion):
        services.application_save_section(**kwargs, section_code="personal", answers={"family_name": "B"}, expected_version=1)
    assert application.people.get().answers["IMM5444"]["personal"] == {"family_name": "A"}


@pytest.mark.django_db
def test_a_complete_application_becomes_ready_to_sign_and_an_edit_sends_it_back_to_draft(applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    _save_all(application, applicant, complete_answers())
    evaluation = services.application_validate(actor=applicant, public_id=application.public_id, on=TODAY)
    assert evaluation.form_findings == ()
    # The answers are complete; the documents the checklist asks for are not there yet.
    assert {r.code for r in evaluation.blocking} == {"REQUIRED_DOCUMENT_MISSING"}
    application.refresh_from_db()
    assert application.status == Status.DRAFT

    journey.upload_checklist(applicant, application, on=TODAY)
    evaluation = services.application_validate(actor=applicant, public_id=application.public_id, on=TODAY)
    assert evaluation.complete
    application.refresh_from_db()
    assert application.status == Status.READY_TO_SIGN

    _save_all(application, applicant, {"humanitarian": {"requested": "no"}})
    assert application.status == Status.DRAFT
    assert list(
        StatusChange.objects.filter(application=application).exclude(reason="documents changed").values_list("to_status", "reason")
    ) == [
        (Status.DRAFT, "started"),
        (Status.READY_TO_SIGN, "validated"),
        (Status.DRAFT, "edited"),
    ]


@pytest.mark.django_db
def test_another_applicant_cannot_read_or_change_the_application(applicant, other_applicant, representative):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    for outsider in (other_applicant, representative):
        with pytest.raises(Http404):
            services.application_save_section(
                actor=outsider,
                public_id=application.public_id,
                position=0,
                form_code="IMM5444",
                section_code="personal",
                answers={"family_name": "Intruder"},
                expected_version=1,
                on=TODAY,
            )
        with pytest.raises(Http404):
            services.application_validate(actor=outsider, public_id=application.public_id, on=TODAY)
    assert application.people.get().answers == {"IMM5444": {}}
