"""Parallel clients answering and reviewing at once, through a real gunicorn server.

Two worker processes of four threads each (so SQLite sees writers in separate
processes, and PostgreSQL separate connections), twelve client threads on
loopback, every request a distinct answer or review plus some replays. Each
answer and review must be stored exactly once: the counts in the database are
checked against what was sent.
"""

from __future__ import annotations

import os
import random
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import AttemptAnswer, Card, ReviewLog, Visibility
from quizapp.services import accounts, quizzes
from quizapp.services.reviews import ensure_cards
from tests import live_server
from tests.builders import make_bank

CLIENTS = 12
PER_USER = 12  # distinct answers (or reviews) each user sends


def test_answers_and_reviews_from_parallel_clients_are_stored_exactly_once(app, tmp_path):
    bank = make_bank(owner=None, visibility=Visibility.PUBLIC)
    now = datetime.now(UTC)
    jobs: list[tuple[str, str, dict]] = []  # (token, path, body)
    # a quiz answer reviews its card too, so answering users and reviewing users differ
    for n in range(4):
        user = accounts.create_user(db.session, f"quizzer{n}", "correct horse battery")
        _, token = accounts.create_token(db.session, user, "storm")
        attempt = quizzes.start_attempt(
            db.session, user, bank, count=PER_USER, types=["multiple_choice", "cloze"],
            order="best", feedback="each", now=now, rng=random.Random(n),
        )  # fmt: skip
        jobs += [
            (token, f"/quizzes/{attempt.id}/answers", {"question_id": qid, "answer": "x"})
            for qid in attempt.question_ids
        ]
    for n in range(4):
        user = accounts.create_user(db.session, f"reviewer{n}", "correct horse battery")
        _, token = accounts.create_token(db.session, user, "storm")
        ensure_cards(db.session, user, bank, now)
        db.session.flush()
        cards = db.session.scalars(
            select(Card).where(Card.user_id == user.id).order_by(Card.id).limit(PER_USER)
        ).all()
        jobs += [
            (
                token,
                f"/cards/{card.id}/reviews",
                {"rating": 1 + card.id % 4, "version": card.version},
            )
            for card in cards
        ]
    db.session.commit()
    answers = sum(1 for _, path, _ in jobs if path.endswith("/answers"))
    reviews = len(jobs) - answers
    replays = random.Random(0).sample(jobs, 10)  # a double-click's second request
    work = jobs + replays
    random.Random(1).shuffle(work)

    port = live_server.free_port()
    env = {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "SECRET_KEY": "storm",
        "QUIZAPP_API_RATE_LIMIT": "100000 per minute",
    }
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    command = [gunicorn, "--workers", "2", "--threads", "4", "--bind", f"127.0.0.1:{port}",
               "wsgi:app"]  # fmt: skip
    db.session.remove()
    statuses: list[int] = []
    lock = threading.Lock()

    def client(i: int) -> None:
        for token, path, body in work[i::CLIENTS]:
            status, _ = live_server.call(port, "POST", path, token, body)
            with lock:
                statuses.append(status)

    with live_server.running(command, port, tmp_path / "gunicorn.log", env):
        threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert not any(t.is_alive() for t in threads), "clients still running after 120 s"

    assert len(statuses) == len(work)
    # every first request succeeds; a replayed review is refused as stale (409), a
    # replayed answer is accepted and changes nothing (200)
    assert set(statuses) <= {200, 409}, sorted(set(statuses))
    assert statuses.count(409) <= sum(1 for _, p, _ in replays if p.endswith("/reviews"))
    assert db.session.scalar(select(func.count()).select_from(AttemptAnswer)) == answers
    logs = dict(
        db.session.execute(select(ReviewLog.source, func.count()).group_by(ReviewLog.source)).all()
    )
    assert logs == {"quiz": answers, "review": reviews}
