"""The web chat in a real headless Chromium (Debian's package), driven by Playwright."""

import os
import shutil
from pathlib import Path

import pytest

from bot.server import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "web-chat.png"

if CHROMIUM is None and os.environ.get("CI"):
    pytest.fail("chromium is required when CI is set (apt-get install chromium)", pytrace=False)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")


@pytest.fixture
async def page(aiohttp_server, settings, shared_checker):
    from playwright.async_api import async_playwright

    server = await aiohttp_server(create_app(settings, shared_checker))
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = await browser.new_page(viewport={"width": 1000, "height": 1100})
        await page.goto(str(server.make_url("/")))
        yield page
        await browser.close()


async def test_typing_a_risky_draft_shows_the_privacy_finding_and_highlight(page, tmp_path):
    await page.locator("#draft").fill("")
    await page.locator("#draft").press_sequentially("Wild one in our ED tonight: Mrs. Alvarez in bed 4, MRN 00482913")
    finding = page.locator("#findings li.privacy")
    await finding.wait_for(timeout=15000)
    assert "Patient privacy" in await finding.inner_text()
    assert await page.locator("#highlighted mark.privacy").count() >= 1
    assert "00482913" not in await page.locator("#findings").inner_text()
    await page.locator("#check-form button[type=submit]").click()
    await page.locator("#status", has_text="Checked.").wait_for(timeout=15000)
    target = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") else tmp_path / "web-chat.png"
    await page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000


async def test_policy_search_shows_guideline_cards(page):
    await page.locator("#policy-q").fill("replying to a yelp review")
    await page.keyboard.press("Enter")
    card = page.locator("#policies .card").first
    await card.wait_for(timeout=10000)
    assert "Replying to online reviews" in await card.inner_text()
    assert await page.locator("#policies a[href^='https://']").count() >= 1


async def test_keyboard_only_use_reaches_the_check_button(page):
    await page.keyboard.press("Tab")
    assert await page.evaluate("document.activeElement.id") == "draft"
    await page.keyboard.type("Long night, grateful for my team.")
    await page.keyboard.press("Tab")
    await page.keyboard.press("Tab")
    assert await page.evaluate("document.activeElement.textContent") == "Check"
    await page.keyboard.press("Enter")
    await page.locator("#verdict.clear").wait_for(timeout=15000)


async def test_review_helper_gives_a_safe_reply_and_flags_a_risky_draft(page):
    await page.locator("#review-text").fill("Front desk was rude and I waited an hour. Terrible.")
    await page.locator("#review-draft").fill("Mr. Ortiz, you were here on May 2 for your back pain and you were late.")
    await page.locator("#review-form button[type=submit]").click()
    await page.locator("#safe-reply").wait_for(timeout=15000)
    result = await page.locator("#review-result").inner_text()
    assert "practice manager" in result and "Patient privacy" in result and "Ortiz" not in result


async def test_footprint_ticks_survive_a_reload(page):
    first = page.locator("#footprint input").first
    await first.wait_for(timeout=10000)
    await first.check()
    await page.locator("#footprint-status", has_text="1 of 7").wait_for(timeout=10000)
    await page.reload()
    await page.locator("#footprint-status", has_text="1 of 7").wait_for(timeout=10000)
    assert await page.locator("#footprint input").first.is_checked()


async def test_forget_me_clears_this_browsers_progress(page):
    first = page.locator("#footprint input").first
    await first.wait_for(timeout=10000)
    await first.check()
    await page.locator("#footprint-status", has_text="1 of 7").wait_for(timeout=10000)
    await page.locator("#forget").click()
    await page.locator("#footprint-status", has_text="Deleted. 0 of 7").wait_for(timeout=10000)
