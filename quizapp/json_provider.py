"""Flask's JSON, with one difference: a body nested more than 64 levels deep is invalid.

No request quizapp takes nests beyond three or four levels. Python's parser recurses
once per level: 100,000 "[" raised RecursionError, which no get_json() caller (ours,
spectree's) expects, and a body just under the parser's own limit (~900 levels)
parsed, and then failed the same way when spectree wrote its validation errors back
as JSON. Either way a 500. Refused here as malformed JSON (a ValueError), neither can
reach a view: get_json() answers 400, and get_json(silent=True) gives None.
"""

from __future__ import annotations

from typing import Any

from flask.json.provider import DefaultJSONProvider

MAX_DEPTH = 64


class DepthSafeJSONProvider(DefaultJSONProvider):
    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        try:
            value = super().loads(s, **kwargs)
        except RecursionError:
            raise ValueError("The JSON is nested too deeply.") from None
        if nested_deeper_than(value, MAX_DEPTH):
            raise ValueError(f"The JSON is nested more than {MAX_DEPTH} levels deep.")
        return value


def nested_deeper_than(value: object, limit: int) -> bool:
    """Without recursion, which is the very thing a deep value would exhaust."""
    if not isinstance(value, dict | list):
        return False
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if depth > limit:
            return True
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return False
