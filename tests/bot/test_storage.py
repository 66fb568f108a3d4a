"""Storage against SQLite and a real PostgreSQL (TEST_DATABASE_URL; required when CI is set)."""

import os
import threading
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, inspect, text

from bot.storage import Store, normalize_url
from bot.storage.migrate import upgrade

PG_URL = os.environ.get("TEST_DATABASE_URL")


def _postgres_url():
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("TEST_DATABASE_URL is required when CI is set", pytrace=False)
        pytest.skip("TEST_DATABASE_URL not set")
    schema = f"cb_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalize_url(PG_URL))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}", admin, schema


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    yield from _postgres_schema()


@pytest.fixture
def pg_url():
    """PostgreSQL only: what several replicas share."""
    yield from _postgres_schema()


def _postgres_schema():
    url, admin, schema = _postgres_url()
    yield url
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def test_plain_postgresql_urls_use_psycopg3():
    assert normalize_url("postgresql://postgres@127.0.0.1:5432/test").startswith("postgresql+psycopg://")
    assert normalize_url("sqlite:///x.db") == "sqlite:///x.db"


def test_migrations_create_every_table_and_are_idempotent(db_url):
    upgrade(db_url)
    upgrade(db_url)
    tables = set(inspect(create_engine(normalize_url(db_url))).get_table_names())
    assert {"processed_events", "checks", "feedback", "conversation_refs", "alembic_version"} <= tables


def test_replicas_starting_together_migrate_once(pg_url):
    db_url = pg_url
    errors = []

    def run():
        try:
            upgrade(db_url)
        except Exception as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with create_engine(normalize_url(db_url)).connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() is not None


def test_event_is_claimed_once_across_replicas(db_url):
    upgrade(db_url)
    first, second = Store(db_url), Store(db_url)
    assert first.claim_event("slack", "Ev1") is True
    assert second.claim_event("slack", "Ev1") is False
    assert second.claim_event("teams", "Ev1") is True
    assert first.forget_events(timedelta(seconds=-1)) == 2


def test_checks_and_feedback_hold_no_text(db_url):
    upgrade(db_url)
    store = Store(db_url)
    check_id = store.record_check(platform="slack", workspace="T1", channel="C1", entry_point="dm",
                                  user_hash="u" * 64, text_hash="t" * 64, labels=["privacy"],
                                  scores={"privacy": 0.9}, verdict="high", model_version="cb-x")
    assert store.record_feedback(check_id, True, "slack", "u" * 64) is True
    assert store.record_feedback(check_id, False, "slack", "u" * 64) is False
    (row,) = store.checks()
    assert row.labels == ["privacy"] and row.scores == {"privacy": 0.9}
    columns = {c["name"] for c in inspect(store.engine).get_columns("checks")}
    assert not {"text", "draft", "message"} & columns


def test_settings_changed_together_all_stay(db_url):
    """An admin sending several settings commands at once: the first creates the row, none is lost."""
    upgrade(db_url)
    replicas = [Store(db_url) for _ in range(3)]
    changes = [{"policy_url": "https://intranet.example.org/p"}, {"emergency_number": "112"},
               {"privacy_officer": "Dana Reyes"}]
    for workspace in ("T1", "T2", "T3", "T4", "T5"):
        errors = []

        def change(store, values, workspace=workspace, errors=errors):
            try:
                store.update_workspace_settings("slack", workspace, **values)
            except Exception as exc:  # collected, so a failure is reported, not lost in a thread
                errors.append(exc)

        threads = [threading.Thread(target=change, args=pair) for pair in zip(replicas, changes)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        row = replicas[0].workspace_settings("slack", workspace)
        assert (row.policy_url, row.emergency_number, row.privacy_officer) == \
            ("https://intranet.example.org/p", "112", "Dana Reyes")


def test_conversation_references_upsert(db_url):
    upgrade(db_url)
    store = Store(db_url)
    store.save_reference("teams", "a:1", "personal", {"serviceUrl": "https://x"}, "t1")
    store.save_reference("teams", "a:1", "personal", {"serviceUrl": "https://y"}, "t1")
    (ref,) = store.references("teams")
    assert ref.reference == {"serviceUrl": "https://y"}


def test_forget_user_keeps_only_pseudonymous_audit_rows(db_url):
    upgrade(db_url)
    store = Store(db_url)
    user = "h" * 64
    store.record_check(platform="web", workspace=None, channel=None, entry_point="api", user_hash=user,
                       text_hash="t" * 64, labels=[], scores={}, verdict="clear", model_version="cb-x")
    store.record_feedback("c1", True, "web", user)
    store.set_footprint(user, {"search"})
    store.save_reference("teams", "a:1", "personal", {}, user_hash=user)
    assert store.forget_user(user) == 3
    assert store.feedback() == [] and store.footprint_done(user) == set() and store.references("teams") == []
    assert len(store.checks()) == 1
    assert store.purge_checks(timedelta(seconds=-1)) == 1 and store.checks() == []
