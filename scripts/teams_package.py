#!/usr/bin/env python3
"""Build the Teams app package (manifest.json, icons, zip) for a Teams admin to upload."""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.teams.package import DEFAULT_APP_ID, build  # noqa: E402

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("build/teams"))
    parser.add_argument("--app-id", default=os.environ.get("MICROSOFT_APP_ID") or DEFAULT_APP_ID,
                        help="the bot's Microsoft App ID (default: $MICROSOFT_APP_ID)")
    parser.add_argument("--host", default="compliance-bot.example.org", help="public host name of the server")
    args = parser.parse_args()
    print(build(args.out, args.app_id, args.host))
