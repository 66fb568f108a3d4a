import pytest

from bot.checker import Checker
from bot.config import Settings
from bot.server import create_app

from .slack_helpers import BOT_TOKEN, SECRET, MockSlack


@pytest.fixture(scope="session")
def shared_checker():
    """One in-process checker for the whole run (the model loads once)."""
    checker = Checker(workers=0)
    yield checker
    checker.close()


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{tmp_path / 'bot.db'}", workers=0, reminder_interval=0,
                    audit_secret="test-secret")


@pytest.fixture
async def mock_slack(aiohttp_server):
    mock = MockSlack()
    server = await aiohttp_server(mock.app)
    mock.url = str(server.make_url("/"))
    return mock


@pytest.fixture
async def slack_client(aiohttp_client, settings, mock_slack, shared_checker):
    slack_settings = Settings(**{**settings.__dict__, "slack_bot_token": BOT_TOKEN, "slack_signing_secret": SECRET,
                                 "slack_api_url": mock_slack.url + "api/"})
    app = create_app(slack_settings, shared_checker)
    client = await aiohttp_client(app)
    client.mock = mock_slack
    client.app_settings = slack_settings
    return client


@pytest.fixture
async def web_client(aiohttp_client, settings, shared_checker):
    """The app with no platform credentials: web chat and JSON API on a real loopback server."""
    return await aiohttp_client(create_app(settings, shared_checker))


@pytest.fixture
async def keyed_client(aiohttp_client, settings, shared_checker):
    """The app with API_KEY set."""
    return await aiohttp_client(create_app(Settings(**{**settings.__dict__, "api_key": "s3cret"}), shared_checker))


@pytest.fixture
async def connector(aiohttp_server):
    from .teams_helpers import MockConnector

    mock = MockConnector()
    server = await aiohttp_server(mock.app)
    mock.url = str(server.make_url("")).rstrip("/")
    return mock


@pytest.fixture
async def teams_client(aiohttp_client, settings, shared_checker, connector):
    client = await aiohttp_client(create_app(settings, shared_checker))
    client.connector = connector
    return client
