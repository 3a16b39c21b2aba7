"""In a real browser, in English and French, axe-clean, and without sideways scrolling at 320 pixels: an administrator
searches the audit log by a whole address (that account only) and by a part of one (every
address containing it); the field's hint is its accessible description."""

import pytest

from portique.accounts.choices import AuditKind
from portique.accounts.services import audit_record
from tests.browser.test_officer import sign_in
from tests.browser.test_reflow import WIDTH, _overflow
from tests.conftest import _officer

WORDS = {
    "en": {"field": "Account e-mail contains", "filter": "Filter", "hint": "A whole address finds that account only"},
    "fr": {
        "field": "Le courriel du compte contient",
        "filter": "Filtrer",
        "hint": "Une adresse entière ne trouve que ce compte",
    },
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_audit_log_finds_a_whole_address_and_a_part_of_one(page, live_server, assert_accessible, language):
    words = WORDS[language]
    admin = _officer("admin@example.ca", ["administrator"], first_name="Robin", last_name="Gagnon")
    for address in ("ann@example.ca", "joann@example.ca"):
        audit_record(kind=AuditKind.LOGIN_FAILED, subject_email=address)
    sign_in(page, live_server, admin)
    page.goto(f"/{language}/account/audit/")

    field = page.get_by_label(words["field"])
    assert words["hint"] in page.evaluate(
        "(input) => document.getElementById(input.getAttribute('aria-describedby')).innerText",
        field.element_handle(),
    )
    field.fill("ANN@example.ca")
    page.get_by_role("button", name=words["filter"]).click()
    page.wait_for_load_state()
    table = page.locator("table").inner_text()
    assert "ann@example.ca" in table and "joann@example.ca" not in table
    assert_accessible(page)

    page.get_by_label(words["field"]).fill("ann@")
    page.get_by_role("button", name=words["filter"]).click()
    page.wait_for_load_state()
    table = page.locator("table").inner_text()
    assert "joann@example.ca" in table and table.count("ann@example.ca") == 2
    # At 320 pixels the page reflows: the table scrolls inside its own box, not the page.
    page.set_viewport_size({"width": WIDTH, "height": 640})
    assert _overflow(page, f"/{language}/account/audit/?email=ann%40example.ca") == []
