"""Which of a fact's questions a flashcard review shows.

Recall builds memory better than recognition, so a review asks for the answer (fill in
the blank, short answer) where the fact has such a form; and it moves to the next form
on each day the fact is reviewed, so that the learner remembers the fact rather than
one wording of it (and within a day, meets it in one form only)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

RECALL_TYPES = ("cloze", "short_answer")


class Form(Protocol):
    type: str


F = TypeVar("F", bound=Form)


def form_for_review(forms: Sequence[F], days_reviewed: int) -> F | None:
    """The form to show on a day after `days_reviewed` earlier days of reviews; `forms`
    in bank order. None when the fact has no form left (all retired)."""
    recall = [form for form in forms if form.type in RECALL_TYPES]
    pool = recall or list(forms)
    return pool[days_reviewed % len(pool)] if pool else None
