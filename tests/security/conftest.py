import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from . import hostile_files

STRONG = "a long phrase of several words 2026"


@pytest.fixture(autouse=True)
def _fresh_cache():
    # allauth's rate limits and the lockouts live in the cache, which outlives a test.
    cache.clear()
    yield
    cache.clear()


def representative_form(email="new.rep@example.ca", document: bytes | None = None, name="passport.pdf", **overrides):
    """The representative sign-up form, as the anonymous page takes it."""
    data = {
        "first_name": "Dana",
        "last_name": "Consultant",
        "organisation": "Dana Immigration Inc.",
        "address_line": "1 Main Street",
        "city": "Ottawa",
        "province": "ON",
        "postal_code": "K1A 0B1",
        "country": "Canada",
        "telephone": "613-555-0100",
        "fax": "",
        "email": email,
        "password1": STRONG,
        "password2": STRONG,
        "membership_body": "cicc",
        "membership_number": "R712345",
        "id_document_type": "passport",
        "id_document": SimpleUploadedFile(
            name, document if document is not None else hostile_files.png(), content_type="application/pdf"
        ),
    }
    data.update(overrides)
    return data
