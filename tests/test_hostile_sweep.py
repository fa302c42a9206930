"""Every route, with hostile ids, query strings, form fields and JSON bodies: no 5xx.

tests/test_bad_input.py checks chosen inputs for their exact message; this sweep
checks that nothing at all makes a route fail, including routes added later: it
walks the URL map. Each row it found became a fix: an id of 20 digits in a query
string overflowed the driver, and a 200 kB time zone name raised OSError.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from flask import Flask

from quizapp.database import MAX_ID
from quizapp.extensions import db, limiter
from tests.builders import login
from tests.test_bad_input import SCRIPT, World, world  # noqa: F401  (the fixture)

HUGE = "99999999999999999999"
# every name any form, query string or API body of the app reads
FORM_FIELDS = (
    "answer", "rating", "version", "bank", "duration_ms", "name", "text", "visibility",
    "count", "types", "order", "feedback", "prompt", "choices", "explanation", "publisher",
    "published_on", "source", "username", "password", "confirm", "desired_retention",
    "new_per_day", "max_reviews_per_day", "learning_steps", "timezone", "next",
)  # fmt: skip
QUERY_FIELDS = ("page", "type", "kind", "bank", "card", "last", "reveal", "next", "mine", "fmt")
JSON_FIELDS = (
    "bank_id", "count", "types", "question_id", "answer", "rating", "version", "text",
    "title", "reviewed_at", "duration_ms", "visibility", "order", "feedback", "name",
)  # fmt: skip
VALUES = (
    "", "-1", "0", HUGE, "1e309", "nan", SCRIPT, "' OR 1=1 --", "x" * 200_000,
    "\u202e\u0301", "１２", "2024-02-30", "../../etc/passwd", "//evil.test/",
)  # fmt: skip
JSON_VALUES = (-1, 10**30, 1e308, "x" * 100_000, None, [], {}, True, SCRIPT)


def path_values(w: World) -> dict[str, list[object]]:
    """For each path argument: the user's own id, someone else's, zero and the largest."""
    return {
        "bank_id": [w.ids["bank"], w.ids["their_bank"], 0, MAX_ID],
        "question_id": [w.ids["question"], MAX_ID],
        "attempt_id": [w.ids["attempt"], MAX_ID],
        "quiz_id": [w.ids["attempt"], MAX_ID],
        "card_id": [w.ids["card"], w.ids["their_card"], MAX_ID],
        "token_id": [1, MAX_ID],
        "number": [0, 1, 3, MAX_ID],
        "fmt": ["json", "csv", "apkg", "x<y>"],
    }


def requests_for(
    w: World, method: str, path: str, every_input: bool
) -> Iterator[Callable[[], object]]:
    """The requests to send; every hostile input only when the path holds the user's
    own ids (other ids are refused before any input is read: one request tells)."""
    api = path.startswith("/api/v1")

    def send(method: str, url: str, **kwargs: object) -> object:
        if api:
            return w.api(method, url[len("/api/v1") :], **kwargs)
        return w.web.open(url, method=method, **kwargs)  # type: ignore[attr-defined]

    if method == "GET":
        yield lambda: send("GET", path)
        for value in VALUES if every_input else ():
            query = "&".join(f"{name}={value}" for name in QUERY_FIELDS)
            yield lambda q=query: send("GET", f"{path}?{q}")
    elif api:
        bodies: list[object] = [{}, [], "text", None, 5]
        bodies += [dict.fromkeys(JSON_FIELDS, value) for value in JSON_VALUES]
        for body in bodies if every_input else bodies[-1:]:
            yield lambda b=body: send("POST", path, json=b)
    else:
        for value in VALUES if every_input else VALUES[-1:]:
            yield lambda v=value: send("POST", path, data=dict.fromkeys(FORM_FIELDS, v))
        yield lambda: send("POST", path, data={name: ["1", "2"] for name in FORM_FIELDS})


def test_no_route_fails_on_hostile_input(app: Flask, world: World, monkeypatch) -> None:  # noqa: F811
    monkeypatch.setattr(limiter, "enabled", False)  # the sweep signs in again and again
    values = path_values(world)
    failures = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue  # Flask's own file server
        arguments = sorted(rule.arguments)
        own = tuple(values[a][0] for a in arguments)
        for combination in itertools.product(*(values[a] for a in arguments)):
            path = rule.rule
            for name, value in zip(arguments, combination, strict=True):
                path = re.sub(rf"<(?:\w+:)?{name}>", str(value), path)
            for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
                for send in requests_for(world, method, path, combination == own):
                    try:
                        response = send()
                        status = response.status_code  # type: ignore[attr-defined]
                        response.close()  # type: ignore[attr-defined]
                    except Exception as error:  # noqa: BLE001  (a failure to report)
                        status = repr(error)[:200]
                    if not isinstance(status, int) or status >= 500:
                        failures.append(f"{method} {path[:80]}: {status}")
                    db.session.rollback()
                if rule.rule.startswith("/auth/"):
                    login(world.web, "ada")  # type: ignore[arg-type]  (the sweep may sign out)
    assert not failures, "\n".join(failures[:40])
