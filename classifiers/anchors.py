r"""Skip the regular expressions a text cannot match, judged from the words it contains.

Scanning every post with every cue pattern and every recognizer's pre-check costs more than
anything else the engine does, yet most patterns cannot match most posts: each alternative starts
with a literal (``\bfuck\w*``, ``\bcode\b``, ``#ad``) or a digit, and a post none of whose words
start with one of those literals cannot match. The literals are read from each pattern's parse tree;
where they cannot be told, the pattern always runs, so a skipped pattern is one that had no match to
find (``tests/classifiers/test_anchors.py`` checks this on the whole corpus).

The same literals say where in the post a match can start, so a pattern that may match is tried
only there (``finditer_from``), not at every position of the post.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parser the re module itself uses
from re import _parser

_WORD = re.compile(r"\w+")
_WORD_CLASSES = {sre.CATEGORY_WORD, sre.CATEGORY_UNI_WORD}
_DIGIT_CLASSES = {sre.CATEGORY_DIGIT, sre.CATEGORY_UNI_DIGIT}
_DIGIT = re.compile(r"\d")
_WORD_START_DIGIT = re.compile(r"\d(?<!\w\d)")  # led by \d, so the engine skips straight to digits
_CASE_OR_ASCII = sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_ASCII
#: Stands for "any digit" among the literals a match can begin with (``\d+ mg``).
DIGIT = object()


_MAX_LITERALS = 128
#: Distinct words whose patterns are remembered; the memory is emptied when full.
_CACHED_WORDS = 100_000
_MAX_LENGTH = 16


def _is_word_class(items) -> bool:
    r"""Whether ``items`` is exactly ``\w``."""
    return len(items) == 1 and items[0][0] is sre.IN and len(items[0][1]) == 1 and \
        items[0][1][0][0] is sre.CATEGORY and items[0][1][0][1] in _WORD_CLASSES


def _step(op, av) -> tuple[set[tuple[str, bool]], bool] | None:
    """What one element can begin with (see ``_sequence``); None if unknown."""
    if op is sre.LITERAL:
        return {(chr(av), False)}, True
    if op is sre.IN and len(av) <= 4 and all(o is sre.LITERAL for o, _ in av):
        return {(chr(v), False) for _, v in av}, True
    if op is sre.IN and len(av) == 1 and av[0][0] is sre.CATEGORY and av[0][1] in _DIGIT_CLASSES:
        return {(DIGIT, False)}, False
    if op is sre.SUBPATTERN:
        _, add_flags, _, pattern = av
        return None if add_flags & _CASE_OR_ASCII else _sequence(pattern)
    if op is sre.BRANCH:
        found, complete = set(), True
        for alternative in av[1]:
            alt = _sequence(alternative)
            if alt is None:
                return None
            found |= alt[0]
            complete = complete and alt[1]
        return found, complete
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        inner = _sequence(av[2])
        return None if inner is None else (inner[0], False)  # one repetition, then unknown
    return None


def _sequence(items) -> tuple[set[tuple[str, bool]], bool] | None:
    r"""What every match of the sequence ``items`` begins with; None if that cannot be told.

    Returns ``(literal, must start a word)`` pairs, one of which starts every match (a ``\b`` or
    ``(?<!\w)`` before a literal means it starts a word), and whether the literals are the whole match.
    """
    found, lead = {("", False)}, False
    for op, av in items:
        if op is sre.AT:
            lead = lead or (found == {("", False)} and av in (sre.AT_BOUNDARY, sre.AT_UNI_BOUNDARY))
            continue
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            if found == {("", False)} and op is sre.ASSERT_NOT and av[0] == -1 and _is_word_class(list(av[1])):
                lead = True
            continue  # zero-width: lookarounds only narrow the match
        step = _step(op, av)
        if step is not None and any(b is DIGIT for b, _ in step[0]):
            if found != {("", False)}:
                return found, False
            return {(b, word or lead) for b, word in step[0]}, False
        combined = None if step is None else \
            {(a + b, starts if a else (word or lead)) for a, starts in found for b, word in step[0]}
        if combined is None or len(combined) > _MAX_LITERALS or max(len(a) for a, _ in combined) > _MAX_LENGTH:
            return (found, False) if found != {("", False)} else None
        found = combined
        if not step[1]:
            return found, False
    return (found, True) if found != {("", False)} else None


def _required(items) -> str:
    r"""The longest run of literal characters every match of ``items`` contains ("@" in ``^\s*@\w+``)."""
    best, run = "", ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            best = max(best, run, key=len)
        elif op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero-width items keep a run going
            run = ""
    return best


def _memorable(word: str) -> bool:
    """Whether a word's patterns are remembered: letters only, and no longer than any literal.

    Long tokens would make the memory grow with the input, and words with digits are the ones most
    likely to be record numbers or phone numbers from a draft; both are simply worked out each time.
    """
    return len(word) <= _MAX_LENGTH and word.isalpha()


class AnchorIndex:
    """For many patterns at once: which of them could match a given text.

    A literal of word characters that must start a word is looked up among the text's words by its
    first two characters; one that goes on past its first word ("my patient") is searched for only
    when that word is in the text and a word starts with its second word's first two characters;
    any other literal is searched for as a substring.
    """

    def __init__(self, patterns: list[re.Pattern]) -> None:
        """Index ``patterns`` (case-insensitive and ASCII-only ones always run)."""
        self.always: set[int] = set()
        self.by_prefix: dict[str, list[tuple[str, int]]] = {}
        self.by_word: dict[str, dict[str, list[tuple[str, int]]]] = {}  # first word -> probe -> literals
        self.digits: set[int] = set()  # a match may start at any digit
        self.digit_words: set[int] = set()  # a match starts with a digit that starts a word
        self.substrings: list[tuple[str, int]] = []
        self.required: list[tuple[str, int]] = []  # may start anywhere, but only with this literal in the text
        for i, pattern in enumerate(patterns):
            parsed = None if pattern.flags & (re.IGNORECASE | re.ASCII) else \
                _parser.parse(pattern.pattern, pattern.flags)
            found = None if parsed is None else _sequence(parsed)
            if found is None:
                literal = None if parsed is None else _required(parsed)
                if literal:
                    self.required.append((literal, i))
                else:
                    self.always.add(i)
                continue
            for literal, word_start in found[0]:
                if literal is DIGIT:
                    (self.digit_words if word_start else self.digits).add(i)
                    continue
                head = _WORD.match(literal) if word_start else None
                if head and head.end() == len(literal):
                    self.by_prefix.setdefault(literal[:2], []).append((literal, i))
                elif head:  # "my patient": the word "my" must be in the text, a word starting "pa", then all of it
                    later = [w for w in _WORD.findall(literal, head.end()) if len(w) >= 2][:1]  # each starts a word
                    probe = later[0][:2] if later else ""
                    self.by_word.setdefault(head.group(), {}).setdefault(probe, []).append((literal, i))
                else:
                    self.substrings.append((literal, i))
        self.one_letter = any(len(key) == 1 for key in self.by_prefix)
        # Words recur from post to post, so each word's patterns are worked out once: the words seen
        # so far, and those of them that start a pattern's literal (most words start none). Only
        # short words of letters are kept (see ``_memorable``); the memory lives in this process only.
        # Sharing it between threads relies on the interpreter lock: each set and dict operation
        # below is atomic, and a reader works on one snapshot of the memory.
        self._memory: tuple[set[str], dict[str, tuple[int, ...]]] = (set(), {})

    def _word_hits(self, word: str) -> tuple[int, ...]:
        """Patterns with a word-start literal that ``word`` begins with."""
        hits = [i for literal, i in self.by_prefix.get(word[:2], ()) if word.startswith(literal)]
        if self.one_letter and len(word) > 1:  # one-letter literals are filed under themselves
            hits += [i for _, i in self.by_prefix.get(word[:1], ())]
        return tuple(hits)

    def locate(self, text: str) -> dict[int, list | None]:
        """The patterns that may match ``text``, each with what a match of it must start with.

        That is a list of strings, one of which starts every match of the pattern in ``text`` (the
        literal, or a word of the text that begins with it; for a digit that starts a word, a tuple of
        the positions of such digits), or None when a match may start anywhere.
        The others certainly do not match.
        """
        heads: dict[int, list | None] = {}
        words = set(_WORD.findall(text))
        first_words = words & self.by_word.keys()
        if first_words:
            beginnings = {word[:2] for word in words}
            beginnings.add("")  # a literal without a probe is always looked for
            for word in first_words:
                by_probe = self.by_word[word]
                for probe in by_probe.keys() & beginnings:
                    for literal, i in by_probe[probe]:
                        if literal in text:
                            heads.setdefault(i, []).append(literal)
        seen, patterns = self._memory  # one read: another thread may start a new memory meanwhile
        new = words - seen
        if new:
            if len(seen) + len(new) > _CACHED_WORDS:
                seen, patterns, new = set(), {}, words
                self._memory = seen, patterns
            for word in new:
                found = self._word_hits(word)
                if not _memorable(word):
                    for i in found:
                        heads.setdefault(i, []).append(word)
                    continue
                if found:
                    patterns[word] = found
                seen.add(word)  # after its patterns: a word in ``seen`` has its entry, if it has one
        for word in words & patterns.keys():
            for i in patterns[word]:
                heads.setdefault(i, []).append(word)
        for literal, i in self.substrings:
            if literal in text:
                heads.setdefault(i, []).append(literal)
        if (self.digits or self.digit_words) and _DIGIT.search(text):
            if self.digit_words:
                digits = tuple([m.start() for m in _WORD_START_DIGIT.finditer(text)])
                for i in self.digit_words:
                    heads.setdefault(i, []).append(digits)
            heads.update(dict.fromkeys(self.digits))
        heads.update(dict.fromkeys(self.always))
        heads.update((i, None) for literal, i in self.required if literal in text)
        return heads


def starts(text: str, prefixes: list) -> list[int]:
    """Sorted positions in ``text`` where one of ``prefixes`` occurs (a tuple of positions: those)."""
    found = set()
    for prefix in set(prefixes):
        if type(prefix) is tuple:
            found.update(prefix)
            continue
        at = text.find(prefix)
        while at >= 0:
            found.add(at)
            at = text.find(prefix, at + 1)
    return sorted(found)


def matches_somewhere(regex: re.Pattern, text: str, heads: list | None) -> bool:
    """Whether ``regex`` matches in ``text``, given ``locate``'s heads for it (None: search it all)."""
    if heads is None:
        return regex.search(text) is not None
    return any(regex.match(text, at) for at in starts(text, heads))


def finditer_from(regex: re.Pattern, text: str, positions: list[int] | None):
    """``regex.finditer(text)``, given every position where a match may start (None: anywhere).

    The matches are the same: tried only where one can begin, in order, never inside the previous one.
    """
    if positions is None:
        yield from regex.finditer(text)
        return
    end = 0
    for at in positions:
        if at < end:
            continue
        match = regex.match(text, at)
        if match is None:
            continue
        if match.end() == at:  # an empty match: finditer's own rule for what follows one applies
            yield from regex.finditer(text, at)
            return
        yield match
        end = match.end()

