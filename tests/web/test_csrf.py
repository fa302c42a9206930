"""CSRF is on in every real configuration: these tests turn it back on."""

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import User
from tests.builders import SAMPLE_ARTICLE


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
