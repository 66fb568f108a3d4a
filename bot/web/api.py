"""JSON API: check one draft, check a batch, look up guidelines; errors are JSON with a reason."""

from __future__ import annotations

import json
from dataclasses import asdict

from aiohttp import web

from classifiers.inputs import MAX_CHARS
from classifiers.result import SENSITIVITY_SHIFT

from ..conversation import policy_reply
from ..service import BotService, Context
from .openapi import MAX_BATCH, openapi_document

SERVICE = web.AppKey("api_service", BotService)


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def _json_body(request: web.Request) -> dict:
    """The request's JSON object, or an HTTP error with a JSON reason (415, 413, 400)."""
    if request.content_type != "application/json":
        raise web.HTTPUnsupportedMediaType(text=json.dumps({"error": "send Content-Type: application/json"}),
                                           content_type="application/json")
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise web.HTTPRequestEntityTooLarge(
            max_size=request.app._client_max_size, actual_size=request.content_length or 0,
            text=json.dumps({"error": f"body over {request.app._client_max_size:,} bytes"}),
            content_type="application/json") from None
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise web.HTTPBadRequest(text=json.dumps({"error": "body is not valid UTF-8 JSON"}),
                                 content_type="application/json") from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text=json.dumps({"error": "body must be a JSON object"}),
                                 content_type="application/json")
    return body


def _text_error(text) -> web.Response | None:
    if not isinstance(text, str):
        return _error(400, "'text' must be a string")
    if len(text) > MAX_CHARS:
        return _error(413, f"text is {len(text):,} characters; the limit is {MAX_CHARS:,}")
    return None


def result_payload(reply) -> dict:
    """The analysis result with the rendered answer and the check id."""
    return {**reply.result.to_dict(), "answer": asdict(reply.answer), "check_id": reply.check_id}


async def check(request: web.Request) -> web.Response:
    """``POST /api/check``: ``{"text", "sensitivity"?, "live"?}``; live checks are not audited."""
    body = await _json_body(request)
    text = body.get("text")
    if (problem := _text_error(text)) is not None:
        return problem
    sensitivity = body.get("sensitivity")
    if sensitivity is not None and sensitivity not in SENSITIVITY_SHIFT:
        return _error(400, "'sensitivity' must be strict, balanced or lenient")
    service = request.app[SERVICE]
    live = bool(body.get("live", False))
    reply = await service.check(text, Context("web", "live" if live else "api"), audit=not live,
                                sensitivity=sensitivity)
    if reply.kind == "error":
        return _error(400, reply.text)
    return web.json_response(result_payload(reply))


async def check_batch(request: web.Request) -> web.Response:
    """``POST /api/check/batch``: ``{"posts": [{"id", "text"}, ...]}``, up to ``MAX_BATCH``."""
    body = await _json_body(request)
    posts = body.get("posts")
    if not isinstance(posts, list) or not posts:
        return _error(400, "'posts' must be a non-empty list of {\"id\", \"text\"} objects")
    if len(posts) > MAX_BATCH:
        return _error(413, f"{len(posts)} posts; the limit is {MAX_BATCH} a request")
    texts = [p.get("text") if isinstance(p, dict) else None for p in posts]
    ids = [p.get("id", i) if isinstance(p, dict) else i for i, p in enumerate(posts)]
    usable = [i for i, t in enumerate(texts) if isinstance(t, str) and len(t) <= MAX_CHARS]
    replies = dict(zip(usable, await request.app[SERVICE].check_many([texts[i] for i in usable],
                                                                     Context("web", "api-batch"))))
    results = []
    for i, ident in enumerate(ids):
        reply = replies.get(i)
        if reply is None:
            results.append({"id": ident, "error": f"'text' must be a string of at most {MAX_CHARS:,} characters"})
        elif reply.kind == "error":
            results.append({"id": ident, "error": reply.text})
        else:
            results.append({"id": ident, **result_payload(reply)})
    return web.json_response({"results": results})


async def policies(request: web.Request) -> web.Response:
    """``GET /api/policies?q=words``: matching guideline cards (all topics without ``q``)."""
    reply = policy_reply(request.query.get("q", ""))
    return web.json_response({"query": request.query.get("q", ""), "message": reply.text,
                              "guidelines": [asdict(c) for c in reply.cards]})


async def reply_review(request: web.Request) -> web.Response:
    """``POST /api/reply-review``: ``{"review", "draft"?}`` → a safe reply and the draft's check."""
    body = await _json_body(request)
    review, draft = body.get("review"), body.get("draft")
    if not isinstance(review, str) or not review.strip():
        return _error(400, "'review' must be the text of the patient review")
    if draft is not None and not isinstance(draft, str):
        return _error(400, "'draft' must be a string when given")
    for text in (review, draft or ""):
        if (problem := _text_error(text)) is not None:
            return problem
    helped = await request.app[SERVICE].review_help(review, draft, Context("web", "reply-review"))
    checked = helped.draft_reply
    return web.json_response({
        "topic": helped.topic, "safe_reply": helped.safe_reply,
        "draft": None if checked is None else ({"error": checked.text} if checked.kind == "error"
                                               else result_payload(checked))})


async def footprint(request: web.Request) -> web.Response:
    """``GET``/``POST /api/footprint``: the self-audit checklist; POST ``{"user", "done": [...]}`` saves ticks."""
    if request.method == "POST":
        body = await _json_body(request)
        user, done = body.get("user"), body.get("done", [])
        if not isinstance(done, list) or not all(isinstance(d, str) for d in done):
            return _error(400, "'done' must be a list of step ids")
    else:
        user, done = request.query.get("user"), None
    if not isinstance(user, str) or not 8 <= len(user) <= 64:
        return _error(400, "'user' must be the browser's id (8-64 characters)")
    steps, ticked = await request.app[SERVICE].footprint(Context("web", "footprint", user),
                                                         None if done is None else set(done))
    return web.json_response({"steps": [{**s, "links": [asdict(link) for link in s["links"]]} for s in steps],
                              "done": sorted(ticked)})


async def forget_me(request: web.Request) -> web.Response:
    """``POST /api/forget-me``: ``{"user"}`` deletes this browser's stored progress."""
    body = await _json_body(request)
    user = body.get("user")
    if not isinstance(user, str) or not 8 <= len(user) <= 64:
        return _error(400, "'user' must be the browser's id (8-64 characters)")
    removed = await request.app[SERVICE].forget(Context("web", "forget-me", user))
    return web.json_response({"deleted": removed})


async def openapi(request: web.Request) -> web.Response:
    """``GET /api/openapi.json``."""
    return web.json_response(openapi_document())


def add_routes(app: web.Application, service: BotService) -> None:
    """Mount the API on ``app``."""
    app[SERVICE] = service
    app.router.add_post("/api/check", check)
    app.router.add_post("/api/check/batch", check_batch)
    app.router.add_get("/api/policies", policies)
    app.router.add_get("/api/openapi.json", openapi)
    app.router.add_post("/api/reply-review", reply_review)
    app.router.add_route("*", "/api/footprint", footprint)
    app.router.add_post("/api/forget-me", forget_me)


__all__ = ["MAX_BATCH", "add_routes"]
