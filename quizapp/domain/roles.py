"""What sort of person or organisation a name is, from how the article describes it.

A wrong answer is only a good one when it is the same sort of thing as the right one:
a rival bank for a bank, another player for a player. News says what each name is in
the words around it: a title before it ("Prime Minister Tony Blair", "US aircraft
firm Boeing"), an apposition after it ("Boeing, the US planemaker,"), or the name
itself ("Korea First Bank"). Those words are mapped to a few broad sorts (sport,
politics, business, finance, arts ...); two names of the same sort, or one whose sort
the article never says, may stand for each other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from quizapp.domain.facts import Fact
from quizapp.domain.gazetteer import DEMONYMS

# descriptive word -> sort; a word may describe a person or an organisation
_SORTS: dict[str, str] = {}
for _sort, _words in {
    "politics": """minister president secretary chancellor senator congressman congresswoman
        mp mep mayor governor premier politician diplomat ambassador leader spokesman
        spokeswoman spokesperson commissioner mandarin""",
    "business": """executive chief ceo chairman chairwoman founder co-founder director boss
        entrepreneur businessman businesswoman investor tycoon billionaire partner owner
        analyst economist banker trader consultant""",
    "sport": """player striker forward midfielder defender goalkeeper keeper winger coach
        manager captain champion athlete sprinter runner cyclist rider driver boxer golfer
        batsman bowler jockey swimmer skater referee umpire team-mate teammate seed""",
    "arts": """actor actress singer songwriter musician composer conductor author novelist
        writer poet playwright screenwriter director producer dancer ballerina
        choreographer impresario artist painter sculptor designer photographer comedian
        presenter star""",
    "science": """professor researcher scientist academic engineer doctor physician
        surgeon expert inventor mathematician physicist chemist biologist""",
    "media": """editor journalist reporter correspondent columnist""",
    # the outlets those people work for: institutions, not people
    "press": """broadcaster newspaper magazine paper tabloid channel station post times
        journal herald tribune gazette telegraph""",
    "law": """judge lawyer barrister solicitor attorney prosecutor""",
    "military": """general colonel commander officer soldier admiral sergeant lieutenant""",
    "religion": """pope cardinal bishop archbishop priest imam rabbi cleric""",
    "royalty": """king queen prince princess duke duchess emperor empress""",
    "finance": """bank lender insurer fund""",
    "company": """company firm group maker manufacturer planemaker carmaker automaker
        chipmaker giant rival retailer supermarket airline carrier operator developer
        provider publisher studio label conglomerate brand chain startup start-up
        corporation holdings inc ltd plc corp""",
    "sport_club": """club side fc united rovers athletic wanderers""",
    "public_body": """ministry department government office agency authority commission
        council regulator court police army navy parliament congress senate
        administration""",
    "education": """university college school institute academy""",
    "party": """party""",
    "charity": """charity foundation trust campaign""",
    "association": """league federation association union organisation organization body""",
}.items():
    for _w in _words.split():
        _SORTS.setdefault(_w, _sort)
ROLE_WORDS = frozenset(_SORTS)

# within a sort, the trade a word names: an actor is no author, a referee no striker,
# though the arts or sport hold them all
_CRAFTS: dict[str, str] = {}
for _craft, _words in {
    "writing": "author novelist writer poet playwright screenwriter",
    "acting": "actor actress star comedian",
    "music": "singer songwriter musician composer conductor",
    "dance": "dancer ballerina choreographer",
    "visual_art": "artist painter sculptor designer photographer",
    "production": "producer producers",
    "directing": "director filmmaker film-maker",
    "playing": """player striker forward midfielder defender goalkeeper keeper winger
        captain team-mate teammate""",
    "coaching": "coach manager",
    "officiating": "referee umpire",
}.items():
    for _w in _words.split():
        _CRAFTS[_w] = _craft

# "the US planemaker", "a former England captain", "chief executive of X": the
# apposition's words up to where it goes on about something else
_APPOSITION = re.compile(
    r"^,\s(?:the|a|an|its|his|her)?\s?((?:[\w'-]+\s){0,5}?[a-z][\w-]*)(?=\s(?:of|at|for|in|with|who|which)\b|,|\.|$)"
)


# what a minister, a secretary or a spokesman has charge of: "Education minister Ivan
# Lewis" and "Tory education spokesman Tim Collins" answer for the same field
PORTFOLIOS = frozenset(
    """education schools health foreign home treasury finance defence defense transport
    environment trade industry business culture media sport justice interior energy
    agriculture farming employment work pensions housing communities immigration
    science technology""".split()
)


_PREPOSITIONS = frozenset("of in at for from with to by on into about".split())


def portfolio_of(words: Sequence[str]) -> str | None:
    """The field a role is in charge of, said just before it: "education spokesman",
    "Home Secretary" ("at home, said his wife" is no portfolio)."""
    return next(
        (
            w
            for w, role in zip(words, words[1:], strict=False)
            if w in PORTFOLIOS and role in ROLE_WORDS
        ),
        None,
    )


@dataclass(slots=True)
class Profile:
    """What the article says a name is."""

    words: set[str] = field(default_factory=set)  # descriptive words, lower case
    sorts: set[str] = field(default_factory=set)
    speaker: bool = False
    # every common noun the article puts beside the name ("his novel Airport", "the
    # device, a laptop"): what "The novel ..." may refer back to
    nouns: set[str] = field(default_factory=set)
    demonyms: set[str] = field(default_factory=set)  # "Italian finance minister X"
    portfolios: set[str] = field(default_factory=set)  # "shadow education secretary X"


def profiles(facts: Iterable[Fact]) -> dict[str, Profile]:
    """Answer key -> profile, over every mention of each name."""
    out: dict[str, Profile] = defaultdict(Profile)
    for f in facts:
        if f.kind not in ("person", "org", "product", "event", "other") or f.is_phrase:
            continue
        p = out[f.key]
        text = f.sentence.text
        described = [*_words(f.role), *_words(f.text)]
        before = re.findall(r"[A-Za-z][\w-]*", text[: f.start])[-4:]
        # the lower-case (or title) words right before a name: "aircraft firm Boeing"
        for w in reversed(before):
            if w.lower() in _PREPOSITIONS:
                break  # "The charity's head of HIV/Aids": the words before "of" are the head's
            if w.lower() in ROLE_WORDS or w.islower():
                described.append(w.lower())
            else:
                break
        m = _APPOSITION.match(text[f.end :])
        if m:
            described.extend(_words(m.group(1)))
        # "Y's chief executive X" / "the chief executive of Y, X,"
        for w in described:
            if w in _SORTS:
                p.sorts.add(_SORTS[w])
            if w in ROLE_WORDS:
                p.words.add(w)

        if re.search(r"\b(?:said|says|told|added|warned|argued|explained)\b", text):
            p.speaker = True
        p.nouns.update(_nouns_beside(f))
        p.demonyms.update(
            w.lower() for w in re.findall(r"[A-Z][a-z]+", " ".join(before)) if w.lower() in DEMONYMS
        )
        portfolio = portfolio_of(_words(" ".join([*before, f.role])))
        if portfolio:
            p.portfolios.add(portfolio)
    return out


def _nouns_beside(f: Fact) -> set[str]:
    """Common nouns right before the name ("his 1968 novel Airport") or heading an
    apposition after it ("Airport, a thriller about ...")."""
    from quizapp.domain.syntax import analyse

    tokens = analyse(f.sentence.text).tokens
    first = next((i for i, t in enumerate(tokens) if t.start >= f.start), len(tokens))
    last = next((i for i, t in enumerate(tokens) if t.end >= f.end), len(tokens) - 1)
    out = set()
    i = first - 1
    while i >= 0 and tokens[i].tag in ("NN", "NNS", "JJ", "CD") and tokens[i].text.islower():
        if tokens[i].tag in ("NN", "NNS"):
            out.add(tokens[i].text.lower())
        i -= 1
    j = last + 1
    if j + 1 < len(tokens) and tokens[j].text == ",":
        k = j + 1
        while k < len(tokens) and tokens[k].tag in ("DT", "JJ", "NN", "NNS", "CD", "NNP"):
            k += 1
        heads = [t for t in tokens[j + 1 : k] if t.tag in ("NN", "NNS")]
        if heads:
            out.add(heads[-1].text.lower())
    return out


# sorts whose words name an institution: "the Government", "the Court", "the Union"
_INSTITUTION_SORTS = frozenset(
    "public_body association education party charity finance company sport_club press".split()
)


def institution_noun(text: str) -> bool:
    """Is this one common noun for an institution ("Government", "Court"), capitalised
    because it stands for a name the article gives in full elsewhere?"""
    return " " not in text.strip() and _SORTS.get(text.strip().lower()) in _INSTITUTION_SORTS


def craft_of(word: str) -> str | None:
    """The trade a role word names within its sort ("novelist" -> "writing"), if any."""
    return _CRAFTS.get(word.lower())


def sort_of(word: str) -> str | None:
    """The broad sort a descriptive word says ("novelist" -> "arts"), if any."""
    return _SORTS.get(word.lower())


@lru_cache(maxsize=1 << 14)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in re.findall(r"[A-Za-z][\w-]*", text or ""))


def similarity(a: Profile, b: Profile) -> float:
    """How well one name can stand in for the other: shared sorts and words count; a
    sort the article gives both, and differs, rules the pair out (-inf)."""
    if a.sorts and b.sorts and not a.sorts & b.sorts:
        return float("-inf")
    return 2.0 * len(a.sorts & b.sorts) + len(a.words & b.words) + 0.5 * (a.speaker and b.speaker)
