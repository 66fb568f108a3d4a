"""Helpers for Slack tests: signing, payload builders, a recording mock Web API."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.parse

from aiohttp import web

from .waiting import wait_until

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-test-token"


def sign(body: bytes, timestamp: int | None = None, secret: str = SECRET) -> dict:
    timestamp = int(time.time()) if timestamp is None else timestamp
    base = f"v0:{timestamp}:".encode() + body
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": signature}


def event_body(event: dict, event_id: str = "Ev0001") -> bytes:
    return json.dumps({
        "token": "legacy", "team_id": "T111", "api_app_id": "A111", "type": "event_callback",
        "event_id": event_id, "event_time": int(time.time()), "event": event,
        "authorizations": [{"team_id": "T111", "user_id": "UBOT", "is_bot": True}],
    }).encode()


def dm_event(text: str, **extra) -> dict:
    return {"type": "message", "channel": "D024BE91L", "user": "U2147483697", "text": text,
            "ts": "1355517523.000005", "channel_type": "im", **extra}


def mention_event(text: str, **extra) -> dict:
    return {"type": "app_mention", "channel": "C111", "user": "U2147483697", "text": f"<@UBOT> {text}",
            "ts": "1515449522.000016", "event_ts": "1515449522.000016", **extra}


def form(fields: dict) -> bytes:
    return urllib.parse.urlencode(fields).encode()


def command_body(command: str, text: str, response_url: str) -> bytes:
    return form({"token": "legacy", "team_id": "T111", "team_domain": "x", "channel_id": "C111",
                 "channel_name": "general", "user_id": "U2147483697", "user_name": "dr",
                 "command": command, "text": text, "api_app_id": "A111", "response_url": response_url,
                 "trigger_id": "1.2.3"})


def interactive_body(payload: dict) -> bytes:
    return form({"payload": json.dumps(payload)})


class MockSlack:
    """A loopback Slack Web API that records every call (method and parsed body)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict]] = []
        self.fail_first: dict[str, int] = {}
        self.admins = {"U2147483697"}
        self.scopes = "chat:write,commands,channels:history,groups:history,im:history,users:read"
        self.app = web.Application()
        self.app.router.add_post("/api/{method}", self.api)
        self.app.router.add_get("/api/{method}", self.api)
        self.app.router.add_post("/respond/{token}", self.respond)

    async def _body(self, request: web.Request) -> dict:
        raw = await request.read()
        if request.method == "GET":
            return dict(request.query)
        if request.content_type == "application/json":
            return json.loads(raw or b"{}")
        return {k: v[0] for k, v in urllib.parse.parse_qs(raw.decode()).items()}

    async def api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        body = await self._body(request)
        self.calls.append((method, body))
        if self.fail_first.get(method, 0) > 0:
            self.fail_first[method] -= 1
            return web.json_response({"ok": False, "error": "ratelimited"}, status=429,
                                     headers={"Retry-After": "0"})
        if method == "users.info":
            user = body.get("user", "")
            return web.json_response({"ok": True, "user": {"id": user, "tz": "America/Los_Angeles",
                                                           "is_admin": user in self.admins}})
        if method == "conversations.info":
            channel = body.get("channel", "")
            return web.json_response({"ok": True, "channel": {"id": channel, "is_member": channel != "CNOTIN",
                                                              "is_private": False, "creator": "UCREATOR"}})
        if method == "auth.test":
            return web.json_response({"ok": True, "url": "https://x.slack.com/", "team": "T", "user": "bot",
                                      "team_id": "T111", "user_id": "UBOT", "bot_id": "B111"},
                                     headers={"x-oauth-scopes": self.scopes})
        return web.json_response({"ok": True, "ts": "1700000000.000100", "channel": body.get("channel")})

    async def respond(self, request: web.Request) -> web.Response:
        self.calls.append(("response_url", await self._body(request)))
        return web.Response(text="ok")

    def methods(self) -> list[str]:
        return [m for m, _ in self.calls if m != "auth.test"]

    def sent(self, method: str) -> list[dict]:
        return [body for m, body in self.calls if m == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 15.0) -> list[dict]:
        return await wait_until(lambda: self.sent(method), count,
                                f"{method} not called {count}x; calls: {self.methods()}", timeout)


def blocks_of(body: dict) -> list[dict]:
    blocks = body.get("blocks", [])
    return json.loads(blocks) if isinstance(blocks, str) else blocks


def text_of(blocks: list[dict]) -> str:
    return json.dumps(blocks, ensure_ascii=False)
