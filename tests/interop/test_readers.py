import pytest

from quizapp.interop import anki, csv_format, gift, json_format
from quizapp.interop.readers import (
    FormatError,
    read_apkg,
    read_delimited,
    read_gift,
    read_json,
)
from tests.interop.test_formats import BANK


def same(read_questions, original=BANK.questions):
    return [(q.type, q.prompt, q.answer, q.choices) for q in read_questions] == [
        (q.type, q.prompt, q.answer, q.choices) for q in original
    ]


def test_json_round_trip():
    read = read_json(json_format.dump(BANK))
    assert read.title == "Solar {farm}" and read.skipped == 0
    assert same(read.questions)
    assert read.questions[2].accepted == ["Lindqvist"]


def test_csv_and_tsv_round_trip():
    for delimiter in (",", "\t"):
        read = read_delimited(csv_format.dump(BANK, delimiter=delimiter), delimiter)
        assert same(read.questions)
        assert read.questions[0].source_sentence == "It cost $420m."


def test_csv_and_tsv_keep_which_questions_ask_about_one_fact():
    from dataclasses import replace

    keyed = replace(
        BANK,
        questions=[replace(q, fact_key=f"k{i // 2}") for i, q in enumerate(BANK.questions)],
    )
    for delimiter in (",", "\t"):
        read = read_delimited(csv_format.dump(keyed, delimiter=delimiter), delimiter)
        assert [q.fact_key for q in read.questions] == [q.fact_key for q in keyed.questions]


def test_csv_guarded_formulas_read_back_as_written():
    from tests.interop.test_formats import FORMULAS

    for delimiter in (",", "\t"):
        read = read_delimited(csv_format.dump(FORMULAS, delimiter=delimiter), delimiter)
        q = read.questions[0]
        assert q.prompt == FORMULAS.questions[0].prompt
        assert q.answer == "@SUM(1+1)"
        assert q.choices == ["-2+3", "+cmd /C calc", "-5", "+3.2%", "-1,000"]
    # an apostrophe that guards nothing is the author's own
    assert read_delimited("'tis the season,'twas\n").questions[0].prompt == "'tis the season"


def test_a_plain_quizlet_export_becomes_short_answers():
    read = read_delimited("mitochondria\tpowerhouse of the cell\nATP\tenergy currency\n")
    assert [(q.type, q.prompt, q.answer) for q in read.questions] == [
        ("short_answer", "mitochondria", "powerhouse of the cell"),
        ("short_answer", "ATP", "energy currency"),
    ]


def test_gift_round_trip_keeps_each_type():
    read = read_gift(gift.dump(BANK))
    assert read.title == "Solar {farm}"
    types = [q.type for q in read.questions]
    assert types == ["multiple_choice", "true_false", "cloze", "short_answer"]
    assert read.questions[0].prompt == "What did it cost: _____?"
    assert read.questions[0].choices == ["$210m", "$420m", "$630m", "$840m"]
    assert read.questions[2].prompt == "Fill in the blank: Chief executive _____ said so."
    assert read.questions[2].accepted == ["Lindqvist"]
    assert read.questions[3].prompt == "Who said 1=1: yes?"


def test_gift_items_we_do_not_support_are_counted():
    text = (
        "::Q1::2 + 2 = ? {#4}\n\n"
        "::Q2::Match {=a -> 1 =b -> 2}\n\n"
        "::Q3::Write an essay {}\n\n"
        "::Q4::Capital of France? {=Paris =paris}\n"
    )
    read = read_gift(text)
    assert [q.answer for q in read.questions] == ["Paris"]
    assert read.skipped == 3


def test_apkg_round_trip():
    read = read_apkg(anki.dump(BANK))
    assert read.title == "Solar {farm}"
    by_type = {q.type: q for q in read.questions}
    assert by_type["cloze"].prompt == "Fill in the blank: Chief executive _____ said so."
    assert by_type["cloze"].answer == "Maria Lindqvist"
    assert by_type["multiple_choice"].choices == ["$210m", "$420m", "$630m", "$840m"]
    assert len(read.questions) == 4


@pytest.mark.parametrize(
    ("reader", "data", "message"),
    [
        (read_json, "{not json", "malformed"),
        (read_json, '{"title": "x"}', "no list of questions"),
        (read_json, "[" * 100_000 + "]" * 100_000, "nested too deeply"),
        (read_delimited, "\n\n", "no rows"),
        (read_gift, "// only a comment\n", "No GIFT questions"),
        (read_apkg, b"PK not really", "not an Anki package"),
    ],
)
def test_malformed_files_get_a_clear_message(reader, data, message):
    with pytest.raises(FormatError, match=message):
        reader(data)


NOTE = (1, "front\x1fback")  # a note of model 1: two fields


def _apkg(models: str = "{}", decks: str = "{}", notes=(), raw: bytes | None = None) -> bytes:  # type: ignore[no-untyped-def]
    """An .apkg whose collection holds exactly what a hostile file says."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "collection.anki2", _collection(models, decks, notes) if raw is None else raw
        )
    return buffer.getvalue()


def _collection(models: str, decks: str, notes) -> bytes:  # type: ignore[no-untyped-def]
    import sqlite3
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki2"
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE col (models TEXT, decks TEXT)")
        db.execute("INSERT INTO col VALUES (?, ?)", (models, decks))
        db.execute("CREATE TABLE notes (id INTEGER, mid, flds)")
        rows = [(i, mid, fields) for i, (mid, fields) in enumerate(notes)]
        db.executemany("INSERT INTO notes VALUES (?, ?, ?)", rows)
        db.commit()
        db.close()
        return path.read_bytes()


@pytest.mark.parametrize(
    ("reader", "data", "message"),
    [
        (read_apkg, _apkg(decks="[1, 2]"), "could not be read"),
        (read_apkg, _apkg(decks='{"1": 5}'), "could not be read"),
        (read_apkg, _apkg(models='{"1": {"flds": 5}}', notes=[NOTE]), "could not be read"),
        (read_apkg, _apkg(models='{"1": {"flds": [5]}}', notes=[NOTE]), "could not be read"),
        (read_apkg, _apkg(models='{"1": {}}', notes=[(1, None)]), "could not be read"),
        (read_apkg, _apkg(models="[" * 100_000), "could not be read"),
        (read_apkg, _apkg(raw=b"not a database"), "could not be read"),
        (read_delimited, '"' + "a" * 200_000 + '",b\n', "could not be read as CSV"),
    ],
    ids=["decks a list", "a deck a number", "fields a number", "a field a number",
         "a note without fields", "JSON 100,000 deep", "not SQLite", "a 200 kB CSV field"],
)  # fmt: skip
def test_hostile_files_get_a_clear_message_not_a_crash(reader, data, message):
    with pytest.raises(FormatError, match=message):
        reader(data)


def test_an_apkg_that_inflates_past_the_limit_is_refused_unread(monkeypatch):
    import io
    import zipfile

    from quizapp.interop import readers

    monkeypatch.setattr(readers, "MAX_COLLECTION_BYTES", 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", bytes(2 * 1024 * 1024))  # 2 kB packed
    with pytest.raises(FormatError, match="inflates to over 1 MB"):
        read_apkg(buffer.getvalue())


def test_gift_braces_without_an_end_are_read_in_linear_time():
    """One regex tried every { in turn: 50,000 of them took 30 s. A bound far above
    the fixed time (milliseconds) and far below the old one tells them apart."""
    import time

    started = time.perf_counter()
    read = read_gift("Q " + "{" * 50_000)
    assert time.perf_counter() - started < 5
    assert read.questions == []  # a question with no answer block is no question


def test_an_anki_fact_note_comes_back_as_its_forms_of_one_fact():
    from tests.interop.test_anki import facts_bank

    bank = facts_bank()
    read = read_apkg(anki.dump(bank))
    assert sorted((q.type, q.prompt, q.answer) for q in read.questions) == sorted(
        (q.type, q.prompt, q.answer) for q in bank.questions
    )
    keys = {q.type: q.fact_key for q in read.questions}
    assert keys["multiple_choice"] == keys["true_false"] == keys["cloze"] != keys["short_answer"]
