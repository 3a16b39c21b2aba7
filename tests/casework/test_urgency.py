"""The urgent flag: the applicant or their active representative sets it with a reason; officers
see it, sort on it, and set or clear it with a reason the applicant reads."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation

from portique.applications import urgency
from portique.applications.choices import Status
from portique.applications.models import Application
from portique.casework import selectors, services
from portique.casework.choices import Queue
from portique.casework.services import CaseworkError
from portique.representation import services as representation_services
from tests.casework.factories import SUBMITTED_ON, submitted_application
from tests.representation.conftest import accepted
from tests.rules.forms.test_imm5444_validation import complete_answers


def test_marking_urgent_needs_a_reason(applicant, submitted):
    with pytest.raises(urgency.UrgencyError) as refused:
        urgency.application_urgency_change(actor=applicant, public_id=submitted.public_id, urgent=True, reason="  ")
    assert refused.value.field == "reason"
    submitted.refresh_from_db()
    assert not submitted.urgent and not submitted.urgency_changes.exists()


def test_the_applicant_marks_the_file_urgent_and_clears_it(applicant, submitted):
    change = urgency.application_urgency_change(
        actor=applicant, public_id=submitted.public_id, urgent=True, reason="My mother is gravely ill in Lyon."
    )
    submitted.refresh_from_db()
    assert submitted.urgent
    assert (change.actor, change.reason, change.by_office) == (applicant, "My mother is gravely ill in Lyon.", False)
    # A double click records nothing more.
    again = urgency.application_urgency_change(
        actor=applicant, public_id=submitted.public_id, urgent=True, reason="My mother is gravely ill in Lyon."
    )
    assert again is None and submitted.urgency_changes.count() == 1
    urgency.application_urgency_change(actor=applicant, public_id=submitted.public_id, urgent=False, reason="")
    submitted.refresh_from_db()
    assert not submitted.urgent
    assert [c.urgent for c in submitted.urgency_changes.all()] == [True, False]


def test_an_outsider_cannot(other_applicant, submitted):
    with pytest.raises(Http404):
        urgency.application_urgency_change(actor=other_applicant, public_id=submitted.public_id, urgent=True, reason="x")


def test_not_once_decided(applicant, submitted):
    Application.objects.filter(pk=submitted.pk).update(status=Status.APPROVED)
    with pytest.raises(urgency.UrgencyError):
        urgency.application_urgency_change(actor=applicant, public_id=submitted.public_id, urgent=True, reason="x")


def test_the_active_representative_may_and_not_after_the_end(representative, applicant):
    application, representation = accepted(representative, applicant)
    Application.objects.filter(pk=application.pk).update(status=Status.SUBMITTED)
    urgency.application_urgency_change(
        actor=representative, public_id=application.public_id, urgent=True, reason="Work trip on 2027-01-10."
    )
    # The client reads and may change it too.
    urgency.application_urgency_change(actor=applicant, public_id=application.public_id, urgent=False, reason="")
    representation_services.representation_revoke(actor=applicant, public_id=representation.public_id)
    with pytest.raises(Http404):
        urgency.application_urgency_change(
            actor=representative, public_id=application.public_id, urgent=True, reason="again"
        )


def test_officers_set_and_clear_with_a_reason(officer, applicant, submitted):
    with pytest.raises(CaseworkError):
        services.case_urgency_set(actor=officer, public_id=submitted.public_id, urgent=True, reason="")
    services.case_urgency_set(
        actor=officer, public_id=submitted.public_id, urgent=True, reason="Travel for a funeral, confirmed by phone."
    )
    submitted.refresh_from_db()
    assert submitted.urgent
    change = urgency.latest_change(submitted)
    assert change.by_office and change.actor == officer
    history = selectors.history_of(submitted)
    assert any(entry.detail == "Travel for a funeral, confirmed by phone." for entry in history)


def test_an_applicant_is_no_officer(applicant, submitted):
    with pytest.raises(PermissionDenied):
        services.case_urgency_set(actor=applicant, public_id=submitted.public_id, urgent=True, reason="x")


def test_the_queue_sorts_urgent_files_first_where_asked(officer, applicant, other_applicant, submitted, their_submitted):
    today = timezone.localdate()
    # ``submitted`` came first: oldest first, it leads; urgent first, the urgent one leads.
    urgency.application_urgency_change(
        actor=other_applicant, public_id=their_submitted.public_id, urgent=True, reason="Surgery abroad."
    )
    oldest = list(selectors.queue_items(queue=Queue.SCREENING, today=today, sort="oldest"))
    urgent = list(selectors.queue_items(queue=Queue.SCREENING, today=today, sort="urgent"))
    assert oldest[0] == submitted
    assert urgent[0] == their_submitted and urgent[0].urgent


def test_pages(client, applicant, officer, submitted):
    client.force_login(applicant)
    status = client.get(reverse("applications:overview", args=[submitted.public_id])).content.decode()
    assert "Your application is not marked urgent." in status
    url = reverse("applications:urgency", args=[submitted.public_id])
    response = client.post(url, {"urgent": "yes", "reason": ""})
    assert response.status_code == 400
    assert "Say why your application is urgent." in response.content.decode()
    response = client.post(url, {"urgent": "yes", "reason": "My father is in hospital."}, follow=True)
    page = response.content.decode()
    assert "Marked urgent" in page and "My father is in hospital." in page

    client.force_login(officer)
    queue = client.get(reverse("casework:home") + "?queue=screening&sort=urgent").content.decode()
    assert 'class="tag-urgent"' in queue
    screening = client.get(reverse("casework:screening", args=[submitted.public_id])).content.decode()
    assert "My father is in hospital." in screening
    response = client.post(
        reverse("casework:urgency", args=[submitted.public_id]),
        {"urgent": "no", "urgency-reason": "The trip is after the expected decision.", "back": "screening"},
    )
    assert response.url == reverse("casework:screening", args=[submitted.public_id])
    client.force_login(applicant)
    status = client.get(reverse("applications:overview", args=[submitted.public_id])).content.decode()
    assert "Your application is no longer marked urgent." in status
    assert "The trip is after the expected decision." in status
    assert "Changed by the office on" in status


def _answered_urgent(departure_in_days: int, reason: str = "family_illness_or_death") -> dict:
    answers = complete_answers()
    answers["application"].update(
        urgent="yes",
        departure_date=(SUBMITTED_ON + timedelta(days=departure_in_days)).isoformat(),
        urgent_reason=reason,
    )
    return answers


def test_an_application_that_asks_for_urgent_processing_is_marked_urgent_when_submitted(applicant):
    # Travel in six weeks for a family member's illness, with the four documents uploaded: the
    # rules find the request can stand, and the officers' queues see the file as urgent at once.
    application = submitted_application(applicant, answers=_answered_urgent(42))
    application.refresh_from_db()
    assert application.urgent
    change = application.urgency_changes.get()
    assert (change.actor, change.by_office, change.reason) == (applicant, False, "")
    with translation.override("en"):
        assert str(urgency.urgency_of(application).reason).startswith("Urgent processing was asked for in the application")
    with translation.override("fr"):
        assert str(urgency.urgency_of(application).reason).startswith("Un traitement urgent a été demandé dans la demande")


def test_a_request_the_rules_say_cannot_be_urgent_does_not_mark_the_file(applicant):
    # Travel in five months is beyond the three months urgent processing is for (PRC-95).
    application = submitted_application(applicant, answers=_answered_urgent(150))
    application.refresh_from_db()
    assert not application.urgent and not application.urgency_changes.exists()


def test_an_application_that_does_not_ask_is_not_marked(submitted):
    assert not submitted.urgent and not submitted.urgency_changes.exists()
