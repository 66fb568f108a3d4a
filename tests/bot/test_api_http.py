"""The JSON API and operations endpoints, on a real loopback server; responses checked against OpenAPI."""

import json

import jsonschema
import pytest

from bot.server import SERVICE
from bot.web.openapi import MAX_BATCH, openapi_document

RISKY = "Mrs. Alvarez in rm 412 (MRN 00482913) finally went home today, what a saga"
DOC = openapi_document()


def validate(payload, schema_name):
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": DOC["components"]}
    jsonschema.validate(payload, schema)


async def test_check_returns_the_analysis_result(web_client):
    response = await web_client.post("/api/check", json={"text": RISKY})
    assert response.status == 200
    body = await response.json()
    validate(body, "AnalysisResult")
    assert "privacy" in body["labels"] and body["check_id"]
    assert body["answer"]["findings"][0]["title"] == "Patient privacy (HIPAA)"


async def test_live_checks_are_not_audited_but_submitted_ones_are(web_client):
    store = web_client.server.app[SERVICE].store
    live = await (await web_client.post("/api/check", json={"text": RISKY, "live": True})).json()
    assert live["check_id"] is None and store.checks() == []
    await web_client.post("/api/check", json={"text": RISKY})
    (row,) = store.checks()
    assert row.entry_point == "api" and RISKY not in json.dumps([row.text_hash, row.labels])


async def test_batch_checks_each_post_in_order(web_client):
    posts = [{"id": "a", "text": RISKY}, {"id": "b", "text": "  "}, {"id": "c", "text": "Long night, grateful."},
             {"id": "d", "text": 42}]
    response = await web_client.post("/api/check/batch", json={"posts": posts})
    body = await response.json()
    validate(body, "BatchResponse")
    assert [r["id"] for r in body["results"]] == ["a", "b", "c", "d"]
    assert "privacy" in body["results"][0]["labels"] and "no text" in body["results"][1]["error"]
    assert body["results"][2]["labels"] == [] and "string" in body["results"][3]["error"]


async def test_policies_search_and_list(web_client):
    found = await (await web_client.get("/api/policies", params={"q": "yelp review"})).json()
    validate(found, "Policies")
    assert found["guidelines"][0]["topic"] == "reviews"
    assert all(link["url"].startswith("https://") for c in found["guidelines"] for link in c["links"])
    everything = await (await web_client.get("/api/policies")).json()
    assert len(everything["guidelines"]) == 7


@pytest.mark.parametrize(("body", "headers", "status"), [
    (b"{not json", {"Content-Type": "application/json"}, 400),
    (b"[1, 2]", {"Content-Type": "application/json"}, 400),
    (b'{"text": 5}', {"Content-Type": "application/json"}, 400),
    (b'{"text": ""}', {"Content-Type": "application/json"}, 400),
    (b'{"text": "x", "sensitivity": "max"}', {"Content-Type": "application/json"}, 400),
    (b"\xff\xfe", {"Content-Type": "application/json"}, 400),
    (b"text=hello", {"Content-Type": "application/x-www-form-urlencoded"}, 415),
    (json.dumps({"text": "a" * 100_001}).encode(), {"Content-Type": "application/json"}, 413),
    (b"x" * (1024 * 1024 + 10), {"Content-Type": "application/json"}, 413),
])
async def test_bad_requests_get_json_errors(web_client, body, headers, status):
    response = await web_client.post("/api/check", data=body, headers=headers)
    assert response.status == status
    payload = await response.json()
    validate(payload, "Error")
    assert (await web_client.get("/healthz")).status == 200


async def test_batch_over_the_limit_is_413(web_client):
    posts = [{"id": i, "text": "hello"} for i in range(MAX_BATCH + 1)]
    response = await web_client.post("/api/check/batch", json={"posts": posts})
    assert response.status == 413 and str(MAX_BATCH) in (await response.json())["error"]


async def test_api_key_is_required_when_set(keyed_client):
    missing = await keyed_client.post("/api/check", json={"text": "hello"})
    wrong = await keyed_client.post("/api/check", json={"text": "hello"}, headers={"Authorization": "Bearer no"})
    right = await keyed_client.post("/api/check", json={"text": "hello"}, headers={"Authorization": "Bearer s3cret"})
    assert [missing.status, wrong.status, right.status] == [401, 401, 200]
    validate(await missing.json(), "Error")
    assert (await keyed_client.get("/api/openapi.json")).status == 200


async def test_openapi_document_lists_every_api_route(web_client):
    doc = await (await web_client.get("/api/openapi.json")).json()
    jsonschema.Draft202012Validator.check_schema(doc["components"]["schemas"]["AnalysisResult"])
    routes = {r.resource.canonical for r in web_client.server.app.router.routes() if r.resource
              and r.resource.canonical.startswith("/api/")} - {"/api/openapi.json", "/api/messages"}  # messages: Teams
    assert routes == set(doc["paths"])


async def test_health_readiness_and_metrics(web_client):
    assert (await web_client.get("/healthz")).status == 200
    ready = await web_client.get("/readyz")
    assert ready.status == 200 and (await ready.json())["model"] is True
    await web_client.post("/api/check", json={"text": RISKY})
    text = await (await web_client.get("/metrics")).text()
    assert 'compliance_bot_checks_total{entry_point="api",label="privacy"}' in text
    assert 'compliance_bot_requests_total{route="/api/check",status="200"}' in text
    assert "compliance_bot_request_seconds_bucket" in text and "compliance_bot_model_info" in text


async def test_readiness_fails_when_the_database_is_gone(aiohttp_client, settings, shared_checker, tmp_path):
    from bot.config import Settings
    from bot.server import create_app

    client = await aiohttp_client(create_app(settings, shared_checker))
    store = client.server.app[SERVICE].store
    store.engine.dispose()
    bad = Settings(**{**settings.__dict__, "database_url": "postgresql://nobody@127.0.0.1:1/none"})
    store.engine = type(store)(bad.db_url).engine
    response = await client.get("/readyz")
    assert response.status == 503 and (await response.json())["database"] is False


async def test_responses_carry_a_request_id_and_logs_are_json_without_text(web_client, capsys, caplog):
    import logging

    caplog.set_level(logging.INFO)
    from bot.logs import JsonFormatter

    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    logging.getLogger().addHandler(handler)
    try:
        response = await web_client.post("/api/check", json={"text": RISKY}, headers={"X-Request-Id": "abc123"})
    finally:
        logging.getLogger().removeHandler(handler)
    assert response.headers["X-Request-Id"] == "abc123"
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]
    assert any(line.get("request_id") == "abc123" and line.get("route") == "/api/check" for line in lines)
    assert "Alvarez" not in json.dumps(lines)


async def test_web_page_and_static_files_are_served(web_client):
    page = await web_client.get("/")
    html = await page.text()
    assert page.status == 200 and 'id="draft"' in html and "cdn" not in html.lower()
    assert (await web_client.get("/static/app.js")).status == 200


async def test_after_a_check_no_table_and_no_log_holds_the_draft(web_client, caplog):
    import logging

    from sqlalchemy import inspect, text

    caplog.set_level(logging.DEBUG)
    draft = "Mrs. Alvarez in rm 412 (MRN 00482913, DOB 1/2/1931) finally went home today, what a saga"
    await web_client.post("/api/check", json={"text": draft})
    await web_client.post("/api/footprint", json={"user": "browser-xyz1", "done": ["search"]})
    store = web_client.server.app[SERVICE].store
    dump = []
    with store.engine.connect() as connection:
        for table in inspect(store.engine).get_table_names():
            dump += [str(row) for row in connection.execute(text(f'SELECT * FROM "{table}"'))]
    blob = "\n".join(dump) + caplog.text
    for secret in ("Alvarez", "00482913", "1/2/1931", "412", "browser-xyz1"):
        assert secret not in blob


async def test_housekeeping_purges_audit_rows_past_retention(aiohttp_client, settings, shared_checker):
    from datetime import UTC, datetime, timedelta

    from bot.config import Settings
    from bot.server import create_app

    old = Settings(**{**settings.__dict__, "reminder_interval": 60, "audit_retention_days": 30})
    from bot.storage import Store
    from bot.storage.migrate import upgrade

    upgrade(old.db_url)
    store = Store(old.db_url)
    store.record_check(at=datetime.now(UTC) - timedelta(days=40), platform="web", workspace=None, channel=None,
                       entry_point="api", user_hash=None, text_hash="t" * 64, labels=[], scores={}, verdict="clear",
                       model_version="cb-x")
    client = await aiohttp_client(create_app(old, shared_checker))
    import asyncio

    for _ in range(100):
        if not store.checks():
            break
        await asyncio.sleep(0.05)
    assert store.checks() == [] and (await client.get("/healthz")).status == 200
