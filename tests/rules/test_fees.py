"""Fees, payment and refunds (IMM 5445 Step 3, IMM 5289 Step 4, IRPR 10(1)(d) and 12)."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portique.rules.biometrics import ApplicationKind, PrCardBiometricsHistory, biometrics_requirement
from portique.rules.dates import add_years
from portique.rules.fees import (
    FeeCode,
    Guide,
    PaymentMethod,
    PaymentOutcome,
    PrCardApplicant,
    ProofOfPayment,
    RefundDecision,
    RefundEvent,
    RefundRecipient,
    SponsoredPerson,
    assess_payment,
    assess_refund,
    cad_en,
    cad_fr,
    quote_dependent_child_sponsorship,
    quote_pr_card,
    quote_spouse_or_partner_sponsorship,
)
from portique.rules.reasons import Severity, has_blocking

APPLIED = date(2025, 6, 15)
D = Decimal


def codes(result) -> list[str]:
    return [r.code for r in result.reasons]


def line_amounts(quote) -> list[tuple[FeeCode, Decimal]]:
    return [(line.code, line.amount) for line in quote.lines]


def gives_biometrics(years: int, kind=ApplicationKind.PERMANENT_RESIDENT_VISA) -> bool:
    birth = add_years(APPLIED, -years)
    return biometrics_requirement(kind=kind, application_date=APPLIED, birth_date=birth).required


def spouse_quote(*children_ages: int, spouse_age: int = 30, rprf_now: bool = True):
    return quote_spouse_or_partner_sponsorship(
        application_date=APPLIED,
        principal_applicant=SponsoredPerson("pa", gives_biometrics(spouse_age)),
        dependent_children=tuple(
            SponsoredPerson(f"child{i}", gives_biometrics(age)) for i, age in enumerate(children_ages, 1)
        ),
        pay_rprf_now=rprf_now,
    )


def card_quote(*applicants: PrCardApplicant, together: bool = False, on: date = APPLIED):
    return quote_pr_card(application_date=on, applicants=applicants, applying_together=together)


# --------------------------------------------------------------------------- §9.1 sponsorship


def test_AS_01_spouse_30_abroad_rprf_now_processing_1205_biometrics_85_total_1290():
    sponsor_gives = biometrics_requirement(
        kind=ApplicationKind.SPONSORSHIP, application_date=APPLIED, birth_date=date(1985, 1, 1)
    ).required
    assert not sponsor_gives
    quote = spouse_quote()
    assert quote.guide is Guide.SPONSORSHIP
    assert line_amounts(quote) == [
        (FeeCode.SPONSORSHIP, D(85)),
        (FeeCode.PRINCIPAL_APPLICANT_PROCESSING, D(545)),
        (FeeCode.RIGHT_OF_PERMANENT_RESIDENCE, D(575)),
        (FeeCode.BIOMETRICS, D(85)),
    ]
    assert quote.lines[-1].subject == "pa"
    assert sum(line.amount for line in quote.lines if line.code is not FeeCode.BIOMETRICS) == D(1205)
    assert (quote.total, quote.due_now, quote.due_later) == (D(1290), D(1290), D(0))
    assert codes(quote) == ["RPRF_PAID_NOW", "BIOMETRIC_FEE_PER_PERSON", "FEE_TOTAL"]
    assert quote.reasons[-1].fr == "Frais à payer maintenant\u00a0: 1\u00a0290\u00a0$."


def test_AS_02_rprf_deferred_pay_630_plus_85_now_575_later():
    quote = spouse_quote(rprf_now=False)
    assert (quote.due_now, quote.due_later, quote.total) == (D(715), D(575), D(1290))
    rprf = next(line for line in quote.lines if line.code is FeeCode.RIGHT_OF_PERMANENT_RESIDENCE)
    assert rprf.deferred and rprf.amount == D(575)
    assert codes(quote) == ["RPRF_DEFERRED", "BIOMETRIC_FEE_PER_PERSON", "FEE_TOTAL"]
    assert quote.reasons[0].severity is Severity.WARNING
    assert quote.reasons[-1].en == "Fees to pay now: $715 (plus $575 later)."


def test_AS_03_child_aged_10_exempt_only_pa_pays_85_total_1465():
    quote = spouse_quote(10, spouse_age=30)
    assert line_amounts(quote) == [
        (FeeCode.SPONSORSHIP, D(85)),
        (FeeCode.PRINCIPAL_APPLICANT_PROCESSING, D(545)),
        (FeeCode.RIGHT_OF_PERMANENT_RESIDENCE, D(575)),
        (FeeCode.DEPENDENT_CHILD_INCLUDED, D(175)),
        (FeeCode.BIOMETRICS, D(85)),
    ]
    assert quote.total == D(1465)
    processing = sum(line.amount for line in quote.lines if line.code not in (FeeCode.BIOMETRICS,))
    assert processing == D(1380)
    assert "BIOMETRIC_FEE_FAMILY_MAXIMUM" not in codes(quote)
    assert "DEPENDENT_CHILD_FEE_NO_RPRF" in codes(quote)


def test_AS_03_variant_child_aged_15_brings_the_family_maximum_170():
    quote = spouse_quote(15)
    assert line_amounts(quote)[-1] == (FeeCode.BIOMETRICS_FAMILY, D(170))
    assert quote.total == D(1380 + 170)


def test_AS_04_spouse_35_children_15_and_17_processing_1555_biometrics_capped_170_total_1725():
    quote = spouse_quote(15, 17, spouse_age=35)
    assert [line.code for line in quote.lines].count(FeeCode.DEPENDENT_CHILD_INCLUDED) == 2
    assert sum(line.amount for line in quote.lines if line.code is not FeeCode.BIOMETRICS_FAMILY) == D(1555)
    assert line_amounts(quote)[-1] == (FeeCode.BIOMETRICS_FAMILY, D(170))
    assert quote.total == D(1725)
    assert "BIOMETRIC_FEE_FAMILY_MAXIMUM" in codes(quote)
    family = next(r for r in quote.reasons if r.code == "BIOMETRIC_FEE_FAMILY_MAXIMUM")
    assert "$170" in family.en and "170\u00a0$" in family.fr


def test_AS_05_two_own_children_8_and_12_two_applications_170_each_no_rprf_no_biometrics():
    quotes = [
        quote_dependent_child_sponsorship(
            application_date=APPLIED, child=SponsoredPerson(cid, gives_biometrics(age))
        )
        for cid, age in (("c8", 8), ("c12", 12))
    ]
    for quote in quotes:
        assert quote.guide is Guide.SPONSORSHIP
        assert line_amounts(quote) == [
            (FeeCode.SPONSORSHIP, D(85)),
            (FeeCode.DEPENDENT_CHILD_PROCESSING, D(85)),
        ]
        assert FeeCode.RIGHT_OF_PERMANENT_RESIDENCE not in [line.code for line in quote.lines]
        assert codes(quote) == ["DEPENDENT_CHILD_OWN_APPLICATION", "BIOMETRIC_FEE_NONE", "FEE_TOTAL"]
    assert sum(q.total for q in quotes) == D(340)


def test_AS_06_own_child_16_as_pa_170_plus_biometrics_85_total_255():
    quote = quote_dependent_child_sponsorship(
        application_date=APPLIED, child=SponsoredPerson("c16", gives_biometrics(16))
    )
    assert line_amounts(quote) == [
        (FeeCode.SPONSORSHIP, D(85)),
        (FeeCode.DEPENDENT_CHILD_PROCESSING, D(85)),
        (FeeCode.BIOMETRICS, D(85)),
    ]
    assert (quote.total, quote.due_now, quote.due_later) == (D(255), D(255), D(0))


def test_AS_07_sponsor_withdraws_after_paying_1205_refund_1120_keeps_85_biometrics_to_officer():
    quote = spouse_quote()
    refund = assess_refund(quote=quote, event=RefundEvent.SPONSOR_WITHDRAWS_NOT_ELIGIBLE)
    assert refund.refundable == D(1120)
    assert refund.kept == D(85)
    assert refund.officer_decides == D(85)
    decisions = {line.fee: (line.refund, line.decision) for line in refund.lines}
    assert decisions[FeeCode.SPONSORSHIP] == (D(0), RefundDecision.KEEP)
    assert decisions[FeeCode.PRINCIPAL_APPLICANT_PROCESSING] == (D(545), RefundDecision.REFUND)
    assert decisions[FeeCode.RIGHT_OF_PERMANENT_RESIDENCE] == (D(575), RefundDecision.REFUND)
    assert decisions[FeeCode.BIOMETRICS] == (D(0), RefundDecision.OFFICER_DECIDES)
    assert codes(refund) == ["REFUND_SPONSOR_WITHDRAWAL", "REFUND_BIOMETRIC_FEE_OFFICER_DECIDES"]
    assert refund.reasons[1].severity is Severity.WARNING
    assert "G-22" in refund.reasons[1].citation
    assert "aucun droit d’appel" in refund.reasons[0].fr


def test_AS_07_variant_included_children_fees_are_refunded_too():
    refund = assess_refund(quote=spouse_quote(15, 17), event=RefundEvent.SPONSOR_WITHDRAWS_NOT_ELIGIBLE)
    assert refund.refundable == D(545 + 575 + 175 + 175)
    assert (refund.kept, refund.officer_decides) == (D(85), D(170))


def test_AS_07_variant_child_sponsorship_withdrawal_refunds_processing_keeps_sponsorship_fee():
    quote = quote_dependent_child_sponsorship(application_date=APPLIED, child=SponsoredPerson("c", True))
    refund = assess_refund(quote=quote, event=RefundEvent.SPONSOR_WITHDRAWS_NOT_ELIGIBLE)
    assert (refund.refundable, refund.kept, refund.officer_decides) == (D(85), D(85), D(85))


def test_AS_08_proceed_anyway_then_refused_keeps_processing_fees_refunds_rprf():
    refund = assess_refund(quote=spouse_quote(), event=RefundEvent.REFUSED)
    assert refund.refundable == D(575)
    assert refund.kept == D(85 + 545)
    assert codes(refund) == [
        "REFUND_RPRF_PR_NOT_OBTAINED",
        "REFUND_PROCESSING_FEES_KEPT",
        "REFUND_BIOMETRIC_FEE_OFFICER_DECIDES",
    ]


def test_AS_09_rprf_575_paid_pr_not_obtained_is_refunded():
    refund = assess_refund(quote=spouse_quote(), event=RefundEvent.PERMANENT_RESIDENCE_NOT_OBTAINED)
    rprf = next(line for line in refund.lines if line.fee is FeeCode.RIGHT_OF_PERMANENT_RESIDENCE)
    assert (rprf.paid, rprf.refund, rprf.decision) == (D(575), D(575), RefundDecision.REFUND)
    assert refund.refundable == D(575)
    assert codes(refund)[0] == "REFUND_RPRF_PR_NOT_OBTAINED"


def test_AS_09_edge_deferred_rprf_not_paid_is_not_refunded():
    quote = spouse_quote(rprf_now=False)
    refund = assess_refund(quote=quote, event=RefundEvent.PERMANENT_RESIDENCE_NOT_OBTAINED)
    rprf = next(line for line in refund.lines if line.fee is FeeCode.RIGHT_OF_PERMANENT_RESIDENCE)
    assert rprf.decision is RefundDecision.NOT_PAID and rprf.refund == D(0)
    assert refund.refundable == D(0)
    paid_later = assess_refund(
        quote=quote, event=RefundEvent.PERMANENT_RESIDENCE_NOT_OBTAINED, deferred_fees_paid=True
    )
    assert paid_later.refundable == D(575)


def test_sponsorship_withdrawal_for_another_reason_refunds_rprf_and_sends_the_rest_to_an_officer():
    refund = assess_refund(quote=spouse_quote(), event=RefundEvent.WITHDRAWN_BEFORE_PROCESSING)
    assert refund.refundable == D(575)
    assert refund.officer_decides == D(85 + 545 + 85)
    assert "REFUND_NOT_STATED_OFFICER_DECIDES" in codes(refund)


# --------------------------------------------------------------------------- §9.2 PR card


def test_AS_10_adult_renewal_no_biometrics_fee_50():
    quote = card_quote(PrCardApplicant("adult"))
    assert line_amounts(quote) == [(FeeCode.PR_CARD_PROCESSING, D(50))]
    assert (quote.total, quote.due_now, quote.due_later) == (D(50), D(50), D(0))
    assert codes(quote) == ["BIOMETRIC_FEE_NONE", "FEE_TOTAL"]
    assert quote.guide is Guide.PR_CARD


def test_AS_11_applicant_16_previously_exempt_pays_50_plus_85():
    history = PrCardBiometricsHistory(ApplicationKind.PERMANENT_RESIDENCE_IN_CANADA, date(2019, 3, 1))
    needs = biometrics_requirement(
        kind=ApplicationKind.PERMANENT_RESIDENT_CARD,
        application_date=date(2023, 6, 15),
        birth_date=date(2006, 10, 1),
        pr_card_history=history,
    ).required
    quote = card_quote(PrCardApplicant("teen", gives_biometrics=needs), on=date(2023, 6, 15))
    assert line_amounts(quote) == [(FeeCode.PR_CARD_PROCESSING, D(50)), (FeeCode.BIOMETRICS, D(85))]
    assert quote.total == D(135)


def test_AS_12_pr_application_before_rollout_fee_50_only():
    history = PrCardBiometricsHistory(ApplicationKind.PERMANENT_RESIDENT_VISA, date(2017, 5, 1))
    needs = biometrics_requirement(
        kind=ApplicationKind.PERMANENT_RESIDENT_CARD,
        application_date=APPLIED,
        birth_date=add_years(APPLIED, -17),
        pr_card_history=history,
    ).required
    assert card_quote(PrCardApplicant("teen", gives_biometrics=needs)).total == D(50)


def test_AS_13_three_siblings_together_3_x_50_plus_170_is_320():
    siblings = tuple(PrCardApplicant(f"s{age}", gives_biometrics=True) for age in (14, 15, 17))
    quote = card_quote(*siblings, together=True)
    assert line_amounts(quote) == [
        (FeeCode.PR_CARD_PROCESSING, D(50)),
        (FeeCode.PR_CARD_PROCESSING, D(50)),
        (FeeCode.PR_CARD_PROCESSING, D(50)),
        (FeeCode.BIOMETRICS_FAMILY, D(170)),
    ]
    assert quote.total == D(320)
    assert codes(quote) == ["BIOMETRIC_FEE_FAMILY_MAXIMUM", "FEE_TOTAL"]


def test_AS_13_edge_same_siblings_not_applying_together_pay_85_each():
    siblings = tuple(PrCardApplicant(f"s{age}", gives_biometrics=True) for age in (14, 15, 17))
    assert card_quote(*siblings, together=False).total == D(150 + 255)


def test_AS_14_pr_card_fee_by_cheque_or_money_order_is_returned():
    quote = card_quote(PrCardApplicant("a"))
    for method in (PaymentMethod.CHEQUE, PaymentMethod.MONEY_ORDER):
        result = assess_payment(quote=quote, amount_paid=D(50), method=method)
        assert result.outcome is PaymentOutcome.METHOD_NOT_ACCEPTED
        assert result.returned
        assert codes(result) == ["PAYMENT_METHOD_NOT_ACCEPTED"]
        assert has_blocking(result.reasons)
        assert result.reasons[0].citation.endswith("IRPR 10(1)(d), 12")


def test_AS_15_paid_40_instead_of_50_is_returned_exact_fee_needed():
    result = assess_payment(quote=card_quote(PrCardApplicant("a")), amount_paid=D(40))
    assert result.outcome is PaymentOutcome.INSUFFICIENT
    assert result.returned
    assert (result.amount_due, result.amount_paid, result.shortfall, result.excess) == (
        D(50),
        D(40),
        D(10),
        D(0),
    )
    assert codes(result) == ["PAYMENT_INSUFFICIENT"]
    assert result.reasons[0].rule == "PRC-70, PRC-72, PRC-73, IRPR-10-1, IRPR-12"
    assert "frais exacts" in result.reasons[0].fr


def test_AS_16_paid_100_receipt_names_a_tremblay_processing_starts_50_refunded_to_a_tremblay():
    quote = card_quote(PrCardApplicant("a"))
    result = assess_payment(
        quote=quote,
        amount_paid=D(100),
        proof=ProofOfPayment.RECEIPT_ATTACHED,
        payer_name_on_receipt="A. Tremblay",
    )
    assert result.outcome is PaymentOutcome.OVERPAID
    assert not result.returned
    assert result.excess == D(50)
    assert result.refund_to.recipient is RefundRecipient.PAYER_ON_RECEIPT
    assert result.refund_to.name == "A. Tremblay"
    assert codes(result) == ["PAYMENT_OVERPAID_REFUND"]
    assert "A. Tremblay" in result.reasons[0].en and "automatiquement" in result.reasons[0].fr


@pytest.mark.parametrize(
    ("proof", "name"),
    [
        (ProofOfPayment.PAID_IN_APPLICATION, None),
        (ProofOfPayment.PAID_IN_APPLICATION, "A. Tremblay"),  # no receipt: the name is not a receipt's
        (ProofOfPayment.RECEIPT_ATTACHED, None),
        (ProofOfPayment.RECEIPT_ATTACHED, "  "),
    ],
)
def test_AS_16_no_receipt_or_no_payer_name_refund_goes_to_the_applicant(proof, name):
    result = assess_payment(
        quote=card_quote(PrCardApplicant("a")), amount_paid=D(100), proof=proof, payer_name_on_receipt=name
    )
    assert result.outcome is PaymentOutcome.OVERPAID and result.excess == D(50)
    assert result.refund_to.recipient is RefundRecipient.APPLICANT
    assert result.refund_to.name is None


def test_AS_17_applicant_is_a_citizen_fee_50_refunded():
    refund = assess_refund(quote=card_quote(PrCardApplicant("a")), event=RefundEvent.APPLICANT_IS_CITIZEN)
    assert refund.refundable == D(50)
    assert [(line.fee, line.refund, line.decision) for line in refund.lines] == [
        (FeeCode.PR_CARD_PROCESSING, D(50), RefundDecision.REFUND)
    ]
    assert codes(refund) == ["REFUND_PR_CARD_APPLICANT_IS_CITIZEN"]
    assert refund.reasons[0].rule == "PRC-21"


@pytest.mark.parametrize(
    ("event", "code"),
    [
        (RefundEvent.REFUSED, "REFUND_NONE_REFUSED"),
        (RefundEvent.WITHDRAWN_AFTER_PROCESSING_STARTED, "REFUND_NONE_PROCESSING_STARTED"),
    ],
)
def test_AS_18_refused_or_processing_started_no_refund(event, code):
    refund = assess_refund(quote=card_quote(PrCardApplicant("a")), event=event)
    assert refund.refundable == D(0)
    assert refund.kept == D(50)
    assert codes(refund) == [code]
    assert refund.reasons[0].rule == "PRC-71"


def test_pr_card_withdrawn_before_processing_is_refunded_and_biometrics_go_to_officer():
    quote = card_quote(PrCardApplicant("a", gives_biometrics=True))
    refund = assess_refund(quote=quote, event=RefundEvent.WITHDRAWN_BEFORE_PROCESSING)
    assert (refund.refundable, refund.officer_decides, refund.kept) == (D(50), D(85), D(0))
    assert codes(refund) == [
        "REFUND_PR_CARD_WITHDRAWN_BEFORE_PROCESSING",
        "REFUND_BIOMETRIC_FEE_OFFICER_DECIDES",
    ]


def indigenous(**changes) -> PrCardApplicant:
    facts = {
        "id": "n",
        "reclaimed_indigenous_name": True,
        "indigenous_name_declaration_attached": True,
        "indigenous_name_statement_uploaded": True,
    }
    facts.update(changes)
    return PrCardApplicant(**facts)


def test_AS_19_reclaimed_indigenous_name_on_2026_05_31_fee_0_on_2026_06_01_fee_50():
    last_day = card_quote(indigenous(), on=date(2026, 5, 31))
    assert line_amounts(last_day) == [(FeeCode.PR_CARD_PROCESSING, D(0))]
    assert last_day.total == D(0)
    assert codes(last_day) == ["INDIGENOUS_NAME_FEE_WAIVED", "BIOMETRIC_FEE_NONE", "FEE_TOTAL"]
    assert "31 mai 2026" in last_day.reasons[0].fr

    day_after = card_quote(indigenous(), on=date(2026, 6, 1))
    assert day_after.total == D(50)
    assert codes(day_after) == ["INDIGENOUS_NAME_WAIVER_ENDED", "BIOMETRIC_FEE_NONE", "FEE_TOTAL"]
    assert day_after.reasons[0].severity is Severity.WARNING
    assert "1er juin 2026" in day_after.reasons[0].fr


def test_AS_19_waived_fee_with_nothing_paid_is_complete():
    result = assess_payment(
        quote=card_quote(indigenous(), on=date(2026, 5, 31)), amount_paid=D(0), proof=ProofOfPayment.NONE
    )
    assert result.outcome is PaymentOutcome.COMPLETE and not result.returned


@pytest.mark.parametrize(
    "missing", ["indigenous_name_declaration_attached", "indigenous_name_statement_uploaded"]
)
def test_indigenous_name_waiver_needs_declaration_and_payment_section_statement(missing):
    quote = card_quote(indigenous(**{missing: False}), on=date(2025, 1, 1))
    assert quote.total == D(50)
    assert codes(quote)[0] == "INDIGENOUS_NAME_WAIVER_INCOMPLETE"


def test_indigenous_name_waiver_keeps_the_biometric_fee_and_flags_it():
    quote = card_quote(indigenous(gives_biometrics=True), on=date(2025, 1, 1))
    assert quote.total == D(85)
    assert codes(quote)[:2] == ["INDIGENOUS_NAME_FEE_WAIVED", "INDIGENOUS_NAME_BIOMETRIC_FEE_KEPT"]


# --------------------------------------------------------------------------- payment edges


def test_exact_online_payment_is_complete():
    result = assess_payment(quote=card_quote(PrCardApplicant("a")), amount_paid=D(50))
    assert result.outcome is PaymentOutcome.COMPLETE
    assert (result.shortfall, result.excess, result.refund_to) == (D(0), D(0), None)
    assert codes(result) == ["PAYMENT_COMPLETE"]


def test_no_payment_is_returned():
    result = assess_payment(quote=card_quote(PrCardApplicant("a")), amount_paid=D(0))
    assert result.outcome is PaymentOutcome.NOT_PAID and result.returned and result.shortfall == D(50)
    assert codes(result) == ["PAYMENT_MISSING"]


def test_payment_without_receipt_is_returned():
    result = assess_payment(
        quote=card_quote(PrCardApplicant("a")), amount_paid=D(50), proof=ProofOfPayment.NONE
    )
    assert result.outcome is PaymentOutcome.NO_PROOF and result.returned
    assert codes(result) == ["PAYMENT_RECEIPT_MISSING"]


def test_sponsorship_payment_uses_the_sponsorship_guide_and_cheques_are_returned_too():
    result = assess_payment(quote=spouse_quote(), amount_paid=D(1290), method=PaymentMethod.CHEQUE)
    assert result.returned and result.reasons[0].rule.startswith("SP-201")


def test_deferred_rprf_paid_with_the_application_is_not_an_overpayment():
    quote = spouse_quote(rprf_now=False)
    result = assess_payment(quote=quote, amount_paid=D(1290))
    assert result.outcome is PaymentOutcome.COMPLETE and result.deferred_fees_paid
    assert codes(result) == ["PAYMENT_COMPLETE_WITH_DEFERRED_FEES"]
    between = assess_payment(quote=quote, amount_paid=D(800))
    assert between.outcome is PaymentOutcome.OVERPAID and between.excess == D(85)


def test_refund_event_of_another_program_is_flagged_not_computed():
    refund = assess_refund(
        quote=card_quote(PrCardApplicant("a")), event=RefundEvent.SPONSOR_WITHDRAWS_NOT_ELIGIBLE
    )
    assert refund.lines == () and refund.refundable == D(0)
    assert codes(refund) == ["REFUND_EVENT_NOT_APPLICABLE"]


def test_refund_goes_to_the_payer_named_on_the_receipt():
    refund = assess_refund(
        quote=card_quote(PrCardApplicant("a")),
        event=RefundEvent.APPLICANT_IS_CITIZEN,
        proof=ProofOfPayment.RECEIPT_ATTACHED,
        payer_name_on_receipt="B. Roy",
    )
    assert refund.payee.recipient is RefundRecipient.PAYER_ON_RECEIPT and refund.payee.name == "B. Roy"


def test_empty_pr_card_quote_is_a_programming_error():
    with pytest.raises(ValueError):
        quote_pr_card(application_date=APPLIED, applicants=())


def test_money_is_written_the_canadian_way_in_both_languages():
    assert cad_en(D(1205)) == "$1,205"
    assert cad_fr(D(1205)) == "1\u00a0205\u00a0$"
    assert cad_en(D("12.5")) == "$12.50"
    assert cad_fr(D("12.5")) == "12,50\u00a0$"


def test_every_fee_line_and_reason_is_bilingual_and_cited():
    quotes = [
        spouse_quote(15, 17, rprf_now=False),
        card_quote(indigenous(gives_biometrics=True), PrCardApplicant("b", True), together=True),
        quote_dependent_child_sponsorship(application_date=APPLIED, child=SponsoredPerson("c", True)),
    ]
    for quote in quotes:
        for line in quote.lines:
            assert line.en and line.fr and line.citation and isinstance(line.amount, Decimal)
        results = [quote, assess_payment(quote=quote, amount_paid=quote.due_now + 1)]
        results += [assess_refund(quote=quote, event=event) for event in RefundEvent]
        for result in results:
            assert result.reasons
            for reason in result.reasons:
                assert reason.code.isupper() and reason.rule and reason.citation
                assert reason.en != reason.fr and "{" not in reason.en + reason.fr


# --------------------------------------------------------------------------- properties

people = st.lists(st.booleans(), min_size=1, max_size=8)


@given(biometrics=people, together=st.booleans())
def test_property_pr_card_biometric_fee_is_85_each_capped_at_170_only_when_together(biometrics, together):
    applicants = tuple(PrCardApplicant(f"p{i}", gives) for i, gives in enumerate(biometrics))
    quote = card_quote(*applicants, together=together)
    count = sum(biometrics)
    biometric = sum((line.amount for line in quote.lines if line.code.value.startswith("biometrics")), D(0))
    expected = min(D(85) * count, D(170)) if together and count >= 2 else D(85) * count
    assert biometric == expected
    assert quote.total == sum(line.amount for line in quote.lines) == quote.due_now + quote.due_later
    assert quote.total == D(50) * len(applicants) + expected


@given(pa=st.booleans(), children=st.lists(st.booleans(), max_size=6), rprf_now=st.booleans())
def test_property_spouse_quote_adds_up(pa, children, rprf_now):
    quote = quote_spouse_or_partner_sponsorship(
        application_date=APPLIED,
        principal_applicant=SponsoredPerson("pa", pa),
        dependent_children=tuple(SponsoredPerson(f"c{i}", b) for i, b in enumerate(children)),
        pay_rprf_now=rprf_now,
    )
    count = pa + sum(children)
    biometric = min(D(85) * count, D(170)) if count >= 2 else D(85) * count
    assert quote.total == D(85 + 545 + 575) + D(175) * len(children) + biometric
    assert quote.due_later == (D(0) if rprf_now else D(575))
    assert quote.due_now + quote.due_later == quote.total


@given(paid=st.decimals(min_value=0, max_value=5000, places=2), together=st.booleans())
def test_property_online_payment_outcome_follows_the_amount(paid, together):
    quote = card_quote(PrCardApplicant("a", True), PrCardApplicant("b", True), together=together)
    result = assess_payment(quote=quote, amount_paid=paid)
    due = quote.due_now
    if paid == 0:
        assert result.outcome is PaymentOutcome.NOT_PAID
    elif paid < due:
        assert result.outcome is PaymentOutcome.INSUFFICIENT and result.shortfall == due - paid
    elif paid == due:
        assert result.outcome is PaymentOutcome.COMPLETE
    else:
        assert result.outcome is PaymentOutcome.OVERPAID and result.excess == paid - due
    assert result.returned is (paid < due)


@given(
    children=st.lists(st.booleans(), max_size=4),
    rprf_now=st.booleans(),
    deferred_paid=st.booleans(),
    event=st.sampled_from(list(RefundEvent)),
)
def test_property_refund_parts_add_up_to_what_was_paid_and_the_sponsorship_fee_is_never_auto_refunded(
    children, rprf_now, deferred_paid, event
):
    quote = quote_spouse_or_partner_sponsorship(
        application_date=APPLIED,
        principal_applicant=SponsoredPerson("pa", True),
        dependent_children=tuple(SponsoredPerson(f"c{i}", b) for i, b in enumerate(children)),
        pay_rprf_now=rprf_now,
    )
    refund = assess_refund(quote=quote, event=event, deferred_fees_paid=deferred_paid)
    paid = sum((line.paid for line in refund.lines), D(0))
    assert refund.refundable + refund.officer_decides + refund.kept == paid
    for line in refund.lines:
        if line.fee is FeeCode.SPONSORSHIP or line.fee.value.startswith("biometrics"):
            assert line.refund == D(0)
