"""The account page: personal API tokens, made and revoked."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from quizapp.extensions import db
from quizapp.services import accounts
from quizapp.web.account.forms import NewTokenForm, RevokeTokenForm
from quizapp.web.form_status import form_status

bp = Blueprint("account", __name__, url_prefix="/account")


def _page(form: NewTokenForm, new_token: str | None = None) -> tuple[str, int]:
    return render_template(
        "account/account.html",
        form=form,
        revoke_form=RevokeTokenForm(),
        tokens=accounts.user_tokens(db.session, current_user),
        new_token=new_token,
    ), form_status(form)


@bp.get("")
@login_required
def show() -> tuple[str, int]:
    return _page(NewTokenForm())


@bp.post("/tokens")
@login_required
def create_token() -> tuple[str, int]:
    form = NewTokenForm()
    if not form.validate_on_submit():
        return _page(form)
    try:
        _, secret = accounts.create_token(db.session, current_user, form.name.data or "")
    except accounts.AccountError as error:
        db.session.rollback()
        form.name.errors = [*form.name.errors, str(error)]
        return _page(form)
    db.session.commit()
    # shown once, in this response only: it is not stored, so it cannot be shown again
    return _page(NewTokenForm(formdata=None), new_token=secret)


@bp.post("/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id: int) -> Response:
    if not RevokeTokenForm().validate_on_submit():
        abort(400)
    token = accounts.revoke_token(db.session, current_user, token_id, datetime.now(UTC))
    if token is None:
        abort(404)  # another user's token does not exist for you
    db.session.commit()
    flash(f"Revoked “{token.name}”: it no longer works.", "info")
    return redirect(url_for("account.show"))
