"""Prometheus metrics, one registry per application (so tests can build many apps)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, Info, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST


class Metrics:
    """Requests by route and status, latency, checks by label and entry point, model version."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("compliance_bot_requests", "HTTP requests", ["route", "status"],
                                registry=self.registry)
        self.latency = Histogram("compliance_bot_request_seconds", "HTTP request latency", ["route"],
                                 registry=self.registry,
                                 buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5))
        self.checks = Counter("compliance_bot_checks", "Drafts checked", ["label", "entry_point"],
                              registry=self.registry)
        self.model = Info("compliance_bot_model", "The loaded model", registry=self.registry)

    def record_check(self, labels: list[str], entry_point: str) -> None:
        """Count a check once per flagged label (``none`` when clear)."""
        for label in labels or ["none"]:
            self.checks.labels(label=label, entry_point=entry_point).inc()

    def render(self) -> bytes:
        """The exposition text."""
        return generate_latest(self.registry)
