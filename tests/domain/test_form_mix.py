from collections import Counter
from dataclasses import dataclass

from quizapp.domain.form_mix import pick_forms

TYPES = ["multiple_choice", "true_false", "cloze", "short_answer"]


@dataclass
class Form:
    id: int
    type: str


def fact(first_id: int, *types: str) -> list[Form]:
    return [Form(first_id + i, t) for i, t in enumerate(types)]


def test_each_fact_gets_one_form_and_the_types_come_in_turn():
    facts = [fact(10 * n, *TYPES) for n in range(8)]
    picked = pick_forms(facts, TYPES)
    assert [f.type for f in picked] == TYPES + TYPES


def test_the_types_stay_in_proportion_when_facts_lack_some():
    facts = [fact(10 * n, "multiple_choice", "cloze") for n in range(4)]
    facts += [fact(100 + 10 * n, *TYPES) for n in range(4)]
    counts = Counter(f.type for f in pick_forms(facts, TYPES))
    assert counts == dict.fromkeys(TYPES, 2)


def test_only_ticked_types_and_facts_without_them_are_left_out():
    facts = [fact(0, "true_false"), fact(10, "true_false", "cloze")]
    assert [f.id for f in pick_forms(facts, ["cloze"])] == [11]


def test_an_avoided_form_is_asked_only_when_the_fact_has_no_other():
    assert [f.id for f in pick_forms([fact(0, "cloze", "short_answer")], TYPES, {0})] == [1]
    assert [f.id for f in pick_forms([fact(10, "cloze")], TYPES, {10})] == [10]


def test_a_type_few_facts_have_is_asked_of_those_that_have_it():
    facts = [fact(10 * n, "multiple_choice", "true_false", "cloze") for n in range(9)]
    facts.insert(6, fact(100, "multiple_choice", "true_false", "cloze", "short_answer"))
    picked = pick_forms(facts, TYPES)
    assert picked[6].type == "short_answer"
    assert Counter(f.type for f in picked) == {
        "multiple_choice": 3,
        "true_false": 3,
        "cloze": 3,
        "short_answer": 1,
    }
