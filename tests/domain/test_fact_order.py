import random
from datetime import UTC, datetime

import pytest

from quizapp.domain.fact_order import LastAsked, order_facts

FACTS = [1, 2, 3, 4, 5, 6]


def day(n: int) -> datetime:
    return datetime(2026, 1, n, tzinfo=UTC)


def test_unseen_facts_come_first_then_missed_then_the_longest_unseen():
    asked = {
        1: LastAsked(day(5), True),
        2: LastAsked(day(3), False),
        4: LastAsked(day(2), True),
        5: LastAsked(day(1), False),
    }
    assert order_facts(FACTS, asked, "unseen", random.Random(0)) == [3, 6, 5, 2, 4, 1]


def test_a_learner_never_asked_gets_the_bank_order():
    assert order_facts(FACTS, {}, "unseen", random.Random(0)) == FACTS


def test_best_first_ignores_what_was_asked():
    asked = {1: LastAsked(day(1), True)}
    assert order_facts(FACTS, asked, "best", random.Random(0)) == FACTS


def test_shuffled_is_a_permutation_of_every_fact():
    shuffled = order_facts(FACTS, {}, "shuffled", random.Random(4))
    assert sorted(shuffled) == FACTS and shuffled != FACTS


def test_an_unknown_order_is_refused():
    with pytest.raises(ValueError):
        order_facts(FACTS, {}, "random", random.Random(0))
