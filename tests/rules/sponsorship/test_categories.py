from hypothesis import given
from hypothesis import strategies as st

from portique.rules.reasons import Severity, has_blocking
from portique.rules.sponsorship.categories import (
    Category,
    Inadmissibility,
    PartnerLocation,
    assess_public_policy,
    choose_category,
)
from portique.rules.sponsorship.vocabulary import SponsoredRelationship as R

from ._helpers import codes, well_formed

FAMILY = Category.FAMILY_CLASS
IN_CANADA = Category.SPOUSE_OR_COMMON_LAW_IN_CANADA


def choose(relationship=R.SPOUSE, location=PartnerLocation.IN_CANADA_WITH_SPONSOR, **kwargs):
    result = choose_category(relationship=relationship, location=location, **kwargs)
    well_formed(result.reasons)
    return result


def test_AS_100_dependent_child_or_conjugal_partner_is_family_class_only_processed_abroad():
    for relationship in (R.DEPENDENT_CHILD, R.CONJUGAL_PARTNER):
        result = choose(relationship, PartnerLocation.OUTSIDE_CANADA)
        assert result.allowed == (FAMILY,)
        assert result.advised is FAMILY
        assert result.processed_outside_canada
        assert codes(result) == ["FAMILY_CLASS_ONLY"]
        refused = choose(relationship, PartnerLocation.OUTSIDE_CANADA, chosen=IN_CANADA)
        assert "CATEGORY_NOT_AVAILABLE" in codes(refused) and has_blocking(refused.reasons)


def test_AS_100_spouse_living_with_sponsor_with_status_may_use_either_category_stated_on_checklist():
    result = choose(has_valid_temporary_status=True)
    assert result.allowed == (FAMILY, IN_CANADA)
    assert result.advised is None
    assert codes(result) == ["EITHER_CATEGORY_OPEN", "CATEGORY_MUST_BE_STATED"]
    assert has_blocking(result.reasons)
    chosen = choose(has_valid_temporary_status=True, chosen=IN_CANADA)
    assert not has_blocking(chosen.reasons)
    assert "IN_CANADA_OPEN_WORK_PERMIT_AND_LEAVING" in codes(chosen)


def test_family_class_advised_when_abroad_leaving_or_appealing():
    abroad = choose(location=PartnerLocation.OUTSIDE_CANADA, chosen=FAMILY)
    assert abroad.allowed == (FAMILY,) and abroad.advised is FAMILY
    assert "FAMILY_CLASS_ADVISED" in codes(abroad)
    leaving = choose(has_valid_temporary_status=True, stays_in_canada_during_processing=False)
    assert leaving.advised is FAMILY and leaving.allowed == (FAMILY, IN_CANADA)
    appeal = choose(
        has_valid_temporary_status=True, sponsor_intends_to_appeal_if_refused=True, chosen=IN_CANADA
    )
    assert appeal.advised is FAMILY
    found = {r.code: r for r in appeal.reasons}
    assert found["IN_CANADA_CLASS_AGAINST_ADVICE"].severity is Severity.WARNING
    assert "appeal" in found["FAMILY_CLASS_ADVISED"].en


def test_in_canada_class_needs_cohabitation_and_status_or_policy():
    no_status = choose(chosen=IN_CANADA)
    assert no_status.allowed == (FAMILY,)
    assert {"IN_CANADA_CLASS_NEEDS_STATUS", "CATEGORY_NOT_AVAILABLE"} <= set(codes(no_status))
    policy = choose(exempt_under_public_policy=True, chosen=IN_CANADA)
    assert policy.allowed == (FAMILY, IN_CANADA) and not has_blocking(policy.reasons)
    apart = choose(location=PartnerLocation.IN_CANADA_NOT_WITH_SPONSOR, has_valid_temporary_status=True)
    assert apart.allowed == (FAMILY,)
    assert "IN_CANADA_CLASS_NEEDS_COHABITATION" in codes(apart)


def test_AS_99_overstay_is_covered_by_the_2005_public_policy_criminality_is_not():
    overstay = assess_public_policy(
        has_valid_temporary_status=False, inadmissibilities=frozenset({Inadmissibility.OVERSTAYED})
    )
    well_formed(overstay.reasons)
    assert overstay.needed and overstay.covered
    assert codes(overstay) == ["PUBLIC_POLICY_COVERED", "IMM0008_LOST_STATUS_ENTRY"]
    assert "Sans statut, rétablissement du statut requis" in overstay.reasons[1].en
    criminal = assess_public_policy(
        has_valid_temporary_status=False,
        inadmissibilities=frozenset({Inadmissibility.OVERSTAYED, Inadmissibility.CRIMINALITY}),
    )
    well_formed(criminal.reasons)
    assert criminal.needed and not criminal.covered
    assert codes(criminal) == ["PUBLIC_POLICY_NOT_COVERED"]
    assert "criminality" in criminal.reasons[0].en and "criminalité" in criminal.reasons[0].fr
    assert has_blocking(criminal.reasons)


def test_public_policy_passport_condition_and_status_holders():
    no_passport = frozenset({Inadmissibility.ENTERED_WITHOUT_PASSPORT_OR_TRAVEL_DOCUMENT})
    pending = assess_public_policy(has_valid_temporary_status=False, inadmissibilities=no_passport)
    assert pending.covered and "PUBLIC_POLICY_PASSPORT_CONDITION" in codes(pending)
    never = assess_public_policy(
        has_valid_temporary_status=False,
        inadmissibilities=no_passport,
        will_hold_valid_passport_when_pr_granted=False,
    )
    assert not never.covered and "PUBLIC_POLICY_NEEDS_PASSPORT_AT_PR" in codes(never)
    with_status = assess_public_policy(has_valid_temporary_status=True)
    assert not with_status.needed and codes(with_status) == ["PUBLIC_POLICY_NOT_NEEDED"]
    unstated = assess_public_policy(has_valid_temporary_status=False)
    assert not unstated.covered and "PUBLIC_POLICY_GROUND_NOT_STATED" in codes(unstated)


@given(grounds=st.frozensets(st.sampled_from(Inadmissibility), min_size=1))
def test_property_policy_covers_exactly_the_four_listed_grounds(grounds):
    result = assess_public_policy(
        has_valid_temporary_status=False,
        inadmissibilities=grounds,
        will_hold_valid_passport_when_pr_granted=True,
    )
    listed = {
        Inadmissibility.OVERSTAYED,
        Inadmissibility.WORKED_OR_STUDIED_WITHOUT_AUTHORIZATION,
        Inadmissibility.ENTERED_WITHOUT_VISA_OR_DOCUMENT,
        Inadmissibility.ENTERED_WITHOUT_PASSPORT_OR_TRAVEL_DOCUMENT,
    }
    assert result.covered == (grounds <= listed)


@given(
    relationship=st.sampled_from([R.SPOUSE, R.COMMON_LAW_PARTNER, R.CONJUGAL_PARTNER, R.DEPENDENT_CHILD]),
    location=st.sampled_from(PartnerLocation),
    status=st.booleans(),
    policy=st.booleans(),
)
def test_property_family_class_is_always_open_and_in_canada_only_when_cohabiting_with_status(
    relationship, location, status, policy
):
    result = choose(
        relationship, location, has_valid_temporary_status=status, exempt_under_public_policy=policy
    )
    assert FAMILY in result.allowed
    in_canada_ok = (
        relationship in (R.SPOUSE, R.COMMON_LAW_PARTNER)
        and location is PartnerLocation.IN_CANADA_WITH_SPONSOR
        and (status or policy)
    )
    assert (IN_CANADA in result.allowed) == in_canada_ok
