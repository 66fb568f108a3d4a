import json
import shutil

import pytest

from classifiers import artifact
from classifiers.artifact import ModelError


@pytest.fixture
def model_copy(tmp_path):
    for name in (artifact.ARTIFACT, artifact.CARD_JSON):
        shutil.copy(artifact.MODEL_DIR / name, tmp_path / name)
    return tmp_path


def test_committed_artifact_matches_its_card(model_copy):
    card = artifact.read_card(model_copy)
    assert artifact.sha256(model_copy / artifact.ARTIFACT) == card["sha256"]
    assert card["size_bytes"] <= 30_000_000
    assert set(card["thresholds"]) == {"privacy", "advice", "venting", "coi"}


def test_when_artifact_is_altered_then_loading_is_refused(model_copy):
    with open(model_copy / artifact.ARTIFACT, "ab") as handle:
        handle.write(b"\0")
    with pytest.raises(ModelError, match="SHA-256.*compliance-bot train"):
        artifact.load(model_copy)


def test_when_library_versions_differ_then_loading_is_refused(model_copy):
    card = json.loads((model_copy / artifact.CARD_JSON).read_text())
    card["libraries"]["scikit-learn"] = "0.0.1"
    (model_copy / artifact.CARD_JSON).write_text(json.dumps(card))
    with pytest.raises(ModelError, match="scikit-learn 0.0.1"):
        artifact.load(model_copy)


def test_when_card_is_missing_then_message_says_how_to_retrain(tmp_path):
    with pytest.raises(ModelError, match="train"):
        artifact.load(tmp_path)
