import pytest

from bot.slack.payloads import has_files, is_checkable_message, is_dm, reply_thread, strip_mentions

ROWS = [
    ({"type": "message", "user": "U1", "text": "hi", "channel_type": "im"}, True),
    ({"type": "message", "user": "U1", "subtype": "file_share", "channel_type": "im"}, True),
    ({"type": "message", "user": "U1", "bot_id": "B1"}, False),
    ({"type": "message", "subtype": "bot_message", "bot_id": "B1"}, False),
    ({"type": "message", "subtype": "message_changed", "message": {"user": "U1"}}, False),
    ({"type": "message", "subtype": "channel_join", "user": "U1"}, False),
    ({"type": "message", "subtype": "message_deleted"}, False),
]


@pytest.mark.parametrize(("event", "expected"), ROWS)
def test_is_checkable_message(event, expected):
    assert is_checkable_message(event) is expected


def test_dm_files_threads_and_mentions():
    assert is_dm({"channel": "D1"}) and is_dm({"channel_type": "im", "channel": "C1"})
    assert not is_dm({"channel": "C1", "channel_type": "channel"})
    assert has_files({"files": [{"id": "F1"}]}) and not has_files({"text": "x"})
    assert reply_thread({"ts": "1.1", "thread_ts": "0.9"}) == "0.9" and reply_thread({"ts": "1.1"}) == "1.1"
    assert strip_mentions("<@U0LAN0Z89> is this ok? <@W222|dr>") == "is this ok?"
