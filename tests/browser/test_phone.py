"""The main pages on a 360 px phone: nothing scrolls sideways, the menu stays short, and
no keyboard hints show on a touch screen."""

from __future__ import annotations

import re

import pytest

from quizapp.extensions import db
from quizapp.models import Bank, User
from tests.browser.test_quiz_flow import register, start_quiz

PHONE = {"width": 360, "height": 740}


@pytest.fixture()
def phone(browser, server_url):  # type: ignore[no-untyped-def]
    context = browser.new_context(
        base_url=server_url, viewport=PHONE, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def sideways(page) -> int:  # type: ignore[no-untyped-def]
    """How far the page scrolls sideways: 0 when nothing is wider than the screen."""
    return int(page.evaluate("document.scrollingElement.scrollWidth")) - PHONE["width"]


def test_no_main_page_scrolls_sideways_at_360_px(phone):
    page = phone
    bank_id = db.session.scalar(db.select(Bank.id))
    wide = {}

    def check(name: str) -> None:
        if sideways(page) > 0:
            wide[name] = sideways(page)

    for url in ("/", f"/banks/{bank_id}", "/auth/login", "/auth/register"):
        page.goto(url)
        check(url)
    register(page, "phone")
    for url in ("/", f"/banks/{bank_id}", "/import", "/settings", f"/banks/{bank_id}/quiz"):
        page.goto(url)
        check(url)
    page.goto("/account")
    page.get_by_label("Name").fill("a phone app with a long name")
    page.get_by_role("button", name="Make a token").click()
    page.get_by_label("Your new token").wait_for()
    check("account with a token")
    start_quiz(page, count="5")
    check("question")
    page.get_by_label("Your answer").or_(page.locator("label.choice").first).first.click()
    if page.get_by_label("Your answer").count():
        page.get_by_label("Your answer").fill("a long answer that is not the right one at all")
    page.get_by_role("button", name=re.compile("Submit")).click()
    page.wait_for_selector(".feedback")
    check("feedback")
    attempt = re.search(r"/quiz/(\d+)/", page.url).group(1)
    page.goto(f"/quiz/{attempt}/result")
    check("result")
    page.goto("/history")
    check("history")
    page.goto(f"/banks/{bank_id}")
    page.get_by_role("button", name="Review as flashcards").click()
    page.wait_for_selector("#reveal")
    check("review front")
    page.locator("#reveal").tap()
    page.wait_for_selector("#back:not([hidden])")
    check("review back")
    db.session.execute(db.update(User).values(new_per_day=1))
    db.session.commit()
    with page.expect_navigation():
        page.locator('button[data-key="4"]').tap()
    page.wait_for_selector(".more-new")
    check("review done, limit reached")
    page.goto(f"/banks/{bank_id}")
    check("bank, limit reached")
    page.goto("/stats")
    check("statistics")
    assert not wide, f"pages wider than {PHONE['width']} px, by px: {wide}"


def test_the_menu_and_the_hints_fit_a_phone(phone):
    page = phone
    register(page, "phone")
    lines = page.evaluate("""() => new Set([...document.querySelectorAll("header.site nav *")]
        .filter((e) => e.offsetParent !== null)
        .map((e) => Math.round(e.getBoundingClientRect().top / 8))).size""")
    assert lines <= 2, f"the menu takes {lines} lines"
    page.get_by_role("button", name="Menu").tap()
    assert page.get_by_role("link", name="My quizzes").is_visible()
    # keys are no help on a touch screen
    start_quiz(page, count="5")
    assert page.locator("kbd:visible, .keys:visible").count() == 0
    bank_id = db.session.scalar(db.select(Bank.id))
    page.goto(f"/banks/{bank_id}")
    page.get_by_role("button", name="Review as flashcards").click()
    page.locator("#reveal").tap()
    page.wait_for_selector("#back:not([hidden])")
    assert page.locator("kbd:visible").count() == 0


def test_a_bank_page_shows_its_article_near_the_top_on_a_phone(phone):
    bank_id = db.session.scalar(db.select(Bank.id))
    phone.goto(f"/banks/{bank_id}")
    assert phone.locator(".article").bounding_box()["y"] < 2 * PHONE["height"]
