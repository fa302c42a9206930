"""Hostile and broken input across forms, uploads, the CLI and the API, in one table.

Each row is refused with a 4xx (or, from the CLI, exit status 1) and a message that
says what was wrong; afterwards nothing new is stored, and no response carries the
input unescaped. Replays are the exception by design: a replayed answer or review
changes nothing and says so, which is what a double-click must get.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from quizapp.extensions import db
from quizapp.models import (
    ApiToken,
    Article,
    AttemptAnswer,
    Bank,
    Card,
    Question,
    QuizAttempt,
    ReviewLog,
    User,
)
from quizapp.services import accounts
from quizapp.services.reviews import ensure_cards
from tests.builders import SAMPLE_ARTICLE, SECOND_ARTICLE, login, make_attempt, make_bank, make_user

SCRIPT = "<script>alert('x')</script>"
TABLES = (Article, Bank, Question, QuizAttempt, AttemptAnswer, Card, ReviewLog, User, ApiToken)


@dataclass
class World:
    app: Flask
    web: object  # a test client signed in as ada
    token: str
    ids: dict[str, int]
    tmp: object

    def api(self, method: str, path: str, **kwargs: object):  # type: ignore[no-untyped-def]
        headers = {"Authorization": f"Bearer {self.token}", **kwargs.pop("headers", {})}  # type: ignore[dict-item]
        return self.web.open(f"/api/v1{path}", method=method, headers=headers, **kwargs)  # type: ignore[attr-defined]

    def cli(self, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return self.app.test_cli_runner().invoke(args=list(args), input=input)

    def file(self, name: str, data: bytes) -> str:
        path = self.tmp / name  # type: ignore[operator]
        path.write_bytes(data)
        return str(path)


@pytest.fixture()
def world(app: Flask, tmp_path) -> World:  # type: ignore[no-untyped-def]
    ada = make_user("ada")
    mallory = make_user("mallory")
    bank = make_bank(owner=ada)
    theirs = make_bank(owner=mallory, text=SECOND_ARTICLE)
    attempt = make_attempt(ada, bank, count=3)
    ensure_cards(db.session, ada, bank, datetime.now(UTC))
    ensure_cards(db.session, mallory, theirs, datetime.now(UTC))
    card = db.session.scalar(db.select(Card).where(Card.user_id == ada.id))
    their_card = db.session.scalar(db.select(Card).where(Card.user_id == mallory.id))
    _, secret = accounts.create_token(db.session, ada, "tests")
    db.session.commit()
    web = app.test_client()
    login(web, "ada")
    ids = {
        "bank": bank.id,
        "their_bank": theirs.id,
        "attempt": attempt.id,
        "question": attempt.question_ids[0],
        "card": card.id,
        "their_card": their_card.id,
    }
    return World(app, web, secret, ids, tmp_path)


def upload(w: World, name: str, data: bytes):  # type: ignore[no-untyped-def]
    boundary, body = encode_multipart(
        {"file": FileStorage(io.BytesIO(data), name), "visibility": "private"}
    )
    return w.web.post(  # type: ignore[attr-defined]
        "/import", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )


def signed_out(w: World):  # type: ignore[no-untyped-def]
    w.web.post("/auth/logout")  # type: ignore[attr-defined]
    return w.web


def form(path: str, **data: str) -> Callable[[World], object]:
    return lambda w: w.web.post(path.format(**w.ids), data=data)  # type: ignore[attr-defined]


def api_json(method: str, path: str, body: object) -> Callable[[World], object]:
    def call(w: World):  # type: ignore[no-untyped-def]
        filled = {
            k: (w.ids[v[1:-1]] if isinstance(v, str) and v.startswith("{") else v)
            for k, v in (body.items() if isinstance(body, dict) else [])
        }
        return w.api(method, path.format(**w.ids), json=filled if isinstance(body, dict) else body)

    return call


def future() -> str:
    return (datetime.now(UTC) + timedelta(hours=2)).isoformat()


FRENCH = "Le gouvernement a annoncé mardi un nouveau plan pour les écoles du pays. " * 8
SETTINGS = {"desired_retention": "0.9", "new_per_day": "5", "max_reviews_per_day": "50",
            "learning_steps": "1m 10m", "timezone": "UTC"}  # fmt: skip

# (name, action, expected status, a phrase the message must contain)
ROWS: list[tuple[str, Callable[[World], object], int, str]] = [
    # --- the import form and uploads
    ("empty paste", form("/import", text="   ", visibility="private"), 422, "Paste an article"),
    ("too short", form("/import", text="Just a line.", visibility="private"), 422, "at least 20"),
    ("non-English", form("/import", text=FRENCH, visibility="private"), 422, "not in English"),
    (
        "script-only HTML",
        form("/import", text=f"<html><body>{SCRIPT}</body></html>", visibility="private"),
        422,
        "words",
    ),  # fmt: skip
    (
        "SQL-looking text",
        form("/import", text="'; DROP TABLE banks; -- " * 3, visibility="private"),
        422,
        "at least 20",
    ),  # fmt: skip
    ("empty upload", lambda w: upload(w, "a.txt", b""), 422, "empty"),
    ("binary upload", lambda w: upload(w, "a.txt", bytes(range(256)) * 40), 422, "binary"),
    ("not really a PDF", lambda w: upload(w, "a.pdf", b"%PDF-1.4 garbage"), 422, "could not"),
    ("unknown file type", lambda w: upload(w, "a.exe", b"MZ\x90\x00"), 422, "Upload an article"),
    (
        "UTF-16 without BOM, mis-labelled",
        lambda w: upload(w, "a.txt", FRENCH.encode("utf-16-le")),
        422,
        "English",
    ),  # fmt: skip
    (
        "50 MB upload",
        lambda w: upload(w, "big.txt", b"word " * (10 * 1024 * 1024)),
        413,
        "too large",
    ),  # fmt: skip
    # --- other forms
    (
        "register: script in name",
        lambda w: signed_out(w).post(
            "/auth/register",
            data={"username": SCRIPT, "password": "long enough", "confirm": "long enough"},
        ),
        422,
        "letters, digits",
    ),  # fmt: skip
    (
        "register: passwords differ",
        lambda w: signed_out(w).post(
            "/auth/register",
            data={"username": "grace", "password": "long enough", "confirm": "other one"},
        ),
        422,
        "differ",
    ),  # fmt: skip
    (
        "login: wrong password",
        lambda w: signed_out(w).post(
            "/auth/login", data={"username": "ada", "password": "' OR '1'='1"}
        ),
        422,
        "Wrong username",
    ),  # fmt: skip
    (
        "settings: retention 2",
        form("/settings", **{**SETTINGS, "desired_retention": "2"}),
        422,
        "between 0.70",
    ),  # fmt: skip
    (
        "settings: negative new cards",
        form("/settings", **{**SETTINGS, "new_per_day": "-5"}),
        422,
        "between",
    ),  # fmt: skip
    (
        "settings: huge review limit",
        form("/settings", **{**SETTINGS, "max_reviews_per_day": "99999999999999999999"}),
        422,
        "between",
    ),  # fmt: skip
    (
        "settings: unknown time zone",
        form("/settings", **{**SETTINGS, "timezone": "Mars/Base"}),
        422,
        "Not a valid choice",
    ),  # fmt: skip
    (
        "study more today: 0 cards",
        form("/review/more-new", count="0", limit="20"),
        422,
        "between 1 and 9,999",
    ),  # fmt: skip
    (
        "study more today: not a number",
        form("/review/more-new", count="<script>", limit="20"),
        422,
        "as a number",
    ),  # fmt: skip
    (
        "quiz: count not offered",
        form("/banks/{bank}/quiz", count="999999", types="cloze", order="best", feedback="each"),
        422,
        "valid choice",
    ),  # fmt: skip
    (
        "edit: empty question",
        form("/questions/{question}/edit", prompt="", answer="x"),
        422,
        "required",
    ),  # fmt: skip
    ("details: empty title", form("/banks/{bank}/details", name=""), 422, "required"),
    # PostgreSQL cannot store (or even compare with) U+0000: each of these was a 500 there
    ("details: NUL in the title", form("/banks/{bank}/details", name="a\x00b"), 422, "NUL"),
    ("answer: NUL", form("/quiz/{attempt}/1", answer="a\x00b"), 422, "“answer”"),
    ("token: NUL in the name", form("/account/tokens", name="a\x00"), 422, "NUL"),
    (
        "login: NUL in the name",
        lambda w: signed_out(w).post("/auth/login", data={"username": "ada\x00", "password": "x"}),
        422,
        "NUL",
    ),  # fmt: skip
    ("query string: NUL", lambda w: w.web.get("/review?bank=%00"), 422, "“bank”"),
    ("token: empty name", form("/account/tokens", name=" "), 422, "required"),
    # --- unknown and other users' ids (pages)
    ("unknown bank id", lambda w: w.web.get("/banks/987654"), 404, "not yours"),
    ("huge bank id", lambda w: w.web.get("/banks/99999999999999999999999"), 404, "not yours"),
    (
        "another user's bank",
        lambda w: w.web.get("/banks/{their_bank}".format(**w.ids)),
        404,
        "not yours",
    ),  # fmt: skip
    (
        "another user's card",
        form("/review/{their_card}", rating="3", version="1"),
        404,
        "not yours",
    ),  # fmt: skip
    # --- the API
    (
        "API: malformed JSON",
        lambda w: w.api(
            "POST", "/quizzes", data="{oops", headers={"Content-Type": "application/json"}
        ),
        400,
        "not valid JSON",
    ),  # fmt: skip
    (
        "API: JSON nested 100,000 deep",
        lambda w: w.api(
            "POST", "/quizzes", data="[" * 100_000, headers={"Content-Type": "application/json"}
        ),
        400,
        "not valid JSON",
    ),  # fmt: skip
    (
        "API: JSON nested 900 deep",  # parses, then spectree's error answer could not
        lambda w: w.api(
            "POST",
            "/quizzes",
            data='{"a":' * 900 + "1" + "}" * 900,
            headers={"Content-Type": "application/json"},
        ),
        400,
        "not valid JSON",
    ),  # fmt: skip
    (
        "form: JSON nested 100,000 deep",
        lambda w: w.web.post("/settings", data="[" * 100_000, content_type="application/json"),
        400,
        "could not be understood",
    ),  # fmt: skip
    (
        "API: form-encoded body",
        lambda w: w.api("POST", "/quizzes", data={"bank_id": "1"}),
        415,
        "application/json",
    ),  # fmt: skip
    (
        "API: article of NULs",
        api_json("POST", "/articles", {"text": "\x00" * 500}),
        422,
        "NUL",
    ),  # fmt: skip
    (
        "API: NUL in an answer",
        api_json(
            "POST", "/quizzes/{attempt}/answers", {"question_id": "{question}", "answer": "a\x00b"}
        ),
        422,
        "body.answer",
    ),  # fmt: skip
    (
        "API: article over 2 MB",
        api_json("POST", "/articles", {"text": "word " * 500_000}),
        422,
        "text",
    ),  # fmt: skip
    (
        "API: body over 8 MB",
        api_json("POST", "/articles", {"text": "w" * (9 * 1024 * 1024)}),
        413,
        "too large",
    ),  # fmt: skip
    (
        "API: negative count",
        api_json("POST", "/quizzes", {"bank_id": "{bank}", "count": -1}),
        422,
        "count",
    ),  # fmt: skip
    (
        "API: huge count",
        api_json("POST", "/quizzes", {"bank_id": "{bank}", "count": 10**20}),
        422,
        "count",
    ),  # fmt: skip
    (
        "API: SQL in a type",
        api_json("POST", "/quizzes", {"bank_id": "{bank}", "types": ["cloze' OR 1=1 --"]}),
        422,
        "types",
    ),  # fmt: skip
    ("API: rating 9", api_json("POST", "/cards/{card}/reviews", {"rating": 9}), 422, "rating"),
    (
        "API: review from the future",
        api_json("POST", "/cards/{card}/reviews", {"rating": 3, "reviewed_at": future()}),
        422,
        "future",
    ),  # fmt: skip
    (
        "API: another user's card",
        api_json("POST", "/cards/{their_card}/reviews", {"rating": 3}),
        404,
        "no such card",
    ),  # fmt: skip
    (
        "API: another user's bank",
        api_json("POST", "/quizzes", {"bank_id": "{their_bank}"}),
        404,
        "no such bank",
    ),  # fmt: skip
    (
        "API: unknown quiz",
        api_json("POST", "/quizzes/424242/answers", {"question_id": 1, "answer": "x"}),
        404,
        "no such quiz",
    ),  # fmt: skip
    (
        "API: made-up token",
        lambda w: w.web.get(
            "/api/v1/reviews/next", headers={"Authorization": "Bearer qz_" + "A" * 43}
        ),
        401,
        "unknown",
    ),  # fmt: skip
    (
        "API: stale review",
        api_json("POST", "/cards/{card}/reviews", {"rating": 3, "version": 999}),
        409,
        "already",
    ),  # fmt: skip
]

CLI_ROWS: list[tuple[str, Callable[[World], object], str]] = [
    ("import: empty file", lambda w: w.cli("import", w.file("e.txt", b"")), "empty"),
    (
        "import: binary file",
        lambda w: w.cli("import", w.file("b.txt", bytes(range(256)) * 9)),
        "binary",
    ),  # fmt: skip
    (
        "import: over 2 MB",
        lambda w: w.cli("import", w.file("big.txt", b"word " * 500_000)),
        "2 MB",
    ),  # fmt: skip
    (
        "import: non-English",
        lambda w: w.cli("import", w.file("fr.txt", FRENCH.encode())),
        "English",
    ),  # fmt: skip
    (
        "import: unknown owner",
        lambda w: w.cli("import", w.file("s.txt", SAMPLE_ARTICLE.encode()), "--owner", "nobody"),
        "no user",
    ),  # fmt: skip
    (
        "export: unknown bank",
        lambda w: w.cli("export", "987654", "--format", "json", "-o", "-"),
        "no bank",
    ),  # fmt: skip
    (
        "users create: bad name",
        lambda w: w.cli("users", "create", SCRIPT, input="long enough\n"),
        "username",
    ),  # fmt: skip
    (
        "users create: short password",
        lambda w: w.cli("users", "create", "grace", input="x\n"),
        "password",
    ),  # fmt: skip
    ("tokens create: unknown user", lambda w: w.cli("tokens", "create", "nobody"), "no user"),
    (
        "export: 20-digit bank id",
        lambda w: w.cli("export", "99999999999999999999", "--format", "json", "-o", "-"),
        "no bank",
    ),  # fmt: skip
]


def _counts() -> dict[str, int]:
    db.session.expire_all()
    return {
        t.__name__: db.session.scalar(db.select(db.func.count()).select_from(t)) or 0
        for t in TABLES
    }


@pytest.mark.parametrize(("name", "action", "status", "phrase"), ROWS, ids=[r[0] for r in ROWS])
def test_bad_input_is_refused_clearly_and_stores_nothing(world, name, action, status, phrase):
    before = _counts()
    response = action(world)
    text = response.get_data(as_text=True)
    assert response.status_code == status, f"{name}: {response.status_code} {text[:300]}"
    assert phrase.lower() in text.lower(), f"{name}: no {phrase!r} in {text[:500]}"
    assert SCRIPT not in text  # shown escaped, if at all
    assert _counts() == before, name


@pytest.mark.parametrize(("name", "action", "phrase"), CLI_ROWS, ids=[r[0] for r in CLI_ROWS])
def test_bad_cli_input_exits_1_with_a_reason_and_stores_nothing(world, name, action, phrase):
    before = _counts()
    result = action(world)
    assert result.exit_code == 1, f"{name}: {result.exit_code} {result.output}"
    assert phrase.lower() in result.output.lower(), f"{name}: {result.output}"
    assert _counts() == before, name


def test_the_table_is_long_enough():
    assert len(ROWS) + len(CLI_ROWS) >= 25


def test_replayed_answers_and_reviews_count_once(world):
    """A double-click or a replayed request is not an error, and changes nothing twice."""
    question_id = world.ids["question"]
    for _ in range(2):
        world.web.post(f"/quiz/{world.ids['attempt']}/1", data={"answer": "x"})
    replay = api_json("POST", "/quizzes/{attempt}/answers", {"question_id": question_id,
                      "answer": "y"})(world)  # fmt: skip
    assert replay.status_code == 200 and replay.json["recorded"] is False
    assert _counts()["AttemptAnswer"] == 1
    body = {"rating": 3, "version": db.session.get(Card, world.ids["card"]).version}
    first = world.api("POST", f"/cards/{world.ids['card']}/reviews", json=body)
    again = world.api("POST", f"/cards/{world.ids['card']}/reviews", json=body)
    assert (first.status_code, again.status_code) == (200, 409)
    assert _counts()["ReviewLog"] == 2  # the quiz answer's review, and the first rating
