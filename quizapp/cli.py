"""The `quizapp` command: Flask's CLI group (run, routes, db, ...) plus quizapp's own."""

from __future__ import annotations

import json
import sys

import click
from flask.cli import FlaskGroup

from quizapp.config import language_model_settings
from quizapp.domain.documents import InputError, read_document, read_upload
from quizapp.domain.generator import generate_bank
from quizapp.domain.questions import QUESTION_TYPES
from quizapp.services import language_model


def _create_app():  # type: ignore[no-untyped-def]
    from quizapp import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app)
def main() -> None:
    """quizapp: turn an article into a question bank."""


@main.command("generate", with_appcontext=False)  # no app, no database: just the text
@click.argument("file", type=click.File("rb"))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="JSON for programs, text for people.",
)
@click.option(
    "--types",
    default=",".join(QUESTION_TYPES),
    show_default=True,
    help="Comma-separated question types to include.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="At most this many questions (the best first).",
)
@click.option("--title", default=None, help="Title of the bank (default: the headline).")
def generate_command(
    file: click.utils.LazyFile, fmt: str, types: str, limit: int | None, title: str | None
) -> None:
    """Write a question bank for FILE (.txt, .md, .html; - for stdin) to stdout.

    Touches no database. With QUIZAPP_LLM_URL and QUIZAPP_LLM_MODEL set, a language
    model rewords fill-in-the-blank questions, as imports do.
    """
    wanted = [t.strip() for t in types.split(",") if t.strip()]
    unknown = sorted(set(wanted) - set(QUESTION_TYPES))
    if unknown or not wanted:
        raise click.UsageError(
            f"unknown question type(s): {', '.join(unknown) or '(none given)'}; "
            f"choose from {', '.join(QUESTION_TYPES)}"
        )
    name = getattr(file, "name", "") or ""
    try:
        # one byte past the limit is enough to refuse a 50 MB file without reading it all
        doc = read_document(read_upload(file, name), name if name != "<stdin>" else "")
    except InputError as error:
        click.echo(f"quizapp generate: {error}", err=True)
        sys.exit(1)
    try:
        model = language_model.from_config(language_model_settings())
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    bank = generate_bank(doc.text, title=title or doc.title, types=wanted, limit=limit)
    if not bank.questions:
        click.echo("quizapp generate: no questions could be made from this text.", err=True)
        sys.exit(1)
    language_model.improve_wording(bank.questions, model)
    source = doc.source or (name if name and name != "<stdin>" else None)
    if fmt == "json":
        click.echo(json.dumps(bank.to_dict(source=source), ensure_ascii=False, indent=2))
        return
    click.echo(bank.title)
    click.echo("=" * len(bank.title))
    for n, q in enumerate(bank.questions, 1):
        click.echo(f"\n{n}. [{q.type.replace('_', ' ')}] {q.prompt}")
        for letter, choice in zip("ABCD", q.choices, strict=False):
            if q.type == "multiple_choice":
                click.echo(f"   {letter}) {choice}")
        click.echo(f"   Answer: {q.answer}")
