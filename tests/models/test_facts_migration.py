"""The migration that made facts of the questions stored before them."""

from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, select, text

from quizapp.extensions import db
from quizapp.models import Fact, Question
from tests.builders import make_bank, make_user

FACTS_REVISION = "628450fb91c2"


def before(app, revision: str) -> str:
    """The revision the given one follows (it moves when branches are merged)."""
    script = ScriptDirectory(app.config["MIGRATIONS_DIR"])
    return script.get_revision(revision).down_revision


def partition() -> set[frozenset[int]]:
    """The questions grouped by fact, as sets of ids."""
    groups: dict[int, set[int]] = {}
    for question_id, fact_id in db.session.execute(select(Question.id, Question.fact_id)):
        groups.setdefault(fact_id, set()).add(question_id)
    return {frozenset(ids) for ids in groups.values()}


def test_the_migration_makes_the_facts_the_app_makes(app):
    bank = make_bank(make_user())
    expected = partition()
    described = {
        (f.key, f.rank, f.kind, f.source_sentence, f.answer, f.answer_start) for f in bank.facts
    }
    db.session.remove()
    directory = app.config["MIGRATIONS_DIR"]
    downgrade(directory=directory, revision=before(app, FACTS_REVISION))
    assert "facts" not in inspect(db.engine).get_table_names()
    upgrade(directory=directory)
    assert partition() == expected
    assert {
        (f.key, f.rank, f.kind, f.source_sentence, f.answer, f.answer_start)
        for f in db.session.scalars(select(Fact))
    } == described


def test_a_question_without_a_key_becomes_a_fact_of_its_own(app):
    bank = make_bank(make_user())
    lonely = bank.questions[0]
    siblings = len(lonely.fact.questions)
    assert siblings > 1
    db.session.remove()
    directory = app.config["MIGRATIONS_DIR"]
    downgrade(directory=directory, revision=before(app, FACTS_REVISION))
    with db.engine.begin() as connection:
        connection.execute(
            text("UPDATE questions SET fact_key = '' WHERE id = :id"), {"id": lonely.id}
        )
    upgrade(directory=directory)
    fact = db.session.get(Question, lonely.id).fact
    assert [q.id for q in fact.questions] == [lonely.id]
