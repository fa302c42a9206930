import pytest

from quizapp.domain.grading import grade, is_correct


@pytest.mark.parametrize(
    ("given", "expected", "right"),
    [
        ("30000", "US$30,000", True),
        ("30,000", "30000", True),
        ("31000", "US$30,000", False),
        ("ke jie", "Ke Jie", True),
        ("  Ke   Jie! ", "Ke Jie", True),
        ("the Royal Air Force", "Royal Air Force", True),
        ("Segolene", "Ségolène", True),
        ("eleven", "11", True),
        ("12", "eleven", False),
        ("3.3 billion", "$3.3bn", True),
        ("3.4 billion", "$3.3bn", False),
        ("16-18", "16 to 18", True),
        ("16-20", "16 to 18", False),
        ("51.4", "51.4%", True),
        ("51", "51.4%", False),
        ("Standard Charterd", "Standard Chartered", True),
        ("Standard Bank", "Standard Chartered", False),
        ("Lei", "Lee", False),
        ("GPT-4", "GPT-4 Turbo", False),
        ("", "anything", False),
        ("the 14th century", "14th century", True),
        ("fourteenth century", "14th century", True),
        ("15th century", "14th century", False),
        ("twenty-first", "21st", True),
        ("twentieth", "21st", False),
        ("World War II", "World War Two", True),
        ("world war 2", "World War Two", True),
        ("World War One", "World War Two", False),
        ("Apollo XI", "Apollo 11", True),
        ("Apollo 12", "Apollo 11", False),
        ("Malcolm 10", "Malcolm X", False),
        ("Camp Nou", "Nou Camp", True),
        ("Kai-fu Li", "Li Kai-fu", True),
        ("Nou", "Nou Camp", False),
        ("60 kilometres", "60 km", True),
        ("60", "60 km", True),
        ("60 miles", "60 km", False),
        ("15.5 hectares", "15.5 ha", True),
    ],
)
def test_typed_answers(given, expected, right):
    assert is_correct(given, expected) is right


def test_accepted_alternatives_count():
    assert is_correct("Blair", "Tony Blair", accepted=["Blair"])
    assert not is_correct("Brown", "Tony Blair", accepted=["Blair"])


def test_verdict_says_whether_it_was_exact():
    assert grade("Tony Blair", "Tony Blair").exact
    assert not grade("Tony Blaire", "Tony Blair").exact
    assert grade("Tony Blaire", "Tony Blair").correct
