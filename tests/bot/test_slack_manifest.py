from pathlib import Path

import yaml

from bot.slack.app import COMMANDS, EVENTS, SHORTCUTS

MANIFEST = yaml.safe_load((Path(__file__).resolve().parents[2] / "manifest" / "slack.yml").read_text())


def test_every_manifest_command_shortcut_and_event_has_a_handler_and_back():
    features = MANIFEST["features"]
    assert {c["command"] for c in features["slash_commands"]} == set(COMMANDS)
    assert {s["callback_id"] for s in features["shortcuts"]} == set(SHORTCUTS)
    assert set(MANIFEST["settings"]["event_subscriptions"]["bot_events"]) == set(EVENTS)


def test_manifest_grants_the_scopes_the_handlers_use():
    scopes = set(MANIFEST["oauth_config"]["scopes"]["bot"])
    assert {"chat:write", "commands", "app_mentions:read", "im:history"} <= scopes
    assert MANIFEST["settings"]["interactivity"]["is_enabled"] is True
    assert MANIFEST["features"]["app_home"]["home_tab_enabled"] is True
