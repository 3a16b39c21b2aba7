"""A PR card applicant's dates settle IRPR 12.1(m) where they can (rules.biometrics.pr_card_settled_by_dates):
the permanent residence application was received on or before the day the person became a permanent
resident, and children were first exempted from biometrics on 2018-07-31 at the earliest."""

from datetime import date

from portique.rules.biometrics import ApplicationKind, biometrics_requirement, pr_card_settled_by_dates

APPLIED = date(2026, 11, 22)


def settled(born: str, became_pr: str):
    return pr_card_settled_by_dates(
        birth_date=date.fromisoformat(born),
        became_pr_on=date.fromisoformat(became_pr),
        application_date=APPLIED,
    )


def test_a_permanent_resident_since_before_the_first_roll_out_gives_no_biometrics_for_a_card():
    found = settled("2008-01-01", "2016-06-01")
    assert found.code == "BIOMETRICS_PR_CARD_BECAME_PR_BEFORE_ROLLOUT"
    assert (
        "June 1, 2016, before July 31, 2018" in found.en
        and "1er juin 2016, avant le 31 juillet 2018" in found.fr
    )


def test_someone_already_14_on_the_first_roll_out_date_was_never_exempted_as_a_child():
    found = settled("1988-04-02", "2020-03-01")
    assert found.code == "BIOMETRICS_PR_CARD_NOT_A_CHILD_AT_ROLLOUT"


def test_a_child_under_14_now_gives_no_biometrics_for_a_card():
    assert settled("2015-05-01", "2019-06-01").code == "BIOMETRICS_PR_CARD_NOT_REQUIRED"


def test_a_child_who_became_a_permanent_resident_after_the_roll_out_is_left_to_the_records():
    # 13 in 2019, 21 now: only the day the PR application was received (and its kind) can tell.
    assert settled("2005-06-01", "2019-09-01") is None
    result = biometrics_requirement(
        kind=ApplicationKind.PERMANENT_RESIDENT_CARD,
        application_date=APPLIED,
        birth_date=date(2005, 6, 1),
        became_pr_on=date(2019, 9, 1),
    )
    assert not result.required and result.needs_officer_review
    assert [r.code for r in result.reasons] == ["BIOMETRICS_PR_CARD_HISTORY_UNKNOWN"]


def test_the_records_when_given_decide_over_the_dates():
    from portique.rules.biometrics import PrCardBiometricsHistory, RolloutPhase

    result = biometrics_requirement(
        kind=ApplicationKind.PERMANENT_RESIDENT_CARD,
        application_date=APPLIED,
        birth_date=date(2005, 6, 1),
        became_pr_on=date(2019, 9, 1),
        pr_card_history=PrCardBiometricsHistory(
            pr_application_kind=ApplicationKind.PERMANENT_RESIDENT_VISA,
            pr_application_received_on=date(2019, 3, 1),
            rollout_phase=RolloutPhase.FIRST,
        ),
    )
    assert result.required
