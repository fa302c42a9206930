"""The JSON API's request and response bodies, as pydantic models.

spectree validates requests against them and writes them into the OpenAPI
document, so the document and the checks cannot drift apart.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

QuestionType = Literal["multiple_choice", "true_false", "cloze", "short_answer"]
CardStateName = Literal["learning", "review", "relearning"]


class Strict(BaseModel):
    """Request bodies: unknown fields are an error, so a typo is not silently ignored."""

    model_config = ConfigDict(extra="forbid")


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable, machine-readable: not_found, invalid_request, ...")
    message: str = Field(description="One sentence for a person.")


class ErrorOut(BaseModel):
    error: ErrorDetail


# --- banks and questions ---------------------------------------------------------


class ArticleOut(BaseModel):
    id: int
    title: str | None
    publisher: str | None
    published_on: date | None
    source: str | None


class BankOut(BaseModel):
    id: int
    name: str
    visibility: Literal["public", "private"]
    owner: str | None = Field(description="Username of the owner; null for built-in banks.")
    mine: bool
    question_count: int
    created_at: datetime
    article: ArticleOut


class BankList(BaseModel):
    banks: list[BankOut]


class QuestionOut(BaseModel):
    id: int
    fact_id: int = Field(description="The fact asked about: its questions share one flashcard.")
    type: QuestionType
    fact_kind: str
    prompt: str
    answer: str
    choices: list[str]
    explanation: str
    source_sentence: str


class QuestionQuery(Strict):
    type: QuestionType | None = None
    offset: int = Field(0, ge=0, le=1_000_000)
    limit: int = Field(100, ge=1, le=500)


class QuestionPage(BaseModel):
    bank_id: int
    total: int
    offset: int
    limit: int
    questions: list[QuestionOut]


class ArticleIn(Strict):
    text: str = Field(min_length=1, max_length=2_000_000, description="Plain English text.")
    title: str | None = Field(None, max_length=300)
    visibility: Literal["public", "private"] = "private"


# --- quizzes -----------------------------------------------------------------------


class QuizIn(Strict):
    bank_id: int = Field(ge=1, le=2**31 - 1)
    count: int | None = Field(
        10, ge=1, le=1000, description="Facts to ask, one question each; null: every fact."
    )
    types: list[QuestionType] = Field(
        default_factory=lambda: ["multiple_choice", "true_false", "cloze", "short_answer"],
        min_length=1,
        max_length=4,
    )
    order: Literal["unseen", "best", "shuffled"] = Field(
        "unseen",
        description="unseen: the facts you have not been asked first, then the ones you "
        "missed last time, then the rest, longest unseen first; best: the bank's most "
        "important facts first; shuffled.",
    )


class QuizQuestion(BaseModel):
    """A question as the learner sees it: no answer, choices in this quiz's order."""

    position: int
    id: int
    type: QuestionType
    prompt: str
    choices: list[str]


class QuizOut(BaseModel):
    id: int
    bank_id: int
    started_at: datetime
    questions: list[QuizQuestion]


class AnswerIn(Strict):
    question_id: int = Field(ge=1, le=2**31 - 1)
    answer: str = Field(max_length=500)


class ScoreOut(BaseModel):
    right: int
    answered: int
    total: int


class AnswerOut(BaseModel):
    question_id: int
    given: str
    correct: bool
    right_answer: str
    source_sentence: str
    explanation: str
    recorded: bool = Field(
        description="false when this question was answered before: the first answer stands."
    )
    finished: bool
    score: ScoreOut


# --- flashcards --------------------------------------------------------------------


class CardOut(BaseModel):
    id: int
    fact_id: int = Field(description="A learner has one card per fact, whichever form asks it.")
    state: CardStateName
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reps: int
    lapses: int
    suspended: bool
    version: int = Field(description="Send it back with a review to refuse stale ones.")


class Intervals(BaseModel):
    """Seconds until the card is due again, for each rating."""

    again: int
    hard: int
    good: int
    easy: int


class NextQuery(Strict):
    bank_id: int | None = Field(None, ge=1, le=2**31 - 1)


class Counts(BaseModel):
    new: int
    learning: int
    due: int


class NextCard(BaseModel):
    card: CardOut
    question: QuestionOut
    intervals: Intervals


class NextOut(BaseModel):
    next: NextCard | None = Field(description="null: nothing is due.")
    counts: Counts


class StudyOut(BaseModel):
    bank_id: int
    added: int = Field(description="Facts that became flashcards now.")


class ReviewIn(Strict):
    rating: int = Field(ge=1, le=4, description="1 Again, 2 Hard, 3 Good, 4 Easy.")
    reviewed_at: AwareDatetime | None = Field(
        None,
        description="When an offline client showed the card; not in the future, not "
        "before 1980 and not before the card's last review. Default: now.",
    )
    version: int | None = Field(
        None, ge=0, le=2**31 - 1, description="The card's version when shown: 409 if stale."
    )
    duration_ms: int | None = Field(None, ge=0, le=86_400_000)


class ReviewOut(BaseModel):
    card: CardOut
    interval_seconds: int
    leech: bool = Field(description="Forgotten too often: the card was suspended.")


class UndoOut(BaseModel):
    card: CardOut
