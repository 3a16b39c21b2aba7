from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.dates import add_months
from portique.rules.reasons import Severity
from portique.rules.sponsorship.relationships import (
    Cohabitation,
    ConjugalRelationship,
    Marriage,
    MarriageForm,
    MarriagePlace,
    assess_relationship,
)
from portique.rules.sponsorship.vocabulary import SponsoredRelationship as R

from ._helpers import codes, well_formed

ON = date(2025, 6, 1)
ADULT = date(1995, 1, 1)


def assess(relationship, **kwargs):
    kwargs.setdefault("partner_birth_date", ADULT)
    result = assess_relationship(relationship=relationship, application_date=ON, **kwargs)
    well_formed(result.reasons)
    return result


def test_AS_96_proxy_telephone_or_internet_marriage_abroad_is_not_recognized():
    for form in (MarriageForm.PROXY, MarriageForm.TELEPHONE, MarriageForm.INTERNET, MarriageForm.FAX):
        result = assess(R.SPOUSE, marriage=Marriage(MarriagePlace.OUTSIDE_CANADA, form))
        assert result.recognized is False, form
        assert codes(result) == ["MARRIAGE_NOT_PHYSICALLY_PRESENT"]
        assert "Operational Bulletin 613" in result.reasons[0].citation


def test_marriage_recognized_in_canada_and_abroad_when_valid_in_both_laws():
    assert assess(R.SPOUSE, marriage=Marriage(MarriagePlace.IN_CANADA)).recognized
    abroad = assess(R.SPOUSE, marriage=Marriage(MarriagePlace.OUTSIDE_CANADA))
    assert abroad.recognized and codes(abroad) == ["MARRIAGE_RECOGNIZED"]
    not_canadian = assess(
        R.SPOUSE, marriage=Marriage(MarriagePlace.OUTSIDE_CANADA, recognized_in_canada=False)
    )
    assert not not_canadian.recognized and codes(not_canadian) == ["MARRIAGE_NOT_RECOGNIZED"]
    illegal = assess(R.SPOUSE, marriage=Marriage(MarriagePlace.IN_CANADA, valid_where_celebrated=False))
    assert codes(illegal) == ["MARRIAGE_NOT_LEGALLY_PERFORMED"]
    assert codes(assess(R.SPOUSE)) == ["MARRIAGE_DETAILS_MISSING"]


def test_AS_97_eleven_months_together_is_not_common_law_twelve_is():
    eleven = assess(R.COMMON_LAW_PARTNER, cohabitation=(Cohabitation(add_months(ON, -11)),))
    assert eleven.recognized is False
    assert codes(eleven) == ["COMMON_LAW_TOO_SHORT"]
    twelve = assess(R.COMMON_LAW_PARTNER, cohabitation=(Cohabitation(add_months(ON, -12)),))
    assert twelve.recognized is True
    assert codes(twelve) == ["COMMON_LAW_RECOGNIZED"]


def test_common_law_boundary_day_and_a_past_period_count():
    start = date(2024, 1, 15)
    assert not assess(R.COMMON_LAW_PARTNER, cohabitation=(Cohabitation(start, date(2025, 1, 14)),)).recognized
    assert assess(R.COMMON_LAW_PARTNER, cohabitation=(Cohabitation(start, date(2025, 1, 15)),)).recognized
    # Two short periods do not add up: the months must be consecutive.
    split = (
        Cohabitation(date(2022, 1, 1), date(2022, 8, 1)),
        Cohabitation(date(2023, 1, 1), date(2023, 8, 1)),
    )
    assert not assess(R.COMMON_LAW_PARTNER, cohabitation=split).recognized


def test_AS_98_conjugal_partner_living_in_canada_cannot_be_sponsored_as_conjugal_partner():
    result = assess(
        R.CONJUGAL_PARTNER,
        conjugal=ConjugalRelationship(date(2020, 1, 1), True, True, True),
    )
    assert result.recognized is False
    assert codes(result) == ["CONJUGAL_PARTNER_LIVES_IN_CANADA"]
    assert result.reasons[0].severity is Severity.BLOCKING


def test_conjugal_partner_abroad_for_a_year_with_barriers_is_recognized():
    ok = assess(R.CONJUGAL_PARTNER, conjugal=ConjugalRelationship(add_months(ON, -12), False, True, True))
    assert ok.recognized and codes(ok) == ["CONJUGAL_RECOGNIZED"]
    short = assess(
        R.CONJUGAL_PARTNER, conjugal=ConjugalRelationship(add_months(ON, -11), False, False, False)
    )
    assert codes(short) == [
        "CONJUGAL_RELATIONSHIP_TOO_SHORT",
        "CONJUGAL_NO_BARRIER_TO_COHABITING",
        "CONJUGAL_NO_INTERDEPENDENCE",
    ]
    assert codes(assess(R.CONJUGAL_PARTNER)) == ["CONJUGAL_DETAILS_MISSING"]


def test_partner_must_be_18_on_the_application_date():
    seventeen = assess(
        R.SPOUSE, partner_birth_date=date(2007, 6, 2), marriage=Marriage(MarriagePlace.IN_CANADA)
    )
    assert not seventeen.recognized and "PARTNER_UNDER_MIN_AGE" in codes(seventeen)
    eighteen = assess(
        R.SPOUSE, partner_birth_date=date(2007, 6, 1), marriage=Marriage(MarriagePlace.IN_CANADA)
    )
    assert eighteen.recognized
    missing = assess(R.SPOUSE, partner_birth_date=None, marriage=Marriage(MarriagePlace.IN_CANADA))
    assert "PARTNER_BIRTH_DATE_MISSING" in codes(missing)


def test_adopted_children_and_other_relatives_use_another_kit():
    for relationship in (R.ADOPTED_CHILD, R.ORPHANED_RELATIVE, R.OTHER_RELATIVE):
        result = assess(relationship)
        assert not result.kit_applies and result.recognized is False
        assert codes(result) == ["USE_OTHER_SPONSORSHIP_KIT"]


def test_dependent_child_is_assessed_by_the_dependants_module():
    result = assess(R.DEPENDENT_CHILD)
    assert result.kit_applies and result.recognized is None
    assert codes(result) == ["DEPENDENT_CHILD_DEFINITION_APPLIES"]


@given(days=st.integers(min_value=0, max_value=800))
def test_property_common_law_iff_twelve_months_reached(days):
    start = ON - timedelta(days=days)
    result = assess(R.COMMON_LAW_PARTNER, cohabitation=(Cohabitation(start),))
    assert result.recognized == (ON >= add_months(start, 12))
