"""The local web chat and the JSON API: the whole product with no Slack or Teams credentials."""
