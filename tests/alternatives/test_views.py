"""The public pages (no account) and the officers' queue, through HTTP."""

import re

import pytest
from django.test import Client

from portique.alternatives.choices import RequestStatus
from portique.alternatives.models import KitRequest

from .conftest import form_data

pytestmark = pytest.mark.django_db
KIT_URL = "/{language}/alternatives/kit/"
QUESTIONS_URL = "/{language}/alternatives/do-i-have-to-apply-online/"


# --- "Do I have to apply online?" --------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_questions_page_needs_no_account(client, language):
    response = client.get(QUESTIONS_URL.format(language=language))
    assert response.status_code == 200
    assert response.context["outcome"] is None
    page = response.content.decode()
    assert (
        "Do I have to apply online?" if language == "en" else "Dois-je présenter ma demande en ligne\u00a0?"
    ) in page
    # Every row of the seed-000 table is offered, in the page's language.
    assert ("Quebec physician" if language == "en" else "médecin québécois") in page


def ask(client, language="en", **answers):
    query = {
        "applying_for": "temporary_resident_in_canada",
        "applies_from": "inside",
        "answerer": "self",
        "disability": "no",
    }
    query.update(answers)
    return client.post(QUESTIONS_URL.format(language=language), query)


def test_a_temporary_resident_with_no_exemption_must_apply_online(client):
    outcome = ask(client).context["outcome"]
    assert outcome.headline == "You must apply online."
    assert outcome.reasons == [
        (
            "Temporary residents in Canada must apply online to extend their status or their authorization to work or study; no exemption applies.",
            "IRPR 9.2",
        )
    ]


def test_a_quebec_physician_may_use_paper_and_the_page_cites_the_table(client):
    response = ask(client, "fr", situation="C10")
    outcome = response.context["outcome"]
    assert outcome.headline.startswith("Vous pouvez présenter votre demande par un autre moyen")
    assert outcome.means == ["papier"]
    message, citation = outcome.reasons[0]
    assert "médecin québécois" in message
    assert citation.endswith(", C10")
    assert "C10" in response.content.decode()


def test_a_disability_gives_the_exemption_without_asking_what_it_is(client):
    outcome = ask(client, disability="yes").context["outcome"]
    assert outcome.grounds == ["Disability (IRPR section 9.5)"]
    assert any("IRPR 9.5" in citation for _, citation in outcome.reasons)


def test_H82_needs_the_permit_dates_and_then_the_rules_measure_them(client):
    response = ask(client, situation="H82")
    assert response.context["outcome"] is None
    assert set(response.context["form"].errors) == {"trp_valid_from", "trp_valid_until"}
    short = ask(client, situation="H82", trp_valid_from="2025-03-01", trp_valid_until="2025-07-01").context[
        "outcome"
    ]
    assert short.headline == "You must apply online."
    long = ask(client, situation="H82", trp_valid_from="2025-01-01", trp_valid_until="2099-09-01").context[
        "outcome"
    ]
    assert long.headline.startswith("You may apply by another means")


def test_trp_with_work_permit_must_go_on_paper_together(client):
    outcome = ask(client, trp_with_work_permit="yes").context["outcome"]
    assert outcome.headline == "You must apply on paper."
    assert any("IMM 5708 + IMM 5710" in step.text for step in outcome.steps)


def test_a_paid_representative_sees_the_seed_note_and_must_use_the_portal_unless_unable(client):
    able = ask(client, situation="C10", answerer="paid_representative", representative_can_use_portal="yes")
    assert able.context["outcome"].headline == "You must apply online."
    assert able.context["outcome"].representative_note
    assert "Authorized Paid Representative Portal must submit" in able.content.decode()
    unable = ask(client, situation="C10", answerer="paid_representative", representative_can_use_portal="no")
    assert unable.context["outcome"].headline.startswith("You may apply by another means")
    missing = ask(client, situation="C10", answerer="paid_representative")
    assert "representative_can_use_portal" in missing.context["form"].errors


def test_a_signed_in_representative_is_taken_to_answer_for_a_client(client, representative):
    client.force_login(representative)
    response = client.get(QUESTIONS_URL.format(language="en"))
    assert response.context["form"]["answerer"].value() == "paid_representative"


def test_pr_card_with_a_disability_links_to_the_kit_request_and_gives_the_paper_addresses(client):
    response = ask(client, applying_for="pr_card", disability="yes")
    outcome = response.context["outcome"]
    assert outcome.headline == "You may apply online or on paper."
    assert any(step.url == "/en/alternatives/kit/?kit=pr_card" for step in outcome.steps)
    assert "Case postale 10020" in response.content.decode()


def test_sponsorship_is_online_only_without_accommodation(client):
    outcome = ask(client, applying_for="sponsorship").context["outcome"]
    assert outcome.headline == "You must apply online."


def test_from_outside_canada_the_in_canada_table_is_not_applied(client):
    outcome = ask(client, applies_from="outside").context["outcome"]
    assert outcome.result is None
    assert "only for temporary residents who apply from inside Canada" in outcome.headline


def test_missing_answers_are_errors_at_their_fields_in_french(client):
    response = client.post(QUESTIONS_URL.format(language="fr"), {"applying_for": ""})
    assert response.status_code == 400
    assert response.context["outcome"] is None
    page = response.content.decode()
    assert "Choisissez ce que vous demandez." in page
    assert 'href="#id_applying_for_0"' in page


# --- The kit request form -----------------------------------------------------------------


def test_the_kit_form_asks_nothing_about_a_disability(client):
    page = client.get(KIT_URL.format(language="en") + "?kit=sponsorship").content.decode()
    assert 'value="sponsorship" id="id_kit_1" checked' in page or 'id="id_kit_1" checked' in page
    names = set(re.findall(r'name="([a-z_]+)"', page))
    assert not any("disab" in name for name in names)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_request_is_acknowledged_on_a_page_and_by_e_mail_in_the_persons_language(
    client, mailoutbox, language, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(KIT_URL.format(language=language), form_data())
    kit_request = KitRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/alternatives/kit/{kit_request.reference}/"
    page = client.get(response["Location"]).content.decode()
    assert kit_request.reference in page
    assert ("Request received" if language == "en" else "Demande reçue") in page
    assert kit_request.language == language
    assert mailoutbox[0].to == ["marie@exemple.ca"]
    assert (
        "We received your request" if language == "en" else "Nous avons reçu votre demande"
    ) in mailoutbox[0].body


def test_the_acknowledgement_page_is_only_for_the_browser_that_made_the_request(client):
    client.post(KIT_URL.format(language="en"), form_data())
    reference = KitRequest.objects.get().reference
    assert Client().get(f"/en/alternatives/kit/{reference}/").status_code == 404
    assert client.get("/en/alternatives/kit/ALT-NOTMINE1/").status_code == 404


@pytest.mark.parametrize(
    ("changes", "field", "english", "french"),
    [
        (
            {"kit": ""},
            "kit",
            "Choose the application kit you need.",
            "Choisissez la trousse de demande dont vous avez besoin.",
        ),
        (
            {"kit_format": ""},
            "kit_format",
            "Choose the format you need",
            "Choisissez le format dont vous avez besoin",
        ),
        (
            {"address_line": "", "city": "", "province": "", "postal_code": ""},
            "address_line",
            "Enter the street address or post office box",
            "Indiquez l’adresse municipale ou la case postale",
        ),
        (
            {"country": "other", "province": "", "postal_code": "SW1A 1AA"},
            "country",
            "Kits are mailed only to addresses in Canada.",
            "La trousse n’est envoyée par la poste qu’à une adresse au Canada.",
        ),
    ],
)
def test_bad_requests_show_errors_at_the_field_and_save_nothing(client, changes, field, english, french):
    for language, text in (("en", english), ("fr", french)):
        response = client.post(KIT_URL.format(language=language), form_data(**changes))
        assert response.status_code == 400
        assert response.context["form"].errors[field]
        page = response.content.decode()
        assert text in page
        assert 'class="error-summary"' in page
        radio = field in ("kit", "kit_format")
        assert f'href="#id_{field}{"_0" if radio else ""}"' in page
    assert KitRequest.objects.count() == 0


def test_the_kit_form_is_protected_against_cross_site_posts():
    client = Client(enforce_csrf_checks=True)
    response = client.post(KIT_URL.format(language="en"), form_data())
    assert response.status_code == 403
    assert KitRequest.objects.count() == 0
    page = client.get(KIT_URL.format(language="en"))
    token = page.cookies["csrftoken"].value
    response = client.post(KIT_URL.format(language="en"), {**form_data(), "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_the_kit_form_is_rate_limited_per_address(client, settings):
    settings.ALTERNATIVES_RATE_LIMITS = {"kit_request_attempt": (30, 3600), "kit_request_created": (2, 3600)}
    for _ in range(2):
        assert client.post(KIT_URL.format(language="en"), form_data()).status_code == 302
    limited = client.post(KIT_URL.format(language="fr"), form_data())
    assert limited.status_code == 429
    assert "Trop de demandes" in limited.content.decode()
    assert KitRequest.objects.count() == 2
    # Another address is not affected.
    other = Client(REMOTE_ADDR="192.0.2.55")
    assert other.post(KIT_URL.format(language="en"), form_data()).status_code == 302


def test_failed_attempts_are_limited_too(client, settings):
    settings.ALTERNATIVES_RATE_LIMITS = {"kit_request_attempt": (3, 3600), "kit_request_created": (5, 3600)}
    for _ in range(3):
        assert client.post(KIT_URL.format(language="en"), form_data(kit="")).status_code == 400
    assert client.post(KIT_URL.format(language="en"), form_data()).status_code == 429


# --- Officers -------------------------------------------------------------------------------


def make_request(client) -> KitRequest:
    client.post(KIT_URL.format(language="fr"), form_data())
    return KitRequest.objects.latest("id")


@pytest.mark.parametrize("who", ["applicant", "representative", "supervisor_without_screening"])
def test_the_queue_is_for_officers_who_screen_only(client, who, request):
    from tests.conftest import _officer

    kit_request = make_request(Client())
    user = (
        _officer("decider@example.ca", ["decision_maker"])
        if who == "supervisor_without_screening"
        else request.getfixturevalue(who)
    )
    client.force_login(user)
    assert client.get("/en/alternatives/officer/kits/").status_code == 404
    assert client.get(f"/en/alternatives/officer/kits/{kit_request.reference}/").status_code == 404
    assert (
        client.post(
            f"/en/alternatives/officer/kits/{kit_request.reference}/",
            {"sent_on": "2026-11-20", "sent_items": "Kit"},
        ).status_code
        == 404
    )
    kit_request.refresh_from_db()
    assert kit_request.status == RequestStatus.RECEIVED


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    kit_request = make_request(client)
    response = client.get(f"/en/alternatives/officer/kits/{kit_request.reference}/")
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_an_officer_sees_the_queue_records_the_dispatch_and_downloads_the_letter(client, officer, mailoutbox):
    kit_request = make_request(Client())
    client.force_login(officer)
    queue = client.get("/en/alternatives/officer/kits/")
    assert kit_request.reference in queue.content.decode()
    detail = client.get(f"/en/alternatives/officer/kits/{kit_request.reference}/")
    assert "Case postale 10020" in detail.content.decode()
    bad = client.post(
        f"/en/alternatives/officer/kits/{kit_request.reference}/", {"sent_on": "", "sent_items": ""}
    )
    assert bad.status_code == 400
    assert "Enter the date the kit was sent." in bad.content.decode()
    today = detail.context["form"].initial["sent_on"].isoformat()
    response = client.post(
        f"/en/alternatives/officer/kits/{kit_request.reference}/",
        {"sent_on": today, "sent_items": "Forms and guide in braille", "tracking_number": "CP1"},
    )
    assert response.status_code == 302
    kit_request.refresh_from_db()
    assert kit_request.status == RequestStatus.SENT
    letter = client.get(f"/en/alternatives/officer/kits/{kit_request.reference}/covering-letter/")
    assert letter.status_code == 200
    assert letter["Content-Type"] == "application/pdf"
    assert letter.content.startswith(b"%PDF")
    assert kit_request.events.filter(kind="letter_downloaded", actor=officer).exists()
    sent_tab = client.get("/en/alternatives/officer/kits/?status=sent")
    assert kit_request.reference in sent_tab.content.decode()
    again = client.post(
        f"/en/alternatives/officer/kits/{kit_request.reference}/", {"sent_on": today, "sent_items": "Other"}
    )
    assert again.status_code == 409


def test_the_covering_letter_is_not_public(client, applicant):
    kit_request = make_request(client)
    client.force_login(applicant)
    assert (
        client.get(f"/en/alternatives/officer/kits/{kit_request.reference}/covering-letter/").status_code
        == 404
    )


def test_an_officer_without_mfa_is_sent_to_set_it_up(client, db):
    from django.contrib.auth.models import Group

    from tests.conftest import _user, ensure_officer_groups

    ensure_officer_groups()
    officer = _user("new-officer@example.ca", "officer")
    officer.groups.set(Group.objects.filter(name="screening_officer"))
    client.force_login(officer)
    response = client.get("/en/alternatives/officer/kits/")
    assert response.status_code == 302
    assert response["Location"] == "/en/account/2fa/totp/activate/"


def test_the_questions_are_posted_with_a_csrf_token_and_never_put_in_the_address():
    client = Client(enforce_csrf_checks=True)
    assert client.post(QUESTIONS_URL.format(language="en"), {"applying_for": "pr_card"}).status_code == 403
    # A query string is not an answer: the form is shown blank.
    response = client.get(
        QUESTIONS_URL.format(language="en"), {"applying_for": "pr_card", "disability": "yes"}
    )
    assert response.context["outcome"] is None
    assert 'method="post"' in response.content.decode()
