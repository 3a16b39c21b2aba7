"""The pages of a PR card applicant under 18: the parent or guardian step, the sign page, the copy."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from portique.applications import services
from portique.applications.choices import PersonRole, Program
from portique.applications.submission.copy_pdf import submitted_copy_pdf
from portique.rules.programs import registry
from tests import journey
from tests.applications.test_pdf import pdf_text
from tests.journey import CHILD_NAME, GUARDIAN_PASSPORT_NAME


def _url(name, application, language="en", *args):
    with translation.override(language):
        return reverse(f"applications:{name}", args=[application.public_id, *args])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "step", "add"),
    [
        ("en", "Parent or legal guardian who signs", "Add the parent or legal guardian who signs"),
        ("fr", "Parent ou tuteur légal qui signe", "Ajouter le parent ou tuteur légal qui signe"),
    ],
)
def test_a_minors_application_page_asks_for_the_parent_or_guardian_who_signs(client, applicant, language, step, add):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    # No step for an applicant whose age is not known to be under 18.
    assert step not in client.get(_url("overview", application, language)).content.decode()
    journey.save_answers(applicant, application, journey.minor_answers())
    page = client.get(_url("overview", application, language)).content.decode()
    assert step in page and add in page and "Léa Tremblay" in page

    added = client.post(
        _url("person_add", application, language),
        {"role": PersonRole.PARENT_OR_GUARDIAN, "version": str(application.version)},
    )
    guardian = application.people.get(role=PersonRole.PARENT_OR_GUARDIAN)
    section = _url("person_section", application, language, guardian.position, "GUARDIAN", "personal")
    assert added.status_code == 302 and added["Location"] == section
    form = client.get(section).content.decode()
    assert ("Your relationship to the applicant" if language == "en" else "Votre lien avec le demandeur") in form
    application.refresh_from_db()
    saved = client.post(
        section,
        {
            "version": str(application.version),
            "family_name": "Gagnon",
            "given_names": "Marie-Claude",
            "relationship": "parent",
        },
    )
    assert saved.status_code == 302
    guardian.refresh_from_db()
    assert guardian.answers["GUARDIAN"]["personal"]["relationship"] == "parent"
    page = client.get(_url("overview", application, language)).content.decode()
    assert add not in page
    assert re.search(r'GUARDIAN/personal/">[^<]+</a>\s*— <span class="tag tag-complete">', page)


@pytest.mark.django_db
def test_an_adults_page_has_no_guardian_step_and_adding_one_is_refused(client, applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    journey.save_answers(applicant, application, journey.complete_answers())
    client.force_login(applicant)
    assert "Parent or legal guardian who signs" not in client.get(_url("overview", application)).content.decode()
    response = client.post(
        _url("person_add", application, "fr"),
        {"role": PersonRole.PARENT_OR_GUARDIAN, "version": str(application.version)},
        follow=True,
    )
    assert "il signe lui-même la demande" in response.content.decode()
    assert not application.people.filter(role=PersonRole.PARENT_OR_GUARDIAN).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "who", "refusal"),
    [
        ("en", "A parent or legal guardian signs for Léa Tremblay", "The applicant is under 18: they cannot sign."),
        ("fr", "Un parent ou le tuteur légal signe pour Léa Tremblay", "Le demandeur a moins de 18 ans\u00a0: il ne peut pas signer."),
    ],
)
def test_the_sign_page_says_who_signs_and_refuses_the_childs_name(client, applicant, language, who, refusal):
    application, guardian = journey.minor_ready_to_sign(applicant)
    services.application_validate(actor=applicant, public_id=application.public_id, on=journey.TODAY)
    application.refresh_from_db()
    client.force_login(applicant)
    page = client.get(_url("sign", application, language)).content.decode()
    assert who in page and GUARDIAN_PASSPORT_NAME in page
    form = {"version": str(application.version), "declaration_version": registry.program("pr_card").declaration_for("principal_applicant").version}
    refused = client.post(_url("sign", application, language), {**form, "typed_name": CHILD_NAME})
    assert refused.status_code == 200 and refusal in refused.content.decode()
    assert not application.signatures.exists()
    signed = client.post(_url("sign", application, language), {**form, "typed_name": GUARDIAN_PASSPORT_NAME})
    assert signed.status_code == 302
    assert application.signatures.get().person == guardian


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "whose", "form_title"),
    [
        ("en", "Parent or legal guardian — Marie-Claude Gagnon", "Parent or legal guardian who signs"),
        ("fr", "Parent ou tuteur légal — Marie-Claude Gagnon", "Parent ou tuteur légal qui signe"),
    ],
)
def test_the_copy_as_submitted_prints_the_guardians_form_and_signature(applicant, language, whose, form_title):
    application, _guardian = journey.minor_ready_to_sign(applicant)
    services.application_validate(actor=applicant, public_id=application.public_id, on=journey.TODAY)
    journey.sign(applicant, application, typed_name=GUARDIAN_PASSPORT_NAME)
    submission = services.application_submit(actor=applicant, public_id=application.public_id, on=journey.TODAY)
    text = pdf_text(submitted_copy_pdf(submission, language))
    assert whose in text
    assert form_title in text and "Gagnon" in text
