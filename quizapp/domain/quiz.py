"""Quiz rules with no database: which questions, in what order, and is an answer right."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from quizapp.domain.grading import grade

COUNTS = (5, 10, 20)  # and "all"
ORDERS = ("best", "shuffled")
FEEDBACK = ("each", "end")  # after each question, or at the end


class Askable(Protocol):
    id: int
    type: str
    answer: str
    choices: list[str]
    accepted: list[str]


@dataclass(frozen=True, slots=True)
class Plan:
    question_ids: list[int]
    choice_order: dict[str, list[str]]  # str(question id) -> choices as shown


def plan_quiz(
    questions: Sequence[Askable],
    *,
    count: int | None,
    types: Sequence[str],
    order: str,
    rng: random.Random,
) -> Plan:
    """Pick the questions (best first unless shuffled) and shuffle each one's choices.

    `questions` come in bank order, which asks one question per fact before any
    fact's second, so the first N are the N most important facts.
    """
    chosen = [q for q in questions if q.type in types]
    if count is not None:
        chosen = chosen[:count]
    if order == "shuffled":
        rng.shuffle(chosen)
    choice_order = {}
    for q in chosen:
        if q.type == "multiple_choice":
            shown = list(q.choices)
            rng.shuffle(shown)
            choice_order[str(q.id)] = shown
        elif q.type == "true_false":
            choice_order[str(q.id)] = ["True", "False"]
    return Plan([q.id for q in chosen], choice_order)


def is_right(question: Askable, given: str) -> bool:
    """Choices must match exactly; typed answers are graded with forgiveness of form."""
    if question.type in ("multiple_choice", "true_false"):
        return given.strip() == question.answer
    return grade(given, question.answer, question.accepted).correct


@dataclass(frozen=True, slots=True)
class Score:
    correct: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0
