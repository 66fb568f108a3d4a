import pytest

from classifiers.engine import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The committed, verified model (loaded once for the whole run)."""
    return Engine.load()
