"""Browser tests: the app served on loopback, driven by Playwright in Debian's Chromium.

`playwright install` cannot download browsers here, so the tests use
/usr/bin/chromium (apt package chromium). Without it they skip with a message,
except in CI (CI=true), where .ci/run installs it and a skip would hide a failure.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator

import pytest
from flask import Flask
from werkzeug.serving import make_server

from quizapp.extensions import db
from quizapp.services.seed import seed_builtin

CHROMIUM = os.environ.get("QUIZAPP_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture()
def server_url(app: Flask) -> Iterator[str]:
    seed_builtin(db.session, app.config["SEEDS_DIR"])
    db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    if not shutil.which(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run the browser tests)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, server_url):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=server_url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
