from datetime import UTC, datetime, timedelta

import pytest

from quizapp.extensions import db
from quizapp.services import new_card_limit, reviews
from quizapp.services.review_settings import SettingsError
from tests.builders import SAMPLE_ARTICLE, SECOND_ARTICLE, make_bank, make_user

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # 10:00 UTC: the learner's day began at 04:00


def learner(new_per_day=2, username="ada", text=None):
    user = make_user(username)
    user.new_per_day = new_per_day
    bank = make_bank(user, **({"text": text} if text else {}))
    reviews.ensure_cards(db.session, user, bank, NOW)
    db.session.commit()
    return user, bank


def study_new(user, count, now=NOW, bank=None):
    for _ in range(count):
        queue = reviews.next_card(db.session, user, now, bank.id if bank else None)
        assert queue.card is not None and queue.card.reps == 0
        card = queue.card
        reviews.review_card(db.session, user, card, 4, now, seen_version=card.version)  # Easy
        db.session.commit()


def more(user, count, now=NOW, seen=None):
    seen = new_card_limit.limit_today(user, now) if seen is None else seen
    limit = new_card_limit.study_more_today(db.session, user, now, count, seen_limit=seen)
    db.session.commit()
    return limit


def test_a_reached_limit_says_how_many_wait_and_offers_another_days_worth(app):
    user, bank = learner(new_per_day=2)
    study_new(user, 2)
    queue = reviews.next_card(db.session, user, NOW)
    assert queue.card is None and queue.new_left == 0
    assert queue.new_held_back == len(bank.facts) - 2
    assert (queue.new_limit, queue.more_new) == (2, 2)


def test_studying_more_today_lets_that_many_more_new_cards_in(app):
    user, bank = learner(new_per_day=2)
    study_new(user, 2)
    assert more(user, 3) == 5
    queue = reviews.next_card(db.session, user, NOW)
    third = sorted(bank.facts, key=lambda f: f.rank)[2]  # new cards come best fact first
    assert queue.new_left == 3 and queue.card.fact_id == third.id
    assert queue.more_new == 0  # the limit lets new cards in again: nothing to offer
    study_new(user, 3)
    queue = reviews.next_card(db.session, user, NOW)
    assert queue.card is None and (queue.new_limit, queue.more_new) == (5, 2)


def test_tomorrow_the_setting_applies_again(app):
    user, _ = learner(new_per_day=2)
    study_new(user, 2)
    more(user, 10)
    tomorrow = NOW + timedelta(days=1)
    assert new_card_limit.limit_today(user, tomorrow) == 2
    assert reviews.next_card(db.session, user, tomorrow).new_left == 2


def test_today_is_the_learners_day_in_their_time_zone(app):
    user, _ = learner(new_per_day=2)
    user.timezone = "Asia/Tokyo"  # the day begins at 19:00 UTC
    db.session.commit()
    before_four = datetime(2026, 3, 2, 18, 59, tzinfo=UTC)  # 03:59 in Tokyo: still the 2nd
    more(user, 5, now=before_four)
    assert new_card_limit.limit_today(user, before_four - timedelta(hours=14)) == 7
    assert new_card_limit.limit_today(user, before_four + timedelta(minutes=1)) == 2


def test_a_second_click_on_the_same_page_raises_the_limit_once(app):
    user, _ = learner(new_per_day=2)
    study_new(user, 2)
    more(user, 2, seen=2)
    with pytest.raises(new_card_limit.LimitChanged, match="nothing was added"):
        more(user, 2, seen=2)
    db.session.rollback()
    assert new_card_limit.limit_today(user, NOW) == 4


def test_yesterdays_page_raises_nothing_today(app):
    user, _ = learner(new_per_day=2)
    more(user, 2)  # yesterday's page showed 4 ...
    with pytest.raises(new_card_limit.LimitChanged):
        more(user, 2, now=NOW + timedelta(days=1), seen=4)  # ... today's limit is 2


@pytest.mark.parametrize("count", [0, -3, 10_000])
def test_a_raise_out_of_bounds_is_refused(app, count):
    user, _ = learner()
    with pytest.raises(SettingsError, match="between 1 and 9,999"):
        more(user, count)
    assert new_card_limit.limit_today(user, NOW) == 2


def test_all_of_a_days_raises_together_are_bounded(app):
    user, _ = learner()
    more(user, 9_000)
    with pytest.raises(SettingsError, match="at most 9,999"):
        more(user, 1_000)
    db.session.rollback()
    assert new_card_limit.limit_today(user, NOW) == 9_002


def test_an_extra_stored_out_of_bounds_is_held_to_them(app):
    user, _ = learner()
    user.extra_new_day, user.extra_new_cards = NOW.date(), 10**9
    assert new_card_limit.limit_today(user, NOW) == 2 + 9_999
    user.extra_new_cards = -50
    assert new_card_limit.limit_today(user, NOW) == 2


def test_nothing_is_offered_when_the_review_limit_holds_cards_back(app):
    user, _ = learner(new_per_day=2)
    user.max_reviews_per_day = 2
    db.session.commit()
    study_new(user, 2)
    queue = reviews.next_card(db.session, user, NOW)
    assert queue.reviews_left_today == 0 and queue.more_new == 0


def test_the_offer_stops_where_the_review_limit_would(app):
    user, _ = learner(new_per_day=2)
    user.max_reviews_per_day = 3
    db.session.commit()
    study_new(user, 2)
    queue = reviews.next_card(db.session, user, NOW)
    assert queue.reviews_left_today == 1 and queue.more_new == 1


def test_a_learner_with_no_new_cards_a_day_is_offered_twenty(app):
    # an article of more than twenty facts: the offer is twenty, not all of them
    user, bank = learner(new_per_day=0, text=SAMPLE_ARTICLE + SECOND_ARTICLE.partition("\n")[2])
    queue = reviews.next_card(db.session, user, NOW)
    assert queue.card is None and queue.more_new == 20 < len(bank.facts)


def test_the_limit_is_the_learners_for_every_bank(app):
    user, first = learner(new_per_day=2)
    second = make_bank(user, text=SECOND_ARTICLE)
    reviews.ensure_cards(db.session, user, second, NOW)
    study_new(user, 2, bank=first)
    assert reviews.today_counts(db.session, user, NOW, second.id).new_left == 0
    more(user, 1)
    assert reviews.today_counts(db.session, user, NOW, second.id).new_left == 1
    assert reviews.due_today_by_bank(db.session, user, NOW) == {first.id: 1, second.id: 1}


def test_a_raise_is_the_learners_own(app):
    ada, _ = learner(new_per_day=2)
    bob, _ = learner(new_per_day=2, username="bob", text=SECOND_ARTICLE)
    more(ada, 5)
    assert new_card_limit.limit_today(ada, NOW) == 7
    assert new_card_limit.limit_today(bob, NOW) == 2
    assert reviews.next_card(db.session, bob, NOW).new_left == 2
