"""Review ten cards with the keyboard, undo one, and check the counts and intervals."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from quizapp.extensions import db
from quizapp.models import Bank, Card, ReviewLog, User
from tests.browser.contrast import contrast
from tests.browser.test_quiz_flow import register as register_anywhere


def register(page, name: str) -> None:
    """A learner for whom it is about noon: their day starts at 4 a.m. local time, and
    cards due in 1 to 10 minutes must still be today's whenever the suite runs (in UTC,
    a run at 03:55 saw them as tomorrow's)."""
    register_anywhere(page, name)
    offset = (12 - datetime.now(UTC).hour + 12) % 24 - 12  # hours east of UTC, -12..11
    zone = f"Etc/GMT{-offset:+d}" if offset else "UTC"  # Etc/GMT-9 is nine hours east
    db.session.execute(db.update(User).where(User.username == name).values(timezone=zone))
    db.session.commit()


def counts(page) -> tuple[int, int, int]:
    text = page.inner_text(".counts")
    return tuple(
        int(re.search(rf"(\d+) {name}", text).group(1)) for name in ("new", "learning", "due")
    )


def test_review_ten_cards_by_keyboard_and_undo_one(page):
    register(page, "learner")
    bank_id = db.session.scalar(db.select(Bank.id))
    page.goto(f"/banks/{bank_id}")
    page.get_by_role("button", name="Review as flashcards").click()
    page.wait_for_url(re.compile(rf"/banks/{bank_id}/review"))
    assert counts(page) == (20, 0, 0)

    # a new card's buttons show the learning steps and FSRS's first interval for Easy
    page.keyboard.press(" ")
    assert page.is_visible("#back")
    labels = [page.inner_text(f'button[data-key="{k}"] .interval') for k in "1234"]
    assert labels == ["1m", "6m", "10m", "8d"]

    ratings = ["3", "4", "1", "3", "4", "4", "2", "3", "4", "4"]
    for n, key in enumerate(ratings):
        if n:
            page.keyboard.press(" ")
        with page.expect_navigation():
            page.keyboard.press(key)
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count()).select_from(ReviewLog)) == 10
    new, learning, due = counts(page)
    # Easy graduates a new card; Again, Hard and Good keep it learning today
    assert new == 10 and learning == 5

    last = db.session.scalars(db.select(ReviewLog).order_by(ReviewLog.id.desc())).first()
    card_before = dict(last.card_before)
    with page.expect_navigation():
        page.keyboard.press("z")
    assert "Undone" in page.inner_text(".flashes")
    assert int(page.get_attribute(".flashcard", "data-card")) == last.card_id
    assert counts(page)[0] == 11
    db.session.expire_all()
    card = db.session.get(Card, last.card_id)
    assert card.reps == card_before["reps"] == 0 and card.state == card_before["state"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_rating_button_shows_a_readable_interval(browser, server_url, scheme):
    context = browser.new_context(base_url=server_url, color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        register(page, "learner")
        bank_id = db.session.scalar(db.select(Bank.id))
        page.goto(f"/banks/{bank_id}")
        page.get_by_role("button", name="Review as flashcards").click()
        page.keyboard.press(" ")
        for key in "1234":
            interval = page.locator(f'button[data-key="{key}"] .interval')
            assert contrast(interval) >= 4.5, (key, interval.inner_text())
    finally:
        context.close()


def test_a_reached_new_card_limit_says_so_and_studies_more_today(page):
    register(page, "learner")
    db.session.execute(db.update(User).values(new_per_day=2))
    db.session.commit()
    bank_id = db.session.scalar(db.select(Bank.id))
    page.goto(f"/banks/{bank_id}")
    page.get_by_role("button", name="Review as flashcards").click()
    page.wait_for_url(re.compile(rf"/banks/{bank_id}/review"))
    assert counts(page) == (2, 0, 0)
    for _ in range(2):  # Easy, by mouse: each card graduates, out of today's queue
        page.get_by_role("link", name=re.compile("Show answer")).click()
        with page.expect_navigation():
            page.get_by_role("button", name=re.compile("^Easy")).click()

    # the end of the session: why there are no new cards, and the way to more
    assert "Nothing more to review now" in page.inner_text("h2")
    waiting = page.inner_text(".more-new")
    total = db.session.scalar(db.select(db.func.count()).select_from(Card))
    assert f"{total - 2} new cards are waiting; today's limit of 2 is reached." in waiting
    assert "For today only: tomorrow the limit is 2 again." in waiting
    more = page.get_by_role("button", name="Study 2 more today")
    assert contrast(more) >= 4.5
    with page.expect_navigation():
        more.click()
    assert "Today's limit is 4 new cards, for today only" in page.inner_text(".flashes")
    assert counts(page) == (2, 0, 0)
    assert page.locator(".flashcard .badge", has_text="new").count() == 1
    db.session.expire_all()
    assert db.session.scalar(db.select(User.extra_new_cards)) == 2

    # the bank's page says the same once the two more are studied, by keyboard this time
    for _ in range(2):
        page.keyboard.press(" ")
        with page.expect_navigation():
            page.keyboard.press("4")
    page.goto(f"/banks/{bank_id}")
    assert "today's limit of 4 (2 a day and 2 more today) is reached" in page.inner_text(
        ".more-new"
    )
    assert page.get_by_role("button", name="Study 2 more today").is_visible()


def test_studying_the_built_in_bank_offers_each_fact_once(page):
    register(page, "learner")
    bank = db.session.scalars(db.select(Bank)).one()
    facts = len(bank.facts)
    db.session.execute(db.update(User).values(new_per_day=facts))
    db.session.commit()
    page.goto(f"/banks/{bank.id}")
    page.get_by_role("button", name="Review as flashcards").click()
    page.wait_for_url(re.compile(rf"/banks/{bank.id}/review"))
    assert f"{facts} facts of this bank are now your flashcards" in page.inner_text(".flashes")
    assert counts(page) == (facts, 0, 0)

    prompts = {q.prompt: q for q in bank.questions}
    seen = []
    for n in range(25):
        question = prompts[page.inner_text(".flashcard .prompt")]
        assert question.type in ("cloze", "short_answer") or not any(
            q.type in ("cloze", "short_answer") for q in question.fact.questions
        )
        seen.append(question.fact_id)
        page.keyboard.press(" ")
        with page.expect_navigation():
            page.keyboard.press("3" if n % 2 else "4")
    assert len(set(seen)) == len(seen)  # no fact twice, in any form
    assert counts(page)[0] == facts - 25
