import csv
import io
import json

from quizapp.interop import ExportBank, ExportQuestion, csv_format, gift, json_format

BANK = ExportBank(
    7,
    "Solar {farm}",
    "https://news.example/solar",
    [
        ExportQuestion(
            1,
            "multiple_choice",
            "What did it cost: _____?",
            "$420m",
            ["$210m", "$420m", "$630m", "$840m"],
            source_sentence="It cost $420m.",
        ),
        ExportQuestion(
            2,
            "true_false",
            "True or false? It opened in 2017.",
            "False",
            ["True", "False"],
            source_sentence="It opened in 2021.",
        ),
        ExportQuestion(
            3,
            "cloze",
            "Fill in the blank: Chief executive _____ said so.",
            "Maria Lindqvist",
            accepted=["Lindqvist"],
            source_sentence="Chief executive Maria Lindqvist said so.",
        ),
        ExportQuestion(
            4,
            "short_answer",
            "Who said 1=1: yes?",
            "Tomas Berg",
            source_sentence="Tomas Berg said 1=1: yes.",
        ),
    ],
)


def test_json_has_ids_and_the_generate_fields():
    data = json.loads(json_format.dump(BANK))
    assert data["id"] == 7 and data["title"] == "Solar {farm}"
    assert [q["id"] for q in data["questions"]] == [1, 2, 3, 4]
    assert set(data["questions"][0]) >= {
        "type",
        "prompt",
        "answer",
        "choices",
        "explanation",
        "source_sentence",
        "fact_kind",
        "difficulty",
    }


def test_csv_and_tsv_read_back_with_a_header():
    for delimiter in (",", "\t"):
        rows = list(
            csv.DictReader(
                io.StringIO(csv_format.dump(BANK, delimiter=delimiter)), delimiter=delimiter
            )
        )
        assert [r["term"] for r in rows] == [q.prompt for q in BANK.questions]
        assert rows[0]["definition"] == "$420m"
        assert rows[0]["choices"] == "$210m | $420m | $630m | $840m"
        assert rows[2]["source"] == "Chief executive Maria Lindqvist said so."


FORMULAS = ExportBank(
    8,
    "Formulas",
    None,
    [
        ExportQuestion(
            1,
            "short_answer",
            '=HYPERLINK("https://evil.example","Click")',
            "@SUM(1+1)",
            ["-2+3", "+cmd /C calc", "-5", "+3.2%", "-1,000"],
            source_sentence="\tTab first.",
        ),
    ],
)


def test_cells_that_would_run_as_spreadsheet_formulas_are_written_as_text():
    for delimiter in (",", "\t"):
        row = next(
            csv.DictReader(
                io.StringIO(csv_format.dump(FORMULAS, delimiter=delimiter)), delimiter=delimiter
            )
        )
        assert row["term"] == '\'=HYPERLINK("https://evil.example","Click")'
        assert row["definition"] == "'@SUM(1+1)"
        # the choices cell starts with "-2+3": a formula; numbers alone stay numbers
        assert row["choices"].startswith("'-2+3 | +cmd")
        assert [csv_format.guarded(n) for n in ("-5", "+3.2%", "-1,000")] == [
            "-5",
            "+3.2%",
            "-1,000",
        ]
    assert csv_format.dump(FORMULAS).splitlines()[1].endswith(",'\tTab first.,")


def test_gift_escapes_special_characters_and_writes_each_type():
    text = gift.dump(BANK)
    assert (
        "::Q1::What did it cost\\: _____? {~$210m =$420m ~$630m ~$840m####It cost $420m.}" in text
    )
    assert "::Q2::True or false? It opened in 2017. {F####" in text
    assert "::Q3::Chief executive {=Maria Lindqvist =Lindqvist####" in text
    assert "} said so." in text
    assert "::Q4::Who said 1\\=1\\: yes? {=Tomas Berg####Tomas Berg said 1\\=1\\: yes.}" in text
    assert "Solar \\{farm\\}" in text
