"""Queries per page, pinned (issue 19; NetBox's query-count baselines are the model).

Each main page's number of SQL queries is written down below. A page that asks for more
fails its test, with the queries it ran, so an N+1 or a forgotten ``select_related`` is
seen in review; a page that asks for fewer fails too, asking for the baseline to be
lowered, so the gain is kept. The same page with one child and with three (or one
application and three) asks the same number of queries: nothing is read per row.

The numbers are those of SQLite; PostgreSQL asks the same queries (the test runs there too).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portique.applications.choices import Program
from tests import journey
from tests import sponsorship_journey as sponsorship

# Page → queries of one request. Lower a number when a page asks for less; raise one only
# with a reason in the commit message.
BASELINE = {
    "pr_card": {
        "dashboard": 8,
        "application page": 16,
        "section (GET)": 11,
        "section (POST save)": 23,
        "documents": 17,
        "fees": 15,
        "signing": 14,
        "submit (POST)": 22,
        "confirmation": 9,
    },
    "spouse_sponsorship": {
        "dashboard": 8,
        "application page": 24,
        "section (GET)": 11,
        "section (POST save)": 26,
        "documents": 19,
        "fees": 17,
        "signing": 15,
        "submit (POST)": 27,
        "confirmation": 9,
    },
    "representative": {"client list": 10},
    # The work queue's tab counts were taken by the session's first request and are read from
    # the cache (casework.selectors.queue_counts): the measured request lists its files only.
    "officer": {"file": 43, "work queue": 17},
}

# Page → the rules' evaluations of one request (``portique.rules.evaluate.evaluate`` calls):
# each question asked once (core.request_memo). A sponsorship's application page asks two
# different ones: the evaluation as it stands, and as it would be once signed.
EVALUATIONS = {
    "application page": {"pr_card": 1, "spouse_sponsorship": 2},
    "documents": 1,
    "signing": 1,
    "section (POST save)": 1,
    "submit (POST)": 1,
    "file": 1,
}


# Every module that calls the rules' ``evaluate``: the spy counts the evaluations of a request.
EVALUATE_CALLERS = (
    "portique.applications.services",
    "portique.applications.signing.several_signers",
    "portique.casework.undertaking",
)


class EvaluationSpy:
    def __init__(self):
        self.calls = 0

    def __enter__(self):
        from unittest import mock

        from portique.rules.evaluate import evaluate

        def counted(case):
            self.calls += 1
            return evaluate(case)

        self._patches = [mock.patch(f"{module}.evaluate", counted) for module in EVALUATE_CALLERS]
        for patch in self._patches:
            patch.start()
        return self

    def __exit__(self, *exc):
        for patch in self._patches:
            patch.stop()


@dataclass(frozen=True)
class Measured:
    queries: tuple[str, ...]
    evaluations: int

    def __len__(self):
        return len(self.queries)


def measure(client: Client, method: str, url: str, data: dict | None = None) -> Measured:
    # The query log keeps the last 9,000 queries only (a journey's setup fills it), so the
    # log is emptied first and read before the next request.
    reset_queries()
    with EvaluationSpy() as spy, CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data or {})
    assert response.status_code in (200, 302), (url, response.status_code)
    measured = Measured(tuple(query["sql"] for query in captured.captured_queries), spy.calls)
    if os.environ.get("PAGE_QUERIES_SHOW"):
        print(f"PAGE {url} {method} queries={len(measured)} evaluations={measured.evaluations}")
        if os.environ.get("PAGE_QUERIES_SHOW") == "sql":
            print("\n".join(f"  SQL {sql[:230]}" for sql in measured.queries))
    return measured


def compare(group: str, measured: dict[str, Measured]) -> None:
    expected = BASELINE[group]
    assert set(measured) == set(expected)
    problems = []
    for page, captured in measured.items():
        count = len(captured)
        if count > expected[page]:
            queries = "\n    ".join(captured.queries)
            problems.append(
                f"{group} / {page}: {count} queries, the baseline is {expected[page]}. "
                f"Find the new query (a missing select_related or prefetch_related?):\n    {queries}"
            )
        elif count < expected[page]:
            problems.append(
                f"{group} / {page}: {count} queries, fewer than the baseline {expected[page]}. "
                f"Well done: lower BASELINE[{group!r}][{page!r}] to {count} in {__name__} to keep the gain."
            )
        evaluations = EVALUATIONS.get(page, 0)
        if isinstance(evaluations, dict):
            evaluations = evaluations[group]
        if captured.evaluations != evaluations:
            problems.append(
                f"{group} / {page}: the rules evaluated {captured.evaluations} times, {evaluations} expected "
                "(each question once per request: see portique.core.request_memo)."
            )
    assert not problems, "\n".join(problems)


class _FormValues(HTMLParser):
    """The values a browser would send back from the page's section form, as shown."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select = self._textarea = None
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post" and "novalidate" in attrs:
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("radio", "checkbox") and "checked" not in attrs:
                return
            self.data.setdefault(name, []).append(attrs.get("value") or "")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.setdefault(self._select, []).append(attrs.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data.setdefault(name, []).append("")

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._in_form = False


def form_values(page: str) -> dict[str, list[str]]:
    parser = _FormValues()
    parser.feed(page)
    assert parser.data, "no section form found on the page"
    return parser.data


def applicant_pages(client: Client, application, *, signing_url: str, sign) -> dict[str, Measured]:
    """Every page of the applicant's way, each measured on its second request (the first one
    records the session's bookkeeping); the POSTs measured as they are."""
    public_id = application.public_id
    definition = application.definition
    section = definition.forms_for(definition.account_holder_role)[0].sections[0].code
    urls = {
        "dashboard": reverse("applications:dashboard"),
        "application page": reverse("applications:overview", args=[public_id]),
        "section (GET)": reverse("applications:section", args=[public_id, section]),
        "documents": reverse("documents:index", args=[public_id]),
        "fees": reverse("payments:pay", args=[public_id]),
        "signing": signing_url,
    }
    measured = {}
    for page, url in urls.items():
        client.get(url)
        measured[page] = measure(client, "get", url)
    values = form_values(client.get(urls["section (GET)"]).content.decode())
    measured["section (POST save)"] = measure(client, "post", urls["section (GET)"], {**values, "continue": "1"})
    sign()
    client.get(urls["application page"])
    measured["submit (POST)"] = measure(client, "post", reverse("applications:submit", args=[public_id]))
    application.refresh_from_db()
    assert application.submitted_at is not None
    confirmation = reverse("applications:confirmation", args=[public_id])
    client.get(confirmation)
    measured["confirmation"] = measure(client, "get", confirmation)
    return measured


@pytest.mark.django_db
def test_the_pr_card_pages_ask_their_baseline_queries(client, applicant):
    from portique.applications import services

    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    journey.save_answers(applicant, application, journey.complete_answers())
    journey.upload_checklist(applicant, application)
    journey.pay(applicant, application)
    client.force_login(applicant)
    measured = applicant_pages(
        client,
        application,
        signing_url=reverse("applications:sign", args=[application.public_id]),
        sign=lambda: journey.sign(applicant, application),
    )
    compare("pr_card", measured)


def paid_sponsorship(actor, *, children: int):
    """A spouse abroad with ``children`` accompanying children, every form answered, documents uploaded, paid."""
    application = sponsorship.started(actor)
    answers = {"sponsor": sponsorship.SPONSOR["sponsor"], "history": sponsorship.SPONSOR["history"], "convictions": []}
    sponsorship.save_form(actor, application, 0, "IMM1344", answers)
    for form_code, by_section in sponsorship.PA.items():
        sponsorship.save_form(actor, application, 1, form_code, by_section)
    for number in range(children):
        child = sponsorship.add_child(actor, application)
        given = ("Ada", "Obi", "Ifeoma")[number]
        answers = sponsorship.child_answers(given, f"201{number + 2}-01-20")["IMM0008"]
        sponsorship.save_form(actor, application, child.position, "IMM0008", answers)
    journey.upload_checklist(actor, application)
    journey.pay(actor, application, payer_name=sponsorship.SPONSOR_NAME)
    application.refresh_from_db()
    return application


def sign_sponsorship(actor, application):
    sponsorship.sign(actor, application, 0, sponsorship.SPONSOR_NAME)
    sponsorship.sign(actor, application, 1, sponsorship.PA_NAME)


@pytest.mark.django_db
def test_the_sponsorship_pages_ask_their_baseline_queries(client, applicant):
    application = paid_sponsorship(applicant, children=2)
    client.force_login(applicant)
    measured = applicant_pages(
        client,
        application,
        signing_url=reverse("applications:person_sign", args=[application.public_id, 0]),
        sign=lambda: sign_sponsorship(applicant, application),
    )
    compare("spouse_sponsorship", measured)


def read_only_pages(client: Client, application) -> dict[str, int]:
    public_id = application.public_id
    counts = {}
    for page, url in {
        "application page": reverse("applications:overview", args=[public_id]),
        "documents": reverse("documents:index", args=[public_id]),
        "fees": reverse("payments:pay", args=[public_id]),
        "signing": reverse("applications:person_sign", args=[public_id, 0]),
        "people's section": reverse("applications:person_section", args=[public_id, 1, "IMM0008", "personal"]),
    }.items():
        client.get(url)
        counts[page] = len(measure(client, "get", url))
    return counts


@pytest.mark.django_db
def test_a_sponsorship_with_three_children_asks_as_many_queries_as_with_one(client, applicant, other_applicant):
    one = paid_sponsorship(applicant, children=1)
    three = paid_sponsorship(other_applicant, children=3)
    assert three.documents.count() > one.documents.count()
    client.force_login(applicant)
    with_one = read_only_pages(client, one)
    client.force_login(other_applicant)
    assert read_only_pages(client, three) == with_one


@pytest.mark.django_db
def test_the_dashboard_asks_as_many_queries_for_three_applications_as_for_one(client, applicant):
    from portique.applications import services

    services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    url = reverse("applications:dashboard")
    client.get(url)
    one = len(measure(client, "get", url))
    journey.ready_to_submit(applicant)
    sponsorship.started(applicant)
    assert len(measure(client, "get", url)) == one


@pytest.mark.django_db
def test_the_representatives_client_list_asks_its_baseline_queries(client, representative, applicant):
    from tests.representation.conftest import accepted

    accepted(representative, applicant)
    client.force_login(representative)
    url = reverse("representation:dashboard")
    client.get(url)
    compare("representative", {"client list": measure(client, "get", url)})


@pytest.mark.django_db
def test_the_officers_file_and_work_queue_ask_their_baseline_queries(client, applicant, officer):
    from tests.casework.factories import submitted_application

    submitted = submitted_application(applicant)
    client.force_login(officer)
    measured = {}
    for page, url, data in (
        ("file", reverse("casework:file", args=[submitted.public_id]), None),
        ("work queue", reverse("casework:home"), {"queue": "screening"}),
    ):
        client.get(url, data or {})
        measured[page] = measure(client, "get", url, data)
    compare("officer", measured)
