"""In a real browser, in English and French, axe-clean: with triage on for the PR card, the
screening queue labels the files and says what the rules found; an officer ticks the routine
ones and accepts them in one action; the file page opens with what the rules found."""

import pytest

from portique.applications.choices import Status
from portique.applications.models import RulesAssessment
from portique.casework import triage
from tests.browser.test_officer import sign_in
from tests.casework.factories import submitted_application
from tests.conftest import _officer, _user

WORDS = {
    "en": {
        "routine": "Routine",
        "review": "Needs review",
        "nothing": "The rules found nothing to review.",
        "accept": "Accept the selected routine files",
        "accepted": "2 files accepted",
        "found": "What the rules found",
        "why": "Why?",
    },
    "fr": {
        "routine": "Courant",
        "review": "À examiner",
        "nothing": "Les règles n’ont rien trouvé à examiner.",
        "accept": "Accepter les dossiers courants sélectionnés",
        "accepted": "2 dossiers acceptés",
        "found": "Ce que les règles ont trouvé",
        "why": "Pourquoi\xa0?",
    },
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_officer_accepts_the_routine_files_of_the_queue_in_one_action(
    page, live_server, assert_accessible, settings, language
):
    settings.CASEWORK_QA_SHARE = "0"
    words = WORDS[language]
    officer = _officer("screening@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    admin = _officer("admin@example.ca", ["administrator"], first_name="Robin", last_name="Gagnon")
    files = [submitted_application(_user(f"person{n}@example.ca", "applicant")) for n in range(3)]
    RulesAssessment.objects.filter(application=files[2]).update(warnings=1)
    triage.triage_switch(actor=admin, program=files[0].program, enabled=True, reason="Pilot.")

    sign_in(page, live_server, officer)
    page.goto(f"/{language}/officer/?queue=screening")
    table = page.locator("table").inner_text()
    assert table.count(words["routine"]) == 2 and words["review"] in table
    assert words["nothing"] in table
    assert_accessible(page)

    for application in files[:2]:
        page.locator(f"#select-{application.public_id}").check()
    page.get_by_role("button", name=words["accept"]).click()
    page.wait_for_load_state()
    assert words["accepted"] in page.locator("main").inner_text()
    assert_accessible(page)
    for application in files:
        application.refresh_from_db()
    assert [application.status for application in files] == [
        Status.ACCEPTED,
        Status.ACCEPTED,
        Status.SUBMITTED,
    ]

    page.goto(f"/{language}/officer/files/{files[0].public_id}/")
    section = page.locator(".rules-found")
    assert words["found"] in section.inner_text()
    assert "IMM 5445" not in section.inner_text()  # the citations wait behind "Why?"
    section.locator("details > summary").first.click()
    section.locator("details.why > summary", has_text=words["why"]).first.click()
    assert "IMM 5445" in section.inner_text()
    assert_accessible(page)
