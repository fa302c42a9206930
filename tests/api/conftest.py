"""An API client with a user and a personal token, and the built-in bank imported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import Bank, User, Visibility
from quizapp.services.accounts import create_token, create_user
from tests.builders import make_bank


@dataclass
class ApiClient:
    client: FlaskClient
    token: str
    user: User

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.client.get(f"/api/v1{path}", headers=self.headers, **kwargs)

    def post(self, path: str, json: Any = None, **kwargs: Any) -> Any:
        return self.client.post(f"/api/v1{path}", json=json, headers=self.headers, **kwargs)


def new_api_client(app: Flask, username: str) -> ApiClient:
    user = create_user(db.session, username, "correct horse battery")
    _, secret = create_token(db.session, user, "tests")
    db.session.commit()
    return ApiClient(app.test_client(), secret, user)


@pytest.fixture()
def api(app: Flask) -> ApiClient:
    return new_api_client(app, "alice")


@pytest.fixture()
def other_api(app: Flask) -> ApiClient:
    return new_api_client(app, "mallory")


@pytest.fixture()
def public_bank(app: Flask) -> Bank:
    return make_bank(owner=None, visibility=Visibility.PUBLIC)
