"""The OpenAI-compatible client, against a stand-in server on loopback, and imports
that use it: reworded when the model answers, unharmed when it does not."""

from __future__ import annotations

import json
import time
from http.server import ThreadingHTTPServer

import pytest

from quizapp import create_app, extensions
from quizapp.domain.documents import Document
from quizapp.domain.rewording import LanguageModelError
from quizapp.extensions import db
from quizapp.services.imports import import_document
from quizapp.services.language_model import LanguageModel, from_config
from tests.builders import SAMPLE_ARTICLE


def model_at(server: ThreadingHTTPServer, **changes: object) -> LanguageModel:
    fields: dict[str, object] = {
        "base_url": f"http://127.0.0.1:{server.server_address[1]}/v1",
        "model": "local-model",
        "api_key": "sk-local",
    }
    return LanguageModel(**{**fields, **changes})  # type: ignore[arg-type]


def test_it_posts_the_model_and_messages_and_returns_the_reply(model_server) -> None:  # type: ignore[no-untyped-def]
    messages = [{"role": "user", "content": json.dumps([{"id": 0, "question": "A _____."}])}]
    reply = model_at(model_server).ask(messages, timeout=5)
    assert json.loads(reply) == [{"id": 0, "question": "A which?"}]
    [(path, headers, body)] = model_server.requests
    assert path == "/v1/chat/completions"
    assert headers["Authorization"] == "Bearer sk-local"
    assert body["model"] == "local-model" and body["messages"] == messages


@pytest.mark.parametrize("behaviour", ["error", "slow"])
def test_a_failing_or_slow_server_is_an_error_in_good_time(model_server, behaviour) -> None:  # type: ignore[no-untyped-def]
    model_server.behaviour = behaviour
    started = time.monotonic()
    with pytest.raises(LanguageModelError):
        model_at(model_server).ask([{"role": "user", "content": "[]"}], timeout=0.5)
    assert time.monotonic() - started < 1.5


def test_nothing_listening_is_an_error(model_server) -> None:  # type: ignore[no-untyped-def]
    model = model_at(model_server, base_url="http://127.0.0.1:9/v1")  # the discard port: closed
    with pytest.raises(LanguageModelError, match="did not answer"):
        model.ask([], timeout=1)


def test_the_model_is_configured_by_url_and_name_or_not_at_all() -> None:
    assert from_config({}) is None
    assert from_config({"LLM_URL": "http://127.0.0.1:8080/v1"}) is None
    model = from_config({"LLM_URL": "http://127.0.0.1:8080/v1", "LLM_MODEL": "qwen"})
    assert model is not None and model.model == "qwen" and model.api_key is None
    with pytest.raises(RuntimeError, match="QUIZAPP_LLM_URL"):
        create_app({"SECRET_KEY": "x", "LLM_URL": "file:///etc/passwd", "LLM_MODEL": "m"})
    configured = create_app({"SECRET_KEY": "x", "LLM_URL": "http://model/v1", "LLM_MODEL": "m"})
    with configured.app_context():  # read once at start-up, for every import after
        assert extensions.language_model() == LanguageModel("http://model/v1", "m")
    with create_app({"SECRET_KEY": "x", "LLM_URL": None}).app_context():
        assert extensions.language_model() is None


def test_an_import_rewords_its_blank_questions(app, model_server) -> None:  # type: ignore[no-untyped-def]
    plain = import_document(db.session, Document(text=SAMPLE_ARTICLE), owner=None)
    plain_prompts = {q.rank: q.prompt for q in plain.questions}
    db.session.rollback()

    bank = import_document(
        db.session, Document(text=SAMPLE_ARTICLE), owner=None, language_model=model_at(model_server)
    )
    reworded = [q for q in bank.questions if q.prompt != plain_prompts[q.rank]]
    assert model_server.requests and reworded
    assert all(q.type == "multiple_choice" and "_____" not in q.prompt for q in reworded)


def test_an_import_with_the_model_down_keeps_the_generators_wording(app, model_server) -> None:  # type: ignore[no-untyped-def]
    model_server.behaviour = "error"
    bank = import_document(
        db.session, Document(text=SAMPLE_ARTICLE), owner=None, language_model=model_at(model_server)
    )
    assert len(model_server.requests) == 1  # one failure ends the asking
    assert any("_____" in q.prompt for q in bank.questions)
