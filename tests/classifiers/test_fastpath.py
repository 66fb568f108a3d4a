"""The fast scoring paths give exactly what scikit-learn's own predict_proba gives."""

import numpy as np
import pytest
from scipy import sparse

from classifiers import artifact
from classifiers.dataset import load_corpus
from classifiers.fastpath import BoostedScorer, LinearScorer, TfidfTransform
from classifiers.features import prepare
from classifiers.pipeline import stacker_inputs


def test_fast_paths_equal_scikit_learn():
    bundle = artifact.load()
    pipeline = bundle["pipeline"]
    posts = [prepare(r["text"]) for r in load_corpus()[::37][:150]]
    blocks = [t for _, t in pipeline.named_steps["features"].transformer_list]
    X = sparse.hstack([b.transform(posts) for b in blocks], format="csr")
    models = pipeline.named_steps["classify"].estimators_
    first = np.column_stack([m.predict_proba(X)[:, 1] for m in models])
    scorer = LinearScorer(pipeline.named_steps["classify"])
    np.testing.assert_allclose(scorer.predict_proba(X), first, atol=1e-12)
    words, chars = (TfidfTransform(b).transform([p.norm.text for p in posts]) for b in blocks[:2])
    by_block = scorer.predict_proba(words, chars, blocks[-1].rows(posts))  # as the engine calls it
    np.testing.assert_allclose(by_block, first, atol=1e-12)
    with pytest.raises(ValueError, match="feature columns"):
        scorer.predict_proba(words, chars)  # a block left out is refused, not scored
    n_cues = len(blocks[-1].get_feature_names_out())
    Z = stacker_inputs(first, X[:, -n_cues:])
    second = np.column_stack([s.predict_proba(Z)[:, 1] for s in bundle["stackers"]])
    boosted = BoostedScorer(bundle["stackers"])  # the same floats, whatever the batch
    np.testing.assert_array_equal(boosted.predict_proba(Z), second)
    np.testing.assert_array_equal(boosted.predict_proba(np.vstack([Z] * 5)), np.vstack([second] * 5))
    in_pieces = np.vstack([boosted.predict_proba(Z[i : i + 7]) for i in range(0, len(Z), 7)])
    np.testing.assert_array_equal(in_pieces, second)
    assert boosted.predict_proba(Z[:1]).shape == (1, len(bundle["stackers"]))


def test_tfidf_transform_equals_scikit_learn_exactly():
    pipeline = artifact.load()["pipeline"]
    posts = [prepare(r["text"]) for r in load_corpus()[::13][:700]]
    posts += [prepare(t) for t in ["", " \n\t ", "a", "ab cd", "x" * 5000, "é ü 😀 \x00 İ", "pt in bed 4 \ud83d",
                                              "a b c d", "ward日本語ward x\u3000y", "in  the\tED tonight",
                                              "my patient my patient", "#ad @jen don't rock'n'roll pt*s"]]
    for name, vectorizer in pipeline.named_steps["features"].transformer_list[:2]:
        expected = vectorizer.transform(posts)
        got = TfidfTransform(vectorizer).transform([p.norm.text for p in posts])
        assert (got != expected).nnz == 0, name


def test_a_word_vectorizer_whose_tokens_can_hold_a_space_is_refused():
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(token_pattern=r"[^,]+", ngram_range=(1, 2))
    vectorizer.fit(["no voy,a la", "no voy,mi casa", "a la,mi casa"])
    with pytest.raises(ValueError, match="space"):
        TfidfTransform(vectorizer)
