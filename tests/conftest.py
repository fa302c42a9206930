"""Fixtures shared by the whole suite: an app on a throwaway SQLite file, and sample text."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp import create_app

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


@pytest.fixture()
def app(tmp_path: Path):  # type: ignore[no-untyped-def]
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'test.sqlite3'}",
        }
    )
    yield app


@pytest.fixture()
def sample_article() -> str:
    return SAMPLE_ARTICLE
