"""The home page: the banks you can study, and what each has for you today."""

from datetime import UTC, datetime

from flask import Blueprint, render_template
from flask_login import current_user

from quizapp.extensions import db
from quizapp.services.banks import visible_banks
from quizapp.services.reviews import due_today_by_bank

bp = Blueprint("main", __name__)


@bp.get("/")
def index() -> str:
    due = (
        due_today_by_bank(db.session, current_user, datetime.now(UTC))
        if current_user.is_authenticated
        else {}
    )
    return render_template(
        "main/index.html", banks=visible_banks(db.session, current_user), due=due
    )
