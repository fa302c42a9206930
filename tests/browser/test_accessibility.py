"""An axe-core scan (axe-playwright-python) of every main page, in light and dark, at
desktop and phone widths: no serious or critical violation, colour contrast included.

With QUIZAPP_SCREENSHOTS=DIR (`make screenshots`) each page scanned is also saved there
as a full-page screenshot, PAGE-WIDTH-SCHEME.png, to look at what the scan passed."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from quizapp.extensions import db
from quizapp.models import Bank, User
from tests.browser.test_quiz_flow import register, start_quiz

# rules waived, each with the reason: none so far
WAIVED: dict[str, str] = {}


def violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in found
        if v["impact"] in ("serious", "critical") and v["id"] not in WAIVED
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_main_pages_pass_an_axe_scan(browser, server_url, width, scheme):
    phone = width < 600
    context = browser.new_context(
        base_url=server_url,
        viewport={"width": width, "height": 844 if phone else 800},
        color_scheme=scheme,
        is_mobile=phone,
        has_touch=phone,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    found: dict[str, list[str]] = {}

    shots = os.environ.get("QUIZAPP_SCREENSHOTS")

    def scan(name: str) -> None:
        if problems := violations(page):
            found[name] = problems
        if shots:
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            path = Path(shots) / f"{slug}-{width}-{scheme}.png"
            page.screenshot(path=str(path), full_page=True)

    try:
        bank_id = db.session.scalar(db.select(Bank.id))
        page.goto("/")
        scan("home, visitor")
        register(page, "scanner")
        scan("home")
        page.goto(f"/banks/{bank_id}")
        scan("bank")
        for url in ("/import", "/settings", "/account"):
            page.goto(url)
            scan(url)
        start_quiz(page, count="5")
        scan("question")
        page.locator("label.choice").or_(page.get_by_label("Your answer")).first.click()
        if page.get_by_label("Your answer").count():
            page.get_by_label("Your answer").fill("not this")
        page.get_by_role("button", name=re.compile("Submit")).click()
        page.wait_for_selector(".feedback")
        scan("feedback")
        attempt = re.search(r"/quiz/(\d+)/", page.url).group(1)
        page.goto(f"/quiz/{attempt}/result")
        scan("result")
        page.goto("/history")
        scan("history")
        page.goto(f"/banks/{bank_id}")
        page.get_by_role("button", name="Review as flashcards").click()
        page.wait_for_selector("#reveal")
        scan("review front")
        page.locator("#reveal").click()
        page.wait_for_selector("#back:not([hidden])")
        scan("review back")
        # today's new-card limit reached with new cards waiting: "Study N more today"
        db.session.execute(db.update(User).values(new_per_day=1))
        db.session.commit()
        with page.expect_navigation():
            page.locator('button[data-key="4"]').click()
        page.wait_for_selector(".more-new")
        scan("review, limit reached")  # the quiz's answer left a learning card
        while not page.locator("section.done").count():
            page.locator("#reveal").click()
            with page.expect_navigation():
                page.locator('button[data-key="4"]').click()
        scan("review done, limit reached")
        page.goto(f"/banks/{bank_id}")
        scan("bank, limit reached")
        page.goto("/stats")
        scan("statistics")
    finally:
        context.close()
    assert not found, "\n".join(f"{name}: {p}" for name, ps in found.items() for p in ps)
