"""The residency obligation and the citizenship notice (IMM 5445 Appendix A; PRC-40 to PRC-42, PRC-100 to PRC-108)."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.reasons import Severity
from portique.rules.residency import (
    Absence,
    AccompanyingCitizen,
    AccompanyingResident,
    EmployerLetter,
    EmploymentAbroad,
    Relation,
    ResidencyStatus,
    citizenship_hint,
    residency_obligation,
)

FULL_LETTER = EmployerLetter(*(True,) * 7)


def away(start: date, days_abroad: int, claim=None, label=None) -> Absence:
    """An absence with exactly ``days_abroad`` whole days outside Canada (departure and return days are present)."""
    return Absence(start, start + timedelta(days=days_abroad + 1), claim, label)


def citizen_spouse(**evidence) -> AccompanyingCitizen:
    flags = dict(
        passports_used_in_period=True,
        citizenship_proof_with_date=True,
        residential_addresses_for_period=True,
        relationship_proof=True,
    )
    flags.update(evidence)
    return AccompanyingCitizen(Relation.SPOUSE, citizen_since=date(2000, 1, 1), **flags)


def codes(result):
    return [r.code for r in result.reasons]


# A permanent resident for 7 years: the window is the last 5 years.
PR_7_YEARS = date(2018, 6, 1)
APPLIED = date(2025, 6, 1)
WINDOW_START = date(2020, 6, 1)  # 2020-06-01 to 2025-05-31: 1,826 days (one 29 February)


def test_window_of_a_long_time_resident_is_the_five_years_before_the_application():
    result = residency_obligation(became_pr_on=PR_7_YEARS, application_date=APPLIED)
    assert (result.window_start, result.window_end) == (WINDOW_START, date(2025, 5, 31))
    assert result.window_days == 1826
    assert result.days_present == 1826
    assert result.days_left_in_first_period == 0
    assert result.status is ResidencyStatus.MET


def test_AS_42_resident_7_years_with_800_days_present_meets_the_obligation():
    result = residency_obligation(
        became_pr_on=PR_7_YEARS, application_date=APPLIED, absences=(away(WINDOW_START, 1026),)
    )
    assert result.days_present == 800
    assert result.days_absent == 1026
    assert result.days_credited == 800
    assert result.days_required == 730
    assert result.status is ResidencyStatus.MET
    assert "RESIDENCY_OBLIGATION_MET" in codes(result)


def test_AS_43_600_days_present_plus_200_with_citizen_spouse_meets_the_obligation():
    spouse_trip = away(date(2023, 6, 1), 200, citizen_spouse())
    result = residency_obligation(
        became_pr_on=PR_7_YEARS, application_date=APPLIED, absences=(away(WINDOW_START, 1026), spouse_trip)
    )
    assert result.days_present == 600
    assert result.qualifying_abroad_days == 200
    assert result.days_credited == 800
    assert result.status is ResidencyStatus.MET
    assert "OPTION_B_DAYS_COUNTED" in codes(result)


def test_AS_44_resident_since_2021_with_200_days_cannot_reach_730():
    became, applied = date(2021, 7, 1), date(2025, 7, 1)
    result = residency_obligation(
        became_pr_on=became, application_date=applied, absences=(away(became, 1261),)
    )
    assert result.window_days == 1461
    assert result.days_present == 200
    assert result.days_left_in_first_period == 365
    assert result.fifth_anniversary == date(2026, 7, 1)
    assert result.status is ResidencyStatus.CANNOT_BE_DEMONSTRATED
    finding = next(r for r in result.reasons if r.code == "RESIDENCY_OBLIGATION_CANNOT_BE_DEMONSTRATED")
    assert finding.severity is Severity.BLOCKING
    assert "565" in finding.en and "5.7" in finding.fr
    humanitarian = residency_obligation(
        became_pr_on=became,
        application_date=applied,
        absences=(away(became, 1261),),
        humanitarian_grounds_requested=True,
    )
    assert humanitarian.status is ResidencyStatus.CANNOT_BE_DEMONSTRATED
    review = next(r for r in humanitarian.reasons if r.code == "RESIDENCY_OBLIGATION_HUMANITARIAN_REVIEW")
    assert review.severity is Severity.WARNING


def test_AS_45_resident_2_years_with_100_days_meets_prospectively():
    became, applied = date(2023, 6, 1), date(2025, 6, 1)
    result = residency_obligation(
        became_pr_on=became, application_date=applied, absences=(away(became, 631),)
    )
    assert result.window_days == 731
    assert result.days_present == 100
    assert result.days_left_in_first_period == 1096
    assert result.status is ResidencyStatus.MET_PROSPECTIVELY
    assert "RESIDENCY_OBLIGATION_MET_PROSPECTIVELY" in codes(result)


def test_prospective_boundary_exactly_730_reachable():
    became, applied = date(2021, 7, 1), date(2025, 7, 1)
    # 365 days left; 365 present so far reaches exactly 730.
    exact = residency_obligation(
        became_pr_on=became, application_date=applied, absences=(away(became, 1096),)
    )
    assert exact.days_present == 365 and exact.status is ResidencyStatus.MET_PROSPECTIVELY
    short = residency_obligation(
        became_pr_on=became, application_date=applied, absences=(away(became, 1097),)
    )
    assert short.days_present == 364 and short.status is ResidencyStatus.CANNOT_BE_DEMONSTRATED


def test_exactly_730_days_present_meets_and_729_does_not():
    met = residency_obligation(
        became_pr_on=PR_7_YEARS, application_date=APPLIED, absences=(away(WINDOW_START, 1096),)
    )
    assert met.days_present == 730 and met.status is ResidencyStatus.MET
    short = residency_obligation(
        became_pr_on=PR_7_YEARS, application_date=APPLIED, absences=(away(WINDOW_START, 1097),)
    )
    assert short.days_present == 729 and short.status is ResidencyStatus.CANNOT_BE_DEMONSTRATED


def test_fifth_anniversary_on_the_application_date_uses_the_last_five_years():
    became = date(2020, 6, 1)
    result = residency_obligation(became_pr_on=became, application_date=date(2025, 6, 1))
    assert result.window_start == became and result.window_days == 1826
    assert result.days_left_in_first_period == 0


def test_AS_46_days_with_a_citizen_parent_count_only_while_a_child():
    parent = AccompanyingCitizen(
        Relation.PARENT,
        citizen_since=date(1990, 1, 1),
        passports_used_in_period=True,
        citizenship_proof_with_date=True,
        residential_addresses_for_period=True,
        relationship_proof=True,
    )
    # Aged 20 in 2016 (born 1996), applying at 25: the old definition (under 19) applies.
    in_2016 = residency_obligation(
        became_pr_on=date(2010, 1, 1),
        application_date=date(2021, 6, 1),
        date_of_birth=date(1996, 1, 1),
        absences=(away(date(2016, 7, 1), 100, parent),),
    )
    assert in_2016.days_absent == 100
    assert in_2016.qualifying_abroad_days == 0
    assert "NOT_A_CHILD_WHILE_ACCOMPANYING_PARENT" in codes(in_2016)
    # Aged 20 in 2018 (born 1998), applying at 25: under 22 counts.
    in_2018 = residency_obligation(
        became_pr_on=date(2010, 1, 1),
        application_date=date(2023, 6, 1),
        date_of_birth=date(1998, 1, 1),
        absences=(away(date(2018, 7, 1), 100, parent),),
    )
    assert in_2018.days_absent == 100
    assert in_2018.qualifying_abroad_days == 100
    assert "OPTION_B_DAYS_COUNTED" in codes(in_2018)


def test_G_12_the_child_definition_changes_on_2017_10_24_itself():
    parent = AccompanyingCitizen(Relation.PARENT, date(1990, 1, 1), True, True, True, True)
    # Aged 20 throughout: abroad 2017-10-23, 10-24 and 10-25; only the last two are child days.
    result = residency_obligation(
        became_pr_on=date(2010, 1, 1),
        application_date=date(2020, 1, 1),
        date_of_birth=date(1997, 5, 1),
        absences=(Absence(date(2017, 10, 22), date(2017, 10, 26), parent),),
    )
    assert result.days_absent == 3
    assert result.qualifying_abroad_days == 2
    excluded = next(r for r in result.reasons if r.code == "NOT_A_CHILD_WHILE_ACCOMPANYING_PARENT")
    assert "under 19 before 2017-10-24, under 22 from 2017-10-24" in excluded.en


def test_the_22nd_birthday_is_the_first_day_no_longer_a_child():
    parent = AccompanyingCitizen(Relation.PARENT, date(1990, 1, 1), True, True, True, True)
    result = residency_obligation(
        became_pr_on=date(2015, 1, 1),
        application_date=date(2022, 1, 1),
        date_of_birth=date(1999, 3, 10),
        # Abroad 2021-03-08, 03-09 (aged 21) and 03-10, 03-11 (aged 22).
        absences=(Absence(date(2021, 3, 7), date(2021, 3, 12), parent),),
    )
    assert result.qualifying_abroad_days == 2


def test_parent_claim_without_date_of_birth_is_not_counted():
    parent = AccompanyingCitizen(Relation.PARENT, date(1990, 1, 1), True, True, True, True)
    result = residency_obligation(
        became_pr_on=PR_7_YEARS, application_date=APPLIED, absences=(away(date(2022, 1, 1), 50, parent),)
    )
    assert result.qualifying_abroad_days == 0
    assert "DATE_OF_BIRTH_NEEDED_FOR_CHILD_DEFINITION" in codes(result)


def test_days_before_the_accompanied_person_became_a_citizen_do_not_count():
    claim = AccompanyingCitizen(Relation.SPOUSE, date(2023, 1, 11), True, True, True, True)
    result = residency_obligation(
        became_pr_on=PR_7_YEARS, application_date=APPLIED, absences=(away(date(2023, 1, 1), 20, claim),)
    )
    # Abroad 2023-01-02 to 2023-01-21: the 11 days from 2023-01-11 count, the 9 before do not.
    assert result.qualifying_abroad_days == 11
    assert "9 days" in next(r.en for r in result.reasons if r.code == "ACCOMPANIED_PERSON_NOT_YET_CITIZEN")
    assert "ACCOMPANIED_PERSON_NOT_YET_CITIZEN" in codes(result)


def test_option_b_without_mandatory_evidence_counts_nothing_yet():
    result = residency_obligation(
        became_pr_on=PR_7_YEARS,
        application_date=APPLIED,
        absences=(away(date(2022, 1, 1), 200, citizen_spouse(residential_addresses_for_period=False)),),
    )
    assert result.qualifying_abroad_days == 0
    assert result.unsupported_abroad_days == 200
    finding = next(r for r in result.reasons if r.code == "OPTION_B_EVIDENCE_INCOMPLETE")
    assert "residential_addresses_for_period" in finding.en


def test_AS_47_employer_letter_without_not_created_for_obligation_is_incomplete():
    letter = EmployerLetter(
        signatory_position_and_title=True,
        nature_of_business_and_why_canadian=True,
        assignment_duration=True,
        full_time_abroad_as_condition=True,
        job_description_or_profile=True,
        will_continue_with_employer_in_canada=True,
        business_not_created_to_meet_obligation=False,
    )
    claim = EmploymentAbroad(True, True, True, letter)
    result = residency_obligation(
        became_pr_on=PR_7_YEARS, application_date=APPLIED, absences=(away(date(2021, 1, 1), 300, claim),)
    )
    assert result.qualifying_abroad_days == 0
    assert result.unsupported_abroad_days == 300
    finding = next(r for r in result.reasons if r.code == "OPTION_A_EVIDENCE_INCOMPLETE")
    assert finding.rule == "PRC-104"
    assert "business_not_created_to_meet_obligation" in finding.en
    complete = residency_obligation(
        became_pr_on=PR_7_YEARS,
        application_date=APPLIED,
        absences=(away(date(2021, 1, 1), 300, EmploymentAbroad(True, True, True, FULL_LETTER)),),
    )
    assert complete.qualifying_abroad_days == 300
    assert "OPTION_A_DAYS_COUNTED" in codes(complete)


def test_option_a_conditions_and_missing_letter():
    not_full_time = residency_obligation(
        became_pr_on=PR_7_YEARS,
        application_date=APPLIED,
        absences=(away(date(2021, 1, 1), 300, EmploymentAbroad(True, False, True, FULL_LETTER)),),
    )
    assert not_full_time.qualifying_abroad_days == 0 and not_full_time.unsupported_abroad_days == 0
    assert "OPTION_A_CONDITIONS_NOT_MET" in codes(not_full_time)
    no_letter = residency_obligation(
        became_pr_on=PR_7_YEARS,
        application_date=APPLIED,
        absences=(away(date(2021, 1, 1), 300, EmploymentAbroad(True, True, True)),),
    )
    assert "employer_letter" in next(
        r.en for r in no_letter.reasons if r.code == "OPTION_A_EVIDENCE_INCOMPLETE"
    )


def test_AS_48_option_c_counts_only_if_the_accompanied_resident_meets_their_obligation():
    def trip(meets):
        claim = AccompanyingResident(
            Relation.SPOUSE,
            employed_full_time_by_canadian_business_or_public_service=True,
            meets_own_residency_obligation=meets,
            permanent_resident_proof=True,
            residency_obligation_proof=True,
            passports_used_in_period=True,
            relationship_proof=True,
        )
        return residency_obligation(
            became_pr_on=PR_7_YEARS, application_date=APPLIED, absences=(away(date(2022, 2, 1), 250, claim),)
        )

    meets = trip(True)
    assert meets.qualifying_abroad_days == 250
    assert "OPTION_C_DAYS_COUNTED" in codes(meets)
    fails = trip(False)
    assert fails.qualifying_abroad_days == 0
    assert "ACCOMPANIED_RESIDENT_DOES_NOT_MEET_OBLIGATION" in codes(fails)


def test_option_c_resident_not_employed_by_a_canadian_business():
    claim = AccompanyingResident(Relation.COMMON_LAW_PARTNER, False, True, True, True, True, True)
    result = residency_obligation(
        became_pr_on=PR_7_YEARS, application_date=APPLIED, absences=(away(date(2022, 2, 1), 250, claim),)
    )
    assert result.qualifying_abroad_days == 0
    assert "ACCOMPANIED_RESIDENT_NOT_EMPLOYED_BY_CANADIAN_BUSINESS" in codes(result)


def test_missing_evidence_that_would_meet_the_obligation_is_pointed_out():
    absences = (
        away(WINDOW_START, 900),
        away(date(2023, 1, 1), 300, citizen_spouse(passports_used_in_period=False)),
    )
    result = residency_obligation(became_pr_on=PR_7_YEARS, application_date=APPLIED, absences=absences)
    assert result.days_present == 626
    assert result.status is ResidencyStatus.CANNOT_BE_DEMONSTRATED
    assert "EVIDENCE_WOULD_MEET_OBLIGATION" in codes(result)


# ------------------------------------------------------------------ validation of absences


def test_absence_ending_before_it_starts_is_named_and_ignored():
    bad = Absence(date(2022, 5, 1), date(2022, 4, 1), label="row 3")
    result = residency_obligation(became_pr_on=PR_7_YEARS, application_date=APPLIED, absences=(bad,))
    finding = next(r for r in result.reasons if r.code == "ABSENCE_ENDS_BEFORE_IT_STARTS")
    assert finding.subject == "row 3" and "row 3" in finding.en and "2022-04-01" in finding.fr
    assert result.days_absent == 0


def test_overlapping_absences_are_named_and_counted_once():
    first = Absence(date(2022, 1, 1), date(2022, 2, 1))
    second = Absence(date(2022, 1, 20), date(2022, 3, 1))
    result = residency_obligation(became_pr_on=PR_7_YEARS, application_date=APPLIED, absences=(first, second))
    finding = next(r for r in result.reasons if r.code == "ABSENCES_OVERLAP")
    assert finding.subject == "absence 2" and "absence 1" in finding.en
    assert result.days_absent == (date(2022, 3, 1) - date(2022, 1, 1)).days - 1


def test_leaving_on_the_day_of_return_is_not_an_overlap():
    first = Absence(date(2022, 1, 1), date(2022, 2, 1))
    second = Absence(date(2022, 2, 1), date(2022, 3, 1))
    result = residency_obligation(became_pr_on=PR_7_YEARS, application_date=APPLIED, absences=(first, second))
    assert "ABSENCES_OVERLAP" not in codes(result)
    assert result.days_absent == 30 + 27


def test_absence_in_the_future_is_named():
    result = residency_obligation(
        became_pr_on=PR_7_YEARS,
        application_date=APPLIED,
        absences=(Absence(date(2025, 5, 1), date(2025, 7, 1)),),
    )
    assert "ABSENCE_IN_THE_FUTURE" in codes(result)
    assert result.days_absent == 30  # 2025-05-02 to 2025-05-31: the window ends before the application


def test_same_day_return_costs_no_day_and_absence_outside_window_is_ignored():
    result = residency_obligation(
        became_pr_on=PR_7_YEARS,
        application_date=APPLIED,
        absences=(Absence(date(2023, 3, 3), date(2023, 3, 3)), Absence(date(2019, 1, 1), date(2019, 6, 1))),
    )
    assert result.days_absent == 0 and result.days_present == 1826


def test_pr_date_after_application_is_not_assessed():
    result = residency_obligation(became_pr_on=date(2026, 1, 1), application_date=APPLIED)
    assert result.status is ResidencyStatus.NOT_ASSESSED
    assert codes(result) == ["PR_DATE_AFTER_APPLICATION_DATE"]


# ------------------------------------------------------------------ laws over all inputs

DAY0 = date(2012, 1, 1)
absence_strategy = st.builds(
    lambda start, length, option: Absence(
        DAY0 + timedelta(days=start),
        DAY0 + timedelta(days=start + length),
        None if option is None else citizen_spouse(),
    ),
    st.integers(0, 5000),
    st.integers(-3, 900),
    st.sampled_from([None, "b"]),
)
case_strategy = st.tuples(
    st.integers(0, 4000),  # became PR, days after DAY0
    st.integers(0, 4000),  # application, days after becoming PR
    st.lists(absence_strategy, max_size=6),
)


@given(case=case_strategy, extra=absence_strategy)
def test_adding_an_absence_never_increases_days_present(case, extra):
    became_offset, applied_offset, absences = case
    became = DAY0 + timedelta(days=became_offset)
    applied = became + timedelta(days=applied_offset)
    before = residency_obligation(became_pr_on=became, application_date=applied, absences=tuple(absences))
    after = residency_obligation(became_pr_on=became, application_date=applied, absences=(*absences, extra))
    assert after.days_present <= before.days_present


@given(case=case_strategy)
def test_days_stay_within_the_window_and_status_follows_the_numbers(case):
    became_offset, applied_offset, absences = case
    became = DAY0 + timedelta(days=became_offset)
    applied = became + timedelta(days=applied_offset)
    result = residency_obligation(became_pr_on=became, application_date=applied, absences=tuple(absences))
    assert 0 <= result.days_present <= result.window_days <= 1827
    assert 0 <= result.qualifying_abroad_days <= result.days_absent
    assert result.days_credited <= result.window_days
    best = result.days_credited + result.days_left_in_first_period
    if result.days_credited >= 730:
        assert result.status is ResidencyStatus.MET
    elif best >= 730:
        assert result.status is ResidencyStatus.MET_PROSPECTIVELY
    else:
        assert result.status is ResidencyStatus.CANNOT_BE_DEMONSTRATED
    for r in result.reasons:
        assert r.en and r.fr and "{" not in r.en + r.fr


# ------------------------------------------------------------------ citizenship (PRC-40, PRC-41)


def test_AS_49_citizenship_notice_with_half_day_credit_capped_at_365():
    shown = citizenship_hint(signing_date=APPLIED, days_present_as_pr=900, days_present_before_pr=500)
    assert shown.pre_pr_credit == Decimal(250)
    assert shown.credited_days == Decimal(1150)
    assert shown.may_be_eligible is True
    assert [r.code for r in shown.reasons] == ["MAY_BE_ELIGIBLE_FOR_CITIZENSHIP"]
    assert "1150" in shown.reasons[0].en
    capped = citizenship_hint(signing_date=APPLIED, days_present_as_pr=700, days_present_before_pr=1000)
    assert capped.pre_pr_credit == Decimal(365)
    assert capped.credited_days == Decimal(1065)
    assert capped.may_be_eligible is False
    assert [r.code for r in capped.reasons] == ["NOT_YET_ENOUGH_DAYS_FOR_CITIZENSHIP"]


def test_citizenship_boundary_and_half_days():
    assert citizenship_hint(signing_date=APPLIED, days_present_as_pr=1095).may_be_eligible
    assert not citizenship_hint(signing_date=APPLIED, days_present_as_pr=1094).may_be_eligible
    half = citizenship_hint(signing_date=APPLIED, days_present_as_pr=1094, days_present_before_pr=1)
    assert half.credited_days == Decimal("1094.5") and not half.may_be_eligible
    assert "1094,5" in half.reasons[0].fr and "1094.5" in half.reasons[0].en


def test_crown_servant_exception_and_impossible_counts():
    crown = citizenship_hint(signing_date=APPLIED, days_present_as_pr=10, crown_servant_or_family_member=True)
    assert "CROWN_SERVANT_EXCEPTION" in [r.code for r in crown.reasons]
    too_many = citizenship_hint(signing_date=APPLIED, days_present_as_pr=1900)
    assert "DAYS_EXCEED_PERIOD" in [r.code for r in too_many.reasons]
    negative = citizenship_hint(signing_date=APPLIED, days_present_as_pr=-1)
    assert [r.code for r in negative.reasons] == ["NEGATIVE_DAY_COUNT"] and not negative.may_be_eligible


@given(pr=st.integers(0, 1827), before=st.integers(0, 1827))
def test_pre_pr_credit_is_half_a_day_each_up_to_365(pr, before):
    hint = citizenship_hint(signing_date=APPLIED, days_present_as_pr=pr, days_present_before_pr=before)
    assert hint.pre_pr_credit == min(Decimal(before) / 2, Decimal(365))
    assert hint.may_be_eligible == (pr + hint.pre_pr_credit >= 1095)


def test_a_claim_may_cover_only_part_of_an_absence():
    claim = EmploymentAbroad(True, True, True, FULL_LETTER)
    absence = Absence(
        date(2022, 1, 1),
        date(2022, 12, 31),
        claim,
        claimed_from=date(2022, 3, 1),
        claimed_to=date(2022, 3, 31),
    )
    result = residency_obligation(became_pr_on=PR_7_YEARS, application_date=APPLIED, absences=(absence,))
    assert result.days_absent == 363
    assert result.qualifying_abroad_days == 31
    outside = Absence(date(2022, 1, 1), date(2022, 2, 1), claim, claimed_from=date(2023, 1, 1))
    assert (
        residency_obligation(
            became_pr_on=PR_7_YEARS, application_date=APPLIED, absences=(outside,)
        ).qualifying_abroad_days
        == 0
    )
