"""Load the recognizers named in ``recognizers.yml`` and run them together."""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path

import yaml

from ..anchors import AnchorIndex
from .base import PatternRecognizer, Span, lower_same_length

DEFAULT_CONFIG = Path(__file__).with_name("recognizers.yml")

#: What each kind of span becomes in the redacted text.
PLACEHOLDERS = {
    "NAME": "[NAME]", "DATE": "[DATE]", "AGE": "[AGE 90+]", "ROOM": "[ROOM]", "RECORD": "[ID NUMBER]",
    "PHONE": "[PHONE]", "EMAIL": "[EMAIL]", "SSN": "[ID NUMBER]", "ADDRESS": "[ADDRESS]",
    "PLACE": "[PLACE]", "EMPLOYER": "[EMPLOYER]", "URL": "[URL]", "HANDLE": "[HANDLE]",
    "IP": "[IP ADDRESS]", "PLATE": "[PLATE]", "SERIAL": "[SERIAL]", "TIME": "[TIME]",
    "AGE_CUE": "[AGE]", "SETTING": "[PLACE]", "PHOTO": None,
}
#: Kinds that are Safe Harbor identifiers (the rest are encounter cues).
IDENTIFIER_KINDS = frozenset(PLACEHOLDERS) - {"TIME", "AGE_CUE", "PHOTO", "SETTING"}


class RecognizerRegistry:
    """The configured recognizers; ``analyze`` returns every span, sorted by position."""

    def __init__(self, recognizers: list[PatternRecognizer]) -> None:
        self.recognizers = recognizers
        # Every pre-check, a recognizer's (NEEDS, and its context words when it requires one) and its
        # patterns' (``needs``), most of them word lists, is looked up all at once in one index, and so
        # is every pattern that runs on the lower-cased text, to learn where its matches can start.
        # Per recognizer: the checks it needs to pass, and each pattern's position and checks.
        checks: list = []

        def check(regex) -> int:
            checks.append(regex)
            return len(checks) - 1

        self._plan: list[tuple[PatternRecognizer, int | None, int | None,
                               tuple[tuple[int, int | None, int | None], ...]]] = []
        for recognizer in recognizers:
            own_needs = None if recognizer._needs is None else check(recognizer._needs)
            context = check(recognizer._context_re) if recognizer.REQUIRE_CONTEXT and recognizer._context_re else None
            patterns = tuple((k, None if needs is None else check(needs), check(regex) if on_lowered else None)
                             for k, (_, regex, on_lowered, needs) in enumerate(recognizer._compiled))
            self._plan.append((recognizer, own_needs, context, patterns))
        self._gates = AnchorIndex(checks)

    @classmethod
    def from_yaml(cls, path: Path = DEFAULT_CONFIG) -> RecognizerRegistry:
        """Build the registry from a YAML file of ``class`` entries (see ``recognizers.yml``)."""
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
        recognizers = []
        for entry in config["recognizers"]:
            if not entry.get("enabled", True):
                continue
            module_name, class_name = entry["class"].rsplit(".", 1)
            module = importlib.import_module(f"{__package__}.{module_name}")
            recognizer_cls = getattr(module, class_name)
            recognizers.append(recognizer_cls(context=entry.get("context"),
                                              score_scale=entry.get("score_scale", 1.0)))
        return cls(recognizers)

    def analyze(self, text: str) -> list[Span]:
        """Run every recognizer over ``text``."""
        lowered = lower_same_length(text)
        located = self._gates.locate(lowered)
        spans: list[Span] = []
        for recognizer, needs, context, patterns in self._plan:
            if (needs is None or needs in located) and (context is None or context in located):
                run = [(k, None if gate is None else located[gate], None if own is None else located[own])
                       for k, gate, own in patterns
                       if (gate is None or gate in located) and (own is None or own in located)]
                if run:  # else nothing can match
                    spans += recognizer.analyze(text, lowered, run, (None if needs is None else located[needs],
                                                                     None if context is None else located[context]))
        return sorted(spans, key=lambda s: (s.start, -s.score))


@lru_cache(maxsize=1)
def default_registry() -> RecognizerRegistry:
    """The registry from the packaged configuration, built once per process."""
    return RecognizerRegistry.from_yaml()


def merge_spans(spans: list[Span]) -> list[Span]:
    """Resolve overlaps: keep the highest-scoring span of each overlapping group."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if merged and span.start < merged[-1].end:
            if span.score > merged[-1].score or (span.score == merged[-1].score
                                                 and span.end - span.start > merged[-1].end - merged[-1].start):
                merged[-1] = Span(span.kind, min(span.start, merged[-1].start),
                                  max(span.end, merged[-1].end), span.score, span.detector)
            continue
        merged.append(span)
    return merged


def redact(text: str, spans: list[Span]) -> str:
    """Replace each span that has a placeholder; overlapping spans are merged first."""
    out, last = [], 0
    for span in merge_spans([s for s in spans if PLACEHOLDERS.get(s.kind)]):
        out.append(text[last : span.start])
        out.append(PLACEHOLDERS[span.kind])
        last = span.end
    out.append(text[last:])
    return "".join(out)
