"""JSON: the document `quizapp generate` prints, with ids."""

from __future__ import annotations

import json

from quizapp.interop import ExportBank


def dump(bank: ExportBank) -> str:
    return json.dumps(
        {
            "id": bank.id,
            "title": bank.title,
            "source": bank.source,
            "questions": [
                {
                    "id": q.id,
                    "type": q.type,
                    "prompt": q.prompt,
                    "answer": q.answer,
                    "choices": q.choices,
                    "accepted": q.accepted,
                    "explanation": q.explanation,
                    "source_sentence": q.source_sentence,
                    "fact_kind": q.fact_kind,
                    "fact_key": q.fact_key,
                    "difficulty": q.difficulty,
                }
                for q in bank.questions
            ],
        },
        ensure_ascii=False,
        indent=2,
    )
