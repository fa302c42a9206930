import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.models import Question


def test_migrations_build_exactly_the_models(app):
    # the app fixture ran `upgrade head` on an empty database
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []


def test_sqlite_enforces_foreign_keys_and_uses_wal(app):
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    db.session.add(
        Question(
            bank_id=999,
            type="cloze",
            prompt="p",
            answer="a",
            fact_kind="other",
            rank=0,
            source_sentence="s",
            sentence_start=0,
            sentence_end=1,
        )
    )
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_hot_queries_have_indexes(app):
    with db.engine.connect() as connection:
        names = {row[1] for row in connection.execute(text("PRAGMA index_list('cards')"))}
        assert "ix_cards_user_id_due" in names
        names = {row[1] for row in connection.execute(text("PRAGMA index_list('questions')"))}
        assert "ix_questions_bank_id_rank" in names
