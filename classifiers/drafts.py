"""Find the draft that would be published inside what the user pasted.

People paste drafts wrapped in their own words ("is this ok to post?"), in quotes, code fences or
``>`` quote blocks, as numbered threads (1/4 .. 4/4), or as several versions ("v1: ... v2: ...").
The wrapper is not published, so it is not judged as the post; each version is its own draft.
Every draft keeps, for each of its characters, the offset in the original message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WRAPPER = re.compile(
    r"\b(?:ok(?:ay)?|alright|safe|fine|appropriate|allowed|hipaa[- ]?(?:safe|ok|compliant)|legal)\b"
    r".{0,40}\b(?:post|share|say|publish|tweet|put|upload)|"
    r"\b(?:can|could|should|may) i (?:post|say|share|publish|tweet|put|use)\b|"
    r"\b(?:is|does|would|will) (?:this|it|that) (?:ok|okay|fine|look|sound|read|pass|work|get me|cross)|"
    r"\b(?:thoughts|feedback|sanity check|be honest|lmk|too much|any concerns|red flags?|"
    r"what do (?:you|u|y'all) think|how does this (?:sound|look|read)|pls check|please check|"
    r"check (?:this|my)|review (?:this|my)|before i (?:post|send|hit)|about to (?:post|send)|"
    r"planning to (?:post|share)|going to post|gonna post|wrote this|drafted|draft|caption|"
    r"my (?:pr|comms|marketing) (?:person|team)|here'?s (?:my|what)|here is (?:my|what)|"
    r"puedo (?:publicar|postear|subir|poner)|est[aá] bien (?:publicar|postear|subir)|qu[eé] opinan|"
    r"which (?:one|version|is better|do you prefer)|better\?|borrador)\b",
)  # matched against lower-cased text: much cheaper than re.IGNORECASE


def asks_about_posting(text: str) -> bool:
    """Whether ``text`` reads like the user's own words around a draft ("is this ok to post?")."""
    return WRAPPER.search(text.lower()) is not None
_FENCE = re.compile(r"```[^\n]*\n?(.*?)```", re.DOTALL)
_QUOTE_BLOCK = re.compile(r"(?:^[ \t]*>[^\n]*(?:\n|$))+", re.MULTILINE)
_QUOTED = re.compile(r"[\"“]([^\"”]{40,})[\"”]|'([^'\n]{60,})'", re.DOTALL)
_VERSION = re.compile(
    r"^[ \t]*(?:\*\*)?(?:v(?:ersion)?[ \t]?\d+|option[ \t]?[a-d1-4]|draft[ \t]?[a-d1-4]|version[ \t]?[a-d]|"
    r"[a-d]\)|opci[oó]n[ \t]?[a-d1-4])(?:\*\*)?[ \t]*[:.)\-–]+[ \t]*",
    re.IGNORECASE | re.MULTILINE,
)
_THREAD = re.compile(r"(?:^|(?<=\s))\(?(\d{1,2})\s?/\s?(\d{1,2})?\)?(?=[\s:.)]|$)|^[ \t]*(\d{1,2})[).][ \t]",
                     re.MULTILINE)
_MARK = re.compile(r"\d(?:\s?/|[).])")  # what every thread mark ends with: a digit, then "/", ")" or "."
_HEDGE = re.compile(r"\b(?:not|no|never|don'?t|won'?t|isn'?t|instead|rather|says?|said|thinks?|wants?|should|would|"
                    r"could|maybe|might|or|no voy|nunca|mejor)\b|n't\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^\n.!?]*(?:[.!?]+|\n|$)")
_CHOICE = re.compile(
    r"\b(?:going with|go with|posting|i'?ll (?:post|use|go with)|i will (?:post|use)|picking|sticking with|"
    r"subo|publico|voy con|me quedo con)[ \t]+(?:the[ \t]+|la[ \t]+|el[ \t]+)?"
    r"(?:v(?:ersion)?|option|draft|opci[oó]n|versi[oó]n)[ \t]?([a-d1-9])\b(?![ \t]*(?:or|o|and|y|/)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Draft:
    """One draft: its text and, per character, the offset into the original message."""

    text: str
    offsets: tuple[int, ...]
    label: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        """Where the draft starts and ends in the original message."""
        return (self.offsets[0], self.offsets[-1] + 1) if self.offsets else (0, 0)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the draft text to the original message."""
        if start >= end or not self.offsets:
            return (0, 0)
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Extraction:
    """The drafts found in a message and the wrapper text around them."""

    drafts: list[Draft]
    wrapper: str = ""
    wrapped: bool = False
    #: Index of the version the user says they will post ("going with v2"), if they say so.
    chosen: int | None = None


def _draft(message: str, segments: list[tuple[int, int]], label: str | None = None) -> Draft:
    pieces: list[str] = []
    offsets: list[int] = []
    for start, end in segments:
        piece = message[start:end]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if not piece:
            continue
        if pieces:
            pieces.append("\n")
            offsets.append(start + lead)
        pieces.append(piece)
        offsets.extend(range(start + lead, start + lead + len(piece)))
    return Draft("".join(pieces), tuple(offsets), label)


def _outside(message: str, segments: list[tuple[int, int]]) -> str:
    pieces, last = [], 0
    for start, end in sorted(segments):
        pieces.append(message[last:start])
        last = max(last, end)
    pieces.append(message[last:])
    return " ".join(p.strip(" \t\n\"“”'`") for p in pieces if p.strip(" \t\n\"“”'`"))


def _strip_wrapper(message: str, start: int, end: int, versions: bool = False) -> tuple[list[tuple[int, int]], str]:
    """Drop wrapper sentences at the start and end of ``message[start:end]``.

    After the last of several versions, a closing "going with v2" is the user's too.
    """
    sentences = [(m.start() + start, m.end() + start) for m in _SENTENCE.finditer(message[start:end])
                 if m.group().strip()]
    wrapper: list[str] = []

    def is_wrapper(span: tuple[int, int]) -> bool:
        text = message[span[0] : span[1]]
        return len(text.split()) <= 25 and (asks_about_posting(text) or text.rstrip().endswith(":"))

    while len(sentences) > 1 and is_wrapper(sentences[0]):
        wrapper.append(message[sentences[0][0] : sentences[0][1]])
        sentences.pop(0)
    while len(sentences) > 1 and (is_wrapper(sentences[-1]) and "?" in message[slice(*sentences[-1])]
                                  or versions and _CHOICE.search(message[slice(*sentences[-1])])):
        wrapper.append(message[sentences[-1][0] : sentences[-1][1]])
        sentences.pop()
    if not sentences:
        return [(start, end)], ""
    return [(sentences[0][0], sentences[-1][1])], " ".join(w.strip() for w in wrapper)


def _versions(message: str) -> list[Draft]:
    marks = list(_VERSION.finditer(message))
    if len(marks) < 2:
        return []
    drafts = []
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(message)
        segments, _ = _strip_wrapper(message, mark.end(), end, versions=i == len(marks) - 1)
        draft = _draft(message, segments, mark.group().strip(" \t*:.)-–"))
        if draft.text:
            drafts.append(draft)
    return drafts if len(drafts) >= 2 else []


def chosen_version(message: str, versions: list[Draft]) -> int | None:
    """The version the user's own words say will be posted ("going with v2", "subo la v2"), if any.

    The post that would be published is the one judged; the other versions are still reported.
    """
    words, last = [], 0
    for start, end in sorted(d.span for d in versions):
        words.append(message[last:start])
        last = max(last, end)
    words.append(message[last:])
    keys = [(d.label or "").strip().lower()[-1:] for d in versions]
    picked = set()
    for sentence in _SENTENCE.finditer("\n".join(words)):
        text = sentence.group()
        if "?" in text or _HEDGE.search(text):
            continue  # "not posting v1", "should I go with v2?", "my boss says going with v1": not a choice
        picked |= {m.group(1).lower() for m in _CHOICE.finditer(text)}
    matches = [i for i, key in enumerate(keys) if key and key in picked]
    return matches[0] if len(picked) == 1 and len(matches) == 1 else None


def _label_before(message: str, start: int) -> str | None:
    """The version name ("v1:", "Option B)") that opens the line a quoted draft starts on, if any."""
    head = message[message.rfind("\n", 0, start) + 1 : start]
    mark = _VERSION.match(head)
    if mark is None or head[mark.end() :].strip(" \t\"“'`"):
        return None
    return mark.group().strip(" \t*:.)-–")


def _thread(message: str) -> list[tuple[int, int]]:
    first = _MARK.search(message)
    if first is None or _MARK.search(message, first.end()) is None:
        return []  # a cheap pre-check: a thread has at least two marks ("1/", "2)", "(2/4)", "１/")
    marks = [m for m in _THREAD.finditer(message)]
    numbers = [int(m.group(1) or m.group(3)) for m in marks]
    if len(marks) < 2 or numbers[:2] != [1, 2]:
        return []
    segments = []
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(message)
        segments.append((mark.end(), end))
    return segments


def extract_drafts(message: str) -> Extraction:
    """Return the drafts inside ``message`` (the whole message when it wraps nothing).

    >>> extract_drafts('is this ok to post? "Flu shots are in, walk-ins welcome all week!"').drafts[0].text
    'Flu shots are in, walk-ins welcome all week!'
    """
    blocks = [(m.start(1), m.end(1)) for m in _FENCE.finditer(message)]
    if not blocks:
        quote_blocks = list(_QUOTE_BLOCK.finditer(message)) if ">" in message else []
        if quote_blocks:
            drafts = []
            for block in quote_blocks:
                lines = [(m.start(1), m.end(1)) for m in
                         re.finditer(r"^[ \t]*>[ \t]?([^\n]*)", block.group(), re.MULTILINE)]
                drafts.append(_draft(message, [(block.start() + s, block.start() + e) for s, e in lines]))
            spans = [(b.start(), b.end()) for b in quote_blocks]
            return Extraction([d for d in drafts if d.text] or [_draft(message, [(0, len(message))])],
                              _outside(message, spans), True)
    asked, outside = None, message
    if not blocks:
        outside = _QUOTED.sub(" ", message)
        asked = asks_about_posting(outside)
        if asked or len(outside.split()) <= 3:
            blocks = [m.span(1) if m.group(1) else m.span(2) for m in _QUOTED.finditer(message)]
    if blocks:
        drafts = [d for d in (_draft(message, [block], _label_before(message, block[0])) for block in blocks)
                  if d.text]
        if drafts:
            chosen = chosen_version(message, drafts) if len(drafts) > 1 else None
            return Extraction(drafts, _outside(message, blocks), True, chosen)
    versions = _versions(message)
    if versions:
        spans = [d.span for d in versions]
        return Extraction(versions, _outside(message, spans), True, chosen_version(message, versions))
    thread = _thread(message)
    if thread:
        draft = _draft(message, thread)
        return Extraction([draft], _outside(message, [draft.span]), True)
    if asked is False and outside == message and ":" not in message:
        return Extraction([_draft(message, [(0, len(message))])])  # no sentence in it can be a wrapper
    segments, wrapper = _strip_wrapper(message, 0, len(message))
    return Extraction([_draft(message, segments)], wrapper, bool(wrapper))
