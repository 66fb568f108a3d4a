"""Microsoft Teams adapter: botbuilder's TeamsActivityHandler behind the shared aiohttp server."""
