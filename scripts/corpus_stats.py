#!/usr/bin/env python3
"""Print the training corpus's counts and fail on a malformed line, a near-duplicate or a missed quota.

Near-duplicate: two posts sharing a sentence of eight words or more. The same check runs against
the shared evaluation posts, when present, so nothing from them leaks into training.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from classifiers.dataset import CORPUS_DIR, PLATFORMS, RecordError, read_jsonl  # noqa: E402
from classifiers.result import LABELS  # noqa: E402

EVAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
MIN_POSTS = 3000
MIN_PER_LABEL = 600
CLEAN_SHARE = (0.33, 0.47)
# Every kind of cue the labeling guide lists, with the label it must appear under, at least 5 times.
CUES = {
    "privacy: room or bed": ("privacy", r"\b(?:bed|room|rm|bay|cama)\s*#?\d"),
    "privacy: record/account number": ("privacy", r"\b(?:mrn|acct|account|member id|expediente|nhs)\b"),
    "privacy: phone": ("privacy", r"\(?\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4}|\+\d{2}"),
    "privacy: email": ("privacy", r"@[\w\-]+\.[a-z]{2,}"),
    "privacy: date of birth/visit": ("privacy", r"\b(?:dob|born|admitted|discharged)\b"),
    "privacy: age over 89": ("privacy", r"\b(?:9\d|1[01]\d)\s?(?:y/?o|yo|-?year|años|[mf]\b)"),
    "privacy: street address": ("privacy", r"\b\d{1,5}\s+\w+\s+(?:st|street|ave|avenue|rd|road|ln|lane|dr|drive)\b"),
    "privacy: vehicle plate": ("privacy", r"\b(?:plate|placas?|tag)\b"),
    "privacy: device serial": ("privacy", r"\b(?:serial|s/n|sn:)"),
    "privacy: photo in clinical area": ("privacy", r"\b(?:pic|photo|selfie|video|foto|x-?ray)\b"),
    "privacy: famous patient": ("privacy", r"\b(?:guess (?:which|who)|famous|celebrity|qb|quarterback|senator|mayor)\b"),
    "privacy: private message published": ("privacy", r"\b(?:dm|dmed|messaged|portal|after-?hours)\b"),
    "privacy: relative": ("privacy", r"\bmy (?:mom|dad|mother|father|sister|brother|aunt|uncle|grandma|cousin)\b"),
    "privacy: review reply": ("privacy", r"\byour (?:visit|appointment|procedure|bill|surgery|treatment)\b"),
    "advice: dose": ("advice", r"\b\d+\s?(?:mg|mcg|g|ml|units)\b"),
    "advice: send me photos/symptoms": ("advice", r"\b(?:dm|send|message|inbox|m[aá]ndame)\b.{0,30}\b(?:pic|photo|foto|symptoms)"),
    "advice: public figure": ("advice", r"\b(?:president|senator|governor|mayor|he should|she should)\b"),
    "venting: profanity": ("venting", r"\b(?:f\W?u?\W?c?k|sh\W?i?t|damn|wtf|mierda|pinche)"),
    "venting: slur": ("venting", r"r\W?[e3*]\W?tard|f\W?[a@*]\W?g|sp\W?[i1*]c|tranny|wetback|n\W?[i1*]gg|midget|whore|slut"),
    "venting: mocking patients": ("venting", r"\b(?:frequent fl[yi]er|drug seek|noncompliant|non-compliant)"),
    "venting: body mockery": ("venting", r"\b(?:whale|hippo|fat|obese|weight|specimen|smell)"),
    "venting: violent joke": ("venting", r"\b(?:punch|strangle|smother|shoot|stab|kill|bat|choke)"),
    "venting: alcohol or partying": ("venting", r"\b(?:drunk|wine|shots|tequila|beer|hungover|party)"),
    "venting: weapons": ("venting", r"\b(?:gun|glock|rifle|ar-?15|pistol|shotgun)\b"),
    "venting: insulting a practitioner": ("venting", r"\b(?:quack|hack|charlatan|incompetent)\b"),
    "venting: sexual innuendo": ("venting", r"\b(?:sexy|hot|seggs|that's what she said|thicc)\b"),
    "venting: employer or colleagues": ("venting", r"\b(?:admin|administration|management|hospital|residency|attending)\b"),
    "coi: promo code": ("coi", r"\b(?:code|c[oó]digo)\b"),
    "coi: affiliate or link in bio": ("coi", r"\b(?:affiliate|link in bio|referral)\b"),
    "coi: vague tag": ("coi", r"#(?:partner|collab|gifted)|pr box"),
    "coi: sponsored event or payment": ("coi", r"\b(?:dinner|sponsored|hosted by|honorari|speaker|paid)\b"),
}
TAG_QUOTAS = {"hard-negative": None, "wrapped": 0.10, "obfuscated": 0.03, "identifier": 0.10}
LANG_QUOTA = 0.05
SHORT_CHARS, LONG_CHARS = 100, 500


def sentences(text: str) -> list[str]:
    """Sentences of eight words or more, as lower-case word tuples joined by spaces."""
    out = []
    for piece in re.split(r"[.!?…\n]+", text.lower()):
        words = re.findall(r"\w+", piece)
        if len(words) >= 8:
            out.append(" ".join(words))
    return out


def near_duplicates(records: list[dict]) -> list[tuple[str, str, str]]:
    """Pairs of posts that share a sentence of eight words or more."""
    seen: dict[str, str] = {}
    dupes = []
    for r in records:
        for s in set(sentences(r["text"])):
            if s in seen and seen[s] != r["id"]:
                dupes.append((seen[s], r["id"], s))
            else:
                seen.setdefault(s, r["id"])
    return dupes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR)
    args = parser.parse_args(argv)
    problems: list[str] = []
    records = []
    for path in sorted(args.corpus.glob("*.jsonl")):
        try:
            records += read_jsonl(path)
        except RecordError as exc:
            problems.append(f"malformed line: {exc}")
    ids = Counter(r.get("id") for r in records)
    problems += [f"duplicate id {i}" for i, n in ids.items() if n > 1 or i is None]
    n = len(records)
    distinct = len({" ".join(r["text"].lower().split()) for r in records})
    labels = Counter(label for r in records for label in r["labels"])
    clean = [r for r in records if not r["labels"]]
    multi = sum(len(r["labels"]) >= 2 for r in records)
    tags = Counter(t for r in records for t in r.get("tags", []))
    langs = Counter(t for r in records for t in r.get("tags", []) if t.startswith("lang:"))
    platforms = Counter(r.get("platform") for r in records)
    sources = Counter(r.get("source", "written") for r in records)
    short = sum(len(r["text"]) < SHORT_CHARS for r in records)
    long = sum(len(r["text"]) >= LONG_CHARS or r["text"].count("\n\n") >= 2 for r in records)

    print(f"posts {n} (distinct {distinct}); sources {dict(sources)}")
    print("labels: " + ", ".join(f"{k} {labels[k]}" for k in LABELS) + f"; clean {len(clean)} "
          f"({len(clean) / max(1, n):.1%}); two or more labels {multi} ({multi / max(1, n):.1%})")
    print("tags: " + ", ".join(f"{k} {v}" for k, v in sorted(tags.items()) if not k.startswith("lang:")))
    print(f"languages other than English: {sum(langs.values())} {dict(langs)}")
    print("platforms: " + ", ".join(f"{k} {v}" for k, v in sorted(platforms.items(), key=str)))
    print(f"lengths: under {SHORT_CHARS} chars {short}; {LONG_CHARS}+ chars or three paragraphs {long}")

    if distinct < MIN_POSTS:
        problems.append(f"only {distinct} distinct posts (need {MIN_POSTS})")
    problems += [f"{k}: {labels[k]} positives (need {MIN_PER_LABEL})" for k in LABELS if labels[k] < MIN_PER_LABEL]
    if not CLEAN_SHARE[0] <= len(clean) / max(1, n) <= CLEAN_SHARE[1]:
        problems.append(f"clean share {len(clean) / max(1, n):.1%} outside {CLEAN_SHARE}")
    hard = sum("hard-negative" in r.get("tags", []) for r in clean)
    if hard < len(clean) / 2:
        problems.append(f"hard negatives {hard} are under half of {len(clean)} clean posts")
    if multi < 0.15 * n:
        problems.append(f"two-or-more-label posts {multi} under 15%")
    for tag, share in TAG_QUOTAS.items():
        if share and tags[tag] < share * n:
            problems.append(f"tag {tag}: {tags[tag]} under {share:.0%}")
    if sum(langs.values()) < LANG_QUOTA * n:
        problems.append(f"non-English posts {sum(langs.values())} under {LANG_QUOTA:.0%}")
    problems += [f"platform {p} missing" for p in PLATFORMS if not platforms[p]]
    if sources["template"] > n / 3:
        problems.append(f"template posts {sources['template']} over a third")
    if short < 0.1 * n or long < 0.1 * n:
        problems.append("lengths: need at least 10% one-liners and 10% long posts")
    for name, (label, pattern) in CUES.items():
        hits = sum(bool(re.search(pattern, r["text"], re.I)) for r in records if label in r["labels"])
        if hits < 5:
            problems.append(f"cue '{name}' covered by only {hits} {label} posts")
    dupes = near_duplicates(records)
    problems += [f"near-duplicate: {a} and {b} share “{s}”" for a, b, s in dupes[:50]]
    if len(dupes) > 50:
        problems.append(f"... {len(dupes) - 50} more near-duplicates")
    eval_sentences: dict[str, str] = defaultdict(str)
    for path in sorted(EVAL_DIR.glob("*.jsonl")) if EVAL_DIR.is_dir() else []:
        for r in read_jsonl(path):
            for s in sentences(r["text"]):
                eval_sentences[s] = r["id"]
    leaks = [(r["id"], s) for r in records for s in sentences(r["text"]) if s in eval_sentences]
    problems += [f"sentence shared with evaluation data: {i} “{s}”" for i, s in leaks]

    for problem in problems:
        print(f"FAIL {problem}")
    print("corpus OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
