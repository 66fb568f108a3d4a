#!/usr/bin/env python3
"""Train the classifier from classifiers/corpus/ and write models/ (same as `compliance-bot train`)."""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from classifiers.training import train  # noqa: E402

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=2, help="processes for cross-validation")
    train(n_jobs=parser.parse_args().jobs)
