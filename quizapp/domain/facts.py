"""Sentences -> facts: the answerable spans of an article and what kind each is.

Two passes. The first reads every sentence for quantities (money, percentages, dates,
numbers with their units) and capitalised names. The second decides each name's kind
from all its mentions together (titles, first names, organisation words, places,
"X, chief analyst at Y", how the name is used elsewhere), links short forms to long
ones ("Hailey" -> "Arthur Hailey", "KFB" -> "Korea First Bank") and scores every span
by how much a learner gains from being asked about it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache

import wordfreq

from quizapp.domain import gazetteer as gz
from quizapp.domain.numbers import NUMBER_WORDS
from quizapp.domain.text import Sentence

KINDS = (
    "money", "percent", "number", "date", "person", "org", "place", "product", "event", "other",
)  # fmt: skip
NUMERIC_KINDS = frozenset({"money", "percent", "number", "date"})

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_SCALE = r"(?:\s?(?:million|billion|trillion|bn|mn|tn|m|k)\b|\s(?:thousand|hundred)\b)"
_CURRENCY = r"(?:US\$|A\$|C\$|HK\$|NZ\$|S\$|\$|£|€|¥|₹|Rs\.?\s?|(?:USD|EUR|GBP|CNY|JPY)\s?)"
_MONEY_UNITS = r"(?:dollars|pounds|euros|yuan|yen|rupees|francs|roubles|rubles|won|pence|cents)"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"  # noqa: E501
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MEASURES = (
    r"(?:(?:square|cubic|nautical)\s)?(?:miles?|feet|foot|inches|inch|yards?|km|kilometres?"
    r"|kilometers?|metres?|meters?|cm|mm|kg|kilograms?|grams?|tonnes?|tons?|acres?|hectares?"
    r"|ha|litres?|liters?|gallons?|barrels?|mph|km/h|degrees?|°[CF]?|watts?|kW|MW|GW|volts?"
    r"|horsepower)\b"
)
_MEASURES_ADJ = (
    r"megawatt|kilowatt|gigawatt|watt|mile|kilometre|kilometer|metre|meter|foot|inch|ton"
    r"|tonne|storey|story|seat|bed|year|month|week|day|hour|minute|point|percent|page"
)
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_TIME_UNITS = r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|seasons?|games|matches|goals|times)"  # noqa: E501

# (kind, pattern); earlier patterns win where spans overlap.
_QUANTITY_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("money", re.compile(rf"{_CURRENCY}{_NUM}{_SCALE}?")),
    ("money", re.compile(rf"\b{_NUM}{_SCALE}?\s{_MONEY_UNITS}\b")),
    ("money", re.compile(rf"\b{_NUM}p\b")),
    ("percent", re.compile(rf"\b{_NUM}\s?(?:%|per\s?cent\b|percent\b|percentage points?\b)")),
    (
        "date",
        re.compile(rf"\b(?:{_WEEKDAY},?\s)?\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH},?\s\d{{4}}\b"),
    ),
    (
        "date",
        re.compile(rf"\b(?:{_WEEKDAY},?\s)?{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}\b"),
    ),
    ("date", re.compile(rf"\b{_MONTH}\s\d{{4}}\b")),
    (
        "date",
        re.compile(
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH}\b|\b{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?\b(?!,?\s\d)"
        ),
    ),  # noqa: E501
    ("date", re.compile(r"\b(?:mid-|early\s|late\s)?(?:1[5-9]|20)\d0s\b")),
    # a century, or a span of them ("the 18th and 19th centuries": one answer)
    (
        "date",
        re.compile(
            rf"\b(?:{_ORDINAL}(?:\s(?:and|or|to)\s|\s?[-–]\s?)(?:(?:early|mid|late)[\s-])?)?"
            rf"{_ORDINAL}[\s-]centur(?:y|ies)\b"
        ),
    ),
    # a rank: "the 21st James Bond film", "currently 17th in the Championship" (the
    # place in a name, "West 66th Street", is left to the name; see _rank_in_a_name)
    ("number", re.compile(rf"\b{_ORDINAL}\b(?!\s?(?:[-–]|and|or|to)\s?\d)")),
    ("number", re.compile(r"\b\d{1,3}-year-old\b")),
    # "a 310-megawatt site", "a six-month contract": a measure made an adjective
    ("number", re.compile(rf"\b{_NUM}-(?:{_MEASURES_ADJ})\b")),
    ("number", re.compile(rf"\b(?:{NUMBER_WORDS})-(?:{_MEASURES_ADJ})\b", re.I)),
    (
        "number",
        re.compile(
            rf"\b{_NUM}\s(?:to|and)\s{_NUM}\b(?=\s(?:years?|per|%|million|billion))|(?<=aged\s){_NUM}\s(?:to|and)\s{_NUM}\b|(?<=between\s){_NUM}\sand\s{_NUM}\b"
        ),
    ),  # noqa: E501
    ("number", re.compile(r"\b\d{1,2}-\d{1,2}\b(?!-)")),  # a result: the story's point
    (
        "date",
        re.compile(
            r"(?<![\d,.$£€-])\b(?:1[5-9]\d\d|20\d\d)\b(?![\d%]|[.,]\d|\s?(?:%|per|million|billion|bn|m\b|units|people|adults))"
        ),
    ),  # noqa: E501
    # a year before 1500 only where a year is expected: "in 1497", "until 1066" ("1200
    # people" is a count)
    (
        "date",
        re.compile(
            "(?:"
            + "|".join(
                rf"(?<=\b{w}\s)|(?<=\b{w.capitalize()}\s)"
                for w in ("in", "since", "until", "by", "from", "before", "after", "circa")
            )
            + r"|(?<=\bc\.\s)|(?<=\bAD\s))"
            r"1[0-4]\d\d\b(?![\d%]|[.,]\d|\s?(?:%|per|million|billion|bn|m\b)|\s(?:[a-z]+s|people|men)\b)"
        ),
    ),
    ("number", re.compile(rf"\b{_NUM}(?:\s?(?:to|-|–|and)\s?{_NUM})?\s{_TIME_UNITS}\b")),
    # a measure keeps its unit: "100 feet", "617.1 nautical miles", "8 to 10 miles"
    ("number", re.compile(rf"\b{_NUM}(?:\s?(?:to|-|–)\s?{_NUM})?\s?{_MEASURES}")),
    ("date", re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)")),
    # a range is one answer: "100–150 species", "10 to 15 million"
    ("number", re.compile(rf"\b{_NUM}\s?(?:–|-|to)\s?{_NUM}{_SCALE}?(?=\s[a-z])")),
    ("number", re.compile(rf"\b{_NUM}{_SCALE}")),
    ("number", re.compile(rf"(?<![\w.,$£€-]){_NUM}\b(?![.,]\d)")),
    (
        "number",
        re.compile(
            rf"\b(?:{NUMBER_WORDS})(?:[\s-](?:{NUMBER_WORDS}))*(?:\s(?:hundred|thousand|million|billion))?\s{_TIME_UNITS}\b",
            re.I,
        ),
    ),  # noqa: E501
    (
        "number",
        re.compile(
            rf"\b(?:{NUMBER_WORDS}|(?:{NUMBER_WORDS})\s(?:hundred|thousand|million|billion))\b(?=\s(?:[a-z]+s|people|children|men|women)\b)",
            re.I,
        ),
    ),  # noqa: E501
    (
        "date",
        re.compile(rf"\b(?:last|next|on|this|since|until|by)\s(?:{_WEEKDAY}|{_MONTH})\b(?!\s\d)"),
    ),  # noqa: E501
]

# an initialism keeps its last full stop inside a sentence: "the U.S. state of
# California" asks for "U.S.", not "U.S" with a stray "." after the blank
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}(?=[\s,;:)]\s?[a-z0-9(])|[^\W_](?:[\w'.&-]*[^\W_])?")
_CONNECTORS = frozenset("of for and on de du da del der van von al bin la le y & the".split())
# bodies whose names go on with "on": "Intergovernmental Panel on Climate Change"
BODIES = frozenset(
    """panel committee commission conference report council convention summit forum
    institute centre center board taskforce treaty symposium workshop congress
    declaration directive""".split()
)
_STOPWORDS = frozenset(
    """a an the and or but if then so because as of in on at to for from by with about
    into onto over under after before during while when where which who whom whose what
    this that these those it its they them their he she his her him we our you your i me
    my is are was were be been being has have had do does did not no nor yet also still
    even just only very more most much many some any each every all both few several such
    there here however meanwhile although though despite since until unless whether than
    can could will would shall should may might must according one without within
    against among between through towards toward upon across around per via behind
    beyond near off out up down amongst amidst whilst unlike like""".split()
)
_VERB_STOPWORDS = frozenset(
    """is are was were be been being has have had do does did can could will would shall
    should may might must""".split()
)
SPEECH_VERBS = r"(?:said|says|added|told|warned|argued|explained|insisted|noted|stated|claimed|admitted|recalled|believes|thinks|announced|wrote)"  # noqa: E501


@dataclass(slots=True)
class Fact:
    """One answerable span: `text` is sentence.text[start:end]."""

    sentence: Sentence
    start: int
    end: int
    text: str
    kind: str
    score: float
    key: str  # identity across mentions: "arthur hailey" for "Hailey" too
    role: str = ""  # the title written before a person ("Prime Minister")
    aliases: list[str] = field(default_factory=list)
    subkind: str = ""  # e.g. "country" or "city" for places
    # how sure the kind is: the lead of its votes over the next kind's (names), or
    # the pattern's certainty (quantities, whose kind the pattern states)
    certainty: float = 10.0
    asked: float = 0.0  # ranking.py: how likely people are to ask about it (SQuAD)
    # the initials the article writes the name as ("IMF" for the International Monetary
    # Fund): a right typed answer wherever the name is asked
    acronyms: tuple[str, ...] = ()

    @property
    def is_phrase(self) -> bool:
        """A common-noun phrase ("heart surgery"), not a name or a number."""
        return self.subkind == "phrase"

    @property
    def numeric(self) -> bool:
        return any(ch.isdigit() for ch in self.text)


@dataclass(slots=True)
class _Name:
    """A capitalised name with the evidence gathered over all its mentions."""

    text: str
    votes: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    role: str = ""
    canonical: _Name | None = None


@cache
def zipf(word: str) -> float:
    return wordfreq.zipf_frequency(word.lower(), "en")


def fact_key(sentence: str, start: int, end: int) -> str:
    """The stable name of the fact a question is about: its sentence and the span of its
    answer there. The same article gives the same keys on every run and in every
    generator version that finds the same span, so the questions of one fact (its
    multiple-choice, typed and true/false forms) are grouped, and a regenerated bank
    finds its old facts again."""
    digest = hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:12]
    return f"{digest}:{start}-{end}"


def fact_key_of(sentence: str, answer: str) -> str:
    """The key for a question that arrived without one (an import): the answer's span
    in its sentence where it occurs, else the sentence and the answer's words."""
    at = sentence.find(answer) if answer else -1
    if at >= 0:
        return fact_key(sentence, at, at + len(answer))
    digest = hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:12]
    words = hashlib.sha256(answer_key(answer).encode("utf-8")).hexdigest()[:8]
    return f"{digest}:{words}"


@lru_cache(maxsize=1 << 16)
def answer_key(text: str) -> str:
    """How two spans are recognised as the same answer."""
    t = text.lower().replace(",", "")
    t = re.sub(r"^(?:the|a|an)\s+", "", t)
    return re.sub(r"[^\w%$£€.]+", " ", t).strip()


def extract_facts(sentences: list[Sentence], title: str | None = None) -> list[Fact]:
    """Every answerable span of the article, kinds decided: quantities, names and the
    noun phrases around them. Many more than a bank keeps: the gates (gates.py) and the
    ranking (ranking.py) choose."""
    quantities: list[Fact] = []
    raw_names: list[tuple[Sentence, int, int, str, str]] = []  # sentence, start, end, text, role
    for sentence in sentences:
        # "PlayStation 2", "Apollo 11", "Channel 4": the number is the name's last word
        numbered = {
            m.start(2): m.end(2)
            for m in _NUMBERED_NAME.finditer(sentence.text)
            if not _a_quantity_from(sentence.text, m.start(2), m.end(2))
        }
        taken: list[tuple[int, int]] = list(numbered.items())
        for kind, pattern in _QUANTITY_PATTERNS:
            for m in pattern.finditer(sentence.text):
                s, e = m.span()
                text = sentence.text[s:e].strip()
                if not text or any(s < te and ts < e for ts, te in taken):
                    continue
                if re.fullmatch(_ORDINAL, text) and _rank_in_a_name(sentence.text, s, e):
                    continue
                taken.append((s, e))
                quantities.append(
                    Fact(sentence, s, s + len(text), text, kind, 0.0, answer_key(text))
                )
        for s, e, name, role in (r[1:] for r in _capitalised_spans(sentence, taken)):
            if sentence.text[e : e + 1] == " " and e + 1 in numbered:
                e = numbered[e + 1]
                name = sentence.text[s:e]
            raw_names.append((sentence, s, e, name, role))
    titles = _titles_of_works(sentences)
    if titles:
        raw_names = _apply_titles(raw_names, sentences, titles)
    raw_names, pairs = _join_shared_surnames(raw_names)
    names = _classify_names(raw_names, sentences)
    for f in names:
        if (f.sentence.index, f.start) in pairs:  # two people, whatever the votes say
            f.kind, f.subkind, f.certainty = "person", "", 10.0
    facts = quantities + names
    facts.extend(_noun_phrases(sentences, facts))
    _harmonise_lists(facts, sentences)
    return sorted(facts, key=lambda f: (f.sentence.index, f.start))


def _join_shared_surnames(
    raw: list[tuple[Sentence, int, int, str, str]],
) -> tuple[list[tuple[Sentence, int, int, str, str]], set[tuple[int, int]]]:
    """ "twins Mike and Bob Bryan": two first names that share the surname written once
    are one answer, the pair; apart, "Mike" is half a name and "Mike and _____" asks
    for a first name and the surname both. Also where each pair starts (sentence index,
    offset)."""
    out: list[tuple[Sentence, int, int, str, str]] = []
    pairs: set[tuple[int, int]] = set()
    for item in raw:
        sentence, start, end, name, role = item
        if out:
            p_sentence, p_start, p_end, p_name, p_role = out[-1]
            between = sentence.text[p_end:start]
            words = name.split()
            if (
                p_sentence is sentence
                and between in (" and ", " & ")
                and " " not in p_name
                and len(words) == 2
                and all(_only_a_first_name(w) for w in (p_name, words[0]))
                # "Victoria and Albert Museum", "Tudor and Stuart England": no surname
                and words[1].lower() not in gz.ORG_WORDS
                and not _a_known_place(words[1], 500_000)
                # "Meriwether Lewis and William Clark": a name before it ends there
                and not re.search(r"[A-Z][\w'.-]*\s$", sentence.text[:p_start])
            ):
                out[-1] = (sentence, p_start, end, sentence.text[p_start:end], p_role or role)
                pairs.add((sentence.index, p_start))
                continue
        out.append(item)
    return out, pairs


def _only_a_first_name(word: str) -> bool:
    """ "Mike", not "London" or "Ventura" (towns that are first names too)."""
    return gz.is_first_name(word) and not _a_known_place(word, 50_000)


def _a_known_place(word: str, people: int) -> bool:
    """A country, or a place of at least `people` ("Bryan", Texas, is a surname too)."""
    place = gz.place_kind(word)
    return place is not None and (place[0] == "country" or place[1] >= people)


def _rank_in_a_name(text: str, start: int, end: int) -> bool:
    """ "West 66th Street", "the 40th Army into Afghanistan": an ordinal before a
    capitalised word is that name's own number, unless the name only describes the
    common noun after it ("the 21st James Bond film" ranks films)."""
    if re.search(r"[A-Z][\w'-]*\s$", text[:start]):
        return True
    after = re.match(r"\s(?:[A-Z][\w'.-]*\s)*[A-Z][\w'.-]*(?:\s([a-z]+))?", text[end:])
    if after is None:
        return False
    noun = after.group(1)
    return noun is None or "NOUN" not in gz.parts_of_speech(noun)


def _a_quantity_from(text: str, start: int, end: int) -> bool:
    """Does a unit or a scale go with the number at start ("747 jets" does not; "2
    million", "11 miles" do)?"""
    for _, pattern in _QUANTITY_PATTERNS:
        m = pattern.match(text, start)
        if m and m.end() > end:
            return True
    return False


# a capitalised word (no month or weekday: "May 2" is a date) and a number of up to
# three digits that no unit or scale follows
_NUMBERED_NAME = re.compile(
    rf"\b(?!{_MONTH}\s|{_WEEKDAY}\s)([A-Z][\w-]*[A-Za-z])\s(\d{{1,3}})\b(?![.,:/%-]?\d|%|-)"
)


_TITLE_AFTER_CUE = re.compile(
    r"\b(?:" + "|".join(sorted(gz.WORK_CUES)) + r")\s+"
    r"([A-Z][\w'!-]*(?:\s(?:(?:of|the|in|into|on|a|an|to|and|at|for|with|from)\s)*[A-Z][\w'!-]*)+)"
)


_WORK_CUE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(gz.WORK_CUES)) + r")\s$")


def _titles_of_works(sentences: list[Sentence]) -> set[str]:
    """Multi-word titles named after a cue: "the screenplay Flight into Danger"."""
    found = set()
    for sentence in sentences:
        for m in _TITLE_AFTER_CUE.finditer(sentence.text):
            title = m.group(1).rstrip("!")
            if re.search(r"\s[a-z]+\s", title):  # only titles with a small word need help
                found.add(title)
    return found


def _apply_titles(
    raw: list[tuple[Sentence, int, int, str, str]],
    sentences: list[Sentence],
    titles: set[str],
) -> list[tuple[Sentence, int, int, str, str]]:
    """Wherever a known title occurs, it replaces the pieces the name finder made of it."""
    out = list(raw)
    for sentence in sentences:
        for title in titles:
            for m in re.finditer(re.escape(title), sentence.text):
                s, e = m.span()
                out = [r for r in out if not (r[0] is sentence and r[1] < e and s < r[2])]
                out.append((sentence, s, e, title, ""))
    return out


def _is_initial(text: str, start: int) -> bool:
    """Is this position where capitalisation says nothing (sentence or quote start)?"""
    before = text[:start].rstrip()
    if re.fullmatch(r"[\"'(]?(?:But|And|So|Yet|Or|Then|Now|Also|Still|Even)", before):
        return True  # "But Aid charity Actionaid ...": the opener of the sentence
    return not before or before[-1] in "\"':;([-" or before.endswith(("--", "—"))


def _capitalised_spans(
    sentence: Sentence, taken: list[tuple[int, int]]
) -> list[tuple[Sentence, int, int, str, str]]:
    text = sentence.text
    tokens = [m for m in _TOKEN.finditer(text) if not any(s <= m.start() < e for s, e in taken)]
    spans: list[tuple[Sentence, int, int, str, str]] = []
    i = 0
    while i < len(tokens):
        if not _is_name_token(tokens[i].group()):
            i += 1
            continue
        j = i
        # grow the run: name tokens separated by one space, or by connectors
        while j + 1 < len(tokens):
            gap = text[tokens[j].end() : tokens[j + 1].start()]
            nxt = tokens[j + 1].group()
            if (
                gap not in (" ", " & ")  # "Intelligence & Innovation" is one name
                or (gap == " & " and not _is_name_token(nxt))
                or tokens[j].group().endswith("'s")
                or _LOCATIVE_SUFFIX.search(tokens[j].group())
            ):
                break
            if _is_name_token(nxt):
                j += 1
                continue
            if nxt.lower() in _CONNECTORS and j + 2 < len(tokens):
                gap2 = text[tokens[j + 1].end() : tokens[j + 2].start()]
                after = tokens[j + 2].group()
                run = text[tokens[i].start() : tokens[j].end()].lower()
                ok = gap2 == " " and _is_name_token(after)
                if nxt.lower() == "and" and not re.search(r"\b(?:of|for|on)\b", run):
                    # "Matisse and Stravinsky" are two names; "Victoria and Albert Museum"
                    # and "Foreign and Commonwealth Office" one: one word before "and", and
                    # an institution's word ending the name after it
                    words_before = [w for w in run.split() if w not in _STOPWORDS]
                    country = words_before and (gz.place_kind(words_before[0]) or ("",))[0] in (
                        "country",
                        "continent",
                    )
                    ok = (
                        ok
                        and len(words_before) == 1
                        and not country  # "France and Germany Football Club": two names
                        and _institution_follows(tokens, j + 2)
                    )
                if nxt.lower() == "the" and not run.endswith(" of"):
                    ok = False
                if nxt.lower() == "on" and (
                    run.split()[-1] not in BODIES or _place_follows(tokens, j + 2)
                ):
                    # "Panel on Climate Change" is one name; "Boeing on Monday" not, nor
                    # "the Regional Council on George IV Bridge": a body on a street
                    ok = False
                if ok:
                    j += 2
                    continue
            break
        # "his vice-Chair Ismail El Gizouli": a lower-case prefix makes the first word a
        # role or an adjective ("ex-England coach"), which the name after it is not part of
        first = i + 1 if j > i and ROLE_PREFIX.match(tokens[i].group()) else i
        spans.extend(_trim_name(sentence, tokens[first : j + 1]))
        i = j + 1
    return spans


# English prefixes that, hyphened to a capitalised word, make a role or an adjective of it
ROLE_PREFIX = re.compile(r"(?:ex|pro|anti|non|post|pre|neo|pan|vice|mid|semi|co)-[A-Z]")


def _place_follows(tokens: list[re.Match[str]], k: int) -> bool:
    """Do the capitalised words from token k on name a place ("George IV Bridge",
    "Princes Street", "Edinburgh")?"""
    run = []
    while k < len(tokens) and _is_name_token(tokens[k].group()):
        run.append(tokens[k].group())
        k += 1
    return bool(run) and (
        run[-1].lower() in gz.PLACE_WORDS or gz.place_kind(" ".join(run)) is not None
    )


def _institution_follows(tokens: list[re.Match[str]], k: int) -> bool:
    """Do the capitalised words from token k on end in an institution's word?"""
    while k < len(tokens) and _is_name_token(tokens[k].group()):
        if tokens[k].group().lower() in _INSTITUTIONS:
            return True
        k += 1
    return False


_INSTITUTIONS = gz.ORG_WORDS | frozenset(
    "museum gallery office center centre institute college hospital library hall".split()
)
_ADJECTIVE_SUFFIXES = r"based|listed|owned|led|backed|made|headquartered"
_LOCATIVE_SUFFIX = re.compile(rf"-(?:born|{_ADJECTIVE_SUFFIXES})$")
# "Hong Kong-listed SenseTime": a name made an adjective says where, in passing (gates.py);
# "-born" is kept out, as "New Zealand-born Campbell" says who he is
NAME_MADE_ADJECTIVE = re.compile(rf"-(?:{_ADJECTIVE_SUFFIXES})\b")


def _is_name_token(token: str) -> bool:
    if token[0].isupper():
        return True
    # model numbers and brands: "iPhone", "01.AI", "H100" start lower or with a digit
    return any(c.isupper() for c in token[1:]) and not token.isdigit()


# a lower-case word after a name that is no verb or function word: "AI model", "AI chips"
_NOUN_AFTER = re.compile(
    r"\s(?!(?:is|was|are|were|be|been|has|had|have|will|would|can|could|may|might|must|"
    r"should|said|says|and|or|but|to|in|on|of|for|with|by|as|at|from|that|which|who|also|"
    r"became|becomes|did|does|do|not)\b)[a-z]"
)


def _trim_name(sentence: Sentence, run: list[re.Match[str]]) -> list[tuple]:
    text = sentence.text
    words = [m.group() for m in run]
    # possessive and "-based" endings belong to the sentence, not to the name
    last = words[-1]
    end_cut = 0
    for suffix in ("'s", "'"):
        if last.endswith(suffix) and len(last) > len(suffix):
            end_cut = len(suffix)
            break
    suffix_match = _LOCATIVE_SUFFIX.search(last)
    if suffix_match:
        end_cut = len(last) - suffix_match.start()
    start_i = 0
    role_words: list[str] = []
    # Leading function words, and common words capitalised only because they open
    # the sentence ("Novelist Arthur Hailey", "Former Chelsea captain"), are not the name.
    while start_i < len(words):
        low = words[start_i].lower()
        at_start = _is_initial(text, run[0].start())
        opener = low in _COMMON_OPENERS or gz.parts_of_speech(low) == {"ADV"}
        # "published the bestselling Being Digital": a verb capitalised inside a
        # sentence opens a title ("Have I Got News for You"); at its start it is no name
        title_verb = low in _VERB_STOPWORDS and not at_start and start_i < len(words) - 1
        if (low in _STOPWORDS and not title_verb) or (
            at_start and opener and start_i < len(words) - 1
        ):
            # "Initially BSkyB provided Sky Travel": an adverb opening the sentence
            start_i += 1
            continue
        if (
            at_start
            and start_i < len(words) - 2
            and words[-1].lower() not in _INSTITUTIONS  # "The Nordic Marine Council"
            and _role_before_first_name(low, words[start_i + 1])
        ):
            role_words.append(words[start_i])  # "Engineer Hamish Dunlevy": an engineer
            start_i += 1
            continue
        break
    # titles before a name: "Prime Minister Tony Blair", "US Commerce Secretary Gina Raimondo"
    last_title = -1
    if words[-1].lower() not in gz.ORG_WORDS:
        for k in range(start_i, len(words) - 1):
            low = words[k].lower()
            if low in gz.HONORIFICS:
                break
            if _is_title(low):
                last_title = k
    if last_title >= 0 and words[last_title].lower() in _TITLE_MODIFIERS:
        # "an International Finance Facility": "Finance" makes a title only before its
        # head ("Finance Minister"); without one it is part of the name
        last_title = -1
    if (
        last_title >= 0
        and all(w.lower() in _OCCUPATIONS for w in words[start_i : last_title + 1])
        and not _is_initial(text, run[start_i].start())
        and len(words) - last_title - 1 == 1
        and not gz.is_first_name(words[-1])
    ):
        # "Star Trek": an occupation capitalised inside a sentence is no title before
        # one word that is no first name ("President Bush" is one: a rank, not a job)
        last_title = -1
    rest = words[last_title + 1 :]
    prefix = words[start_i : last_title + 1]
    if (
        last_title >= 0
        and any(not _is_title(w.lower()) for w in rest)
        and not any(w.lower() in _CONNECTORS for w in prefix + rest)
    ):
        role_words.extend(words[start_i : last_title + 1])
        start_i = last_title + 1
    # "Alibaba's LLM Tongyi Qianwen", "its Qwen-72B AI model": a common acronym that
    # says what sort of thing the name is goes before it or before the noun after it
    last_i = len(words) - 1
    if (
        last_i - start_i >= 1
        and words[start_i].lower() in gz.COMMON_ACRONYMS
        and words[start_i + 1][:1].isupper()
        and not _is_title(words[start_i].lower())  # "CEO Tom Hart": a title, below
        # "Baidu's AI Cloud Group", "the AI Safety Summit": part of an institution's name
        and words[-1].lower() not in _INSTITUTIONS | gz.EVENT_WORDS | gz.PROGRAMME_WORDS
    ):
        start_i += 1
    after = text[run[-1].end() :]
    if (
        last_i - start_i >= 1
        and not end_cut
        and words[-1].lower() in gz.COMMON_ACRONYMS
        and (
            _NOUN_AFTER.match(after)
            # "developing the Tongyi Qianwen LLM –": after "the" the acronym is the noun
            # (not in "its Ernie LLM": "Ernie" alone would be a person's name)
            or (last_i - start_i >= 2 and re.search(r"\bthe\s$", text[: run[0].start()]))
        )
    ):
        last_i -= 1
    if start_i >= len(words):
        return []
    s = run[start_i].start()
    e = run[-1].end() - end_cut if last_i == len(words) - 1 else run[last_i].end()
    name = text[s:e].strip(" -'")
    if not name or name.lower() in _STOPWORDS or name.lower() in gz.DEMONYMS:
        return []
    if re.fullmatch(r"I(?:'\w+)?", name):
        return []  # "I", "I've": the speaker, not a name
    if name.lower() in gz.WEEKDAYS or name.lower() in gz.MONTHS:
        return []
    if name.isupper() and len(name) == 1:
        return []
    e = s + len(name)
    return [(sentence, s, e, name, " ".join(role_words))]


# title words that only qualify the title's head ("Finance Minister", "Shadow Home
# Secretary"), never the whole title themselves
_TITLE_MODIFIERS = frozenset(
    """commerce defence defense education finance foreign health home interior trade
    treasury state prime shadow deputy vice former labour liberal conservative democrat
    democratic republican opposition""".split()
)


# title words that say what someone does rather than a rank they hold
_OCCUPATIONS = frozenset(
    """striker midfielder defender goalkeeper novelist author writer actor actress singer
    star producer spokesman spokeswoman spokesperson analyst economist lawyer founder
    co-founder billionaire leader""".split()
)


def _is_title(word: str) -> bool:
    """A title before a name, singular or plural: "Producers Barbara Broccoli and ..."."""
    return word in gz.TITLE_WORDS or (word.endswith("s") and word[:-1] in gz.TITLE_WORDS)


# Capitalised sentence openers that are never names on their own.
_COMMON_OPENERS = frozenset(
    """novelist born former some most many several analysts officials experts critics
    services despite although though whether both either neither another other such""".split()
)


def _role_before_first_name(word: str, following: str) -> bool:
    """ "Engineer", "Farmer" opening a sentence before a first name: an everyday noun
    (not itself a first name) says what the person is, like a lower-case "engineer
    Hamish Dunlevy" would; a name does not start with a common noun and a first name."""
    if word in gz.PERSON_ROLE_NOUNS:
        return gz.is_first_name(following)
    return (
        zipf(word) >= 3.0
        and word not in _INSTITUTIONS  # "Bank Julius Baer" is a bank
        and word not in gz.DEMONYMS
        and not gz.is_first_name(word.capitalize())
        and gz.is_first_name(following)
        and not gz.place_kind(word.capitalize())
    )


def _noun_after(text: str, end: int) -> bool:
    """Is the word after a name a common noun it describes ("the Tim Allen sitcom"), as
    the tagger reads the sentence? ("The Panthers beat ...": a verb.)"""
    from quizapp.domain.syntax import analyse  # its shapes are cached for the article

    following = next((t for t in analyse(text).tokens if t.start >= end), None)
    return following is not None and following.tag in ("NN", "NNS") and following.text.islower()


def _not_a_noun(sentence: Sentence, start: int) -> bool:
    from quizapp.domain.syntax import analyse  # its shapes are cached for the article

    for t in analyse(sentence.text).tokens:
        if t.start == start:
            return not t.tag.startswith("NN")
    return False


def _classify_names(
    raw: list[tuple[Sentence, int, int, str, str]], sentences: list[Sentence]
) -> list[Fact]:
    mid_sentence: set[str] = set()
    for sentence, s, _e, name, _role in raw:
        if not _is_initial(sentence.text, s):
            mid_sentence.add(name.lower())
    table: dict[str, _Name] = {}
    kept: list[tuple[Sentence, int, int, str, str]] = []
    for item in raw:
        sentence, s, e, name, role = item
        low = name.lower()
        initial = _is_initial(sentence.text, s)
        # A lone sentence-initial common word ("Services", "Hotel") is a name only if
        # the article also capitalises it mid-sentence, or it is a known place.
        if (
            initial
            and " " not in name
            and zipf(name) >= 3.6
            and low not in mid_sentence
            and gz.place_kind(name) is None
            and not re.match(r"\s*\(\d{4}\)", sentence.text[e:])
        ):
            continue
        if initial and " " not in name and low not in mid_sentence and _not_a_noun(sentence, s):
            continue  # "Fearing that ...": a verb capitalised because it opens the sentence
        if " of " in low and low.split()[0] in gz.TITLE_WORDS:
            continue  # "Professor of Ballet": a job title, not a name
        if (low.strip(".") in gz.HONORIFICS or low in gz.TITLE_WORDS) and not (
            _WORK_CUE_BEFORE.search(sentence.text, 0, s)
        ):
            # "Created a Dame": a title alone names nobody; "the 1997 novel Detective"
            # names a book
            continue
        entry = table.setdefault(low, _Name(name))
        entry.mentions += 1
        if role and not entry.role:
            entry.role = role
        _vote(entry, sentence.text, s, e, role)
        kept.append(item)
    _mark_brand_families(table)
    _link_short_forms(table)
    acronyms: dict[int, list[str]] = defaultdict(list)
    for entry in table.values():
        if entry.canonical is not None and _is_acronym_of(entry.text, entry.canonical.text):
            acronyms[id(entry.canonical)].append(entry.text)
    facts: list[Fact] = []
    for sentence, s, e, name, _role in kept:
        entry = table[name.lower()]
        canonical = entry.canonical or entry
        kind = _decide_kind(canonical)
        certainty = _certainty(canonical, kind)
        subkind = ""
        if kind == "place":
            pk = gz.place_kind(canonical.text)
            subkind = pk[0] if pk else "place"
        full = canonical.text
        if kind == "person":
            # "Mr _____ said": the title stays in the stem, as a reader would say it; an
            # answer "Mr Negroponte" among plain names stands out
            s, name = _after_honorific(s, name)
            full = _after_honorific(0, full)[1]
        facts.append(
            Fact(
                sentence=sentence,
                start=s,
                end=e,
                text=name,
                kind=kind,
                score=0.0,
                key=answer_key(canonical.text),
                role=entry.role or canonical.role,
                aliases=[full] if full != name else [],
                subkind=subkind,
                certainty=certainty,
                acronyms=tuple(acronyms.get(id(canonical), ())),
            )
        )
    return facts


def _is_acronym_of(short: str, name: str) -> bool:
    """ "IMF" for "International Monetary Fund": capitals that spell the name's words."""
    return short.isupper() and len(short) >= 2 and short == _initials(name)


def _initials(name: str) -> str:
    """ "International Monetary Fund" -> "IMF": its capitalised words' first letters."""
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _after_honorific(start: int, name: str) -> tuple[int, str]:
    """ "Dame Alicia Markova" -> "Alicia Markova", and where that begins."""
    words = name.split()
    if len(words) > 1 and words[0].lower().strip(".") in gz.HONORIFICS:
        cut = name.index(words[1])
        return start + cut, name[cut:]
    return start, name


# "Henry VIII", "John Paul II": the one capitalised ending a person's name does have
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


@lru_cache(maxsize=4096)
def _defined_terms(text: str) -> frozenset[str]:
    """What a sentence defines in brackets after a lower-case phrase: "artificial
    intelligence (AI)" -> {"AI"}. One scan a sentence, not a pattern for each name."""
    return frozenset(m.group(1) for m in _DEFINED.finditer(text))


_DEFINED = re.compile(r"\b[a-z][a-z-]+(?: [a-z][a-z-]+)* \(([^()]{1,40})\)")


# suffixes that make adjectives; a name ending in one of them, which the lexicon knows
# only as an adjective, is a description ("Roman Catholic", "Non Governmental"), not a
# surname, whatever a list of first names says of its first word ("Henry Cavendish",
# "Billy Crystal" and "Dawn French" keep theirs: not adjectives of these forms)
_ADJECTIVE_SUFFIX = re.compile(r"(?:al|ic|ical|ous|ive|ary|ese)$")


def _made_adjective(word: str) -> bool:
    w = word.lower()
    return bool(_ADJECTIVE_SUFFIX.search(w)) and (
        gz.parts_of_speech(w) == {"ADJ"} or w in gz.DEMONYMS
    )


_SHARED_SURNAME = re.compile(r"\s(?:and|&)\s[A-Z][a-z]+\s[A-Z][a-z]")


# words inside a name that describe the person after them ("the Hui Muslim Feng Sheng")
_DESCRIBING_A_PERSON = gz.TITLE_WORDS | gz.PERSON_ROLE_NOUNS | gz.DEMONYMS


def _vote(entry: _Name, text: str, s: int, e: int, role: str) -> None:
    name = text[s:e]
    words = name.split()
    low_words = [w.lower().strip(".") for w in words]
    before = text[:s].rstrip()
    after = text[e:]
    prev_word = re.findall(r"[\w-]+", before)[-1].lower() if re.findall(r"[\w-]+", before) else ""
    v = entry.votes
    if role:
        v["person"] += 3
    if low_words[0] in gz.HONORIFICS:
        v["person"] += 4
    elif (
        prev_word == "the"
        and not role
        and not _noun_after(text, e)
        and not any(w in _DESCRIBING_A_PERSON for w in low_words[:-1])
    ):
        # "on the Royal Mile in Edinburgh": English puts no article before a person's
        # name, bare of a title ("the Duke of X" has one; "the Tim Allen sitcom" uses
        # a name to describe a noun, which says nothing of what the name is)
        v["person"] -= 4
    if (
        len(words) >= 2
        and gz.is_first_name(words[0])
        and words[1][0].isupper()
        and not _made_adjective(words[-1])
    ):
        v["person"] += 3
    if len(words) == 1 and gz.is_first_name(name) and _SHARED_SURNAME.match(after):
        v["person"] += 4  # "twins Mike and Bob Bryan": two first names, one surname
    if (
        len(words) in (2, 3)
        and low_words[0] in gz.CHINESE_SURNAMES
        and all(w[0].isupper() and w[1:].islower() for w in words)
    ):
        v["person"] += 2
    if prev_word in gz.PERSON_ROLE_NOUNS or prev_word in gz.TITLE_WORDS:
        v["person"] += 2
    if _apposition_head(after) in gz.PERSON_ROLE_NOUNS:
        v["person"] += 3  # "X, a former England captain," (not "X, author Y's first book,")
    if re.match(r",\s(?:who|whose)\b", after) or re.match(r"\s(?:himself|herself)\b", after):
        v["person"] += 2
    if re.match(rf"\s{SPEECH_VERBS}\b", after) or re.search(rf"\b{SPEECH_VERBS}\s$", before + " "):
        v["speaker"] += 1  # organisations "say" things too: weighed in _decide_kind
    if re.search(r"\b(?:at|of|from|with)\s$", before + " ") and prev_word in ("at", "of"):
        v["org"] += 0.5
    org_head = low_words[-1] in gz.ORG_WORDS or any(
        w in gz.ORG_WORDS and nxt in ("of", "for")
        for w, nxt in zip(low_words, low_words[1:], strict=False)
    )  # "Vic Wells Ballet", "University of Cincinnati", "Knapp Center for Biomedical ..."
    if org_head or any(w in gz.ORG_WORDS for w in low_words[1:]):
        v["org"] += 4
    if org_head:
        v["person"] -= 6  # a first name before it ("Vic") makes no person
    if (
        name.lower() in gz.COMMON_ACRONYMS
        or re.fullmatch(r"[A-Z]{2,6}s", name)
        or name in _defined_terms(text)
    ):
        v["concept"] += 3  # "LLMs", "artificial intelligence (AI)": a term, not an organisation
    elif name.isupper() and 2 <= len(name) <= 6 and name.isalpha():
        v["org"] += 2
    if prev_word in gz.ORG_CUE_NOUNS:
        v["org"] += 3
    if re.match(
        r"'s?\s(?:[a-z]+\s)?(?:shares|stock|chief|boss|founder|revenue|profits?|customers)\b", after
    ):  # noqa: E501
        v["org"] += 2
    if re.match(r"-(?:listed|owned|backed)", after):
        v["org"] += 2
    if any(w in gz.EVENT_WORDS for w in low_words[-1:]):
        v["event"] += 4
    product = len(words) >= 2 and (
        low_words[-1] in gz.PRODUCT_WORDS
        # a person's name never ends in an acronym: "Ernie LLM", "Meta AI", "Windows XP"
        or bool(re.fullmatch(r"[A-Z]{2,6}", words[-1]) and not _ROMAN.fullmatch(words[-1]))
    )
    if product:
        v["product"] += 4
    if low_words[-1] in gz.PROGRAMME_WORDS and len(words) >= 2:
        v["event"] += 3
    if product or low_words[-1] in gz.EVENT_WORDS | gz.PROGRAMME_WORDS:
        # nor in "Dynasty", "Forum" or "Bot": a first name or a role before it ("Ernie
        # Bot", "the ancient Zhou Dynasty", "National Defense Forum") makes no person
        v["person"] -= 6
    if re.match(r"\s*\((?:\d{4})\)", after) or prev_word in gz.WORK_CUES:
        v["product"] += 4
    if (
        len(words) == 1
        and not _is_initial(text, s)
        and zipf(name) >= 4.0
        and gz.place_kind(name) is None
        and not name.isupper()
    ):
        v["product"] += 1.5  # "not until Hotel, in 1965": a common word capitalised is a title
    if re.search(r"[A-Za-z]", name) and re.search(r"\d", name):
        v["product"] += 3
    place = gz.place_kind(name)
    if place:
        # a small town's name is more often something else ("Nokia", "Linux")
        v["place"] += {"continent": 5, "country": 5, "region": 4}.get(
            place[0], 3 if place[1] > 250_000 else 1
        )
    if re.match(r"-based\b", after):
        v["place"] += 1
    if low_words[-1] in gz.PLACE_WORDS and len(words) > 1 and not v["org"]:
        v["place"] += 3
        v["person"] -= 6  # "Sun Life Stadium": a first name before it makes no person
    if re.search(r"\bat the\s$", before + " ") and not v["org"]:
        v["place"] += 1
    # "Chelsea have not played ...": one name, a plural verb: a team speaking of its
    # players (British usage); "Smith and Jones have" is two people
    plural_verb = re.match(r"\s(?:have|are|were)\b", after) and not before.endswith(" and")
    if (
        A_TEAM_AFTER.match(after)
        or re.search(A_TEAM_BEFORE, before + " ")
        or (plural_verb and not name.endswith("s"))
    ):
        # "when Chelsea take on Barcelona", "the Chelsea captain", "beat Barcelona": a
        # town's name as its team, which plays, wins and has a captain
        v["org"] += 3
    if prev_word == "at" and not after.startswith("'"):
        # "the semi-finals at Roland Garros", "at Stamford Bridge": a venue, whatever
        # its first word is as a first name (not "at Smith's house")
        v["person"] -= 4
        v["place"] += 1
    if prev_word in ("in", "to", "from", "near", "across", "throughout") and not v["org"]:
        v["place"] += 1
    if re.match(r",\s[A-Z][a-z]+", after) and place:
        v["place"] += 1


def _mark_brand_families(table: dict[str, _Name]) -> None:
    """ "Sky Travel", "Sky Italia", "Sky Television": three names or more opening with
    one word make that word a brand, whatever a list of first names says of "Sky"."""
    by_first: dict[str, list[_Name]] = defaultdict(list)
    for entry in table.values():
        words = entry.text.split()
        if len(words) >= 2:
            by_first[words[0]].append(entry)
    for first, family in by_first.items():
        # "John Smith, John Brown, John Lee" are three people: only a word that is at
        # most "mostly" a first name ("Sky" is mostly a woman's) can be a brand
        if len({e.text for e in family}) >= 3 and gz.first_name_gender(first) not in (
            "male",
            "female",
        ):
            for entry in family:
                entry.votes["person"] -= 6
                entry.votes["org"] += 2


def _certainty(entry: _Name, kind: str) -> float:
    """The lead of the chosen kind's votes over the runner-up's; a place the gazetteer
    knows as a country or continent is certain whatever the votes."""
    if kind == "place":
        place = gz.place_kind(entry.text)
        if place and place[0] in ("country", "continent", "region"):
            return 10.0
    votes = sorted((v for k, v in entry.votes.items() if k not in ("speaker", kind)), reverse=True)
    return entry.votes.get(kind, 0.0) - max(votes[0] if votes else 0.0, 0.0)


def _apposition_head(after: str) -> str:
    """The head noun of an apposition right after a name: its last lower-case word
    before the next comma (", the UK's biggest bank," -> "bank")."""
    m = re.match(r",\s([^,;()]{2,80})(?:,|$)", after)
    if not m:
        return ""
    words = re.findall(
        r"\b[a-z][a-z-]+\b", re.split(r"\s(?:of|at|for|in|with|who|which)\s", m.group(1))[0]
    )
    return words[-1] if words else ""


A_TEAM_AFTER = re.compile(
    r"\s(?:take on|took on|takes on|beat|beats|face|faces|faced|drew with|draw with|"
    r"lost to|lose to|defeated|thrashed|knocked out)\b|"
    r"(?:'s)?\s(?:captain|striker|manager|coach|fans|boss|defender|midfielder|"
    r"goalkeeper|squad|supporters|first team)\b"
)
A_TEAM_BEFORE = (
    r"\b(?:beat|beating|against|faces|face|facing|defeated|lost to|draw with|drew with|"
    r"take on|takes on|took on|played|playing)\s$"
)


def _decide_kind(entry: _Name) -> str:
    # one weak hint ("from X", "X-based", a small town's name) does not decide a kind
    votes = Counter({k: v for k, v in entry.votes.items() if k != "speaker" and v > 1})
    if votes:
        kind = votes.most_common(1)[0][0]
        return "other" if kind == "concept" else kind
    words = entry.text.split()
    looks_personal = 2 <= len(words) <= 3 and all(w[0].isupper() and w[1:].islower() for w in words)
    if (
        looks_personal
        and entry.votes["person"] >= 0
        and (entry.votes["speaker"] or gz.is_first_name(words[0]))
        and not _made_adjective(words[-1])
    ):
        return "person"
    return "other"


def _link_short_forms(table: dict[str, _Name]) -> None:
    """Point surnames, acronyms and shorter forms at the full name they stand for.

    Each name links to the longest name it stands for (the first in `full`). Only names
    that share a word with it, or whose initials spell it, can: they are looked up in
    indexes rather than found by comparing every pair, which made a long document's
    thousands of names take minutes (bench/generate_speed.py).
    """
    full = sorted(table.values(), key=lambda n: -len(n.text))
    rank = {id(n): i for i, n in enumerate(full)}
    words_of = {id(n): n.text.split() for n in full}
    initials = {id(n): _initials(n.text) for n in full}
    by_first: dict[str, list[_Name]] = defaultdict(list)
    by_last: dict[str, list[_Name]] = defaultdict(list)
    by_word: dict[str, list[_Name]] = defaultdict(list)
    by_initials: dict[str, list[_Name]] = defaultdict(list)
    for name in full:
        words = words_of[id(name)]
        if words:
            by_first[words[0]].append(name)
            by_last[words[-1]].append(name)
            by_initials[initials[id(name)]].append(name)
            for word in set(words):
                by_word[word].append(name)
    for entry in table.values():
        words = [w for w in entry.text.split() if w.lower().strip(".") not in gz.HONORIFICS]
        if not words:
            continue
        candidates = [*by_first[entry.text.split()[0]]]  # "Alibaba" in "Alibaba Group"
        if len(words) == 1:
            candidates += by_last[words[0]] + by_first[words[0]] + by_initials[entry.text]
        else:
            candidates += by_word[words[0]]
        for other in sorted({id(c): c for c in candidates}.values(), key=lambda n: rank[id(n)]):
            if other is entry or len(other.text) <= len(entry.text):
                continue
            if _stands_for(entry, words, other, words_of[id(other)], initials[id(other)]):
                entry.canonical = other
                entry.votes.update(other.votes)
                break
        if (
            entry.canonical is None
            and len(words) == 1
            and gz.is_first_name(words[0])
            and not _a_nation_or_region(entry.text)  # "France" for "France Antarctique"
        ):
            # "Glenn" for the one person of the article called Glenn ("Glenn Hoddle")
            people = [
                n
                for n in by_first[words[0]]
                if n is not entry and len(words_of[id(n)]) >= 2 and n.votes["person"] > 0
            ]
            if len({n.text for n in people}) == 1:
                entry.canonical = people[0]
                entry.votes.update(people[0].votes)


def _a_nation_or_region(name: str) -> bool:
    place = gz.place_kind(name)
    return place is not None and place[0] in ("country", "continent", "region")


# a city this large is the city, not short for a school or firm named after it
_BIG_CITY = 500_000


def _a_big_place(name: str) -> bool:
    place = gz.place_kind(name)
    return _a_nation_or_region(name) or (place is not None and place[1] >= _BIG_CITY)


def _a_surname_of(entry: _Name, other_words: list[str], other: _Name) -> bool:
    """ "Hart" for Tom Hart; not "Normandy" for "Duke Richard II of Normandy" (a title's
    domain is no surname), nor "Harvard" for John Harvard where the article's own uses
    of "Harvard" say it is no person ("Harvard's faculty", "at Harvard")."""
    if len(other_words) >= 3 and other_words[-2].lower() in ("of", "the"):
        return False  # "Emma of Normandy", "Edward the Confessor"
    return other.votes["person"] > 0 and entry.votes["person"] >= 0


def _stands_for(
    entry: _Name, words: list[str], other: _Name, other_words: list[str], acronym: str
) -> bool:
    """Is `entry` (its words, honorifics aside) a short form of the longer `other`?"""
    if _a_big_place(entry.text) and gz.place_kind(other.text) is None:
        # "Antoine Poitevin of Orsement France", "France Antarctique", "Melbourne High
        # School": a country or a large city is no one's surname, nor short for what
        # is named after it
        return False
    return (
        (
            len(words) == 1
            and words[0] == other_words[-1]
            and _a_surname_of(entry, other_words, other)
        )
        # Chinese names put the family name first: "Xi" is "Xi Jinping"
        or (
            len(words) == 1
            and words[0] == other_words[0]
            and words[0].lower() in gz.CHINESE_SURNAMES
            and other.votes["person"] > 0
        )
        or (len(words) == 1 and entry.text == acronym and len(acronym) >= 2)
        or (other.votes["person"] > 0 and len(words) >= 2 and set(words) < set(other_words))
        or (
            other.text.startswith(entry.text + " ")
            and other.votes["org"] > 0
            and entry.votes["person"] == 0
        )
    )


def _can_be(word: str, *parts: str) -> bool:
    pos = gz.parts_of_speech(word)
    return not pos or bool(pos & set(parts))  # a word the lexicon lacks is a rare noun


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "ics", "us", "is"))


def _noun_phrases(sentences: list[Sentence], facts: list[Fact]) -> list[Fact]:
    """The common-noun phrases of each sentence ("heart surgery", "a kit of parts").

    Not every answer is a name or a number: people asked about noun phrases for 40% of
    SQuAD's questions. Each base noun phrase that no name or number overlaps is a
    candidate, less its determiner, and so is the phrase with an "of" phrase after it.
    """
    from quizapp.domain.syntax import analyse

    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for f in facts:
        spans[f.sentence.index].append((f.start, f.end))
    out: list[Fact] = []
    for sentence in sentences:
        shape = analyse(sentence.text)
        taken = spans[sentence.index]
        for n, p in enumerate(shape.phrases):
            tokens = shape.tokens[p.first : p.last + 1]
            if shape.tokens[p.last].tag not in ("NN", "NNS"):
                continue  # a name's phrase: the name is the candidate
            while tokens and (
                tokens[0].tag in ("DT", "PRP$", "PDT", "WP$", "RB")  # "then imperialism"
                or (tokens[0].tag.startswith("VB") and len(tokens) > 1)  # "been many spoofs"
            ):
                tokens = tokens[1:]
            if not tokens or any(t.tag in ("NNP", "NNPS", "CD", "$") for t in tokens):
                continue
            start, end = tokens[0].start, tokens[-1].end
            if any(start < te and ts < end for ts, te in taken):
                continue
            out.append(_phrase(sentence, start, end))
            after = shape.phrases[n + 1] if n + 1 < len(shape.phrases) else None
            if (
                after
                and re.fullmatch(r" of ", sentence.text[end : after.start])
                and not any(after.start < te and ts < after.end for ts, te in taken)
            ):
                out.append(_phrase(sentence, start, after.end))
    return out


def _phrase(sentence: Sentence, start: int, end: int) -> Fact:
    text = sentence.text[start:end]
    return Fact(sentence, start, end, text, "other", 0.0, answer_key(text), subkind="phrase")


def _harmonise_lists(facts: list[Fact], sentences: list[Sentence]) -> None:
    """Items of one list are things of one kind: "Rivaldo, Luis Figo and Patrick Kluivert"."""
    by_sentence: dict[int, list[Fact]] = defaultdict(list)
    for f in facts:
        by_sentence[f.sentence.index].append(f)
    for sentence in sentences:
        for s, e in _list_spans(sentence.text):
            items = [f for f in by_sentence[sentence.index] if s <= f.start and f.end <= e]
            kinds = Counter(f.kind for f in items if f.kind not in NUMERIC_KINDS | {"other"})
            if not kinds:
                continue
            kind, count = kinds.most_common(1)[0]
            if count < 2:
                continue
            for f in items:
                if f.kind == "other" and not f.is_phrase:
                    f.kind = kind


def _list_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _LIST.finditer(text)]


_ITEM = r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}(?: \(\d+\))?"
_LIST = re.compile(rf"{_ITEM}(?:, {_ITEM})+,? (?:and|or) {_ITEM}")


def list_items(text: str) -> list[tuple[int, int, bool]]:
    """Spans of the items of "A, B, C and D" lists, with whether each is the first."""
    items = []
    for m in _LIST.finditer(text):
        for n, item in enumerate(re.finditer(_ITEM, m.group())):
            items.append((m.start() + item.start(), m.start() + item.end(), n == 0))
    return items
