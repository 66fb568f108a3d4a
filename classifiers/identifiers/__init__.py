"""Detectors for HIPAA Safe Harbor identifiers and encounter cues, one class per family."""

from .base import Pattern, PatternRecognizer, Span
from .registry import (
    IDENTIFIER_KINDS,
    PLACEHOLDERS,
    RecognizerRegistry,
    default_registry,
    merge_spans,
    redact,
)

__all__ = [
    "IDENTIFIER_KINDS", "PLACEHOLDERS", "Pattern", "PatternRecognizer", "RecognizerRegistry", "Span",
    "default_registry", "merge_spans", "redact",
]
