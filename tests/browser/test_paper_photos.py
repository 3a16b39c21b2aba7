"""The photos received with a paper PR card application, in a real browser, in English and in
French, with axe: the intake officer records the envelope (first with a date after the date
received: refused at its field, nothing saved), the paper file shows what the rules say
(one photo, no name on the envelope), and the screening shows it again."""

import pytest
from playwright.sync_api import expect

from portique.applications import paper_intake
from tests.alternatives.test_paper_intake import TODAY, pr_card_by_mail
from tests.browser.test_officer import sign_in
from tests.conftest import _officer

TEXT = {
    "en": {
        "heading": "The photos received",
        "not_recorded": "Not recorded yet.",
        "count": "Number of photos in the envelope",
        "identical": "Are the photos identical?",
        "taken_on": "Date the photos were taken",
        "envelope": "Did the photos come in a small envelope?",
        "name": "Is the applicant’s name written on the envelope?",
        "staples": "Were the photos stapled or held with a paper clip?",
        "yes": "Yes",
        "no": "No",
        "record": "Record the photos",
        "too_late": "The photos cannot have been taken after the application was received. Check the date.",
        "recorded": "The photos received are recorded.",
        "one_photo": "A paper application needs 2 identical photos; 1 provided.",
        "packaging": "write the applicant’s name on the envelope",
    },
    "fr": {
        "heading": "Les photos reçues",
        "not_recorded": "Pas encore consigné.",
        "count": "Nombre de photos dans l’enveloppe",
        "identical": "Les photos sont-elles identiques\u00a0?",
        "taken_on": "Date à laquelle les photos ont été prises",
        "envelope": "Les photos sont-elles arrivées dans une petite enveloppe\u00a0?",
        "name": "Le nom du demandeur est-il écrit sur l’enveloppe\u00a0?",
        "staples": "Les photos étaient-elles agrafées ou retenues par un trombone\u00a0?",
        "yes": "Oui",
        "no": "Non",
        "record": "Consigner les photos",
        "too_late": "Les photos ne peuvent pas avoir été prises après la réception de la demande. Vérifiez la date.",
        "recorded": "Les photos reçues sont consignées.",
        "one_photo": "Une demande papier exige 2 photos identiques\u00a0; 1 fournie(s).",
        "packaging": "écrivez le nom du demandeur sur l’enveloppe",
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.django_db(transaction=True)
def test_the_intake_officer_records_the_envelope_of_photos_and_sees_what_the_rules_say(
    page, live_server, assert_accessible, language
):
    text = TEXT[language]
    officer = _officer("intake@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    application = paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(), today=TODAY)
    sign_in(page, live_server, officer)

    page.goto(f"/{language}/alternatives/officer/paper/{application.public_id}/")
    expect(page.get_by_role("heading", name=text["heading"])).to_be_visible()
    expect(page.get_by_text(text["not_recorded"])).to_be_visible()
    assert_accessible(page)

    def answer(question, choice):
        page.get_by_role("group", name=question).get_by_label(choice, exact=True).check()

    page.get_by_label(text["count"]).fill("1")
    answer(text["identical"], text["yes"])
    page.get_by_label(text["taken_on"]).fill("2026-11-23")  # the day after it was received
    answer(text["envelope"], text["yes"])
    answer(text["name"], text["no"])
    answer(text["staples"], text["no"])
    page.get_by_role("button", name=text["record"]).click()
    expect(page.get_by_role("alert").get_by_text(text["too_late"])).to_be_visible()
    application.paper_intake.refresh_from_db()
    assert application.paper_intake.photos == {}
    assert_accessible(page)  # the error page too

    page.get_by_label(text["taken_on"]).fill("2026-09-01")
    page.get_by_role("button", name=text["record"]).click()
    expect(page.get_by_text(text["recorded"])).to_be_visible()
    findings = page.locator("ul.photo-findings")
    expect(findings.get_by_text(text["one_photo"])).to_be_visible()
    expect(findings.get_by_text(text["packaging"])).to_be_visible()
    # What was recorded stays in the form, to correct it.
    expect(page.get_by_label(text["count"])).to_have_value("1")
    assert_accessible(page)
