"""Each role reaches only its own pages; "not found" and "not yours" look the same."""

import uuid

import pytest

pytestmark = pytest.mark.django_db

OFFICER_PAGES = ["/en/account/representatives/", "/en/account/audit/"]


def _statuses(client, user, paths):
    client.force_login(user)
    return {path: client.get(path).status_code for path in paths}


def test_visitors_are_sent_to_sign_in(client):
    for path in ["/en/account/", *OFFICER_PAGES]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/account/login/?next=")


def test_applicants_and_representatives_do_not_reach_officer_pages(client, applicant, representative):
    for user in (applicant, representative):
        assert _statuses(client, user, OFFICER_PAGES) == {path: 404 for path in OFFICER_PAGES}
        assert client.get("/en/account/").status_code == 200


def test_a_screening_officer_reaches_neither_verification_nor_audit(client, officer):
    assert _statuses(client, officer, OFFICER_PAGES) == {path: 404 for path in OFFICER_PAGES}


def test_a_supervisor_verifies_but_does_not_read_the_audit_log(client, supervisor):
    assert _statuses(client, supervisor, OFFICER_PAGES) == {
        "/en/account/representatives/": 200,
        "/en/account/audit/": 404,
    }


def test_an_administrator_reaches_both(client, administrator):
    assert _statuses(client, administrator, OFFICER_PAGES) == {path: 200 for path in OFFICER_PAGES}


def test_a_representative_reads_their_own_document_but_not_another_one(client, representative, other_representative):
    own = representative.representative_profile
    other = other_representative.representative_profile
    client.force_login(representative)
    response = client.get(f"/en/account/representatives/{own.public_id}/identity-document/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"] == "no-store"
    not_yours = client.get(f"/en/account/representatives/{other.public_id}/identity-document/")
    not_found = client.get(f"/en/account/representatives/{uuid.uuid4()}/identity-document/")
    assert not_yours.status_code == not_found.status_code == 404
    assert not_yours.content == not_found.content


def test_an_applicant_gets_the_same_answer_for_a_profile_that_exists_and_one_that_does_not(
    client, applicant, other_representative
):
    client.force_login(applicant)
    exists = client.get(f"/en/account/representatives/{other_representative.representative_profile.public_id}/")
    missing = client.get(f"/en/account/representatives/{uuid.uuid4()}/")
    assert exists.status_code == missing.status_code == 404
    assert exists.content == missing.content


def test_a_supervisor_downloads_a_document_to_review(client, supervisor, other_representative):
    client.force_login(supervisor)
    profile = other_representative.representative_profile
    response = client.get(f"/en/account/representatives/{profile.public_id}/identity-document/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_representative_cannot_verify_themselves_through_the_review_page(client, other_representative):
    client.force_login(other_representative)
    profile = other_representative.representative_profile
    response = client.post(f"/en/account/representatives/{profile.public_id}/", {"decision": "verify"})
    assert response.status_code == 404
    profile.refresh_from_db()
    assert profile.status == "pending"


def test_a_non_administrator_does_not_reach_the_django_admin(client, supervisor):
    client.force_login(supervisor)
    response = client.get("/en/admin/")
    assert response.status_code in (302, 403)
    assert "Site administration" not in response.content.decode()


def test_one_cannot_end_someone_elses_session(client, applicant, other_applicant):
    from allauth.usersessions.models import UserSession

    other = UserSession.objects.create(user=other_applicant, ip="192.0.2.1", session_key="x" * 32, user_agent="UA")
    client.force_login(applicant)
    response = client.post(f"/en/account/sessions/{other.pk}/end/")
    assert response.status_code == 404
    assert UserSession.objects.filter(pk=other.pk).exists()


def test_the_account_page_query_count_does_not_grow_with_history(client, representative, django_assert_max_num_queries):
    from portique.accounts.choices import AuditKind
    from portique.accounts.services import audit_record

    client.force_login(representative)
    for _ in range(30):
        audit_record(kind=AuditKind.LOGIN, subject=representative)
    # Pinned: the busiest accounts page (profile, MFA, sessions, history, roles).
    with django_assert_max_num_queries(18):
        assert client.get("/en/account/").status_code == 200
