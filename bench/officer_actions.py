"""How many actions an officer spends per routine file, one by one and in bulk (issue 18).

Run it (a real headless Chromium against a live test server, on a throwaway test database):

    PYTHONPATH=$PWD DEBUG=1 .venv/bin/python -m pytest -q -p no:randomly -s bench/officer_actions.py

As the demo officer (a supervisor and administrator: may screen and decide), for a PR card renewal
and a spouse sponsorship with two children, ten routine files each way, everything done through the
officer's pages by clicks:

- **acceptance**, from the screening queue to the files accepted: one by one (the file, "Screen
  for completeness", "Accept the application") against bulk (tick the routine files in the queue,
  "Accept the selected routine files");
- **in between**, what each file needs before an approval, on its own pages whichever way it was
  accepted (bulk work changes none of it): "Start processing"; for a sponsorship the sponsor's
  assessment ("Assess the sponsor first", "Approved", record); the biometric letters sent and each
  collection recorded (the person chosen, the date typed); the medical instructions sent and each
  result recorded (the date typed);
- **approval**, from the ready-for-decision queue to the files approved: one by one (the file,
  "Decide", the pre-filled decision form confirmed) against bulk ("Approve routine files
  together", "Approve the selected files": approval pre-selected on every row).

The **whole path** is the three together, from the queue to an approval: what the issue measured
one by one. It counts page loads (the browser's load events), form posts (navigations with POST)
and clicks (every click or tick; choosing from a list is two, open and choose; typing into a field
is one, for the click into it), and prints them per file. Coming back to a queue or to a file's
page (its tab or breadcrumb) is one click and one load.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.utils import timezone

from portique.applications.choices import Status
from portique.casework import triage
from tests.browser.conftest import browser, page  # noqa: F401  (the fixtures: a real Chromium)
from tests.browser.test_officer import sign_in
from tests.casework.factories import submitted_application
from tests.casework.test_sponsorship_decisions import _submitted
from tests.conftest import _officer, _user

FILES = 10


@dataclass
class Count:
    loads: int = 0
    posts: int = 0
    clicks: int = 0


class Officer:
    """The officer's browser, counting what they do."""

    def __init__(self, browser_page):
        self.page = browser_page
        self.count = Count()
        browser_page.on("load", lambda _loaded: self._loaded())
        browser_page.on("request", self._requested)

    def _loaded(self):
        self.count.loads += 1

    def _requested(self, request):
        if request.is_navigation_request() and request.frame == self.page.main_frame and request.method == "POST":
            self.count.posts += 1

    def reset(self) -> Count:
        done, self.count = self.count, Count()
        return done

    def click(self, locator, **options):
        self.count.clicks += 1
        locator.click(**options)
        self.page.wait_for_load_state("load")

    def tick(self, locator):
        self.count.clicks += 1
        locator.check()

    def choose(self, locator, value: str):
        self.count.clicks += 2  # open the list, choose
        locator.select_option(value)

    def type_date(self, locator, day):
        self.count.clicks += 1  # into the field; the typing is not counted
        locator.fill(day.isoformat())

    def open_queue(self, queue: str, extra: str = ""):
        # The officer comes back to the queue (a tab or the breadcrumb): one click, one load.
        self.count.clicks += 1
        self.page.goto(f"/en/officer/?queue={queue}{extra}")

    def open_file(self, application):
        # Back to the file's page (its breadcrumb), unless the last action landed there.
        path = f"/en/officer/files/{application.public_id}/"
        if not self.page.url.split("?")[0].split("#")[0].endswith(path):
            self.count.clicks += 1
            self.page.goto(path)


def _pr_card(number: int):
    return submitted_application(_user(f"card{number}@example.ca", "applicant"))


def _sponsorship(number: int):
    return _submitted(_user(f"sponsor{number}@example.ca", "applicant"))


MAKERS = {"pr_card": _pr_card, "spouse_sponsorship": _sponsorship}


def _in_between(officer: Officer, files) -> Count:
    """What each file needs before an approval, done on the officer's pages, file by file."""
    screen = officer.page
    today = timezone.localdate()
    for application in files:
        officer.open_file(application)
        start = screen.get_by_role("button", name="Start processing")
        if start.count():
            officer.click(start)
        if application.definition.sponsored:
            officer.open_file(application)
            officer.click(screen.get_by_role("link", name="Assess the sponsor first"))
            officer.tick(screen.locator("#decision-approve"))
            officer.click(screen.get_by_role("button", name="Record the sponsor assessment"))
        # The file's page says what an approval still waits for: the officer goes where it points.
        officer.open_file(application)
        waiting = screen.locator("#readiness")
        waits_for = waiting.inner_text().lower() if waiting.count() else ""
        if "biometric" in waits_for:
            _biometrics(officer, today)
        if "medical" in waits_for:
            officer.open_file(application)
            _medical(officer, today)
    return officer.reset()


def _biometrics(officer: Officer, today) -> None:
    screen = officer.page
    officer.click(screen.get_by_role("link", name="Biometrics", exact=True))
    send = screen.get_by_role("button", name="Send the letters")
    if send.count():
        officer.click(send)
    for _person in range(6):
        record = screen.get_by_role("button", name="Record", exact=True)
        if not record.count():
            break
        position = screen.locator("select[name=position]")
        if position.count():
            chosen = position.locator("option[value]:not([value=''])").first.get_attribute("value")
            officer.choose(position, chosen)
        officer.type_date(screen.locator("[name=collected_on]"), today)
        officer.click(record)


def _medical(officer: Officer, today) -> None:
    screen = officer.page
    officer.click(screen.get_by_role("link", name="Medical exams", exact=True))
    instruct = screen.get_by_role("button", name="Send each of them their instructions")
    if instruct.count():
        officer.click(instruct)
    for _person in range(6):
        result = screen.locator("form:has(input[name=action][value=result])")
        if not result.count():
            break
        officer.type_date(result.first.locator("[name$=result_on]"), today)
        officer.click(result.first.get_by_role("button", name="Record the result"))


def _accept_one_by_one(officer: Officer, files) -> Count:
    screen = officer.page
    for application in files:
        officer.open_queue("screening")
        officer.click(screen.get_by_role("link", name=application.number, exact=True))
        officer.click(screen.get_by_role("link", name="Screen for completeness"))
        officer.click(screen.get_by_role("button", name="Accept the application"))
    return officer.reset()


def _decide_one_by_one(officer: Officer, files) -> Count:
    screen = officer.page
    for application in files:
        officer.open_queue("ready_for_decision")
        officer.click(screen.get_by_role("link", name=application.number, exact=True))
        officer.click(screen.get_by_role("link", name="Decide", exact=True))
        officer.click(screen.get_by_role("button", name="Record the decision and send the letter"))
    return officer.reset()


def _accept_in_bulk(officer: Officer, files) -> Count:
    screen = officer.page
    officer.open_queue("screening", "&triage=routine")
    for application in files:
        officer.tick(screen.locator(f"#select-{application.public_id}"))
    officer.click(screen.get_by_role("button", name="Accept the selected routine files"), timeout=300_000)
    return officer.reset()


def _approve_in_bulk(officer: Officer, program: str) -> Count:
    screen = officer.page
    officer.open_queue("ready_for_decision")
    officer.click(screen.get_by_role("link", name="Approve routine files together"))
    tab = screen.locator(f'a[href="?program={program}"]')
    if tab.count() and tab.get_attribute("aria-current") != "page":
        officer.click(tab)
    officer.click(screen.get_by_role("button", name="Approve the selected files"), timeout=300_000)
    return officer.reset()


def _per_file(count: Count) -> str:
    return f"{count.loads / FILES:5.1f} · {count.posts / FILES:4.1f} · {count.clicks / FILES:5.1f}"


def _sum(*counts: Count) -> Count:
    return Count(
        sum(c.loads for c in counts), sum(c.posts for c in counts), sum(c.clicks for c in counts)
    )


def _ready(application) -> bool:
    from portique.casework.readiness import readiness

    application.refresh_from_db()
    return readiness(application, on=timezone.localdate()).ready


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("program", ["pr_card", "spouse_sponsorship"])
def test_actions_per_routine_file(page, live_server, settings, program):  # noqa: F811
    settings.CASEWORK_QA_SHARE = "0"
    page.set_default_timeout(300_000)
    demo = _officer("demo-officer@example.ca", ["supervisor", "administrator"], first_name="Demo", last_name="Officer")
    one_by_one = [MAKERS[program](number) for number in range(FILES)]
    in_bulk = [MAKERS[program](number + FILES) for number in range(FILES)]
    sign_in(page, live_server, demo)
    officer = Officer(page)

    accepting = _accept_one_by_one(officer, one_by_one)
    between = _in_between(officer, one_by_one)
    assert all(_ready(application) for application in one_by_one)
    deciding = _decide_one_by_one(officer, one_by_one)

    triage.triage_switch(actor=demo, program=program, enabled=True, reason="Measuring bulk work.")
    bulk_accepting = _accept_in_bulk(officer, in_bulk)
    bulk_between = _in_between(officer, in_bulk)
    assert all(_ready(application) for application in in_bulk)
    bulk_approving = _approve_in_bulk(officer, program)

    for application in one_by_one + in_bulk:
        application.refresh_from_db()
        assert application.status == Status.APPROVED, application.number
    rows = [
        ("acceptance", accepting, bulk_accepting),
        ("approval", deciding, bulk_approving),
        ("acceptance + approval", _sum(accepting, deciding), _sum(bulk_accepting, bulk_approving)),
        ("in between (file by file)", between, bulk_between),
        (
            "whole path, queue to approval",
            _sum(accepting, between, deciding),
            _sum(bulk_accepting, bulk_between, bulk_approving),
        ),
    ]
    print(f"\n{program}, per routine file ({FILES} files each way), page loads · posts · clicks:")
    print(f"  {'':32} {'one by one':>20}   {'bulk':>20}")
    for name, alone, together in rows:
        print(f"  {name:32} {_per_file(alone):>20}   {_per_file(together):>20}")
