"""Commands that need the app and its database: import, export, banks, seed, users, tokens."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import NoReturn

import click
from flask import Flask, current_app

from quizapp.database import MAX_ID
from quizapp.domain.documents import (
    MAX_BYTES,
    InputError,
    read_document,
    read_upload,
    too_large,
)
from quizapp.extensions import db, language_model
from quizapp.interop.readers import is_bank_file
from quizapp.models import Bank, User, Visibility
from quizapp.services import accounts
from quizapp.services.banks import visible_banks
from quizapp.services.exports import FORMATS, export_bank
from quizapp.services.imports import DuplicateArticle, import_bank_file, import_document
from quizapp.services.seed import seed_builtin
from quizapp.wording import counted


def register_commands(app: Flask) -> None:
    app.cli.add_command(export_command)
    app.cli.add_command(import_command)
    app.cli.add_command(banks_command)
    app.cli.add_command(seed_command)
    app.cli.add_command(users_group)
    app.cli.add_command(tokens_group)


def _bank_file_bytes(file: click.utils.LazyFile, name: str) -> bytes:
    data = read_upload(file, name)  # type: ignore[arg-type]
    if len(data) > MAX_BYTES:
        raise too_large(len(data), MAX_BYTES, "bank file")
    return data


@click.command("import")
@click.argument("file", type=click.File("rb"))
@click.option("--title", default=None, help="Title of the bank (default: the article's).")
@click.option("--owner", default=None, help="Username of the owner (default: none).")
@click.option(
    "--public/--private",
    default=None,
    help="Who may see the bank (default: public without an owner, private with one).",
)
def import_command(
    file: click.utils.LazyFile, title: str | None, owner: str | None, public: bool | None
) -> None:
    """Import FILE (.txt, .md, .html; - for stdin) and generate its bank.

    The new bank's id is printed on the last line.
    """
    user = None
    if owner:
        user = accounts.find_user(db.session, owner)
        if user is None:
            _fail(f"no user named {owner!r}")
    if public is None:
        public = user is None
    name = getattr(file, "name", "") or ""
    visibility = Visibility.PUBLIC if public else Visibility.PRIVATE
    if is_bank_file(name):
        try:
            bank, skipped = import_bank_file(
                db.session,
                _bank_file_bytes(file, name),
                name,
                owner=user,
                title=title,
                visibility=visibility,
            )
            db.session.commit()
        except InputError as error:
            db.session.rollback()
            _fail(str(error))
        click.echo(
            f"Imported {bank.name!r}: {counted(len(bank.questions), 'question')}"
            + (f", {counted(skipped, 'unsupported item')} skipped." if skipped else ".")
        )
        click.echo(bank.id)
        return
    try:
        doc = read_document(read_upload(file, name), "" if name == "<stdin>" else name)
        with click.progressbar(
            length=100, label="Generating questions", file=sys.stderr, show_eta=False
        ) as bar:
            done = [0]

            def progress(step: int, total: int) -> None:
                pct = 100 * step // max(total, 1)
                bar.update(pct - done[0])
                done[0] = pct

            bank = import_document(
                db.session,
                doc,
                owner=user,
                title=title,
                visibility=Visibility.PUBLIC if public else Visibility.PRIVATE,
                progress=progress,
                language_model=language_model(),
            )
        db.session.commit()
    except DuplicateArticle as error:
        db.session.rollback()
        _fail(f"{error} (bank {error.bank_id})")
    except InputError as error:
        db.session.rollback()
        _fail(str(error))
    click.echo(f"Imported {bank.name!r}: {counted(len(bank.questions), 'question')}.")
    click.echo(bank.id)


@click.command("export")
@click.argument("bank_id", type=int)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    required=True,
    help="apkg (Anki), quizlet (term/definition pairs), csv/tsv (Anki), gift (Moodle), json.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    required=True,
    help="File to write ('-' for stdout).",
)
@click.option(
    "--history-of",
    "learner",
    default=None,
    metavar="USERNAME",
    help="apkg only: carry this user's flashcard schedule and review log.",
)
def export_command(bank_id: int, fmt: str, output: str, learner: str | None) -> None:
    """Write bank BANK_ID in another app's format."""
    bank = db.session.get(Bank, bank_id) if 0 < bank_id <= MAX_ID else None
    if bank is None:
        _fail(f"no bank {bank_id}")
    user = None
    if learner is not None:
        user = accounts.find_user(db.session, learner)
        if user is None:
            _fail(f"no user named {learner!r}")
    exported = export_bank(db.session, bank, fmt, user)
    if output == "-":
        click.get_binary_stream("stdout").write(exported.data)
        return
    with open(output, "wb") as f:
        f.write(exported.data)
    click.echo(f"Wrote {len(exported.data):,} bytes to {output}.")


@click.command("banks")
def banks_command() -> None:
    """List the banks: id, title, questions."""
    summaries = visible_banks(db.session, None, everything=True)
    for s in summaries:
        click.echo(f"{s.bank.id}\t{s.bank.name}\t{s.questions}")
    if not summaries:
        click.echo("No banks yet: run `quizapp seed` or `quizapp import FILE`.", err=True)


@click.command("seed")
def seed_command() -> None:
    """Import the built-in articles in seeds/ (again: changes nothing)."""
    results = seed_builtin(db.session, current_app.config["SEEDS_DIR"])
    db.session.commit()
    for name, bank in results:
        if bank is None:
            click.echo(f"{name}: already imported")
        else:
            click.echo(f"{name}: bank {bank.id}, {counted(len(bank.questions), 'question')}")


@click.group("users")
def users_group() -> None:
    """Accounts, for administrators."""


@users_group.command("create")
@click.argument("username")
def create_user_command(username: str) -> None:
    """Make the account USERNAME; the password is read from stdin.

    At a terminal it is asked for twice, hidden; from a pipe the first line is the
    password (`echo "$PASSWORD" | quizapp users create ada`), so it never shows up in
    the process list or the shell history.
    """
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        user = accounts.create_user(db.session, username, password)
        db.session.commit()
    except accounts.AccountError as error:
        db.session.rollback()
        _fail(str(error))
    click.echo(f"Created user {user.username} (id {user.id}).")


@users_group.command("list")
def list_users_command() -> None:
    """List the accounts: id, username, created."""
    for user in db.session.scalars(db.select(User).order_by(User.id)):
        click.echo(f"{user.id}\t{user.username}\t{user.created_at:%Y-%m-%d}")


@users_group.command("delete")
@click.argument("username")
@click.option("--yes", is_flag=True, help="Do not ask to confirm (for scripts).")
def delete_user_command(username: str, yes: bool) -> None:
    """Delete the account USERNAME with its banks, quizzes, flashcards and tokens."""
    user = accounts.find_user(db.session, username)
    if user is None:
        _fail(f"no user named {username!r}")
    contents = accounts.account_contents(db.session, user)
    summary = (
        f"{username}: {counted(contents.banks, 'bank')}, "
        f"{counted(contents.quizzes, 'quiz', 'quizzes')}, "
        f"{counted(contents.cards, 'flashcard')}, {counted(contents.reviews, 'review')}, "
        f"{counted(contents.tokens, 'token')}"
    )
    if contents.other_learners:
        summary += (
            f"; {counted(contents.other_learners, 'other learner')} lose their flashcards "
            "and quizzes on the shared banks"
        )
    if not yes:
        click.confirm(f"Delete {summary}?", abort=True)
    accounts.delete_account(db.session, user)
    db.session.commit()
    click.echo(f"Deleted {summary}.")


@click.group("tokens")
def tokens_group() -> None:
    """Personal API tokens, for administrators and scripts."""


@tokens_group.command("create")
@click.argument("username")
@click.option("--name", default="command line", show_default=True, help="What the token is for.")
def create_token_command(username: str, name: str) -> None:
    """Make an API token for USERNAME and print it (the only time it is shown)."""
    user = accounts.find_user(db.session, username)
    if user is None:
        _fail(f"no user named {username!r}")
    try:
        _, secret = accounts.create_token(db.session, user, name)
        db.session.commit()
    except accounts.AccountError as error:
        db.session.rollback()
        _fail(str(error))
    click.echo(secret)


@tokens_group.command("revoke")
@click.argument("username")
@click.argument("prefix")
def revoke_token_command(username: str, prefix: str) -> None:
    """Revoke USERNAME's tokens that start with PREFIX (as listed on their account page)."""
    user = accounts.find_user(db.session, username)
    if user is None:
        _fail(f"no user named {username!r}")
    now = datetime.now(UTC)
    revoked = [
        accounts.revoke_token(db.session, user, token.id, now)
        for token in accounts.user_tokens(db.session, user)
        if token.prefix.startswith(prefix) and len(prefix) >= 4
    ]
    if not revoked:
        _fail(f"{username} has no live token starting with {prefix!r} (give 4+ characters)")
    db.session.commit()
    click.echo(f"Revoked {len(revoked)} token(s).")


def _fail(message: str) -> NoReturn:
    click.echo(f"quizapp: {message}", err=True)
    sys.exit(1)
