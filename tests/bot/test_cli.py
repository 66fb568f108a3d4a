"""The command line, run as a real subprocess of the installed console script."""

import json
import subprocess
import sys
from pathlib import Path

CLI = [str(Path(sys.executable).with_name("compliance-bot"))]


def run(*args, stdin: bytes = b""):
    return subprocess.run(CLI + list(args), input=stdin, capture_output=True, timeout=120)


def test_check_json_reports_labels_and_scores():
    out = run("check", "--json", "Use my code DRSAM20 for 20% off GlowLab serum, obsessed!!")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert "coi" in data["labels"] and set(data["scores"]) == {"privacy", "advice", "venting", "coi"}


def test_check_reads_stdin_and_prints_readable_text():
    out = run("check", stdin=b"Mrs. Alvarez in bed 3, MRN 00482913, went home today")
    text = out.stdout.decode()
    assert out.returncode == 0 and "Patient privacy" in text
    assert "00482913" not in text and "\033[" not in text  # not a terminal: no colour codes


def test_check_empty_text_is_a_clear_error():
    out = run("check", stdin=b"  \n")
    assert out.returncode == 2 and b"no text to check" in out.stderr


def test_jsonl_streams_in_order_and_reports_bad_lines():
    lines = b"\n".join([
        json.dumps({"id": "a", "text": "Use code SAVE20 for 20% off my favourite GlowLab serum"}).encode(),
        b"{not json",
        b'{"id": "bad-utf8", "text": "\xff\xfe"}',
        json.dumps({"id": "empty", "text": ""}).encode(),
        json.dumps({"id": "b", "text": "Long night, grateful for my team."}).encode(),
    ])
    out = run("check", "--jsonl", stdin=lines)
    rows = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [r["id"] for r in rows] == ["a", 2, 3, "empty", "b"]
    assert "coi" in rows[0]["labels"] and rows[4]["labels"] == []
    assert "JSON" in rows[1]["error"] and "UTF-8" in rows[2]["error"] and "no text" in rows[3]["error"]


def test_policy_lists_topics_and_finds_by_words():
    topics = run("policy").stdout.decode()
    assert all(t in topics for t in ("privacy", "advice", "venting", "coi", "reviews", "footprint"))
    found = run("policy", "yelp", "review").stdout.decode()
    assert "Replying to online reviews" in found and "https://" in found


def test_evaluate_prints_per_label_metrics(tmp_path):
    data = tmp_path / "mini.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in [
        {"id": "1", "text": "Use my code DRSAM20 for 20% off GlowLab serum!", "labels": ["coi"]},
        {"id": "2", "text": "Long night, grateful for my team.", "labels": []},
    ]))
    out = run("evaluate", str(data), "--json")
    metrics = json.loads(out.stdout)
    assert metrics["posts"] == 2 and "macro_f1" in metrics and metrics["per_label"]["coi"]["support"] == 1


def test_reply_review_gives_a_safe_reply_and_checks_the_draft(tmp_path):
    review = tmp_path / "review.txt"
    draft = tmp_path / "draft.txt"
    review.write_text("The billing office charged me twice and nobody calls back.")
    draft.write_text("Mrs. Okafor, our records show you were seen on 5/2 and you still owe $80. Pay it.")
    out = run("reply-review", "--review", str(review), "--draft", str(draft))
    text = out.stdout.decode()
    assert out.returncode == 0 and "(billing)" in text and "billing manager" in text
    assert "Patient privacy" in text and "Reply graciously" in text and "Okafor" not in text


def test_footprint_prints_the_checklist_with_links():
    out = run("footprint").stdout.decode()
    assert "1. Search your name" in out and "https://www.cms.gov/openpayments" in out


def test_audit_export_writes_csv_without_text(tmp_path):
    import os

    env = {**os.environ, "DATA_DIR": str(tmp_path), "AUDIT_SECRET": "s"}
    draft = "Mrs. Alvarez in bed 3, MRN 00482913, went home"
    from bot.config import Settings
    from bot.storage import Store
    from bot.storage.migrate import upgrade

    url = Settings(data_dir=tmp_path).db_url
    upgrade(url)
    Store(url).record_check(platform="slack", workspace="T1", channel="C1", entry_point="dm", user_hash="u" * 64,
                            text_hash="t" * 64, labels=["privacy"], scores={"privacy": 0.97}, verdict="high",
                            model_version="cb-x")
    out = subprocess.run(CLI + ["audit", "export", "--since", "2000-01-01", "--out", str(tmp_path / "a.csv")],
                         capture_output=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    text = (tmp_path / "a.csv").read_text()
    assert text.startswith("id,at,platform") and "privacy" in text and draft not in text
    bad = subprocess.run(CLI + ["audit", "export", "--since", "yesterday"], capture_output=True, env=env, timeout=60)
    assert bad.returncode != 0 and b"--since" in bad.stderr
