"""Text normalisation that sees through obfuscation while keeping offsets.

Posts hide words with zero-width characters, homoglyphs, leetspeak (``r3tard``) and spaced or
dotted letters (``h.i.p.a.a``, ``s l u t``). The classifier reads the normalised text; every
normalised character remembers the offset of the original character it came from, so evidence
found in the normalised text can be pointed at in what the user wrote.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

ZERO_WIDTH = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"))
HOMOGLYPHS = str.maketrans(
    "аеорсухіјѕԁԛԝаеӏАВЕКМНОРСТХІЈЅαβεικνορτυχ",
    "aeopcyxijsdqwaelabekmhopctxijsabeiknoptux",
)
LEET = str.maketrans("0134578@$!|", "oieastbasil")
# Each expression below is led by a character class, not a lookbehind or a word boundary, where that
# can be done: the regular-expression engine then skips to the next candidate character instead of
# trying every position. ``_QUICK_CHECKS`` holds, for the others, such a cheaper expression that finds a
# match exactly when the rewrite has one.
_LEET_RUN = re.compile(r"[0134578@$!|](?<=[a-z].)[0134578@$!|]*(?=[a-z])")  # a run inside a word
_SPACED = re.compile(r"\b(?:[a-z0-9][ .\-_*]){2,}[a-z0-9]\b")
_REPEAT = re.compile(r"([a-z])\1{2,}")
_SPACES = re.compile(r"\s{2,}|[\t\n\r\f\v]")
_QUICK_CHECKS = {
    _SPACED: re.compile(r"[ .\-_*](?<=\b[a-z0-9].)(?:[a-z0-9][ .\-_*])+[a-z0-9]\b"),
    _REPEAT: re.compile(r"([a-z])\1\1"),
    _SPACES: re.compile(r"\s(?:\s|(?<=[\t\n\r\f\v]))"),
}


@dataclass(frozen=True)
class Normalized:
    """Normalised text and, for each of its characters, the offset in the original text."""

    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the normalised text back to the original text."""
        if start >= end or not self.offsets:
            return (0, 0)
        return self.offsets[start], self.offsets[end - 1] + 1


def _rewrite(text: str, offsets: list[int], pattern: re.Pattern, repl) -> tuple[str, list[int]]:
    """Apply ``repl(match) -> str``; replacements take the first matched char's offset."""
    pieces, spots, last = [], [], 0
    for match in pattern.finditer(text):
        start, end = match.span()
        pieces.append(text[last:start])
        spots += offsets[last:start]
        new = repl(match)
        if len(new) == end - start:
            spots += offsets[start:end]
        else:
            src = [i for i, ch in zip(offsets[start:end], match.group())
                   if not ch.isspace() and ch not in ".-_*"] or [offsets[start]]
            spots += (src + [src[-1]] * len(new))[: len(new)]
        pieces.append(new)
        last = end
    pieces.append(text[last:])
    spots += offsets[last:]
    return "".join(pieces), spots


_REWRITES = (
    (_LEET_RUN, lambda m: m.group().translate(LEET)),
    (_SPACED, lambda m: re.sub(r"[ .\-_*]", "", m.group())),
    (_REPEAT, lambda m: m.group(1) * 2),
    (_SPACES, lambda m: " "),
)


def normalize(text: str) -> Normalized:
    r"""Return the de-obfuscated, lower-cased, accent-free text with an offset map into ``text``.

    >>> normalize("r3t\u200bard").text
    'retard'
    """
    if text.isascii():
        folded, offsets = text.lower(), None
    else:
        chars, offsets = _fold(text)
        folded = "".join(chars)
    for pattern, repl in _REWRITES:
        if _QUICK_CHECKS.get(pattern, pattern).search(folded) is not None:
            folded, offsets = _rewrite(folded, list(range(len(folded))) if offsets is None else offsets,
                                       pattern, repl)
    return Normalized(folded, tuple(range(len(folded))) if offsets is None else tuple(offsets))


def _fold(text: str) -> tuple[list[str], list[int]]:
    """Lower-case ASCII runs whole; fold each other character (see ``_fold_char``)."""
    chars: list[str] = []
    offsets: list[int] = []
    last = 0
    for match in _NON_ASCII.finditer(text):
        i = match.start()
        chars += text[last:i].lower()
        offsets += range(last, i)
        folded = _fold_char(text[i])
        chars += folded
        offsets += [i] * len(folded)
        last = i + 1
    chars += text[last:].lower()
    offsets += range(last, len(text))
    return chars, offsets


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """One non-ASCII character: dropped if zero-width, else NFKC, accents stripped, homoglyphs mapped."""
    if ord(ch) in ZERO_WIDTH:
        return ""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", ch))
    return "".join(out for out in folded.translate(HOMOGLYPHS).lower() if not unicodedata.combining(out))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_INVISIBLE = re.compile("[" + "".join(map(chr, ZERO_WIDTH)) + "]")


def strip_invisible(text: str) -> Normalized | None:
    """``text`` without zero-width characters (case kept, for the identifier recognizers).

    None when there are none, so the common case costs one search.
    """
    if _INVISIBLE.search(text) is None:
        return None
    kept = [(i, ch) for i, ch in enumerate(text) if ord(ch) not in ZERO_WIDTH]
    return Normalized("".join(ch for _, ch in kept), tuple(i for i, _ in kept))
