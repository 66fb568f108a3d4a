"""Build the Teams app package: manifest.json, colour and outline icons, and the zip an admin uploads."""

from __future__ import annotations

import json
import uuid
import zipfile
from pathlib import Path

from .bot import BOT_COMMANDS, EXTENSION_COMMANDS

MANIFEST_VERSION = "1.22"
SCHEMA = f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
#: Used when no MICROSOFT_APP_ID is given, so local packages are stable; real installs pass their own.
DEFAULT_APP_ID = "5a6f3c1e-2b7d-4c8e-9f10-1a2b3c4d5e6f"
COMMAND_TEXT = {
    "help": "What I do and how to use me",
    "policy": "Look up social-media guidelines: policy <topic or words>",
    "reply-review": "Get a safe reply to a patient review, and check yours",
    "footprint": "Your digital-footprint self-audit (footprint status for progress)",
    "forget-me": "Delete what the bot keeps about you",
    "reminders": "Scheduled do's and don'ts: reminders add weekdays 09:00 | list | remove <id>",
    "monitor": "Team owners: monitor on | off | status (private risk notes to authors)",
    "settings": "Organisation settings: settings | settings sensitivity strict (team owners)",
}


def manifest(app_id: str = DEFAULT_APP_ID, host: str = "compliance-bot.example.org", version: str = "1.0.0") -> dict:
    """The app manifest; every command here maps to a handler (a test checks both ways)."""
    commands = [{"title": c, "description": COMMAND_TEXT[c]} for c in BOT_COMMANDS]
    return {
        "$schema": SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": version,
        "id": str(uuid.UUID(app_id)),
        "developer": {"name": "compliance-bot", "websiteUrl": f"https://{host}/",
                      "privacyUrl": f"https://{host}/#privacy", "termsOfUseUrl": f"https://{host}/#terms"},
        "name": {"short": "compliance-bot", "full": "compliance-bot: social media checks for clinicians"},
        "description": {
            "short": "Check draft posts for privacy, advice, conduct and COI risks.",
            "full": "Send a draft social-media post and get each risk it carries (patient privacy, individual "
                    "medical advice, unprofessional conduct, undisclosed conflicts of interest), how sure the "
                    "check is, the phrases that triggered it, a safer version with identifiers redacted, and the "
                    "guideline with links. Results of channel @mentions are sent to you privately.",
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": "#1D4E89",
        "bots": [{"botId": str(uuid.UUID(app_id)), "scopes": ["personal", "team", "groupChat"],
                  "supportsFiles": False, "isNotificationOnly": False,
                  "commandLists": [{"scopes": ["personal", "team", "groupChat"], "commands": commands}]}],
        "composeExtensions": [{"botId": str(uuid.UUID(app_id)), "commands": [
            {"id": EXTENSION_COMMANDS[0], "type": "action", "title": "Check this post",
             "description": "Check a message or a draft for privacy, advice, conduct and COI risks",
             "context": ["message", "compose"], "fetchTask": True}]}],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [host],
        "webApplicationInfo": {"id": str(uuid.UUID(app_id)), "resource": f"api://{host}/{app_id}"},
        "authorization": {"permissions": {"resourceSpecific": [
            {"name": "ChannelMessage.Read.Group", "type": "Application"},
            {"name": "ChatMessage.Read.Chat", "type": "Application"}]}},
    }


def icons(directory: Path) -> tuple[Path, Path]:
    """Draw the colour (192x192) and the transparent white outline (32x32) icons."""
    from PIL import Image, ImageDraw

    color = Image.new("RGBA", (192, 192), (29, 78, 137, 255))
    draw = ImageDraw.Draw(color)
    draw.polygon([(96, 28), (150, 48), (144, 118), (96, 164), (48, 118), (42, 48)], fill=(255, 255, 255, 255))
    draw.line([(70, 98), (90, 118), (124, 76)], fill=(29, 78, 137, 255), width=12)
    outline = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    draw = ImageDraw.Draw(outline)
    draw.polygon([(16, 3), (26, 7), (25, 19), (16, 28), (7, 19), (6, 7)], outline=(255, 255, 255, 255), width=2)
    draw.line([(11, 16), (15, 20), (21, 11)], fill=(255, 255, 255, 255), width=2)
    paths = directory / "color.png", directory / "outline.png"
    color.save(paths[0])
    outline.save(paths[1])
    return paths


def build(out_dir: Path, app_id: str = DEFAULT_APP_ID, host: str = "compliance-bot.example.org") -> Path:
    """Write manifest.json, the icons and ``compliance-bot-teams.zip`` into ``out_dir``; return the zip."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "manifest.json").write_text(json.dumps(manifest(app_id, host), indent=2) + "\n")
    color, outline = icons(out_dir)
    package = out_dir / "compliance-bot-teams.zip"
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in (out_dir / "manifest.json", color, outline):
            archive.write(path, path.name)
    return package
