"""compliance-bot: checks clinicians' draft social-media posts in Slack, Teams, the web and a terminal."""
