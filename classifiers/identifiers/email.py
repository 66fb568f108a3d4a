"""Email addresses."""

from .base import Pattern, PatternRecognizer


class EmailRecognizer(PatternRecognizer):
    """``jdoe@gmail.com``, ``maria.g+portal@outlook.es``."""

    KIND = "EMAIL"
    NEEDS = r"@"
    PATTERNS = (
        Pattern("email_strong", r"\b(?P<id>[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,})\b", 0.85),
    )
