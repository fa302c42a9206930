"""URL converters: ids in paths are bounded like the database's integer columns."""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict
from werkzeug.routing import IntegerConverter, Map

from quizapp.database import MAX_ID


class IdConverter(IntegerConverter):
    """`<int:...>` with an upper bound, so /banks/99999999999999999999 is a 404 and not
    an integer overflow in the database driver."""

    def __init__(self, url_map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def id_in(values: MultiDict[str, str], name: str) -> int | None:
    """An id from a query string or form, bounded like the path's; None if absent or
    not one (?card=99999999999999999999 would overflow the driver, as in the path)."""
    value = values.get(name, type=int)
    return value if value is not None and 0 < value <= MAX_ID else None
