"""The eTA as a program, read as cases: what the rules decide at submission, what they refer
to an officer, and how long the eTA is valid (IRPR 12.04–12.07)."""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.case import case_from_dict
from portique.rules.dates import add_years
from portique.rules.evaluate import evaluate
from portique.rules.programs import registry

EXAMPLE = json.loads((Path(__file__).resolve().parents[2] / "docs/examples/eta-application.json").read_text())


def case(facts=None, **sections):
    data = copy.deepcopy(EXAMPLE)
    answers = data["people"][0]["answers"]["ETA"]
    for section, values in sections.items():
        answers[section] = {**answers[section], **values}
    if facts is not None:
        data["facts"] = {"ETA_FACTS": facts}
    return evaluate(case_from_dict(data))


def codes(result) -> set[str]:
    return {r.code for r in result.form_findings + result.findings}


def test_the_example_is_issued_by_the_rules_until_the_passport_expires():
    result = case()
    assert result.complete
    assert result.details["eta"]["assessment"] == "issue"
    # Applied for on 2026-11-02; five years would be 2031-11-02, the passport expires first.
    assert result.details["eta"]["validity"]["valid_until"] == "2029-05-31"
    assert result.details["fees"]["total"] == "7.00"


def test_a_us_visa_basis_is_referred_to_an_officer():
    result = case(background={"us_visa": "yes", "us_visa_number": "A1234567"})
    assert result.complete
    assert result.details["eta"]["assessment"] == "refer"
    assert result.details["eta"]["referral"] == ["ETA_US_VISA_TO_VERIFY"]


def test_a_us_visa_basis_without_its_number_is_incomplete():
    result = case(background={"us_visa": "yes"})
    assert not result.complete
    assert result.details["eta"]["assessment"] == "incomplete"


def test_a_history_only_an_officer_can_weigh_is_referred():
    result = case(background={"past_events": "yes"})
    assert result.details["eta"]["assessment"] == "refer"
    assert "ETA_HISTORY_TO_REVIEW" in codes(result)


def test_an_expired_passport_leaves_nothing_to_issue():
    result = case(passport={"expiry": "2026-11-01"})
    assert not result.complete
    assert "ETA_PASSPORT_EXPIRED" in {r.code for r in result.blocking}


def test_a_passport_expiring_the_day_after_shortens_the_eta_and_is_not_an_error():
    result = case(passport={"expiry": "2026-11-03"})
    assert result.complete
    assert result.details["eta"]["validity"]["last_valid_day"] == "2026-11-03"


def test_a_romanian_chip_passport_keeps_the_eta_when_romania_leaves_190_1_a():
    facts = {"issued": {"issued_on": "2026-11-02"}, "later": {"issuer_left_190_1_a_on": "2027-01-15"}}
    chip = case(facts, passport={"country": "RO", "chip": "yes"}, personal={"citizenship": "RO"})
    no_chip = case(facts, passport={"country": "RO", "chip": "no"}, personal={"citizenship": "RO"})
    assert "ROMANIA_CHIP_PASSPORT_EXCEPTION" in codes(chip)
    assert chip.details["eta"]["validity"]["ground"] == "passport_expiry"
    assert no_chip.details["eta"]["validity"]["valid_until"] == "2027-01-15"


def test_leaving_7_01_1_does_not_end_it_for_a_schedule_1_1_country():
    later = {"issuer_left_7_01_1_on": "2027-06-01"}
    listed = case(
        {"issued": {"issued_on": "2026-11-02"}, "later": {**later, "issuer_in_schedule_1_1": "yes"}}
    )
    unlisted = case({"issued": {"issued_on": "2026-11-02"}, "later": later})
    assert listed.details["eta"]["validity"]["ground"] == "passport_expiry"
    assert unlisted.details["eta"]["validity"]["ground"] == "issuer_left_7_01_1"


def test_an_event_before_issuance_does_not_make_the_holder_ineligible():
    result = case(
        {"issued": {"issued_on": "2026-11-02"}, "events": [{"kind": "removal_order", "day": "2026-10-01"}]}
    )
    assert result.details["eta"]["eligibility"]["eligible"] is True
    assert result.details["eta"]["eligibility"]["officer_may_cancel"] is False


DAYS = st.dates(min_value=date(2016, 1, 1), max_value=date(2040, 12, 31))


@given(
    issued=DAYS,
    passport_days=st.integers(min_value=1, max_value=4000),
    cancelled_days=st.none() | st.integers(min_value=0, max_value=2500),
    new_days=st.none() | st.integers(min_value=0, max_value=2500),
)
def test_the_eta_ends_on_the_earliest_end_and_never_after_five_years(
    issued, passport_days, cancelled_days, new_days
):
    expiry = issued + timedelta(days=passport_days)
    later = {}
    if cancelled_days is not None:
        later["cancelled_on"] = (issued + timedelta(days=cancelled_days)).isoformat()
    if new_days is not None:
        later["new_eta_same_passport_on"] = (issued + timedelta(days=new_days)).isoformat()
    result = case(
        {"issued": {"issued_on": issued.isoformat()}, "later": later}, passport={"expiry": expiry.isoformat()}
    )
    validity = result.details["eta"]["validity"]
    last = date.fromisoformat(validity["last_valid_day"])
    five_years = add_years(issued, 5)
    # A passport, a five-year period: valid through the day; a cancellation or a new eTA: ends that day.
    candidates = [five_years, expiry]
    candidates += [date.fromisoformat(d) - timedelta(days=1) for d in later.values()]
    assert last == min(candidates)
    assert last <= five_years
    # The passport shortens the eTA without any blocking finding of its own.
    assert "ETA_PASSPORT_EXPIRED" not in codes(result)


def test_the_program_is_an_electronic_authorization_decided_by_the_rules():
    definition = registry.program("eta")
    assert definition.delivers_an_authorization and definition.assessed_by_the_rules
    assert not definition.delivers_a_card


def _extension(kind: str, need: str):
    data = json.loads(
        (Path(__file__).resolve().parents[2] / "docs/examples/stay-extension-study-permit.json").read_text()
    )
    form = data["people"][0]["answers"]["STAY_EXTENSION"]
    form["request"]["kind"] = kind
    form["status"]["eta"] = need
    return evaluate(case_from_dict(data))


def test_a_permit_application_by_someone_who_needs_an_eta_is_also_an_eta_application():
    # 12.04(6): anyone who must hold an eTA, a first permit or a renewal.
    assert _extension("initial_study_permit", "required").details["eta_application"]["deemed"] is True
    # 12.04(5): a 7.01(1) foreign national, renewals only.
    assert _extension("study_permit_extension", "conditional").details["eta_application"]["deemed"] is True
    assert _extension("work_permit", "conditional").details["eta_application"]["deemed"] is False
    assert _extension("work_permit_extension", "no").details["eta_application"]["deemed"] is False
    # A visitor record is neither a work nor a study permit.
    assert _extension("visitor_record", "required").details["eta_application"]["deemed"] is False
