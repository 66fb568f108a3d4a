"""US Social Security numbers."""

from .base import Pattern, PatternRecognizer


class SsnRecognizer(PatternRecognizer):
    """``123-45-6789``; vetoes numbers the SSA never issues (000, 666, 9xx areas)."""

    KIND = "SSN"
    NEEDS = r"\d{3}"
    PATTERNS = (
        Pattern("ssn_dashed_strong", r"(?<![\d\-])(?P<id>\d{3}-\d{2}-\d{4})(?![\d\-])", 0.7),
        Pattern("ssn_labelled_strong", r"\b(?:ssn|social security(?: number| no\.?| #)?)\s*[:#]?\s*"
                r"(?P<id>\d{3}[\s\-]?\d{2}[\s\-]?\d{4})\b", 0.95),
    )
    CONTEXT = ("ssn", "social security", "social")

    def invalidate_result(self, matched: str) -> bool:
        """Reject area 000/666/9xx, group 00 and serial 0000, as presidio does."""
        digits = "".join(c for c in matched if c.isdigit())
        return (digits[:3] in {"000", "666"} or digits[0] == "9" or digits[3:5] == "00"
                or digits[5:] == "0000")
