import pytest
from playwright.sync_api import expect


@pytest.mark.django_db(transaction=True)
def test_a_visitor_reads_the_home_page_in_english_then_switches_to_french(page, assert_accessible):
    page.goto("/")
    page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en-CA"
    assert page.get_by_role("heading", level=1).inner_text() == "Apply for immigration online"
    assert_accessible(page)

    page.get_by_role("link", name="Français").click()
    page.wait_for_url("**/fr/")
    assert page.locator("html").get_attribute("lang") == "fr-CA"
    assert page.get_by_role("heading", level=1).inner_text() == "Présenter une demande d’immigration en ligne"
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_the_skip_link_moves_focus_to_the_main_content(page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()


@pytest.mark.django_db(transaction=True)
def test_the_sign_in_page_is_accessible_in_both_languages(page, assert_accessible):
    for path, heading in (("/en/account/login/", "Sign in"), ("/fr/account/login/", "Se connecter")):
        page.goto(path)
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_a_demo_applicant_can_sign_in_and_out(page, applicant):
    from tests.conftest import PASSWORD

    page.goto("/en/account/login/")
    page.get_by_label("E-mail address").fill(applicant.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text(f"Signed in as {applicant.email}")).to_be_visible()
    # From any page, the header leads to the applicant's applications.
    page.get_by_role("link", name="My applications", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "My applications"
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in", exact=True).first).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_the_home_page_invites_a_visitor_to_sign_in_or_create_an_account(page, assert_accessible):
    for language, create in (("en", "Create an account"), ("fr", "Créer un compte")):
        page.goto(f"/{language}/")
        page.locator("main").get_by_role("link", name=create, exact=True).click()
        page.wait_for_url(f"**/{language}/account/signup/")
        assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_the_pages_load_every_resource_they_ask_for_and_have_an_icon(page):
    # A missing stylesheet or script shows in the browser as a failed load; without an icon
    # of its own, the browser asks for /favicon.ico, which does not exist.
    failed = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    for path in ("/", "/en/", "/fr/", "/en/account/login/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        icon = page.locator("link[rel=icon]").get_attribute("href")
        assert page.request.get(icon).status == 200
    assert failed == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("language", "link", "heading"), [("en", "Help and contact", "Contact us"), ("fr", "Aide et coordonnées", "Nous joindre")])
def test_a_visitor_finds_help_and_whom_to_contact_from_the_footer(page, assert_accessible, assert_references_resolve, language, link, heading):
    page.goto(f"/{language}/")
    page.get_by_role("contentinfo").get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", level=1, name=link)).to_be_visible()
    page.get_by_role("navigation").get_by_role("link", name=heading).click()
    expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    assert_accessible(page)
    assert_references_resolve(page)
