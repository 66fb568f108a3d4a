"""The guidelines knowledge base: plain-language guidance and resource links per topic.

Confirmed links may be shown as buttons; an unconfirmed link is shown only with its publisher and
title, so the reader can find the document if the address has moved. URLs are never built here.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).with_name("guidelines.yml")


@dataclass(frozen=True)
class Resource:
    """One published guideline or source."""

    id: str
    publisher: str
    title: str
    url: str
    confirmed: bool


@dataclass(frozen=True)
class Guideline:
    """Guidance on one topic (a risk label, or reviews / footprint / general)."""

    id: str
    title: str
    summary: str
    dos: tuple[str, ...]
    donts: tuple[str, ...]
    keywords: tuple[str, ...]
    resources: tuple[Resource, ...]

    def to_dict(self) -> dict:
        """JSON-serialisable form."""
        return asdict(self)


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, Guideline], str]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    resources = {rid: Resource(rid, **spec) for rid, spec in data["resources"].items()}
    topics = {
        tid: Guideline(tid, spec["title"], " ".join(spec["summary"].split()), tuple(spec["dos"]),
                       tuple(spec["donts"]), tuple(spec["keywords"]),
                       tuple(resources[r] for r in spec["resources"]))
        for tid, spec in data["topics"].items()
    }
    return topics, " ".join(data["notice"].split())


def topics() -> dict[str, Guideline]:
    """Every guideline by id."""
    return _load()[0]


def guideline(topic_id: str) -> Guideline:
    """The guideline for ``topic_id`` (KeyError when unknown)."""
    return topics()[topic_id]


def notice() -> str:
    """The reminder that a clear result is guidance, not a compliance guarantee."""
    return _load()[1]


def search(query: str, limit: int = 3) -> list[Guideline]:
    """Guidelines that best match a topic id or free words, best first; empty when none match."""
    words = re.findall(r"[a-z0-9]+", query.lower())
    if not words:
        return []
    if len(words) == 1 and words[0] in topics():
        return [topics()[words[0]]]
    scored = []
    for g in topics().values():
        haystack = " ".join((g.id, g.title, g.summary, *g.dos, *g.donts)).lower()
        score = sum(3 * any(w == k or w in k.split() for k in g.keywords) + (w in haystack)
                    for w in words if len(w) > 2 or w in g.keywords)
        if score:
            scored.append((score, g.id == words[0], g))
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [g for _, _, g in scored[:limit]]
