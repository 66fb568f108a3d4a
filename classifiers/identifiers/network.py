"""IP addresses."""

from .base import Pattern, PatternRecognizer


class IpAddressRecognizer(PatternRecognizer):
    """``10.0.3.7``, ``192.168.1.20``; vetoes version-like strings with octets over 255."""

    KIND = "IP"
    PATTERNS = (
        Pattern("ipv4_medium", r"(?<![\d.])(?P<id>(?:\d{1,3}\.){3}\d{1,3})(?![\d.])", 0.6, needs=r"\.(?<=\d\.)\d"),
        Pattern("ipv6_medium", r"\b(?P<id>(?:[0-9a-f]{1,4}:){4,7}[0-9a-f]{1,4})\b", 0.6, needs=r":(?<=[0-9a-f]:)[0-9a-f]"),
    )
    CONTEXT = ("ip", "address", "logged", "portal", "login", "server")

    def invalidate_result(self, matched: str) -> bool:
        """Reject dotted quads that cannot be IPv4 addresses."""
        if ":" in matched:
            return False
        return any(int(part) > 255 for part in matched.split("."))
