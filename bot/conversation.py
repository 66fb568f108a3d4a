"""Text commands and the ``Reply`` every adapter renders.

``help`` and ``policy <words>`` are commands on every platform; anything else is a draft
(``BotService.respond`` decides). Adapters render a ``Reply``; none decides what it says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from classifiers import guidelines
from classifiers.result import AnalysisResult

from . import messages
from .answer import Answer, Card, Link, guideline_card

#: The text commands every platform understands.
COMMANDS = ("help", "policy", "footprint", "reply-review", "forget-me", "reminders", "monitor", "settings")
_COMMAND = re.compile(rf"^\s*/?({'|'.join(COMMANDS)}|policies)\b\s*(.*)$", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Reply:
    """One reply: ``kind`` is answer, policy, topics, help or error."""

    kind: str
    text: str = ""
    answer: Answer | None = None
    cards: list[Card] = field(default_factory=list)
    result: AnalysisResult | None = None
    check_id: str | None = None
    data: dict = field(default_factory=dict)


def parse_command(text: str) -> tuple[str, str] | None:
    """``(command, arguments)`` when the text is a command (see ``COMMANDS``), else None."""
    match = _COMMAND.match(text or "")
    if not match:
        return None
    name, args = match.group(1).lower(), match.group(2).strip()
    if name in ("help", "reply-review", "forget-me") and args or name == "footprint" and args not in ("", "status"):
        return None  # a draft that happens to start with the word
    if name == "reminders" and args.split()[:1] not in ([], ["add"], ["list"], ["remove"]):
        return None
    if name == "monitor" and args.lower() not in ("", "on", "off", "status"):
        return None
    if name == "policy" and (len(args.split()) > 6 or any(c.isdigit() for c in args)):
        return None  # a draft that opens with "Policy..." (queries are a few words)
    if name == "settings" and args.split()[:1] not in ([], ["show"], ["sensitivity"], ["policy"], ["officer"],
                                                       ["emergency"]):
        return None
    return ("policy" if name.startswith("polic") else name), args


def policy_reply(query: str, emergency: str = "911", org_policy: Link | None = None) -> Reply:
    """Guideline cards for the best matches (the organisation's own policy first); no words lists topics."""
    from .coaching import coaching_card

    org = [Card("organisation", org_policy.label, messages.ORG_POLICY_SUMMARY, [], [], [org_policy], [])] \
        if org_policy else []
    special = coaching_card(query, emergency)
    if special is not None:
        return Reply("policy", cards=org + [special])
    if not query.strip():
        cards = [guideline_card(g) for g in guidelines.topics().values()]
        return Reply("topics", messages.POLICY_TOPICS, cards=org + cards)
    found = guidelines.search(query)
    if not found:
        return Reply("error", messages.NO_POLICY_MATCH.format(
            topics=", ".join([*guidelines.topics(), "disclaimer", "platforms", "share"])))
    return Reply("policy", cards=org + [guideline_card(g) for g in found])
