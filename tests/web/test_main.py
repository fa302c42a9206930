from quizapp.extensions import db
from quizapp.models import Visibility
from quizapp.services.seed import seed_builtin
from tests.builders import SECOND_ARTICLE, login, make_bank, make_user


def test_home_lists_the_built_in_bank(app, client):
    seed_builtin(db.session, app.config["SEEDS_DIR"])
    db.session.commit()
    page = client.get("/").get_data(as_text=True)
    assert "China races to build its own large language models" in page
    assert "Built-in" in page


def test_home_shows_private_banks_to_their_owner_only(app, client):
    make_bank(make_user("ada"))
    make_bank(make_user("bob"), text=SECOND_ARTICLE)
    login(client, "ada")
    page = client.get("/").get_data(as_text=True)
    assert "Harbour city opens record solar farm" in page
    assert "Library reopens" not in page
    assert "0 studied" in page


def test_home_counts_a_banks_facts_and_how_many_the_learner_has_studied(app, client):
    bank = make_bank(make_user("ada"))
    login(client, "ada")
    facts, questions = len(bank.facts), len(bank.questions)
    page = client.get("/").get_data(as_text=True)
    assert f"{facts} facts, {questions} questions" in page
    assert f'aria-label="0 of {facts} facts studied"' in page


def test_home_without_banks_says_how_to_add_one(client):
    assert "quizapp seed" in client.get("/").get_data(as_text=True)


def test_public_bank_is_listed_for_visitors(app, client):
    make_bank(make_user(), visibility=Visibility.PUBLIC)
    assert "Harbour city" in client.get("/").get_data(as_text=True)


def test_a_visitor_is_offered_a_quiz_on_each_public_bank(app, client):
    bank = make_bank(make_user(), visibility=Visibility.PUBLIC)
    page = client.get("/").get_data(as_text=True)
    assert f'href="/banks/{bank.id}/quiz">Try a quiz</a>' in page


def test_home_gives_each_bank_its_cards_for_today_and_a_study_button(app, client):
    make_user()
    login(client)
    studied = make_bank(None, visibility=Visibility.PUBLIC)
    untouched = make_bank(None, text=SECOND_ARTICLE, visibility=Visibility.PUBLIC)
    page = client.get("/").get_data(as_text=True)
    assert page.count("Not studied yet") == 2
    client.post(f"/banks/{studied.id}/study")
    page = client.get("/").get_data(as_text=True)
    # the daily limit of 20 new cards, as the review page counts them
    assert "<strong>20 cards</strong> to study today" in page
    assert page.count("Not studied yet") == 1
    for bank in (studied, untouched):
        assert f'action="/banks/{bank.id}/study"' in page
    assert (
        client.post(f"/banks/{untouched.id}/study")
        .headers["Location"]
        .endswith(f"/banks/{untouched.id}/review")
    )
