"""Progress statistics from plain rows: counts per day, forecasts, retention by age.

Kept free of the database so the arithmetic is tested alone; services/stats.py feeds it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

AGE_BUCKETS = (
    (0, 7, "first week"),
    (7, 30, "1-4 weeks"),
    (30, 90, "1-3 months"),
    (90, 10**6, "older"),
)


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    count: int


def per_day(days: Iterable[date], first: date, last: date) -> list[Day]:
    """Every day from `first` to `last`, with how many of `days` fall on it."""
    counts = Counter(days)
    out = []
    d = first
    while d <= last:
        out.append(Day(d, counts.get(d, 0)))
        d += timedelta(days=1)
    return out


def heatmap_weeks(days: list[Day]) -> list[list[Day | None]]:
    """Columns of 7 (Monday first) for a calendar heatmap; blanks before the first day."""
    if not days:
        return []
    cells: list[Day | None] = [None] * days[0].day.weekday() + list(days)
    return [cells[i : i + 7] for i in range(0, len(cells), 7)]


def level(count: int, peak: int) -> int:
    """0-4, for the heatmap's shades."""
    if count <= 0 or peak <= 0:
        return 0
    return min(4, 1 + (4 * count - 1) // peak)


@dataclass(frozen=True, slots=True)
class Retention:
    label: str
    passed: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.passed / self.total if self.total else None


def retention_by_age(reviews: Iterable[tuple[datetime, datetime, int]]) -> list[Retention]:
    """True retention: the share of reviews of mature-state cards passed (Hard, Good or
    Easy), by the card's age (time since its first review) at the review.

    `reviews` are (reviewed_at, first_reviewed_at, rating) for reviews of cards in
    the Review state.
    """
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for reviewed_at, first, rating in reviews:
        age = (reviewed_at - first).days
        label = next(lbl for lo, hi, lbl in AGE_BUCKETS if lo <= age < hi)
        total[label] += 1
        passed[label] += rating > 1
    return [Retention(lbl, passed[lbl], total[lbl]) for _, _, lbl in AGE_BUCKETS]
