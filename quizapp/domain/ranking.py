"""Which facts are worth asking first: a logistic model learned from what people ask.

Every candidate that passes the gates gets a probability that a person writing
questions about the article would ask about it. The model is a logistic regression
over features of the span and its sentence (its kind, length, place in the clause,
how often the article repeats it, how rare its words are ...), fitted on the
questions crowd workers wrote about Wikipedia articles (SQuAD v1.1; see
data/ranking.json for the attribution and quality/fit_ranker.py, which rebuilds it).
No weight here is set by hand: the features say what the generator can see, and
the data says what each is worth.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from quizapp.domain import gazetteer as gz
from quizapp.domain.facts import NUMERIC_KINDS, SPEECH_VERBS, Fact, list_items, zipf
from quizapp.domain.references import quotation_open_before
from quizapp.domain.syntax import analyse
from quizapp.domain.text import Sentence

WEIGHTS = Path(__file__).resolve().parent / "data" / "ranking.json"
_KINDS = ("money", "percent", "number", "date", "person", "org", "place", "product", "event")
_PREPOSITIONS = ("in", "of", "for", "by", "to", "on", "at", "from", "with", "as", "than")
_SPEECH = re.compile(r"\b(?:said|says|told|added|warned|argued|explained|according)\b")
_COPULA = re.compile(r"\b(?:is|was|are|were|became|becomes|be|been)\s(?:a|an|the)?\s?$")
_NAMING = re.compile(r"\b(?:called|named|known as|titled|entitled|dubbed)\s(?:the\s)?$")
# the fact finder's verbs of saying, and those that go on a quotation ("Mr Hart continued")
_SPEECH_VERB = (
    rf"(?:{SPEECH_VERBS}|asked|continued|commented|remarked|replied|conceded|stressed"
    r"|pointed out)"
)
# '"...," said chief executive Mervyn Davies': the name is who speaks the quotation
_SPEAKS_AFTER = re.compile(rf"(?:,[^,\"\u201c\u201d]{{0,90}},)?\s+{_SPEECH_VERB}\b")
_SPEAKS_BEFORE = re.compile(rf"\b(?:{_SPEECH_VERB}|according to)\s+(?:[\w.'\u2019-]+\s){{0,6}}$")
_MONTH = re.compile(rf"\b(?:{'|'.join(gz.MONTHS)})\b", re.IGNORECASE)
_QUOTE_MARKS = re.compile(r"[\"\u201c\u201d]")

FEATURES: tuple[str, ...] = (
    *(f"kind_{k}" for k in _KINDS),
    "kind_name",  # a capitalised name of no known kind
    "kind_phrase",  # a common-noun phrase
    "certainty",
    "words_1",
    "words_2",
    "words_3",
    "words_4plus",
    "subject",
    "after_verb",
    *(f"after_{p}" for p in _PREPOSITIONS),
    "after_other_preposition",
    "after_determiner",
    "after_copula",
    "after_naming",
    "quoted",
    "in_brackets",
    "in_list",
    "position_in_sentence",
    "position_in_article",
    "first_in_paragraph",
    "mentions",
    "spread",
    "first_mention",
    "in_title",
    "rarity",
    "candidates_in_sentence",
    "sentence_length",
    "plural",
    "before_noun",
    "year",
    "round_number",
    "has_role",
    "speech_sentence",
    "has_alias",
    "quote_speaker",
    "names_a_month",
    # where in the clause: people ask about what the sentence says new, after its verb
    "first_after_verb",
    "ends_sentence",
    "rarest_in_sentence",
    "only_of_kind_in_sentence",
    "name_after_verb",
    "number_after_verb",
    "phrase_after_verb",
    "name_subject",
    "phrase_subject",
    "in_subordinate_clause",
    # how much the sentence is about what the article is about
    "centrality",
    "title_overlap",
    "in_lead",
)


# The second model, fitted on readers' worth_asking labels (quality/fit_worth.py): the
# first model's answer, as a log-odds, and what says whether a fact is central or trivia
WORTH_FEATURES: tuple[str, ...] = (
    "asked",
    "kind_number",
    "kind_date",
    "kind_person",
    "kind_phrase",
    "centrality",
    "title_overlap",
    "position_in_article",
    "in_list",
    "mentions",
    "quoted",
    "year",
    # readers call a name given with its role ("a spokesman, John Hart") trivia far
    # more often, and what ends a sentence somewhat more often; what follows "in", or is
    # the only fact of its kind in a sentence full of facts, less often (forward
    # selection on their labels: held-out AUC 0.663 -> 0.703)
    "after_in",
    "ends_sentence",
    "candidates_in_sentence",
    "only_of_kind_in_sentence",
    "has_role",
    # what follows "for" (mostly a length of time: "for three years") or "on" (a day, a
    # subject: "on Monday") readers called trivia more often (733 labels: 0.702 -> 0.719)
    "after_for",
    "after_on",
    # who speaks a quotation: 4 of 48 such labels worth asking (2,032 labels: 0.714 -> 0.727)
    # (a name tied to a remark is a reading check; what the remark says is the fact)
    "quote_speaker",
    # a date to the month ("July 2013"): 18 of 53 labels worth asking, a bare year
    # half (2,095 labels: 0.731 -> 0.734); the month is rarely what is worth learning
    "names_a_month",
    # forward selection over the first model's features on 2,172 labels: what follows
    # "to" ("moved to Nassau", "sold to a rival") readers valued more, and what a paragraph's
    # first sentence says more (0.736 -> 0.747)
    "after_to",
    "first_in_paragraph",
)


@dataclass(frozen=True, slots=True)
class Model:
    weights: tuple[float, ...]
    intercept: float


@cache
def model() -> Model:
    """The shipped weights; all zero (every fact alike) before the first fit."""
    if not WEIGHTS.exists():
        return Model(tuple(0.0 for _ in FEATURES), 0.0)
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    by_name = dict(zip(data["features"], data["weights"], strict=True))
    return Model(tuple(float(by_name.get(name, 0.0)) for name in FEATURES), data["intercept"])


@cache
def worth_model() -> Model | None:
    """The readers' model, once fitted; None before."""
    if not WEIGHTS.exists():
        return None
    data = json.loads(WEIGHTS.read_text(encoding="utf-8")).get("worth")
    if not data:
        return None
    by_name = dict(zip(data["features"], data["weights"], strict=True))
    return Model(tuple(float(by_name.get(n, 0.0)) for n in WORTH_FEATURES), data["intercept"])


def probability(values: list[float], m: Model | None = None) -> float:
    m = m or model()
    z = m.intercept + sum(w * x for w, x in zip(m.weights, values, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def score_facts(
    facts: list[Fact],
    sentences: list[Sentence],
    title: str | None,
    article_sentences: list[Sentence] | None = None,
) -> None:
    """Set each fact's `asked` to the probability that people ask about it, and its
    `score` (the bank's order) to the probability that a reader finds it worth asking,
    where readers' labels have been fitted; else to `asked`."""
    table = feature_table(facts, sentences, title, article_sentences)
    worth = worth_model()
    for f in facts:
        values = table[id(f)]
        f.asked = probability(values)
        if worth is None:
            f.score = f.asked
            continue
        named = dict(zip(FEATURES, values, strict=True))
        named["asked"] = math.log(max(f.asked, 1e-4) / max(1 - f.asked, 1e-4))
        f.score = probability([named[n] for n in WORTH_FEATURES], worth)


def feature_table(
    facts: list[Fact],
    sentences: list[Sentence],
    title: str | None,
    article_sentences: list[Sentence] | None = None,
) -> dict[int, list[float]]:
    """id(fact) -> its feature values, in FEATURES order; `article_sentences`, where
    given, has the short sentences too, for where quotations open and close."""
    n = max(1, len(sentences))
    mentions: Counter[str] = Counter(f.key for f in facts)
    spread: dict[str, set[int]] = defaultdict(set)
    per_sentence: Counter[int] = Counter()
    for f in facts:
        spread[f.key].add(f.sentence.index)
        per_sentence[f.sentence.index] += 1
    first_of_paragraph = {}
    for s in sentences:
        first_of_paragraph.setdefault(s.paragraph, s.index)
    open_quote = quotation_open_before(article_sentences or sentences)
    lists = {s.index: list_items(s.text) for s in sentences}
    title_words = {w.lower() for w in re.findall(r"[A-Za-z][\w'-]+", title or "")}
    by_sentence: dict[int, list[Fact]] = defaultdict(list)
    for f in facts:
        by_sentence[f.sentence.index].append(f)
    rarity = {id(f): _rarity(f) for f in facts}
    centrality = _centrality(sentences)
    title_content = _content_words(title or "")
    out: dict[int, list[float]] = {}
    for f in facts:
        v = dict.fromkeys(FEATURES, 0.0)
        text = f.sentence.text
        shape = analyse(text)
        before = text[: f.start]
        if f.kind in _KINDS:
            v[f"kind_{f.kind}"] = 1.0
        elif f.is_phrase:
            v["kind_phrase"] = 1.0
        else:
            v["kind_name"] = 1.0
        v["certainty"] = max(0.0, min(f.certainty, 10.0)) / 10.0
        words = f.text.split()
        v[f"words_{min(len(words), 4)}" if len(words) < 4 else "words_4plus"] = 1.0
        subject = shape.subject
        v["subject"] = float(subject is not None and subject.start <= f.start < subject.end)
        verb = shape.tokens[shape.verb] if shape.verb is not None else None
        v["after_verb"] = float(verb is not None and f.start > verb.start)
        prev = [t for t in shape.tokens if t.end <= f.start]
        prev_tag = prev[-1].tag if prev else ""
        prev_word = prev[-1].text.lower() if prev else ""
        if prev_tag in ("IN", "TO"):
            key = f"after_{prev_word}"
            v[key if key in v else "after_other_preposition"] = 1.0
        v["after_determiner"] = float(prev_tag in ("DT", "PRP$"))
        v["after_copula"] = float(bool(_COPULA.search(before)))
        v["after_naming"] = float(bool(_NAMING.search(before)))
        v["quoted"] = float((open_quote[f.sentence.index] + before.count('"')) % 2 == 1)
        v["in_brackets"] = float(text.rfind("(", 0, f.start) > text.rfind(")", 0, f.start))
        v["in_list"] = float(
            any(s <= f.start and f.end <= e for s, e, _ in lists[f.sentence.index])
        )
        v["position_in_sentence"] = f.start / max(1, len(text))
        v["position_in_article"] = f.sentence.index / n
        first = first_of_paragraph[f.sentence.paragraph]
        v["first_in_paragraph"] = float(first == f.sentence.index)
        v["mentions"] = math.log1p(mentions[f.key])
        v["spread"] = len(spread[f.key]) / n
        v["first_mention"] = float(f.sentence.index == min(spread[f.key]))
        v["in_title"] = float(bool(title_words & {w.lower() for w in words}))
        v["rarity"] = rarity[id(f)]
        v["candidates_in_sentence"] = math.log1p(per_sentence[f.sentence.index])
        v["sentence_length"] = min(len(text.split()), 60) / 60
        last = [t for t in shape.tokens if f.start <= t.start < f.end]
        v["plural"] = float(bool(last) and last[-1].tag in ("NNS", "NNPS"))
        nxt = [t for t in shape.tokens if t.start >= f.end]
        v["before_noun"] = float(bool(nxt) and nxt[0].tag in ("NN", "NNS"))
        v["year"] = float(bool(re.fullmatch(r"(?:1[5-9]|20)\d\d", f.text)))
        v["names_a_month"] = float(f.kind == "date" and bool(_MONTH.search(f.text)))
        digits = re.sub(r"\D", "", f.text)
        v["round_number"] = float(f.kind in NUMERIC_KINDS and bool(re.fullmatch(r"\d0+", digits)))
        v["has_role"] = float(bool(f.role))
        v["speech_sentence"] = float(bool(_SPEECH.search(text)))
        v["has_alias"] = float(bool(f.aliases))
        v["quote_speaker"] = float(
            f.kind not in NUMERIC_KINDS
            and bool(_QUOTE_MARKS.search(text) or open_quote[f.sentence.index])
            and bool(_SPEAKS_AFTER.match(text, f.end) or _SPEAKS_BEFORE.search(before))
        )
        siblings = by_sentence[f.sentence.index]
        later = [g for g in siblings if verb is not None and g.start > verb.start]
        v["first_after_verb"] = float(bool(later) and min(later, key=lambda g: g.start) is f)
        v["ends_sentence"] = float(not re.search(r"\w", text[f.end :]))
        v["rarest_in_sentence"] = float(rarity[id(f)] >= max(rarity[id(g)] for g in siblings))
        v["only_of_kind_in_sentence"] = float(
            sum(1 for g in siblings if _coarse(g) == _coarse(f)) == 1
        )
        name, number = _coarse(f) == "name", _coarse(f) == "number"
        v["name_after_verb"] = v["after_verb"] * name
        v["number_after_verb"] = v["after_verb"] * number
        v["phrase_after_verb"] = v["after_verb"] * (_coarse(f) == "phrase")
        v["name_subject"] = v["subject"] * name
        v["phrase_subject"] = v["subject"] * (_coarse(f) == "phrase")
        v["in_subordinate_clause"] = float(
            bool(
                re.search(
                    r"\b(?:which|who|whom|whose|that|because|although|while|when|if)\b", before
                )
            )
        )
        v["centrality"] = centrality.get(f.sentence.index, 0.0)
        v["title_overlap"] = (
            len(title_content & _content_words(text)) / len(title_content) if title_content else 0.0
        )
        v["in_lead"] = float(f.sentence.index < 3)
        out[id(f)] = [v[name] for name in FEATURES]
    return out


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][a-z'-]+", text) if zipf(w.lower()) < 5.5}


def _centrality(sentences: list[Sentence]) -> dict[int, float]:
    """Cosine of each sentence with the whole article, words weighted by how rare they
    are in English (wordfreq stands in for document frequencies): a sentence that
    shares the article's rare words states what the article is about."""
    vectors: dict[int, Counter[str]] = {}
    total: Counter[str] = Counter()
    for s in sentences:
        words = Counter(w.lower() for w in re.findall(r"[A-Za-z][a-z'-]+", s.text))
        vec = Counter({w: c * max(0.0, 7.0 - zipf(w)) for w, c in words.items()})
        vectors[s.index] = vec
        total.update(vec)
    norm_total = math.sqrt(sum(x * x for x in total.values())) or 1.0
    out = {}
    for index, vec in vectors.items():
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        out[index] = sum(x * total[w] for w, x in vec.items()) / (norm * norm_total)
    return out


def _coarse(f: Fact) -> str:
    if f.kind in NUMERIC_KINDS:
        return "number"
    return "phrase" if f.is_phrase else "name"


def _rarity(f: Fact) -> float:
    lower = [w.lower() for w in re.findall(r"[A-Za-z]+", f.text)]
    return sum(max(0.0, 7.0 - zipf(w)) for w in lower) / (7.0 * len(lower)) if lower else 0.0
