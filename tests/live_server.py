"""A real server process on a free loopback port, for tests that need one."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(command: list[str], port: int, log: Path, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """Start `command` (which serves on `port`) and wait for /healthz; its stderr goes to
    `log`, shown if it never answers."""
    env = dict(os.environ if env is None else env)
    # set by Flask's CLI when an earlier test ran it; it makes app.run() a no-op
    env.pop("FLASK_RUN_FROM_CLI", None)
    with log.open("ab") as errors:  # the child keeps its own copy of the descriptor
        process = subprocess.Popen(  # noqa: S603  (our own interpreter and scripts)
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
    deadline = time.monotonic() + 120  # generous: CI machines are shared
    while time.monotonic() < deadline and process.poll() is None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)  # noqa: S310
            return process
        except OSError:  # refused, reset or timed out while it boots
            time.sleep(0.1)
    code = process.poll()
    process.kill()
    pytest.fail(f"the server did not start (exit status {code}):\n{log.read_text()[-2000:]}")


@contextmanager
def running(
    command: list[str], port: int, log: Path, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen]:  # type: ignore[type-arg]  # noqa: E501
    process = start(command, port, log, env)
    try:
        yield process
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:  # type: ignore[type-arg]
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def call(port: int, method: str, path: str, token: str, body: Any = None) -> tuple[int, Any]:
    """A JSON API call; (status, parsed body), or (0, None) when the connection broke."""
    request = urllib.request.Request(  # noqa: S310  (loopback)
        f"http://127.0.0.1:{port}/api/v1{path}",
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method=method,
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")
    except (urllib.error.URLError, ConnectionError, OSError):
        return 0, None
