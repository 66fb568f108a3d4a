"""Encounter cues: care anchored in time or place, the detail that makes an unnamed patient known."""

from .base import Pattern, PatternRecognizer


class EncounterTimeRecognizer(PatternRecognizer):
    """``tonight``, ``just now``, ``this morning``, ``on my shift``, ``anoche``."""

    KIND = "TIME"
    PATTERNS = (
        Pattern("time_medium", r"\b(?P<id>tonight|today|just now|this (?:morning|afternoon|evening|am|pm|week)|"
                r"last night|earlier today|yesterday|overnight|on (?:my|this|tonight's|today's) shift|"
                r"an hour ago|few minutes ago|right now|at \d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|"
                r"\d{1,2}:\d{2}\s?(?:am|pm)?|"
                r"hoy|anoche|esta (?:mañana|tarde|noche)|ayer|ahorita|en mi guardia)\b", 0.4),
    )
    CONTEXT = ("pt", "patient", "came in", "rolled in", "brought in", "guy", "lady", "kid", "man",
               "woman", "baby", "y/o", "yo", "year old", "paciente", "señora", "presented", "admitted")
    REQUIRE_CONTEXT = True


class EncounterPlaceRecognizer(PatternRecognizer):
    """``in our ED``, ``in my clinic``, ``on 4 West``, ``in the trauma bay``, ``en urgencias``."""

    KIND = "SETTING"
    PATTERNS = (
        Pattern("care_place_medium", r"\b(?:in|at|on|to|into|en|from)\s+(?P<id>(?:our|my|the|el|la|mi|nuestro|nuestra)\s+"
                r"(?:ed|er|a&e|emergency (?:room|department|dept)|clinic|office|icu|micu|sicu|nicu|picu|"
                r"trauma bay|resus|triage|ward|floor|unit|or|theatre|l&d|labor and delivery|cath lab|"
                r"urgent care|practice|surgery|urgencias|consultorio|clínica|guardia|hospital|waiting room|"
                r"peds ed|psych ward|ccu|step-?down|fast track))\b", 0.45),
    )
    CONTEXT = ("pt", "patient", "came in", "rolled in", "brought in", "guy", "lady", "kid", "man",
               "woman", "baby", "y/o", "yo", "year old", "paciente", "señora", "today", "tonight",
               "this morning", "just", "hoy", "anoche")
    REQUIRE_CONTEXT = True


class PatientAgeRecognizer(PatternRecognizer):
    """``a 34 y/o``, ``34M``, ``a 7-year-old girl``: not an identifier alone, but a case cue."""

    KIND = "AGE_CUE"
    NEEDS = r"\d"
    PATTERNS = (
        Pattern("age_cue_weak", r"\b(?P<id>\d{1,2}\s?(?:y/?o|yo|yr old|-?year-old|year old|años|"
                r"(?:[mf])(?=\s|,|$)|mo(?:nth)?s?[- ]old|wk old|week[- ]old))\b", 0.3),
    )
