from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.reasons import has_blocking
from portique.rules.sponsorship.completeness import checklist_completeness

from ._helpers import codes, well_formed


def test_AS_118_missing_checklist_document_without_explanation_is_returned_unprocessed_not_queued():
    result = checklist_completeness(missing_items=("birth_certificate:pa",), received_on=date(2025, 4, 1))
    well_formed(result.reasons)
    assert result.returned and not result.complete
    assert result.queued_on is None
    assert codes(result) == ["CHECKLIST_ITEM_MISSING", "PACKAGE_RETURNED_NOT_QUEUED"]
    assert result.reasons[0].subject == "birth_certificate:pa"
    assert has_blocking(result.reasons)


def test_AS_118_resubmission_is_processed_by_the_date_of_second_receipt():
    result = checklist_completeness(
        missing_items=(), received_on=date(2025, 6, 10), previously_returned_on=date(2025, 4, 20)
    )
    well_formed(result.reasons)
    assert result.complete and not result.returned
    assert result.queued_on == date(2025, 6, 10)
    assert codes(result) == ["RESUBMISSION_QUEUED_BY_SECOND_RECEIPT", "PACKAGE_ACCEPTED_FOR_PROCESSING"]


def test_an_explained_missing_item_is_not_returned_but_goes_to_the_officer():
    result = checklist_completeness(
        missing_items=("police_certificate:XX",),
        explained_items=frozenset({"police_certificate:XX"}),
        received_on=date(2025, 4, 1),
    )
    assert result.complete and result.queued_on == date(2025, 4, 1)
    assert result.officer_review == ("police_certificate:XX",)
    assert codes(result) == ["ITEM_EXPLAINED", "PACKAGE_ACCEPTED_FOR_PROCESSING"]


@given(
    missing=st.lists(st.sampled_from("abcdef"), unique=True, max_size=6),
    explained=st.frozensets(st.sampled_from("abcdef")),
)
def test_property_returned_iff_some_missing_item_is_unexplained(missing, explained):
    result = checklist_completeness(
        missing_items=tuple(missing), explained_items=explained, received_on=date(2025, 1, 1)
    )
    assert result.returned == any(item not in explained for item in missing)
    assert (result.queued_on is None) == result.returned
