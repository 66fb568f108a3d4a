import pytest

from classifiers.normalize import normalize

CASES = [
    ("r3t\u200bard", "retard"),
    ("h.i.p.a.a rules", "hipaa rules"),
    ("s l u t", "slut"),
    ("Ѕhit happens", "shit happens"),
    ("a$$hole", "asshole"),
    ("soooo tired", "soo tired"),
    ("Ｆｕｌｌ width", "full width"),
    ("¿Está bien?", "¿esta bien?"),
    ("take 10mg b12 daily", "take 10mg b12 daily"),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_normalize_sees_through_obfuscation(raw, expected):
    assert normalize(raw).text == expected


def test_offsets_point_into_the_original():
    raw = "you f\u200bu\u200bc\u200bk1ng r3tard"
    norm = normalize(raw)
    start = norm.text.index("retard")
    s, e = norm.span(start, start + len("retard"))
    assert raw[s:e] == "r3tard"
    assert len(norm.offsets) == len(norm.text)


TRICKY = ["a b c", "i have a cat", "x.y", "q-r-s-t", "ok  then", "line\nbreak", "tab\there", "aa", "aaa",
               "b00k", "1337", "p@$$word", "x 1 y", "é è ê", "  ", "\u3000\u3000", "a_b_c!", "z*z*z"]


def test_quick_checks_find_a_rewrite_exactly_when_it_has_a_match():
    """Each cheaper check in ``_QUICK_CHECKS`` must agree with the rewrite it stands in for, or text is left obfuscated."""
    from classifiers.dataset import load_corpus
    from classifiers.normalize import _QUICK_CHECKS

    texts = TRICKY + [r["text"].lower() for r in load_corpus()]
    for rewrite, quick in _QUICK_CHECKS.items():
        disagree = [t for t in texts if (rewrite.search(t) is None) != (quick.search(t) is None)]
        assert not disagree, (rewrite.pattern, disagree[:3])


def test_leetspeak_runs_are_found_exactly_where_a_lookbehind_first_expression_finds_them():
    """``_LEET_RUN`` starts with its character class for speed; its matches are those of the plain form."""
    import re

    from classifiers.dataset import load_corpus
    from classifiers.normalize import _LEET_RUN

    plain = re.compile(r"(?<=[a-z])[0134578@$!|]+(?=[a-z])")
    for text in TRICKY + ["h3ll0 w0rld", "a1b2c3", "x!!y", "p@$$w0rd!", "9am", "b|tch"] + \
            [r["text"].lower() for r in load_corpus()]:
        assert [m.span() for m in _LEET_RUN.finditer(text)] == [m.span() for m in plain.finditer(text)], text
