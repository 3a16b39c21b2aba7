"""IRPR 12.04–12.07: the eTA application, joint applications, validity, ineligibility, cancellation."""

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portique.rules.completeness import RepresentativeDetails, RepresentativeRole
from portique.rules.eta import (
    EtaApplication,
    EtaEvent,
    EtaEventKind,
    EtaFacts,
    ExpiryGround,
    PermitApplication,
    check_eta_application,
    deemed_eta_application,
    eta_eligibility,
    eta_validity,
)
from portique.rules.reasons import Severity

EDT = timezone(timedelta(hours=-4))


def facts(**changes) -> EtaFacts:
    base = EtaFacts(
        issued_on=date(2024, 1, 10), passport_expiry=date(2032, 1, 1), passport_issuer="FR", citizenships=("FR",)
    )
    return replace(base, **changes)


def test_AS_58_passport_expiring_first_ends_the_eta():
    validity = eta_validity(eta=facts(passport_expiry=date(2026, 6, 30)))
    assert validity.valid_until == date(2026, 6, 30)
    assert validity.ground is ExpiryGround.PASSPORT_EXPIRY
    assert validity.in_force_on(date(2026, 6, 30)) and not validity.in_force_on(date(2026, 7, 1))
    assert validity.reasons[-1].code == "ETA_VALID_UNTIL"
    assert validity.reasons[-1].citation == "IRPR 12.05(1)(a)"


def test_AS_59_five_years_from_issuance():
    validity = eta_validity(eta=facts())
    assert validity.valid_until == date(2029, 1, 10)
    assert validity.ground is ExpiryGround.FIVE_YEARS
    assert validity.in_force_on(date(2029, 1, 10)) and not validity.in_force_on(date(2029, 1, 11))
    assert not validity.in_force_on(date(2024, 1, 9))
    assert "2029-01-10" in validity.reasons[-1].en and "2029-01-10" in validity.reasons[-1].fr


def test_passport_expiring_on_the_five_year_date_keeps_the_five_year_ground():
    validity = eta_validity(eta=facts(passport_expiry=date(2029, 1, 10)))
    assert validity.valid_until == date(2029, 1, 10)
    assert validity.ground is ExpiryGround.FIVE_YEARS


def test_eta_issued_on_29_february_lasts_until_28_february():
    validity = eta_validity(eta=facts(issued_on=date(2024, 2, 29)))
    assert validity.valid_until == date(2029, 2, 28)


def test_AS_60_new_eta_for_the_same_passport_ends_the_previous_one():
    validity = eta_validity(eta=facts(new_eta_same_passport_on=date(2025, 5, 1)))
    assert validity.valid_until == date(2025, 5, 1)
    assert validity.ground is ExpiryGround.NEW_ETA_SAME_PASSPORT
    assert validity.last_valid_day == date(2025, 4, 30)
    assert validity.reasons[-1].severity is Severity.WARNING


def test_cancellation_ends_the_eta_on_the_day():
    validity = eta_validity(eta=facts(cancelled_on=date(2025, 2, 3)))
    assert validity.ground is ExpiryGround.CANCELLATION
    assert not validity.in_force_on(date(2025, 2, 3))
    assert validity.in_force_on(date(2025, 2, 2))


def test_cancellation_on_passport_expiry_day_is_the_earlier_end():
    validity = eta_validity(eta=facts(passport_expiry=date(2026, 1, 1), cancelled_on=date(2026, 1, 1)))
    assert validity.ground is ExpiryGround.CANCELLATION
    assert validity.last_valid_day == date(2025, 12, 31)


def test_issuer_leaving_190_1_a_ends_the_eta():
    validity = eta_validity(eta=facts(issuer_left_190_1_a_on=date(2026, 3, 1)))
    assert validity.ground is ExpiryGround.ISSUER_LEFT_190_1_A
    assert validity.valid_until == date(2026, 3, 1)


def test_AS_63_mexican_citizen_with_work_permit_keeps_eta_when_mexico_leaves_190_1_a():
    validity = eta_validity(
        eta=facts(
            passport_issuer="MX",
            citizenships=("MX",),
            issuer_left_190_1_a_on=date(2024, 2, 29),
            holds_permit_when_issuer_left_190_1_a=True,
        )
    )
    assert validity.ground is ExpiryGround.FIVE_YEARS
    assert validity.valid_until == date(2029, 1, 10)
    assert validity.reasons[0].code == "MEXICO_PERMIT_HOLDER_EXCEPTION"
    assert validity.reasons[0].citation == "IRPR 12.05(1.2)"
    without_permit = eta_validity(
        eta=facts(passport_issuer="MX", citizenships=("MX",), issuer_left_190_1_a_on=date(2024, 2, 29))
    )
    assert without_permit.ground is ExpiryGround.ISSUER_LEFT_190_1_A


def test_romanian_chip_passport_is_not_ended_by_1_d_but_a_chipless_one_is():
    chip = eta_validity(
        eta=facts(passport_issuer="RO", issuer_left_190_1_a_on=date(2025, 1, 1), passport_machine_readable_with_chip=True)
    )
    assert chip.ground is ExpiryGround.FIVE_YEARS
    assert chip.reasons[0].code == "ROMANIA_CHIP_PASSPORT_EXCEPTION"
    chipless = eta_validity(eta=facts(passport_issuer="RO", issuer_left_190_1_a_on=date(2025, 1, 1)))
    assert chipless.ground is ExpiryGround.ISSUER_LEFT_190_1_A


def test_issuer_leaving_7_01_1_ends_the_eta_unless_in_schedule_1_1():
    ended = eta_validity(eta=facts(issuer_left_7_01_1_on=date(2025, 9, 1)))
    assert ended.ground is ExpiryGround.ISSUER_LEFT_7_01_1
    kept = eta_validity(eta=facts(issuer_left_7_01_1_on=date(2025, 9, 1), issuer_in_schedule_1_1=True))
    assert kept.ground is ExpiryGround.FIVE_YEARS
    assert kept.reasons[0].code == "ISSUER_IN_SCHEDULE_1_1"


def test_AS_64_us_permanent_residence_basis_invalid_since_2022_04_26_0800_edt():
    validity = eta_validity(eta=facts(issued_on=date(2021, 5, 1), issued_on_us_permanent_residence=True))
    assert validity.ground is ExpiryGround.US_PERMANENT_RESIDENT_BASIS
    assert validity.valid_until == date(2022, 4, 26)
    assert validity.ends_at == datetime(2022, 4, 26, 8, 0, 0, tzinfo=EDT)
    assert validity.in_force_at(datetime(2022, 4, 26, 7, 59, 59, tzinfo=EDT))
    assert not validity.in_force_at(datetime(2022, 4, 26, 8, 0, 0, tzinfo=EDT))
    assert validity.reasons[-1].citation == "IRPR 12.05(1.1)"
    schedule_citizen = eta_validity(
        eta=facts(issued_on=date(2021, 5, 1), issued_on_us_permanent_residence=True, citizen_of_schedule_1_1_country=True)
    )
    assert schedule_citizen.ground is ExpiryGround.FIVE_YEARS
    assert schedule_citizen.ends_at is None


def test_a_ground_before_issuance_is_flagged():
    validity = eta_validity(eta=facts(passport_expiry=date(2023, 12, 31)))
    assert "ETA_NEVER_VALID" in [r.code for r in validity.reasons]
    assert not validity.in_force_on(date(2024, 1, 10))


@given(
    issued=st.dates(min_value=date(2016, 1, 1), max_value=date(2030, 12, 31)),
    passport_days=st.integers(min_value=0, max_value=4000),
    cancel_days=st.one_of(st.none(), st.integers(min_value=0, max_value=4000)),
    new_days=st.one_of(st.none(), st.integers(min_value=0, max_value=4000)),
)
def test_validity_is_never_longer_than_five_years_nor_past_any_listed_date(issued, passport_days, cancel_days, new_days):
    eta = facts(
        issued_on=issued,
        passport_expiry=issued + timedelta(days=passport_days),
        cancelled_on=None if cancel_days is None else issued + timedelta(days=cancel_days),
        new_eta_same_passport_on=None if new_days is None else issued + timedelta(days=new_days),
    )
    validity = eta_validity(eta=eta)
    assert validity.valid_until <= date(issued.year + 5, issued.month, 28 if (issued.month, issued.day) == (2, 29) else issued.day)
    assert validity.valid_until <= eta.passport_expiry
    for ended in (eta.cancelled_on, eta.new_eta_same_passport_on):
        if ended is not None:
            assert not validity.in_force_on(ended)


def application(**changes) -> EtaApplication:
    base = EtaApplication(
        submitted_electronically=True,
        name="Marie Tremblay",
        date_of_birth=date(1990, 4, 2),
        place_of_birth="Lyon",
        sex="F",
        address="1 rue de Paris, Lyon, France",
        nationality="FR",
        passport_number="19FR12345",
        passport_issue_date=date(2019, 5, 1),
        passport_expiry_date=date(2029, 5, 1),
        passport_issuer="FR",
        email="marie@exemple.fr",
        declaration_made=True,
    )
    return replace(base, **changes)


def test_a_complete_eta_application():
    result = check_eta_application(application=application())
    assert result.complete
    assert [r.code for r in result.reasons] == ["ETA_APPLICATION_COMPLETE"]


def test_AS_62_electronic_eta_application_without_email_is_incomplete():
    result = check_eta_application(application=application(email=None))
    assert not result.complete
    assert [(r.code, r.citation, r.subject) for r in result.reasons] == [
        ("ETA_INFORMATION_MISSING", "IRPR 12.04(4)(h)", "email")
    ]


def test_eta_application_not_made_electronically_is_refused():
    result = check_eta_application(application=application(submitted_electronically=False))
    assert [r.code for r in result.reasons] == ["ETA_NOT_ELECTRONIC"]


def test_each_missing_12_04_4_element_cites_its_paragraph():
    result = check_eta_application(
        application=application(
            place_of_birth=" ",
            passport_issue_date=None,
            declaration_made=False,
            under_7_01_2_b=True,
            representatives=(RepresentativeDetails("rep", RepresentativeRole.PAID_REPRESENTATIVE, "Rep", "addr", "1"),),
        )
    )
    assert [r.citation for r in result.reasons] == [
        "IRPR 12.04(4)(b)",
        "IRPR 12.04(4)(f)",
        "IRPR 12.04(4)(g); IRPR 10(2)(c.1), (c.2)",
        "IRPR 12.04(4)(g); IRPR 10(2)(c.1), (c.2)",
        "IRPR 12.04(4)(h.1)",
        "IRPR 12.04(4)(i)",
    ]


def test_AS_65_work_permit_renewal_by_a_7_01_1_foreign_national_is_an_eta_application():
    result = deemed_eta_application(
        application=PermitApplication.WORK_PERMIT_RENEWAL, under_7_01_1=True, requires_eta_under_7_1_1=False
    )
    assert result.deemed
    assert result.reasons[0].code == "JOINT_ETA_APPLICATION_7_01_1"
    assert result.reasons[0].citation == "IRPR 12.04(5)"
    initial = deemed_eta_application(
        application=PermitApplication.WORK_PERMIT, under_7_01_1=True, requires_eta_under_7_1_1=False
    )
    assert not initial.deemed


@pytest.mark.parametrize("application_kind", [k for k in PermitApplication if k is not PermitApplication.OTHER])
def test_any_permit_application_by_someone_needing_an_eta_under_7_1_1_is_an_eta_application(application_kind):
    result = deemed_eta_application(application=application_kind, under_7_01_1=False, requires_eta_under_7_1_1=True)
    assert result.deemed
    assert result.reasons[0].citation == "IRPR 12.04(6)"


def test_AS_61_trp_issued_after_the_eta_makes_holder_ineligible_and_cancellable():
    result = eta_eligibility(
        issued_on=date(2024, 1, 10),
        events=(EtaEvent(EtaEventKind.TEMPORARY_RESIDENT_PERMIT_ISSUED, date(2024, 8, 1)),),
        under_7_01_1=False,
    )
    assert not result.eligible
    assert result.disqualifying == (EtaEventKind.TEMPORARY_RESIDENT_PERMIT_ISSUED,)
    assert result.officer_may_cancel
    assert [r.code for r in result.reasons] == ["ETA_NO_LONGER_ELIGIBLE", "ETA_MAY_BE_CANCELLED"]
    assert [r.citation for r in result.reasons] == ["IRPR 12.06(b)", "IRPR 12.07"]


def test_events_before_issuance_do_not_count_and_on_the_day_they_do():
    before = eta_eligibility(
        issued_on=date(2024, 1, 10), events=(EtaEvent(EtaEventKind.REPORT_44_1, date(2024, 1, 9)),), under_7_01_1=False
    )
    assert before.eligible and not before.officer_may_cancel
    same_day = eta_eligibility(
        issued_on=date(2024, 1, 10), events=(EtaEvent(EtaEventKind.REPORT_44_1, date(2024, 1, 10)),), under_7_01_1=False
    )
    assert not same_day.eligible


def test_12_06_i_applies_only_to_7_01_1_foreign_nationals():
    event = (EtaEvent(EtaEventKind.CONDITIONS_7_01_2_NOT_MET, date(2024, 5, 1)),)
    assert eta_eligibility(issued_on=date(2024, 1, 10), events=event, under_7_01_1=False).eligible
    assert not eta_eligibility(issued_on=date(2024, 1, 10), events=event, under_7_01_1=True).eligible


def test_an_inadmissible_holder_may_have_the_eta_cancelled():
    result = eta_eligibility(issued_on=date(2024, 1, 10), events=(), under_7_01_1=False, inadmissible=True)
    assert result.eligible and result.officer_may_cancel
    assert [r.code for r in result.reasons] == ["ETA_HOLDER_INADMISSIBLE", "ETA_MAY_BE_CANCELLED"]


@given(kinds=st.lists(st.sampled_from([k for k in EtaEventKind if k is not EtaEventKind.CONDITIONS_7_01_2_NOT_MET]), max_size=4))
def test_any_listed_event_after_issuance_makes_the_holder_ineligible(kinds):
    events = tuple(EtaEvent(kind, date(2025, 1, 1)) for kind in kinds)
    result = eta_eligibility(issued_on=date(2024, 1, 10), events=events, under_7_01_1=False)
    assert result.eligible is (not kinds)
    assert result.officer_may_cancel is bool(kinds)
