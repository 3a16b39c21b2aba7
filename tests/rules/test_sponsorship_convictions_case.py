"""A sponsored person's convictions in a case (1.6, ``CRIMINALITY.convictions[]``): where each
stands under Table 1 on the application date (SP-130 to SP-134)."""

import copy
import json
from pathlib import Path

from portique.rules.case import case_from_dict
from portique.rules.evaluate import evaluate

EXAMPLE = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "examples" / "spouse-sponsorship-convictions.json").read_text()
)


def _with(*convictions, person="pa"):
    data = copy.deepcopy(EXAMPLE)
    target = next(p for p in data["people"] if p["id"] == person)
    target["answers"]["CRIMINALITY"] = {"convictions": list(convictions)}
    return evaluate(case_from_dict(data))


def test_the_example_may_apply_for_rehabilitation_and_is_deemed_rehabilitated_ten_years_on():
    evaluation = evaluate(case_from_dict(EXAMPLE))
    assert evaluation.details["criminality"] == [
        {
            "person": "pa",
            "record": "convicted_abroad_indictable_under_10",
            "reference_date": "2019-09-30",
            "status": "may_apply_for_rehabilitation",
            "deemed_rehabilitated_from": "2029-09-30",
            "may_apply_from": "2024-09-30",
            "record_suspension_required": False,
        }
    ]
    assert any(
        r.code == "MAY_APPLY_FOR_REHABILITATION" and r.subject == "pa/CRIMINALITY/convictions/0"
        for r in evaluation.findings
    )


def test_ten_years_after_the_sentence_the_person_is_deemed_rehabilitated_unless_a_later_offence():
    old = {"record": "convicted_abroad_indictable_under_10", "sentence_completed_on": "2014-03-01"}
    assert _with(old).details["criminality"][0]["status"] == "deemed_rehabilitated"
    later = _with({**old, "later_offence": True}).details["criminality"][0]
    assert later["status"] != "deemed_rehabilitated" and later["deemed_rehabilitated_from"] is None


def test_a_dependent_childs_record_in_canada_needs_a_record_suspension():
    result = _with(
        {"record": "other_record_in_canada", "sentence_completed_on": "2025-01-10"}, person="child"
    ).details["criminality"]
    (child,) = [entry for entry in result if entry["person"] == "child"]
    assert child["record_suspension_required"] is True


def test_a_conviction_without_its_date_is_named_not_guessed():
    evaluation = _with({"record": "convicted_abroad_indictable_under_10"})
    assert evaluation.details["criminality"] == []
    assert any(
        r.code == "CONVICTION_UNREADABLE" and r.subject == "pa/CRIMINALITY/convictions/0"
        for r in evaluation.form_findings
    )
