"""Reading banks made elsewhere: our JSON, CSV/TSV (Quizlet, Anki), Moodle GIFT, Anki .apkg.

Each reader returns the questions it understood and how many items it skipped;
a file it cannot read at all raises FormatError with a message for the user.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizapp.interop.csv_format import CHOICE_SEPARATOR, unguarded
from quizapp.interop.gift import BLANK

TYPES = ("multiple_choice", "true_false", "cloze", "short_answer")


# an .apkg's collection may inflate to this much; the decks quizapp writes are far smaller
MAX_COLLECTION_BYTES = 100 * 1024 * 1024


class FormatError(ValueError):
    """The file is not a readable bank; str(error) says why."""


@dataclass(slots=True)
class ReadQuestion:
    type: str
    prompt: str
    answer: str
    choices: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    explanation: str = ""
    source_sentence: str = ""
    fact_kind: str = "other"
    fact_key: str = ""  # when the file says which questions ask about one fact


@dataclass(slots=True)
class ReadBank:
    title: str | None
    questions: list[ReadQuestion]
    skipped: int = 0


def valid(q: ReadQuestion) -> bool:
    if q.type not in TYPES or not q.prompt.strip() or not q.answer.strip():
        return False
    if q.type == "multiple_choice":
        return len(q.choices) >= 2 and q.choices.count(q.answer) == 1
    if q.type == "true_false":
        return q.answer in ("True", "False")
    return True


def _collect(title: str | None, items: list[ReadQuestion | None]) -> ReadBank:
    good = [q for q in items if q is not None and valid(q)]
    return ReadBank(title, good, len(items) - len(good))


# ---- JSON -------------------------------------------------------------------------


def read_json(text: str) -> ReadBank:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(f"The JSON is malformed (line {error.lineno}).") from None
    except RecursionError:  # [[[[... thousands deep: the parser recurses per level
        raise FormatError("The JSON is nested too deeply to be a question bank.") from None
    items = data.get("questions") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise FormatError('The JSON has no list of questions (expected {"questions": [...]}).')
    out: list[ReadQuestion | None] = []
    for item in items:
        if not isinstance(item, dict):
            out.append(None)
            continue
        out.append(
            ReadQuestion(
                type=str(item.get("type", "")),
                prompt=str(item.get("prompt", "")),
                answer=str(item.get("answer", "")),
                choices=[str(c) for c in item.get("choices") or []],
                accepted=[str(a) for a in item.get("accepted") or []],
                explanation=str(item.get("explanation") or ""),
                source_sentence=str(item.get("source_sentence") or ""),
                fact_kind=str(item.get("fact_kind") or "other")[:16],
                fact_key=str(item.get("fact_key") or "")[:40],
            )
        )
    title = data.get("title") if isinstance(data, dict) else None
    return _collect(str(title) if title else None, out)


# ---- CSV / TSV --------------------------------------------------------------------


def read_delimited(text: str, delimiter: str | None = None) -> ReadBank:
    if delimiter is None:
        delimiter = "\t" if text.split("\n", 1)[0].count("\t") else ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as error:  # a field over csv's 128 kB limit, a NUL, ...
        raise FormatError(f"The file could not be read as CSV ({error}).") from None
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise FormatError("The file has no rows.")
    header = [c.strip().lower() for c in rows[0]]
    if header[:2] == ["term", "definition"]:
        rows = rows[1:]
    else:
        header = ["term", "definition", "type", "choices", "source", "fact"][: len(rows[0])]
    if len(header) < 2:
        raise FormatError("Each row needs at least two columns: term and definition.")
    out: list[ReadQuestion | None] = []
    for row in rows:
        cell = dict(zip(header, [unguarded(c.strip()) for c in row], strict=False))
        qtype = cell.get("type") or "short_answer"
        choices = [
            c for c in (cell.get("choices") or "").split(CHOICE_SEPARATOR.strip()) if c.strip()
        ]
        out.append(
            ReadQuestion(
                type=qtype,
                prompt=cell.get("term", ""),
                answer=cell.get("definition", ""),
                choices=[c.strip() for c in choices],
                source_sentence=cell.get("source", ""),
                fact_key=(cell.get("fact") or "")[:40],
            )
        )
    return _collect(None, out)


# ---- GIFT -------------------------------------------------------------------------

_GIFT_ESCAPE = re.compile(r"\\([~=#{}:\\])")
_GIFT_OPEN = re.compile(r"(?<!\\)\{")
_GIFT_CLOSE = re.compile(r"(?<!\\)\}")


def _unescape(text: str) -> str:
    return _GIFT_ESCAPE.sub(r"\1", text).strip()


def _split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """'=a ~b' -> [('=', 'a'), ('~', 'b')], ignoring escaped marks."""
    parts: list[tuple[str, str]] = []
    mark, current, i = "", "", 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current += text[i : i + 2]
            i += 2
            continue
        if ch in marks:
            if mark or current.strip():
                parts.append((mark, current))
            mark, current = ch, ""
        else:
            current += ch
        i += 1
    if mark or current.strip():
        parts.append((mark, current))
    return parts


def read_gift(text: str) -> ReadBank:
    title = None
    out: list[ReadQuestion | None] = []
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    for block in blocks:
        lines = [ln for ln in block.split("\n") if not ln.strip().startswith("//")]
        block = "\n".join(lines).strip()
        if not block or block.startswith("$CATEGORY"):
            cat = re.match(r"\$CATEGORY:\s*(?:\$\w+\$)?(?:quizapp/)?(.+)", block)
            if cat and title is None:
                title = _unescape(cat.group(1))
            continue
        out.append(_gift_question(block))
    if not out:
        raise FormatError("No GIFT questions found (each needs an answer in {...}).")
    return _collect(title, out)


def _gift_question(block: str) -> ReadQuestion | None:
    block = re.sub(r"^::(?:[^:\\]|\\.)*::", "", block).strip()  # the question's title
    block = re.sub(r"^\[(?:html|moodle|plain|markdown)\]", "", block)
    # the first unescaped { and the first unescaped } after it; one regex, "{(.*?)}",
    # tried every { in turn, which took 30 s on 50,000 of them without a }
    opening = _GIFT_OPEN.search(block)
    closing = _GIFT_CLOSE.search(block, opening.end()) if opening else None
    if opening is None or closing is None:
        return None
    before, after = block[: opening.start()], block[closing.end() :]
    body = block[opening.end() : closing.start()].strip()
    body, _, feedback = body.partition("####")
    source = _unescape(feedback)
    if body.startswith("#") or "->" in body or not body:
        return None  # numeric, matching and essay questions are not ours
    prompt_text = _unescape(before + BLANK + after) if after.strip() else _unescape(before)
    if re.fullmatch(r"(?i)T|TRUE|F|FALSE", body):
        answer = "True" if body.upper().startswith("T") else "False"
        return ReadQuestion(
            "true_false", _unescape(before), answer, ["True", "False"], source_sentence=source
        )
    parts = [
        (mark, _unescape(re.sub(r"#.*$", "", value)))
        for mark, value in _split_unescaped(body, "=~")
    ]
    right = [v for mark, v in parts if mark == "=" and v]
    wrong = [v for mark, v in parts if mark == "~" and v]
    if not right:
        return None
    if wrong:
        choices = [v for mark, v in parts if mark in "=~" and v]
        return ReadQuestion(
            "multiple_choice", prompt_text.strip(), right[0], choices, source_sentence=source
        )
    if after.strip():
        return ReadQuestion(
            "cloze",
            f"Fill in the blank: {prompt_text.strip()}",
            right[0],
            accepted=right[1:],
            source_sentence=source,
        )
    return ReadQuestion(
        "short_answer", prompt_text.strip(), right[0], accepted=right[1:], source_sentence=source
    )


# ---- Anki .apkg -------------------------------------------------------------------

_TAGS = re.compile(r"<[^>]+>")


def _plain(value: str) -> str:
    return html.unescape(_TAGS.sub(" ", value.replace("<br>", "\n"))).strip()


def read_apkg(data: bytes) -> ReadBank:
    """Basic notes become short answers and Cloze notes cloze questions; a deck from
    Anki 2.1.50+ without 'support older versions' (zstd) gets a message saying so."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise FormatError("This is not an Anki package (.apkg is a zip file).") from None
    names = archive.namelist()
    if "collection.anki2" not in names and "collection.anki21" not in names:
        raise FormatError(
            "This deck uses Anki's newest format: export it again with "
            "'Support older Anki versions' ticked."
        )
    member = "collection.anki21" if "collection.anki21" in names else "collection.anki2"
    # a zip bomb: a few MB that inflate to gigabytes. zipfile never inflates a member
    # past its declared size, so checking that size bounds what is written
    if archive.getinfo(member).file_size > MAX_COLLECTION_BYTES:
        raise FormatError(
            f"The Anki collection inflates to over {MAX_COLLECTION_BYTES // 1_048_576} MB; "
            "export a smaller deck."
        )
    unreadable = FormatError("The Anki package's collection could not be read.")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.sqlite"
        try:
            with archive.open(member) as packed, path.open("wb") as out:
                shutil.copyfileobj(packed, out)
            with sqlite3.connect(path) as db:
                models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
                decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
                notes = db.execute("SELECT id, mid, flds FROM notes ORDER BY id").fetchall()
        except (sqlite3.DatabaseError, zipfile.BadZipFile, TypeError, ValueError, RecursionError):
            raise unreadable from None
    try:
        return _apkg_bank(models, decks, notes)
    except (AttributeError, TypeError, KeyError, IndexError, ValueError):
        # a collection from elsewhere than Anki, with the wrong shapes inside
        raise unreadable from None


def _apkg_bank(models: Any, decks: Any, notes: list[tuple[Any, Any, Any]]) -> ReadBank:
    title = next((d["name"] for d in decks.values() if d.get("name") != "Default"), None)
    out: list[ReadQuestion | None] = []
    for nid, mid, flds in notes:
        model = models.get(str(mid), {})
        fields = {
            f["name"]: v for f, v in zip(model.get("flds", []), flds.split("\x1f"), strict=False)
        }
        values = flds.split("\x1f")
        if model.get("name") == "quizapp fact":  # a fact in several forms, from here
            out += _fact_questions(fields, f"anki-note-{int(nid)}")
        elif model.get("type") == 1:  # cloze
            text = values[0] if values else ""
            m = re.search(r"\{\{c1::(.*?)(?:::[^}]*)?\}\}", text)
            if not m:
                out.append(None)
                continue
            prompt = text[: m.start()] + BLANK + text[m.end() :]
            prompt = re.sub(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", r"\1", prompt)
            out.append(
                ReadQuestion(
                    "cloze",
                    f"Fill in the blank: {_plain(prompt)}",
                    _plain(m.group(1)),
                    source_sentence=_plain(fields.get("Source", "")),
                )
            )
        elif len(values) >= 2:
            question = fields.get("Question", fields.get("Front", values[0]))
            answer = fields.get("Answer", fields.get("Back", values[1]))
            choices = [c for c in _plain(fields.get("Choices", "")).split("\n") if c.strip()]
            qtype = fields.get("Type", "").strip()  # decks exported from here say it
            if qtype not in TYPES:
                qtype = "multiple_choice" if _plain(answer) in choices else "short_answer"
            if qtype == "true_false":
                choices = ["True", "False"]
            out.append(
                ReadQuestion(
                    qtype,
                    _plain(question),
                    _plain(answer),
                    choices if qtype in ("multiple_choice", "true_false") else [],
                    explanation=_plain(fields.get("Explanation", "")),
                    source_sentence=_plain(fields.get("Source", "")),
                )
            )
        else:
            out.append(None)
    return _collect(title, out)


_FACT_FORMS = (
    ("multiple_choice", "Multiple choice"),
    ("true_false", "True or false"),
    ("cloze", "Fill in the blank"),
    ("short_answer", "Short answer"),
)


def _fact_questions(fields: dict[str, str], fact_key: str) -> list[ReadQuestion | None]:
    """The forms of a "quizapp fact" note (interop/anki.py), one question each."""
    out: list[ReadQuestion | None] = []
    for qtype, name in _FACT_FORMS:
        prompt = _plain(fields.get(name, ""))
        if not prompt:
            continue
        choices: list[str] = []
        if qtype == "multiple_choice":
            choices = [c for c in _plain(fields.get("Choices", "")).split("\n") if c.strip()]
        elif qtype == "true_false":
            choices = ["True", "False"]
        out.append(
            ReadQuestion(
                qtype,
                prompt,
                _plain(fields.get(f"{name} answer", "")),
                choices,
                explanation=_plain(fields.get("Explanation", "")),
                source_sentence=_plain(fields.get("Source", "")),
                fact_key=fact_key,
            )
        )
    return out


READERS = {".json": "json", ".csv": "csv", ".tsv": "tsv", ".gift": "gift", ".apkg": "apkg"}


def read_bank_file(data: bytes, filename: str) -> ReadBank:
    name = filename.lower()
    if name.endswith(".apkg"):
        return read_apkg(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormatError("The file is not UTF-8 text.") from None
    if name.endswith(".json"):
        return read_json(text)
    if name.endswith(".tsv"):
        return read_delimited(text, "\t")
    if name.endswith(".csv"):
        return read_delimited(text, ",")
    if name.endswith((".gift", ".gift.txt")):
        return read_gift(text)
    raise FormatError("Bank files are .json, .csv, .tsv, .gift or .apkg.")


def is_bank_file(filename: str) -> bool:
    return filename.lower().endswith((".json", ".csv", ".tsv", ".gift", ".gift.txt", ".apkg"))
