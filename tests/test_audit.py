"""The audit log: the right events, ids only (never free text), and append-only in the database."""
from __future__ import annotations

import dataclasses
import importlib
import inspect
import json
import pkgutil
import re
from datetime import datetime, timezone

import pytest
import pytest_asyncio
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

import factories as f
import bot.storage
from bot.process.audit import AUDIT_ACTIONS, audit_id
from secure_app import SecureApp, secure_app

NOW = datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc)
TYPED = "Hemmelig tekst om Bo med æøå 😀"


async def test_the_audit_log_refuses_updates_and_deletes_in_the_database(store):
    await store.audit.record(actor="u-1", action="data.viewed", subject="u-1", now=NOW)
    for statement in ("UPDATE audit_log SET actor = 'someone'", "DELETE FROM audit_log"):
        with pytest.raises((IntegrityError, OperationalError, DBAPIError)):
            async with store.engine.begin() as conn:
                await conn.execute(sa.text(statement))
    assert [(e.actor, e.action) for e in await store.audit.entries()] == [("u-1", "data.viewed")]


def test_no_code_path_updates_or_deletes_audit_rows():
    names = [m.name for m in pkgutil.iter_modules(bot.storage.__path__) if not m.name.startswith("migrat")]
    assert "audit" in names and "reminders" in names
    for name in names:
        module = importlib.import_module(f"bot.storage.{name}")
        source = inspect.getsource(module)
        assert not re.search(r"(update|delete)\(\s*(AuditEntry|AuditRow)", source), module.__name__
        assert not re.search(r"(UPDATE|DELETE FROM)\s+audit_log", source, re.IGNORECASE), module.__name__
    # The audit repository itself (which names the table by an alias) has no update or delete at all.
    assert not re.search(r"\b(update|delete)\(", inspect.getsource(importlib.import_module("bot.storage.audit")))


async def test_audit_entries_hold_ids_and_fixed_words_only(store):
    with pytest.raises(ValueError):
        await store.audit.record(actor="u-1", action="free text here", now=NOW)
    await store.audit.record(actor="u-1", action="payload.rejected", subject=TYPED, now=NOW)
    entry = (await store.audit.entries())[-1]
    assert entry.subject.startswith("sha256:") and "Bo" not in entry.subject
    assert audit_id("29:1AbC-d_e") == "29:1AbC-d_e" and audit_id("19:x@thread.tacv2;messageid=1") == "19:x@thread.tacv2;messageid=1"


@pytest_asyncio.fixture
async def app(backend, tmp_path, monkeypatch):
    async with secure_app(backend, tmp_path, monkeypatch) as secure:
        yield secure


async def test_a_whole_journey_audits_views_exports_deletions_role_changes_and_no_free_text(app: SecureApp):
    round_ = await app.start_round(named_mode="named")
    value = {
        "verb": "nomination.submit", "round_id": round_.id, "wellbeing_theme": "own", "wellbeing_own_title": TYPED,
        "wellbeing_why_me": TYPED, "wellbeing_core_task": TYPED, "leadership_theme": "shared-direction-goals",
        "leadership_why_me": TYPED, "leadership_core_task": TYPED,
    }
    bo = dict(user="u-bo", conversation="a:u-bo", reply_to=None)
    await app.post(f.personal_submit(app.mock.url, value, **bo))
    await app.post(f.personal_submit(app.mock.url, {**value, "note": TYPED}, **bo))  # rejected
    await app.post(f.personal_message(app.mock.url, "hej", user="u-leader", conversation="a:u-leader"))
    await app.post(f.channel_mention(app.mock.url, "optælling", user="u-leader", name="Lea Leder"))
    add = f.channel_mention(app.mock.url, "gruppe tilføj", user="u-leader", name="Lea Leder")
    add["entities"].append({"type": "mention", "text": "<at>Bo</at>", "mentioned": {"id": "u-bo", "name": "Bo Bæk"}})
    await app.post(add)
    await app.post(f.personal_message(app.mock.url, "mine data", **{k: v for k, v in bo.items() if k != "reply_to"}))
    await app.post(f.personal_submit(app.mock.url, {"verb": "data.export"}, **bo))
    await app.post(f.personal_submit(app.mock.url, {"verb": "nomination.delete.confirm", "round_id": round_.id}, **bo))

    entries = await app.store.audit.entries()
    assert [(e.actor, e.action) for e in entries] == [
        ("u-bo", "payload.rejected"), ("u-leader", "tally.viewed"), ("u-leader", "planning_group.add"),
        ("u-bo", "data.viewed"), ("u-bo", "data.exported"), ("u-bo", "nomination.deleted"),
    ]
    assert {e.action for e in entries} <= AUDIT_ACTIONS
    dump = json.dumps([dataclasses.asdict(e) for e in entries], ensure_ascii=False, default=str)
    assert "Hemmelig" not in dump and "😀" not in dump and "Bo Bæk" not in dump
