"""Flashcard review: the daily queue, rating with the next interval shown, undo, bury,
suspend; and the learner's settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from quizapp.domain import scheduling
from quizapp.extensions import db
from quizapp.models import Card
from quizapp.services import banks as bank_service
from quizapp.services import new_card_limit, optimizer, reviews
from quizapp.services.review_settings import SettingsError, parse_learning_steps
from quizapp.web.converters import id_in
from quizapp.web.form_status import form_status
from quizapp.web.review.forms import MoreNewForm, RatingForm, SettingsForm, timezone_choices
from quizapp.wording import counted

bp = Blueprint("review", __name__)


def _now() -> datetime:
    return datetime.now(UTC)


def _card_or_404(card_id: int) -> Card:
    card = reviews.user_card(db.session, current_user, card_id)
    if card is None:
        abort(404)  # another user's card does not exist for you
    return card


def _queue_url(bank_id: int | None, last: int | None = None, card: int | None = None) -> str:
    if bank_id:
        return url_for("review.bank_queue", bank_id=bank_id, last=last, card=card)
    return url_for("review.queue", last=last, card=card)


@bp.get("/review")
@login_required
def queue() -> str:
    return _show(None)


@bp.get("/banks/<int:bank_id>/review")
@login_required
def bank_queue(bank_id: int) -> str:
    if bank_service.visible_bank(db.session, current_user, bank_id) is None:
        abort(404)
    return _show(bank_id)


@bp.post("/banks/<int:bank_id>/study")
@login_required
def study(bank_id: int) -> Response:
    bank = bank_service.visible_bank(db.session, current_user, bank_id)
    if bank is None:
        abort(404)
    added = reviews.ensure_cards(db.session, current_user, bank, _now())
    db.session.commit()
    if added:
        flash(f"{counted(added, 'fact')} of this bank are now your flashcards.", "success")
    return redirect(url_for("review.bank_queue", bank_id=bank.id))


@bp.post("/review/more-new")
@login_required
def more_new() -> str | Response | tuple[str, int]:
    """Study N more today: raise the learner's new-card limit for today only."""
    form = MoreNewForm()
    bank_id = id_in(request.form, "bank")
    if bank_id and bank_service.visible_bank(db.session, current_user, bank_id) is None:
        bank_id = None  # only says where to go next; never to a bank not theirs to see
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(str(error), "error")
        return _show(bank_id), 422
    now = _now()
    try:
        limit = new_card_limit.study_more_today(
            db.session, current_user, now, form.count.data or 0, seen_limit=form.limit.data or 0
        )
    except new_card_limit.LimitChanged as error:
        db.session.rollback()
        flash(str(error), "info")
        return redirect(_queue_url(bank_id))
    except SettingsError as error:
        db.session.rollback()
        flash(str(error), "error")
        return _show(bank_id), 422
    per_day = new_card_limit.per_day(current_user)
    db.session.commit()
    flash(
        f"Today's limit is {counted(limit, 'new card')}, for today only: "
        f"tomorrow it is {per_day} again.",
        "success",
    )
    return redirect(_queue_url(bank_id))


def _show(bank_id: int | None) -> str:
    now = _now()
    state = reviews.next_card(
        db.session, current_user, now, bank_id, last_card_id=id_in(request.args, "last")
    )
    wanted = id_in(request.args, "card")  # the card an undo just put back
    if wanted:
        undone = reviews.user_card(db.session, current_user, wanted)
        if undone is not None and not undone.suspended:
            state = replace(state, card=undone)
    question = (
        reviews.shown_form(db.session, current_user, state.card, now)
        if state.card is not None
        else None
    )
    card = state.card if question is not None else None  # None: every form retired
    summary = reviews.day_summary(db.session, current_user, now, bank_id) if card is None else None
    labels = {}
    if card is not None:
        spread = reviews.intervals(reviews.memory_of(card), now, reviews.settings_for(current_user))
        labels = {rating: scheduling.format_interval(td) for rating, td in spread.items()}
    return render_template(
        "review/review.html",
        state=state,
        card=card,
        question=question,
        summary=summary,
        until_next=scheduling.format_interval(summary.next_due - now)
        if summary is not None and summary.next_due is not None
        else None,
        new_per_day=new_card_limit.per_day(current_user),
        labels=labels,
        ratings=scheduling.RATINGS,
        revealed=request.args.get("reveal") == "1",
        bank_id=bank_id,
        form=RatingForm(),
    )


@bp.post("/review/<int:card_id>")
@login_required
def rate(card_id: int) -> Response:
    card = _card_or_404(card_id)
    form = RatingForm()
    bank_id = int(form.bank.data) if (form.bank.data or "").isdigit() else None
    if not form.validate_on_submit():
        flash("Choose Again, Hard, Good or Easy.", "error")
        return redirect(_queue_url(bank_id))
    try:
        _, outcome = reviews.review_card(
            db.session,
            current_user,
            card,
            int(form.rating.data or 0),
            _now(),
            seen_version=int(form.version.data or 0),
            duration_ms=form.duration_ms.data,
        )
    except reviews.StaleReview as error:
        db.session.rollback()
        flash(f"{error} Its first review was kept; here is the next card.", "info")
        return redirect(_queue_url(bank_id))
    except reviews.ReviewError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(_queue_url(bank_id))
    db.session.commit()
    if outcome.leech:
        flash(
            "You have forgotten this card 8 times: it is marked a leech and suspended. "
            "Edit it or study its article again.",
            "info",
        )
    return redirect(_queue_url(bank_id, last=card_id))  # card_id: no reload after commit


@bp.post("/review/undo")
@login_required
def undo() -> Response:
    bank_id = id_in(request.form, "bank")
    try:
        card = reviews.undo_last(db.session, current_user, _now())
    except reviews.StaleReview:
        db.session.rollback()
        flash("That card changed in another tab meanwhile; nothing was undone.", "info")
        return redirect(_queue_url(bank_id))
    if card is None:
        flash("Nothing to undo.", "info")
        return redirect(_queue_url(bank_id))
    card_id = card.id  # read before the commit expires it
    db.session.commit()
    flash("Undone: the card is back as it was.", "info")
    return redirect(_queue_url(bank_id, card=card_id))


@bp.post("/review/<int:card_id>/bury")
@login_required
def bury(card_id: int) -> Response:
    card = _card_or_404(card_id)
    reviews.bury(db.session, current_user, card, _now())
    db.session.commit()
    flash("Buried until tomorrow.", "info")
    return redirect(_queue_url(id_in(request.form, "bank")))


@bp.post("/review/<int:card_id>/suspend")
@login_required
def suspend(card_id: int) -> Response:
    card = _card_or_404(card_id)
    reviews.suspend(card)
    db.session.commit()
    flash("Suspended: it will not come up until you unsuspend it.", "info")
    return redirect(_queue_url(id_in(request.form, "bank")))


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings() -> str | Response:
    form = SettingsForm()
    form.timezone.choices = timezone_choices()
    if request.method == "GET":
        # as they apply: a value stored out of bounds shows as the bound it is held to
        saved = reviews.settings_for(current_user)
        form.desired_retention.data = saved.desired_retention
        form.new_per_day.data = saved.new_per_day
        form.max_reviews_per_day.data = saved.max_reviews_per_day
        form.learning_steps.data = " ".join(
            scheduling.format_interval(step) for step in saved.learning_steps
        )
        form.timezone.data = current_user.timezone
    if form.validate_on_submit():
        current_user.desired_retention = round(float(form.desired_retention.data or 0.9), 2)
        current_user.new_per_day = int(form.new_per_day.data or 0)
        current_user.max_reviews_per_day = int(form.max_reviews_per_day.data or 1)
        current_user.learning_steps = parse_learning_steps(form.learning_steps.data or "")
        current_user.timezone = form.timezone.data or "UTC"
        db.session.commit()
        flash("Settings saved.", "success")
        return redirect(url_for("review.settings"))
    return render_template(
        "review/settings.html",
        form=form,
        optimiser_installed=optimizer.available(),
        reviews=optimizer.review_count(db.session, current_user),
        min_reviews=optimizer.MIN_REVIEWS,
    ), form_status(form)


@bp.post("/settings/optimise")
@login_required
def optimise() -> Response:
    try:
        optimizer.optimise(db.session, current_user)
    except ValueError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash("FSRS now uses parameters fitted to your own reviews.", "success")
    return redirect(url_for("review.settings"))


@bp.get("/stats")
@login_required
def stats() -> str:
    from quizapp.domain.stats import heatmap_weeks, level
    from quizapp.services.stats import statistics

    data = statistics(db.session, current_user, _now())
    return render_template(
        "review/stats.html",
        data=data,
        weeks=heatmap_weeks(data.heatmap),
        peak=max((d.count for d in data.heatmap), default=0),
        forecast_peak=max((d.count for d in data.forecast), default=0),
        level=level,
    )
