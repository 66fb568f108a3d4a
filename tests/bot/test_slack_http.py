"""Slack end to end: signed requests to the real aiohttp app, answers captured by a mock Web API."""

import asyncio
import json
import logging

from .slack_helpers import (
    blocks_of,
    command_body,
    dm_event,
    event_body,
    interactive_body,
    mention_event,
    sign,
    text_of,
)

RISKY = "Mrs. Alvarez in rm 412 (MRN 00482913) finally went home today after 3 weeks, what a saga"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
JSON = {"Content-Type": "application/json"}


async def post(client, body: bytes, headers: dict, **sign_kwargs):
    return await client.post("/slack/events", data=body, headers={**headers, **sign(body, **sign_kwargs)})


async def test_url_verification_echoes_the_challenge(slack_client):
    body = json.dumps({"token": "x", "challenge": "3eZbrw1aB", "type": "url_verification"}).encode()
    response = await post(slack_client, body, JSON)
    assert response.status == 200 and "3eZbrw1aB" in await response.text()


async def test_dm_with_risky_draft_gets_findings_guideline_links_and_masked_evidence(slack_client):
    response = await post(slack_client, event_body(dm_event(RISKY)), JSON)
    assert response.status == 200
    (sent,) = await slack_client.mock.wait_for("chat.postMessage")
    assert sent["channel"] == "D024BE91L"
    blocks = blocks_of(sent)
    shown = text_of(blocks)
    assert "Patient privacy (HIPAA)" in shown and "% confidence" in shown
    for identifier in ("Alvarez", "00482913", "412"):
        assert identifier not in shown
    assert "•••" in shown
    urls = [e["url"] for b in blocks if b["type"] == "actions" for e in b["elements"] if "url" in e]
    assert any(u.startswith("https://www.hhs.gov/") or "ecfr.gov" in u for u in urls)
    feedback = [e["action_id"] for b in blocks if b.get("block_id") == "feedback" for e in b["elements"]]
    assert feedback == ["feedback_helpful", "feedback_wrong"]
    assert RISKY not in json.dumps(sent)


async def test_dm_commands_help_and_policy(slack_client):
    await post(slack_client, event_body(dm_event("help"), "Ev-help"), JSON)
    await post(slack_client, event_body(dm_event("policy yelp reviews"), "Ev-policy"), JSON)
    sent = await slack_client.mock.wait_for("chat.postMessage", 2)
    shown = [text_of(blocks_of(s)) for s in sent]
    assert any("policy <topic or words>" in s for s in shown)
    assert any("Replying to online reviews" in s for s in shown)


async def test_mention_answers_only_the_author_in_the_thread(slack_client):
    await post(slack_client, event_body(mention_event("Use my code GLOW20 for 20% off GlowLab serum, obsessed!"),
                                        "Ev-mention"), JSON)
    (sent,) = await slack_client.mock.wait_for("chat.postEphemeral")
    assert sent["user"] == "U2147483697" and sent["channel"] == "C111"
    assert sent["thread_ts"] == "1515449522.000016"
    shown = text_of(blocks_of(sent))
    assert "conflict of interest" in shown.lower() and "visible to the channel" in shown
    assert "chat.postMessage" not in slack_client.mock.methods()


async def test_checkpost_acks_then_answers_ephemerally(slack_client):
    url = slack_client.mock.url + "respond/abc"
    response = await post(slack_client, command_body("/checkpost", RISKY, url), FORM)
    assert response.status == 200
    (sent,) = await slack_client.mock.wait_for("response_url")
    assert sent["response_type"] == "ephemeral"
    assert "Patient privacy" in text_of(sent["blocks"]) and "00482913" not in json.dumps(sent)


async def test_checkpost_without_text_gives_usage(slack_client):
    response = await post(slack_client, command_body("/checkpost", "  ", slack_client.mock.url + "respond/x"), FORM)
    body = await response.json()
    assert response.status == 200 and "Usage" in body["text"] and body["response_type"] == "ephemeral"


async def test_policy_command_lists_topics_or_finds_cards(slack_client):
    url = slack_client.mock.url + "respond/p"
    await post(slack_client, command_body("/policy", "", url), FORM)
    await post(slack_client, command_body("/policy", "promo code disclosure", url), FORM)
    first, second = await slack_client.mock.wait_for("response_url", 2)
    texts = [text_of(first["blocks"]), text_of(second["blocks"])]
    assert any("footprint" in t and "reviews" in t for t in texts)
    assert any("Conflicts of interest" in t and "ftc.gov" in t for t in texts)


async def test_message_shortcut_checks_that_message_for_the_user_only(slack_client):
    payload = {"type": "message_action", "callback_id": "check_post", "trigger_id": "1.2",
               "team": {"id": "T111"}, "user": {"id": "U2"}, "channel": {"id": "C111"},
               "response_url": slack_client.mock.url + "respond/s", "message_ts": "1.2",
               "message": {"type": "message", "user": "U9", "ts": "1.2", "text": RISKY}}
    response = await post(slack_client, interactive_body(payload), FORM)
    assert response.status == 200
    (sent,) = await slack_client.mock.wait_for("response_url")
    assert sent["response_type"] == "ephemeral" and "Patient privacy" in text_of(sent["blocks"])


async def test_feedback_is_recorded_without_text_and_thanked_privately(slack_client):
    await post(slack_client, event_body(dm_event(RISKY), "Ev-fb"), JSON)
    (sent,) = await slack_client.mock.wait_for("chat.postMessage")
    check_id = json.loads(next(e["value"] for b in blocks_of(sent) if b.get("block_id") == "feedback"
                               for e in b["elements"]))["c"]
    payload = {"type": "block_actions", "team": {"id": "T111"}, "user": {"id": "U2147483697"},
               "api_app_id": "A111", "trigger_id": "1", "response_url": slack_client.mock.url + "respond/f",
               "channel": {"id": "D024BE91L"}, "container": {"type": "message"},
               "actions": [{"action_id": "feedback_helpful", "block_id": "feedback", "value": json.dumps({"c": check_id}),
                            "type": "button", "action_ts": "1"}]}
    await post(slack_client, interactive_body(payload), FORM)
    (thanks,) = await slack_client.mock.wait_for("response_url")
    assert "Thanks" in thanks["text"] and thanks["response_type"] == "ephemeral"
    from bot.server import SERVICE
    store = slack_client.server.app[SERVICE].store
    (row,) = store.feedback()
    assert row.check_id == check_id and row.helpful is True and row.user_hash != "U2147483697"
    (check,) = store.checks()
    assert check.entry_point == "dm" and "privacy" in check.labels
    assert RISKY not in json.dumps([check.text_hash, check.labels, check.scores])


async def test_app_home_is_published(slack_client):
    await post(slack_client, event_body({"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home",
                                         "event_ts": "1"}, "Ev-home"), JSON)
    (sent,) = await slack_client.mock.wait_for("views.publish")
    view = sent["view"] if isinstance(sent["view"], dict) else json.loads(sent["view"])
    assert view["type"] == "home" and "Privacy" in json.dumps(view)


async def test_file_share_is_checked_by_text_with_a_photo_note(slack_client):
    event = dm_event("pic from the OR today, bed 4 was a champ", subtype="file_share",
                     files=[{"id": "F1", "name": "or.jpg"}])
    await post(slack_client, event_body(event, "Ev-file"), JSON)
    (sent,) = await slack_client.mock.wait_for("chat.postMessage")
    assert "Images and files are not analysed" in text_of(blocks_of(sent))


async def test_bots_edits_and_joins_are_ignored(slack_client):
    noise = [dm_event("hi", bot_id="B1"), dm_event("hi", subtype="message_changed"),
             dm_event("joined", subtype="channel_join"), {**dm_event("x"), "user": None}]
    for i, event in enumerate(noise):
        response = await post(slack_client, event_body(event, f"Ev-noise-{i}"), JSON)
        assert response.status == 200
    await asyncio.sleep(0.5)
    assert "chat.postMessage" not in slack_client.mock.methods()


async def test_retried_event_gets_no_second_answer(slack_client):
    body = event_body(dm_event(RISKY), "Ev-retry")
    await post(slack_client, body, JSON)
    retry = await post(slack_client, body, {**JSON, "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert retry.status == 200
    await slack_client.mock.wait_for("chat.postMessage")
    await asyncio.sleep(0.5)
    assert len(slack_client.mock.sent("chat.postMessage")) == 1


async def test_rate_limited_web_api_call_is_retried(slack_client):
    slack_client.mock.fail_first["chat.postMessage"] = 1
    await post(slack_client, event_body(dm_event("help"), "Ev-429"), JSON)
    await slack_client.mock.wait_for("chat.postMessage", 2)


async def test_unsigned_badly_signed_and_stale_requests_get_401(slack_client):
    body = event_body(dm_event(RISKY), "Ev-sec")
    unsigned = await slack_client.post("/slack/events", data=body, headers=JSON)
    bad = await slack_client.post("/slack/events", data=body,
                                  headers={**JSON, **sign(body, secret="wrong-secret")})
    stale = await post(slack_client, body, JSON, timestamp=1_600_000_000)
    assert [unsigned.status, bad.status, stale.status] == [401, 401, 401]
    await asyncio.sleep(0.3)
    assert "chat.postMessage" not in slack_client.mock.methods()


async def test_malformed_bodies_get_400_and_server_stays_up(slack_client):
    for body, headers in [(b"{not json", JSON), (b"payload=%7Bbroken", FORM), (b"\xff\xfe\x00", JSON)]:
        response = await post(slack_client, body, headers) if body[:1] != b"\xff" else \
            await slack_client.post("/slack/events", data=body, headers={**JSON, **sign(b"x")})
        assert response.status in (400, 401), body
    assert (await slack_client.get("/healthz")).status == 200


async def test_draft_text_never_reaches_the_logs(slack_client, caplog):
    caplog.set_level(logging.DEBUG)
    await post(slack_client, event_body(dm_event(RISKY), "Ev-logs"), JSON)
    await slack_client.mock.wait_for("chat.postMessage")
    assert "Alvarez" not in caplog.text and "00482913" not in caplog.text
