"""Plausible wrong answers of the same kind as the right one.

First from the same article (a learner who skimmed it will hesitate), then made up:
numbers are perturbed in value but keep their unit, magnitude and format; years stay
near the article's own years; names come from the article's other names or from the
gazetteers. Never the answer itself nor a variant of it.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property, lru_cache

from quizapp.domain import gazetteer as gz
from quizapp.domain.facts import NUMERIC_KINDS, Fact, answer_key
from quizapp.domain.numbers import WORD_VALUES, canonical_number, format_like, parse_quantity

_FALLBACK_FIRST = (
    "James Maria David Sarah Michael Anna Peter Laura Daniel Elena Thomas Helen".split()
)
_FALLBACK_LAST = "Miller Garcia Thompson Nakamura Rossi Schmidt Okafor Novak Silva Clarke".split()
_NUMBER_WORD_LIST = [w for w, v in sorted(WORD_VALUES.items(), key=lambda kv: kv[1]) if v > 0]


def is_variant(candidate: str, answer: str, *, people: bool = True) -> bool:
    """Would a learner who picked `candidate` be right? Then it cannot be a distractor.
    `people`: the two may name people, whom a shared surname makes one person."""
    a, c = answer_key(answer), answer_key(candidate)
    if not c or a == c or a in c.split() or c in a.split():
        return True
    if re.search(r"\d", a) or re.search(r"\d", c):
        va, vc = canonical_number(a), canonical_number(c)
        return va is not None and vc is not None and abs(va - vc) < 1e-9 and _unit(a) == _unit(c)
    a_words, c_words = set(a.split()) - _HONORIFIC_WORDS, set(c.split()) - _HONORIFIC_WORDS
    if not a_words or not c_words:
        return True
    # "Mr Negroponte" is "Nicholas Negroponte": the same surname is the same person; but
    # the FA Cup is not the World Cup, nor Newcastle United Manchester United
    same_surname = people and a.split()[-1] == c.split()[-1] and len(a.split()[-1]) > 2
    return a_words <= c_words or c_words <= a_words or same_surname


_HONORIFIC_WORDS = frozenset(gz.HONORIFICS)


def _unit(text: str) -> str:
    return re.sub(r"[\d.,\s]+", "", text.lower())


class FactPool:
    """An article's facts, grouped once for the distractor lookups.

    Every multiple-choice and true/false question looks for same-kind facts; a scan
    of all the facts for each made generation quadratic: a 1.6 MB article took 30 s,
    most of it here (bench/generate_speed.py). The groups keep the facts' order, so
    the distractors are the ones a scan would find.
    """

    def __init__(self, facts: Sequence[Fact]) -> None:
        self.facts = list(facts)

    @cached_property
    def _by_kind_and_case(self) -> dict[tuple[str, bool], list[Fact]]:
        groups: dict[tuple[str, bool], list[Fact]] = {}
        for f in self.facts:
            groups.setdefault((f.kind, f.text[:1].islower()), []).append(f)
        return groups

    def same_kind(self, kind: str, lower: bool) -> list[Fact]:
        return self._by_kind_and_case.get((kind, lower), [])

    def names(self, lower: bool) -> list[Fact]:
        """Facts that name something other than a person, place, number or date."""
        return self._names_by_case[lower]

    @cached_property
    def _names_by_case(self) -> dict[bool, list[Fact]]:
        groups: dict[bool, list[Fact]] = {True: [], False: []}
        for f in self.facts:
            if f.kind in ("org", "product", "event", "other") and (
                f.text.lower() not in gz.COMMON_ACRONYMS
            ):
                groups[f.text[:1].islower()].append(f)
        return groups

    @cached_property
    def people(self) -> list[str]:
        return [f.aliases[0] if f.aliases else f.text for f in self.facts if f.kind == "person"]

    @cached_property
    def years(self) -> list[int]:
        return [
            int(v) for f in self.facts if f.kind == "date" for v in re.findall(r"\b\d{4}\b", f.text)
        ]


def pick_distractors(
    fact: Fact, pool: FactPool | Sequence[Fact], rng: random.Random, count: int = 3
) -> list[str]:
    """Up to `count` distinct distractors for `fact`, best first."""
    if not isinstance(pool, FactPool):
        pool = FactPool(pool)
    chosen: list[str] = []

    def add(candidate: str) -> None:
        if len(chosen) >= count or not candidate:
            return
        if bool(re.search(r"\d", candidate)) != fact.numeric:
            return  # a digit among words (or a word among numbers) gives the answer away
        people = fact.kind == "person"
        if is_variant(candidate, fact.text, people=people) or any(
            is_variant(candidate, c, people=people) for c in chosen
        ):
            return
        chosen.append(candidate)

    for candidate in _from_article(fact, pool, rng):
        add(candidate)
        if len(chosen) >= count:
            break  # the rest would be refused: lazily made, they are never made
    if len(chosen) < count:
        for candidate in _made_up(fact, pool, rng):
            add(candidate)
            if len(chosen) >= count:
                break
    return chosen


def _from_article(fact: Fact, pool: FactPool, rng: random.Random) -> Iterator[str]:
    """The article's other facts of the kind, the first six shuffled; made lazily."""
    # lazily: picking three stops after a few, so a long article's thousands of
    # same-kind facts are not all scanned for every question
    group = pool.same_kind(fact.kind, fact.text[:1].islower())
    same: Iterator[Fact] = (f for f in group if f.key != fact.key)
    if fact.kind == "place" and fact.subkind:
        # a country among countries reads better than a country among cities
        same = itertools.chain(
            (f for f in group if f.key != fact.key and f.subkind == fact.subkind),
            (f for f in group if f.key != fact.key and f.subkind != fact.subkind),
        )
    if fact.kind in NUMERIC_KINDS:
        shape = _shape(fact.text)
        same = (f for f in same if _shape(f.text) == shape)
    seen: set[str] = set()

    def texts() -> Iterator[str]:
        for f in same:
            if f.key not in seen:
                seen.add(f.key)
                yield f.aliases[0] if f.aliases and f.kind == "person" else f.text

    rest = texts()
    head = list(itertools.islice(rest, 6))
    rng.shuffle(head)
    yield from head
    yield from rest


@lru_cache(maxsize=8192)
def _shape(text: str) -> str:
    """What a number looks like, digits aside: '$3.3bn' -> '$.bn', '1998' -> 'year'."""
    if re.fullmatch(r"(?:1[5-9]|20)\d\d", text):
        return "year"
    return re.sub(r"\d+", "", text.lower().replace(",", ""))


def _made_up(fact: Fact, pool: FactPool, rng: random.Random) -> Iterable[str]:
    if fact.kind in NUMERIC_KINDS:
        return _perturbed_numbers(fact, pool, rng)
    if fact.kind == "person":
        return _made_up_people(fact, pool, rng)
    if fact.kind == "place":
        return _made_up_places(fact, rng)
    # organisations, products, events, other names: the article's other names (its
    # organisations for an organisation first), and a lower-case phrase only among
    # lower-case phrases; a term such as "AI" is no name
    names = [f for f in pool.names(fact.text[:1].islower()) if f.key != fact.key]
    head = fact.text.split()[-1].lower()
    # of the other kinds, a name of the same sort first: another "... Cup" for a cup
    others = sorted(
        (f for f in names if f.kind != fact.kind),
        key=lambda f: f.text.split()[-1].lower() != head,
    )
    return itertools.chain((f.text for f in names if f.kind == fact.kind), (f.text for f in others))


def _perturbed_numbers(fact: Fact, pool: FactPool, rng: random.Random) -> list[str]:
    text = fact.text
    # words: "three sequels" -> "two sequels", "five sequels"
    word = re.match(r"(?i)([a-z]+)(.*)", text)
    if word and word.group(1).lower() in WORD_VALUES:
        value = WORD_VALUES[word.group(1).lower()]
        out = []
        for delta in (1, -1, 2, 3, -2, 4):
            if 0 < value + delta <= 20:
                w = _NUMBER_WORD_LIST[value + delta - 1]
                w = w.capitalize() if word.group(1)[0].isupper() else w
                out.append(w + word.group(2))
        return out
    score = re.fullmatch(r"(\d{1,2})-(\d{1,2})", text)
    if score:
        a, b = int(score.group(1)), int(score.group(2))
        options = {(a + 1, b), (a, b + 1), (b, a), (a + 2, b), (max(a - 1, 0), b)}
        return [f"{x}-{y}" for x, y in sorted(options) if (x, y) != (a, b)]
    q = parse_quantity(text)
    if q is None:
        return []
    if _shape(text) == "year" or (fact.kind == "date" and 1500 <= q.value <= 2100):
        latest = max([*pool.years, int(q.value)])
        deltas = [-1, 1, -2, 2, -3, 3, -5, 5, -10, 10]
        rng.shuffle(deltas)
        values = [q.value + d for d in deltas if q.value + d <= latest + 1]
        return [text.replace(str(int(q.value)), str(int(v)), 1) for v in values]
    value = q.value
    if value == 0:
        factors = [1.0, 2.0, 3.0, 5.0]
        candidates = [value + f for f in factors]
    else:
        factors = [0.5, 1.5, 2.0, 0.75, 1.25, 3.0, 0.25, 4.0]
        rng.shuffle(factors)
        candidates = [value * f for f in factors]
    out = []
    for v in candidates:
        if ("%" in q.suffix or "per" in q.suffix) and v > 100:
            continue
        if not q.decimals:
            v = _round_like(v, value)
        if v != value and v > 0:
            out.append(format_like(q, v))
    return out


def _round_like(v: float, original: float) -> float:
    """Keep the original's roundness: 750,000 -> 375,000 rather than 374,999."""
    digits = len(str(int(original))) - len(str(int(original)).rstrip("0"))
    step = 10 ** min(digits, max(len(str(int(v))) - 1, 0))
    return max(step, round(v / step) * step)


def _made_up_people(fact: Fact, pool: FactPool, rng: random.Random) -> list[str]:
    full = [p.split() for p in pool.people if len(p.split()) >= 2]
    firsts = [p[0] for p in full] or list(_FALLBACK_FIRST)
    lasts = [p[-1] for p in full] or list(_FALLBACK_LAST)
    answer_words = set(fact.text.split())
    if len(fact.text.split()) == 1:
        pool_lasts = lasts + list(_FALLBACK_LAST)
        rng.shuffle(pool_lasts)
        return [w for w in pool_lasts if w not in answer_words]
    combos = [
        f"{a} {b}" for a in firsts for b in lasts if a not in answer_words or b not in answer_words
    ]
    rng.shuffle(combos)
    fallback = [f"{a} {b}" for a in _FALLBACK_FIRST for b in _FALLBACK_LAST]
    rng.shuffle(fallback)
    return combos + fallback


def _made_up_places(fact: Fact, rng: random.Random) -> list[str]:
    if fact.subkind == "city":
        code = gz.city_country(fact.text)
        cities = list(gz.cities_by_country().get(code or "", []))[:20]
        rng.shuffle(cities)
        return cities
    countries = list(gz.countries_near(fact.text))
    rng.shuffle(countries)
    return countries
