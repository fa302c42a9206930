"""The floor under every page: routes that each add one layer of a signed-in page.

An empty route, then with the user loaded, then with the site's layout rendered, and
the least a form POST can do (CSRF, the user, one UPDATE, commit, redirect). A page
cannot cost less than the layers it stands on, so these say which targets the app's
own code can still reach. bench/page_costs.py measures them in one process;
`bench/load.py --floors` serves them under gunicorn (`bench.floors:create_floor_app()`).
They exist on these benchmarks' apps only, never on wsgi:app.
"""

from __future__ import annotations

from flask import Flask, redirect, render_template
from flask_login import current_user, login_required
from sqlalchemy import update
from werkzeug.wrappers import Response

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import User

# name, path and method of each layer, cheapest first
FLOORS = [
    ("empty, signed in", "/_floor/empty", "GET"),
    ("+ load the user", "/_floor/user", "GET"),
    ("+ base.html", "/_floor/layout", "GET"),
    ("+ one write", "/_floor/write", "POST"),
]


def create_floor_app() -> Flask:
    app = create_app()
    add_floor_routes(app)
    return app


def add_floor_routes(app: Flask) -> None:
    layout = app.jinja_env.from_string('{% extends "base.html" %}{% block content %}{% endblock %}')

    def empty() -> str:
        return ""

    @login_required
    def user() -> str:
        return str(current_user.id)

    @login_required
    def layout_only() -> str:
        return render_template(layout)

    @login_required
    def one_write() -> Response:
        # rewrites a value with itself: a real write and commit that changes nothing
        db.session.execute(
            update(User).where(User.id == current_user.id).values(new_per_day=User.new_per_day)
        )
        db.session.commit()
        return redirect("/")

    for (_, path, method), view in zip(FLOORS, (empty, user, layout_only, one_write), strict=True):
        app.add_url_rule(path, f"floor_{view.__name__}", view, methods=[method])
