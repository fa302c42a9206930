"""quizapp: turn an article into a question bank and remember it.

`create_app` reads like a table of contents; nothing here does work at import.
"""

from __future__ import annotations

from typing import Any

from flask import Flask

from quizapp.config import load_config


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(load_config(app.instance_path))
    if overrides:
        app.config.update(overrides)
    register_extensions(app)
    register_blueprints(app)
    return app


def register_extensions(app: Flask) -> None:
    from quizapp.extensions import csrf, db, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=app.config["MIGRATIONS_DIR"])
    csrf.init_app(app)


def register_blueprints(app: Flask) -> None:
    from quizapp.web.main import bp as main_bp

    app.register_blueprint(main_bp)
