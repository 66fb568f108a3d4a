"""Lexical cues for each risk (dose, promo code, slur, disclosure...), loaded from ``cues.yml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .anchors import AnchorIndex, finditer_from, starts

CONFIG = Path(__file__).with_name("cues.yml")


@dataclass(frozen=True)
class CueGroup:
    """A named family of patterns that argues for (or, with ``against``, against) one label.

    A group without a label is context: a feature for the model, never shown as evidence.
    """

    name: str
    label: str | None
    against: bool
    patterns: tuple[str, ...]

    @property
    def regex(self) -> re.Pattern:
        """All the group's patterns as one expression."""
        return _union(self.patterns)


@dataclass(frozen=True)
class Cue:
    """One cue match in normalised text."""

    group: str
    start: int
    end: int


@lru_cache(maxsize=1)
def cue_groups() -> tuple[CueGroup, ...]:
    """The configured cue groups."""
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["groups"]
    return tuple(CueGroup(name, spec.get("label"), bool(spec.get("against", False)), tuple(spec["patterns"]))
                 for name, spec in config.items())


@lru_cache(maxsize=1024)
def _union(patterns: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.MULTILINE)


@lru_cache(maxsize=1)
def _anchor_index() -> tuple[AnchorIndex, list[tuple[int, str]]]:
    """The anchor index over every pattern of every group, and each pattern's (group, text)."""
    owners = [(g, pattern) for g, group in enumerate(cue_groups()) for pattern in group.patterns]
    return AnchorIndex([_union((pattern,)) for _, pattern in owners]), owners


def find_cues(normalized_text: str) -> list[Cue]:
    """Every cue match in ``normalized_text`` (which must come from ``normalize``).

    A group's patterns that cannot match are left out of its expression, and it is tried only where
    one of its matches can start: the matches are those of the whole group.
    """
    index, owners = _anchor_index()
    live: dict[int, list[str]] = {}
    heads: dict[int, list | None] = {}
    for i, found in sorted(index.locate(normalized_text).items()):
        group, pattern = owners[i]
        live.setdefault(group, []).append(pattern)
        if found is None or heads.get(group, ()) is None:
            heads[group] = None
        else:
            heads.setdefault(group, []).extend(found)
    groups = cue_groups()
    cues = []
    for g in sorted(live):
        positions = None if heads[g] is None else starts(normalized_text, heads[g])
        cues += [Cue(groups[g].name, m.start(), m.end())
                 for m in finditer_from(_union(tuple(live[g])), normalized_text, positions) if m.end() > m.start()]
    return cues
