import pytest

from quizapp.domain.generator import analyse_article
from quizapp.domain.ranking import FEATURES, feature_table

_ARTICLE = """Harbour council approves new ferry line

The harbour council in Porthaven approved a new ferry line to the islands on Tuesday.
"This line will carry 400,000 passengers a year to Skerra," said council leader Ruth Calder.
Engineer Tom Hart said the first boat would sail from Porthaven in June.
"Islanders have waited ten years for a reliable crossing," Mr Barker continued.
According to Ruth Calder, the ferry line will cost the council four million pounds.
"""


@pytest.fixture(scope="module")
def features() -> list[tuple[str, str, dict[str, float]]]:
    """(sentence, answer, feature values) for every candidate fact of the article."""
    analysis = analyse_article(_ARTICLE)
    table = feature_table(
        analysis.candidates,
        analysis.sentences,
        analysis.title,
        analysis.references.article_sentences,
    )
    return [
        (f.sentence.text, f.text, dict(zip(FEATURES, table[id(f)], strict=True)))
        for f in analysis.candidates
    ]


def _speaker_flag(features, answer: str, sentence_word: str) -> float:
    flags = [v["quote_speaker"] for s, a, v in features if a == answer and sentence_word in s]
    assert flags, f"no fact {answer!r} in a sentence with {sentence_word!r}"
    return flags[0]


def test_who_speaks_a_quotation_is_marked_after_and_before_the_verb(features):
    assert _speaker_flag(features, "Ruth Calder", "passengers") == 1.0  # '"...," said ... Calder'
    assert _speaker_flag(features, "Barker", "waited") == 1.0  # '"...," Mr Barker continued'


def test_a_speaker_of_reported_words_is_not_a_quotation_speaker(features):
    assert _speaker_flag(features, "Tom Hart", "first boat") == 0.0  # no quotation marks
    assert _speaker_flag(features, "Ruth Calder", "cost") == 0.0  # "according to", reported


def test_what_a_quotation_says_is_not_its_speaker(features):
    quoted = [
        v["quote_speaker"] for s, a, v in features if "passengers" in s and a != "Ruth Calder"
    ]
    assert quoted and not any(quoted)


def test_a_date_that_names_a_month_is_marked_and_a_year_alone_is_not():
    analysis = analyse_article(
        "Court rules on cloud storage name\n\n"
        "In July 2013, the High Court of Justice found that Microsoft had infringed the mark.\n"
        "Sky first launched its broadband service in 2006 across Britain.\n"
    )
    table = feature_table(analysis.candidates, analysis.sentences, analysis.title)
    flags = {
        f.text: dict(zip(FEATURES, table[id(f)], strict=True))["names_a_month"]
        for f in analysis.candidates
        if f.kind == "date"
    }
    assert flags.get("July 2013") == 1.0, flags
    assert flags.get("2006") == 0.0, flags
