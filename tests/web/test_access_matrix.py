"""Every route, as a visitor, as the owner of what it names, and as another user.

The owner (ada) has a private bank, a question in it, a quiz attempt, a flashcard
and an API token. Another user (mallory) must find none of them: 404, as if they
did not exist, never 403 (which would confirm that they do). Visitors are sent to
sign in (pages) or get 401 (API). A test below checks that the matrix names every
route the app has, so a new route cannot be added without deciding who may use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from quizapp.extensions import db
from quizapp.models import Card, Question
from quizapp.services import accounts
from quizapp.services.reviews import ensure_cards
from tests.builders import SECOND_ARTICLE, login, make_attempt, make_bank, make_user


@dataclass(frozen=True)
class Row:
    method: str
    path: str  # {bank} {question} {attempt} {card} {token} are filled in
    visitor: int
    owner: int
    other: int
    body: dict | None = None


ROWS = [
    Row("GET", "/", 200, 200, 200),
    Row("GET", "/healthz", 200, 200, 200),
    Row("GET", "/static/css/app.css", 200, 200, 200),
    Row("GET", "/auth/login", 200, 302, 302),
    Row("POST", "/auth/login", 422, 302, 302, {"username": "x", "password": "y"}),
    Row("GET", "/auth/register", 200, 302, 302),
    Row("POST", "/auth/register", 422, 302, 302, {"username": "x"}),
    Row("POST", "/auth/logout", 302, 302, 302),
    Row("GET", "/account", 302, 200, 200),
    Row("POST", "/account/tokens", 302, 200, 200, {"name": "laptop"}),
    Row("POST", "/account/tokens/{token}/revoke", 302, 302, 404),
    Row(
        "POST",
        "/account/password",
        302,
        422,
        422,
        {"current": "not the password", "new": "a new long one", "confirm": "a new long one"},
    ),
    Row("POST", "/account/sessions/end", 302, 302, 302),
    Row("GET", "/account/delete", 302, 200, 200),
    Row("POST", "/account/delete", 302, 422, 422, {"password": "not the password"}),
    Row("GET", "/import", 302, 200, 200),
    Row("POST", "/import", 302, 422, 422, {"text": ""}),
    Row("GET", "/history", 302, 200, 200),
    Row("GET", "/review", 302, 200, 200),
    Row("POST", "/review/undo", 302, 302, 302),
    # today's new-card limit is each learner's own: everyone signed in raises only theirs
    Row("POST", "/review/more-new", 302, 302, 302, {"count": "1", "limit": "20"}),
    Row("GET", "/settings", 302, 200, 200),
    Row("POST", "/settings", 302, 422, 422, {"desired_retention": "2"}),
    Row("POST", "/settings/optimise", 302, 302, 302),
    Row("GET", "/stats", 302, 200, 200),
    Row("GET", "/banks/{bank}", 404, 200, 404),
    Row("GET", "/banks/{bank}/export/json", 404, 200, 404),
    Row("GET", "/banks/{bank}/details", 302, 200, 404),
    Row("POST", "/banks/{bank}/details", 302, 302, 404, {"name": "Renamed"}),
    Row("POST", "/banks/{bank}/regenerate", 302, 302, 404),
    Row("POST", "/banks/{bank}/visibility", 302, 302, 404, {"visibility": "public"}),
    Row("GET", "/banks/{bank}/quiz", 404, 200, 404),
    Row("POST", "/banks/{bank}/quiz", 404, 302, 404, {"count": "5", "types": "cloze"}),
    Row("GET", "/banks/{bank}/review", 302, 200, 404),
    Row("POST", "/banks/{bank}/study", 302, 302, 404),
    Row("GET", "/questions/{question}/edit", 302, 200, 404),
    Row("POST", "/questions/{question}/edit", 302, 422, 404, {"prompt": ""}),
    Row("POST", "/questions/{question}/retire", 302, 302, 404),
    Row("POST", "/questions/{question}/restore", 302, 302, 404),
    Row("GET", "/quiz/{attempt}", 302, 302, 404),
    Row("GET", "/quiz/{attempt}/1", 302, 200, 404),
    Row("POST", "/quiz/{attempt}/1", 302, 302, 404, {"answer": "x"}),
    Row("POST", "/quiz/{attempt}/1/overrule", 302, 302, 404),
    Row("GET", "/quiz/{attempt}/result", 302, 200, 404),
    Row("POST", "/quiz/{attempt}/retry", 302, 302, 404),
    Row("GET", "/quiz/guest/1", 302, 302, 302),
    Row("POST", "/quiz/guest/1", 302, 302, 302, {"answer": "x"}),
    Row("GET", "/quiz/guest/result", 302, 302, 302),
    Row("POST", "/review/{card}", 302, 302, 404, {"rating": "3", "version": "1"}),
    Row("POST", "/review/{card}/bury", 302, 302, 404),
    Row("POST", "/review/{card}/suspend", 302, 302, 404),
    # the API: tokens for ada and mallory, none for the visitor
    Row("GET", "/api/v1/openapi.json", 200, 200, 200),
    Row("GET", "/api/v1/banks", 200, 200, 200),
    Row("GET", "/api/v1/banks/{bank}", 404, 200, 404),
    Row("GET", "/api/v1/banks/{bank}/questions", 404, 200, 404),
    Row("POST", "/api/v1/banks/{bank}/cards", 401, 200, 404, {}),
    Row("POST", "/api/v1/articles", 401, 201, 201, {"text": SECOND_ARTICLE}),
    Row("POST", "/api/v1/quizzes", 401, 201, 404, {"bank_id": "{bank}"}),
    Row(
        "POST",
        "/api/v1/quizzes/{attempt}/answers",
        401,
        200,
        404,
        {"question_id": "{question}", "answer": "x"},
    ),
    Row("GET", "/api/v1/reviews/next", 401, 200, 200),
    Row("POST", "/api/v1/cards/{card}/reviews", 401, 200, 404, {"rating": 3}),
    Row("POST", "/api/v1/reviews/undo", 401, 409, 409, {}),
]


@dataclass
class World:
    ids: dict[str, int]
    tokens: dict[str, str]


@pytest.fixture()
def world(app) -> World:
    ada = make_user("ada")
    make_user("mallory")
    bank = make_bank(owner=ada)
    question = bank.questions[0]
    attempt = make_attempt(ada, bank)
    ensure_cards(db.session, ada, bank, datetime.now(UTC))
    asked = db.session.get(Question, attempt.question_ids[0])
    card = db.session.scalar(db.select(Card).where(Card.fact_id == asked.fact_id))
    token, ada_secret = accounts.create_token(db.session, ada, "ada's script")
    mallory = accounts.find_user(db.session, "mallory")
    _, mallory_secret = accounts.create_token(db.session, mallory, "mallory's script")
    db.session.commit()
    ids = {
        "bank": bank.id,
        "question": attempt.question_ids[0],
        "attempt": attempt.id,
        "card": card.id,
        "token": token.id,
    }
    assert question.bank_id == bank.id
    return World(ids, {"owner": ada_secret, "other": mallory_secret})


def _fill(value, ids):
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return ids[value[1:-1]]
    return value.format(**ids) if isinstance(value, str) else value


def _request(client, row: Row, world: World, role: str):
    path = row.path.format(**world.ids)
    if path.startswith("/api/"):
        headers = {"Authorization": f"Bearer {world.tokens[role]}"} if role != "visitor" else {}
        body = {k: _fill(v, world.ids) for k, v in (row.body or {}).items()}
        if row.method == "GET":
            return client.get(path, headers=headers)
        return client.post(path, json=body, headers=headers)
    if role != "visitor":
        login(client, "ada" if role == "owner" else "mallory")
    if row.method == "GET":
        return client.get(path)
    return client.post(path, data=row.body or {})


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.method} {r.path}")
def test_who_may_do_what(app, world, row):
    # the owner goes last: only the owner's requests change anything
    for role in ("visitor", "other", "owner"):
        response = _request(app.test_client(), row, world, role)
        response.close()
        expected = getattr(row, role)
        assert response.status_code == expected, (
            f"{role} {row.method} {row.path}: {response.status_code} "
            f"{response.headers.get('Location')} {response.get_data(as_text=True)[:200]}"
        )
        if response.status_code == 302 and role == "visitor" and expected == 302:
            location = response.headers["Location"]
            if not row.path.startswith(("/auth/", "/quiz/guest")):
                assert "/auth/login" in location, location
        if role != "visitor" and not row.path.startswith("/api/"):
            app.test_client().post("/auth/logout")


def test_the_matrix_names_every_route(app):
    covered = {(r.method, r.path.split("?")[0]) for r in ROWS}
    placeholders = {
        "<int:bank_id>": "{bank}",
        "<int:question_id>": "{question}",
        "<int:attempt_id>": "{attempt}",
        "<int:quiz_id>": "{attempt}",
        "<int:card_id>": "{card}",
        "<int:token_id>": "{token}",
        "<int:number>": "1",
        "<fmt>": "json",
        "<path:filename>": "css/app.css",
    }
    missing = []
    for rule in app.url_map.iter_rules():
        path = rule.rule
        for raw, filled in placeholders.items():
            path = path.replace(raw, filled)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            if (method, path) not in covered:
                missing.append(f"{method} {path}")
    assert not missing, f"routes with no row in the access matrix: {missing}"
