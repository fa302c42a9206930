from sqlalchemy.orm import Session

from quizapp.extensions import db
from quizapp.models import Bank, Question, QuestionStatus
from quizapp.services import banks
from tests.builders import SECOND_ARTICLE, make_bank, make_user


def revision(bank: Bank) -> int:
    db.session.expire_all()
    return db.session.get(Bank, bank.id).revision


def test_any_change_to_a_banks_questions_raises_its_revision(app):
    bank, other = make_bank(make_user()), make_bank(None, text=SECOND_ARTICLE)
    start, other_start = revision(bank), revision(other)

    question = db.session.get(Question, bank.questions[0].id)
    question.prompt = "Changed directly, not through a service"
    db.session.commit()
    assert revision(bank) == start + 1

    banks.retire_question(db.session.get(Question, bank.questions[1].id))
    db.session.commit()
    assert revision(bank) == start + 2

    db.session.delete(db.session.get(Question, bank.questions[2].id))
    db.session.commit()
    assert revision(bank) == start + 3

    banks.regenerate_bank(db.session, db.session.get(Bank, bank.id))
    db.session.commit()
    assert revision(bank) > start + 3
    assert revision(other) == other_start  # one bank's changes leave the others alone


def test_unchanged_questions_and_other_rows_leave_the_revision(app):
    bank = make_bank(make_user())
    start = revision(bank)
    question = db.session.get(Question, bank.questions[0].id)
    question.status = QuestionStatus.ACTIVE  # the value it already has
    db.session.get(Bank, bank.id).name = "Renamed: the title is not drawn from questions"
    db.session.commit()
    assert revision(bank) == start


def test_two_sessions_editing_one_bank_get_two_revisions(app):
    # each cached page of the bank is keyed by revision: two edits must never share one
    bank = make_bank(make_user())
    start = revision(bank)
    first_id, second_id = bank.questions[0].id, bank.questions[1].id
    with Session(db.engine) as one, Session(db.engine) as two:
        mine, theirs = one.get(Question, first_id), two.get(Question, second_id)
        assert mine.bank.revision == theirs.bank.revision == start  # both read it first
        mine.prompt, theirs.prompt = "Edited in one tab", "Edited in another"
        one.commit()
        two.commit()
    assert revision(bank) == start + 2
