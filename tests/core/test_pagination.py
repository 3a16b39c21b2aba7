"""The pagination links shared by the long lists (work queues, letters to mail, the logs)."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation


def _links(query: str, number: int, language: str = "en", **labels) -> str:
    page = Paginator(range(30), 10).page(number)
    request = RequestFactory().get(f"/officer/?{query}")
    with translation.override(language):
        return render_to_string("core/includes/pagination.html", {"page": page, **labels}, request=request)


def test_the_links_keep_the_filters_and_change_only_the_page():
    html = _links("queue=new&program=pr_card&page=2", 2)
    assert 'href="?queue=new&amp;program=pr_card&amp;page=1">Previous' in html
    assert 'href="?queue=new&amp;program=pr_card&amp;page=3">Next' in html
    assert "Page 2 of 3" in html


def test_the_first_and_last_pages_have_one_link_and_the_labels_can_be_named():
    first = _links("email=a%40b.ca", 1, previous_label="Newer", next_label="Older")
    assert "Newer" not in first and 'href="?email=a%40b.ca&amp;page=2">Older' in first
    last = _links("", 3, "fr")
    assert 'href="?page=2">Précédent' in last and "Suivant" not in last and "Page 3 de 3" in last


def test_a_single_page_has_no_links():
    page = Paginator(range(5), 10).page(1)
    assert render_to_string("core/includes/pagination.html", {"page": page}, request=RequestFactory().get("/")).strip() == ""
