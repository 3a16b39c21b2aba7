"""Check your answers: the whole draft as people read it, with a "Change" link per section, before signing."""

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
    "language, heading, section, change, not_started",
    [
        ("en", "Check your answers before signing", "Personal details", "Change", "Not started"),
        (
            "fr",
            "Vérifiez vos réponses avant de signer",
            "Renseignements personnels",
            "Modifier",
            "Non commencée",
        ),
    ],
)
def test_the_applicant_reads_every_answer_with_a_change_link_to_its_section(
    client, applicant, language, heading, section, change, not_started
):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    answers = complete_answers()
    journey.save_answers(applicant, application, {"personal": answers["personal"]})
    client.force_login(applicant)
    response = client.get(f"/{language}/applications/{application.public_id}/check/")
    assert response.status_code == 200
    text = _text(response)
    assert heading in text
    assert section in text
    assert answers["personal"]["family_name"] in text
    # A section not yet answered says so; every section links to its own page.
    assert not_started in text
    body = response.content.decode()
    assert f'href="/{language}/applications/{application.public_id}/form/personal/?from=check"' in body
    assert text.count(change) >= len(answers)
    # No internal key reaches the page.
    for key in ("IMM5444", "p0/", "not_started", "incomplete", "personal."):
        assert key not in text, key


@pytest.mark.django_db
def test_someone_else_cannot_read_the_answers(client, applicant, other_applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(other_applicant)
    assert client.get(f"/en/applications/{application.public_id}/check/").status_code == 404


@pytest.mark.django_db
def test_the_application_page_and_the_sign_page_lead_to_the_check(client, applicant):
    application = journey.ready_to_submit(applicant)
    check = f"/en/applications/{application.public_id}/check/"
    client.force_login(applicant)
    assert f'href="{check}"' in client.get(f"/en/applications/{application.public_id}/").content.decode()
    # Changing nothing: the signed application is checked again before a new signature.
    response = client.get(f"/fr/applications/{application.public_id}/sign/")
    text = _text(response)
    assert "Vérifiez vos réponses avant de signer" in text
    assert "Tremblay" in text
    assert f'href="{check.replace("/en/", "/fr/")}"' in response.content.decode()
    # The whole application comes before the declaration.
    body = response.content.decode()
    assert body.index("Vérifiez vos réponses") < body.index("<h2>Déclaration</h2>")


@pytest.mark.django_db
def test_a_ready_application_continues_to_the_declaration(client, applicant):
    application = journey.ready_to_submit(applicant)
    client.force_login(applicant)
    # Signed: the check says so; no new declaration is offered.
    text = _text(client.get(f"/en/applications/{application.public_id}/check/"))
    assert "Signed. Any change to your answers or documents clears the signature." in text
    assert "Continue to the declaration" not in text


@pytest.mark.django_db
def test_every_signer_of_a_sponsorship_reads_every_person_before_signing(client, applicant):
    application = sj.spouse_with_children(applicant)
    journey.upload_checklist(applicant, application)
    journey.pay(applicant, application, payer_name=sj.SPONSOR_NAME)
    client.force_login(applicant)
    text = _text(client.get(f"/en/applications/{application.public_id}/check/"))
    for name in (sj.SPONSOR_NAME, sj.PA_NAME, "Ada Okafor", "Obi Okafor"):
        assert name in text, name
    assert f"Continue to the declaration of {sj.SPONSOR_NAME}" in text
    # Flags read Yes / No, never a stored value.
    assert re.search(r"\b(True|False)\b", text) is None
    assert " No " in text
    for position in (0, 1):
        response = client.get(f"/fr/applications/{application.public_id}/people/{position}/sign/")
        text = _text(response)
        for name in (sj.SPONSOR_NAME, sj.PA_NAME, "Ada Okafor", "Obi Okafor"):
            assert name in text, (position, name)
        body = response.content.decode()
        assert body.index("Obi Okafor") < body.index("<h2>Déclaration</h2>")
        assert "Modifier" in text


@pytest.mark.django_db
def test_after_submission_the_check_page_leads_to_the_status_page(client, applicant):
    application, _ = journey.submitted(applicant)
    client.force_login(applicant)
    response = client.get(f"/en/applications/{application.public_id}/check/")
    assert (
        response.status_code == 302 and response["Location"] == f"/en/applications/{application.public_id}/"
    )


@pytest.mark.django_db
def test_a_change_made_from_the_check_page_returns_to_it(client, applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    answers = complete_answers()
    journey.save_answers(applicant, application, {"personal": answers["personal"]})
    client.force_login(applicant)
    url = f"/en/applications/{application.public_id}/form/personal/?from=check"
    data = {key: value for key, value in answers["personal"].items() if value not in (None, "")}
    data.update(family_name="Gagnon", version=application.version, **{"continue": "1"})
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == f"/en/applications/{application.public_id}/check/"
    assert "Gagnon" in _text(client.get(response["Location"]))
