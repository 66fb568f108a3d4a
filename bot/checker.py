"""Run the engine off the event loop: in worker processes, loaded once each, or in a thread.

>>> checker = Checker(workers=1)        # doctest: +SKIP
>>> results = await checker.check_many(["draft"])  # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from functools import lru_cache

from classifiers.result import AnalysisResult


@lru_cache(maxsize=1)
def _engine():
    """The engine of this process (workers import scikit-learn; the server process does not)."""
    from classifiers.engine import Engine

    return Engine.load()


def _warm() -> str:
    return _engine().version


def _analyze(texts: list[str], sensitivity: str) -> list[AnalysisResult]:
    return _engine().analyze_many(texts, sensitivity)


class Checker:
    """The one place the server calls the classifier.

    ``workers >= 1`` runs that many processes (CPU work never holds the event loop or the GIL);
    ``workers == 0`` runs in a thread of this process (tests, small installs).
    """

    def __init__(self, workers: int = 1, sensitivity: str = "balanced") -> None:
        self.sensitivity = sensitivity
        self.workers = workers
        self.executor: Executor = (
            ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_engine)
            if workers else ThreadPoolExecutor(2, thread_name_prefix="engine"))
        self.model_version: str | None = None

    async def start(self) -> None:
        """Load the model in the workers before the first request (raises ``ModelError``)."""
        loop = asyncio.get_running_loop()
        versions = await asyncio.gather(*(loop.run_in_executor(self.executor, _warm)
                                          for _ in range(max(1, self.workers))))
        self.model_version = versions[0]

    async def check_many(self, texts: list[str], sensitivity: str | None = None) -> list[AnalysisResult]:
        """Analyse several drafts in one batch (the caller validates them first)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, _analyze, texts, sensitivity or self.sensitivity)

    def close(self) -> None:
        """Stop the workers."""
        self.executor.shutdown(wait=False, cancel_futures=True)
