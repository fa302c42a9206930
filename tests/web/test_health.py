import json
import logging

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from quizapp import create_app
from quizapp.extensions import db
from tests.builders import make_bank


def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_an_unreachable_database(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing/dir/db.sqlite3",
        }
    )
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["database"] == "unreachable"


def test_pages_and_the_api_answer_503_while_the_database_is_unreachable(tmp_path, caplog):
    """Not a 500: a load balancer or API client retries after Retry-After."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing/dir/db.sqlite3",
        }
    )
    client = app.test_client()
    with caplog.at_level(logging.WARNING):
        page = client.get("/")
    assert page.status_code == 503 and page.headers["Retry-After"] == "10"
    assert "nothing was saved" in page.get_data(as_text=True)
    assert any("database unavailable" in r.getMessage() for r in caplog.records)
    api = client.get("/api/v1/banks")
    # the database's time, not the API rate limiter's window (up to 60 s)
    assert api.status_code == 503 and api.headers["Retry-After"] == "10"
    assert api.get_json()["error"]["code"] == "unavailable"


def test_a_connection_the_database_server_dropped_is_replaced_unseen(app, client):
    """A PostgreSQL restart or idle timeout kills pooled connections: the next request
    still succeeds, because each connection is pinged as it leaves the pool. SQLite has
    no server to drop one, and is not pinged (the ping would be pure cost)."""
    make_bank()
    assert client.get("/").status_code == 200
    db.session.remove()  # as at the end of every real request: back to the pool
    if db.engine.dialect.name == "sqlite":
        assert app.config["SQLALCHEMY_ENGINE_OPTIONS"] == {}
        return
    killer = create_engine(db.engine.url, poolclass=NullPool)
    with killer.connect() as connection:
        dropped = connection.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        ).scalar()
    killer.dispose()
    assert dropped >= 1, "the app's pooled connection was not there to drop"
    assert client.get("/").status_code == 200


def test_each_request_is_logged_as_one_json_line(client, caplog):
    with caplog.at_level(logging.INFO, logger="quizapp.request"):
        client.get("/healthz")
    [record] = [r for r in caplog.records if r.name == "quizapp.request"]
    line = json.loads(record.getMessage())
    assert line["method"] == "GET" and line["path"] == "/healthz" and line["status"] == 200
    assert line["ms"] >= 0 and line["user"] is None


def test_each_request_has_an_id_in_its_log_line_and_response(client, caplog):
    with caplog.at_level(logging.INFO, logger="quizapp.request"):
        made = client.get("/healthz")
        kept = client.get("/healthz", headers={"X-Request-ID": "nginx-4f2a.9"})
        forged = client.get("/healthz", headers={"X-Request-ID": 'x","status":200 <b>'})
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "quizapp.request"]
    assert [line["request_id"] for line in lines] == [
        made.headers["X-Request-ID"],
        "nginx-4f2a.9",  # the proxy's id, so that its log line and ours match
        forged.headers["X-Request-ID"],  # not what was sent: a new one
    ]
    assert kept.headers["X-Request-ID"] == "nginx-4f2a.9"
    assert len(made.headers["X-Request-ID"]) == 16
    assert forged.headers["X-Request-ID"] != made.headers["X-Request-ID"]
    assert "status" not in forged.headers["X-Request-ID"]


def test_a_server_error_page_quotes_the_request_id(app, client):
    @app.get("/_test/fails")
    def fails() -> str:
        raise RuntimeError("a bug")

    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer as in production, not re-raise
    response = client.get("/_test/fails")
    assert response.status_code == 500
    assert f"<code>{response.headers['X-Request-ID']}</code>" in response.get_data(as_text=True)


def test_api_requests_are_logged_with_the_token_owner(app, client, caplog):
    from quizapp.extensions import db
    from quizapp.services.accounts import create_token, create_user

    user = create_user(db.session, "ada", "correct horse battery")
    _, secret = create_token(db.session, user, "logs")
    db.session.commit()
    with caplog.at_level(logging.INFO, logger="quizapp.request"):
        client.get("/api/v1/reviews/next", headers={"Authorization": f"Bearer {secret}"})
    [record] = [r for r in caplog.records if r.name == "quizapp.request"]
    line = json.loads(record.getMessage())
    assert line["user"] == str(user.id) and line["status"] == 200
    assert secret not in record.getMessage()  # the token itself is never logged


def test_only_a_refusal_says_when_to_retry(app, client):
    from quizapp.models import Visibility

    make_bank(visibility=Visibility.PUBLIC)
    for path in ("/", "/api/v1/banks", "/auth/login"):
        assert "Retry-After" not in client.get(path).headers, path
    app.config["LOGIN_RATE_LIMIT"] = "2 per minute"
    for _ in range(2):
        refused = client.post("/auth/login", data={"username": "x", "password": "y"})
        assert "Retry-After" not in refused.headers  # a wrong password: try again now
    limited = client.post("/auth/login", data={"username": "x", "password": "y"})
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
