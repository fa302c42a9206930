import pytest

from quizapp.domain.syntax import analyse, opening_pronoun


def phrases(text: str) -> list[str]:
    return [p.text for p in analyse(text).phrases]


@pytest.mark.parametrize(
    ("sentence", "subject", "verb"),
    [
        ("Standard Chartered has agreed to buy Korea First Bank.", "Standard Chartered", "has"),
        ("Some 26 million adults lack basic skills.", "Some 26 million adults", "lack"),
        ("In 2004, the National Audit Office praised ministers.", "the National Audit Office",
         "praised"),
        ("Shares of Boeing, the US planemaker, rose 4% to $45.", "Shares of Boeing", "rose"),
        ("Dame Alicia Markova, who has died in Bath aged 94, was a ballerina.",
         "Dame Alicia Markova", "was"),
        ("She was born in London in 1910.", "She", "was"),
        # a number heads its phrase before a participle; "'s" before a noun is possessive
        ("The first 500 sold will go to farmers in Perth.", "The first 500", "will"),
        ("Boeing's profit rose by 5% in May.", "Boeing's profit", "rose"),
    ],
)  # fmt: skip
def test_the_main_verb_and_its_subject(sentence, subject, verb):
    shape = analyse(sentence)
    assert shape.verb is not None and shape.tokens[shape.verb].text == verb
    assert shape.subject is not None and shape.subject.text == subject
    assert shape.is_clause


def test_a_fragment_has_no_subject():
    assert not analyse("Decided to postpone the spin-off of its unit.").is_clause


def test_a_verb_inside_quotation_marks_is_not_the_sentences():
    shape = analyse('"We won the cup," said coach Tom Hart.')
    assert shape.tokens[shape.verb].text == "said"


def test_noun_phrases_are_whole():
    assert phrases("The UK bank paid $3.3bn for the Korean lender.") == [
        "The UK bank", "$3.3bn", "the Korean lender",
    ]  # fmt: skip


def test_a_span_is_known_as_a_whole_phrase_or_a_piece_of_one():
    text = "The bank bought the Korean lender."
    shape = analyse(text)
    start = text.index("Korean lender")
    assert shape.phrase_at(start, start + len("Korean lender")) is not None
    assert shape.inside_phrase(start, start + len("Korean")) is not None


def test_opening_pronoun():
    assert opening_pronoun(analyse("He said the deal was done.")) == "he"
    assert opening_pronoun(analyse('"It was fine," she said.')) == "it"
    assert opening_pronoun(analyse("Boeing said it was fine.")) is None
