import random
from dataclasses import dataclass, field

from quizapp.domain.quiz import Score, is_right, plan_quiz


@dataclass
class Q:
    id: int
    type: str
    answer: str
    choices: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)


BANK = [
    Q(1, "multiple_choice", "$420m", ["$420m", "$210m", "$630m", "$840m"]),
    Q(2, "cloze", "Maria Lindqvist", accepted=["Lindqvist"]),
    Q(3, "true_false", "False", ["True", "False"]),
    Q(4, "short_answer", "1,200"),
    Q(5, "multiple_choice", "2017", ["2017", "2016", "2018", "2019"]),
]


def test_best_first_keeps_bank_order_and_count():
    plan = plan_quiz(
        BANK,
        count=3,
        types=["multiple_choice", "cloze", "true_false", "short_answer"],
        order="best",
        rng=random.Random(1),
    )
    assert plan.question_ids == [1, 2, 3]


def test_types_filter_and_all():
    plan = plan_quiz(
        BANK, count=None, types=["multiple_choice"], order="best", rng=random.Random(1)
    )
    assert plan.question_ids == [1, 5]


def test_shuffled_order_is_a_permutation_and_choices_are_shuffled_per_attempt():
    orders = set()
    for seed in range(10):
        plan = plan_quiz(
            BANK,
            count=None,
            types=["multiple_choice", "cloze", "true_false", "short_answer"],
            order="shuffled",
            rng=random.Random(seed),
        )
        assert sorted(plan.question_ids) == [1, 2, 3, 4, 5]
        assert sorted(plan.choice_order["1"]) == sorted(BANK[0].choices)
        orders.add(tuple(plan.choice_order["1"]))
    assert len(orders) > 1
    assert plan.choice_order["3"] == ["True", "False"]


def test_choice_answers_must_match_exactly_and_typed_ones_are_forgiven():
    assert is_right(BANK[0], "$420m")
    assert not is_right(BANK[0], "$210m")
    assert is_right(BANK[1], "maria lindqvist")
    assert is_right(BANK[1], "Lindqvist")
    assert is_right(BANK[3], "1200")
    assert not is_right(BANK[3], "1300")
    assert is_right(BANK[2], "False") and not is_right(BANK[2], "True")


def test_score_percent():
    assert Score(7, 10).percent == 70
    assert Score(0, 0).percent == 0
    assert Score(2, 3).percent == 67
