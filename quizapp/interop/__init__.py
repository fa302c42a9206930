"""Readers and writers of other apps' formats: Anki, Quizlet/Anki CSV, Moodle GIFT, JSON.

They work on plain `ExportQuestion` records, so they need no database and no Flask.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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


@dataclass(frozen=True, slots=True)
class ExportBank:
    id: int
    title: str
    source: str | None
    questions: list[ExportQuestion]
