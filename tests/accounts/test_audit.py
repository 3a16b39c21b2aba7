"""The audit log: append-only, complete, visible to administrators."""

import pytest
from django.db import connection

from portique.accounts.choices import AuditKind
from portique.accounts.models import AuditEvent
from portique.accounts.services import audit_record
from tests.conftest import PASSWORD
from tests.plans import plan_without_table_reads

from .conftest import login

pytestmark = pytest.mark.django_db


def test_audit_rows_cannot_be_changed_or_deleted(applicant):
    event = audit_record(kind=AuditKind.LOGIN, subject=applicant)
    event.kind = AuditKind.LOGOUT
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        AuditEvent.objects.filter(pk=event.pk).update(kind=AuditKind.LOGOUT)
    with pytest.raises(TypeError):
        AuditEvent.objects.all().delete()


def test_sign_in_events_record_who_when_and_from_where(client, applicant):
    login(client, applicant.email, "wrong password")
    client.post(
        "/en/account/login/", {"login": applicant.email, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Firefox test",
    )
    client.post("/en/account/logout/")
    kinds = list(AuditEvent.objects.filter(subject=applicant).order_by("id").values_list("kind", flat=True))
    assert kinds == [AuditKind.LOGIN_FAILED, AuditKind.LOGIN, AuditKind.LOGOUT]
    event = AuditEvent.objects.get(kind=AuditKind.LOGIN)
    assert event.ip == "203.0.113.9" and event.user_agent == "Firefox test" and event.occurred_at


@pytest.mark.django_db(transaction=True)
def test_password_change_is_audited_and_mailed(client, applicant, mailoutbox):
    login(client, applicant.email, PASSWORD)
    new = "another long phrase for 2027"
    response = client.post(
        "/en/account/password/change/", {"oldpassword": PASSWORD, "password1": new, "password2": new}
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(kind=AuditKind.PASSWORD_CHANGED, subject=applicant).exists()
    assert mailoutbox and mailoutbox[-1].to == [applicant.email]


def test_a_wrong_current_password_changes_nothing(client, applicant):
    login(client, applicant.email, PASSWORD)
    new = "another long phrase for 2027"
    response = client.post(
        "/en/account/password/change/", {"oldpassword": "nope nope nope", "password1": new, "password2": new}
    )
    assert response.status_code == 200
    applicant.refresh_from_db()
    assert applicant.check_password(PASSWORD)


def test_the_audit_page_lists_and_filters_events(client, administrator, applicant):
    audit_record(kind=AuditKind.LOGIN_FAILED, subject=applicant)
    audit_record(kind=AuditKind.LOGIN, subject=administrator)
    client.force_login(administrator)
    body = client.get("/en/account/audit/?kind=login_failed").content.decode()
    assert applicant.email in body
    assert "<td>Failed sign-in</td>" in body
    body = client.get("/en/account/audit/?email=admin@").content.decode()
    assert applicant.email not in body


def test_a_whole_address_finds_that_account_only_and_a_part_finds_every_address_containing_it(
    client, administrator
):
    for address in ("ann@example.ca", "joann@example.ca", "Ann.Lee@example.ca"):
        audit_record(kind=AuditKind.LOGIN_FAILED, subject_email=address)
    client.force_login(administrator)

    def found(search: str) -> list[str]:
        page = client.get("/en/account/audit/", {"email": search}).context["page"]
        return sorted(event.subject_email for event in page)

    # Pasted with capitals and spaces, as from a ticket: the same account.
    assert found("  ANN@example.ca ") == ["ann@example.ca"]
    assert found("ann@") == ["ann@example.ca", "joann@example.ca"]
    assert found("ann") == ["ann.lee@example.ca", "ann@example.ca", "joann@example.ca"]
    body = client.get("/fr/account/audit/").content.decode()
    assert "Une adresse entière ne trouve que ce compte" in body


def test_the_django_admin_shows_the_audit_log_read_only(client, administrator, applicant):
    event = audit_record(kind=AuditKind.LOGIN, subject=applicant)
    client.force_login(administrator)
    assert client.get("/en/admin/accounts/auditevent/").status_code == 200
    assert client.get(f"/en/admin/accounts/auditevent/{event.pk}/change/").status_code == 200
    client.post(f"/en/admin/accounts/auditevent/{event.pk}/delete/", {"post": "yes"})
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigram index exists on PostgreSQL only (accounts 0007)"
)
def test_a_part_of_an_address_is_looked_up_in_the_trigram_index_on_postgresql(applicant):
    # The index serves the search only while it indexes the very expression the search asks
    # (UPPER of the address): this fails if either side changes alone.
    from portique.accounts.selectors import audit_events

    audit_record(kind=AuditKind.LOGIN, subject=applicant)
    search = audit_events(email="Example").order_by().values("id")
    assert "accounts_audit_email_trgm" in plan_without_table_reads(search)
    assert [row["id"] for row in search] == [AuditEvent.objects.get(subject=applicant).id]
