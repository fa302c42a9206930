"""The review queue and the statistics page at scale, on SQLite (or DATABASE_URL).

Builds 1,000,000 cards and 10,000,000 review log rows (1,000 learners with 1,000
cards each and 10 reviews per card), then times, for one learner:
  - "next card": the queue query behind every review page;
  - the statistics page's queries;
and prints EXPLAIN QUERY PLAN for the next-card query. The baseline in the same run is
a primary-key lookup of one card, so the figures read as ratios on a noisy machine.

    .venv/bin/python bench/review_queue.py              # full size, a few minutes
    .venv/bin/python bench/review_queue.py --users 50   # quicker, 50,000 cards
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import insert, text

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Article, Bank, Card, Question, ReviewLog, User, Visibility
from quizapp.services import reviews
from quizapp.services.stats import statistics as page_statistics

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
CHUNK = 50_000


def timed(fn, repeat: int = 20) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def build(users: int, cards_per_user: int, reviews_per_card: int) -> None:
    rng = random.Random(7)
    article = Article(text="x", content_hash="bench")
    bank = Bank(name="Bench", article=article, visibility=Visibility.PUBLIC)
    db.session.add(bank)
    db.session.flush()
    db.session.execute(
        insert(Question),
        [
            {
                "bank_id": bank.id,
                "type": "cloze",
                "prompt": f"q{i} _____",
                "answer": f"a{i}",
                "choices": [],
                "accepted": [],
                "explanation": "",
                "fact_kind": "other",
                "difficulty": 0.5,
                "rank": i,
                "source_sentence": f"s{i}",
                "sentence_start": i,
                "sentence_end": i + 1,
                "answer_start": 0,
                "status": "active",
                "created_at": NOW,
                "updated_at": NOW,
            }
            for i in range(cards_per_user)
        ],
    )
    question_ids = [row[0] for row in db.session.execute(text("SELECT id FROM questions"))]
    db.session.execute(
        insert(User),
        [
            {
                "username": f"u{u}",
                "password_hash": "x",
                "timezone": "UTC",
                "created_at": NOW,
                "learning_steps": [60, 600],
            }
            for u in range(users)
        ],
    )
    user_ids = [row[0] for row in db.session.execute(text("SELECT id FROM users"))]
    db.session.commit()
    card_rows = []
    for uid in user_ids:
        for qid in question_ids:
            due = NOW + timedelta(days=rng.uniform(-20, 60))
            card_rows.append(
                {
                    "user_id": uid,
                    "question_id": qid,
                    "state": 2,
                    "step": None,
                    "stability": rng.uniform(1, 90),
                    "difficulty": rng.uniform(1, 10),
                    "due": due,
                    "last_review": due - timedelta(days=5),
                    "reps": reviews_per_card,
                    "lapses": 0,
                    "suspended": False,
                    "leech": False,
                    "buried_until": None,
                    "version": 1,
                }
            )
            if len(card_rows) >= CHUNK:
                db.session.execute(insert(Card), card_rows)
                card_rows.clear()
    if card_rows:
        db.session.execute(insert(Card), card_rows)
    db.session.commit()
    logs = []
    for card_id, uid in db.session.execute(text("SELECT id, user_id FROM cards")):
        for r in range(reviews_per_card):
            logs.append(
                {
                    "card_id": card_id,
                    "user_id": uid,
                    "rating": rng.choice((1, 3, 3, 3, 4)),
                    "reviewed_at": NOW
                    - timedelta(days=(reviews_per_card - r) * 9, minutes=rng.randrange(600)),
                    "duration_ms": 4000,
                    "source": "review",
                    "card_before": {"state": 2 if r else 1, "reps": r},
                    "undone_at": None,
                }
            )
            if len(logs) >= CHUNK:
                db.session.execute(insert(ReviewLog), logs)
                logs.clear()
    if logs:
        db.session.execute(insert(ReviewLog), logs)
    db.session.commit()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--cards", type=int, default=1000, help="cards per user")
    parser.add_argument("--reviews", type=int, default=10, help="reviews per card")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="quizapp-bench-"))
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{folder / 'bench.sqlite3'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade(directory=app.config["MIGRATIONS_DIR"])
        start = time.perf_counter()
        build(args.users, args.cards, args.reviews)
        print(
            f"built {args.users * args.cards:,} cards and "
            f"{args.users * args.cards * args.reviews:,} review logs on "
            f"{db.engine.dialect.name} in {time.perf_counter() - start:.0f} s"
        )
        db.session.execute(text("ANALYZE"))
        user = db.session.get(User, args.users // 2 or 1)
        card_id = db.session.execute(
            text("SELECT id FROM cards WHERE user_id = :u LIMIT 1"), {"u": user.id}
        ).scalar()

        baseline = timed(lambda: (db.session.get(Card, card_id), db.session.expire_all()), 200)
        next_card = timed(
            lambda: (reviews.next_card(db.session, user, NOW), db.session.expire_all()), 50
        )
        stats = timed(lambda: (page_statistics(db.session, user, NOW), db.session.expire_all()), 5)
        print(f"baseline (card by primary key): {baseline * 1000:.2f} ms")
        print(
            f"next card:  {next_card * 1000:.1f} ms = {next_card / baseline:.0f}x baseline "
            "(target < 10 ms)"
        )
        print(
            f"statistics: {stats * 1000:.0f} ms = {stats / baseline:.0f}x baseline "
            "(target < 500 ms)"
        )
        if db.engine.dialect.name == "sqlite":
            plan = db.session.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT cards.id FROM cards JOIN questions "
                    "ON questions.id = cards.question_id WHERE cards.user_id = :u "
                    "AND cards.suspended = 0 AND cards.reps > 0 AND cards.due <= :now "
                    "ORDER BY cards.due LIMIT 8"
                ),
                {"u": user.id, "now": NOW.replace(tzinfo=None)},
            )
            print("EXPLAIN QUERY PLAN (next due card):")
            for row in plan:
                print("   ", row[-1])
        elif db.engine.dialect.name == "postgresql":
            plan = db.session.execute(
                text(
                    "EXPLAIN SELECT cards.id FROM cards JOIN questions "
                    "ON questions.id = cards.question_id WHERE cards.user_id = :u "
                    "AND NOT cards.suspended AND cards.reps > 0 AND cards.due <= :now "
                    "ORDER BY cards.due LIMIT 8"
                ),
                {"u": user.id, "now": NOW},
            )
            print("EXPLAIN (next due card):")
            for row in plan:
                print("   ", row[0])
        db.session.remove()
        db.engine.dispose()
    shutil.rmtree(folder, ignore_errors=True)  # the full-size database is about 2 GB


if __name__ == "__main__":
    main()
