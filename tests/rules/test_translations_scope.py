"""X-01 (translations) is the PR card's and the sponsorship's: their guides give it. The stay
extension and the eTA, whose sources (seeds 000 and 001) have no language or translation rule,
do not apply it (docs/temporary-residents.md, docs/eta.md)."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from portique.rules.case import CaseDocument, case_from_dict
from portique.rules.evaluate import evaluate

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
UNTRANSLATED = CaseDocument(code="BIRTH_CERTIFICATE", person="pa", language="other")


def _case(name, person_id):
    case = case_from_dict(json.loads((EXAMPLES / name).read_text()))
    return replace(case, documents=case.documents + (replace(UNTRANSLATED, person=person_id),))


@pytest.mark.parametrize("name", ["stay-extension-study-permit.json", "eta-application.json"])
def test_a_document_in_another_language_draws_no_translation_finding(name):
    base = case_from_dict(json.loads((EXAMPLES / name).read_text()))
    evaluation = evaluate(_case(name, base.principal().id))
    assert not [r for r in evaluation.findings if r.rule and "X-01" in r.rule.replace(" ", "").split(",")]
    assert not evaluation.details.get("translations")
    assert evaluation.complete == evaluate(base).complete


def test_the_pr_card_does_apply_it():
    evaluation = evaluate(_case("pr-card-renewal-complete.json", "alex"))
    assert "TRANSLATION_MISSING" in {r.code for r in evaluation.findings}
    assert not evaluation.complete
