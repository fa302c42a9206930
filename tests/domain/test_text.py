from quizapp.domain.text import (
    clean_article,
    normalise,
    publishers,
    split_sentences,
    split_title,
    word_occurrences,
)


def test_normalise_straightens_quotes_and_collapses_spaces():
    assert normalise("\u201cHi\u201d  it\u2019s\u00a0me") == '"Hi" it\'s me'


def test_normalise_joins_wrapped_lines_but_keeps_paragraphs():
    assert normalise("one\ntwo\n\n\nthree") == "one two\n\nthree"


def test_clean_article_drops_boilerplate_paragraphs():
    raw = (
        "The council approved the budget on Monday.\n\n"
        "Copyright (c) 2023 Example News Ltd. All rights reserved.\n\n"
        "Click here to subscribe to our newsletter.\n\n"
        "Workers on site in May. Photo: Reuters alt=Workers on site\n\n"
        "The vote was 7 to 2."
    )
    assert clean_article(raw) == (
        "The council approved the budget on Monday.\n\nThe vote was 7 to 2."
    )


def test_clean_article_strips_scraped_date_prefix():
    assert clean_article(" date 2023-12-09 At a meeting, he spoke.") == "At a meeting, he spoke."


def test_split_title_takes_a_short_unpunctuated_first_line():
    title, body = split_title("Bank seals deal\n\nThe bank said it would pay $3bn.")
    assert title == "Bank seals deal"
    assert body == "The bank said it would pay $3bn."


def test_split_title_leaves_a_sentence_alone():
    text = "The bank said it would pay $3bn.\n\nIt was late."
    assert split_title(text) == (None, text)


def test_sentences_are_exact_slices_with_offsets():
    text = "Mr. Smith met Dr. J. K. Jones in the U.S. on Monday. They talked.\n\nNew para here."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Mr. Smith met Dr. J. K. Jones in the U.S. on Monday.",
        "They talked.",
        "New para here.",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_quote_attribution_stays_with_its_quote():
    text = '"We are comfortable with the price," said the chief executive. Shares fell.'
    assert [s.text for s in split_sentences(text)] == [
        '"We are comfortable with the price," said the chief executive.',
        "Shares fell.",
    ]


def test_decimal_numbers_and_lowercase_continuations_do_not_split():
    text = "Growth was 4.5% in 2004... and may slow. Prices rose."
    assert len(split_sentences(text)) == 2


def test_page_references_after_a_full_stop_stay_with_their_sentence():
    text = "It ended in 1990.:121 Then he left. The score was 3:1. Next day."
    assert [s.text for s in split_sentences(text)] == [
        "It ended in 1990.:121",
        "Then he left.",
        "The score was 3:1.",
        "Next day.",
    ]


def test_normalise_makes_one_dash_of_a_typewriters_two_or_three():
    assert (
        normalise("its packet IDs---the virtual circuit") == "its packet IDs — the virtual circuit"
    )
    assert normalise("the price -- he said -- rose") == "the price — he said — rose"
    assert normalise("a well-known 3-1 win") == "a well-known 3-1 win"


def test_a_hyphenated_word_holds_no_whole_word_when_hyphens_join():
    assert word_occurrences("all H100-based shipments", "H100") == 1
    assert word_occurrences("all H100-based shipments", "H100", hyphen_joins=True) == 0
    assert word_occurrences("all H100 shipments", "H100", hyphen_joins=True) == 1


def test_a_lower_case_letter_before_a_full_stop_ends_the_sentence():
    text = "The membranes hold pigments, including chlorophyll a. Phycobilins are common too."
    assert len(split_sentences(text)) == 2
    assert len(split_sentences("The hall was built c. 1850 for the case of Smith v. Jones.")) == 1


def test_the_credit_line_names_the_publisher():
    raw = (
        "Ferries\n\nThe harbour board bought two ferries.\n\n"
        "This article originally appeared on the Northern Coast Herald (NCH), a paper "
        "read across the region.\n\nCopyright (c) 2023. All rights reserved."
    )
    assert publishers(raw) == {"Northern Coast Herald", "NCH"}
    assert publishers("Ferries\n\nThe harbour board bought two ferries.") == frozenset()
