"""In a real browser: log in, switch to Arabic, see the dashboard laid out right to left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]

# Without these, Chromium on a machine with no outside network keeps trying to reach Google.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser_page(monkeypatch):
    # Playwright's sync API runs an event loop; Django must allow ORM calls around it (in this
    # test only: the variable must not leak into other tests' processes).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        # An English-speaking browser, as many of our users have: the switch must still work.
        page = browser.new_page(locale="en-US", viewport={"width": 390, "height": 844})  # a phone
        yield page
        browser.close()


def test_a_member_logs_in_switches_to_arabic_and_sees_the_dashboard_rtl(
    browser_page, live_server, team, tmp_path
):
    page = browser_page
    page.goto(f"{live_server.url}/fr/accounts/login/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.fill("#id_username", "manager")
    page.fill("#id_password", PASSWORD)
    page.click("button.primary")
    page.wait_for_selector("#dashboard")
    assert page.url.endswith(f"/fr/w/{team.workspace.slug}/")

    page.click("button[lang=ar]")
    page.wait_for_url(f"**/ar/w/{team.workspace.slug}/")
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    assert page.locator("#dashboard").is_visible()
    # Right to left for real: the brand sits at the right edge of the top bar.
    brand = page.locator(".brand").bounding_box()
    assert brand is not None
    assert brand["x"] + brand["width"] > 390 / 2
    page.screenshot(
        path=os.environ.get("MAJLIS_SCREENSHOT", str(tmp_path / "dashboard-ar.png")), full_page=True
    )
