from quizapp.domain.facts import extract_facts
from quizapp.domain.roles import craft_of, institution_noun, profiles, similarity
from quizapp.domain.text import split_sentences


def profile_of(text: str, name: str):
    facts = extract_facts(split_sentences(text))
    table = profiles(facts)
    return table[next(f.key for f in facts if f.text == name)]


TEXT = (
    "US aircraft firm Boeing unveiled a plane. Airbus, the European planemaker, did not. "
    "HSBC, the bank, lent money. Striker Tom Hart scored. Goalkeeper Ben Lund saved a shot."
)


def test_the_words_around_a_name_say_what_it_is():
    assert "company" in profile_of(TEXT, "Boeing").sorts
    assert "company" in profile_of(TEXT, "Airbus").sorts
    assert "finance" in profile_of(TEXT, "HSBC").sorts
    assert "sport" in profile_of(TEXT, "Tom Hart").sorts


def test_names_of_one_sort_stand_for_each_other_and_of_two_sorts_do_not():
    boeing, airbus, hsbc = (profile_of(TEXT, n) for n in ("Boeing", "Airbus", "HSBC"))
    assert similarity(boeing, airbus) > 0
    assert similarity(boeing, hsbc) == float("-inf")


def test_a_craft_tells_trades_of_one_sort_apart():
    assert craft_of("Novelist") == craft_of("author") == "writing"
    assert craft_of("actor") == "acting" and craft_of("referee") != craft_of("striker")
    assert craft_of("minister") is None


def test_an_outlet_is_an_institution_and_the_people_writing_for_it_are_not():
    assert institution_noun("Newspaper") and institution_noun("institute")
    assert not institution_noun("editor") and not institution_noun("Correspondent")


def test_the_words_before_of_describe_the_head_not_the_name_after_it():
    # "The chief executive of Boeing": Boeing is no chief executive (nor is HIV a
    # charity in "The charity's head of HIV/Aids")
    profile = profile_of("The chief executive of Boeing, Tom Hart, said it would fly.", "Boeing")
    assert not profile.words and not profile.sorts
