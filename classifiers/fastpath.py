"""The trained ensembles folded into one sparse-dense product for fast scoring.

Every member of every label's ensemble is linear in the features (logistic regression, linear SVM,
complement naive Bayes), and the calibrators are sigmoids. Scoring one post through sklearn's
estimators costs about 30 input validations; here it is one ``X @ W`` and a few vector operations,
giving the same probabilities (``tests/classifiers/test_fastpath.py`` checks the equality).
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit, logsumexp


def _sigmoid(calibrator, values: np.ndarray) -> np.ndarray:
    return expit(-(calibrator.a_ * values + calibrator.b_))


class LinearScorer:
    """Calibrated probabilities for every label from a fitted ``MultiOutputClassifier``."""

    MEMBERS = ("logreg", "svm", "nb")

    def __init__(self, multi_output) -> None:
        columns, intercepts, self.labels = [], [], []
        for model in multi_output.estimators_:
            (calibrated,) = model.calibrated_classifiers_
            vote = calibrated.estimator
            if list(vote.named_estimators_) != list(self.MEMBERS):
                raise ValueError(f"unexpected ensemble members {list(vote.named_estimators_)}")
            logreg, svm, nb = (vote.named_estimators_[k] for k in self.MEMBERS)
            (svm_calibrated,) = svm.calibrated_classifiers_
            linear_svc = svm_calibrated.estimator
            columns += [logreg.coef_[0], linear_svc.coef_[0], nb.feature_log_prob_[0], nb.feature_log_prob_[1]]
            intercepts += [logreg.intercept_[0], linear_svc.intercept_[0], 0.0, 0.0]
            weights = np.ones(3) if vote.weights is None else np.asarray(vote.weights, dtype=float)
            self.labels.append((calibrated.calibrators[0], svm_calibrated.calibrators[0], weights / weights.sum()))
        self.W = np.column_stack(columns)
        self.b = np.asarray(intercepts)

    def predict_proba(self, X) -> np.ndarray:
        """``(n_posts, n_labels)`` calibrated probabilities for a feature matrix."""
        Z = np.asarray(X @ self.W) + self.b
        out = np.empty((Z.shape[0], len(self.labels)))
        for k, (calibrator, svm_calibrator, weights) in enumerate(self.labels):
            z = Z[:, 4 * k : 4 * k + 4]
            p_logreg = expit(z[:, 0])
            p_svm = _sigmoid(svm_calibrator, z[:, 1])
            p_nb = np.exp(z[:, 3] - logsumexp(z[:, 2:4], axis=1))
            vote = weights[0] * p_logreg + weights[1] * p_svm + weights[2] * p_nb
            out[:, k] = _sigmoid(calibrator, vote)
        return out


class BoostedScorer:
    """The second-stage models (calibrated gradient-boosted trees, one per label) as arrays.

    Every tree of every label is one block of a single node table; all trees are walked together,
    a level at a time, with numpy. Scikit-learn's own predict spends most of its time in per-call
    checks and per-tree calls when it scores one post; this gives the same numbers
    (``tests/classifiers/test_fastpath.py``) for a fraction of the cost.
    """

    def __init__(self, stackers) -> None:
        features, thresholds, lefts, rights, leaves, values, roots, owners = [], [], [], [], [], [], [], []
        self.baselines, self.calibrators = [], []
        offset = 0
        for label, stacker in enumerate(stackers):
            (calibrated,) = stacker.calibrated_classifiers_
            boosted = calibrated.estimator
            if any(p.nodes["is_categorical"].any() for (p,) in boosted._predictors):
                raise ValueError("categorical splits are not supported")
            self.baselines.append(float(boosted._baseline_prediction.ravel()[0]))
            self.calibrators.append(calibrated.calibrators[0])
            for (predictor,) in boosted._predictors:
                nodes = predictor.nodes
                features.append(nodes["feature_idx"].astype(np.int64))
                thresholds.append(nodes["num_threshold"])
                lefts.append(nodes["left"].astype(np.int64) + offset)
                rights.append(nodes["right"].astype(np.int64) + offset)
                leaves.append(nodes["is_leaf"].astype(bool))
                values.append(nodes["value"])
                roots.append(offset)
                owners.append(label)
                offset += len(nodes)
        self.feature = np.concatenate(features)
        self.threshold = np.concatenate(thresholds)
        self.left = np.concatenate(lefts)
        self.right = np.concatenate(rights)
        self.leaf = np.concatenate(leaves)
        self.value = np.concatenate(values)
        self.roots = np.asarray(roots)
        self.owner = np.asarray(owners)
        self.n_labels = len(stackers)

    def predict_proba(self, Z: np.ndarray) -> np.ndarray:
        """``(n_posts, n_labels)`` calibrated probabilities for second-stage inputs ``Z`` (no NaN)."""
        node = np.broadcast_to(self.roots, (Z.shape[0], len(self.roots))).copy()
        rows = np.arange(Z.shape[0])[:, None]
        while True:
            inner = ~self.leaf[node]
            if not inner.any():
                break
            go_left = Z[rows, self.feature[node]] <= self.threshold[node]
            node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)
        leaf_values = self.value[node]
        out = np.empty((Z.shape[0], self.n_labels))
        for label in range(self.n_labels):
            raw = self.baselines[label] + leaf_values[:, self.owner == label].sum(axis=1)
            out[:, label] = _sigmoid(self.calibrators[label], raw)
        return out
