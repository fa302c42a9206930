"""Spaced repetition over the `fsrs` package (FSRS-6): the caller passes the clock.

The algorithm is py-fsrs's own; this module only converts between our card columns
and its Card, names the settings, formats intervals and knows when a learner's day
starts. Fuzzing is off so that the interval shown on a button is exactly the one
the card gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fsrs import Card, Rating, Scheduler, State

RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
LEECH_LAPSES = 8
DAY_STARTS_AT = time(4, 0)  # as in Anki: a late night still counts as the day before


@dataclass(frozen=True, slots=True)
class Settings:
    desired_retention: float = 0.90
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    maximum_interval_days: int = 36500
    new_per_day: int = 20
    max_reviews_per_day: int = 200
    parameters: tuple[float, ...] | None = None  # None: FSRS-6 defaults
    timezone: str = "UTC"


@dataclass(frozen=True, slots=True)
class Memory:
    """A card's scheduling state, as stored in our columns."""

    state: int = State.Learning.value
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0

    @property
    def is_new(self) -> bool:
        return self.reps == 0


@dataclass(frozen=True, slots=True)
class Outcome:
    memory: Memory
    interval: timedelta
    lapsed: bool  # a review card forgotten: counts towards the leech limit
    leech: bool = False


@dataclass(frozen=True, slots=True)
class Preview:
    intervals: dict[int, timedelta] = field(default_factory=dict)

    def labels(self) -> dict[int, str]:
        return {rating: format_interval(td) for rating, td in self.intervals.items()}


@lru_cache(maxsize=64)
def make_scheduler(settings: Settings) -> Scheduler:
    """One scheduler per distinct settings: it holds no per-card state, and the
    statistics page asks it about every card."""
    kwargs = {}
    if settings.parameters is not None:
        kwargs["parameters"] = settings.parameters
    return Scheduler(
        desired_retention=settings.desired_retention,
        learning_steps=settings.learning_steps,
        relearning_steps=settings.relearning_steps,
        maximum_interval=settings.maximum_interval_days,
        enable_fuzzing=False,
        **kwargs,
    )


def _to_card(memory: Memory, now: datetime) -> Card:
    return Card(
        card_id=1,
        state=State(memory.state),
        step=memory.step,
        stability=memory.stability,
        difficulty=memory.difficulty,
        due=memory.due or now,
        last_review=memory.last_review,
    )


def review(memory: Memory, rating: int, now: datetime, settings: Settings) -> Outcome:
    """The card after answering it with `rating` (1 Again .. 4 Easy) at `now`."""
    if rating not in RATINGS:
        raise ValueError(f"rating must be 1-4, not {rating!r}")
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    card, _log = make_scheduler(settings).review_card(_to_card(memory, now), Rating(rating), now)
    lapsed = memory.state == State.Review.value and rating == Rating.Again.value
    lapses = memory.lapses + (1 if lapsed else 0)
    after = Memory(
        state=card.state.value,
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reps=memory.reps + 1,
        lapses=lapses,
    )
    return Outcome(after, card.due - now, lapsed, leech=lapsed and lapses >= LEECH_LAPSES)


def preview(memory: Memory, now: datetime, settings: Settings) -> Preview:
    """The interval each rating would give, for the four buttons."""
    return Preview({r: review(memory, r, now, settings).interval for r in RATINGS})


def retrievability(memory: Memory, now: datetime, settings: Settings) -> float:
    """Probability of recall now; 0 for a card never reviewed."""
    if memory.is_new or memory.stability is None:
        return 0.0
    return make_scheduler(settings).get_card_retrievability(_to_card(memory, now), now)


def format_interval(interval: timedelta) -> str:
    """'<1m', '10m', '3h', '2d', '11d', '3.5mo', '1.2y': the way Anki's buttons say it."""
    seconds = interval.total_seconds()
    if seconds < 60:
        return "<1m"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}".rstrip("0").rstrip(".") + "mo"
    return f"{days / 365:.1f}".rstrip("0").rstrip(".") + "y"


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a path
        return ZoneInfo("UTC")


def day_bounds(now: datetime, timezone: str) -> tuple[datetime, datetime]:
    """The learner's current day, [start, end) in UTC, starting at 4 a.m. local time."""
    local = now.astimezone(zone(timezone))
    start_date = learning_day(now, timezone)
    start = datetime.combine(start_date, DAY_STARTS_AT, tzinfo=local.tzinfo)
    end = datetime.combine(start_date + timedelta(days=1), DAY_STARTS_AT, tzinfo=local.tzinfo)
    return start.astimezone(now.tzinfo), end.astimezone(now.tzinfo)


def learning_day(now: datetime, timezone: str) -> date:
    """The learner's current day by its date: the local date on which it began at 4 a.m.
    (at 01:00 on 5 March it is still 4 March). A date, not an instant, so that it names
    the same day after the learner changes time zone."""
    local = now.astimezone(zone(timezone))
    return local.date() if local.time() >= DAY_STARTS_AT else local.date() - timedelta(days=1)
