"""Submit in two steps, without JavaScript: the application page's Submit opens a page that says
what submitting means; only its button submits."""

import pytest

from portique.applications.choices import Status
from portique.applications.models import Submission
from tests import journey
from tests.browser.test_payments import sign_in

WORDS = {
    "en": {
        "submit": "Submit",
        "heading": "Submit your application",
        "cannot_undo": "Once submitted, this cannot be undone.",
        "back": "Go back without submitting",
        "confirm": "Submit the application",
        "received": "We have received your application",
    },
    "fr": {
        "submit": "Soumettre",
        "heading": "Soumettre votre demande",
        "cannot_undo": "Une fois la demande soumise, il est impossible de revenir en arrière.",
        "back": "Revenir sans soumettre",
        "confirm": "Soumettre la demande",
        "received": "Nous avons reçu votre demande",
    },
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_submit_is_confirmed_on_its_own_page_without_javascript(browser, live_server, applicant, language):
    words = WORDS[language]
    application = journey.ready_to_submit(applicant)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="en-CA")
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        sign_in(page, live_server, applicant)
        overview = f"/{language}/applications/{application.public_id}/"
        page.goto(overview)
        page.get_by_role("link", name=words["submit"], exact=True).click()
        assert page.get_by_role("heading", level=1).inner_text() == words["heading"]
        assert words["cannot_undo"] in page.locator("main").inner_text()
        # Going back submits nothing.
        page.get_by_role("link", name=words["back"]).click()
        page.wait_for_url(f"**{overview}")
        assert not Submission.objects.filter(application=application).exists()

        page.get_by_role("link", name=words["submit"], exact=True).click()
        page.get_by_role("button", name=words["confirm"]).click()
        page.wait_for_url("**/confirmation/")
        submission = Submission.objects.get(application=application)
        main = page.locator("main").inner_text()
        assert words["received"] in main and submission.confirmation_number in main
        application.refresh_from_db()
        assert application.status == Status.SUBMITTED
    finally:
        context.close()
