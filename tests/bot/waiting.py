"""Polling for what a loopback mock received (answers are sent after the HTTP acknowledgement)."""

import asyncio
import time


async def wait_until(collect, count: int, what: str, timeout: float = 15.0) -> list:
    """Return ``collect()`` once it holds ``count`` items; fail with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        items = collect()
        if len(items) >= count:
            return items
        await asyncio.sleep(0.02)
    raise AssertionError(what)
