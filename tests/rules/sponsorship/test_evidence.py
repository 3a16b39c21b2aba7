from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portique.rules.reasons import Severity, has_blocking
from portique.rules.sponsorship.evidence import (
    Custody,
    FamilyMember,
    MarriageProof,
    PassportKind,
    VisaDocuments,
    check_family_declared,
    communication_evidence,
    imm5604_required,
    marriage_proof,
    passport_acceptable,
    pr_visa_latest_expiry,
)

from ._helpers import codes, well_formed

ON = date(2025, 6, 1)


def test_AS_110_fourteen_pages_of_communication_evidence_exceed_the_maximum_of_ten():
    result = communication_evidence(pages=14, on=ON)
    well_formed(result.reasons)
    assert not result.ok
    assert codes(result) == ["COMMUNICATION_EVIDENCE_TOO_LONG"]
    assert "10" in result.reasons[0].en and "14" in result.reasons[0].fr
    assert has_blocking(result.reasons)


def test_ten_pages_is_within_the_limit_untranslated_pages_are_not():
    assert communication_evidence(pages=10, on=ON).ok
    assert codes(communication_evidence(pages=10, on=ON)) == ["COMMUNICATION_EVIDENCE_WITHIN_LIMIT"]
    untranslated = communication_evidence(pages=4, untranslated_pages=2, on=ON)
    assert not untranslated.ok and codes(untranslated) == ["COMMUNICATION_EVIDENCE_UNTRANSLATED"]


def test_AS_115_certificate_of_celebration_or_marriage_licence_is_not_accepted():
    for document in (MarriageProof.CANADIAN_CERTIFICATE_OF_CELEBRATION, MarriageProof.MARRIAGE_LICENCE):
        result = marriage_proof(document=document)
        well_formed(result.reasons)
        assert not result.ok
        assert codes(result) == ["MARRIAGE_PROOF_NOT_ACCEPTED"]
        assert result.reasons[0].severity is Severity.BLOCKING
    for document in (MarriageProof.MARRIAGE_CERTIFICATE, MarriageProof.PROOF_OF_REGISTRATION):
        assert marriage_proof(document=document).ok
    assert codes(marriage_proof(document=MarriageProof.OTHER)) == ["MARRIAGE_PROOF_UNCERTAIN"]


def test_AS_116_diplomatic_passport_cannot_be_used_to_immigrate():
    result = passport_acceptable(kind=PassportKind.DIPLOMATIC, person="pa")
    well_formed(result.reasons)
    assert not result.ok
    assert codes(result) == ["PASSPORT_KIND_NOT_ACCEPTED"]
    assert "regular or private" in result.reasons[0].en and "régulier ou privé" in result.reasons[0].fr
    for kind in (PassportKind.OFFICIAL, PassportKind.SERVICE, PassportKind.PUBLIC_AFFAIRS):
        assert not passport_acceptable(kind=kind).ok
    assert passport_acceptable(kind=PassportKind.REGULAR).ok


def test_passport_must_be_valid_on_arrival():
    expiring = passport_acceptable(
        kind=PassportKind.REGULAR, expiry=date(2025, 7, 1), arrival=date(2025, 7, 2)
    )
    assert not expiring.ok and codes(expiring) == ["PASSPORT_EXPIRES_BEFORE_ARRIVAL"]
    assert passport_acceptable(
        kind=PassportKind.PRIVATE, expiry=date(2025, 7, 2), arrival=date(2025, 7, 2)
    ).ok


def test_AS_117_pr_visa_valid_no_later_than_the_medical_expiry():
    result = pr_visa_latest_expiry(
        people=(
            VisaDocuments("pa", medical_results_expiry=date(2026, 2, 1), passport_expiry=date(2026, 8, 1)),
        )
    )
    well_formed(result.reasons)
    assert result.latest_expiry == date(2026, 2, 1)
    assert (result.limited_by_person, result.limited_by_document) == ("pa", "medical_results")
    assert codes(result) == ["PR_VISA_LATEST_EXPIRY"]
    assert "cannot be extended" in result.reasons[0].en
    assert "nouvelle demande de parrainage" in result.reasons[0].fr


def test_pr_visa_limited_by_a_family_members_passport():
    result = pr_visa_latest_expiry(
        people=(
            VisaDocuments("pa", date(2026, 2, 1), date(2026, 8, 1)),
            VisaDocuments("child", date(2026, 2, 1), date(2025, 12, 31)),
        )
    )
    assert result.latest_expiry == date(2025, 12, 31)
    assert (result.limited_by_person, result.limited_by_document) == ("child", "passport")
    with pytest.raises(ValueError):
        pr_visa_latest_expiry(people=())


def test_AS_106_child_aged_9_other_parent_abroad_imm5604_hand_signed_with_photo_id():
    result = imm5604_required(child_birth_date=date(2016, 1, 1), on=ON, travels_without_both_parents=True)
    well_formed(result.reasons)
    assert result.required and not result.explanation_letter_instead
    assert codes(result) == ["IMM5604_REQUIRED"]
    assert "by hand" in result.reasons[0].en and "photo" in result.reasons[0].en


def test_AS_106_whereabouts_unknown_explanation_letter_officer_decides():
    result = imm5604_required(
        child_birth_date=date(2016, 1, 1),
        on=ON,
        travels_without_both_parents=True,
        non_accompanying_parent_can_sign=False,
    )
    well_formed(result.reasons)
    assert result.required and result.explanation_letter_instead and result.officer_review
    assert codes(result) == ["IMM5604_EXPLANATION_LETTER"]


def test_imm5604_not_for_adults_or_children_travelling_with_both_parents():
    assert not imm5604_required(
        child_birth_date=date(2007, 6, 1), on=ON, travels_without_both_parents=True
    ).required
    assert imm5604_required(
        child_birth_date=date(2007, 6, 2), on=ON, travels_without_both_parents=True
    ).required
    assert not imm5604_required(
        child_birth_date=date(2016, 1, 1), on=ON, travels_without_both_parents=False
    ).required


def test_AS_102_undeclared_child_in_sole_custody_of_ex_is_flagged_and_would_be_excluded():
    result = check_family_declared(
        members=(
            FamilyMember("spouse-child", declared=True),
            FamilyMember(
                "ex-custody-child", declared=False, accompanying=False, custody=Custody.SOLE_OTHER_PARENT
            ),
        )
    )
    well_formed(result.reasons)
    assert not result.all_declared
    assert codes(result) == ["FAMILY_MEMBER_NOT_DECLARED"]
    flagged = result.reasons[0]
    assert flagged.subject == "ex-custody-child" and flagged.severity is Severity.BLOCKING
    assert "sole custody" in flagged.en and "excluded from the family class" in flagged.en
    assert "garde exclusive" in flagged.fr
    assert result.must_be_examined == ("spouse-child",)


def test_declared_non_accompanying_members_are_examined_citizens_are_not():
    result = check_family_declared(
        members=(
            FamilyMember(
                "a",
                declared=True,
                accompanying=False,
                custody=Custody.SOLE_OTHER_PARENT,
                why_not_accompanying="lives with father",
            ),
            FamilyMember("b", declared=True, is_citizen_or_pr=True),
            FamilyMember("c", declared=True, accompanying=False),
        )
    )
    well_formed(result.reasons)
    assert result.all_declared and result.must_be_examined == ("a", "c")
    assert codes(result) == [
        "NON_ACCOMPANYING_MUST_BE_EXAMINED",
        "WHY_NOT_ACCOMPANYING_MISSING",
        "NON_ACCOMPANYING_MUST_BE_EXAMINED",
        "ALL_FAMILY_MEMBERS_DECLARED",
    ]


@given(pages=st.integers(min_value=0, max_value=100))
def test_property_communication_evidence_ok_iff_at_most_ten_pages(pages):
    assert communication_evidence(pages=pages, on=ON).ok == (pages <= 10)


@given(
    dates=st.lists(
        st.tuples(st.dates(min_value=date(2025, 1, 1)), st.dates(min_value=date(2025, 1, 1))),
        min_size=1,
        max_size=5,
    )
)
def test_property_pr_visa_expiry_is_the_earliest_date(dates):
    people = tuple(VisaDocuments(str(i), medical, passport) for i, (medical, passport) in enumerate(dates))
    result = pr_visa_latest_expiry(people=people)
    assert result.latest_expiry == min(min(pair) for pair in dates)
