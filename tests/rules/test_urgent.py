"""Urgent processing of a PR card application (IMM 5445; PRC-95 to PRC-98)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.reasons import Severity
from portique.rules.urgent import UrgentDocument, UrgentOutcome, UrgentReason, assess_urgent_request

APPLIED = date(2025, 6, 2)
ALL_DOCUMENTS = frozenset(UrgentDocument)


def request(**overrides):
    answers = {
        "application_date": APPLIED,
        "departure_date": APPLIED + timedelta(weeks=6),
        "urgent_reason": UrgentReason.FAMILY_MEMBER_ILLNESS_OR_DEATH,
        "documents_provided": ALL_DOCUMENTS,
    }
    answers.update(overrides)
    return assess_urgent_request(**answers)


def codes(result):
    return [r.code for r in result.reasons]


def test_AS_38_departure_in_6_weeks_for_a_seriously_ill_parent_with_all_documents_is_eligible():
    result = request()
    assert result.outcome is UrgentOutcome.ELIGIBLE
    assert result.latest_departure == date(2025, 9, 2)
    assert result.earliest_card_date == date(2025, 6, 23)
    assert codes(result) == ["ELIGIBLE_FOR_URGENT_PROCESSING"]
    assert "cannot guarantee" in result.reasons[0].en and "garantir" in result.reasons[0].fr


def test_AS_39_departure_in_4_months_is_not_eligible():
    result = request(departure_date=date(2025, 10, 2))
    assert result.outcome is UrgentOutcome.NOT_ELIGIBLE
    finding = next(r for r in result.reasons if r.code == "TRAVEL_NOT_WITHIN_3_MONTHS")
    assert finding.severity is Severity.BLOCKING
    assert "2025-09-02" in finding.en


def test_AS_40_departure_in_10_days_cannot_be_met_apply_for_prtd():
    result = request(departure_date=APPLIED + timedelta(days=10))
    assert result.outcome is UrgentOutcome.TOO_LATE_APPLY_FOR_PRTD
    finding = next(r for r in result.reasons if r.code == "CANNOT_PROCESS_IN_LESS_THAN_3_WEEKS")
    assert "PRTD" in finding.en and "TVRP" in finding.fr


def test_AS_41_without_proof_of_trip_payment_may_not_be_processed_urgently():
    result = request(documents_provided=ALL_DOCUMENTS - {UrgentDocument.PROOF_OF_TRIP_PAYMENT})
    assert result.outcome is UrgentOutcome.DOCUMENTS_MISSING
    finding = next(r for r in result.reasons if r.code == "URGENT_DOCUMENTS_MISSING")
    assert finding.severity is Severity.WARNING
    assert "proof of payment for the trip" in finding.en
    assert "preuve de paiement du voyage" in finding.fr
    assert "proof of travel" not in finding.en


def test_three_months_boundary_is_inclusive():
    assert request(departure_date=date(2025, 9, 2)).outcome is UrgentOutcome.ELIGIBLE
    assert request(departure_date=date(2025, 9, 3)).outcome is UrgentOutcome.NOT_ELIGIBLE


def test_three_weeks_boundary():
    assert request(departure_date=APPLIED + timedelta(days=21)).outcome is UrgentOutcome.ELIGIBLE
    assert (
        request(departure_date=APPLIED + timedelta(days=20)).outcome is UrgentOutcome.TOO_LATE_APPLY_FOR_PRTD
    )
    assert request(departure_date=APPLIED).outcome is UrgentOutcome.TOO_LATE_APPLY_FOR_PRTD


def test_no_listed_reason_or_no_departure_date_is_not_eligible():
    assert "NO_URGENT_REASON" in codes(request(urgent_reason=None))
    assert request(urgent_reason=None).outcome is UrgentOutcome.NOT_ELIGIBLE
    missing = request(departure_date=None)
    assert missing.outcome is UrgentOutcome.NOT_ELIGIBLE and "DEPARTURE_DATE_MISSING" in codes(missing)
    past = request(departure_date=APPLIED - timedelta(days=1))
    assert past.outcome is UrgentOutcome.NOT_ELIGIBLE and "DEPARTURE_BEFORE_APPLICATION" in codes(past)


def test_unmarked_request_and_untranslated_documents_are_warned():
    unmarked = request(marked_urgent=False)
    assert "URGENT_REQUEST_NOT_MARKED" in codes(unmarked)
    untranslated = request(untranslated_documents=True)
    assert untranslated.outcome is UrgentOutcome.DOCUMENTS_MISSING
    assert "URGENT_DOCUMENTS_NEED_TRANSLATION" in codes(untranslated)


def test_document_codes_are_accepted_as_plain_strings():
    result = request(documents_provided=[d.value for d in UrgentDocument])
    assert result.outcome is UrgentOutcome.ELIGIBLE


@given(
    days=st.integers(-10, 200),
    reason=st.one_of(st.none(), st.sampled_from(list(UrgentReason))),
    documents=st.frozensets(st.sampled_from(list(UrgentDocument))),
)
def test_eligible_only_with_a_reason_all_documents_and_a_departure_between_3_weeks_and_3_months(
    days, reason, documents
):
    departure = APPLIED + timedelta(days=days)
    result = request(departure_date=departure, urgent_reason=reason, documents_provided=documents)
    eligible = (
        reason is not None and documents == ALL_DOCUMENTS and 21 <= days and departure <= date(2025, 9, 2)
    )
    assert (result.outcome is UrgentOutcome.ELIGIBLE) == eligible
