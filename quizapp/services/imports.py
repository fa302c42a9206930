"""Article in, bank out: the one code path behind the import page, the CLI and the seed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quizapp.domain.documents import Document, InputError
from quizapp.domain.facts import fact_key_of
from quizapp.domain.generator import generate_bank
from quizapp.domain.questions import Question as GeneratedQuestion
from quizapp.domain.text import clean_article
from quizapp.models import Article, Bank, Question, User, Visibility
from quizapp.services.facts import group_into_facts
from quizapp.services.language_model import LanguageModel, improve_wording

Progress = Callable[[int, int], None]


class DuplicateArticle(InputError):
    """The article is already here, in a bank the importer can see."""

    def __init__(self, bank: Bank) -> None:
        super().__init__(f'This article is already imported as "{bank.name}".')
        self.bank_id = bank.id


def content_hash(cleaned_text: str) -> str:
    return hashlib.sha256(cleaned_text.encode("utf-8")).hexdigest()


def stored_article(session: Session, digest: str, owner: User | None) -> Article | None:
    """The article already stored with this text, if any; DuplicateArticle when the
    importer can already see a bank of it (theirs or a public one)."""
    article = session.scalar(select(Article).where(Article.content_hash == digest))
    if article is None:
        return None
    seen = session.scalar(
        select(Bank)
        .where(Bank.article_id == article.id)
        .where(
            or_(
                Bank.visibility == Visibility.PUBLIC, Bank.owner_id == (owner.id if owner else None)
            )
        )
        .order_by(Bank.id)
    )
    if seen is not None:
        raise DuplicateArticle(seen)
    return article


def import_document(
    session: Session,
    doc: Document,
    *,
    owner: User | None,
    title: str | None = None,
    visibility: Visibility = Visibility.PRIVATE,
    progress: Progress | None = None,
    language_model: LanguageModel | None = None,
) -> Bank:
    """Store the article and a freshly generated bank for it; flush, do not commit.
    With a language model, its fill-in-the-blank questions are reworded first."""
    cleaned = clean_article(doc.text)
    digest = content_hash(cleaned)
    article = stored_article(session, digest, owner)
    generated = generate_bank(
        cleaned if article is None else article.text, title=title or doc.title, progress=progress
    )
    if not generated.questions:
        raise InputError("No questions could be made from this text: it has no facts to ask about.")
    improve_wording(generated.questions, language_model)

    def build(article: Article) -> Bank:
        bank = Bank(
            name=_clip(title or doc.title or generated.title, 300),
            article=article,
            owner=owner,
            visibility=visibility,
            publisher=_clip(doc.publisher, 200),
            published_on=_parse_date(doc.date),
            source=_clip(doc.source, 1000),
        )
        bank.questions = [to_model(q, rank) for rank, q in enumerate(generated.questions)]
        group_into_facts(bank)
        return bank

    return store_once(session, build, article, generated.text, digest, owner)


def store_once(
    session: Session,
    build: Callable[[Article], Bank],
    article: Article | None,
    text: str,
    digest: str,
    owner: User | None,
) -> Bank:
    """Flush the bank that `build` makes of `article` (None: a new article of `text`),
    unless another request stored this text in a bank the importer can see while this
    one was at work (a double-submitted form, two tabs: a long article takes seconds):
    then DuplicateArticle, the same answer as a later import."""

    def store(article: Article) -> Bank:
        bank = build(article)
        session.add(bank)
        session.flush()
        return bank

    def store_locked(article: Article) -> Bank:
        # requests storing banks of one article queue on its row (PostgreSQL; on SQLite
        # the savepoint takes the database's write lock), so each looks again only once
        # the one before has committed or given up
        with session.begin_nested():
            session.execute(select(Article.id).where(Article.id == article.id).with_for_update())
            stored_article(session, digest, owner)  # DuplicateArticle if seen now
            return store(article)

    if article is not None:
        return store_locked(article)
    try:
        with session.begin_nested():
            return store(Article(text=text, content_hash=digest, imported_by=owner))
    except IntegrityError:
        # another request stored the new text first: its unique hash collided
        article = stored_article(session, digest, owner)  # DuplicateArticle if seen
        if article is None:
            raise
        return store_locked(article)


def to_model(q: GeneratedQuestion, rank: int) -> Question:
    return Question(
        type=q.type,
        prompt=q.prompt,
        answer=q.answer,
        choices=list(q.choices),
        accepted=list(q.accepted),
        explanation=q.explanation,
        fact_kind=q.fact_kind,
        difficulty=q.difficulty,
        rank=rank,
        source_sentence=q.source_sentence,
        sentence_start=q.sentence_start,
        sentence_end=q.sentence_end,
        answer_start=q.answer_start,
        fact_key=q.fact_key,
    )


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _clip(value: str | None, length: int) -> str | None:
    return value[:length] if value else value


def import_bank_file(
    session: Session,
    data: bytes,
    filename: str,
    *,
    owner: User | None,
    title: str | None = None,
    visibility: Visibility = Visibility.PRIVATE,
) -> tuple[Bank, int]:
    """A bank exported from here or made in Anki, Quizlet or Moodle; returns the bank and
    how many items were skipped as unsupported. Its article is the questions' source
    sentences, so every question still points into a text."""
    from quizapp.interop.readers import FormatError, read_bank_file

    try:
        read = read_bank_file(data, filename)
    except FormatError as error:
        raise InputError(str(error)) from None
    if not read.questions:
        raise InputError(f"No questions could be read from this file ({read.skipped} skipped).")
    sources: list[str] = []
    for q in read.questions:
        q.source_sentence = " ".join((q.source_sentence or f"{q.prompt} {q.answer}").split())
        if q.source_sentence not in sources:
            sources.append(q.source_sentence)
    text = "\n\n".join(sources)
    name = title or read.title or filename.rsplit("/", 1)[-1]
    digest = content_hash(text)
    starts = {s: text.index(s) for s in sources}

    def build(article: Article) -> Bank:
        bank = Bank(
            name=_clip(name, 300),
            article=article,
            owner=owner,
            visibility=visibility,
            source=_clip(filename, 1000),
        )
        for rank, q in enumerate(read.questions):
            start = starts[q.source_sentence]
            at = q.source_sentence.find(q.answer)
            bank.questions.append(
                Question(
                    type=q.type,
                    prompt=q.prompt,
                    answer=q.answer,
                    choices=q.choices,
                    accepted=q.accepted,
                    explanation=q.explanation,
                    fact_kind=q.fact_kind,
                    difficulty=0.5,
                    rank=rank,
                    source_sentence=q.source_sentence,
                    sentence_start=start,
                    sentence_end=start + len(q.source_sentence),
                    answer_start=max(at, 0),
                    fact_key=q.fact_key or fact_key_of(q.source_sentence, q.answer),
                )
            )
        group_into_facts(bank)
        return bank

    article = stored_article(session, digest, owner)
    bank = store_once(session, build, article, text, digest, owner)
    return bank, read.skipped
