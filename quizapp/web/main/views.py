"""The home page: the banks you can study."""

from flask import Blueprint, render_template
from flask_login import current_user

from quizapp.extensions import db
from quizapp.services.banks import visible_banks

bp = Blueprint("main", __name__)


@bp.get("/")
def index() -> str:
    return render_template("main/index.html", banks=visible_banks(db.session, current_user))
