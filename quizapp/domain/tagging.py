"""Sentences -> tokens with offsets and part-of-speech tags (Penn Treebank tag set).

The tags come from Brill's rule-based tagger as TextBlob ships it (the Pattern
lexicon of about 100,000 words, its suffix rules and its 280 contextual rules): pure
Python, no model download, about 20,000 tokens a second. On news text it agrees with
a statistical tagger on 92% of tokens; what the generator asks of it is coarse (is
this a noun phrase, where is the main verb, is a word an adjective), and for that it
is sound. TextBlob's own `Parser.find_tags` leaves the contextual rules out, so the
module-level `find_tags` is called with them.

The tokeniser is ours because every token must point back into the sentence.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int  # offsets in the sentence
    end: int
    tag: str

    @property
    def noun(self) -> bool:
        return self.tag.startswith("NN")

    @property
    def verb(self) -> bool:
        return self.tag.startswith("VB") or self.tag == "MD"

    @property
    def finite(self) -> bool:
        """A verb form that can head a clause on its own: "rose", "has", "will"."""
        return self.tag in ("VBD", "VBZ", "VBP", "MD")


_TOKEN = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}(?![A-Za-z])            # U.S. U.K. a.m.
    | [$£€¥₹]                                  # a currency sign before its number
    | \d+(?:[.,:/]\d+)*[A-Za-z]*(?:-[A-Za-z0-9]+)*  # 3,000 4.5 9/11 1990s 3bn 777-200LR
    | [^\W\d_]+(?:[-'.&][^\W\d_]+)*            # words: well-known, O'Neill, AT&T
    | \S                                       # anything else, one character
    """,
    re.VERBOSE,
)
_CLITIC = re.compile(r"(?i)(n't|'s|'re|'ve|'ll|'d|'m)$")
_CURRENCY = frozenset("$£€¥₹")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Words, numbers and punctuation with their offsets; "n't" and "'s" split off."""
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        clitic = _CLITIC.search(word)
        if clitic and clitic.start() > 0:
            cut = start + clitic.start()
            out.append((word[: clitic.start()], start, cut))
            out.append((clitic.group(), cut, end))
            continue
        out.append((word, start, end))
    return out


@cache
def _lexicon() -> Any:
    """TextBlob's lexicon with its suffix and contextual rules, loaded once per process.

    TextBlob's reader leaves its files open for the garbage collector to close; they
    are read here through a function that closes them."""
    from textblob import _text
    from textblob.en import lexicon

    leaky = _text._read

    def read_and_close(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(path, str) and os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                return leaky(io.StringIO(f.read()), *args, **kwargs)
        return leaky(path, *args, **kwargs)

    _text._read = read_and_close
    try:
        lexicon.load()
        lexicon.morphology.load()
        lexicon.context.load()
    finally:
        _text._read = leaky
    return lexicon


def tag(text: str) -> list[Token]:
    """Penn Treebank tags for the tokens of one sentence."""
    return list(_tag_cached(text))


@lru_cache(maxsize=256)  # syntax.analyse keeps the shapes; this only spares its misses
def _tag_cached(text: str) -> tuple[Token, ...]:
    from textblob._text import find_tags

    pieces = tokenize(text)
    if not pieces:
        return ()
    lexicon = _lexicon()
    tagged = find_tags(
        [_as_tagged(p[0]) for p in pieces],
        lexicon=lexicon,
        morphology=lexicon.morphology,
        default=("NN", "NNP", "CD"),
    )
    tagged = apply_context(_rules_by_tag(), tagged)
    tags = [_fix(word, tag_) for (word, _s, _e), (_w, tag_) in zip(pieces, tagged, strict=True)]
    _repair(pieces, tags)
    return tuple(Token(w, s, e, t) for (w, s, e), t in zip(pieces, tags, strict=True))


def _repair(pieces: list[tuple[str, int, int]], tags: list[str]) -> None:
    """Tag sequences English does not have, mended: "The match came" is a determiner,
    a noun and a verb, however often "match" is an adjective elsewhere."""
    from quizapp.domain.gazetteer import parts_of_speech

    subjects = {"he", "she", "it", "they", "we", "i", "you"}
    nouns = ("NN", "NNS", "NNP", "NNPS")
    for i in range(1, len(tags) - 1):
        # "Get On's participation target has been set": "'s" between a name and a noun
        # is a possessive ("it's time" has a pronoun before it)
        if (
            pieces[i][0] in ("'s", "’s")
            and tags[i] == "VBZ"
            and tags[i + 1] in ("NN", "NNS")
            and (tags[i - 1] in nouns or pieces[i - 1][0][:1].isupper())
            and pieces[i - 1][0].lower() not in subjects | {"that", "there", "here", "what"}
        ):
            tags[i] = "POS"
    finite_before = False
    for i in range(1, len(tags)):
        word = pieces[i][0]
        # "The UK bank paid $3bn": a participle right after the subject, with no verb
        # before it, is the sentence's verb in the past
        if tags[i] == "VBN" and tags[i - 1] in nouns and not finite_before:
            tags[i] = "VBD"
        # "Some 26 million adults lack basic skills": a noun the lexicon also knows as
        # a verb, between a plural subject and its object
        elif (
            (tags[i] in ("NN", "VB") or (tags[i] == "VBG" and not word.endswith("ing")))
            and tags[i - 1] == "NNS"
            and not finite_before
            and i + 1 < len(tags)
            and tags[i + 1] in ("DT", "JJ", "NN", "NNS", "PRP$", "CD")
            and "VERB" in parts_of_speech(word)
        ):
            tags[i] = "VBP"
        # "Mardy Fish beat Tommy Robredo": a word that can be a verb, after a name and
        # before its object, in a sentence with no verb yet
        elif (
            tags[i] in ("VB", "NN", "VBP")
            and tags[i - 1] == "NNP"
            and not finite_before
            and i + 1 < len(tags)
            and tags[i + 1] in ("NNP", "DT", "CD", "PRP$", "PRP")
            and "VERB" in parts_of_speech(word)
            and word.islower()
        ):
            tags[i] = "VBD" if word.endswith("ed") or tags[i] != "VBP" else "VBP"
        # "the Nederrijn changes its name": a plural noun after a singular subject and
        # before an object is a verb in -s
        elif (
            tags[i] == "NNS"
            and tags[i - 1] in ("NN", "NNP")
            and not finite_before
            and i + 1 < len(tags)
            and tags[i + 1] in ("DT", "PRP$", "JJ", "CD")
            and "VERB" in parts_of_speech(word)
        ):
            tags[i] = "VBZ"
        finite_before = finite_before or tags[i] in ("VBD", "VBZ", "VBP", "MD")
    for i in range(1, len(tags)):
        # "She also travelled the world": a past form after a subject pronoun is the
        # finite verb, whatever the lexicon's favourite tag for it (VBN, VB)
        j = i - 1
        while j > 0 and tags[j] == "RB":
            j -= 1
        if (
            tags[i] in ("VB", "VBN", "JJ")
            and pieces[i][0].endswith("ed")
            and pieces[j][0].lower() in subjects
        ):
            tags[i] = "VBD"
    if not finite_before:
        # no finite verb at all: "But a target of 1.5 million more by 2010 needed ideas"
        # has its verb read as a participle; the first participle not after "be" or
        # "have" is it
        for i in range(1, len(tags)):
            if tags[i] == "VBN" and tags[i - 1] not in ("VBN", "VBG", "VB", ",", "CC"):
                tags[i] = "VBD"
                break
    for i in range(1, len(tags) - 1):
        word = pieces[i][0]
        if (
            tags[i] == "JJ"
            and tags[i - 1] in ("DT", "PRP$")
            and tags[i + 1] in ("VBD", "VBZ", "VBP", "MD", ".", ",", "IN")
            and "NOUN" in parts_of_speech(word)
        ):
            tags[i] = "NNS" if word.endswith("s") and not word.endswith("ss") else "NN"


_EDGE = ("STAART", "STAART")

# Brill's contextual rule templates: does the rule's (x, y) hold around token i of t?
_CONDITIONS = {
    "prevtag": lambda t, i, x, y: x == t[i - 1][1],
    "nexttag": lambda t, i, x, y: x == t[i + 1][1],
    "prev2tag": lambda t, i, x, y: x == t[i - 2][1],
    "next2tag": lambda t, i, x, y: x == t[i + 2][1],
    "prev1or2tag": lambda t, i, x, y: x in (t[i - 1][1], t[i - 2][1]),
    "next1or2tag": lambda t, i, x, y: x in (t[i + 1][1], t[i + 2][1]),
    "prev1or2or3tag": lambda t, i, x, y: x in (t[i - 1][1], t[i - 2][1], t[i - 3][1]),
    "next1or2or3tag": lambda t, i, x, y: x in (t[i + 1][1], t[i + 2][1], t[i + 3][1]),
    "surroundtag": lambda t, i, x, y: x == t[i - 1][1] and y == t[i + 1][1],
    "curwd": lambda t, i, x, y: x == t[i][0],
    "prevwd": lambda t, i, x, y: x == t[i - 1][0],
    "nextwd": lambda t, i, x, y: x == t[i + 1][0],
    "prev1or2wd": lambda t, i, x, y: x in (t[i - 1][0], t[i - 2][0]),
    "next1or2wd": lambda t, i, x, y: x in (t[i + 1][0], t[i + 2][0]),
    "prevwdtag": lambda t, i, x, y: x == t[i - 1][0] and y == t[i - 1][1],
    "nextwdtag": lambda t, i, x, y: x == t[i + 1][0] and y == t[i + 1][1],
    "wdprevtag": lambda t, i, x, y: x == t[i - 1][1] and y == t[i][0],
    "wdnexttag": lambda t, i, x, y: x == t[i][0] and y == t[i + 1][1],
    "wdand2aft": lambda t, i, x, y: x == t[i][0] and y == t[i + 2][0],
    "wdand2tagbfr": lambda t, i, x, y: x == t[i - 2][1] and y == t[i][0],
    "wdand2tagaft": lambda t, i, x, y: x == t[i][0] and y == t[i + 2][1],
    "lbigram": lambda t, i, x, y: x == t[i - 1][0] and y == t[i][0],
    "rbigram": lambda t, i, x, y: x == t[i][0] and y == t[i + 1][0],
    "prevbigram": lambda t, i, x, y: x == t[i - 2][1] and y == t[i - 1][1],
    "nextbigram": lambda t, i, x, y: x == t[i + 1][1] and y == t[i + 2][1],
}


@cache
def _rules_by_tag() -> dict[str, list[tuple[Any, str, str, str]]]:
    """TextBlob's contextual rules, indexed by the tag they rewrite."""
    out: dict[str, list[tuple[Any, str, str, str]]] = {}
    rules = list(_lexicon().context)
    for from_tag in {r[0] for r in rules}:
        out[from_tag] = [
            (_CONDITIONS[r[2].lower()], r[1], r[3], r[4] if len(r) > 4 else "")
            for r in rules
            if r[0] in (from_tag, "*") and r[2].lower() in _CONDITIONS
        ]
    return out


def apply_context(rules: dict[str, list[tuple[Any, str, str, str]]], tagged: list) -> list:
    """TextBlob's `Context.apply`, with the rules looked up by tag.

    The same rules and the same result (each token is tested against the rules for
    the tag it had when its turn came, in the file's order, against its neighbours'
    tags as they stand then; the last rule that holds wins), but a token meets only
    the rules for its tag instead of all 280: TextBlob's loop took 0.37 s of the built-in
    article's 1 s (bench/generate_speed.py)."""
    t = [_EDGE] * 3 + [list(x) for x in tagged] + [_EDGE] * 3
    for i in range(3, len(t) - 3):
        for condition, to_tag, x, y in rules.get(t[i][1], ()):
            if condition(t, i, x, y):
                t[i] = [t[i][0], to_tag]
    return t[3:-3]


def _as_tagged(word: str) -> str:
    """The form the tagger sees: an acronym as a known proper noun, so that "US" is not
    read as the pronoun "us" and the contextual rules around it go the right way; a
    British spelling the (American) lexicon lacks as its American one."""
    if len(word) >= 2 and word.isupper() and word.isalpha():
        return "IBM"
    lexicon = _lexicon()
    if word in lexicon or word.lower() in lexicon or not word.isalpha():
        return word
    for british, american in _SPELLINGS:
        if british.search(word):
            other = british.sub(american, word)
            if other in lexicon:
                return other
    return word


# travelled -> traveled, organise -> organize, colour -> color, centre -> center
_SPELLINGS = [
    (re.compile(p), r)
    for p, r in (
        (r"(?<=[aeiou])ll(ed|ing|er|ers)$", r"l\1"),
        (r"is(e|es|ed|ing|ation|ations)$", r"iz\1"),
        (r"ys(e|es|ed|ing)$", r"yz\1"),
        (r"our(s|ed|ing|ful|ite|ites)?$", r"or\1"),
        (r"tre(s)?$", r"ter\1"),
        (r"ence$", r"ense"),
        (r"ogue(s)?$", r"og\1"),
    )
]


def _fix(word: str, tag_: str) -> str:
    if word in _CURRENCY:
        return "$"
    if word[0].isdigit():
        # "21st", "18-year-old", "310-megawatt" describe; "3bn", "777-200LR" count or name
        return "JJ" if re.fullmatch(r"\d+(?:st|nd|rd|th)|\d+(?:-[a-z]+)+", word) else "CD"
    if word in ('"', "'"):
        return "''"
    return tag_
