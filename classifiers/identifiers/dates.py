"""Dates tied to care: birth, admission, visit, surgery, discharge, death."""

from .base import CARE_WORDS, Pattern, PatternRecognizer

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|"
          r"mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\.?")


_MONTH_WORD = (r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio|"
               r"agosto|septiembre|octubre|noviembre|diciembre)")


class CareDateRecognizer(PatternRecognizer):
    """``DOB 1/2/1931``, ``admitted 03/14``, ``on March 14th``, ``2025-03-14``, ``14 de marzo``."""

    KIND = "DATE"
    NEEDS = r"\d"
    PATTERNS = (
        Pattern("dob_strong", r"\b(?:dob|d\.o\.b\.?|born(?: on)?|fecha de nacimiento)\s*[:#-]?\s*"
                r"(?P<id>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s*\d{0,4})",
                0.85, needs=r"\b(?:dob|d\.o\.b|born|fecha de nacimiento)"),
        Pattern("numeric_date_medium", r"(?<![\d/])(?P<id>\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?)(?![\d/%])",
                0.35, needs=r"\d[/.\-]\d"),
        Pattern("iso_date_medium", r"\b(?P<id>(?:19|20)\d{2}-\d{2}-\d{2})\b", 0.4, needs=r"\d-\d"),
        Pattern("month_day_medium", r"\b(?P<id>" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)\b",
                0.35, needs=_MONTH_WORD),
        Pattern("day_month_medium", r"\b(?P<id>\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+|de\s+)?" + _MONTH +
                r"(?:\s+(?:de\s+)?\d{4})?)\b", 0.35, needs=_MONTH_WORD),
    )
    CONTEXT = CARE_WORDS + ("since", "desde")
    REQUIRE_CONTEXT = True

    def invalidate_result(self, matched: str) -> bool:
        """Ratios and doses that look like dates (``24/7``, ``1/2 tab``) are not dates."""
        return matched in {"24/7", "9/11", "1/2", "50/50", "20/20", "7/24"}
