"""Towns, counties, ZIP codes and postcodes tied to a patient."""

from .base import CARE_WORDS, Pattern, PatternRecognizer


class TownZipRecognizer(PatternRecognizer):
    """``ZIP 10472``, ``lives in Millbrook``, ``from Harlan County``, ``SW1A 1AA``, ``on Route 9``."""

    KIND = "PLACE"
    FLAGS = 0
    PATTERNS = (
        Pattern("zip_medium", r"(?i:\b(?:zip|zip code|c\.?p\.?|código postal)\s*[:#]?\s*)(?P<id>\d{5}(?:-\d{4})?)\b",
                0.7, needs=r"\b(?:zip|cp|c\.p|código)"),
        Pattern("uk_postcode_medium", r"\b(?P<id>[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})\b", 0.6, needs=r"\d(?<=\s\d)[a-z]{2}\b"),
        Pattern("lives_in_medium", r"(?i:\b(?:lives|living|lived|resident|resides|from|vive|de la colonia)\s+"
                r"(?:in|on|at|of|en)?\s*(?:the\s+)?)(?P<id>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)", 0.45,
                needs=r"\b(?:lives|living|lived|resident|resides|from|vive|de la colonia)\s"),
        Pattern("county_medium", r"\b(?P<id>[A-Z][a-z]+\s(?:County|Parish|Township))\b", 0.45,
                needs=r"\b(?:county|parish|township)\b"),
        Pattern("road_event_medium", r"(?i:\b(?:on|at|off)\s+)(?P<id>(?:Route|Rt\.?|Highway|Hwy|I-|US-?|SR-?)\s?\d{1,3}|"
                r"[A-Z][a-z]+\s(?:Road|Bridge|Mall|Park|Lake|Pike))", 0.45,
                needs=r"\b(?:route|rt|highway|hwy|i-|us|sr|road|bridge|mall|park|lake|pike)"),
    )
    CONTEXT = CARE_WORDS + ("crash", "accident", "fire", "shooting", "wreck", "pileup", "mvc", "news")

    def invalidate_result(self, matched: str) -> bool:
        """``from Pfizer``-style false towns are hard to tell; only obvious non-places are dropped."""
        return matched.split()[0] in {"The", "This", "Home", "Work", "Me", "My", "Our", "Your"}
