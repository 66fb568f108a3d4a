"""Save and load the trained model, refusing any file that was not verified.

A joblib file is code: loading one runs whatever it contains. The model card written beside the
artifact records its SHA-256, the versions of the libraries whose objects it holds, and a digest of
the configuration files its cue and identifier features are read from at run time; ``load`` checks
all three before unpickling and says how to retrain when they do not match (a model fed features it
was not trained on would still answer, wrongly). Changes to the recognizers' code are caught by
their tests, not here.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

import joblib
import numpy as np
import yaml

MODEL_DIR = Path(os.environ.get("COMPLIANCE_BOT_MODEL_DIR", Path(__file__).resolve().parent.parent / "models"))
ARTIFACT = "model.joblib"
CARD_JSON = "model_card.json"
PINNED = ("scikit-learn", "numpy", "scipy", "joblib")
#: The configuration the cue and identifier features are built from, read at run time.
FEATURE_FILES = (Path(__file__).with_name("cues.yml"), Path(__file__).parent / "identifiers" / "recognizers.yml")
#: Vocabularies travel as one string of terms and an array of their lengths: unpickling 100,000
#: dictionary entries one by one (joblib reads with Python's own unpickler) took most of the load time.
VOCABULARIES = "vocabularies"
RETRAIN = "Retrain with `compliance-bot train` (or `make train`), then restart."


class ModelError(RuntimeError):
    """The model artifact is missing, altered, or was built with other library versions."""


def library_versions() -> dict[str, str]:
    """Installed versions of the libraries whose objects live inside the artifact."""
    return {name: metadata.version(name) for name in PINNED}


def feature_files_sha256() -> str:
    """SHA-256 over the parsed feature configuration files, in order (comments and layout do not count)."""
    digest = hashlib.sha256()
    for path in FEATURE_FILES:
        parsed = yaml.safe_load(path.read_text(encoding="utf-8"))
        digest.update(hashlib.sha256(json.dumps(parsed, sort_keys=True).encode()).digest())
    return digest.hexdigest()


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def save(bundle: dict, card: dict, directory: Path = MODEL_DIR) -> dict:
    """Write the artifact and its model card (JSON, plus a Markdown rendering); return the card.

    The bundle's vectorizers go without their vocabularies while the file is written (they travel
    beside them) and get them back before this returns; do not share the bundle with a running engine.
    """
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / ARTIFACT
    vectorizers = _vectorizers(bundle)
    vocabularies = [v.vocabulary_ for v in vectorizers]
    try:
        for v in vectorizers:
            v.vocabulary_ = None
        joblib.dump({**bundle, VOCABULARIES: [_terms(vocabulary) for vocabulary in vocabularies]}, path,
                    compress=("zlib", 3))
    finally:
        for v, vocabulary in zip(vectorizers, vocabularies):
            v.vocabulary_ = vocabulary
    card = {**card, "artifact": ARTIFACT, "sha256": sha256(path), "size_bytes": path.stat().st_size,
            "libraries": library_versions()}
    (directory / CARD_JSON).write_text(json.dumps(card, indent=2, sort_keys=True) + "\n")
    return card


def read_card(directory: Path = MODEL_DIR) -> dict:
    """The model card, or ModelError when there is none."""
    try:
        return json.loads((directory / CARD_JSON).read_text())
    except (OSError, ValueError) as exc:
        raise ModelError(f"No readable model card in {directory}. {RETRAIN}") from exc


def load(directory: Path = MODEL_DIR) -> dict:
    """Verify the artifact against its card and the installed libraries, then load it."""
    card = read_card(directory)
    path = directory / card.get("artifact", ARTIFACT)
    if not path.is_file():
        raise ModelError(f"Model artifact {path} is missing. {RETRAIN}")
    if sha256(path) != card.get("sha256"):
        raise ModelError(f"Model artifact {path} does not match the SHA-256 in its model card; "
                         f"refusing to load it. {RETRAIN}")
    installed = library_versions()
    wrong = {k: (v, installed.get(k)) for k, v in card.get("libraries", {}).items() if installed.get(k) != v}
    if wrong:
        detail = ", ".join(f"{k} {built} (installed {now})" for k, (built, now) in wrong.items())
        raise ModelError(f"The model was built with {detail}. Install the pinned versions "
                         f"(`make install` uses constraints.txt) or: {RETRAIN}")
    features = card.get("feature_files_sha256")  # cards written before it was recorded have none
    if features is not None and features != feature_files_sha256():
        raise ModelError("The cue or recognizer configuration (cues.yml, recognizers.yml) changed since the "
                         f"model was trained, so its features would not be the ones it learned from. {RETRAIN}")
    bundle = joblib.load(path)
    vectorizers = _vectorizers(bundle) if VOCABULARIES in bundle else []  # older artifacts kept dictionaries
    for vectorizer, (joined, lengths) in zip(vectorizers, bundle.pop(VOCABULARIES, []), strict=True):
        ends = np.cumsum(lengths).tolist()
        terms = [joined[start:end] for start, end in zip([0, *ends], ends)]
        vectorizer.vocabulary_ = dict(zip(terms, range(len(terms))))
    return bundle


def _vectorizers(bundle: dict) -> list:
    """The fitted TF-IDF vectorizers inside the bundle's pipeline."""
    features = bundle["pipeline"].named_steps["features"]
    return [t for _, t in features.transformer_list if hasattr(t, "vocabulary_")]


def _terms(vocabulary: dict) -> tuple[str, np.ndarray]:
    """A vocabulary as its terms in column order, joined into one string, and their lengths."""
    terms = sorted(vocabulary, key=vocabulary.__getitem__)
    return "".join(terms), np.array([len(t) for t in terms], dtype=np.int32)
