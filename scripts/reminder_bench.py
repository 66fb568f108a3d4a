#!/usr/bin/env python3
"""Reminder delivery benchmark: two scheduler instances (as two replicas would run) against one
database deliver N due reminders; prints reminders delivered per second and duplicate deliveries.

Uses DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) or a temporary SQLite file.
"""

import argparse
import asyncio
import os
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text  # noqa: E402

from bot.reminders import Schedule, Scheduler  # noqa: E402
from bot.storage import Store, normalize_url  # noqa: E402
from bot.storage.migrate import upgrade  # noqa: E402


async def run(url: str, count: int) -> None:
    upgrade(url)
    setup = Store(url)
    due = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    schedule = Schedule("daily", tuple(range(7)), clock(9, 0), "UTC")
    for i in range(count):
        setup.add_reminder(platform="slack", workspace="T", channel=f"C{i}", cadence="daily", days="0,1,2,3,4,5,6",
                           at_time="09:00", timezone="UTC", topic=None, created_by=None,
                           next_run=schedule.next_after(due - timedelta(days=1)))
    sent: Counter = Counter()

    async def deliver(reminder, tip, link):
        sent[reminder.channel] += 1

    replicas = [Scheduler(Store(url), deliver) for _ in range(2)]
    started = time.perf_counter()
    while sum(sent.values()) < count and time.perf_counter() - started < 120:
        await asyncio.gather(*(r.run_once(due) for r in replicas))
    elapsed = time.perf_counter() - started
    duplicates = sum(n - 1 for n in sent.values() if n > 1)
    print(f"database: {url.split('@')[-1] if '@' in url else 'sqlite'}")
    print(f"reminders due: {count}; delivered: {len(sent)}; duplicate deliveries: {duplicates}")
    print(f"two instances delivered {len(sent) / elapsed:.0f} reminders/s ({elapsed:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL")
    schema = None
    if url and url.startswith("postgres"):
        schema = f"cb_bench_{uuid.uuid4().hex[:8]}"
        with create_engine(normalize_url(url)).begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        target = f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    else:
        target = f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    try:
        asyncio.run(run(target, args.count))
    finally:
        if schema:
            with create_engine(normalize_url(url)).begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


if __name__ == "__main__":
    main()
