"""PostgreSQL's pool pings a connection only when it has sat idle (bot/storage/engine.py).

A connection the database dropped while it sat in the pool is replaced before anyone uses it;
one used a moment ago is not pinged, which under a burst saves three round trips a checkout.
"""
from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.dialects.postgresql import asyncpg as asyncpg_dialect

from bot.storage import engine as engine_module
from conftest import POSTGRES_URL, require_postgres

pytestmark = pytest.mark.postgres


@pytest.fixture
async def pg_engine():
    require_postgres()
    engine = engine_module.create_engine(POSTGRES_URL, pool_size=1)
    yield engine
    await engine.dispose()


@pytest.fixture
def pings(monkeypatch):
    counted: list[int] = []
    original = asyncpg_dialect.AsyncAdapt_asyncpg_connection.ping

    def counting(self):
        counted.append(1)
        return original(self)

    monkeypatch.setattr(asyncpg_dialect.AsyncAdapt_asyncpg_connection, "ping", counting)
    return counted


async def _backend_pid(engine) -> int:
    async with engine.connect() as conn:
        return (await conn.execute(text("select pg_backend_pid()"))).scalar_one()


async def _terminate(pid: int) -> None:
    admin = engine_module.create_engine(POSTGRES_URL, pool_size=1)
    try:
        async with admin.connect() as conn:
            assert (await conn.execute(text("select pg_terminate_backend(:pid)"), {"pid": pid})).scalar_one()
    finally:
        await admin.dispose()


async def test_a_connection_dropped_while_idle_is_replaced_before_use(pg_engine, pings, monkeypatch):
    first = await _backend_pid(pg_engine)
    await _terminate(first)
    monkeypatch.setattr(engine_module, "_IDLE_BEFORE_PING", 0.0)  # it has sat idle long enough

    assert await _backend_pid(pg_engine) != first  # the statement ran on a new connection, no error
    assert len(pings) == 2  # the dropped one (failed), then the connection that replaced it


async def test_a_connection_used_a_moment_ago_is_not_pinged(pg_engine, pings):
    for _ in range(20):
        await _backend_pid(pg_engine)

    assert pings == []
