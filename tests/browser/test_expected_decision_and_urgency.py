"""In a real browser, in English and French, axe-clean: the applicant reads "not enough data
yet", then, once the office has decided ten similar files, the figure; marks the file urgent
with a reason; an officer sorting urgent files first sees it at the top of the queue."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from portique.applications.choices import Status
from tests.browser.test_officer import sign_in
from tests.casework.decision_history import decided_files
from tests.casework.factories import submitted_application
from tests.conftest import _officer, _user

WORDS = {
    "en": {
        "heading": "When to expect a decision",
        "not_enough": "Not enough data yet.",
        "figure": "8 of 10 similar applications were decided within 80 days of reaching this stage.",
        "change": "Change whether your application is urgent",
        "yes": "Yes, my application is urgent",
        "why": "Why is it urgent?",
        "save": "Save",
        "missing": "Say why your application is urgent.",
        "marked": "Marked urgent",
        "order": "Order",
        "urgent_first": "Urgent files first",
        "show": "Show",
        "urgent": "Urgent",
        "queue_figure": "8 of 10 within 80 days",
    },
    "fr": {
        "heading": "Quand attendre une décision",
        "not_enough": "Pas encore assez de données.",
        "figure": "8 demandes semblables sur 10 ont été décidées dans les 80 jours suivant leur arrivée à cette étape.",
        "change": "Changer la mention urgente de votre demande",
        "yes": "Oui, ma demande est urgente",
        "why": "Pourquoi est-elle urgente\xa0?",
        "save": "Enregistrer",
        "missing": "Dites pourquoi votre demande est urgente.",
        "marked": "Marquée urgente",
        "order": "Ordre",
        "urgent_first": "Dossiers urgents en premier",
        "show": "Afficher",
        "urgent": "Urgent",
        "queue_figure": "8 sur 10 dans les 80 jours",
    },
}
REASON = "My mother is gravely ill in Lyon; I must leave on 2027-01-10."


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_expected_decision_then_the_urgent_flag_seen_by_an_officer(
    page, live_server, assert_accessible, language
):
    words = WORDS[language]
    # Another applicant's file came first: oldest first, it would lead the queue.
    earlier = submitted_application(_user("first@example.ca", "applicant"))
    applicant = _user("applicant@example.ca", "applicant", first_name="Alex", last_name="Tremblay")
    application = submitted_application(applicant)
    office = _user("history@example.ca", "applicant")

    sign_in(page, live_server, applicant)
    page.goto(f"/{language}/applications/{application.public_id}/")
    section = page.locator("section.expected-decision")
    expect(section).to_contain_text(words["heading"])
    expect(section).to_contain_text(words["not_enough"])
    assert_accessible(page)

    # The office decides ten similar files (a PR card, from submission) after 10 to 100 days.
    decided_files(
        office, days=[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], decided_on=timezone.localdate(), stage=Status.SUBMITTED
    )
    page.reload()
    expect(section).to_contain_text(words["figure"])
    assert words["not_enough"] not in section.inner_text()

    page.get_by_role("link", name=words["change"]).click()
    page.get_by_label(words["yes"]).check()
    page.get_by_role("button", name=words["save"]).click()
    expect(page.locator("#error-summary")).to_contain_text(words["missing"])
    assert_accessible(page)
    page.get_by_label(words["why"]).fill(REASON)
    page.get_by_role("button", name=words["save"]).click()
    urgency = page.locator("section.urgency")
    expect(urgency).to_contain_text(words["marked"])
    expect(urgency).to_contain_text(REASON)
    assert_accessible(page)

    officer = _officer("screening@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    sign_in(page, live_server, officer)
    page.goto(f"/{language}/officer/?queue=screening")
    first = page.locator("table tbody tr").first
    expect(first).to_contain_text(earlier.number)
    expect(page.locator("section.expected-decisions")).to_contain_text(words["queue_figure"])
    page.get_by_label(words["order"]).select_option("urgent")
    page.get_by_role("button", name=words["show"]).click()
    expect(first).to_contain_text(application.number)
    expect(first.locator(".tag-urgent")).to_have_text(words["urgent"])
    assert_accessible(page)

    first.get_by_role("link", name=application.number).click()
    expect(page.locator("section.urgency")).to_contain_text(REASON)
    page.goto(f"/{language}/officer/files/{application.public_id}/screening/")
    expect(page.locator("section.urgency")).to_contain_text(REASON)
    assert_accessible(page)
