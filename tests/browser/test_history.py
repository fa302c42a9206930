"""The quiz history as a learner abroad sees it: times in their own zone."""

from __future__ import annotations

from datetime import UTC, datetime

from quizapp.extensions import db
from quizapp.models import QuizAttempt
from tests.browser.test_quiz_flow import register, start_quiz


def test_history_shows_times_in_the_learners_zone(browser, server_url):
    context = browser.new_context(base_url=server_url, timezone_id="Asia/Tokyo", locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        register(page, "abroad")
        start_quiz(page, count="5")
        attempt = db.session.scalar(db.select(QuizAttempt))
        attempt.started_at = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
        db.session.commit()
        page.goto("/history")
        started = page.locator("table.history time")
        # 23:30 UTC is 08:30 the next morning in Tokyo
        assert started.inner_text() == "2 Mar 2026, 08:30"
        assert started.get_attribute("title") == "2026-03-01 23:30 UTC"
        assert "In progress, 0 of 5 answered" in page.inner_text("table.history")
    finally:
        context.close()
