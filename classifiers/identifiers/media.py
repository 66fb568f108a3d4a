"""Mentions of photos or video of a patient or taken in clinical areas."""

from .base import Pattern, PatternRecognizer

_MEDIA = (r"(?:pic|pics|picture|photo|photos|pho?to|selfie|selfies|video|vid|clip|snap|story|reel|"
          r"tiktok|footage|screenshot|screen ?shot|x-?ray|xray|ct|mri|scan|foto|fotos|imagen|"
          r"before(?: and |\s?&\s?|/)after|b/a)")
_CLINICAL = (r"(?:pt|patient|patients|paciente|or|o\.r\.|theatre|theater|er|ed|a&e|trauma bay|resus|"
             r"icu|nicu|picu|ward|floor|bedside|bed|room|clinic|exam room|chart|wristband|monitor|"
             r"whiteboard|census|board|l&d|delivery|surgery|procedure|cath lab|quirófano|urgencias|"
             r"client|lady|guy|man|woman|kid|baby|her|his|their)")


class PatientMediaRecognizer(PatternRecognizer):
    """``pic from the OR today``, ``video of the pt``, ``selfie in the trauma bay``, ``her x-ray``."""

    KIND = "PHOTO"
    NEEDS = r"\b(?:pic|photo|pho?to|selfie|video|vid|clip|snap|story|reel|tiktok|footage|screen|x-?ray|xray|ct|mri|scan|foto|imagen|before|b/a|snapped|filmed|recorded|took|grabbed|posted|caught)"
    PATTERNS = (
        Pattern("media_clinical_strong", r"\b(?P<id>" + _MEDIA + r")\b[^.!?\n]{0,30}?\b(?:of|from|in|at|"
                r"during|on|with|del|de la|en)\s+(?:the\s+|my\s+|our\s+|this\s+|a\s+|el\s+|la\s+)?"
                + _CLINICAL + r"\b", 0.6),
        Pattern("clinical_media_medium", r"\b(?:pt|patient|patient's|client's|her|his|this lady's|"
                r"this guy's)\s+(?P<id>" + _MEDIA + r")\b", 0.5),
        Pattern("posting_medium", r"\b(?:snapped|filmed|recorded|took|grabbed|posted|caught)\b[^.!?\n]{0,25}?"
                r"(?P<id>" + _MEDIA + r"|this)\b[^.!?\n]{0,25}?\b(?:pt|patient|bed|or|er|trauma|"
                r"surgery|procedure|clinic)\b", 0.5),
    )
    CONTEXT = ("consent", "today", "tonight", "this morning", "just now", "shift")
    CONTEXT_BOOST = 0.2

    def invalidate_result(self, matched: str) -> bool:
        """Nothing to veto here: consent is weighed by the classifier, not the detector."""
        return False
