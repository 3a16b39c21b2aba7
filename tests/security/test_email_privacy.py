"""Finding 8: e-mail carries no personal information beyond the person's name.

E-mail is not a secure channel (IRCC's own privacy breaches came from e-mails): every
e-mail the main journeys send (submission, acknowledgement, request, decision, a
representative's invitation and refusal) is a notice with a link to the signed-in page,
with no attachment and none of the applicant's passport number, date of birth or address.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail

from portique.accounts import services as account_services
from portique.casework import services as casework_services
from portique.casework.choices import CardDelivery, DecisionOutcome
from portique.representation import services as representation_services
from tests import journey
from tests import sponsorship_journey as sj
from tests.documents.files import pdf_bytes, upload
from tests.rules.forms.test_imm5444_validation import complete_answers

ON = journey.TODAY + timedelta(days=1)


def _personal_values() -> list[str]:
    answers = complete_answers()
    found = []

    def walk(value):
        if isinstance(value, dict):
            for key, inner in value.items():
                if any(word in key for word in ("passport_number", "date_of_birth", "street", "postal_code", "address")):
                    found.extend([inner] if isinstance(inner, str) else [])
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(answers)
    return [value for value in found if value]


def _sponsorship_values() -> list[str]:
    return [sj.SPONSOR["sponsor"]["date_of_birth"], sj.SPONSOR["sponsor"]["address"], "999, rue de la Famille", "1990-09-02"]


def _dates_spelled(iso: str) -> list[str]:
    """A date of birth as a person would see it in either language (2 April 1988, 2 avril 1988…)."""
    import datetime

    from django.utils import formats, translation

    day = datetime.date.fromisoformat(iso)
    spelled = [iso]
    for language in ("en", "fr"):
        with translation.override(language):
            spelled.append(formats.date_format(day, "DATE_FORMAT"))
    return spelled


def _assert_private(messages, secrets: list[str]) -> None:
    assert messages, "the journey sent no e-mail: nothing was checked"
    for message in messages:
        assert not message.attachments, (message.subject, [name for name, *_ in message.attachments])
        text = message.subject + "\n" + message.body
        for alternative, _kind in getattr(message, "alternatives", []):
            text += alternative
        for secret in secrets:
            assert secret.lower() not in text.lower(), (message.subject, secret)


@pytest.mark.django_db
def test_every_email_of_an_applicants_journey_is_a_notice_without_personal_information(
    applicant, officer, django_capture_on_commit_callbacks
):
    from tests.conftest import _officer

    decider = _officer("decider@example.ca", ["decision_maker"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        application, _submission = journey.submitted(applicant)
    casework_services.screening_run(application=application)
    with django_capture_on_commit_callbacks(execute=True):
        casework_services.application_accept(
            actor=officer, public_id=application.public_id, on=ON, draw=lambda: 0.99
        )
    with django_capture_on_commit_callbacks(execute=True):
        request = casework_services.request_send(
            actor=officer,
            public_id=application.public_id,
            description="Send your 2025 notice of assessment for 12 Sparks St.",
            due_on=ON + timedelta(days=30),
            on=ON,
        )
    with django_capture_on_commit_callbacks(execute=True):
        casework_services.requests_remind(on=ON + timedelta(days=29))
        casework_services.request_answer(
            actor=applicant,
            public_id=application.public_id,
            request_id=request.public_id,
            files=[upload("notice.pdf", pdf_bytes(1), "application/pdf")],
            text="",
            on=ON + timedelta(days=1),
        )
    with django_capture_on_commit_callbacks(execute=True):
        casework_services.application_decide(
            actor=decider,
            public_id=application.public_id,
            outcome=DecisionOutcome.APPROVED,
            card_delivery=CardDelivery.MAIL,
            on=ON,
        )
    secrets = _personal_values()
    assert "19FR12345" in secrets and "1988-04-02" in secrets
    secrets += _dates_spelled("1988-04-02")
    kinds = {message.subject for message in mail.outbox}
    assert len(kinds) >= 3, kinds  # submission, letters, the request
    _assert_private(mail.outbox, secrets)
    submission_email = mail.outbox[0]
    assert applicant.get_full_name() in submission_email.body  # the name, and only the name
    assert f"/en/applications/{application.public_id}/" in submission_email.body


@pytest.mark.django_db
def test_every_email_of_a_sponsorship_journey_is_a_notice_without_personal_information(
    applicant, django_capture_on_commit_callbacks
):
    from portique.applications import services as application_services

    mail.outbox.clear()
    application = sj.ready_to_submit(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        application_services.application_submit(actor=applicant, public_id=application.public_id, on=sj.TODAY)
    _assert_private(mail.outbox, [*_sponsorship_values(), *_dates_spelled(sj.SPONSOR["sponsor"]["date_of_birth"])])


@pytest.mark.django_db
def test_a_representatives_refusal_is_read_on_the_account_page_not_in_the_email(
    representative, other_representative, supervisor, django_capture_on_commit_callbacks
):
    reason = "Membership number R700001 does not match the register for 100 rue Principale."
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        account_services.representative_refuse(
            actor=supervisor, profile=other_representative.representative_profile, reason=reason
        )
    (message,) = mail.outbox
    assert "R700001" not in message.body and "rue Principale" not in message.body
    assert "/en/account/" in message.body


@pytest.mark.django_db
def test_a_link_requests_invitation_names_no_application_detail(
    representative, applicant, django_capture_on_commit_callbacks
):
    own = journey.ready_to_submit(applicant)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        representation_services.representation_link_request(
            actor=representative, number=own.number, client_name="Alex Tremblay", client_email=applicant.email
        )
    _assert_private(mail.outbox, [*_personal_values(), *_dates_spelled("1988-04-02")])
