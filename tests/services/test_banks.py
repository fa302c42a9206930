import pytest

from quizapp.extensions import db
from quizapp.models import AttemptAnswer, QuestionStatus, QuizAttempt, Visibility
from quizapp.services import banks
from tests.builders import SECOND_ARTICLE, make_bank, make_user


def test_private_banks_are_seen_by_their_owner_only(app):
    ada, bob = make_user("ada"), make_user("bob")
    private = make_bank(ada)
    public = make_bank(None, text=SECOND_ARTICLE, visibility=Visibility.PUBLIC)
    assert {s.bank.id for s in banks.visible_banks(db.session, ada)} == {private.id, public.id}
    assert {s.bank.id for s in banks.visible_banks(db.session, bob)} == {public.id}
    assert banks.visible_bank(db.session, bob, private.id) is None
    assert banks.visible_bank(db.session, None, public.id) is public


def test_summaries_count_live_questions(app):
    bank = make_bank(make_user())
    live = len(banks.bank_questions(db.session, bank))
    banks.retire_question(bank.questions[0])
    db.session.commit()
    [summary] = banks.visible_banks(db.session, bank.owner)
    assert summary.questions == live - 1


def test_filters_by_type_and_kind(app):
    bank = make_bank(make_user())
    money = banks.bank_questions(db.session, bank, qtype="multiple_choice", kind="money")
    assert money and all(q.type == "multiple_choice" and q.fact_kind == "money" for q in money)


def question_of_type(bank, qtype):
    return next(q for q in bank.questions if q.type == qtype)


def test_edit_marks_the_question_edited(app):
    bank = make_bank(make_user())
    q = question_of_type(bank, "multiple_choice")
    banks.update_question(
        q, prompt="How much did the farm cost?", answer=q.answer, choices=q.choices, explanation=""
    )
    assert q.status == QuestionStatus.EDITED


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"prompt": "  "}, "prompt"),
        ({"answer": ""}, "answer"),
        ({"answer": "not a choice"}, "one of the choices"),
        ({"choices": ["a", "a", "b"]}, "same"),
        ({"choices": ["only"]}, "at least two"),
    ],
)
def test_edits_that_break_a_question_are_refused(app, change, message):
    bank = make_bank(make_user())
    q = question_of_type(bank, "multiple_choice")
    fields = {
        "prompt": q.prompt,
        "answer": q.answer,
        "choices": list(q.choices),
        "explanation": "",
    } | change
    if "choices" in change and "answer" not in change:
        fields["answer"] = change["choices"][0]
    with pytest.raises(banks.EditError, match=message):
        banks.update_question(q, **fields)


def test_regenerate_keeps_edits_retirements_and_history(app):
    owner = make_user()
    bank = make_bank(owner)
    before = len(bank.questions)
    edited = question_of_type(bank, "cloze")
    banks.update_question(
        edited, prompt="My own wording: _____", answer=edited.answer, choices=[], explanation=""
    )
    retired = question_of_type(bank, "true_false")
    banks.retire_question(retired)
    answered = question_of_type(bank, "multiple_choice")
    attempt = QuizAttempt(user=owner, bank=bank, question_ids=[answered.id])
    db.session.add(
        AttemptAnswer(attempt=attempt, question=answered, position=0, given="x", correct=False)
    )
    db.session.commit()
    ids = {q.id for q in bank.questions}

    added, updated, removed = banks.regenerate_bank(db.session, bank)
    db.session.commit()

    assert added == 0 and removed == 0  # the generator is deterministic
    assert updated > 0
    assert {q.id for q in bank.questions} == ids  # same rows: history and cards stay
    assert len(bank.questions) == before
    assert edited.prompt == "My own wording: _____" and edited.status == QuestionStatus.EDITED
    assert retired.status == QuestionStatus.RETIRED
    assert [q.rank for q in bank.questions] == list(range(before))


def test_question_pages_go_fact_by_fact_and_clamp_past_the_end(app):
    bank = make_bank(make_user())
    ordered = [q.id for f in bank.facts for q in f.questions]
    per_page = 7
    pages = -(-len(ordered) // per_page)

    def page(n, **filters):
        return banks.question_page(
            db.session,
            bank,
            qtype=filters.get("qtype"),
            kind=filters.get("kind"),
            page=n,
            per_page=per_page,
            include_retired=False,
        )

    first = page(1)
    assert [q.id for q in first.questions] == ordered[:per_page]
    assert [q.id for _, qs in first.facts for q in qs] == ordered[:per_page]
    assert all(q.fact_id == fact.id for fact, qs in first.facts for q in qs)
    assert [f.rank for f, _ in first.facts] == sorted({q.fact.rank for q in first.questions})
    assert (first.pages, first.matching, first.shown_total) == (pages, len(ordered), len(ordered))
    assert {(q.sentence_start, q.sentence_end) for q in bank.questions} == first.sentence_spans
    assert set(first.types) == {q.type for q in bank.questions}
    beyond = page(pages + 5)
    assert beyond.page == pages
    assert [q.id for q in beyond.questions] == ordered[(pages - 1) * per_page :]
    assert page(0).page == 1
    cloze = page(1, qtype="cloze")
    assert cloze.matching == sum(1 for q in bank.questions if q.type == "cloze")
    assert cloze.types == first.types  # the filter controls still offer every type

    banks.retire_question(bank.questions[0])
    db.session.commit()
    assert page(1).shown_total == len(ordered) - 1
    assert ordered[0] not in [q.id for q in page(1).questions]
