"""In a real browser, in English and in French: the sponsor enters the principal applicant's
offence on IMM 5669 — the sentence questions appear once "convicted" is answered yes, a sentence
completed before the offence is refused — and the rules then say from when the principal
applicant is deemed rehabilitated (IMM 5289 Table 1). axe-core finds nothing on the page."""

import pytest
from playwright.sync_api import expect

from portique.applications.services import application_evaluate
from tests import sponsorship_journey as sj
from tests.browser.test_payments import sign_in

WORDS = {
    "en": {
        "heading": "Offences and convictions",
        "offence": "What the offence was",
        "country": "Country where it was committed",
        "nigeria": "Nigeria",
        "committed_on": "Date of the offence",
        "seriousness": "In Canada, the same offence would be",
        "under_10": "An indictable offence punishable by a maximum of less than 10 years",
        "convicted": "Were you convicted of it?",
        "yes": "Yes",
        "sentence": "The sentence",
        "completed_on": "Date the sentence was completed",
        "save": "Save and return to the application",
        "before_start": "the end date comes before the start date",
    },
    "fr": {
        "heading": "Infractions et condamnations",
        "offence": "Quelle était l’infraction",
        "country": "Pays où elle a été commise",
        "nigeria": "Nigéria",
        "committed_on": "Date de l’infraction",
        "seriousness": "Au Canada, la même infraction serait",
        "under_10": "Un acte criminel passible d’un emprisonnement maximal de moins de 10 ans",
        "convicted": "Avez-vous été déclaré coupable de cette infraction\u00a0?",
        "yes": "Oui",
        "sentence": "La peine",
        "completed_on": "Date à laquelle la peine a été purgée",
        "save": "Enregistrer et revenir à la demande",
        "before_start": "la date de fin précède la date de début",
    },
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_sponsor_enters_an_offence_and_the_rules_say_when_rehabilitation_is_deemed(
    page, live_server, assert_accessible, applicant, language
):
    words = WORDS[language]
    application = sj.spouse_with_children(applicant)
    sign_in(page, live_server, applicant)
    page.goto(f"/{language}/applications/{application.public_id}/people/1/IMM5669/convictions/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(words["heading"])
    assert_accessible(page)

    page.get_by_label(words["offence"]).fill("Theft")
    page.get_by_label(words["country"]).select_option(label=words["nigeria"])
    page.get_by_label(words["committed_on"]).fill("2017-05-10")
    page.get_by_label(words["seriousness"]).select_option(label=words["under_10"])
    sentence = page.get_by_label(words["sentence"], exact=True)
    page.get_by_role("group", name=words["convicted"]).get_by_label(words["yes"], exact=True).check()
    expect(sentence).to_be_visible()
    sentence.fill("18 months")
    page.get_by_label(words["completed_on"]).fill("2016-01-01")  # before the offence: a mistake
    page.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_text(words["before_start"]).first).to_be_visible()
    assert_accessible(page)

    page.get_by_label(words["completed_on"]).fill("2019-09-30")
    page.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_role("heading", level=1)).not_to_contain_text(words["heading"])

    application.refresh_from_db()
    evaluation = application_evaluate(application=application, on=sj.TODAY)
    (entry,) = evaluation.details["criminality"]
    assert (entry["record"], entry["may_apply_from"], entry["deemed_rehabilitated_from"]) == (
        "convicted_abroad_indictable_under_10",
        "2024-09-30",
        "2029-09-30",
    )
