"""How many actions an officer spends per routine file, one by one and in bulk (issue 18).

Run it (a real headless Chromium against a live test server, on a throwaway test database):

    DEBUG=1 .venv/bin/python -m pytest -q -p no:randomly -s bench/officer_actions.py

As the demo officer (a supervisor and administrator: may screen and decide), for a PR card renewal
and a spouse sponsorship with two children, ten routine files each way:

- **acceptance**, from the screening queue to the files accepted: one by one (the file, "Screen
  for completeness", "Accept the application", back to the queue) against bulk (tick the routine
  files in the queue, "Accept the selected routine files");
- **approval**, from the ready-for-decision queue to the files approved: one by one (the file,
  "Decide", the pre-filled decision form confirmed, back to the queue) against bulk ("Approve
  routine files together", "Approve the selected files": approval pre-selected on every row).

What happens between the two (processing started, biometrics and medical results recorded, the
sponsor assessed) is done through the services the same way for both, and not counted: bulk work
changes none of it. It counts page loads (the browser's load events), form posts (navigations
with POST) and clicks (every click or tick the officer makes), and prints them per file.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from portique.applications.choices import Status
from portique.casework import services, triage
from portique.casework.sponsorship import sponsor_assess
from tests import journey
from tests import sponsorship_journey as sj
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

    def open_queue(self, queue: str, extra: str = ""):
        # The officer comes back to the queue (a tab or the breadcrumb): one click, one load.
        self.count.clicks += 1
        self.page.goto(f"/en/officer/?queue={queue}{extra}")


def _pr_card(number: int):
    return submitted_application(_user(f"card{number}@example.ca", "applicant"))


def _sponsorship(number: int):
    return _submitted(_user(f"sponsor{number}@example.ca", "applicant"))


MAKERS = {"pr_card": _pr_card, "spouse_sponsorship": _sponsorship}


def _made_ready(officer, files):
    """What an approval waits for, done through the services (the same for both ways)."""
    for application in files:
        application.refresh_from_db()
        services.processing_start(actor=officer, public_id=application.public_id)
        if application.definition.sponsored:
            sponsor_assess(actor=officer, public_id=application.public_id, approved=True, on=sj.TODAY)
        journey.collect_before_decision(officer, application)


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
    return f"{count.loads / FILES:5.1f} page loads, {count.posts / FILES:4.1f} posts, {count.clicks / FILES:5.1f} clicks"


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
    _made_ready(demo, one_by_one)
    officer.reset()
    deciding = _decide_one_by_one(officer, one_by_one)

    triage.triage_switch(actor=demo, program=program, enabled=True, reason="Measuring bulk work.")
    bulk_accepting = _accept_in_bulk(officer, in_bulk)
    _made_ready(demo, in_bulk)
    officer.reset()
    bulk_approving = _approve_in_bulk(officer, program)

    for application in one_by_one + in_bulk:
        application.refresh_from_db()
        assert application.status == Status.APPROVED, application.number
    print(f"\n{program}, per routine file ({FILES} files each way):")
    print(f"  accept, one by one:  {_per_file(accepting)}")
    print(f"  accept, in bulk:     {_per_file(bulk_accepting)}")
    print(f"  approve, one by one: {_per_file(deciding)}")
    print(f"  approve, in bulk:    {_per_file(bulk_approving)}")
    both = Count(
        accepting.loads + deciding.loads, accepting.posts + deciding.posts, accepting.clicks + deciding.clicks
    )
    bulk = Count(
        bulk_accepting.loads + bulk_approving.loads,
        bulk_accepting.posts + bulk_approving.posts,
        bulk_accepting.clicks + bulk_approving.clicks,
    )
    print(f"  both, one by one:    {_per_file(both)}")
    print(f"  both, in bulk:       {_per_file(bulk)}")
