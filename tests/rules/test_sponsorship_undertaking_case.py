"""The day a sponsored person became a permanent resident, in a case's facts (1.6), gives the
undertaking's end (SP-14, SP-15) in the evaluation's details."""

import json
from dataclasses import replace
from pathlib import Path

from portique.rules.case import case_from_dict
from portique.rules.evaluate import evaluate

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def _case(name="spouse-sponsorship-undertaking.json"):
    return case_from_dict(json.loads((EXAMPLES / name).read_text()))


def test_the_example_gives_three_years_for_the_spouse_and_ten_for_a_child_of_twelve():
    evaluation = evaluate(_case())
    assert evaluation.details["undertaking"] == [
        {"person": "pa", "became_pr_on": "2027-09-14", "ends_on": "2030-09-14", "needs_officer_review": False},
        {"person": "child", "became_pr_on": "2027-09-14", "ends_on": "2037-09-14", "needs_officer_review": False},
    ]
    codes = {(r.code, r.subject) for r in evaluation.findings}
    assert ("UNDERTAKING_PARTNER", "pa") in codes and ("UNDERTAKING_YOUNG_CHILD", "child") in codes


def test_a_child_who_turns_25_first_ends_the_undertaking_on_that_birthday():
    case = _case()
    facts = {"SPONSORSHIP_FACTS": {"permanent_residence": [{"person": "child", "became_pr_on": "2034-06-01"}]}}
    evaluation = evaluate(replace(case, extra={**case.extra, "facts": facts}))
    # Born 2015-01-20: 19 on becoming a permanent resident, 25 on 2040-01-20, before 2044-06-01.
    assert evaluation.details["undertaking"] == [
        {"person": "child", "became_pr_on": "2034-06-01", "ends_on": "2040-01-20", "needs_officer_review": False}
    ]


def test_without_the_day_of_permanent_residence_no_end_is_computed():
    evaluation = evaluate(_case("spouse-sponsorship-with-child.json"))
    assert evaluation.details["undertaking"] == []
    assert not any(r.code.startswith("UNDERTAKING_") for r in evaluation.findings)


def test_a_sponsor_in_quebec_gets_no_end_date_and_an_officer_review():
    data = json.loads((EXAMPLES / "spouse-sponsorship-undertaking.json").read_text())
    sponsor = next(p for p in data["people"] if p["role"] == "sponsor")
    sponsor["answers"]["IMM1344"]["sponsor"]["resides_in_quebec"] = True
    evaluation = evaluate(case_from_dict(data))
    assert [entry["ends_on"] for entry in evaluation.details["undertaking"]] == [None, None]
    assert all(entry["needs_officer_review"] for entry in evaluation.details["undertaking"])
