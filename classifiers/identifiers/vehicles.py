"""Vehicle plates and VINs."""

from .base import Pattern, PatternRecognizer


class VehicleRecognizer(PatternRecognizer):
    """``plate 7KJM203``, ``tag ABC-1234``, ``placas XYZ-12-34``, ``VIN 1HGCM82633A004352``."""

    KIND = "PLATE"
    NEEDS = r"\b(?:plate|tag|placa|reg|licen[cs]e plate|number plate|vin)"
    PATTERNS = (
        Pattern("plate_strong", r"\b(?:plate|plates|tag|tags|placa|placas|reg|registration|license plate|"
                r"licence plate|number plate)\s*(?:#|no\.?|number)?\s*[:#]?\s*"
                r"(?P<id>(?=[a-z\-\s]*\d)[a-z0-9]{1,4}[\-\s]?[a-z0-9]{2,5}(?:-[a-z0-9]{2,4})?)\b", 0.8),
        Pattern("vin_strong", r"\b(?:vin)\s*[:#]?\s*(?P<id>[a-hj-npr-z0-9]{17})\b", 0.9),
    )
