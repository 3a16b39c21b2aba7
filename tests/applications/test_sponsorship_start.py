"""Before a sponsorship starts: the sponsor's eligibility and the category, decided by the rules."""

from datetime import date

import pytest

from portique.applications import services
from portique.applications.choices import Program
from portique.applications.models import Application
from portique.applications.people import services as people

TODAY = date(2026, 11, 22)
BARS = (
    "unrepaid_sponsorship_default",
    "immigration_loan_in_default",
    "performance_bond_unpaid",
    "court_ordered_support_in_default",
    "undischarged_bankrupt",
    "subject_to_removal_order",
    "detained_in_prison",
    "pending_sponsorship_of_same_person",
    "citizenship_being_revoked",
    "residency_conditions_not_met",
    "security_certificate",
)


def sponsor_answers(**changes):
    sponsor = {
        "date_of_birth": "1988-05-14",
        "status": "canadian_citizen",
        "residence": "lives_in_canada",
        "resides_in_quebec": False,
        "social_assistance": "none",
    }
    history = dict.fromkeys(BARS, False)
    for key, value in changes.items():
        (history if key in BARS else sponsor)[key] = value
    return {"sponsor": sponsor, "history": history, "question_1": {}}


ABROAD = {"relationship": "spouse", "location": "outside_canada", "category": "family_class"}


def _start(actor, answers, application=ABROAD, program=Program.SPOUSE_SPONSORSHIP):
    return people.sponsorship_screen_and_start(
        actor=actor, program=program, sponsor_answers=answers, application_answers=dict(application), on=TODAY
    )


def _refused(actor, answers, application=ABROAD, program=Program.SPOUSE_SPONSORSHIP):
    with pytest.raises(services.ApplicationError) as refused:
        _start(actor, answers, application, program)
    assert not Application.objects.exists()
    return refused.value.reasons


@pytest.fixture(autouse=True)
def _english_after_each_test():
    # A request to /fr/ leaves French active in this thread: the next test's reverse() must not inherit it.
    yield
    from django.utils import translation

    translation.activate("en")


@pytest.mark.django_db
def test_an_eligible_sponsor_starts_with_the_answers_carried_into_the_forms(applicant):
    application = _start(applicant, sponsor_answers())
    sponsor, pa = application.people.all()
    assert sponsor.answers["IMM1344"]["sponsor"]["status"] == "canadian_citizen"
    assert sponsor.answers["IMM1344"]["history"]["undischarged_bankrupt"] is False
    assert pa.answers == {"IMM0008": {"application": ABROAD}}


@pytest.mark.django_db
def test_a_sponsor_under_18_cannot_start_and_is_told_why_in_both_languages(applicant):
    reasons = _refused(applicant, sponsor_answers(date_of_birth="2010-03-01"))
    under = next(r for r in reasons if r.code == "SPONSOR_UNDER_MIN_AGE")
    assert "18" in under.en and "18" in under.fr and under.citation


@pytest.mark.django_db
def test_a_second_sponsorship_of_the_same_person_while_the_first_is_pending_cannot_start(applicant):
    reasons = _refused(applicant, sponsor_answers(pending_sponsorship_of_same_person=True))
    assert "PENDING_SPONSORSHIP_OF_SAME_PERSON" in [r.code for r in reasons]
    assert any("10(5)" in r.citation for r in reasons)


@pytest.mark.django_db
def test_a_permanent_resident_living_abroad_cannot_sponsor(applicant):
    reasons = _refused(applicant, sponsor_answers(status="permanent_resident", residence="lives_abroad"))
    assert "SPONSOR_PR_LIVING_ABROAD" in [r.code for r in reasons]


@pytest.mark.django_db
def test_a_conjugal_partner_living_in_canada_cannot_be_sponsored_as_such(applicant):
    in_canada = {
        "relationship": "conjugal_partner",
        "location": "in_canada_with_sponsor",
        "category": "family_class",
    }
    assert "CONJUGAL_PARTNER_LIVES_IN_CANADA" in [
        r.code for r in _refused(applicant, sponsor_answers(), in_canada)
    ]


@pytest.mark.django_db
def test_a_bar_lets_the_sponsor_proceed_only_with_the_imm_1344_question_1_choice(applicant):
    barred = sponsor_answers(undischarged_bankrupt=True)
    assert "IMM1344_Q1_CHOICE_REQUIRED" in [r.code for r in _refused(applicant, barred)]
    barred["question_1"] = {"choice": "proceed"}
    application = _start(applicant, barred)
    assert application.people.get(position=0).answers["IMM1344"]["question_1"] == {"choice": "proceed"}


@pytest.mark.django_db
def test_the_in_canada_class_is_not_open_to_a_spouse_living_abroad(applicant):
    chosen = {**ABROAD, "category": "spouse_or_common_law_in_canada"}
    assert "CATEGORY_NOT_AVAILABLE" in [r.code for r in _refused(applicant, sponsor_answers(), chosen)]


@pytest.mark.django_db
def test_an_unanswered_question_keeps_the_application_from_starting(applicant):
    answers = sponsor_answers()
    del answers["history"]["detained_in_prison"]
    reasons = _refused(applicant, answers)
    assert [(r.code, r.subject) for r in reasons] == [
        ("FORM_ANSWER_REQUIRED", "IMM1344/history.detained_in_prison")
    ]


@pytest.mark.django_db
def test_a_child_sponsorship_starts_in_the_family_class(applicant):
    application = _start(
        applicant,
        sponsor_answers(),
        {"location": "outside_canada", "category": "family_class"},
        Program.CHILD_SPONSORSHIP,
    )
    assert application.number.startswith("SPC")


def _post(bars=None, **sponsor):
    data = {
        "sponsor-date_of_birth": "1988-05-14",
        "sponsor-status": "canadian_citizen",
        "sponsor-residence": "lives_in_canada",
        "sponsor-resides_in_quebec": "false",
        "sponsor-social_assistance": "none",
        "application-relationship": "spouse",
        "application-location": "outside_canada",
        "application-category": "family_class",
        "start": "1",
    }
    data.update({f"history-{bar}": "false" for bar in BARS})
    data.update({f"history-{bar}": "true" for bar in bars or ()})
    data.update({f"sponsor-{key}": value for key, value in sponsor.items()})
    return data


def _answer_every_page(client, url, data):
    """Answer the eligibility pages one after the other (each reads its own questions from ``data``)."""
    response = client.post(url, data)
    while response.status_code == 302 and "/sponsorship/start/" in response["Location"]:
        response = client.post(response["Location"], data)
    return response


@pytest.mark.django_db
def test_the_questionnaire_page_refuses_a_minor_in_french_and_starts_an_adult(client, applicant):
    client.force_login(applicant)
    url = "/fr/applications/sponsorship/start/spouse_sponsorship/"
    assert client.get(url).status_code == 200
    body = _answer_every_page(client, url, _post(date_of_birth="2012-01-01")).content.decode()
    assert "Le répondant doit avoir au moins 18 ans" in body and not Application.objects.exists()
    response = _answer_every_page(client, url, _post())
    assert response.status_code == 302
    assert Application.objects.get().owner == applicant
