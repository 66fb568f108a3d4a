"""Workspace settings (admins only) and their effect on answers; the opt-in redacted feedback share."""

import json
import os
import subprocess
import sys
from pathlib import Path

from bot.server import SERVICE

from .slack_helpers import blocks_of, command_body, dm_event, event_body, interactive_body, sign, text_of
from .teams_helpers import activity
from .test_slack_http import FORM, JSON, post

RISKY = "Mrs. Alvarez in rm 412 (MRN 00482913) finally went home today after 3 weeks"


async def settings(client, text: str, user: str = "U2147483697"):
    body = command_body("/compliance-settings", text, client.mock.url + f"respond/{len(client.mock.calls)}")
    body = body.replace(b"user_id=U2147483697", f"user_id={user}".encode())
    await client.post("/slack/events", data=body, headers={**FORM, **sign(body)})


async def test_admin_settings_change_answers_and_policy(slack_client):
    mock = slack_client.mock
    await settings(slack_client, "policy https://intranet.example.org/social-media")
    await settings(slack_client, "officer Dana Reyes, privacy@example.org, x4410")
    await settings(slack_client, "emergency 112")
    await settings(slack_client, "sensitivity strict", user="U999")  # not an admin
    answers = [a["text"] for a in await mock.wait_for("response_url", 4)]  # handled concurrently: any order
    assert sum("Only workspace admins" in a for a in answers) == 1
    assert any("Privacy officer: Dana Reyes" in a for a in answers)
    await post(slack_client, event_body(dm_event(RISKY), "Ev-set-1"), JSON)
    (sent,) = await mock.wait_for("chat.postMessage")
    blocks = blocks_of(sent)
    assert blocks[1]["elements"][0]["url"] == "https://intranet.example.org/social-media"
    assert "tell your privacy officer: Dana Reyes" in text_of(blocks)
    await post(slack_client, command_body("/policy", "disclaimer", mock.url + "respond/pol"), FORM)
    policy = (await mock.wait_for("response_url", 5))[4]
    assert "intranet.example.org" in text_of(policy["blocks"]) and "Call 112" in text_of(policy["blocks"])


async def test_bad_setting_values_are_refused_with_usage(slack_client):
    await settings(slack_client, "policy http://not-https.example.org")
    await settings(slack_client, "sensitivity paranoid")
    first, second = await slack_client.mock.wait_for("response_url", 2)
    assert "Usage" in first["text"] and "Usage" in second["text"]


async def test_not_right_offers_an_opt_in_share_of_the_redacted_text(slack_client):
    mock = slack_client.mock
    await post(slack_client, event_body(dm_event(RISKY), "Ev-share"), JSON)
    (sent,) = await mock.wait_for("chat.postMessage")
    wrong = next(e for b in blocks_of(sent) if b.get("block_id") == "feedback" for e in b["elements"]
                 if e["action_id"] == "feedback_wrong")
    assert "Alvarez" not in wrong["value"]
    payload = {"type": "block_actions", "team": {"id": "T111"}, "user": {"id": "U2147483697"}, "api_app_id": "A",
               "trigger_id": "1", "response_url": mock.url + "respond/w", "container": {"type": "message"},
               "actions": [{**wrong, "block_id": "feedback", "type": "button", "action_ts": "1"}]}
    await post(slack_client, interactive_body(payload), FORM)
    (offer,) = await mock.wait_for("response_url")
    share = next(e for b in offer["blocks"] if b["type"] == "actions" for e in b["elements"])
    store = slack_client.server.app[SERVICE].store
    assert store.samples() == []
    payload["actions"] = [{**share, "block_id": "x", "type": "button", "action_ts": "2"}]
    await post(slack_client, interactive_body(payload), FORM)
    assert "shared" in (await mock.wait_for("response_url", 2))[1]["text"]
    (sample,) = store.samples()
    assert "[NAME]" in sample.redacted and "00482913" not in sample.redacted


def test_export_feedback_writes_corpus_format(tmp_path):
    from bot.config import Settings
    from bot.storage import Store
    from bot.storage.migrate import upgrade

    url = Settings(data_dir=tmp_path).db_url
    upgrade(url)
    Store(url).add_sample("c-1", "slack", "Mrs. [NAME] in rm [ROOM] went home", ["privacy"])
    out = subprocess.run([sys.executable, str(Path(__file__).resolve().parents[2] / "scripts" / "export_feedback.py")],
                         capture_output=True, text=True, timeout=60, env={**os.environ, "DATA_DIR": str(tmp_path)})
    (row,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert row["text"] == "Mrs. [NAME] in rm [ROOM] went home" and row["labels"] == ["privacy"]
    assert row["source"] == "feedback"


async def test_teams_settings_need_a_team_owner(teams_client):
    connector = teams_client.connector
    connector.roles = {}
    await teams_client.post("/api/messages", json=activity(connector.url, "settings emergency 000"))
    await teams_client.post("/api/messages", json=activity(connector.url, "settings"))
    refused, shown = await connector.wait_for("a:personal-1", 2)
    assert "team owners" in refused["text"] and "Emergency number in coaching text: 911" in shown["text"]


async def test_server_sensitivity_applies_until_an_admin_sets_one(aiohttp_client, settings):
    from bot.checker import Checker
    from bot.server import create_app

    checker = Checker(workers=0, sensitivity="strict")
    client = await aiohttp_client(create_app(settings, checker))
    body = await (await client.post("/api/check", json={"text": "Long night, grateful for my team."})).json()
    assert body["sensitivity"] == "strict"
    checker.close()
