"""Where a paper application goes (IRPR 11; IMM 5445 Step 4; IMM 5289 alternative formats)."""

from dataclasses import replace
from datetime import date

from portique.rules import parameters
from portique.rules.online import Kit
from portique.rules.paper_submission import paper_submission

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
