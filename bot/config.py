"""Settings, read once from the environment (and a ``.env`` file), with safe local defaults.

With no Slack or Teams credentials the server still runs: the web chat and JSON API on
127.0.0.1, SQLite in ``./data``. Each platform switches on when its settings are present.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values

DEFAULT_PORT = 3978
SLACK_API_URL = "https://slack.com/api/"


def _env(values: dict[str, str], name: str, default: str | None = None) -> str | None:
    value = values.get(name, default)
    return value if value not in ("", None) else default


@dataclass(frozen=True)
class Settings:
    """Everything configurable, in one place."""

    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = SLACK_API_URL
    microsoft_app_id: str | None = None
    microsoft_app_password: str | None = None
    microsoft_app_type: str = "MultiTenant"
    microsoft_app_tenant_id: str | None = None
    database_url: str | None = None
    data_dir: Path = field(default_factory=lambda: Path("data"))
    api_key: str | None = None
    audit_secret: str | None = None
    workers: int = 1
    audit_retention_days: int = 365
    reminder_interval: float = 20.0
    sensitivity: str = "balanced"
    log_level: str = "INFO"

    @property
    def slack_enabled(self) -> bool:
        """Slack routes are on when a bot token and a signing secret (or an app token) are set."""
        return bool(self.slack_bot_token and (self.slack_signing_secret or self.slack_app_token))

    @property
    def teams_auth_enabled(self) -> bool:
        """Bot Framework authentication is on when an app id is set (its own convention)."""
        return bool(self.microsoft_app_id)

    @property
    def db_url(self) -> str:
        """The database URL: ``DATABASE_URL``, or an SQLite file in the data folder."""
        return self.database_url or f"sqlite:///{(self.data_dir / 'compliance-bot.db').resolve()}"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, dotenv_path: str | None = ".env") -> Settings:
        """Read settings from ``environ`` (default ``os.environ``) over a ``.env`` file if present."""
        values = {**(dotenv_values(dotenv_path) if dotenv_path and Path(dotenv_path).is_file() else {}),
                  **(os.environ if environ is None else environ)}
        return cls(
            host=_env(values, "HOST", "127.0.0.1"),
            port=int(_env(values, "PORT", str(DEFAULT_PORT))),
            slack_bot_token=_env(values, "SLACK_BOT_TOKEN"),
            slack_signing_secret=_env(values, "SLACK_SIGNING_SECRET"),
            slack_app_token=_env(values, "SLACK_APP_TOKEN"),
            slack_api_url=_env(values, "SLACK_API_URL", SLACK_API_URL),
            microsoft_app_id=_env(values, "MICROSOFT_APP_ID"),
            microsoft_app_password=_env(values, "MICROSOFT_APP_PASSWORD"),
            microsoft_app_type=_env(values, "MICROSOFT_APP_TYPE", "MultiTenant"),
            microsoft_app_tenant_id=_env(values, "MICROSOFT_APP_TENANT_ID"),
            database_url=_env(values, "DATABASE_URL"),
            data_dir=Path(_env(values, "DATA_DIR", "data")),
            api_key=_env(values, "API_KEY"),
            audit_secret=_env(values, "AUDIT_SECRET"),
            workers=int(_env(values, "WORKERS", "1")),
            audit_retention_days=int(_env(values, "AUDIT_RETENTION_DAYS", "365")),
            reminder_interval=float(_env(values, "REMINDER_INTERVAL", "20")),
            sensitivity=_env(values, "SENSITIVITY", "balanced"),
            log_level=_env(values, "LOG_LEVEL", "INFO"),
        )
