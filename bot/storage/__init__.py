"""Storage: SQLAlchemy models, migrations and the ``Store`` the server uses (no draft text, ever)."""

from .store import Store, normalize_url

__all__ = ["Store", "normalize_url"]
