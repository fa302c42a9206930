import re
from datetime import UTC, datetime, timedelta

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Card, ReviewLog, User, Visibility
from tests.builders import SECOND_ARTICLE, login, make_bank, make_user


def study(client, bank):
    response = client.post(f"/banks/{bank.id}/study")
    assert response.headers["Location"].endswith(f"/banks/{bank.id}/review")


def shown_card(page: str) -> tuple[int, int]:
    card = int(re.search(r'data-card="(\d+)"', page).group(1))
    version = int(re.search(r'name="version" value="(\d+)"', page).group(1))
    return card, version


def test_study_then_review_with_intervals_on_the_buttons(app, client):
    make_user()
    login(client)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    study(client, bank)
    page = client.get(f"/banks/{bank.id}/review").get_data(as_text=True)
    assert "20 new" in page
    for label in ("Again", "Hard", "Good", "Easy", "1m", "10m"):
        assert label in page
    card, version = shown_card(page)
    response = client.post(
        f"/review/{card}", data={"rating": 3, "version": version, "bank": bank.id}
    )
    assert response.status_code == 302
    assert f"last={card}" in response.headers["Location"]
    assert db.session.get(Card, card).reps == 1
    assert "19 new" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_studying_makes_one_card_per_fact_shown_in_a_recall_form(app, client):
    make_user()
    login(client)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    page = client.post(f"/banks/{bank.id}/study", follow_redirects=True).get_data(as_text=True)
    assert f"{len(bank.facts)} facts of this bank are now your flashcards." in page
    assert db.session.scalar(select(func.count()).select_from(Card)) == len(bank.facts)
    card, _ = shown_card(page)
    fact = db.session.get(Card, card).fact
    recall = [q for q in fact.questions if q.type in ("cloze", "short_answer")]
    assert any(str(escape(q.prompt)) in page for q in recall)


def test_stale_submit_keeps_the_first_review(app, client):
    make_user()
    login(client)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    study(client, bank)
    card, version = shown_card(client.get(f"/banks/{bank.id}/review").get_data(as_text=True))
    client.post(f"/review/{card}", data={"rating": 3, "version": version})
    page = client.post(
        f"/review/{card}", data={"rating": 1, "version": version}, follow_redirects=True
    ).get_data(as_text=True)
    assert "already reviewed" in page
    assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1


def review_one_card(client) -> int:  # type: ignore[no-untyped-def]
    """A new learner studies a public bank and rates its first card Easy; its id."""
    return review_one_card_with(client, rating=4)


def review_one_card_with(client, rating: int) -> int:  # type: ignore[no-untyped-def]
    make_user()
    login(client)
    study(client, make_bank(None, visibility=Visibility.PUBLIC))
    card, version = shown_card(client.get("/review").get_data(as_text=True))
    client.post(f"/review/{card}", data={"rating": rating, "version": version})
    return card


def test_undo_shows_the_card_again(app, client):
    card = review_one_card(client)
    response = client.post("/review/undo")
    assert f"card={card}" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert shown_card(page)[0] == card
    db.session.expire_all()
    assert db.session.get(Card, card).reps == 0


def test_bury_after_another_tab_reviewed_the_card_is_a_409_and_saves_nothing(
    app, client, monkeypatch
):
    from quizapp.services import reviews

    make_user()
    login(client)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    study(client, bank)
    card_id, _ = shown_card(client.get(f"/banks/{bank.id}/review").get_data(as_text=True))
    bury = reviews.bury

    def bury_after_another_tab(session, user, card, now):  # type: ignore[no-untyped-def]
        with db.engine.begin() as other_tab:  # commits between this request's read and write
            other_tab.execute(
                Card.__table__.update().where(Card.id == card.id).values(version=Card.version + 1)
            )
        bury(session, user, card, now)

    monkeypatch.setattr(reviews, "bury", bury_after_another_tab)
    response = client.post(f"/review/{card_id}/bury", data={"bank": bank.id})
    assert response.status_code == 409
    assert "Changed meanwhile" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Card, card_id).buried_until is None


def another_tab_reviews_during_undo(monkeypatch):  # type: ignore[no-untyped-def]
    """Between Undo's claim of the review and its write of the card, the card changes
    (on PostgreSQL another tab can commit there; SQLite's write lock rules it out, so
    the change is made in the undo's own transaction, behind the session's back)."""
    from sqlalchemy import update

    from quizapp.services import reviews

    restore = reviews._restore

    def restore_after_another_tab(card, before):  # type: ignore[no-untyped-def]
        db.session.execute(
            update(Card)
            .where(Card.id == card.id)
            .values(version=Card.version + 1)
            .execution_options(synchronize_session=False)
        )
        restore(card, before)

    monkeypatch.setattr(reviews, "_restore", restore_after_another_tab)


def test_undo_of_a_card_changed_meanwhile_undoes_nothing(app, client, monkeypatch):
    card = review_one_card(client)
    another_tab_reviews_during_undo(monkeypatch)
    page = client.post("/review/undo", follow_redirects=True).get_data(as_text=True)
    assert "changed in another tab meanwhile; nothing was undone" in page
    db.session.expire_all()
    assert db.session.get(Card, card).reps == 1
    assert db.session.scalar(select(ReviewLog.undone_at)) is None  # the claim rolled back


def test_other_users_cards_are_not_found(app, client):
    ada = make_user("ada")
    make_user("bob")
    login(client, "ada")
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    study(client, bank)
    card, version = shown_card(client.get("/review").get_data(as_text=True))
    client.post("/auth/logout")
    login(client, "bob")
    for url in (f"/review/{card}", f"/review/{card}/bury", f"/review/{card}/suspend"):
        assert client.post(url, data={"rating": 3, "version": version}).status_code == 404
    assert client.post("/review/undo").status_code == 302  # bob has nothing to undo
    assert db.session.get(Card, card).reps == 0
    private = make_bank(ada, text=SECOND_ARTICLE)
    assert client.post(f"/banks/{private.id}/study").status_code == 404
    assert client.get(f"/banks/{private.id}/review").status_code == 404


def test_settings_are_saved_and_checked(app, client):
    user = make_user()
    login(client)
    page = client.get("/settings").get_data(as_text=True)
    assert "roughly doubles" in page and 'value="1m 10m"' in page
    response = client.post(
        "/settings",
        data={
            "desired_retention": "0.85",
            "new_per_day": "5",
            "max_reviews_per_day": "50",
            "learning_steps": "2m 15m 1h",
            "timezone": "Europe/Paris",
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert (user.desired_retention, user.new_per_day, user.learning_steps, user.timezone) == (
        0.85,
        5,
        [120, 900, 3600],
        "Europe/Paris",
    )
    bad = client.post(
        "/settings",
        data={
            "desired_retention": "0.99",
            "new_per_day": "5",
            "max_reviews_per_day": "50",
            "learning_steps": "soon",
            "timezone": "UTC",
        },
    ).get_data(as_text=True)
    assert "between 0.70 and 0.97" in bad and "Like: 1m 10m" in bad
    no_new_cards = client.post(
        "/settings",
        data={
            "desired_retention": "0.9",
            "new_per_day": "0",
            "max_reviews_per_day": "50",
            "learning_steps": "1m",
            "timezone": "UTC",
        },
    )
    assert no_new_cards.status_code == 302  # 0 is a real answer, not a missing one
    db.session.expire_all()
    assert user.new_per_day == 0


def test_statistics_page_draws_its_charts(app, client):
    make_user()
    login(client)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    study(client, bank)
    for _ in range(3):
        card, version = shown_card(client.get("/review").get_data(as_text=True))
        client.post(f"/review/{card}", data={"rating": 3, "version": version})
    page = client.get("/stats").get_data(as_text=True)
    assert "3 reviews in all" in page
    assert page.count("<svg") == 2
    assert "review" in page and "Facts you know" in page
    assert bank.name in page


def test_the_optimiser_needs_512_reviews(app, client, monkeypatch):
    from quizapp.services import optimizer

    make_user()
    login(client)
    monkeypatch.setattr(optimizer, "available", lambda: True)
    page = client.post("/settings/optimise", follow_redirects=True).get_data(as_text=True)
    assert "At least 512 reviews" in page


def button_intervals(page: str) -> list[str]:
    return re.findall(r'<span class="interval">([^<]+)</span>', page)


def in_days(label: str) -> float:
    number, unit = re.fullmatch(r"<?([\d.]+)(m|h|d|mo|y)", label).groups()
    return float(number) * {"m": 1 / 1440, "h": 1 / 24, "d": 1, "mo": 30, "y": 365}[unit]


def test_each_button_waits_longer_than_the_one_before(app, client):
    # Again, then Good: a card at its last learning step, to which FSRS gives one day
    # for Good and for Easy
    card_id = review_one_card_with(client, rating=1)
    page = client.get(f"/review?card={card_id}&reveal=1").get_data(as_text=True)
    client.post(f"/review/{card_id}", data={"rating": 3, "version": shown_card(page)[1]})
    card = db.session.get(Card, card_id)
    card.last_review = datetime.now(UTC) - timedelta(minutes=10)
    db.session.commit()
    page = client.get(f"/review?card={card_id}&reveal=1").get_data(as_text=True)
    labels = button_intervals(page)
    assert labels == ["1m", "10m", "1d", "2d"], labels
    days = [in_days(label) for label in labels]
    assert days == sorted(set(days)), labels
    # and the card gets the interval its button showed
    client.post(f"/review/{card_id}", data={"rating": 4, "version": shown_card(page)[1]})
    db.session.expire_all()
    card = db.session.get(Card, card_id)
    assert round((card.due - card.last_review) / timedelta(days=1)) == 2


def test_the_end_of_a_session_says_what_was_done_and_what_comes_next(app, client):
    user = make_user()
    user.new_per_day = 2
    db.session.commit()
    login(client)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    study(client, bank)
    for _ in range(2):
        card, version = shown_card(client.get(f"/banks/{bank.id}/review").get_data(as_text=True))
        client.post(
            f"/review/{card}", data={"rating": 4, "version": version, "duration_ms": 45_000}
        )
    page = client.get(f"/banks/{bank.id}/review").get_data(as_text=True)
    assert "Nothing more to review now" in page
    assert "Today you reviewed 2 cards,\n      2 of them right, in 1 min." in page
    assert re.search(r"The next card is due in \d+d\s*\(<time datetime=", page)
    held = len(bank.facts) - 2
    assert f"{held} new cards are waiting</strong>;\n    today's limit of 2 is reached" in page
    assert "Study 2 more today" in page


def test_the_charts_carry_their_axes_labels_and_numbers(app, client):
    make_user()
    login(client)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    study(client, bank)
    card, version = shown_card(client.get("/review").get_data(as_text=True))
    client.post(f"/review/{card}", data={"rating": 4, "version": version})
    page = client.get("/stats").get_data(as_text=True)
    for weekday in ("Mon", "Wed", "Fri"):
        assert f'class="axis">{weekday}</text>' in page
    assert re.search(r'class="axis">(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)</text>', page)
    assert 'class="axis">today</text>' in page
    assert 'class="value">1</text>' in page  # the Easy card's day, numbered on its bar
    # the same data as tables, for screen readers and for phones without hover
    assert "Reviews per day</caption>" in page and "Cards due per day</caption>" in page
    assert re.search(r"<tr><td>\d{4}-\d\d-\d\d</td><td>1</td></tr>", page)


def test_facts_you_know_counts_the_facts_studied(app, client):
    make_user()
    login(client)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    study(client, bank)
    page = client.get("/stats").get_data(as_text=True)
    assert f"% of {len(bank.facts)} facts</span>" in page


SETTINGS = {
    "desired_retention": "0.9",
    "new_per_day": "20",
    "max_reviews_per_day": "200",
    "learning_steps": "1m 10m",
    "timezone": "UTC",
}


def test_settings_out_of_bounds_are_refused_with_a_reason(app, client):
    user = make_user()
    login(client)
    for steps, reason in (
        ("3000000d", "Each step is between 1s and 30d."),
        ("1000000000d", "Each step is between 1s and 30d."),
        ("0s", "Each step is between 1s and 30d."),
        ("1m " * 11, "At most 10 steps."),
    ):
        response = client.post("/settings", data={**SETTINGS, "learning_steps": steps})
        assert response.status_code == 422, steps
        assert reason in response.get_data(as_text=True)
    for field, value in (
        ("desired_retention", "nan"),
        ("new_per_day", "10000"),
        ("max_reviews_per_day", "99999999999999999999"),
    ):
        response = client.post("/settings", data={**SETTINGS, field: value})
        assert response.status_code == 422, field
    db.session.expire_all()
    assert user.learning_steps == [60, 600]
    assert client.post("/settings", data={**SETTINGS, "learning_steps": "30d"}).status_code == 302


def test_settings_stored_out_of_bounds_break_no_page(app, client):
    user = make_user()
    login(client)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    study(client, bank)
    card, version = shown_card(client.get("/review").get_data(as_text=True))
    client.post(f"/review/{card}", data={"rating": 1, "version": version})  # in learning
    for steps in ([3_000_000 * 86400], [1_000_000_000 * 86400], [0, -5], "junk"):
        user.learning_steps = steps
        user.desired_retention = 7.5
        user.new_per_day = 10**9
        db.session.commit()
        for path in ("/settings", "/review", f"/banks/{bank.id}/review", "/stats"):
            assert client.get(path).status_code == 200, (steps, path)
        assert client.get("/api/v1/reviews/next").status_code in (200, 204), steps
        card, version = shown_card(client.get("/review").get_data(as_text=True))
        rated = client.post(f"/review/{card}", data={"rating": 3, "version": version})
        assert rated.status_code == 302, steps
    page = client.get("/settings").get_data(as_text=True)
    assert 'value="1m 10m"' in page and 'value="0.97"' in page  # as they now apply


def reach_the_new_card_limit(client, new_per_day=1, username="ada"):
    """A learner whose one new card today is studied: the rest of the bank waits."""
    user = make_user(username)
    user.new_per_day = new_per_day
    db.session.commit()
    login(client, username)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    study(client, bank)
    for _ in range(new_per_day):
        card, version = shown_card(client.get(f"/banks/{bank.id}/review").get_data(as_text=True))
        client.post(f"/review/{card}", data={"rating": 4, "version": version})
    return user, bank


def more_new_form(page: str) -> dict[str, str]:
    form = re.search(r'<form method="post" action="/review/more-new">(.*?)</form>', page, re.S)
    assert form, "the page offers Study N more today"
    return dict(re.findall(r'name="(\w+)" value="([^"]*)"', form.group(1)))


def test_study_more_today_raises_the_limit_and_shows_the_next_new_card(app, client):
    user, bank = reach_the_new_card_limit(client, new_per_day=1)
    page = client.get(f"/banks/{bank.id}/review").get_data(as_text=True)
    waiting = len(bank.facts) - 1
    assert f"{waiting} new cards are waiting</strong>;\n    today's limit of 1 is reached" in page
    assert "Study 1 more today" in page and "For today only" in page
    form = more_new_form(page)
    assert {k: form[k] for k in ("count", "limit", "bank")} == {
        "count": "1",
        "limit": "1",
        "bank": str(bank.id),
    }
    assert form["csrf_token"]
    response = client.post("/review/more-new", data=form)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/banks/{bank.id}/review")
    db.session.expire_all()
    assert db.session.get(User, user.id).extra_new_cards == 1
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Today&#39;s limit is 2 new cards, for today only: tomorrow it is 1 again." in page
    assert "1 new</span>" in page and 'data-card="' in page
    assert "Study 1 more today" not in page  # the limit lets a new card in again


def test_a_double_click_on_study_more_raises_the_limit_once(app, client):
    user, bank = reach_the_new_card_limit(client, new_per_day=1)
    form = more_new_form(client.get(f"/banks/{bank.id}/review").get_data(as_text=True))
    client.post("/review/more-new", data=form)
    again = client.post("/review/more-new", data=form, follow_redirects=True)
    assert again.status_code == 200
    assert "nothing was added" in again.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, user.id).extra_new_cards == 1


@pytest.mark.parametrize(
    ("count", "message"),
    [
        ("0", "Choose between 1 and 9,999 more new cards."),
        ("-5", "Choose between 1 and 9,999 more new cards."),
        ("10000", "Choose between 1 and 9,999 more new cards."),
        ("99999999999999999999", "Choose between 1 and 9,999 more new cards."),
        ("many", "Say how many more new cards, as a number."),
        ("", "Say how many more new cards"),
    ],
)
def test_study_more_with_a_bad_count_is_refused_with_a_reason(app, client, count, message):
    user, bank = reach_the_new_card_limit(client, new_per_day=1)
    response = client.post(
        "/review/more-new", data={"count": count, "limit": "1", "bank": str(bank.id)}
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page
    assert "Study 1 more today" in page  # the review page, to try again
    db.session.expire_all()
    assert db.session.get(User, user.id).extra_new_cards == 0


def test_study_more_without_the_limit_it_saw_is_refused(app, client):
    user, bank = reach_the_new_card_limit(client, new_per_day=1)
    response = client.post("/review/more-new", data={"count": "1", "bank": str(bank.id)})
    assert response.status_code == 422
    db.session.expire_all()
    assert db.session.get(User, user.id).extra_new_cards == 0


def test_study_more_is_the_learners_own(app, client):
    ada, bank = reach_the_new_card_limit(client, new_per_day=1)
    mallory = make_user("mallory")
    theirs = make_bank(mallory, text=SECOND_ARTICLE)  # private
    response = client.post(
        "/review/more-new", data={"count": "3", "limit": "1", "bank": str(theirs.id)}
    )
    # another user's private bank is not a place to go: the learner's own queue instead
    assert response.headers["Location"].endswith("/review")
    db.session.expire_all()
    assert db.session.get(User, ada.id).extra_new_cards == 3
    assert db.session.get(User, mallory.id).extra_new_cards == 0


def test_the_bank_page_says_when_the_limit_holds_new_cards_back(app, client):
    _, bank = reach_the_new_card_limit(client, new_per_day=1)
    page = client.get(f"/banks/{bank.id}").get_data(as_text=True)
    assert "new cards are waiting</strong>;\n    today's limit of 1 is reached" in page
    assert more_new_form(page)["bank"] == str(bank.id)
    assert 'class="secondary">Study 1 more today' in page  # Take a quiz stays the one primary


def test_the_bank_page_says_nothing_while_new_cards_are_left_today(app, client):
    _, bank = reach_the_new_card_limit(client, new_per_day=1)
    client.post("/review/more-new", data={"count": "5", "limit": "1"})
    assert "more today" not in client.get(f"/banks/{bank.id}").get_data(as_text=True)
    client.post("/auth/logout")
    assert "more today" not in client.get(f"/banks/{bank.id}").get_data(as_text=True)


def test_a_review_with_due_cards_left_says_why_there_are_no_new_ones(app, client):
    _, bank = reach_the_new_card_limit(client, new_per_day=1)
    card = db.session.scalar(select(Card).where(Card.reps > 0))
    card.due = datetime.now(UTC) - timedelta(minutes=1)  # due again: a card to review
    db.session.commit()
    page = client.get(f"/banks/{bank.id}/review").get_data(as_text=True)
    assert 'data-card="' in page and "0 new</span>" in page
    assert "today's limit of 1 is reached" in page
    assert 'class="secondary">Study 1 more today' in page
