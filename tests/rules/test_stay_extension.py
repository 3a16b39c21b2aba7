"""Extending a stay in Canada (seed 000), read as cases: the online requirement and its
exemptions, biometrics for temporary residence, the fees and completeness (IRPR 10, 12)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from portique.rules import fees
from portique.rules.case import Case, CasePayment, CasePerson, CaseSignature
from portique.rules.evaluate import evaluate
from portique.rules.reasons import Severity

ON = date(2026, 11, 22)
NAME = "Alex Marie Tremblay"


def answers(**changes) -> dict:
    sections = {
        "personal": {
            "family_name": "Tremblay",
            "given_names": "Alex Marie",
            "date_of_birth": "1990-04-02",
            "citizenship": "FR",
            "passport_number": "19FE12345",
            "passport_country": "FR",
            "passport_expiry": "2030-01-01",
        },
        "contact": {
            "email": "alex@example.com",
            "mailing_street": "12 rue Principale",
            "mailing_city": "Montréal",
            "mailing_province": "QC",
            "mailing_postal_code": "H2X 1Y4",
        },
        "status": {"current_status": "visitor", "status_expiry": "2026-12-31"},
        "request": {"kind": "visitor_record", "until": "2027-05-31"},
        "online": {"basis": "none"},
        "biometrics": {"special_status": "none"},
    }
    for section, values in changes.items():
        sections[section] = {**sections[section], **values}
    return sections


def case(*, on: date = ON, channel: str = "online", paid: str | None = None, signed: bool = True, **changes):
    """A JSON-like case (the whole record): signed and paid when asked."""
    return Case(
        program="stay_extension",
        application_date=on,
        people=(
            CasePerson(id="p0", role="principal_applicant", answers={"STAY_EXTENSION": answers(**changes)}),
        ),
        channel=channel,
        payments=(CasePayment(amount=Decimal(paid)),) if paid else (),
        signatures=(CaseSignature(person="p0", typed_name=NAME, signed_on=on),) if signed else (),
        signatures_recorded=True,
    )


def codes(evaluation) -> set[str]:
    return {r.code for r in evaluation.form_findings + evaluation.findings}


# --- The whole application --------------------------------------------------------------------


def test_a_complete_signed_and_paid_visitor_extension_is_complete():
    evaluation = evaluate(case(paid="185"))
    assert evaluation.form_findings == ()
    assert evaluation.complete, [r.en for r in evaluation.blocking]
    assert evaluation.details["completeness"]["outcome"] == "complete"
    # IRPR 12.1(e): a visitor's extension of their authorization to remain.
    assert evaluation.details["biometrics"]["p0"]["paragraph"] == "12.1(e)"


def test_an_unsigned_case_is_returned_under_10_1_b():
    evaluation = evaluate(case(paid="185", signed=False))
    assert not evaluation.complete
    assert {"NOT_SIGNED_BY_APPLICANT", "APPLICATION_RETURNED"} <= codes(evaluation)
    assert evaluation.details["completeness"]["returned"] == ["application", "supporting_documents"]


def test_an_unpaid_case_is_returned_under_10_1_d():
    evaluation = evaluate(case())
    assert "FEE_RECEIPT_MISSING" in codes(evaluation)
    assert not evaluation.complete


def test_a_missing_particular_of_10_2_is_a_blocking_finding_even_in_the_portal():
    portal = Case(
        program="stay_extension",
        application_date=ON,
        people=(
            CasePerson(
                id="p0",
                role="principal_applicant",
                answers={"STAY_EXTENSION": answers(request={"kind": None})},
            ),
        ),
    )
    evaluation = evaluate(portal)
    assert "DOCUMENT_SOUGHT_MISSING" in codes(evaluation)
    # The portal's gate checks the signature and the fee itself: not repeated here.
    assert not {"NOT_SIGNED_BY_APPLICANT", "FEE_RECEIPT_MISSING"} & codes(evaluation)


def test_a_status_that_has_already_ended_is_a_warning_not_a_stop():
    evaluation = evaluate(case(paid="185", status={"status_expiry": "2026-10-01"}))
    found = next(r for r in evaluation.findings if r.code == "STATUS_ALREADY_ENDED")
    assert found.severity is Severity.WARNING
    assert evaluation.complete


# --- Fees ---------------------------------------------------------------------------------------


def test_the_processing_fee_comes_from_its_dated_parameter_and_the_biometric_fee_is_added():
    quote = evaluate(case(paid="240", request={"kind": "work_permit_extension"})).details["fees"]
    assert [(line["code"], line["amount"]) for line in quote["lines"]] == [
        ("processing", "155.00"),
        ("biometrics", "85.00"),
    ]
    assert "not in the source documents" in quote["lines"][0]["citation"]


def test_a_refund_of_this_program_goes_to_an_officer_the_sources_give_no_rule():
    from portique.rules.programs import registry

    quote = registry.program("stay_extension").fee_quote(case(paid="185"))
    refund = fees.assess_refund(quote=quote, event=fees.RefundEvent.REFUSED)
    assert refund.refundable == 0 and refund.officer_decides == Decimal("185")
    assert [r.code for r in refund.reasons] == ["REFUND_RULES_NOT_IN_SOURCES"]


# --- Biometrics (IRPR 12.1(e)–(i), 12.2) ---------------------------------------------------------


def test_a_united_states_national_extending_a_study_permit_gives_no_biometrics_and_pays_no_biometric_fee():
    evaluation = evaluate(
        case(paid="150", personal={"citizenship": "US"}, request={"kind": "study_permit_extension"})
    )
    person = evaluation.details["biometrics"]["p0"]
    assert person["required"] is False and "12.2(1)(c)(ii)" in person["exemptions"]
    assert [line["code"] for line in evaluation.details["fees"]["lines"]] == ["processing"]


def test_a_refugee_claimant_is_exempt_for_a_work_permit_but_not_for_a_visitor_extension():
    # AS-54: 12.2(1)(d)(i) covers work and study permits only, not 12.1(e).
    work = evaluate(
        case(request={"kind": "work_permit"}, biometrics={"special_status": "refugee_claim_pending"})
    )
    visit = evaluate(case(biometrics={"special_status": "refugee_claim_pending"}))
    assert work.details["biometrics"]["p0"]["required"] is False
    assert visit.details["biometrics"]["p0"]["required"] is True


def test_a_child_of_13_gives_no_biometrics_and_needs_a_parent_to_sign():
    evaluation = evaluate(case(personal={"date_of_birth": "2013-06-01"}))
    assert evaluation.details["biometrics"]["p0"]["required"] is False
    assert "GUARDIAN_NOT_DECLARED" in codes(evaluation)


# --- The online requirement (IRPR 9.2, 9.4, 9.5; seed 000) --------------------------------------


def test_without_an_exemption_the_application_is_online_only():
    evaluation = evaluate(case(paid="185"))
    assert evaluation.details["online"]["requirement"] == "electronic_only"
    assert "ONLINE_APPLICATION_REQUIRED" in codes(evaluation)


def test_a_disability_allows_paper_without_saying_which_and_the_officer_must_accept_it():
    # AS-75
    evaluation = evaluate(case(channel="paper", paid="185", online={"basis": "disability"}))
    online = evaluation.details["online"]
    assert online["requirement"] == "other_means_allowed" and online["officer_must_accept_complete_paper"]
    assert "PAPER_APPLICATION_WITHOUT_EXEMPTION" not in codes(evaluation)
    assert evaluation.complete


def test_a_paper_application_without_an_exemption_is_flagged_for_the_officer():
    evaluation = evaluate(case(channel="paper", paid="185"))
    flag = next(r for r in evaluation.findings if r.code == "PAPER_APPLICATION_WITHOUT_EXEMPTION")
    assert flag.severity is Severity.WARNING


def test_a_table_row_frees_the_applicant_iec_change_of_employer_c21():
    # AS-76
    evaluation = evaluate(
        case(
            request={"kind": "work_permit"},
            online={"basis": "system_restriction", "system_restriction": "C21"},
        )
    )
    assert evaluation.details["online"]["system_restriction"] == "C21"
    assert evaluation.details["online"]["requirement"] == "other_means_allowed"


def test_h82_needs_a_permit_of_six_months():
    # AS-72: a TRP of 8 months frees the applicant; one of 4 months does not.
    def with_trp(until: str):
        return evaluate(
            case(
                request={"kind": "work_permit"},
                status={
                    "current_status": "permit_holder",
                    "trp_valid_from": "2026-09-01",
                    "trp_valid_until": until,
                },
                online={"basis": "system_restriction", "system_restriction": "H82"},
            )
        ).details["online"]["requirement"]

    assert with_trp("2027-05-01") == "other_means_allowed"
    assert with_trp("2027-01-01") == "electronic_only"


def test_a_trp_applied_for_with_the_work_permit_cannot_come_online():
    # AS-73: IMM 5708 and IMM 5710 together on paper; the work permit alone online is refused.
    online = evaluate(case(request={"kind": "work_permit", "with_trp": "yes"}))
    assert "ONLINE_NOT_ALLOWED_PAPER_REQUIRED" in {r.code for r in online.blocking}
    paper = evaluate(case(channel="paper", paid="240", request={"kind": "work_permit", "with_trp": "yes"}))
    assert paper.details["online"]["requirement"] == "paper_required"
    assert "ONLINE_NOT_ALLOWED_PAPER_REQUIRED" not in codes(paper)


def test_a_claim_of_exceptional_circumstances_is_for_an_officer_to_establish():
    evaluation = evaluate(case(paid="185", online={"basis": "exceptional_circumstances"}))
    found = next(r for r in evaluation.findings if r.code == "EXCEPTIONAL_CIRCUMSTANCES_CLAIMED")
    assert found.severity is Severity.WARNING and found.citation == "IRPR 9.4"
    assert evaluation.details["online"]["requirement"] == "electronic_only"


def test_a_paid_representative_files_a_table_program_online():
    # AS-78: with access to the representatives' portal, electronic by default.
    represented = Case(
        program="stay_extension",
        application_date=ON,
        people=(
            CasePerson(
                id="p0",
                role="principal_applicant",
                answers={
                    "STAY_EXTENSION": answers(
                        request={"kind": "work_permit"},
                        online={"basis": "system_restriction", "system_restriction": "C10"},
                    )
                },
            ),
        ),
        representative_declared_on=ON,
    )
    evaluation = evaluate(represented)
    assert "PAID_REPRESENTATIVE_MUST_SUBMIT_ONLINE" in codes(evaluation)
    assert evaluation.details["online"]["requirement"] == "electronic_only"


def test_every_reason_speaks_both_languages_and_cites_its_source():
    evaluation = evaluate(case(channel="paper", online={"basis": "exceptional_circumstances"}))
    for found in evaluation.form_findings + evaluation.findings:
        assert found.en and found.fr and found.citation, found.code
