"""URLs and social-media handles."""

from .base import CARE_WORDS, Pattern, PatternRecognizer


class UrlRecognizer(PatternRecognizer):
    """``https://facebook.com/maria.g``, ``www.gofundme.com/help-jake``."""

    KIND = "URL"
    NEEDS = r"https?://|www\."
    PATTERNS = (
        Pattern("url_medium", r"(?P<id>\b(?:https?://|www\.)[^\s<>\"')]+)", 0.4),
    )
    CONTEXT = CARE_WORDS + ("profile", "gofundme", "his", "her", "family")


class SocialHandleRecognizer(PatternRecognizer):
    """``@jen_runs`` when a care word is near (an @ reply alone is not an identifier)."""

    KIND = "HANDLE"
    NEEDS = r"@"
    PATTERNS = (
        Pattern("handle_weak", r"(?<![\w@.])(?P<id>@[A-Za-z0-9_.]{2,30})\b", 0.25),
    )
    CONTEXT = CARE_WORDS + ("dm", "dmed", "messaged", "told me", "her account", "his account")
    REQUIRE_CONTEXT = True
