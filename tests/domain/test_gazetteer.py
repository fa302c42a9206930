from quizapp.domain import gazetteer as gz


def test_the_countries_near_one_are_its_neighbours_of_some_standing():
    near = gz.countries_near("Japan")
    assert {"South Korea", "China"} <= set(near[:5])
    assert "Bangladesh" not in near  # populous, but no reader takes it for Japan


def test_a_tiny_territory_is_no_rival_for_a_large_country():
    near = set(gz.countries_near("France"))
    assert {"Belgium", "Germany", "Spain"} <= near
    assert not {"Gibraltar", "Faroe Islands", "Monaco", "Jersey"} & near


def test_the_uk_nations_are_each_others_nearest():
    assert gz.countries_near("England")[:3] == ("Scotland", "Wales", "Northern Ireland")
    assert "England" not in gz.countries_near("England")


def test_a_place_the_gazetteer_does_not_know_gets_the_largest_countries():
    near = gz.countries_near("Atlantis")
    assert "China" in near and "India" in near


def test_the_countries_named_with_the_nearest_a_place_come_first():
    # by population alone a North Atlantic territory got Africa and the Pacific beside it
    near = gz.countries_with_the("Faroe Islands")
    assert {"United Kingdom", "Netherlands"} <= set(near[:3])
    assert "Faroe Islands" not in near
    assert near.index("United Kingdom") < near.index("Central African Republic")
    assert gz.countries_with_the("United States")[0] != "United States"


def test_a_country_geonames_writes_with_the_is_found_without_it():
    assert gz.country_code("Netherlands") == gz.country_code("the Netherlands") == "NL"


def test_two_parts_of_one_city_are_one_place_and_two_cities_are_not():
    assert gz.same_place("Manhattan", "New York City")
    assert gz.same_place("Islington", "London")
    assert not gz.same_place("Coventry", "London")
    assert not gz.same_place("Atlantis", "London")  # not on the map: no claim


def test_a_countrys_other_names():
    assert "UK" in gz.country_names("Britain") and "United Kingdom" in gz.country_names("UK")
    assert "US" in gz.country_names("the United States")
    assert gz.country_names("England") == () and gz.country_names("Leeds") == ()
