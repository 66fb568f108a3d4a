"""Render replies as Block Kit. Wording comes from ``bot.messages`` and ``bot.answer`` only."""

from __future__ import annotations

import json

from .. import messages
from ..answer import Answer, Card
from ..conversation import Reply

MAX_TEXT = 2900
FEEDBACK_ACTIONS = ("feedback_helpful", "feedback_wrong")
FOOTPRINT_ACTION = "footprint_steps"
SHARE_ACTION = "share_redacted"
REVIEW_CALLBACK = "reply_review"


def section(text: str) -> dict:
    """A mrkdwn section, cut to Block Kit's limit."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:MAX_TEXT]}}


def note(text: str) -> dict:
    """A small-print context block."""
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:MAX_TEXT]}]}


def _links(card: Card, prefix: str) -> list[dict]:
    blocks = []
    if card.links:
        blocks.append({"type": "actions", "elements": [
            {"type": "button", "text": {"type": "plain_text", "text": link.label[:75]}, "url": link.url,
             "action_id": f"{prefix}_link_{i}"} for i, link in enumerate(card.links)]})
    if card.unconfirmed:
        blocks.append(note("Also: " + "; ".join(card.unconfirmed)))
    return blocks


def answer_blocks(answer: Answer, check_id: str | None = None) -> list[dict]:
    """The whole answer: verdict, findings with evidence and guidelines, safer version, feedback."""
    blocks: list[dict] = [{"type": "header", "text": {"type": "plain_text",
                                                      "text": f"{answer.emoji} {answer.headline}"}}]
    if answer.org_policy:
        blocks.append({"type": "actions", "elements": [{"type": "button", "action_id": "org_policy_link_0",
                                                        "text": {"type": "plain_text", "text": answer.org_policy.label},
                                                        "url": answer.org_policy.url}]})
    if answer.versions:
        blocks.append(note(messages.VERSIONS.format(n=len(answer.versions)) + "\n"
                               + "\n".join(f"• {v}" for v in answer.versions)))
    for f in answer.findings:
        why = ", ".join(f"“{e}”" for e in f.evidence)
        text = f"*{f.title}*  ·  {f.level}  ·  {f.confidence}% confidence"
        if why:
            text += f"\n*{messages.EVIDENCE}:* {why}"
        text += f"\n_{messages.GUIDELINE}:_ {f.guideline.summary}"
        blocks += [{"type": "divider"}, section(text), *_links(f.guideline, f.label)]
    if answer.safer_version:
        blocks += [{"type": "divider"}, section(f"*{messages.SAFER_VERSION}*\n```{answer.safer_version}```")]
    elif answer.still_to_change:
        blocks += [{"type": "divider"},
                   section(f"*{messages.STILL_TO_CHANGE}*\n" + "\n".join(f"• {s}" for s in answer.still_to_change))]
    blocks += [section(note) for note in answer.notes]
    if answer.tips:
        blocks.append(section(f"*{messages.TIPS}*\n" + "\n".join(f"• {t}" for t in answer.tips)))
    if check_id:
        wrong = button_value({"c": check_id, "l": answer.labels}, answer.redacted)
        blocks.append({"type": "actions", "block_id": "feedback", "elements": [
            {"type": "button", "text": {"type": "plain_text", "text": messages.FEEDBACK_HELPFUL},
             "action_id": FEEDBACK_ACTIONS[0], "value": json.dumps({"c": check_id}, ensure_ascii=False)},
            {"type": "button", "text": {"type": "plain_text", "text": messages.FEEDBACK_WRONG},
             "action_id": FEEDBACK_ACTIONS[1], "value": wrong}]})
    blocks.append(note(answer.notice))
    return blocks[:50]


def card_blocks(cards: list[Card], title: str = "") -> list[dict]:
    """Guideline cards: summary, do's and don'ts, resource buttons."""
    blocks: list[dict] = [section(f"*{title}*")] if title else []
    for card in cards:
        text = f"*{card.title}* (`{card.topic}`)\n{card.summary}"
        text += "".join(f"\n✅ {d}" for d in card.dos) + "".join(f"\n🚫 {d}" for d in card.donts)
        blocks += [{"type": "divider"}, section(text), *_links(card, card.topic)]
    return blocks[:50]


def footprint_blocks(reply: Reply) -> list[dict]:
    """The self-audit checklist with a checkbox per step (ticks are remembered), or just the status."""
    steps, done = reply.data["steps"], reply.data["done"]
    blocks: list[dict] = [section(f"*{messages.FOOTPRINT_TITLE}*\n{reply.text}")]
    if reply.data.get("status_only"):
        return blocks + [section("\n".join(f"{'✅' if s['id'] in done else '⬜'} {s['title']}" for s in steps))]
    options = [{"text": {"type": "plain_text", "text": s["title"][:75]}, "value": s["id"]} for s in steps]
    checkboxes = {"type": "checkboxes", "action_id": FOOTPRINT_ACTION, "options": options}
    initial = [o for o in options if o["value"] in done]
    if initial:
        checkboxes["initial_options"] = initial
    blocks += [note(messages.FOOTPRINT_INTRO),
               {"type": "actions", "block_id": "footprint", "elements": [checkboxes]}]
    for step in steps:
        links = " · ".join(f"<{link.url}|{link.label}>" for link in step["links"])
        blocks.append(note(f"*{step['title']}*: {step['detail']}" + (f"\n{links}" if links else "")))
    return blocks[:50]


def review_modal() -> dict:
    """The review-reply helper's form: the review and, optionally, the user's draft reply."""
    def field(block_id: str, label: str, optional: bool) -> dict:
        return {"type": "input", "block_id": block_id, "optional": optional,
                "label": {"type": "plain_text", "text": label},
                "element": {"type": "plain_text_input", "action_id": "value", "multiline": True, "max_length": 3000}}
    return {"type": "modal", "callback_id": REVIEW_CALLBACK,
            "title": {"type": "plain_text", "text": messages.REVIEW_MODAL_TITLE},
            "submit": {"type": "plain_text", "text": "Check"}, "close": {"type": "plain_text", "text": "Cancel"},
            "blocks": [field("review", messages.REVIEW_FIELD, False),
                       field("draft", messages.REVIEW_DRAFT_FIELD, True)]}


def review_pending_view() -> dict:
    """Shown while the draft reply is checked."""
    return {"type": "modal", "callback_id": REVIEW_CALLBACK + "_pending",
            "title": {"type": "plain_text", "text": messages.REVIEW_MODAL_TITLE},
            "close": {"type": "plain_text", "text": "Close"}, "blocks": [section(messages.CHECKING)]}


def review_result_view(topic: str, safe_reply: str, draft: Reply | None) -> dict:
    """The modal after submission: a safe reply, and the check of the user's draft reply."""
    blocks = [section(f"*{messages.REVIEW_SAFE.format(topic=topic.replace('_', ' '))}*\n```{safe_reply}```"),
              note(messages.REVIEW_SAFE_NOTE)]
    if draft is not None:
        blocks += [{"type": "divider"}, section(f"*{messages.REVIEW_DRAFT_CHECK}*")]
        blocks += [b for b in reply_blocks(draft) if b.get("block_id") != "feedback"]
    return {"type": "modal", "callback_id": REVIEW_CALLBACK + "_done",
            "title": {"type": "plain_text", "text": messages.REVIEW_MODAL_TITLE},
            "close": {"type": "plain_text", "text": "Done"}, "blocks": blocks[:100]}


def reply_blocks(reply: Reply) -> list[dict]:
    """Blocks for any reply kind."""
    if reply.kind == "answer" and reply.answer:
        return answer_blocks(reply.answer, reply.check_id)
    if reply.kind == "footprint":
        return footprint_blocks(reply)
    if reply.kind == "review_form":
        return [section(messages.SLACK_REVIEW_HINT)]
    if reply.kind in ("policy", "topics"):
        return card_blocks(reply.cards, reply.text)
    return [section(reply.text)]


def fallback_text(reply: Reply) -> str:
    """Notification text: the verdict or the message, never the draft."""
    if reply.kind == "answer" and reply.answer:
        return f"{reply.answer.emoji} {reply.answer.headline}"
    return reply.text or "Guidelines"


def home_view() -> dict:
    """The App Home tab: what the bot does, how to use it, the privacy promise."""
    return {"type": "home", "blocks": [
        {"type": "header", "text": {"type": "plain_text", "text": "compliance-bot"}},
        section(messages.HELP),
        section(messages.HOME_ENTRY_POINTS),
        section(f"*Privacy*\n{messages.PRIVACY_PROMISE}"),
    ]}


def button_value(data: dict, redacted: str, limit: int = 2000) -> str:
    """``data`` plus as much of the redacted text as fits in Slack's 2,000-character button value."""
    keep = len(redacted)
    while True:
        value = json.dumps({**data, "r": redacted[:keep]}, ensure_ascii=False)
        if len(value) <= limit:
            return value
        keep -= len(value) - limit


def share_blocks(value: str) -> list[dict]:
    """After "Not right": offer to share the redacted version (opt-in); ``value`` carries it."""
    return [section(messages.SHARE_PROMPT), {"type": "actions", "elements": [
        {"type": "button", "action_id": SHARE_ACTION, "text": {"type": "plain_text", "text": messages.SHARE_BUTTON},
         "value": value}]}]
