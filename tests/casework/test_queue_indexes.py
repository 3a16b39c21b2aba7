"""The queues read their files through indexes of their own order (issue 19), on PostgreSQL.

With a handful of rows the planner would rather read the table, so reading the table is
ruled out for the question: what is asked is whether an index *can* serve the queue, which
it cannot when the index's condition or columns drift from the queue's filter and order.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection, transaction

from portique.casework.choices import Queue
from portique.casework.selectors import queue_items

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the plans are PostgreSQL's"),
]


def plan_of(queryset) -> str:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        return queryset.explain()


@pytest.mark.parametrize(
    ("sort", "index"),
    [
        ("oldest", "app_sponsor_queue_oldest"),
        ("newest", "app_sponsor_queue_oldest"),
        ("due", "app_sponsor_queue_due"),
        ("urgent", "app_sponsor_queue_urgent"),
    ],
)
def test_sponsors_to_assess_is_read_from_the_index_of_its_order(sort, index):
    first_page = queue_items(queue=Queue.SPONSOR_TO_ASSESS, today=date(2026, 12, 7), sort=sort)[:51]
    assert index in plan_of(first_page)


@pytest.mark.parametrize(
    ("sort", "index"),
    [
        ("oldest", "app_open_request_oldest"),
        ("newest", "app_open_request_oldest"),
        ("urgent", "app_open_request_urgent"),
    ],
)
def test_the_overdue_files_are_read_from_the_index_of_the_order(sort, index):
    # "Waiting for an answer" reads the same indexes (bench/volume.py); on empty tables the
    # planner prefers its range of deadlines there, so the shared condition is pinned here.
    first_page = queue_items(queue=Queue.OVERDUE, today=date(2026, 12, 7), sort=sort)[:51]
    assert index in plan_of(first_page)
