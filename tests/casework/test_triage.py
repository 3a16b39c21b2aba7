"""Triage labels each submitted file routine or needing review, with the reasons; it is off
until an administrator switches it on for a program (audited); the queues show the label and
the rules' one line, filter on it, and read a page of files in a fixed number of queries."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portique.applications import services as application_services
from portique.applications.choices import Channel
from portique.applications.models import Application, RulesAssessment
from portique.applications.submission.assessment import assessment_freeze
from portique.casework import services, triage
from portique.casework.choices import Queue
from portique.casework.models import TriageSwitch, TriageSwitchChange
from portique.rules.reasons import Reason, Severity
from tests.conftest import _user

from .factories import SUBMITTED_ON, submitted_application
from .test_services import ON, accept


def switch_on(administrator, application):
    return triage.triage_switch(
        actor=administrator,
        program=application.program,
        enabled=True,
        reason="Pilot approved by the director.",
    )


def label(application):
    return triage.label_file(application)


# --- The switch ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_triage_is_off_by_default_and_only_an_administrator_switches_it_with_a_record(
    administrator, officer, submitted
):
    assert label(submitted) is None

    with pytest.raises(PermissionDenied):
        triage.triage_switch(actor=officer, program=submitted.program, enabled=True, reason="Faster.")
    with pytest.raises(triage.TriageError):
        triage.triage_switch(actor=administrator, program=submitted.program, enabled=True, reason=" ")
    assert not TriageSwitch.objects.exists() and not TriageSwitchChange.objects.exists()

    switch_on(administrator, submitted)
    switch_on(administrator, submitted)  # already on: nothing new to record
    assert label(submitted).routine
    triage.triage_switch(actor=administrator, program=submitted.program, enabled=False, reason="Paused.")
    assert label(submitted) is None

    changes = list(TriageSwitchChange.objects.order_by("at", "id").values_list("enabled", "actor", "reason"))
    assert changes == [
        (True, administrator.pk, "Pilot approved by the director."),
        (False, administrator.pk, "Paused."),
    ]


# --- The labels ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_complete_file_with_nothing_to_review_is_routine(administrator, submitted):
    switch_on(administrator, submitted)
    found = label(submitted)
    assert found.routine and found.reasons == ()
    assert found.text == "Routine"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("counts", "reason"),
    [
        ({"blocking": 1}, "The rules found something blocking."),
        ({"warnings": 2}, "The rules found a warning."),
        ({"officer_review": 1}, "The rules leave a point to an officer."),
    ],
)
def test_what_the_rules_found_makes_a_file_need_review(administrator, submitted, counts, reason):
    switch_on(administrator, submitted)
    RulesAssessment.objects.filter(application=submitted).update(**counts)
    found = label(submitted)
    assert not found.routine and found.reasons == (reason,)
    assert found.text == "Needs review"


@pytest.mark.django_db
def test_the_counts_come_from_the_evaluation_frozen_at_submission(submitted):
    now = application_services.application_evaluate(application=submitted, on=SUBMITTED_ON)
    warned = replace(
        now,
        findings=now.findings
        + (
            Reason(
                "PHOTO_MAY_BE_REJECTED",
                "PRC-62",
                "IMM 5445",
                "The photo may be rejected.",
                "La photo…",
                Severity.WARNING,
            ),
        ),
        details={**now.details, "biometrics": {"p0": {"required": True, "needs_officer_review": True}}},
    )
    RulesAssessment.objects.filter(application=submitted).delete()
    kept = assessment_freeze(
        application=submitted, submission=submitted.submission, evaluation=warned, on=SUBMITTED_ON
    )
    assert (kept.blocking, kept.warnings, kept.officer_review) == (0, 1, 1)
    assert kept.summary_en == "The photo may be rejected."


@pytest.mark.django_db
def test_paper_quality_assurance_and_an_open_request_each_make_a_file_need_review(
    administrator, officer, applicant
):
    paper, drawn, asked = (
        submitted_application(_user(f"person{n}@example.ca", "applicant")) for n in range(3)
    )
    switch_on(administrator, paper)
    Application.objects.filter(pk=paper.pk).update(
        channel=Channel.PAPER, owner=None, received_on=SUBMITTED_ON
    )
    accept(officer, drawn, draw=lambda: 0.0)
    accept(officer, asked)
    services.request_send(
        actor=officer,
        public_id=asked.public_id,
        description="Your lease.",
        due_on=ON + timedelta(days=30),
        on=ON,
    )

    assert label(paper).reasons == ("Filed on paper.",)
    assert label(drawn).reasons == ("Drawn for quality assurance.",)
    assert label(asked).reasons == ("A request to the applicant is open.",)


@pytest.mark.django_db
def test_a_file_without_a_kept_assessment_needs_review(administrator, submitted):
    switch_on(administrator, submitted)
    RulesAssessment.objects.filter(application=submitted).delete()
    assert label(submitted).reasons == ("The rules' assessment was not kept at submission.",)


# --- The queues ---------------------------------------------------------------------------------


def queue_page(client, officer, **params):
    client.force_login(officer)
    return client.get(reverse("casework:home"), {"queue": Queue.SCREENING.value, **params})


@pytest.mark.django_db
def test_the_queue_shows_the_label_and_the_rules_line_and_filters_on_it(
    client, administrator, officer, submitted
):
    other = submitted_application(_user("second@example.ca", "applicant"))
    RulesAssessment.objects.filter(application=other).update(
        warnings=1, summary_en="The photo may be rejected."
    )

    hidden = queue_page(client, officer).content.decode()
    assert "Needs review" not in hidden and 'name="triage"' not in hidden
    assert "The rules found nothing to review." in hidden

    switch_on(administrator, submitted)
    shown = queue_page(client, officer).content.decode()
    assert "Routine" in shown and "Needs review" in shown
    assert "1 warning. The photo may be rejected." in shown

    routine = queue_page(client, officer, triage="routine").content.decode()
    assert submitted.number in routine and other.number not in routine
    review = queue_page(client, officer, triage="review").content.decode()
    assert other.number in review and submitted.number not in review

    french = client.get(
        "/fr" + reverse("casework:home")[3:], {"queue": Queue.SCREENING.value}
    ).content.decode()
    assert "Courant" in french and "À examiner" in french


@pytest.mark.django_db
def test_a_queue_page_costs_the_same_queries_for_one_file_as_for_ten(
    client, administrator, officer, submitted
):
    switch_on(administrator, submitted)
    queue_page(client, officer)  # the first page of a session also writes the session
    with CaptureQueriesContext(connection) as one:
        assert queue_page(client, officer).status_code == 200
    for n in range(9):
        submitted_application(_user(f"more{n}@example.ca", "applicant"))
    with CaptureQueriesContext(connection) as ten:
        response = queue_page(client, officer)
    assert response.content.decode().count("Routine</strong>") == 10
    assert len(ten.captured_queries) == len(one.captured_queries)
