import re

from quizapp.models import Visibility
from quizapp.wording import counted
from tests.builders import login, make_bank, make_user


def test_counted_says_one_and_many():
    assert counted(1, "question") == "1 question"
    assert counted(0, "card") == "0 cards"
    assert counted(1234, "review") == "1,234 reviews"
    assert counted(2, "quiz", "quizzes") == "2 quizzes"


def test_pages_count_in_words(app, client):
    make_user()
    login(client)
    assert "0 reviews in all." in client.get("/stats").get_data(as_text=True)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    client.post(f"/banks/{bank.id}/study")
    card = client.get("/review").get_data(as_text=True)
    card_id = re.search(r'data-card="(\d+)"', card).group(1)
    version = re.search(r'name="version" value="(\d+)"', card).group(1)
    client.post(f"/review/{card_id}", data={"rating": 3, "version": version})
    stats = client.get("/stats").get_data(as_text=True)
    assert "1 review in all." in stats and "1 reviews" not in stats
