"""Measure the engine on a labelled JSONL file, reading drafts the way users send them."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .dataset import label_matrix, read_jsonl
from .engine import Engine
from .metrics import evaluate_predictions
from .result import LABELS

BATCH = 512


def evaluate_file(engine: Engine, path: str | Path, sensitivity: str = "balanced") -> dict:
    """Per-label metrics of ``engine.analyze_many`` against the file's labels."""
    records = read_jsonl(Path(path))
    flagged = []
    for start in range(0, len(records), BATCH):
        chunk = records[start : start + BATCH]
        flagged += [r.labels for r in engine.analyze_many([c["text"] for c in chunk], sensitivity)]
    predicted = np.array([[label in labels for label in LABELS] for labels in flagged], dtype=int)
    return evaluate_predictions(label_matrix(records), predicted.reshape(len(records), len(LABELS)))
