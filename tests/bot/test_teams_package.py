"""The Teams package validates offline: fields, GUID, semver, lengths, icons, commands <-> handlers."""

import json
import re
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

from PIL import Image

from bot.teams.bot import BOT_COMMANDS, EXTENSION_COMMANDS, ComplianceTeamsBot

ROOT = Path(__file__).resolve().parents[2]


def build(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "teams_package.py"), "--out", str(tmp_path)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return Path(out.stdout.strip())


def test_package_zip_holds_a_valid_manifest_and_icons(tmp_path):
    package = build(tmp_path)
    with zipfile.ZipFile(package) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(archive.read("manifest.json"))
        archive.extractall(tmp_path / "unzipped")
    for key in ("$schema", "manifestVersion", "version", "id", "developer", "name", "description", "icons",
                "accentColor", "bots", "composeExtensions", "validDomains", "webApplicationInfo"):
        assert key in manifest, key
    assert str(uuid.UUID(manifest["id"])) == manifest["id"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", manifest["version"])
    assert manifest["$schema"].endswith(f"v{manifest['manifestVersion']}/MicrosoftTeams.schema.json")
    assert len(manifest["name"]["short"]) <= 30 and len(manifest["name"]["full"]) <= 100
    assert len(manifest["description"]["short"]) <= 80 and len(manifest["description"]["full"]) <= 4000
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", manifest["accentColor"])
    color = Image.open(tmp_path / "unzipped" / "color.png")
    outline = Image.open(tmp_path / "unzipped" / "outline.png")
    assert color.size == (192, 192) and outline.size == (32, 32) and outline.mode == "RGBA"
    assert outline.getpixel((0, 0))[3] == 0  # transparent background
    rsc = {p["name"] for p in manifest["authorization"]["permissions"]["resourceSpecific"]}
    assert {"ChannelMessage.Read.Group", "ChatMessage.Read.Chat"} <= rsc


def test_every_command_has_a_handler_and_every_handler_is_listed(tmp_path):
    manifest = json.loads((build(tmp_path).parent / "manifest.json").read_text())
    for command_list in manifest["bots"][0]["commandLists"]:
        assert len(command_list["commands"]) <= 10
        assert {c["title"] for c in command_list["commands"]} == set(BOT_COMMANDS)
    (extension,) = manifest["composeExtensions"]
    assert len(extension["commands"]) <= 10
    assert {c["id"] for c in extension["commands"]} == set(EXTENSION_COMMANDS)
    assert set(extension["commands"][0]["context"]) == {"message", "compose"}
    handlers = ("on_teams_messaging_extension_fetch_task", "on_teams_messaging_extension_submit_action",
                "on_message_activity")
    assert all(getattr(ComplianceTeamsBot, name).__qualname__.startswith("ComplianceTeamsBot") for name in handlers)
    from bot.conversation import parse_command

    assert all(parse_command(c)[0] == c for c in BOT_COMMANDS)
