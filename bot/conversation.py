"""What the bot says to a text message, on every platform: a command's answer or a draft's check.

Adapters pass the message text in and render the ``Reply`` they get back; none of them decides
whether text is a command, or what the answer says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from classifiers import guidelines
from classifiers.engine import InputError
from classifiers.result import AnalysisResult

from . import messages
from .answer import Answer, Card, build_answer, guideline_card
from .checker import Checker

_COMMAND = re.compile(r"^\s*/?(help|policy|policies)\b\s*(.*)$", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Reply:
    """One reply: ``kind`` is answer, policy, topics, help or error."""

    kind: str
    text: str = ""
    answer: Answer | None = None
    cards: list[Card] = field(default_factory=list)
    result: AnalysisResult | None = None


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


async def check_reply(checker: Checker, text: str, has_files: bool = False) -> Reply:
    """Check a draft and build the answer; empty or over-long text gets a clear message."""
    try:
        result = await checker.check(text)
    except InputError as exc:
        return Reply("error", str(exc))
    return Reply("answer", answer=build_answer(result, has_files), result=result)


async def respond_to_text(checker: Checker, text: str, has_files: bool = False) -> Reply:
    """A command's answer, or the check of the draft the text holds."""
    command = parse_command(text)
    if command is None:
        return await check_reply(checker, text, has_files)
    name, args = command
    return Reply("help", messages.HELP) if name == "help" else policy_reply(args)
