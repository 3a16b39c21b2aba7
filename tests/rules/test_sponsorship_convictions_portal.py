"""A sponsored person's offences as the portal asks them (IMM 5669 ``history.convictions``, case
format 1.7): the offence, where and when, how Canada would prosecute it, the conviction, the
sentence and the day it was completed — placed in Table 1 so deemed rehabilitation runs."""

import copy
import json
from pathlib import Path

import pytest

from portique.rules.case import case_from_dict
from portique.rules.evaluate import evaluate
from portique.rules.programs.sponsorship_convictions import place_in_table_1
from portique.rules.sponsorship.criminality import OffenceRecord

EXAMPLE = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "examples" / "spouse-sponsorship-convictions.json").read_text()
)


def row(**changes):
    return {
        "offence": "Theft",
        "country": "NG",
        "committed_on": "2017-05-10",
        "seriousness": "indictable_under_10",
        "convicted": True,
        "sentence": "18 months in prison",
        "sentence_completed_on": "2019-09-30",
    } | changes


def with_rows(*rows):
    data = copy.deepcopy(EXAMPLE)
    pa = next(p for p in data["people"] if p["id"] == "pa")
    del pa["answers"]["CRIMINALITY"]
    pa["answers"]["IMM5669"]["history"]["convictions"] = list(rows)
    return evaluate(case_from_dict(data))


def test_the_portal_s_answers_give_the_same_dates_as_the_table_1_row_of_the_example():
    evaluation = with_rows(row())
    assert evaluation.details["criminality"] == [
        {
            "person": "pa",
            "rows": [1],
            "record": "convicted_abroad_indictable_under_10",
            "reference_date": "2019-09-30",
            "status": "may_apply_for_rehabilitation",
            "deemed_rehabilitated_from": "2029-09-30",
            "may_apply_from": "2024-09-30",
            "record_suspension_required": False,
        }
    ]
    assert any(
        r.code == "MAY_APPLY_FOR_REHABILITATION" and r.subject == "pa/IMM5669/convictions/1" for r in evaluation.findings
    )
    assert not [r for r in evaluation.form_findings if "IMM5669" in (r.subject or "")]


def test_no_offence_is_an_answer_and_nothing_is_computed():
    evaluation = with_rows()
    assert evaluation.details["criminality"] == []
    assert not [r for r in evaluation.form_findings if "IMM5669" in (r.subject or "")]


def test_an_unanswered_table_is_a_question_left_unanswered():
    data = copy.deepcopy(EXAMPLE)
    pa = next(p for p in data["people"] if p["id"] == "pa")
    del pa["answers"]["IMM5669"]["history"]["convictions"]
    evaluation = evaluate(case_from_dict(data))
    assert any(r.code == "FORM_SECTION_EMPTY" and "IMM5669" in r.subject for r in evaluation.form_findings)
    assert not evaluation.complete


def test_a_sentence_completed_before_the_offence_is_refused_by_the_form():
    evaluation = with_rows(row(sentence_completed_on="2016-01-01"))
    assert any(r.code == "FORM_PERIOD_ENDS_BEFORE_START" for r in evaluation.form_findings)


def test_an_offence_committed_abroad_without_conviction_counts_from_the_day_it_was_committed():
    evaluation = with_rows(row(convicted=False, sentence=None, sentence_completed_on=None))
    (entry,) = evaluation.details["criminality"]
    assert (entry["record"], entry["reference_date"], entry["deemed_rehabilitated_from"]) == (
        "committed_abroad_indictable_under_10",
        "2017-05-10",
        "2027-05-10",
    )


def test_a_later_offence_rules_out_deemed_rehabilitation():
    evaluation = with_rows(
        row(committed_on="2005-01-10", sentence_completed_on="2006-01-10"),
        row(committed_on="2017-05-10", seriousness="indictable_10_or_more"),
    )
    first = next(e for e in evaluation.details["criminality"] if e["rows"] == [1])
    assert first["deemed_rehabilitated_from"] is None


@pytest.mark.parametrize(
    ("rows", "record", "reference"),
    [
        (
            [row(seriousness="summary"), row(seriousness="summary", committed_on="2018-02-01", sentence_completed_on="2018-06-30")],
            OffenceRecord.TWO_OR_MORE_SUMMARY_ABROAD,
            "2019-09-30",
        ),
        (
            [row(country="CA", seriousness="summary"), row(country="CA", seriousness="summary", committed_on="2016-01-01", sentence_completed_on="2016-03-01")],
            OffenceRecord.TWO_OR_MORE_SUMMARY_IN_CANADA,
            "2019-09-30",
        ),
        (
            [row(country="CA"), row(country="CA", seriousness="indictable_10_or_more", committed_on="2016-01-01", sentence_completed_on="2016-03-01")],
            OffenceRecord.TWO_OR_MORE_INDICTABLE_IN_CANADA,
            "2019-09-30",
        ),
        ([row(country="CA")], OffenceRecord.OTHER_RECORD_IN_CANADA, "2019-09-30"),
        ([row(seriousness="indictable_10_or_more")], OffenceRecord.ABROAD_INDICTABLE_10_OR_MORE, "2019-09-30"),
    ],
)
def test_several_convictions_of_one_kind_are_one_row_of_table_1_from_the_last_sentence(rows, record, reference):
    (placed,), notes = place_in_table_1("pa", rows)
    assert placed.record is record
    assert placed.reference_date.isoformat() == reference
    assert notes == []


def test_what_table_1_does_not_list_or_the_person_does_not_know_goes_to_an_officer():
    placed, notes = place_in_table_1(
        "pa",
        [
            row(seriousness="summary"),  # one summary conviction abroad
            row(country="CA", convicted=False, sentence_completed_on=None),
            row(seriousness="not_known"),
        ],
    )
    assert placed == []
    assert sorted((r.code, r.severity.value, r.subject) for r in notes) == [
        ("CONVICTION_NOT_IN_TABLE_1", "info", "pa/IMM5669/convictions/1"),
        ("CONVICTION_NOT_IN_TABLE_1", "info", "pa/IMM5669/convictions/2"),
        ("CONVICTION_SERIOUSNESS_UNKNOWN", "warning", "pa/IMM5669/convictions/3"),
    ]
    assert all(r.fr for r in notes)


def test_a_suspended_record_in_canada_is_read():
    (placed,), _notes = place_in_table_1("pa", [row(country="CA", record_suspended=True)])
    assert placed.record_suspended is True
