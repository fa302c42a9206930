"""Bank pages: read the article and its questions, import, and the owner's edits."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user, login_required
from markupsafe import Markup
from werkzeug.wrappers import Response

from quizapp.domain.documents import (
    MAX_BYTES,
    InputError,
    read_document,
    read_upload,
    too_large,
)
from quizapp.extensions import cache, db, language_model
from quizapp.interop.readers import is_bank_file
from quizapp.models import Bank, Question, Visibility
from quizapp.services import banks as bank_service
from quizapp.services import new_card_limit, reviews
from quizapp.services.exports import FORMATS, export_bank
from quizapp.services.imports import DuplicateArticle, import_bank_file, import_document
from quizapp.services.quizzes import item_statistics
from quizapp.web.banks.forms import ActionForm, DetailsForm, ImportForm, QuestionForm
from quizapp.web.banks.passages import article_paragraphs
from quizapp.web.form_status import form_status
from quizapp.wording import counted

bp = Blueprint("banks", __name__)
QUESTIONS_PER_PAGE = 50


def _bank_or_404(bank_id: int) -> Bank:
    bank = bank_service.visible_bank(db.session, current_user, bank_id)
    if bank is None:
        abort(404)  # not 403: someone else's private bank does not exist for you
    return bank


def _owned_question_or_404(question_id: int) -> Question:
    question = db.session.get(Question, question_id)
    if question is None or not bank_service.owns(current_user, question.bank):
        abort(404)
    return question


@bp.get("/banks/<int:bank_id>")
def show(bank_id: int) -> str:
    bank = _bank_or_404(bank_id)
    is_owner = bank_service.owns(current_user, bank)
    qtype = request.args.get("type") or None
    kind = request.args.get("kind") or None
    page = request.args.get("page", 1, type=int) or 1
    action_form = ActionForm() if is_owner else None
    if action_form is not None:  # retired questions, statistics, edit forms: never cached
        total, facts, body = _questions_and_article(bank, qtype, kind, page, action_form)
    else:
        # the same for every other viewer; the revision changes with any question, and
        # the uuid, unlike the id, never comes to mean another bank
        # "facts/": pages cached before a bank's facts were listed hold another shape
        key = f"bank-page/facts/{bank.uuid}/{bank.revision}/{qtype}/{kind}/{page}"
        cached = cache.get(key)
        if cached is None:
            cached = _questions_and_article(bank, qtype, kind, page, None)
            cache.set(key, cached)
        total, facts, body = cached
    # the learner's own counts, never cached: says when today's limit holds new cards back
    today = (
        reviews.today_counts(db.session, current_user, datetime.now(UTC), bank.id)
        if current_user.is_authenticated
        else None
    )
    return render_template(
        "banks/show.html",
        bank=bank,
        body=Markup(body),  # noqa: S704  (rendered by Jinja, which escaped every text in it)
        total=total,
        facts=facts,
        is_owner=is_owner,
        action_form=action_form,
        today=today,
        new_per_day=new_card_limit.per_day(current_user) if today else None,
    )


def _questions_and_article(
    bank: Bank, qtype: str | None, kind: str | None, page: int, owner_form: ActionForm | None
) -> tuple[int, int, str]:
    """(live questions, their facts, the HTML of the question list and the marked article); with
    the owner's form, their view: retired questions, statistics and edit actions."""
    owner = owner_form is not None
    found = bank_service.question_page(
        db.session,
        bank,
        qtype=qtype,
        kind=kind,
        page=page,
        per_page=QUESTIONS_PER_PAGE,
        include_retired=owner,
    )
    html = render_template(
        "banks/_questions.html",
        bank=bank,
        facts=found.facts,
        page=found.page,
        pages=found.pages,
        paragraphs=article_paragraphs(bank.article.text, found.sentence_spans),
        types=found.types,
        kinds=found.kinds,
        qtype=qtype,
        kind=kind,
        is_owner=owner,
        action_form=owner_form,
        stats=item_statistics(db.session, bank) if owner else {},
    )
    return found.shown_total, found.live_facts, html


@bp.route("/import", methods=["GET", "POST"])
@login_required
def import_article() -> str | Response:
    form = ImportForm()
    if form.validate_on_submit():
        try:
            upload = form.file.data
            if upload and upload.filename and is_bank_file(upload.filename):
                with upload.stream as stream:
                    data = read_upload(stream, upload.filename)
                if len(data) > MAX_BYTES:
                    raise too_large(len(data), MAX_BYTES, "bank file")
                bank, skipped = import_bank_file(
                    db.session,
                    data,
                    upload.filename,
                    owner=current_user,
                    title=(form.title.data or "").strip() or None,
                    visibility=Visibility(form.visibility.data),
                )
                db.session.commit()
                flash(
                    f"Imported {counted(len(bank.questions), 'question')}"
                    + (f"; {counted(skipped, 'unsupported item')} skipped." if skipped else "."),
                    "success",
                )
                return redirect(url_for("banks.show", bank_id=bank.id))
            if upload and upload.filename:
                with upload.stream as stream:  # large uploads spool to a temporary file
                    data = read_upload(stream, upload.filename)
                doc = read_document(data, upload.filename)
            elif (form.text.data or "").strip():
                # no file name: pasted HTML is recognised as HTML, anything else is text
                doc = read_document((form.text.data or "").encode("utf-8"), "")
            else:
                raise InputError("Paste an article or choose a file to upload.")
            bank = import_document(
                db.session,
                doc,
                owner=current_user,
                title=(form.title.data or "").strip() or None,
                visibility=Visibility(form.visibility.data),
                language_model=language_model(),
            )
            db.session.commit()
        except DuplicateArticle as error:
            db.session.rollback()
            flash(str(error), "info")
            return redirect(url_for("banks.show", bank_id=error.bank_id))
        except InputError as error:
            db.session.rollback()
            form.text.errors = [*form.text.errors, str(error)]
        else:
            flash(f"Imported with {counted(len(bank.questions), 'question')}.", "success")
            return redirect(url_for("banks.show", bank_id=bank.id))
    return render_template(
        "banks/import.html", form=form, max_mb=MAX_BYTES // 1_048_576
    ), form_status(form)


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@login_required
def edit_question(question_id: int) -> str | Response:
    question = _owned_question_or_404(question_id)
    form = QuestionForm(obj=question)
    if request.method == "GET":
        form.choices.data = "\n".join(question.choices)
    if form.validate_on_submit():
        try:
            bank_service.update_question(
                question,
                prompt=form.prompt.data or "",
                answer=form.answer.data or "",
                # only a multiple-choice question has the field; a true/false one keeps
                # its True/False (the form would otherwise hand back the list itself)
                choices=(form.choices.data or "").splitlines()
                if question.type == "multiple_choice"
                else question.choices,
                explanation=form.explanation.data or "",
            )
        except bank_service.EditError as error:
            db.session.rollback()
            form.answer.errors = [*form.answer.errors, str(error)]
        else:
            db.session.commit()
            flash("Question saved. It will be kept when the bank is regenerated.", "success")
            return redirect(url_for("banks.show", bank_id=question.bank_id) + f"#q-{question.id}")
    return render_template("banks/edit_question.html", form=form, question=question), form_status(
        form
    )


@bp.post("/questions/<int:question_id>/retire")
@login_required
def retire_question(question_id: int) -> Response:
    question = _owned_question_or_404(question_id)
    if ActionForm().validate_on_submit():
        bank_service.retire_question(question)
        db.session.commit()
        flash("Question retired: quizzes and reviews will not ask it.", "info")
    return redirect(url_for("banks.show", bank_id=question.bank_id) + f"#q-{question.id}")


@bp.post("/questions/<int:question_id>/restore")
@login_required
def restore_question(question_id: int) -> Response:
    question = _owned_question_or_404(question_id)
    if ActionForm().validate_on_submit():
        bank_service.restore_question(question)
        db.session.commit()
        flash("Question restored.", "info")
    return redirect(url_for("banks.show", bank_id=question.bank_id) + f"#q-{question.id}")


@bp.post("/banks/<int:bank_id>/regenerate")
@login_required
def regenerate(bank_id: int) -> Response:
    bank = _bank_or_404(bank_id)
    if not bank_service.owns(current_user, bank):
        abort(404)
    if ActionForm().validate_on_submit():
        added, updated, removed = bank_service.regenerate_bank(db.session, bank, language_model())
        db.session.commit()
        flash(
            f"Regenerated: {added} new, {updated} refreshed, {removed} removed; "
            "your edits were kept.",
            "success",
        )
    return redirect(url_for("banks.show", bank_id=bank.id))


@bp.post("/banks/<int:bank_id>/visibility")
@login_required
def visibility(bank_id: int) -> Response:
    bank = _bank_or_404(bank_id)
    if not bank_service.owns(current_user, bank):
        abort(404)
    if ActionForm().validate_on_submit():
        new = Visibility.PRIVATE if bank.visibility == Visibility.PUBLIC else Visibility.PUBLIC
        bank_service.set_visibility(bank, new)
        db.session.commit()
        flash("Shared with everyone." if new == Visibility.PUBLIC else "Now private.", "info")
    return redirect(url_for("banks.show", bank_id=bank.id))


@bp.route("/banks/<int:bank_id>/details", methods=["GET", "POST"])
@login_required
def edit_details(bank_id: int) -> str | Response:
    bank = _bank_or_404(bank_id)
    if not bank_service.owns(current_user, bank):
        abort(404)
    form = DetailsForm()
    if request.method == "GET":
        form.name.data = bank.name
        form.publisher.data = bank.publisher
        form.published_on.data = bank.published_on
        form.source.data = bank.source
    if form.validate_on_submit():
        try:
            bank_service.update_details(
                bank,
                current_user,
                name=form.name.data or "",
                publisher=form.publisher.data,
                published_on=form.published_on.data,
                source=form.source.data,
            )
        except bank_service.EditError as error:
            db.session.rollback()
            form.name.errors = [*form.name.errors, str(error)]
        else:
            db.session.commit()
            flash("Details saved.", "success")
            return redirect(url_for("banks.show", bank_id=bank.id))
    return render_template("banks/edit_details.html", form=form, bank=bank), form_status(form)


@bp.get("/banks/<int:bank_id>/export/<fmt>")
def export(bank_id: int, fmt: str) -> Response:
    bank = _bank_or_404(bank_id)
    if fmt not in FORMATS:
        abort(404)
    # ?mine=1: an Anki deck that carries the signed-in learner's schedule and reviews
    mine = request.args.get("mine") == "1" and current_user.is_authenticated
    exported = export_bank(db.session, bank, fmt, current_user if mine else None)
    return send_file(
        io.BytesIO(exported.data),
        mimetype=exported.mimetype,
        as_attachment=True,
        download_name=exported.filename,
    )
