import pytest
from sqlalchemy import func, select

from quizapp.domain.documents import Document, InputError, read_document
from quizapp.extensions import db
from quizapp.models import Article, Bank, Question, Visibility
from quizapp.services.imports import DuplicateArticle, import_document
from tests.builders import SAMPLE_ARTICLE, SECOND_ARTICLE, make_bank, make_user


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_import_stores_article_bank_and_ranked_questions(app):
    owner = make_user()
    bank = make_bank(owner)
    assert bank.name == "Harbour city opens record solar farm"
    assert bank.owner_id == owner.id and bank.visibility == Visibility.PRIVATE
    questions = db.session.scalars(select(Question).order_by(Question.rank)).all()
    assert len(questions) > 20
    assert [q.rank for q in questions] == list(range(len(questions)))
    for q in questions:
        assert bank.article.text[q.sentence_start : q.sentence_end] == q.source_sentence


def test_the_same_text_is_not_stored_twice(app):
    owner = make_user()
    first = make_bank(owner)
    with pytest.raises(DuplicateArticle) as raised:
        import_document(db.session, Document(text=SAMPLE_ARTICLE), owner=owner)
    assert raised.value.bank_id == first.id
    db.session.rollback()
    assert count(Article) == 1 and count(Bank) == 1


def test_another_user_gets_a_bank_of_the_same_article(app):
    make_bank(make_user("ada"))
    other = make_bank(make_user("bob"))
    assert count(Article) == 1
    assert count(Bank) == 2
    assert other.owner.username == "bob"


def test_front_matter_sets_title_publisher_and_date(app):
    data = (
        "---\ntitle: Library reopens\npublisher: The Eastbrook Times\ndate: 2024-06-03\n---\n"
        + SECOND_ARTICLE
    ).encode()
    bank = import_document(db.session, read_document(data, "a.md"), owner=None)
    assert bank.name == "Library reopens"
    assert bank.publisher == "The Eastbrook Times"
    assert bank.published_on.isoformat() == "2024-06-03"


def test_text_without_facts_stores_nothing(app):
    dull = "This is a sentence that says very little at all. " * 5
    with pytest.raises(InputError, match="No questions"):
        import_document(db.session, Document(text=dull), owner=None)
    db.session.rollback()
    assert count(Article) == 0 and count(Question) == 0


def test_progress_is_reported_to_the_end(app):
    seen = []
    import_document(
        db.session,
        Document(text=SECOND_ARTICLE),
        owner=None,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen and seen[-1][0] == seen[-1][1]


def test_a_bank_file_round_trips_through_export_and_import(app):
    from quizapp.services.exports import export_bank
    from quizapp.services.imports import import_bank_file

    owner = make_user()
    original = make_bank(owner)
    for fmt in ("json", "gift", "apkg", "csv"):
        exported = export_bank(db.session, original, fmt)
        bank, skipped = import_bank_file(
            db.session, exported.data, exported.filename, owner=make_user(f"u{fmt}")
        )
        assert skipped == 0
        # an Anki deck holds a fact's questions in one note: together, not in bank order
        arrange = sorted if fmt == "apkg" else list
        assert arrange((q.type, q.answer) for q in bank.questions) == arrange(
            (q.type, q.answer) for q in original.questions
        ), fmt
        for q in bank.questions:
            assert bank.article.text[q.sentence_start : q.sentence_end] == q.source_sentence
        if fmt in ("json", "csv", "apkg"):  # the formats that carry each question's fact
            assert len(bank.facts) == len(original.facts), fmt
            assert [len(f.questions) for f in bank.facts] == [
                len(f.questions) for f in original.facts
            ], fmt
    db.session.rollback()


def test_a_malformed_bank_file_stores_nothing(app):
    from quizapp.services.imports import import_bank_file

    with pytest.raises(InputError, match="malformed"):
        import_bank_file(db.session, b"{oops", "bank.json", owner=None)
    db.session.rollback()
    assert count(Bank) == 0
