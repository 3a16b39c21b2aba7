"""A returned application restarts pinned to the one returned (IRPR 12): the grounds of the return at
the top, each linked to its page; the documents carried over and checked again; what changed since;
and the returned version kept read-only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portique.applications.choices import Status
from portique.applications.people import services as people
from portique.applications.restart_pin import restart_pin
from portique.applications.services import ApplicationError
from portique.casework import services
from portique.casework.choices import FindingSource, Verdict
from portique.casework.models import Finding, Screening
from portique.documents.models import Document
from tests import journey

from .test_services import ON, add_missing


@pytest.fixture
def client_for(client):
    def signed_in(user):
        client.force_login(user)
        return client

    return signed_in


def returned_with_grounds(officer, application):
    """Returned for an illegible copy (an officer's ground) and a family name the rules could not read."""
    add_missing(officer, application)
    screening = Screening.objects.get(application=application)
    Finding.objects.create(
        screening=screening,
        source=FindingSource.RULES,
        code="FORM_ANSWER_REQUIRED",
        rule="PRC-67",
        citation="IMM 5444 — Section B",
        en="Give your family name as on your passport.",
        fr="Indiquez votre nom de famille comme sur votre passeport.",
        subject="p0/IMM5444/personal.family_name",
        verdict=Verdict.CONFIRMED,
    )
    services.application_return(actor=officer, public_id=application.public_id, on=ON)
    application.refresh_from_db()
    assert application.status == Status.RETURNED
    return application


@pytest.mark.django_db
def test_the_restart_lists_the_grounds_each_linked_to_its_page(officer, applicant, submitted):
    returned = returned_with_grounds(officer, submitted)
    new = people.application_restart(actor=applicant, public_id=returned.public_id)
    assert new.restarted_from == returned
    pin = restart_pin(new, "en")
    messages = [ground.message for ground in pin.grounds]
    assert messages == [
        "A copy is not clear enough to be read.",
        "Give your family name as on your passport.",
    ]
    illegible, family_name = pin.grounds
    assert illegible.url == reverse("documents:index", args=[new.public_id])
    assert illegible.detail == "The passport copy is blurred."
    # The ground names the question: the link opens it.
    assert family_name.url == reverse("applications:section", args=[new.public_id, "personal"]) + "#id_family_name"
    assert family_name.place == "section"
    # In French, the same grounds in French.
    assert restart_pin(new, "fr").grounds[1].message == "Indiquez votre nom de famille comme sur votre passeport."


@pytest.mark.django_db
def test_the_documents_are_carried_over_and_checked_again(officer, applicant, submitted):
    returned = returned_with_grounds(officer, submitted)
    # One of the returned files no longer passes the checks (say, its stored copy is damaged).
    broken = (
        returned.documents.filter(state="current", content_type="application/pdf")
        .exclude(item_code__in=("PHOTO", "PHOTO_BACK"))
        .first()
    )
    with broken.file.open("wb") as stored:
        stored.write(b"not a document any more")
    new = people.application_restart(actor=applicant, public_id=returned.public_id)
    evidence = returned.documents.filter(state="current", purpose="evidence")
    photos = evidence.filter(item_code__in=("PHOTO", "PHOTO_BACK")).count()
    carried = Document.objects.filter(application=new, state="current")
    assert carried.count() == evidence.count() - photos - 1
    assert broken.original_name not in set(carried.values_list("original_name", flat=True))
    # Every copy is a file of its own, checked again: the same content, a new stored file.
    for copy in carried:
        original = evidence.get(original_name=copy.original_name)
        assert (copy.sha256, copy.item_code) == (original.sha256, original.item_code)
        assert copy.file.name != original.file.name
        assert copy.events.get().detail == f"carried over from {returned.number}"
    pin = restart_pin(new, "en")
    names = {document["name"] for document in pin.not_carried}
    assert broken.original_name in names and "photo.jpg" in names
    assert pin.carried == carried.count()


@pytest.mark.django_db
def test_changes_since_the_return_are_listed_by_section(officer, applicant, submitted):
    returned = returned_with_grounds(officer, submitted)
    new = people.application_restart(actor=applicant, public_id=returned.public_id)
    assert restart_pin(new, "en").changes == ()
    personal = dict(new.people.get().answers["IMM5444"]["personal"], family_name="Tremblay-Roy")
    journey.save_answers(applicant, new, {"personal": personal})
    (change,) = restart_pin(new, "en").changes
    assert change.title and change.fields == ("Family name",) or "Family name" in change.fields[0]
    assert change.url == reverse("applications:section", args=[new.public_id, "personal"])


@pytest.mark.django_db
def test_the_returned_version_stays_read_only_and_viewable(client_for, officer, applicant, submitted):
    returned = returned_with_grounds(officer, submitted)
    new = people.application_restart(actor=applicant, public_id=returned.public_id)
    # A second request (a double click) finds the same restart.
    assert people.application_restart(actor=applicant, public_id=returned.public_id) == new
    with pytest.raises(ApplicationError):
        journey.save_answers(applicant, returned, {"personal": {"family_name": "Changed"}})
    client = client_for(applicant)
    page = client.get(reverse("applications:overview", args=[returned.public_id])).content.decode()
    assert reverse("applications:submitted_copy", args=[returned.public_id]) in page
    assert reverse("applications:overview", args=[new.public_id]) in page
    overview = client.get(reverse("applications:overview", args=[new.public_id])).content.decode()
    assert "A copy is not clear enough to be read." in overview
    assert reverse("applications:overview", args=[returned.public_id]) in overview


@pytest.mark.django_db
def test_the_representatives_restart_is_pinned_too(representative, applicant):
    from portique.applications import services as application_services
    from portique.representation import services as representation_services
    from tests.representation.conftest import TODAY, signed_and_declared

    application, _representation = signed_and_declared(representative, applicant)
    representation_services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    application.refresh_from_db()
    application_services.application_transition(
        application=application, to_status=Status.RETURNED, actor=None, reason="incomplete"
    )
    restarted = representation_services.representation_restart(actor=representative, public_id=application.public_id)
    assert restarted.application.restarted_from == application
    assert representation_services.representation_restart(actor=representative, public_id=application.public_id) == restarted
    assert Document.objects.filter(application=restarted.application).exists()


@pytest.mark.django_db
def test_a_restart_that_fails_midway_leaves_no_copied_file_behind(officer, applicant, submitted, monkeypatch):
    from django.core.files.storage import default_storage

    from portique.documents import services as document_services

    returned = returned_with_grounds(officer, submitted)
    copied: list[str] = []
    carry_one = document_services._carry_one

    def carry_then_fail_on_the_third(**kwargs):
        if len(copied) == 2:
            raise RuntimeError("the database went away")
        document = carry_one(**kwargs)
        if document is not None:
            copied.append(document.file.name)
        return document

    monkeypatch.setattr(document_services, "_carry_one", carry_then_fail_on_the_third)
    with pytest.raises(RuntimeError):
        people.application_restart(actor=applicant, public_id=returned.public_id)
    # Nothing of the restart stays: no new application, and no stored file without its row.
    assert len(copied) == 2
    assert not returned.restarts.exists()
    assert not any(default_storage.exists(name) for name in copied)
