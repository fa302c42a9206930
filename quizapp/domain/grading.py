"""Is a typed answer right? Forgiving of form, strict about facts.

Forgiven: case, accents, punctuation, leading articles, thousands separators, number
words ("eleven" = "11"), a currency or unit the question implies ("30000" for
"US$30,000"), scale words ("3.3 billion" = "$3.3bn"), and a near-miss typo in a long
name. Never forgiven: a different number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from quizapp.domain.numbers import WORD_VALUES, canonical_number, words_to_number

_ARTICLES = re.compile(r"^(?:the|a|an)\s+")
_TYPO_MIN_LENGTH = 6  # shorter answers must be exact: "Lee" is not "Lei"


@dataclass(frozen=True, slots=True)
class Verdict:
    correct: bool
    exact: bool  # typed exactly as expected, after normalisation
    expected: str


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s.%$£€-]", " ", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return _ARTICLES.sub("", text)


_UNIT_WORDS = re.compile(
    r"(?:million|billion|trillion|thousand|percent|cent|pence|dollars|pounds|euros|yuan|years?|old)"
)
_NUMERAL = re.compile(r"(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)?")
# a measure's unit, however written: "60 km" is "60 kilometres"
_MEASURE_UNITS = {
    **dict.fromkeys("km kilometre kilometres kilometer kilometers".split(), "km"),
    **dict.fromkeys("m metre metres meter meters".split(), "m"),
    **dict.fromkeys("cm centimetre centimetres centimeter centimeters".split(), "cm"),
    **dict.fromkeys("mi mile miles".split(), "mi"),
    **dict.fromkeys("ft foot feet".split(), "ft"),
    **dict.fromkeys("kg kilogram kilograms kilo kilos".split(), "kg"),
    **dict.fromkeys("ha hectare hectares".split(), "ha"),
    **dict.fromkeys("mph".split(), "mph"),
}
_MEASURE = re.compile(rf"(?<=\d)\s*({'|'.join(sorted(_MEASURE_UNITS, key=len, reverse=True))})\b")


def _measure(text: str) -> str | None:
    m = _MEASURE.search(text)
    return _MEASURE_UNITS[m.group(1)] if m else None


def _number(text: str) -> tuple[float, ...] | None:
    """The values in an answer that is a number (in digits or words), else None.

    "16 to 18" -> (16, 18), "$3.3bn" -> (3.3e9,), "eleven" -> (11,).
    """
    if re.search(r"\d", text):
        if re.search(r"[a-z]{4,}", _UNIT_WORDS.sub("", _MEASURE.sub("", text))):
            return None  # "GPT-4 Turbo" is a name with a digit, not a number
        values = tuple(
            v for m in _NUMERAL.finditer(text) if (v := canonical_number(m.group())) is not None
        )
        return values or None
    value = words_to_number(text)
    if value is None:
        value = _ordinal_in_words(text)
    return None if value is None else (value,)


_ORDINAL_WORDS = {
    w: n
    for n, w in enumerate(
        """first second third fourth fifth sixth seventh eighth ninth tenth eleventh
        twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth
        nineteenth twentieth""".split(),
        start=1,
    )
}


def _ordinal_in_words(text: str) -> float | None:
    """ "fourteenth century" -> 14, "twenty-first" -> 21: a rank or a century typed in
    words, for an answer the article wrote in digits ("14th century")."""
    m = re.fullmatch(r"(?:(twenty)[\s-])?([a-z]+)(?: century)?", text)
    if m is None or m.group(2) not in _ORDINAL_WORDS:
        return None
    return _ORDINAL_WORDS[m.group(2)] + (20 if m.group(1) else 0)


def grade(given: str, expected: str, accepted: Iterable[str] = ()) -> Verdict:
    g = normalise(given)
    if not g:
        return Verdict(False, False, expected)
    for candidate in (expected, *accepted):
        c = normalise(candidate)
        if not c:
            continue
        if g == c:
            return Verdict(True, True, expected)
        if _numbered(g) == _numbered(c):  # "World War Two" for "World War II"
            return Verdict(True, False, expected)
        if len(c.split()) > 1 and sorted(g.split()) == sorted(c.split()):
            return Verdict(True, False, expected)  # "Camp Nou" for "Nou Camp", "Kai-fu Li"
        expected_value, given_value = _number(c), _number(g)
        if expected_value is not None:
            units = {_measure(g), _measure(c)} - {None}
            if given_value is not None and given_value == expected_value and len(units) <= 1:
                return Verdict(True, False, expected)  # "60 kilometres" for "60 km"
            continue  # a different number is never close enough
        if given_value is not None:
            continue
        if _close_enough(g, c):
            return Verdict(True, False, expected)
    return Verdict(False, False, expected)


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _numbered(text: str) -> str:
    """A name's closing number written one way: "world war two", "world war ii" and
    "world war 2" are one name. Only a last word after a word that is no number counts
    ("two hundred" and "Malcolm X" stay as they are: a lone letter may be a name)."""
    words = text.split()
    if len(words) < 2 or _number_word(words[-2]) is not None:
        return text
    value = _number_word(words[-1])
    return text if value is None else " ".join([*words[:-1], str(value)])


def _number_word(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word in WORD_VALUES:
        return WORD_VALUES[word]
    if len(word) >= 2 and re.fullmatch(r"[ivxlc]+", word):
        total = 0
        for a, b in zip(word, word[1:] + " ", strict=True):
            v = _ROMAN_VALUES[a]
            total += -v if b != " " and _ROMAN_VALUES[b] > v else v
        return total
    return None


def _close_enough(given: str, expected: str) -> bool:
    if len(expected) < _TYPO_MIN_LENGTH:
        return False
    if re.findall(r"\d+", _numbered(given)) != re.findall(r"\d+", _numbered(expected)):
        return False  # "Apollo 12" is another mission, not a slip for "Apollo 11"
    # one slip per six characters: "Standard Charterd" passes, "Standard Bank" does not
    allowed = max(1, len(expected) // 6)
    return Levenshtein.distance(given, expected) <= allowed


def is_correct(given: str, expected: str, accepted: Iterable[str] = ()) -> bool:
    return grade(given, expected, accepted).correct
