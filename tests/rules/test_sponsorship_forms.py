"""The sponsorship's digital forms: the keys the rules read, checked by the one form engine."""

import json
from datetime import date
from pathlib import Path

import pytest

from portique.rules.case import case_from_dict
from portique.rules.evaluate import evaluate
from portique.rules.forms.model import FieldKind
from portique.rules.forms.validate import validate_form, validate_section
from portique.rules.programs import registry
from portique.rules.programs.imm0008 import IMM0008_PARTNER, MARRIAGE, RELATIONSHIP
from portique.rules.programs.imm1344 import HISTORY, IMM1344

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "case.schema.json").read_text(encoding="utf-8"))
EXAMPLES = ROOT / "docs" / "examples"
ON = date(2026, 3, 2)


def _answers_schema(role: str) -> dict:
    # The branch of the sponsorships (every program's people are in a branch of its own).
    branch = next(
        b for b in SCHEMA["allOf"] if "spouse_sponsorship" in b["if"]["properties"]["program"].get("enum", ())
    )
    people = branch["then"]["properties"]["people"]["items"]["oneOf"]
    return next(p for p in people if role in p["properties"]["role"]["enum"])["properties"]["answers"]


def _at(schema: dict, keys) -> dict:
    for key in keys:
        if schema.get("type") == "array":
            schema = schema["items"]
        schema = schema["properties"][key]
    return schema.get("items", schema) if schema.get("type") == "array" else schema


@pytest.mark.parametrize("program", ["spouse_sponsorship", "child_sponsorship"])
@pytest.mark.parametrize("role", ["sponsor", "principal_applicant", "dependent_child", "parent_or_guardian"])
def test_every_question_is_a_key_the_rules_read_at_the_place_they_read_it(program, role):
    answers = _answers_schema(role)
    forms = registry.program(program).forms_for(role)
    assert forms
    for form in forms:
        form_schema = answers["properties"][form.code]
        if form_schema.get("properties") is None:
            continue  # IMM 5406, IMM 5562: forms the rules do not read
        for section in form.sections:
            where = _at(form_schema, section.location)
            for field in section.fields:
                assert field.code in where["properties"], (form.code, section.location, field.code)


def test_a_yes_no_answer_is_stored_as_true_or_false_and_text_is_refused():
    answers = {"history": {"undischarged_bankrupt": "yes"}}
    found = validate_section(IMM1344, HISTORY, answers, application_date=ON)
    assert ("FORM_ANSWER_INVALID", "history.undischarged_bankrupt") in [(r.code, r.subject) for r in found]
    assert "Yes or No" in next(r.en for r in found if r.subject == "history.undischarged_bankrupt")


def test_a_nested_group_is_saved_beside_its_parent_section_without_erasing_it():
    answers = MARRIAGE.with_answers(
        {"relationship": {"communication_evidence_pages": 4}}, {"place": "outside_canada"}
    )
    assert answers == {
        "relationship": {"communication_evidence_pages": 4, "marriage": {"place": "outside_canada"}}
    }
    again = RELATIONSHIP.with_answers(answers, {"communication_evidence_pages": 6})
    assert again["relationship"] == {
        "communication_evidence_pages": 6,
        "marriage": {"place": "outside_canada"},
    }


def test_the_marriage_questions_apply_only_to_a_spouse():
    found = validate_form(
        IMM0008_PARTNER, {"application": {"relationship": "common_law_partner"}}, application_date=ON
    )
    subjects = {r.subject for r in found}
    assert not any(s.startswith("relationship.marriage") for s in subjects)
    assert "relationship.cohabitation" in subjects  # a common-law partner lists the periods lived together


def test_every_field_has_english_and_french_and_typed_questions_offer_their_answers():
    for program in ("spouse_sponsorship", "child_sponsorship"):
        for role in ("sponsor", "principal_applicant", "dependent_child", "parent_or_guardian"):
            for form in registry.program(program).forms_for(role):
                for section in form.sections:
                    assert section.en and section.fr
                    for field in section.fields:
                        assert field.en and field.fr, field.code
                        assert bool(field.help_en) == bool(field.help_fr), field.code
                        if field.kind in (FieldKind.FLAG, FieldKind.CHOICE, FieldKind.MULTI_CHOICE):
                            assert field.options, field.code


def test_a_family_member_under_18_completes_only_imm_0008_and_an_adult_every_form():
    data = json.loads((EXAMPLES / "spouse-sponsorship-with-child.json").read_text(encoding="utf-8"))
    result = evaluate(case_from_dict(data))
    assert result.form_findings == ()
    child = next(p for p in data["people"] if p["id"] == "child")
    child["answers"]["IMM0008"]["personal"]["date_of_birth"] = "2004-01-20"  # now 22
    child["answers"]["IMM0008"]["dependant"]["unable_to_self_support_due_to_condition"] = True
    grown = evaluate(case_from_dict(data))
    missing = {r.subject.split("/")[1] for r in grown.form_findings if r.subject.startswith("child/")}
    assert missing >= {"IMM5669", "IMM5406"}
