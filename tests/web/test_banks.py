from sqlalchemy import select

from quizapp.domain.documents import Document
from quizapp.extensions import db
from quizapp.models import Bank, Question, QuestionStatus, Visibility
from quizapp.services.imports import import_document
from tests.builders import SAMPLE_ARTICLE, SECOND_ARTICLE, login, make_bank, make_user


def test_bank_page_shows_questions_and_the_article_with_anchors(app, client):
    bank = make_bank(make_user(), visibility=Visibility.PUBLIC)
    page = client.get(f"/banks/{bank.id}").get_data(as_text=True)
    first = bank.questions[0]
    assert f'id="q-{first.id}"' in page
    assert f'href="#s-{first.sentence_start}"' in page
    assert f'id="s-{first.sentence_start}"' in page
    assert "Regenerate" not in page  # visitors see no owner actions


def test_someone_elses_private_bank_is_not_found(app, client):
    bank = make_bank(make_user("ada"))
    make_user("bob")
    login(client, "bob")
    assert client.get(f"/banks/{bank.id}").status_code == 404
    question = bank.questions[0]
    assert client.get(f"/questions/{question.id}/edit").status_code == 404
    assert client.post(f"/questions/{question.id}/retire").status_code == 404
    assert client.post(f"/banks/{bank.id}/regenerate").status_code == 404


def test_filters_narrow_the_list(app, client):
    bank = make_bank(make_user(), visibility=Visibility.PUBLIC)
    page = client.get(f"/banks/{bank.id}?type=cloze&kind=money").get_data(as_text=True)
    shown = [q for q in bank.questions if f'id="q-{q.id}"' in page]
    assert shown and all(q.type == "cloze" and q.fact_kind == "money" for q in shown)


def test_owner_edits_a_question(app, client):
    bank = make_bank(make_user())
    login(client)
    q = next(q for q in bank.questions if q.type == "cloze")
    response = client.post(
        f"/questions/{q.id}/edit",
        data={
            "prompt": "Fill in: the farm cost _____.",
            "answer": q.answer,
            "choices": "",
            "explanation": "From the lead.",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/banks/{bank.id}#q-{q.id}")
    db.session.expire_all()
    q = db.session.get(Question, q.id)
    assert q.prompt == "Fill in: the farm cost _____." and q.status == QuestionStatus.EDITED


def test_owner_edits_a_true_false_question_through_its_own_form(app, client):
    """Its edit form has no choices field: the POST carries only the fields shown."""
    import re

    bank = make_bank(make_user())
    login(client)
    q = next(q for q in bank.questions if q.type == "true_false")
    page = client.get(f"/questions/{q.id}/edit").get_data(as_text=True)
    fields = set(re.findall(r'name="(\w+)"', page)) - {"csrf_token"}
    assert "choices" not in fields
    sent = {"prompt": "True or false: the statement, reworded.", "answer": q.answer}
    response = client.post(f"/questions/{q.id}/edit", data={f: sent.get(f, "") for f in fields})
    assert response.status_code == 302
    db.session.expire_all()
    q = db.session.get(Question, q.id)
    assert q.prompt == sent["prompt"] and q.choices == ["True", "False"]


def test_owner_edit_errors_are_shown_and_nothing_changes(app, client):
    bank = make_bank(make_user())
    login(client)
    q = next(q for q in bank.questions if q.type == "multiple_choice")
    page = client.post(
        f"/questions/{q.id}/edit",
        data={"prompt": q.prompt, "answer": "nonsense", "choices": "\n".join(q.choices)},
    ).get_data(as_text=True)
    assert "must be one of the choices" in page
    db.session.expire_all()
    assert db.session.get(Question, q.id).status == QuestionStatus.ACTIVE


def test_owner_retires_restores_and_regenerates(app, client):
    bank = make_bank(make_user())
    login(client)
    q = bank.questions[0]
    client.post(f"/questions/{q.id}/retire")
    db.session.expire_all()
    assert db.session.get(Question, q.id).status == QuestionStatus.RETIRED
    client.post(f"/questions/{q.id}/restore")
    db.session.expire_all()
    assert db.session.get(Question, q.id).status == QuestionStatus.EDITED
    response = client.post(f"/banks/{bank.id}/regenerate", follow_redirects=True)
    assert "your edits were kept" in response.get_data(as_text=True)


def test_owner_shares_and_unshares(app, client):
    bank = make_bank(make_user())
    login(client)
    client.post(f"/banks/{bank.id}/visibility")
    db.session.expire_all()
    assert bank.visibility == Visibility.PUBLIC
    client.post(f"/banks/{bank.id}/visibility")
    db.session.expire_all()
    assert bank.visibility == Visibility.PRIVATE


def test_article_text_and_titles_are_escaped(app, client):
    hostile = "<b>Bold</b> news\n\n" + SECOND_ARTICLE.replace(
        "The Eastbrook Central Library reopened",
        "The <script>alert(1)</script> Eastbrook Central Library reopened",
    )
    bank = make_bank(make_user(), text=hostile, visibility=Visibility.PUBLIC)
    page = client.get(f"/banks/{bank.id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert "<b>Bold</b>" not in page


def test_long_banks_are_paged(app, client):
    two_stories = SAMPLE_ARTICLE + "\n\n" + SECOND_ARTICLE.split("\n\n", 1)[1]
    bank = make_bank(make_user(), text=two_stories, visibility=Visibility.PUBLIC)
    assert len(bank.questions) > 50
    first = client.get(f"/banks/{bank.id}").get_data(as_text=True)
    second = client.get(f"/banks/{bank.id}?page=2").get_data(as_text=True)
    ordered = [q for f in bank.facts for q in f.questions]  # fact by fact
    assert f'id="q-{ordered[0].id}"' in first
    assert f'id="q-{ordered[50].id}"' not in first
    assert f'id="q-{ordered[50].id}"' in second
    assert "Page 2 of" in second
    assert client.get(f"/banks/{bank.id}?page=999").status_code == 200


def test_owner_edits_the_details(app, client):
    bank = make_bank(make_user())
    login(client)
    response = client.post(
        f"/banks/{bank.id}/details",
        data={
            "name": "Solar farm",
            "publisher": "Harbour Gazette",
            "published_on": "2024-05-01",
            "source": "https://news.example/solar",
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert bank.name == "Solar farm"
    assert bank.publisher == "Harbour Gazette"
    assert bank.published_on.isoformat() == "2024-05-01"


def test_details_of_a_shared_text_are_each_banks_own(app, client):
    ada = make_user("ada")
    first = make_bank(ada)
    second = make_bank(make_user("bob"))
    assert first.article_id == second.article_id  # the text is stored once
    login(client, "bob")
    client.post(f"/banks/{second.id}/details", data={"name": "Bob's copy", "publisher": "X"})
    db.session.expire_all()
    assert (second.name, second.publisher) == ("Bob's copy", "X")
    assert first.publisher is None


def test_one_users_details_of_a_text_never_show_on_anothers_bank(app, client):
    ada = make_user("ada")
    make_user("bob")
    import_document(
        db.session,
        Document(
            text=SAMPLE_ARTICLE,
            title="A private working title",
            publisher="Gazette of Ada",
            date="2021-02-03",
            source="https://ada.example/private",
        ),
        owner=ada,
    )
    db.session.commit()
    login(client, "bob")
    made = client.post("/api/v1/articles", json={"text": SAMPLE_ARTICLE, "visibility": "public"})
    assert made.status_code == 201
    bank_id = made.json["id"]

    visitor = app.test_client()
    page = visitor.get(f"/banks/{bank_id}").get_data(as_text=True)
    home = visitor.get("/").get_data(as_text=True)
    for private in ("A private working title", "Gazette of Ada", "2021-02-03", "ada.example"):
        assert private not in page, private
        assert private not in home, private
    article = visitor.get(f"/api/v1/banks/{bank_id}").json["article"]
    assert article["title"] != "A private working title"
    assert (article["publisher"], article["published_on"], article["source"]) == (None,) * 3
    exported = visitor.get(f"/banks/{bank_id}/export/json").get_data(as_text=True)
    assert "ada.example" not in exported

    owner = app.test_client()
    login(owner, "ada")  # her own bank keeps what she gave it
    ada_bank = db.session.scalar(select(Bank).where(Bank.owner_id == ada.id))
    assert "Gazette of Ada" in owner.get(f"/banks/{ada_bank.id}").get_data(as_text=True)


def test_owner_sees_item_statistics(app, client):
    from quizapp.models import AttemptAnswer, QuizAttempt

    owner = make_user()
    bank = make_bank(owner)
    mcq = next(q for q in bank.questions if q.type == "multiple_choice")
    wrong = next(c for c in mcq.choices if c != mcq.answer)
    attempt = QuizAttempt(user=owner, bank=bank, question_ids=[mcq.id])
    db.session.add(attempt)
    db.session.flush()
    db.session.add(
        AttemptAnswer(
            attempt_id=attempt.id, question_id=mcq.id, position=0, given=wrong, correct=False
        )
    )
    db.session.commit()
    login(client)
    page = client.get(f"/banks/{bank.id}").get_data(as_text=True)
    assert "Asked 1 time · 0% right" in page
    assert f"{wrong} 1" in page


def test_export_downloads_each_format(app, client):
    bank = make_bank(make_user(), visibility=Visibility.PUBLIC)
    for fmt, kind in (
        ("apkg", "application/octet-stream"),
        ("csv", "text/csv"),
        ("tsv", "text/tab-separated-values"),
        ("gift", "text/plain"),
        ("json", "application/json"),
    ):
        response = client.get(f"/banks/{bank.id}/export/{fmt}")
        assert response.status_code == 200, fmt
        assert response.mimetype == kind
        if kind.startswith("text/"):  # once: a second "; charset=" is a malformed header
            assert response.headers["Content-Type"] == f"{kind}; charset=utf-8"
        assert "attachment" in response.headers["Content-Disposition"]
    assert client.get(f"/banks/{bank.id}/export/docx").status_code == 404


def test_private_banks_are_not_exported_for_others(app, client):
    bank = make_bank(make_user("ada"))
    assert client.get(f"/banks/{bank.id}/export/json").status_code == 404


def test_other_viewers_see_the_owners_changes_at_once(app, client):
    # the page others see is cached under the bank's revision: every change must show
    bank = make_bank(make_user(), visibility=Visibility.PUBLIC)
    edited, retired = [q for q in bank.questions if q.type == "cloze"][:2]
    ids = (edited.id, retired.id)
    before = client.get(f"/banks/{bank.id}").get_data(as_text=True)
    assert f'id="q-{retired.id}"' in before
    login(client)
    client.post(
        f"/questions/{edited.id}/edit",
        data={"prompt": "Fill in: the new prompt _____.", "answer": edited.answer},
    )
    client.post(f"/questions/{retired.id}/retire")
    assert client.post("/auth/logout").status_code == 302
    after = client.get(f"/banks/{bank.id}").get_data(as_text=True)
    assert "Fill in: the new prompt _____." in after
    assert f'id="q-{ids[1]}"' not in after
    assert (
        client.get(f"/banks/{bank.id}?type=cloze").get_data(as_text=True).count("the new prompt")
        == 1
    )


def test_the_quizlet_export_is_term_and_definition_pairs(app, client):
    bank = make_bank(make_user(), visibility=Visibility.PUBLIC)
    response = client.get(f"/banks/{bank.id}/export/quizlet")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].endswith(".quizlet.tsv")
    lines = response.get_data(as_text=True).splitlines()
    # no header and no third column: Quizlet would make cards of them
    questions = [q for q in bank.questions if q.status.value != "retired"]
    assert len(lines) == len(questions)
    assert all(line.count("\t") == 1 for line in lines)
    assert set(lines) == {f"{q.prompt}\t{q.answer}" for q in questions}


def test_a_new_bank_never_shows_the_cached_page_of_a_deleted_one(app, client):
    # SQLite handed a deleted bank's id to the next bank, and everyone but its owner was
    # served the deleted bank's cached article and questions under the new title
    from quizapp.services.accounts import delete_account

    leaving = make_user("xavier")
    old_id = make_bank(leaving, visibility=Visibility.PUBLIC).id
    assert "Northfield" in client.get(f"/banks/{old_id}").get_data(as_text=True)
    delete_account(db.session, leaving)
    db.session.commit()

    new = make_bank(make_user("yolanda"), text=SECOND_ARTICLE, visibility=Visibility.PUBLIC)
    assert new.id != old_id  # ids are never handed out twice
    page = client.get(f"/banks/{new.id}").get_data(as_text=True)
    assert "Eastbrook" in page and "Northfield" not in page


def test_a_bank_under_a_repeated_id_gets_its_own_cached_page(app, client):
    # an id can still repeat where the cache outlives the database (a restored backup,
    # a shared Redis in front of a rebuilt database): the cache key must not
    from quizapp.models import Bank

    first = make_bank(make_user("xavier"), visibility=Visibility.PUBLIC)
    bank_id = first.id
    assert "Northfield" in client.get(f"/banks/{bank_id}").get_data(as_text=True)
    db.session.delete(first)
    db.session.commit()
    db.session.expunge_all()

    second = make_bank(make_user("yolanda"), text=SECOND_ARTICLE, visibility=Visibility.PUBLIC)
    if second.id != bank_id:  # the database no longer repeats ids: repeat it by hand
        db.session.add(
            Bank(
                id=bank_id,
                name=second.name,
                article_id=second.article_id,
                owner_id=second.owner_id,
                visibility=Visibility.PUBLIC,
            )
        )
        db.session.flush()
        db.session.execute(
            db.update(Question).where(Question.bank_id == second.id).values(bank_id=bank_id)
        )
        db.session.execute(db.delete(Bank).where(Bank.id == second.id))
        db.session.commit()
    page = client.get(f"/banks/{bank_id}").get_data(as_text=True)
    assert "Eastbrook" in page and "Northfield" not in page


def test_the_bank_page_groups_each_facts_questions_under_it(app, client):
    bank = make_bank(make_user(), visibility=Visibility.PUBLIC)
    page = client.get(f"/banks/{bank.id}").get_data(as_text=True)
    fact = next(f for f in bank.facts if len(f.questions) > 1 and f.answer)
    item = page[page.index(f'id="f-{fact.id}"') :]
    item = item.split('<li id="f-', 1)[0]  # up to the next fact
    assert f"Fact {fact.rank + 1}</strong>" in item
    assert f"{len(bank.facts)} facts, {len(bank.questions)} questions" in page
    for q in fact.questions:
        assert f'id="q-{q.id}"' in item
