"""Taking a quiz: settings, one question per page, feedback, results, history."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from flask import Blueprint, abort, flash, redirect, render_template, session, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from quizapp.domain.questions import explanation_beside_source
from quizapp.extensions import db
from quizapp.models import Bank, QuizAttempt
from quizapp.services import banks as bank_service
from quizapp.services import quizzes
from quizapp.web.form_status import form_status
from quizapp.web.quiz.forms import AnswerForm, QuizSettingsForm

bp = Blueprint("quiz", __name__)
GUEST_KEY = "guest_quiz"
GUEST_QUIZ_GONE = (
    "That quiz has ended, or its bank is no longer shared. Start a new one from a bank."
)


def _attempt_or_404(attempt_id: int) -> QuizAttempt:
    attempt = quizzes.user_attempt(db.session, current_user, attempt_id)
    if attempt is None:
        abort(404)  # someone else's attempt does not exist for you
    return attempt


def _now() -> datetime:
    return datetime.now(UTC)


@bp.route("/banks/<int:bank_id>/quiz", methods=["GET", "POST"])
def new(bank_id: int) -> str | Response:
    """Members' quizzes are stored; a visitor may try a public bank, kept in the session."""
    bank = bank_service.visible_bank(db.session, current_user, bank_id)
    if bank is None:
        abort(404)
    form = QuizSettingsForm()
    if form.validate_on_submit():
        chosen = {
            "count": None if form.count.data == "all" else int(form.count.data or 10),
            "types": list(form.types.data or []),
            "order": form.order.data or "unseen",
            "feedback": form.feedback.data or "each",
        }
        try:
            if current_user.is_authenticated:
                attempt = quizzes.start_attempt(
                    db.session,
                    current_user,
                    bank,
                    now=_now(),
                    rng=random.Random(),
                    start_key=form.start_key.data or None,
                    **chosen,
                )
            else:
                guest = quizzes.start_guest_attempt(
                    db.session, bank, now=_now(), seed=random.randrange(2**31), **chosen
                )
        except quizzes.QuizError as error:
            db.session.rollback()
            form.types.errors = [*form.types.errors, str(error)]
        else:
            if current_user.is_authenticated:
                db.session.commit()
                return redirect(url_for("quiz.question", attempt_id=attempt.id, number=1))
            session[GUEST_KEY] = guest.to_session()
            return redirect(url_for("quiz.guest_question", number=1))
    return render_template(
        "quiz/new.html", form=form, bank=bank, guest_limit=quizzes.GUEST_MAX_QUESTIONS
    ), form_status(form)


@bp.get("/quiz/<int:attempt_id>")
@login_required
def resume(attempt_id: int) -> Response:
    attempt = _attempt_or_404(attempt_id)
    position = quizzes.next_position(attempt)
    if position is None:
        return redirect(url_for("quiz.result", attempt_id=attempt.id))
    return redirect(url_for("quiz.question", attempt_id=attempt.id, number=position + 1))


@bp.route("/quiz/<int:attempt_id>/<int:number>", methods=["GET", "POST"])
@login_required
def question(attempt_id: int, number: int) -> str | Response:
    attempt = _attempt_or_404(attempt_id)
    position = number - 1
    try:
        q = quizzes.question_at(db.session, attempt, position)
    except quizzes.QuizError:
        abort(404)
    form = AnswerForm()
    if form.validate_on_submit():
        quizzes.submit_answer(db.session, attempt, position, form.answer.data or "", now=_now())
        # Post/Redirect/Get: a reload never submits again. The target is read before
        # the commit, which expires the attempt.
        if attempt.settings.get("feedback") == "end":
            redirect_to = url_for("quiz.resume", attempt_id=attempt_id)
        else:
            redirect_to = url_for("quiz.question", attempt_id=attempt_id, number=number)
        db.session.commit()
        return redirect(redirect_to)
    given = quizzes.stored_answer(db.session, attempt, q.id)
    following = quizzes.next_position(attempt)
    next_url = (
        url_for("quiz.result", attempt_id=attempt.id)
        if following is None
        else url_for("quiz.question", attempt_id=attempt.id, number=following + 1)
    )
    return _question_page(attempt, q, number, form, given, next_url, following is None)


@bp.post("/quiz/<int:attempt_id>/<int:number>/overrule")
@login_required
def overrule(attempt_id: int, number: int) -> Response:
    attempt = _attempt_or_404(attempt_id)
    try:
        quizzes.overrule_answer(db.session, attempt, number - 1, now=_now())
    except quizzes.QuizError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash("Counted as right, and your flashcard learnt it as Good.", "success")
    return redirect(url_for("quiz.question", attempt_id=attempt_id, number=number))


def _question_page(attempt, q, number, form, given, next_url, last):  # type: ignore[no-untyped-def]
    # a stored attempt only: a visitor's quiz has no flashcards to correct
    overrule_url = (
        url_for("quiz.overrule", attempt_id=attempt.id, number=number)
        if isinstance(attempt, QuizAttempt) and quizzes.can_overrule(q, given)
        else None
    )
    return render_template(
        "quiz/question.html",
        attempt=attempt,
        question=q,
        number=number,
        total=len(attempt.question_ids),
        choices=quizzes.choices_for(attempt, q),
        form=form,
        given=given,
        show_feedback=given is not None and attempt.settings.get("feedback") != "end",
        next_url=next_url,
        last=last,
        overrule_url=overrule_url,
        highlight=_highlight(q.source_sentence, q.answer, q.answer_start, q.type),
        note=explanation_beside_source(q.explanation, q.source_sentence, q.answer),
    ), form_status(form)


@bp.get("/quiz/<int:attempt_id>/result")
@login_required
def result(attempt_id: int) -> str:
    attempt = _attempt_or_404(attempt_id)
    items = quizzes.result_items(db.session, attempt)
    finished = attempt.finished_at or _now()
    return render_template(
        "quiz/result.html",
        attempt=attempt,
        items=items,
        score=quizzes.score(attempt),
        seconds=int((finished - attempt.started_at).total_seconds()),
        missed=quizzes.missed_question_ids(attempt),
        highlight=_highlight,
        resume_url=None
        if quizzes.next_position(attempt) is None
        else url_for("quiz.resume", attempt_id=attempt.id),
        retry_url=url_for("quiz.retry", attempt_id=attempt.id),
        guest=False,
        bank_name=attempt.bank.name,
    )


@bp.post("/quiz/<int:attempt_id>/retry")
@login_required
def retry(attempt_id: int) -> Response:
    attempt = _attempt_or_404(attempt_id)
    missed = quizzes.missed_question_ids(attempt)
    if not missed:  # CSRFProtect has checked the token of this POST already
        flash("Nothing to retry: every answer was right.", "info")
        return redirect(url_for("quiz.result", attempt_id=attempt.id))
    retry_attempt = quizzes.start_attempt(
        db.session,
        current_user,
        attempt.bank,
        count=None,
        types=list(attempt.settings.get("types", [])),
        order="best",
        feedback=attempt.settings.get("feedback", "each"),
        now=_now(),
        rng=random.Random(),
        missed_question_ids=missed,
        # Retry pressed twice makes one retry; pressed again after it is finished, another
        start_key=f"retry-{attempt.id}",
    )
    db.session.commit()
    return redirect(url_for("quiz.question", attempt_id=retry_attempt.id, number=1))


@bp.get("/history")
@login_required
def history() -> str:
    return render_template("quiz/history.html", rows=quizzes.history(db.session, current_user))


def _highlight(sentence: str, answer: str, start: int, qtype: str) -> tuple[str, str, str]:
    """The source sentence cut around the answer, for <mark>; no mark for true/false."""
    if qtype != "true_false" and sentence[start : start + len(answer)] == answer:
        return sentence[:start], answer, sentence[start + len(answer) :]
    at = sentence.find(answer) if qtype != "true_false" else -1
    if at >= 0:
        return sentence[:at], answer, sentence[at + len(answer) :]
    return sentence, "", ""


def _guest_attempt() -> quizzes.GuestAttempt | None:
    return quizzes.guest_from_session(db.session, session.get(GUEST_KEY))


@bp.route("/quiz/guest/<int:number>", methods=["GET", "POST"])
def guest_question(number: int) -> str | Response:
    attempt = _guest_attempt()
    if attempt is None:
        flash(GUEST_QUIZ_GONE, "info")
        return redirect(url_for("main.index"))
    position = number - 1
    try:
        q = quizzes.question_at(db.session, attempt, position)  # type: ignore[arg-type]
    except quizzes.QuizError:
        abort(404)
    form = AnswerForm()
    given = next((a for a in attempt.answers if a.question_id == q.id), None)
    if form.validate_on_submit():
        quizzes.submit_guest_answer(
            db.session, attempt, position, form.answer.data or "", now=_now()
        )
        session[GUEST_KEY] = attempt.to_session()
        if attempt.settings.get("feedback") == "end":
            following = quizzes.next_position(attempt)  # type: ignore[arg-type]
            if following is None:
                return redirect(url_for("quiz.guest_result"))
            return redirect(url_for("quiz.guest_question", number=following + 1))
        return redirect(url_for("quiz.guest_question", number=number))
    following = quizzes.next_position(attempt)  # type: ignore[arg-type]
    next_url = (
        url_for("quiz.guest_result")
        if following is None
        else url_for("quiz.guest_question", number=following + 1)
    )
    return _question_page(attempt, q, number, form, given, next_url, following is None)


@bp.get("/quiz/guest/result")
def guest_result() -> str | Response:
    attempt = _guest_attempt()
    bank = db.session.get(Bank, attempt.bank_id) if attempt is not None else None
    if attempt is None or bank is None:
        flash(GUEST_QUIZ_GONE, "info")
        return redirect(url_for("main.index"))
    following = quizzes.next_position(attempt)  # type: ignore[arg-type]
    finished = attempt.finished_at or _now()
    return render_template(
        "quiz/result.html",
        attempt=attempt,
        items=quizzes.result_items(db.session, attempt),  # type: ignore[arg-type]
        score=quizzes.score(attempt),  # type: ignore[arg-type]
        seconds=int((finished - attempt.started_at).total_seconds()),
        missed=[],
        highlight=_highlight,
        resume_url=None
        if following is None
        else url_for("quiz.guest_question", number=following + 1),
        retry_url=None,
        guest=True,
        bank_name=bank.name,
    )


def adopt_guest_quiz(user) -> None:  # type: ignore[no-untyped-def]
    """After sign-up or sign-in: store the visitor's quiz as the user's own."""
    guest = _guest_attempt()
    session.pop(GUEST_KEY, None)
    if guest is None:
        return
    if quizzes.save_guest_attempt(db.session, user, guest, _now()) is not None:
        db.session.commit()
        flash("Your quiz result was saved to your history.", "success")
