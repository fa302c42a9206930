"""A learner's Anki export carries their schedule and reviews, as Anki itself reads them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from quizapp.extensions import db
from quizapp.models import Card
from quizapp.services import reviews
from quizapp.services.exports import export_bank
from tests.builders import make_bank, make_user
from tests.interop.test_anki import open_in_anki


def _import_with_scheduling(apkg: bytes, tmp_path):  # type: ignore[no-untyped-def]
    return open_in_anki(apkg, tmp_path, with_scheduling=True)


def test_an_anki_export_for_a_learner_keeps_schedule_and_history(app, tmp_path):
    user = make_user()
    bank = make_bank(user)
    start = datetime.now(UTC) - timedelta(days=30)
    reviews.ensure_cards(db.session, user, bank, start)
    cards = db.session.scalars(db.select(Card).order_by(Card.id)).all()
    studied, forgotten = cards[0], cards[1]
    when = start
    for rating in (3, 3, 4):  # learnt, then a review a few days on
        reviews.apply_rating(db.session, user, studied, rating, when)
        when = max(studied.due, when + timedelta(hours=1))
    reviews.apply_rating(db.session, user, forgotten, 1, start + timedelta(minutes=5))
    reviews.suspend(forgotten)
    db.session.commit()

    col = _import_with_scheduling(export_bank(db.session, bank, "apkg", user).data, tmp_path)
    try:
        assert col.db.scalar("select count() from revlog") == 4
        assert col.db.list("select ease from revlog order by id") == [3, 1, 3, 4]
        rows = col.db.all("select type, queue, ivl, reps, lapses from cards where reps > 0")
        by_reps = {reps: (kind, queue, ivl, lapses) for kind, queue, ivl, reps, lapses in rows}
        kind, queue, interval, _ = by_reps[3]
        assert (kind, queue) == (2, 2)  # a review card in the review queue
        assert interval == round((studied.due - studied.last_review).total_seconds() / 86400)
        assert by_reps[1][1] == -1  # the suspended one stays suspended
        assert col.db.scalar("select count() from cards where reps = 0") == len(bank.questions) - 2
    finally:
        col.close()


def test_the_plain_export_has_no_one_s_history(app, tmp_path):
    user = make_user()
    bank = make_bank(user)
    reviews.ensure_cards(db.session, user, bank, datetime.now(UTC))
    card = db.session.scalars(db.select(Card)).first()
    reviews.apply_rating(db.session, user, card, 3, datetime.now(UTC))
    db.session.commit()
    col = _import_with_scheduling(export_bank(db.session, bank, "apkg").data, tmp_path)
    try:
        assert col.db.scalar("select count() from revlog") == 0
        assert col.db.scalar("select count() from cards where reps > 0") == 0
    finally:
        col.close()


def test_the_bank_page_and_the_cli_offer_the_learner_s_deck(app, client, tmp_path):
    from tests.builders import login

    user = make_user()
    bank = make_bank(user)
    reviews.ensure_cards(db.session, user, bank, datetime.now(UTC))
    card = db.session.scalars(db.select(Card)).first()
    reviews.apply_rating(db.session, user, card, 3, datetime.now(UTC))
    db.session.commit()
    login(client)
    assert "mine=1" in client.get(f"/banks/{bank.id}").get_data(as_text=True)
    mine = client.get(f"/banks/{bank.id}/export/apkg?mine=1").data
    col = _import_with_scheduling(mine, tmp_path)
    try:
        assert col.db.scalar("select count() from revlog") == 1
    finally:
        col.close()
    out = tmp_path / "cli.apkg"
    runner = app.test_cli_runner()
    args = ["export", str(bank.id), "--format", "apkg", "-o", str(out)]
    assert runner.invoke(args=[*args, "--history-of", "ada"]).exit_code == 0
    assert runner.invoke(args=[*args, "--history-of", "nobody"]).exit_code == 1


def test_the_anki_deck_has_one_note_per_fact_and_a_card_per_question(app, tmp_path):
    bank = make_bank(make_user())
    col = _import_with_scheduling(export_bank(db.session, bank, "apkg").data, tmp_path)
    try:
        assert len(col.find_notes("")) == len(bank.facts)
        assert len(col.find_cards("")) == len(bank.questions)
    finally:
        col.close()
