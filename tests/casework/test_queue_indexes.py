"""The queues read their files through indexes of their own order (issue 19), on PostgreSQL:
each index *can* serve its queue (``tests.plans``)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from portique.casework.choices import Queue
from portique.casework.selectors import queue_items
from tests.plans import plan_without_table_reads

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the plans are PostgreSQL's"),
]


# "Waiting for an answer" reads the overdue files' indexes too (bench/volume.py); on empty
# tables the planner prefers its range of deadlines there, so their shared condition is pinned
# through "Overdue".
@pytest.mark.parametrize(
    ("queue", "sort", "index"),
    [
        (Queue.SPONSOR_TO_ASSESS, "oldest", "app_sponsor_queue_oldest"),
        (Queue.SPONSOR_TO_ASSESS, "newest", "app_sponsor_queue_oldest"),  # read backwards
        (Queue.SPONSOR_TO_ASSESS, "due", "app_sponsor_queue_due"),
        (Queue.SPONSOR_TO_ASSESS, "urgent", "app_sponsor_queue_urgent"),
        (Queue.OVERDUE, "oldest", "app_open_request_oldest"),
        (Queue.OVERDUE, "newest", "app_open_request_oldest"),
        (Queue.OVERDUE, "urgent", "app_open_request_urgent"),
    ],
)
def test_the_queue_is_read_from_the_index_of_its_order(queue, sort, index):
    first_page = queue_items(queue=queue, today=date(2026, 12, 7), sort=sort)[:51]
    assert index in plan_without_table_reads(first_page)
