"""The photos received with a paper PR card application (PRC-63): the intake officer records
what the envelope holds, the rules check it, and the paper file and the screening say so."""

from datetime import date

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import translation

from portique.applications import paper_intake
from portique.applications.paper_intake import PaperIntakeInvalid, PaperPhotosInput
from portique.applications.services import application_evaluate
from portique.casework import services as casework
from portique.rules.reasons import Severity
from tests.alternatives.test_paper_intake import (
    RECEIVED,
    TODAY,
    entered_complete,
    pr_card_by_mail,
)

GOOD = dict(
    count=2,
    identical=True,
    taken_on=date(2026, 9, 1),
    in_small_envelope=True,
    name_on_envelope=True,
    stapled_or_clipped=False,
)


def record(officer, application, **changes):
    return paper_intake.paper_photos_record(
        actor=officer, public_id=application.public_id, data=PaperPhotosInput(**(GOOD | changes))
    )


def photo_findings(application):
    evaluation = application_evaluate(application=application, on=RECEIVED)
    return evaluation, [r for r in evaluation.findings if r.rule == "PRC-63"]


def test_two_identical_recent_photos_in_a_named_envelope_meet_the_specifications(officer):
    application = entered_complete(officer)
    intake = record(officer, application)

    assert intake.photos == {
        "count": 2,
        "identical": True,
        "taken_on": "2026-09-01",
        "in_small_envelope": True,
        "name_on_envelope": True,
        "stapled_or_clipped": False,
    }
    evaluation, found = photo_findings(application)
    assert [r.code for r in found] == ["PAPER_PHOTOS_MEET_SPECIFICATIONS"]
    assert evaluation.details["photos"][-1]["compliant"] is True


def test_one_photo_without_a_name_is_a_warning_the_screening_shows(officer, client):
    application = entered_complete(officer)
    record(officer, application, count=1, name_on_envelope=False)

    evaluation, found = photo_findings(application)
    assert {r.code for r in found} == {"PAPER_PHOTOS_NOT_TWO_IDENTICAL", "PAPER_PHOTOS_PACKAGING"}
    assert {r.severity for r in found} == {Severity.WARNING}
    # A warning, as the guide says such photos "may be" sent back: nothing blocks.
    assert evaluation.complete

    paper_intake.paper_application_send_to_screening(actor=officer, public_id=application.public_id)
    casework.screening_run(application=application)
    client.force_login(officer)
    for language, text in (
        ("en", "A paper application needs 2 identical photos; 1 provided."),
        ("fr", "Une demande papier exige 2 photos identiques ; 1 fournie(s)."),
    ):
        url = reverse("casework:screening", kwargs={"public_id": application.public_id})
        html = client.get(url if language == "en" else "/fr" + url[3:]).content.decode()
        assert text in html.replace("\u00a0", " ").replace("&#x27;", "'")


def test_the_paper_file_page_records_the_envelope_and_shows_what_the_rules_say(officer, client):
    application = paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(), today=TODAY)
    client.force_login(officer)
    url = reverse("alternatives:paper_file", kwargs={"public_id": application.public_id})
    assert "Not recorded yet." in client.get(url).content.decode()

    response = client.post(
        reverse("alternatives:paper_photos", kwargs={"public_id": application.public_id}),
        {
            "count": "2",
            "identical": "no",
            "taken_on": "2026-09-01",
            "in_small_envelope": "yes",
            "name_on_envelope": "yes",
            "stapled_or_clipped": "yes",
        },
    )
    assert response.status_code == 302
    html = client.get(url).content.decode()
    assert "A paper application needs 2 identical photos; 2 provided, not identical." in html.replace("\u00a0", " ")
    assert "without staples or paper clips" in html
    application.paper_intake.refresh_from_db()
    assert application.paper_intake.photos["identical"] is False


@pytest.mark.parametrize(
    ("changes", "field", "english", "french"),
    [
        (
            {"count": None},
            "count",
            "Enter how many photos the envelope holds, 0 if there are none.",
            "Entrez le nombre de photos que contient l’enveloppe, 0 s’il n’y en a aucune.",
        ),
        ({"count": 21}, "count", "Enter a number of photos from 0 to 20.", "Entrez un nombre de photos de 0 à 20."),
        (
            {"taken_on": date(2026, 11, 23)},
            "taken_on",
            "The photos cannot have been taken after the application was received. Check the date.",
            "Les photos ne peuvent pas avoir été prises après la réception de la demande. Vérifiez la date.",
        ),
        (
            {"name_on_envelope": None},
            "name_on_envelope",
            "Say whether the applicant’s name is written on the envelope.",
            "Indiquez si le nom du demandeur est écrit sur l’enveloppe.",
        ),
    ],
)
def test_a_bad_entry_is_refused_in_both_languages_and_saves_nothing(officer, changes, field, english, french):
    application = paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(), today=TODAY)
    with pytest.raises(PaperIntakeInvalid) as refused:
        record(officer, application, **changes)

    messages = refused.value.errors[field]
    assert [str(m) for m in messages] == [english]
    with translation.override("fr"):
        assert [str(m) for m in messages] == [french]
    application.paper_intake.refresh_from_db()
    assert application.paper_intake.photos == {}


def test_a_form_that_does_not_parse_is_refused_on_the_page(officer, client):
    application = paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(), today=TODAY)
    client.force_login(officer)
    response = client.post(
        reverse("alternatives:paper_photos", kwargs={"public_id": application.public_id}),
        {"count": "two", "taken_on": "2026-02-30"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter the number of photos as a whole number, for example 2." in html
    assert "Enter the date the photos were taken as year-month-day, for example 2026-11-22." in html
    application.paper_intake.refresh_from_db()
    assert application.paper_intake.photos == {}


def test_only_a_program_whose_photos_come_in_an_envelope_asks_them(officer):
    sponsorship = paper_intake.paper_application_register(
        actor=officer, data=pr_card_by_mail(program="spouse_sponsorship"), today=TODAY
    )
    with pytest.raises(Http404):
        record(officer, sponsorship)


def test_once_sent_to_screening_the_photos_can_no_longer_be_changed(officer):
    application = entered_complete(officer)
    paper_intake.paper_application_send_to_screening(actor=officer, public_id=application.public_id)
    with pytest.raises((Http404, paper_intake.ApplicationError)):
        record(officer, application)


def test_someone_who_does_not_take_in_paper_cannot_record_them(officer, applicant):
    from django.core.exceptions import PermissionDenied

    application = paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(), today=TODAY)
    with pytest.raises(PermissionDenied):
        record(applicant, application)
