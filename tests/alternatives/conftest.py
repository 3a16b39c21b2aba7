import pytest

from portique.alternatives.services import KitRequestInput


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate-limit counters live in the cache; each test starts with none.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def braille_by_mail(**changes) -> KitRequestInput:
    """A complete request: a PR card kit in braille, in French, mailed to an address in Canada."""
    values = dict(
        kit="pr_card",
        kit_format="braille",
        kit_language="fr",
        delivery="mail",
        email="marie@exemple.ca",
        address_line="999, rue de la Famille, unité 3",
        city="Ottawa",
        province="ON",
        postal_code="k3j9t5",
        country="CA",
        full_name="Marie Tremblay",
        needs_other_format=True,
    )
    values.update(changes)
    return KitRequestInput(**values)


def form_data(**changes) -> dict:
    data = {
        "kit": "pr_card",
        "kit_format": "braille",
        "kit_language": "fr",
        "delivery": "mail",
        "email": "marie@exemple.ca",
        "address_line": "999, rue de la Famille, unité 3",
        "city": "Ottawa",
        "province": "ON",
        "postal_code": "K3J 9T5",
        "country": "CA",
        "full_name": "Marie Tremblay",
        "sponsor_name": "",
        "needs_other_format": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
