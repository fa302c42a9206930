"""gunicorn reads this file from the directory it starts in (`make serve`: this one)."""

import os


def on_starting(server):  # type: ignore[no-untyped-def]
    # Rate limits counted in memory are counted by each worker alone; told how many
    # workers there are, each allows its share (quizapp/rate_limits.py), so that more
    # workers never mean more password guesses. Workers inherit this environment.
    workers = server.cfg.workers
    os.environ["QUIZAPP_WORKERS"] = str(workers)
    storage = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    if workers > 1 and storage.startswith("memory://"):
        server.log.warning(
            "rate limits are counted by each of the %d workers alone: each allows 1/%d of "
            "every limit. Set RATELIMIT_STORAGE_URI=redis://... to count them together.",
            workers,
            workers,
        )
