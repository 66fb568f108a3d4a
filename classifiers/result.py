"""The one analysis result every surface renders (CLI, Slack, Teams, web)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

LABELS = ("privacy", "advice", "venting", "coi")
TITLES = {
    "privacy": "Patient privacy (HIPAA)",
    "advice": "Individual medical advice",
    "venting": "Unprofessional conduct",
    "coi": "Undisclosed conflict of interest",
}
#: A finding's level is set by how far its score is above the label's threshold, as a share of
#: the room above it: margin = (score - threshold) / (1 - threshold).
LEVEL_BANDS = {"low": 0.0, "medium": 0.3, "high": 0.65}
#: Sensitivity settings shift every threshold by this amount (clipped to 0.05-0.95).
SENSITIVITY_SHIFT = {"strict": -0.10, "balanced": 0.0, "lenient": 0.10}


def level_for(score: float, threshold: float) -> str:
    """``low`` / ``medium`` / ``high`` for a score at or above ``threshold``."""
    margin = (score - threshold) / max(1e-9, 1.0 - threshold)
    return "high" if margin >= LEVEL_BANDS["high"] else "medium" if margin >= LEVEL_BANDS["medium"] \
        else "low"


@dataclass(frozen=True)
class Evidence:
    """A phrase or identifier that drove a finding; ``text`` has identifiers masked."""

    text: str
    start: int
    end: int
    source: str


@dataclass(frozen=True)
class Finding:
    """One flagged risk, how sure the model is, why, and which guideline applies."""

    label: str
    title: str
    score: float
    level: str
    threshold: float
    evidence: list[Evidence]
    guideline_id: str


@dataclass(frozen=True)
class DraftResult:
    """The verdict on one draft found in the message (one per version)."""

    start: int
    end: int
    version: str | None
    labels: list[str]
    scores: dict[str, float]
    redacted: str


@dataclass(frozen=True)
class AnalysisResult:
    """Everything the engine says about one message.

    ``labels`` and ``scores`` cover every draft in the message (a label is flagged when any
    version carries it), unless the user says which version they will post ("going with v2"):
    then they are that version's (``chosen_draft``). ``drafts`` gives each version's own verdict.
    """

    labels: list[str]
    scores: dict[str, float]
    verdict: str
    findings: list[Finding]
    redacted: str
    redacted_clear: bool
    still_to_change: list[str]
    model_version: str
    sensitivity: str = "balanced"
    wrapped: bool = False
    drafts: list[DraftResult] = field(default_factory=list)
    notice: str = ""
    chosen_draft: int | None = None

    def to_dict(self) -> dict:
        """JSON-serialisable form."""
        return asdict(self)
