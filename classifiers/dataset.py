"""Read labelled posts (the training corpus, or any JSONL file in the labeling guide's format)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .result import LABELS

CORPUS_DIR = Path(__file__).with_name("corpus")
PLATFORMS = ("twitter", "linkedin", "facebook", "instagram", "reddit", "doximity", "review-reply",
             "blog", "tiktok-caption", "slack-draft")


class RecordError(ValueError):
    """A line that is not a valid labelled post."""


def parse_record(line: str) -> dict:
    """Parse and validate one JSONL line; raise ``RecordError`` saying what is wrong."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise RecordError(f"not valid JSON ({exc.msg})") from exc
    if not isinstance(record, dict):
        raise RecordError("not a JSON object")
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        raise RecordError("missing or empty 'text'")
    labels = record.get("labels", [])
    if not isinstance(labels, list) or any(label not in LABELS for label in labels):
        raise RecordError(f"'labels' must be a list drawn from {', '.join(LABELS)}")
    if "platform" in record and record["platform"] not in PLATFORMS:
        raise RecordError(f"unknown platform {record['platform']!r}")
    return record


def read_jsonl(path: Path) -> list[dict]:
    """Every record of a JSONL file; raises ``RecordError`` naming the first bad line."""
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    records.append(parse_record(line))
                except RecordError as exc:
                    raise RecordError(f"{path}:{number}: {exc}") from exc
    return records


def load_corpus(directory: Path = CORPUS_DIR) -> list[dict]:
    """All records of every ``*.jsonl`` file in ``directory``, in a stable order."""
    return [r for path in sorted(directory.glob("*.jsonl")) for r in read_jsonl(path)]


def label_matrix(records: list[dict]) -> np.ndarray:
    """``(n, len(LABELS))`` 0/1 matrix of the records' labels."""
    return np.array([[label in r.get("labels", []) for label in LABELS] for r in records], dtype=int)
