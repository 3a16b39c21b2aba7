"""Full-page screenshots of the key pages of each program, in English and in French.

Not a test (the file name keeps pytest from collecting it with the suite): ``script/dev/screenshots``
runs it to regenerate ``docs/screenshots/``, so that a newcomer sees the portal before running it.
The applications are made with the same services as the suite's journeys, for the demo applicant's
name, and every page is also checked with axe on the way.
"""

import os
from pathlib import Path

import pytest

from tests import journey, sponsorship_journey
from tests.browser.test_officer import sign_in
from tests.casework.test_eta_journey import submitted_eta
from tests.casework.test_stay_extension_journey import submitted_extension

OUT = Path(os.environ.get("SCREENSHOTS_DIR", Path(__file__).resolve().parents[2] / "docs" / "screenshots"))
WIDTH = 1024


def _shoot(page, path: str, name: str, assert_accessible) -> None:
    response = page.goto(path)
    assert response is not None and response.status == 200, (path, response and response.status)
    page.wait_for_load_state("load")
    assert_accessible(page)
    OUT.mkdir(parents=True, exist_ok=True)
    # JPEG keeps the folder small enough to keep in the repository.
    page.screenshot(path=str(OUT / f"{name}.jpg"), full_page=True, type="jpeg", quality=50)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_screenshots(page, live_server, applicant, officer, assert_accessible, django_capture_on_commit_callbacks, language):
    page.set_viewport_size({"width": WIDTH, "height": 800})
    shots: list[tuple[str, str]] = [(f"/{language}/", "home"), (f"/{language}/help/", "help")]

    pr_card = journey.ready_to_submit(applicant)
    base = f"/{language}/applications/{pr_card.public_id}"
    shots += [
        (f"/{language}/applications/start/", "start"),
        (f"{base}/", "pr-card-task-list"),
        (f"{base}/form/personal/", "pr-card-section"),
        (f"{base}/form/absences/", "pr-card-residency"),
        (f"/{language}/applications/{pr_card.public_id}/documents/", "pr-card-documents"),
        (f"{base}/check/", "pr-card-check-answers"),
    ]
    submitted, _submission = journey.submitted(applicant)
    shots.append((f"/{language}/applications/{submitted.public_id}/", "pr-card-submitted"))

    sponsorship = sponsorship_journey.ready_to_submit(applicant)
    base = f"/{language}/applications/{sponsorship.public_id}"
    shots += [(f"{base}/", "spouse-sponsorship-task-list"), (f"{base}/check/", "spouse-sponsorship-check-answers")]

    extension = submitted_extension(applicant)
    shots.append((f"/{language}/applications/{extension.public_id}/", "stay-extension-submitted"))
    eta = submitted_eta(applicant, django_capture_on_commit_callbacks)
    shots.append((f"/{language}/applications/{eta.public_id}/", "eta-submitted"))

    sign_in(page, live_server, applicant)
    for path, name in shots:
        _shoot(page, path, f"{language}-{name}", assert_accessible)

    sign_in(page, live_server, officer)
    _shoot(page, f"/{language}/officer/", f"{language}-officer-queues", assert_accessible)
    _shoot(page, f"/{language}/officer/files/{submitted.public_id}/", f"{language}-officer-file", assert_accessible)
