"""Days in Canada before becoming a permanent resident (PRC-40): asked on the PR card's
residency pages, credited as half days (365 at most) in the citizenship notice."""

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from portique.applications import services
from portique.applications.choices import Program
from portique.rules.case import case_from_dict
from portique.rules.evaluate import evaluate

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "pr-card-renewal-complete.json"


def _with_days(days):
    case = case_from_dict(json.loads(EXAMPLE.read_text()))
    person = case.people[0]
    answers = {**person.answers, "IMM5444": {**person.answers["IMM5444"], "before_pr": {"days_present": days}}}
    return evaluate(replace(case, people=(replace(person, answers=answers),)))


def test_days_before_permanent_residence_count_half_up_to_365():
    base = evaluate(case_from_dict(json.loads(EXAMPLE.read_text()))).details["citizenship_hint"]
    assert base["days_present_before_pr"] == 0 and base["pre_pr_credit"] == "0"
    some = _with_days(301).details["citizenship_hint"]
    assert some["pre_pr_credit"] == "150.5"
    capped = _with_days(1000).details["citizenship_hint"]
    assert capped["pre_pr_credit"] == "365"


def test_the_worked_example_credits_250_days_for_500_before_permanent_residence():
    example = EXAMPLE.with_name("pr-card-citizenship-credit.json")
    hint = evaluate(case_from_dict(json.loads(example.read_text()))).details["citizenship_hint"]
    assert hint["pre_pr_credit"] == "250" and hint["may_be_eligible"] is True
    assert hint["credited_days"] == "1520.0"


def test_the_answer_is_optional_and_a_blank_credits_nothing():
    evaluation = _with_days(None)
    assert evaluation.details["citizenship_hint"]["pre_pr_credit"] == "0"
    assert not [f for f in evaluation.form_findings if "before_pr" in (f.subject or "")]


@pytest.mark.django_db
def test_the_page_asks_the_days_and_shows_the_credit(client, applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    person = application.people.get()
    today = timezone.localdate()
    person.answers = {
        "IMM5444": {
            "personal": {"date_became_pr": (today - timedelta(days=800)).isoformat(), "date_of_birth": "1980-01-01"},
            "absences": "not_applicable",
            "before_pr": {"days_present": 400},
        }
    }
    person.save()
    client.force_login(applicant)
    page = client.get(f"/en/applications/{application.public_id}/form/before_pr/").content.decode()
    assert "Days you were in Canada as a temporary resident or protected person" in page
    assert "(including 200 for 400 days before you became a permanent resident" in page
    french = client.get(f"/fr/applications/{application.public_id}/form/before_pr/").content.decode()
    assert "Jours passés au Canada à titre de résident temporaire" in french
    assert "(y compris 200 pour 400 jours" in french
