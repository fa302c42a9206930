"""A bank's facts: one per fact_key, in bank order, kept by regeneration with their
questions' edits."""

from collections import defaultdict

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Bank, Fact, Question, QuestionStatus
from quizapp.services.banks import regenerate_bank, retire_question, update_question
from quizapp.services.facts import group_into_facts
from tests.builders import make_bank, make_user


def test_each_question_belongs_to_the_fact_of_its_key(app):
    bank = make_bank(make_user())
    keys = defaultdict(set)
    for q in bank.questions:
        keys[q.fact.key].add(q.fact_key)
    assert all(found == {key} for key, found in keys.items())
    assert len(bank.facts) == len({q.fact_key for q in bank.questions}) < len(bank.questions)


def test_facts_are_ranked_in_the_order_their_first_questions_come(app):
    bank = make_bank(make_user())
    firsts = []
    for q in bank.questions:
        if q.fact not in firsts:
            firsts.append(q.fact)
    assert [f.rank for f in firsts] == list(range(len(firsts)))
    assert bank.facts == firsts


def test_a_fact_has_the_sentence_and_answer_it_blanks(app):
    bank = make_bank(make_user())
    for fact in bank.facts:
        assert fact.source_sentence in db.session.get(Bank, bank.id).article.text
        if fact.answer:
            at = fact.answer_start
            assert fact.source_sentence[at : at + len(fact.answer)] == fact.answer
        assert fact.answer or all(q.type == "true_false" for q in fact.questions)


def test_regenerating_keeps_every_fact_and_its_questions_edits(app):
    bank = make_bank(make_user())
    edited = next(q for q in bank.questions if q.type == "short_answer")
    update_question(
        edited,
        prompt="Reworded by the owner?",
        answer=edited.answer,
        choices=[],
        explanation="",
    )
    retired = next(q for q in bank.questions if q.type == "true_false")
    retire_question(retired)
    db.session.commit()
    facts_before = {f.key: f.id for f in bank.facts}
    edited_fact = edited.fact_id

    regenerate_bank(db.session, bank)
    db.session.commit()
    db.session.expire_all()

    assert {f.key: f.id for f in db.session.scalars(select(Fact))} == facts_before
    again = db.session.get(Question, edited.id)
    assert again.prompt == "Reworded by the owner?" and again.fact_id == edited_fact
    assert db.session.get(Question, retired.id).status == QuestionStatus.RETIRED


def test_a_fact_goes_when_its_last_question_does(app):
    bank = make_bank(make_user())
    fact = bank.facts[-1]
    for q in list(fact.questions):
        db.session.delete(q)
    bank.questions = [q for q in bank.questions if q.fact is not fact]
    db.session.flush()
    group_into_facts(bank)
    db.session.commit()
    assert db.session.get(Fact, fact.id) is None
