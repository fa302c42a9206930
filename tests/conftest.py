"""Fixtures shared by the whole suite: an app on a throwaway SQLite file, builders, and a
stand-in language model server."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from flask import Flask, g
from flask_migrate import upgrade
from sqlalchemy import MetaData
from werkzeug.security import generate_password_hash

from quizapp import create_app
from quizapp.extensions import db
from tests.builders import SAMPLE_ARTICLE

# TEST_DATABASE_URL runs the suite on another database (PostgreSQL in CI); by default
# each test gets its own SQLite file.
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")


@pytest.fixture(autouse=True)
def fast_password_hashing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt takes ~0.1 s a hash by design; tests sign in hundreds of times, so they
    hash with a cheap method unless marked `real_password_hashing`."""
    if request.node.get_closest_marker("real_password_hashing"):
        return
    monkeypatch.setattr(
        "quizapp.models.user.generate_password_hash",
        partial(generate_password_hash, method="pbkdf2:sha256:1000"),
    )


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

    # The app context below outlives each test request, and with it `g`, where
    # Flask-Login caches the signed-in user: without this, a second client's request
    # would see the first client's user. In production every request starts afresh.
    def forget_the_cached_user() -> None:
        g.pop("_login_user", None)

    app.before_request_funcs.setdefault(None, []).insert(0, forget_the_cached_user)
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


class StandIn(BaseHTTPRequestHandler):
    """POST /v1/chat/completions, answered as the server's `behaviour` says."""

    server: ThreadingHTTPServer

    def do_POST(self) -> None:  # noqa: N802  (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append((self.path, dict(self.headers), body))  # type: ignore[attr-defined]
        behaviour = self.server.behaviour  # type: ignore[attr-defined]
        if behaviour == "slow":
            time.sleep(2)
        if behaviour == "error":
            self.send_response(500)
            self.end_headers()
            return
        items = json.loads(body["messages"][-1]["content"])
        content = json.dumps(
            [
                {
                    "id": item["id"],
                    "question": item["question"].replace("_____", "which").rstrip(".") + "?",
                }
                for item in items
            ]
        )
        reply = {"choices": [{"message": {"role": "assistant", "content": content}}]}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture()
def model_server() -> Iterator[ThreadingHTTPServer]:
    """An OpenAI-compatible stand-in on loopback (tests/conftest.py StandIn)."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    httpd.requests = []  # type: ignore[attr-defined]
    httpd.behaviour = "answer"  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
