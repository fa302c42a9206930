"""Banks and their questions; POST /articles makes a new bank from text."""

from __future__ import annotations

from flask import request
from sqlalchemy import func, select

from quizapp.api import PUBLIC, SIGNED_IN, bp, responses, spec
from quizapp.api.auth import optional_user, required_user, visible_bank_or_404
from quizapp.api.errors import ApiError
from quizapp.api.outputs import bank_out, question_out
from quizapp.api.schemas import ArticleIn, BankList, BankOut, QuestionPage, QuestionQuery
from quizapp.domain.documents import InputError, read_document
from quizapp.extensions import db, language_model
from quizapp.models import Bank, Question, Visibility
from quizapp.services import banks as bank_service
from quizapp.services.imports import DuplicateArticle, import_document


def _live_count(bank: Bank) -> int:
    return (
        db.session.scalar(
            select(func.count())
            .select_from(Question)
            .where(Question.bank_id == bank.id, Question.status.in_(bank_service.LIVE))
        )
        or 0
    )


@bp.get("/banks")
@spec.validate(
    operation_id="listBanks", resp=responses(200, BankList), tags=["banks"], security=PUBLIC
)
def list_banks() -> BankList:
    """The banks you may study: built-in and public ones, and your own."""
    user = optional_user()
    summaries = bank_service.visible_banks(db.session, user)
    return BankList(banks=[bank_out(s.bank, s.questions, user) for s in summaries])


@bp.get("/banks/<int:bank_id>")
@spec.validate(
    operation_id="getBank", resp=responses(200, BankOut, 404), tags=["banks"], security=PUBLIC
)
def get_bank(bank_id: int) -> BankOut:
    """One bank and its article."""
    user = optional_user()
    bank = visible_bank_or_404(bank_id, user)
    return bank_out(bank, _live_count(bank), user)


@bp.get("/banks/<int:bank_id>/questions")
@spec.validate(
    operation_id="listQuestions",
    query=QuestionQuery,
    resp=responses(200, QuestionPage, 404),
    tags=["banks"],
    security=PUBLIC,
)
def list_questions(bank_id: int) -> QuestionPage:
    """The bank's questions in its order (best first), with answers and source sentences."""
    bank = visible_bank_or_404(bank_id, optional_user())
    query: QuestionQuery = request.context.query  # type: ignore[attr-defined]
    questions = bank_service.bank_questions(db.session, bank, qtype=query.type)
    page = questions[query.offset : query.offset + query.limit]
    return QuestionPage(
        bank_id=bank.id,
        total=len(questions),
        offset=query.offset,
        limit=query.limit,
        questions=[question_out(q) for q in page],
    )


@bp.post("/articles")
@spec.validate(
    operation_id="createArticle",
    json=ArticleIn,
    resp=responses(201, BankOut, 409),
    tags=["banks"],
    security=SIGNED_IN,
)
def create_article() -> tuple[BankOut, int]:
    """Article text in, a new bank out (201). 409 when you already have this article,
    422 when the text cannot become a bank (too short, not English, no facts)."""
    user = required_user()
    body: ArticleIn = request.context.json  # type: ignore[attr-defined]
    try:
        # the same reader as the paste box: HTML is recognised and cleaned, limits apply
        doc = read_document(body.text.encode("utf-8"), "")
        bank = import_document(
            db.session,
            doc,
            owner=user,
            title=(body.title or "").strip() or None,
            visibility=Visibility(body.visibility),
            language_model=language_model(),
        )
        db.session.commit()
    except DuplicateArticle as error:
        db.session.rollback()
        raise ApiError(409, f"{error} Its bank id is {error.bank_id}.", "duplicate") from None
    except InputError as error:
        db.session.rollback()
        raise ApiError(422, str(error), "unusable_article") from None
    return bank_out(bank, len(bank.questions), user), 201
