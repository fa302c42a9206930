"""The API against its own OpenAPI document, driven by schemathesis.

Schemathesis reads only the document and generates requests from it, valid and
invalid; every response must be no 5xx, a documented status, and match the
documented schema. Ids in paths are mostly made up, so many answers are 404s:
the point is that nothing the document allows crashes the server.
"""

from __future__ import annotations

import itertools

import pytest
import schemathesis
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from quizapp.extensions import db
from quizapp.models import Visibility
from quizapp.services.accounts import create_token, create_user
from quizapp.services.reviews import ensure_cards
from tests.builders import make_bank


@pytest.fixture()
def token(app: Flask) -> str:
    app.config["API_RATE_LIMIT"] = "1000000 per minute"
    user = create_user(db.session, "fuzzer", "correct horse battery")
    _, secret = create_token(db.session, user, "schemathesis")
    bank = make_bank(owner=None, visibility=Visibility.PUBLIC)
    ensure_cards(db.session, user, bank, bank.created_at)
    db.session.commit()
    return secret


def test_the_document_is_openapi_3_1(client: FlaskClient) -> None:
    document = client.get("/api/v1/openapi.json").json
    assert document["openapi"].startswith("3.1")
    validate(document)  # against the OpenAPI 3.1 meta-schema
    # names a client generator can turn into methods and classes as they are
    operation_ids = [op["operationId"] for ops in document["paths"].values() for op in ops.values()]
    assert all(name.isidentifier() for name in operation_ids), operation_ids
    assert len(set(operation_ids)) == len(operation_ids)
    assert all(name.isidentifier() for name in document["components"]["schemas"])
    assert {"bearer", "session"} <= set(document["components"]["securitySchemes"])
    for path in (
        "/api/v1/banks",
        "/api/v1/banks/{bank_id}/questions",
        "/api/v1/articles",
        "/api/v1/quizzes",
        "/api/v1/quizzes/{quiz_id}/answers",
        "/api/v1/reviews/next",
        "/api/v1/cards/{card_id}/reviews",
        "/api/v1/reviews/undo",
    ):
        assert path in document["paths"], path


def test_no_request_the_document_allows_breaks_the_api(app: Flask, token: str) -> None:
    """Valid requests (positive) and invalid ones (negative) for every operation.

    schemathesis's own pytest plugin (from_fixture) does not run under pytest 9, so
    each operation gets a hypothesis test of its own here."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    headers = {"Authorization": f"Bearer {token}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10

    for operation, mode in itertools.product(operations, schemathesis.GenerationMode):
        has_input = any(True for _ in operation.iter_parameters()) or bool(
            operation.get_request_payload_content_types()
        )
        if mode is schemathesis.GenerationMode.NEGATIVE and not has_input:
            continue  # nothing to get wrong in GET /banks

        @given(case=operation.as_strategy(mode))
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate(
                headers=headers,
                checks=[
                    not_a_server_error,
                    status_code_conformance,
                    content_type_conformance,
                    response_schema_conformance,
                ],
            )

        run()
