"""docs/case.schema.json: a valid draft 2020-12 schema, in step with the code, and every
worked example follows it and is evaluated."""

import importlib.util
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from portique.rules.case import SCHEMA_VERSION, case_from_dict
from portique.rules.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "case.schema.json").read_text(encoding="utf-8"))
EXAMPLES = sorted((ROOT / "docs" / "examples").glob("*.json"))
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _generator():
    spec = importlib.util.spec_from_file_location("case_schema", ROOT / "script" / "dev" / "case_schema.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_schema_is_a_valid_draft_2020_12_schema_carrying_its_version():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"].endswith(":" + SCHEMA_VERSION)


def test_the_committed_schema_is_the_one_the_forms_and_programs_describe():
    # After changing IMM 5444 or a sponsorship answer key: python script/dev/case_schema.py
    assert (ROOT / "docs" / "case.schema.json").read_text(encoding="utf-8") == _generator().render()


def test_the_examples_cover_the_documented_situations():
    names = {path.stem for path in EXAMPLES}
    assert names >= {
        "pr-card-renewal-complete",
        "pr-card-renewal-card-still-valid",
        "pr-card-residency-not-met-humanitarian",
        "spouse-sponsorship-with-child",
        "child-sponsorship",
        "pr-card-overpayment",
    }


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_follows_the_schema_and_is_evaluated(example):
    data = json.loads(example.read_text(encoding="utf-8"))
    assert [error.message for error in VALIDATOR.iter_errors(data)] == []
    result = evaluate(case_from_dict(data))
    assert result.program == data["program"]
    assert result.findings
    assert result.form_findings == ()


def test_the_schema_refuses_what_the_rules_could_not_read():
    data = json.loads((ROOT / "docs" / "examples" / "spouse-sponsorship-with-child.json").read_text())
    data["people"][1]["answers"]["IMM0008"]["application"]["relationship"] = "cousin"
    data["people"][0]["answers"]["IMM1344"]["history"]["charged_offence_max_prison_years"] = -1
    data["payments"][0]["amount"] = "12,50"
    paths = {tuple(error.absolute_path) for error in VALIDATOR.iter_errors(data)}
    assert ("payments", 0, "amount") in paths
    assert ("people", 1) in paths and ("people", 0) in paths  # each person fits no alternative


def test_a_pr_card_case_takes_imm5444_answers_only():
    data = json.loads((ROOT / "docs" / "examples" / "pr-card-renewal-complete.json").read_text())
    data["people"][0]["answers"]["IMM5444"]["personal"]["shoe_size"] = "42"
    assert any("shoe_size" in error.message for error in VALIDATOR.iter_errors(data))
