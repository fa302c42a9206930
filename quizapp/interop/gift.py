"""GIFT, Moodle's question format: multiple choice, true/false, short answer, and cloze
as a missing-word question. GIFT's special characters are escaped with a backslash."""

from __future__ import annotations

import re

from quizapp.interop import ExportBank, ExportQuestion

_SPECIAL = re.compile(r"([~=#{}:\\])")
BLANK = "_____"


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def dump(bank: ExportBank) -> str:
    blocks = [f"// {escape(bank.title)}", f"$CATEGORY: quizapp/{escape(bank.title)}"]
    blocks += [question(q) for q in bank.questions]
    return "\n\n".join(blocks) + "\n"


def question(q: ExportQuestion) -> str:
    title = f"::Q{q.id}::"
    feedback = f"####{escape(q.source_sentence)}" if q.source_sentence else ""
    if q.type == "multiple_choice":
        options = " ".join(("=" if c == q.answer else "~") + escape(c) for c in q.choices)
        return f"{title}{escape(q.prompt)} {{{options}{feedback}}}"
    if q.type == "true_false":
        return f"{title}{escape(q.prompt)} {{{'T' if q.answer == 'True' else 'F'}{feedback}}}"
    answers = " ".join("=" + escape(a) for a in [q.answer, *q.accepted])
    if q.type == "cloze" and BLANK in q.prompt:
        before, _, after = q.prompt.partition(BLANK)
        before = before.removeprefix("Fill in the blank: ")
        return f"{title}{escape(before)}{{{answers}{feedback}}}{escape(after)}"
    return f"{title}{escape(q.prompt)} {{{answers}{feedback}}}"
