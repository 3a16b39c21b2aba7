import json
import threading
from datetime import date
from decimal import Decimal

import pytest
from django.apps import apps
from django.core import serializers
from django.db import connection
from django.http import Http404

from portique.payments import selectors, services
from portique.payments.choices import DeclineReason, PaymentStatus, RefundRecipient
from portique.payments.models import Payment, Refund, SandboxTransaction
from portique.payments.services import new_idempotency_key
from portique.rules import fees
from tests.payments.conftest import (
    APPROVED,
    EXPIRED,
    GATEWAY_ERROR,
    INSUFFICIENT_FUNDS,
    TODAY,
    card,
    pay,
    start_pr_card,
)


def charged_to_cards() -> Decimal:
    """What the sandbox gateway actually took from cards: what a card statement would show."""
    rows = SandboxTransaction.objects.filter(kind=SandboxTransaction.Kind.CHARGE, approved=True)
    return sum((row.amount for row in rows), Decimal(0))


# --- the quote ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_quote_is_the_rules_pr_card_fee_with_its_citation(application):
    quote = selectors.quote_for(application, TODAY)
    assert [(line.code, line.amount) for line in quote.lines] == [(fees.FeeCode.PR_CARD_PROCESSING, Decimal("50"))]
    (line,) = quote.lines
    assert line.en == "PR card application (per person)"
    assert line.fr == "Demande de carte de résident permanent (par personne)"
    assert line.citation.startswith("IMM 5445 — Step 3")
    assert quote.due_now == quote.total == Decimal("50")


@pytest.mark.django_db
def test_an_indigenous_name_card_without_the_declaration_still_owes_the_fee_and_says_why(application):
    person = application.people.get()
    person.answers["IMM5444"]["application"]["indigenous_name"] = "yes"
    person.save(update_fields=["answers"])
    quote = selectors.quote_for(application, date(2026, 3, 1))
    assert quote.due_now == Decimal("50")
    assert "INDIGENOUS_NAME_WAIVER_INCOMPLETE" in {r.code for r in quote.reasons}


@pytest.mark.django_db
def test_nothing_paid_blocks_submission_with_a_cited_bilingual_reason(application):
    balance = selectors.balance_for(application, TODAY)
    assert balance.outstanding == Decimal("50") and balance.blocks_submission
    (found,) = balance.reasons
    assert found.code == "PAYMENT_MISSING"
    assert "IRPR 10(1)(d)" in found.citation and found.fr.startswith("Aucun paiement")


# --- paying ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_approving_test_card_pays_what_is_due_and_issues_a_receipt(applicant, application):
    result = pay(applicant, application, APPROVED)
    payment = result.payment
    assert payment.status == PaymentStatus.APPROVED and not result.replayed
    assert payment.amount == Decimal("50.00")
    assert payment.receipt_number.startswith("R2026-")
    assert (payment.card_brand, payment.card_last4, payment.payer_name) == ("visa", "4242", "Jordan Payer")
    assert payment.sandbox
    assert charged_to_cards() == Decimal("50.00")
    balance = selectors.balance_for(application, TODAY)
    assert balance.settled and not balance.blocks_submission
    assert [r.code for r in balance.reasons] == ["PAYMENT_COMPLETE"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("number", "reason"),
    [
        (INSUFFICIENT_FUNDS, DeclineReason.INSUFFICIENT_FUNDS),
        (EXPIRED, DeclineReason.EXPIRED_CARD),
        (GATEWAY_ERROR, DeclineReason.GATEWAY_ERROR),
        ("5555 5555 5555 4444", DeclineReason.CARD_DECLINED),  # valid, but not a sandbox test card
    ],
)
def test_a_declined_card_changes_nothing_but_the_attempt_is_recorded(applicant, application, number, reason):
    version, status = application.version, application.status
    result = pay(applicant, application, number)
    payment = result.payment
    assert (payment.status, payment.decline_reason) == (PaymentStatus.DECLINED, reason)
    assert payment.receipt_number is None
    assert charged_to_cards() == 0
    application.refresh_from_db()
    assert (application.version, application.status) == (version, status)
    balance = selectors.balance_for(application, TODAY)
    assert balance.paid == 0 and balance.outstanding == Decimal("50")
    # The next try, with a new page (a new key), goes through.
    assert pay(applicant, application, APPROVED).payment.approved


@pytest.mark.django_db
def test_a_double_click_with_the_same_key_charges_once_and_returns_the_first_result(applicant, application):
    key = new_idempotency_key()
    first = pay(applicant, application, key=key)
    second = pay(applicant, application, key=key)
    assert second.replayed and second.payment.pk == first.payment.pk
    assert Payment.objects.count() == 1
    assert charged_to_cards() == Decimal("50.00")


@pytest.mark.django_db
def test_a_retried_decline_returns_the_decline_without_asking_the_gateway_again(applicant, application):
    key = new_idempotency_key()
    first = pay(applicant, application, INSUFFICIENT_FUNDS, key=key)
    # The retry even carries another card: the key's answer stands.
    second = pay(applicant, application, APPROVED, key=key)
    assert second.replayed and second.payment.pk == first.payment.pk
    assert SandboxTransaction.objects.count() == 1 and charged_to_cards() == 0


@pytest.mark.django_db
def test_once_paid_a_second_page_has_nothing_to_charge(applicant, application):
    pay(applicant, application)
    with pytest.raises(services.NothingToPay):
        pay(applicant, application)
    assert charged_to_cards() == Decimal("50.00")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"number": "4242 4242 4242 4241"}, "number"),  # Luhn check fails: a mistyped digit
        ({"number": "6011 1111 1111 1117"}, "number"),  # valid Luhn, brand not accepted
        ({"month": 10, "year": 2026}, "expiry_month"),  # expired before today (2026-11-22)
        ({"month": 13}, "expiry_month"),
        ({"code": "12"}, "security_code"),
    ],
)
def test_bad_card_details_are_refused_at_the_field_and_nothing_is_sent_or_recorded(applicant, application, fields, field):
    number = fields.pop("number", APPROVED)
    with pytest.raises(services.CardRejected) as rejected:
        pay(applicant, application, number, **fields)
    assert field in rejected.value.errors
    assert Payment.objects.count() == 0 and SandboxTransaction.objects.count() == 0


@pytest.mark.django_db
def test_a_card_valid_until_the_end_of_this_month_is_accepted(applicant, application):
    assert pay(applicant, application, month=11, year=2026).payment.approved


@pytest.mark.django_db
def test_the_full_card_number_and_security_code_are_stored_nowhere(applicant, application):
    pay(applicant, application, INSUFFICIENT_FUNDS, code="987")
    pay(applicant, application, APPROVED, code="987")
    tables = set(connection.introspection.table_names())
    dumps = [
        serializers.serialize("json", model.objects.all())
        for model in apps.get_models()
        if model._meta.managed and model._meta.db_table in tables
    ]
    everything = "".join(dumps)
    for secret in ("4242424242424242", "4242 4242 4242 4242", "4000000000009995"):
        assert secret not in everything
    # Three digits can occur by chance inside a hash or a random reference: the security
    # code must not be the value of any field.
    values = [value for dump in dumps for record in json.loads(dump) for value in record["fields"].values()]
    assert "987" not in values and 987 not in values
    assert "4242" in everything  # the last four digits are kept, as on the receipt
    assert "4242424242424242" not in repr(card(APPROVED))


@pytest.mark.django_db
def test_paying_someone_elses_application_is_not_found_and_charges_nothing(applicant, their_application):
    with pytest.raises(Http404):
        pay(applicant, their_application)
    assert Payment.objects.count() == 0 and charged_to_cards() == 0


@pytest.mark.django_db
def test_a_key_from_another_application_is_not_found_rather_than_revealing_its_payment(
    applicant, other_applicant, application, their_application
):
    key = new_idempotency_key()
    pay(other_applicant, their_application, key=key)
    with pytest.raises(Http404):
        pay(applicant, application, key=key)


@pytest.mark.django_db
def test_officers_and_representatives_cannot_pay_an_applicants_application(officer, representative, application):
    for actor in (officer, representative):
        with pytest.raises(Http404):
            pay(actor, application)


@pytest.mark.django_db
def test_a_malformed_idempotency_key_is_refused(applicant, application):
    with pytest.raises(services.InvalidIdempotencyKey):
        pay(applicant, application, key="short")


# --- overpayment -------------------------------------------------------------------


def _waived_quote(application, on):
    """The rules' quote once the reclaimed-Indigenous-name waiver applies (before 2026-05-31)."""
    return fees.quote_pr_card(
        application_date=date(2026, 3, 1),
        applicants=(
            fees.PrCardApplicant(
                id="p0",
                reclaimed_indigenous_name=True,
                indigenous_name_declaration_attached=True,
                indigenous_name_statement_uploaded=True,
            ),
        ),
    )


@pytest.mark.django_db
def test_an_overpayment_is_refunded_automatically_to_the_payer_named_on_the_receipt(
    applicant, application, monkeypatch
):
    paid = pay(applicant, application, payer_name="Jordan Payer").payment
    # The fees drop after payment (the waiver now applies): $50 paid for fees of $0.
    monkeypatch.setattr(selectors, "quote_for", _waived_quote)
    balance = selectors.balance_for(application, TODAY)
    assert balance.assessment.outcome is fees.PaymentOutcome.OVERPAID and balance.excess == Decimal("50")

    (refund,) = services.overpayment_refund(application=application, on=TODAY, actor=applicant)
    assert (refund.payment, refund.amount) == (paid, Decimal("50.00"))
    assert (refund.recipient, refund.recipient_name) == (RefundRecipient.PAYER_ON_RECEIPT, "Jordan Payer")
    assert refund.reason["code"] == "PAYMENT_OVERPAID_REFUND"
    assert SandboxTransaction.objects.filter(kind="refund", charge__reference=paid.gateway_reference).count() == 1
    # Running it again refunds nothing more.
    assert services.overpayment_refund(application=application, on=TODAY) == []
    assert selectors.balance_for(application, TODAY).paid == 0


@pytest.mark.django_db
def test_with_no_payer_name_on_the_receipt_the_refund_goes_to_the_applicant(applicant, application, monkeypatch):
    pay(applicant, application, payer_name="  ")
    monkeypatch.setattr(selectors, "quote_for", _waived_quote)
    (refund,) = services.overpayment_refund(application=application, on=TODAY)
    assert (refund.recipient, refund.recipient_name) == (RefundRecipient.APPLICANT, "Alex Marie Tremblay")


@pytest.mark.django_db
def test_submitting_an_overpaid_application_refunds_the_excess_once_and_an_exact_one_nothing(
    applicant, other_applicant, monkeypatch
):
    from portique.applications import services as application_services
    from tests import journey

    exact = journey.ready_to_submit(other_applicant)
    application_services.application_submit(actor=other_applicant, public_id=exact.public_id, on=journey.TODAY)
    assert not Refund.objects.filter(application=exact).exists()

    overpaid = journey.ready_to_submit(applicant)
    # The fees dropped after payment (the waiver applies): the $50 paid is more than the fees.
    monkeypatch.setattr(selectors, "quote_for", _waived_quote)
    application_services.application_submit(actor=applicant, public_id=overpaid.public_id, on=journey.TODAY)
    (refund,) = Refund.objects.filter(application=overpaid)
    assert refund.amount == Decimal("50.00") and refund.reason["code"] == "PAYMENT_OVERPAID_REFUND"
    # A repeated submit (a double click) lands on the first submission and refunds nothing more.
    application_services.application_submit(actor=applicant, public_id=overpaid.public_id, on=journey.TODAY)
    assert Refund.objects.filter(application=overpaid).count() == 1


@pytest.mark.django_db
def test_no_refund_when_exactly_the_fees_were_paid(applicant, application):
    pay(applicant, application)
    assert services.overpayment_refund(application=application, on=TODAY) == []
    assert Refund.objects.count() == 0


@pytest.mark.django_db
def test_case_payments_give_the_rules_what_was_paid_and_by_whom(applicant, application):
    pay(applicant, application)
    (paid,) = selectors.case_payments(application)
    assert (paid.amount, paid.method, paid.payer_name, paid.receipt_uploaded) == (Decimal("50.00"), "online", "Jordan Payer", True)


# --- two requests at once (PostgreSQL: real row locks between real connections) ------------

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent connections are exercised on PostgreSQL"
)


def _race(calls):
    """Run each call in its own thread and connection, released together."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        from django.db import connections

        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - reported to the test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_requests_with_one_key_charge_once(applicant):
    application = start_pr_card(applicant)
    key = new_idempotency_key()
    first, second = _race([lambda: pay(applicant, application, key=key), lambda: pay(applicant, application, key=key)])
    assert not isinstance(first, Exception) and not isinstance(second, Exception)
    assert first.payment.pk == second.payment.pk
    assert sorted([first.replayed, second.replayed]) == [False, True]
    assert Payment.objects.count() == 1 and charged_to_cards() == Decimal("50.00")


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_tabs_paying_at_once_charge_the_fees_once(applicant):
    application = start_pr_card(applicant)
    results = _race([lambda: pay(applicant, application), lambda: pay(applicant, application)])
    approved = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(approved) == 1 and approved[0].payment.approved
    assert len(refused) == 1 and isinstance(refused[0], services.NothingToPay)
    assert charged_to_cards() == Decimal("50.00")
