"""Long queues and logs (issue 19): pages by cursor, every file once in both directions, and the
same number of queries for one file as for a full page (no query per row)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portique.applications.models import Application
from portique.casework.choices import AccessKind, Queue
from portique.casework.models import FileAccess

from .conftest import ensure_access_log_permission


def copies(application, count: int) -> list[Application]:
    """``count`` more submitted files like ``application`` (rows only: the queue reads nothing else),
    two by two on the same second, so that the order's last key (the id) has ties to break."""
    submitted_at = application.submitted_at
    made = Application.objects.bulk_create(
        [
            Application(
                public_id=uuid.uuid4(),
                number=f"PRC2026{9000000 + number:07d}",
                program=application.program,
                owner=application.owner,
                status=application.status,
                submitted_at=submitted_at - timedelta(seconds=number // 2),
            )
            for number in range(count)
        ]
    )
    return made


def walk(client, url: str, params: dict) -> tuple[list[list[str]], list[list[str]]]:
    """Forwards by "Next" to the end, then back by "Previous"; each page's application numbers."""
    def numbers(response):
        return [application.number for application in response.context["page"]]

    response = client.get(url, params)
    forwards = [numbers(response)]
    while not response.context["page"].is_last:
        response = client.get(url, {**params, "after": response.context["page"].next_cursor})
        forwards.append(numbers(response))
    backwards = [forwards[-1]]
    while not response.context["page"].is_first:
        response = client.get(url, {**params, "before": response.context["page"].previous_cursor})
        backwards.append(numbers(response))
    return forwards, backwards


@pytest.mark.django_db
@pytest.mark.parametrize("sort", ["oldest", "newest", "due", "urgent"])
def test_a_long_queue_shows_every_file_once_in_order_both_ways(client, officer, submitted, sort):
    copies(submitted, 109)
    client.force_login(officer)
    forwards, backwards = walk(client, reverse("casework:home"), {"queue": "screening", "sort": sort})
    assert [len(page) for page in forwards] == [50, 50, 10]
    listed = [number for page in forwards for number in page]
    assert len(set(listed)) == 110 and submitted.number in listed
    assert backwards == list(reversed(forwards))
    if sort == "oldest":
        expected = Application.objects.filter(status=submitted.status).order_by("submitted_at", "id")
        assert listed == list(expected.values_list("number", flat=True))
    last = client.get(reverse("casework:home"), {"queue": "screening", "sort": sort, "last": "1"})
    # The last page is the last fifty files, read from the end of the index.
    assert [application.number for application in last.context["page"]] == listed[-50:]


@pytest.mark.django_db
def test_a_queue_page_costs_the_same_queries_for_one_file_as_for_fifty(
    client, officer, submitted, django_assert_max_num_queries
):
    client.force_login(officer)
    url = reverse("casework:home")
    client.get(url)  # the session and the caches settle
    with django_assert_max_num_queries(40) as one:
        client.get(url, {"queue": "screening"})
    copies(submitted, 70)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(url, {"queue": "screening"})
    assert len(response.context["page"]) == 50
    assert 'href="?queue=screening&amp;after=' in response.content.decode()


# The queue page's queries with the tab counts in the cache (the test cache is in memory: with
# the database cache, one more to read it). Counted for the supervisor (all nine queues) on
# SQLite: session, user, permissions and roles, the page of files and its triage and rules
# lines, the expected decision, the letters' and programs' look-ups.
QUEUE_PAGE_QUERIES = 17


def queries_of(client, url, params) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured), response


@pytest.mark.django_db
@pytest.mark.parametrize("queue", ["screening", "ready_for_decision", "unread"])
def test_a_second_visit_within_the_minute_reads_the_tab_counts_from_the_cache(
    client, supervisor, submitted, queue, django_assert_num_queries
):
    client.force_login(supervisor)
    url = reverse("casework:home")
    client.get(url)  # the session and the caches settle
    cache.clear()
    cold, first = queries_of(client, url, {"queue": queue})
    # Nine tabs and the letters to mail: a bounded count each, read once for the minute.
    with django_assert_num_queries(QUEUE_PAGE_QUERIES):
        second = client.get(url, {"queue": queue})
    # The first visit counts the nine tabs and the letters to mail (the caption's count is its tab's).
    assert cold == QUEUE_PAGE_QUERIES + len(Queue) + 1
    assert second.context["counts"] == first.context["counts"]
    assert second.context["counts_taken_at"] == first.context["counts_taken_at"]


@pytest.mark.django_db
def test_the_list_is_live_while_the_counts_say_when_they_were_taken(client, officer, submitted):
    client.force_login(officer)
    url = reverse("casework:home")
    first = client.get(url, {"queue": "screening"})
    assert dict(first.context["counts"])[Queue.SCREENING].value == 1
    taken = first.context["counts_taken_at"]
    made = copies(submitted, 2)
    again = client.get(url, {"queue": "screening"})
    # The list is read live: the two new files are there at once ...
    assert {application.number for application in again.context["page"]} == {submitted.number} | {
        copy.number for copy in made
    }
    # ... while the tab and the caption still give the figure of the minute, and say when it was taken.
    assert dict(again.context["counts"])[Queue.SCREENING].value == 1
    assert again.context["page"].count.value == 1
    page = again.content.decode()
    shown = timezone.localtime(taken)
    clock = f"{shown.hour % 12 or 12}:{shown:%M} {'a.m.' if shown.hour < 12 else 'p.m.'}"
    assert f"Counts as of {clock}; the lists are always up to date." in page
    assert f"1 file (as of {clock})" in page
    french = client.get(url.replace("/en/", "/fr/"), {"queue": "screening"}).content.decode()
    assert f"Nombres comptés à {shown:%H} h {shown:%M}\u00a0; les listes sont toujours à jour." in french
    assert f"1 dossier (compté à {shown:%H} h {shown:%M})" in french
    # A filtered list is counted live, and says nothing of a time.
    filtered = client.get(url, {"queue": "screening", "program": submitted.program})
    assert filtered.context["page"].count.value == 3
    assert "3 files</caption>" in filtered.content.decode()
    # Once the minute has passed (its cache entry gone), the tabs count again.
    cache.clear()
    fresh = client.get(url, {"queue": "screening"})
    assert dict(fresh.context["counts"])[Queue.SCREENING].value == 3
    assert fresh.context["counts_taken_at"] >= taken


@pytest.mark.django_db
def test_the_queue_finds_a_whole_number_and_a_part_of_one(client, officer, submitted):
    made = copies(submitted, 3)
    client.force_login(officer)
    url = reverse("casework:home")
    whole = client.get(url, {"queue": "screening", "q": made[1].number.lower()})
    assert [application.number for application in whole.context["page"]] == [made[1].number]
    part = client.get(url, {"queue": "screening", "q": "90000"})
    assert {application.number for application in part.context["page"]} == {copy.number for copy in made}


@pytest.mark.django_db
def test_the_access_log_pages_by_cursor_newest_first(client, supervisor, submitted):
    ensure_access_log_permission()
    now = timezone.now()
    FileAccess.objects.bulk_create(
        [
            FileAccess(
                officer=supervisor,
                officer_email=supervisor.email,
                application=submitted,
                kind=AccessKind.FILE_OPENED,
                what=f"entry {number}",
                at=now - timedelta(minutes=number // 3),
            )
            for number in range(250)
        ]
    )
    client.force_login(supervisor)
    url = reverse("casework:access_log")
    response = client.get(url, {"number": submitted.number})
    seen = []
    while True:
        seen += [entry.pk for entry in response.context["page"]]
        if response.context["page"].is_last:
            break
        response = client.get(url, {"number": submitted.number, "after": response.context["page"].next_cursor})
    expected = list(FileAccess.objects.filter(application=submitted).order_by("-at", "-id").values_list("pk", flat=True))
    assert seen == expected
    oldest = client.get(url, {"last": "1"})
    assert [entry.pk for entry in oldest.context["page"]] == expected[-100:]
    assert "Oldest" not in oldest.content.decode() and "Newer" in oldest.content.decode()


@pytest.mark.django_db
def test_sponsors_to_assess_filtered_to_a_program_without_a_sponsor_is_empty_without_a_query_for_it(
    client, decision_maker, django_assert_max_num_queries
):
    client.force_login(decision_maker)
    url = reverse("casework:home")
    client.get(url, {"queue": "sponsor_to_assess"})  # the session and the tab counts settle
    with django_assert_max_num_queries(30) as everything:
        client.get(url, {"queue": "sponsor_to_assess"})
    with django_assert_max_num_queries(len(everything.captured_queries) - 1):
        response = client.get(url, {"queue": "sponsor_to_assess", "program": "pr_card"})
    assert response.status_code == 200 and list(response.context["page"]) == []
