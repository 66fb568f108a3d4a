#!/usr/bin/env python3
"""Write the redacted texts users opted to share after "Not right" as JSONL in the corpus format.

Each line carries the model's predicted labels and `"source": "feedback"`, for a reviewer to relabel
against the labeling guide before it joins `classifiers/corpus/`.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import Settings  # noqa: E402
from bot.storage import Store  # noqa: E402
from bot.storage.migrate import upgrade  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=None, help="JSONL file (default: stdout)")
    args = parser.parse_args()
    settings = Settings.from_env()
    upgrade(settings.db_url)
    rows = [{"id": f"feedback-{s.id}", "text": s.redacted, "labels": sorted(s.predicted), "platform": "slack-draft", "origin": s.platform,
             "source": "feedback", "predicted": sorted(s.predicted), "feedback": "not right", "check_id": s.check_id}
            for s in Store(settings.db_url).samples()]
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.out:
        out.close()
        print(f"wrote {len(rows)} samples to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
