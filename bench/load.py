"""Throughput and latency of quizapp under gunicorn, against a bare Flask app as ceiling.

    .venv/bin/python bench/load.py [--seconds 5] [--workers 2] [--threads 4]
    DATABASE_URL=postgresql+psycopg://... .venv/bin/python bench/load.py   # on PostgreSQL

Load generator: wrk (`apt-get install wrk`), with a Lua script per write endpoint so
that every POST is a new answer or review with a fresh CSRF-protected form, never a
replay. The app runs under gunicorn on 127.0.0.1 with the built-in bank, and 40 users
each with a quiz over the whole bank and a flashcard for every question. In the same
run, bench/bare_app.py (one template, one 10-row SQLAlchemy query) under the same
gunicorn settings gives the ceiling; each page's throughput is printed as a ratio of it,
measured just before the page: the machine is shared, and a ceiling taken minutes
earlier can be that of a busier or quieter machine.
Targets (issue 7): every page >= 0.5 of the bare app, p99 < 50 ms at 10 clients.

--floors also serves bench/floors.py beside the app and measures the layers every
page stands on (signed in, the user loaded, the layout, a one-UPDATE form POST): no
page can beat the floor it stands on, so these rows show what a target leaves the
app's own code.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # bench.floors, when run as bench/load.py
BIN = Path(sys.executable).parent
USERS = 40  # 20 answer quizzes, 20 review: about 10,000 fresh writes of each kind
PASSWORD = "load test password"  # noqa: S105  (throwaway accounts in a temp database)
# Sent with every request, sign-in included, as a browser does. Flask-Login's session
# protection marks a session whose User-Agent changed since sign-in as not fresh, and
# wrk, which never stores the new cookie, would then have every page re-sign its
# session cookie: work that no real client causes.
USER_AGENT = "quizapp-bench-load"


@dataclass
class Result:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace").splitlines()[-20:]
            sys.exit(f"the server at {url} exited with {process.returncode}:\n" + "\n".join(tail))
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310  (loopback)
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"the server at {url} did not start")


def gunicorn(
    app: str, port: int, env: dict[str, str], args: argparse.Namespace, log: Path
) -> subprocess.Popen:
    """gunicorn on loopback; its own log (and the app's request log) go to `log`,
    which wait_up prints if the server does not come up."""
    command = [
        str(BIN / "gunicorn"),
        "--workers", str(args.workers),
        "--threads", str(args.threads),
        "--bind", f"127.0.0.1:{port}",
        app,
    ]  # fmt: skip
    with log.open("wb") as out:
        return subprocess.Popen(  # noqa: S603  (our own gunicorn)
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )


def prepare_database(env: dict[str, str]) -> dict[str, object]:
    """Schema, built-in bank, users with a quiz and flashcards; returns what wrk needs."""
    subprocess.run([str(BIN / "quizapp"), "db", "upgrade"], env=env, check=True, cwd=ROOT,  # noqa: S603
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    subprocess.run([str(BIN / "quizapp"), "seed"], env=env, check=True, cwd=ROOT,  # noqa: S603
                   stdout=subprocess.DEVNULL)  # fmt: skip
    os.environ.update(env)
    import random
    from datetime import UTC, datetime

    from quizapp import create_app
    from quizapp.extensions import db
    from quizapp.models import Bank, Card
    from quizapp.services import accounts, quizzes
    from quizapp.services.reviews import ensure_cards

    app = create_app({"SQLALCHEMY_DATABASE_URI": env["DATABASE_URL"]})
    with app.app_context():
        bank = db.session.scalar(db.select(Bank).order_by(Bank.id))
        answers, reviews = [], []
        for n in range(USERS):
            user = accounts.find_user(db.session, f"load{n}") or accounts.create_user(
                db.session, f"load{n}", PASSWORD
            )
            attempt = quizzes.start_attempt(
                db.session, user, bank, count=None,
                types=["multiple_choice", "true_false", "cloze", "short_answer"],
                order="best", feedback="each", now=datetime.now(UTC), rng=random.Random(n),
            )  # fmt: skip
            ensure_cards(db.session, user, bank, datetime.now(UTC))
            db.session.commit()
            # half the users answer quizzes, the other half review: a quiz answer is a
            # review of its card too, and would make a prepared review's version stale
            if n < USERS // 2:
                answers += [(n, attempt.id, p + 1) for p in range(len(attempt.question_ids))]
                continue
            cards = db.session.execute(
                db.select(Card.id, Card.version).where(Card.user_id == user.id)
            ).all()
            reviews += [(n, card_id, version) for card_id, version in cards]
        random.Random(0).shuffle(answers)
        random.Random(1).shuffle(reviews)
        return {"bank": bank.id, "answers": answers, "reviews": reviews}


def sign_in(base: str, username: str) -> tuple[str, str]:
    """(Cookie header, CSRF token) of a real sign-in through the login form."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.addheaders = [("User-Agent", USER_AGENT)]
    page = opener.open(f"{base}/auth/login").read().decode()  # noqa: S310
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    token = token or re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token, "no CSRF token on the login page"
    data = urllib.parse.urlencode(
        {"csrf_token": token.group(1), "username": username, "password": PASSWORD}
    ).encode()
    opener.open(f"{base}/auth/login", data=data)  # noqa: S310
    page = opener.open(f"{base}/settings").read().decode()  # noqa: S310
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or re.search(
        r'name="csrf_token" value="([^"]+)"', page
    )
    assert token, "sign-in failed"
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    return cookie, token.group(1)


def lua_literal(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_script(path: Path, method: str, items: list[tuple[str, str, str]], threads: int) -> None:
    """A wrk script that sends each item once, the threads taking turns."""
    rows = ",\n".join("{" + ", ".join(lua_literal(x) for x in item) + "}" for item in items)
    path.write_text(f"""
local items = {{
{rows}
}}
local n = 0
local count = 0
function setup(thread)
  thread:set("tid", count)
  count = count + 1
end
function request()
  local i = (n * {threads} + tid) % #items + 1
  n = n + 1
  local it = items[i]
  local headers = {{["Cookie"] = it[2], ["User-Agent"] = "{USER_AGENT}"}}
  if "{method}" == "POST" then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
  end
  return wrk.format("{method}", it[1], headers, it[3])
end
""")


UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def run_wrk(
    url: str, clients: int, seconds: int, script: Path | None, cookie: str | None
) -> Result:
    threads = min(clients, 2)
    command = ["wrk", f"-t{threads}", f"-c{clients}", f"-d{seconds}s", "--latency", url]
    if script is not None:
        command[1:1] = ["-s", str(script)]
    else:
        command[1:1] = ["-H", f"User-Agent: {USER_AGENT}"]
        if cookie:
            command[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]

    def percentile(p: str) -> float:
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\b", out, re.M)
        return float(m.group(1)) * UNIT[m.group(2)] if m else float("nan")

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    total = re.search(r"(\d+) requests in", out)
    return Result(rps, percentile("50"), percentile("99"), int(errors.group(1)) if errors else 0,
                  int(total.group(1)) if total else 0)  # fmt: skip


def stored_writes(database: str) -> dict[str, int]:
    """What the writes left in the database: each answer and review exactly once."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database)
    with engine.connect() as connection:
        answers = connection.execute(text("SELECT count(*) FROM attempt_answers")).scalar()
        reviews = connection.execute(
            text("SELECT count(*) FROM review_logs WHERE source = 'review'")
        ).scalar()
    engine.dispose()
    return {"answers": int(answers or 0), "reviews": int(reviews or 0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="per measurement")
    # the same defaults as make serve: one single-threaded worker per CPU, at least two
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 1))
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--floors", action="store_true", help="also measure bench/floors.py")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("bench/load.py needs wrk: apt-get install wrk")

    work = Path(tempfile.mkdtemp(prefix="quizapp-load-"))
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{work / 'quizapp.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "SECRET_KEY": "load-test-" + os.urandom(8).hex(),
        "QUIZAPP_ENV": "production",
        "QUIZAPP_LOGIN_RATE_LIMIT": "100000 per minute",
        "BARE_DATABASE_URL": f"sqlite:///{work / 'bare.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }
    print(
        f"database: {database.split('://')[0]}; gunicorn {args.workers} workers x "
        f"{args.threads} threads; wrk, {args.seconds} s per figure; {os.cpu_count()} CPUs"
    )
    data = prepare_database(env)

    app_port, bare_port = free_port(), free_port()
    app_log, bare_log = work / "app.log", work / "bare.log"
    app_server = gunicorn("wsgi:app", app_port, env, args, app_log)
    bare_server = gunicorn("bench.bare_app:app", bare_port, env, args, bare_log)
    servers = [app_server, bare_server]
    if args.floors:
        floor_port, floor_log = free_port(), work / "floors.log"
        servers.append(
            gunicorn("bench.floors:create_floor_app()", floor_port, env, args, floor_log)
        )
    try:
        base = f"http://127.0.0.1:{app_port}"
        wait_up(f"{base}/healthz", app_server, app_log)
        wait_up(f"http://127.0.0.1:{bare_port}/", bare_server, bare_log)
        if args.floors:
            wait_up(f"http://127.0.0.1:{floor_port}/healthz", servers[2], floor_log)
        sessions = [sign_in(base, f"load{n}") for n in range(USERS)]
        cookie = sessions[0][0]
        answers, reviews = data["answers"], data["reviews"]  # type: ignore[index]
        used = {"answers": 0, "reviews": 0}

        def take(kind: str, pool: list, count: int) -> list:  # type: ignore[type-arg]
            start = used[kind]
            used[kind] += count
            return pool[start : start + count]

        rows: list[tuple[str, int, Result, float]] = []  # + the bare app's req/s beside it
        bare_url = f"http://127.0.0.1:{bare_port}/"
        bare_runs: dict[int, list[float]] = {1: [], 10: []}

        def beside_bare(
            name: str, clients: int, url: str, script: Path | None, cookie: str | None
        ) -> Result:
            """The bare app, then the page: a ratio of two figures a few seconds apart."""
            ceiling = run_wrk(bare_url, clients, args.seconds, None, None).rps
            result = run_wrk(url, clients, args.seconds, script, cookie)
            bare_runs[clients].append(ceiling)
            rows.append((name, clients, result, ceiling))
            return result

        # steady state, not start-up: every worker compiles its templates and SQL and
        # fills its bank-page cache on first use, which would otherwise land in the
        # first figures' p99 (GET pages only: a warm-up POST would be a replay later)
        for path in ("/", f"/banks/{data['bank']}", "/review"):
            run_wrk(f"{base}{path}", 4, 1, None, cookie)
        run_wrk(bare_url, 4, 1, None, None)
        for clients in (1, 10):
            threads = min(clients, 2)
            if args.floors:
                from bench.floors import FLOORS

                # the same user's session: the servers share the database and SECRET_KEY
                floor_base = f"http://127.0.0.1:{floor_port}"
                for name, path, method in FLOORS:
                    if method == "GET":
                        url, script = f"{floor_base}{path}", None
                    else:
                        url, script = f"{floor_base}/", work / f"floor-{clients}.lua"
                        body = urllib.parse.urlencode({"csrf_token": sessions[0][1]})
                        write_script(script, method, [(path, cookie, body)], threads)
                    beside_bare(f"floor: {name}", clients, url, script, None if script else cookie)
            gets = {
                "home page": "/",
                "bank page": f"/banks/{data['bank']}",
                "quiz question page": "/quiz/{attempt}/{n}",
                "review page": "/review",
            }
            for name, path in gets.items():
                script = None
                if "{" in path:
                    items = [
                        (path.format(attempt=a, n=p), sessions[u][0], "")
                        for u, a, p in answers[:2000]  # type: ignore[index]
                    ]
                    script = work / "get.lua"
                    write_script(script, "GET", items, threads)
                    url = f"{base}/"
                else:
                    url = f"{base}{path}"
                beside_bare(name, clients, url, script, None if script else cookie)
            # writes: every request a new answer / review, never a replay
            budget = 600 * args.seconds * (2 if clients > 1 else 1)
            writes = {
                "submit an answer": [
                    (f"/quiz/{a}/{p}", sessions[u][0],
                     urllib.parse.urlencode({"csrf_token": sessions[u][1], "answer": "x"}))
                    for u, a, p in take("answers", answers, budget)  # type: ignore[arg-type]
                ],
                "submit a review": [
                    (f"/review/{c}", sessions[u][0],
                     urllib.parse.urlencode({"csrf_token": sessions[u][1], "rating": 3,
                                             "version": v}))
                    for u, c, v in take("reviews", reviews, budget)  # type: ignore[arg-type]
                ],
            }  # fmt: skip
            for name, items in writes.items():
                script = work / "write.lua"
                write_script(script, "POST", items, threads)
                result = beside_bare(name, clients, f"{base}/", script, None)
                if result.requests > len(items):
                    print(f"  note: {name}: {result.requests - len(items)} replays (pool spent)")
    finally:
        for server in servers:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    stored = stored_writes(env["DATABASE_URL"])
    shutil.rmtree(work, ignore_errors=True)

    print(f"\n{'page':28} {'clients':>7} {'req/s':>8} {'x bare':>7} {'p50 ms':>8} "
          f"{'p99 ms':>8} {'errors':>7}")  # fmt: skip
    for clients, runs in bare_runs.items():
        print(f"{'bare Flask app (ceiling)':28} {clients:7d} {statistics.median(runs):8.0f} "
              f"{'1.00':>7}   (median of {len(runs)} runs, "
              f"{min(runs):.0f}-{max(runs):.0f}; each row's ratio is to its own)")  # fmt: skip
    verdicts = []
    for name, clients, r, ceiling in rows:
        ratio = r.rps / ceiling
        print(f"{name:28} {clients:7d} {r.rps:8.0f} {ratio:7.2f} {r.p50_ms:8.1f} "
              f"{r.p99_ms:8.1f} {r.errors:7d}")  # fmt: skip
        if not name.startswith(("bare", "floor")):
            verdicts.append((clients, ratio >= 0.5, r.p99_ms < 50, r.errors == 0))
    at_ten = [v for v in verdicts if v[0] == 10]
    sent = {
        kind: sum(r.requests for name, _, r, _ in rows if name == label)
        for kind, label in (("answers", "submit an answer"), ("reviews", "submit a review"))
    }
    print(
        f"\nstored: {stored['answers']:,} answers for {sent['answers']:,} answer requests "
        f"completed, {stored['reviews']:,} reviews for {sent['reviews']:,} (a request still "
        "in flight when wrk stops is stored but not counted as completed)"
    )
    print(
        f"\npages at >= 0.5 of the bare app: {sum(v[1] for v in verdicts)}/{len(verdicts)}; "
        f"p99 < 50 ms at 10 clients: {sum(v[2] for v in at_ten)}/{len(at_ten)}; "
        f"without errors: {sum(v[3] for v in verdicts)}/{len(verdicts)}"
    )


if __name__ == "__main__":
    main()
