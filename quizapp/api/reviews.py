"""Flashcards over the API: make a bank's cards, get the next due one, rate it, undo.

Offline clients send `reviewed_at`: the review is scheduled as of then, so a
history replayed later gives the cards the same state as live reviews would.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import request

from quizapp.api import SIGNED_IN, bp, responses, spec
from quizapp.api.auth import required_user, visible_bank_or_404
from quizapp.api.errors import ApiError
from quizapp.api.outputs import card_out, question_out
from quizapp.api.schemas import (
    Counts,
    Intervals,
    NextCard,
    NextOut,
    NextQuery,
    ReviewIn,
    ReviewOut,
    StudyOut,
    UndoOut,
)
from quizapp.extensions import db
from quizapp.services import reviews

# a client's clock may run a little ahead of ours; more than this is an error
CLOCK_SKEW = timedelta(seconds=60)
# no flashcard program kept reviews before this; a time near the year 1 is a client's
# bug, and one that cannot move into the learner's time zone broke the statistics page
EARLIEST_REVIEW = datetime(1980, 1, 1, tzinfo=UTC)


@bp.post("/banks/<int:bank_id>/cards")
@spec.validate(
    operation_id="studyBank",
    resp=responses(200, StudyOut, 404),
    tags=["flashcards"],
    security=SIGNED_IN,
)
def study_bank(bank_id: int) -> StudyOut:
    """Make every fact of the bank one of your flashcards (idempotent)."""
    user = required_user()
    bank = visible_bank_or_404(bank_id, user)
    added = reviews.ensure_cards(db.session, user, bank, datetime.now(UTC))
    db.session.commit()
    return StudyOut(bank_id=bank.id, added=added)


@bp.get("/reviews/next")
@spec.validate(
    operation_id="nextReview",
    query=NextQuery,
    resp=responses(200, NextOut, 404),
    tags=["flashcards"],
    security=SIGNED_IN,
)
def next_review() -> NextOut:
    """The card to review now (due cards first, then new ones within the daily limits),
    with the question to show it in (a recall form where the fact has one, another at
    each review) and the interval each rating would give; `next` is null when nothing
    is due."""
    user = required_user()
    query: NextQuery = request.context.query  # type: ignore[attr-defined]
    if query.bank_id is not None:
        visible_bank_or_404(query.bank_id, user)
    now = datetime.now(UTC)
    queue = reviews.next_card(db.session, user, now, query.bank_id)
    counts = Counts(new=queue.new_left, learning=queue.learning_left, due=queue.due_left)
    card = queue.card
    question = reviews.shown_form(db.session, user, card, now) if card is not None else None
    if card is None or question is None:
        return NextOut(next=None, counts=counts)
    spread = reviews.intervals(reviews.memory_of(card), now, reviews.settings_for(user))
    seconds = {r: int(td.total_seconds()) for r, td in spread.items()}
    return NextOut(
        next=NextCard(
            card=card_out(card),
            question=question_out(question),
            intervals=Intervals(
                again=seconds[1], hard=seconds[2], good=seconds[3], easy=seconds[4]
            ),
        ),
        counts=counts,
    )


@bp.post("/cards/<int:card_id>/reviews")
@spec.validate(
    operation_id="reviewCard",
    json=ReviewIn,
    resp=responses(200, ReviewOut, 404, 409),
    tags=["flashcards"],
    security=SIGNED_IN,
)
def review(card_id: int) -> ReviewOut:
    """Rate a card 1-4. 409 when `version` is stale (another device reviewed it first)
    or the card is suspended; 422 when `reviewed_at` is in the future, before 1980 or
    before the card's last review."""
    user = required_user()
    body: ReviewIn = request.context.json  # type: ignore[attr-defined]
    card = reviews.user_card(db.session, user, card_id)
    if card is None:
        raise ApiError(404, "There is no such card of yours.")
    now = datetime.now(UTC)
    try:
        when = body.reviewed_at.astimezone(UTC) if body.reviewed_at else now
    except OverflowError:  # a time near year 1 or 9999 that UTC cannot hold
        when = EARLIEST_REVIEW - CLOCK_SKEW
    if when < EARLIEST_REVIEW:
        raise ApiError(
            422, f"reviewed_at is before {EARLIEST_REVIEW.year} or out of range.", "invalid_time"
        )
    if when > now + CLOCK_SKEW:
        raise ApiError(422, "reviewed_at is in the future.", "invalid_time")
    when = min(when, now)
    if card.last_review is not None and when < card.last_review:
        raise ApiError(
            422,
            f"reviewed_at is before the card's last review ({card.last_review.isoformat()}).",
            "invalid_time",
        )
    try:
        _, outcome = reviews.review_card(
            db.session,
            user,
            card,
            body.rating,
            when,
            seen_version=card.version if body.version is None else body.version,
            duration_ms=body.duration_ms,
        )
    except reviews.StaleReview as error:
        db.session.rollback()
        raise ApiError(409, str(error), "stale_review") from None
    except reviews.ReviewError as error:
        db.session.rollback()
        raise ApiError(409, str(error), "suspended") from None
    db.session.commit()
    return ReviewOut(
        card=card_out(card),
        interval_seconds=int(outcome.interval.total_seconds()),
        leech=outcome.leech,
    )


@bp.post("/reviews/undo")
@spec.validate(
    operation_id="undoReview",
    resp=responses(200, UndoOut, 409),
    tags=["flashcards"],
    security=SIGNED_IN,
)
def undo() -> UndoOut:
    """Put back the card of your last review exactly as it was before it."""
    user = required_user()
    try:
        card = reviews.undo_last(db.session, user, datetime.now(UTC))
    except reviews.StaleReview as error:
        db.session.rollback()
        raise ApiError(409, str(error), "stale_review") from None
    if card is None:
        raise ApiError(409, "There is no review to undo.", "nothing_to_undo")
    db.session.commit()
    return UndoOut(card=card_out(card))
