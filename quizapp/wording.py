"""Words the pages share: counts ("1 question", "533 questions") and the one name of
each question type, for pages, messages and the CLI."""

from __future__ import annotations


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """The number with its noun in the right form; English plurals are noun + "s"
    unless `plural` says otherwise."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


# the same name on every page: the quiz form, badges, filters, the review card
QUESTION_TYPE_NAMES = {
    "multiple_choice": "Multiple choice",
    "true_false": "True or false",
    "cloze": "Fill in the blank",
    "short_answer": "Short answer",
}


def question_type_name(question_type: str) -> str:
    return QUESTION_TYPE_NAMES.get(question_type, question_type.replace("_", " ").capitalize())
