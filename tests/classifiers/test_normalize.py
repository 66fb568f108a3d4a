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
