"""Browser tests: Playwright drives the system's headless Chromium against a live server.

Never `playwright install`: the browser is Debian's /usr/bin/chromium.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests
# make between page steps are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    # bypass_csp lets the test inject axe-core; the portal's own CSP is tested apart.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="en-CA")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the current page."""
    # A click that follows a link may return once the next document is committed but not
    # yet parsed (no <head> to inject into): wait until that document has loaded.
    page.wait_for_load_state("load")
    page.wait_for_function("document.head !== null && document.readyState === 'complete'")
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in result["violations"]
    ]


@pytest.fixture
def assert_accessible():
    def check(page):
        violations = axe_violations(page)
        assert violations == [], f"axe found accessibility violations on {page.url}: {violations}"

    return check


def broken_references(page) -> list[str]:
    """Every ``aria-describedby`` or ``aria-labelledby`` id on the page that names no element.

    axe checks the attributes' syntax, not that a hint or a label is really there: an input
    pointing at ``…_helptext`` while the hint is ``…_help`` is never read out.
    """
    page.wait_for_load_state("load")
    return page.evaluate(
        """() => {
            const broken = [];
            for (const attribute of ["aria-describedby", "aria-labelledby"]) {
                for (const element of document.querySelectorAll("[" + attribute + "]")) {
                    for (const id of element.getAttribute(attribute).split(/\\s+/).filter(Boolean)) {
                        if (!document.getElementById(id)) {
                            const name = element.id || element.getAttribute("name") || element.tagName.toLowerCase();
                            broken.push(name + " " + attribute + "=" + id);
                        }
                    }
                }
            }
            return broken;
        }"""
    )


@pytest.fixture
def assert_references_resolve():
    def check(page):
        broken = broken_references(page)
        assert broken == [], f"aria references to nothing on {page.url}: {broken}"

    return check
