"""The platform-neutral answer: what every surface shows for an analysis result.

Adapters render an ``Answer`` (Block Kit, Adaptive Card, HTML, terminal); none of them decides
wording or content.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from classifiers import guidelines
from classifiers.guidelines import Guideline
from classifiers.result import AnalysisResult

from . import messages


@dataclass(frozen=True)
class Link:
    """A resource: a button when its URL is confirmed, else text naming publisher and title."""

    label: str
    url: str | None


@dataclass(frozen=True)
class Card:
    """A guideline card."""

    topic: str
    title: str
    summary: str
    dos: list[str]
    donts: list[str]
    links: list[Link]
    unconfirmed: list[str]


@dataclass(frozen=True)
class FindingView:
    """One finding as shown to people."""

    label: str
    title: str
    level: str
    confidence: int
    evidence: list[str]
    guideline: Card


@dataclass(frozen=True)
class Answer:
    """What to tell the user about one analysed draft."""

    verdict: str
    headline: str
    emoji: str
    findings: list[FindingView]
    safer_version: str | None
    still_to_change: list[str]
    versions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    notice: str = ""
    tips: list[str] = field(default_factory=list)
    org_policy: Link | None = None
    labels: list[str] = field(default_factory=list)
    redacted: str = ""


@dataclass(frozen=True)
class OrgSettings:
    """What an organisation configured: its own policy, privacy officer, emergency number."""

    sensitivity: str | None = None
    policy_url: str | None = None
    privacy_officer: str | None = None
    emergency_number: str = "911"

    @property
    def policy_link(self) -> Link | None:
        """The organisation's policy as a link, if set."""
        return Link(messages.ORG_POLICY, self.policy_url) if self.policy_url else None


def resource_links(resources, links: int = 3, unconfirmed: int = 1) -> tuple[list[Link], list[str]]:
    """Confirmed resources as link buttons; unconfirmed ones only as publisher and title."""
    shown = [Link(f"{r.publisher.split(' (')[0]}: {r.title}", r.url) for r in resources if r.confirmed][:links]
    named = [f"{r.publisher}, “{r.title}”" for r in resources if not r.confirmed][:unconfirmed]
    return shown, named


def guideline_card(g: Guideline) -> Card:
    """A card for one guideline."""
    return Card(g.id, g.title, g.summary, list(g.dos), list(g.donts), *resource_links(g.resources))


def build_answer(result: AnalysisResult, has_files: bool = False, guideline: str | None = None,
                 org: OrgSettings | None = None) -> Answer:
    """Turn an analysis result into the answer every platform renders.

    ``guideline`` replaces every finding's guideline (the review-reply helper uses ``reviews``).
    """
    from .coaching import tips_for

    findings = [
        FindingView(f.label, f.title, messages.LEVEL_WORDS[f.level], round(f.score * 100),
                    [e.text for e in f.evidence], guideline_card(guidelines.guideline(guideline or f.guideline_id)))
        for f in result.findings
    ]
    safer = result.redacted if result.labels and result.redacted_clear else None
    versions = []
    if len(result.drafts) > 1:
        for i, d in enumerate(result.drafts, 1):
            name = d.version or f"version {i}"
            if result.chosen_draft == i - 1:
                name += messages.VERSION_CHOSEN
            versions.append(f"{name}: " + (", ".join(d.labels) if d.labels else "clear"))
    org = org or OrgSettings()
    notes = [messages.IMAGES_NOT_ANALYSED] if has_files else []
    if result.verdict == "high" and org.privacy_officer and "privacy" in result.labels:
        notes.append(messages.ALREADY_POSTED.format(officer=org.privacy_officer))
    return Answer(result.verdict, messages.VERDICT_HEADLINE[result.verdict],
                  messages.VERDICT_EMOJI[result.verdict], findings, safer, list(result.still_to_change),
                  versions, notes, result.notice, tips_for(result.labels, org.emergency_number), org.policy_link,
                  list(result.labels), result.redacted)
