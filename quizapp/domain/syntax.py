"""Tagged sentence -> its shape: noun phrases, the main verb and its subject.

A shallow reading, not a parse: base noun phrases are found by their tag pattern
(determiner, modifiers, a noun head), and the main clause's verb is the first finite
verb outside quotation marks and outside a clause that an opening subordinator
("Although ...,", "When ...,") or a leading phrase ("In 2004,") sets off. The
generator asks three things of it: is this sentence a clause (a fragment has no
finite verb, or a verb and no subject), which noun phrase is its subject (a question
can then ask "Who ...?" by replacing it), and which spans are whole noun phrases (an
answer cut out of the middle of one reads as a gap in the wording, not a fact).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from quizapp.domain.tagging import Token, tag

_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
# may stand inside a base noun phrase before its head
_MODIFIER_TAGS = frozenset(
    {"JJ", "JJR", "JJS", "VBN", "VBG", "CD", "NN", "NNS", "NNP", "NNPS", "$", "POS", "HYPH"}
)
_DETERMINER_TAGS = frozenset({"DT", "PRP$", "PDT", "WP$"})
_SUBORDINATORS = frozenset(
    """although though while when whenever if unless because since as after before until
    once whereas despite""".split()
)
_PRONOUNS = frozenset("he she it they we i you this these those that there".split())


@dataclass(frozen=True, slots=True)
class Phrase:
    """A base noun phrase: tokens[first:last + 1]; `start`/`end` are sentence offsets."""

    first: int
    last: int
    start: int
    end: int
    text: str
    head: str  # the head noun as written


@dataclass(frozen=True, slots=True)
class Shape:
    tokens: tuple[Token, ...]
    phrases: tuple[Phrase, ...]
    verb: int | None  # index of the main clause's finite verb
    subject: Phrase | None  # the noun phrase right before it, when there is one
    quoted: tuple[bool, ...]  # per token: inside quotation marks

    @property
    def is_clause(self) -> bool:
        """A finite verb with something before it to be its subject."""
        return self.verb is not None and self.subject is not None

    def phrase_at(self, start: int, end: int) -> Phrase | None:
        """The noun phrase that the span [start, end) is, less a determiner."""
        for p in self.phrases:
            if p.end == end and (p.start == start or self._determiner_only(p, start)):
                return p
        return None

    def inside_phrase(self, start: int, end: int) -> Phrase | None:
        """A longer noun phrase that strictly contains the span, if any."""
        for p in self.phrases:
            inside = p.start <= start and end <= p.end and (p.start, p.end) != (start, end)
            if inside and (p.end != end or not self._determiner_only(p, start)):
                return p
        return None

    def _determiner_only(self, p: Phrase, start: int) -> bool:
        lead = [t for t in self.tokens[p.first : p.last + 1] if t.end <= start]
        return bool(lead) and all(t.tag in _DETERMINER_TAGS for t in lead)


def analyse(text: str) -> Shape:
    return _analyse(text)


# Several steps of one import read each sentence's shape (facts, references, gates,
# ranking). The cache must hold a whole article, or a long one is tagged again at
# every step and generation stops being linear (bench/generate_speed.py: 3.8 times
# the time per word at 300,000 words with 4,096 sentences kept); 20,000 sentences
# cover the 2 MB limit.
@lru_cache(maxsize=20_000)
def _analyse(text: str) -> Shape:
    tokens = tuple(tag(text))
    quoted = _quoted(tokens)
    phrases = tuple(_phrases(text, tokens))
    verb = _main_verb(tokens, quoted)
    subject = _subject(text, tokens, phrases, verb) if verb is not None else None
    return Shape(tokens, phrases, verb, subject, quoted)


def _quoted(tokens: tuple[Token, ...]) -> tuple[bool, ...]:
    inside = False
    out = []
    for t in tokens:
        if t.text == '"':
            out.append(True)
            inside = not inside
            continue
        out.append(inside)
    return tuple(out)


def _phrases(text: str, tokens: tuple[Token, ...]) -> list[Phrase]:
    """Maximal runs of [determiner] modifiers* noun, joined across a possessive."""
    out: list[Phrase] = []
    i, n = 0, len(tokens)
    while i < n:
        first = i
        if tokens[i].tag in _DETERMINER_TAGS:
            i += 1
        j = i
        last_noun = -1
        while j < n and (tokens[j].tag in _MODIFIER_TAGS or _joined_by_hyphen(tokens, j)):
            if (
                tokens[j].tag in ("VBN", "VBG")
                and j > i
                and (tokens[j - 1].tag in _NOUN_TAGS or last_noun == j - 1)
            ):
                # "the bank paid", "Boeing making", "the first million sold": a verb
                # after the noun (or the number heading the phrase) ends it
                break
            if tokens[j].tag in _NOUN_TAGS or (tokens[j].tag == "CD" and _number_head(tokens, j)):
                last_noun = j
            j += 1
        if last_noun >= 0:
            last = last_noun
            out.append(
                Phrase(
                    first,
                    last,
                    tokens[first].start,
                    tokens[last].end,
                    text[tokens[first].start : tokens[last].end],
                    tokens[last].text,
                )
            )
            i = last + 1
        else:
            i = max(i, first) + 1 if j == i else j
    return out


def _joined_by_hyphen(tokens: tuple[Token, ...], j: int) -> bool:
    return tokens[j].text == "-" and 0 < j < len(tokens) - 1


def _number_head(tokens: tuple[Token, ...], j: int) -> bool:
    """A number heads its phrase when no noun follows it: "rose to 3,000", "the first
    million sold will come" (a participle after it, and no noun after that)."""
    k = j + 1
    while k < len(tokens) and tokens[k].tag in _MODIFIER_TAGS and tokens[k].tag not in _NOUN_TAGS:
        if tokens[k].tag not in ("VBN", "VBG"):
            return False  # "3,000 new jobs"
        k += 1
    return k >= len(tokens) or tokens[k].tag not in _NOUN_TAGS


def _main_verb(tokens: tuple[Token, ...], quoted: tuple[bool, ...]) -> int | None:
    start = _after_opening_clause(tokens)
    aside = _asides(tokens)
    for i in range(start, len(tokens)):
        t = tokens[i]
        if quoted[i] or aside[i] or not t.finite:
            continue
        return i
    # the whole sentence is a quotation, or its only verb is inside one: "X," he said.
    for i, t in enumerate(tokens):
        if t.finite:
            return i
    return None


_RELATIVES = frozenset({"who", "whom", "whose", "which", "where"})


_DASHES = ("-", "–", "—")


def _asides(tokens: tuple[Token, ...]) -> list[bool]:
    """Tokens in a relative clause set off by commas (", who has died in Bath aged 94,"),
    between a pair of dashes (" - officially to be known as the new lira - ") or in
    brackets: their verbs are not the sentence's."""
    out = [False] * len(tokens)
    dashes = [i for i, t in enumerate(tokens) if t.text in _DASHES]
    for a, b in zip(dashes[::2], dashes[1::2], strict=False):
        for k in range(a + 1, b):
            out[k] = True
    i = 0
    while i < len(tokens):
        t = tokens[i]
        opens_relative = (
            t.text in (",", "-", "–", "—")
            and i + 1 < len(tokens)
            and (tokens[i + 1].text.lower() in _RELATIVES or _participle_aside(tokens, i + 1))
        )
        if opens_relative or t.text == "(":
            closer = (")",) if t.text == "(" else (",", "-", "–", "—", ";")
            j = i + 1
            while j < len(tokens) and tokens[j].text not in closer:
                out[j] = True
                j += 1
            i = j + 1
            continue
        i += 1
    return out


def _participle_aside(tokens: tuple[Token, ...], i: int) -> bool:
    """ ", opened in 1838," / ", often regarded as ...,": a participle after a comma,
    closed by another comma that a finite verb follows."""
    j = i
    while j < len(tokens) and tokens[j].tag == "RB":
        j += 1
    if (
        j >= len(tokens)
        or tokens[j].tag not in ("VBN", "VBD")
        or not tokens[j].text.endswith(("ed", "en", "wn", "lt", "ght", "ung", "id", "ne"))
    ):
        return False
    for k in range(j + 1, min(len(tokens), j + 25)):
        if tokens[k].text == ",":
            return any(t.finite for t in tokens[k + 1 : k + 4])
    return False


def _after_opening_clause(tokens: tuple[Token, ...]) -> int:
    """Skip "Although ..., " or "In 2004, ": the main clause starts after the comma."""
    if not tokens:
        return 0
    first = tokens[0].text.lower()
    if first in _SUBORDINATORS or tokens[0].tag in ("IN", "RB", "VBG", "VBN"):
        for i, t in enumerate(tokens[:30]):
            if t.text == ",":
                return i + 1
    return 0


_PRONOUN_DETERMINERS = frozenset(
    "this these that those some many most all both each several few others".split()
)


# words that join a noun phrase to the one before it into one longer subject
_BACK_OVER = frozenset("of in at for from between with and".split())


def _subject(text: str, tokens: tuple[Token, ...], phrases: tuple[Phrase, ...], verb: int):
    """The noun phrase the verb agrees with: the one before it, past adverbs and past
    asides (an apposition, a parenthesis, a relative or participle clause: "Shares of
    Boeing, the US planemaker, rose"; "Terra preta (black earth), which is ..., is")."""
    i = verb - 1
    for _ in range(4):  # up to four asides in a row
        while i >= 0 and tokens[i].tag in ("RB", "MD"):
            i -= 1
        if i < 0 or tokens[i].text not in (",", ")", *_DASHES):
            break
        opener = "(" if tokens[i].text == ")" else tokens[i].text
        j = i - 1
        while j >= 0 and i - j <= 25 and tokens[j].text != opener:
            j -= 1
        if j < 0 or i - j > 25:
            if opener == ",":
                i -= 1  # "Former Prime Minister X, was born": a stray comma
                break
            return None
        i = j - 1
    if i < 0:
        return None
    t = tokens[i]
    # "She was born ...", "There are two species", "Some were sent", "This reduces ..."
    if t.tag in ("PRP", "EX") or (t.tag == "DT" and t.text.lower() in _PRONOUN_DETERMINERS):
        return Phrase(i, i, t.start, t.end, t.text, t.text)
    ending = [p for p in phrases if p.last == i]
    if not ending and i == _after_opening_clause(tokens) and t.tag in ("JJ", "JJR", "RB"):
        # "Extension causes ...", "Fewer lived in ...": a word the tagger took for a
        # modifier is all there is before the verb; it is the subject
        return Phrase(i, i, t.start, t.end, t.text, t.text)
    if not ending:
        return _first_phrase_of_clause(tokens, phrases, verb)
    head = ending[0]
    first = head
    while True:  # back over "of" phrases: "Shares of Boeing", "the chief of the bank",
        # and over "and": "The deal between Tom Hart and John Vale was signed"
        gap = first.first - 1
        prev = [p for p in phrases if p.last == gap - 1]
        if gap >= 0 and prev and tokens[gap].text.lower() in _BACK_OVER:
            first = prev[0]
            continue
        break
    if first is head:
        return head
    return Phrase(
        first.first, head.last, first.start, head.end, text[first.start : head.end], first.head
    )


def _first_phrase_of_clause(
    tokens: tuple[Token, ...], phrases: tuple[Phrase, ...], verb: int
) -> Phrase | None:
    """ "the average time taken for sorting is": the clause's first noun phrase, when the
    words between it and the verb only modify it (a participle, a preposition)."""
    start = _after_opening_clause(tokens)
    for p in phrases:
        if p.first >= start and p.last < verb:
            between = tokens[p.last + 1 : verb]
            if p.first == start and all(t.tag not in ("VBD", "VBZ", "VBP", "MD") for t in between):
                return p
            return None
    return None


def opening_pronoun(shape: Shape) -> str | None:
    """The pronoun a sentence opens with, lower-cased ("he", "its"), if it does."""
    for t in shape.tokens[:2]:
        if t.text in ('"', "("):
            continue
        word = t.text.lower()
        if t.tag in ("PRP", "PRP$") or word in _PRONOUNS:
            return word
        return None
    return None
