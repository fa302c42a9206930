"""CSRF is on in every real configuration: these tests turn it back on."""

import re
import time

import flask_wtf.csrf
import pytest
from flask import g
from itsdangerous import URLSafeTimedSerializer
from itsdangerous.timed import TimestampSigner
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Bank, User
from tests.builders import SAMPLE_ARTICLE, make_user


@pytest.fixture()
def csrf_app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def test_a_form_without_its_token_is_refused_and_changes_nothing(csrf_app):
    client = csrf_app.test_client()
    response = client.post(
        "/auth/register", data={"username": "ada", "password": "x" * 10, "confirm": "x" * 10}
    )
    assert response.status_code == 400
    assert "Form expired" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_every_form_page_carries_a_token(csrf_app):
    client = csrf_app.test_client()
    for url in ("/auth/register", "/auth/login"):
        assert 'name="csrf_token"' in client.get(url).get_data(as_text=True)


def test_import_is_refused_without_a_token(csrf_app):
    client = csrf_app.test_client()
    response = client.post("/import", data={"text": SAMPLE_ARTICLE})
    assert response.status_code in (302, 400)  # sign-in first, then the token


def _token_from(page: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert match, "the page has a form with a token"
    return match.group(1)


def test_a_form_opened_long_ago_is_still_accepted(csrf_app, monkeypatch):
    """An article pasted after a long pause is not refused: the token lasts the session."""
    make_user("ada")
    client = csrf_app.test_client()
    login_page = client.get("/auth/login").get_data(as_text=True)
    client.post(
        "/auth/login",
        data={
            "csrf_token": _token_from(login_page),
            "username": "ada",
            "password": "correct horse battery",
        },
    )
    two_days_ago = int(time.time()) - 2 * 24 * 3600

    class SignedTwoDaysAgo(URLSafeTimedSerializer):
        class default_signer(TimestampSigner):  # noqa: N801  (itsdangerous's name)
            def get_timestamp(self) -> int:
                return two_days_ago

    with monkeypatch.context() as past:  # only the form's token is old, not the session
        past.setattr(flask_wtf.csrf, "URLSafeTimedSerializer", SignedTwoDaysAgo)
        g.pop("csrf_token", None)  # made anew, not the one this test's app context holds
        token = _token_from(client.get("/import").get_data(as_text=True))
    response = client.post("/import", data={"csrf_token": token, "text": SAMPLE_ARTICLE})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    assert db.session.scalar(select(func.count()).select_from(Bank)) == 1


def test_a_refused_form_shows_what_was_typed_escaped_but_never_a_password(csrf_app):
    make_user("ada")
    client = csrf_app.test_client()
    typed = "<b>My notes</b> on the flood, which took an hour to write."
    response = client.post(
        "/auth/register",
        data={
            "csrf_token": "from another session",
            "username": "a long enough username typed",
            "password": "a secret password typed",
            "confirm": "a secret password typed",
            "text": typed,
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Form expired" in page
    assert "&lt;b&gt;My notes&lt;/b&gt; on the flood" in page and "<b>My notes" not in page
    assert "a secret password typed" not in page
    assert "a long enough username typed" in page


def test_study_more_today_needs_the_pages_token(csrf_app):
    make_user("ada")
    client = csrf_app.test_client()
    login_page = client.get("/auth/login").get_data(as_text=True)
    client.post(
        "/auth/login",
        data={
            "csrf_token": _token_from(login_page),
            "username": "ada",
            "password": "correct horse battery",
        },
    )
    refused = client.post("/review/more-new", data={"count": "5", "limit": "20"})
    assert refused.status_code == 400
    assert db.session.scalar(select(User.extra_new_cards)) == 0
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/review").get_data(True))
    response = client.post(
        "/review/more-new", data={"csrf_token": token.group(1), "count": "5", "limit": "20"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.scalar(select(User.extra_new_cards)) == 5
