"""The work queues tell the truth: "Ready for decision" lists only files that can be decided
now; a sponsorship held up by its sponsor's assessment, by Quebec (SP-70) or by a requested
police certificate (SP-185) is listed where it waits, with what it waits for."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from portique.casework import selectors, services
from portique.casework.choices import Queue
from portique.casework.sponsorship import (
    decision_blockers,
    police_certificate_record_received,
    police_certificate_request,
    quebec_decision_record,
    sponsor_assess,
)
from tests import sponsorship_journey as sj
from tests.conftest import _user
from tests.documents.files import pdf_bytes, upload

from .factories import submitted_application
from .test_services import accept
from .test_sponsorship_decisions import ON, PA, _accepted, _quebec_sponsor, _submitted

READY = Queue.READY_FOR_DECISION
WAITING = Queue.WAITING_FOR_QUEBEC_OR_POLICE
TO_ASSESS = Queue.SPONSOR_TO_ASSESS


def queue_of(queue, *, today=ON) -> set:
    return set(selectors.queue_items(queue=queue, today=today).values_list("pk", flat=True))


def queues_holding(application, *, today=ON) -> set:
    return {queue for queue in Queue if application.pk in queue_of(queue, today=today)}


def in_processing(officer, application):
    services.processing_start(actor=officer, public_id=application.public_id)
    return application


def another_sponsor(number: int):
    # One sponsor cannot file a second sponsorship of the same person while the first is pending (IRPR 10(5)).
    return _user(f"sponsor{number}@example.ca", "applicant", first_name="Sponsor", last_name=str(number))


def on_the_day(day):
    return time_machine.travel(
        datetime.combine(day, time(12), tzinfo=ZoneInfo("America/Toronto")), tick=False
    )


@pytest.mark.django_db
def test_a_sponsorship_waits_for_its_sponsor_assessment_then_is_ready(applicant, officer, decision_maker):
    application = _submitted(applicant)
    _accepted(officer, application)
    assert TO_ASSESS in queues_holding(application)  # accepted: the sponsor can be assessed already
    in_processing(officer, application)
    assert TO_ASSESS in queues_holding(application) and READY not in queues_holding(application)
    assert decision_blockers(application, approving=False, on=ON)  # the rules agree: nothing can be decided
    sponsor_assess(actor=decision_maker, public_id=application.public_id, approved=True, on=ON)
    held = queues_holding(application)
    assert READY in held and TO_ASSESS not in held and WAITING not in held
    # An approval still waits for the biometrics and medical exams the rules require.
    waiting = " ".join(str(item) for item in decision_blockers(application, approving=True, on=ON))
    assert "biometric" in waiting and "medical" in waiting
    sj.collect_before_decision(officer, application)
    assert decision_blockers(application, approving=True, on=ON) == []


@pytest.mark.django_db
def test_a_pr_card_is_never_held_for_a_sponsor_quebec_or_police(applicant, officer):
    application = submitted_application(applicant)
    accept(officer, application)
    in_processing(officer, application)
    held = queues_holding(application)
    assert READY in held and TO_ASSESS not in held and WAITING not in held


@pytest.mark.django_db
def test_a_quebec_sponsorship_waits_for_quebec_until_its_decision_is_recorded(
    applicant, officer, decision_maker
):
    application = _submitted(applicant, sponsor=_quebec_sponsor())
    _accepted(officer, application)
    in_processing(officer, application)
    sponsor_assess(actor=decision_maker, public_id=application.public_id, approved=True, on=ON)
    held = queues_holding(application)
    assert WAITING in held and READY not in held and TO_ASSESS not in held
    [hold] = selectors.holds_of([application], today=ON)[application.pk]
    assert (hold.kind, hold.since) == ("quebec", ON)
    assert decision_blockers(application, approving=False, on=ON)
    quebec_decision_record(
        actor=officer,
        public_id=application.public_id,
        approved=False,
        decided_on=ON,
        reference="Q-12",
        notes="Undertaking refused.",
        on=ON,
    )
    # Quebec refused: the file can be decided now (a refusal for everyone), so it is ready.
    held = queues_holding(application)
    assert READY in held and WAITING not in held
    assert selectors.holds_of([application], today=ON)[application.pk] == []
    assert decision_blockers(application, approving=False, on=ON) == []


@pytest.mark.django_db
def test_a_requested_police_certificate_holds_the_file_until_it_is_recorded_received(
    applicant, officer, decision_maker
):
    application = _submitted(applicant, explain_police=True)
    _accepted(officer, application)
    in_processing(officer, application)
    sponsor_assess(actor=decision_maker, public_id=application.public_id, approved=True, on=ON)
    # A letter of explanation not yet accepted holds an approval up, not a refusal (SP-185):
    # the file can be decided, so it is ready (the decision page says what an approval needs).
    assert READY in queues_holding(application)
    assert decision_blockers(application, approving=False, on=ON) == []
    due = ON + timedelta(days=30)
    follow_up = police_certificate_request(
        actor=officer, public_id=application.public_id, position=PA, country="NG", due_on=due, on=ON
    )
    held = queues_holding(application)
    assert WAITING in held and Queue.AWAITING_RESPONSE in held and READY not in held
    [hold] = selectors.holds_of([application], today=ON)[application.pk]
    assert (hold.kind, hold.country, hold.name, hold.due_on, hold.answered, hold.overdue) == (
        "police",
        "NG",
        "Chidi Emeka Okafor",
        due,
        False,
        False,
    )
    services.request_answer(
        actor=applicant,
        public_id=application.public_id,
        request_id=follow_up.request.public_id,
        files=[upload("police-ng.pdf", pdf_bytes(1), "application/pdf")],
        text="Here it is.",
        on=ON,
    )
    # Answered but not recorded received: still held, and no longer awaiting the applicant.
    held = queues_holding(application)
    assert WAITING in held and Queue.AWAITING_RESPONSE not in held and READY not in held
    [hold] = selectors.holds_of([application], today=ON)[application.pk]
    assert hold.answered and not hold.overdue
    assert decision_blockers(application, approving=False, on=ON)
    # After the deadline a refusal no longer waits for it: ready, the column says an approval does.
    later = due + timedelta(days=1)
    held = queues_holding(application, today=later)
    assert READY in held and WAITING not in held
    [hold] = selectors.holds_of([application], today=later)[application.pk]
    assert hold.overdue
    assert decision_blockers(application, approving=False, on=later) == []
    assert decision_blockers(application, approving=True, on=later)
    police_certificate_record_received(
        actor=officer, public_id=application.public_id, position=PA, country="NG", received_on=ON, on=ON
    )
    held = queues_holding(application)
    assert READY in held and WAITING not in held
    assert selectors.holds_of([application], today=ON)[application.pk] == []
    sj.collect_before_decision(officer, application)
    assert decision_blockers(application, approving=True, on=ON) == []


@pytest.fixture
def client_for(client):
    def signed_in(user):
        client.force_login(user)
        return client

    return signed_in


@pytest.mark.django_db
def test_the_counts_agree_with_the_lists_and_the_held_files_say_what_they_wait_for(
    client_for, applicant, officer, decision_maker, supervisor
):
    with on_the_day(ON):
        not_assessed = _submitted(applicant)
        _accepted(officer, not_assessed)
        in_processing(officer, not_assessed)
        quebec = _submitted(another_sponsor(1), sponsor=_quebec_sponsor())
        _accepted(officer, quebec)
        in_processing(officer, quebec)
        sponsor_assess(actor=decision_maker, public_id=quebec.public_id, approved=True, on=ON)
        police = _submitted(another_sponsor(2), explain_police=True)
        _accepted(officer, police)
        in_processing(officer, police)
        sponsor_assess(actor=decision_maker, public_id=police.public_id, approved=True, on=ON)
        police_certificate_request(
            actor=officer,
            public_id=police.public_id,
            position=PA,
            country="NG",
            due_on=ON + timedelta(days=30),
            on=ON,
        )
        ready = _submitted(another_sponsor(3))
        _accepted(officer, ready)
        in_processing(officer, ready)
        sponsor_assess(actor=decision_maker, public_id=ready.public_id, approved=True, on=ON)

        client = client_for(supervisor)
        home = client.get(reverse("casework:home"))
        counts = dict(home.context["counts"])
        assert set(counts) == set(Queue)
        listed = {}
        for queue, count in counts.items():
            response = client.get(reverse("casework:home"), {"queue": queue.value})
            assert response.status_code == 200
            assert response.context["page"].count == count, queue
            listed[queue] = {application.pk for application in response.context["page"]}
        assert listed[READY] == {ready.pk}
        assert listed[WAITING] == {quebec.pk, police.pk}
        assert listed[TO_ASSESS] == {not_assessed.pk}
        page = client.get(reverse("casework:home"), {"queue": WAITING.value}).content.decode()
        assert "Waiting for" in page
        assert "Quebec's decision on the undertaking (asked on" in page
        assert "Police certificate from Nigeria for Chidi Emeka Okafor" in page
        french = client.get(reverse("casework:home").replace("/en/", "/fr/"), {"queue": WAITING.value})
        assert "Certificat de police" in french.content.decode()

        # A screening officer follows the holds but neither assesses sponsors nor decides.
        client.logout()
        counts = client_for(officer).get(reverse("casework:home")).context["counts"]
        officer_queues = [queue for queue, _count in counts]
        assert WAITING in officer_queues and TO_ASSESS not in officer_queues and READY not in officer_queues


@pytest.mark.django_db
def test_the_waiting_queue_runs_the_same_number_of_queries_for_one_held_file_or_two(
    client_for, officer, decision_maker
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def held_by_quebec(number):
        application = _submitted(another_sponsor(number), sponsor=_quebec_sponsor())
        _accepted(officer, application)
        sponsor_assess(actor=decision_maker, public_id=application.public_id, approved=True, on=ON)

    with on_the_day(ON):
        held_by_quebec(1)
        client = client_for(decision_maker)

        def queries() -> int:
            with CaptureQueriesContext(connection) as captured:
                response = client.get(reverse("casework:home"), {"queue": WAITING.value})
            assert response.status_code == 200
            return len(captured)

        queries()
        one = queries()
        held_by_quebec(2)
        assert queries() == one
