"""A patient's employer or school."""

from .base import Pattern, PatternRecognizer


class EmployerSchoolRecognizer(PatternRecognizer):
    """``works at the Walmart on 5th``, ``teacher at Lincoln Elementary``, ``student at UCLA``."""

    KIND = "EMPLOYER"
    NEEDS = r"\b(?:works|worked|working|employed|trabaja|teaches|teacher|nurse|manager|coach|student|goes|attends|senior|junior|freshman|elementary|school|high|academy|university|college|prep)\b"
    FLAGS = 0
    PATTERNS = (
        Pattern("works_at_medium", r"(?i:\b(?:works|worked|working|employed|trabaja|teaches|"
                r"teacher|nurse|manager|coach|student|goes to school|attends|senior|junior|freshman)"
                r"\s+(?:at|for|in|en)\s+(?:the\s+)?)(?P<id>[A-Z][\w&'\-]*(?:\s[A-Z][\w&'\-]*){0,3})", 0.5),
        Pattern("school_medium", r"\b(?P<id>[A-Z][a-z]+\s(?:Elementary|Middle School|High School|High|Academy|"
                r"University|College|Prep))\b", 0.45),
    )
    CONTEXT = ("pt", "patient", "guy", "lady", "kid", "mom", "dad", "his", "her", "he", "she",
               "paciente", "who", "admitted", "came in")
    REQUIRE_CONTEXT = True
