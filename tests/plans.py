"""PostgreSQL's plan of a query when reading the whole table is ruled out.

With a test's handful of rows the planner would rather read the table, so the question a test
asks is whether an index *can* serve the query: it cannot when the index's condition, columns
or expression drift from the query's filter and order.
"""

from __future__ import annotations

from django.db import connection, transaction


def plan_without_table_reads(queryset) -> str:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        return queryset.explain()
