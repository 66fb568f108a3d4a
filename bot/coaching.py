"""The guidance's do's as features, platform-neutral; adapters render the results.

Safe review replies, profile disclaimers, the footprint self-audit, platform tips, safe sharing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from classifiers import guidelines

from .answer import Card, Link, resource_links

CONTENT = Path(__file__).with_name("coaching.yml")
NEGATIVE_TOPICS = ("wait_time", "billing", "staff_courtesy", "outcome", "bedside_manner")


@lru_cache(maxsize=1)
def content() -> dict:
    """The coaching content file."""
    return yaml.safe_load(CONTENT.read_text(encoding="utf-8"))


def _links(resource_ids: list[str]) -> tuple[list[Link], list[str]]:
    resources = {r.id: r for g in guidelines.topics().values() for r in g.resources}
    return resource_links([resources[r] for r in resource_ids if r in resources], links=9, unconfirmed=9)


def review_topic(review: str) -> str:
    """What a patient review is about (the topic with most keyword hits; complaints win over praise).

    One of wait_time, billing, staff_courtesy, outcome, bedside_manner, praise, other.
    """
    text = review.lower()
    scores = {topic: sum(text.count(k) for k in spec["keywords"])
              for topic, spec in content()["review_topics"].items()}
    complaint = max(NEGATIVE_TOPICS, key=lambda t: scores[t])
    if scores[complaint]:
        return complaint
    return "praise" if scores["praise"] else "other"


def safe_review_reply(review: str) -> tuple[str, str]:
    """``(topic, reply)``: a gracious, general reply that confirms no patient relationship.

    The reply repeats nothing from the review.
    """
    topic = review_topic(review)
    return topic, " ".join(content()["review_topics"][topic]["reply"].split())


def disclaimer_card(emergency: str = "911") -> Card:
    """Profile disclaimer snippets sized for each platform's bio limit."""
    spec = content()["disclaimer"]
    lines = []
    for platform, item in spec["platforms"].items():
        text = item["text"].format(emergency=emergency)
        assert len(text) <= item["limit"], platform
        lines.append(f"{platform} ({len(text)}/{item['limit']} characters): {text}")
    links, unconfirmed = _links(["R05", "R12"])
    return Card("disclaimer", "Profile disclaimer", spec["text"].format(emergency=emergency), lines, [],
                links, unconfirmed)


def footprint_steps() -> list[dict]:
    """The self-audit checklist, with each step's resource links."""
    steps = []
    for step in content()["footprint"]:
        links, unconfirmed = _links(step["resources"])
        steps.append({**step, "links": links, "unconfirmed": unconfirmed})
    return steps


def text_card(topic: str) -> Card:
    """``platforms`` or ``share`` as a card."""
    title = {"platforms": "Which networks suit what", "share": "Sharing education, research and cases safely"}
    links, unconfirmed = _links({"platforms": ["R23", "R16"], "share": ["R09", "R10", "R02", "R18"]}[topic])
    dos = ([f"Disclosure line: {content()['disclosure_line'].format(company='[company]')}"]
           if topic == "share" else [])
    return Card(topic, title[topic], " ".join(content()[topic].split()), dos, [], links, unconfirmed)


def coaching_card(query: str, emergency: str = "911") -> Card | None:
    """The card for a coaching topic named by ``query`` (disclaimer, platforms, share), if any."""
    word = re.sub(r"[^a-z]", "", query.lower())
    if word in ("disclaimer", "disclaimers", "bio"):
        return disclaimer_card(emergency)
    if word in ("platforms", "platform", "networks"):
        return text_card("platforms")
    if word in ("share", "sharing", "cases"):
        return text_card("share")
    return None


def tips_for(labels: list[str], emergency: str = "911") -> list[str]:
    """Coaching attached to an answer: a disclosure line for coi; a rewrite hint and disclaimer for advice."""
    tips = []
    if "coi" in labels:
        tips.append("Suggested disclosure, at the start: " + content()["disclosure_line"].format(company="[company]"))
    if "advice" in labels:
        tips.append(" ".join(content()["advice_hint"].split()))
        tips.append("Profile disclaimer: " + content()["disclaimer"]["text"].format(emergency=emergency))
    return tips


@dataclass(frozen=True)
class ReviewHelp:
    """The review-reply helper's answer: the topic, a safe reply, and the check of the user's draft."""

    topic: str
    safe_reply: str
    draft_reply: object | None = None
