"""Ages over 89, which Safe Harbor treats as identifying."""

from .base import Pattern, PatternRecognizer


class OldAgeRecognizer(PatternRecognizer):
    """``93 y/o``, ``a 101-year-old``, ``94F``, ``my 96yo``, ``de 92 años``."""

    KIND = "AGE"
    NEEDS = r"\b(?:9\d|1[01]\d)"
    PATTERNS = (
        Pattern("age_over_89_strong",
                r"\b(?P<id>(?:9\d|1[01]\d)\s?(?:-\s?)?(?:y/?o|yo|yrs?\.?(?: old)?|years?(?:[- ]old)?|"
                r"-?year-old|años|[mf])\b)", 0.8),
        Pattern("aged_strong", r"\b(?:aged?|age)\s+(?P<id>(?:9\d|1[01]\d))\b", 0.75),
        Pattern("birthday_strong", r"\b(?P<id>(?:9\d|1[01]\d)(?:st|nd|rd|th))\s+birthday\b", 0.7),
    )
