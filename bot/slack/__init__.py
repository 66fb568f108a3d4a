"""Slack adapter: slack-bolt's AsyncApp, translating Slack payloads to and from the bot service."""
