"""Biometrics (IRPR 12.1, 12.2, 12.001; IMM 5445 and IMM 5289): who gives them, for what."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portique.rules.biometrics import (
    ApplicationKind,
    PrCardBiometricsHistory,
    RolloutPhase,
    SpecialStatus,
    UsVisaTransit,
    biometrics_requirement,
    port_of_entry_biometrics_check,
)
from portique.rules.dates import add_years
from portique.rules.reasons import Severity

K = ApplicationKind
APPLIED = date(2025, 6, 15)
LISTED_KINDS = [
    kind for kind in ApplicationKind if kind not in (K.SPONSORSHIP, K.OTHER, K.PERMANENT_RESIDENT_CARD)
]


def born_years_before(years: int, on: date = APPLIED) -> date:
    """Birth date making the person exactly ``years`` old on ``on`` (their birthday)."""
    return add_years(on, -years)


def codes(result) -> list[str]:
    return [r.code for r in result.reasons]


def check(kind, years, **kwargs):
    return biometrics_requirement(
        kind=kind, application_date=APPLIED, birth_date=born_years_before(years), **kwargs
    )


# --------------------------------------------------------------------------- §9.7 scenarios


def test_AS_50_applicant_aged_13_gives_no_biometrics():
    result = check(K.PERMANENT_RESIDENT_VISA, 13)
    assert not result.required
    assert result.age_on_application_date == 13
    assert result.exemptions == ("12.2(1)(a)",)
    assert codes(result) == ["BIOMETRICS_EXEMPT_UNDER_AGE"]
    assert result.reasons[0].rule == "IRPR-12.2, IRPR-12.2-2"
    assert result.reasons[0].citation == "IRPR 12.2(1)(a), 12.2(2)"


def test_AS_51_fourteenth_birthday_the_day_after_the_application_date_gives_no_biometrics():
    birth = add_years(APPLIED + timedelta(days=1), -14)
    result = biometrics_requirement(
        kind=K.TEMPORARY_RESIDENT_VISA, application_date=APPLIED, birth_date=birth
    )
    assert not result.required
    assert result.age_on_application_date == 13
    assert codes(result) == ["BIOMETRICS_EXEMPT_UNDER_AGE"]


def test_AS_51_edge_on_the_fourteenth_birthday_biometrics_are_required():
    result = check(K.TEMPORARY_RESIDENT_VISA, 14)
    assert result.required
    assert result.age_on_application_date == 14
    assert result.paragraph == "12.1(d)"
    assert codes(result) == ["BIOMETRICS_REQUIRED"]


def test_AS_52_age_79_trv_required_age_80_trv_exempt_age_80_refugee_claim_in_canada_required():
    at_79 = check(K.TEMPORARY_RESIDENT_VISA, 79)
    assert at_79.required and codes(at_79) == ["BIOMETRICS_REQUIRED"]

    at_80 = check(K.TEMPORARY_RESIDENT_VISA, 80)
    assert not at_80.required
    assert at_80.exemptions == ("12.2(1)(b)",)
    assert codes(at_80) == ["BIOMETRICS_EXEMPT_OVER_AGE"]

    claim = check(K.REFUGEE_CLAIM_IN_CANADA, 80)
    assert claim.required
    assert claim.paragraph == "12.1(k)"
    assert codes(claim) == ["BIOMETRICS_OVER_AGE_REFUGEE_CLAIM_NOT_EXEMPT", "BIOMETRICS_REQUIRED"]


def test_AS_52_edge_the_day_before_the_80th_birthday_is_still_79():
    birth = add_years(APPLIED + timedelta(days=1), -80)
    result = biometrics_requirement(
        kind=K.TEMPORARY_RESIDENT_VISA, application_date=APPLIED, birth_date=birth
    )
    assert result.required and result.age_on_application_date == 79


def test_AS_52_edge_refugee_claim_abroad_at_80_is_exempt():
    result = check(K.REFUGEE_CLAIM_ABROAD, 85)
    assert not result.required and result.exemptions == ("12.2(1)(b)",)


def test_AS_53_us_national_study_permit_exempt_pr_visa_required():
    us = SpecialStatus(united_states_national=True)
    study = check(K.STUDY_PERMIT, 30, status=us)
    assert not study.required
    assert study.exemptions == ("12.2(1)(c)(ii)",)
    assert codes(study) == ["BIOMETRICS_EXEMPT_US_NATIONAL"]

    pr_visa = check(K.PERMANENT_RESIDENT_VISA, 30, status=us)
    assert pr_visa.required
    assert pr_visa.paragraph == "12.1(a)"
    assert codes(pr_visa) == [
        "BIOMETRICS_EXEMPTION_NOT_FOR_THIS_APPLICATION",
        "BIOMETRICS_REQUIRED",
        "BIOMETRICS_INSTRUCTION_LETTER",
    ]
    assert pr_visa.reasons[0].citation == "IRPR 12.2(1)(c)(ii)"


@pytest.mark.parametrize(
    ("kind", "exempt"),
    [
        (K.TEMPORARY_RESIDENT_VISA, False),  # (c) covers (e)-(i) only
        (K.TEMPORARY_RESIDENCE_EXTENSION, True),
        (K.TEMPORARY_RESIDENT_PERMIT, True),
        (K.TEMPORARY_RESIDENCE_RESTORATION, True),
        (K.WORK_PERMIT, True),
        (K.STUDY_PERMIT, True),
        (K.PROTECTED_PERSON_PERMANENT_RESIDENCE, False),
    ],
)
def test_us_national_exemption_covers_12_1_e_to_i_only(kind, exempt):
    result = check(kind, 40, status=SpecialStatus(united_states_national=True))
    assert result.required is not exempt


def test_AS_54_pending_rpd_claim_exempt_for_work_permit_not_for_extension():
    pending = SpecialStatus(refugee_claim_pending_in_canada=True)
    permit = check(K.WORK_PERMIT, 30, status=pending)
    assert not permit.required
    assert permit.exemptions == ("12.2(1)(d)(i)",)
    assert codes(permit) == ["BIOMETRICS_EXEMPT_REFUGEE_PERMIT_APPLICANT"]

    extension = check(K.TEMPORARY_RESIDENCE_EXTENSION, 30, status=pending)
    assert extension.required
    assert extension.paragraph == "12.1(e)"
    assert codes(extension) == ["BIOMETRICS_EXEMPTION_NOT_FOR_THIS_APPLICATION", "BIOMETRICS_REQUIRED"]


@pytest.mark.parametrize(
    "status",
    [
        SpecialStatus(refugee_protection_conferred_in_canada=True),
        SpecialStatus(convention_or_humanitarian_refugee_abroad_class=True),
    ],
)
def test_refugee_protection_exempts_study_permit_not_trv(status):
    assert not check(K.STUDY_PERMIT, 30, status=status).required
    assert check(K.TEMPORARY_RESIDENT_VISA, 30, status=status).required


def test_AS_55_head_of_government_exempt_for_trv_not_for_pr_visa():
    head = SpecialStatus(head_of_state_or_government=True)
    trv = check(K.TEMPORARY_RESIDENT_VISA, 60, status=head)
    assert not trv.required
    assert trv.exemptions == ("12.2(1)(e)",)
    assert codes(trv) == ["BIOMETRICS_EXEMPT_HEAD_OF_STATE"]

    pr_visa = check(K.PERMANENT_RESIDENT_VISA, 60, status=head)
    assert pr_visa.required
    assert codes(pr_visa)[0] == "BIOMETRICS_EXEMPTION_NOT_FOR_THIS_APPLICATION"


def test_AS_56_work_permit_at_port_without_biometric_collection_is_not_allowed():
    needed = check(K.WORK_PERMIT, 30)
    assert needed.required
    result = port_of_entry_biometrics_check(
        kind=K.WORK_PERMIT, biometrics_required=needed.required, port_offers_biometric_collection=False
    )
    assert not result.allowed
    assert [r.code for r in result.reasons] == ["PORT_OF_ENTRY_NO_BIOMETRIC_COLLECTION"]
    assert result.reasons[0].severity is Severity.BLOCKING
    assert result.reasons[0].rule == "IRPR-12.001"


@pytest.mark.parametrize(
    ("kind", "required", "offers", "allowed"),
    [
        (K.WORK_PERMIT, True, True, True),
        (K.STUDY_PERMIT, True, False, False),
        (K.TEMPORARY_RESIDENT_PERMIT, True, False, False),
        (K.WORK_PERMIT, False, False, True),  # exempt person: 12.001 does not bite
        (K.TEMPORARY_RESIDENCE_EXTENSION, True, False, True),  # not a 12.001 application
    ],
)
def test_port_of_entry_rule_covers_trp_work_and_study_permits_only(kind, required, offers, allowed):
    result = port_of_entry_biometrics_check(
        kind=kind, biometrics_required=required, port_offers_biometric_collection=offers
    )
    assert result.allowed is allowed


def test_AS_57_sponsored_spouse_45_required_even_if_given_before_with_instruction_letter():
    result = check(K.PERMANENT_RESIDENT_VISA, 45, biometrics_given_before=True)
    assert result.required
    assert not result.needs_officer_review
    assert codes(result) == [
        "BIOMETRICS_REQUIRED",
        "BIOMETRICS_INSTRUCTION_LETTER",
        "BIOMETRICS_REQUIRED_EVEN_IF_GIVEN_BEFORE",
    ]
    assert result.reasons[1].rule == "SP-141"
    assert result.reasons[2].rule == "SP-142"


# --------------------------------------------------------------------------- §9.1 and §9.2 parts


def test_AS_01_sponsor_gives_no_biometrics_spouse_aged_30_abroad_does():
    sponsor = check(K.SPONSORSHIP, 40)
    assert not sponsor.required
    assert codes(sponsor) == ["BIOMETRICS_NOT_REQUIRED_SPONSOR"]
    assert sponsor.reasons[0].rule == "SP-140, IRPR-12.1"
    spouse = check(K.PERMANENT_RESIDENT_VISA, 30)
    assert spouse.required and spouse.paragraph == "12.1(a)"


def test_AS_03_included_child_aged_10_is_exempt():
    child = check(K.PERMANENT_RESIDENT_VISA, 10)
    assert not child.required and child.exemptions == ("12.2(1)(a)",)


def test_AS_11_pr_card_applicant_now_16_exempted_at_12_in_2019_must_give_biometrics():
    applied = date(2023, 6, 15)
    birth = date(2006, 10, 1)  # 12 on 2019-03-01, 16 on the card application date
    history = PrCardBiometricsHistory(K.PERMANENT_RESIDENCE_IN_CANADA, date(2019, 3, 1))
    result = biometrics_requirement(
        kind=K.PERMANENT_RESIDENT_CARD, application_date=applied, birth_date=birth, pr_card_history=history
    )
    assert result.required
    assert result.paragraph == "12.1(m)"
    assert result.age_on_application_date == 16
    assert codes(result) == [
        "BIOMETRICS_PR_CARD_PREVIOUSLY_EXEMPT",
        "BIOMETRICS_REQUIRED",
        "BIOMETRICS_INSTRUCTION_LETTER",
    ]
    assert result.reasons[2].rule == "PRC-32"
    assert "1er mars 2019" in result.reasons[0].fr
    assert "March 1, 2019" in result.reasons[0].en


def test_AS_12_pr_card_applicant_17_pr_application_2017_before_rollout_not_required():
    history = PrCardBiometricsHistory(K.PERMANENT_RESIDENT_VISA, date(2017, 5, 1), RolloutPhase.FIRST)
    result = biometrics_requirement(
        kind=K.PERMANENT_RESIDENT_CARD,
        application_date=APPLIED,
        birth_date=born_years_before(17),
        pr_card_history=history,
    )
    assert not result.required
    assert not result.needs_officer_review
    assert codes(result) == ["BIOMETRICS_PR_CARD_PR_APPLICATION_BEFORE_ROLLOUT"]
    assert "July 31, 2018" in result.reasons[0].en
    assert "31 juillet 2018" in result.reasons[0].fr


def test_AS_10_adult_pr_card_renewal_no_biometrics():
    history = PrCardBiometricsHistory(K.PERMANENT_RESIDENT_VISA, date(2019, 3, 1))
    result = check(K.PERMANENT_RESIDENT_CARD, 40, pr_card_history=history)
    assert not result.required
    assert codes(result) == ["BIOMETRICS_PR_CARD_NOT_REQUIRED"]


# --------------------------------------------------------------------------- PR card edges (G-08)


def pr_card(
    received: date, phase=RolloutPhase.UNKNOWN, *, age_now=16, birth=None, earlier=False, pr_kind=None
):
    birth = birth or date(2009, 1, 10)
    history = PrCardBiometricsHistory(pr_kind or K.PERMANENT_RESIDENT_VISA, received, phase, earlier)
    applied = add_years(birth, age_now)
    return biometrics_requirement(
        kind=K.PERMANENT_RESIDENT_CARD, application_date=applied, birth_date=birth, pr_card_history=history
    )


@pytest.mark.parametrize(
    ("received", "phase", "required", "review"),
    [
        (date(2018, 7, 30), RolloutPhase.FIRST, False, False),  # day before the first date
        (date(2018, 7, 31), RolloutPhase.FIRST, True, False),  # first date itself
        (date(2018, 7, 31), RolloutPhase.SECOND, False, False),
        (date(2018, 12, 30), RolloutPhase.SECOND, False, False),
        (date(2018, 12, 31), RolloutPhase.SECOND, True, False),  # second date itself
        (date(2018, 12, 31), RolloutPhase.UNKNOWN, True, False),  # on/after the later date: any country
        (date(2018, 9, 1), RolloutPhase.UNKNOWN, False, True),  # in between, country unknown → review
        (date(2018, 7, 30), RolloutPhase.UNKNOWN, False, False),  # before both dates: any country
    ],
)
def test_pr_card_rollout_dates_are_inclusive_and_the_gap_goes_to_review(received, phase, required, review):
    result = pr_card(received, phase)
    assert result.required is required
    assert result.needs_officer_review is review


def test_pr_card_unknown_phase_reason_names_both_dates():
    result = pr_card(date(2018, 9, 1))
    assert codes(result) == ["BIOMETRICS_PR_CARD_ROLLOUT_PHASE_UNKNOWN"]
    assert result.reasons[0].severity is Severity.WARNING
    assert "31 juillet 2018" in result.reasons[0].fr and "31 décembre 2018" in result.reasons[0].fr


def test_G_08_pr_card_at_exactly_14_is_required_following_the_regulation():
    result = pr_card(date(2019, 3, 1), age_now=14)
    assert result.required and result.age_on_application_date == 14


def test_pr_card_at_13_still_not_required():
    result = pr_card(date(2019, 3, 1), age_now=13)
    assert not result.required
    assert codes(result) == ["BIOMETRICS_PR_CARD_NOT_REQUIRED"]


def test_pr_card_applicant_14_at_pr_application_was_not_exempted():
    birth = date(2005, 3, 1)
    result = pr_card(date(2019, 3, 1), birth=birth, age_now=20)  # 14th birthday on the receipt date
    assert not result.required
    assert codes(result) == ["BIOMETRICS_PR_CARD_NOT_REQUIRED"]


def test_pr_card_applicant_13_the_day_before_14th_birthday_at_pr_application_was_exempted():
    birth = date(2005, 3, 2)  # 14 on 2019-03-02
    result = pr_card(date(2019, 3, 1), birth=birth, age_now=20)
    assert result.required


def test_G_08_later_pr_card_application_is_not_required_but_reviewed():
    result = pr_card(date(2019, 3, 1), earlier=True)
    assert not result.required
    assert result.needs_officer_review
    assert codes(result) == ["BIOMETRICS_PR_CARD_NOT_FIRST_APPLICATION"]
    assert result.reasons[0].severity is Severity.WARNING


def test_pr_card_after_a_protected_person_pr_application_is_not_in_12_1_m():
    result = pr_card(date(2019, 3, 1), pr_kind=K.PROTECTED_PERSON_PERMANENT_RESIDENCE)
    assert not result.required


def test_pr_card_without_history_goes_to_review():
    result = check(K.PERMANENT_RESIDENT_CARD, 16)
    assert not result.required and result.needs_officer_review
    assert codes(result) == ["BIOMETRICS_PR_CARD_HISTORY_UNKNOWN"]


# --------------------------------------------------------------------------- other exemptions


def test_application_not_listed_in_12_1_needs_no_biometrics():
    result = check(K.OTHER, 30)
    assert not result.required and codes(result) == ["BIOMETRICS_NOT_REQUIRED_NOT_LISTED"]


@pytest.mark.parametrize(
    ("status", "provision"),
    [
        (SpecialStatus(entering_on_official_duties=True), "12.2(1)(f)"),
        (SpecialStatus(family_member_of_official=True), "12.2(1)(g)"),
        (SpecialStatus(visa_exempt_7_2_a_applying_as_visitor=True), "12.2(1)(i)"),
        (SpecialStatus(eta_holder_applying_as_visitor=True), "12.2(1)(j)"),
        (SpecialStatus(crown_or_royal_family=True), "12.2(1)(c)(i)"),
    ],
)
def test_status_exemptions_for_a_work_permit(status, provision):
    result = check(K.WORK_PERMIT, 40, status=status)
    assert not result.required and result.exemptions == (provision,)


def transit(hours: int, **changes) -> SpecialStatus:
    facts = {
        "holds_valid_us_entry_visa": True,
        "coming_from_or_going_to_united_states": True,
        "intended_stay_hours": hours,
        "in_transit_or_stopover": True,
    }
    facts.update(changes)
    return SpecialStatus(us_visa_transit=UsVisaTransit(**facts))


def test_us_visa_transit_exempt_under_48_hours_only():
    assert not check(K.TEMPORARY_RESIDENT_VISA, 40, status=transit(47)).required
    assert check(K.TEMPORARY_RESIDENT_VISA, 40, status=transit(48)).required  # "moins de 48 heures"
    assert check(K.TEMPORARY_RESIDENT_VISA, 40, status=transit(10, holds_valid_us_entry_visa=False)).required
    assert check(K.TEMPORARY_RESIDENT_VISA, 40, status=transit(10, in_transit_or_stopover=False)).required
    onward = transit(10, in_transit_or_stopover=False, onward_to_destination_other_than_canada=True)
    assert not check(K.TEMPORARY_RESIDENT_VISA, 40, status=onward).required


def test_several_exemptions_are_all_listed():
    result = check(K.STUDY_PERMIT, 10, status=SpecialStatus(united_states_national=True))
    assert result.exemptions == ("12.2(1)(a)", "12.2(1)(c)(ii)")


def test_earlier_biometrics_for_a_temporary_application_go_to_review():
    result = check(K.WORK_PERMIT, 30, biometrics_given_before=True)
    assert result.required and result.needs_officer_review
    assert codes(result) == ["BIOMETRICS_REQUIRED", "BIOMETRICS_EARLIER_COLLECTION_TO_CONFIRM"]


def test_every_reason_is_bilingual_and_cited():
    statuses = [SpecialStatus(), SpecialStatus(united_states_national=True, head_of_state_or_government=True)]
    for kind in ApplicationKind:
        for years in (5, 30, 85):
            for status in statuses:
                for reason in check(kind, years, status=status, biometrics_given_before=True).reasons:
                    assert reason.code.isupper() and reason.rule and reason.citation
                    assert reason.en and reason.fr and reason.en != reason.fr
                    assert "{" not in reason.en + reason.fr


# --------------------------------------------------------------------------- properties

birth_dates = st.dates(min_value=date(1920, 1, 1), max_value=date(2024, 12, 31))
application_dates = st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 12, 31))


@given(kind=st.sampled_from(LISTED_KINDS), birth=birth_dates, applied=application_dates)
def test_property_no_one_under_14_ever_gives_biometrics(kind, birth, applied):
    result = biometrics_requirement(kind=kind, application_date=applied, birth_date=birth)
    if result.age_on_application_date < 14:
        assert not result.required
        assert "12.2(1)(a)" in result.exemptions


@given(kind=st.sampled_from(LISTED_KINDS), birth=birth_dates, applied=application_dates)
def test_property_without_special_status_required_iff_age_14_to_79_or_claim_in_canada(kind, birth, applied):
    result = biometrics_requirement(kind=kind, application_date=applied, birth_date=birth)
    age = result.age_on_application_date
    expected = age >= 14 and (age <= 79 or kind is K.REFUGEE_CLAIM_IN_CANADA)
    assert result.required is expected
    assert bool(result.exemptions) is not expected


@given(kind=st.sampled_from(LISTED_KINDS), birth=birth_dates)
def test_property_fourteenth_birthday_is_the_first_day_biometrics_are_required(kind, birth):
    birthday = add_years(birth, 14)
    before = biometrics_requirement(
        kind=kind, application_date=birthday - timedelta(days=1), birth_date=birth
    )
    on = biometrics_requirement(kind=kind, application_date=birthday, birth_date=birth)
    assert not before.required
    assert on.required


@given(
    kind=st.sampled_from(list(ApplicationKind)),
    birth=birth_dates,
    applied=application_dates,
    us=st.booleans(),
    head=st.booleans(),
    official=st.booleans(),
)
def test_property_a_special_status_never_creates_a_requirement(kind, birth, applied, us, head, official):
    plain = biometrics_requirement(kind=kind, application_date=applied, birth_date=birth)
    status = SpecialStatus(
        united_states_national=us, head_of_state_or_government=head, entering_on_official_duties=official
    )
    special = biometrics_requirement(kind=kind, application_date=applied, birth_date=birth, status=status)
    assert not (special.required and not plain.required)
    assert special.reasons  # always says why


def test_subject_is_copied_onto_every_reason_and_does_not_leak_through_the_cache():
    with_subject = check(K.PERMANENT_RESIDENT_VISA, 30, subject="pa")
    assert {r.subject for r in with_subject.reasons} == {"pa"}
    without = check(K.PERMANENT_RESIDENT_VISA, 30)
    assert {r.subject for r in without.reasons} == {None}
    other = check(K.PERMANENT_RESIDENT_VISA, 30, subject="child1")
    assert {r.subject for r in other.reasons} == {"child1"}
    card = check(K.PERMANENT_RESIDENT_CARD, 16, subject="c")
    assert {r.subject for r in card.reasons} == {"c"}
