"""Pure helpers over Bot Framework activities (no I/O)."""

from __future__ import annotations

from html.parser import HTMLParser

from botbuilder.schema import Activity


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag, attrs) -> None:
        if tag in ("br", "p", "div", "li"):
            self.parts.append("\n")


def html_to_text(content: str) -> str:
    """The text of a Teams message body (``contentType: html``)."""
    parser = _TextOnly()
    parser.feed(content or "")
    parser.close()
    return "\n".join(line.strip() for line in "".join(parser.parts).splitlines()).strip()


def is_personal(activity: Activity) -> bool:
    """A 1:1 chat with the bot."""
    conversation = activity.conversation
    return bool(conversation) and (conversation.conversation_type == "personal" or not conversation.is_group
                                   and conversation.conversation_type in (None, "personal"))


def message_payload_text(value: dict) -> str:
    """The text of the message a message-extension action was invoked on."""
    body = ((value or {}).get("messagePayload") or {}).get("body") or {}
    content = body.get("content", "")
    return html_to_text(content) if body.get("contentType", "html") == "html" else content


def tenant_id(activity: Activity) -> str | None:
    """The Microsoft 365 tenant of the activity."""
    data = activity.channel_data or {}
    tenant = data.get("tenant") if isinstance(data, dict) else None
    return (tenant or {}).get("id") or (activity.conversation.tenant_id if activity.conversation else None)


def channel_of(activity: Activity) -> str | None:
    """The conversation a reminder belongs to (a channel thread id without its ``;messageid=``)."""
    return activity.conversation.id.split(";")[0] if activity.conversation else None


def mentions_bot(activity: Activity) -> bool:
    """Whether the message @mentions the bot (in channels the bot answers only then)."""
    recipient = activity.recipient.id if activity.recipient else None
    return any(e.type == "mention" and (e.additional_properties or {}).get("mentioned", {}).get("id") == recipient
               for e in activity.entities or [])


def has_media(activity: Activity) -> bool:
    """Whether the message carries images, video or files (they are not analysed)."""
    return any((a.content_type or "").startswith(("image/", "video/"))
               or a.content_type == "application/vnd.microsoft.teams.file.download.info"
               for a in activity.attachments or [])
