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
    ],
)
def test_format_like_keeps_unit_and_format(text, new_value, expected):
    q = parse_quantity(text)
    assert q is not None
    assert format_like(q, new_value) == expected
