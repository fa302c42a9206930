"""Better wording from a language model, kept only where it stays true to the question.

The generator writes a multiple-choice question as a sentence with a blank when the
sentence allows no real question ("The biggest change came when _____ bought the club
in 2003."). A language model, when one is configured, can turn that into a question
("Which billionaire bought the club in 2003?"). It is asked in batches, and each answer
is checked before it replaces anything: a question, not too long, not giving away the
answer or naming a wrong choice, and made of the source sentence's own words, so that
it asks about the same fact. Whatever fails a check keeps the generator's wording, and
so does everything after the model fails, is too slow, or is not configured at all.

Plain Python: the model is a callable (messages in, reply text out), so this is tested
without a network; services/language_model.py is the HTTP client.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quizapp.domain.questions import BLANK, Question, gives_away, normalise_for_match

# (chat messages, seconds left) -> the model's reply, or LanguageModelError
Ask = Callable[[list[dict[str, str]], float], str]

BATCH = 10  # items per request: fewer requests, replies short enough to stay well-formed
MAX_CHARS = 250
# a rewording must mostly be made of the sentence's words: it then asks about the same
# fact and invents none (words compared by their first five letters: "bought"/"buys")
MIN_GROUNDED = 0.6
_STOP = frozenset(
    """the a an and or of in on at to for from by with as is are was were be been has have
    had did does do which what who whom whose when where why how that this these those it
    its their his her they them he she we you i not no""".split()
)

INSTRUCTIONS = (
    "You improve quiz questions. Each item has a sentence from an article, a "
    "fill-in-the-blank question made from it, its answer, and wrong choices. Rewrite "
    "each as one clear, self-contained question whose answer is the given answer. Use "
    "only facts in the sentence and keep its names and numbers as written. Never put "
    "the answer or a wrong choice in the question. Reply with JSON only: a list of "
    '{"id": <the item id>, "question": "<the question, ending with ?>"}.'
)


class LanguageModelError(Exception):
    """The model could not be asked or did not answer in time; str(error) says why."""


@dataclass(frozen=True, slots=True)
class Outcome:
    asked: int  # questions sent to the model
    reworded: int  # of those, replaced by its wording
    stopped: str | None = None  # why it stopped early, if it did


def rewordable(question: Question) -> bool:
    return question.type == "multiple_choice" and BLANK in question.prompt


def reword(
    questions: Sequence[Question],
    ask: Ask,
    *,
    limit: int,
    seconds: float,
    clock: Callable[[], float] = time.monotonic,
) -> Outcome:
    """Reword up to `limit` of the bank's first rewordable questions, in place, within
    `seconds` in all (each request is given the time that is left)."""
    chosen = [q for q in questions if rewordable(q)][:limit]
    taken = {normalise_for_match(q.prompt) for q in questions}
    deadline = clock() + seconds
    asked = reworded = 0
    for start in range(0, len(chosen), BATCH):
        left = deadline - clock()
        if left <= 0:
            return Outcome(asked, reworded, "out of time")
        batch = chosen[start : start + BATCH]
        asked += len(batch)
        try:
            wordings = parse_reply(ask(messages_for(batch), left))
        except LanguageModelError as error:
            return Outcome(asked, reworded, str(error))
        for number, question in enumerate(batch):
            wording = wordings.get(number)
            if wording is None or not acceptable(question, wording):
                continue
            wording = " ".join(wording.split())
            if normalise_for_match(wording) in taken:
                continue  # two prompts alike would read as one question asked twice
            taken.add(normalise_for_match(wording))
            question.prompt = wording
            reworded += 1
    return Outcome(asked, reworded)


def messages_for(batch: Sequence[Question]) -> list[dict[str, str]]:
    items = [
        {
            "id": number,
            "sentence": q.source_sentence,
            "question": q.prompt,
            "answer": q.answer,
            "wrong": [c for c in q.choices if c != q.answer],
        }
        for number, q in enumerate(batch)
    ]
    return [
        {"role": "system", "content": INSTRUCTIONS},
        {"role": "user", "content": json.dumps(items, ensure_ascii=False)},
    ]


def parse_reply(reply: str) -> dict[int, str]:
    """{item id: question} from the model's reply; models wrap JSON in prose or code
    fences, so the first JSON list in it is read. A reply without one is an error."""
    start, end = reply.find("["), reply.rfind("]")
    if start < 0 or end < start:
        raise LanguageModelError("the model's reply held no JSON list")
    try:
        items = json.loads(reply[start : end + 1])
    except ValueError:
        raise LanguageModelError("the model's reply was not valid JSON") from None
    wordings: dict[int, str] = {}
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            number, question = item.get("id"), item.get("question")
            if isinstance(number, int) and isinstance(question, str):
                wordings.setdefault(number, question)
    return wordings


def acceptable(question: Question, wording: str) -> bool:
    """Is `wording` a question about the same fact that gives nothing away?"""
    wording = " ".join(wording.split())
    if not 10 <= len(wording) <= MAX_CHARS or not wording.endswith("?"):
        return False
    if "_" in wording:  # a blank left in, however many underscores
        return False
    # neither the answer nor a wrong choice: naming one tells the learner something
    if any(gives_away(wording, c) for c in {question.answer, *question.choices}):
        return False
    if any(gives_away(wording, a) for a in question.accepted):
        return False
    words = _content_words(wording)
    if len(words) < 2:
        return False
    sentence = _content_words(question.source_sentence)
    return sum(w in sentence for w in words) / len(words) >= MIN_GROUNDED


def _content_words(text: str) -> set[str]:
    return {
        w[:5]
        for w in re.findall(r"[\w$£€%.-]+", normalise_for_match(text))
        if w not in _STOP and len(w) > 1
    }
