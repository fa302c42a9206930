"""Reading banks a user may see, and the owner's changes to them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, bindparam, func, or_, select, true
from sqlalchemy.orm import Session, aliased, contains_eager, joinedload

from quizapp.domain.generator import generate_bank
from quizapp.domain.questions import QUESTION_TYPES
from quizapp.models import (
    Article,
    AttemptAnswer,
    Bank,
    Card,
    Fact,
    Question,
    QuestionStatus,
    User,
    Visibility,
)
from quizapp.services.facts import group_into_facts
from quizapp.services.imports import to_model
from quizapp.services.language_model import LanguageModel, improve_wording

LIVE = (QuestionStatus.ACTIVE, QuestionStatus.EDITED)


class EditError(ValueError):
    """An edit that would make the question unusable; str(error) says why."""


def visible_to(viewer: Any) -> ColumnElement[bool]:
    """Whether the bank may be seen by `viewer`, a bind parameter holding a user's id (or
    None for a visitor): shared with everyone, or theirs. The one rule for every path
    that shows or starts questions (pages, API, review queue, quizzes), so that a bank
    made private again is taken back from all of them at once."""
    return or_(Bank.visibility == Visibility.PUBLIC, Bank.owner_id == viewer)


@dataclass(frozen=True, slots=True)
class BankSummary:
    bank: Bank
    questions: int  # live ones
    facts: int  # that live questions ask about
    reviewed: int  # the viewer's cards (facts) of this bank reviewed at least once


def visible_banks(
    session: Session, user: User | None, *, everything: bool = False
) -> list[BankSummary]:
    """The banks this user may study, built-in first; `everything` for the admin CLI."""
    viewer = user.id if user is not None and user.is_authenticated else None
    statement = _all_banks_statement() if everything else _visible_banks_statement()
    rows = session.execute(statement, {"viewer": viewer}).all()
    return [BankSummary(*row) for row in rows]


@cache
def _visible_banks_statement():  # type: ignore[no-untyped-def]
    # built once: the home page runs it on every visit, and SQLAlchemy's statement
    # building and cache-key work cost several times the query (bench/page_costs.py)
    return _banks_statement(visible_to(bindparam("viewer")))


@cache
def _all_banks_statement():  # type: ignore[no-untyped-def]
    return _banks_statement(true())


def _banks_statement(visible):  # type: ignore[no-untyped-def]
    """Each bank with its live questions and their facts, and how many of the facts
    the viewer (the `viewer` parameter, None for a visitor) has reviewed, in one query."""
    counts = (
        select(
            Question.bank_id,
            func.count().label("n"),
            func.count(func.distinct(Question.fact_id)).label("facts"),
        )
        .where(
            Question.status.in_(LIVE),
            Question.bank_id.in_(select(Bank.id).where(visible)),  # not every bank's
        )
        .group_by(Question.bank_id)
        .subquery()
    )
    reviewed = (
        select(Fact.bank_id, func.count().label("n"))
        .join(Card, Card.fact_id == Fact.id)
        .where(Card.user_id == bindparam("viewer"), Card.reps > 0)
        .group_by(Fact.bank_id)
        .subquery()
    )
    owner = aliased(User)
    return (
        select(
            Bank,
            func.coalesce(counts.c.n, 0),
            func.coalesce(counts.c.facts, 0),
            func.coalesce(reviewed.c.n, 0),
        )
        .outerjoin(owner, Bank.owner)
        .outerjoin(counts, counts.c.bank_id == Bank.id)
        .outerjoin(reviewed, reviewed.c.bank_id == Bank.id)
        .where(visible)
        .options(
            contains_eager(Bank.owner.of_type(owner)).load_only(owner.username),
        )
        .order_by(Bank.owner_id.is_not(None), Bank.created_at.desc(), Bank.id.desc())
    )


def visible_bank(session: Session, user: User | None, bank_id: int) -> Bank | None:
    """The bank if this user may see it; None otherwise (the caller answers 404).
    Its article comes along, without the text until that is read."""
    viewer = user.id if user is not None and user.is_authenticated else None
    return session.scalar(_visible_bank_statement(), {"bank": bank_id, "viewer": viewer})


@cache
def _visible_bank_statement():  # type: ignore[no-untyped-def]
    # built once: every bank, quiz and review page of a bank starts here
    return (
        select(Bank)
        .where(Bank.id == bindparam("bank"), visible_to(bindparam("viewer")))
        .options(joinedload(Bank.article).defer(Article.text))
    )


def owns(user: User | None, bank: Bank) -> bool:
    return bool(user is not None and user.is_authenticated and bank.owner_id == user.id)


def bank_questions(
    session: Session,
    bank: Bank,
    *,
    qtype: str | None = None,
    kind: str | None = None,
    include_retired: bool = False,
) -> list[Question]:
    query = select(Question).where(Question.bank_id == bank.id).order_by(Question.rank)
    if not include_retired:
        query = query.where(Question.status.in_(LIVE))
    if qtype:
        query = query.where(Question.type == qtype)
    if kind:
        query = query.where(Question.fact_kind == kind)
    return list(session.scalars(query))


def update_question(
    question: Question,
    *,
    prompt: str,
    answer: str,
    choices: list[str],
    explanation: str,
) -> None:
    prompt, answer, explanation = prompt.strip(), answer.strip(), explanation.strip()
    choices = [c.strip() for c in choices if c.strip()]
    if not prompt:
        raise EditError("The question needs a prompt.")
    if not answer:
        raise EditError("The question needs an answer.")
    if question.type == "multiple_choice":
        if len(set(choices)) != len(choices):
            raise EditError("Two choices are the same.")
        if len(choices) < 2:
            raise EditError("A multiple-choice question needs at least two choices.")
        if answer not in choices:
            raise EditError("The answer must be one of the choices.")
    elif question.type == "true_false":
        if answer not in ("True", "False"):
            raise EditError('A true/false answer is "True" or "False".')
        choices = ["True", "False"]
    else:
        choices = []
    question.prompt, question.answer = prompt, answer
    question.choices, question.explanation = choices, explanation
    question.status = QuestionStatus.EDITED


def retire_question(question: Question) -> None:
    question.status = QuestionStatus.RETIRED


def restore_question(question: Question) -> None:
    question.status = (
        QuestionStatus.EDITED if question.status == QuestionStatus.RETIRED else (question.status)
    )


def regenerate_bank(
    session: Session, bank: Bank, language_model: LanguageModel | None = None
) -> tuple[int, int, int]:
    """Generate the bank again from its article, keeping the owner's edits.

    A generated question that matches an existing one (same type, about the same span
    of the same sentence) keeps the existing row, so its history and flashcards stay. Edited and
    retired questions are never overwritten. Old generated questions that no longer
    come out are retired if someone answered or studied them, else deleted.
    Returns (added, updated, removed).
    """
    generated = generate_bank(bank.article.text, title=bank.name)
    improve_wording(generated.questions, language_model)
    existing: dict[tuple[str, str], Question] = {}
    for q in bank.questions:
        existing.setdefault(_identity(q), q)
    used: set[int] = set()
    added = updated = removed = 0
    keep: list[Question] = []
    for q in generated.questions:
        current = existing.get((q.type, q.fact_key))
        if current is not None and current.id in used:
            current = None
        if current is None:
            keep.append(to_model(q, 0))
            added += 1
            continue
        used.add(current.id)
        if current.status == QuestionStatus.ACTIVE:
            current.prompt, current.choices = q.prompt, list(q.choices)
            current.explanation, current.accepted = q.explanation, list(q.accepted)
            current.difficulty = q.difficulty
            updated += 1
        keep.append(current)
    for q in bank.questions:
        if q.id in used:
            continue
        if q.status != QuestionStatus.ACTIVE:
            keep.append(q)  # the owner's edits and retirements survive
        elif _has_history(session, q):
            q.status = QuestionStatus.RETIRED
            keep.append(q)
            removed += 1
        else:
            removed += 1
    for rank, q in enumerate(keep):
        q.rank = rank
    bank.questions = keep
    group_into_facts(bank)
    session.flush()
    return added, updated, removed


def _identity(q: Question) -> tuple[str, str]:
    """The same type of question about the same fact (the same span of the same sentence)."""
    return (q.type, q.fact_key)


def _has_history(session: Session, q: Question) -> bool:
    if q.id is None:
        return False
    answered = session.scalar(select(func.count()).where(AttemptAnswer.question_id == q.id))
    # a question of a fact someone studies stays (retired), and its fact with it
    carded = session.scalar(select(func.count()).where(Card.fact_id == q.fact_id))
    return bool(answered or carded)


def set_visibility(bank: Bank, visibility: Visibility) -> None:
    bank.visibility = visibility


@dataclass(frozen=True, slots=True)
class QuestionPage:
    """One page of a bank's questions and what the page around them needs."""

    questions: list[Question]  # in bank order: fact by fact, best fact first
    page: int  # the page shown: the one asked for, or the last one
    pages: int
    matching: int  # questions that pass the filters, on all pages
    shown_total: int  # live questions in the bank
    live_facts: int  # facts those questions ask about
    types: list[str]  # present in the bank, for the filter controls
    kinds: list[str]
    sentence_spans: set[tuple[int, int]]  # source sentences to mark in the article

    @property
    def facts(self) -> list[tuple[Fact, list[Question]]]:
        """The page's questions under their facts (a fact cut by the page's end goes
        on on the next)."""
        groups: list[tuple[Fact, list[Question]]] = []
        for q in self.questions:
            if not groups or groups[-1][0].id != q.fact_id:
                groups.append((q.fact, []))
            groups[-1][1].append(q)
        return groups


def question_page(
    session: Session,
    bank: Bank,
    *,
    qtype: str | None,
    kind: str | None,
    page: int,
    per_page: int,
    include_retired: bool,
) -> QuestionPage:
    """Only the page's questions are loaded as objects; the filters, counts and marked
    sentences come from narrow queries (a bank has hundreds of questions)."""
    in_bank = [Question.bank_id == bank.id]
    if not include_retired:
        in_bank.append(Question.status.in_(LIVE))
    present = session.execute(
        select(Question.type, Question.fact_kind).where(*in_bank).distinct()
    ).all()
    spans = {
        (start, end)
        for start, end in session.execute(
            select(Question.sentence_start, Question.sentence_end).where(*in_bank).distinct()
        )
    }
    filters = list(in_bank)
    if qtype:
        filters.append(Question.type == qtype)
    if kind:
        filters.append(Question.fact_kind == kind)
    matching = session.scalar(select(func.count()).select_from(Question).where(*filters)) or 0
    pages = max(1, -(-matching // per_page))
    page = min(max(page, 1), pages)  # past the end: the last page
    live, live_facts = session.execute(
        select(func.count(), func.count(func.distinct(Question.fact_id))).where(
            Question.bank_id == bank.id, Question.status.in_(LIVE)
        )
    ).one()
    questions = session.scalars(
        select(Question)
        .join(Fact, Fact.id == Question.fact_id)
        .where(*filters)
        .order_by(Fact.rank, Question.rank)
        .offset((page - 1) * per_page)
        .limit(per_page)
        .options(contains_eager(Question.fact))
    ).all()
    return QuestionPage(
        questions=list(questions),
        page=page,
        pages=pages,
        matching=matching,
        shown_total=live or 0,
        live_facts=live_facts or 0,
        types=[t for t in QUESTION_TYPES if any(row.type == t for row in present)],
        kinds=sorted({row.fact_kind for row in present}),
        sentence_spans=spans,
    )


def update_details(
    bank: Bank,
    user: User,
    *,
    name: str,
    publisher: str | None,
    published_on: date | None,
    source: str | None,
) -> None:
    """Rename the bank and set what it says of its article: this bank's alone, even
    where other users' banks share the article's text."""
    if not name.strip():
        raise EditError("The bank needs a title.")
    bank.name = name.strip()
    bank.publisher = (publisher or "").strip() or None
    bank.published_on = published_on
    bank.source = (source or "").strip() or None
