"""Wrong answers that a reader of the article must think about, or none at all.

A distractor is adequate when it is the same sort of thing as the answer, fits the
blank as well as the answer does, is clearly wrong given the article, and is not
named in the question (Zhang et al. 2020). So every candidate passes these checks:

- the same kind, and for names the same sort (roles.py: a player for a player, a
  bank for a bank); places of the same level (a city for a city, in the same country);
- numbers in the same unit, format and magnitude, on the same side of any figure the
  stem compares them with ("rose from 3% to _____" gets no 2.5%);
- never named in the stem, never another name for the answer (nor for one another),
  never a piece of a longer name.

Candidates come from the article first (a learner who skimmed it will hesitate), then,
for places and numbers, from the gazetteer or a perturbed value. Where fewer than
three pass, the caller asks the fact as a typed question instead of padding the
choices with weak ones.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property, lru_cache

from quizapp.domain import gazetteer as gz
from quizapp.domain.facts import A_TEAM_AFTER, A_TEAM_BEFORE, NUMERIC_KINDS, Fact, answer_key, zipf
from quizapp.domain.numbers import WORD_VALUES, canonical_number, format_like, parse_quantity
from quizapp.domain.roles import (
    ROLE_WORDS,
    Profile,
    craft_of,
    institution_noun,
    portfolio_of,
    profiles,
    similarity,
    sort_of,
)
from quizapp.domain.text import word_occurrences

_NEAR = 120  # names or figures of a kind looked at for one question's distractors
_NUMBER_WORD_LIST = [w for w, v in sorted(WORD_VALUES.items(), key=lambda kv: kv[1]) if v > 0]
# names one place goes by: one of these is never a wrong answer for another
_SAME_PLACE = (
    frozenset({"uk", "britain", "great britain", "united kingdom", "england"}),
    frozenset({"us", "usa", "united states", "america", "united states of america"}),
    frozenset({"china", "mainland china", "prc"}),
)


_COUNTRY_FORMS = tuple(
    (re.compile(rf"\b(?:{'|'.join(sorted(family, key=len, reverse=True))})\b"), f"<{n}>")
    for n, family in enumerate(
        (
            _SAME_PLACE[0] | {"british"},
            _SAME_PLACE[1] | {"american", "u s"},
            _SAME_PLACE[2] | {"chinese"},
        )
    )
)


def _one_country(key: str) -> str:
    """A name with its country said one way: "british parliament" and "united kingdom
    parliament" -> "<0> parliament"."""
    for pattern, token in _COUNTRY_FORMS:
        key = pattern.sub(token, key)
    return key


def is_variant(candidate: str, answer: str, *, people: bool = True) -> bool:
    """Would a learner who picked `candidate` be right? Then it cannot be a distractor.
    `people`: the two may name people, whom a shared surname makes one person."""
    a, c = answer_key(answer), answer_key(candidate)
    if not c or a == c or a in c.split() or c in a.split():
        return True
    if _one_country(a) == _one_country(c):
        return True  # "Britain" is the "UK", "British Parliament" the "UK Parliament"
    codes = [re.search(r"\d", x) and re.search(r"[a-z]", x) for x in (a, c)]
    if all(codes) and (set(a.split()) <= set(c.split()) or set(c.split()) <= set(a.split())):
        return True  # "Report P-2626" is "P-2626", as "the A380 superjumbo" is "A380"
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
    """An article's facts, grouped once for the distractor lookups (a scan per question
    made generation quadratic on long articles: bench/generate_speed.py)."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        self.facts = list(facts)

    @cached_property
    def _by_kind(self) -> dict[str, list[Fact]]:
        """Per kind, the first mention of each name or figure, in article order."""
        groups: dict[str, list[Fact]] = {}
        seen: set[tuple[str, str]] = set()
        for f in sorted(self.facts, key=lambda f: (f.sentence.index, f.start)):
            if (f.kind, f.key) not in seen:
                seen.add((f.kind, f.key))
                groups.setdefault(f.kind, []).append(f)
        return groups

    @cached_property
    def _positions(self) -> dict[str, list[int]]:
        return {k: [f.sentence.index for f in group] for k, group in self._by_kind.items()}

    def same_kind(self, kind: str, near: Fact | None = None) -> list[Fact]:
        """The article's names or figures of a kind, one mention each; with `near`, the
        _NEAR nearest it in the article. A book has thousands of names: looking at all
        of them for each question made its generation quadratic, and a name from the
        same chapter makes the better distractor anyway."""
        group = self._by_kind.get(kind, [])
        if near is None or len(group) <= _NEAR:
            return group
        at = bisect.bisect_left(self._positions[kind], near.sentence.index)
        low = max(0, min(at - _NEAR // 2, len(group) - _NEAR))
        return group[low : low + _NEAR]

    @cached_property
    def profiles(self) -> dict[str, Profile]:
        return profiles(self.facts)

    def profile(self, fact: Fact) -> Profile:
        return self.profiles.get(fact.key) or Profile()

    @cached_property
    def years(self) -> list[int]:
        return [
            int(v) for f in self.facts if f.kind == "date" for v in re.findall(r"\b\d{4}\b", f.text)
        ]

    @cached_property
    def reported_years(self) -> list[int]:
        """The years the article gives for what has happened: not "set to fly in 2008"."""
        return [
            int(v)
            for f in self.facts
            if f.kind == "date" and not _in_the_future(f)
            for v in re.findall(r"\b\d{4}\b", f.text)
        ]

    @cached_property
    def team_names(self) -> list[str]:
        """The names the article uses as teams: a club, or a town that plays, beats or
        is beaten. Found once per article, not once per question."""
        names = []
        for f in self.facts:
            if f.kind not in ("org", "place"):
                continue
            text = f.sentence.text
            if "sport_club" in self.profile(f).sorts or _as_a_team(text[: f.start], text[f.end :]):
                names.append(_full_name(f))
        return list(dict.fromkeys(names))

    @cached_property
    def by_name(self) -> dict[str, Fact]:
        """A fact for each name as distractors write it (the fullest form)."""
        out: dict[str, Fact] = {}
        for f in self.facts:
            out.setdefault(_full_name(f), f)
        return out

    @cached_property
    def countries(self) -> tuple[str, ...]:
        """The article's countries, most mentioned first (its cities' and its own)."""
        counts: dict[str, int] = {}
        for f in self.facts:
            if f.kind != "place":
                continue
            code = gz.country_code(f.text) if f.subkind == "country" else None
            if f.subkind == "city":
                code = gz.city_country(f.text)
            if code:
                counts[code] = counts.get(code, 0) + 1
        return tuple(sorted(counts, key=lambda c: -counts[c]))

    @cached_property
    def inner_words(self) -> frozenset[str]:
        """Words inside a longer name but not opening it: "Mother" of "Queen Mother"
        ("Boeing" opens "Boeing 777" and is no piece of it). A set, not a scan of the
        names for each candidate: that made a long article's generation quadratic."""
        return frozenset(
            word for name in self.long_names for word in re.findall(r"\w+(?:['.-]\w+)*", name)[1:]
        )

    @cached_property
    def long_names(self) -> list[str]:
        """Every name of two words or more, to tell a piece of one from a name."""
        return [f.text for f in self.facts if not f.is_phrase and " " in f.text]


def pick_distractors(
    fact: Fact,
    pool: FactPool | Sequence[Fact],
    rng: random.Random,
    count: int = 3,
    stem: str = "",
) -> list[str]:
    """Up to `count` adequate distractors for `fact`, best first; `stem` is the question
    as the learner reads it, whose words the distractors must respect."""
    if not isinstance(pool, FactPool):
        pool = FactPool(pool)
    chosen: list[str] = []
    people = fact.kind == "person"
    stem_words = _name_words(stem)
    article_before = re.search(r"\b(a|an|A|An)\s+_____", stem)
    article = article_before.group(1).lower() if article_before else ""
    if article and _needs_an(fact.text) != (article == "an"):
        article = ""  # the article and the answer disagree already: no cue to keep
    # "The _____, East Timor and Madagascar": a name that takes "the" among ones that
    # do not is the answer; the others must take it too
    the_name = _named_with_the(fact, stem)
    echoed = _echoed_words(fact, stem)
    # with an echo, look further: the choices that echo the stem as the answer does
    wanted = count + _LOOK_FURTHER if echoed else count
    for candidate in _candidates(fact, pool, rng, stem):
        if not candidate or bool(re.search(r"\d", candidate)) != fact.numeric:
            continue  # a digit among words (or a word among numbers) gives the answer away
        if is_variant(candidate, fact.text, people=people) or any(
            is_variant(candidate, c, people=people) for c in chosen
        ):
            continue
        if fact.subkind == "city" and any(
            gz.same_place(candidate, other) for other in (fact.text, *chosen)
        ):
            continue  # Manhattan beside New York City: one place, two choices
        if (
            stem
            and _named_in(candidate, stem, stem_words)
            and not (echoed and _echoes_as_the_answer_does(candidate, stem, echoed))
        ):
            continue
        if article and _needs_an(candidate) != (article == "an"):
            continue  # "an _____": a choice that takes "a" gives itself away
        if the_name and not gz.takes_the(candidate):
            continue
        if not candidate.isascii() and fact.text.isascii():
            continue  # "Al Mawşil al Jadīdah" beside "Baghdad": a gazetteer's spelling
        if not fact.is_phrase and _piece_of_a_name(candidate, pool):
            continue
        if not fact.numeric and _a_pair(candidate) and not _a_pair(fact.text):
            continue  # "James Gamble & Reuben Townroe" beside one keeper: two for one
        if fact.text[:1].isupper() and not fact.is_phrase and candidate[:1].islower():
            continue  # "ex-England" beside "Southampton": no name, though it holds one
        if not fact.numeric and _is_acronym(candidate) != _is_acronym(fact.text):
            continue  # "UHD" among "Select Committee" and "Channel": the form gives it away
        if institution_noun(candidate) and not institution_noun(fact.text):
            continue  # a bare "Government" beside "European Central Bank": no name at all
        if candidate.split()[0].lower() in _POSSESSIVE_WORDS and not fact.is_phrase:
            continue  # "Thy Church" (a hymn's words) beside "Methodist Episcopal Church"
        if fact.kind == "org" and _a_nationality(candidate):
            continue  # "Serbian American", "Serbian Cyrillic" beside a company: no body
        chosen.append(candidate)
        if len(chosen) >= wanted:
            break
    if echoed:
        # "Woodward Park was founded by the late _____": "Ralph Woodward" among names
        # that share no word with the stem is picked for the echo alone (a clang
        # association, Haladyna et al. 2002); the choices must echo it as well, all
        # but one of them at least, or the question is asked typed
        echoing = [c for c in chosen if echoed & _capitalised_words(c)]
        if len(echoing) < max(1, count - 1):
            return []
        others = [c for c in chosen if c not in echoing]
        return [*echoing, *others][:count]
    return chosen


_LOOK_FURTHER = 9
# a name does not open with a possessive ("Thy Church", "Our Lady" is one only with
# its saint): words quoted from a title, not a body of that kind
_POSSESSIVE_WORDS = frozenset("thy thine my our your his her their its".split())


def _capitalised_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\b[A-Z][\w'-]{2,}", text) if w.lower() not in _NOT_NAMES}


_NOT_NAMES = frozenset("the and for with from this that".split())


def _echoes_as_the_answer_does(candidate: str, stem: str, echoed: set[str]) -> bool:
    """ "European Commission" for "the legislature of the European Union is the _____"
    (European Parliament): it shares with the stem only a word the answer shares too,
    and is no name the stem gives."""
    shared = {w for w in _capitalised_words(candidate) if word_occurrences(stem, w) > 0}
    return bool(shared) and shared <= echoed and word_occurrences(stem, candidate) == 0


def _echoed_words(fact: Fact, stem: str) -> set[str]:
    """The capitalised words of a name answer that the stem also says ("Woodward" of
    "Ralph Woodward" in "Woodward Park was founded by the late _____")."""
    if fact.numeric or fact.is_phrase or "_____" not in stem:
        return set()
    shared = _capitalised_words(fact.text) & _capitalised_words(stem.replace("_____", " "))
    # a shared head noun ("British Parliament" beside "the Scottish Parliament") says
    # what sort of body it is, which every choice of that sort says as well
    return {w for w in shared if w.lower() not in gz.ORG_WORDS | gz.PLACE_WORDS}


def _a_nationality(name: str) -> bool:
    """ "Serbian American", "South African", "Serbian Cyrillic": a people, or a people's
    script or manner, however the name finder sorted it; no organisation."""
    words = name.lower().split()
    if not words or words[0] not in gz.DEMONYMS | {"south", "north", "east", "west"}:
        return False
    # a noun after it may name a body ("English Heritage", "African Rifles")
    return len(words) <= 2 and all(
        w in gz.DEMONYMS or (gz.parts_of_speech(w) and "NOUN" not in gz.parts_of_speech(w))
        for w in words[1:]
    )


def _named_with_the(fact: Fact, stem: str) -> bool:
    """ "The _____, East Timor": a place named with "the", the "the" left in the stem."""
    return (
        fact.kind == "place"
        and gz.takes_the(fact.text)
        and re.search(r"\b[Tt]he\s+_____", stem) is not None
    )


def _is_acronym(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&.-]{1,7}s?", text))


def _needs_an(word: str) -> bool:
    """Does "an" come before this? By sound, roughly: vowels, and numbers said with one."""
    w = word.strip().lower()
    if re.match(r"(?:8|11|18|8\d)(?:\D|$)|8\d\d(?:\D|$)", w):
        return True
    if re.match(r"\d", w):
        return False
    if re.match(r"(?:uni|use|usu|eu|one|once)", w):
        return False
    if re.match(r"(?:hour|honou?r|heir)", w):
        return True
    if re.fullmatch(r"[a-z]{2,5}", w) and word.isupper():  # acronyms by letter: "an FBI"
        return w[0] in "aefhilmnorsx"
    return w[:1] in "aeiou"


def _name_words(stem: str) -> set[str]:
    # "from Baidu's Ernie Bot": Baidu is named, possessive or not
    return {re.sub(r"'s?$", "", w.lower()) for w in re.findall(r"[A-Z][\w'-]+", stem)}


def _named_in(candidate: str, stem: str, stem_words: set[str]) -> bool:
    """Is the candidate (or a distinctive word of it) already in the question?"""
    if candidate.split()[0].lower() in WORD_VALUES:  # "two" beside "(occasionally two)"
        return word_occurrences(stem, candidate.split()[0], ignore_case=True) > 0
    if re.search(r"\d", candidate):
        return bool(word_occurrences(stem, candidate) > 0 or _same_value_in(candidate, stem))
    words = [w.lower() for w in re.findall(r"[A-Z][\w'-]+", candidate)]
    return any(w in stem_words for w in words if w not in _HONORIFIC_WORDS and len(w) > 2)


def _same_value_in(candidate: str, stem: str) -> bool:
    value = canonical_number(candidate)
    if value is None:
        return False
    for m in re.finditer(r"[$£€]?\d[\d,.]*\s?(?:%|bn|m|million|billion|thousand)?", stem):
        other = canonical_number(m.group())
        if other is not None and abs(other - value) < 1e-9 and _unit(m.group()) == _unit(candidate):
            return True
    return False


def _piece_of_a_name(candidate: str, pool: FactPool) -> bool:
    """ "Mother" cut from "Queen Mother", "Graham E" from "Graham E. Fuller"."""
    if re.search(r"\s[A-Z]\.?$", candidate):
        return True
    if re.search(r"\d", candidate) and re.search(r"[A-Za-z]", candidate):
        return False  # "H100" in "Nvidia H100 GPUs" and on its own: a model is its code
    return " " not in candidate and candidate in pool.inner_words


# a name's kind must lead the runner-up's by this many votes (facts.py) for the name to
# get choices of its kind: offering three people for a ballet is worse than no choices
MIN_CERTAINTY = 2.0


def _candidates(fact: Fact, pool: FactPool, rng: random.Random, stem: str) -> Iterator[str]:
    if fact.kind not in NUMERIC_KINDS and fact.certainty < MIN_CERTAINTY:
        return
    if fact.kind not in NUMERIC_KINDS and _a_pair(fact.text):
        return  # "the University of Chicago and Northwestern": a pair among single names
    if fact.kind in NUMERIC_KINDS:
        yield from _numbers(fact, pool, rng, stem)
    elif fact.kind == "person":
        demonym = _demonym_cue(stem)
        portfolio = _portfolio_cue(stem)
        gender = _gender_cue(stem)
        cue = _role_cue(fact, stem)
        sort = None if cue is None else sort_of(cue) or ""
        craft = craft_of(cue) if cue else None
        office = _office(fact.role) if _titled_in(fact, stem) else ()
        for name in _similar_names(fact, pool, rng, strict=cue is not None, sort=sort):
            f = pool.by_name.get(name)
            if f is None or not _looks_personal(f, pool):
                continue  # "Marshall Plan", "Le Chiffre": no person a reader would accept
            if office and _office(f.role) != office:
                continue  # "Prime Minister _____": only another prime minister
            crafts = {c for w in pool.profile(f).words if (c := craft_of(w))}
            if craft and crafts and craft not in crafts:
                continue  # "author _____'s first Bond book": no actor, though both are arts
            if demonym and demonym not in pool.profile(f).demonyms:
                continue  # "Italian finance minister _____": only another Italian will do
            if portfolio and portfolio not in pool.profile(f).portfolios:
                continue  # "Lib Dem education spokesman _____": no prime minister
            if gender and gz.person_gender(name) != gender:
                continue  # "said his wife, _____": only a woman will do
            # the answer's form: a surname for a surname ("Kuechly"), a full name else
            yield name.split()[-1] if len(fact.text.split()) == 1 else name
    elif fact.kind == "place" and _as_a_team(*stem.partition("_____")[::2]):
        # "Chelsea have not played _____ since": a town's name for its club; other
        # towns (Vigo, Murcia) are no opponents, the article's other clubs are
        yield from _teams(fact, pool, rng)
    elif fact.kind == "place":
        yield from _places(fact, pool, rng, stem)
    elif fact.kind in ("org", "product", "event"):
        yield from _similar_names(fact, pool, rng)
    # other names and common-noun phrases: no list of their kind to draw from, so
    # they are asked as typed questions


# ---- names --------------------------------------------------------------------------


def _similar_names(
    fact: Fact, pool: FactPool, rng: random.Random, strict: bool = True, sort: str | None = None
) -> Iterator[str]:
    """The article's other names of the kind, those most like the answer first. Things
    of a different sort (roles.py: a club for a bank) never; people of another sort
    last, and never when the stem says the answer's role ("Striker _____ scored"):
    who an unknown person is, only the article tells, but a role in the stem tells
    the learner, and then only people the article gives that sort ("musicians include
    _____": no dictator)."""
    mine = pool.profile(fact)
    seen: dict[str, tuple[float, str]] = {}
    for f in pool.same_kind(fact.kind, near=fact):
        if f.key == fact.key or f.key in seen or f.certainty < MIN_CERTAINTY:
            continue
        if sort and sort not in pool.profile(f).sorts:
            continue
        theirs = pool.profile(f)
        if fact.kind == "org" and not mine.sorts and theirs.sorts - {"company", "finance"}:
            continue  # an organisation of no stated sort is most likely a company: no court
        if (
            fact.kind == "org"
            and not mine.sorts
            and not _noun_head(fact.text)
            and _noun_head(f.text)
            and head_of(f.text) not in CORPORATE_WORDS
        ):
            continue  # nor a body its name says is of some sort: "Anglican Church" beside
            # "Ergänzungsschulen", whose sort the article never states
        if fact.kind == "org" and mine.sorts - {"company"} and not theirs.sorts & mine.sorts:
            continue  # an agency or a newspaper gets agencies or newspapers, not firms
        if (
            fact.kind == "org"
            and _noun_head(fact.text)
            and head_of(fact.text) != head_of(f.text)
            and not (mine.sorts & theirs.sorts)
        ):
            continue  # "Sheepshanks Gallery": a gallery for a gallery, not a museum or "Media"
        score = similarity(mine, theirs)
        if score == float("-inf"):
            if strict:
                continue
            score = -1.0
        if fact.kind in ("product", "event") and not _same_head(fact.text, f.text):
            continue  # a phone for a phone, a cup for a cup: a chatbot is no chip
        if head_of(fact.text) != head_of(f.text) and (_of_name(fact.text) or _of_name(f.text)):
            continue  # a committee for a committee: "Treaty of Rome" found nothing
        if fact.kind == "product" and _code_shape(fact.text) == _code_shape(f.text):
            score += 1.0  # "H800": "A100" and "H100" before "GPT-4 Turbo"
        elif fact.kind == "product" and _MODEL_CODE.fullmatch(fact.text):
            continue  # a chip's code for a chip's code: "Qwen-72B" is a model, "GPT3.5" too
        seen[f.key] = (score + rng.random() * 0.5, _full_name(f))
    for _score, name in sorted(seen.values(), key=lambda v: -v[0]):
        yield name


_FEMALE = frozenset(
    """wife mother daughter sister widow girlfriend actress queen princess duchess
    businesswoman chairwoman spokeswoman grandmother aunt niece""".split()
)
_MALE = frozenset(
    """husband father son brother widower boyfriend actor king prince duke businessman
    spokesman grandfather uncle nephew""".split()
)


def _gender_cue(stem: str) -> str | None:
    """A word before the blank that says the answer's sex: "said his wife, _____"."""
    before = [w.lower() for w in re.findall(r"[A-Za-z]+", stem.partition("_____")[0])[-3:]]
    if any(w in _FEMALE for w in before):
        return "female"
    if any(w in _MALE for w in before):
        return "male"
    # "_____, who achieved recognition for her research": a relative clause on the
    # answer says its sex in its first pronoun, when no one else is named before it
    who = re.match(r",\s(?:who|whose)\b([^.;]*)", stem.partition("_____")[2])
    if who:
        clause = who.group(1)
        pronoun = re.search(r"\b(she|her|hers|herself|he|him|his|himself)\b", clause)
        if pronoun and not re.search(r"\b[A-Z][a-z]+\s[A-Z][a-z]+", clause[: pronoun.start()]):
            return "female" if pronoun.group(1) in ("she", "her", "hers", "herself") else "male"
        if re.search(r"\b(?:first|only)\s(?:female|woman)\b", clause):
            return "female"
    return None


def _demonym_cue(stem: str) -> str | None:
    """A nationality the stem gives the answer: "Italian finance minister _____"."""
    before = re.findall(r"[A-Za-z][\w-]*", stem.partition("_____")[0])[-4:]
    return next((w.lower() for w in before if w.lower() in gz.DEMONYMS and w[0].isupper()), None)


def _portfolio_cue(stem: str) -> str | None:
    """The field the stem gives the answer charge of: "education spokesman _____"."""
    before = [w.lower() for w in re.findall(r"[A-Za-z][\w-]*", stem.partition("_____")[0])[-5:]]
    return portfolio_of(before)


def _looks_personal(f: Fact, pool: FactPool) -> bool:
    """A name a reader takes for a person's: a known first name, a title or a role, or a
    surname the article links to a full name."""
    words = _full_name(f).split()
    if len(words) == 1 and gz.parts_of_speech(words[0]):
        return False  # "Assembly", "Electric": a word of the dictionary alone is no name
    profile = pool.profile(f)
    return bool(
        (
            len(words) >= 2
            and (gz.is_first_name(words[0]) or words[0].lower() in gz.CHINESE_SURNAMES)
        )
        or f.role
        or profile.words
        or words[0].lower().strip(".") in gz.HONORIFICS
    )


# offices with one holder at a time: the title before a name says which one it is
_ONE_HOLDER = frozenset(
    """president minister chancellor king queen pope premier emperor empress governor
    mayor secretary prince princess""".split()
)


def _titled_in(fact: Fact, stem: str) -> bool:
    """The stem writes the answer's title just before the blank: "Prime Minister _____"."""
    return (
        bool(fact.role)
        and re.search(rf"\b{re.escape(fact.role)}\s_____", stem, re.IGNORECASE) is not None
    )


def _office(role: str) -> tuple[str, ...]:
    """The office a title names, without whose it is: "British Prime Minister" ->
    ("prime", "minister"); () for a title anyone may hold ("Striker")."""
    words = tuple(w for w in role.lower().split() if w in gz.TITLE_WORDS)
    return words if words and words[-1] in _ONE_HOLDER else ()


def _role_cue(fact: Fact, stem: str) -> str | None:
    """The role word the stem gives the answer next to the blank ("Chief executive
    _____", "Famous musicians include _____", "_____, the club's striker"); None when
    the stem gives none."""
    # the clause before the blank: "Famous musicians include Szpilman and _____"
    clause = re.split(r"[,;:]\s", stem.partition("_____")[0])[-1]
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w-]*", clause)[-8:]]
    words += [w[:-1] for w in words if w.endswith("s")]
    after = re.match(
        r",\s(?:the\s|a\s)?[\w\s-]*?\b(" + "|".join(ROLE_WORDS) + r")\b",
        stem.partition("_____")[2],
    )
    if after:
        words.append(after.group(1))
    roles = [w for w in words if w in ROLE_WORDS]
    agent = re.search(r"\b([a-z]+)\sby\s$", stem.partition("_____")[0])
    if agent and agent.group(1) in _DOER:
        # "both teams were coached by _____": the doer of the verb holds that role
        return _DOER[agent.group(1)]
    return roles[-1] if roles else None


# a passive verb before "by _____" and the role of whoever does it
_DOER = {
    "coached": "coach", "managed": "manager", "directed": "director", "written": "writer",
    "produced": "producer", "founded": "founder", "painted": "painter",
    "composed": "composer", "designed": "designer", "invented": "inventor",
    "edited": "editor", "sung": "singer", "played": "actor", "owned": "owner",
}  # fmt: skip


def _of_name(name: str) -> bool:
    """ "Committee of Independent Experts", "Treaty of Lisbon": a common noun heads it."""
    words = name.split()
    return len(words) >= 3 and words[1].lower() in ("of", "for") and words[0][:1].isupper()


@lru_cache(maxsize=1 << 16)  # asked of every pair of candidate names: called 150k times
def head_of(name: str) -> str:
    """ "University of Chicago Hospitals" -> "hospitals", "Bank of England" -> "bank",
    "Stetson University" -> "university": the last word where it names an institution
    or no "of" comes before it, else the word before "of" ("for")."""
    words = [w.lower() for w in re.findall(r"[A-Za-z0-9][\w'-]*", name)]
    if not words:
        return ""
    last = words[-1]
    linked = [i for i, w in enumerate(words[1:-1], start=1) if w in ("of", "for")]
    if not linked or (last[:-1] if last.endswith("s") else last) in gz.ORG_WORDS:
        return last
    return words[linked[0] - 1]


def _noun_head(name: str) -> bool:
    """A name headed by an everyday noun says what sort of thing it is ("Gallery",
    "Members", "Society"), unlike "Standard Chartered" or "Boeing"."""
    head = head_of(name)
    return head.isalpha() and head not in CORPORATE_WORDS and zipf(head) >= 3.0


# words that say "a company" and nothing more: as a head, any firm will do; at the end
# of a name, a typed answer may leave them off ("Huawei" for Huawei Technologies)
CORPORATE_WORDS = frozenset(
    """company corporation corp inc ltd limited plc group holding holdings co llc partners
    technologies""".split()
)


# a maker's code and nothing else: "H800", "A100", "X5"; its family shares its shape
_MODEL_CODE = re.compile(r"[A-Z]{1,3}\d{1,4}")


def _code_shape(name: str) -> str:
    """ "H800" -> "A999", "GPT-4" -> "AAA-9": each letter and digit as its class."""
    return re.sub(r"\d", "9", re.sub(r"[A-Za-z]", "A", name))


@lru_cache(maxsize=1 << 16)
def _same_head(a: str, b: str) -> bool:
    return a.split()[-1].lower() == b.split()[-1].lower() or bool(
        re.search(r"\d", a) and re.search(r"\d", b)  # model numbers: "A100", "H100"
    )


def _a_pair(name: str) -> bool:
    """Two names joined: "Mike and Bob Bryan", "Gamble & Townroe"."""
    return re.search(r"\s(?:and|&)\s", name) is not None


def _full_name(f: Fact) -> str:
    return f.aliases[0] if f.aliases else f.text


def _as_a_team(before: str, after: str) -> bool:
    before = before.rstrip() + " "
    if re.search(A_TEAM_BEFORE, before) or A_TEAM_AFTER.match(after):
        return True
    # "Hoddle was manager at _____", "player-boss with Swindon before moving on to
    # _____": a club's job, or a move in a sentence about one, names a club by its town
    return bool(
        _A_CLUBS_JOB.search(before)
        or (_A_MOVE.search(before) and _A_CLUBS_JOB_WORD.search(before + after))
    )


_SPORT_JOBS = r"(?:manager|coach|boss|captain|player|striker|midfielder|defender|goalkeeper)"
_A_CLUBS_JOB = re.compile(rf"\b{_SPORT_JOBS}\s(?:at|of|with)\s$")
_A_CLUBS_JOB_WORD = re.compile(rf"\b(?:player-)?{_SPORT_JOBS}s?\b")
_A_MOVE = re.compile(
    r"\b(?:joined|joining|join|signed\sfor|signing\sfor|(?:moved|moving)(?:\son)?\sto|"
    r"spells?\s(?:at|with)|left|leaving)\s$"
)


def _teams(fact: Fact, pool: FactPool, rng: random.Random) -> Iterator[str]:
    """The article's names it uses as teams, other than the answer."""
    national = gz.is_country(fact.text)
    others = [
        n
        for n in pool.team_names
        if not is_variant(n, fact.text, people=False)
        and gz.is_country(n) == national  # France's side is no club's rival, nor Millwall hers
    ]
    rng.shuffle(others)
    yield from others


_NEAR_COUNTRIES = 12


def _places(fact: Fact, pool: FactPool, rng: random.Random, stem: str = "") -> Iterator[str]:
    """Places of the same level: the article's own, then the gazetteer's nearest."""
    level = fact.subkind or "place"
    # "_____ and Basra in Iraq": the stem says the country; only its cities will do
    said = re.search(r"_____[^.;]{0,40}?\bin\s((?:the\s)?[A-Z][A-Za-z]+(?:\s[A-Z][a-z]+)?)", stem)
    country = gz.country_code(said.group(1).removeprefix("the ")) if said else None
    if country is None and level == "city" and (own_country := gz.city_country(fact.text)):
        # "emigrating to the United States in 1884 to work for Edison in _____": a
        # country the stem names that the answer is in rules out cities elsewhere
        named = re.findall(r"\b[A-Z][A-Za-z]+(?:\s[A-Z][a-z]+)?", stem.replace("_____", " "))
        if any(gz.country_code(n) == own_country for n in named if gz.is_country(n)):
            country = own_country
    # "present-day _____, South Carolina": the state the stem gives after the city; only
    # its cities will do (Paris and Cape Town are ruled out by the stem)
    state = re.match(r"_____,\s([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b", stem[stem.find("_____") :])
    in_state = gz.cities_by_us_state().get(state.group(1), []) if state else []
    own = [
        f.text
        for f in pool.same_kind("place", near=fact)
        if f.key != fact.key
        and f.subkind == level
        and f.certainty >= MIN_CERTAINTY
        # a venue for a venue of its sort: an avenue for an avenue, not a park
        and (level != "place" or _same_head(fact.text, f.text))
        and (country is None or level != "city" or gz.city_country(f.text) == country)
        and (not in_state or level != "city" or f.text in in_state)
    ]
    head, rest = own[:6], own[6:]
    rng.shuffle(head)
    own = head + rest
    far: list[str] = []
    if level == "country" and not _named_with_the(fact, stem):
        # "an orphanage in _____ and a credit union in Mozambique" (Tanzania): the
        # article's countries near the answer, then the world's, before Britain and
        # the United States
        neighbours = set(list(gz.countries_near(fact.text))[:_NEAR_COUNTRIES])
        if neighbours:
            far = [name for name in own if name not in neighbours]
            own = [name for name in own if name in neighbours]
    yield from own
    if level == "country" and _named_with_the(fact, stem):
        # "the _____": only these fit, the nearest first, a few of them in any order
        near = list(gz.countries_with_the(fact.text))[:4]
    elif level == "country":
        # the nearest few, in any order, before the farther: Seoul and Beijing are
        # Tokyo's rivals for a reader, Hanoi less so
        near = list(gz.countries_near(fact.text))
        first, later = near[:5], near[5:]
        rng.shuffle(first)
        rng.shuffle(later)
        yield from first
        yield from far
        yield from later
        return
    elif level == "city" and in_state:
        near = _cities_of_its_size(fact.text, in_state)
    elif level == "city":
        code = country or gz.city_country(fact.text, pool.countries)
        near = _cities_of_its_size(fact.text, gz.cities_by_country().get(code or "", []))
    # continents: only the article's own; Asia or Oceania beside "clubs in _____" for
    # Barcelona is ruled out by what everyone knows
    elif level == "region":
        near = list(gz.us_states())
    else:
        near = []
    rng.shuffle(near)
    yield from near


def _cities_of_its_size(answer: str, cities: list[str]) -> list[str]:
    """The country's cities a reader would weigh against the answer: for a big city
    the other big ones (Melbourne or Perth for Sydney, not Toowoomba or a district of
    Madrid for Barcelona), for a small one the country's twenty largest."""
    place = gz.place_kind(answer)
    if place is None or place[0] != "city":
        return cities[:20]
    floor = place[1] / _CITY_SCALE
    peers = [c for c in cities if (p := gz.place_kind(c)) is not None and p[1] >= floor]
    return peers[:20] if len(peers) > 3 else cities[:20]


_CITY_SCALE = 5  # a rival city has at least a fifth of the answer's people


# ---- numbers ------------------------------------------------------------------------


def _numbers(fact: Fact, pool: FactPool, rng: random.Random, stem: str) -> Iterator[str]:
    """The article's figures of the same shape and magnitude, then perturbed values; all
    on the answer's side of any figure the stem compares it with."""
    if len(_YEAR.findall(fact.text)) > 1 or len(re.findall(r"\d(?:st|nd|rd|th)\b", fact.text)) > 1:
        # "between _____" (2005 and 2008): a made-up range moves one end of it into
        # nonsense ("891 and 2008"); a span of years is asked typed
        return
    bounds = _bounds(fact, stem)
    value = canonical_number(fact.text)
    shape = _shape(fact.text)
    future = _speaks_of_the_future(stem)
    if shape == "year" and value and future:
        # "the 787, which is set to fly in _____": a year the article has not reached;
        # the years it reports as past (its latest before the answer) are ruled out
        past = [y for y in pool.years if y < value]
        if past:
            bounds = (max(bounds[0], float(max(past))), bounds[1])
    since = re.match(r"\s(?:\w+\s){0,2}since\s((?:1[5-9]|20)\d\d)\b", stem.partition("_____")[2])
    if since and re.fullmatch(r"\d[\d,]*\s+years?", fact.text):
        # "in the more than _____ since 1784": no longer than from then to the latest
        # year the article reports
        latest = max([*pool.reported_years, int(since.group(1))])
        bounds = (bounds[0], min(bounds[1], float(latest + 1 - int(since.group(1)))))
    own = []
    approximate = re.search(_APPROXIMATELY, stem.partition("_____")[0]) is not None
    unit = _unit_noun(fact)
    stem_figures = set(_FIGURE.findall(stem.replace("_____", " ")))
    stated: set[float] = set()  # the article's own figures of this sort, asked or not
    for f in pool.same_kind(fact.kind, near=fact):
        if f.key == fact.key or _shape(f.text) != shape or shape == "ordinal":
            continue  # the article's other ranks rank other things; the next ones do not
        if stem_figures & set(_FIGURE.findall(f.sentence.text)):
            # said beside a figure the stem gives: it may be right too ("1.5 million by
            # 2010" and "1.5 million by 2007"), and so may a made-up value equal to it
            if (v := canonical_number(f.text)) is not None:
                stated.add(v)
            continue
        if _unit_noun(f) != unit:
            continue  # "840 people" and "the 787 Dreamliner": not the same sort of number
        if shape != "year" and (v := canonical_number(f.text)) is not None:
            stated.add(v)
        if shape == "year" and not future and _in_the_future(f):
            continue  # "overtook Boeing in _____": not 2008, the year a plane is to fly
        v = canonical_number(f.text)
        if shape == "year" or shape.startswith("ordinal"):  # a year, a century
            close = (
                value is not None
                and v is not None
                and abs(v - value) <= (25 if shape == "year" else 3)
            )
        else:
            close = bool(value and v and 0.2 <= v / value <= 5)
        if value and v and close:
            if shape == "year" and approximate and abs(v - value) < 5:
                continue  # "around 1712": 1710 is about right too
            own.append(f.text)  # 1885 and 1978 are no years for a wartime camp of 1942
    rng.shuffle(own)
    if unit == "<name>":
        # "its much-anticipated _____ Dreamliner": a model's number, whose made-up
        # neighbours (630, 984) no maker uses; the article's other models' numbers only
        models = [
            m.group()
            for f in pool.same_kind("product", near=fact)
            if (m := re.search(r"(?<=\s)\d+$", f.text)) and len(m.group()) == len(fact.text)
        ]
        rng.shuffle(models)
        yield from (t for t in dict.fromkeys([*own, *models]) if t != fact.text)
        return
    noun = _counted_noun(fact)
    if noun == "singular" and value == 1:
        return  # "set up one school": "two school" is no English, whichever two
    after = _range_start(fact, stem)

    # a count the stem spells out: "Nine embassies will close ... and _____ consulates"
    # with "9" among the choices is a choice named in the stem
    # (a bare count only: "worth $15" may well be beside "five million lira")
    spelt = (
        {
            float(WORD_VALUES[w.lower()])
            for w in re.findall(r"[A-Za-z]+", stem.replace("_____", " "))
            if w.lower() in WORD_VALUES and WORD_VALUES[w.lower()] > 1
        }
        if re.fullmatch(r"\d+", fact.text)
        else set()
    )

    def fits(text: str, v: float | None) -> bool:
        """Inside the bounds, agreeing with the counted noun ("one schools" gives itself
        away), after the month a range opens with ("between September and _____"), and
        no count the stem spells out."""
        return (
            v is not None
            and v not in spelt
            # a clock time: "11 p.m." moves to 9 or 10 p.m., never to "14 p.m."
            and not (_CLOCK.search(text) and not 1 <= v <= 12)
            and bounds[0] < v < bounds[1]
            and not (noun == "plural" and v == 1)
            and (after is None or bool((m := _MONTH_YEAR.search(text)) and _month_index(m) > after))
        )

    for text in dict.fromkeys(own):
        if fits(text, canonical_number(text)):
            yield text
    for text in _perturbed(fact, pool, rng, bounds, stem):
        v = canonical_number(text)
        if fits(text, v) and v not in stated:
            # a made-up 2.25 million that the article states as another target may be
            # right too: only the article's own figures, vetted above, say its numbers
            yield text


_CLOCK = re.compile(r"\d\s?(?:[ap]\.m\.|[ap]m\b|o'clock)", re.IGNORECASE)


def _counted_noun(f: Fact) -> str | None:
    """Whether the noun a count stands before is "singular" ("one school") or "plural"
    ("two schools", "10 times"), as the tagger reads the sentence, inside the answer or
    after it; None when the count has no noun after it."""
    count = re.fullmatch(r"(?i)([a-z]+|\d+)(\s[a-z]+)?", f.text)
    if not count:
        return None
    from quizapp.domain.syntax import analyse  # its shapes are cached for the article

    after = f.start + count.end(1)
    # "_____ overseas posts": the noun after the words that describe it
    following = next(
        (
            t
            for t in analyse(f.sentence.text).tokens
            if t.start > after and not (t.tag in ("JJ", "VBN") and t.text.islower())
        ),
        None,
    )
    if following is None or not following.text.islower():
        return None
    return {"NN": "singular", "NNS": "plural"}.get(following.tag)


def _range_start(fact: Fact, stem: str) -> int | None:
    """The month a "between September and _____" range opens with, as a month index
    (year * 12 + month - 1; of the answer's year when the stem gives none), for a
    month-and-year answer; None otherwise."""
    answer = _MONTH_YEAR.search(fact.text)
    opening = _RANGE_FROM_MONTH.search(stem.partition("_____")[0])
    if not (answer and opening):
        return None
    year = int(opening.group("year") or answer.group("year"))
    start = year * 12 + _MONTHS[opening.group("month")[:3].lower()] - 1
    return start if start < _month_index(answer) else None


def _month_index(m: re.Match[str]) -> int:
    return int(m.group("year")) * 12 + _MONTHS[m.group("month")[:3].lower()] - 1


def _speaks_of_the_future(stem: str) -> bool:
    """The clause before the blank is about what is still to come ("is set to fly in")."""
    return _FUTURE.search(stem.partition("_____")[0]) is not None


def _in_the_future(f: Fact) -> bool:
    """A date the article gives as one still to come ("set to fly in 2008")."""
    return _FUTURE.search(f.sentence.text[: f.start]) is not None


# words that speak of what is still to come: "will", "is set to", "plans to", and
# "7.9% growth expected in _____", "a target of 1.5 million by _____"
FUTURE_CUES = (
    r"will|shall|(?:is|are|was|were)\s(?:set|due|expected|scheduled|planned|going)\sto|"
    r"plans?\sto|planning\sto|aim(?:s|ed|ing)?\sto|intend(?:s|ed)?\sto|"
    r"expects?|expected|forecast|predicted|projected|targets?|goal|deadline"
)
# the clause before the blank speaks of the future
# (a decimal point, "a target of 1.5 million by _____", ends no clause; a verb in the
# past after the cue tells of what happened: "who will coach Wolves, has been out of
# the game since he was sacked in _____")
_FUTURE = re.compile(
    rf"\b(?:{FUTURE_CUES})\b(?:(?!\b(?:was|were|had|did)\b)[^.;:]|(?<=\d)\.(?=\d))*$",
    re.IGNORECASE,
)

_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
# a figure as written, without the comma or full stop after it ("by 2030," is 2030)
_FIGURE = re.compile(r"\d+(?:[,.]\d+)*")


def _unit_noun(f: Fact) -> str:
    """What a bare number counts, from the noun right after it ("840 people" -> people);
    "" when none follows. A number before a capitalised word names a model, not a count."""
    if re.search(r"[a-z%$£€]", f.text.lower()):
        return ""  # the unit is in the answer itself ("$3bn", "20 years")
    m = re.match(r"\s+([A-Za-z][\w-]*)", f.sentence.text[f.end :])
    if not m or m.group(1) in ("and", "or"):
        # "its smallest airliner, the 717, and ...": a number that "the" makes a noun
        # of, with none after it, names a model too
        return "<name>" if re.search(r"\bthe\s$", f.sentence.text[: f.start]) else ""
    word = m.group(1)
    return "<name>" if word[0].isupper() else word.lower().rstrip("s")


_ORDINALS = {
    w: n
    for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(),
        start=1,
    )
}


def _bounds(fact: Fact, stem: str) -> tuple[float, float]:
    """The open interval a wrong figure must lie in for the stem not to rule it out:
    "rose from 3% to _____" with a rise means above 3%."""
    low, high = float("-inf"), float("inf")
    value = canonical_number(fact.text)
    if value is None or "_____" not in stem:
        return low, high
    before, _, after = stem.partition("_____")
    if "%" in fact.text or "per cent" in fact.text or "percent" in fact.text:
        low, high = 0.0, 100.0 if value <= 100 else float("inf")
    # "from X to _____" / "from _____ to X": the other end of a change
    other = None
    m = re.search(r"from\s([$£€]?[\d.,]+\s?(?:%|bn|m|million|billion)?)\s+to\s$", before)
    if m:
        other = canonical_number(m.group(1))
    m2 = re.match(r"\s+to\s([$£€]?[\d.,]+\s?(?:%|bn|m|million|billion)?)", after)
    if other is None and m2 and re.search(r"from\s$", before):
        other = canonical_number(m2.group(1))
    others = [other] if other is not None else []
    # "April 2005" is a year as much as "2005" is: the stem's years bound it alike
    yearly = _shape(fact.text) == "year" or (
        fact.kind == "date" and re.search(r"\b(?:1\d|20)\d\d\b", fact.text) is not None
    )
    if yearly:
        # "completed by April 2005 and accretive in _____": a year the stem names on one
        # side of the answer rules out every choice on its other side
        others += [float(y) for y in re.findall(r"\b(?:1\d|20)\d\d\b", before + " " + after)]
    decade = re.search(r"\b(?:the\s)?(early|mid|late)?[\s-]?((?:1[5-9]|20)\d)0s\b", before + after)
    if yearly and decade and int(decade.group(2)) == int(value) // 10:
        # "in the late 1960s ... in _____": the decade, and the part of it, the stem says
        first = int(decade.group(2)) * 10
        part = {"early": (0, 4), "mid": (3, 7), "late": (5, 9)}.get(decade.group(1) or "", (0, 9))
        low, high = max(low, first + part[0] - 1), min(high, first + part[1] + 1)
    # "18 years and _____" days, "two hours and _____" minutes: fewer than the next
    # unit up holds
    carry = re.search(
        r"\b(years?|months?|weeks?|days?|hours?|minutes?|feet|foot)\s(?:and\s)?$", before
    )
    unit = re.search(r"\b(months?|weeks?|days?|hours?|minutes?|seconds?|inches?)$", fact.text)
    if carry and unit:
        bigger = carry.group(1).rstrip("s") if carry.group(1) != "feet" else "feet"
        cap = _UNIT_CAPS.get((bigger, unit.group(1).removesuffix("es").rstrip("s")))
        if cap:
            high = min(high, float(cap))
    # "the fourth of _____ children": at least four
    ordinal = re.search(rf"\b({'|'.join(_ORDINALS)})\s(?:of|among)\s$", before, re.IGNORECASE)
    if ordinal and value >= _ORDINALS[ordinal.group(1).lower()]:
        low = max(low, _ORDINALS[ordinal.group(1).lower()] - 1.0)
    for other in others:
        if other > value:
            high = min(high, other)
        elif other < value:
            low = max(low, other)
    # "opened by _____" (June 1862): a later date is true as well; "more than a _____
    # share" (90%): so is a smaller one. A wrong choice lies beyond the bound's side
    side = bound_side(before, dated=bool(yearly))
    month_year = _MONTH_YEAR.search(fact.text)
    if side == "above":
        low = max(low, value)
    elif side == "below" and month_year and re.search(r"\b(?:by|before|until|till)\s$", before):
        # "by April 2005": March 2005 is earlier, not only 2004
        month = _MONTHS[month_year.group("month")[:3].lower()]
        high = min(high, int(month_year.group("year")) + (month - 1) / 12)
    elif side == "below":
        high = min(high, value)
    return low, high


_RANGE_FROM_MONTH = re.compile(
    r"\b(?:between|from)\s(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)"
    r"(?:\s(?P<year>(?:1\d|20)\d\d))?\s(?:and|to|until|till)\s$"
)


def bound_side(before: str, *, dated: bool) -> str | None:
    """Which side of the figure after `before` the sentence leaves open: "below" for
    "under _____", "up to _____" and a date "by _____" (a smaller figure, an earlier
    date, is not implied); "above" for "more than _____"; None for a plain figure.
    Wrong choices must lie on that side, and a true/false swap on either is unsafe."""
    bound = _BOUND_BEFORE_BLANK.search(before)
    if bound is None:
        return None
    word = bound.group(1).lower()
    if word in ("by", "before", "until", "till"):
        return "below" if dated else None  # "rose by 5%" is a change, not a bound
    if word.split()[0] in ("more", "over", "above", "exceeding", "beyond") or word == "at least":
        return "above"
    return "below"


_BOUND_BEFORE_BLANK = re.compile(
    r"\b(by|before|until|till|more\sthan|over|above|exceeding|beyond|at\sleast|less\sthan|"
    r"fewer\sthan|under|below|up\sto|at\smost|as\s(?:much|many|high|low)\sas)\s(?:a\s|an\s)?$",
    re.IGNORECASE,
)


# how many of a smaller unit the next one up holds: "18 years and _____ days" < 366
_UNIT_CAPS = {("year", "month"): 12, ("year", "week"): 53, ("year", "day"): 366,
              ("month", "day"): 31, ("week", "day"): 7, ("day", "hour"): 24,
              ("hour", "minute"): 60, ("minute", "second"): 60, ("feet", "inch"): 12,
              ("foot", "inch"): 12}  # fmt: skip


@lru_cache(maxsize=8192)
def _shape(text: str) -> str:
    """What a number looks like, digits aside: '$3.3bn' -> '$.bn', '1998' -> 'year'."""
    if _YEAR.fullmatch(text):
        return "year"
    if _ORDINAL.fullmatch(text):  # "21st" and "17th": both ranks
        return re.sub(r"\d+(?:st|nd|rd|th)", "ordinal", text)  # "19th-century" -> "ordinal-century"
    return re.sub(r"\d+", "", text.lower().replace(",", ""))


def _perturbed(
    fact: Fact, pool: FactPool, rng: random.Random, bounds: tuple[float, float], stem: str = ""
) -> Iterable[str]:
    """Made-up figures for `fact`: first a ladder of three that the answer stands in at a
    random rung, then looser ones for when a rung is refused. Offsets drawn around the
    answer leave it in the middle of the choices (and 7.9% beside 15.8%, its double, is
    the answer scaled): a test-wise learner picks the figure the others were made from."""
    text = fact.text
    before = stem.partition("_____")[0]
    approximate = re.search(_APPROXIMATELY, before) is not None  # "about _____"
    # words: "three sequels" -> "two sequels", "four sequels"
    word = re.match(r"(?i)([a-z]+)(.*)", text)
    if word and word.group(1).lower() in WORD_VALUES:
        value = WORD_VALUES[word.group(1).lower()]
        rungs = _ladder(value, 1, False, (max(bounds[0], 0), min(bounds[1], 21)), rng)
        fallback = [value + d for d in (1, -1, 2, 3, -2, 4) if 0 < value + d <= 20]
        out = []
        for v in dict.fromkeys(int(v) for v in (*rungs, *fallback)):
            w = _NUMBER_WORD_LIST[v - 1]
            w = w.capitalize() if word.group(1)[0].isupper() else w
            out.append(w + word.group(2))
        return out
    ordinal = _ORDINAL.fullmatch(text)
    if ordinal:  # "21st" -> "20th", "22nd"; "the 14th century" -> the 13th, 15th
        value = int(ordinal.group(1))
        top = 22.0 if ordinal.group(2) else float("inf")  # no century after the 21st
        if ordinal.group(2) and pool.reported_years and not _speaks_of_the_future(stem):
            # no century after that of the article's latest year, and "in the late
            # _____" is over: not the century the article was written in
            now = max(pool.reported_years) // 100 + 1
            over = re.search(r"\b(?:late|end of the)[\s-]$", before) is not None
            top = min(top, float(now if over else now + 1))
        rungs = _ladder(value, 1, False, (max(bounds[0], 0), min(bounds[1], top)), rng)
        fallback = [value + d for d in (1, -1, 2, -2, 3) if 0 < value + d < top]
        return [
            f"{int(v)}{_ordinal_suffix(int(v))}{ordinal.group(2) or ''}"
            for v in dict.fromkeys((*rungs, *fallback))
        ]
    if fact.kind == "date":
        days = _other_days(text, rng)
        if days is not None:
            return days
    decade = re.search(r"((?:1[5-9]|20)\d)0s", text)
    if decade:  # "the early 1950s" -> "the early 1940s", "1960s": other decades
        tens = int(decade.group(1))
        rungs = _ladder(tens, 1, False, (float("-inf"), 203), rng)
        steps = [-1, 1, -2, 2, -3]
        rng.shuffle(steps)
        others = dict.fromkeys([*(int(t) for t in rungs), *(tens + s for s in steps)])
        return [text.replace(decade.group(0), f"{t}0s") for t in others if t <= 202]
    if re.fullmatch(r"\d{1,2}-\d{1,2}", text):
        return []  # a made-up score may be no score the game allows (6-6 for a set): the
        # article's own scores only
    span = re.match(r"(\d+(?:\.\d+)?)(\s?(?:to|-|–)\s?)(\d+(?:\.\d+)?)(.*)$", text)
    if span:  # a range moves as a whole: "8 to 10 miles" -> "4 to 5 miles", "12 to 15 miles"
        low, high = float(span.group(1)), float(span.group(3))
        out = []
        for factor in (0.5, 1.5, 2.0, 0.75):
            a, b = round(low * factor), round(high * factor)
            if a != low and 0 < a < b:
                out.append(f"{a}{span.group(2)}{b}{span.group(4)}")
        return out
    q = parse_quantity(text)
    if q is None:
        return []
    month_year = _MONTH_YEAR.fullmatch(text)
    if fact.kind == "date" and month_year:
        return _other_months(month_year, pool, bounds, rng)
    if _shape(text) == "year" or (fact.kind == "date" and 1000 <= q.value <= 2100):
        # no later than a year after the article's latest: it was written then (a
        # history that ends in 1498 was not, so before 1900 the cap is a decade on)
        # a year still to come is no cap for what has happened: "overtook Boeing in _____"
        # is before 2008, "set to fly in 2008" or not
        future = _speaks_of_the_future(stem)
        years = pool.years if future else pool.reported_years
        latest = max([*years, int(q.value)])
        cap = latest + 2 if latest >= 1900 else latest + 11
        if future:
            # "expect the film to be released in _____" (2006): a year to come has later
            # ones beside it; capped at its own, it stood last of four, plainly the one
            cap = max(cap, int(q.value) + 11)
        year_bounds = (bounds[0], min(bounds[1], cap))
        if approximate:
            # "invented by Newcomen around _____" (1712): a year or two off is about
            # right too; rivals a few years apart are clearly wrong
            rungs = _ladder(q.value, rng.choice((5, 10)), False, year_bounds, rng)
            deltas = [-5, 5, -10, 10, -15, 15, -20, 20]
        else:
            rungs = _ladder(q.value, rng.choice((1, 2, 3)), False, year_bounds, rng)
            deltas = [-1, 1, -2, 2, -3, 3, -5, 5, -10, 10]
        rng.shuffle(deltas)
        values = [*rungs, *(q.value + d for d in deltas if q.value + d < cap)]
        return [text.replace(str(int(q.value)), str(int(v)), 1) for v in dict.fromkeys(values)]
    value = q.value
    percent = "%" in q.suffix or "per" in q.suffix
    positive = (
        max(bounds[0], 0.0),
        min(bounds[1], 100.0) if percent and value <= 100 else bounds[1],
    )
    if value == int(value) and not q.decimals and re.search(r"\b(?:age of|aged)\s$", before):
        # "died at the age of _____": an age moves by years, never to 131
        rungs = _ladder(value, rng.choice((2, 3, 5)), False, (positive[0], 111.0), rng)
        candidates = [*rungs, *(value + s for s in (-4, 4, -8, 8) if 0 < value + s < 111)]
    elif (
        value == int(value) and 0 <= value < 20 and not q.decimals and not _SCALED.search(q.suffix)
    ):
        # a small count moves by a few: "18 years" -> 17, 19, 20, never 72; an
        # approximate one ("about 15 km") by more, or every choice is about right
        step = max(2, round(value / 3)) if approximate else 1
        if value >= 10 and value % 5 == 0:
            # "fell below 10%": a round figure beside 7%, 8% and 9% stands out as the one
            # the article gave; its rivals are as round (5%, 15%, 20%) or there are none
            step = 5
        rungs = _ladder(value, step, False, positive, rng)
        steps = [-step, step, -2 * step, 2 * step, 3 * step, -3 * step, 4 * step]
        rng.shuffle(steps)
        candidates = [*rungs, *(value + s for s in steps)]
    else:
        round_to = None if q.decimals else value
        rungs = _ladder(value, rng.choice((1.25, 1.5)), True, positive, rng, round_to)
        factors = [0.5, 1.5, 2.0, 0.75, 1.25, 0.6, 1.6]
        rng.shuffle(factors)
        candidates = [*rungs, *(value * f for f in factors)]
    out = []
    for v in candidates:
        if percent and v > 100 >= value:
            continue
        if not q.decimals:
            v = _round_like(v, value)
        if v != value and v > 0:
            out.append(format_like(q, v))
    return list(dict.fromkeys(out))


_MONTH_YEAR = re.compile(
    r"(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\s(?P<year>(?:1\d|20)\d\d)"
)


def _other_months(
    m: re.Match[str], pool: FactPool, bounds: tuple[float, float], rng: random.Random
) -> list[str]:
    """ "completed by April 2005 and accretive in 2006" -> "January 2005", "October
    2005": months a few apart, as a deadline's rivals are; years two apart put 1999
    beside a stem that says 2006. The stem's years bound them as they bound a year."""
    month = _MONTHS[m.group("month")[:3].lower()]
    year = int(m.group("year"))
    value = year * 12 + month - 1
    latest = max([*pool.years, year])
    low = (bounds[0] + 1) * 12 - 1 if bounds[0] > float("-inf") else float("-inf")
    high = min(bounds[1] * 12, (latest + 2) * 12)
    rungs = _ladder(value, rng.choice((2, 3, 4)), False, (low, high), rng)
    spread = [value + d for d in (-2, 2, -3, 3, -5, 5, -7, 7) if low < value + d < high]
    names = list(calendar.month_name)
    full = len(m.group("month")) > 3
    out = []
    for v in dict.fromkeys(int(v) for v in (*rungs, *spread)):
        name = names[v % 12 + 1] if full else names[v % 12 + 1][:3]
        out.append(m.string.replace(m.group(0), f"{name} {v // 12}", 1))
    return out


def _ladder(
    value: float,
    step: float,
    geometric: bool,
    bounds: tuple[float, float],
    rng: random.Random,
    round_like: float | None = None,
) -> list[float]:
    """Three other rungs of a ladder of four, evenly spaced (by `step` added, or times
    `step` when geometric), with `value` on a rung drawn at random among those that keep
    every rung positive, inside the open `bounds` and distinct once rounded like
    `round_like` (kept to their rung's decimals otherwise). [] when no rung fits."""
    positions = [0, 1, 2, 3]
    rng.shuffle(positions)
    for k in positions:
        rungs = []
        for i in range(4):
            if i == k:
                continue
            v = value * step ** (i - k) if geometric else value + step * (i - k)
            if round_like is not None:
                v = _round_like(v, round_like)
            elif geometric:
                v = round(v, max(0, _decimals_of(value)))
            rungs.append(v)
        if all(v > 0 and bounds[0] < v < bounds[1] for v in rungs) and len({*rungs, value}) == 4:
            return rungs
    return []


_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)([\s-]century)?")


def _ordinal_suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _decimals_of(value: float) -> int:
    text = repr(value)
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0


_APPROXIMATELY = (
    r"\b(?:about|around|some|nearly|almost|roughly|approximately|over|more than|less than"
    r"|under|up to|at least)\s$"
)

# "10 billion" is a magnitude: 7, 8 and 9 billion beside it make the round one stand out
_SCALED = re.compile(r"(?i)\b(?:hundred|thousand|million|billion|trillion|bn|m|k)\b|^(?:bn|m|k)$")


def _other_days(text: str, rng: random.Random) -> list[str] | None:
    """ "12 June 2002" -> "9 June 2002", "15 June 2002"; "Saturday, 23 November 1963" ->
    "Tuesday, 19 November 1963": other days of the same month, written the same way,
    each with its own weekday. None when the text is no day of a month."""
    m = _DAY_MONTH.search(text) or _MONTH_DAY.search(text)
    if not m:
        return None
    day, month = int(m.group("day")), _MONTHS[m.group("month")[:3].lower()]
    year_match = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text)
    weekday = re.match(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s", text)
    if weekday and not year_match:
        return []  # a weekday without a year cannot be worked out for another day
    deltas = [d for d in (-3, 3, -6, 6, -9, 9, -1, 1, -12, 12) if 1 <= day + d <= 28]
    rng.shuffle(deltas)
    out = []
    for delta in deltas:
        other = text[: m.start("day")] + str(day + delta) + text[m.end("day") :]
        if weekday and year_match:
            name = calendar.day_name[
                datetime.date(int(year_match.group(1)), month, day + delta).weekday()
            ]
            other = name + other[len(weekday.group(1)) :]
        out.append(other)
    return out


_MONTHS = {m[:3].lower(): n for n, m in enumerate(calendar.month_name) if m}
_DAY_MONTH = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)?\s(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)"
)
_MONTH_DAY = re.compile(
    r"(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\.?\s(?P<day>\d{1,2})(?!\d)"
)


def _round_like(v: float, original: float) -> float:
    """Keep the original's roundness: 750,000 -> 375,000 rather than 374,999."""
    digits = len(str(int(original))) - len(str(int(original)).rstrip("0"))
    step = 10 ** min(digits, max(len(str(int(v))) - 1, 0))
    return max(step, round(v / step) * step)
