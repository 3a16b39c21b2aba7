"""The request memo (issue 19): the rules asked once per request, never a stale answer,
nothing shared between requests or threads."""

from __future__ import annotations

import threading
from unittest import mock

import pytest
from django.db import transaction
from django.test import RequestFactory
from django.urls import reverse

from portique.applications import services
from portique.applications.choices import Program
from portique.core.request_memo import RequestMemoMiddleware, memo_scope, remember
from portique.payments import selectors as payment_selectors
from portique.rules.evaluate import evaluate
from tests import journey
from tests import sponsorship_journey as sponsorship


class Spy:
    """Counts the rules' evaluations and keeps the cases they were asked about."""

    def __init__(self):
        self.cases = []

    def __call__(self, case):
        self.cases.append(case)
        return evaluate(case)

    def __enter__(self):
        self._patches = [
            mock.patch("portique.applications.services.evaluate", self),
            mock.patch("portique.applications.signing.several_signers.evaluate", self),
        ]
        for patch in self._patches:
            patch.start()
        return self

    def __exit__(self, *exc):
        for patch in self._patches:
            patch.stop()


@pytest.mark.django_db
def test_the_application_page_asks_the_rules_each_question_once(client, applicant):
    application = sponsorship.spouse_with_children(applicant)
    client.force_login(applicant)
    url = reverse("applications:overview", args=[application.public_id])
    client.get(url)
    with Spy() as spy:
        assert client.get(url).status_code == 200
    # The evaluation as it stands and as it would be once signed: two questions, each asked once
    # (three evaluations before the memo).
    assert len(spy.cases) == 2
    assert spy.cases[0] != spy.cases[1]
    assert {bool(case.signatures) for case in spy.cases} == {False, True}


@pytest.mark.django_db
def test_each_request_asks_again(client, applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    url = reverse("applications:overview", args=[application.public_id])
    with Spy() as spy:
        client.get(url)
        client.get(url)
    # Once per request: the second request does not find the first one's answer.
    assert len(spy.cases) == 2


@pytest.mark.django_db
def test_outside_a_request_every_call_asks_the_rules(applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    with Spy() as spy:
        services.application_evaluate(application=application, on=journey.TODAY)
        services.application_evaluate(application=application, on=journey.TODAY)
        with memo_scope():
            services.application_evaluate(application=application, on=journey.TODAY)
            services.application_evaluate(application=application, on=journey.TODAY)
    assert len(spy.cases) == 3


def _in_one_request(work):
    """Runs ``work`` as a view would, inside the middleware (its memo, its write watch)."""
    found = {}

    def view(request):
        found["result"] = work()
        return None

    RequestMemoMiddleware(view)(RequestFactory().get("/"))
    return found["result"]


@pytest.mark.django_db
def test_a_request_that_saves_answers_then_evaluates_sees_them(applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)

    def save_then_evaluate():
        before = services.application_evaluate(application=application, on=journey.TODAY)
        journey.save_answers(applicant, application, journey.complete_answers())
        after = services.application_evaluate(application=application, on=journey.TODAY)
        return before, after

    before, after = _in_one_request(save_then_evaluate)
    assert len(after.form_findings) < len(before.form_findings)


@pytest.mark.django_db
def test_a_payment_that_leaves_the_version_alone_is_still_seen(applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    journey.save_answers(applicant, application, journey.complete_answers())

    def pay_then_read_the_balance():
        before = payment_selectors.balance_for(application, journey.TODAY)
        version = application.version
        journey.pay(applicant, application)
        application.refresh_from_db()
        assert application.version == version  # the key alone would not have told
        after = payment_selectors.balance_for(application, journey.TODAY)
        return before, after

    before, after = _in_one_request(pay_then_read_the_balance)
    assert before.paid == 0 and before.outstanding > 0
    assert after.paid > 0 and after.outstanding == 0


@pytest.mark.django_db
def test_what_a_rolled_back_transaction_read_is_never_served(applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    journey.save_answers(applicant, application, journey.complete_answers())

    class Undone(Exception):
        pass

    def pay_in_a_transaction_that_fails():
        with pytest.raises(Undone), transaction.atomic():
            journey.pay(applicant, application)
            inside = payment_selectors.balance_for(application, journey.TODAY)
            raise Undone
        return inside, payment_selectors.balance_for(application, journey.TODAY)

    inside, after = _in_one_request(pay_in_a_transaction_that_fails)
    assert inside.paid > 0
    assert after.paid == 0


def test_two_threads_never_share_a_memo():
    seen = {}
    ready = threading.Barrier(2)

    def request(name):
        with memo_scope():
            remember("key", lambda: name)
            ready.wait()
            seen[name] = remember("key", lambda: "recomputed")

    threads = [threading.Thread(target=request, args=(name,)) for name in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"first": "first", "second": "second"}
    # And once the request is over, nothing is remembered.
    assert remember("key", lambda: "computed") == "computed"


@pytest.mark.django_db
def test_a_representation_ended_in_the_request_ends_the_representatives_access_in_it(representative, applicant):
    from portique.applications.access import Capability, capabilities
    from portique.representation.services import representation_revoke
    from tests.representation.conftest import accepted

    application, representation = accepted(representative, applicant)

    def check_revoke_check():
        before = capabilities(actor=representative, application=application)
        representation_revoke(actor=applicant, public_id=representation.public_id)
        return before, capabilities(actor=representative, application=application)

    before, after = _in_one_request(check_revoke_check)
    assert Capability.PREPARE in before
    assert after == frozenset()
