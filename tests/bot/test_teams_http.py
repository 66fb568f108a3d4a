"""Teams end to end: Bot Framework activities to the real app; replies captured by a loopback connector."""

import json

import pytest

from bot.server import SERVICE

from .teams_helpers import activity, channel_mention, invoke

RISKY = "Mrs. Alvarez in rm 412 (MRN 00482913) finally went home today, what a saga"


async def send(client, body, headers=None):
    return await client.post("/api/messages", json=body, headers=headers or {})


def card_of(message: dict) -> dict:
    (attachment,) = message["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    return attachment["content"]


async def test_personal_chat_draft_gets_an_adaptive_card_answer(teams_client):
    connector = teams_client.connector
    response = await send(teams_client, activity(connector.url, RISKY))
    assert response.status in (200, 201)
    (reply,) = await connector.wait_for("a:personal-1")
    card = card_of(reply)
    shown = json.dumps(card, ensure_ascii=False)
    assert "Patient privacy (HIPAA)" in shown and "% confidence" in shown
    for identifier in ("Alvarez", "00482913", "412"):
        assert identifier not in shown
    urls = [a["url"] for block in card["body"] for item in block.get("items", [])
            if item.get("type") == "ActionSet" for a in item["actions"]]
    assert urls and all(u.startswith("https://") for u in urls)
    assert [a["data"]["action"] for a in card["actions"]] == ["feedback", "feedback"]


async def test_text_commands_help_and_policy(teams_client):
    connector = teams_client.connector
    await send(teams_client, activity(connector.url, "help"))
    await send(teams_client, activity(connector.url, "policy reviews"))
    first, second = await connector.wait_for("a:personal-1", 2)
    assert "policy <topic or words>" in json.dumps(card_of(first))
    assert "Replying to online reviews" in json.dumps(card_of(second))


async def test_channel_mention_sends_findings_privately_and_a_neutral_note_to_the_thread(teams_client):
    connector = teams_client.connector
    await send(teams_client, channel_mention(connector.url, RISKY))
    (private,) = await connector.wait_for("a:private-1")
    assert "Patient privacy" in json.dumps(card_of(private))
    (create,) = [body for cid, body in connector.sent if cid == "create"]
    assert create["members"][0]["id"] == "29:user-1" and create["isGroup"] is False
    (note,) = await connector.wait_for("19:channel@thread.tacv2;messageid=111")
    assert note["text"] == "I sent you the result privately." and not note.get("attachments")


async def test_channel_mention_without_a_personal_chat_gets_a_hint(teams_client):
    connector = teams_client.connector
    connector.refuse_create = True
    await send(teams_client, channel_mention(connector.url, RISKY))
    (note,) = await connector.wait_for("19:channel@thread.tacv2;messageid=111")
    assert "personal chat" in note["text"] and not note.get("attachments")
    assert "Alvarez" not in json.dumps(connector.sent)


async def test_compose_box_action_opens_a_dialog_then_answers_in_a_dialog(teams_client):
    url = teams_client.connector.url
    fetched = await send(teams_client, invoke(url, "composeExtension/fetchTask",
                                              {"commandId": "checkPost", "commandContext": "compose"}))
    body = await fetched.json()
    assert fetched.status == 200 and body["task"]["type"] == "continue"
    inputs = [e for e in body["task"]["value"]["card"]["content"]["body"] if e["type"] == "Input.Text"]
    assert inputs[0]["id"] == "draft" and inputs[0]["isMultiline"] is True
    submitted = await send(teams_client, invoke(url, "composeExtension/submitAction", {
        "commandId": "checkPost", "commandContext": "compose", "data": {"action": "check", "draft": RISKY}}))
    answer = await submitted.json()
    assert answer["task"]["type"] == "continue" and "composeExtension" not in answer
    assert "Patient privacy" in json.dumps(answer["task"]["value"]["card"]["content"])


async def test_message_action_checks_that_message(teams_client):
    url = teams_client.connector.url
    value = {"commandId": "checkPost", "commandContext": "message",
             "messagePayload": {"id": "1", "body": {"contentType": "html", "content": f"<p>{RISKY}</p>"}}}
    response = await send(teams_client, invoke(url, "composeExtension/submitAction", value))
    answer = await response.json()
    shown = json.dumps(answer["task"]["value"]["card"]["content"])
    assert "Patient privacy" in shown and "00482913" not in shown


async def test_card_feedback_is_recorded_without_text(teams_client):
    connector = teams_client.connector
    await send(teams_client, activity(connector.url, RISKY))
    (reply,) = await connector.wait_for("a:personal-1")
    data = card_of(reply)["actions"][1]["data"]
    await send(teams_client, activity(connector.url, None, value=data))
    offer = card_of((await connector.wait_for("a:personal-1", 2))[1])
    assert "Share the redacted version" in json.dumps(offer)
    store = teams_client.server.app[SERVICE].store
    (row,) = store.feedback()
    assert row.helpful is False and row.platform == "teams" and row.check_id == data["check_id"]
    assert store.samples() == []  # nothing is kept until the user opts in
    await send(teams_client, activity(connector.url, None, value=offer["actions"][0]["data"]))
    assert "shared" in (await connector.wait_for("a:personal-1", 3))[2]["text"]
    (sample,) = store.samples()
    assert "[NAME]" in sample.redacted and "Alvarez" not in sample.redacted and "privacy" in sample.predicted


async def test_universal_action_feedback_invoke(teams_client):
    url = teams_client.connector.url
    value = {"action": {"type": "Action.Execute", "verb": "feedback",
                        "data": {"action": "feedback", "check_id": "c-1", "helpful": True}}, "trigger": "manual"}
    response = await send(teams_client, invoke(url, "adaptiveCard/action", value))
    assert response.status == 200
    assert teams_client.server.app[SERVICE].store.feedback()[0].check_id == "c-1"


async def test_installation_and_conversation_updates_store_references(teams_client):
    url = teams_client.connector.url
    team = {"id": "19:general@thread.tacv2", "conversationType": "channel", "isGroup": True, "tenantId": "tenant-1"}
    await send(teams_client, activity(url, None, team, type="installationUpdate", action="add"))
    await send(teams_client, activity(url, None, type="conversationUpdate", membersAdded=[{"id": "28:bot-id"}]))
    await teams_client.connector.wait_for("19:general@thread.tacv2")
    refs = {r.conversation_id: r for r in teams_client.server.app[SERVICE].store.references("teams")}
    assert {"19:general@thread.tacv2", "a:personal-1"} <= set(refs)
    assert refs["a:personal-1"].reference["serviceUrl"] == url and "name" not in refs["a:personal-1"].reference["user"]


async def test_unknown_invoke_is_not_implemented(teams_client):
    response = await send(teams_client, invoke(teams_client.connector.url, "something/unknown", {}))
    assert response.status == 501


@pytest.mark.parametrize(("body", "content_type", "status"), [
    (b"{not json", "application/json", 400), (b"[1]", "application/json", 400),
    (b"\xff\xfe", "application/json", 400), (b"text", "text/plain", 415)])
async def test_malformed_requests_and_server_stays_up(teams_client, body, content_type, status):
    response = await teams_client.post("/api/messages", data=body, headers={"Content-Type": content_type})
    assert response.status == status
    assert (await teams_client.get("/healthz")).status == 200


@pytest.fixture
async def secured_client(aiohttp_client, settings, shared_checker, connector):
    from bot.config import Settings
    from bot.server import create_app

    secured = Settings(**{**settings.__dict__, "microsoft_app_id": "00000000-0000-0000-0000-000000000001",
                          "microsoft_app_password": "pw"})
    client = await aiohttp_client(create_app(secured, shared_checker))
    client.connector = connector
    return client


@pytest.mark.parametrize("header", [None, "Bearer not-a-jwt", "Basic abc",
                                    "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJ4In0."])
async def test_with_an_app_id_bad_or_missing_tokens_get_401(secured_client, header):
    headers = {"Authorization": header} if header else {}
    response = await send(secured_client, activity(secured_client.connector.url, RISKY), headers)
    assert response.status == 401
    assert secured_client.connector.sent == []


async def test_reply_review_command_opens_a_dialog_and_answers_in_it(teams_client):
    connector = teams_client.connector
    await send(teams_client, activity(connector.url, "reply-review"))
    (card_message,) = await connector.wait_for("a:personal-1")
    action = card_of(card_message)["actions"][0]
    assert action["data"]["msteams"]["type"] == "task/fetch"
    fetched = await send(teams_client, invoke(connector.url, "task/fetch", {"data": action["data"]}))
    dialog = (await fetched.json())["task"]["value"]["card"]["content"]
    assert [e["id"] for e in dialog["body"]] == ["review", "draft"]
    data = {"action": "reply_review", "review": "Billing charged me twice!",
            "draft": "Mr. Diaz, you were seen 2/2 and your bill is right."}
    submitted = await send(teams_client, invoke(connector.url, "task/submit", {"data": data}))
    shown = json.dumps((await submitted.json())["task"]["value"]["card"]["content"])
    assert "billing manager" in shown and "Patient privacy" in shown and "Diaz" not in shown


async def test_footprint_toggles_are_saved(teams_client):
    connector = teams_client.connector
    await send(teams_client, activity(connector.url, "footprint"))
    (card_message,) = await connector.wait_for("a:personal-1")
    toggles = [e["id"] for e in card_of(card_message)["body"] if e["type"] == "Input.Toggle"]
    assert len(toggles) == 7
    await send(teams_client, activity(connector.url, None, value={"action": "footprint", toggles[0]: "true",
                                                                 toggles[1]: "false"}))
    status = (await connector.wait_for("a:personal-1", 2))[1]
    assert status["text"] == "Footprint self-audit: 1 of 7 steps done."


async def test_real_length_teams_ids_are_stored_on_postgresql(aiohttp_client, settings, shared_checker, connector):
    from bot.config import Settings
    from bot.server import create_app

    from .test_storage import _postgres_schema

    schema = _postgres_schema()
    url = next(schema)
    try:
        client = await aiohttp_client(create_app(Settings(**{**settings.__dict__, "database_url": url}), shared_checker))
        long_id = "a:1" + "x" * 140
        body = activity(connector.url, RISKY, {"id": long_id, "conversationType": "personal", "tenantId": "t" * 36})
        await client.post("/api/messages", json=body)
        (reply,) = await connector.wait_for(long_id)
        assert "Patient privacy" in json.dumps(card_of(reply))
        (row,) = client.server.app[SERVICE].store.checks()
        assert row.channel == long_id
    finally:
        next(schema, None)
