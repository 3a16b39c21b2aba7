"""Who may apply for a PR card, and when (IMM 5445; PRC-05 to PRC-21, PRC-90)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.pr_card import (
    Channel,
    Outcome,
    Purpose,
    assess_pr_card_application,
    first_card_need,
    ircc_error_window,
    old_card_status,
    renewal_timing,
    where_to_submit,
)
from portique.rules.reasons import Severity, has_blocking
from portique.rules.residency import ResidencyStatus

APPLIED = date(2025, 6, 2)


def assess(**overrides):
    answers = {
        "purpose": Purpose.RENEWAL,
        "application_date": APPLIED,
        "is_permanent_resident": True,
        "physically_in_canada": True,
        "is_canadian_citizen": False,
        "subject_to_removal_order": False,
        "convicted_of_card_misuse": False,
        "current_card_expiry": APPLIED + timedelta(days=100),
        "residency_status": ResidencyStatus.MET,
    }
    answers.update(overrides)
    return assess_pr_card_application(**answers)


def codes(result):
    return [r.code for r in result.reasons]


def in_days(days):
    return APPLIED + timedelta(days=days)


# ------------------------------------------------------------------ 270-day rule (PRC-12)


def test_AS_20_card_valid_more_than_270_days_is_returned():
    result = assess(current_card_expiry=in_days(300))
    assert result.outcome is Outcome.RETURNED
    assert result.days_card_remains_valid == 300
    assert "CARD_VALID_MORE_THAN_270_DAYS" in codes(result)
    blocking = [r for r in result.reasons if r.severity is Severity.BLOCKING]
    assert [r.code for r in blocking] == ["CARD_VALID_MORE_THAN_270_DAYS"]
    assert blocking[0].rule == "PRC-12"
    assert "300" in blocking[0].en and "300" in blocking[0].fr


def test_AS_21_card_valid_300_days_with_legal_name_change_is_accepted():
    as_renewal = assess(current_card_expiry=in_days(300), legal_name_changed=True)
    assert as_renewal.outcome is Outcome.MAY_APPLY
    assert as_renewal.days_card_remains_valid == 300
    assert "EARLY_RENEWAL_ALLOWED_NAME_OR_SEX_CHANGE" in codes(as_renewal)
    as_name_change = assess(purpose=Purpose.LEGAL_NAME_CHANGE, current_card_expiry=in_days(300))
    assert as_name_change.outcome is Outcome.MAY_APPLY
    assert "NOT_A_RENEWAL_270_DAY_RULE_DOES_NOT_APPLY" in codes(as_name_change)


def test_AS_22_card_valid_exactly_270_days_is_accepted():
    result = assess(current_card_expiry=in_days(270))
    assert result.outcome is Outcome.MAY_APPLY
    assert result.days_card_remains_valid == 270
    assert "RENEWAL_TIMING_OK" in codes(result)
    assert "MAY_APPLY_FOR_PR_CARD" in codes(result)


def test_271_days_is_one_day_too_many():
    result = assess(current_card_expiry=in_days(271))
    assert result.outcome is Outcome.RETURNED
    assert result.days_card_remains_valid == 271


def test_AS_23_card_valid_271_days_with_change_to_sex_x_is_accepted():
    as_renewal = assess(current_card_expiry=in_days(271), sex_designation_changed=True)
    assert as_renewal.outcome is Outcome.MAY_APPLY
    assert "EARLY_RENEWAL_ALLOWED_NAME_OR_SEX_CHANGE" in codes(as_renewal)
    as_change = assess(purpose=Purpose.SEX_DESIGNATION_CHANGE, current_card_expiry=in_days(271))
    assert as_change.outcome is Outcome.MAY_APPLY
    # IRM 0002 is on the checklist: tests/rules/test_pr_card_documents.py (AS-23).


def test_expired_card_may_be_renewed():
    result = assess(current_card_expiry=in_days(-30))
    assert result.outcome is Outcome.MAY_APPLY
    assert result.days_card_remains_valid == -30


def test_renewal_without_expiry_date_is_returned():
    result = assess(current_card_expiry=None)
    assert result.outcome is Outcome.RETURNED
    assert "CARD_EXPIRY_DATE_MISSING" in codes(result)


@given(days=st.integers(min_value=-2000, max_value=4000), changed=st.booleans())
def test_renewal_is_returned_exactly_when_more_than_270_days_remain_without_a_change(days, changed):
    timing = renewal_timing(
        purpose=Purpose.RENEWAL,
        application_date=APPLIED,
        card_expiry=in_days(days),
        legal_name_changed=changed,
    )
    assert timing.returned is (days > 270 and not changed)
    assert timing.days_remaining == days


@given(
    purpose=st.sampled_from([p for p in Purpose if p is not Purpose.RENEWAL]), days=st.integers(-500, 4000)
)
def test_only_renewals_are_held_to_the_270_day_rule(purpose, days):
    timing = renewal_timing(purpose=purpose, application_date=APPLIED, card_expiry=in_days(days))
    assert not timing.returned


# ------------------------------------------------------------------ replacements (PRC-10, PRC-61)


def test_AS_24_lost_card_with_3_years_left_is_replaced():
    result = assess(purpose=Purpose.REPLACEMENT_LOST, current_card_expiry=in_days(3 * 365))
    assert result.outcome is Outcome.MAY_APPLY
    assert result.days_card_remains_valid == 1095
    assert "NOT_A_RENEWAL_270_DAY_RULE_DOES_NOT_APPLY" in codes(result)
    assert "REPLACEMENT_ALLOWED_POLICE_REPORT_IF_ANY" in codes(result)
    assert not has_blocking(result.reasons)


def test_AS_25_damaged_card_online_is_destroyed_and_photographed_paper_is_sent():
    online = assess(
        purpose=Purpose.REPLACEMENT_DAMAGED, channel=Channel.ONLINE, current_card_expiry=in_days(900)
    )
    assert online.outcome is Outcome.MAY_APPLY
    assert "DAMAGED_CARD_DESTROY_AND_UPLOAD_PHOTO" in codes(online)
    paper = assess(
        purpose=Purpose.REPLACEMENT_DAMAGED, channel=Channel.PAPER, current_card_expiry=in_days(900)
    )
    assert paper.outcome is Outcome.MAY_APPLY
    assert "DAMAGED_CARD_SEND_WITH_APPLICATION" in codes(paper)
    assert "DAMAGED_CARD_DESTROY_AND_UPLOAD_PHOTO" not in codes(paper)


def test_card_never_received_may_be_replaced():
    result = assess(purpose=Purpose.REPLACEMENT_NOT_RECEIVED, current_card_expiry=in_days(1500))
    assert result.outcome is Outcome.MAY_APPLY
    assert "REPLACEMENT_ALLOWED" in codes(result)


# ------------------------------------------------------------------ old card (PRC-05)


def test_AS_26_old_card_invalid_60_days_after_new_card_issued():
    issued = date(2025, 3, 1)
    status = old_card_status(new_card_issued_on=issued, on=date(2025, 4, 30))
    assert status.invalid_from == date(2025, 4, 30)
    assert status.old_card_valid is False
    assert [r.code for r in status.reasons] == ["OLD_CARD_INVALID", "APPLY_FOR_PRTD"]
    day_before = old_card_status(new_card_issued_on=issued, on=date(2025, 4, 29))
    assert day_before.old_card_valid is True
    assert [r.code for r in day_before.reasons] == ["OLD_CARD_STILL_VALID"]
    assert "2025-04-29" in day_before.reasons[0].en


def test_old_card_invalid_but_new_card_in_hand_needs_no_prtd():
    status = old_card_status(new_card_issued_on=date(2025, 3, 1), on=date(2025, 6, 1), new_card_in_hand=True)
    assert [r.code for r in status.reasons] == ["OLD_CARD_INVALID"]


def test_every_application_with_a_card_warns_of_the_60_day_invalidity():
    assert "OLD_CARD_INVALID_60_DAYS_AFTER_NEW_CARD" in codes(assess())
    first = assess(purpose=Purpose.FIRST_CARD, current_card_expiry=None)
    assert "OLD_CARD_INVALID_60_DAYS_AFTER_NEW_CARD" not in codes(first)


# ------------------------------------------------------------------ eligibility (PRC-20, PRC-21)


def test_AS_27_permanent_resident_abroad_is_not_eligible_and_told_to_get_a_prtd():
    result = assess(physically_in_canada=False, current_card_expiry=in_days(-10))
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert "NOT_PHYSICALLY_PRESENT_IN_CANADA" in codes(result)
    advice = next(r for r in result.reasons if r.code == "APPLY_FOR_PRTD")
    assert advice.severity is Severity.INFO
    assert "visa application centre" in advice.en and "TVRP" in advice.fr
    assert result.processing_fee_refundable is False


def test_AS_28_removal_order_is_not_eligible():
    result = assess(subject_to_removal_order=True)
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert "SUBJECT_TO_REMOVAL_ORDER" in codes(result)
    assert "MAY_APPLY_FOR_PR_CARD" not in codes(result)


def test_citizen_gets_no_card_and_the_fee_back():
    result = assess(is_canadian_citizen=True)
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert result.processing_fee_refundable is True
    reason = next(r for r in result.reasons if r.code == "CANADIAN_CITIZEN_NO_PR_CARD")
    assert reason.rule == "PRC-20, PRC-21"


def test_non_permanent_resident_and_card_misuse_are_not_eligible():
    assert "NOT_A_PERMANENT_RESIDENT" in codes(assess(is_permanent_resident=False))
    misuse = assess(convicted_of_card_misuse=True)
    assert misuse.outcome is Outcome.NOT_ELIGIBLE
    assert "CONVICTED_OF_PR_CARD_MISUSE" in codes(misuse)


def test_not_eligible_wins_over_returned_and_both_are_explained():
    result = assess(subject_to_removal_order=True, current_card_expiry=in_days(400))
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert {"SUBJECT_TO_REMOVAL_ORDER", "CARD_VALID_MORE_THAN_270_DAYS"} <= set(codes(result))


def test_residency_obligation_not_met_makes_ineligible_unless_humanitarian_grounds_asked():
    unmet = assess(residency_status=ResidencyStatus.CANNOT_BE_DEMONSTRATED)
    assert unmet.outcome is Outcome.NOT_ELIGIBLE
    assert "RESIDENCY_OBLIGATION_NOT_MET" in codes(unmet)
    humanitarian = assess(
        residency_status=ResidencyStatus.CANNOT_BE_DEMONSTRATED, humanitarian_grounds_requested=True
    )
    assert humanitarian.outcome is Outcome.MAY_APPLY
    warning = next(r for r in humanitarian.reasons if r.code == "HUMANITARIAN_GROUNDS_OFFICER_DECIDES")
    assert warning.severity is Severity.WARNING


def test_prospective_residency_is_enough_and_unassessed_residency_is_a_warning():
    assert assess(residency_status=ResidencyStatus.MET_PROSPECTIVELY).outcome is Outcome.MAY_APPLY
    unassessed = assess(residency_status=None)
    assert unassessed.outcome is Outcome.MAY_APPLY
    reason = next(r for r in unassessed.reasons if r.code == "RESIDENCY_OBLIGATION_NOT_ASSESSED")
    assert reason.severity is Severity.WARNING


# ------------------------------------------------------------------ IRCC error (PRC-13)


def test_AS_29_ircc_error_on_card_issued_45_days_ago_may_be_corrected():
    issued = in_days(-45)
    result = assess(
        purpose=Purpose.ERROR_ON_CARD, current_card_issued_on=issued, current_card_expiry=in_days(3600)
    )
    assert result.outcome is Outcome.MAY_APPLY
    assert result.error_window_last_day == issued + timedelta(days=60)
    assert "IRCC_ERROR_WITHIN_60_DAYS" in codes(result)
    assert "NOT_A_RENEWAL_270_DAY_RULE_DOES_NOT_APPLY" in codes(result)


def test_ircc_error_window_includes_day_60_and_not_day_61():
    issued = date(2025, 1, 10)
    day_60 = ircc_error_window(card_issued_on=issued, application_date=date(2025, 3, 11))
    assert day_60.within_window and day_60.last_day == date(2025, 3, 11)
    day_61 = ircc_error_window(card_issued_on=issued, application_date=date(2025, 3, 12))
    assert not day_61.within_window
    assert [r.code for r in day_61.reasons] == ["IRCC_ERROR_WINDOW_PASSED"]
    assert day_61.reasons[0].severity is Severity.WARNING  # a replacement is still possible


def test_error_on_card_without_issue_date_is_returned():
    result = assess(purpose=Purpose.ERROR_ON_CARD, current_card_issued_on=None)
    assert result.outcome is Outcome.RETURNED
    assert "CARD_ISSUE_DATE_MISSING" in codes(result)


# ------------------------------------------------------------------ first card (PRC-11)


def test_first_card_before_2002_06_28_may_use_the_application():
    found = first_card_need(became_pr_on=date(2002, 6, 27), application_date=APPLIED)
    assert [r.code for r in found] == ["FIRST_CARD_PR_BEFORE_CARD_PROGRAM"]
    on_the_day = first_card_need(became_pr_on=date(2002, 6, 28), application_date=APPLIED)
    assert [r.code for r in on_the_day] == ["FIRST_CARD_APPLICATION_NEEDED"]


def test_first_card_comes_by_mail_within_180_days_of_immigrating():
    became = date(2025, 1, 1)
    day_180 = first_card_need(became_pr_on=became, application_date=became + timedelta(days=180))
    assert [r.code for r in day_180] == ["FIRST_CARD_SENT_AUTOMATICALLY"]
    assert "2025-06-30" in day_180[0].en
    day_181 = first_card_need(became_pr_on=became, application_date=became + timedelta(days=181))
    assert [r.code for r in day_181] == ["FIRST_CARD_APPLICATION_NEEDED"]


def test_first_card_application_is_assessed_without_a_card():
    result = assess(purpose=Purpose.FIRST_CARD, current_card_expiry=None, became_pr_on=date(2024, 1, 1))
    assert result.outcome is Outcome.MAY_APPLY
    assert result.days_card_remains_valid is None
    assert "FIRST_CARD_APPLICATION_NEEDED" in codes(result)


# ------------------------------------------------------------------ submission (PRC-90)


def test_paper_application_goes_to_sydney_by_mail_and_new_waterford_by_courier():
    mail = where_to_submit(channel=Channel.PAPER, on=APPLIED)
    assert mail.address_lines[1] == "Case postale 10020"
    assert "B1P 7C1" in mail.reasons[0].en
    courier = where_to_submit(channel=Channel.PAPER, on=APPLIED, by_courier=True)
    assert courier.address_lines[1] == "3050 Wilson Ave"
    online = where_to_submit(channel=Channel.ONLINE, on=APPLIED)
    assert online.address_lines == ()
    assert online.reasons[0].code == "SUBMIT_IN_PR_PORTAL"


# ------------------------------------------------------------------ laws over all inputs


@given(
    purpose=st.sampled_from(list(Purpose)),
    channel=st.sampled_from(list(Channel)),
    expiry=st.one_of(st.none(), st.integers(-1000, 4000)),
    issued=st.one_of(st.none(), st.integers(0, 400)),
    flags=st.tuples(*(st.booleans() for _ in range(8))),
    residency=st.one_of(st.none(), st.sampled_from(list(ResidencyStatus))),
)
def test_outcome_matches_the_reasons_and_every_reason_is_bilingual(
    purpose, channel, expiry, issued, flags, residency
):
    pr, present, citizen, removal, misuse, name, sex, humanitarian = flags
    result = assess(
        purpose=purpose,
        channel=channel,
        current_card_expiry=None if expiry is None else in_days(expiry),
        current_card_issued_on=None if issued is None else in_days(-issued),
        is_permanent_resident=pr,
        physically_in_canada=present,
        is_canadian_citizen=citizen,
        subject_to_removal_order=removal,
        convicted_of_card_misuse=misuse,
        legal_name_changed=name,
        sex_designation_changed=sex,
        residency_status=residency,
        humanitarian_grounds_requested=humanitarian,
        became_pr_on=date(2020, 1, 1),
    )
    assert (result.outcome is Outcome.MAY_APPLY) == (not has_blocking(result.reasons))
    if citizen or removal or misuse or not present or not pr:
        assert result.outcome is Outcome.NOT_ELIGIBLE
    for r in result.reasons:
        assert r.code.isupper() and r.rule.startswith("PRC-") and r.citation
        assert r.en and r.fr and r.en != r.fr
        assert "{" not in r.en + r.fr
