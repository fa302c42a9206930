"""The account page: the password, personal API tokens, and deleting the account."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from quizapp.extensions import db, limiter
from quizapp.rate_limits import login_limit
from quizapp.services import accounts
from quizapp.web.account.forms import (
    DeleteAccountForm,
    NewTokenForm,
    PasswordForm,
    RevokeTokenForm,
    SignOutEverywhereForm,
)
from quizapp.web.form_status import form_status

bp = Blueprint("account", __name__, url_prefix="/account")


def _page(
    form: NewTokenForm, new_token: str | None = None, password_form: PasswordForm | None = None
) -> tuple[str, int]:
    password_form = password_form or PasswordForm(formdata=None)
    return render_template(
        "account/account.html",
        form=form,
        password_form=password_form,
        revoke_form=RevokeTokenForm(),
        sign_out_form=SignOutEverywhereForm(),
        tokens=accounts.user_tokens(db.session, current_user),
        new_token=new_token,
    ), form_status(form, password_form)


@bp.post("/password")
@login_required
@limiter.limit(login_limit)  # it checks the current password: as guarded as signing in
def change_password() -> tuple[str, int] | Response:
    form = PasswordForm()
    if not form.validate_on_submit():
        return _page(NewTokenForm(formdata=None), password_form=form)
    try:
        accounts.change_password(current_user, form.current.data or "", form.new.data or "")
    except accounts.AccountError as error:
        db.session.rollback()
        form.current.errors = [*form.current.errors, str(error)]
        return _page(NewTokenForm(formdata=None), password_form=form)
    db.session.commit()
    _stay_signed_in()
    flash("Your password is changed. Every other session is signed out.", "success")
    return redirect(url_for("account.show"))


@bp.post("/sessions/end")
@login_required
def sign_out_everywhere() -> Response:
    if not SignOutEverywhereForm().validate_on_submit():
        abort(400)
    accounts.sign_out_everywhere(db.session, current_user)
    db.session.commit()
    _stay_signed_in()
    flash("Every other browser and device signed in as you is signed out.", "success")
    return redirect(url_for("account.show"))


def _stay_signed_in() -> None:
    """After the session key changed: this session goes on under the new key (the user,
    not the proxy to it), and a "keep me signed in" cookie is written anew, or it would
    sign in no one."""
    remembered = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token")
    login_user(
        current_user._get_current_object(),  # type: ignore[attr-defined]
        remember=remembered in request.cookies,
    )


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


@bp.route("/delete", methods=["GET", "POST"])
@login_required
@limiter.limit(login_limit, methods=["POST"])  # it checks the password, as signing in does
def delete() -> tuple[str, int] | Response:
    form = DeleteAccountForm()
    if form.validate_on_submit():
        try:
            accounts.confirm_password(current_user, form.password.data or "")
        except accounts.AccountError as error:
            form.password.errors = [*form.password.errors, str(error)]
        else:
            accounts.delete_account(db.session, current_user)
            db.session.commit()
            logout_user()  # also clears a "keep me signed in" cookie
            flash("Your account is deleted, with everything it held.", "info")
            return redirect(url_for("main.index"))
    return render_template(
        "account/delete.html",
        form=form,
        contents=accounts.account_contents(db.session, current_user),
    ), form_status(form)
