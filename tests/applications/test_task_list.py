"""The application page's task list: how many sections are done, and a status tag on each."""

import re

import pytest

from portique.applications import services
from portique.applications.choices import Program
from tests import journey
from tests import sponsorship_journey as sj
from tests.rules.forms.test_imm5444_validation import complete_answers


@pytest.fixture(autouse=True)
def _english_after_each_test():
    yield
    from django.utils import translation

    translation.activate("en")


def _text(response) -> str:
    body = response.content.decode()
    main = body[body.index("<main") : body.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, summary, done, not_started",
    [
        ("en", "You have completed {done} of {total} sections.", "Completed", "Not started"),
        ("fr", "Vous avez terminé {done} des {total} sections.", "Terminée", "Non commencée"),
    ],
)
def test_the_task_list_counts_the_completed_sections_and_tags_each(
    client, applicant, language, summary, done, not_started
):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    # Every section of the applicant's form, the optional one (days before permanent residence) too.
    every_section = {**complete_answers(), "before_pr": {"days_present": 0}}
    sections = application.definition.forms_for("principal_applicant")[0].sections
    total = len(sections)
    assert total == len(every_section)
    # A section that asks nothing required (the days before permanent residence) is complete as it is.
    optional = sum(1 for section in sections if not any(field.required for field in section.fields))
    assert optional == 1
    client.force_login(applicant)
    text = _text(client.get(f"/{language}/applications/{application.public_id}/"))
    assert summary.format(done=optional, total=total) in text
    assert text.count(not_started) == total - optional and text.count(done) == optional

    journey.save_answers(applicant, application, every_section)
    text = _text(client.get(f"/{language}/applications/{application.public_id}/"))
    assert summary.format(done=total, total=total) in text
    assert text.count(done) == total and not_started not in text


@pytest.mark.django_db
def test_a_sponsorship_counts_every_persons_sections(client, applicant):
    application = sj.spouse_with_children(applicant)
    client.force_login(applicant)
    text = _text(client.get(f"/en/applications/{application.public_id}/"))
    found = re.search(r"You have completed (\d+) of (\d+) sections\.", text)
    assert found, text
    completed, total = int(found.group(1)), int(found.group(2))
    # Every person's forms are complete (test_sponsorship_submission); the count covers them all.
    assert completed == total == text.count("Completed")
    assert total > len(application.definition.forms_for("sponsor")[0].sections)
