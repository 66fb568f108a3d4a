"""Telephone and fax numbers."""

from .base import Pattern, PatternRecognizer


class PhoneFaxRecognizer(PatternRecognizer):
    """``(555) 201-8873``, ``555.201.8873``, ``+44 7700 900123``, ``fax 212-555-0199``."""

    KIND = "PHONE"
    NEEDS = r"\d{3}"
    PATTERNS = (
        Pattern("us_phone_medium", r"(?<![\d\-])(?P<id>(?:\+?1[\s.\-]?)?\(?\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4})(?![\d\-])",
                0.6),
        Pattern("intl_phone_medium", r"(?<![\w+])(?P<id>\+\d{1,3}[\s.\-]?\d{2,5}(?:[\s.\-]?\d{2,5}){1,3})(?!\d)",
                0.6),
        Pattern("local_phone_weak", r"(?<![\d\-])(?P<id>\d{3}[\-.]\d{4})(?![\d\-])", 0.3),
    )
    CONTEXT = ("call", "phone", "cell", "mobile", "fax", "tel", "text", "number", "whatsapp",
               "celular", "teléfono", "llama", "ring")
