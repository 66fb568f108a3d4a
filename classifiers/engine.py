"""The engine: messages in, one ``AnalysisResult`` each out.

>>> engine = Engine.load()                                   # doctest: +SKIP
>>> engine.analyze("pic from the OR today, bed 4 lol").labels  # doctest: +SKIP
['privacy']
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from . import artifact, guidelines
from .cues import cue_groups, find_cues
from .drafts import Draft, extract_drafts
from .evidence import EvidenceBuilder
from .fastpath import BoostedScorer, LinearScorer, TfidfTransform
from .features import prepare
from .identifiers import IDENTIFIER_KINDS, redact
from .inputs import MAX_CHARS, InputError, validate
from .normalize import normalize
from .pipeline import stacker_inputs
from .result import LABELS, SENSITIVITY_SHIFT, TITLES, AnalysisResult, DraftResult, Finding, level_for

COI = LABELS.index("coi")
COI_GROUPS = {g.name: g.label == "coi" and not g.against for g in cue_groups()}
WINDOW_CHARS = 3_000
WINDOW_OVERLAP = 300


@dataclass(frozen=True)
class _Unit:
    """A piece of text the model scores: a draft, a window of a long draft, or draft + wrapper."""

    message: int
    draft: int
    text: str
    offsets: tuple[int, ...]
    wrapper: bool = False


def _windows(draft: Draft) -> list[tuple[int, int]]:
    """Split a long draft into overlapping windows at whitespace, so all of it is read."""
    if len(draft.text) <= WINDOW_CHARS:
        return [(0, len(draft.text))]
    spans, start = [], 0
    while start < len(draft.text):
        end = min(len(draft.text), start + WINDOW_CHARS)
        if end < len(draft.text):
            end = max(draft.text.rfind(" ", start + WINDOW_CHARS // 2, end), start + WINDOW_CHARS // 2)
        spans.append((start, end))
        if end >= len(draft.text):
            break
        start = end - WINDOW_OVERLAP
    return spans


class Engine:
    """A loaded model plus thresholds; thread-safe for concurrent ``analyze`` calls."""

    def __init__(self, bundle: dict) -> None:
        self.pipeline = bundle["pipeline"]
        self.thresholds: dict[str, float] = bundle["thresholds"]
        self.version: str = bundle["version"]
        self.features = self.pipeline.named_steps["features"]
        self.models = self.pipeline.named_steps["classify"].estimators_
        words, chars, self.cue_block = (t for _, t in self.features.transformer_list)
        self.vectorizers = [TfidfTransform(words), TfidfTransform(chars)]
        self.scorer = LinearScorer(self.pipeline.named_steps["classify"])
        self.stackers = BoostedScorer(bundle["stackers"])
        n_words = len(words.vocabulary_)
        weights = {}
        for label, model in zip(LABELS, self.models):
            vote = model.calibrated_classifiers_[0].estimator
            weights[label] = vote.named_estimators_["logreg"].coef_[0][:n_words]
        self.evidence = EvidenceBuilder(words.vocabulary_, weights)

    @classmethod
    def load(cls, directory=None) -> Engine:
        """Load the verified artifact from ``models/`` (or ``directory``)."""
        return cls(artifact.load(directory or artifact.MODEL_DIR))

    def thresholds_for(self, sensitivity: str) -> dict[str, float]:
        """Per-label thresholds shifted for ``strict`` / ``balanced`` / ``lenient``."""
        if sensitivity not in SENSITIVITY_SHIFT:
            raise InputError(f"Unknown sensitivity {sensitivity!r}: use strict, balanced or lenient.")
        shift = SENSITIVITY_SHIFT[sensitivity]
        return {k: float(np.clip(v + shift, 0.05, 0.95)) for k, v in self.thresholds.items()}

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Calibrated probabilities, one row per text, columns in ``LABELS`` order (no extraction)."""
        return self._score([prepare(t) for t in texts])[0]

    def _score(self, prepared):
        """First stage (features and the linear ensembles, without per-call overhead), then the second.

        Returns the probabilities and the word TF-IDF rows (the evidence reads them).
        """
        texts = [post.norm.text for post in prepared]
        words, chars = (v.transform(texts) for v in self.vectorizers)
        cues = self.cue_block.rows(prepared)
        first = self.scorer.predict_proba(words, chars, cues)
        return self.stackers.predict_proba(stacker_inputs(first, cues)), words

    def analyze(self, text: str, sensitivity: str = "balanced") -> AnalysisResult:
        """Analyse one message (raises ``InputError`` for empty or over-long text)."""
        return self.analyze_many([text], sensitivity)[0]

    def analyze_many(self, texts: list[str], sensitivity: str = "balanced") -> list[AnalysisResult]:
        """Analyse many messages in one batch; each must be valid (see ``validate``)."""
        thresholds = self.thresholds_for(sensitivity)
        extractions = [extract_drafts(validate(t)) for t in texts]
        units = []
        for m, ex in enumerate(extractions):
            for d, draft in enumerate(ex.drafts):
                for start, end in _windows(draft):
                    units.append(_Unit(m, d, draft.text[start:end], draft.offsets[start:end]))
                if ex.wrapper and states_financial_tie(ex.wrapper):
                    units.append(_Unit(m, d, draft.text + "\n" + ex.wrapper, draft.offsets, True))
        prepared = [prepare(u.text) for u in units]
        probs, words = self._score(prepared)
        rows = probs.tolist()  # plain floats: a few posts' worth of numpy scalar work costs more
        by_message: list[list[int]] = [[] for _ in texts]
        for i, u in enumerate(units):
            by_message[u.message].append(i)
        results = []
        for m, ex in enumerate(extractions):
            idx = by_message[m]
            results.append(self._result(texts[m], ex, [units[i] for i in idx], [prepared[i] for i in idx],
                                        [rows[i] for i in idx], [_row(words, i) for i in idx], thresholds,
                                        sensitivity))
        self._check_redactions(results, thresholds)
        return results

    def _result(self, message, ex, units, prepared, probs, words, thresholds, sensitivity):
        drafts, best = [], {}
        identifiers = merge_identifier_spans([(u.offsets[s.start], u.offsets[s.end - 1] + 1)
                                              for u, p in zip(units, prepared) if not u.wrapper
                                              for s in p.spans if s.kind in IDENTIFIER_KINDS])
        for d, draft in enumerate(ex.drafts):
            rows = [i for i, u in enumerate(units) if u.draft == d]
            own = [i for i in rows if not units[i].wrapper]
            if len(own) == 1:  # the usual case: one unit, its scores
                scores = list(probs[own[0]])
            else:
                scores = [max(probs[i][k] for i in own) for k in range(len(LABELS))]
            scores[COI] = max(probs[i][COI] for i in rows)
            if ex.chosen in (None, d):  # when the user said which version they will post, only it is judged
                for k, label in enumerate(LABELS):
                    top = own[0] if len(own) == 1 else max(own, key=lambda i: probs[i][k])
                    if label not in best or scores[k] > best[label][0]:
                        best[label] = (scores[k], top)
            spans = [s for i in own for s in prepared[i].spans] if len(own) == 1 else \
                prepare(draft.text).spans
            flagged = [label for k, label in enumerate(LABELS) if scores[k] >= thresholds[label]]
            drafts.append(DraftResult(*draft.span, draft.label, flagged,
                                      {label: round(scores[k], 4) for k, label in enumerate(LABELS)},
                                      redact(draft.text, spans)))
        scores = {label: round(best[label][0], 4) for label in LABELS}
        findings = []
        for label in LABELS:
            score, i = best[label]
            if score < thresholds[label]:
                continue
            evidence = self.evidence.build(label, prepared[i], words[i], units[i].offsets, message, identifiers)
            findings.append(Finding(label, TITLES[label], round(score, 4),
                                    level_for(score, thresholds[label]), round(thresholds[label], 4),
                                    evidence, label))
        labels = [f.label for f in findings]
        verdict = "clear" if not labels else "high" if any(f.level == "high" for f in findings) \
            else "review"
        judged = range(len(drafts)) if ex.chosen is None else [ex.chosen]
        redacted = "\n\n".join(drafts[d].redacted for d in judged)
        changed = any(drafts[d].redacted != ex.drafts[d].text for d in judged)
        # Replacing identifiers can only clear a privacy finding; any other finding needs rewording.
        fixable = changed and labels == ["privacy"]
        still = [] if fixable else [still_to_change(label) for label in labels]
        return AnalysisResult(labels, scores, verdict, findings, redacted, not labels, still, self.version,
                              sensitivity, ex.wrapped, drafts, guidelines.notice(), ex.chosen)

    def _check_redactions(self, results: list[AnalysisResult], thresholds) -> None:
        """Score each flagged result's redacted text; say what still has to change when not clear.

        Only results whose sole finding is privacy, and whose redaction changed the text, can come
        out clear; the others already say what to change.
        """
        todo = [r for r in results if r.labels and not r.still_to_change]
        if not todo:
            return
        probs, _ = self._score([prepare(r.redacted) for r in todo])
        for r, row in zip(todo, probs):
            remaining = [label for k, label in enumerate(LABELS) if row[k] >= thresholds[label] and label in r.labels]
            object.__setattr__(r, "redacted_clear", not remaining)
            object.__setattr__(r, "still_to_change", [still_to_change(label) for label in remaining])


def _row(matrix: sparse.csr_matrix, i: int) -> tuple[np.ndarray, np.ndarray]:
    """Columns and values of one CSR row, without scipy's per-row indexing cost."""
    lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
    return matrix.indices[lo:hi], matrix.data[lo:hi]


def states_financial_tie(wrapper: str) -> bool:
    """Whether the user's own words around a draft mention payment, free product, codes or links.

    Such facts about the author count when judging coi, so the draft is then also scored with them.
    """
    return any(COI_GROUPS.get(cue.group) for cue in find_cues(normalize(wrapper).text))


def merge_identifier_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping identifier spans."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def still_to_change(label: str) -> str:
    """What a redaction cannot fix for ``label``."""
    return {
        "privacy": "Even with identifiers removed, the story can still point to a real patient: drop the "
                   "time, place and distinctive details, or get written consent.",
        "advice": "It still gives one person individual medical advice: make it general education and "
                  "point them to their own clinician.",
        "venting": "The tone is still unprofessional: remove the mockery, insults, profanity or "
                   "complaints about patients, colleagues or employer.",
        "coi": "It still promotes a product or paid service: add a clear disclosure at the start "
               "(e.g. \"Paid partnership with ...\") or remove the promotion.",
    }[label]


__all__ = ["Engine", "InputError", "MAX_CHARS", "validate"]
