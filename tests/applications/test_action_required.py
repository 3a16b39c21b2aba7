"""An officer's request waiting for an answer is flagged, with its deadline, where the applicant looks first."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portique.casework import services as casework_services
from tests.casework.factories import submitted_application
from tests.casework.test_services import accept
from tests.conftest import _officer
from tests.documents.files import pdf_bytes, upload


@pytest.fixture
def officer(db):
    return _officer("officer@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")


def _request(officer, application, *, days: int):
    today = timezone.localdate()
    return casework_services.request_send(
        actor=officer,
        public_id=application.public_id,
        description="Your 2025 notice of assessment.",
        due_on=today + timedelta(days=days),
        on=today,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "banner", "flag"),
    [
        ("en", "Action required", "Action required: reply by"),
        ("fr", "Action requise", "Action requise\u00a0: répondez d’ici le"),
    ],
)
def test_an_open_request_is_an_action_required_banner_and_a_flag_in_my_applications(
    client, applicant, officer, language, banner, flag
):
    application = submitted_application(applicant)
    accept(officer, application)
    request = _request(officer, application, days=30)
    client.force_login(applicant)
    page = client.get(f"/{language}/applications/{application.public_id}/").content.decode()
    assert f'<h2 id="action-required-heading">{banner}</h2>' in page
    # The banner comes before the rest of the page (the history), and links to the request.
    assert page.index("action-required-heading") < page.index('id="history"')
    assert f"/{language}/applications/{application.public_id}/requests/{request.public_id}/" in page
    assert f'<time datetime="{request.due_on.isoformat()}"' in page or str(request.due_on.year) in page
    listing = client.get(f"/{language}/applications/").content.decode()
    assert flag in listing


@pytest.mark.django_db
def test_an_answered_request_is_no_longer_flagged_and_another_applicant_sees_nothing(
    client, applicant, other_applicant, officer
):
    application = submitted_application(applicant)
    theirs = submitted_application(other_applicant, answers=None)
    accept(officer, application)
    accept(officer, theirs)
    _request(officer, theirs, days=10)
    mine = _request(officer, application, days=10)
    casework_services.request_answer(
        actor=applicant,
        public_id=application.public_id,
        request_id=mine.public_id,
        files=[upload("assessment.pdf", pdf_bytes(1), "application/pdf")],
        text="Here is my notice of assessment.",
        on=timezone.localdate(),
    )
    client.force_login(applicant)
    assert "Action required" not in client.get(f"/en/applications/{application.public_id}/").content.decode()
    assert "Action required" not in client.get("/en/applications/").content.decode()
