"""Quiz rules with no database: which questions, in what order, and is an answer right.

A quiz asks facts, never one twice: each fact once, in one of its forms."""

from __future__ import annotations

import random
import re
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
    prompt: str
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
    facts = _apart(facts, forms, _answers(questions), count)
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


def _answers(questions: Sequence[A]) -> dict[int, str]:
    """Each fact's answer, from any of its forms but a true/false one."""
    out: dict[int, str] = {}
    for q in questions:
        if q.type != "true_false":
            out.setdefault(q.fact_id, q.answer)
    return out


def _apart(
    facts: list[int],
    forms: Mapping[int, Sequence[A]],
    answers: Mapping[int, str],
    count: int | None,
) -> list[int]:
    """The first `count` facts (all when None) in order, but a fact that a question
    already chosen gives away, or whose question gives away one already chosen, waits
    until the others are in: "Producers Barbara Broccoli and _____" answers "Who
    produces ...?" (Barbara Broccoli) in the same quiz. Two facts of one article often
    share a name, so such facts come last rather than not at all."""
    prompts = {f: " ".join(q.prompt for q in forms[f]).casefold() for f in facts}
    chosen: list[int] = []
    waiting: list[int] = []
    for f in facts:
        if count is not None and len(chosen) == count:
            break
        if any(
            _tells(prompts[g], answers.get(f)) or _tells(prompts[f], answers.get(g)) for g in chosen
        ):
            waiting.append(f)
        else:
            chosen.append(f)
    picked = chosen + waiting
    return picked[:count] if count is not None else picked


def _tells(prompt: str, answer: str | None) -> bool:
    """Does the prompt say the answer, as whole words?"""
    if not answer or len(answer) < 2:
        return False
    needle = answer.casefold()
    return needle in prompt and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", prompt) is not None


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
