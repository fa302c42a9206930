"""Who may call the API: tokens, the session cookie (JSON writes only), visitors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select, update

from quizapp.api import banks as bank_endpoints
from quizapp.extensions import db
from quizapp.models import ApiToken, Bank
from quizapp.services.accounts import revoke_token
from tests.api.conftest import ApiClient
from tests.builders import SAMPLE_ARTICLE, login


def test_a_token_authenticates_and_records_its_use(api: ApiClient, public_bank: Bank) -> None:
    response = api.post("/quizzes", {"bank_id": public_bank.id, "count": 2})
    assert response.status_code == 201
    token = db.session.scalar(db.select(ApiToken))
    assert token.last_used_at is not None
    assert api.token not in (token.token_hash, token.prefix)  # only its hash is kept


def test_a_token_used_only_for_reads_records_its_use(api: ApiClient, public_bank: Bank) -> None:
    assert api.get("/banks").status_code == 200
    # what another request sees: what this one committed
    with db.engine.connect() as connection:
        assert connection.scalar(select(ApiToken.last_used_at)) is not None


def test_recording_a_token_use_holds_no_lock_through_an_import(
    api: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another writer, in the middle of a token's import, waits for nothing (SQLite's
    write lock; PostgreSQL's lock on the token's row)."""
    token_id = db.session.scalar(select(ApiToken.id))
    others_writes = []

    def import_while_another_writes(*args, **kwargs):  # type: ignore[no-untyped-def]
        with db.engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql("PRAGMA busy_timeout=100")
            else:
                connection.exec_driver_sql("SET lock_timeout = '100ms'")
            try:
                connection.execute(
                    update(ApiToken).where(ApiToken.id == token_id).values(name="renamed")
                )
                connection.commit()
                others_writes.append("done")
            except Exception as error:  # noqa: BLE001  (what failed is the finding)
                connection.rollback()
                others_writes.append(str(error).splitlines()[0])
            finally:
                if connection.dialect.name == "sqlite":
                    connection.exec_driver_sql("PRAGMA busy_timeout=5000")
                else:
                    connection.exec_driver_sql("RESET lock_timeout")
        return real_import(*args, **kwargs)

    real_import = bank_endpoints.import_document
    monkeypatch.setattr(bank_endpoints, "import_document", import_while_another_writes)
    assert api.post("/articles", {"text": SAMPLE_ARTICLE}).status_code == 201
    assert others_writes == ["done"]


def test_a_revoked_or_made_up_token_is_refused(api: ApiClient, public_bank: Bank) -> None:
    token = db.session.scalar(db.select(ApiToken))
    revoke_token(db.session, api.user, token.id, datetime.now(UTC))
    db.session.commit()
    response = api.get("/reviews/next")
    assert response.status_code == 401
    assert response.json["error"]["code"] == "invalid_token"
    for header in ("Bearer qz_madeup", "Basic abc", "Bearer "):
        response = api.client.get("/api/v1/reviews/next", headers={"Authorization": header})
        assert response.status_code == 401, header
        assert set(response.json["error"]) == {"code", "message"}


def test_visitors_read_public_banks_but_cannot_write(
    client: FlaskClient, public_bank: Bank
) -> None:
    assert client.get("/api/v1/banks").json["banks"][0]["id"] == public_bank.id
    assert client.get(f"/api/v1/banks/{public_bank.id}/questions").status_code == 200
    response = client.post("/api/v1/quizzes", json={"bank_id": public_bank.id})
    assert response.status_code == 401
    assert "Bearer" in response.json["error"]["message"]


def test_the_session_cookie_works_for_json_writes_only(
    client: FlaskClient, api: ApiClient, public_bank: Bank
) -> None:
    login(client, "alice")
    # a cross-site form can send a cookie but not a JSON content type
    form_post = client.post("/api/v1/quizzes", data={"bank_id": str(public_bank.id)})
    assert form_post.status_code == 415
    empty_post = client.post("/api/v1/reviews/undo")
    assert empty_post.status_code == 415
    json_post = client.post("/api/v1/quizzes", json={"bank_id": public_bank.id, "count": 1})
    assert json_post.status_code == 201


def test_malformed_json_and_other_content_types_get_clear_errors(
    api: ApiClient, public_bank: Bank
) -> None:
    response = api.client.post(
        "/api/v1/quizzes",
        data="{not json",
        headers={**api.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json["error"]["code"] == "malformed_json"
    response = api.client.post(
        "/api/v1/quizzes", data="bank_id=1", headers={**api.headers, "Content-Type": "text/plain"}
    )
    assert response.status_code == 415


def test_unknown_paths_and_methods_answer_in_json(api: ApiClient) -> None:
    missing = api.get("/nothing-here")
    assert missing.status_code == 404
    assert missing.json["error"]["code"] == "not_found"
    wrong_method = api.client.delete("/api/v1/banks", headers=api.headers)
    assert wrong_method.status_code == 405
    assert "GET" in wrong_method.headers["Allow"]
