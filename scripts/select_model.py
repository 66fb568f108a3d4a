#!/usr/bin/env python3
"""Compare pipeline variants by 5-fold cross-validation on the training corpus (never the eval set).

Prints per variant the cross-validated macro-F1, privacy recall/precision, share of clean posts
flagged, and the engine's feature cost per post, so quality and speed are weighed together.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from classifiers.dataset import label_matrix, load_corpus  # noqa: E402
from classifiers.features import PostPreparer  # noqa: E402
from classifiers.pipeline import build_pipeline  # noqa: E402
from classifiers.training import SEED, cross_validated_metrics, cross_validated_probabilities  # noqa: E402

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
    for name, params in VARIANTS.items():
        if args.only and name not in args.only:
            continue
        template = build_pipeline(SEED, **params)
        oof = cross_validated_probabilities(template, prepared, Y, args.jobs)
        _, metrics = cross_validated_metrics(Y, oof)
        features = template.named_steps["features"].fit(prepared, Y)
        started = time.perf_counter()
        features.transform(prepared)
        cost = (time.perf_counter() - started) * 1000 / len(prepared)
        privacy = metrics["per_label"]["privacy"]
        print(f"{name:<12}{metrics['macro_f1']:>9.3f}{privacy['recall']:>8.3f}{privacy['precision']:>8.3f}"
              f"{metrics['clean_flagged']:>15.1%}{cost:>18.3f}")


if __name__ == "__main__":
    main()
