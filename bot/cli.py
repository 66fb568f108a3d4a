"""The ``compliance-bot`` command line: check, policy, evaluate, train, serve."""

from __future__ import annotations

import argparse
import json
import sys

from classifiers.artifact import ModelError
from classifiers.inputs import InputError, validate
from classifiers.result import SENSITIVITY_SHIFT

from . import render_text

BATCH = 256


def _engine():
    from classifiers.engine import Engine

    try:
        return Engine.load()
    except ModelError as exc:
        sys.exit(f"error: {exc}")


def cmd_check(args) -> int:
    """Check one draft (argument or stdin), or JSONL lines with ``--jsonl``."""
    engine = _engine()
    if args.jsonl:
        return check_jsonl(engine, sys.stdin.buffer, sys.stdout, args.sensitivity)
    text = " ".join(args.text) if args.text else sys.stdin.read()
    try:
        result = engine.analyze(text, args.sensitivity)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_text.render(result, color=sys.stdout.isatty()))
    return 0


def check_jsonl(engine, lines, out, sensitivity: str = "balanced") -> int:
    """Stream ``{"id","text"}`` lines to one result line each, in input order; bad lines get errors."""
    batch: list[tuple[object, str | None, str]] = []

    def flush() -> None:
        good = [(i, t) for i, err, t in batch if err is None]
        results = iter(engine.analyze_many([t for _, t in good], sensitivity)) if good else iter(())
        for ident, err, _ in batch:
            row = {"id": ident, "error": err} if err else {"id": ident, **next(results).to_dict()}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        out.flush()
        batch.clear()

    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        ident, error, text = number, None, ""
        try:
            try:
                record = json.loads(raw.decode("utf-8"))
            except json.JSONDecodeError as exc:
                raise ValueError(f"not valid JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise ValueError("expected a JSON object with \"id\" and \"text\"")
            ident = record.get("id", number)
            text = record.get("text")
            validate(text)
        except UnicodeDecodeError:
            error = f"line {number}: not valid UTF-8"
        except (ValueError, InputError) as exc:
            error = f"line {number}: {exc}"
        batch.append((ident, error, text))
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    return 0


def cmd_policy(args) -> int:
    """Show guideline cards for a topic or words; no words lists the topics."""
    from .conversation import policy_reply

    reply = policy_reply(" ".join(args.words))
    if reply.kind == "error":
        print(reply.text)
        return 1
    if reply.kind == "topics":
        print(reply.text)
        print("\n".join(f"  {card.topic:<12} {card.title}" for card in reply.cards))
        return 0
    print("\n\n".join(render_text.render_card(card) for card in reply.cards))
    return 0


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        sys.exit(f"error: cannot read {path}: {exc}")


def cmd_reply_review(args) -> int:
    """A safe reply to a patient review, and the check of your draft reply (nothing is stored)."""
    from .coaching import safe_review_reply

    review = _read(args.review)
    if not review.strip():
        print("error: the review file is empty", file=sys.stderr)
        return 2
    topic, reply = safe_review_reply(review)
    print(f"A safe reply you can adapt ({topic.replace('_', ' ')}):\n\n{reply}\n")
    if args.draft:
        try:
            result = _engine().analyze(_read(args.draft))
        except InputError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print("Your draft reply:")
        print(render_text.render(result, color=sys.stdout.isatty(), guideline="reviews"))
    return 0


def cmd_footprint(args) -> int:
    """Print the digital-footprint self-audit checklist with its links."""
    from .coaching import footprint_steps

    for number, step in enumerate(footprint_steps(), 1):
        print(f"{number}. {step['title']}: {step['detail']}")
        for link in step["links"]:
            print(f"   → {link.label}: {link.url}")
    return 0


def cmd_audit(args) -> int:
    """``audit export [--since DATE] [--out FILE]`` or ``audit purge``, on the configured database."""
    from datetime import UTC, datetime

    from . import audit
    from .config import Settings
    from .storage import Store
    from .storage.migrate import upgrade

    settings = Settings.from_env()
    upgrade(settings.db_url)
    store = Store(settings.db_url)
    if args.action == "purge":
        print(f"deleted {audit.purge(store, settings.audit_retention_days)} audit rows older than "
              f"{settings.audit_retention_days} days")
        return 0
    since = None
    if args.since:
        try:
            since = datetime.fromisoformat(args.since).replace(tzinfo=UTC)
        except ValueError:
            sys.exit(f"error: --since must be a date like 2026-01-31, not {args.since!r}")
    if args.out:
        with open(args.out, "w", newline="", encoding="utf-8") as handle:
            count = audit.export_csv(store, handle, since)
        print(f"wrote {count} rows to {args.out}", file=sys.stderr)
    else:
        audit.export_csv(store, sys.stdout, since)
    return 0


def cmd_evaluate(args) -> int:
    """Score a labelled JSONL file: per-label precision, recall, F1, clean posts flagged."""
    from classifiers.evaluation import evaluate_file
    from classifiers.metrics import format_report

    metrics = evaluate_file(_engine(), args.file, args.sensitivity)
    print(json.dumps(metrics, indent=2) if args.json else format_report(metrics))
    return 0


def cmd_train(args) -> int:
    """Retrain from the corpus and write the artifact and model card."""
    from classifiers.training import train

    train(n_jobs=args.jobs)
    return 0


def cmd_serve(args) -> int:
    """Start the server (web chat, JSON API, and Slack / Teams when configured)."""
    from .server import serve

    serve(host=args.host, port=args.port)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests)."""
    parser = argparse.ArgumentParser(prog="compliance-bot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check a draft post (argument or stdin)")
    check.add_argument("text", nargs="*")
    mode = check.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="print the analysis result as JSON")
    mode.add_argument("--jsonl", action="store_true", help='read {"id","text"} lines on stdin')
    policy = sub.add_parser("policy", help="look up guidelines by topic or words")
    policy.add_argument("words", nargs="*")
    evaluate = sub.add_parser("evaluate", help="measure the classifier on a labelled JSONL file")
    evaluate.add_argument("file")
    evaluate.add_argument("--json", action="store_true")
    for p in (check, evaluate):
        p.add_argument("--sensitivity", choices=tuple(SENSITIVITY_SHIFT), default="balanced")
    review = sub.add_parser("reply-review", help="a safe reply to a patient review, and a check of yours")
    review.add_argument("--review", required=True, help="file with the review ('-' for stdin)")
    review.add_argument("--draft", help="file with your draft reply")
    sub.add_parser("footprint", help="the digital-footprint self-audit checklist")
    audit = sub.add_parser("audit", help="export the audit trail as CSV, or purge old rows")
    audit.add_argument("action", choices=("export", "purge"))
    audit.add_argument("--since", help="first day to export (YYYY-MM-DD)")
    audit.add_argument("--out", help="CSV file (default: stdout)")
    train = sub.add_parser("train", help="retrain the model from classifiers/corpus/")
    train.add_argument("--jobs", type=int, default=2)
    serve = sub.add_parser("serve", help="start the server")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    for name, p in sub.choices.items():
        p.set_defaults(func=globals()[f"cmd_{name.replace('-', '_')}"])
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``compliance-bot`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
