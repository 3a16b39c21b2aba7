"""Paid representatives: sign-up with an identity document, verification by an officer."""

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from portique.accounts import services
from portique.accounts.choices import AuditKind, RepresentativeStatus, Role
from portique.accounts.models import AuditEvent, RepresentativeProfile, User

from .conftest import jpeg_bytes, pdf_bytes, png_bytes

STRONG = "a long phrase of several words 2026"


def _form(email="new.rep@example.ca", **overrides):
    data = {
        "first_name": "Dana",
        "last_name": "Consultant",
        "organisation": "Dana Immigration Inc.",
        "address_line": "1 Main Street",
        "city": "Ottawa",
        "province": "ON",
        "postal_code": "K1A 0B1",
        "country": "Canada",
        "telephone": "613-555-0100",
        "fax": "",
        "email": email,
        "password1": STRONG,
        "password2": STRONG,
        "membership_body": "cicc",
        "membership_number": "R712345",
        "id_document_type": "passport",
        "id_document": SimpleUploadedFile("passport.png", png_bytes(), content_type="image/png"),
    }
    data.update(overrides)
    return data


@pytest.mark.django_db(transaction=True)
def test_a_representative_signs_up_and_waits_for_verification(client, mailoutbox):
    response = client.post("/en/account/representative/signup/", _form())
    assert response.status_code == 302
    assert response["Location"] == "/en/account/confirm-email/"
    user = User.objects.get(email="new.rep@example.ca")
    assert user.role == Role.REPRESENTATIVE
    profile = user.representative_profile
    assert profile.status == RepresentativeStatus.PENDING
    assert profile.id_document_content_type == "image/png"
    # Stored under a random name through the default storage, never the uploaded name.
    assert "passport" not in profile.id_document.name and profile.id_document.name.endswith(".png")
    assert default_storage.exists(profile.id_document.name)
    assert mailoutbox[0].to == ["new.rep@example.ca"] and "/en/account/confirm-email/" in mailoutbox[0].body
    assert AuditEvent.objects.filter(kind=AuditKind.REPRESENTATIVE_REGISTERED, subject=user).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [("id.jpg", jpeg_bytes()), ("id.pdf", pdf_bytes())],
)
def test_jpeg_and_pdf_documents_are_accepted(client, name, content):
    data = _form(id_document=SimpleUploadedFile(name, content))
    assert client.post("/en/account/representative/signup/", data).status_code == 302
    assert RepresentativeProfile.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("passport.png", b"this is plain text pretending to be a PNG", "not a PDF, JPEG or PNG file"),
        ("passport.pdf", b"%PDF-1.4\nnot really a pdf at all", "not a PDF, JPEG or PNG file"),
        ("passport.jpg", png_bytes()[:60], "not a PDF, JPEG or PNG file"),  # truncated image
        ("passport.gif", b"GIF89a" + b"\x00" * 50, "not a PDF, JPEG or PNG file"),
        ("passport.pdf", pdf_bytes(javascript=True), "scripts"),
        ("passport.png", b"", "empty"),
    ],
)
def test_a_document_that_is_not_a_real_jpeg_png_or_pdf_is_refused(client, name, content, message):
    data = _form(id_document=SimpleUploadedFile(name, content, content_type="image/png"))
    response = client.post("/en/account/representative/signup/", data)
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert 'id="id_id_document_error"' in body
    assert not User.objects.filter(email="new.rep@example.ca").exists()


@pytest.mark.django_db
def test_a_document_over_the_limit_is_refused_and_the_limit_is_shown_before_upload(client, settings):
    page = client.get("/en/account/representative/signup/").content.decode()
    assert "up to 10.0\xa0MB" in page
    settings.IDENTITY_DOCUMENT_MAX_BYTES = 1000
    data = _form(id_document=SimpleUploadedFile("big.png", png_bytes(size=(800, 800))))
    response = client.post("/en/account/representative/signup/", data)
    assert "larger than" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_missing_fields_are_named_next_to_each_field(client):
    response = client.post("/en/account/representative/signup/", _form(membership_number="", telephone=""))
    body = response.content.decode()
    assert body.count("This field is required.") >= 2
    assert 'href="#id_membership_number"' in body


@pytest.mark.django_db(transaction=True)
def test_an_applicant_address_cannot_become_a_representative_account(client, applicant, mailoutbox):
    fresh = client.post("/en/account/representative/signup/", _form(email="brand.new@example.ca"))
    mailoutbox.clear()
    taken = client.post("/en/account/representative/signup/", _form(email=applicant.email))
    # The visitor sees exactly what a new sign-up sees.
    assert taken.status_code == fresh.status_code == 302
    assert taken["Location"] == fresh["Location"]
    applicant.refresh_from_db()
    assert applicant.role == Role.APPLICANT
    assert not RepresentativeProfile.objects.filter(user=applicant).exists()
    # The owner of the address is told why and what to do (seed 004).
    assert mailoutbox[0].to == [applicant.email]
    assert "cannot be used for a representative account" in mailoutbox[0].body
    assert "different e-mail address" in mailoutbox[0].body


@pytest.mark.django_db
def test_a_signed_in_applicant_is_told_what_to_do(client, applicant):
    client.force_login(applicant)
    body = client.get("/en/account/representative/signup/").content.decode()
    assert "cannot be used for a representative account" in body
    assert "different e-mail address" in body


@pytest.mark.django_db(transaction=True)
def test_a_supervisor_verifies_a_representative(supervisor, other_representative, mailoutbox):
    profile = other_representative.representative_profile
    services.representative_verify(actor=supervisor, profile=profile)
    profile.refresh_from_db()
    assert profile.status == RepresentativeStatus.VERIFIED
    assert profile.decided_by == supervisor
    event = AuditEvent.objects.get(kind=AuditKind.REPRESENTATIVE_VERIFIED)
    assert event.actor == supervisor and event.subject == other_representative
    assert mailoutbox[0].to == [other_representative.email]


@pytest.mark.django_db(transaction=True)
def test_a_refused_representative_is_told_why_on_their_account_page(client, supervisor, other_representative, mailoutbox):
    other_representative.preferred_language = "fr"
    other_representative.save()
    profile = other_representative.representative_profile
    services.representative_refuse(
        actor=supervisor, profile=profile, reason="The membership number is not on the CICC register."
    )
    # The e-mail says where to read the reason; an officer's words about a person are not e-mailed.
    assert "The membership number is not on the CICC register." not in mailoutbox[0].body
    assert "/fr/account/" in mailoutbox[0].body
    client.force_login(other_representative)
    body = client.get("/fr/account/").content.decode()
    assert "The membership number is not on the CICC register." in body


@pytest.mark.django_db
def test_a_refusal_needs_a_reason(supervisor, other_representative):
    with pytest.raises(ValidationError):
        services.representative_refuse(actor=supervisor, profile=other_representative.representative_profile, reason=" ")
    assert other_representative.representative_profile.status == RepresentativeStatus.PENDING


@pytest.mark.django_db
def test_only_supervisors_and_administrators_verify(officer, applicant, other_representative):
    profile = other_representative.representative_profile
    for actor in (officer, applicant, other_representative):
        with pytest.raises(PermissionDenied):
            services.representative_verify(actor=actor, profile=profile)
    profile.refresh_from_db()
    assert profile.status == RepresentativeStatus.PENDING
    assert not AuditEvent.objects.filter(kind=AuditKind.REPRESENTATIVE_VERIFIED).exists()


@pytest.mark.django_db
def test_a_decided_representative_cannot_be_decided_again(supervisor, administrator, other_representative):
    profile = other_representative.representative_profile
    services.representative_verify(actor=supervisor, profile=profile)
    with pytest.raises(ValidationError):
        services.representative_refuse(actor=administrator, profile=profile, reason="Changed my mind")
    profile.refresh_from_db()
    assert profile.status == RepresentativeStatus.VERIFIED


@pytest.mark.django_db
def test_the_review_page_verifies_through_the_service(client, supervisor, other_representative):
    client.force_login(supervisor)
    profile = other_representative.representative_profile
    page = client.get(f"/en/account/representatives/{profile.public_id}/")
    assert page.status_code == 200 and other_representative.email in page.content.decode()
    response = client.post(f"/en/account/representatives/{profile.public_id}/", {"decision": "verify"})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.status == RepresentativeStatus.VERIFIED


@pytest.mark.django_db
def test_the_review_page_needs_a_reason_to_refuse(client, supervisor, other_representative):
    client.force_login(supervisor)
    profile = other_representative.representative_profile
    response = client.post(f"/en/account/representatives/{profile.public_id}/", {"decision": "refuse", "reason": ""})
    assert response.status_code == 200
    assert 'id="id_reason_error"' in response.content.decode()
    profile.refresh_from_db()
    assert profile.status == RepresentativeStatus.PENDING


@pytest.mark.django_db
def test_the_unverified_address_of_a_new_representative(client):
    client.post("/en/account/representative/signup/", _form())
    assert not EmailAddress.objects.get(email="new.rep@example.ca").verified
