"""In a real browser, in English and French, axe-clean, for each program an officer decides (a PR card,
a spouse sponsorship, a dependent child's sponsorship, a stay extension; the eTA's referred files are
never decided in bulk, tests/casework/test_bulk_approve.py): a screening officer accepts ten routine
files in one action; once each is ready (biometrics, medical results, the sponsor's assessment, done
as officers do them), a decision-maker approves them in one confirmation; a file that changed in
between (a request sent to the applicant) is left out with its reason; a file whose biometrics are not
collected waits, with what it waits for; a file drawn for quality assurance is not offered and its page
says it waits for its interview; each approved file has its letter."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from portique.applications import services as application_services
from portique.applications.choices import Status
from portique.casework import services, triage
from portique.casework.models import Decision
from portique.casework.readiness import readiness
from portique.casework.sponsorship import sponsor_assess
from tests import journey
from tests import sponsorship_journey as sj
from tests.browser.test_officer import sign_in
from tests.casework.factories import submitted_application
from tests.casework.test_sponsorship_decisions import _submitted
from tests.casework.test_stay_extension_journey import submitted_extension
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
        "ready_but_one": "9 routine files ready for a decision",
        "approved_but_one": "8 files approved.",
        "biometrics": "biometrics",
        "qa": "The file was selected for quality assurance",
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
        "ready_but_one": "9 dossiers courants prêts pour une décision",
        "approved_but_one": "8 dossiers approuvés.",
        "biometrics": "biométriques",
        "qa": "Le dossier a été choisi pour l’assurance de la qualité",
    },
}


def _pr_card(number: int):
    return submitted_application(_user(f"card{number}@example.ca", "applicant"))


def _sponsorship(number: int):
    return _submitted(_user(f"sponsor{number}@example.ca", "applicant"))


def _child_sponsorship(number: int):
    applicant = _user(f"parent{number}@example.ca", "applicant")
    application, guardian = sj.child_with_guardian(applicant)
    journey.upload_checklist(applicant, application)
    journey.pay(applicant, application, payer_name=sj.SPONSOR_NAME)
    sj.sign(applicant, application, 0, sj.SPONSOR_NAME)
    sj.sign(applicant, application, guardian.position, sj.GUARDIAN_NAME)
    application_services.application_submit(actor=applicant, public_id=application.public_id, on=sj.TODAY)
    application.refresh_from_db()
    return application


def _stay_extension(number: int):
    return submitted_extension(_user(f"worker{number}@example.ca", "applicant"), on=timezone.localdate())


MAKERS = {
    "pr_card": _pr_card,
    "spouse_sponsorship": _sponsorship,
    "child_sponsorship": _child_sponsorship,
    "stay_extension": _stay_extension,
}


def _started(officer, assessor, application, *, collect=True):
    services.processing_start(actor=officer, public_id=application.public_id)
    if application.definition.sponsored:
        sponsor_assess(actor=assessor, public_id=application.public_id, approved=True, on=sj.TODAY)
    if collect:
        journey.collect_before_decision(officer, application)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("program", list(MAKERS))
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

    # A file drawn for quality assurance, accepted on its own page as any such file would be.
    drawn = MAKERS[program](FILES)
    services.screening_run(application=drawn)
    settings.CASEWORK_QA_SHARE = "1"
    services.application_accept(actor=screener, public_id=drawn.public_id, on=sj.TODAY)
    settings.CASEWORK_QA_SHARE = "0"

    # What each file waits for before a decision, done as the officers do it, file by file; one
    # file's biometrics and medical results are not in yet.
    late = files[5]
    for application in [*files, drawn]:
        _started(screener, decider, application, collect=application != late)
    late_waits = not readiness(late, on=sj.TODAY).ready

    # The decision-maker finds the routine files ready, approval pre-selected on each.
    sign_in(page, live_server, decider)
    page.goto(f"/{language}/officer/?queue=ready_for_decision")
    page.get_by_role("link", name=words["link"]).click()
    if page.locator(f'a[href="?program={program}"]').count():
        page.locator(f'a[href="?program={program}"]').click()
    ready = FILES - 1 if late_waits else FILES
    expect(page.locator("caption")).to_have_text(words["ready_but_one" if late_waits else "ready"])
    checkboxes = page.locator('input[name="files"]')
    expect(checkboxes).to_have_count(ready)
    for index in range(ready):
        expect(checkboxes.nth(index)).to_be_checked()
    # The file drawn for quality assurance is not routine: it is not offered, ready or waiting.
    expect(page.locator("main")).not_to_contain_text(drawn.number)
    if late_waits:
        # Not approved before its biometrics: listed apart, with what it waits for, without a tick box.
        waiting = page.locator("main li", has_text=late.number)
        expect(waiting).to_contain_text(words["biometrics"])
        expect(page.locator(f"#approve-{late.public_id}")).to_have_count(0)
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
    expect(page.locator("main")).to_contain_text(
        words["approved_but_one" if late_waits else "approved"], timeout=120_000
    )
    expect(page.locator(".left-out")).to_contain_text(f"{changed.number}: {words['left_out']}")
    expect(page.get_by_role("link", name=words["letters"])).to_have_count(ready - 1)
    assert_accessible(page)

    for application in [*files, drawn]:
        application.refresh_from_db()
    assert [a.status for a in files].count(Status.APPROVED) == ready - 1
    assert changed.status != Status.APPROVED and not Decision.objects.filter(application=changed).exists()
    assert not late_waits or late.status != Status.APPROVED
    assert {d.decided_by for d in Decision.objects.all()} == {decider}

    # The file drawn for quality assurance waits for its interview, as its own page says.
    assert drawn.status != Status.APPROVED
    page.goto(f"/{language}/officer/files/{drawn.public_id}/")
    expect(page.locator("#readiness")).to_contain_text(words["qa"])


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
