"""Rewording by a language model: kept only where it stays a fair question."""

import json

import pytest

from quizapp.domain.generator import generate_bank
from quizapp.domain.questions import Question
from quizapp.domain.rewording import (
    BATCH,
    LanguageModelError,
    acceptable,
    parse_reply,
    reword,
    rewordable,
)
from tests.builders import SAMPLE_ARTICLE

SENTENCE = (
    "Repairs cost £2.3m, paid by the city council and a grant from the Heritage Lottery Fund."
)


def question(**changes: object) -> Question:
    fields: dict[str, object] = {
        "type": "multiple_choice",
        "prompt": "Repairs cost £2.3m, paid by the city council and a grant from the _____.",
        "answer": "Heritage Lottery Fund",
        "choices": ["Heritage Lottery Fund", "Arts Council", "National Trust", "BBC"],
        "explanation": "",
        "source_sentence": SENTENCE,
        "fact_kind": "org",
        "difficulty": 0.5,
        "sentence_start": 0,
        "sentence_end": len(SENTENCE),
        "answer_start": SENTENCE.index("Heritage"),
    }
    return Question(**{**fields, **changes})  # type: ignore[arg-type]


def echo_model(messages: list[dict[str, str]], _seconds: float) -> str:
    """A stand-in model that turns each blank into "which" and asks."""
    items = json.loads(messages[-1]["content"])
    return json.dumps(
        [
            {
                "id": item["id"],
                "question": item["question"].replace("_____", "which").rstrip(".") + "?",
            }
            for item in items
        ]
    )


def test_a_question_made_of_the_sentence_that_gives_nothing_away_is_kept() -> None:
    q = question()
    assert acceptable(q, "Besides the city council, which fund paid for the repairs costing £2.3m?")


@pytest.mark.parametrize(
    ("wording", "why"),
    [
        ("Did the Heritage Lottery Fund pay for the repairs?", "names the answer"),
        (
            "Was it the Arts Council or another body that paid the £2.3m repairs?",
            "names a wrong choice",
        ),
        ("Which fund paid for the repairs", "not a question"),
        ("Who funds museums and galleries in England and Wales nowadays?", "not from the sentence"),
        ("Which _____ paid for the repairs?", "still a blank"),
        ("Which fund " + "really " * 60 + "paid?", "too long"),
        ("Who?", "too short"),
    ],
)
def test_a_rewording_is_refused_when_it(wording: str, why: str) -> None:
    assert not acceptable(question(), wording), why


def test_only_blank_multiple_choice_questions_are_sent() -> None:
    assert rewordable(question())
    assert not rewordable(question(prompt="Which fund paid for the repairs?"))
    assert not rewordable(question(type="cloze"))


def test_the_models_good_wordings_replace_the_blanks_and_the_rest_stays() -> None:
    bank = generate_bank(SAMPLE_ARTICLE)
    before = [q.prompt for q in bank.questions]
    outcome = reword(bank.questions, echo_model, limit=100, seconds=10)
    changed = [q for q, old in zip(bank.questions, before, strict=True) if q.prompt != old]
    assert outcome.stopped is None and outcome.reworded == len(changed) > 0
    assert all("_____" not in q.prompt and q.prompt.endswith("?") for q in changed)
    assert all(q.type == "multiple_choice" for q in changed)
    # every other question, and every answer and choice, is untouched
    assert [q.prompt for q in bank.questions if q not in changed] == [
        old for q, old in zip(bank.questions, before, strict=True) if q not in changed
    ]
    assert len({q.prompt for q in bank.questions}) == len(bank.questions)  # no duplicates


def test_a_failing_or_slow_model_leaves_the_generators_wording() -> None:
    bank = generate_bank(SAMPLE_ARTICLE)
    before = [q.prompt for q in bank.questions]

    def down(_messages: list[dict[str, str]], _seconds: float) -> str:
        raise LanguageModelError("the model's server did not answer (refused)")

    outcome = reword(bank.questions, down, limit=100, seconds=10)
    assert outcome.stopped == "the model's server did not answer (refused)"
    assert outcome.reworded == 0 and [q.prompt for q in bank.questions] == before

    ticks = iter([0.0, 0.0, 99.0, 99.0])  # the first batch takes all the time there is
    outcome = reword(bank.questions, echo_model, limit=100, seconds=10, clock=lambda: next(ticks))
    assert outcome.stopped == "out of time" and outcome.asked <= BATCH


def test_at_most_limit_questions_are_sent_with_the_time_left() -> None:
    bank = generate_bank(SAMPLE_ARTICLE)
    sent: list[tuple[int, float]] = []

    def counting(messages: list[dict[str, str]], seconds: float) -> str:
        sent.append((len(json.loads(messages[-1]["content"])), seconds))
        return "[]"

    reword(bank.questions, counting, limit=3, seconds=7)
    assert sum(n for n, _ in sent) == 3 and 0 < sent[0][1] <= 7


def test_the_reply_is_read_from_prose_or_code_fences() -> None:
    reply = 'Here you go:\n```json\n[{"id": 0, "question": "Which fund?"}, {"id": "x"}]\n```'
    assert parse_reply(reply) == {0: "Which fund?"}
    with pytest.raises(LanguageModelError):
        parse_reply("I cannot help with that.")
    with pytest.raises(LanguageModelError):
        parse_reply("[{'id': 0,]")
