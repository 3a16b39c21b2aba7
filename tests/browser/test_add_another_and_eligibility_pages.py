"""In a real browser, in English and in French: an applicant adds a second address with "Add another"
and marks the first one as where they live now; a sponsor answers the eligibility questions a topic a
page, opens "Why we ask", goes back (the answers are kept) and starts the application. axe-core finds
nothing on the pages visited, and every aria reference names an element of the page."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from portique.applications import services
from portique.applications.choices import Program
from portique.applications.models import Application
from tests import sponsorship_journey as sj
from tests.browser.test_payments import sign_in
from tests.browser.test_sponsorship_journey import WORDS as SPONSORSHIP_WORDS
from tests.browser.test_sponsorship_journey import answer_eligibility_pages, screening_answers

WORDS = {
    "en": {
        "add": "Add another address",
        "second": "Address 2",
        "third": "Address 3",
        "remove_third": "Remove address 3",
        "removed": "Address 3 is removed.",
        "current": "I live here now",
        "to": "To",
        "save": "Save and return to the application",
        "why": "Why we ask",
        "back": "Back",
        "first_page": "Your name and date of birth",
        "second_page": "Your status in Canada and where you live",
    },
    "fr": {
        "add": "Ajouter une autre adresse",
        "second": "Adresse 2",
        "third": "Adresse 3",
        "remove_third": "Supprimer l’adresse 3",
        "removed": "Ligne supprimée\u00a0: Adresse 3.",
        "current": "J’habite ici actuellement",
        "to": "Au",
        "save": "Enregistrer et revenir à la demande",
        "why": "Pourquoi nous posons ces questions",
        "back": "Retour",
        "first_page": "Votre nom et votre date de naissance",
        "second_page": "Votre statut au Canada et votre lieu de résidence",
    },
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_applicant_adds_a_second_address_and_marks_the_first_as_where_they_live_now(
    page, live_server, assert_accessible, assert_references_resolve, applicant, language
):
    words = WORDS[language]
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    sign_in(page, live_server, applicant)
    page.goto(f"/{language}/applications/{application.public_id}/form/addresses/")
    today = datetime.date.today()

    # The first address: where the applicant lives now, so no "To" date (the script hides it).
    page.locator("[name='addresses-0-start']").fill((today - datetime.timedelta(days=400)).isoformat())
    page.get_by_label(words["current"]).check()
    expect(page.locator("[name='addresses-0-end']")).to_be_hidden()
    page.locator("[name='addresses-0-address']").fill("12 Sparks St")
    page.locator("[name='addresses-0-city']").fill("Ottawa")
    page.locator("[name='addresses-0-country']").select_option("CA")
    assert_accessible(page)
    assert_references_resolve(page)

    page.get_by_role("button", name=words["add"]).click()
    expect(page.get_by_role("heading", name=words["second"])).to_be_visible()
    expect(page.locator("[name='addresses-1-start']")).to_be_focused()
    # What was typed is kept, and saved.
    expect(page.locator("[name='addresses-0-address']")).to_have_value("12 Sparks St")
    expect(page.get_by_label(words["current"]).first).to_be_checked()
    page.locator("[name='addresses-1-start']").fill((today - datetime.timedelta(days=5 * 365 + 2)).isoformat())
    page.locator("[name='addresses-1-end']").fill((today - datetime.timedelta(days=401)).isoformat())
    page.locator("[name='addresses-1-address']").fill("4 Elgin St")
    page.locator("[name='addresses-1-city']").fill("Ottawa")
    page.locator("[name='addresses-1-country']").select_option("CA")
    assert_accessible(page)
    assert_references_resolve(page)

    # A third row added by mistake is removed by its own button.
    page.get_by_role("button", name=words["add"]).click()
    expect(page.get_by_role("heading", name=words["third"])).to_be_visible()
    page.get_by_role("button", name=words["remove_third"]).click()
    expect(page.get_by_text(words["removed"])).to_be_visible()
    expect(page.get_by_role("heading", name=words["third"])).to_have_count(0)
    assert_accessible(page)
    assert_references_resolve(page)

    page.get_by_role("button", name=words["save"]).click()
    page.wait_for_load_state()
    rows = application.people.get().answers["IMM5444"]["addresses"]
    assert [(row["address"], row["current"], row["end"] == "") for row in rows] == [
        ("12 Sparks St", True, True),
        ("4 Elgin St", False, False),
    ]
    evaluation = services.application_evaluate(application=application, on=today)
    assert not [r for r in evaluation.form_findings if "/addresses" in (r.subject or "")]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_sponsor_answers_the_eligibility_questions_a_topic_a_page(
    page, live_server, assert_accessible, assert_references_resolve, applicant, language
):
    words = {**SPONSORSHIP_WORDS[language], **WORDS[language]}
    sign_in(page, live_server, applicant)
    page.goto(f"/{language}/applications/sponsorship/start/spouse_sponsorship/")
    expect(page.get_by_role("heading", level=1, name=words["first_page"])).to_be_visible()
    answers = screening_answers(sj.SPONSOR["sponsor"]["date_of_birth"])
    page.locator("[name='sponsor-date_of_birth']").fill(answers["sponsor-date_of_birth"])
    page.get_by_role("button", name=words["continue"], exact=True).click()

    # The second page; "Why we ask" holds the reason and its source in the page's language.
    expect(page.get_by_role("heading", level=1, name=words["second_page"])).to_be_visible()
    page.get_by_text(words["why"]).click()
    why = page.locator("details.why-we-ask").inner_text()
    assert "IMM 5289" in why and ("Devenir répondant" if language == "fr" else "Become a sponsor") in why
    assert_accessible(page)
    assert_references_resolve(page)
    # Back: the date of birth is still there.
    page.get_by_role("link", name=words["back"], exact=True).click()
    expect(page.locator("[name='sponsor-date_of_birth']")).to_have_value(answers["sponsor-date_of_birth"])
    page.get_by_role("button", name=words["continue"], exact=True).click()

    titles = []

    def each_page(page):
        titles.append(page.locator("h1").inner_text())
        assert page.locator("details.why-we-ask summary").count() == 1
        if len(titles) in (1, 5, 9):
            assert_accessible(page)
            assert_references_resolve(page)

    answer_eligibility_pages(page, answers, words, check=each_page)
    application = Application.objects.get(owner=applicant)
    assert len(titles) >= 8 and len(set(titles)) == len(titles)
    assert re.search(r"/applications/[0-9a-f-]{36}/$", page.url)
    sponsor = application.people.get(position=0).answers["IMM1344"]
    assert sponsor["sponsor"]["date_of_birth"] == answers["sponsor-date_of_birth"]
    assert sponsor["history"]["undischarged_bankrupt"] is False
    assert_accessible(page)
    assert_references_resolve(page)
