import re

import pytest
from django.urls import reverse
from django.utils import translation


def _html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "lang", "heading", "toggle_text", "toggle_href"),
    [
        ("/en/", "en-CA", "Apply for immigration online", "Français", "/fr/"),
        ("/fr/", "fr-CA", "Présenter une demande d’immigration en ligne", "English", "/en/"),
    ],
)
def test_home_page_is_in_the_language_of_its_url(client, prefix, lang, heading, toggle_text, toggle_href):
    response = client.get(prefix)
    assert response.status_code == 200
    assert _html_lang(response) == lang
    body = response.content.decode().replace("&#x27;", "’").replace("'", "’")
    assert heading in body
    assert f'href="{toggle_href}"' in body and toggle_text in body
    assert body.count("<h1") == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "frame"),
    [
        ("/en/", ['<nav aria-label="Skip links"', '>Skip to main content</a>', '<a class="brand" href="/en/">',
                  ">Immigration applications online<", "<dt>Date modified:</dt>", '<a href="/en/">Home</a>',
                  '<a href="/en/help/">Help and contact</a>', "Official languages: English and French."]),
        ("/fr/", ['<nav aria-label="Liens d’évitement"', ">Passer au contenu principal</a>",
                  '<a class="brand" href="/fr/">', "<dt>Date de modification\xa0:</dt>", '<a href="/fr/">Accueil</a>',
                  '<a href="/fr/help/">Aide et coordonnées</a>']),
    ],
)  # fmt: skip
def test_every_page_is_framed_in_the_language_of_its_url(client, prefix, frame):
    # The frame's words and addresses are worked out once per language (core.per_language):
    # an English page first, then a French one, each gets its own.
    for page in (prefix, f"{prefix}help/", f"{prefix}account/login/"):
        body = client.get(page).content.decode()
        for part in frame:
            assert part in body, (page, part)


@pytest.mark.django_db
def test_language_toggle_keeps_the_same_page_and_query(client):
    with translation.override("en"):
        login = reverse("accounts:login")
    response = client.get(login + "?next=/en/")
    assert 'href="/fr/account/login/?next=/en/"' in response.content.decode()


@pytest.mark.django_db
def test_splash_page_offers_both_languages(client):
    body = client.get("/").content.decode()
    assert 'href="/en/"' in body and 'href="/fr/"' in body


@pytest.mark.django_db
def test_every_page_carries_the_security_headers(client):
    response = client.get("/en/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert re.search(r"script-src 'self' 'nonce-[^']+'", csp)
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in response.headers["Permissions-Policy"]


@pytest.mark.django_db
def test_healthz_reports_database_and_storage(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "storage": "ok"}}


@pytest.mark.django_db
def test_healthz_says_503_when_storage_fails(client, settings, tmp_path):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the store's folder should be")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": blocked}},
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"].startswith("error")


def test_documents_have_no_public_url():
    from django.urls import Resolver404, resolve

    with pytest.raises(Resolver404):
        resolve("/documents-are-not-public/anything.pdf")
