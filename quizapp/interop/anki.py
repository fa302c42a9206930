"""Anki .apkg through genanki: a deck named after the bank, a note type with the
question's fields, real Cloze notes for cloze questions, and GUIDs stable per question
so that re-importing updates notes instead of duplicating them."""

from __future__ import annotations

import html
import tempfile
import zlib
from pathlib import Path

import genanki

from quizapp.interop import ExportBank, ExportQuestion
from quizapp.interop.anki_history import add_history

BLANK = "_____"
# fixed ids: Anki matches note types by id, so every export uses the same two
QUESTION_MODEL_ID = 1_607_392_319
CLOZE_MODEL_ID = 1_607_392_320
_STYLE = (
    ".card { font-family: sans-serif; font-size: 20px; } .source { color: #666; font-size: 16px; }"
)

QUESTION_MODEL = genanki.Model(
    QUESTION_MODEL_ID,
    "quizapp question",
    # "Type" is not shown on the card; it lets a deck come back as the same question types
    fields=[
        {"name": n}
        for n in ("Question", "Answer", "Choices", "Explanation", "Source", "Article", "Type")
    ],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Question}}{{#Choices}}<br><br>{{Choices}}{{/Choices}}",
            "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}<br><br>"
            "<div class=source>{{Source}}<br>{{Article}}</div>",
        }
    ],
    css=_STYLE,
)
CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID,
    "quizapp cloze",
    fields=[{"name": "Text"}, {"name": "Source"}, {"name": "Article"}],
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": "{{cloze:Text}}<br><br><div class=source>{{Source}}<br>{{Article}}</div>",
        }
    ],
    css=_STYLE,
    model_type=genanki.Model.CLOZE,
)


def guid(question_id: int) -> str:
    return genanki.guid_for("quizapp", question_id)


def note(q: ExportQuestion, article: str) -> genanki.Note:
    e = html.escape
    if q.type == "cloze" and BLANK in q.prompt:
        before, _, after = q.prompt.removeprefix("Fill in the blank: ").partition(BLANK)
        # "::" and "}}" in the answer would end the cloze early
        answer = e(q.answer).replace("::", ": :").replace("}}", "} }")
        text = f"{e(before)}{{{{c1::{answer}}}}}{e(after)}"
        return genanki.Note(
            model=CLOZE_MODEL, fields=[text, e(q.source_sentence), article], guid=guid(q.id)
        )
    choices = "<br>".join(e(c) for c in q.choices) if q.type == "multiple_choice" else ""
    return genanki.Note(
        model=QUESTION_MODEL,
        fields=[
            e(q.prompt),
            e(q.answer),
            choices,
            e(q.explanation),
            e(q.source_sentence),
            article,
            q.type,
        ],
        guid=guid(q.id),
    )


def dump(bank: ExportBank) -> bytes:
    deck = genanki.Deck(zlib.crc32(f"quizapp-bank-{bank.id}".encode()) & 0x7FFFFFFF, bank.title)
    article = html.escape(bank.title) + (f" — {html.escape(bank.source)}" if bank.source else "")
    for q in bank.questions:
        deck.add_note(note(q, article))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path))
        package = path.read_bytes()
    return add_history(package, bank.questions, guid)
