from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.dates import add_years
from portique.rules.reasons import Severity, has_blocking
from portique.rules.sponsorship.eligibility import (
    Conviction,
    Imm1344Choice,
    OffenceKind,
    Residence,
    SocialAssistance,
    SponsorOutcome,
    SponsorProfile,
    SponsorStatus,
    VictimRelation,
    assess_sponsor,
    ineligibility_choice,
)
from portique.rules.sponsorship.vocabulary import SponsoredRelationship

from ._helpers import codes, severities, well_formed

RECEIVED = date(2025, 8, 1)
CITIZEN = SponsorProfile(birth_date=date(1990, 5, 5), status=SponsorStatus.CANADIAN_CITIZEN)
PR = replace(CITIZEN, status=SponsorStatus.PERMANENT_RESIDENT)


def assess(sponsor=CITIZEN, sponsoring=SponsoredRelationship.SPOUSE, received=RECEIVED, **kwargs):
    result = assess_sponsor(sponsor=sponsor, sponsoring=sponsoring, application_received=received, **kwargs)
    well_formed(result.reasons)
    return result


def test_a_plain_citizen_in_canada_meets_the_requirements_and_is_told_so():
    result = assess()
    assert result.outcome is SponsorOutcome.MEETS_REQUIREMENTS
    assert result.meets_requirements
    assert not result.processing_suspended and not result.imm1344_choice_required
    assert codes(result) == ["SPONSOR_MEETS_REQUIREMENTS"]


def test_AS_79_sponsor_aged_17_is_not_eligible_and_18_meets_the_age_requirement():
    seventeen = assess(replace(CITIZEN, birth_date=date(2008, 8, 1)))
    assert seventeen.outcome is SponsorOutcome.NOT_ELIGIBLE
    assert "SPONSOR_UNDER_MIN_AGE" in codes(seventeen)
    assert has_blocking(seventeen.reasons)
    assert "17" in seventeen.reasons[0].en and "17 ans" in seventeen.reasons[0].fr

    eighteen_today = assess(replace(CITIZEN, birth_date=date(2007, 8, 1)))
    assert eighteen_today.outcome is SponsorOutcome.MEETS_REQUIREMENTS
    assert "SPONSOR_UNDER_MIN_AGE" not in codes(eighteen_today)
    eighteen_tomorrow = assess(replace(CITIZEN, birth_date=date(2007, 8, 2)))
    assert eighteen_tomorrow.outcome is SponsorOutcome.NOT_ELIGIBLE


def test_AS_80_pr_living_abroad_cannot_sponsor():
    result = assess(
        replace(
            PR, residence=Residence.LIVES_ABROAD, intends_to_live_in_canada_when_sponsored_becomes_pr=True
        )
    )
    assert result.outcome is SponsorOutcome.NOT_ELIGIBLE
    assert codes(result)[0] == "SPONSOR_PR_LIVING_ABROAD"
    assert severities(result)["SPONSOR_PR_LIVING_ABROAD"] is Severity.BLOCKING


def test_AS_80_citizen_abroad_with_intent_to_return_can_sponsor():
    result = assess(
        replace(
            CITIZEN,
            residence=Residence.LIVES_ABROAD,
            intends_to_live_in_canada_when_sponsored_becomes_pr=True,
        )
    )
    assert result.outcome is SponsorOutcome.MEETS_REQUIREMENTS
    assert "SPONSOR_ABROAD_MUST_SHOW_INTENT" in codes(result)


def test_AS_80_citizen_abroad_without_intent_is_not_eligible():
    result = assess(replace(CITIZEN, residence=Residence.LIVES_ABROAD))
    assert result.outcome is SponsorOutcome.NOT_ELIGIBLE
    assert "SPONSOR_ABROAD_NO_INTENT_TO_RETURN" in codes(result)


def test_AS_80_citizen_on_a_three_week_vacation_is_living_in_canada():
    result = assess(replace(CITIZEN, residence=Residence.TRAVELLING_ABROAD))
    assert result.outcome is SponsorOutcome.MEETS_REQUIREMENTS
    assert codes(result) == ["SPONSOR_TRAVELLING_STILL_RESIDES_IN_CANADA", "SPONSOR_MEETS_REQUIREMENTS"]


def test_registered_indian_abroad_is_flagged_for_an_officer():
    result = assess(
        replace(
            CITIZEN,
            status=SponsorStatus.REGISTERED_INDIAN,
            residence=Residence.LIVES_ABROAD,
            intends_to_live_in_canada_when_sponsored_becomes_pr=True,
        )
    )
    assert result.needs_officer_review
    assert "SPONSOR_INDIAN_ABROAD_OFFICER_REVIEW" in codes(result)


def test_other_status_is_not_eligible():
    result = assess(replace(CITIZEN, status=SponsorStatus.OTHER))
    assert result.outcome is SponsorOutcome.NOT_ELIGIBLE
    assert "SPONSOR_STATUS_NOT_ELIGIBLE" in codes(result)


def test_AS_81_sponsored_spouse_five_year_bar_until_2026_09_01_even_as_citizen():
    sponsor = replace(CITIZEN, sponsored_as_partner_pr_date=date(2021, 9, 1))
    result = assess(sponsor, received=date(2025, 8, 1))
    assert result.outcome is SponsorOutcome.MAY_NOT_BE_ALLOWED
    assert result.time_bar_ends == date(2026, 9, 1)
    assert "BAR_SPONSORED_PARTNER_FIVE_YEARS" in codes(result)
    bar = next(r for r in result.reasons if r.code == "BAR_SPONSORED_PARTNER_FIVE_YEARS")
    assert "2026-09-01" in bar.en and "2026-09-01" in bar.fr
    assert bar.severity is Severity.WARNING


def test_five_year_bar_lifts_exactly_on_the_fifth_anniversary():
    sponsor = replace(CITIZEN, sponsored_as_partner_pr_date=date(2021, 9, 1))
    assert assess(sponsor, received=date(2026, 8, 31)).outcome is SponsorOutcome.MAY_NOT_BE_ALLOWED
    assert assess(sponsor, received=date(2026, 9, 1)).outcome is SponsorOutcome.MEETS_REQUIREMENTS


def test_five_year_bar_does_not_apply_to_a_child_sponsorship():
    sponsor = replace(CITIZEN, sponsored_as_partner_pr_date=date(2024, 1, 1))
    result = assess(sponsor, sponsoring=SponsoredRelationship.DEPENDENT_CHILD)
    assert result.outcome is SponsorOutcome.MEETS_REQUIREMENTS


def test_AS_82_five_year_bar_does_not_apply_to_applications_received_before_2012_03_02():
    sponsor = replace(CITIZEN, sponsored_as_partner_pr_date=date(2009, 9, 1))
    before = assess(sponsor, received=date(2012, 2, 28))
    assert before.outcome is SponsorOutcome.MEETS_REQUIREMENTS
    assert "FIVE_YEAR_BAR_NOT_IN_FORCE" in codes(before)
    assert "BAR_SPONSORED_PARTNER_FIVE_YEARS" not in codes(before)
    on_cutoff = assess(sponsor, received=date(2012, 3, 2))
    assert on_cutoff.outcome is SponsorOutcome.MAY_NOT_BE_ALLOWED
    assert on_cutoff.time_bar_ends == date(2014, 9, 1)


def test_AS_83_social_assistance_for_disability_is_no_bar_other_reasons_are():
    disability = assess(replace(CITIZEN, social_assistance=SocialAssistance.DISABILITY))
    assert disability.outcome is SponsorOutcome.MEETS_REQUIREMENTS
    assert "SOCIAL_ASSISTANCE_FOR_DISABILITY_ALLOWED" in codes(disability)
    other = assess(replace(CITIZEN, social_assistance=SocialAssistance.OTHER_REASON))
    assert other.outcome is SponsorOutcome.MAY_NOT_BE_ALLOWED
    assert "BAR_SOCIAL_ASSISTANCE" in codes(other)


def test_AS_84_previous_spouse_pr_less_than_three_years_ago_bars_until_2026_06_01():
    sponsor = replace(CITIZEN, previous_partner_pr_dates=(date(2023, 6, 1),))
    result = assess(sponsor, received=date(2025, 6, 1))
    assert result.outcome is SponsorOutcome.MAY_NOT_BE_ALLOWED
    assert result.time_bar_ends == date(2026, 6, 1)
    assert "BAR_PREVIOUS_PARTNER_UNDERTAKING" in codes(result)
    assert assess(sponsor, received=date(2026, 5, 31)).outcome is SponsorOutcome.MAY_NOT_BE_ALLOWED
    assert assess(sponsor, received=date(2026, 6, 1)).outcome is SponsorOutcome.MEETS_REQUIREMENTS


def test_AS_85_bankrupt_prisoner_or_support_default_are_barred():
    for field, code in (
        ("undischarged_bankrupt", "BAR_UNDISCHARGED_BANKRUPT"),
        ("detained_in_prison", "BAR_DETAINED"),
        ("court_ordered_support_in_default", "BAR_SUPPORT_PAYMENTS_DEFAULT"),
    ):
        result = assess(replace(CITIZEN, **{field: True}))
        assert result.outcome is SponsorOutcome.MAY_NOT_BE_ALLOWED, field
        assert code in codes(result), field
        assert result.imm1344_choice_required


def test_every_financial_default_is_a_bar():
    for field, code in (
        ("unrepaid_sponsorship_default", "BAR_SPONSORSHIP_DEFAULT"),
        ("immigration_loan_in_default", "BAR_IMMIGRATION_LOAN_DEFAULT"),
        ("performance_bond_unpaid", "BAR_PERFORMANCE_BOND_UNPAID"),
    ):
        result = assess(replace(CITIZEN, **{field: True}))
        assert result.outcome is SponsorOutcome.MAY_NOT_BE_ALLOWED, field
        assert code in codes(result), field


def test_AS_86_charge_punishable_by_up_to_ten_years_suspends_processing():
    result = assess(replace(CITIZEN, charged_offence_max_prison_years=10))
    assert result.processing_suspended
    assert "SUSPENDED_CHARGED_WITH_OFFENCE" in codes(result)
    assert result.outcome is SponsorOutcome.MEETS_REQUIREMENTS  # suspension delays, it does not decide
    assert not assess(replace(CITIZEN, charged_offence_max_prison_years=5)).processing_suspended


def test_every_suspension_cause_is_reported():
    for field, code in (
        ("citizenship_being_revoked", "SUSPENDED_CITIZENSHIP_REVOCATION"),
        ("residency_conditions_not_met", "SUSPENDED_RESIDENCY_CONDITIONS"),
        ("security_certificate", "SUSPENDED_SECURITY_CERTIFICATE"),
    ):
        result = assess(replace(CITIZEN, **{field: True}))
        assert result.processing_suspended, field
        assert code in codes(result), field


def test_removal_order_is_both_a_bar_and_a_suspension():
    result = assess(replace(CITIZEN, subject_to_removal_order=True))
    assert result.outcome is SponsorOutcome.MAY_NOT_BE_ALLOWED
    assert result.processing_suspended
    assert {"BAR_REMOVAL_ORDER", "SUSPENDED_REMOVAL_ORDER"} <= set(codes(result))


def test_AS_87_bodily_harm_to_former_girlfriends_dependent_child_bars_family_class():
    conviction = Conviction(OffenceKind.BODILY_HARM, VictimRelation.BOYFRIEND_OR_GIRLFRIEND_FAMILY)
    result = assess(replace(CITIZEN, convictions=(conviction,)))
    assert result.outcome is SponsorOutcome.MAY_NOT_BE_ALLOWED
    assert result.needs_officer_review
    bar = next(r for r in result.reasons if r.code == "BAR_BODILY_HARM_TO_FAMILY_MEMBER")
    assert bar.rule == "SP-37, SP-38"
    assert "family class" in bar.en and "regroupement familial" in bar.fr
    assert bar.subject == "conviction[0]"


def test_violent_sexual_and_unlisted_relative_convictions_are_flagged_other_offences_are_not():
    sexual = assess(replace(CITIZEN, convictions=(Conviction(OffenceKind.SEXUAL, pardoned=True),)))
    assert "BAR_VIOLENT_OR_SEXUAL_OFFENCE" in codes(sexual)
    assert "pardon" in sexual.reasons[0].en
    unlisted = assess(
        replace(CITIZEN, convictions=(Conviction(OffenceKind.BODILY_HARM, VictimRelation.OTHER_RELATIVE),))
    )
    assert "BAR_BODILY_HARM_TO_FAMILY_MEMBER" in codes(unlisted)
    assert "may also be covered" in unlisted.reasons[0].en
    stranger = assess(replace(CITIZEN, convictions=(Conviction(OffenceKind.BODILY_HARM),)))
    assert "BAR_VIOLENT_OR_SEXUAL_OFFENCE" in codes(stranger)
    other = assess(replace(CITIZEN, convictions=(Conviction(OffenceKind.OTHER),)))
    assert other.outcome is SponsorOutcome.MEETS_REQUIREMENTS


def test_pending_sponsorship_of_the_same_person_cannot_be_filed_irpr_10_5():
    result = assess(replace(CITIZEN, pending_sponsorship_of_same_person=True))
    assert result.outcome is SponsorOutcome.NOT_ELIGIBLE
    found = next(r for r in result.reasons if r.code == "PENDING_SPONSORSHIP_OF_SAME_PERSON")
    assert found.severity is Severity.BLOCKING
    assert "IRPR 10(5)" in found.citation


def test_G26_a_bar_requires_the_imm1344_q1_choice_and_blocks_until_made():
    sponsor = replace(CITIZEN, undischarged_bankrupt=True)
    result = assess(sponsor)
    assert result.imm1344_choice_required and result.needs_officer_review
    assert severities(result)["IMM1344_Q1_CHOICE_REQUIRED"] is Severity.BLOCKING
    chosen = assess(sponsor, imm1344_choice=Imm1344Choice.PROCEED)
    assert "IMM1344_Q1_CHOICE_REQUIRED" not in codes(chosen)
    assert not has_blocking(chosen.reasons)
    assert chosen.choice is not None and chosen.choice.likely_refused


def test_AS_08_proceed_anyway_processes_likely_refuses_and_tells_of_appeal_in_writing():
    result = ineligibility_choice(choice=Imm1344Choice.PROCEED)
    well_formed(result.reasons)
    assert result.pr_application_processed
    assert result.likely_refused
    assert result.right_of_appeal is None  # IRCC says in writing whether there is one
    assert not result.package_returned
    assert codes(result) == ["PROCEED_LIKELY_REFUSED"]
    assert "in writing" in result.reasons[0].en and "par écrit" in result.reasons[0].fr


def test_AS_07_withdraw_returns_package_no_appeal_fees_except_sponsorship_fee_biometrics_flagged():
    result = ineligibility_choice(choice=Imm1344Choice.WITHDRAW)
    well_formed(result.reasons)
    assert result.package_returned and not result.pr_application_processed
    assert result.right_of_appeal is False
    assert result.processing_fees_refunded_except_sponsorship_fee
    assert result.biometric_fee_refund_needs_decision  # G-22
    assert result.may_reapply_later
    assert codes(result) == [
        "WITHDRAW_PACKAGE_RETURNED",
        "WITHDRAW_FEES_REFUNDED_EXCEPT_SPONSORSHIP_FEE",
        "WITHDRAW_BIOMETRIC_FEE_REFUND_UNDECIDED",
    ]


def test_quebec_sponsor_is_told_the_quebec_process():
    result = assess(replace(CITIZEN, resides_in_quebec=True))
    assert result.outcome is SponsorOutcome.MEETS_REQUIREMENTS
    assert "QUEBEC_SPONSOR_PROCESS" in codes(result)


@given(
    pr_date=st.dates(min_value=date(2005, 1, 1), max_value=date(2030, 12, 31)),
    offset=st.integers(min_value=-400, max_value=3000),
)
def test_property_five_year_bar_holds_exactly_until_the_fifth_anniversary(pr_date, offset):
    received = pr_date + timedelta(days=offset)
    if received < date(2012, 3, 2):
        return
    result = assess(replace(CITIZEN, sponsored_as_partner_pr_date=pr_date), received=received)
    barred = "BAR_SPONSORED_PARTNER_FIVE_YEARS" in codes(result)
    assert barred == (received < add_years(pr_date, 5))
    assert (result.time_bar_ends is not None) == barred


@given(
    bankrupt=st.booleans(),
    detained=st.booleans(),
    assistance=st.sampled_from(SocialAssistance),
    age_years=st.integers(min_value=10, max_value=80),
)
def test_property_outcome_matches_findings(bankrupt, detained, assistance, age_years):
    sponsor = replace(
        CITIZEN,
        birth_date=date(2025 - age_years, 1, 1),
        undischarged_bankrupt=bankrupt,
        detained_in_prison=detained,
        social_assistance=assistance,
    )
    result = assess(sponsor, received=date(2025, 6, 1))
    barred = bankrupt or detained or assistance is SocialAssistance.OTHER_REASON
    if age_years < 18:
        assert result.outcome is SponsorOutcome.NOT_ELIGIBLE
    elif barred:
        assert result.outcome is SponsorOutcome.MAY_NOT_BE_ALLOWED
    else:
        assert result.outcome is SponsorOutcome.MEETS_REQUIREMENTS
