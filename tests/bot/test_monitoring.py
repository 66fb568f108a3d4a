"""Opt-in channel monitoring: admins turn it on, members are told publicly, authors get private notes."""

import asyncio
import json

from .slack_helpers import blocks_of, command_body, event_body, sign, text_of
from .teams_helpers import activity, channel_mention
from .test_slack_http import FORM, JSON, post

RISKY = "lol the lady in bed 3 (MRN 00482913) is back for the 5th time this month, frequent flyer of the year"


def channel_event(text: str, user: str = "U777", channel: str = "C111") -> dict:
    return {"type": "message", "channel": channel, "channel_type": "channel", "user": user, "text": text,
            "ts": "1700000001.000100"}


async def monitor(client, action: str, user: str = "U2147483697", channel: str = "C111"):
    fields = command_body("/monitor", action, client.mock.url + f"respond/{action}{user}{channel}")
    fields = fields.replace(b"user_id=U2147483697", f"user_id={user}".encode()).replace(
        b"channel_id=C111", f"channel_id={channel}".encode())
    await client.post("/slack/events", data=fields, headers={**FORM, **sign(fields)})


async def test_admin_turns_monitoring_on_with_a_public_notice_and_authors_get_private_notes(slack_client):
    mock = slack_client.mock
    await monitor(slack_client, "on")
    (notice,) = await mock.wait_for("chat.postMessage")
    assert notice["channel"] == "C111" and "monitoring is now on" in notice["text"]
    (confirm,) = await mock.wait_for("response_url")
    assert "Monitoring is on" in confirm["text"]
    await post(slack_client, event_body(channel_event(RISKY), "Ev-mon-1"), JSON)
    await post(slack_client, event_body(channel_event("Great grand rounds today, thanks all!"), "Ev-mon-2"), JSON)
    (note,) = await mock.wait_for("chat.postEphemeral")
    assert note["user"] == "U777" and note["channel"] == "C111"
    shown = text_of(blocks_of(note))
    assert "Patient privacy" in shown and "Only you can see this" in shown and "00482913" not in shown
    await asyncio.sleep(0.5)
    assert len(mock.sent("chat.postEphemeral")) == 1 and len(mock.sent("chat.postMessage")) == 1


async def test_unmonitored_channels_and_non_admins(slack_client):
    mock = slack_client.mock
    await post(slack_client, event_body(channel_event(RISKY, channel="C222"), "Ev-mon-3"), JSON)
    await monitor(slack_client, "on", user="U999")
    (refused,) = await mock.wait_for("response_url")
    assert "Only workspace admins" in refused["text"]
    await asyncio.sleep(0.3)
    assert not mock.sent("chat.postEphemeral") and not mock.sent("chat.postMessage")


async def test_missing_membership_or_scope_is_explained(slack_client):
    mock = slack_client.mock
    await monitor(slack_client, "on", channel="CNOTIN")
    mock.scopes = "chat:write,commands"
    await monitor(slack_client, "on", channel="C333")
    first, second = await mock.wait_for("response_url", 2)
    assert "invite me" in first["text"] and "channels:history" in second["text"]
    await monitor(slack_client, "status", channel="C333")
    status = (await mock.wait_for("response_url", 3))[2]
    assert "off" in status["text"]


async def test_teams_owner_turns_it_on_and_channel_messages_get_private_notes(teams_client):
    connector = teams_client.connector
    await teams_client.post("/api/messages", json=channel_mention(connector.url, "monitor on"))
    thread = "19:channel@thread.tacv2;messageid=111"
    notice, confirm = await connector.wait_for(thread, 2)
    assert "monitoring is now on" in notice["text"] and "Monitoring is on" in confirm["text"]
    plain = channel_mention(connector.url, RISKY)
    plain["text"], plain["entities"] = RISKY, []
    await teams_client.post("/api/messages", json=plain)
    (private,) = await connector.wait_for("a:private-1")
    shown = json.dumps(private["attachments"][0]["content"])
    assert "Patient privacy" in shown and "Only you can see this" in shown
    assert len(connector.to(thread)) == 2  # nothing more in the channel


async def test_teams_channel_messages_without_monitoring_or_mention_are_ignored(teams_client):
    connector = teams_client.connector
    plain = activity(connector.url, RISKY, {"id": "19:x@thread.tacv2", "conversationType": "channel",
                                            "isGroup": True}, channelData={"team": {"id": "19:t"}})
    response = await teams_client.post("/api/messages", json=plain)
    assert response.status < 300
    await asyncio.sleep(0.3)
    assert connector.sent == []


async def test_teams_non_owner_cannot_turn_it_on(teams_client):
    connector = teams_client.connector
    connector.roles = {}
    await teams_client.post("/api/messages", json=channel_mention(connector.url, "monitor on"))
    (refused,) = await connector.wait_for("19:channel@thread.tacv2;messageid=111")
    assert "Only workspace admins" in refused["text"]
