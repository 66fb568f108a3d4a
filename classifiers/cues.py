"""Lexical cues for each risk (dose, promo code, slur, disclosure...), loaded from ``cues.yml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .anchors import AnchorIndex

CONFIG = Path(__file__).with_name("cues.yml")


@dataclass(frozen=True)
class CueGroup:
    """A named family of patterns that argues for (or, with ``against``, against) one label."""

    name: str
    label: str
    against: bool
    regex: re.Pattern


@dataclass(frozen=True)
class Cue:
    """One cue match in normalised text."""

    group: str
    start: int
    end: int


@lru_cache(maxsize=1)
def cue_groups() -> tuple[CueGroup, ...]:
    """The configured cue groups, compiled once per process."""
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["groups"]
    return tuple(
        CueGroup(name, spec["label"], bool(spec.get("against", False)),
                 re.compile("|".join(f"(?:{p})" for p in spec["patterns"]), re.MULTILINE))
        for name, spec in config.items()
    )


@lru_cache(maxsize=1)
def _anchor_index() -> AnchorIndex:
    return AnchorIndex([group.regex for group in cue_groups()])


def find_cues(normalized_text: str) -> list[Cue]:
    """Every cue match in ``normalized_text`` (which must come from ``normalize``)."""
    candidates = _anchor_index().candidates(normalized_text)
    return [Cue(group.name, m.start(), m.end())
            for i, group in enumerate(cue_groups()) if i in candidates
            for m in group.regex.finditer(normalized_text) if m.end() > m.start()]
