"""Per-post preparation and the numeric features built from it.

Each post is prepared once (normalised, identifiers detected, cues found); the word and character
TF-IDF vectorizers and the cue features all read that one ``PreparedPost``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from .cues import Cue, cue_groups, find_cues
from .identifiers import PLACEHOLDERS, Span, default_registry
from .normalize import Normalized, normalize, strip_invisible

SPAN_KINDS = tuple(sorted(PLACEHOLDERS))
#: Conjunctions a linear model cannot form itself: a person in care anchored in time or place, or an
#: identifier or person tied to health information.
_PERSON = {"patient_ref", "relative", "famous", "second_person_care", "review_reply", "private_disclosure"}
_ANCHOR_SPANS = {"TIME", "PLACE", "SETTING", "ROOM", "DATE", "AGE", "AGE_CUE", "PHOTO"}
_IDENTIFIER_SPANS = {"NAME", "DATE", "AGE", "ROOM", "RECORD", "PHONE", "EMAIL", "SSN", "ADDRESS", "PLACE",
                     "EMPLOYER", "URL", "HANDLE", "IP", "PLATE", "SERIAL"}
CONJUNCTIONS = ("person_with_anchor", "identifier_with_person", "anchor_without_consent", "identifier_with_health",
                "person_with_health")


@dataclass(frozen=True)
class PreparedPost:
    """A post with everything the features and the evidence need, computed once."""

    text: str
    norm: Normalized
    spans: tuple[Span, ...]
    cues: tuple[Cue, ...]


def prepare(text: str) -> PreparedPost:
    r"""Normalise ``text``, detect identifiers and cues.

    Identifiers are found in the original minus zero-width characters (so ``MRN 1234\u200b5678``
    is still one number); cues in the normalised text.
    """
    norm = normalize(text)
    visible = strip_invisible(text)
    if visible is None:
        spans = default_registry().analyze(text)
    else:
        spans = [replace(s, start=visible.offsets[s.start], end=visible.offsets[s.end - 1] + 1)
                 for s in default_registry().analyze(visible.text)]
    return PreparedPost(text, norm, tuple(spans), tuple(find_cues(norm.text)))


def prepared_text(post: PreparedPost | str) -> str:
    """The normalised text the TF-IDF vectorizers read (also accepts a raw string)."""
    return post.norm.text if isinstance(post, PreparedPost) else normalize(post).text


class PostPreparer(TransformerMixin, BaseEstimator):
    """Stateless transformer: raw strings in, ``PreparedPost`` objects out."""

    def fit(self, X, y=None):
        """Nothing to learn; returns ``self``."""
        return self

    def transform(self, X):
        """Prepare every post (already prepared ones pass through)."""
        return [x if isinstance(x, PreparedPost) else prepare(str(x)) for x in X]

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = False
        return tags


class CueFeatures(TransformerMixin, BaseEstimator):
    """Identifier and cue features: per span kind its best score and count, per cue group a count.

    Parameters
    ----------
    scale : float
        Weight of these features next to the unit-norm TF-IDF blocks.
    """

    def __init__(self, scale: float = 1.0) -> None:
        self.scale = scale

    def fit(self, X, y=None):
        """Record the feature names; returns ``self``."""
        groups = [g.name for g in cue_groups()]
        self.feature_names_ = np.array(
            [f"span_max_{k}" for k in SPAN_KINDS] + [f"span_count_{k}" for k in SPAN_KINDS]
            + [f"cue_{g}" for g in groups] + list(CONJUNCTIONS), dtype=object)
        self.n_features_in_ = 1
        return self

    def transform(self, X):
        """Return a sparse matrix with one row per prepared post."""
        return sparse.csr_matrix(self.rows(X))

    def rows(self, X) -> np.ndarray:
        """The same features as a dense array (the engine's fast path: no sparse matrix to build)."""
        kinds = {k: i for i, k in enumerate(SPAN_KINDS)}
        groups = {g.name: i for i, g in enumerate(cue_groups())}
        n_kinds = len(kinds)
        base = 2 * n_kinds + len(groups)
        rows = np.zeros((len(X), base + len(CONJUNCTIONS)))
        for r, post in enumerate(PostPreparer().transform(X)):
            kinds_found = {s.kind for s in post.spans}
            cues_found = {c.group for c in post.cues}
            person = bool(cues_found & _PERSON) or "AGE_CUE" in kinds_found
            anchor = bool(kinds_found & _ANCHOR_SPANS) or "encounter_other_languages" in cues_found
            consent = "consent" in cues_found
            identifier = bool(kinds_found & _IDENTIFIER_SPANS)
            health = "health_info" in cues_found
            rows[r, base:] = (person and anchor, person and identifier, anchor and not consent,
                              identifier and health, person and health)
            for span in post.spans:
                k = kinds[span.kind]
                rows[r, k] = max(rows[r, k], span.score)
                rows[r, n_kinds + k] += 1
            for cue in post.cues:
                rows[r, 2 * n_kinds + groups[cue.group]] += 1
        rows[:, n_kinds:base] = np.log1p(rows[:, n_kinds:base])
        return rows * self.scale

    def get_feature_names_out(self, input_features=None):
        """Names of the output columns."""
        return self.feature_names_

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags
