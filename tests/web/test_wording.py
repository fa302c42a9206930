import re

from quizapp.models import Visibility
from quizapp.wording import counted
from tests.builders import login, make_bank, make_user
from tests.web.test_quiz import start_quiz


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


def test_each_question_type_has_one_name_on_every_page(app, client):
    make_user()
    login(client)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    pages = [client.get(f"/banks/{bank.id}").get_data(as_text=True)]
    pages.append(client.get(f"/banks/{bank.id}/quiz").get_data(as_text=True))
    attempt = start_quiz(client, bank, types=["cloze"])
    pages.append(client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True))
    client.post(f"/banks/{bank.id}/study")
    pages.append(client.get("/review").get_data(as_text=True))
    for n, page in enumerate(pages):
        text = re.sub(r"<[^>]+>", " ", page)  # what a reader sees, not the values
        assert not re.search(r"\bcloze\b|\btrue false\b|\bshort answer\b", text), text
        assert "Fill in the blank" in text or n == 3  # the first card may be of another type


def test_signing_in_is_called_signing_in(app, client):
    page = client.get("/history", follow_redirects=True).get_data(as_text=True)
    assert "Please log in" not in page and "Sign in to see that page." in page


def test_a_bank_page_has_one_primary_button_and_no_stray_dot(app, client):
    owner = make_user()
    login(client)
    bank = make_bank(owner)
    page = client.get(f"/banks/{bank.id}").get_data(as_text=True)
    primary = re.findall(
        r'<a class="button"|<button type="submit"(?: class="(?!secondary|link)[^"]*")?>', page
    )
    assert len(primary) == 1, primary
    meta = re.search(r'<p class="meta">(.*?)</p>', page, re.S).group(1).strip()
    assert not meta.startswith("·") and meta.endswith("questions"), meta


def test_no_attribute_reads_none_and_no_name_is_hidden_from_screen_readers(app, client):
    make_user()
    login(client)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    client.post(f"/banks/{bank.id}/study")
    for url in ("/settings", "/account", "/import", "/review", f"/banks/{bank.id}/quiz"):
        page = client.get(url).get_data(as_text=True)
        assert '="None"' not in page, url
        # an aria-label on an element without a role is not read; on a link it
        # replaces the link's text (the username)
        assert not re.search(r"<(p|div|span|a)\b[^>]*aria-label=", page), url
        assert re.search(r'<a class="who"[^>]*>.*ada</a>', page), url
    client.post("/auth/logout")
    for url in ("/auth/login", "/auth/register"):
        assert '="None"' not in client.get(url).get_data(as_text=True), url


def test_settings_do_not_ask_a_learner_to_install_software(app, client, monkeypatch):
    from quizapp.services import optimizer

    make_user()
    login(client)
    monkeypatch.setattr(optimizer, "available", lambda: False)
    page = client.get("/settings").get_data(as_text=True)
    assert "pip install" not in page and "not available on this server" in page
    page = client.post("/settings/optimise", follow_redirects=True).get_data(as_text=True)
    assert "pip install" not in page and "not available on this server" in page


def test_the_anki_deck_with_reviews_downloads_under_its_own_whole_name(app, client):
    make_user()
    login(client)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    bank.name = "China races to build its own large language models as US chip controls bite"

    def filename(url: str) -> str:
        disposition = client.get(url).headers["Content-Disposition"]
        return re.search(r"filename=\"?([^\";]+)", disposition).group(1)

    plain = filename(f"/banks/{bank.id}/export/apkg")
    mine = filename(f"/banks/{bank.id}/export/apkg?mine=1")
    assert plain == "china-races-to-build-its-own-large-language-models-as-us.apkg"
    assert mine == "china-races-to-build-its-own-large-language-models-as-us-with-my-reviews.apkg"
