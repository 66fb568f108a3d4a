"""Per-label precision, recall and F1, the share of clean posts flagged, and the worst confusions."""

from __future__ import annotations

import numpy as np

from .result import LABELS


def evaluate_predictions(y_true: np.ndarray, y_pred: np.ndarray) -> dict:
    """Metrics for 0/1 label matrices (columns in ``LABELS`` order)."""
    per_label = {}
    for k, label in enumerate(LABELS):
        t, p = y_true[:, k].astype(bool), y_pred[:, k].astype(bool)
        tp, fp, fn = int((t & p).sum()), int((~t & p).sum()), int((t & ~p).sum())
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"precision": round(precision, 4), "recall": round(recall, 4),
                            "f1": round(f1, 4), "support": int(t.sum()), "false_positives": fp,
                            "false_negatives": fn}
    clean = ~y_true.any(axis=1)
    flagged_clean = float(y_pred[clean].any(axis=1).mean()) if clean.any() else 0.0
    confusions = {}
    for k, label in enumerate(LABELS):
        for j, other in enumerate(LABELS):
            if j != k:
                n = int(((y_true[:, k] == 1) & (y_pred[:, k] == 0) & (y_pred[:, j] == 1)
                         & (y_true[:, j] == 0)).sum())
                if n:
                    confusions[f"{label} -> {other}"] = n
        missed_clean = int(((y_true[:, k] == 0) & (y_pred[:, k] == 1) & clean).sum())
        if missed_clean:
            confusions[f"clean -> {label}"] = missed_clean
        missed = int(((y_true[:, k] == 1) & (y_pred.sum(axis=1) == 0)).sum())
        if missed:
            confusions[f"{label} -> clean"] = missed
    worst = sorted(confusions.items(), key=lambda kv: -kv[1])[:6]
    return {
        "per_label": per_label,
        "macro_f1": round(float(np.mean([m["f1"] for m in per_label.values()])), 4),
        "clean_flagged": round(flagged_clean, 4),
        "clean_support": int(clean.sum()),
        "posts": int(len(y_true)),
        "worst_confusions": dict(worst),
    }


def format_report(metrics: dict) -> str:
    """A plain-text table of ``evaluate_predictions`` output."""
    lines = [f"{'label':<10}{'precision':>10}{'recall':>10}{'f1':>8}{'support':>9}"]
    for label, m in metrics["per_label"].items():
        lines.append(f"{label:<10}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>8.3f}{m['support']:>9}")
    lines.append(f"macro-F1 {metrics['macro_f1']:.3f} | clean posts flagged "
                 f"{metrics['clean_flagged']:.1%} of {metrics['clean_support']} | posts {metrics['posts']}")
    if metrics["worst_confusions"]:
        lines.append("worst confusions: " + ", ".join(f"{k} ({v})" for k, v in metrics["worst_confusions"].items()))
    return "\n".join(lines)
