"""Turn what drove a score into evidence a person can read, with identifiers masked."""

from __future__ import annotations

import re

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .cues import cue_groups
from .features import PreparedPost
from .identifiers import IDENTIFIER_KINDS
from .pipeline import TOKEN_PATTERN
from .result import Evidence

MAX_EVIDENCE = 6
TOKENS = re.compile(TOKEN_PATTERN)
MASK = "•••"
_PRIVACY_CUE_KINDS = {"TIME", "SETTING", "PHOTO", "AGE_CUE"}


def mask(text: str, start: int, end: int, identifiers: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with each identifier inside it cut to its first character + ``•••``."""
    out, pos = [], start
    for i_start, i_end in sorted(identifiers):
        if i_end <= start or i_start >= end:
            continue
        lo = max(i_start, pos)
        out.append(text[pos:lo])
        if lo == i_start:
            out.append(text[i_start] + MASK)
        pos = max(pos, min(i_end, end))
    out.append(text[pos:end])
    return " ".join("".join(out).split())  # runs of whitespace as one space, none at the ends


def _find_run(texts: list[str], words: list[str]) -> int | None:
    """Index where ``words`` occur as consecutive items of ``texts``, if they do."""
    i = -1
    while True:
        try:
            i = texts.index(words[0], i + 1)
        except ValueError:
            return None
        if texts[i : i + len(words)] == words:
            return i


class EvidenceBuilder:
    """Collects evidence for one label from a prepared unit of text.

    Parameters
    ----------
    word_vocabulary : dict
        n-gram -> column of the word TF-IDF block.
    word_weights : dict
        label -> logistic-regression weights over the word block (the model's reasons).
    """

    def __init__(self, word_vocabulary: dict[str, int], word_weights: dict[str, np.ndarray]) -> None:
        self.terms = {i: t for t, i in word_vocabulary.items()}
        self.word_weights = word_weights
        self.groups = {g.name: g for g in cue_groups()}
        self._shown: dict[int, list[str] | None] = {}  # column -> its words, None if too slight to show

    def build(self, label: str, post: PreparedPost, word_row: tuple[np.ndarray, np.ndarray], offsets: tuple[int, ...],
              message: str, identifiers: list[tuple[int, int]]) -> list[Evidence]:
        """Evidence for ``label``: identifiers and encounter cues, lexical cues, model phrases."""
        found: list[tuple[int, int, str]] = []
        if label == "privacy":
            found += [(offsets[s.start], offsets[s.end - 1] + 1, f"identifier:{s.kind}")
                      for s in post.spans if s.kind in IDENTIFIER_KINDS | _PRIVACY_CUE_KINDS]
        for cue in post.cues:
            group = self.groups[cue.group]
            if group.label == label and not group.against:
                found.append(self._from_norm(post, cue.start, cue.end, offsets, f"cue:{cue.group}"))
        found += self._model_phrases(label, post, word_row, offsets)
        return self._dedupe(found, message, identifiers)

    def _from_norm(self, post: PreparedPost, start: int, end: int, offsets, source: str):
        o_start, o_end = post.norm.span(start, end)
        return offsets[o_start], offsets[o_end - 1] + 1, source

    def _model_phrases(self, label, post, word_row, offsets, top: int = 3):
        weights = self.word_weights.get(label)
        columns, values = word_row
        if weights is None or not len(columns):
            return []
        contrib = values * weights[columns]
        order = np.argsort(-contrib)[: top * 3]
        ranked = columns[order[contrib[order] > 0.1]].tolist()
        if not ranked:
            return []
        tokens = list(TOKENS.finditer(post.norm.text))
        texts = [t.group() for t in tokens]
        phrases = []
        for column in ranked:
            if len(phrases) >= top:
                break
            words = self._words(column)
            if words is None:
                continue
            i = _find_run(texts, words)
            if i is not None:
                start, end = tokens[i].start(), tokens[i + len(words) - 1].end()
                phrases.append(self._from_norm(post, start, end, offsets, "model"))
        return phrases

    def _words(self, column: int) -> list[str] | None:
        """The words of a vocabulary column; None when all are stop words or short (never evidence)."""
        if column not in self._shown:  # worked out once; threads racing here store the same value
            words = self.terms[column].split()
            self._shown[column] = None if all(w in ENGLISH_STOP_WORDS or len(w) < 3 for w in words) else words
        return self._shown[column]

    @staticmethod
    def _dedupe(found, message: str, identifiers) -> list[Evidence]:
        kept: list[tuple[int, int, str]] = []
        for start, end, source in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
            if end <= start or any(start < k_end and end > k_start for k_start, k_end, _ in kept):
                continue
            kept.append((start, end, source))
        ranked = sorted(kept, key=lambda f: (f[2] == "model", f[0]))[:MAX_EVIDENCE]
        return [Evidence(mask(message, s, e, identifiers), s, e, src) for s, e, src in sorted(ranked)]
