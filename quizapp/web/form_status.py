"""The status of a page that shows a form: 422 when a submitted form is sent back with
errors, so that scripts, tests and proxies see a refusal and not a success."""

from __future__ import annotations

from flask import request
from flask_wtf import FlaskForm


def form_status(*forms: FlaskForm) -> int:
    if request.method == "POST" and any(form.errors for form in forms):
        return 422
    return 200
