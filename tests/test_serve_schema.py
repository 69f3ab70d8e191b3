"""The API's OpenAPI schema, property-tested with schemathesis: any request the schema allows gets an answer the
schema describes (never a server error), over a store holding events.

One check is left out: that every schema-valid request succeeds. A cursor the API never gave, or 31 February,
fits the schema's patterns and is answered 400 with one line saying what to send, as it should be."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance

from tests.test_serve_api import TOKEN, stored_events
from treve.config import Settings
from treve.serve.api import create_app
from treve.store.repository import open_store

EXAMPLES = 30


@pytest.fixture
def api_schema(tmp_path, settings: Settings):
    store = open_store(f"sqlite:///{tmp_path / 'treve.db'}")
    stored_events(store)
    app = create_app(store, settings.model_copy(update={"api_token": TOKEN}))
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    store.close()


def test_every_request_the_schema_allows_gets_an_answer_it_describes(api_schema) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
        def answered_as_described(case) -> None:
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        answered_as_described()
