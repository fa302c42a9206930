"""Reading and writing quantities: "1.5 million", "$3.3bn", "three", "45%".

Shared by fact extraction (what a span is worth), distractors (perturb a value and
write it back in the same format) and grading ("30000" = "30,000" = "thirty thousand").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD_VALUES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS = {
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
    "tr": 1_000_000_000_000,
}
NUMBER_WORDS = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
_NUMERAL = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written: value, plus the pieces needed to write another like it."""

    value: float
    decimals: int
    grouped: bool  # "30,000" rather than "30000"
    prefix: str  # text before the numeral, e.g. "US$"
    suffix: str  # text after it, e.g. "bn", " million", "%"


def parse_quantity(text: str) -> Quantity | None:
    """The first numeral in `text` with what surrounds it; None when there is none."""
    match = _NUMERAL.search(text)
    if not match:
        return None
    raw = match.group()
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    return Quantity(
        value=float(raw.replace(",", "")),
        decimals=decimals,
        grouped="," in raw,
        prefix=text[: match.start()],
        suffix=text[match.end() :],
    )


# the scale a value under one of its own is written in: "$0.7bn" reads "$700m", and
# "0.8 million people" reads "800,000 people" ("" is a plain grouped numeral)
_SCALE_BELOW = {
    "trillion": "billion",
    "tn": "bn",
    "billion": "million",
    "bn": "m",
    "b": "m",
    "million": "",
    "m": "",
    "mn": "",
    "mln": "",
    "thousand": "",
    "k": "",
}
_SCALE_SUFFIX = re.compile(r"(\s?)([a-z]+)\b(.*)$", re.S)


def format_like(q: Quantity, value: float) -> str:
    """Write `value` the way `q` was written (same unit, decimals and grouping).

    A value under one of a scale the original was at least one of ("$1.2 billion" ->
    0.8) is written in the scale below, as people write it: "$800 million", not
    "$0.8 billion"."""
    scaled = _SCALE_SUFFIX.match(q.suffix)
    if scaled and scaled.group(2) in _SCALE_BELOW and 0 < value < 1 <= q.value:
        below = _SCALE_BELOW[scaled.group(2)]
        step = SCALE_WORDS[scaled.group(2)] // (SCALE_WORDS[below] if below else 1)
        body = f"{round(value * step):,}"
        unit = f"{scaled.group(1)}{below}" if below else ""
        return f"{q.prefix}{body}{unit}{scaled.group(3)}"
    if q.decimals:
        body = f"{value:,.{q.decimals}f}" if q.grouped else f"{value:.{q.decimals}f}"
    else:
        body = f"{round(value):,}" if q.grouped else str(round(value))
    return f"{q.prefix}{body}{q.suffix}"


def words_to_number(text: str) -> float | None:
    """'thirty thousand' -> 30000, 'two hundred and five' -> 205; None if not a number."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    total = current = 0.0
    seen = False
    for token in tokens:
        if token in WORD_VALUES:
            current += WORD_VALUES[token]
            seen = True
        elif token in SCALE_WORDS and seen and len(token) > 2:
            scale = SCALE_WORDS[token]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
        else:
            return None
    return total + current if seen else None


# "six-month", "four year": a number in words before what it counts
_COUNT_IN_WORDS = re.compile(rf"((?:{NUMBER_WORDS})(?:[\s-](?:{NUMBER_WORDS}))*)[\s-][a-z]")


def canonical_number(text: str) -> float | None:
    """The value a number-like answer stands for, scale words applied.

    '3.3bn' -> 3.3e9, '1.5 million' -> 1.5e6, '30,000' -> 30000, 'eleven' -> 11.
    """
    cleaned = text.lower().replace(",", "")
    match = re.search(r"(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)?", cleaned)
    if match:
        value = float(match.group(1))
        scale = match.group(2)
        if scale in SCALE_WORDS:
            value *= SCALE_WORDS[scale]
        return value
    value = words_to_number(cleaned)
    if value is None:
        counted = _COUNT_IN_WORDS.match(cleaned)
        value = words_to_number(counted.group(1)) if counted else None
    return value
