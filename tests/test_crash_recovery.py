"""SIGKILL in the middle of an import leaves nothing half-written.

A real server process imports an article through the API. A listener that only
this test installs (in the child process) holds it inside the import's
transaction, after the article, bank and questions were flushed and before the
commit, and tells the test so; the test then kills the process with SIGKILL.
Afterwards the database holds no part of the article, and a fresh start
imports it normally.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import func, select, text

from quizapp.extensions import db
from quizapp.models import Article, Bank, Question
from quizapp.services.accounts import create_token, create_user
from tests import live_server
from tests.builders import SAMPLE_ARTICLE

SERVER = """
import sys, time
from pathlib import Path
from sqlalchemy import event
from sqlalchemy.orm import Session
from werkzeug.serving import run_simple
from quizapp import create_app
from quizapp.models import Article

url, port, marker, pause = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4] == "1"

@event.listens_for(Session, "after_flush")
def saw_article(session, context):
    if any(isinstance(o, Article) for o in session.new):
        session.info["article"] = True

@event.listens_for(Session, "before_commit")
def hold(session):
    if pause and session.info.pop("article", False):
        marker.write_text("in the transaction")
        time.sleep(120)  # the test kills us here

app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "crash-test"})
run_simple("127.0.0.1", port, app, threaded=True)
"""


def _start(url: str, marker: Path, pause: bool, tmp_path: Path):  # type: ignore[no-untyped-def]
    port = live_server.free_port()
    script = tmp_path / "server.py"
    script.write_text(SERVER)
    command = [sys.executable, str(script), url, str(port), str(marker), "1" if pause else "0"]
    return live_server.start(command, port, tmp_path / "server.log"), port


def _post_article(port: int, token: str) -> int:
    status, _ = live_server.call(port, "POST", "/articles", token, {"text": SAMPLE_ARTICLE})
    return status  # 0 when the server died mid-request, as it should here


def _stored() -> tuple[int, int, int]:
    db.session.rollback()
    return tuple(  # type: ignore[return-value]
        db.session.scalar(select(func.count()).select_from(t)) or 0
        for t in (Article, Bank, Question)
    )


def test_sigkill_during_an_import_leaves_no_partial_bank(app, tmp_path):
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    user = create_user(db.session, "ada", "correct horse battery")
    _, token = create_token(db.session, user, "crash test")
    db.session.commit()
    db.session.remove()

    marker = tmp_path / "marker"
    server, port = _start(url, marker, pause=True, tmp_path=tmp_path)
    try:
        client = threading.Thread(target=_post_article, args=(port, token), daemon=True)
        client.start()
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), "the import never reached its commit"
        os.kill(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
        client.join(timeout=10)
    finally:
        if server.poll() is None:
            server.kill()

    assert _stored() == (0, 0, 0)
    if db.engine.dialect.name == "sqlite":
        assert db.session.scalar(text("PRAGMA integrity_check")) == "ok"

    # the next start is clean: the same article imports in full
    marker.unlink()
    server, port = _start(url, marker, pause=False, tmp_path=tmp_path)
    try:
        assert _post_article(port, token) == 201
    finally:
        server.kill()
        server.wait(timeout=10)
    articles, banks, questions = _stored()
    assert (articles, banks) == (1, 1) and questions > 10
