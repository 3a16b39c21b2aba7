"""Letters to be printed and mailed (a paper applicant who gave no e-mail address): an officer
records each one as mailed, and the list of letters to print and mail shows those not yet mailed.
Reminders and overdue notices are letters of their own kinds."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation

from portique.applications import paper_intake
from portique.casework import selectors, services
from portique.casework.choices import EventKind, LetterKind
from portique.casework.models import CaseEvent, Letter, LetterMailed
from tests.alternatives.test_paper_intake import (
    RECEIVED,
    TODAY,
    entered_complete,
    pr_card_by_mail,
    record_receipt,
    record_signature,
    type_in,
)
from tests.alternatives.test_paper_requests import accepted, request_on
from tests.casework.factories import upload_every_document
from tests.rules.forms.test_imm5444_validation import complete_answers

from .test_services import accept

pytestmark = pytest.mark.django_db


@pytest.fixture
def by_mail(officer, django_capture_on_commit_callbacks):
    """An accepted paper PR card application without e-mail: its acknowledgement is to be mailed."""
    application = entered_complete(officer)
    accepted(officer, application, django_capture_on_commit_callbacks)
    return application, application.letters.get()


@pytest.fixture
def client_for(client):
    def signed_in(user):
        client.force_login(user)
        return client

    return signed_in


def record(officer, application, letter, **changes):
    values = dict(
        actor=officer,
        public_id=application.public_id,
        letter_id=letter.public_id,
        mailed_on=timezone.localdate(),
        on=timezone.localdate(),
    )
    values.update(changes)
    return services.letter_record_mailed(**values)


def mailed_url(letter):
    return reverse(
        "casework:letter_mailed",
        kwargs={"public_id": letter.application.public_id, "letter_id": letter.public_id},
    )


# --- The service ---------------------------------------------------------------------------------


def test_an_officer_records_a_letter_as_mailed_and_the_history_says_who(officer, by_mail):
    application, letter = by_mail
    assert letter.channel == "mail"
    assert list(selectors.letters_to_mail()) == [letter]

    mailed = record(officer, application, letter)

    assert (mailed.letter, mailed.mailed_on, mailed.recorded_by) == (letter, timezone.localdate(), officer)
    event = CaseEvent.objects.get(application=application, kind=EventKind.LETTER_MAILED)
    assert event.actor == officer
    assert event.detail.startswith("acknowledgement letter of ")
    assert event.detail.endswith(f"mailed on {timezone.localdate().isoformat()}")
    assert list(selectors.letters_to_mail()) == []
    with pytest.raises(services.CaseworkError, match="already recorded as mailed"):
        record(officer, application, letter)
    # Append-only, like the other records of the file.
    with pytest.raises(TypeError):
        mailed.save()
    with pytest.raises(TypeError):
        LetterMailed.objects.all().delete()


@pytest.mark.parametrize(
    ("days", "english", "french"),
    [
        (1, "The date cannot be in the future.", "La date ne peut pas être dans l’avenir."),
        (
            -1,
            "The date cannot be before the letter was issued.",
            "La date ne peut pas précéder la date d’émission de la lettre.",
        ),
    ],
)
def test_a_date_in_the_future_or_before_the_letter_is_refused_in_both_languages(
    officer, by_mail, days, english, french
):
    application, letter = by_mail
    for language, message in (("en", english), ("fr", french)):
        with translation.override(language):
            with pytest.raises(services.CaseworkError) as refused:
                record(officer, application, letter, mailed_on=timezone.localdate() + timedelta(days=days))
            assert [str(m) for m in refused.value.errors["mailed_on"]] == [message]
    with pytest.raises(services.CaseworkError, match="Enter the date"):
        record(officer, application, letter, mailed_on=None)
    assert not LetterMailed.objects.exists()
    assert not CaseEvent.objects.filter(kind=EventKind.LETTER_MAILED).exists()


def test_an_e_mailed_letter_or_one_in_the_account_is_not_to_be_mailed(
    officer, submitted, django_capture_on_commit_callbacks
):
    application = paper_intake.paper_application_register(
        actor=officer, data=pr_card_by_mail(email="alex@example.ca", language="en"), today=TODAY
    )
    type_in(officer, application, complete_answers())
    upload_every_document(officer, application, on=RECEIVED)
    record_receipt(officer, application)
    record_signature(officer, application)
    accepted(officer, application, django_capture_on_commit_callbacks)
    emailed = application.letters.get()
    online = accept(officer, submitted)
    assert (emailed.channel, online.channel) == ("email", "online_account")

    for letter in (emailed, online):
        with pytest.raises(services.CaseworkError, match="not to be mailed"):
            record(officer, letter.application, letter)
    assert list(selectors.letters_to_mail()) == []
    assert not LetterMailed.objects.exists()


def test_only_officers_who_work_files_record_a_letter_as_mailed(officer, applicant, representative, by_mail):
    application, letter = by_mail
    for someone in (applicant, representative):
        with pytest.raises(PermissionDenied):
            record(someone, application, letter)
    assert not LetterMailed.objects.exists()


def test_the_list_shows_only_mail_letters_not_yet_mailed_oldest_first(officer, submitted, by_mail):
    application, acknowledgement = by_mail
    accept(officer, submitted)  # an online letter, to the account: never listed
    services.processing_start(actor=officer, public_id=application.public_id)
    request = services.request_send(
        actor=officer,
        public_id=application.public_id,
        description="Your two most recent pay slips",
        due_on=timezone.localdate() + timedelta(days=30),
        on=timezone.localdate(),
    )
    assert list(selectors.letters_to_mail()) == [acknowledgement, request.letter]

    record(officer, application, acknowledgement)

    assert list(selectors.letters_to_mail()) == [request.letter]


# --- Reminders have their own kinds --------------------------------------------------------------


def test_reminders_and_overdue_notices_are_letters_of_their_own_kinds(
    officer, django_capture_on_commit_callbacks
):
    application = entered_complete(officer)
    accepted(officer, application, django_capture_on_commit_callbacks)
    request = request_on(officer, application, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.requests_remind(on=request.due_on - timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        services.requests_remind(on=request.due_on + timedelta(days=1))

    kinds = list(application.letters.values_list("kind", flat=True))
    assert kinds == [
        LetterKind.ACKNOWLEDGEMENT,
        LetterKind.REQUEST,
        LetterKind.REQUEST_REMINDER,
        LetterKind.REQUEST_OVERDUE,
    ]
    assert all(letter.channel == "mail" for letter in application.letters.all())
    reminder, overdue = Letter.objects.filter(application=application).order_by("issued_at", "id")[2:]
    with translation.override("fr"):
        assert reminder.get_kind_display() == "Rappel\u00a0: demande de documents ou de renseignements"
        assert overdue.get_kind_display() == "Délai expiré\u00a0: demande de documents ou de renseignements"
    assert reminder.get_kind_display() == "Reminder: request for documents or information"
    assert overdue.get_kind_display() == "Deadline passed: request for documents or information"


def test_the_migration_names_the_reminders_issued_before_as_requests(
    officer, django_capture_on_commit_callbacks
):
    import importlib

    from django.apps import apps

    application = entered_complete(officer)
    accepted(officer, application, django_capture_on_commit_callbacks)
    request = request_on(officer, application, django_capture_on_commit_callbacks)
    services.requests_remind(on=request.due_on - timedelta(days=3))
    services.requests_remind(on=request.due_on + timedelta(days=1))
    # As they were stored before they had kinds of their own.
    Letter.objects.filter(kind__in=[LetterKind.REQUEST_REMINDER, LetterKind.REQUEST_OVERDUE]).update(
        kind=LetterKind.REQUEST
    )

    importlib.import_module("portique.casework.migrations.0007_reminder_letter_kinds").name_the_reminders(
        apps, None
    )

    assert list(application.letters.values_list("kind", flat=True)) == [
        LetterKind.ACKNOWLEDGEMENT,
        LetterKind.REQUEST,
        LetterKind.REQUEST_REMINDER,
        LetterKind.REQUEST_OVERDUE,
    ]


# --- The pages -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "kind", "pdf", "done"),
    [
        ("en", "Letters to print and mail", "Acknowledgement of receipt", "PDF in French", "Mailed on"),
        ("fr", "Lettres à imprimer et à poster", "Accusé de réception", "PDF en français", "Postée le"),
    ],
)
def test_the_pages_list_the_letter_record_it_mailed_and_the_file_says_so(
    client_for, officer, by_mail, language, title, kind, pdf, done
):
    application, letter = by_mail
    signed_in = client_for(officer)
    listed = signed_in.get(f"/{language}/officer/letters-to-mail/")
    assert listed.status_code == 200
    page = listed.content.decode()
    assert title in page
    assert application.number in page
    assert kind in page
    # The applicant's language (French at intake).
    assert pdf in page
    assert reverse("casework:letter", args=[application.public_id, letter.public_id, "fr"]) in page
    assert mailed_url(letter) in page

    refused = signed_in.post(
        f"/{language}{mailed_url(letter)[3:]}",
        {"mailed_on": (timezone.localdate() + timedelta(days=1)).isoformat()},
    )
    assert refused.status_code == 400
    assert not LetterMailed.objects.exists()

    response = signed_in.post(
        f"/{language}{mailed_url(letter)[3:]}", {"mailed_on": timezone.localdate().isoformat()}
    )
    assert response.status_code == 302
    assert LetterMailed.objects.get().recorded_by == officer
    after = signed_in.get(f"/{language}/officer/letters-to-mail/").content.decode()
    # The success message names the application; the letter is no longer listed.
    assert application.number in after
    assert mailed_url(letter)[3:] not in after
    file_page = signed_in.get(f"/{language}/officer/files/{application.public_id}/").content.decode()
    assert done in file_page
    assert "Jordan Singh" in file_page
    # Recorded once: the page is gone.
    assert signed_in.get(mailed_url(letter)).status_code == 404


def test_applicants_and_representatives_get_404(client_for, applicant, representative, by_mail):
    _application, letter = by_mail
    for user in (applicant, representative):
        signed_in = client_for(user)
        assert signed_in.get(reverse("casework:letters_to_mail")).status_code == 404
        assert signed_in.get(mailed_url(letter)).status_code == 404
        assert (
            signed_in.post(mailed_url(letter), {"mailed_on": timezone.localdate().isoformat()}).status_code
            == 404
        )
        signed_in.logout()
    assert not LetterMailed.objects.exists()


def test_the_letters_to_mail_are_read_from_their_own_index(by_mail):
    """The list and its count read the partial index of the letters to mail, in its order,
    not the table of every letter (issue 19)."""
    from django.db import connection

    queryset = selectors.letters_to_mail()
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A table of a few rows is cheaper to read whole: ask whether the index *can* serve.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(column) for row in cursor.fetchall() for column in row)
    assert "casework_letter_to_mail_idx" in plan
    # The index's condition is the list's: the letter to mail, made, is listed.
    application, letter = by_mail
    assert list(queryset) == [letter]
