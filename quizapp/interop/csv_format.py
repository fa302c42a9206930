"""CSV and TSV in the shape Anki imports: term, definition, then our columns; and the
plain term/definition pairs that Quizlet's import takes."""

from __future__ import annotations

import csv
import io
import re

from quizapp.interop import ExportBank

# "fact": the questions of one fact share it (their sentence and answer span), so that
# an import makes them one fact again, with one flashcard
HEADER = ["term", "definition", "type", "choices", "source", "fact"]
CHOICE_SEPARATOR = " | "

# A cell that starts like a formula (OWASP's list: = + - @, a tab or a carriage return)
# would run as one when the file is opened in a spreadsheet, and a bank's text comes
# from whoever wrote the article: "=HYPERLINK(...)" is a phishing link there. Such a
# cell is written with a leading apostrophe, which spreadsheets show as text and
# `unguarded` takes off again on import. Plain numbers ("-5", "+3.2%") stay as they are.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d[\d.,]*%?")


def _runs_as_formula(cell: str) -> bool:
    return cell.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(cell)


def guarded(cell: str) -> str:
    return "'" + cell if _runs_as_formula(cell) else cell


def unguarded(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _runs_as_formula(cell[1:]) else cell


def dump(bank: ExportBank, *, delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    for q in bank.questions:
        # one line per card: a tab or newline inside a field would break TSV readers
        cells = [
            q.prompt,
            q.answer,
            q.type,
            CHOICE_SEPARATOR.join(q.choices),
            q.source_sentence,
            q.fact_key,
        ]
        if delimiter == "\t":
            cells = [c.replace("\t", " ").replace("\n", " ") for c in cells]
        writer.writerow([guarded(c) for c in cells])
    return out.getvalue()


def dump_pairs(bank: ExportBank) -> str:
    """One card a line, term and definition split by a tab, no header: the shape
    Quizlet's import reads by default (it would take a header, or a third column, for a
    card of its own or for part of the definition)."""
    lines = []
    for q in bank.questions:
        term, definition = (" ".join(c.split()) for c in (q.prompt, q.answer))
        lines.append(f"{guarded(term)}\t{guarded(definition)}\n")
    return "".join(lines)
