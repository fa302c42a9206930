import pytest

from quizapp.domain.numbers import canonical_number, format_like, parse_quantity, words_to_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$3.3bn", 3.3e9),
        ("1.5 million", 1.5e6),
        ("30,000", 30000),
        ("US$30,000", 30000),
        ("eleven", 11),
        ("two hundred and five", 205),
        ("45%", 45),
        ("six-month", 6),
        ("twenty-five years", 25),
    ],
)
def test_canonical_number(text, value):
    assert canonical_number(text) == pytest.approx(value)


def test_words_that_are_not_numbers():
    assert words_to_number("bank") is None
    assert words_to_number("") is None


@pytest.mark.parametrize(
    ("text", "new_value", "expected"),
    [
        ("$3.3bn", 4.9, "$4.9bn"),
        ("750,000", 375000, "375,000"),
        ("45%", 30, "30%"),
        ("925p", 1000, "1000p"),
        # under one of the original's scale: the scale below, as people write it
        ("$1.2 billion", 0.8, "$800 million"),
        ("$1.13bn", 0.72, "$720m"),
        ("£1.5m", 0.75, "£750,000"),
        ("1.5 million people", 0.8, "800,000 people"),
        ("$1.5 million", 2.5, "$2.5 million"),
        ("$0.5 billion", 0.3, "$0.3 billion"),  # the article's own way
        ("1.25 metres", 0.8, "0.80 metres"),  # no scale word
    ],
)
def test_format_like_keeps_unit_and_format(text, new_value, expected):
    q = parse_quantity(text)
    assert q is not None
    assert format_like(q, new_value) == expected
