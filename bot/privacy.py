"""Keyed hashes: how the bot remembers who and what without keeping either."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from pathlib import Path

log = logging.getLogger(__name__)
SECRET_FILE = "audit_secret"


def keyed_hash(secret: bytes, value: str) -> str:
    """HMAC-SHA256 of ``value``: stable for one server secret, useless without it."""
    return hmac.new(secret, value.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def load_secret(configured: str | None, data_dir: Path) -> bytes:
    """``AUDIT_SECRET`` when set; else a secret generated once into the data folder (owner-only)."""
    if configured:
        return configured.encode()
    path = data_dir / SECRET_FILE
    if not path.is_file():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
        log.warning("AUDIT_SECRET is not set: generated one in %s. Replicas must share one secret: "
                    "set AUDIT_SECRET to the same value everywhere.", path)
    return path.read_text().strip().encode()
