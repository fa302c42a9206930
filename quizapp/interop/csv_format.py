"""CSV and TSV in the shape Quizlet and Anki import: term, definition, then our columns."""

from __future__ import annotations

import csv
import io

from quizapp.interop import ExportBank

HEADER = ["term", "definition", "type", "choices", "source"]
CHOICE_SEPARATOR = " | "


def dump(bank: ExportBank, *, delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    for q in bank.questions:
        # one line per card: a tab or newline inside a field would break TSV readers
        cells = [q.prompt, q.answer, q.type, CHOICE_SEPARATOR.join(q.choices), q.source_sentence]
        if delimiter == "\t":
            cells = [c.replace("\t", " ").replace("\n", " ") for c in cells]
        writer.writerow(cells)
    return out.getvalue()
