"""Kit requests through the services: what is recorded, what is refused (and then nothing is saved)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation
from pypdf import PdfReader

from portique.alternatives import services
from portique.alternatives.choices import EventKind, RequestStatus
from portique.alternatives.models import KitRequest, KitRequestEvent
from portique.alternatives.services import (
    Dispatch,
    KitRequestInvalid,
    kit_request_mark_sent,
    kit_request_submit,
)

from .conftest import braille_by_mail

ON = date(2026, 11, 22)
pytestmark = pytest.mark.django_db


def submit(data=None, language="fr"):
    return kit_request_submit(data=data or braille_by_mail(), language=language, on=ON)


def refused(data, language="en") -> dict[str, list[str]]:
    with pytest.raises(KitRequestInvalid) as caught, translation.override(language):
        kit_request_submit(data=data, language=language, on=ON)
    with translation.override(language):
        errors = {
            field: [str(message) for message in messages] for field, messages in caught.value.errors.items()
        }
    assert KitRequest.objects.count() == 0
    assert KitRequestEvent.objects.count() == 0
    return errors


def test_a_complete_request_is_recorded_with_a_reference_and_acknowledged_in_the_persons_language(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        created = submit()
    assert created.reference.startswith("ALT-") and len(created.reference) == 12
    assert created.status == RequestStatus.RECEIVED
    assert created.postal_code == "K3J 9T5"
    assert created.language == "fr"
    assert [event.kind for event in created.events.all()] == [EventKind.RECEIVED]
    assert created.events.get().actor is None
    (message,) = mailoutbox
    assert message.to == ["marie@exemple.ca"]
    assert created.reference in message.subject
    assert "Nous avons reçu votre demande" in message.body
    # The format asked for can say something about a disability: it is on the request's page, not e-mailed.
    assert "Braille" not in message.body


def test_the_acknowledgement_is_in_english_for_a_person_who_asked_in_english(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(braille_by_mail(kit_language="fr"), language="en")
    assert "We received your request" in mailoutbox[0].body


def test_references_differ():
    first = submit()
    second = submit(braille_by_mail(full_name="Jean Tremblay"))
    assert first.reference != second.reference


def test_by_email_keeps_no_postal_address():
    created = submit(braille_by_mail(delivery="email", country="", postal_code="", province=""))
    assert created.email == "marie@exemple.ca"
    assert (created.address_line, created.city, created.province, created.postal_code) == ("", "", "", "")


def test_missing_kit_format_and_delivery_are_errors_at_their_fields_in_english_and_french():
    data = braille_by_mail(kit="", kit_format="", delivery="")
    english = refused(data, "en")
    assert english["kit"] == ["Choose the application kit you need."]
    assert english["kit_format"] == ["Choose the format you need: paper, braille or large print."]
    assert english["delivery"] == ["Choose how you want to receive the kit: by e-mail or by mail."]
    french = refused(data, "fr")
    assert french["kit"] == ["Choisissez la trousse de demande dont vous avez besoin."]
    assert french["delivery"] == ["Choisissez comment recevoir la trousse\u00a0: par courriel ou par la poste."]


def test_mail_delivery_without_an_address_is_refused():
    errors = refused(braille_by_mail(address_line="", city="", province="", postal_code=""))
    assert errors == {
        "address_line": ["Enter the street address or post office box the kit should be mailed to."]
    }


def test_mail_delivery_needs_city_province_and_postal_code():
    errors = refused(braille_by_mail(city="", province="", postal_code=""))
    assert set(errors) == {"city", "province", "postal_code"}


def test_a_non_canadian_address_for_mail_delivery_is_refused_in_both_languages():
    data = braille_by_mail(
        address_line="1600 Pennsylvania Avenue",
        city="Washington",
        province="",
        postal_code="20500",
        country="other",
    )
    assert refused(data, "en") == {
        "country": [
            "Kits are mailed only to addresses in Canada. Choose to receive the kit by e-mail instead."
        ]
    }
    assert refused(data, "fr") == {
        "country": [
            "La trousse n’est envoyée par la poste qu’à une adresse au Canada. Choisissez plutôt de la recevoir par courriel."
        ]
    }


def test_a_foreign_postal_code_for_a_canadian_address_is_refused():
    errors = refused(braille_by_mail(postal_code="20500"))
    assert errors == {"postal_code": ["Enter a Canadian postal code in the format A1A 1A1."]}


def test_email_delivery_needs_a_valid_address():
    errors = refused(braille_by_mail(delivery="email", email="marie-at-exemple"))
    assert list(errors) == ["email"]


def test_sponsorship_kit_needs_the_sponsors_name_and_the_passport_name():
    errors = refused(braille_by_mail(kit="sponsorship", full_name="  "))
    assert set(errors) == {"full_name", "sponsor_name"}
    created = submit(braille_by_mail(kit="sponsorship", sponsor_name="Luc Tremblay"))
    assert created.sponsor_name == "Luc Tremblay"


def test_the_sponsor_name_is_not_kept_for_a_pr_card_kit():
    assert submit(braille_by_mail(sponsor_name="Luc Tremblay")).sponsor_name == ""


def test_the_statement_of_need_is_required_and_nothing_about_a_disability_is_asked():
    assert list(refused(braille_by_mail(needs_other_format=False))) == ["needs_other_format"]
    fields = {f.name for f in KitRequest._meta.get_fields()}
    assert not any("disab" in name or "handicap" in name for name in fields)


def test_a_value_outside_the_choices_counts_as_not_answered():
    assert "kit_format" in refused(braille_by_mail(kit_format="audio"))


# --- The officer records what was sent ---------------------------------------------------


def test_an_officer_records_the_dispatch_and_the_covering_letter_is_made(
    officer, mailoutbox, django_capture_on_commit_callbacks
):
    kit_request = submit()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sent = kit_request_mark_sent(
            actor=officer,
            public_id=kit_request.public_id,
            dispatch=Dispatch(
                sent_on=ON, sent_items="Forms IMM 5444 and guide IMM 5445 in braille", tracking_number="CP123"
            ),
            today=ON,
        )
    assert sent.status == RequestStatus.SENT
    assert sent.sent_by == officer and sent.sent_on == ON
    assert sent.submission_address["mail"]["lines"][1] == "Case postale 10020"
    history = list(sent.events.values_list("kind", "from_status", "to_status", "actor"))
    assert history[-1] == (EventKind.SENT, RequestStatus.RECEIVED, RequestStatus.SENT, officer.pk)
    with sent.covering_letter.open("rb") as stored:
        text = "".join(page.extract_text() for page in PdfReader(stored).pages)
    assert sent.reference in text
    assert "Case postale 10020" in text and "3050 Wilson Ave" in text
    assert "Votre trousse de demande dans un autre format" in text
    assert "Your application kit in another format" in text
    (notice,) = mailoutbox
    assert notice.to == ["marie@exemple.ca"]
    assert notice.attachments[0][0] == f"covering-letter-{sent.reference}.pdf"
    assert "a été envoyée" in notice.body


def test_the_sponsorship_address_is_not_in_the_guides_so_the_officer_gives_it(officer):
    kit_request = submit(braille_by_mail(kit="sponsorship", sponsor_name="Luc Tremblay"))
    with pytest.raises(KitRequestInvalid) as caught:
        kit_request_mark_sent(
            actor=officer,
            public_id=kit_request.public_id,
            dispatch=Dispatch(sent_on=ON, sent_items="Kit"),
            today=ON,
        )
    assert list(caught.value.errors) == ["submission_address"]
    kit_request.refresh_from_db()
    assert kit_request.status == RequestStatus.RECEIVED
    sent = kit_request_mark_sent(
        actor=officer,
        public_id=kit_request.public_id,
        dispatch=Dispatch(
            sent_on=ON, sent_items="Kit", submission_address="IRCC\nCase postale 9999\nMississauga ON"
        ),
        today=ON,
    )
    assert sent.submission_address["officer"]["lines"] == ["IRCC", "Case postale 9999", "Mississauga ON"]
    assert sent.submission_address["courier_required"] is True
    with sent.covering_letter.open("rb") as stored:
        text = "".join(page.extract_text() for page in PdfReader(stored).pages)
    assert "Case postale 9999" in text
    assert "messagerie" in text  # IMM 5289: a courier with tracking is required


def test_dispatch_needs_a_date_not_in_the_future_and_what_was_sent(officer):
    kit_request = submit()
    with pytest.raises(KitRequestInvalid) as caught:
        kit_request_mark_sent(
            actor=officer,
            public_id=kit_request.public_id,
            dispatch=Dispatch(sent_on=None, sent_items=" "),
            today=ON,
        )
    assert set(caught.value.errors) == {"sent_on", "sent_items"}
    with pytest.raises(KitRequestInvalid):
        kit_request_mark_sent(
            actor=officer,
            public_id=kit_request.public_id,
            dispatch=Dispatch(sent_on=date(2026, 11, 23), sent_items="Kit"),
            today=ON,
        )
    kit_request.refresh_from_db()
    assert kit_request.status == RequestStatus.RECEIVED and not kit_request.covering_letter


def test_a_kit_is_recorded_as_sent_once(officer):
    kit_request = submit()
    dispatch = Dispatch(sent_on=ON, sent_items="Kit")
    kit_request_mark_sent(actor=officer, public_id=kit_request.public_id, dispatch=dispatch, today=ON)
    with pytest.raises(services.KitRequestAlreadySent):
        kit_request_mark_sent(
            actor=officer,
            public_id=kit_request.public_id,
            dispatch=Dispatch(sent_on=ON, sent_items="Other"),
            today=ON,
        )
    kit_request.refresh_from_db()
    assert kit_request.sent_items == "Kit"
    assert kit_request.events.filter(kind=EventKind.SENT).count() == 1


@pytest.mark.parametrize("who", ["applicant", "representative", "anonymous", "officer_without_screening"])
def test_only_an_officer_who_screens_may_record_a_dispatch(who, request, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    from tests.conftest import _officer

    actor = {
        "anonymous": lambda: AnonymousUser(),
        "officer_without_screening": lambda: _officer("decider@example.ca", ["decision_maker"]),
    }.get(who, lambda: request.getfixturevalue(who))()
    kit_request = submit()
    with pytest.raises(PermissionDenied):
        kit_request_mark_sent(
            actor=actor,
            public_id=kit_request.public_id,
            dispatch=Dispatch(sent_on=ON, sent_items="Kit"),
            today=ON,
        )
    kit_request.refresh_from_db()
    assert kit_request.status == RequestStatus.RECEIVED


def test_the_history_cannot_be_changed():
    event = submit().events.get()
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        KitRequestEvent.objects.all().delete()
