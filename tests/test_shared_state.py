"""Two app servers on one database and one Redis, as two hosts behind a proxy would be:
they share the login rate limit and the cached bank pages (README, Deployment).

With the default in-process storage each server counts on its own, which the control
case shows: without it, a passing test here could mean the limit was never per-host.
Needs redis-server (apt-get install redis-server); .ci/run installs it, and in CI
(CI=true) its absence fails the tests instead of skipping them.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import pytest

from quizapp.extensions import db
from quizapp.models import Question, Visibility
from quizapp.services import banks as bank_service
from tests import live_server
from tests.builders import make_bank

GUNICORN = str(Path(sys.executable).parent / "gunicorn")


@pytest.fixture()
def redis_url(tmp_path: Path) -> Iterator[str]:
    server = shutil.which("redis-server")
    if server is None:
        message = "redis-server not found: apt-get install redis-server"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run the Redis tests)")
        pytest.skip(message)
    import redis

    port = live_server.free_port()
    command = [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", "--dir", str(tmp_path)]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 20
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail(f"redis-server did not start (exit status {process.poll()})")
            time.sleep(0.05)
    try:
        yield url
    finally:
        client.close()
        process.terminate()
        process.wait(timeout=10)


def start_servers(stack: ExitStack, app, tmp_path: Path, settings: dict[str, str]) -> list[int]:  # type: ignore[no-untyped-def]
    """Two single-worker gunicorn servers with the same settings; their ports."""
    env = {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "SECRET_KEY": "two hosts, one secret",
        **settings,
    }
    ports = [live_server.free_port(), live_server.free_port()]

    def start(port: int):  # type: ignore[no-untyped-def]
        command = [GUNICORN, "--workers", "1", "--bind", f"127.0.0.1:{port}", "wsgi:app"]
        return live_server.start(command, port, tmp_path / f"{port}.log", env)

    with ThreadPoolExecutor(2) as pool:  # both boot at once: half the wait
        booting = [pool.submit(start, port) for port in ports]
    for future in booting:  # stop whichever started, even when the other did not
        if future.exception() is None:
            stack.callback(live_server.stop, future.result())
    for future in booting:
        future.result()  # re-raises a failed start
    return ports


def failed_login(port: int) -> int:
    """A wrong password through the real form (CSRF token and all); the status."""
    browser = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    base = f"http://127.0.0.1:{port}"
    page = browser.open(f"{base}/auth/login").read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token, "no CSRF token on the login page"
    form = {"csrf_token": token.group(1), "username": "ada", "password": "wrong"}
    try:
        return browser.open(f"{base}/auth/login", urllib.parse.urlencode(form).encode()).status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize(
    ("storage", "sixth_login"),
    [("redis", 429), ("memory://", 422)],
    ids=["redis: one limit for both hosts", "memory: each host its own (control)"],
)
def test_the_login_rate_limit_is_shared_through_redis(
    app, tmp_path, redis_url, storage, sixth_login
):  # type: ignore[no-untyped-def]
    settings = {
        "RATELIMIT_STORAGE_URI": redis_url if storage == "redis" else storage,
        "QUIZAPP_LOGIN_RATE_LIMIT": "5 per minute",
    }
    db.session.remove()
    with ExitStack() as stack:
        a, b = start_servers(stack, app, tmp_path, settings)
        statuses = [failed_login(port) for port in (a, b, a, b, a)]
        assert statuses == [422] * 5  # a wrong password, refused with the form again
        assert failed_login(b) == sixth_login


def test_bank_pages_are_cached_once_for_both_hosts_and_never_stale(app, tmp_path, redis_url):  # type: ignore[no-untyped-def]
    import redis

    bank = make_bank(owner=None, visibility=Visibility.PUBLIC)
    bank_id, question_id = bank.id, bank.questions[0].id
    db.session.commit()
    db.session.remove()
    settings = {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": redis_url}
    store = redis.Redis.from_url(redis_url)

    def hits() -> int:
        return int(store.info("stats")["keyspace_hits"])

    def page(port: int) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/banks/{bank_id}") as response:  # noqa: S310
            return response.read().decode()

    with ExitStack() as stack:
        a, b = start_servers(stack, app, tmp_path, settings)
        first = page(a)  # rendered by host a, stored in Redis
        assert any(store.scan_iter("*bank-page/*"))
        before = hits()
        assert page(b) == first  # host b renders nothing: it finds a's page
        assert hits() == before + 1

        question = db.session.get(Question, question_id)
        bank_service.update_question(
            question, prompt="Which edit must every host show at once?",
            answer=question.answer, choices=question.choices, explanation="",
        )  # fmt: skip
        db.session.commit()
        assert "Which edit must every host show at once?" in page(b)
        assert "Which edit must every host show at once?" in page(a)
    store.close()


def test_four_workers_without_redis_allow_no_more_guesses(app, tmp_path):  # type: ignore[no-untyped-def]
    """`make serve` without Redis: each worker counts alone, so each allows its share."""
    from tests.builders import make_user

    make_user("ada")
    db.session.remove()
    env = {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "SECRET_KEY": "four workers",
        "QUIZAPP_LOGIN_RATE_LIMIT": "10 per minute",
    }
    env.pop("RATELIMIT_STORAGE_URI", None)
    port = live_server.free_port()
    command = [GUNICORN, "--workers", "4", "--bind", f"127.0.0.1:{port}", "wsgi:app"]
    with live_server.running(command, port, tmp_path / "gunicorn.log", env):
        statuses = [failed_login(port) for _ in range(40)]
    assert statuses.count(422) <= 10, statuses  # refused as wrong: guesses that were tried
    assert set(statuses) <= {422, 429}
