"""A bank as a file of another app's format."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from quizapp.interop import ExportBank, ExportQuestion, anki, csv_format, gift, json_format
from quizapp.models import Bank
from quizapp.services.banks import bank_questions

FORMATS = {
    "apkg": ("application/octet-stream", "apkg"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "tsv": ("text/tab-separated-values; charset=utf-8", "tsv"),
    "gift": ("text/plain; charset=utf-8", "gift.txt"),
    "json": ("application/json", "json"),
}


@dataclass(frozen=True, slots=True)
class ExportFile:
    data: bytes
    filename: str
    mimetype: str


def as_export(session: Session, bank: Bank) -> ExportBank:
    questions = [
        ExportQuestion(
            q.id,
            q.type,
            q.prompt,
            q.answer,
            list(q.choices),
            list(q.accepted),
            q.explanation,
            q.source_sentence,
            q.fact_kind,
            q.difficulty,
        )
        for q in bank_questions(session, bank)
    ]
    return ExportBank(bank.id, bank.name, bank.article.source, questions)


def export_bank(session: Session, bank: Bank, fmt: str) -> ExportFile:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    data = as_export(session, bank)
    payload: bytes
    if fmt == "apkg":
        payload = anki.dump(data)
    elif fmt == "csv":
        payload = csv_format.dump(data).encode()
    elif fmt == "tsv":
        payload = csv_format.dump(data, delimiter="\t").encode()
    elif fmt == "gift":
        payload = gift.dump(data).encode()
    else:
        payload = json_format.dump(data).encode()
    mimetype, suffix = FORMATS[fmt]
    stem = re.sub(r"[^A-Za-z0-9]+", "-", bank.name).strip("-").lower()[:60] or "bank"
    return ExportFile(payload, f"{stem}.{suffix}", mimetype)
