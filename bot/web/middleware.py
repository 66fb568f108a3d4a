"""aiohttp middleware: request ids, metrics and access logs, and the optional API key."""

from __future__ import annotations

import hmac
import logging
import time
import uuid

from aiohttp import web

from ..logs import request_id
from ..metrics import Metrics

log = logging.getLogger("compliance_bot.access")


def observe(metrics: Metrics):
    """Tag each request with an id, count it by route and status, time it, log it (no bodies)."""

    @web.middleware
    async def middleware(request: web.Request, handler):
        rid = request.headers.get("X-Request-Id", "")[:64] or uuid.uuid4().hex
        token = request_id.set(rid)
        route = request.match_info.route.resource.canonical if request.match_info.route.resource else "unmatched"
        started = time.perf_counter()
        status = 500
        try:
            response = await handler(request)
            status = response.status
        except web.HTTPException as exc:
            status = exc.status
            raise
        finally:
            elapsed = time.perf_counter() - started
            metrics.requests.labels(route=route, status=str(status)).inc()
            metrics.latency.labels(route=route).observe(elapsed)
            log.info("request", extra={"route": route, "status": status, "duration_ms": round(elapsed * 1000, 2)})
            request_id.reset(token)
        response.headers["X-Request-Id"] = rid
        return response

    return middleware


def require_api_key(api_key: str | None):
    """With ``API_KEY`` set, ``/api/`` routes (but not the OpenAPI document) need ``Bearer <key>``."""

    @web.middleware
    async def middleware(request: web.Request, handler):
        if api_key and request.path.startswith("/api/") and request.path != "/api/openapi.json" \
                and request.path != "/api/messages":
            given = request.headers.get("Authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {api_key}".encode()):
                return web.json_response({"error": "missing or wrong API key: send 'Authorization: Bearer <key>'"},
                                         status=401, headers={"WWW-Authenticate": "Bearer"})
        return await handler(request)

    return middleware


@web.middleware
async def json_errors(request: web.Request, handler):
    """Any unexpected failure becomes a JSON 500 without details (and never the request body)."""
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except Exception as exc:  # the server must answer, not crash, whatever the input
        log.error("unhandled error: %s", type(exc).__name__)
        return web.json_response({"error": "internal error; nothing was stored"}, status=500)
