"""A question that depends on another appears only when the answer calls for it."""

import pytest
from playwright.sync_api import expect

from portique.applications import services
from tests.browser.test_payments import sign_in


@pytest.mark.django_db(transaction=True)
def test_the_error_date_appears_only_for_a_correction_and_the_expiry_for_a_renewal(
    page, live_server, applicant, assert_accessible
):
    application = services.application_start(actor=applicant, program="pr_card")
    sign_in(page, live_server, applicant)
    page.goto(f"/en/applications/{application.public_id}/form/application/")
    assert page.get_by_role("heading", level=1).inner_text() == "Application type"
    expect(page.get_by_label("Why are you applying?")).to_be_visible()
    expiry = page.get_by_label("Expiry date of your current PR card")
    error_date = page.get_by_label("Issue date of the card with the error")
    expect(expiry).not_to_be_visible()
    expect(error_date).not_to_be_visible()

    page.get_by_label("Why are you applying?").select_option("renewal")
    expect(expiry).to_be_visible()
    expect(error_date).not_to_be_visible()
    assert_accessible(page)

    page.get_by_label("Why are you applying?").select_option("error_on_card")
    expect(expiry).to_be_visible()
    expect(error_date).to_be_visible()

    # Without the script, the hint says when to answer.
    hint = page.locator("#id_current_card_issue_date_helptext").inner_text()
    # The input is described by that hint, so a screen reader reads it out.
    assert error_date.get_attribute("aria-describedby") == "id_current_card_issue_date_helptext"
    assert (
        "Answer only if your answer to “Why are you applying?” is: Correction of an error on the card made by IRCC."
        in hint
    )
