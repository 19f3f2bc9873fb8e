"""Shared fixtures: the storage on SQLite and, where a server is reachable, on PostgreSQL.

PostgreSQL cases skip with a reason on a machine without a server, unless
TALSAMMEN_REQUIRE_POSTGRES=1 (set by .ci/run), which turns the skip into a failure.
"""
from __future__ import annotations

import os
import socket
import uuid
from datetime import datetime, timezone
from urllib.parse import urlparse

import pytest
import pytest_asyncio

from bot.process.clock import FixedClock
from bot.storage.engine import create_engine
from bot.storage.migrate import upgrade
from bot.storage import Storage

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
REQUIRE_POSTGRES = os.environ.get("TALSAMMEN_REQUIRE_POSTGRES") == "1"


def postgres_reachable() -> bool:
    parsed = urlparse(POSTGRES_URL)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 5432), timeout=1):
            return True
    except OSError:
        return False


def require_postgres() -> None:
    if postgres_reachable():
        return
    if REQUIRE_POSTGRES:
        pytest.fail(f"TALSAMMEN_REQUIRE_POSTGRES=1 but no PostgreSQL answers at {POSTGRES_URL}")
    pytest.skip(f"no PostgreSQL server at {POSTGRES_URL} (set TEST_POSTGRES_URL; CI makes this mandatory)")


async def empty_engine(backend: str, tmp_path, *, name: str = "test.db"):
    """A fresh, empty database: a SQLite file, or a PostgreSQL schema of its own."""
    if backend == "sqlite":
        return create_engine(f"sqlite+aiosqlite:///{tmp_path / name}"), None
    require_postgres()
    schema = "t_" + uuid.uuid4().hex[:16]
    admin = create_engine(POSTGRES_URL)
    async with admin.begin() as conn:
        await conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    await admin.dispose()
    return create_engine(POSTGRES_URL, search_path=schema), schema


async def make_engine(backend: str, tmp_path):
    """A fresh, migrated database."""
    engine, schema = await empty_engine(backend, tmp_path)
    await upgrade(engine)
    return engine, schema


async def drop_engine(engine, schema) -> None:
    await engine.dispose()
    if schema:
        admin = create_engine(POSTGRES_URL)
        async with admin.begin() as conn:
            await conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        await admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request) -> str:
    return request.param


@pytest_asyncio.fixture
async def engine(backend, tmp_path):
    engine, schema = await make_engine(backend, tmp_path)
    try:
        yield engine
    finally:
        await drop_engine(engine, schema)


@pytest_asyncio.fixture
async def store(engine) -> Storage:
    return Storage(engine)


@pytest.fixture
def clock() -> FixedClock:
    # A Tuesday in September, 10:00 in Copenhagen: inside the working window.
    return FixedClock(datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc))
