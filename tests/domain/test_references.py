import pytest

from quizapp.domain.facts import extract_facts
from quizapp.domain.references import References
from quizapp.domain.text import clean_article, split_sentences, split_title


def resolved(text: str) -> list[str]:
    """Each sentence with its pointing words replaced, or 'REFUSED: why'."""
    title, body = split_title(clean_article(text))
    sentences = split_sentences(body)
    refs = References(sentences, extract_facts(sentences), title=title or "")
    out = []
    for s in sentences:
        r = refs.resolve(s)
        if not r.ok:
            out.append("REFUSED: " + r.refused)
            continue
        line = s.text
        for e in sorted(r.edits, key=lambda e: -e.start):
            line = line[: e.start] + e.text + line[e.end :]
        out.append(f"{r.lead_in} {line}" if r.lead_in else line)
    return out


def test_he_and_she_are_the_person_the_passage_is_about():
    out = resolved(
        "Dame Ann Vale, who has died aged 90, was a dancer. She was born in Leeds in 1910. "
        "Her father was a miner. She met the director Tom Hart in 1930."
    )
    assert out[1] == "Ann Vale was born in Leeds in 1910." or out[1].startswith("Dame Ann Vale")
    assert out[2].endswith("'s father was a miner.")
    assert "Vale met the director Tom Hart" in out[3]


def test_gender_keeps_two_people_apart():
    out = resolved(
        "Novelist Arthur Penrose met singer Mary Hale in 1950. She recorded his songs in Rome."
    )
    assert out[1].startswith("Mary Hale recorded")


def test_a_pronoun_that_could_be_either_of_two_people_is_refused():
    out = resolved(
        "The deal between Tom Hart and John Vale was signed in Paris. He said it was done."
    )
    assert out[1].startswith("REFUSED")


def test_a_pronoun_subject_goes_on_with_the_subject_before():
    out = resolved("Tom Hart met John Vale in Paris. He said the deal was done.")
    assert out[1] == "Tom Hart said the deal was done."


def test_a_name_earlier_in_the_sentence_needs_no_help():
    out = resolved("Tom Hart left Paris. Mary Hale said her company had grown.")
    assert out[1] == "Mary Hale said her company had grown."


def test_the_company_is_the_organisation_named_before():
    out = resolved(
        "Aircraft maker Boeing unveiled a new plane in Seattle on Monday. "
        "The company expects to sell 500 planes over 20 years."
    )
    assert out[1] == "Boeing expects to sell 500 planes over 20 years."


def test_a_bare_definite_noun_that_is_no_organisation_is_refused():
    out = resolved("Boeing unveiled a new plane in Seattle. The device will be exported.")
    assert out[1].startswith("REFUSED")


def test_demonstratives_point_back_but_times_do_not():
    out = resolved(
        "Boeing won orders from three airlines in May. "
        "These orders should lift profits by 5%. "
        "Boeing expects more orders this year."
    )
    # the orders the sentence before tells of: asked with it before
    assert out[1] == "Boeing won orders from three airlines in May. " + (
        "These orders should lift profits by 5%."
    )
    assert out[2] == "Boeing expects more orders this year."


def test_a_quotation_over_several_sentences_is_said_by_its_speaker():
    out = resolved(
        '"We have won the cup," said coach Tom Hart. "I am very proud. '
        'It was a great day." Nobody expected the club to win it.'
    )
    assert out[0].startswith('"We have won the cup,"')
    assert out[1] == 'Tom Hart said: "I am very proud.'
    assert out[2] == 'Tom Hart said: "It was a great day."'


def test_quoted_words_whose_speaker_no_sentence_names_are_refused():
    out = resolved('The club won the cup in May. "I am very proud of the team and the fans."')
    assert out[1].startswith("REFUSED")


def test_an_expletive_it_needs_no_referent():
    out = resolved("Boeing sold 500 planes. It is expected that sales will rise in 2006.")
    assert out[1] == "It is expected that sales will rise in 2006."
    out = resolved(
        "The naturalist Tom Hart lectured at Vale College in 1846. When it came to "
        "explaining fossils, Hart trusted his eyes."
    )
    assert out[1].startswith("When it came to explaining fossils")


def test_the_club_inside_a_sentence_is_the_club_named_before():
    out = resolved(
        "Football club Chelsea won the league in May. "
        "The Russian billionaire Roman Abramovich bought the club in 2003."
    )
    assert out[1] == "The Russian billionaire Roman Abramovich bought Chelsea in 2003."


def test_other_at_the_start_compares_with_what_came_before():
    out = resolved("Tom Hart scored twice in the final. Other players scored once in May.")
    assert out[1].startswith("REFUSED")


def test_an_office_is_held_only_by_the_person_given_that_title():
    out = resolved(
        "Foreign Secretary Jack Straw announced the closures on Wednesday. "
        "The chancellor has demanded that all departments make similar savings."
    )
    assert out[1].startswith("REFUSED")  # not "Jack Straw has demanded ..."


def test_that_after_a_preposition_points_back():
    out = resolved("The lira was relaunched in 2005. From that point, the new coin was used.")
    assert out[1].startswith("REFUSED")


def test_such_a_thing_points_back_wherever_it_stands():
    out = resolved(
        "Scientists hope to find an HIV vaccine by 2012. "
        "Doubling the money spent yearly on finding such a vaccine could save lives."
    )
    # not asked alone; the sentence before, which names a vaccine, is shown first
    assert out[1] == (
        "Scientists hope to find an HIV vaccine by 2012. "
        "Doubling the money spent yearly on finding such a vaccine could save lives."
    )
    alone = resolved(
        "Scientists met in Geneva in May 2012. "
        "Doubling the money spent yearly on finding such a vaccine could save lives."
    )
    assert alone[1].startswith("REFUSED")


def test_a_nationality_before_the_noun_still_points_back_unless_it_says_which():
    out = resolved(
        "Aircraft maker Boeing unveiled a new plane in Seattle on Monday. "
        "The American company expects to sell 500 planes over 20 years. "
        "The French star Paul Vale scored twice in Lyon on Sunday. "
        "The Chinese economy grew by 5% in the same year, official figures showed. "
        "The French president met the Chinese leader in Paris in May."
    )
    assert out[1] == "Boeing expects to sell 500 planes over 20 years."
    assert not out[2].startswith("REFUSED")  # the sentence names its star
    assert out[3].startswith("The Chinese economy grew")
    assert out[4].startswith("The French president met")


def test_a_nationality_and_a_role_with_no_one_of_that_sort_before_is_refused():
    out = resolved(
        "Boeing unveiled a new plane in Seattle on Monday. "
        "The French star scored twice in Lyon on Sunday."
    )
    assert out[1].startswith("REFUSED")


def test_a_loose_description_goes_to_the_person_the_passage_is_about():
    out = resolved(
        "Chelsea captain Paul Vale will leave Chelsea in May, Chelsea said on Monday. "
        "Vale joined Chelsea from Lyon in 1998 and won the FA Cup twice. "
        "The French star scored 20 goals in six seasons at Stamford Bridge."
    )
    assert out[2].startswith("Paul Vale scored") or out[2].startswith("Vale scored")


def test_a_quoted_paragraph_goes_on_with_the_one_who_spoke_just_before():
    out = resolved(
        "Tom Hart wants the laptops to sell widely but conceded this was ambitious.\n\n"
        '"We are not talking about years, we are talking about months."\n\n'
        "Mary Hale runs the company's factory in Leeds.\n\n"
        '"We will make one million of them in May."'
    )
    assert out[1] == 'Tom Hart said: "We are not talking about years, we are talking about months."'
    assert out[3].startswith("REFUSED")  # she is named, but nothing says she spoke


def test_a_pronoun_object_is_never_its_own_verbs_subject():
    out = resolved(
        "Boeing built a new plant in Seattle in 2004. Airbus bought it in 2009 for $3bn. "
        "Sony sold the PSP in Japan, and Sony later sold it in Europe for $250."
    )
    # not "Airbus bought Airbus": the plant, which the sentence before says
    assert (
        out[1] == "Boeing built a new plant in Seattle in 2004. Airbus bought it in 2009 for $3bn."
    )
    assert not out[2].startswith("REFUSED")  # the PSP, named in the sentence
    possessive = resolved("Boeing unveiled the 777 in May. Boeing raised its prices in June.")
    assert possessive[1] == "Boeing raised its prices in June."


def test_a_pronoun_that_opens_a_clause_of_its_own_may_be_the_subject_before():
    out = resolved(
        "Boeing unveiled the 777 in May. Boeing said it expected to sell 500 planes by 2020."
    )
    assert out[1] == "Boeing said it expected to sell 500 planes by 2020."


def test_a_sentence_pointing_back_is_led_in_by_the_sentence_it_points_to():
    out = resolved(
        "Turkey will knock six zeros off its currency on Saturday to help trade. "
        "The currency will be known as the new lira from 1 January. "
        "Tom Hart and John Vale met the minister in Ankara on Monday. "
        "He said the change was overdue. "
        "Prices rose by 5% in May in the capital, Ankara. "
        "The measure was welcomed by the business community in Istanbul."
    )
    assert out[1] == (
        "Turkey will knock six zeros off its currency on Saturday to help trade. "
        "The currency will be known as the new lira from 1 January."
    )
    assert out[3].startswith("REFUSED")  # he: Hart or Vale, whatever comes before
    assert out[5].startswith("REFUSED")  # nothing before is called a measure


LEAD = "The city council will close four libraries to save money, its leader said on Monday. "


def test_the_same_noun_a_few_sentences_back_leads_in():
    out = resolved(
        "Turkey will relaunch its currency on Saturday to help trade. "
        "Prices have risen by 5% this year in the capital, Ankara. "
        "Inflation has been tamed since 2001, the central bank says. "
        "The currency will be called the new lira from 1 January."
    )
    assert out[3] == (
        "Turkey will relaunch its currency on Saturday to help trade. "
        "The currency will be called the new lira from 1 January."
    )


def test_an_action_noun_in_a_news_story_means_the_event_its_lead_tells():
    out = resolved(
        LEAD + "Libraries in Leeds and York are among those affected. "
        "Staff at the branches will be offered posts elsewhere in the region. "
        "The shake-up is expected to save £2m a year, according to the council."
    )
    assert out[3] == LEAD + "The shake-up is expected to save £2m a year, according to the council."


def test_an_encyclopaedia_lead_tells_no_event_for_an_action_noun_to_mean():
    out = resolved(
        "Leeds is a city in West Yorkshire in the north of England. "
        "Its population was about 800,000 in 2021, the census found. "
        "Trams ran in the city centre from 1891 to 1959. "
        "The move was opposed by many of its residents at the time."
    )
    assert out[3].startswith("REFUSED")


def test_a_noun_said_before_only_in_the_plural_does_not_say_which_one():
    out = resolved(
        "Decisions are made by the Leeds council at its meetings each month. "
        "The council met in the town hall in May with 40 members present. "
        "Prices for parking rose by 5% across the city in the same month. "
        "The decision was criticised by local traders in the city centre."
    )
    assert out[3].startswith("REFUSED")


def test_the_thing_an_article_is_about_is_not_led_in_by_its_first_mention():
    # in an article about the Rhine, "the river" may mean any river a passage is about;
    # the title says it is the topic, so no one earlier sentence tells which
    out = resolved(
        "Rivers of Europe\n\n"
        "Many rivers cross Europe, and the longest river rises in Russia. "
        "Boats carried coal along the Rhine to Rotterdam from 1850. "
        "Dams were built on the Danube in the 1970s by Austria. "
        "Floods hit the Elbe in 2002 and in 2013, the city of Dresden said. "
        "The river was closed to shipping for two weeks in June."
    )
    assert out[4].startswith("REFUSED")


def test_it_after_a_sentence_naming_two_things_is_led_in_not_guessed():
    out = resolved(
        "Hailey wrote the screenplay Flight into Danger in 1955. "
        "The Canadian Broadcasting Corporation bought Flight into Danger for $600 in 1956. "
        "It was later spoofed in the 1980 comedy Airplane!, starring Leslie Nielsen."
    )
    assert "Corporation was later spoofed" not in out[2]
    assert out[2] == (
        "The Canadian Broadcasting Corporation bought Flight into Danger for $600 in 1956. "
        "It was later spoofed in the 1980 comedy Airplane!, starring Leslie Nielsen."
    )


def test_a_price_before_the_noun_still_points_back():
    out = resolved(
        "The league chose Santa Clara for the final in May. "
        "The $1.2 billion stadium opened in 2014 after two years of work."
    )
    assert out[1].startswith("REFUSED")  # no stadium before: which one is not said


def test_a_name_the_tagger_cut_before_the_verb_is_still_not_its_object():
    out = resolved(
        "The network layer routes packets between hosts in May. "
        "But X.25 does it at the network layer of the OSI Model."
    )
    assert out[1] != "But X.25 does it at the network layer of the OSI Model."


def test_an_epithet_is_never_its_own_clauses_subject():
    out = resolved(
        "The field is still led by American companies in 2023. "
        "OpenAI has subsequently released GPT-4 Turbo and the American giant. "
        "OpenAI signed a deal with Microsoft, the American giant, in May."
    )
    assert out[1].startswith("REFUSED")  # OpenAI did not release itself
    assert not out[2].startswith("REFUSED")  # an apposition says which


def test_the_organisation_is_not_the_organisation_its_sentence_names_after_it():
    out = resolved(
        "The Harbour Trust of Leith counts 400 boats in the port. "
        "The organisation must answer to the Ministry of Transport every year."
    )
    assert out[1] == (
        "The Harbour Trust of Leith must answer to the Ministry of Transport every year."
    )


def test_what_a_pronoun_subject_is_compared_with_is_not_what_it_means():
    out = resolved(
        "Moths came from caddisflies about 200 million years ago. "
        "Like the caddisflies, they have scales on their wings."
    )
    # not "the caddisflies have scales": the sentence before is shown first instead
    assert out[1] == (
        "Moths came from caddisflies about 200 million years ago. "
        "Like the caddisflies, they have scales on their wings."
    )


def test_a_possessive_that_may_point_ahead_to_a_name_after_it_is_not_guessed():
    out = resolved(
        "The current chair of the council is Tom Hart. "
        "In 2015 the council was led by his deputy John Vale after the resignation of "
        "Peter Moss. "
        "Tom Hart said his council had grown."
    )
    assert "Hart's deputy" not in out[1]
    assert out[2] == "Tom Hart said his council had grown."


def test_a_manner_the_sentences_before_described_points_back_wherever_it_stands():
    out = resolved(
        "Most power stations boil water to drive turbines in Texas. "
        "In Norway 90% of the electric power is made in this way from many fuels."
    )
    assert out[1] != "In Norway 90% of the electric power is made in this way from many fuels."


def test_it_never_means_what_its_clause_is_added_to_nor_a_time():
    out = resolved(
        "Moonraker was first filmed by a small studio in Leeds. "
        "In addition to the 1970 film, it was also adapted for radio in 1958. "
        "The town grew fast after the war. "
        "Largely built in the 1950s, it now has a large golf club."
    )
    assert out[1] != "In addition to the 1970 film, it was also adapted for radio in 1958."
    assert out[3] != "Largely built in the 1950s, it now has a large golf club."


def test_the_programme_inside_a_sentence_points_back_unless_the_sentence_says_which():
    out = resolved(
        "Scotland will spend more on reading lessons for adults from May. "
        "Some £3.7bn will be spent on implementing the programme by 2006. "
        "Boeing announced a new plan on Monday and said the plan would cut costs. "
        "Tom Hart said the change to the new lira was overdue."
    )
    assert out[1].startswith("REFUSED")  # which programme, no sentence said
    assert out[2].startswith("Boeing announced")
    assert out[3].startswith("Tom Hart said")


def test_there_is_led_in_by_the_sentence_naming_the_place():
    out = resolved(
        "Weavers from Flanders came to the valley of Ardenne in 1680. "
        "In 1685, the weaver Tom Hart was among the first to settle there."
    )
    assert out[1].startswith("Weavers from Flanders came")
    assert out[1].endswith("to settle there.")


def test_there_with_no_place_before_is_refused_but_there_were_is_not():
    out = resolved(
        "The weavers worked long hours for little pay. "
        "In 1685, the weaver Tom Hart was among the first to settle there. "
        "There were 40 weavers in Ghent by 1700."
    )
    assert out[1] == "REFUSED: 'there' refers to a place named before"
    assert out[2] == "There were 40 weavers in Ghent by 1700."


def test_this_and_a_noun_point_back_wherever_they_stand():
    out = resolved(
        "The weavers worked long hours for little pay. "
        "Analysts are divided over which mill will win this latest tussle in the town. "
        "Tom Hart opened a mill this year in Ghent."
    )
    assert out[1] == "REFUSED: 'this latest' points back"
    assert out[2] == "Tom Hart opened a mill this year in Ghent."  # a time says when


@pytest.mark.parametrize(
    "sentence",
    [
        "It has widely been assumed that sales will rise in 2006.",
        "It is incumbent upon the board to cut costs in 2006.",
        "With bigger planes it became possible to fly from Seattle to Sydney.",
        "It takes several years for a new plane to pay back its costs.",
    ],
)
def test_an_extraposed_clause_leaves_it_without_a_referent(sentence):
    out = resolved(f"Boeing sold 500 planes. {sentence}")
    assert out[1] == sentence


def test_a_passive_with_an_adverb_still_means_a_thing():
    out = resolved(
        "The 777 is a long-range jet. It is usually flown on routes that cross the Pacific."
    )
    assert out[1] == (
        "The 777 is a long-range jet. It is usually flown on routes that cross the Pacific."
    )


def test_a_plural_noun_before_it_is_no_antecedent():
    out = resolved(
        "A new gallery will open in Dundee in 2018. "
        "With costs estimated at £76 million, it is the most expensive gallery in Scotland."
    )
    # "it" is the gallery the sentence before tells of, not the costs nor the £76 million
    assert out[1] == (
        "A new gallery will open in Dundee in 2018. "
        "With costs estimated at £76 million, it is the most expensive gallery in Scotland."
    )


def test_what_followed_is_shown_after_what_it_followed():
    out = resolved(
        "Tom Hart opened the first mill in Leeds in 1850. "
        "The Vale Mill and the Dunn Mill followed, both making wool."
    )
    assert out[1] == (
        "Tom Hart opened the first mill in Leeds in 1850. "
        "The Vale Mill and the Dunn Mill followed, both making wool."
    )


def test_what_followed_stays_asked_when_the_sentence_before_cannot_be_shown():
    out = resolved(
        'Tom Hart said: "We opened the first mill in Leeds in 1850." '
        "The Vale Mill and the Dunn Mill followed, both making wool."
    )
    assert out[-1] == "The Vale Mill and the Dunn Mill followed, both making wool."


def test_a_demonstrative_before_a_quoted_noun_still_points_back():
    out = resolved(
        "The weavers and the mill owners agreed to share the cost of the new looms. "
        'This "weavers\' pact" between Hart and the owners broke down in 1702. '
        'Tom Hart called the looms "the future of Ghent".'
    )
    assert out[1] == "REFUSED: 'This weavers' points back"
    assert out[2] == 'Tom Hart called the looms "the future of Ghent".'


def test_it_in_a_passive_with_its_purpose_means_a_thing():
    out = resolved(
        "The weavers worked long hours for little pay. "
        "It was employed for spinning wool at mills in Ghent by 1300. "
        "It is expected that the mill will close in Ghent."
    )
    assert out[1] == "REFUSED: 'It' refers to nobody named before"
    assert out[2] == "It is expected that the mill will close in Ghent."  # no referent needed


def test_one_of_its_is_no_antecedent_for_its():
    out = resolved(
        "The weavers worked long hours for little pay. "
        "One of its earliest mills was in the town of Ghent in 1300."
    )
    assert out[1] == "REFUSED: 'its' refers to nobody named before"


def test_a_sequel_needs_what_it_follows():
    out = resolved(
        "Tom Hart wrote the novel Harbour in 1968. "
        "In a sign of the popularity of the genre - three sequels followed. "
        "A sequel to Harbour appeared in 1975. Hart's successor was Ann Vale."
    )
    assert out[1] == "REFUSED: 'sequels' points back"
    assert out[2] == "A sequel to Harbour appeared in 1975."
    assert out[3] == "Hart's successor was Ann Vale."


def test_a_plain_the_for_a_name_just_given_puts_the_name_in():
    out = resolved(
        "The Ocean Vista Tract was laid out north of the railway in 1905. "
        "In 1914 the builders Hart and Vale acquired the tract and sold the lots."
    )
    assert (
        out[1]
        == "In 1914 the builders Hart and Vale acquired the Ocean Vista Tract and sold the lots."
    )


def test_a_plain_the_for_a_thing_just_introduced_points_back():
    out = resolved(
        "Inspectors published a report on colleges in Leeds on Monday. "
        "According to the report, half of the courses were taught by volunteers. "
        "The weather in Leeds was wet and cold all week in May. "
        "Tom Hart said the report was late."
    )
    # led in by the sentence that says which report
    assert out[1] == (
        "Inspectors published a report on colleges in Leeds on Monday. "
        "According to the report, half of the courses were taught by volunteers."
    )
    assert out[3] == "Tom Hart said the report was late."  # further on: left as it stands


def test_a_definite_that_says_which_or_was_never_introduced_stands():
    out = resolved(
        "Inspectors published a report on colleges in Leeds on Monday. "
        "The report of the panel on teachers in Leeds was published in June. "
        "Tom Hart said a new plan would replace the plan of 2001 in June. "
        "Ann Vale said the weather in Leeds was the worst for years."
    )
    assert out[1].startswith("The report of the panel")
    assert out[2].startswith("Tom Hart said a new plan")
    assert out[3].startswith("Ann Vale said the weather")


def test_a_definite_two_sentences_on_is_refused_without_a_lead_in():
    out = resolved(
        "The miners built a lever to lift the water in Ghent in 1712. "
        "Tom Hart paid for the work in Ghent with his own money. "
        "One end of the lever carried a weight that held the valve shut."
    )
    assert out[2] == "REFUSED: 'the lever' refers back"


def test_a_demonstrative_standing_alone_is_asked_with_the_sentence_it_points_at():
    out = resolved(
        "Killer cells in Leeds recognise the antigen on the surface of the tumour. "
        "This allows the immune system to destroy the tumour cell within days."
    )
    assert out[1] == (
        "Killer cells in Leeds recognise the antigen on the surface of the tumour. "
        "This allows the immune system to destroy the tumour cell within days."
    )


def test_a_clause_said_instead_of_the_one_before_is_asked_with_it():
    out = resolved(
        "The Commission in Brussels proposed a single treaty for every member state. "
        "Instead, the Lisbon Treaty was signed by the leaders in 2007. "
        "Instead of a treaty, the Council in Paris passed a regulation in 2009."
    )
    assert out[1].startswith("The Commission in Brussels proposed a single treaty")
    assert out[1].endswith("Instead, the Lisbon Treaty was signed by the leaders in 2007.")
    assert out[2].startswith("Instead of a treaty, the Council")


def test_a_demonstrative_opening_a_clause_points_back_whatever_the_tagger_made_of_the_verb():
    out = resolved(
        "The state took over the schools of the traders in 1957. "
        "This caused an uproar among the traders and a compromise was reached in May. "
        "That was one of the messages of the meeting in Leeds. "
        "That the weather held surprised the traders in Leeds."
    )
    assert out[1] == "REFUSED: 'This' points back"
    assert out[2] == "REFUSED: 'That' points back"
    assert out[3].startswith("That the weather held")


def test_a_role_made_of_a_name_before_the_noun_still_points_back():
    out = resolved(
        "Tom Hart has joined Wolves as manager. "
        "The ex-England coach has been given a six-month contract by the club."
    )
    # a manager is no coach of a known sort: which coach, only the sentences before say
    assert out[1] == "REFUSED: 'The ex-England coach' refers back"


def test_he_in_a_quotation_is_never_its_own_speaker():
    out = resolved(
        "Glenn Vale has been unveiled as the new Wolves manager. "
        "The former coach has been given a six-month contract to succeed Dave Jones. "
        'Wolves chairman Rick Hart said: "We are delighted Glenn is here. '
        'He has a six-month contract so we can test each other out and see if it works."'
    )
    assert out[3] == "REFUSED: a pronoun in the quotation taken for its own speaker"


def test_a_possessive_beside_the_speech_verb_is_not_the_speaker():
    out = resolved(
        "Tom Hart wrote 41 novels in Leeds. "
        '"His greatest wish was to see his name on a book," said his wife, Ann. '
        '"He had a wonderful life."'
    )
    assert out[2] == 'Ann said: "[Tom Hart] had a wonderful life."'


def test_here_points_back_to_a_place_as_there_does():
    out = resolved(
        "The weavers worked long hours for little pay. "
        "The painter Tom Hart was born here in 1745. "
        '"I like it here," said Ann Vale in Ghent.'
    )
    assert out[1] == "REFUSED: 'here' refers to a place named before"
    assert out[2].startswith('"I like it here," said Ann Vale')  # the speaker's here


def test_since_then_points_back_to_a_time():
    out = resolved(
        "Tom Hart was sacked by Leeds United in 2003. "
        "Since then Hart has applied unsuccessfully for the post of France manager. "
        "The weavers worked long hours for little pay. "
        "By then the mill in Ghent had closed its doors to the weavers."
    )
    # led in by the sentence that says when
    assert out[1] == (
        "Tom Hart was sacked by Leeds United in 2003. "
        "Since then Hart has applied unsuccessfully for the post of France manager."
    )
    assert out[3] == "REFUSED: 'By then' refers to a time named before"


def test_its_in_a_clause_on_a_model_number_means_the_model():
    text = (
        "Boeing is banking on the 777-200LR and its 787 Dreamliner. "
        "The 777-200LR, which had its launch delayed by the attacks, is the fifth variation."
    )
    sentences = split_sentences(text)
    facts = extract_facts(sentences)
    resolution = References(sentences, facts).resolve(sentences[1])
    assert resolution.ok and not resolution.lead_in and not resolution.edits


def test_that_after_a_preposition_points_back_unless_a_clause_says_which():
    text = (
        "Chelsea lost to Barcelona in the quarter-final in 2000. "
        "Chelsea have not played Barcelona since that tie five years ago. "
        "The club thanked those fans who travelled, and those captured on film."
    )
    sentences = split_sentences(text)
    facts = extract_facts(sentences)
    references = References(sentences, facts)
    assert not references.resolve(sentences[1]).ok or references.resolve(sentences[1]).lead_in
    assert references.resolve(sentences[2]).ok


def test_the_term_points_back_unless_the_term_itself_follows():
    text = (
        "Private schools charge fees. In Canada the use of the term is restricted to "
        'schools for pupils under 18. The term "imperialism" is often used loosely. '
        "The concept environmental determinism served as a justification for rule."
    )
    sentences = split_sentences(text)
    references = References(sentences, extract_facts(sentences))
    first = references.resolve(sentences[1])
    assert not first.ok or first.lead_in
    assert references.resolve(sentences[2]).ok
    assert references.resolve(sentences[3]).ok


def test_what_follows_a_comma_after_the_noun_does_not_say_which_one():
    # a non-restrictive relative or an apposition says more about it, not which it is
    out = resolved(
        "Sony launched its handheld console in Tokyo on Monday. "
        "The device, which also stores music and video, costs $250. "
        "The deal, a year after Nokia left the market, was announced in March."
    )
    assert out[1] == "REFUSED: 'The device' refers back"
    assert out[2] == "REFUSED: 'The deal' refers back"


def test_a_comma_that_names_the_thing_or_lists_more_keeps_the_sentence():
    out = resolved(
        "Hailey wrote many novels in Canada. "
        "The novel, Airport, was adapted into a film in 1970. "
        "The service, industry and manufacturing sectors employ 25% of the labour force. "
        "The four-year, full-time undergraduate program enrolls 5,000 students."
    )
    assert not any(line.startswith("REFUSED") for line in out[1:]), out


def test_the_institute_is_the_institute_named_before_never_a_person_of_its_field():
    out = resolved(
        "Professor Ann Gale taught marine biology at Porthaven University for thirty years. "
        "In 2008 Porthaven University announced plans for the Gale Marine Institute. "
        "The institute will cost $50 million and open in 2012."
    )
    assert out[2] == "The Gale Marine Institute will cost $50 million and open in 2012."


def test_the_commission_with_no_commission_named_is_refused_not_guessed():
    out = resolved(
        "Professor Ann Gale taught marine biology at Porthaven University for thirty years. "
        "The commission will report to parliament in June."
    )
    assert out[1].startswith("REFUSED"), out


def test_a_name_the_article_writes_with_the_keeps_it_across_an_adjective():
    out = resolved(
        "Desailly joined the Blues, a London club, in 1998. "
        "Desailly says the current Blues are stronger than ever. "
        "Billionaire Roman Abramovich bought the club in 2003."
    )
    assert out[2] == "Billionaire Roman Abramovich bought the Blues in 2003."


def test_this_time_is_shown_after_the_occasion_it_is_set_against_at_this_time_alone():
    out = resolved(
        "Standard Chartered lost the Koram bid to Citigroup in 2004. "
        "This time around, Standard Chartered is thought to have beaten HSBC to KFB. "
        "At this time Standard Chartered had 500 branches in Asia."
    )
    # shown after the sentence before, which names the occasion it is set against
    assert out[1] == (
        "Standard Chartered lost the Koram bid to Citigroup in 2004. "
        "This time around, Standard Chartered is thought to have beaten HSBC to KFB."
    )
    assert not out[2].startswith("REFUSED")


def test_a_figure_said_of_no_one_is_the_figure_of_the_company_the_passage_is_about():
    out = resolved(
        "The company Boeing said its earnings fell by 84% in the last quarter of 2004. "
        "The firm blamed the costs of its new 7E7 jet for the fall. "
        "Net profit was $186m in the quarter, against $1.13bn a year earlier. "
        "Sales of the 777 rose by 5% in the same period."
    )
    assert out[2] == "Boeing's net profit was $186m in the quarter, against $1.13bn a year earlier."
    assert out[3] == "Sales of the 777 rose by 5% in the same period."


def test_a_figure_said_of_no_one_with_no_company_leading_is_refused():
    out = resolved(
        "Boeing and Airbus both reported results in Seattle on Monday. "
        "Net profit was $186m in the quarter, against $1.13bn a year earlier."
    )
    assert out[1].startswith("REFUSED"), out


def test_a_first_name_mostly_given_to_women_does_not_rule_out_he():
    out = resolved(
        "The Dallas Cowboys won the game in Texas in 1996. Cam Newton was the league's "
        "best player in 2015 for Carolina. Newton was limited by the defense of Denver, "
        "which sacked him seven times in the final."
    )
    assert "Dallas Cowboys" not in out[2], out[2]
    assert out[2].startswith("Newton was limited") and "sacked him" in out[2]


def test_a_pronoun_after_a_subject_of_no_known_sort_means_that_subject():
    # the name finder takes neither for a person (Chester is a town too)
    out = resolved(
        "Kublai Khan ruled China from Beijing until his death in 1294. "
        "Chester decided to maintain much of the work begun by his grandfather. "
        "Chester ordered him to leave the capital within a year."
    )
    assert out[0] == "Kublai Khan ruled China from Beijing until his death in 1294."
    assert out[1] == "Chester decided to maintain much of the work begun by his grandfather."
    assert out[2].startswith("REFUSED")  # "him" is not Chester, and who is a guess


def test_a_club_in_apposition_to_the_name_before_it_points_nowhere_else():
    out = resolved(
        "Tom Hart took over at Wolves in 2004 after a spell abroad. "
        "He was lured to White Hart Lane by Tottenham - the club where he made his name."
    )
    assert not out[1].startswith("REFUSED")


def test_an_action_noun_the_headline_names_is_the_event_its_lead_tells():
    lead = "Standard Chartered said it would spend $3bn to buy a bank in Seoul. "
    out = resolved(
        "Standard Chartered in $3bn Korean deal\n\n"
        + lead
        + "Analysts said the price was high for a bank of its size. "
        "Shares in the group fell by 2% in London on Monday. "
        "The deal is expected to be completed by April 2005, the bank said."
    )
    assert out[3] == lead + "The deal is expected to be completed by April 2005, the bank said."


def test_a_quotation_goes_on_in_its_speakers_words_after_a_sentence_refused():
    out = resolved(
        "Tom Hart praised his old team-mates Ann Vale and Joe Bloggs on Monday. "
        '"I\'m happy that they have played so long at a high level," he said. '
        '"I made a vow to Vale that as long as she plays, I will play."'
    )
    assert out[1].startswith("REFUSED")  # "they", in his words, is not said here
    assert out[2] == (
        'Tom Hart said: "I made a vow to Vale that as long as she plays, I will play."'
    )


def test_a_quotation_after_a_sentence_about_one_person_is_that_persons():
    out = resolved(
        "Tom Hart has set up two schools in Leeds together with his wife. "
        '"We put in 25 laptops three years ago and only one has been broken."'
    )
    assert out[1] == (
        'Tom Hart said: "We put in 25 laptops three years ago and only one has been broken."'
    )


def test_a_quotation_after_a_sentence_about_two_people_names_no_speaker():
    out = resolved(
        "Tom Hart and Ann Vale have set up two schools in Leeds this year. "
        '"We put in 25 laptops three years ago and only one has been broken."'
    )
    assert out[1].startswith("REFUSED")


def test_an_office_no_one_is_given_is_the_person_the_article_is_about_just_before():
    out = resolved(
        "Hart joins Wolves\n\nGlenn Hart has been unveiled as the new Wolves manager. "
        "The ex-England coach has been given a six-month contract by the club. "
        "Hart, 47, was sacked by Spurs in 2003, and Hart has not worked since."
    )
    assert out[1] == "Hart has been given a six-month contract by the club."


def test_an_office_someone_else_holds_is_not_the_person_just_before():
    out = resolved(
        "Hart joins Wolves\n\nGlenn Hart has been unveiled as the new Wolves manager. "
        "Wolves chairman Rick Vale said Hart was the right man, and Hart agreed. "
        "Glenn Hart arrived on Monday. The chairman has been given a bonus by the club."
    )
    assert "Hart has been given a bonus" not in out[3]


def test_that_year_is_the_year_the_sentence_before_names():
    out = resolved(
        "The painter Anna Berg moved to Oslo in 1921 to open a school of drawing. "
        "During that year, Berg taught a large class of students in the old harbour. "
        "The harbour was rebuilt with stone from the quarries of Lier and Drammen. "
        "That autumn, Berg sold the school to the city council of Oslo."
    )
    assert out[1] == (
        "The painter Anna Berg moved to Oslo in 1921 to open a school of drawing. "
        "During that year, Berg taught a large class of students in the old harbour."
    )
    # the sentence before names no time: when "that autumn" was, the question cannot say
    assert out[3] == "REFUSED: 'That autumn' points back"


def test_that_year_after_a_year_in_the_same_sentence_and_this_year_stand_alone():
    out = resolved(
        "Stax Records was sold to MCA in February 1979 and closed by March 5 of that year. "
        "This year the network plans to open two new studios in Glasgow."
    )
    assert not out[0].startswith("REFUSED")
    assert not out[1].startswith("REFUSED")


def test_the_noun_of_the_name_in_the_title_is_what_the_article_is_about():
    out = resolved(
        "Holloway and Marsh Museum\n\n"
        "The Holloway and Marsh Museum is a museum of decorative arts in Leeds. "
        "It was founded in 1852 by the merchant Tom Hart. "
        "Several rooms were added to the east wing in 1899 and 1909. "
        "The museum owns the largest collection of Dutch tiles in the north of England."
    )
    assert out[3] == (
        "The Holloway and Marsh Museum owns the largest collection of Dutch tiles in the "
        "north of England."
    )


def test_a_headline_with_a_verb_names_nothing_the_noun_could_mean():
    out = resolved(
        "Leeds council opens new museum\n\n"
        "Several rooms were added to the east wing of the old mill in 1899 and 1909. "
        "The museum owns the largest collection of Dutch tiles in the north of England."
    )
    assert out[1].startswith("REFUSED"), out


def test_another_after_a_copula_adds_to_what_the_sentence_before_named():
    out = resolved(
        "Ciliates are a group of single-celled organisms found in ponds near Leeds. "
        "Apicomplexans are another group of single-celled organisms found in Leeds. "
        "Trypanosomes use a strategy of switching surface proteins every week. "
        "Masking antigens is another strategy for avoiding the immune system."
    )
    assert out[1] == (
        "Ciliates are a group of single-celled organisms found in ponds near Leeds. "
        "Apicomplexans are another group of single-celled organisms found in Leeds."
    )
    assert out[3].startswith("Trypanosomes use a strategy")


def test_another_that_is_no_predicate_stands_alone():
    out = resolved("Boeing bought another factory in Leeds in 1998 for £4m from Tom Hart.")
    assert not out[0].startswith("REFUSED"), out


def test_the_noun_said_before_in_other_words_is_shown_with_it():
    out = resolved(
        "Anna Berg wrote her first book about a spy in Oslo in 1953. "
        "The novel is one of the most violent stories of the decade, critics said."
    )
    assert out[1] == (
        "Anna Berg wrote her first book about a spy in Oslo in 1953. "
        "The novel is one of the most violent stories of the decade, critics said."
    )


def test_by_then_after_a_decade_is_shown_with_the_sentence_that_names_it():
    out = resolved(
        "One of the first Norman generals in the east was Hervé in the 1050s. "
        "By then Norman soldiers were serving as far away as Trebizond and Georgia."
    )
    assert out[1] == (
        "One of the first Norman generals in the east was Hervé in the 1050s. "
        "By then Norman soldiers were serving as far away as Trebizond and Georgia."
    )


def test_a_plural_description_is_no_one_name():
    out = resolved(
        "Schools in Ireland\n\nMost secondary schools in Ireland are free. Vale College is a "
        "fee-paying school in Kildare. The fee-paying schools are usually run by a religious "
        "order, such as the Society of Jesus."
    )
    assert "schools Vale College" not in out[2]


def test_a_work_called_by_its_sort_is_the_one_work_the_sentence_before_names():
    out = resolved(
        "Tom Hart wrote Runway (1959) and Harbour (1961). But it was not until Harbour, in "
        "1961, that the film studios came calling. The hit novel took four years to write."
    )
    assert out[2] == "The hit novel Harbour took four years to write."
    out = resolved(
        "Tom Hart wrote Runway (1959) and Harbour (1961). Most studios wanted Runway and "
        "Harbour in 1962. The hit novel took four years to write."
    )
    assert out[2].startswith("REFUSED")  # two works named: which one is meant?


def test_the_city_an_article_is_about_is_named_by_its_title():
    out = resolved(
        "Leeds\n\nLeeds is a city in West Yorkshire, England. In 1900 the population of the "
        "city was 400,000. Most of the city's mills closed in the 1970s. Traders from York "
        "sold wool in the city. Workers moved to the city of Wakefield. The city centre has "
        "two markets, and buses link the city and its suburbs."
    )
    assert out[1] == "In 1900 the population of Leeds was 400,000."
    assert out[2] == "Most of Leeds's mills closed in the 1970s."
    assert "in the city" in out[3]  # York was named just before
    assert "the city of Wakefield" in out[4]
    assert "The city centre" in out[5] and "the city and its suburbs" in out[5]


def test_the_university_an_article_is_about_is_named_by_its_title():
    out = resolved(
        "University of Leeds\n\nThe University of Leeds was founded in 1904. In 1953 a new "
        "library was built at the university."
    )
    assert out[1] == "In 1953 a new library was built at the University of Leeds."
    out = resolved("Steam engine\n\nA steam engine burns coal. Its heat makes the engine turn.")
    assert out[1].endswith("the engine turn.")  # a kind, not one named thing
