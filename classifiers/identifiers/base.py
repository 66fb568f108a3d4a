"""Pattern recognizers for identifiers, in the manner of presidio-analyzer.

A recognizer declares regular-expression ``PATTERNS`` (each with a base score), ``CONTEXT`` words
that raise the score when they appear near a match, and ``invalidate_result`` to veto known false
positives. ``REQUIRE_CONTEXT`` recognizers report nothing without a nearby context word: a date or a
number is only a privacy risk when it is tied to care.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..anchors import finditer_from, matches_somewhere, starts


@dataclass(frozen=True)
class Pattern:
    r"""One regular expression and the score a bare match earns.

    ``needs``, when set, is a cheaper expression the text must contain (matched case-insensitively)
    for this pattern to be worth running. One that starts with a literal character is found fastest
    (``\.(?<=\d\.)\d`` rather than ``\d\.\d``), and one that starts with a word is skipped
    without a search in a post without that word (``anchors.py``).
    """

    name: str
    regex: str
    score: float
    needs: str | None = None


@dataclass(frozen=True)
class Span:
    """A detected identifier or cue: what kind, where in the text, how sure."""

    kind: str
    start: int
    end: int
    score: float
    detector: str


CARE_WORDS = (
    "pt", "pts", "patient", "patients", "admit", "admitted", "admission", "discharg", "bed", "room",
    "rm", "seen", "saw", "visit", "appt", "appointment", "surgery", "surgical", "op", "post-op",
    "ed", "er", "a&e", "icu", "ward", "clinic", "diagnos", "dx", "born", "birth", "died", "death",
    "passed", "dob", "d.o.b", "mrn", "chart", "triage", "trauma", "delivered", "code", "coded",
    "intubated", "brought in", "came in", "rolled in", "presented", "treated", "stitched", "scan",
    "x-ray", "labs", "biopsy", "overdose", "od", "consult", "paciente", "cama", "consulta",
    "ingres", "urgencias", "nacimiento", "falleci", "expediente", "cirug", "hospital",
)


class PatternRecognizer:
    """Base class: subclasses set the class attributes below and may override the veto."""

    KIND = "ID"
    PATTERNS: tuple[Pattern, ...] = ()
    CONTEXT: tuple[str, ...] = ()
    CONTEXT_WINDOW = 60
    CONTEXT_BOOST = 0.35
    REQUIRE_CONTEXT = False
    #: A regular expression the text must contain for any pattern to match (a cheap pre-check).
    NEEDS: str | None = None
    FLAGS = re.IGNORECASE

    def __init__(self, context: list[str] | None = None, score_scale: float = 1.0) -> None:
        self.context = tuple(context) if context is not None else self.CONTEXT
        self.score_scale = score_scale
        self._compiled = [(p, *_caseless(p.regex, self.FLAGS),
                           _caseless(p.needs, re.IGNORECASE)[0] if p.needs else None) for p in self.PATTERNS]
        # A context word starts a word; one of up to three letters ("ed", "op", "rm") is a whole word,
        # while a longer one also covers its inflections ("patient" in "patients", "discharg" in "discharged").
        words = "|".join(re.escape(w.lower()) + (r"(?!\w)" if len(w) <= 3 else "")
                         for w in sorted(self.context, key=len, reverse=True))
        self._context_re = _caseless(rf"(?<!\w)(?:{words})", re.IGNORECASE)[0] if words else None
        self._longest_context = max(map(len, self.context), default=0)
        self._needs = _caseless(self.NEEDS, re.IGNORECASE)[0] if self.NEEDS else None

    @property
    def name(self) -> str:
        """Detector name shown as evidence source."""
        return type(self).__name__

    def invalidate_result(self, matched: str) -> bool:
        """Return True to drop a match that is a known false positive."""
        return False

    def has_context(self, lowered: str, start: int, end: int) -> bool:
        """Whether a context word occurs within ``CONTEXT_WINDOW`` characters of the match."""
        if self._context_re is None:
            return False
        # Searched in place, not in a cut-out window, so a word cut at the window's edge is not taken
        # for a whole one ("outpatients" is not "patients"); the first context word must start inside it.
        lo, hi = max(0, start - self.CONTEXT_WINDOW), end + self.CONTEXT_WINDOW
        found = self._context_re.search(lowered, lo, hi + self._longest_context + 1)
        return found is not None and found.start() < hi

    def analyze(self, text: str, lowered: str | None = None,
                patterns: Iterable[tuple[int, list | None, list | None]] | None = None,
                heads: tuple[list | None, list | None] = (None, None)) -> list[Span]:
        """Return the spans this recognizer finds in ``text`` (``lowered``: ``lower_same_length(text)``).

        From the registry's index, when it gives them: ``patterns``, the positions of the patterns worth
        running (the others cannot match), each with what a match of its ``needs`` and of itself must
        start with (``AnchorIndex.locate``; None: anything); ``heads``, the same for ``NEEDS`` and the
        context words.
        """
        if lowered is None:
            lowered = lower_same_length(text)
        if self._needs is not None and not matches_somewhere(self._needs, lowered, heads[0]):
            return []
        if self.REQUIRE_CONTEXT and (self._context_re is None or not matches_somewhere(self._context_re, lowered, heads[1])):
            return []
        spans = []
        every = ((k, None, None) for k in range(len(self._compiled)))
        for k, needs_heads, own_heads in every if patterns is None else patterns:
            pattern, regex, on_lowered, needs = self._compiled[k]
            if needs is not None and not matches_somewhere(needs, lowered, needs_heads):
                continue
            group = "id" if "id" in regex.groupindex else 0
            subject = lowered if on_lowered else text
            for match in finditer_from(regex, subject, None if own_heads is None else starts(subject, own_heads)):
                start, end = match.span(group)
                if start == end or self.invalidate_result(text[start:end]):
                    continue
                context = self.has_context(lowered, match.start(), match.end())
                if self.REQUIRE_CONTEXT and not context:
                    continue
                score = pattern.score + (self.CONTEXT_BOOST if context else 0.0)
                spans.append(Span(self.KIND, start, end, round(min(1.0, score * self.score_scale), 3),
                                  self.name))
        if len(spans) < 2:
            return spans
        return [s for s in spans if not any(o.start <= s.start and s.end <= o.end and (o.start, o.end) != (s.start, s.end)
                                            for o in spans)]


def _caseless(regex: str, flags: int) -> tuple[re.Pattern, bool]:
    """Compile ``regex``; a case-insensitive one without upper-case letters runs on lower-cased text.

    Returns the compiled pattern and whether it expects the lower-cased text. Case-insensitive
    matching costs the regular-expression engine three to four times as much as plain matching, and
    the text is lower-cased once for all recognizers.
    """
    cased = any(ch != ch.lower() for ch in _letters(regex)) or _CASED_ESCAPE.search(regex)
    if flags & re.IGNORECASE and not cased:
        return re.compile(regex, flags & ~re.IGNORECASE), True
    return re.compile(regex, flags), False


def _letters(regex: str) -> str:
    r"""The pattern's literal letters: without escapes (\D) and group names ((?P<name>))."""
    return re.sub(r"\\.|\(\?P<\w+>", "", regex)


_CASED_ESCAPE = re.compile(r"\\[xuUN0-7]|\(\?[a-zA-Z]*-")  # \\x41, \\N{...}, octal, (?-i:...)


def lower_same_length(text: str) -> str:
    """``text.lower()`` with the same length as ``text``, so offsets in one are offsets in the other."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters (e.g. "İ") lower-case to two: keep the first
        return "".join(c.lower()[0] for c in text)
    return lowered
