"""A new user's path: register, quiz the built-in bank by keyboard and mouse, check the
score, follow a source link, resume an interrupted attempt, retry the missed ones."""

from __future__ import annotations

import re

from quizapp.extensions import db
from quizapp.models import Bank, Question, QuizAttempt


def register(page, name="reader"):
    page.goto("/auth/register")
    page.get_by_label("Username").fill(name)
    page.get_by_label("Password", exact=True).fill("correct horse battery")
    page.get_by_label("Repeat password").fill("correct horse battery")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/")


def current_question(page) -> tuple[QuizAttempt, int, Question]:
    attempt_id, number = map(int, re.search(r"/quiz/(\d+)/(\d+)", page.url).groups())
    db.session.expire_all()
    attempt = db.session.get(QuizAttempt, attempt_id)
    return attempt, number, db.session.get(Question, attempt.question_ids[number - 1])


def answer(page, right: bool, by_keyboard: bool) -> None:
    attempt, _, q = current_question(page)
    choices = attempt.settings["choices"].get(str(q.id))
    if choices:
        pick = q.answer if right else next(c for c in choices if c != q.answer)
        if by_keyboard:
            key = {"True": "t", "False": "f"}.get(pick, str(choices.index(pick) + 1))
            page.keyboard.press(key)
            page.keyboard.press("Enter")
        else:
            page.locator("input[type=radio]").and_(page.locator(f'[value="{pick}"]')).check()
            page.get_by_role("button", name=re.compile("Submit")).click()
    else:
        box = page.get_by_label("Your answer")
        box.fill(q.answer if right else "certainly not this")
        if by_keyboard:
            box.press("Enter")
        else:
            page.get_by_role("button", name=re.compile("Submit")).click()
    page.wait_for_selector(".feedback")
    assert ("Right!" if right else "Not quite.") in page.inner_text(".feedback")


def start_quiz(page, count="10"):
    bank_id = db.session.scalar(db.select(Bank.id))
    page.goto(f"/banks/{bank_id}")
    page.get_by_role("link", name="Take a quiz").click()
    page.get_by_label("Questions").select_option(count)
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/quiz/\d+/1$"))


def test_a_new_user_takes_and_retries_a_quiz(page):
    register(page)
    start_quiz(page)
    plan = [True, False, True, True, False, True, False, True, True, True]
    for n, right in enumerate(plan, start=1):
        assert f"{n} of 10" in page.inner_text(".progress-line")
        answer(page, right, by_keyboard=n % 2 == 1)
        if n == 2:
            # the feedback links to the source sentence in the article
            with page.expect_navigation():
                page.get_by_role("link", name="Read it in the article").click()
            assert re.search(r"/banks/\d+#s-\d+$", page.url)
            assert page.locator(":target").count() == 1
            page.go_back()
        if n == 4:
            # close the tab mid-quiz; the attempt resumes at question 5
            attempt, _, _ = current_question(page)
            page.goto("/")
            page.goto(f"/quiz/{attempt.id}")
            page.wait_for_url(re.compile(rf"/quiz/{attempt.id}/5$"))
            continue
        with page.expect_navigation():
            page.keyboard.press("n") if n % 2 else page.locator("#next").click()
    page.wait_for_url(re.compile(r"/result$"))
    heading = page.inner_text("h1")
    assert "7 / 10 (70%)" in heading
    page.get_by_role("button", name="Retry the 3 I missed").click()
    page.wait_for_url(re.compile(r"/quiz/\d+/1$"))
    assert "1 of 3" in page.inner_text(".progress-line")


def test_a_quiz_on_a_phone_sized_window(browser, server_url):
    context = browser.new_context(
        base_url=server_url, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        register(page, "phone")
        start_quiz(page, count="5")
        for n in range(1, 6):
            answer(page, right=n != 3, by_keyboard=False)
            with page.expect_navigation():
                page.locator("#next").tap()
        page.wait_for_url(re.compile(r"/result$"))
        assert "4 / 5 (80%)" in page.inner_text("h1")
        # nothing wider than the screen
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_a_second_click_while_the_quiz_starts_sends_nothing(page):
    register(page)
    bank_id = db.session.scalar(db.select(Bank.id))
    page.goto(f"/banks/{bank_id}/quiz")
    held = []  # the form's POSTs, kept from the server until both clicks are done

    def hold(route):  # type: ignore[no-untyped-def]
        if route.request.method == "POST":
            held.append(route)
        else:
            route.continue_()

    page.route(re.compile(r"/banks/\d+/quiz$"), hold)
    # in the page, as a learner clicks: Playwright's own click would wait for the page
    page.evaluate("""() => {
      const start = document.querySelector("main form button[type=submit]");
      start.click();
      setTimeout(() => start.click(), 300);  // the first request is on its way by then
    }""")
    page.wait_for_timeout(800)
    assert len(held) == 1, "the second click sent the form again"
    held[0].continue_()
    page.wait_for_url(re.compile(r"/quiz/\d+/1$"))
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count()).select_from(QuizAttempt)) == 1
    # back to the form: it can be sent again (a new quiz, the learner's choice)
    page.unroute(re.compile(r"/banks/\d+/quiz$"))
    page.go_back()
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/quiz/\d+/1$"))


def test_feedback_marks_the_choices_and_a_slip_can_be_overruled(page):
    register(page)
    bank_id = db.session.scalar(db.select(Bank.id))
    page.goto(f"/banks/{bank_id}/quiz")
    page.get_by_label("Questions").select_option("5")
    for name in ("True or false", "Fill in the blank", "Short answer"):
        page.get_by_label(name).uncheck()
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/quiz/\d+/1$"))
    answer(page, right=False, by_keyboard=False)
    attempt, _, q = current_question(page)
    choices = attempt.settings["choices"][str(q.id)]
    shown = page.locator(".feedback .choices-review li")
    assert shown.count() == len(choices)
    right = page.locator(".choices-review li.right")
    picked = page.locator(".choices-review li.wrong")
    assert q.answer in right.inner_text() and "✓" in right.inner_text()
    assert "✗" in picked.inner_text() and "your answer" in picked.inner_text()
    # the marks differ by more than colour: a symbol and words
    assert right.locator(".tag").inner_text() == "the right answer"

    # a typed answer marked wrong for a slip is counted right when the learner says so
    page.goto(f"/banks/{bank_id}/quiz")
    for name in ("Multiple choice", "True or false", "Fill in the blank"):
        page.get_by_label(name).uncheck()
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_url(re.compile(r"/quiz/\d+/1$"))
    answer(page, right=False, by_keyboard=True)
    with page.expect_navigation():
        page.get_by_role("button", name="I was right").click()
    assert "Right!" in page.inner_text(".feedback")
    assert page.get_by_role("button", name="I was right").count() == 0
