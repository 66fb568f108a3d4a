import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_stats(corpus: Path):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "corpus_stats.py"), "--corpus", str(corpus)],
                          capture_output=True, text=True, timeout=120)


def test_committed_corpus_meets_every_quota():
    out = run_stats(ROOT / "classifiers" / "corpus")
    assert out.returncode == 0, out.stdout[-3000:]
    assert "corpus OK" in out.stdout


def test_malformed_line_and_near_duplicate_fail(tmp_path):
    sentence = "the lady in bed three keeps pressing the call light all night long"
    rows = [{"id": "a", "text": sentence, "labels": ["privacy"], "platform": "twitter"},
            {"id": "b", "text": sentence.capitalize() + "!", "labels": [], "platform": "twitter"}]
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n")
    out = run_stats(tmp_path)
    assert out.returncode == 1
    assert "malformed line" in out.stdout and "only" in out.stdout
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert "near-duplicate: a and b" in run_stats(tmp_path).stdout
