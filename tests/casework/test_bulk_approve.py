"""Routine files approved together by a decision-maker: each through its own decision service (its
decision, its history row under the officer's name, its letter made by a task worker), each checked
again at the confirmation and left out with the reason if anything changed; never a refusal; a file
drawn for quality assurance or a sponsorship without its biometrics is never approved early; a
confirmation posted twice decides once; a letter that could not be made is shown and made again,
never twice."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from portique.applications.choices import Status
from portique.applications.models import StatusChange
from portique.casework import bulk_decide, letter_tasks, letters, services, triage
from portique.casework.batch_models import BatchFile, LetterRendering, RenderingState
from portique.casework.choices import DecisionOutcome, LetterKind
from portique.casework.models import Decision, Letter
from portique.casework.selectors import messages_for
from portique.casework.sponsorship import sponsor_assess
from tests import journey
from tests import sponsorship_journey as sj
from tests.conftest import _user

from .factories import submitted_application
from .test_services import accept
from .test_sponsorship_decisions import _accepted, _submitted

ON = sj.TODAY


@pytest.fixture(autouse=True)
def _english_after_each_test():
    yield
    translation.activate("en")


@pytest.fixture
def no_quality_assurance_draw(settings):
    settings.CASEWORK_QA_SHARE = "0"


def ready_pr_card(officer, owner, *, draw=lambda: 0.99):
    """A routine PR card renewal, accepted, with everything the rules require before a decision."""
    application = submitted_application(owner)
    accept(officer, application, draw=draw)
    services.processing_start(actor=officer, public_id=application.public_id)
    journey.collect_before_decision(officer, application)
    return application


@pytest.fixture
def pr_cards(officer, administrator, no_quality_assurance_draw):
    made = [ready_pr_card(officer, _user(f"card{n}@example.ca", "applicant")) for n in range(3)]
    triage.triage_switch(actor=administrator, program=made[0].program, enabled=True, reason="Pilot.")
    return made


def approve(decision_maker, files, *, key=None, program=None):
    return bulk_decide.routine_files_approve(
        actor=decision_maker,
        key=key or str(uuid.uuid4()),
        program=program or files[0].program,
        public_ids=[str(application.public_id) for application in files],
        on=ON,
    )


@pytest.mark.django_db
def test_each_routine_file_gets_its_own_decision_history_row_and_letter_made_by_a_task(
    decision_maker, pr_cards, django_capture_on_commit_callbacks
):
    ready, waiting = bulk_decide.routine_rows(actor=decision_maker, program=pr_cards[0].program, on=ON)
    assert [row.application for row in ready] == pr_cards and waiting == []
    assert all(row.summary == "The rules found nothing to review." for row in ready)

    with django_capture_on_commit_callbacks(execute=False) as waiting_tasks:
        batch = approve(decision_maker, pr_cards)
    # The decisions are committed at once; the letters are not made yet.
    assert [row.done for row in batch.files.all()] == [True, True, True]
    for application in pr_cards:
        application.refresh_from_db()
        assert application.status == Status.APPROVED
        decision = Decision.objects.get(application=application)
        assert decision.outcome == DecisionOutcome.APPROVED and decision.decided_by == decision_maker
        change = StatusChange.objects.get(application=application, to_status=Status.APPROVED)
        assert change.actor == decision_maker
        assert not decision.letter.made
        assert decision.letter.rendering.state == RenderingState.WAITING
        # The applicant sees the letter only once it is made.
        assert decision.letter not in messages_for(application).letters
    assert len(waiting_tasks) == 3 and mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        for task in waiting_tasks:
            task()
    for application in pr_cards:
        letter = Letter.objects.get(application=application, kind=LetterKind.APPROVAL)
        assert letter.made and letter.rendering.state == RenderingState.MADE
        assert letter in messages_for(application).letters
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_a_file_that_changed_in_between_is_left_out_with_its_reason_in_both_languages(
    officer, decision_maker, pr_cards, django_capture_on_commit_callbacks
):
    first, changed, third = pr_cards
    ready, _waiting = bulk_decide.routine_rows(actor=decision_maker, program=first.program, on=ON)
    assert changed in [row.application for row in ready]
    # Between the page and the confirmation, another officer asks the applicant for a document.
    services.request_send(
        actor=officer,
        public_id=changed.public_id,
        description="A clearer copy of your passport.",
        due_on=ON + timedelta(days=30),
        on=ON,
    )

    with django_capture_on_commit_callbacks(execute=True):
        batch = approve(decision_maker, pr_cards)

    left_out = BatchFile.objects.get(batch=batch, application=changed)
    assert not left_out.done and left_out.decision is None
    assert left_out.left_out_en == "It is no longer routine: A request to the applicant is open."
    assert left_out.left_out_fr.startswith("Il n’est plus courant")
    changed.refresh_from_db()
    assert changed.status != Status.APPROVED
    assert not Decision.objects.filter(application=changed).exists()
    assert {row.application for row in batch.files.filter(done=True)} == {first, third}


@pytest.mark.django_db
def test_refusals_are_never_made_in_bulk_and_an_unticked_file_is_left_as_it_was(
    client, decision_maker, pr_cards, django_capture_on_commit_callbacks
):
    client.force_login(decision_maker)
    page = client.get(reverse("casework:routine_approve"), {"program": pr_cards[0].program}).content.decode()
    assert page.count('name="files"') == 3 and page.count("checked aria-label") == 3
    assert "refus" not in page.split('id="bulk-approve"')[1].split("</form>")[0].lower()
    assert 'name="outcome"' not in page

    key = page.split('name="key" value="')[1].split('"')[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("casework:routine_approve"),
            {"key": key, "program": pr_cards[0].program, "files": [str(pr_cards[0].public_id)], "outcome": "refused"},
        )
    assert response.status_code == 302
    assert Decision.objects.get(application=pr_cards[0]).outcome == DecisionOutcome.APPROVED
    assert not Decision.objects.filter(outcome=DecisionOutcome.REFUSED).exists()
    for application in pr_cards[1:]:
        application.refresh_from_db()
        assert application.status == Status.IN_PROCESSING


@pytest.mark.django_db
def test_a_file_drawn_for_quality_assurance_is_never_routine_nor_approved_before_its_interview(
    officer, decision_maker, administrator, django_capture_on_commit_callbacks
):
    drawn = ready_pr_card(officer, _user("drawn@example.ca", "applicant"), draw=lambda: 0.0)
    triage.triage_switch(actor=administrator, program=drawn.program, enabled=True, reason="Pilot.")
    assert hasattr(drawn, "quality_assurance")
    ready, waiting = bulk_decide.routine_rows(actor=decision_maker, program=drawn.program, on=ON)
    assert ready == [] and waiting == []

    with django_capture_on_commit_callbacks(execute=True):
        batch = approve(decision_maker, [drawn])
    row = batch.files.get()
    assert not row.done
    assert row.left_out_en == "It is no longer routine: Drawn for quality assurance."
    drawn.refresh_from_db()
    assert drawn.status == Status.IN_PROCESSING


@pytest.fixture
def routine_sponsorship(applicant, officer, decision_maker, administrator, no_quality_assurance_draw):
    application = _submitted(applicant)
    _accepted(officer, application)
    sponsor_assess(actor=decision_maker, public_id=application.public_id, approved=True, on=ON)
    triage.triage_switch(actor=administrator, program=application.program, enabled=True, reason="Pilot.")
    return application


@pytest.mark.django_db
def test_a_sponsorship_is_not_approved_before_its_biometrics_then_is_person_by_person(
    officer, decision_maker, routine_sponsorship, django_capture_on_commit_callbacks
):
    program = routine_sponsorship.program
    ready, waiting = bulk_decide.routine_rows(actor=decision_maker, program=program, on=ON)
    assert ready == [] and [row.application for row in waiting] == [routine_sponsorship]
    assert any("biometrics" in item.text for item in waiting[0].missing)

    with django_capture_on_commit_callbacks(execute=True):
        batch = approve(decision_maker, [routine_sponsorship])
    row = batch.files.get()
    assert not row.done and row.left_out_en.startswith("It cannot be approved yet:")
    assert "biometrics" in row.left_out_en
    assert "biométriques" in row.left_out_fr
    routine_sponsorship.refresh_from_db()
    assert routine_sponsorship.status in services.PROCESSING

    sj.collect_before_decision(officer, routine_sponsorship)
    ready, _waiting = bulk_decide.routine_rows(actor=decision_maker, program=program, on=ON)
    assert [row.application for row in ready] == [routine_sponsorship]
    with django_capture_on_commit_callbacks(execute=True):
        batch = approve(decision_maker, [routine_sponsorship])
    assert batch.files.get().done
    decision = Decision.objects.get(application=routine_sponsorship)
    assert decision.outcome == DecisionOutcome.APPROVED and decision.letter.made
    assert {row.meets_requirements for row in decision.people.all()} == {True}


@pytest.mark.django_db
def test_the_same_confirmation_posted_twice_decides_once(
    client, decision_maker, pr_cards, django_capture_on_commit_callbacks
):
    client.force_login(decision_maker)
    key = str(uuid.uuid4())
    posted = {"key": key, "program": pr_cards[0].program, "files": [str(a.public_id) for a in pr_cards]}
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(reverse("casework:routine_approve"), posted)
        second = client.post(reverse("casework:routine_approve"), posted)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    for application in pr_cards:
        assert Decision.objects.filter(application=application).count() == 1
        assert StatusChange.objects.filter(application=application, to_status=Status.APPROVED).count() == 1
        assert Letter.objects.filter(application=application, kind=LetterKind.APPROVAL).count() == 1
    assert BatchFile.objects.count() == 3

    page = client.get(first["Location"]).content.decode()
    assert "3 files approved." in page
    assert page.count("English (PDF)") == 3


@pytest.mark.django_db
def test_a_letter_that_could_not_be_made_is_shown_made_again_on_request_and_never_twice(
    client, decision_maker, pr_cards, monkeypatch, django_capture_on_commit_callbacks
):
    real_render = letters.render

    def broken(**kwargs):
        raise OSError("The PDF printer is out of fonts.")

    monkeypatch.setattr(letters, "render", broken)
    with django_capture_on_commit_callbacks(execute=True):
        batch = approve(decision_maker, pr_cards[:1])
    letter = batch.files.get().decision.letter
    rendering = LetterRendering.objects.get(letter=letter)
    assert rendering.state == RenderingState.FAILED and rendering.attempts == 1
    assert "out of fonts" in rendering.error
    assert not Letter.objects.get(pk=letter.pk).made

    client.force_login(decision_maker)
    page = client.get(reverse("casework:batch", args=[batch.public_id])).content.decode()
    assert "the letter could not be made" in page and "Try again" in page

    monkeypatch.setattr(letters, "render", real_render)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("casework:letter_make_again", args=[pr_cards[0].public_id, letter.public_id]),
            {"next": reverse("casework:batch", args=[batch.public_id])},
        )
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.made
    names = (letter.pdf_en.name, letter.pdf_fr.name)
    # The task run again (a worker's retry) does nothing: the letter is made once.
    assert letter_tasks.letter_make(letter_id=letter.pk) is False
    letter.refresh_from_db()
    assert (letter.pdf_en.name, letter.pdf_fr.name) == names
    assert Letter.objects.filter(application=pr_cards[0], kind=LetterKind.APPROVAL).count() == 1
    with pytest.raises(services.CaseworkError):
        letter_tasks.letter_make_again(actor=decision_maker, letter=letter)


@pytest.mark.django_db
def test_only_a_decision_maker_approves_and_only_for_a_program_switched_on(
    client, officer, decision_maker, administrator, no_quality_assurance_draw
):
    application = ready_pr_card(officer, _user("off@example.ca", "applicant"))
    with pytest.raises(PermissionDenied):
        approve(officer, [application])
    with pytest.raises(services.CaseworkError, match="not switched on"):
        approve(decision_maker, [application])
    client.force_login(officer)
    assert client.get(reverse("casework:routine_approve")).status_code == 404
    client.force_login(decision_maker)
    page = client.get(reverse("casework:routine_approve")).content.decode()
    assert "No program has triage switched on" in page
    assert client.get("/fr" + reverse("casework:routine_approve")[3:]).status_code == 200


# --- The supervisor's figures -----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_supervisor_reads_each_programs_figures_and_nobody_else_does(
    client, officer, decision_maker, supervisor, pr_cards, django_capture_on_commit_callbacks
):
    from portique.casework import figures

    services.request_send(
        actor=officer,
        public_id=pr_cards[2].public_id,
        description="A clearer copy of your passport.",
        due_on=ON + timedelta(days=30),
        on=ON,
    )
    with django_capture_on_commit_callbacks(execute=True):
        approve(decision_maker, pr_cards)

    from django.utils import timezone

    (card,) = [row for row in figures.figures(days=365, today=timezone.localdate()) if row.program == "pr_card"]
    assert (card.submitted, card.routine, card.needs_review) == (3, 3, 0)
    assert (card.accepted, card.approved, card.bulk_approved, card.left_out) == (3, 2, 2, 1)
    assert (card.quality_assurance, card.quality_assurance_share) == (0, 0)
    # A routine file an officer sent a request: the officer saw something the rules did not.
    assert (card.routine_requested, card.disagreed, card.screened) == (1, 1, 3)
    assert str(card.disagreement_rate) == "33.3"

    for user in (officer, decision_maker):
        client.force_login(user)
        assert client.get(reverse("casework:figures")).status_code == 404
    client.force_login(supervisor)
    english = client.get(reverse("casework:figures"), {"days": 365}).content.decode()
    assert "Approved together with other routine files" in english and "33.3%" in english
    french = client.get("/fr" + reverse("casework:figures")[3:], {"days": 365}).content.decode()
    assert "Approuvés avec d’autres dossiers courants" in french and "33,3\xa0%" in french


# --- The page's cost, and what is never offered in bulk -----------------------------------------------


@pytest.mark.django_db
def test_the_page_reads_only_its_oldest_files_whatever_the_queue_s_length(
    client, officer, decision_maker, administrator, no_quality_assurance_draw, monkeypatch, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(bulk_decide, "MAX_FILES", 2)
    files = [ready_pr_card(officer, _user(f"card{n}@example.ca", "applicant")) for n in range(2)]
    triage.triage_switch(actor=administrator, program=files[0].program, enabled=True, reason="Pilot.")
    client.force_login(decision_maker)
    url = reverse("casework:routine_approve")

    def page_and_queries():
        with CaptureQueriesContext(connection) as done:
            page = client.get(url, {"program": files[0].program}).content.decode()
        return page, len(done)

    page, queries_for_two = page_and_queries()
    assert "Showing the oldest" not in page
    files += [ready_pr_card(officer, _user(f"later{n}@example.ca", "applicant")) for n in range(3)]
    with django_assert_max_num_queries(queries_for_two):
        page = client.get(url, {"program": files[0].program}).content.decode()
    # The oldest first; the others wait for the next visit, and the page says how many there are.
    assert files[0].number in page and files[1].number in page
    assert not any(application.number in page for application in files[2:])
    assert "Showing the oldest 2 of 5 routine files waiting for a decision." in page


@pytest.mark.django_db
def test_an_eta_referred_to_an_officer_is_never_routine_nor_offered_in_bulk(
    client, applicant, officer, decision_maker, administrator, no_quality_assurance_draw,
    django_capture_on_commit_callbacks,
):
    from portique.applications.models import Application
    from portique.casework import bulk

    from .test_eta_journey import submitted_eta, today

    application = submitted_eta(
        applicant, django_capture_on_commit_callbacks, background={"us_visa": "yes", "us_visa_number": "A1234567"}
    )
    assert application.status == Status.SUBMITTED  # referred: the rules could not decide it
    triage.triage_switch(actor=administrator, program="eta", enabled=True, reason="Pilot.")
    # Even were the rules to find nothing to warn about, a referral is never routine.
    application.rules_assessment.__class__.objects.filter(pk=application.rules_assessment.pk).update(warnings=0)
    label = triage.label_of(triage.annotate_for_triage(Application.objects.filter(pk=application.pk)).get())
    assert not label.routine
    assert "Referred to an officer because the rules cannot decide it." in label.reasons
    assert not Application.objects.filter(triage.routine_q(), pk=application.pk).exists()

    result = bulk.routine_files_accept(actor=officer, public_ids=[str(application.public_id)], on=today())
    assert result.accepted == [] and "Referred to an officer" in result.left_out[0][1]
    services.screening_run(application=application)
    services.application_accept(actor=officer, public_id=application.public_id, on=today(), draw=lambda: 0.99)

    assert bulk_decide.bulk_programs() == []
    assert bulk_decide.routine_rows(actor=decision_maker, program="eta", on=today()) == ([], [])
    with pytest.raises(services.CaseworkError, match="each is decided on its own page"):
        approve(decision_maker, [application])
    client.force_login(decision_maker)
    page = client.get(reverse("casework:routine_approve")).content.decode()
    assert "Not offered here: Electronic travel authorization" in page
    assert client.get(reverse("casework:routine_approve"), {"program": "eta"}).status_code == 404
    application.refresh_from_db()
    assert application.status != Status.APPROVED
