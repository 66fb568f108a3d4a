"""What the engine accepts: limits and the check that gives a clear reason (no heavy imports)."""

from __future__ import annotations

MAX_CHARS = 100_000


class InputError(ValueError):
    """The text cannot be analysed (empty, too long); the message says why."""


def validate(text: str) -> str:
    """Return ``text`` when it can be analysed, else raise ``InputError`` with a clear reason."""
    if not isinstance(text, str) or not text.strip():
        raise InputError("There is no text to check: paste the draft post you want reviewed.")
    if len(text) > MAX_CHARS:
        raise InputError(f"The text is {len(text):,} characters; the limit is {MAX_CHARS:,}. "
                         "Check it in parts.")
    return text
