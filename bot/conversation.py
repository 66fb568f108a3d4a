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
from .answer import Answer, Card, guideline_card

_COMMAND = re.compile(r"^\s*/?(help|policy|policies)\b\s*(.*)$", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Reply:
    """One reply: ``kind`` is answer, policy, topics, help or error."""

    kind: str
    text: str = ""
    answer: Answer | None = None
    cards: list[Card] = field(default_factory=list)
    result: AnalysisResult | None = None
    check_id: str | None = None


def parse_command(text: str) -> tuple[str, str] | None:
    """``("help", "")`` or ``("policy", words)`` when the text is a command, else None."""
    match = _COMMAND.match(text or "")
    if not match or (match.group(1).lower() == "help" and match.group(2).strip()):
        return None
    name = "policy" if match.group(1).lower().startswith("polic") else "help"
    return name, match.group(2).strip()


def policy_reply(query: str) -> Reply:
    """Guideline cards for the best matches; no words lists the topics."""
    if not query.strip():
        cards = [guideline_card(g) for g in guidelines.topics().values()]
        return Reply("topics", messages.POLICY_TOPICS, cards=cards)
    found = guidelines.search(query)
    if not found:
        return Reply("error", messages.NO_POLICY_MATCH.format(query=query[:80],
                                                              topics=", ".join(guidelines.topics())))
    return Reply("policy", cards=[guideline_card(g) for g in found])
