"""Refuse NUL characters in submitted text, before any view sees them.

No text a person types holds U+0000, and PostgreSQL cannot store it: psycopg raises
on the INSERT, or even on a SELECT that only compares with it (a login form), and
the user got a 500 where SQLite stored the text. One check at the edge covers every
form, query string and JSON body, including those added later; a view never has to
remember it. Uploaded files are not checked here: the importer reads their bytes
and strips stray control characters itself (domain/documents.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from flask import Flask, abort, request
from werkzeug.datastructures import MultiDict

NUL = "\x00"


def register(app: Flask) -> None:
    app.before_request(refuse_nul_characters)


def refuse_nul_characters() -> None:
    field = _first_field_with_nul()
    if field is not None:
        abort(
            422,
            description=f"The field “{field}” contains a NUL character (U+0000), which "
            "no text may hold. Remove it and send again; nothing was saved.",
        )


def _first_field_with_nul() -> str | None:
    field = _first_with_nul(request.args)
    if field is not None or request.method in ("GET", "HEAD", "OPTIONS"):
        return field
    if request.is_json:
        # silent: a body that is not JSON gets the API's own "not valid JSON" answer
        return next(_json_paths_with_nul(request.get_json(silent=True), "body"), None)
    if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return _first_with_nul(request.form)
    return None


def _first_with_nul(fields: MultiDict[str, str]) -> str | None:
    for name, value in fields.items(multi=True):
        if NUL in name or NUL in value:
            return name.replace(NUL, "")
    return None


def _json_paths_with_nul(value: object, path: str) -> Iterator[str]:
    if isinstance(value, str):
        if NUL in value:
            yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            name = f"{path}.{str(key).replace(NUL, '')}"
            if NUL in str(key):
                yield name
            yield from _json_paths_with_nul(item, name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_paths_with_nul(item, f"{path}[{index}]")
