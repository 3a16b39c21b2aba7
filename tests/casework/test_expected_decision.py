"""When to expect a decision: the figure from a seeded history with known answers."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portique.applications import ports
from portique.applications.choices import Status
from portique.applications.models import Application, StatusChange
from portique.casework import selectors
from portique.casework.choices import Queue

from .decision_history import at_noon, decided_files

TEN = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]


@pytest.fixture
def today():
    return timezone.localdate()


def figure(today, program="pr_card", stage=Status.IN_PROCESSING):
    return selectors.expected_decision(program=program, stage=stage, today=today).times


def test_ten_files_decided_after_10_to_100_days(applicant, today):
    decided_files(applicant, days=TEN, decided_on=today - timedelta(days=3))
    times = figure(today)
    assert times.enough
    assert (times.within_count, times.sample, times.within_days, times.median_days) == (8, 10, 80, 50)


def test_nine_files_are_not_enough(applicant, today):
    decided_files(applicant, days=TEN[:9], decided_on=today)
    times = figure(today)
    assert not times.enough and times.sample == 9


def test_refusals_count_and_withdrawals_do_not(applicant, today):
    decided_files(applicant, days=TEN[:5], decided_on=today)
    decided_files(applicant, days=TEN[5:], decided_on=today, outcome=Status.REFUSED)
    decided_files(applicant, days=[1, 1, 1], decided_on=today, outcome=Status.WITHDRAWN)
    assert (figure(today).sample, figure(today).within_days) == (10, 80)


def test_only_the_same_program_the_same_stage_and_the_window(applicant, today):
    decided_files(applicant, days=TEN, decided_on=today)
    # Another program, decided fast.
    decided_files(applicant, days=[1] * 10, decided_on=today, program="stay_extension")
    # Decided more than a year ago.
    decided_files(applicant, days=[1] * 10, decided_on=today - timedelta(days=selectors.DECISION_WINDOW_DAYS + 1))
    # Decided straight after acceptance: never "in processing".
    decided_files(applicant, days=[1] * 10, decided_on=today, stage=Status.ACCEPTED)
    times = figure(today)
    assert (times.sample, times.within_days) == (10, 80)
    assert figure(today, program="stay_extension").within_days == 1
    # From acceptance, all twenty pr_card files in the window count: the seeded ones were
    # accepted a day before processing started.
    from_acceptance = figure(today, stage=Status.ACCEPTED)
    assert from_acceptance.sample == 20


def test_the_figure_follows_the_office(applicant, today):
    decided_files(applicant, days=TEN, decided_on=today - timedelta(days=1))
    assert figure(today).within_days == 80
    # Ten slow files decided since: now most similar files took 200 days.
    decided_files(applicant, days=[200] * 10, decided_on=today)
    times = figure(today)
    assert (times.within_count, times.sample, times.within_days) == (20, 20, 200)


def test_the_sample_is_bounded(applicant, today, monkeypatch):
    monkeypatch.setattr(selectors, "DECISION_SAMPLE_LIMIT", 5)
    decided_files(applicant, days=[100] * 5, decided_on=today - timedelta(days=10))
    decided_files(applicant, days=[7] * 5, decided_on=today)
    # The five most recent decisions only.
    assert selectors.recent_decision_durations(program="pr_card", stage=Status.IN_PROCESSING, today=today) == [7] * 5


def test_one_query(applicant, today, django_assert_num_queries):
    decided_files(applicant, days=TEN, decided_on=today)
    with django_assert_num_queries(1):
        figure(today)


def test_a_file_in_processing_gets_its_stage_and_the_day_it_reached_it(applicant, today):
    decided_files(applicant, days=TEN, decided_on=today)
    waiting = Application.objects.create(program="pr_card", owner=applicant, status=Status.IN_PROCESSING)
    change = StatusChange.objects.create(
        application=waiting, from_status=Status.ACCEPTED, to_status=Status.IN_PROCESSING
    )
    StatusChange.objects.filter(pk=change.pk).update(at=at_noon(today - timedelta(days=12)))
    expected = ports.expected_decision(application=waiting, today=today)
    assert expected.stage == Status.IN_PROCESSING
    assert expected.entered_on == today - timedelta(days=12)
    assert expected.times.within_days == 80


def test_no_figure_once_decided(applicant, today):
    (decided,) = decided_files(applicant, days=[5], decided_on=today)
    assert ports.expected_decision(application=decided, today=today) is None


def test_officers_see_the_figure_per_queue(applicant, today):
    decided_files(applicant, days=TEN, decided_on=today)
    rows = selectors.expected_decisions_for_queue(queue=Queue.READY_FOR_DECISION, today=today)
    by_program = {row.program: row.times for row in rows}
    assert by_program["pr_card"].within_days == 80
    assert not by_program["stay_extension"].enough
    only = selectors.expected_decisions_for_queue(queue=Queue.SCREENING, today=today, program="pr_card")
    assert [(row.program, row.stage) for row in only] == [("pr_card", Status.SUBMITTED)]


def test_the_applicant_reads_it_on_their_status_page(client, applicant, submitted, today):
    client.force_login(applicant)
    url = reverse("applications:overview", args=[submitted.public_id])
    page = client.get(url).content.decode()
    assert "When to expect a decision" in page
    assert "Not enough data yet." in page
    assert "No similar application was decided recently." in page
    decided_files(applicant, days=TEN, decided_on=today, stage=Status.SUBMITTED)
    page = client.get(url).content.decode()
    assert "8 of 10 similar applications were decided within 80 days of reaching this stage." in page
    assert "Half of them were decided within 50 days." in page
    assert "in the last 365 days" in page
    page = client.get("/fr" + url.removeprefix("/en")).content.decode()
    assert "8 demandes semblables sur 10 ont été décidées dans les 80 jours" in page


def test_the_officer_reads_it_above_the_queue(client, officer, applicant, today):
    decided_files(applicant, days=TEN, decided_on=today, stage=Status.SUBMITTED)
    client.force_login(officer)
    page = client.get(reverse("casework:home") + "?queue=screening").content.decode()
    assert "When files at this stage are usually decided" in page
    assert "8 of 10 within 80 days" in page


def test_on_a_seeded_day_in_the_past(applicant):
    # The window is counted back from the day asked, not from the clock.
    day = date(2026, 6, 1)
    decided_files(applicant, days=TEN, decided_on=day)
    assert figure(day).within_days == 80
    assert figure(day + timedelta(days=selectors.DECISION_WINDOW_DAYS + 1)).sample == 0


def test_a_decision_writes_the_file_s_wait_at_each_stage(officer, submitted):
    from portique.applications.models import StageDecision
    from portique.applications.services import application_transition

    for status in (Status.ACCEPTED, Status.IN_PROCESSING, Status.APPROVED):
        application_transition(application=submitted, to_status=status, actor=officer, reason="test")
    waits = {row.stage: row for row in StageDecision.objects.filter(application=submitted)}
    assert set(waits) == {Status.SUBMITTED, Status.ACCEPTED, Status.IN_PROCESSING}
    decided = StatusChange.objects.get(application=submitted, to_status=Status.APPROVED)
    assert all(row.decided_at == decided.at and row.program == "pr_card" for row in waits.values())
    assert waits[Status.SUBMITTED].reached_at == StatusChange.objects.get(
        application=submitted, to_status=Status.SUBMITTED
    ).at


def test_the_migration_fills_the_waits_from_the_history(applicant, today):
    import importlib

    from django.apps import apps

    from portique.applications.models import StageDecision

    decided_files(applicant, days=TEN, decided_on=today)
    StageDecision.objects.all().delete()
    assert figure(today).sample == 0
    migration = importlib.import_module("portique.applications.migrations.0009_urgent_flag_and_stage_decisions")
    migration.fill_from_history(apps, None)
    assert (figure(today).sample, figure(today).within_days) == (10, 80)
    assert StageDecision.objects.count() == 30
