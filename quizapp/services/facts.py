"""A bank's facts: its questions grouped by the fact they ask about (Question.fact_key).

Every path that adds questions to a bank (import, a bank file, regeneration) ends with
`group_into_facts`, so that each question belongs to one fact and a fact that keeps its
key keeps its row, and with it the learners' flashcards of it."""

from __future__ import annotations

from uuid import uuid4

from sqlalchemy.orm import object_session

from quizapp.models import Bank, Fact, Question

# true/false questions state the fact rather than blank it: their answer is True or False
STATEMENT_TYPES = ("true_false",)


def group_into_facts(bank: Bank) -> None:
    """Give each of the bank's questions its fact, made or found by key; rank the facts
    in the order their first questions come (the bank's order: best fact first); drop
    the facts that no question asks about any more. Needs no flush, and makes none:
    the new questions cannot be stored before they have their facts."""
    session = object_session(bank)
    if session is not None:
        with session.no_autoflush:
            _group(bank)
    else:
        _group(bank)


def _group(bank: Bank) -> None:
    by_key = {fact.key: fact for fact in bank.facts}
    ranked: list[Fact] = []
    for question in sorted(bank.questions, key=lambda q: q.rank):
        fact = question.fact if question.fact in bank.facts else None
        if fact is None:
            key = question.fact_key or _solo_key()
            fact = by_key.get(key)
            if fact is None:
                fact = Fact(bank=bank, key=key)
                by_key[key] = fact
            question.fact = fact
        if fact not in ranked:
            ranked.append(fact)
    for rank, fact in enumerate(ranked):
        fact.rank = rank
        _describe(fact, [q for q in bank.questions if q.fact is fact])
    bank.facts = ranked


def _describe(fact: Fact, questions: list[Question]) -> None:
    """The fact's sentence and answer, from the question that blanks or asks for it."""
    best = min(questions, key=lambda q: (q.type in STATEMENT_TYPES, q.rank))
    fact.kind = best.fact_kind
    fact.source_sentence = best.source_sentence
    fact.sentence_start, fact.sentence_end = best.sentence_start, best.sentence_end
    fact.answer_start = best.answer_start
    fact.answer = "" if best.type in STATEMENT_TYPES else best.answer


def _solo_key() -> str:
    """A key of its own, for a question stored without one: it is a fact alone."""
    return f"solo:{uuid4().hex[:24]}"
