"""Names and initials of people near care words."""

from .base import CARE_WORDS, Pattern, PatternRecognizer

_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Sr|Sra|Srta|Don|Doña)\.?"
_CAP = r"[A-Z][a-zà-ÿ'\-]{1,20}"


class PersonNameRecognizer(PatternRecognizer):
    """``Mrs. Alvarez``, ``pt John Carter``, ``patient J.D.``, ``my patient Maria``."""

    KIND = "NAME"
    FLAGS = 0
    PATTERNS = (
        Pattern("title_name_medium", rf"\b{_TITLE}\s+(?P<id>{_CAP}(?:\s+{_CAP})?)", 0.55,
                needs=r"\b(?:mr|mrs|ms|miss|mx|sr|sra|srta|don|doña)\b"),
        Pattern("care_word_full_name_strong",
                rf"(?i:\b(?:pt|patient|paciente|resident|client|kiddo|baby|mom|dad)\b)\s+"
                rf"(?:named\s+|called\s+)?(?P<id>{_CAP}\s+{_CAP}|{_CAP}|[A-Z]\.\s?[A-Z]\.?|[A-Z]{{2,3}}\b)",
                0.6, needs=r"\b(?:pt|patient|paciente|resident|client|kiddo|baby|mom|dad)\b"),
        Pattern("name_said_weak", rf"\b(?P<id>{_CAP}\s+{_CAP})\s+(?:\(\d{{2}}\)|,\s*\d{{2}}\s*(?:y/?o|yo))",
                0.55, needs=r"\(\d\d\)|\d\d\s*y"),
        Pattern("initials_weak", r"(?<![\w.])(?P<id>[A-Z]\.\s?[A-Z]\.)(?![\w.])", 0.3, needs=r"\.(?<=[a-z]\.)\s?[a-z]\."),
    )
    CONTEXT = CARE_WORDS

    _NOT_NAMES = frozenset(
        "The This That Today Tonight Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
        "January February March April May June July August September October November December "
        "HIPAA ER ED ICU OR MD DO NP PA RN CDC FDA CMS NHS US USA UK EMR EHR DM PSA MRN DOB ID OK "
        "Zero Care Safety Health Doctor Dr Nurse Hospital Clinic God Jesus Happy Merry "
        "Is Was And But In On At Of To For With".split()
    )

    def invalidate_result(self, matched: str) -> bool:
        """Drop common capitalised words that follow care words but are not names."""
        first = matched.split()[0].strip(".")
        return first in self._NOT_NAMES or matched.strip(".") in self._NOT_NAMES
