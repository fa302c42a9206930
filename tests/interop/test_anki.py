"""Exported decks opened by the official Anki library: notes, cloze cards and fields."""

from pathlib import Path

import pytest

from quizapp.interop import anki as anki_export
from tests.interop.test_formats import BANK


def open_in_anki(apkg: bytes, tmp_path: Path, *, with_scheduling: bool = False):  # type: ignore[no-untyped-def]
    """The deck imported by the official anki library into a fresh collection."""
    collection_module = pytest.importorskip("anki.collection")
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    path = tmp_path / "deck.apkg"
    path.write_bytes(apkg)
    col = collection_module.Collection(str(tmp_path / "collection.anki2"))
    col.import_anki_package(
        ImportAnkiPackageRequest(
            package_path=str(path),
            options=ImportAnkiPackageOptions(with_scheduling=with_scheduling),
        )
    )
    return col


def test_anki_opens_the_deck_with_its_notes_and_cloze_cards(tmp_path):
    col = open_in_anki(anki_export.dump(BANK), tmp_path)
    try:
        assert "Solar {farm}" in [d.name for d in col.decks.all_names_and_ids()]
        notes = [col.get_note(nid) for nid in col.find_notes("")]
        assert len(notes) == 4
        by_model = {n.note_type()["name"]: n for n in notes}
        cloze = by_model["quizapp cloze"]
        assert cloze["Text"] == "Chief executive {{c1::Maria Lindqvist}} said so."
        assert len(col.find_cards('"note:quizapp cloze"')) == 1
        mcq = next(
            n
            for n in notes
            if n.note_type()["name"] == "quizapp question" and n["Answer"] == "$420m"
        )
        assert mcq["Choices"] == "$210m<br>$420m<br>$630m<br>$840m"
        assert mcq["Source"] == "It cost $420m."
        assert mcq.guid == anki_export.guid(1)
    finally:
        col.close()


def test_reimporting_updates_instead_of_duplicating(tmp_path):
    first = anki_export.dump(BANK)
    col = open_in_anki(first, tmp_path)
    col.close()
    from anki.collection import Collection
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    path = tmp_path / "again.apkg"
    path.write_bytes(anki_export.dump(BANK))
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        col.import_anki_package(
            ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
        )
        assert len(col.find_notes("")) == 4
    finally:
        col.close()


def test_fields_are_html_escaped():
    q = BANK.questions[3]
    hostile = type(q)(9, "short_answer", "<b>Who</b>?", "<i>x</i>", source_sentence="<script>")
    note = anki_export.note(hostile, "A")
    assert note.fields[0] == "&lt;b&gt;Who&lt;/b&gt;?" and note.fields[4] == "&lt;script&gt;"


def facts_bank():  # type: ignore[no-untyped-def]
    """BANK with its first three questions forms of one fact (say, the farm's cost)."""
    from dataclasses import replace

    return replace(
        BANK,
        questions=[
            replace(q, fact_id=10 if q.id <= 3 else 11, fact_key=f"k{min(q.id, 4)}")
            for q in BANK.questions
        ],
    )


def test_a_fact_is_one_note_with_a_card_for_each_form(tmp_path):
    col = open_in_anki(anki_export.dump(facts_bank()), tmp_path)
    try:
        assert len(col.find_notes("")) == 2
        fact = col.get_note(col.find_notes('"note:quizapp fact"')[0])
        assert fact.guid == anki_export.fact_guid(10)
        assert fact["Multiple choice answer"] == "$420m"
        assert fact["Fill in the blank"] == "Fill in the blank: Chief executive _____ said so."
        assert fact["Short answer"] == ""
        cards = [col.get_card(c) for c in col.find_cards('"note:quizapp fact"')]
        assert sorted(c.template()["name"] for c in cards) == [
            "Fill in the blank",
            "Multiple choice",
            "True or false",
        ]
    finally:
        col.close()
