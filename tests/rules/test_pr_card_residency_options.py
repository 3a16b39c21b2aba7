"""The PR card program credits the days of an absence claimed under Options A to C of IMM 5445
Appendix A when the option's conditions hold and its mandatory documents are provided
(PRC-104 to PRC-106; AS-43, AS-48). An officer still confirms what the documents show."""

import copy
import json
from pathlib import Path

from portique.rules.case import case_from_dict
from portique.rules.evaluate import evaluate

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "pr-card-residency-not-met-humanitarian.json"
OPTION_B_DOCUMENTS = (
    "OPTION_B_PASSPORTS_OF_CITIZEN",
    "OPTION_B_CITIZENSHIP_PROOF",
    "OPTION_B_ADDRESSES_OF_CITIZEN",
    "SPOUSE_RELATIONSHIP_PROOF",
)


def abroad_with(row: dict, documents=(), humanitarian="no"):
    """Nearly four years in Lyon (2022-01-10 to 2025-12-20), claimed as ``row`` says."""
    data = copy.deepcopy(json.loads(EXAMPLE.read_text()))
    answers = data["people"][0]["answers"]["IMM5444"]
    answers["absences"] = [{"start": "2022-01-10", "end": "2025-12-20", "destination": "FR", **row}]
    answers["humanitarian"] = {"requested": humanitarian}
    data["documents"] = [d for d in data["documents"] if d["code"] != "HUMANITARIAN_EVIDENCE"]
    data["documents"] += [{"code": code, "person": "alex"} for code in documents]
    return evaluate(case_from_dict(data))


def codes(result):
    return {r.code for r in result.form_findings + result.findings}


def test_days_with_a_citizen_spouse_and_the_option_b_documents_count_toward_the_730():
    result = abroad_with(
        {"reason": "option_b", "accompanied": "spouse", "citizen_since": "2010-05-01"}, OPTION_B_DOCUMENTS
    )
    residency = result.details["residency"]
    assert residency["days_present"] < 730
    assert residency["days_credited"] >= 730
    assert residency["status"] == "met"
    assert {"OPTION_B_DAYS_COUNTED", "RESIDENCY_OPTION_DAYS_OFFICER_CONFIRMS"} <= codes(result)
    assert "RESIDENCY_OBLIGATION_CANNOT_BE_DEMONSTRATED" not in codes(result)
    assert result.complete


def test_option_b_days_without_the_mandatory_documents_are_not_credited():
    result = abroad_with({"reason": "option_b", "accompanied": "spouse", "citizen_since": "2010-05-01"})
    assert result.details["residency"]["days_credited"] < 730
    assert "OPTION_B_EVIDENCE_INCOMPLETE" in codes(result)
    assert not result.complete


def test_days_before_the_spouse_became_a_citizen_do_not_count():
    result = abroad_with(
        {"reason": "option_b", "accompanied": "spouse", "citizen_since": "2025-06-01"}, OPTION_B_DOCUMENTS
    )
    assert "ACCOMPANIED_PERSON_NOT_YET_CITIZEN" in codes(result)
    assert result.details["residency"]["days_credited"] < 730


def test_option_b_asks_when_the_accompanied_person_became_a_citizen():
    result = abroad_with({"reason": "option_b", "accompanied": "spouse"}, OPTION_B_DOCUMENTS)
    assert any(r.subject.endswith("absences.1.citizen_since") for r in result.form_findings)


def test_option_c_counts_only_when_the_accompanied_resident_meets_their_obligation():
    documents = ("OPTION_C_RESIDENCY_PROOF_OF_RESIDENT", "OPTION_C_PASSPORTS_OF_RESIDENT", "SPOUSE_RELATIONSHIP_PROOF")
    row = {"reason": "option_c", "accompanied": "spouse", "resident_employed_full_time": "yes"}
    meets = abroad_with({**row, "resident_meets_obligation": "yes"}, documents)
    assert meets.details["residency"]["status"] == "met" and "OPTION_C_DAYS_COUNTED" in codes(meets)
    does_not = abroad_with({**row, "resident_meets_obligation": "no"}, documents)
    assert "ACCOMPANIED_RESIDENT_DOES_NOT_MEET_OBLIGATION" in codes(does_not)
    assert does_not.details["residency"]["days_credited"] < 730


def test_option_a_counts_with_its_conditions_and_the_employer_letter():
    row = {"reason": "option_a", "employer_canadian": "yes", "assigned_full_time": "yes", "will_continue_in_canada": "yes"}
    credited = abroad_with(row, ("OPTION_A_EMPLOYER_LETTER",))
    assert credited.details["residency"]["status"] == "met" and "OPTION_A_DAYS_COUNTED" in codes(credited)
    no_letter = abroad_with(row)
    assert "OPTION_A_EVIDENCE_INCOMPLETE" in codes(no_letter)
    not_canadian = abroad_with({**row, "employer_canadian": "no"}, ("OPTION_A_EMPLOYER_LETTER",))
    assert "OPTION_A_CONDITIONS_NOT_MET" in codes(not_canadian)
    assert not_canadian.details["residency"]["days_credited"] < 730
