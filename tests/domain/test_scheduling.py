from datetime import UTC, date, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler

from quizapp.domain import scheduling
from quizapp.domain.scheduling import Memory, Settings, day_bounds, format_interval, learning_day

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_review_matches_the_fsrs_package_for_the_same_history():
    ratings = [3, 3, 1, 3, 4, 2, 3, 1, 1, 3, 3, 4]
    reference = Scheduler(enable_fuzzing=False)
    card = Card()
    card.due = T0
    memory = Memory(due=T0)
    now = T0
    for rating in ratings:
        card, _ = reference.review_card(card, Rating(rating), now)
        memory = scheduling.review(memory, rating, now, Settings()).memory
        assert memory.state == card.state.value
        assert memory.step == card.step
        assert memory.stability == pytest.approx(card.stability)
        assert memory.difficulty == pytest.approx(card.difficulty)
        assert memory.due == card.due
        now = card.due  # review exactly when due
    assert memory.reps == len(ratings)


def test_preview_gives_each_buttons_interval():
    new = scheduling.preview(Memory(due=T0), T0, Settings())
    # the learning steps (1m, 10m) for Again and Good, FSRS-6's first interval for Easy
    assert new.labels() == {1: "1m", 2: "6m", 3: "10m", 4: "8d"}
    assert new.intervals[1] < new.intervals[2] < new.intervals[3] < new.intervals[4]


def test_higher_retention_gives_shorter_intervals():
    memory = Memory(due=T0)
    for rating in (3, 3, 3):
        memory = scheduling.review(memory, rating, memory.due or T0, Settings()).memory
    relaxed = scheduling.preview(memory, memory.due, Settings(desired_retention=0.8))
    strict = scheduling.preview(memory, memory.due, Settings(desired_retention=0.95))
    assert strict.intervals[3] < relaxed.intervals[3]


def test_a_forgotten_review_card_is_a_lapse_and_the_eighth_is_a_leech():
    memory = Memory(due=T0)
    now = T0
    for _ in range(4):
        memory = scheduling.review(memory, 3, now, Settings()).memory
        now = memory.due
    assert memory.state == 2  # Review
    lapses = 0
    outcome = None
    while lapses < 8:
        outcome = scheduling.review(memory, 1, now, Settings())
        assert outcome.lapsed
        lapses += 1
        memory = outcome.memory
        while memory.state != 2:  # relearn back to Review
            now = memory.due
            memory = scheduling.review(memory, 3, now, Settings()).memory
        now = memory.due
    assert outcome.leech and memory.lapses == 8


def test_ratings_and_clock_are_checked():
    with pytest.raises(ValueError):
        scheduling.review(Memory(), 5, T0, Settings())
    with pytest.raises(ValueError):
        scheduling.review(Memory(), 3, datetime(2026, 1, 1), Settings())


@pytest.mark.parametrize(
    ("seconds", "label"),
    [
        (30, "<1m"),
        (600, "10m"),
        (3 * 3600, "3h"),
        (2 * 86400, "2d"),
        (11 * 86400, "11d"),
        (105 * 86400, "3.5mo"),
        (438 * 86400, "1.2y"),
        (365 * 86400, "1y"),
    ],
)
def test_intervals_read_like_ankis(seconds, label):
    assert format_interval(timedelta(seconds=seconds)) == label


def test_the_day_rolls_over_at_4am_in_the_learners_time_zone():
    # 02:30 in Tokyo on 5 March is still the learning day of 4 March
    now = datetime(2026, 3, 4, 17, 30, tzinfo=UTC)  # 02:30 JST on 5 March
    start, end = day_bounds(now, "Asia/Tokyo")
    assert start == datetime(2026, 3, 3, 19, 0, tzinfo=UTC)  # 04:00 JST on 4 March
    assert end - start == timedelta(days=1)
    # an hour and a half later the new day has begun
    start2, _ = day_bounds(now + timedelta(hours=1, minutes=31), "Asia/Tokyo")
    assert start2 == end


def test_the_learning_day_is_the_local_date_it_began_on():
    # 01:30 in Tokyo on 4 March is still the learner's 3 March; 04:00 begins the 4th
    assert learning_day(datetime(2026, 3, 3, 16, 30, tzinfo=UTC), "Asia/Tokyo") == date(2026, 3, 3)
    assert learning_day(datetime(2026, 3, 3, 19, 0, tzinfo=UTC), "Asia/Tokyo") == date(2026, 3, 4)
    # the same instant is another day in New York
    assert learning_day(datetime(2026, 3, 3, 19, 0, tzinfo=UTC), "America/New_York") == date(
        2026, 3, 3
    )


def test_a_day_with_a_daylight_saving_change_is_23_hours():
    now = datetime(2026, 3, 28, 12, 0, tzinfo=UTC)  # clocks go forward in the next night
    start, end = day_bounds(now, "Europe/London")
    assert end - start == timedelta(hours=23)


def test_unknown_time_zones_fall_back_to_utc():
    for name in ("Mars/Olympus", "../../etc/passwd", "x" * 5000):  # the last: OSError
        start, _ = day_bounds(datetime(2026, 3, 4, 12, 0, tzinfo=UTC), name)
        assert start == datetime(2026, 3, 4, 4, 0, tzinfo=UTC)


def test_retrievability_of_a_new_card_is_zero_and_falls_with_time():
    assert scheduling.retrievability(Memory(), T0, Settings()) == 0.0
    memory = scheduling.review(Memory(due=T0), 4, T0, Settings()).memory
    soon = scheduling.retrievability(memory, T0 + timedelta(days=1), Settings())
    later = scheduling.retrievability(memory, T0 + timedelta(days=30), Settings())
    assert 0 < later < soon <= 1
