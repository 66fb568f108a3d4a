"""Device identifiers and serial numbers."""

from .base import Pattern, PatternRecognizer


class DeviceSerialRecognizer(PatternRecognizer):
    """``SN: PX-22019-B``, ``serial #4471-AB``, ``pacemaker serial 88120``, ``device ID 0xA19F``."""

    KIND = "SERIAL"
    NEEDS = r"\b(?:sn|s/n|serial|device id|udi|lot|n[uú]mero de serie)"
    PATTERNS = (
        Pattern("serial_strong", r"\b(?:s/?n|serial(?: number| no\.?| #)?|device id|udi|lot|"
                r"n[uú]mero de serie)\s*[:#]?\s*(?P<id>(?=[\w\-]*\d)[a-z0-9][a-z0-9\-]{3,24})\b", 0.8),
    )
