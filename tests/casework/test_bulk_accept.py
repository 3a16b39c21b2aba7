"""Routine files accepted together from the screening queue: each through the acceptance
service (its own letter, its own history row under the officer's name); a file that is not
routine, or no longer waiting for screening, is left out with the reason."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from portique.applications.choices import Status
from portique.applications.models import RulesAssessment, StatusChange
from portique.casework import bulk, triage
from portique.casework.choices import LetterKind, Queue
from portique.casework.models import Letter
from tests.conftest import _user

from .factories import SUBMITTED_ON, submitted_application
from .test_services import accept


@pytest.fixture
def no_quality_assurance_draw(settings):
    settings.CASEWORK_QA_SHARE = "0"


@pytest.fixture
def files(administrator, no_quality_assurance_draw):
    made = [submitted_application(_user(f"bulk{n}@example.ca", "applicant")) for n in range(4)]
    triage.triage_switch(actor=administrator, program=made[0].program, enabled=True, reason="Pilot.")
    return made


@pytest.mark.django_db
def test_each_routine_file_is_accepted_with_its_letter_and_history_the_others_left_out(officer, files):
    routine_one, routine_two, warned, already = files
    RulesAssessment.objects.filter(application=warned).update(warnings=1)
    accept(officer, already)

    result = bulk.routine_files_accept(
        actor=officer, public_ids=[str(f.public_id) for f in files], on=SUBMITTED_ON
    )

    assert sorted(result.accepted) == sorted([routine_one.number, routine_two.number])
    assert dict(result.left_out) == {
        warned.number: "It is not routine: The rules found a warning.",
        already.number: "It is no longer waiting for screening.",
    }
    for application in (routine_one, routine_two):
        application.refresh_from_db()
        assert application.status == Status.ACCEPTED
        assert Letter.objects.filter(application=application, kind=LetterKind.ACKNOWLEDGEMENT).count() == 1
        change = StatusChange.objects.get(application=application, to_status=Status.ACCEPTED)
        assert change.actor == officer
    warned.refresh_from_db()
    assert warned.status == Status.SUBMITTED
    assert not Letter.objects.filter(application=warned).exists()


@pytest.mark.django_db
def test_only_a_screening_officer_accepts_and_never_for_an_untriaged_program(
    officer, decision_maker, submitted, no_quality_assurance_draw
):
    with pytest.raises(PermissionDenied):
        bulk.routine_files_accept(
            actor=decision_maker, public_ids=[str(submitted.public_id)], on=SUBMITTED_ON
        )
    result = bulk.routine_files_accept(actor=officer, public_ids=[str(submitted.public_id)], on=SUBMITTED_ON)
    assert result.accepted == []
    assert result.left_out == [(submitted.number, "It is not routine: Its program is not triaged.")]


@pytest.mark.django_db
def test_the_screening_queue_lets_an_officer_select_routine_files_and_accept_them(client, officer, files):
    routine_one, routine_two, warned, _already = files
    RulesAssessment.objects.filter(application=warned).update(warnings=1)
    client.force_login(officer)
    queue = client.get(reverse("casework:home"), {"queue": Queue.SCREENING.value}).content.decode()
    assert queue.count('name="files"') == 3
    assert f'value="{warned.public_id}" form="bulk-accept"' not in queue

    response = client.post(
        reverse("casework:routine_accept"),
        {"files": [str(routine_one.public_id), str(routine_two.public_id), str(warned.public_id)]},
        follow=True,
    )
    html = response.content.decode()
    assert "2 files accepted" in html
    assert f"{warned.number} was left out. It is not routine: The rules found a warning." in html

    french = client.post(
        "/fr" + reverse("casework:routine_accept")[3:], {"files": []}, follow=True
    ).content.decode()
    assert "Sélectionnez les dossiers à accepter." in french
