"""A PR card applicant under 18 is signed for by a parent or legal guardian (ACT-56, SP-210).

Cases as a policy reader would put them: Léa is 15 on the application date; her mother,
Marie-Claude Gagnon, signs with her own passport name.
"""

import json
from datetime import date, datetime
from pathlib import Path

from portique.rules.case import Case, CasePerson, case_from_dict
from portique.rules.evaluate import evaluate
from portique.rules.programs import pr_card_guardian
from portique.rules.programs.pr_card import PROGRAM
from portique.rules.reasons import Severity
from portique.rules.signatures import (
    ESignature,
    PassportName,
    SignedDocument,
    SignerRole,
    SubmissionFlow,
    submission_gate,
)
from tests.rules.forms.test_imm5444_validation import complete_answers

ON = date(2026, 11, 22)
LEA_BORN = date(2011, 3, 1)
LEA = PassportName(surname="Tremblay", given_names="Léa")
MOTHER = PassportName(surname="Gagnon", given_names="Marie-Claude")
GUARDIAN_ANSWERS = {"GUARDIAN": {"personal": {"family_name": "Gagnon", "given_names": "Marie-Claude", "relationship": "parent"}}}


def _lea() -> CasePerson:
    answers = complete_answers()
    answers["personal"] = {**answers["personal"], "given_names": "Léa", "date_of_birth": LEA_BORN.isoformat()}
    return CasePerson(id="p0", role="principal_applicant", answers={"IMM5444": answers})


def _case(*people: CasePerson, on: date = ON) -> Case:
    return Case(program="pr_card", application_date=on, people=people)


def _blocking(evaluation) -> dict[str, str | None]:
    return {r.code: r.subject for r in evaluation.blocking}


def test_a_15_year_old_without_a_declared_parent_or_guardian_cannot_be_signed_for():
    evaluation = evaluate(_case(_lea()))
    assert _blocking(evaluation)["GUARDIAN_NOT_DECLARED"] == "p0/guardian"
    found = next(r for r in evaluation.blocking if r.code == "GUARDIAN_NOT_DECLARED")
    assert found.rule == "ACT-56, SP-210" and "IMM 5289" in found.citation
    assert "under 18" in found.en and "moins de 18 ans" in found.fr
    assert evaluation.details["signatures"] == {"signer": "parent_or_guardian", "guardian": None}


def test_a_declared_parent_gives_their_passport_name_and_relationship():
    empty = evaluate(_case(_lea(), CasePerson(id="p1", role="parent_or_guardian", answers={"GUARDIAN": {}})))
    assert "GUARDIAN_NOT_DECLARED" not in _blocking(empty)
    subjects = {r.subject for r in empty.form_findings}
    assert {"p1/GUARDIAN/personal.family_name", "p1/GUARDIAN/personal.relationship"} <= subjects
    complete = evaluate(_case(_lea(), CasePerson(id="p1", role="parent_or_guardian", answers=GUARDIAN_ANSWERS)))
    assert not [r for r in complete.form_findings if r.subject.startswith("p1/")]
    assert complete.details["signatures"] == {"signer": "parent_or_guardian", "guardian": "p1"}


def test_a_guardian_declared_for_an_adult_is_refused_with_a_reason():
    adult = CasePerson(id="p0", role="principal_applicant", answers={"IMM5444": complete_answers()})
    evaluation = evaluate(_case(adult, CasePerson(id="p1", role="parent_or_guardian", answers=GUARDIAN_ANSWERS)))
    found = next(r for r in evaluation.findings if r.code == "GUARDIAN_NOT_NEEDED")
    assert found.severity is Severity.BLOCKING and found.subject == "p1"
    assert "38" in found.en and "signe lui-même" in found.fr
    assert evaluation.details["signatures"] == {"signer": "applicant", "guardian": None}
    assert "GUARDIAN_NOT_DECLARED" not in _blocking(evaluate(_case(adult)))


def test_exactly_18_on_the_application_date_signs_themselves():
    eighteenth = date(2029, 3, 1)
    assert pr_card_guardian.is_minor(LEA_BORN, date(2029, 2, 28))
    assert not pr_card_guardian.is_minor(LEA_BORN, eighteenth)
    assert "GUARDIAN_NOT_DECLARED" not in _blocking(evaluate(_case(_lea(), on=eighteenth)))


def test_the_guardian_form_is_the_pr_card_programs_form_for_the_role():
    assert PROGRAM.forms_for("parent_or_guardian") == (pr_card_guardian.GUARDIAN_FORM,)
    assert PROGRAM.forms_for("dependent_child") == ()
    assert pr_card_guardian.passport_name(GUARDIAN_ANSWERS) == MOTHER
    assert pr_card_guardian.passport_name({"GUARDIAN": {"personal": {"family_name": " "}}}) is None


def _gate(typed_name: str, signed_by: SignerRole = SignerRole.PARENT_OR_GUARDIAN):
    return submission_gate(
        flow=SubmissionFlow.SELF,
        principal_applicant_birth_date=LEA_BORN,
        on=ON,
        applicant_passport_name=LEA,
        guardian_passport_name=pr_card_guardian.passport_name(GUARDIAN_ANSWERS),
        signatures=(
            ESignature(
                document=SignedDocument.CONSENT_AND_DECLARATION,
                signed_by=signed_by,
                typed_name=typed_name,
                signed_at=datetime(2026, 11, 22, 10, 0),
            ),
        ),
    )


def test_the_signature_gate_passes_with_the_mothers_passport_name():
    gate = _gate("Marie-Claude Gagnon")
    assert gate.submit_enabled
    assert [r.code for r in gate.reasons] == ["MINOR_SIGNED_BY_PARENT_OR_GUARDIAN", "SUBMIT_ENABLED"]


def test_the_signature_gate_refuses_the_childs_name_and_another_name():
    by_child = _gate("Léa Tremblay", signed_by=SignerRole.APPLICANT)
    assert not by_child.submit_enabled and "MINOR_CANNOT_SIGN" in [r.code for r in by_child.reasons]
    childs_name_typed_by_the_parent = _gate("Léa Tremblay")
    assert not childs_name_typed_by_the_parent.submit_enabled
    assert "SIGNATURE_NAME_MISMATCH" in [r.code for r in childs_name_typed_by_the_parent.reasons]
    another = _gate("Marie Gagnon")
    assert not another.submit_enabled
    assert "SIGNATURE_NAME_MISMATCH" in [r.code for r in another.reasons]


def test_a_pr_card_case_with_a_guardian_follows_the_schema():
    from jsonschema import Draft202012Validator

    root = Path(__file__).resolve().parents[2]
    schema = json.loads((root / "docs" / "case.schema.json").read_text(encoding="utf-8"))
    data = json.loads((root / "docs" / "examples" / "pr-card-renewal-complete.json").read_text(encoding="utf-8"))
    data["people"][0]["answers"]["IMM5444"]["personal"]["date_of_birth"] = LEA_BORN.isoformat()
    data["people"].append({"id": "p1", "role": "parent_or_guardian", "answers": GUARDIAN_ANSWERS})
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(data)] == []
    evaluation = evaluate(case_from_dict(data))
    assert evaluation.details["signatures"]["guardian"] == "p1"
    data["people"][1]["answers"]["GUARDIAN"]["personal"]["relationship"] = "aunt"
    assert list(validator.iter_errors(data))
