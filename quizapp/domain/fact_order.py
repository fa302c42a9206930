"""The order in which a quiz draws a bank's facts, so that quizzes move through the
whole bank instead of asking its top ten again and again."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

# "unseen" first: facts this learner has not been asked, then the ones they missed last
# time, then the rest, longest unseen first (as Quizlet's Learn moves through every term)
ORDERS = ("unseen", "best", "shuffled")


@dataclass(frozen=True, slots=True)
class LastAsked:
    """A learner's last answer to a question of one fact."""

    at: datetime
    right: bool


def order_facts(
    fact_ids: Sequence[int],
    asked: Mapping[int, LastAsked],
    order: str,
    rng: random.Random,
) -> list[int]:
    """`fact_ids` in bank order (best first), put in the quiz's `order`."""
    if order == "best":
        return list(fact_ids)
    if order == "shuffled":
        shuffled = list(fact_ids)
        rng.shuffle(shuffled)
        return shuffled
    if order != "unseen":
        raise ValueError(f"unknown order {order!r}; choose from {', '.join(ORDERS)}")
    unseen = [f for f in fact_ids if f not in asked]
    # sorted() keeps bank order among facts last asked at the same moment (one quiz)
    missed = sorted((f for f in fact_ids if f in asked and not asked[f].right), key=_when(asked))
    known = sorted((f for f in fact_ids if f in asked and asked[f].right), key=_when(asked))
    return unseen + missed + known


def _when(asked: Mapping[int, LastAsked]):  # type: ignore[no-untyped-def]
    return lambda fact_id: asked[fact_id].at
