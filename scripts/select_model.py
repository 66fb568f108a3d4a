#!/usr/bin/env python3
"""Compare pipeline variants by 5-fold cross-validation on the training corpus (never the eval set).

Prints per first-stage variant the cross-validated macro-F1, privacy recall/precision, share of
clean posts flagged, and the engine's feature cost per post; then, on the chosen first stage's
out-of-fold scores, the same for second-stage variants with their scoring cost per post, so quality
and speed are weighed together.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sklearn.base import clone  # noqa: E402

from classifiers.dataset import label_matrix, load_corpus  # noqa: E402
from classifiers.features import PostPreparer  # noqa: E402
from classifiers.pipeline import build_pipeline, stacker_inputs  # noqa: E402
from classifiers.training import (  # noqa: E402
    SEED,
    cross_validated_metrics,
    cross_validated_probabilities,
    fit_stackers,
)

VARIANTS = {
    "chosen": {},
    "char 2-5": {"char_ngrams": (2, 5)},
    "char 3-4": {"char_ngrams": (3, 4)},
    "LR C=2": {"logreg_c": 2.0},
    "LR C=32": {"logreg_c": 32.0},
    "SVM C=0.1": {"svm_c": 0.1},
    "SVM C=2": {"svm_c": 2.0},
    "NB a=0.1": {"nb_alpha": 0.1},
    "NB a=1": {"nb_alpha": 1.0},
}
STACKERS = {
    "100 x 7 leaves, lr 0.1 (chosen)": {},
    "200 x 15 leaves, lr 0.05": {"max_iter": 200, "learning_rate": 0.05, "max_leaf_nodes": 15},
    "200 x 7 leaves, lr 0.05": {"max_iter": 200, "learning_rate": 0.05, "max_leaf_nodes": 7},
    "100 x 15 leaves, lr 0.1": {"max_leaf_nodes": 15},
    "60 x 15 leaves, lr 0.15": {"max_iter": 60, "learning_rate": 0.15, "max_leaf_nodes": 15},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: the training corpus)")
    parser.add_argument("--only", nargs="*", help="variant names to run")
    args = parser.parse_args()
    records = load_corpus(args.corpus) if args.corpus else load_corpus()
    prepared = PostPreparer().transform([r["text"] for r in records])
    Y = label_matrix(records)
    print(f"{len(records)} posts")
    print(f"{'variant':<12}{'macro-F1':>9}{'priv R':>8}{'priv P':>8}{'clean flagged':>15}{'features ms/post':>18}")
    chosen_oof = None
    for name, params in VARIANTS.items():
        if args.only and name not in args.only:
            continue
        template = build_pipeline(SEED, **params)
        oof = cross_validated_probabilities(template, prepared, Y, args.jobs)
        if name == "chosen":
            cues = template.named_steps["features"].transformer_list[-1][1]
            chosen_oof = stacker_inputs(oof, clone(cues).fit(prepared).transform(prepared))
        _, metrics = cross_validated_metrics(Y, oof)
        features = template.named_steps["features"].fit(prepared, Y)
        started = time.perf_counter()
        features.transform(prepared)
        cost = (time.perf_counter() - started) * 1000 / len(prepared)
        privacy = metrics["per_label"]["privacy"]
        print(f"{name:<12}{metrics['macro_f1']:>9.3f}{privacy['recall']:>8.3f}{privacy['precision']:>8.3f}"
              f"{metrics['clean_flagged']:>15.1%}{cost:>18.3f}")
    if chosen_oof is not None:
        print(f"\n{'second stage':<34}{'macro-F1':>9}{'priv R':>8}{'priv P':>8}{'clean flagged':>15}{'ms/post':>9}")
        for name, params in STACKERS.items():
            stackers, oof = fit_stackers(chosen_oof, Y, args.jobs, **params)
            _, metrics = cross_validated_metrics(Y, oof)
            started = time.perf_counter()
            for stacker in stackers:
                stacker.predict_proba(chosen_oof)
            cost = (time.perf_counter() - started) * 1000 / len(chosen_oof)
            privacy = metrics["per_label"]["privacy"]
            print(f"{name:<34}{metrics['macro_f1']:>9.3f}{privacy['recall']:>8.3f}{privacy['precision']:>8.3f}"
                  f"{metrics['clean_flagged']:>15.1%}{cost:>9.3f}")


if __name__ == "__main__":
    main()
