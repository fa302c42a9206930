"""A bank as a file of another app's format."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.interop import (
    ExportBank,
    ExportQuestion,
    ExportReview,
    ExportSchedule,
    anki,
    csv_format,
    gift,
    json_format,
)
from quizapp.models import Bank, Card, Fact, Question, ReviewLog, User
from quizapp.services.banks import bank_questions

FORMATS = {
    "apkg": ("application/octet-stream", "apkg"),
    # werkzeug adds "; charset=utf-8" to every text/* type itself (it used to send it twice)
    "csv": ("text/csv", "csv"),
    "tsv": ("text/tab-separated-values", "tsv"),
    "gift": ("text/plain", "gift.txt"),
    "quizlet": ("text/tab-separated-values", "quizlet.tsv"),
    "json": ("application/json", "json"),
}


@dataclass(frozen=True, slots=True)
class ExportFile:
    data: bytes
    filename: str
    mimetype: str


def learner_schedules(session: Session, bank: Bank, learner: User) -> dict[int, ExportSchedule]:
    """The learner's flashcards of the bank's facts, with their review histories
    (undone reviews left out), by fact id."""
    cards = session.scalars(
        select(Card)
        .join(Fact, Fact.id == Card.fact_id)
        .where(Card.user_id == learner.id, Fact.bank_id == bank.id)
    ).all()
    logs: dict[int, list[ReviewLog]] = {}
    for log in session.scalars(
        select(ReviewLog)
        .where(ReviewLog.card_id.in_([c.id for c in cards]), ReviewLog.undone_at.is_(None))
        .order_by(ReviewLog.reviewed_at, ReviewLog.id)
    ):
        logs.setdefault(log.card_id, []).append(log)
    schedules = {}
    for card in cards:
        history = logs.get(card.id, [])
        # each review's outcome is the snapshot before the next one, or the card now
        afters = [datetime.fromisoformat(str(h.card_before["due"])) for h in history[1:]]
        afters += [card.due] if history else []
        schedules[card.fact_id] = ExportSchedule(
            state=card.state,
            due=card.due,
            reps=card.reps,
            lapses=card.lapses,
            suspended=card.suspended,
            last_review=card.last_review,
            history=tuple(
                ExportReview(
                    reviewed_at=h.reviewed_at,
                    rating=h.rating,
                    state_before=int(h.card_before.get("state", 1)),
                    new_before=int(h.card_before.get("reps", 0)) == 0,
                    due_after=after,
                    duration_ms=h.duration_ms,
                )
                for h, after in zip(history, afters, strict=True)
            ),
        )
    return schedules


def as_export(session: Session, bank: Bank, learner: User | None = None) -> ExportBank:
    schedules = learner_schedules(session, bank, learner) if learner is not None else {}
    # a fact's schedule goes with its first question only: one card, one history
    scheduled: set[int] = set()

    def schedule_of(q: Question) -> ExportSchedule | None:
        if q.fact_id in scheduled:
            return None
        scheduled.add(q.fact_id)
        return schedules.get(q.fact_id)

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
            schedule_of(q),
            q.fact_key,
            q.fact_id,
        )
        for q in bank_questions(session, bank)
    ]
    return ExportBank(bank.id, bank.name, bank.source, questions)


def export_bank(session: Session, bank: Bank, fmt: str, learner: User | None = None) -> ExportFile:
    """The bank as a file; an Anki deck for a `learner` carries their schedule and reviews."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    data = as_export(session, bank, learner if fmt == "apkg" else None)
    payload: bytes
    if fmt == "apkg":
        payload = anki.dump(data)
    elif fmt == "csv":
        payload = csv_format.dump(data).encode()
    elif fmt == "tsv":
        payload = csv_format.dump(data, delimiter="\t").encode()
    elif fmt == "quizlet":
        payload = csv_format.dump_pairs(data).encode()
    elif fmt == "gift":
        payload = gift.dump(data).encode()
    else:
        payload = json_format.dump(data).encode()
    mimetype, suffix = FORMATS[fmt]
    stem = _file_stem(bank.name)
    if fmt == "apkg" and learner is not None:  # not to be taken for the deck without them
        stem += "-with-my-reviews"
    return ExportFile(payload, f"{stem}.{suffix}", mimetype)


def _file_stem(name: str, limit: int = 60) -> str:
    """The bank's name as a file name: ASCII words joined by hyphens, cut after a whole
    word rather than in the middle of one."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()
    if len(stem) > limit:
        stem = stem[: limit + 1].rsplit("-", 1)[0] if "-" in stem[:limit] else stem[:limit]
    return stem or "bank"
