"""What each page costs inside one process, against the bare app: no gunicorn, no wrk.

    .venv/bin/python bench/page_costs.py                  # table of ms per request
    .venv/bin/python bench/page_costs.py --profile review # plus cProfile of one page
    .venv/bin/python bench/page_costs.py --sql            # plus each page's SQL

bench/load.py measures what a client sees; this one finds where a page's time goes.
The first rows are the floor under every page: an empty route, anonymous and signed
in, then with the user loaded, then with the site's layout rendered.
The same database as bench/load.py (built-in bank, 40 users with a quiz and flashcards),
signed in through the real login form (one who answers quizzes, one who reviews).
Requests are measured in turns, in blocks, and each figure is the best block: the
machine is shared, and the best block is the one least disturbed by others. Every
POST is a fresh answer or review, never a replay.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--blocks", type=int, default=15)
    parser.add_argument("--requests", type=int, default=40, help="per block")
    parser.add_argument("--profile", help="page name to profile (home, bank, ...)")
    parser.add_argument("--sql", action="store_true", help="print the SQL of each page")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="quizapp-costs-"))
    os.environ.update(
        {
            "DATABASE_URL": os.environ.get("DATABASE_URL")
            or f"sqlite:///{work / 'quizapp.sqlite3'}",
            "SECRET_KEY": "page-costs-" + os.urandom(8).hex(),
            "QUIZAPP_ENV": "production",
            "BARE_DATABASE_URL": f"sqlite:///{work / 'bare.sqlite3'}",
        }
    )
    from bench import bare_app, load
    from bench.floors import add_floor_routes
    from quizapp import create_app
    from quizapp.extensions import db

    data = load.prepare_database(dict(os.environ))
    app = create_app()
    add_floor_routes(app)
    # the request log would measure the terminal, not the app
    logging.getLogger("quizapp.request").disabled = True
    user, attempt, position = data["answers"][0]  # type: ignore[index]
    client, token = sign_in(app, f"load{user}")
    reviewer_id = data["reviews"][0][0]  # type: ignore[index]
    reviewer, reviewer_token = sign_in(app, f"load{reviewer_id}")
    bare = bare_app.app.test_client()
    anonymous = app.test_client()

    def get(c, url: str):  # type: ignore[no-untyped-def]
        return lambda: c.get(url)

    def post(c, item):  # type: ignore[no-untyped-def]
        url, form = item
        return c.post(url, data=form)

    # every POST a new answer or review (a replay would measure the idempotency check)
    fresh_answers = iter(
        (f"/quiz/{a}/{p}", {"csrf_token": token, "answer": "x"})
        for u, a, p in data["answers"]  # type: ignore[union-attr]
        if u == user
    )
    fresh_reviews = iter(
        (f"/review/{card}", {"csrf_token": reviewer_token, "rating": 3, "version": version})
        for u, card, version in data["reviews"]  # type: ignore[union-attr]
        if u == reviewer_id
    )
    requests = {
        "bare Flask app": get(bare, "/"),
        # the floor: what every request costs before a page does any work of its own
        "empty, anonymous": get(anonymous, "/_floor/empty"),
        "empty, signed in": get(client, "/_floor/empty"),
        "+ load the user": get(client, "/_floor/user"),
        "+ base.html": get(client, "/_floor/layout"),
        # the least a form POST can do: CSRF, the user, one UPDATE, commit, redirect
        "+ one write": lambda: post(client, ("/_floor/write", {"csrf_token": token})),
        "healthz": get(client, "/healthz"),
        "home": get(client, "/"),
        "bank": get(client, f"/banks/{data['bank']}"),
        "question": get(client, f"/quiz/{attempt}/{position}"),
        "review": get(client, "/review"),
        "submit answer": lambda: post(client, next(fresh_answers)),
        "submit review": lambda: post(reviewer, next(fresh_reviews)),
    }
    posts = {"+ one write", "submit answer", "submit review"}
    for name, send in requests.items():
        for _ in range(3 if name in posts else 10):  # warm up; every page must work
            status = send().status_code
            assert status == (302 if name in posts else 200), f"{name} answered {status}"

    # a learner's bank has 533 questions: that many fresh answers and reviews in all
    posts_per_block = min(args.requests, 480 // args.blocks)
    best = dict.fromkeys(requests, float("inf"))
    for _ in range(args.blocks):
        for name, send in requests.items():
            count = posts_per_block if name in posts else args.requests
            started = time.perf_counter()
            for _ in range(count):
                send()
            best[name] = min(best[name], (time.perf_counter() - started) / count)
    ceiling = best["bare Flask app"]
    print(f"{'request':16} {'ms':>7} {'x bare':>7}   (best of {args.blocks} blocks)")
    for name, seconds in best.items():
        print(f"{name:16} {seconds * 1000:7.2f} {ceiling / seconds:7.2f}")

    if args.sql:
        from sqlalchemy import event

        with app.app_context():
            engine = db.engine
        statements: list[str] = []
        event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        event.listen(engine, "commit", lambda *a: statements.append("COMMIT"))
        for name, send in requests.items():
            if name == "bare Flask app":
                continue
            statements.clear()
            send()
            print(f"\n{name}: {len(statements)} statements")
            for statement in statements:
                print("   ", " ".join(statement.split())[:140])

    if args.profile:
        send = requests[args.profile]
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(posts_per_block if args.profile in posts else args.requests * 5):
            send()
        profiler.disable()
        pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(50)
    shutil.rmtree(work, ignore_errors=True)


def sign_in(app, username: str):  # type: ignore[no-untyped-def]
    from bench import load

    """A test client signed in through the login form, and its CSRF token."""
    client = app.test_client()
    login = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login)
    assert token, "no CSRF token on the login page"
    form = {"csrf_token": token.group(1), "username": username, "password": load.PASSWORD}
    assert client.post("/auth/login", data=form).status_code == 302, "sign-in failed"
    settings = client.get("/settings").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', settings)
    assert token, "no CSRF token on the settings page"
    return client, token.group(1)


if __name__ == "__main__":
    main()
