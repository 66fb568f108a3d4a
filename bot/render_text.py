"""Render an answer for a terminal (``compliance-bot check``)."""

from __future__ import annotations

from classifiers.result import AnalysisResult

from . import messages
from .answer import Card, build_answer

COLORS = {"clear": "32", "review": "33", "high": "31", "dim": "2", "bold": "1"}


def _c(text: str, style: str, color: bool) -> str:
    return f"\033[{COLORS[style]}m{text}\033[0m" if color else text


def render_card(card: Card) -> str:
    """A guideline card as plain text."""
    lines = [card.title, f"  {card.summary}"]
    lines += [f"  Do: {d}" for d in card.dos] + [f"  Don't: {d}" for d in card.donts]
    lines += [f"  → {link.label}: {link.url}" for link in card.links]
    lines += [f"  → {u} (link unconfirmed)" for u in card.unconfirmed]
    return "\n".join(lines)


def render(result: AnalysisResult, color: bool = False, guideline: str | None = None) -> str:
    """The full answer as readable (optionally coloured) text."""
    answer = build_answer(result, guideline=guideline)
    out = [_c(f"{answer.emoji} {answer.headline}", result.verdict, color)]
    if answer.org_policy:
        out.append(f"  → {answer.org_policy.label}: {answer.org_policy.url}")
    out += [f"  {v}" for v in answer.versions]
    for f in answer.findings:
        out.append("")
        out.append(_c(f"{f.title}: {f.level} ({f.confidence}% confidence)", "bold", color))
        if f.evidence:
            out.append(f"  {messages.EVIDENCE}: " + ", ".join(f"“{e}”" for e in f.evidence))
        out.append(f"  {messages.GUIDELINE}: {f.guideline.summary}")
        out += [f"  → {link.label}: {link.url}" for link in f.guideline.links[:2]]
    if answer.safer_version:
        out += ["", _c(messages.SAFER_VERSION + ":", "bold", color), answer.safer_version]
    elif answer.still_to_change:
        out += ["", messages.STILL_TO_CHANGE] + [f"  • {s}" for s in answer.still_to_change]
    if answer.tips:
        out += ["", _c(messages.TIPS + ":", "bold", color)] + [f"  • {t}" for t in answer.tips]
    out += ["", _c(answer.notice, "dim", color)]
    return "\n".join(out)
