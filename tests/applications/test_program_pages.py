"""One set of applicant pages for every program: the start page, the application page, the
section page and the sign page ask the program's definition, never which program it is."""

import pytest
from django.urls import reverse

from portique.applications import services
from portique.applications.choices import Program
from portique.applications.models import Application, PersonChange
from portique.rules.programs import registry


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_start_page_offers_every_program_by_its_name_in_the_page_language(client, applicant, language):
    client.force_login(applicant)
    page = client.get(f"/{language}/applications/start/").content.decode()
    for definition in registry.programs():
        assert f'value="{definition.code}"' in page
        assert definition.name(language) in page


@pytest.mark.django_db
def test_a_program_without_a_sponsor_opens_at_once_at_its_first_page(client, applicant):
    client.force_login(applicant)
    response = client.post("/en/applications/start/", {"program": "pr_card"})
    application = Application.objects.get(owner=applicant)
    assert response.status_code == 302
    assert response.url == reverse("applications:section", args=[application.public_id, "application"])
    assert application.number.startswith(application.definition.number_prefix)


@pytest.mark.django_db
def test_a_sponsored_program_first_asks_the_sponsors_eligibility_questions(client, applicant):
    client.force_login(applicant)
    response = client.post("/en/applications/start/", {"program": "spouse_sponsorship"})
    assert response.status_code == 302 and response.url.endswith("/sponsorship/start/spouse_sponsorship/")
    assert not Application.objects.filter(owner=applicant).exists()


@pytest.mark.django_db
def test_an_unknown_program_is_not_started(client, applicant):
    client.force_login(applicant)
    assert client.post("/en/applications/start/", {"program": "work_permit"}).status_code == 404
    assert not Application.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("program", registry.codes())
def test_every_application_starts_with_the_people_its_program_names_and_records_them(applicant, program):
    application = services.application_start(actor=applicant, program=program)
    definition = registry.program(program)
    people = list(application.people.order_by("position"))
    assert [p.role for p in people] == list(definition.starting_roles)
    for person in people:
        assert list(person.answers) == [definition.forms_for(person.role)[0].code]
    assert list(PersonChange.objects.filter(application=application).values_list("role", "reason")) == [
        (role, "started") for role in definition.starting_roles
    ]


@pytest.mark.django_db
def test_one_signer_signs_at_sign_and_each_signer_of_a_sponsorship_at_their_own_page(client, applicant):
    card = services.application_start(actor=applicant, program=Program.PR_CARD)
    sponsorship = services.application_start(actor=applicant, program=Program.SPOUSE_SPONSORSHIP)
    client.force_login(applicant)
    assert client.get(reverse("applications:sign", args=[card.public_id])).status_code == 200
    assert client.get(reverse("applications:person_sign", args=[card.public_id, 0])).status_code == 404
    assert client.get(reverse("applications:sign", args=[sponsorship.public_id])).status_code == 404
    page = client.get(reverse("applications:person_sign", args=[sponsorship.public_id, 0]))
    assert page.status_code == 200
    # The sponsor reads the sponsor's undertaking, as the program's definition says.
    undertaking = sponsorship.definition.declaration_for("sponsor")
    assert undertaking.en[0] in page.content.decode()


@pytest.mark.django_db
def test_the_application_page_of_each_program_lists_its_people_and_its_steps(client, applicant):
    card = services.application_start(actor=applicant, program=Program.PR_CARD)
    sponsorship = services.application_start(actor=applicant, program=Program.CHILD_SPONSORSHIP)
    client.force_login(applicant)
    card_page = client.get(f"/en/applications/{card.public_id}/").content.decode()
    assert "Your application, step by step" in card_page and "Validate" in card_page
    assert f"/applications/{card.public_id}/form/application/" in card_page
    sponsorship_page = client.get(f"/en/applications/{sponsorship.public_id}/").content.decode()
    assert "The people in this application" in sponsorship_page and "Add a dependent child" in sponsorship_page
    assert f"/applications/{sponsorship.public_id}/people/0/IMM1344/" in sponsorship_page
