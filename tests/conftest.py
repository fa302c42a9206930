"""Fixtures shared by the whole suite: an app on a throwaway SQLite file, and builders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import MetaData

from quizapp import create_app
from quizapp.extensions import db
from tests.builders import SAMPLE_ARTICLE

# TEST_DATABASE_URL runs the suite on another database (PostgreSQL in CI); by default
# each test gets its own SQLite file.
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": TEST_DATABASE_URL
            or f"sqlite:///{tmp_path / 'test.sqlite3'}",
            "WTF_CSRF_ENABLED": False,  # on everywhere else; tests/web/test_csrf.py turns it on
        }
    )
    with app.app_context():
        if TEST_DATABASE_URL:
            _empty_database()
        upgrade(directory=app.config["MIGRATIONS_DIR"])
        yield app
        db.session.remove()
        db.engine.dispose()


def _empty_database() -> None:
    """Drop every table (the migrations' own included) so each test starts from nothing."""
    with db.engine.begin() as connection:
        meta = MetaData()
        meta.reflect(bind=connection)
        meta.drop_all(bind=connection)


@pytest.fixture()
def sample_article() -> str:
    return SAMPLE_ARTICLE
