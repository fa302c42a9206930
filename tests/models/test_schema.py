from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.models import Question, User


def test_migrations_build_exactly_the_models(app):
    # the app fixture ran `upgrade head` on an empty database
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []


def test_foreign_keys_are_enforced(app):
    if db.engine.dialect.name == "sqlite":
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
    indexes = inspect(db.engine)
    assert "ix_cards_user_id_due" in {i["name"] for i in indexes.get_indexes("cards")}
    assert "ix_questions_bank_id_rank" in {i["name"] for i in indexes.get_indexes("questions")}


def test_a_rollback_undoes_what_a_released_savepoint_wrote(app):
    """On SQLite a SAVEPOINT outside a transaction would begin one, and RELEASE commit it."""
    db.session.scalar(select(func.count()).select_from(User))  # a read only: no transaction
    with db.session.begin_nested():
        db.session.add(User(username="zed", password_hash="x"))
    assert db.session.scalar(select(func.count()).select_from(User)) == 1
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_every_sqlite_table_is_made_with_autoincrement(app):
    # without it SQLite gives a new row the id of the deleted last row
    if db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's sequences never go back")
    with db.engine.connect() as connection:
        schemas = dict(
            connection.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
            ).all()
        )
    for table in db.metadata.tables:
        assert "AUTOINCREMENT" in schemas[table], table


def test_the_id_of_a_deleted_last_row_is_not_given_again(app):
    first = User(username="first", password_hash="x")
    db.session.add(first)
    db.session.commit()
    first_id = first.id
    db.session.delete(first)
    db.session.commit()
    second = User(username="second", password_hash="x")
    db.session.add(second)
    db.session.commit()
    assert second.id > first_id


def test_migrations_keep_every_row_that_points_at_a_rebuilt_table(app):
    # the rebuild that made the tables AUTOINCREMENT drops and copies them: with
    # foreign keys on, dropping `banks` would have deleted every question
    from flask_migrate import downgrade, upgrade

    from tests.builders import make_bank, make_user

    bank = make_bank(make_user())
    questions = len(bank.questions)
    db.session.remove()
    downgrade(directory=app.config["MIGRATIONS_DIR"], revision="df84606bb9ad")
    upgrade(directory=app.config["MIGRATIONS_DIR"])
    assert db.session.scalar(select(func.count()).select_from(Question)) == questions
    with db.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_names_that_differ_only_in_case_are_told_apart_by_the_migration(app):
    from flask_migrate import downgrade, upgrade

    directory = app.config["MIGRATIONS_DIR"]
    db.session.remove()
    downgrade(directory=directory, revision="a7d3e9f1c284")  # before usernames had keys
    with db.engine.begin() as connection:
        for name in ("alice", "ALICE", "Alice", "alice-2", "bob"):
            connection.execute(
                text(
                    "INSERT INTO users (username, password_hash, timezone, created_at, "
                    "desired_retention, new_per_day, max_reviews_per_day, learning_steps, "
                    "session_generation) VALUES (:name, 'x', 'UTC', CURRENT_TIMESTAMP, "
                    "0.9, 20, 200, '[60, 600]', 0)"
                ),
                {"name": name},
            )
    upgrade(directory=directory)
    names = list(db.session.scalars(select(User.username).order_by(User.id)))
    # the oldest keeps its name; "alice-2" was taken, so the next one is "-3"
    assert names == ["alice", "ALICE-3", "Alice-4", "alice-2", "bob"]
    db.session.add(User(username="BOB", password_hash="x"))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_the_migration_gives_an_articles_details_to_its_importers_bank_only(app):
    from flask_migrate import downgrade, upgrade

    directory = app.config["MIGRATIONS_DIR"]
    db.session.remove()
    downgrade(directory=directory, revision="b5c8e2a9d417")  # details kept with the text
    with db.engine.begin() as connection:

        def insert(sql: str, **values: object) -> None:
            connection.execute(text(sql), values)

        for user_id, name in ((1, "ada"), (2, "bob")):
            insert(
                "INSERT INTO users (id, username, username_key, password_hash, timezone, "
                "created_at, desired_retention, new_per_day, max_reviews_per_day, "
                "learning_steps, session_generation) VALUES (:id, :name, :name, 'x', 'UTC', "
                "CURRENT_TIMESTAMP, 0.9, 20, 200, '[60, 600]', 0)",
                id=user_id,
                name=name,
            )
        insert(
            "INSERT INTO articles (id, title, publisher, published_on, source, text, "
            "content_hash, imported_at, imported_by_id) VALUES (1, 'Private title', "
            "'Gazette of Ada', '2021-02-03', 'https://ada.example', 'text', 'h', "
            "CURRENT_TIMESTAMP, 1)"
        )
        for bank_id, owner in ((1, 1), (2, 2)):
            insert(
                "INSERT INTO banks (id, uuid, name, article_id, owner_id, visibility, "
                "created_at, updated_at, revision) VALUES (:id, :uuid, :name, 1, :owner, "
                "'public', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)",
                id=bank_id,
                uuid=f"{bank_id:032x}",
                name=f"bank {bank_id}",
                owner=owner,
            )
    upgrade(directory=directory)
    with db.engine.connect() as connection:
        details = connection.execute(
            text("SELECT owner_id, publisher, published_on, source FROM banks ORDER BY id")
        ).all()
    assert [(owner, publisher, source) for owner, publisher, _, source in details] == [
        (1, "Gazette of Ada", "https://ada.example"),
        (2, None, None),
    ]
    assert str(details[0][2]) == "2021-02-03"
    assert details[1][2] is None


def test_the_extra_new_cards_migration_starts_everyone_with_none_and_goes_back(app):
    from flask_migrate import downgrade, upgrade

    from tests.builders import make_bank, make_user

    directory = app.config["MIGRATIONS_DIR"]
    user = make_user()
    user.extra_new_day, user.extra_new_cards = date(2026, 3, 2), 5
    make_bank(user)
    db.session.commit()
    db.session.remove()
    downgrade(directory=directory, revision="c3f6a1d8e592")  # before "Study N more today"
    columns = {c["name"] for c in inspect(db.engine).get_columns("users")}
    assert not columns & {"extra_new_day", "extra_new_cards"}
    upgrade(directory=directory)
    with db.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT username, extra_new_day, extra_new_cards FROM users")
        ).all()
        assert rows == [("ada", None, 0)]
        assert connection.execute(text("SELECT count(*) FROM questions")).scalar()
        if connection.dialect.name == "sqlite":  # the rebuilt table keeps AUTOINCREMENT
            schema = connection.execute(
                text("SELECT sql FROM sqlite_master WHERE name = 'users'")
            ).scalar()
            assert "AUTOINCREMENT" in schema
