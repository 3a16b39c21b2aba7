"""Pages of long lists that cost the same at the millionth row as at the first (issue 19).

``keyset_page`` reads a page *after* (or *before*) the last row shown, by the values of the
list's order, instead of skipping ``OFFSET`` rows: the database walks its index from there,
so a deep page, or the last, costs what the first does. The links carry a cursor (the order
values of the row at the edge, signed so a hand-made link cannot raise an error).

``bounded_count`` counts at most ``cap`` rows exactly; past that, it says "about N" with the
planner's estimate (PostgreSQL) or "more than N" (elsewhere), never scanning the table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.core import signing
from django.db import connections
from django.db.models import F, Q, QuerySet

SALT = "portique.keyset"
COUNT_CAP = 1000


@dataclass(frozen=True)
class Count:
    """How many rows a list holds: ``value`` exactly, or about (``estimated``) or at least (``at_least``)."""

    value: int
    estimated: bool = False
    at_least: bool = False

    @property
    def exact(self) -> bool:
        return not (self.estimated or self.at_least)


def bounded_count(queryset: QuerySet, *, cap: int = COUNT_CAP) -> Count:
    """The rows of ``queryset``, counted exactly up to ``cap``; over it, estimated without a scan."""
    found = queryset.order_by()[: cap + 1].count()
    if found <= cap:
        return Count(found)
    estimate = _planner_estimate(queryset)
    if estimate is None:
        return Count(cap, at_least=True)
    return Count(max(estimate, cap + 1), estimated=True)


def _planner_estimate(queryset: QuerySet) -> int | None:
    """PostgreSQL's estimate of the rows (``EXPLAIN``: the statistics, no scan); None elsewhere."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


@dataclass
class KeysetPage:
    object_list: list
    count: Count
    next_cursor: str = ""
    previous_cursor: str = ""
    # True when this is the list's first page (no "Previous"), or its last one.
    is_first: bool = True
    is_last: bool = True
    extra: dict = field(default_factory=dict)

    @property
    def has_next(self) -> bool:
        return bool(self.next_cursor)

    @property
    def has_previous(self) -> bool:
        return bool(self.previous_cursor)

    @property
    def has_other_pages(self) -> bool:
        return not (self.is_first and self.is_last)

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)


def _names(order: tuple[str, ...]) -> list[tuple[str, bool]]:
    return [(name.lstrip("-"), name.startswith("-")) for name in order]


def _value_of(row, name: str):
    value = getattr(row, name)
    return getattr(value, "pk", value)


def _encode(row, order) -> str:
    values = [_value_of(row, name) for name, _descending in _names(order)]
    return signing.dumps([value.isoformat() if hasattr(value, "isoformat") else value for value in values], salt=SALT)


def _decode(cursor: str, queryset: QuerySet, order) -> list | None:
    try:
        raw = signing.loads(cursor, salt=SALT)
    except signing.BadSignature:
        return None
    names = _names(order)
    if not isinstance(raw, list) or len(raw) != len(names):
        return None
    values = []
    for (name, _descending), value in zip(names, raw, strict=True):
        field_name = name.split("__")[0]
        try:
            model_field = queryset.model._meta.get_field(field_name)
        except Exception:  # noqa: BLE001 — an annotation: kept as given
            values.append(value)
            continue
        target = getattr(model_field, "target_field", model_field)
        try:
            values.append(target.to_python(value))
        except Exception:  # noqa: BLE001 — a tampered cursor reads as no cursor
            return None
    return values


def _beyond(order, values, *, forward: bool) -> Q:
    """Rows strictly after (``forward``) or before the row whose order values are ``values``."""
    condition = Q(pk__in=[])
    equal = Q()
    names = _names(order)
    # The first key's bound alone lets the database start its index scan at the cursor (the
    # "or" below cannot be used to seek): a deep page costs what the first one does.
    first, first_descending = names[0]
    bound = Q(**{f"{first}__lte" if first_descending == forward else f"{first}__gte": values[0]})
    for (name, descending), value in zip(names, values, strict=True):
        # Forwards, an ascending key grows and a descending one shrinks; backwards, the opposite.
        smaller = descending == forward
        step = Q(**{f"{name}__lt" if smaller else f"{name}__gt": value})
        condition |= equal & step
        equal &= Q(**{name: value})
    return bound & condition


def _reversed(order) -> list:
    return [F(name).asc() if descending else F(name).desc() for name, descending in _names(order)]


def keyset_page(
    queryset: QuerySet,
    *,
    order: tuple[str, ...],
    per_page: int,
    after: str = "",
    before: str = "",
    last: bool = False,
    counted: bool = True,
) -> KeysetPage:
    """A page of ``queryset`` in ``order`` (field names, ``-`` for descending, ending with a unique
    one): the first page, the one after the cursor ``after``, the one before ``before``, or the last."""
    count = bounded_count(queryset) if counted else Count(0, at_least=True)
    forward = not (before or last)
    cursor_values = None
    if after or before:
        cursor_values = _decode(after or before, queryset, order)
        if cursor_values is None:
            forward, after, before = True, "", ""
    rows = queryset
    if cursor_values is not None:
        rows = rows.filter(_beyond(order, cursor_values, forward=forward))
    rows = rows.order_by(*order) if forward else rows.order_by(*_reversed(order))
    found = list(rows[: per_page + 1])
    more = len(found) > per_page
    found = found[:per_page]
    if not forward:
        found.reverse()
    if forward:
        is_first = cursor_values is None
        is_last = not more
    else:
        is_first = not more
        is_last = cursor_values is None
    page = KeysetPage(object_list=found, count=count, is_first=is_first, is_last=is_last)
    if found and not is_last:
        page.next_cursor = _encode(found[-1], order)
    if found and not is_first:
        page.previous_cursor = _encode(found[0], order)
    return page
