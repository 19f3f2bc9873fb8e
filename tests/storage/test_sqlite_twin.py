"""A turn's storage work on a SQLite file goes through the engine's twin (bot/storage/sqlite_twin.py):
reads on the event loop, the write on the twin's writer thread, never through aiosqlite's
per-statement thread hand-offs, and never with the loop waiting for another writer's lock."""
from __future__ import annotations

import asyncio
import sqlite3

import aiosqlite.core
import pytest

from bot.process.people import Member
from bot.storage import Storage
from bot.storage.engine import create_engine
from bot.storage.sqlite_twin import twin_of
from bot.storage.turn_work import ActivityAlreadyHandled, TurnWork
from bot.storage.migrate import upgrade
from tests.conftest import make_engine
from tests.storage.test_nomination import nomination, open_round


@pytest.fixture
async def sqlite_store(tmp_path):
    engine, _ = await make_engine("sqlite", tmp_path)
    store = Storage(engine)
    try:
        yield store
    finally:
        await store.dispose()


async def a_nomination_turn(store, clock, rnd, key: str, why: str = "Fordi") -> TurnWork:
    turn = TurnWork(store.engine, key, clock.now())
    await turn.remember(user_id="u2", tenant_id="t", now=clock.now(), name="Åse", conversation_id="a:u2")
    assert await turn.round(rnd.id) == rnd
    assert (await turn.invitee(rnd.id, "u2")).name == "Åse Ørum"
    assert await turn.workplace(rnd.team_id) is None
    assert await turn.planning_group(rnd.team_id) == []
    await turn.nomination(rnd.id, "u2")
    assert await turn.save_nomination(rnd.id, "u2", nomination(why), clock.now())
    return turn


async def test_a_nomination_turn_never_hands_work_to_aiosqlite(sqlite_store, clock, monkeypatch):
    store = sqlite_store
    rnd = await open_round(store, clock)
    await store.dialogues.add_invitees(rnd.id, [Member("u2", "Åse Ørum")])

    async def refused(*_args, **_kwargs):
        raise AssertionError("a turn's storage work went through aiosqlite's thread")

    monkeypatch.setattr(aiosqlite.core.Connection, "_execute", refused)
    turn = await a_nomination_turn(store, clock, rnd, "conv|a1")
    await turn.finish()
    again = await a_nomination_turn(store, clock, rnd, "conv|a1", why="Ny grund")  # Teams delivers it twice
    with pytest.raises(ActivityAlreadyHandled):
        await again.finish()
    monkeypatch.undo()

    assert turn.claimed and not again.claimed
    assert await store.nominations.get(rnd.id, "u2") == nomination("Fordi")
    assert (await store.people.get("u2")).conversation_id == "a:u2"


async def test_the_loop_goes_on_while_another_writer_holds_the_lock(sqlite_store, clock, tmp_path):
    store = sqlite_store
    rnd = await open_round(store, clock)
    await store.dialogues.add_invitees(rnd.id, [Member("u2", "Åse Ørum")])
    turn = await a_nomination_turn(store, clock, rnd, "conv|a1")

    other = sqlite3.connect(tmp_path / "test.db", isolation_level=None)  # another process's writer, say
    other.execute("BEGIN IMMEDIATE")
    finishing = asyncio.create_task(turn.finish())
    for _ in range(20):  # the loop keeps turning: the write waits on the writer thread, not here
        await asyncio.sleep(0)
    assert not finishing.done()
    assert await store.nominations.get(rnd.id, "u2") is None  # others still read meanwhile (WAL)
    other.execute("COMMIT")
    other.close()
    await finishing
    assert await store.nominations.get(rnd.id, "u2") == nomination("Fordi")


async def test_an_in_memory_database_has_no_twin_and_its_turns_use_the_async_engine(clock):
    engine = create_engine("sqlite+aiosqlite://")  # a second engine would see another database
    try:
        await upgrade(engine)
        assert twin_of(engine) is None
        turn = TurnWork(engine, "conv|a1", clock.now())
        await turn.finish()
        assert turn.claimed and not await Storage(engine).activities.claim("conv|a1", clock.now())
    finally:
        await engine.dispose()


async def test_disposing_the_storage_disposes_the_twin(tmp_path):
    engine, _ = await make_engine("sqlite", tmp_path)
    assert twin_of(engine) is not None
    await Storage(engine).dispose()
    assert twin_of(engine) is None


async def test_a_turn_cancelled_while_its_write_waits_still_writes_all_it_decided(sqlite_store, clock, tmp_path):
    store = sqlite_store
    rnd = await open_round(store, clock)
    await store.dialogues.add_invitees(rnd.id, [Member("u2", "Åse Ørum")])
    turn = await a_nomination_turn(store, clock, rnd, "conv|a1")

    other = sqlite3.connect(tmp_path / "test.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    finishing = asyncio.create_task(turn.finish())
    for _ in range(20):
        await asyncio.sleep(0)
    finishing.cancel()  # Teams gave up, say: the write already handed to the writer goes on
    with pytest.raises(asyncio.CancelledError):
        await finishing
    other.execute("COMMIT")
    other.close()
    await asyncio.get_running_loop().run_in_executor(twin_of(store.engine).writer, lambda: None)  # the writer is done
    assert await store.nominations.get(rnd.id, "u2") == nomination("Fordi")
    assert (await store.people.get("u2")).conversation_id == "a:u2"  # the sender too, in the same transaction
    assert not await store.activities.claim("conv|a1", clock.now())
