"""Counts in words: "1 question", "533 questions", for pages, messages and the CLI."""

from __future__ import annotations


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """The number with its noun in the right form; English plurals are noun + "s"
    unless `plural` says otherwise."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"
