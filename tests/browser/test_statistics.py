"""The statistics page read without hover: bars that line up."""

from __future__ import annotations

from quizapp.extensions import db
from quizapp.models import Bank
from tests.browser.test_quiz_flow import register


def test_the_bars_of_cards_by_state_line_up(page):
    register(page, "counter")
    bank_id = db.session.scalar(db.select(Bank.id))
    page.goto(f"/banks/{bank_id}")
    page.get_by_role("button", name="Review as flashcards").click()
    page.wait_for_selector("#reveal")
    page.goto("/stats")
    section = page.locator("section", has=page.get_by_role("heading", name="Cards by state"))
    boxes = [m.bounding_box() for m in section.locator("meter").all()]
    assert len(boxes) == 5
    # "252" beside "new" and "0" beside "suspended": each bar starts and ends alike
    assert len({(round(b["x"]), round(b["width"])) for b in boxes}) == 1, boxes
