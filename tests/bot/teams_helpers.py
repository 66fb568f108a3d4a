"""Helpers for Teams tests: activities in the Bot Framework's format and a recording connector."""

from __future__ import annotations

import uuid

from aiohttp import web

from .waiting import wait_until

BOT = {"id": "28:bot-id", "name": "compliance-bot"}
USER = {"id": "29:user-1", "aadObjectId": "aad-user-1", "name": "Dr Rivera"}
TENANT = "tenant-1"


def activity(service_url: str, text: str | None = None, conversation: dict | None = None, **extra) -> dict:
    body = {"type": "message", "id": uuid.uuid4().hex[:8], "timestamp": "2026-11-27T10:00:00Z",
            "serviceUrl": service_url, "channelId": "msteams", "from": USER, "recipient": BOT,
            "conversation": conversation or {"id": "a:personal-1", "conversationType": "personal",
                                             "tenantId": TENANT},
            "channelData": {"tenant": {"id": TENANT}}, "locale": "en-US"}
    if text is not None:
        body["text"] = text
    body.update(extra)
    return body


def channel_mention(service_url: str, draft: str) -> dict:
    return activity(
        service_url, f"<at>compliance-bot</at> {draft}",
        conversation={"id": "19:channel@thread.tacv2;messageid=111", "conversationType": "channel",
                      "isGroup": True, "tenantId": TENANT},
        entities=[{"type": "mention", "text": "<at>compliance-bot</at>", "mentioned": BOT}],
        channelData={"tenant": {"id": TENANT}, "team": {"id": "19:team@thread.tacv2"},
                     "channel": {"id": "19:channel@thread.tacv2"}})


def invoke(service_url: str, name: str, value: dict, conversation: dict | None = None) -> dict:
    return activity(service_url, None, conversation, type="invoke", name=name, value=value)


class MockConnector:
    """A loopback Bot Connector service that records what the bot sends."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, dict]] = []
        self.refuse_create = False
        self.roles = {"29:user-1": "owner"}
        self.app = web.Application()
        self.app.router.add_post("/v3/conversations", self.create)
        self.app.router.add_post("/v3/conversations/{cid}/activities", self.send)
        self.app.router.add_post("/v3/conversations/{cid}/activities/{aid}", self.send)
        self.app.router.add_get("/v3/conversations/{cid}/members/{uid}", self.member)

    async def create(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.sent.append(("create", body))
        if self.refuse_create:
            return web.json_response({"error": {"code": "Forbidden"}}, status=403)
        return web.json_response({"id": "a:private-1", "activityId": "p1"})

    async def member(self, request: web.Request) -> web.Response:
        uid = request.match_info["uid"]
        return web.json_response({"id": uid, "name": "Member", "userRole": self.roles.get(uid, "user")})

    async def send(self, request: web.Request) -> web.Response:
        self.sent.append((request.match_info["cid"], await request.json()))
        return web.json_response({"id": "reply-" + str(len(self.sent))})

    def to(self, conversation_id: str) -> list[dict]:
        return [body for cid, body in self.sent if cid == conversation_id]

    async def wait_for(self, conversation_id: str, count: int = 1, timeout: float = 15.0) -> list[dict]:
        return await wait_until(lambda: self.to(conversation_id), count,
                                f"nothing sent to {conversation_id}: {[c for c, _ in self.sent]}", timeout)
