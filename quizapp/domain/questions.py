"""Facts -> questions: one builder per question type, and the wording they share.

A real question ("Who said ...?", "How many adults ...?", "Which organisation ...?")
is written only where the sentence's shape makes it safe: the answer opens the
sentence, or it names the speaker of a quotation. Everywhere else the sentence itself,
with the answer blanked, is the stem: it reads better than a question forced out of a
clause it does not fit.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from quizapp.domain import gazetteer as gz
from quizapp.domain.distractors import FactPool, pick_distractors
from quizapp.domain.facts import NUMERIC_KINDS, Fact

BLANK = "_____"
QUESTION_TYPES = ("multiple_choice", "true_false", "cloze", "short_answer")
_MAX_STEM_WORDS = 40
_QUALIFIERS = (
    r"(?:Some|About|Around|Nearly|Almost|Roughly|Over|Under|More than|Fewer than|Less than"
    r"|An estimated|Only|Just|Up to|At least|Another|A further)"
)
_SPEECH = (
    r"(?:(?:has |had |have )?(?:said|says|added|told [A-Z][\w ]*?|warned|argued|explained"
    r"|insisted|noted|stated|claimed|admitted|recalled|indicated|suggested|pointed out"
    r"|confirmed|revealed|predicted|believes|thinks))"
)
# Openers that link a sentence to the one before; a question stands alone without them.
_DISCOURSE = re.compile(
    r"^(?:However|Meanwhile|For example|For instance|In contrast|Certainly|Indeed|Still"
    r"|Moreover|Furthermore|Nevertheless|But|And|So|Also|Instead|Additionally),?\s+"
)


@dataclass(slots=True)
class Question:
    type: str
    prompt: str
    answer: str
    choices: list[str]
    explanation: str
    source_sentence: str
    fact_kind: str
    difficulty: float
    sentence_start: int  # offsets of the source sentence in the cleaned article
    sentence_end: int
    answer_start: int  # offset in the source sentence of the fact asked about
    accepted: list[str] = field(default_factory=list)  # other answers a grader accepts

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(slots=True)
class Context:
    """What a builder may need beyond its fact."""

    pool: FactPool  # every fact of the article, for distractors
    rng: random.Random
    previous_sentence: str = ""
    antecedent: str = ""  # the person a leading "He"/"She" most likely refers to
    organisation: str = ""  # the organisation a leading "Its" most likely refers to


Builder = Callable[[Fact, Context], "Question | None"]


def normalise_for_match(text: str) -> str:
    """Lower-case, plain quotes, no thousands commas, punctuation as spaces."""
    s = unicodedata.normalize("NFKC", text).lower()
    s = re.sub(r"(?<=\d),(?=\d{3})", "", s)
    s = re.sub(r"[^\w\s.%$£€-]", " ", s)
    s = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def gives_away(prompt: str, answer: str) -> bool:
    """Does the prompt contain the answer as whole words?"""
    a = normalise_for_match(answer)
    return bool(a) and bool(
        re.search(r"(?<!\w)" + re.escape(a) + r"(?!\w)", normalise_for_match(prompt))
    )


def accepted_answers(fact: Fact) -> list[str]:
    out = [a for a in fact.aliases if a != fact.text]
    words = fact.text.split()
    if fact.kind == "person" and len(words) >= 2:
        out.append(words[-1])
    return out


# ---- stems -------------------------------------------------------------------------


def cloze_stem(fact: Fact, ctx: Context) -> str:
    text = fact.sentence.text
    stem = text[: fact.start] + BLANK + text[fact.end :]
    # other mentions of the answer in the same sentence would give it away
    pattern = re.compile(r"(?<!\w)" + re.escape(fact.text) + r"(?!\w)", re.IGNORECASE)
    stem = pattern.sub(BLANK, stem)
    stem = balance_quotes(_drop_discourse_marker(_trim_around_blank(stem)))
    return _resolve_leading_pronoun(stem, ctx)


# a straight double quote that opens a quotation: at the start, or after a space,
# bracket, colon or dash, and before a word; any other is taken to close one
_OPENING = re.compile(r'(?:^|(?<=[\s(\[:\u2014\u2013-]))"(?=[^\s"])')


def balance_quotes(text: str) -> str:
    """Close a quotation the sentence opens and only the next sentence closes, and open
    one that an earlier sentence opened: a question stands alone, and a stray quote
    mark leaves the learner guessing where the quoted words begin or end."""
    opened = closed_first = False
    for match in re.finditer(r'(?<!\d)"', text):  # not inches: 6" screen
        if _OPENING.match(text, match.start()) and not opened:
            opened = True
        elif opened:
            opened = False
        else:
            closed_first = True  # closes a quotation opened before the text begins
    first_open, first_close = text.find("\u201c"), text.find("\u201d")
    curly_open, curly_close = text.count("\u201c"), text.count("\u201d")
    if closed_first:
        text = '"' + text
    elif curly_close > curly_open and (first_open < 0 or first_close < first_open):
        text = "\u201c" + text
    if opened:
        text += '"'
    elif curly_open > curly_close and text.rfind("\u201c") > text.rfind("\u201d"):
        text += "\u201d"
    return text


def _drop_discourse_marker(text: str) -> str:
    m = _DISCOURSE.match(text)
    if not m or not text[m.end() :]:
        return text
    rest = text[m.end() :]
    return rest[0].upper() + rest[1:]


def _trim_around_blank(stem: str) -> str:
    words = stem.split()
    if len(words) <= _MAX_STEM_WORDS:
        return stem
    # keep the clauses nearest the blank until the stem is short enough
    parts = re.split(r"(?<=[;,])\s+|\s+(?=-\s)", stem)
    idx = next(i for i, p in enumerate(parts) if BLANK in p)
    lo = hi = idx
    count = len(parts[idx].split())
    while True:
        grew = False
        if hi + 1 < len(parts) and count + len(parts[hi + 1].split()) <= _MAX_STEM_WORDS:
            hi += 1
            count += len(parts[hi].split())
            grew = True
        if lo > 0 and count + len(parts[lo - 1].split()) <= _MAX_STEM_WORDS:
            lo -= 1
            count += len(parts[lo].split())
            grew = True
        if not grew:
            break
    out = " ".join(parts[lo : hi + 1]).rstrip(",;")
    if count > _MAX_STEM_WORDS + 15:  # one long clause: cut words around the blank
        tokens = out.split()
        at = next(i for i, t in enumerate(tokens) if BLANK in t)
        a, b = max(0, at - 20), at + 20
        out = " ".join(tokens[a:b])
        out = ("... " if a else "") + out + (" ..." if b < len(tokens) else "")
    else:
        out = ("... " if lo else "") + out + (" ..." if hi < len(parts) - 1 else "")
    return out


def _resolve_leading_pronoun(stem: str, ctx: Context) -> str:
    """A stem that opens with "He"/"It" is vague on its own: say who, or give the context."""
    quote = stem[:1] if stem[:1] in ('"', "\u201c") else ""  # balance_quotes may open one
    body = stem[len(quote) :]
    m = re.match(r"(He|She|His|Her|It|They|This|These|Its|Their)\b", body)
    if not m:
        return stem
    word, rest = m.group(1), body[len(m.group(1)) :]

    def named(name: str) -> str:
        # inside a quotation the name is an editor's insertion, in square brackets
        return f"{quote}[{name}]{rest}" if quote else name + rest

    if word in ("He", "She") and ctx.antecedent:
        return named(ctx.antecedent)
    if word in ("His", "Her") and ctx.antecedent:
        return named(ctx.antecedent + "'s")
    if word == "Its" and ctx.organisation:
        return named(ctx.organisation + "'s")
    if ctx.previous_sentence and '"' not in ctx.previous_sentence:
        prev = ctx.previous_sentence
        if len(prev.split()) > 18:
            prev = " ".join(prev.split()[:18]) + " ..."
        return f"(Context: {prev}) {stem}"
    return stem


def wh_question(fact: Fact, ctx: Context) -> str | None:
    """A real question when the sentence allows one; None otherwise."""
    text = fact.sentence.text
    before, after = text[: fact.start], text[fact.end :]
    if fact.kind == "person":
        q = _speaker_question(fact, before, after)
        if q:
            return q
    if fact.kind in ("money", "number") and re.fullmatch(rf"\s*(?:{_QUALIFIERS}\s)?", before):
        if fact.kind == "money":
            m = re.match(r"\s(will|was|were|is|are|has|had|have|would|could)\b(.*)", after)
            if m:
                return _finish(f"How much {m.group(1)}{m.group(2)}")
        else:
            m = re.match(
                r"\s([a-z][a-z-]+(?:\s[a-z][a-z-]+)?)\s(have|has|had|are|were|lack|live|work|took|take|said|say|used|use)\b(.*)",
                after,
            )  # noqa: E501
            if m and re.search(r"(?:\d|million|billion|thousand|bn|m)$", fact.text):
                return _finish(f"How many {m.group(1)} {m.group(2)}{m.group(3)}")
    wh = _WH.get(fact.kind)
    if fact.kind == "place":
        wh = {"country": "Which country", "city": "Which city", "continent": "Which continent"}.get(
            fact.subkind, "Which place"
        )
    if wh and re.fullmatch(r"\s*(?:The\s)?", before):
        if after.startswith("'s "):
            owner = "Whose" if fact.kind == "person" else f"{wh}'s"
            return _finish(f"{owner} {after[3:]}")
        m = re.match(r"\s(?:,\s[^,]{3,60},\s)?([a-z][\w-]*)\b(.*)", after)
        if m and _looks_like_verb(m.group(1)):
            return _finish(f"{wh} {after.strip()}")
    return None


_WH = {"person": "Who", "org": "Which organisation", "event": "Which event", "product": "What"}
_VERBS = frozenset(
    """is are was were has have had will would can could may might must should does did
    said says beat won lost made took gave bought sold became began led left met ran saw
    told went came got set put paid built grew fell rose hit kept held brought sought won
    owns runs wants plans expects remains helps leads makes takes gives sees""".split()
)


def _looks_like_verb(word: str) -> bool:
    """Without a tagger: a common verb, or a word the lexicon knows only as a verb
    (or as a verb in -ed), so "World Cup winner" is not read as "World Cup" + verb."""
    if word in _VERBS:
        return True
    pos = gz.parts_of_speech(word)
    return "VERB" in pos and ("NOUN" not in pos or word.endswith("ed"))


def _speaker_question(fact: Fact, before: str, after: str) -> str | None:
    # 'Education minister Ivan Lewis said: "..."' -> 'Which education minister said: "..."?'
    m = re.match(rf"(?:,\s[^,]+,)?\s({_SPEECH})(\s*:?\s*.*)", after)
    if m and len(before.split()) <= 6 and "," not in before and '"' not in before:
        role = before.strip()
        wh = f"Which {_lower_role(role)}" if role else "Who"
        return _finish(f"{wh} {m.group(1)}{_shorten_quote(m.group(2))}")
    # '"...," said chief executive Mervyn Davies at a conference.' -> 'Who said "..." at ...?'
    q = re.match(rf'(".+?)[,.!?]?"\s*,?\s*({_SPEECH})\s+(.*?)$', before + "\x00" + after)
    if q and "\x00" in q.group(3):
        role, _, rest = q.group(3).partition("\x00")
        role = role.strip()
        if len(role.split()) > 6 or "," in role:
            return None
        wh = f"Which {_lower_role(role)}" if role else "Who"
        if rest.startswith(",") or len(rest.split()) > 8:
            rest = ""  # an apposition about the speaker ("partner at Y, which ...") is not asked
        quote = _shorten_quote(q.group(1) + '"')
        return _finish(f"{wh} {q.group(2)} {quote.strip()}{rest}")
    return None


def _lower_role(role: str) -> str:
    words = role.split()
    if words and words[0] in ("The", "A", "An"):
        words = words[1:]
    return " ".join(words)


def _shorten_quote(text: str, limit: int = 30) -> str:
    words = text.split(" ")
    if len(words) <= limit:
        return text
    cut = " ".join(words[:limit]).rstrip(",;:")
    return cut + ' ..."' if cut.count('"') % 2 else cut + " ..."


def _finish(question: str) -> str:
    question = re.sub(r"\s+", " ", question).strip()
    if not re.search(r"\.\.\.\"?$", question):  # an ellipsis says the quote goes on
        question = re.sub(r"[.,;:!]+(\"?)$", r"\1", question)
    question = balance_quotes(question)
    words = question.split()
    if len(words) > _MAX_STEM_WORDS + 10:
        question = " ".join(words[: _MAX_STEM_WORDS + 10]) + " ..."
    return question + "?"


# ---- builders ----------------------------------------------------------------------


def _difficulty(kind: str, qtype: str) -> float:
    base = {"true_false": 0.2, "multiple_choice": 0.35, "cloze": 0.6, "short_answer": 0.65}[qtype]
    return round(min(1.0, base + (0.1 if kind in NUMERIC_KINDS else 0.0)), 2)


def _question(fact: Fact, qtype: str, prompt: str, **kw: object) -> Question:
    s = fact.sentence
    return Question(
        type=qtype,
        prompt=prompt,
        answer=str(kw.pop("answer", fact.text)),
        choices=list(kw.pop("choices", [])),  # type: ignore[call-overload]
        explanation=str(kw.pop("explanation", _explain(fact))),
        source_sentence=s.text,
        fact_kind=fact.kind,
        difficulty=_difficulty(fact.kind, qtype),
        sentence_start=s.start,
        sentence_end=s.end,
        answer_start=int(kw.pop("answer_start", fact.start)),  # type: ignore[call-overload]
        accepted=accepted_answers(fact),
    )


# An explanation ends by quoting its source sentence: in an export, that is where the
# learner reads it. A page that shows the sentence itself shows explanation_beside_source.
_QUOTE_LEADS = ("The article says", "It says")
_TRUE = "True."


def _quoting(sentence: str, lead: str = _QUOTE_LEADS[0]) -> str:
    return f' {lead}: "{sentence}"'


def _the_answer_is(answer: str, who: str = "") -> str:
    return f'The answer is "{answer}"{who}.'


def _explain(fact: Fact) -> str:
    who = f" ({fact.role})" if fact.role and fact.kind == "person" else ""
    return _the_answer_is(fact.text, who) + _quoting(fact.sentence.text)


def explanation_beside_source(explanation: str | None, sentence: str, answer: str) -> str | None:
    """The explanation less its closing quote of `sentence`, for a page that shows the
    sentence below it; None when what is left only restates the right answer. What
    else it says stays (a person's role; what a false statement changed), and so
    does an explanation an owner wrote."""
    if not explanation:
        return None
    for lead in _QUOTE_LEADS:
        quote = _quoting(sentence, lead)
        if explanation.endswith(quote):
            explanation = explanation[: -len(quote)]
            break
    if explanation in (_the_answer_is(answer), _TRUE):
        return None
    return explanation


def build_multiple_choice(fact: Fact, ctx: Context) -> Question | None:
    distractors = pick_distractors(fact, ctx.pool, ctx.rng)
    if len(distractors) < 3:
        return None
    prompt = wh_question(fact, ctx) or cloze_stem(fact, ctx)
    choices = [fact.text, *distractors]
    ctx.rng.shuffle(choices)
    return _question(fact, "multiple_choice", prompt, choices=choices)


def build_cloze(fact: Fact, ctx: Context) -> Question | None:
    return _question(fact, "cloze", f"Fill in the blank: {cloze_stem(fact, ctx)}")


def build_short_answer(fact: Fact, ctx: Context) -> Question | None:
    question = wh_question(fact, ctx)
    if question is None or len(fact.text.split()) > 5:
        return None
    # the hint tells the learner what form to type, and keeps the prompt distinct from
    # the multiple-choice question asked in the same words
    return _question(fact, "short_answer", f"{question} (Type the {_HINTS[fact.kind]}.)")


_HINTS = {
    "person": "name", "org": "organisation", "place": "place", "money": "amount",
    "number": "number", "percent": "percentage", "date": "date", "product": "name",
    "event": "event", "other": "answer",
}  # fmt: skip


def build_true_false(fact: Fact, ctx: Context) -> Question | None:
    statement = _trim_statement(fact.sentence.text, fact)
    make_false = ctx.rng.random() < 0.5
    if make_false:
        distractors = pick_distractors(fact, ctx.pool, ctx.rng, count=1)
        if not distractors:
            make_false = False
        else:
            wrong = distractors[0]
            offset = fact.sentence.text.find(statement)
            if offset < 0:
                statement, offset = fact.sentence.text, 0
            s, e = fact.start - offset, fact.end - offset
            statement = statement[:s] + wrong + statement[e:]
            explanation = f'False: the article says "{fact.text}", not "{wrong}".' + _quoting(
                fact.sentence.text, _QUOTE_LEADS[1]
            )
    if not make_false:
        explanation = _TRUE + _quoting(fact.sentence.text)
    statement = balance_quotes(_drop_discourse_marker(statement))
    prompt = f"True or false? {_resolve_leading_pronoun(statement, ctx)}"
    return _question(
        fact,
        "true_false",
        prompt,
        answer="False" if make_false else "True",
        choices=["True", "False"],
        explanation=explanation,
    )


def _trim_statement(text: str, fact: Fact) -> str:
    """The clause(s) of the sentence around the fact, so the statement is about it."""
    marked = text[: fact.start] + BLANK + text[fact.end :]
    trimmed = _trim_around_blank(marked)
    core = trimmed.replace("... ", "").replace(" ...", "")
    return core.replace(BLANK, fact.text, 1) if BLANK in core else text


BUILDERS: dict[str, Builder] = {
    "multiple_choice": build_multiple_choice,
    "cloze": build_cloze,
    "short_answer": build_short_answer,
    "true_false": build_true_false,
}
