"""The officers' pages and the applicant's messages through HTTP: who may see what."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portique.applications.choices import Status
from portique.casework import services
from portique.casework.choices import AccessKind, Queue
from portique.casework.models import FileAccess, InternalNote
from tests.documents.files import pdf_bytes, upload

from .test_services import ON, accept


@pytest.fixture
def client_for(client):
    def signed_in(user):
        client.force_login(user)
        return client

    return signed_in


def file_url(application, name="casework:file", **kwargs):
    return reverse(name, kwargs={"public_id": application.public_id, **kwargs})


# --- Who gets in ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_applicants_representatives_and_anonymous_visitors_never_see_officer_pages(
    client, client_for, applicant, representative, submitted
):
    urls = [
        reverse("casework:home"),
        reverse("casework:access_log"),
        file_url(submitted),
        file_url(submitted, "casework:screening"),
        file_url(submitted, "casework:decision"),
    ]
    for url in urls:
        assert client.get(url).status_code == 302  # to sign in
    for user in (applicant, representative):
        signed_in = client_for(user)
        for url in urls:
            assert signed_in.get(url).status_code == 404, url
        signed_in.logout()


@pytest.mark.django_db
def test_each_role_sees_only_its_queues(client_for, officer, decision_maker, supervisor, submitted):
    def queues(user):
        response = client_for(user).get(reverse("casework:home"))
        assert response.status_code == 200
        return [queue for queue, _count in response.context["counts"]]

    assert Queue.SCREENING in queues(officer) and Queue.READY_FOR_DECISION not in queues(officer)
    assert Queue.READY_FOR_DECISION in queues(decision_maker) and Queue.SCREENING not in queues(
        decision_maker
    )
    assert set(queues(supervisor)) == set(Queue)
    response = client_for(decision_maker).get(reverse("casework:home"), {"queue": Queue.SCREENING})
    assert response.status_code == 404


@pytest.mark.django_db
def test_the_screening_queue_lists_submissions_oldest_first_with_counts(
    client_for, officer, submitted, their_submitted
):
    response = client_for(officer).get(reverse("casework:home"), {"queue": "screening"})
    assert dict(response.context["counts"])[Queue.SCREENING].value == 2
    assert [a.number for a in response.context["page"]] == [submitted.number, their_submitted.number]
    response = client_for(officer).get(reverse("casework:home"), {"queue": "screening", "sort": "newest"})
    assert [a.number for a in response.context["page"]] == [their_submitted.number, submitted.number]
    response = client_for(officer).get(
        reverse("casework:home"), {"queue": "screening", "q": their_submitted.number}
    )
    assert [a.number for a in response.context["page"]] == [their_submitted.number]


@pytest.mark.django_db
def test_overdue_and_awaiting_queues(client_for, officer, submitted, their_submitted):
    accept(officer, submitted)
    accept(officer, their_submitted)
    today = timezone.localdate()
    services.request_send(
        actor=officer,
        public_id=submitted.public_id,
        description="x",
        due_on=today + timedelta(days=3),
        on=today,
    )
    # The second request was sent a week ago; its deadline was yesterday.
    services.request_send(
        actor=officer,
        public_id=their_submitted.public_id,
        description="y",
        due_on=today - timedelta(days=1),
        on=today - timedelta(days=7),
    )
    page = client_for(officer).get(reverse("casework:home"), {"queue": "overdue"}).context["page"]
    assert [a.number for a in page] == [their_submitted.number]
    page = client_for(officer).get(reverse("casework:home"), {"queue": "awaiting_response"}).context["page"]
    assert [a.number for a in page] == [submitted.number]


@pytest.mark.django_db
def test_officers_never_open_a_draft(client_for, officer, applicant):
    from portique.applications import services as application_services

    draft = application_services.application_start(actor=applicant, program="pr_card")
    assert client_for(officer).get(file_url(draft)).status_code == 404


# --- The file and its log ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_opening_a_file_and_its_documents_is_logged_and_supervisors_read_the_log(
    client_for, officer, supervisor, submitted
):
    signed_in = client_for(officer)
    response = signed_in.get(file_url(submitted))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    document = submitted.documents.filter(state="current").first()
    download = signed_in.get(file_url(submitted, "casework:document", document_id=document.public_id))
    assert download.status_code == 200 and download["Cache-Control"] == "no-store"
    assert b"".join(download.streaming_content)[:4] in (
        b"%PDF",
        b"\xff\xd8\xff\xe0",
        b"\xff\xd8\xff\xe1",
        b"\xff\xd8\xff\xdb",
    )
    kinds = list(FileAccess.objects.filter(officer=officer).values_list("kind", flat=True))
    assert AccessKind.FILE_OPENED in kinds and AccessKind.DOCUMENT_VIEWED in kinds
    # A screening officer does not read the log; a supervisor does.
    assert signed_in.get(reverse("casework:access_log")).status_code == 404
    signed_in.logout()
    log = client_for(supervisor).get(reverse("casework:access_log"))
    assert log.status_code == 200
    assert officer.email in log.content.decode() and document.original_name in log.content.decode()


@pytest.mark.django_db
def test_the_file_shows_forms_documents_payments_signatures_and_history(client_for, officer, submitted):
    body = client_for(officer).get(file_url(submitted)).content.decode()
    assert submitted.submission.confirmation_number in body
    assert "Tremblay" in body and "12 Sparks St, apt 4" in body  # the answers as submitted
    assert "covers exactly what was submitted" in body
    assert "$50.00" in body
    assert "Submitted" in body and "History" in body


@pytest.mark.django_db
def test_internal_notes_are_never_shown_to_the_applicant(client_for, officer, applicant, submitted):
    client = client_for(officer)
    response = client.post(
        file_url(submitted, "casework:note"),
        {
            "text": "Suspicious entry stamp, verify with CBSA.",
            "visibility": "internal",
            "internal_reason": "A check with a partner agency.",
        },
    )
    assert response.status_code == 302
    assert InternalNote.objects.filter(application=submitted).count() == 1
    assert "Suspicious entry stamp" in client.get(file_url(submitted)).content.decode()
    client.logout()
    client = client_for(applicant)
    for url in (
        reverse("applications:overview", args=[submitted.public_id]),
        reverse("applications:confirmation", args=[submitted.public_id]),
    ):
        assert "Suspicious entry stamp" not in client.get(url).content.decode()


# --- Screening and decisions through the pages ------------------------------------------------------------


@pytest.mark.django_db
def test_screening_page_accepts_and_only_screeners_get_it(client_for, officer, decision_maker, submitted):
    assert client_for(decision_maker).get(file_url(submitted, "casework:screening")).status_code == 404
    client = client_for(officer)
    assert client.get(file_url(submitted, "casework:screening")).status_code == 200
    response = client.post(file_url(submitted, "casework:screening"), {"action": "accept"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.ACCEPTED


@pytest.mark.django_db
def test_a_return_without_a_missing_item_shows_the_error_and_changes_nothing(client_for, officer, submitted):
    client = client_for(officer)
    client.get(file_url(submitted, "casework:screening"))
    response = client.post(file_url(submitted, "casework:screening"), {"action": "return"})
    assert response.status_code == 400
    assert "no finding is confirmed" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


@pytest.mark.django_db
def test_a_decision_maker_refuses_without_reasons_and_is_told_at_the_field(
    client_for, officer, decision_maker, submitted
):
    accept(officer, submitted)
    assert client_for(officer).get(file_url(submitted, "casework:decision")).status_code == 404
    client = client_for(decision_maker)
    response = client.post(file_url(submitted, "casework:decision"), {"outcome": "refused", "reasons": ""})
    assert response.status_code == 400
    assert 'href="#id_reasons"' in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Status.ACCEPTED


@pytest.mark.django_db
def test_a_request_deadline_in_the_past_is_refused_at_the_field(client_for, officer, submitted):
    accept(officer, submitted)
    response = client_for(officer).post(
        file_url(submitted, "casework:request_new"),
        {"description": "Bank statements", "due_on": (timezone.localdate() - timedelta(days=1)).isoformat()},
    )
    assert response.status_code == 400
    assert 'href="#id_due_on"' in response.content.decode()
    assert not submitted.document_requests.exists()


# --- The applicant's side -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_applicant_reads_their_letters_and_answers_a_request(client_for, officer, applicant, submitted):
    accept(officer, submitted)
    request = services.request_send(
        actor=officer,
        public_id=submitted.public_id,
        description="Your 2025 notice of assessment.",
        due_on=timezone.localdate() + timedelta(days=30),
        on=timezone.localdate(),
    )
    client = client_for(applicant)
    from django.template import Context, Template

    box = Template('{% include "casework/_messages.html" %}').render(Context({"application": submitted}))
    letter = submitted.letters.get(kind="acknowledgement")
    assert reverse("casework_applicant:letter", args=[submitted.public_id, letter.public_id, "en"]) in box
    pdf = client.get(reverse("casework_applicant:letter", args=[submitted.public_id, letter.public_id, "fr"]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    page = reverse("casework_applicant:request", args=[submitted.public_id, request.public_id])
    assert "Your 2025 notice of assessment." in client.get(page).content.decode()
    response = client.post(page, {"files": [upload("noa.pdf", pdf_bytes(1))], "text": "Attached."})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.state == "answered"
    (sent,) = request.files.all()
    assert (
        client.get(
            reverse(
                "casework_applicant:request_file",
                args=[submitted.public_id, request.public_id, sent.public_id],
            )
        ).status_code
        == 200
    )


@pytest.mark.django_db
def test_another_applicant_cannot_read_letters_or_requests(client_for, officer, other_applicant, submitted):
    accept(officer, submitted)
    request = services.request_send(
        actor=officer, public_id=submitted.public_id, description="x", due_on=ON + timedelta(days=400), on=ON
    )
    letter = submitted.letters.first()
    client = client_for(other_applicant)
    for url in (
        reverse("casework_applicant:letter", args=[submitted.public_id, letter.public_id, "en"]),
        reverse("casework_applicant:request", args=[submitted.public_id, request.public_id]),
    ):
        assert client.get(url).status_code == 404
    response = client.post(
        reverse("casework_applicant:request", args=[submitted.public_id, request.public_id]),
        {"files": [upload("x.pdf", pdf_bytes(1))]},
    )
    assert response.status_code == 404
    request.refresh_from_db()
    assert request.state == "open"


@pytest.mark.django_db
def test_a_returned_application_can_be_started_again_prefilled(client_for, officer, applicant, submitted):
    from .test_services import add_missing

    add_missing(officer, submitted)
    services.application_return(actor=officer, public_id=submitted.public_id, on=ON)
    client = client_for(applicant)
    response = client.post(reverse("casework_applicant:restart", args=[submitted.public_id]))
    assert response.status_code == 302
    new = applicant.applications.exclude(pk=submitted.pk).get()
    assert new.status == Status.DRAFT
    assert new.people.get().answers["IMM5444"] == submitted.people.get().answers["IMM5444"]
    # The returned application's documents are still the applicant's to download.
    document = submitted.documents.filter(state="current").first()
    download = client.get(reverse("documents:download", args=[submitted.public_id, document.public_id]))
    assert download.status_code == 200


# --- Biometrics, medical exams and interviews through the pages -----------------------------------------


@pytest.mark.django_db
def test_processing_pages_schedule_an_interview_and_send_medical_instructions(client_for, officer, submitted):
    accept(officer, submitted)
    client = client_for(officer)
    for name in ("casework:biometrics", "casework:medical", "casework:interview"):
        assert client.get(file_url(submitted, name)).status_code == 200
    response = client.post(file_url(submitted, "casework:medical"), {"action": "instruct", "position": "0"})
    assert response.status_code == 302
    assert submitted.medical_instructions.count() == 1
    day = (timezone.localdate() + timedelta(days=14)).isoformat()
    response = client.post(
        file_url(submitted, "casework:interview"),
        {
            "action": "schedule",
            "purpose": "processing",
            "day": day,
            "time": "10:30",
            "mode": "in_person",
            "place": "200 Promenade du Portage, Gatineau",
            "documents_to_bring": "Passport",
        },
    )
    assert response.status_code == 302
    interview = submitted.interviews.get()
    assert timezone.localtime(interview.starts_at).strftime("%Y-%m-%d %H:%M") == f"{day} 10:30"
    # The biometrics page knows the file: this applicant became a permanent resident in 2016, before
    # any child was exempted from biometrics, so the rules settle IRPR 12.1(m) without asking the
    # officer for the records, and no letter is sent.
    page = client.get(file_url(submitted, "casework:biometrics")).content.decode()
    assert 'name="received_on"' not in page and 'name="pr_application_kind"' not in page
    assert "No biometrics" in page and "June 1, 2016, before July 31, 2018" in page
    response = client.post(file_url(submitted, "casework:biometrics"), {"action": "instruct"})
    assert response.status_code == 400
    assert "no biometrics are required" in response.content.decode()
    assert not submitted.biometrics_instructions.exists()


@pytest.mark.django_db
def test_the_biometrics_page_asks_for_the_records_only_when_the_file_cannot_settle_it(
    client_for, officer, applicant
):
    from tests.casework.factories import submitted_application

    from .test_services import _young_applicant_answers

    application = submitted_application(applicant, answers=_young_applicant_answers())
    accept(officer, application)
    client = client_for(officer)
    page = client.get(file_url(application, "casework:biometrics")).content.decode()
    assert "To check against the records" in page and 'name="received_on"' in page
    # The records' date cannot be after the day the file says the applicant became a permanent resident.
    response = client.post(
        file_url(application, "casework:biometrics"),
        {"action": "instruct", "pr_application_kind": "permanent_resident_visa", "received_on": "2019-10-01"},
    )
    assert response.status_code == 400
    assert 'href="#id_received_on"' in response.content.decode()
    assert not application.biometrics_instructions.exists()


@pytest.mark.django_db
def test_an_officer_reads_a_letter_and_it_is_logged(client_for, officer, submitted):
    letter = accept(officer, submitted)
    response = client_for(officer).get(
        file_url(submitted, "casework:letter", letter_id=letter.public_id, language="fr")
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert FileAccess.objects.filter(officer=officer, kind=AccessKind.LETTER_VIEWED).exists()


@pytest.mark.django_db
def test_an_answer_file_over_the_limit_is_refused_before_it_is_stored(
    client_for, officer, applicant, submitted, settings
):
    from portique.casework.models import RequestFile

    accept(officer, submitted)
    request = services.request_send(
        actor=officer, public_id=submitted.public_id, description="x", due_on=ON + timedelta(days=400), on=ON
    )
    settings.DOCUMENTS_MAX_BYTES = 1_000
    page = reverse("casework_applicant:request", args=[submitted.public_id, request.public_id])
    response = client_for(applicant).post(page, {"files": [upload("big.pdf", pdf_bytes(40))]})
    assert response.status_code == 400
    assert 'href="#id_files"' in response.content.decode()
    request.refresh_from_db()
    assert request.state == "open" and not RequestFile.objects.exists()


@pytest.mark.django_db
def test_empty_forms_are_answered_with_errors_not_crashes(
    client_for, officer, decision_maker, applicant, submitted
):
    accept(officer, submitted)
    assert client_for(officer).post(file_url(submitted, "casework:request_new"), {}).status_code == 400
    assert client_for(decision_maker).post(file_url(submitted, "casework:decision"), {}).status_code == 400
    request = services.request_send(
        actor=officer, public_id=submitted.public_id, description="x", due_on=ON + timedelta(days=400), on=ON
    )
    page = reverse("casework_applicant:request", args=[submitted.public_id, request.public_id])
    response = client_for(applicant).post(page, {})
    assert response.status_code == 400 and "Choose at least one file to send." in response.content.decode()


@pytest.mark.django_db
def test_the_queue_page_runs_the_same_number_of_queries_for_one_file_or_three(
    client_for, officer, applicant, submitted
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .factories import submitted_application

    client = client_for(officer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("casework:home"), {"queue": "screening"}).status_code == 200
        return len(captured)

    queries()  # the first request of a session also stores it
    one = queries()
    submitted_application(applicant)
    submitted_application(applicant)
    assert queries() == one
