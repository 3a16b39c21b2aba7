"""The seed-000 table « Restrictions du système – Détails des dispenses », row by row, read as data.

Each case reads as the table does: "a Quebec physician (C10) in Canada may apply on paper".
"""

from dataclasses import replace
from datetime import date

import pytest

from portique.rules import parameters
from portique.rules.online import (
    Exemption,
    OtherMeans,
    PermitPeriod,
    Requirement,
    Stream,
    SystemRestriction,
    online_requirement,
    system_restriction_table,
)
from portique.rules.reasons import Severity

ON = date(2025, 6, 2)
TR = Stream.TEMPORARY_RESIDENT_IN_CANADA
TABLE = "online_exemptions.system_restrictions"


def codes(result) -> list[str]:
    return [r.code for r in result.reasons]


# Row id → (table label used in the citation, digest rule, words of the English row, words of the French row).
SEED_000_ROWS = {
    "A75": ("A75", "EX-10", "bridging open work permit", "permis de travail ouvert transitoire"),
    "C10": ("C10", "EX-11", "Quebec physician", "médecin québécois"),
    "C21": ("C21", "EX-12", "International Experience Canada", "Expérience internationale Canada"),
    "C43": ("C43", "EX-13", "post-graduation work permit", "permis de travail postdiplôme"),
    "H81": ("H81", "EX-14", "destitute student", "étudiant démuni"),
    "H82": ("H82", "EX-15", "temporary resident permit of at least 6 months", "d’au moins 6 mois"),
    "seafood_processing_worker": ("« EIMT exigée »", "EX-16", "seafood processing", "produits de la mer"),
    "urgent_work_permit_process": (
        "« EIMT requise et dispense d'EIMT »",
        "EX-17",
        "urgent work permit",
        "demandes urgentes",
    ),
    "S61": ("S61", "EX-18", "asylum claimant", "demandeur d’asile"),
    "S62_unenforceable_removal_order": (
        "S62",
        "EX-19",
        "removal order that cannot be enforced",
        "ne pouvant être exécutée",
    ),
    "S62_failed_claimant_awaiting_removal": (
        "S62",
        "EX-20",
        "failed refugee claimant",
        "demandeur d’asile débouté",
    ),
    "visitor_family_initial_study_permit": (
        "Visiteurs",
        "EX-21",
        "initial study permit",
        "permis d’études initial",
    ),
    "visitor_family_of_low_skilled_worker": ("Visiteurs", "EX-22", "low-skilled", "peu qualifié"),
    "visitor_stateless_or_refugee_travel_document": ("Visiteurs", "EX-23", "stateless", "apatrides"),
}

EIGHT_MONTH_TRP = PermitPeriod(date(2025, 1, 1), date(2025, 9, 1))


def test_the_data_holds_every_row_of_the_seed_table_in_its_order():
    assert [row.id for row in system_restriction_table(ON)] == list(SEED_000_ROWS)
    assert {row.id for row in system_restriction_table(ON)} == {member.value for member in SystemRestriction}


@pytest.mark.parametrize("row_id", list(SEED_000_ROWS))
def test_each_row_exempts_with_its_own_words_rule_and_citation(row_id):
    category, rule, english, french = SEED_000_ROWS[row_id]
    trp = EIGHT_MONTH_TRP if row_id == "H82" else None
    result = online_requirement(
        stream=TR, on=ON, system_restriction=SystemRestriction(row_id), temporary_resident_permit=trp
    )
    assert result.requirement is Requirement.OTHER_MEANS_ALLOWED
    assert result.exemptions == (Exemption.SYSTEM_RESTRICTION,)
    assert result.system_restriction is SystemRestriction(row_id)
    assert result.other_means == (OtherMeans.PAPER,)  # seed 000: paper is the other means now
    assert result.electronic_allowed  # EX-24
    exemption = result.reasons[0]
    assert exemption.code == "SYSTEM_RESTRICTION_EXEMPTION"
    assert exemption.rule == f"{rule}, EX-08"
    assert (
        exemption.citation
        == f"IRPR 9.2; IRCC program delivery instructions — Restrictions du système, {category}"
    )
    assert english in exemption.en
    assert french in exemption.fr
    assert codes(result)[-1] == "EXEMPTION_PERMITS_ONLINE_STILL_POSSIBLE"


def test_a_plain_string_id_works_like_the_enum_member():
    by_name = online_requirement(stream=TR, on=ON, system_restriction="H81")
    assert by_name.system_restriction is SystemRestriction.H81_DESTITUTE_STUDENT
    assert by_name.requirement is Requirement.OTHER_MEANS_ALLOWED


@pytest.mark.parametrize("row_id", [r for r in SEED_000_ROWS if not r.startswith(("S62", "urgent"))])
def test_rows_without_notes_add_nothing_but_the_exemption(row_id):
    trp = EIGHT_MONTH_TRP if row_id == "H82" else None
    result = online_requirement(stream=TR, on=ON, system_restriction=row_id, temporary_resident_permit=trp)
    expected = ["SYSTEM_RESTRICTION_EXEMPTION", "EXEMPTION_PERMITS_ONLINE_STILL_POSSIBLE"]
    if row_id == "H82":  # the permit holder's note (EX-15) comes with any valid TRP
        expected.insert(1, "TRP_HOLDER_MAY_APPLY_ONLINE_FOR_WORK_PERMIT")
    assert codes(result) == expected
    assert not result.online_recommended


def test_H82_without_any_permit_is_no_exemption():
    result = online_requirement(
        stream=TR, on=ON, system_restriction=SystemRestriction.H82_TEMPORARY_RESIDENT_PERMIT_HOLDER
    )
    assert result.requirement is Requirement.ELECTRONIC_ONLY
    assert codes(result) == ["H82_CONDITIONS_NOT_MET", "ONLINE_APPLICATION_REQUIRED"]
    assert "at least 6 months" in result.reasons[0].en and "au moins 6 mois" in result.reasons[0].fr


def test_H82_permit_that_starts_after_the_application_date_is_not_valid_yet():
    later = PermitPeriod(date(2025, 7, 1), date(2026, 7, 1))
    result = online_requirement(stream=TR, on=ON, system_restriction="H82", temporary_resident_permit=later)
    assert result.requirement is Requirement.ELECTRONIC_ONLY
    assert "TRP_HOLDER_MAY_APPLY_ONLINE_FOR_WORK_PERMIT" not in codes(result)


def test_H82_trp_and_work_permit_together_go_on_paper_even_for_a_paid_representative_with_portal_access():
    result = online_requirement(
        stream=TR, on=ON, applying_for_trp_with_work_permit=True, paid_representative_with_portal_access=True
    )
    assert result.requirement is Requirement.PAPER_REQUIRED
    assert result.system_restriction is SystemRestriction.H82_TEMPORARY_RESIDENT_PERMIT_HOLDER
    assert result.joint_paper_forms == ("IMM 5708", "IMM 5710")
    assert result.reasons[0].citation.endswith(", H82")
    assert "IMM 5708 et IMM 5710" in result.reasons[0].fr


def test_S61_note_names_the_paper_form_choice_and_schedule_12_ends_it():
    allowed = online_requirement(
        stream=TR, on=ON, system_restriction="S61", work_permit_requested_in_schedule_12=False
    )
    assert allowed.requirement is Requirement.OTHER_MEANS_ALLOWED
    done = online_requirement(
        stream=TR, on=ON, system_restriction="S61", work_permit_requested_in_schedule_12=True
    )
    assert done.requirement is Requirement.ELECTRONIC_ONLY
    assert done.reasons[0].citation.endswith(", S61")
    assert done.reasons[0].rule == "EX-18"


def test_schedule_12_matters_only_for_S61():
    result = online_requirement(
        stream=TR, on=ON, system_restriction="C43", work_permit_requested_in_schedule_12=True
    )
    assert result.requirement is Requirement.OTHER_MEANS_ALLOWED


def test_S62_recommendation_is_withdrawn_when_the_paid_representative_must_use_the_portal():
    result = online_requirement(
        stream=TR,
        on=ON,
        system_restriction="S62_unenforceable_removal_order",
        paid_representative_with_portal_access=True,
    )
    assert result.requirement is Requirement.ELECTRONIC_ONLY
    assert not result.online_recommended
    assert "PAID_REPRESENTATIVE_MUST_SUBMIT_ONLINE" in codes(result)


def test_urgent_process_warning_says_the_call_handling_document_decides():
    result = online_requirement(stream=TR, on=ON, system_restriction="urgent_work_permit_process")
    warning = next(r for r in result.reasons if r.code == "URGENT_PROCESS_PER_CALL_HANDLING_DOCUMENT")
    assert warning.severity is Severity.WARNING
    assert warning.rule == "EX-17"


@pytest.mark.parametrize("row_id", list(SEED_000_ROWS))
def test_paid_representative_unable_to_use_the_portal_may_use_paper_for_every_row(row_id):
    trp = EIGHT_MONTH_TRP if row_id == "H82" else None
    result = online_requirement(
        stream=TR,
        on=ON,
        system_restriction=row_id,
        temporary_resident_permit=trp,
        paid_representative_with_portal_access=True,
        representative_unable_to_use_portal=True,
    )
    assert result.requirement is Requirement.OTHER_MEANS_ALLOWED
    assert "PAID_REPRESENTATIVE_UNABLE_MAY_USE_PAPER" in codes(result)


def test_a_situation_not_in_the_table_is_no_exemption():
    result = online_requirement(stream=TR, on=ON, system_restriction="Z99")
    assert result.requirement is Requirement.ELECTRONIC_ONLY
    assert codes(result) == ["SYSTEM_RESTRICTION_NOT_IN_TABLE", "ONLINE_APPLICATION_REQUIRED"]
    assert "Z99" in result.reasons[0].en and "Z99" in result.reasons[0].fr


def _with_table(monkeypatch, changes: dict):
    """Add a dated version of the table (2026-01-01) to the loaded parameters, as the department would."""
    current = parameters.parameter(TABLE)
    new_rows = changes.get("rows", current.at(ON))
    dated = replace(current, starts=(*current.starts, date(2026, 1, 1)), values=(*current.values, new_rows))
    monkeypatch.setitem(parameters.all_parameters(), TABLE, dated)


def test_a_row_removed_from_the_table_stops_exempting_from_its_date(monkeypatch):
    rows = [row for row in parameters.parameter(TABLE).at(ON) if row["id"] != "C10"]
    _with_table(monkeypatch, {"rows": rows})
    before = online_requirement(stream=TR, on=date(2025, 12, 31), system_restriction="C10")
    after = online_requirement(stream=TR, on=date(2026, 1, 1), system_restriction="C10")
    assert before.requirement is Requirement.OTHER_MEANS_ALLOWED
    assert after.requirement is Requirement.ELECTRONIC_ONLY
    assert codes(after)[0] == "SYSTEM_RESTRICTION_NOT_IN_TABLE"


def test_the_H82_minimum_comes_from_the_data(monkeypatch):
    rows = [dict(row) for row in parameters.parameter(TABLE).at(ON)]
    h82 = next(row for row in rows if row["id"] == "H82")
    h82["conditions"] = {"temporary_resident_permit_minimum_months": 9}
    _with_table(monkeypatch, {"rows": rows})
    on = date(2026, 3, 2)
    eight = PermitPeriod(date(2026, 1, 1), date(2026, 9, 1))
    result = online_requirement(stream=TR, on=on, system_restriction="H82", temporary_resident_permit=eight)
    assert result.requirement is Requirement.ELECTRONIC_ONLY
    assert "at least 9 months" in result.reasons[0].en
    nine = PermitPeriod(date(2026, 1, 1), date(2026, 10, 1))
    assert online_requirement(
        stream=TR, on=on, system_restriction="H82", temporary_resident_permit=nine
    ).requirement is (Requirement.OTHER_MEANS_ALLOWED)


def test_a_row_added_in_the_data_exempts_without_a_code_change(monkeypatch):
    rows = [
        *parameters.parameter(TABLE).at(ON),
        {
            "id": "X01",
            "category": "X01",
            "rule": "EX-99",
            "en": "X01: a new program",
            "fr": "X01 : un nouveau programme",
        },
    ]
    _with_table(monkeypatch, {"rows": rows})
    result = online_requirement(stream=TR, on=date(2026, 2, 1), system_restriction="X01")
    assert result.requirement is Requirement.OTHER_MEANS_ALLOWED
    assert result.system_restriction == "X01"
    assert result.reasons[0].citation.endswith(", X01")


def test_an_unknown_condition_in_the_data_is_refused_not_ignored(monkeypatch):
    rows = [*parameters.parameter(TABLE).at(ON)]
    rows[0] = {
        **rows[0],
        "conditions": {"hold_a_valid_passport": True},
        "not_met": {"code": "X", "en": "x", "fr": "x"},
    }
    _with_table(monkeypatch, {"rows": rows})
    with pytest.raises(ValueError, match="hold_a_valid_passport"):
        online_requirement(stream=TR, on=date(2026, 2, 1), system_restriction="A75")


def test_other_means_for_temporary_residents_come_from_the_data(monkeypatch):
    current = parameters.parameter("online_exemptions.other_means_in_canada")
    dated = replace(
        current,
        starts=(*current.starts, date(2026, 1, 1)),
        values=(*current.values, ["paper", "large_print"]),
    )
    monkeypatch.setitem(parameters.all_parameters(), "online_exemptions.other_means_in_canada", dated)
    assert online_requirement(stream=TR, on=ON, disability=True).other_means == (OtherMeans.PAPER,)
    later = online_requirement(stream=TR, on=date(2026, 1, 1), disability=True)
    assert later.other_means == (OtherMeans.PAPER, OtherMeans.LARGE_PRINT)


def test_disability_and_a_table_row_together_keep_both_grounds():
    result = online_requirement(stream=TR, on=ON, disability=True, system_restriction="C10")
    assert result.exemptions == (Exemption.DISABILITY, Exemption.SYSTEM_RESTRICTION)
    assert result.officer_must_accept_complete_paper


def test_disability_with_a_paid_representative_who_must_use_the_portal_is_still_exempt():
    result = online_requirement(
        stream=TR,
        on=ON,
        disability=True,
        system_restriction="C10",
        paid_representative_with_portal_access=True,
    )
    assert result.requirement is Requirement.OTHER_MEANS_ALLOWED
    assert result.exemptions == (Exemption.DISABILITY,)
    assert "PAID_REPRESENTATIVE_MUST_SUBMIT_ONLINE" in codes(result)
