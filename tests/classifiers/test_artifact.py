import json
import shutil

import joblib
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


def test_saving_and_loading_keeps_every_vocabulary_and_what_the_vectorizers_compute(tmp_path):
    bundle = artifact.load()
    vectorizers = artifact._vectorizers(bundle)
    before = [dict(v.vocabulary_) for v in vectorizers]
    texts = ["Pt in bed 4 says hi", "Use code DRSAM20 for 20% off", "ünïcødé ✨ and \u200bzero width"]
    expected = [v.transform(texts) for v in vectorizers]
    artifact.save(bundle, {"model_version": "roundtrip"}, tmp_path)
    assert [v.vocabulary_ for v in vectorizers] == before  # the caller's pipeline is left whole
    again = artifact._vectorizers(artifact.load(tmp_path))
    assert [v.vocabulary_ for v in again] == before
    for vectorizer, matrix in zip(again, expected):
        assert (vectorizer.transform(texts) != matrix).nnz == 0


def test_an_artifact_that_kept_its_vocabularies_as_dictionaries_still_loads(tmp_path):
    bundle = artifact.load()
    before = [dict(v.vocabulary_) for v in artifact._vectorizers(bundle)]
    joblib.dump(bundle, tmp_path / artifact.ARTIFACT)  # written as before vocabularies travelled as strings
    card = {"artifact": artifact.ARTIFACT, "sha256": artifact.sha256(tmp_path / artifact.ARTIFACT),
            "libraries": artifact.library_versions()}
    (tmp_path / artifact.CARD_JSON).write_text(json.dumps(card))
    assert [v.vocabulary_ for v in artifact._vectorizers(artifact.load(tmp_path))] == before


def test_committed_card_records_the_feature_configuration_it_was_trained_with(model_copy):
    assert artifact.read_card(model_copy)["feature_files_sha256"] == artifact.feature_files_sha256()


def _edited_cues(tmp_path, monkeypatch, edit):
    import yaml

    config = yaml.safe_load(artifact.FEATURE_FILES[0].read_text(encoding="utf-8"))
    edited = tmp_path / "cues.yml"
    edited.write_text(edit(config), encoding="utf-8")
    monkeypatch.setattr(artifact, "FEATURE_FILES", (edited, *artifact.FEATURE_FILES[1:]))


def test_when_the_feature_configuration_changed_then_loading_is_refused(model_copy, tmp_path, monkeypatch):
    import yaml

    def add_a_cue(config):
        config["groups"]["profanity"]["patterns"].append(r"\bfrick\b")
        return yaml.safe_dump(config, allow_unicode=True)

    _edited_cues(tmp_path, monkeypatch, add_a_cue)
    with pytest.raises(ModelError, match="cues.yml.*compliance-bot train"):
        artifact.load(model_copy)


def test_comments_and_layout_in_the_feature_configuration_do_not_matter(model_copy, tmp_path, monkeypatch):
    import yaml

    _edited_cues(tmp_path, monkeypatch, lambda config: "# reformatted\n" + yaml.safe_dump(config, allow_unicode=True,
                                                                                         width=60, indent=4))
    assert artifact.load(model_copy)["version"] == artifact.read_card(model_copy)["model_version"]
