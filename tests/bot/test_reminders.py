"""Reminders: parsing, DST-aware schedules, exactly-once delivery across two scheduler instances."""

import asyncio
from datetime import UTC, datetime, time, timedelta

import pytest

from bot.reminders import Schedule, Scheduler, parse_add, tips
from bot.storage import Store
from bot.storage.migrate import upgrade

from .test_storage import db_url  # noqa: F401  (the SQLite + PostgreSQL fixture)


def test_parse_add_accepts_each_cadence_and_explains_errors():
    spec = parse_add(["weekly", "mon,thu", "09:30", "America/Chicago", "privacy"], None)
    assert spec.schedule.days == (0, 3) and spec.schedule.at == time(9, 30)
    assert spec.schedule.timezone == "America/Chicago" and spec.topic == "privacy"
    assert parse_add(["weekdays", "08:00"], "Europe/London").schedule.timezone == "Europe/London"
    assert parse_add(["daily", "7:05"], None).schedule.days == tuple(range(7))
    for words, fragment in ((["hourly", "09:00"], "Usage"), (["daily", "25:00"], "HH:MM"),
                            (["weekly", "09:00"], "Unknown day"), (["daily", "09:00", "Mars/Base"], "time zone"),
                            (["daily", "09:00", "gossip"], "Unknown topic")):
        assert fragment in parse_add(words, None)


def test_schedule_follows_daylight_saving_time():
    chicago = Schedule("daily", tuple(range(7)), time(9, 0), "America/Chicago")
    before = chicago.next_after(datetime(2026, 3, 7, 12, 0, tzinfo=UTC))   # CST: 9:00 = 15:00 UTC
    after = chicago.next_after(datetime(2026, 3, 9, 12, 0, tzinfo=UTC))    # CDT: 9:00 = 14:00 UTC
    assert before == datetime(2026, 3, 7, 15, 0, tzinfo=UTC) and after == datetime(2026, 3, 9, 14, 0, tzinfo=UTC)
    weekdays = Schedule("weekdays", tuple(range(5)), time(9, 0), "UTC")
    assert weekdays.next_after(datetime(2026, 11, 27, 10, 0, tzinfo=UTC)).weekday() == 0  # Friday -> Monday


def _add(store, channel, at):
    schedule = Schedule("daily", tuple(range(7)), time(9, 0), "UTC")
    return store.add_reminder(platform="slack", workspace="T1", channel=channel, cadence="daily",
                              days="0,1,2,3,4,5,6", at_time="09:00", timezone="UTC", topic=None, created_by=None,
                              next_run=schedule.next_after(at - timedelta(days=1)))


async def test_two_schedulers_deliver_each_due_reminder_exactly_once(db_url):  # noqa: F811
    upgrade(db_url)
    setup = Store(db_url)
    due = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    for i in range(40):
        _add(setup, f"C{i}", due)
    sent = []

    async def deliver(reminder, text, link):
        sent.append((reminder.channel, text))

    first, second = Scheduler(Store(db_url), deliver), Scheduler(Store(db_url), deliver)
    await asyncio.gather(first.run_once(due), second.run_once(due), first.run_once(due), second.run_once(due))
    assert sorted(c for c, _ in sent) == sorted(f"C{i}" for i in range(40))
    restarted = Scheduler(Store(db_url), deliver)
    await restarted.run_once(due + timedelta(minutes=5))
    assert len(sent) == 40 and len(setup.deliveries()) == 40


async def test_after_downtime_a_missed_reminder_goes_out_once_and_tips_rotate(db_url):  # noqa: F811
    upgrade(db_url)
    store = Store(db_url)
    start = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    _add(store, "C1", start)
    sent = []

    async def deliver(reminder, text, link):
        sent.append(text)

    scheduler = Scheduler(store, deliver)
    assert await scheduler.run_once(start + timedelta(days=5)) == 1  # five days down: one send, not five
    assert await scheduler.run_once(start + timedelta(days=5, hours=1)) == 0
    assert await scheduler.run_once(start + timedelta(days=6)) == 1
    assert sent[0] != sent[1] and all(t in [x for x, _ in tips()] for t in sent)


async def test_a_failed_send_is_logged_and_not_retried(db_url, caplog):  # noqa: F811
    upgrade(db_url)
    store = Store(db_url)
    due = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    _add(store, "C1", due)

    async def broken(reminder, text, link):
        raise ConnectionError("down")

    assert await Scheduler(store, broken).run_once(due) == 0
    assert "not delivered" in caplog.text and len(store.deliveries()) == 1


@pytest.mark.parametrize("platform", ["slack", "teams"])
async def test_reminder_set_by_command_is_posted_through_the_platform(platform, slack_client, connector):
    from bot.server import SCHEDULER, SERVICE

    from .slack_helpers import command_body, sign
    from .teams_helpers import activity as teams_activity

    app = slack_client.server.app
    if platform == "slack":
        body = command_body("/reminders", "add daily 09:00 coi", slack_client.mock.url + "respond/rem")
        await slack_client.post("/slack/events", data=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", **sign(body)})
        (answer,) = await slack_client.mock.wait_for("response_url")
        assert "Reminder set" in answer["text"] and "topic coi" in answer["text"]
        assert slack_client.mock.sent("users.info") and "America/Los_Angeles" in answer["text"]
    else:
        conversation = {"id": "19:general@thread.tacv2;messageid=9", "conversationType": "channel",
                        "isGroup": True, "tenantId": "tenant-1"}
        await slack_client.post("/api/messages", json=teams_activity(
            connector.url, "<at>compliance-bot</at> reminders add weekdays 09:00 Europe/Paris coi",
            conversation, localTimezone="America/New_York",
            entities=[{"type": "mention", "text": "<at>compliance-bot</at>", "mentioned": {"id": "28:bot-id"}}]))
        (answer,) = await connector.wait_for(conversation["id"])
        assert "Reminder set" in answer["text"] and "Europe/Paris" in answer["text"]
    (reminder,) = app[SERVICE].store.reminders(platform)
    sent = await app[SCHEDULER].run_once(reminder.next_run + timedelta(seconds=1))
    assert sent == 1
    if platform == "slack":
        (post,) = await slack_client.mock.wait_for("chat.postMessage")
        assert post["channel"] == "C111" and "Social-media tip" in post["text"] and "https://" in post["text"]
    else:
        posts = await connector.wait_for("19:general@thread.tacv2", 1)
        assert "Social-media tip" in posts[-1]["text"]
