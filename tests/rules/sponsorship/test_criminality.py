from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.reasons import Severity
from portique.rules.sponsorship.criminality import (
    OffenceRecord,
    RehabilitationStatus,
    rehabilitation,
)

from ._helpers import codes, well_formed


def rehab(offence, reference, on, **kwargs):
    result = rehabilitation(offence=offence, reference_date=reference, on=on, **kwargs)
    well_formed(result.reasons)
    return result


def test_AS_120_indictable_under_10_abroad_apply_from_2023_deemed_from_2028():
    offence = OffenceRecord.CONVICTED_ABROAD_INDICTABLE_UNDER_10
    result = rehab(offence, date(2018, 6, 1), date(2025, 1, 1))
    assert result.may_apply_from == date(2023, 6, 1)
    assert result.deemed_rehabilitated_from == date(2028, 6, 1)
    assert result.status is RehabilitationStatus.MAY_APPLY_FOR_REHABILITATION
    assert codes(result) == ["REHABILITATION_DATES", "MAY_APPLY_FOR_REHABILITATION"]
    assert rehab(offence, date(2018, 6, 1), date(2023, 5, 31)).status is RehabilitationStatus.TOO_EARLY
    assert (
        rehab(offence, date(2018, 6, 1), date(2023, 6, 1)).status
        is RehabilitationStatus.MAY_APPLY_FOR_REHABILITATION
    )
    assert (
        rehab(offence, date(2018, 6, 1), date(2028, 5, 31)).status
        is RehabilitationStatus.MAY_APPLY_FOR_REHABILITATION
    )
    assert (
        rehab(offence, date(2018, 6, 1), date(2028, 6, 1)).status is RehabilitationStatus.DEEMED_REHABILITATED
    )


def test_AS_121_indictable_10_or_more_committed_abroad_never_deemed_may_apply_from_2025():
    result = rehab(OffenceRecord.ABROAD_INDICTABLE_10_OR_MORE, date(2020, 2, 1), date(2030, 1, 1))
    assert result.deemed_rehabilitated_from is None
    assert result.may_apply_from == date(2025, 2, 1)
    assert result.status is RehabilitationStatus.MAY_APPLY_FOR_REHABILITATION
    assert "not applicable" in result.reasons[0].en and "sans objet" in result.reasons[0].fr


def test_committed_abroad_not_convicted_counts_from_commission():
    result = rehab(OffenceRecord.COMMITTED_ABROAD_INDICTABLE_UNDER_10, date(2010, 1, 1), date(2020, 1, 1))
    assert result.status is RehabilitationStatus.DEEMED_REHABILITATED
    assert result.may_apply_from == date(2015, 1, 1)


def test_two_summary_abroad_deemed_after_five_years_no_application_route():
    result = rehab(OffenceRecord.TWO_OR_MORE_SUMMARY_ABROAD, date(2019, 1, 15), date(2023, 1, 1))
    assert result.may_apply_from is None and result.deemed_rehabilitated_from == date(2024, 1, 15)
    assert result.status is RehabilitationStatus.TOO_EARLY
    assert result.reasons[-1].severity is Severity.BLOCKING


def test_later_offence_rules_out_deemed_rehabilitation():
    result = rehab(
        OffenceRecord.CONVICTED_ABROAD_INDICTABLE_UNDER_10,
        date(2000, 1, 1),
        date(2025, 1, 1),
        later_offence=True,
    )
    assert result.deemed_rehabilitated_from is None
    assert result.status is RehabilitationStatus.MAY_APPLY_FOR_REHABILITATION
    assert "NO_DEEMED_REHABILITATION_LATER_OFFENCE" in codes(result)


def test_abroad_offence_of_a_person_applying_in_canada_goes_to_an_officer():
    result = rehab(
        OffenceRecord.CONVICTED_ABROAD_INDICTABLE_UNDER_10,
        date(2000, 1, 1),
        date(2025, 1, 1),
        applying_from_within_canada=True,
    )
    assert result.status is RehabilitationStatus.OFFICER_REVIEW
    assert codes(result) == ["ABROAD_OFFENCE_APPLYING_IN_CANADA"]


def test_AS_122_two_summary_convictions_in_canada_no_longer_inadmissible_from_2024_01_15():
    before = rehab(OffenceRecord.TWO_OR_MORE_SUMMARY_IN_CANADA, date(2019, 1, 15), date(2024, 1, 14))
    assert before.status is RehabilitationStatus.RECORD_SUSPENSION_REQUIRED
    assert before.deemed_rehabilitated_from == date(2024, 1, 15)
    assert codes(before) == ["RECORD_SUSPENSION_REQUIRED", "SUMMARY_CONVICTIONS_DATE"]
    after = rehab(OffenceRecord.TWO_OR_MORE_SUMMARY_IN_CANADA, date(2019, 1, 15), date(2024, 1, 15))
    assert after.status is RehabilitationStatus.MAY_NO_LONGER_BE_INADMISSIBLE
    assert not after.record_suspension_required
    assert codes(after) == ["SUMMARY_CONVICTIONS_FIVE_YEARS_PASSED"]
    later = rehab(
        OffenceRecord.TWO_OR_MORE_SUMMARY_IN_CANADA, date(2019, 1, 15), date(2030, 1, 1), later_offence=True
    )
    assert later.status is RehabilitationStatus.RECORD_SUSPENSION_REQUIRED
    assert "SUMMARY_CONVICTIONS_LATER_CONVICTION" in codes(later)


def test_AS_123_indictable_conviction_in_canada_needs_record_suspension_before_forms():
    for offence in (OffenceRecord.OTHER_RECORD_IN_CANADA, OffenceRecord.TWO_OR_MORE_INDICTABLE_IN_CANADA):
        result = rehab(offence, date(2015, 1, 1), date(2025, 1, 1))
        assert result.status is RehabilitationStatus.RECORD_SUSPENSION_REQUIRED
        assert result.record_suspension_required
        assert codes(result) == ["RECORD_SUSPENSION_REQUIRED"]
        assert result.reasons[0].severity is Severity.BLOCKING
        assert "do not complete the forms" in result.reasons[0].en
        assert "ne remplissez pas les formulaires" in result.reasons[0].fr
    done = rehab(
        OffenceRecord.OTHER_RECORD_IN_CANADA, date(2015, 1, 1), date(2025, 1, 1), record_suspended=True
    )
    assert done.status is RehabilitationStatus.RECORD_SUSPENDED and codes(done) == [
        "RECORD_SUSPENDED_SEND_COPY"
    ]


@given(
    offence=st.sampled_from(
        [
            OffenceRecord.CONVICTED_ABROAD_INDICTABLE_UNDER_10,
            OffenceRecord.COMMITTED_ABROAD_INDICTABLE_UNDER_10,
            OffenceRecord.ABROAD_INDICTABLE_10_OR_MORE,
            OffenceRecord.TWO_OR_MORE_SUMMARY_ABROAD,
        ]
    ),
    reference=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)),
    on=st.dates(min_value=date(1990, 1, 1), max_value=date(2050, 1, 1)),
)
def test_property_abroad_dates_follow_table_1_order(offence, reference, on):
    result = rehab(offence, reference, on)
    if result.may_apply_from and result.deemed_rehabilitated_from:
        assert result.may_apply_from < result.deemed_rehabilitated_from
    for found in (result.may_apply_from, result.deemed_rehabilitated_from):
        assert found is None or found > reference
    if result.status is RehabilitationStatus.DEEMED_REHABILITATED:
        assert on >= result.deemed_rehabilitated_from
