"""Anki .apkg through genanki: a deck named after the bank; one note per fact, with
one card per form it is asked in (Anki buries a note's sibling cards, so a fact comes
up once a day); a fact of one question is a note of its own type (real Cloze notes for
cloze questions); GUIDs stable per fact or question, so that re-importing updates
notes instead of duplicating them."""

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
FACT_MODEL_ID = 1_607_392_321
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


# a fact note's forms: (question type, its field's name), in card order
FORMS = (
    ("multiple_choice", "Multiple choice"),
    ("true_false", "True or false"),
    ("cloze", "Fill in the blank"),
    ("short_answer", "Short answer"),
)
_SOURCE = "<div class=source>{{Source}}<br>{{Article}}</div>"


def _form_template(name: str) -> dict[str, str]:
    # an empty prompt field renders an empty front: Anki makes no card of that form
    choices = "{{#Choices}}<br><br>{{Choices}}{{/Choices}}" if name == "Multiple choice" else ""
    return {
        "name": name,
        "qfmt": f"{{{{#{name}}}}}{{{{{name}}}}}{choices}{{{{/{name}}}}}",
        "afmt": f"{{{{FrontSide}}}}<hr id=answer>{{{{{name} answer}}}}<br><br>{_SOURCE}",
    }


FACT_MODEL = genanki.Model(
    FACT_MODEL_ID,
    "quizapp fact",
    fields=[{"name": n} for _, form in FORMS for n in (form, f"{form} answer")]
    + [{"name": n} for n in ("Choices", "Explanation", "Source", "Article")],
    templates=[_form_template(form) for _, form in FORMS],
    css=_STYLE,
)


def guid(question_id: int) -> str:
    return genanki.guid_for("quizapp", question_id)


def fact_guid(fact_id: int) -> str:
    return genanki.guid_for("quizapp-fact", fact_id)


def fact_note(questions: list[ExportQuestion], article: str) -> genanki.Note:
    """One note of a fact's questions, at most one of each type."""
    e = html.escape
    by_type = {q.type: q for q in questions}
    fields: list[str] = []
    for qtype, _ in FORMS:
        q = by_type.get(qtype)
        fields += [e(q.prompt), e(q.answer)] if q is not None else ["", ""]
    mcq = by_type.get("multiple_choice")
    first = questions[0]
    fields += [
        "<br>".join(e(c) for c in mcq.choices) if mcq is not None else "",
        e(first.explanation),
        e(first.source_sentence),
        article,
    ]
    return genanki.Note(model=FACT_MODEL, fields=fields, guid=fact_guid(first.fact_id))


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
    guids: dict[int, str] = {}
    for group in _notes_of(bank.questions):
        made = fact_note(group, article) if len(group) > 1 else note(group[0], article)
        deck.add_note(made)
        guids.update((q.id, made.guid) for q in group)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path))
        package = path.read_bytes()
    return add_history(package, bank.questions, guids.__getitem__)


def _notes_of(questions: list[ExportQuestion]) -> list[list[ExportQuestion]]:
    """The questions as notes: a fact's questions together, one of each type (a second
    question of a type it already has is a note of its own), in bank order."""
    notes: list[list[ExportQuestion]] = []
    of_fact: dict[int, list[ExportQuestion]] = {}
    for q in questions:
        group = of_fact.get(q.fact_id) if q.fact_id else None
        if group is not None and all(other.type != q.type for other in group):
            group.append(q)
            continue
        notes.append([q])
        if q.fact_id and group is None:
            of_fact[q.fact_id] = notes[-1]
    return notes
