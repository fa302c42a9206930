"""Our models as the API's response bodies."""

from __future__ import annotations

from fsrs import State

from quizapp.api.schemas import ArticleOut, BankOut, CardOut, QuestionOut
from quizapp.models import Bank, Card, Question, User

STATE_NAMES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}


def bank_out(bank: Bank, question_count: int, viewer: User | None) -> BankOut:
    return BankOut(
        id=bank.id,
        name=bank.name,
        visibility=bank.visibility.value,
        owner=bank.owner.username if bank.owner is not None else None,
        mine=viewer is not None and bank.owner_id == viewer.id,
        question_count=question_count,
        created_at=bank.created_at,
        # as this bank's owner gave them: the article's text may be shared with other
        # users' banks, its details never are
        article=ArticleOut(
            id=bank.article_id,
            title=bank.name,
            publisher=bank.publisher,
            published_on=bank.published_on,
            source=bank.source,
        ),
    )


def question_out(q: Question) -> QuestionOut:
    return QuestionOut(
        id=q.id,
        fact_id=q.fact_id,
        type=q.type,
        fact_kind=q.fact_kind,
        prompt=q.prompt,
        answer=q.answer,
        choices=list(q.choices or []),
        explanation=q.explanation or "",
        source_sentence=q.source_sentence,
    )


def card_out(card: Card) -> CardOut:
    return CardOut(
        id=card.id,
        fact_id=card.fact_id,
        state=STATE_NAMES[State(card.state)],
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reps=card.reps,
        lapses=card.lapses,
        suspended=card.suspended,
        version=card.version,
    )
