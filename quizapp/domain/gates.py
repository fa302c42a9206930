"""Rules a question must pass before it is asked: each names what a reader would object to.

The generator proposes many more candidate facts than a bank keeps. A candidate is
dropped, not ranked low, when its sentence cannot be read on its own, when the
sentence is no statement (a fragment, a question, a list), or when its answer is not
a fact worth recalling (a word of opinion, a weekday, an age, half a name). Every
gate is a function returning the reason it refuses, or None; `sentence_refusal` and
`answer_refusal` return the first reason, which the diagnostics print.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import cache, lru_cache

from quizapp.domain import gazetteer as gz
from quizapp.domain.distractors import FUTURE_CUES, is_variant
from quizapp.domain.facts import (
    BODIES,
    NAME_MADE_ADJECTIVE,
    NUMERIC_KINDS,
    ROLE_PREFIX,
    Fact,
    list_items,
    zipf,
)
from quizapp.domain.numbers import NUMBER_WORDS, canonical_number
from quizapp.domain.references import DESCRIPTIONS, Resolution, full_name
from quizapp.domain.roles import Profile, institution_noun
from quizapp.domain.syntax import Shape, analyse
from quizapp.domain.text import Sentence, word_occurrences

MIN_WORDS = 6  # "Have happened." is no statement to ask about
MAX_WORDS = 45  # beyond this a stem is a paragraph, and cutting it leaves fragments


# ---- the sentence ------------------------------------------------------------------


def not_a_statement(sentence: Sentence, shape: Shape) -> str | None:
    text = sentence.text.rstrip("\"')] ")
    if text.endswith("?"):
        return "a question, not a statement"
    if text.endswith("!"):
        return "an exclamation"
    if not re.search(r"[.:;]$", text) and not sentence.text.rstrip().endswith('"'):
        return "no full stop: a heading or a caption"
    return None


def fragment(sentence: Sentence, shape: Shape) -> str | None:
    """A sentence needs a finite verb and a subject ('"We won," said Hart' has one)."""
    first = sentence.text.lstrip("\"'([ ")
    if first[:1].islower():
        return "starts in the middle of a sentence"
    if shape.verb is None:
        return "no verb: a fragment"
    if shape.subject is None and not _speech_inversion(shape):
        return "a verb with no subject: a fragment"
    return None


def _speech_inversion(shape: Shape) -> bool:
    """'"...," said the minister.' and '"...", he added': the subject follows the verb."""
    verb = shape.verb
    if verb is None:
        return False
    before = [t.text for t in shape.tokens[max(0, verb - 2) : verb]]
    return '"' in before or any(shape.quoted[:verb])


def length(sentence: Sentence, shape: Shape) -> str | None:
    words = len(sentence.text.split())
    if words < MIN_WORDS:
        return f"{words} words: too short to be a fact"
    if words > MAX_WORDS:
        return f"{words} words: too long to read as one question"
    return None


def broken(sentence: Sentence, shape: Shape) -> str | None:
    """Text that a scraper or a translation garbled."""
    text = sentence.text
    if text.count("(") != text.count(")") or text.count("[") != text.count("]"):
        return "an unclosed bracket"
    if re.search(r"\b(\w+) \1\b", text, re.IGNORECASE) and not re.search(
        r"\b(that that|had had)\b", text, re.IGNORECASE
    ):
        return "a doubled word"
    if re.search(r"[,;] (?:They|He|She|It|We)\b", text):
        return "a capital after a comma: two sentences run together"
    if re.search(r"\w\.[A-Z][a-z]", text) and not re.search(r"[A-Z]\.[A-Z]", text):
        return "a full stop with no space after it"
    for m in _STOP_THEN_LOWER.finditer(text):
        if m.group(1).lower() not in _ABBREVIATIONS:
            # "the world's top player at Go - also known as Go. goes. weiki - 3-0"
            return f"'{m.group(0)}': a full stop inside the sentence"
    return None


_STOP_THEN_LOWER = re.compile(r"\b([A-Za-z]{2,})\. ([a-z]{2,})\b")
# words written with a full stop that a sentence goes on after
_ABBREVIATIONS = frozenset(
    """etc vs approx incl esp cf al ca fig figs no nos vol vols pp ed eds jr sr st mr mrs ms
    dr prof inc ltd co corp dept est gov govt univ ft lb lbs oz km mi min max sq cu op
    viz resp ibid misc ave blvd rd""".split()
)


def _standalone(resolution: Resolution, sentence: Sentence) -> str | None:
    if resolution.refused:
        return resolution.refused
    words = len(resolution.lead_in.split()) + len(sentence.text.split())
    if resolution.lead_in and words > _MAX_WITH_LEAD_IN:
        return f"{words} words with the sentence it needs before it: too long to read"
    return None


_MAX_WITH_LEAD_IN = 55


SENTENCE_GATES: tuple[Callable[[Sentence, Shape], str | None], ...] = (
    length,
    not_a_statement,
    broken,
    fragment,
)


def sentence_refusal(
    sentence: Sentence, resolution: Resolution, publishers: frozenset[str] = frozenset()
) -> str | None:
    """The first reason this sentence cannot be a question's source, or None."""
    reason = disclosure(sentence, publishers)
    if reason:
        return f"disclosure: {reason}"
    shape = analyse(sentence.text)
    for gate in SENTENCE_GATES:
        reason = gate(sentence, shape)
        if reason:
            return f"{gate.__name__}: {reason}"
    reason = _standalone(resolution, sentence)
    return f"not standalone: {reason}" if reason else None


def disclosure(sentence: Sentence, publishers: frozenset[str]) -> str | None:
    """ "Alibaba owns the South China Morning Post.": a paper tells its readers who owns
    it (the publication its credit line names) when the story is about its owner; that
    is about the paper, not the story."""
    if not publishers or not _OWNS.search(sentence.text):
        return None
    named = next((p for p in publishers if re.search(rf"\b{re.escape(p)}\b", sentence.text)), None)
    return f"who owns the publisher, {named}, not the story" if named else None


_OWNS = re.compile(r"\b(?:owns|owned|owner|parent company|is a (?:unit|subsidiary) of)\b")


# ---- the answer ---------------------------------------------------------------------


def part_of_a_name(fact: Fact, shape: Shape) -> str | None:
    """The blank must take a whole name: not "All _____" for the All England Club."""
    if fact.kind in NUMERIC_KINDS:
        return None
    text = fact.sentence.text
    before = re.search(r"([A-Z][\w'&.-]*)\s$", text[: fact.start])
    if before and not before.group(1).endswith(("'s", "'")):
        word = before.group(1)
        at_start = not text[: before.start()].strip()
        if not at_start and word.lower() not in gz.TITLE_WORDS | gz.HONORIFICS | gz.DEMONYMS:
            return f"'{word}' before it belongs to the same name"
    after = re.match(r"\s([A-Z][\w'&.-]*|\d+[A-Za-z]?\b)", text[fact.end :])
    if after and not fact.is_phrase and fact.kind not in NUMERIC_KINDS:
        # "Kings Canyon _____", "_____ 7, Paragraph 4": a name goes on
        return f"'{after.group(1)}' after it belongs to the same name"
    if (
        re.fullmatch(r"[A-Z][a-z]+", fact.text)
        and re.search(r"\bthe\s$", text[: fact.start])
        and re.match(r"'s\s[A-Z]", text[fact.end :])
        and zipf(fact.text.lower()) >= _WORD_ZIPF
    ):
        # "the _____'s Creed" (the Apostle's Creed), "the _____'s Speech": a word that
        # takes "the" is no one's name, so its possessive begins a name that goes on
        return f"'{text[fact.end : fact.end + 2]}' after it goes on into a name"
    foreign = re.match(r"\s([a-z]{3,})\b", text[fact.end :])
    if (
        foreign
        and fact.text[:1].isupper()
        and not gz.parts_of_speech(foreign.group(1))
        and zipf(foreign.group(1)) < _WORD_ZIPF
        # an English verb or adverb the lexicon lacks ("Canada disparagingly",
        # "Mitsubishi rebranded") is no part of a term
        and not foreign.group(1).endswith(("ed", "ly", "ing"))
        and any(
            t.start == fact.end + 1 and t.tag in ("NN", "NNS", "FW", "JJ") for t in shape.tokens
        )
    ):
        # "the concept of _____ nullius" (Terra), "_____ pestis" (Yersinia): a word that
        # is no English one goes on the term, in Latin as in a species' name
        return f"'{foreign.group(1)}' after it is the rest of the term"
    if re.search(r"\s[A-Z]\.?$", fact.text):
        return "ends in an initial: a cut-off name"
    if not fact.is_phrase and fact.kind != "person" and _modifier_before_noun(fact, shape):
        # "the IPCC Working groups": a name's head is its last word, and "Working" is
        # none; the noun after it is, so the capitals are half a phrase
        return "the noun after it is the head its last word modifies"
    joined = re.search(r"(?:^|\s)([A-Z][\w'-]*)\s(?:and|&)\s$", text[: fact.start])
    if (
        joined
        and fact.kind == "person"
        and len(fact.text.split()) > 1
        and gz.is_first_name(joined.group(1))
        # "Meriwether Lewis and _____": a surname that is also a first name ends a
        # name of its own, and shares nothing
        and not re.search(r"[A-Z][\w'.-]*\s$", text[: joined.start(1)])
    ):
        # "twins Mike and _____" (Bob Bryan): two first names share the surname
        return f"'{joined.group(1)} and' before it shares its surname"
    head = fact.text.split()[-1].lower()
    if joined and len(fact.text.split()) > 1 and head in _BUILDING_WORDS:
        # "the Foreign and _____" (Commonwealth Office), "the Jules and _____" (Gwen Knapp
        # Center): one word before "and" is no name of its own, but half of this one
        return f"'{joined.group(1)} and' before it belongs to the same name"
    before = re.search(r"([A-Z][\w'-]*)\s(of|on|for|de)(?:\sthe)?\s$", text[: fact.start])
    after = re.match(r"\s(of|on|for|de)\s(?:the\s)?[A-Z]", text[fact.end :])
    last = fact.text.split()[-1].lower()
    # "on" goes on a name only after a body: "Panel on Climate Change", not "Boeing on Monday"
    if (before and (before.group(2) != "on" or before.group(1).lower() in BODIES)) or (
        after and (after.group(1) != "on" or last in BODIES)
    ):
        return "a title goes on around it ('Special Report on _____ and Climate Change')"
    return None


_WORD_ZIPF = 3.0  # wordfreq: "apostle" 3.5 and "queen" 4.9 are words a reader knows


def _modifier_before_noun(fact: Fact, shape: Shape) -> bool:
    last = next((t for t in reversed(shape.tokens) if t.end <= fact.end), None)
    after = next((t for t in shape.tokens if t.start >= fact.end), None)
    return (
        last is not None
        and after is not None
        and last.text.lower().endswith("ing")
        and len(last.text) > 4
        and after.text.islower()
        and after.tag in ("NN", "NNS")
    )


_BUILDING_WORDS = (
    gz.ORG_WORDS
    | gz.PLACE_WORDS
    | frozenset("center centre building library hall institute museum".split())
)


def not_a_whole_phrase(fact: Fact, shape: Shape) -> str | None:
    """A common-noun answer ends where its noun phrase ends: its head noun is in it."""
    if not fact.is_phrase:
        return None
    if any(p.end == fact.end and p.start <= fact.start for p in shape.phrases):
        return None
    return "not a whole noun phrase"


def opinion(fact: Fact, shape: Shape) -> str | None:
    """ "a remarkable achievement" tests the writer's view, not a fact."""
    if fact.kind in NUMERIC_KINDS or fact.text[:1].isupper():
        return None
    for word in re.findall(r"[a-z-]+", fact.text.lower()):
        polarity, subjectivity = _sentiment(word)
        if subjectivity >= 0.6 and abs(polarity) >= 0.2:
            return f"'{word}' is an opinion"
    return None


@cache
def _sentiment(word: str) -> tuple[float, float]:
    from textblob.en import sentiment

    entry = sentiment.get(word)
    if not entry:
        return 0.0, 0.0
    polarity, subjectivity, _intensity = entry.get("JJ") or next(iter(entry.values()))
    return polarity, subjectivity


def trivia(fact: Fact, shape: Shape) -> str | None:
    """Details nobody should be quizzed on: an age, a weekday, "last year"."""
    text = fact.sentence.text
    before, after = text[: fact.start], text[fact.end :]
    if fact.kind == "number" and (
        re.search(r"\baged?\s(?:(?:over|under|about|around|between|just)\s)?$", before)
        or "year-old" in fact.text
        or re.match(r"[-\s]years?[-\s]olds?\b", after)
        or re.match(r"\s(?:years?\s)?and\s\d+\sdays\b", after)
        # "who at 18 years and _____ (187 days) becomes the youngest": the rest of an age
        or (re.search(r"\b\d+\syears\sand\s$", before) and re.search(r"days?$", fact.text))
        or (re.search(r"[A-Z][a-z]+,\s$", before) and re.match(r",", after))
    ):
        return "an age"
    if (
        fact.kind == "date"
        and re.search(r"(?i)\b(?:last|next|this|on|since|until|by)\s?$", before)
        and not re.search(r"\d", fact.text)
    ):
        return "a date said relative to the article's own"
    if re.match(r"\s+(?:ago|earlier|later)\b", after) and (
        fact.kind == "date" or re.search(r"(?:years?|months?|weeks?|days?|decades?)$", fact.text)
    ):
        return "a time said relative to the article's own"
    if re.match(r",?\s+(?:after|before)\b", after) and re.search(
        r"\b(?:years?|months?|weeks?|days?|hours?|decades?)$", fact.text
    ):
        # "progress, two weeks after EU leaders set a date": how long between two
        # events, where the events are the facts
        return "a time counted from another event"
    if (
        fact.kind == "date"
        and re.search(r"(?i)\bby\s(?:the\s(?:end|middle)\sof\s)?$", before)
        and not _A_TARGET.search(text)
    ):
        # "By 1883, engines of 10,000 hp had become feasible": when something had
        # happened by, which any later date also is (readers: 35 such questions, half
        # acceptable, three in ten worth asking); a target's date ("aims to halve it by
        # 2015") is the target's own
        return "a date things had happened by: any later one is true too"
    if fact.kind == "date" and re.search(r"(?i)\bas\s(?:of|at)\s$", before):
        # "As of 2014, membership was about 12 million": when the figure was checked,
        # the writer's timestamp; the figure is the fact
        return "the date a figure was last checked"
    if fact.text.lower() in gz.WEEKDAYS or re.fullmatch(r"(?i)(?:on\s)?\w+day", fact.text):
        return "a weekday"
    ranged = _RANGE_OF_EXAMPLES_BEFORE.search(before) or (
        _PLURAL_FROM.search(before) if _RANGE_OF_EXAMPLES_AFTER.match(after) else None
    )
    if (
        fact.kind in ("org", "person", "product")
        and ranged
        and any(t.start == ranged.start() and t.tag == "NNS" for t in shape.tokens)
    ):
        # "As US companies from OpenAI to _____ have made headlines": a plural noun's
        # members from one end to the other are examples; any other fills the blank
        return "one end of a range of examples: many others would fill the blank"
    if re.match(r"\s+et\.?\s+al\b", after):
        # "reconstructions by _____ et al. 1998, Pollack 1998 and ...": a citation
        return "an author the text cites, not what the article reports"
    if fact.kind in ("org", "other", "product") and (
        _SOURCE_BEFORE.search(before)
        or (_SOURCE_DESCRIBED.search(before) and re.match(r",\s(?:said|says|told)\b", after))
    ):
        # "said Tom Hart, an analyst at _____": where a quoted source works says why
        # they are quoted, not what the article reports (readers: not worth asking, 7
        # times in 7)
        return "where the quoted source works"
    if re.search(r"\btold\s(?:the\s)?$", before) and fact.kind in ("org", "other", "product"):
        return "who the news was told to"
    return None


# "companies from OpenAI to _____", "rivals, from Baidu's Ernie Bot to _____'s LLM"
_RANGE_OF_EXAMPLES_BEFORE = re.compile(
    r"\b[a-z]{3,}s,?\sfrom\s(?:[A-Z][\w'’.&-]*\s?){1,4}(?:\w+\s){0,3}?to\s$"
)
_PLURAL_FROM = re.compile(r"\b[a-z]{3,}s,?\sfrom\s(?:[A-Z][\w.&-]*(?:'s|’s)\s)?$")
_RANGE_OF_EXAMPLES_AFTER = re.compile(r"(?:'s)?(?:\s\w+){0,3}?\sto\s[A-Z]")


# what is still to come, anywhere in the sentence: a plan, a target, a forecast
_A_TARGET = re.compile(
    rf"(?i)\b(?:{FUTURE_CUES}|would|aims?|aimed|aiming|goals|pledged?|promised?|plans?|"
    r"planned|predict\w*|forecasts|due|set\sto|hopes?|wants?)\b"
)


# "said Tom Hart, an analyst at _____" / "Tom Hart, head of the _____, said": a name,
# then up to eight words of role, then the preposition naming the employer
_SOURCE_ROLE = (
    r"(?:[A-Z][\w'.-]*\s?){1,4},\s(?:[\w&'-]+\s){0,8}(?:at|of|for|with|from)\s"
    r"(?:the\s)?(?:[a-z-]+\s){0,3}$"
)
_SOURCE_DESCRIBED = re.compile(rf"(?:^|\s|\"){_SOURCE_ROLE}")
_SOURCE_BEFORE = re.compile(
    rf"\b(?:said|says|added|explained|warned|according\sto)\s{_SOURCE_ROLE}"
)


def generic(fact: Fact, shape: Shape) -> str | None:
    """One everyday word asks nothing the article taught."""
    words = fact.text.split()
    if fact.kind in NUMERIC_KINDS or len(words) > 1:
        return None
    if fact.is_phrase and zipf(fact.text) >= 4.5:
        return f"'{fact.text}' is an everyday word"
    if (
        fact.kind not in ("person", "place", "org")
        and re.fullmatch(r"[A-Z]{2,3}", fact.text)
        and zipf(fact.text.lower()) >= 5.0
    ):
        # "directed _____ series" (TV): an acronym everyone says is an everyday word
        return f"'{fact.text}' is an everyday word"
    if (
        fact.is_phrase
        and fact.text in DESCRIPTIONS
        and re.search(r"\bthe\s$", fact.sentence.text[: fact.start])
    ):
        # "get their hands on the _____, which costs $250" (gadget): the word the article
        # calls a thing by that it names elsewhere (the PSP); which word, is wording
        return f"'the {fact.text}' describes a thing the article names"
    if fact.kind == "org" and institution_noun(fact.text):
        # "The _____ can review the legality of ...": "the Court" stands for a name the
        # article gives elsewhere; the bare noun asks what sort of body, not which
        return f"'{fact.text}' is the common noun for a name"
    return None


_EXAMPLE_BEFORE = re.compile(
    r"\b(?:for\s(?:example|instance)|such\sas|e\.g\.|including|like)[,:]?\s(?:(?:a|an|the)\s)?$",
    re.IGNORECASE,
)


def loose_phrase(fact: Fact, shape: Shape) -> str | None:
    """A common-noun phrase is a fact when it names a term the article teaches
    ("phycobilisomes", "concentric unstacked thylakoids", "baccarat", "redundancy
    payments"); phrases of everyday words ("smaller planes", "embassy closures", "a key
    role") leave a blank that many words fill, and readers rated them worst of all (24%
    acceptable over five samples). Inside a quotation any phrase tests the speaker's
    wording rather than a fact."""
    if not fact.is_phrase:
        return None
    text = fact.sentence.text
    if text[: fact.start].count('"') % 2:
        return "a phrase inside a quotation: the speaker's wording"
    tokens = [t for t in shape.tokens if fact.start <= t.start and t.end <= fact.end]
    if any(t.tag in ("JJR", "JJS", "RB") for t in tokens[:-1]):
        return "a comparison or an adverb: the writer's wording"
    # "co-ordination" is "coordination" (3.9), not "ordination" (2.9)
    words = [w.replace("-", "") for w in re.findall(r"[A-Za-z][A-Za-z-]*", fact.text)]
    if not words or min(_base_zipf(w) for w in words) >= _TERM_ZIPF:
        return "everyday words: many phrases would fill the blank"
    rare = [
        t
        for t in tokens
        if t.text[:1].isalpha() and _base_zipf(t.text.replace("-", "")) < _TERM_ZIPF
    ]
    if re.search(r"\b[a-z]{3,}\s(?:and|or)\s$", text[: fact.start]) or re.match(
        r"\s(?:and|or)\s[a-z]{3,}", text[fact.end :]
    ):
        # "18 new embassies or _____" (consulates), "a phone and _____": one of a pair
        # of common nouns is guessed from the other or filled by any of its kind
        # (readers: acceptable 2 times in 9)
        return "one of a pair of common nouns: its partner gives it away"
    if re.search(_EXAMPLE_BEFORE, text[: fact.start]):
        # "stricter than in government schools - for example, a _____" (compulsory
        # blazer): an example is one of many that would do
        return "an example: many others would fill the blank"
    if rare and not any(t.tag in ("NN", "NNS") for t in rare):
        # a term is a noun ("austerity programme", "thylakoids"); a rare adjective before
        # everyday nouns ("managerial career", "handheld gaming market", "six-month
        # contract") describes, and readers found such blanks acceptable 3 times in 24
        return "a rare word that describes an everyday noun: many phrases would fill it"
    return None


def a_verb(fact: Fact, shape: Shape) -> str | None:
    """ "These orders should help _____ Boeing's profits" (underpin): the tagger read a
    verb as a noun. A phrase whose first word may be a verb, right after "to", a modal
    or "help", asks for a word of the writer's, not a thing. (The lexicon alone is no
    guide: "a fumble", "the dismantling", "sediments" are nouns there.)"""
    if not fact.is_phrase:
        return None
    first = re.match(r"[A-Za-z]+", fact.text)
    if first is None:
        return None
    prev = [t for t in shape.tokens if t.end <= fact.start]
    if (
        prev
        and (prev[-1].tag in ("TO", "MD") or prev[-1].text.lower() in _BARE_INFINITIVE)
        and "VERB" in gz.parts_of_speech(first.group())
    ):
        return f"'{first.group()}' after '{prev[-1].text}' is a verb"
    return None


# verbs followed by a verb's bare form: "help underpin", "let slip", "make do"
_BARE_INFINITIVE = frozenset("help helps helped helping let lets make makes made".split())


def _base_zipf(word: str) -> float:
    """How common a word is, counting its singular: plurals are rarer than their words
    ("closures" 3.4, "closure" 3.9)."""
    if word.endswith("ies") and len(word) > 4:  # "uncertainties" 3.4, "uncertainty" 4.0
        return max(zipf(word), zipf(word[:-3] + "y"))
    if word.endswith("s") and len(word) > 3:
        return max(zipf(word), zipf(word[:-1]), zipf(word[:-2]) if word.endswith("es") else 0)
    return zipf(word)


# wordfreq's Zipf scale (log10 of uses per billion words): a term has a word rarer than
# this: "baccarat" 2.7, "thylakoid" 1.5, "prevailing" 3.5 do; "surgery" 4.6, "embassy"
# 4.1, "closure" 3.9 do not
_TERM_ZIPF = 3.6


def modifier(fact: Fact, shape: Shape) -> str | None:
    """ "the UK chancellor", "US aircraft firm Boeing", "the 21st James Bond film": a
    place or a person's name used as an adjective says where or whose, in passing; the
    sentence is about the noun after it."""
    if ROLE_PREFIX.match(fact.text):
        return "a name made an adjective by its prefix ('ex-England')"
    if fact.kind in ("place", "org") and NAME_MADE_ADJECTIVE.match(fact.sentence.text[fact.end :]):
        # "such as Hong Kong-listed SenseTime", "San Francisco-based OpenAI": where, in
        # passing; the sentence is about the name after it ("New Zealand-born Campbell"
        # says who he is, and stays)
        return "a name made an adjective by its suffix ('Hong Kong-listed')"
    credit = _CREDIT.match(fact.sentence.text[fact.end :])
    if (
        fact.kind not in ("person", "org", "place")
        and credit
        and credit.group(1) in gz.PERSON_ROLE_NOUNS
    ):
        # "Kill Bill director Quentin Tarantino": a work named to say who someone is
        return "a work before a role and a name: it says who, in passing"
    adjectives = all(w.lower() in gz.DEMONYMS for w in fact.text.split()) and not re.search(
        r"\b(?:is|was|are|were|became)\s(?:a|an)\s$", fact.sentence.text[: fact.start]
    )  # "Tesla was a Serbian American inventor": what he was is the fact
    if fact.kind not in ("place", "person") and not adjectives:
        # ("the _____ world", Arab Muslim: peoples' adjectives modify as names do)
        return None
    if re.match(r"\s[a-z][a-z-]+\b", fact.sentence.text[fact.end :]):
        following = re.match(r"\s([a-z][a-z-]+)", fact.sentence.text[fact.end :])
        if following and following.group(1) not in _NOT_NOUNS:
            tokens = [t for t in shape.tokens if t.start > fact.end]
            if (
                tokens
                and tokens[0].tag in ("NN", "NNS")
                and tokens[0].text.lower() not in _TIME_WORDS
            ):
                return "a name before a noun: it modifies, it is not the fact"
    return None


_CREDIT = re.compile(r"\s(?:[a-z]+\s)?([a-z]+)\s[A-Z][a-z]+\s[A-Z]")
_NOT_NOUNS = frozenset("and or but to in on at of for with from by as is was has have".split())
_TIME_WORDS = frozenset(
    "today yesterday tomorrow tonight week weekend month year years time season".split()
)


def score_in_a_sequence(fact: Fact, shape: Shape) -> str | None:
    """ "beat Robredo 7-6 (8-6) 6-2": one set of a match's score is a detail, and the
    scores beside it narrow the blank to one."""
    if not re.fullmatch(r"\d{1,2}-\d{1,2}", fact.text):
        return None
    text = fact.sentence.text
    if re.match(r"\s*\(?\d{1,2}-\d{1,2}", text[fact.end :]) or re.search(
        r"\d{1,2}-\d{1,2}\)?\s*$", text[: fact.start]
    ):
        return "one score in a sequence of scores"
    return None


def the_topic(fact: Fact, headline: str) -> str | None:
    """The article's own subject, as its headline names it: "Spain won the _____ for the
    second time" in a story headed "Spain win Davis Cup" asks what everyone knows."""
    if not headline or fact.kind in NUMERIC_KINDS - {"number"}:
        return None
    headline_words = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", headline)}
    # "_____ are one of many types of organelles" under "Chloroplast": a plural of it
    headline_words |= {w + "s" for w in headline_words} | {w + "es" for w in headline_words}
    # "The _____ is composed of representatives ..." (IPCC Panel) under "Intergovernmental
    # Panel on Climate Change": the headline's initials are a word of it too
    capitals = re.findall(r"\b[A-Z]", headline)
    if len(capitals) >= 3:
        headline_words.add("".join(capitals).lower())
    # "The _____ produces reports" (IPCC) under "Intergovernmental Panel on Climate
    # Change": the name the article gave it in brackets is the headline's
    for name in (fact.text, *fact.aliases):
        # "knocking six zeros off the _____" under "Turkey knocks six zeros off the lira"
        words = [
            w
            for w in re.findall(r"[A-Za-z0-9]+", name)
            if len(w) > 1 and w.lower() not in gz.HONORIFICS  # "Mr Brown" under "Brown calls"
        ]
        if words and all(w.lower() in headline_words for w in words):
            return "the headline names it: the article's topic"
    # "Sony's _____" (PlayStation Portable) under "Sony PSP handheld console hits US"
    initials = "".join(part[0] for part in re.findall(r"[A-Z][a-z]*", fact.text))
    if len(initials) >= 3 and initials.lower() in headline_words:
        return "the headline names it by its initials: the article's topic"
    return None


def the_protagonist(fact: Fact, introduced: dict[str, int]) -> str | None:
    """The person (or organisation) the whole article is about, after the sentence that
    introduces them: "Mr _____ said the venture was not for profit", in a story about one
    man, asks what every reader of it knows. Where they are introduced ("Who has called
    on rich nations to fund ...?" of the lead) is what the article tells. `introduced`
    maps each protagonist (References.protagonists) to the sentence first naming them."""
    first = introduced.get(full_name(fact)) if fact.kind in ("person", "org") else None
    if first is not None and fact.sentence.index > first:
        return "the one the article is about, named before: every reader knows"
    return None


_OFFICES = gz.TITLE_WORDS | {"head"}


def passer_by(fact: Fact, sentences_naming: int, profile: Profile | None) -> str | None:
    """Someone the article names once, only to quote them, and gives no office: "...,"
    shop owner Hayriye Evren told AP. Readers call a vox pop's name trivia; what they
    said is the fact. A minister or a professor quoted once is no passer-by."""
    if fact.kind != "person" or sentences_naming != 1 or '"' not in fact.sentence.text:
        return None
    if len(full_name(fact).split()) < 2:
        return None  # "Sir John said": maybe the one named in full before, not linked
    if profile is not None and (profile.words | profile.nouns) & _OFFICES:
        return None  # "said Jo Hale, head of the central bank"
    return "named once, to quote them: a passer-by"


def short_form(fact: Fact, longer_names: set[str]) -> str | None:
    """ "exhibits from the _____" (Exhibition): one everyday noun, after "the", that ends
    a longer name the article gives ("the Great Exhibition") is that name cut short;
    the blank takes "show" or "fair" as well, and readers wanted the whole name, which
    is asked where the article states it. `longer_names`: the article's names of two
    words or more, in lower case."""
    word = fact.text.lower()
    if fact.kind in NUMERIC_KINDS or fact.kind == "person" or fact.is_phrase:
        return None
    after = re.match(r"\s([a-z][\w-]*)", fact.sentence.text[fact.end :])
    if (
        after
        and f"{word} {after.group(1)}" in longer_names
        and all(gz.parts_of_speech(w) for w in word.split())
    ):
        # "_____ relay operates at layer two": "Frame relay" is the Frame Relay the
        # article names, written here in lower case; the blank takes half of it, an
        # everyday word ("the _____ river" keeps Vistula, a name on its own)
        return f"'{fact.text} {after.group(1)}' is a name the article gives whole"
    if " " in word:
        return None
    if not re.search(r"\bthe\s$", fact.sentence.text[: fact.start], re.IGNORECASE):
        return None
    if "NOUN" not in gz.parts_of_speech(word):
        return None  # "the Bundesbank": a name of its own
    longer = next((n for n in sorted(longer_names) if n.rsplit(" ", 1)[-1] == word), None)
    return f"'{fact.text}' stands for a name given in full elsewhere" if longer else None


def incidental_phrase(fact: Fact, sentences_using: int) -> str | None:
    """A common-noun phrase the article uses in one sentence only ("slums", "uproar",
    "financial backers") is its wording there, not a term it teaches: a term comes back.
    Readers found most such blanks vague (many words fit) or trivia."""
    if fact.is_phrase and sentences_using == 1:
        return "used once: wording, not a term the article teaches"
    return None


def named_thing(fact: Fact, shape: Shape) -> str | None:
    """ "the 11 September attacks", "the 2002 World Cup": a date or number that is part
    of a name; the learner knows the name, and other dates would name nothing."""
    if fact.kind not in ("date", "number"):
        return None
    text = fact.sentence.text
    if re.search(r"\bthe\s$", text[: fact.start], re.I) and re.match(
        r"\s(?:[a-z]+\s)?(?:attacks?|bombings?|elections?|riots?|crisis|agreement|accord|"
        r"uprising|revolution|war|games|olympics|summit|treaty)\b",
        text[fact.end :],
    ):
        return "part of an event's name"
    if re.match(r"[–-]\d{2}\b", text[fact.end :]):
        return "the first year of a season ('2007-08')"
    if re.search(r"\d{4}[–-]$", text[: fact.start]) and re.fullmatch(r"\d{2,4}", fact.text):
        return "the second year of a season ('2007-08')"
    model = re.search(r"(?<![.!?]\s)\b([A-Z][A-Za-z]+)\s$", text[: fact.start])
    if (
        model
        and fact.kind == "number"
        and model.start() > 0
        and model.group(1).lower() not in (gz.MONTHS)
        # "winning the first leg at Stamford Bridge 3-1": a score after a name is the
        # game's result, which no name ends with
        and not re.fullmatch(r"\d{1,2}-\d{1,2}", fact.text)
    ):
        return f"part of a name: '{model.group(1)} {fact.text}'"  # "PlayStation 2", "Boeing 777"
    return None


def gives_itself_away(fact: Fact, shape: Shape) -> str | None:
    """The sentence says the answer twice: as an acronym in brackets after it ("_____
    and Climate Change Mitigation (SRREN)"), as another spelling ("Hans _____ (or
    Ludher, later Luther)"), or one of its words elsewhere ("(Serbian Cyrillic: ...)
    ... _____ inventor" for "Serbian American")."""
    from rapidfuzz import fuzz

    text = fact.sentence.text
    after_answer = text[fact.end :]
    own_acronym = re.match(r"\s\(([A-Z]{2,8})\)", after_answer)
    if own_acronym:  # "Korea First Bank (KFB)": the question drops it (questions.py)
        after_answer = after_answer[own_acronym.end() :]
    rest = text[: fact.start] + " " + after_answer
    # "Aid" in "Aid charity Actionaid", "Bank of America" in "BankAmericard"
    joined = "".join(w for w in re.findall(r"[A-Za-z]+", fact.text) if w[:1].isupper()).lower()
    if len(joined) >= 3 and " " not in fact.text.strip() or len(joined) >= 8:
        for other in _CAPITALISED.findall(rest):
            if joined in other.lower() and other.lower() != joined:
                return f"'{other}' in the sentence spells '{fact.text}'"
    if fact.kind == "place":
        for other in _CAPITALISED_RUN.findall(rest):
            if other.lower() != fact.text.lower() and is_variant(other, fact.text, people=False):
                return f"'{other}' in the sentence is another name for it"  # England/Britain
    # "the official home of the Scottish Parliament has been a new _____" (Scottish
    # Parliament Building): two of the answer's capitalised words together in the stem
    words = fact.text.split()
    for a, b in zip(words, words[1:], strict=False):
        if a[:1].isupper() and b[:1].isupper() and word_occurrences(rest, f"{a} {b}"):
            return f"'{a} {b}' in the sentence is most of the answer"
    # "The University of Chicago is home to the _____" (University of Chicago Press):
    # a name inside the answer, joined by "of" or "and", said in the stem
    for k in range(len(words) - 2):
        part = words[k : k + 3]
        if (
            part[0][:1].isupper()
            and part[1] in _NAME_JOINS
            and part[2][:1].isupper()
            and " ".join(part) != fact.text
            and word_occurrences(rest, " ".join(part))
        ):
            return f"'{' '.join(part)}' in the sentence is most of the answer"
    # a model number is as distinctive as a word gets: "125,000 units of _____ ... all
    # H100 shipments" (Nvidia H100 GPUs)
    for code in re.findall(r"\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{2,}\b", fact.text):
        if fact.text != code and word_occurrences(rest, code, hyphen_joins=True):
            return f"'{code}' in the sentence gives away '{fact.text}'"
    # "Geneva was _____'s adopted home and the centre of the Calvinist movement": a word
    # made from the name (-ist, -ism, -ian) names it, however common the name
    for word in re.findall(r"[A-Z][a-z]{3,}", fact.text):
        derived = _derived_word(rest, word)
        if derived:
            return f"'{derived}' in the sentence is made from '{word}'"
    # a distinctive word: common words ("Ballet", "Championship") say little
    for word in re.findall(r"[A-Z][a-z]{3,}", fact.text):
        if zipf(word) >= _NAME_ZIPF:
            continue
        for other in re.findall(r"[A-Z][a-z]{3,}", rest):
            if other == word or (len(word) > 4 and fuzz.ratio(word, other) >= 80):
                return f"'{other}' in the sentence gives away '{word}'"
            # "Aristotle ... an integral part of _____ cosmology" (Aristotelian): the
            # name the answer is made from
            if _same_stem(word.lower(), other.lower(), 6):
                return f"'{other}' in the sentence gives away '{word}'"
        # "The _____ is an example of a datagram protocol" (User Datagram Protocol): a
        # rare word is as telling in lower case
        if word_occurrences(rest, word.lower()) or word_occurrences(rest, word.lower() + "s"):
            return f"'{word.lower()}' in the sentence gives away '{word}'"
    if fact.is_phrase:
        said = _phrase_word_in_stem(fact.text, rest)
        if said:
            return f"'{said[1]}' in the sentence gives away '{said[0]}'"
    if (
        fact.kind == "place"
        and fact.subkind in ("region", "country")
        and re.search(r"[A-Z][a-z]+,\s$", text[: fact.start])
    ):
        return "the state or country of the place just named: anyone knows it"
    if (
        fact.kind == "place"
        and fact.subkind in ("region", "country")
        and re.search(r"[A-Z][a-z]+(?:,|\sin)\s$", text[: fact.start])
    ):  # "Charleston, _____", "Pyongyang in _____"
        return "the state or country of the place just named: anyone knows it"
    if (
        fact.kind == "place"
        and fact.subkind == "city"
        and re.search(
            r"\bcapital(?:\scity)?,?\s(?:of\s[A-Z][\w\s]{2,30}?,?\s)?$", text[: fact.start]
        )
        and fact.text in gz.capital_names()
    ):  # "the Kenyan capital, _____": a country's capital is what everyone knows of it
        return "a capital named as its country's: anyone knows it"
    state = re.match(r"\s+state\s+of\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)", text[fact.end :])
    if (
        state is not None
        and fact.kind not in NUMERIC_KINDS
        and state.group(1) in gz.us_states()
        and gz.country_code(fact.text.replace(".", "")) == "US"  # "U.S." is no place to the finder
    ):  # "a city in the _____ state of California": whose state it is, anyone knows
        return "the country of the state just named: anyone knows it"
    where = re.search(r"\b(?:in|across|throughout)\s(?:the\s)?$", text[: fact.start])
    if fact.kind == "place" and fact.subkind == "country" and where:
        # "in Philadelphia ... in the _____": where the town is, the country is; "lost to
        # _____ in Paris" asks who, which a town does not say
        code = gz.country_code(fact.text)
        for other in _CAPITALISED_RUN.findall(rest):
            town = gz.place_kind(other)
            known = town is not None and town[0] == "city" and town[1] >= _KNOWN_CITY
            if known and code and gz.city_country(other) == code:
                return f"'{other}' in the sentence says the country"  # Philadelphia: US
    later = re.match(r"[^()]{0,80}\(([A-Z]{3,8})\)", after_answer)
    if later and fact.text[:1].isupper():
        initials = "".join(w[0] for w in re.findall(r"[A-Z][\w-]*", fact.text)).upper()
        if initials and initials in later.group(1):
            return f"the acronym ({later.group(1)}) spells the answer"
    return None


def _phrase_word_in_stem(answer: str, rest: str) -> tuple[str, str] | None:
    """A telling word of a common-noun answer that the stem says too, as it stands or
    made into another word: "_____, where the photosynthetic pigment ..." for
    "photosynthesis", "one of three chloroplast lineages ... and the _____" for "green
    chloroplast lineage". The blank then asks for what is left (a modifier, or nothing).
    Everyday words ("green", "new") say too little to give anything away."""
    stem_words = {w.lower() for w in re.findall(r"[A-Za-z]{5,}", rest)}
    by_prefix: dict[str, list[str]] = {}
    for other in stem_words:
        by_prefix.setdefault(other[:8], []).append(other)
    for word in re.findall(r"[A-Za-z]{5,}", answer):
        word = word.lower()
        if zipf(word) >= _PHRASE_WORD_ZIPF:
            continue
        forms = {word, word + "s", word + "es"}  # the same word or its plural
        if word.endswith("s"):
            forms.add(word[:-1])
        if word.endswith("es"):
            forms.add(word[:-2])
        said = sorted(forms & stem_words)
        if said:
            return word, said[0]
        # a word made from the same stem ("photosynthetic"): they share their first 8
        for other in sorted(by_prefix.get(word[:8], ())) if len(word) >= 8 else ():
            if _same_stem(word, other, 8):
                return word, other
    return None


def _same_stem(a: str, b: str, least: int) -> bool:
    """Two words made from one stem: their first `least` letters or more in common, and
    3/4 of the shorter."""
    shared = len(os.path.commonprefix([a, b]))
    return shared >= least and shared >= 0.75 * min(len(a), len(b))


def _derived_word(text: str, word: str) -> str | None:
    """A word of `text` made from `word` by a suffix ("Calvinist" from "Calvin"). Found
    with str.find: a pattern made for each name flushes the re module's cache."""
    searched = text
    if zipf(word.lower()) < _NAME_ZIPF:
        # a rare name gives itself away in lower case too ("orientalism" for "Orient");
        # a common word does not ("nationalist" for "National")
        searched, word = text.lower(), word.lower()
    start = 0
    while (at := searched.find(word, start)) >= 0:
        start = at + 1
        if at and (searched[at - 1].isalnum() or searched[at - 1] == "_"):
            continue
        suffix = _DERIVING_SUFFIX.match(searched, at + len(word))
        if suffix:
            return text[at : suffix.end()]
    return None


_DERIVING_SUFFIX = re.compile(r"(?:(?:al)?ists?|(?:al)?isms?|i?ans?|ites?|esque)\b")
_CAPITALISED = re.compile(r"\b[A-Z]\w*")
_CAPITALISED_RUN = re.compile(r"\b[A-Z]\w*(?:\s[A-Z]\w*)*")
_NAME_JOINS = frozenset({"of", "and", "for", "de", "du", "des", "la", "le", "von", "van"})
# a word as common as "engine" (4.4) still tells; "power" (5.0) and "green" do not
_PHRASE_WORD_ZIPF = 4.5
_NAME_ZIPF = 3.5  # wordfreq: "Serbian" 3.4, "Dolin" 1.5 give a name away; "Korea" 4.3 not


def glued(fact: Fact, shape: Shape) -> str | None:
    """ "gravitational.:2-10:79" (a citation's page numbers), "_____/Aids": an answer
    glued to the text around it by a colon or a slash is a reference or half a term."""
    text = fact.sentence.text
    before, after = text[: fact.start], text[fact.end :]
    if before.endswith((":", "/")) or re.match(r":\d", after):
        return "glued to a citation's page numbers, or half of a compound term"
    if after.startswith("/"):
        return "half of a compound term ('_____/Aids')"
    return None


def first_name_only(fact: Fact, shape: Shape) -> str | None:
    """ "We're delighted _____ is here" for "Glenn": a first name alone, of someone the
    article names in full, is the speaker's familiarity, not the fact."""
    if fact.kind == "person" and " " not in fact.text and fact.aliases:
        full = fact.aliases[0].split()
        if len(full) > 1 and full[0] == fact.text:
            return "a first name alone"
    if (
        fact.kind == "person"
        and " " not in fact.text
        and re.search(r"\b(?:Sir|Dame|Lord|Lady)\s$", fact.sentence.text[: fact.start])
        and gz.is_first_name(fact.text)
    ):
        # "Sir John said ...": how the article calls a knight it named in full before;
        # "John" is no answer, and "Which Sir said" no question
        return "a first name alone, after a title"
    return None


# a city a reader knows the country of
_KNOWN_CITY = 500_000

_A_NUMBER = r"\d+(?:[.,]\d+)*"
# a number and the unit word after it, if any: ("7.2", " million"), ("5", "%")
_AMOUNT = r"(\d+(?:[.,]\d+)*)(%|\s?(?:million|billion|thousand|trillion|bn|m)\b)?"


def counted_in_the_sentence(fact: Fact, shape: Shape) -> str | None:
    """ "The _____ sources of EU law are primary, secondary and supplementary law": the
    list the sentence gives counts the answer out; "about _____: 7.2 million in the
    US and 4.4 million elsewhere" adds it up."""
    if _PERCENT.fullmatch(fact.text) and _shares_of_a_whole(fact.sentence.text):
        return "a share the sentence's other shares complete to 100%"
    if fact.kind != "number":
        return None
    text = fact.sentence.text
    value = canonical_number(fact.text)
    if value is not None and value == int(value) and 2 <= value <= 12:
        listed = re.search(r"((?:[^.;,]+,)+[^.;,]*?\b(?:and|or)\b[^.;]*)", text[fact.end :])
        if listed:
            items = listed.group(1)
            middle = items.split(",")[1:-1]
            if any(re.match(r"\s(?:and|or|but)\b", chunk) for chunk in middle):
                return None  # ", and sells cars, vans and lorries": clauses, not one list
            count = items.count(",") + (1 if re.search(r",\s(?:and|or)\b", items) else 2)
            if count == int(value):
                return "the sentence lists as many items as the answer counts"
        # "taught by _____ tutors, Ann Vale and Tom Hart": the noun, then the names
        named = re.match(
            rf"\s[a-z-]+(?:\s[a-z-]+)?,\s({_PERSON}(?:,\s{_PERSON})*,?\s(?:and|or)\s{_PERSON})",
            text[fact.end :],
        )
        if named and len(re.findall(_PERSON, named.group(1))) == int(value):
            return "the sentence names as many as the answer counts"
        # "_____ MSPs to serve as deputies (currently Ann Vale and Tom Hart)": the names
        # in brackets after the counted noun
        bracketed = re.match(
            rf"[^.;()]{{0,60}}\((?:[a-z]+\s)?({_PERSON}(?:,\s{_PERSON})*,?\s(?:and|or)\s{_PERSON})\)",
            text[fact.end :],
        )
        if bracketed and len(re.findall(_PERSON, bracketed.group(1))) == int(value):
            return "the sentence names as many as the answer counts"
        if value == 2 and re.search(
            r"\b(?:both|the\sother|(?:either|whether)\b[^.;]*\bor|(?:each|either)\s(?:end|side)s?)\b",
            text,
            re.IGNORECASE,
        ):
            # "oscillating between _____ poles: at one end ...; at the other": "both",
            # "the other", "whether ... or", "one at each end" say there are two
            return "the sentence says there are two"
    if re.search(
        r"\s(?:goals?|points?|tries|try|runs?|wickets?|sets?|games?|frames?)$", fact.text
    ) and (re.search(r"(?<![\d.])\d{1,3}-\d{1,3}(?![\d.])", text)):
        # "won 3-1, with _____ from Vale and one by Hart": the score and the other
        # scorers' share add up to the answer
        return "a count the score in the sentence adds up to"
    parts = re.match(r"\s?(?:\w+\s?)?:(.*)", text[fact.end :])
    if parts and len(re.findall(_A_NUMBER, parts.group(1))) >= 2:
        return "a total the sentence breaks down into its parts"
    # "12 million: _____ in the US and 4.4 million in Japan": the total less the other
    # parts is the answer
    colon = text.rfind(": ", 0, fact.start)
    totals = re.findall(_AMOUNT, text[max(0, colon - 30) : colon]) if colon >= 0 else []
    if totals:
        clause_end = text.find(";", colon)
        parts = re.findall(_AMOUNT, text[colon : clause_end if clause_end > 0 else None])
        unit = totals[-1][1]  # parts are counted in the total's unit: "7.2 million"
        same = [p for p in parts if p[1] == unit and not _a_year(p)]
        if len(same) >= 2 and fact.text.endswith(unit):
            return "a part of a total the sentence gives with all its parts"
    return None


_PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b)")


def _shares_of_a_whole(text: str) -> bool:
    """ "94.0% white, 3.3% black and 2.7% Asian": three or more shares adding up to 100%
    (give or take their rounding), so any one of them is 100% less the others. Two
    shares may add up to 100 by chance ("from 45% to 55%")."""
    shares = _PERCENT.findall(text)
    if len(shares) < 3:
        return False
    rounding = sum(0.05 if "." in v else 0.5 for v in shares)
    return abs(sum(float(v) for v in shares) - 100) <= max(rounding, 0.1)


# a name of capitalised words, with the particles names have ("Ludwig van Beethoven")
_PERSON = r"[A-Z][\w'.-]*(?:\s(?:(?:von|van|de|der|da|di|del|du|la|le|bin|al)\s)?[A-Z][\w'.-]*)*"


def _a_year(amount: tuple[str, str]) -> bool:
    return not amount[1] and re.fullmatch(r"1[5-9]\d\d|20\d\d", amount[0]) is not None


def one_of_a_list(fact: Fact, shape: Shape) -> str | None:
    """ "The Bahamas, East Timor, Madagascar and _____ are among the areas affected":
    one name of three or more in a row is no more the answer than the next one the
    article names elsewhere, and readers call picking one out minor detail."""
    if any(s == fact.start and e == fact.end for s, e, _ in list_items(fact.sentence.text)):
        return "one item of a list of names"
    if fact.kind not in NUMERIC_KINDS and any(
        start <= fact.start and fact.end <= end for start, end in _long_lists(fact.sentence.text)
    ):
        # "including Madeira, the Canary Islands and the French overseas departments",
        # "Scottish actor Dougray Scott, Oscar nominee Clive Owen and Australian star
        # Hugh Jackman": items that take an article or a description are items still
        return "one item of a list of names"
    return None


@lru_cache(maxsize=1024)
def _long_lists(text: str) -> tuple[tuple[int, int], ...]:
    """Where a sentence's lists of three or more names stand: found once per sentence,
    not once per fact in it, for the search backtracks over every capitalised word."""
    return tuple(m.span() for m in _LONG_LIST.finditer(text))


# a list item: a name, maybe after "the" and a few lower-case words that describe it
_LIST_ITEM = (
    r"(?:(?:the|a|an)\s)?(?:[\w-]+\s){0,2}?[A-Z][\w'.-]*"
    r"(?:\s(?:[A-Z][\w'.-]*|of|for|de|von|van|du|la|le|on))*"
)
_LONG_LIST = re.compile(
    rf"{_LIST_ITEM}(?:,\s{_LIST_ITEM}){{1,}},?\s(?:and|or)\s{_LIST_ITEM}"
    # "such as RP, BPP, PP, BQP, MA, PH, etc.": a list left open ends without "and"
    rf"|{_LIST_ITEM}(?:,\s{_LIST_ITEM}){{2,}},?\s(?:etc\b|and so on\b|and others\b)"
)


def dangling_apostrophe(fact: Fact, shape: Shape) -> str | None:
    """ "_____' refraining from violence": a plural possessive's apostrophe left hanging."""
    if fact.sentence.text[fact.end : fact.end + 2] in ("' ", "',", "'."):
        return "a possessive's apostrophe would hang after the blank"
    return None


def repeated(fact: Fact, shape: Shape) -> str | None:
    """The answer twice in its sentence: one blank would give away the other."""
    hits = word_occurrences(fact.sentence.text, fact.text, ignore_case=True)
    return "said twice in the sentence" if hits > 1 else None


def any_two(fact: Fact, shape: Shape) -> str | None:
    """ "connect almost any _____ cities" (two): after "any" a number is part of an
    idiom, not a count the article reports; one, three and four read as wrong English."""
    if fact.kind in NUMERIC_KINDS and re.search(r"\bany\s$", fact.sentence.text[: fact.start]):
        return "a number after 'any': an idiom, not a count"
    return None


_NUMBER_WORD = rf"(?:\d+(?:[.,]\d+)?|{NUMBER_WORDS}|hundred|a\sdozen|dozens?)"
# closed classes of modifiers that pair with one another over a shared noun: "the North
# and South Courts", "the upper and lower houses", "the first and second rounds"
_PAIRING_MODIFIERS = (
    frozenset(
        """north south east west northern southern eastern western north-east north-west
        south-east south-west northeast northwest southeast southwest central""".split()
    ),
    frozenset("upper lower".split()),
    frozenset("inner outer".split()),
    frozenset("left right".split()),
    frozenset(
        "first second third fourth fifth sixth seventh eighth ninth tenth last final".split()
    ),
)


_PART_OF = r"(?:(?:early|mid|late)[\s-])"  # "the early 1990s", "the mid-1980s"
_DECADE = rf"{_PART_OF}?\d{{3}}0s"


def half_of_a_pair(fact: Fact, shape: Shape) -> str | None:
    """ "That's for five or _____" (six years), "The North and _____ were built" (South
    Courts): the word before, joined by "or" or "and", shares the answer's noun (the
    noun is said once, for both); the half the stem keeps gives the other away."""
    before = fact.sentence.text[: fact.start]
    after = fact.sentence.text[fact.end :]
    if fact.kind in NUMERIC_KINDS and (
        re.search(rf"\b{_NUMBER_WORD}\sor\s$", before, re.IGNORECASE)
        or re.match(rf"\sor\s{_NUMBER_WORD}\b", after, re.IGNORECASE)
    ):
        return "one of two figures said together ('five or six years')"
    if re.fullmatch(rf"(?:the\s)?{_DECADE}", fact.text) and (
        re.search(rf"\b\d{{3}}0s,?\s(?:and|or|to)\s(?:the\s)?{_PART_OF}?$", before)
        or re.match(rf",?\s(?:and|or|to)\s(?:the\s)?{_DECADE}\b", after)
    ):
        # "during the 1970s and _____" (1980s): one decade of a span, the next one on
        return "one of two decades said together ('the 1970s and 1980s')"
    words = fact.text.lower().split()
    other = re.search(r"\b([\w-]+)\s(?:and|or|to)\s$", before)
    if len(words) > 1 and other is not None and _paired(other.group(1), words[0]):
        return "the word before shares the answer's noun ('the North and South Courts')"
    partner = re.match(r"\s(?:and|or|to)\s([\w-]+)\s\S", after)
    if len(words) == 1 and partner is not None and _paired(partner.group(1), words[0]):
        # "The _____ and South Courts" (North): the half before the shared noun
        return "the word after shares its noun with the answer ('North and South Courts')"
    return None


def _paired(a: str, b: str) -> bool:
    """Two modifiers of one closed class ("North", "South"), as a pair over one noun."""
    return any(a.lower() in c and b.lower() in c for c in _PAIRING_MODIFIERS)


def in_brackets(fact: Fact, shape: Shape) -> str | None:
    """ "$3.3bn (£1.8bn)": what the brackets say repeats the fact beside them."""
    before = fact.sentence.text[: fact.start]
    # counted, not the last bracket looked at: "(German: [...] ( listen); _____ - 1546)"
    if before.count("(") > before.count(")"):
        return "inside brackets"
    if re.search(r"[a-z],\s(?:or|i\.e\.)\s$", before) and re.match(
        r"\s?[,)]", fact.sentence.text[fact.end :]
    ):
        # "The chloroplastidan, or _____, are ...": another name for what the stem
        # just named, set off as an aside is (in brackets or not)
        return "another name for the word before it"
    if re.match(
        r",\s(?:or|i\.e\.)\s[a-z][\w-]{3,}(?:,|\s(?:is|are|was|were|has|have)\b)",
        fact.sentence.text[fact.end :],
    ):
        # "_____, or cryptomonads, are a group of algae": the aside after the blank
        # gives another name for it, as the one before it does
        return "another name for it follows"
    return None


ANSWER_GATES: tuple[Callable[[Fact, Shape], str | None], ...] = (
    part_of_a_name,
    not_a_whole_phrase,
    opinion,
    trivia,
    generic,
    loose_phrase,
    a_verb,
    modifier,
    score_in_a_sequence,
    named_thing,
    gives_itself_away,
    glued,
    first_name_only,
    counted_in_the_sentence,
    dangling_apostrophe,
    one_of_a_list,
    repeated,
    in_brackets,
    any_two,
    half_of_a_pair,
)


_OWNS_NEXT = re.compile(r"['\u2019]s\s+[A-Z]")
# one word, or a saint's name ("St. John's Cathedral"): a full name ("William Tyndale's
# English Bible") is a person named as such, the owner of a work, not half a name
_OWNER = r"(?:St\.?\s)?[A-Z][\w&-]*"
_OWNER_BEFORE = re.compile(rf"(?<![\w.&-])({_OWNER})['\u2019]s\s+$")
_NAME_OWNING = re.compile(rf"(?<![\w.&-])({_OWNER})(['\u2019]s\s+[A-Z])?")


def possessive_owners(article: str) -> frozenset[str]:
    """The names an article writes only ever before "'s" and another name ("Levi" of
    "Levi's Stadium"), found in one pass: each is half of a longer name."""
    owning: set[str] = set()
    alone: set[str] = set()
    for m in _NAME_OWNING.finditer(article):
        (owning if m.group(2) else alone).add(m.group(1))
    return frozenset(owning - alone)


def possessive_name(fact: Fact, owners: frozenset[str]) -> str | None:
    """Half of a name made with a possessive: "Levi's Stadium", "Hadrian's Wall",
    "Charlie's Angels". Where the owner appears nowhere in the article but before "'s"
    and a name (`owners`, from possessive_owners), the two are one name: asking for
    either half asks for words, and the other half gives it away. An owner the article
    names on its own ("NASA" as well as "NASA's Langley Research Center") is a name of
    its own."""
    text = fact.sentence.text
    if _OWNS_NEXT.match(text, fact.end) and _OWNER_BEFORE.fullmatch(fact.text + "'s "):
        owner = fact.text
    elif (
        fact.kind != "person"  # "the USA's Andy Roddick": a person is no half of a name
        and fact.text[:1].isupper()
        and (before := _OWNER_BEFORE.search(text, 0, fact.start)) is not None
        and not re.search(r"[A-Z][\w.&-]*\s$", text[: before.start()])  # "Classic FM's"
    ):
        owner = before.group(1)
    else:
        return None
    if owner not in owners:
        return None
    return f"'{owner}'s ...' is one name: the article never names {owner} alone"


def answer_refusal(
    fact: Fact, headline: str | None = None, protagonists: dict[str, int] | None = None
) -> str | None:
    """The first reason this span is no answer to ask for, or None; `headline` is the
    article's title, `protagonists` whom it is about and where each is first named."""
    shape = analyse(fact.sentence.text)
    for gate in ANSWER_GATES:
        reason = gate(fact, shape)
        if reason:
            return f"{gate.__name__}: {reason}"
    reason = the_topic(fact, headline or "")
    if reason:
        return f"the_topic: {reason}"
    reason = the_protagonist(fact, protagonists or {})
    return f"the_protagonist: {reason}" if reason else None
