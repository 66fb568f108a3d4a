"""Street addresses."""

from .base import Pattern, PatternRecognizer

_SUFFIX = (r"(?:st|street|ave|avenue|rd|road|blvd|boulevard|ln|lane|dr|drive|ct|court|way|pl|place|"
           r"terrace|ter|pkwy|parkway|hwy|highway|cir|circle|close|crescent)")


class StreetAddressRecognizer(PatternRecognizer):
    """``42 Elm St``, ``1180 W. Main Street``, ``Calle 5 de Mayo 221``, ``Flat 3, 12 Rose Close``."""

    KIND = "ADDRESS"
    NEEDS = r"\d"
    PATTERNS = (
        Pattern("street_strong", r"\b(?P<id>\d{1,5}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\s+){1,3}"
                + "(?i:" + _SUFFIX + r"))\b\.?", 0.75, needs=r"\b" + _SUFFIX + r"\b"),
        Pattern("calle_strong", r"(?i)\b(?P<id>(?:calle|avenida|av\.|carrera|colonia|col\.)\s+[\w\s]{2,25}?\s\d{1,5})\b",
                0.6, needs=r"\b(?:calle|avenida|av\.|carrera|colonia|col\.)"),
    )
    FLAGS = 0
