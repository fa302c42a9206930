from pathlib import Path

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Bank, Visibility
from quizapp.services.seed import seed_builtin
from tests.builders import SECOND_ARTICLE


def test_seed_imports_once_as_a_public_bank(app, tmp_path: Path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "library.txt").write_text("---\ntitle: Library reopens\n---\n" + SECOND_ARTICLE)
    (seeds / "README").write_text("not an article")

    [(name, bank)] = seed_builtin(db.session, seeds)
    db.session.commit()
    assert name == "library.txt" and bank is not None
    assert bank.visibility == Visibility.PUBLIC and bank.owner_id is None

    [(_, again)] = seed_builtin(db.session, seeds)
    db.session.commit()
    assert again is None
    assert db.session.scalar(select(func.count()).select_from(Bank)) == 1


def test_the_shipped_seed_makes_the_built_in_bank(app):
    [(name, bank)] = seed_builtin(db.session, app.config["SEEDS_DIR"])
    assert name == "china-llm-race.txt"
    assert bank.name.startswith("China races")
    assert bank.publisher == "South China Morning Post"
    # a bank sized by quality: on the order of 40-80 facts for 2,000 words (issue 15),
    # each asked in more than one form
    assert 40 <= len(bank.facts) <= 150
    assert len(bank.questions) > len(bank.facts)
    assert all(fact.questions for fact in bank.facts)
