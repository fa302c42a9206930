"""Builders with defaults, so that each test says only what matters to it."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from flask.testing import FlaskClient

from quizapp.domain.documents import Document
from quizapp.domain.questions import QUESTION_TYPES
from quizapp.extensions import db
from quizapp.models import Bank, QuizAttempt, User, Visibility
from quizapp.services.imports import import_document
from quizapp.services.quizzes import start_attempt

SAMPLE_ARTICLE = """Harbour city opens record solar farm

The Northfield Energy Company said on Tuesday it had opened a solar farm worth $420m on the \
edge of Port Alden, the largest in the region.

Chief executive Maria Lindqvist said the 310-megawatt site would supply 95,000 homes.
"This is the start of a new era for the harbour," Ms Lindqvist told reporters at the opening.

The project was first proposed in 2017 and took four years to build. Construction employed \
1,200 workers at its peak, according to the Regional Development Agency.

Shares in Northfield rose 4.5% in Oslo after the announcement. The company expects the farm \
to cut carbon emissions by 310,000 tonnes a year.

Environment minister Tomas Berg praised the scheme, saying Norway needed "many more like it". \
Critics, including the Coastal Birds Trust, warned that the panels cover 600 hectares of \
former grazing land.

A second site, near Bergen, is planned for 2026 at a cost of £150m.
"""

SECOND_ARTICLE = """Library reopens after flood repairs

The Eastbrook Central Library reopened on Monday after a flood in March closed it for 14 weeks.
Repairs cost £2.3m, paid by the city council and a grant from the Heritage Lottery Fund.
Head librarian Priya Natarajan said 40,000 books had been dried or replaced.
"Readers kept asking when we would be back," Ms Natarajan said.
The building, designed by architect Walter Hume in 1911, now has flood barriers at both doors.
Visitor numbers had reached 310,000 a year before the flood, according to the council.
"""


def make_user(username: str = "ada", password: str = "correct horse battery") -> User:
    user = User(username=username)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


def make_bank(
    owner: User | None = None,
    text: str = SAMPLE_ARTICLE,
    visibility: Visibility = Visibility.PRIVATE,
) -> Bank:
    bank = import_document(db.session, Document(text=text), owner=owner, visibility=visibility)
    db.session.commit()
    return bank


def make_attempt(user: User, bank: Bank, count: int | None = None, seed: int = 1) -> QuizAttempt:
    """A quiz on `bank`, every type, best first, feedback after each answer."""
    return start_attempt(
        db.session,
        user,
        bank,
        count=count,
        types=list(QUESTION_TYPES),
        order="best",
        feedback="each",
        now=datetime.now(UTC),
        rng=random.Random(seed),
    )


def login(
    client: FlaskClient, username: str = "ada", password: str = "correct horse battery"
) -> None:
    response = client.post("/auth/login", data={"username": username, "password": password})
    assert response.status_code == 302, response.data
