"""The account page: API tokens shown once, listed by prefix, revoked by their owner only;
deleting the account, after the password."""

import re

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import ApiToken, Bank, User, Visibility
from tests.builders import login, make_attempt, make_bank, make_user


def login_remembered(client):
    """Sign ada in with "keep me signed in", as a browser that will be restarted."""
    response = client.post(
        "/auth/login",
        data={"username": "ada", "password": "correct horse battery", "remember": "y"},
    )
    assert response.status_code == 302


def _make_token(client, name="phone app"):
    response = client.post("/account/tokens", data={"name": name})
    assert response.status_code == 200
    match = re.search(r'id="new-token" value="(qz_[\w-]+)"', response.get_data(as_text=True))
    assert match, "the new token is shown"
    return match.group(1)


def test_a_new_token_is_shown_once_and_works(app, client):
    make_user("ada")
    login(client)
    secret = _make_token(client)
    page = client.get("/account").get_data(as_text=True)
    assert "phone app" in page and secret[:10] in page
    assert secret not in page  # never again
    api = app.test_client()
    ok = api.get("/api/v1/reviews/next", headers={"Authorization": f"Bearer {secret}"})
    assert ok.status_code == 200


def test_token_names_are_escaped_and_required(client):
    make_user("ada")
    login(client)
    _make_token(client, "<script>alert(1)</script>")
    page = client.get("/account").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    empty = client.post("/account/tokens", data={"name": "  "})
    assert "data-new-token" not in empty.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(ApiToken)) == 1


def test_only_the_owner_revokes_a_token(app, client):
    make_user("ada")
    make_user("mallory")
    login(client)
    secret = _make_token(client)
    token = db.session.scalar(db.select(ApiToken))
    client.post("/auth/logout")
    login(client, "mallory")
    assert client.post(f"/account/tokens/{token.id}/revoke").status_code == 404
    client.post("/auth/logout")
    login(client, "ada")
    assert client.post(f"/account/tokens/{token.id}/revoke").status_code == 302
    refused = app.test_client().get(
        "/api/v1/reviews/next", headers={"Authorization": f"Bearer {secret}"}
    )
    assert refused.status_code == 401


def test_the_account_page_needs_a_sign_in(client):
    assert client.get("/account").status_code == 302
    assert client.post("/account/tokens", data={"name": "x"}).status_code == 302


def test_a_new_password_signs_out_every_other_session(app, client):
    make_user("ada")
    login(client)
    laptop = app.test_client()
    login(laptop)
    remembered = app.test_client()
    login_remembered(remembered)
    response = client.post(
        "/account/password",
        data={
            "current": "correct horse battery",
            "new": "battery staple",
            "confirm": "battery staple",
        },
    )
    assert response.status_code == 302
    page = client.get("/account").get_data(as_text=True)
    assert "Every other session is signed out." in page  # and this one goes on
    assert laptop.get("/account").status_code == 302  # to the sign-in page
    remembered.delete_cookie("session")  # only the remember-me cookie is left
    assert remembered.get("/account").status_code == 302
    client.post("/auth/logout")
    refused = client.post(
        "/auth/login", data={"username": "ada", "password": "correct horse battery"}
    )
    assert refused.status_code == 422
    login(client, "ada", "battery staple")


def test_sign_out_everywhere_else_ends_the_other_sessions_and_keeps_this_one(app, client):
    make_user("ada")
    login_remembered(client)
    lost_phone = app.test_client()
    login(lost_phone)
    remembered = app.test_client()
    login_remembered(remembered)
    secret = _make_token(client)

    response = client.post("/account/sessions/end", follow_redirects=True)
    assert "Every other browser and device signed in as you is signed out." in (
        response.get_data(as_text=True)
    )
    assert lost_phone.get("/account").status_code == 302  # to the sign-in page
    remembered.delete_cookie("session")
    assert remembered.get("/account").status_code == 302
    client.delete_cookie("session")  # this browser's own "keep me signed in" still works
    assert client.get("/account").status_code == 200
    api = app.test_client().get(
        "/api/v1/reviews/next", headers={"Authorization": f"Bearer {secret}"}
    )
    assert api.status_code == 200  # tokens are revoked one by one, on the same page
    login(lost_phone)  # the password is unchanged


def test_a_password_change_needs_the_current_password(app, client):
    make_user("ada")
    login(client)
    wrong = client.post(
        "/account/password",
        data={"current": "a guess", "new": "battery staple", "confirm": "battery staple"},
    )
    assert wrong.status_code == 422
    assert "That is not your current password." in wrong.get_data(as_text=True)
    short = client.post(
        "/account/password",
        data={"current": "correct horse battery", "new": "short", "confirm": "short"},
    )
    assert short.status_code == 422
    client.post("/auth/logout")
    login(client)  # the old password still works


def test_sessions_from_before_session_keys_sign_in_no_one(app, client):
    make_user("ada")
    with client.session_transaction() as session:
        session["_user_id"] = "1"  # the old form, the id alone
    assert client.get("/account").status_code == 302


def test_keep_me_signed_in_survives_the_own_password_change(app, client):
    make_user("ada")
    login_remembered(client)
    client.post(
        "/account/password",
        data={
            "current": "correct horse battery",
            "new": "battery staple",
            "confirm": "battery staple",
        },
    )
    client.delete_cookie("session")  # the browser restarted: only the remember-me cookie
    assert client.get("/account").status_code == 200


def test_deleting_the_account_asks_for_the_password_and_says_what_goes(app, client):
    ada, bob = make_user("ada"), make_user("bob")
    shared = make_bank(ada, visibility=Visibility.PUBLIC)
    make_attempt(bob, shared)
    login(client)

    page = client.get("/account/delete").get_data(as_text=True)
    assert "1 bank you imported" in page
    assert "1 other learner" in page  # bob's quiz on the shared bank goes too

    refused = client.post("/account/delete", data={"password": "not it"})
    assert refused.status_code == 422
    assert "That is not your password." in refused.get_data(as_text=True)
    assert db.session.get(User, ada.id) is not None
    assert client.get("/account").status_code == 200  # still signed in


def test_a_deleted_account_is_signed_out_and_cannot_sign_in(app, client):
    ada = make_user("ada")
    make_bank(ada)
    login(client)
    ada_id = ada.id

    response = client.post(
        "/account/delete", data={"password": "correct horse battery"}, follow_redirects=True
    )
    assert response.status_code == 200
    assert "Your account is deleted" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, ada_id) is None
    assert db.session.scalar(select(func.count()).select_from(Bank)) == 0
    assert client.get("/account").status_code == 302  # signed out
    again = client.post(
        "/auth/login", data={"username": "ada", "password": "correct horse battery"}
    )
    assert again.status_code == 422


def test_signing_out_makes_copies_of_both_cookies_worthless(app, client):
    make_user("ada")
    login_remembered(client)
    copied_session = client.get_cookie("session").value
    copied_remember = client.get_cookie("remember_token").value
    other_device = app.test_client()
    login(other_device)

    client.post("/auth/logout")

    with_session = app.test_client()
    with_session.set_cookie("session", copied_session)
    assert with_session.get("/account").status_code == 302  # to the sign-in page
    assert with_session.get("/api/v1/reviews/next").status_code == 401
    with_remember = app.test_client()
    with_remember.set_cookie("remember_token", copied_remember)
    assert with_remember.get("/account").status_code == 302
    assert with_remember.get("/api/v1/reviews/next").status_code == 401
    assert other_device.get("/account").status_code == 200  # signed out here only
    login(client)  # and signing in again works


def test_a_copied_cookie_works_until_sign_out(app, client):
    make_user("ada")
    login_remembered(client)
    with_remember = app.test_client()
    with_remember.set_cookie("remember_token", client.get_cookie("remember_token").value)
    assert with_remember.get("/account").status_code == 200
