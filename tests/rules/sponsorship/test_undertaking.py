from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portique.rules.dates import add_years
from portique.rules.sponsorship.undertaking import (
    CircumstanceChange,
    undertaking_end,
    undertaking_status,
    undertaking_withdrawal,
)
from portique.rules.sponsorship.vocabulary import SponsoredRelationship as R

from ._helpers import codes, well_formed

PR_DAY = date(2025, 3, 15)


def end(sponsored, birth=None, pr=PR_DAY, quebec=False):
    result = undertaking_end(
        sponsored=sponsored, became_pr_on=pr, birth_date=birth, sponsor_resides_in_quebec=quebec
    )
    well_formed(result.reasons)
    return result


def test_AS_88_spouse_undertaking_ends_three_years_after_pr():
    result = end(R.SPOUSE)
    assert result.ends_on == date(2028, 3, 15)
    assert codes(result) == ["UNDERTAKING_PARTNER"]
    assert "2028-03-15" in result.reasons[0].en and "2028-03-15" in result.reasons[0].fr
    assert end(R.CONJUGAL_PARTNER).ends_on == end(R.COMMON_LAW_PARTNER).ends_on == date(2028, 3, 15)


def test_AS_89_child_aged_11_ten_years_come_before_age_25():
    result = end(R.DEPENDENT_CHILD, birth=date(2013, 5, 1))
    assert result.ends_on == date(2035, 3, 15)
    assert codes(result) == ["UNDERTAKING_YOUNG_CHILD"]
    assert "2038-05-01" in result.reasons[0].en  # the 25th birthday, which comes later


def test_AS_90_child_aged_21_ends_on_25th_birthday():
    result = end(R.DEPENDENT_CHILD, birth=date(2004, 1, 10))
    assert result.ends_on == date(2029, 1, 10)
    assert codes(result) == ["UNDERTAKING_YOUNG_CHILD"]


def test_AS_91_child_aged_23_three_years():
    result = end(R.DEPENDENT_CHILD, birth=date(2001, 6, 1))
    assert result.ends_on == date(2028, 3, 15)
    assert codes(result) == ["UNDERTAKING_OLDER_CHILD"]


def test_child_turning_22_on_the_pr_day_gets_the_three_year_undertaking():
    assert codes(end(R.DEPENDENT_CHILD, birth=date(2003, 3, 15))) == ["UNDERTAKING_OLDER_CHILD"]
    assert codes(end(R.DEPENDENT_CHILD, birth=date(2003, 3, 16))) == ["UNDERTAKING_YOUNG_CHILD"]


def test_G20_quebec_undertaking_is_not_calculated_and_flagged():
    result = end(R.SPOUSE, quebec=True)
    assert result.ends_on is None and result.needs_officer_review
    assert codes(result) == ["UNDERTAKING_QUEBEC_DURATION"]


def test_child_needs_a_birth_date_and_other_relatives_have_no_undertaking_here():
    with pytest.raises(ValueError):
        end(R.DEPENDENT_CHILD)
    with pytest.raises(ValueError):
        end(R.OTHER_RELATIVE)


def test_AS_92_divorce_or_citizenship_do_not_end_the_undertaking_assistance_is_a_default():
    result = undertaking_status(
        ends_on=date(2028, 3, 15),
        on=date(2026, 1, 1),
        changes=frozenset(
            {
                CircumstanceChange.DIVORCE_SEPARATION_OR_END_OF_RELATIONSHIP,
                CircumstanceChange.SPONSORED_BECAME_CITIZEN,
            }
        ),
    )
    well_formed(result.reasons)
    assert result.in_force and not result.in_default and result.may_sponsor_again
    assert codes(result) == ["UNDERTAKING_IN_FORCE", "UNDERTAKING_NOT_CANCELLED", "UNDERTAKING_NOT_CANCELLED"]
    default = undertaking_status(
        ends_on=date(2028, 3, 15), on=date(2026, 1, 1), assistance_received_during_undertaking=True
    )
    assert default.in_default and not default.may_sponsor_again
    assert "SPONSORSHIP_DEFAULT" in codes(default)
    repaid = undertaking_status(
        ends_on=date(2028, 3, 15),
        on=date(2026, 1, 1),
        assistance_received_during_undertaking=True,
        assistance_repaid=True,
    )
    assert not repaid.in_default and repaid.may_sponsor_again


def test_undertaking_in_force_until_the_day_before_its_end():
    assert undertaking_status(ends_on=date(2028, 3, 15), on=date(2028, 3, 14)).in_force
    ended = undertaking_status(ends_on=date(2028, 3, 15), on=date(2028, 3, 15))
    assert not ended.in_force and codes(ended) == ["UNDERTAKING_ENDED"]


def test_withdrawal_only_in_writing_before_final_decision():
    before = undertaking_withdrawal(final_decision_made=False)
    well_formed(before.reasons)
    assert before.may_request and codes(before) == ["WITHDRAWAL_IN_WRITING"]
    after = undertaking_withdrawal(final_decision_made=True)
    assert not after.may_request and codes(after) == ["WITHDRAWAL_TOO_LATE"]


@given(
    birth=st.dates(min_value=date(1990, 1, 1), max_value=date(2025, 3, 15)),
    pr=st.dates(min_value=date(2025, 3, 15), max_value=date(2035, 12, 31)),
)
def test_property_child_undertaking_is_bounded_by_ten_years_and_the_25th_birthday(birth, pr):
    result = end(R.DEPENDENT_CHILD, birth=birth, pr=pr)
    assert result.ends_on is not None and result.ends_on > pr
    if result.reasons[0].code == "UNDERTAKING_YOUNG_CHILD":
        assert result.ends_on == min(add_years(pr, 10), add_years(birth, 25))
    else:
        assert result.ends_on == add_years(pr, 3)
