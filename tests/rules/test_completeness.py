"""IRPR s.10–12: when an application is complete, and what a return sends back."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.completeness import (
    KEPT_BIOMETRICS,
    RETURNED_ITEMS,
    AdoptionException,
    ApplicationKind,
    ApplicationSummary,
    Channel,
    Completeness,
    FamilyRole,
    FormUsed,
    PersonParticulars,
    RepresentativeDetails,
    RepresentativeRole,
    check_completeness,
)
from portique.rules.reasons import Severity


def person(person_id: str, role: FamilyRole, **changes) -> PersonParticulars:
    base = PersonParticulars(
        person_id=person_id,
        role=role,
        accompanying=True,
        name="Name " + person_id,
        date_of_birth=date(1990, 1, 1),
        address="999, rue de la Famille, Ottawa (Ontario), Canada, K3J 9T5",
        nationality="FR",
        immigration_status="visitor",
        spousal_status_stated=True,
    )
    return replace(base, **changes)


def application(**changes) -> ApplicationSummary:
    base = ApplicationSummary(
        kind=ApplicationKind.PERMANENT_RESIDENCE,
        channel=Channel.ELECTRONIC,
        form_used=FormUsed.DEPARTMENT_FORM,
        signed_by_applicant=True,
        declaration_made=True,
        persons=(person("pa", FamilyRole.PRINCIPAL_APPLICANT),),
        visa_or_permit_sought="permanent resident visa",
        regulatory_class="spouse or common-law partner in Canada class",
        fee_due=Decimal("1205"),
        fee_receipt_present=True,
        fee_paid=Decimal("1205"),
        family_class=True,
        sponsorship_application_included=True,
    )
    return replace(base, **changes)


def codes(result) -> list[str]:
    return [r.code for r in result.reasons]


def found(result, code: str):
    return next(r for r in result.reasons if r.code == code)


def blocking_codes(result) -> list[str]:
    return [r.code for r in result.reasons if r.severity is Severity.BLOCKING]


def test_a_complete_application_is_complete_and_says_why():
    result = check_completeness(application=application())
    assert result.outcome is Completeness.COMPLETE
    assert result.complete
    assert result.returned == () and result.kept == ()
    assert "APPLICATION_COMPLETE" in codes(result)
    assert "FEE_RECEIPT_PRESENT" in codes(result)
    assert blocking_codes(result) == []


def test_AS_66_no_fee_receipt_is_returned_with_documents_but_biometrics_kept():
    result = check_completeness(application=application(fee_receipt_present=False, biometrics_collected=True))
    assert result.outcome is Completeness.RETURNED
    assert blocking_codes(result) == ["FEE_RECEIPT_MISSING", "APPLICATION_RETURNED"]
    missing = next(r for r in result.reasons if r.code == "FEE_RECEIPT_MISSING")
    assert missing.citation == "IRPR 10(1)(d)"
    assert "$1205" in missing.en and "1205 $" in missing.fr
    assert result.returned == RETURNED_ITEMS == ("application", "supporting_documents")
    assert result.kept == KEPT_BIOMETRICS
    assert "BIOMETRICS_KEPT" in codes(result)


def test_return_without_collected_biometrics_keeps_nothing():
    result = check_completeness(application=application(fee_receipt_present=False))
    assert result.kept == ()
    assert "BIOMETRICS_KEPT" not in codes(result)


def test_fee_paid_one_cent_short_is_insufficient_and_exact_fee_is_enough():
    short = check_completeness(application=application(fee_paid=Decimal("1204.99")))
    assert blocking_codes(short) == ["FEE_INSUFFICIENT", "APPLICATION_RETURNED"]
    assert "$1204.99" in found(short, "FEE_INSUFFICIENT").en
    exact = check_completeness(application=application(fee_paid=Decimal("1205.00")))
    assert exact.complete


def test_no_fee_due_needs_no_receipt():
    result = check_completeness(application=application(fee_due=Decimal(0), fee_receipt_present=False))
    assert result.complete
    assert "NO_FEE_DUE" in codes(result)


def test_AS_67_accompanying_spouse_without_designation_is_returned():
    spouse = person("sp", FamilyRole.SPOUSE_OR_COMMON_LAW_PARTNER)
    pa = person("pa", FamilyRole.PRINCIPAL_APPLICANT)
    result = check_completeness(application=application(persons=(pa, spouse), principal_applicant_designated=False))
    assert result.outcome is Completeness.RETURNED
    assert blocking_codes(result) == ["PRINCIPAL_APPLICANT_NOT_DESIGNATED", "APPLICATION_RETURNED"]
    assert found(result, "PRINCIPAL_APPLICANT_NOT_DESIGNATED").citation == "IRPR 10(1)(e)"
    designated = check_completeness(application=application(persons=(pa, spouse), principal_applicant_designated=True))
    assert designated.complete
    assert designated.covers == ("pa", "sp")


def test_non_accompanying_spouse_needs_no_designation_but_must_be_declared():
    spouse = person("sp", FamilyRole.SPOUSE_OR_COMMON_LAW_PARTNER, accompanying=False, nationality=None)
    result = check_completeness(
        application=application(persons=(person("pa", FamilyRole.PRINCIPAL_APPLICANT), spouse))
    )
    assert "PRINCIPAL_APPLICANT_NOT_DESIGNATED" not in codes(result)
    missing = [r for r in result.reasons if r.code == "PERSONAL_PARTICULARS_MISSING"]
    assert [(r.subject, r.citation) for r in missing] == [("sp", "IRPR 10(2)(a)")]
    assert "not accompanying" in missing[0].en and "nationality" in missing[0].en
    assert result.outcome is Completeness.RETURNED
    assert result.covers == ("pa",)  # 10(3): valid only for the accompanying family


def test_AS_68_paid_consultant_without_body_and_membership_number_is_incomplete():
    consultant = RepresentativeDetails(
        representative_id="rep-1",
        role=RepresentativeRole.PAID_REPRESENTATIVE,
        name="A. Consultant",
        postal_address="1 Main Street, Ottawa",
        telephone="613-555-0100",
    )
    result = check_completeness(application=application(representatives=(consultant,)))
    assert result.outcome is Completeness.RETURNED
    missing = [r for r in result.reasons if r.code == "REPRESENTATIVE_PARTICULARS_MISSING"]
    assert [r.citation for r in missing] == ["IRPR 10(2)(c.1), (c.2)"] * 2
    assert [r.subject for r in missing] == ["rep-1", "rep-1"]
    assert "membership number" in missing[1].en


def test_unpaid_representative_needs_only_contact_particulars():
    unpaid = RepresentativeDetails("rep-2", RepresentativeRole.REPRESENTATIVE, "Aunt", "2 Elm Street", "613-555-0101")
    assert check_completeness(application=application(representatives=(unpaid,))).complete


def test_paid_adviser_entity_needs_c1_particulars_and_paid_adviser_person_c1_and_c2():
    entity = RepresentativeDetails("ent", RepresentativeRole.PAID_ADVISER_ENTITY, name="Org", postal_address="x")
    adviser = RepresentativeDetails("adv", RepresentativeRole.PAID_ADVISER, "Lawyer", "y", "1", member_body="Barreau")
    result = check_completeness(application=application(representatives=(entity, adviser)))
    missing = [(r.subject, r.citation) for r in result.reasons if r.code == "REPRESENTATIVE_PARTICULARS_MISSING"]
    assert missing == [("ent", "IRPR 10(2)(c.4)"), ("adv", "IRPR 10(2)(c.3)")]


def test_AS_69_second_sponsorship_while_first_pending_is_not_accepted():
    result = check_completeness(
        application=application(
            kind=ApplicationKind.SPONSORSHIP, family_class=False, earlier_sponsorship_pending_for_same_person=True
        )
    )
    assert result.outcome is Completeness.RETURNED
    assert blocking_codes(result) == ["SPONSORSHIP_ALREADY_PENDING", "APPLICATION_RETURNED"]
    assert found(result, "SPONSORSHIP_ALREADY_PENDING").citation == "IRPR 10(5)"
    # 10(5) is not a 10(1) failure: the appeal consequence of 10(6) does not follow.
    assert not result.deemed_not_filed_for_appeal


def test_AS_70_family_class_without_sponsorship_application_is_returned():
    result = check_completeness(application=application(sponsorship_application_included=False))
    assert result.outcome is Completeness.RETURNED
    assert blocking_codes(result) == ["SPONSORSHIP_APPLICATION_MISSING", "APPLICATION_RETURNED"]
    assert found(result, "SPONSORSHIP_APPLICATION_MISSING").citation == "IRPR 10(4); 130(1)(c)"


def test_AS_71_sponsorship_not_made_per_10_1_is_deemed_not_filed():
    result = check_completeness(application=application(kind=ApplicationKind.SPONSORSHIP, signed_by_applicant=False))
    assert result.outcome is Completeness.RETURNED
    assert result.deemed_not_filed_for_appeal
    assert "NOT_SIGNED_BY_APPLICANT" in blocking_codes(result)
    deemed = next(r for r in result.reasons if r.code == "SPONSORSHIP_DEEMED_NOT_FILED")
    assert deemed.citation == "IRPR 10(6); IRPA 63(1)"
    assert deemed.rule == "IRPR-10-6"


def test_a_pr_application_not_made_per_10_1_is_not_deemed_not_filed():
    result = check_completeness(application=application(signed_by_applicant=False))
    assert result.outcome is Completeness.RETURNED
    assert not result.deemed_not_filed_for_appeal


def test_every_missing_item_is_its_own_reason_citing_10_1_c():
    result = check_completeness(application=application(missing_items=("birth_certificate", "photo")))
    missing = [r for r in result.reasons if r.code == "REQUIRED_ITEM_MISSING"]
    assert [(r.subject, r.citation) for r in missing] == [
        ("birth_certificate", "IRPR 10(1)(c)"),
        ("photo", "IRPR 10(1)(c)"),
    ]
    assert result.outcome is Completeness.RETURNED


def test_an_item_replaced_by_an_explanation_letter_is_for_the_officer_not_a_return():
    result = check_completeness(application=application(explained_items=("police_certificate",)))
    assert result.complete
    explained = next(r for r in result.reasons if r.code == "REQUIRED_ITEM_EXPLAINED")
    assert explained.severity is Severity.WARNING and explained.subject == "police_certificate"


def test_missing_10_2_b_c_d_each_cite_their_paragraph():
    result = check_completeness(
        application=application(visa_or_permit_sought=" ", regulatory_class=None, declaration_made=False)
    )
    cited = {r.code: r.citation for r in result.reasons if r.severity is Severity.BLOCKING}
    assert cited["DOCUMENT_SOUGHT_MISSING"] == "IRPR 10(2)(b)"
    assert cited["CLASS_MISSING"] == "IRPR 10(2)(c)"
    assert cited["DECLARATION_MISSING"] == "IRPR 10(2)(d)"


def test_wrong_form_and_cbsa_form_for_declaration_of_exemption():
    wrong = check_completeness(application=application(form_used=FormUsed.OTHER))
    assert "WRONG_FORM" in blocking_codes(wrong)
    exemption = application(kind=ApplicationKind.DECLARATION_OF_EXEMPTION, family_class=False)
    assert "WRONG_FORM" in blocking_codes(check_completeness(application=exemption))
    assert check_completeness(application=replace(exemption, form_used=FormUsed.CBSA_FORM)).complete
    assert check_completeness(application=application(form_used=FormUsed.NO_FORM_PROVIDED)).complete


def test_paper_application_must_go_to_the_specified_address():
    paper = application(channel=Channel.OTHER_MEANS)
    result = check_completeness(application=paper)
    assert blocking_codes(result) == ["NOT_SENT_TO_SPECIFIED_ADDRESS", "APPLICATION_RETURNED"]
    assert found(result, "NOT_SENT_TO_SPECIFIED_ADDRESS").citation == "IRPR 11"
    assert check_completeness(application=replace(paper, sent_to_specified_address=True)).complete


def test_adoption_exception_lets_particulars_follow_before_approval():
    child = person("child", FamilyRole.DEPENDENT_CHILD, name=None, date_of_birth=None, adoption_exception=AdoptionException.TO_BE_ADOPTED_117_1_G)
    result = check_completeness(application=application(persons=(person("pa", FamilyRole.PRINCIPAL_APPLICANT), child)))
    assert result.complete
    assert result.due_before_approval == ("child",)
    due = next(r for r in result.reasons if r.code == "ADOPTION_PARTICULARS_DUE_BEFORE_APPROVAL")
    assert due.citation == "IRPR 10(2.1)" and "before the application is approved" in due.en


def test_adoption_exception_does_not_apply_outside_family_class():
    child = person("child", FamilyRole.DEPENDENT_CHILD, name=None, adoption_exception=AdoptionException.INTERNATIONAL_ADOPTION_117_1_B)
    result = check_completeness(
        application=application(
            kind=ApplicationKind.TEMPORARY_RESIDENCE,
            family_class=False,
            persons=(person("pa", FamilyRole.PRINCIPAL_APPLICANT), child),
        )
    )
    assert result.outcome is Completeness.RETURNED
    assert "ADOPTION_EXCEPTION_NOT_APPLICABLE" in codes(result)
    assert result.due_before_approval == ()


def test_AS_57_pending_biometrics_do_not_make_the_application_incomplete():
    # 10(2.2): biometrics and their fee are not part of the application; the biometric
    # instruction letter and the processing start belong to the biometrics rules.
    result = check_completeness(application=application(biometrics_pending=True))
    assert result.complete
    info = next(r for r in result.reasons if r.code == "BIOMETRICS_NOT_PART_OF_APPLICATION")
    assert info.citation == "IRPR 10(2.2)" and info.severity is Severity.INFO


def test_applicant_must_be_identified_exactly_once():
    none = check_completeness(application=application(persons=()))
    assert "APPLICANT_NOT_IDENTIFIED" in blocking_codes(none)
    two = application(persons=(person("a", FamilyRole.PRINCIPAL_APPLICANT), person("b", FamilyRole.PRINCIPAL_APPLICANT)))
    assert "APPLICANT_NOT_IDENTIFIED" in blocking_codes(check_completeness(application=two))


def test_provisions_outside_the_sources_go_to_an_officer():
    displaced = check_completeness(application=application(subject_to_28_or_139_1_b=True, signed_by_applicant=False))
    assert displaced.outcome is Completeness.OFFICER_REVIEW
    assert "NOT_SIGNED_BY_APPLICANT" not in codes(displaced)
    held = check_completeness(application=application(fee_receipt_present=False, subject_to_140_4=True))
    assert held.outcome is Completeness.OFFICER_REVIEW
    assert held.returned == ()
    assert "RETURN_SUBJECT_TO_140_4" in codes(held)


def test_every_reason_is_bilingual_and_cited():
    result = check_completeness(
        application=application(fee_receipt_present=False, missing_items=("x",), declaration_made=False)
    )
    for r in result.reasons:
        assert r.en and r.fr and r.citation and r.rule and r.code.isupper()
        assert "{" not in r.en and "{" not in r.fr


@given(
    signed=st.booleans(),
    declared=st.booleans(),
    receipt=st.booleans(),
    missing=st.lists(st.sampled_from(["a", "b", "c"]), max_size=3),
    biometrics=st.booleans(),
)
def test_outcome_is_returned_exactly_when_something_blocks(signed, declared, receipt, missing, biometrics):
    result = check_completeness(
        application=application(
            signed_by_applicant=signed,
            declaration_made=declared,
            fee_receipt_present=receipt,
            missing_items=tuple(missing),
            biometrics_collected=biometrics,
        )
    )
    fails = not signed or not declared or not receipt or bool(missing)
    assert result.complete is not fails
    if fails:
        assert result.returned == RETURNED_ITEMS
        # s.12: biometric information is never returned.
        assert result.kept == (KEPT_BIOMETRICS if biometrics else ())
        assert not set(result.kept) & set(result.returned)
