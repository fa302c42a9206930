"""quizapp: turn an article into a question bank and remember it.

`create_app` reads like a table of contents; nothing here does work at import.
"""

from __future__ import annotations

from typing import Any

from flask import Flask

from quizapp.config import instance_secret_key, load_config
from quizapp.database import engine_options
from quizapp.json_provider import DepthSafeJSONProvider


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.json = DepthSafeJSONProvider(app)
    app.config.from_mapping(load_config(app.instance_path))
    if overrides:
        app.config.update(overrides)
    app.config.setdefault(
        "SQLALCHEMY_ENGINE_OPTIONS", engine_options(app.config["SQLALCHEMY_DATABASE_URI"])
    )
    if not app.config.get("SECRET_KEY"):
        if app.config["PRODUCTION"]:
            raise RuntimeError(
                "SECRET_KEY is not set. In production (QUIZAPP_ENV=production) it must come "
                "from the environment, the same on every worker and host: generate one with "
                "`python -c 'import secrets; print(secrets.token_hex(32))'`."
            )
        app.config["SECRET_KEY"] = instance_secret_key(app.instance_path)
    load_language_model(app)
    register_extensions(app)
    register_converters(app)
    register_template_filters(app)
    register_blueprints(app)
    register_cli(app)
    register_error_pages(app)
    register_security(app)
    register_logging(app)
    return app


def load_language_model(app: Flask) -> None:
    """The optional rewording model (QUIZAPP_LLM_*), read once; a misconfigured one
    stops the start rather than every import later. extensions.language_model() gives it."""
    from quizapp.services.language_model import from_config

    try:
        app.extensions["quizapp.language_model"] = from_config(app.config)
    except ValueError as error:
        raise RuntimeError(str(error)) from None


def register_extensions(app: Flask) -> None:
    from quizapp.extensions import cache, csrf, db, limiter, login_manager, migrate
    from quizapp.models import User
    from quizapp.services import accounts

    db.init_app(app)
    # batch mode lets Alembic alter SQLite tables, which have no ALTER COLUMN
    migrate.init_app(
        app, db, directory=app.config["MIGRATIONS_DIR"], render_as_batch=True, compare_type=True
    )
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    cache.init_app(app)

    @login_manager.user_loader
    def load_user(cookie_id: str) -> User | None:
        return accounts.signed_in_user(db.session, cookie_id)

    with app.app_context():
        from quizapp.database import configure_engine

        configure_engine(db.engine)


def register_converters(app: Flask) -> None:
    from quizapp.web.converters import IdConverter

    app.url_map.converters["int"] = IdConverter


def register_template_filters(app: Flask) -> None:
    from quizapp.wording import counted, question_type_name

    app.add_template_filter(counted)
    app.add_template_filter(question_type_name)


def register_blueprints(app: Flask) -> None:
    from quizapp.web.account import bp as account_bp
    from quizapp.web.auth import bp as auth_bp
    from quizapp.web.banks import bp as banks_bp
    from quizapp.web.health import bp as health_bp
    from quizapp.web.main import bp as main_bp
    from quizapp.web.quiz import bp as quiz_bp
    from quizapp.web.review import bp as review_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(health_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(account_bp)
    app.register_blueprint(banks_bp)
    app.register_blueprint(quiz_bp)
    app.register_blueprint(review_bp)

    from quizapp.api import register_api

    register_api(app)


def register_cli(app: Flask) -> None:
    from quizapp.commands import register_commands

    register_commands(app)


def register_logging(app: Flask) -> None:
    from quizapp.logs import register_request_log

    register_request_log(app)


def register_security(app: Flask) -> None:
    from quizapp.web import nul_guard, security

    security.register(app)
    nul_guard.register(app)


def register_error_pages(app: Flask) -> None:
    from quizapp.web.errors import register

    register(app)
