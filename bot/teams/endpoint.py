"""``POST /api/messages``: deserialize the activity and hand it to botbuilder's CloudAdapter.

``CloudAdapter.process()`` in botbuilder-integration-aiohttp 4.17.1 answers 500 to every invoke, so
this handler calls ``process_activity`` itself, as Microsoft's bot template does.
"""

from __future__ import annotations

import json
import logging
from types import SimpleNamespace

from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity

from .. import messages
from ..config import Settings
from ..service import BotService
from .bot import ComplianceTeamsBot

log = logging.getLogger(__name__)


def build_adapter(settings: Settings) -> CloudAdapter:
    """A CloudAdapter; with no app id, authentication is off (the Bot Framework's local convention)."""
    config = SimpleNamespace(APP_ID=settings.microsoft_app_id or "", APP_PASSWORD=settings.microsoft_app_password
                             or "", APP_TYPE=settings.microsoft_app_type,
                             APP_TENANTID=settings.microsoft_app_tenant_id or "")
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(config))

    async def on_error(turn: TurnContext, error: Exception) -> None:
        log.error("teams turn failed: %s", type(error).__name__)
        try:
            await turn.send_activity(messages.ERROR)
        except Exception as exc:  # the connector may be the thing that failed
            log.warning("could not report the failure: %s", type(exc).__name__)

    adapter.on_turn_error = on_error
    return adapter


async def send_proactive(adapter: CloudAdapter, settings: Settings, reference: dict, text: str) -> None:
    """Post ``text`` into a stored conversation (reminders, notices)."""
    from botbuilder.schema import ConversationReference

    async def send(turn: TurnContext) -> None:
        await turn.send_activity(text)

    await adapter.continue_conversation(ConversationReference().deserialize(reference), send,
                                        settings.microsoft_app_id or "")


def messages_handler(settings: Settings, service: BotService, adapter: CloudAdapter | None = None):
    """The aiohttp handler for ``POST /api/messages``."""
    adapter = adapter or build_adapter(settings)
    bot = ComplianceTeamsBot(service, settings.microsoft_app_id)

    async def handle(request: web.Request) -> web.Response:
        if "application/json" not in request.headers.get("Content-Type", ""):
            return web.json_response({"error": "send Content-Type: application/json"}, status=415)
        try:
            body = json.loads(await request.read())
            if not isinstance(body, dict):
                raise ValueError
            activity = Activity().deserialize(body)
        except (ValueError, UnicodeDecodeError, AttributeError, TypeError):
            return web.json_response({"error": "body is not a Bot Framework activity"}, status=400)
        auth_header = request.headers.get("Authorization", "")
        if settings.teams_auth_enabled and not auth_header:
            return web.json_response({"error": "missing Authorization header"}, status=401)
        try:
            response = await adapter.process_activity(auth_header, activity, bot.on_turn)
        except Exception as exc:  # every authentication failure is a 401, never a 500
            log.warning("teams request rejected: %s", type(exc).__name__)
            return web.json_response({"error": "unauthorized"}, status=401)
        if response:
            return web.json_response(data=response.body, status=response.status)
        return web.Response(status=201)

    return handle
