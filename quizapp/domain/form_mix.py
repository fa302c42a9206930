"""Which form (question type) each fact of a quiz is asked in: the types the learner
ticked, in proportion, as far as the facts have them."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Sequence
from typing import Protocol, TypeVar


class Form(Protocol):
    id: int
    type: str


F = TypeVar("F", bound=Form)


def pick_forms(
    facts: Sequence[Sequence[F]], types: Sequence[str], avoid: Collection[int] = ()
) -> list[F]:
    """One question for each fact (its forms in bank order), the ticked types in turn
    as far as the facts have them. A type that too few of the facts have for its share
    (short answers are rare) is asked of the facts that have it, the rarest first where
    a fact has several; each other fact gets
    the type asked least so far among those it has, ties going to the earlier type in
    `types`. A question in `avoid` (one just missed) is asked only when the fact has no
    other form. A fact with no form of the ticked types is left out."""
    options = []
    for forms in facts:
        ticked = [q for q in forms if q.type in types]
        options.append([q for q in ticked if q.id not in avoid] or ticked)
    share = math.ceil(sum(1 for o in options if o) / len(types)) if types else 0
    offered = Counter(t for o in options for t in {q.type for q in o})
    scarce = {t for t in types if offered[t] <= share}
    asked: Counter[str] = Counter()
    picked: dict[int, F] = {}
    for i, forms in enumerate(options):
        rare = [q for q in forms if q.type in scarce]
        if rare:
            picked[i] = min(
                rare, key=lambda q: (asked[q.type], offered[q.type], types.index(q.type))
            )
            asked[picked[i].type] += 1
    for i, forms in enumerate(options):
        if forms and i not in picked:
            picked[i] = min(forms, key=lambda q: (asked[q.type], types.index(q.type)))
            asked[picked[i].type] += 1
    return [picked[i] for i in sorted(picked)]
