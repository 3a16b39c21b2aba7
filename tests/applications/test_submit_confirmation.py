"""Submit in two steps: a page that says what submitting means, then the button that submits."""

import re

import pytest

from portique.applications import services
from portique.applications.choices import Program, Status
from portique.applications.models import Submission
from tests import journey


@pytest.fixture(autouse=True)
def _english_after_each_test():
    yield
    from django.utils import translation

    translation.activate("en")


def _text(response) -> str:
    body = response.content.decode()
    main = body[body.index("<main") : body.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, warning, paid, button",
    [
        ("en", "Once submitted, this cannot be undone.", "$50.00", "Submit the application"),
        (
            "fr",
            "Une fois la demande soumise, il est impossible de revenir en arrière.",
            "50,00\u00a0$",
            "Soumettre la demande",
        ),
    ],
)
def test_submit_opens_a_confirmation_page_and_nothing_is_submitted_yet(
    client, applicant, language, warning, paid, button
):
    application = journey.ready_to_submit(applicant)
    client.force_login(applicant)
    overview = client.get(f"/{language}/applications/{application.public_id}/").content.decode()
    submit = f"/{language}/applications/{application.public_id}/submit/"
    # The application page's Submit is a link to the confirmation, not the POST itself.
    assert f'href="{submit}"' in overview and f'action="{submit}"' not in overview
    response = client.get(submit)
    assert response.status_code == 200
    text = _text(response)
    assert warning in text
    assert paid in response.content.decode()
    assert application.number in text
    assert button in text
    assert f'action="{submit}"' in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.SIGNED
    assert not Submission.objects.filter(application=application).exists()


@pytest.mark.django_db
def test_the_confirmation_submits_once_even_when_posted_twice(client, applicant):
    application = journey.ready_to_submit(applicant)
    client.force_login(applicant)
    submit = f"/en/applications/{application.public_id}/submit/"
    first = client.post(submit)
    again = client.post(submit)
    for response in (first, again):
        assert response.status_code == 302 and response["Location"].endswith("/confirmation/")
    assert Submission.objects.filter(application=application).count() == 1
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    # Opening the confirmation step again shows the submission, not a second Submit.
    response = client.get(submit)
    assert response.status_code == 302 and response["Location"].endswith("/confirmation/")


@pytest.mark.django_db
def test_an_application_not_ready_says_why_and_offers_no_submit_button(client, applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    response = client.get(f"/en/applications/{application.public_id}/submit/")
    text = _text(response)
    assert "This application cannot be submitted yet" in text
    assert "Submit the application" not in text
    assert "p0/" not in text


@pytest.mark.django_db
def test_someone_else_cannot_open_or_post_the_confirmation(client, applicant, other_applicant):
    application = journey.ready_to_submit(applicant)
    client.force_login(other_applicant)
    submit = f"/en/applications/{application.public_id}/submit/"
    assert client.get(submit).status_code == 404
    assert client.post(submit).status_code == 404
    assert not Submission.objects.filter(application=application).exists()
