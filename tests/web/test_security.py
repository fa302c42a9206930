"""Security headers, cookies, and the settings production insists on."""

import re

import pytest

from quizapp import create_app
from tests.builders import make_user


def test_pages_and_api_send_the_security_headers(client):
    for url in ("/", "/auth/login", "/api/v1/banks", "/api/v1/openapi.json", "/nothing"):
        headers = client.get(url).headers
        policy = headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, url
        assert "frame-ancestors 'none'" in policy
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
        assert headers["X-Frame-Options"] == "DENY"


def test_templates_have_no_inline_scripts_or_styles(app):
    """The policy forbids them, so one slipping in would silently break the page."""
    from pathlib import Path

    root = Path(app.root_path) / "templates"
    for template in root.rglob("*.html"):
        text = template.read_text()
        assert "<style" not in text, template
        assert " style=" not in text, template
        assert not re.search(r"\son[a-z]+\s*=", text), template  # onclick= and the like
        for line in text.splitlines():
            if "<script" in line:
                assert "src=" in line, f"{template}: {line}"


def test_session_cookie_is_http_only_and_same_site(client):
    make_user("ada")
    response = client.post(
        "/auth/login", data={"username": "ada", "password": "correct horse battery"}
    )
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain HTTP in development


def test_behind_https_cookies_are_secure_and_http_redirects(monkeypatch, tmp_path):
    monkeypatch.setenv("QUIZAPP_HTTPS", "1")
    monkeypatch.setenv("QUIZAPP_PROXY_COUNT", "1")
    app = create_app(
        {"SECRET_KEY": "x" * 32, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'db'}"}
    )
    client = app.test_client()
    assert client.get("/auth/login").status_code == 302  # to https://
    secure = client.get("/auth/login", headers={"X-Forwarded-Proto": "https"})
    assert secure.status_code == 200
    assert "Secure" in secure.headers["Set-Cookie"]  # the CSRF token's session
    assert "max-age" in secure.headers["Strict-Transport-Security"]


def test_production_refuses_to_start_without_a_secret_key(monkeypatch, tmp_path):
    monkeypatch.setenv("QUIZAPP_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'db'}"})
    monkeypatch.setenv("SECRET_KEY", "s" * 64)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'db'}"})
    assert app.config["SECRET_KEY"] == "s" * 64


@pytest.mark.real_password_hashing
def test_passwords_and_tokens_are_stored_hashed(app):
    from quizapp.extensions import db
    from quizapp.models import ApiToken
    from quizapp.services.accounts import create_token

    user = make_user("ada", "correct horse battery")
    assert user.password_hash.startswith("scrypt:")
    assert "correct horse battery" not in user.password_hash
    _, secret = create_token(db.session, user, "script")
    token = db.session.scalar(db.select(ApiToken))
    assert secret not in (token.token_hash, token.prefix) and len(token.token_hash) == 64
