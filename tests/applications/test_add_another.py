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
    assert response.url == f"{url}?add=1#addresses-row-2"
    assert _saved(card) == [{**HOME, "current": True, "end": ""}]

    page = client.get(f"{url}?add=1").content.decode()
    assert "Address 2" in page and 'value="12 Sparks St"' in page
    assert 'id="addresses-row-2"' in page and "Remove address 1" in page

    # A second row half typed is kept too: nothing typed is lost.
    response = client.post(url, _addresses([HOME, {"address": "4 Elgin St"}], version="2", add_row="1"))
    assert response.url == f"{url}?add=1#addresses-row-3"
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

