"""Finding 7: the Django admin changes roles only through the audited role service.

The role groups and their permissions are defined by a migration; in the admin they are
shown, never added, changed or deleted, even by a superuser. An officer's roles and an
account's activation change on the account's page, through the services, each with an
audit row; the fields that would bypass them (groups, permissions, staff and superuser
status) are not on the form, and posting them changes nothing.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from portique.accounts.choices import AuditKind
from portique.accounts.models import AuditEvent, User
from tests.conftest import _officer


def _admin_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def superuser(db):
    from tests.conftest import enrol_totp

    user = User.objects.create_superuser(email="root@example.ca", password="correct horse battery staple 42")
    enrol_totp(user)
    return user


def _group_state():
    return {group.name: sorted(group.permissions.values_list("codename", flat=True)) for group in Group.objects.all()}


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["administrator", "superuser"])
def test_role_groups_cannot_be_added_changed_or_deleted_in_the_admin(who, administrator, superuser):
    client = _admin_client(administrator if who == "administrator" else superuser)
    screeners = Group.objects.get(name="screening_officer")
    decide = Permission.objects.get(codename="decide_application")
    before = _group_state()
    assert client.post(
        f"/en/admin/auth/group/{screeners.pk}/change/", {"name": "screening_officer", "permissions": [decide.pk]}
    ).status_code == 403
    assert client.post("/en/admin/auth/group/add/", {"name": "shadow", "permissions": [decide.pk]}).status_code == 403
    assert client.post(f"/en/admin/auth/group/{screeners.pk}/delete/", {"post": "yes"}).status_code == 403
    assert _group_state() == before
    # Still visible, read-only: an administrator can see what each role may do.
    page = client.get(f"/en/admin/auth/group/{screeners.pk}/change/")
    assert page.status_code == 200 and 'name="permissions"' not in page.content.decode()


@pytest.mark.django_db
def test_an_officers_roles_change_only_through_the_audited_form_field(administrator, superuser):
    officer = _officer("screener@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    client = _admin_client(superuser)
    decide = Permission.objects.get(codename="decide_application")
    supervisors = Group.objects.get(name="supervisor")
    response = client.post(
        f"/en/admin/accounts/user/{officer.pk}/change/",
        {
            "first_name": "Jordan",
            "last_name": "Singh",
            "preferred_language": "en",
            "is_active": "on",
            "roles": ["screening_officer"],
            # Fields the form does not have: ignored.
            "groups": [supervisors.pk],
            "user_permissions": [decide.pk],
            "is_superuser": "on",
            "is_staff": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    officer.refresh_from_db()
    assert list(officer.groups.values_list("name", flat=True)) == ["screening_officer"]
    assert not officer.user_permissions.exists() and not officer.is_superuser and not officer.is_staff
    assert not officer.has_perm("accounts.decide_application")
    assert not AuditEvent.objects.filter(kind=AuditKind.ROLE_CHANGED, subject=officer, actor=superuser).exists()

    response = client.post(
        f"/en/admin/accounts/user/{officer.pk}/change/",
        {"first_name": "Jordan", "last_name": "Singh", "preferred_language": "en", "roles": ["decision_maker"]},
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    assert list(officer.groups.values_list("name", flat=True)) == ["decision_maker"]
    assert not officer.is_active
    changed = AuditEvent.objects.get(kind=AuditKind.ROLE_CHANGED, subject=officer, actor=superuser)
    assert changed.details == {"from": ["screening_officer"], "to": ["decision_maker"]}
    assert AuditEvent.objects.filter(kind=AuditKind.ACCOUNT_DEACTIVATED, subject=officer, actor=superuser).exists()


@pytest.mark.django_db
def test_an_officer_opening_a_representatives_identity_document_is_audited(supervisor, representative):
    profile = representative.representative_profile
    client = _admin_client(supervisor)
    response = client.get(f"/en/account/representatives/{profile.public_id}/identity-document/")
    assert response.status_code == 200
    b"".join(response.streaming_content)
    event = AuditEvent.objects.get(kind=AuditKind.IDENTITY_DOCUMENT_VIEWED)
    assert (event.actor, event.subject) == (supervisor, representative)
    # The representative reading their own document is not an officer's access.
    _admin_client(representative).get(f"/en/account/representatives/{profile.public_id}/identity-document/")
    assert AuditEvent.objects.filter(kind=AuditKind.IDENTITY_DOCUMENT_VIEWED).count() == 1
