"""Officers: created by an administrator only, roles as groups, every change audited."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from portique.accounts import services
from portique.accounts.choices import AuditKind, OfficerRole, Role
from portique.accounts.models import AuditEvent, User

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_officer_create_command_makes_an_officer_with_roles_and_mails_a_setup_link(mailoutbox, capsys):
    from tests.conftest import ensure_officer_groups

    ensure_officer_groups()
    call_command(
        "officer_create", "New.Officer@example.ca", "--first-name", "Nadia", "--last-name", "Ouellet",
        "--role", "screening_officer", "--role", "decision_maker", "--language", "fr",
    )
    officer = User.objects.get(email="new.officer@example.ca")
    assert officer.role == Role.OFFICER
    assert not officer.has_usable_password()
    assert sorted(officer.groups.values_list("name", flat=True)) == ["decision_maker", "screening_officer"]
    assert not officer.is_staff  # only administrators reach the Django admin
    assert officer.has_perm("accounts.screen_application") and officer.has_perm("accounts.decide_application")
    assert not officer.has_perm("accounts.verify_representative")
    assert mailoutbox[0].to == ["new.officer@example.ca"]
    assert "/fr/account/password/reset/key/" in mailoutbox[0].body
    assert AuditEvent.objects.filter(kind=AuditKind.OFFICER_CREATED, subject=officer).exists()
    assert "created" in capsys.readouterr().out


def test_the_setup_link_works_once(client, mailoutbox):
    from tests.conftest import ensure_officer_groups

    ensure_officer_groups()
    officer, url = services.officer_create(
        actor=None, email="once@example.ca", first_name="A", last_name="B", roles=["screening_officer"]
    )
    path = url.split("8000", 1)[1]
    response = client.get(path)
    assert response.status_code == 302  # allauth moves the key into the session, then shows the form
    form_path = response["Location"]
    new = "a long phrase of several words 2026"
    response = client.post(form_path, {"password1": new, "password2": new})
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.check_password(new)
    assert AuditEvent.objects.filter(kind=AuditKind.PASSWORD_RESET, subject=officer).exists()
    # The same link again: refused (the token hashes the password, which has changed).
    client.logout()
    again = client.get(path, follow=True)
    assert again.context["token_fail"]
    assert "password1" not in again.content.decode()


def test_an_existing_address_cannot_become_an_officer(applicant):
    from tests.conftest import ensure_officer_groups

    ensure_officer_groups()
    with pytest.raises(ValidationError):
        services.officer_create(actor=None, email=applicant.email, first_name="A", last_name="B", roles=["supervisor"])
    applicant.refresh_from_db()
    assert applicant.role == Role.APPLICANT


def test_the_command_refuses_an_unknown_role():
    with pytest.raises(CommandError):
        call_command("officer_create", "x@example.ca", "--first-name", "A", "--last-name", "B", "--role", "king")


def test_only_an_administrator_creates_officers_or_changes_roles(officer, supervisor, administrator):
    for actor in (officer, supervisor):
        with pytest.raises(PermissionDenied):
            services.officer_create(actor=actor, email="z@example.ca", first_name="Z", last_name="Z", roles=["supervisor"])
        with pytest.raises(PermissionDenied):
            services.officer_set_roles(actor=actor, officer=officer, roles=["administrator"])
    services.officer_set_roles(actor=administrator, officer=officer, roles=[OfficerRole.SUPERVISOR])
    officer.refresh_from_db()
    assert list(officer.groups.values_list("name", flat=True)) == ["supervisor"]
    event = AuditEvent.objects.filter(kind=AuditKind.ROLE_CHANGED, subject=officer).get()
    assert event.actor == administrator
    assert event.details == {"from": ["screening_officer"], "to": ["supervisor"]}


def test_roles_are_only_for_officers(administrator, applicant):
    with pytest.raises(ValidationError):
        services.officer_set_roles(actor=administrator, officer=applicant, roles=["supervisor"])


def test_an_administrator_creates_an_officer_in_the_django_admin(client, administrator, mailoutbox):
    from tests.conftest import PASSWORD

    from .conftest import login

    login(client, administrator.email, PASSWORD)
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import decrypt

    from portique.accounts.totp import current_code

    secret = decrypt(Authenticator.objects.get(user=administrator, type="totp").data["secret"])
    client.post("/en/account/2fa/authenticate/", {"code": current_code(secret)})
    response = client.post(
        "/en/admin/accounts/user/add/",
        {"email": "from.admin@example.ca", "first_name": "Pat", "last_name": "Admin", "preferred_language": "en",
         "roles": ["decision_maker"]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    officer = User.objects.get(email="from.admin@example.ca")
    assert officer.role == Role.OFFICER
    assert list(officer.groups.values_list("name", flat=True)) == ["decision_maker"]
    assert AuditEvent.objects.filter(kind=AuditKind.OFFICER_CREATED, actor=administrator).exists()
    assert re.search(r"/en/account/password/reset/key/", mailoutbox[-1].body)

    response = client.post(
        f"/en/admin/accounts/user/{officer.pk}/change/",
        {"first_name": "Pat", "last_name": "Admin", "preferred_language": "en", "is_active": "on",
         "roles": ["decision_maker", "supervisor"]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert sorted(officer.groups.values_list("name", flat=True)) == ["decision_maker", "supervisor"]
    assert AuditEvent.objects.filter(kind=AuditKind.ROLE_CHANGED, subject=officer, actor=administrator).count() == 2


def test_the_django_admin_signs_in_through_the_portal(client):
    response = client.get("/en/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/en/account/login/")
    assert client.get("/en/admin/login/")["Location"].startswith("/en/account/login/")
