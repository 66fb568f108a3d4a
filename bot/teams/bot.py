"""The Teams bot: each override extracts the draft, calls the service, renders a card."""

from __future__ import annotations

import asyncio
import logging

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.core.teams import TeamsActivityHandler, TeamsInfo
from botbuilder.schema import ChannelAccount, ConversationParameters
from botbuilder.schema.teams import (
    MessagingExtensionAction,
    MessagingExtensionActionResponse,
    TaskModuleContinueResponse,
    TaskModuleResponse,
    TaskModuleTaskInfo,
)

from .. import messages
from ..conversation import COMMANDS, Reply, parse_command
from ..service import BotService, Context
from . import cards
from .activities import (
    channel_of,
    has_media,
    html_to_text,
    is_personal,
    mentions_bot,
    message_payload_text,
    tenant_id,
)

log = logging.getLogger(__name__)
#: The message-extension command and text commands the manifest must list (a test checks).
EXTENSION_COMMANDS = ("checkPost",)
BOT_COMMANDS = COMMANDS


def _user_id(activity) -> str | None:
    """The person: their Entra (AAD) object id when Teams gives one, else the channel account id."""
    account = activity.from_property
    return (account.aad_object_id or account.id) if account else None


def _ctx(turn: TurnContext, entry_point: str) -> Context:
    activity = turn.activity
    return Context("teams", entry_point, _user_id(activity), tenant_id(activity), channel_of(activity))


def _dialog(reply: Reply, title: str = "Check this post") -> MessagingExtensionActionResponse:
    info = TaskModuleTaskInfo(title=title, card=cards.attachment(cards.reply_card(reply)), height="large",
                              width="large")
    return MessagingExtensionActionResponse(task=TaskModuleContinueResponse(value=info))


class ComplianceTeamsBot(TeamsActivityHandler):
    """Personal chat, channel @mentions, the "Check this post" extension, card feedback."""

    def __init__(self, service: BotService, app_id: str | None) -> None:
        self.service = service
        self.app_id = app_id or ""
        self._remembered: set[str] = set()

    async def on_turn(self, turn_context: TurnContext) -> None:
        """Remember where the bot can write back, then dispatch."""
        await self._remember(turn_context)
        await super().on_turn(turn_context)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        """A draft or a command; in a channel the answer goes to the author privately."""
        activity = turn_context.activity
        if isinstance(activity.value, dict) and await self._card_action(turn_context, activity.value):
            return
        if activity.value is not None and not activity.text:
            return  # a submit from some other card: nothing to check
        text = html_to_text(TurnContext.remove_recipient_mention(activity) or "") if activity.text else ""
        has_files = has_media(activity)
        personal = is_personal(activity)
        if not personal and not mentions_bot(activity):
            await self._monitored(turn_context, text, has_files)
            return
        command = parse_command(text)
        if command and command[0] == "monitor" and not personal:
            await self._monitor_command(turn_context, command[1])
            return
        if command and command[0] == "settings":
            allowed = command[1].strip() in ("", "show") or await self._is_owner(turn_context)
            reply = await self.service.settings_command(command[1], _ctx(turn_context, "settings"), allowed)
            await turn_context.send_activity(reply.text)
            return
        if command and command[0] == "reminders":
            context = _ctx(turn_context, "reminders")
            reply = await self.service.reminders_command(command[1], context, activity.local_timezone)
            await turn_context.send_activity(reply.text)
            return
        reply = await self.service.respond(text or "help", _ctx(turn_context, "dm" if personal else "mention"),
                                           has_files)
        card = MessageFactory.attachment(cards.attachment(cards.reply_card(reply)))
        if personal:
            await turn_context.send_activity(card)
        elif await self._send_privately(turn_context, card):
            await turn_context.send_activity(messages.SENT_PRIVATELY)
        else:
            await turn_context.send_activity(messages.TEAMS_USE_PERSONAL_CHAT)

    async def _card_action(self, turn_context: TurnContext, value: dict) -> bool:
        """A button on one of this bot's cards (feedback, share, footprint); False for any other submit."""
        action = value.get("action")
        if action == cards.FEEDBACK:
            await self._feedback(turn_context, value)
        elif action == cards.SHARE:
            await self.service.share_sample(str(value.get("check_id", "")), str(value.get("redacted", "")),
                                            list(value.get("labels", [])), _ctx(turn_context, "feedback"))
            await turn_context.send_activity(messages.SHARED)
        elif action == cards.FOOTPRINT:
            done = {k for k, v in value.items() if v == "true"}
            steps, ticked = await self.service.footprint(_ctx(turn_context, "footprint"), done)
            await turn_context.send_activity(messages.FOOTPRINT_STATUS.format(done=len(ticked), total=len(steps)))
        else:
            return False
        return True

    async def _monitored(self, turn_context: TurnContext, text: str, has_files: bool) -> None:
        """A channel message the bot receives through resource-specific consent: a private note if risky."""
        context = _ctx(turn_context, "monitor")
        reply = await self.service.monitored_check(text, context, has_files)
        if reply is not None:
            card = cards.reply_card(reply)
            card["body"].append(cards.note(messages.MONITOR_PRIVATE_NOTE))
            await self._send_privately(turn_context, MessageFactory.attachment(cards.attachment(card)))

    async def _monitor_command(self, turn_context: TurnContext, action: str) -> None:
        activity = turn_context.activity
        allowed = await self._is_owner(turn_context)
        context = _ctx(turn_context, "monitor")
        missing = [] if (activity.channel_data or {}).get("team") else ["monitoring works in team channels only"]
        reply = await self.service.monitor_command(action, context, allowed, missing)
        if reply.kind == "monitor_on":
            await turn_context.send_activity(messages.MONITOR_NOTICE)
        await turn_context.send_activity(reply.text)

    async def _is_owner(self, turn_context: TurnContext) -> bool:
        """Whether the sender is a team owner (the Bot Framework's member lookup)."""
        try:
            member = await TeamsInfo.get_member(turn_context, turn_context.activity.from_property.id)
        except Exception as exc:  # not in a team, or the member lookup failed
            log.warning("team owner check failed: %s", type(exc).__name__)
            return False
        return (member.user_role or "").lower() == "owner"

    async def on_teams_messaging_extension_fetch_task(self, turn_context: TurnContext,
                                                      action: MessagingExtensionAction):
        """From the compose box: a dialog with a field for the draft."""
        if action.message_payload and action.message_payload.body:
            return await self._check_dialog(turn_context, message_payload_text(turn_context.activity.value))
        info = TaskModuleTaskInfo(title="Check this post", card=cards.attachment(cards.draft_dialog_card()),
                                  height="medium", width="medium")
        return MessagingExtensionActionResponse(task=TaskModuleContinueResponse(value=info))

    async def on_teams_messaging_extension_submit_action(self, turn_context: TurnContext,
                                                         action: MessagingExtensionAction):
        """The answer as a dialog only the user sees (never a card that could be sent to the channel)."""
        data = action.data if isinstance(action.data, dict) else {}
        if data.get("action") == cards.FEEDBACK:
            await self._record_feedback(turn_context, data)
            return _dialog(Reply("help", messages.FEEDBACK_THANKS), "Thanks")
        if action.command_context == "message":
            text = message_payload_text(turn_context.activity.value)
        else:
            text = str(data.get("draft", ""))
        return await self._check_dialog(turn_context, text)

    async def on_teams_task_module_fetch(self, turn_context: TurnContext, task_module_request):
        """The review-reply helper's dialog."""
        info = TaskModuleTaskInfo(title=messages.REVIEW_MODAL_TITLE, height="large", width="medium",
                                  card=cards.attachment(cards.review_dialog_card()))
        return TaskModuleResponse(task=TaskModuleContinueResponse(value=info))

    async def on_teams_task_module_submit(self, turn_context: TurnContext, task_module_request):
        """The safe reply and the draft's check, shown in the dialog only the user sees."""
        data = task_module_request.data if isinstance(task_module_request.data, dict) else {}
        helped = await self.service.review_help(str(data.get("review", "")), data.get("draft") or None,
                                                _ctx(turn_context, "reply-review"))
        card = cards.review_result_card(helped.topic, helped.safe_reply, helped.draft_reply)
        info = TaskModuleTaskInfo(title=messages.REVIEW_MODAL_TITLE, height="large", width="medium",
                                  card=cards.attachment(card))
        return TaskModuleResponse(task=TaskModuleContinueResponse(value=info))

    async def on_adaptive_card_invoke(self, turn_context: TurnContext, invoke_value):
        """Universal actions (Action.Execute): feedback carries only a check id."""
        from botbuilder.schema import AdaptiveCardInvokeResponse

        action = invoke_value.action if invoke_value and isinstance(invoke_value.action, dict) else {}
        data = action.get("data") or {}
        if isinstance(data, dict) and data.get("action") == cards.FEEDBACK:
            await self._record_feedback(turn_context, data)
        return AdaptiveCardInvokeResponse(status_code=200, type="application/vnd.microsoft.card.adaptive",
                                          value=cards.reply_card(Reply("help", messages.FEEDBACK_THANKS)))

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        """Installed in a team or chat: the reference is stored by ``on_turn``; say hello."""
        await turn_context.send_activity(messages.TEAMS_WELCOME)

    async def _check_dialog(self, turn_context: TurnContext, text: str) -> MessagingExtensionActionResponse:
        reply = await self.service.check(text, _ctx(turn_context, "extension"))
        return _dialog(reply)

    async def _feedback(self, turn_context: TurnContext, data: dict) -> None:
        await self._record_feedback(turn_context, data)
        if not data.get("helpful") and data.get("redacted"):
            await turn_context.send_activity(MessageFactory.attachment(cards.attachment(cards.share_card(data))))
        else:
            await turn_context.send_activity(messages.FEEDBACK_THANKS)

    async def _record_feedback(self, turn_context: TurnContext, data: dict) -> None:
        await self.service.feedback(str(data.get("check_id", "")), bool(data.get("helpful")),
                                    _ctx(turn_context, "feedback"))

    async def _send_privately(self, turn_context: TurnContext, card) -> bool:
        """Open (or reuse) a 1:1 chat with the author and send the card there."""
        activity = turn_context.activity
        tenant = tenant_id(activity)
        parameters = ConversationParameters(
            is_group=False, bot=activity.recipient, tenant_id=tenant,
            members=[ChannelAccount(id=activity.from_property.id)],
            channel_data={"tenant": {"id": tenant}} if tenant else None)

        async def deliver(private_turn: TurnContext) -> None:
            await self._remember(private_turn)
            await private_turn.send_activity(card)

        try:
            await turn_context.adapter.create_conversation(self.app_id, deliver, parameters, activity.channel_id,
                                                           activity.service_url)
        except Exception as exc:  # no personal chat possible (app not installed for the user, policy)
            log.warning("could not open a personal chat: %s", type(exc).__name__)
            return False
        return True

    async def _remember(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        if not activity.conversation or not activity.service_url:
            return
        key = f"{activity.conversation.id}|{activity.service_url}"
        if key in self._remembered and activity.type == "message":
            return  # already stored by this process; installs and updates always refresh
        self._remembered.add(key)
        reference = TurnContext.get_conversation_reference(activity).serialize()
        for party in ("user", "bot"):
            if isinstance(reference.get(party), dict):
                reference[party].pop("name", None)
        data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
        kind = activity.conversation.conversation_type or ("personal" if is_personal(activity) else "channel")
        await asyncio.to_thread(
            self.service.store.save_reference, "teams", activity.conversation.id, kind, reference,
            tenant_id(activity), (data.get("team") or {}).get("id"),
            self.service.user_hash(_user_id(activity), "teams") if kind == "personal" else None)
