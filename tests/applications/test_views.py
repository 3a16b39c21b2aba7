import re
from datetime import timedelta

import pytest
from django.urls import reverse

from portique.applications import services
from portique.applications.choices import Program


@pytest.mark.django_db
def test_the_dashboard_lists_only_my_applications(client, applicant, other_applicant):
    mine = services.application_start(actor=applicant, program=Program.PR_CARD)
    theirs = services.application_start(actor=other_applicant, program=Program.PR_CARD)
    newer = services.application_start(actor=applicant, program=Program.SPOUSE_SPONSORSHIP)
    client.force_login(applicant)
    body = client.get("/en/applications/").content.decode()
    assert mine.number in body and theirs.number not in body
    # Newest first.
    assert body.index(newer.number) < body.index(mine.number)


@pytest.mark.django_db
def test_someone_elses_application_is_simply_not_found(client, applicant, other_applicant):
    theirs = services.application_start(actor=other_applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    for url in (
        reverse("applications:overview", args=[theirs.public_id]),
        reverse("applications:section", args=[theirs.public_id, "personal"]),
    ):
        assert client.get(url).status_code == 404
    assert client.post(reverse("applications:validate", args=[theirs.public_id])).status_code == 404


@pytest.mark.django_db
def test_officers_and_representatives_have_no_applicant_dashboard(client, officer, representative):
    for user in (officer, representative):
        client.force_login(user)
        assert client.get("/en/applications/").status_code == 404


@pytest.mark.django_db
def test_a_bad_date_is_shown_at_the_field_in_french_and_what_was_typed_is_kept(client, applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    url = reverse("applications:section", args=[application.public_id, "personal"]).replace("/en/", "/fr/")
    response = client.post(url, {"version": "1", "family_name": "Tremblay", "date_of_birth": "2090-01-01", "continue": "1"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "ne peut pas être postérieure à la date de la demande" in body
    assert re.search(r'value="Tremblay"', body)
    assert 'href="#id_date_of_birth"' in body


@pytest.mark.django_db
def test_saving_a_section_moves_on_to_the_next(client, applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    url = reverse("applications:section", args=[application.public_id, "application"])
    response = client.post(url, {"version": "1", "purpose": "first_card", "indigenous_name": "no", "urgent": "no", "continue": "1"})
    assert response.status_code == 302
    assert response.url == reverse("applications:section", args=[application.public_id, "personal"])
    assert application.people.get().answers["IMM5444"]["application"]["purpose"] == "first_card"


@pytest.mark.django_db
def test_absences_are_entered_as_rows_and_na_is_accepted(client, applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    url = reverse("applications:section", args=[application.public_id, "absences"])
    data = {
        "version": "1",
        "absences-TOTAL_FORMS": "1",
        "absences-INITIAL_FORMS": "0",
        "absences-0-start": "2024-01-10",
        "absences-0-end": "2024-02-10",
        "absences-0-destination": "FR",
        "absences-0-reason": "none",
        "save": "1",
    }
    assert client.post(url, data).status_code == 302
    assert application.people.get().answers["IMM5444"]["absences"] == [
        {
            "start": "2024-01-10",
            "end": "2024-02-10",
            "destination": "FR",
            "reason": "none",
            # The questions of Options A to C, asked only when the absence is claimed under one.
            "accompanied": "",
            "employer_canadian": "",
            "assigned_full_time": "",
            "will_continue_in_canada": "",
            "citizen_since": "",
            "resident_employed_full_time": "",
            "resident_meets_obligation": "",
        }
    ]
    assert client.post(url, {"version": "2", "absences-TOTAL_FORMS": "0", "absences-INITIAL_FORMS": "0", "not_applicable": "1"}).status_code == 302
    assert application.people.get().answers["IMM5444"]["absences"] == "not_applicable"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "more than 270"), ("fr", "plus de 270")],
)
def test_a_renewal_with_a_card_valid_for_more_than_270_days_is_warned_at_once(client, applicant, language, expected):
    from django.utils import timezone

    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    expiry = timezone.localdate().replace(year=timezone.localdate().year + 2).isoformat()
    response = client.post(
        f"/{language}/applications/{application.public_id}/form/application/",
        {
            "version": "1",
            "purpose": "renewal",
            "current_card_expiry": expiry,
            "name_also_changed": "no",
            "indigenous_name": "no",
            "urgent": "no",
            "continue": "1",
        },
        follow=True,
    )
    page = response.content.decode()
    assert expected in page
    # Saved all the same: the applicant may have a reason the form does not know yet.
    application.refresh_from_db()
    assert application.people.get().answers["IMM5444"]["application"]["purpose"] == "renewal"


@pytest.mark.django_db
def test_the_absences_page_shows_the_residency_calculation_from_the_saved_dates(client, applicant):
    from django.utils import timezone

    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    person = application.people.get()
    today = timezone.localdate()
    person.answers = {
        "IMM5444": {
            "personal": {"date_became_pr": today.replace(year=today.year - 10).isoformat(), "date_of_birth": "1980-01-01"},
            "absences": [
                {
                    "start": today.replace(year=today.year - 2).isoformat(),
                    "end": (today.replace(year=today.year - 2) + timedelta(days=101)).isoformat(),
                    "destination": "FR",
                    "reason": "none",
                }
            ],
        }
    }
    person.save()
    client.force_login(applicant)
    page = client.get(f"/en/applications/{application.public_id}/form/absences/").content.decode()
    assert "Days outside Canada" in page
    # 100 whole days abroad between leaving and coming back (both travel days count as in Canada).
    assert re.search(r"<dt>Days outside Canada</dt>\s*<dd>100</dd>", page)
    assert "of the 730 required" in page


@pytest.mark.django_db
def test_the_application_page_says_what_is_left_before_submit_in_the_applicants_terms(client, applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    page = client.get(f"/en/applications/{application.public_id}/").content.decode()
    assert "Pay the fees: $50.00 is still due." in page
    assert "No payment was sent with the application" not in page
    page = client.get(f"/fr/applications/{application.public_id}/").content.decode()
    assert "il reste 50,00\u00a0$ à payer" in page
