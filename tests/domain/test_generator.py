import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.domain.generator import analyse_article, generate_bank
from quizapp.domain.questions import QUESTION_TYPES, gives_away, normalise_for_match
from quizapp.domain.text import clean_article


def test_bank_has_every_type_and_is_grounded(sample_article):
    bank = generate_bank(sample_article)
    assert bank.title == "Harbour city opens record solar farm"
    assert {q.type for q in bank.questions} == set(QUESTION_TYPES)
    for q in bank.questions:
        assert q.source_sentence in bank.text
        assert bank.text[q.sentence_start : q.sentence_end] == q.source_sentence
        if q.type != "true_false":
            assert q.answer in q.source_sentence
            assert not gives_away(q.prompt, q.answer)
        if q.type == "multiple_choice":
            assert len(q.choices) == 4 and q.choices.count(q.answer) == 1


def test_no_two_questions_share_a_prompt(sample_article):
    prompts = [normalise_for_match(q.prompt) for q in generate_bank(sample_article).questions]
    assert len(prompts) == len(set(prompts))


def test_one_question_per_fact_before_any_second(sample_article):
    bank = generate_bank(sample_article)
    head = [q for q in bank.questions if q.type != "true_false"][: bank.facts]
    answers = [q.answer.lower() for q in head]
    assert len(answers) == len(set(answers))


def test_the_lead_is_asked_first_and_its_figure_soon(sample_article):
    bank = generate_bank(sample_article)
    lead = bank.questions[0].source_sentence
    assert lead.startswith("The Northfield Energy Company said on Tuesday")
    assert "$420m" in [q.answer for q in bank.questions[: bank.facts]]


def test_types_and_limit_are_respected(sample_article):
    bank = generate_bank(sample_article, types=["cloze"], limit=5)
    assert len(bank.questions) == 5
    assert {q.type for q in bank.questions} == {"cloze"}


def test_same_text_same_bank(sample_article):
    first = [q.to_dict() for q in generate_bank(sample_article).questions]
    second = [q.to_dict() for q in generate_bank(sample_article).questions]
    assert first == second


def test_garbled_text_does_not_crash():
    text = 'Have happened. ,,, ... "" \' ( ) 3-0 -- Go. goes. weiki – 3-0. US$ % £ bn\n\n' * 5
    bank = generate_bank(text)
    assert all(q.source_sentence in bank.text for q in bank.questions)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_unicode_text_gives_grounded_questions(text):
    bank = generate_bank(text)
    cleaned = clean_article(text)
    for q in bank.questions:
        assert q.source_sentence in cleaned


words = st.sampled_from(
    "The Bank of Tern said Ann Lee paid $4.5bn for 30% of Kelso Ltd in 2004 , . "
    'in London and Paris ; chief executive Tom Hart said : " we won " 12 million'.split(" ")
)


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=5, max_size=80).map(" ".join))
def test_article_like_text_keeps_the_bank_invariants(text):
    bank = generate_bank(text)
    prompts = set()
    for q in bank.questions:
        assert q.source_sentence in bank.text
        key = normalise_for_match(q.prompt)
        assert key not in prompts
        prompts.add(key)
        if q.type != "true_false":
            assert not gives_away(q.prompt, q.answer)
            assert re.sub(r"\s+", " ", q.answer) in q.source_sentence


def test_every_sentence_gets_its_first_question_before_any_sentence_its_second(
    sample_article,
):
    bank = generate_bank(sample_article)
    firsts = [q for q in bank.questions if q.type != "true_false"][: bank.facts]
    asked_answers: set[str] = set()
    seen: list[int] = []
    for n, q in enumerate(firsts):
        if q.sentence_start in seen:
            # a sentence's second question: every later first question of a sentence
            # repeats an answer already asked (a name waits for its second sentence)
            for later in firsts[n:]:
                if later.sentence_start not in seen:
                    assert later.answer.split()[-1].lower() in asked_answers
                asked_answers.add(later.answer.split()[-1].lower())
            break
        seen.append(q.sentence_start)
        asked_answers.add(q.answer.split()[-1].lower())


def test_a_sentence_that_points_back_is_asked_after_the_sentence_it_points_to():
    text = (
        "Lira relaunch\n\n"
        "Turkey will knock six zeros off its currency on Saturday to help trade and growth. "
        "The currency will be known as the new lira from 1 January, the central bank said. "
        "Inflation in Turkey fell to 9% in November from 70% in 2001, official figures showed."
    )
    bank = generate_bank(text)
    led = [q for q in bank.questions if "The currency will be known" in q.source_sentence]
    assert led, "the sentence is asked, not refused"
    lead_in = "Turkey will knock six zeros off its currency on Saturday to help trade and growth."
    for q in led:
        assert q.type != "true_false"  # two sentences, one verdict: which one is unclear
        assert lead_in in q.prompt
        assert q.source_sentence.startswith("The currency will be known")
        assert q.prompt.index(lead_in) < q.prompt.index("will be known")


def test_the_one_the_article_is_about_is_asked_where_introduced_not_after():
    story = (
        "Inventor promises cheap tractor\n\n"
        "Hamish Dunlevy, an engineer from Fife, has built a tractor that will sell for $900. "
        "Mr Dunlevy said the machine would be made in Dundee from next spring. "
        "Mr Dunlevy told farmers in Perth that the first 500 would go to crofters. "
        "Mr Dunlevy added that the design was free for anyone to copy. "
        "The tractor runs on rapeseed oil grown by the farmers themselves."
    )
    bank = generate_bank(story)
    asked = {(q.source_sentence[:20], q.answer) for q in bank.questions if q.type != "true_false"}
    who = {sentence for sentence, answer in asked if "Dunlevy" in answer}
    assert who == {"Hamish Dunlevy, an e"}  # the lead introduces him; later he is given


def test_someone_named_once_only_to_quote_them_is_not_asked_about():
    story = (
        "Ferry fares rise\n\n"
        "Fares on the Leith ferry will rise by 12% from 1 March, the operator said. "
        '"We cannot afford to cross twice a day now," commuter Moira Blane told reporters. '
        '"Fuel has doubled in price," transport minister Alan Reid said. '
        "The operator carried 400,000 passengers in 2023."
    )
    answers = {q.answer for q in generate_bank(story).questions}
    assert "Moira Blane" not in answers  # a vox pop: what she said is the fact
    assert "Alan Reid" in answers  # a minister quoted once holds an office


def test_a_quotation_closing_in_a_short_sentence_is_closed_for_the_next():
    text = (
        "Aid for Kenya\n\n"
        "The charity's head, Tom Hart, said: \"A failure to fund treatment condemns a "
        'generation of people to death. "Disease is hurting the poorest countries in the '
        'region. Treatments are needed now." On Wednesday, Ann Vale visited the slums of '
        "the Kenyan capital Nairobi with the charity."
    )
    bank = generate_bank(text)
    asked = {q.answer for q in bank.questions}
    # the last sentence is the reporter's, not the quoted head's
    assert "Nairobi" in asked or "Ann Vale" in asked


def test_a_common_noun_phrase_used_once_is_wording_not_a_term():
    text = (
        "Ancient archive\n\n"
        "Archaeologists in Iraq have found an archive of cuneiform tablets near Mosul. "
        "Professor Ann Hale said the site also held a bronze astrolabe. "
        "Few cuneiform tablets have been found so far north, Professor Hale said."
    )
    analysis = analyse_article(text)
    reasons = {f.text: analysis.refusals.get(id(f)) for f in analysis.candidates}
    assert (reasons["bronze astrolabe"] or "").startswith("incidental_phrase"), reasons
    # said again inside a longer phrase ("Few cuneiform tablets"), it is a term
    assert reasons["cuneiform tablets"] is None, reasons


def test_a_name_cut_short_to_its_last_word_is_not_asked():
    analysis = analyse_article(
        "Museum\n\nThe Great Exhibition of 1851 was held in London and drew six million "
        "visitors. Several of the exhibits from the Exhibition were bought for the museum "
        "collection in South Kensington."
    )
    asked = {f.text for f in analysis.facts}
    assert "Great Exhibition" in asked and "Exhibition" not in asked


def test_who_owns_the_publisher_is_not_asked():
    bank = generate_bank(
        "Ferries\n\nThe harbour board bought two ferries from Vale Marine in 2023 for "
        "$40m. Vale Marine owns the Northern Coast Herald. The ferries will carry 900 "
        "passengers each between Leith and Oban.\n\nThis article originally appeared on "
        "the Northern Coast Herald."
    )
    assert bank.questions
    assert not any("owns" in q.source_sentence for q in bank.questions)
    analysis = analyse_article(
        "Ferries\n\nVale Marine owns the Northern Coast Herald, which has 200 reporters."
    )
    assert analysis.facts  # no credit line: nothing says whose paper this is
