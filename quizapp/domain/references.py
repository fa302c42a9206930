"""Words that point outside their sentence, and what they point to.

A question is read on its own, so "He said the deal ..." or "The company's shares
..." must say who or which company, or not be asked at all. This module finds such
words in a sentence (a third-person pronoun with no name before it in the sentence,
a demonstrative or "such" before a noun, a sentence that opens with "The company"),
and resolves them the way a careful reader would: to the person or organisation the
previous sentences were about, only when exactly one fits (same kind, same gender).
Where none or several fit, the sentence is refused: a wrong name makes a false
question, which is worse than no question.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import TypeGuard

from quizapp.domain import gazetteer as gz
from quizapp.domain.facts import ROLE_PREFIX, Fact
from quizapp.domain.numbers import SCALE_WORDS
from quizapp.domain.roles import ROLE_WORDS, Profile, institution_noun, profiles, sort_of
from quizapp.domain.syntax import Phrase, Shape, analyse
from quizapp.domain.text import Sentence

# How far back a pronoun may reach: a news paragraph is one to three sentences
_LOOKBACK = 3
_DEFINITE_REACH = 2  # sentences
_PERSONAL = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
_THING = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "them", "their"})
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
_SPEECH_VERBS = frozenset(
    """said says say told tells added adds warned warns argued argues explained explains
    insisted insists noted notes stated states claimed claims admitted admits recalled
    recalls believes believe thinks think announced announces wrote writes asked asks
    continued continues conceded concedes described describes""".split()
)
_DEMONSTRATIVE = frozenset({"this", "these", "those", "that", "such"})
# nouns that a sentence-opening "The ..." uses for an organisation named before
ORG_ANAPHORS = frozenset(
    """company firm group bank lender insurer carrier airline club team side party
    government ministry department agency regulator board council network broadcaster
    retailer chain maker manufacturer giant business organisation organization
    association union charity university school studio label publisher""".split()
)
# "in this way", "by this method": how, as the sentences before said, wherever it stands
_MANNER_NOUNS = frozenset("way ways manner method methods process fashion technique".split())
# "this year" says when, relative to the article's date, not which thing: a reader
# accepts it as it stands
_TIME_NOUNS = frozenset(
    """year years month months week weeks day days time season century decade morning
    afternoon evening night weekend summer winter spring autumn quarter""".split()
)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace sentence.text[start:end] with `text` in the question's wording."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Resolution:
    edits: tuple[Edit, ...] = ()
    refused: str = ""  # why the sentence cannot stand alone, when it cannot
    speaker: str = ""  # who the sentence says is speaking ('"...," said Tom Hart')
    needs_speaker: bool = False  # quoted words whose speaker another sentence names
    # the sentence before, as a question shows it, put first where this one points back
    # to it ("The currency ...") and no name can stand in for the pointing words
    lead_in: str = ""

    @property
    def ok(self) -> bool:
        return not self.refused


_NAMED_KINDS = ("person", "org", "product", "event", "other", "thing", "place")
# posts one person holds at a time: "the chancellor" is not any politician
_OFFICES = frozenset(
    """president minister secretary chancellor governor senator mayor premier commissioner
    ambassador chairman chairwoman chair chief executive director manager coach captain
    king queen prince princess pope bishop archbishop cardinal judge auditor general
    spokesman spokeswoman spokesperson""".split()
)
# works a sentence may call by their sort: "The hit novel", "The series"
_WORKS = frozenset(
    """novel book film movie series programme program show album song single play opera
    musical novella memoir biography thriller comedy drama documentary""".split()
)
# made things a sentence may open with, meaning the one just named: "The book", "The device"
_ARTIFACTS = frozenset(
    """book novel thriller story epic sequel film movie documentary drama comedy album
    song single show series programme program game play opera ballet report study paper
    device machine console phone gadget computer laptop car plane aircraft jet model
    system software product drug vaccine painting building""".split()
)
_PLACE_ANAPHORS = {"country": "country", "nation": "country", "city": "city", "capital": "city"}

# Salience, as in Lappin & Leass (1994): a mention adds weight, a subject more; the
# weight halves with every sentence, so the entity a passage is about stays the
# referent of "she" through it, and a name mentioned once fades within a few sentences
_SUBJECT_WEIGHT = 2.0
_MENTION_WEIGHT = 1.0
_DECAY = 0.5
_MIN_SALIENCE = 0.2  # about two sentences after a single mention
_MARGIN = 2.0
# "it" names a thing the passage is about: the subject of the sentence before (2 x 0.5
# decay = 1) or a name said more than once; a name said once in passing is no referent
_THING_SALIENCE = 1.0
# the floor under the salience of the article's protagonist: above a name mentioned once
# two sentences ago (0.25), below one just mentioned as a subject
_TOPIC_SALIENCE = 0.6  # the referent must be more than twice as salient as the next candidate


@dataclass(slots=True)
class _Clock:
    """The sentence the reading has reached: salience halves with every one."""

    now: int = 0


@dataclass(slots=True)
class _Entity:
    name: str  # the fullest form the article gives: its identity
    kind: str  # person, org, product, thing or place
    gender: str | None
    clock: _Clock
    # the form the article writes most ("Markova" for Dame Alicia Markova): what is put
    # in a pronoun's place, as the article itself would; it also stays right where the
    # fullest form was linked wrongly (a son's surname to his father's name)
    label: str = ""
    # what the article is about stays in mind through a passage about something else:
    # "The book starred ... . 'I am never satisfied,' he once said."
    protagonist: bool = False
    value: float = 0.0  # the salience as it was set ...
    at: int = 0  # ... at this sentence: it decays when read, not each sentence for all

    @property
    def salience(self) -> float:
        decayed = self.value * _DECAY ** (self.clock.now - self.at)
        return max(decayed, _TOPIC_SALIENCE) if self.protagonist else decayed

    @salience.setter
    def salience(self, value: float) -> None:
        self.value, self.at = value, self.clock.now


@dataclass(slots=True)
class References:
    """Reads the article in order, keeping who and what it is about, and resolves each
    sentence's pointing words against that."""

    sentences: list[Sentence]
    facts: list[Fact]
    # every sentence of the article, the short ones left out of `sentences` too: a
    # quotation may close in one ('Treatments are needed now."')
    article_sentences: list[Sentence] = field(default_factory=list)
    title: str = ""  # the article's headline or title, where it has one
    _resolved: dict[int, Resolution] = field(default_factory=dict)
    _profiles: dict[str, Profile] = field(default_factory=dict)
    _nouns: dict[str, set[str]] = field(default_factory=dict)
    _labels: dict[str, str] = field(default_factory=dict)
    _resolved_subjects: set[str] = field(default_factory=set)
    # each sentence's subjects that are people, as the article writes them
    _people_as_subject: dict[int, list[str]] = field(default_factory=dict)
    # nouns the sentences read so far introduced a particular one of ("a report", "the
    # launch of Sky", "the Alta Vista Tract"): a later bare "the report" means that one
    _introduced: dict[str, int] = field(default_factory=dict)
    # the person and the organisation the article is about, where it has them
    protagonists: set[str] = field(default_factory=set)
    # sentences that say something "followed": after what the one before tells of
    _follows_before: set[int] = field(default_factory=set)
    _with_article: dict[str, str] = field(default_factory=dict)  # _as_written's answers
    # the made things (works, products) the sentence before names
    _previous_things: set[str] = field(default_factory=set)
    # what the title names, where it is a place or one thing of a sort, and its noun
    _topic: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        self._profiles = profiles(self.facts)
        self._topic = self._title_topic()
        by_sentence: dict[int, list[Fact]] = {}
        for f in self.facts:
            if f.kind in _NAMED_KINDS and not f.is_phrase and _is_a_name(f):
                by_sentence.setdefault(f.sentence.index, []).append(f)
        written: dict[str, Counter[str]] = {}
        with_the: Counter[str] = Counter()
        for f in self.facts:
            written.setdefault(full_name(f), Counter())[f.text] += 1
            if _written_with_the(f):
                with_the[full_name(f)] += 1
        self._labels = {}
        for name, forms in written.items():
            label = max(forms.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
            # "the Foreign Office": a name the article writes with "the" keeps it
            if with_the[name] * 2 > sum(forms.values()) and not label.lower().startswith("the "):
                label = "the " + label
            self._labels[name] = label
        protagonists = self.protagonists = _protagonists(self.facts, written)
        self._nouns = {
            full_name(f): profile.nouns
            for f in self.facts
            if (profile := self._profiles.get(f.key)) is not None
        }
        honorific = _honorific_genders(self.sentences)
        entities: dict[str, _Entity] = {}
        open_quotes = quotation_open_before(self.article_sentences or self.sentences)
        previous_subjects: set[str] = set()
        clock = _Clock()
        for s in self.sentences:
            # news starts a paragraph every sentence or two: a new paragraph is no new topic
            clock.now = s.index
            shape = analyse(s.text)
            mentions = []
            for f in sorted(by_sentence.get(s.index, []), key=lambda f: f.start):
                name = full_name(f)
                entity = entities.get(name)
                if entity is None:
                    gender = None
                    kind = f.kind
                    if kind == "person":
                        gender = honorific.get(name.split()[-1]) or _first_name_gender(name)
                    elif kind == "other" and not gz.is_first_name(name.split()[0]):
                        kind = "thing"  # a title or a name of no known kind, not a person's
                    entity = entities[name] = _Entity(
                        name,
                        kind,
                        gender,
                        clock,
                        label=self._labels.get(name, name),
                        protagonist=name in protagonists,
                        at=s.index,
                    )
                subject = shape.subject is not None and shape.subject.start <= f.start < (
                    shape.subject.end
                )
                mentions.append((f.start, entity, subject))
            self._resolved[s.index] = self._resolve(
                s, shape, mentions, entities, open_quotes[s.index], previous_subjects
            )
            previous_subjects = {m[1].name for m in mentions if m[2]} | self._resolved_subjects
            self._previous_things = {
                m[1].name for m in mentions if m[1].kind in ("thing", "product")
            }
            self._people_as_subject[s.index] = [
                entities[n].label for n in previous_subjects if entities[n].kind == "person"
            ]
            self._introduced.update(dict.fromkeys(_introductions(shape), s.index))
        self._attribute_quotations(open_quotes)
        self._lead_in_where_pointing_back()

    def _lead_in_where_pointing_back(self) -> None:
        """ "Turkey knocked six zeros off the lira. The currency will be called ...": no
        one name stands for "The currency", but a sentence before says what it is, as
        it did for the article's reader. A sentence refused only for pointing back is
        asked with that sentence before it, when that one stands on its own."""
        by_index = {s.index: s for s in self.sentences}
        lead = self.sentences[0] if self.sentences else None
        title = re.findall(r"[a-z][a-z-]+", self.title.lower())
        title_words = frozenset(title) | {w[:-1] for w in title if w.endswith("s")}
        lead_ins: dict[int, str] = {}
        for s in self.sentences:
            refusal = self._resolved[s.index].refused
            if s.index in self._follows_before and not refusal and '"' not in s.text:
                previous = by_index.get(s.index - 1)
                if self._shown(previous) and not self._resolved[s.index].lead_in:
                    lead_ins[s.index] = with_edits(
                        previous.text, self._resolved[previous.index].edits
                    )
                continue
            if not _POINTS_BACK.search(refusal) or '"' in s.text:
                continue
            source = self._pointed_at(s, refusal, by_index, lead, title_words)
            if source is not None:
                lead_ins[s.index] = with_edits(source.text, self._resolved[source.index].edits)
        for index, lead_in in lead_ins.items():
            self._resolved[index] = Resolution(self._resolved[index].edits, lead_in=lead_in)

    def _pointed_at(
        self,
        sentence: Sentence,
        refusal: str,
        by_index: dict[int, Sentence],
        lead: Sentence | None,
        title_words: frozenset[str],
    ) -> Sentence | None:
        """The sentence that says what `sentence`'s pointing words mean, if one does."""
        previous = by_index.get(sentence.index - 1)
        if self._shown(previous) and _names_what_is_pointed_at(refusal, previous.text):
            return previous
        noun = _bare_definite(refusal)
        if noun is None or (noun in title_words and noun not in _ACTION_NOUNS):
            # "such a vaccine", "this level": what the sentence just before said; "the
            # strong force", "the river" in an article about one: no earlier sentence
            # tells which, or all of them do (a headline's "deal" is its lead's deal)
            return None
        # "Turkey is to relaunch its currency ... . The change will ... . These valuations
        # ... . The currency will be launched": the noun said again a few sentences on,
        # or in the lead, is the same thing (lexical cohesion, Halliday and Hasan 1976)
        for back in range(2, _LOOKBACK + 1):
            earlier = by_index.get(sentence.index - back)
            if self._shown(earlier) and _said_again(noun, earlier.text):
                return earlier
        if (
            lead is None
            or not 0 < sentence.index - lead.index <= _LEAD_REACH
            or not self._shown(lead)
        ):
            return None  # far into a long text, "the collection" is the one just told of
        if _said_again(noun, lead.text):
            return lead
        # "Nine embassies will close ... . [...] The shake-up is aimed at saving £86m": a
        # news story's lead tells what is to happen or has just happened, and an action
        # noun later on ("the move", "the changes", "the deal") goes back to it; an
        # encyclopaedia's lead says what something is or was, no news for one to mean
        if noun in _ACTION_NOUNS and _NEWS.search(lead.text):
            return lead
        return None

    def _as_written(self, name: str) -> str:
        """A name opening a sentence with "The" where the article writes it so ("the
        Victoria and Albert Museum"), without where it does not ("Harvard University")."""
        if name not in self._with_article:  # one pass over the article per title
            text = " ".join(s.text for s in self.sentences)
            written = text.count(name)
            with_the = len(re.findall(rf"\b[Tt]he {re.escape(name)}", text))
            self._with_article[name] = f"The {name}" if with_the * 2 > written else name
        return self._with_article[name]

    def _shown(self, sentence: Sentence | None) -> TypeGuard[Sentence]:
        """A sentence that can be shown before another: it stands alone, unquoted."""
        if sentence is None or '"' in sentence.text:
            return False
        resolution = self._resolved.get(sentence.index)
        return resolution is not None and resolution.ok

    def _attribute_quotations(self, open_quotes: dict[int, bool]) -> None:
        """A quotation over several sentences names its speaker once ('Hart said: "We
        won. I am proud."'): each of its sentences gets the speaker put before it."""
        chains: list[list[Sentence]] = []
        for s in self.sentences:
            r = self._resolved[s.index]
            last = chains[-1][-1] if chains else None
            after_quote = last is not None and ('"' in last.text or open_quotes[last.index])
            # a sentence inside a quotation goes on from the one before; so does a new
            # quoted paragraph with no speaker of its own right after a quoted one
            # (news names a speaker once for several paragraphs of their words)
            joins = open_quotes[s.index] or (
                r.needs_speaker and s.text.startswith('"') and after_quote
            )
            if joins and chains and chains[-1][-1].index == s.index - 1:
                chains[-1].append(s)
            else:
                chains.append([s])
        for k, chain in enumerate(chains):
            speakers = {self._resolved[s.index].speaker for s in chain} - {""}
            speaker = next(iter(speakers)) if len(speakers) == 1 else ""
            before = chains[k - 1][-1] if k else None
            # 'Hart conceded this was ambitious. "We are talking months."': a quoted
            # paragraph goes on with the words of the one who spoke just before
            if (
                not speakers
                and before is not None
                and before.index == chain[0].index - 1
                and chain[0].text[:1] == '"'
                and '"' not in before.text
            ):
                # 'Mr Negroponte set up two schools in Cambodia. "We put in 25 laptops
                # ..."': news gives a quotation with no speaker of its own to the one
                # the paragraph before was about, when one person was its subject
                subjects = self._people_as_subject.get(before.index, [])
                speaker = self._resolved[before.index].speaker or (
                    subjects[0] if len(subjects) == 1 else ""
                )
            for s in chain:
                r = self._resolved[s.index]
                names = {n for n in (speaker, r.speaker) if n}
                said_of = {f"[{n}]" for n in names} | {f"[{n}'s]" for n in names}
                if said_of & {e.text for e in r.edits}:
                    # 'Hayward said: "We are delighted Glenn is here. He has a contract"':
                    # a speaker says "I"; "he" in his words is someone else
                    why = "a pronoun in the quotation taken for its own speaker"
                    self._resolved[s.index] = Resolution(refused=why)
                    continue
                if not r.needs_speaker or r.refused:
                    continue
                if not speaker:
                    why = "quoted words whose speaker no sentence near names"
                    self._resolved[s.index] = Resolution(refused=why)
                    continue
                opens = "" if s.text.startswith('"') else '"'
                prefix = Edit(0, 0, f"{speaker[:1].upper()}{speaker[1:]} said: {opens}")
                self._resolved[s.index] = Resolution(edits=(prefix, *r.edits))

    def profile(self, fact: Fact) -> Profile | None:
        """What the article says the name is (roles.py)."""
        return self._profiles.get(fact.key)

    def resolve(self, sentence: Sentence) -> Resolution:
        return self._resolved.get(sentence.index, Resolution())

    def _resolve(
        self,
        sentence: Sentence,
        shape: Shape,
        mentions: list[tuple[int, _Entity, bool]],
        entities: dict[str, _Entity],
        continues_quotation: bool,
        previous_subjects: set[str],
    ) -> Resolution:
        """Resolve left to right; each name or resolved pronoun adds to salience."""
        tokens = shape.tokens
        edits: list[Edit] = []
        named: set[str] = set()  # entities this sentence already names (or we inserted)
        refused = ""
        pending = sorted(mentions, key=lambda m: m[0])
        opening = _opening_anaphor(shape)
        quoted = _quoted_from(shape, continues_quotation)
        definites = {
            shape.tokens[p.first].start: p
            for p in shape.phrases
            if _familiar_definite(shape, p, self._introduced, sentence.index, quoted)
            and (opening is None or shape.tokens[p.first].start != opening[0])
        }
        figure = _bare_figure(shape)
        if figure is not None and not any(m[1].kind == "org" for m in mentions):
            # "Net profit was $186m in the quarter": whose, the company the article or
            # the passage is about; with none leading, only the sentences before say
            start, end = figure
            owner = self._company_of_the_article(entities)
            if owner is None:
                refused = f"'{sentence.text[start:end]}': whose, the sentences before say"
            else:
                written = sentence.text[start:end]
                edits.append(
                    Edit(start, end, f"{owner.label}'s {written[:1].lower()}{written[1:]}")
                )
                named.add(owner.name)
        speaker = _speaker_named(shape, quoted, mentions)
        needs_speaker = not speaker and (continues_quotation or sum(quoted) > 0.5 * len(tokens))
        speaker_name = ""
        subjects = {m[1].name for m in mentions if m[2]}
        self._resolved_subjects = set()
        for i, t in enumerate(tokens):
            while pending and pending[0][0] <= t.start:
                _, entity, subject = pending.pop(0)
                entity.salience += _SUBJECT_WEIGHT if subject else _MENTION_WEIGHT
                named.add(entity.name)
            if opening is not None and t.start == opening[0]:
                start, end, noun = opening
                if noun == "government" and _place_named(shape):
                    continue  # "The government hopes ... as Turkey embarks on ...": whose
                # an organisation named later in the sentence is not the one "The
                # organisation" opening it means: a subject is never the same as a name
                # it c-commands (Principle C: "The organisation reports to the Ministry")
                later = {m[1].name for m in mentions if m[1].kind == "org"}
                candidates = {n: e for n, e in entities.items() if n not in later}
                organisation = noun in ORG_ANAPHORS
                described = self._described_as(noun) - later if organisation else set()
                if institution_noun(noun) and not organisation:
                    # "The institute", "The commission": the name just before that ends
                    # in the noun ("the Milton Friedman Institute"), never the person of
                    # that field the article names, nor a guess among its bodies
                    entity = self._named_by_head(candidates, noun, sentence.index)
                    organisation = True
                elif described:  # "The club": the name the article called a club
                    entity = self._best_described(candidates, described)
                elif organisation:
                    entity = self._pick(candidates, ("org",), None)
                elif noun in _PLACE_ANAPHORS:  # "The country's banking market"
                    entity = self._pick(entities, ("place",), None, self._places(noun))
                elif noun in ROLE_WORDS:  # "The writer": the person of that sort
                    of_sort = self._of_sort(noun)
                    entity = self._best_described(entities, of_sort)
                    if not of_sort and noun not in _OFFICES:
                        # "The French star", of a defender: the person the passage is
                        # about, if one clearly leads (an office is only its holder's)
                        entity = self._pick(entities, ("person",), None)
                    elif not of_sort:
                        # "Glenn Hoddle has been unveiled as the new Wolves manager. The
                        # ex-England coach has been given ...": an office no one in the
                        # article is given, said of the person it is about, just the
                        # subject before (an epithet goes on with the subject, as "he")
                        before = [
                            entities[n]
                            for n in previous_subjects
                            if n in entities and entities[n].kind == "person"
                        ]
                        if len(before) == 1 and before[0].name in self.protagonists:
                            entity = before[0]
                elif _singular(noun) == noun:  # "The novel": the name the article called a novel
                    entity = self._best_described(entities, self._described_as(noun))
                else:
                    # "The fee-paying schools": several things, which no one name is
                    # (a plural description agrees with no single name)
                    entity = None
                if entity is None and noun in _ARTIFACTS:
                    # "Airport (1968) remains his best-loved work. The book was adapted
                    # into a film": a made thing as the subject goes on with the made
                    # thing the sentence before was about (Lappin and Leass's parallelism)
                    before = [
                        entities[n]
                        for n in previous_subjects
                        if n in entities and entities[n].kind in ("thing", "product", "event")
                    ]
                    if not before and noun in _WORKS:
                        # "But it was not until Hotel, in 1965, that Hollywood came
                        # calling. The hit novel took four years to write": with no made
                        # thing as the subject before, the one work it names
                        before = [
                            entities[n]
                            for n in self._previous_things
                            if n in entities and not n.isupper()  # "on DVD": a format
                        ]
                    entity = before[0] if len(before) == 1 else None
                if entity is None:
                    titled = _title_naming(self.title, noun)
                    if titled is not None and sentence.text[start:end].lower() == f"the {noun}":
                        # "The museum is a public body", under "Victoria and Albert
                        # Museum": the title names the one thing the article is about
                        edits.append(Edit(start, end, self._as_written(titled)))
                        continue
                    refused = refused or f"'{sentence.text[start:end]}' refers back"
                    continue
                entity.salience += _SUBJECT_WEIGHT
                self._resolved_subjects.add(entity.name)
                if entity.name not in named:
                    written = sentence.text[start:end]
                    # "The company" -> "Boeing"; "The novel" -> "The novel Airport"
                    replacement = (
                        entity.label
                        if organisation or entity.kind in ("person", "place")
                        else f"{written} {entity.label}"
                    )
                    edits.append(Edit(start, end, replacement))
                    named.add(entity.name)
                continue
            definite = definites.get(t.start)
            if definite is not None:
                # "In 1914 developers acquired the tract": the tract an earlier sentence
                # introduced, which this one does not name (direct anaphora, Vieira and
                # Poesio 2000); put the name in where the article gives one
                entity = self._named_by_head(entities, definite.head.lower(), sentence.index)
                if entity is None:
                    refused = refused or f"'{definite.text}' refers back"
                elif entity.name not in named:
                    entity.salience += _MENTION_WEIGHT
                    label = entity.label  # with "the" where the article writes it so
                    if i == 0:
                        label = label[:1].upper() + label[1:]
                    edits.append(Edit(definite.start, definite.end, label))
                    named.add(entity.name)
                continue
            epithet = _epithet_after_verb(shape, i, quoted)
            if epithet is not None and all(
                m[1].name in subjects for m in mentions if m[1].kind in ("org", "other", "thing")
            ):
                # "OpenAI has released GPT-4 Turbo and the American giant": an epithet
                # is never its own clause's subject (Principle C), and no other
                # organisation is named here
                refused = refused or f"'{sentence.text[t.start : epithet]}' refers back"
                continue
            if _bare_relational(tokens, i, quoted):
                # "three sequels followed": sequels to what, only the sentences before say
                refused = refused or f"'{t.text}' points back"
                continue
            if _follows_unnamed(tokens, i, quoted):
                # "Wheels (1971) and Overload (1979) followed.": followed what, the
                # sentence before says; it is shown first where it can be, and the
                # statement is true without it where not
                self._follows_before.add(sentence.index)
                continue
            if _inner_event_anaphor(tokens, i, quoted):
                # "spent on implementing the programme": which programme, only the
                # sentences before say (and the one before, shown first, may)
                refused = refused or f"'{t.text} {tokens[i + 1].text}' refers back"
                continue
            if _inner_org_anaphor(tokens, i, quoted) and not any(
                m[1].kind == "org" for m in mentions
            ):
                # "... when Abramovich bought the club in 2003": which club?
                noun = tokens[i + 1].text
                described = self._described_as(noun) | self._of_sort(noun)
                entity = (
                    self._best_described(entities, described)
                    if described
                    else self._pick(entities, ("org",), None)
                )
                noun_end = tokens[i + 1].end
                if entity is None:
                    phrase = sentence.text[t.start : noun_end]
                    refused = refused or f"'{phrase}' refers back"
                elif entity.name not in named:
                    entity.salience += _MENTION_WEIGHT
                    edits.append(Edit(t.start, noun_end, entity.label))
                    named.add(entity.name)
                continue
            word = t.text.lower()
            if word in _FIRST_PERSON and t.tag in ("PRP", "PRP$"):
                if not quoted[i]:
                    refused = refused or f"'{t.text}': whose words these are is not said here"
                continue
            if (
                i == _first_word(tokens)
                and word in ("instead", "rather")
                and i + 1 < len(tokens)
                and tokens[i + 1].text == ","
                and not quoted[i]
            ):
                # "Instead, the Directive was enacted": in place of what the sentence
                # before said, which the question must show
                refused = refused or f"'{t.text}' points back"
                continue
            if (
                i == _first_word(tokens)
                and word in ("other", "another", "others")
                and not quoted[i]
            ):
                refused = refused or f"'{t.text}' compares with something said before"
                continue
            if (
                word == "another"
                and not quoted[i]
                and _after_copula(tokens, i)
                and i + 1 < len(tokens)
                and tokens[i + 1].tag in ("NN", "JJ")
            ):
                # "Apicomplexans are another group of chromalveolates": besides one the
                # sentences before named, which the question must show (where the one
                # before names a group too)
                noun = next(
                    (u.text for u in tokens[i + 1 : i + 5] if u.tag in ("NN", "NNS")),
                    tokens[i + 1].text,
                )
                refused = refused or f"'another {noun}' points back"
                continue
            opens_clause = (
                i == _first_word(tokens)
                and i + 1 < len(tokens)
                and (tokens[i + 1].tag.startswith("VB") or tokens[i + 1].tag in ("MD", "RB"))
            )
            if (
                word in ("this", "that", "these", "those")
                and not quoted[i]
                and (
                    # "This caused an uproar": the tagger may take the verb for a
                    # participle and look for the subject further on
                    opens_clause
                    or shape.subject is not None
                    and shape.subject.first == i == shape.subject.last
                )
            ):
                # "This means ...", "This is often through ...": a demonstrative that
                # is the subject itself points at what the sentences before said
                refused = refused or f"'{t.text}' points back"
                continue
            if (
                word == "then"
                and i > 0
                and tokens[i - 1].text.lower() in ("since", "by", "until", "till", "from")
                and not quoted[i]
            ):
                # "Since then Hoddle has applied for ...": since when, only the sentences
                # before say
                refused = refused or f"'{tokens[i - 1].text} then' refers to a time named before"
                continue
            if word in ("there", "here") and t.tag == "RB" and not quoted[i]:
                # "among the first to settle there", "Who was born here in 1745": where,
                # only the sentences before say (the existential "there were" is EX)
                refused = refused or f"'{word}' refers to a place named before"
                continue
            if quoted[i] and word in _PLURAL and t.tag == "PRP" and not _plural_before(shape, i):
                # '"They are one of the major clubs in Europe"': who, the speaker knew
                refused = refused or f"'{t.text}' in the quotation refers to nothing named"
                continue
            if (quoted[i] and word not in _PERSONAL) or t.tag not in ("PRP", "PRP$"):
                # "he" in a quotation is named in brackets ("[Hoddle] has a contract");
                # "These orders should help ...": a demonstrative in the subject; one
                # later in the sentence usually points inside it ("below this level")
                before_verb = shape.verb is None or i < shape.verb
                such = word == "such" and i + 1 < len(tokens) and tokens[i + 1].text != "as"
                # "produced in this way": a manner the sentences before described
                manner = i + 1 < len(tokens) and tokens[i + 1].text.lower() in _MANNER_NOUNS
                if (
                    word in _DEMONSTRATIVE
                    # "finding such a vaccine", "in this latest tussle": anywhere
                    # "since that game", "between that side and ...": after a
                    # preposition "that" is no conjunction, wherever it stands
                    and (
                        before_verb
                        or such
                        or manner
                        or word in ("this", "these")
                        or (i > 0 and tokens[i - 1].tag == "IN" and word in ("that", "those"))
                    )
                    and not quoted[i]
                    and _points_back(tokens, i)
                ):
                    # "such a vaccine": the noun after the article says what is meant
                    # (past the quotation mark of 'this "sale" price')
                    skip = i + 2 < len(tokens) and (
                        such and tokens[i + 1].tag == "DT" or tokens[i + 1].text in _OPENING_QUOTES
                    )
                    last = i + 2 if skip else i + 1
                    phrase = " ".join(
                        tok.text for tok in tokens[i : last + 1] if tok.text not in _OPENING_QUOTES
                    )
                    refused = refused or f"'{phrase}' points back"
                continue  # inside a quotation "we", "I" and "it" are the speaker's
            if word in _PERSONAL:
                kinds, gender = ("person",), _PERSONAL[word]
            elif word in _THING:
                if word == "it" and _expletive(tokens, i):
                    continue  # "it is expected that ...": no thing is meant
                if _noun_before(shape, i):
                    continue  # "The 777, which had its launch delayed": the noun before
                kinds, gender = ("org", "product", "thing"), None
            elif word in _PLURAL:
                if not _plural_before(shape, i):
                    refused = refused or f"'{t.text}' refers to nothing named before"
                continue
            else:
                continue
            # a name earlier in the same sentence comes first: "Pierce Brosnan said
            # producers axed him"
            here = [
                entities[n]
                for n in named
                if entities.get(n) is not None
                and entities[n].kind in kinds
                and (gender is None or entities[n].gender in (gender, None))
            ]
            if word in _PERSONAL and not here and _unsorted_name_subject(shape, mentions, t.start):
                # "Newton was limited by Denver's defense, which sacked him": the subject
                # is a name the finder did not take for a person (Newton is a town too),
                # and "him" means it, as "his" in "Sanders was his top receiver" does; a
                # person from further back would be a guess against the grammar. Only
                # the main verb's object cannot be its subject ("Dinwiddie ordered him")
                if _object_of_main_verb(shape, i):
                    refused = refused or f"'{t.text}' may mean someone named before"
                continue
            if (
                word in _PERSONAL
                and t.tag == "PRP$"
                and not here
                and any(
                    m[0] > t.start
                    and m[1].kind == "person"
                    and m[1].gender in (gender, None)
                    and m[1].name not in named
                    for m in mentions
                )
            ):
                # "led by his deputy Ann Vale after the resignation of Tom Hart": a
                # possessive may point ahead, to a name later in its sentence; the one
                # before is then a guess that can make the question false
                refused = refused or f"'{t.text}' may mean someone named after it"
                continue
            # "Airbus bought it", "Vale told him": not Airbus, not Vale, nor any name
            # before the verb ("X.25 does it", however the tagger cut "X.25")
            bound = set()
            if _object_of_main_verb(shape, i) and shape.verb is not None:
                verb_start = tokens[shape.verb].start
                bound = subjects | {m[1].name for m in mentions if m[0] < verb_start}
            here = [e for e in here if e.name not in bound]
            if len(here) > 1:  # the sentence's subject first: Lappin and Leass's rule
                here = [e for e in here if e.name in subjects] or here
            subject = shape.subject is not None and shape.subject.first <= i <= shape.subject.last
            # a pronoun subject goes on with the subject of the sentence before (Lappin and
            # Leass's parallelism): "Boeing said ... . It already has orders"
            favour = previous_subjects if subject else set()
            free = {n: e for n, e in entities.items() if n not in bound}
            entity = here[0] if len(here) == 1 else self._pick(free, kinds, gender, None, favour)
            if entity is not None and word in _THING and entity.salience < _THING_SALIENCE:
                entity = None  # "it" for a name mentioned once in passing is a guess
            if entity is not None and word in _THING and len(here) != 1:
                # "The CBC bought Flight into Danger ... . It was later spoofed": two
                # things the sentence before named; salience would say the CBC, a
                # reader knows better. The sentence before, shown first, lets them.
                just_named = [
                    e for e in free.values() if e.kind in kinds and e.at == entity.clock.now - 1
                ]
                if len(just_named) > 1:
                    refused = refused or f"'{t.text}' refers to one of several things named before"
                    continue
            if entity is None:
                if word in _THING and _noun_before(shape, i):
                    continue  # "the deal ... its terms": a thing named in this sentence
                refused = refused or f"'{t.text}' refers to nobody named before"
                continue
            if entity.gender is None and gender is not None:
                entity.gender = gender  # "Luo ... He said": now we know
            entity.salience += _SUBJECT_WEIGHT if subject else _MENTION_WEIGHT
            if subject:
                self._resolved_subjects.add(entity.name)
            if (
                speaker
                and entity.kind == "person"
                and t.tag != "PRP$"  # "said his wife, Sheila": the wife speaks, not he
                and _next_to_speech(tokens, i)
            ):
                speaker_name = entity.label
            if entity.name not in named:
                possessive = t.tag == "PRP$" and _possessive(tokens, i)
                label = entity.label + ("'s" if possessive else "")
                # an editor's insertion in a quotation goes in square brackets
                edits.append(Edit(t.start, t.end, f"[{label}]" if quoted[i] else label))
                named.add(entity.name)
        edits += [
            topic
            for topic in self._topic_named(sentence, mentions, opening)
            if not any(topic.start < e.end and e.start < topic.end for e in edits)
        ]
        edits = [
            Edit(e.start, e.end, e.text[:1].upper() + e.text[1:]) if e.start == 0 else e
            for e in edits
        ]
        if speaker and not speaker_name:
            speaker_name = next(
                (
                    m[1].label
                    for m in mentions
                    if m[1].kind == "person" and not quoted[_token_at(tokens, m[0])]
                ),
                "",
            )
        if refused:
            # the edits made so far go with it, should a lead-in save it; so does the
            # speaker, whose words the next sentences of the quotation still are
            return Resolution(edits=tuple(edits), refused=refused, speaker=speaker_name)
        return Resolution(edits=tuple(edits), speaker=speaker_name, needs_speaker=needs_speaker)

    def _topic_named(
        self,
        sentence: Sentence,
        mentions: list[tuple[int, _Entity, bool]],
        opening: tuple[int, int, str] | None,
    ) -> list[Edit]:
        """ "In 1900 the population of the city was 400,000", in an article titled
        "Leeds": the city the article is about, which its title names. Not "the city of
        Reedley", nor where the sentence has named another city before."""
        if self._topic is None:
            return []
        name, noun = self._topic
        edits = []
        for m in re.finditer(rf"\b[Tt]he {noun}\b(?!\s+of\b)(?!\s+[A-Z])(?!-)", sentence.text):
            if opening is not None and m.start() == opening[0]:
                continue  # "The city is ...": the opening's own rule names it
            if sentence.text.count('"', 0, m.start()) % 2:
                continue  # inside a quotation: the speaker's city
            after = re.match(r"\s([a-z]+)", sentence.text[m.end() :])
            if after and (
                after.group(1) in ("and", "or") or "NOUN" in gz.parts_of_speech(after.group(1))
            ):
                continue  # "the city centre", "the city council", "the city and country"
            if any(
                at < m.start() and e.kind == "place" and e.name != name for at, e, _ in mentions
            ):
                continue  # "... from Tours, France drew off the city's silk workers"
            edits.append(Edit(m.start(), m.end(), name))
        return edits

    def _title_topic(self) -> tuple[str, str] | None:
        """The city or country the article's title names ("Fresno, California",
        "Kenya"), or the one thing of a sort it is the name of ("University of
        Chicago"), and the noun the article calls it by."""
        head = re.sub(r"\s*\(.*\)$", "", self.title.split(",")[0]).strip()
        place = gz.place_kind(head) if head else None
        if place is not None and place[0] in ("city", "country"):
            return head, place[0]
        noun = _title_head(self.title)
        if noun is None or noun.capitalize() not in self.title.split():
            return None  # "Steam engine", "Apollo program": a kind or a head in lower case
        written = self._as_written(self.title)
        return (f"the {self.title}" if written.startswith("The ") else self.title), noun

    def _company_of_the_article(self, entities: dict[str, _Entity]) -> _Entity | None:
        """The organisation the article is about, or else the passage, where one leads."""
        companies = [
            entities[n] for n in self.protagonists if n in entities and entities[n].kind == "org"
        ]
        if len(companies) == 1:
            return companies[0]
        # else the organisation the passage is about, if one clearly leads
        return self._pick(entities, ("org",), None)

    def _best_described(self, entities: dict[str, _Entity], among: set[str]) -> _Entity | None:
        """For "The writer" or "The novel": of the names the article describes so, the one
        it says most about, if it clearly leads (a description is no pronoun: it can
        reach further back than the last few sentences)."""
        counts = Counter(full_name(f) for f in self.facts if full_name(f) in among)
        fits = sorted(
            (e for e in entities.values() if e.name in among),
            key=lambda e: -(e.salience + 0.1 * counts[e.name]),
        )
        if not fits:
            return None
        weight = [e.salience + 0.1 * counts[e.name] for e in fits]
        if len(fits) > 1 and weight[0] <= _MARGIN * weight[1]:
            return None
        return fits[0]

    @staticmethod
    def _named_by_head(entities: dict[str, _Entity], noun: str, now: int) -> _Entity | None:
        """For "the tract": the one name of the last sentences that ends in the noun as
        written ("the Alta Vista Tract"); "the network" is not ESPN because the article
        once spelt ESPN out."""
        ending = [
            e
            for e in entities.values()
            if e.kind != "person"
            and now - e.at <= _DEFINITE_REACH
            and len(e.label.split()) > 1
            and e.label.split()[-1].lower() == noun
        ]
        return ending[0] if len(ending) == 1 else None

    def _places(self, noun: str) -> set[str]:
        level = _PLACE_ANAPHORS[noun]
        return {f.text for f in self.facts if f.kind == "place" and f.subkind == level}

    def _of_sort(self, noun: str) -> set[str]:
        """The people the article describes as a `noun`; for a plain description ("the
        writer") also those it describes as one of its sort ("novelist"). An office
        ("the chancellor") is one person's: only someone given that title holds it."""
        office = noun in _OFFICES
        sort = None if office else sort_of(noun)
        return {
            full_name(f)
            for f in self.facts
            if f.kind == "person"
            and (p := self._profiles.get(f.key)) is not None
            and (noun in p.nouns or noun in p.words or (sort is not None and sort in p.sorts))
        }

    def _described_as(self, noun: str) -> set[str]:
        """The names the article calls a `noun` ("the novel Airport" for "novel")."""
        singular = _singular(noun)
        sort = sort_of(singular)
        return {
            full_name(f)
            for f in self.facts
            if (p := self._profiles.get(f.key)) is not None
            and ({noun, singular} & p.nouns or (sort is not None and sort in p.sorts))
            and f.kind != "person"
        }

    @staticmethod
    def _pick(
        entities: dict[str, _Entity],
        kinds: tuple[str, ...],
        gender: str | None,
        among: set[str] | None = None,
        favour: set[str] | frozenset[str] = frozenset(),
    ) -> _Entity | None:
        """The most salient entity of the kinds (and gender, and among the names given),
        if it clearly stands out; names in `favour` count one mention more."""

        def weight(e: _Entity) -> float:
            return e.salience + (_MENTION_WEIGHT if e.name in favour else 0.0)

        fits = sorted(
            (
                e
                for e in entities.values()
                if e.kind in kinds
                and (gender is None or e.gender in (gender, None))
                and (among is None or e.name in among)
            ),
            key=lambda e: -weight(e),
        )
        if not fits or fits[0].salience < _MIN_SALIENCE:
            return None
        top = weight(fits[0])
        if gender is not None and fits[0].gender is None:
            # a name of unknown gender takes "she" only when no known one competes
            known = [e for e in fits if e.gender == gender]
            if known and weight(known[0]) * _MARGIN >= top:
                return None
        if len(fits) > 1 and top <= _MARGIN * weight(fits[1]):
            return None
        return fits[0]


def _place_named(shape: Shape) -> bool:
    """The sentence names a place, whose government "The government" may be."""
    return any(t.tag == "NNP" and gz.place_kind(t.text) for t in shape.tokens)


def _protagonists(facts: list[Fact], written: dict[str, Counter[str]]) -> set[str]:
    """The person and the organisation the article is about, if it has them: named at
    least three times, and more than twice as often as any other of their kind."""
    kinds: dict[str, set[str]] = {}
    for f in facts:
        kinds.setdefault(full_name(f), set()).add(f.kind)
    out = set()
    for kind in ("person", "org"):
        counts = sorted(
            (
                (sum(forms.values()), name)
                for name, forms in written.items()
                if kind in kinds.get(name, ())
            ),
            reverse=True,
        )
        if counts and counts[0][0] >= 3 and (len(counts) == 1 or counts[0][0] > 2 * counts[1][0]):
            out.add(counts[0][1])
    return out


def _written_with_the(fact: Fact) -> bool:
    """ "the Blues", and "the current Blues": an adjective between keeps the "the"."""
    before = fact.sentence.text[: fact.start]
    if re.search(r"\b[Tt]he\s$", before):
        return True
    if fact.kind == "person" or not re.search(r"\b[Tt]he\s[a-z]+\s$", before):
        return False
    tokens = [t for t in analyse(fact.sentence.text).tokens if t.end <= fact.start]
    return len(tokens) >= 2 and tokens[-1].tag in ("JJ", "JJR", "JJS", "VBG")


def _is_a_name(fact: Fact) -> bool:
    """ "Dame" or "Mr" alone is no name to put in a pronoun's place."""
    words = [w.lower().strip(".") for w in full_name(fact).split()]
    return any(w not in gz.HONORIFICS and w not in gz.TITLE_WORDS for w in words)


def _possessive(tokens, i: int) -> bool:  # type: ignore[no-untyped-def]
    """ "her book" is possessive, "told her" and "for her to" are not."""
    if tokens[i].text.lower() != "her":
        return True
    return i + 1 < len(tokens) and tokens[i + 1].tag in ("NN", "NNS", "NNP", "NNPS", "JJ", "CD")


# refusals the sentence before can answer: a description or a pronoun pointing back
_POINTS_BACK = re.compile(
    r"refers back$|points back$"
    r"|refers to (?:nobody|nothing|one of several things|a place|a time) named before$"
)


def _names_what_is_pointed_at(refusal: str, before: str) -> bool:
    """ "The currency" is the currency the sentence before speaks of: a description's
    noun comes back (lexical cohesion); with another noun ("The change" after "...
    relaunch its currency") which thing is meant is a guess. A pronoun for a thing
    ("it", "they") goes with what the sentence before was about; "he" and "she", which
    no single name fitted, stay ambiguous."""
    if refusal.endswith("refers to a time named before"):  # "Since then": a time before
        return _WHEN_NAMED.search(before) is not None
    if refusal.startswith(("'there'", "'here'")):  # "settle there": a place named before
        return re.search(r"\b(?:in|at|to|from|near)\s(?:[a-z]+\s){0,3}[A-Z]", before) is not None
    described = re.match(r"'([^']+)' (?:refers|points) back$", refusal)
    if described is not None and described.group(1).lower() in _DISCOURSE_DEICTIC:
        # "This allows killer T cells to ...", "Instead, the Directive was enacted": a
        # demonstrative standing alone, or a connective of substitution, takes the
        # sentence before as what it is about (discourse deixis, Webber 1991)
        return True
    if described is None:  # "he" between two men stays between them with more words
        pronoun = re.match(r"'(\w+)' refers", refusal)
        return pronoun is not None and pronoun.group(1).lower() not in _PERSONAL
    noun = described.group(1).split()[-1].lower()
    if noun in _TIME_NOUNS:  # "During that year": the sentence before says when
        return _WHEN_NAMED.search(before) is not None or _said_again(noun, before)
    if len(noun) < 4 or not noun.isalpha():
        return False  # "such a": no noun to find
    stem = noun[:-1] if noun.endswith("s") else noun
    return re.search(rf"\b{re.escape(stem)}s?\b", before.lower()) is not None


def _bare_definite(refusal: str) -> str | None:
    """ "'The shake-up' refers back" -> "shake-up": a definite article and one noun, which
    says no more than that the thing was named before; None for anything else."""
    described = re.match(r"'[Tt]he ([a-z][a-z-]+)' (?:refers|points) back$", refusal)
    return described.group(1) if described is not None else None


def _said_again(noun: str, before: str) -> bool:
    """The noun itself, in the same number, or a word news uses for the same thing
    ("The novel" after "Fleming's first James Bond book"): reiteration by synonym, as
    Halliday and Hasan (1976) count it. "Decisions are made by the council" tells of
    decisions in general, not which one "The decision" is."""
    lowered = before.lower()
    return any(
        re.search(rf"\b{re.escape(word)}\b", lowered) is not None
        for word in _SAME_THING.get(noun, (noun,))
    )


# words one story uses for one thing, each with the number it is written in
_SYNONYM_SETS = (
    ("book", "novel"),
    ("books", "novels"),
    ("film", "movie"),
    ("films", "movies"),
    ("match", "game", "tie"),
    ("deal", "agreement", "takeover", "acquisition"),
    ("plan", "scheme", "proposal"),
    ("plans", "schemes", "proposals"),
    ("company", "firm"),
    ("device", "gadget", "machine"),
)
_SAME_THING = {word: group for group in _SYNONYM_SETS for word in group}


# nouns that name an action someone took: said later in a news story without a name,
# they mean the event its lead tells
_ACTION_NOUNS = frozenset(
    """move moves change changes shake-up shakeup overhaul deal decision plan plans cut
    cuts announcement reform reforms agreement takeover merger acquisition purchase sale
    launch relaunch bid switch proposal proposals closure closures restructuring
    transition""".split()
)
# a lead that tells news: what will happen, is to, or has just happened
_NEWS = re.compile(
    r"\b(?:will|would|(?:is|are) (?:set |due |expected |planning )?to"
    r"|(?:has|have) (?:been )?\w+ed)\b"
)
_LEAD_REACH = 15  # sentences, a news story's length: further on, another thing is told of


# a demonstrative with no noun after it, and a connective whose clause replaces what the
# sentence before said ("Instead, ..."): both point at the sentence before as a whole
_DISCOURSE_DEICTIC = frozenset({"this", "that", "these", "those", "instead", "rather"})


def with_edits(text: str, edits: tuple[Edit, ...]) -> str:
    for e in sorted(edits, key=lambda e: -e.start):
        text = text[: e.start] + e.text + text[e.end :]
    return text


def full_name(fact: Fact) -> str:
    return fact.aliases[0] if fact.aliases else fact.text


_QUANTIFIERS = frozenset(
    "one some many most each all none several few both either neither any".split()
)
_COPULA_WORDS = frozenset(
    "is was has had have been will would be remains seems appears not".split()
)


def _expletive(tokens, i: int) -> bool:  # type: ignore[no-untyped-def]
    """ "It is expected that", "it was not clear whether", "it emerged": no referent.
    A passive with its purpose or agent ("It was employed for draining mines", "it was
    used to pump water") has one: the thing employed."""
    k = i + 1
    while k < len(tokens) and (
        tokens[k].text.lower() in _COPULA_WORDS
        # "It is usually undertaken on items ...": an adverb inside the verb group
        or k > i + 1
        and tokens[k].tag == "RB"
        and tokens[k].text.lower().endswith("ly")
    ):
        k += 1
    if (
        k > i + 1
        and k + 1 < len(tokens)
        and tokens[k].tag == "VBN"
        and tokens[k + 1].text.lower() in ("to", "for", "by", "as", "in", "at", "on", "with")
    ):
        return False
    rest = " ".join(
        t.text if t.tag.startswith("NNP") else t.text.lower() for t in tokens[i + 1 : i + 8]
    )
    return bool(
        re.match(
            # "it has widely been assumed that", "it is incumbent upon them to": the
            # clause after is the subject, moved to the end (extraposition)
            r"(?:is|was|has(?: \w+ly)? been|had(?: \w+ly)? been|will be|would be|remains|"
            r"seems|appears|became|becomes)(?: not)?"
            r"(?:(?: \w+ly)? \w+(?: (?:upon|for|of)(?: the| a)? \w+)? "
            r"(?:that|to|whether|if|for|when|until)|"
            r" (?:that|whether|if|until))\b|"
            r"(?:emerged|follows|comes|is understood|was understood)\b|"
            r"(?:takes|took) (?:\w+ ){1,3}(?:for|to)\b|"  # "it takes several years for"
            r"(?:comes|came) to \w+ing\b|"  # "when it came to explaining life-forms"
            r"(?:is|was) (?:[A-Z]\w+ )+(?:who|that)\b",  # "It was Diaghilev who ..."
            rest,
        )
    )


def quotation_open_before(sentences: list[Sentence]) -> dict[int, bool]:
    """For each sentence: does it start inside a quotation an earlier one opened?"""
    state: dict[int, bool] = {}
    inside = False
    paragraph = None
    for s in sentences:
        if s.paragraph != paragraph or re.match(r'"\S', s.text):
            # a quotation that opens here starts afresh, and scrapers join paragraphs
            # that each open a quotation without closing the one before ('" Hailey
            # recalled.' closes one: a mark before a space)
            paragraph, inside = s.paragraph, False
        state[s.index] = inside
        if s.text.count('"') % 2:
            inside = not inside
    return state


def _quoted_from(shape: Shape, continues_quotation: bool) -> tuple[bool, ...]:
    """Which tokens are quoted, for a sentence that may start inside a quotation."""
    if not continues_quotation:
        return shape.quoted
    return tuple(
        not q if t.text != '"' else True for t, q in zip(shape.tokens, shape.quoted, strict=True)
    )


def _speaker_named(
    shape: Shape, quoted: tuple[bool, ...], mentions: list[tuple[int, _Entity, bool]]
) -> bool:
    """Someone outside the quotation, with a verb of saying: '"...," said Tom Hart.'"""
    says = any(
        t.text.lower() in _SPEECH_VERBS and not quoted[i] for i, t in enumerate(shape.tokens)
    )
    if not says:
        return False
    if any(
        m[1].kind in ("person", "org") and not quoted[_token_at(shape.tokens, m[0])]
        for m in mentions
    ):
        return True
    # "he said", resolved elsewhere; or "the minister said"
    return any(
        not quoted[i] and t.tag in ("PRP", "NN", "NNS", "JJ")  # "the 36-year-old said"
        for i, t in enumerate(shape.tokens)
    )


def _token_at(tokens, start: int) -> int:  # type: ignore[no-untyped-def]
    return next((i for i, t in enumerate(tokens) if t.start >= start), len(tokens) - 1)


def _next_to_speech(tokens, i: int) -> bool:  # type: ignore[no-untyped-def]
    """ "he said", "said he", "she added": the pronoun is the speaker."""
    near = [t.text.lower() for t in tokens[max(0, i - 2) : i + 3]]
    return any(w in _SPEECH_VERBS for w in near)


def _noun_before(shape: Shape, i: int) -> bool:
    """A noun phrase before the pronoun in the same sentence, for it to refer to.

    Not its own verb's subject: "X.25 does it" cannot mean X.25 does X.25 (a plain
    pronoun is never bound inside its clause, Chomsky's Principle B; "its" may be:
    "Boeing raised its prices")."""
    subject = shape.subject
    after = subject.last if subject is not None and _object_of_main_verb(shape, i) else -1
    compared = _compared_with(shape.tokens, i)
    return any(
        after < p.last < i
        and p.first not in compared
        # "Developed in the 1950s, it has grown": a time is not what "it" is
        and p.head.lower() not in _TIME_NOUNS
        # "One of its earliest uses": a part counted of what "its" means
        and p.head.lower() not in _QUANTIFIERS
        # a count is no referent; a model is ("The 777-200LR, which had its launch ...")
        and (shape.tokens[p.last].tag != "CD" or _a_model(shape, p))
        and not re.fullmatch(r"\d{4}s?", p.head)
        # "with costs estimated at £76 million, it is the most expensive": "it" is
        # singular, and a plural common noun is no antecedent for it
        and not _plural_head(shape, p)
        for p in shape.phrases
    )


def _plural_head(shape: Shape, phrase: Phrase) -> bool:
    """Does the phrase end in a plural common noun? Not when the tagger cut it short:
    in "financial services industry is" it took "industry" for a verb, a word the
    lexicon has only as a noun."""
    if shape.tokens[phrase.last].tag != "NNS":
        return False
    nxt = shape.tokens[phrase.last + 1] if phrase.last + 1 < len(shape.tokens) else None
    return nxt is None or not (nxt.text.isalpha() and gz.parts_of_speech(nxt.text) == {"NOUN"})


def _a_noun(word: str) -> bool:
    """A word the lexicon has as a noun, and not as a participle ("those produced")."""
    pos = gz.parts_of_speech(word)
    participle = word.lower().endswith(("ed", "ing")) and "VERB" in pos
    return "NOUN" in pos and not participle


def _a_model(shape: Shape, phrase: Phrase) -> bool:
    """ "the 777", "the 777-200LR": a number named with "the" or spelt with letters is
    a model's name, not a count."""
    head = shape.tokens[phrase.last].text
    if head.lower() in SCALE_WORDS:
        return False  # "costs estimated at £76 million": an amount, not a model
    return bool(re.search(r"[A-Za-z]", head)) or (
        phrase.last > phrase.first and shape.tokens[phrase.first].text.lower() == "the"
    )


def _unsorted_name_subject(
    shape: Shape, mentions: list[tuple[int, _Entity, bool]], before: int
) -> bool:
    """The sentence's subject, before `before`, is a proper name that no mention makes
    a person or an organisation."""
    subject = shape.subject
    if subject is None or subject.end > before:
        return False
    words = shape.tokens[subject.first : subject.last + 1]
    if not words or not all(w.tag == "NNP" for w in words):
        return False
    return not any(
        subject.start <= m[0] < subject.end and m[1].kind in ("person", "org") for m in mentions
    )


def _object_of_main_verb(shape: Shape, i: int) -> bool:
    """ "does it", "has since sold them": the pronoun right after the main verb's words."""
    tokens, verb = shape.tokens, shape.verb
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        tokens[i].text.lower() in ("it", "them", "him", "her")
        and tokens[i].tag == "PRP"
        and verb is not None
        and shape.subject is not None
        and verb < i
        and all(t.tag.startswith(("VB", "RB", "MD")) for t in tokens[verb:i])
        # "Boeing said it expected ...": the subject of a clause of its own, which may
        # well be Boeing
        and (after is None or after.tag not in ("VBD", "VBZ", "VBP", "MD"))
    )


def _plural_before(shape: Shape, i: int) -> bool:
    """ "they" after a plural, a pair, or a name (British English: "Spain ... their");
    not one it is compared with ("Like the wasps, they have stings": not the wasps)."""
    compared = _compared_with(shape.tokens, i)
    return any(
        p.last < i
        and p.first not in compared
        and (shape.tokens[p.last].tag in ("NNS", "NNPS", "NNP") or " and " in p.text)
        for p in shape.phrases
    ) or any(t.text.lower() == "and" for k, t in enumerate(shape.tokens[:i]) if k not in compared)


def _compared_with(tokens, i: int) -> range:  # type: ignore[no-untyped-def]
    """The tokens of a "like ...", "unlike ..." or "in addition to ..." phrase before
    token i, up to its comma: what a clause's subject is compared with or added to
    ("In addition to the 1967 film, it was adapted for television"), so never what its
    pronoun means."""
    words = [t.text.lower() for t in tokens]
    for k in range(i - 1, -1, -1):
        opens = (words[k] in ("like", "unlike", "besides") and tokens[k].tag == "IN") or any(
            words[k : k + len(p)] == p for p in _ADDITIONS
        )
        if opens:
            end = next((j for j in range(k, i) if tokens[j].text == ","), None)
            return range(k, end) if end is not None else range(0)
    return range(0)


_ADDITIONS = (["in", "addition", "to"], ["apart", "from"], ["as", "well", "as"], ["along", "with"])


_OPENING_QUOTES = frozenset({'"', "``", "\u201c", "'", "`", "\u2018"})


# a year, a decade or a month: what "that year" or "those years" may point back to
_WHEN_NAMED = re.compile(
    rf"\b(?:1\d{{3}}|20\d\d)s?\b|\b(?:{'|'.join(m.capitalize() for m in gz.MONTHS)})\b"
    r"|\b\d+(?:st|nd|rd|th) century\b"
)


def _points_back(tokens, i: int) -> bool:  # type: ignore[no-untyped-def]
    """ "this deal", "such schools", "these figures": a demonstrative before a noun that
    is not a time ("this year" is fine)."""
    if i + 1 >= len(tokens):
        return False
    word = tokens[i].text.lower()
    nxt = tokens[i + 1]
    after_preposition = i > 0 and tokens[i - 1].tag == "IN"  # "From that point", "at that time"
    if word == "that" and tokens[i].tag != "DT" and not after_preposition:
        return False  # "said that ...", "the car that won"
    if word == "such" and nxt.tag == "DT" and i + 2 < len(tokens):
        i, nxt = i + 1, tokens[i + 2]  # "such a vaccine"
    if nxt.text in _OPENING_QUOTES and i + 2 < len(tokens):
        # 'This "gentlemen's agreement" between Sadat and ...': quotation marks round
        # the noun phrase say it is someone's words, not which agreement is meant
        i, nxt = i + 1, tokens[i + 2]
    if nxt.tag not in ("NN", "NNS", "JJ", "JJR", "JJS", "CD"):  # "this latest tussle"
        return False
    head = next((t for t in tokens[i + 1 : i + 4] if t.tag in ("NN", "NNS")), None)
    if word in ("that", "those") and head is not None:
        # "those captured in arms", "those actors who have headlined": a participle
        # or a relative clause after it says which; then it points nowhere back
        k = i + 1
        while k < len(tokens) and tokens[k].tag in ("JJ", "JJR", "JJS", "CD"):
            k += 1
        if k >= len(tokens) or tokens[k] is not head or not _a_noun(head.text):
            return False  # the tagger makes a noun of most words after "those"
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if after is not None and (after.tag in ("WDT", "WP", "WP$") or after.text == "that"):
            return False
    if head is not None and head.text.lower() == "time" and head is nxt and word == "this":
        # "This time (around), Standard Chartered beat HSBC": this occasion, against
        # one the sentences before told of; "at this time" says when, as "now" does
        after = tokens[i + 2].text.lower() if i + 2 < len(tokens) else ""
        return not after_preposition and after in ("around", "round", ",")
    if head is not None and head.text.lower() in _TIME_NOUNS:
        # "this year" is the article's own; "that year", "those days" one the sentences
        # before named ("In 1879 ... During that year, Tesla taught ...")
        # unless the sentence named it first ("in 2004 when on 27 September of that year")
        said = " ".join(t.text for t in tokens[:i])
        return word in ("that", "those") and head is nxt and not _WHEN_NAMED.search(said)
    return head is not None


# "the government" and "the team" inside a sentence are often said of no one in
# particular; these nouns stand for a name the sentences before gave
_INNER_ANAPHORS = frozenset(
    """company firm bank lender insurer club airline carrier retailer maker manufacturer
    giant broadcaster network studio label publisher charity""".split()
)


# the nouns a sentence calls a thing by that the article names ("the gadget", "the firm")
DESCRIPTIONS = _ARTIFACTS | _INNER_ANAPHORS

# what a company reports, said of no one: "Net profit was ...", "Sales rose ..."
_FIGURES = frozenset(
    """profit profits revenue revenues sales earnings turnover income loss losses
    margins dividend dividends""".split()
)


def _bare_figure(shape: Shape) -> tuple[int, int] | None:
    """ "Net profit", "Sales", "Pre-tax profits" opening the sentence as its subject with
    no owner: no determiner or possessive before, no "of"/"at"/"in" after."""
    tokens = shape.tokens
    k = _first_word(tokens)
    first = k
    if k < len(tokens) and tokens[k].text.lower() in ("such", "other", "same", "similar"):
        return None  # "Such loss": a demonstrative's, pointing back as such
    while (
        k < len(tokens) and tokens[k].tag in ("JJ", "NN") and tokens[k].text.lower() not in _FIGURES
    ):
        k += 1  # "Net", "Pre-tax", "Operating", "Group"
    if k >= len(tokens) - 1 or k - first > 2 or tokens[k].text.lower() not in _FIGURES:
        return None
    after = tokens[k + 1]
    if not (after.tag.startswith("VB") or after.tag == "MD"):
        return None  # "Sales of the iPod", "Profits at Boeing": the sentence says whose
    return tokens[first].start, tokens[k].end


_COPULAS = frozenset("is are was were be been becomes became remains remained".split())


def _after_copula(tokens, i: int) -> bool:  # type: ignore[no-untyped-def]
    """ "X is another ...", "X was also another ...": the word stands after a copula."""
    k = i - 1
    if k >= 0 and tokens[k].tag == "RB":  # "also", "perhaps"
        k -= 1
    return k >= 0 and tokens[k].text.lower() in _COPULAS


def _first_word(tokens) -> int:  # type: ignore[no-untyped-def]
    return 1 if tokens and tokens[0].text in ('"', "(") else 0


# the words before an epithet's noun: "the American giant", "the US tech firm"
_EPITHET_MODIFIERS = gz.DEMONYMS | {"tech", "us", "uk"}


def _epithet_after_verb(shape: Shape, i: int, quoted: tuple[bool, ...]) -> int | None:
    """ "the American giant", "the Chinese firm" after the main verb: where it ends."""
    tokens = shape.tokens
    if shape.verb is None or i <= shape.verb or quoted[i] or tokens[i].text != "the":
        return None
    if tokens[i - 1].text in (",", "("):
        return None  # "Microsoft, the American giant,": an apposition says which
    k = i + 1
    while k < len(tokens) and tokens[k].text.lower() in _EPITHET_MODIFIERS:
        k += 1
    if k == i + 1 or k >= len(tokens):
        return None  # a plain "the giant" is _inner_org_anaphor's
    noun = tokens[k]
    if noun.text not in _INNER_ANAPHORS or noun.tag not in ("NN", "NNS"):
        return None
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    if after is not None and (after.text == "of" or after.tag in ("NNP", "NNPS", "NN", "NNS")):
        return None  # "the American giant Microsoft": the sentence says which
    return noun.end


def _inner_org_anaphor(tokens, i: int, quoted: tuple[bool, ...]) -> bool:  # type: ignore[no-untyped-def]
    """ "the club", "the company" inside a sentence, with nothing after it that says
    which ("the club Chelsea", "the club's owner" and "the company of ..." do)."""
    if i == 0 or quoted[i] or tokens[i].text != "the" or i + 1 >= len(tokens):
        return False
    noun = tokens[i + 1]
    if noun.text not in _INNER_ANAPHORS or noun.tag not in ("NN", "NNS"):
        return False
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if (
        i >= 2
        and tokens[i - 1].text in (",", "-", "–", "—")
        and tokens[i - 2].tag in ("NNP", "NNPS")
        and after is not None
        and after.text.lower() in _RESTRICTIVE
    ):
        # "lured by Tottenham - the club where he made his name": an apposition says
        # what the name before it is; it points at nothing further back
        return False
    return after is None or (
        after.text != "of" and after.tag not in ("NNP", "NNPS", "NN", "NNS", "CD")
    )


# nouns that name a thing by another ("a sequel" is a sequel to something): without that
# something beside them they point back
_RELATIONAL = frozenset(
    """sequel sequels prequel prequels successor successors predecessor predecessors remake
    remakes counterpart counterparts follow-up follow-ups spin-off spin-offs""".split()
)


def _bare_relational(tokens, i: int, quoted: tuple[bool, ...]) -> bool:  # type: ignore[no-untyped-def]
    """ "three sequels followed", not "a sequel to Airport", "Airport's sequel" or "the
    film's successor"."""
    t = tokens[i]
    if quoted[i] or t.text.lower() not in _RELATIONAL or t.tag not in ("NN", "NNS"):
        return False
    after = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
    if after in ("to", "of", "for") or (i + 1 < len(tokens) and tokens[i + 1].tag == "NNP"):
        return False
    before = tokens[max(0, i - 3) : i]
    return not any(b.tag in ("PRP$", "POS", "NNP", "NNPS") or b.text in ("'s", "'") for b in before)


def _follows_unnamed(tokens, i: int, quoted: tuple[bool, ...]) -> bool:  # type: ignore[no-untyped-def]
    """ "... and In High Places followed.": "follow" or "ensue" with no object ends its
    clause; what came first is in an earlier sentence. Not a passive ("was followed")."""
    t = tokens[i]
    if quoted[i] or t.text.lower() not in ("followed", "ensued") or i + 1 >= len(tokens):
        return False
    before = tokens[i - 1].text.lower() if i else ""
    return tokens[i + 1].text in (".", ";", "!", ",") and before not in _COPULA_WORDS


# what an article does or plans, named once and then called "the programme" or "the
# change" inside later sentences
# "the use of the term is restricted": which term, the sentences before say
_META_NOUNS = frozenset({"term", "concept", "notion"})
_EVENT_NOUNS = (
    frozenset(
        """programme program scheme plan project change changes move reform reforms
        proposal proposals strategy""".split()
    )
    | _META_NOUNS
)


def _inner_event_anaphor(tokens, i: int, quoted: tuple[bool, ...]) -> bool:  # type: ignore[no-untyped-def]
    """ "the programme", "the change" inside a sentence, with nothing after it that says
    which ("the change to the new lira" does), nor the noun earlier in the sentence ("a
    new plan ... the plan")."""
    if i == 0 or quoted[i] or tokens[i].text != "the" or i + 1 >= len(tokens):
        return False
    noun = tokens[i + 1]
    if noun.text not in _EVENT_NOUNS or noun.tag not in ("NN", "NNS"):
        return False
    if any(t.text.lower() == noun.text for t in tokens[:i]):
        return False
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    return after is None or (
        after.tag not in ("TO", "NNP", "NNPS", "NN", "NNS", "CD", "VBN", "VBG")
        # "the change to the lira", "the plan for schools" say which; "by 2006" does not
        and after.text not in (",", "(", "of", "for", "on", "between", "with", "that", "which")
        # 'the term "imperialism"', "the term odd prime": the term itself follows
        and after.text not in ('"', "“", "'", "‘")
        and not (noun.text in _META_NOUNS and after.tag in ("JJ", "NNP", "NN", "NNS"))
    )


# the small words inside a name ("Victoria and Albert Museum", "University of Chicago")
_TITLE_JOINS = frozenset({"of", "and", "on", "for", "in", "the", "de"})


def _title_naming(title: str, noun: str) -> str | None:
    """The title, where it is the name of something whose head is `noun`: "Victoria and
    Albert Museum" for "museum", "University of Chicago" for "university", "Yuan
    dynasty" for "dynasty". A plural head names a kind ("Rivers of Europe"), not the
    one thing "the river" is."""
    return title if _title_head(title) == noun else None


@cache
def _title_head(title: str) -> str | None:
    """The head noun of a title that is the name of one thing ("university" for
    "University of Chicago"); None for a headline, which is no name: it has a verb
    ("Boeing unveils new jet"), a possessive ("Turkey's new lira") or lower-case words
    inside."""
    words = title.split()
    if not 2 <= len(words) <= 6 or re.search(r"['’:;,!?]", title):
        return None
    lower = [w.lower() for w in words]
    for k, word in enumerate(words[:-1]):  # only the head may be lower case ("Yuan dynasty")
        if not (word[:1].isupper() or word[:1].isdigit() or lower[k] in _TITLE_JOINS):
            return None
    if any(t.tag.startswith("VB") for t in analyse(title).tokens):
        return None
    return lower[lower.index("of") - 1] if "of" in lower[1:] else lower[-1]


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _introductions(shape: Shape) -> set[str]:
    """The nouns a sentence introduces one particular thing by: "a new college", "the
    launch of Sky Multichannels", "the Alta Vista Tract" (a name's last word)."""
    tokens = shape.tokens
    out = set()
    for p in shape.phrases:
        determiner = tokens[p.first].text.lower()
        head = tokens[p.last]
        after = tokens[p.last + 1].text if p.last + 1 < len(tokens) else ""
        name = head.tag in ("NNP", "NNPS") and p.last > p.first and tokens[p.last - 1].tag == "NNP"
        described = head.tag in ("NN", "NNS") and (
            determiner in ("a", "an", "another") or (determiner == "the" and after == "of")
        )
        if name or described:
            out.add(_singular(head.text.lower()))
    return out


# nouns another rule resolves, or that say when rather than which
_DEFINITE_ELSEWHERE = _TIME_NOUNS | _INNER_ANAPHORS | _EVENT_NOUNS
# after a definite's noun, words that go on to say which one it is
_RESTRICTIVE = frozenset({"that", "which", "who", "whose", "where", "("})


def _familiar_definite(
    shape: Shape,
    phrase: Phrase,
    introduced: dict[str, int],
    now: int,
    quoted: tuple[bool, ...],
) -> bool:
    """ "the tract", "the report": a plain definite whose noun one of the last sentences
    introduced (`introduced`: noun -> the sentence that last did), with nothing in this
    sentence that says which. Further on "the" + noun is as often the kind ("the cell")."""
    tokens = shape.tokens
    first, last = phrase.first, phrase.last
    if tokens[first].text.lower() != "the" or quoted[first] or last != first + 1:
        # "the NP-complete knapsack problem": a description full enough to be new
        return False
    head = tokens[last]
    noun = _singular(head.text.lower())
    if head.tag not in ("NN", "NNS") or not head.text.isalpha() or not head.text.islower():
        return False
    at = introduced.get(noun)
    if at is None or now - at > _DEFINITE_REACH:
        return False
    if head.text.lower() in _DEFINITE_ELSEWHERE | _PLACE_ANAPHORS.keys():
        return False
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if after is not None and (
        after.text.lower() in _RESTRICTIVE or after.tag in ("NNP", "CD", "IN", "TO")
    ):
        # "the report of the panel", "the person in the car", "the tract Alta Vista"
        return False
    # "a new plan ... the plan": this sentence introduced it
    return not any(_singular(t.text.lower()) == noun for t in tokens[:first])


def _opening_anaphor(shape: Shape) -> tuple[int, int, str] | None:
    """ "The company said ..." / "The move ...": a sentence that opens with "the" and one
    common noun, which only the sentences before can say the meaning of."""
    tokens = shape.tokens
    first = 1 if tokens and tokens[0].text in ('"', "(") else 0
    if len(tokens) < first + 3 or tokens[first].text.lower() != "the":
        return None
    k = first + 1
    while k < len(tokens) - 1 and (
        tokens[k].tag in ("JJ", "JJR", "JJS", "VBN", "NNP", "NNPS")
        and (tokens[k].text.islower() or tokens[k].text.lower() in gz.DEMONYMS)
        # "The ex-England coach": a role made of a name is a modifier too
        or ROLE_PREFIX.match(tokens[k].text)
        # "The $1.2 billion stadium": a price or a size before the noun
        or tokens[k].tag in ("CD", "$")
        or tokens[k].text in ("$", "£", "€", "billion", "million", "bn", "m")
    ):
        # "The hit novel", "The new device", "The French star": adjectives (a
        # nationality's too) before the noun
        k += 1
    noun, after = tokens[k], tokens[k + 1] if k + 1 < len(tokens) else tokens[k]
    if noun.tag not in ("NN", "NNS") or not noun.text.islower():
        return None  # "The National Audit Office", "The new film Casino Royale"
    if after.tag in ("NN", "NNS", "NNP", "NNPS", "CD", "IN", "TO", "VBN", "VBG", "WDT", "WP"):
        # "The company Boeing", "The transition to the new lira", "The qualifications
        # achieved by ...", "The head of X": the sentence says which
        return None
    if after.text in ("(", '"', "“"):
        return None  # "The book (1968) ...", 'The term "imperialism" ...'
    # "The device, which also stores video, ...", "The book, a thriller, ...": what
    # follows a comma says more about it, not which one it is, unless it names it
    if after.text == "," and _comma_says_which(tokens, k + 2):
        return None
    if noun.text in _META_NOUNS and after.tag in ("JJ", "NN", "NNS", "NNP"):
        return None  # "The concept environmental determinism": the term itself follows
    word = noun.text.lower()
    if any(t.text.lower() in gz.DEMONYMS for t in tokens[first + 1 : k]) and (
        word not in ROLE_WORDS | ORG_ANAPHORS | _ARTIFACTS
        or word in _OFFICES
        or sort_of(word) in ("public_body", "royalty")
    ):
        # "The Chinese economy", "The French president": the nationality says which;
        # "The French star" and "The American company" still point back
        return None
    return tokens[first].start, noun.end, word


# after "The noun,": words that go on to say which one, or that make the noun one item
# of a list or a term ("The party, or parties, that ...", "The force, for example, ...")
_SAYS_WHICH_AFTER_COMMA = frozenset(
    "or and including entitled called named known dubbed titled for such".split()
)


def _comma_says_which(tokens, j: int) -> bool:  # type: ignore[no-untyped-def]
    """What follows "The noun," at token j names the thing ("The book, Airport,", "The
    last attempt, the Pico Act of 1859,") or lists more of the same ("The service,
    industry and manufacturing sectors", "The second, third, and fourth timelines")."""
    if j >= len(tokens):
        return False
    first = tokens[j]
    if first.tag in ("NNP", "NNPS") or first.text.lower() in _SAYS_WHICH_AFTER_COMMA:
        return True
    if first.text.lower() in ("the", "a", "an") and j + 1 < len(tokens):
        return tokens[j + 1].tag in ("NNP", "NNPS")
    words = 0
    for t in tokens[j : j + 6]:
        if t.text.lower() in ("and", "or"):
            return True  # a list of nouns or adjectives up to "and" / "or"
        if t.tag.startswith("VB") and t.tag != "VBN":
            # "The four-year, full-time undergraduate program comprises": the comma
            # joined the modifiers of one noun, which goes on straight into its verb
            return words > 0
        if t.text != "," and t.tag not in ("JJ", "NN", "NNS", "CD", "RB"):
            return False
        words += t.text != ","
    return False


_GENDERS = {"male": "male", "female": "female"}


@cache
def _first_name_gender(name: str) -> str | None:
    first = name.split()[0]
    if first.lower().rstrip(".") in gz.HONORIFICS or re.search(r"\s(?:and|&)\s", name):
        return None  # "Mr", and "Dorothy and Michael Hintze", a pair: no one's "he"
    return _GENDERS.get(gz.first_name_gender(first))


def _honorific_genders(sentences: list[Sentence]) -> dict[str, str]:
    """Surname -> gender, from "Mr Blair", "Mrs Thatcher", "Ms Rowling" in the article."""
    out: dict[str, str] = {}
    for s in sentences:
        for m in re.finditer(r"\b(Mr|Mrs|Ms|Miss|Sir|Lord|Lady|Dame)\.?\s([A-Z][\w'-]+)", s.text):
            out.setdefault(m.group(2), "male" if m.group(1) in ("Mr", "Sir", "Lord") else "female")
    return out
