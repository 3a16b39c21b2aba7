""""I live here now": the current address of IMM 5444 question 4 has no "To" date; every other address has one."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.forms.validate import validate_section
from portique.rules.programs.imm5444 import ADDRESSES, IMM5444

APPLIED = date(2026, 11, 22)


def address(start: str, end: str = "", *, current: bool = False, street: str = "12 Sparks St") -> dict:
    return {"start": start, "end": end, "current": current, "address": street, "city": "Ottawa", "country": "CA"}


def findings(rows: list[dict]) -> list[tuple[str, str]]:
    found = validate_section(IMM5444, ADDRESSES, {"addresses": rows}, application_date=APPLIED)
    return [(r.code, r.subject) for r in found]


def test_the_address_i_live_at_now_needs_no_end_date():
    rows = [address("2024-03-01", current=True), address("2021-11-01", "2024-02-29", street="4 Elgin St")]
    assert findings(rows) == []


def test_an_older_address_still_needs_its_end_date():
    rows = [address("2024-03-01", current=True), address("2021-11-01", "", street="4 Elgin St")]
    assert findings(rows) == [("FORM_ANSWER_REQUIRED", "addresses.2.end")]


def test_without_the_box_ticked_the_latest_address_needs_its_end_date_as_before():
    assert findings([address("2024-03-01")]) == [("FORM_ANSWER_REQUIRED", "addresses.1.end")]


def test_two_addresses_cannot_both_be_where_i_live_now():
    rows = [address("2024-03-01", current=True), address("2021-11-01", "2024-02-29", current=True)]
    found = validate_section(IMM5444, ADDRESSES, {"addresses": rows}, application_date=APPLIED)
    assert [(r.code, r.subject) for r in found] == [("FORM_SEVERAL_ONGOING", "addresses.2.current")]
    assert "I live here now" in found[0].en and "J’habite ici actuellement" in found[0].fr
    assert found[0].citation


def test_the_current_address_runs_to_the_application_date_when_overlaps_are_checked():
    # An older address that ends after the current one began overlaps it.
    rows = [address("2024-03-01", current=True), address("2021-11-01", "2024-06-30", street="4 Elgin St")]
    assert findings(rows) == [("FORM_PERIODS_OVERLAP", "addresses.1.start")]


def test_a_current_address_cannot_start_after_the_application_date():
    assert findings([address("2026-12-01", current=True)]) == [("FORM_DATE_IN_FUTURE", "addresses.1.start")]


@st.composite
def histories(draw):
    """Addresses one after the other back from the application date, any one of them (or none) marked current."""
    lengths = draw(st.lists(st.integers(min_value=1, max_value=700), min_size=1, max_size=6))
    current = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=len(lengths) - 1)))
    blank_ends = draw(st.sets(st.integers(min_value=0, max_value=len(lengths) - 1)))
    rows, end = [], APPLIED
    for index, length in enumerate(lengths):
        start = end - timedelta(days=length)
        marked = index == current
        written_end = "" if marked or index in blank_ends else end.isoformat()
        rows.append(address(start.isoformat(), written_end, current=marked, street=f"{index} Main St"))
        end = start - timedelta(days=1)
    return rows, current, blank_ends


@given(histories())
def test_only_the_rows_not_marked_current_are_asked_for_their_end_date(history):
    rows, current, blank_ends = history
    missing_end = {
        subject for code, subject in findings(rows) if code == "FORM_ANSWER_REQUIRED" and subject.endswith(".end")
    }
    expected = {f"addresses.{index + 1}.end" for index in blank_ends if index != current}
    assert missing_end == expected
