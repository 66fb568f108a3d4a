"""Conformance: the real Slack payload formats in ../shared/fixtures/slack/, posted signed to the app."""

import json
import os
import urllib.parse
from pathlib import Path

import pytest

from bot.slack.payloads import is_checkable_message, is_dm, strip_mentions

from .slack_helpers import sign, text_of

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "slack"
pytestmark = pytest.mark.skipif(not FIXTURES.is_dir() and not os.environ.get("CI"),
                                reason="shared Slack fixtures not present")


def load(name: str) -> dict:
    assert FIXTURES.is_dir(), f"{FIXTURES} is missing (required when CI is set)"
    return json.loads((FIXTURES / name).read_text())


def test_extractors_read_the_real_event_shapes():
    im = load("event_message_im.json")["event"]
    mention = load("event_app_mention.json")["event"]
    assert is_checkable_message(im) and is_dm(im)
    assert not is_dm(load("event_message_channel.json")["event"])
    assert "<@" not in strip_mentions(mention["text"])


@pytest.mark.parametrize("name", ["event_message_im.json", "event_message_im_thread.json", "event_app_mention.json",
                                  "event_app_mention_authorizations.json", "event_message_channel.json",
                                  "event_url_verification.json"])
async def test_every_event_fixture_is_accepted(slack_client, name):
    body = json.dumps(load(name)).encode()
    response = await slack_client.post("/slack/events", data=body,
                                       headers={"Content-Type": "application/json", **sign(body)})
    assert response.status == 200


async def test_slash_command_form_body_is_accepted(slack_client):
    assert FIXTURES.is_dir()
    fields = dict(urllib.parse.parse_qsl((FIXTURES / "slash_command.form.txt").read_text()))
    fields.update(command="/checkpost", response_url=slack_client.mock.url + "respond/fixture")
    body = urllib.parse.urlencode(fields).encode()
    response = await slack_client.post("/slack/events", data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", **sign(body)})
    assert response.status == 200
    await slack_client.mock.wait_for("response_url")


@pytest.mark.parametrize("name", ["shortcut_global.json", "block_actions.json", "view_submission.json"])
async def test_interactive_fixtures_never_break_the_server(slack_client, name):
    body = urllib.parse.urlencode({"payload": json.dumps(load(name))}).encode()
    response = await slack_client.post("/slack/events", data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", **sign(body)})
    assert response.status in (200, 404)  # 404: a callback this app does not register
    assert (await slack_client.get("/healthz")).status == 200


async def test_message_shortcut_fixture_gets_an_ephemeral_answer(slack_client):
    payload = load("shortcut_message_action.json")
    payload.update(callback_id="check_post", response_url=slack_client.mock.url + "respond/fixture")
    body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
    response = await slack_client.post("/slack/events", data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", **sign(body)})
    assert response.status == 200
    (sent,) = await slack_client.mock.wait_for("response_url")
    assert sent["response_type"] == "ephemeral"
    assert "not a compliance guarantee" in text_of(sent["blocks"])
