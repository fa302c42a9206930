import re

from markupsafe import escape

from quizapp.extensions import db
from quizapp.models import AttemptAnswer, Bank, Card, Question, QuizAttempt, ReviewLog, Visibility
from tests.builders import login, make_bank, make_user


def start_quiz(client, bank, **overrides):
    data = {
        "count": "5",
        "types": ["multiple_choice", "true_false", "cloze", "short_answer"],
        "order": "best",
        "feedback": "each",
    } | overrides
    response = client.post(f"/banks/{bank.id}/quiz", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    attempt = db.session.scalars(db.select(QuizAttempt).order_by(QuizAttempt.id.desc())).first()
    assert response.headers["Location"].endswith(f"/quiz/{attempt.id}/1")
    return attempt


def right_answer(attempt, position):
    from quizapp.models import Question

    return db.session.get(Question, attempt.question_ids[position]).answer


def test_a_visitor_tries_a_quiz_and_keeps_it_by_signing_up(app, client):
    from quizapp.models import Card, Question

    bank = make_bank(None, visibility=Visibility.PUBLIC)
    response = client.post(
        f"/banks/{bank.id}/quiz",
        data={
            "count": "all",
            "types": ["multiple_choice", "cloze"],
            "order": "best",
            "feedback": "each",
        },
    )
    assert response.headers["Location"].endswith("/quiz/guest/1")
    page = client.get("/quiz/guest/1").get_data(as_text=True)
    assert "1 of 20" in page  # a visitor's quiz holds at most 20 questions
    first = db.session.scalars(
        db.select(Question)
        .where(Question.type.in_(["multiple_choice", "cloze"]))
        .order_by(Question.rank)
    ).first()
    client.post("/quiz/guest/1", data={"answer": first.answer})
    client.post("/quiz/guest/1", data={"answer": "a second try does not count"})
    assert "Right!" in client.get("/quiz/guest/1").get_data(as_text=True)
    client.post("/quiz/guest/2", data={"answer": "wrong"})
    result = client.get("/quiz/guest/result").get_data(as_text=True)
    assert "Your score: 1 / 20" in result and "Create an account" in result
    assert db.session.scalar(db.select(db.func.count()).select_from(QuizAttempt)) == 0

    client.post(
        "/auth/register",
        data={"username": "newbie", "password": "correct horse", "confirm": "correct horse"},
    )
    attempt = db.session.scalar(db.select(QuizAttempt))
    assert attempt.user.username == "newbie"
    assert [(a.position, a.correct) for a in attempt.answers] == [(0, True), (1, False)]
    assert db.session.scalar(db.select(db.func.count()).select_from(Card)) == 2
    assert "Resume" in client.get("/history").get_data(as_text=True)


def test_a_visitor_cannot_quiz_a_private_bank(app, client):
    bank = make_bank(make_user())
    assert client.get(f"/banks/{bank.id}/quiz").status_code == 404
    assert client.get("/quiz/guest/1").status_code == 302  # no quiz in this session


def test_a_whole_quiz_with_feedback_after_each_question(app, client):
    make_user()
    login(client)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    attempt = start_quiz(client, bank)
    page = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    assert "1 of 5" in page
    expected_right = 0
    for n in range(1, 6):
        given = right_answer(attempt, n - 1) if n % 2 else "surely wrong"
        expected_right += n % 2
        response = client.post(f"/quiz/{attempt.id}/{n}", data={"answer": given})
        assert response.headers["Location"].endswith(f"/quiz/{attempt.id}/{n}")
        feedback = client.get(f"/quiz/{attempt.id}/{n}").get_data(as_text=True)
        assert ("Right!" if n % 2 else "Not quite.") in feedback
        assert "Read it in the article" in feedback
        assert f"/banks/{bank.id}#s-" in feedback
    result = client.get(f"/quiz/{attempt.id}/result").get_data(as_text=True)
    assert f"Your score: {expected_right} / 5" in result
    assert "Retry the 2 I missed" in result
    assert re.search(r"time taken \d+ s<", result)  # under a minute: no "0 min"


def test_feedback_quotes_the_source_once_and_keeps_what_else_is_explained(app, client):
    from quizapp.models import Question

    make_user()
    login(client)
    attempt = start_quiz(client, make_bank(None, visibility=Visibility.PUBLIC), count="all")
    kinds = {}
    for position, qid in enumerate(attempt.question_ids):
        question = db.session.get(Question, qid)
        kind = question.answer if question.type == "true_false" else "(" in question.explanation
        kinds.setdefault((question.type, kind), (position, question))
    assert {("true_false", "True"), ("true_false", "False")} <= set(kinds)
    for position, question in kinds.values():
        client.post(f"/quiz/{attempt.id}/{position + 1}", data={"answer": "surely wrong"})
        page = client.get(f"/quiz/{attempt.id}/{position + 1}").get_data(as_text=True)
        feedback = page[page.index('class="feedback') :]
        # the sentence is quoted once, in the source block, not again in the explanation
        assert "The article says:" not in feedback and "It says:" not in feedback
        if question.type == "true_false" and question.answer == "True":
            assert "True." not in feedback
        if question.type == "true_false" and question.answer == "False":
            assert "False: the article says" in feedback  # what the statement changed

    question = db.session.get(Question, attempt.question_ids[0])
    question.explanation = "Written by the <bank's> owner."
    db.session.commit()
    page = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    assert "Written by the &lt;bank&#39;s&gt; owner." in page


def test_feedback_at_the_end_moves_straight_on(app, client):
    make_user()
    login(client)
    attempt = start_quiz(client, make_bank(None, visibility=Visibility.PUBLIC), feedback="end")
    response = client.post(f"/quiz/{attempt.id}/1", data={"answer": "x"})
    assert response.headers["Location"].endswith(f"/quiz/{attempt.id}")
    assert client.get(f"/quiz/{attempt.id}").headers["Location"].endswith(f"/quiz/{attempt.id}/2")


def test_double_submit_counts_once(app, client):
    make_user()
    login(client)
    attempt = start_quiz(client, make_bank(None, visibility=Visibility.PUBLIC))
    client.post(f"/quiz/{attempt.id}/1", data={"answer": "first"})
    client.post(f"/quiz/{attempt.id}/1", data={"answer": right_answer(attempt, 0)})
    answers = db.session.scalars(db.select(AttemptAnswer)).all()
    assert [a.given for a in answers] == ["first"]


def test_an_interrupted_attempt_resumes_where_it_stopped(app, client):
    make_user()
    login(client)
    attempt = start_quiz(client, make_bank(None, visibility=Visibility.PUBLIC))
    client.post(f"/quiz/{attempt.id}/1", data={"answer": "a"})
    client.post(f"/quiz/{attempt.id}/2", data={"answer": "b"})
    assert client.get(f"/quiz/{attempt.id}").headers["Location"].endswith(f"/quiz/{attempt.id}/3")
    history = client.get("/history").get_data(as_text=True)
    assert "Resume" in history
    # not a score of 0 before it is over
    assert f"In progress, 2 of {len(attempt.question_ids)} answered" in history
    assert "0 / " not in history


def test_retry_the_missed_ones(app, client):
    make_user()
    login(client)
    attempt = start_quiz(client, make_bank(None, visibility=Visibility.PUBLIC))
    for n in range(1, 6):
        client.post(
            f"/quiz/{attempt.id}/{n}",
            data={"answer": right_answer(attempt, n - 1) if n > 2 else "wrong"},
        )
    response = client.post(f"/quiz/{attempt.id}/retry")
    retry_id = int(re.search(r"/quiz/(\d+)/1", response.headers["Location"]).group(1))
    retried = db.session.get(QuizAttempt, retry_id).question_ids
    fact_of = {q.id: q.fact_id for q in db.session.scalars(db.select(Question))}
    assert [fact_of[i] for i in retried] == [fact_of[i] for i in attempt.question_ids[:2]]
    assert not set(retried) & set(attempt.question_ids[:2])  # asked in another form


def quiz_form_key(client, bank):
    page = client.get(f"/banks/{bank.id}/quiz").get_data(as_text=True)
    return re.search(r'name="start_key" type="hidden" value="([^"]+)"', page).group(1)


def test_a_double_submitted_quiz_form_starts_one_quiz(app, client):
    make_user()
    login(client)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    key = quiz_form_key(client, bank)
    first = start_quiz(client, bank, start_key=key)
    response = client.post(
        f"/banks/{bank.id}/quiz",
        data={
            "count": "5",
            "types": ["multiple_choice", "true_false", "cloze", "short_answer"],
            "order": "best",
            "feedback": "each",
            "start_key": key,
        },
    )
    assert response.headers["Location"].endswith(f"/quiz/{first.id}/1")
    assert db.session.scalar(db.select(db.func.count()).select_from(QuizAttempt)) == 1
    # the page again (a new key), or a request without one: a new quiz each
    assert start_quiz(client, bank, start_key=quiz_form_key(client, bank)).id != first.id
    assert start_quiz(client, bank, start_key="<not a key>").start_key is None
    assert db.session.scalar(db.select(db.func.count()).select_from(QuizAttempt)) == 3


def test_retry_pressed_twice_makes_one_retry(app, client):
    make_user()
    login(client)
    attempt = start_quiz(client, make_bank(None, visibility=Visibility.PUBLIC))
    for n in range(1, 6):
        client.post(f"/quiz/{attempt.id}/{n}", data={"answer": "wrong"})
    first = client.post(f"/quiz/{attempt.id}/retry").headers["Location"]
    assert client.post(f"/quiz/{attempt.id}/retry").headers["Location"] == first
    retry_id = int(re.search(r"/quiz/(\d+)/1", first).group(1))
    for n in range(1, 6):
        client.post(f"/quiz/{retry_id}/{n}", data={"answer": "wrong"})
    # the retry done, Retry on the first result again is a new retry
    assert client.post(f"/quiz/{attempt.id}/retry").headers["Location"] != first
    assert db.session.scalar(db.select(db.func.count()).select_from(QuizAttempt)) == 3


def test_another_users_attempt_is_not_found(app, client):
    make_user("ada")
    make_user("bob")
    login(client, "ada")
    attempt = start_quiz(client, make_bank(None, visibility=Visibility.PUBLIC))
    client.post("/auth/logout")
    login(client, "bob")
    for url in (f"/quiz/{attempt.id}", f"/quiz/{attempt.id}/1", f"/quiz/{attempt.id}/result"):
        assert client.get(url).status_code == 404
    assert client.post(f"/quiz/{attempt.id}/1", data={"answer": "x"}).status_code == 404
    assert client.post(f"/quiz/{attempt.id}/retry").status_code == 404
    assert db.session.scalar(db.select(db.func.count()).select_from(AttemptAnswer)) == 0


def test_a_quiz_on_someone_elses_private_bank_is_not_found(app, client):
    bank = make_bank(make_user("ada"))
    make_user("bob")
    login(client, "bob")
    assert client.get(f"/banks/{bank.id}/quiz").status_code == 404


def test_question_numbers_outside_the_quiz_are_not_found(app, client):
    make_user()
    login(client)
    attempt = start_quiz(client, make_bank(None, visibility=Visibility.PUBLIC))
    assert client.get(f"/quiz/{attempt.id}/0").status_code == 404
    assert client.get(f"/quiz/{attempt.id}/99").status_code == 404


def test_user_text_in_answers_is_escaped(app, client):
    make_user()
    login(client)
    bank = make_bank(None, visibility=Visibility.PUBLIC)
    attempt = start_quiz(client, bank, types=["short_answer"])  # a typed answer, shown back
    client.post(f"/quiz/{attempt.id}/1", data={"answer": "<script>alert(1)</script>"})
    page = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_feedback_shows_every_choice_with_the_pick_and_the_right_one_marked(app, client):
    make_user()
    login(client)
    attempt = start_quiz(
        client, make_bank(None, visibility=Visibility.PUBLIC), types=["multiple_choice"]
    )
    question = db.session.get(Question, attempt.question_ids[0])
    choices = attempt.settings["choices"][str(question.id)]
    wrong = next(c for c in choices if c != question.answer)
    client.post(f"/quiz/{attempt.id}/1", data={"answer": wrong})
    page = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    shown = re.findall(
        r'<li class="choice( right| wrong)?">\s*'
        r'<span class="symbol"[^>]*>(.?)</span>\s*<span>([^<]*)</span>',
        page,
    )
    assert [text for _, _, text in shown] == [escape(c) for c in choices]
    marks = {text: (kind.strip(), symbol) for kind, symbol, text in shown}
    assert marks[escape(question.answer)] == ("right", "✓")
    assert marks[escape(wrong)] == ("wrong", "✗")
    assert "your answer" in page and "the right answer" in page
    assert "I was right" not in page  # a pick is not a slip of the keys


def test_a_typed_answer_overruled_counts_as_right_and_the_card_learns_good(app, client):
    make_user()
    login(client)
    attempt = start_quiz(
        client, make_bank(None, visibility=Visibility.PUBLIC), types=["short_answer"]
    )
    client.post(f"/quiz/{attempt.id}/1", data={"answer": "a slip of the keys"})
    page = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    assert "Not quite." in page and "I was right" in page
    response = client.post(f"/quiz/{attempt.id}/1/overrule")
    assert response.headers["Location"].endswith(f"/quiz/{attempt.id}/1")
    db.session.expire_all()
    assert db.session.scalar(db.select(AttemptAnswer)).correct
    logs = db.session.scalars(db.select(ReviewLog).order_by(ReviewLog.id)).all()
    assert [(log.rating, log.undone_at is not None) for log in logs] == [(1, True), (3, False)]
    card = db.session.scalar(db.select(Card))
    assert card.reps == 1 and card.lapses == 0 and card.step == 1  # as after a Good
    page = client.get(f"/quiz/{attempt.id}/1").get_data(as_text=True)
    assert "Right!" in page and "I was right" not in page
    # once is enough: a second overrule changes nothing
    client.post(f"/quiz/{attempt.id}/1/overrule")
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count()).select_from(ReviewLog)) == 2


def test_a_visitors_quiz_ends_with_a_word_when_the_banks_owner_leaves(app, client):
    owner = app.test_client()
    bank = make_bank(make_user("ada"), visibility=Visibility.PUBLIC)
    login(owner, "ada")
    client.post(
        f"/banks/{bank.id}/quiz",
        data={"count": "5", "types": ["cloze"], "order": "best", "feedback": "end"},
    )
    for number in range(1, 6):
        client.post(f"/quiz/guest/{number}", data={"answer": "x"})
    assert client.get("/quiz/guest/result").status_code == 200

    deleted = owner.post("/account/delete", data={"password": "correct horse battery"})
    assert deleted.status_code == 302

    for path in ("/quiz/guest/result", "/quiz/guest/1"):
        response = client.get(path, follow_redirects=True)
        assert response.status_code == 200, path
        assert "its bank is no longer shared" in response.get_data(as_text=True)


def test_five_new_quizzes_of_ten_ask_fifty_different_facts(app, client):
    from quizapp.services.seed import seed_builtin

    seed_builtin(db.session, app.config["SEEDS_DIR"])
    db.session.commit()
    bank = db.session.scalars(db.select(Bank)).one()
    assert len(bank.facts) >= 50
    make_user()
    login(client)
    page = client.get(f"/banks/{bank.id}/quiz").get_data(as_text=True)
    assert re.search(r'value="unseen"\s+checked|checked[^>]*value="unseen"', page)
    fact_of = {q.id: q.fact_id for q in bank.questions}
    asked = []
    for _ in range(5):
        data = {"count": "10", "types": ["multiple_choice", "true_false", "cloze", "short_answer"]}
        attempt = start_quiz(client, bank, order="unseen", **data)
        asked += [fact_of[i] for i in attempt.question_ids]
        asked_types = {db.session.get(Question, i).type for i in attempt.question_ids}
        their_types = {
            q.type for q in bank.questions if fact_of[q.id] in asked[-10:] and q.status == "active"
        }
        assert asked_types == their_types  # every type the facts have is asked
        for n in range(1, 11):
            client.post(f"/quiz/{attempt.id}/{n}", data={"answer": "not it"})
    assert len(asked) == len(set(asked)) == 50
