"""A learner's schedule and review log, written into a genanki package afterwards.

genanki writes every card as new and no review log. For a learner's own export the
package's collection is opened again and each card gets its state, due date and
interval, and the review log (Anki's `revlog`) its rows, so that Anki, importing
"with scheduling", carries on where quizapp stopped.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from quizapp.interop import ExportQuestion, ExportSchedule

# Anki's card types and queues (pylib/anki/consts.py)
NEW, LEARNING, REVIEW, RELEARNING = 0, 1, 2, 3
SUSPENDED_QUEUE = -1
# fsrs.State -> Anki card type
CARD_TYPE = {1: LEARNING, 2: REVIEW, 3: RELEARNING}
# revlog types
REVLOG_LEARN, REVLOG_REVIEW, REVLOG_RELEARN = 0, 1, 2
DEFAULT_FACTOR = 2500  # Anki's starting ease, 250 %
MAX_REVIEW_MS = 60_000  # Anki caps the time a review took at a minute


def add_history(package: bytes, questions: list[ExportQuestion], guid_of) -> bytes:  # type: ignore[no-untyped-def]
    """The package with the schedules and histories of `questions` written in."""
    scheduled = [q for q in questions if q.schedule is not None]
    if not scheduled:
        return package
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.apkg"
        source.write_bytes(package)
        with zipfile.ZipFile(source) as archive:
            names = archive.namelist()
            archive.extractall(folder)
        collection = Path(folder) / "collection.anki2"
        with sqlite3.connect(collection) as db:
            created, conf = db.execute("SELECT crt, conf FROM col").fetchone()
            # genanki's collection names no scheduler, which Anki reads as the old v1 one
            # and then converts learning reviews' buttons (v1 had no Hard there); say v2,
            # whose four buttons are ours
            db.execute(
                "UPDATE col SET conf = ?", (json.dumps({**json.loads(conf), "schedVer": 2}),)
            )
            used_log_ids: set[int] = set()  # revlog ids must be unique across the package
            for q in scheduled:
                row = db.execute(
                    "SELECT cards.id FROM cards JOIN notes ON notes.id = cards.nid "
                    "WHERE notes.guid = ? ORDER BY cards.ord LIMIT 1",
                    (guid_of(q.id),),
                ).fetchone()
                if row is not None:
                    _write_card(db, row[0], q.schedule, created, used_log_ids)  # type: ignore[arg-type]
        db.close()
        result = Path(folder) / "out.apkg"
        with zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in names:
                archive.write(Path(folder) / name, name)
        return result.read_bytes()


def _seconds(when: datetime) -> int:
    return int(when.astimezone(UTC).timestamp())


def _interval(due: datetime, since: datetime) -> int:
    """Anki's interval: days when a day or more, else negative seconds."""
    seconds = (due - since).total_seconds()
    return round(seconds / 86400) if seconds >= 86400 else -max(int(seconds), 1)


def _write_card(
    db: sqlite3.Connection, card_id: int, s: ExportSchedule, created: int, used: set[int]
) -> None:
    card_type = CARD_TYPE.get(s.state, LEARNING) if s.reps else NEW
    since = s.last_review or s.due
    interval = max(_interval(s.due, since), 0) if card_type == REVIEW else 0
    if card_type == REVIEW:
        due = (_seconds(s.due) - created) // 86400  # days since the collection was made
    elif card_type == NEW:
        due = 0
    else:
        due = _seconds(s.due)  # learning steps are due at a moment
    queue = SUSPENDED_QUEUE if s.suspended else card_type
    db.execute(
        "UPDATE cards SET type = ?, queue = ?, due = ?, ivl = ?, factor = ?, reps = ?, "
        "lapses = ? WHERE id = ?",
        (card_type, queue, due, interval, DEFAULT_FACTOR if s.reps else 0, s.reps, s.lapses,
         card_id),
    )  # fmt: skip
    last_interval = 0
    for review in s.history:
        log_id = int(review.reviewed_at.timestamp() * 1000)
        while log_id in used:  # revlog ids are milliseconds and must be unique
            log_id += 1
        used.add(log_id)
        if review.new_before or review.state_before == 1:
            kind = REVLOG_LEARN
        elif review.state_before == 3:
            kind = REVLOG_RELEARN
        else:
            kind = REVLOG_REVIEW
        interval_after = _interval(review.due_after, review.reviewed_at)
        db.execute(
            "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
            "VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)",
            (log_id, card_id, review.rating, interval_after, last_interval, DEFAULT_FACTOR,
             min(review.duration_ms or 0, MAX_REVIEW_MS), kind),
        )  # fmt: skip
        last_interval = interval_after
