"""Flask's JSON, with one difference: JSON nested thousands of levels deep is invalid.

Python's parser recurses once per level, so a request body of 100,000 "[" raised
RecursionError, which nothing expects: every get_json() in the app and in spectree
turned it into a 500. As a ValueError it is what it is, malformed input: get_json()
answers 400, and get_json(silent=True) gives None.
"""

from __future__ import annotations

from typing import Any

from flask.json.provider import DefaultJSONProvider


class DepthSafeJSONProvider(DefaultJSONProvider):
    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            raise ValueError("The JSON is nested too deeply.") from None
