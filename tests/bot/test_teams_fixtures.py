"""Conformance: the real Bot Framework payloads in ../shared/fixtures/teams/, posted to the app."""

import copy
import json
import os
from pathlib import Path

import pytest

from bot.teams.activities import message_payload_text

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "teams"
pytestmark = pytest.mark.skipif(not FIXTURES.is_dir() and not os.environ.get("CI"),
                                reason="shared Teams fixtures not present")
ENVELOPE_FROM = "personal_message.json"


def load(name: str, service_url: str) -> dict:
    assert FIXTURES.is_dir(), f"{FIXTURES} is missing (required when CI is set)"
    body = json.loads((FIXTURES / name).read_text())
    body.pop("serviceURL", None)
    if "type" not in body or "from" not in body:  # the docs' shortened invokes: give them an envelope
        envelope = json.loads((FIXTURES / ENVELOPE_FROM).read_text())
        body = {**{k: envelope[k] for k in ("channelId", "from", "recipient", "conversation", "channelData")},
                "id": "fixture-invoke", "type": "invoke", **body}
    body["serviceUrl"] = service_url
    return body


ALL = sorted(p.name for p in FIXTURES.glob("*.json") if p.name != "botbuilder_python_submit_action_value.json") \
    if FIXTURES.is_dir() else [ENVELOPE_FROM]


@pytest.mark.parametrize("name", ALL)
async def test_every_fixture_is_accepted_without_a_server_error(teams_client, name):
    response = await teams_client.post("/api/messages", json=load(name, teams_client.connector.url))
    assert response.status < 500, await response.text()
    assert (await teams_client.get("/healthz")).status == 200


async def test_personal_message_fixture_gets_a_card(teams_client):
    body = load("personal_message.json", teams_client.connector.url)
    await teams_client.post("/api/messages", json=body)
    (reply,) = await teams_client.connector.wait_for(body["conversation"]["id"])
    assert reply["attachments"][0]["contentType"] == "application/vnd.microsoft.card.adaptive"


async def test_channel_mention_fixture_answers_privately(teams_client):
    body = load("channel_message_mention.json", teams_client.connector.url)
    await teams_client.post("/api/messages", json=body)
    (note,) = await teams_client.connector.wait_for(body["conversation"]["id"])
    assert not note.get("attachments")
    assert await teams_client.connector.wait_for("a:private-1")


async def test_message_action_fixture_answers_in_a_dialog(teams_client):
    body = load("me_submit_action_message_context.json", teams_client.connector.url)
    assert message_payload_text(body["value"]) == "This is the message the messaging extension was invoked from."
    response = await teams_client.post("/api/messages", json=body)
    answer = await response.json()
    assert answer["task"]["type"] == "continue"


async def test_fetch_task_fixture_opens_the_draft_dialog(teams_client):
    response = await teams_client.post("/api/messages", json=load("me_fetch_task_channel.json",
                                                                   teams_client.connector.url))
    task = (await response.json())["task"]
    assert task["type"] == "continue" and "Input.Text" in json.dumps(task["value"]["card"])


async def test_edits_and_reactions_are_not_answered(teams_client):
    for name in ("message_update_edit.json", "message_reaction_added.json"):
        body = copy.deepcopy(load(name, teams_client.connector.url))
        response = await teams_client.post("/api/messages", json=body)
        assert response.status < 500
    assert not [c for c, _ in teams_client.connector.sent if c != "create"]
