"""Where a paper application goes (IRPR 11; IMM 5445 Step 4; IMM 5289 alternative formats)."""

from dataclasses import replace
from datetime import date

from portique.rules import parameters
from portique.rules.online import Kit, PermitPeriod, Stream
from portique.rules.paper_submission import handwritten_signature, paper_application_check, paper_submission

ON = date(2026, 11, 22)


def test_a_paper_pr_card_application_goes_to_sydney_by_mail_or_new_waterford_by_courier():
    where = paper_submission(kit=Kit.PR_CARD, on=ON)
    assert where.address_known
    assert where.mail.lines == (
        "Centre de traitement des demandes – Carte RP",
        "Case postale 10020",
        "Sydney (Nouvelle-Écosse)",
        "B1P 7C1",
        "CANADA",
    )
    assert "3050 Wilson Ave" in where.courier.lines
    assert where.mail.citation.startswith("IRPR 11; IMM 5445")
    assert not where.courier_required
    assert [r.code for r in where.reasons] == ["PAPER_ADDRESS_SPECIFIED", "PAPER_TRACKING_RECOMMENDED"]


def test_the_sponsorship_address_is_not_in_the_sources_and_a_courier_is_required():
    where = paper_submission(kit=Kit.SPONSORSHIP, on=ON)
    assert not where.address_known
    assert where.mail is None and where.courier is None
    assert where.courier_required
    assert [r.code for r in where.reasons] == [
        "PAPER_ADDRESS_GIVEN_IN_COVERING_LETTER",
        "PAPER_BY_COURIER_WITH_TRACKING",
    ]
    assert "Postes Canada" in where.reasons[1].fr


def test_the_courier_requirement_is_dated_data(monkeypatch):
    name = "paper_submission.courier_required"
    current = parameters.parameter(name)
    ended = replace(current, starts=(*current.starts, date(2027, 1, 1)), values=(*current.values, []))
    monkeypatch.setitem(parameters.all_parameters(), name, ended)
    assert paper_submission(kit=Kit.SPONSORSHIP, on=date(2026, 12, 31)).courier_required
    assert not paper_submission(kit=Kit.SPONSORSHIP, on=date(2027, 1, 1)).courier_required


# --- A paper application received: is it relying on a valid exemption? ---------------------------


def test_a_paper_pr_card_application_needs_no_exemption():
    check = paper_application_check(stream=Stream.PR_CARD, received_on=ON)
    assert not check.flagged


def test_a_paper_sponsorship_without_an_accommodation_is_flagged_with_the_rule():
    check = paper_application_check(stream=Stream.SPONSORSHIP, received_on=ON)
    assert check.flagged
    flag = check.reasons[0]
    assert flag.code == "PAPER_APPLICATION_WITHOUT_EXEMPTION"
    assert flag.citation.startswith("IMM 5289")
    assert "EX-30" in flag.rule
    assert not paper_application_check(
        stream=Stream.SPONSORSHIP, received_on=ON, accommodation_kit_requested=True
    ).flagged
    # Before online became mandatory, paper needed no exemption.
    assert not paper_application_check(stream=Stream.SPONSORSHIP, received_on=date(2022, 9, 22)).flagged


def test_a_temporary_resident_paper_application_is_flagged_unless_an_exemption_applies():
    tr = Stream.TEMPORARY_RESIDENT_IN_CANADA
    flagged = paper_application_check(stream=tr, received_on=ON)
    assert flagged.flagged and flagged.reasons[0].citation == "IRPR 9.2"
    assert "IRPR 9.2" in flagged.reasons[0].en
    assert not paper_application_check(stream=tr, received_on=ON, disability=True).flagged
    assert not paper_application_check(stream=tr, received_on=ON, system_restriction="C21").flagged
    assert not paper_application_check(
        stream=tr, received_on=ON, applying_for_trp_with_work_permit=True
    ).flagged
    short_trp = PermitPeriod(date(2026, 9, 1), date(2027, 1, 1))
    assert paper_application_check(
        stream=tr, received_on=ON, system_restriction="H82", temporary_resident_permit=short_trp
    ).flagged


def test_an_eta_on_paper_is_flagged_even_with_a_disability():
    check = paper_application_check(
        stream=Stream.ELECTRONIC_TRAVEL_AUTHORIZATION, received_on=ON, disability=True
    )
    assert check.flagged
    assert check.reasons[0].citation == "IRPR 12.04(1)"


# --- The handwritten signature of a paper application (IRPR 10(1)(b)) -------------------------


def test_a_paper_application_whose_signature_the_officer_recorded_is_signed():
    assert (
        handwritten_signature(
            principal_applicant_birth_date=date(1988, 4, 2), on=date(2026, 11, 22), recorded=True
        )
        == ()
    )


def test_an_adult_applicant_s_missing_handwritten_signature_is_a_missing_signature():
    (found,) = handwritten_signature(
        principal_applicant_birth_date=date(1988, 4, 2), on=date(2026, 11, 22), recorded=False
    )
    assert found.code == "SIGNATURE_MISSING"
    assert found.citation.startswith("IRPR 10(1)(b)")
    assert "handwritten signature of the applicant" in found.en
    assert "ne portent pas la signature manuscrite du demandeur" in found.fr


def test_an_applicant_under_18_on_the_date_received_needs_a_parent_s_or_guardian_s_signature():
    (found,) = handwritten_signature(
        principal_applicant_birth_date=date(2009, 11, 23), on=date(2026, 11, 22), recorded=False
    )
    assert "a parent or legal guardian of the applicant (under 18)" in found.en
    assert "de l’un des parents ou du tuteur légal du demandeur" in found.fr
