import json

import pytest

from classifiers.engine import MAX_CHARS, InputError
from classifiers.result import LABELS

RISKY = {
    "privacy": "Mrs. Alvarez in bed 3 (DOB 1/2/1931, MRN 00482913) finally went home today after 3 weeks.",
    "advice": "@jen that sounds like shingles, ask for valacyclovir 1 g three times a day for 7 days.",
    "venting": "Another frequent flyer drug seeker at 3am demanding dilaudid. These idiots are why I drink.",
    "coi": "Obsessed with the new GlowLab vitamin C serum!! Use my code DRSAM20 for 20% off, link in bio",
}
CLEAN = [
    "Patients with diabetes should check their feet daily. Ask your own clinician about a foot exam.",
    "Our clinic gave 1,200 flu shots this season. Proud of this team!",
    "Reminder: finish your HIPAA module by Friday.",
    "Long night, grateful for my team.",
]


@pytest.mark.parametrize("label", LABELS)
def test_when_draft_carries_a_risk_then_it_is_flagged_with_evidence(engine, label):
    result = engine.analyze(RISKY[label])
    assert label in result.labels
    finding = next(f for f in result.findings if f.label == label)
    assert finding.evidence and finding.guideline_id == label
    assert finding.score >= finding.threshold
    assert result.verdict in {"review", "high"}


@pytest.mark.parametrize("text", CLEAN)
def test_when_draft_is_clean_then_verdict_is_clear(engine, text):
    result = engine.analyze(text)
    assert result.labels == [] and result.verdict == "clear" and result.findings == []
    assert "not a compliance guarantee" in result.notice


def test_result_is_json_serialisable_with_every_score(engine):
    data = json.loads(json.dumps(engine.analyze(RISKY["coi"]).to_dict()))
    assert set(data["scores"]) == set(LABELS)
    assert all(0.0 <= v <= 1.0 for v in data["scores"].values())
    assert data["model_version"].startswith("cb-")


def test_identifiers_are_never_repeated_verbatim_in_evidence(engine):
    result = engine.analyze(RISKY["privacy"])
    shown = json.dumps([e.text for f in result.findings for e in f.evidence])
    for identifier in ("Alvarez", "1/2/1931", "00482913"):
        assert identifier not in shown
    assert "[NAME]" in result.redacted and "[ID NUMBER]" in result.redacted
    assert "00482913" not in result.redacted


def test_evidence_offsets_point_into_the_original_message(engine):
    message = 'is this ok to post? "Use my code DRSAM20 for 20% off the GlowLab serum, obsessed!!"'
    finding = engine.analyze(message).findings[0]
    for e in finding.evidence:
        assert 0 <= e.start < e.end <= len(message)
    assert any(message[e.start:e.end].lower() == "use my code" for e in finding.evidence)


def test_versions_are_reported_each(engine):
    message = ("v1: Obsessed with GlowLab serum, use my code DRSAM20 for 20% off!\n"
               "v2: Vitamin C serums can help with sun damage; ask your dermatologist which suits you.\n"
               "which one?")
    result = engine.analyze(message)
    assert len(result.drafts) == 2
    assert "coi" in result.drafts[0].labels and result.drafts[1].labels == []
    assert "coi" in result.labels


def test_the_version_the_user_will_post_decides_the_verdict(engine):
    message = ("v1: Obsessed with GlowLab serum, use my code DRSAM20 for 20% off!\n"
               "v2: Vitamin C serums can help with sun damage; ask your dermatologist which suits you.\n"
               "going with v2")
    result = engine.analyze(message)
    assert result.chosen_draft == 1
    assert "coi" in result.drafts[0].labels, "the other version is still reported"
    assert result.labels == [] and result.verdict == "clear"
    assert "GlowLab" not in result.redacted


def test_wrapper_facts_about_author_count_for_coi_only(engine):
    wrapped = engine.analyze('fyi they pay me for this and sent free samples. ok to post? '
                             '"The new Lumina CGM has been great for my patients who hate fingersticks."')
    bare = engine.analyze("The new Lumina CGM has been great for my patients who hate fingersticks.")
    assert wrapped.scores["coi"] >= bare.scores["coi"]


def test_redacted_version_is_checked_again(engine):
    result = engine.analyze("DOB 3/4/1950, MRN 00482913: Our clinic gave 1,200 flu shots this season.")
    assert "[DATE]" in result.redacted and "[ID NUMBER]" in result.redacted
    assert isinstance(result.redacted_clear, bool)
    assert result.redacted_clear == (result.still_to_change == [])


def test_sensitivity_shifts_thresholds(engine):
    strict = engine.thresholds_for("strict")
    lenient = engine.thresholds_for("lenient")
    assert all(strict[k] < lenient[k] for k in LABELS)
    with pytest.raises(InputError):
        engine.thresholds_for("paranoid")


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_gets_a_clear_message(engine, text):
    with pytest.raises(InputError, match="no text"):
        engine.analyze(text)


def test_text_over_the_limit_is_refused_with_the_limit(engine):
    with pytest.raises(InputError, match="100,000"):
        engine.analyze("a" * (MAX_CHARS + 1))


def test_long_text_is_analysed_whole_not_only_a_prefix(engine):
    filler = "Hydration matters in summer and sunscreen matters all year. " * 1700
    text = filler[: MAX_CHARS - 200] + " Mrs. Alvarez in bed 3, MRN 00482913, DOB 1/2/1931."
    assert len(text) <= MAX_CHARS
    result = engine.analyze(text)
    assert "privacy" in result.labels
    evidence = [e for f in result.findings for e in f.evidence]
    assert any(e.start > len(text) - 60 for e in evidence)


def test_batch_and_single_agree(engine):
    texts = list(RISKY.values()) + CLEAN
    batch = engine.analyze_many(texts)
    assert [r.labels for r in batch] == [engine.analyze(t).labels for t in texts]


def test_zero_width_characters_do_not_split_an_identifier(engine):
    result = engine.analyze("Mrs. Alvarez, MRN 1234\u200b5678, went home from bed 4 today")
    assert "5678" not in result.redacted and "[ID NUMBER]" in result.redacted


def test_lone_surrogates_are_analysed_not_refused(engine):
    result = engine.analyze("pt in bed 4 tonight \ud83d lol")
    assert "privacy" in result.scores and result.redacted


def test_model_versions_differ_when_the_code_or_the_corpus_does():
    from classifiers.training import model_version

    base = model_version("a" * 64, "b" * 64, "c" * 64)
    assert base.startswith("cb-") and base == model_version("a" * 64, "b" * 64, "c" * 64)
    assert len({base, model_version("d" * 64, "b" * 64, "c" * 64), model_version("a" * 64, "d" * 64, "c" * 64),
                model_version("a" * 64, "b" * 64, "d" * 64)}) == 4


def test_engine_code_digest_is_the_same_on_every_checkout(tmp_path):
    """Windows line endings and hidden folders (editor or notebook copies) do not change it; an edit does."""
    import shutil
    from pathlib import Path

    import classifiers
    from classifiers.training import engine_code_sha256

    package = Path(classifiers.__file__).parent
    copy = tmp_path / "classifiers"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "corpus"))
    for path in copy.rglob("*.py"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    (copy / ".ipynb_checkpoints").mkdir()
    (copy / ".ipynb_checkpoints" / "engine-checkpoint.py").write_text("x = 1\n")
    assert engine_code_sha256(copy) == engine_code_sha256(package)
    (copy / "engine.py").write_text((copy / "engine.py").read_text() + "\n# changed\n")
    assert engine_code_sha256(copy) != engine_code_sha256(package)
