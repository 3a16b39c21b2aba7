"""Many identical requests at once (a double click, a retrying client, an attacker's burst):
one payment and one submission, whatever the timing.

Each request runs in its own thread with its own database connection, all released
together by a barrier, against the test database (``transaction=True``: real commits, real
locks). On PostgreSQL the row locks are exercised between real connections; on SQLite the
writers are serialised by the database (immediate transactions), which must give the same
single outcome.
"""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connections

from portique.applications import services as application_services
from portique.applications.choices import Status
from portique.applications.models import StatusChange, Submission
from portique.payments.models import Payment, SandboxTransaction
from portique.payments.services import new_idempotency_key
from tests import journey
from tests.payments.conftest import pay, start_pr_card

AT_ONCE = 12


def _all_at_once(call, count: int = AT_ONCE) -> list:
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(index):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - reported to the test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return results


def _charged() -> Decimal:
    rows = SandboxTransaction.objects.filter(kind=SandboxTransaction.Kind.CHARGE, approved=True)
    return sum((row.amount for row in rows), Decimal(0))


@pytest.mark.django_db(transaction=True)
def test_identical_payments_at_once_with_one_key_charge_once(applicant):
    application = start_pr_card(applicant)
    key = new_idempotency_key()
    results = _all_at_once(lambda: pay(applicant, application, key=key))
    answered = [result for result in results if not isinstance(result, Exception)]
    # Every request either got the one payment back or was told to retry (busy): none paid twice.
    assert answered, results
    assert {result.payment.pk for result in answered} == {Payment.objects.get().pk}
    assert sum(1 for result in answered if not result.replayed) == 1
    assert _charged() == Decimal("50.00")


@pytest.mark.django_db(transaction=True)
def test_identical_submissions_at_once_submit_once(applicant):
    application = journey.ready_to_submit(applicant)
    mail.outbox.clear()
    results = _all_at_once(
        lambda: application_services.application_submit(
            actor=applicant, public_id=application.public_id, on=journey.TODAY
        )
    )
    submissions = [result for result in results if isinstance(result, Submission)]
    assert submissions, results
    assert Submission.objects.count() == 1
    assert {submission.pk for submission in submissions} == {Submission.objects.get().pk}
    assert StatusChange.objects.filter(application=application, to_status=Status.SUBMITTED).count() == 1
    assert len([message for message in mail.outbox if application.number in message.subject]) == 1
