"""A link to a question of a long section opens the page that asks it, not the section's first page
(issue 14: every finding links to its question)."""

import html

import pytest

from portique.applications import services
from portique.applications.choices import Program
from portique.applications.question_links import QuestionLinks
from tests import sponsorship_journey as sj

# "Are you bankrupt…" is asked on the third page of the sponsor's history ("bankruptcy").
BANKRUPTCY = "history/?page=bankruptcy#id_undischarged_bankrupt"


@pytest.fixture(autouse=True)
def _english_after_each_test():
    yield
    from django.utils import translation

    translation.activate("en")


def _sponsorship_with_one_unanswered_question(applicant):
    application = sj.started(applicant)
    history = {code: False for code in sj.BARS if code != "undischarged_bankrupt"}
    sj.save_form(applicant, application, 0, "IMM1344", {"history": history})
    return application


def _hrefs(response) -> list[str]:
    body = response.content.decode()
    return [html.unescape(part.split('"', 1)[0]) for part in body.split('href="')[1:]]


@pytest.mark.django_db
def test_a_finding_names_the_page_and_the_question_it_is_about(applicant):
    application = _sponsorship_with_one_unanswered_question(applicant)
    links = QuestionLinks(application)
    base = f"/en/applications/{application.public_id}/people/0/IMM1344/"
    assert links.url("p0/IMM1344/history.undischarged_bankrupt") == base + BANKRUPTCY
    # A question on the first page of the section is on its first page, and a whole section has no anchor.
    assert links.url("p0/IMM1344/history.previous_partner_pr_dates") == (
        base + "history/?page=previous_sponsorships#id_previous_partner_pr_dates"
    )
    assert links.url("p0/IMM1344/history.convictions") == base + "convictions/"
    # A question of another person's form on one page: the question only.
    assert links.url("p1/IMM0008/personal.family_name").endswith("/people/1/IMM0008/personal/#id_family_name")
    # Not a question: no link.
    assert links.url("p0") == links.url("p1:DOCUMENT_CHECKLIST") == links.url(None) == ""


@pytest.mark.django_db
def test_a_question_of_a_table_row_links_to_its_row(applicant):
    card = services.application_start(actor=applicant, program=Program.PR_CARD)
    assert QuestionLinks(card).url("p0/IMM5444/addresses.2.city").endswith("/form/addresses/#id_addresses-1-city")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_validation_the_check_page_and_the_application_page_open_the_page_of_the_question(
    client, applicant, language
):
    application = _sponsorship_with_one_unanswered_question(applicant)
    client.force_login(applicant)
    prefix = f"/{language}/applications/{application.public_id}/"

    validation = client.post(f"{prefix}validate/")
    assert validation.status_code == 200
    assert f"{prefix}people/0/IMM1344/{BANKRUPTCY}" in _hrefs(validation)

    check = client.get(f"{prefix}check/")
    # Each answer of a long section has its own "Change", to the page that asks it.
    assert f"{prefix}people/0/IMM1344/history/?page=bankruptcy&from=check#id_undischarged_bankrupt" in _hrefs(check)

    overview = client.get(prefix)
    # The section is opened where a question is still unanswered.
    assert f"{prefix}people/0/IMM1344/history/?page=bankruptcy" in _hrefs(overview)

    page = client.get(f"{prefix}people/0/IMM1344/{BANKRUPTCY.split('#')[0]}")
    assert page.status_code == 200
    assert 'id="id_undischarged_bankrupt"' in page.content.decode()

