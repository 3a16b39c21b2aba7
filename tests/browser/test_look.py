"""The portal looks like a Government of Canada site: GC Design System tokens, large radio buttons, a clean printout."""

import pytest
from playwright.sync_api import expect

from tests import journey
from tests.browser.test_payments import sign_in

LANGUAGES = ["en", "fr"]


def _rgb(hex_colour: str) -> str:
    """'#284162' as a browser reports a computed colour: 'rgb(40, 65, 98)'."""
    value = hex_colour.strip().lstrip("#")
    return "rgb({}, {}, {})".format(*(int(value[i : i + 2], 16) for i in (0, 2, 4)))


def _token(page, name: str) -> str:
    return page.evaluate(
        f"() => getComputedStyle(document.documentElement).getPropertyValue('{name}').trim()"
    )


def _family(value: str) -> str:
    return value.replace('"', "").replace("'", "").replace(" ", "")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_take_their_colours_and_type_from_the_gc_design_system_tokens(
    page, assert_accessible, language
):
    page.goto(f"/{language}/")
    body_family = _token(page, "--gcds-font-families-body")
    link_colour = _token(page, "--gcds-link-default")
    header_colour = _token(page, "--gcds-bg-primary")
    assert body_family and link_colour and header_colour, "the GCDS tokens are not loaded"

    assert _family(page.evaluate("() => getComputedStyle(document.body).fontFamily")) == _family(body_family)
    # The page's own buttons, then a plain link on the help page.
    button = page.locator("main a.button").first
    assert button.evaluate("a => getComputedStyle(a).backgroundColor") == _rgb(header_colour)
    assert page.locator(".site-header").evaluate("e => getComputedStyle(e).backgroundColor") == _rgb(
        header_colour
    )
    # The Canada.ca red bar under the page's heading.
    bar = page.get_by_role("heading", level=1).evaluate("h => getComputedStyle(h, '::after').backgroundColor")
    assert bar == _rgb(_token(page, "--gcds-heading-h1-border-background"))
    assert_accessible(page)

    page.goto(f"/{language}/help/")
    link = page.locator("main a:not(.button)").first
    assert link.evaluate("a => getComputedStyle(a).color") == _rgb(link_colour)
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_the_language_splash_page_uses_the_tokens_too(page, assert_accessible):
    page.goto("/")
    assert _token(page, "--gcds-bg-primary")
    english = page.get_by_role("link", name="English")
    assert english.evaluate("a => getComputedStyle(a).backgroundColor") == _rgb(
        _token(page, "--gcds-bg-primary")
    )
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("language", "program"), [("en", "Permanent resident card"), ("fr", "Carte de résident permanent")]
)
def test_radio_buttons_are_large_and_chosen_by_their_label(
    page, live_server, assert_accessible, applicant, language, program
):
    sign_in(page, live_server, applicant)
    page.goto(f"/{language}/applications/start/")
    radios = page.get_by_role("radio")
    expect(radios.first).to_be_visible()
    for index in range(radios.count()):
        box = radios.nth(index).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box

    # The label's text is part of the target, and the choice is the native input's.
    first = page.get_by_role("radio", name=program)
    last = radios.last
    page.locator(f"label[for='{last.get_attribute('id')}']").click()
    expect(last).to_be_checked()
    expect(first).not_to_be_checked()
    # The keyboard moves the choice, and the focus shows.
    last.focus()
    page.keyboard.press("ArrowUp")
    focused = page.locator("input[type='radio']:focus")
    expect(focused).to_be_checked()
    assert focused.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert_accessible(page)

    # In Windows high-contrast mode the browser draws the controls itself.
    page.emulate_media(forced_colors="active")
    assert first.evaluate("e => getComputedStyle(e).appearance") == "auto"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_checkbox_is_large_too(page, live_server, applicant, language):
    application = journey.ready_to_submit(applicant)
    sign_in(page, live_server, applicant)
    page.goto(f"/{language}/applications/{application.public_id}/form/absences/")
    checkbox = page.get_by_role("checkbox").first
    box = checkbox.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box
    checked = checkbox.is_checked()
    page.locator(f"label[for='{checkbox.get_attribute('id')}']").click()
    assert checkbox.is_checked() is not checked


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_check_page_and_the_application_page_print_without_the_screen_only_parts(
    page, live_server, assert_accessible, applicant, language
):
    application = journey.ready_to_submit(applicant)
    sign_in(page, live_server, applicant)
    for path in (
        f"/{language}/applications/{application.public_id}/check/",
        f"/{language}/applications/{application.public_id}/",
    ):
        page.emulate_media(media="screen")
        page.goto(path)
        expect(page.locator(".header-tools")).to_be_visible()
        # Buttons, and the check page's "Change" links: of no use on paper.
        screen_only = page.locator("main .button, main button, .check-section-heading a")
        assert screen_only.count() > 0
        expect(screen_only.first).to_be_visible()
        assert_accessible(page)

        page.emulate_media(media="print")
        expect(page.locator(".header-tools")).to_be_hidden()
        expect(page.locator(".lang-toggle")).to_be_hidden()
        expect(page.locator(".footer-links")).to_be_hidden()
        for element in screen_only.all():
            expect(element).to_be_hidden()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.locator("main")).to_be_visible()
        # Black on white.
        assert page.locator("main").evaluate("m => getComputedStyle(m).color") == "rgb(0, 0, 0)"
        # Every answer is still there: the check page's questions and answers print.
        if path.endswith("/check/"):
            expect(page.locator(".summary-list dd").first).to_be_visible()
