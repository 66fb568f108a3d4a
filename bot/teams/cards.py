"""Render replies as Adaptive Cards: the same content Slack shows, in Teams' format."""

from __future__ import annotations

from botbuilder.core import CardFactory
from botbuilder.schema import Attachment

from classifiers.inputs import MAX_CHARS

from .. import messages
from ..answer import Answer, Card
from ..conversation import Reply

SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
MAX_TEXT = 4000  # Teams refuses messages over about 28 KB
FEEDBACK = "feedback"
CHECK = "check"
FOOTPRINT = "footprint"
SHARE = "share"
REVIEW = "reply_review"


def _text(text: str, **style) -> dict:
    return {"type": "TextBlock", "text": text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + " …", "wrap": True,
            **style}


def note(text: str) -> dict:
    """A small-print line."""
    return _text(text, isSubtle=True, size="Small", separator=True)


def _links(card: Card) -> list[dict]:
    items: list[dict] = []
    if card.links:
        items.append({"type": "ActionSet", "actions": [
            {"type": "Action.OpenUrl", "title": link.label[:80], "url": link.url} for link in card.links]})
    items += [_text(f"Also: {u}", isSubtle=True, size="Small") for u in card.unconfirmed]
    return items


def answer_body(answer: Answer) -> list[dict]:
    """Card elements for an answer: verdict, findings, safer version, notes, notice."""
    color = {"clear": "Good", "review": "Warning", "high": "Attention"}[answer.verdict]
    body = [_text(f"{answer.emoji} {answer.headline}", weight="Bolder", size="Large", color=color)]
    if answer.org_policy:
        body.append({"type": "ActionSet", "actions": [{"type": "Action.OpenUrl", "title": answer.org_policy.label,
                                                       "url": answer.org_policy.url}]})
    if answer.versions:
        body.append(_text(messages.VERSIONS.format(n=len(answer.versions)) + "\n\n"
                          + "\n".join(f"- {v}" for v in answer.versions)))
    for f in answer.findings:
        items = [_text(f"**{f.title}** · {f.level} · {f.confidence}% confidence", separator=True)]
        if f.evidence:
            items.append(_text(f"{messages.EVIDENCE}: " + ", ".join(f"“{e}”" for e in f.evidence)))
        items += [_text(f"{messages.GUIDELINE}: {f.guideline.summary}", isSubtle=True), *_links(f.guideline)]
        body.append({"type": "Container", "items": items})
    if answer.safer_version:
        body += [_text(messages.SAFER_VERSION, weight="Bolder", separator=True),
                 _text(answer.safer_version, fontType="Monospace")]
    elif answer.still_to_change:
        body += [_text(messages.STILL_TO_CHANGE, weight="Bolder", separator=True),
                 _text("\n".join(f"- {s}" for s in answer.still_to_change))]
    body += [_text(note) for note in answer.notes]
    if answer.tips:
        body += [_text(messages.TIPS, weight="Bolder", separator=True), _text("\n".join(f"- {t}" for t in answer.tips))]
    body.append(_text(answer.notice, isSubtle=True, size="Small", separator=True))
    return body


def feedback_actions(check_id: str | None, answer: Answer | None = None) -> list[dict]:
    """"Helpful" / "Not right" buttons; "Not right" also carries the redacted text for an opt-in share."""
    if not check_id:
        return []
    wrong = {"action": FEEDBACK, "check_id": check_id, "helpful": False}
    if answer is not None and answer.redacted:
        wrong.update(redacted=answer.redacted[:1500], labels=answer.labels)
    return [{"type": "Action.Submit", "title": messages.FEEDBACK_HELPFUL,
             "data": {"action": FEEDBACK, "check_id": check_id, "helpful": True}},
            {"type": "Action.Submit", "title": messages.FEEDBACK_WRONG, "data": wrong}]


def share_card(data: dict) -> dict:
    """After "Not right": the opt-in to share the redacted version."""
    share = {"action": SHARE, "check_id": data.get("check_id"), "redacted": data.get("redacted", ""),
             "labels": data.get("labels", [])}
    return {"type": "AdaptiveCard", "$schema": SCHEMA, "version": "1.5",
            "body": [_text(messages.FEEDBACK_THANKS), _text(messages.SHARE_PROMPT)],
            "actions": [{"type": "Action.Submit", "title": messages.SHARE_BUTTON, "data": share}]}


def card_body(cards: list[Card], title: str = "") -> list[dict]:
    """Guideline cards."""
    body = [_text(title, weight="Bolder")] if title else []
    for card in cards:
        body += [_text(f"**{card.title}** (`{card.topic}`)", separator=True), _text(card.summary)]
        body += [_text("\n".join([f"- Do: {d}" for d in card.dos] + [f"- Don't: {d}" for d in card.donts]))]
        body += _links(card)
    return body


def footprint_card(reply: Reply) -> tuple[list[dict], list[dict]]:
    """The self-audit as toggles (saved on submit), or the status alone."""
    steps, done = reply.data["steps"], reply.data["done"]
    body = [_text(messages.FOOTPRINT_TITLE, weight="Bolder"), _text(reply.text)]
    if reply.data.get("status_only"):
        return body + [_text("\n".join(f"- {'✅' if s['id'] in done else '⬜'} {s['title']}" for s in steps))], []
    body.append(_text(messages.FOOTPRINT_INTRO, isSubtle=True))
    for step in steps:
        body.append({"type": "Input.Toggle", "id": step["id"], "title": step["title"],
                     "value": "true" if step["id"] in done else "false", "valueOn": "true", "valueOff": "false"})
        body.append(_text(step["detail"], isSubtle=True, size="Small"))
        body += _links(Card(step["id"], step["title"], step["detail"], [], [], step["links"], step["unconfirmed"]))
    return body, [{"type": "Action.Submit", "title": "Save progress", "data": {"action": FOOTPRINT}}]


def review_dialog_card() -> dict:
    """The review-reply helper's dialog: the review and an optional draft reply."""
    return {"type": "AdaptiveCard", "$schema": SCHEMA, "version": "1.5", "body": [
        {"type": "Input.Text", "id": "review", "isMultiline": True, "label": messages.REVIEW_FIELD,
         "isRequired": True, "errorMessage": "Paste the review", "maxLength": MAX_CHARS},
        {"type": "Input.Text", "id": "draft", "isMultiline": True, "label": messages.REVIEW_DRAFT_FIELD,
         "maxLength": MAX_CHARS}],
        "actions": [{"type": "Action.Submit", "title": "Check", "data": {"action": REVIEW}}]}


def review_result_card(topic: str, safe_reply: str, draft: Reply | None) -> dict:
    """The dialog after submission: a safe reply, and the check of the user's draft."""
    body = [_text(messages.REVIEW_SAFE.format(topic=topic.replace("_", " ")), weight="Bolder"),
            _text(safe_reply, fontType="Monospace"), _text(messages.REVIEW_SAFE_NOTE, isSubtle=True)]
    if draft is not None:
        body.append(_text(messages.REVIEW_DRAFT_CHECK, weight="Bolder", separator=True))
        body += answer_body(draft.answer) if draft.answer else [_text(draft.text)]
    return {"type": "AdaptiveCard", "$schema": SCHEMA, "version": "1.5", "body": body}


def reply_card(reply: Reply) -> dict:
    """The Adaptive Card (as JSON) for any reply."""
    if reply.kind == "answer" and reply.answer:
        body, actions = answer_body(reply.answer), feedback_actions(reply.check_id, reply.answer)
    elif reply.kind == "footprint":
        body, actions = footprint_card(reply)
    elif reply.kind == "review_form":
        body = [_text(messages.REVIEW_MODAL_TITLE, weight="Bolder"), _text(messages.REVIEW_SAFE_NOTE)]
        actions = [{"type": "Action.Submit", "title": "Open the review-reply helper",
                    "data": {"msteams": {"type": "task/fetch"}, "action": REVIEW}}]
    elif reply.kind in ("policy", "topics"):
        body, actions = card_body(reply.cards, reply.text), []
    else:
        body, actions = [_text(reply.text)], []
    return {"type": "AdaptiveCard", "$schema": SCHEMA, "version": "1.5", "body": body, "actions": actions}


def attachment(card: dict) -> Attachment:
    """Wrap a card for an activity or a dialog."""
    return CardFactory.adaptive_card(card)


def draft_dialog_card() -> dict:
    """The dialog the compose-box action opens: one multi-line field for the draft."""
    return {"type": "AdaptiveCard", "$schema": SCHEMA, "version": "1.5", "body": [
        _text("Paste the draft post you want to check. Only you will see the answer.", wrap=True),
        {"type": "Input.Text", "id": "draft", "isMultiline": True, "label": "Draft post", "maxLength": MAX_CHARS,
         "isRequired": True, "errorMessage": "Paste a draft to check"}],
        "actions": [{"type": "Action.Submit", "title": "Check", "data": {"action": CHECK}}]}
