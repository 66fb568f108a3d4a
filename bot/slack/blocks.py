"""Render replies as Block Kit. Wording comes from ``bot.messages`` and ``bot.answer`` only."""

from __future__ import annotations

from .. import messages
from ..answer import Answer, Card
from ..conversation import Reply

MAX_TEXT = 2900
FEEDBACK_ACTIONS = ("feedback_helpful", "feedback_wrong")


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:MAX_TEXT]}}


def _context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:MAX_TEXT]}]}


def _links(card: Card, prefix: str) -> list[dict]:
    blocks = []
    if card.links:
        blocks.append({"type": "actions", "elements": [
            {"type": "button", "text": {"type": "plain_text", "text": link.label[:75]}, "url": link.url,
             "action_id": f"{prefix}_link_{i}"} for i, link in enumerate(card.links)]})
    if card.unconfirmed:
        blocks.append(_context("Also: " + "; ".join(card.unconfirmed)))
    return blocks


def answer_blocks(answer: Answer, check_id: str | None = None) -> list[dict]:
    """The whole answer: verdict, findings with evidence and guidelines, safer version, feedback."""
    blocks: list[dict] = [{"type": "header", "text": {"type": "plain_text",
                                                      "text": f"{answer.emoji} {answer.headline}"}}]
    if answer.versions:
        blocks.append(_context(messages.VERSIONS.format(n=len(answer.versions)) + "\n"
                               + "\n".join(f"• {v}" for v in answer.versions)))
    for f in answer.findings:
        why = ", ".join(f"“{e}”" for e in f.evidence)
        text = f"*{f.title}*  ·  {f.level}  ·  {f.confidence}% confidence"
        if why:
            text += f"\n*{messages.EVIDENCE}:* {why}"
        text += f"\n_{messages.GUIDELINE}:_ {f.guideline.summary}"
        blocks += [{"type": "divider"}, _section(text), *_links(f.guideline, f.label)]
    if answer.safer_version:
        blocks += [{"type": "divider"}, _section(f"*{messages.SAFER_VERSION}*\n```{answer.safer_version}```")]
    elif answer.still_to_change:
        blocks += [{"type": "divider"},
                   _section(f"*{messages.STILL_TO_CHANGE}*\n" + "\n".join(f"• {s}" for s in answer.still_to_change))]
    blocks += [_section(note) for note in answer.notes]
    if check_id:
        blocks.append({"type": "actions", "block_id": "feedback", "elements": [
            {"type": "button", "text": {"type": "plain_text", "text": messages.FEEDBACK_HELPFUL},
             "action_id": FEEDBACK_ACTIONS[0], "value": check_id},
            {"type": "button", "text": {"type": "plain_text", "text": messages.FEEDBACK_WRONG},
             "action_id": FEEDBACK_ACTIONS[1], "value": check_id}]})
    blocks.append(_context(answer.notice))
    return blocks[:50]


def card_blocks(cards: list[Card], title: str = "") -> list[dict]:
    """Guideline cards: summary, do's and don'ts, resource buttons."""
    blocks: list[dict] = [_section(f"*{title}*")] if title else []
    for card in cards:
        text = f"*{card.title}* (`{card.topic}`)\n{card.summary}"
        text += "".join(f"\n✅ {d}" for d in card.dos) + "".join(f"\n🚫 {d}" for d in card.donts)
        blocks += [{"type": "divider"}, _section(text), *_links(card, card.topic)]
    return blocks[:50]


def reply_blocks(reply: Reply) -> list[dict]:
    """Blocks for any reply kind."""
    if reply.kind == "answer" and reply.answer:
        return answer_blocks(reply.answer, reply.check_id)
    if reply.kind in ("policy", "topics"):
        return card_blocks(reply.cards, reply.text)
    return [_section(reply.text)]


def fallback_text(reply: Reply) -> str:
    """Notification text: the verdict or the message, never the draft."""
    if reply.kind == "answer" and reply.answer:
        return f"{reply.answer.emoji} {reply.answer.headline}"
    return reply.text or "Guidelines"


def home_view() -> dict:
    """The App Home tab: what the bot does, how to use it, the privacy promise."""
    return {"type": "home", "blocks": [
        {"type": "header", "text": {"type": "plain_text", "text": "compliance-bot"}},
        _section(messages.HELP),
        _section(messages.HOME_ENTRY_POINTS),
        _section(f"*Privacy*\n{messages.PRIVACY_PROMISE}"),
    ]}
