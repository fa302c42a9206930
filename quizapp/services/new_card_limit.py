"""Today's new-card limit, and "Study N more today" (Anki's custom study, "increase
today's new card limit"): a learner whose new cards are held back raises the limit for
the rest of their learning day; tomorrow their setting applies again.

The limit is the learner's, shared by all their banks (services/reviews counts every
new card they studied today, whichever bank it came from), so the raise is theirs too:
raising it from one bank's page lets more new cards in on every queue."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from quizapp.domain.scheduling import learning_day
from quizapp.models import User
from quizapp.services.review_settings import (
    MORE_NEW_TODAY,
    NEW_PER_DAY,
    SettingsError,
    bounded_count,
)

# what "Study N more today" offers when the setting is 0 new cards a day
DEFAULT_MORE = 20


class LimitChanged(ValueError):
    """Today's limit is no longer the one the page showed; str(error) says so."""


def per_day(user: User) -> int:
    """The setting, within its bounds (services/reviews.settings_for reads it alike)."""
    return bounded_count(user.new_per_day, NEW_PER_DAY, 20)


def extra_today(user: User, now: datetime) -> int:
    """The new cards the learner added to today's limit; 0 once their day is over."""
    if user.extra_new_day != learning_day(now, user.timezone or "UTC"):
        return 0
    return bounded_count(user.extra_new_cards, (0, MORE_NEW_TODAY[1]), 0)


def limit_today(user: User, now: datetime) -> int:
    return per_day(user) + extra_today(user, now)


def offer(held_back_by_limit: int, user: User) -> int:
    """How many more "Study N more today" offers: another day's worth of the learner's
    setting, or fewer when fewer are waiting. 0: nothing to offer."""
    return max(min(held_back_by_limit, per_day(user) or DEFAULT_MORE), 0)


def study_more_today(
    session: Session, user: User, now: datetime, count: int, *, seen_limit: int
) -> int:
    """Raise the learner's new-card limit by `count` for their learning day that `now`
    is in; returns today's limit. `seen_limit` is the limit the page showed: when it
    has changed since (a second click or another tab raised it already, the settings
    changed, a new day began) nothing is raised and LimitChanged says so, so that a
    double click raises the limit once."""
    low, high = MORE_NEW_TODAY
    if not low <= count <= high:
        raise SettingsError(f"Choose between {low} and {high:,} more new cards.")
    if limit_today(user, now) != seen_limit:
        raise LimitChanged(
            "Today's new-card limit changed since that page was shown (in another tab, "
            "or a new day began); nothing was added. Here it is as it stands."
        )
    extra = extra_today(user, now) + count
    if extra > high:
        raise SettingsError(f"Today's limit can be raised by at most {high:,} new cards.")
    user.extra_new_day = learning_day(now, user.timezone or "UTC")
    user.extra_new_cards = extra
    session.flush()
    return limit_today(user, now)
