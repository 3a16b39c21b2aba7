"""After submission: the status page, read-only everywhere, and the change of address."""

import copy
import html

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import translation

from portique.applications import services
from portique.applications.choices import Status
from portique.applications.models import AddressChange, StatusChange
from portique.applications.submission import address_changes as address_changes
from portique.applications.submission import selectors as submitted_selectors
from portique.documents import selectors as document_selectors
from portique.documents import services as document_services
from portique.documents.models import Document
from portique.payments.models import Payment
from tests import journey
from tests.documents.files import pdf_bytes, upload

TODAY = journey.TODAY
NEW_ADDRESS = {
    "mailing_street": "45 Elgin St, unit 300",
    "mailing_city": "Ottawa",
    "mailing_province": "ON",
    "mailing_postal_code": "k1p1a1",
    "phone": "",
}


def url(name: str, application, *args, language: str = "en") -> str:
    with translation.override(language):
        return reverse(name, args=[application.public_id, *args])


def page(client, address: str) -> str:
    return html.unescape(client.get(address, follow=True).content.decode())


@pytest.fixture
def submitted(applicant):
    return journey.submitted(applicant)


# --- The status page ---------------------------------------------------------------


@pytest.mark.django_db
def test_the_status_page_shows_the_submission_in_the_timeline_in_english_and_french(
    client, applicant, submitted
):
    application, submission = submitted
    client.force_login(applicant)
    english = page(client, url("applications:overview", application))
    assert submission.confirmation_number in english
    timeline = english.split('<ol class="timeline">', 1)[1].split("</ol>", 1)[0]
    assert "Submitted" in timeline and "Signed" in timeline and "Draft" in timeline
    assert timeline.index("Signed") < timeline.index("Submitted")
    assert "What happens next" in english and "acknowledgement of receipt" in english
    french = page(client, url("applications:overview", application, language="fr"))
    timeline = french.split('<ol class="timeline">', 1)[1].split("</ol>", 1)[0]
    assert "Soumise" in timeline and "Signée" in timeline
    assert "accusé de réception" in french


@pytest.mark.django_db
def test_the_timeline_never_shows_what_was_recorded_as_the_reason(client, applicant, submitted):
    application, _ = submitted
    # As the officer side will record an acknowledgement, with a note for the file.
    StatusChange.objects.create(
        application=application,
        from_status=Status.SUBMITTED,
        to_status=Status.ACCEPTED,
        reason="Internal note: check the entry stamp",
    )
    application.status = Status.ACCEPTED
    application.save(update_fields=["status"])
    client.force_login(applicant)
    body = page(client, url("applications:overview", application))
    assert "Received (acknowledged)" in body
    assert "Internal note" not in body and "entry stamp" not in body
    # Nor the internal reasons of the applicant's own steps.
    timeline = body.split('<ol class="timeline">', 1)[1].split("</ol>", 1)[0]
    assert "edited" not in timeline and "validated" not in timeline and "documents changed" not in timeline


@pytest.mark.django_db
def test_the_messages_area_is_the_officer_sides_include_when_there_and_a_plain_notice_otherwise(
    client, applicant, submitted, settings, tmp_path, monkeypatch
):
    application, _ = submitted
    client.force_login(applicant)
    monkeypatch.setattr(submitted_selectors, "casework_messages_available", lambda: False)
    body = page(client, url("applications:overview", application))
    assert "You have no messages about this application" in body

    # The include, as portique.casework provides it (a stand-in here, found first).
    (tmp_path / "casework").mkdir()
    (tmp_path / "casework" / "_messages.html").write_text(
        "<h2>Messages</h2><p>Officer messages for {{ application.number }}</p>"
    )
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [str(tmp_path), *templates[0].get("DIRS", [])]
    settings.TEMPLATES = templates
    monkeypatch.setattr(submitted_selectors, "casework_messages_available", lambda: True)
    body = page(client, url("applications:overview", application))
    assert f"Officer messages for {application.number}" in body
    assert "You have no messages about this application" not in body
    assert body.count("<h2>Messages</h2>") + body.count('<h2 id="messages">') == 1


def test_the_officer_sides_include_is_used_only_when_its_app_is_installed(monkeypatch):
    from django.apps import apps

    submitted_selectors.casework_messages_available.cache_clear()
    monkeypatch.setattr(apps, "is_installed", lambda name: False)
    assert submitted_selectors.casework_messages_available() is False
    submitted_selectors.casework_messages_available.cache_clear()
    monkeypatch.undo()
    expected = apps.is_installed("portique.casework")
    assert submitted_selectors.casework_messages_available() is expected
    submitted_selectors.casework_messages_available.cache_clear()


@pytest.mark.django_db
def test_another_applicant_cannot_see_the_status_page(client, other_applicant, submitted):
    application, _ = submitted
    client.force_login(other_applicant)
    assert client.get(url("applications:overview", application)).status_code == 404


# --- Read-only after submission ------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "This application has been submitted: it can no longer be changed."),
        ("fr", "Cette demande a été soumise\u00a0: elle ne peut plus être modifiée."),
    ],
)
def test_the_form_and_signature_pages_refuse_a_submitted_application(
    client, applicant, submitted, language, message
):
    application, _ = submitted
    answers = copy.deepcopy(application.people.get().answers)
    version = application.version
    client.force_login(applicant)
    section = url("applications:section", application, "personal", language=language)
    sign = url("applications:sign", application, language=language)
    for response in (
        client.get(section),
        client.post(section, {"family_name": "Other", "version": str(version)}),
        client.get(sign),
        client.post(sign, {"typed_name": journey.PASSPORT_NAME, "version": str(version)}),
    ):
        assert response.status_code == 302
        assert response["Location"] == url("applications:overview", application, language=language)
    assert message in page(client, url("applications:overview", application, language=language))
    application.refresh_from_db()
    assert application.people.get().answers == answers
    assert (application.status, application.version) == (Status.SUBMITTED, version)
    assert application.signatures.count() == 1


@pytest.mark.django_db
def test_the_services_refuse_to_change_answers_or_signature_in_both_languages(applicant, submitted):
    application, _ = submitted
    with pytest.raises(services.ApplicationError) as refused:
        journey.save_answers(applicant, application, {"eligibility": {"in_canada": "no"}})
    (reason,) = refused.value.reasons
    assert reason.code == "APPLICATION_READ_ONLY" and "submitted" in reason.en and "soumise" in reason.fr
    with pytest.raises(services.ApplicationError) as refused:
        journey.sign(applicant, application)
    assert [r.code for r in refused.value.reasons] == ["APPLICATION_READ_ONLY"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "This application was submitted: its documents can no longer be changed."),
        ("fr", "Cette demande a été soumise\u00a0: ses documents ne peuvent plus être modifiés."),
    ],
)
def test_documents_cannot_be_added_or_removed_after_submission(
    client, applicant, submitted, language, message
):
    application, _ = submitted
    before = list(Document.objects.filter(application=application).values_list("pk", "state"))
    client.force_login(applicant)
    item = document_selectors.item_in(
        document_selectors.checklist_for(application, TODAY), code="RESIDENCY_EVIDENCE", position=0
    )
    response = client.post(
        url("documents:upload", application, item.slot, language=language),
        {"file": upload("more.pdf", pdf_bytes(1))},
    )
    assert message in html.unescape(response.content.decode())
    current = Document.objects.filter(application=application, item_code="RESIDENCY_EVIDENCE").first()
    response = client.post(
        url("documents:remove", application, item.slot, current.public_id, language=language)
    )
    assert message in html.unescape(response.content.decode())
    with pytest.raises(document_services.DocumentError) as refused:
        document_services.item_explanation_withdraw(
            actor=applicant, public_id=application.public_id, item=item
        )
    assert [p.code for p in refused.value.problems] == ["not_editable"]
    assert list(Document.objects.filter(application=application).values_list("pk", "state")) == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "en",
            "This application has been submitted: its fees were settled then, and nothing more can be paid on it here.",
        ),
        (
            "fr",
            "Cette demande a été soumise\u00a0: ses frais ont été réglés à ce moment, et plus rien ne peut y être payé ici.",
        ),
    ],
)
def test_no_fee_can_be_paid_after_submission(client, applicant, submitted, language, message):
    from tests.payments.test_views import card_post

    application, _ = submitted
    client.force_login(applicant)
    pay_page = client.get(url("payments:pay", application, language=language)).content.decode()
    assert message in html.unescape(pay_page)
    assert 'name="idempotency_key"' not in pay_page
    response = client.post(url("payments:pay", application, language=language), card_post("k" * 24))
    assert response.status_code == 409
    assert message in html.unescape(response.content.decode())
    assert Payment.objects.filter(application=application).count() == 1


@pytest.mark.django_db
def test_even_if_the_fees_rose_after_submission_nothing_more_is_charged(applicant, submitted, monkeypatch):
    from portique.payments import selectors as payment_selectors
    from portique.payments import services as payment_services

    application, _ = submitted
    quote = payment_selectors.quote_for

    def dearer(application, on):
        found = quote(application, on)
        return type(found)(
            lines=found.lines,
            total=found.total * 2,
            due_now=found.due_now * 2,
            due_later=found.due_later,
            reasons=found.reasons,
            program=found.program,
        )

    monkeypatch.setattr(payment_selectors, "quote_for", dearer)
    with pytest.raises(payment_services.ApplicationSubmitted):
        journey.pay(applicant, application)
    assert Payment.objects.filter(application=application).count() == 1


# --- Change of address ----------------------------------------------------------------


@pytest.mark.django_db
def test_a_change_of_address_is_recorded_with_who_and_when_and_shown_in_the_timeline(
    client, applicant, submitted
):
    application, submission = submitted
    snapshot = copy.deepcopy(submission.snapshot)
    client.force_login(applicant)
    response = client.post(url("applications:address_change", application), NEW_ADDRESS)
    assert response.status_code == 302
    (change,) = AddressChange.objects.filter(application=application)
    assert (change.street, change.city, change.province, change.postal_code) == (
        "45 Elgin St, unit 300",
        "Ottawa",
        "ON",
        "K1P 1A1",
    )
    assert change.changed_by == applicant and change.changed_at is not None
    submission.refresh_from_db()
    assert submission.snapshot == snapshot
    body = page(client, url("applications:overview", application))
    assert "Your new address is recorded" in body
    timeline = body.split('<ol class="timeline">', 1)[1].split("</ol>", 1)[0]
    assert "Change of address received: 45 Elgin St, unit 300, Ottawa ON K1P 1A1" in timeline
    assert timeline.index("Submitted") < timeline.index("Change of address received")
    french = page(client, url("applications:overview", application, language="fr"))
    assert "Changement d’adresse reçu\u00a0: 45 Elgin St, unit 300" in french


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "postal_message", "city_message"),
    [
        ("en", "Enter a Canadian postal code, for example K1A 0B1.", "Enter “City or town”."),
        ("fr", "Entrez un code postal canadien, par exemple K1A 0B1.", "Inscrivez «\u00a0Ville ou village\u00a0»."),
    ],
)
def test_a_bad_address_is_refused_at_each_field_in_the_page_language_and_changes_nothing(
    client, applicant, submitted, language, postal_message, city_message
):
    application, submission = submitted
    client.force_login(applicant)
    posted = {**NEW_ADDRESS, "mailing_city": "", "mailing_postal_code": "12345", "mailing_province": "ZZ"}
    response = client.post(url("applications:address_change", application, language=language), posted)
    assert response.status_code == 400
    body = html.unescape(response.content.decode())
    postal = body.split('id="id_mailing_postal_code_error"', 1)[1].split("</span>", 1)[0]
    city = body.split('id="id_mailing_city_error"', 1)[1].split("</span>", 1)[0]
    province = body.split('id="id_mailing_province_error"', 1)[1].split("</span>", 1)[0]
    assert postal_message in postal and city_message in city
    assert ("Choose one of the answers" if language == "en" else "Choisissez l’une des réponses") in province
    assert 'aria-invalid="true"' in body and 'href="#id_mailing_postal_code"' in body
    # What was typed is kept for correction.
    assert 'value="45 Elgin St, unit 300"' in body and 'value="12345"' in body
    assert not AddressChange.objects.exists()
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert submitted_selectors.mailing_address_on_file(application=application).postal_code == "K1P 5B5"


@pytest.mark.django_db
def test_the_service_names_each_problem_in_both_languages(applicant, submitted):
    application, _ = submitted
    with pytest.raises(services.ApplicationError) as refused:
        address_changes.address_change_record(
            actor=applicant,
            public_id=application.public_id,
            answers={**NEW_ADDRESS, "mailing_street": " ", "mailing_postal_code": "D1A 1A1"},
            on=TODAY,
        )
    found = {r.subject: r for r in refused.value.reasons}
    assert set(found) == {"address_change.mailing_street", "address_change.mailing_postal_code"}
    street = found["address_change.mailing_street"]
    assert "Mailing address" in street.en and "Adresse postale" in street.fr
    assert "K1A 0B1" in found["address_change.mailing_postal_code"].fr
    assert not AddressChange.objects.exists()


@pytest.mark.django_db
def test_a_repeated_or_unchanged_address_records_nothing_new(client, applicant, submitted):
    application, _ = submitted
    client.force_login(applicant)
    client.post(url("applications:address_change", application), NEW_ADDRESS)
    client.post(
        url("applications:address_change", application), {**NEW_ADDRESS, "mailing_postal_code": "K1P 1A1"}
    )
    assert AddressChange.objects.count() == 1
    assert "already the mailing address on file" in page(client, url("applications:overview", application))
    # A new telephone number alone is a change.
    client.post(url("applications:address_change", application), {**NEW_ADDRESS, "phone": "613-555-0123"})
    assert AddressChange.objects.count() == 2
    on_file = submitted_selectors.mailing_address_on_file(application=application)
    # Stored as the forms store it: the postal code as Canada Post writes it, the number in E.164.
    assert (on_file.postal_code, on_file.phone) == ("K1P 1A1", "+16135550123")


@pytest.mark.django_db
def test_nobody_else_can_see_or_change_the_address(
    client, submitted, other_applicant, representative, officer
):
    application, _ = submitted
    for outsider in (other_applicant, representative, officer):
        client.force_login(outsider)
        assert client.get(url("applications:address_change", application)).status_code == 404
        assert client.post(url("applications:address_change", application), NEW_ADDRESS).status_code == 404
        with pytest.raises(Http404):
            address_changes.address_change_record(
                actor=outsider, public_id=application.public_id, answers=NEW_ADDRESS, on=TODAY
            )
    assert not AddressChange.objects.exists()


@pytest.mark.django_db
def test_there_is_no_change_of_address_before_submission_or_once_closed(client, applicant, submitted):
    draft = journey.ready_to_submit(applicant)
    with pytest.raises(services.ApplicationError) as refused:
        address_changes.address_change_record(
            actor=applicant, public_id=draft.public_id, answers=NEW_ADDRESS, on=TODAY
        )
    assert [r.code for r in refused.value.reasons] == ["ADDRESS_CHANGE_BEFORE_SUBMISSION"]
    client.force_login(applicant)
    response = client.get(url("applications:address_change", draft))
    assert response.status_code == 302

    application, _ = submitted
    StatusChange.objects.create(
        application=application, from_status=Status.SUBMITTED, to_status=Status.WITHDRAWN
    )
    application.status = Status.WITHDRAWN
    application.save(update_fields=["status"])
    with pytest.raises(services.ApplicationError) as refused:
        address_changes.address_change_record(
            actor=applicant, public_id=application.public_id, answers=NEW_ADDRESS, on=TODAY
        )
    (reason,) = refused.value.reasons
    assert reason.code == "ADDRESS_CHANGE_CLOSED" and "closed" in reason.en and "fermée" in reason.fr
    assert "Change your address" not in page(client, url("applications:overview", application))
    assert not AddressChange.objects.exists()


@pytest.mark.django_db
def test_officers_read_the_changes_and_the_address_on_file_through_the_selectors(applicant, submitted):
    application, _ = submitted
    assert (
        submitted_selectors.mailing_address_on_file(application=application).street == "12 Sparks St, apt 4"
    )
    first = address_changes.address_change_record(
        actor=applicant, public_id=application.public_id, answers=NEW_ADDRESS, on=TODAY
    )
    second = address_changes.address_change_record(
        actor=applicant,
        public_id=application.public_id,
        answers={**NEW_ADDRESS, "mailing_street": "1 Rideau St", "mailing_postal_code": "K1N 8S7"},
        on=TODAY,
    )
    assert list(submitted_selectors.address_changes_of(application=application)) == [first, second]
    on_file = submitted_selectors.mailing_address_on_file(application=application)
    assert (on_file.street, on_file.postal_code, on_file.change) == ("1 Rideau St", "K1N 8S7", second)
    # The phone number given in the application stays on file when a change gives none.
    assert on_file.phone == "613-555-0199"
