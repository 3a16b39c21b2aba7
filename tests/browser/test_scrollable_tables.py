"""WCAG 2.1.1 at 320 pixels: a table wider than the screen scrolls inside its own box, and a
keyboard reaches it with Tab and scrolls it with the arrow keys; on a wide screen the same
table is no extra Tab stop; a table in a closed section takes focus once the section is
opened. axe-clean at both widths, in English and French."""

import pytest

from portique.accounts.choices import AuditKind
from portique.accounts.services import audit_record
from tests.browser.test_officer import sign_in
from tests.browser.test_reflow import WIDTH
from tests.casework.factories import submitted_application
from tests.conftest import _officer

FOCUSED_TABLE = "() => document.activeElement && document.activeElement.tagName === 'TABLE'"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_table_too_wide_for_the_screen_is_scrolled_with_the_keyboard(page, live_server, assert_accessible, language):
    admin = _officer("admin@example.ca", ["administrator"], first_name="Robin", last_name="Gagnon")
    for number in range(3):
        audit_record(kind=AuditKind.LOGIN_FAILED, subject_email=f"a.rather.long.address.{number}@example.ca")
    sign_in(page, live_server, admin)

    page.goto(f"/{language}/account/audit/")
    assert page.locator("table").get_attribute("tabindex") is None  # it fits: no Tab stop
    assert_accessible(page)

    page.set_viewport_size({"width": WIDTH, "height": 640})
    page.goto(f"/{language}/account/audit/")
    table = page.locator("table")
    page.wait_for_function("() => document.querySelector('table').getAttribute('tabindex') === '0'")
    assert_accessible(page)  # includes axe's "scrollable-region-focusable"

    for _ in range(80):  # Tab through the page's links and fields until the table has focus
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_TABLE):
            break
    assert page.evaluate(FOCUSED_TABLE), "Tab never reached the table"
    assert table.evaluate("(t) => t.scrollLeft") == 0
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('table').scrollLeft > 0")

    # Back to a wide screen: the table fits again and leaves the Tab order.
    page.set_viewport_size({"width": 1280, "height": 720})
    page.wait_for_function("() => !document.querySelector('table').hasAttribute('tabindex')")


@pytest.mark.django_db(transaction=True)
def test_a_wide_table_in_a_closed_section_takes_focus_once_opened(page, live_server, assert_accessible, applicant):
    # The officer's file shows each form section in a <details>: its tables have no width
    # until the section is opened, and the window does not change when it is.
    officer = _officer("screening@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    application = submitted_application(applicant)
    sign_in(page, live_server, officer)
    page.set_viewport_size({"width": WIDTH, "height": 640})
    page.goto(f"/en/officer/files/{application.public_id}/")
    section = page.locator("details", has=page.locator("table")).first
    table = section.locator("table")
    assert table.get_attribute("tabindex") is None
    section.locator("summary").click()
    page.wait_for_function(
        "(table) => table.getAttribute('tabindex') === '0'", arg=table.element_handle()
    )
    assert_accessible(page)
