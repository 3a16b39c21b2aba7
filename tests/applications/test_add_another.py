"""Repeating rows without JavaScript: "Add another" and "Remove" save what is typed and come back
to the same page; "I live here now" marks the current address; a long section is asked over
short pages that keep each other's answers."""

import re

import pytest
from django.urls import reverse

from portique.applications import services
from portique.applications.choices import Program


@pytest.fixture(autouse=True)
def _english_after_each_test():
    yield
    from django.utils import translation

    translation.activate("en")


def _addresses(rows: list[dict], **extra) -> dict:
    data = {
        "addresses-TOTAL_FORMS": str(len(rows)),
        "addresses-INITIAL_FORMS": "0",
        "addresses-MIN_NUM_FORMS": "0",
        "addresses-MAX_NUM_FORMS": "1000",
        **extra,
    }
    for number, row in enumerate(rows):
        data.update({f"addresses-{number}-{key}": value for key, value in row.items()})
    return data


HOME = {"start": "2024-03-01", "current": "on", "address": "12 Sparks St", "city": "Ottawa", "country": "CA"}
BEFORE = {"start": "2021-11-01", "end": "2024-02-29", "address": "4 Elgin St", "city": "Ottawa", "country": "CA"}


def _saved(application):
    return application.people.get().answers["IMM5444"]["addresses"]


@pytest.fixture
def card(client, applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    return application


@pytest.mark.django_db
def test_add_another_saves_the_rows_typed_and_shows_one_more_blank_row(client, card):
    url = reverse("applications:section", args=[card.public_id, "addresses"])
    first = client.get(url).content.decode()
    assert "Address 1" in first and "Add another address" in first and "Address 2" not in first

    response = client.post(url, _addresses([HOME], version="1", add_row="1"))
    assert response.status_code == 302
    assert response.url == f"{url}?add=1"
    assert _saved(card) == [{**HOME, "current": True, "end": ""}]

    page = client.get(f"{url}?add=1").content.decode()
    assert "Address 2" in page and 'value="12 Sparks St"' in page
    assert 'id="addresses-row-2"' in page and "Remove address 1" in page
    # The new row's first question takes the focus.
    assert re.search(r'<input type="date" name="addresses-1-start"[^>]*autofocus', page) or re.search(
        r'autofocus[^>]*name="addresses-1-start"', page
    )

    # A second row half typed is kept too: nothing typed is lost.
    response = client.post(url, _addresses([HOME, {"address": "4 Elgin St"}], version="2", add_row="1"))
    assert response.url == f"{url}?add=1"
    assert [row["address"] for row in _saved(card)] == ["12 Sparks St", "4 Elgin St"]


@pytest.mark.django_db
def test_remove_takes_out_the_row_it_names_and_keeps_the_others(client, card):
    url = reverse("applications:section", args=[card.public_id, "addresses"])
    response = client.post(url, _addresses([HOME, BEFORE, {"address": "9 Bank St"}], version="1", remove_row="2"))
    assert response.status_code == 302 and response.url == url
    assert [row["address"] for row in _saved(card)] == ["12 Sparks St", "9 Bank St"]
    page = client.get(url).content.decode()
    assert "Address 2 is removed." in page
    assert "Remove address 2" in page and "Address 3" not in page


@pytest.mark.django_db
def test_a_problem_in_a_row_names_the_row_and_links_to_its_question_and_keeps_what_was_typed(client, card):
    url = reverse("applications:section", args=[card.public_id, "addresses"]).replace("/en/", "/fr/")
    wrong = {**BEFORE, "end": "2099-01-01"}
    response = client.post(url, _addresses([HOME, wrong], version="1", add_row="1"))
    assert response.status_code == 200
    body = response.content.decode()
    summary = body[body.index('id="error-summary"'):]
    summary = summary[: summary.index("</div>")]
    assert '<a href="#id_addresses-1-end">Adresse 2\u00a0: ' in summary, summary
    assert 'value="4 Elgin St"' in body and 'value="12 Sparks St"' in body
    assert "Error:" in body or "Erreur" in body
    assert "addresses" not in card.people.get().answers.get("IMM5444", {})


@pytest.mark.django_db
def test_the_current_address_needs_no_to_date_but_an_older_one_does(client, card):
    url = reverse("applications:section", args=[card.public_id, "addresses"])
    # "To" typed before ticking "I live here now" is not kept: the current address has no end.
    client.post(url, _addresses([{**HOME, "end": "2025-01-01"}, {**BEFORE, "end": ""}], version="1", save="1"))
    assert _saved(card)[0]["current"] is True and _saved(card)[0]["end"] == ""
    evaluation = services.application_evaluate(application=card, on=card.created_at.date())
    missing = [r.subject for r in evaluation.form_findings if "addresses" in (r.subject or "")]
    assert missing == ["p0/IMM5444/addresses.2.end"]
    page = client.get(url).content.decode()
    assert re.search(r'<input type="checkbox" name="addresses-0-current"[^>]*checked', page)
    assert 'data-when-field="current"' in page  # the script hides "To" while the box is ticked


@pytest.mark.django_db
def test_without_rows_the_page_shows_one_blank_row_and_no_remove_button(client, card):
    url = reverse("applications:section", args=[card.public_id, "activities"])
    page = client.get(url).content.decode()
    assert "Activity 1" in page and "Add another activity" in page and "Remove activity 1" not in page
    french = client.get(url.replace("/en/", "/fr/")).content.decode()
    assert "Activité 1" in french and "Ajouter une autre activité" in french


@pytest.mark.django_db
def test_pressing_enter_saves_and_continues_rather_than_removing_a_row(client, card):
    url = reverse("applications:section", args=[card.public_id, "addresses"])
    page = client.get(url).content.decode()
    form = page[page.index('<form method="post" novalidate class="form">'):]
    first_button = re.search(r"<button[^>]*>", form).group(0)
    assert 'name="continue"' in first_button



def _sponsorship(applicant):
    return services.application_start(actor=applicant, program=Program.SPOUSE_SPONSORSHIP)


@pytest.mark.django_db
def test_the_sponsor_history_is_asked_a_topic_a_page_and_each_page_keeps_the_others_answers(client, applicant):
    application = _sponsorship(applicant)
    client.force_login(applicant)
    url = reverse("applications:person_section", args=[application.public_id, 0, "IMM1344", "history"])
    first = client.get(url).content.decode()
    assert "Sponsorships before this one" in first and "page 1 of 5" in first
    assert "Why we ask" in first and "Are you bankrupt" not in first

    response = client.post(url, {"version": "1", "pending_sponsorship_of_same_person": "false", "continue": "1"})
    assert response.status_code == 302 and response.url == f"{url}?page=undertakings_and_support"
    second = client.get(response.url).content.decode()
    assert f'href="{url}?page=previous_sponsorships"' in second  # Back
    response = client.post(
        response.url, {"version": "2", "immigration_loan_in_default": "true", "continue": "1"}
    )
    assert response.url == f"{url}?page=bankruptcy"
    history = application.people.get(position=0).answers["IMM1344"]["history"]
    assert history["pending_sponsorship_of_same_person"] is False
    assert history["immigration_loan_in_default"] is True

    # Back on the first page, its answer is shown; "Save and return" goes back to the application.
    again = client.get(url).content.decode()
    assert re.search(r'value="false"[^>]*name="pending_sponsorship_of_same_person"|name="pending_sponsorship_of_same_person" value="false"[^>]*checked', again)
    response = client.post(f"{url}?page=bankruptcy", {"version": "3", "undischarged_bankrupt": "false", "save": "1"})
    assert response.url == reverse("applications:overview", args=[application.public_id])
    assert application.people.get(position=0).answers["IMM1344"]["history"]["immigration_loan_in_default"] is True


@pytest.mark.django_db
def test_the_last_page_of_a_section_continues_to_the_next_section_and_an_unknown_page_is_not_found(
    client, applicant
):
    application = _sponsorship(applicant)
    client.force_login(applicant)
    url = reverse("applications:person_section", args=[application.public_id, 0, "IMM1344", "history"])
    assert client.get(f"{url}?page=nothing").status_code == 404
    response = client.post(f"{url}?page=status_proceedings", {"version": "1", "continue": "1"})
    assert response.url == reverse(
        "applications:person_section", args=[application.public_id, 0, "IMM1344", "convictions"]
    )


@pytest.mark.django_db
def test_a_page_changed_from_check_your_answers_returns_there(client, applicant):
    application = _sponsorship(applicant)
    client.force_login(applicant)
    url = reverse("applications:person_section", args=[application.public_id, 0, "IMM1344", "sponsor"])
    response = client.post(f"{url}?from=check", {"version": "1", "family_name": "Okafor", "continue": "1"})
    assert response.url == f"{url}?page=status&from=check"
    response = client.post(f"{url}?page=contact&from=check", {"version": "2", "save": "1"})
    assert response.url == reverse("applications:check_answers", args=[application.public_id])


@pytest.mark.django_db
def test_the_eligibility_questions_before_the_start_are_kept_from_page_to_page_in_french(client, applicant):
    client.force_login(applicant)
    url = "/fr/applications/sponsorship/start/spouse_sponsorship/"
    first = client.get(url).content.decode()
    assert "Votre nom et votre date de naissance" in first and "Pourquoi nous posons ces questions" in first
    response = client.post(url, {"sponsor-date_of_birth": "1988-05-14", "continue": "1"})
    assert response.status_code == 302 and response.url == f"{url}?page=status"
    status_page = client.get(response.url).content.decode()
    assert f'href="{url}?page=about_you"' in status_page  # Back
    assert "RIPR" in status_page or "Devenir répondant" in status_page  # the source, in French
    assert 'value="1988-05-14"' in client.get(url).content.decode()


def test_the_current_address_reads_i_live_here_now_in_the_to_column():
    from portique.applications.answer_summary import section_view
    from portique.rules.programs.imm5444 import ADDRESSES

    rows = [{**HOME, "current": True, "end": ""}, {**BEFORE, "current": False}]
    view = section_view(ADDRESSES, rows, "fr")
    assert view.headers[:2] == ["Du", "Au"] and "J’habite ici actuellement" not in view.headers
    assert view.rows[0][1] == "J’habite ici actuellement"
    assert view.rows[1][1] == "2024-02-29" or "2024" in view.rows[1][1]
