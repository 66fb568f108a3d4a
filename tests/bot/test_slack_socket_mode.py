"""Socket Mode: with SLACK_APP_TOKEN the app connects out over a websocket (to a loopback mock)."""

import asyncio
import json

from aiohttp import WSMsgType, web

from bot.config import Settings
from bot.server import create_app

from .slack_helpers import BOT_TOKEN, blocks_of, text_of


class MockSocketSlack:
    def __init__(self, event: dict) -> None:
        self.event = event
        self.acks: list[dict] = []
        self.posted: list[dict] = []
        self.app = web.Application()
        self.app.router.add_post("/api/{method}", self.api)
        self.app.router.add_get("/socket", self.socket)

    async def api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method == "apps.connections.open":
            return web.json_response({"ok": True, "url": str(request.url.with_path("/socket")).replace("http", "ws")})
        if method == "auth.test":
            return web.json_response({"ok": True, "user_id": "UBOT", "bot_id": "B1", "team_id": "T111"})
        if method == "chat.postMessage":
            self.posted.append(await request.json())
        return web.json_response({"ok": True, "ts": "1.1"})

    async def socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": 1})
        await ws.send_json({"envelope_id": "env-1", "type": "events_api", "accepts_response_payload": False,
                            "payload": self.event})
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                self.acks.append(json.loads(message.data))
        return ws


async def test_socket_mode_receives_an_event_acks_it_and_answers(aiohttp_server, aiohttp_client, settings,
                                                                 shared_checker):
    event = {"type": "event_callback", "team_id": "T111", "event_id": "EvSock", "event": {
        "type": "message", "channel": "D1", "channel_type": "im", "user": "U1", "ts": "1.1",
        "text": "Use my code GLOW20 for 20% off the GlowLab serum, obsessed!!"}}
    mock = MockSocketSlack(event)
    server = await aiohttp_server(mock.app)
    socket_settings = Settings(**{**settings.__dict__, "slack_bot_token": BOT_TOKEN, "slack_app_token": "xapp-1",
                                  "slack_api_url": str(server.make_url("/api/"))})
    client = await aiohttp_client(create_app(socket_settings, shared_checker))
    for _ in range(300):
        if mock.posted:
            break
        await asyncio.sleep(0.05)
    assert {"envelope_id": "env-1"} in mock.acks or any(a.get("envelope_id") == "env-1" for a in mock.acks)
    assert "conflict of interest" in text_of(blocks_of(mock.posted[0])).lower()
    response = await client.post("/slack/events", data=b"{}")
    assert response.status == 404  # Socket Mode: no HTTP endpoint
