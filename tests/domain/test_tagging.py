import pytest

from quizapp.domain.tagging import tag, tokenize


def tags(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.tag) for t in tag(text)]


def test_tokens_point_back_into_the_sentence():
    text = "Boeing's 777-200LR can't fly 11,000 miles (17,700km) for $3.3bn, the U.S. firm said."
    for word, start, end in tokenize(text):
        assert text[start:end] == word
    words = [w for w, _, _ in tokenize(text)]
    assert words[:3] == ["Boeing", "'s", "777-200LR"]
    assert "n't" in words and "U.S." in words and "11,000" in words


def test_a_sentence_gets_penn_treebank_tags():
    assert tags("The company was founded in 1990.") == [
        ("The", "DT"), ("company", "NN"), ("was", "VBD"), ("founded", "VBN"),
        ("in", "IN"), ("1990", "CD"), (".", "."),
    ]  # fmt: skip


def test_an_acronym_is_a_proper_noun_not_the_pronoun_us():
    assert ("US", "NNP") in tags("Shares of the US planemaker rose.")
    assert ("planemaker", "NN") in tags("Shares of the US planemaker rose.")


def test_numbers_and_currency_signs():
    got = dict(tags("Profits rose 4.5% to £3bn in the 1990s."))
    assert got["4.5"] == got["3bn"] == got["1990s"] == "CD"
    assert got["£"] == "$"


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("The match came down to two tie-breaks.", "match", "NN"),  # not an adjective
        ("She also travelled the world.", "travelled", "VBD"),  # British spelling
        ("The council organised a festival.", "organised", "VBD"),
    ],
)
def test_tag_sequences_english_lacks_are_mended(sentence, word, expected):
    assert dict(tags(sentence))[word] == expected


def test_the_indexed_rules_tag_exactly_as_textblobs_own_loop(sample_article):
    from textblob._text import find_tags

    from quizapp.domain.tagging import _as_tagged, _lexicon, _rules_by_tag, apply_context
    from quizapp.domain.text import split_sentences

    lexicon = _lexicon()
    for s in split_sentences(sample_article):
        words = [_as_tagged(w) for w, _, _ in tokenize(s.text)]
        base = find_tags(words, lexicon=lexicon, morphology=lexicon.morphology)
        theirs = lexicon.context.apply([list(x) for x in base])
        assert apply_context(_rules_by_tag(), base) == [list(x) for x in theirs]


def test_s_between_a_name_and_a_noun_is_possessive_after_a_pronoun_is_is():
    tags = {t.text: t.tag for t in tag("Step Up's membership target was cut in May.")}
    assert tags["'s"] == "POS"
    assert {t.text: t.tag for t in tag("It's time to go home now.")}["'s"] == "VBZ"
