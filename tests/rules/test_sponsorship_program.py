"""The sponsorship programs as a whole: one case in, every rule's answer out.

Built on the digest's acceptance scenarios (amounts of AS-01 to AS-06) and the guide's
own conditions; the spouse case of docs/examples is the starting point."""

import copy
import json
from decimal import Decimal
from pathlib import Path

from portique.rules.case import case_from_dict
from portique.rules.evaluate import evaluate
from portique.rules.reasons import Severity

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
SPOUSE = json.loads((EXAMPLES / "spouse-sponsorship-with-child.json").read_text(encoding="utf-8"))
CHILD = json.loads((EXAMPLES / "child-sponsorship.json").read_text(encoding="utf-8"))


def spouse(**changes):
    data = copy.deepcopy(SPOUSE)
    for key, value in changes.items():
        data[key] = value
    return data


def person(data, person_id):
    return next(p for p in data["people"] if p["id"] == person_id)


def run(data):
    return evaluate(case_from_dict(data))


def codes(result, severity=None):
    return [
        (r.code, r.subject)
        for r in result.form_findings + result.findings
        if severity is None or r.severity is severity
    ]


def without_child(data):
    data["people"] = [p for p in data["people"] if p["id"] != "child"]
    data["documents"] = [d for d in data["documents"] if d.get("person") != "child"]
    return data


def test_as_01_a_spouse_abroad_rprf_paid_now_costs_1205_plus_85_biometrics():
    data = without_child(spouse())
    data["payments"][0]["amount"] = "1290.00"
    result = run(data)
    assert result.complete
    assert result.details["fees"]["total"] == "1290.00"
    assert result.details["biometrics"]["sponsor"]["required"] is False


def test_as_02_a_deferred_rprf_leaves_630_plus_85_due_now():
    data = without_child(spouse())
    person(data, "pa")["answers"]["IMM0008"]["application"]["pay_rprf_now"] = False
    data["payments"][0]["amount"] = "715.00"
    result = run(data)
    fees = result.details["fees"]
    assert (fees["due_now"], fees["due_later"], fees["balance"]) == ("715.00", "575.00", "0.00")
    assert ("RPRF_DEFERRED", "pa") in codes(result, Severity.WARNING)
    assert result.complete


def test_as_04_three_people_giving_biometrics_pay_the_family_maximum():
    data = spouse()
    kid = person(data, "child")
    kid["answers"]["IMM0008"]["personal"]["date_of_birth"] = "2010-05-01"  # 15
    second = copy.deepcopy(kid)
    second["id"] = "teen"
    second["answers"]["IMM0008"]["personal"]["date_of_birth"] = "2008-11-30"  # 17
    data["people"].append(second)
    data["documents"] += [
        {"code": "BIRTH_CERTIFICATE", "person": "teen"},
        {"code": "PHOTO", "person": "teen"},
    ]
    data["payments"][0]["amount"] = "1725.00"
    result = run(data)
    assert result.details["fees"]["total"] == "1725.00"
    assert sorted(p for p, e in result.details["biometrics"].items() if e["required"]) == [
        "child",
        "pa",
        "teen",
    ]
    assert result.complete


def test_as_05_two_children_as_principal_applicants_are_two_applications():
    data = copy.deepcopy(CHILD)
    twin = copy.deepcopy(person(data, "linh"))
    twin["id"] = "lan"
    data["people"].append(twin)
    result = run(data)
    assert not result.complete
    assert ("PROGRAM_ROLE_COUNT", "principal_applicant") in codes(result, Severity.BLOCKING)
    assert "ONE_APPLICATION_PER_CHILD" in [code for code, _ in codes(result)]


def test_a_missing_checklist_document_returns_the_application_and_a_letter_avoids_it():
    data = spouse()
    data["documents"] = [
        d for d in data["documents"] if d != {"code": "POLICE_CERTIFICATE_NG", "person": "pa"}
    ]
    result = run(data)
    assert not result.complete
    assert ("CHECKLIST_ITEM_MISSING", "pa:POLICE_CERTIFICATE_NG") in codes(result, Severity.BLOCKING)
    assert ("APPLICATION_RETURNED", "permanent_residence_application") in codes(result)
    assert result.details["documents_missing"] == ["pa:POLICE_CERTIFICATE_NG"]
    data["documents"].append({"code": "POLICE_CERTIFICATE_NG", "person": "pa", "explanation_only": True})
    explained = run(data)
    assert explained.complete
    assert ("CHECKLIST_ITEM_EXPLAINED", "pa:POLICE_CERTIFICATE_NG") in codes(explained, Severity.WARNING)


def test_a_bar_asks_for_the_imm1344_question_1_choice_before_the_officer_decides():
    data = spouse()
    person(data, "sponsor")["answers"]["IMM1344"]["history"]["undischarged_bankrupt"] = True
    result = run(data)
    assert result.details["eligibility"]["sponsor"]["outcome"] == "may_not_be_allowed"
    assert ("IMM1344_Q1_CHOICE_REQUIRED", "sponsor") in codes(result, Severity.BLOCKING)
    person(data, "sponsor")["answers"]["IMM1344"]["question_1"] = {"choice": "proceed"}
    assert run(data).complete


def test_a_permanent_resident_sponsor_living_abroad_is_not_eligible():
    data = spouse()
    about = person(data, "sponsor")["answers"]["IMM1344"]["sponsor"]
    about.update(status="permanent_resident", residence="lives_abroad")
    result = run(data)
    assert result.details["eligibility"]["sponsor"]["outcome"] == "not_eligible"
    assert ("SPONSOR_PR_LIVING_ABROAD", "sponsor") in codes(result, Severity.BLOCKING)


def test_a_paper_sponsorship_is_refused_unless_an_alternative_format_is_needed():
    result = run(spouse(channel="paper"))
    assert ("PAPER_APPLICATION_NOT_ACCEPTED", None) in codes(result, Severity.BLOCKING)
    data = spouse(channel="paper")
    application = person(data, "pa")["answers"]["IMM0008"]["application"]
    application.update(alternative_format_needed=True, sent_to_specified_address=True)
    accommodated = run(data)
    assert accommodated.details["online"]["must_apply_online"] is False
    assert accommodated.complete


def test_a_child_of_22_is_dependent_only_if_a_condition_keeps_them_so():
    data = spouse()
    kid = person(data, "child")
    kid["answers"]["IMM0008"]["personal"]["date_of_birth"] = "2004-03-02"  # 22 on 2026-03-02
    result = run(data)
    assert ("NOT_DEPENDENT_AGE", "child") in codes(result, Severity.BLOCKING)
    kid["answers"]["IMM0008"]["dependant"].update(
        financially_dependent_since_before_22=True, unable_to_self_support_due_to_condition=True
    )
    kid["answers"]["IMM0008"]["personal"]["is_citizen_or_pr"] = False
    dependent = run(data)
    assert dependent.details["eligibility"]["dependants"][0]["type"] == "C"


def test_an_adult_child_completes_their_own_forms_and_police_certificates():
    data = spouse()
    kid = person(data, "child")
    kid["answers"]["IMM0008"]["personal"]["date_of_birth"] = "2006-01-02"  # 20
    kid["answers"]["IMM5669"] = {
        "history": {"stays": [{"country": "GH", "start": "2024-01-01", "end": "2025-01-01"}]}
    }
    result = run(data)
    missing = set(result.details["documents_missing"])
    assert {"child:IMM5406", "child:IMM5562", "child:POLICE_CERTIFICATE_GH"} <= missing
    assert "child:IMM5669" not in missing  # answered in the portal


def test_the_minimum_income_adds_imm1283_for_the_sponsor():
    data = spouse()
    person(data, "child")["answers"]["IMM0008"]["dependant"]["has_dependent_child"] = True
    result = run(data)
    assert result.details["eligibility"]["income"]["imm1283_required"] is True
    assert "sponsor:IMM1283" in result.details["documents_missing"]


def test_an_unreadable_answer_is_a_form_finding_located_by_person_form_and_field():
    data = spouse()
    person(data, "pa")["answers"]["IMM0008"]["personal"]["date_of_birth"] = "02/09/1990"
    person(data, "sponsor")["answers"]["IMM1344"]["sponsor"].pop("status")
    result = run(data)
    assert ("ANSWER_INVALID", "pa/IMM0008/personal.date_of_birth") in codes(result, Severity.BLOCKING)
    assert ("ANSWER_REQUIRED", "sponsor/IMM1344/sponsor.status") in codes(result, Severity.BLOCKING)


def test_the_sponsor_cannot_e_sign_for_the_principal_applicant():
    data = spouse(
        signatures=[{"person": "sponsor", "typed_name": "Julie Tremblay", "signed_on": "2026-03-01"}]
    )
    result = run(data)
    assert "SPONSOR_CANNOT_SIGN_FOR_APPLICANT" in [code for code, _ in codes(result, Severity.BLOCKING)]
    assert result.details["signatures"]["signed"] is False


def test_an_overpaid_sponsorship_starts_and_refunds_the_payer_on_the_receipt():
    data = spouse()
    data["payments"][0]["amount"] = "1550.00"
    result = run(data)
    fees = result.details["fees"]
    assert fees["outcome"] == "overpaid" and fees["balance"] == "-85.00"
    assert fees["refund"] == {"amount": "85.00", "to": "payer_on_receipt", "name": "Julie Tremblay"}
    assert result.complete
    assert Decimal(fees["paid"]) - Decimal(fees["due_now"]) == Decimal("85")


def test_every_checklist_item_says_what_why_and_where_in_both_languages():
    result = run(spouse())
    for item in result.details["checklist"]:
        assert item["en"] and item["fr"] and item["why_en"] and item["why_fr"]
        assert item["citation"].startswith("IMM 5289")
        assert item["person"]


# --- IRPR 10(4): the permanent residence application without the sponsor's part ---------------------


def without_the_sponsor(data):
    data = copy.deepcopy(data)
    data["people"] = [p for p in data["people"] if p["role"] != "sponsor"]
    data["documents"] = [d for d in data["documents"] if d.get("person") not in {"sponsor", "father"}]
    return data


def test_a_spouse_application_without_the_sponsors_part_is_returned_under_10_4_not_10_1_e():
    result = run(without_the_sponsor(SPOUSE))
    blocking = codes(result, Severity.BLOCKING)
    assert ("SPONSORSHIP_APPLICATION_MISSING", "permanent_residence_application") in blocking
    assert ("APPLICATION_RETURNED", "permanent_residence_application") in blocking
    assert not any(code == "PROGRAM_ROLE_COUNT" for code, _ in blocking)
    assert not any("10(1)(e)" in r.citation for r in result.blocking)
    (missing,) = [r for r in result.blocking if r.code == "SPONSORSHIP_APPLICATION_MISSING"]
    assert missing.citation.startswith("IRPR 10(4)") and "parrainage" in missing.fr
    assert result.details["completeness"]["sponsorship_application"] == "not_made"
    assert result.details["completeness"]["permanent_residence_application"] == "returned"


def test_without_the_sponsor_the_sponsored_people_are_still_assessed_and_nothing_is_said_of_a_stand_in():
    result = run(without_the_sponsor(SPOUSE))
    assert {(i["person"], i["code"]) for i in result.details["checklist"]} >= {("pa", "IMM0008"), ("child", "PHOTO")}
    assert all(i["person"] in {"pa", "child"} for i in result.details["checklist"])
    assert not any("no sponsor" in (r.subject or "") for r in result.form_findings + result.findings)
    assert result.details["biometrics"]["pa"]["required"] is True


def test_a_child_sponsorship_without_the_sponsor_is_returned_under_10_4():
    result = run(without_the_sponsor(CHILD))
    assert ("SPONSORSHIP_APPLICATION_MISSING", "permanent_residence_application") in codes(result, Severity.BLOCKING)


def test_two_sponsors_is_a_role_count_that_does_not_cite_the_designation_of_the_principal_applicant():
    data = copy.deepcopy(SPOUSE)
    second = copy.deepcopy(person(data, "sponsor"))
    second["id"] = "sponsor2"
    data["people"].append(second)
    result = run(data)
    (count,) = [r for r in result.blocking if r.code == "PROGRAM_ROLE_COUNT"]
    assert count.subject == "sponsor" and "10(1)(e)" not in count.citation
