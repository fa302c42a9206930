"""Fixtures shared by the whole suite: an app on a throwaway SQLite file, and builders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask_migrate import upgrade

from quizapp import create_app
from quizapp.extensions import db
from tests.builders import SAMPLE_ARTICLE


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'test.sqlite3'}",
            "WTF_CSRF_ENABLED": False,  # on everywhere else; tests/web/test_csrf.py turns it on
        }
    )
    with app.app_context():
        upgrade(directory=app.config["MIGRATIONS_DIR"])
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture()
def sample_article() -> str:
    return SAMPLE_ARTICLE
