#!/usr/bin/env python3
"""Load benchmark: start `compliance-bot serve` on loopback, drive it with concurrent signed Slack
events, Teams activities and API checks, and print throughput and p50/p95/p99 latency per route.

Slack: time to acknowledgement (HTTP response) and to the answer reaching a mock Slack Web API.
Teams: time to the HTTP response and to the reply reaching a mock connector. Beside them, the
engine's in-process cost per post for comparison, and the server's peak resident memory with all
its worker processes.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from aiohttp import ClientSession, TCPConnector, web

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SECRET = "loadtest-signing-secret"
DRAFTS = [
    "Mrs. Alvarez in bed 3 (MRN 00482913) finally went home today after 3 weeks",
    "Use my code GLOW20 for 20% off the GlowLab serum, obsessed!!",
    "Long night, grateful for my team.",
    "@jen that sounds like shingles, ask for valacyclovir 1 g three times a day",
    "Another frequent flyer at 3am demanding dilaudid, these people are exhausting",
    "Patients with diabetes should check their feet daily; ask your own clinician about a foot exam.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))] if values else float("nan")


def peak_rss_mb(pid: int) -> float:
    """VmHWM (peak resident set) of a process and all its descendants, in MB."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
            stack += [int(c) for c in children]
        except (OSError, StopIteration):
            continue
    return total / 1024


async def arrival(seen: dict[str, float], key: str, start: float, into: list[float], timeout: float = 5.0) -> None:
    """Wait for ``key`` to reach a sink, then record the time since ``start``."""
    deadline = time.perf_counter() + timeout
    while key not in seen and time.perf_counter() < deadline:
        await asyncio.sleep(0.005)
    if key in seen:
        into.append(seen[key] - start)


class Sinks:
    """Mock Slack Web API and Bot Connector: record when each answer arrives."""

    def __init__(self) -> None:
        self.slack_posted: dict[str, float] = {}
        self.teams_replied: dict[str, float] = {}
        self.app = web.Application()
        self.app.router.add_post("/api/{method}", self.slack)
        self.app.router.add_post("/v3/conversations/{cid}/activities/{aid}", self.teams)
        self.app.router.add_post("/v3/conversations/{cid}/activities", self.teams)

    async def slack(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method == "auth.test":
            return web.json_response({"ok": True, "user_id": "UBOT", "bot_id": "B1", "team_id": "T1"})
        body = await request.json() if request.content_type == "application/json" else {}
        if method == "chat.postMessage":
            self.slack_posted[body.get("channel", "")] = time.perf_counter()
        return web.json_response({"ok": True, "ts": "1.1"})

    async def teams(self, request: web.Request) -> web.Response:
        self.teams_replied[request.match_info["cid"]] = time.perf_counter()
        return web.json_response({"id": "r"})


async def run(args) -> None:
    sinks = Sinks()
    runner = web.AppRunner(sinks.app, access_log=None)
    await runner.setup()
    mock_port = free_port()
    await web.TCPSite(runner, "127.0.0.1", mock_port).start()
    mock = f"http://127.0.0.1:{mock_port}"
    port = free_port()
    data = tempfile.mkdtemp(prefix="cb-load-")
    env = {**os.environ, "PORT": str(port), "SLACK_BOT_TOKEN": "xoxb-load", "SLACK_SIGNING_SECRET": SECRET,
           "SLACK_API_URL": mock + "/api/", "DATA_DIR": data, "WORKERS": str(args.workers), "LOG_LEVEL": "WARNING"}
    server = subprocess.Popen([str(Path(sys.executable).with_name("compliance-bot")), "serve"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        async with ClientSession(connector=TCPConnector(limit=args.concurrency)) as session:
            for _ in range(300):
                try:
                    async with session.get(base + "/readyz") as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
                await asyncio.sleep(0.1)
            results = {"slack": [], "slack_post": [], "api": [], "teams": [], "teams_reply": []}
            semaphore = asyncio.Semaphore(args.concurrency)

            async def slack_event(i: int) -> None:
                body = json.dumps({"type": "event_callback", "team_id": "T1", "event_id": f"Ev{i}",
                                   "event": {"type": "message", "channel_type": "im", "channel": f"D{i}",
                                             "user": "U1", "text": DRAFTS[i % len(DRAFTS)], "ts": f"{i}.1"}}).encode()
                ts = str(int(time.time()))
                sig = "v0=" + hmac.new(SECRET.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
                async with semaphore:
                    start = time.perf_counter()
                    async with session.post(base + "/slack/events", data=body, headers={
                            "Content-Type": "application/json", "X-Slack-Request-Timestamp": ts,
                            "X-Slack-Signature": sig}) as r:
                        await r.read()
                    results["slack"].append(time.perf_counter() - start)
                    await arrival(sinks.slack_posted, f"D{i}", start, results["slack_post"])

            async def api_check(i: int) -> None:
                async with semaphore:
                    start = time.perf_counter()
                    async with session.post(base + "/api/check", json={"text": DRAFTS[i % len(DRAFTS)]}) as r:
                        await r.read()
                    results["api"].append(time.perf_counter() - start)

            async def teams_message(i: int) -> None:
                activity = {"type": "message", "id": f"m{i}", "serviceUrl": mock, "channelId": "msteams",
                            "from": {"id": "29:u"}, "recipient": {"id": "28:b"}, "text": DRAFTS[i % len(DRAFTS)],
                            "conversation": {"id": f"a:{i}", "conversationType": "personal"}}
                async with semaphore:
                    start = time.perf_counter()
                    async with session.post(base + "/api/messages", json=activity) as r:
                        await r.read()
                    results["teams"].append(time.perf_counter() - start)
                    await arrival(sinks.teams_replied, f"a:{i}", start, results["teams_reply"])

            timings = {}
            for name, job in (("slack", slack_event), ("api", api_check), ("teams", teams_message)):
                started = time.perf_counter()
                await asyncio.gather(*(job(i) for i in range(args.requests)))
                timings[name] = time.perf_counter() - started
        rss = peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(10)
        await runner.cleanup()

    from classifiers.engine import Engine

    engine = Engine.load()
    engine.analyze("warm up")
    costs = []
    for i in range(300):
        t0 = time.perf_counter()
        engine.analyze(DRAFTS[i % len(DRAFTS)])
        costs.append(time.perf_counter() - t0)

    print(f"{args.requests} requests per route, {args.concurrency} concurrent clients, {args.workers} worker(s)")
    print(f"{'route':<34}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    rows = [("POST /slack/events (ack)", "slack", "slack"), ("  ...to chat.postMessage", "slack_post", "slack"),
            ("POST /api/check", "api", "api"), ("POST /api/messages (turn)", "teams", "teams"),
            ("  ...to the reply at the connector", "teams_reply", "teams")]
    for label, key, phase in rows:
        values = results[key]
        print(f"{label:<34}{len(values) / timings[phase]:>8.0f}{pct(values, 50) * 1000:>9.1f}"
              f"{pct(values, 95) * 1000:>9.1f}{pct(values, 99) * 1000:>9.1f}")
    print(f"{'engine in-process, per post':<34}{1 / statistics.mean(costs):>8.0f}{pct(costs, 50) * 1000:>9.1f}"
          f"{pct(costs, 95) * 1000:>9.1f}{pct(costs, 99) * 1000:>9.1f}")
    print(f"server peak resident memory (with workers): {rss:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=300, help="requests per route")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
