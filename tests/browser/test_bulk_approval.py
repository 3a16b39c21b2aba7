"""In a real browser, in English and French, axe-clean, for a PR card and a spouse sponsorship: a
screening officer accepts ten routine files in one action; once each is ready (biometrics, medical
results, the sponsor's assessment, done as officers do them), a decision-maker approves them in one
confirmation; a file that changed in between (a request sent to the applicant) is left out with its
reason; each approved file has its letter."""

import pytest
from playwright.sync_api import expect

from portique.applications.choices import Status
from portique.casework import services, triage
from portique.casework.models import Decision
from portique.casework.sponsorship import sponsor_assess
from tests import journey
from tests import sponsorship_journey as sj
from tests.browser.test_officer import sign_in
from tests.casework.factories import submitted_application
from tests.casework.test_sponsorship_decisions import _submitted
from tests.conftest import _officer, _user

FILES = 10

WORDS = {
    "en": {
        "accept": "Accept the selected routine files",
        "accepted": "10 files accepted",
        "link": "Approve routine files together",
        "ready": "10 routine files ready for a decision",
        "approve": "Approve the selected files",
        "approved": "9 files approved.",
        "left_out": "It is no longer routine: A request to the applicant is open.",
        "letters": "English (PDF)",
    },
    "fr": {
        "accept": "Accepter les dossiers courants sélectionnés",
        "accepted": "10 dossiers acceptés",
        "link": "Approuver ensemble des dossiers courants",
        "ready": "10 dossiers courants prêts pour une décision",
        "approve": "Approuver les dossiers sélectionnés",
        "approved": "9 dossiers approuvés.",
        "left_out": "Il n’est plus courant\xa0: Une demande faite au demandeur est en attente de réponse.",
        "letters": "English (PDF)",
    },
}


def _pr_card(number: int):
    return submitted_application(_user(f"card{number}@example.ca", "applicant"))


def _sponsorship(number: int):
    return _submitted(_user(f"sponsor{number}@example.ca", "applicant"))


MAKERS = {"pr_card": _pr_card, "spouse_sponsorship": _sponsorship}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("program", ["pr_card", "spouse_sponsorship"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_ten_routine_files_accepted_in_one_action_and_approved_in_one_confirmation(
    page, live_server, assert_accessible, settings, language, program
):
    settings.CASEWORK_QA_SHARE = "0"
    words = WORDS[language]
    screener = _officer("screening@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    decider = _officer("decider@example.ca", ["decision_maker"], first_name="Dana", last_name="Decider")
    admin = _officer("admin@example.ca", ["administrator"], first_name="Robin", last_name="Gagnon")
    files = [MAKERS[program](number) for number in range(FILES)]
    triage.triage_switch(actor=admin, program=program, enabled=True, reason="Pilot.")

    # The screening officer ticks the ten routine files and accepts them in one action.
    sign_in(page, live_server, screener)
    page.goto(f"/{language}/officer/?queue=screening&triage=routine")
    for application in files:
        page.locator(f"#select-{application.public_id}").check()
    # Ten acceptances, each with its acknowledgement letter printed while the officer waits.
    page.get_by_role("button", name=words["accept"]).click(no_wait_after=True)
    expect(page.locator("main")).to_contain_text(words["accepted"], timeout=120_000)
    assert_accessible(page)
    for application in files:
        application.refresh_from_db()
        assert application.status == Status.ACCEPTED

    # What each file waits for before a decision, done as the officers do it, file by file.
    for application in files:
        services.processing_start(actor=screener, public_id=application.public_id)
        if application.definition.sponsored:
            sponsor_assess(actor=decider, public_id=application.public_id, approved=True, on=sj.TODAY)
        journey.collect_before_decision(screener, application)

    # The decision-maker finds the routine files ready, approval pre-selected on each.
    sign_in(page, live_server, decider)
    page.goto(f"/{language}/officer/?queue=ready_for_decision")
    page.get_by_role("link", name=words["link"]).click()
    if page.locator(f'a[href="?program={program}"]').count():
        page.locator(f'a[href="?program={program}"]').click()
    expect(page.locator("caption")).to_have_text(words["ready"])
    checkboxes = page.locator('input[name="files"]')
    expect(checkboxes).to_have_count(FILES)
    for index in range(FILES):
        expect(checkboxes.nth(index)).to_be_checked()
    assert_accessible(page)

    # Meanwhile another officer asks one applicant for a document: that file is no longer routine.
    changed = files[3]
    services.request_send(
        actor=screener,
        public_id=changed.public_id,
        description="A clearer copy of your passport.",
        due_on=sj.TODAY.replace(year=sj.TODAY.year + 1),
        on=sj.TODAY,
    )

    page.get_by_role("button", name=words["approve"]).click(no_wait_after=True)
    expect(page.locator("main")).to_contain_text(words["approved"], timeout=120_000)
    expect(page.locator(".left-out")).to_contain_text(f"{changed.number}: {words['left_out']}")
    expect(page.get_by_role("link", name=words["letters"])).to_have_count(FILES - 1)
    assert_accessible(page)

    for application in files:
        application.refresh_from_db()
    assert [a.status for a in files].count(Status.APPROVED) == FILES - 1
    assert changed.status != Status.APPROVED and not Decision.objects.filter(application=changed).exists()
    assert {d.decided_by for d in Decision.objects.all()} == {decider}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_supervisors_figures_page_is_axe_clean(page, live_server, assert_accessible, settings, language):
    import importlib

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    settings.CASEWORK_QA_SHARE = "0"
    supervisor = _officer("supervisor@example.ca", ["supervisor"], first_name="Morgan", last_name="Lee")
    # The permission comes from a data migration; a transactional test's flush removes it (and
    # leaves the content types' cache pointing at rows that are gone).
    ContentType.objects.clear_cache()
    importlib.import_module("portique.casework.migrations.0015_bulk_batches_and_letters_by_task").grant(apps, None)
    admin = _officer("admin@example.ca", ["administrator"], first_name="Robin", last_name="Gagnon")
    application = _pr_card(0)
    triage.triage_switch(actor=admin, program=application.program, enabled=True, reason="Pilot.")

    sign_in(page, live_server, supervisor)
    page.goto(f"/{language}/officer/")
    page.locator('a[href$="/figures/"]').click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        {"en": "the figures", "fr": "les chiffres"}[language]
    )
    expect(page.locator("table").first).to_contain_text("1")
    expect(page.locator("h2").first).to_have_text(application.definition.name(language))
    assert_accessible(page)
