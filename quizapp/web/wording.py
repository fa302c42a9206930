"""Counts in words: "1 question", "533 questions", for pages and messages alike."""

from __future__ import annotations

from flask import Flask


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """The number with its noun in the right form; English plurals are noun + "s"
    unless `plural` says otherwise."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


def register(app: Flask) -> None:
    app.add_template_filter(counted)
