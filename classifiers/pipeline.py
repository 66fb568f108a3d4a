"""The model: shared features, then per label a calibrated soft-voting ensemble."""

from __future__ import annotations

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import HistGradientBoostingClassifier, VotingClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.multioutput import MultiOutputClassifier
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from .features import CueFeatures, PostPreparer, prepared_text

TOKEN_PATTERN = r"(?u)[#@]?\b\w[\w'*]*\b"


CHAR_NGRAMS = (3, 5)


def build_features(char_ngrams: tuple[int, int] = CHAR_NGRAMS) -> FeatureUnion:
    """Word 1-2-grams, character n-grams (within words) and identifier/cue features."""
    return FeatureUnion([
        ("words", TfidfVectorizer(preprocessor=prepared_text, token_pattern=TOKEN_PATTERN, ngram_range=(1, 2),
                                  min_df=2, max_df=0.5, max_features=40000, sublinear_tf=True,
                                  dtype=np.float32)),
        ("chars", TfidfVectorizer(preprocessor=prepared_text, analyzer="char_wb", ngram_range=char_ngrams,
                                  min_df=3, max_features=60000, sublinear_tf=True, dtype=np.float32)),
        ("cues", CueFeatures()),
    ])


def build_label_model(random_state: int = 0, logreg_c: float = 8.0, svm_c: float = 0.5,
                      nb_alpha: float = 0.3) -> CalibratedClassifierCV:
    """Soft vote of three different linear models, calibrated so 0.8 means about 80%."""
    vote = VotingClassifier(
        [
            # More features than posts: liblinear's dual problem is the smaller one (same optimum).
            ("logreg", LogisticRegression(C=logreg_c, class_weight="balanced", solver="liblinear", dual=True,
                                          max_iter=2000, random_state=random_state)),
            ("svm", CalibratedClassifierCV(LinearSVC(C=svm_c, class_weight="balanced",
                                                     random_state=random_state),
                                           method="sigmoid", cv=3, ensemble=False)),
            ("nb", ComplementNB(alpha=nb_alpha)),
        ],
        voting="soft",
    )
    folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=random_state)
    return CalibratedClassifierCV(vote, method="sigmoid", cv=folds, ensemble=False)


def build_pipeline(random_state: int = 0, n_jobs: int | None = None,
                   char_ngrams: tuple[int, int] = CHAR_NGRAMS, **model_params) -> Pipeline:
    """The full pipeline: prepare posts, build features once, one calibrated ensemble per label.

    Fit with ``y`` as an ``(n_posts, n_labels)`` 0/1 matrix in the order of ``result.LABELS``.
    """
    return Pipeline([
        ("prepare", PostPreparer()),
        ("features", build_features(char_ngrams)),
        ("classify", MultiOutputClassifier(build_label_model(random_state, **model_params), n_jobs=n_jobs)),
    ])


def build_stacker(random_state: int = 0, max_iter: int = 100, learning_rate: float = 0.1,
                  max_leaf_nodes: int = 7) -> CalibratedClassifierCV:
    """Second stage per label: gradient boosting over every label's ensemble score and the cue features.

    It learns interactions a linear model cannot (an identifier *with* a care setting, a brand
    *with* a code and no disclosure), and is calibrated like the first stage.
    """
    boosted = HistGradientBoostingClassifier(max_iter=max_iter, learning_rate=learning_rate,
                                             max_leaf_nodes=max_leaf_nodes, l2_regularization=1.0,
                                             random_state=random_state)
    return CalibratedClassifierCV(boosted, method="sigmoid", cv=3, ensemble=False)


def stacker_inputs(first_stage: np.ndarray, cue_features) -> np.ndarray:
    """The second stage's input: every label's first-stage score, then the identifier and cue features.

    Training (out-of-fold scores) and the engine (live scores) both build it here.
    """
    dense = cue_features.toarray() if hasattr(cue_features, "toarray") else np.asarray(cue_features)
    return np.hstack([first_stage, dense])
