"""Medical record, account, health plan, licence and certificate numbers."""

from .base import Pattern, PatternRecognizer


class RecordNumberRecognizer(PatternRecognizer):
    """``MRN 00482913``, ``Acct# A-7731``, ``member ID XJ4481``, ``NHS no. 943 476 5919``."""

    KIND = "RECORD"
    NEEDS = r"\d{3}"
    PATTERNS = (
        Pattern("labelled_number_strong",
                r"\b(?:mrn|med(?:ical)? rec(?:ord)?(?: number| no\.?| #)?|acct|account|"
                r"member id|member|policy|plan|subscriber|medicaid|medicare|insurance id|"
                r"nhs (?:no\.?|number)|chart|case|encounter|fin|csn|licen[cs]e|lic\.?|cert(?:ificate)?|"
                r"expediente|historia cl[ií]nica|n[uú]mero de afiliado|aadhaar|uhid|ihi|ssn)"
                r"\s*(?:#|no\.?|number|num|id|n[uú]m\.?)?\s*[:#]?\s*"
                r"(?P<id>[a-z]{0,3}[-\s]?\d[\d\-\s]{2,16}\d[a-z]?)", 0.85),
        Pattern("nhs_number_medium", r"\b(?P<id>\d{3}\s\d{3}\s\d{4})\b", 0.35),
    )
    CONTEXT = ("nhs", "number", "patient", "pt")
