"""The account page in the browser: a new API token, copied in one click."""

from __future__ import annotations

from tests.browser.test_quiz_flow import register


def test_a_new_token_is_copied_with_its_button(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    register(page, "scripter")
    page.goto("/account")
    page.get_by_label("Name").fill("laptop")
    page.get_by_role("button", name="Make a token").click()
    field = page.get_by_label("Your new token")
    token = field.input_value()
    assert token.startswith("qz_")
    assert field.get_attribute("readonly") is not None
    page.get_by_role("button", name="Copy", exact=True).click()
    page.get_by_text("Copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == token
