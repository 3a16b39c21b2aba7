"""The help and contact page: every program named, whom to call, and reached from every page's footer."""

import pytest

from portique.rules.programs import registry


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "telephone"),
    [
        ("en", "Help and contact", "1-888-242-2100 (from Canada only)"),
        ("fr", "Aide et coordonnées", "1-888-242-2100 (depuis le Canada seulement)"),
    ],
)
def test_the_help_page_names_every_program_and_whom_to_call(client, language, heading, telephone):
    response = client.get(f"/{language}/help/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f"<h1>{heading}</h1>" in body
    assert telephone in body
    for program in registry.programs():
        assert program.name(language) in body


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_page_footer_leads_to_the_help_page_and_the_home_page_lists_every_program(client, language):
    body = client.get(f"/{language}/").content.decode()
    assert f'href="/{language}/help/"' in body
    for program in registry.programs():
        assert program.name(language) in body


@pytest.mark.django_db
def test_a_form_page_opens_its_help_in_a_new_tab_so_nothing_typed_is_lost(client, applicant):
    from portique.applications import services

    application = services.application_start(actor=applicant, program="pr_card")
    client.force_login(applicant)
    section = application.definition.forms_for("principal_applicant")[0].sections[0].code
    body = client.get(f"/en/applications/{application.public_id}/form/{section}/").content.decode()
    assert 'href="/en/help/#answering" target="_blank" rel="noopener"' in body
    assert "(opens in a new tab)" in body
