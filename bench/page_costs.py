"""What each page costs inside one process, against the bare app: no gunicorn, no wrk.

    .venv/bin/python bench/page_costs.py                  # table of ms per request
    .venv/bin/python bench/page_costs.py --profile review # plus cProfile of one page
    .venv/bin/python bench/page_costs.py --sql            # plus each page's SQL

bench/load.py measures what a client sees; this one finds where a page's time goes.
The same database as bench/load.py (built-in bank, 40 users with a quiz and flashcards),
signed in as one of them through the real login form. Pages are measured in turns, in
blocks of requests, and each figure is the best block: the machine is shared, and
the best block is the one least disturbed by others. GET pages only, since a
measured POST would change what the next one does.
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
    from quizapp import create_app
    from quizapp.extensions import db

    data = load.prepare_database(dict(os.environ))
    app = create_app()
    # the request log would measure the terminal, not the app
    logging.getLogger("quizapp.request").disabled = True
    client = app.test_client()
    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token, "no CSRF token on the login page"
    user, attempt, position = data["answers"][0]  # type: ignore[index]
    signed_in = client.post(
        "/auth/login",
        data={"csrf_token": token.group(1), "username": f"load{user}", "password": load.PASSWORD},
    )
    assert signed_in.status_code == 302, "sign-in failed"
    bare = bare_app.app.test_client()
    pages = {
        "bare Flask app": (bare, "/"),
        "healthz": (client, "/healthz"),
        "home": (client, "/"),
        "bank": (client, f"/banks/{data['bank']}"),
        "question": (client, f"/quiz/{attempt}/{position}"),
        "review": (client, "/review"),
    }
    for name, (c, url) in pages.items():
        for _ in range(10):  # warm caches; every page must work before it is timed
            status = c.get(url).status_code
            assert status == 200, f"{name}: {url} answered {status}"

    best = dict.fromkeys(pages, float("inf"))
    for _ in range(args.blocks):
        for name, (c, url) in pages.items():
            started = time.perf_counter()
            for _ in range(args.requests):
                c.get(url)
            best[name] = min(best[name], (time.perf_counter() - started) / args.requests)
    ceiling = best["bare Flask app"]
    print(f"{'page':16} {'ms':>7} {'x bare':>7}   (best of {args.blocks} blocks)")
    for name, seconds in best.items():
        print(f"{name:16} {seconds * 1000:7.2f} {ceiling / seconds:7.2f}")

    if args.sql:
        from sqlalchemy import event

        with app.app_context():
            engine = db.engine
        statements: list[str] = []
        event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        for name, (c, url) in pages.items():
            if c is bare:
                continue
            statements.clear()
            c.get(url)
            print(f"\n{name}: {len(statements)} statements")
            for statement in statements:
                print("   ", " ".join(statement.split())[:140])

    if args.profile:
        c, url = pages[args.profile]
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests * 5):
            c.get(url)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(50)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
