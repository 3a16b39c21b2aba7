"""Keyset pages (issue 19): every row once, in order, in both directions, whatever the ties;
counts exact up to the cap and labelled when they are not."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from portique.core.keyset import Count, bounded_count, keyset_page
from portique.core.templatetags.portique import count_label

ORDER = ("last_name", "-id")


@pytest.fixture
def people(db):
    from portique.accounts.models import User

    # Many ties on the first key: the second (unique) one decides.
    User.objects.bulk_create(
        [User(email=f"p{number}@example.ca", last_name=f"N{number % 4}") for number in range(23)]
    )
    return User.objects.filter(email__startswith="p")


def _walk(people, *, per_page: int):
    """Forwards to the end by "Next", then backwards to the start by "Previous"."""
    forwards, page = [], keyset_page(people, order=ORDER, per_page=per_page)
    assert page.is_first
    while True:
        forwards.append([row.pk for row in page])
        if page.is_last:
            break
        page = keyset_page(people, order=ORDER, per_page=per_page, after=page.next_cursor)
    backwards = [[row.pk for row in page]]
    while not page.is_first:
        page = keyset_page(people, order=ORDER, per_page=per_page, before=page.previous_cursor)
        backwards.append([row.pk for row in page])
    return forwards, backwards


@pytest.mark.parametrize("per_page", [1, 5, 7, 23, 50])
def test_every_row_once_in_order_both_ways(people, per_page):
    expected = list(people.order_by(*ORDER).values_list("pk", flat=True))
    forwards, backwards = _walk(people, per_page=per_page)
    assert [pk for page in forwards for pk in page] == expected
    assert backwards == list(reversed(forwards))
    assert all(len(page) == per_page for page in forwards[:-1])


def test_the_last_page_is_read_from_the_end(people):
    expected = list(people.order_by(*ORDER).values_list("pk", flat=True))
    last = keyset_page(people, order=ORDER, per_page=5, last=True)
    assert [row.pk for row in last] == expected[-5:]
    assert last.is_last and not last.is_first and not last.has_next
    before = keyset_page(people, order=ORDER, per_page=5, before=last.previous_cursor)
    assert [row.pk for row in before] == expected[-10:-5]


def test_a_forged_cursor_reads_as_the_first_page(people):
    first = keyset_page(people, order=ORDER, per_page=5)
    forged = keyset_page(people, order=ORDER, per_page=5, after="not-a-cursor")
    assert [row.pk for row in forged] == [row.pk for row in first] and forged.is_first


def test_the_count_is_exact_up_to_the_cap_then_labelled(people):
    assert bounded_count(people) == Count(23)
    capped = bounded_count(people, cap=10)
    assert not capped.exact
    if connection.vendor == "postgresql":
        assert capped.estimated and capped.value > 10  # the planner's estimate, never a scan
    else:
        assert capped == Count(10, at_least=True)


def test_count_labels_in_both_languages():
    with translation.override("en"):
        assert count_label(Count(1204)) == "1,204"
        assert count_label(Count(52000, estimated=True)) == "about 52,000"
        assert count_label(Count(1000, at_least=True)) == "more than 1,000"
    with translation.override("fr"):
        assert count_label(Count(52000, estimated=True)) == "environ 52\u00a0000"
        assert count_label(Count(1000, at_least=True)) == "plus de 1\u00a0000"


def test_the_links_keep_the_filters_and_carry_the_cursor(people):
    request = RequestFactory().get("/", {"queue": "screening", "q": "PRC", "after": "old"})
    with translation.override("en"):
        first = keyset_page(people, order=ORDER, per_page=5)
        html = render_to_string("core/includes/keyset_pagination.html", {"page": first}, request=request)
    links = {label: parse_qs(unescape(href)[1:]) for href, label in re.findall(r'href="([^"]*)">([^<]*)<', html)}
    assert links["Next"] == {"queue": ["screening"], "q": ["PRC"], "after": [first.next_cursor]}
    assert 'href="?queue=screening&amp;q=PRC&amp;last=1">Last page' in html
    assert "Previous" not in html and "First page" not in html
    alone = keyset_page(people.filter(last_name="N0"), order=ORDER, per_page=50)
    assert render_to_string("core/includes/keyset_pagination.html", {"page": alone}, request=request).strip() == ""
