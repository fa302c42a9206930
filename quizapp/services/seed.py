"""The built-in bank: the articles in seeds/, imported once, public, owned by nobody."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from quizapp.domain.documents import read_document
from quizapp.models import Bank, Visibility
from quizapp.services.imports import DuplicateArticle, import_document

SEED_SUFFIXES = (".txt", ".md", ".html")


def seed_builtin(session: Session, seeds_dir: str | Path) -> list[tuple[str, Bank | None]]:
    """Import every seed article not imported yet. Running it again changes nothing.

    Returns (file name, new bank or None when it was already there) per seed file.
    """
    results: list[tuple[str, Bank | None]] = []
    for path in sorted(Path(seeds_dir).iterdir()):
        if path.suffix.lower() not in SEED_SUFFIXES:
            continue
        doc = read_document(path.read_bytes(), path.name)
        try:
            bank = import_document(session, doc, owner=None, visibility=Visibility.PUBLIC)
        except DuplicateArticle:
            results.append((path.name, None))
            continue
        results.append((path.name, bank))
    return results
