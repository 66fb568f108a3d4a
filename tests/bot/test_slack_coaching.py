"""Slack: /reply-review (modal), /footprint (remembered checklist), /policy disclaimer, coaching tips."""

import json

from bot.server import create_app

from .slack_helpers import blocks_of, command_body, dm_event, event_body, interactive_body, sign, text_of
from .test_slack_http import FORM, JSON, post

REVIEW = "Waited two hours past my appointment and then Dr. Patel rushed me out. Never again."


async def test_reply_review_opens_a_modal_and_answers_in_it(slack_client):
    response = await post(slack_client, command_body("/reply-review", "", slack_client.mock.url + "respond/r"), FORM)
    assert response.status == 200
    (opened,) = await slack_client.mock.wait_for("views.open")
    view = opened["view"] if isinstance(opened["view"], dict) else json.loads(opened["view"])
    assert view["callback_id"] == "reply_review"
    draft = ("Ms. Gomez, you were seen on March 3 for your migraines and we gave you a full 30 minutes. "
             "Check your facts.")
    payload = {"type": "view_submission", "team": {"id": "T111"}, "user": {"id": "U1"}, "api_app_id": "A111",
               "trigger_id": "1", "view": {"id": "V1", "callback_id": "reply_review", "type": "modal",
                                           "state": {"values": {"review": {"value": {"value": REVIEW}},
                                                                "draft": {"value": {"value": draft}}}}}}
    answer = await post(slack_client, interactive_body(payload), FORM)
    body = await answer.json()
    assert body["response_action"] == "update" and "Checking" in text_of(body["view"]["blocks"])
    (updated,) = await slack_client.mock.wait_for("views.update")
    assert updated["view_id"] == "V1"
    view = updated["view"] if isinstance(updated["view"], dict) else json.loads(updated["view"])
    shown = text_of(view["blocks"])
    assert "wait time" in shown and "Reply graciously" in shown and "manasa" in shown
    assert "Patient privacy" in shown and "Gomez" not in shown and "Patel" not in shown


async def test_footprint_checklist_is_remembered_across_a_restart(slack_client, aiohttp_client, shared_checker):
    url = slack_client.mock.url + "respond/f"
    await post(slack_client, command_body("/footprint", "", url), FORM)
    (sent,) = await slack_client.mock.wait_for("response_url")
    checkboxes = next(e for b in sent["blocks"] if b.get("block_id") == "footprint" for e in b["elements"])
    assert len(checkboxes["options"]) == 7 and "initial_options" not in checkboxes
    ticked = checkboxes["options"][:2]
    payload = {"type": "block_actions", "team": {"id": "T111"}, "user": {"id": "U2147483697"}, "api_app_id": "A1",
               "trigger_id": "1", "response_url": url, "container": {"type": "message"},
               "actions": [{"type": "checkboxes", "action_id": "footprint_steps", "block_id": "footprint",
                            "selected_options": ticked, "action_ts": "1"}]}
    assert (await post(slack_client, interactive_body(payload), FORM)).status == 200
    restarted = await aiohttp_client(create_app(slack_client.app_settings, shared_checker))
    body = command_body("/footprint", "status", url)
    await restarted.post("/slack/events", data=body, headers={**FORM, **sign(body)})
    status = (await slack_client.mock.wait_for("response_url", 2))[1]
    assert "2 of 7 steps done" in text_of(status["blocks"])


async def test_policy_disclaimer_fits_each_platform(slack_client):
    await post(slack_client, command_body("/policy", "disclaimer", slack_client.mock.url + "respond/d"), FORM)
    (sent,) = await slack_client.mock.wait_for("response_url")
    shown = text_of(sent["blocks"])
    for platform, limit in (("X", 160), ("Instagram", 150), ("TikTok", 80)):
        assert f"{platform} (" in shown and f"/{limit} characters" in shown
    assert "911" in shown


async def test_coi_answer_suggests_a_disclosure_line(slack_client):
    draft = "Obsessed with GlowLab serum!! code GLOW20 for 20% off"
    await post(slack_client, event_body(dm_event(draft), "Ev-tip"), JSON)
    (sent,) = await slack_client.mock.wait_for("chat.postMessage")
    assert "Suggested disclosure" in text_of(blocks_of(sent))
