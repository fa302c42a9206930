"""Flashcards over the API, and scheduling replayed through it against `fsrs` itself."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler

from quizapp.extensions import db
from quizapp.models import Bank, Card, ReviewLog
from tests.api.conftest import ApiClient


def _first_card(api: ApiClient, bank: Bank) -> dict:
    assert api.post(f"/banks/{bank.id}/cards").json["added"] == len(bank.facts)
    nxt = api.get(f"/reviews/next?bank_id={bank.id}").json
    assert nxt["counts"]["new"] > 0
    return nxt["next"]


def test_next_card_shows_the_interval_of_each_rating(api: ApiClient, public_bank: Bank) -> None:
    nxt = _first_card(api, public_bank)
    assert nxt["card"]["state"] == "learning" and nxt["card"]["reps"] == 0
    # the bank's best fact, asked for rather than recognised
    assert nxt["card"]["fact_id"] == nxt["question"]["fact_id"] == public_bank.facts[0].id
    assert nxt["question"]["type"] in ("cloze", "short_answer")
    # FSRS's learning steps are 1 and 10 minutes; Hard on the first step is their mean
    intervals = nxt["intervals"]
    assert (intervals["again"], intervals["hard"], intervals["good"]) == (60, 330, 600)
    assert intervals["easy"] >= 86400
    response = api.post(f"/cards/{nxt['card']['id']}/reviews", {"rating": 3})
    assert response.status_code == 200
    assert response.json["interval_seconds"] == 600
    assert response.json["card"]["reps"] == 1


def spread_dues(reference: Scheduler, card: FsrsCard, when: datetime) -> dict[int, datetime]:
    """py-fsrs's due for each rating, each pushed one unit (a day, or a minute under a
    day) past the rating's before when it is not later than that one."""
    dues: dict[int, datetime] = {}
    for rating in (1, 2, 3, 4):
        due = reference.review_card(card, Rating(rating), when)[0].due
        if dues and due <= dues[rating - 1]:
            previous = dues[rating - 1]
            unit = (
                timedelta(days=1) if previous - when >= timedelta(days=1) else timedelta(minutes=1)
            )
            due = previous + unit
        dues[rating] = due
    return dues


def test_replayed_offline_history_matches_the_fsrs_package(
    api: ApiClient, public_bank: Bank
) -> None:
    """A client that was offline sends its reviews with their times; the card must end as
    py-fsrs's own scheduler (defaults, no fuzz) would leave it, but for one thing: where
    py-fsrs gives a rating the same interval as a lower one, the card waits longer, as
    its button said (each button's interval is longer than the one before it)."""
    card_id = _first_card(api, public_bank)["card"]["id"]
    start = datetime.now(UTC) - timedelta(days=120)
    ratings = [3, 3, 1, 3, 4, 2, 3, 1, 1, 3, 3, 4]
    reference = Scheduler(enable_fuzzing=False)
    expected = FsrsCard(due=start)
    when = start
    for rating in ratings:
        response = api.post(
            f"/cards/{card_id}/reviews", {"rating": rating, "reviewed_at": when.isoformat()}
        )
        assert response.status_code == 200, response.json
        due = spread_dues(reference, expected, when)[rating]
        expected, _ = reference.review_card(expected, Rating(rating), when)
        got = response.json["card"]
        assert got["state"] == expected.state.name.lower()
        assert got["step"] == expected.step
        assert abs(got["stability"] - expected.stability) < 1e-9
        assert abs(got["difficulty"] - expected.difficulty) < 1e-9
        assert datetime.fromisoformat(got["due"]) == due
        # the next review comes when it is due, or after a day for learning steps
        when = max(expected.due, when + timedelta(hours=6))
        assert when < datetime.now(UTC)
    assert db.session.scalar(db.select(db.func.count()).select_from(ReviewLog)) == len(ratings)


def test_reviewed_at_is_validated(api: ApiClient, public_bank: Bank) -> None:
    card_id = _first_card(api, public_bank)["card"]["id"]
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    assert (
        api.post(f"/cards/{card_id}/reviews", {"rating": 3, "reviewed_at": future}).status_code
        == 422
    )
    naive = datetime.now().replace(tzinfo=None).isoformat()  # noqa: DTZ005
    assert (
        api.post(f"/cards/{card_id}/reviews", {"rating": 3, "reviewed_at": naive}).status_code
        == 422
    )
    assert api.post(f"/cards/{card_id}/reviews", {"rating": 3}).status_code == 200
    earlier = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    response = api.post(f"/cards/{card_id}/reviews", {"rating": 3, "reviewed_at": earlier})
    assert response.status_code == 422
    assert "last review" in response.json["error"]["message"]
    for rating in (0, 5, "good", None):
        assert api.post(f"/cards/{card_id}/reviews", {"rating": rating}).status_code == 422
    assert db.session.scalar(db.select(db.func.count()).select_from(ReviewLog)) == 1


def test_reviewed_at_out_of_range_is_a_422_and_breaks_no_page(
    api: ApiClient, public_bank: Bank
) -> None:
    card_id = _first_card(api, public_bank)["card"]["id"]
    for when in (
        "0001-01-01T00:00:00+05:00",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59-05:00",
        "9999-12-31T23:59:59Z",
        "1979-12-31T23:59:59Z",
    ):
        response = api.post(f"/cards/{card_id}/reviews", {"rating": 3, "reviewed_at": when})
        assert response.status_code == 422, when
        assert response.json["error"]["code"] == "invalid_time"
    assert db.session.scalar(db.select(db.func.count()).select_from(ReviewLog)) == 0
    assert api.get("/reviews/next").status_code == 200


def test_a_stale_version_is_refused_and_the_first_review_stands(
    api: ApiClient, public_bank: Bank
) -> None:
    shown = _first_card(api, public_bank)["card"]
    first = api.post(f"/cards/{shown['id']}/reviews", {"rating": 4, "version": shown["version"]})
    assert first.status_code == 200
    second = api.post(f"/cards/{shown['id']}/reviews", {"rating": 1, "version": shown["version"]})
    assert second.status_code == 409
    assert second.json["error"]["code"] == "stale_review"
    assert db.session.get(Card, shown["id"]).state == 2  # Easy's review state stands


def test_undo_puts_the_card_back_exactly(api: ApiClient, public_bank: Bank) -> None:
    shown = _first_card(api, public_bank)["card"]
    api.post(f"/cards/{shown['id']}/reviews", {"rating": 3})
    undone = api.post("/reviews/undo")
    assert undone.status_code == 200
    back = undone.json["card"]
    assert {k: back[k] for k in ("state", "step", "stability", "due", "reps")} == {
        k: shown[k] for k in ("state", "step", "stability", "due", "reps")
    }
    nothing = api.post("/reviews/undo")
    assert nothing.status_code == 409
    assert nothing.json["error"]["code"] == "nothing_to_undo"


def test_undo_of_a_card_changed_meanwhile_is_a_409(
    api: ApiClient, public_bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.web.test_review import another_tab_reviews_during_undo

    shown = _first_card(api, public_bank)["card"]
    api.post(f"/cards/{shown['id']}/reviews", {"rating": 3})
    another_tab_reviews_during_undo(monkeypatch)
    stale = api.post("/reviews/undo")
    assert stale.status_code == 409
    assert stale.json["error"]["code"] == "stale_review"
    monkeypatch.undo()
    assert api.post("/reviews/undo").status_code == 200  # the review was not marked undone


def test_other_users_cards_are_404(api: ApiClient, other_api: ApiClient, public_bank: Bank) -> None:
    theirs = _first_card(other_api, public_bank)["card"]
    assert api.post(f"/cards/{theirs['id']}/reviews", {"rating": 3}).status_code == 404
    assert api.get("/reviews/next?bank_id=999999").status_code == 404
    assert api.get("/reviews/next").json == {
        "next": None,
        "counts": {"new": 0, "learning": 0, "due": 0},
    }
