"""Custom estimators follow scikit-learn's contract.

They take text, so sklearn's numeric ``check_estimator`` suite skips them; the checks that do not
need numeric input run here, plus fit/transform checks on real posts.
"""

import pytest
from sklearn.base import clone
from sklearn.utils import estimator_checks as ec

from classifiers.features import CueFeatures, PostPreparer, prepare

ESTIMATORS = [PostPreparer(), CueFeatures(scale=0.5)]
CHECKS = [ec.check_no_attributes_set_in_init, ec.check_parameters_default_constructible,
          ec.check_get_params_invariance, ec.check_set_params]


@pytest.mark.parametrize("estimator", ESTIMATORS, ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_sklearn_contract_checks(estimator, check):
    check(type(estimator).__name__, estimator)


@pytest.mark.parametrize("estimator", ESTIMATORS, ids=lambda e: type(e).__name__)
def test_fit_returns_self_and_clone_keeps_params(estimator):
    texts = ["use code SAVE20 for 20% off", "bed 4, MRN 00482913"]
    assert estimator.fit(texts) is estimator
    twin = clone(estimator)
    assert twin.get_params() == estimator.get_params() and twin is not estimator
    out = estimator.transform(texts)
    assert (len(out) if isinstance(out, list) else out.shape[0]) == 2


def test_cue_features_shape_and_names():
    posts = [prepare("use code SAVE20 for 20% off"), prepare("bed 4, MRN 00482913")]
    features = CueFeatures().fit(posts)
    matrix = features.transform(posts)
    assert matrix.shape == (2, len(features.get_feature_names_out()))
    names = list(features.get_feature_names_out())
    assert matrix[0, names.index("cue_promo")] > 0
    assert matrix[1, names.index("span_max_RECORD")] > 0
