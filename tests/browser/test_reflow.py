"""WCAG 1.4.10 Reflow: the applicant's key pages read at 320 CSS pixels wide without scrolling sideways."""

import pytest

from portique.applications import services
from tests import journey
from tests.browser.test_payments import sign_in

WIDTH = 320

# What sticks out past the right edge: named in the failure so the CSS to fix is obvious.
OVERFLOWING = """(width) => {
    const clipped = (e) => {
        for (let up = e.parentElement; up && up !== document.body; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== 'visible') return true;
        }
        return false;
    };
    return Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getClientRects().length && !clipped(e) && (e.getBoundingClientRect().right > width + 0.5
            || (getComputedStyle(e).overflowX === 'visible' && e.scrollWidth > e.clientWidth + 1 && e.clientWidth)))
        .slice(-8)
        .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
             + ' ' + Math.round(e.getBoundingClientRect().right) + 'px: ' + (e.innerText || '').slice(0, 40));
}"""


def _overflow(page, path) -> list:
    """[] when ``path`` reflows; else the page's width and what sticks out."""
    response = page.goto(path)
    assert response is not None and response.status == 200, (path, response and response.status)
    page.wait_for_load_state("load")
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    return [] if scroll_width <= WIDTH else [(path, scroll_width, page.evaluate(OVERFLOWING, WIDTH))]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_applicant_pages_reflow_at_320_pixels(page, live_server, applicant, language):
    application = journey.ready_to_submit(applicant)
    base = f"/{language}/applications/{application.public_id}"
    sign_in(page, live_server, applicant)
    page.set_viewport_size({"width": WIDTH, "height": 640})
    overflowing = []
    for path in (
        f"/{language}/help/",
        f"/{language}/applications/",
        f"/{language}/applications/start/",
        f"{base}/",
        f"{base}/form/personal/",
        f"{base}/form/absences/",
        f"{base}/documents/",
        f"{base}/check/",
        f"{base}/sign/",
        f"{base}/submit/",
    ):
        overflowing += _overflow(page, path)
    services.application_submit(actor=applicant, public_id=application.public_id, on=journey.TODAY)
    overflowing += _overflow(page, f"{base}/")
    overflowing += _overflow(page, f"{base}/confirmation/")
    assert not overflowing, "\n".join(str(found) for found in overflowing)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_sponsorships_pages_reflow_at_320_pixels(page, live_server, applicant, language):
    from tests import sponsorship_journey as sj

    application = sj.spouse_with_children(applicant)
    journey.upload_checklist(applicant, application)
    journey.pay(applicant, application, payer_name=sj.SPONSOR_NAME)
    base = f"/{language}/applications/{application.public_id}"
    sign_in(page, live_server, applicant)
    page.set_viewport_size({"width": WIDTH, "height": 640})
    overflowing = []
    for path in (
        f"{base}/",
        f"{base}/people/1/IMM0008/personal/",
        f"{base}/people/1/IMM5406/siblings/",
        f"{base}/documents/",
        f"{base}/check/",
        f"{base}/people/0/sign/",
    ):
        overflowing += _overflow(page, path)
    assert not overflowing, "\n".join(str(found) for found in overflowing)
