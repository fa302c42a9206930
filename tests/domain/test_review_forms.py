from dataclasses import dataclass

from quizapp.domain.review_forms import form_for_review


@dataclass
class Form:
    type: str


MC, CLOZE, TF, SHORT = (
    Form("multiple_choice"),
    Form("cloze"),
    Form("true_false"),
    Form("short_answer"),
)


def test_a_review_asks_for_recall_where_the_fact_has_a_recall_form():
    assert form_for_review([MC, CLOZE, TF], 0) is CLOZE
    assert form_for_review([MC, TF, SHORT], 5) is SHORT


def test_the_form_changes_from_one_day_of_reviews_to_the_next():
    shown = [form_for_review([MC, CLOZE, TF, SHORT], n) for n in range(4)]
    assert shown == [CLOZE, SHORT, CLOZE, SHORT]


def test_a_fact_with_only_recognition_forms_is_shown_in_each_in_turn():
    assert [form_for_review([MC, TF], n) for n in range(3)] == [MC, TF, MC]


def test_a_fact_without_forms_has_nothing_to_show():
    assert form_for_review([], 3) is None
