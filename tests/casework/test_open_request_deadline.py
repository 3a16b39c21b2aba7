"""Each file's earliest open request deadline (``Application.open_request_due_on``, issue 19): kept
by the request services, it is what the work queues sort "earliest deadline first" by and what
puts a file in "Waiting for an answer" or "Overdue"."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db.models import Min
from django.urls import reverse
from django.utils import timezone

from portique.applications.models import NO_DEADLINE, Application
from portique.casework import services
from portique.casework.choices import RequestState
from portique.casework.models import DocumentRequest
from tests.documents.files import pdf_bytes, upload

from .factories import submitted_application
from .test_services import accept


def kept(application) -> object:
    return Application.objects.values_list("open_request_due_on", flat=True).get(pk=application.pk)


def worked_out(application) -> object:
    earliest = DocumentRequest.objects.filter(application=application, state=RequestState.OPEN).aggregate(
        earliest=Min("due_on")
    )["earliest"]
    return earliest or NO_DEADLINE


def send(officer, application, *, due_in: int, sent_days_ago: int = 0):
    today = timezone.localdate()
    return services.request_send(
        actor=officer,
        public_id=application.public_id,
        description="A clearer copy of the passport.",
        due_on=today + timedelta(days=due_in),
        on=today - timedelta(days=sent_days_ago),
    )


def answer(applicant, application, request) -> None:
    services.request_answer(
        actor=applicant,
        public_id=application.public_id,
        request_id=request.public_id,
        files=[upload("passport.pdf", pdf_bytes(1), "application/pdf")],
        text="Here it is.",
        on=timezone.localdate(),
    )


@pytest.mark.django_db
def test_the_file_keeps_the_earliest_deadline_of_its_open_requests(officer, applicant, submitted):
    accept(officer, submitted)
    today = timezone.localdate()
    assert kept(submitted) == NO_DEADLINE
    later = send(officer, submitted, due_in=30)
    assert kept(submitted) == today + timedelta(days=30)
    sooner = send(officer, submitted, due_in=10)
    assert kept(submitted) == today + timedelta(days=10) == worked_out(submitted)
    # The sooner one answered, the later one is what the file waits for; then nothing.
    answer(applicant, submitted, sooner)
    assert kept(submitted) == today + timedelta(days=30) == worked_out(submitted)
    answer(applicant, submitted, later)
    assert kept(submitted) == NO_DEADLINE == worked_out(submitted)


@pytest.mark.django_db
def test_waiting_and_overdue_follow_the_earliest_deadline(client, officer, applicant, submitted):
    accept(officer, submitted)
    url = reverse("casework:home")
    client.force_login(officer)

    def queue(name) -> list[str]:
        return [application.number for application in client.get(url, {"queue": name}).context["page"]]

    send(officer, submitted, due_in=20)
    assert (queue("awaiting_response"), queue("overdue")) == ([submitted.number], [])
    # A second request, sent two weeks ago and due yesterday: overdue, and no longer only waiting.
    late = send(officer, submitted, due_in=-1, sent_days_ago=14)
    assert (queue("awaiting_response"), queue("overdue")) == ([], [submitted.number])
    answer(applicant, submitted, late)
    assert (queue("awaiting_response"), queue("overdue")) == ([submitted.number], [])


@pytest.mark.django_db
def test_the_queue_sorted_by_deadline_puts_the_soonest_first_and_files_without_one_last(
    client, officer, applicant, other_applicant
):
    first, second, third = (submitted_application(owner) for owner in (applicant, other_applicant, applicant))
    for application in (first, second, third):
        accept(officer, application)
    send(officer, first, due_in=15)
    send(officer, third, due_in=5)
    client.force_login(officer)
    response = client.get(reverse("casework:home"), {"queue": "awaiting_processing", "sort": "due"})
    assert [application.number for application in response.context["page"]] == [
        third.number,
        first.number,
        second.number,
    ]
    # The deadline column shows each date, and a dash for the file without a request.
    shown = [application.next_due_on for application in response.context["page"]]
    today = timezone.localdate()
    assert shown == [today + timedelta(days=5), today + timedelta(days=15), None]
    assert "9999" not in response.content.decode()
