from datetime import UTC, date, datetime, timedelta

from quizapp.domain.stats import heatmap_weeks, level, per_day, retention_by_age


def test_per_day_fills_every_day():
    days = per_day(
        [date(2026, 1, 2), date(2026, 1, 2), date(2026, 1, 4)], date(2026, 1, 1), date(2026, 1, 4)
    )
    assert [d.count for d in days] == [0, 2, 0, 1]


def test_heatmap_columns_start_on_monday():
    days = per_day([], date(2026, 1, 1), date(2026, 1, 14))  # 1 January 2026 is a Thursday
    weeks = heatmap_weeks(days)
    assert weeks[0][:3] == [None, None, None]
    assert weeks[0][3].day == date(2026, 1, 1)
    assert all(len(w) <= 7 for w in weeks)


def test_levels():
    assert [level(c, 8) for c in (0, 1, 2, 4, 8)] == [0, 1, 1, 2, 4]
    assert level(3, 0) == 0


def test_retention_by_age_counts_passes():
    t = datetime(2026, 1, 1, tzinfo=UTC)
    rows = [
        (t + timedelta(days=2), t, 3),
        (t + timedelta(days=3), t, 1),
        (t + timedelta(days=40), t, 4),
    ]
    result = {r.label: (r.passed, r.total) for r in retention_by_age(rows)}
    assert result["first week"] == (1, 2)
    assert result["1-3 months"] == (1, 1)
    assert result["older"] == (0, 0)
