"""Register, log in, log out."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from flask_login.config import COOKIE_DURATION
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from quizapp.extensions import db, limiter
from quizapp.models import User
from quizapp.rate_limits import login_limit
from quizapp.services import accounts
from quizapp.web.auth.forms import LoginForm, RegisterForm
from quizapp.web.form_status import form_status
from quizapp.web.quiz.views import adopt_guest_quiz

bp = Blueprint("auth", __name__, url_prefix="/auth")


# a path on this site, in printable ASCII without spaces or backslashes: browsers read
# "/\\evil.example" as "//evil.example" and drop tabs and newlines ("/\t/evil.example")
_LOCAL_PATH = re.compile(r"/(?![/\\])[!-\[\]-~]*")


def _safe_next(target: str | None) -> str:
    """Only redirect back within this site: an open redirect is a phishing tool."""
    if target and _LOCAL_PATH.fullmatch(target) and "//" not in target:
        return target
    return url_for("main.index")


def sign_in(user: User, remember: bool) -> None:
    """Sign this browser in as `user`, under a sign-in of its own that signing out ends."""
    lifetime = current_app.config.get("REMEMBER_COOKIE_DURATION", COOKIE_DURATION)
    if not isinstance(lifetime, timedelta):
        lifetime = timedelta(seconds=lifetime)
    accounts.start_sign_in(db.session, user, datetime.now(UTC), lifetime)
    db.session.commit()
    login_user(user, remember=remember)


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
def register() -> str | Response:
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = RegisterForm()
    if form.validate_on_submit():
        user = User(username=form.username.data)
        user.set_password(form.password.data or "")
        db.session.add(user)
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            form.username.errors.append("That username is taken.")
        else:
            sign_in(user, remember=False)
            flash("Welcome to quizapp.", "success")
            adopt_guest_quiz(user)
            return redirect(url_for("main.index"))
    return render_template("auth/register.html", form=form), form_status(form)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
def login() -> str | Response:
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.user_by_password(
            db.session, form.username.data or "", form.password.data or ""
        )
        if user is not None:
            sign_in(user, remember=bool(form.remember.data))
            adopt_guest_quiz(user)
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors.append("Wrong username or password.")
    return render_template("auth/login.html", form=form), form_status(form)


@bp.post("/logout")
@login_required
def logout() -> Response:
    accounts.end_sign_in(db.session, current_user)
    db.session.commit()
    logout_user()  # also clears a "keep me signed in" cookie
    flash("You are signed out.", "info")
    return redirect(url_for("main.index"))
