"""IRPR 10(1)(b): the PR card program itself finds an unsigned application (ACT-54, ACT-56, ACT-57).

The reasons are the portal's own (``SIGNATURE_MISSING`` for the consent and declaration),
so that the portal's submission gate and the evaluation agree and are never reported twice.
"""

import copy
import json
from dataclasses import replace
from pathlib import Path

from portique.rules.case import case_from_dict
from portique.rules.evaluate import evaluate

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def case(name: str, **changes):
    data = copy.deepcopy(json.loads((EXAMPLES / name).read_text()))
    data.update(changes)
    return case_from_dict(data)


def blocking(result):
    return {(r.code, r.subject) for r in result.blocking}


def test_an_unsigned_pr_card_case_is_not_complete():
    result = evaluate(case("pr-card-renewal-complete.json", signatures=[]))
    assert not result.complete
    assert ("SIGNATURE_MISSING", "consent_and_declaration") in blocking(result)
    (missing,) = [r for r in result.blocking if r.code == "SIGNATURE_MISSING"]
    assert "IRPR 10(1)(b)" in missing.citation and "Signez" in missing.fr
    assert result.details["signatures"]["signed"] is False


def test_the_signed_case_is_complete():
    result = evaluate(case("pr-card-renewal-complete.json"))
    assert result.complete and result.details["signatures"]["signed"] is True


def test_a_signature_in_another_name_than_the_passport_is_refused():
    signed = case("pr-card-renewal-complete.json")
    wrong = replace(signed, signatures=(replace(signed.signatures[0], typed_name="Someone Else"),))
    result = evaluate(wrong)
    assert not result.complete
    assert "SIGNATURE_MISSING" in {code for code, _ in blocking(result)}


def test_a_minor_signed_by_the_child_instead_of_the_parent_is_not_signed():
    minor = case("pr-card-minor-signed-by-a-parent.json")
    assert evaluate(minor).complete
    child = next(p for p in minor.people if p.role == "principal_applicant")
    by_child = replace(minor, signatures=(replace(minor.signatures[0], person=child.id),))
    assert not evaluate(by_child).complete


def test_a_paper_case_needs_the_handwritten_signature_recorded():
    unsigned = evaluate(case("pr-card-renewal-complete.json", channel="paper", signatures=[]))
    assert "SIGNATURE_MISSING" in {code for code, _ in blocking(unsigned)}


def test_a_case_that_does_not_record_its_signatures_leaves_them_to_the_portal_gate():
    # The portal's PR card case carries no signatures yet; its submission gate checks them.
    portal = replace(case("pr-card-renewal-complete.json", signatures=[]), signatures_recorded=False)
    assert evaluate(portal).complete

