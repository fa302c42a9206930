"""Quiz rules with no database: which questions, in what order, and is an answer right.

A quiz asks facts, never one twice: each fact once, in one of its forms."""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from quizapp.domain.fact_order import LastAsked, order_facts
from quizapp.domain.form_mix import pick_forms
from quizapp.domain.grading import grade

COUNTS = (5, 10, 20)  # and "all"
FEEDBACK = ("each", "end")  # after each question, or at the end


class Askable(Protocol):
    id: int
    fact_id: int
    type: str
    answer: str
    choices: list[str]
    accepted: list[str]


A = TypeVar("A", bound=Askable)


@dataclass(frozen=True, slots=True)
class Plan:
    question_ids: list[int]
    choice_order: dict[str, list[str]]  # str(question id) -> choices as shown


def plan_quiz(
    questions: Sequence[A],
    *,
    count: int | None,
    types: Sequence[str],
    order: str,
    rng: random.Random,
    asked: Mapping[int, LastAsked] | None = None,
    avoid: Collection[int] = (),
) -> Plan:
    """Pick `count` facts (all when None) in the quiz's `order` (domain/fact_order.py),
    one question of each in the types ticked (domain/form_mix.py), and shuffle each
    one's choices. `questions` come in bank order, best fact first; `asked` is the
    learner's last answer to each fact; `avoid` holds questions to ask in another form
    where their fact has one (the ones just missed)."""
    forms: dict[int, list[A]] = {}
    for q in questions:
        if q.type in types:
            forms.setdefault(q.fact_id, []).append(q)
    facts = order_facts(list(forms), asked or {}, order, rng)
    if count is not None:
        facts = facts[:count]
    chosen = pick_forms([forms[f] for f in facts], types, avoid)
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
