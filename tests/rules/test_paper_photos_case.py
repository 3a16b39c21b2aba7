"""A paper PR card application's photos, as the envelope holds them (case format 1.7, PRC-63):
the program checks them with photos.check_paper_photos and lists them in details.photos."""

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from portique.rules.case import CaseFile, CaseFormatError, CasePrints, case_from_dict
from portique.rules.evaluate import evaluate

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def _paper_case(**prints):
    case = case_from_dict(json.loads((EXAMPLES / "pr-card-paper-photos.json").read_text()))
    given = {
        "count": 2,
        "identical": True,
        "taken_on": date(2026, 8, 22),
        "in_small_envelope": True,
        "name_on_envelope": True,
        "stapled_or_clipped": False,
    } | prints
    documents = tuple(
        replace(d, prints=CasePrints(**given)) if d.code == "PHOTO" else d for d in case.documents
    )
    return replace(case, documents=documents)


def _codes(evaluation):
    return {r.code for r in evaluation.findings if r.subject == "alex/documents/PHOTO"}


def test_the_worked_example_finds_one_photo_no_name_and_a_staple():
    evaluation = evaluate(case_from_dict(json.loads((EXAMPLES / "pr-card-paper-photos.json").read_text())))
    # Warnings, as the guide says such photos "may be" sent back: the officer weighs them.
    assert evaluation.complete
    assert evaluation.details["photos"] == [
        {
            "code": "PHOTO",
            "person": "alex",
            "on_paper": True,
            "count": 1,
            "compliant": False,
            "reasons": ["PAPER_PHOTOS_NOT_TWO_IDENTICAL", "PAPER_PHOTOS_PACKAGING"],
        }
    ]


def test_two_identical_recent_photos_in_a_named_envelope_meet_the_specifications():
    evaluation = evaluate(_paper_case())
    assert evaluation.complete
    assert _codes(evaluation) == {"PAPER_PHOTOS_MEET_SPECIFICATIONS"}
    assert evaluation.details["photos"][0]["compliant"] is True


@pytest.mark.parametrize(
    ("prints", "code"),
    [
        ({"identical": False}, "PAPER_PHOTOS_NOT_TWO_IDENTICAL"),
        ({"count": 3}, "PAPER_PHOTOS_NOT_TWO_IDENTICAL"),
        ({"taken_on": date(2025, 11, 21)}, "PHOTO_OLDER_THAN_12_MONTHS"),
        ({"in_small_envelope": False}, "PAPER_PHOTOS_PACKAGING"),
        ({"name_on_envelope": False}, "PAPER_PHOTOS_PACKAGING"),
        ({"stapled_or_clipped": True}, "PAPER_PHOTOS_PACKAGING"),
    ],
)
def test_each_specification_missed_is_a_warning_about_the_photo(prints, code):
    evaluation = evaluate(_paper_case(**prints))
    assert code in _codes(evaluation)
    assert evaluation.complete
    assert evaluation.details["photos"][0]["compliant"] is False


def test_the_photo_taken_exactly_twelve_months_before_is_recent_enough():
    assert "PHOTO_OLDER_THAN_12_MONTHS" not in _codes(evaluate(_paper_case(taken_on=date(2025, 11, 22))))


def test_an_empty_envelope_leaves_the_photos_missing_and_the_application_is_returned():
    evaluation = evaluate(_paper_case(count=0))
    assert not evaluation.complete
    assert evaluation.details["documents_missing"] == ["PHOTO"]


def test_on_paper_a_scan_is_not_held_to_the_portal_s_pixel_limits():
    small_scan = CaseFile(content_type="image/png", size_bytes=9_000_000, width_px=300, height_px=400, taken_on=date(2026, 8, 22))
    case = _paper_case()
    case = replace(case, documents=tuple(replace(d, file=small_scan) if d.code == "PHOTO" else d for d in case.documents))
    codes = _codes(evaluate(case))
    assert "PHOTO_RESOLUTION_OUT_OF_RANGE" not in codes
    assert codes == {"PAPER_PHOTOS_MEET_SPECIFICATIONS"}


def test_prints_are_read_whatever_the_channel_says():
    # The portal's own case of a paper application does not carry its channel yet.
    evaluation = evaluate(replace(_paper_case(count=1), channel="online"))
    assert "PAPER_PHOTOS_NOT_TWO_IDENTICAL" in _codes(evaluation)


def test_the_case_format_reads_the_prints_and_names_a_date_that_does_not_exist():
    base = {
        "program": "pr_card",
        "application_date": "2026-11-22",
        "channel": "paper",
        "people": [{"id": "a", "role": "principal_applicant"}],
    }
    prints = {"count": 2, "identical": True, "taken_on": "2026-10-01", "in_small_envelope": True, "name_on_envelope": True}
    case = case_from_dict(base | {"documents": [{"code": "PHOTO", "person": "a", "prints": prints}]})
    assert case.documents[0].prints == CasePrints(2, True, date(2026, 10, 1), True, True, False)
    with pytest.raises(CaseFormatError, match="documents/0/prints/taken_on: this date does not exist"):
        case_from_dict(
            base | {"documents": [{"code": "PHOTO", "person": "a", "prints": prints | {"taken_on": "2026-02-30"}}]}
        )
