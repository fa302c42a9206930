"""Banks, questions and new articles over the API."""

from __future__ import annotations

from quizapp.extensions import db
from quizapp.models import Article, Bank, Visibility
from tests.api.conftest import ApiClient
from tests.builders import SAMPLE_ARTICLE, SECOND_ARTICLE, make_bank


def test_banks_list_only_what_the_caller_may_see(
    api: ApiClient, other_api: ApiClient, public_bank: Bank
) -> None:
    private = make_bank(owner=other_api.user, text=SECOND_ARTICLE)
    ids = [b["id"] for b in api.get("/banks").json["banks"]]
    assert ids == [public_bank.id]
    assert api.get(f"/banks/{private.id}").status_code == 404
    assert api.get(f"/banks/{private.id}/questions").status_code == 404
    mine = other_api.get(f"/banks/{private.id}").json
    assert mine["mine"] is True
    assert mine["owner"] == "mallory"
    assert mine["visibility"] == "private"


def test_questions_come_in_bank_order_with_answers_and_sources(
    api: ApiClient, public_bank: Bank
) -> None:
    page = api.get(f"/banks/{public_bank.id}/questions?limit=3").json
    assert page["total"] == len(public_bank.questions)
    assert [q["id"] for q in page["questions"]] == [q.id for q in public_bank.questions[:3]]
    for q in page["questions"]:
        assert q["source_sentence"] in SAMPLE_ARTICLE
        assert q["answer"]
    rest = api.get(f"/banks/{public_bank.id}/questions?offset=3&limit=500").json
    assert len(rest["questions"]) == page["total"] - 3
    cloze = api.get(f"/banks/{public_bank.id}/questions?type=cloze").json
    assert {q["type"] for q in cloze["questions"]} == {"cloze"}


def test_bad_query_parameters_are_422_with_the_field_named(
    api: ApiClient, public_bank: Bank
) -> None:
    for query in ("limit=0", "limit=10000", "offset=-1", "type=essay", "limit=ten"):
        response = api.get(f"/banks/{public_bank.id}/questions?{query}")
        assert response.status_code == 422, query
        assert query.split("=")[0] in response.json["error"]["message"]


def test_posting_an_article_makes_a_private_bank(api: ApiClient) -> None:
    response = api.post("/articles", {"text": SAMPLE_ARTICLE, "title": "Solar <b>farm</b>"})
    assert response.status_code == 201
    bank = response.json
    assert bank["name"] == "Solar <b>farm</b>"  # JSON carries text; pages escape it
    assert bank["visibility"] == "private"
    assert bank["mine"] is True
    assert bank["question_count"] > 10
    again = api.post("/articles", {"text": SAMPLE_ARTICLE})
    assert again.status_code == 409
    assert str(bank["id"]) in again.json["error"]["message"]


def test_an_unusable_article_stores_nothing(api: ApiClient) -> None:
    cases = [
        {"text": "Too short to ask anything about."},
        {"text": "Le gouvernement français a annoncé mardi un nouveau plan. " * 10},
        {"text": ""},
        {"text": SAMPLE_ARTICLE, "visibility": "everyone"},
        {"text": SAMPLE_ARTICLE, "extra": 1},
        {"title": "no text"},
    ]
    for body in cases:
        response = api.post("/articles", body)
        assert response.status_code == 422, body
        assert response.json["error"]["message"]
    assert db.session.scalar(db.select(db.func.count()).select_from(Article)) == 0
    assert db.session.scalar(db.select(db.func.count()).select_from(Bank)) == 0


def test_a_public_article_is_listed_for_everyone(api: ApiClient, other_api: ApiClient) -> None:
    created = api.post("/articles", {"text": SAMPLE_ARTICLE, "visibility": "public"}).json
    assert created["visibility"] == Visibility.PUBLIC.value
    assert [b["id"] for b in other_api.get("/banks").json["banks"]] == [created["id"]]
