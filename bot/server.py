"""The one aiohttp server: web chat and JSON API always; Slack and Teams when configured.

>>> app = create_app(Settings.from_env())   # doctest: +SKIP
>>> web.run_app(app, host="127.0.0.1", port=3978)  # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from aiohttp import web
from sqlalchemy import text

from . import audit, logs, messages
from .checker import Checker
from .config import Settings
from .metrics import Metrics
from .privacy import load_secret
from .reminders import Scheduler
from .service import BotService
from .storage import Store
from .storage.migrate import upgrade
from .web import api
from .web.middleware import json_errors, observe, require_api_key

log = logging.getLogger(__name__)
SERVICE = web.AppKey("service", BotService)
SETTINGS = web.AppKey("settings", Settings)
METRICS = web.AppKey("metrics", Metrics)
SOCKET_TASK = web.AppKey("socket_task", asyncio.Task)
SCHEDULER = web.AppKey("scheduler", Scheduler)
HOUSEKEEPING = web.AppKey("housekeeping", asyncio.Task)
HOUSEKEEPING_EVERY = 6 * 3600


async def housekeeping(store: Store, retention_days: int) -> None:
    """Apply the audit retention period and forget old event ids, at start and every few hours."""
    while True:
        try:
            purged = await asyncio.to_thread(audit.purge, store, retention_days)
            await asyncio.to_thread(store.forget_events)
            if purged:
                log.info("purged %d audit rows past retention", purged)
        except Exception as exc:  # the database may be briefly unavailable; try again later
            log.warning("housekeeping failed: %s", type(exc).__name__)
        await asyncio.sleep(HOUSEKEEPING_EVERY)
STATIC = Path(__file__).resolve().parent / "web" / "static"
MAX_BODY = 1024 * 1024


async def healthz(request: web.Request) -> web.Response:
    """Alive."""
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    """Ready: the model is loaded and the database answers."""
    service = request.app[SERVICE]
    checks = {"model": service.checker.model_version is not None, "database": True}
    try:
        await asyncio.to_thread(_ping, service.store)
    except Exception as exc:  # any database failure means not ready
        log.warning("database not reachable: %s", type(exc).__name__)
        checks["database"] = False
    ready = all(checks.values())
    return web.json_response({"status": "ready" if ready else "not ready", **checks,
                              "model_version": service.checker.model_version}, status=200 if ready else 503)


def _ping(store: Store) -> None:
    with store.engine.connect() as connection:
        connection.execute(text("SELECT 1"))


async def metrics(request: web.Request) -> web.Response:
    """Prometheus exposition."""
    body = request.app[METRICS].render()
    return web.Response(body=body, headers={"Content-Type": request.app[METRICS].content_type})


async def index(request: web.Request) -> web.FileResponse:
    """The web chat page."""
    return web.FileResponse(STATIC / "index.html")


def create_app(settings: Settings, checker: Checker | None = None) -> web.Application:
    """Build the application (every test and ``compliance-bot serve`` use this).

    A ``checker`` passed in is shared and left running at cleanup; otherwise the app owns one.
    """
    app_metrics = Metrics()
    app = web.Application(client_max_size=MAX_BODY,
                          middlewares=[observe(app_metrics), json_errors, require_api_key(settings.api_key)])
    owns_checker = checker is None
    checker = checker or Checker(settings.workers, settings.sensitivity)
    store = Store(settings.db_url)
    service = BotService(checker, store, load_secret(settings.audit_secret, settings.data_dir), app_metrics)
    app[SERVICE], app[SETTINGS], app[METRICS] = service, settings, app_metrics
    app.router.add_get("/", index)
    app.router.add_static("/static/", STATIC)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)
    api.add_routes(app, service)

    socket_mode = slack_app = None
    if settings.slack_enabled:
        from .slack.app import build_slack_app, events_handler, socket_mode_handler

        slack_app = build_slack_app(settings, service)
        if settings.slack_app_token:
            socket_mode = socket_mode_handler(slack_app, settings)
            log.info("Slack in Socket Mode (SLACK_APP_TOKEN set): no public URL needed")
        else:
            app.router.add_post("/slack/events", events_handler(slack_app))
    else:
        log.info("Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it")
    from .teams.endpoint import build_adapter, messages_handler, send_proactive

    teams_adapter = build_adapter(settings)
    app.router.add_post("/api/messages", messages_handler(settings, service, teams_adapter))

    async def deliver(reminder, tip: str, link: str | None) -> None:
        text = messages.REMINDER_POST.format(tip=tip) + (f"\n{link}" if link else "")
        if reminder.platform == "slack" and slack_app is not None:
            await slack_app.client.chat_postMessage(channel=reminder.channel, text=text)
        elif reminder.platform == "teams":
            reference = await asyncio.to_thread(store.reference_for, "teams", reminder.channel)
            if reference is None:
                raise LookupError("no conversation reference")
            reference["conversation"] = {**reference.get("conversation", {}), "id": reminder.channel}
            await send_proactive(teams_adapter, settings, reference, text)

    scheduler = Scheduler(store, deliver, settings.reminder_interval)
    app[SCHEDULER] = scheduler
    if not settings.teams_auth_enabled:
        log.warning("Teams authentication is off (no MICROSOFT_APP_ID): only for local use")

    async def startup(app: web.Application) -> None:
        await asyncio.to_thread(upgrade, settings.db_url)
        if checker.model_version is None:
            await checker.start()
        app_metrics.model.info({"version": checker.model_version or "unknown"})
        if socket_mode is not None:
            app[SOCKET_TASK] = asyncio.create_task(socket_mode.connect_async())
        if settings.reminder_interval > 0:
            scheduler.start()
        app[HOUSEKEEPING] = asyncio.create_task(housekeeping(store, settings.audit_retention_days))

    async def cleanup(app: web.Application) -> None:
        await scheduler.stop()
        if HOUSEKEEPING in app:
            app[HOUSEKEEPING].cancel()
            await asyncio.gather(app[HOUSEKEEPING], return_exceptions=True)
        if socket_mode is not None:
            await socket_mode.close_async()
        if owns_checker:
            checker.close()
        store.dispose()

    app.on_startup.append(startup)
    app.on_cleanup.append(cleanup)
    return app


def serve(host: str | None = None, port: int | None = None) -> None:
    """Run the server until interrupted (``compliance-bot serve``)."""
    settings = Settings.from_env()
    host, port = host or settings.host, port or settings.port
    logs.configure(settings.log_level)
    print(f"compliance-bot web chat: http://{host}:{port}/", flush=True)
    web.run_app(create_app(settings), host=host, port=port, print=None, access_log=None)
