"""Room, bed, bay and unit numbers."""

from .base import Pattern, PatternRecognizer


class RoomBedRecognizer(PatternRecognizer):
    """``bed 3``, ``rm 412``, ``room #12B``, ``bay 4``, ``cama 5``, ``trauma 2``."""

    KIND = "ROOM"
    NEEDS = r"\d"
    PATTERNS = (
        Pattern("room_bed_strong",
                r"\b(?:room|rm|bed|bay|cubicle|cube|stall|pod|cama|habitaci[oó]n|cuarto|box|"
                r"trauma|resus|exam room|ex rm|side room|cubículo)\.?\s*(?:#|no\.?|number)?\s*"
                r"(?P<id>\d{1,4}[a-z]?)\b", 0.7,
                needs=r"\b(?:room|rm|bed|bay|cubicle|cube|stall|pod|cama|habitaci|cuarto|box|trauma|resus|ex rm|"
                      r"cubículo)"),
        Pattern("unit_medium", r"\b(?P<id>\d{1,2}\s?(?:west|east|north|south|w|e|n|s))\b(?=\s|$|[.,!])",
                0.45),
    )
    CONTEXT = ("floor", "unit", "ward", "pt", "patient", "lady", "guy", "man", "woman", "kid")
