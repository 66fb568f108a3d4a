"""Identifier and cue features: the conjunctions the second stage reads."""

import numpy as np
import pytest

from classifiers.cues import cue_groups
from classifiers.features import CONJUNCTIONS, CueFeatures, prepare

FEATURES = CueFeatures().fit([])


def conjunctions(text: str) -> dict[str, bool]:
    row = FEATURES.rows([prepare(text)])[0]
    return {name: bool(value) for name, value in zip(CONJUNCTIONS, row[-len(CONJUNCTIONS):])}


@pytest.mark.parametrize("text, identifier_with_health, person_with_health", [
    ("Mrs. Alvarez in bed 3 has pneumonia again", True, False),
    ("My patient was diagnosed with leukemia this morning", False, True),
    ("Mr. Okafor, my patient in room 7, is back on dialysis", True, True),
    ("Potluck for Ramón's last day is Thursday at noon in room 12", False, False),
    ("Patients with diabetes should check their feet daily", False, False),
    ("Welcome to our new nurse manager, Priya Raman!", False, False),
])
def test_health_information_is_tied_to_an_identifier_or_a_person_in_care(text, identifier_with_health,
                                                                         person_with_health):
    found = conjunctions(text)
    assert found["identifier_with_health"] is identifier_with_health
    assert found["person_with_health"] is person_with_health


def test_dense_rows_equal_the_sparse_transform():
    posts = [prepare(t) for t in ["Mrs. Alvarez in bed 3 has pneumonia", "Use code DRSAM20", ""]]
    np.testing.assert_array_equal(FEATURES.transform(posts).toarray(), FEATURES.rows(posts))


def test_context_groups_are_features_but_never_evidence(engine):
    assert any(g.label is None for g in cue_groups())
    result = engine.analyze("Mrs. Alvarez in bed 3 (DOB 1/2/1931) has pneumonia again, third time this year.")
    sources = {e.source for f in result.findings for e in f.evidence}
    assert "cue:health_info" not in sources
    assert any(s.startswith("identifier:") for s in sources)


def test_an_empty_batch_gives_no_results(engine):
    assert engine.analyze_many([]) == []
    assert engine.predict_proba([]).shape == (0, 4)
