"""Readers and writers of other apps' formats: Anki, Quizlet/Anki CSV, Moodle GIFT, JSON.

They work on plain `ExportQuestion` records, so they need no database and no Flask.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ExportReview:
    """One review of a question's flashcard, and the card's schedule right after it."""

    reviewed_at: datetime
    rating: int  # 1 Again .. 4 Easy
    state_before: int  # fsrs.State of the card before: 1 learning, 2 review, 3 relearning
    new_before: bool  # the card had never been reviewed
    due_after: datetime
    duration_ms: int | None = None


@dataclass(frozen=True, slots=True)
class ExportSchedule:
    """A learner's flashcard of a question, as it stands: for Anki's card columns."""

    state: int  # fsrs.State
    due: datetime
    reps: int
    lapses: int
    suspended: bool
    last_review: datetime | None
    history: tuple[ExportReview, ...] = ()


@dataclass(frozen=True, slots=True)
class ExportQuestion:
    id: int
    type: str
    prompt: str
    answer: str
    choices: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    explanation: str = ""
    source_sentence: str = ""
    fact_kind: str = "other"
    difficulty: float = 0.5
    schedule: ExportSchedule | None = None  # only in a learner's own export
    fact_key: str = ""
    fact_id: int = 0  # the questions of one fact share it; 0: not known


@dataclass(frozen=True, slots=True)
class ExportBank:
    id: int
    title: str
    source: str | None
    questions: list[ExportQuestion]
