"""The one aiohttp server: web chat and JSON API always; Slack and Teams when configured.

>>> app = create_app(Settings.from_env())   # doctest: +SKIP
>>> web.run_app(app, host="127.0.0.1", port=3978)  # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web

from .checker import Checker
from .config import Settings
from .privacy import load_secret
from .service import BotService
from .storage import Store
from .storage.migrate import upgrade

log = logging.getLogger(__name__)
SERVICE = web.AppKey("service", BotService)
SETTINGS = web.AppKey("settings", Settings)
MAX_BODY = 1024 * 1024


async def healthz(request: web.Request) -> web.Response:
    """Alive."""
    return web.json_response({"status": "ok"})


def create_app(settings: Settings, checker: Checker | None = None) -> web.Application:
    """Build the application (every test and ``compliance-bot serve`` use this).

    A ``checker`` passed in is shared and left running at cleanup; otherwise the app owns one.
    """
    app = web.Application(client_max_size=MAX_BODY)
    owns_checker = checker is None
    checker = checker or Checker(settings.workers, settings.sensitivity)
    store = Store(settings.db_url)
    service = BotService(checker, store, load_secret(settings.audit_secret, settings.data_dir))
    app[SERVICE] = service
    app[SETTINGS] = settings
    app.router.add_get("/healthz", healthz)

    if settings.slack_enabled:
        from .slack.app import build_slack_app, events_handler

        app.router.add_post("/slack/events", events_handler(build_slack_app(settings, service)))
    else:
        log.info("Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it")

    async def startup(app: web.Application) -> None:
        await asyncio.to_thread(upgrade, settings.db_url)
        if checker.model_version is None:
            await checker.start()

    async def cleanup(app: web.Application) -> None:
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
    logging.basicConfig(level=settings.log_level)
    print(f"compliance-bot web chat: http://{host}:{port}/", flush=True)
    web.run_app(create_app(settings), host=host, port=port, print=None)
