"""The representative's portal and the client's side over HTTP: who sees what, and clear refusals."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from portique.applications.choices import Status
from portique.representation import selectors
from portique.representation.models import Representation
from tests import journey
from tests.representation.conftest import accepted, created, prepared, signed_and_declared


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.mark.django_db
def test_the_dashboard_lists_only_the_representatives_own_clients(representative, applicant, other_applicant):
    from tests.conftest import _representative_profile, _user, enrol_totp

    other = _user("third-rep@example.ca", "representative", first_name="Third", last_name="Rep")
    _representative_profile(other)
    enrol_totp(other)
    mine, _ = created(representative, client_name="Alex Tremblay")
    theirs, _ = created(other, client_email=applicant.email, client_name="Alex Tremblay (other)")
    page = _client(representative).get(_url("representation:dashboard"))
    assert page.status_code == 200
    assert mine.number in page.content.decode() and theirs.number not in page.content.decode()
    assert page.context["counts"]["total"] == 1
    # Two representatives of the same client never see each other's drafts.
    assert (
        _client(representative).get(_url("representation:file", public_id=theirs.public_id)).status_code
        == 404
    )
    assert (
        _client(representative)
        .get(_url("applications:section", public_id=theirs.public_id, section="personal"))
        .status_code
        == 404
    )
    for outsider in (applicant, other_applicant):
        assert _client(outsider).get(_url("representation:dashboard")).status_code == 404
        assert _client(outsider).get(_url("representation:file", public_id=mine.public_id)).status_code == 404


@pytest.mark.django_db
def test_the_dashboard_filters_by_who_it_waits_for(representative, applicant):
    waiting_on_client, _ = accepted(representative, applicant)
    waiting_on_me, _ = created(representative, client_email="someone@example.ca", client_name="Zoé Client")
    page = _client(representative).get(_url("representation:dashboard") + "?waiting=client")
    body = page.content.decode()
    assert waiting_on_client.number in body and waiting_on_me.number not in body
    page = _client(representative).get(
        _url("representation:dashboard") + "?waiting=representative&sort=client"
    )
    body = page.content.decode()
    assert waiting_on_me.number in body and waiting_on_client.number not in body
    assert page.context["counts"] == {"total": 2, "on_client": 1, "on_representative": 1, "returned": 0}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "not verified yet"), ("fr", "pas encore vérifiées")],
)
def test_a_pending_representative_is_told_why_and_nothing_is_created(other_representative, language, text):
    client = _client(other_representative)
    page = client.get(_url("representation:dashboard", language))
    assert page.status_code == 200 and _url("representation:create", language) not in page.content.decode()
    response = client.post(
        _url("representation:create", language),
        {"program": "pr_card", "client_name": "Alex", "client_email": "alex@example.ca"},
    )
    assert response.status_code == 200 and text in response.content.decode()
    assert not Representation.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "belongs to a representative"), ("fr", "appartient au compte d’un représentant")],
)
def test_creating_for_a_representatives_address_is_refused_in_both_languages(
    representative, other_representative, language, text
):
    response = _client(representative).post(
        _url("representation:create", language),
        {"program": "pr_card", "client_name": "Alex", "client_email": other_representative.email},
    )
    assert response.status_code == 200 and text in response.content.decode()
    assert not Representation.objects.exists()


@pytest.mark.django_db
def test_creating_and_linking_through_the_pages(representative, applicant):
    client = _client(representative)
    response = client.post(
        _url("representation:create"),
        {"program": "pr_card", "client_name": "Alex Tremblay", "client_email": applicant.email},
    )
    representation = Representation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("representation:file", public_id=representation.application.public_id)
    page = client.get(response["Location"])
    assert page.status_code == 200 and "R700001" in page.content.decode()
    own = journey.ready_to_submit(applicant)
    response = client.post(
        _url("representation:link"),
        {"number": "PRC20260000000", "client_name": "Alex", "client_email": applicant.email},
    )
    assert response.status_code == 302 and response["Location"] == _url("representation:dashboard")
    response = client.post(
        _url("representation:link"),
        {"number": own.number, "client_name": "Alex", "client_email": applicant.email},
    )
    assert response.status_code == 302 and Representation.objects.filter(application=own).exists()
    # The dashboard does not list it before the client accepts (tests/security/test_link_request_oracle.py).
    assert own.number not in client.get(_url("representation:dashboard")).content.decode()


@pytest.mark.django_db
def test_a_client_edit_attempt_is_refused_and_changes_nothing(representative, applicant):
    application, _ = accepted(representative, applicant)
    client = _client(applicant)
    version = application.version
    section = _url("applications:section", public_id=application.public_id, section="contact")
    page = client.get(section)
    assert page.status_code == 403
    assert "you can review it and sign it, but not change it" in page.content.decode()
    response = client.post(section, {"version": version})
    assert response.status_code == 403
    page = client.get(_url("applications:section", "fr", public_id=application.public_id, section="contact"))
    assert "mais non la modifier" in page.content.decode()
    application.refresh_from_db()
    assert application.version == version
    # The overview sends the client to the read-only review.
    response = client.get(_url("applications:overview", public_id=application.public_id))
    assert response["Location"] == _url("representation_client:review", public_id=application.public_id)


@pytest.mark.django_db
def test_a_representative_cannot_reach_the_clients_signature(representative, applicant):
    application, _ = accepted(representative, applicant)
    client = _client(representative)
    page = client.get(_url("applications:sign", public_id=application.public_id))
    assert page.status_code == 403 and "cannot sign electronically for the client" in page.content.decode()
    response = client.post(
        _url("representation_client:review", public_id=application.public_id),
        {"typed_name": "Alex Marie Tremblay"},
    )
    assert response.status_code == 404
    assert not application.signatures.exists()


@pytest.mark.django_db
def test_the_client_reviews_everything_and_signs_in_their_own_account(representative, applicant):
    application, representation = accepted(representative, applicant)
    client = _client(applicant)
    url = _url("representation_client:review", public_id=application.public_id)
    page = client.get(url)
    body = page.content.decode()
    assert page.status_code == 200
    assert "Tremblay" in body and "R700001" in body and 'name="typed_name"' in body
    response = client.post(
        url,
        {
            "typed_name": "Alex Tremblay",
            "version": application.version,
            "declaration_version": "IMM5444-APPLICANT-2026-11",
        },
    )
    assert "exactly as it is shown in your passport" in response.content.decode()
    response = client.post(
        url,
        {
            "typed_name": "Alex Marie Tremblay",
            "version": application.version,
            "declaration_version": "IMM5444-APPLICANT-2026-11",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.SIGNED
    assert "You signed this application" in client.get(url).content.decode()


@pytest.mark.django_db
def test_submit_is_disabled_until_every_signature_and_declaration_is_in(representative, applicant):
    application, _ = accepted(representative, applicant)
    client = _client(representative)
    page = client.get(_url("representation:file", public_id=application.public_id)).content.decode()
    assert 'disabled aria-describedby="submit-blocked"' in page
    response = client.post(_url("representation:submit", public_id=application.public_id))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status != Status.SUBMITTED
    journey.sign(applicant, application)
    response = client.post(
        _url("representation:declare", public_id=application.public_id),
        {"confirm": "1", "declaration_version": "REP-DECLARATION-2026-11"},
    )
    page = client.get(_url("representation:file", public_id=application.public_id)).content.decode()
    assert "You gave your declaration" in page
    assert 'aria-describedby="submit-blocked"' not in page and " disabled" not in page
    response = client.post(_url("representation:submit", public_id=application.public_id))
    assert response["Location"] == _url("applications:confirmation", public_id=application.public_id)


@pytest.mark.django_db
def test_after_submission_letters_and_requests_reach_the_representative_and_the_client(
    representative, applicant, officer
):
    from portique.casework import services as casework_services
    from portique.representation import services

    application, _ = signed_and_declared(representative, applicant)
    services.representation_submit(actor=representative, public_id=application.public_id, on=journey.TODAY)
    application.refresh_from_db()
    casework_services.screening_run(application=application)
    casework_services.application_accept(
        actor=officer, public_id=application.public_id, on=journey.TODAY, draw=lambda: 0.99
    )
    casework_services.processing_start(actor=officer, public_id=application.public_id)
    request = casework_services.request_send(
        actor=officer,
        public_id=application.public_id,
        description="A copy of your lease",
        due_on=journey.TODAY.replace(year=2027),
        on=journey.TODAY,
    )
    for user in (representative, applicant):
        page = _client(user).get(_url("applications:overview", public_id=application.public_id))
        assert page.status_code == 200
        body = page.content.decode()
        assert (
            _url("casework_applicant:request", public_id=application.public_id, request_id=request.public_id)
            in body
        )
        letter = application.letters.first()
        with translation.override("en"):
            letter_url = reverse(
                "casework_applicant:letter", args=[application.public_id, letter.public_id, "en"]
            )
        assert _client(user).get(letter_url).status_code == 200
    (row,) = selectors.dashboard_rows(representative=representative)
    assert (row.waiting, row.on_whom, row.request_due) == ("request", "representative", request.due_on)


@pytest.mark.django_db
def test_the_client_accepts_and_revokes_from_their_account(representative, applicant):
    application, representation = prepared(representative, applicant.email)
    from portique.representation import services

    services.representation_invite(actor=representative, public_id=application.public_id)
    client = _client(applicant)
    page = client.get(_url("representation_client:index"))
    assert "Accept this representative" in page.content.decode()
    response = client.post(_url("representation_client:accept", public_id=representation.public_id))
    assert response["Location"] == _url("representation_client:review", public_id=application.public_id)
    assert (
        client.get(_url("representation_client:revoke", public_id=representation.public_id)).status_code
        == 200
    )
    response = client.post(_url("representation_client:revoke", public_id=representation.public_id))
    assert response.status_code == 302
    assert (
        _client(representative).get(_url("representation:file", public_id=application.public_id)).status_code
        == 404
    )
    assert client.get(_url("applications:overview", public_id=application.public_id)).status_code == 200


@pytest.mark.django_db
def test_the_client_reads_the_documents_and_receipts_but_gets_no_upload_form(representative, applicant):
    application, _ = accepted(representative, applicant)
    client = _client(applicant)
    page = client.get(_url("documents:index", public_id=application.public_id))
    assert page.status_code == 200 and 'type="file"' not in page.content.decode()
    assert (
        'type="file"'
        in _client(representative)
        .get(_url("documents:index", public_id=application.public_id))
        .content.decode()
    )
    document = application.documents.filter(state="current").first()
    download = client.get(
        _url("documents:download", public_id=application.public_id, document_id=document.public_id)
    )
    assert download.status_code == 200
    review = client.get(
        _url("representation_client:review", public_id=application.public_id)
    ).content.decode()
    assert (
        _url("documents:download", public_id=application.public_id, document_id=document.public_id) in review
    )
    receipt = application.payments.filter(status="approved").first()
    page = client.get(
        _url("payments:received", public_id=application.public_id, receipt_number=receipt.receipt_number)
    )
    assert page.status_code == 200
    # Paying, uploading, removing: the client only reads (403 with the reason).
    assert client.get(_url("payments:pay", public_id=application.public_id)).status_code == 403


@pytest.mark.django_db
def test_the_officer_sees_the_representative_and_the_signed_imm5476_and_it_is_logged(
    representative, applicant, officer
):
    from portique.casework.models import FileAccess
    from portique.representation import services

    application, _ = signed_and_declared(representative, applicant)
    services.representation_submit(actor=representative, public_id=application.public_id, on=journey.TODAY)
    officer_client = _client(officer)
    page = officer_client.get(_url("casework:file", public_id=application.public_id)).content.decode()
    assert "R700001" in page and "Paid representative (IMM 5476)" in page
    download = officer_client.get(_url("casework:imm5476", public_id=application.public_id))
    assert download.status_code == 200 and "no-store" in download["Cache-Control"]
    assert FileAccess.objects.filter(
        application=application, what="IMM 5476 (signed)", officer=officer
    ).exists()
    # Nobody else: another applicant gets a 404.
    from tests.conftest import _user

    outsider = _user("nobody@example.ca", "applicant")
    assert _client(outsider).get(_url("casework:imm5476", public_id=application.public_id)).status_code == 404


@pytest.mark.django_db
def test_the_dashboard_costs_the_same_queries_for_one_client_or_many(representative, applicant):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    accepted(representative, applicant)
    client = _client(representative)
    client.get(_url("representation:dashboard"))  # the session's first request writes its bookkeeping
    with CaptureQueriesContext(connection) as one:
        client.get(_url("representation:dashboard"))
    for number in range(3):
        created(representative, client_email=f"client{number}@example.ca", client_name=f"Client {number}")
    with CaptureQueriesContext(connection) as four:
        page = client.get(_url("representation:dashboard"))
    assert page.context["counts"]["total"] == 4
    assert len(four) == len(one), [q["sql"] for q in four.captured_queries]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_refused_invitation_is_shown_as_a_problem_never_in_the_success_style(representative, language):
    application, _ = created(representative)
    # No signed IMM 5476 uploaded yet: the invitation is refused.
    page = _client(representative).post(
        _url("representation:invite", language, public_id=application.public_id), follow=True
    )
    body = page.content.decode()
    assert '<div class="message message-error" role="alert">' in body
    assert "message-success" not in body
    assert "IMM 5476" in body.split('<div class="message message-error"', 1)[1].split("</div>", 1)[0]


def _many_clients(representative, count: int) -> list[Representation]:
    """``count`` clients' files of ``representative`` (one made by the service, the others copied
    as rows: the list reads nothing else), named "Client 000", "Client 001" …"""
    import uuid

    application, representation = created(representative, client_name="Client 000")
    made = [representation]
    for number in range(1, count):
        application.pk = application.id = None
        application.public_id = uuid.uuid4()
        application.number = f"PRC2026{8000000 + number:07d}"
        application.save()
        representation.pk = representation.id = None
        representation.public_id = uuid.uuid4()
        representation.application = application
        representation.client_name = f"Client {number:03d}"
        representation.save()
        made.append(Representation.objects.get(pk=representation.pk))
    return made


@pytest.mark.django_db
def test_the_dashboard_shows_fifty_clients_a_page_and_a_search_finds_any_of_them(representative):
    made = _many_clients(representative, 120)
    client = _client(representative)
    url = _url("representation:dashboard")
    first = client.get(url, {"sort": "client"})
    names = [row.representation.client_name for row in first.context["page"]]
    assert names == [f"Client {number:03d}" for number in range(50)]
    assert first.context["counts"]["total"] == 120
    body = first.content.decode()
    assert "Your clients' applications: 120 applications (1 to 50 shown)" in body
    assert 'href="?sort=client&amp;page=2">Next<' in body and 'href="?sort=client&amp;page=3">Last page<' in body
    assert "First page" not in body and ">Previous<" not in body
    # Every client once over the pages, in order.
    seen = []
    for number in (1, 2, 3):
        seen += [row.representation.client_name for row in client.get(url, {"sort": "client", "page": number}).context["page"]]
    assert seen == [f"Client {number:03d}" for number in range(120)]
    last = client.get(url, {"sort": "client", "page": 3}).content.decode()
    assert 'href="?sort=client&amp;page=1">First page<' in last and 'href="?sort=client&amp;page=2">Previous<' in last
    assert ">Next<" not in last and "(101 to 120 shown)" in last
    french = client.get(_url("representation:dashboard", "fr"), {"sort": "client", "page": 2}).content.decode()
    for words in ("Première page", "Précédente", "Suivante", "Dernière page", "Demandes de vos clients\u00a0: 120 demandes"):
        assert words in french, words
    # A client on the last page is found by name, or by number, from the first.
    found = client.get(url, {"q": "client 117"})
    assert [row.representation.pk for row in found.context["page"]] == [made[117].pk]
    assert found.context["counts"]["total"] == 120
    by_number = client.get(url, {"q": made[118].application.number.lower()})
    assert [row.representation.pk for row in by_number.context["page"]] == [made[118].pk]
    assert selectors.dashboard_rows(representative=representative, search="nobody") == []


@pytest.mark.django_db
def test_the_dashboard_runs_the_same_queries_for_one_client_as_for_sixty(
    representative, django_assert_max_num_queries
):
    client = _client(representative)
    url = _url("representation:dashboard")
    created(representative, client_name="Client 000")
    client.get(url)  # the session and the caches settle
    with django_assert_max_num_queries(30) as one:
        client.get(url)
    _many_clients(representative, 60)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert len(response.context["page"]) == 50
