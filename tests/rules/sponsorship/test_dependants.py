from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.dates import add_years, age_on
from portique.rules.reasons import Severity
from portique.rules.sponsorship.dependants import (
    CitizenshipFinding,
    DependantType,
    LongFormBirthCertificate,
    child_citizenship,
    dependent_child_type,
)

from ._helpers import codes, well_formed

LOCK_IN = date(2025, 3, 1)


def classify(birth, lock_in=LOCK_IN, partner=False, **kwargs):
    result = dependent_child_type(
        birth_date=birth, lock_in_date=lock_in, has_spouse_or_common_law_partner=partner, **kwargs
    )
    well_formed(result.reasons)
    return result


def test_AS_101_age_21_single_is_type_a():
    result = classify(date(2003, 6, 1))
    assert result.dependent and result.dependant_type is DependantType.A
    assert result.age_at_lock_in == 21
    assert codes(result) == ["DEPENDANT_TYPE_A", "DEPENDANT_MUST_KEEP_MEETING_REQUIREMENTS"]


def test_AS_101_age_21_married_is_not_dependent():
    result = classify(date(2003, 6, 1), partner=True)
    assert not result.dependent and result.dependant_type is None
    assert codes(result) == ["NOT_DEPENDENT_HAS_PARTNER"]
    assert result.reasons[0].severity is Severity.BLOCKING


def test_AS_101_age_24_dependent_since_before_22_with_physical_condition_is_type_c():
    result = classify(
        date(2000, 6, 1),
        financially_dependent_since_before_age_limit=True,
        unable_to_self_support_due_to_condition=True,
    )
    assert result.dependent and result.dependant_type is DependantType.C
    assert result.age_at_lock_in == 24


def test_AS_101_locked_in_2014_07_15_age_23_full_time_student_is_type_b_and_flagged_g19():
    result = classify(
        date(1991, 1, 1),
        lock_in=date(2014, 7, 15),
        full_time_accredited_post_secondary_student=True,
        financially_dependent_since_before_age_limit=True,
    )
    assert result.dependent and result.dependant_type is DependantType.B
    assert result.age_at_lock_in == 23
    assert result.previous_definition_may_apply and result.needs_officer_review
    assert codes(result)[:2] == ["PREVIOUS_DEPENDANT_DEFINITION_MAY_APPLY", "DEPENDANT_TYPE_B"]


def test_type_b_needs_a_lock_in_before_2014_08_01():
    kwargs = dict(
        full_time_accredited_post_secondary_student=True, financially_dependent_since_before_age_limit=True
    )
    assert classify(date(1991, 1, 1), lock_in=date(2014, 7, 31), **kwargs).dependant_type is DependantType.B
    after = classify(date(1991, 1, 1), lock_in=date(2014, 8, 1), **kwargs)
    assert not after.dependent and "NOT_DEPENDENT_AGE" in codes(after)


def test_twenty_second_birthday_on_lock_in_day_ends_type_a():
    assert classify(date(2003, 3, 2)).dependant_type is DependantType.A  # 21 until tomorrow
    turned_22 = classify(date(2003, 3, 1))
    assert not turned_22.dependent and turned_22.age_at_lock_in == 22


def test_G12_G19_lock_in_on_2017_10_23_is_flagged_2017_10_24_is_not():
    assert classify(date(2000, 1, 1), lock_in=date(2017, 10, 23)).previous_definition_may_apply
    assert not classify(date(2000, 1, 1), lock_in=date(2017, 10, 24)).previous_definition_may_apply


def test_G18_child_who_marries_before_pr_is_no_longer_dependent():
    result = classify(date(2005, 1, 1), no_longer_meets_requirements_before_pr=True)
    assert not result.dependent and result.dependant_type is None
    assert "DEPENDANT_CEASED_BEFORE_PR" in codes(result)


def test_married_child_under_22_dependent_because_of_a_condition_goes_to_an_officer():
    result = classify(
        date(2005, 1, 1),
        partner=True,
        financially_dependent_since_before_age_limit=True,
        unable_to_self_support_due_to_condition=True,
    )
    assert result.dependent and result.dependant_type is None and result.needs_officer_review
    assert "DEPENDANT_TYPE_UNCLEAR" in codes(result)


def test_AS_103_child_born_in_canada_to_accredited_diplomat_is_not_citizen_and_is_added():
    result = child_citizenship(born_in_canada=True, accredited_foreign_diplomat_parent=True)
    well_formed(result.reasons)
    assert result.finding is CitizenshipFinding.NOT_CITIZEN
    assert result.add_to_sponsorship is True
    assert codes(result) == ["BORN_IN_CANADA_EXCEPTION"]
    assert "long-form" in result.reasons[0].en and "version longue" in result.reasons[0].fr


def test_child_born_in_canada_is_probably_a_citizen_and_not_sponsored():
    exception_lifted = child_citizenship(
        born_in_canada=True,
        accredited_foreign_diplomat_parent=True,
        other_parent_citizen_or_pr_at_birth=True,
        long_form_birth_certificate=LongFormBirthCertificate.HELD,
    )
    assert (
        exception_lifted.finding is CitizenshipFinding.CITIZEN
        and exception_lifted.add_to_sponsorship is False
    )
    assert codes(exception_lifted) == ["BORN_IN_CANADA_CITIZEN", "ATTACH_LONG_FORM_BIRTH_CERTIFICATE"]
    requested = child_citizenship(
        born_in_canada=True, long_form_birth_certificate=LongFormBirthCertificate.REQUESTED
    )
    assert "LONG_FORM_REQUESTED_LETTER" in codes(requested)
    assert "LONG_FORM_TO_REQUEST" in codes(child_citizenship(born_in_canada=True))


def test_child_of_citizen_sponsor_born_abroad():
    proof = child_citizenship(
        born_in_canada=False, sponsor_is_citizen_parent=True, has_proof_of_citizenship=True
    )
    assert proof.finding is CitizenshipFinding.CITIZEN and codes(proof) == ["CHILD_CITIZEN_INCLUDE_PROOF"]
    pending = child_citizenship(
        born_in_canada=False, sponsor_is_citizen_parent=True, proof_of_citizenship_pending=True
    )
    assert pending.finding is CitizenshipFinding.TO_BE_CONFIRMED and pending.add_to_sponsorship is None
    assert codes(pending) == ["CHILD_CITIZENSHIP_PENDING_LETTER"]
    unknown = child_citizenship(born_in_canada=False, sponsor_is_citizen_parent=True)
    assert codes(unknown) == ["CHILD_APPLY_FOR_PROOF_OF_CITIZENSHIP"]
    refused = child_citizenship(
        born_in_canada=False, sponsor_is_citizen_parent=True, confirmed_not_citizen=True
    )
    assert refused.add_to_sponsorship is True and codes(refused) == ["CHILD_NOT_CITIZEN_ADD_AS_DEPENDANT"]
    other = child_citizenship(born_in_canada=False)
    assert other.finding is CitizenshipFinding.NOT_CITIZEN and other.add_to_sponsorship is True


@given(
    birth=st.dates(min_value=date(1980, 1, 1), max_value=date(2025, 1, 1)),
    lock_in=st.dates(min_value=date(2017, 10, 24), max_value=date(2030, 1, 1)),
    partner=st.booleans(),
)
def test_property_type_a_iff_under_22_and_single(birth, lock_in, partner):
    if birth > lock_in:
        return
    result = classify(birth, lock_in=lock_in, partner=partner)
    expected = age_on(birth, lock_in) < 22 and not partner
    assert (result.dependant_type is DependantType.A) == expected
    assert result.dependent == expected  # no dependency or condition declared
    assert (lock_in < add_years(birth, 22)) == (result.age_at_lock_in < 22)
