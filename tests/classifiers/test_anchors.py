"""The anchor index only skips patterns that had nothing to find."""

import re

import pytest

from classifiers.anchors import AnchorIndex, finditer_from, starts
from classifiers.cues import cue_groups, find_cues
from classifiers.dataset import load_corpus
from classifiers.normalize import normalize


@pytest.mark.parametrize("pattern, matches, skipped", [
    (r"\b(?:fuck\w*|f\*+\w*|sh[i1]t)\b", ["what the fuck", "f**k this", "sh1t"], ["fine", "shoot", "afuck"]),
    (r"(?<!\S)#(?:ad|sponsored)\b", ["loving it #ad", "#sponsored post"], ["ad", "#a d"]),
    (r"\bmy (?:mom|dad)\b", ["my mom is 90"], ["mymom", "my mother"]),
    (r"\b\d+ ?mg\b", ["take 5 mg"], ["take some mg"]),  # starts with a digit: runs when there is one
    (r"^\s*@\w+", ["@jen hi", "  @jen"], ["jen hi", "jen\nhi"]),  # starts anywhere, but needs an "@"
    (r"^\s*\w+", ["jen hi"], []),  # cannot be told: always runs
    (r"(?a:\bcode)", ["écode"], []),  # ASCII word boundaries: always runs
    (r"(?<![^\w])foo", ["afoo"], []),  # not a word start: matched as a substring
])
def test_a_pattern_runs_when_it_can_match_and_is_skipped_when_it_cannot(pattern, matches, skipped):
    regex = re.compile(pattern)
    index = AnchorIndex([regex])
    for text in matches:
        assert regex.search(text) and index.locate(text).keys() == {0}, text
    for text in skipped:
        assert not regex.search(text), text
        assert 0 in index.always or not index.locate(text), text


def test_every_match_starts_where_the_index_says_one_can():
    """``locate`` names, for each pattern it keeps, what every match must start with: every position
    where the pattern matches at all, since a cue group runs its patterns as one expression."""
    from classifiers.cues import _anchor_index

    index, owners = _anchor_index()
    regexes = [re.compile(pattern, re.MULTILINE) for _, pattern in owners]
    texts = [normalize(r["text"]).text for r in load_corpus()[::40]]
    for text in texts + ["my patient, my pt", "#ad #ad", "take 5mg, 10 mg x2 daily", "@jen\n @bo"]:
        found = index.locate(text)
        for i, regex in enumerate(regexes):
            matches = [at for at in range(len(text) + 1) if regex.match(text, at)]
            if matches:
                assert i in found, (text, owners[i])
                if found[i] is not None:
                    assert set(matches) <= set(starts(text, found[i])), (text, owners[i])


@pytest.mark.parametrize("pattern, text", [
    (r"\bcode\w*", "code codes encode code"),
    (r"a*", "baaab"),  # empty matches: finditer's own rule decides what follows one
    (r"\b(?:my (?:pt|patient)|pt)\b", "my pt saw my patient and the pt"),
    (r"(?<=x)y|y", "xy y yy"),
])
def test_matching_only_where_a_match_can_start_gives_finditer_s_matches(pattern, text):
    regex = re.compile(pattern)
    every = list(range(len(text) + 1))
    expected = [m.span() for m in regex.finditer(text)]
    assert [m.span() for m in finditer_from(regex, text, every)] == expected
    assert [m.span() for m in finditer_from(regex, text, None)] == expected
    exact = sorted({m.start() for m in regex.finditer(text)})
    if all(e > s for s, e in expected):
        assert [m.span() for m in finditer_from(regex, text, exact)] == expected


def test_cues_with_the_index_equal_every_pattern_run_on_every_post():
    posts = [normalize(r["text"]).text for r in load_corpus()]
    posts += ["f*ck this sh1t", "n1gg", "#ad", "mi mamá", "¿y tú?", "r e t a r d", "@doc take 5mg"]
    for text in posts:
        brute = [(g.name, m.start(), m.end()) for g in cue_groups() for m in g.regex.finditer(text)
                 if m.end() > m.start()]
        assert [(c.group, c.start, c.end) for c in find_cues(text)] == brute, text



def test_recognizers_behind_the_index_find_what_every_recognizer_finds():
    from classifiers.identifiers import default_registry
    from classifiers.identifiers.base import lower_same_length

    registry = default_registry()
    posts = [r["text"] for r in load_corpus()]
    posts += ["MRS. ALVAREZ IN ROOM 12 TODAY", "DOB 1/2/1931, MRN 00482913", "İstanbul pt in bed 4",
              "logged in from 10.0.3.7", "plate 7KJM203", "SN: PX-22019-B"]
    for text in posts:
        lowered = lower_same_length(text)
        brute = sorted((s for r in registry.recognizers for s in r.analyze(text, lowered)),
                       key=lambda s: (s.start, -s.score))
        assert registry.analyze(text) == brute, text


def test_remembered_words_are_forgotten_when_the_memory_is_full(monkeypatch):
    """The per-word memory is bounded; emptying it changes no answer."""
    import classifiers.anchors as anchors

    monkeypatch.setattr(anchors, "_CACHED_WORDS", 3)
    regex = re.compile(r"\b(?:codes?|promo)\b")
    index = AnchorIndex([regex])
    texts = ["use code X", "a b c d e", "promo here", "nothing", "codes and promo", "code"]
    for _ in range(2):
        assert [set(index.locate(t)) for t in texts] == [{0}, set(), {0}, set(), {0}, {0}]
        assert len(index._memory[0]) <= 5


def test_a_memory_emptied_by_another_thread_midway_costs_no_pattern(monkeypatch):
    """The engine serves concurrent requests: one thread may empty the shared memory while another is
    halfway through a post. Forced here at every step, the answers must stay those of a fresh index."""
    regexes = [re.compile(p) for p in (r"\bcodes?\b", r"\bpromo\w*", r"\bmy patient\b", r"#ad\b", r"\b\d+ ?mg\b")]
    texts = [normalize(r["text"]).text for r in load_corpus()[:300]] + ["use code X", "promo promo code", "b12 promo"]
    expected = [set(AnchorIndex(regexes).locate(t)) for t in texts]
    shared = AnchorIndex(regexes)
    work_out = shared._word_hits

    def interrupted(word):
        shared._memory = (set(), {})  # what another thread starting a new memory does
        return work_out(word)

    for _ in range(2):
        assert [set(shared.locate(t)) for t in texts] == expected
        monkeypatch.setattr(shared, "_word_hits", interrupted)


def test_long_tokens_and_words_with_digits_are_not_remembered():
    """The memory stays small whatever the input, and keeps no record or phone numbers from drafts."""
    index = AnchorIndex([re.compile(r"\bpromo\w*"), re.compile(r"\bb12\b")])
    text = "promo" + "x" * 5000 + " b12 mrn 48213377 promo"
    assert set(index.locate(text)) == {0, 1}
    assert index._memory[0] == {"promo", "mrn"}
