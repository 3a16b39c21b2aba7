from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.dates import add_months, days_inclusive
from portique.rules.sponsorship.police import Stay, medical_exam_deadline, police_certificate_required

from ._helpers import codes, well_formed

BIRTH = date(2000, 3, 1)  # 25 on the application date
ON = date(2025, 6, 1)


def police(stays, birth=BIRTH, citizen_or_pr=False):
    result = police_certificate_required(
        birth_date=birth, is_citizen_or_pr=citizen_or_pr, stays=stays, on=ON, person="pa"
    )
    well_formed(result.reasons)
    return result


def test_AS_112_seven_consecutive_months_at_20_requires_a_certificate():
    result = police((Stay("fr", date(2020, 4, 1), date(2020, 11, 1)),))
    assert result.required_from == ("FR",)
    assert codes(result) == ["POLICE_CERTIFICATE_REQUIRED", "POLICE_CERTIFICATE_TRANSLATION"]
    assert all(r.subject == "pa" for r in result.reasons)


def test_AS_112_five_months_does_not():
    result = police((Stay("FR", date(2020, 4, 1), date(2020, 9, 1)),))
    assert result.required_from == ()
    assert codes(result) == ["POLICE_NOT_REQUIRED_SHORT_STAY"]


def test_AS_112_eight_months_at_16_17_only_does_not():
    result = police((Stay("MX", date(2016, 6, 1), date(2017, 2, 1)),))
    assert result.required_from == ()
    assert codes(result) == ["POLICE_NOT_REQUIRED_STAY_UNDER_AGE"]


def test_AS_112_time_in_canada_never_requires_one():
    result = police((Stay("CA", date(2018, 3, 1), date(2025, 6, 1)),))
    assert result.required_from == ()
    assert codes(result) == ["POLICE_NOT_REQUIRED_CANADA"]


def test_exactly_six_months_counts_and_only_time_since_18_counts():
    assert police((Stay("US", date(2021, 1, 10), date(2021, 7, 10)),)).required_from == ("US",)
    assert police((Stay("US", date(2021, 1, 10), date(2021, 7, 9)),)).required_from == ()
    # Arrived at 17 years 8 months, left 5 months after the 18th birthday: not enough since 18.
    straddle = police((Stay("US", date(2017, 7, 1), date(2018, 8, 1)),))
    assert straddle.required_from == () and codes(straddle) == ["POLICE_NOT_REQUIRED_SHORT_STAY"]
    assert police((Stay("US", date(2017, 7, 1), date(2018, 9, 1)),)).required_from == ("US",)


def test_citizens_prs_and_minors_need_none():
    stay = (Stay("FR", date(2020, 1, 1), date(2021, 1, 1)),)
    assert codes(police(stay, citizen_or_pr=True)) == ["POLICE_NOT_REQUIRED_CITIZEN_OR_PR"]
    minor = police((Stay("FR", date(2024, 1, 1), date(2025, 1, 1)),), birth=date(2008, 1, 1))
    assert minor.required_from == () and codes(minor) == ["POLICE_NOT_REQUIRED_UNDER_AGE"]


def test_a_country_is_listed_once():
    stays = (Stay("FR", date(2019, 1, 1), date(2020, 1, 1)), Stay("fr", date(2021, 1, 1), date(2022, 1, 1)))
    assert police(stays).required_from == ("FR",)


def test_AS_113_instructions_received_2025_03_01_exam_by_2025_03_31_with_imm1017():
    result = medical_exam_deadline(instructions_received=date(2025, 3, 1))
    well_formed(result.reasons)
    assert result.deadline == date(2025, 3, 31)
    assert codes(result) == ["MEDICAL_EXAM_DEADLINE"]
    assert "IMM 1017" in result.reasons[0].en and "IMM 1017" in result.reasons[0].fr
    assert "2025-03-31" in result.reasons[0].fr


@given(received=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)))
def test_property_medical_deadline_is_thirty_days_after_receipt(received):
    deadline = medical_exam_deadline(instructions_received=received).deadline
    assert deadline - received == timedelta(days=30)
    assert days_inclusive(received, deadline) == 31


@given(
    start=st.dates(min_value=date(2018, 3, 1), max_value=date(2024, 1, 1)),
    days=st.integers(min_value=0, max_value=500),
    extra=st.integers(min_value=0, max_value=200),
)
def test_property_a_longer_stay_never_needs_fewer_certificates(start, days, extra):
    short = police((Stay("DE", start, start + timedelta(days=days)),))
    longer = police((Stay("DE", start, start + timedelta(days=days + extra)),))
    if short.required_from:
        assert longer.required_from == ("DE",)
    assert bool(short.required_from) == (start + timedelta(days=days) >= add_months(start, 6))
