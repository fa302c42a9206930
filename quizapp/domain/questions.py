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
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from quizapp.domain import gazetteer as gz
from quizapp.domain.distractors import (
    CORPORATE_WORDS,
    FactPool,
    bound_side,
    head_of,
    pick_distractors,
)
from quizapp.domain.facts import NUMERIC_KINDS, Fact, fact_key, zipf
from quizapp.domain.numbers import WORD_VALUES
from quizapp.domain.references import Edit
from quizapp.domain.roles import institution_noun
from quizapp.domain.syntax import analyse
from quizapp.domain.text import word_occurrences

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
# words that link a sentence to the one before it: lifted out, it links to nothing
_DISCOURSE = re.compile(
    r"^(?:However|Meanwhile|For example|For instance|In contrast|Certainly|Indeed|Still"
    r"|Moreover|Furthermore|Nevertheless|But|And|So|Also|Instead|Additionally"
    r"|In particular|In addition|In fact|Likewise|Similarly|Thus|Therefore|Hence"
    r"|Consequently|As a result|Notably|Specifically|Besides|Nonetheless),?\s+"
    # "In addition to chlorophylls, ...", "Besides the war, ...": a preposition that
    # heads a phrase of the sentence, not a link to the one before
    r"(?!(?:to|of)\b)(?<!Besides\s)"
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
    fact_key: str = ""  # the fact asked about: its sentence and answer span (facts.fact_key)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(slots=True)
class Context:
    """What a builder may need beyond its fact."""

    pool: FactPool  # every fact of the article, for distractors
    rng: random.Random
    # names put in place of the sentence's pronouns ("He" -> "Tom Hart"), so that the
    # question stands on its own (references.py)
    edits: tuple[Edit, ...] = ()
    # the sentence before, shown first when this one points back to it (references.py)
    lead_in: str = ""
    # the bank's true/false answers so far, shared by its facts' contexts: a bank where
    # most statements are true rewards answering "True" to every one
    verdicts: Counter[str] | None = None

    def led(self, stem: str) -> str:
        return f"{without_asides(self.lead_in)} {stem}" if self.lead_in else stem


Builder = Callable[[Fact, Context], "Question | None"]


@lru_cache(maxsize=1 << 14)
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
    return bool(a) and bool(word_occurrences(normalise_for_match(prompt), a))


_MOST_INITIALS = 4  # NATO, NASA; five-letter ones (NAACP) the article writes itself
_COMMON_WORD_ZIPF = 4.5  # wordfreq: "international" 5.1; "Hart" 3.9, "Brown" 5.0 (Gordon)


def accepted_answers(fact: Fact) -> list[str]:
    out = [a for a in (*fact.aliases, *fact.acronyms) if a != fact.text]
    spelt = re.fullmatch(r"([A-Za-z]+)-([a-z]+)", fact.text)
    if fact.kind == "number" and spelt and spelt.group(1).lower() in WORD_VALUES:
        out.append(f"{WORD_VALUES[spelt.group(1).lower()]}-{spelt.group(2)}")  # "6-month"
    # (an all-capitals word or a company's "Limited" spells no initial: "Sky UK Limited")
    capitals = [
        w
        for w in fact.text.split()
        if w[:1].isupper()
        and w.isalpha()
        and not w.isupper()
        and w.lower().strip(".") not in CORPORATE_WORDS
    ]
    if fact.kind in ("org", "event") and 3 <= len(capitals) <= _MOST_INITIALS:
        # "PIA" for Pakistan International Airlines, "NFL" for the National Football
        # League: initials a learner may type though this article never writes them;
        # a longer name's are no short form anyone uses ("ARHCMS" for the Ann and Roy
        # Hale Centre for Marine Study)
        out.append("".join(w[0] for w in capitals))
    if fact.kind == "place":  # "the US" for "the United States"
        out += [n for n in gz.country_names(fact.text) if n.lower() != fact.text.lower()]
    own_acronym = _OWN_ACRONYM.match(fact.sentence.text, fact.end)
    if own_acronym and fact.text[:1].isupper():
        # "the National Football League (NFL)": the stem leaves the brackets out (they
        # spell the answer), and a learner may well type the short form
        out.append(own_acronym.group(1))
    words = fact.text.split()
    if fact.kind == "person" and len(words) >= 2:
        surname = _surname(words)
        # "Flight International", taken for a person: with no first name known, an
        # everyday word alone ("International") is no surname to accept
        if gz.person_gender(fact.text) is not None or zipf(surname) < _COMMON_WORD_ZIPF:
            out.append(surname)
            if len(words) == 3 and surname == words[1]:
                out.append(" ".join(words[:2]))  # "Robin Li" for Robin Li Yanhong
    if fact.kind == "org":
        # "Huawei" for Huawei Technologies, "Alibaba" for Alibaba Group Holding: the
        # words that only say "a company" may be left off a typed answer
        core = list(words)
        while len(core) > 1 and core[-1].lower().strip(".") in CORPORATE_WORDS:
            core.pop()
        if len(core) < len(words) and len(core[0]) > 2:
            out.append(" ".join(core))
    return list(dict.fromkeys(out))


_OWN_ACRONYM = re.compile(r"\s\(([A-Z]{2,8})\)")


def _surname(words: list[str]) -> str:
    """The family name: last in "Tom Hart", first in "Su Lian Ze" and "Li Kai-fu", after
    the English first name in "Robin Li Yanhong"."""
    if words[0].lower() in gz.CHINESE_SURNAMES:
        return words[0]
    if len(words) == 3 and words[1].lower() in gz.CHINESE_SURNAMES and "-" not in words[2]:
        return words[1]
    return words[-1]


# ---- stems -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Droppable:
    """Spans of a sentence a stem may leave out, whichever fact it asks about."""

    citations: tuple[tuple[int, int], ...]
    pronunciations: tuple[tuple[int, int], ...]
    glosses: tuple[tuple[int, int], ...]
    additive: tuple[tuple[int, int], ...]
    deictic: tuple[tuple[int, int], ...]


@lru_cache(maxsize=1 << 12)  # each sentence is reworded once per question tried of it
def _droppable(text: str) -> _Droppable:
    return _Droppable(
        citations=tuple(m.span() for m in _CITATION.finditer(text)),
        pronunciations=tuple(m.span() for m in _PRONUNCIATION.finditer(text)),
        glosses=tuple(m.span() for m in foreign_glosses(text)),
        additive=tuple(m.span(1) for m in _ADDITIVE.finditer(text)),
        deictic=tuple(
            m.span() for m in _DEICTIC_TIME.finditer(text) if text.count('"', 0, m.start()) % 2 == 0
        ),
    )


def reworded(fact: Fact, ctx: Context, answer: str | None = None) -> tuple[str, int, int]:
    """The fact's sentence as a question shows it: pronouns replaced by the names they
    stand for, citation marks dropped, the answer's span replaced by `answer` (the
    fact's own text by default). Returns the text and where the answer now stands."""
    text = fact.sentence.text
    spans = _droppable(text)

    def outside(found: tuple[tuple[int, int], ...]) -> list[Edit]:
        return [Edit(a, b, "") for a, b in found if b <= fact.start or a >= fact.end]

    edits = [e for e in ctx.edits if e.end <= fact.start or e.start >= fact.end]
    edits += [Edit(a, b, "") for a, b in spans.citations]
    edits += outside(spans.pronunciations) + outside(spans.glosses)
    if not ctx.lead_in:
        # "Nine consulates will also be closed": lifted out, "also" adds to nothing the
        # question shows; without it the statement says the same. Not where the blank
        # is what it adds ("can also be used on _____": on something besides the one
        # the article named; without "also", that one is right too)
        edits += [
            Edit(a, b, "")
            for a, b in spans.additive
            if a >= fact.end or (b <= fact.start and _CLAUSE_BREAK.search(text, b, fact.start))
        ]
    # "went on sale in the UK last week", "relaunch its currency on Saturday": a time
    # said from the day the article was written, which a question read later is not;
    # the statement holds without it (a speaker's own words keep theirs)
    edits += outside(spans.deictic)
    other_name = _OTHER_NAME.match(text[fact.end :])
    if other_name:
        # "the _____ (now called the University of Chicago Medical Center)": its other
        # name spells the answer out
        edits.append(Edit(fact.end, fact.end + other_name.end(), ""))
    own_acronym = _OWN_ACRONYM.match(text, fact.end)
    if own_acronym and fact.text[:1].isupper():
        # "Korea First Bank (KFB)": the brackets would spell the answer out
        edits.append(Edit(fact.end, own_acronym.end(), ""))
    conversion = _CONVERSION.match(text[fact.end :])
    if conversion and fact.kind == "money":
        # "less than $100 (£53)", "$250 (about £132)", "$10bn a year (£5.5bn)": the
        # other currency gives the figure's size away; the words between stay
        edits.append(Edit(fact.end + conversion.start("brackets"), fact.end + conversion.end(), ""))
    measure = _MEASURE_CONVERSION.match(text[fact.end :])
    if measure and fact.numeric:
        # "about 60 km (37 mi) from Warsaw": the other unit gives the figure away
        edits.append(Edit(fact.end, fact.end + measure.end(), ""))
    edits.append(Edit(fact.start, fact.end, fact.text if answer is None else answer))
    start = end = 0
    for e in sorted(edits, key=lambda e: -e.start):
        text = text[: e.start] + e.text + text[e.end :]
        if e.start == fact.start and e.end == fact.end:
            start, end = e.start, e.start + len(e.text)
        else:
            shift = len(e.text) - (e.end - e.start)
            if e.start < fact.start:
                start, end = start + shift, end + shift
    return text, start, end


# "also" inside a clause, before what it adds: "will also be", "Goldenson also cited"
# ("not only ... but also" pairs it with "not only", and stays)
_ADDITIVE = re.compile(r"(?<!\bbut)(?<=[\w,])(\s+also)(?=\s+[a-z])")


_CLAUSE_BREAK = re.compile(r"[,;:–—]|\s-\s")
# a day said from the article's own date ("today" stays: an encyclopaedia's "what is
# today Jacksonville" is the present; so does "the last week of February")
_DEICTIC_TIME = re.compile(
    r"(?<!\bthe)(?<!,)\s(?:on\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:last|this|next)\s(?:week|month)|earlier\sthis\s(?:week|month|year)"
    r"|yesterday)\b"
    # where the clause goes on without it: before punctuation or a new phrase, not
    # before what it qualifies ("on Sunday evening", "last week of February")
    r"(?=[,.;]|\s(?:and|but|after|before|to|in|at|with|for|when|as|while|from|by|that)\b)"
)


# a name's other name, in brackets right after it: "(formerly British Sky Broadcasting)"
_OTHER_NAME = re.compile(
    r"\s?\((?:now|formerly|previously|originally|later|also|then|renamed|once)\b[^()]{1,100}\)"
)


# the same sum in another currency, in brackets right after the figure or after a few
# words that go with it ("per annum", "a year")
_CONVERSION = re.compile(
    r"(?:\s(?:a|an|per|each|every|annually|annum|year|month|week|day|in\stotal)){0,3}"
    r"(?P<brackets>\s\((?:(?:about|around|roughly|approximately|approx\.|some|nearly|almost"
    r"|over|more\sthan|less\sthan|under|c\.|or|equivalent\sto)\s)?[$£€¥][\d.,]+\s?"
    r"(?:bn|m|k|billion|million|trillion)?[^()]{0,20}\))"
)


# the same measure in other units, in brackets right after it: "60 km (37 mi)"
_MEASURE_CONVERSION = re.compile(
    r"\s?\((?:about|approximately|approx\.|roughly|around|c\.|some|nearly|over)?\s?"
    r"[\d.,]+(?:\s?(?:–|-|to)\s?[\d.,]+)?\s?(?:mi|miles?|km|kilometres?|kilometers?|ft|feet|foot|m"
    r"|metres?|meters?|in|inches|cm|mm|kg|kilograms?|lb|lbs|pounds|st|oz|ounces|g|t|tonnes?|tons?"
    r"|acres?|ha|hectares?|sq\s?mi|sq\s?km|km2|km²|mi2|mi²|m2|m²|sq\s?ft|°[CF]|mph|km/h|kph|knots?"
    r"|l|litres?|liters?|gal|gallons?)\)"
)


# Wikipedia's pronunciation guides: "(/ˈluːθər/; German: [ˈmaʁtiːn] ( listen); 1483 -":
# IPA between slashes or square brackets, with its language and its audio link
_IPA = "ˈˌːəɐʊɪʃʒθðŋɔæɛʌɑɒɜʁçɲʎɣχ"
_ONE_PRONUNCIATION = (
    rf"(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?:\s*)?(?:/[^/\n]*[{_IPA}][^/\n]*/|\[[^\]\n]*[{_IPA}][^\]\n]*\])"
    r"(?:\s*\(\s*listen\s*\))?"
)
_PRONUNCIATION = re.compile(
    rf"{_ONE_PRONUNCIATION}(?:\s(?:or|and)\s{_ONE_PRONUNCIATION})*[;,]?\s*|\(\s*listen\s*\);?\s*"
)


# "private schools (Irish: scoil phríobháideach)": the same words in another language,
# whose name gives away where; a language is a people's adjective or one of these
_LANGUAGES = gz.DEMONYMS | frozenset(
    """latin sanskrit arabic hebrew english mongolian romansh cyrillic persian urdu hindi
    gaelic norse yiddish pinyin old middle ancient classical modern simplified
    traditional""".split()
)
_GLOSS = re.compile(r"\s?\(((?:[A-Z][a-z]+\s){0,2}[A-Za-z][a-z]+):\s[^()]{1,120}\)")


def foreign_glosses(text: str) -> list[re.Match[str]]:
    """The brackets giving a sentence's words in another language."""
    return [
        m for m in _GLOSS.finditer(text) if all(w.lower() in _LANGUAGES for w in m.group(1).split())
    ]


# Wikipedia's "[citation needed]" and "[12]": marks for editors, not part of the fact
_CITATION = re.compile(
    r"\[(?:\d{1,3}|[a-z]|[a-z][a-z ]{1,30}\d{0,3}\??)\]"  # [12] [when?] [note 2]
    # a page reference glued to the word before: "New York City:57–60 where", "success.:121"
    r"|(?<=[A-Za-z.,)\]\"])(?::\d{1,4}(?:[–-]\d{1,4})?(?:,\d{1,4})*)+(?=[\s,.;]|$)"
)


def without_asides(text: str) -> str:
    """A sentence without its citation marks, pronunciations and translations."""
    asides = [*_CITATION.finditer(text), *_PRONUNCIATION.finditer(text), *foreign_glosses(text)]
    for m in sorted(asides, key=lambda m: -m.start()):
        text = text[: m.start()] + text[m.end() :]
    return text


def cloze_stem(fact: Fact, ctx: Context) -> str:
    text, start, end = reworded(fact, ctx)
    stem = text[:start] + BLANK + text[end:]
    if ctx.lead_in:  # "... . Instead, the _____ was enacted": the link to it stays
        return balance_quotes(stem)
    return balance_quotes(_drop_discourse_marker(stem))


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


def wh_question(fact: Fact, ctx: Context) -> str | None:
    """A real question when the sentence allows one; None otherwise."""
    text, start, end = reworded(fact, ctx)
    before, after = _drop_discourse_marker(text[:start]), text[end:]
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
            if (
                m
                and re.search(r"(?:\d|million|billion|thousand|bn|m)$", fact.text)
                and not re.search(r",\s(?:while|and|but|whereas)\b|;", m.group(3))
            ):  # one clause only: a second would keep its own figure in the question
                return _finish(f"How many {m.group(1)} {m.group(2)}{m.group(3)}")
    return _subject_question(fact, ctx, text, start, end)


def _subject_question(fact: Fact, ctx: Context, text: str, start: int, end: int) -> str | None:
    """ "The National Audit Office praised ministers ..." -> "Which organisation praised
    ministers ...?": when the answer is the whole subject of the sentence's one clause,
    the question word takes its place and nothing else moves."""
    wh = _wh_word(fact, ctx.pool)
    if wh is None:
        return None
    shape = analyse(text)
    subject = shape.subject
    if subject is None or shape.verb is None or subject.end != end:
        return None
    if not re.fullmatch(r"(?:[Tt]he\s)?", text[subject.start : start]):
        return None  # "Kill Bill director Quentin Tarantino": the answer is part of it
    leading = _drop_discourse_marker(text[: subject.start])
    if leading.strip() and not leading.rstrip().endswith(","):
        return None  # "American twins Mike and _____": the answer is part of the subject
    if '"' in leading or any(t.finite for t in shape.tokens if t.end <= subject.start):
        return None  # '"It is a niche player", Mr X continued': a clause, not a lead-in
    rest = re.sub(r"^,\s[^,]{3,80},", "", text[end:]).strip()  # an apposition goes
    if not rest or not rest[0].islower():
        return None
    if wh.startswith("Which") and re.match(r"(?:are|were|have|do)\b", rest):
        return None  # "Which organisation are schools run by ...": the answer is plural
    if re.search(r";|,\s(?:and|but|while|whereas)\s|\s(?:but|while)\s[A-Z]", rest) or re.search(
        r"\s(?:and|but|while)\s(?:it|he|she|they|this|its|his|her|there|the)\b", rest
    ):
        return None  # a second clause would keep a pronoun for the answer: "and it was shown"
    lead = leading[:1].upper() + leading[1:] if leading else ""
    question = f"{lead}{wh[0].lower() + wh[1:] if lead else wh} {rest}"
    return _finish(question)


_ORG_NOUNS = {
    "bank": "bank", "lender": "bank", "company": "company", "firm": "company",
    "group": "company", "maker": "company", "manufacturer": "company", "carmaker": "company",
    "planemaker": "company", "airline": "airline", "carrier": "airline", "club": "club",
    "side": "club", "team": "team", "party": "party", "university": "university",
    "newspaper": "newspaper", "broadcaster": "broadcaster", "charity": "charity",
    "agency": "agency", "regulator": "regulator", "retailer": "retailer",
}  # fmt: skip
_PLACE_WH = {"country": "Which country", "city": "Which city", "continent": "Which continent",
             "region": "Which state"}  # fmt: skip


# an organisation the article never calls anything is asked "Which organisation" only
# when its name says so clearly (an organisation's word in it, an acronym's votes)
_SURE_ORGANISATION = 4.0


def _org_nouns(fact: Fact, pool: FactPool) -> list[str]:
    """What the article calls an organisation ("bank", "club"), in _ORG_NOUNS' words.
    Of its own name's words only the head says what it is: the University of Chicago
    Hospitals are hospitals, not a university."""
    own = {w.lower() for w in re.findall(r"[A-Za-z][\w-]*", fact.text)}
    words = (pool.profile(fact).nouns | pool.profile(fact).words) - (own - {head_of(fact.text)})
    return [_ORG_NOUNS[w] for w in sorted(words) if w in _ORG_NOUNS]


def _question_word_fits(fact: Fact, pool: FactPool, choices: list[str]) -> bool:
    """ "Which bank ...?" beside a parliament and a union names what only the answer
    is: a question word more precise than "Which organisation" must fit every choice."""
    nouns = _org_nouns(fact, pool) if fact.kind == "org" else []
    if not nouns:
        return True
    for choice in choices:
        other = pool.by_name.get(choice)
        if other is None or nouns[0] not in _org_nouns(other, pool):
            return False
    return True


def _wh_word(fact: Fact, pool: FactPool) -> str | None:
    """The question word for the answer's kind, as precise as the article allows."""
    if fact.kind == "person":
        return "Who"
    if fact.kind == "org" and fact.certainty >= 2:
        profile = pool.profile(fact)
        if profile.nouns and not any(institution_noun(n) for n in profile.nouns | profile.words):
            return None  # "the TARDIS, a time machine": what the article calls it, it is
        noun = next(iter(_org_nouns(fact, pool)), None)
        if noun is None and fact.certainty < _SURE_ORGANISATION:
            return None  # "Which organisation does it at level two?" of a protocol
        return f"Which {noun or 'organisation'}"
    if fact.kind == "place" and fact.subkind in _PLACE_WH:
        return _PLACE_WH[fact.subkind]
    return None


def _speaker_question(fact: Fact, before: str, after: str) -> str | None:
    # 'Education minister Ivan Lewis said: "..."' -> 'Which education minister said: "..."?'
    m = re.match(rf"(?:,\s[^,]+,)?\s({_SPEECH})(\s*:?\s*.*)", after)
    says = m and re.match(r"\s*:?\s*[\"“]|\s+that\b|\s+(?:the\s)?[A-Z]", m.group(2))
    if says and len(before.split()) <= 6 and "," not in before and '"' not in before:
        role = before.strip()
        wh = _which(role)
        return _finish(f"{wh} {m.group(1)}{_shorten_quote(m.group(2))}")
    # '"...," said chief executive Mervyn Davies at a conference.' -> 'Who said "..." at ...?'
    q = re.match(rf'(".+?)[,.!?]?"\s*,?\s*({_SPEECH})\s+(.*?)$', before + "\x00" + after)
    if q and "\x00" in q.group(3):
        role, _, rest = q.group(3).partition("\x00")
        role = role.strip()
        if len(role.split()) > 6 or "," in role:
            return None
        wh = _which(role)
        if rest.startswith(",") or len(rest.split()) > 8:
            rest = ""  # an apposition about the speaker ("partner at Y, which ...") is not asked
        quote = _shorten_quote(q.group(1) + '"')
        return _finish(f"{wh} {q.group(2)} {quote.strip()}{rest}")
    return None


def _which(role: str) -> str:
    """ "Which education minister", or "Who" when the words before the name are no role
    ("Mr Learmount")."""
    role = _lower_role(role)
    return f"Which {role}" if role else "Who"


def _lower_role(role: str) -> str:
    words = role.split()
    if words and words[0] in ("The", "A", "An"):
        words = words[1:]
    while words and words[-1].lower().rstrip(".") in gz.HONORIFICS:
        words = words[:-1]  # "Auditor General Sir John Bourn": "Which Auditor General"
    title_case = len(words) > 1 and words[1][:1].isupper() and not words[1].isupper()
    if (
        words
        and words[0][1:].islower()
        and not title_case  # "Auditor General", "Shadow Education Secretary": a title
        and words[0].lower() not in gz.DEMONYMS
        and "ADJ" in gz.parts_of_speech(words[0].lower())
    ):
        # "Former IPCC chairman Robert Watson": an adjective capitalised only to open
        # the sentence ("Wolves chairman" keeps its club's capital)
        words[0] = words[0].lower()
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
        # "Many _____ claim ..." (Hui Muslims) beside "Muslim communities": a short
        # form the prompt says would be a free point
        accepted=[]
        if qtype == "true_false"
        else [a for a in accepted_answers(fact) if not gives_away(prompt, a)],
        fact_key=fact_key(s.text, fact.start, fact.end),
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
    distractors = pick_distractors(fact, ctx.pool, ctx.rng, stem=ctx.led(cloze_stem(fact, ctx)))
    if len(distractors) < 3:
        return None  # asked as a typed question instead: three weak choices teach nothing
    question = wh_question(fact, ctx)
    if question and not _question_word_fits(fact, ctx.pool, distractors):
        question = None  # the sentence with a blank says no more than the choices do
    prompt = ctx.led(question or cloze_stem(fact, ctx))
    choices = [fact.text, *distractors]
    ctx.rng.shuffle(choices)
    return _question(fact, "multiple_choice", prompt, choices=choices)


def build_cloze(fact: Fact, ctx: Context) -> Question | None:
    return _question(fact, "cloze", f"Fill in the blank: {ctx.led(cloze_stem(fact, ctx))}")


def build_short_answer(fact: Fact, ctx: Context) -> Question | None:
    question = wh_question(fact, ctx)
    if question is None or len(fact.text.split()) > 5:
        return None
    if _SAYS_ITS_FORM.match(question):
        # "Which organisation ...?", "How many ...?": a hint would say it twice
        return _question(fact, "short_answer", ctx.led(question))
    # the hint tells the learner what form to type, and keeps the prompt distinct from
    # the multiple-choice question asked in the same words
    hint = f"(Type the {_HINTS[fact.kind]}.)"
    return _question(fact, "short_answer", f"{ctx.led(question)} {hint}")


_SAYS_ITS_FORM = re.compile(r"(?:In\s)?[Ww]hich\s|How\s(?:many|much)\s")


_HINTS = {
    "person": "name", "org": "organisation", "place": "place", "money": "amount",
    "number": "number", "percent": "percentage", "date": "date", "product": "name",
    "event": "event", "other": "answer",
}  # fmt: skip


def build_true_false(fact: Fact, ctx: Context) -> Question | None:
    if ctx.lead_in:
        return None  # two sentences, one to judge: which one the verdict is on is unclear
    make_false = ctx.rng.random() < 0.5
    if ctx.verdicts is not None and ctx.verdicts["True"] != ctx.verdicts["False"]:
        # a false statement cannot always be made (no rival, a bound): the side behind
        # gets the next turn, so the bank's answers stay near half and half
        make_false = ctx.verdicts["True"] > ctx.verdicts["False"]
    before = fact.sentence.text[: fact.start]
    if fact.numeric and bound_side(before, dated=fact.kind == "date"):
        # "inflation fell below 10%": "below 8%" is not known false, "below 12%" is true
        make_false = False
    wrong = ""
    if make_false:
        distractors = pick_distractors(fact, ctx.pool, ctx.rng, count=1, stem=cloze_stem(fact, ctx))
        make_false = bool(distractors)
        wrong = distractors[0] if distractors else ""
    text, _start, _end = reworded(fact, ctx, wrong if make_false else None)
    if make_false:
        explanation = f'False: the article says "{fact.text}", not "{wrong}".' + _quoting(
            fact.sentence.text, _QUOTE_LEADS[1]
        )
    else:
        explanation = _TRUE + _quoting(fact.sentence.text)
    statement = balance_quotes(_drop_discourse_marker(text))
    if ctx.verdicts is not None:
        ctx.verdicts["False" if make_false else "True"] += 1
    return _question(
        fact,
        "true_false",
        f"True or false? {statement}",
        answer="False" if make_false else "True",
        choices=["True", "False"],
        explanation=explanation,
    )


BUILDERS: dict[str, Builder] = {
    "multiple_choice": build_multiple_choice,
    "cloze": build_cloze,
    "short_answer": build_short_answer,
    "true_false": build_true_false,
}
