"""The audit trail for a compliance officer: CSV export and retention. Rows hold no text."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta

from .storage import Store

COLUMNS = ("id", "at", "platform", "workspace", "channel", "entry_point", "user_hash", "text_hash", "labels",
           "scores", "verdict", "model_version")


def export_csv(store: Store, out, since: datetime | None = None) -> int:
    """Write audit rows (oldest first) as CSV to the file object ``out``; returns the row count."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    rows = store.checks(since)
    for row in rows:
        writer.writerow([row.id, row.at.isoformat(), row.platform, row.workspace or "", row.channel or "",
                         row.entry_point, row.user_hash or "", row.text_hash, ";".join(row.labels),
                         json.dumps(row.scores, sort_keys=True), row.verdict, row.model_version])
    return len(rows)


def purge(store: Store, retention_days: int) -> int:
    """Apply the retention period (days); returns how many rows were deleted."""
    return store.purge_checks(timedelta(days=retention_days))
