"""Question.fact_key: set by the generator, kept by regeneration, and written for
questions stored before it existed by the migration that added it."""

from collections import defaultdict

from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, select

from quizapp.extensions import db
from quizapp.models import Question
from quizapp.services.banks import regenerate_bank
from tests.builders import make_bank, make_user


def keys_by_id() -> dict[int, str]:
    return dict(db.session.execute(select(Question.id, Question.fact_key)).all())


def test_the_questions_of_one_fact_share_its_key(app):
    bank = make_bank(make_user())
    by_key = defaultdict(set)
    for q in bank.questions:
        assert q.fact_key
        by_key[q.fact_key].add(q.answer_start)
    assert all(len(starts) == 1 for starts in by_key.values())
    assert len(by_key) < len(bank.questions)  # several forms of one fact


def test_regenerating_keeps_each_question_and_its_key(app):
    bank = make_bank(make_user())
    before = keys_by_id()
    added, updated, removed = regenerate_bank(db.session, bank)
    db.session.commit()
    assert added == removed == 0 and updated == len(before)
    assert keys_by_id() == before


def test_the_migration_writes_the_keys_the_generator_writes(app):
    make_bank(make_user())
    before = keys_by_id()
    db.session.commit()
    db.session.remove()
    directory = app.config["MIGRATIONS_DIR"]
    downgrade(directory=directory, revision="e4a7c2b19d05")  # questions without keys
    columns = {c["name"] for c in inspect(db.engine).get_columns("questions")}
    assert "fact_key" not in columns
    upgrade(directory=directory)
    assert keys_by_id() == before
